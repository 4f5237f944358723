"""The real gunicorn server, started as `make run` and the Procfile start it."""
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server():
    port = _free_port()
    env = dict(os.environ, PORT=str(port), HOST="127.0.0.1", WEB_CONCURRENCY="2")
    gunicorn = Path(sys.executable).with_name("gunicorn")
    proc = subprocess.Popen([str(gunicorn), "-c", "gunicorn.conf.py"], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"gunicorn exited: {proc.stdout.read().decode()[-2000:]}")
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


def test_post_seed_article_to_gunicorn(server):
    data = (ROOT / "seeds" / "niger-junta-diplomacy.txt").read_bytes()
    req = urllib.request.Request(server + "/v1/quotes", data=data, headers={"Content-Type": "text/plain"})
    body = json.load(urllib.request.urlopen(req, timeout=60))
    names = {s["name"] for s in body["speakers"]}
    assert {"Victoria Nuland", "Antony Blinken", "Rida Lyammouri"} <= names


def test_gunicorn_errors_are_json(server):
    req = urllib.request.Request(server + "/v1/quotes", data=b"{oops", headers={"Content-Type": "application/json"})
    with pytest.raises(urllib.error.HTTPError) as info:
        urllib.request.urlopen(req, timeout=30)
    assert info.value.code == 400
    assert json.load(info.value)["error"]["code"] == "malformed_json"
