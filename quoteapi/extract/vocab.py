"""The closed vocabularies of extraction, in one place.

Every value a quote can carry in ``type``, ``mode``, ``rule``, ``speaker_from`` and a speaker's
``kind`` is a member of one of these enums. The confidence table, the marshmallow schemas (and so
the OpenAPI document, which lists the values) and the README table all read them from here.
Members are strings, so they compare equal to their values and serialise as them.

>>> Rule("ccomp") is Rule.CCOMP and Rule.CCOMP == "ccomp"
True
>>> [m.value for m in DEFAULT_MODES]
['speech', 'writing']
"""
from __future__ import annotations

from enum import Enum


class _Vocabulary(str, Enum):
    def __str__(self) -> str:
        return self.value

    @classmethod
    def values(cls) -> tuple[str, ...]:
        return tuple(m.value for m in cls)


class QuoteType(_Vocabulary):
    DIRECT = "direct"  # wholly inside quotation marks
    INDIRECT = "indirect"  # reported speech, no quotation marks
    MIXED = "mixed"  # reported speech that carries a quoted fragment


class Mode(_Vocabulary):
    SPEECH = "speech"  # said, told, argued
    WRITING = "writing"  # wrote, a report shows, a poll found
    THOUGHT = "thought"  # believes, wants, plans


DEFAULT_MODES: tuple[Mode, ...] = (Mode.SPEECH, Mode.WRITING)


class Rule(_Vocabulary):
    """The construction that produced a quote."""

    QUOTE = "quote"  # quotation marks next to (or governed by) a cue: “…,” she said
    SIGNATURE = "signature"  # a quotation signed at the end of its line: “…” ― Name
    MIXED = "mixed"  # reported speech with a quoted fragment
    CCOMP = "ccomp"  # X said that …
    OBJECT = "object"  # X expressed concern over …
    XCOMP = "xcomp"  # X vowed to …
    PREP = "prep"  # X called for …
    PARATAXIS = "parataxis"  # …, X said, …
    ACCORDING_TO = "according_to"  # according to X, …
    FINDING = "finding"  # in a poll, …: what a poll found
    VIEWPOINT = "viewpoint"  # in X's view, …; by X's own account, …: whose view or words
    SPEAKER_COLON = "speaker_colon"  # NAME: … (transcript and headline lines)
    INTERVIEW = "interview"  # A: … (an answer in an interview laid out as questions and answers)
    COLON_BLOCK = "colon_block"  # X added: then unquoted words
    STANDALONE = "standalone"  # a quotation standing as a sentence of its own, no cue
    LEARNED = "learned"  # a predicate and complement the learned model takes for an attribution


class SpeakerFrom(_Vocabulary):
    """How the speaker of a quote was found."""

    SUBJECT = "subject"  # the subject of the cue
    AGENT = "agent"  # the by-phrase of a passive cue
    RELATIVE = "relative"  # Smith, who said …
    PARTICIPLE = "participle"  # …, adding that …; issued a statement that said …: the speaker of the governing clause
    CONJUNCT = "conjunct"  # … and vowed to …: the speaker of the first conjunct
    NEAREST_NAME = "nearest_name"  # a name left of the cue that the parse did not attach
    ADJACENT_NAME = "adjacent_name"  # the capitalised words right before the cue, mistagged
    ACCORDING_TO = "according_to"  # according to X
    FINDING = "finding"  # in a poll, …: the poll
    VIEWPOINT = "viewpoint"  # in X's view, in the words of X, by X's account: X
    COLON = "colon"  # NAME: …
    SIGNATURE = "signature"  # ― Name
    INTERVIEW = "interview"  # A: …: the person the interview's introduction names
    COREFERENCE = "coreference"  # a pronoun resolved to an earlier person
    PREVIOUS_QUOTE = "previous_quote"  # carried over from the quote before
    PREVIOUS_SENTENCE = "previous_sentence"  # the person the sentence before the quotation is about


class SpeakerKind(_Vocabulary):
    PERSON = "person"
    ORGANIZATION = "organization"
    DOCUMENT = "document"  # a statement, report, letter, lawsuit: its quotes are writing
    GROUP = "group"  # officials, critics, or coordinated speakers (Smith and Jones)
    OTHER = "other"
