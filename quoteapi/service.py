"""From request to response, independent of the web layer: used by the API and the CLI."""
from __future__ import annotations

import time
from collections.abc import Iterable

from . import __version__
from .extract import load_pipeline, model_label
from .extract.lexicon import DEFAULT_MODES
from .extract.types import Entity, Quote
from .htmltext import html_to_text
from .schemas import QuoteResponseSchema

_response_schema = QuoteResponseSchema()


def _quote_dict(q: Quote, qid: str, entity_id: str | None, text: str, provenance: bool) -> dict:
    speaker = None
    if q.speaker is not None:
        e = q.entity
        speaker = {"text": q.speaker.text, "start": q.speaker.start, "end": q.speaker.end,
                   "name": e.name if e else None, "entity": entity_id,
                   "kind": e.kind if e else q.speaker.kind,
                   "title": e.title if e else None, "affiliation": e.affiliation if e else None}
    out = {
        "id": qid, "type": q.type, "mode": q.mode,
        "text": text[q.start : q.end], "start": q.start, "end": q.end,
        "parts": [{"start": s, "end": e, "text": text[s:e]} for s, e in q.parts],
        "speaker": speaker,
        "cue": None if q.cue is None else {"text": q.cue.text, "lemma": q.cue.lemma, "start": q.cue.start, "end": q.cue.end},
        "outlet": None if q.outlet is None else {"name": q.outlet.text, "start": q.outlet.start, "end": q.outlet.end},
        "confidence": q.confidence,
    }
    if provenance:
        out["rule"] = q.rule
        out["speaker_from"] = q.speaker_from
    return out


def build_response(text: str, quotes: list[Quote], entities: Iterable[Entity], *, modes: Iterable[str],
                   doc_id: str | None, model: str, elapsed_ms: float, provenance: bool = False,
                   echo_text: bool = False) -> dict:
    modes = list(modes)
    kept = [q for q in quotes if q.mode in modes]
    ids = {id(q): f"q{n}" for n, q in enumerate(kept, 1)}
    # Speaker ids are renumbered over the speakers this response lists, in order of appearance.
    ordered = sorted({q.entity.id: q.entity for q in kept if q.entity}.values(),
                     key=lambda e: min(m.start for m in e.mentions) if e.mentions else 0)
    renumber = {e.id: f"e{n}" for n, e in enumerate(ordered, 1)}
    quotes_out = [_quote_dict(q, ids[id(q)], renumber[q.entity.id] if q.entity else None, text, provenance)
                  for q in kept]
    speakers_out = []
    for e in ordered:
        mentions = sorted({(m.start, m.end): m for m in e.mentions}.values(), key=lambda m: m.start)
        speakers_out.append({
            "id": renumber[e.id], "name": e.name, "kind": e.kind, "title": e.title, "affiliation": e.affiliation,
            "quotes": [ids[id(q)] for q in kept if q.entity is e],
            "mentions": [{"text": m.text, "start": m.start, "end": m.end} for m in mentions],
        })
    body = {"id": doc_id, "quotes": quotes_out, "speakers": speakers_out,
            "meta": {"version": __version__, "model": model, "elapsed_ms": round(elapsed_ms, 1), "modes": modes}}
    if echo_text:
        body["text"] = text
    return _response_schema.dump(body)


def analyze(text: str, *, fmt: str = "text", modes: Iterable[str] = DEFAULT_MODES, doc_id: str | None = None,
            provenance: bool = False, nlp=None) -> dict:
    """The v1 response for one article.

    >>> analyze("Blinken said that the talks failed.")["quotes"][0]["cue"]["text"]  # doctest: +SKIP
    'said'
    """
    started = time.perf_counter()
    nlp = nlp or load_pipeline()
    if fmt == "html":
        text = html_to_text(text)
    doc = nlp(text)
    elapsed = (time.perf_counter() - started) * 1000
    return build_response(text, doc._.quotes, doc._.speakers, modes=modes, doc_id=doc_id,
                          model=model_label(nlp), elapsed_ms=elapsed, provenance=provenance,
                          echo_text=fmt == "html")
