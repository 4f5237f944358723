"""Reading a request to ``POST /v1/quotes``: a JSON body, or a raw text/plain or text/html body
with options in the query string (``?modes=speech,thought&id=…&provenance=true``)."""
from __future__ import annotations

import json
import re

from flask import Request

from ..schemas import QuoteRequestSchema
from .errors import ApiError

_schema = QuoteRequestSchema()
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
    if "\x00" in text:
        raise ApiError(400, "binary_body", "The text contains NUL bytes: binary data is not an article.")
    if len(text) > max_chars:
        raise ApiError(413, "too_large", f"The text is {len(text)} characters; the limit is {max_chars}.")


def parse_request(request: Request, max_chars: int) -> dict:
    mimetype = request.mimetype
    if mimetype == "application/json" or mimetype.endswith("+json"):
        raw = request.get_data(cache=False)
        try:
            payload = json.loads(_decode(raw, request.mimetype_params.get("charset")))
        except json.JSONDecodeError as exc:
            raise ApiError(400, "malformed_json", f"Malformed JSON: {exc.msg} at line {exc.lineno} column {exc.colno}.") from None
        if not isinstance(payload, dict):
            raise ApiError(400, "malformed_json", "The JSON body must be an object with a \"text\" field.")
        data = _schema.load(payload)
    elif mimetype in RAW_TYPES:
        text = _decode(request.get_data(cache=False), request.mimetype_params.get("charset"))
        args = request.args
        query = {"text": text, "format": args.get("format", RAW_TYPES[mimetype])}
        if "id" in args:
            query["id"] = args["id"]
        if "modes" in args:
            query["modes"] = [m.strip() for m in args["modes"].split(",") if m.strip()]
        if "provenance" in args:
            query["provenance"] = args["provenance"]
        data = _schema.load(query)
    else:
        shown = mimetype or "none"
        raise ApiError(415, "unsupported_media_type",
                       f"Content-Type {shown} is not supported: send application/json, text/plain or text/html.")
    _check_text(data["text"], max_chars)
    return data
