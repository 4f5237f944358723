"""Regression floor on PolNeAR dev, for both paths: fails if a headline figure drops below what
was reached.

Rerun by hand with `quoteapi eval ../shared/data/polnear/dev.jsonl --compare --by-type`.
"""
import pytest

from conftest import POLNEAR_DEV

# A little under the figures of the last change to the extractor (polnear span convention).
FLOORS = {
    "rules only": {"content_exact": 0.636, "content_prop": 0.756, "speaker_linked": 0.710,
                   "source_exact": 0.756, "cue_exact": 0.695},
    "learned": {"content_exact": 0.674, "content_prop": 0.823, "speaker_linked": 0.756,
                "source_exact": 0.805, "cue_exact": 0.737},
}


@pytest.mark.slow
@pytest.mark.parametrize("path", FLOORS)
def test_dev_figures_stay_above_the_floor(path):
    if not POLNEAR_DEV.exists():
        pytest.skip("../shared/data/polnear/dev.jsonl is not beside the project")
    from quoteapi.evaluate import evaluate, read_gold
    from quoteapi.extract import load_pipeline

    report = evaluate(read_gold(str(POLNEAR_DEV)), load_pipeline(spans="polnear", learned=path == "learned"))
    figures = report.as_dict()["overall"]
    floors = FLOORS[path]
    below = {m: figures[m]["f1"] for m, floor in floors.items() if figures[m]["f1"] < floor}
    assert not below, f"{path}: below the floor: {below} (floors {floors})"
