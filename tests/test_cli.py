import json

from click.testing import CliRunner

from conftest import SEED_TEXT
from quoteapi.cli import main


def test_extract_file_prints_the_api_json():
    result = CliRunner().invoke(main, ["extract", str(SEED_TEXT)])
    assert result.exit_code == 0, result.output
    body = json.loads(result.output)
    assert any(q["speaker"] and q["speaker"]["name"] == "Antony Blinken" for q in body["quotes"])


def test_extract_stdin_with_modes():
    result = CliRunner().invoke(main, ["extract", "-", "--modes", "thought"], input="Porter believes that tolls will rise.")
    assert [q["mode"] for q in json.loads(result.output)["quotes"]] == ["thought"]


def test_extract_jsonl_keeps_ids(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "text": "Porter said that tolls would rise."}\n\n{"id": 2, "text": "No quote here."}\n')
    result = CliRunner().invoke(main, ["extract", "--jsonl", str(src)])
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(d["id"], len(d["quotes"])) for d in lines] == [("a", 1), ("2", 0)]


def test_extract_jsonl_bad_line_is_a_clear_error(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a"}\n')
    result = CliRunner().invoke(main, ["extract", "--jsonl", str(src)])
    assert result.exit_code == 1 and json.loads(result.stderr.splitlines()[0])["line"] == 1


def test_bad_modes_rejected():
    result = CliRunner().invoke(main, ["extract", "-", "--modes", "song"], input="x")
    assert result.exit_code == 2


def test_bench_reports_a_ratio_against_the_bare_model(tmp_path):
    gold = tmp_path / "g.jsonl"
    gold.write_text(json.dumps({"id": "x", "text": SEED_TEXT.read_text(), "quotes": []}) + "\n")
    result = CliRunner().invoke(main, ["bench", str(gold), "--rounds", "1"])
    out = json.loads(result.output)
    assert out["documents"] == 1 and out["ratio"] > 0 and out["baseline_seconds"] > 0


def test_an_empty_draft_has_no_quotes():
    result = CliRunner().invoke(main, ["extract", "-"], input="")
    assert result.exit_code == 0 and json.loads(result.output)["quotes"] == []


def test_train_without_its_extra_says_what_to_install_before_parsing(tmp_path, monkeypatch):
    import importlib.util

    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"id": "a", "text": "Porter said that tolls would rise.", "quotes": []}\n')
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "wn" else real(name, *a))
    result = CliRunner().invoke(main, ["train", str(gold), "--dev", str(gold), "--out", str(tmp_path / "m")])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "pip install -e '.[train]'" in result.output and not (tmp_path / "m").exists()
