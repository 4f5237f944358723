"""Regression floor on PolNeAR dev: fails if a headline figure drops below what was reached.

Rerun by hand with `quoteapi eval ../shared/data/polnear/dev.jsonl --by-type`.
"""
import pytest

from conftest import POLNEAR_DEV

# A little under the figures of the last change to the extractor (polnear span convention).
FLOORS = {
    "content_exact": 0.585,
    "content_prop": 0.72,
    "speaker_linked": 0.65,
    "source_exact": 0.70,
    "cue_exact": 0.55,
}


@pytest.mark.slow
def test_dev_figures_stay_above_the_floor():
    if not POLNEAR_DEV.exists():
        pytest.skip("../shared/data/polnear/dev.jsonl is not beside the project")
    from quoteapi.evaluate import evaluate, read_gold
    from quoteapi.extract import load_pipeline

    report = evaluate(read_gold(str(POLNEAR_DEV)), load_pipeline(spans="polnear"))
    figures = report.as_dict()["overall"]
    below = {m: figures[m]["f1"] for m, floor in FLOORS.items() if figures[m]["f1"] < floor}
    assert not below, f"below the floor: {below} (floors {FLOORS})"
