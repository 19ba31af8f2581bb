"""What a sales receipt shows, read from the books (no layout here: see
desktop.printing.receipt).

Amounts are signed from the till's side: a sale's are positive; on a
return (sale-return) the quantities, line amounts, total and payments are
negative, money and goods going back.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Connection, select

from db.errors import BooksError, NotFound
from db.masters import get_setting
from db.schema import customers, document_lines, document_payments, documents, products, users

RECEIPT_KINDS = ("sale", "sale-return")


@dataclass(frozen=True)
class ReceiptLine:
    name: str
    qty: int          # milli-units, signed
    unit: str
    price: int        # fen per unit
    amount: int       # fen, signed


@dataclass
class Receipt:
    shop_name: str
    shop_address: str
    shop_phone: str
    number: str
    kind: str                              # "sale" | "sale-return"
    at: dt.datetime
    cashier: str
    customer: str | None
    lines: list[ReceiptLine]
    total: int                             # fen, signed
    payments: list[tuple[str, int]]        # (method, fen signed)
    ref_number: str | None = None          # the sale a return answers
    cancelled: bool = False                # cancelled since (reprints say so)


def find_receipt_document(conn: Connection, number: str):
    """The sale or return numbered number (trimmed; any letter case)."""
    wanted = (number or "").strip()
    if not wanted:
        raise BooksError("a document number is needed")
    # Numbers the books make are upper-case ASCII; looking up these forms keeps
    # to the unique index (no scan of the documents).
    forms = sorted({wanted, wanted.upper(), wanted.lower()})
    rows = conn.execute(select(documents).where(documents.c.number.in_(forms))).all()
    row = next((r for r in rows if r.number == wanted), rows[0] if rows else None)
    if row is None:
        raise NotFound(f"no sale or return numbered '{wanted}'")
    if row.kind not in RECEIPT_KINDS:
        raise BooksError(f"{row.number} is a {row.kind.replace('-', ' ')}: only sales and "
                         "returns have receipts")
    if row.reverses_id is not None:
        raise BooksError(f"{row.number} is the reversal of a cancelled document: it has no receipt")
    if row.posted_at is None:
        raise BooksError(f"{row.number} is {row.status}, not posted: it has no receipt")
    return row


def receipt_data(conn: Connection, number: str) -> Receipt:
    try:
        doc = find_receipt_document(conn, number)
    except NotFound:                 # not live: perhaps archived (db.archive)
        from db import archive
        return archive.receipt_data(conn, number)
    sign = -1 if doc.kind == "sale-return" else 1
    lines = [ReceiptLine(r.name, sign * r.qty, r.unit, r.price, sign * r.amount)
             for r in conn.execute(
                 select(products.c.name, products.c.unit, document_lines.c.qty,
                        document_lines.c.price, document_lines.c.amount)
                 .join(products, products.c.id == document_lines.c.product_id)
                 .where(document_lines.c.document_id == doc.id)
                 .order_by(document_lines.c.line_no))]
    payments = [(r.method, r.amount) for r in conn.execute(
        select(document_payments.c.method, document_payments.c.amount)
        .where(document_payments.c.document_id == doc.id).order_by(document_payments.c.id))]
    if sign < 0:   # returns store refunds as negative payments already; keep them so
        payments = [(m, -abs(a)) for m, a in payments]
    cashier = conn.execute(select(users.c.name).where(users.c.id == doc.user_id)).scalar() or ""
    customer = None
    if doc.customer_id is not None:
        customer = conn.execute(select(customers.c.name)
                                .where(customers.c.id == doc.customer_id)).scalar()
    ref_number = None
    if doc.ref_id is not None:
        ref_number = conn.execute(select(documents.c.number)
                                  .where(documents.c.id == doc.ref_id)).scalar()
    return Receipt(
        shop_name=get_setting(conn, "shop_name") or "",
        shop_address=get_setting(conn, "shop_address") or "",
        shop_phone=get_setting(conn, "shop_phone") or "",
        number=doc.number, kind=doc.kind, at=doc.posted_at, cashier=cashier, customer=customer,
        lines=lines, total=sign * doc.total, payments=payments, ref_number=ref_number,
        cancelled=doc.status == "cancelled")
