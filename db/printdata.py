"""What the office documents show, read from the books (no layout here: see
desktop.printing.documents).

* invoice_data: a sale or a sale return, for the sales invoice and the
  delivery note. Amounts are signed from the shop's side, as on the
  receipt: a return's quantities, line amounts, total and payments are
  negative.
* order_data: a purchase order with its supplier.
* count_sheet_data: the products to count, by category, with the quantity
  the books expect (left out of a blind sheet).

Money is integer fen and quantities integer thousandths (db.money).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Connection, select

from db import clock, orders
from db.documents import document_numbered
from db.errors import BooksError, NotFound
from db.masters import get_setting
from db.schema import (customers, document_lines, document_payments, documents, products,
                       stock, suppliers, users)

INVOICE_KINDS = ("sale", "sale-return")


@dataclass(frozen=True)
class ShopInfo:
    name: str
    address: str
    phone: str
    logo: str | None      # setting shop_logo: a base64 PNG or JPEG (the page checks it)


def shop_info(conn: Connection) -> ShopInfo:
    return ShopInfo(get_setting(conn, "shop_name") or "", get_setting(conn, "shop_address") or "",
                    get_setting(conn, "shop_phone") or "", get_setting(conn, "shop_logo") or None)


@dataclass(frozen=True)
class DocLine:
    sku: str
    name: str
    unit: str
    qty: int              # milli-units, signed
    price: int            # fen per unit
    amount: int           # fen, signed


@dataclass(frozen=True)
class InvoiceData:
    shop: ShopInfo
    kind: str                              # "sale" | "sale-return"
    number: str
    date: dt.date
    at: dt.datetime
    clerk: str
    customer: str | None
    customer_phone: str
    lines: list[DocLine]
    total: int                             # fen, signed
    payments: list[tuple[str, int]]        # (method, fen signed)
    ref_number: str | None                 # the sale a return answers
    cancelled: bool
    cancelled_at: dt.datetime | None
    note: str


@dataclass(frozen=True)
class OrderData:
    shop: ShopInfo
    order: orders.Order
    date: dt.date
    supplier_phone: str


@dataclass(frozen=True)
class CountLine:
    sku: str
    name: str
    unit: str
    expected: int | None  # milli-units on hand; None on a blind sheet


@dataclass(frozen=True)
class CountSheet:
    shop: ShopInfo
    date: dt.date
    category: str | None                   # None: every category
    blind: bool
    groups: list[tuple[str, list[CountLine]]]   # (category, its products by SKU)

    @property
    def count(self) -> int:
        return sum(len(lines) for _c, lines in self.groups)


def find_document(conn: Connection, number: str, kinds: tuple[str, ...], what: str):
    """The document numbered number (trimmed, any letter case) of one of kinds;
    what names them in messages ("sale or return")."""
    row = document_numbered(conn, number, what)
    if row.kind not in kinds:
        raise BooksError(f"{row.number} is a {row.kind.replace('-', ' ')}, not a {what}")
    return row


def invoice_data(conn: Connection, number: str) -> InvoiceData:
    """A posted sale or return (a cancelled one too: the page says so)."""
    try:
        doc = find_document(conn, number, INVOICE_KINDS, "sale or return")
    except NotFound:                 # not live: perhaps archived (db.archive)
        from db import archive
        return archive.invoice_data(conn, number)
    if doc.reverses_id is not None:
        original = conn.execute(select(documents.c.number)
                                .where(documents.c.id == doc.reverses_id)).scalar()
        raise BooksError(f"{doc.number} is the reversal of {original}: print {original} "
                         "(it says it is cancelled)")
    if doc.posted_at is None:
        raise BooksError(f"{doc.number} is {doc.status}, not posted: nothing to print")
    sign = -1 if doc.kind == "sale-return" else 1
    lines = [DocLine(r.sku, r.name, r.unit, sign * r.qty, r.price, sign * r.amount)
             for r in conn.execute(
                 select(products.c.sku, products.c.name, products.c.unit, document_lines.c.qty,
                        document_lines.c.price, document_lines.c.amount)
                 .join(products, products.c.id == document_lines.c.product_id)
                 .where(document_lines.c.document_id == doc.id)
                 .order_by(document_lines.c.line_no))]
    payments = [(r.method, -abs(r.amount) if sign < 0 else r.amount) for r in conn.execute(
        select(document_payments.c.method, document_payments.c.amount)
        .where(document_payments.c.document_id == doc.id).order_by(document_payments.c.id))]
    clerk = conn.execute(select(users.c.name).where(users.c.id == doc.user_id)).scalar() or ""
    customer, phone = None, ""
    if doc.customer_id is not None:
        c = conn.execute(select(customers.c.name, customers.c.phone)
                         .where(customers.c.id == doc.customer_id)).one()
        customer, phone = c.name, c.phone
    ref_number = None
    if doc.ref_id is not None:
        ref_number = conn.execute(select(documents.c.number)
                                  .where(documents.c.id == doc.ref_id)).scalar()
    return InvoiceData(shop_info(conn), doc.kind, doc.number, doc.doc_date, doc.posted_at, clerk,
                       customer, phone, lines, sign * doc.total, payments, ref_number,
                       doc.status == "cancelled", doc.cancelled_at, doc.note or "")


def order_data(conn: Connection, number: str) -> OrderData:
    doc = find_document(conn, number, ("purchase-order",), "purchase order")
    order = orders.detail(conn, doc.number)
    phone = conn.execute(select(suppliers.c.phone)
                         .where(suppliers.c.id == doc.supplier_id)).scalar() or ""
    return OrderData(shop_info(conn), order, doc.doc_date, phone)


def count_sheet_data(conn: Connection, *, category: str | None = None,
                     blind: bool = False, count_id: int | None = None) -> CountSheet:
    """Active products by category (then SKU); category: only that one
    (exact, trimmed); blind: without the quantities the books expect. count_id:
    the products of that stock count (db.counts; blind as the count is), titled
    with its name, to be typed in on its screen once counted."""
    q = (select(products.c.sku, products.c.name, products.c.unit, products.c.category,
                stock.c.qty)
         .outerjoin(stock, stock.c.product_id == products.c.id)
         .where(products.c.active.is_(True)))
    wanted = None
    if count_id is not None:
        from db.schema import stock_count_lines, stock_counts
        count = conn.execute(select(stock_counts.c.title, stock_counts.c.blind)
                             .where(stock_counts.c.id == count_id)).first()
        if count is None:
            raise NotFound(f"no stock count {count_id}")
        blind, category = bool(count.blind), None
        wanted = f"{count_id}: {count.title}"
        q = q.where(products.c.id.in_(select(stock_count_lines.c.product_id)
                                      .where(stock_count_lines.c.count_id == count_id)))
    if category is not None:
        wanted = " ".join(category.split())
        q = q.where(products.c.category == wanted)
    rows = sorted(conn.execute(q).all(), key=lambda r: (r.category, r.sku))
    if not rows:
        raise NotFound(f"no products in category '{wanted}'" if wanted is not None
                       else "there are no products to count")
    groups: list[tuple[str, list[CountLine]]] = []
    for r in rows:
        if not groups or groups[-1][0] != r.category:
            groups.append((r.category, []))
        groups[-1][1].append(CountLine(r.sku, r.name, r.unit,
                                       None if blind else int(r.qty or 0)))
    return CountSheet(shop_info(conn), clock.today(), wanted, blind, groups)
