"""Paragraph and line boundaries: a line break always ends a sentence, and headline lines are
recognised so that they never become the subject of the next sentence or a quote of their own.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .marks import CLOSING_TOKENS

_SMALL_WORDS = {"a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "by",
                "with", "as", "vs", "vs.", "from", "over", "into", "is", "its"}


@Language.component("line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break, and none right after a word within a line nor
    at a quotation mark that closes on the word before it (runs before the parser, which
    respects both: ``Study finds link …⏎⏎People who eat …`` was parsed with ``People`` a
    sentence of its own, and ``… environment.”`` with ``”`` one, 109 times in PolNeAR dev)."""
    for token in doc[:-1]:
        nxt = doc[token.i + 1]
        if "\n" in token.text or "\n" in token.whitespace_:
            nxt.is_sent_start = True
        elif token.is_alpha and nxt.is_alpha or not token.whitespace_ and nxt.text in CLOSING_TOKENS:
            nxt.is_sent_start = False  # (nor does one start at a quotation mark that closes on a word)
    return doc


# A run of this many tokens since the last sentence start is ended at its next full stop, and
# one of twice as many anyway. PolNeAR's longest run without a line break or a full stop is 221
# tokens (a list, in train); its longest sentence 223. Only hostile or broken text runs longer, and
# there the cap keeps every later stage's per-sentence work bounded: the whole stays linear in
# the length of the text. (At 120, 150 or 250 the answers on PolNeAR dev are the same.)
LONG_SENTENCE_TOKENS = 150
_FULL_STOPS = {".", "?", "!"}
_NOT_A_SENTENCE_START = set("”’\"')]}»›")


@Language.component("long_sentences")
def long_sentences(doc: Doc) -> Doc:
    """End overlong sentences (runs before the parser, after ``line_breaks``): after
    ``LONG_SENTENCE_TOKENS`` tokens without a sentence start, the next full stop ends the
    sentence; after twice as many, the next token starts one whatever it is."""
    run = 0
    for token in doc[:-1]:
        nxt = doc[token.i + 1]
        run = 0 if token.is_sent_start else run + 1
        if nxt.is_sent_start:
            continue
        at_stop = token.text in _FULL_STOPS and nxt.text[0] not in _NOT_A_SENTENCE_START
        if (run >= LONG_SENTENCE_TOKENS and at_stop) or run >= 2 * LONG_SENTENCE_TOKENS:
            nxt.is_sent_start = True
    return doc


def ends_line(token: Token) -> bool:
    """Whether a line break follows *token* (in its trailing space or as the token itself)."""
    return "\n" in token.whitespace_ or "\n" in token.text


def is_headline(sent: Span) -> bool:
    """A line in title case without closing punctuation, such as
    ``U.S. Secretary of State Stresses Diplomacy and Concerns``.

    A sentence ending in ``.``, ``?``, ``!``, ``:`` or a quote mark is body text.
    """
    last = next((t for t in reversed(sent) if not t.is_space), None)
    if last is None or last.text in {".", "?", "!", ":", "”", '"', "’", "'", "…"}:
        return False  # first: it settles most sentences without reading their words
    return title_cased(sent)


def title_cased(sent: Span) -> bool:
    """Whether the content words of *sent* (three words or more) are capitalised, as in a title,
    whatever punctuation ends it (PolNeAR's titles end with a full stop)."""
    words = [t.text for t in sent if t.is_alpha]
    return len(words) >= 3 and capitalised_share(words) >= 0.8


def capitalised_share(words: list[str]) -> float:
    """The share of *words*, small words (articles, conjunctions, short prepositions) aside,
    that start with a capital; 0 when only small words are left."""
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    return sum(1 for w in content if w[0].isupper()) / len(content) if content else 0.0
