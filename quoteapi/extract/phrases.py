"""Small pure functions over spaCy tokens: noun-phrase extents, content extents, titles."""
from __future__ import annotations

from collections.abc import Iterable
from operator import attrgetter

from spacy.tokens import Token

from .lexicon import CONNECTIVES, CUES, HONORIFICS, LEADS, MEDIA_NAMES, SPEAKER_KINDS, TITLE_WORDS
from .marks import CLOSING_TOKENS
from .vocab import Mode, SpeakerKind
from .wordnet import classes

# Children that are not part of a speaker mention as written: "Smith, who ..., said".
_MENTION_EXCLUDED_DEPS = {"appos", "relcl", "acl", "advcl", "punct", "parataxis"}
POSITION = attrgetter("i")  # a token's place in its document, as a sort key
QUOTE_MARK_CHARS = set("\"'“”‘’«»„‟‹›")
# Punctuation trimmed from the edges of a content span.
_EDGE_PUNCT = set(",;:—–-") | {"(", ")"}
_LEADING_WORDS = {"that", "and", "but", "so"}


def owns(pos: Token) -> bool:
    """Whether the ``'s`` *pos* marks a possessor (``Trump's campaign``) rather than ends a
    name that speaks on its own (``Moody's said``, ``McDonald's said``)."""
    return pos.head.dep_ == "poss" or pos.head.i == pos.head.head.i


def _close_apposition(head: Token, child: Token) -> bool:
    """A name right after the noun it stands beside, with no comma between: ``the economist
    [Paul Krugman]``, ``his son [Hunter]`` (one phrase, unlike ``the mayor, Maria Lopez,``)."""
    return (child.dep_ == "appos" and child.pos_ == "PROPN" and head.tag_ == "NN"
            and child.left_edge.i == head.i + 1 and not child.left_edge.is_punct)


def mention_tokens(head: Token, appositions: bool = False, conjuncts: bool = True) -> list[Token]:
    """The tokens of the noun phrase headed by *head*, without appositions (but for a name
    right after it: ``the economist Paul Krugman``), relative clauses and the punctuation
    around them (``Rida Lyammouri, Senior Fellow at …`` → ``Rida Lyammouri``),
    unless *appositions* asks to keep those (and participle modifiers: ``a report released
    last year``); without the other conjuncts (``Smith`` of ``Smith and Jones``) unless
    *conjuncts*. Words joined by a hyphen stay whole (``Grabar-Kitarovic``)."""
    tokens = [head]
    for child in head.children:
        if child.dep_ in _MENTION_EXCLUDED_DEPS and not (appositions and child.dep_ in {"appos", "relcl", "acl"}) \
                and not _close_apposition(head, child):
            continue
        if not conjuncts and child.dep_ in {"cc", "conj", "preconj"}:
            continue
        if child.dep_ in {"advmod", "preconj"} and child.i < head.i and child.i == head.left_edge.i \
                and not _in_one_amount(child, head):
            continue  # "Even China said": the adverb belongs to the clause (not "Nearly half said")
        if child.i > head.i and _says_when(child):
            continue  # "A federal jury on Thursday convicted …": when belongs to the clause
        if child.dep_ == "prep" and child.lower_ == "as" and head.dep_ == "pobj" and head.head.dep_ == "agent":
            continue  # "is seen by many as empowering voters": what the subject is seen as
        if child.dep_ in {"cc", "conj"} and child.i > head.i:
            # "Clinton and Trump said": keep the conjunction when it names more speakers.
            if child.dep_ == "conj" and child.pos_ not in {"PROPN", "NOUN", "PRON"}:
                continue
        tokens.extend(child.subtree)
    tokens.sort(key=POSITION)
    if appositions:  # the commas around an apposition belong between its pieces
        doc = head.doc
        ids = {t.i for t in tokens}
        tokens = [doc[i] for i in range(tokens[0].i, tokens[-1].i + 1)
                  if i in ids or doc[i].is_punct]
    tokens = _hyphen_joined(_contiguous_around(_with_inner_hyphens(tokens), head))
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space or tokens[-1].tag_ == "POS" and owns(tokens[-1])
                      or tokens[-1].dep_ == "cc" and len(tokens) > 1):  # "a third of voters [or] less"
        tokens.pop()
    while tokens and (tokens[0].is_punct or tokens[0].is_space):
        tokens.pop(0)
    return tokens or [head]


_AMOUNTS = {"CARDINAL", "PERCENT", "QUANTITY", "MONEY"}


def _in_one_amount(word: Token, head: Token) -> bool:
    """``[Nearly half] said``, ``[About 40 percent] said``: the recogniser's amount spans the
    adverb and the noun, which say how many speak."""
    return word.ent_type_ in _AMOUNTS and head.ent_type_ == word.ent_type_ and not head.ent_iob_ == "B"


_TIME_PREPOSITIONS = {"on", "in", "at", "during"}
TIME_ENTITIES = {"DATE", "TIME"}  # entity types of words that only say when


def _says_when(child: Token) -> bool:
    """Whether a dependent after a noun only dates it (``on Thursday``, ``Tuesday``), which the
    parser may hang on the subject rather than on the verb."""
    if child.dep_ == "npadvmod":
        return child.ent_type_ in TIME_ENTITIES
    if child.dep_ != "prep" or child.lower_ not in _TIME_PREPOSITIONS:
        return False
    words = [t for t in child.subtree if t.i != child.i and not t.is_punct]
    return bool(words) and all(t.ent_type_ in TIME_ENTITIES for t in words)


def _with_inner_hyphens(tokens: list[Token]) -> list[Token]:
    """Put back the hyphens inside a word whose pieces are all among *tokens* (the parser hangs
    them as punctuation: ``Press secretary Karine Jean - Pierre``)."""
    doc, ids = tokens[0].doc, {t.i for t in tokens}
    inner = [doc[i + 1] for i in ids if i + 2 in ids and i + 1 not in ids and doc[i + 1].text == "-"
             and not doc[i].whitespace_ and not doc[i + 1].whitespace_]
    return sorted(tokens + inner, key=POSITION) if inner else tokens


def _contiguous_around(tokens: list[Token], head: Token) -> list[Token]:
    """Keep the run of consecutive token indices that contains *head*."""
    ids = [t.i for t in tokens]
    pos = ids.index(head.i)
    lo = pos
    while lo > 0 and ids[lo - 1] == ids[lo] - 1:
        lo -= 1
    hi = pos
    while hi + 1 < len(ids) and ids[hi + 1] == ids[hi] + 1:
        hi += 1
    return tokens[lo : hi + 1]


def _hyphen_joined(tokens: list[Token]) -> list[Token]:
    """Grow a run of tokens over words glued to it by a hyphen: ``Grabar`` ``-`` ``Kitarovic``."""
    doc = tokens[0].doc
    first, last = tokens[0].i, tokens[-1].i
    while first >= 2 and doc[first - 1].text == "-" and not doc[first - 1].whitespace_ \
            and not doc[first - 2].whitespace_ and doc[first - 2].is_alpha:
        first -= 2
    while last + 2 < len(doc) and doc[last + 1].text == "-" and not doc[last].whitespace_ \
            and not doc[last + 1].whitespace_ and doc[last + 2].is_alpha:
        last += 2
    if (first, last) == (tokens[0].i, tokens[-1].i):
        return tokens
    return list(doc[first : tokens[0].i]) + tokens + list(doc[tokens[-1].i + 1 : last + 1])


def char_span(tokens: list[Token]) -> tuple[int, int]:
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def runs(tokens: Iterable[Token]) -> list[list[Token]]:
    """Split tokens (any order) into runs of consecutive token indices."""
    ordered = sorted(tokens, key=POSITION)
    out: list[list[Token]] = []
    for t in ordered:
        if out and (t.i == out[-1][-1].i + 1):
            out[-1].append(t)
        else:
            out.append([t])
    return out


def _is_quote_mark(token: Token) -> bool:
    return set(token.text) <= QUOTE_MARK_CHARS  # also '' and `` written as two characters


DASHES = {"―", "—", "–", "-", "--"}


def _leading_aside(tokens: list[Token]) -> int:
    """How many tokens at the start are the writer's: a connective and its comma
    (``However,``), or a dateline (``WASHINGTON ―``)."""
    words = [t.lower_ for t in tokens]
    for phrase in CONNECTIVES:
        n = len(phrase)
        if tuple(words[:n]) == phrase and len(tokens) > n + 1 and tokens[n].text == ",":
            return n + 1
    return dateline_length(tokens)


_MAX_DATELINE_WORDS = 4
_MAX_AGENCY_TOKENS = 4
_MAX_DATELINE_PLACE_DATE = 7  # "PHILADELPHIA, July 29", "St. Paul, Minn."


_MAX_DATELINE_STATE = 3  # "Calif.", "New Mexico", "N.J."


def dateline_length(tokens: list[Token]) -> int:
    """How many of *tokens* (from the start of a line) are a dateline: place words in capitals,
    maybe an agency in brackets, and a dash (``WASHINGTON (AP) —``); 0 when there is none."""
    n = 0
    while n < len(tokens) and n < _MAX_DATELINE_WORDS and (
            tokens[n].is_upper and len(tokens[n].text) > 1 or tokens[n].text == ","):
        n += 1
    if 0 < n < len(tokens) and tokens[n - 1].text == ",":
        # "CUPERTINO, Calif. —", "AUSTIN, Texas (AP) —": the state or country in ordinary case
        state = n
        while state < len(tokens) and state - n < _MAX_DATELINE_STATE and (tokens[state].is_title or tokens[state].text == "."):
            state += 1
        if state < len(tokens) and tokens[state].text in DASHES | {"("}:
            n = state
    if n == 0 or n < len(tokens) and tokens[n].text not in DASHES | {"("}:
        # "Washington (AFP) –", "PHILADELPHIA, July 29 (UPI) —", "Dec 29 (Reuters) -": a place and
        # date in any case, when an agency (in capitals, or a news agency's name) follows in brackets
        n = 0
        while n < len(tokens) and n < _MAX_DATELINE_PLACE_DATE and (
                tokens[n].is_title or tokens[n].is_upper or tokens[n].like_num or tokens[n].text in {",", "."}):
            n += 1
        if not (0 < n and n + 2 < len(tokens) and tokens[n].text == "(" and tokens[n + 2].text == ")"
                and (tokens[n + 1].is_upper and len(tokens[n + 1].text) > 1 or tokens[n + 1].lower_ in MEDIA_NAMES)):
            return 0  # ("Smith (R-Utah) —" is a name and a party)
    if 0 < n < len(tokens) and tokens[n].text == "(":
        close = next((k for k in range(n + 1, min(len(tokens), n + 2 + _MAX_AGENCY_TOKENS)) if tokens[k].text == ")"), None)
        if close is None:
            return 0
        n = close + 1
    if 0 < n < len(tokens) - 1 and tokens[n].text in DASHES:
        return n + 1
    return 0


def _opens_its_head(that: Token) -> bool:
    """``that`` as the first word of the clause it is a pronoun of: a content never starts with
    a relative pronoun, so this is a complementiser the parser misread."""
    return that.head.dep_ == "relcl" and that.head.left_edge.i == that.i


def trim_content(tokens: list[Token], keep_that: bool = False) -> list[Token]:
    """Trim edge punctuation, spaces and a leading ``that``/``and`` from a content run
    (``that`` stays with *keep_that*). Quote marks are trimmed too; the caller decides whether
    the quotation belongs in."""
    tokens = list(tokens)
    tokens = tokens[_leading_aside(tokens):]
    changed = True
    while tokens and changed:
        changed = False
        first = tokens[0]
        if first.is_space or first.text in _EDGE_PUNCT or _is_quote_mark(first) or (
            first.lower_ in _LEADING_WORDS and len(tokens) > 1
            and (first.dep_ in {"mark", "cc"} or first.lower_ == "that" and (first.dep_ == "advmod" or first.tag_ == "IN" or _opens_its_head(first)))  # (misparsed mark)
            and not (keep_that and first.lower_ == "that")
        ):
            tokens.pop(0)
            changed = True
            continue
        last = tokens[-1]
        if (last.is_space or last.text in _EDGE_PUNCT or last.text in {".", "?", "!"}
                or _is_quote_mark(last) or last.dep_ == "cc"):
            tokens.pop()
            changed = True
    return tokens


def content_spans(tokens: Iterable[Token], min_tokens: int = 1, keep_that: bool = False) -> list[tuple[int, int]]:
    """Character spans of the trimmed runs of *tokens*, a quotation mark the parser hung
    elsewhere bridged (``called [the system “rotten to the core]”``: one run, not two)."""
    tokens = sorted(tokens, key=POSITION)
    bridged = []
    for t in tokens:
        if bridged and t.i == bridged[-1].i + 2 and _is_quote_mark(t.doc[t.i - 1]):
            bridged.append(t.doc[t.i - 1])
        bridged.append(t)
    spans = []
    for run in runs(bridged):
        run = trim_content(run, keep_that)
        if len([t for t in run if not t.is_punct]) >= min_tokens:
            spans.append(char_span(run))
    return spans


# Entity labels of organisations, places and peoples: speakers of their own, and where a
# title is held (``Germany's finance minister``).
ORG_LABELS = {"ORG", "NORP", "GPE"}
# A clause's own subject, whatever its form.
CLAUSE_SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "expl"}


def has_clause_subject(token: Token) -> bool:
    """Whether the clause *token* heads has a subject of its own, whatever its form (``it``
    of ``it is believed that`` too): a cue without one borrows its speaker from another clause."""
    return any(c.dep_ in CLAUSE_SUBJECT_DEPS for c in token.children)


# Where a title's words end: a clause or an apposition inside its phrase.
_CLAUSE_DEPS = {"relcl", "acl", "advcl", "appos", "parataxis"}


def addresses_the_reader(verb: Token) -> bool:
    """An imperative: a bare verb heading its sentence without a subject, an infinitive's
    marker or a modal (``Note: this story has been updated``, ``Don't blame Bush``). It tells
    the reader what to do and reports nobody's words."""
    if verb.tag_ != "VB" or verb.dep_ != "ROOT" or has_clause_subject(verb):
        return False
    return not any(c.dep_ == "auxpass" or c.dep_ == "aux" and c.lemma_.lower() != "do" for c in verb.children)


def is_title_text(words: list[str]) -> bool:
    return any(w.lower() in TITLE_WORDS for w in words)


def split_title_affiliation(head: Token, text: str, before: int | None = None) -> tuple[str | None, str | None]:
    """Title and affiliation from a title phrase headed by *head* (its words before token
    *before*, when given: the name a role stands beside is not part of it):
    ``Senior Fellow at the Policy Center for the New South`` → (``Senior Fellow``,
    ``Policy Center for the New South``); ``spokesperson for the ministry`` → (``spokesperson``,
    ``the ministry``); ``Germany's finance minister`` → (``finance minister``, ``Germany``): a
    possessor the recogniser takes for an organisation, a place or a people; ``Secretary of
    State`` stays whole."""
    end = len(head.doc) if before is None else before
    sub = _words_of_title(head, end)
    possessor = next((c for c in head.children if c.dep_ == "poss" and c.i < head.i), None)
    affiliation = None
    if possessor is not None:
        owned = {t.i for t in possessor.subtree}
        sub = [t for t in sub if t.i not in owned]
        if possessor.pos_ == "PROPN" and possessor.ent_type_ in ORG_LABELS:
            owner = [t for t in possessor.subtree if t.tag_ != "POS" and t.dep_ != "det"]
            start, stop = char_span(owner)
            affiliation = text[start:stop]
    split_prep = None
    for child in head.children:
        if child.dep_ != "prep" or child.i < head.i or child.i >= end:
            continue
        objs = [c for c in child.children if c.dep_ == "pobj"]
        if not objs:
            continue
        obj_tokens = _words_of_title(objs[0], end)
        if child.lower_ == "for" and objs[0].ent_type_ in {"GPE", "LOC"}:
            continue  # "the WHO's regional director [for Europe]": where the post is, part of it
        if child.lower_ == "for" and all(t.pos_ in {"NOUN", "ADJ", "CCONJ", "PUNCT"} for t in obj_tokens):
            # "senior fellow [for aviation] at the Project": the field of the post (a bare common
            # noun; not "spokesperson for the ministry"), part of it
            at = next((c for c in objs[0].children if c.dep_ == "prep" and c.lower_ == "at" and c.i < end), None)
            at_objs = [c for c in at.children if c.dep_ == "pobj"] if at is not None else []
            if at_objs:
                split_prep = (at, _words_of_title(at_objs[0], end))
                break
            continue
        if child.lower_ in {"at", "with", "for"}:
            split_prep = (child, obj_tokens)
            break
        if child.lower_ == "of" and (obj_tokens[0].lower_ == "the" or len(obj_tokens) >= 3 or len(obj_tokens) == 2
                                     and objs[0].ent_type_ == "ORG" and sub[-1].i == obj_tokens[-1].i):
            # "director of Cleo Capital" (not "director of Interfaith Paths [to Peace]", cut short)
            split_prep = (child, obj_tokens)
            break
    if split_prep is None:
        title_tokens = [t for t in sub if not t.is_punct or t.text == "."]
        return _clean(title_tokens, text), affiliation
    prep, obj_tokens = split_prep
    title_tokens = [t for t in sub if t.i < prep.i]
    while obj_tokens and obj_tokens[0].dep_ == "det":
        obj_tokens = obj_tokens[1:]
    return _clean(title_tokens, text), _clean(obj_tokens, text) or affiliation


def _words_of_title(head: Token, end: int) -> list[Token]:
    """The words of *head*'s phrase before token *end*, up to a clause or an apposition inside
    it (``South Carolina congressman [who gained national attention …]``, ``head of the super
    PAC [backing Jeb Bush]``) but for a name right after a noun (``the advocacy group [Progress
    Iowa]``): a title names a post, not what its holder did."""
    clause = {d.left_edge.i for d in head.subtree
              if d.i > head.i and d.dep_ in _CLAUSE_DEPS and not _close_apposition(d.head, d)}
    stop = min(clause | {end})
    return [t for t in head.subtree if t.i < stop]


def _clean(tokens: list[Token], text: str) -> str | None:
    while tokens and (tokens[0].is_punct or tokens[0].dep_ in {"det", "preconj"}):  # (an owner stays: Moody's Analytics)
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct and tokens[-1].text != "." or tokens[-1].tag_ == "POS"
                      or tokens[-1].dep_ == "cc"):
        tokens = tokens[:-1]
    if not tokens:
        return None
    start, end = char_span(tokens)
    return text[start:end]


def strip_honorifics(tokens: list[Token]) -> tuple[list[Token], str | None]:
    """Drop leading honorifics and titles from a name; return the gender an honorific marks."""
    gender = None
    while len(tokens) > 1 and (tokens[0].lower_ in HONORIFICS or tokens[0].lower_ in TITLE_WORDS):
        gender = gender or HONORIFICS.get(tokens[0].lower_)
        tokens = tokens[1:]
    while tokens and (tokens[-1].tag_ == "POS" or tokens[-1].is_punct):
        tokens = tokens[:-1]
    return tokens, gender


# The verb group a cue is written with under the ``polnear`` convention. Measured on PolNeAR
# train, for the words next to a cue verb that depend on it, the share its annotated cue takes in:
# auxiliaries 98% (``has said``, ``was told``), negation 99% (``did not deny``), adverbs before
# it 90% (``also said``; but not ``when``: 0 of 42) and after it 87% (``shot back``), and the
# preposition that opens its content 92% (``called for [a recount]``; 59% for any other).
_GROUP_BEFORE = {"aux", "auxpass", "neg", "advmod"}
_GROUP_AFTER = {"neg", "advmod", "prt"}


def _in_group(token: Token, head: Token, deps: set[str]) -> bool:
    return (token.head.i == head.i and token.dep_ in deps and token.tag_ != "WRB" and not token.is_punct
            and not subject_read_as_adverb(token, head))


def right_after_a_quotation(token: Token) -> bool:
    """Whether *token* comes right after a closing quotation mark (``“…,” [said] X``)."""
    return token.i > 0 and token.doc[token.i - 1].text in CLOSING_TOKENS


def subject_read_as_adverb(token: Token, head: Token) -> bool:
    """``Reilly added``, ``“…,” said Skelly``: a capitalised "adverb" before a verb without a
    subject, or right after one that follows a quotation, is its subject's name that the tagger
    misread (a surname in -ly), not part of the verb group."""
    inverted = token.i == head.i + 1 and right_after_a_quotation(head)
    return (token.dep_ == "advmod" and (token.i < head.i or inverted) and token.text[:1].isupper()
            and not has_clause_subject(head))


def leading_cue_entry(token: Token):
    """The lexicon entry of a capitalised cue that opens a sentence before its speaker (``Said
    Lopez:``, ``Added Smith,``, ``Stated Stone:``), which the tagger may read as part of the name:
    a verb of the lexicon, or a word in -ed or -s whose stem is one."""
    if not token.is_title or token.pos_ not in {"VERB", "PROPN", "NOUN"}:
        return None
    lower = token.lower_
    if token.pos_ != "VERB" and not lower.endswith(("ed", "s")):
        return None
    stems = {token.lemma_.lower(), lower}
    if lower.endswith("s"):
        stems.add(lower[:-1])  # "Says"
    if lower.endswith("ed"):
        stems |= {lower[:-1], lower[:-2]}  # "Stated", "Added"
    if lower.endswith(("ies", "ied")):
        stems.add(lower[:-3] + "y")  # "Replied" (not "Dennis": no "deny" in it)
    return next((CUES[w] for w in stems if w in CUES), None)


def content_head(tokens) -> Token:
    """The token of *tokens* whose head lies outside them (their root), else the first token."""
    inside = {t.i for t in tokens}
    return next((t for t in tokens if t.head.i == t.i or t.head.i not in inside), tokens[0])


def named_owner(noun: Token) -> bool:
    """``rejected [Tom Ellis's] claim that …``: a possessor other than a pronoun owns the noun,
    whose words are then someone else's than those of the verb's subject."""
    return any(c.dep_ == "poss" and c.pos_ != "PRON" for c in noun.children)


# The speaker's own words put out, besides the documents of speaker_kinds.tsv: "posted a message reading …".
ISSUED = {"message", "resolution", "video", "notice", "caption", "petition"}


def issuing_verb(cue: Token) -> Token | None:
    """``His office put out a statement saying …``, ``posted a message reading “…”``, ``released
    a video that said …``: the verb whose object, a document or message, the participle or
    relative clause cue describes; its subject is the speaker and PolNeAR's cue runs from it
    (train: the verb's subject speaks in 37 of 52 such participles, the noun in 9; in 5 of 9
    such relative clauses, the noun in 4). None for any other word, for a relative clause with
    a subject of its own (``signed a letter that [he said] was drafted by the firm``: he
    speaks), and for a verb of speech or thought of the lexicon, which comments on others'
    words rather than putting them out (``believed the polls that showed …``; its cues beside
    such a participle or relative clause on train: 1 of 8 with the verb's subject)."""
    noun = cue.head
    describes = (cue.dep_ == "acl" and cue.tag_ == "VBG"
                 or cue.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.tag_ == "WDT" for c in cue.children))
    if not describes or noun.dep_ != "dobj":
        return None
    if noun.lemma_.lower() not in ISSUED and SPEAKER_KINDS.get(noun.lemma_.lower()) != SpeakerKind.DOCUMENT:
        return None
    verb = noun.head
    entry = CUES.get(verb.lemma_.lower())
    if entry is not None and entry.mode != Mode.WRITING:
        return None  # "slammed a lawsuit alleging …" (but "posted a message saying …": writing puts it out)
    return verb if verb.i < noun.i and verb.pos_ in {"VERB", "AUX"} else None


def cue_group(cue: list[Token], content_start: int | None) -> list[Token]:
    """*cue* (consecutive tokens, the verb first) with the words of its verb group around it:
    auxiliaries, negation and adverbs next to the verb, and the preposition right after it when
    the content begins with that preposition's object (*content_start*: where the content begins).

    >>> from spacy.tokens import Doc
    >>> from spacy.vocab import Vocab
    >>> doc = Doc(Vocab(), words=["She", "has", "also", "called", "for", "a", "recount"],
    ...           heads=[3, 3, 3, 3, 3, 6, 4], deps=["nsubj", "aux", "advmod", "ROOT", "prep", "det", "pobj"],
    ...           tags=["PRP", "VBZ", "RB", "VBN", "IN", "DT", "NN"])
    >>> " ".join(t.text for t in cue_group([doc[3]], doc[5].idx))
    'has also called for'
    >>> " ".join(t.text for t in cue_group([doc[3]], None))
    'has also called'
    """
    head, doc = cue[0], cue[0].doc
    first, last = cue[0].i, cue[-1].i
    while first > 0 and _in_group(doc[first - 1], head, _GROUP_BEFORE):
        first -= 1
    verb = head.head
    if head.dep_ == "xcomp" and verb.i < first and verb.lemma_.lower() in LEADS \
            and all(doc[k].head.i == verb.i and doc[k].dep_ == "prt" for k in range(verb.i + 1, first)):
        first = verb.i  # "had seemed to mock", "continues to insist", "went on to say": the leading verb's group too
    elif head.pos_ == "NOUN" and head.dep_ == "dobj" and verb.i < first and not named_owner(head):
        first = verb.i  # "has raised questions about": the verb the noun is the object of
    elif (issuer := issuing_verb(head)) is not None:
        verb, first = issuer, issuer.i  # "issued a statement describing"
    if verb.i == first:
        while first > 0 and _in_group(doc[first - 1], verb, _GROUP_BEFORE):
            first -= 1
    while last + 1 < len(doc) and _in_group(doc[last + 1], head, _GROUP_AFTER):
        last += 1
    if last + 1 < len(doc) and content_start is not None:
        prep = doc[last + 1]
        if prep.head.i == head.i and prep.dep_ == "prep":
            k = prep.i + 1  # the prepositional object's first word, past quotation marks
            while k <= prep.right_edge.i and (doc[k].is_space or _is_quote_mark(doc[k])):
                k += 1
            if k <= prep.right_edge.i and doc[k].idx == content_start:
                last = prep.i
        elif prep.dep_ == "mark" and prep.lower_ == "for" and prep.head.head.i == head.i \
                and prep.i + 1 < len(doc) and doc[prep.i + 1].idx == content_start:
            last = prep.i  # "called for [the senator to resign]", the parser's "for" a clause's mark
    return list(doc[first : last + 1])


SPEAKING_KINDS = {SpeakerKind.PERSON, SpeakerKind.GROUP, SpeakerKind.ORGANIZATION, SpeakerKind.DOCUMENT}  # (not "other")
_PEOPLE_CLASSES = {"noun.person", "noun.group"}  # WordNet's classes of nouns that may speak
_PEOPLE_PRONOUNS = {"i", "me", "we", "us", "you", "he", "him", "she", "her", "they", "them", "who"}


def can_speak(subject: Token) -> bool:
    """Whether *subject* may be someone speaking: a name, a pronoun for people, a noun of
    people, groups, organisations or documents (the speaker kinds' lexicon, the title words, or
    WordNet's first sense: ``voters``, ``the police``, not ``the measures``, ``a nor'easter``)."""
    if subject.pos_ == "PROPN" or subject.ent_type_ in {"PERSON", *ORG_LABELS}:
        return True
    if subject.pos_ == "PRON":
        return subject.lower_ in _PEOPLE_PRONOUNS
    lemma = subject.lemma_.lower()
    if SPEAKER_KINDS.get(lemma) in SPEAKING_KINDS or lemma in TITLE_WORDS:
        return True
    kinds = classes(subject)
    return bool(kinds) and kinds[0] in _PEOPLE_CLASSES
