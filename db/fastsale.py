"""The common sale on PostgreSQL, posted with one lock-holding round trip.

Every sale of a hot product queues on three rows: the product's stock row,
the day's number counter and the audit head. Whatever a sale does between
taking the first and committing is the shop's ceiling, so this path does
everything that depends on no locked row first, in Python and in one
pipelined round trip (the client id, the products, the customer), and then
sends one call of sk_fast_sale (migration 0002) together with the COMMIT:
the server locks, prices, numbers, chains the audit row and commits, and
the locks are held for that call and the commit's flush only.

It takes the sales db.documents.sale would post the same way without
asking anything more of the books: every product once, none tracked by
batch, every line a positive quantity at a price not below zero. Anything
else -- and a sale the stock cannot cover, which the function refuses with
SQLSTATE SK001 after rolling everything back -- returns None, and the
caller posts it the ordinary way (db.books), which gives the proper error
or flags the movement where the shop allows negative stock. A client id
seen before returns the first result and writes nothing; serialization
failures and deadlocks are retried whole.
"""
from __future__ import annotations

import random
import time

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

from db import audit, clock
from db.audit import Actor
from db.money import line_amount, money_str
from db.posting import Posted, find_by_client_id
from db.schema import DOC_KINDS, PAYMENT_METHODS

DECLINED = "SK001"          # sk_fast_sale: not enough stock (or no stock row): post the slow way
_RETRY = ("40001", "40P01")  # serialization failure, deadlock detected
_NO_FUNCTION = "42883"      # undefined function: a database not upgraded yet

_BY_CLIENT_ID = "SELECT id, number, kind, total, status FROM documents WHERE client_id = %s"
_BY_SKU = ("SELECT sku, id, price, batch_tracked FROM products "
           "WHERE sku = ANY(%s::varchar[])")
_BY_BARCODE = ("SELECT b.code, p.id, p.price, p.batch_tracked FROM barcodes b "
               "JOIN products p ON p.id = b.product_id WHERE b.code = ANY(%s::varchar[])")
_CUSTOMER = "SELECT id FROM customers WHERE name = %s"
_CALL = ("SELECT doc_id, doc_number FROM sk_fast_sale(%s::text, %s::integer, %s::text, "
         "%s::integer, %s::text, %s::bigint, %s::date, %s::text, %s::text, %s::text, %s::text, "
         "%s::integer[], %s::bigint[], %s::bigint[], %s::bigint[])")


class _Declined(Exception):
    pass


def post_sale(engine: Engine, actor: Actor, lines, *, customer: str | None = None,
              payment: str = "cash", client_id: str | None = None,
              doc_date=None, attempts: int = 8) -> Posted | None:
    """Posts the sale and returns it, or returns None: post it the ordinary way."""
    if (not lines or payment not in PAYMENT_METHODS or (payment == "account" and not customer)
            or any(l.qty <= 0 or (l.price is not None and l.price < 0) or l.batch
                   for l in lines)):
        return None
    for attempt in range(attempts):
        try:
            return _attempt(engine, actor, lines, customer, payment, client_id, doc_date)
        except _Declined:
            return None
        except engine.dialect.loaded_dbapi.Error as exc:
            state = getattr(exc, "sqlstate", None)
            if state == DECLINED or state == _NO_FUNCTION:
                return None
            if state in _RETRY and attempt + 1 < attempts:
                time.sleep(random.uniform(0, 0.002 * 2 ** attempt))
                continue
            if state == "23505" and client_id and "client_id" in str(exc):
                found = find_by_client_id(engine, client_id)
                if found:
                    return found
            raise DBAPIError.instance("sk_fast_sale", None, exc, engine.dialect.loaded_dbapi.Error,
                                      dialect=engine.dialect) from None
    raise AssertionError("unreachable")


def _attempt(engine: Engine, actor: Actor, lines, customer, payment, client_id, doc_date):
    with engine.connect() as conn:
        raw = conn.connection.driver_connection
        try:
            return _post(raw, actor, lines, customer, payment, client_id, doc_date)
        finally:
            if raw.info.transaction_status != 0:   # anything but idle: nothing is kept
                raw.rollback()


def _post(raw, actor: Actor, lines, customer, payment, client_id, doc_date) -> Posted:
    codes = sorted({l.code.strip() for l in lines})
    name = " ".join(customer.split()) if customer else None
    # Round trip 1 (the transaction's BEGIN with it): nothing is locked.
    with raw.pipeline():
        by_client = raw.execute(_BY_CLIENT_ID, (client_id,)) if client_id else None
        by_sku = raw.execute(_BY_SKU, (codes,))
        by_code = raw.execute(_BY_BARCODE, (codes,))
        by_name = raw.execute(_CUSTOMER, (name,)) if name else None
    if by_client is not None:
        row = by_client.fetchone()
        if row is not None:
            return Posted(*row, replay=True)
    found = {code: (pid, price, tracked) for code, pid, price, tracked in by_code.fetchall()}
    found.update({sku: (pid, price, tracked) for sku, pid, price, tracked in by_sku.fetchall()})
    cust_id = None
    if by_name is not None:
        row = by_name.fetchone()
        if row is None:
            raise _Declined()
        cust_id = row[0]
    pids, qtys, prices, amounts = [], [], [], []
    for l in lines:
        hit = found.get(l.code.strip())
        if hit is None or hit[2]:            # unknown, or tracked by batch
            raise _Declined()
        pid, list_price, _ = hit
        price = list_price if l.price is None else l.price
        pids.append(pid)
        qtys.append(l.qty)
        prices.append(price)
        amounts.append(line_amount(price, l.qty))
    if len(set(pids)) != len(pids):
        raise _Declined()
    total = sum(amounts)
    now = clock.now()
    day = doc_date or now.date()
    key = day.strftime("%Y%m%d")
    detail = audit.dump_detail({"total": money_str(total), "payment": payment,
                                "lines": len(lines)})
    # Round trip 2: the posting and its COMMIT; the locks live inside it.
    with raw.pipeline():
        cur = raw.execute(_CALL, (client_id, actor.id, actor.name, cust_id, payment, total, day,
                                  key, DOC_KINDS["sale"], now.isoformat(sep=" "), detail,
                                  pids, qtys, prices, amounts))
        raw.commit()
    doc_id, number = cur.fetchone()
    return Posted(doc_id, number, "sale", total)
