"""The v1 endpoints. Thin: parse, call the service, return."""
from __future__ import annotations

from flask import Blueprint, current_app, jsonify, request

from .. import __version__
from ..extract import model_label
from ..openapi import build_spec
from ..service import analyze
from .payload import parse_request

bp = Blueprint("v1", __name__)


def _nlp():
    return current_app.extensions["quoteapi.nlp"]


@bp.post("/v1/quotes")
def quotes():
    data = parse_request(request, int(current_app.config["MAX_CHARS"]))
    body = analyze(data["text"], fmt=data["format"], modes=data["modes"], doc_id=data["id"],
                   provenance=data["provenance"], nlp=_nlp())
    return jsonify(body)


@bp.get("/healthz")
def healthz():
    return jsonify({"status": "ok", "model": model_label(_nlp()), "version": __version__})


@bp.get("/v1/openapi.json")
def openapi():
    return jsonify(build_spec().to_dict())
