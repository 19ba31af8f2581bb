"""Stock history and variance tracing (issue 9): what was on hand on a past day,
a product's trail of operations, and what happened between two counts.

    stock_as_of(conn, day, skus=None) -> [{"sku", "name", "unit", "qty", "value"}]
    stock_on(conn, sku, day)          -> qty (thousandths) at the end of day
    product_trail(conn, sku, limit)   -> [movement], newest first
    count_trace(conn, number, sku)    -> the count of sku on stocktake `number`, the
                                         previous count and the movements between

A movement (a trail row) is one stock_ledger row with its document:
{"number", "kind", "date", "at", "user", "qty" (signed), "balance" (on hand
after it), "value" (signed, fen), "batch", "note", "order", "approved_by"}.
"order" is the purchase order a receipt was received against and
"approved_by" the names of those who approved that order, by step.

Quantities are thousandths and money fen (ints). Days are documents'
doc_date. Everything moved before the archive's cut (db.archive) is summed
in archive_openings: balances start from there, and days before the cut,
whose movements are gone from the live books, are refused.
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import Connection, and_, func, or_, select

from db.archive import archived_before
from db.documents import document_numbered
from db.errors import BooksError, NotFound
from db.schema import (approval_steps, archive_openings, batches, document_lines, documents,
                       int_sum, products, stock_ledger, users)

L, D, P = stock_ledger.c, documents.c, products.c


# ---------------------------------------------------------------- products

def _product(conn: Connection, sku: str):
    code = (sku or "").strip()
    if not code:
        raise BooksError("a product's SKU is needed")
    row = conn.execute(select(P.id, P.sku, P.name, P.unit).where(P.sku == code)).first()
    if row is None:                      # a barcode, a SKU in another case: as the till reads it
        from db.counter import lookup
        found = lookup(conn, code, None, for_sale=False)
        if found is not None:
            row = conn.execute(select(P.id, P.sku, P.name, P.unit)
                               .where(P.id == found.product_id)).first()
    if row is None:
        raise NotFound(f"no product with SKU or barcode '{code}'")
    return row


def _opening(conn: Connection, product_id: int) -> tuple[int, int]:
    """(qty, value) the archived movements of the product add up to."""
    O = archive_openings.c
    row = conn.execute(select(O.qty, O.value).where(O.kind == "product",
                                                   O.entity_id == product_id)).first()
    return (int(row.qty), int(row.value)) if row else (0, 0)


# ---------------------------------------------------------------- stock as of a day

def _check_day(conn: Connection, day: dt.date) -> None:
    if not isinstance(day, dt.date):
        raise BooksError(f"'{day}' is not a date")
    cut = archived_before(conn)
    if cut is not None and day < cut:
        raise BooksError(f"stock as of {day.isoformat()}: the movements before "
                         f"{cut.isoformat()} are archived and their detail is no longer in "
                         f"the books; choose {cut.isoformat()} or later")


def stock_as_of(conn: Connection, day: dt.date, skus: list[str] | None = None) -> list[dict]:
    """Every active product's (or the given SKUs') quantity on hand and value at the
    end of `day`, by SKU: from the nearest daily snapshot (db.snapshots) and the
    movements between it and the day."""
    from db import snapshots
    _check_day(conn, day)
    ids = None
    if skus is not None:
        wanted = list(dict.fromkeys(s.strip() for s in skus if s and s.strip()))
        if not wanted:
            raise BooksError("name at least one product's SKU")
        found = dict(conn.execute(select(P.sku, P.id).where(P.sku.in_(wanted))).all())
        missing = [s for s in wanted if s not in found]
        if missing:
            raise NotFound(f"no product with SKU '{missing[0]}'" if len(missing) == 1 else
                           "no products with SKUs " + ", ".join(f"'{s}'" for s in missing))
        ids = list(found.values())
    held = snapshots.as_of(conn, day)
    q = (select(P.id, P.sku, P.name, P.unit)
         .where(P.id.in_(ids) if ids is not None else P.active.is_(True)).order_by(P.sku))
    out = []
    for r in conn.execute(q):
        qty, value = held.get(r.id, (0, 0))
        out.append({"sku": r.sku, "name": r.name, "unit": r.unit, "qty": qty, "value": value})
    return out


def stock_on(conn: Connection, sku: str, day: dt.date) -> int:
    """The quantity of one product on hand at the end of `day` (thousandths)."""
    code = _product(conn, sku).sku
    return stock_as_of(conn, day, [code])[0]["qty"]


# ---------------------------------------------------------------- movements

def _movements_query(product_id: int):
    order = documents.alias("ord")
    return (select(L.id, L.qty, L.value, L.created_at, D.number, D.kind, D.doc_date,
                   D.posted_at, D.created_at.label("doc_created"), D.note, D.ref_id,
                   users.c.name.label("user"), batches.c.batch_no,
                   order.c.number.label("order_number"))
            .select_from(stock_ledger.join(documents, D.id == L.document_id)
                         .join(users, users.c.id == D.user_id)
                         .outerjoin(batches, batches.c.id == L.batch_id)
                         .outerjoin(order, and_(order.c.id == D.ref_id,
                                                order.c.kind == "purchase-order")))
            .where(L.product_id == product_id))


def _approvers(conn: Connection, order_ids: set[int]) -> dict[int, list[str]]:
    """Who approved each order, step by step (db.approvals keeps the decider of every
    approved step)."""
    if not order_ids:
        return {}
    S = approval_steps.c
    out: dict[int, list[str]] = {}
    for doc_id, name in conn.execute(
            select(S.document_id, users.c.name).join(users, users.c.id == S.decided_by)
            .where(S.document_id.in_(order_ids), S.status == "approved")
            .order_by(S.document_id, S.seq)):
        names = out.setdefault(doc_id, [])
        if name not in names:
            names.append(name)
    return out


def _rows(conn: Connection, got, balances: list[int]) -> list[dict]:
    approvers = _approvers(conn, {r.ref_id for r in got if r.order_number is not None})
    return [{"number": r.number, "kind": r.kind, "date": r.doc_date,
             "at": r.posted_at or r.doc_created or r.created_at, "user": r.user,
             "qty": int(r.qty), "balance": bal, "value": int(r.value),
             "batch": r.batch_no, "note": r.note or "", "order": r.order_number,
             "approved_by": approvers.get(r.ref_id, []) if r.order_number else []}
            for r, bal in zip(got, balances)]


def _sum_qty(conn: Connection, product_id: int, *where) -> int:
    return int(conn.execute(select(int_sum(L.qty)).where(L.product_id == product_id, *where))
               .scalar() or 0)


def product_trail(conn: Connection, sku: str, limit: int = 50) -> list[dict]:
    """The product's last `limit` movements, newest first, each with the quantity on
    hand after it."""
    if limit < 1:
        raise BooksError(f"the trail's length must be at least 1, not {limit}")
    p = _product(conn, sku)
    on_hand = _opening(conn, p.id)[0] + _sum_qty(conn, p.id)
    got = conn.execute(_movements_query(p.id).order_by(L.id.desc()).limit(limit)).all()
    balances = []
    for r in got:
        balances.append(on_hand)
        on_hand -= int(r.qty)                 # what there was before this movement
    return _rows(conn, got, balances)


# ---------------------------------------------------------------- tracing a count

def _ledger_span(conn: Connection, doc_id: int) -> tuple[int | None, int | None]:
    """The first and last ledger id a document wrote (None: it moved nothing). A
    posting holds the stock rows it counts or moves until it commits, so a product's
    other movements are either all before that span or all after it."""
    lo, hi = conn.execute(select(func.min(L.id), func.max(L.id))
                          .where(L.document_id == doc_id)).one()
    return lo, hi


def _after(conn: Connection, doc) -> object:
    """Ledger rows written after the stocktake doc: by ledger id when it moved
    anything, else by time (posted_at)."""
    _lo, hi = _ledger_span(conn, doc.id)
    return L.id > hi if hi is not None else L.created_at > doc.posted_at


def _before(conn: Connection, doc) -> object:
    lo, _hi = _ledger_span(conn, doc.id)
    return L.id < lo if lo is not None else L.created_at <= doc.posted_at


def _stocktake(conn: Connection, number: str):
    doc = document_numbered(conn, number, "stocktake")
    if doc.kind != "stocktake":
        what = doc.kind.replace("-", " ")
        article = "an" if what[:1] in "aeiou" else "a"
        raise BooksError(f"{doc.number} is {article} {what}, not a stocktake")
    if doc.reverses_id is not None:
        original = conn.execute(select(D.number).where(D.id == doc.reverses_id)).scalar()
        raise BooksError(f"{doc.number} is the reversal of {original}: trace {original}")
    if doc.posted_at is None or doc.status not in ("posted", "cancelled"):
        raise BooksError(f"stocktake {doc.number} is {doc.status}, not posted: nothing was "
                         "counted yet")
    return doc


def count_trace(conn: Connection, stocktake_number: str, sku: str) -> dict:
    """How the product's count on the stocktake compares with what was expected, and
    the movements (oldest first) since the product's previous count (a posted
    stocktake), or since the start of the books when there is none, that made up
    the expected quantity. "explained": the previous count (or the archive's
    opening) plus those movements comes to the expected quantity."""
    doc = _stocktake(conn, stocktake_number)
    p = _product(conn, sku)
    line = conn.execute(select(document_lines.c.qty, document_lines.c.expected,
                               document_lines.c.cost)
                        .where(document_lines.c.document_id == doc.id,
                               document_lines.c.product_id == p.id)
                        .order_by(document_lines.c.line_no).limit(1)).first()
    if line is None:
        raise BooksError(f"stocktake {doc.number} did not count {p.sku}")
    expected, counted = int(line.expected or 0), int(line.qty)
    prev_line = document_lines.alias("pl")
    prev = conn.execute(
        select(D.id, D.number, D.doc_date, D.posted_at, prev_line.c.qty)
        .join(prev_line, prev_line.c.document_id == D.id)
        .where(D.kind == "stocktake", D.status == "posted", D.reverses_id.is_(None),
               D.id != doc.id, prev_line.c.product_id == p.id,
               or_(D.posted_at < doc.posted_at,
                   and_(D.posted_at == doc.posted_at, D.id < doc.id)))
        .order_by(D.posted_at.desc(), D.id.desc()).limit(1)).first()
    where = [_before(conn, doc), L.document_id != doc.id]
    if prev is not None:
        where += [_after(conn, prev), L.document_id != prev.id]
    got = conn.execute(_movements_query(p.id).where(*where).order_by(L.id)).all()
    on_hand = _opening(conn, p.id)[0]
    if got:
        on_hand += _sum_qty(conn, p.id, L.id < got[0].id)
    balances = []
    for r in got:
        on_hand += int(r.qty)
        balances.append(on_hand)
    moved = sum(int(r.qty) for r in got)
    base = int(prev.qty) if prev is not None else _opening(conn, p.id)[0]
    user = conn.execute(select(users.c.name).where(users.c.id == doc.user_id)).scalar() or ""
    return {"number": doc.number, "date": doc.doc_date, "at": doc.posted_at, "user": user,
            "cancelled": doc.status == "cancelled",
            "sku": p.sku, "name": p.name, "unit": p.unit,
            "expected": expected, "counted": counted, "difference": counted - expected,
            "difference_value": -int(line.cost or 0),
            "previous": None if prev is None else {
                "number": prev.number, "date": prev.doc_date, "at": prev.posted_at,
                "counted": int(prev.qty)},
            "movements": _rows(conn, got, balances), "moved": moved,
            "explained": base + moved == expected}
