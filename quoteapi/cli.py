"""The ``quoteapi`` command: serve, extract, schemas (and eval, bench)."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from .extract.vocab import DEFAULT_MODES
from .schemas import parse_modes

def _modes(value: str | None) -> list[str]:
    try:
        return parse_modes(value or ",".join(DEFAULT_MODES))
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


@click.group()
def main() -> None:
    """Quote and attribution extraction for newsrooms."""


@main.command()
@click.option("--port", type=int, default=None, help="Port (default: $PORT or 8000).")
@click.option("--workers", type=int, default=None, help="Workers (default: $WEB_CONCURRENCY or 2).")
@click.option("--host", default=None, help="Address to listen on (default: $HOST or 127.0.0.1).")
def serve(port: int | None, workers: int | None, host: str | None) -> None:
    """Start the API under the gunicorn of this Python environment, with the package's settings."""
    if port is not None:
        os.environ["PORT"] = str(port)
    if workers is not None:
        os.environ["WEB_CONCURRENCY"] = str(workers)
    if host is not None:
        os.environ["HOST"] = host
    args = [sys.executable, "-m", "gunicorn", "-c", "python:quoteapi.gunicorn_conf"]
    os.execv(sys.executable, args)


@main.command()
@click.argument("source", required=False, default="-")
@click.option("--jsonl", "jsonl", type=click.Path(dir_okay=False, allow_dash=True),
              help="Records {id, text, format?}, one JSON object a line (a .gz file, a file or - for stdin); "
                   "one response a line, in input order, each with its id.")
@click.option("--out", type=click.Path(path_type=Path), default=None,
              help="With --jsonl: the file to append responses to (default: standard output, one process); "
                   "with --scheduler, the directory of part files.")
@click.option("--errors", "errors_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="With --out: where records that cannot be analysed go (default: OUT.errors.jsonl).")
@click.option("--processes", type=int, default=None, help="With --out: worker processes (default: every core).")
@click.option("--batch-size", type=int, default=32, show_default=True, help="Articles per nlp.pipe batch.")
@click.option("--resume", is_flag=True, help="With --out: skip the ids OUT already holds (after a killed run).")
@click.option("--html", is_flag=True, help="The input is HTML.")
@click.option("--modes", default=None, help="Comma-separated: speech, writing, thought (default speech,writing).")
@click.option("--provenance", is_flag=True, help="Add rule and speaker_from to every quote.")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="With --jsonl and --out DIR: run on the Dask cluster at ADDRESS (tcp://host:8786), one part "
                   "file per partition in DIR (needs quoteapi[dask]).")
@click.option("--partition-size", type=int, default=256, show_default=True,
              help="With --scheduler: records per partition (and part file).")
def extract(source: str, jsonl: str | None, out: Path | None, errors_path: Path | None, processes: int | None,
            batch_size: int, resume: bool, html: bool, modes: str | None, provenance: bool,
            scheduler: str | None, partition_size: int) -> None:
    """Print the API's JSON for an article FILE (or - for standard input), or run over an archive
    with --jsonl. The exit status is 1 when a record could not be analysed."""
    chosen = _modes(modes)
    fmt = "html" if html else "text"
    if jsonl:
        from . import batch

        if scheduler:
            if out is None:
                raise click.UsageError("--scheduler writes part files: give the directory with --out DIR.")
            try:
                from . import cluster
                summary = cluster.run(jsonl, out, scheduler, partition_size=partition_size, batch_size=batch_size,
                                      resume=resume, fmt=fmt, modes=chosen, provenance=provenance)
            except ImportError as exc:
                raise click.ClickException(f"{exc}: --scheduler needs Dask, pip install 'quoteapi[dask]'") from None
            errors_path = out / "errors.jsonl"
        else:
            if out is not None and errors_path is None:
                errors_path = out.with_name(out.name + ".errors.jsonl")
            summary = batch.run(jsonl, out, errors_path, processes=processes if out is not None else 1,
                                batch_size=batch_size, resume=resume, fmt=fmt, modes=chosen, provenance=provenance)
        click.echo(f"{summary.written} written, {summary.skipped} already done, {summary.failed} failed"
                   + (f" (see {errors_path})" if summary.failed and errors_path else ""), err=True)
        if summary.failed:
            raise SystemExit(1)
        return
    from .extract import load_pipeline
    from .service import analyze

    text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    body = analyze(text, fmt=fmt, modes=chosen, provenance=provenance, nlp=load_pipeline())
    click.echo(json.dumps(body, ensure_ascii=False, indent=2))


@main.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--by-type", is_flag=True, help="Also score direct, indirect and mixed quotes apart.")
@click.option("--by-cue", is_flag=True, help="Also break recall down by the kind of gold cue.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option("--errors", type=int, default=0, help="Print N missed and N spurious quotes with context.")
@click.option("--limit", type=int, default=None, help="Only the first N documents.")
@click.option("--spans", type=click.Choice(["polnear", "compact"]), default="polnear", show_default=True,
              help="Span convention: PolNeAR's (content keeps 'that', speakers their appositions) or the API's.")
@click.option("--learned/--rules-only", default=None,
              help="With or without the learned model (default: as QUOTEAPI_LEARNED says, on).")
@click.option("--compare", is_flag=True, help="Score rules only and rules + learned model on the same gold, side by side.")
@click.option("--ceiling", is_flag=True,
              help="Score the learned path beside the same path with the gold deciding which candidates "
                   "attribute, where contents end, and both: what better decisions could gain at most.")
def evaluate_cmd(gold: str, by_type: bool, by_cue: bool, as_json: bool, errors: int, limit: int | None,
                 spans: str, learned: bool | None, compare: bool, ceiling: bool) -> None:
    """Score the extractor on a gold JSONL file (PolNeAR format), every mode included."""
    from itertools import islice

    from tqdm import tqdm

    from .evaluate import (evaluate, format_comparison, format_recall_by_cue, format_side_by_side, format_table,
                           read_gold)
    from .extract import load_pipeline

    if ceiling and (compare or learned is False or errors):
        raise click.UsageError("--ceiling runs the learned path alone, without --compare, --rules-only or --errors.")
    records = list(islice(read_gold(gold), limit))
    if compare or ceiling:
        if ceiling:
            from .ceiling import NoModel, ceiling_reports

            try:
                reports = ceiling_reports(records, spans=spans)
            except NoModel as exc:
                raise click.ClickException(str(exc)) from exc
        else:
            reports = {}
            for name, on in (("rules only", False), ("learned", True)):
                with tqdm(total=len(records), desc=name, unit="doc", file=sys.stderr, disable=None) as bar:
                    reports[name] = evaluate(records, load_pipeline(spans=spans, learned=on), progress=bar)
        if as_json:
            click.echo(json.dumps({"gold": gold, "spans": spans, **{k: r.as_dict() for k, r in reports.items()}},
                                  indent=2, ensure_ascii=False))
            return
        click.echo(f"{gold} — span convention: {spans}")
        if ceiling:
            click.echo(format_side_by_side(reports, by_type))
        else:
            click.echo(format_comparison(reports["rules only"], reports["learned"], by_type))
        if by_cue:
            for name, report in reports.items():
                click.echo(f"\n{name}: " + format_recall_by_cue(report))
        return
    nlp = load_pipeline(spans=spans, learned=learned)
    with tqdm(total=len(records), desc="evaluating", unit="doc", file=sys.stderr, disable=None) as bar:
        report = evaluate(records, nlp, keep_errors=errors, progress=bar)
    if as_json:
        out = {"gold": gold, "spans": spans, **report.as_dict()}
        if errors:
            out["missed"], out["spurious"] = report.missed, report.spurious
        click.echo(json.dumps(out, indent=2, ensure_ascii=False))
        return
    click.echo(f"{gold} — span convention: {spans}")
    click.echo(format_table(report, by_type))
    if by_cue:
        click.echo("\n" + format_recall_by_cue(report))
    for title, rows in (("missed", report.missed), ("spurious", report.spurious)):
        if rows:
            click.echo(f"\n== {len(rows)} {title} ==")
            for row in rows:
                extra = f" rule={row['rule']}" if "rule" in row else ""
                click.echo(f"- [{row['type']}] source={row['source']!r} cue={row['cue']!r}{extra}\n    {row['context']}")


@main.command()
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--dev", "dev", type=click.Path(exists=True, dir_okay=False), required=True,
              help="Gold file the decision threshold is chosen on (PolNeAR dev).")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Folder for attribution-model.json.gz and its figures (the shipped one: quoteapi/extract/data).")
@click.option("--c", "c", type=float, default=0.3, show_default=True, help="Inverse L2 regularisation strength.")
@click.option("--limit", type=int, default=None, help="Only the first N documents of each file (for a quick try).")
def train(gold: str, dev: str, out: Path, c: float, limit: int | None) -> None:
    """Train the learned attribution model on GOLD (PolNeAR train) and print its dev figures."""
    from itertools import islice

    from .evaluate import read_gold
    from .train import require_extras
    from .train import train as run

    try:
        require_extras()
    except RuntimeError as error:
        raise click.ClickException(str(error)) from None
    figures = run(list(islice(read_gold(gold), limit)), list(islice(read_gold(dev), limit)), out, c=c)
    click.echo(json.dumps(figures, indent=2))


@main.command()
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--limit", type=int, default=40, show_default=True, help="Documents to time.")
@click.option("--rounds", type=int, default=3, show_default=True, help="Alternating rounds of each pipeline.")
def bench(gold: str, limit: int, rounds: int) -> None:
    """Time extraction against its baseline: the same spaCy model without the quotes component,
    on the same texts, alternating in one process (the ratio holds on a noisy machine)."""
    from itertools import islice

    from .bench import compare
    from .evaluate import read_gold

    texts = [r["text"] for r in islice(read_gold(gold), limit)]
    result = compare(texts, rounds=rounds)
    click.echo(json.dumps(result, indent=2))


@main.command()
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=Path("schemas"),
              show_default=True, help="Folder to write (relative to the current directory).")
@click.option("--check", is_flag=True, help="Exit 1 if the files in --out are stale; write nothing.")
def schemas(out: Path, check: bool) -> None:
    """Write the OpenAPI document and JSON Schemas generated from the marshmallow schemas."""
    from .openapi import rendered_files, write_schemas

    if check:
        stale = [name for name, content in rendered_files().items()
                 if not (out / name).exists() or (out / name).read_text(encoding="utf-8") != content]
        if stale:
            raise click.ClickException(f"stale: {', '.join(stale)}; run `quoteapi schemas`")
        click.echo("schemas up to date")
        return
    for path in write_schemas(out):
        click.echo(f"wrote {path}")


if __name__ == "__main__":
    main()
