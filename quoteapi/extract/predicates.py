"""Candidate predicates: every word that could attribute, with each complement that could be its
content, read off the parse. The learned model (:mod:`quoteapi.extract.learned`) decides which
of them are attributions; nothing here consults the cue lexicon.

A predicate is a verb, adjective or noun with a clausal, infinitival, nominal or prepositional
complement: ``the union [backs] [the plan]``, ``she was [confident] [that …]``, ``his
[warning] [that …]``, ``her [proposal] [to …]``, ``their [criticism] of [the ruling]``, ``it is
[believed] [that …]``.

>>> from quoteapi.extract import load_pipeline                          # doctest: +SKIP
>>> doc = load_pipeline()("The union backs the plan.")                  # doctest: +SKIP
>>> [(c.predicate.text, c.slot) for c in candidates_in(doc[:])]        # doctest: +SKIP
[('backs', 'object')]
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from .frames import (_infinitive_content, _object_content, _prepositional_content, clause_marks, clause_tokens,
                     is_infinitive, participle_cues, without_nested_cues)
from .lexicon import PREPOSITION_SLOT
from .phrases import POSITION

_PREDICATE_POS = {"VERB", "ADJ", "NOUN"}
# Prepositions whose object can be reported content: "warned about …", "called for …".
_CONTENT_PREPS = {"about", "for", "of", "on", "against", "over", "with", "to", "as", "at", "in", "into", "by"}
# After a noun, right after it: "criticism of …", "questions about …", "hopes for …".
_NOUN_CONTENT_PREPS = {"about", "for", "of", "on", "against", "over"}
_MIN_CONTENT_TOKENS = 1
# A predicate without one of these children has no complement to report.
_COMPLEMENT_DEPS = {"ccomp", "xcomp", "dobj", "prep", "acl", "nsubjpass"}


@dataclass(frozen=True)
class PredicateCandidate:
    predicate: Token
    slot: str  # clause | object | to | prep:<word> | noun_clause | noun_to | noun_prep:<word> | passive_subject
    content: tuple[Token, ...]  # the complement's tokens, nested participle cues left out


def _clause(token: Token) -> list[Token] | None:
    for child in token.children:
        if child.dep_ == "ccomp":
            return clause_tokens(token, child)
    return None


def _noun_clause(token: Token) -> list[Token] | None:
    """``his warning that …``, ``the belief that …``."""
    for child in token.children:
        if child.dep_ in {"acl", "ccomp"} and "that" in clause_marks(child):
            return list(child.subtree)
    return None


def _noun_infinitive(token: Token) -> list[Token] | None:
    """``his proposal [to ban …]``, ``their refusal [to stand with …]``."""
    for child in token.children:
        if child.dep_ == "acl" and child.i > token.i and child.tag_ == "VB" and is_infinitive(child):
            return list(child.subtree)
    return None


def _passive_subject(token: Token) -> list[Token] | None:
    """``[The registration issue] was first reported by the Post``: what is reported is the subject."""
    for child in token.children:
        if child.dep_ == "nsubjpass" and child.pos_ != "PRON":
            return list(child.subtree)
    return None


def candidates_in(sent: Span, skip: set[int] = frozenset(), read: dict[int, set[int]] | None = None
                  ) -> list[PredicateCandidate]:
    """Every (predicate, complement) pair of one sentence, but for predicates in *skip* (*read*:
    the participle cues the rules' frames found, see :func:`~quoteapi.extract.frames.participle_cues`)."""
    out: list[PredicateCandidate] = []
    participles = None  # the sentence's participle cues, read at its first complement
    for token in sent:
        if token.pos_ not in _PREDICATE_POS or token.i in skip:
            continue
        children = list(token.children)
        deps = {c.dep_ for c in children}
        if not deps & _COMPLEMENT_DEPS:
            continue
        found: list[tuple[str, list[Token] | None]] = []
        if token.pos_ == "NOUN":
            if deps & {"acl", "ccomp"}:
                found.append(("noun_clause", _noun_clause(token)))
            if "acl" in deps:
                found.append(("noun_to", _noun_infinitive(token)))
            for child in children:  # "their criticism [of the plan]", "warnings [about …]"
                if child.dep_ == "prep" and child.lower_ in _NOUN_CONTENT_PREPS and child.i == token.i + 1:
                    found.append((f"noun_prep:{child.lower_}", _prepositional_content(token, child.lower_)))
        else:
            if "auxpass" in deps and "nsubjpass" in deps:  # "[the plan] was criticized by …"
                found.append(("passive_subject", _passive_subject(token)))
            if "ccomp" in deps:
                found.append(("clause", _clause(token)))
            if "xcomp" in deps:
                found.append(("to", _infinitive_content(token)))
            if token.pos_ == "VERB" and "dobj" in deps:
                found.append(("object", _object_content(token)))
            for child in children:
                if child.dep_ == "prep" and child.lower_ in _CONTENT_PREPS and child.i > token.i:
                    found.append((PREPOSITION_SLOT + child.lower_, _prepositional_content(token, child.lower_)))
        for slot, tokens in found:
            if tokens and len(tokens) >= _MIN_CONTENT_TOKENS:
                if participles is None:
                    participles = participle_cues(sent, read)
                content = without_nested_cues(tokens, token, participles)
                if content:
                    out.append(PredicateCandidate(token, slot, tuple(sorted(content, key=POSITION))))
    return out
