"""Speed of extraction as ratios, measured in one run; writes docs/benchmarks.md.

    .venv/bin/python scripts/benchmarks.py --report docs/benchmarks.md

Every figure is a ratio against a baseline run in the same process or the same run (the machine
is shared and noisy); the baselines alternate with what they measure and the best of the rounds
counts. On the PolNeAR dev texts (``../shared/data/polnear/dev.jsonl``):

1. in process: the quotes component (rules alone, and with the learned model) beside the bare
   spaCy parse of the same texts (``quoteapi bench``);
2. whole process: ``quoteapi extract --jsonl`` with 1 and 2 processes against a process that only
   imports spaCy, loads the same model and runs ``nlp.pipe`` with the same batch size — start-up,
   imports and writing included;
3. length: one article made of the seed article repeated 1, 5, 25, 40 and 100 times, the
   component's time over the parse's;
4. the batch endpoint: documents per second in batches of 16 against one request each (the WSGI
   app in process, the default limits);
5. Dask: ``quoteapi extract --scheduler`` on a LocalCluster of 1 and 2 worker processes (models
   already loaded), documents per second against the single-process CLI figure of step 2.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "data" / "polnear" / "dev.jsonl"
SEED = ROOT / "seeds" / "niger-junta-diplomacy.txt"
BATCH = 32

BARE = """
import json, sys, spacy
from quoteapi.extract.pipeline import resolve_model_name
nlp = spacy.load(resolve_model_name())
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
for doc in nlp.pipe(texts, batch_size=int(sys.argv[2])):
    pass
"""


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), "?")
    mem = next((int(line.split()[1]) // 1024 // 1024 for line in open("/proc/meminfo") if line.startswith("MemTotal")), 0)
    import spacy

    return (f"{cpu}, {os.cpu_count()} cores, {mem} GB; Python {platform.python_version()}, "
            f"spaCy {spacy.__version__}, {platform.system()} {platform.release()}")


def timed(cmd: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(cmd, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    return time.perf_counter() - started


def whole_process(src: Path, rounds: int) -> dict:
    quoteapi = str(Path(sys.executable).with_name("quoteapi"))
    out = Path(tempfile.mkdtemp()) / "out.jsonl"
    runs = {"bare": [sys.executable, "-c", BARE, str(src), str(BATCH)]}
    for n in (1, 2):
        runs[f"extract_{n}"] = [quoteapi, "extract", "--jsonl", str(src), "--out", str(out),
                                "--processes", str(n), "--batch-size", str(BATCH)]
    times: dict[str, list[float]] = {k: [] for k in runs}
    for _ in range(rounds):
        for name, cmd in runs.items():
            times[name].append(timed(cmd))
    best = {k: min(v) for k, v in times.items()}
    return {"seconds": {k: round(v, 2) for k, v in best.items()},
            "ratio_1_process": round(best["extract_1"] / best["bare"], 3),
            "ratio_2_processes": round(best["extract_2"] / best["bare"], 3)}


def lengths(rounds: int) -> list[dict]:
    from quoteapi.extract import load_pipeline

    nlp = load_pipeline()
    component = nlp.get_pipe("quotes")
    seed = SEED.read_text(encoding="utf-8")
    with nlp.select_pipes(disable=["quotes"]):
        component(nlp(seed))  # warm: lexicons, the learned model, the name list
    rows = []
    for k in (1, 5, 25, 40, 100):
        text = "\n\n".join([seed] * k)
        parse, extract = [], []
        for _ in range(rounds):
            with nlp.select_pipes(disable=["quotes"]):
                started = time.perf_counter()
                doc = nlp(text)
                parse.append(time.perf_counter() - started)
            started = time.perf_counter()
            component(doc)
            extract.append(time.perf_counter() - started)
        rows.append({"copies": k, "characters": len(text), "parse_seconds": round(min(parse), 3),
                     "extract_seconds": round(min(extract), 3), "ratio": round(min(extract) / min(parse), 3)})
    return rows


def batch_endpoint(texts: list[str], rounds: int) -> dict:
    from quoteapi.api import create_app

    client = create_app({"RATE_LIMIT": "off"}).test_client()
    client.post("/v1/quotes", json={"text": texts[0]})  # warm
    single, batched = [], []
    for _ in range(rounds):
        started = time.perf_counter()
        for text in texts:
            assert client.post("/v1/quotes", json={"text": text}).status_code == 200
        single.append(time.perf_counter() - started)
        started = time.perf_counter()
        for i in range(0, len(texts), 16):
            docs = [{"id": str(n), "text": t} for n, t in enumerate(texts[i : i + 16])]
            assert client.post("/v1/quotes/batch", json={"documents": docs}).status_code == 200
        batched.append(time.perf_counter() - started)
    return {"documents": len(texts), "single_docs_per_second": round(len(texts) / min(single), 2),
            "batch_docs_per_second": round(len(texts) / min(batched), 2),
            "speedup": round(min(single) / min(batched), 3)}


def dask_runs(src: Path, documents: int) -> dict:
    from distributed import Client, LocalCluster

    from quoteapi import cluster

    out = {}
    for workers in (1, 2):
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as local, \
                Client(local) as client:
            warm = Path(tempfile.mkdtemp())
            tiny = warm / "in.jsonl"
            tiny.write_text("\n".join(json.dumps({"id": str(i), "text": "“Hi,” she said."}) for i in range(workers)) + "\n")
            cluster.run(str(tiny), warm / "parts", client, partition_size=1, progress=False)  # every worker loads its model
            started = time.perf_counter()
            cluster.run(str(src), Path(tempfile.mkdtemp()) / "parts", client, partition_size=8, batch_size=8,
                        progress=False)
            seconds = time.perf_counter() - started
            out[f"{workers}_workers"] = {"seconds": round(seconds, 2), "docs_per_second": round(documents / seconds, 2)}
    return out


def report(figures: dict) -> str:
    w, ip = figures["whole_process"], figures["in_process"]
    lines = [
        "# Benchmarks",
        "",
        "Produced by one command (about 10 minutes), on the PolNeAR dev texts unless said otherwise:",
        "",
        "```sh",
        ".venv/bin/python scripts/benchmarks.py --report docs/benchmarks.md",
        "```",
        "",
        f"Machine: {figures['machine']}. Run {figures['date']}. Every figure is a ratio against a baseline",
        "run in the same process or the same run, best of the rounds; the machine is shared, so absolute",
        "seconds vary from run to run and the ratios much less.",
        "",
        f"## In process ({ip['documents']} articles, {ip['characters']:,} characters)",
        "",
        "| | seconds | of the bare parse |",
        "|---|---|---|",
        f"| bare spaCy parse | {ip['baseline_seconds']} | 1.00 |",
        f"| + quotes component, rules alone | {ip['baseline_seconds'] + ip['rules_extraction_seconds']:.3f} | {ip['rules_ratio']:.2f} |",
        f"| + quotes component, with the learned model | {ip['baseline_seconds'] + ip['learned_extraction_seconds']:.3f} | {ip['ratio']:.2f} |",
        "",
        f"## Whole process ({figures['documents']} articles, batch size {BATCH})",
        "",
        "Start-up, imports, model loading, reading and writing included.",
        "",
        "| | seconds | of the bare parse |",
        "|---|---|---|",
        f"| a process that loads the model and runs `nlp.pipe` | {w['seconds']['bare']} | 1.00 |",
        f"| `quoteapi extract --jsonl … --processes 1` | {w['seconds']['extract_1']} | {w['ratio_1_process']:.2f} |",
        f"| `quoteapi extract --jsonl … --processes 2` | {w['seconds']['extract_2']} | {w['ratio_2_processes']:.2f} |",
        "",
        "## Length: one article made of the seed article repeated",
        "",
        "| copies | characters | parse s | extraction s | extraction / parse |",
        "|---|---|---|---|---|",
        *[f"| {r['copies']} | {r['characters']:,} | {r['parse_seconds']} | {r['extract_seconds']} | {r['ratio']:.3f} |"
          for r in figures["lengths"]],
        "",
        "## The batch endpoint (WSGI app in process)",
        "",
        f"{figures['batch']['documents']} articles: {figures['batch']['single_docs_per_second']} documents a second "
        f"one request each, {figures['batch']['batch_docs_per_second']} in batches of 16 "
        f"({figures['batch']['speedup']:.2f}×).",
        "",
        "## Dask (LocalCluster on this machine, worker processes with one thread, models loaded)",
        "",
        "| workers | seconds | documents a second |",
        "|---|---|---|",
        *[f"| {k.split('_')[0]} | {v['seconds']} | {v['docs_per_second']} |" for k, v in figures["dask"].items()],
        "",
        f"For comparison, the single-process CLI above: {figures['documents'] / w['seconds']['extract_1']:.2f} "
        "documents a second, start-up included.",
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", type=Path, default=DEV, help="JSON lines with a text field (PolNeAR dev)")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--report", type=Path, default=None, help="write the Markdown report here")
    parser.add_argument("--json", type=Path, default=None, help="write the raw figures here")
    args = parser.parse_args()
    from quoteapi.bench import compare

    records = [json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    src = Path(tempfile.mkdtemp()) / "texts.jsonl"
    src.write_text("".join(json.dumps({"id": r["id"], "text": r["text"]}) + "\n" for r in records), encoding="utf-8")
    texts = [r["text"] for r in records]
    figures = {"machine": machine(), "date": time.strftime("%Y-%m-%d"), "documents": len(texts)}
    steps = [("whole_process", lambda: whole_process(src, args.rounds)),
             ("in_process", lambda: compare(texts, rounds=args.rounds)),
             ("lengths", lambda: lengths(args.rounds)),
             ("batch", lambda: batch_endpoint(texts[:64], args.rounds)),
             ("dask", lambda: dask_runs(src, len(texts)))]
    for name, step in steps:
        print(f"{name} …", file=sys.stderr, flush=True)
        figures[name] = step()
        print(json.dumps(figures[name]), file=sys.stderr, flush=True)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2))
    if args.report:
        args.report.write_text(report(figures), encoding="utf-8")
    else:
        print(report(figures))


if __name__ == "__main__":
    main()
