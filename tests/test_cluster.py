"""Archives on a Dask cluster: a LocalCluster of two worker processes gives what one process
gives, through the CLI (part files, errors file, resume) and through a dask.bag."""
import json

import pytest

from test_batch import _records, _run

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as local:
        yield local


def _strip(lines):
    return [{**json.loads(line), "meta": None} for line in lines]


@pytest.mark.slow
def test_the_cluster_writes_what_one_process_writes(tmp_path, cluster):
    src = tmp_path / "in.jsonl"
    src.write_text(_records(14))
    single = tmp_path / "single.jsonl"
    _run(["--jsonl", str(src), "--out", str(single), "--processes", "1"])
    parts = tmp_path / "parts"
    result = _run(["--jsonl", str(src), "--out", str(parts), "--scheduler", cluster.scheduler_address,
                   "--partition-size", "4"])
    assert result.exit_code == 1 and "14 written" in result.stderr and "3 failed" in result.stderr
    files = sorted(parts.glob("part-*.jsonl"))
    assert [f.name for f in files] == [f"part-{i:05d}.jsonl" for i in range(4)]  # 14 records by 4
    merged = [line for f in files for line in f.read_text().splitlines()]
    assert _strip(merged) == _strip(single.read_text().splitlines())
    errors = [json.loads(line) for line in (parts / "errors.jsonl").read_text().splitlines()]
    assert [e["line"] for e in errors] == [4, 7, 9]

    # A run stopped after two partitions picks up at the third and sends nothing twice.
    for f in files[2:]:
        f.unlink()
    result = _run(["--jsonl", str(src), "--out", str(parts), "--scheduler", cluster.scheduler_address,
                   "--partition-size", "4", "--resume"])
    assert "6 written, 8 already done" in result.stderr
    again = [line for f in sorted(parts.glob("part-*.jsonl")) for line in f.read_text().splitlines()]
    assert _strip(again) == _strip(merged) and not list(parts.glob("*.partial"))


@pytest.mark.slow
def test_a_bag_of_records_maps_to_a_bag_of_responses(cluster):
    import dask.bag as db
    from distributed import Client

    from quoteapi.cluster import extract_bag
    from quoteapi.service import analyze

    records = [{"id": f"r{i}", "text": t} for i, t in enumerate(["“We won,” Ana Lima said.",
                                                                 "Smith said the plan was bad.",
                                                                 "No quote here."] * 2)]
    records.insert(2, {"id": "empty"})
    with Client(cluster.scheduler_address):
        got = extract_bag(db.from_sequence(records, npartitions=3)).compute()
    assert [g["id"] for g in got] == [r["id"] for r in records]
    assert got[2]["error"] and got[2]["line"] == 3
    one = {r["id"]: analyze(r["text"], doc_id=r["id"]) for r in records if "text" in r}
    for g in got:
        if "text" in records[[r["id"] for r in records].index(g["id"])]:
            assert g["quotes"] == one[g["id"]]["quotes"] and g["speakers"] == one[g["id"]]["speakers"]
