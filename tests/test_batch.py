"""Archives: the batch runner over JSON lines — errors file, resume after a killed run, gzip,
two processes giving what one gives."""
import gzip
import json

import pytest
from click.testing import CliRunner

from quoteapi.batch import done_ids
from quoteapi.cli import main

ARTICLES = [
    "“The bridge will reopen,” Mayor Jane Porter said.",
    "Porter said that tolls would rise. Critics slammed the decision.",
    "No quote here at all.",
    "According to the treasurer, the budget is balanced.",
    "“We will fight this in court,” Tom Ellis said. “We will.”",
    "The union backs the plan to raise wages, its leader said.",
]


def _records(n=12):
    lines = [json.dumps({"id": f"a{i}", "text": ARTICLES[i % len(ARTICLES)]}) for i in range(n)]
    lines.insert(3, "{not json")
    lines.insert(6, json.dumps({"id": "no-text"}))
    lines.insert(8, json.dumps({"id": "stall", "text": '"' * 5000}))
    return "\n".join(lines) + "\n"


def _run(args):
    return CliRunner().invoke(main, ["extract", *args], catch_exceptions=False)


def _ids(path):
    return [json.loads(line)["id"] for line in path.read_text().splitlines()]


def test_errors_file_and_exit_status(tmp_path):
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text(_records())
    result = _run(["--jsonl", str(src), "--out", str(out), "--processes", "1"])
    assert result.exit_code == 1
    assert _ids(out) == [f"a{i}" for i in range(12)]  # input order, good records all there
    errors = [json.loads(line) for line in (tmp_path / "out.jsonl.errors.jsonl").read_text().splitlines()]
    assert [(e["line"], e["id"]) for e in errors] == [(4, None), (7, "no-text"), (9, "stall")]
    assert "not JSON" in errors[0]["error"] and "text" in errors[1]["error"] and "in a row" in errors[2]["error"]
    assert "12 written" in result.stderr and "3 failed" in result.stderr


def test_resume_after_a_run_killed_halfway_equals_an_uninterrupted_run(tmp_path):
    src = tmp_path / "in.jsonl.gz"
    with gzip.open(src, "wt") as fh:  # gzip input, read by its magic bytes
        fh.write(_records())
    whole = tmp_path / "whole.jsonl"
    _run(["--jsonl", str(src), "--out", str(whole), "--processes", "1", "--batch-size", "4"])
    # A run killed halfway: 5 responses written, the 6th cut in the middle of its line.
    killed = tmp_path / "killed.jsonl"
    lines = whole.read_text().splitlines(keepends=True)
    killed.write_text("".join(lines[:5]) + lines[5][: len(lines[5]) // 2])
    assert done_ids(killed) == {f"a{i}" for i in range(5)}  # the half line is dropped
    result = _run(["--jsonl", str(src), "--out", str(killed), "--processes", "1", "--resume"])
    assert "5 already done" in result.stderr
    strip = lambda path: [{**json.loads(l), "meta": None} for l in path.read_text().splitlines()]  # noqa: E731
    assert strip(killed) == strip(whole)  # no duplicates, nothing lost, same order


@pytest.mark.slow
def test_two_processes_give_what_one_gives(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(_records(24))
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    _run(["--jsonl", str(src), "--out", str(one), "--processes", "1", "--batch-size", "3"])
    _run(["--jsonl", str(src), "--out", str(two), "--processes", "2", "--batch-size", "3"])
    strip = lambda path: [{**json.loads(l), "meta": None} for l in path.read_text().splitlines()]  # noqa: E731
    assert strip(one) == strip(two) and len(strip(two)) == 24


def test_standard_input_to_standard_output():
    result = CliRunner().invoke(main, ["extract", "--jsonl", "-"], input=json.dumps({"id": 7, "text": ARTICLES[0]}) + "\n")
    assert result.exit_code == 0 and json.loads(result.stdout)["id"] == "7"
