"""Quotation-mark pairing over plain text: where the direct quotes are.

Works on the string, before and without the parse, so it is cheap and never depends on how
spaCy tokenised a mark. Handles straight and curly double quotes, curly and straight single
quotes (told apart from apostrophes), « », „ “, and the newsroom convention for a quote that
runs over several paragraphs: each paragraph opens with a mark and only the last one closes.
Unbalanced marks never raise; a quote that is opened and never closed (and does not continue
in the next paragraph) is dropped.

>>> spans = find_quote_spans('“We will win,” she said. “Today.”')
>>> [s.text('“We will win,” she said. “Today.”') for s in spans]
['We will win,', 'Today.']
>>> [s.text("It's the voters' choice, 'not ours'") for s in find_quote_spans("It's the voters' choice, 'not ours'")]
['not ours']
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from .types import Pieces

# Opening and closing marks by family. „ opens a German quote closed by “.
DOUBLE_OPEN = "“«„‟"
DOUBLE_CLOSE = "”»"
SINGLE_OPEN = "‘‹"
SINGLE_CLOSE = "’›"
STRAIGHT_DOUBLE = '"'
STRAIGHT_SINGLE = "'"
QUOTE_OPENERS = DOUBLE_OPEN + SINGLE_OPEN + STRAIGHT_DOUBLE + STRAIGHT_SINGLE
ALL_MARKS = DOUBLE_OPEN + DOUBLE_CLOSE + SINGLE_OPEN + SINGLE_CLOSE + STRAIGHT_DOUBLE + STRAIGHT_SINGLE
# Tokens that may close a quotation (straight marks and PolNeAR's '' too; single marks are also apostrophes).
CLOSING_TOKENS = frozenset({"”", "»", "’", '"', "'", "''"})

# Characters after which a straight mark is more likely to open than to close.
_OPENING_CONTEXT = set(" \t\n\r([{—–-/:") | {"\u00a0"}


@dataclass(frozen=True)
class QuoteSpan(Pieces):
    """One quotation: its content pieces (one per paragraph) and where its marks stand."""

    parts: tuple[tuple[int, int], ...]
    mark_start: int  # offset of the first opening mark
    mark_end: int  # offset just after the last closing mark
    single: bool = False  # made of single marks

    def text(self, source: str) -> str:
        return source[self.start : self.end]

    def length(self) -> int:
        return sum(e - s for s, e in self.parts)


class MarkIndex:
    """The quotations of one document by position, for questions asked once per word or per
    frame: which quotation holds an offset, which ones a span meets, the nearest one before or
    after. Bisection over the marks (quotations never overlap, and ``find_quote_spans`` lists
    them in order), so that a long text costs no more per question than a short one."""

    def __init__(self, spans: list[QuoteSpan]):
        self.spans = sorted(spans, key=lambda q: q.mark_start)
        self.starts = [q.mark_start for q in self.spans]
        self.ends = [q.mark_end for q in self.spans]

    def holding(self, offset: int) -> int | None:
        """The quotation whose marks hold *offset* (a mark itself included)."""
        k = bisect.bisect_right(self.starts, offset) - 1
        return k if k >= 0 and offset < self.ends[k] else None

    def inside(self, offset: int) -> bool:
        """Whether *offset* stands strictly between a quotation's opening and closing marks."""
        k = self.holding(offset)
        return k is not None and self.starts[k] < offset

    def meeting(self, start: int, end: int) -> range:
        """The quotations whose marks overlap ``[start, end)``."""
        return range(bisect.bisect_right(self.ends, start), bisect.bisect_left(self.starts, end))

    def last_before(self, offset: int) -> int | None:
        """The last quotation that closes at or before *offset*."""
        k = bisect.bisect_right(self.ends, offset) - 1
        return k if k >= 0 else None

    def first_after(self, offset: int) -> int | None:
        """The first quotation that opens at or after *offset*."""
        k = bisect.bisect_left(self.starts, offset)
        return k if k < len(self.spans) else None


@dataclass
class _Open:
    at: int
    mark: str
    parts: list[tuple[int, int]]
    first: int
    inner: int = 0  # depth of quotes of the other style nested inside (“…” within "…")
    width: int = 1  # characters of the opening mark ('' is two)
    straight_close: int = -1  # the first straight mark inside a curly quote that could close it
    same: list[int] = field(default_factory=list)  # open curly marks nested in this curly quote
    closed_inside: list["QuoteSpan"] = field(default_factory=list)  # the nested ones closed


def _nested(dq: _Open, ch: str) -> bool:
    """Marks of the other style inside an open quote: "He read: “…” aloud" keeps the outer
    straight quote open, as “She said "no"” keeps the curly one."""
    if dq.mark == STRAIGHT_DOUBLE and ch != STRAIGHT_DOUBLE:
        if ch in DOUBLE_OPEN:
            dq.inner += 1
            return True
        if dq.inner > 0:
            dq.inner -= 1
            return True
        return False
    if dq.mark != STRAIGHT_DOUBLE and ch == STRAIGHT_DOUBLE:
        dq.inner = 1 - dq.inner
        return True
    return False


def _straight_closes_curly(dq: _Open, ch: str, prev: str, nxt: str) -> bool:
    """``“Our roads are crumbling," she said. "Families endure blackouts.”``: a straight mark after
    a sentence's punctuation and before a space, in a curly quotation with no straight one open
    inside, closes it — a quotation nested inside opens first (``“She called it "crazy," and
    left.”``)."""
    return ch == STRAIGHT_DOUBLE and dq.mark in DOUBLE_OPEN and dq.inner == 0 and prev in _ENDING_PUNCTUATION \
        and (nxt == "" or nxt.isspace())


_ENDING_PUNCTUATION = frozenset(",.?!")


def _is_word_char(ch: str) -> bool:
    return ch.isalnum()


def _opens_straight(prev: str, nxt: str) -> bool:
    return (prev == "" or prev in _OPENING_CONTEXT) and nxt != "" and not nxt.isspace()


def _lines(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]


def _first_mark_of_line(text: str, start: int, end: int) -> str:
    stripped = text[start:end].lstrip()
    return stripped[:1]


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """All paired quotations in *text*, in order; single-mark quotes nested in double ones are
    part of the outer quote and not listed on their own.

    >>> t = '"First paragraph.\\n\\n"Second," he said.'
    >>> [s.parts for s in find_quote_spans(t)]
    [((1, 17), (20, 27))]
    """
    spans: list[QuoteSpan] = []
    lines = _lines(text)
    carried: _Open | None = None  # a double quote continuing from the previous paragraph
    for index, (line_start, line_end) in enumerate(lines):
        if not text[line_start:line_end].strip():
            continue  # blank lines between paragraphs keep a continuing quote open
        dq: _Open | None = None
        sq: _Open | None = None
        i = line_start - 1
        while i + 1 < line_end or _mismatched(dq):
            if i + 1 >= line_end:
                # '“… what he needs to."': a curly quote that no curly mark closes, closed by a
                # straight one; the paragraph is read again from there.
                assert dq is not None
                parts = _pieces(text, dq, dq.straight_close)
                if parts:
                    spans.append(QuoteSpan(tuple(parts), dq.first, dq.straight_close + 1))
                i, dq = dq.straight_close, None
                continue
            i += 1
            ch = text[i]
            if ch not in ALL_MARKS:
                continue
            width = 1
            if ch == STRAIGHT_SINGLE and text.startswith("''", i):
                ch, width = STRAIGHT_DOUBLE, 2  # '' stands for " in some newspapers' archives
            prev = text[i - 1] if i > line_start else ""
            nxt = text[i + width] if i + width < line_end else ""
            if ch in DOUBLE_OPEN or ch in DOUBLE_CLOSE or ch == STRAIGHT_DOUBLE:
                sq = None  # a single mark left open before a double one was an apostrophe
                mixed_close = dq is not None and _straight_closes_curly(dq, ch, prev, nxt)
                if dq is not None and not mixed_close and _nested(dq, ch):
                    if ch == STRAIGHT_DOUBLE and dq.straight_close < 0 and prev and not prev.isspace() \
                            and _closing_context(nxt):
                        dq.straight_close = i
                    continue
                if dq is not None and _nests_same_style(dq, ch, prev, nxt, i, text):
                    continue
                closes = dq is not None and (
                    ch in DOUBLE_CLOSE
                    or mixed_close  # '“A," she said. "B.”': two quotations, styles mixed
                    # „…“ closes a German quote; after a word, “ is a closing mark mistyped (see
                    # _nests_same_style for one where a quotation opens)
                    or (ch == "“" and dq.mark in {"„", "“"})
                    or (ch == STRAIGHT_DOUBLE and dq.mark == STRAIGHT_DOUBLE
                        and not (_opens_straight(prev, nxt) and (prev != "" and prev.isspace())
                                 and not _closing_context(nxt)))
                )
                if closes:
                    assert dq is not None
                    parts = _pieces(text, dq, i)
                    if parts:
                        spans.append(QuoteSpan(tuple(parts), dq.first, i + width))
                    dq = None
                    i += width - 1
                    continue
                opens = ch in DOUBLE_OPEN or (ch == STRAIGHT_DOUBLE and _opens_straight(prev, nxt)) \
                    or (dq is None and _backwards_opener(ch, prev, nxt))
                if opens:
                    if carried is not None and dq is None and not text[line_start:i].strip():
                        dq = _Open(i, ch, carried.parts, carried.first, width=width)  # the continuation mark
                        carried = None
                    else:
                        dq = _Open(i, ch, [], i, width=width)  # an unclosed earlier mark is abandoned
                i += width - 1
                continue
            if dq is not None:
                continue  # single marks inside a double quote belong to it
            if ch in SINGLE_OPEN or (ch == STRAIGHT_SINGLE and _opens_straight(prev, nxt) and sq is None):
                if ch == STRAIGHT_SINGLE or prev == "" or not _is_word_char(prev):
                    sq = _Open(i, ch, [], i)
                continue
            if sq is not None and (ch in SINGLE_CLOSE or ch == STRAIGHT_SINGLE):
                if prev and not prev.isspace() and not _is_word_char(nxt):
                    s, e = _trimmed(text, sq.at + 1, i)
                    if e > s:
                        spans.append(QuoteSpan(((s, e),), sq.first, i + 1, single=True))
                    sq = None
        carried = None
        if dq is not None:
            nxt_line = next((lines[k] for k in range(index + 1, len(lines)) if text[lines[k][0] : lines[k][1]].strip()), None)
            if nxt_line and _first_mark_of_line(text, *nxt_line) in DOUBLE_OPEN + STRAIGHT_DOUBLE + STRAIGHT_SINGLE:
                carried = _Open(dq.at, dq.mark, _pieces(text, dq, line_end), dq.first)
            else:
                spans.extend(dq.closed_inside)  # the outer mark never closes: what it held stands
    return spans


def _pieces(text: str, dq: _Open, end: int) -> list[tuple[int, int]]:
    """The pieces of the open quote *dq*, with the one from its mark to *end* (trimmed) if any."""
    s, e = _trimmed(text, dq.at + dq.width, end)
    return dq.parts + ([(s, e)] if e > s else [])


def _nests_same_style(dq: _Open, ch: str, prev: str, nxt: str, i: int, text: str) -> bool:
    """``“I’d rather live in what he calls “hell” than …”``: a curly opening mark where a
    quotation opens (after a space, before a word) inside an open curly quotation opens one
    nested in it, and the next closing mark closes that one first (quotations of the other
    style nest by ``_nested``); should the outer one never close, the nested ones stand on
    their own. After a word it is a closing mark mistyped (``called “Cape Breton Wins“ that
    …``), and closes."""
    if dq.mark == "“" and ch == "“" and _opens_straight(prev, nxt):
        dq.same.append(i)
        return True
    if dq.same and ch in DOUBLE_CLOSE:
        start = dq.same.pop()
        s, e = _trimmed(text, start + 1, i)
        if e > s:
            dq.closed_inside.append(QuoteSpan(((s, e),), start, i + 1))
        return True
    return False


def _mismatched(dq: _Open | None) -> bool:
    """An open curly quote with an odd number of straight marks inside, the first of which could
    have closed it (an even number is a quotation nested in it: “He called it "a disaster"…)."""
    return dq is not None and dq.mark != STRAIGHT_DOUBLE and dq.straight_close >= 0 and dq.inner == 1


def _backwards_opener(ch: str, prev: str, nxt: str) -> bool:
    """``policy aides ”get close to Ben …”``: a closing curly mark where a quotation opens (at
    a paragraph's start or after a space, before a word, with no quotation open), as a word
    processor's automatic quotes sometimes type it; it opens, and the next closing mark ends it."""
    return ch == "”" and _opens_straight(prev, nxt) and nxt.isalnum()


def _closing_context(nxt: str) -> bool:
    return nxt == "" or nxt.isspace() or nxt in ".,;:!?)]}—–-"
