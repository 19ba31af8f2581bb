"""ABC classes from a year's sales and the cycle-count schedule (db.abc), on SQLite
and PostgreSQL."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from db import abc, clock
from db.errors import BooksError
from db.masters import ProductChanges
from db.schema import products

DAY = dt.timedelta(days=1)


def _at(days_ago: int) -> None:
    """Move the books' clock to `days_ago` days before today."""
    clock.reset()
    clock.shift(-days_ago * DAY)


@pytest.fixture(autouse=True)
def _clock_back():
    yield
    clock.reset()


def _by_sku(shop, answer: dict) -> dict:
    skus = dict(shop.rows(select(products.c.id, products.c.sku)))
    return {skus[pid]: v for pid, v in answer.items()}


def _read(shop, fn, *args, **kw):
    with shop.engine.connect() as c:
        return fn(c, *args, **kw)


def _store(shop, key: str, value: str) -> None:
    """A setting written straight into the table (as an older version or a hand edit might)."""
    shop.execute("DELETE FROM settings WHERE key = :k", k=key)
    shop.execute("INSERT INTO settings (key, value) VALUES (:k, :v)", k=key, v=value)


def _sell_once(shop, prices: dict[str, str], **kw) -> None:
    """One of each product at its price (stock received first)."""
    for sku, price in prices.items():
        shop.product(sku, price, **kw)
    shop.receive("Acme", *[(sku, 1, "1.00") for sku in prices])
    shop.sell(*[(sku, 1) for sku in prices])


# ---------------------------------------------------------------- classes

def test_classes_follow_80_15_5_of_the_years_sales(shop):
    _sell_once(shop, {"A1": "40.00", "A2": "30.00", "A3": "10.00", "B1": "10.00",
                      "B2": "5.00", "C1": "5.00"})
    shop.product("U1", "9.99")                      # never sold
    got = _by_sku(shop, _read(shop, abc.classify))
    assert got == {"A1": "A", "A2": "A", "A3": "A", "B1": "B", "B2": "B", "C1": "C", "U1": "C"}


def test_returns_net_out_and_inactive_products_have_no_class(shop):
    _sell_once(shop, {"A1": "40.00", "A2": "30.00", "A3": "10.00", "B1": "10.00",
                      "B2": "5.00", "C1": "5.00", "X1": "900.00"})
    shop.product("R1", "50.00")
    shop.receive("Acme", ("R1", 2, "1.00"))
    sale = shop.sell(("R1", 2))
    shop.books.post_return(sale.number, [shop.line("R1", 2)])     # net 0: C
    shop.books.update_product("X1", ProductChanges(active=False))  # not ranked, not in the total
    got = _by_sku(shop, _read(shop, abc.classify))
    assert got == {"A1": "A", "A2": "A", "A3": "A", "B1": "B", "B2": "B", "C1": "C", "R1": "C"}
    # a cancelled sale counts for nothing either
    shop.receive("Acme", ("A1", 1, "1.00"), ("C1", 1, "1.00"))
    shop.books.cancel(shop.sell(("A1", 0.5), ("C1", 0.5)).number)
    assert _by_sku(shop, _read(shop, abc.classify)) == got


def test_only_the_last_365_days_count(shop):
    shop.product("OLD", "100.00")
    shop.product("NEW", "1.00")
    shop.receive("Acme", ("OLD", 10, "1.00"), ("NEW", 10, "1.00"))
    _at(365)                          # a day outside the year that ends today
    shop.sell(("OLD", 5))
    _at(364)                          # its first day
    shop.sell(("NEW", 1))
    clock.reset()
    today = clock.today()
    assert _by_sku(shop, _read(shop, abc.classify)) == {"OLD": "C", "NEW": "A"}
    # the year that ends yesterday has both, OLD far ahead; a year ago OLD alone
    assert _by_sku(shop, _read(shop, abc.classify, today - DAY)) == {"OLD": "A", "NEW": "C"}
    assert _by_sku(shop, _read(shop, abc.classify, today - 364 * DAY)) == {"OLD": "A", "NEW": "C"}
    assert _by_sku(shop, _read(shop, abc.classify, today - 400 * DAY)) == {"OLD": "C", "NEW": "C"}


def test_ties_at_a_cut_point_go_by_sku_and_the_product_that_crosses_it_stays_above(shop):
    # five equal products, 20% each: 0, 20, 40, 60% ranked above the first four (A);
    # the fifth starts on 80% (B); which of equals is fifth: the biggest SKU
    _sell_once(shop, {"E3": "7.00", "E1": "7.00", "E5": "7.00", "E2": "7.00", "E4": "7.00"})
    assert _by_sku(shop, _read(shop, abc.classify)) == {
        "E1": "A", "E2": "A", "E3": "A", "E4": "A", "E5": "B"}


def test_a_product_with_most_of_the_sales_is_a(shop):
    _sell_once(shop, {"BIG": "90.00", "MID": "6.00", "LOW": "4.00"})
    assert _by_sku(shop, _read(shop, abc.classify)) == {"BIG": "A", "MID": "B", "LOW": "C"}
    shop.books.set_setting("abc_split", "95,99")
    assert _by_sku(shop, _read(shop, abc.classify)) == {"BIG": "A", "MID": "A", "LOW": "B"}
    shop.books.set_setting("abc_split", " 50 , 100 ")
    assert _by_sku(shop, _read(shop, abc.classify)) == {"BIG": "A", "MID": "B", "LOW": "B"}


# ---------------------------------------------------------------- the schedule

@pytest.fixture
def counted(shop):
    """The 80/15/5 shop with counts: B1 31 days ago, B2 20, A3 10 (and again 2 days ago,
    cancelled the next day), A1 8, A2 3; C1 and U1 never counted."""
    _sell_once(shop, {"A1": "40.00", "A2": "30.00", "A3": "10.00", "B1": "10.00",
                      "B2": "5.00", "C1": "5.00"})
    shop.product("U1", "9.99", batch_tracked=True)
    for days_ago, sku in ((31, "B1"), (20, "B2"), (10, "A3"), (8, "A1"), (3, "A2")):
        _at(days_ago)
        shop.books.post_stocktake([shop.line(sku, 0)])
    _at(2)
    wrong = shop.books.post_stocktake([shop.line("A3", 3)])
    _at(1)
    shop.books.cancel(wrong.number)          # neither it nor its reversal is a count
    clock.reset()
    return shop


def test_last_counted_is_the_newest_live_stocktake(counted):
    today = clock.today()
    assert _by_sku(counted, _read(counted, abc.last_counted)) == {
        "B1": today - 31 * DAY, "B2": today - 20 * DAY, "A3": today - 10 * DAY,
        "A1": today - 8 * DAY, "A2": today - 3 * DAY}


def test_due_by_class_interval(counted):
    today = clock.today()
    rows = _read(counted, abc.due)
    assert [(r["sku"], r["abc"], r["days_overdue"]) for r in rows] == [
        ("A3", "A", 3),          # counted 10 days ago, weekly
        ("A1", "A", 1),          # 8 days ago: due; A2 (3 days ago) is not
        ("B1", "B", 1),          # 31 days ago, monthly: due; B2 (20 days ago) is not
        ("C1", "C", 90),         # never counted: overdue by its interval
        ("U1", "C", 90),         # never sold, never counted (batch tracked: no matter)
    ]
    first = rows[0]
    assert first == {"product_id": first["product_id"], "sku": "A3", "name": "Product A3",
                     "category": "", "abc": "A", "last_counted": today - 10 * DAY,
                     "days_overdue": 3}
    assert rows[-1]["last_counted"] is None
    # eleven days on, B2 was counted 31 days before: due; A2 (14 days) too
    later = _read(counted, abc.due, today + 11 * DAY)
    assert [(r["sku"], r["days_overdue"]) for r in later if r["abc"] != "C"] == [
        ("A3", 14), ("A1", 12), ("A2", 7), ("B1", 12), ("B2", 1)]


def test_intervals_come_from_the_setting(counted):
    assert _read(counted, abc.intervals) == {"A": 7, "B": 30, "C": 90}
    counted.books.set_setting("abc_count_days", "2,21,60")
    assert _read(counted, abc.intervals) == {"A": 2, "B": 21, "C": 60}
    assert [(r["sku"], r["days_overdue"]) for r in _read(counted, abc.due)] == [
        ("A3", 8), ("A1", 6), ("A2", 1), ("B1", 10), ("C1", 60), ("U1", 60)]


def test_never_counted_ranks_as_overdue_by_its_interval_and_the_limit(shop):
    """All C (nothing sold), counted every 90 days: never counted is 90 days overdue,
    after one counted 200 days ago (110), before one counted 100 days ago (10); one
    counted 90 days ago is due today (0), 89 days ago is not. Equal overdue: by SKU."""
    for sku in ("N2", "O1", "O2", "O3", "O4", "N1"):
        shop.product(sku, "1.00", batch_tracked=sku == "N2")
    for days_ago, sku in ((200, "O1"), (100, "O2"), (90, "O3"), (89, "O4")):
        _at(days_ago)
        shop.books.post_stocktake([shop.line(sku, 0)])
    clock.reset()
    order = [("O1", 110), ("N1", 90), ("N2", 90), ("O2", 10), ("O3", 0)]
    assert [(r["sku"], r["days_overdue"]) for r in _read(shop, abc.due)] == order
    assert [r["sku"] for r in _read(shop, abc.due, limit=2)] == ["O1", "N1"]
    shop.books.set_setting("count_daily_items", "3")
    assert [r["sku"] for r in _read(shop, abc.due)] == ["O1", "N1", "N2"]
    assert [r["sku"] for r in _read(shop, abc.due, limit=10)] == [s for s, _ in order]
    shop.books.update_product("O1", ProductChanges(active=False))
    assert [r["sku"] for r in _read(shop, abc.due)] == ["N1", "N2", "O2"]


# ---------------------------------------------------------------- settings

@pytest.mark.parametrize("key,value", [
    ("abc_split", "80"), ("abc_split", "95,80"), ("abc_split", "0,50"), ("abc_split", "80,80"),
    ("abc_split", "80,101"), ("abc_split", "80.5,95"), ("abc_split", "a,b"),
    ("abc_split", "80,95,99"), ("abc_split", ""), ("abc_split", "-5,95"),
    ("abc_count_days", "7,30"), ("abc_count_days", "0,30,90"), ("abc_count_days", "30,7,90"),
    ("abc_count_days", "7,30,9999"), ("abc_count_days", "weekly"), ("abc_count_days", "7,30,x"),
    ("count_daily_items", "0"), ("count_daily_items", "-1"), ("count_daily_items", "ten"),
    ("count_daily_items", "1.5"), ("count_daily_items", ""), ("count_daily_items", "1000000"),
])
def test_check_setting_refuses_bad_values(key, value):
    with pytest.raises(BooksError, match=key):
        abc.check_setting(key, value)


def test_check_setting_passes_good_values_and_other_keys():
    for key, value in (("abc_split", "80,95"), ("abc_split", "1,100"), ("abc_split", " 70, 90"),
                       ("abc_count_days", "7,30,90"), ("abc_count_days", "1,1,1"),
                       ("count_daily_items", "40"), ("count_daily_items", "1"),
                       ("shop_name", "anything")):
        abc.check_setting(key, value)


def test_bad_stored_settings_are_refused_by_name(shop):
    shop.product("P1", "1.00")
    _store(shop, "abc_split", "95,80")
    with pytest.raises(BooksError, match="abc_split"):
        _read(shop, abc.classify)
    with pytest.raises(BooksError, match="abc_split"):
        _read(shop, abc.due)
    _store(shop, "abc_split", "80,95")
    _store(shop, "abc_count_days", "7,30")
    with pytest.raises(BooksError, match="abc_count_days"):
        _read(shop, abc.intervals)
    with pytest.raises(BooksError, match="abc_count_days"):
        _read(shop, abc.due)
    _store(shop, "abc_count_days", "7,30,90")
    _store(shop, "count_daily_items", "0")
    with pytest.raises(BooksError, match="count_daily_items"):
        _read(shop, abc.due)
    assert [r["sku"] for r in _read(shop, abc.due, limit=5)] == ["P1"]   # a limit given wins
    for bad in (0, -3, "x", True):
        with pytest.raises(BooksError, match="count_daily_items"):
            _read(shop, abc.due, limit=bad)
    with pytest.raises(BooksError, match="not a date"):
        _read(shop, abc.classify, "2026-12-01")
