"""The plain data that extraction produces: what ``Doc._.quotes`` and ``Doc._.speakers`` hold,
and the candidates that pass between the stages.

Offsets are character offsets into ``doc.text`` (Python string offsets).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from .vocab import Mode, QuoteType, Rule, SpeakerFrom, SpeakerKind


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Characters two spans share.

    >>> overlap((0, 10), (5, 20)), overlap((0, 5), (5, 9))
    (5, 0)
    """
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


class Pieces:
    """Start and end of something made of ordered ``parts`` (character spans)."""

    parts: tuple

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]


@dataclass(frozen=True)
class TextSpan:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Cue(TextSpan):
    lemma: str = ""


@dataclass(frozen=True)
class Outlet(TextSpan):
    pass


@dataclass(eq=False)
class Entity:
    """Somebody (or something) the article quotes, with every mention tied to it.

    ``id`` is given once, when extraction is over, to the entities that speak."""

    name: str
    kind: SpeakerKind = SpeakerKind.PERSON
    title: str | None = None
    affiliation: str | None = None
    gender: str | None = None  # male | female | None, from honorifics, first names, pronouns
    mentions: list[TextSpan] = field(default_factory=list)
    tokens: frozenset[str] = frozenset()  # lower-cased name tokens, for matching later mentions
    members: tuple["Entity", ...] = ()  # the people a group of coordinated speakers names
    id: str | None = None

    def speakers(self) -> tuple["Entity", ...]:
        """The entities that speak when this one does: the members of a group, or itself."""
        return self.members or (self,)


@dataclass(frozen=True)
class Mention(TextSpan):
    """A speaker mention as written (a name, a pronoun, ``a spokesperson for the ministry``,
    ``her statement``) and the entity it resolves to, if any."""

    kind: SpeakerKind = SpeakerKind.OTHER
    pronoun: bool = False
    entity: Entity | None = None


@dataclass(frozen=True)
class Candidate(Pieces):
    """A quote as the join stage finds it: what the text says, before anyone is named."""

    type: QuoteType
    mode: Mode
    parts: tuple[tuple[int, int], ...]
    rule: Rule
    cue: Cue | None = None
    cue_token: Token | None = None  # head token of the cue, for the speaker rules
    outlet: Outlet | None = None
    named: tuple[Token, ...] | None = None  # the name a layout stands beside (NAME: …, ― Name)
    probability: float | None = None  # the learned model's that its cue attributes: a candidate it proposed, or rated


@dataclass(frozen=True)
class Quote:
    """A finished quote: every field written once, by the stage that owns it."""

    id: str
    type: QuoteType
    mode: Mode
    text: str
    parts: tuple[TextSpan, ...]
    speaker: Mention | None
    cue: Cue | None
    outlet: Outlet | None
    confidence: float
    rule: Rule
    speaker_from: SpeakerFrom | None
    within: str | None = None  # id of the quote whose content holds this one's cue

    @property
    def start(self) -> int:
        return self.parts[0].start

    @property
    def end(self) -> int:
        return self.parts[-1].end

    @property
    def entity(self) -> Entity | None:
        return self.speaker.entity if self.speaker is not None else None


@dataclass
class Extraction:
    """What the ``quotes`` component leaves on a Doc (as ``doc._.quoteapi``): its quotes in text
    order and the entities that speak in them, read as ``doc._.quotes`` and ``doc._.speakers``."""

    quotes: list[Quote]
    speakers: list[Entity]
