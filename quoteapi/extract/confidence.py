"""What a quote's ``confidence`` means.

A number in [0, 1]: how likely the quote, its boundaries and its speaker are all right, read
off the construction that produced it. It is a ranking aid, not a calibrated probability:

==========================================  =====
construction (``rule``)                      base
==========================================  =====
quote marks with a cue in the same clause    0.95
mixed quote (reported speech + quote marks)  0.85
``X said that …`` (clausal complement)       0.85
``according to X, …``                        0.85
``NAME: …`` (transcript or headline line)    0.80
``X added:`` then unquoted words             0.75
``…, X said, …`` (interrupting clause)        0.75
nominal object (``expressed concern over``)  0.70
prepositional object (``called for a recount``) 0.65
quote marks, speaker from previous quote     0.60
quote marks, no attribution in the text      0.40
==========================================  =====

then multiplied by how the speaker was found: a name in the same clause 1.0, a noun phrase
(``a spokesperson``) 0.95, a name the parser lost and we recovered by position 0.85, a pronoun
resolved to a person 0.9 minus 0.05 per sentence between pronoun and antecedent (at least
0.7), a pronoun left unresolved 0.75, no speaker 0.7.
"""
from __future__ import annotations

BASE = {
    "quote": 0.95,
    "mixed": 0.85,
    "ccomp": 0.85,
    "according_to": 0.85,
    "speaker_colon": 0.80,
    "colon_block": 0.75,
    "parataxis": 0.75,
    "xcomp": 0.75,
    "object": 0.70,
    "prep": 0.65,
    "previous_quote": 0.60,
    "unattributed": 0.40,
}


def speaker_factor(speaker_from: str | None, named: bool, resolved: bool, distance: int = 0) -> float:
    if speaker_from is None:
        return 0.7
    if speaker_from == "coreference":
        return max(0.7, 0.9 - 0.05 * distance) if resolved else 0.75
    if speaker_from == "nearest_name":
        return 0.85
    if speaker_from == "previous_quote":
        return 1.0  # already in the base
    return 1.0 if named else 0.95


def score(rule: str, speaker_from: str | None, named: bool, resolved: bool, distance: int = 0) -> float:
    base = BASE.get(rule, 0.7)
    return round(base * speaker_factor(speaker_from, named, resolved, distance), 2)
