"""`bench checkout`: N terminals posting sales at once, through Books.post_sale.

The bench sets up its own goods in the given shop (a supplier, a hot product
and a pool of others, received through Books.post_purchase_receipt), then
runs N terminals for a while, each posting 1-3 line sales with a fresh
client id. With `hot`, every sale carries the same product, so every
terminal fights over one stock row. Afterwards the database is asked what
happened: what each bench product had before, what the sales took (from
the stock ledger of the run's own documents) and what is on hand now;
stock sold beyond what existed, or a cache that disagrees, is "oversold".

Terminals are processes where Python's GIL would otherwise serialise them
(PostgreSQL, where the Python side of posting is most of the work), threads
on SQLite (one writer at a time anyway; threads queue on the engine's lock
instead of polling SQLite's busy handler). `processes` overrides.

`hot_stock` gives the hot product only that many units, so the last ones are
fought over: sales refused for want of stock are counted as "refused", not
as errors, and oversold must stay 0.
"""
from __future__ import annotations

import multiprocessing
import random
import time
import uuid
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass

from sqlalchemy import Engine, func, select

from db.audit import Actor
from db.books import Books
from db.documents import LineIn
from db.engine import make_engine
from db.errors import BooksError, InsufficientStock
from db.masters import NewProduct, get_setting
from db.schema import documents, products, stock, stock_ledger, suppliers
from db.users import owner

SUPPLIER = "压测供应商"
COLD = 200                      # products in the pool the other lines come from
PAYMENTS = ("cash", "wechat", "alipay", "card")


@dataclass(frozen=True)
class _Plan:
    url: str
    actor: Actor
    run: str                    # client ids of this run start with "bench-<run>-"
    hot_sku: str | None
    cold_skus: tuple[str, ...]
    start_at: float             # time.time() when every terminal starts
    seconds: float
    pace: float | None = None   # seconds between one till's checkouts (None: flat out)


def bench_checkout(url: str, *, terminals: int, seconds: float, hot: bool,
                   processes: bool | None = None, hot_stock: int | None = None,
                   pace: float | None = None) -> dict:
    """Runs the bench; returns {"checkouts", "per_second", "p95_ms", "oversold", "errors", ...}.

    Each till posts flat out, or with `pace` one sale every `pace` seconds (on
    average; the start of each is jittered so the tills do not march in step): a
    shop's tills at a rush, whose latency is then what a cashier waits, not a
    queue behind the other tills."""
    if terminals < 1 or seconds <= 0:
        raise BooksError("bench: --terminals must be at least 1 and --seconds above 0")
    if pace is not None and pace <= 0:
        raise BooksError("bench: a pace must be above 0 seconds")
    if hot_stock is not None and (not hot or hot_stock < 0):
        raise BooksError("bench: a limited hot stock needs --hot and a count of at least 0")
    engine = make_engine(url, pool_size=max(5, terminals))
    backend = engine.dialect.name
    if processes is None:
        processes = backend == "postgresql"
    try:
        actor, run, hot_sku, cold = _prepare(engine, terminals, seconds, hot, hot_stock)
        watched = ([hot_sku] if hot_sku else []) + list(cold)
        before = _on_hand(engine, watched)
    finally:
        engine.dispose()   # children open their own connections
    plan = _Plan(url, actor, run, hot_sku, tuple(cold), 0.0, seconds, pace)
    results = _run_terminals(plan, terminals, processes)
    engine = make_engine(url)
    try:
        outcome = _outcome(engine, run, watched, before)
        allow_negative = _setting(engine, "allow_negative_stock") == "1"
    finally:
        engine.dispose()
    lat = sorted(x for r in results for x in r["latencies"])
    ok = sum(r["checkouts"] for r in results)
    refused = sum(r["refused"] for r in results)
    errors = sum(r["errors"] for r in results)
    elapsed = max([r["elapsed"] for r in results] + [seconds])
    samples = [m for r in results for m in r["samples"]][:5]
    lost = ok - outcome["documents"]   # a checkout reported posted but not in the books
    return {
        "checkouts": ok,
        "per_second": round(ok / elapsed, 1),
        "p95_ms": round(_pct(lat, 0.95), 2),
        "oversold": outcome["oversold"],
        "errors": errors + abs(lost),
        "refused": refused,
        "p50_ms": round(_pct(lat, 0.50), 2),
        "p99_ms": round(_pct(lat, 0.99), 2),
        "max_ms": round(lat[-1], 2) if lat else 0.0,
        "terminals": terminals,
        "pace_seconds": pace,
        "hot": hot,
        "hot_stock": hot_stock,
        "backend": backend,
        "mode": "processes" if processes else "threads",
        "seconds": round(elapsed, 2),
        "sold_units": outcome["sold_units"],
        "allow_negative_stock": allow_negative,
        "error_samples": samples,
    }


def _pct(sorted_values: list[float], p: float) -> float:
    if not sorted_values:
        return 0.0
    return sorted_values[min(len(sorted_values) - 1, int(p * len(sorted_values)))]


# ---------------------------------------------------------------- set-up

def _prepare(engine: Engine, terminals: int, seconds: float, hot: bool,
             hot_stock: int | None) -> tuple[Actor, str, str | None, list[str]]:
    with engine.connect() as conn:
        actor = owner(conn)
        have_supplier = conn.execute(select(suppliers.c.id)
                                     .where(suppliers.c.name == SUPPLIER)).first()
        existing = set(conn.execute(select(products.c.sku)
                                    .where(products.c.sku.like("BENCH-%"))).scalars())
    if actor is None:
        raise BooksError("bench: the shop has no owner yet; run init first")
    books = Books(engine, actor)
    if not have_supplier:
        books.add_supplier(SUPPLIER, "020-12345678")
    run = uuid.uuid4().hex[:10]
    cold = [f"BENCH-C{i:03d}" for i in range(COLD)]
    for i, sku in enumerate(cold):
        if sku not in existing:
            books.add_product(NewProduct(sku=sku, name=f"压测商品 {i:03d}", unit="个",
                                         price=f"{3 + i % 17}.{i % 10}0", cost="2.00"))
    hot_sku = None
    if hot:
        hot_sku = "BENCH-HOT" if hot_stock is None else f"BENCH-HOT-{run}"
        if hot_sku not in existing:
            books.add_product(NewProduct(sku=hot_sku, name="压测爆款 矿泉水 550ml", unit="瓶",
                                         price="2.00", cost="0.90"))
    # Enough for the fastest run imaginable; the limited hot product gets just hot_stock.
    ceiling = int(4000 * seconds * 3 + 1000)
    lines = [LineIn(sku, (ceiling // COLD + 100) * 1000, 200) for sku in cold]
    if hot_sku:
        units = ceiling if hot_stock is None else hot_stock
        if units:
            lines.append(LineIn(hot_sku, units * 1000, 90))
    books.post_purchase_receipt(SUPPLIER, lines, client_id=f"bench-{run}-stock")
    return actor, run, hot_sku, cold


def _on_hand(engine: Engine, skus: list[str]) -> dict[int, int]:
    with engine.connect() as conn:
        return dict(conn.execute(select(stock.c.product_id, stock.c.qty)
                                 .join(products, products.c.id == stock.c.product_id)
                                 .where(products.c.sku.in_(skus))).all())


def _setting(engine: Engine, key: str) -> str | None:
    with engine.connect() as conn:
        return get_setting(conn, key)


# ---------------------------------------------------------------- the run

def _run_terminals(plan: _Plan, terminals: int, processes: bool) -> list[dict]:
    if processes:
        methods = multiprocessing.get_all_start_methods()
        method = "fork" if "fork" in methods else "spawn"
        lead = 1.0 if method == "fork" else 4.0   # time for the terminals to start and connect
        plan = _replace_start(plan, time.time() + lead)
        ctx = multiprocessing.get_context(method)
        with ProcessPoolExecutor(max_workers=terminals, mp_context=ctx) as pool:
            futures = [pool.submit(_terminal, plan, k, None) for k in range(terminals)]
            return [f.result() for f in futures]
    engine = make_engine(plan.url, pool_size=terminals)
    try:
        plan = _replace_start(plan, time.time() + 0.5)
        with ThreadPoolExecutor(max_workers=terminals) as pool:
            futures = [pool.submit(_terminal, plan, k, engine) for k in range(terminals)]
            return [f.result() for f in futures]
    finally:
        engine.dispose()


def _replace_start(plan: _Plan, start_at: float) -> _Plan:
    return _Plan(plan.url, plan.actor, plan.run, plan.hot_sku, plan.cold_skus, start_at,
                 plan.seconds, plan.pace)


def _terminal(plan: _Plan, k: int, engine: Engine | None) -> dict:
    """One till: sales as fast as it can post them (or at its pace) until the time is up."""
    own = engine is None
    if own:
        engine = make_engine(plan.url, pool_size=1)
    try:
        books = Books(engine, plan.actor)
        rng = random.Random(f"{plan.run}-{k}")
        with engine.connect() as conn:   # connect (and warm up) before the start
            conn.execute(select(func.count()).select_from(suppliers)).scalar()
        wait = plan.start_at - time.time()
        if wait > 0:
            time.sleep(wait)
        deadline = max(plan.start_at, time.time()) + plan.seconds
        out = {"checkouts": 0, "refused": 0, "errors": 0, "latencies": [], "samples": []}
        lat = out["latencies"]
        cold = plan.cold_skus
        n = 0
        due = time.perf_counter()
        while True:
            if plan.pace is not None:       # the next customer arrives
                due += plan.pace * rng.uniform(0.5, 1.5)
                rest = due - time.perf_counter()
                if rest > 0:
                    time.sleep(min(rest, max(0.0, deadline - time.time())))
            t0 = time.perf_counter()
            if time.time() >= deadline:
                break
            lines = []
            count = rng.randint(1, 3)
            if plan.hot_sku:
                lines.append(LineIn(plan.hot_sku, 1000))
            for sku in rng.sample(cold, count - len(lines)):
                lines.append(LineIn(sku, rng.choice((1000, 1000, 2000))))
            n += 1
            try:
                books.post_sale(lines, payment=rng.choice(PAYMENTS),
                                client_id=f"bench-{plan.run}-{k}-{n}")
            except InsufficientStock:
                out["refused"] += 1
                continue
            except Exception as exc:  # anything else is a failure of the books
                out["errors"] += 1
                if len(out["samples"]) < 3:
                    out["samples"].append(f"{type(exc).__name__}: {str(exc).splitlines()[0][:200]}")
                continue
            lat.append((time.perf_counter() - t0) * 1000)
            out["checkouts"] += 1
        out["elapsed"] = time.time() - plan.start_at
        return out
    finally:
        if own:
            engine.dispose()


# ---------------------------------------------------------------- what happened

def _outcome(engine: Engine, run: str, skus: list[str], before: dict[int, int]) -> dict:
    """Sold (per the run's ledger rows) against what existed and what is on hand."""
    with engine.connect() as conn:
        run_docs = select(documents.c.id).where(documents.c.client_id.like(f"bench-{run}-%"),
                                                documents.c.kind == "sale")
        n_docs = conn.execute(select(func.count()).select_from(run_docs.subquery())).scalar()
        sold = dict(conn.execute(
            select(stock_ledger.c.product_id, func.sum(stock_ledger.c.qty))
            .where(stock_ledger.c.document_id.in_(run_docs))
            .group_by(stock_ledger.c.product_id)).all())
        ledger = dict(conn.execute(
            select(stock_ledger.c.product_id, func.sum(stock_ledger.c.qty))
            .where(stock_ledger.c.product_id.in_(list(before)))
            .group_by(stock_ledger.c.product_id)).all())
        now = dict(conn.execute(select(stock.c.product_id, stock.c.qty)
                                .where(stock.c.product_id.in_(list(before)))).all())
    oversold = 0
    sold_total = 0
    for pid, had in before.items():
        took = -int(sold.get(pid) or 0)
        sold_total += took
        beyond = max(0, took - had)                      # sold what was never there
        wrong = abs((had - took) - now[pid])             # the cache disagrees with the sales
        wrong += abs(int(ledger.get(pid) or 0) - now[pid])   # ... or with its ledger
        below = max(0, -now[pid])
        oversold += -(-(beyond + wrong + below) // 1000)   # whole units, rounded up
    return {"documents": n_docs, "oversold": oversold, "sold_units": sold_total // 1000}
