"""`bench scan`: barcodes scanned into the counter screen, offscreen, timed
from the Enter key that ends a scan to the line painted.

The scanner's typing is not timed (a scanner sends its digits in a burst);
what is timed is the key that ends the scan: the lookup (db.counter.lookup on
the GUI thread), the line added to the sale, and the event loop running
until the sale's table has painted the new line. The codes are barcodes of
products picked at random over the whole catalogue, so the database's pages
are not all warm. Every 40 lines the sale is voided (nothing is posted: the
bench never changes the books). The first WARMUP scans are not counted.

With --products N the shop must hold at least N products: an empty database
is seeded with them first (as `seed --products N` would); a shop that holds
fewer is refused rather than filled with made-up goods.
"""
from __future__ import annotations

import os
import random
import statistics
import time

from sqlalchemy import Engine, func, select

from db.errors import BooksError
from db.schema import barcodes, products

WARMUP = 20
LINES_PER_SALE = 40


def _percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def _ensure_products(engine: Engine, wanted: int | None) -> int:
    from db import users
    from db.seed import seed
    with engine.connect() as conn:
        have = conn.execute(select(func.count()).select_from(products)).scalar_one()
        actor = users.owner(conn)
    if wanted is None or have >= wanted:
        return have
    if have:
        raise BooksError(f"the shop holds {have} products, fewer than --products {wanted}; "
                         "bench scan fills only an empty database (or drop --products)")
    if actor is None:
        raise BooksError("the database has no owner: run `init` first")
    seed(engine, actor, products=wanted, customers=0, sales_lines=0, days=1)
    return wanted


def _codes(engine: Engine, n: int, rng: random.Random) -> list[str]:
    """n barcodes of active products, spread over the whole id range."""
    with engine.connect() as conn:
        lo, hi = conn.execute(select(func.min(products.c.id), func.max(products.c.id))).one()
        if lo is None:
            return []
        codes: list[str] = []
        tries = 0
        while len(codes) < n and tries < 50:
            tries += 1
            ids = sorted({rng.randint(lo, hi) for _ in range(min(1000, n - len(codes)) * 2)})
            rows = conn.execute(
                select(barcodes.c.code).join(products, products.c.id == barcodes.c.product_id)
                .where(barcodes.c.product_id.in_(ids), products.c.active.is_(True))).scalars().all()
            rng.shuffle(rows)
            codes += rows[:n - len(codes)]
    return codes


def bench_scan(engine: Engine, *, scans: int = 1000, products_wanted: int | None = None,
               seed: int = 1) -> dict:
    """Returns {"scans", "p50_ms", "p95_ms", "max_ms", "products", "backend"}."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from db import users
    from desktop.ui import i18n
    from desktop.ui.counter import CounterScreen

    if scans < 1:
        raise BooksError("--scans must be at least 1")
    have = _ensure_products(engine, products_wanted)
    rng = random.Random(seed)
    codes = _codes(engine, scans + WARMUP, rng)
    if len(codes) < scans + WARMUP:
        raise BooksError(f"the shop has too few products with barcodes to scan "
                         f"({len(codes)} found, {scans + WARMUP} wanted)")
    app = QApplication.instance() or QApplication([])
    i18n.install(app)
    with engine.connect() as conn:
        actor = users.owner(conn)
    screen = CounterScreen(engine, actor)
    screen.resize(1366, 768)
    screen.show()
    screen.refresh()
    marks: list[float] = []
    added: list[int] = []
    screen.view.painted.connect(lambda: marks.append(time.perf_counter()))
    screen.line_added.connect(added.append)

    def settle() -> None:
        """Runs the event loop, idle as the app is, until nothing is left to do."""
        wake = QTimer()
        wake.setSingleShot(True)
        loop = QEventLoop()
        wake.timeout.connect(loop.quit)
        wake.start(30)
        loop.exec()

    settle()
    wake = QTimer()
    wake.start(100)              # so that a paint that never comes still ends the wait
    times: list[float] = []
    for i, code in enumerate(codes):
        if i % LINES_PER_SALE == 0:
            screen.new_sale()
            settle()
        screen.scan.setText(code)
        del marks[:], added[:]
        t0 = time.perf_counter()
        QTest.keyClick(screen.scan, Qt.Key.Key_Return)     # the lookup and the line: synchronous
        if not added:
            raise BooksError(f"scanning {code} added no line: {screen.message.text()}")
        deadline = t0 + 5
        while not marks and time.perf_counter() < deadline:
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
        if not marks:
            raise BooksError(f"the line of {code} was not painted within 5 s")
        if i >= WARMUP:
            times.append((marks[0] - t0) * 1000)
    wake.stop()
    screen.close()
    screen.deleteLater()
    return {"scans": len(times), "p50_ms": round(statistics.median(times), 2),
            "p95_ms": round(_percentile(times, 95), 2), "max_ms": round(max(times), 2),
            "products": have, "backend": engine.dialect.name}
