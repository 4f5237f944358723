"""The real gunicorn server, started as `make run` and the Procfile start it."""
import json
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
