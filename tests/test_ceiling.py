"""``quoteapi eval --ceiling``: the gold in place of the model's two decisions, on small documents
and on a slice of PolNeAR dev."""
import pytest
from click.testing import CliRunner

from conftest import POLNEAR_DEV
from quoteapi.ceiling import Ceiling, GoldDecisions, InformedExtractor, _Gold
from quoteapi.cli import main
from quoteapi.extract.bounds import choose
from quoteapi.extract.component import QuoteExtractor
from quoteapi.extract.learned import LinearModel
from quoteapi.extract.marks import MarkIndex, find_quote_spans


@pytest.fixture(scope="module")
def nlp():
    from quoteapi.extract import load_pipeline

    return load_pipeline(learned=False, spans="polnear")


def _record(text, cue, content):
    cs, ce = text.index(cue), text.index(cue) + len(cue)
    ks, ke = text.index(content), text.index(content) + len(content)
    return {"text": text, "quotes": [{"type": "indirect", "cue_start": cs, "cue_end": ce,
                                      "content_start": ks, "content_end": ke}]}


# A model that takes nothing for an attribution and never moves a boundary.
NEVER = LinearModel({"bias": -10.0}, threshold=0.5, boundary=LinearModel({"bias": -10.0}))


def _rated(decisions, doc):
    marks = MarkIndex(find_quote_spans(doc.text))
    return {(c.predicate.text, " ".join(t.text for t in c.content)): p
            for sent in doc.sents for c, p in decisions.rate(sent, marks)}


def test_the_gold_rates_the_models_candidates(nlp):
    record = _record("The union backs the plan to raise wages.", "backs", "the plan to raise wages")
    doc = nlp(record["text"])
    gold = _Gold()
    gold.set(record)
    rated = _rated(GoldDecisions(NEVER, gold, Ceiling.ATTRIBUTION), doc)
    assert rated[("backs", "the plan to raise wages")] == 1.0
    assert set(rated.values()) == {0.0, 1.0}  # every other candidate: 0
    as_shipped = _rated(GoldDecisions(NEVER, gold, Ceiling.BOUNDARIES), doc)
    assert rated.keys() == as_shipped.keys() and max(as_shipped.values()) < 0.01  # the model's own


def test_the_gold_picks_the_variant_that_is_a_gold_content(nlp):
    record = _record("She criticized the plan, which was drafted in May.", "criticized", "the plan")
    doc = nlp(record["text"])
    criticized = next(t for t in doc if t.text == "criticized")
    content = list(next(t for t in doc if t.text == "plan").subtree)
    gold = _Gold()
    gold.set(record)
    chooser = GoldDecisions(NEVER, gold, Ceiling.BOUNDARIES).boundary
    assert " ".join(t.text for t in choose(criticized, "object", content, chooser)) == "the plan"
    assert GoldDecisions(NEVER, gold, Ceiling.ATTRIBUTION).boundary is NEVER.boundary
    gold.set(_record(record["text"], "criticized", "drafted in May"))  # no variant is that: the model picks
    assert choose(criticized, "object", content, chooser) == content


def test_a_gold_attribution_becomes_a_quote(nlp):
    record = _record("The union backs the plan to raise wages.", "backs", "the plan to raise wages")
    extractor = QuoteExtractor(nlp, "quotes", spans="polnear", learned=False)
    extractor.model = NEVER
    with nlp.select_pipes(disable=["quotes"]):
        doc = nlp(record["text"])
    assert InformedExtractor([record], [doc], extractor, None)(record["text"])._.quotes == []
    quotes = InformedExtractor([record], [doc], extractor, Ceiling.BOTH)(record["text"])._.quotes
    assert [(q.cue.text, [record["text"][p.start:p.end] for p in q.parts]) for q in quotes] == [
        ("backs", ["the plan to raise wages"])]


@pytest.mark.skipif(not POLNEAR_DEV.exists(), reason="PolNeAR is not beside the project")
def test_eval_ceiling_prints_the_learned_path_and_its_three_ceilings():
    result = CliRunner().invoke(main, ["eval", str(POLNEAR_DEV), "--limit", "3", "--ceiling", "--json"])
    assert result.exit_code == 0, result.output
    import json

    body = json.loads(result.output)
    rows = ["learned", "gold attribution", "gold boundaries", "gold both"]
    assert [k for k in body if k in rows] == rows
    exact = {k: body[k]["overall"]["content_exact"]["f1"] for k in rows}
    assert exact["gold both"] >= max(exact["gold attribution"], exact["gold boundaries"]) >= exact["learned"] > 0


def test_eval_ceiling_is_the_learned_path_only(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text("")
    result = CliRunner().invoke(main, ["eval", str(gold), "--ceiling", "--compare"])
    assert result.exit_code == 2 and "--ceiling runs the learned path alone" in result.output
