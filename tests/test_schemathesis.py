"""Property-based API tests generated from the published OpenAPI document with schemathesis:
every generated request gets a documented status and a body that matches its schema — on an
open server and on one that requires API keys (the document declares both)."""
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import negative_data_rejection

from quoteapi.api import create_app

KEY = "schemathesis-key"
app = create_app({"TESTING": True, "MAX_CHARS": 20_000, "MAX_BYTES": 100_000, "RATE_LIMIT": "off"})
keyed = create_app({"TESTING": True, "MAX_CHARS": 20_000, "MAX_BYTES": 100_000, "RATE_LIMIT": "off", "API_KEYS": KEY})
schema = schemathesis.openapi.from_wsgi("/v1/openapi.json", app)
keyed_schema = schemathesis.openapi.from_wsgi("/v1/openapi.json", keyed)


def _excluded(case):
    # Any bytes are a valid text/plain or text/html article: schemathesis' "not a string"
    # bodies for those media types are strings all the same. A batch answers an invalid
    # document in its own slot (200 for the batch) by design, so that one bad article does not
    # fail a day's stories: its answers are checked against the schema all the same.
    lenient = (case.media_type or "").startswith("text/") or case.path == "/v1/quotes/batch"
    return [negative_data_rejection] if lenient else []


@schema.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_openapi_document(case):
    case.call_and_validate(excluded_checks=_excluded(case))


@keyed_schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_with_keys_conforms_to_its_openapi_document(case):
    case.headers = {**(case.headers or {}), "Authorization": f"Bearer {KEY}"}
    case.call_and_validate(excluded_checks=_excluded(case))


# The same document against the real server: gunicorn with quoteapi's worker, as `make run`
# serves it, so that what gunicorn does before the app (request lines, headers, chunked
# bodies) is generated against too: over 1,000 cases, most of them on the two analysis endpoints.
# (Each operation's strategy is run by hypothesis here: schemathesis' lazy fixture loader
# does not run under pytest 9.)
import pytest  # noqa: E402
from hypothesis import given  # noqa: E402


@pytest.mark.slow
def test_served_api_conforms_to_its_openapi_document():
    from conftest import Server

    server = Server("gunicorn-schemathesis", QUOTEAPI_MAX_CHARS="20000", QUOTEAPI_MAX_BYTES="100000")
    try:
        served = schemathesis.openapi.from_url(server.base + "/v1/openapi.json")
        examples = {"POST /v1/quotes": 600, "POST /v1/quotes/batch": 400, "GET /healthz": 50}
        calls = []
        for result in served.get_all_operations():
            operation = result.ok()

            @given(case=operation.as_strategy())
            @settings(max_examples=examples[operation.label], deadline=None,
                      suppress_health_check=list(HealthCheck))
            def conforms(case):
                calls.append(case.operation.label)
                case.call_and_validate(excluded_checks=_excluded(case), timeout=60)

            conforms()
        assert len(calls) >= 1000 and set(calls) == set(examples)
    finally:
        server.stop()
