"""A time budget per request: an analysis that cannot finish in time answers 503 in JSON and
the worker lives on, long before gunicorn's worker timeout would kill it.

The budget is a ``SIGALRM`` timer, so it works where requests run on the main thread (gunicorn's
sync workers, the Flask test client); elsewhere it is not armed and the worker timeout remains
the bound. ``QUOTEAPI_TIME_BUDGET`` seconds, default 20; ``0`` turns it off.

>>> with time_budget(0):
...     "no budget"
'no budget'
"""
from __future__ import annotations

import signal
import threading
from contextlib import contextmanager

from .errors import ApiError


class OverBudget(ApiError):
    def __init__(self, seconds: float):
        super().__init__(503, "over_time_budget",
                         f"The article could not be analysed within the {seconds:g} s this service gives a request; "
                         "send a shorter article or split it.", headers={"Retry-After": "1"})


@contextmanager
def time_budget(seconds: float):
    """Raise :class:`OverBudget` in the block once *seconds* have passed (0: no budget)."""
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def _expired(signum, frame):
        raise OverBudget(seconds)

    previous = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
