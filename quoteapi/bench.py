"""Speed as a ratio: the pipeline with the rules alone and with the learned model, against the
bare spaCy model on the same texts, in the same process, rounds alternating so that machine
noise hits all three alike."""
from __future__ import annotations

import time

from .extract import load_pipeline


def _run(nlp, texts: list[str]) -> float:
    started = time.perf_counter()
    for text in texts:
        nlp(text)
    return time.perf_counter() - started


def compare(texts: list[str], rounds: int = 3) -> dict:
    rules = load_pipeline(learned=False)  # the baseline is this pipeline with the quotes component off
    learned = load_pipeline(learned=True)
    times = {"baseline": [], "rules": [], "learned": []}
    for _ in range(rounds):
        with rules.select_pipes(disable=["quotes"]):
            times["baseline"].append(_run(rules, texts))
        times["rules"].append(_run(rules, texts))
        times["learned"].append(_run(learned, texts))
    chars = sum(len(t) for t in texts)
    best = {k: min(v) for k, v in times.items()}
    return {
        "documents": len(texts), "characters": chars, "rounds": rounds,
        "baseline_seconds": round(best["baseline"], 3), "rules_seconds": round(best["rules"], 3),
        "learned_seconds": round(best["learned"], 3),
        "ratio": round(best["learned"] / best["baseline"], 3),
        "rules_ratio": round(best["rules"] / best["baseline"], 3),
        "learned_over_rules_of_parse": round((best["learned"] - best["rules"]) / best["baseline"], 3),
        "quoteapi_chars_per_second": round(chars / best["learned"]),
    }
