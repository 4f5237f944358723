"""Attributions made by layout rather than by a verb:

- lines that open with a speaker and a colon — transcripts (``PENCE: Well, look, …``) and
  headlines (``Pat Caddell: Democrat Voters Worried …``); the colon is the cue, the rest of the
  line the content;
- a quotation signed at the end of its line — ``“…” ― Edwin G. Monroy``, or a paragraph of its
  own signed on the line below (``- Bernie Sanders.``, ``-Michelle Marks, Philadelphia.``, as
  fact-checks set the claim they check); the dash is the cue;
- the answers of an interview laid out as questions and answers (``Q: …`` / ``A: …``): the
  label is the cue, the person the introduction names the speaker;
- a post signed with its author's handle on the line after it, as an embedded tweet reads
  once its HTML is text (``… It is the wrong one.⏎— Ann Brook (@annbrook) March 4, 2024``).
"""
from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc, Token

from .frames import Frame
from .lexicon import COLON_LABELS, MEDIA_NAMES
from .marks import QUOTE_OPENERS, QuoteSpan
from .speakers import is_speaker_name
from .vocab import Rule

_MAX_NAME_TOKENS = 5
_MIN_CONTENT_WORDS = 3
_LINE = re.compile(r"[^\n]+")
# After a closing mark: a dash and a name of one to five capitalised words ending the line.
_SIGNATURE = re.compile(r"[ \t\u00a0]*([―—–])[ \t\u00a0]*((?:[A-Z][\w.’'-]*)(?:[ \t]+[A-Z][\w.’'-]*){0,4})\.?[ \t\u00a0]*(?:\n|$)")
# After a quotation that makes a paragraph: a line below of a dash (a hyphen too, opening the
# line) and a name, maybe with a comma and who or where they are, and nothing else.
_SIGNATURE_BELOW = re.compile(r"[ \t\u00a0]*\n(?:[ \t\u00a0]*\n)?[ \t\u00a0]*([―—–-])[ \t\u00a0]*"
                              r"((?:[A-Z][\w.’'-]*)(?:[ \t]+[A-Z][\w.’'-]*){0,4})\.?(?:,[^\n]{0,80})?[ \t\u00a0]*(?:\n|$)")


# "— Ann Brook (@annbrook) March 4, 2024": the line that signs an embedded post.
_HANDLE_SIGNATURE = re.compile(
    r"^[ \t\u00a0]*([―—–-])[ \t\u00a0]*((?:[A-Z][\w.’'-]*)(?:[ \t]+[A-Z][\w.’'-]*){0,4})[ \t\u00a0]*\(@\w{1,30}\)[^\n]*$",
    re.MULTILINE)
# "Q: …", "A. …", "Question: …": a line of an interview laid out as questions and answers.
_QA_LABEL = re.compile(r"[ \t\u00a0]*(?P<label>Q|A|Question|Answer|QUESTION|ANSWER)[:.][ \t\u00a0]+(?=\S)")
_MIN_ANSWERS = 2  # one "A:" line is no interview


def _is_name_token(token: Token) -> bool:
    if token.is_punct:
        return token.text in {".", "-", "’", "'"}
    if token.tag_ == "POS":
        return True
    return token.text[:1].isupper() and not token.like_num


def speaker_colon_frames(doc: Doc, text: str) -> list[Frame]:
    """A frame for every line shaped ``Name: content`` (name of at most five capitalised words
    that can speak — a name or a role, see :func:`~quoteapi.extract.speakers.is_speaker_name` —,
    not a label such as ``WATCH`` or ``UPDATE``, not a time such as ``6:05``)."""
    frames = []
    labelled = []
    for line in _LINE.finditer(text):
        start = line.start()
        while start < line.end() and (text[start].isspace() or text[start] in QUOTE_OPENERS):
            start += 1
        colon = text.find(":", start, min(line.end(), start + 60))
        if colon > start:
            labelled.append((line, start, colon, text[start:colon].strip()))
    if not labelled:
        return frames
    people = frozenset(t.lower_ for ent in doc.ents if ent.label_ == "PERSON" for t in ent if t.is_alpha)
    lines_of = Counter(name.lower() for *_, name in labelled)
    found = []
    for line, start, colon, name in labelled:
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
        found.append((span, colon_span[0], content_start, content_end, lines_of[name.lower()] > 1))
    # A transcript: one label speaks on several lines, or one is a role or a person named in the
    # article; then its other capitalised labels are speakers too.
    transcript = any(repeated or is_speaker_name(span, people) for span, *_, repeated in found)
    for span, colon, content_start, content_end, _ in found:
        if is_speaker_name(span, people, transcript):
            frames.append(Frame(cue=[colon], content=[(content_start, content_end)], rule=Rule.SPEAKER_COLON,
                                clause=list(span) + [colon], named=tuple(span)))
    return frames


def signature_frames(doc: Doc, text: str, spans: list[QuoteSpan]) -> list[Frame]:
    """A content-less frame for every quotation followed by ``― Name`` at the end of its line;
    the quotation joins it as a quote next to its attribution."""
    frames = []
    for q in spans:
        m = _SIGNATURE.match(text, q.mark_end)
        if not m and _opens_its_line(text, q.mark_start):
            m = _SIGNATURE_BELOW.match(text, q.mark_end)
            if m and m.group(2).rstrip(".").lower() in MEDIA_NAMES:
                m = None  # "- Reuters.": the article's credit line, not the quotation's
        if not m:
            continue
        name_end = m.end(2)
        if text[name_end - 1] == "." and len(text[m.start(2):name_end].split()[-1]) > 2:
            name_end -= 1  # a full stop, not an initial
        dash = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        name = doc.char_span(m.start(2), name_end, alignment_mode="contract")
        if dash is None or not name or dash[0].i >= name[0].i:
            continue
        frames.append(Frame(cue=[dash[0]], content=[], rule=Rule.SIGNATURE, clause=list(name), named=tuple(name)))
    return frames


def _opens_its_line(text: str, at: int) -> bool:
    line_start = text.rfind("\n", 0, at) + 1
    return not text[line_start:at].strip()


def interview_frames(doc: Doc, text: str) -> list[Frame]:
    """A frame for every answer of an interview laid out as questions and answers: each ``A:``
    line, with the unlabelled lines after it up to the next question as further parts, is the
    interviewee's, the person the article names most often before its first question (the first
    named on a tie: ``Mayor Karen Bass sat down with the Times …``). None without two answers,
    a question, or a person named before them."""
    lines = [(m.start(), m.end(), _QA_LABEL.match(text, m.start(), m.end())) for m in _LINE.finditer(text)]
    kinds = [m.group("label")[0].upper() if m else None for *_, m in lines]
    if kinds.count("A") < _MIN_ANSWERS or "Q" not in kinds:
        return []
    first = min(start for (start, _, m), kind in zip(lines, kinds) if kind is not None)
    named = _interviewee(doc, first)
    if named is None:
        return []
    frames: list[Frame] = []
    answer: tuple[list[Token], list[tuple[int, int]]] | None = None
    for (start, end, m), kind in zip(lines, kinds):
        if kind == "A" or kind is None and answer is not None and text[start:end].strip():
            label = doc.char_span(m.start("label"), m.end(), alignment_mode="contract") if m else None
            if m is not None and not label:
                continue
            if m is not None:
                answer = (list(label), [])
                frames.append(Frame(cue=answer[0], content=answer[1], rule=Rule.INTERVIEW, clause=list(label),
                                    named=named))
            content_start = m.end() if m else start
            while content_start < end and text[content_start].isspace():
                content_start += 1
            answer[1].append((content_start, end))
        elif kind == "Q":
            answer = None
    return frames


def _interviewee(doc: Doc, before: int) -> tuple[Token, ...] | None:
    """The words of the person named most often before character *before* (the first named on a
    tie), by their last name; None when nobody is."""
    people = [ent for ent in doc.ents if ent.label_ == "PERSON" and ent.end_char <= before]
    if not people:
        return None
    counts = Counter(ent[-1].lower_ for ent in people)
    best = max(counts.values())
    chosen = next(ent for ent in people if counts[ent[-1].lower_] == best)
    return tuple(chosen)


def handle_signature_frames(doc: Doc, text: str) -> list[Frame]:
    """A frame for every paragraph signed on the next line by a name and a handle, as an
    embedded post is (``— Ann Brook (@annbrook) March 4, 2024``): the paragraph is the author's
    words, the dash the cue."""
    frames = []
    for m in _HANDLE_SIGNATURE.finditer(text):
        end = len(text[: m.start()].rstrip())
        start = text.rfind("\n", 0, end) + 1
        while start < end and text[start].isspace():
            start += 1
        if len(re.findall(r"\w+", text[start:end])) < _MIN_CONTENT_WORDS:
            continue
        dash = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        name = doc.char_span(m.start(2), m.end(2), alignment_mode="contract")
        if dash is None or not name:
            continue
        frames.append(Frame(cue=[dash[0]], content=[(start, end)], rule=Rule.SIGNATURE, clause=list(name),
                            named=tuple(name)))
    return frames
