"""The learned attribution model: one command rebuilds it, it loads, predicts, and can be
switched off; both paths run."""
import json

import pytest

from conftest import SHARED, quotes_of
from quoteapi.extract.learned import INNER, MODEL_FILE, OUTER, LinearModel, learned_enabled, shipped_model

TRAIN = SHARED / "data" / "polnear" / "train.jsonl"
DEV = SHARED / "data" / "polnear" / "dev.jsonl"


def _first(path, n):
    with open(path, encoding="utf-8") as fh:
        return [json.loads(next(fh)) for _ in range(n)]


@pytest.mark.slow
def test_training_on_a_slice_gives_the_same_model_twice_and_it_predicts(tmp_path):
    if not TRAIN.exists():
        pytest.skip("PolNeAR is not beside the project")
    from quoteapi.train import train

    train_records, dev_records = _first(TRAIN, 12), _first(DEV, 3)
    figures = train(train_records, dev_records, tmp_path / "a", progress=False)
    train(train_records, dev_records, tmp_path / "b", progress=False)
    a, b = LinearModel.from_file(tmp_path / "a" / MODEL_FILE), LinearModel.from_file(tmp_path / "b" / MODEL_FILE)
    assert a.weights == b.weights and a.threshold == b.threshold  # deterministic
    assert figures["examples"] > figures["positives"] > 0 and 0 < a.threshold < 1
    assert set(figures["dev_learned"]) >= {"content_exact", "source_exact", "speaker_linked"}
    assert a.weights["lemma_slot=say|clause"] > 0  # every news article says that …: the model learned that much
    assert {INNER, OUTER} <= set(a.weights)  # the second reading's features, fit on first readings of each half
    assert 0 < a.probability({"bias": 1, "lemma=say": 1, "slot=clause": 1}) < 1


def test_the_model_ships_and_loads():
    model = shipped_model()
    assert model is not None and len(model.weights) > 1000 and 0 < model.threshold < 1
    assert model.meta["data"] == "PolNeAR train split"


@pytest.mark.parametrize("value, on", [(None, True), ("on", True), ("off", False), ("0", False), ("false", False)])
def test_learned_switch(value, on):
    assert learned_enabled({} if value is None else {"QUOTEAPI_LEARNED": value}) is on


def test_both_paths_run_and_the_rules_are_kept():
    from quoteapi.extract import load_pipeline

    text = "“We will win,” Jane Porter said. The union backs the plan to raise wages."
    rules = quotes_of(load_pipeline(learned=False), text)
    learned = quotes_of(load_pipeline(learned=True), text)
    assert [q["parts"] for q in rules] == [["We will win,"]]
    assert learned[0]["parts"] == ["We will win,"] and learned[0]["quote"].rule == "quote"
    added = [q for q in learned if q["quote"].rule == "learned"]
    assert [(q["cue"], q["speaker"], q["parts"]) for q in added] == [("backs", "The union", ["the plan to raise wages"])]
    assert 0 < added[0]["confidence"] < 1


def test_candidate_predicates_include_a_noun_and_its_preposition(nlp):
    """``their criticism of the ruling``: a noun with a content preposition right after it is a
    candidate (the model decides); a noun with a preposition of place (``city in``) is not."""
    from quoteapi.extract.predicates import candidates_in

    doc = nlp("Their criticism of the ruling was sharp. The city in the north of Spain grew.")
    first, second = list(doc.sents)
    assert [(c.predicate.text, c.slot, " ".join(t.text for t in c.content)) for c in candidates_in(first)
            if c.slot.startswith("noun_prep")] == [("criticism", "noun_prep:of", "the ruling")]
    assert not [c for c in candidates_in(second) if c.predicate.text == "city"]


def test_a_noun_with_an_infinitive_is_a_candidate(nlp):
    """``his proposal [to ban the imports]``: a noun with an infinitival complement is a
    candidate (the model decides); a noun without one is not."""
    from quoteapi.extract.predicates import candidates_in

    doc = nlp("His proposal to ban the imports was rejected. They refused the order.")
    first, second = list(doc.sents)
    assert [(c.predicate.text, " ".join(t.text for t in c.content)) for c in candidates_in(first)
            if c.slot == "noun_to"] == [("proposal", "to ban the imports")]
    assert not [c for c in candidates_in(second) if c.slot == "noun_to"]


def test_a_passive_subject_is_a_candidate_content(nlp):
    """``[The registration issue] was first reported by the Post``: what is reported is the
    passive's subject (a pronoun subject is not content)."""
    from quoteapi.extract.predicates import candidates_in

    doc = nlp("The registration issue was first reported by the Post. It was reported by the Post.")
    first, second = list(doc.sents)
    assert [(c.predicate.text, " ".join(t.text for t in c.content)) for c in candidates_in(first)
            if c.slot == "passive_subject"] == [("reported", "The registration issue")]
    assert not [c for c in candidates_in(second) if c.slot == "passive_subject"]


def test_a_document_reports_the_object_of_a_lexicon_verb_a_person_does_not():
    """``a poll shows [Clinton and Sanders in a dead heat]``; ``Sanders showed no sign of …`` is an act."""
    from quoteapi.extract import load_pipeline

    nlp = load_pipeline(spans="polnear")
    poll = [q for q in nlp("A new poll shows Hillary Clinton and the Vermont senator in a dead heat.")._.quotes]
    assert [(q.cue.text, q.speaker.text) for q in poll] == [("shows", "A new poll")]
    person = nlp("But Mr. Sanders showed no sign of backing down.")._.quotes
    assert [q.cue.text for q in person if q.cue.text == "showed"] == []


def test_a_lexicon_verbs_object_is_the_models_to_decide_unless_it_names_an_act():
    """``dismissed [the accusations of fraud]`` reports words; ``dismissed a planned visit``
    turns an act down (the lexicon's ``dismiss`` lists no object: the model decides the first)."""
    from quoteapi.extract import load_pipeline

    nlp = load_pipeline(spans="polnear")
    words = nlp("The senator dismissed the accusations of fraud on Tuesday.")._.quotes
    assert [(q.cue.text, q.speaker.text, q.rule) for q in words] == [("dismissed", "The senator", "learned")]
    assert nlp("The governor dismissed a planned visit by the inspectors.")._.quotes == []


@pytest.mark.parametrize("text, head, act", [
    ("The governor dismissed a planned visit by the inspectors.", "visit", True),  # also a verb
    ("She wrote a letter to the board.", "letter", True),
    ("The senator dismissed the accusations of fraud.", "accusations", False),  # a noun only
    ("He denied the report.", "report", False),  # a verb of the cue lexicon: words
    ("They thanked Mr. Rubio.", "Rubio", False),  # a name
])
def test_an_object_names_an_act_when_its_noun_is_also_a_verb_outside_the_lexicon(nlp, text, head, act):
    from quoteapi.extract.learned import names_an_act

    doc = nlp(text)
    noun = next(t for t in doc if t.text == head)
    assert names_an_act(list(noun.subtree)) is act


@pytest.mark.parametrize("text, cue, content, outer, inner", [
    ("Mayor Jane Porter continues to insist that taxes would rise.", "continues to insist", "that taxes would rise",
     "continues", "insist"),
    ("Mayor Jane Porter has made comments about the tax plan.", "made comments about", "the tax plan",
     "made", "comments"),
    ("The mayor's office issued a statement describing the plan as dead.", "issued a statement describing",
     "the plan as dead", "issued", "describing"),
])
def test_training_labels_give_a_cue_over_two_words_to_the_inner_one(nlp, text, cue, content, outer, inner):
    """PolNeAR's cue ``continues to insist`` or ``made comments about`` covers two candidate
    predicates; the inner word is the attribution (its complement is the content), the outer
    one is labelled no attribution, so that the model learns to leave it."""
    from quoteapi.extract.predicates import candidates_in
    from quoteapi.train import label

    doc = nlp(text)
    candidates = candidates_in(doc[:])
    predicates = frozenset(c.predicate.i for c in candidates)
    gold = [((text.index(cue), text.index(cue) + len(cue)), (text.index(content), text.index(content) + len(content)))]
    labels = [(c.predicate.text, label(c, gold, predicates)) for c in candidates]
    assert {y for word, y in labels if word == outer} == {0}
    assert (inner, 1) in labels
    assert (outer, 1) in [(c.predicate.text, label(c, gold)) for c in candidates]  # (taken alone, it would be)


@pytest.mark.parametrize("text, word, explains", [
    ("A White House official, speaking on the condition of anonymity to discuss internal deliberations, said no.",
     "discuss", True),
    ("The aide asked for anonymity to speak freely about the talks.", "speak", True),
    ("The board voted to discuss the budget in May.", "discuss", False),
])
def test_an_infinitive_that_says_why_a_source_is_unnamed_reports_nothing(text, word, explains):
    from quoteapi.extract import load_pipeline
    from quoteapi.extract.learned import explains_anonymity

    doc = load_pipeline(learned=False)(text)
    assert explains_anonymity(next(t for t in doc if t.text == word)) is explains


def test_the_reason_for_anonymity_is_no_quote_of_the_source():
    from quoteapi.extract import load_pipeline

    doc = load_pipeline(learned=True)("A White House official, speaking on the condition of anonymity to discuss "
                                      "internal deliberations, said the president had not seen the remarks.")
    assert [q.cue.text for q in doc._.quotes] == ["said"]


def test_a_passive_reports_its_subject_and_what_it_is_taken_for_as_two_pieces():
    """``[Trump] has been criticized by some of his rivals for [failing to …]``: the model's
    attribution keeps the subject as a piece before the cue, the agent speaks, and the cue still
    takes the preposition its content begins after (``is seen as``)."""
    from quoteapi.extract import load_pipeline

    nlp = load_pipeline(spans="polnear")
    text = "Trump has been criticized by some of his rivals for failing to spend enough time in the state."
    (q,) = quotes_of(nlp, text)
    assert (q["parts"], q["speaker"], q["cue"]) == (
        ["Trump", "failing to spend enough time in the state"], "some of his rivals", "has been criticized")
    text = "But Mr. Sanders is seen as empowering regular voters against the will of party apparatchiks."
    (q,) = quotes_of(nlp, text)
    assert (q["parts"], q["cue"]) == (["Mr. Sanders", "empowering regular voters against the will of party apparatchiks"],
                                      "is seen as")


def test_the_model_reads_whether_the_word_a_predicate_hangs_on_is_a_cue(nlp):
    """``She said he backs the plan``: *backs* hangs on a cue as its clause (reported inside
    another's content), ``The union backs the plan`` hangs on nothing, ``He came after she
    backed it`` on a word that is no cue."""
    from quoteapi.extract.learned import predicate_features

    def head_cue(text, word):
        token = next(t for t in nlp(text) if t.text == word)
        return {name for name in predicate_features(token, False) if name.startswith(("head_cue=", "under_a_cue"))}

    assert head_cue("She said he backs the plan.", "backs") == {"head_cue=True|ccomp", "under_a_cue"}
    assert head_cue("The union backs the plan.", "backs") == set()
    assert head_cue("He left after she backed the plan.", "backed") == {"head_cue=False|advcl"}


def test_the_model_rates_the_rules_contents_left_without_a_speaker(nlp):
    """After the speaker stage, a rules' reported content whose speaker is not found gets the
    model's probability that its cue attributes (that of the cue's likeliest complement); one
    with a speaker is not rated, and a word with no complement has no rating."""
    from quoteapi.extract.join import join
    from quoteapi.extract.learned import cue_rating, rate_unspoken
    from quoteapi.extract.marks import MarkIndex, find_quote_spans
    from quoteapi.extract.options import DEFAULT
    from quoteapi.extract.speakers import SpeakerStage

    text = "There is new evidence suggesting that the drug works better. The mayor said the plan was sound."
    doc = nlp(text)
    model, spans = shipped_model(), find_quote_spans(text)
    attributions = SpeakerStage(doc, text, DEFAULT).run(join(doc, text, spans, DEFAULT, model))
    rated = {a.candidate.cue.text: a.candidate.probability for a in rate_unspoken(attributions, spans, model)}
    assert rated["suggesting"] >= 0.65 and rated["said"] is None
    marks = MarkIndex(spans)
    assert cue_rating(next(t for t in doc if t.text == "suggesting"), marks, model) == pytest.approx(rated["suggesting"], abs=0.005)
    assert cue_rating(next(t for t in doc if t.text == "drug"), marks, model) is None


@pytest.mark.parametrize("text, cue, content", [
    ("There is new evidence suggesting that the drug works better in older patients.", "suggesting",
     "that the drug works better in older patients"),
    ("There were also emails that evening showing that the mayor knew about the leak.", "showing",
     "that the mayor knew about the leak"),
])
def test_a_rules_frame_without_a_speaker_stays_when_the_model_is_sure_it_attributes(text, cue, content):
    """A rules' cue whose speaker the text does not give (``evidence suggesting that …``) reports
    nothing on the rules alone; on the learned path the model's rating of the cue keeps it, at the
    bar it keeps its own frames without a source."""
    from quoteapi.extract import load_pipeline

    assert quotes_of(load_pipeline(spans="polnear", learned=False), text) == []
    learned = quotes_of(load_pipeline(spans="polnear", learned=True), text)
    assert [(q["cue"], q["speaker"], q["parts"], q["quote"].rule) for q in learned] == [(cue, None, [content], "ccomp")]


def _candidates(nlp, text):
    from quoteapi.extract.predicates import candidates_in

    doc = nlp(text)
    return doc, candidates_in(next(doc.sents))


def test_the_second_reading_sees_the_attributions_inside_and_around_a_candidate(nlp):
    """``She said he backs the plan``: *backs* stands in the content of *said* (its OUTER
    reading is the first reading of *said*) and *said* holds *backs* (its INNER reading is that
    of *backs*); a candidate out of the pool (a quoted word's) gives neither."""
    from quoteapi.extract.learned import neighbour_ratings

    doc, candidates = _candidates(nlp, "She said he backs the plan.")
    first = [{"said": 0.9, "backs": 0.4}[c.predicate.text] for c in candidates]
    read = dict(zip((c.predicate.text for c in candidates), neighbour_ratings(candidates, first, [True] * len(candidates))))
    assert read == {"said": (0.4, 0.0), "backs": (0.0, 0.9)}
    pool = [c.predicate.text != "said" for c in candidates]
    read = dict(zip((c.predicate.text for c in candidates), neighbour_ratings(candidates, first, pool)))
    assert read == {"said": (0.4, 0.0), "backs": (0.0, 0.0)}


def test_what_the_rules_decided_counts_in_the_second_reading(nlp):
    """The rules' cues and their contents are not read again by the model: a rules' cue inside
    a candidate's content, or a candidate inside a rules' content, reads as ``RULES_READING``."""
    from quoteapi.extract.learned import RULES_READING, RulesReading, neighbour_ratings

    doc, candidates = _candidates(nlp, "She said he backs the plan.")
    said = next(t for t in doc if t.text == "said")
    content = (doc.text.index("he backs"), doc.text.index("."))
    backs = [c for c in candidates if c.predicate.text == "backs"]
    rules = RulesReading.of({said.i}, [content])
    assert neighbour_ratings(backs, [0.4] * len(backs), [True] * len(backs), rules) == [(0.0, RULES_READING)] * len(backs)
    wider = [c for c in _candidates(nlp, "They report she said he backs the plan.")[1] if c.predicate.text == "report"]
    doc2 = wider[0].predicate.doc
    rules = RulesReading.of({next(t for t in doc2 if t.text == "said").i}, [])
    assert neighbour_ratings(wider, [0.5] * len(wider), [True] * len(wider), rules) == [(RULES_READING, 0.0)] * len(wider)


def test_the_rules_contents_are_one_sorted_index():
    from quoteapi.extract.learned import RulesReading

    rules = RulesReading.of([], [(40, 50), (10, 20), (15, 30)])
    assert rules.contents == ((10, 30), (40, 50))
    assert [at for at in (5, 10, 25, 29, 30, 39, 40, 49, 50) if rules.in_content(at)] == [10, 25, 29, 40, 49]


def test_the_model_weighs_its_second_reading(nlp):
    """A predicate in the content of a likely attribution is rated lower by a model that
    learned that (PolNeAR never annotates an attribution inside another's content); the rules'
    words are not rated again, and not returned."""
    from quoteapi.extract.learned import OUTER, RulesReading
    from quoteapi.extract.marks import MarkIndex

    doc = nlp("She said he backs the plan.")
    sent, marks = next(doc.sents), MarkIndex([])
    said = next(t for t in doc if t.text == "said")
    plain = LinearModel({"lemma=back": 1.0, "lemma=say": 3.0})
    learned = LinearModel({"lemma=back": 1.0, "lemma=say": 3.0, OUTER: -2.0})
    alone = dict((c.predicate.text, p) for c, p in plain.rate(sent, marks))
    second = dict((c.predicate.text, p) for c, p in learned.rate(sent, marks))
    assert second["said"] == alone["said"] and second["backs"] < alone["backs"]
    import math
    assert second["backs"] == pytest.approx(1 / (1 + math.exp(-(1.0 - 2.0 * alone["said"]))))
    rules = RulesReading.of({said.i}, [(doc.text.index("he backs"), doc.text.index("."))])
    rated = learned.rate(sent, marks, {said.i}, rules)
    assert {c.predicate.text for c, _ in rated} == {"backs"}
    assert rated[0][1] == pytest.approx(1 / (1 + math.exp(-(1.0 - 2.0 * 0.9))))


def test_the_parse_features_are_indicators(nlp):
    """``LinearModel.score`` reads a feature's presence, not its value: every feature the parse
    gives the model and the chooser is worth 1."""
    from quoteapi.extract.bounds import variant_features, variants
    from quoteapi.extract.learned import features

    doc, candidates = _candidates(nlp, "The senator slammed the plan on Monday, which she said would fail, and vowed to fight it.")
    assert candidates
    for c in candidates:
        assert set(features(c, False).values()) == {1.0}
        offered = variants(c.predicate, c.content)
        for v in offered:
            assert set(variant_features(c.predicate, c.slot, v, offered[0].tokens).values()) == {1.0}
