"""POST /v1/quotes/batch: several articles in one request, each answered in its own slot."""
from quoteapi.api import create_app

GOOD = "“The bridge will reopen,” Mayor Jane Porter said."


def test_mixed_good_and_bad_documents_each_get_their_answer(client):
    body = client.post("/v1/quotes/batch", json={"documents": [
        {"id": "a", "text": GOOD},
        {"id": "b", "text": "x" * 60_000},                      # over the test app's 50,000 characters
        {"id": "c", "text": GOOD, "format": "pdf"},
        {"id": "d", "text": '"' * 500},                          # would stall the tokenizer
        "not an object",
        {"id": "e", "text": "<p>Porter said that tolls would rise.</p>", "format": "html", "modes": ["speech"]},
        {"id": "f", "text": ""},
    ]}).get_json()
    results = body["results"]
    assert [r["status"] for r in results] == [200, 413, 422, 422, 422, 200, 200]
    assert results[0]["result"]["id"] == "a" and results[0]["result"]["quotes"][0]["text"] == "The bridge will reopen,"
    assert results[1]["error"]["code"] == "too_large" and results[3]["error"]["code"] == "unprocessable"
    assert "format" in results[2]["error"]["fields"]
    assert results[5]["result"]["text"] == "Porter said that tolls would rise."
    assert results[6]["result"]["quotes"] == []


def test_the_same_as_single_requests(client):
    docs = [{"id": str(i), "text": t} for i, t in enumerate([GOOD, "Porter said that tolls would rise.", "No quote."])]
    batch = client.post("/v1/quotes/batch", json={"documents": docs, "offsets": "utf16"}).get_json()["results"]
    for doc, result in zip(docs, batch):
        single = client.post("/v1/quotes", json={**doc, "offsets": "utf16"}).get_json()
        assert result["result"]["quotes"] == single["quotes"] and result["result"]["speakers"] == single["speakers"]


def test_batch_limits_and_envelope_errors():
    c = create_app({"TESTING": True, "RATE_LIMIT": "off", "BATCH_MAX_DOCS": 2, "BATCH_MAX_CHARS": 100}).test_client()
    assert c.post("/v1/quotes/batch", json={"documents": [{"text": "a"}] * 3}).status_code == 413
    assert c.post("/v1/quotes/batch", json={"documents": [{"text": "a" * 60}, {"text": "b" * 60}]}).status_code == 413
    assert c.post("/v1/quotes/batch", json={"documents": []}).status_code == 422
    assert c.post("/v1/quotes/batch", json=[{"text": "a"}]).status_code == 400
    assert c.post("/v1/quotes/batch", data="x", content_type="text/plain").status_code == 415


def test_batch_needs_a_key_when_keys_are_set():
    c = create_app({"TESTING": True, "RATE_LIMIT": "off", "API_KEYS": "k"}).test_client()
    assert c.post("/v1/quotes/batch", json={"documents": [{"text": GOOD}]}).status_code == 401
    assert c.post("/v1/quotes/batch", json={"documents": [{"text": GOOD}]}, headers={"X-API-Key": "k"}).status_code == 200


def test_batch_answers_validate_against_the_published_schema(client):
    import json

    import jsonschema

    from conftest import ROOT

    schema = json.loads((ROOT / "schemas" / "BatchResponse.schema.json").read_text())
    body = client.post("/v1/quotes/batch", json={"documents": [{"text": GOOD}, {"text": 5}]}).get_json()
    jsonschema.validate(body, schema)


def test_documents_the_budget_does_not_reach_answer_503_in_their_own_slot(monkeypatch):
    """Rounds of bounded size, the budget checked between them: the rounds done keep their
    results, the others answer 503 in their slots, and invalid documents keep their own error."""
    import quoteapi.budget
    import quoteapi.service as service

    monkeypatch.setattr(service, "ROUND_CHARS", 10)  # one document per round
    checks = []
    real_check = quoteapi.budget.check

    def check_then_expire():  # the budget runs out after the first round
        checks.append(1)
        if len(checks) > 2:  # the extractor checks twice per document
            raise quoteapi.budget.OverBudget(1)
        real_check()

    monkeypatch.setattr(quoteapi.budget, "check", check_then_expire)
    monkeypatch.setattr("quoteapi.extract.component.check", check_then_expire)
    c = create_app({"TESTING": True, "RATE_LIMIT": "off"}).test_client()
    results = c.post("/v1/quotes/batch", json={"documents": [
        {"id": "a", "text": GOOD}, {"id": "b", "text": GOOD}, {"id": "c", "text": GOOD, "format": "pdf"},
        {"id": "d", "text": GOOD}]}).get_json()["results"]
    assert [r["status"] for r in results] == [200, 503, 422, 503]
    assert results[1]["id"] == "b" and results[1]["error"]["code"] == "over_time_budget"
