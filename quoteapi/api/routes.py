"""The v1 endpoints. Thin: parse, call the service, return.

Each view's docstring ends with its OpenAPI operation (after ``---``); ``quoteapi.openapi``
reads them with apispec's Flask plugin, so the document cannot drift from the routes, and adds
what every analysis endpoint shares (its security schemes and error answers).
"""
from __future__ import annotations

import threading
from contextlib import contextmanager

from flask import Blueprint, current_app, jsonify, request

from .. import __version__
from ..budget import OverBudget, time_budget
from ..extract import model_label
from ..service import analyze, analyze_many
from .payload import parse_batch, parse_request

bp = Blueprint("v1", __name__)

_slots: dict[int, threading.BoundedSemaphore] = {}


@contextmanager
def analysis_slot():
    """One of the process's ``QUOTEAPI_CONCURRENT_ANALYSES`` slots (default 2), waited for within
    the request's time budget (503 past it). The worker's other threads stay free for health
    checks and for reading requests, and its memory holds at most that many articles in
    analysis; more would only share the same core (one interpreter lock per process)."""
    size = int(current_app.config["CONCURRENT_ANALYSES"])
    slot = _slots.setdefault(size, threading.BoundedSemaphore(size))
    budget = float(current_app.config["TIME_BUDGET"])
    if not slot.acquire(timeout=budget if budget > 0 else None):
        raise OverBudget(budget)
    try:
        yield
    finally:
        slot.release()


def _nlp():
    return current_app.extensions["quoteapi.nlp"]


@bp.post("/v1/quotes")
def quotes():
    """Every quote of one article with speaker, cue and outlet.
    ---
    post:
      summary: Extract every quote of an article with speaker, cue and outlet.
      parameters:
      - in: query
        schema: QueryOptionsSchema
      requestBody:
        required: true
        content:
          application/json:
            schema: QuoteRequest
          text/plain:
            schema: RawText
          text/html:
            schema: RawText
      responses:
        "200":
          description: The quotes.
          content:
            application/json:
              schema: QuoteResponse
    """
    data = parse_request(request, int(current_app.config["MAX_CHARS"]))
    with time_budget(float(current_app.config["TIME_BUDGET"])), analysis_slot():
        body = analyze(data["text"], fmt=data["format"], modes=data["modes"], doc_id=data["id"],
                       provenance=data["provenance"], offsets=data["offsets"], nlp=_nlp())
    return jsonify(body)


@bp.post("/v1/quotes/batch")
def batch():
    """The quotes of several articles in one request, each answered in its own slot.
    ---
    post:
      summary: Extract the quotes of up to QUOTEAPI_BATCH_MAX_DOCS articles; a document's error stays in its slot.
      parameters:
      - in: query
        schema: QueryOptionsSchema
      requestBody:
        required: true
        content:
          application/json:
            schema: BatchRequest
      responses:
        "200":
          description: One result per document, in order.
          content:
            application/json:
              schema: BatchResponse
    """
    config = current_app.config
    options, items = parse_batch(request, int(config["MAX_CHARS"]), int(config["BATCH_MAX_DOCS"]),
                                 int(config["BATCH_MAX_CHARS"]))
    with time_budget(float(config["TIME_BUDGET"])), analysis_slot():
        body = analyze_many(items, offsets=options["offsets"], nlp=_nlp())
    return jsonify(body)


@bp.get("/healthz")
def healthz():
    """Liveness.
    ---
    get:
      summary: Liveness and the loaded model.
      responses:
        "200":
          description: OK
          content:
            application/json:
              schema: Health
    """
    return jsonify({"status": "ok", "model": model_label(_nlp()), "version": __version__})


@bp.get("/v1/openapi.json")
def openapi():
    from ..openapi import build_spec

    return jsonify(build_spec().to_dict())
