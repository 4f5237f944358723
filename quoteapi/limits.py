"""What the service refuses to analyse, shared by the API and the batch runner.

spaCy's tokenizer takes time quadratic in a run of punctuation, symbols or emoji with no space
or letter in it (20,000 quotation marks: 43 s). No article has such a run this long, so a text
with one is refused before it reaches the tokenizer.

>>> symbol_run("Wow!!! " + "*" * 300)
(7, 307)
>>> symbol_run("=" * 80) is None
True
"""
from __future__ import annotations

import re

MAX_SYMBOL_RUN = 200
_SYMBOL_RUN = re.compile(r"[^\w\s]{%d,}" % (MAX_SYMBOL_RUN + 1))


def symbol_run(text: str) -> tuple[int, int] | None:
    """Where the first run of more than ``MAX_SYMBOL_RUN`` symbols stands, or None."""
    found = _SYMBOL_RUN.search(text)
    return (found.start(), found.end()) if found else None
