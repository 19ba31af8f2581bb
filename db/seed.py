"""A synthetic but plausible shop history, written in bulk (`main.py seed`).

The history is simulated day by day in Python under the same rules as real
posting (db.documents / db.posting): moving weighted average cost kept per
product exactly as apply_moves keeps it (db.money does every rounding),
first-expiry-first-out batches, numbers per kind and day as next_number
makes them, one audit row per document chained as db.audit.append chains
them. The rows are then appended in bulk (db.bulkload) in one transaction,
never one posting per document. Goods are received before they are sold,
so stock never goes below zero; the caches (stock, batches, balances,
doc_counters, audit_head) are left equal to their ledgers, so later real
postings simply continue.

Deterministic: the same arguments (and end date) give the same rows.
"""
from __future__ import annotations

import datetime as dt
import multiprocessing
import pickle
import queue
import threading
import time
import traceback
from typing import Callable

from sqlalchemy import Connection, Engine, func, select, text, update

from db import clock, rollups_upkeep
from db.audit import Actor
from db.bulkload import BulkLoader
from db.engine import write_transaction
from db.errors import BooksError
from db.lists import GRAM_TRIGGERS, rebuild_name_grams
from db.schema import audit_head, barcodes, batches, customers, documents, products, stock, suppliers
from db.seed_rows import BIG_TABLES, TABLES
from db.seed_sim import Simulation

SEPARATE_PROCESS_FROM = 200_000   # sales lines: above this the simulation gets its own process


def seed(engine: Engine, actor: Actor, *, products: int, customers: int, sales_lines: int,
         days: int, seed: int = 1, progress: Callable[[int, int], None] | None = None,
         end: dt.date | None = None, separate_process: bool | None = None) -> dict:
    """Fills a shop that has no documents yet with `days` days of history ending on
    `end` (default today). Returns counts of what was written.

    One transaction: all of it or nothing. The simulation runs in a child
    process for big histories (separate_process=None decides by size) while
    this process writes, so the two cores share the work.
    """
    if days < 1 or products < 0 or customers < 0 or sales_lines < 0:
        raise BooksError("seed: days must be at least 1 and the counts cannot be negative")
    if sales_lines and not products:
        raise BooksError("seed: sales need products (--products)")
    if separate_process is None:
        separate_process = sales_lines >= SEPARATE_PROCESS_FROM
    started = time.perf_counter()
    with write_transaction(engine, foreign_keys=False) as conn:
        plan = _starting_point(conn)
        plan.update(actor=actor, seed=seed, end=end or clock.today(), days=days,
                    products=products, customers=customers, sales_lines=sales_lines)
        writer = _Writer(conn, progress)
        if separate_process:
            _simulate_in_child(plan, writer.handle)
        else:
            Simulation(plan, writer.handle).run_all()
        summary = writer.summary
    from db import snapshots
    made = time.perf_counter()
    summary["snapshots"] = len(snapshots.catch_up(engine))   # stock as of any day, at once
    summary["snapshots_seconds"] = round(time.perf_counter() - made, 1)
    summary["seconds"] = round(time.perf_counter() - started, 1)
    return summary


def _starting_point(conn: Connection) -> dict:
    """What the simulation continues from: free ids, the audit chain's tip (locked
    to the end of the transaction), names and codes already taken."""
    if conn.execute(select(documents.c.id).limit(1)).first():
        raise BooksError("seed: this shop already has documents; seed an empty one")
    ids = {t.name: (conn.execute(select(func.max(t.c.id))).scalar() or 0) + 1
           for t in (*BIG_TABLES, products, customers, suppliers, batches)}
    head = conn.execute(select(audit_head.c.seq, audit_head.c.hash)
                        .where(audit_head.c.id == 1).with_for_update()).one()
    return {"ids": ids, "seq": head.seq, "hash": head.hash,
            "skus": set(conn.execute(select(products.c.sku)).scalars()),
            "codes": set(conn.execute(select(barcodes.c.code)).scalars()),
            "customer_names": set(conn.execute(select(customers.c.name)).scalars()),
            "supplier_names": set(conn.execute(select(suppliers.c.name)).scalars())}


class _Writer:
    """Applies the simulation's messages to the database, in order."""

    def __init__(self, conn: Connection, progress):
        self.conn = conn
        self.loader = BulkLoader(conn)
        self.progress = progress
        self.summary: dict = {}
        self.grams: tuple[int, list[str]] | None = None   # (first new product id, triggers)
        self.rollup_triggers = rollups_upkeep.hold_triggers(conn)   # rebuilt in bulk at the end

    def _hold_name_grams(self) -> None:
        """SQLite: the triggers that keep product_grams would write each product's
        pairs one by one; they are dropped while the products load and the pairs
        written in bulk after (db.lists.rebuild_name_grams)."""
        conn = self.conn
        first = (conn.execute(select(func.max(products.c.id))).scalar() or 0) + 1
        triggers = []
        if not self.loader.pg:
            for name, sql in conn.execute(text(
                    "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                    "AND tbl_name = 'products' ORDER BY name")).all():
                if name in GRAM_TRIGGERS:
                    conn.exec_driver_sql(f"DROP TRIGGER {name}")
                    triggers.append(sql)
        self.grams = (first, triggers)

    def _write_name_grams(self) -> None:
        if self.grams is None or self.loader.pg:
            return
        first, triggers = self.grams
        rebuild_name_grams(self.conn, first)
        for sql in triggers:
            self.conn.exec_driver_sql(sql)

    def handle(self, msg: tuple) -> None:
        kind = msg[0]
        if kind == "rows":
            if msg[1] == "products" and self.grams is None:
                self._hold_name_grams()
            self.loader.insert(TABLES[msg[1]], msg[2], msg[3])
        elif kind == "progress":
            if self.progress:
                self.progress(msg[1], msg[2])
        elif kind == "masters-done":
            self._write_name_grams()
            # the big append-only tables get their secondary indexes back at the end
            self.loader.drop_secondary(BIG_TABLES)
        elif kind == "final":
            self._finish(msg[1])
        else:
            raise AssertionError(f"seed: unknown message {kind}")

    def _finish(self, final: dict) -> None:
        conn, loader = self.conn, self.loader
        loader.restore_secondary()
        loader.insert(stock, ("product_id", "qty", "value", "last_cost"), final["stock"])
        loader.executemany("UPDATE batches SET qty = ? WHERE id = ?", final["batches"])
        loader.executemany("UPDATE customers SET balance = balance + ? WHERE id = ?",
                           final["customer_balances"])
        loader.executemany("UPDATE suppliers SET balance = balance + ? WHERE id = ?",
                           final["supplier_balances"])
        if final["counters"]:
            conn.execute(text("INSERT INTO doc_counters (kind, day, last) VALUES (:k, :d, :n) "
                              "ON CONFLICT (kind, day) DO UPDATE SET last = excluded.last"),
                         [{"k": k, "d": d, "n": n} for k, d, n in final["counters"]])
        conn.execute(update(audit_head).where(audit_head.c.id == 1)
                     .values(seq=final["seq"], hash=final["hash"]))
        loader.fix_sequences((*BIG_TABLES, products, customers, suppliers, batches))
        loader.analyze((*BIG_TABLES, products, barcodes, stock, customers, suppliers))
        done = rollups_upkeep.rebuild(conn, exclusive=True)   # the sales rollups, from the rows
        self.rollup_triggers()
        self.summary = {**final["summary"], "rollups_seconds": done["seconds"]}


def _simulate_in_child(plan: dict, handle: Callable[[tuple], None]) -> None:
    """The simulation in a child process, its messages pickled down a pipe; a thread
    here reads ahead so the child seldom waits while this process writes."""
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    receive, send = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_child_main, args=(plan, send), name="seed-simulation", daemon=True)
    child.start()
    send.close()
    inbox: queue.Queue = queue.Queue(maxsize=8)

    def read() -> None:
        try:
            while True:
                data = receive.recv_bytes()
                inbox.put(data)
                if data == _END:
                    return
        except (EOFError, OSError):
            inbox.put(None)

    reader = threading.Thread(target=read, name="seed-reader", daemon=True)
    reader.start()
    try:
        while True:
            data = inbox.get()
            if data is None:
                child.join(5)
                raise BooksError(f"seed: the simulation stopped (exit code {child.exitcode})")
            if data == _END:
                break
            msg = pickle.loads(data)
            if msg[0] == "error":
                raise RuntimeError(f"seed: the simulation failed:\n{msg[1]}")
            handle(msg)
    finally:
        if child.is_alive() and child.exitcode is None:
            child.join(1)
            if child.is_alive():
                child.terminate()
        child.join()
        receive.close()


_END = b"end"


def _child_main(plan: dict, send) -> None:
    def emit(msg: tuple) -> None:
        send.send_bytes(pickle.dumps(msg, protocol=pickle.HIGHEST_PROTOCOL))

    try:
        Simulation(plan, emit).run_all()
    except BaseException:
        emit(("error", traceback.format_exc()))
    send.send_bytes(_END)
    send.close()


