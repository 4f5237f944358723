"""Joins what the parse says (frames) with what the quotation marks say (quote spans) into
quotes with speakers, cues, outlets and confidences. Plain functions over a parsed ``Doc``.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from . import confidence
from .layouts import signature_frames, speaker_colon_frames
from .entities import ORG_LABELS, PERSON_PRONOUNS, EntityIndex
from .frames import Frame, doc_frames
from .lexicon import NO_COMMENT_PHRASES, SPEAKER_KINDS
from .lines import is_headline
from .marks import QuoteSpan, find_quote_spans
from .options import DEFAULT, Options
from .outlets import find_outlet
from .phrases import char_span, mention_tokens
from .types import Cue, Entity, Mention, Quote

# Only punctuation and spaces between a quotation and its attribution clause.
_BEFORE_CLAUSE = re.compile(r"[ \t\u00a0,;:―—–-]*")
_AFTER_CLAUSE = re.compile(r"[\s,;—–-]*(:[\s]*)?")
_MIN_FLOATING_WORDS = 4  # shorter unattributed quotations are scare quotes, not quotes
# A colon right after an attribution clause, then the words on the same line or the next paragraph.
_COLON_THEN = re.compile(r"[ \t]*:[ \t]*(?:\n\s*)?")
_MIN_INDIRECT_TOKENS = 2
_NO_COMMENT_MAX_WORDS = 12


def is_no_comment(text: str) -> bool:
    """``he declined to comment`` / ``a request for comment``: a refusal, not a quote.

    >>> is_no_comment("he declined to comment on the report")
    True
    """
    lowered = " ".join(text.lower().replace("’", "'").split())
    return _words(lowered) <= _NO_COMMENT_MAX_WORDS and any(p in lowered for p in NO_COMMENT_PHRASES)


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _clause_extent(frame: Frame, spans: list[QuoteSpan]) -> tuple[int, int]:
    """Where the attribution clause stands, leaving out punctuation and any quotation that
    the parser hung on the cue."""
    tokens = [t for t in frame.clause if not (t.is_punct or t.is_space)
              and not any(q.mark_start <= t.idx < q.mark_end for q in spans)] or frame.cue
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    return start, end


def _paragraph_gap(text: str, a: int, b: int) -> bool:
    return "\n" in text[a:b]


class _Builder:
    def __init__(self, doc: Doc, options: Options):
        self.doc = doc
        self.options = options
        self.text = doc.text
        self.spans: list[QuoteSpan] = find_quote_spans(self.text)
        self.claimed: set[int] = set()
        self.index = EntityIndex.build(doc)
        self.quotes: list[tuple[Quote, Frame | None]] = []

    # -- frames with content ------------------------------------------------------------------
    def from_frame(self, frame: Frame) -> None:
        if frame.speaker is None:
            return  # reported content with no source is not an attribution
        content = frame.content
        hits = [i for i, q in enumerate(self.spans)
                if any(_overlap((s, e), c) for s, e in q.parts for c in content)]
        if hits:
            content_chars = sum(e - s for s, e in content)
            inside = sum(_overlap(p, c) for i in hits for p in self.spans[i].parts for c in content)
            if inside >= 0.9 * content_chars:
                parts = sorted(p for i in hits for p in self.spans[i].parts)
                if frame.rule == "speaker_colon":  # "PENCE: …": this line of the quotation only
                    lo, hi = content[0]
                    parts = [(max(s, lo), min(e, hi)) for s, e in parts if e > lo and s < hi]
                self.claimed.update(hits)
                self._add(frame, "direct", parts, "quote")
                return
            parts = [self._extend_to_marks(c, hits) for c in content]
            self.claimed.update(i for i in hits if self._within(self.spans[i], parts))
            self._add(frame, "mixed", parts, "mixed")
            return
        if sum(len(self.doc.char_span(s, e, alignment_mode="expand") or []) for s, e in content) < _MIN_INDIRECT_TOKENS:
            return
        self._add(frame, "indirect", list(content), frame.rule)

    def _extend_to_marks(self, part: tuple[int, int], hits: list[int]) -> tuple[int, int]:
        """Let a mixed quote run to the closing mark of a quotation that opens inside it: the
        parse often stops the reported clause short of the quotation's end."""
        start, end = part
        for i in hits:
            q = self.spans[i]
            if start <= q.start < end < q.mark_end and "\n" not in self.text[end : q.end]:
                end = q.mark_end
        return start, end

    @staticmethod
    def _within(q: QuoteSpan, parts: list[tuple[int, int]]) -> bool:
        return any(s <= q.start and q.end <= e for s, e in parts)

    # -- frames without content: "…,” he said." / "She said: “…”" ------------------------------
    def adjacent_quotes(self, frame: Frame) -> list[int]:
        start, end = _clause_extent(frame, self.spans)
        found = []
        for i, q in enumerate(self.spans):
            if i in self.claimed:
                continue
            if q.mark_end <= start:
                gap = self.text[q.mark_end : start]
                if _BEFORE_CLAUSE.fullmatch(gap) and not _paragraph_gap(self.text, q.mark_end, start):
                    found.append(i)
            elif q.mark_start >= end:
                gap = self.text[end : q.mark_start]
                if _AFTER_CLAUSE.fullmatch(gap) and (":" in gap or not _paragraph_gap(self.text, end, q.mark_start)):
                    found.append(i)
        return found

    def from_adjacent(self, frame: Frame, hits: list[int]) -> None:
        parts = sorted(p for i in hits for p in self.spans[i].parts)
        self.claimed.update(hits)
        self._add(frame, "direct", parts, "quote")

    def from_colon(self, frame: Frame) -> None:
        """``The governor added:`` and then the words, without quotation marks: the rest of the
        line, or the whole next paragraph when the colon ends the line."""
        if frame.speaker is None:
            return
        _, end = _clause_extent(frame, self.spans)
        m = _COLON_THEN.match(self.text, end)
        if not m:
            return
        start = m.end()
        stop = self.text.find("\n", start)
        stop = len(self.text) if stop < 0 else stop
        content = self.text[start:stop].rstrip()
        if _words(content) < _MIN_FLOATING_WORDS or any(q.start < stop and start < q.end for q in self.spans):
            return
        self._add(frame, "direct", [(start, start + len(content))], "colon_block")

    # -- quotations nobody claimed ----------------------------------------------------------------
    def floating(self) -> None:
        for i, q in enumerate(self.spans):
            if i in self.claimed or _words(q.text(self.text)) < _MIN_FLOATING_WORDS:
                continue
            if any(qq.start <= q.start and q.end <= qq.end for qq, _ in self.quotes):
                continue  # a quotation inside a quote already reported
            if not self._stands_alone(q):
                continue  # a fragment quoted inside running text is not a quote of its own
            self.claimed.add(i)
            previous = self._previous_speaker_quote(q)
            quote = Quote(type="direct", mode="speech", parts=list(q.parts), rule="unattributed")
            if previous is not None:
                quote.speaker, quote.entity, quote.mode = previous.speaker, previous.entity, previous.mode
                quote.rule, quote.speaker_from = "previous_quote", "previous_quote"
                if "\n" not in self.text[previous.end : q.start]:
                    # '“A,” she said. “B.”': one attribution governs the whole paragraph.
                    quote.cue, quote.outlet = previous.cue, previous.outlet
            quote.confidence = confidence.score(quote.rule, quote.speaker_from, True, True)
            self.quotes.append((quote, None))

    def _stands_alone(self, q: QuoteSpan) -> bool:
        """The quotation is a sentence (or several) of its own: nothing but punctuation between it
        and the sentence edges, or a colon before it."""
        first = self.doc.char_span(q.start, q.start + 1, alignment_mode="expand")
        last = self.doc.char_span(q.end - 1, q.end, alignment_mode="expand")
        if first is None or last is None:
            return False
        # The parser sometimes leaves an opening mark at the end of the previous sentence.
        before = self.text[first[0].sent.start_char : q.mark_start].strip()
        after = self.text[q.mark_end : last[-1].sent.end_char].strip()
        return (not before or before.endswith(":")) and not re.search(r"\w", after)

    def _previous_speaker_quote(self, q: QuoteSpan) -> Quote | None:
        """The closest earlier quote with a speaker, in this paragraph or the one before."""
        before = [qq for qq, _ in self.quotes if qq.end <= q.start and qq.speaker is not None]
        if not before:
            return None
        prev = max(before, key=lambda qq: qq.end)
        paragraph_breaks = len(re.findall(r"\n\s*", self.text[prev.end : q.start]))
        return prev if paragraph_breaks <= 1 else None

    # -- assembling ---------------------------------------------------------------------------
    def _add(self, frame: Frame, qtype: str, parts: list[tuple[int, int]], rule: str) -> None:
        if is_no_comment(" ".join(self.text[s:e] for s, e in parts)):
            return
        cue_tokens = frame.cue
        if cue_tokens[-1].i - cue_tokens[0].i != len(cue_tokens) - 1:
            cue_tokens = cue_tokens[:1]  # "pointed it out": the verb alone
        cs, ce = char_span(cue_tokens)
        cue = Cue(cs, ce, self.text[cs:ce], lemma=" ".join(t.lemma_.lower() for t in cue_tokens))
        quote = Quote(type=qtype, mode=frame.mode, parts=parts, cue=cue,
                      outlet=find_outlet(frame.cue_token), rule=rule, speaker_from=frame.speaker_from)
        self.quotes.append((quote, frame))

    def resolve_speakers(self) -> None:
        recent: list[tuple[int, Entity]] = []
        for quote, frame in sorted(self.quotes, key=lambda qf: qf[0].start):
            distance = 0
            if frame is not None and frame.speaker is not None:
                quote.speaker, quote.entity, distance = self._speaker(frame.speaker, recent, quote,
                                                                      frame.speaker_tokens)
                if quote.speaker and quote.speaker.kind == "document" and quote.mode == "speech":
                    quote.mode = "writing"
            elif frame is not None:
                quote.speaker_from = None
            if quote.entity is not None:
                recent.append((quote.start, quote.entity))
            if frame is not None:
                named = quote.speaker is not None and not quote.speaker.pronoun and quote.entity is not None
                quote.confidence = confidence.score(quote.rule, quote.speaker_from, named,
                                                    quote.entity is not None, distance)

    def _speaker(self, head: Token, recent, quote: Quote, tokens: list[Token] | None = None
                 ) -> tuple[Mention, Entity | None, int]:
        tokens = tokens or mention_tokens(head, appositions=self.options.speaker_appositions)
        start, end = char_span(tokens)
        mention = Mention(start, end, self.text[start:end], head=head.i)
        if head.tag_ in {"WP", "WDT"} and head.head.dep_ == "relcl" and head.head.head.i != head.head.i:
            # "Smith, who said …": the mention is "who", the speaker is Smith.
            _, entity, _ = self._speaker(head.head.head, recent, quote)
            mention.pronoun, mention.kind = True, entity.kind if entity else "other"
            quote.speaker_from = "relative"
            return mention, entity, 0
        if head.pos_ == "PRON":
            mention.pronoun = True
            mention.kind = "person" if head.lower_ in PERSON_PRONOUNS or head.lower_ in {"i", "we"} else "other"
            entity, distance = self.index.resolve_pronoun(head, recent)
            quote.speaker_from = "coreference"
            return mention, entity, distance
        entity = next((self.index.entity_at(t) for t in tokens if self.index.entity_at(t)), None)
        if entity is None and head.pos_ == "PROPN":
            entity = self.index.person_named(tokens)  # "Nuland" that the recogniser missed
        if entity is not None:
            if entity.kind == "person":
                self.index.widen(entity, tokens)
            mention.kind = entity.kind
            return mention, entity, 0
        if head.pos_ == "PROPN" and head.ent_type_ in {"", "PERSON"}:
            entity = self.index.add_name(tokens)  # a name the recogniser did not tag
            if entity is not None:
                mention.kind = "person"
                return mention, entity, 0
        if head.ent_type_ in ORG_LABELS:
            ent = next(e for e in self.doc.ents if e.start <= head.i < e.end)
            entity = self.index.organization(list(ent), ent.label_)
            mention.kind = "organization"
            return mention, entity, 0
        mention.kind = SPEAKER_KINDS.get(head.lower_, SPEAKER_KINDS.get(head.lemma_.lower(), "other"))
        return mention, None, 0

    def dedupe(self) -> list[Quote]:
        best: dict[tuple, Quote] = {}
        for quote, _ in self.quotes:
            key = tuple(quote.parts)
            if key not in best or quote.confidence > best[key].confidence:
                best[key] = quote
        return sorted(best.values(), key=lambda q: (q.start, q.end))


def extract(doc: Doc, options: Options = DEFAULT) -> tuple[list[Quote], list[Entity]]:
    """Every quote in *doc* (all modes), and the entities that speak in them.

    >>> quotes, speakers = extract(nlp("“We won,” Jane Porter said."))  # doctest: +SKIP
    >>> quotes[0].type, speakers[0].name                                # doctest: +SKIP
    ('direct', 'Jane Porter')
    """
    builder = _Builder(doc, options)
    frames = doc_frames(doc, skip=is_headline, options=options)
    # A cue inside a quotation is the quoted person's own word, not an attribution.
    frames = [f for f in frames if not any(q.mark_start < f.cue_token.idx < q.mark_end for q in builder.spans)]
    frames += speaker_colon_frames(doc) + signature_frames(doc, builder.spans)
    pending = []
    for frame in frames:
        if frame.content:
            builder.from_frame(frame)
        else:
            pending.append(frame)
    for quote, frame in list(builder.quotes):
        # "“A,” he said, “B.”": the other half of an interrupted quotation.
        if frame is not None and quote.type == "direct":
            extra = builder.adjacent_quotes(frame)
            if extra:
                builder.claimed.update(extra)
                quote.parts = sorted(quote.parts + [p for i in extra for p in builder.spans[i].parts])
    for frame in pending:
        hits = builder.adjacent_quotes(frame)
        if hits:
            builder.from_adjacent(frame, hits)
        else:
            builder.from_colon(frame)
    builder.resolve_speakers()
    builder.quotes.sort(key=lambda qf: qf[0].start)
    builder.floating()
    quotes = builder.dedupe()
    speaking = {q.entity.id for q in quotes if q.entity is not None}
    entities = [e for e in builder.index.entities if e.id in speaking]
    return quotes, entities
