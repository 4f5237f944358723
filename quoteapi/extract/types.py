"""The plain data that extraction produces: what ``Doc._.quotes`` and ``Doc._.speakers`` hold.

Offsets are character offsets into ``doc.text`` (Python string offsets).
"""
from __future__ import annotations

from dataclasses import dataclass, field


class Pieces:
    """Start and end of something made of ordered ``parts`` (character spans)."""

    parts: tuple[tuple[int, int], ...] | list[tuple[int, int]]

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]


@dataclass
class TextSpan:
    start: int
    end: int
    text: str


@dataclass
class Mention(TextSpan):
    """A speaker mention as written: a name, a pronoun, ``a spokesperson for the ministry``."""

    head: int = -1  # token index of the mention's head
    kind: str = "other"  # person | organization | document | group | other
    pronoun: bool = False


@dataclass
class Cue(TextSpan):
    lemma: str = ""


@dataclass
class Outlet(TextSpan):
    pass


@dataclass
class Entity:
    """Somebody (or something) the article quotes, with every mention tied to it."""

    id: str
    name: str
    kind: str = "person"
    title: str | None = None
    affiliation: str | None = None
    gender: str | None = None  # male | female | None, from honorifics, first names, pronouns
    mentions: list[TextSpan] = field(default_factory=list)
    tokens: frozenset[str] = frozenset()  # lower-cased name tokens, for matching later mentions


@dataclass
class Quote(Pieces):
    type: str  # direct | indirect | mixed
    mode: str  # speech | writing | thought
    parts: list[tuple[int, int]]
    speaker: Mention | None = None
    entity: Entity | None = None
    cue: Cue | None = None
    outlet: Outlet | None = None
    confidence: float = 0.0
    rule: str = ""  # the construction that produced the quote
    speaker_from: str | None = None  # how the speaker was found
