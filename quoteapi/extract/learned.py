"""The learned attribution model: which candidate predicates are attributions here.

Word lists cannot decide whether ``the union backs the plan`` or ``she slammed the ruling``
attributes: the same verbs describe actions most of the time. A logistic regression over parse
features of each (predicate, complement) pair, trained on PolNeAR train by ``quoteapi train``,
decides in context. It adds frames where the rules have none; the rules keep the constructions
they decide precisely (quotation marks with a cue, lexicon cues, ``according to``, layouts).

The model is a JSON file of feature weights (no text, no pickle): it loads in milliseconds and
a prediction is a sum of weights. ``QUOTEAPI_LEARNED=off`` runs the rules alone.

>>> model = LinearModel({"bias": -1.0, "lemma=back": 2.0}, threshold=0.5)
>>> round(model.probability({"bias": 1, "lemma=back": 1}), 3)
0.731
"""
from __future__ import annotations

import bisect
import gzip
import json
import math
import os
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from itertools import repeat
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from .bounds import MIN_PROBABILITY, Edit, Variant, bucket, choose, has_quote_mark, variant_features
from .frames import (Frame, _clause_tokens, cue_entry, in_set_phrase, is_infinitive, led_in,
                     with_pieces_before)
from .lexicon import CUES, PREPOSITION_SLOT, SPEAKER_KINDS
from .lines import is_headline
from .marks import MarkIndex, QuoteSpan
from .options import Options
from .phrases import content_head, content_spans, issuing_verb, named_owner
from .predicates import PredicateCandidate, candidates_in
from .speakers import Attribution
from .types import QuoteType
from .vocab import Rule, SpeakerKind
from .wordnet import classes, is_verb

MODEL_FILE = "attribution-model.json.gz"
LEARNED_ENV = "QUOTEAPI_LEARNED"
_MODALS = {"will", "would", "could", "can", "may", "might", "should", "must"}


def learned_enabled(env: dict | None = None) -> bool:
    """On unless ``QUOTEAPI_LEARNED`` is ``off``, ``0``, ``false`` or ``no``."""
    value = (os.environ if env is None else env).get(LEARNED_ENV, "on").strip().lower()
    return value not in {"off", "0", "false", "no"}


@dataclass(frozen=True)
class LinearModel:
    """Feature weights of a logistic regression. The attribution model carries its content
    boundary chooser (:mod:`quoteapi.extract.bounds`) as ``boundary``, in the same file."""

    weights: dict[str, float]
    threshold: float = 0.5
    meta: dict | None = None
    boundary: "LinearModel | None" = None

    def score(self, features: Iterable[str]) -> float:
        """The log-odds for *features*, indicators that are present or not (their names, or a
        dict's keys: every feature the parse gives is worth 1; the second reading's, which are
        not, are weighed apart in :meth:`rate`)."""
        return sum(map(self.weights.get, features, repeat(0.0)))

    def probability(self, features: Iterable[str]) -> float:
        """The probability for *features* (see :meth:`score`)."""
        return _sigmoid(self.score(features))

    def rate(self, sent: Span, marks: MarkIndex, skip: set[int] = frozenset(),
             rules: "RulesReading | None" = None) -> list[tuple[PredicateCandidate, float]]:
        """As the attribution model: the candidates of *sent* whose predicate is not in *skip*,
        with the probability that they attribute. It reads them twice: first alone, then each
        one again with the likeliest attributions of the first reading inside its content and
        around it (:data:`INNER`, :data:`OUTER`), where what the *rules* decided counts too."""
        candidates = candidates_in(sent, skip, rules.participles if rules is not None else None)
        shared: dict[int, tuple[float, bool]] = {}  # per predicate: its slot-free features' score, in a quotation
        scores, pool = [], []
        for candidate in candidates:
            t = candidate.predicate
            if t.i not in shared:
                inside = marks.inside(t.idx)
                shared[t.i] = (self.score(predicate_features(t, inside)), inside)
            score, inside = shared[t.i]
            scores.append(score + self.score(slot_features(candidate)))
            pool.append(not inside)  # (a quoted word's candidates are the quoted person's words)
        read = neighbour_ratings(candidates, [_sigmoid(z) for z in scores], pool, rules)
        weights = self.weights
        inner, outer = weights.get(INNER, 0.0), weights.get(OUTER, 0.0)
        return [(c, _sigmoid(z + inner * i + outer * o)) for c, z, (i, o) in zip(candidates, scores, read)]

    def pick(self, predicate: Token, slot: str, offered: list[Variant]) -> Variant:
        """As the boundary chooser: the variant of *offered* (the content as read first) that
        scores highest, when it scores ``MIN_PROBABILITY`` or more; otherwise the content as read."""
        base = offered[0].tokens
        best, best_p = offered[0], -1.0
        for variant in offered:
            p = self.probability(variant_features(predicate, slot, variant, base))
            if p > best_p and (variant.edit == Edit.KEEP or p >= MIN_PROBABILITY):
                best, best_p = variant, p
        return best

    def _body(self) -> dict:
        body = {"threshold": self.threshold, "meta": self.meta or {},
                "weights": {k: round(v, 5) for k, v in sorted(self.weights.items()) if abs(v) >= 1e-5}}
        if self.boundary is not None:
            body["boundary"] = self.boundary._body()
        return body

    @classmethod
    def _from_body(cls, body: dict) -> "LinearModel":
        boundary = cls._from_body(body["boundary"]) if body.get("boundary") else None
        return cls(body["weights"], body["threshold"], body.get("meta"), boundary)

    def to_file(self, path: Path) -> None:
        body = self._body()
        data = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        with open(path, "wb") as raw, gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0) as fh:
            fh.write(data)  # mtime 0: the same weights give the same bytes

    @classmethod
    def from_file(cls, path) -> "LinearModel":
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            return cls._from_body(json.load(fh))


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


# The second reading's features: the highest probability, in the first reading, of an
# attribution by another predicate inside the candidate's content (``slammed [the plan, saying
# it fails]`` holds ``saying``), and of one whose content holds the candidate's predicate (``she
# said [he backs the plan]``: PolNeAR never annotates an attribution inside another's content);
# 0 when there is none. The first reading scores without them. Trained on first readings of
# models fit on the other half of the training documents (``quoteapi.train``).
INNER, OUTER = "inner_attribution", "outer_attribution"
# The first reading of what the rules decided, which the model does not read again: on 300
# PolNeAR train articles held out of a refit, content exact 0.6363 at 0.9 and 0.6359 at 0.7,
# as with the model's own reading of those words (0.6363), in less than half its added time.
RULES_READING = 0.9


@dataclass(frozen=True)
class RulesReading:
    """What the rules read in a document, for the model: the words they took for cues (and the
    words that hand an attribution on to those: ``seemed [to mock]``, ``issued a statement
    saying``) and the character spans of their reported contents, for its second reading; the
    participle cues of its sentences, which its candidates leave out of their contents as the
    rules' frames do."""

    cues: frozenset[int]
    contents: tuple[tuple[int, int], ...]  # sorted, none overlapping another
    participles: dict[int, set[int]] | None = None

    @classmethod
    def of(cls, cues: Iterable[int], spans: Iterable[tuple[int, int]],
           participles: dict[int, set[int]] | None = None) -> "RulesReading":
        """From the rules' cue words and their contents' character spans, in any order."""
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        return cls(frozenset(cues), tuple((s, e) for s, e in merged), participles)

    def in_content(self, at: int) -> bool:
        """Whether the character offset *at* lies in one of the rules' reported contents."""
        k = bisect.bisect_right(self.contents, (at, math.inf)) - 1
        return k >= 0 and at < self.contents[k][1]


def neighbour_ratings(candidates: list[PredicateCandidate], first: list[float], pool: list[bool],
                      rules: RulesReading | None = None) -> list[tuple[float, float]]:
    """For each candidate, its :data:`INNER` and :data:`OUTER` features read off the *first*
    probabilities of the candidates in *pool* (those of other predicates: the highest whose
    predicate stands in its content, the highest whose content holds its predicate) and
    off the *rules*' decisions (:data:`RULES_READING`)."""
    best: dict[int, float] = {}  # by predicate: its likeliest candidate
    around: dict[int, float] = {}  # by word: the likeliest candidate of another word holding it
    for candidate, p, counted in zip(candidates, first, pool):
        if not counted:
            continue
        own = candidate.predicate.i
        if p > best.get(own, 0.0):
            best[own] = p
        for t in candidate.content:
            if t.i != own and p > around.get(t.i, 0.0):
                around[t.i] = p
    cues = rules.cues if rules is not None else frozenset()
    out: list[tuple[float, float]] = []
    for candidate in candidates:
        own = candidate.predicate.i
        inner = 0.0
        for t in candidate.content:
            i = t.i
            if i != own:
                if i in cues:
                    inner = max(inner, RULES_READING)
                elif i in best:
                    inner = max(inner, best[i])
        outer = around.get(own, 0.0)
        if rules is not None and outer < RULES_READING and rules.in_content(candidate.predicate.idx):
            outer = RULES_READING
        out.append((inner, outer))
    return out


@lru_cache(maxsize=1)
def shipped_model() -> LinearModel | None:
    """The model that ships in the package, loaded once per process; None if it is absent."""
    path = resources.files(__package__).joinpath("data", MODEL_FILE)
    if not path.is_file():
        return None
    with resources.as_file(path) as real:
        return LinearModel.from_file(real)


def _subject(token: Token) -> Token | None:
    for child in token.children:
        if child.dep_ in {"nsubj", "nsubjpass", "csubj"}:
            return child
    if token.pos_ == "ADJ" and token.dep_ == "acomp":  # "she was confident that …"
        return next((c for c in token.head.children if c.dep_ == "nsubj"), None)
    if token.pos_ == "NOUN":  # "his warning that …"
        return next((c for c in token.children if c.dep_ == "poss"), None)
    return None


def _document_subject(t: Token) -> bool:
    """``a new poll shows [Clinton and Sanders in a dead heat]``: a document's verb reports its
    object, as a person's does not (``Sanders showed no sign of …``)."""
    subject = _subject(t)
    return subject is not None and SPEAKER_KINDS.get(subject.lemma_.lower()) == SpeakerKind.DOCUMENT


def predicate_features(t: Token, in_quote: bool) -> dict[str, float]:
    """The features of a predicate that do not depend on which complement is the content
    (computed once for all of its candidates)."""
    lemma = t.lemma_.lower()
    f: dict[str, float] = {
        "bias": 1.0, f"lemma={lemma}": 1.0, f"pos={t.pos_}": 1.0, f"tag={t.tag_}": 1.0, f"dep={t.dep_}": 1.0,
        f"suffix={lemma[-3:]}": 1.0, f"head_dep={t.head.dep_}": 1.0,
    }
    entry = CUES.get(lemma)
    if entry is not None:
        f[f"lex_mode={entry.mode.value}"] = 1.0
    else:
        f["lex=none"] = 1.0
    for name in classes(t):  # what it means: "blasted" is a noise, a hit and a harsh criticism
        f[f"wordnet={name}"] = 1.0
    subject = _subject(t)
    if subject is None:
        f["subj=none"] = 1.0
    else:
        f[f"subj_pos={subject.pos_}"] = 1.0
        f[f"subj_ent={subject.ent_type_ or '-'}"] = 1.0
        f[f"subj_kind={SPEAKER_KINDS.get(subject.lemma_.lower(), '-')}"] = 1.0
        if subject.pos_ in {"PRON", "NOUN"}:
            f[f"subj_lemma={subject.lemma_.lower()}"] = 1.0
    children = list(t.children)
    if any(c.dep_ == "auxpass" for c in children):  # (is_passive, on the children read once here)
        f["passive"] = 1.0
        if any(c.dep_ == "agent" for c in children):
            f["agent"] = 1.0
    if any(c.dep_ == "neg" for c in children):
        f["neg"] = 1.0
    for c in children:
        if c.dep_ == "aux" and c.lower_ in _MODALS:
            f[f"modal={c.lower_}"] = 1.0
    if in_quote:
        f["in_quote"] = 1.0
    if t.head.i != t.i:  # "she said he [backs] the plan": whether the word it hangs on is a cue, and how
        head_is_cue = cue_entry(t.head) is not None
        f[f"head_cue={head_is_cue}|{t.dep_}"] = 1.0
        if head_is_cue or any(cue_entry(a) is not None for a in t.head.ancestors):
            f["under_a_cue"] = 1.0
    doc = t.doc
    f[f"prev={doc[t.i - 1].lower_ if t.i > 0 else '<s>'}"] = 1.0
    f[f"next={doc[t.i + 1].lower_ if t.i + 1 < len(doc) else '</s>'}"] = 1.0
    return f


def names_an_act(content) -> bool:
    """``dismissed [a proposed visit]``, ``wrote [a letter]``, ``cast [a ballot]``: the head of
    *content* is a common noun that is also a verb outside the cue lexicon (by WordNet's verb
    index) — something done or handled, not something said. On 300 PolNeAR train articles, 10
    of the 28 such objects of lexicon verbs the model would take pair with a gold quote, against
    38 of 61 other objects."""
    head = content_head(content)
    lemma = head.lemma_.lower()
    return head.pos_ == "NOUN" and is_verb(lemma) and lemma not in CUES


def slot_features(candidate: PredicateCandidate) -> dict[str, float]:
    """The features of one complement of a predicate."""
    t = candidate.predicate
    lemma = t.lemma_.lower()
    slot = candidate.slot
    kind = slot.split(":")[0]
    f: dict[str, float] = {f"lemma_slot={lemma}|{slot}": 1.0, f"slot={slot}": 1.0, f"kind={kind}": 1.0,
                           f"pos_slot={t.pos_}|{kind}": 1.0}
    entry = CUES.get(lemma)
    if entry is not None:
        wanted = {"clause": "clause", "object": "object", "to": "to", "noun_clause": "clause",
                  "noun_to": "to"}.get(kind, slot.split(":", 1)[-1])
        f[f"lex_slot={wanted in entry.content or PREPOSITION_SLOT + wanted in entry.content}"] = 1.0
    content = candidate.content
    head = content_head(content)
    f[f"content_head={head.pos_}|{head.dep_}"] = 1.0
    if kind in {"object", "prep", "noun_prep"}:
        f[f"lemma_object={lemma}|{head.lemma_.lower()}"] = 1.0
        senses = classes(head)  # "dismissed [the accusations]" (noun.communication), "[a visit]" (noun.act)
        if senses:
            f[f"object_wordnet={senses[0]}|{kind}"] = 1.0
    f[f"content_len={bucket(len(content))}"] = 1.0
    f[f"content_len_slot={bucket(len(content))}|{kind}"] = 1.0
    if has_quote_mark(content):
        f["content_quoted"] = 1.0
    if content[0].lower_ == "that":
        f["content_that"] = 1.0
    if any(x.ent_type_ in {"PERSON", "ORG"} for x in content[:3]):
        f["content_starts_with_name"] = 1.0
    return f


def features(candidate: PredicateCandidate, in_quote: bool) -> dict[str, float]:
    """Parse features of one (predicate, complement) pair."""
    return {**predicate_features(candidate.predicate, in_quote), **slot_features(candidate)}


def handed_on(predicate: Token) -> list[Token]:
    """The words *predicate* hands an attribution on to when they attribute themselves: the
    infinitive it leads into (``continues to refute …``), its object noun (``has made
    comments about …``, ``issued a statement that …``) and the participle that describes that
    object (``issued a statement describing …``); PolNeAR's cue then runs over those words and
    the content is the inner word's."""
    objects = [c for c in predicate.children if c.dep_ == "dobj" and c.pos_ == "NOUN"]
    return ([c for c in predicate.children if led_in(c)] + objects
            + [p for o in objects for p in o.children if issuing_verb(p) == predicate])


def learned_frames(doc: Doc, rule_frames: list[Frame], marks: MarkIndex, options: Options, model: LinearModel,
                   skip=None, participles: dict[int, set[int]] | None = None) -> list[Frame]:
    """Frames for the predicates the rules left alone that the model takes for attributions:
    for each predicate, its most likely complement if it clears the model's threshold. For a
    word of the cue lexicon the model may add a clausal, infinitival or prepositional
    complement the entry does not list, and a direct object unless that object names an act
    (``the junta dismissed [a proposed visit]``, which the model takes for an attribution;
    ``dismissed [the accusations]``, ``said [the same of Trump]`` are words: see
    :func:`names_an_act`). The rules keep what they decide."""
    # The rules decided these words; words inside quotation marks are the quoted person's own.
    taken = {t.i for f in rule_frames for t in f.cue}
    handed_to_rules = {t.i for f in rule_frames for t in handed_on(f.cue_token)}
    taken.update(f.cue_token.head.i for f in rule_frames if led_in(f.cue_token))  # "seemed [to mock]"
    taken.update(v.i for f in rule_frames if (v := issuing_verb(f.cue_token)) is not None)  # "issued a statement saying"
    quoted: set[int] = set()
    for q in marks.spans:
        span = doc.char_span(q.mark_start, q.mark_end, alignment_mode="contract")
        if span is not None:
            quoted.update(range(span.start, span.end))
    left_out = taken | quoted
    rules = RulesReading.of(taken, (span for f in rule_frames for span in f.content), participles)
    frames = []
    for sent in doc.sents:
        if skip is not None and skip(sent):
            continue
        best: dict[int, tuple[PredicateCandidate, float]] = {}
        for candidate, p in model.rate(sent, marks, left_out, rules):
            if p < model.threshold:
                continue
            i = candidate.predicate.i
            if in_set_phrase(candidate.predicate):
                continue  # "All told, …", "That said, …": a set phrase attributes nothing
            if explains_anonymity(candidate.predicate):
                continue  # "speaking on condition of anonymity to discuss …": why unnamed, not what said
            if candidate.slot == "object" and candidate.predicate.lemma_.lower() in CUES \
                    and not _document_subject(candidate.predicate) and names_an_act(candidate.content):
                continue  # a lexicon verb's object that names an act is content only where its entry says so
            if i not in best or p > best[i][1]:
                best[i] = (candidate, p)
        for candidate, p in best.values():  # (each clears the threshold)
            token = candidate.predicate
            if any(c.i in best for c in handed_on(token)):
                continue  # "continues to refute …", "made comments about …": the inner word attributes
            if token.i in handed_to_rules and not named_owner(token):
                continue  # "expressed concern over …": the rules' cue reports the noun's words already
            chosen = choose(token, candidate.slot, candidate.content, model.boundary)
            content = content_spans(with_pieces_before(token, candidate.slot, chosen), keep_that=options.content_that)
            if not content:
                continue
            cue = [token] + [c for c in token.children if c.dep_ == "prt"]
            frames.append(Frame(cue, content, Rule.LEARNED, _clause_tokens(token, content), probability=round(p, 2)))
    return frames


def rate_unspoken(attributions: list[Attribution], spans: list[QuoteSpan], model: LinearModel) -> list[Attribution]:
    """The model's word on the rules' reported contents whose speaker is not found: the
    probability that their cue attributes (that of its likeliest complement), with which
    ``score`` keeps them as the model's own frames without a source are kept (``911 calls
    [saying shots were fired]``, ``evidence [suggesting] that …``). Only these need a rating:
    53 on PolNeAR dev, against about 2,100 frames the rules decide (the quotations' index, *spans*
    by position, is built only for a document that has one)."""
    marks = None
    out = []
    for a in attributions:
        c = a.candidate
        if a.speaker is None and c.probability is None and c.type != QuoteType.DIRECT \
                and c.cue_token is not None and not is_headline(c.cue_token.sent):
            if marks is None:
                marks = MarkIndex(spans)
            p = cue_rating(c.cue_token, marks, model)
            if p is not None:
                a = replace(a, candidate=replace(c, probability=round(p, 2)))
        out.append(a)
    return out


def cue_rating(cue: Token, marks: MarkIndex, model: LinearModel) -> float | None:
    """The probability of *cue*'s likeliest complement as the attribution model rates it (None
    when the parse gives it none), its sentence read whole for the second reading."""
    return max((p for c, p in model.rate(cue.sent, marks) if c.predicate.i == cue.i), default=None)


# Words of a request for anonymity: "on condition of anonymity", "not authorized", "asked not to be named".
_ANONYMITY = ("anonymity", "not authorized", "not to be named", "not to be identified")


def explains_anonymity(predicate: Token) -> bool:
    """``…, speaking on the condition of anonymity to discuss internal deliberations, said``:
    an infinitive that says why a source is unnamed reports nothing of theirs."""
    if not is_infinitive(predicate):
        return False
    head = predicate.head
    if head.i > predicate.i:
        return False
    before = predicate.doc[head.left_edge.i : predicate.i].text.lower()
    return any(words in before for words in _ANONYMITY)
