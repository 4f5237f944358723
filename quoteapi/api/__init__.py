"""The Flask application factory: ``create_app(test_config=None)``.

Configuration comes from the environment (prefix ``QUOTEAPI_``), then ``test_config``:
``QUOTEAPI_MODEL`` (spaCy model name or path), ``QUOTEAPI_MAX_CHARS`` (longest article, in
characters; default 100000), ``QUOTEAPI_MAX_BYTES`` (largest request body; default 2 MiB), and
the access settings of :mod:`quoteapi.api.security` (CORS origins, API keys, rate limits).
"""
from __future__ import annotations

import os

from flask import Flask

from ..extract import load_pipeline
from . import errors, routes, security, web


_VERBATIM = ("API_KEYS", "API_KEYS_FILE", "CORS_ORIGINS", "RATE_LIMIT", "RATE_LIMIT_STORAGE")


def create_app(test_config: dict | None = None) -> Flask:
    app = Flask(__name__, static_folder=None)  # the page's files are served by the web blueprint
    app.config.from_mapping(MODEL=None, MAX_CHARS=100_000, MAX_BYTES=2 * 1024 * 1024, JSON_SORT_KEYS=False,
                            CORS_ORIGINS=None, API_KEYS=None, API_KEYS_FILE=None, RATE_LIMIT="120 per minute",
                            RATE_LIMIT_STORAGE="memory://", TIME_BUDGET=20, CONCURRENT_ANALYSES=2,
                            BATCH_MAX_DOCS=64, BATCH_MAX_CHARS=1_000_000)
    app.config.from_prefixed_env("QUOTEAPI")
    # from_prefixed_env reads values as JSON when it can: a key spelt null, true or 123 must stay
    # that key (null would turn authentication off), an origin or a limit the string written.
    for name in _VERBATIM:
        if f"QUOTEAPI_{name}" in os.environ:
            app.config[name] = os.environ[f"QUOTEAPI_{name}"]
    if test_config:
        app.config.update(test_config)
    app.config["MAX_CONTENT_LENGTH"] = int(app.config["MAX_BYTES"])
    app.json.sort_keys = False
    app.json.ensure_ascii = False
    # Load the model now: with gunicorn's preload the workers share it.
    app.extensions["quoteapi.nlp"] = load_pipeline(app.config["MODEL"])
    errors.register(app)
    app.register_blueprint(routes.bp)
    app.register_blueprint(web.bp)
    security.register(app)  # after the views it guards are registered
    return app
