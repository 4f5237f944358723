"""The ``quotes`` spaCy pipeline component: ``nlp.add_pipe("quotes")`` → ``doc._.quotes``.

Extraction runs in three stages, each the only writer of its fields:

1. ``join`` — frames off the parse and quotation marks → candidates (type, parts, cue, outlet, rule);
2. ``speakers`` — who said each candidate (speaker, its entity, ``speaker_from``);
3. ``score`` — confidence, duplicates removed, quote and entity ids.

>>> nlp = load_pipeline()                      # doctest: +SKIP
>>> doc = nlp('“We will win,” she said.')      # doctest: +SKIP
>>> doc._.quotes[0].type.value                 # doctest: +SKIP
'direct'
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..budget import check
from . import carry  # noqa: F401  (registers the msgpack encoder of Extraction)
from .join import join
from .learned import LinearModel, rate_unspoken, shipped_model
from .lines import line_breaks, long_sentences  # noqa: F401  (registers both components)
from .marks import find_quote_spans
from .options import DEFAULT, Options
from .score import finish
from .speakers import SpeakerStage
from .types import Entity, Extraction, Quote
from .wordnet import load as load_classes

# The extraction travels with the Doc as one object (see ``carry``: it survives
# ``nlp.pipe(n_process=…)`` and ``Doc.to_bytes``); quotes and speakers are read from it.
if not Doc.has_extension("quoteapi"):
    Doc.set_extension("quoteapi", default=None)
if not Doc.has_extension("quotes"):
    Doc.set_extension("quotes", getter=lambda doc: doc._.quoteapi.quotes if doc._.quoteapi is not None else None)
if not Doc.has_extension("speakers"):
    Doc.set_extension("speakers", getter=lambda doc: doc._.quoteapi.speakers if doc._.quoteapi is not None else None)


def extract(doc: Doc, options: Options = DEFAULT, model: LinearModel | None = None
            ) -> tuple[list[Quote], list[Entity]]:
    """Every quote in *doc* (all modes), and the entities that speak in them.

    >>> quotes, speakers = extract(nlp("“We won,” Jane Porter said."))  # doctest: +SKIP
    >>> quotes[0].type.value, speakers[0].name                          # doctest: +SKIP
    ('direct', 'Jane Porter')
    """
    text = doc.text  # spaCy rebuilds Doc.text from every token on each read: once per document
    spans = find_quote_spans(text)
    candidates = join(doc, text, spans, options, model)
    check()  # the request's time budget, if any (quoteapi.budget)
    attributions = SpeakerStage(doc, text, options).run(candidates)
    if model is not None:
        attributions = rate_unspoken(attributions, spans, model)
    check()
    return finish(attributions, text)


class QuoteExtractor:
    """Sets ``doc._.quotes`` (list of :class:`~quoteapi.extract.types.Quote`, every mode) and
    ``doc._.speakers`` (list of :class:`~quoteapi.extract.types.Entity` that are quoted).

    ``spans`` chooses the span convention: ``compact`` (default) or ``polnear``
    (see :mod:`quoteapi.extract.options`); ``learned`` adds the attributions of the shipped
    learned model to the rules' (see :mod:`quoteapi.extract.learned`)."""

    def __init__(self, nlp: Language, name: str, spans: str = "compact", learned: bool = True):
        self.name = name
        self.options = Options.for_convention(spans)
        self.model = shipped_model() if learned else None
        if self.model is not None:
            load_classes()  # WordNet's table, which the model's stage reads: at start-up, not on the first article

    def __call__(self, doc: Doc) -> Doc:
        doc._.quoteapi = Extraction(*extract(doc, self.options, self.model))
        return doc


@Language.factory("quotes", default_config={"spans": "compact", "learned": True}, requires=["token.dep", "doc.ents"],
                  assigns=["doc._.quoteapi"])
def make_quote_extractor(nlp: Language, name: str, spans: str, learned: bool) -> QuoteExtractor:
    return QuoteExtractor(nlp, name, spans, learned)
