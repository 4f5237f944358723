import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED_TEXT = ROOT / "seeds" / "niger-junta-diplomacy.txt"
SEED_GOLD = SHARED / "data" / "seed_gold.json"
POLNEAR_DEV = SHARED / "data" / "polnear" / "dev.jsonl"
ARTIFACTS = ROOT / "tests" / "artifacts"  # screenshots and logs of a test run (not committed)


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
    """One dict per quote: type, mode, part texts, speaker (mention as written), name (resolved),
    cue, outlet, confidence, and the Quote itself."""
    doc = nlp(text)
    return [
        {
            "type": q.type,
            "mode": q.mode,
            "parts": [text[p.start:p.end] for p in q.parts],
            "speaker": q.speaker.text if q.speaker else None,
            "name": q.entity.name if q.entity else None,
            "cue": q.cue.text if q.cue else None,
            "outlet": q.outlet.text if q.outlet else None,
            "confidence": q.confidence,
            "quote": q,
        }
        for q in doc._.quotes
    ]


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def live_server():
    """The real server, started with gunicorn.conf.py as `make run` starts it, on a free port."""
    port = _free_port()
    env = dict(os.environ, PORT=str(port), HOST="127.0.0.1", WEB_CONCURRENCY="2")
    gunicorn = Path(sys.executable).with_name("gunicorn")
    ARTIFACTS.mkdir(exist_ok=True)
    log = open(ARTIFACTS / "gunicorn.log", "w")  # a file, not a pipe: a full pipe would block the server
    proc = subprocess.Popen([str(gunicorn), "-c", "gunicorn.conf.py"], cwd=ROOT, env=env,
                            stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"gunicorn exited: {(ARTIFACTS / 'gunicorn.log').read_text()[-2000:]}")
        try:
            urllib.request.urlopen(base + "/healthz", timeout=2)
            break
        except OSError:
            time.sleep(0.3)
    else:
        proc.kill()
        pytest.fail("gunicorn did not answer in time")
    yield base
    proc.terminate()
    proc.wait(timeout=30)
    log.close()
