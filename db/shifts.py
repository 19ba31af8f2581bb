"""A cashier's shift (交班 / 日结): opened with a float, closed with the count.

What the till should hold at the close, per payment method, is read from the
books, never kept in a running total: the money of every document the cashier
posted while the shift was open (sales, returns, customers paying their
account, and the reversals of any of those the cashier posted), plus the
opening float in cash. Sales on account move no money and are not counted.
The close writes expected and counted per method (shift_counts) beside the
shift, so the slip can be printed again and a report can list differences.

A user has at most one open shift (a partial unique index enforces it).
Selling does not require an open shift: a shop that does not count its
drawer per cashier never opens one.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Connection, func, select, update
from sqlalchemy.exc import IntegrityError

from db import audit, clock
from db.audit import Actor
from db.errors import BooksError
from db.money import money_str
from db.schema import PAYMENT_METHODS, document_payments, documents, shift_counts, shifts

COUNTED_METHODS = tuple(m for m in PAYMENT_METHODS if m != "account")
MONEY_KINDS = ("sale", "sale-return", "customer-payment")


@dataclass(frozen=True)
class Shift:
    id: int
    user_id: int
    opened_at: dt.datetime
    opening_float: int


@dataclass(frozen=True)
class ShiftReport:
    id: int
    cashier: str
    opened_at: dt.datetime
    closed_at: dt.datetime
    opening_float: int
    rows: list[tuple[str, int, int]]   # (method, expected, counted), fen
    sales: int                         # number of sales
    returns: int                       # number of returns
    sales_total: int                   # fen
    returns_total: int                 # fen refunded (positive)


def current(conn: Connection, user_id: int) -> Shift | None:
    row = conn.execute(select(shifts.c.id, shifts.c.user_id, shifts.c.opened_at,
                              shifts.c.opening_float)
                       .where(shifts.c.user_id == user_id, shifts.c.closed_at.is_(None))).first()
    return Shift(*row) if row else None


def open_shift(conn: Connection, actor: Actor, opening_float: int) -> Shift:
    if opening_float < 0:
        raise BooksError(f"the float cannot be below zero, not {money_str(opening_float)}")
    if current(conn, actor.id) is not None:
        raise BooksError(f"{actor.name} already has a shift open: close it first")
    now = clock.now()
    try:
        sid = conn.execute(shifts.insert().values(
            user_id=actor.id, opened_at=now, opening_float=opening_float, note="")
            .returning(shifts.c.id)).scalar_one()
    except IntegrityError:          # another terminal opened one a moment ago
        raise BooksError(f"{actor.name} already has a shift open: close it first") from None
    audit.append(conn, actor, "shift.open", "shift", sid, {"float": money_str(opening_float)})
    return Shift(sid, actor.id, now, opening_float)


def _activity(conn: Connection, shift: Shift, until: dt.datetime):
    """The money by method, and the sales and returns, the cashier posted in the shift."""
    in_shift = (documents.c.user_id == shift.user_id,
                documents.c.posted_at >= shift.opened_at, documents.c.posted_at <= until,
                documents.c.kind.in_(MONEY_KINDS))
    by_method = dict(conn.execute(
        select(document_payments.c.method, func.sum(document_payments.c.amount))
        .join(documents, documents.c.id == document_payments.c.document_id)
        .where(*in_shift).group_by(document_payments.c.method)).all())
    counts = {(k, rev): (int(n), int(t or 0)) for k, rev, n, t in conn.execute(
        select(documents.c.kind, documents.c.reverses_id.is_not(None), func.count(),
               func.sum(documents.c.total))
        .where(*in_shift).group_by(documents.c.kind, documents.c.reverses_id.is_not(None)))}
    return {m: int(a or 0) for m, a in by_method.items()}, counts


def expected(conn: Connection, shift: Shift, until: dt.datetime | None = None) -> dict[str, int]:
    """What the till should hold now, per counted method (cash includes the float)."""
    money, _counts = _activity(conn, shift, until or clock.now())
    out = {m: money.get(m, 0) for m in COUNTED_METHODS}
    out["cash"] += shift.opening_float
    return out


def close_shift(conn: Connection, actor: Actor, counted: dict[str, int]) -> ShiftReport:
    shift = current(conn, actor.id)
    if shift is None:
        raise BooksError(f"{actor.name} has no shift open")
    unknown = set(counted) - set(COUNTED_METHODS)
    if unknown:
        raise BooksError(f"cannot count '{sorted(unknown)[0]}': count one of "
                         f"{', '.join(COUNTED_METHODS)}")
    for method, amount in counted.items():
        if amount < 0:
            raise BooksError(f"counted {method} cannot be below zero, not {money_str(amount)}")
    now = clock.now()
    if conn.execute(update(shifts).where(shifts.c.id == shift.id, shifts.c.closed_at.is_(None))
                    .values(closed_at=now, closed_by=actor.id)).rowcount != 1:
        raise BooksError(f"{actor.name}'s shift was closed on another terminal")
    money, counts = _activity(conn, shift, now)
    rows = []
    for m in COUNTED_METHODS:
        e = money.get(m, 0) + (shift.opening_float if m == "cash" else 0)
        rows.append((m, e, counted.get(m, 0)))
    conn.execute(shift_counts.insert(), [{"shift_id": shift.id, "method": m, "expected": e,
                                          "counted": c} for m, e, c in rows])
    sales_n, sales_t = counts.get(("sale", False), (0, 0))
    rev_n, rev_t = counts.get(("sale", True), (0, 0))          # sales the cashier cancelled
    ret_n, ret_t = counts.get(("sale-return", False), (0, 0))
    rret_n, rret_t = counts.get(("sale-return", True), (0, 0))
    report = ShiftReport(shift.id, actor.name, shift.opened_at, now, shift.opening_float, rows,
                         sales_n - rev_n, ret_n - rret_n, sales_t + rev_t, ret_t + rret_t)
    audit.append(conn, actor, "shift.close", "shift", shift.id,
                 {m: {"expected": money_str(e), "counted": money_str(c)} for m, e, c in rows})
    return report

