"""Who is who across the article: canonical names, titles, and pronoun resolution.

No neural coreference model can be installed here, so resolution is rule-based: a later
``Blinken`` joins the earlier ``Antony Blinken``; a pronoun goes to the most salient earlier
person that agrees in gender (known from honorifics, first names, or pronouns already tied to
the name), preferring the subject of the clause that governs it and the speaker of the
surrounding quotes.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from .lexicon import HONORIFICS
from .phrases import is_title_text, mention_tokens, split_title_affiliation, strip_honorifics
from .types import Entity, TextSpan

PRONOUN_GENDER = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female",
                  "hers": "female"}
PERSON_PRONOUNS = set(PRONOUN_GENDER)
ORG_LABELS = {"ORG", "NORP", "GPE"}
_SUBJECT_DEPS = {"nsubj", "nsubjpass"}


@lru_cache(maxsize=1)
def _gender_detector():
    import gender_guesser.detector as gd

    return gd.Detector(case_sensitive=False)


def first_name_gender(name: str) -> str | None:
    verdict = _gender_detector().get_gender(name)
    if verdict in {"male", "mostly_male"}:
        return "male"
    if verdict in {"female", "mostly_female"}:
        return "female"
    return None


@dataclass
class _Occurrence:
    entity: Entity
    token: Token  # head token of the mention
    subject: bool


@dataclass
class EntityIndex:
    """Entities of one document and the token-level occurrences that tie mentions to them."""

    doc: Doc
    entities: list[Entity] = field(default_factory=list)
    occurrences: list[_Occurrence] = field(default_factory=list)
    by_token: dict[int, Entity] = field(default_factory=dict)

    # -- building ---------------------------------------------------------------------------
    @classmethod
    def build(cls, doc: Doc) -> "EntityIndex":
        index = cls(doc)
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                index._add_person(ent)
        return index

    def _add_person(self, ent: Span) -> Entity | None:
        tokens, gender = strip_honorifics(list(ent))
        before = self.doc[ent.start - 1] if ent.start > 0 else None
        if before is not None and before.lower_ in HONORIFICS:
            gender = gender or HONORIFICS[before.lower_]
        words = [t for t in tokens if t.is_alpha or "." in t.text or "-" in t.text]
        if not words:
            return None
        key = frozenset(t.lower_ for t in words)
        name = self.doc.text[words[0].idx : words[-1].idx + len(words[-1].text)]
        entity = self._match_person(key)
        if entity is None:
            entity = Entity(id=f"e{len(self.entities) + 1}", name=name, kind="person", tokens=key)
            self.entities.append(entity)
        elif len(key) > len(entity.tokens):
            entity.name, entity.tokens = name, key  # "Blinken" first, "Antony Blinken" later
        if gender is None and len(words) >= 2:
            gender = first_name_gender(words[0].text)
        entity.gender = entity.gender or gender
        head = ent.root
        entity.mentions.append(self._text_span(ent[0], words[-1]))
        self._note_title(entity, head, ent)
        for t in ent:
            self.by_token[t.i] = entity
        self._occurs(entity, head)
        return entity

    def _text_span(self, first: Token, last: Token) -> TextSpan:
        start, end = first.idx, last.idx + len(last.text)
        return TextSpan(start, end, self.doc.text[start:end])

    def _occurs(self, entity: Entity, token: Token) -> None:
        """Record that *token* mentions *entity*, keeping occurrences in text order."""
        self.occurrences.append(_Occurrence(entity, token, _is_subject(token)))
        self.occurrences.sort(key=lambda o: o.token.i)

    def _match_person(self, key: frozenset[str]) -> Entity | None:
        for entity in reversed(self.entities):  # the most recent one first
            if entity.kind == "person" and (key <= entity.tokens or entity.tokens <= key):
                return entity
        return None

    def _note_title(self, entity: Entity, head: Token, ent: Span) -> None:
        """Titles before a name (``U.S. Secretary of State Antony Blinken``) and in apposition
        (``Rida Lyammouri, Senior Fellow at …``)."""
        phrase = mention_tokens(head)
        # Skip a possessor ("Niger's President ...") and courtesy titles ("Mr.").
        poss_end = max((t.i for t in phrase if t.tag_ == "POS" and t.i < ent.start), default=-1)
        pre = [t for t in phrase if poss_end < t.i < ent.start and t.dep_ != "det"
               and HONORIFICS.get(t.lower_) is None]
        if pre and is_title_text([t.text for t in pre]) and entity.title is None:
            doc = self.doc
            entity.title = doc.text[pre[0].idx : pre[-1].idx + len(pre[-1].text)]
        for child in head.children:
            if child.dep_ == "appos" and child.i > head.i and child.ent_type_ != "PERSON":
                title, affiliation = split_title_affiliation(child)
                if title and is_title_text(title.split()):
                    if entity.title is None:
                        entity.title = title
                    if entity.affiliation is None:
                        entity.affiliation = affiliation

    def person_named(self, tokens: list[Token]) -> Entity | None:
        """An earlier person whose name contains these proper nouns (``Nuland`` → Victoria Nuland)."""
        words, _ = strip_honorifics([t for t in tokens if t.pos_ == "PROPN"])
        key = frozenset(t.lower_ for t in words)
        if not key:
            return None
        entity = next((e for e in reversed(self.entities) if e.kind == "person" and key <= e.tokens), None)
        if entity is not None:
            entity.mentions.append(self._text_span(words[0], words[-1]))
            for t in words:
                self.by_token[t.i] = entity
            self._occurs(entity, tokens[-1])
        return entity

    def widen(self, entity: Entity, tokens: list[Token]) -> None:
        """Take the fuller name when the parse's mention runs on past the recogniser's to the
        right (``said Ana Lima`` where only ``Ana`` was tagged). Leftwards are titles."""
        tagged = [t for t in tokens if self.by_token.get(t.i) is entity]
        if not tagged:
            return
        first, last = tagged[0], tagged[-1]
        while last.i + 1 < len(self.doc) and self.doc[last.i + 1] in tokens and self.doc[last.i + 1].pos_ == "PROPN":
            last = self.doc[last.i + 1]
        words = list(self.doc[first.i : last.i + 1])
        key = frozenset(t.lower_ for t in words)
        if entity.tokens < key and len(key) <= 4:
            entity.tokens = key
            entity.name = self.doc.text[first.idx : last.idx + len(last.text)]
            for t in words:
                self.by_token[t.i] = entity

    def add_name(self, tokens: list[Token]) -> Entity | None:
        """A person entity for a proper-noun speaker the recogniser missed (``Porter said``)."""
        propn = [t for t in tokens if t.pos_ == "PROPN"]
        if not propn or propn[-1].i - propn[0].i != len(propn) - 1:
            return None
        return self._add_person(self.doc[propn[0].i : propn[-1].i + 1])

    def organization(self, span_tokens: list[Token], label: str) -> Entity:
        """The entity for an organisation speaker (``the White House``), made on first use."""
        words = [t for t in span_tokens if t.dep_ != "det" and t.tag_ != "POS"]
        name = self.doc.text[words[0].idx : words[-1].idx + len(words[-1].text)] if words else ""
        key = frozenset(t.lower_ for t in words)
        for entity in self.entities:
            if entity.kind == "organization" and entity.tokens == key:
                break
        else:
            entity = Entity(id=f"e{len(self.entities) + 1}", name=name, kind="organization", tokens=key)
            self.entities.append(entity)
        span = self._text_span(span_tokens[0], span_tokens[-1])
        if all(m.start != span.start for m in entity.mentions):
            entity.mentions.append(span)
        return entity

    # -- resolving --------------------------------------------------------------------------
    def entity_at(self, token: Token) -> Entity | None:
        return self.by_token.get(token.i)

    def resolve_pronoun(self, pronoun: Token, recent_speakers: list[tuple[int, Entity]]) -> tuple[Entity | None, int]:
        """The person a he/she pronoun most likely refers to, and how many sentences back the
        chosen antecedent was. ``recent_speakers`` holds (character offset, entity) of quotes
        attributed so far, in order."""
        gender = PRONOUN_GENDER.get(pronoun.lower_)
        if gender is None:
            return None, 0
        sent_index = _sentence_index(self.doc)
        here = sent_index[pronoun.i]
        best: tuple[float, Entity, int] | None = None
        governing_subject = _governing_subject(pronoun)
        last_speaker = next((e for off, e in reversed(recent_speakers) if off < pronoun.idx), None)
        for occ in self.occurrences:
            if occ.token.i >= pronoun.i:
                break
            entity = occ.entity
            if entity.kind != "person" or (entity.gender and entity.gender != gender):
                continue
            distance = here - sent_index[occ.token.i]
            if distance > 6:
                continue
            score = -1.0 * distance
            if occ.subject:
                score += 1.5
            if governing_subject is not None and governing_subject.i == occ.token.i:
                score += 4.0
            if entity is last_speaker:
                score += 1.0
            if entity.gender == gender:
                score += 0.5
            if best is None or score >= best[0]:
                best = (score, entity, distance)
        if best is None:
            return None, 0
        _, entity, distance = best
        entity.gender = entity.gender or gender
        self._occurs(entity, pronoun)
        entity.mentions.append(self._text_span(pronoun, pronoun))
        return entity, distance


def _is_subject(token: Token) -> bool:
    return token.dep_ in _SUBJECT_DEPS or (token.dep_ in {"compound", "poss"} and token.head.dep_ in _SUBJECT_DEPS)


def _governing_subject(pronoun: Token) -> Token | None:
    """In ``Nuland revealed that she was denied …`` the subject of the clause that governs the
    pronoun's clause (``Nuland``)."""
    clause = pronoun.head
    while clause.dep_ not in {"ccomp", "advcl", "xcomp", "relcl", "conj"} and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ not in {"ccomp", "advcl", "xcomp", "conj"}:
        return None
    governor = clause.head
    subjects = [c for c in governor.children if c.dep_ in _SUBJECT_DEPS and c.i != pronoun.i]
    return subjects[0] if subjects else None


def _sentence_index(doc: Doc) -> list[int]:
    """Sentence number of every token (cached on the doc via user_data)."""
    cached = doc.user_data.get("quoteapi_sent_index")
    if cached is None:
        cached = []
        for n, sent in enumerate(doc.sents):
            cached.extend([n] * len(sent))
        doc.user_data["quoteapi_sent_index"] = cached
    return cached
