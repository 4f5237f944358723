"""The extraction travels with its Doc: through ``Doc.to_bytes``/``DocBin`` and back from the
worker processes of ``nlp.pipe(n_process=2)``, with the same quotes and speakers, and a quote's
entity still the very object listed among the speakers (issue: archives at scale)."""
import pytest
from spacy.tokens import Doc, DocBin

from quoteapi.service import build_response


def _wire(doc: Doc) -> dict:
    return build_response(None, doc._.quotes, doc._.speakers, modes=["speech", "writing", "thought"],
                          doc_id="x", model="m", elapsed_ms=0, provenance=True)


def test_quotes_and_speakers_survive_to_bytes(nlp, seed_text):
    doc = nlp(seed_text)
    back = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert _wire(back) == _wire(doc)  # every field of the answer, provenance included
    assert [(e.name, e.gender, e.tokens, len(e.mentions)) for e in back._.speakers] == [
        (e.name, e.gender, e.tokens, len(e.mentions)) for e in doc._.speakers]
    speakers = {id(e) for e in back._.speakers}
    assert all(id(q.entity) in speakers for q in back._.quotes if q.entity is not None and q.entity.id)
    groups = [e for e in back._.speakers if e.members]
    assert all(id(m) in speakers for g in groups for m in g.members)


def test_a_doc_bin_keeps_them_too(nlp):
    docs = list(nlp.pipe(["“We won,” Ana Lima said.", "Smith and Jones said the plan was bad."]))
    store = DocBin(store_user_data=True, docs=docs)
    back = list(DocBin().from_bytes(store.to_bytes()).get_docs(nlp.vocab))
    assert [_wire(d) for d in back] == [_wire(d) for d in docs]


def test_bytes_that_are_not_an_extraction_fail_as_data(nlp):
    from quoteapi.extract.carry import MARKER, decode

    with pytest.raises(ValueError):
        decode({MARKER: 99, "entities": [], "speakers": [], "quotes": []})
    assert decode({"other": 1}) == {"other": 1}


@pytest.mark.slow
def test_nlp_pipe_over_two_processes_gives_the_answers_of_one(nlp, seed_text):
    texts = [seed_text, "“We won,” Ana Lima said. She added that the count was over.", seed_text[:900]] * 2
    one = [_wire(d) for d in nlp.pipe(texts)]
    two = [_wire(d) for d in nlp.pipe(texts, n_process=2, batch_size=2)]
    assert two == one and any(r["quotes"] for r in one)
