"""The OpenAPI document and JSON Schemas, generated from the marshmallow schemas with apispec."""
from __future__ import annotations

import copy
import json
from pathlib import Path

from apispec import APISpec
from apispec.ext.marshmallow import MarshmallowPlugin

from . import __version__
from .schemas import ErrorSchema, HealthSchema, QueryOptionsSchema, QuoteRequestSchema, QuoteResponseSchema

OPENAPI_VERSION = "3.1.0"
# A raw text/plain or text/html body is not blank, like the JSON "text" field, and has no NUL
# (in a raw body a NUL means binary data; in a JSON string it is written on purpose).
_RAW_TEXT = {"type": "string", "minLength": 1, "pattern": r"^[^\u0000]*[^\s\u0000][^\u0000]*$",
             "description": "The article as UTF-8 (or the charset the Content-Type names)."}
_ERRORS = {
    "400": "Malformed JSON, undecodable or binary body.",
    "413": "Body or text too large.",
    "415": "Unsupported Content-Type.",
    "422": "Invalid fields (empty text, unknown format or mode).",
    "500": "Internal error (no trace is returned).",
}


def build_spec() -> APISpec:
    spec = APISpec(title="quoteapi", version=__version__, openapi_version=OPENAPI_VERSION,
                   plugins=[MarshmallowPlugin()],
                   info={"description": "Quote and attribution extraction for newsrooms."})
    spec.components.schema("QuoteRequest", schema=QuoteRequestSchema)
    spec.components.schema("QuoteResponse", schema=QuoteResponseSchema)
    spec.components.schema("Error", schema=ErrorSchema)
    spec.components.schema("Health", schema=HealthSchema)
    error_responses = {code: {"description": text, "content": {"application/json": {"schema": "Error"}}}
                       for code, text in _ERRORS.items()}
    spec.path(path="/v1/quotes", operations={"post": {
        "summary": "Extract every quote of an article with speaker, cue and outlet.",
        "parameters": [{"in": "query", "schema": QueryOptionsSchema}],
        "requestBody": {"required": True, "content": {
            "application/json": {"schema": "QuoteRequest"},
            "text/plain": {"schema": _RAW_TEXT},
            "text/html": {"schema": _RAW_TEXT},
        }},
        "responses": {"200": {"description": "The quotes.", "content": {"application/json": {"schema": "QuoteResponse"}}},
                      **error_responses},
    }})
    spec.path(path="/healthz", operations={"get": {
        "summary": "Liveness and the loaded model.",
        "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": "Health"}}}},
    }})
    return spec


def json_schemas(spec: APISpec | None = None) -> dict[str, dict]:
    """Stand-alone JSON Schema (2020-12) documents for the request and the response.

    OpenAPI 3.1 schema objects are JSON Schema; the component references become ``$defs``."""
    components = (spec or build_spec()).to_dict()["components"]["schemas"]
    out = {}
    for name in ("QuoteRequest", "QuoteResponse", "Error"):
        doc = {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": name}
        doc.update(copy.deepcopy(components[name]))
        doc["$defs"] = {k: v for k, v in copy.deepcopy(components).items() if k != name}
        out[name] = json.loads(json.dumps(doc).replace("#/components/schemas/", "#/$defs/"))
    return out


def rendered_files() -> dict[str, str]:
    """File name → content for everything in ``schemas/``."""
    spec = build_spec()
    files = {"openapi.json": json.dumps(spec.to_dict(), indent=2, ensure_ascii=False) + "\n"}
    for name, doc in json_schemas(spec).items():
        files[f"{name}.schema.json"] = json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
    return files


def write_schemas(directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, content in rendered_files().items():
        path = directory / name
        path.write_text(content, encoding="utf-8")
        written.append(path)
    return written
