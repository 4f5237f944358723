"""Offsets for JavaScript: a response's code-point offsets turned into UTF-16 code units.

Python indexes strings by code point, JavaScript by UTF-16 unit: before an emoji or a
mathematical letter (outside the Basic Multilingual Plane) the two differ by one per such
character. A client that slices a JavaScript string asks for ``offsets: "utf16"``.

>>> to_utf16({"quotes": [{"start": 2, "end": 4, "parts": [], "speaker": None, "cue": None,
...                        "outlet": None}], "speakers": []}, "😀 ab")["quotes"][0]["start"]
3
"""
from __future__ import annotations

from itertools import accumulate

OFFSET_MODES = ("codepoint", "utf16")


def utf16_positions(text: str) -> list[int]:
    """UTF-16 offset of every code-point offset 0…len(text)."""
    return [0, *accumulate(2 if ord(ch) > 0xFFFF else 1 for ch in text)]


def _shift(span: dict | None, table: list[int]) -> None:
    if span is not None:
        span["start"], span["end"] = table[span["start"]], table[span["end"]]


def to_utf16(body: dict, text: str) -> dict:
    """Every offset of a v1 response (quotes, parts, speaker mentions, cues, outlets, the
    speakers' mentions) in UTF-16 units of *text*; the body is changed in place and returned."""
    if text.isascii():
        return body
    table = utf16_positions(text)
    for quote in body["quotes"]:
        _shift(quote, table)
        for part in quote["parts"]:
            _shift(part, table)
        for key in ("speaker", "cue", "outlet"):
            _shift(quote[key], table)
    for speaker in body["speakers"]:
        for mention in speaker["mentions"]:
            _shift(mention, table)
    return body
