"""Daily stock snapshots: each product's quantity on hand and value at the end of
a day, so that "stock as of a date" reads one snapshot and the movements between
it and the day asked about, not the whole ledger.

    as_of(conn, day)      -> {product_id: (qty, value)}   (products with either)
    catch_up(engine)      -> the days made                (yesterday; month ends)

**Which days are kept.** Yesterday and the 61 days before it, and every month's
last day back to the first document: made by catch_up, which the app runs off
the GUI thread at start (so the first start of a day makes yesterday's) and
`seed` runs after loading. Days older than 62 days that are no month's end are
dropped by catch_up.

**Stale snapshots.** A snapshot is of the documents dated on or before its day.
A document posted later but dated on or before it (an import of old stock, a
draft posted days after its date) changes that day's stock; such documents are
few and indexed (ix_documents_backdated), and a snapshot with one posted after it
was made is not used (and is remade when asked for). Cancellations are dated the
day they are made, so they never are.

**From where.** A day is worked out from the nearest usable snapshot before or
after it, or from the stock on hand now, whichever is fewer days away, adding or
taking away the ledger rows of the documents dated in between (read through the
(kind, doc_date) index). Days before the archive's cut (db.archive) cannot be
worked out: their movements are archived; a snapshot made before the archive
still answers for its own day.
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import Connection, Engine, bindparam, delete, func, insert, select, text

from db import clock
from db.engine import write_transaction
from db.errors import BooksError
from db.schema import (DOC_KINDS, documents, int_sum, stock, stock_ledger, stock_snapshot_days,
                       stock_snapshots)

KEEP_DAYS = 62
_S, _SD, _L, _D = stock_snapshots.c, stock_snapshot_days.c, stock_ledger.c, documents.c
MOVING_KINDS = tuple(DOC_KINDS)      # every kind: those that move no stock add nothing


def _backdated_sql(conn: Connection) -> str:
    """The partial index's predicate, word for word (the planner matches it)."""
    if conn.dialect.name == "postgresql":
        return "doc_date < CAST(posted_at AS DATE)"
    return "doc_date < date(posted_at)"


def valid(conn: Connection, day: dt.date, made_at: dt.datetime) -> bool:
    """No document dated on or before `day` was posted after the snapshot was made."""
    q = text(f"SELECT 1 FROM documents WHERE {_backdated_sql(conn)} AND doc_date <= :day "
             "AND posted_at > :made LIMIT 1").bindparams(
        bindparam("day", type_=stock_snapshot_days.c.day.type),
        bindparam("made", type_=stock_snapshot_days.c.made_at.type))
    return conn.execute(q, {"day": day, "made": made_at}).first() is None


def _kept(conn: Connection) -> list[tuple[dt.date, dt.datetime]]:
    return [(r.day, r.made_at) for r in conn.execute(
        select(_SD.day, _SD.made_at).order_by(_SD.day))]


def _read(conn: Connection, day: dt.date) -> dict[int, tuple[int, int]]:
    return {r.product_id: (int(r.qty), int(r.value)) for r in conn.execute(
        select(_S.product_id, _S.qty, _S.value).where(_S.day == day))}


def _now(conn: Connection) -> dict[int, tuple[int, int]]:
    return {r.product_id: (int(r.qty), int(r.value)) for r in conn.execute(
        select(stock.c.product_id, stock.c.qty, stock.c.value)
        .where((stock.c.qty != 0) | (stock.c.value != 0)))}


def _moved(conn: Connection, after: dt.date | None, through: dt.date | None) -> dict:
    """{product_id: (qty, value)} moved by the documents dated after `after` and on or
    before `through` (None: no bound)."""
    conds = [_D.kind.in_(MOVING_KINDS)]
    if after is not None:
        conds.append(_D.doc_date > after)
    if through is not None:
        conds.append(_D.doc_date <= through)
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql("SET LOCAL max_parallel_workers_per_gather = 0")
    rows = conn.execute(select(_L.product_id, int_sum(_L.qty), int_sum(_L.value))
                        .select_from(documents.join(stock_ledger, _L.document_id == _D.id))
                        .where(*conds).group_by(_L.product_id))
    return {pid: (int(q or 0), int(v or 0)) for pid, q, v in rows}


def _apply(base: dict, moved: dict, sign: int) -> dict:
    out = dict(base)
    for pid, (q, v) in moved.items():
        oq, ov = out.get(pid, (0, 0))
        nq, nv = oq + sign * q, ov + sign * v
        if nq or nv:
            out[pid] = (nq, nv)
        else:
            out.pop(pid, None)
    return out


def _cut(conn: Connection) -> dt.date | None:
    from db.archive import archived_before
    return archived_before(conn)


def as_of(conn: Connection, day: dt.date, *, keep: bool = False) -> dict[int, tuple[int, int]]:
    """Every product's (qty, value) at the end of `day` (products with neither left
    out), from the nearest usable snapshot or from the stock now. keep: store the
    answer as the day's snapshot (a closed day only; conn in a write transaction)."""
    today = clock.today()
    cut = _cut(conn)
    usable = [(d, m) for d, m in _kept(conn) if cut is None or d >= cut]
    exact = next(((d, m) for d, m in usable if d == day), None)
    if exact is not None and valid(conn, *exact):
        return _read(conn, day)
    if cut is not None and day < cut:
        # a snapshot made before the archive still answers for its own day
        old = next(((d, m) for d, m in _kept(conn) if d == day), None)
        if old is not None and valid(conn, *old):
            return _read(conn, day)
        raise BooksError(f"stock as of {day.isoformat()}: the movements before "
                         f"{cut.isoformat()} are archived and their detail is no longer in "
                         f"the books; choose {cut.isoformat()} or later")
    below = [(d, m) for d, m in usable if d < day]
    above = [(d, m) for d, m in usable if d > day]
    start = None
    for d, m in sorted(below + above, key=lambda x: abs((x[0] - day).days)):
        if abs((d - day).days) >= abs((today - day).days):
            break                              # the stock now is nearer
        if valid(conn, d, m):
            start = d
            break
    if start is None:
        answer = _apply(_now(conn), _moved(conn, day, None), -1)
    elif start < day:
        answer = _apply(_read(conn, start), _moved(conn, start, day), +1)
    else:
        answer = _apply(_read(conn, start), _moved(conn, day, start), -1)
    if keep and day < today:
        _store(conn, day, answer)
    return answer


def _store(conn: Connection, day: dt.date, answer: dict) -> None:
    conn.execute(delete(stock_snapshots).where(_S.day == day))
    conn.execute(delete(stock_snapshot_days).where(_SD.day == day))
    rows = [{"day": day, "product_id": p, "qty": q, "value": v} for p, (q, v) in answer.items()]
    for i in range(0, len(rows), 5000):
        conn.execute(insert(stock_snapshots), rows[i:i + 5000])
    conn.execute(insert(stock_snapshot_days).values(day=day, made_at=clock.now(),
                                                    products=len(rows)))


def month_end(day: dt.date) -> bool:
    return (day + dt.timedelta(days=1)).day == 1


def catch_up(engine: Engine, *, months: bool = True) -> list[dt.date]:
    """Makes yesterday's snapshot (and the days since the last one, up to 62),
    every missing month end back to the first document (months), and drops daily
    snapshots older than 62 days that are no month's end. Each day in its own
    transaction, walking back from the nearest: a step reads one day's or one
    month's movements. Returns the days made."""
    made: list[dt.date] = []
    today = clock.today()
    yesterday = today - dt.timedelta(days=1)
    with engine.connect() as conn:
        first = conn.execute(select(func.min(_D.doc_date))).scalar()
        have = {d for d, m in _kept(conn) if valid(conn, d, m)}      # stale: made again
        cut = _cut(conn)
    if first is None:
        return made
    floor = max(first, cut) if cut else first
    wanted = [yesterday - dt.timedelta(days=i) for i in range(KEEP_DAYS)]
    wanted = [d for d in wanted if d >= floor - dt.timedelta(days=1)]
    if months:
        m = yesterday.replace(day=1) - dt.timedelta(days=1)
        while m >= floor - dt.timedelta(days=1):
            wanted.append(m)
            m = m.replace(day=1) - dt.timedelta(days=1)
    for day in sorted(set(wanted), reverse=True):     # newest first: each from the last
        if day in have:
            continue
        with write_transaction(engine) as conn:
            as_of(conn, day, keep=True)
        made.append(day)
    with write_transaction(engine) as conn:
        old = [d for d, _m in _kept(conn)
               if d < today - dt.timedelta(days=KEEP_DAYS) and not month_end(d)]
        for d in old:
            conn.execute(delete(stock_snapshots).where(_S.day == d))
            conn.execute(delete(stock_snapshot_days).where(_SD.day == d))
    return made
