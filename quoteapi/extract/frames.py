"""Attribution frames read off the dependency parse: a cue and its content.

A frame is what one cue word says: ``Blinken stressed that the crisis was troubling`` →
cue ``stressed``, content ``the crisis was troubling``. Frames are found without looking at
quotation marks; ``join`` then joins them with the quotes, and ``speakers`` finds who spoke.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..budget import check
from .bounds import choose, is_quote_mark
from .lexicon import (CLAUSE_NOUNS, CUE_IDIOMS, CUES, FINDING_NOUNS, HEDGES, ISSUING_VERBS, LEADS, MESSAGE_NOUNS,
                      OCCASIONS, PREPOSITION_SLOT, QUOTE_ONLY, REPORTING_PASSIVES, SET_PHRASES, SPEAKER_KINDS,
                      VIEWPOINTS, WORD_CLAUSE)
from .marks import CLOSING_TOKENS, DOUBLE_CLOSE, QUOTE_OPENERS, SINGLE_CLOSE, STRAIGHT_DOUBLE
from .options import DEFAULT, Options
from .lines import capitalised_share, ends_line, title_cased
from .phrases import (CLAUSE_SUBJECT_DEPS, DASHES, ISSUED, POSITION, TIME_ENTITIES, can_speak, content_spans,
                      has_clause_subject, issuing_verb, leading_cue_entry, named_owner, right_after_a_quotation)
from .vocab import Mode, Rule, SpeakerKind


@dataclass
class Frame:
    """What one cue says, read off the parse: no speaker yet (``speakers`` finds it from
    ``cue_token``), except the name a layout stands beside (``named``)."""

    cue: list[Token]
    content: list[tuple[int, int]]  # character spans, possibly interrupted by the cue clause
    rule: Rule
    clause: list[Token] = field(default_factory=list)  # tokens of the attribution clause itself
    named: tuple[Token, ...] | None = None  # NAME: … and ― Name layouts: the name
    probability: float | None = None  # the learned model's, for frames it proposed

    @property
    def cue_token(self) -> Token:
        return self.cue[0]

    @property
    def mode(self) -> Mode:
        if self.rule == Rule.FINDING:
            return Mode.WRITING  # "in a poll": a poll's findings are written
        if self.rule == Rule.VIEWPOINT:
            return viewpoint_of(self.cue_token)[2]  # "in his view": thought; "in his words": speech
        entry = CUES.get(self.cue_token.lemma_.lower())
        return entry.mode if entry else Mode.SPEECH


_IDIOM_VERBS = frozenset(verb for verb, _ in CUE_IDIOMS)


def cue_entry(token: Token):
    """The lexicon entry of *token* when it is a verb used as a cue (not ``the said plan``)."""
    if token.pos_ not in {"VERB", "AUX"} and not (token.pos_ == "NOUN" and token.tag_.startswith("VB")):
        return None
    if token.dep_ in {"amod", "compound", "aux", "auxpass"}:
        return None
    lemma = token.lemma_.lower()
    entry = CUES.get(lemma)
    if entry is None and lemma in _IDIOM_VERBS:  # "as Foner put it", "made it clear"
        word = idiom_word(token)
        entry = CUE_IDIOMS.get((lemma, word.lower_)) if word is not None else None
    return entry


# Where an idiom's word stands: the verb's object ("put [it]"), the adjective it predicates
# of one ("made it [clear]", which the parser reads as a clausal or predicative complement), or
# its particle ("shot [back]", which it reads as an adverb as often).
_IDIOM_WORD_DEPS = {"dobj", "ccomp", "oprd", "acomp", "xcomp", "prt", "advmod"}


def idiom_word(verb: Token) -> Token | None:
    """The word that makes *verb* a cue of ``CUE_IDIOMS``, or None."""
    lemma = verb.lemma_.lower()
    return next((c for c in verb.children if c.dep_ in _IDIOM_WORD_DEPS and c.i > verb.i
                 and (lemma, c.lower_) in CUE_IDIOMS), None)


def _clause_of_idiom_word(cue: Token) -> list[Token] | None:
    """``made it clear [that he felt …]``: the clause hanging on the idiom's word (or, past
    it, on the verb)."""
    word = idiom_word(cue)
    if word is None:
        return None
    clause = next((c for c in [*word.children, *cue.children] if c.dep_ in {"advcl", "ccomp", "csubj"}
                   and c.i > word.i), None)
    if clause is None or clause_marks(clause) - {"that"}:
        return None  # ("made clear last week [when …]": when, not what)
    return list(clause.subtree)


def reporting_passive(participle: Token) -> Token | None:
    """``X was quoted (by Y) as saying …``, ``is reported as saying``: the passive verb of
    reporting (``REPORTING_PASSIVES``) whose ``as`` introduces the speech participle
    *participle*, or None. Its subject is the speaker, its by-phrase the outlet."""
    prep = participle.head
    if participle.dep_ != "pcomp" or prep.dep_ != "prep" or prep.lower_ != "as":
        return None
    verb = prep.head
    if verb.lemma_.lower() in REPORTING_PASSIVES and is_passive(verb):
        return verb
    return None


_WHEN_ASKED = {"when", "after", "once", "if", "before", "while"}


def put_to_the_subject(cue: Token) -> bool:
    """``Asked whether he would run, Smith said …``, ``Pressed on the report, she …``: a passive
    participle of speech opening the clause reports a question put to the clause's subject by
    someone the text does not name (PolNeAR annotates these without a source). The tagger may
    read the participle as a past tense (``VBD``): without a subject it is the participle."""
    return (cue.tag_ in {"VBN", "VBD"} and cue.dep_ == "advcl"
            and (cue.i < cue.head.i or any(c.lower_ in _WHEN_ASKED for c in cue.children))  # "…, he replied when asked"
            and not any(c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass"} for c in cue.children))  # "Having said …": active


def reported_as_saying(verb: Token) -> bool:
    """Whether *verb* is the passive of reporting of a speech participle (:func:`reporting_passive`)."""
    return verb.lemma_.lower() in REPORTING_PASSIVES and any(
        reporting_passive(c) is not None and cue_entry(c) is not None
        for prep in verb.children if prep.dep_ == "prep" and prep.lower_ == "as" for c in prep.children)


def _is_participle_cue(token: Token) -> bool:
    """``adding that …`` on a content clause, or ``… and vowed to …`` coordinated with it; or a
    contrasting clause with a cue and a subject of its own after it (``said [they are set on
    voting for him], while 22 percent said they might change their mind``: PolNeAR's two
    attributions, on train 11 of 12 such)."""
    dep = token.dep_  # (the dependency first: it rules out most words without a lexicon lookup)
    if dep == "advcl" and token.head.i < token.i and clause_marks(token) & _CONTRASTING_CLAUSES:
        return (has_clause_subject(token)
                and token.lemma_.lower() not in HEDGES and cue_entry(token) is not None)
    if not (dep == "conj" or (dep in {"advcl", "xcomp"} and token.tag_ == "VBG")):
        return False
    if dep == "conj" and (is_passive(token) or "that" in clause_marks(token)):
        return False  # "said [A and that B had been offered …]": a second content clause, no speech act
    if dep == "conj" and token.lemma_.lower() in HEDGES:
        return False  # "show [that the numbers are wrong and appear to be aimed at …]": a hedge, no speech act
    return cue_entry(token) is not None


def participle_cues(sent: Span, read: "dict[int, set[int]] | None" = None) -> set[int]:
    """The indices of the participle cues of *sent*, and of its contrasting clauses with cues of
    their own (see :func:`_is_participle_cue`, :func:`without_nested_cues`); kept in *read*, by
    the sentence's start, for the next reader of the same document (the rules' frames, then the
    model's candidates)."""
    if read is None:
        return {t.i for t in sent if _is_participle_cue(t)}
    found = read.get(sent.start)
    if found is None:
        found = read[sent.start] = {t.i for t in sent if _is_participle_cue(t)}
    return found


def without_nested_cues(tokens: list[Token], cue: Token, participles: set[int]) -> list[Token]:
    """Drop the subtrees of participle cues inside a content (``…, adding that …``, ``…, while
    B said …``): they are attributions of their own. *participles* are the sentence's
    (:func:`participle_cues`), so that each word is looked up once per sentence."""
    nested = [t for t in tokens if t.i != cue.i and t.i in participles]
    drop = {d.i for t in nested for d in t.subtree}
    return [t for t in tokens if t.i not in drop]


CLOSING_A_SENTENCE = {",", ".", "?", "!"}  # before a closing mark: the quotation ends a sentence
_CONTRASTING = {"but", "yet", "though", "although", "while", "even", "whereas"}  # "A, according to X, but B"
_CONTRASTING_CLAUSES = {"while", "whereas", "though", "although"}  # "A, while B"
_CONTINUING_DEPS = {"prep", "advcl", "attr", "npadvmod", "agent"}  # "…, he said, [by the calendar]"
_MAX_TITLE_WORDS = 6  # a quotation of this many words in title case may name a work
_COMPLEMENTS = {"acomp", "oprd"}  # "seemed [unperturbed]", "appeared [paralyzed]"
_PHRASE_HEADS = {"NOUN", "PROPN", "ADJ"}  # a clause the tagger left without a verb
_OBJECT_COMPLEMENTS = {"oprd", "xcomp", "ccomp", "acomp"}
# Prepositions that set the scene of the speech act rather than continue its content.
_SETTING_PREPS = {"in", "on", "during", "to", "after", "before", "since", "while"}
# Objects that point back at something said elsewhere, not content: "said this", "told me".
_NOT_CONTENT_OBJECTS = {"PRON"}



def _inverted_after_quotation(cue: Token) -> bool:
    """``“…,” posted a local business owner``: a finite cue right after a quotation, with no
    subject before the quotation (``Serafinowicz, who starred in “Parks and Recreation,” posted
    the clip`` has one): the words after the cue say who."""
    doc = cue.doc
    if not right_after_a_quotation(cue) or cue.tag_ not in _FINITE_TAGS:
        return False
    opener = next((k for k in range(cue.i - 2, cue.sent.start - 1, -1) if doc[k].text in QUOTE_OPENERS), None)
    return opener is not None and not any(
        c.dep_ in CLAUSE_SUBJECT_DEPS and c.left_edge.i < opener for c in cue.children)


def _object_content(cue: Token) -> list[Token] | None:
    """``called the plan a sham`` → ``the plan a sham`` (``called him a liar`` → ``a liar``);
    ``emphasized diplomacy as the path`` → ``diplomacy as the path``; ``expressed concern that
    costs would rise`` → ``that costs would rise``."""
    objects = [c for c in cue.children if c.dep_ == "dobj"]
    if not objects:
        # "called [the DNC’s suspension “arbitrary]”": the parser may hang the object on the
        # quoted name given to it, which it takes for the verb's only complement
        naming = next((c for c in cue.children if c.dep_ == "oprd" and c.i > cue.i), None)
        if naming is None or naming.left_edge.i == naming.i:
            return None
        tokens = list(naming.subtree)
        return tokens if any(is_quote_mark(t) and t.i < naming.i for t in tokens) else None
    obj = objects[0]
    if obj.i > cue.i and _inverted_after_quotation(cue):
        return None  # "“Finally, someone with a spine,” posted [a local business owner]": who, not what
    if obj.lemma_.lower() in ISSUED and any(_reports_it(c, cue) for c in obj.children):
        return None
    naming = [c for c in cue.children if c.dep_ == "oprd" and c.i > obj.i]
    if obj.pos_ in _NOT_CONTENT_OBJECTS and obj.lower_ not in {"what"} and not naming:
        return None
    if obj.lemma_.lower() in CLAUSE_NOUNS and not named_owner(obj):  # ("rejected [Ellis's claim that …]")
        clauses = [c for c in obj.children if c.dep_ in {"acl", "ccomp"} and "that" in clause_marks(c)]
        if clauses:
            return list(clauses[0].subtree)
    # A pronoun object is left out of a name given: "called him a master" → "a master".
    tokens = [] if obj.pos_ in _NOT_CONTENT_OBJECTS else list(obj.subtree)
    end = max((t.i for t in tokens), default=obj.i)
    for child in sorted(cue.children, key=POSITION):
        if child.i <= end:
            continue
        if child.dep_ in _OBJECT_COMPLEMENTS or (child.dep_ == "prep" and child.lower_ == "as") \
                or _names_the_object(child, end):
            tokens.extend(child.subtree)
            end = max(t.i for t in child.subtree)
        elif naming and child.dep_ == "prep" and child.i == end + 1 and child.lower_ not in _SETTING_PREPS:
            tokens.extend(child.subtree)  # "a master [at bolting deals together]"
            end = max(t.i for t in child.subtree)
    return tokens or None


def _names_the_object(child: Token, end: int) -> bool:
    """``labelled the decision [a disgrace]``, ``branded North Korea [an “outlaw nation”]``: a
    noun phrase right after the object that the parser hung on the verb as an adverbial or a
    second object names the object, as ``oprd`` does, when it does not say when (``called the
    plan [Tuesday]``)."""
    return (child.dep_ in {"npadvmod", "dobj"} and child.pos_ == "NOUN" and child.left_edge.i == end + 1
            and not any(t.ent_type_ in TIME_ENTITIES for t in child.subtree))


def _reports_it(participle: Token, verb: Token) -> bool:
    """``posted a message [saying the vote was rigged]``: a participle cue with a content of its
    own reports the message *verb* puts out, under the verb's cue (PolNeAR's), and the message
    is not the verb's content beside it. Not a document of others' that the verb comments on
    (``noted [reports alleging …]``, ``cites [a memo saying …]``: train's gold, 3 of 3), nor a
    participle without a clause (``posted [a message reading “Thank you Georgia”]``)."""
    entry = cue_entry(participle)
    return entry is not None and issuing_verb(participle) == verb and clause_content(participle, entry, set()) is not None


def _infinitive_content(cue: Token) -> list[Token] | None:
    """``vowed to fight`` → ``to fight``; ``urged voters to stay home`` → ``voters to stay home``;
    ``called on Congress to act`` → ``Congress to act``."""
    xcomps = [c for c in cue.children if c.dep_ == "xcomp" and c.i > cue.i]
    if not xcomps:
        return None
    tokens = list(xcomps[0].subtree)
    objects = [c for c in cue.children if c.dep_ in {"dobj", "dative"} and c.i < xcomps[0].i]
    if objects and cue.lemma_ not in {"tell"}:
        tokens = list(objects[0].subtree) + tokens
    elif (on := next((c for c in cue.children if c.dep_ in {"prep", "prt"} and c.lower_ == "on"
                      and c.right_edge.i + 1 == xcomps[0].left_edge.i
                      and not any(t.ent_type_ in TIME_ENTITIES for t in c.subtree)), None)) is not None:
        # whom the call is on: the infinitive's subject (under an "on" the parser may take for a particle)
        tokens = [t for t in on.subtree if t.i != on.i] + tokens
    return tokens


def _complement_content(cue: Token) -> list[Token] | None:
    """``seemed [equally unperturbed]``, ``appeared [pleased with Clinton]``: the adjectival
    complement after the cue."""
    found = next((c for c in cue.children if c.dep_ in _COMPLEMENTS and c.i > cue.i), None)
    return list(found.subtree) if found is not None else None


def _prepositions_of(cue: Token, preposition: str):
    """The cue's dependents, then (looked at only when those have no *preposition*) an ``of``
    on its object."""
    yield from cue.children
    if preposition == "of":
        obj = next((c for c in cue.children if c.dep_ == "dobj"), None)
        if obj is not None:
            yield from (c for c in obj.children if c.dep_ == "prep" and c.i > obj.i)


def _prepositional_content(cue: Token, preposition: str) -> list[Token] | None:
    """``called for a recount`` → ``a recount``; ``accused her of lying`` → ``lying``;
    ``called for contestants to wear dresses`` → ``contestants to wear dresses``; also an ``of`` the
    parser hangs on the object (``accused [ministers] of vandalism``; other prepositions there
    mostly belong to the object: ``praised the plan for workers``, a loss on PolNeAR train)."""
    for child in _prepositions_of(cue, preposition):
        if child.dep_ in {"prep", "prt"} and child.lower_ == preposition and child.i > cue.i:
            objs = [c for c in child.children if c.dep_ in {"pobj", "pcomp"}]
            if objs:
                if preposition != "as":
                    tokens = list(objs[0].subtree)
                else:
                    # all the "as" phrase holds: a quotation mark the parser hung on the "as" (`as
                    # [“]Miss Piggy”`), a second complement (`as seeming [almost shocked that …]`)
                    tokens = [t for t in child.subtree if t.i > child.i]
                    objects = [c for c in cue.children if c.dep_ == "dobj" and c.i < child.i]
                    if objects and objects[0].pos_ not in _NOT_CONTENT_OBJECTS:
                        # "dismissed the report as fake": the object belongs in
                        tokens = list(objects[0].subtree) + [child] + tokens
                end = max(t.i for t in tokens)
                for sibling in cue.children:  # "called for contestants [to wear shorter dresses]"
                    if sibling.dep_ in {"xcomp", "ccomp"} and sibling.left_edge.i == end + 1:
                        tokens.extend(sibling.subtree)
                    elif preposition == "to" and sibling.dep_ == "prep" and sibling.lower_ == "as" \
                            and sibling.left_edge.i == end + 1:
                        tokens.extend(sibling.subtree)  # "referred to [Rubio as “a bright leader”]"
                return tokens
    if preposition == "for":
        return _for_clause(cue)
    if preposition == "as":
        return _as_clause(cue)
    return None


def _as_clause(cue: Token) -> list[Token] | None:
    """``described [the dinner as Washington celebrating itself]``: the parser may read the
    ``as`` after the object as the mark of a clause (without a finite verb: ``as he left`` says
    when)."""
    objects = [c for c in cue.children if c.dep_ == "dobj" and c.i > cue.i and c.pos_ not in _NOT_CONTENT_OBJECTS]
    if not objects:
        return None
    for clause in cue.children:
        if clause.dep_ == "advcl" and clause.i > objects[0].i and clause.tag_ not in _FINITE_TAGS \
                and clause.left_edge.lower_ == "as" and clause.left_edge.dep_ == "mark" \
                and not any(c.dep_ in {"aux", "auxpass"} and c.tag_ in _FINITE_TAGS for c in clause.children):
            return list(objects[0].subtree) + list(clause.subtree)
    return None


def _for_clause(cue: Token) -> list[Token] | None:
    """``called for the senator to resign``: the parser may read *for* as the mark of an
    infinitive clause with its own subject, hung on the cue; the clause is the content."""
    after = max([cue.i] + [c.i for c in cue.children if c.dep_ == "prt"]) + 1
    for clause in cue.children:
        if clause.dep_ in {"advcl", "ccomp"} and clause.left_edge.i == after and clause.left_edge.lower_ == "for" \
                and clause.left_edge.dep_ == "mark" and is_infinitive(clause):
            return [t for t in clause.subtree if t.i != after]
    return None


# Prepositions that set the occasion of a cue: "said [in] a statement", "told reporters [during] a briefing".
_SETTINGS = {"in", "during", "at", "on"}


def _clause_after_setting(cue: Token) -> list[Token] | None:
    """``tweeted in the early morning hours [that Machado was …]``: after a prepositional phrase
    of the cue, the parser may hang the ``that`` clause on the phrase's noun (a relative clause
    or, on a noun of the occasion, the noun's clause: ``said in a statement [that …]``) or on
    the cue as an adverbial one. A ``that`` right after the phrase opening a clause with
    its own subject is the content all the same."""
    doc = cue.doc
    for prep in cue.children:
        if prep.dep_ != "prep" or prep.i < cue.i:
            continue
        k = prep.i + 1  # the first word after the phrase's own words (no verb among them)
        while k < len(doc) and doc[k].lower_ != "that" and (doc[k].pos_ not in {"VERB", "AUX", "PUNCT"}
                                                            or _describes_the_occasion(doc[k], prep)):
            k += 1
        if k >= len(doc) or doc[k].lower_ != "that" or doc[k].dep_ not in {"mark", "advmod"}:
            continue
        verb = doc[k].head
        if verb.dep_ == "acl" and (verb.head.lemma_.lower() not in OCCASIONS or prep.lower_ not in _SETTINGS):
            continue  # "pointed to [reports that …]": the noun's own clause, unless it is the occasion
        if verb.i > k and verb.dep_ in {"relcl", "advcl", "acl"} and (verb.head.i == cue.i or verb.head.i in {t.i for t in prep.subtree}) \
                and any(c.dep_ in {"nsubj", "nsubjpass"} and c.i > k for c in verb.children):
            return [t for t in verb.subtree if t.i >= k]
    return None


def _clause_read_as_relative(cue: Token) -> list[Token] | None:
    """``told a briefing [that the United States “strongly supports” the effort]``: the parser
    read the clause after the cue's object as a relative clause on it, with ``that`` as a
    pronoun filling a slot the clause fills already (an object beside its own object, a subject
    beside its own subject). No relative clause can do that: it is the cue's clause."""
    for obj in (c for c in cue.children if c.dep_ in {"dobj", "dative"} and c.i > cue.i and _addressee(c)):
        for clause in (c for c in obj.children if c.dep_ == "relcl"):
            that = clause.doc[clause.left_edge.i]
            if that.lower_ != "that" or that.head.i != clause.i or that.dep_ not in {"dobj", "nsubj"}:
                continue
            # (not "the story that his father told him": a pronoun object beside it is a second object)
            filled = [c for c in clause.children if c.dep_ == that.dep_ and c.i != that.i
                      and not (c.dep_ == "dobj" and c.pos_ == "PRON")]
            if filled:
                return [t for t in clause.subtree if t.i >= that.i]
    return None


def _addressee(noun: Token) -> bool:
    """Whether *noun* can be who is told or where (``told reporters``, ``told a briefing``)
    rather than what (``told the story``)."""
    return (noun.pos_ == "PRON" or noun.ent_type_ in {"PERSON", "ORG", "NORP"} or noun.tag_ == "NNS"
            or noun.lemma_.lower() in OCCASIONS
            or SPEAKER_KINDS.get(noun.lemma_.lower()) in {SpeakerKind.PERSON, SpeakerKind.GROUP, SpeakerKind.ORGANIZATION})


def _describes_the_occasion(word: Token, prep: Token) -> bool:
    """``said in a report [released] Thursday that …``: a past participle that describes the
    occasion's noun is part of the phrase, not a verb of the sentence."""
    return word.tag_ == "VBN" and word.dep_ == "acl" and word.head.head.i == prep.i


def _clause_left_unattached(cue: Token) -> list[Token] | None:
    """``Tickets for the final game sold out within minutes, the club confirmed.``: the parser
    found no clause, hung the sentence's first word on the cue as an unknown dependency
    (``dep``) and the rest elsewhere; ``Daily walks linked to lower risk, study finds``: it
    made the words before the comma a second subject (the cue ending the sentence). When the cue's subject follows a comma
    and such a dependent opens the sentence, the words from the sentence's start to the comma
    are the content."""
    subjects = [c for c in cue.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i < cue.i]
    if not subjects:
        return None
    doc, start = cue.doc, cue.sent.start
    subject = subjects[-1]
    comma = subject.left_edge.i - 1
    if comma <= start or doc[comma].text != ",":
        return None
    if not any(c.dep_ == "dep" and c.left_edge.i == start for c in cue.children):
        ends = all(t.is_punct or t.is_space for t in doc[cue.i + 1 : cue.sent.end])  # (else a parataxis: "Voters, Clinton suggested, don't …")
        if not ends or displaced_subject(cue) is None:
            return None
    return list(doc[start:comma])


def clause_content(cue: Token, entry, participles: set[int]) -> tuple[list[Token], Rule] | None:
    """The content tokens governed by *cue* and the rule that found them, trying the slots of
    its lexicon entry in order (*participles*: the sentence's participle cues)."""
    for slot in entry.content:
        if slot == QUOTE_ONLY:
            continue  # beside a quotation only: the join reads it from the marks
        if slot == "clause":
            clauses = [c for c in cue.children if c.dep_ == "ccomp" and c.i != cue.i and not _speaks_itself(c, cue)]
            if any(c.i > cue.i for c in clauses) and not any(c.i < cue.i and _opens_a_quotation(c) for c in clauses):
                # "Fiorina was a planner - a speechwriter said [she demanded …]": with a clause on
                # either side, the one before is the sentence the attribution interrupts (unless
                # it is a quotation: "“I'm more skilled …,” said Robin Maynard, half joking").
                clauses = [c for c in clauses if c.i > cue.i]
            if len(clauses) > 1 and clauses[-1].i < cue.i:
                # "X ticked through the code: ‘Civility was assumed,’ he said": of two clauses
                # before the cue, the one next to it is what it reports; the other announces it.
                clauses = clauses[-1:]
            clauses = [_past_a_programme(c) for c in clauses]
            clauses = [c for c in clauses if c is not None]
            if clauses:
                return without_nested_cues(clause_tokens(cue, clauses[0]), cue, participles), Rule.CCOMP
            tokens = _clause_after_setting(cue) or _clause_left_unattached(cue) or _clause_read_as_relative(cue) \
                or _answer(cue)
            if tokens:
                return without_nested_cues(tokens, cue, participles), Rule.CCOMP
        elif slot in _SLOT_READERS:
            read, rule = _SLOT_READERS[slot]
            tokens = read(cue)
            if tokens:
                return without_nested_cues(tokens, cue, participles), rule
        else:
            tokens = _prepositional_content(cue, slot.removeprefix(PREPOSITION_SLOT))
            if tokens:
                return without_nested_cues(tokens, cue, participles), Rule.PREP
    return None


_FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
_QUESTION_MARKERS = {"if", "whether"}


_ANSWERS = {"yes", "no"}


def _answer(cue: Token) -> list[Token] | None:
    """``Asked whether he would run, the senator said [no]``, ``75 percent said [yes]``, ``said
    [no to the war]``: an answer the parser hangs on the cue as an interjection is what was said,
    with what it answers when a ``to`` follows it (PolNeAR train: 11 such gold contents)."""
    to = next((c for c in cue.children if c.dep_ == "prep" and c.lower_ == "to" and c.i > cue.i), None)
    for head in (cue, to):  # (the parser may hang the "no" on the "to" instead of the verb)
        answer = next((c for c in head.children if c.dep_ == "intj" and c.i > cue.i and c.lower_ in _ANSWERS),
                      None) if head is not None else None
        if answer is not None:
            if to is None or to.i != answer.i + 1:
                return [answer]
            return [answer] + [t for t in to.subtree if t.i != answer.i]
    return None


def _question_clause(cue: Token) -> list[Token] | None:
    """``asked workers [if they planned to attend]``: the parser often reads an indirect
    question after a verb of asking as a condition (``advcl``); its ``if`` or ``whether`` says
    it is what was asked."""
    for clause in cue.children:
        if clause.dep_ in {"advcl", "ccomp"} and clause.i > cue.i and clause_marks(clause) & _QUESTION_MARKERS:
            return list(clause.subtree)
    return None


# The lexicon's content slots other than "clause" and the prepositions: how each is read off
# the parse, and the rule that reports it (an open complement is read as the infinitive is).
_SLOT_READERS = {
    WORD_CLAUSE: (_clause_of_idiom_word, Rule.CCOMP),
    "question": (_question_clause, Rule.CCOMP),
    "object": (_object_content, Rule.OBJECT),
    "to": (_infinitive_content, Rule.XCOMP),
    "complement": (_complement_content, Rule.XCOMP),
}


def clause_tokens(cue: Token, clause: Token) -> list[Token]:
    """The words of *cue*'s clausal complement *clause*, with its subject where the parser
    made that subject the cue's object: ``hoped [the meeting, requested by Sanders,] would
    be …``, ``explaining [the firings] amounted to …`` — a finite clause without a subject of
    its own, right after the cue's noun object (punctuation between at most)."""
    continued = _clause_continued(cue, clause)
    tokens = list(clause.subtree) + continued
    tokens += _coordinated_that_clause(cue, continued[-1].i if continued else clause.right_edge.i)
    if has_clause_subject(clause):
        return tokens
    children = list(clause.children)
    if clause.tag_ not in _FINITE_TAGS and not any(c.dep_ in {"aux", "auxpass"} and c.tag_ in _FINITE_TAGS for c in children):
        return tokens
    set_off = displaced_subject(cue) if clause.i > cue.i else None
    if set_off is not None:  # "[The deal], Smith told reporters, “is done.”"
        return list(set_off.subtree) + tokens
    relative = _relative_misread_subject(cue)
    if relative is not None:
        return [relative] + tokens
    objects = [c for c in cue.children if c.dep_ == "dobj" and cue.i < c.i < clause.i and c.pos_ in {"NOUN", "PROPN"}]
    if not objects:
        return tokens
    subject = list(objects[-1].subtree)
    gap = list(cue.doc[subject[-1].i + 1 : tokens[0].i])
    return subject + gap + tokens if all(t.is_punct for t in gap) else tokens


def _clause_continued(cue: Token, clause: Token) -> list[Token]:
    """``saying [his use of the term to refer to territory] [occupied by Israel was incorrect]``:
    the parser split one reported clause into two complement clauses of the cue, the second
    starting right where the first ends; it is the rest of the same content (PolNeAR train: of
    the gold cues with two such clauses, 63 take both, 23 the first alone, 5 the second). A
    conjunction between them (``said [Clinton is honest], and [three-quarters said …]``) makes
    them two clauses, as the parser's own coordination would, and a second clause that is an
    attribution of its own (``… of the regional centers The S.E.C. said it would …``) stays one."""
    doc = cue.doc
    out: list[Token] = []
    end = clause.right_edge.i
    for other in cue.children:
        if other.dep_ == "ccomp" and other.i > clause.i and other.left_edge.i == end + 1 \
                and doc[end].dep_ != "cc" and other.left_edge.dep_ != "cc" \
                and not (cue_entry(other) is not None and _has_referring_subject(other)):
            out.extend(other.subtree)
            end = other.right_edge.i
    return out


def _coordinated_that_clause(cue: Token, end: int) -> list[Token]:
    """``said [the U.S. needs to secure the border, but that he would not support mass
    deportation]``: a second complement clause the parser hung on the cue as its conjunct; its
    ``that`` says it is reported too (on PolNeAR train, 11 of 12 such are in the content)."""
    doc = cue.doc
    for conj in cue.children:
        if conj.dep_ != "conj" or conj.i <= end:
            continue
        gap = doc[end + 1 : conj.left_edge.i]
        if all(t.is_punct or t.is_space or t.dep_ == "cc" for t in gap) and "that" in clause_marks(conj):
            return list(gap) + list(conj.subtree)
        break
    return []


def _relative_misread_subject(cue: Token) -> Token | None:
    """``the vote, [which] she has repeatedly said was a mistake``: the relative pronoun is the
    subject the reported clause lacks, though the parser made it the cue's object (PolNeAR
    keeps it as a piece of the content) — or a second subject of the cue's (``Cruz and Rubio,
    [who] many feel need a strong showing``)."""
    if cue.dep_ != "relcl":
        return None
    first = cue.doc[cue.left_edge.i]
    if first.tag_ not in {"WDT", "WP"} or first.head.i != cue.i:
        return None
    if first.dep_ == "dobj" or first.dep_ == "nsubj" and any(
            c.dep_ == "nsubj" and first.i < c.i < cue.i for c in cue.children):
        return first
    return None


def _opens_a_quotation(clause: Token) -> bool:
    """Whether *clause* begins with an opening quotation mark, its own or the one right before
    it (the parser often hangs that mark on the cue)."""
    first = clause.left_edge
    marks = [first] + ([clause.doc[first.i - 1]] if first.i > 0 else [])
    return any(t.text in QUOTE_OPENERS or t.text in {"''", "``"} for t in marks)


def _speaks_itself(clause: Token, cue: Token) -> bool:
    """``He said A, and when asked …, he said, “B.”``: the parser may hang the first attribution
    on the second as its clause; a clause before the cue that is a whole attribution (a cue with
    its own subject and clause) is not the content. (``Talks are continuing, he said``: a cue
    word without a reported clause of its own is content.)"""
    return (clause.i < cue.i and _has_referring_subject(clause) and cue_entry(clause) is not None
            and any(c.dep_ == "ccomp" for c in clause.children))


def _clause_tokens(cue: Token, content: list[tuple[int, int]]) -> list[Token]:
    """The attribution clause: the cue's subtree without its content. Where the tagger made the
    verb a participle of the phrase before it, the sentence's only other words (``“…?” the
    43-year-old asked``: *asked* hangs on *old*), the clause is that phrase's."""
    def in_content(t: Token) -> bool:
        return any(s <= t.idx < e for s, e in content)

    head = cue.head
    if cue.dep_ == "acl" and head.dep_ == "ROOT" and head.i < cue.i and head.pos_ in _PHRASE_HEADS:
        cue = head
    # "Scott beamed and asked the crowd …": a predicate coordinated after the cue is not its clause.
    others = {t.i for c in cue.children if c.dep_ == "conj" and c.i > cue.i for t in c.subtree}
    inverted = inverted_subject_elsewhere(cue)
    lost = list(inverted.subtree) if inverted is not None else _lost_subject(cue)
    return lost + [t for t in cue.subtree if not in_content(t) and t.i not in others]


def _lost_subject(cue: Token) -> list[Token]:
    """``“We were wrong,” Ramos, 58, told AFP``, the parser having hung *told* and *Ramos* on
    the quotation's verb: the words between a closing quotation mark and a cue without a
    subject, a noun phrase with no verb, are the clause's subject."""
    if has_clause_subject(cue):
        return []
    doc, start = cue.doc, cue.left_edge.i
    words: list[Token] = []
    for token in reversed(doc[cue.sent.start : start]):
        if token.text in CLOSING_TOKENS:
            closing = token
            break
        if token.pos_ in {"VERB", "AUX", "ADP"} or token.text in QUOTE_OPENERS:
            return []  # ("a class called “Perception” on his Facebook page, writing …": no subject)
        words.insert(0, token)
    else:
        return []
    ends_a_clause = closing.i > 0 and doc[closing.i - 1].text == ","  # ',”': the quotation is a sentence's
    return words if ends_a_clause and any(t.pos_ in {"PROPN", "NOUN"} for t in words) else []


def inverted_subject_elsewhere(cue: Token) -> Token | None:
    """The inverted subject right after a cue that follows a quotation (``“…,” said X``), where
    the parser took it for the subject of another verb of the sentence: of what follows (``“…,”
    said Robin Maynard, half joking``), of its own relative clause (``“…,” said the woman, who …
    did not want to be named``), of the quotation's second piece, the cue hanging on that
    (``“The risk,” said Edward Leamer, an economist, “is that …”``). A name, or a noun for someone
    who can speak."""
    if not right_after_a_quotation(cue) or cue.tag_ in {"VBG", "VBN"} \
            or has_clause_subject(cue):
        return None
    return next((s for s in cue.sent if s.dep_ == "nsubj" and s.head.i != cue.i and s.left_edge.i == cue.i + 1
                 and (s.pos_ == "PROPN" or can_speak(s))), None)


def subject_set_off_after_quotation(cue: Token) -> Token | None:
    """``“…,” Texas delegate Bill Eastland, wearing a cowboy hat, said``, ``“…,” an intelligence
    source, who was not authorized to speak, told Fox News``: the noun phrase that follows a
    quotation ending its clause (``,”``) and is set off by a comma, when the words after it run
    to a comma right before a finite cue that has no subject of its own — that cue's subject,
    which the parser hung elsewhere (on the quotation's verb). None otherwise."""
    if cue.tag_ in {"VBG", "VBN"} or has_clause_subject(cue):
        return None
    doc, sent = cue.doc, cue.sent
    if cue.i - 1 <= sent.start or doc[cue.i - 1].text != ",":
        return None
    close = next((k for k in range(cue.i - 2, sent.start, -1)
                  if doc[k].text in CLOSING_TOKENS and doc[k - 1].text in CLOSING_A_SENTENCE), None)
    if close is None:
        return None
    comma = next((k for k in range(close + 1, cue.i) if doc[k].text == ","), None)
    if comma is None or comma in {close + 1, cue.i - 1}:
        return None  # ("“…,” she said", "“…,” Mr. Ellis, said": the parser reads those)
    phrase = doc[close + 1 : comma]
    if len(phrase) > _MAX_SET_OFF_SUBJECT or any(t.pos_ in {"VERB", "AUX"} or t.is_punct for t in phrase):
        return None
    head = phrase.root
    return head if head.pos_ == "PROPN" or head.pos_ == "NOUN" and can_speak(head) else None


_MAX_SET_OFF_SUBJECT = 8  # words of a name or a description ("Texas delegate Bill Eastland")


# The candidate slot (``quoteapi.extract.predicates``) each content rule reads.
_SLOT_OF_RULE = {Rule.CCOMP: "clause", Rule.OBJECT: "object", Rule.XCOMP: "to", Rule.PREP: "prep"}


def frames_in(sent: Span, options: Options = DEFAULT, boundary=None, read: dict[int, set[int]] | None = None
              ) -> list[Frame]:
    """Every attribution frame of one sentence; with a *boundary* model (see
    :mod:`quoteapi.extract.bounds`), a content's end is its choice among the parse's variants
    (*read*: the document's participle cues by sentence, see :func:`participle_cues`)."""
    frames: list[Frame] = []
    participles = None  # the sentence's participle cues, read at its first cue
    titled = None  # whether the sentence is in title case, read at its first proper noun
    for token in sent:
        check()  # the request's time budget: a frame's work grows with its sentence
        if token.lower_ == "according" and any(c.lower_ == "to" for c in token.children):
            if in_set_phrase(token):
                continue  # "according to plan"
            frame = _according_to(token, options)
            if frame:
                frames.append(frame)
            continue
        if token.lower_ == "in" and token.dep_ == "prep" and finding_of(token) is not None:
            frame = _in_finding(token, options)
            if frame:
                frames.append(frame)
            continue
        if token.dep_ == "prep" and (view := viewpoint_of(token)) is not None:
            frame = _viewpoint(token, view[0], options)
            if frame:
                frames.append(frame)
            continue
        if token.i == sent.start or token.i == sent.start + 1 and sent[0].text in QUOTE_OPENERS:
            frame = _inverted_lead(token)
            if frame is not None:
                frames.append(frame)
                continue
        if token.pos_ == "NOUN" and token.lemma_.lower() in MESSAGE_NOUNS:
            frame = _message_before_colon(token)
            if frame is not None:
                frames.append(frame)
                continue
        if token.pos_ == "NOUN" and token.dep_ == "dobj" and _put_out(token):
            frame = _issued_before_colon(token)
            if frame is not None:
                frames.append(frame)
                continue
        entry = cue_entry(token)
        if entry is None and token.pos_ == "PROPN" and token.i > sent.start:
            if titled is None:  # (a title is a line of its own)
                titled = (sent.start == 0 or ends_line(sent.doc[sent.start - 1])) and title_cased(sent)
            frame = _title_case_cue(token, sent, options) if titled else None
            if frame is not None:
                frames.append(frame)
            continue
        if entry is None or is_passive(token):
            continue  # passives ("she was denied access") report no speech act of a speaker
        if in_set_phrase(token):
            continue  # "All told, 14 were hurt", "That said, …"
        # "put it", "made it clear": the object and the idiom's word are part of the cue
        idiom = idiom_word(token) if entry is not CUES.get(token.lemma_.lower()) else None
        cue = [token] + [c for c in token.children if c.dep_ == "prt"]
        if idiom is not None:  # (with what stands between: "made [it] clear", whatever it hangs on)
            cue += [c for c in (*token.children, *idiom.children) if token.i < c.i < idiom.i] + [idiom]
            cue.sort(key=POSITION)
        reported = reporting_passive(token)
        if reported is not None:  # "was quoted as saying": the cue reads from the passive verb
            cue = [reported, token.head, *cue]
        if participles is None:
            participles = participle_cues(sent, read)
        found = clause_content(token, entry, participles)
        content: list[tuple[int, int]] = []
        rule = Rule.QUOTE  # no content of its own: a quotation next to it may be
        if found:
            tokens, rule = found
            if rule != Rule.CCOMP and is_infinitive(token) and not led_in(token):
                continue  # "gathered to discuss the challenges": an aim, not a speech act
            if rule == Rule.XCOMP and _leads_to_a_cue(token, participles):
                continue  # "seemed to mock his talk": "mock" attributes, "seemed" leads in
            tokens = _cut_after_closing_mark(choose(token, _SLOT_OF_RULE[rule], tokens, boundary), token)
            tokens = _cut_at_closing_dash(tokens, token)
            tokens = _after_opening_dash(tokens, token)
            if rule == Rule.CCOMP:
                tokens = tokens + _rest_after_interruption(token, tokens)
            content = content_spans(with_pieces_before(token, _SLOT_OF_RULE[rule], tokens), keep_that=options.content_that)
        elif _set_off_by_commas(token):
            # "The plan, he said, is bad": the sentence around the cue clause is the content.
            own = set(token.subtree)
            for displaced in (displaced_subject(token), displaced_opening(token)):
                if displaced is not None:  # "Voters, Clinton suggested, don't …": the clause's subject
                    own.difference_update(displaced.subtree)
            for other in token.head.children:  # (another whole attribution is not part of it)
                if other.dep_ == "ccomp" and _speaks_itself(other, token) or _leads_into_the_saying(other, token):
                    own.update(other.subtree)
            tokens = [t for t in token.head.subtree if t not in own]
            content = content_spans(tokens, keep_that=options.content_that)
            rule = Rule.PARATAXIS
        frames.append(Frame(cue, content, rule, _clause_tokens(cue[0], content)))
    return frames


def _cut_after_closing_mark(tokens: list[Token], cue: Token) -> list[Token]:
    """``“… in this case,” Tulsa police Chief Chuck Jordan said``: words between a quotation
    that closes a sentence (``,”``) and a cue after it belong to the attribution clause, whatever
    the parser hung them on (here it took ``Tulsa`` for a verb of the quotation); after a cue
    before it, a coordinated act of the speaker's does (below)."""
    if not tokens:
        return tokens
    last = _closing_a_sentence(tokens)
    if last is None or _quotes_a_title(tokens, last):
        return tokens  # "the plan was “a disaster” for families, he said": the quotation goes on
    rest = tokens[last + 1:]
    if tokens[-1].i > cue.i:
        # "wrote to his followers, “…,” and shared a link": a predicate coordinated after the
        # quotation without a subject of its own is the speaker's next act, not the content.
        before = {t.i for t in tokens[:last]}
        if not any(t.dep_ == "conj" and t.head.i in before and not _has_referring_subject(t) for t in rest):
            return tokens
    comma = next((k for k, t in enumerate(rest) if t.text == ","), len(rest))
    if any(t.text in QUOTE_OPENERS for t in rest[:comma]):
        return tokens  # "“We will win,” and “we will fight,” he said": the quotation goes on
    return tokens[: last + 1]


def _rest_after_interruption(cue: Token, content: list[Token]) -> list[Token]:
    """``The argument would be aided, Devine said, by the upcoming primary calendar``: when the
    attribution interrupts the sentence (between commas, after its clause), the words after it
    that the parser hung on the cue finish the content."""
    doc = cue.doc
    if not content or content[-1].i > cue.i:
        return []
    clause = [t for t in cue.subtree if content[-1].i < t.i <= cue.i and not t.is_punct]
    start = min((t.i for t in clause), default=cue.i)
    if start == 0 or doc[start - 1].text != ",":
        return []
    after = next((c for c in cue.rights if c.dep_ in _CONTINUING_DEPS), None)
    if after is None or after.i == 0 or doc[after.left_edge.i - 1].text != ",":
        return []
    if after.dep_ == "advcl" and after.tag_ in {"VBG", "VBN"} and not any(c.dep_ == "mark" for c in after.children):
        return []  # "…, the people said, speaking on condition of anonymity": what the speaker did
    rest = list(after.subtree)
    end = rest[-1].i + 1
    if end < len(doc) and not (doc[end].is_punct and doc[end].text in {".", "!", "?"}) and not doc[end].is_sent_start:
        return []  # (it must finish the sentence)
    return rest


def _cut_at_closing_dash(tokens: list[Token], cue: Token) -> list[Token]:
    """``Fiorina was a planner - a former speechwriter said [she demanded …] - and …``: an
    attribution opened by a dash reports up to the dash that closes it."""
    subject = next((c for c in cue.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i < cue.i), None)
    start = subject.left_edge.i if subject is not None else cue.i
    if start == 0 or cue.doc[start - 1].text not in DASHES:
        return tokens
    for k, t in enumerate(tokens):
        if t.i > cue.i and t.text in DASHES and k > 0:
            return tokens[:k]
    return tokens


def _after_opening_dash(tokens: list[Token], cue: Token) -> list[Token]:
    """``Ortiz was less charitable — “They took the tax breaks and ran,” he said — and …``: a
    quotation set off by a dash before its attribution is what the cue reports, not the clause
    before the dash, which the parser may hang inside it."""
    if not tokens or tokens[-1].i > cue.i:
        return tokens
    for k in range(len(tokens) - 2, 0, -1):
        if tokens[k].text in DASHES and tokens[k].whitespace_ and tokens[k + 1].text in QUOTE_OPENERS \
                and tokens[k + 1].i == tokens[k].i + 1:
            return tokens[k + 1:]
    return tokens


def _past_a_programme(clause: Token) -> Token | None:
    """``said on NBC's “Meet the Press” that …``: the parser may read a programme's quoted title
    after a possessive or a preposition as the reported clause, with the real one under it.
    The clause after the title, else None; any other clause as it is."""
    doc = clause.doc
    opener = clause.left_edge.i
    if doc[opener].text not in QUOTE_OPENERS or opener == 0 or \
            doc[opener - 1].tag_ != "POS" and doc[opener - 1].dep_ != "prep":
        return clause
    close = next((k for k in range(opener + 1, min(len(doc), opener + _MAX_TITLE_WORDS + 3))
                  if doc[k].text in DOUBLE_CLOSE + SINGLE_CLOSE or doc[k].text == STRAIGHT_DOUBLE), None)
    if close is None or not _quotes_a_title(list(doc[opener : close + 1]), close - opener):
        return clause
    return next((c for c in clause.children if c.dep_ == "ccomp" and c.i > close), None)


def _quotes_a_title(tokens: list[Token], close: int) -> bool:
    """Whether the quotation closing at *tokens[close]* is a few words in title case, the name of
    a work (``won an Oscar for “West Side Story,” died Tuesday …, her son said``): the sentence
    goes on."""
    opener = next((k for k in range(close - 1, -1, -1) if tokens[k].text in QUOTE_OPENERS), None)
    if opener is None:
        return False
    words = [t.text for t in tokens[opener + 1 : close] if t.is_alpha]
    return 0 < len(words) <= _MAX_TITLE_WORDS and capitalised_share(words) == 1.0


def _closing_a_sentence(tokens: list[Token]) -> int | None:
    """Where among *tokens* the last quotation closes after a comma or a full stop, when words
    follow (``“…,” Texas delegate Bill Eastland, wearing “Ted Cruz” pins, said``: the first
    quotation, not the name that closes after ``Cruz``)."""
    straight = [k for k, t in enumerate(tokens) if t.text == STRAIGHT_DOUBLE]  # every other one closes
    closes = [k for k, t in enumerate(tokens) if t.text in DOUBLE_CLOSE + SINGLE_CLOSE] + straight[1::2]
    if not closes or max(closes) == len(tokens) - 1:
        return None
    ending = [k for k in closes if k > 0 and tokens[k - 1].text in CLOSING_A_SENTENCE]
    return max(ending) if ending else None


# Prepositions whose object, after a passive, says what its subject is taken for: ``[Sanders] is
# seen [as …]``, ``[Trump] was criticized [for …]``. Not *about*: ``[the memo] was asked about``
# reports the memo only (PolNeAR keeps a passive's subject as a piece of the content in 2 of 13
# *about* complements on train, against 42 of 51 *as* and 20 of 28 *for*); not *by*, the agent.
_PASSIVE_PREDICATIVE_PREPS = frozenset({"as", "for", "of", "on", "with", "to", "over", "against", "into", "at", "in"})


def passive_subject_piece(predicate: Token, slot: str) -> list[Token]:
    """``[Mr. Sanders] is seen as [empowering regular voters]``, ``[Trump] has been criticized by
    his rivals for [failing to …]``: a passive's prepositional complement says something of its
    subject, which is then a piece of the content before the cue, pronouns too (``[who] was
    named as [a leader of …]``). Empty for other slots and for predicates that are not passive."""
    if not slot.startswith(PREPOSITION_SLOT) or slot.removeprefix(PREPOSITION_SLOT) not in _PASSIVE_PREDICATIVE_PREPS:
        return []
    if not is_passive(predicate):
        return []
    subject = next((c for c in predicate.children if c.dep_ == "nsubjpass" and c.i < predicate.i), None)
    return list(subject.subtree) if subject is not None else []


# Relative pronouns PolNeAR keeps as a piece (*which* in 6 of 7 annotated ``which X called …``
# on train); not *that* (1 of 9) nor a free relative's *what* (12 of 23).
_RELATIVE_OBJECTS = frozenset({"which", "whom", "who"})


def fronted_object_piece(predicate: Token, content: list[Token]) -> list[Token]:
    """``Florida, [which] he describes as [his second home]``, ``two children, [whom] they named
    [Fred and Mary]``: a relative pronoun object before the cue, when the content is what that
    object is called, is a piece of the content. Not *that* nor a free relative's *what*
    (``what he called [tribalism]``). Empty otherwise."""
    inside = {t.i for t in content}
    return [c for c in predicate.children
            if c.dep_ == "dobj" and c.lower_ in _RELATIVE_OBJECTS and c.i < predicate.i
            and c.i not in inside][:1]


def with_pieces_before(predicate: Token, slot: str, tokens: list[Token]) -> list[Token]:
    """A content's *tokens* (the complement in *slot*) with the pieces of it the sentence puts
    before the cue: a raised subject, a passive's subject, a relative pronoun object."""
    return (raised_subject(predicate, slot == "to") + passive_subject_piece(predicate, slot)
            + fronted_object_piece(predicate, tokens) + tokens)


def raised_subject(predicate: Token, open_complement: bool) -> list[Token]:
    """``[Twitter] appears [to be heavily used by …]``, ``[Trump] is expected [to win]``: when the
    content is an open complement (an infinitive, or a hedge's adjective: ``seemed
    [unperturbed]``), the subject of a hedging verb or of a passive is part of what is reported,
    a piece of the content before the cue (PolNeAR marks both pieces for 70% of its *seem* and
    *appear* cues and 60% of *expected*). Empty for every other content."""
    subject = raising(predicate) if open_complement else None
    return list(subject.subtree) if subject is not None else []


def raising(predicate: Token) -> Token | None:
    """The subject a hedging verb or a passive raises out of its infinitive (``Twitter appears
    to …``, ``Trump is expected to …``): content, not a speaker; None for other predicates."""
    passive = is_passive(predicate)
    hedge = not passive and predicate.lemma_.lower() in HEDGES
    if not any(c.dep_ == "xcomp" or hedge and c.dep_ in _COMPLEMENTS for c in predicate.children):
        return None
    if not passive and not hedge:
        return None
    deps = {"nsubjpass"} if passive else {"nsubj"}
    return next((c for c in predicate.children if c.dep_ in deps and c.i < predicate.i), None)


def extraposed(cue: Token) -> bool:
    """``It is important [to note] that …``, ``it's worth [pointing out] that …``, ``It's hard
    [to imagine] …``: an infinitive or gerund completing an adjective said of an expletive *it*;
    ``it appears that …``: a hedge with *it* and a clause — the writer's own remark, whose
    subject *it* is nobody."""
    if cue.lemma_.lower() in HEDGES:
        return any(c.dep_ in {"nsubj", "expl"} and c.lower_ == "it" for c in cue.children) \
            and any(c.dep_ == "ccomp" for c in cue.children)
    if cue.dep_ != "xcomp":
        return False
    copula = cue.head.head if cue.head.pos_ == "ADJ" else cue.head
    if copula.lemma_ != "be" or not any(c.dep_ == "acomp" and c.pos_ == "ADJ" for c in copula.children):
        return False
    return any(c.dep_ == "nsubj" and c.lower_ == "it" for c in copula.children)


def led_in(token: Token) -> bool:
    """``seemed [to mock] …``, ``continues [to insist] …``: the infinitive of a word that leads
    into it (``hedges.txt``, ``leads.txt``)."""
    return token.dep_ == "xcomp" and token.head.lemma_.lower() in LEADS


def _leads_to_a_cue(token: Token, participles: set[int]) -> bool:
    """A word that leads into its infinitive, that infinitive a cue with a content of its own:
    that cue attributes."""
    if token.lemma_.lower() not in LEADS:
        return False
    inner = next((c for c in token.children if c.dep_ == "xcomp"), None)
    entry = cue_entry(inner) if inner is not None else None
    return entry is not None and clause_content(inner, entry, participles) is not None


def is_infinitive(token: Token) -> bool:
    """``to fight``, ``to be named``: a verb with its infinitive marker."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def is_passive(verb: Token) -> bool:
    """``was denied``, ``is seen as``: a verb with its passive auxiliary."""
    return any(c.dep_ == "auxpass" for c in verb.children)


def clause_marks(clause: Token) -> set[str]:
    """The subordinating words of *clause*'s head, lowercased (``that``, ``if``, ``whether`` …),
    also where the parser hung one on the head's auxiliary (``concern [that] the man [was]
    encouraging …``)."""
    marks = set()
    for c in clause.children:
        if c.dep_ == "mark":
            marks.add(c.lower_)
        elif c.dep_ in {"aux", "auxpass"}:
            marks.update(m.lower_ for m in c.children if m.dep_ == "mark")
    return marks


def _has_referring_subject(cue: Token) -> bool:
    """Whether *cue* has a subject that stands for someone or something: not the expletive
    ``it`` of ``it is believed that`` (which :func:`has_clause_subject` counts)."""
    return any(c.dep_ in {"nsubj", "nsubjpass", "csubj"} for c in cue.children)


def displaced_subject(cue: Token) -> Token | None:
    """``Voters, Clinton suggested, don't have to worry …``, ``The plan, said the mayor, is
    dead``: the parser gave the interrupting cue both subjects; the first, which opens the
    sentence and ends at a comma before the other (or, the other after an inverted cue, right
    before the cue), is the subject of the sentence the cue interrupts. None when there is no
    such one."""
    subjects = [c for c in cue.children if c.dep_ in {"nsubj", "nsubjpass"}]
    before = [c for c in subjects if c.i < cue.i]
    if not before or len(subjects) < 2:
        return None
    first, doc = before[0], cue.doc
    comma = first.right_edge.i + 1
    nearest = before[-1].left_edge.i if len(before) > 1 else cue.i
    if first.left_edge.i != cue.sent.start or comma >= nearest or doc[comma].text != ",":
        return None
    return first


def _leads_into_the_saying(clause: Token, cue: Token) -> bool:
    """``Asked about the plan, she said, “It will fail.”``: a past participle without a subject
    that opens the sentence right before the interrupting cue's clause tells how the words came
    to be said, whatever the parser hung it on (not a present one: ``Putting the show together,
    he said, allowed him …`` is the reported clause's subject)."""
    doc = cue.doc
    return (clause.dep_ == "advcl" and clause.tag_ == "VBN" and clause.i < cue.i
            and not any(c.dep_ in CLAUSE_SUBJECT_DEPS or c.dep_ in {"mark", "aux", "auxpass"} for c in clause.children)
            and _opens_the_sentence(clause)
            and clause.right_edge.i + 1 < len(doc) and doc[clause.right_edge.i + 1].text == ","
            and all(t.is_punct for t in doc[clause.right_edge.i + 1 : _first_word(cue).i]))


def _opens_the_sentence(phrase: Token) -> bool:
    """Whether *phrase* opens its sentence, past punctuation (an opening quotation mark)."""
    return all(t.is_punct for t in phrase.doc[phrase.sent.start : phrase.left_edge.i])


def _first_word(cue: Token) -> Token:
    """The first word of *cue*'s clause, past the punctuation the parser hung on it."""
    return next(t for t in cue.subtree if not t.is_punct)


_OPENING_DEPS = {"advcl", "advmod", "npadvmod"}


def displaced_opening(cue: Token) -> Token | None:
    """``If she becomes president, Clinton suggested in a tweet, women won’t be punished``,
    ``Instead, Trump told CNN, his policy would …``: an adverbial that opens the sentence, ends
    at a comma right before the interrupting cue's subject and that the parser hung on the cue
    belongs to the sentence the cue interrupts (``Asked about it, she said, …``, a participle
    without a subject of its own, is the cue's). None when there is no such one."""
    subjects = [c for c in cue.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i < cue.i]
    if not subjects:
        return None
    subject, doc = subjects[-1], cue.doc
    for child in cue.children:
        if child.dep_ not in _OPENING_DEPS or child.i > subject.i:
            continue
        comma = child.right_edge.i + 1
        if not _opens_the_sentence(child) or comma != subject.left_edge.i - 1 or doc[comma].text != ",":
            continue
        if child.dep_ == "advcl" and not has_clause_subject(child):
            continue
        return child
    return None


def _set_off_by_commas(cue: Token) -> bool:
    """``The plan, he said, is bad`` / ``Talks are continuing, he said.``: an attribution clause
    (a cue with its subject) between commas (or a comma and the full stop) inside the sentence
    it reports; ``As the Post reported, …`` / ``As reported by the Post, …``: an *as* clause
    that opens the sentence, its source the subject or the agent."""
    mark = next((c for c in cue.children if c.dep_ == "mark"), None)
    as_clause = mark is not None and mark.lower_ == "as" and "clause" in cue_entry(cue).content
    sourced = _has_referring_subject(cue) or as_clause and any(c.dep_ == "agent" for c in cue.children)
    if not sourced or cue.dep_ not in {"parataxis", "ccomp", "advcl"} or cue.head.pos_ not in {"VERB", "AUX"}:
        return False
    if cue.tag_ == "VBG" and not any(c.dep_ == "aux" for c in cue.children):
        return False  # "…,” said Robin Maynard, half joking": how he said it, not a clause of its own
    if mark is not None and not as_clause:
        # "…, as the crowd applauded", "…, when she spoke": a subordinate clause says when, not
        # who said what; "…, as one adviser pointed out, …" does.
        return False
    subject, opening = displaced_subject(cue), displaced_opening(cue)
    displaced = [t for d in (subject, opening) if d is not None for t in d.subtree]
    clause = sorted((t for t in cue.subtree if t not in displaced), key=POSITION)
    while len(clause) > 1 and clause[0].is_punct:
        clause.pop(0)
    while len(clause) > 1 and clause[-1].is_punct:
        clause.pop()
    doc = cue.doc
    first, last = clause[0], clause[-1]
    before = doc[first.i - 1] if first.i > 0 else None
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    # (after a conjunction that opens the sentence too: "But as Clyburn noted, …")
    opens = as_clause and (first.is_sent_start or before is None or before.is_sent_start and before.dep_ == "cc") \
        and after is not None and after.text == ","
    if subject is None and opening is not None and after is not None and after.text == "," \
            and after.i + 1 < len(doc) and doc[after.i + 1].text in QUOTE_OPENERS:
        # "After Brown criticized him, Hillary shot back, “I suppose …”": an opening adverbial
        # the parser hung on the cue, and a quotation after it, introduced, not interrupted
        return False
    # (or a quotation mark: "Cruz, Blackwell wrote “has consistently demonstrated …”")
    return opens or (before is not None and before.text in {",", "—", "–"}
                     and (after is None or after.text in {",", ".", "—", "–", ";"} or after.is_space
                          or after.text in QUOTE_OPENERS))


def _by_word(phrases: tuple[tuple[str, ...], ...]) -> dict[str, list[tuple[tuple[str, ...], int]]]:
    """Each word of *phrases*, with the phrase and the word's place in it."""
    index: dict[str, list[tuple[tuple[str, ...], int]]] = {}
    for phrase in phrases:
        for place, word in enumerate(phrase):
            index.setdefault(word, []).append((phrase, place))
    return index


_SET_PHRASE_WORDS = _by_word(SET_PHRASES)


def in_set_phrase(token: Token) -> bool:
    """Whether *token* is a word of a set phrase that attributes nothing (``according to
    plan``; ``All told, …``, ``That said, …`` when they open a clause)."""
    doc = token.doc
    for phrase, place in _SET_PHRASE_WORDS.get(token.lower_, ()):
        start = token.i - place
        if start < 0 or start + len(phrase) > len(doc):
            continue
        opens = start == 0 or doc[start].is_sent_start or doc[start - 1].is_punct
        if all(doc[start + k].lower_ == word for k, word in enumerate(phrase)) and (opens or phrase[-1] != ","):
            return True
    return False


def _message_before_colon(noun: Token) -> Frame | None:
    """``Her message was simple: “Vote.”``, ``His answer: “No.”``: someone's message, answer
    or response (its owner the speaker), alone or as the subject of a copula with at most an
    adjective, right before a colon: the quotation after the colon is its words. The frame has
    no content of its own; the join gives it the quotation after the colon."""
    if not any(c.dep_ == "poss" for c in noun.children):
        return None
    doc = noun.doc
    end = noun.i + 1
    if noun.dep_ in {"nsubj", "nsubjpass"} and noun.head.lemma_ == "be" and noun.head.i == end:
        end += 1  # "was"
        while end < len(doc) and doc[end].head.i == noun.head.i and doc[end].pos_ in {"ADJ", "ADV"}:
            end = doc[end].right_edge.i + 1  # "simple", "swift and angry"
    elif noun.dep_ not in {"ROOT", "nsubj"}:
        return None
    if end >= len(doc) or doc[end].text != ":":
        return None
    return Frame([noun], [], Rule.QUOTE, list(doc[noun.left_edge.i : end]))


def _put_out(noun: Token) -> bool:
    """A noun for words someone puts out (``statement``, ``response``, ``notice``) as the object
    of a verb that puts it out (``issued``, ``delivered``, ``gave``)."""
    lemma = noun.lemma_.lower()
    return (lemma in MESSAGE_NOUNS or lemma in ISSUED) and noun.head.lemma_.lower() in ISSUING_VERBS


_MAX_ISSUED_TAIL = 6  # words between the noun and the colon: "issued a statement [late on Monday]:"


def _issued_before_colon(noun: Token) -> Frame | None:
    """``Trump issued the following statement:``, ``The agency put out a statement on Monday:``:
    a message put out (see :func:`_put_out`) by a verb outside the cue lexicon (a cue of the
    lexicon has a frame of its own) with a subject, who puts it out, and only that verb's
    adjuncts between the noun and a colon. The frame has no content of its own; the join gives
    it the quotation after the colon; its cue runs from the verb to the noun."""
    verb, doc = noun.head, noun.doc
    if verb.i > noun.i or verb.pos_ != "VERB" or cue_entry(verb) is not None or is_passive(verb) \
            or not has_clause_subject(verb):
        return None
    colon = noun.i + 1  # (the parser may hang the quotation itself on the noun)
    stop = min(len(doc), colon + _MAX_ISSUED_TAIL)
    while colon < stop and doc[colon].text != ":":
        if doc[colon].pos_ in {"VERB", "AUX"} or not verb.is_ancestor(doc[colon]):
            return None
        colon += 1
    if colon >= len(doc) or doc[colon].text != ":":
        return None
    clause = [t for t in verb.subtree if t.i < colon]
    return Frame(list(doc[verb.i : noun.i + 1]), [], Rule.QUOTE, clause)


_MAX_LEAD_SPEAKER = 10  # words between "Said" and the colon: "Said Sen. John Kennedy, R-La.:"


def _inverted_lead(token: Token) -> Frame | None:
    """``Said Lopez: “We're ready.”``, ``Added Smith, “It is over.”``: a sentence that opens with
    the cue, then who speaks, then a colon or comma and a quotation. The parser reads the cue as
    part of the name (``Said`` a compound of ``Lopez``) or the speaker as its object; the words
    up to the colon say who."""
    if leading_cue_entry(token) is None:
        return None
    doc = token.doc

    def opens_after(k: int) -> bool:  # (a colon may end the line: "Stated Stone:" and the quotation below)
        k += 1
        if doc[k - 1].text == ":":
            while k < len(doc) and doc[k].is_space:
                k += 1
        return k < len(doc) and doc[k].text in QUOTE_OPENERS

    end = next((k for k in range(token.i + 1, min(len(doc), token.i + 2 + _MAX_LEAD_SPEAKER))
                if doc[k].text in {":", ","} and opens_after(k)
                and not (doc[k].text == "," and doc[k - 1].text in {"Jr", "Jr.", "Sr."})), None)
    if end is None:
        return None
    named = list(doc[token.i + 1 : end])
    while named and named[-1].text == ",":
        named.pop()
    if not named or any(t.pos_ in {"VERB", "AUX"} or t.text in QUOTE_OPENERS for t in named) \
            or not any(t.pos_ in {"PROPN", "NOUN", "PRON"} for t in named):
        return None
    return Frame([token], [], Rule.QUOTE, list(doc[token.i : end + 1]), named=tuple(named))


def _title_case_cue(token: Token, sent: Span, options: Options) -> Frame | None:
    """``Hillary Clinton Endorses Ted Cruz``, ``Obama Urges Britain to Remain in EU``: in a title
    the tagger takes a capitalised verb for a name. A word in the third person whose stem is a
    cue verb of the lexicon with a direct object or a clause is the cue; the rest of the line (up
    to a colon) is the content; the words before it say who."""
    lower = token.lower_
    if not lower.endswith("s") or not any(t.pos_ in {"PROPN", "NOUN", "PRON"} for t in sent[: token.i - sent.start]):
        return None
    stems = (lower[:-1], lower[:-2], lower[:-3] + "y") if lower.endswith("es") else (lower[:-1],)
    entry = next((CUES[w] for w in stems if w in CUES), None)
    if entry is None or not {"object", "clause"} & set(entry.content):
        return None
    rest = []
    for t in sent[token.i - sent.start + 1:]:
        if t.text == ":" or "\n" in t.text:
            break
        rest.append(t)
    while rest and (rest[-1].is_punct or rest[-1].is_space):
        rest.pop()
    if len(rest) < 2:
        return None
    content = content_spans(rest, keep_that=options.content_that)
    return Frame([token], content, Rule.OBJECT, _clause_tokens(token, content))


def _according_to(according: Token, options: Options) -> Frame | None:
    to = next(c for c in according.children if c.lower_ == "to")
    objs = [c for c in to.children if c.dep_ == "pobj"]
    if not objs:
        return None
    head = according.head
    own = set(according.subtree)
    copular = _said_to_be_according(according)
    if copular is not None:  # "That’s according to early exit polls": what the polls say is the subject
        copula, subject = copular
        own = (own - set(subject.subtree)) | {copula}
        return Frame([according, to], content_spans(list(subject.subtree), keep_that=options.content_that),
                     Rule.ACCORDING_TO, sorted(own, key=POSITION))
    if head.i == according.i:
        return Frame([according, to], [], Rule.ACCORDING_TO, list(own))
    root = head
    while root.dep_ not in {"ROOT"} and root.pos_ not in {"VERB", "AUX"}:
        root = root.head
    if root.dep_ == "conj" and root.head.i < according.i < root.left_edge.i and any(
            c.dep_ == "cc" and c.lower_ in _CONTRASTING for c in root.head.children):
        root = root.head  # "A, according to a CNN tally, but B": the clause before is A
    while root.dep_ == "conj" and root.i < according.i and root.head.pos_ in {"VERB", "AUX"}:
        root = root.head  # "A, B and C, according to the results": all three clauses
    tokens = [t for t in root.subtree if t not in own]
    tokens = _before_next_clause(tokens, according, own)
    return Frame([according, to], content_spans(tokens, keep_that=options.content_that), Rule.ACCORDING_TO,
                 sorted(own, key=POSITION))


def _said_to_be_according(according: Token) -> tuple[Token, Token] | None:
    """``That’s according to …``: the copula right before *according* and its subject, when the
    *according to* phrase is the copula's only complement; the parser makes the copula the head
    or, reading a progressive, an auxiliary of *according*. None otherwise."""
    doc = according.doc
    copula = doc[according.i - 1] if according.i > 0 else None
    if copula is None or not (copula.lemma_ == "be" or copula.lower_ in {"'s", "’s"} and copula.tag_ == "VBZ"):
        return None
    head = according if copula.head.i == according.i else copula
    if head is copula and according.head.i != copula.i:
        return None
    rest = [c for c in head.children if c.i not in {according.i, copula.i} and not c.is_punct
            and not (head is according and c.lower_ == "to")]
    subjects = [c for c in rest if c.dep_ in {"nsubj", "nsubjpass"} and c.i < copula.i]
    return (copula, subjects[0]) if len(subjects) == 1 and len(rest) == 1 else None


def finding_of(prep: Token) -> Token | None:
    """``in a new poll``, ``in the RealClearPolitics average of polls``: the noun whose findings
    the phrase cites, or None."""
    noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if noun is None:
        return None
    if noun.lemma_.lower() in FINDING_NOUNS:
        return noun
    if noun.lemma_.lower() != "average":
        return None
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    inner = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return noun if inner is not None and inner.lemma_.lower() in FINDING_NOUNS else None


def _in_finding(prep: Token, options: Options) -> Frame | None:
    """``In a new Quinnipiac poll, 47 percent back the plan`` / ``Trump leads by nine points in
    the latest survey``: the main clause the phrase stands in is what the poll found (with a cue
    of its own, ``In the poll, 38 percent said …``, that cue's quote is nested in it)."""
    root, tokens = _clause_around(prep)
    if root.dep_ != "ROOT":
        return None  # "…, who is third in the polls", "because he is ahead in the polls": a side remark
    words = [t for t in tokens if not t.is_punct]
    if not words or words[0].i < prep.i < words[-1].i:
        return None  # "His support among women in the poll is a record low": a phrase inside its clause
    content = content_spans(tokens, keep_that=options.content_that)
    if not content:
        return None
    return Frame([prep], content, Rule.FINDING, sorted(prep.subtree, key=POSITION))


def _clause_around(prep: Token) -> tuple[Token, list[Token]]:
    """The clause a prepositional phrase stands in (its verb, or the sentence's root) and that
    clause's words without the phrase's."""
    root = prep.head
    while root.dep_ != "ROOT" and root.pos_ not in {"VERB", "AUX"}:
        root = root.head
    own = set(prep.subtree)
    return root, [t for t in root.subtree if t not in own]


def viewpoint_of(word: Token) -> tuple[list[Token], Token, Mode] | None:
    """``In Bolton’s view``, ``in the words of a senior adviser``, ``by her own admission``, ``to
    his mind`` (the nouns of ``viewpoints.tsv``), ``To many voters`` opening a sentence, from its
    preposition or any cue word: the phrase's cue words, the one whose view, words or count it
    gives (the noun's possessor, the object of ``of`` after ``the``, or of a bare ``to``) and its
    mode; None for any other phrase (``in other words``, ``by one estimate``, ``in the view of
    the river``: a holder who cannot speak)."""
    prep = word if word.dep_ == "prep" else word.head if word.dep_ == "pobj" else word.head.head if word.dep_ == "amod" else None
    if prep is None or prep.lower_ not in _VIEWPOINT_PREPOSITIONS:
        return None
    noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
    entry = VIEWPOINTS.get(noun.lemma_.lower()) if noun is not None else None
    if entry is None and noun is not None and _to_someone(prep, noun):
        return [prep], noun, Mode.THOUGHT  # "To many voters, …": the object itself
    if entry is None or prep.lower_ not in entry.prepositions:
        return None
    holder = next((c for c in noun.children if c.dep_ == "poss"), None)
    own = next((c for c in noun.children if c.lower_ == "own" and c.i == noun.i - 1), None)
    cue = [noun] if own is None else [own, noun]  # "her [own admission]"
    if holder is None:
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        holder = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if holder is None or of.i != noun.i + 1 or noun.i != prep.i + 2 or prep.doc[prep.i + 1].lower_ != "the":
            return None
        cue = [prep, prep.doc[prep.i + 1], noun, of]
    if not (can_speak(holder) or holder.tag_ == "PRP$"):
        return None
    return cue, holder, entry.mode


_VIEWPOINT_PREPOSITIONS = frozenset({"to"}.union(*(v.prepositions for v in VIEWPOINTS.values())))


def _to_someone(prep: Token, noun: Token) -> bool:
    """``To Frank, issues of class get attention``, ``To White House officials, it was a show of
    respect``: a sentence opening with ``to`` and someone who can hold a view (not ``To date``,
    ``To stop Cruz``)."""
    sent = prep.sent
    opens = prep.i == sent.start or prep.i == sent.start + 1 and sent[0].text in QUOTE_OPENERS
    return opens and prep.lower_ == "to" and noun.ent_type_ not in TIME_ENTITIES and can_speak(noun)


def _set_off(tokens: list[Token]) -> bool:
    """Whether a phrase opens its sentence or stands between commas (or a comma and the
    sentence's end): ``In his view, …``, ``…, in the words of a senior adviser, …``."""
    first, last = tokens[0], tokens[-1]
    doc, sent = first.doc, first.sent
    before = doc[first.i - 1] if first.i > sent.start else None
    after = doc[last.i + 1] if last.i + 1 < sent.end else None
    opens = before is None or before.text in QUOTE_OPENERS and before.i == sent.start
    return (opens or before.text == ",") and after is not None and (
        after.text == "," or not opens and after.text in {".", "!", "?"})


def _speech_act(token: Token) -> bool:
    """A cue with a subject of its own, active and not an infinitive (``he accused``, not ``for
    insiders to push through``, ``how the convention is run``)."""
    return cue_entry(token) is not None and has_clause_subject(token) \
        and not is_infinitive(token) and not is_passive(token)


def _viewpoint(prep: Token, cue: list[Token], options: Options) -> Frame | None:
    """``In Bolton’s view, the change would have a profound impact``, ``Mrs. Clinton was, in the
    words of a senior adviser, “the torchbearer” of his legacy``: the clause the phrase is set
    off in is its holder's view or words, as after ``according to`` (the holder: see
    :mod:`quoteapi.extract.speakers`); *cue*: the phrase's cue words (:func:`viewpoint_of`)."""
    phrase = sorted(prep.subtree, key=POSITION)
    if not _set_off(phrase):
        return None  # "tears in his eyes", "put it in his own words": no one's view of a clause
    root, tokens = _clause_around(prep)
    if root.pos_ not in {"VERB", "AUX"} or not has_clause_subject(root):
        return None  # a clause with a subject of its own, not a noun's modifier
    if any(_speech_act(t) for t in tokens):
        return None  # "In his view, he said, …", "In his view, even as he accused …": someone's speech act inside
    content = content_spans(tokens, keep_that=options.content_that)
    if not content:
        return None
    return Frame(cue, content, Rule.VIEWPOINT, phrase)


def _before_next_clause(tokens: list[Token], according: Token, own: set[Token]) -> list[Token]:
    """``A, according to a CNN tally, but B`` / ``…, according to polling, even as B``: a
    clause that a conjunction or a subordinator opens right after the phrase is not its content."""
    end = max(t.i for t in own)
    doc = according.doc
    k = end + 1
    while k < len(doc) and doc[k].is_punct:
        k += 1
    if k >= len(doc) or not any(t.i < according.i for t in tokens):
        return tokens
    opens = doc[k].lower_ in _CONTRASTING  # ("A, according to X, and B": PolNeAR takes B in as often as not)
    return [t for t in tokens if t.i < according.i] if opens else tokens


def doc_frames(doc: Doc, headline, options: Options = DEFAULT, boundary=None,
               read: dict[int, set[int]] | None = None) -> list[Frame]:
    """Frames of every sentence; in a sentence for which ``headline(sent)`` is true, only the
    clausal ones (``Mayor Says Budget Will Pass``): a title line does not report otherwise."""
    out: list[Frame] = []
    for sent in doc.sents:
        frames = frames_in(sent, options, boundary, read)
        out.extend(f for f in frames if f.rule == Rule.CCOMP) if headline(sent) else out.extend(frames)
    return out
