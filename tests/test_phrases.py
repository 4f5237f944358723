"""Content spans read off tokens (quoteapi.extract.phrases), on small hand-made docs."""
import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from quoteapi.extract.phrases import content_spans


def _doc(words, spaces):
    return Doc(Vocab(), words=words, spaces=spaces)


def test_a_quotation_mark_hung_elsewhere_does_not_split_a_content():
    doc = _doc(["called", "the", "system", "“", "rotten", "”"], [True, True, True, False, False, False])
    tokens = [doc[1], doc[2], doc[4]]  # both marks hang on the verb
    assert [doc.text[s:e] for s, e in content_spans(tokens)] == ["the system “rotten"]


def test_words_left_out_still_split_a_content():
    doc = _doc(["A", "plan", ",", "he", "said", ",", "failed"], [True, False, True, True, False, True, False])
    tokens = [doc[0], doc[1], doc[6]]
    assert [doc.text[s:e] for s, e in content_spans(tokens)] == ["A plan", "failed"]


@pytest.mark.parametrize("text, verb, imperative", [
    ("Note: This story has been updated with new figures.", "Note", True),
    ("Don't blame the mayor for the deficit.", "blame", True),
    ("Please note that the office is closed.", "note", True),
    ("They note that the office is closed.", "note", False),  # a subject
    ("Officials will note that the office is closed.", "note", False),  # a modal
    ("To note that the office is closed, she wrote a letter.", "note", False),  # not heading the sentence
])
def test_an_imperative_addresses_the_reader(nlp, text, verb, imperative):
    from quoteapi.extract.phrases import addresses_the_reader

    doc = nlp(text)
    assert addresses_the_reader(next(t for t in doc if t.text == verb)) is imperative
