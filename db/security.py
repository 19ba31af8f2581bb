"""The shop's security settings that are not users or permissions.

idle_lock_minutes: the desktop locks its window after this many minutes
without a key press or a mouse click, until the signed-in user's password is
given again (0: never). Shop-wide, set by the owner.
"""
from __future__ import annotations

from sqlalchemy import Connection

from db.errors import BooksError

IDLE_KEY = "idle_lock_minutes"
IDLE_DEFAULT = 15
IDLE_MAX = 480


def check_setting(key: str, value: str) -> None:
    """Raises BooksError when `value` is no good for `key` (other keys pass)."""
    if key != IDLE_KEY:
        return
    try:
        minutes = int(str(value).strip())
    except ValueError:
        minutes = -1
    if not 0 <= minutes <= IDLE_MAX:
        raise BooksError(f"{IDLE_KEY} is a whole number of minutes from 0 (never lock) "
                         f"to {IDLE_MAX}, not '{value}'")


def idle_minutes(conn: Connection) -> int:
    from db.masters import get_setting
    value = get_setting(conn, IDLE_KEY)
    try:
        minutes = int(value) if value is not None else IDLE_DEFAULT
    except ValueError:
        return IDLE_DEFAULT
    return minutes if 0 <= minutes <= IDLE_MAX else IDLE_DEFAULT
