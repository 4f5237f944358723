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

The ``attribute_ruler`` gives contractions their part of speech and lemma by their spelling
(``'s`` after a tag VBZ: AUX, *be*; ``'ve``: *have*; ``'ll``: *will*), for straight marks only:
``It’s hard to know`` had a VERB ``’s`` whose lemma was ``’``, which no copula test reads.
:func:`curly_contractions` adds, after the model's own rules, the same rules for the words
written with ``’``.

The tokenizer splits a quotation mark off only at a word's edge: ``“It is sad,”Clinton said``
(no space after the closing mark) was one word ``sad,”Clinton``, which the parser took for the
subject and no quotation was found. :func:`split_glued_quotation_marks` makes a quotation mark
glued between sentence punctuation and a word, or a curly one between two words, and the
punctuation before it, words of their own.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.util import compile_infix_regex


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


_TEXT_ATTRS = {"ORTH", "TEXT", "LOWER", "NORM"}  # (not TAG: the tag of a closing mark is written '')


def _curly(value):
    """A pattern value for the words of *value* that have a ``'``, written with ``’`` (``"'s"`` →
    ``"’s"``, ``{"IN": ["is", "'s"]}`` → ``{"IN": ["’s"]}``, a regular expression alike); None
    when it has none."""
    if isinstance(value, str):
        return value.replace("'", "’") if "'" in value else None
    if isinstance(value, list):
        return [c for c in map(_curly, value) if c is not None] or None
    if isinstance(value, dict):
        curly = {k: _curly(v) for k, v in value.items()}
        return {k: c if c is not None else value[k] for k, c in curly.items()} if any(
            c is not None for c in curly.values()) else None
    return None


def _curly_token(spec: dict) -> dict | None:
    """A token pattern matching the word of *spec* written with ``’``; None when its text
    attributes have no ``'``."""
    changed = {k: c for k, v in spec.items() if k in _TEXT_ATTRS and (c := _curly(v)) is not None}
    return {**spec, **changed} if changed else None


def curly_contractions(ruler: AttributeRuler) -> None:
    """Give *ruler*'s rules for words spelled with ``'`` to the same words spelled with ``’``,
    added after its own rules and in their order (the later of two rules that match wins)."""
    added = []
    for rule in ruler.patterns:
        patterns = []
        for pattern in rule["patterns"]:
            curly = [_curly_token(spec) for spec in pattern]
            if any(c is not None for c in curly):
                patterns.append([c if c is not None else spec for c, spec in zip(curly, pattern)])
        if patterns:
            added.append({"patterns": patterns, "attrs": rule["attrs"], "index": rule["index"]})
    ruler.add_patterns(added)


# A quotation mark after sentence punctuation and before a letter (",”Clinton", ':"We',
# '.”The'), that punctuation itself, and a curly double mark between two letters ("deal”was").
_GLUED_QUOTATION_MARKS = (
    r"(?<=[,.:;?!])[“”\"](?=[^\W\d_])",
    r"(?<=[^\W\d_])[,.:;?!](?=[“”\"][^\W\d_])",
    r"(?<=[^\W\d_])[“”](?=[^\W\d_])",
)


def split_glued_quotation_marks(nlp: Language) -> None:
    """Add :data:`_GLUED_QUOTATION_MARKS` to *nlp*'s tokenizer's infixes."""
    infixes = list(nlp.Defaults.infixes) + list(_GLUED_QUOTATION_MARKS)
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
