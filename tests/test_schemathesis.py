"""Property-based API tests generated from the published OpenAPI document with schemathesis:
every generated request gets a documented status and a body that matches its schema."""
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import negative_data_rejection

from quoteapi.api import create_app

app = create_app({"TESTING": True, "MAX_CHARS": 20_000, "MAX_BYTES": 100_000})
schema = schemathesis.openapi.from_wsgi("/v1/openapi.json", app)


@schema.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_openapi_document(case):
    # Any bytes are a valid text/plain or text/html article: schemathesis' "not a string"
    # bodies for those media types are strings all the same.
    excluded = [negative_data_rejection] if (case.media_type or "").startswith("text/") else []
    case.call_and_validate(excluded_checks=excluded)
