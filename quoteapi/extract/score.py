"""The score stage: a confidence for every quote, duplicates removed, ids given — once.

A quote's ``confidence`` is a number in [0, 1]: how likely the quote, its boundaries and its
speaker are all right, read off the construction that produced it. It is a ranking aid, not a
calibrated probability:

==============================================  =====
construction (``rule``)                          base
==============================================  =====
``quote``: quote marks with a cue                0.95
``signature``: ``“…” ― Name``                    0.95
``mixed``: reported speech + quote marks         0.85
``ccomp``: ``X said that …``                     0.85
``according_to``: ``according to X, …``          0.85
``speaker_colon``: ``NAME: …``                   0.80
``colon_block``: ``X added:`` then unquoted      0.75
``parataxis``: ``…, X said, …``                  0.75
``xcomp``: ``X vowed to …``                      0.75
``object``: ``expressed concern over …``         0.70
``finding``: ``in a poll, …``                    0.70
``viewpoint``: ``in X's view, …``                0.70
``prep``: ``called for a recount``               0.65
``standalone``: quote marks alone                0.40
``learned``: the learned model's                 its probability
==============================================  =====

then multiplied by how the speaker was found (``speaker_from``): a name 1.0, a noun phrase
(``a spokesperson``) 0.95, a name the parser lost and we recovered by position 0.85, a pronoun
resolved to a person 0.9 minus 0.05 per sentence between pronoun and antecedent (at least 0.7),
a pronoun left unresolved 0.75, the speaker of the previous quote 1.5 (a standalone quotation
that goes on another's words: 0.60 in all), the person the sentence before is about 1.25, no
speaker 0.7.

>>> confidence(Rule.CCOMP, SpeakerFrom.SUBJECT, named=True, resolved=True)
0.85
"""
from __future__ import annotations

import heapq

from .frames import extraposed, put_to_the_subject, raising
from .phrases import addresses_the_reader
from .speakers import Attribution
from .types import Entity, Quote, TextSpan
from .vocab import Mode, QuoteType, Rule, SpeakerFrom, SpeakerKind

BASE: dict[Rule, float] = {
    Rule.QUOTE: 0.95,
    Rule.SIGNATURE: 0.95,
    Rule.MIXED: 0.85,
    Rule.CCOMP: 0.85,
    Rule.ACCORDING_TO: 0.85,
    Rule.SPEAKER_COLON: 0.80,
    Rule.INTERVIEW: 0.80,
    Rule.COLON_BLOCK: 0.75,
    Rule.PARATAXIS: 0.75,
    Rule.XCOMP: 0.75,
    Rule.OBJECT: 0.70,
    Rule.FINDING: 0.70,
    Rule.VIEWPOINT: 0.70,
    Rule.PREP: 0.65,
    Rule.STANDALONE: 0.40,
    # Rule.LEARNED: the model's probability
}
_CARRIED = {SpeakerFrom.PREVIOUS_QUOTE: 1.5, SpeakerFrom.PREVIOUS_SENTENCE: 1.25}
# Constructions that report speech only when the text names who spoke: reported content with
# no source, words after a colon with nobody before it, a quotation after a cue with no subject
# (``but said “…”``), are not attributions. A quotation before its cue stays without a speaker
# (``“…,” Will said``, where the tagger took the name for a verb and no name could be read).
_NEED_A_SPEAKER = {QuoteType.INDIRECT, QuoteType.MIXED}


# The learned model finds attributions that name no source (``it is believed that …``, ``the
# plan is expected to …``); it keeps them when it is this sure. So with the rules' reported
# contents whose speaker is not found, which it rates (``learned.rate_unspoken``: ``911 calls
# [saying shots were fired]``).
_LEARNED_WITHOUT_SOURCE = 0.65  # (0.6–0.8 on dev and 300 train articles: 0.65 best on both, by a hair)


def _sure_without_source(c) -> bool:
    """Kept without a speaker: what the model is sure of, and a question put by someone unnamed;
    never an imperative (``Note: …``), which is the writer's word to the reader."""
    if c.cue_token is not None and addresses_the_reader(c.cue_token):
        return False
    if c.cue_token is not None and c.rule != Rule.LEARNED and put_to_the_subject(c.cue_token):
        return True
    if c.cue_token is not None and c.rule != Rule.LEARNED and raising(c.cue_token) is not None:
        return True  # "Twitter appears to …": nobody's, the subject is content
    if c.cue_token is not None and extraposed(c.cue_token):
        return True  # "It is important to note that …": the writer's
    return c.probability is not None and c.probability >= _LEARNED_WITHOUT_SOURCE


def speaker_factor(how: SpeakerFrom | None, named: bool, resolved: bool, distance: int = 0) -> float:
    if how is None:
        return 0.7
    if how == SpeakerFrom.COREFERENCE:
        return max(0.7, 0.9 - 0.05 * distance) if resolved else 0.75
    if how in {SpeakerFrom.NEAREST_NAME, SpeakerFrom.ADJACENT_NAME}:
        return 0.85
    if how in _CARRIED:
        return _CARRIED[how]
    return 1.0 if named else 0.95


def confidence(rule: Rule, how: SpeakerFrom | None, named: bool, resolved: bool, distance: int = 0,
               probability: float | None = None) -> float:
    base = probability if rule == Rule.LEARNED and probability is not None else BASE[rule]
    return round(min(1.0, base * speaker_factor(how, named, resolved, distance)), 2)


def _score(a: Attribution) -> float:
    speaker = a.speaker
    named = speaker is not None and not speaker.pronoun and speaker.entity is not None
    resolved = speaker is not None and speaker.entity is not None
    return confidence(a.candidate.rule, a.how if speaker is not None else None, named, resolved, a.distance,
                      a.candidate.probability)


def _mode(a: Attribution) -> Mode:
    if a.governor is not None:
        return _mode(a.governor)  # a standalone quotation goes on in the mode of the quote it follows
    if a.speaker is not None and a.speaker.kind == SpeakerKind.DOCUMENT and a.candidate.mode == Mode.SPEECH:
        return Mode.WRITING  # "the letter said": a document writes
    return a.candidate.mode


def finish(attributions: list[Attribution], text: str) -> tuple[list[Quote], list[Entity]]:
    """Quotes in text order with ids ``q1``…, and the entities that speak in them with ids
    ``e1``… in order of first mention (both given here and nowhere else)."""
    kept: list[Attribution] = []
    for a in attributions:
        c = a.candidate
        if a.speaker is None and not _sure_without_source(c) and (c.type in _NEED_A_SPEAKER or c.rule == Rule.COLON_BLOCK
                                  or c.rule == Rule.QUOTE and c.cue is not None and c.cue.start < c.start):
            continue
        kept.append(a)
    best: dict[tuple, tuple[Attribution, float]] = {}
    for a in kept:
        key = a.candidate.parts
        score = _score(a)
        if key not in best or score > best[key][1]:
            best[key] = (a, score)
    ordered = sorted(best.values(), key=lambda pair: (pair[0].candidate.start, pair[0].candidate.end))
    ids = {id(a): f"q{n}" for n, (a, _) in enumerate(ordered, 1)}
    containers = _containers([a for a, _ in ordered], ids)
    quotes = []
    for n, (a, score) in enumerate(ordered, 1):
        c, governor = a.candidate, a.governor
        # '“A,” she said. “B.”': one attribution governs the whole paragraph.
        same_paragraph = governor is not None and "\n" not in text[governor.candidate.end : c.start]
        quotes.append(Quote(
            id=f"q{n}", type=c.type, mode=_mode(a), text=text[c.start : c.end],
            parts=tuple(TextSpan(s, e, text[s:e]) for s, e in c.parts),
            speaker=a.speaker,
            cue=c.cue if c.cue is not None or not same_paragraph else governor.candidate.cue,
            outlet=c.outlet if c.outlet is not None or not same_paragraph else governor.candidate.outlet,
            confidence=score, rule=c.rule, speaker_from=a.how if a.speaker is not None else None,
            within=containers.get(id(a)),
        ))
    return quotes, _speaking(quotes)


def _cue_word(c) -> tuple[int, int]:
    """Where a candidate's cue word stands (its verb or noun, not the words of its group: the
    PolNeAR cue ``has raised questions about`` begins outside the content ``questions about …``
    of ``raised``, its word inside)."""
    t = c.cue_token
    return (t.idx, t.idx + len(t.text)) if t is not None else (c.cue.start, c.cue.end)


def _containers(ordered: list[Attribution], ids: dict[int, str]) -> dict[int, str]:
    """For each quote whose cue lies in another quote's content (``she said she believes that
    …``: the belief is reported inside the saying), the id of the innermost such quote (the
    first in text order among equals). One sweep over the cues in text order, with the content
    parts begun so far on a heap by the length of their quote: about n log n for n quotes."""
    parts = sorted(((s, e, order) for order, a in enumerate(ordered) for s, e in a.candidate.parts))
    queries = sorted((*_cue_word(a.candidate), order) for order, a in enumerate(ordered)
                     if a.candidate.cue is not None and a.candidate.rule != Rule.STANDALONE)
    length = [a.candidate.end - a.candidate.start for a in ordered]
    begun: list[tuple[int, int, int]] = []  # (quote length, quote order, part end)
    out: dict[int, str] = {}
    p = 0
    for cue_start, cue_end, order in queries:
        while p < len(parts) and parts[p][0] <= cue_start:
            heapq.heappush(begun, (length[parts[p][2]], parts[p][2], parts[p][1]))
            p += 1
        aside = []
        while begun:
            top = begun[0]
            if top[2] < cue_start:
                heapq.heappop(begun)  # ends before this cue, so before every later one
            elif top[2] < cue_end or top[1] == order:
                aside.append(heapq.heappop(begun))
            else:
                out[id(ordered[order])] = ids[id(ordered[top[1]])]
                break
        for item in aside:
            heapq.heappush(begun, item)
    return out


def _speaking(quotes: list[Quote]) -> list[Entity]:
    entities: dict[int, Entity] = {}
    for q in quotes:
        if q.entity is not None:
            for e in (*q.entity.members, q.entity):
                entities.setdefault(id(e), e)
    for e in entities.values():
        e.mentions.sort(key=lambda m: (m.start, m.end))
    ordered = sorted(entities.values(), key=lambda e: e.mentions[0].start if e.mentions else 0)
    for n, e in enumerate(ordered, 1):
        e.id = f"e{n}"
    return ordered
