"""Curly apostrophes read by the tagger and parser as straight ones.

The pinned model learned its features (a word's norm, prefix, suffix and shape) mostly from
text set with straight marks. In an article set with curly ones it tags the apostrophe of
``Sanders’ campaign called …`` as a closing quotation mark, and the parse of the sentence
goes astray (``called`` a participle of ``campaign``, no attribution). The ``straight_marks``
component, first in the pipeline, gives each word written with ``’`` the features of the
same word written with ``'`` (``Sanders’`` → ``Sanders'``, ``’s``, ``don’t``) before
``tok2vec`` reads them. Only those features change: the words, their offsets and every later
stage see the text as written. (Curly double quotation marks read as straight ones too scored
lower on PolNeAR: the model reads them well as they are.)
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


def straighten(doc: Doc) -> Doc:
    vocab = doc.vocab
    for token in doc:
        text = token.text
        if "’" not in text:
            continue
        lex, model = vocab[token.orth], vocab[text.replace("’", "'")]
        if lex.shape != model.shape:  # (once per word and vocabulary)
            lex.norm_, lex.prefix_, lex.suffix_, lex.shape_ = model.norm_, model.prefix_, model.suffix_, model.shape_
    return doc


@Language.component("straight_marks")
def straight_marks(doc: Doc) -> Doc:
    return straighten(doc)
