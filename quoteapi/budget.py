"""A time budget for one analysis, checked cooperatively between its stages.

The API gives every request a budget (``QUOTEAPI_TIME_BUDGET``); the service checks it before
each spaCy component and between the extractor's stages, so an analysis that cannot finish in
time stops with :class:`OverBudget` at the next stage boundary and the worker serves the next
request. A check is a clock read: it works on every thread (gunicorn's threaded workers, the
Flask test client, a notebook), unlike a signal, which only the main thread receives.

The bound this gives is the budget plus one stage: no single stage runs long on input within
the limits (runs that stall spaCy's tokenizer are refused before it, :mod:`quoteapi.limits`;
the extractor is linear in the length of the article), so the longest stage is the parser on a
100,000-character article (a few seconds; ``docs/operations.md``).

>>> with time_budget(0):          # 0 or None: no budget
...     check()
>>> with time_budget(60):
...     check()                   # well within
>>> with time_budget(1e-9):
...     check()
Traceback (most recent call last):
...
quoteapi.budget.OverBudget: the analysis did not finish within 1e-09 s
"""
from __future__ import annotations

import time
from contextlib import contextmanager
from contextvars import ContextVar

_deadline: ContextVar[float | None] = ContextVar("quoteapi_deadline", default=None)
_seconds: ContextVar[float] = ContextVar("quoteapi_budget", default=0.0)


class OverBudget(Exception):
    """The analysis ran past its time budget."""

    def __init__(self, seconds: float):
        super().__init__(f"the analysis did not finish within {seconds:g} s")
        self.seconds = seconds

    @property
    def advice(self) -> str:
        """What a client is told."""
        return (f"The article could not be analysed within the {self.seconds:g} s this service gives a request; "
                "send a shorter article or split it.")


@contextmanager
def time_budget(seconds: float | None):
    """Within the block, :func:`check` raises :class:`OverBudget` once *seconds* have passed."""
    if not seconds:
        yield
        return
    tokens = _deadline.set(time.monotonic() + seconds), _seconds.set(seconds)
    try:
        yield
    finally:
        _deadline.reset(tokens[0])
        _seconds.reset(tokens[1])


def check() -> None:
    """Raise :class:`OverBudget` if the current budget is spent (nothing when there is none)."""
    deadline = _deadline.get()
    if deadline is not None and time.monotonic() > deadline:
        raise OverBudget(_seconds.get())


def run_pipeline(nlp, text: str):
    """``nlp(text)``, with the budget checked before each component.

    >>> import spacy
    >>> run_pipeline(spacy.blank("en"), "Hello world.").text
    'Hello world.'
    """
    check()
    doc = nlp.make_doc(text)
    for _name, component in nlp.pipeline:
        check()
        doc = component(doc)
    return doc
