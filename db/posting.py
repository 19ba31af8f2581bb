"""Posting: the only code that changes stock and balances.

A posting is one transaction that
  1. locks the stock rows of the products it moves, in product-id order
     (SELECT ... FOR UPDATE on PostgreSQL; SQLite's BEGIN IMMEDIATE already
     holds the database's write lock),
  2. prices every outgoing movement at moving weighted average cost and
     writes the on-hand cache with a conditional UPDATE checked by rowcount,
  3. updates customer and supplier balances (locked in id order),
  4. refuses a document dated in the closed books (db.periods: the setting
     read once, here), takes the document's number from its per-kind,
     per-day counter,
  5. inserts the document, its lines, the stock ledger and account ledger
     rows, and finally appends to the audit chain (the one global lock,
     taken last and held only to the commit).
Every transaction takes its locks in that same order, so postings cannot
deadlock one another; PostgreSQL's serialization failures and deadlocks (a
cancel racing a sale, say) are retried whole. A client-made id makes a
retried posting return the first one's result instead of posting twice.
"""
from __future__ import annotations

import datetime as dt
import random
import time
from dataclasses import dataclass, field
from contextlib import contextmanager
from typing import Callable, Iterator, TypeVar

from sqlalchemy import Connection, Engine, bindparam, delete, func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DBAPIError, IntegrityError

from db import audit, clock, periods
from db.engine import write_transaction
from db import fastsql
from db.fastsql import FastIn, FastStatement
from db.errors import BooksError, InsufficientStock, NotFound
from db.masters import get_setting
from db.money import cost_share, money_str, qty_str, round_div, unit_cost
from db.schema import (DOC_KINDS, account_ledger, audit_head, audit_log, barcodes, batches,
                       customers, doc_counters, document_lines, document_payments, documents,
                       products, settings, stock, stock_ledger, suppliers)

T = TypeVar("T")
NEGATIVE_FLAG = "negative-stock"
ALLOW_NEGATIVE_KEY = "allow_negative_stock"


@dataclass(frozen=True)
class Product:
    id: int
    sku: str
    name: str
    price: int
    batch_tracked: bool


@dataclass
class Move:
    """One movement of stock. value=None: out at moving average cost."""
    product: Product
    qty: int                      # signed milli-units
    line_no: int
    value: int | None = None      # signed fen; fixed for receipts and reversals
    batch_id: int | None = None
    sets_last_cost: bool = False  # a receipt sets the product's last cost
    flag: str | None = None       # filled in: 'negative-stock' where allowed


@dataclass
class Posted:
    id: int
    number: str
    kind: str
    total: int
    status: str = "posted"
    replay: bool = False          # True: this client id had already posted
    extra: dict = field(default_factory=dict)


# ---------------------------------------------------------------- retries

def _sqlstate(exc: DBAPIError) -> str | None:
    orig = getattr(exc, "orig", None)
    return getattr(orig, "sqlstate", None)


def _retryable(exc: DBAPIError) -> bool:
    state = _sqlstate(exc)
    if state in ("40001", "40P01"):  # serialization failure, deadlock detected
        return True
    return "database is locked" in str(getattr(exc, "orig", exc))


def run_posting(engine: Engine, work: Callable[[Connection], T], *,
                client_id: str | None = None, attempts: int = 8) -> T | Posted:
    """Runs `work` in one write transaction, retrying conflicts with back-off.

    With a client id, a posting that already happened (a double click, a
    retry after a lost connection) returns the stored result instead.
    """
    # On PostgreSQL the look-up is the transaction's first statement (one round trip
    # with its BEGIN); on SQLite it stays outside the write lock.
    inside = engine.dialect.name == "postgresql"
    if client_id and not inside:
        found = find_by_client_id(engine, client_id)
        if found:
            return found
    for attempt in range(attempts):
        try:
            with write_transaction(engine) as conn:
                if client_id and inside:
                    row = _BY_CLIENT_ID.execute(conn, {"cid": client_id}).fetchone()
                    if row is not None:
                        return Posted(*row, replay=True)
                return work(conn)
        except IntegrityError as exc:
            if client_id and "client_id" in str(exc.orig):
                found = find_by_client_id(engine, client_id)
                if found:
                    return found
            raise
        except DBAPIError as exc:
            if attempt + 1 < attempts and _retryable(exc):
                time.sleep(random.uniform(0, 0.002 * 2 ** attempt))
                continue
            raise
    raise AssertionError("unreachable")


def find_by_client_id(engine: Engine, client_id: str) -> Posted | None:
    with engine.connect() as conn:
        row = _BY_CLIENT_ID.execute(conn, {"cid": client_id}).fetchone()
    if row is None:
        return None
    return Posted(*row, replay=True)   # id, number, kind, total, status


# ---------------------------------------------------------------- lookups

def resolve_products(conn: Connection, codes: list[str]) -> dict[str, Product]:
    """SKU or barcode -> product, for every code; names the first unknown one."""
    wanted = sorted({c.strip() for c in codes})
    found: dict[str, Product] = {}
    for pid, sku, name, price, tracked in _BY_SKU.execute(conn, wanted).fetchall():
        found[sku] = Product(pid, sku, name, price, bool(tracked))
    rest = [c for c in wanted if c not in found]
    if rest:
        for code, pid, sku, name, price, tracked in _BY_BARCODE.execute(conn, rest).fetchall():
            found[code] = Product(pid, sku, name, price, bool(tracked))
    for c in codes:
        if c.strip() not in found:
            raise NotFound(f"no product with SKU or barcode '{c.strip()}'")
    return {c: found[c.strip()] for c in codes}


def get_document(conn: Connection, number: str, kind: str | None = None):
    row = conn.execute(select(documents).where(documents.c.number == number.strip())).first()
    if row is None or (kind and row.kind != kind):
        what = kind.replace("-", " ") if kind else "document"
        raise NotFound(f"no {what} numbered '{number.strip()}'")
    return row


def allow_negative(conn: Connection) -> bool:
    return get_setting(conn, ALLOW_NEGATIVE_KEY, "0") == "1"


# ---------------------------------------------------------------- stock

def apply_moves(conn: Connection, moves: list[Move], *, sell_on: dt.date | None = None) -> None:
    """Prices outgoing moves, allocates batches and writes the on-hand cache.

    Fills in move.value (and batch_id and flag) for each move; refuses stock
    below zero unless the shop allows it, and then flags the move.

    sell_on: the moves are a sale on that day. An outgoing move of a batch-tracked
    product without a batch then takes first-expiry-first-out from the batches that
    have not expired by that day (expiry on or after it); batches that expired
    before it are never sold, not even where the shop allows negative stock (see
    _apply_batches). Without it (adjustments, supplier returns, stocktakes) expired
    batches move like any other: that is how expired goods leave the shelf.
    """
    if not moves:
        return
    ids = sorted({m.product.id for m in moves})
    rows = _LOCK_STOCK.execute(conn, ids).fetchall()   # FOR UPDATE, in product-id order
    state = {pid: [q, v, lc] for pid, q, v, lc in rows}
    before = {pid: list(v) for pid, v in state.items()}
    negative_ok: bool | None = None
    batch_moves: list[Move] = []
    for m in moves:
        s = state[m.product.id]
        if m.qty < 0:
            out = -m.qty
            if s[0] < out:
                if negative_ok is None:
                    negative_ok = allow_negative(conn)
                if not negative_ok:
                    if sell_on is not None and m.product.batch_tracked and m.batch_id is None:
                        _refuse_if_expired(conn, m, sell_on)   # names the expired batches
                    raise InsufficientStock(m.product.sku, qty_str(out), qty_str(s[0]))
                m.flag = NEGATIVE_FLAG
            if m.value is not None and m.flag is None:
                _check_fixed_outflow(m, s[0] - out, s[1] + m.value)
            if m.value is None:
                if s[0] >= out and s[0] > 0:
                    m.value = -cost_share(s[1], s[0], out)
                elif s[0] > 0:  # into negative: extrapolate today's average
                    m.value = -round_div(s[1] * out, s[0])
                else:
                    m.value = -round_div(s[2] * out, 1000)
        else:
            if m.value is None:  # in at today's average (or the last known cost)
                unit = unit_cost(s[1], s[0]) if s[0] > 0 else s[2]
                m.value = round_div(unit * m.qty, 1000)
            if m.sets_last_cost and m.qty > 0:
                s[2] = unit_cost(m.value, m.qty)
        s[0] += m.qty
        s[1] += m.value
        if m.product.batch_tracked:
            batch_moves.append(m)
    params = []
    for pid in ids:
        new, old = state[pid], before[pid]
        dq = new[0] - old[0]
        floor = 0 if min(new[0], 0) == 0 else new[0]  # conditional unless flagged negative
        params.append({"p": pid, "dq": dq, "dv": new[1] - old[1], "lc": new[2], "floor": floor})
    # conditional on the quantity, checked by rowcount before the commit (db.fastsql)
    _UPDATE_STOCK.defer(conn, many=params, rowcount=len(params),
                        error="stock changed while posting; please try again")
    if batch_moves:
        _apply_batches(conn, batch_moves, moves, sell_on)


def _check_fixed_outflow(m: Move, qty_after: int, value_after: int) -> None:
    """Goods taken out at a fixed value (a receipt's reversal) may not leave the
    rest worth less than nothing, nor leave value behind on no stock."""
    if value_after < 0 or (qty_after == 0 and value_after != 0):
        raise BooksError(
            f"taking {qty_str(-m.qty)} of {m.product.sku} out at {money_str(-m.value)} would leave "
            f"{qty_str(qty_after)} worth {money_str(value_after)}; the stock's average cost has "
            "moved since: post a purchase return instead, which takes goods out at today's average")


def _batches_in_stock(conn: Connection, m: Move, sell_on: dt.date | None) -> tuple[list, list]:
    """The product's batches with stock, first expiry first (no expiry last): those
    that may go out, and those expired before sell_on (none without sell_on)."""
    rows = conn.execute(select(batches.c.id, batches.c.batch_no, batches.c.expiry, batches.c.qty)
                        .where(batches.c.product_id == m.product.id, batches.c.qty > 0)
                        .order_by(batches.c.expiry.is_(None), batches.c.expiry,
                                  batches.c.id)).all()
    if sell_on is None:
        return rows, []
    expired = [b for b in rows if b.expiry is not None and b.expiry < sell_on]
    return [b for b in rows if b.expiry is None or b.expiry >= sell_on], expired


def _expired_refusal(m: Move, sellable: int, expired: list) -> InsufficientStock:
    """Not enough stock that may be sold: the expired batches named, with what they hold."""
    named = "; ".join(f"batch {b.batch_no} (expired {b.expiry.isoformat()}, {qty_str(b.qty)} "
                      "on hand)" for b in expired)
    if sellable <= 0:
        text = (f"cannot sell {qty_str(-m.qty)} of {m.product.sku}: the only stock left is "
                f"expired and cannot be sold: {named}")
    else:
        text = (f"not enough stock of {m.product.sku} that can be sold: wanted "
                f"{qty_str(-m.qty)}, {qty_str(sellable)} not expired; expired stock cannot be "
                f"sold: {named}")
    exc = InsufficientStock(m.product.sku, qty_str(-m.qty), qty_str(sellable))
    exc.message = text
    exc.args = (text,)
    return exc


def _refuse_if_expired(conn: Connection, m: Move, sell_on: dt.date) -> None:
    """A sale short of stock: the refusal names the expired batches, if any hold stock."""
    avail, expired = _batches_in_stock(conn, m, sell_on)
    if expired:
        raise _expired_refusal(m, sum(b.qty for b in avail), expired)


def _apply_batches(conn: Connection, batch_moves: list[Move], all_moves: list[Move],
                   sell_on: dt.date | None = None) -> None:
    """Batch quantities: first-expiry-first-out for outgoing moves without a batch.

    With sell_on (a sale), batches expired before that day are skipped. When the
    batches not expired cannot cover the move while expired ones hold stock, the
    move is refused naming the expired batches, unless the shop allows negative
    stock and some batch not expired is there to go below zero: then, as for any
    shortage, the last batch taken goes negative and the move is flagged. Expired
    stock is never sold."""
    for m in batch_moves:
        if m.batch_id is not None:
            res = conn.execute(update(batches).where(batches.c.id == m.batch_id,
                                                     batches.c.qty + m.qty >= 0)
                               .values(qty=batches.c.qty + m.qty))
            if res.rowcount != 1 and m.flag is None:
                raise InsufficientStock(m.product.sku, qty_str(-m.qty), "less in that batch")
            continue
        if m.qty >= 0:
            raise BooksError(f"product {m.product.sku} is tracked by batch: give the batch number")
        need = -m.qty
        avail, expired = _batches_in_stock(conn, m, sell_on)
        parts: list[tuple[int, int]] = []
        for b in avail:
            take = min(need, b.qty)
            parts.append((b.id, take))
            need -= take
            if need == 0:
                break
        if need and expired:   # short because what is left has expired: never sold
            if not parts or (m.flag is None and not allow_negative(conn)):
                raise _expired_refusal(m, -m.qty - need, expired)
            m.flag = NEGATIVE_FLAG    # allowed: a batch not expired goes below zero
        if need and not parts:
            raise InsufficientStock(m.product.sku, qty_str(-m.qty), "nothing in any batch")
        if need:
            parts[-1] = (parts[-1][0], parts[-1][1] + need)  # allowed negative: last batch
        # Split the move over its batches; the value is shared out exactly.
        total_qty, total_value = -m.qty, m.value
        i = next(k for k, x in enumerate(all_moves) if x is m)
        split: list[Move] = []
        left_qty, left_value = total_qty, total_value
        for bid, take in parts:
            v = left_value if take == left_qty else round_div(total_value * take, total_qty)
            split.append(Move(m.product, -take, m.line_no, v, bid, flag=m.flag))
            left_qty -= take
            left_value -= v
            conn.execute(update(batches).where(batches.c.id == bid)
                         .values(qty=batches.c.qty - take))
        all_moves[i:i + 1] = split


def ledger_unit_cost(value: int, qty: int) -> int:
    """Fen per unit of one movement, in or out, rounded (for reading only)."""
    return unit_cost(abs(value), abs(qty)) if qty else 0


def ledger_rows(moves: list[Move], doc_id: int, user_id: int | None, at: dt.datetime) -> list[dict]:
    return [{"document_id": doc_id, "line_no": m.line_no, "product_id": m.product.id,
             "batch_id": m.batch_id, "qty": m.qty,
             "unit_cost": ledger_unit_cost(m.value, m.qty),
             "value": m.value, "flag": m.flag, "user_id": user_id, "created_at": at}
            for m in moves]


# ---------------------------------------------------------------- accounts

def apply_accounts(conn: Connection, entries: list[tuple[str, int, int]]) -> None:
    """entries: (party 'customer'|'supplier', party id, signed amount); rows locked in order."""
    for party, pid, amount in sorted(entries, key=lambda e: (e[0], e[1])):
        _BALANCE[party].defer(conn, {"pid": pid, "amount": amount})


def account_rows(entries: list[tuple[str, int, int]], doc_id: int, user_id, at) -> list[dict]:
    return [{"document_id": doc_id,
             "customer_id": pid if party == "customer" else None,
             "supplier_id": pid if party == "supplier" else None,
             "amount": amount, "user_id": user_id, "created_at": at}
            for party, pid, amount in entries]


# ---------------------------------------------------------------- numbering

def next_number(conn: Connection, kind: str, day: dt.date) -> str:
    """XS20261125-0001: per kind, per day, gapless (the counter row is locked to commit)."""
    key = day.strftime("%Y%m%d")
    n = _NEXT_NUMBER.execute(conn, {"kind": kind, "day": key}).fetchone()[0]
    return f"{DOC_KINDS[kind]}{key}-{n:04d}"


@contextmanager
def posting_draft(conn: Connection, draft) -> Iterator[None]:
    """Within this block the kind's posting turns `draft` (a documents row) into
    the posted document, keeping its number, instead of inserting a new one."""
    conn.info["posting_draft"] = draft
    try:
        yield
    finally:
        conn.info.pop("posting_draft", None)


def _post_draft_row(conn: Connection, draft, kind: str, now: dt.datetime, values: dict) -> tuple[int, str]:
    if draft.kind != kind:
        raise BooksError(f"draft {draft.number} is a {draft.kind}, not a {kind}")
    values.pop("number", None)
    res = conn.execute(update(documents).where(documents.c.id == draft.id,
                                               documents.c.status == "draft")
                       .values(status="posted", posted_at=now, doc_date=now.date(), **values))
    if res.rowcount != 1:
        raise BooksError(f"draft {draft.number} was posted or discarded meanwhile")
    conn.execute(delete(document_lines).where(document_lines.c.document_id == draft.id))
    conn.execute(delete(document_payments).where(document_payments.c.document_id == draft.id))
    return draft.id, draft.number


def insert_document(conn: Connection, *, kind: str, user_id, number: str | None = None,
                    doc_date: dt.date | None = None, status: str = "posted",
                    cancels=None, **values) -> tuple[int, str]:
    """The document row, numbered. A posted one dated on or before the day the books
    are closed through (db.periods) is refused here, the one place every posting
    passes: so is a reversal (cancels: the documents row it cancels) of a document
    dated then. The setting is read once, before the counter and the audit head."""
    now = clock.now()
    draft = conn.info.pop("posting_draft", None)
    if draft is not None and status == "posted":
        periods.require_open(conn, now.date(), f"cannot post draft {draft.number}")
        return _post_draft_row(conn, draft, kind, now, values)
    doc_date = doc_date or now.date()
    period = None
    if status == "posted":
        period = ((min(cancels.doc_date, doc_date), f"cannot cancel {cancels.number}")
                  if cancels is not None else (doc_date, periods.posting_what(kind)))
    if conn.dialect.name == "postgresql":
        return _insert_document_pg(conn, now, kind, user_id, number, doc_date, status, values,
                                   period)
    if period is not None:
        _refuse_if_closed(_CLOSED_THROUGH.execute(conn, {"k": periods.KEY}), period)
    number = number or next_number(conn, kind, doc_date)
    row = dict(_DOC_DEFAULTS)
    row.update(values)
    row.update(kind=kind, number=number, status=status, user_id=user_id, doc_date=doc_date,
               created_at=now, posted_at=now if status == "posted" else None)
    if len(row) != len(_DOC_DEFAULTS):
        raise TypeError(f"documents has no column {sorted(set(row) - set(_DOC_DEFAULTS))}")
    doc_id = _INSERT_DOCUMENT.execute(conn, row).fetchone()[0]
    return doc_id, number


def _insert_document_pg(conn: Connection, now: dt.datetime, kind: str, user_id, number,
                        doc_date: dt.date, status: str, values: dict,
                        period: tuple[dt.date, str] | None) -> tuple[int, str]:
    """PostgreSQL, in one round trip: the closed day (period: the day to check and
    what it is), the number from its counter, the document's id from its sequence and
    the audit head, locked (the last lock of every posting, taken right after the
    counter; append_audit uses the row). The document row itself goes out with the
    posting's other rows at the commit."""
    key = doc_date.strftime("%Y%m%d")
    items = [(_CLOSED_THROUGH, {"k": periods.KEY})] if period else []
    items += [] if number else [(_NEXT_NUMBER, {"kind": kind, "day": key})]
    items += [(_NEXT_DOCUMENT_ID, None), (_AUDIT_HEAD, None)]
    cursors = fastsql.together(conn, items)
    if period:
        _refuse_if_closed(cursors.pop(0), period)
    if not number:
        number = f"{DOC_KINDS[kind]}{key}-{cursors[0].fetchone()[0]:04d}"
    doc_id = cursors[-2].fetchone()[0]
    fastsql.remember(conn, audit_head.name, cursors[-1].fetchone())
    row = dict(_DOC_DEFAULTS)
    row.update(values)
    row.update(id=doc_id, kind=kind, number=number, status=status, user_id=user_id,
               doc_date=doc_date, created_at=now, posted_at=now if status == "posted" else None)
    if len(row) != len(_DOC_DEFAULTS) + 1:
        raise TypeError(f"documents has no column {sorted(set(row) - set(_DOC_DEFAULTS) - {'id'})}")
    _INSERT_DOCUMENT_WITH_ID.defer(conn, row)
    return doc_id, number


def _refuse_if_closed(cursor, period: tuple[dt.date, str]) -> None:
    """cursor: _CLOSED_THROUGH's; period: (the day, what is posted or cancelled)."""
    row = cursor.fetchone()
    periods.refuse_if_closed(periods.parse(row[0] if row else None), *period)


def write_ledgers(conn: Connection, doc_id: int, user_id, moves: list[Move],
                  accounts: list[tuple[str, int, int]]) -> None:
    at = clock.now()
    if moves:
        _INSERT_LEDGER.defer(conn, many=ledger_rows(moves, doc_id, user_id, at))
    if accounts:
        _INSERT_ACCOUNT.defer(conn, many=account_rows(accounts, doc_id, user_id, at))


def insert_rows(conn: Connection, table, rows: list[dict]) -> None:
    """document_lines / document_payments rows (every column but id in each row)."""
    if rows:
        _INSERT_ROWS[table.name].defer(conn, many=rows)


def append_audit(conn: Connection, actor, action: str, entity: str, entity_id,
                 detail: dict | None = None) -> int:
    """db.audit.append on the fast path: the same row, the same chain (the head
    row locked, then the row and the new head written). Returns its seq."""
    head = fastsql.recall(conn, audit_head.name)   # locked by insert_document (PostgreSQL)
    seq, prev = head if head is not None else _AUDIT_HEAD.execute(conn).fetchone()
    row = audit.chained_row(seq, prev, actor, action, entity, entity_id, detail)
    _INSERT_AUDIT.defer(conn, row)
    _MOVE_AUDIT_HEAD.defer(conn, {"s": row["seq"], "h": row["hash"]})
    return row["seq"]


# ---------------------------------------------------------------- hot-path statements
# Core statements compiled once per dialect and run on the DBAPI cursor (db.fastsql).

def _in(col, n: int):
    return col.in_([bindparam(f"v{i}") for i in range(n)])


def _inserter(table, returning=None):
    stmt = table.insert().values({c.name: bindparam(c.name) for c in table.c if c.name != "id"})
    return stmt.returning(returning) if returning is not None else stmt.inline()


def _counter_upsert(dialect: str):
    ins = (postgresql.insert if dialect == "postgresql" else sqlite.insert)(doc_counters)
    return (ins.values(kind=bindparam("kind"), day=bindparam("day"), last=1)
            .on_conflict_do_update(index_elements=["kind", "day"],
                                   set_={"last": doc_counters.c.last + 1})
            .returning(doc_counters.c.last))


_PRODUCT_COLS = (products.c.id, products.c.sku, products.c.name, products.c.price,
                 products.c.batch_tracked)
_BY_CLIENT_ID = FastStatement(lambda: select(
    documents.c.id, documents.c.number, documents.c.kind, documents.c.total, documents.c.status)
    .where(documents.c.client_id == bindparam("cid")))
_BY_SKU = FastIn(lambda n: select(*_PRODUCT_COLS).where(_in(products.c.sku, n)))
_BY_BARCODE = FastIn(lambda n: select(barcodes.c.code, *_PRODUCT_COLS).join(products)
                     .where(_in(barcodes.c.code, n)))
_LOCK_STOCK = FastIn(lambda n: select(stock.c.product_id, stock.c.qty, stock.c.value,
                                      stock.c.last_cost)
                     .where(_in(stock.c.product_id, n))
                     .order_by(stock.c.product_id).with_for_update())
_UPDATE_STOCK = FastStatement(lambda: update(stock).where(
    stock.c.product_id == bindparam("p"), stock.c.qty + bindparam("dq") >= bindparam("floor"))
    .values(qty=stock.c.qty + bindparam("dq"), value=stock.c.value + bindparam("dv"),
            last_cost=bindparam("lc")))
_BALANCE = {party: FastStatement(lambda t=table: update(t).where(t.c.id == bindparam("pid"))
                                 .values(balance=t.c.balance + bindparam("amount")))
            for party, table in (("customer", customers), ("supplier", suppliers))}
_NEXT_NUMBER = FastStatement(_counter_upsert, per_dialect=True)
_CLOSED_THROUGH = FastStatement(lambda: select(settings.c.value)
                                .where(settings.c.key == bindparam("k")))
_DOC_DEFAULTS = {c.name: (c.default.arg if c.default is not None and not callable(c.default.arg)
                          else None) for c in documents.c if c.name != "id"}
_INSERT_DOCUMENT = FastStatement(lambda: _inserter(documents, documents.c.id))
_INSERT_DOCUMENT_WITH_ID = FastStatement(lambda: documents.insert().values(
    {c.name: bindparam(c.name) for c in documents.c}).inline())
_NEXT_DOCUMENT_ID = FastStatement(lambda: select(func.nextval(
    func.pg_get_serial_sequence(documents.name, documents.c.id.name))))
_INSERT_LEDGER = FastStatement(lambda: _inserter(stock_ledger))
_INSERT_ACCOUNT = FastStatement(lambda: _inserter(account_ledger))
_INSERT_ROWS = {t.name: FastStatement(lambda t=t: _inserter(t))
                for t in (document_lines, document_payments)}
_AUDIT_HEAD = FastStatement(lambda: select(audit_head.c.seq, audit_head.c.hash)
                            .where(audit_head.c.id == 1).with_for_update())
_INSERT_AUDIT = FastStatement(lambda: _inserter(audit_log))
_MOVE_AUDIT_HEAD = FastStatement(lambda: update(audit_head).where(audit_head.c.id == 1)
                                 .values(seq=bindparam("s"), hash=bindparam("h")))
