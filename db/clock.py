"""The books' clock: one place that says what time it is, so tests can move it."""
from __future__ import annotations

import datetime as _dt

_offset = _dt.timedelta(0)


def now() -> _dt.datetime:
    """Local wall-clock time, naive, to the microsecond."""
    return _dt.datetime.now() + _offset


def today() -> _dt.date:
    return now().date()


def shift(delta: _dt.timedelta) -> None:
    """Move the clock (tests only)."""
    global _offset
    _offset += delta


def reset() -> None:
    global _offset
    _offset = _dt.timedelta(0)
