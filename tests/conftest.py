import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED_TEXT = ROOT / "seeds" / "niger-junta-diplomacy.txt"
SEED_GOLD = SHARED / "data" / "seed_gold.json"
POLNEAR_DEV = SHARED / "data" / "polnear" / "dev.jsonl"


@pytest.fixture(scope="session")
def nlp():
    from quoteapi.extract import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def app():
    from quoteapi.api import create_app

    return create_app({"TESTING": True, "MAX_CHARS": 50_000, "MAX_BYTES": 300_000})


@pytest.fixture()
def client(app):
    return app.test_client()


@pytest.fixture(scope="session")
def seed_text():
    return SEED_TEXT.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_gold():
    if not SEED_GOLD.exists():
        pytest.skip("../shared/data/seed_gold.json is not beside the project")
    return json.loads(SEED_GOLD.read_text(encoding="utf-8"))


def quotes_of(nlp, text):
    """(type, [part texts], speaker text, speaker name, cue text, outlet text) per quote."""
    doc = nlp(text)
    return [
        {
            "type": q.type,
            "mode": q.mode,
            "parts": [text[s:e] for s, e in q.parts],
            "speaker": q.speaker.text if q.speaker else None,
            "name": q.entity.name if q.entity else None,
            "cue": q.cue.text if q.cue else None,
            "outlet": q.outlet.text if q.outlet else None,
            "confidence": q.confidence,
            "quote": q,
        }
        for q in doc._.quotes
    ]
