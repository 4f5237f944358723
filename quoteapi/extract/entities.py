"""Who is who across the article: canonical names, titles, and pronoun resolution.

No neural coreference model can be installed here, so resolution is rule-based: a later
``Blinken`` joins the earlier ``Antony Blinken``; a pronoun goes to the most salient earlier
person that agrees in gender (known from honorifics, first names, or pronouns already tied to
the name), preferring the subject of the clause that governs it and the speaker of the
surrounding quotes.

The index separates looking up (``entity_at``, ``person_named``, ``resolve_pronoun``: no side
effects) from recording (``record``, and ``add_name`` / ``organization`` / ``group``, which make an
entity when none exists yet). Only the speakers stage records.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from .lexicon import COMPANY_SUFFIXES, COURTESY_TITLES, HONORIFICS, SPEAKER_KINDS, TITLE_WORDS, TRANSCRIPT_ROLES
from .phrases import (DASHES, ORG_LABELS, char_span, is_title_text, leading_cue_entry, mention_tokens, owns, runs,
                      split_title_affiliation, strip_honorifics)
from .types import Entity, TextSpan
from .vocab import SpeakerKind
from .wordnet import noun_classes

PRONOUN_GENDER = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female",
                  "hers": "female"}
PERSON_PRONOUNS = set(PRONOUN_GENDER)
_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
_MAX_SENTENCES_BACK = 6
_COMPANY_SENTENCES_BACK = 2  # "Apple said … The company said …"
# A proper-noun subject the recogniser did not tag may still be the only person in play
# ("Okafor arrived late. He said …"): looked for this many sentences back.
_UNTAGGED_SENTENCES_BACK = 2


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


def only_roles(tokens) -> bool:
    """``HOST``, ``MODERATOR``, ``the audience``: only a role or a kind of speaker, not a name,
    however capitalised (transcripts write them as names; ``Police Chief Maria Gomez`` is one)."""
    words = [t for t in tokens if t.is_alpha and t.dep_ != "det"]
    return bool(words) and all(t.lower_ in TRANSCRIPT_ROLES or t.lower_ in SPEAKER_KINDS for t in words)


def _firm_first_name_gender(name: str) -> str | None:
    """The gender of a first name the detector is sure of (``Laura``, not ``Bernie``)."""
    verdict = _gender_detector().get_gender(name)
    return verdict if verdict in {"male", "female"} else None


def opens_with_a_first_name(tokens) -> bool:
    """Whether the first proper noun of *tokens* is a first name the detector is sure of
    (``Espen Barth Eide``), whatever the recogniser tagged the words as."""
    first = next((t for t in tokens if t.pos_ == "PROPN"), None)
    return first is not None and _firm_first_name_gender(first.text) is not None


_PLACE_OR_ORG_LABELS = {"ORG", "FAC", "GPE", "LOC"}
# Words that say at which level a post is held, which the recogniser may tag as an organisation.
_LEVELS_OF_A_POST = {"state", "city", "county", "town", "federal", "national", "district"}


def _person_taken_for_an_organisation(ent: Span) -> bool:
    """``Nikki Haley``, which the recogniser may tag as an organisation: two or three proper
    nouns opening with a first name the detector is sure of (not ``Morgan Stanley``, whose
    first word is any gender's, nor ``Kate Spade & Co.``) and ending in a word that is a
    surname rather than a common noun by WordNet (``Haley``, ``Brown``; not ``Research``); or,
    tagged as a place or a building too, such a name after a title (``Councilmember Traci
    Park``), whatever its last word."""
    words = [t for t in ent if t.tag_ != "POS"]
    titled, _ = strip_honorifics(words)
    if ent.label_ in _PLACE_OR_ORG_LABELS and len(titled) < len(words) and 2 <= len(titled) <= 3 \
            and all(t.pos_ == "PROPN" and t.is_alpha for t in titled):
        return _firm_first_name_gender(titled[0].text) is not None
    if not (ent.label_ == "ORG" and 2 <= len(words) <= 3 and all(t.pos_ == "PROPN" and t.is_alpha for t in words)):
        return False
    if words[0].lower_ in TITLE_WORDS or words[-1].tag_ == "NNPS":
        return False  # "General Motors", "Ford Motors"
    kinds = noun_classes(words[-1].lower_)  # a surname, not "Edison Research", "Clinton Foundation"
    return (not kinds or "noun.person" in kinds) and _firm_first_name_gender(words[0].text) is not None


def _firm_gender(entity: Entity) -> str | None:
    """A person's gender as their first name gives it surely; for a surname alone, as an
    honorific or a pronoun tied to them did (a full name's gender may be a guess: Lee, Bernie)."""
    words = entity.name.split()
    return _firm_first_name_gender(words[0]) if len(words) >= 2 else entity.gender


@dataclass(frozen=True)
class _Occurrence:
    entity: Entity
    token: Token  # head token of the mention
    subject: bool


def _named_organisation(phrase: list[Token], ent: Span) -> str | None:
    """The organisation a name's own phrase ties it to: its possessor (``Labour's Rachel
    Reeves``) or a following ``of``/``at``/``from`` (``Tina McKenzie of the Federation of Small
    Businesses``), when the recogniser takes it for an organisation (not a place)."""
    root = ent.root
    for child in root.children:
        if child.dep_ == "poss" and child.i < ent.start and child.ent_type_ == "ORG":
            words = [t for t in child.subtree if t.tag_ != "POS"]
            return root.doc[words[0].i : words[-1].i + 1].text
        if child.dep_ == "prep" and child.i >= ent.end and child.lower_ in {"of", "at", "from"} and child in phrase:
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.ent_type_ == "ORG":
                span = next((e for e in root.doc.ents if e.start <= obj.i < e.end), None)
                words = [t for t in span if not (t.dep_ == "det" and t.i == span.start)] if span is not None else []
                return root.doc[words[0].i : words[-1].i + 1].text if words else None
    return None


def _role_beside(name: Token) -> Token | None:
    """The title a name stands in apposition to, before it: ``[Germany's finance minister],
    Christian Lindner,``, ``the [economist] Paul Krugman``, and through a preposition the parser
    hung the name on (``a [spokeswoman] for Amazon, Jane Doe,``)."""
    if name.dep_ != "appos" or name.head.i > name.i:
        return None
    role = name.head
    while role.dep_ == "pobj" and role.head.dep_ == "prep" and role.head.head.pos_ == "NOUN":
        role = role.head.head
    return role if role.pos_ == "NOUN" or role.lower_ in TITLE_WORDS else None  # ("The Chancellor, Rachel Reeves,")


def _names_a_post(head: Token) -> bool:
    """Whether the phrase headed by *head* names a post: a title word as its head, a word
    before it (``senior [analyst]``, ``[press] secretary``) or a coordinated head (``Democrat and
    former state [senator]``) — not a word further in (``a 59-year-old from Hilton [Head]``)."""
    words = [head, *head.lefts, *(c for c in head.children if c.dep_ == "conj")]
    return any(w.lower_ in TITLE_WORDS for w in words)


@dataclass
class EntityIndex:
    """Entities of one document and the token-level occurrences that tie mentions to them."""

    doc: Doc
    text: str = ""  # doc.text, read once: spaCy rebuilds it from every token on each read
    entities: list[Entity] = field(default_factory=list)
    occurrences: list[_Occurrence] = field(default_factory=list)  # in token order
    by_token: dict[int, Entity] = field(default_factory=dict)
    sentence_of: list[int] = field(default_factory=list)  # sentence number of every token
    sentence_starts: list[int] = field(default_factory=list)  # first token of every sentence
    mentioned: set[tuple[int, int, int]] = field(default_factory=set)  # (id(entity), start, end) recorded

    # -- building ---------------------------------------------------------------------------
    @classmethod
    def build(cls, doc: Doc, text: str | None = None) -> "EntityIndex":
        index = cls(doc, doc.text if text is None else text)
        for n, sent in enumerate(doc.sents):
            index.sentence_of.extend([n] * len(sent))
            index.sentence_starts.append(sent.start)
        for ent in doc.ents:
            if ent.label_ == "PERSON" or _person_taken_for_an_organisation(ent):
                index._add_person(ent)
        index._later_names()
        return index

    def _later_names(self) -> None:
        """``Hale`` after ``Mark Hale``: a run of proper nouns that names an earlier person
        mentions them too, tagged by the recogniser or not, so that it counts for salience."""
        first_seen = {id(e): e.mentions[0].start for e in self.entities if e.mentions}
        for run in runs(t for t in self.doc if t.pos_ == "PROPN" and t.i not in self.by_token
                        and t.ent_type_ in {"", "PERSON"}):
            key = frozenset(t.lower_ for t in run)
            earlier = [e for e in self.entities if key <= e.tokens and first_seen.get(id(e), len(self.text)) < run[0].idx]
            if earlier:
                entity = max(earlier, key=lambda e: first_seen[id(e)])
                self.record(entity, run[0], run[-1], run[-1])

    def _span_text(self, first: Token, last: Token) -> TextSpan:
        start, end = char_span([first, last])
        return TextSpan(start, end, self.text[start:end])

    def _add_person(self, ent: Span) -> Entity | None:
        if len(ent) > 1 and ent.start == ent.sent.start and leading_cue_entry(ent[0]) is not None:
            ent = ent[1:]  # "[Said Lopez]: “…”", "[Stated Stone]:": the recogniser took the cue into the name
        if only_roles(ent):
            return None  # "HOST:", which the recogniser may take for a person
        written = [t for t in ent if not t.is_punct]
        if written and all(t.lower_ in TITLE_WORDS or t.lower_ in HONORIFICS for t in written):
            return None  # "Pope calls for …", "Mayor Says Budget Will Pass": a title alone names nobody
        tokens, gender = strip_honorifics(list(ent))
        before = self.doc[ent.start - 1] if ent.start > 0 else None
        if before is not None and before.lower_ in HONORIFICS:
            gender = gender or HONORIFICS[before.lower_]
        words = [t for t in tokens if t.is_alpha or "." in t.text or "-" in t.text]
        if not words:
            return None
        key = frozenset(t.lower_ for t in words)
        name = self._span_text(words[0], words[-1]).text
        firm = gender or (_firm_first_name_gender(words[0].text) if len(words) >= 2 else None)
        if gender is None and len(words) >= 2:
            gender = first_name_gender(words[0].text)
        entity = self._match_person(key, firm)
        if entity is None:
            entity = Entity(name=name, kind=SpeakerKind.PERSON, tokens=key)
            self.entities.append(entity)
        elif len(key) > len(entity.tokens) or key == entity.tokens and entity.name.isupper() and not name.isupper():
            # "Blinken" first, "Antony Blinken" later; "DONALD TRUMP:" in a transcript, "Donald Trump" later
            entity.name, entity.tokens = name, key
        entity.gender = entity.gender or gender
        self._note_title(entity, ent.root, ent)
        self.record(entity, ent[0], words[-1], ent.root, tokens=list(ent))
        return entity

    def _match_person(self, key: frozenset[str], gender: str | None = None) -> Entity | None:
        """The most recent person whose name holds these words or is held by them, unless
        *gender* (the mention's, when an honorific or an unambiguous first name gives it) and
        the person's first name say otherwise: ``Mr. Bush`` is not Laura Bush, ``Laura Bush``
        not the Mr. Bush before her."""
        for entity in reversed(self.entities):  # the most recent one first
            if entity.kind == SpeakerKind.PERSON and (key <= entity.tokens or entity.tokens <= key) \
                    and (gender is None or _firm_gender(entity) in {None, gender}):
                return entity
        return None

    def _note_title(self, entity: Entity, head: Token, ent: Span) -> None:
        """Titles before a name (``U.S. Secretary of State Antony Blinken``), in apposition
        (``Rida Lyammouri, Senior Fellow at …``) and the role a name stands beside
        (``Germany's finance minister, Christian Lindner,``; ``the economist Paul Krugman``)."""
        phrase = mention_tokens(head)
        named, _ = strip_honorifics(list(ent))  # "[Clerk Janet Moody]" tagged: the title starts before the name
        start = named[0].i if named else ent.start
        # Skip a possessor ("Niger's President ...") and courtesy titles ("Mr.").
        poss_end = max((t.i for t in phrase if t.tag_ == "POS" and t.i < start), default=-1)
        pre = [t for t in phrase if poss_end < t.i < start and t.dep_ not in {"det", "preconj"}
               and HONORIFICS.get(t.lower_) is None]
        dash = max((k for k, t in enumerate(pre) if t.text in DASHES and t.whitespace_ and t.i > 0
                    and t.doc[t.i - 1].whitespace_), default=-1)  # (a dash set apart, not "vice-presidential")
        pre = pre[dash + 1 :]  # "ORLANDO, Fla. (Reuters) - President Barack Obama": a dateline before the title
        courtesy = None  # a title that is only a courtesy ("Dr."), which one spelled out replaces
        if pre and is_title_text([t.text for t in pre]) and entity.title is None:
            # "Bank of England Governor Andrew Bailey": the organisation before the title is
            # where the person works.
            org = 0
            while org < len(pre) - 1 and pre[org].ent_type_ == "ORG":
                org += 1
            if org and pre[0].pos_ == pre[org - 1].pos_ == "PROPN" and is_title_text([t.text for t in pre[org:]]) \
                    and not all(t.lower_ in _LEVELS_OF_A_POST for t in pre[:org]):  # ("State Rep.": a title)
                entity.affiliation = entity.affiliation or self._span_text(pre[0], pre[org - 1]).text
                pre = pre[org:]
            entity.title = self._span_text(pre[0], pre[-1]).text
            if all(t.lower_ in COURTESY_TITLES for t in pre):
                courtesy = entity.title
        if entity.affiliation is None:
            entity.affiliation = _named_organisation(phrase, ent)
        owner = [t for t in phrase if t.i < poss_end and t.dep_ != "det" and t.tag_ != "POS"]
        if entity.affiliation is None and pre and entity.title is not None and owner \
                and all(t.pos_ == "PROPN" for t in owner) and owner[-1].ent_type_ in ORG_LABELS:
            # "Britain's Prime Minister Rishi Sunak": where the title is held
            entity.affiliation = self._span_text(owner[0], owner[-1]).text
        described = [(child, None) for child in head.children
                     if child.dep_ == "appos" and child.i > head.i and child.ent_type_ != "PERSON"]
        role = _role_beside(head)
        if role is not None:
            described.append((role, head.left_edge.i))
        for phrase_head, before in described:
            if not _names_a_post(phrase_head):
                continue
            title, affiliation = split_title_affiliation(phrase_head, self.text, before)
            if title:
                if entity.title is None or entity.title == courtesy:
                    entity.title = title
                if entity.affiliation is None:
                    entity.affiliation = affiliation

    # -- recording --------------------------------------------------------------------------
    def record(self, entity: Entity, first: Token, last: Token, head: Token,
               tokens: list[Token] | None = None) -> None:
        """Record that the words ``first``…``last`` (head ``head``) mention *entity*."""
        span = self._span_text(first, last)
        self._mention(entity, span)
        for t in tokens if tokens is not None else self.doc[first.i : last.i + 1]:
            self.by_token[t.i] = entity
        occurrence = _Occurrence(entity, head, is_subject(head))
        bisect.insort(self.occurrences, occurrence, key=lambda o: o.token.i)

    def note_mention(self, entity: Entity, start: int, end: int) -> None:
        """Record a mention of a group as written (``Smith and Jones``); its words stay its
        members'."""
        self._mention(entity, TextSpan(start, end, self.text[start:end]))

    def _mention(self, entity: Entity, span: TextSpan) -> None:
        """Add *span* to the entity's mentions unless it is there already."""
        key = (id(entity), span.start, span.end)
        if key not in self.mentioned:
            self.mentioned.add(key)
            entity.mentions.append(span)

    def widen(self, entity: Entity, tokens: list[Token]) -> None:
        """Take the fuller name when the parse's mention runs on past the recogniser's to the
        right (``said Ana Lima`` where only ``Ana`` was tagged). Leftwards are titles."""
        tagged = [t for t in tokens if self.by_token.get(t.i) is entity]
        if not tagged:
            return
        named, _ = strip_honorifics(tagged)  # "[Clerk Janet Moody]" tagged: the title is no part of the name
        first, last = named[0], tagged[-1]
        ids = {t.i for t in tokens}
        while last.i + 1 < len(self.doc) and last.i + 1 in ids and self.doc[last.i + 1].pos_ == "PROPN":
            last = self.doc[last.i + 1]
        words = list(self.doc[first.i : last.i + 1])
        key = frozenset(t.lower_ for t in words)
        if entity.tokens < key and len(key) <= 4:
            entity.tokens = key
            entity.name = self._span_text(first, last).text
            for t in words:
                self.by_token[t.i] = entity

    def add_name(self, tokens: list[Token]) -> Entity | None:
        """A person entity for a proper-noun speaker the recogniser missed (``Porter said``)."""
        propn = [t for t in tokens if t.pos_ == "PROPN"]
        capitalised = [t for t in tokens if t.text[:1].isupper() and t.is_alpha]
        if not propn or capitalised and all(t.is_upper for t in capitalised):
            # a surname the tagger took for a verb ("Will said"), a name in capitals ("JAKE
            # TAPPER:", whose words the tagger reads as nouns): its capitalised words
            propn = capitalised
        if not propn or propn[-1].i - propn[0].i != len(propn) - 1:
            return None
        post = max((k for k, t in enumerate(propn[:-1]) if t.lower_ in TITLE_WORDS), default=-1)
        if post > 0 and all(_gender_detector().get_gender(t.text) == "unknown" for t in propn[:post]):
            propn = propn[post + 1 :]  # "City Clerk Janet Moody": the name after the post it names
        return self._add_person(self.doc[propn[0].i : propn[-1].i + 1])

    def organization(self, span_tokens: list[Token], head: Token) -> Entity:
        """The entity for an organisation speaker (``the White House``), made on first use."""
        words = [t for t in span_tokens if t.dep_ != "det" and not (t.tag_ == "POS" and owns(t))] or span_tokens
        name = self._span_text(words[0], words[-1]).text
        key = frozenset(t.lower_ for t in words if t.lower_ not in COMPANY_SUFFIXES) \
            or frozenset(t.lower_ for t in words)  # "Apple Inc." is "Apple"
        entity = next((e for e in self.entities if e.kind == SpeakerKind.ORGANIZATION and e.tokens == key), None)
        if entity is None:
            entity = Entity(name=name, kind=SpeakerKind.ORGANIZATION, tokens=key)
            self.entities.append(entity)
        self.record(entity, span_tokens[0], span_tokens[-1], head)
        return entity

    def company_before(self, token: Token) -> tuple[Entity | None, int]:
        """The company a ``the company`` at *token* stands for: among the organisations the
        recogniser found in the same sentence or the two before, the last one that is a subject
        (``Apple said iPhone sales fell. The company …``: Apple, not iPhone), else the last one;
        and how many sentences back."""
        here = self.sentence_of[token.i]
        found = [ent for ent in self.doc.ents if ent.end <= token.i and ent.label_ == "ORG"
                 and here - self.sentence_of[ent.start] <= _COMPANY_SENTENCES_BACK]
        if not found:
            return None, 0
        ent = next((e for e in reversed(found) if e.root.dep_ in _SUBJECT_DEPS), found[-1])
        return self.organization(list(ent), ent.root), here - self.sentence_of[ent.start]

    def subject_before(self, pronoun: Token) -> Token | None:
        """The last subject before *pronoun* in its sentence or the one before that is not a
        pronoun and not a subject of the pronoun's own verb: what an ``it`` or a ``they`` that
        speaks may stand for."""
        first = self.sentence_starts[max(0, self.sentence_of[pronoun.i] - 1)]
        for token in reversed(self.doc[first : pronoun.i]):
            if token.dep_ in _SUBJECT_DEPS and token.pos_ != "PRON" and token.head.i != pronoun.head.i:
                return token
        return None

    def person_subject_before(self, head: Token, gender: str | None = None) -> tuple[Entity | None, int]:
        """The person an epithet (``the Argentine`` at *head*) stands for: the named person who
        is the main subject of its sentence before it, or else of the sentence before that, and
        not of the other *gender*; and how many sentences back. Nobody when that subject is no
        person met by name (``A Clinton ad questioned … As a phone rang, the announcer said``)."""
        here = self.sentence_of[head.i]
        for k in (here, here - 1):
            if k < 0:
                break
            root = self.doc[self.sentence_starts[k]].sent.root
            for subject in (c for c in root.children if c.dep_ in _SUBJECT_DEPS and c.i < head.i):
                entity = self.by_token.get(subject.i)
                if entity is not None and entity.kind == SpeakerKind.PERSON \
                        and not (gender and entity.gender and entity.gender != gender):
                    return entity, here - k
            if root.i < head.i or k < here:
                break
        return None, 0

    def organization_subject_before(self, pronoun: Token) -> tuple[Entity | None, int]:
        """The organisation an ``it`` that speaks stands for: the :meth:`subject_before` it,
        when the recogniser tagged that subject as an organisation (``The report came out on
        Monday. It said …`` stands for the report: nobody); and how many sentences back."""
        token = self.subject_before(pronoun)
        ent = None if token is None else next((e for e in self.doc.ents if e.start <= token.i < e.end), None)
        if ent is None or ent.label_ != "ORG":
            return None, 0
        return self.organization(list(ent), ent.root), self.sentence_of[pronoun.i] - self.sentence_of[token.i]

    def group(self, members: list[Entity]) -> Entity:
        """One entity for coordinated speakers (``Smith and Jones said``): named after its
        members, who each keep the quote too."""
        members = list(dict.fromkeys(members))
        entity = next((e for e in self.entities if e.kind == SpeakerKind.GROUP and e.members == tuple(members)), None)
        if entity is None:
            names = [m.name for m in members]
            name = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
            entity = Entity(name=name, kind=SpeakerKind.GROUP, members=tuple(members))
            self.entities.append(entity)
        return entity

    # -- looking up -------------------------------------------------------------------------
    def entity_at(self, token: Token) -> Entity | None:
        return self.by_token.get(token.i)

    def person_named(self, tokens: list[Token], tagged: bool = True) -> tuple[Entity, list[Token]] | None:
        """An earlier person whose name contains these proper nouns (``Nuland`` → Victoria
        Nuland), or these words whatever their tag when not *tagged*, with the words that name them."""
        words, _ = strip_honorifics([t for t in tokens if t.pos_ == "PROPN" or not tagged])
        key = frozenset(t.lower_ for t in words)
        if not key:
            return None
        entity = next((e for e in reversed(self.entities) if e.kind == SpeakerKind.PERSON and key <= e.tokens), None)
        return (entity, words) if entity is not None else None

    def person_titled(self, head: Token) -> tuple[Entity | None, int]:
        """The person a definite title (``the governor`` at *head*) stands for: of the people
        met in the sentences within reach whose title has that word (``Governor``, ``Acting
        Governor``), the last one met as a subject, else the last one; and how many sentences
        back (``President Biden met Mexican President López Obrador. The president said …``:
        Biden)."""
        here = self.sentence_of[head.i]
        word = head.lower_
        titled = []
        for occurrence in reversed(self.occurrences):
            if occurrence.token.i >= head.i:
                continue
            if here - self.sentence_of[occurrence.token.i] > _MAX_SENTENCES_BACK:
                break
            entity = occurrence.entity
            if entity.kind == SpeakerKind.PERSON and entity.title \
                    and word in (w.strip(".,").lower() for w in entity.title.split()):
                titled.append(occurrence)
        if not titled:
            return None, 0
        chosen = next((o for o in titled if o.subject), titled[0])
        return chosen.entity, here - self.sentence_of[chosen.token.i]

    def person_with_word(self, token: Token) -> Entity | None:
        """The last person met before *token* whose name has its word (``Reilly`` of Tom
        Reilly), whatever the tagger made of it."""
        before = [o.entity for o in self.occurrences if o.token.i < token.i]
        return next((e for e in reversed(before) if e.kind == SpeakerKind.PERSON and token.lower_ in e.tokens), None)

    def resolve_pronoun(self, pronoun: Token, last_speaker: Entity | None) -> tuple[Entity | None, int]:
        """The person a he/she pronoun most likely refers to, and how many sentences back the
        chosen antecedent was. ``last_speaker`` is the speaker of the closest earlier quote.

        Salience: closer sentences, subjects, the subject of the clause that governs the
        pronoun's, the last speaker and a known matching gender score higher; a person who is
        another argument of the pronoun's own verb (``Hale told Ellis he …`` aside, ``Ellis
        criticised him``) is never its antecedent."""
        gender = PRONOUN_GENDER.get(pronoun.lower_)
        if gender is None:
            return None, 0
        return self.resolve_person(pronoun, last_speaker, gender)

    def resolve_person(self, pronoun: Token, last_speaker: Entity | None, gender: str | None = None
                       ) -> tuple[Entity | None, int]:
        """As :meth:`resolve_pronoun`, for any word that stands for a person mentioned before
        (``the 58-year-old``), of *gender* if known."""
        here = self.sentence_of[pronoun.i]
        best: tuple[float, Entity, int] | None = None
        fallback: tuple[float, Entity, int] | None = None
        governing_subject = _governing_subject(pronoun)
        coarguments = {c.i for c in pronoun.head.children if c.i != pronoun.i}
        # Only the sentences within reach are looked at: the cost stays flat as the text grows.
        first = self.sentence_starts[max(0, here - _MAX_SENTENCES_BACK)]
        for k in range(bisect.bisect_left(self.occurrences, first, key=lambda o: o.token.i), len(self.occurrences)):
            occ = self.occurrences[k]
            if occ.token.i >= pronoun.i:
                break
            entity = occ.entity
            if entity.kind != SpeakerKind.PERSON:
                continue
            guessed = gender and entity.gender and entity.gender != gender  # "Kelly Ortberg … He said"
            if guessed and _firm_gender(entity) is not None:
                continue
            if occ.token.i in coarguments:
                continue
            distance = here - self.sentence_of[occ.token.i]
            if distance > _MAX_SENTENCES_BACK:
                continue
            score = -1.0 * distance
            if occ.subject:
                score += 1.5
            if governing_subject is not None and governing_subject.i == occ.token.i:
                score += 4.0
            if entity is last_speaker:
                score += 1.0
            if gender and entity.gender == gender:
                score += 0.5
            if guessed:  # a first name given to either gender ("Kelly Ortberg … He said"): only
                if fallback is None or score >= fallback[0]:  # when no one else can be meant
                    fallback = (score, entity, distance)
                continue
            if best is None or score >= best[0]:
                best = (score, entity, distance)
        best = best or fallback
        if best is None:
            return None, 0
        return best[1], best[2]

    def untagged_subject_before(self, pronoun: Token) -> list[Token] | None:
        """The words of a proper-noun subject the recogniser did not tag, in the sentences just
        before *pronoun* (``Okafor arrived late. He said …``), when it is the only one."""
        here = self.sentence_of[pronoun.i]
        found = []
        for token in self.doc[self.sentence_starts[max(0, here - _UNTAGGED_SENTENCES_BACK)] : pronoun.i]:
            if (token.dep_ in _SUBJECT_DEPS and token.pos_ == "PROPN" and token.ent_type_ in {"", "PERSON"}
                    and token.i not in self.by_token):
                found.append(token)
        if len(found) != 1:
            return None
        return [t for t in mention_tokens(found[0]) if t.pos_ == "PROPN"] or None


def note_gender(entity: Entity, pronoun: Token) -> None:
    """A pronoun tied to a person tells their gender when nothing else did."""
    entity.gender = entity.gender or PRONOUN_GENDER.get(pronoun.lower_)


def is_subject(token: Token) -> bool:
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


