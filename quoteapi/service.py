"""From request to response, independent of the web layer: used by the API and the CLI.

The response is the domain objects (quotes, entities, mentions) dumped by the marshmallow
schemas of :mod:`quoteapi.schemas`; nothing here writes a field of the wire format by hand.
"""
from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from . import __version__
from .budget import OverBudget, run_pipeline
from .extract import load_pipeline, model_label
from .extract.types import Entity, Quote
from .extract.vocab import DEFAULT_MODES, Mode
from .htmltext import html_to_text
from .offsets import to_utf16
from .schemas import QuoteResponseSchema


@dataclass(frozen=True)
class Speaking:
    """An entity as one response lists it: with the ids of its quotes in that response."""

    entity: Entity
    quotes: list[str]

    @property
    def members(self) -> list[str]:
        return [m.id for m in self.entity.members]


@dataclass(frozen=True)
class Meta:
    version: str
    model: str
    elapsed_ms: float
    modes: list[Mode]


@dataclass(frozen=True)
class Response:
    id: str | None
    quotes: list[Quote]
    speakers: list[Speaking]
    meta: Meta
    text: str | None = None  # for HTML input: the plain text that offsets point into


@lru_cache(maxsize=4)
def _schema(provenance: bool, echo_text: bool) -> QuoteResponseSchema:
    exclude = ([] if provenance else ["quotes.rule", "quotes.speaker_from"]) + ([] if echo_text else ["text"])
    return QuoteResponseSchema(exclude=exclude)


def build_response(text: str | None, quotes: list[Quote], entities: Iterable[Entity], *, modes: Iterable[str],
                   doc_id: str | None, model: str, elapsed_ms: float, provenance: bool = False) -> dict:
    """The v1 response: the quotes of the chosen modes and the entities that speak in them.
    *text* is echoed (for HTML input) unless None."""
    chosen = [Mode(m) for m in dict.fromkeys(modes)]
    kept = [q for q in quotes if q.mode in chosen]
    speakers = [Speaking(e, [q.id for q in kept if q.entity is not None and e in (q.entity, *q.entity.members)])
                for e in entities]
    response = Response(id=doc_id, quotes=kept, speakers=[s for s in speakers if s.quotes],
                        meta=Meta(__version__, model, round(elapsed_ms, 1), chosen), text=text)
    return _schema(provenance, text is not None).dump(response)


def analyze(text: str, *, fmt: str = "text", modes: Iterable[str] = DEFAULT_MODES, doc_id: str | None = None,
            provenance: bool = False, offsets: str = "codepoint", nlp=None) -> dict:
    """The v1 response for one article.

    >>> analyze("Blinken said that the talks failed.")["quotes"][0]["cue"]["text"]  # doctest: +SKIP
    'said'
    """
    started = time.perf_counter()
    nlp = nlp or load_pipeline()
    if fmt == "html":
        text = html_to_text(text)
    doc = run_pipeline(nlp, text)  # the request's time budget checked before each component
    elapsed = (time.perf_counter() - started) * 1000
    body = build_response(text if fmt == "html" else None, doc._.quotes, doc._.speakers, modes=modes,
                          doc_id=doc_id, model=model_label(nlp), elapsed_ms=elapsed, provenance=provenance)
    return to_utf16(body, text) if offsets == "utf16" else body


@dataclass(frozen=True)
class SlotError:
    """A document's own error in a batch answer."""

    status: int
    code: str
    message: str
    fields: dict | None = None


#: Characters parsed together in one ``nlp.pipe`` round: bounded, so that the time budget is
#: checked at least once per round whatever the number and size of the documents.
ROUND_CHARS = 100_000


def _rounds(texts: list[str], batch_size: int) -> list[list[int]]:
    """Consecutive indexes of *texts*, grouped: at most *batch_size* documents and about
    ROUND_CHARS characters per group.

    >>> _rounds(["a" * 60_000, "b" * 60_000, "c", "d"], 16)
    [[0], [1, 2, 3]]
    """
    rounds, current, size = [], [], 0
    for i, text in enumerate(texts):
        if current and (len(current) == batch_size or size + len(text) > ROUND_CHARS):
            rounds.append(current)
            current, size = [], 0
        current.append(i)
        size += len(text)
    return rounds + [current] if current else rounds


def analyze_many(items: list, *, offsets: str = "codepoint", nlp=None, batch_size: int = 16) -> list[dict]:
    """The answers of a batch, in order: for each item its request fields (as ``analyze`` takes
    them) or the error that is its answer (any object with ``status``, ``code``, ``message``,
    ``fields``). The valid documents go through ``nlp.pipe`` together, in rounds of bounded size;
    documents the time budget does not reach are answered 503 in their own slot, the others
    keep their results."""
    nlp = nlp or load_pipeline()
    valid = [item for item in items if isinstance(item, dict)]
    texts = [html_to_text(d["text"]) if d["format"] == "html" else d["text"] for d in valid]
    answers: dict[int, dict | SlotError] = {}
    try:
        for round_ in _rounds(texts, batch_size):
            started = time.perf_counter()
            for i, doc in zip(round_, nlp.pipe([texts[i] for i in round_], batch_size=len(round_))):
                data, text = valid[i], texts[i]
                elapsed = (time.perf_counter() - started) * 1000
                body = build_response(text if data["format"] == "html" else None, doc._.quotes, doc._.speakers,
                                      modes=data["modes"], doc_id=data["id"], model=model_label(nlp),
                                      elapsed_ms=elapsed, provenance=data["provenance"])
                answers[id(data)] = to_utf16(body, text) if offsets == "utf16" else body
                started = time.perf_counter()
    except OverBudget as exc:
        late = SlotError(503, "over_time_budget", exc.advice)
        answers.update({id(d): late for d in valid if id(d) not in answers})
    results = []
    for item in items:
        answer = answers.get(id(item), item)
        if isinstance(answer, dict):
            results.append({"id": item["id"], "status": 200, "result": answer, "error": None})
        else:
            error = {"code": answer.code, "message": answer.message}
            if answer.fields:
                error["fields"] = answer.fields
            results.append({"id": item.get("id") if isinstance(item, dict) else None, "status": answer.status,
                            "result": None, "error": error})
    # Each result was dumped by QuoteResponseSchema above; the envelope is BatchResponseSchema's
    # shape (checked against its JSON Schema by the tests).
    return {"results": results}
