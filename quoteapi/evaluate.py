"""Scoring the extractor against a gold file in the format of ``../shared/data/README.md``.

Per document, predicted quote pieces (one per part) are compared with gold pieces after trimming
blanks, quotation marks and edge punctuation from every span:

- role exact F1 — for each role (content, source, cue) the set of distinct spans, exact match;
- content proportional F1 — precision is the mean over predicted pieces of the best overlap
  share |p ∩ g| / |p|, recall the mean over gold pieces of |p ∩ g| / |g|;
- linked F1 — predicted and gold pieces are paired one-to-one when their character Jaccard is at
  least 0.5; a pair's speaker (or cue) is right when the two spans overlap. Speaker precision
  counts predicted pieces that name a speaker, recall gold pieces that have one.

Counts are summed over documents (micro averages).
"""
from __future__ import annotations

import json
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from .extract.lexicon import CUES
from .extract.types import Quote, overlap
from .extract.vocab import Mode

TRIM = set(" \t\r\n\u00a0\"'“”‘’«»„‟‹›.,;:!?()[]{}—–-…")
TYPES = ("direct", "indirect", "mixed")


def trim(text: str, start: int | None, end: int | None) -> tuple[int, int] | None:
    """Shrink [start, end) past blanks, quote marks and edge punctuation; None if nothing is left."""
    if start is None or end is None:
        return None
    while start < end and text[start] in TRIM:
        start += 1
    while end > start and text[end - 1] in TRIM:
        end -= 1
    return (start, end) if end > start else None


@dataclass(frozen=True)
class Piece:
    type: str
    content: tuple[int, int]
    source: tuple[int, int] | None
    cue: tuple[int, int] | None
    ref: int = -1  # index of the quote (or gold record) it comes from


def gold_pieces(record: dict) -> list[Piece]:
    text = record["text"]
    pieces = []
    for n, q in enumerate(record["quotes"]):
        content = trim(text, q["content_start"], q["content_end"])
        if content is None:
            continue
        pieces.append(Piece(q["type"], content, trim(text, q.get("speaker_start"), q.get("speaker_end")),
                            trim(text, q.get("cue_start"), q.get("cue_end")), n))
    return pieces


def predicted_pieces(text: str, quotes: list[Quote]) -> list[Piece]:
    """Pieces of the predicted quotes, leaving out those reported within another quote's
    content: PolNeAR never annotates an attribution nested in another's content."""
    pieces = []
    for n, q in enumerate(quotes):
        if q.within is not None:
            continue
        source = trim(text, q.speaker.start, q.speaker.end) if q.speaker else None
        cue = trim(text, q.cue.start, q.cue.end) if q.cue else None
        for part in q.parts:
            content = trim(text, part.start, part.end)
            if content is not None:
                pieces.append(Piece(q.type, content, source, cue, n))
    return pieces


def _jaccard(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = overlap(a, b)
    return inter / ((a[1] - a[0]) + (b[1] - b[0]) - inter)


@dataclass
class _PRF:
    tp_p: float = 0.0  # true positives counted on the prediction side
    n_p: int = 0
    tp_g: float = 0.0  # true positives counted on the gold side
    n_g: int = 0

    def add(self, other: "_PRF") -> None:
        self.tp_p += other.tp_p
        self.n_p += other.n_p
        self.tp_g += other.tp_g
        self.n_g += other.n_g

    def scores(self) -> dict:
        p = self.tp_p / self.n_p if self.n_p else 0.0
        r = self.tp_g / self.n_g if self.n_g else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
                "predicted": self.n_p, "gold": self.n_g}


METRICS = ("content_exact", "source_exact", "cue_exact", "content_prop", "speaker_linked", "cue_linked")


@dataclass
class Scores:
    counts: dict[str, _PRF] = field(default_factory=lambda: {m: _PRF() for m in METRICS})

    def add(self, other: "Scores") -> None:
        for m in METRICS:
            self.counts[m].add(other.counts[m])

    def as_dict(self) -> dict:
        return {m: self.counts[m].scores() for m in METRICS}


def _exact(pred: set, gold: set) -> _PRF:
    tp = len(pred & gold)
    return _PRF(tp, len(pred), tp, len(gold))


def pair(pred: list[Piece], gold: list[Piece]) -> list[tuple[int, int]]:
    """One-to-one pairs (pred index, gold index) with character Jaccard ≥ 0.5, best first."""
    candidates = sorted(((_jaccard(p.content, g.content), i, j) for i, p in enumerate(pred)
                         for j, g in enumerate(gold) if overlap(p.content, g.content)), reverse=True)
    used_p, used_g, pairs = set(), set(), []
    for jac, i, j in candidates:
        if jac < 0.5:
            break
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return pairs


def score_document(pred: list[Piece], gold: list[Piece], pairs: list[tuple[int, int]] | None = None) -> Scores:
    scores = Scores()
    c = scores.counts
    c["content_exact"] = _exact({p.content for p in pred}, {g.content for g in gold})
    c["source_exact"] = _exact({p.source for p in pred if p.source}, {g.source for g in gold if g.source})
    c["cue_exact"] = _exact({p.cue for p in pred if p.cue}, {g.cue for g in gold if g.cue})
    prop = _PRF(n_p=len(pred), n_g=len(gold))
    for p in pred:
        prop.tp_p += max((overlap(p.content, g.content) for g in gold), default=0) / (p.content[1] - p.content[0])
    for g in gold:
        prop.tp_g += max((overlap(p.content, g.content) for p in pred), default=0) / (g.content[1] - g.content[0])
    c["content_prop"] = prop
    pairs = pair(pred, gold) if pairs is None else pairs
    for role, metric in (("source", "speaker_linked"), ("cue", "cue_linked")):
        prf = _PRF(n_p=sum(1 for p in pred if getattr(p, role)), n_g=sum(1 for g in gold if getattr(g, role)))
        for i, j in pairs:
            a, b = getattr(pred[i], role), getattr(gold[j], role)
            if a and b and overlap(a, b):
                prf.tp_p += 1
                prf.tp_g += 1
        c[metric] = prf
    return scores


SAY_TELL = {"say", "tell"}  # the plainest speech cues, a third of PolNeAR's
ACCORDING = {"accord", "according"}  # spaCy lemmatises "according" either way
CUE_CLASSES = ("say/tell", "according to", "other speech cue", "writing or thought cue",
               "cue outside the lexicon", "no cue")


def cue_class(doc, cue: tuple[int, int] | None) -> str:
    """Which kind of cue a gold piece has, by the lemmas of its cue span: how recall is broken down."""
    if cue is None:
        return "no cue"
    span = doc.char_span(cue[0], cue[1], alignment_mode="expand")
    lemmas = {t.lemma_.lower() for t in span} if span is not None else set()
    if lemmas & SAY_TELL:
        return "say/tell"
    if lemmas & ACCORDING:
        return "according to"
    modes = {CUES[lemma].mode for lemma in lemmas if lemma in CUES}
    if Mode.SPEECH in modes:
        return "other speech cue"
    if modes:
        return "writing or thought cue"
    return "cue outside the lexicon"


@dataclass
class Report:
    overall: Scores = field(default_factory=Scores)
    by_type: dict[str, Scores] = field(default_factory=lambda: {t: Scores() for t in TYPES})
    documents: int = 0
    characters: int = 0
    seconds: float = 0.0
    missed: list[dict] = field(default_factory=list)
    spurious: list[dict] = field(default_factory=list)
    # gold pieces by kind of cue: [paired with a prediction, all]
    by_cue: dict[str, list[int]] = field(default_factory=lambda: {c: [0, 0] for c in CUE_CLASSES})

    def as_dict(self) -> dict:
        return {"documents": self.documents, "characters": self.characters,
                "chars_per_second": round(self.characters / self.seconds) if self.seconds else None,
                "overall": self.overall.as_dict(),
                "by_type": {t: s.as_dict() for t, s in self.by_type.items()},
                "recall_by_cue": {c: {"gold": n, "recall": round(k / n, 4) if n else None}
                                  for c, (k, n) in self.by_cue.items()}}


def read_gold(path: str) -> Iterator[dict]:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def _context(text: str, span: tuple[int, int], width: int = 80) -> str:
    s, e = span
    return (text[max(0, s - width):s] + "[[" + text[s:e] + "]]" + text[e:e + width]).replace("\n", " ⏎ ")


def evaluate(records: Iterable[dict], nlp, keep_errors: int = 0, progress=None) -> Report:
    """Run the pipeline over gold records and score it (every mode counts: the gold has them all)."""
    report = Report()
    for record in records:
        text = record["text"]
        started = time.perf_counter()
        doc = nlp(text)
        report.seconds += time.perf_counter() - started
        report.documents += 1
        report.characters += len(text)
        pred = predicted_pieces(text, doc._.quotes)
        gold = gold_pieces(record)
        paired = pair(pred, gold)
        report.overall.add(score_document(pred, gold, paired))
        for t in TYPES:
            report.by_type[t].add(score_document([p for p in pred if p.type == t], [g for g in gold if g.type == t]))
        hit_p, hit_g = {i for i, _ in paired}, {j for _, j in paired}
        for j, g in enumerate(gold):
            counts = report.by_cue[cue_class(doc, g.cue)]
            counts[0] += j in hit_g
            counts[1] += 1
        if keep_errors:
            for j, g in enumerate(gold):
                if j not in hit_g and len(report.missed) < keep_errors:
                    report.missed.append({"id": record.get("id"), "type": g.type, "context": _context(text, g.content),
                                          "source": text[g.source[0]:g.source[1]] if g.source else None,
                                          "cue": text[g.cue[0]:g.cue[1]] if g.cue else None})
            for i, p in enumerate(pred):
                if i not in hit_p and len(report.spurious) < keep_errors:
                    q = doc._.quotes[p.ref]
                    report.spurious.append({"id": record.get("id"), "type": p.type, "context": _context(text, p.content),
                                            "source": text[p.source[0]:p.source[1]] if p.source else None,
                                            "cue": text[p.cue[0]:p.cue[1]] if p.cue else None, "rule": q.rule})
        if progress is not None:
            progress.update(1)
    return report


HEADLINE = ("content_exact", "content_prop", "speaker_linked", "source_exact", "cue_exact", "cue_linked")


def format_recall_by_cue(report: Report) -> str:
    lines = ["recall (linked pairing) by kind of cue:"]
    for c, (k, n) in report.by_cue.items():
        if n:
            lines.append(f"  {c:26} {n:6} gold pieces   recall {k / n:.2f}")
    return "\n".join(lines)


def format_table(report: Report, by_type: bool) -> str:
    rows = [("all", report.overall)] + ([(t, report.by_type[t]) for t in TYPES] if by_type else [])
    head = f"{'':9}" + "".join(f"{m:>16}" for m in HEADLINE)
    lines = [head, f"{'':9}" + "".join(f"{'P / R / F1':>16}" for _ in HEADLINE)]
    for name, scores in rows:
        d = scores.as_dict()
        cells = "".join(f"{d[m]['precision']:>5.2f}/{d[m]['recall']:.2f}/{d[m]['f1']:.2f}".rjust(16) for m in HEADLINE)
        lines.append(f"{name:9}{cells}")
    speed = report.characters / report.seconds if report.seconds else 0
    lines.append(f"\n{report.documents} documents, {report.characters} characters, "
                 f"{speed:,.0f} characters/second (extraction only)")
    return "\n".join(lines)


def format_side_by_side(reports: dict[str, Report], by_type: bool, difference: bool = False) -> str:
    """F1 of several runs on the same gold, one row each (and, with *difference*, the second
    run's gain over the first)."""
    groups = [("all", {name: r.overall for name, r in reports.items()})]
    if by_type:
        groups += [(t, {name: r.by_type[t] for name, r in reports.items()}) for t in TYPES]
    width = max(14, *(len(name) + 2 for name in reports))
    lines = [f"{'':9}{'':{width}}" + "".join(f"{m:>16}" for m in HEADLINE)]
    for group, scores in groups:
        f1 = {name: s.as_dict() for name, s in scores.items()}
        for n, name in enumerate(reports):
            lines.append(f"{group if n == 0 else '':9}{name:{width}}" + "".join(f"{f1[name][m]['f1']:>16.4f}" for m in HEADLINE))
        if difference:
            first, second = list(reports)[:2]
            lines.append(f"{'':9}{'difference':{width}}"
                         + "".join(f"{f1[second][m]['f1'] - f1[first][m]['f1']:>+16.4f}" for m in HEADLINE))
    return "\n".join(lines)


def format_comparison(rules: Report, learned: Report, by_type: bool) -> str:
    """F1 of both paths on the same gold, and the difference."""
    lines = [format_side_by_side({"rules only": rules, "learned": learned}, by_type, difference=True)]
    for name, report in (("rules only", rules), ("learned", learned)):
        speed = report.characters / report.seconds if report.seconds else 0
        lines.append(f"{name}: {speed:,.0f} characters/second (extraction only)")
    return "\n".join(lines)
