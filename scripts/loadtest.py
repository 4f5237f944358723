"""Load and fault run against the real gunicorn on loopback; writes docs/operations.md.

    .venv/bin/pip install -e '.[load]'
    .venv/bin/python scripts/loadtest.py --report docs/operations.md

It starts the service as `make run` does (the package's gunicorn settings; rate limit off, so
that the load is not answered 429), then:

1. 60 s at concurrency 1, 4 and 16 (locust, headless): PolNeAR dev articles, one request in five
   hostile (``scripts/locustfile.py``);
2. during the concurrency-16 run, slow clients (connections trickling their request a byte at
   a time, reconnecting when cut) and, halfway, one worker killed with SIGKILL;
3. a soak at concurrency 4 (default 3 minutes), worker memory sampled throughout.

Health checks run once a second throughout. Reported: throughput, p50/p95/p99, answers by
status, failures, worker memory (RSS, PSS, USS) at start and end of each phase, the killed
worker's replacement time, the health checks' worst latency.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
LOCUSTFILE = ROOT / "scripts" / "locustfile.py"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Service:
    def __init__(self, port: int, log: Path):
        self.base = f"http://127.0.0.1:{port}"
        env = {**os.environ, "PORT": str(port), "HOST": "127.0.0.1", "QUOTEAPI_RATE_LIMIT": "off"}
        self.log = open(log, "w")
        self.proc = subprocess.Popen([sys.executable, "-m", "gunicorn", "-c", "python:quoteapi.gunicorn_conf"],
                                     cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(self.base + "/healthz", timeout=2)
                if len(self.workers()) == int(os.environ.get("WEB_CONCURRENCY", "2")):
                    return
            except OSError:
                pass
            time.sleep(0.5)
        raise SystemExit("gunicorn did not start")

    def workers(self) -> list[psutil.Process]:
        return psutil.Process(self.proc.pid).children()

    def memory(self) -> list[dict]:
        """Each worker's memory in MB: resident, proportional (shared pages split) and unique."""
        rows = []
        for worker in self.workers():
            try:
                info = worker.memory_full_info()
            except psutil.Error:
                continue
            rows.append({"pid": worker.pid, "rss": info.rss / 2**20, "pss": info.pss / 2**20, "uss": info.uss / 2**20})
        return rows

    def stop(self):
        self.proc.terminate()
        self.proc.wait(timeout=60)
        self.log.close()


class HealthWatch(threading.Thread):
    """GET /healthz once a second; keeps the worst latency and the failures."""

    def __init__(self, base: str):
        super().__init__(daemon=True)
        self.base, self.stop_event = base, threading.Event()
        self.latencies: list[float] = []
        self.failures: list[str] = []

    def run(self):
        while not self.stop_event.is_set():
            started = time.monotonic()
            try:
                urllib.request.urlopen(self.base + "/healthz", timeout=10).read()
                self.latencies.append(time.monotonic() - started)
            except OSError as exc:
                self.failures.append(f"{time.strftime('%H:%M:%S')} {exc}")
            self.stop_event.wait(max(0.0, 1 - (time.monotonic() - started)))

    def summary(self) -> dict:
        values = sorted(self.latencies)
        return {"checks": len(values) + len(self.failures), "failed": len(self.failures),
                "worst_s": round(values[-1], 2) if values else None,
                "p99_s": round(values[int(0.99 * (len(values) - 1))], 3) if values else None}


class SlowClients(threading.Thread):
    """*n* connections that trickle a request head a byte every half second, reconnecting
    whenever the server cuts them."""

    def __init__(self, base: str, n: int):
        super().__init__(daemon=True)
        host, port = base.removeprefix("http://").split(":")
        self.address, self.n, self.stop_event = (host, int(port)), n, threading.Event()
        self.cuts = 0
        self.lock = threading.Lock()

    def _one(self):
        head = b"POST /v1/quotes HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n" + b"X-Pad: " + b"a" * 500
        while not self.stop_event.is_set():
            try:
                with socket.create_connection(self.address, timeout=30) as sock:
                    for byte in head:
                        if self.stop_event.is_set():
                            return
                        sock.send(bytes([byte]))
                        time.sleep(0.5)
            except OSError:
                with self.lock:
                    self.cuts += 1

    def run(self):
        threads = [threading.Thread(target=self._one, daemon=True) for _ in range(self.n)]
        for thread in threads:
            thread.start()
        self.stop_event.wait()


def run_locust(base: str, users: int, seconds: int, workdir: Path, name: str) -> dict:
    prefix, status_file = workdir / name, workdir / f"{name}-answers.json"
    env = {**os.environ, "QUOTEAPI_LOAD_STATUS": str(status_file)}
    subprocess.run([sys.executable, "-m", "locust", "-f", str(LOCUSTFILE), "--headless", "-u", str(users),
                    "-r", str(users), "-t", f"{seconds}s", "--host", base, "--csv", str(prefix), "--only-summary",
                    "--stop-timeout", "30", "--loglevel", "WARNING"], env=env, check=False,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with open(f"{prefix}_stats.csv", newline="") as handle:
        rows = {row["Name"]: row for row in csv.DictReader(handle)}
    answers = json.loads(status_file.read_text()) if status_file.exists() else {}
    failures = []
    if Path(f"{prefix}_failures.csv").exists():
        with open(f"{prefix}_failures.csv", newline="") as handle:
            failures = [f"{row['Occurrences']}× {row['Name']}: {row['Error']}" for row in csv.DictReader(handle)]
    total = rows["Aggregated"]

    def row_figures(row):
        return {"requests": int(row["Request Count"]), "failures": int(row["Failure Count"]),
                "rps": float(row["Requests/s"]), "p50_ms": row["50%"], "p95_ms": row["95%"], "p99_ms": row["99%"]}

    return {"all": row_figures(total), "article": row_figures(rows["article"]) if "article" in rows else None,
            "hostile": row_figures(rows["hostile"]) if "hostile" in rows else None,
            "answers": answers, "failures": failures}


def kill_one_worker(service: Service, after: float, out: dict):
    time.sleep(after)
    victim = service.workers()[0]
    before = {w.pid for w in service.workers()}
    killed_at = time.monotonic()
    os.kill(victim.pid, signal.SIGKILL)
    while time.monotonic() - killed_at < 60:
        now = {w.pid for w in service.workers()}
        if len(now) == len(before) and now != before:
            out.update(pid=victim.pid, replaced_after_s=round(time.monotonic() - killed_at, 2))
            return
        time.sleep(0.05)
    out.update(pid=victim.pid, replaced_after_s=None)


def memory_line(rows: list[dict]) -> str:
    return ", ".join(f"RSS {r['rss']:.0f} / PSS {r['pss']:.0f} / USS {r['uss']:.0f}" for r in rows)


def report(results: dict) -> str:
    machine = results["machine"]
    lines = [
        "# Operations: load, faults and limits",
        "",
        "Produced by one command (about 8 minutes; it starts and stops its own server):",
        "",
        "```sh",
        ".venv/bin/pip install -e '.[load]'",
        ".venv/bin/python scripts/loadtest.py --report docs/operations.md",
        "```",
        "",
        f"Run on {results['date']}: {machine}. The service as `make run` serves it: gunicorn, "
        f"{results['workers']} workers × {results['threads']} threads (quoteapi's threaded worker), "
        "preloaded model, time budget 20 s, read timeout 10 s; rate limit off so that the load is "
        "not answered 429. Traffic: locust users sending back to back (the concurrency is the "
        "number of users), PolNeAR dev articles (84, 600 to 17,000 characters) and one request in "
        "five hostile: the inputs of issue 10, each within the limits (listed below). A failure is "
        "any answer that is not the API's JSON with a 2xx, a 4xx or a 503 `over_time_budget`, "
        "or no answer at all.",
        "",
        "## Throughput and latency",
        "",
        "| phase | requests | req/s | p50 ms | p95 ms | p99 ms | articles p50 / p95 ms | failures | 5xx other than the budget's 503 |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for phase in results["phases"]:
        figures, article = phase["locust"]["all"], phase["locust"]["article"] or {}
        server_errors = sum(n for key, n in phase["locust"]["answers"].items()
                            if key.rsplit(" ", 1)[1].startswith("5") and not key.endswith(" 503"))
        lines.append(f"| {phase['name']} | {figures['requests']} | {figures['rps']:.2f} | {figures['p50_ms']} | "
                     f"{figures['p95_ms']} | {figures['p99_ms']} | {article.get('p50_ms')} / {article.get('p95_ms')} | "
                     f"{figures['failures']} | {server_errors} |")
    lines += ["", "## Answers by status", "", "| phase | answers (kind status: count) |", "|---|---|"]
    for phase in results["phases"]:
        kinds = {}
        for key, n in phase["locust"]["answers"].items():
            kind, status = key.rsplit(" ", 1)
            group = "article" if kind == "article" else "hostile"
            kinds[f"{group} {status}"] = kinds.get(f"{group} {status}", 0) + n
        lines.append(f"| {phase['name']} | {', '.join(f'{k}: {v}' for k, v in sorted(kinds.items()))} |")
    lines += ["", "Failures as locust recorded them:", ""]
    for phase in results["phases"]:
        for failure in phase["locust"]["failures"] or ["none"]:
            lines.append(f"- {phase['name']}: {failure}")
    lines += ["", "## Faults and slow clients", ""]
    c16 = next(p for p in results["phases"] if p.get("killed"))
    killed = c16["killed"]
    lines += [
        f"- **A worker killed** with SIGKILL halfway through the concurrency-16 run (pid {killed['pid']}): "
        f"replaced after {killed['replaced_after_s']} s. The requests it was serving got no answer (counted "
        "in that run's failures as connection errors); every later request was answered.",
        f"- **Slow clients**: during the same run, {c16['slow_clients']} connections trickled a request head "
        f"a byte every half second, reconnecting whenever cut: cut {c16['slow_cuts']} times (the read timeout). "
        "Health checks meanwhile: " + json.dumps(c16["health"]) + ".",
        "",
        "## Health checks, every phase",
        "",
        "| phase | checks | failed | worst s | p99 s |",
        "|---|---|---|---|---|",
    ]
    for phase in results["phases"]:
        h = phase["health"]
        lines.append(f"| {phase['name']} | {h['checks']} | {h['failed']} | {h['worst_s']} | {h['p99_s']} |")
    lines += ["", "## Worker memory (MB, each worker)", "", "| phase | start | end |", "|---|---|---|"]
    for phase in results["phases"]:
        lines.append(f"| {phase['name']} | {memory_line(phase['memory_start'])} | {memory_line(phase['memory_end'])} |")
    soak = results["phases"][-1]
    lines += ["", f"Soak samples ({soak['name']}, every 30 s): " +
              "; ".join(f"{s['t']} s: {memory_line(s['memory'])}" for s in soak.get("samples", [])), ""]
    lines += ["## Hostile inputs and what each got", "", "| input | answers (status: count, all phases) |", "|---|---|"]
    per_input: dict[str, dict[str, int]] = {}
    for phase in results["phases"]:
        for key, n in phase["locust"]["answers"].items():
            kind, status = key.rsplit(" ", 1)
            if kind.startswith("hostile:"):
                per_input.setdefault(kind.removeprefix("hostile:"), {}).setdefault(status, 0)
                per_input[kind.removeprefix("hostile:")][status] += n
    for name, statuses in sorted(per_input.items()):
        lines.append(f"| `{name}` | {', '.join(f'{s}: {n}' for s, n in sorted(statuses.items()))} |")
    lines += ["", LIMITS, ""]
    return "\n".join(lines)


LIMITS = """## What a request can cost at most

- **Size**: a body of at most `QUOTEAPI_MAX_BYTES` (2 MiB) and a text of at most
  `QUOTEAPI_MAX_CHARS` (100,000 characters); a batch at most 64 documents and 1,000,000
  characters. Larger: 413, before any analysis. A chunked body is counted as it arrives.
- **Time to arrive**: `QUOTEAPI_READ_TIMEOUT` (10 s) for the whole request; a client that
  trickles is cut with a 408 and holds one of a worker's `QUOTEAPI_THREADS` threads (32) meanwhile,
  not the worker.
- **Time to analyse**: `QUOTEAPI_TIME_BUDGET` (20 s), checked before each spaCy component and
  between the extractor's stages: a request answers 503 `over_time_budget` at the first check past
  the budget, so at most the budget plus the longest stage (the parser on a 100,000-character
  article: a few seconds alone, longer when every thread of the worker is busy). Inputs that would
  stall spaCy's tokenizer (more than 200 marks, symbols or emoji in a row) are refused with 422
  before it; the extractor is linear in the article.
- **Memory**: a worker's private memory follows the analyses in flight (at most
  `QUOTEAPI_CONCURRENT_ANALYSES`, 2, at once; a 100,000-character one holds a few hundred MB
  while it runs) and falls back when they end: every `QUOTEAPI_TRIM_SECONDS` (10 s) the worker
  hands what they freed back to the system (glibc would keep it). The soak samples above show
  what this run saw."""


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--duration", type=int, default=60, help="seconds per concurrency level")
    parser.add_argument("--soak", type=int, default=180, help="seconds of the soak at concurrency 4")
    parser.add_argument("--users", default="1,4,16")
    parser.add_argument("--slow-clients", type=int, default=8)
    parser.add_argument("--report", type=Path, help="write the Markdown report here")
    parser.add_argument("--json", type=Path, help="write the raw figures here")
    args = parser.parse_args(argv)

    workdir = Path(tempfile.mkdtemp(prefix="quoteapi-load-"))
    service = Service(free_port(), workdir / "gunicorn.log")
    from quoteapi import gunicorn_conf

    results = {"date": time.strftime("%Y-%m-%d"), "phases": [], "workers": gunicorn_conf.workers,
               "threads": gunicorn_conf.threads,
               "machine": f"{platform.machine()}, {psutil.cpu_count()} cores, "
                          f"{psutil.virtual_memory().total / 2**30:.0f} GiB, Python {platform.python_version()}"}
    levels = [int(u) for u in args.users.split(",")]
    plan = [(f"concurrency {u}", u, args.duration, u == max(levels)) for u in levels]
    plan.append((f"soak, concurrency 4, {args.soak} s", 4, args.soak, False))
    try:
        for name, users, seconds, faults in plan:
            print(f"{name} …", file=sys.stderr, flush=True)
            phase = {"name": name, "memory_start": service.memory()}
            health = HealthWatch(service.base)
            health.start()
            slow = SlowClients(service.base, args.slow_clients) if faults else None
            killer_out: dict = {}
            killer = threading.Thread(target=kill_one_worker, args=(service, seconds / 2, killer_out)) if faults else None
            for thread in (slow, killer):
                if thread:
                    thread.start()
            samples: list[dict] = []
            sampler_stop = threading.Event()

            def sample(started=time.monotonic()):
                while not sampler_stop.wait(30):
                    samples.append({"t": round(time.monotonic() - started), "memory": service.memory()})

            sampler = threading.Thread(target=sample, daemon=True)
            sampler.start()
            phase["locust"] = run_locust(service.base, users, seconds, workdir, f"u{users}-{len(results['phases'])}")
            sampler_stop.set()
            health.stop_event.set()
            health.join()
            phase["health"] = health.summary()
            phase["memory_end"] = service.memory()
            phase["samples"] = samples
            if slow:
                slow.stop_event.set()
                phase.update(slow_clients=args.slow_clients, slow_cuts=slow.cuts)
            if killer:
                killer.join()
                phase["killed"] = killer_out
            results["phases"].append(phase)
    finally:
        service.stop()
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))
    text = report(results)
    if args.report:
        args.report.write_text(text + "\n")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
