"""Many terminals selling the last units of one product at once: exactly the stock sells."""
from __future__ import annotations

import multiprocessing as mp
from collections import Counter

import pytest
from sqlalchemy import select

import race_worker
from db.schema import documents, products, stock_ledger

QTY = 2          # units per sale
STOCK = 24       # units on hand: 12 sales can succeed


def _prepare(shop):
    shop.product(race_worker.HOT, "3.00")
    shop.receive("Acme", (race_worker.HOT, STOCK, "1.25"))   # 30.00 in all


def _assert_exactly_the_stock_sold(shop, outcomes: list[str], attempts: int):
    kinds = Counter(o.split(":")[0] for o in outcomes)
    leaks = [o for o in outcomes if not (o.startswith("ok:") or o == "insufficient")]
    assert leaks == [], f"errors leaked out of the race: {leaks[:5]}"
    assert len(outcomes) == attempts
    assert kinds["ok"] * QTY == STOCK
    assert kinds["insufficient"] == attempts - STOCK // QTY
    numbers = [o[3:] for o in outcomes if o.startswith("ok:")]
    assert len(set(numbers)) == len(numbers)
    assert shop.stock_of(race_worker.HOT) == (0, 0)
    pid = shop.scalar(select(products.c.id).where(products.c.sku == race_worker.HOT))
    moves = shop.rows(select(stock_ledger.c.qty, stock_ledger.c.flag)
                      .where(stock_ledger.c.product_id == pid).order_by(stock_ledger.c.id))
    running = 0
    for m in moves:
        running += m.qty
        assert running >= 0, "stock went below zero in the ledger"
        assert m.flag is None
    assert running == 0
    assert shop.count(documents, documents.c.kind == "sale") == STOCK // QTY
    assert sorted(n.number for n in shop.rows(select(documents.c.number)
                                               .where(documents.c.kind == "sale"))) == sorted(numbers)


def test_threads_race_for_the_last_units(shop):
    _prepare(shop)
    threads, attempts = 12, 3
    outcomes = race_worker.run_threads(shop.books, shop.line(race_worker.HOT, QTY),
                                       threads, attempts)
    _assert_exactly_the_stock_sold(shop, outcomes, threads * attempts)


@pytest.mark.slow
def test_processes_race_for_the_last_units(shop):
    """Separate processes (terminals), each with its own engine and a few threads."""
    _prepare(shop)
    procs_n, threads, attempts = 3, 3, 3
    ctx = mp.get_context("spawn")
    start, queue = ctx.Barrier(procs_n), ctx.Queue()
    owner = (shop.owner.id, shop.owner.name, shop.owner.role)
    procs = [ctx.Process(target=race_worker.process_main,
                         args=(shop.url, owner, QTY * 1000, threads, attempts, start, queue))
             for _ in range(procs_n)]
    for p in procs:
        p.start()
    try:
        outcomes = []
        for _ in procs:
            outcomes += queue.get(timeout=180)
    finally:
        for p in procs:
            p.join(30)
            if p.is_alive():
                p.kill()
    assert [p.exitcode for p in procs] == [0] * procs_n
    _assert_exactly_the_stock_sold(shop, outcomes, procs_n * threads * attempts)
