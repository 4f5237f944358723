"""Ready for CMS plugins: CORS, API keys, rate limits, UTF-16 offsets, security headers, HTML
doctypes — on the WSGI app; the real server and the browser are in test_server/test_browser."""
import shutil
import socket
import subprocess
import time

import pytest

from quoteapi.api import create_app

# Astral letters and emoji count two UTF-16 units, combining marks one code point each.
TEXT = ("𝒜𝓁𝓁 😀😀 cafe\u0301 news 👩🏽‍⚖️\n\n“We did it, and we did it together,” said Ana Lima.\n\n"
        "“It took 🎉 years,” she added.")
QUOTES = ["We did it, and we did it together,", "It took 🎉 years,"]


def _utf16_slice(text, start, end):
    units = text.encode("utf-16-le")
    return units[2 * start : 2 * end].decode("utf-16-le")


@pytest.fixture(scope="module")
def guarded():
    return create_app({"TESTING": True, "API_KEYS": "key-one, key-two", "RATE_LIMIT": "off",
                       "CORS_ORIGINS": "https://cms.example.org"})


def test_utf16_offsets_slice_like_javascript(client):
    body = client.post("/v1/quotes", json={"text": TEXT, "offsets": "utf16"}).get_json()
    assert [_utf16_slice(TEXT, q["start"], q["end"]) for q in body["quotes"]] == QUOTES
    for q in body["quotes"]:
        for p in q["parts"]:
            assert _utf16_slice(TEXT, p["start"], p["end"]) == p["text"]
        assert _utf16_slice(TEXT, q["speaker"]["start"], q["speaker"]["end"]) == q["speaker"]["text"]
        assert _utf16_slice(TEXT, q["cue"]["start"], q["cue"]["end"]) == q["cue"]["text"]
    for s in body["speakers"]:
        for m in s["mentions"]:
            assert _utf16_slice(TEXT, m["start"], m["end"]) == m["text"]
    default = client.post("/v1/quotes", json={"text": TEXT}).get_json()
    assert [TEXT[q["start"]:q["end"]] for q in default["quotes"]] == QUOTES  # code points by default
    raw = client.post("/v1/quotes?offsets=utf16", data=TEXT, content_type="text/plain").get_json()
    assert raw["quotes"] == body["quotes"]


def test_no_cors_unless_configured(client):
    r = client.options("/v1/quotes", headers={"Origin": "https://cms.example.org", "Access-Control-Request-Method": "POST"})
    assert "Access-Control-Allow-Origin" not in r.headers


def test_cors_preflight_for_an_allowed_origin(guarded):
    c = guarded.test_client()
    r = c.options("/v1/quotes", headers={"Origin": "https://cms.example.org", "Access-Control-Request-Method": "POST",
                                         "Access-Control-Request-Headers": "content-type, authorization"})
    assert r.status_code == 200
    assert r.headers["Access-Control-Allow-Origin"] == "https://cms.example.org"
    assert "authorization" in r.headers["Access-Control-Allow-Headers"].lower()
    other = c.options("/v1/quotes", headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"})
    assert "Access-Control-Allow-Origin" not in other.headers


def test_api_keys(guarded):
    c = guarded.test_client()
    missing = c.post("/v1/quotes", json={"text": TEXT})
    assert missing.status_code == 401 and missing.get_json()["error"]["code"] == "unauthorized"
    assert missing.headers["WWW-Authenticate"] == "Bearer"
    wrong = c.post("/v1/quotes", json={"text": TEXT}, headers={"Authorization": "Bearer key-three"})
    assert wrong.status_code == 403 and wrong.get_json()["error"]["code"] == "forbidden"
    assert "key-three" not in wrong.get_data(as_text=True)
    assert c.post("/v1/quotes", json={"text": TEXT}, headers={"Authorization": "Bearer key-two"}).status_code == 200
    assert c.post("/v1/quotes", json={"text": TEXT}, headers={"X-API-Key": "key-one"}).status_code == 200
    assert c.get("/healthz").status_code == 200 and c.get("/v1/openapi.json").status_code == 200
    # A refused browser call still tells the plugin why: CORS headers on the error too.
    cross = c.post("/v1/quotes", json={"text": TEXT}, headers={"Origin": "https://cms.example.org"})
    assert cross.status_code == 401 and cross.headers["Access-Control-Allow-Origin"] == "https://cms.example.org"


def test_keys_from_a_file(tmp_path):
    keys = tmp_path / "keys"
    keys.write_text("# one key a line\nfile-key\n")
    c = create_app({"TESTING": True, "API_KEYS_FILE": str(keys), "RATE_LIMIT": "off"}).test_client()
    assert c.post("/v1/quotes", json={"text": "x"}, headers={"X-API-Key": "file-key"}).status_code == 200
    assert c.post("/v1/quotes", json={"text": "x"}, headers={"X-API-Key": "other"}).status_code == 403


def _limited(storage="memory://", keys=None):
    config = {"TESTING": True, "RATE_LIMIT": "2 per minute", "RATE_LIMIT_STORAGE": storage}
    if keys:
        config["API_KEYS"] = keys
    return create_app(config)


def test_rate_limit_answers_429_in_json_with_retry_after():
    c = _limited().test_client()
    assert [c.post("/v1/quotes", json={"text": "x"}).status_code for _ in range(2)] == [200, 200]
    r = c.post("/v1/quotes", json={"text": "x"})
    assert r.status_code == 429 and r.get_json()["error"]["code"] == "rate_limited"
    assert int(r.headers["Retry-After"]) > 0
    assert c.get("/healthz").status_code == 200  # health checks are never limited


def test_rate_limit_counts_per_key():
    c = _limited(keys="a-key,b-key").test_client()
    a, b = {"X-API-Key": "a-key"}, {"X-API-Key": "b-key"}
    assert [c.post("/v1/quotes", json={"text": "x"}, headers=a).status_code for _ in range(3)] == [200, 200, 429]
    assert c.post("/v1/quotes", json={"text": "x"}, headers=b).status_code == 200


@pytest.fixture(scope="module")
def redis_url():
    server = shutil.which("redis-server")
    if server is None:
        pytest.skip("Debian's redis-server is not installed (make test installs it when run as root)")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            break
        except OSError:
            time.sleep(0.1)
    yield f"redis://127.0.0.1:{port}"
    proc.terminate()
    proc.wait(timeout=10)


def test_rate_limit_shared_by_workers_through_redis(redis_url):
    # Two apps stand for two gunicorn workers: with Redis they count together.
    worker_a, worker_b = _limited(redis_url).test_client(), _limited(redis_url).test_client()
    assert worker_a.post("/v1/quotes", json={"text": "x"}).status_code == 200
    assert worker_b.post("/v1/quotes", json={"text": "x"}).status_code == 200
    assert worker_a.post("/v1/quotes", json={"text": "x"}).status_code == 429


def test_security_headers_and_request_id(client):
    page = client.get("/")
    assert page.headers["X-Content-Type-Options"] == "nosniff"
    assert "script-src 'self'" in page.headers["Content-Security-Policy"]
    api = client.post("/v1/quotes", json={"text": "x"}, headers={"X-Request-Id": "cms-42"})
    assert api.headers["X-Content-Type-Options"] == "nosniff" and api.headers["X-Request-Id"] == "cms-42"
    generated = client.post("/v1/quotes", json={"text": "x"}, headers={"X-Request-Id": "not an id; spaces and <markup>"})
    assert len(generated.headers["X-Request-Id"]) == 32


def test_a_doctype_is_not_text(client):
    html = "<!DOCTYPE html><?xml version='1.0'?><html><body><p>“We will not rest,” said Ana Lima.</p></body></html>"
    body = client.post("/v1/quotes", data=html, content_type="text/html").get_json()
    assert body["text"] == "“We will not rest,” said Ana Lima."
    assert body["quotes"][0]["text"] == "We will not rest,"


@pytest.mark.parametrize("key", ["null", "true", "123", "[1]"])
def test_a_key_that_looks_like_json_is_that_key(monkeypatch, key):
    monkeypatch.setenv("QUOTEAPI_API_KEYS", key)
    c = create_app({"TESTING": True, "RATE_LIMIT": "off"}).test_client()
    assert c.post("/v1/quotes", json={"text": "x"}).status_code == 401  # never turns authentication off
    assert c.post("/v1/quotes", json={"text": "x"}, headers={"X-API-Key": key}).status_code == 200
