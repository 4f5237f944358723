"""The checked-in schemas are generated from the marshmallow schemas and match what the API says."""
import json

import jsonschema
from click.testing import CliRunner

from conftest import ROOT
from quoteapi.cli import main
from quoteapi.openapi import rendered_files


def test_checked_in_schemas_are_fresh():
    for name, content in rendered_files().items():
        path = ROOT / "schemas" / name
        assert path.exists(), f"schemas/{name} missing: run `quoteapi schemas`"
        assert path.read_text(encoding="utf-8") == content, f"schemas/{name} is stale: run `quoteapi schemas`"


def test_schemas_check_command(tmp_path):
    runner = CliRunner()
    assert runner.invoke(main, ["schemas", "--check", "--out", str(tmp_path)]).exit_code == 1
    assert runner.invoke(main, ["schemas", "--out", str(tmp_path)]).exit_code == 0
    assert runner.invoke(main, ["schemas", "--check", "--out", str(tmp_path)]).exit_code == 0


def _schema(name):
    return json.loads((ROOT / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8"))


def test_responses_validate_against_the_published_schema(client, seed_text):
    response = client.post("/v1/quotes?provenance=1", data=seed_text, content_type="text/plain").get_json()
    jsonschema.validate(response, _schema("QuoteResponse"))
    html = client.post("/v1/quotes", data="<p>Porter said that tolls rise.</p>", content_type="text/html").get_json()
    jsonschema.validate(html, _schema("QuoteResponse"))


def test_errors_validate_against_the_published_schema(client):
    jsonschema.validate(client.post("/v1/quotes", json={}).get_json(), _schema("Error"))
    jsonschema.validate(client.post("/v1/quotes", data="{", content_type="application/json").get_json(), _schema("Error"))


def test_request_schema_accepts_a_request(seed_text):
    jsonschema.validate({"text": seed_text, "format": "text", "modes": ["speech"]}, _schema("QuoteRequest"))


def test_readme_tables_list_every_rule_and_speaker_source():
    from quoteapi.extract.vocab import Rule, SpeakerFrom

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for value in Rule.values() + SpeakerFrom.values():
        assert f"| `{value}` |" in readme, f"README has no table row for {value!r}"


def test_openapi_lists_the_closed_vocabularies():
    from quoteapi.extract.vocab import Rule, SpeakerFrom, SpeakerKind

    quote = json.loads(rendered_files()["openapi.json"])["components"]["schemas"]["Quote"]["properties"]
    assert quote["rule"]["enum"] == list(Rule.values())
    assert quote["speaker_from"]["enum"] == [*SpeakerFrom.values(), None]
    speaker = json.loads(rendered_files()["openapi.json"])["components"]["schemas"]["QuoteSpeaker"]["properties"]
    assert speaker["kind"]["enum"] == list(SpeakerKind.values())
