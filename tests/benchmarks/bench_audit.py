"""The audit viewer's reads (db.audit_list) on a log of a million rows.

    .venv/bin/python tests/benchmarks/bench_audit.py                       # SQLite, in /tmp
    .venv/bin/python tests/benchmarks/bench_audit.py --pg postgresql+psycopg://postgres@127.0.0.1:5432/postgres
    .venv/bin/python tests/benchmarks/bench_audit.py --db sqlite:////tmp/audit.db   # a log made before (--keep)

Makes a shop (db.shop.init) and, unless the log already holds --rows rows,
appends --rows synthetic audit rows (1,000,000) over --days days (730) ending
today, chained as db.audit chains them, straight into audit_log: sales by
three cashiers (most rows), returns naming their sale, cancels naming their
reversal, receipts by a clerk, sign-ins, a manager's edits, a rare user.
No documents are written: a document filter finds its day from its number.
Then times a page (101 rows) of db.audit_list.read for each filter, and a
count, the seq bounds of a day, and (once, --verify) the whole chain: first
run, median and worst of --runs runs. Prints one JSON document; asserts nothing.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from sqlalchemy import func, select, update  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from db import audit_list, users  # noqa: E402
from db.audit import dump_detail, row_hash  # noqa: E402
from db.audit_list import AuditFilter  # noqa: E402
from db.bulkload import BulkLoader, sqlite_datetime  # noqa: E402
from db.engine import make_engine, write_transaction  # noqa: E402
from db.schema import audit_head, audit_log  # noqa: E402
from db.seed_rows import AUDIT_COLS  # noqa: E402
from db.shop import init  # noqa: E402
from bench_db import add_arguments, bench_database  # noqa: E402

PAGE = 101
STAFF = (("amy", "cashier"), ("bob", "cashier"), ("cai", "cashier"), ("dan", "clerk"),
         ("mona", "manager"), ("rare", "bookkeeper"))


def _users(engine) -> None:
    with write_transaction(engine) as c:
        owner = users.owner(c)
        have = {r.name for r in users.list_users(c)}
        for name, role in STAFF:
            if name not in have:
                users.add_user(c, owner, name, role, "bench-pass")


def _ids(engine) -> dict[str, int]:
    from db.schema import users as users_table
    with engine.connect() as c:
        return dict(c.execute(select(users_table.c.name, users_table.c.id)).all())


def _synthesise(engine, rows: int, days: int, seed: int = 1) -> dict:
    """rows audit rows after the log's head, `days` days ending today, chained."""
    rnd = random.Random(seed)
    _users(engine)
    ids = _ids(engine)
    pg = engine.dialect.name == "postgresql"
    today = dt.date.today()
    first_day = today - dt.timedelta(days=days - 1)
    per_day = rows // days
    out = {"rows": 0}
    started = time.perf_counter()
    with write_transaction(engine) as conn:
        seq, prev = conn.execute(select(audit_head.c.seq, audit_head.c.hash)).one()
        next_id = (conn.execute(select(func.max(audit_log.c.id))).scalar() or 0) + 1
        loader = BulkLoader(conn)
        buf: list[tuple] = []
        made = 0
        for d in range(days):
            day = first_day + dt.timedelta(days=d)
            key = day.strftime("%Y%m%d")
            n = per_day + (1 if d < rows - per_day * days else 0)
            micros = sorted(rnd.randrange(8 * 3600_000_000, 22 * 3600_000_000) for _ in range(n))
            counters: dict[str, int] = {}
            sales: list[str] = []

            def number(prefix: str) -> str:
                counters[prefix] = counters.get(prefix, 0) + 1
                return f"{prefix}{key}-{counters[prefix]:04d}"

            for m in micros:
                at = dt.datetime.combine(day, dt.time()) + dt.timedelta(microseconds=m)
                r = rnd.random()
                total = f"{rnd.randrange(100, 50000) / 100:.2f}"
                if r < 0.80:
                    who = ("amy", "bob", "cai")[rnd.randrange(3)]
                    num = number("XS")
                    sales.append(num)
                    row = (who, "post", "sale", num, {"lines": rnd.randrange(1, 9),
                                                      "payment": "cash", "total": total})
                elif r < 0.84 and sales:
                    row = ("mona", "post", "sale-return", number("XT"),
                           {"sale": rnd.choice(sales), "total": "-" + total})
                elif r < 0.85 and sales:
                    num = rnd.choice(sales)
                    row = ("mona", "cancel", "sale", num, {"reversal": num + "-C"})
                elif r < 0.88:
                    row = ("dan", "post", "purchase-receipt", number("RK"),
                           {"supplier": "海天味业", "total": total})
                elif r < 0.93:
                    who = ("amy", "bob", "cai", "dan", "mona")[rnd.randrange(5)]
                    row = (who, "sign-in", "user", str(ids[who]), {})
                elif r < 0.96:
                    row = ("mona", "product.update", "product", f"SP{rnd.randrange(20000):05d}",
                           {"price": ["9.90", "10.50"]})
                elif r < 0.99:
                    row = ("amy", "shift.open" if r < 0.975 else "shift.close", "shift",
                           str(d), {"float": "200.00"})
                elif r < 0.99005:
                    row = ("rare", "setting.set", "setting", "allow_negative_stock",
                           {"old": "0", "new": "1"})
                else:
                    row = ("mona", "customer.add", "customer", str(made), {"name": "张三",
                                                                           "phone": ""})
                who, action, entity, entity_id, detail = row
                seq += 1
                text = dump_detail(detail)
                uid = ids[who]
                h = row_hash(seq, at, uid, who, action, entity, entity_id, text, prev)
                buf.append((next_id, seq, sqlite_datetime(at), uid, who, action, entity,
                            entity_id, text, prev, h))
                next_id += 1
                prev = h
                made += 1
            if len(buf) >= 50_000 or d == days - 1:
                loader.insert(audit_log, AUDIT_COLS, buf)
                buf = []
        conn.execute(update(audit_head).where(audit_head.c.id == 1).values(seq=seq, hash=prev))
        if pg:
            loader.fix_sequences([audit_log])
            loader.analyze([audit_log])
    out["rows"] = made
    out["seconds"] = round(time.perf_counter() - started, 1)
    return out


def _time(fn, runs: int) -> dict:
    t = time.perf_counter()
    result = fn()
    first = (time.perf_counter() - t) * 1000
    ms = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        ms.append((time.perf_counter() - t) * 1000)
    out = {"first_ms": round(first, 1), "median_ms": round(statistics.median(ms), 1),
           "worst_ms": round(max(ms), 1)}
    if isinstance(result, list):
        out["rows"] = len(result)
    elif isinstance(result, int):
        out["count"] = result
    return out


def _measure(url: str, runs: int, verify: bool) -> dict:
    engine = make_engine(url)
    out: dict = {}
    try:
        with engine.connect() as c:
            owner = users.owner(c)
            out["log_rows"] = c.execute(select(func.count()).select_from(audit_log)).scalar()
            first_at, last_at = c.execute(select(func.min(audit_log.c.at),
                                                 func.max(audit_log.c.at))).one()
            today = last_at.date()
            mid = first_at.date() + (today - first_at.date()) / 2
            mid_seq = c.execute(select(func.max(audit_log.c.seq))).scalar() // 2
            numbers = {}
            for label, day in (("today", today), ("a year ago", today - dt.timedelta(days=365)),
                               ("the first day", first_at.date() + dt.timedelta(days=1))):
                numbers[label] = f"XS{day:%Y%m%d}-0007"
            cancelled = c.execute(select(audit_log.c.entity_id).where(
                audit_log.c.action == "cancel").order_by(audit_log.c.seq.desc()).limit(1)).scalar()

            def page(flt: AuditFilter, after=None):
                return lambda: audit_list.read(c, owner, flt, after=after, limit=PAGE)

            cases = [
                ("no filter, first page", page(AuditFilter())),
                ("no filter, a page from the middle", page(AuditFilter(), after=mid_seq)),
                ("user: a cashier (a third of the rows)", page(AuditFilter(user="amy"))),
                ("user: rare (0.005%)", page(AuditFilter(user="rare"))),
                ("one day, a year ago", page(AuditFilter(date_from=mid, date_to=mid))),
                ("a week, a year ago", page(AuditFilter(date_from=mid - dt.timedelta(days=6),
                                                        date_to=mid))),
                ("one day + user: rare", page(AuditFilter(user="rare", date_from=mid,
                                                          date_to=mid))),
                ("30 days + action: cancel", page(AuditFilter(
                    action="cancel", date_from=today - dt.timedelta(days=29), date_to=today))),
                ("action: cancel (1%)", page(AuditFilter(action="cancel"))),
                ("action: user.add (none here)", page(AuditFilter(action="user.add"))),
            ]
            for label, number in numbers.items():
                cases.append((f"document from {label}", page(AuditFilter(document=number))))
            cases.append(("document: a cancelled sale's reversal (-C)",
                          page(AuditFilter(document=f"{cancelled}-C"))))
            cases.append(("document (a year ago) + its day",
                          page(AuditFilter(document=numbers["a year ago"],
                                           date_from=today - dt.timedelta(days=365),
                                           date_to=today - dt.timedelta(days=365)))))
            out["pages"] = {label: _time(fn, runs) for label, fn in cases}
            out["counts"] = {
                "no filter": _time(lambda: audit_list.count(c, owner), runs),
                "one day": _time(lambda: audit_list.count(c, owner, AuditFilter(
                    date_from=mid, date_to=mid)), runs),
                "document from today": _time(lambda: audit_list.count(c, owner, AuditFilter(
                    document=numbers["today"])), runs),
                "user: rare": _time(lambda: audit_list.count(c, owner, AuditFilter(
                    user="rare")), runs),
            }
            first, last = audit_list._ends(c)
            moment = dt.datetime.combine(mid, dt.time())
            out["id bound of a day (search)"] = _time(
                lambda: audit_list.first_id_from(c, moment, first, last), runs)
            if verify:
                t = time.perf_counter()
                check = audit_list.verify_chain(c, owner)
                out["verify_chain"] = {"ms": round((time.perf_counter() - t) * 1000),
                                       "ok": check.ok, "rows": check.rows}
            c.rollback()
    finally:
        engine.dispose()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_arguments(ap, "bench_audit", "a shop whose log to read (rows added if it has fewer)")
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--days", type=int, default=730)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--no-verify", dest="verify", action="store_false",
                    help="skip timing db.audit.verify over the whole log")
    args = ap.parse_args()
    with bench_database(args, "bench_audit") as url:
        result: dict = {"backend": make_url(url).get_backend_name()}
        engine = make_engine(url)
        try:
            init(engine, shop="审计压测", owner="owner", password="bench-pass")
            with engine.connect() as c:
                have = c.execute(select(func.count()).select_from(audit_log)).scalar()
            if have < args.rows:
                result["synthesised"] = _synthesise(engine, args.rows - have, args.days)
        finally:
            engine.dispose()
        result.update(_measure(url, args.runs, args.verify))
    print(json.dumps(result, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
