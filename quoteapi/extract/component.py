"""The ``quotes`` spaCy pipeline component: ``nlp.add_pipe("quotes")`` → ``doc._.quotes``.

>>> nlp = load_pipeline()                      # doctest: +SKIP
>>> doc = nlp('“We will win,” she said.')      # doctest: +SKIP
>>> doc._.quotes[0].type                       # doctest: +SKIP
'direct'
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .attribution import extract
from .options import Options
from .lines import line_breaks  # noqa: F401  (registers the "line_breaks" component)

if not Doc.has_extension("quotes"):
    Doc.set_extension("quotes", default=None)
if not Doc.has_extension("speakers"):
    Doc.set_extension("speakers", default=None)


class QuoteExtractor:
    """Sets ``doc._.quotes`` (list of :class:`~quoteapi.extract.types.Quote`, every mode) and
    ``doc._.speakers`` (list of :class:`~quoteapi.extract.types.Entity` that are quoted).

    ``spans`` chooses the span convention: ``compact`` (default) or ``polnear``
    (see :mod:`quoteapi.extract.options`)."""

    def __init__(self, nlp: Language, name: str, spans: str = "compact"):
        self.name = name
        self.options = Options.for_convention(spans)

    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes, doc._.speakers = extract(doc, self.options)
        return doc


@Language.factory("quotes", default_config={"spans": "compact"}, requires=["token.dep", "doc.ents"],
                  assigns=["doc._.quotes", "doc._.speakers"])
def make_quote_extractor(nlp: Language, name: str, spans: str) -> QuoteExtractor:
    return QuoteExtractor(nlp, name, spans)
