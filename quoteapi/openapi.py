"""The OpenAPI document and JSON Schemas, generated from the marshmallow schemas with apispec."""
from __future__ import annotations

import copy
import json
from pathlib import Path

from apispec import APISpec, BasePlugin
from apispec.ext.marshmallow import MarshmallowPlugin
from apispec_webframeworks.flask import FlaskPlugin

from . import __version__
from .schemas import BatchRequestSchema, BatchResponseSchema, ErrorSchema, HealthSchema, QueryOptionsSchema, QuoteRequestSchema, QuoteResponseSchema  # noqa: F401
# (QueryOptionsSchema is named in a view's docstring and found through marshmallow's registry)

OPENAPI_VERSION = "3.1.0"
# A raw text/plain or text/html body has no NUL (in a raw body a NUL means binary data; in a
# JSON string it is written on purpose).
_RAW_TEXT = {"type": "string", "pattern": r"^[^\u0000]*$",
             "description": "The article as UTF-8 (or the charset the Content-Type names); an empty draft gets no quotes."}
# Error responses, referred to by name from the views' docstrings.
_ERRORS = {
    "BadRequest": "Malformed JSON, undecodable or binary body.",
    "TooLarge": "Body or text too large.",
    "UnsupportedMediaType": "Unsupported Content-Type.",
    "Invalid": "Invalid fields (missing text, unknown format, mode or offsets).",
    "Unauthorized": "No API key (when the server requires keys).",
    "Forbidden": "The API key is not valid.",
    "TooManyRequests": "Rate limit reached; the Retry-After header says when to try again.",
    "Internal": "Internal error (no trace is returned).",
    "OverTimeBudget": "The analysis did not finish within the time budget (QUOTEAPI_TIME_BUDGET); the worker lives on.",
}


class AnalysisAnswers(BasePlugin):
    """Every POST under /v1 (an analysis) takes an API key when the server has keys and can get
    the same error answers: declared here once, not in each view."""

    def operation_helper(self, path=None, operations=None, **kwargs):
        if not path or not path.startswith("/v1/"):
            return
        for method, operation in (operations or {}).items():
            if method == "post":
                operation.setdefault("security", [{"bearer": []}, {"apiKey": []}, {}])
                responses = operation.setdefault("responses", {})
                for status, name in _ANALYSIS_ERRORS.items():
                    responses.setdefault(status, name)


def build_spec() -> APISpec:
    """The OpenAPI document: schemas from :mod:`quoteapi.schemas`, paths from the views'
    docstrings (apispec's Flask plugin), on a bare app that loads no model."""
    from flask import Flask

    from .api import routes

    spec = APISpec(title="quoteapi", version=__version__, openapi_version=OPENAPI_VERSION,
                   plugins=[FlaskPlugin(), AnalysisAnswers(), MarshmallowPlugin()],
                   info={"description": "Quote and attribution extraction for newsrooms."})
    spec.components.schema("QuoteRequest", schema=QuoteRequestSchema)
    spec.components.schema("QuoteResponse", schema=QuoteResponseSchema)
    spec.components.schema("Error", schema=ErrorSchema)
    spec.components.schema("Health", schema=HealthSchema)
    spec.components.schema("BatchRequest", schema=BatchRequestSchema)
    spec.components.schema("BatchResponse", schema=BatchResponseSchema)
    spec.components.schema("RawText", _RAW_TEXT)
    # Declared always; enforced when the server has API keys (QUOTEAPI_API_KEYS).
    spec.components.security_scheme("bearer", {"type": "http", "scheme": "bearer"})
    spec.components.security_scheme("apiKey", {"type": "apiKey", "in": "header", "name": "X-API-Key"})
    for name, text in _ERRORS.items():
        spec.components.response(name, {"description": text, "content": {"application/json": {"schema": "Error"}}})
    app = Flask(__name__)
    app.register_blueprint(routes.bp)
    with app.test_request_context():
        for endpoint, view in app.view_functions.items():
            if endpoint.startswith(routes.bp.name + ".") and "---" in (view.__doc__ or ""):
                spec.path(view=view, app=app)
    return spec


_ANALYSIS_ERRORS = {"400": "BadRequest", "401": "Unauthorized", "403": "Forbidden", "413": "TooLarge",
                    "415": "UnsupportedMediaType", "422": "Invalid", "429": "TooManyRequests", "500": "Internal",
                    "503": "OverTimeBudget"}


def json_schemas(spec: APISpec | None = None) -> dict[str, dict]:
    """Stand-alone JSON Schema (2020-12) documents for the request and the response.

    OpenAPI 3.1 schema objects are JSON Schema; the component references become ``$defs``."""
    components = (spec or build_spec()).to_dict()["components"]["schemas"]
    out = {}
    for name in ("QuoteRequest", "QuoteResponse", "Error", "BatchRequest", "BatchResponse"):
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
