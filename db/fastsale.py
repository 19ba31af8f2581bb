"""The common sale on PostgreSQL: one round trip, locks released before the disk wait.

Every sale of a hot product queues on three rows: the product's stock row,
the day's number counter and the audit head, and whatever a sale does
between taking the first and committing is the shop's ceiling. Here a sale
is one call of sk_fast_sale (migration 0002) run in autocommit: the server
looks up the client id, the customer and the products, writes the rows no
other sale needs (the document under a placeholder number, its lines,
payment and account entry), and only then locks the stock rows (in
product-id order), prices the goods at the moving average, takes the number
and chains the audit row, and commits. Python's part -- and every round
trip -- happens before any lock is taken.

The commit does not hold those rows while the WAL goes to disk: the sale
commits with synchronous_commit off, which releases its locks at once, and
the same round trip then commits a one-record transaction the ordinary way.
The WAL is one sequence, so that flush makes the sale durable too, and
post_sale returns only after it: a sale the caller is told about survives a
crash, exactly as with a synchronous commit; the next sale of the same
product need not wait for this one's disk write. (Early lock release: see
docs/books.md.)

It posts the sales db.documents.sale would post the same way: every product
once, none tracked by batch, positive quantities, prices not below zero.
For anything else the function answers 'declined' having written nothing,
and a sale the stock cannot cover raises SQLSTATE SK001, which rolls the
statement back; either way the caller posts the sale the ordinary way
(db.books), which gives the proper error, or flags the movement where the
shop allows negative stock. A client id seen before returns the first
result and writes nothing; serialization failures and deadlocks are retried.
A sale dated in the closed books (db.periods) is declined too, for the
ordinary posting to refuse.
"""
from __future__ import annotations

import random
import time

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

from db import clock, periods
from db.audit import Actor
from db.posting import Posted, find_by_client_id
from db.schema import DOC_KINDS, PAYMENT_METHODS

DECLINED = "SK001"          # sk_fast_sale: not enough stock (or no stock row): post the slow way
_RETRY = ("40001", "40P01")  # serialization failure, deadlock detected
_NO_FUNCTION = "42883"      # undefined function: a database not upgraded yet

# The codes go in only while the sale's day is open (db.periods): on a closed day the
# function is handed one code that is no product's (NULL), so it declines having
# written nothing and db.books posts the sale the ordinary way, which refuses it by
# name. The setting is read inside the sale's own transaction (a close waits for it).
_OPEN_CODES = (f"CASE WHEN (SELECT value FROM settings WHERE key = '{periods.KEY}') >= %s::text "
               "THEN ARRAY[NULL]::text[] ELSE %s::text[] END")
_CALL = ("SELECT outcome, doc_id, doc_number, doc_kind, doc_total, doc_status "
         "FROM sk_fast_sale(%s::text, %s::integer, %s::text, %s::text, %s::text, %s::date, "
         "%s::text, %s::text, %s::text, " + _OPEN_CODES + ", %s::bigint[], %s::bigint[])")
# One simple-protocol round trip, three transactions' worth of work: the sale
# commits without waiting for the disk (its locks go at once), then a
# transaction that writes one WAL record commits the ordinary way, which
# flushes the WAL up to and past the sale's commit record. Only then does the
# caller hear "posted". See "Early lock release" in docs/books.md.
_SCRIPT = ("BEGIN; SET LOCAL synchronous_commit TO off; " + _CALL
           + "; COMMIT; SELECT pg_logical_emit_message(true, 'storekeeper', 'posted')")


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
    now = clock.now()
    day = doc_date or now.date()
    key = day.strftime("%Y%m%d")
    params = (client_id, actor.id, actor.name, " ".join(customer.split()) if customer else None,
              payment, day, key, DOC_KINDS["sale"], now.isoformat(sep=" "), day.isoformat(),
              [l.code.strip() for l in lines], [l.qty for l in lines], [l.price for l in lines])
    import psycopg  # PostgreSQL only: not loaded (~0.1 s) by a till on SQLite
    with engine.connect() as conn:
        raw = conn.connection.driver_connection
        raw.autocommit = True          # the script carries its own BEGIN and COMMIT
        try:
            with psycopg.ClientCursor(raw) as cur:
                cur.execute(_SCRIPT, params)   # returns once the flush has committed
                while cur.description is None or cur.description[0].name != "outcome":
                    if not cur.nextset():
                        raise AssertionError("sk_fast_sale returned no row")
                outcome, *row = cur.fetchone()
        except BaseException:
            # An error inside the sale leaves its transaction block aborted.
            if raw.info.transaction_status != psycopg.pq.TransactionStatus.IDLE and not raw.closed:
                raw.execute("ROLLBACK")
            raise
        finally:
            raw.autocommit = False
    if outcome == "declined":
        return None
    if outcome == "replay":
        return Posted(*row, replay=True)
    return Posted(*row)
