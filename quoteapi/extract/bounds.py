"""Where a reported content ends: the learned choice among boundary variants read off the parse.

A complement's subtree is the content most of the time, but not always, and no fixed rule
says when: on PolNeAR train the subtree beats every single cut or extension (a trailing
relative clause is kept by the gold 276 times against 12 dropped), yet ``criticized Obama [for
not doing so]`` takes the preposition after the object and ``comparing [him favorably] to
Obama`` the object before the preposition. For each content the parse offers a few variants:

======================  =====================================================================
edit                    variant
======================  =====================================================================
``keep``                the complement as read (the subtree)
``drop``                without a trailing relative clause, apposition, prepositional phrase,
                        adverbial clause, conjunct or modifier (``drop:relcl`` …)
``extend``              with the predicate's next dependents after it (``extend:prep`` …)
``object``              with the predicate's object before it (``urged [voters to …]``)
``conjunct``            with a conjoined clause (``said [A and that B]``)
======================  =====================================================================

A logistic regression trained on PolNeAR train with the attribution model (``quoteapi train``)
scores each variant; the best one is the content when it scores at least 0.5 (more likely right
than wrong), the subtree otherwise. A variant keeps a quotation whole: it never cuts a quotation
mark off a content (``said [the plan was “a disaster,”] which …`` may lose the relative clause,
not its closing mark) nor adds one; nor does it take in another speech verb, but for an
extension's speech verb without a subject of its own (``for failing to defend …``).

>>> Edit("drop").value
'drop'
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from enum import Enum

from spacy.tokens import Token

from .lexicon import CLAUSE_NOUNS, CUES
from .phrases import POSITION, TIME_ENTITIES, content_head

# Dependents whose subtree may end a content and be cut off.
_DROPPABLE = {"relcl", "prep", "advcl", "appos", "conj", "acl", "advmod", "npadvmod"}
# Dependents of the predicate that never continue its content.
_NOT_CONTINUING = {"punct", "cc", "nsubj", "nsubjpass", "aux", "auxpass", "neg", "mark", "advmod", "conj",
                   "parataxis", "dep", "prt", "det", "expl"}
_WORD_DEPS = {"prep", "mark", "cc"}  # the word itself says more than its part of speech
QUOTE_CHARS = frozenset("\"“”‘’«»„")
_QUOTE_TAGS = {"``", "''"}  # the tagger's opening and closing quotation marks
MIN_PROBABILITY = 0.5  # a variant replaces the content as read when more likely right than wrong


class Edit(str, Enum):
    KEEP = "keep"
    DROP = "drop"
    EXTEND = "extend"
    OBJECT = "object"
    CONJUNCT = "conjunct"


@dataclass(frozen=True)
class Variant:
    edit: Edit
    dep: str  # the dependency label of the part cut or added ("-" for keep)
    word: str  # that part's first word (prepositions, markers) or part of speech
    tokens: tuple[Token, ...]

    @property
    def kind(self) -> str:
        return self.edit.value if self.edit == Edit.KEEP else f"{self.edit.value}:{self.dep}"


def _word(token: Token) -> str:
    return token.lower_ if token.dep_ in _WORD_DEPS else token.pos_


def variants(predicate: Token, content: list[Token] | tuple[Token, ...]) -> list[Variant]:
    """The content as read first, then its variants (see the module's table)."""
    tokens = sorted(content, key=POSITION)
    out = [Variant(Edit.KEEP, "-", "-", tuple(tokens))]
    if not tokens:
        return out
    doc = predicate.doc
    inside = {t.i for t in tokens}
    first, end = tokens[0].i, tokens[-1].i
    for x in tokens:  # a dependent inside whose subtree ends the content
        if x.dep_ not in _DROPPABLE or x.head.i not in inside or x.i == x.head.i:
            continue
        left, right = x.left_edge.i, x.right_edge.i
        if right != end or left <= first:
            continue
        kept = [t for t in tokens if t.i < left]
        while kept and ((kept[-1].is_punct and not is_quote_mark(kept[-1])) or kept[-1].dep_ == "cc"):
            kept.pop()  # (a closing quotation mark stays with its quotation)
        if kept:
            out.append(Variant(Edit.DROP, x.dep_, _word(x), tuple(kept)))
    rights = list(predicate.rights)  # (a walk over the predicate's subtree: once)
    grown = list(tokens)  # the predicate's next dependents, one more each time
    for child in (c for c in rights if c.i > end and c.dep_ not in _NOT_CONTINUING):
        gap = [doc[k] for k in range(grown[-1].i + 1, child.left_edge.i)]
        if any(not (g.is_punct or g.is_space) for g in gap):
            break
        grown = grown + gap + list(child.subtree)
        out.append(Variant(Edit.EXTEND, child.dep_, _word(child), tuple(grown)))
    objects = [c for c in rights if c.dep_ in {"dobj", "dative"} and c.i < first]
    if objects and objects[0].lemma_.lower() not in CLAUSE_NOUNS:
        # "urged [voters] to stay home"; not "expressed concern [that …]", whose noun is the cue's
        obj = objects[0]
        gap = [doc[k] for k in range(obj.right_edge.i + 1, first)]
        before = [t for t in obj.subtree if t.i < first]  # (the content may hang on the object)
        out.append(Variant(Edit.OBJECT, obj.dep_, obj.pos_, tuple(before + gap + tokens)))
    head = content_head(tokens)
    conjuncts = [c for c in head.children if c.dep_ == "conj" and c.i > end]
    if conjuncts:  # "said [witnesses saw a gun] and that one was found"
        conj = conjuncts[0]
        gap = [doc[k] for k in range(end + 1, conj.left_edge.i)]
        if all(g.is_punct or g.is_space or g.dep_ == "cc" for g in gap):
            out.append(Variant(Edit.CONJUNCT, "conj", conj.pos_, tuple(tokens + gap + list(conj.subtree))))
    return [v for v in out if v.edit == Edit.KEEP or not _crosses(v, inside)]


def is_quote_mark(token: Token) -> bool:
    """Whether *token* is a quotation mark: one the tagger tags as an opening or closing mark
    (also NYT's two apostrophes, ``''``, and a single straight one), or a quotation mark's
    character it tags otherwise, but for an apostrophe of possession (``voters’ anger``)."""
    return token.tag_ in _QUOTE_TAGS or (token.text in QUOTE_CHARS and token.tag_ != "POS")


def has_quote_mark(tokens) -> bool:
    """Whether a curly, straight double or angle quotation mark is among *tokens*, by its
    character: what the model's ``content_quoted`` and the chooser's ``kq`` features read (read
    with :func:`is_quote_mark` instead, they moved the figures within noise, down on dev)."""
    return any(t.text in QUOTE_CHARS for t in tokens)


def _crosses(variant: Variant, inside: set[int]) -> bool:
    """A variant may not cut or add a quotation mark (what the marks quote stays, whole, in the
    content they put it in), nor take in another speech verb's words (``said [A] and said B``:
    two attributions) — but for an extension over the predicate's next dependents, a speech verb
    without a subject of its own is part of what is reported (``criticized [Mr. Rubio for failing
    to defend Latinos]``)."""
    doc = variant.tokens[0].doc
    cut = (doc[i] for i in inside.difference(t.i for t in variant.tokens))
    added = [t for t in variant.tokens if t.i not in inside]
    return any(is_quote_mark(t) for t in cut) or any(is_quote_mark(t) or _speaks(t, variant.edit) for t in added)


def _speaks(token: Token, edit: Edit) -> bool:
    """Whether *token* is a speech verb that attributes on its own inside a variant made by *edit*."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in CUES:
        return False
    return edit != Edit.EXTEND or any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children)


def bucket(n: int) -> str:
    """A count as a feature value: 0, 1, 2–3, 4–7, … up to 64 and more."""
    return str(min(6, int(math.log2(n + 1))))


def variant_features(predicate: Token, slot: str, variant: Variant, base: tuple[Token, ...]) -> dict[str, float]:
    """Features of one variant of the content *base* of *predicate* in *slot*."""
    kind, kind_slot = variant.kind, slot.split(":")[0]
    lemma = predicate.lemma_.lower()
    f = {"bias": 1.0, f"k={kind}": 1.0, f"kw={kind}|{variant.word}": 1.0, f"ks={kind}|{kind_slot}": 1.0,
         f"kl={kind}|{lemma}": 1.0}
    doc = predicate.doc
    last = max(t.i for t in variant.tokens)
    after = doc[last + 1] if last + 1 < len(doc) else None
    if after is None or after.is_sent_start:  # (Token.sent would walk the sentence)
        following = "<end>"
    else:
        following = after.text if after.is_punct else after.pos_
    f[f"next={following}"] = 1.0
    f[f"knext={kind}|{following}"] = 1.0
    f[f"kq={kind}|{has_quote_mark(base)}"] = 1.0  # a quotation inside: its marks say much of where it ends
    if variant.edit == Edit.KEEP:
        f[f"keep_len={bucket(len(base))}"] = 1.0
        return f
    in_base, in_variant = {t.i for t in base}, {t.i for t in variant.tokens}
    part = sorted([t for t in variant.tokens if t.i not in in_base] + [t for t in base if t.i not in in_variant],
                  key=POSITION)  # the words cut or added
    first = part[0]
    before = doc[first.i - 1]
    f[f"klen={kind}|{bucket(len(part))}"] = 1.0
    f[f"kfrac={kind}|{round(len(part) / max(1, len(base)), 1)}"] = 1.0
    f[f"kprev={kind}|{before.text if before.is_punct else 'w'}"] = 1.0
    f[f"kfirst={kind}|{first.lower_ if first.is_stop or first.is_punct else first.pos_}"] = 1.0
    f[f"kverb={kind}|{any(t.pos_ in ('VERB', 'AUX') for t in part)}"] = 1.0
    # a date or a time in the part ("blasted [the proposal] on Monday"): when, rarely what
    f[f"ktime={kind}|{any(t.ent_type_ in TIME_ENTITIES for t in part)}"] = 1.0
    f[f"kblen={kind}|{bucket(len(base))}"] = 1.0
    return f


def choose(predicate: Token, slot: str, content, model) -> list[Token]:
    """The variant of *content* the boundary *model* picks (``LinearModel.pick``: the best
    scored, when it scores ``MIN_PROBABILITY`` or more); the content as read when the model is
    absent."""
    tokens = sorted(content, key=POSITION)
    if model is None or not tokens:
        return tokens
    offered = variants(predicate, tokens)
    if len(offered) == 1:
        return tokens
    return list(model.pick(predicate, slot, offered).tokens)
