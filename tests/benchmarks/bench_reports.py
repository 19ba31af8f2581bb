"""Issue 8: the sales reports on a big shop, and the counter while a report runs.

    .venv/bin/python tests/benchmarks/bench_reports.py                        # SQLite, seeded in /tmp
    .venv/bin/python tests/benchmarks/bench_reports.py --pg postgresql+psycopg://postgres@127.0.0.1:5432/postgres
    .venv/bin/python tests/benchmarks/bench_reports.py --db sqlite:////tmp/shop.db   # reuse a seeded shop

Seeds (unless --db names a shop that has sales) 5,000,000 sales lines over 730
days (`seed --products 20000 --customers 2000 --sales-lines 5000000 --days
730`), then times sales_summary for the last three whole months and the last
90 days by every grouping (median and worst of --runs warm runs each, computed
from the rollups without this process's answer cache, and answered again from
it), checks that every grouping's total agrees (and, for the three months, equals
the reference answer from the lines), and measures checkout (db.bench, --terminals,
--seconds) idle and while another process runs the one-year summary by product
in a loop, at normal and at low CPU priority: with the tills flat out, and with
each till selling every --pace seconds (the latency a cashier waits at a rush). Prints one JSON document; asserts
nothing. --pg takes an admin URL, creates the database bench_reports and drops it
afterwards (--keep leaves it).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import multiprocessing
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from sqlalchemy import func, select  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from db import migrate, rollups, users  # noqa: E402
from db.bench import bench_checkout  # noqa: E402
from db.engine import make_engine  # noqa: E402
from db.schema import documents  # noqa: E402
from db.seed import seed  # noqa: E402
from db.shop import init  # noqa: E402
from bench_db import add_arguments, bench_database  # noqa: E402


def _prepare(url: str, args) -> dict:
    engine = make_engine(url)
    out: dict = {}
    try:
        if migrate.current_revision(engine) != migrate.head_revision():
            init(engine, shop="报表压测", owner="owner", password="bench-pass")
        with engine.connect() as c:
            has_sales = c.execute(select(documents.c.id).where(documents.c.kind == "sale")
                                  .limit(1)).first() is not None
            owner = users.owner(c)
        if not has_sales:
            started = time.perf_counter()
            out["seed"] = seed(engine, owner, products=args.products, customers=args.customers,
                               sales_lines=args.lines, days=args.days, seed=1)
            out["seed_seconds"] = round(time.perf_counter() - started, 1)
        with engine.connect() as c:
            out["last_day"] = c.execute(select(func.max(documents.c.doc_date)).where(
                documents.c.kind == "sale")).scalar().isoformat()
    finally:
        engine.dispose()
    return out


def _periods(last: dt.date) -> dict:
    first = last.replace(day=1)
    three = first
    for _ in range(3):
        three = (three - dt.timedelta(days=1)).replace(day=1)
    return {"three_whole_months": (three, first - dt.timedelta(days=1)),
            "last_90_days": (last - dt.timedelta(days=89), last),
            "one_year": (last - dt.timedelta(days=364), last)}


def _time(fn, runs: int) -> dict:
    fn()                                            # warm
    ms = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        ms.append((time.perf_counter() - t) * 1000)
    return {"median_ms": round(statistics.median(ms), 2), "worst_ms": round(max(ms), 2)}


def _summaries(url: str, last: dt.date, runs: int, reference: bool) -> dict:
    engine = make_engine(url)
    out: dict = {}
    try:
        with engine.connect() as c:
            for name, (a, b) in _periods(last).items():
                res: dict = {"from": a.isoformat(), "to": b.isoformat()}
                totals = {}
                for by in rollups.GROUPINGS:
                    if name == "one_year" and by not in ("day", "product"):
                        continue
                    computed = _time(lambda: rollups.sales_summary(c, a, b, by, cached=False), runs)
                    cached = _time(lambda: rollups.sales_summary(c, a, b, by), runs)
                    # as after a posting today: the answer is stale, the kept months are not
                    fresh = _time(lambda: (rollups._CACHE.clear(),
                                           rollups.sales_summary(c, a, b, by)), runs)
                    answer = rollups.sales_summary(c, a, b, by)
                    totals[by] = answer["total"]
                    res[by] = {"rows": len(answer["rows"]), **computed,
                               "cached_median_ms": cached["median_ms"],
                               "cached_worst_ms": cached["worst_ms"],
                               "after_posting_median_ms": fresh["median_ms"],
                               "after_posting_worst_ms": fresh["worst_ms"]}
                res["totals_agree"] = all(t == totals["day"] for t in totals.values())
                res["total_amount"] = str(totals["day"]["amount"])
                if reference and name == "three_whole_months":
                    t = time.perf_counter()
                    ref = {by: rollups.reference_summary(c, a, b, by) for by in ("day", "product")}
                    res["reference_seconds"] = round(time.perf_counter() - t, 1)
                    res["equals_reference"] = all(
                        ref[by] == rollups.sales_summary(c, a, b, by) for by in ref)
                out[name] = res
    finally:
        engine.dispose()
    return out


def _report_loop(url: str, a: dt.date, b: dt.date, stop, counter, nice: int,
                 cached: bool) -> None:
    if nice:
        os.nice(nice)
    engine = make_engine(url)
    try:
        with engine.connect() as c:
            while not stop.is_set():
                rollups.sales_summary(c, a, b, "product", cached=cached)
                c.rollback()                        # a fresh snapshot each time
                with counter.get_lock():
                    counter.value += 1
    finally:
        engine.dispose()


def _checkout(url: str, last: dt.date, args) -> dict:
    """Checkout latency idle and while the one-year summary by product runs in a loop
    in another process: the tills flat out (every core busy: the latency is mostly
    the queue behind the other tills) and at a rush pace (a sale every --pace
    seconds per till: the latency a cashier waits)."""
    a, b = _periods(last)["one_year"]
    out: dict = {}
    # the report as the app asks it (its cache: the kept months, today's summed again as
    # the tills post) and the worst case (every run summed from the rollups afresh)
    runs = [("idle", None, True), ("report_loop", 0, True), ("report_loop_nice19", 19, True),
            ("idle_again", None, True), ("report_loop_uncached", 0, False)]
    for mode, pace in (("flat_out", None), ("paced", args.pace)):
        res: dict = {}
        for name, nice, cached in runs:
            ctx = multiprocessing.get_context("spawn")
            stop, counter, proc = ctx.Event(), ctx.Value("i", 0), None
            if nice is not None:
                proc = ctx.Process(target=_report_loop,
                                   args=(url, a, b, stop, counter, nice, cached))
                proc.start()
                time.sleep(2)                           # the loop is running
            r = bench_checkout(url, terminals=args.terminals, seconds=args.seconds,
                               hot=args.hot, pace=pace)
            if proc is not None:
                stop.set()
                proc.join(60)
            res[name] = {k: r[k] for k in ("checkouts", "per_second", "p50_ms", "p95_ms",
                                           "p99_ms", "errors", "oversold")}
            if proc is not None:
                res[name]["reports_run"] = counter.value
        idle = statistics.mean([res["idle"]["p95_ms"], res["idle_again"]["p95_ms"]])
        for name in ("report_loop", "report_loop_nice19", "report_loop_uncached"):
            res[name]["p95_vs_idle"] = round(res[name]["p95_ms"] / idle, 2)
        res["pace_seconds"] = pace
        out[mode] = res
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_arguments(ap, "bench_reports", "a shop to use (seeded if it has no sales)")
    ap.add_argument("--products", type=int, default=20000)
    ap.add_argument("--customers", type=int, default=2000)
    ap.add_argument("--lines", type=int, default=5_000_000)
    ap.add_argument("--days", type=int, default=730)
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--terminals", type=int, default=4)
    ap.add_argument("--seconds", type=float, default=10)
    ap.add_argument("--pace", type=float, default=0.1,
                    help="seconds between one till's sales in the paced runs (default 0.1)")
    ap.add_argument("--hot", action="store_true")
    ap.add_argument("--no-checkout", action="store_true")
    ap.add_argument("--no-reference", action="store_true")
    args = ap.parse_args()
    with bench_database(args, "bench_reports") as url:
        result: dict = {"backend": make_url(url).get_backend_name()}
        result.update(_prepare(url, args))
        last = dt.date.fromisoformat(result["last_day"])
        result["summaries"] = _summaries(url, last, args.runs, not args.no_reference)
        if not args.no_checkout:
            result["checkout"] = _checkout(url, last, args)
    print(json.dumps(result, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
