"""The word lists behind extraction, read once from the data files beside this module.

Lexicons live in ``data/`` as plain text so that adding a cue verb or a title is a one-line
data change, not a code change.

>>> CUES["say"].mode == "speech"
True
>>> "secretary" in TITLE_WORDS
True
"""
from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

from .vocab import DEFAULT_MODES, Mode, SpeakerKind


def _rows(name: str) -> list[list[str]]:
    text = resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        rows.append([cell.strip() for cell in line.split("\t")])
    return rows


@dataclass(frozen=True)
class CueEntry:
    lemma: str
    mode: Mode
    content: tuple[str, ...]  # "clause", "object", "to", or prepositions, in order of preference


@dataclass(frozen=True)
class OutletPattern:
    kind: str  # participle | noun | on
    word: str
    preposition: str


QUOTE_ONLY = "quote"  # the content slot of a cue only beside a quotation ("“Never,” she scoffed")
PREPOSITION_SLOT = "prep:"  # "prep:to": the preposition, where the bare "to" is the infinitive
CUES: dict[str, CueEntry] = {
    lemma: CueEntry(lemma, Mode(mode), tuple(slot.strip() for slot in content.split(",")))
    for lemma, mode, content in _rows("cues.tsv")
}
# Verbs that are cues only with a given word ("put it", "made it clear"): (lemma, word) -> entry.
CUE_IDIOMS: dict[tuple[str, str], CueEntry] = {
    (lemma, word): CueEntry(lemma, Mode(mode), (content,)) for lemma, word, mode, content in _rows("cue_idioms.tsv")
}
WORD_CLAUSE = "word_clause"  # an idiom's content: the clause hanging on its word ("made it clear [that …]")
POSITIONS: frozenset[str] = frozenset(row[0] for row in _rows("positions.txt"))
TITLE_WORDS: frozenset[str] = frozenset(row[0] for row in _rows("titles.txt")) | POSITIONS
HONORIFICS: dict[str, str | None] = {
    word: (None if gender == "-" else gender) for word, gender, _ in _rows("honorifics.tsv")
}
COURTESY_TITLES: frozenset[str] = frozenset(word for word, _, office in _rows("honorifics.tsv") if office == "no")
SPEAKER_KINDS: dict[str, SpeakerKind] = {noun: SpeakerKind(kind) for noun, kind in _rows("speaker_kinds.tsv")}
GENDERED_NOUNS: dict[str, str] = dict(_rows("gendered_nouns.tsv"))
OUTLET_PATTERNS: tuple[OutletPattern, ...] = tuple(
    OutletPattern(kind, word, prep) for kind, word, prep in _rows("outlets.tsv")
)
MEDIA_NAMES: frozenset[str] = frozenset(row[0] for row in _rows("media.txt"))
OCCASIONS: frozenset[str] = frozenset(row[0] for row in _rows("occasions.txt"))
MESSAGE_NOUNS: frozenset[str] = frozenset(row[0] for row in _rows("message_nouns.txt"))
ISSUING_VERBS: frozenset[str] = frozenset(row[0] for row in _rows("issuing_verbs.txt"))
FINDING_NOUNS: frozenset[str] = frozenset(row[0] for row in _rows("finding_nouns.txt"))


@dataclass(frozen=True)
class Viewpoint:
    noun: str
    prepositions: frozenset[str]
    mode: Mode


# "In Bolton's view, …", "By her own admission, …": noun lemma -> how the phrase reads.
VIEWPOINTS: dict[str, Viewpoint] = {
    noun: Viewpoint(noun, frozenset(p.strip() for p in preps.split(",")), Mode(mode))
    for noun, preps, mode in _rows("viewpoints.tsv")
}
ORGANISATION_WORDS: frozenset[str] = frozenset(row[0] for row in _rows("organisation_words.txt"))
SET_PHRASES: tuple[tuple[str, ...], ...] = tuple(tuple(row[0].split()) for row in _rows("set_phrases.txt"))
TRANSCRIPT_ROLES: frozenset[str] = frozenset(row[0] for row in _rows("transcript_roles.txt"))

COLON_LABELS: frozenset[str] = frozenset(row[0] for row in _rows("colon_labels.txt"))

NO_COMMENT_PHRASES: tuple[str, ...] = tuple(row[0] for row in _rows("no_comment.txt"))

# Nouns whose "that" clause is the content: "expressed concern that …", "his message that …".
CLAUSE_NOUNS: frozenset[str] = frozenset(row[0] for row in _rows("clause_nouns.txt"))

# "Apple Inc." is "Apple": the words of a company's legal form.
COMPANY_SUFFIXES: frozenset[str] = frozenset(row[0] for row in _rows("company_suffixes.txt"))

# "the company said": nouns that stand for the company named just before.
COMPANY_NOUNS: frozenset[str] = frozenset(row[0] for row in _rows("company_nouns.txt"))

# Verbs whose passive introduces a speech participle with "as": "was quoted as saying …".
REPORTING_PASSIVES: frozenset[str] = frozenset(row[0] for row in _rows("reporting_passives.txt"))

# Verbs that hedge the verb of their infinitive: "seemed to mock …" attributes "mock".
HEDGES: frozenset[str] = frozenset(row[0] for row in _rows("hedges.txt"))

# Words that lead into the cue of their infinitive: "continues to insist …" attributes "insist",
# its cue "continues to insist". The hedges lead in too.
LEADS: frozenset[str] = HEDGES | frozenset(row[0] for row in _rows("leads.txt"))

# Verbs whose object is the subject of a present participle after it: "left voters wondering …".
OBJECT_CONTROL: frozenset[str] = frozenset(row[0] for row in _rows("object_control.txt"))

CONNECTIVES: tuple[tuple[str, ...], ...] = tuple(tuple(row[0].split()) for row in _rows("connectives.txt"))

MODES: tuple[str, ...] = Mode.values()
__all__ = ["CUES", "CUE_IDIOMS", "WORD_CLAUSE", "PREPOSITION_SLOT", "TITLE_WORDS", "POSITIONS", "HONORIFICS", "COURTESY_TITLES", "SPEAKER_KINDS", "GENDERED_NOUNS", "COMPANY_SUFFIXES", "OUTLET_PATTERNS", "MEDIA_NAMES", "OCCASIONS", "MESSAGE_NOUNS", "FINDING_NOUNS", "VIEWPOINTS", "ORGANISATION_WORDS", "SET_PHRASES", "TRANSCRIPT_ROLES",
           "COLON_LABELS", "CLAUSE_NOUNS", "REPORTING_PASSIVES", "COMPANY_NOUNS", "HEDGES", "LEADS", "OBJECT_CONTROL", "NO_COMMENT_PHRASES", "CONNECTIVES", "MODES", "DEFAULT_MODES"]
