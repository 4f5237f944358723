"""Who said it: the one stage that writes a quote's speaker, its entity and ``speaker_from``.

Where the text names the speaker (a *source*), read off the parse or a layout:

- ``subject`` — ``Blinken stressed that …``; ``agent`` — ``… was announced by the ministry``;
- ``relative`` — ``Smith, who said …`` (the mention is ``who``, the speaker Smith);
- ``participle`` / ``conjunct`` — ``…, adding that …`` / ``… and vowed to …``: the speaker of the
  clause they hang on;
- ``nearest_name`` — a name left of the cue that the parse did not attach;
- ``adjacent_name`` — ``“…,” Will said``: capitalised words right after the quotation, whatever
  the tagger took them for;
- ``according_to``, ``finding`` (``in a poll``: the poll), ``viewpoint`` (``in X's view``: X),
  ``colon`` (``NAME: …``), ``signature`` (``“…” ― Name``).

Then who the source is (an :class:`~quoteapi.extract.entities.EntityIndex` entity): a name, an
organisation, a pronoun resolved to a person (``coreference``), the issuer of a document
(``her statement said`` → her), coordinated speakers as one group (``Smith and Jones said``).
A quotation standing alone takes the speaker of the quote before it (``previous_quote``), unless
someone new came into the text in between (then the person the sentence just before it is
about, ``previous_sentence``, or nobody).

>>> from spacy.tokens import Doc
>>> from spacy.vocab import Vocab
>>> doc = Doc(Vocab(), words=["Porter", "said", "it", "rained"], heads=[1, 1, 3, 1],
...           deps=["nsubj", "ROOT", "nsubj", "ccomp"], pos=["PROPN", "VERB", "PRON", "VERB"])
>>> source = syntactic_source(doc[1])
>>> source.head.text, source.how.value
('Porter', 'subject')
"""
from __future__ import annotations

import bisect
import heapq
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..budget import check
from .entities import PERSON_PRONOUNS, EntityIndex, is_subject, note_gender, only_roles, opens_with_a_first_name
from .frames import (CLOSING_A_SENTENCE, cue_entry, displaced_subject, extraposed, finding_of, inverted_subject_elsewhere,
                     is_infinitive, is_passive, put_to_the_subject, raising, reported_as_saying,
                     subject_set_off_after_quotation, viewpoint_of)
from .lexicon import COMPANY_NOUNS, GENDERED_NOUNS, HEDGES, OBJECT_CONTROL, ORGANISATION_WORDS, POSITIONS, SPEAKER_KINDS, TITLE_WORDS, TRANSCRIPT_ROLES
from .lines import ends_line
from .marks import CLOSING_TOKENS, DOUBLE_CLOSE, QUOTE_OPENERS, STRAIGHT_DOUBLE
from .options import DEFAULT, Options
from .phrases import (DASHES, ORG_LABELS, SPEAKING_KINDS, can_speak, char_span, dateline_length, has_clause_subject, issuing_verb,
                      mention_tokens, named_owner, right_after_a_quotation, subject_read_as_adverb)
from .types import Candidate, Entity, Mention
from .vocab import Mode, Rule, SpeakerFrom, SpeakerKind
from .wordnet import classes

# Participle clauses that carry the cue of the clause they hang on: ", adding that …", "saying …".
_PARTICIPLE_DEPS = {"advcl", "xcomp", "conj", "acl"}
_SUBJECT_DEPS = {"nsubj", "csubj"}
_ANY_SUBJECT_DEPS = {"nsubj", "nsubjpass"}  # of the clause a participle or a gerund belongs to
_FINITE_TAGS = {"VBD", "VBZ", "VBP"}
_PARTICIPLE_TAGS = {"VBG", "VBN", "VB"}  # a clause of these shares its subject with the verb it hangs on
# Words that open a clause but that the parser may read as a preposition before its subject.
_SUBORDINATORS = {"after", "before", "since", "until", "as", "because", "once"}
# Closing quotation marks, and what may stand between one and a name the tagger took for a verb.
_AFTER_QUOTE = CLOSING_TOKENS | {","}
_DOUBLE_CLOSING = {*DOUBLE_CLOSE, STRAIGHT_DOUBLE, "''"}  # (single marks are apostrophes too: O’Malley, Trump’s)
_MAX_ADJACENT_NAME = 3
# Dependencies under which a name in a noun's phrase is someone else: a preposition's object, a
# clause's argument.
_NOT_NAMING_DEPS = {"pobj", "prep", "relcl", "acl", "dobj", "ccomp", "advcl", "xcomp", "nsubj"}
_LAYOUT_SOURCES = {Rule.SPEAKER_COLON: SpeakerFrom.COLON, Rule.INTERVIEW: SpeakerFrom.INTERVIEW,
                   Rule.QUOTE: SpeakerFrom.SUBJECT}  # "Said Lopez: “…”": the words after the cue
_VERB_OF_NOUN_PREPS = {"with", "in", "into", "through"}  # "spoke in a statement that …"
# Verbs whose subject is the target of the noun cue they take, not its owner: "Obama has faced
# criticism for …", "Clinton is receiving criticism for …" (PolNeAR train: of the 8 such nouns
# the gold pairs, 5 have no source and 3 another one, "criticism from rivals"). Not "draw", whose
# subject draws up as often as it draws fire ("Democrats are drawing blueprints for …").
_RECEIVING_VERBS = {"face", "receive", "attract", "endure", "suffer", "weather", "encounter"}
_PRONOUN_NUMBERS = {"one", "another"}  # inverted subjects that are neither noun nor name
_FLOATING_QUANTIFIERS = {"all", "both", "each"}  # "Democrats … all agreed": the parser's second subject
_MAX_DESCRIPTION = 8  # words of "the 58-year-old", "a senior State Department official"
_NOT_IN_DESCRIPTIONS = {"VERB", "AUX", "PUNCT", "SCONJ", "CCONJ"}
# A person named by age: "the 58-year-old", "a 45-year-old teacher".
_AGE_DESCRIPTION = re.compile(r"^(?:the|a|an) \d+-year-old\b", re.IGNORECASE)
_DATELINE_MAX_TOKENS = 10
# Prepositions that name who issued a document: "a statement from the ministry".
_ISSUER_PREPS = {"from", "by", "of"}
# Nouns that can stand before a colon although they are not names: roles, and documents
# ("Poll: Voters Abandon …").
# Words that never stand in a speaker's name: "ON THE GROUND", "WHAT'S NEXT".
_NOT_IN_NAMES = {"ADP", "DET", "VERB", "AUX", "PRON", "SCONJ", "CCONJ", "NUM", "PART"}


@dataclass(frozen=True)
class Source:
    """Where the text names the speaker: the head token, how it was found, and the words when
    a layout (not the parse) says where they are."""

    head: Token
    how: SpeakerFrom
    tokens: tuple[Token, ...] | None = None


@dataclass(frozen=True)
class Attribution:
    """What this stage says of one candidate."""

    candidate: Candidate
    speaker: Mention | None = None
    how: SpeakerFrom | None = None
    distance: int = 0  # sentences between a pronoun and its antecedent
    governor: "Attribution | None" = None  # the quote a standalone quotation continues


# -- where the speaker stands ------------------------------------------------------------------
_PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}


def syntactic_source(cue: Token) -> Source | None:
    """The speaker of *cue* as the parse gives it, or None."""
    if cue.lemma_.lower() in HEDGES and raising(cue) is not None:
        return None  # "Twitter appears to be …": the writer's hedge; its subject is content
    if extraposed(cue):
        return None  # "It is important to note that …", "it appears that …": the writer's remark
    if cue.dep_ == "relcl" and issuing_verb(cue) is not None and (governor := _governing_clause(cue)) is not None:
        # "Trump released a video that said …": Trump's words, as in "a video saying …", not the relative pronoun's
        return Source(_speaking_subject(_subjects(governor, _ANY_SUBJECT_DEPS), governor), SpeakerFrom.PARTICIPLE)
    subjects = [c for c in _subjects(cue, _SUBJECT_DEPS) if not _quoted_title(c, cue) and not _quoted_before(c, cue)]
    displaced = displaced_subject(cue) if any(c.i > cue.i for c in subjects) else None
    if displaced is not None:  # "The plan, said the mayor, is dead": the subject after the cue speaks
        subjects = [c for c in subjects if c.i != displaced.i]
    if subjects:
        subject = _speaking_subject(subjects, cue)
        if _place_after_a_bare_preposition(subject):
            # "In Scituate, where waves crashed …, resident Linda Morris described …": the parser
            # made the preposition's place the subject; the name nearest the cue speaks
            return _nearest_named_left(cue) or Source(subject, SpeakerFrom.SUBJECT)
        return Source(subject, SpeakerFrom.SUBJECT)
    if reported_as_saying(cue):  # "X was quoted (by Y) as saying …": X said it, Y reported it
        subjects = _subjects(cue, {"nsubjpass"})
        return Source(subjects[0], SpeakerFrom.SUBJECT) if subjects else None
    if cue.pos_ == "ADJ" and cue.dep_ == "acomp":  # "she was confident that …": the copula's subject
        subjects = _subjects(cue.head, _SUBJECT_DEPS)
        if subjects:
            return Source(subjects[0], SpeakerFrom.SUBJECT)
    if cue.pos_ == "NOUN":
        # "his warning that …", "the ministry's claim that …": the possessor; "the Trump claim
        # that …" (and "Trump predicts that …" when the tagger makes the verb a noun): the name before.
        # The object of a verb with a subject is that subject's when no name owns it: "Clinton is
        # promoting her plans for …", not "Voters rejected Tom Ellis's claim" (PolNeAR train:
        # the subject for 88 of 100 such nouns with a pronoun possessive, the possessor for 12 of
        # 17 with a named one).
        owner = _noun_cue_owner(cue)
        if owner is None or cue.dep_ != "dobj" or named_owner(cue):
            owner = next((c for c in cue.children if c.dep_ == "poss"), None) or next(
                (c for c in cue.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"), None) or owner
        return Source(owner, SpeakerFrom.SUBJECT) if owner is not None else None
    inverted = _inverted_subject(cue)
    if inverted is not None:
        return Source(inverted, SpeakerFrom.SUBJECT)
    misread = _subject_read_as_object(cue)
    if misread is not None:
        return Source(misread, SpeakerFrom.SUBJECT)
    set_off = subject_set_off_after_quotation(cue)
    if set_off is not None:  # "“…,” Texas delegate Bill Eastland, wearing a cowboy hat, said"
        return Source(set_off, SpeakerFrom.SUBJECT)
    for agent in (c for c in cue.children if c.dep_ == "agent"):
        objs = [c for c in agent.children if c.dep_ == "pobj"]
        if objs:
            return Source(objs[0], SpeakerFrom.AGENT)
    if any(c.dep_ in _PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in cue.children):
        # "Dunn showed no emotion as the verdict was read", "The league declined to comment but is
        # expected to review it": a passive without its agent names nobody, nor does the subject
        # it shares with another verb (that subject is what the passive is about)
        return None
    infinitive_relative = cue.dep_ == "relcl" and is_infinitive(cue)
    if cue.dep_ == "relcl" and not infinitive_relative and cue.head.pos_ in {"PROPN", "NOUN"}:
        return Source(cue.head, SpeakerFrom.RELATIVE)
    absolute = _absolute_subject(cue)
    if absolute is not None:  # "…, with former Gov. Martin O’Malley calling Trump a fascist": his words
        return Source(absolute, SpeakerFrom.PARTICIPLE)
    if infinitive_relative or cue.dep_ == "pcomp" and cue.tag_ == "VBG":
        # "stopped short of calling …", "by announcing that …": the subject of the clause the
        # gerund's preposition belongs to; "He went out of his way to say …": an infinitive after
        # a noun is not the noun's, the subject of the clause the noun belongs to speaks.
        subject = _clause_subject(cue)
        if subject is not None:
            return Source(subject, SpeakerFrom.PARTICIPLE)
    if cue.dep_ == "dep" and cue.tag_ in {"VBP", "VBZ", "VBD"} and cue.head.i < cue.i:
        # "Majorities of Democrats … going to the polls Tuesday say …": a finite cue the parser
        # left hanging on the verb of its own subject's phrase.
        subj = [c for c in _subjects(cue.head, _SUBJECT_DEPS) if c.pos_ in {"NOUN", "PROPN"}]
        if subj:
            return Source(subj[0], SpeakerFrom.SUBJECT)
    if put_to_the_subject(cue):
        return None  # "Asked whether …, Smith said": Smith was asked; who asked, the text does not say
    if cue.dep_ in _PARTICIPLE_DEPS and cue.head.i != cue.i and not _in_quotation_before(cue, cue.head):
        # (a cue the parser hung on a verb of the quotation before it is no participle of that
        # verb: "“We were wrong,” Ramos, 58, told AFP" — the name between is who spoke)
        how = SpeakerFrom.CONJUNCT if cue.dep_ == "conj" else SpeakerFrom.PARTICIPLE
        controller = _object_controller(cue) or _subject_controller(cue)
        if controller is not None:
            return Source(controller, how)
        # "X warned that …, adding that …": the speaker of the nearest governing cue, else
        # the subject of the clause the participle hangs on.
        for ancestor in cue.ancestors:
            if ancestor.i == cue.head.i and _coordinated_too_low(cue):
                continue  # the reported verb's subject is the content's, not the speaker
            if cue_entry(ancestor) is not None and ancestor.i != cue.i:
                found = syntactic_source(ancestor)
                if found is not None:
                    return Source(found.head, how)
                break
            if _own_clause(ancestor, cue) and (own := _subjects(ancestor, _ANY_SUBJECT_DEPS)) \
                    and can_speak(subject := _speaking_subject(own, ancestor)):
                return Source(subject, how)  # "…, with Lewandowski taking to Twitter to call …": his words
        governor = _governing_clause(cue)
        if governor is not None:
            return Source(_speaking_subject(_subjects(governor, _ANY_SUBJECT_DEPS), governor), how)
    if cue.tag_ == "VBG" and cue.dep_ != "acl":
        # A participle or gerund whose speaker neither its clause nor the one it hangs on gives
        # (", eventually admitting that …", "Find out who …"): the name nearest before it is not
        # who speaks (PolNeAR train: 0 of 16 such nearest names were the source).
        return _adjacent_name(cue) or _adjacent_description(cue)
    return _nearest_named_left(cue) or _adjacent_name(cue) or _adjacent_description(cue)


def _governing_clause(cue: Token) -> Token | None:
    """The verb whose subject a participle or conjunct *cue* shares, or None: up the chain of
    complements (``Advisers are quick to point out …``), and of coordinated verbs and of
    participles without a subject of their own (``Biden hit the trail, trashing Trump and
    accusing him of …``: Biden) when that subject can speak (not ``The measures include
    delaying refunds and even considering whether …``); never into the quotation the cue
    introduces (``…, telling the crowd, “Some people get carried away”``, which the parser may
    hang the cue on). A verb coordinated with the verb of a reported clause whose subject cannot
    speak was coordinated too low by the parser: ``Putin forecast that the economy would
    rebound and praised …`` is Putin's praise."""
    governor = issuing_verb(cue) or cue.head  # "His office put out a statement saying …"
    across = False  # past a coordination, a participle or a quotation
    lowered = cue.dep_ == "conj"
    while True:
        quoted = _in_quotation_after(cue, governor)
        subjects = [] if quoted else _subjects(governor, _ANY_SUBJECT_DEPS)
        if subjects and governor.head.i != governor.i and _undergoes(governor):
            subjects = []  # "Arteta hit out after his side were denied a penalty, branding …": not the side
        if subjects:
            if not across and not lowered or can_speak(_speaking_subject(subjects, governor)):
                return governor
            if not (lowered and governor.dep_ == "ccomp"):
                return None if across else governor
            lowered, across = False, True
        elif governor.head.i == governor.i:
            return None
        elif governor.dep_ not in {"acomp", "xcomp"}:
            if not (quoted or governor.dep_ == "conj" or governor.dep_ == "advcl" and governor.tag_ in _PARTICIPLE_TAGS):
                return None
            across = True
        governor = governor.head


_RECENT_SENTENCES = 3  # how far back the person an epithet stands for may last have been named
# Labels the recogniser gives that no speaker has: a name tagged so is a person's it misread.
_NEVER_SPEAKING_LABELS = {"WORK_OF_ART", "PRODUCT", "LAW", "EVENT", "LANGUAGE"}


def _coordinated_too_low(cue: Token) -> bool:
    """``Reyes acknowledged that the company had learned lessons but insisted that it had
    added crews``: a conjunct cue with a reported clause of its own, hung by the parser on the
    verb another cue reports, goes with that cue (Reyes insisted), not with the reported verb's
    subject (the company). So too after a name: ``Merrill says Machado promised to … and said
    she would …`` is Merrill's saying in PolNeAR's gold."""
    head = cue.head
    return (cue.dep_ == "conj" and head.dep_ == "ccomp" and cue_entry(head.head) is not None
            and any(c.dep_ in {"ccomp", "xcomp"} for c in cue.children)
            and not any(c.dep_ in _ANY_SUBJECT_DEPS for c in cue.children))


def _undergoes(verb: Token) -> bool:
    """Whether *verb* is a passive without its agent: its subject is what it is done to."""
    return is_passive(verb) and not any(c.dep_ == "agent" for c in verb.children)


def _own_clause(ancestor: Token, cue: Token) -> bool:
    """Whether *ancestor* opens an adverbial clause of its own that *cue* belongs to (``with
    Lewandowski taking to Twitter to call …``, ``When Guajardo came to talk …``): not the
    quotation the cue introduces, nor a reported clause the parser took for adverbial (``Trump
    tweeted that Machado was “disgusting” and encouraged …``)."""
    return (ancestor.dep_ in {"pcomp", "advcl"} and not _in_quotation_after(cue, ancestor)
            and not any(c.lower_ == "that" and c.dep_ in {"mark", "advmod"} for c in ancestor.children))


def _subject_controller(cue: Token) -> Token | None:
    """``wrote that the state had failed to show …``: the subject of the verb an infinitive cue
    completes (up a chain of them) says it, before any cue above that verb's clause."""
    head = cue
    while head.dep_ == "xcomp" and head.head.i != head.i:
        head = head.head
    subjects = _subjects(head, _ANY_SUBJECT_DEPS) if head is not cue else []
    return _speaking_subject(subjects, head) if subjects else None


def _object_controller(cue: Token) -> Token | None:
    """``The attack is pushing the candidates to speak …``, ``urged its members to say …``:
    the object of the verb an infinitive cue completes says it, not its subject (but for a
    purpose: ``held a news conference to thank …``, which the parser hangs apart); ``has left
    many Republicans wondering what he believes``: the object of a verb of the lexicon's
    object-control list says the present participle after it."""
    if not is_infinitive(cue):
        if cue.tag_ != "VBG" or cue.dep_ not in {"xcomp", "advcl", "ccomp"} or cue.head.lemma_.lower() not in OBJECT_CONTROL:
            return None
        # right after the object, or the comma closing a phrase set off inside it ("kept
        # reporters waiting, saying …" is the subject's saying)
        return next((c for c in cue.head.children if c.dep_ == "dobj" and _right_before(c, cue) and can_speak(c)), None)
    if cue.dep_ != "xcomp":
        return None
    return next((c for c in cue.head.children if c.dep_ in {"dobj", "dative"} and c.i < cue.i
                 and can_speak(c)), None)


def _right_before(phrase: Token, cue: Token) -> bool:
    """Whether *phrase* ends right before *cue*'s words, or at the comma that closes a phrase set
    off inside it (``many Republicans, including his supporters, wondering``)."""
    gap = [t.text for t in phrase.doc[phrase.right_edge.i + 1 : cue.left_edge.i]]
    return not gap or gap == [","] and any(t.text == "," for t in phrase.subtree)


def _absolute_subject(cue: Token) -> Token | None:
    """``with critics warning that …``: the object of *with* (or *without*) that a present
    participle cue completes is the participle's subject, when it can speak."""
    prep = cue.head
    if cue.dep_ != "pcomp" or cue.tag_ != "VBG" or prep.lower_ not in {"with", "without"}:
        return None
    return next((c for c in prep.children if c.dep_ == "pobj" and c.i < cue.i and can_speak(c)), None)


def _in_quotation_after(cue: Token, token: Token) -> bool:
    """Whether *token* stands after *cue* with an opening quotation mark between them: the
    quoted words, which never say who speaks them."""
    if token.i <= cue.i:
        return False
    marks = [t for t in cue.doc[cue.i + 1 : token.i] if t.text in QUOTE_OPENERS or t.text in CLOSING_TOKENS]
    return bool(marks) and marks[-1].text in QUOTE_OPENERS


def _in_quotation_before(cue: Token, token: Token) -> bool:
    """Whether *token* stands inside the quotation that opens *cue*'s sentence and closes
    before *cue*."""
    doc, start = cue.doc, cue.sent.start
    if token.i >= cue.i or doc[start].text not in QUOTE_OPENERS:
        return False
    marks = [t for t in doc[start + 1 : cue.i] if t.text in QUOTE_OPENERS or t.text in CLOSING_TOKENS]
    return bool(marks) and marks[0].text in CLOSING_TOKENS and token.i < marks[0].i


def _clause_subject(token: Token) -> Token | None:
    """The subject of the nearest clause above *token* that has one, within *token*'s own clause."""
    for ancestor in token.ancestors:
        subj = _subjects(ancestor, _ANY_SUBJECT_DEPS)
        if subj:
            return subj[0]
        if ancestor.dep_ in {"ROOT", "relcl", "ccomp"}:
            return None
    return None


def _noun_cue_owner(cue: Token) -> Token | None:
    """``a demand by Nancy Pelosi that …``: the object of *by*; ``Trump has raised questions
    about …``: the subject of the verb the noun is the object of — but for a verb of receiving
    (``Obama has faced criticism for …``), whose subject is the target: the object of *from*."""
    for prep in cue.children:
        if prep.dep_ == "prep" and prep.lower_ == "by":
            return next((c for c in prep.children if c.dep_ == "pobj"), None)
    verb = cue.head
    if cue.dep_ == "pobj" and verb.lower_ in _VERB_OF_NOUN_PREPS and verb.dep_ == "prep":
        verb = verb.head  # "stirred controversy with an assertion that …"
    elif cue.dep_ != "dobj":
        return None
    if verb.lemma_.lower() in _RECEIVING_VERBS:  # "faced criticism from rivals for …": the rivals'
        return next((o for p in (*cue.children, *verb.children) if p.dep_ == "prep" and p.lower_ == "from"
                     for o in p.children if o.dep_ == "pobj"), None)
    subjects = _subjects(verb, _SUBJECT_DEPS) if verb.pos_ in {"VERB", "AUX"} else []
    return subjects[0] if subjects else None


def _subjects(verb: Token, deps: set[str]) -> list[Token]:
    """The dependents of *verb* with a subject dependency in *deps*, but for a dateline's words
    (and for a dateline the parser made the subject, the apposition after it: ``New York (AFP)
    – Vice President Joe Biden on Monday hit …``: Biden)."""
    subjects = []
    for c in verb.children:
        if c.dep_ in deps:
            if not in_dateline(c):
                subjects.append(c)
            elif (after := next((a for a in c.children if a.dep_ == "appos" and not in_dateline(a)), None)) is not None:
                subjects.append(after)
    return subjects


def _inverted_subject(cue: Token) -> Token | None:
    """``“…,” reply the mayor and her deputy``: right after a quotation the parser may take the
    subject that follows the cue for its object."""
    if not right_after_a_quotation(cue) or cue.tag_ in {"VBG", "VBN"}:
        return None  # ("“…,” underlining the risk": a participle, whose object never speaks)
    obj = next((c for c in cue.children if c.dep_ in {"dobj", "attr", "npadvmod"} and c.i > cue.i), None)
    if obj is None:  # "“…,” said Robin Maynard, half joking": taken for the subject of another verb
        obj = inverted_subject_elsewhere(cue)
    if obj is None or obj.pos_ not in {"PROPN", "NOUN"} and obj.lower_ not in _PRONOUN_NUMBERS:
        return None  # ("“…,” read one": a sign of a crowd's)
    return obj


def viewpoint_source(cue: Token) -> Source | None:
    """``in Bolton's view``, ``in the words of a senior adviser``: Bolton, the adviser; None
    when *cue* is no viewpoint phrase's."""
    found = viewpoint_of(cue)
    return Source(found[1], SpeakerFrom.VIEWPOINT) if found is not None else None


def according_to_source(according: Token) -> Source | None:
    """``according to X``: X."""
    to = next((c for c in according.children if c.lower_ == "to"), None)
    obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    return Source(obj, SpeakerFrom.ACCORDING_TO) if obj is not None else None


def _attached_elsewhere(name: Token) -> bool:
    """Whether the parser attached *name* as an owner (``by dismissing [Mr. Trump's] appeal``):
    not a subject it lost. (Objects are not ruled out: in the sentences it misparses, the lost
    subject is often left hanging as one.)"""
    return name.dep_ == "poss"


def _nearest_named_left(cue: Token) -> Source | None:
    """A subject the parser lost: the nearest name to the left of the cue with no verb between,
    as in ``Despite …, Rida Lyammouri, Senior Fellow at …, noted …``."""
    sent = cue.sent
    organisation = None
    for token in reversed(sent[: cue.i - sent.start]):
        if token.pos_ in {"VERB", "AUX"} or token.text in DASHES and in_dateline(token) or token.text in CLOSING_TOKENS:
            break  # (the names of a quotation are its words: “Go back to Univision,” Trump barked)
        if token.ent_type_ and _in_a_title(entity_span(token).root):
            continue  # "offered him a job as Secretary of Defense, then says …": part of a title
        if token.ent_type_ and _attached_elsewhere(entity_span(token).root):
            continue  # "risks underestimating [Mr. Trump's] appeal by dismissing him": not who dismisses
        if token.ent_type_ == "PERSON" and token.ent_iob_ in {"B", "I"}:
            # The name's own appositive may stand between it and the cue ("Flynn, a top Trump
            # surrogate, said": a person before an organisation named in the appositive).
            return Source(entity_span(token).root, SpeakerFrom.NEAREST_NAME)
        if organisation is None and token.ent_type_ == "ORG" and token.ent_iob_ in {"B", "I"}:
            organisation = token
    return Source(entity_span(organisation).root, SpeakerFrom.NEAREST_NAME) if organisation is not None else None


def _in_a_title(token: Token) -> bool:
    """``Secretary of [Defense]``, ``the chairman of [Goldman Sachs]``: the object of a title's
    preposition."""
    return token.dep_ == "pobj" and token.head.dep_ == "prep" and token.head.head.lemma_.lower() in TITLE_WORDS


def _place_after_a_bare_preposition(subject: Token) -> bool:
    """``In Scituate, …``: a place the parser took for a subject right after a preposition
    left without an object."""
    before = subject.doc[subject.left_edge.i - 1] if subject.left_edge.i > 0 else None
    return (subject.ent_type_ in {"GPE", "LOC", "FAC"} and before is not None and before.dep_ == "prep"
            and not any(c.dep_ == "pobj" for c in before.children))


def _speaking_subject(subjects: list[Token], verb: Token) -> Token:
    """The subject of *verb* that speaks: of two (a misparse: ``In a post on X, formerly Twitter,
    Musk called …``) the nearer, but not a quantifier floated after the other (``Democrats, for
    their part, all agreed``); and where the parser made a place the subject and the person its
    apposition (``In Salem, New Hampshire, Tom Ellis said …``), the person."""
    named = [c for c in subjects if c.lower_ not in _FLOATING_QUANTIFIERS]
    subject = min(named or subjects, key=lambda c: abs(c.i - verb.i))
    if subject.ent_type_ in {"GPE", "LOC"}:
        person = next((c for c in subject.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None)
        if person is not None:
            return person
    return subject


def _quoted_before(subject: Token, cue: Token) -> bool:
    """``“Finally, someone with a spine,” posted a local business owner``: a word of the
    quotation that closes right before the cue, which the parser may take for its subject."""
    doc = cue.doc
    if subject.i >= cue.i - 1 or not right_after_a_quotation(cue):
        return False
    between = doc[subject.i + 1 : cue.i - 1]
    return not any(t.text in QUOTE_OPENERS or t.text in CLOSING_TOKENS for t in between) and any(
        t.text in QUOTE_OPENERS for t in doc[cue.sent.start : subject.i])


def _quoted_title(subject: Token, cue: Token) -> bool:
    """``said on Fox News's “Fox and Friends.”``: a title in quotation marks after the cue, which
    the parser may take for its subject, never speaks."""
    before = subject.doc[subject.left_edge.i - 1] if subject.left_edge.i > 0 else None
    return subject.i > cue.i and before is not None and before.text in QUOTE_OPENERS


def _adjacent_name(cue: Token) -> Source | None:
    """``“We won,” Will said``: capitalised words between a quotation (or a comma) and the cue
    are a name whatever the tagger made of them."""
    doc = cue.doc
    i = cue.i - 1
    words: list[Token] = []
    while i >= 0 and len(words) < _MAX_ADJACENT_NAME and doc[i].is_alpha and doc[i].text[:1].isupper():
        words.insert(0, doc[i])
        i -= 1
    if not words or i < 0 or doc[i].text not in _AFTER_QUOTE:
        return None
    return Source(words[-1], SpeakerFrom.ADJACENT_NAME, tuple(words))


def _adjacent_description(cue: Token) -> Source | None:
    """``“We won,” the 58-year-old said``: a noun phrase opened by a determiner between a
    quotation (or a comma) and the cue is its subject whatever the parser made of it."""
    doc = cue.doc
    i = cue.i - 1
    while i >= 0 and cue.i - i <= _MAX_DESCRIPTION and (
            doc[i].pos_ not in _NOT_IN_DESCRIPTIONS or doc[i].text == "-" and not doc[i].whitespace_):
        i -= 1  # (back over the words of the phrase, and the hyphens inside "58-year-old")
    words = list(doc[i + 1 : cue.i])
    opened = bool(words) and (words[0].dep_ == "det" or words[0].lower_ in {"the", "a", "an"})
    if not opened or i < 0 or doc[i].text not in _AFTER_QUOTE:
        return None
    head = next((t for t in reversed(words) if t.pos_ in {"NOUN", "PROPN", "ADJ"}), None)
    return Source(head, SpeakerFrom.SUBJECT, tuple(words)) if head is not None else None


def in_dateline(token: Token) -> bool:
    """``WASHINGTON (AP) —``: the token is in the dateline that opens its line."""
    doc = token.doc
    start = token.i
    while start > 0 and token.i - start < _DATELINE_MAX_TOKENS and not ends_line(doc[start - 1]):
        start -= 1
    if start > 0 and not ends_line(doc[start - 1]):
        return False
    return token.i < start + dateline_length(list(doc[start : start + _DATELINE_MAX_TOKENS]))


def entity_span(token: Token) -> Span:
    """The named-entity span that *token* is in (the token alone when it is in none)."""
    doc = token.doc
    if token.ent_iob_ not in {"B", "I"}:
        return doc[token.i : token.i + 1]
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def is_speaker_name(span: Span, people: frozenset[str] = frozenset(), transcript: bool = False) -> bool:
    """Only a name, a role or a document can speak before a colon: ``Pat Caddell:``, ``HOST:``,
    ``Poll:``, ``PENCE:``
    when Pence is named in the article (*people*: lower-cased words of the person names) or the
    article is a *transcript* — not ``MARKETS:``, ``ON THE GROUND:`` or ``Note:``."""
    words = [t for t in span if t.is_alpha]
    if not words or any(t.pos_ in _NOT_IN_NAMES for t in words):
        return False
    if any(SPEAKER_KINDS.get(t.lower_) in SPEAKING_KINDS or t.lower_ in TRANSCRIPT_ROLES for t in words):
        return True
    return transcript or any(t.ent_type_ == "PERSON" or t.lower_ in people for t in words)


# -- the stage ---------------------------------------------------------------------------------
class SpeakerStage:
    """Attributes candidates in text order, so that pronouns and standalone quotations can use
    the speakers of the quotes before them."""

    def __init__(self, doc: Doc, text: str, options: Options = DEFAULT):
        self.doc, self.text, self.options = doc, text, options
        self.index = EntityIndex.build(doc, text)
        self.done: list[Attribution] = []  # in text order
        # Attributions with a speaker, kept so that looking back costs the same all through a
        # long text: starts (and entities) in text order, and ends not yet passed on a heap.
        self._spoken_starts: list[int] = []
        self._spoken_entities: list[Entity | None] = []
        self._ending: list[tuple[int, int, Attribution]] = []
        self._ended: tuple[int, int, Attribution] | None = None  # the latest end passed, first in text order

    def run(self, candidates: list[Candidate]) -> list[Attribution]:
        for candidate in sorted(candidates, key=lambda c: (c.start, c.end)):
            check()  # the request's time budget
            attribution = self._attribute(candidate)
            if attribution.speaker is not None:
                if attribution.speaker.entity is not None:
                    self._spoken_starts.append(candidate.start)
                    self._spoken_entities.append(attribution.speaker.entity)
                if candidate.mode != Mode.THOUGHT:  # a quotation goes on from words said or written
                    heapq.heappush(self._ending, (candidate.end, len(self.done), attribution))
            self.done.append(attribution)
        return self.done

    def _attribute(self, candidate: Candidate) -> Attribution:
        if candidate.rule == Rule.STANDALONE:
            return self._continuing(candidate)
        source = self._source(candidate) or self._name_read_as_adverb(candidate.cue_token)
        if source is None:
            return Attribution(candidate)
        mention, how, distance = self._mention(source, candidate.start, candidate.cue_token)
        return Attribution(candidate, mention, how, distance)

    def _name_read_as_adverb(self, cue: Token | None) -> Source | None:
        """``Reilly added that …``, ``“…,” said Skelly``: the tagger reads a surname ending in -ly
        as an adverb and leaves the verb without a subject. A capitalised adverb right before a
        finite cue that has no subject (or right after one that follows a quotation), and that
        is a word of a person's name met before, is that person."""
        if cue is None or cue.i == 0 or cue.tag_ not in _FINITE_TAGS:
            return None
        word = next((w for w in cue.doc[cue.i - 1 : cue.i + 2] if w.i != cue.i and w.head.i == cue.i
                     and w.is_alpha and subject_read_as_adverb(w, cue)), None)
        if word is None:
            return None
        person = self.index.person_with_word(word)
        if person is None:
            return None
        self.index.record(person, word, word, word)
        return Source(word, SpeakerFrom.SUBJECT, (word,))

    @staticmethod
    def _source(candidate: Candidate) -> Source | None:
        if candidate.named:
            doc = candidate.named[0].doc
            head = doc[candidate.named[0].i : candidate.named[-1].i + 1].root
            how = _LAYOUT_SOURCES.get(candidate.rule, SpeakerFrom.SIGNATURE)
            return Source(head, how, candidate.named)
        if candidate.cue_token is None:
            return None
        if candidate.rule == Rule.ACCORDING_TO or candidate.cue_token.lower_ == "according":
            return according_to_source(candidate.cue_token)
        if candidate.rule == Rule.FINDING:
            poll = finding_of(candidate.cue_token)
            return Source(poll, SpeakerFrom.FINDING) if poll is not None else None
        if candidate.rule in {Rule.VIEWPOINT, Rule.MIXED} and (view := viewpoint_source(candidate.cue_token)):
            return view  # (mixed: "was, in the words of an adviser, “the torchbearer”")
        return syntactic_source(candidate.cue_token)

    # -- a source to a mention and its entity ---------------------------------------------------
    def _mention(self, source: Source, at: int, cue: Token | None = None) -> tuple[Mention, SpeakerFrom, int]:
        head, how = source.head, source.how
        tokens = list(source.tokens) if source.tokens else mention_tokens(head, appositions=self.options.speaker_appositions)
        doc = head.doc
        if self.options.speaker_appositions and head.dep_ == "poss" and tokens[-1].i + 1 < len(doc) \
                and doc[tokens[-1].i + 1].tag_ == "POS":
            tokens = tokens + [doc[tokens[-1].i + 1]]  # PolNeAR's owner of a noun cue: "[Trump’s] claim"
        marks = [t.i for t in tokens if t.i < head.i and t.text in _DOUBLE_CLOSING and doc[t.i - 1].text in CLOSING_A_SENTENCE]
        if marks and not any(t.text in QUOTE_OPENERS or t.text == "''" for t in tokens if t.i < marks[-1]):
            # "“It’s unanimous,” councilmember Mark Levine said": a quotation that closes a sentence
            # inside the mention without opening there is not his name (“No Comparison” ad, Orange
            # Is the New Black” star keep their titles)
            tokens = _after(tokens, marks[-1])
        if in_dateline(tokens[0]) and not in_dateline(head):
            # "RENO, Nev. (AP) — Republican hopeful Donald Trump said": the dateline is not his name
            tokens = _after(tokens, max(t.i for t in tokens if in_dateline(t)))
        if cue is not None and tokens[0].i < cue.i <= tokens[-1].i:
            # "Murphy, the head of …, Tweeted on Friday", "Glenn Beck Endorses Ted Cruz": a verb
            # the tagger made part of the name's phrase is the cue, never part of who speaks.
            tokens = _before(tokens, cue.left_edge.i if cue.left_edge.i > tokens[0].i else cue.i)
        start, end = char_span(tokens)
        written = dict(start=start, end=end, text=self.text[start:end])
        if head.tag_ in {"WP", "WDT"} and head.head.dep_ == "relcl" and head.head.head.i != head.head.i:
            # "Smith, who said …": the mention is "who", the speaker is Smith.
            antecedent, _, _ = self._mention(Source(head.head.head, how), at)
            return Mention(**written, kind=antecedent.kind, pronoun=True, entity=antecedent.entity), SpeakerFrom.RELATIVE, 0
        if _AGE_DESCRIPTION.match(written["text"]):  # "the 58-year-old said": the person before
            entity, distance = self.index.resolve_person(head, self._last_speaker(at))
            if entity is not None:
                return Mention(**written, kind=SpeakerKind.PERSON, entity=entity), SpeakerFrom.COREFERENCE, distance
        if head.lower_ == "it" and is_subject(head) and cue is not None and head.head.i == cue.i \
                and cue.lemma_.lower() not in HEDGES:
            # "Google announced a model on Tuesday. It said …": the organisation just before (not
            # the "it" of "it seems", "it would be difficult to …", which stands for nothing)
            company, distance = self.index.organization_subject_before(head)
            if company is not None:
                return Mention(**written, kind=SpeakerKind.ORGANIZATION, pronoun=True, entity=company), \
                    SpeakerFrom.COREFERENCE, distance
        if head.lower_ == "they" and is_subject(head) and cue is not None and head.head.i == cue.i:
            # "Senators Ann Brook and Tom Hale wrote to the agency. They said …": the people named
            # together as the subject just before
            named = self._people_subject_before(head)
            if named is not None:
                group, distance = named
                return Mention(**written, kind=SpeakerKind.GROUP, pronoun=True, entity=group), \
                    SpeakerFrom.COREFERENCE, distance
        if head.pos_ == "PRON":
            entity, distance = self._pronoun(head, at)
            kind = SpeakerKind.PERSON if head.lower_ in PERSON_PRONOUNS or head.lower_ in {"i", "we"} else SpeakerKind.OTHER
            return Mention(**written, kind=kind, pronoun=True, entity=entity), SpeakerFrom.COREFERENCE, distance
        members = _conjuncts(head)
        if members:  # "Smith and Jones said": a group of the people it names
            group = self._group([head, *members], tokens)
            if group is not None:
                return Mention(**written, kind=SpeakerKind.GROUP, entity=group), how, 0
        as_name = how == SpeakerFrom.ADJACENT_NAME or how == SpeakerFrom.COLON and not only_roles(tokens)  # "BROOK:"
        entity, kind = self._entity(head, tokens, name=as_name)
        named = _named_apposition(head) if entity is None else None
        if named is not None:  # "the study's lead author, Dr. Maria Chen, said": she is who
            entity, kind = self._entity(named, mention_tokens(named, appositions=False))
        if entity is None and _the_title(head, tokens):  # "Governor Kathy Hochul … The governor said"
            person, distance = self.index.person_titled(head)
            if person is not None:
                self.index.record(person, tokens[0], tokens[-1], head, tokens=tokens)
                return Mention(**written, kind=SpeakerKind.PERSON, entity=person), SpeakerFrom.COREFERENCE, distance
        if (entity is None or head.ent_type_ == "NORP") and _epithet(head, tokens):
            # "Pochettino admitted … “…,” the Argentine said": the person the sentence before is about
            gender = _noun_gender(head)
            person, distance = self.index.person_subject_before(head, gender)
            if person is None:  # "Arteta said: “…” The Spaniard, who was booked, insisted …": the last quoted
                person, distance = self._recent_speaker(head, gender)
            if person is not None:
                return Mention(**written, kind=SpeakerKind.PERSON, entity=person), SpeakerFrom.COREFERENCE, distance
            if head.ent_type_ == "NORP":  # "the Spaniard": a person, not a nation named "Spaniard"
                return Mention(**written, kind=SpeakerKind.PERSON), how, 0
        if entity is None and _the_company(head, tokens):  # "Apple said … The company said …"
            company, distance = self.index.company_before(head)
            if company is not None:
                return Mention(**written, kind=SpeakerKind.ORGANIZATION, entity=company), SpeakerFrom.COREFERENCE, distance
        if members and entity is None:
            kind = SpeakerKind.GROUP  # "the mayor and her deputy reply"
        if kind == SpeakerKind.DOCUMENT:
            issuer = _issuer(head)
            if issuer is not None:  # "her statement said": she did
                owner, owner_how, distance = self._mention(Source(issuer, how), at)
                if owner.entity is not None:
                    return Mention(**written, kind=kind, entity=owner.entity), owner_how, distance
        return Mention(**written, kind=kind, entity=entity), how, 0

    def _entity(self, head: Token, tokens: list[Token], name: bool = False) -> tuple[Entity | None, SpeakerKind]:
        index = self.index
        # The head's own entity first ("Clinton campaign manager [Robby Mook]"), never an owner's
        # ("[Walsh's] attorney", "[Obama's] aides": the attorney, the aides), and for a noun only
        # a name before it ("the [Clinton] campaign", not "Obama's endorsement for [Clinton]").
        owner = {t.i for c in head.children if c.dep_ == "poss" for t in c.subtree}
        entity = index.entity_at(head) or next(
            (index.entity_at(t) for t in tokens if t.i not in owner and (head.pos_ != "NOUN" or _names_the_noun(t, head))
             and index.entity_at(t)), None)
        if entity is None and head.pos_ == "PROPN":
            found = index.person_named(tokens)  # "Nuland" that the recogniser missed
            if found is not None:
                entity, words = found
                index.record(entity, words[0], words[-1], tokens[-1], tokens=words)
        elif entity is None and head.pos_ == "NOUN" and head.is_title and len(tokens) == 1:
            found = index.person_named([head], tagged=False)  # "Ives, a longtime Tesla bull, said": a surname the tagger took for a noun
            if found is not None:
                entity = found[0]
                index.record(entity, head, head, head)
        if entity is not None:
            if entity.kind == SpeakerKind.PERSON:
                index.widen(entity, tokens)
            return entity, entity.kind
        if head.pos_ == "PROPN" and head.ent_type_ == "" and head.lower_ in ORGANISATION_WORDS \
                and head.is_title and not only_roles(tokens):
            # "The Alzheimer’s Association called …", which the recogniser did not tag: an organisation
            first = next(k for k, t in enumerate(tokens) if t.is_title or t.i == head.i)
            return index.organization(tokens[first:], head), SpeakerKind.ORGANIZATION
        ent = entity_span(head)
        crosses = ent.start < tokens[0].i or ent.end > tokens[-1].i + 1  # "[Smith and Jones]" as one ORG
        misread = head.ent_type_ in _NEVER_SPEAKING_LABELS and opens_with_a_first_name(tokens)  # "Espen Barth Eide" as a WORK_OF_ART
        if (name or head.pos_ == "PROPN" and (head.ent_type_ in {"", "PERSON"} or crosses or misread)) and not only_roles(tokens):
            entity = index.add_name(tokens)  # a name the recogniser did not tag
            if entity is not None:
                return entity, SpeakerKind.PERSON
        if head.ent_type_ in ORG_LABELS:
            return index.organization(list(ent), ent.root), SpeakerKind.ORGANIZATION
        return None, SPEAKER_KINDS.get(head.lower_, SPEAKER_KINDS.get(head.lemma_.lower(), SpeakerKind.OTHER))

    def _pronoun(self, pronoun: Token, at: int) -> tuple[Entity | None, int]:
        index = self.index
        entity, distance = index.resolve_pronoun(pronoun, self._last_speaker(at))
        if entity is None and pronoun.lower_ in PERSON_PRONOUNS:
            words = index.untagged_subject_before(pronoun)  # "Okafor arrived late. He said …"
            if words:
                entity = index.add_name(words)
                if entity is not None:
                    distance = index.sentence_of[pronoun.i] - index.sentence_of[words[0].i]
        if entity is not None:
            note_gender(entity, pronoun)
            index.record(entity, pronoun, pronoun, pronoun)
        return entity, distance

    def _people_subject_before(self, pronoun: Token) -> tuple[Entity, int] | None:
        """The group a ``they`` that speaks stands for: the subject before it
        (:meth:`EntityIndex.subject_before`), when that subject coordinates people the text
        names (``Ann Brook and Tom Hale``; not ``Police``, ``the senators``); and how many
        sentences back."""
        token = self.index.subject_before(pronoun)
        members = _conjuncts(token) if token is not None else []
        if not members or any(t.ent_type_ != "PERSON" for t in (token, *members)):
            return None
        group = self._group([token, *members], mention_tokens(token))
        distance = self.index.sentence_of[pronoun.i] - self.index.sentence_of[token.i]
        return (group, distance) if group is not None else None

    def _group(self, heads: list[Token], tokens: list[Token]) -> Entity | None:
        """Coordinated speakers: one entity per conjunct, then the group naming them."""
        members = []
        for head in heads:
            own = mention_tokens(head, conjuncts=False)
            entity, _ = self._entity(head, own)
            if entity is not None:
                members.append(entity)
        if len(set(members)) < 2:
            return None
        group = self.index.group(members)
        start, end = char_span(tokens)
        self.index.note_mention(group, start, end)
        return group

    def _last_speaker(self, before: int) -> Entity | None:
        """The speaker of the last quote with a known speaker that starts before *before*."""
        n = bisect.bisect_left(self._spoken_starts, before)
        return self._spoken_entities[n - 1] if n else None

    def _recent_speaker(self, head: Token, gender: str | None) -> tuple[Entity | None, int]:
        """The person who, named as such, spoke last before *head* (not the politician behind
        ``a Clinton ad``), when named within the last ``_RECENT_SENTENCES`` sentences and not of
        the other *gender*; and how many sentences back."""
        last = next((a.speaker for a in reversed(self.done) if a.speaker is not None and a.speaker.start < head.idx), None)
        if last is None or last.kind != SpeakerKind.PERSON or last.entity is None \
                or last.entity.kind != SpeakerKind.PERSON or gender and last.entity.gender and last.entity.gender != gender:
            return None, 0
        named = self.doc.char_span(last.start, last.end, alignment_mode="expand")
        if named.root.pos_ not in {"PROPN", "PRON"}:
            return None, 0  # "A Clinton ad questioned …": the ad spoke, not Clinton in person
        back = self.index.sentence_of[head.i] - self.index.sentence_of[named.start]
        return (last.entity, back) if back <= _RECENT_SENTENCES else (None, 0)

    def _previous(self, start: int) -> Attribution | None:
        """The quote with a speaker that ends last at or before *start* (the first in text order
        among equals); *start* never decreases from one call to the next."""
        while self._ending and self._ending[0][0] <= start:
            end, order, attribution = heapq.heappop(self._ending)
            if self._ended is None or end > self._ended[0] or (end == self._ended[0] and order < self._ended[1]):
                self._ended = (end, order, attribution)
        return self._ended[2] if self._ended is not None else None

    # -- a quotation standing alone ---------------------------------------------------------------
    def _continuing(self, candidate: Candidate) -> Attribution:
        """The person named right before the colon that opens the quotation
        (:func:`introduced_by_name`) is its speaker; else the closest earlier quote with a
        speaker, in this paragraph or the one before, gives its speaker, unless someone new comes
        into the text in between."""
        named = introduced_by_name(self.doc, candidate.start)
        if named is not None:
            mention, _, _ = self._mention(Source(named.root, SpeakerFrom.COLON, tuple(named)), candidate.start)
            return Attribution(candidate, mention, SpeakerFrom.COLON)
        previous = self._previous(candidate.start)
        if previous is None:
            return Attribution(candidate)
        if len(re.findall(r"\n\s*", self.text[previous.candidate.end : candidate.start])) > 1:
            return Attribution(candidate)
        newcomer = self._newcomer(previous, candidate)
        if newcomer is None:
            speaker, governor = self._carried(previous, candidate.start)
            return Attribution(candidate, speaker, SpeakerFrom.PREVIOUS_QUOTE, governor=governor)
        quote_sentence = self.index.sentence_of[self.doc.char_span(candidate.start, candidate.end, alignment_mode="expand")[0].i]
        while newcomer.dep_ == "compound":
            newcomer = newcomer.head
        if newcomer.dep_ in {"nsubj", "nsubjpass"} and self.index.sentence_of[newcomer.i] == quote_sentence - 1:
            mention, _, _ = self._mention(Source(newcomer, SpeakerFrom.PREVIOUS_SENTENCE), candidate.start)
            return Attribution(candidate, mention, SpeakerFrom.PREVIOUS_SENTENCE)
        return Attribution(candidate)

    def _carried(self, previous: Attribution, at: int) -> tuple[Mention, Attribution]:
        """The speaker a quotation standing alone at *at* takes from the quote before it, and the
        quote it goes on from: that quote's, but for one whose speaker is a relative pronoun, the
        person it stands for (``“…,” said Mr. Ekovich, who noted that prices had cratered.
        “Things are moving …”``: Mr. Ekovich and his ``said``, not ``who noted``)."""
        speaker, cue = previous.speaker, previous.candidate.cue_token
        if previous.how != SpeakerFrom.RELATIVE or not speaker.pronoun or cue is None or cue.dep_ != "relcl":
            return speaker, previous
        antecedent = cue.head
        named = next((a for a in reversed(self.done) if a.speaker is not None and a is not previous
                      and a.speaker.start <= antecedent.idx < a.speaker.end), None)
        if named is not None:
            return named.speaker, named
        if not can_speak(antecedent):
            return speaker, previous  # ("with a passion that almost suggested …")
        mention, _, _ = self._mention(Source(antecedent, SpeakerFrom.PREVIOUS_QUOTE), at)
        return mention, previous

    def _newcomer(self, previous: Attribution, candidate: Candidate) -> Token | None:
        """The head of the last person who is the subject of a sentence between the two quotes
        (other than the one that attributes the previous quote) and not its speaker:
        ``“A,” Porter said. Ellis disagreed. “B.”`` → Ellis."""
        span = self.doc.char_span(previous.candidate.end, candidate.start, alignment_mode="contract")
        if span is None:
            return None
        speaker = previous.speaker
        attributing = self.index.sentence_of[self.doc.char_span(speaker.start, speaker.end, alignment_mode="expand")[0].i]
        last = None
        for token in span:
            if self.index.sentence_of[token.i] == attributing or not is_subject(token):
                continue
            entity = self.index.entity_at(token)
            if not ((entity is not None and entity.kind == SpeakerKind.PERSON) or token.ent_type_ == "PERSON"):
                continue
            if entity is not None and speaker.entity is not None and entity in speaker.entity.speakers():
                continue
            last = token
        return last


def introduced_by_name(doc: Doc, start: int) -> Span | None:
    """``Republican pollster Daron Shaw: “Historically, …”``, ``IOWA POLLS NOT WRONG - Mark
    Blumenthal and Jon Cohen: “Although …”``, ``Rep. Trey Gowdy (R-S.C.): “…”``: the person
    whose name ends right at the colon (or at a parenthesis before it) before
    the quotation that opens at character *start* — the words are theirs, as a line that opens
    with ``NAME:`` gives them (``layouts.speaker_colon_frames``), however long the line before
    the name. Not a name after ``to`` (``a blunt message to Trump: “…”``: who is spoken to).
    None when there is no such name."""
    opening = doc.char_span(start, start + 1, alignment_mode="expand")
    if opening is None:
        return None
    at = opening[0].i - 1
    while at >= 0 and doc[at].text in QUOTE_OPENERS:
        at -= 1
    if at < 1 or at == opening[0].i - 1 or doc[at].text not in {":", "):"}:
        return None  # (the quotation opens with a mark, right after the colon)
    end = at
    if doc[at].text == "):" or doc[at - 1].text == ")":  # "Rep. Trey Gowdy (R-S.C.):": past the party and state
        end = next((k for k in range(at - 1, max(0, at - 8), -1) if doc[k].text == "("), at)
    if doc[end - 1].ent_type_ != "PERSON" or (name := entity_span(doc[end - 1])).end != end:
        return None
    root, leftmost = name.root, name
    while root.dep_ == "conj" and root.head.ent_type_ == "PERSON":  # "Mark Blumenthal and Jon Cohen"
        root = root.head
        leftmost = entity_span(root)
    if root.dep_ == "dative" or root.dep_ == "pobj" and root.head.lower_ == "to":
        return None
    return doc[leftmost.start : name.end]


def _before(tokens: list[Token], stop: int) -> list[Token]:
    """*tokens* before index *stop*, without the punctuation they end on."""
    kept = [t for t in tokens if t.i < stop]
    while len(kept) > 1 and (kept[-1].is_punct or kept[-1].is_space):
        kept.pop()
    return kept


def _after(tokens: list[Token], stop: int) -> list[Token]:
    """*tokens* after index *stop*, without the punctuation they start with."""
    kept = [t for t in tokens if t.i > stop]
    while len(kept) > 1 and (kept[0].is_punct or kept[0].is_space):
        kept.pop(0)
    return kept


# Words before a company noun that point to another organisation than the one named before.
_OTHER_COMPANY = {"other", "rival", "parent", "competing", "new", "former", "another", "second", "smaller", "larger",
                  "combined", "merged", "resulting", "joint", "acquired", "proposed"}  # (a merger's company is a new one)


def _the_company(head: Token, tokens: list[Token]) -> bool:
    """``the company``, ``the firm``, ``the agency``, and with words that only describe it
    (``the software maker``, ``the Seattle-based retailer``, ``the German automaker``): an
    organisation named before. Not ``the rival firm`` nor ``the Apple store`` (a name in it)."""
    if head.lemma_.lower() not in COMPANY_NOUNS or head.tag_ != "NN" or tokens[-1].i != head.i:
        return False
    described = tokens[1:-1]
    if tokens[0].lower_ != "the" or len(described) > 4:
        return False
    return all(t.pos_ in {"NOUN", "ADJ", "PUNCT"} or t.tag_ in {"VBN", "VBG"} or t.ent_type_ in {"NORP", "GPE"}
               for t in described) and not any(t.lower_ in _OTHER_COMPANY for t in described)


def _epithet(head: Token, tokens: list[Token]) -> bool:
    """``the Argentine``, ``the England winger``, ``the Frenchman``: a definite description of one
    person, by a noun WordNet files under people or a nationality, that names no one the text
    brought in with that noun before (``a woman … the woman said`` is that woman) and is no
    title (``the governor``: the person given the title, see :func:`_the_title`) but for a
    position in a team sport that no one was given before."""
    if tokens[0].lower_ != "the" or len(tokens) > 4 or head.tag_ not in {"NN", "NNP"}:
        return False
    if head.ent_type_ in {"PERSON", "ORG", "GPE"} or (head.lower_ in TITLE_WORDS or head.lemma_.lower() in TITLE_WORDS) \
            and head.lower_ not in POSITIONS:
        return False
    if any(t.pos_ not in {"DET", "ADJ", "NOUN", "PROPN"} for t in tokens):
        return False
    kinds = classes(head) if head.pos_ == "NOUN" else ()
    if not (head.ent_type_ == "NORP" or kinds and kinds[0] == "noun.person"):
        return False
    lemma = head.lemma_.lower()
    return not any(t.lemma_.lower() == lemma for t in head.doc[: tokens[0].i])


def _names_the_noun(token: Token, noun: Token) -> bool:
    """Whether *token*, in the phrase of the common *noun* that speaks, may name who that is:
    before it (``the [Clinton] campaign``), or a person's name after it that no preposition
    governs (``contender and former neurosurgeon [Ben Carson]``) or that a comma sets off
    (``His former business partner at Lenox, [Lawrence B. Cummings]``); not ``a spokeswoman for
    [Hillary Clinton]``, ``advisers to [Mr. Obama]``, ``the delegate, who backs [Cruz]``."""
    if token.i < noun.i:
        return True
    if token.ent_type_ != "PERSON":
        return False
    start = entity_span(token).start
    if start > 0 and token.doc[start - 1].text == ",":
        return True
    walk = token
    while walk.i != noun.i and walk.head.i != walk.i:
        if walk.dep_ in _NOT_NAMING_DEPS:
            return False
        walk = walk.head
    return True


def _noun_gender(noun: Token) -> str | None:
    """``businessman`` male, ``spokeswoman`` and ``actress`` female (the lexicon's nouns, and
    words ending in "man" or "woman"), else None."""
    word = noun.lower_
    if word in GENDERED_NOUNS:
        return GENDERED_NOUNS[word]
    if word.endswith(("woman", "women")):
        return "female"
    return "male" if word.endswith(("man", "men")) and len(word) > 4 else None


def _the_title(head: Token, tokens: list[Token]) -> bool:
    """``the governor``, ``the former mayor``, ``the town supervisor``: a definite title with no
    name, which stands for the person given that title before."""
    return (head.pos_ == "NOUN" and head.lower_ in TITLE_WORDS and tokens[0].lower_ == "the"
            and len(tokens) <= 4 and all(t.i == head.i or t.pos_ in {"DET", "ADJ", "NOUN"} for t in tokens))


def _subject_read_as_object(cue: Token) -> Token | None:
    """``Shares fell after the chief executive, Mary Barra, warned that …``: the parser reads
    ``after`` as a preposition with ``the chief executive`` as its object and leaves ``warned``
    without a subject. The object of a subordinating word right before a finite verb that has
    no subject is that verb's subject."""
    if cue.i == 0 or cue.tag_ not in _FINITE_TAGS or has_clause_subject(cue):
        return None
    doc = cue.doc
    for k in range(cue.i - 1, max(-1, cue.i - 30), -1):
        token = doc[k]
        if token.dep_ == "pobj" and token.right_edge.i == cue.i - 1:
            prep = token.head
            if prep.lower_ in _SUBORDINATORS and prep.head.i == cue.head.i and token.pos_ in {"NOUN", "PROPN", "PRON"}:
                return token
            return None
    return None


def _named_apposition(head: Token) -> Token | None:
    """The name in apposition to a speaker described by role: ``her lawyer, John Doe,``; an
    organisation's name beside a noun for one: ``The automaker, General Motors,``."""
    if head.pos_ == "PROPN" and head.lower_ not in TITLE_WORDS:  # ("The Chancellor, Rachel Reeves,": a title)
        return None
    organisation = head.lemma_.lower() in COMPANY_NOUNS or SPEAKER_KINDS.get(head.lemma_.lower()) in {
        SpeakerKind.ORGANIZATION, SpeakerKind.GROUP}
    names = {"", "PERSON", "ORG"} if organisation else {"", "PERSON"}
    return next((c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"
                 and c.ent_type_ in names), None)


def _conjuncts(head: Token) -> list[Token]:
    """Speakers coordinated with *head*: ``Smith and Jones``, ``the mayor and her deputy``."""
    out = []
    for child in head.children:
        if child.dep_ == "conj" and child.i > head.i and child.pos_ in {"PROPN", "NOUN", "PRON"}:
            out.append(child)
            out.extend(_conjuncts(child))
    return out


def _issuer(head: Token) -> Token | None:
    """Who issued a document: ``[her] statement``, ``[Acme]'s report``, ``a letter from [the
    ministry]``."""
    for child in head.children:
        if child.dep_ == "poss":
            return child
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in _ISSUER_PREPS:
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None and (obj.ent_type_ in ORG_LABELS | {"PERSON"} or obj.pos_ in {"PROPN", "PRON"}):
                return obj
    return None
