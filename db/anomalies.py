"""The weekly anomaly report and inventory (count) accuracy (issue 9).

anomalies(conn, week_start) looks at the seven days from week_start for:

  * after-hours activity: postings ("post"), cancels ("cancel") and edits
    ("*.update", "*.edit", "setting.set") in the audit log at a time of day
    outside the shop's hours (setting `shop_hours`, "HH:MM-HH:MM", default
    07:00-22:00; "22:00-06:00" is a shop open over midnight), per user with
    counts and the first few examples;
  * cancels per user: the audit log's "cancel" rows (posted documents and
    purchase orders called off). Voids are NOT counted: a sale voided at the
    till (F10) or a line deleted from it is only cleared from the screen
    (desktop.ui.counter); nothing is posted and nothing is written to the
    audit log, so the books have no record of voids to count;
  * large adjustments: adjustment documents (not reversals) whose stock value
    moved (the sum of |stock_ledger.value| over their rows) is above the
    setting `anomaly_adjustment_value` (yuan, default 200.00), with their
    reason, user and signed value;
  * sales below cost: posted sale lines whose amount is below their cost of
    goods, with product, price, unit cost, user and document;
  * repeated count variances: products whose count differed from what the
    books expected (stocktake lines: qty counted, expected on hand) in 2 or
    more of their last 4 counts up to the week's end (cancelled counts and
    reversals left out).

Each section is a list of dicts of ints (fen, thousandths, counts) and strings
(dates ISO, times "YYYY-MM-DD HH:MM:SS"). Costs are in large_adjustments and
sales_below_cost; without_cost() strips them for roles that may not see cost.

count_accuracy() gives, per stocktake in order, the items counted, the items
found as expected and the accuracy as a percentage string with one decimal.
The audit log has no index on its time: the after-hours and cancel sections
read the week's rows by a scan of it, once per report.
"""
from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from sqlalchemy import Connection, case, func, or_, select

from db.errors import BooksError
from db.masters import get_setting
from db.money import parse_money, round_div
from db.schema import (audit_log, document_lines, documents, int_sum, products, stock_ledger,
                       users)

HOURS_KEY, DEFAULT_HOURS = "shop_hours", "07:00-22:00"
THRESHOLD_KEY, DEFAULT_THRESHOLD = "anomaly_adjustment_value", "200.00"
EXAMPLES = 5                 # after-hours examples kept per user
LAST_COUNTS, VARIANCES = 4, 2
_HHMM = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$")
_STAMP = "%Y-%m-%d %H:%M:%S"


# ---------------------------------------------------------------- settings

def shop_hours(conn: Connection) -> tuple[int, int]:
    """(opening, closing) in minutes of the day from the `shop_hours` setting."""
    text = get_setting(conn, HOURS_KEY, DEFAULT_HOURS) or DEFAULT_HOURS
    m = _HHMM.match(text)
    bad = BooksError(f"setting {HOURS_KEY} '{text}' is not opening-closing hours like "
                     f"{DEFAULT_HOURS}")
    if not m:
        raise bad
    h1, m1, h2, m2 = (int(g) for g in m.groups())
    if m1 > 59 or m2 > 59 or h1 > 23 or h2 > 24 or (h2 == 24 and m2):
        raise bad
    opening, closing = h1 * 60 + m1, h2 * 60 + m2
    if opening == closing:
        raise BooksError(f"setting {HOURS_KEY} '{text}' opens and closes at the same time")
    return opening, closing


def hours_text(hours: tuple[int, int]) -> str:
    return "-".join(f"{m // 60:02d}:{m % 60:02d}" for m in hours)


def after_hours(at: dt.datetime, hours: tuple[int, int]) -> bool:
    """Whether a moment falls outside the opening hours (closing time itself is outside)."""
    opening, closing = hours[0] * 60, hours[1] * 60
    secs = at.hour * 3600 + at.minute * 60 + at.second
    if opening < closing:
        return not opening <= secs < closing
    return closing <= secs < opening            # open over midnight


def adjustment_threshold(conn: Connection) -> int:
    """The adjustment value (fen) above which an adjustment is listed."""
    text = get_setting(conn, THRESHOLD_KEY, DEFAULT_THRESHOLD) or DEFAULT_THRESHOLD
    fen = parse_money(text, f"setting {THRESHOLD_KEY}")
    if fen < 0:
        raise BooksError(f"setting {THRESHOLD_KEY} cannot be negative, not {text}")
    return fen


# ---------------------------------------------------------------- the weekly report

def week_of(day: dt.date | None = None) -> dt.date:
    """The Monday of day's week; without a day, the Monday of the week before this one."""
    if day is None:
        from db import clock
        today = clock.today()
        return today - dt.timedelta(days=today.weekday() + 7)
    return day - dt.timedelta(days=day.weekday())


def _kind_of(action: str) -> str:
    if action == "post":
        return "postings"
    if action == "cancel":
        return "cancels"
    return "edits"


def _after_hours(conn: Connection, start: dt.datetime, end: dt.datetime,
                 hours: tuple[int, int]) -> list[dict]:
    A = audit_log.c
    rows = conn.execute(
        select(A.at, A.user_name, A.action, A.entity, A.entity_id)
        .where(A.at >= start, A.at < end,
               or_(A.action.in_(("post", "cancel", "setting.set")),
                   A.action.like("%.update"), A.action.like("%.edit")))
        .order_by(A.seq))
    per: dict[str, dict] = {}
    for r in rows:
        if not after_hours(r.at, hours):
            continue
        u = per.setdefault(r.user_name, {"user": r.user_name, "count": 0, "postings": 0,
                                         "cancels": 0, "edits": 0, "examples": []})
        u["count"] += 1
        u[_kind_of(r.action)] += 1
        if len(u["examples"]) < EXAMPLES:
            u["examples"].append({"at": r.at.strftime(_STAMP), "action": r.action,
                                  "entity": r.entity, "entity_id": r.entity_id})
    return sorted(per.values(), key=lambda u: (-u["count"], u["user"]))


def _cancels(conn: Connection, start: dt.datetime, end: dt.datetime) -> list[dict]:
    A = audit_log.c
    per: dict[str, dict] = {}
    for r in conn.execute(select(A.at, A.user_name, A.entity, A.entity_id)
                          .where(A.at >= start, A.at < end, A.action == "cancel")
                          .order_by(A.seq)):
        u = per.setdefault(r.user_name, {"user": r.user_name, "count": 0, "documents": []})
        u["count"] += 1
        u["documents"].append({"at": r.at.strftime(_STAMP), "kind": r.entity,
                               "number": r.entity_id})
    return sorted(per.values(), key=lambda u: (-u["count"], u["user"]))


def _large_adjustments(conn: Connection, first: dt.date, last: dt.date,
                       threshold: int) -> list[dict]:
    D, L = documents.c, stock_ledger.c
    moved = int_sum(func.abs(L.value))
    rows = conn.execute(
        select(D.number, D.doc_date, D.status, D.note, users.c.name.label("user"),
               int_sum(L.value).label("value"), moved.label("moved"),
               func.count().label("lines"))
        .select_from(documents.join(stock_ledger, L.document_id == D.id)
                     .join(users, users.c.id == D.user_id))
        .where(D.kind == "adjustment", D.reverses_id.is_(None),
               D.doc_date >= first, D.doc_date <= last)
        .group_by(D.id, D.number, D.doc_date, D.status, D.note, users.c.name)
        .having(moved > threshold)
        .order_by(moved.desc(), D.number))
    return [{"number": r.number, "date": r.doc_date.isoformat(), "user": r.user,
             "reason": r.note, "status": r.status, "value": int(r.value),
             "moved": int(r.moved), "lines": int(r.lines)} for r in rows]


def _sales_below_cost(conn: Connection, first: dt.date, last: dt.date) -> list[dict]:
    D, L, P = documents.c, document_lines.c, products.c
    rows = conn.execute(
        select(D.number, D.doc_date, users.c.name.label("user"), P.sku, P.name, L.line_no,
               L.qty, L.price, L.amount, L.cost)
        .select_from(document_lines.join(documents, D.id == L.document_id)
                     .join(products, P.id == L.product_id)
                     .join(users, users.c.id == D.user_id))
        .where(D.kind == "sale", D.status == "posted", D.reverses_id.is_(None),
               D.doc_date >= first, D.doc_date <= last, L.amount < L.cost)
        .order_by((L.cost - L.amount).desc(), D.number, L.line_no))
    return [{"number": r.number, "date": r.doc_date.isoformat(), "user": r.user,
             "sku": r.sku, "name": r.name, "line": r.line_no, "qty": int(r.qty),
             "price": int(r.price), "unit_cost": round_div(int(r.cost) * 1000, int(r.qty)),
             "amount": int(r.amount), "cost": int(r.cost),
             "loss": int(r.cost) - int(r.amount)} for r in rows]


def _counts_up_to(last: dt.date):
    """Stocktake lines of live counts up to `last`, each product's newest first (rn 1)."""
    D, L = documents.c, document_lines.c
    return (select(L.product_id, L.qty, L.expected, D.number, D.doc_date,
                   func.row_number().over(partition_by=L.product_id,
                                          order_by=(D.posted_at.desc(), D.id.desc())).label("rn"))
            .select_from(document_lines.join(documents, D.id == L.document_id))
            .where(D.kind == "stocktake", D.status == "posted", D.reverses_id.is_(None),
                   D.doc_date <= last)
            .subquery())


def _count_variances(conn: Connection, last: dt.date) -> list[dict]:
    ranked = _counts_up_to(last)
    R = ranked.c
    differs = case((R.qty != R.expected, 1), else_=0)
    flagged = (select(R.product_id).where(R.rn <= LAST_COUNTS).group_by(R.product_id)
               .having(int_sum(differs) >= VARIANCES))
    rows = conn.execute(
        select(R.product_id, R.qty, R.expected, R.number, R.doc_date, products.c.sku,
               products.c.name)
        .select_from(ranked.join(products, products.c.id == R.product_id))
        .where(R.rn <= LAST_COUNTS, R.product_id.in_(flagged))
        .order_by(products.c.sku, R.rn))
    per: dict[int, dict] = {}
    for r in rows:
        p = per.setdefault(r.product_id, {"sku": r.sku, "name": r.name, "counts": 0,
                                          "variances": 0, "history": []})
        expected = int(r.expected if r.expected is not None else r.qty)
        p["counts"] += 1
        p["variances"] += int(r.qty) != expected
        p["history"].append({"number": r.number, "date": r.doc_date.isoformat(),
                             "expected": expected, "counted": int(r.qty),
                             "difference": int(r.qty) - expected})
    return sorted(per.values(), key=lambda p: (-p["variances"], p["sku"]))


def anomalies(conn: Connection, week_start: dt.date) -> dict:
    """The week from week_start (7 days) looked through for what needs a second look."""
    if not isinstance(week_start, dt.date):
        raise BooksError("the week's first day is needed, like 2026-12-28")
    week_end = week_start + dt.timedelta(days=6)
    start = dt.datetime.combine(week_start, dt.time())
    end = start + dt.timedelta(days=7)
    hours = shop_hours(conn)
    threshold = adjustment_threshold(conn)
    return {
        "week_start": week_start.isoformat(),
        "week_end": week_end.isoformat(),
        "shop_hours": hours_text(hours),
        "adjustment_threshold": threshold,
        "voids_recorded": False,
        "after_hours": _after_hours(conn, start, end, hours),
        "cancels": _cancels(conn, start, end),
        "large_adjustments": _large_adjustments(conn, week_start, week_end, threshold),
        "sales_below_cost": _sales_below_cost(conn, week_start, week_end),
        "count_variances": _count_variances(conn, week_end),
    }


def without_cost(answer: dict) -> dict:
    """The report for a role that may not see cost: no sales below cost, no
    adjustment values or threshold (which adjustments were large stays)."""
    out = {k: v for k, v in answer.items() if k not in ("sales_below_cost", "adjustment_threshold")}
    out["large_adjustments"] = [{k: v for k, v in a.items() if k not in ("value", "moved")}
                                for a in answer["large_adjustments"]]
    return out


# ---------------------------------------------------------------- count accuracy

def accuracy_text(matching: int, items: int) -> str:
    """matching of items as a percentage with one decimal: '99.6' (round_div's rounding)."""
    if items <= 0:
        return ""
    return str(Decimal(round_div(matching * 1000, items)).scaleb(-1))


def count_accuracy(conn: Connection, date_from: dt.date | None = None,
                   date_to: dt.date | None = None) -> list[dict]:
    """Per live stocktake (no reversals, none cancelled) from date_from to date_to
    (either open), in order: items counted, items found as expected, accuracy."""
    if date_from and date_to and date_from > date_to:
        raise BooksError(f"the period ends ({date_to}) before it starts ({date_from})")
    D, L = documents.c, document_lines.c
    matching = int_sum(case((L.qty == L.expected, 1), else_=0))
    where = [D.kind == "stocktake", D.status == "posted", D.reverses_id.is_(None)]
    if date_from:
        where.append(D.doc_date >= date_from)
    if date_to:
        where.append(D.doc_date <= date_to)
    rows = conn.execute(
        select(D.number, D.doc_date, users.c.name.label("user"),
               func.count(L.id).label("items"), matching.label("matching"))
        .select_from(documents.join(document_lines, L.document_id == D.id)
                     .join(users, users.c.id == D.user_id))
        .where(*where)
        .group_by(D.id, D.number, D.doc_date, D.posted_at, users.c.name)
        .order_by(D.doc_date, D.posted_at, D.id))
    return [{"number": r.number, "date": r.doc_date.isoformat(), "user": r.user,
             "items": int(r.items), "matching": int(r.matching or 0),
             "accuracy": accuracy_text(int(r.matching or 0), int(r.items))} for r in rows]

