"""The period lock: the books closed through a day.

When the owner closes the books through a day (the last of October, say, once
the month's figures went to the accountant), nothing dated on or before it is
posted or cancelled any more: no back-dated sale, receipt or payment, no draft
or count posted on a closed day, no imported sales history dated then, and no
cancel of a document dated then -- its reversal would be dated today, but it
would change what the closed days say. A correction goes in as a new document
dated after the closed day.

    closed_through(conn)                  -> date | None (None: nothing is closed)
    close_through(engine, actor, day)     -> day        (owner; later or earlier)
    reopen(engine, actor[, through=day])  -> date | None (owner; back, or all open)
    require_open(conn, day, what)         BooksError naming `what`, its day and the closed day

The day is the setting books_closed_through (an ISO date; no row: nothing is
closed), written only here: the generic `setting` command refuses the key
(db.masters.set_setting). Closing, moving the day back (reopening part of the
books) and reopening them all are the owner's ("settings"), audited as
period.close or period.reopen with the old and the new day. A day after today
cannot be closed.

It is enforced below every screen and command, where documents are posted:
db.posting.insert_document, which every posting goes through, reads the
setting once (before the number counter and the audit head are taken) and
refuses a posted document dated on or before the day, and a reversal whose
original is; sk_fast_sale reads it in the argument that hands it the codes
(db.fastsale); an import of sales history refuses its rows dated then
(db.imports).

A posting reads the setting inside its own transaction, so a close cannot slip
between a posting's read and its commit: on PostgreSQL a close first takes the
settings table in ACCESS EXCLUSIVE mode, which waits for the postings that read
the old day to commit and makes the ones after wait for the new day (postings
are short, and a close that cannot have the table within LOCK_WAIT is refused,
to be tried again); on SQLite the write lock orders them already. The close
takes the table before the audit head, as postings read the setting before
taking the head, so the two cannot deadlock.
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import Connection, Engine, delete, text, update
from sqlalchemy.exc import DBAPIError

from db import audit, clock
from db.audit import Actor
from db.engine import write_transaction
from db.errors import BooksError
from db.masters import get_setting
from db.permissions import require
from db.schema import settings

KEY = "books_closed_through"
LOCK_WAIT = "5s"          # PostgreSQL: how long a close waits for the postings under way


def parse(value: str | None) -> dt.date | None:
    """The setting's stored text as a day (None or "": nothing closed)."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise BooksError(f"setting {KEY} is '{value}', not a date like 2026-10-31: "
                         "the owner should close the books again (period close)") from None


def closed_through(conn: Connection) -> dt.date | None:
    """The last day of the closed books, or None when nothing is closed."""
    return parse(get_setting(conn, KEY))


def refuse_if_closed(closed: dt.date | None, day: dt.date, what: str) -> None:
    """BooksError when day is on or before closed. what: 'cannot post a sale',
    'cannot cancel XS20261015-0001', 'row 7 cannot be imported'."""
    if closed is not None and day <= closed:
        raise BooksError(f"{what} dated {day.isoformat()}: the books are closed through "
                         f"{closed.isoformat()}")


def require_open(conn: Connection, day: dt.date, what: str) -> None:
    """Refuses a day on or before the closed one (one read of the setting)."""
    refuse_if_closed(closed_through(conn), day, what)


def posting_what(kind: str) -> str:
    """'cannot post a sale', 'cannot post an adjustment': for require_open."""
    name = kind.replace("-", " ")
    return f"cannot post {'an' if name[0] in 'aeiou' else 'a'} {name}"


# ---------------------------------------------------------------- the owner's actions

def close_through(engine: Engine, actor: Actor, day: dt.date) -> dt.date:
    """Closes the books through day (today at the latest). A day before the one
    closed now reopens the days after it (period.reopen); the same day changes
    nothing. Returns day."""
    require(actor, "settings")
    today = clock.today()
    if day > today:
        raise BooksError(f"cannot close the books through {day.isoformat()}: that is after "
                         f"today ({today.isoformat()}); only days gone by can be closed")
    with write_transaction(engine) as conn:
        _lock(conn)
        _move(conn, actor, day)
    return day


def reopen(engine: Engine, actor: Actor, through: dt.date | None = None) -> dt.date | None:
    """Moves the closed day back to `through` (before the one closed now), or with
    through=None opens the books entirely. Returns the closed day after it."""
    require(actor, "settings")
    with write_transaction(engine) as conn:
        _lock(conn)
        old = _stored(conn)[1]
        if through is not None:
            if old is None:
                raise BooksError(f"the books are not closed: nothing to reopen back to "
                                 f"{through.isoformat()}")
            if through >= old:
                raise BooksError(f"the books are closed through {old.isoformat()}: reopening "
                                 f"moves that back, and {through.isoformat()} is not before it "
                                 "(period close moves it forward)")
        _move(conn, actor, through)
    return through


def _lock(conn: Connection) -> None:
    """PostgreSQL: the settings table to ourselves, once the postings that read it
    have committed (see the module's doc)."""
    if conn.dialect.name != "postgresql":
        return
    try:
        conn.execute(text(f"SET LOCAL lock_timeout = '{LOCK_WAIT}'"))
        conn.execute(text(f"LOCK TABLE {settings.name} IN ACCESS EXCLUSIVE MODE"))
    except DBAPIError as exc:
        if getattr(exc.orig, "sqlstate", None) == "55P03":    # lock_not_available
            raise BooksError("the books are busy (postings or a long report under way): "
                             "nothing was changed; try again in a moment") from None
        raise


def _stored(conn: Connection) -> tuple[str | None, dt.date | None]:
    """(the stored text, the day it says): a text that is no date reads as no day
    here, so that the owner can set it right."""
    raw = get_setting(conn, KEY)
    try:
        return raw, parse(raw)
    except BooksError:
        return raw, None


def _move(conn: Connection, actor: Actor, new: dt.date | None) -> None:
    raw, old = _stored(conn)
    if (raw or None) == (new.isoformat() if new else None):
        return
    if new is None:
        conn.execute(delete(settings).where(settings.c.key == KEY))
    elif raw is None:
        conn.execute(settings.insert().values(key=KEY, value=new.isoformat()))
    else:
        conn.execute(update(settings).where(settings.c.key == KEY).values(value=new.isoformat()))
    action = "period.close" if new is not None and (old is None or new > old) else "period.reopen"
    audit.append(conn, actor, action, "setting", KEY,
                 {"old": old.isoformat() if old else raw, "new": new.isoformat() if new else None})
