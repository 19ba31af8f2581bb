"""A customer's or a supplier's statement for a period, from account_ledger
(no layout here: see desktop.printing.statements).

The balance is what the customer owes the shop (or the shop owes the
supplier). A statement from date_from to date_to (inclusive, by the
documents' dates) holds:

* the opening balance: every ledger entry dated before date_from;
* each document and payment of the period in date order (then in the order
  they were posted), its amount (+ owed more, - owed less) and the running
  balance after it;
* the closing balance, and its ageing as of date_to: the documents that
  built it up, 0-30 / 31-60 / 61-90 / over 90 days old. Credits settle the
  oldest charges first (first in, first out), except that a reversal
  settles the document it cancels and a return the sale it returns before
  anything older. A credit with nothing left to settle stays open as a
  negative item of its own date, so the buckets always add up to the
  closing balance.
"""
from __future__ import annotations

import datetime as dt
from collections import deque
from dataclasses import dataclass
from types import SimpleNamespace

from sqlalchemy import Connection, func, select

from db.errors import BooksError, NotFound
from db.printdata import ShopInfo, shop_info
from db.schema import account_ledger, customers, documents, suppliers

PARTIES = ("customer", "supplier")
AGEING = ("0-30", "31-60", "61-90", "90+")


@dataclass(frozen=True)
class StatementLine:
    date: dt.date
    number: str
    kind: str                  # the document's kind (sale, customer-payment, ...)
    method: str | None         # how a payment was made
    ref_number: str | None     # a reversal's original; a return's sale
    reversal: bool
    amount: int                # fen: + owed more, - owed less
    balance: int               # fen, after this line


@dataclass(frozen=True)
class Statement:
    shop: ShopInfo
    party: str                 # "customer" | "supplier"
    name: str
    phone: str
    date_from: dt.date
    date_to: dt.date
    opening: int
    lines: list[StatementLine]
    closing: int
    ageing: tuple[int, int, int, int]   # fen per AGEING bucket; adds up to closing

    @property
    def charges(self) -> int:
        """What the period added (the lines' positive amounts)."""
        return sum(l.amount for l in self.lines if l.amount > 0)

    @property
    def credits(self) -> int:
        """What the period took off, as a positive number."""
        return -sum(l.amount for l in self.lines if l.amount < 0)


def find_party(conn: Connection, party: str, name_or_id: str | int):
    """The customer or supplier row by name (spaces normalised) or, failing
    that, by id; NotFound naming what was asked for."""
    if party not in PARTIES:
        raise BooksError(f"a statement is of a customer or a supplier, not '{party}'")
    table = customers if party == "customer" else suppliers
    cols = (table.c.id, table.c.name, table.c.phone)
    text = " ".join(str(name_or_id if name_or_id is not None else "").split())
    if not text:
        raise BooksError(f"a {party} name is needed")
    row = conn.execute(select(*cols).where(table.c.name == text)).first()
    if row is None and text.isdigit() and len(text) < 10:
        row = conn.execute(select(*cols).where(table.c.id == int(text))).first()
    if row is None:
        raise NotFound(f"no {party} named '{text}'")
    return row


def _entries(conn: Connection, party: str, party_id: int, date_to: dt.date) -> list:
    """Every document that moved the party's balance up to date_to, one row
    each (its ledger amounts summed), in date order then posting order."""
    col = account_ledger.c.customer_id if party == "customer" else account_ledger.c.supplier_id
    ref = documents.alias("ref")
    q = (select(documents.c.id, documents.c.number, documents.c.kind, documents.c.doc_date,
                documents.c.payment, documents.c.reverses_id, documents.c.ref_id,
                ref.c.number.label("ref_number"),
                func.sum(account_ledger.c.amount).label("amount"),
                func.min(account_ledger.c.id).label("first"))
         .select_from(account_ledger)
         .join(documents, documents.c.id == account_ledger.c.document_id)
         .outerjoin(ref, ref.c.id == func.coalesce(documents.c.reverses_id, documents.c.ref_id))
         .where(col == party_id, documents.c.doc_date <= date_to)
         .group_by(documents.c.id, documents.c.number, documents.c.kind, documents.c.doc_date,
                   documents.c.payment, documents.c.reverses_id, documents.c.ref_id,
                   ref.c.number)
         .order_by(documents.c.doc_date, func.min(account_ledger.c.id)))
    return conn.execute(q).all()


def _archived(conn: Connection, party: str, party_id: int) -> list:
    """What the archived entries add up to (db.archive), as one entry dated the day
    before the archive's cut: all of it is older than anything still live."""
    from db import archive
    before = archive.archived_before(conn)
    amount = archive.account_opening(conn, party, party_id) if before else 0
    if not amount:
        return []
    return [SimpleNamespace(id=0, number="", kind="archived", doc_date=before - dt.timedelta(days=1),
                            payment=None, reverses_id=None, ref_id=None, ref_number=None,
                            amount=amount)]


def ageing(entries, as_of: dt.date) -> tuple[int, int, int, int]:
    """The open items left when credits settle charges (see the module's
    text), bucketed by their age in days on as_of. entries: rows with id,
    doc_date, amount, reverses_id, ref_id, kind, in date order."""
    items: deque[list] = deque()          # [date, fen left] oldest first: all + or all -
    by_doc: dict[int, list] = {}
    for e in entries:
        amount = int(e.amount)
        if amount == 0:
            continue
        if amount > 0:
            while items and items[0][1] < 0 and amount > 0:      # unapplied credit first
                take = min(amount, -items[0][1])
                items[0][1] += take
                amount -= take
                if items[0][1] == 0:
                    items.popleft()
            if amount > 0:
                item = [e.doc_date, amount]
                items.append(item)
                by_doc[e.id] = item
            continue
        credit = -amount
        target = by_doc.get(e.reverses_id if e.reverses_id is not None else
                            (e.ref_id if e.kind == "sale-return" else None))
        if target is not None and target[1] > 0:
            take = min(credit, target[1])
            target[1] -= take
            credit -= take
        while credit > 0 and items and items[0][1] >= 0:
            take = min(credit, items[0][1])
            items[0][1] -= take
            credit -= take
            if items[0][1] == 0:
                items.popleft()
        if credit > 0:
            items.append([e.doc_date, -credit])
    buckets = [0, 0, 0, 0]
    for date, fen in items:
        days = (as_of - date).days
        buckets[0 if days <= 30 else 1 if days <= 60 else 2 if days <= 90 else 3] += fen
    return tuple(buckets)


def statement(conn: Connection, party: str, name_or_id: str | int, date_from: dt.date,
              date_to: dt.date) -> Statement:
    """The statement of a customer or supplier (by name or id) for the period."""
    if date_from > date_to:
        raise BooksError(f"the statement's period starts {date_from}, after it ends {date_to}")
    row = find_party(conn, party, name_or_id)
    entries = _archived(conn, party, row.id) + list(_entries(conn, party, row.id, date_to))
    opening = sum(int(e.amount) for e in entries if e.doc_date < date_from)
    balance, lines = opening, []
    for e in entries:
        if e.doc_date < date_from:
            continue
        balance += int(e.amount)
        lines.append(StatementLine(e.doc_date, e.number, e.kind,
                                   e.payment if e.kind.endswith("-payment") else None,
                                   e.ref_number, e.reverses_id is not None, int(e.amount),
                                   balance))
    return Statement(shop_info(conn), party, row.name, row.phone or "", date_from, date_to,
                     opening, lines, balance, ageing(entries, date_to))
