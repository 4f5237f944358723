"""Archives: the API's response for every record of a JSON-lines file, on every core, resumable.

Input: one JSON object a line, ``{"id", "text", "format"?}`` (a ``.gz`` file, a plain file or
standard input). Output: one v1 response a line, appended and flushed batch by batch, **in
input order**, each with its ``id`` (a record without one gets ``line-N``). A record that cannot
be analysed (not JSON, no text, too long, a symbol run that would stall the tokenizer) goes to
the errors file with its line number and the reason; the run goes on. With ``resume``, ids
already in the output are skipped, so a run killed over a million articles loses at most the
batch in flight (a half-written last line is dropped first).

Processes: each worker process loads the pipeline once and runs ``nlp.pipe`` over a batch of
texts, returning plain dicts (Docs and their quotes never cross processes).
"""
from __future__ import annotations

import gzip
import io
import json
import os
import sys
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from .limits import MAX_SYMBOL_RUN, symbol_run
from .extract.vocab import DEFAULT_MODES

DEFAULT_BATCH = 32
DEFAULT_MAX_CHARS = 100_000


@dataclass(frozen=True)
class Record:
    line: int
    id: str
    text: str
    format: str


@dataclass(frozen=True)
class Failure:
    line: int
    id: str | None
    reason: str

    def as_dict(self) -> dict:
        return {"line": self.line, "id": self.id, "error": self.reason}


def open_input(path: str):
    """A text stream of *path*: ``-`` for standard input, gzip by its magic bytes."""
    if path == "-":
        return io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8")
    with open(path, "rb") as fh:
        gz = fh.read(2) == b"\x1f\x8b"
    return gzip.open(path, "rt", encoding="utf-8") if gz else open(path, encoding="utf-8")


def read_records(lines: Iterable[str], fmt: str, max_chars: int) -> Iterator[Record | Failure]:
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError as exc:
            yield Failure(n, None, f"not JSON: {exc}")
            continue
        yield check_record(n, record, fmt, max_chars)


def check_record(n: int, record, fmt: str, max_chars: int) -> Record | Failure:
    """Record *n* (a parsed JSON value) as the analysis takes it, or why it cannot be analysed."""
    if not isinstance(record, dict):
        return Failure(n, None, 'not a JSON object with a "text" string')
    if not isinstance(record.get("text"), str):
        return Failure(n, None if record.get("id") is None else str(record["id"]), 'no "text" string')
    rid = str(record["id"]) if record.get("id") is not None else f"line-{n}"
    text = record["text"]
    if len(text) > max_chars:
        return Failure(n, rid, f"text of {len(text)} characters; the limit is {max_chars}")
    run = symbol_run(text)
    if run is not None:
        return Failure(n, rid, f"{run[1] - run[0]} punctuation marks, symbols or emoji in a row at offset "
                               f"{run[0]}; at most {MAX_SYMBOL_RUN} can be analysed")
    record_fmt = record.get("format", fmt)
    if record_fmt not in {"text", "html"}:
        return Failure(n, rid, f"unknown format {record_fmt!r}")
    return Record(n, rid, text, record_fmt)


def done_ids(out: Path) -> set[str]:
    """Ids already written to *out*; a half-written last line (a killed run) is cut off."""
    if not out.exists():
        return set()
    raw = out.read_bytes()
    if raw and not raw.endswith(b"\n"):
        keep = raw.rfind(b"\n") + 1
        with open(out, "r+b") as fh:
            fh.truncate(keep)
        raw = raw[:keep]
    return {json.loads(line)["id"] for line in raw.decode("utf-8").splitlines() if line.strip()}


# -- the work, in whichever process -------------------------------------------------------------
_NLP = None


def _worker_init() -> None:
    global _NLP
    from .extract import load_pipeline

    _NLP = load_pipeline()


def analyze_batch(records: list[Record], modes: tuple[str, ...], provenance: bool, batch_size: int) -> list[dict]:
    """The v1 responses of a batch of records, through ``nlp.pipe``."""
    import time

    from .extract import model_label
    from .htmltext import html_to_text
    from .service import build_response

    if _NLP is None:
        _worker_init()
    texts = [html_to_text(r.text) if r.format == "html" else r.text for r in records]
    out = []
    started = time.perf_counter()
    for record, text, doc in zip(records, texts, _NLP.pipe(texts, batch_size=batch_size)):
        elapsed = (time.perf_counter() - started) * 1000
        out.append(build_response(text if record.format == "html" else None, doc._.quotes, doc._.speakers,
                                  modes=modes, doc_id=record.id, model=model_label(_NLP),
                                  elapsed_ms=elapsed, provenance=provenance))
        started = time.perf_counter()
    return out


def chunks(items: Iterator, size: int) -> Iterator[list]:
    """Lists of *size* items (the last one shorter) taken from *items* as they come."""
    while chunk := list(islice(items, size)):
        yield chunk


def accepted(items: Iterable[Record | Failure], bad, summary: Summary, seen: set[str] = frozenset()) -> Iterator[Record]:
    """The records to analyse: failures are written to *bad* (a line of JSON each, flushed) and
    counted, ids in *seen* counted as skipped."""
    for item in items:
        if isinstance(item, Failure):
            summary.failed += 1
            bad.write(json.dumps(item.as_dict(), ensure_ascii=False) + "\n")
            bad.flush()
        elif item.id in seen:
            summary.skipped += 1
        else:
            yield item


@dataclass
class Summary:
    written: int = 0
    skipped: int = 0
    failed: int = 0
    characters: int = 0


def run(source: str, out: Path | None, errors: Path | None, *, processes: int | None = None,
        batch_size: int = DEFAULT_BATCH, resume: bool = False, fmt: str = "text",
        modes: Iterable[str] = DEFAULT_MODES, provenance: bool = False, max_chars: int = DEFAULT_MAX_CHARS,
        progress: bool | None = None) -> Summary:
    """Analyse every record of *source* into *out* (standard output when None; failures then go
    to standard error unless *errors* names a file). See the module's docstring."""
    from tqdm import tqdm

    processes = processes or os.cpu_count() or 1
    modes = tuple(str(m) for m in modes)
    seen = done_ids(out) if resume and out is not None else set()
    summary = Summary()
    with ExitStack() as stack:
        lines = stack.enter_context(open_input(source))
        sink = sys.stdout if out is None else stack.enter_context(open(out, "a" if resume else "w", encoding="utf-8"))
        bad = sys.stderr if errors is None else stack.enter_context(open(errors, "a" if resume else "w", encoding="utf-8"))
        bar = stack.enter_context(tqdm(desc="articles", unit="doc", file=sys.stderr,
                                       disable=(None if progress is None else not progress) if out is not None else True))

        def write(responses: list[dict], batch: list[Record]) -> None:
            for body in responses:
                sink.write(json.dumps(body, ensure_ascii=False) + "\n")
            sink.flush()
            summary.written += len(responses)
            summary.characters += sum(len(r.text) for r in batch)
            bar.update(len(responses))
            bar.set_postfix_str(f"{summary.characters / (bar.format_dict['elapsed'] or 1e-9):,.0f} chars/s")

        batches = chunks(accepted(read_records(lines, fmt, max_chars), bad, summary, seen), batch_size)
        if processes == 1:
            for batch in batches:
                write(analyze_batch(batch, modes, provenance, batch_size), batch)
        else:
            with ProcessPoolExecutor(processes, initializer=_worker_init) as pool:
                pending = []
                for batch in batches:  # a bounded window of batches in flight, written in order
                    pending.append((batch, pool.submit(analyze_batch, batch, modes, provenance, batch_size)))
                    if len(pending) >= 2 * processes:
                        done_batch, future = pending.pop(0)
                        write(future.result(), done_batch)
                for done_batch, future in pending:
                    write(future.result(), done_batch)
    return summary
