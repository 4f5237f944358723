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
from .lines import line_breaks  # noqa: F401  (registers the "line_breaks" component)

if not Doc.has_extension("quotes"):
    Doc.set_extension("quotes", default=None)
if not Doc.has_extension("speakers"):
    Doc.set_extension("speakers", default=None)


class QuoteExtractor:
    """Sets ``doc._.quotes`` (list of :class:`~quoteapi.extract.types.Quote`, every mode) and
    ``doc._.speakers`` (list of :class:`~quoteapi.extract.types.Entity` that are quoted)."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes, doc._.speakers = extract(doc)
        return doc


@Language.factory("quotes", requires=["token.dep", "doc.ents"], assigns=["doc._.quotes", "doc._.speakers"])
def make_quote_extractor(nlp: Language, name: str) -> QuoteExtractor:
    return QuoteExtractor(nlp, name)
