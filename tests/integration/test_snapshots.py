"""Issue 9: daily stock snapshots (db.snapshots) and stock as of any date from them:
always what the ledger says for that day, whichever snapshot it starts from, and
never from a snapshot a back-dated document made stale."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from db import clock, snapshots
from db.schema import documents, int_sum, stock_ledger, stock_snapshot_days

DAY = dt.timedelta(days=1)


def _at(days_ago: int) -> None:
    clock.reset()
    clock.shift(-days_ago * DAY)


def truth(shop, day: dt.date) -> dict:
    """(qty, value) per product from the ledger rows of documents dated <= day."""
    L, D = stock_ledger.c, documents.c
    rows = shop.rows(select(L.product_id, int_sum(L.qty), int_sum(L.value))
                     .join(documents, D.id == L.document_id).where(D.doc_date <= day)
                     .group_by(L.product_id))
    return {p: (int(q), int(v)) for p, q, v in rows if q or v}


def test_stock_as_of_any_day_from_the_snapshots_and_a_back_dated_receipt(shop):
    shop.product("A1", "9.90", name="酱油")
    shop.product("B1", "3.00", name="可乐")
    try:
        for ago, action in ((120, "in"), (95, "sell"), (70, "in"), (40, "sell"), (20, "sell"),
                            (5, "in"), (2, "sell"), (0, "sell")):
            _at(ago)
            if action == "in":
                shop.receive("Acme", ("A1", 30, "5.00"), ("B1", 40, "1.50"))
            else:
                shop.sell(("A1", 3), ("B1", 4))
        clock.reset()
        today = clock.today()
        with shop.engine.connect() as c:         # no snapshot yet: from the stock now
            for ago in (1, 3, 21, 50, 100, 130):
                d = today - ago * DAY
                assert snapshots.as_of(c, d) == truth(shop, d), ago
        made = snapshots.catch_up(shop.engine)
        assert today - DAY in made and today - 62 * DAY in made
        month_ends = [d for d in made if snapshots.month_end(d)]
        assert month_ends and min(made) >= today - 121 * DAY - 31 * DAY
        assert snapshots.catch_up(shop.engine) == []                 # nothing more to make
        with shop.engine.connect() as c:
            for ago in range(0, 125, 3):                 # from a snapshot below, above or now
                d = today - ago * DAY
                assert snapshots.as_of(c, d) == truth(shop, d), ago
        # goods received today but dated 30 days ago: every snapshot since is stale
        shop.books.post_purchase_receipt("Acme", [shop.line("A1", 7, "4.00")],
                                         doc_date=today - 30 * DAY)
        with shop.engine.connect() as c:
            for ago in (1, 10, 29, 30, 31, 45):
                d = today - ago * DAY
                assert snapshots.as_of(c, d) == truth(shop, d), ago
            stale = [r.day for r in c.execute(select(stock_snapshot_days.c.day,
                                                     stock_snapshot_days.c.made_at))
                     if not snapshots.valid(c, r.day, r.made_at)]
        assert stale and min(stale) == today - 30 * DAY
        remade = snapshots.catch_up(shop.engine)
        assert sorted(remade) == sorted(stale)
        with shop.engine.connect() as c:
            assert snapshots.as_of(c, today - 10 * DAY) == truth(shop, today - 10 * DAY)
    finally:
        clock.reset()


def test_old_daily_snapshots_are_dropped_and_month_ends_kept(shop):
    shop.product("A1", "9.90", name="酱油")
    try:
        _at(200)
        shop.receive("Acme", ("A1", 30, "5.00"))
        clock.reset()
        snapshots.catch_up(shop.engine)
        clock.shift(40 * DAY)                    # forty days on: the old dailies go
        snapshots.catch_up(shop.engine)
        days = [r[0] for r in shop.rows(select(stock_snapshot_days.c.day))]
        today = clock.today()
        assert all(d >= today - 62 * DAY or snapshots.month_end(d) for d in days)
        assert today - DAY in days and len([d for d in days if snapshots.month_end(d)]) >= 7
    finally:
        clock.reset()
