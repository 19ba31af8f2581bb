"""Checkout throughput: N terminals posting sales, hot product or not, threads or
processes, on SQLite and PostgreSQL. Prints one line per run.

    .venv/bin/python tests/benchmarks/bench_checkout.py                       # SQLite matrix
    .venv/bin/python tests/benchmarks/bench_checkout.py --pg postgresql+psycopg://postgres@127.0.0.1/postgres
    .venv/bin/python tests/benchmarks/bench_checkout.py --terminals 8 --hot --seconds 20

Targets (issue): hot product, 8 terminals: >= 1,000/s with p95 <= 50 ms on
PostgreSQL; >= 500/s on SQLite (WAL, synchronous=FULL). Each run gets a fresh
database; --pg takes an admin URL and makes (and drops) scratch databases.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from db.bench import bench_checkout  # noqa: E402
from db.engine import make_engine  # noqa: E402
from db.shop import init  # noqa: E402


class Scratch:
    """Fresh initialised databases, cleaned up afterwards."""

    def __init__(self, pg_admin: str | None):
        self.tmp = Path(tempfile.mkdtemp(prefix="sk_bench_checkout_"))
        self.admin = None
        self.made: list[str] = []
        if pg_admin:
            self.admin_url = make_url(pg_admin).set(drivername="postgresql+psycopg")
            self.admin = create_engine(self.admin_url, isolation_level="AUTOCOMMIT")

    def new(self) -> str:
        if self.admin is None:
            url = f"sqlite:///{self.tmp / f'{uuid.uuid4().hex[:8]}.db'}"
        else:
            name = f"sk_bench_co_{uuid.uuid4().hex[:8]}"
            with self.admin.connect() as c:
                c.exec_driver_sql(f'CREATE DATABASE "{name}"')
            self.made.append(name)
            url = self.admin_url.set(database=name).render_as_string(hide_password=False)
        engine = make_engine(url)
        init(engine, shop="压测商店", owner="owner", password="bench-pass")
        engine.dispose()
        return url

    def close(self) -> None:
        for f in self.tmp.iterdir():
            f.unlink()
        self.tmp.rmdir()
        if self.admin is not None:
            with self.admin.connect() as c:
                for name in self.made:
                    c.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            self.admin.dispose()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pg", metavar="ADMIN_URL", help="PostgreSQL instead of SQLite")
    ap.add_argument("--terminals", type=int, nargs="*", default=[4, 8])
    ap.add_argument("--seconds", type=float, default=10)
    ap.add_argument("--hot", action="store_true", help="only hot-product runs")
    ap.add_argument("--cold", action="store_true", help="only runs without a hot product")
    ap.add_argument("--mode", choices=("threads", "processes", "both", "default"), default="both")
    ap.add_argument("--hot-stock", type=int, help="limit the hot product to this many units")
    ap.add_argument("--json", action="store_true", help="print each result as JSON too")
    args = ap.parse_args()
    hots = [True] if args.hot else [False] if args.cold else [True, False]
    modes = {"threads": [False], "processes": [True], "both": [False, True],
             "default": [None]}[args.mode]
    scratch = Scratch(args.pg)
    try:
        print(f"{'backend':10s} {'mode':9s} {'term':>4s} {'hot':>5s} {'checkouts':>9s} {'per_s':>8s} "
              f"{'p50_ms':>7s} {'p95_ms':>7s} {'p99_ms':>7s} {'refused':>7s} {'oversold':>8s} {'errors':>6s}")
        for terminals in args.terminals:
            for hot in hots:
                for processes in modes:
                    r = bench_checkout(scratch.new(), terminals=terminals, seconds=args.seconds,
                                       hot=hot, processes=processes,
                                       hot_stock=args.hot_stock if hot else None)
                    print(f"{r['backend']:10s} {r['mode']:9s} {terminals:4d} {str(hot):>5s} "
                          f"{r['checkouts']:9d} {r['per_second']:8.1f} {r['p50_ms']:7.2f} "
                          f"{r['p95_ms']:7.2f} {r['p99_ms']:7.2f} {r['refused']:7d} "
                          f"{r['oversold']:8d} {r['errors']:6d}", flush=True)
                    if args.json:
                        print(json.dumps(r, ensure_ascii=False))
                    for s in r["error_samples"]:
                        print("    error:", s)
    finally:
        scratch.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
