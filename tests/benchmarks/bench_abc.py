"""ABC classes and the cycle-count schedule (db.abc) on a big shop.

    .venv/bin/python tests/benchmarks/bench_abc.py                           # SQLite, seeded in /tmp
    .venv/bin/python tests/benchmarks/bench_abc.py --db sqlite:////tmp/shop.db   # reuse a seeded shop
    .venv/bin/python tests/benchmarks/bench_abc.py --pg postgresql+psycopg://postgres@127.0.0.1:5432/postgres

Seeds (unless --db names a shop that has sales) --products products (20,000) and
--lines sales lines (5,000,000) over --days days (730) with db.seed, then, in a
database it seeded itself, posts --counts stocktakes of --per-count products
each on days spread over the last quarter, so that some products have a last
count. A shop given with --db is only read: classify, last_counted and due
read, and the connection is rolled back. Times each of them (first run, then
median and worst of --runs runs) with `today` the shop's last day of sales, and
prints one JSON document; asserts nothing. --pg takes an admin URL, creates the
database bench_abc and drops it afterwards (--keep leaves it).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from sqlalchemy import func, select  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from db import abc, clock, migrate, users  # noqa: E402
from db.engine import make_engine  # noqa: E402
from db.schema import documents, products, stock  # noqa: E402
from db.seed import seed  # noqa: E402
from db.shop import init  # noqa: E402
from bench_db import add_arguments, bench_database  # noqa: E402


def _prepare(url: str, args, own: bool) -> dict:
    engine = make_engine(url)
    out: dict = {}
    try:
        if own and migrate.current_revision(engine) != migrate.head_revision():
            init(engine, shop="ABC压测", owner="owner", password="bench-pass")
        with engine.connect() as c:
            has_sales = c.execute(select(documents.c.id).where(documents.c.kind == "sale")
                                  .limit(1)).first() is not None
            owner = users.owner(c)
        if not has_sales:
            if not own:
                raise SystemExit(f"{url} has no sales: give a seeded shop, or no --db")
            started = time.perf_counter()
            out["seed"] = seed(engine, owner, products=args.products, customers=args.customers,
                               sales_lines=args.lines, days=args.days, seed=1)
            out["seed_seconds"] = round(time.perf_counter() - started, 1)
            if args.counts:
                out["stocktakes"] = _count_some(engine, owner, args.counts, args.per_count)
        with engine.connect() as c:
            out["last_day"] = c.execute(select(func.max(documents.c.doc_date)).where(
                documents.c.kind == "sale")).scalar().isoformat()
    finally:
        engine.dispose()
    return out


def _count_some(engine, owner, counts: int, per_count: int) -> int:
    """Stocktakes of per_count products each (what the books hold: no variance),
    one every few days back over the last 90 days, in our own database only."""
    from db.books import Books
    from db.documents import LineIn

    with engine.connect() as c:
        rows = c.execute(select(products.c.sku, stock.c.qty)
                         .join(stock, stock.c.product_id == products.c.id)
                         .order_by(products.c.id)).all()
    books = Books(engine, owner)
    posted = 0
    try:
        for i in range(counts):
            chunk = rows[i * per_count:(i + 1) * per_count]
            if not chunk:
                break
            clock.reset()
            clock.shift(-dt.timedelta(days=90 * i // max(counts, 1)))
            books.post_stocktake([LineIn(sku, max(0, int(qty)), None, None, None)
                                  for sku, qty in chunk])
            posted += 1
    finally:
        clock.reset()
    return posted


def _time(fn, runs: int) -> dict:
    t = time.perf_counter()
    fn()
    first = (time.perf_counter() - t) * 1000
    ms = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        ms.append((time.perf_counter() - t) * 1000)
    return {"first_ms": round(first, 1), "median_ms": round(statistics.median(ms), 1),
            "worst_ms": round(max(ms), 1)}


def _measure(url: str, today: dt.date, runs: int) -> dict:
    engine = make_engine(url)
    out: dict = {"today": today.isoformat()}
    try:
        with engine.connect() as c:
            out["active_products"] = c.execute(select(func.count()).select_from(products)
                                               .where(products.c.active.is_(True))).scalar()
            out["sales_values"] = _time(lambda: abc.sales_values(c, today), runs)
            out["classify"] = _time(lambda: abc.classify(c, today), runs)
            out["last_counted"] = _time(lambda: abc.last_counted(c), runs)
            out["due"] = _time(lambda: abc.due(c, today), runs)
            out["due_all"] = _time(lambda: abc.due(c, today, limit=abc.MAX_LIMIT), runs)
            classes = abc.classify(c, today)
            values = abc.sales_values(c, today)
            out["classes"] = dict(sorted(Counter(classes.values()).items()))
            total = sum(v for p, v in values.items() if v > 0 and p in classes)
            out["value_share_percent"] = {
                k: round(100 * sum(values.get(p, 0) for p, cl in classes.items()
                                   if cl == k and values.get(p, 0) > 0) / total, 2)
                for k in abc.CLASSES} if total else {}
            out["counted_products"] = len(abc.last_counted(c))
            everything = abc.due(c, today, limit=abc.MAX_LIMIT)
            out["due_today"] = dict(sorted(Counter(r["abc"] for r in everything).items()))
            out["first_due"] = [{k: (v.isoformat() if isinstance(v, dt.date) else v)
                                 for k, v in r.items()} for r in abc.due(c, today)[:3]]
            c.rollback()                        # read only: nothing to keep
    finally:
        engine.dispose()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_arguments(ap, "bench_abc", "a seeded shop to read (never written)")
    ap.add_argument("--products", type=int, default=20000)
    ap.add_argument("--customers", type=int, default=2000)
    ap.add_argument("--lines", type=int, default=5_000_000)
    ap.add_argument("--days", type=int, default=730)
    ap.add_argument("--counts", type=int, default=10, help="stocktakes to post (own database)")
    ap.add_argument("--per-count", type=int, default=500, help="products per stocktake")
    ap.add_argument("--runs", type=int, default=10)
    args = ap.parse_args()
    with bench_database(args, "bench_abc") as url:
        result: dict = {"backend": make_url(url).get_backend_name()}
        result.update(_prepare(url, args, own=not args.db))
        result.update(_measure(url, dt.date.fromisoformat(result["last_day"]), args.runs))
    print(json.dumps(result, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
