"""``quoteapi eval --ceiling``: how far better decisions could take the learned path.

The learned path makes two decisions the parse leaves open: which candidate predicates
attribute (with which complement), and where each reported content ends (which boundary
variant). Here the gold makes them instead, on the same candidates and the same variants:

==============  ===================================================================
ceiling         decided by the gold
==============  ===================================================================
``attribution`` a candidate attributes exactly when a gold quote has its cue on the
                predicate and its content on the complement (the training label)
``boundaries``  the variant that is exactly a gold content, where one is offered
``both``        both of the above
==============  ===================================================================

Every other stage runs as shipped. The gap between the learned row and a ceiling is what a
better model of that decision could gain at most; what stays out of reach of ``both`` needs new
candidates or variants (or agrees with no reading of the parse). A measuring tool for the
project's own evaluation: it reads the gold, so it never runs in the service.
"""
from __future__ import annotations

from enum import Enum

from spacy.tokens import Span, Token

from .evaluate import Report
from .extract.bounds import Variant
from .extract.component import QuoteExtractor
from .extract.learned import LinearModel
from .extract.marks import MarkIndex
from .train import Preparsed, gold_pairs, is_gold_content, label, parse_records


class Ceiling(str, Enum):
    ATTRIBUTION = "attribution"
    BOUNDARIES = "boundaries"
    BOTH = "both"


class NoModel(RuntimeError):
    """The package has no learned model to compare with."""


class _Gold:
    """The gold of the document being extracted (set before each one)."""

    def __init__(self) -> None:
        self.text = ""
        self.pairs: list[tuple[tuple[int, int], tuple[int, int]]] = []
        self.contents: set[tuple[int, int]] = set()

    def set(self, record: dict) -> None:
        self.text = record["text"]
        self.pairs = gold_pairs(record)
        self.contents = {content for _, content in self.pairs}


class GoldDecisions:
    """In place of the shipped model: its candidates and variants, decided by the gold where
    *ceiling* says, by the model elsewhere."""

    def __init__(self, model: LinearModel, gold: _Gold, ceiling: Ceiling) -> None:
        self.model, self.gold, self.threshold = model, gold, model.threshold
        self.attribution = ceiling in {Ceiling.ATTRIBUTION, Ceiling.BOTH}
        self.boundary = (GoldBoundaries(model.boundary, gold) if ceiling in {Ceiling.BOUNDARIES, Ceiling.BOTH}
                         else model.boundary)

    def rate(self, sent: Span, marks: MarkIndex, skip: set[int] = frozenset(), rules=None):
        rated = self.model.rate(sent, marks, skip, rules)
        if not self.attribution:
            return rated
        return [(candidate, float(label(candidate, self.gold.pairs))) for candidate, _ in rated]


class GoldBoundaries:
    """In place of the boundary chooser: the variant that is a gold content, else the model's pick."""

    def __init__(self, model: LinearModel | None, gold: _Gold) -> None:
        self.model, self.gold = model, gold

    def pick(self, predicate: Token, slot: str, offered: list[Variant]) -> Variant:
        for variant in offered:
            if is_gold_content(self.gold.text, variant.tokens, self.gold.contents):
                return variant
        return self.model.pick(predicate, slot, offered) if self.model is not None else offered[0]


class InformedExtractor(Preparsed):
    """Runs the quotes component on documents parsed once, the gold of each document at hand
    for the decisions *ceiling* hands to it; called with a record's text, as
    :func:`quoteapi.evaluate.evaluate` calls a pipeline."""

    def __init__(self, records: list[dict], docs: list, extractor: QuoteExtractor, ceiling: Ceiling | None):
        super().__init__(records, docs, extractor)
        self.records = {r["text"]: r for r in records}
        self.gold = _Gold()
        if ceiling is not None:
            extractor.model = GoldDecisions(extractor.model, self.gold, ceiling)

    def __call__(self, text: str):
        self.gold.set(self.records[text])
        return super().__call__(text)


def ceiling_reports(records: list[dict], spans: str = "polnear", progress: bool = True) -> dict[str, Report]:
    """Reports of the learned path and of each ceiling on the same gold (documents parsed once)."""
    from .evaluate import evaluate
    from .extract import load_pipeline

    nlp = load_pipeline(spans=spans, learned=False)
    docs = parse_records(nlp, records, progress)
    reports = {}
    for ceiling in (None, *Ceiling):
        extractor = QuoteExtractor(nlp, "quotes", spans=spans, learned=True)
        if extractor.model is None:
            raise NoModel("No learned model ships in the package: its decisions are what the ceilings replace.")
        reports["learned" if ceiling is None else f"gold {ceiling.value}"] = evaluate(
            records, InformedExtractor(records, docs, extractor, ceiling))
    return reports
