"""Speed as a ratio: the quotes component with the rules alone and with the learned model,
against the bare spaCy model on the same texts, in the same process.

The texts are parsed once per round by the bare model (the baseline); the component then runs
on those parsed documents, rules and learned alternating (five times each per round: the
component costs a few percent of the parse, so its timings need more samples than the parse's),
so that each cost is measured on its own and machine noise hits all of them alike. Times are the
process's CPU time (``time.process_time``: what other tenants of a shared machine take while
this one waits is not counted), best of the rounds.
"""
from __future__ import annotations

import time

from .extract import load_pipeline
from .extract.component import QuoteExtractor


_COMPONENT_RUNS = 5


def _timed(fn, items) -> float:
    started = time.process_time()
    for item in items:
        fn(item)
    return time.process_time() - started


def compare(texts: list[str], rounds: int = 3) -> dict:
    nlp = load_pipeline(learned=False)
    rules = QuoteExtractor(nlp, "quotes", learned=False)
    learned = QuoteExtractor(nlp, "quotes", learned=True)
    times = {"baseline": [], "rules": [], "learned": []}
    for _ in range(rounds):
        with nlp.select_pipes(disable=["quotes"]):
            started = time.process_time()
            docs = [nlp(text) for text in texts]
            times["baseline"].append(time.process_time() - started)
        for _ in range(_COMPONENT_RUNS):
            times["rules"].append(_timed(rules, docs))
            times["learned"].append(_timed(learned, docs))
    chars = sum(len(t) for t in texts)
    best = {k: min(v) for k, v in times.items()}
    base = best["baseline"]
    return {
        "documents": len(texts), "characters": chars, "rounds": rounds,
        "baseline_seconds": round(base, 3), "rules_extraction_seconds": round(best["rules"], 3),
        "learned_extraction_seconds": round(best["learned"], 3),
        "ratio": round((base + best["learned"]) / base, 3),
        "rules_ratio": round((base + best["rules"]) / base, 3),
        "learned_over_rules_of_parse": round((best["learned"] - best["rules"]) / base, 3),
        "quoteapi_chars_per_second": round(chars / (base + best["learned"])),
    }
