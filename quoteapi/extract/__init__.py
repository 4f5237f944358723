"""Quote extraction as a spaCy component and plain functions, usable without Flask.

>>> from quoteapi.extract import load_pipeline   # doctest: +SKIP
>>> doc = load_pipeline()("Blinken said that the crisis was troubling.")  # doctest: +SKIP
>>> doc._.quotes[0].cue.text                        # doctest: +SKIP
'said'
"""
from .marks import QuoteSpan, find_quote_spans
from .pipeline import ModelNotFound, load_pipeline, model_label, resolve_model_name
from .types import Cue, Entity, Mention, Outlet, Quote, TextSpan

__all__ = ["Cue", "Entity", "Mention", "ModelNotFound", "Outlet", "Quote", "QuoteSpan", "TextSpan",
           "find_quote_spans", "load_pipeline", "model_label", "resolve_model_name"]
