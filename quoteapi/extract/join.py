"""The join stage: what the parse says (frames) and what the quotation marks say (quote spans)
become candidates — type, parts, cue, outlet and the construction (``rule``) — with no one
named yet. ``speakers`` then says who spoke, ``score`` how sure we are.

>>> from quoteapi.extract import load_pipeline                      # doctest: +SKIP
>>> doc = load_pipeline()("“We won,” Jane Porter said.")            # doctest: +SKIP
>>> [(c.type.value, c.rule.value, c.cue.text) for c in join(doc, doc.text, find_quote_spans(doc.text))]  # doctest: +SKIP
[('direct', 'quote', 'said')]
"""
from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import replace

from spacy.tokens import Doc

from .frames import Frame, cue_entry, doc_frames
from .layouts import handle_signature_frames, interview_frames, signature_frames, speaker_colon_frames
from .learned import LinearModel, learned_frames
from .lexicon import NO_COMMENT_PHRASES
from .lines import capitalised_share, is_headline
from .marks import MarkIndex, QuoteSpan
from .options import DEFAULT, Options
from .outlets import find_outlet
from .phrases import TIME_ENTITIES, char_span, cue_group, mention_tokens
from .types import Candidate, Cue, overlap
from .vocab import Mode, QuoteType, Rule

# Only punctuation and spaces between a quotation and its attribution clause.
_BEFORE_CLAUSE = re.compile(r"[ \t\u00a0,;:―—–-]*")
_AFTER_CLAUSE = re.compile(r"[\s,;—–-]*(:[\s]*)?")
_SIGNATURE_GAP = re.compile(r"\s*[―—–-]\s*")  # a signature may stand on the line below: "“…”⏎⏎- Bernie Sanders."
# Shorter quotations standing alone are scare quotes or titles, unless they go on a paragraph
# whose quote is attributed ('“We will fight,” she said. “We will.”').
_MIN_STANDALONE_WORDS = 4
_OWN_WORDS = {Rule.INTERVIEW, Rule.SIGNATURE}  # layouts whose content is the speaker's own words
# What stands right before the title of a programme or a work: "CNN’s “This Week”", "on “Meet the Press”".
_TITLE_BEFORE = re.compile(r"(?:['’]s|\bon)[ \t\u00a0]*$")
_MAX_TITLE_WORDS = 8
_WORD = re.compile(r"[^\W\d_][\w’'-]*")
# A colon right after an attribution clause, then the words on the same line or the next paragraph.
_COLON_THEN = re.compile(r"[ \t]*:[ \t]*(?:\n\s*)?")
# Reported content of one word is a name or nothing: "attacked [Machado]", not "said [so]"
# (PolNeAR dev: of the one-word contents, 10 of 16 names match the gold, 4 of 17 nouns).
_MIN_INDIRECT_TOKENS = 2
_A_WORD = re.compile(r"\w")
_LEADING_THAT = re.compile(r"^\W*that\b", re.IGNORECASE)
_THAT_BEFORE_QUOTE = re.compile(r"that[\s,]*[\"“‘'«]+", re.IGNORECASE)
_NO_COMMENT_MAX_WORDS = 12
_REASON = re.compile(r"\b(?:because|since|as)\b")  # "declined to comment because …": the refusal's reason
# Between the end of a mixed quote and a quotation coordinated with it: "…” but “…", "…,” and “…".
_COORDINATED_QUOTATION = re.compile(r"[”\"’']*[,;]?\s+(?:and|but|or)\b[^.?!\n“\"”]{0,40}")


def is_no_comment(text: str) -> bool:
    """``he declined to comment`` / ``a request for comment``: a refusal, not a quote, with
    the reason it gives (``asked not to be named because he was not authorized to speak``).

    >>> is_no_comment("he declined to comment on the report")
    True
    >>> is_no_comment("asked not to be named because he was not authorized to speak publicly about it")
    True
    """
    lowered = " ".join(text.lower().replace("’", "'").split())
    refusal = _REASON.split(lowered, maxsplit=1)[0]
    return words(refusal) <= _NO_COMMENT_MAX_WORDS and any(p in refusal for p in NO_COMMENT_PHRASES)


def words(text: str) -> int:
    """How many words *text* has.

    >>> words("It's over, they said.")
    5
    """
    return len(re.findall(r"\w+", text))


def _clause_extent(frame: Frame, marks: MarkIndex) -> tuple[int, int]:
    """Where the attribution clause stands, leaving out punctuation and any quotation that
    the parser hung on the cue."""
    tokens = [t for t in frame.clause if not (t.is_punct or t.is_space) and marks.holding(t.idx) is None] or frame.cue
    return min(t.idx for t in tokens), max(t.idx + len(t.text) for t in tokens)


class _Joiner:
    """Candidates of one document. ``claimed`` holds the quotations already given to a cue."""

    def __init__(self, doc: Doc, text: str, marks: MarkIndex, options: Options):
        self.doc, self.text, self.marks, self.options = doc, text, marks, options
        self.spans = marks.spans
        self.claimed: set[int] = set()
        self.found: list[tuple[Candidate, Frame | None]] = []

    # -- frames with content ------------------------------------------------------------------
    def from_frame(self, frame: Frame) -> None:
        content = frame.content
        if frame.rule == Rule.VIEWPOINT and self.marks.inside(frame.cue_token.idx):
            return  # "“In my view, it failed,” she said": the quoted speaker's hedge, not a quote of its own
        if frame.rule in _OWN_WORDS:  # an answer, a signed post: the speaker's own words, marks or none
            self.claimed.update(i for c in content for i in self.marks.meeting(*c))
            self._add(frame, QuoteType.DIRECT, list(content), frame.rule)
            return
        near = sorted({i for c in content for i in self.marks.meeting(*c)})
        hits = [i for i in near if any(overlap(p, c) for p in self.spans[i].parts for c in content)]
        if hits:
            content = self._after_colon(content, hits, frame)
            if not self._words_outside(content, hits):
                parts = sorted(p for i in hits for p in self.spans[i].parts)
                if frame.rule == Rule.SPEAKER_COLON:  # "PENCE: …": this line of the quotation only
                    lo, hi = content[0]
                    parts = [(max(s, lo), min(e, hi)) for s, e in parts if e > lo and s < hi]
                    self._add(frame, QuoteType.DIRECT, parts, Rule.SPEAKER_COLON)
                else:
                    self._add(frame, QuoteType.DIRECT, self._keep_that(content, parts), Rule.QUOTE)
                self.claimed.update(hits)
                return
            parts = [self._extend_to_marks(c, hits) for c in content]
            parts[-1] = self._extend_over_coordinated_quotation(parts[-1], frame)
            hits = sorted(set(hits) | {i for i in self.marks.meeting(*parts[-1])})
            self.claimed.update(i for i in hits if self._within(self.spans[i], parts))
            self._add(frame, QuoteType.MIXED, parts, Rule.MIXED)
            return
        tokens = [t for s, e in content for t in (self.doc.char_span(s, e, alignment_mode="expand") or [])]
        if len(tokens) < _MIN_INDIRECT_TOKENS and frame.rule != Rule.ACCORDING_TO \
                and not all(t.pos_ in {"PROPN", "NOUN"} or t.dep_ in {"oprd", "intj"} for t in tokens):
            # "said so", "denied it": a word that points at words said elsewhere; a name or a
            # noun alone is content ("attacked Machado", "warned of layoffs", "denied
            # wrongdoing"), a name given too ("called him [weak]"), an answer ("said [no]"),
            # and what a source is cited for ("[That]’s according to exit polls")
            return
        if all(t.ent_type_ in TIME_ENTITIES or t.is_punct or t.dep_ in {"det", "prep"} for t in tokens):
            return  # "apologized [on Thursday]": when, never what
        self._add(frame, QuoteType.INDIRECT, list(content), frame.rule)

    def _after_colon(self, content: list[tuple[int, int]], hits: list[int], frame: Frame) -> list[tuple[int, int]]:
        """``Trump asserted that …: “France is no longer France,” he claimed``: the parser may hang
        the sentence that announces a quotation on the cue after it; the words before the colon
        are the announcing sentence's, not the quotation's."""
        first = self.spans[hits[0]]
        start = content[0][0]
        if not start < first.mark_start < frame.cue_token.idx:
            return content
        lead = self.text[start:first.mark_start].rstrip()
        if not lead.endswith(":"):
            return content
        return [(max(s, first.mark_start), e) for s, e in content if e > first.mark_start]

    def _words_outside(self, content: list[tuple[int, int]], hits: list[int]) -> bool:
        """Whether *content* has words outside the quotations *hits* (a leading ``that`` aside):
        ``he “has offended …”`` is a mixed quote, ``that “…”`` a direct one."""
        marks = sorted((self.spans[i].mark_start, self.spans[i].mark_end) for i in hits)
        pieces = []
        for s, e in content:
            pos = s
            for a, b in marks:
                if a < e and b > pos:
                    # (a leading "that" right before the first quotation is its complementizer,
                    # `said that “…”`; a "That" that is a piece of its own is a word outside:
                    # `[That], the commission said, “would be helpful …”`)
                    pieces.append(_LEADING_THAT.sub("", self.text[pos:a]) if not pieces else self.text[pos:a])
                    pos = b
            pieces.append(self.text[pos:e])
        return bool(_A_WORD.search(" ".join(pieces)))

    def _keep_that(self, content: list[tuple[int, int]], parts: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """``said that “…”``: with the ``polnear`` convention the complementizer before the
        quotation belongs in the quote."""
        if not self.options.content_that or not parts:
            return parts
        start = content[0][0]
        if start < parts[0][0] and _THAT_BEFORE_QUOTE.fullmatch(self.text[start : parts[0][0]]):
            return [(start, parts[0][1])] + parts[1:]
        return parts

    def _extend_to_marks(self, part: tuple[int, int], hits: list[int]) -> tuple[int, int]:
        """Let a mixed quote run to the closing mark of a quotation that opens inside it: the
        parse often stops the reported clause short of the quotation's end; and take in the
        opening mark of a quotation it starts with and goes on past (``said [“Yes We Can” was
        his motto]``, not ``Yes We Can” was his motto``)."""
        start, end = part
        for i in hits:
            q = self.spans[i]
            if start <= q.start < end < q.mark_end and "\n" not in self.text[end : q.end]:
                end = q.mark_end
            if q.mark_start < start <= q.start and q.mark_end <= end:
                start = q.mark_start
        return start, end

    def _extend_over_coordinated_quotation(self, part: tuple[int, int], frame: Frame) -> tuple[int, int]:
        """``she would “support the nominee” but “isn’t planning to endorse anyone”``: a mixed
        quote goes on over a quotation coordinated with its end (``and``, ``but``, ``or`` and a
        few words), which the parse often leaves outside the reported clause."""
        start, end = part
        if end < frame.cue_token.idx:
            return part  # (the quote stands before its cue: the clause after it is the attribution)
        for _ in range(3):
            after = self.marks.first_after(end)
            if after is None:
                break
            q = self.spans[after]
            if not _COORDINATED_QUOTATION.fullmatch(self.text[end : q.mark_start]):
                break
            gap = self.doc.char_span(end, q.mark_start, alignment_mode="expand")
            if gap is None or any(t.pos_ in {"VERB", "AUX"} for t in gap):
                break  # "… and said “…”": a speech act of its own
            end = q.mark_end
        return start, end

    @staticmethod
    def _within(q: QuoteSpan, parts: list[tuple[int, int]]) -> bool:
        return any(s <= q.start and q.end <= e for s, e in parts)

    # -- frames without content: "…,” he said." / "She said: “…”" ------------------------------
    def adjacent_quotes(self, frame: Frame) -> list[int]:
        """The unclaimed quotations right before and right after the attribution clause, with
        nothing but punctuation and spaces between (a farther one has the nearer one's marks in
        between, so only the nearest on each side can be)."""
        start, end = _clause_extent(frame, self.marks)
        found = []
        before, after = self.marks.last_before(start), self.marks.first_after(end)
        if before is not None and before not in self.claimed and not self._names_a_title(before):
            gap = self.text[self.spans[before].mark_end : start]
            if _BEFORE_CLAUSE.fullmatch(gap) and "\n" not in gap \
                    or frame.rule == Rule.SIGNATURE and _SIGNATURE_GAP.fullmatch(gap):
                found.append(before)
        if found and self.text[self.spans[before].parts[-1][1] - 1] in ".?!" \
                and self.text[end : end + 2].lstrip().startswith(":"):
            # '“We are refugees.” Mr. Zahed said: “The attack …”': a finished sentence before
            # the clause is not his; the colon announces what follows.
            found = []
        if after is not None and after not in self.claimed and after != before and not self._names_a_title(after):
            gap = self.text[end : self.spans[after].mark_start]
            if _AFTER_CLAUSE.fullmatch(gap) and (":" in gap or "\n" not in gap):
                found.append(after)
        return found

    def _names_a_title(self, i: int) -> bool:
        """``on CNN’s “State of the Union”``, ``he said on “Meet the Press.”``: a quotation of a
        few words in title case right after a possessive or ``on`` names a programme or a work;
        it is nobody's words."""
        q = self.spans[i]
        found = _WORD.findall(q.text(self.text))  # (not `words`: the module's counter of that name)
        return (len(found) <= _MAX_TITLE_WORDS and capitalised_share(found) == 1.0
                and _TITLE_BEFORE.search(self.text[max(0, q.mark_start - 8):q.mark_start]) is not None)

    def from_adjacent(self, frame: Frame, hits: list[int]) -> None:
        self.claimed.update(hits)
        rule = Rule.SIGNATURE if frame.rule == Rule.SIGNATURE else Rule.QUOTE
        self._add(frame, QuoteType.DIRECT, sorted(p for i in hits for p in self.spans[i].parts), rule)

    def extend_interrupted(self) -> None:
        """'“A,” he said, “B.”': the other half of an interrupted quotation joins the quote;
        'A, he added, “B.”': so does a quotation right after a clause that interrupts reported
        words (the quote is then a mixed one)."""
        for n, (candidate, frame) in enumerate(self.found):
            if frame is None:
                continue
            if candidate.type == QuoteType.DIRECT:
                extra = [i for i in self.adjacent_quotes(frame) if not self._announced_by_another_cue(frame, i)]
                qtype = candidate.type
            elif candidate.end <= _clause_extent(frame, self.marks)[0]:
                extra = [i for i in self.adjacent_quotes(frame)
                         if self.spans[i].start > frame.cue_token.idx and self._goes_on(self.spans[i])]
                qtype = QuoteType.MIXED
            else:
                continue
            if extra:
                self.claimed.update(extra)
                parts = tuple(sorted(candidate.parts + tuple(p for i in extra for p in self.spans[i].parts)))
                self.found[n] = (replace(candidate, parts=parts, type=qtype), frame)

    def _announced_by_another_cue(self, frame: Frame, i: int) -> bool:
        """'… tweeted that “A,” adding: “B.”': a cue of its own stands between the quote and the
        quotation after it (the parser hangs the participle in the first cue's clause)."""
        q = self.spans[i]
        if q.start < frame.cue_token.idx:
            return False
        span = self.doc.char_span(frame.cue_token.idx, q.mark_start, alignment_mode="contract")
        return span is not None and any(t.i != frame.cue_token.i and not self.marks.inside(t.idx)
                                        and cue_entry(t) is not None for t in span)

    def _goes_on(self, q: QuoteSpan) -> bool:
        """A quotation that goes on a sentence rather than names a title (``he said on “Morning
        Joe”``): it starts in lower case or has a few words."""
        quoted = q.text(self.text).lstrip()
        return quoted[:1].islower() or words(quoted) >= _MIN_STANDALONE_WORDS

    def from_colon(self, frame: Frame) -> None:
        """``The governor added:`` and then the words, without quotation marks: the rest of the
        line, or the whole next paragraph when the colon ends the line."""
        _, end = _clause_extent(frame, self.marks)
        m = _COLON_THEN.match(self.text, end)
        if not m:
            return
        start = m.end()
        stop = self.text.find("\n", start)
        stop = len(self.text) if stop < 0 else stop
        content = self.text[start:stop].rstrip()
        if words(content) < _MIN_STANDALONE_WORDS or any(
                self.spans[i].start < stop and start < self.spans[i].end for i in self.marks.meeting(start, stop)):
            return
        self._add(frame, QuoteType.DIRECT, [(start, start + len(content))], Rule.COLON_BLOCK)

    # -- quotations nobody claimed --------------------------------------------------------------
    def standalone(self) -> None:
        # The quotes found so far by start, with the furthest end reached by each prefix, and
        # the ends of the attributed direct ones: each quotation below is looked up, not compared
        # with every quote. (The quotations added here hold no other quotation and have no cue.)
        found = sorted((c.start, c.end) for c, _ in self.found)
        starts = [s for s, _ in found]
        reach = list(itertools.accumulate((e for _, e in found), max))
        attributed = sorted(c.end for c, _ in self.found if c.cue is not None and c.type == QuoteType.DIRECT)
        for i, q in enumerate(self.spans):
            if i in self.claimed:
                continue
            n = bisect.bisect_right(starts, q.start)
            if n and reach[n - 1] >= q.end:
                continue  # a quotation inside a quote already reported
            if not self._stands_alone(q):
                continue  # a fragment quoted inside running text is not a quote of its own
            if words(q.text(self.text)) < _MIN_STANDALONE_WORDS and not self._goes_on_attributed_paragraph(q, attributed):
                continue
            self.claimed.add(i)
            self.found.append((Candidate(type=QuoteType.DIRECT, mode=Mode.SPEECH, parts=q.parts,
                                         rule=Rule.STANDALONE), None))

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

    def _goes_on_attributed_paragraph(self, q: QuoteSpan, attributed: list[int]) -> bool:
        """An earlier quotation with a cue stands in the same paragraph: the one that ends last
        before *q* does if any does (*attributed*: the ends of such quotes, sorted)."""
        n = bisect.bisect_right(attributed, q.start)
        return bool(n) and "\n" not in self.text[attributed[n - 1] : q.start]

    # -- assembling ---------------------------------------------------------------------------
    def _antecedent(self, start: int, end: int) -> tuple[int, int] | None:
        """``the plan, [which] he said would create jobs``: for a piece that is only a relative
        pronoun, the noun phrase it stands for (``[the plan]``), which a reader can use."""
        span = self.doc.char_span(start, end)
        if span is None or len(span) != 1 or span[0].tag_ not in {"WDT", "WP"}:
            return None
        clause = next((a for a in span[0].ancestors if a.dep_ == "relcl"), None)
        if clause is None or clause.head.pos_ not in {"NOUN", "PROPN", "PRON"} or clause.head.i > span[0].i:
            return None
        return char_span(mention_tokens(clause.head, conjuncts=False))

    def _add(self, frame: Frame, qtype: QuoteType, parts: list[tuple[int, int]], rule: Rule) -> None:
        if not self.options.relative_pronouns:
            parts = sorted({self._antecedent(s, e) or (s, e) for s, e in parts})
        cue_tokens = frame.cue
        end = max([e for _, e in parts] + [cue_tokens[-1].idx + len(cue_tokens[-1].text)])
        if cue_tokens[-1].i - cue_tokens[0].i != len(cue_tokens) - 1:
            cue_tokens = cue_tokens[:1]  # "pointed it out": the verb alone
        # (the content after the cue: a passive's subject before it is a piece of its own)
        group = cue_group(cue_tokens, min((s for s, _ in parts if s > cue_tokens[-1].idx), default=None))
        # "declined [to comment on the report]", "would not [comment] on [the lawsuit]": the words
        # as written from the cue's verb group (or the verb it is the infinitive of) to the content.
        head = cue_tokens[0]
        start = group[0].idx
        if head.dep_ == "xcomp" and head.head.i < head.i:
            start = min(start, head.head.idx)
        if is_no_comment(self.text[min([start] + [s for s, _ in parts]) : end]):
            return
        lemma = " ".join(t.lemma_.lower() for t in cue_tokens)
        if self.options.cue_group:
            cue_tokens = group
        cs, ce = char_span(cue_tokens)
        cue = Cue(cs, ce, self.text[cs:ce], lemma=lemma)
        outlet = find_outlet(frame.cue_token, self.text)
        if outlet is not None and any(s < outlet.end and outlet.start < e for s, e in parts):
            outlet = None  # "called on [Congress to act]": part of what was said, not where
        candidate = Candidate(type=qtype, mode=frame.mode, parts=tuple(parts), rule=rule, cue=cue,
                              cue_token=frame.cue_token, outlet=outlet,
                              named=frame.named, probability=frame.probability)
        self.found.append((candidate, frame))


def join(doc: Doc, text: str, spans: list[QuoteSpan], options: Options = DEFAULT,
         model: LinearModel | None = None) -> list[Candidate]:
    """Every candidate quote of *doc* (all modes), before speakers, in no particular order; with
    a learned *model*, also the attributions it finds where the rules found none."""
    marks = MarkIndex(spans)
    joiner = _Joiner(doc, text, marks, options)
    participles: dict[int, set[int]] = {}  # by sentence: read by the rules' frames, then the model's candidates
    frames = doc_frames(doc, headline=is_headline, options=options,
                        boundary=model.boundary if model is not None else None, read=participles)
    # A cue inside a quotation, an interview's answer or a signed post is the speaker's own
    # word, not an attribution.
    answers = interview_frames(doc, text) + handle_signature_frames(doc, text)
    answered = sorted(part for f in answers for part in f.content)

    def own_words(frame: Frame) -> bool:
        at = frame.cue_token.idx
        return marks.inside(at) or any(s <= at < e for s, e in answered)

    frames = [f for f in frames if not own_words(f)]
    frames += speaker_colon_frames(doc, text) + answers + signature_frames(doc, text, spans)
    pending = []
    for frame in frames:
        if frame.content:
            joiner.from_frame(frame)
        else:
            pending.append(frame)
    joiner.extend_interrupted()
    for frame in pending:
        hits = joiner.adjacent_quotes(frame)
        if hits:
            joiner.from_adjacent(frame, hits)
        else:
            joiner.from_colon(frame)
    if model is not None:
        # The model's word where the rules gave a cue no content of its own and no quotation
        # (a lexicon verb with a complement the lexicon does not list, or a word outside it).
        decided = [f for f in frames if f.content] + [f for _, f in joiner.found if f is not None]
        for frame in learned_frames(doc, decided, marks, options, model, skip=is_headline, participles=participles):
            if not own_words(frame):
                joiner.from_frame(frame)
    joiner.found.sort(key=lambda cf: cf[0].start)
    joiner.standalone()
    return [c for c, _ in joiner.found]
