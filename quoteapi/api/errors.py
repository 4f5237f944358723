"""Every error is JSON — ``{"error": {"code", "message"}}`` — with the right status, and a 500
never shows a trace to the client (it goes to the log)."""
from __future__ import annotations

from flask import Flask, jsonify
from marshmallow import ValidationError
from werkzeug.exceptions import HTTPException

from ..budget import OverBudget


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, fields: dict | None = None,
                 headers: dict | None = None):
        super().__init__(message)
        self.status, self.code, self.message, self.fields = status, code, message, fields
        self.headers = headers or {}


def error_response(status: int, code: str, message: str, fields: dict | None = None):
    body = {"error": {"code": code, "message": message}}
    if fields:
        body["error"]["fields"] = fields
    return jsonify(body), status


_HTTP_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
               405: "method_not_allowed", 413: "too_large", 415: "unsupported_media_type", 422: "invalid",
               429: "rate_limited", 503: "unavailable"}


def register(app: Flask) -> None:
    @app.errorhandler(ApiError)
    def _api_error(exc: ApiError):
        body, status = error_response(exc.status, exc.code, exc.message, exc.fields)
        body.headers.update(exc.headers)
        return body, status

    @app.errorhandler(OverBudget)
    def _over_budget(exc: OverBudget):
        body, status = error_response(503, "over_time_budget", exc.advice)
        body.headers["Retry-After"] = "1"
        return body, status

    @app.errorhandler(ValidationError)
    def _validation(exc: ValidationError):
        messages = exc.messages if isinstance(exc.messages, dict) else {"_schema": exc.messages}
        summary = "; ".join(f"{k}: {' '.join(map(str, v)) if isinstance(v, list) else v}" for k, v in messages.items())
        return error_response(422, "invalid", f"Invalid request: {summary}", messages)

    @app.errorhandler(HTTPException)
    def _http(exc: HTTPException):
        status = exc.code or 500
        message = exc.description or exc.name
        if status == 413:
            message = f"Request body too large: the limit is {app.config['MAX_CONTENT_LENGTH']} bytes."
        if status == 429:
            message = f"Too many requests: the limit is {exc.description}; retry after the seconds in Retry-After."
        body, status = error_response(status, _HTTP_CODES.get(status, exc.name.lower().replace(" ", "_")), message)
        for name, value in exc.get_headers():  # e.g. Allow on a 405, as RFC 9110 requires
            if name.lower() not in {"content-type", "content-length"}:
                body.headers[name] = value
        return body, status

    @app.errorhandler(Exception)
    def _unexpected(exc: Exception):
        app.logger.exception("unhandled error")
        return error_response(500, "internal", "Internal error; it has been logged.")
