"""Sellers for the last-units race, run in threads or in separate processes.

Not a test module: test_race imports it, and spawned processes import it by name.
"""
from __future__ import annotations

import threading

HOT = "HOT"


def sell_until_refused(books, line, attempts: int, gate: threading.Barrier | None) -> list[str]:
    """Tries `attempts` sales of `line`; each outcome as a string."""
    from db.errors import InsufficientStock

    out = []
    if gate is not None:
        gate.wait(60)
    for _ in range(attempts):
        try:
            out.append("ok:" + books.post_sale([line]).number)
        except InsufficientStock as exc:
            out.append("insufficient" if exc.sku == HOT else f"wrong sku: {exc}")
        except Exception as exc:  # anything else is a failure the test reports
            out.append(f"error: {type(exc).__name__}: {exc}")
    return out


def run_threads(books, line, threads: int, attempts: int) -> list[str]:
    results: list[list[str]] = [[] for _ in range(threads)]
    gate = threading.Barrier(threads)

    def one(i):
        try:
            results[i] = sell_until_refused(books, line, attempts, gate)
        except Exception as exc:  # a broken barrier, say
            results[i] = [f"error: {type(exc).__name__}: {exc}"]

    ts = [threading.Thread(target=one, args=(i,)) for i in range(threads)]
    for t in ts:
        t.start()
    for t in ts:
        t.join(240)
    return [r for rs in results for r in rs]


def process_main(url: str, actor: tuple, qty_milli: int, threads: int, attempts: int,
                 start, queue) -> None:
    """One terminal process: its own engine, `threads` sellers, results on the queue."""
    try:
        from db.audit import Actor
        from db.books import Books
        from db.documents import LineIn
        from db.engine import make_engine

        engine = make_engine(url, pool_size=threads)
        try:
            books = Books(engine, Actor(*actor))
            with engine.connect():
                pass                      # connected before the start gun
            start.wait(120)
            queue.put(run_threads(books, LineIn(HOT, qty_milli), threads, attempts))
        finally:
            engine.dispose()
    except Exception as exc:
        queue.put([f"error: {type(exc).__name__}: {exc}"])
