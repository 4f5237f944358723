"""The evaluation metrics on hand-made records, and the eval command."""
import json

from click.testing import CliRunner

from quoteapi.cli import main
from quoteapi.evaluate import Piece, score_document, trim

TEXT = "“We will rebuild,” Jane Porter said. Tom Ellis said that taxes would rise."


def _record():
    def q(type_, content, speaker, cue):
        cs = TEXT.index(content)
        ss = TEXT.index(speaker)
        us = TEXT.index(cue, ss)
        return {"type": type_, "content": content, "content_start": cs, "content_end": cs + len(content),
                "speaker": speaker, "speaker_start": ss, "speaker_end": ss + len(speaker),
                "cue": cue, "cue_start": us, "cue_end": us + len(cue)}
    return {"id": "t1", "text": TEXT, "quotes": [q("direct", "We will rebuild,", "Jane Porter", "said"),
                                                 q("indirect", "that taxes would rise", "Tom Ellis", "said")]}


def test_trim_drops_marks_blanks_and_edge_punctuation():
    assert trim("“Yes,” he", 0, 6) == (1, 4)
    assert trim(" , ", 0, 3) is None


def test_perfect_and_partial_predictions():
    gold = [Piece("direct", (1, 16), (19, 30), (31, 35))]
    perfect = score_document(gold, gold).as_dict()
    assert all(perfect[m]["f1"] == 1.0 for m in perfect)
    half = [Piece("direct", (1, 8), (19, 22), None)]
    scores = score_document(half, gold).as_dict()
    assert scores["content_exact"]["f1"] == 0.0
    assert scores["content_prop"]["precision"] == 1.0 and 0.4 < scores["content_prop"]["recall"] < 0.5
    assert scores["speaker_linked"]["f1"] == 0.0  # Jaccard 7/15 < 0.5: not paired
    assert score_document([], gold).as_dict()["content_prop"]["recall"] == 0.0


def test_eval_command_on_a_small_gold_file(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(_record()) + "\n")
    result = CliRunner().invoke(main, ["eval", str(gold), "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output[result.output.index("{"):])
    assert out["documents"] == 1 and out["spans"] == "polnear"
    assert out["overall"]["content_exact"]["f1"] == 1.0
    assert out["overall"]["speaker_linked"]["f1"] == 1.0
    table = CliRunner().invoke(main, ["eval", str(gold), "--by-type", "--by-cue", "--errors", "2"]).output
    assert "indirect" in table and "characters/second" in table
    assert "say/tell" in table and out["recall_by_cue"]["say/tell"] == {"gold": 2, "recall": 1.0}
