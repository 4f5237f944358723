"""Reading a request to ``POST /v1/quotes``: a JSON body, or a raw text/plain or text/html body
with options in the query string (``?modes=speech,thought&id=…&provenance=true``)."""
from __future__ import annotations

import codecs
import json
import re

from flask import Request
from marshmallow import ValidationError
from werkzeug.exceptions import ClientDisconnected, HTTPException

from ..limits import MAX_SYMBOL_RUN, symbol_run
from ..schemas import BatchRequestSchema, QueryOptionsSchema, QuoteRequestSchema
from .errors import ApiError

_schema = QuoteRequestSchema()
_batch_schema = BatchRequestSchema(exclude=("documents",))
_query_schema = QueryOptionsSchema()  # an unknown query option is a 422, like an unknown JSON field
RAW_TYPES = {"text/plain": "text", "text/html": "html"}
# The charsets newsrooms send, by codecs' canonical name. UTF-16 only with its byte order mark.
CHARSETS = {"utf-8": "UTF-8", "iso8859-1": "ISO-8859-1", "cp1252": "Windows-1252", "utf-16": "UTF-16"}


def _decode(raw: bytes, charset: str | None) -> str:
    name = (charset or "utf-8").strip().lower()
    try:
        canonical = codecs.lookup(name).name
    except LookupError:
        canonical = None
    if canonical not in CHARSETS:
        raise ApiError(415, "unsupported_charset",
                       f"charset={charset} is not supported: send {', '.join(CHARSETS.values())} (UTF-16 with its BOM).")
    if canonical == "utf-16" and not raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise ApiError(400, "bad_encoding", "UTF-16 text must start with its byte order mark.")
    try:
        return raw.decode(canonical)
    except UnicodeError:
        raise ApiError(400, "bad_encoding",
                       f"The body is not valid {CHARSETS[canonical]} text; send UTF-8.") from None


_SURROGATE = re.compile("[\ud800-\udfff]")


def _no_surrogate(value: str, what: str) -> None:
    lone = _SURROGATE.search(value)
    if lone:
        raise ApiError(400, "bad_encoding",
                       f"The {what} has an unpaired UTF-16 surrogate (U+{ord(lone.group()):04X}) at offset {lone.start()}; "
                       "it is not a character.")


def _check_text(data: dict, max_chars: int) -> None:
    text = data["text"]
    _no_surrogate(text, "text")
    if data.get("id") is not None:
        _no_surrogate(data["id"], "id")
    if len(text) > max_chars:
        raise ApiError(413, "too_large", f"The text is {len(text)} characters; the limit is {max_chars}.")
    run = symbol_run(text)
    if run:
        raise ApiError(422, "unprocessable",
                       f"The text has {run[1] - run[0]} punctuation marks, symbols or emoji in a row at offset "
                       f"{run[0]}; at most {MAX_SYMBOL_RUN} can be analysed.")


def _query_options(request: Request) -> dict:
    return _query_schema.load(request.args)


def _body_bytes(request: Request) -> bytes:
    """The body, never cut: a chunked body (no Content-Length) counts against the byte limit
    like any other and is refused past it; a body that stops before its end (the client went
    away, or was too slow and cut by the server: :mod:`quoteapi.worker`) is a 408, never
    analysed in part."""
    limit = request.max_content_length
    cut = ApiError(408, "request_timeout", "The request body did not arrive whole; nothing was analysed.")
    expected = request.content_length
    try:
        if expected is not None or limit is None:
            raw = request.get_data(cache=False)
        else:
            raw = request.environ["wsgi.input"].read(limit + 1)
    except (ClientDisconnected, OSError):
        raise cut from None
    except HTTPException:  # 413 past the byte limit, answered by the error handlers
        raise
    except Exception:  # the server's own parse error (a malformed chunk): its type is the server's
        raise ApiError(400, "bad_request", "The request body is not valid HTTP (its chunked encoding is malformed).") from None
    if expected is not None and len(raw) < expected:  # gunicorn's input ends early rather than raise
        raise cut
    if limit is not None and len(raw) > limit:
        raise ApiError(413, "too_large", f"Request body too large: the limit is {limit} bytes.")
    return raw


def _body_text(request: Request) -> str:
    return _decode(_body_bytes(request), request.mimetype_params.get("charset"))


def _json_object(text: str, what: str) -> dict:
    try:
        payload = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ApiError(400, "malformed_json", f"Malformed JSON: {exc.msg} at line {exc.lineno} column {exc.colno}.") from None
    except RecursionError:
        raise ApiError(400, "malformed_json", "Malformed JSON: nested too deeply.") from None
    except ValueError:  # an integer of more digits than Python converts
        raise ApiError(400, "malformed_json", "Malformed JSON: a number too large.") from None
    if not isinstance(payload, dict):
        raise ApiError(400, "malformed_json", f"The JSON body must be an object with {what}.")
    return payload


def _is_json(request: Request) -> bool:
    return request.mimetype == "application/json" or request.mimetype.endswith("+json")


def parse_request(request: Request, max_chars: int) -> dict:
    mimetype = request.mimetype
    is_json = _is_json(request)
    if not is_json and mimetype not in RAW_TYPES:
        shown = mimetype or "none"
        raise ApiError(415, "unsupported_media_type",
                       f"Content-Type {shown} is not supported: send application/json, text/plain or text/html.")
    options = _query_options(request)
    text = _body_text(request)
    if is_json:
        data = _schema.load({**options, **_json_object(text, 'a "text" field')})
    else:
        if "\x00" in text:  # in a JSON string a NUL is written on purpose; in a raw body it is binary
            raise ApiError(400, "binary_body", "The body contains NUL bytes: binary data is not an article.")
        data = _schema.load({"format": RAW_TYPES[mimetype], **options, "text": text})
    _check_text(data, max_chars)
    return data


def _document(raw, defaults: dict, max_chars: int) -> dict | ApiError:
    """One document of a batch, or the error that is its answer."""
    try:
        if not isinstance(raw, dict):
            raise ApiError(422, "invalid", "A document is a JSON object with a \"text\" field.")
        data = _schema.load({**defaults, **raw})
        _check_text(data, max_chars)
        return data
    except ValidationError as exc:
        return ApiError(422, "invalid", f"Invalid document: {'; '.join(f'{k}: {v}' for k, v in exc.messages.items())}",
                        exc.messages)
    except ApiError as exc:
        return exc


def parse_batch(request: Request, max_chars: int, max_documents: int, max_total_chars: int) -> tuple[dict, list]:
    """The options of a batch and, per document in order, its request fields or its error."""
    if not _is_json(request):
        raise ApiError(415, "unsupported_media_type", f"Content-Type {request.mimetype or 'none'} is not supported: "
                                                      "a batch is application/json.")
    query = _query_options(request)
    payload = _json_object(_body_text(request), 'a "documents" list')
    documents = payload.pop("documents", None)
    # Query options: offsets for the batch, format, modes and provenance as every document's
    # default; an id names one document, so it is not taken from the query.
    options = _batch_schema.load({**{k: v for k, v in query.items() if k == "offsets"}, **payload})
    if not isinstance(documents, list) or not documents:
        raise ValidationError({"documents": ["A non-empty list of documents is required."]})
    if len(documents) > max_documents:
        raise ApiError(413, "too_large", f"The batch has {len(documents)} documents; the limit is {max_documents}.")
    total = sum(len(d["text"]) for d in documents if isinstance(d, dict) and isinstance(d.get("text"), str))
    if total > max_total_chars:
        raise ApiError(413, "too_large", f"The batch has {total} characters of text; the limit is {max_total_chars}.")
    defaults = {k: v for k, v in query.items() if k not in {"offsets", "id"}}
    return options, [_document(raw, defaults, max_chars) for raw in documents]
