"""The seed's history passes `check` and is deterministic; the checkout bench
counts what it should and never oversells. Small sizes: a few seconds each."""
from __future__ import annotations

import datetime as dt
import hashlib
import json

import pytest
from sqlalchemy import func, select, text

from db.audit import dump_detail
from db.bench import bench_checkout
from db.check import check_books
from db.documents import LineIn
from db.errors import BooksError
from db.schema import (audit_log, batches, doc_counters, document_lines, documents, products,
                       stock, stock_ledger)
from db.seed import seed

END = dt.date(2026, 3, 1)
SIZES = dict(products=200, customers=30, sales_lines=4000, days=20)
TABLES = (documents, document_lines, stock_ledger, audit_log, stock, batches, doc_counters)


def _fingerprint(engine) -> str:
    """A digest of the seeded rows (ids and content, not the clock-stamped init rows)."""
    h = hashlib.sha256()
    with engine.connect() as c:
        for t in TABLES:
            cols = [col for col in t.c if col.name not in ("user_id",)]
            order = [col for col in t.primary_key.columns]
            for row in c.execute(select(*cols).order_by(*order)):
                h.update(repr(tuple(row)).encode())
        h.update(repr(c.execute(select(products.c.sku, products.c.name, products.c.price)
                                .order_by(products.c.id)).all()).encode())
    return h.hexdigest()


def test_seed_passes_check_and_later_postings_continue(shop):
    summary = seed(shop.engine, shop.owner, seed=7, end=END, **SIZES)
    assert summary["sale_lines"] == SIZES["sales_lines"]
    assert summary["returns"] > 0 and summary["receipts"] > 0 and summary["customer_payments"] > 0
    assert check_books(shop.engine) == []
    # the daily stock snapshots are made: the last day's stock is the stock now
    from db import snapshots
    assert summary["snapshots"] > 0
    with shop.engine.connect() as c:
        assert snapshots.as_of(c, END) == snapshots._now(c)
    # Stock never went below zero along the way (each product's running sum, in ledger order).
    rows = shop.rows(select(stock_ledger.c.product_id, stock_ledger.c.qty)
                     .order_by(stock_ledger.c.product_id, stock_ledger.c.id))
    running: dict[int, int] = {}
    for pid, q in rows:
        running[pid] = running.get(pid, 0) + q
        assert running[pid] >= 0
    if shop.backend == "sqlite":
        assert shop.rows(text("PRAGMA foreign_key_check")) == []
    # Sale audit details are exactly what db.audit.dump_detail writes.
    detail = shop.scalar(select(audit_log.c.detail).where(audit_log.c.entity == "sale").limit(1))
    assert detail == dump_detail(json.loads(detail))
    # A real posting today continues the numbering and the audit chain; so does one on
    # the last seeded day (its counter was left at the last number).
    sku = shop.scalar(select(products.c.sku).join(stock).where(stock.c.qty >= 5000)
                      .order_by(products.c.id).limit(1))
    shop.sell((sku, "1"))
    last_day = shop.books.post_sale([LineIn(sku, 1000)], doc_date=END)
    n = shop.scalar(select(func.count()).select_from(documents).where(
        documents.c.kind == "sale", documents.c.doc_date == END))
    assert last_day.number == f"XS{END:%Y%m%d}-{n:04d}"
    assert check_books(shop.engine) == []
    with pytest.raises(BooksError):
        seed(shop.engine, shop.owner, seed=7, end=END, **SIZES)   # documents exist now


def test_seed_is_deterministic(backend, request):
    """Same seed and end date -> the same rows, also when simulated in a child process."""
    prints = []
    for separate in (False, True):
        url = request.getfixturevalue("db_url") if not prints else _fresh_url(backend, request)
        from db.engine import make_engine
        from db.users import owner

        engine = make_engine(url)
        try:
            with engine.connect() as c:
                actor = owner(c)
            seed(engine, actor, seed=3, end=END, separate_process=separate,
                 **{**SIZES, "sales_lines": 2000})
            prints.append(_fingerprint(engine))
        finally:
            engine.dispose()
    assert prints[0] == prints[1]


def _fresh_url(backend, request):
    """A second fresh database in the same test (db_url gives one per test)."""
    if backend == "sqlite":
        import shutil

        template = request.getfixturevalue("sqlite_template")
        path = request.getfixturevalue("tmp_path") / "second.db"
        shutil.copyfile(template, path)
        return f"sqlite:///{path}"
    server = request.getfixturevalue("pg_server")
    name = server.create(request.getfixturevalue("pg_template"))
    request.addfinalizer(lambda: server.drop(name))
    return server.url_for(name)


@pytest.fixture
def small_bench(monkeypatch):
    monkeypatch.setattr("db.bench.COLD", 12)   # fewer products to set up


@pytest.mark.parametrize("processes", [False, True])
def test_bench_counts_and_never_oversells(shop, small_bench, processes):
    result = bench_checkout(shop.url, terminals=3, seconds=0.6, hot=True, processes=processes)
    assert result["checkouts"] > 0
    assert result["errors"] == 0, result["error_samples"]
    assert result["oversold"] == 0
    assert result["per_second"] > 0 and result["p95_ms"] > 0
    assert check_books(shop.engine) == []


def test_bench_last_units_are_fought_over(shop, small_bench):
    """The hot product runs out: the rest are refused, none oversold."""
    result = bench_checkout(shop.url, terminals=4, seconds=1.0, hot=True, hot_stock=25,
                            processes=shop.backend == "postgresql")
    assert result["errors"] == 0, result["error_samples"]
    assert result["oversold"] == 0
    assert result["refused"] > 0
    assert result["checkouts"] == 25          # every unit sold once, and only once
    assert check_books(shop.engine) == []


def test_a_paced_bench_sells_at_its_pace(shop, small_bench):
    """--pace: each till sells about once per pace (jittered ±50%), not flat out."""
    result = bench_checkout(shop.url, terminals=2, seconds=1.0, hot=False, pace=0.1)
    assert result["errors"] == 0, result["error_samples"]
    assert result["pace_seconds"] == 0.1
    assert 8 <= result["checkouts"] <= 2 * 15, result        # ~20: two tills, ten a second
    with pytest.raises(BooksError):
        bench_checkout(shop.url, terminals=1, seconds=1.0, hot=False, pace=0)
