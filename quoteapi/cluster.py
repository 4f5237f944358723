"""Archives past one machine, on Dask (``pip install 'quoteapi[dask]'``).

Two ways in:

- :func:`extract_bag` maps the extractor over a ``dask.bag`` of records ``{id, text, format?}``
  (``dask.bag.read_text("s3://archive/*.jsonl.gz").map(json.loads)``, or a Dask dataframe's
  ``df.to_bag(format="dict")``) and gives a bag of v1 responses; a record that cannot be analysed
  gives ``{"id", "line", "error"}`` (``line``: its position in its partition) in its place.
- :func:`run` is ``quoteapi extract --jsonl IN --out DIR --scheduler ADDRESS``: this process reads
  IN (a file, a ``.gz`` file or standard input) in partitions of ``partition_size`` records, the
  cluster's workers analyse them, and this process writes one part file per partition,
  ``DIR/part-00000.jsonl`` …, each in input order and whole (written aside, then renamed), and the
  records that cannot be analysed to ``DIR/errors.jsonl``. Nothing needs a shared file system. With
  ``resume``, partitions whose part file exists are not sent again (the same input and
  partition size give the same partitions).

Each worker process loads the pipeline once, on its first partition, and keeps it (the loader of
:mod:`quoteapi.batch`): a partition costs its parse, not a model load.
"""
from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterable
from pathlib import Path

from . import batch
from .extract.vocab import DEFAULT_MODES

DEFAULT_PARTITION = 256


# A worker process may run tasks on several threads; they take turns with its one pipeline.
_PIPELINE = threading.Lock()


def _analyze(records: list[batch.Record], modes: tuple[str, ...], provenance: bool, batch_size: int) -> list[dict]:
    with _PIPELINE:
        return batch.analyze_batch(records, modes, provenance, batch_size)


def _analyze_partition(records: Iterable, modes: tuple[str, ...], provenance: bool, batch_size: int,
                       max_chars: int) -> list[dict]:
    checked = [batch.check_record(n, r, "text", max_chars) for n, r in enumerate(records, 1)]
    good = [r for r in checked if isinstance(r, batch.Record)]
    answers = iter(_analyze(good, modes, provenance, batch_size))
    return [next(answers) if isinstance(r, batch.Record) else r.as_dict() for r in checked]


def extract_bag(bag, *, modes: Iterable[str] = DEFAULT_MODES, provenance: bool = False,
                batch_size: int = batch.DEFAULT_BATCH, max_chars: int = batch.DEFAULT_MAX_CHARS):
    """A bag of v1 responses, one per record of *bag*, partition by partition (see above)."""
    return bag.map_partitions(_analyze_partition, tuple(str(m) for m in modes), provenance, batch_size, max_chars)


def part_path(out: Path, index: int) -> Path:
    return out / f"part-{index:05d}.jsonl"


def _write_part(out: Path, index: int, responses: list[dict]) -> None:
    final = part_path(out, index)
    aside = final.with_name(final.name + ".partial")
    with open(aside, "w", encoding="utf-8") as fh:
        for body in responses:
            fh.write(json.dumps(body, ensure_ascii=False) + "\n")
    os.replace(aside, final)


def run(source: str, out: Path, scheduler, *, partition_size: int = DEFAULT_PARTITION,
        batch_size: int = batch.DEFAULT_BATCH, resume: bool = False, fmt: str = "text",
        modes: Iterable[str] = DEFAULT_MODES, provenance: bool = False,
        max_chars: int = batch.DEFAULT_MAX_CHARS, progress: bool | None = None) -> batch.Summary:
    """Analyse every record of *source* on the Dask cluster at *scheduler* (an address such as
    ``tcp://10.0.0.5:8786``, or a ``distributed.Client``) into part files in *out*."""
    from distributed import Client, as_completed
    from tqdm import tqdm

    client = scheduler if isinstance(scheduler, Client) else Client(scheduler)
    modes = tuple(str(m) for m in modes)
    out.mkdir(parents=True, exist_ok=True)
    summary = batch.Summary()
    window = 2 * max(1, len(client.scheduler_info()["workers"]))
    with batch.open_input(source) as lines, \
            open(out / "errors.jsonl", "a" if resume else "w", encoding="utf-8") as bad, \
            tqdm(desc="articles", unit="doc", disable=None if progress is None else not progress) as bar:
        running = as_completed()
        sizes: dict = {}

        def collect(future) -> None:
            index, records = sizes.pop(future.key)
            _write_part(out, index, future.result())
            summary.written += len(records)
            summary.characters += sum(len(r.text) for r in records)
            bar.update(len(records))

        records_in = batch.accepted(batch.read_records(lines, fmt, max_chars), bad, summary)
        for index, records in enumerate(batch.chunks(records_in, partition_size)):
            if resume and part_path(out, index).exists():
                summary.skipped += len(records)
                continue
            future = client.submit(_analyze, records, modes, provenance, batch_size, pure=False)
            sizes[future.key] = (index, records)
            running.add(future)
            if running.count() >= window:  # a bounded number of partitions in flight
                collect(next(running))
        for future in running:
            collect(future)
    if not isinstance(scheduler, Client):
        client.close()
    return summary
