"""The page at ``/``: a reference client of ``POST /v1/quotes`` for editors and plugin authors.

Everything it needs is served from the package (no CDN), sample articles too
(``quoteapi/samples/``, which the repository's ``seeds/`` links to).
"""
from __future__ import annotations

from pathlib import Path

from flask import Blueprint, send_from_directory

from .errors import ApiError

WEB_DIR = Path(__file__).resolve().parent.parent / "web"
SAMPLES_DIR = Path(__file__).resolve().parent.parent / "samples"

bp = Blueprint("web", __name__, static_folder=str(WEB_DIR), static_url_path="/static")


@bp.get("/")
def index():
    return send_from_directory(WEB_DIR, "index.html", mimetype="text/html", max_age=0)


@bp.get("/samples/<path:name>")
def sample(name: str):
    if not (SAMPLES_DIR / name).is_file():
        raise ApiError(404, "not_found", f"No sample article named {name!r}.")
    return send_from_directory(SAMPLES_DIR, name, mimetype="text/plain", max_age=0)
