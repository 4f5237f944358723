"""Reading a request to ``POST /v1/quotes``: a JSON body, or a raw text/plain or text/html body
with options in the query string (``?modes=speech,thought&id=…&provenance=true``)."""
from __future__ import annotations

import json
import re

from flask import Request

from marshmallow import EXCLUDE

from ..schemas import QueryOptionsSchema, QuoteRequestSchema
from .errors import ApiError

_schema = QuoteRequestSchema()
_query_schema = QueryOptionsSchema(unknown=EXCLUDE)
RAW_TYPES = {"text/plain": "text", "text/html": "html"}


def _decode(raw: bytes, charset: str | None) -> str:
    try:
        return raw.decode(charset or "utf-8")
    except (UnicodeDecodeError, LookupError):
        raise ApiError(400, "bad_encoding",
                       f"The body is not valid {charset or 'UTF-8'} text; send UTF-8.") from None


_SURROGATE = re.compile("[\ud800-\udfff]")


def _check_text(text: str, max_chars: int) -> None:
    lone = _SURROGATE.search(text)
    if lone:
        raise ApiError(400, "bad_encoding",
                       f"The text has an unpaired UTF-16 surrogate (U+{ord(lone.group()):04X}) at offset {lone.start()}; "
                       "it is not a character.")
    if len(text) > max_chars:
        raise ApiError(413, "too_large", f"The text is {len(text)} characters; the limit is {max_chars}.")


def _query_options(request: Request) -> dict:
    return _query_schema.load(request.args)


def _body_text(request: Request) -> str:
    return _decode(request.get_data(cache=False), request.mimetype_params.get("charset"))


def parse_request(request: Request, max_chars: int) -> dict:
    mimetype = request.mimetype
    is_json = mimetype == "application/json" or mimetype.endswith("+json")
    if not is_json and mimetype not in RAW_TYPES:
        shown = mimetype or "none"
        raise ApiError(415, "unsupported_media_type",
                       f"Content-Type {shown} is not supported: send application/json, text/plain or text/html.")
    options = _query_options(request)
    text = _body_text(request)
    if is_json:
        try:
            payload = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ApiError(400, "malformed_json", f"Malformed JSON: {exc.msg} at line {exc.lineno} column {exc.colno}.") from None
        if not isinstance(payload, dict):
            raise ApiError(400, "malformed_json", "The JSON body must be an object with a \"text\" field.")
        data = _schema.load({**options, **payload})
    else:
        if "\x00" in text:  # in a JSON string a NUL is written on purpose; in a raw body it is binary
            raise ApiError(400, "binary_body", "The body contains NUL bytes: binary data is not an article.")
        data = _schema.load({"format": RAW_TYPES[mimetype], **options, "text": text})
    _check_text(data["text"], max_chars)
    return data
