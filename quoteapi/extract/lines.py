"""Paragraph and line boundaries: a line break always ends a sentence, and headline lines are
recognised so that they never become the subject of the next sentence or a quote of their own.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

_SMALL_WORDS = {"a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "by",
                "with", "as", "vs", "vs.", "from", "over", "into", "is", "its"}


@Language.component("line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break (runs before the parser, which respects it)."""
    for token in doc[:-1]:
        if "\n" in token.text or "\n" in token.whitespace_:
            doc[token.i + 1].is_sent_start = True
    return doc


def is_headline(sent: Span) -> bool:
    """A line in title case without closing punctuation, such as
    ``U.S. Secretary of State Stresses Diplomacy and Concerns``.

    A sentence ending in ``.``, ``?``, ``!``, ``:`` or a quote mark is body text.
    """
    words = [t for t in sent if t.is_alpha]
    if len(words) < 3:
        return False
    last = next((t for t in reversed(sent) if not t.is_space), None)
    if last is None or last.text in {".", "?", "!", ":", "”", '"', "’", "'", "…"}:
        return False
    content = [t for t in words if t.lower_ not in _SMALL_WORDS]
    capitalised = sum(1 for t in content if t.text[0].isupper())
    return bool(content) and capitalised / len(content) >= 0.8
