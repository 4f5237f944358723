"""Span conventions of the ``quotes`` component, set in its config.

Two conventions differ only in where spans end, never in what is found:

- ``compact`` (the default, and the API's): content without its complementizer
  (``Blinken stressed that [the crisis was troubling]``), the noun a relative pronoun stands
  for in its place (``[the plan], which he said [would create jobs]``) and the speaker
  mention without an apposition (``[Rida Lyammouri], Senior Fellow at …, noted``), as in the
  seed gold;
- ``polnear``: the annotation conventions of PolNeAR, which keep both
  (``[that the crisis was troubling]``, ``[Rida Lyammouri, Senior Fellow at …,]``), keep the
  relative pronoun (``the plan, [which] he said [would create jobs]``) and write a
  cue with its verb group (``[has also called for] a recount``; compact: ``called``), used by
  ``quoteapi eval`` so that exact-match figures measure extraction, not convention.
"""
from __future__ import annotations

from dataclasses import dataclass

CONVENTIONS = ("compact", "polnear")


@dataclass(frozen=True)
class Options:
    content_that: bool = False  # keep a leading "that" in reported content
    speaker_appositions: bool = False  # keep appositions, relative clauses and an owner's 's in speaker mentions
    cue_group: bool = False  # the cue with its auxiliaries, negation, adverbs and content's preposition
    relative_pronouns: bool = False  # a relative pronoun as a piece of content, not the noun it stands for

    @classmethod
    def for_convention(cls, name: str) -> "Options":
        if name not in CONVENTIONS:
            raise ValueError(f"unknown span convention {name!r}; expected one of {CONVENTIONS}")
        return (cls(content_that=True, speaker_appositions=True, cue_group=True, relative_pronouns=True)
                if name == "polnear" else cls())


DEFAULT = Options()
