"""Issue 9: stock as of a date on a big shop, from the daily stock snapshots.

    .venv/bin/python tests/benchmarks/bench_snapshots.py --db sqlite:////tmp/shop.db
    .venv/bin/python tests/benchmarks/bench_snapshots.py --pg postgresql+psycopg://postgres@127.0.0.1:5432/postgres

Seeds (unless --db names a shop with sales; `seed` then makes the snapshots
itself) 5,000,000 sales lines over 730 days, or upgrades the shop named, then
times: making the missing snapshots (db.snapshots.catch_up: on a shop seeded
before snapshots existed, all of them, as the first start of the app does),
catch_up again with nothing missing, and stock_as_of for a few dates, month ends
and mid-month days (--runs each). Prints one JSON document; asserts nothing.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from sqlalchemy import func, select  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from db import migrate, snapshots, stock_history, users  # noqa: E402
from db.engine import make_engine  # noqa: E402
from db.schema import documents  # noqa: E402
from db.seed import seed  # noqa: E402
from db.shop import init  # noqa: E402
from bench_db import add_arguments, bench_database  # noqa: E402


def _ms(fn) -> float:
    t = time.perf_counter()
    fn()
    return round((time.perf_counter() - t) * 1000, 1)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_arguments(ap, "bench_snapshots", "a shop to use (upgraded; seeded if it has no sales)")
    ap.add_argument("--lines", type=int, default=5_000_000)
    ap.add_argument("--days", type=int, default=730)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    with bench_database(args, "bench_snapshots") as url:
        out: dict = {"backend": make_url(url).get_backend_name()}
        engine = make_engine(url)
        try:
            if migrate.current_revision(engine) != migrate.head_revision():
                started = time.perf_counter()
                init(engine, shop="快照压测", owner="owner", password="bench-pass")
                out["upgrade_s"] = round(time.perf_counter() - started, 1)
            with engine.connect() as c:
                owner = users.owner(c)
                last = c.execute(select(func.max(documents.c.doc_date))).scalar()
            if last is None:
                done = seed(engine, owner, products=20000, customers=2000,
                            sales_lines=args.lines, days=args.days, seed=1)
                out["seed_s"], out["seed_snapshots_s"] = done["seconds"], done["snapshots_seconds"]
            started = time.perf_counter()
            out["snapshots_made"] = len(snapshots.catch_up(engine))
            out["catch_up_s"] = round(time.perf_counter() - started, 1)
            out["catch_up_again_ms"] = _ms(lambda: snapshots.catch_up(engine))
            with engine.connect() as c:
                last = c.execute(select(func.max(documents.c.doc_date))).scalar()
                first = last.replace(day=1) - dt.timedelta(days=1)
                days = [first, first.replace(day=15), last - dt.timedelta(days=5),
                        (first.replace(day=1) - dt.timedelta(days=300)).replace(day=15)]
                for day in days:
                    runs = []
                    for _ in range(args.runs):
                        runs.append(_ms(lambda: stock_history.stock_as_of(c, day)))
                        c.rollback()
                    out[f"as_of_{day.isoformat()}_ms"] = runs
        finally:
            engine.dispose()
    print(json.dumps(out, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
