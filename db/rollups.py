"""Sales summaries: the questions the reports ask, and their reference answers.

    sales_summary(conn, date_from, date_to, "day")   -> {"rows": [...], "total": {...}}

A row: {"key", "label", "qty", "amount", "cost", "profit"}; money in fen and
quantities in thousandths (ints: the command line and the screens format
them). key is what identifies the group ("2026-12-01", "2026-W48",
"2026-12", a SKU, a category, a customer's or a cashier's name; "" for
sales to nobody in particular and for products without a category); label
is what a person reads beside it (a product's name; else the key). Rows
come in key order for the time groupings, biggest amount first for the
others. Sales count net of returns and cancellations: a sale's return and a
cancelled sale's reversal are documents of their own day, with negative
lines.

`reference_summary` answers from the documents' lines themselves; it is the
definition `sales_summary` must agree with (check compares them).
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Iterable

from sqlalchemy import Connection, and_, func, select

from db.errors import BooksError
from db.schema import customers, document_lines, documents, int_sum, products, users

SALE_KINDS = ("sale", "sale-return")
TIME_GROUPINGS = ("day", "week", "month")
GROUPINGS = TIME_GROUPINGS + ("product", "category", "customer", "cashier")


def check_period(date_from: dt.date, date_to: dt.date, by: str) -> None:
    if by not in GROUPINGS:
        raise BooksError(f"cannot group sales by '{by}': by one of {', '.join(GROUPINGS)}")
    if date_from > date_to:
        raise BooksError(f"the period starts ({date_from}) after it ends ({date_to})")


def week_key(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def fold(rows: Iterable[tuple], by: str) -> dict:
    """rows: (day, key, label, qty, amount, cost) at the finest grain, key and label
    already those of the grouping for non-time groupings (ignored for time ones)."""
    groups: dict[str, list] = defaultdict(lambda: ["", 0, 0, 0])
    for day, key, label, qty, amount, cost in rows:
        if by == "day":
            key = label = day.isoformat()
        elif by == "week":
            key = label = week_key(day)
        elif by == "month":
            key = label = f"{day.year:04d}-{day.month:02d}"
        g = groups[key]
        g[0] = label if label is not None else key
        g[1] += qty
        g[2] += amount
        g[3] += cost
    out = [{"key": k, "label": g[0], "qty": g[1], "amount": g[2], "cost": g[3],
            "profit": g[2] - g[3]} for k, g in groups.items()]
    if by in TIME_GROUPINGS:
        out.sort(key=lambda r: r["key"])
    else:
        out.sort(key=lambda r: (-r["amount"], r["key"]))
    total = {f: sum(r[f] for r in out) for f in ("qty", "amount", "cost", "profit")}
    return {"rows": out, "total": total}


def reference_summary(conn: Connection, date_from: dt.date, date_to: dt.date, by: str) -> dict:
    """The summary straight from the sales' and returns' lines (slow on a big shop)."""
    check_period(date_from, date_to, by)
    D, L = documents.c, document_lines.c
    if by in ("customer",):
        key_cols = [func.coalesce(customers.c.name, "")]
        from_ = documents.join(document_lines, L.document_id == D.id).outerjoin(
            customers, customers.c.id == D.customer_id)
    elif by == "cashier":
        key_cols = [users.c.name]
        from_ = documents.join(document_lines, L.document_id == D.id).join(
            users, users.c.id == D.user_id)
    elif by == "category":
        key_cols = [products.c.category]
        from_ = documents.join(document_lines, L.document_id == D.id).join(
            products, products.c.id == L.product_id)
    elif by == "product":
        key_cols = [products.c.sku, products.c.name]
        from_ = documents.join(document_lines, L.document_id == D.id).join(
            products, products.c.id == L.product_id)
    else:
        key_cols = []
        from_ = documents.join(document_lines, L.document_id == D.id)
    q = (select(D.doc_date, *key_cols, int_sum(L.qty), int_sum(L.amount), int_sum(L.cost))
         .select_from(from_)
         .where(and_(D.kind.in_(SALE_KINDS), D.doc_date >= date_from, D.doc_date <= date_to))
         .group_by(D.doc_date, *key_cols))
    rows = []
    for r in conn.execute(q):
        day, rest = r[0], list(r[1:])
        if by == "product":
            key, label, rest = rest[0], rest[1], rest[2:]
        elif key_cols:
            key, rest = rest[0], rest[1:]
            label = key
        else:
            key = label = ""
        rows.append((day, key, label, int(rest[0] or 0), int(rest[1] or 0), int(rest[2] or 0)))
    return fold(rows, by)


def sales_summary(conn: Connection, date_from: dt.date, date_to: dt.date, by: str) -> dict:
    """The report's answer (from the rollups posting keeps, once they exist)."""
    return reference_summary(conn, date_from, date_to, by)
