"""The HTTP contract: bodies, options, errors."""
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ARTICLE = "“The bridge will reopen,” Mayor Jane Porter said. She added that tolls would rise."


def test_json_body(client):
    r = client.post("/v1/quotes", json={"text": ARTICLE, "id": "a-1"})
    body = r.get_json()
    assert r.status_code == 200 and body["id"] == "a-1"
    assert [q["speaker"]["name"] for q in body["quotes"]] == ["Jane Porter", "Jane Porter"]
    assert body["speakers"][0]["quotes"] == ["q1", "q2"]
    assert body["meta"]["model"] == "en_core_web_sm-3.8.0"
    for q in body["quotes"]:
        assert ARTICLE[q["start"]:q["end"]] == q["text"]
        for p in q["parts"]:
            assert ARTICLE[p["start"]:p["end"]] == p["text"]
        s = q["speaker"]
        assert ARTICLE[s["start"]:s["end"]] == s["text"]


def test_raw_text_body_with_query_options(client):
    r = client.post("/v1/quotes?id=x&provenance=true", data=ARTICLE, content_type="text/plain; charset=utf-8")
    body = r.get_json()
    assert r.status_code == 200 and body["id"] == "x"
    assert body["quotes"][0]["rule"] == "quote"


def test_html_body_returns_the_text_offsets_point_into(client):
    html = "<html><head><title>T</title></head><body><h1>Bridge</h1><p>“It reopens,” Jane Porter said.</p><script>alert(1)</script></body></html>"
    r = client.post("/v1/quotes", data=html, content_type="text/html")
    body = r.get_json()
    assert r.status_code == 200
    assert body["text"] == "Bridge\n\n“It reopens,” Jane Porter said."
    q = body["quotes"][0]
    assert body["text"][q["start"]:q["end"]] == "It reopens,"


def test_html_that_looks_like_an_address_is_read_without_a_warning(client):
    """BeautifulSoup warns when markup looks like a file name or a URL; posted as an article it is
    text like any other, and the server's log stays clean."""
    import warnings

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        r = client.post("/v1/quotes", data="https://example.com/story.html", content_type="text/html")
    assert r.status_code == 200 and r.get_json()["text"] == "https://example.com/story.html"
    assert [w.category.__name__ for w in caught] == []


def test_json_html_format(client):
    r = client.post("/v1/quotes", json={"text": "<p>Porter said that <b>tolls</b> would rise.</p>", "format": "html"})
    assert r.get_json()["quotes"][0]["text"] == "tolls would rise"


def test_modes_filter(client):
    text = "Jane Porter believes that tolls will rise. Jane Porter said that tolls would rise."
    default = client.post("/v1/quotes", json={"text": text}).get_json()
    assert [q["mode"] for q in default["quotes"]] == ["speech"]
    everything = client.post("/v1/quotes", json={"text": text, "modes": ["speech", "writing", "thought"]}).get_json()
    assert [q["mode"] for q in everything["quotes"]] == ["thought", "speech"]
    assert client.post("/v1/quotes?modes=thought", data=text, content_type="text/plain").get_json()["quotes"][0]["mode"] == "thought"


def _error(r, status, code):
    assert r.status_code == status, r.data
    body = r.get_json()
    assert body["error"]["code"] == code and body["error"]["message"]
    return body


def test_malformed_json(client):
    _error(client.post("/v1/quotes", data='{"text": ', content_type="application/json"), 400, "malformed_json")
    _error(client.post("/v1/quotes", data='["text"]', content_type="application/json"), 400, "malformed_json")


def test_wrong_media_type(client):
    _error(client.post("/v1/quotes", data="x", content_type="application/xml"), 415, "unsupported_media_type")
    _error(client.post("/v1/quotes", data="x"), 415, "unsupported_media_type")


def test_invalid_fields(client):
    body = _error(client.post("/v1/quotes", json={"txt": "x"}), 422, "invalid")
    assert "text" in body["error"]["fields"]
    _error(client.post("/v1/quotes", json={"text": "x", "format": "pdf"}), 422, "invalid")
    _error(client.post("/v1/quotes", json={"text": "x", "offsets": "utf8"}), 422, "invalid")
    _error(client.post("/v1/quotes", json={"text": "x", "modes": ["song"]}), 422, "invalid")
    _error(client.post("/v1/quotes", json={"text": 5}), 422, "invalid")


def test_an_empty_draft_is_not_an_error(client):
    for r in (client.post("/v1/quotes", json={"text": ""}), client.post("/v1/quotes", json={"text": "   \n"}),
              client.post("/v1/quotes", data="", content_type="text/plain")):
        assert r.status_code == 200 and r.get_json()["quotes"] == [] and r.get_json()["speakers"] == []


def test_too_large(client, app):
    _error(client.post("/v1/quotes", json={"text": "a " * 30_000}), 413, "too_large")
    _error(client.post("/v1/quotes", data="a" * (app.config["MAX_CONTENT_LENGTH"] + 10), content_type="text/plain"),
           413, "too_large")


def test_binary_garbage(client):
    _error(client.post("/v1/quotes", data=b"\xff\xfe\x00\x81garbage", content_type="text/plain"), 400, "bad_encoding")
    _error(client.post("/v1/quotes", data=b"\x00\x00\x00", content_type="text/plain"), 400, "binary_body")
    _error(client.post("/v1/quotes", data=b'{"text": "\xff"}', content_type="application/json"), 400, "bad_encoding")


def test_odd_unicode_keeps_offsets(client):
    text = "Emoji 👩🏽‍⚖️ first. “Zero\u200bwidth and \u202eRTL\u202c marks,” said Ana Lima.\ufeff"
    body = client.post("/v1/quotes", json={"text": text}).get_json()
    q = body["quotes"][0]
    assert text[q["start"]:q["end"]] == q["text"]
    assert q["speaker"]["text"].startswith("Ana")  # a trailing BOM glues to "Lima." in the tokenizer
    lone = client.post("/v1/quotes", data=json.dumps({"text": "“A \ud800 b c d,” she said."}), content_type="application/json")
    assert lone.status_code == 400 and "surrogate" in lone.get_json()["error"]["message"]


def test_not_found_and_method_are_json(client):
    _error(client.get("/nope"), 404, "not_found")
    r = client.get("/v1/quotes")
    _error(r, 405, "method_not_allowed")
    assert "POST" in r.headers["Allow"]


def test_internal_error_hides_the_trace(app, monkeypatch):
    import quoteapi.api.routes as routes

    def boom(*a, **k):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(routes, "analyze", boom)
    monkeypatch.setitem(app.config, "PROPAGATE_EXCEPTIONS", False)  # restored after the test
    r = app.test_client().post("/v1/quotes", json={"text": ARTICLE})
    assert r.status_code == 500
    assert "secret" not in r.get_data(as_text=True) and "Traceback" not in r.get_data(as_text=True)
    assert r.get_json()["error"]["code"] == "internal"


def test_healthz_and_openapi(client):
    assert client.get("/healthz").get_json()["status"] == "ok"
    spec = client.get("/v1/openapi.json").get_json()
    assert "/v1/quotes" in spec["paths"] and "QuoteResponse" in spec["components"]["schemas"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(min_size=1, max_size=300))
def test_any_text_gets_an_answer_never_a_500(client, text):
    r = client.post("/v1/quotes", data=json.dumps({"text": text}), content_type="application/json")
    assert r.status_code in {200, 400, 422}, r.data
    if r.status_code == 200:
        for q in r.get_json()["quotes"]:
            assert text[q["start"]:q["end"]] == q["text"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=200))
def test_any_bytes_get_a_json_answer(client, data):
    r = client.post("/v1/quotes", data=data, content_type="text/plain")
    assert r.status_code in {200, 400, 422}
    assert r.is_json


def test_query_options_are_checked_and_json_fields_win(client):
    _error(client.post("/v1/quotes?modes=speech,song", data=ARTICLE, content_type="text/plain"), 422, "invalid")
    _error(client.post("/v1/quotes?provenance=maybe", json={"text": ARTICLE}), 422, "invalid")
    body = client.post("/v1/quotes?id=from-query&provenance=true", json={"text": ARTICLE, "id": "from-body"}).get_json()
    assert body["id"] == "from-body" and "rule" in body["quotes"][0]


def test_json_booleans_are_strict(client):
    _error(client.post("/v1/quotes", json={"text": ARTICLE, "provenance": 1}), 422, "invalid")


def test_nul_written_in_json_is_text(client):
    r = client.post("/v1/quotes", json={"text": "“We will win,\u0000” said Jane Porter."})
    assert r.status_code == 200
