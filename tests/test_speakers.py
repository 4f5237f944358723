"""The speaker stage on small hand-built docs: each rule without the statistical model, so that a
model upgrade moves the end-to-end tests, not these."""
import pytest
import spacy
from spacy.tokens import Doc

from quoteapi.extract.speakers import SpeakerStage, in_dateline, is_speaker_name, syntactic_source
from quoteapi.extract.types import Candidate, Cue
from quoteapi.extract.vocab import Mode, QuoteType, Rule, SpeakerFrom, SpeakerKind


VOCAB = spacy.blank("en").vocab  # English lexical attributes (is_alpha, is_upper…), no model


def build(rows):
    """A parsed Doc from rows of (word, head index, dep, pos[, entity label[, lemma]]); an
    entity label opens a new entity (B-) unless it starts with "I-"."""
    words = [r[0] for r in rows]
    ents = []
    for r in rows:
        label = r[4] if len(r) > 4 else ""
        ents.append("O" if not label else label if label.startswith("I-") else f"B-{label}")
    lemmas = [r[5] if len(r) > 5 else r[0].lower() for r in rows]
    spaces = [i + 1 < len(words) and words[i + 1] not in {".", ",", "”"} and words[i] not in {"“"}
              for i in range(len(words))]
    return Doc(VOCAB, words=words, spaces=spaces, heads=[r[1] for r in rows], deps=[r[2] for r in rows],
               pos=[r[3] for r in rows], ents=ents, lemmas=lemmas)


def candidate(doc, first, last, cue, rule=Rule.CCOMP, qtype=QuoteType.INDIRECT):
    """A candidate whose content is tokens first…last and whose cue is token *cue*."""
    start, end = doc[first].idx, doc[last].idx + len(doc[last].text)
    c = doc[cue]
    return Candidate(type=qtype, mode=Mode.SPEECH, parts=((start, end),), rule=rule,
                     cue=Cue(c.idx, c.idx + len(c.text), c.text, c.lemma_), cue_token=c)


def attribute(doc, *candidates):
    return SpeakerStage(doc, doc.text).run(list(candidates))


def test_subject_and_agent():
    doc = build([("The", 1, "det", "DET"), ("plan", 3, "nsubjpass", "NOUN"), ("was", 3, "auxpass", "AUX"),
                 ("announced", 3, "ROOT", "VERB", "", "announce"), ("by", 3, "agent", "ADP"),
                 ("Porter", 4, "pobj", "PROPN", "PERSON")])
    source = syntactic_source(doc[3])
    assert (source.head.text, source.how) == ("Porter", SpeakerFrom.AGENT)


def test_the_subject_after_an_inverted_interrupting_cue_speaks():
    # "The plan, said the mayor, is dead": the parser hangs both subjects on "said"
    doc = build([("The", 1, "det", "DET"), ("plan", 3, "nsubj", "NOUN"), (",", 3, "punct", "PUNCT"),
                 ("said", 7, "parataxis", "VERB", "", "say"), ("the", 5, "det", "DET"), ("mayor", 3, "nsubj", "NOUN"),
                 (",", 3, "punct", "PUNCT"), ("is", 7, "ROOT", "AUX"), ("dead", 7, "acomp", "ADJ"), (".", 7, "punct", "PUNCT")])
    source = syntactic_source(doc[3])
    assert (source.head.text, source.how) == ("mayor", SpeakerFrom.SUBJECT)


def test_participle_takes_the_speaker_of_the_governing_cue():
    doc = build([("Porter", 1, "nsubj", "PROPN", "PERSON"), ("warned", 1, "ROOT", "VERB", "", "warn"),
                 ("rain", 3, "nsubj", "NOUN"), ("fell", 1, "ccomp", "VERB"), (",", 1, "punct", "PUNCT"),
                 ("adding", 1, "advcl", "VERB", "", "add"), ("snow", 7, "nsubj", "NOUN"), ("came", 5, "ccomp", "VERB")])
    source = syntactic_source(doc[5])
    assert (source.head.text, source.how) == ("Porter", SpeakerFrom.PARTICIPLE)


def test_a_coordinated_participle_climbs_to_the_subject_of_the_clause():
    # "Biden hit the trail, trashing Trump and accusing him …": Biden, not the name before "and"
    doc = build([("Biden", 1, "nsubj", "PROPN", "PERSON"), ("hit", 1, "ROOT", "VERB"), ("it", 1, "dobj", "PRON"),
                 (",", 1, "punct", "PUNCT"), ("trashing", 1, "advcl", "VERB", "", "trash"),
                 ("Trump", 4, "dobj", "PROPN", "PERSON"), ("and", 4, "cc", "CCONJ"),
                 ("accusing", 4, "conj", "VERB", "", "accuse"), ("him", 7, "dobj", "PRON")])
    doc[4].tag_, doc[7].tag_ = "VBG", "VBG"
    source = syntactic_source(doc[7])
    assert (source.head.text, source.how) == ("Biden", SpeakerFrom.CONJUNCT)


def test_a_dateline_taken_for_the_subject_gives_way_to_the_name_after_it():
    # "New York (AFP) – Joe Biden hit the trail, trashing Trump": Biden, not the dateline or Trump
    doc = build([("New", 1, "compound", "PROPN", "GPE"), ("York", 8, "nsubj", "PROPN", "I-GPE"),
                 ("(", 3, "punct", "PUNCT"), ("AFP", 1, "appos", "PROPN", "ORG"), (")", 1, "punct", "PUNCT"),
                 ("–", 1, "punct", "PUNCT"), ("Joe", 7, "compound", "PROPN", "PERSON"),
                 ("Biden", 1, "appos", "PROPN", "I-PERSON"), ("hit", 8, "ROOT", "VERB"),
                 ("it", 8, "dobj", "PRON"), (",", 8, "punct", "PUNCT"),
                 ("trashing", 8, "advcl", "VERB", "", "trash"), ("Trump", 11, "dobj", "PROPN", "PERSON")])
    doc[11].tag_ = "VBG"
    source = syntactic_source(doc[11])
    assert (source.head.text, source.how) == ("Biden", SpeakerFrom.PARTICIPLE)


def test_a_passive_clause_without_its_agent_names_nobody():
    # "Dunn showed no emotion as the verdict was read (by the clerk)": not Dunn; the clerk
    rows = [("Dunn", 1, "nsubj", "PROPN", "PERSON"), ("showed", 1, "ROOT", "VERB", "", "show"),
            ("emotion", 1, "dobj", "NOUN"), ("as", 6, "mark", "SCONJ"), ("verdict", 6, "nsubjpass", "NOUN"),
            ("was", 6, "auxpass", "AUX", "", "be"), ("read", 1, "advcl", "VERB")]
    assert syntactic_source(build(rows)[6]) is None
    doc = build(rows + [("by", 6, "agent", "ADP"), ("Lee", 7, "pobj", "PROPN", "PERSON")])
    source = syntactic_source(doc[6])
    assert (source.head.text, source.how) == ("Lee", SpeakerFrom.AGENT)


def test_a_passive_sharing_its_subject_names_nobody():
    # "The league declined to comment but is expected to review it": the league does not expect
    doc = build([("The", 1, "det", "DET"), ("league", 2, "nsubj", "NOUN"),
                 ("declined", 2, "ROOT", "VERB", "", "decline"), ("to", 4, "aux", "PART"),
                 ("comment", 2, "xcomp", "VERB"), ("but", 2, "cc", "CCONJ"), ("is", 7, "auxpass", "AUX", "", "be"),
                 ("expected", 2, "conj", "VERB", "", "expect"), ("to", 9, "aux", "PART"),
                 ("review", 7, "xcomp", "VERB"), ("it", 9, "dobj", "PRON")])
    assert syntactic_source(doc[7]) is None


def test_a_lost_subject_is_never_an_owner():
    # "Ellis, despite Trump's rise, noted it", the parser having lost Ellis: Ellis, not Trump
    from quoteapi.extract.speakers import _nearest_named_left
    doc = build([("Ellis", 7, "dep", "PROPN", "PERSON"), (",", 7, "punct", "PUNCT"), ("despite", 7, "prep", "ADP"),
                 ("Trump", 5, "poss", "PROPN", "PERSON"), ("'s", 3, "case", "PART"), ("rise", 2, "pobj", "NOUN"),
                 (",", 7, "punct", "PUNCT"), ("noted", 7, "ROOT", "VERB", "", "note"), ("it", 7, "dobj", "PRON")])
    source = _nearest_named_left(doc[7])
    assert (source.head.text, source.how) == ("Ellis", SpeakerFrom.NEAREST_NAME)
    doc = build([("despite", 5, "prep", "ADP"), ("Trump", 3, "poss", "PROPN", "PERSON"), ("'s", 1, "case", "PART"),
                 ("rise", 0, "pobj", "NOUN"), (",", 5, "punct", "PUNCT"), ("noted", 5, "ROOT", "VERB", "", "note"),
                 ("it", 5, "dobj", "PRON")])
    assert _nearest_named_left(doc[5]) is None  # without Ellis: nobody


def test_the_object_of_a_verb_of_object_control_says_the_participle_after_it():
    # "The decision left voters wondering whether it worked": the voters wonder
    doc = build([("The", 1, "det", "DET"), ("decision", 2, "nsubj", "NOUN"), ("left", 2, "ROOT", "VERB", "", "leave"),
                 ("voters", 2, "dobj", "NOUN", "", "voter"), ("wondering", 2, "xcomp", "VERB", "", "wonder"),
                 ("whether", 7, "mark", "SCONJ"), ("it", 7, "nsubj", "PRON"), ("worked", 4, "ccomp", "VERB")])
    doc[4].tag_ = "VBG"
    source = syntactic_source(doc[4])
    assert (source.head.text, source.how) == ("voters", SpeakerFrom.PARTICIPLE)
    # "Ellis kept reporters waiting, saying it worked": past the object's own participle, Ellis
    doc = build([("Ellis", 1, "nsubj", "PROPN", "PERSON"), ("kept", 1, "ROOT", "VERB", "", "keep"),
                 ("reporters", 1, "dobj", "NOUN", "", "reporter"), ("waiting", 1, "xcomp", "VERB", "", "wait"),
                 (",", 1, "punct", "PUNCT"), ("saying", 1, "advcl", "VERB", "", "say"), ("it", 7, "nsubj", "PRON"),
                 ("worked", 5, "ccomp", "VERB")])
    doc[3].tag_, doc[5].tag_ = "VBG", "VBG"
    source = syntactic_source(doc[5])
    assert (source.head.text, source.how) == ("Ellis", SpeakerFrom.PARTICIPLE)


def test_the_object_of_with_says_the_participle_that_completes_it():
    # "Critics went further, with Ellis calling it a farce": Ellis, not the critics
    doc = build([("Critics", 1, "nsubj", "NOUN", "", "critic"), ("went", 1, "ROOT", "VERB", "", "go"),
                 ("further", 1, "advmod", "ADV"), (",", 1, "punct", "PUNCT"), ("with", 1, "prep", "ADP"),
                 ("Ellis", 4, "pobj", "PROPN", "PERSON"), ("calling", 4, "pcomp", "VERB", "", "call"),
                 ("it", 6, "dobj", "PRON"), ("a", 9, "det", "DET"), ("farce", 6, "oprd", "NOUN")])
    doc[6].tag_ = "VBG"
    source = syntactic_source(doc[6])
    assert (source.head.text, source.how) == ("Ellis", SpeakerFrom.PARTICIPLE)


def test_a_thing_past_a_participle_does_not_speak():
    # "The measures included cuts, delaying refunds and considering whether …": no speaker
    doc = build([("The", 1, "det", "DET"), ("measures", 2, "nsubj", "NOUN", "", "measure"),
                 ("included", 2, "ROOT", "VERB", "", "include"), ("cuts", 2, "dobj", "NOUN", "", "cut"),
                 (",", 2, "punct", "PUNCT"), ("delaying", 2, "advcl", "VERB", "", "delay"),
                 ("refunds", 5, "dobj", "NOUN"), ("and", 5, "cc", "CCONJ"),
                 ("considering", 5, "conj", "VERB", "", "consider"), ("it", 8, "dobj", "PRON")])
    doc[5].tag_, doc[8].tag_ = "VBG", "VBG"
    assert syntactic_source(doc[8]) is None


def test_a_name_in_a_title_is_no_lost_subject():
    # "Kasich offered the man a job as Secretary of Defense, then says …" (parsed with "offered"
    # under "says"): not Defense
    doc = build([("Kasich", 1, "nsubj", "PROPN", "PERSON"), ("offered", 8, "ccomp", "VERB"),
                 ("a", 3, "det", "DET"), ("job", 1, "dobj", "NOUN"), ("as", 3, "prep", "ADP"),
                 ("Secretary", 4, "pobj", "PROPN", "", "secretary"), ("of", 5, "prep", "ADP"),
                 ("Defense", 6, "pobj", "PROPN", "ORG"), ("says", 8, "ROOT", "VERB", "", "say"),
                 ("he", 10, "nsubj", "PRON"), ("won", 8, "ccomp", "VERB")])
    assert syntactic_source(doc[8]) is None


def test_the_object_of_the_verb_an_infinitive_cue_completes_says_it():
    # "The union urged its members to say no": the members say it
    doc = build([("The", 1, "det", "DET"), ("union", 2, "nsubj", "NOUN"), ("urged", 2, "ROOT", "VERB", "", "urge"),
                 ("its", 4, "poss", "PRON"), ("members", 2, "dobj", "NOUN", "", "member"), ("to", 6, "aux", "PART"),
                 ("say", 2, "xcomp", "VERB"), ("no", 6, "dobj", "INTJ")])
    source = syntactic_source(doc[6])
    assert (source.head.text, source.how) == ("members", SpeakerFrom.PARTICIPLE)


def test_the_subject_of_the_verb_an_infinitive_cue_completes_says_it_before_the_cue_above():
    # "Pitman wrote that the state had failed to show …": the state failed to show it
    doc = build([("Pitman", 1, "nsubj", "PROPN", "PERSON"), ("wrote", 1, "ROOT", "VERB", "", "write"),
                 ("that", 5, "mark", "SCONJ"), ("the", 4, "det", "DET"), ("state", 5, "nsubj", "NOUN"),
                 ("failed", 1, "ccomp", "VERB", "", "fail"), ("to", 7, "aux", "PART"),
                 ("show", 5, "xcomp", "VERB"), ("it", 9, "nsubj", "PRON"), ("worked", 7, "ccomp", "VERB")])
    source = syntactic_source(doc[7])
    assert (source.head.text, source.how) == ("state", SpeakerFrom.PARTICIPLE)


def test_a_verb_coordinated_too_low_takes_the_speaker_above_a_subject_that_cannot_speak():
    # "Putin forecast that prices would rise and praised Kerry": Putin praised him, not the prices
    doc = build([("Putin", 1, "nsubj", "PROPN", "PERSON"), ("forecast", 1, "ROOT", "VERB"),
                 ("that", 5, "mark", "SCONJ"), ("prices", 5, "nsubj", "NOUN", "", "price"),
                 ("would", 5, "aux", "AUX"), ("rise", 1, "ccomp", "VERB"), ("and", 5, "cc", "CCONJ"),
                 ("praised", 5, "conj", "VERB", "", "praise"), ("Kerry", 7, "dobj", "PROPN", "PERSON")])
    source = syntactic_source(doc[7])
    assert (source.head.text, source.how) == ("Putin", SpeakerFrom.CONJUNCT)


def test_a_cue_coordinated_with_a_reported_verb_takes_the_speaker_of_the_cue_above():
    # "Reyes acknowledged that the company had learned lessons but insisted that it had added
    # crews": Reyes insisted, not the company, though the company can speak
    doc = build([("Reyes", 1, "nsubj", "PROPN", "PERSON"), ("acknowledged", 1, "ROOT", "VERB", "", "acknowledge"),
                 ("that", 5, "mark", "SCONJ"), ("the", 4, "det", "DET"), ("company", 5, "nsubj", "NOUN"),
                 ("learned", 1, "ccomp", "VERB", "", "learn"), ("lessons", 5, "dobj", "NOUN", "", "lesson"),
                 ("but", 5, "cc", "CCONJ"), ("insisted", 5, "conj", "VERB", "", "insist"),
                 ("that", 11, "mark", "SCONJ"), ("it", 11, "nsubj", "PRON"), ("added", 8, "ccomp", "VERB", "", "add")])
    source = syntactic_source(doc[8])
    assert (source.head.text, source.how) == ("Reyes", SpeakerFrom.CONJUNCT)


def test_a_participle_never_takes_a_subject_inside_the_quotation_it_introduces():
    # "Clinton seemed ready, telling the crowd, “People get carried away”" parsed with "telling"
    # hanging on "get": Clinton, not People
    doc = build([("Clinton", 1, "nsubj", "PROPN", "PERSON"), ("seemed", 1, "ROOT", "VERB"),
                 ("ready", 1, "oprd", "ADJ"), (",", 1, "punct", "PUNCT"), ("telling", 9, "advcl", "VERB", "", "tell"),
                 ("the", 6, "det", "DET"), ("crowd", 4, "dobj", "NOUN"), ("“", 9, "punct", "PUNCT"),
                 ("People", 9, "nsubj", "NOUN", "", "people"), ("get", 1, "advcl", "VERB"),
                 ("away", 9, "advmod", "ADV"), ("”", 1, "punct", "PUNCT")])
    doc[4].tag_, doc[9].tag_ = "VBG", "VBP"
    source = syntactic_source(doc[4])
    assert (source.head.text, source.how) == ("Clinton", SpeakerFrom.PARTICIPLE)


@pytest.mark.parametrize("rows", [
    [("The", 2, "det", "DET"), ("Kremlin", 2, "compound", "PROPN", "ORG"), ("claim", 2, "ROOT", "NOUN"),
     ("that", 5, "mark", "SCONJ"), ("it", 5, "nsubj", "PRON"), ("won", 2, "acl", "VERB")],
    # "Kremlin predicts that …" with the verb tagged a noun and the name its compound
    [("The", 2, "det", "DET"), ("Kremlin", 2, "compound", "PROPN"), ("predicts", 2, "ROOT", "NOUN", "", "predict"),
     ("that", 5, "mark", "SCONJ"), ("it", 5, "nsubj", "PRON"), ("wins", 2, "ccomp", "VERB")],
])
def test_a_name_before_a_noun_cue_owns_it(rows):
    source = syntactic_source(build(rows)[2])
    assert (source.head.text, source.how) == ("Kremlin", SpeakerFrom.SUBJECT)


def test_the_subject_of_a_light_verb_owns_its_noun_cue():
    """``Trump has raised questions about …``: the noun is the object of the verb whose subject asks."""
    doc = build([("Porter", 2, "nsubj", "PROPN", "PERSON"), ("has", 2, "aux", "AUX"), ("raised", 2, "ROOT", "VERB", "", "raise"),
                 ("questions", 2, "dobj", "NOUN", "", "question"), ("about", 3, "prep", "ADP"), ("taxes", 4, "pobj", "NOUN")])
    source = syntactic_source(doc[3])
    assert (source.head.text, source.how) == ("Porter", SpeakerFrom.SUBJECT)


def test_the_subject_of_a_verb_of_receiving_is_the_target_of_its_noun_cue():
    """``Porter has faced criticism for …``: not Porter's words; ``… criticism from rivals``: theirs."""
    doc = build([("Porter", 2, "nsubj", "PROPN", "PERSON"), ("has", 2, "aux", "AUX"), ("faced", 2, "ROOT", "VERB", "", "face"),
                 ("criticism", 2, "dobj", "NOUN", "", "criticism"), ("for", 3, "prep", "ADP"), ("taxes", 4, "pobj", "NOUN")])
    assert syntactic_source(doc[3]) is None
    sourced = build([("Porter", 2, "nsubj", "PROPN", "PERSON"), ("has", 2, "aux", "AUX"), ("faced", 2, "ROOT", "VERB", "", "face"),
                     ("criticism", 2, "dobj", "NOUN", "", "criticism"), ("from", 3, "prep", "ADP"), ("rivals", 4, "pobj", "NOUN")])
    assert syntactic_source(sourced[3]).head.text == "rivals"


def test_the_subject_of_the_verb_owns_its_object_noun_cue_before_the_possessive():
    """``Porter is promoting her plans for …``: the subject speaks, not ``her``."""
    doc = build([("Porter", 2, "nsubj", "PROPN", "PERSON"), ("is", 2, "aux", "AUX"), ("promoting", 2, "ROOT", "VERB", "", "promote"),
                 ("her", 4, "poss", "PRON"), ("plans", 2, "dobj", "NOUN", "", "plan"), ("for", 4, "prep", "ADP"),
                 ("taxes", 5, "pobj", "NOUN")])
    assert syntactic_source(doc[4]).head.text == "Porter"
    alone = build([("Her", 1, "poss", "PRON"), ("plans", 1, "ROOT", "NOUN", "", "plan"), ("for", 1, "prep", "ADP"),
                   ("taxes", 2, "pobj", "NOUN")])
    assert syntactic_source(alone[1]).head.text == "Her"


def test_the_subject_of_the_verb_a_noun_cue_comes_with_owns_it():
    """``Porter stirred controversy with an assertion that …``."""
    doc = build([("Porter", 1, "nsubj", "PROPN", "PERSON"), ("stirred", 1, "ROOT", "VERB", "", "stir"),
                 ("controversy", 1, "dobj", "NOUN"), ("with", 1, "prep", "ADP"), ("an", 5, "det", "DET"),
                 ("assertion", 3, "pobj", "NOUN"), ("that", 8, "mark", "SCONJ"), ("taxes", 8, "nsubj", "NOUN"),
                 ("fell", 5, "acl", "VERB")])
    assert syntactic_source(doc[5]).head.text == "Porter"
    amid = build([("Porter", 1, "nsubj", "PROPN", "PERSON"), ("left", 1, "ROOT", "VERB", "", "leave"),
                  ("amid", 1, "prep", "ADP"), ("concern", 2, "pobj", "NOUN"), ("that", 6, "mark", "SCONJ"),
                  ("taxes", 6, "nsubj", "NOUN"), ("fell", 3, "acl", "VERB")])
    assert syntactic_source(amid[3]) is None  # "amid concern that …": a scene, not her concern

def test_a_cue_left_hanging_on_the_verb_of_its_subjects_phrase():
    """``Majorities of Democrats going to the polls say …``: the parser makes *going* the root
    and *say* a ``dep`` of it; the subject of *going* speaks (a noun, never ``That``)."""
    rows = [("Majorities", 1, "nsubj", "NOUN"), ("going", 1, "ROOT", "VERB", "", "go"), ("home", 1, "advmod", "ADV"),
            ("say", 1, "dep", "VERB", "", "say"), ("they", 5, "nsubj", "PRON"), ("won", 3, "ccomp", "VERB")]
    doc = build(rows)
    doc[3].tag_ = "VBP"
    assert syntactic_source(doc[3]).head.text == "Majorities"
    rows[0] = ("That", 1, "nsubj", "PRON")
    doc = build(rows)
    doc[3].tag_ = "VBP"
    assert syntactic_source(doc[3]) is None

def test_by_names_the_owner_of_a_noun_cue():
    doc = build([("a", 1, "det", "DET"), ("demand", 1, "ROOT", "NOUN"), ("by", 1, "prep", "ADP"),
                 ("Pelosi", 2, "pobj", "PROPN", "PERSON"), ("that", 6, "mark", "SCONJ"), ("taxes", 6, "nsubj", "NOUN"),
                 ("fall", 1, "acl", "VERB")])
    assert syntactic_source(doc[1]).head.text == "Pelosi"

def test_a_noun_cue_without_owner_has_no_syntactic_speaker():
    doc = build([("The", 1, "det", "DET"), ("claim", 1, "ROOT", "NOUN"), ("that", 4, "mark", "SCONJ"),
                 ("it", 4, "nsubj", "PRON"), ("won", 1, "acl", "VERB")])
    assert syntactic_source(doc[1]) is None

def test_a_surname_tagged_as_an_auxiliary_still_speaks():
    doc = build([("“", 2, "punct", "PUNCT"), ("We", 2, "nsubj", "PRON"), ("won", 6, "ccomp", "VERB"),
                 (",", 6, "punct", "PUNCT"), ("”", 6, "punct", "PUNCT"), ("Will", 6, "aux", "AUX"),
                 ("said", 6, "ROOT", "VERB", "", "say"), (".", 6, "punct", "PUNCT")])
    [a] = attribute(doc, candidate(doc, 1, 2, 6, Rule.QUOTE, QuoteType.DIRECT))
    assert (a.speaker.text, a.how, a.speaker.entity.name) == ("Will", SpeakerFrom.ADJACENT_NAME, "Will")


def test_the_phrase_after_an_inverted_cue_speaks_whatever_verb_the_parser_gave_it():
    # "“It was chaos,” said the driver, who … asked not to be named": the parser made "driver"
    # the subject of "asked", the relative clause's verb, and left "said" without one
    doc = build([("“", 3, "punct", "PUNCT"), ("It", 2, "nsubj", "PRON"), ("was", 6, "ccomp", "AUX"),
                 ("chaos", 2, "attr", "NOUN"), (",", 6, "punct", "PUNCT"), ("”", 6, "punct", "PUNCT"),
                 ("said", 6, "ROOT", "VERB", "", "say"), ("the", 8, "det", "DET"), ("driver", 12, "nsubj", "NOUN"),
                 (",", 8, "punct", "PUNCT"), ("who", 11, "nsubj", "PRON"), ("like", 8, "relcl", "VERB"),
                 ("asked", 6, "ccomp", "VERB", "", "ask"), (".", 6, "punct", "PUNCT")])
    source = syntactic_source(doc[6])
    assert (source.head.text, source.how) == ("driver", SpeakerFrom.SUBJECT)


def test_no_inverted_speaker_without_a_quotation_before_the_cue():
    doc = build([("Then", 1, "advmod", "ADV"), ("said", 1, "ROOT", "VERB", "", "say"), ("the", 3, "det", "DET"),
                 ("driver", 4, "nsubj", "NOUN"), ("asked", 1, "ccomp", "VERB", "", "ask"), (".", 1, "punct", "PUNCT")])
    assert syntactic_source(doc[1]) is None


def test_a_surname_tagged_as_an_adverb_after_an_inverted_cue_speaks():
    doc = build([("Tom", 1, "compound", "PROPN", "PERSON"), ("Skelly", 2, "nsubj", "PROPN", "I-PERSON"),
                 ("left", 2, "ROOT", "VERB", "", "leave"), (".", 2, "punct", "PUNCT"),
                 ("“", 6, "punct", "PUNCT"), ("It", 6, "nsubj", "PRON"), ("ended", 9, "ccomp", "VERB", "", "end"),
                 (",", 9, "punct", "PUNCT"), ("”", 9, "punct", "PUNCT"), ("said", 9, "ROOT", "VERB", "", "say"),
                 ("Skelly", 9, "advmod", "ADV"), (".", 9, "punct", "PUNCT")])
    doc[9].tag_ = "VBD"
    [a] = attribute(doc, candidate(doc, 5, 6, 9, Rule.QUOTE, QuoteType.DIRECT))
    assert (a.speaker.text, a.speaker.entity.name) == ("Skelly", "Tom Skelly")


def test_a_dateline_is_never_the_subject():
    doc = build([("WASHINGTON", 5, "nsubj", "PROPN", "GPE"), ("(", 2, "punct", "PUNCT"), ("AP", 0, "appos", "PROPN", "ORG"),
                 (")", 2, "punct", "PUNCT"), ("—", 5, "punct", "PUNCT"), ("said", 5, "ROOT", "VERB", "", "say"),
                 ("rain", 7, "nsubj", "NOUN"), ("fell", 5, "ccomp", "VERB")])
    assert in_dateline(doc[0]) and in_dateline(doc[2]) and not in_dateline(doc[6])
    assert syntactic_source(doc[5]) is None


@pytest.mark.parametrize("words, length", [
    (["WASHINGTON", "(", "AP", ")", "—", "The"], 5),
    (["Washington", "(", "AFP", ")", "–", "Democrat"], 5),  # a place in any case before an agency
    (["PHILADELPHIA", ",", "July", "29", "(", "UPI", ")", "—", "Fans"], 8),
    (["Sen.", "Mike", "Lee", "(", "R", "-", "Utah", ")", "—", "who"], 0),  # a name and a party
    (["Smith", "said", "—", "no"], 0),
    (["CUPERTINO", ",", "Calif.", "—", "Apple"], 4),  # a state in ordinary case
    (["AUSTIN", ",", "Texas", "(", "AP", ")", "—", "A"], 7),
    (["CHICAGO", ",", "Smith", "said", "—", "no"], 0),
    (["Dec", "29", "(", "Reuters", ")", "-", "U.S."], 6),  # an agency's name in title case
])
def test_dateline_length(words, length):
    from quoteapi.extract.phrases import dateline_length

    assert dateline_length(list(Doc(VOCAB, words=words))) == length


def test_a_document_speaks_for_whoever_issued_it():
    doc = build([("Ann", 1, "compound", "PROPN", "PERSON"), ("Brook", 2, "nsubj", "PROPN", "I-PERSON"),
                 ("spoke", 2, "ROOT", "VERB"), (".", 2, "punct", "PUNCT"),
                 ("Her", 5, "poss", "PRON"), ("statement", 6, "nsubj", "NOUN"), ("said", 6, "ROOT", "VERB", "", "say"),
                 ("rain", 8, "nsubj", "NOUN"), ("fell", 6, "ccomp", "VERB"), (".", 6, "punct", "PUNCT")])
    [a] = attribute(doc, candidate(doc, 7, 8, 6))
    assert (a.speaker.text, a.speaker.kind, a.speaker.entity.name) == ("Her statement", SpeakerKind.DOCUMENT, "Ann Brook")
    assert a.how == SpeakerFrom.COREFERENCE


def test_a_document_with_no_issuer_is_the_mention_alone():
    doc = build([("The", 1, "det", "DET"), ("lawsuit", 2, "nsubj", "NOUN"), ("says", 2, "ROOT", "VERB", "", "say"),
                 ("rain", 4, "nsubj", "NOUN"), ("fell", 2, "ccomp", "VERB")])
    [a] = attribute(doc, candidate(doc, 3, 4, 2))
    assert (a.speaker.text, a.speaker.kind, a.speaker.entity) == ("The lawsuit", SpeakerKind.DOCUMENT, None)


def test_coordinated_speakers_are_one_group_naming_both():
    doc = build([("Smith", 3, "nsubj", "PROPN", "PERSON"), ("and", 0, "cc", "CCONJ"), ("Jones", 0, "conj", "PROPN", "PERSON"),
                 ("said", 3, "ROOT", "VERB", "", "say"), ("rain", 5, "nsubj", "NOUN"), ("fell", 3, "ccomp", "VERB")])
    [a] = attribute(doc, candidate(doc, 4, 5, 3))
    group = a.speaker.entity
    assert (a.speaker.text, a.speaker.kind, group.kind) == ("Smith and Jones", SpeakerKind.GROUP, SpeakerKind.GROUP)
    assert [m.name for m in group.members] == ["Smith", "Jones"] and group.name == "Smith and Jones"


def _two_quotes(middle):
    """“We won,” Porter said. <middle> “We will win again.”"""
    rows = [("“", 2, "punct", "PUNCT"), ("We", 2, "nsubj", "PRON"), ("won", 6, "ccomp", "VERB"), (",", 6, "punct", "PUNCT"),
            ("”", 6, "punct", "PUNCT"), ("Porter", 6, "nsubj", "PROPN", "PERSON"), ("said", 6, "ROOT", "VERB", "", "say"),
            (".", 6, "punct", "PUNCT")]
    base = len(rows)
    rows += [(w, base + h, d, p, *rest) for w, h, d, p, *rest in middle]
    quote = len(rows)
    rows += [("“", quote + 3, "punct", "PUNCT"), ("We", quote + 3, "nsubj", "PRON"), ("will", quote + 3, "aux", "AUX"),
             ("win", quote + 3, "ROOT", "VERB"), ("again", quote + 3, "advmod", "ADV"), (".", quote + 3, "punct", "PUNCT"),
             ("”", quote + 3, "punct", "PUNCT")]
    doc = build(rows)
    first = candidate(doc, 1, 2, 6, Rule.QUOTE, QuoteType.DIRECT)
    start, end = doc[quote + 1].idx, doc[quote + 5].idx + 1
    standalone = Candidate(type=QuoteType.DIRECT, mode=Mode.SPEECH, parts=((start, end),), rule=Rule.STANDALONE)
    return attribute(doc, first, standalone)


def test_a_standalone_quotation_goes_on_the_previous_speaker():
    _, second = _two_quotes([])
    assert (second.speaker.text, second.how) == ("Porter", SpeakerFrom.PREVIOUS_QUOTE)
    assert second.governor is not None


def test_a_new_person_in_between_takes_the_quotation():
    _, second = _two_quotes([("Ellis", 1, "nsubj", "PROPN", "PERSON"), ("disagreed", 1, "ROOT", "VERB"), (".", 1, "punct", "PUNCT")])
    assert (second.speaker.text, second.how) == ("Ellis", SpeakerFrom.PREVIOUS_SENTENCE)


def test_the_person_named_before_the_colon_takes_the_quotation():
    # “We won,” Porter said. It surprised pollster Daron Shaw: “We will win again.”
    _, second = _two_quotes([("It", 1, "nsubj", "PRON"), ("surprised", 1, "ROOT", "VERB"), ("pollster", 4, "compound", "NOUN"),
                             ("Daron", 4, "compound", "PROPN", "PERSON"), ("Shaw", 1, "dobj", "PROPN", "I-PERSON"),
                             (":", 1, "punct", "PUNCT")])
    assert (second.speaker.text, second.how) == ("Daron Shaw", SpeakerFrom.COLON)


def test_the_people_named_before_the_colon_take_the_quotation_together():
    # “We won,” Porter said. POLLS WERE EARLY - Mark Blumenthal and Jon Cohen: “We will win again.”
    _, second = _two_quotes([("POLLS", 1, "nsubj", "NOUN"), ("WERE", 1, "ROOT", "AUX"), ("EARLY", 1, "acomp", "ADJ"),
                             ("-", 1, "punct", "PUNCT"), ("Mark", 5, "compound", "PROPN", "PERSON"),
                             ("Blumenthal", 1, "appos", "PROPN", "I-PERSON"), ("and", 5, "cc", "CCONJ"),
                             ("Jon", 8, "compound", "PROPN", "PERSON"), ("Cohen", 5, "conj", "PROPN", "I-PERSON"),
                             (":", 1, "punct", "PUNCT")])
    assert (second.speaker.text, second.how) == ("Mark Blumenthal and Jon Cohen", SpeakerFrom.COLON)


def test_the_person_named_before_a_party_and_state_and_the_colon_takes_the_quotation():
    # “We won,” Porter said. Rep. Trey Gowdy (R-S.C.): “We will win again.”
    _, second = _two_quotes([("Rep.", 2, "compound", "PROPN"), ("Trey", 2, "compound", "PROPN", "PERSON"),
                             ("Gowdy", 2, "ROOT", "PROPN", "I-PERSON"), ("(", 2, "punct", "PUNCT"),
                             ("R-S.C.", 2, "appos", "PROPN"), ("):", 2, "punct", "PUNCT")])
    assert (second.speaker.text, second.how) == ("Trey Gowdy", SpeakerFrom.COLON)


def test_the_person_a_message_goes_to_before_the_colon_does_not_take_it():
    # “We won,” Porter said. He sent a message to Ellis: “We will win again.”
    _, second = _two_quotes([("He", 1, "nsubj", "PRON"), ("sent", 1, "ROOT", "VERB"), ("a", 3, "det", "DET"),
                             ("message", 1, "dobj", "NOUN"), ("to", 1, "prep", "ADP"), ("Ellis", 4, "pobj", "PROPN", "PERSON"),
                             (":", 1, "punct", "PUNCT")])
    assert second.how != SpeakerFrom.COLON


@pytest.mark.parametrize("rows, transcript, speaks", [
    ([("MARKETS", 0, "ROOT", "NOUN")], False, False),
    ([("ON", 0, "ROOT", "ADP"), ("THE", 2, "det", "DET"), ("GROUND", 0, "pobj", "NOUN")], True, False),
    ([("Weather", 0, "ROOT", "NOUN")], False, False),
    ([("Poll", 0, "ROOT", "NOUN")], False, True),
    ([("HOST", 0, "ROOT", "NOUN")], False, True),
    ([("PENCE", 0, "ROOT", "PROPN")], True, True),
    ([("PENCE", 0, "ROOT", "PROPN")], False, False),
    ([("Pat", 1, "compound", "PROPN", "PERSON"), ("Caddell", 1, "ROOT", "PROPN", "I-PERSON")], False, True),
])
def test_only_names_roles_and_documents_speak_before_a_colon(rows, transcript, speaks):
    doc = build(rows)
    assert is_speaker_name(doc[:], transcript=transcript) is speaks


def test_a_quotation_the_parser_hangs_on_the_speaker_is_not_part_of_the_mention():
    """``“Fine,” Ellis, 69, told us`` parsed with the quotation inside Ellis's phrase: with the
    polnear convention (appositions kept) the mention still starts after the closing mark."""
    from quoteapi.extract.options import Options

    doc = build([("“", 4, "punct", "PUNCT"), ("Fine", 4, "appos", "ADJ"), (",", 4, "punct", "PUNCT"),
                 ("”", 4, "punct", "PUNCT"), ("Ellis", 8, "nsubj", "PROPN", "PERSON"), (",", 4, "punct", "PUNCT"),
                 ("69", 4, "appos", "NUM"), (",", 4, "punct", "PUNCT"), ("told", 8, "ROOT", "VERB", "", "tell"),
                 ("us", 8, "dative", "PRON")])
    stage = SpeakerStage(doc, doc.text, Options.for_convention("polnear"))
    [a] = stage.run([candidate(doc, 1, 1, 8, Rule.QUOTE, QuoteType.DIRECT)])
    assert a.speaker.text == "Ellis, 69"


def test_an_as_phrase_hung_on_the_agent_is_not_part_of_the_speakers_name():
    # "Lazio was dismissed by critics as a bumbler": the critics, seen as nothing
    from quoteapi.extract.phrases import mention_tokens
    doc = build([("Lazio", 2, "nsubjpass", "PROPN", "PERSON"), ("was", 2, "auxpass", "AUX", "", "be"),
                 ("dismissed", 2, "ROOT", "VERB", "", "dismiss"), ("by", 2, "agent", "ADP"),
                 ("critics", 3, "pobj", "NOUN", "", "critic"), ("as", 4, "prep", "ADP"), ("a", 7, "det", "DET"),
                 ("bumbler", 5, "pobj", "NOUN")])
    source = syntactic_source(doc[2])
    assert (source.head.text, source.how) == ("critics", SpeakerFrom.AGENT)
    assert [t.text for t in mention_tokens(doc[4])] == ["critics"]
    # "Groups such as the ACLU said …": a subject keeps its as-phrase
    doc = build([("Groups", 4, "nsubj", "NOUN", "", "group"), ("such", 2, "amod", "ADJ"), ("as", 0, "prep", "ADP"),
                 ("ACLU", 2, "pobj", "PROPN", "ORG"), ("said", 4, "ROOT", "VERB", "", "say")])
    assert [t.text for t in mention_tokens(doc[0])] == ["Groups", "such", "as", "ACLU"]


def test_a_participle_without_a_speaker_in_its_clauses_does_not_take_the_nearest_name():
    # "Meet Smith, admitting that it failed": no subject in the participle's clause or the one
    # it hangs on; the name before it is not who admits
    doc = build([("Meet", 0, "ROOT", "VERB", "", "meet"), ("Smith", 0, "dobj", "PROPN", "PERSON"),
                 (",", 0, "punct", "PUNCT"), ("admitting", 0, "advcl", "VERB", "", "admit"),
                 ("that", 6, "mark", "SCONJ"), ("it", 6, "nsubj", "PRON"), ("failed", 3, "ccomp", "VERB", "", "fail"),
                 (".", 0, "punct", "PUNCT")])
    doc[3].tag_ = "VBG"
    assert syntactic_source(doc[3]) is None
    doc[3].tag_ = "VBD"  # "Meet Smith, admitted that it failed": a finite verb keeps the name as its lost subject
    assert syntactic_source(doc[3]).head.text == "Smith"
