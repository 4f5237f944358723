"""The outlet or addressee a quote was given to, when the text names one.

``Speaking to Radio France International, … Blinken emphasized …`` → Radio France International;
``told Reuters``; ``in an interview with CNN``; ``said on Fox News``; ``wrote in The Atlantic``.
"""
from __future__ import annotations

from spacy.tokens import Token

from .frames import reported_as_saying
from .lexicon import MEDIA_NAMES, OUTLET_PATTERNS
from .phrases import char_span, mention_tokens
from .types import Outlet

_PARTICIPLES = {(p.word, p.preposition) for p in OUTLET_PATTERNS if p.kind == "participle"}
_NOUNS = {(p.word, p.preposition) for p in OUTLET_PATTERNS if p.kind == "noun"}
_MEDIUM_PREPS = {p.preposition for p in OUTLET_PATTERNS if p.kind == "on"}
_OBJECT_VERBS = {p.word for p in OUTLET_PATTERNS if p.kind == "object"}  # "told Reuters"
_TO_VERBS = {p.word for p in OUTLET_PATTERNS if p.kind == "to"}  # "said to reporters"
# Entities that are never an outlet: "in an interview on Tuesday".
_TIME_ENTS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"}
_HANGING = {"advcl", "conj", "xcomp"}  # a participle or conjunct cue: its outlet may be its verb's
_SUBJECTS = {"nsubj", "nsubjpass"}
# Nor the medium of "said on/in X": "said in Ohio", "said on the floor".
_NOT_OUTLET_ENTS = _TIME_ENTS | {"GPE", "LOC", "FAC", "EVENT"}


def _outlet(obj: Token, text: str) -> Outlet | None:
    if obj.ent_type_ in _TIME_ENTS:
        return None
    tokens = mention_tokens(obj)
    while tokens and tokens[0].dep_ == "det" and tokens[0].lower_ in {"a", "an"}:
        tokens = tokens[1:]
    while len(tokens) > 1 and tokens[-1].tag_ == "POS":
        tokens = tokens[:-1]  # "said on NBC's “Meet the Press”": NBC
    start, end = char_span(tokens)
    return Outlet(start, end, text[start:end])


def _pobj(prep: Token) -> Token | None:
    return next((c for c in prep.children if c.dep_ == "pobj"), None)


def _is_medium(obj: Token) -> bool:
    if obj.ent_type_ in _NOT_OUTLET_ENTS:
        return False
    phrase = " ".join(t.lower_ for t in mention_tokens(obj))
    if phrase in MEDIA_NAMES or phrase.removeprefix("the ") in MEDIA_NAMES:
        return True
    return obj.ent_type_ in {"ORG", "WORK_OF_ART", "PRODUCT"}


def find_outlet(cue: Token, text: str) -> Outlet | None:
    """The outlet of the frame whose cue is *cue* (``text`` is the doc's text), or None: on the
    cue itself, on the speaker's phrase (``Yellen, speaking to CNBC, praised …``, ``Yellen, in
    an interview with the BBC, said …``) or, for a participle or a conjunct, on the verb it
    hangs on (``praised the plan, calling it …``)."""
    if reported_as_saying(cue):  # "quoted by state media as saying": who reported the words
        for agent in (c for c in cue.children if c.dep_ == "agent"):
            obj = _pobj(agent)
            if obj is not None and obj.pos_ in {"PROPN", "NOUN"}:
                return _outlet(obj, text)
    verbs = [cue]
    if cue.dep_ in _HANGING and cue.head.i != cue.i and cue.head.pos_ in {"VERB", "AUX"} \
            and not any(c.dep_ in _SUBJECTS for c in cue.children):  # (not "…, and Jones added")
        verbs.append(cue.head)
    for verb in verbs:
        found = _on_verb(verb, text)
        for subject in (c for c in verb.children if c.dep_ in _SUBJECTS):
            found = found or _on_speaker(subject, text)
        if found is not None:
            return found
    return None


def _on_verb(cue: Token, text: str) -> Outlet | None:
    for child in cue.children:
        # "Speaking to Radio France International, X emphasized …"
        if child.dep_ in {"advcl", "xcomp"} and (found := _participle(child, text)):
            return found
        # "told Reuters", "told reporters"
        if cue.lemma_ in _OBJECT_VERBS and child.dep_ in {"dobj", "dative"} and child.pos_ in {"PROPN", "NOUN"}:
            return _outlet(child, text)
        if child.dep_ == "prep":
            obj = _pobj(child)
            if obj is None:
                continue
            # "in an interview with CNN", "in a letter to the board"
            if found := _occasion(child, obj, text):
                return found
            # "said on CNN", "wrote in The Atlantic"
            if child.lower_ in _MEDIUM_PREPS and _is_medium(obj):
                return _outlet(obj, text)
            # "said to reporters", "said in a statement to Reuters"
            if child.lower_ == "to" and cue.lemma_ in _TO_VERBS and obj.pos_ in {"PROPN", "NOUN"}:
                return _outlet(obj, text)
    return None


def _on_speaker(subject: Token, text: str) -> Outlet | None:
    """``Yellen, speaking to CNBC, …``, ``Yellen, in an interview with the BBC, …``: the
    participle or the occasion set off beside the speaker (not ``Democrats in Congress``)."""
    for child in subject.children:
        if child.dep_ in {"acl", "advcl"} and (found := _participle(child, text)):
            return found
        if child.dep_ == "prep" and (obj := _pobj(child)) is not None and (found := _occasion(child, obj, text)):
            return found
    return None


def _participle(clause: Token, text: str) -> Outlet | None:
    for prep in clause.children:
        if (clause.lemma_.lower(), prep.lower_) in _PARTICIPLES:
            obj = _pobj(prep)
            if obj is not None and (found := _outlet(obj, text)):
                return found
    return None


def _occasion(prep: Token, obj: Token, text: str) -> Outlet | None:
    """``in an interview with CNN``, ``in a letter to the board``."""
    if prep.lower_ in {"in", "during", "on"} and obj.pos_ == "NOUN":
        for inner_prep in obj.children:
            if inner_prep.dep_ == "prep" and (obj.lemma_.lower(), inner_prep.lower_) in _NOUNS:
                inner = _pobj(inner_prep)
                if inner is not None and (found := _outlet(inner, text)):
                    return found
    return None
