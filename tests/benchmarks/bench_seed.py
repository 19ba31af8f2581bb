"""Times `seed` on a fresh database and checks the result.

    .venv/bin/python tests/benchmarks/bench_seed.py                      # SQLite, full size
    .venv/bin/python tests/benchmarks/bench_seed.py --pg postgresql+psycopg://postgres@127.0.0.1/postgres
    .venv/bin/python tests/benchmarks/bench_seed.py --sales-lines 500000 --check

Target: 20,000 products, 2,000 customers, 5,000,000 sales lines over 730 days
in under 5 minutes on SQLite. --pg takes an admin URL and makes (and drops,
unless --keep) a scratch database.
"""
from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from db.check import check_books  # noqa: E402
from db.engine import make_engine  # noqa: E402
from db.seed import seed  # noqa: E402
from db.shop import init  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--products", type=int, default=20_000)
    ap.add_argument("--customers", type=int, default=2_000)
    ap.add_argument("--sales-lines", type=int, default=5_000_000)
    ap.add_argument("--days", type=int, default=730)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--db", help="an empty SQLite file path or URL (default: a temporary file)")
    ap.add_argument("--pg", metavar="ADMIN_URL", help="seed a scratch PostgreSQL database")
    ap.add_argument("--check", action="store_true", help="run db.check afterwards (slow)")
    ap.add_argument("--keep", action="store_true", help="keep the database")
    args = ap.parse_args()

    tmp = None
    admin = scratch = None
    if args.pg:
        admin_url = make_url(args.pg).set(drivername="postgresql+psycopg")
        admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
        scratch = f"sk_bench_seed_{uuid.uuid4().hex[:8]}"
        with admin.connect() as c:
            c.exec_driver_sql(f'CREATE DATABASE "{scratch}"')
        url = admin_url.set(database=scratch).render_as_string(hide_password=False)
    elif args.db:
        url = args.db if "://" in args.db else f"sqlite:///{Path(args.db).resolve()}"
    else:
        tmp = tempfile.mkdtemp(prefix="sk_bench_seed_")
        url = f"sqlite:///{tmp}/shop.db"
    engine = make_engine(url)
    try:
        owner = init(engine, shop="压测商店", owner="owner", password="bench-pass").owner
        last = [0.0]
        t0 = time.perf_counter()

        def progress(done: int, total: int) -> None:
            now = time.perf_counter()
            if now - last[0] >= 15:
                last[0] = now
                print(f"  {done:>10,} / {total:,} lines  {now - t0:6.1f} s", flush=True)

        summary = seed(engine, owner, products=args.products, customers=args.customers,
                       sales_lines=args.sales_lines, days=args.days, seed=args.seed,
                       progress=progress)
        took = time.perf_counter() - t0
        print(f"backend     {engine.dialect.name}")
        print(f"seed        {took:.1f} s  ({args.sales_lines / took:,.0f} sales lines/s)")
        print(f"peak RSS    {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB here, "
              f"{resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024:.0f} MB simulation")
        for k, v in summary.items():
            print(f"  {k:20s} {v}")
        if args.check:
            t1 = time.perf_counter()
            breaches = check_books(engine)
            print(f"check       {time.perf_counter() - t1:.1f} s, {len(breaches)} breaches")
            for b in breaches[:10]:
                print("   ", b)
            return 1 if breaches else 0
        return 0
    finally:
        engine.dispose()
        if admin is not None:
            if not args.keep:
                with admin.connect() as c:
                    c.exec_driver_sql(f'DROP DATABASE IF EXISTS "{scratch}" WITH (FORCE)')
            else:
                print("kept", url)
            admin.dispose()
        if tmp and not args.keep:
            for f in Path(tmp).iterdir():
                f.unlink()
            Path(tmp).rmdir()
        elif tmp:
            print("kept", url)


if __name__ == "__main__":
    sys.exit(main())
