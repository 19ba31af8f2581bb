"""PostgreSQL's one-round-trip sale (db.fastsale, sk_fast_sale) posts exactly what the
ordinary posting (db.documents.sale) posts, and hands it everything it does not take."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from db import audit, fastsale
from db import documents as docs
from db.check import check_books
from db.errors import InsufficientStock
from db.posting import run_posting
from db.schema import (account_ledger, audit_log, customers, document_lines, document_payments,
                       documents, stock_ledger)

PG_ONLY = [pytest.param("postgresql", marks=pytest.mark.pg)]


@pytest.fixture
def paths(shop, monkeypatch):
    """Counts the sales the fast path posted and those it handed back."""
    seen = {"fast": 0, "slow": 0}
    real = fastsale.post_sale

    def spy(*a, **kw):
        done = real(*a, **kw)
        seen["fast" if done is not None and not done.replay else "slow"] += 1
        return done

    monkeypatch.setattr(fastsale, "post_sale", spy)
    return seen


def _slow_sale(shop, lines, **kw):
    return run_posting(shop.engine, lambda c: docs.sale(c, shop.owner, lines, **kw),
                       client_id=kw.get("client_id"))


def _posted(shop, doc_id):
    d = shop.rows(select(documents).where(documents.c.id == doc_id))[0]
    lines = shop.rows(select(document_lines.c.line_no, document_lines.c.product_id,
                             document_lines.c.qty, document_lines.c.price,
                             document_lines.c.amount, document_lines.c.cost)
                      .where(document_lines.c.document_id == doc_id)
                      .order_by(document_lines.c.line_no))
    led = shop.rows(select(stock_ledger.c.line_no, stock_ledger.c.product_id, stock_ledger.c.qty,
                           stock_ledger.c.unit_cost, stock_ledger.c.value, stock_ledger.c.flag)
                    .where(stock_ledger.c.document_id == doc_id).order_by(stock_ledger.c.id))
    pay = shop.rows(select(document_payments.c.method, document_payments.c.amount)
                    .where(document_payments.c.document_id == doc_id))
    acc = shop.rows(select(account_ledger.c.customer_id, account_ledger.c.amount)
                    .where(account_ledger.c.document_id == doc_id))
    a = shop.rows(select(audit_log.c.action, audit_log.c.entity, audit_log.c.entity_id,
                         audit_log.c.detail, audit_log.c.user_id, audit_log.c.user_name)
                  .where(audit_log.c.entity_id == d.number))
    return ((d.kind, d.status, d.customer_id, d.payment, d.total, d.user_id, d.doc_date),
            [tuple(x) for x in lines], [tuple(x) for x in led], [tuple(x) for x in pay],
            [tuple(x) for x in acc], [tuple(x)[:2] + tuple(x)[3:] for x in a])


def _twin_shop_rows(shop, make):
    shop.product("A1", "9.90", barcodes=["4006381333931"])
    shop.product("B1", "0.10")
    shop.books.add_customer("Wang")
    shop.receive("Acme", ("A1", 3, "1.00"), ("A1", 7, "2.33"), ("B1", 10, "0.03"))
    return make


@pytest.mark.parametrize("backend", PG_ONLY)
def test_fast_sale_posts_what_the_ordinary_posting_posts(shop, paths):
    _twin_shop_rows(shop, None)
    L = shop.line
    cases = [([L("A1", 1), L("B1", "0.5")], {}),
             ([L("4006381333931", "0.333", "1.99")], {"payment": "wechat"}),
             ([L("B1", 2), L("A1", 1)], {"customer": "Wang", "payment": "account"}),
             ([L("A1", 1)], {"customer": "Wang"})]
    for lines, kw in cases:
        fast = shop.books.post_sale(lines, **kw)
        slow = _slow_sale(shop, lines, **kw)
        f, s = _posted(shop, fast.id), _posted(shop, slow.id)
        assert f[0] == s[0] and f[1:5] != ([], [], [], [])
        # the same rows but the cost, which the stock moved by the first sale changes
        assert [r[:5] for r in f[1]] == [r[:5] for r in s[1]]
        assert [r[:3] for r in f[2]] == [r[:3] for r in s[2]]
        assert f[3] == s[3] and f[4] == s[4]
        assert [x[:2] for x in f[5]] == [x[:2] for x in s[5]] == [("post", "sale")]
        assert f[5][0][2:] == s[5][0][2:]                    # detail, user
        assert int(fast.number[-4:]) + 1 == int(slow.number[-4:])
        assert fast.total == slow.total and not fast.replay
    assert paths == {"fast": 4, "slow": 0}
    assert shop.balance(customers, "Wang") == 2 * (20 + 990)
    assert check_books(shop.engine) == []
    with shop.engine.connect() as c:
        assert audit.verify(c) is None


@pytest.mark.parametrize("backend", PG_ONLY)
def test_fast_sale_costs_follow_the_moving_average_to_the_last_fen(shop, paths):
    shop.product("T3", "1.00")
    shop.receive("Acme", ("T3", 1, "1.00"), ("T3", 2, "2.00"))   # 5.00 for 3
    sales = [shop.sell(("T3", 1)) for _ in range(3)]
    costs = [shop.scalar(select(document_lines.c.cost).where(document_lines.c.document_id == s.id))
             for s in sales]
    assert costs == [167, 167, 166] and shop.stock_of("T3") == (0, 0)
    units = shop.rows(select(stock_ledger.c.unit_cost, stock_ledger.c.value)
                      .where(stock_ledger.c.document_id.in_([s.id for s in sales]))
                      .order_by(stock_ledger.c.id))
    assert [tuple(u) for u in units] == [(167, -167), (167, -167), (166, -166)]
    assert paths == {"fast": 3, "slow": 0}
    assert check_books(shop.engine) == []


@pytest.mark.parametrize("backend", PG_ONLY)
def test_client_id_replays_and_writes_nothing(shop, paths):
    shop.product("A1", "9.90")
    shop.receive("Acme", ("A1", 5, "5.00"))
    first = shop.sell(("A1", 1), client_id="till-1-0001")
    counts = (shop.count(documents), shop.count(audit_log), shop.stock_of("A1"))
    again = shop.sell(("A1", 1), client_id="till-1-0001")
    assert again.replay and (again.id, again.number, again.total) == (first.id, first.number, first.total)
    assert (shop.count(documents), shop.count(audit_log), shop.stock_of("A1")) == counts


@pytest.mark.parametrize("backend", PG_ONLY)
def test_what_the_fast_path_does_not_take_goes_the_ordinary_way(shop, paths):
    shop.product("A1", "9.90", cost="4.00")
    shop.product("L1", "3.00", batch_tracked=True)
    shop.receive("Acme", ("A1", 2, "5.00"), ("L1", 5, "1.00", "B-1", dt.date(2030, 1, 1)))
    before = shop.count(documents)
    with pytest.raises(InsufficientStock):           # short: rolled back, then refused properly
        shop.sell(("A1", 3))
    assert shop.count(documents) == before and shop.stock_of("A1") == (2000, 1000)
    shop.sell(("L1", 1))                              # tracked by batch
    shop.sell(("A1", 1), ("A1", 1))                   # the same product twice
    shop.books.set_setting("allow_negative_stock", "1")
    neg = shop.sell(("A1", 1))                        # past zero, flagged
    flags = shop.rows(select(stock_ledger.c.flag).where(stock_ledger.c.document_id == neg.id))
    assert [f.flag for f in flags] == ["negative-stock"]
    assert paths == {"fast": 0, "slow": 4}
    numbers = sorted(shop.rows(select(documents.c.number).where(documents.c.kind == "sale")))
    assert [n.number[-4:] for n in numbers] == ["0001", "0002", "0003"]
    assert check_books(shop.engine) == []


def _wal_syncs(url: str) -> int:
    import psycopg

    dsn = url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(dsn, autocommit=True) as c:
        return c.execute("SELECT wal_sync FROM pg_stat_wal").fetchone()[0]


@pytest.mark.parametrize("backend", PG_ONLY)
def test_a_fast_sale_is_on_disk_before_it_is_reported(shop, paths):
    """The sale commits without waiting for the disk (its locks go at once), but post_sale
    returns only after a synchronous commit behind it has flushed the WAL: one flush per
    sale here, one terminal selling. Without that flush the WAL writer would flush now
    and then, far fewer times than there are sales."""
    import time

    shop.product("W1", "2.00")
    shop.receive("Acme", ("W1", 100, "1.00"))
    shop.engine.dispose()           # a backend reports its WAL statistics when it exits
    time.sleep(0.5)
    before = _wal_syncs(shop.url)
    sales = 40
    for _ in range(sales):
        shop.sell(("W1", 1))
    with shop.engine.connect() as c:      # the pooled connection commits synchronously again
        assert c.exec_driver_sql("SHOW synchronous_commit").scalar() == "on"
    shop.engine.dispose()
    deadline = time.monotonic() + 10
    while (flushed := _wal_syncs(shop.url) - before) < sales and time.monotonic() < deadline:
        time.sleep(0.1)
    assert paths == {"fast": sales, "slow": 0}
    assert flushed >= sales
    assert shop.stock_of("W1") == ((100 - sales) * 1000, (100 - sales) * 100)
