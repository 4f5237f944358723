"""The real gunicorn server, started as `make run` and the Procfile start it."""
import json
import time
import urllib.error
import urllib.request

import pytest

from conftest import ROOT

pytestmark = pytest.mark.slow  # starts gunicorn


def test_post_seed_article_to_gunicorn(live_server):
    data = (ROOT / "seeds" / "niger-junta-diplomacy.txt").read_bytes()
    req = urllib.request.Request(live_server + "/v1/quotes", data=data, headers={"Content-Type": "text/plain"})
    body = json.load(urllib.request.urlopen(req, timeout=60))
    names = {s["name"] for s in body["speakers"]}
    assert {"Victoria Nuland", "Antony Blinken", "Rida Lyammouri"} <= names


def test_gunicorn_errors_are_json(live_server):
    req = urllib.request.Request(live_server + "/v1/quotes", data=b"{oops", headers={"Content-Type": "application/json"})
    with pytest.raises(urllib.error.HTTPError) as info:
        urllib.request.urlopen(req, timeout=30)
    assert info.value.code == 400
    assert json.load(info.value)["error"]["code"] == "malformed_json"


def test_request_id_in_the_access_log_and_never_the_article(live_server):
    marker = "Zanzibar-lighthouse-4471"
    body = json.dumps({"text": f"“The {marker} stays open,” said Ana Lima."}).encode()
    req = urllib.request.Request(live_server + "/v1/quotes", data=body, method="POST",
                                 headers={"Content-Type": "application/json", "X-Request-Id": "rid-test-0099"})
    with urllib.request.urlopen(req, timeout=60) as r:
        assert r.headers["X-Request-Id"] == "rid-test-0099"
        assert r.headers["Server"] == "quoteapi"  # no server name and version banner
        assert r.headers["X-Content-Type-Options"] == "nosniff"
    path = ROOT / "tests" / "artifacts" / "gunicorn.log"
    deadline = time.monotonic() + 10  # the worker writes its access line after answering
    while "rid=rid-test-0099" not in path.read_text() and time.monotonic() < deadline:
        time.sleep(0.2)
    log = path.read_text()
    assert "rid=rid-test-0099" in log
    assert marker not in log
