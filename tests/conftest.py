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
SEED_TEXT = ROOT / "seeds" / "niger-junta-diplomacy.txt"  # seeds/ links to quoteapi/samples/
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

    return create_app({"TESTING": True, "MAX_CHARS": 50_000, "MAX_BYTES": 300_000, "RATE_LIMIT": "off"})


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


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """A real gunicorn, started as `make run` starts it (the package's settings), on a free port."""

    def __init__(self, name: str, **env):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log_path = ARTIFACTS / f"{name}.log"
        ARTIFACTS.mkdir(exist_ok=True)
        self.log = open(self.log_path, "w")  # a file, not a pipe: a full pipe would block the server
        full_env = {**os.environ, "PORT": str(self.port), "HOST": "127.0.0.1", "WEB_CONCURRENCY": "2",
                    "QUOTEAPI_RATE_LIMIT": "off", **env}
        self.proc = subprocess.Popen([sys.executable, "-m", "gunicorn", "-c", "python:quoteapi.gunicorn_conf"],
                                     cwd=ROOT, env=full_env, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                pytest.fail(f"gunicorn exited: {self.log_path.read_text()[-2000:]}")
            try:
                urllib.request.urlopen(self.base + "/healthz", timeout=2)
                return
            except OSError:
                time.sleep(0.3)
        self.stop()
        pytest.fail("gunicorn did not answer in time")

    def stop(self):
        self.proc.terminate()
        self.proc.wait(timeout=30)
        self.log.close()


@pytest.fixture(scope="session")
def live_server():
    server = Server("gunicorn")
    yield server.base
    server.stop()
