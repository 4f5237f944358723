"""Lines that open with a speaker and a colon: transcripts (``PENCE: Well, look, …``) and
headlines (``Pat Caddell: Democrat Voters Worried …``). The colon is the cue; the rest of the
line is the content.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from .frames import Frame
from .lexicon import COLON_LABELS
from .marks import QUOTE_OPENERS

_MAX_NAME_TOKENS = 5
_MIN_CONTENT_WORDS = 3
_LINE = re.compile(r"[^\n]+")


def _is_name_token(token: Token) -> bool:
    if token.is_punct:
        return token.text in {".", "-", "’", "'"}
    if token.tag_ == "POS":
        return True
    return token.text[:1].isupper() and not token.like_num


def speaker_colon_frames(doc: Doc) -> list[Frame]:
    """A frame for every line shaped ``Name: content`` (name of at most five capitalised words,
    not a label such as ``WATCH`` or ``UPDATE``, not a time such as ``6:05``)."""
    frames = []
    text = doc.text
    for line in _LINE.finditer(text):
        start = line.start()
        while start < line.end() and (text[start].isspace() or text[start] in QUOTE_OPENERS):
            start += 1
        colon = text.find(":", start, min(line.end(), start + 60))
        if colon <= start:
            continue
        name = text[start:colon].strip()
        if not name or name.lower() in COLON_LABELS or any(ch.isdigit() for ch in name):
            continue
        span = doc.char_span(start, start + len(name), alignment_mode="strict")
        colon_span = doc.char_span(colon, colon + 1, alignment_mode="strict")
        if span is None or colon_span is None or len(span) > _MAX_NAME_TOKENS:
            continue
        if not all(_is_name_token(t) for t in span) or not any(t.pos_ in {"PROPN", "NOUN"} for t in span):
            continue
        content_start, content_end = colon + 1, line.end()
        while content_start < content_end and text[content_start].isspace():
            content_start += 1
        if len(re.findall(r"\w+", text[content_start:content_end])) < _MIN_CONTENT_WORDS:
            continue
        frames.append(Frame(cue=[colon_span[0]], speaker=span.root, content=[(content_start, content_end)],
                            rule="speaker_colon", speaker_from="colon", clause=list(span) + [colon_span[0]],
                            speaker_tokens=list(span)))
    return frames
