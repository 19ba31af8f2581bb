"""Draft documents: saved, edited and numbered before they move anything.

A draft holds its lines (and party) but writes no ledger row and changes no
stock or balance. Posting it runs the kind's own rules (db.documents) and
turns the draft into the posted document under the same number; discarding
it marks it cancelled (it keeps its number, so numbering stays gapless).
"""
from __future__ import annotations

from sqlalchemy import Connection, delete, select, update

from db import audit, clock
from db import documents as docs
from db.audit import Actor
from db.documents import LineIn
from db.errors import BooksError
from db.masters import find_customer, find_supplier
from db.money import line_amount, money_str
from db.posting import Posted, get_document, insert_document, posting_draft, resolve_products
from db.schema import (PAYMENT_METHODS, batches, customers, document_lines, documents, products,
                       suppliers)

# The kinds a draft can become by posting, and the party each needs.
DRAFT_KINDS = {"sale": "customer?", "purchase-receipt": "supplier",
               "purchase-return": "supplier", "adjustment": None, "stocktake": None}


def _header(conn: Connection, kind: str, customer: str | None, supplier: str | None,
            payment: str | None) -> dict:
    if kind not in DRAFT_KINDS:
        raise BooksError(f"a {kind} cannot be saved as a draft")
    party = DRAFT_KINDS[kind]
    values: dict = {"customer_id": None, "supplier_id": None, "payment": None}
    if party == "supplier":
        if not supplier:
            raise BooksError(f"a {kind} needs a supplier")
        values["supplier_id"] = find_supplier(conn, supplier)
    if customer and party == "customer?":
        values["customer_id"] = find_customer(conn, customer)
    if kind == "sale":
        payment = payment or "cash"
        if payment not in PAYMENT_METHODS:
            raise BooksError(f"unknown payment '{payment}'")
        values["payment"] = payment
    return values


def _rows(conn: Connection, kind: str, lines: list[LineIn]) -> list[dict]:
    prods = resolve_products(conn, [l.code for l in lines]) if lines else {}
    rows = []
    for i, l in enumerate(lines, 1):
        p = prods[l.code]
        price = p.price if (l.price is None and kind == "sale") else (l.price or 0)
        batch_id = None
        if l.batch:
            batch_id = docs.named_batch(conn, p, l, i, create=kind == "purchase-receipt")
        rows.append({"line_no": i, "product_id": p.id, "qty": l.qty, "price": price,
                     "amount": line_amount(price, l.qty), "batch_id": batch_id})
    return rows


def save_draft(conn: Connection, actor: Actor, kind: str, lines: list[LineIn], *,
               customer: str | None = None, supplier: str | None = None,
               payment: str | None = None, note: str = "") -> Posted:
    values = _header(conn, kind, customer, supplier, payment)
    rows = _rows(conn, kind, lines)
    total = sum(r["amount"] for r in rows)
    doc_id, number = insert_document(conn, kind=kind, user_id=actor.id, status="draft",
                                     total=total, note=note, **values)
    docs.insert_lines(conn, doc_id, rows)
    audit.append(conn, actor, "draft.save", kind, number, {"total": money_str(total),
                                                           "lines": len(rows)})
    return Posted(doc_id, number, kind, total, status="draft")


def _lock_draft(conn: Connection, number: str):
    doc = get_document(conn, number)
    row = conn.execute(select(documents).where(documents.c.id == doc.id).with_for_update()).one()
    if row.status != "draft":
        raise BooksError(f"{row.number} is {row.status}, not a draft")
    return row


def replace_lines(conn: Connection, actor: Actor, number: str, lines: list[LineIn]) -> Posted:
    draft = _lock_draft(conn, number)
    rows = _rows(conn, draft.kind, lines)
    total = sum(r["amount"] for r in rows)
    conn.execute(delete(document_lines).where(document_lines.c.document_id == draft.id))
    docs.insert_lines(conn, draft.id, rows)
    conn.execute(update(documents).where(documents.c.id == draft.id).values(total=total))
    audit.append(conn, actor, "draft.edit", draft.kind, draft.number,
                 {"total": money_str(total), "lines": len(rows)})
    return Posted(draft.id, draft.number, draft.kind, total, status="draft")


def discard(conn: Connection, actor: Actor, number: str) -> Posted:
    draft = _lock_draft(conn, number)
    conn.execute(update(documents).where(documents.c.id == draft.id)
                 .values(status="cancelled", cancelled_at=clock.now()))
    audit.append(conn, actor, "draft.discard", draft.kind, draft.number, {})
    return Posted(draft.id, draft.number, draft.kind, draft.total, status="cancelled")


def post(conn: Connection, actor: Actor, number: str, *, client_id: str | None = None) -> Posted:
    """Posts a draft under its own number through its kind's rules."""
    draft = _lock_draft(conn, number)
    lines = [LineIn(r.sku, r.qty, r.price, r.batch_no, r.expiry) for r in conn.execute(
        select(products.c.sku, document_lines.c.qty, document_lines.c.price,
               batches.c.batch_no, batches.c.expiry)
        .join(products, products.c.id == document_lines.c.product_id)
        .outerjoin(batches, batches.c.id == document_lines.c.batch_id)
        .where(document_lines.c.document_id == draft.id).order_by(document_lines.c.line_no))]
    customer = _name(conn, "customer", draft.customer_id)
    supplier = _name(conn, "supplier", draft.supplier_id)
    with posting_draft(conn, draft):
        if draft.kind == "sale":
            return docs.sale(conn, actor, lines, customer=customer,
                             payment=draft.payment or "cash", client_id=client_id)
        if draft.kind == "purchase-receipt":
            return docs.purchase_receipt(conn, actor, supplier, lines, client_id=client_id)
        if draft.kind == "purchase-return":
            return docs.purchase_return(conn, actor, supplier, lines, client_id=client_id)
        if draft.kind == "adjustment":
            from db.adjustments import ADJUSTMENT_REASONS
            note = draft.note or ""
            given = note.partition(":")[0].strip().lower() in ADJUSTMENT_REASONS
            return docs.adjustment(conn, actor, lines, reason=note if given else "other",
                                   note="" if given else note, client_id=client_id)
        return docs.stocktake(conn, actor, lines, client_id=client_id)


def _name(conn: Connection, party: str, pid: int | None) -> str | None:
    if pid is None:
        return None
    table = customers if party == "customer" else suppliers
    return conn.execute(select(table.c.name).where(table.c.id == pid)).scalar_one()
