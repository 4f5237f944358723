"""Speed as a ratio: the full pipeline against the bare spaCy model on the same texts, in the
same process, rounds alternating so that machine noise hits both alike."""
from __future__ import annotations

import time

from .extract import load_pipeline


def _run(nlp, texts: list[str]) -> float:
    started = time.perf_counter()
    for text in texts:
        nlp(text)
    return time.perf_counter() - started


def compare(texts: list[str], rounds: int = 3) -> dict:
    full = load_pipeline()  # the baseline is the same pipeline with the quotes component off
    times = {"baseline": [], "quoteapi": []}
    for _ in range(rounds):
        with full.select_pipes(disable=["quotes"]):
            times["baseline"].append(_run(full, texts))
        times["quoteapi"].append(_run(full, texts))
    chars = sum(len(t) for t in texts)
    best = {k: min(v) for k, v in times.items()}
    return {
        "documents": len(texts), "characters": chars, "rounds": rounds,
        "baseline_seconds": round(best["baseline"], 3), "quoteapi_seconds": round(best["quoteapi"], 3),
        "ratio": round(best["quoteapi"] / best["baseline"], 3),
        "quoteapi_chars_per_second": round(chars / best["quoteapi"]),
    }
