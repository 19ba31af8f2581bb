"""The rows of the books as db.seed writes them: column orders, and the
primitives that number documents, chain the audit log and buffer rows exactly
as db.posting and db.audit would write them (db.seed_sim drives them)."""
from __future__ import annotations

import datetime as dt
from typing import Callable

from db.audit import dump_detail, row_hash
from db.schema import (DOC_KINDS, account_ledger, audit_log, barcodes, batches, customers,
                       document_lines, document_payments, documents, products, stock,
                       stock_ledger, suppliers)

DOC_COLS = ("id", "kind", "number", "status", "client_id", "customer_id", "supplier_id", "payment",
            "total", "ref_id", "reverses_id", "user_id", "doc_date", "created_at", "posted_at",
            "cancelled_at", "urgent", "note")
LINE_COLS = ("id", "document_id", "line_no", "product_id", "batch_id", "qty", "price", "amount",
             "cost", "expected", "ref_line_id")
PAY_COLS = ("id", "document_id", "method", "amount")
LEDGER_COLS = ("id", "document_id", "line_no", "product_id", "batch_id", "qty", "unit_cost",
               "value", "flag", "user_id", "created_at")
ACCOUNT_COLS = ("id", "document_id", "customer_id", "supplier_id", "amount", "user_id", "created_at")
AUDIT_COLS = ("id", "seq", "at", "user_id", "user_name", "action", "entity", "entity_id", "detail",
              "prev_hash", "hash")
BATCH_COLS = ("id", "product_id", "batch_no", "expiry", "qty")
BIG_TABLES = (documents, document_lines, document_payments, stock_ledger, account_ledger, audit_log)
TABLES = {t.name: t for t in (*BIG_TABLES, products, barcodes, customers, suppliers, batches, stock)}


class RowWriter:
    """Numbering, the audit chain and row buffers for a simulated history."""

    def __init__(self, plan: dict, emit: Callable[[tuple], None]):
        self.emit = emit
        self.actor = plan["actor"]
        self.ids = dict(plan["ids"])
        self.seq, self.hash = plan["seq"], plan["hash"]
        self.counters: dict[tuple[str, str], int] = {}
        self.buf = {t.name: [] for t in BIG_TABLES}
        self.new_batches: list[tuple] = []
        self.cust_bal: dict[int, int] = {}
        self.sup_bal: dict[int, int] = {}

    def _set_day(self, day: dt.date) -> None:
        self.day, self.daykey, self.day_s = day, day.strftime("%Y%m%d"), day.isoformat()
        self._y, self._m, self._d = day.year, day.month, day.day

    def _ts(self, micro: int) -> tuple[dt.datetime, str]:
        """The moment `micro` microseconds into the current day, and its stored text
        (SQLAlchemy's SQLite DateTime form, which PostgreSQL's COPY reads too)."""
        h, r = divmod(micro, 3_600_000_000)
        mi, r = divmod(r, 60_000_000)
        sec, us = divmod(r, 1_000_000)
        return (dt.datetime(self._y, self._m, self._d, h, mi, sec, us),
                f"{self.day_s} {h:02d}:{mi:02d}:{sec:02d}.{us:06d}")

    def _number(self, kind: str, daykey: str) -> str:
        n = self.counters.get((kind, daykey), 0) + 1
        self.counters[(kind, daykey)] = n
        return f"{DOC_KINDS[kind]}{daykey}-{n:04d}"

    def _audit(self, at: dt.datetime, at_s: str, action: str, entity: str, entity_id: str,
               detail: dict | None, detail_text: str | None = None) -> None:
        self.seq += 1
        a = self.actor
        d = detail_text if detail_text is not None else dump_detail(detail)
        h = row_hash(self.seq, at, a.id, a.name, action, entity, entity_id, d, self.hash)
        self.buf["audit_log"].append((self.ids["audit_log"], self.seq, at_s, a.id, a.name, action,
                                      entity, entity_id, d, self.hash, h))
        self.ids["audit_log"] += 1
        self.hash = h

    def _doc(self, kind: str, number: str, day_s: str, at_s: str, *, status="posted",
             customer_id=None, supplier_id=None, payment=None, total=0, ref_id=None,
             reverses_id=None, cancelled_at=None, note="") -> int:
        doc_id = self.ids["documents"]
        self.ids["documents"] = doc_id + 1
        self.buf["documents"].append((doc_id, kind, number, status, None, customer_id, supplier_id,
                                      payment, total, ref_id, reverses_id, self.actor.id, day_s,
                                      at_s, at_s, cancelled_at, False, note))
        return doc_id

    def _account(self, doc_id: int, party: str, pid: int, amount: int, at_s: str) -> None:
        self.buf["account_ledger"].append((self.ids["account_ledger"], doc_id,
                                           pid if party == "customer" else None,
                                           pid if party == "supplier" else None,
                                           amount, self.actor.id, at_s))
        self.ids["account_ledger"] += 1
        bal = self.cust_bal if party == "customer" else self.sup_bal
        bal[pid] = bal.get(pid, 0) + amount

    def _pay(self, doc_id: int, method: str, amount: int) -> None:
        self.buf["document_payments"].append((self.ids["document_payments"], doc_id, method, amount))
        self.ids["document_payments"] += 1

    def flush(self) -> None:
        if self.new_batches:
            self.emit(("rows", "batches", BATCH_COLS, self.new_batches))
            self.new_batches = []
        for t, cols in ((documents, DOC_COLS), (document_lines, LINE_COLS),
                        (document_payments, PAY_COLS), (stock_ledger, LEDGER_COLS),
                        (account_ledger, ACCOUNT_COLS), (audit_log, AUDIT_COLS)):
            rows = self.buf[t.name]
            if rows:
                self.emit(("rows", t.name, cols, rows))   # the receiver owns the list now
                self.buf[t.name] = []
