"""The product list on a big shop: first paint, scrolling, search, peak memory.

    .venv/bin/python tests/benchmarks/bench_lists_ui.py --db sqlite:////tmp/lists1m.db
    .venv/bin/python tests/benchmarks/bench_lists_ui.py --db postgresql+psycopg://postgres@127.0.0.1/lists1m

Make the shop first, e.g. `main.py --db URL init` then
`main.py --db URL seed --products 1000000 --customers 100 --sales-lines 0 --days 1`.

Runs offscreen, signed in as the owner (the list with costs, the widest).
Measures, in this process:
- first paint: from building the Products screen to the first page painted;
- scrolling: drags the scroll bar to the bottom `--scrolls` times, each time
  waiting for the page to arrive, and checks that the pages read never
  exceed the pages scrolled past (+1 for the first);
- search: for each term, from the text changing to the first page of
  answers painted (and, separately, until the count has arrived);
- peak memory: the process's maximum resident set size at the end.
Also runs `main.py gui --smoke --screen products` in a fresh process for the
whole start-up (Python, Qt, database, first page).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

SEARCHES = ["htjb", "ht", "h", "生抽", "生", "金标生抽", "无此商品", "sp00012", "69", "6901", "690123456"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--scrolls", type=int, default=200)
    ap.add_argument("--repeat", type=int, default=5, help="first paints and searches measured")
    ap.add_argument("--search", action="append", help="terms to search (default: a set)")
    args = ap.parse_args()

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from db.engine import make_engine
    from db.users import owner
    from desktop.ui import i18n
    from desktop.ui.products import ProductsScreen

    app = QApplication.instance() or QApplication(sys.argv[:1])
    i18n.install(app)
    engine = make_engine(args.db)
    with engine.connect() as conn:
        actor = owner(conn)

    def wait(predicate, timeout_s=30.0) -> None:
        """Run the event loop until predicate() holds, idle in between as the app is.
        (Spinning on processEvents instead keeps the GUI thread holding the GIL and
        starves the page reads on the pool: it tripled the figures it measured.)"""
        deadline = time.perf_counter() + timeout_s
        wake = QTimer()
        wake.start(20)              # so that the deadline is seen with nothing else going on
        try:
            while not predicate():
                if time.perf_counter() > deadline:
                    raise TimeoutError("the list did not answer in time")
                app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
        finally:
            wake.stop()

    def painted_after(screen, action) -> float:
        """ms from action() to the first paint that shows the answer."""
        marks: list[float] = []

        def on_paint():
            if not screen.model.loading and not marks:
                marks.append(time.perf_counter())
        screen.view.painted.connect(on_paint)
        t0 = time.perf_counter()
        action()
        wait(lambda: bool(marks))
        screen.view.painted.disconnect(on_paint)
        return (marks[0] - t0) * 1000

    # first paint
    paints = []
    screen = None
    for _ in range(args.repeat):
        if screen is not None:
            screen.close()
            screen.deleteLater()
            app.processEvents()
        holder = {}

        def build():
            s = ProductsScreen(engine, actor)
            s.resize(1280, 760)
            holder["s"] = s
            s.show()
            s.refresh()
        marks: list[float] = []
        t0 = time.perf_counter()
        build()
        screen = holder["s"]
        screen.view.painted.connect(lambda: marks.append(time.perf_counter())
                                    if not screen.model.loading and screen.model.rowCount() else None)
        wait(lambda: bool(marks))
        paints.append((marks[0] - t0) * 1000)
    wait(lambda: screen.model.total >= 0)
    total = screen.model.total

    # scrolling to the end of what is loaded, again and again
    model, bar = screen.model, screen.view.verticalScrollBar()
    worst_excess = 0
    scroll_ms = []
    for i in range(args.scrolls):
        before = model.rowCount()
        t0 = time.perf_counter()
        bar.setValue(bar.maximum())
        wait(lambda: model.rowCount() > before or not model.canFetchMore())
        scroll_ms.append((time.perf_counter() - t0) * 1000)
        app.processEvents()
        passed = -(-model.rowCount() // 100)
        worst_excess = max(worst_excess, model.pages_read - passed)
    rows_loaded = model.rowCount()

    # search
    terms = args.search or SEARCHES
    search = {}
    for term in terms:
        times, counts = [], []
        for _ in range(args.repeat):
            screen.search.clear()
            wait(lambda: not model.loading)
            times.append(painted_after(screen, lambda: screen.search.setText(term)))
            t0 = time.perf_counter()
            wait(lambda: model.total >= 0, 120)
            counts.append((time.perf_counter() - t0) * 1000)
        search[term] = {"first_page_ms": round(statistics.median(times), 1),
                        "worst_ms": round(max(times), 1), "matches": model.total,
                        "count_after_ms": round(statistics.median(counts), 1)}
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    env = dict(os.environ, STOREKEEPER_LANG="zh_CN")
    env.pop("STOREKEEPER_PASSWORD", None)
    root = Path(__file__).resolve().parents[2]
    smoke = []
    for _ in range(3):
        out = subprocess.run([sys.executable, str(root / "main.py"), "--db", args.db, "gui",
                              "--smoke", "--screen", "products"], capture_output=True, text=True,
                             env=env, check=True).stdout
        smoke.append(json.loads(out.strip().splitlines()[-1])["first_paint_ms"])

    result = {
        "backend": engine.dialect.name,
        "products": total,
        "first_paint_ms": {"runs": [round(p, 1) for p in paints],
                           "median": round(statistics.median(paints), 1),
                           "worst": round(max(paints), 1)},
        "smoke_start_to_paint_ms": smoke,
        "scroll": {"scrolls": args.scrolls, "rows_loaded": rows_loaded,
                   "pages_read_beyond_passed": worst_excess,
                   "page_ms_median": round(statistics.median(scroll_ms), 1),
                   "page_ms_worst": round(max(scroll_ms), 1)},
        "search": search,
        "peak_rss_mb": round(peak_mb, 1),
    }
    print(json.dumps(result, ensure_ascii=False, indent=2))
    engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
