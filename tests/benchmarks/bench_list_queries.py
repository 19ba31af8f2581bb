"""Timings of the desktop's list queries (db.lists) on a seeded database: first
pages, deep keyset pages, each kind of product search, every sort order, counts.

    .venv/bin/python tests/benchmarks/bench_list_queries.py sqlite:////tmp/lists1m.db
    .venv/bin/python tests/benchmarks/bench_list_queries.py postgresql+psycopg://postgres@127.0.0.1/lists1m

Seed first (an owner, then a million products):

    STOREKEEPER_PASSWORD=secret-pass-1 .venv/bin/python main.py --db URL init --owner boss
    .venv/bin/python main.py --db URL seed --products 1000000 --customers 100 --sales-lines 0 --days 1

Targets (issue), a million products: the first page (101 rows) of PRODUCTS and any
later page by keyset <= 20 ms; a search's first page <= 100 ms; sorting by an
indexed column (sku, name, category, unit, price) pages fast; on_hand, min_qty,
max_qty and counts with a search may be slower. Each figure is the median of
--repeat runs (after one warm-up run) and the slowest of them.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from sqlalchemy import func, select  # noqa: E402

from db import lists  # noqa: E402
from db.engine import make_engine  # noqa: E402
from db.lists import Query  # noqa: E402
from db.schema import barcodes, products  # noqa: E402

PAGE = 101
# Inputs that fit the seeded catalogue (db.seed_data, seed 1): (what, text)
SEARCHES = [
    ("pinyin prefix", "htjb"),
    ("pinyin prefix, 2 letters", "ht"),
    ("pinyin prefix, 1 letter", "h"),
    ("SKU prefix (any case)", "sp00012"),
    ("SKU prefix, 100 matches", "SP0001"),
    ("barcode prefix, 6 digits", None),       # taken from the database
    ("barcode prefix, 8 digits", None),
    ("barcode, whole", None),
    ("name, common 2 characters", "生抽"),
    ("name, rare 2 characters", "佳香"),
    ("name, absent 2 characters", "星巴"),
    ("name, 1 character", "生"),
    ("name, 4 characters", "金标生抽"),
    ("name, common but far from the start", "款1"),
    ("barcode prefix, 2 digits: most products", "69"),
]


class Bench:
    def __init__(self, url: str, repeat: int):
        self.engine = make_engine(url)
        self.repeat = repeat
        self.rows: list[tuple] = []

    def time(self, what: str, fn) -> object:
        result = fn()                      # warm-up
        times = []
        for _ in range(self.repeat):
            t0 = time.perf_counter()
            result = fn()
            times.append((time.perf_counter() - t0) * 1000)
        n = len(result) if isinstance(result, list) else result
        self.rows.append((what, statistics.median(times), max(times), n))
        print(f"{what:58s} {statistics.median(times):9.1f} {max(times):9.1f} {n!s:>9s}", flush=True)
        return result

    def page(self, lst, query, after=None, label=""):
        def run():
            with self.engine.connect() as conn:
                return lst.page(conn, query, after, PAGE)
        return self.time(f"{lst.name}: {label}", run)

    def count(self, lst, query, label=""):
        def run():
            with self.engine.connect() as conn:
                return lst.count(conn, query)
        return self.time(f"{lst.name}: count {label}", run)

    def products_cursor(self, sort: str, fraction: float) -> tuple:
        """The keyset cursor of the product at `fraction` of the list in `sort` order
        (ascending; found once by OFFSET, for the benchmark only)."""
        cols = [products.c.sku] if sort == "sku" else [products.c[sort], products.c.sku]
        with self.engine.connect() as conn:
            n = conn.execute(select(func.count()).select_from(products)
                             .where(products.c.active.is_(True))).scalar_one()
            row = conn.execute(select(*cols).where(products.c.active.is_(True)).order_by(*cols)
                               .offset(max(0, int(n * fraction) - 1)).limit(1)).one()
        return tuple(row)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("url", help="a seeded database")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--quick", action="store_true", help="products only, no sorts of other lists")
    args = ap.parse_args()
    b = Bench(args.url, args.repeat)
    with b.engine.connect() as conn:
        n_products = conn.execute(select(func.count()).select_from(products)).scalar_one()
        code = conn.execute(select(barcodes.c.code).order_by(barcodes.c.product_id)
                            .offset(n_products // 3).limit(1)).scalar()
    print(f"{args.url}: {n_products} products, {b.engine.dialect.name}")
    print(f"{'what':58s} {'median_ms':>9s} {'max_ms':>9s} {'rows':>9s}")

    P = lists.PRODUCTS
    first = b.page(P, Query(), label="first page (sku)")
    b.page(P, Query(), P.cursor(Query(), first[-1]), label="second page (keyset)")
    for frac in (0.5, 0.999):
        b.page(P, Query(), b.products_cursor("sku", frac), label=f"page at {frac:.1%} (keyset)")
    for sort in P.sortable:
        for desc in (False, True):
            q = Query(sort=sort, descending=desc)
            rows = b.page(P, q, label=f"sort {sort}{' desc' if desc else ''}: first page")
            if rows:
                b.page(P, q, P.cursor(q, rows[-1]), label=f"sort {sort}{' desc' if desc else ''}: next page")
    for sort in ("name", "price"):
        b.page(P, Query(sort=sort), b.products_cursor(sort, 0.5), label=f"sort {sort}: page at 50%")
    for what, text in SEARCHES:
        if text is None and code:
            text = {"barcode prefix, 6 digits": code[:6], "barcode prefix, 8 digits": code[:8],
                    "barcode, whole": code}[what]
        q = Query(search=text)
        rows = b.page(P, q, label=f"search {what} {text!r}")
        if len(rows) == PAGE:
            b.page(P, q, P.cursor(q, rows[-1]), label=f"search {what}: next page")
        for sort in ("name", "price", "on_hand"):
            b.page(P, Query(sort=sort, search=text), label=f"search {what}, sort {sort}")
    b.count(P, Query(), label="everything")
    for what, text in SEARCHES:
        if text is not None:
            b.count(P, Query(search=text), label=f"search {what} {text!r}")
    b.page(lists.PRODUCTS_WITH_COST, Query(), label="first page")
    S = lists.STOCK
    b.page(S, Query(), label="first page")
    for sort in ("on_hand", "name"):
        for desc in (False, True):
            q = Query(sort=sort, descending=desc)
            rows = b.page(S, q, label=f"sort {sort}{' desc' if desc else ''}: first page")
            if rows:
                b.page(S, q, S.cursor(q, rows[-1]), label=f"sort {sort}{' desc' if desc else ''}: next page")
    b.page(S, Query(search="htjb"), label="search 'htjb'")
    if not args.quick:
        for lst in (lists.CUSTOMERS, lists.SUPPLIERS, lists.SALES, lists.PURCHASES, lists.IMPORTS):
            rows = b.page(lst, Query(), label="first page")
            if len(rows) == PAGE:
                b.page(lst, Query(), lst.cursor(Query(), rows[-1]), label="next page")
            for sort in lst.sortable:
                b.page(lst, Query(sort=sort), label=f"sort {sort}")
            b.count(lst, Query(), label="everything")
            sample = rows[len(rows) // 2] if rows else None
            if sample is not None and lst in (lists.SALES, lists.PURCHASES):
                for text in (sample[0], sample[0][:10], sample[0][:6].lower(), sample[3][:1] or "王",
                             "nobody"):
                    b.page(lst, Query(search=text), label=f"search {text!r}")
                    b.count(lst, Query(search=text), label=f"search {text!r}")
            elif sample is not None:
                for text in (sample[0][:1], sample[1][:4] if sample[1] else "13"):
                    b.page(lst, Query(search=text), label=f"search {text!r}")
    b.engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
