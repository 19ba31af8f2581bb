"""A batch recall (issue 9): where one batch of a product came from and who bought it.

    recall(conn, sku, batch_no) -> {
        "sku", "name", "unit", "batch", "expiry" (date or None), "expired" (bool),
        "on_hand" (the batch's quantity now),
        "received" (qty received on purchase receipts), "receipts": [{"number", "date",
            "at", "supplier", "qty"}], and of the first receipt: "supplier", "receipt",
            "received_on" ("" / None when the batch came in some other way),
        "sold" (net of returns, over every sale),
        "sales": [{"number", "date", "at", "customer" ("" for a walk-in), "cashier",
                   "sold", "returned", "qty" (sold less returned)}],
    }

Read off stock_ledger rows carrying the batch's id: a sale that took goods
first-expiry-first-out from several batches has a ledger row for each, and a
return puts goods back into the batch they came from (db.documents.sale_return),
so each sale's quantity is what it took from this batch less what came back to
it. Cancelled documents and their reversals are left out; a sale fully
returned stays listed with 0. Quantities are thousandths (ints); documents
moved to the archive (db.archive) are no longer in the live ledger and so not
listed.
"""
from __future__ import annotations

from sqlalchemy import Connection, select

from db import clock
from db.errors import BooksError, NotFound
from db.schema import (batches, customers, documents, int_sum, products, stock_ledger,
                       suppliers, users)

L, D = stock_ledger.c, documents.c


def find_batch(conn: Connection, sku: str, batch_no: str):
    """(product row, batch row) for a SKU and a batch number as typed; BooksError
    naming whichever is missing or unknown."""
    code, wanted = (sku or "").strip(), (batch_no or "").strip()
    if not code:
        raise BooksError("a product's SKU is needed")
    if not wanted:
        raise BooksError(f"a batch number of {code} is needed")
    p = conn.execute(select(products.c.id, products.c.sku, products.c.name, products.c.unit,
                            products.c.batch_tracked)
                     .where(products.c.sku == code)).first()
    if p is None:
        raise NotFound(f"no product with SKU '{code}'")
    b = conn.execute(select(batches.c.id, batches.c.batch_no, batches.c.expiry, batches.c.qty)
                     .where(batches.c.product_id == p.id, batches.c.batch_no == wanted)).first()
    if b is None:
        if not p.batch_tracked:
            raise NotFound(f"{p.sku} is not tracked by batch: it has no batch '{wanted}'")
        raise NotFound(f"{p.sku} has no batch '{wanted}'")
    return p, b


def _live(kind: str):
    """Documents of a kind as they stand: posted, not cancelled, not a reversal."""
    return (D.kind == kind, D.status == "posted", D.reverses_id.is_(None))


def recall(conn: Connection, sku: str, batch_no: str) -> dict:
    p, b = find_batch(conn, sku, batch_no)
    receipts = [{"number": r.number, "date": r.doc_date, "at": r.posted_at,
                 "supplier": r.supplier or "", "qty": int(r.qty)}
                for r in conn.execute(
                    select(D.number, D.doc_date, D.posted_at, suppliers.c.name.label("supplier"),
                           int_sum(L.qty).label("qty"))
                    .select_from(stock_ledger.join(documents, D.id == L.document_id)
                                 .outerjoin(suppliers, suppliers.c.id == D.supplier_id))
                    .where(L.batch_id == b.id, *_live("purchase-receipt"))
                    .group_by(D.id, D.number, D.doc_date, D.posted_at, suppliers.c.name)
                    .order_by(D.doc_date, D.id))]
    sold = conn.execute(
        select(D.id, D.number, D.doc_date, D.posted_at, customers.c.name.label("customer"),
               users.c.name.label("cashier"), int_sum(L.qty).label("qty"))
        .select_from(stock_ledger.join(documents, D.id == L.document_id)
                     .join(users, users.c.id == D.user_id)
                     .outerjoin(customers, customers.c.id == D.customer_id))
        .where(L.batch_id == b.id, *_live("sale"))
        .group_by(D.id, D.number, D.doc_date, D.posted_at, customers.c.name, users.c.name)
        .order_by(D.doc_date, D.id)).all()
    back = dict(conn.execute(
        select(D.ref_id, int_sum(L.qty))
        .select_from(stock_ledger.join(documents, D.id == L.document_id))
        .where(L.batch_id == b.id, D.ref_id.is_not(None), *_live("sale-return"))
        .group_by(D.ref_id)).all())
    sales = []
    for r in sold:
        out, returned = -int(r.qty), int(back.get(r.id) or 0)
        sales.append({"number": r.number, "date": r.doc_date, "at": r.posted_at,
                      "customer": r.customer or "", "cashier": r.cashier,
                      "sold": out, "returned": returned, "qty": out - returned})
    first = receipts[0] if receipts else None
    return {"sku": p.sku, "name": p.name, "unit": p.unit or "", "batch": b.batch_no,
            "expiry": b.expiry, "expired": b.expiry is not None and b.expiry < clock.today(),
            "on_hand": int(b.qty), "received": sum(r["qty"] for r in receipts),
            "receipts": receipts,
            "supplier": first["supplier"] if first else "",
            "receipt": first["number"] if first else "",
            "received_on": first["date"] if first else None,
            "sold": sum(s["qty"] for s in sales), "sales": sales}
