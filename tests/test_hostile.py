"""Hostile input within the limits gets a clear JSON answer, fast, never a 500 (issue: no request
within the limits can take the service down)."""
import json

import pytest

from conftest import ARTIFACTS  # noqa: F401  (the live server's log lives there)


@pytest.fixture(scope="module")
def roomy():
    """The default limits (100,000 characters, 2 MiB), not the test app's smaller ones."""
    from quoteapi.api import create_app

    return create_app({"TESTING": True, "RATE_LIMIT": "off"}).test_client()


def _code(r):
    return r.status_code, (r.get_json() or {}).get("error", {}).get("code")


@pytest.mark.parametrize("text", [
    '"' * 25_000,            # spaCy's tokenizer is quadratic on such runs
    "😀" * 20_000,
    "“‘\"" * 5_000,
    "(" * 5_000 + ")" * 5_000,
])
def test_runs_that_would_stall_the_tokenizer_are_refused(client, text):
    r = client.post("/v1/quotes", data=text.encode(), content_type="text/plain")
    assert _code(r) == (422, "unprocessable")
    assert "in a row" in r.get_json()["error"]["message"]


def test_ordinary_symbols_pass(client):
    text = "=" * 80 + "\n“It works!!!” — said Ana Lima 🎉🎉🎉.\n" + "-" * 80
    assert client.post("/v1/quotes", json={"text": text}).status_code == 200


@pytest.mark.parametrize("body", [
    '{"text": "x", "id": ' + "9" * 5000 + "}",  # more digits than Python converts
    "[" * 100_000 + "]" * 100_000,               # deeper than Python recurses
])
def test_json_that_breaks_the_parser_is_malformed_json(client, body):
    assert _code(client.post("/v1/quotes", data=body, content_type="application/json")) == (400, "malformed_json")


@pytest.mark.parametrize("charset, raw, status", [
    ("punycode", b"abc", 415),
    ("utf-7", b"+AGE-", 415),
    ("nonsense", b"abc", 415),
    ("iso-8859-1", "“Caf\u00e9 ist gut,” sagte Ana Lima.".encode("utf-8").decode("utf-8").encode("latin-1", "replace"), 200),
    ("windows-1252", "\u201cThe bridge is closed,\u201d said Ana Lima.".encode("cp1252"), 200),
    ("utf-16", "\u201cThe bridge is closed,\u201d said Ana Lima.".encode("utf-16"), 200),
    ("utf-16", "no byte order mark".encode("utf-16-le"), 400),
])
def test_charsets(client, charset, raw, status):
    r = client.post("/v1/quotes", data=raw, content_type=f"text/plain; charset={charset}")
    assert r.status_code == status, r.get_json()
    if status == 200 and charset != "iso-8859-1":
        assert r.get_json()["quotes"][0]["text"] == "The bridge is closed,"


def test_a_lone_surrogate_in_the_id_is_refused_before_the_analysis(client):
    assert _code(client.post("/v1/quotes", data='{"text": "x", "id": "\\ud800"}',
                             content_type="application/json")) == (400, "bad_encoding")


def test_unknown_query_options_are_refused_like_unknown_fields(client):
    assert _code(client.post("/v1/quotes?mode=speech", json={"text": "x"})) == (422, "invalid")
    assert _code(client.post("/v1/quotes", json={"text": "x", "mode": "speech"})) == (422, "invalid")


def test_duplicate_modes_are_folded(client):
    body = client.post("/v1/quotes?modes=speech,speech,writing,speech", data="x", content_type="text/plain").get_json()
    assert body["meta"]["modes"] == ["speech", "writing"]
    body = client.post("/v1/quotes", json={"text": "x", "modes": ["speech"] * 1000}).get_json()
    assert body["meta"]["modes"] == ["speech"]


@pytest.mark.parametrize("html", [
    "<div>" * 1000 + "“Deep,” said Ana Lima." + "</div>" * 1000,
    "<b>" * 30_000 + "x",
    "<table>" + "<tr><td><ul><li>" * 500 + "x",
])
def test_deep_html_gets_an_answer(roomy, html):
    assert roomy.post("/v1/quotes", data=html, content_type="text/html").status_code == 200


@pytest.mark.slow
def test_a_chunked_body_past_the_limit_is_refused_not_cut(live_server):
    import http.client
    from urllib.parse import urlparse

    url = urlparse(live_server)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
    body = json.dumps({"text": "word " * 450_000}).encode()  # 2.25 MB, over the 2 MiB default
    conn.request("POST", "/v1/quotes", body=iter([body[i:i + 65536] for i in range(0, len(body), 65536)]),
                 headers={"Content-Type": "application/json"}, encode_chunked=True)
    r = conn.getresponse()
    assert r.status == 413 and json.loads(r.read())["error"]["code"] == "too_large"
    conn.close()


@pytest.mark.slow
def test_an_analysis_over_the_time_budget_answers_503_and_the_worker_serves_the_next():
    """Against the real gunicorn (one threaded worker, budget 0.5 s), as in production: the budget
    is checked on the request's own thread, between stages."""
    import time
    import urllib.error
    import urllib.request

    from conftest import Server

    server = Server("gunicorn-budget", QUOTEAPI_TIME_BUDGET="0.5", WEB_CONCURRENCY="1")
    try:
        long_sentence = "Smith said that " * 1200 + "it rained."  # seconds of work, past the 0.5 s budget
        req = urllib.request.Request(server.base + "/v1/quotes", data=long_sentence.encode(),
                                     headers={"Content-Type": "text/plain"})
        started = time.monotonic()
        with pytest.raises(urllib.error.HTTPError) as info:
            urllib.request.urlopen(req, timeout=60)
        assert info.value.code == 503 and info.value.headers["Retry-After"] == "1"
        assert json.load(info.value)["error"]["code"] == "over_time_budget"
        assert time.monotonic() - started < 10
        ok = urllib.request.Request(server.base + "/v1/quotes", data="“It works,” said Ana Lima.".encode(),
                                    headers={"Content-Type": "text/plain"})
        assert json.load(urllib.request.urlopen(ok, timeout=30))["quotes"][0]["text"] == "It works,"
    finally:
        server.stop()


@pytest.mark.slow
def test_two_stalling_requests_no_longer_take_the_service_down(live_server):
    """The outage of the issue: two 25 KB runs of quotation marks in parallel held both workers
    for a minute; now each is refused at once and health checks answer throughout."""
    import time
    import urllib.error
    import urllib.request
    from concurrent.futures import ThreadPoolExecutor

    def post():
        req = urllib.request.Request(live_server + "/v1/quotes", data=b'"' * 25_000, headers={"Content-Type": "text/plain"})
        try:
            urllib.request.urlopen(req, timeout=30)
        except urllib.error.HTTPError as err:
            return err.code, json.load(err)["error"]["code"]

    started = time.monotonic()
    with ThreadPoolExecutor(2) as pool:
        answers = list(pool.map(lambda _: post(), range(2)))
        health = urllib.request.urlopen(live_server + "/healthz", timeout=5).status
    assert answers == [(422, "unprocessable")] * 2 and health == 200
    assert time.monotonic() - started < 10


from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

# What breaks text pipelines: marks of every style, brackets, emoji, joiners, long runs.
_HOSTILE = st.lists(st.sampled_from(list("\"'“”‘’«»„()[]{}<>&;:,.!?—– \n") + ["😀", "👩🏽‍⚖️", "\u200b", "\u0301", "a", " said "]),
                    max_size=3000).map("".join)


@given(text=_HOSTILE)
@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
def test_hostile_texts_get_an_answer_never_a_500(client, text):
    r = client.post("/v1/quotes", json={"text": text})
    assert r.status_code in {200, 422} and r.is_json


@given(html=st.recursive(st.text(alphabet="ab “”\"<>&", max_size=20),
                         lambda inner: st.builds(lambda tag, body: f"<{tag}>{body}", st.sampled_from(["div", "b", "p", "td", "li"]), inner),
                         max_leaves=200))
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_hostile_html_gets_an_answer_never_a_500(client, html):
    r = client.post("/v1/quotes", data=html.encode(), content_type="text/html")
    assert r.status_code in {200, 422} and r.is_json


def test_waiting_for_an_analysis_slot_counts_against_the_budget():
    """With every analysis slot of the process taken, a request waits within its budget and
    then answers 503; once a slot is free it is analysed."""
    import threading

    from quoteapi.api import create_app, routes

    c = create_app({"TESTING": True, "RATE_LIMIT": "off", "TIME_BUDGET": 0.3, "CONCURRENT_ANALYSES": 1}).test_client()
    slot = routes._slots.setdefault(1, threading.BoundedSemaphore(1))
    slot.acquire()
    try:
        r = c.post("/v1/quotes", json={"text": "Ana Lima said that it rained."})
        assert r.status_code == 503 and r.get_json()["error"]["code"] == "over_time_budget"
    finally:
        slot.release()
    assert c.post("/v1/quotes", json={"text": "Ana Lima said that it rained."}).status_code == 200
