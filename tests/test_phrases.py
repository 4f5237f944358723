"""Content spans read off tokens (quoteapi.extract.phrases), on small hand-made docs."""
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
