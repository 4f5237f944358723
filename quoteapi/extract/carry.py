"""How an extraction travels with its Doc: ``Doc.to_bytes``, ``DocBin`` and
``nlp.pipe(n_process=…)`` (which sends every Doc back from its worker as bytes) keep
``doc._.quotes`` and ``doc._.speakers``.

spaCy writes ``doc.user_data`` with msgpack; the component stores one :class:`Extraction` there,
and the encoder below writes it as plain data (numbers, strings, lists) with the entities in one
table that quotes and groups point into, so that a quote's entity is still the very object listed
in ``doc._.speakers`` after the trip. Nothing is pickled: bytes from elsewhere decode to data or
fail, never run code.
"""
from __future__ import annotations

import srsly

from .types import Cue, Entity, Extraction, Mention, Outlet, Quote, TextSpan
from .vocab import Mode, QuoteType, Rule, SpeakerFrom, SpeakerKind

MARKER = "quoteapi.extraction"
VERSION = 1


def _span(s: TextSpan) -> list:
    return [s.start, s.end, s.text]


def _entities(extraction: Extraction) -> list[Entity]:
    """Every entity the extraction reaches, each once, members before the groups naming them."""
    seen: dict[int, Entity] = {}

    def visit(entity: Entity) -> None:
        if id(entity) not in seen:
            for member in entity.members:
                visit(member)
            seen[id(entity)] = entity

    for entity in extraction.speakers:
        visit(entity)
    for quote in extraction.quotes:
        if quote.entity is not None:
            visit(quote.entity)
    return list(seen.values())


def to_plain(extraction: Extraction) -> dict:
    entities = _entities(extraction)
    index = {id(e): n for n, e in enumerate(entities)}
    return {
        MARKER: VERSION,
        "entities": [[e.name, e.kind.value, e.title, e.affiliation, e.gender, [_span(m) for m in e.mentions],
                      sorted(e.tokens), [index[id(m)] for m in e.members], e.id] for e in entities],
        "speakers": [index[id(e)] for e in extraction.speakers],
        "quotes": [[q.id, q.type.value, q.mode.value, q.text, [_span(p) for p in q.parts],
                    None if q.speaker is None else [*_span(q.speaker), q.speaker.kind.value, q.speaker.pronoun,
                                                    None if q.speaker.entity is None else index[id(q.speaker.entity)]],
                    None if q.cue is None else [*_span(q.cue), q.cue.lemma],
                    None if q.outlet is None else _span(q.outlet),
                    q.confidence, q.rule.value, None if q.speaker_from is None else q.speaker_from.value, q.within]
                   for q in extraction.quotes],
    }


def from_plain(data: dict) -> Extraction:
    if data.get(MARKER) != VERSION:
        raise ValueError(f"not a quoteapi extraction of version {VERSION}")
    entities: list[Entity] = []
    for name, kind, title, affiliation, gender, mentions, tokens, members, eid in data["entities"]:
        entities.append(Entity(name=name, kind=SpeakerKind(kind), title=title, affiliation=affiliation, gender=gender,
                               mentions=[TextSpan(*m) for m in mentions], tokens=frozenset(tokens),
                               members=tuple(entities[n] for n in members), id=eid))
    quotes = []
    for qid, qtype, mode, text, parts, speaker, cue, outlet, confidence, rule, speaker_from, within in data["quotes"]:
        mention = None
        if speaker is not None:
            start, end, said, kind, pronoun, entity = speaker
            mention = Mention(start, end, said, kind=SpeakerKind(kind), pronoun=pronoun,
                              entity=None if entity is None else entities[entity])
        quotes.append(Quote(
            id=qid, type=QuoteType(qtype), mode=Mode(mode), text=text, parts=tuple(TextSpan(*p) for p in parts),
            speaker=mention, cue=None if cue is None else Cue(*cue), outlet=None if outlet is None else Outlet(*outlet),
            confidence=confidence, rule=Rule(rule), speaker_from=None if speaker_from is None else SpeakerFrom(speaker_from),
            within=within))
    return Extraction(quotes, [entities[n] for n in data["speakers"]])


@srsly.msgpack_encoders("quoteapi_extraction")
def encode(obj, chain=None):
    if isinstance(obj, Extraction):
        return to_plain(obj)
    return obj if chain is None else chain(obj)


@srsly.msgpack_decoders("quoteapi_extraction")
def decode(obj, chain=None):
    if isinstance(obj, dict) and MARKER in obj:
        return from_plain(obj)
    return obj if chain is None else chain(obj)
