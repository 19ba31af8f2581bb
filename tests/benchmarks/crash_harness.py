"""Issue 10, crash safety: kill the program with SIGKILL while it posts, many
times, and show the books whole each time.

    .venv/bin/python tests/benchmarks/crash_harness.py --kills 200                # SQLite
    .venv/bin/python tests/benchmarks/crash_harness.py --kills 200 --pg postgresql+psycopg://postgres@127.0.0.1:5432/postgres

Each round starts a child process that posts through the books' own code (sales
with and without a customer, returns, goods received, cancels) as fast as it can,
writing each document's number to a file once its posting has returned; the
round kills it with SIGKILL after a random 20–400 ms, then checks:

  * SQLite: `PRAGMA integrity_check` says ok (a fresh connection: WAL recovery);
  * no partial document: every document has its lines (all but payments), every
    stock-moving line its ledger rows and every document's total its lines' sum;
  * every number the child saw posted is in the books (nothing acknowledged is lost);
  * `check` finds nothing.

Prints one JSON document; exit 1 on the first round that fails. The test suite
runs a few rounds of it (tests/integration/test_crash.py).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from sqlalchemy import func, select  # noqa: E402

from db.check import check_books  # noqa: E402
from db.engine import make_engine  # noqa: E402
from db.schema import document_lines, documents, stock_ledger  # noqa: E402

HERE = Path(__file__).resolve()
PASSWORD = "crash-pass-1"


def prepare(url: str) -> None:
    """A shop with goods, a customer and stock to sell."""
    from db import users
    from db.books import Books
    from db.documents import LineIn
    from db.masters import NewProduct
    from db.shop import init
    engine = make_engine(url)
    try:
        init(engine, shop="崩溃测试", owner="owner", password=PASSWORD)
        with engine.connect() as c:
            owner = users.owner(c)
        b = Books(engine, owner)
        for i in range(6):
            b.add_product(NewProduct(sku=f"K{i}", name=f"测试商品{i}", unit="个", price=f"{5 + i}.00"))
        b.add_customer("老顾客")
        b.add_supplier("供应商")
        b.post_purchase_receipt("供应商", [LineIn(f"K{i}", 10_000_000, 300) for i in range(6)])
    finally:
        engine.dispose()


def child(url: str, log: str, seed: int) -> None:
    """Posts until killed; appends each posted number to `log` (fsynced)."""
    from db import users
    from db.books import Books
    from db.documents import LineIn
    from db.errors import BooksError
    engine = make_engine(url)
    with engine.connect() as c:
        owner = users.owner(c)
    b = Books(engine, owner)
    rng = random.Random(seed)
    sales: list[str] = []
    with open(log, "a", encoding="utf-8") as out:
        while True:
            roll = rng.random()
            try:
                if roll < 0.6 or not sales:
                    lines = [LineIn(f"K{rng.randrange(6)}", 1000 * rng.randint(1, 3))
                             for _ in range(rng.randint(1, 4))]
                    if rng.random() < 0.3:
                        done = b.post_sale(lines, customer="老顾客", payment="account")
                    else:
                        done = b.post_sale(lines, payment=rng.choice(("cash", "wechat")))
                    sales.append(done.number)
                elif roll < 0.75:
                    done = b.post_return(sales.pop(0), [LineIn("K0", 1000)])
                elif roll < 0.9:
                    done = b.post_purchase_receipt("供应商", [LineIn(f"K{rng.randrange(6)}",
                                                                   5000, 300)])
                else:
                    done = b.cancel(sales.pop())
            except BooksError:
                continue              # (a return of a line the sale did not have, ...)
            out.write(done.number + "\n")
            out.flush()
            os.fsync(out.fileno())


def whole(url: str, posted: list[str]) -> list[str]:
    """What is wrong with the books after a kill (empty: nothing)."""
    problems: list[str] = []
    engine = make_engine(url)
    try:
        with engine.connect() as c:
            if engine.dialect.name == "sqlite":
                result = [r[0] for r in c.exec_driver_sql("PRAGMA integrity_check")]
                if result != ["ok"]:
                    problems.append(f"integrity_check: {result[:3]}")
            D, L, S = documents.c, document_lines.c, stock_ledger.c
            no_lines = c.execute(select(D.number).where(
                D.kind.not_in(("customer-payment", "supplier-payment")),
                D.status == "posted",
                ~select(L.id).where(L.document_id == D.id).exists()).limit(3)).scalars().all()
            if no_lines:
                problems.append(f"documents without lines: {no_lines}")
            unledgered = c.execute(select(D.number).join(document_lines, L.document_id == D.id)
                                   .where(D.kind.in_(("sale", "sale-return", "purchase-receipt")),
                                          ~select(S.id).where(S.document_id == D.id).exists())
                                   .limit(3)).scalars().all()
            if unledgered:
                problems.append(f"lines without stock movements: {unledgered}")
            off = c.execute(select(D.number).join(document_lines, L.document_id == D.id)
                            .where(D.kind == "sale").group_by(D.id, D.number, D.total)
                            .having(func.sum(L.amount) != D.total).limit(3)).scalars().all()
            if off:
                problems.append(f"totals that are not their lines' sum: {off}")
            have = set(c.execute(select(D.number).where(D.number.in_(posted[-500:])))
                       .scalars()) if posted else set()
            lost = [n for n in posted[-500:] if n not in have]
            if lost:
                problems.append(f"posted, then lost: {lost[:3]}")
        problems += [f"check: {b}" for b in check_books(engine)[:3]]
    finally:
        engine.dispose()
    return problems


def rounds(url: str, kills: int, workdir: Path, seed: int = 1) -> dict:
    rng = random.Random(seed)
    log = workdir / "posted.txt"
    log.write_text("", encoding="utf-8")
    out = {"kills": 0, "posted": 0, "problems": []}
    env = dict(os.environ)
    for k in range(kills):
        proc = subprocess.Popen([sys.executable, str(HERE), "--child", url, str(log),
                                 str(seed * 1000 + k)], env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        time.sleep(0.8 + rng.uniform(0.02, 0.4))      # its start-up, then some postings
        if proc.poll() is not None:
            err = proc.stderr.read().decode(errors="replace")[-400:]
            out["problems"].append(f"round {k}: the child ended by itself: {err}")
            break
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        out["kills"] += 1
        posted = log.read_text(encoding="utf-8").split()
        out["posted"] = len(posted)
        found = whole(url, posted)
        if found:
            out["problems"].append(f"round {k}: " + "; ".join(found))
            break
    return out


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3], int(sys.argv[4]))
        return
    from bench_db import add_arguments, bench_database
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_arguments(ap, "crash_harness")
    ap.add_argument("--kills", type=int, default=50)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    import tempfile
    with bench_database(args, "crash_harness") as url, \
            tempfile.TemporaryDirectory(prefix="sk_crash_") as work:
        if not args.db:
            prepare(url)
        started = time.perf_counter()
        result = {"backend": url.split(":", 1)[0], **rounds(url, args.kills, Path(work),
                                                             args.seed),
                  "seconds": round(time.perf_counter() - started, 1)}
    print(json.dumps(result, ensure_ascii=False, indent=1))
    sys.exit(1 if result["problems"] else 0)


if __name__ == "__main__":
    main()
