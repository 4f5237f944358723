"""Who may call the API and how much: CORS for browser plugins, API keys, rate limits, and the
headers every response carries (security headers, a request id).

Configuration (environment, prefix ``QUOTEAPI_``, or ``create_app(test_config)``):

- ``CORS_ORIGINS``: origins allowed to call ``/v1/*`` from a browser, comma-separated, or ``*``;
  none by default.
- ``API_KEYS`` (comma-separated) or ``API_KEYS_FILE`` (one key a line): when either is set, every
  ``/v1/quotes`` request needs ``Authorization: Bearer <key>`` or ``X-API-Key: <key>`` (401
  without, 403 with a wrong one); off when none is set, for local use. ``/healthz``, the OpenAPI
  document and the page stay open. Keys are compared in constant time and never logged.
- ``RATE_LIMIT``: requests allowed per key (or per client address without keys), in
  flask-limiter's notation, default ``120 per minute``; ``off`` turns it off.
- ``RATE_LIMIT_STORAGE``: where counts live: ``memory://`` (default, per worker process) or a
  shared store such as ``redis://host:6379`` (so that gunicorn's workers count together).
"""
from __future__ import annotations

import hashlib
import hmac
import re
import uuid
from pathlib import Path

from flask import Flask, current_app, g, request
from flask_cors import CORS
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

from .errors import ApiError

PROTECTED_ENDPOINTS = {"v1.quotes", "v1.batch"}  # what keys and rate limits apply to
_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")
# The page's own files satisfy this: no inline script or style, no other origin.
PAGE_CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
API_CSP = "default-src 'none'; frame-ancestors 'none'"


def _listed(value) -> list[str]:
    if not value:
        return []
    if isinstance(value, (list, tuple)):
        return [str(v).strip() for v in value if str(v).strip()]
    return [v.strip() for v in str(value).split(",") if v.strip()]


def api_keys(config) -> list[str]:
    keys = _listed(config.get("API_KEYS"))
    path = config.get("API_KEYS_FILE")
    if path:
        keys += [line.strip() for line in Path(path).read_text(encoding="utf-8").splitlines()
                 if line.strip() and not line.lstrip().startswith("#")]
    return keys


def presented_key() -> str | None:
    """The key a request carries: ``Authorization: Bearer …`` or ``X-API-Key``."""
    auth = request.headers.get("Authorization", "")
    if auth[:7].lower() == "bearer ":
        return auth[7:].strip() or None
    return request.headers.get("X-API-Key", "").strip() or None


def _known(key: str, keys: list[str]) -> bool:
    found = False
    for candidate in keys:  # every key compared, each in constant time
        found |= hmac.compare_digest(candidate.encode(), key.encode())
    return found


def _client() -> str:
    """Rate-limit bucket: the key (hashed, never the key itself) or the client address."""
    key = presented_key()
    if key is not None and current_app.extensions["quoteapi.keys"]:
        return "key:" + hashlib.sha256(key.encode()).hexdigest()[:32]
    return "addr:" + (get_remote_address() or "-")


def register(app: Flask) -> None:
    origins = _listed(app.config.get("CORS_ORIGINS"))
    if origins:
        CORS(app, resources={r"/v1/*": {"origins": "*" if origins == ["*"] else origins}},
             allow_headers=["Content-Type", "Authorization", "X-API-Key", "X-Request-Id"],
             expose_headers=["X-Request-Id", "Retry-After", "X-RateLimit-Limit", "X-RateLimit-Remaining",
                             "X-RateLimit-Reset"],
             methods=["GET", "POST", "OPTIONS"], max_age=600)
    app.extensions["quoteapi.keys"] = api_keys(app.config)

    @app.before_request
    def _request_id_and_key():
        given = request.headers.get("X-Request-Id", "")
        g.request_id = given if _REQUEST_ID.fullmatch(given) else uuid.uuid4().hex
        keys = current_app.extensions["quoteapi.keys"]
        if not keys or request.endpoint not in PROTECTED_ENDPOINTS or request.method == "OPTIONS":
            return None
        key = presented_key()
        if key is None:
            raise ApiError(401, "unauthorized", "An API key is required: send `Authorization: Bearer <key>` "
                                                "or `X-API-Key: <key>`.", headers={"WWW-Authenticate": "Bearer"})
        if not _known(key, keys):
            raise ApiError(403, "forbidden", "The API key is not valid.")
        return None

    rate = str(app.config.get("RATE_LIMIT") or "off")
    limiter = Limiter(key_func=_client, app=app, storage_uri=str(app.config.get("RATE_LIMIT_STORAGE") or "memory://"),
                      headers_enabled=True, default_limits=[], enabled=rate.lower() not in {"off", "0", "false", "none"})
    app.extensions["quoteapi.limiter"] = limiter
    if limiter.enabled:
        for endpoint in PROTECTED_ENDPOINTS:
            app.view_functions[endpoint] = limiter.limit(rate)(app.view_functions[endpoint])

    @app.after_request
    def _headers(response):
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers.setdefault("Content-Security-Policy",
                                    PAGE_CSP if response.mimetype == "text/html" else API_CSP)
        response.headers["X-Request-Id"] = getattr(g, "request_id", None) or uuid.uuid4().hex
        return response
