"""Stock history and variance tracing (issue 9, db.stock_history): stock as of past
days, a product's trail with its balances and approvers, what happened between
two counts, the archive's cut, and the command line; on SQLite and PostgreSQL."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from db import archive, clock
from db.errors import BooksError, NotFound
from db.money import money_str, qty_str
from db.stock_history import count_trace, product_trail, stock_as_of, stock_on

DAY = dt.timedelta(days=1)


def _at(days_ago: int) -> None:
    """The books' clock at `days_ago` days before today."""
    clock.reset()
    clock.shift(-days_ago * DAY)


def _day(days_ago: int) -> dt.date:
    return clock.today() - days_ago * DAY


@pytest.fixture
def history(shop):
    """Postings on several days (10, 8, 5, 3 and 1 days ago, and today), with the
    stock cache read after each day: what a person had on the shelf then."""
    b = shop.books
    shop.seen = {}
    shop.wang = shop.as_user("wang", "manager", "boss-pass-1")
    shop.li = shop.as_user("li", "clerk", "clerk-pass-1")

    def seen(days_ago: int) -> None:
        shop.seen[days_ago] = {s: shop.stock_of(s) for s in ("A1", "B1", "M1")}

    try:
        _at(10)
        shop.product("A1", "9.90", name="海天酱油", unit="瓶")
        shop.product("B1", "3.00", name="可乐", unit="罐")
        shop.product("M1", "5.50", name="牛奶", batch_tracked=True)
        shop.receive("Acme", ("A1", 10, "5.00"), ("B1", 4, "2.00"))
        shop.receive("Dairy", ("M1", 6, "3.10", "L1", dt.date(2031, 3, 1)))
        seen(10)
        _at(8)
        shop.sell(("A1", 3))
        shop.adj = b.post_adjustment([shop.line("A1", -1)], reason="damage: broken bottle")
        shop.sell(("M1", 2))
        seen(8)
        _at(5)
        po = b.post_purchase_order("Acme", [shop.line("A1", 1000, "6.00")])   # 6,000.00
        assert po.status == "awaiting-approval"
        assert shop.wang.approve(po.number).status == "approved"
        shop.po, shop.po_in = po, b.receive_order(po.number, [shop.line("A1", 5)])
        shop.st1 = b.post_stocktake([shop.line("A1", 10), shop.line("B1", 4)])   # A1 11 -> 10
        seen(5)
        _at(3)
        shop.between = [shop.sell(("A1", 2)).number,
                        shop.li.post_purchase_receipt("Acme", [shop.line("A1", 4, "6.50")]).number,
                        b.post_adjustment([shop.line("A1", -1)], reason="expiry").number]
        shop.sell(("B1", 1))                               # another product: not A1's story
        shop.st2 = b.post_stocktake([shop.line("A1", 10)])   # expected 11, counted 10
        seen(3)
        _at(1)
        shop.after_st2 = shop.sell(("A1", 1)).number
        shop.st3 = b.post_stocktake([shop.line("A1", 9)])    # as expected: no movement
        seen(1)
        clock.reset()
        shop.sell(("A1", 2))
        seen(0)
    finally:
        clock.reset()
    return shop


def _as_of(shop, day, skus=None):
    with shop.engine.connect() as c:
        return {r["sku"]: r for r in stock_as_of(c, day, skus)}


def test_stock_as_of_a_past_day_is_what_was_on_hand_then(history):
    shop = history
    for days_ago, cache in shop.seen.items():
        got = _as_of(shop, _day(days_ago))
        assert set(got) == {"A1", "B1", "M1"}
        for sku, (qty, value) in cache.items():
            assert (got[sku]["qty"], got[sku]["value"]) == (qty, value), (days_ago, sku)
    assert shop.seen[8]["A1"][0] == 6000 and shop.seen[3]["A1"][0] == 10_000
    before = _as_of(shop, _day(11))
    assert all(r["qty"] == 0 and r["value"] == 0 for r in before.values())
    assert _as_of(shop, _day(8), ["B1"]) == {"B1": {"sku": "B1", "name": "可乐", "unit": "罐",
                                                     "qty": 4000, "value": 800}}
    with shop.engine.connect() as c:
        assert stock_on(c, "A1", _day(5)) == 10_000
        assert stock_on(c, "A1", _day(1)) == 9000
        assert stock_on(c, "A1", clock.today()) == shop.stock_of("A1")[0] == 7000


def test_inactive_products_only_when_asked_for(history):
    shop = history
    shop.execute("UPDATE products SET active = :f WHERE sku = 'B1'", f=False)
    assert "B1" not in _as_of(shop, clock.today())
    assert _as_of(shop, clock.today(), ["B1"])["B1"]["qty"] == 3000


def test_the_trail_newest_first_with_balances_reasons_batches_and_approvers(history):
    shop = history
    with shop.engine.connect() as c:
        trail = product_trail(c, "A1", limit=100)
    qtys = [r["qty"] for r in trail]
    assert qtys == [-2000, -1000, -1000, -1000, 4000, -2000, -1000, 5000, -1000, -3000, 10_000]
    assert [r["balance"] for r in trail] == [7000, 9000, 10_000, 11_000, 12_000, 8000,
                                             10_000, 11_000, 6000, 7000, 10_000]
    assert trail[0]["balance"] == shop.stock_of("A1")[0]
    broken = next(r for r in trail if r["number"] == shop.adj.number)
    assert broken["kind"] == "adjustment" and broken["note"] == "damage: broken bottle"
    assert broken["date"] == _day(8) and broken["user"] == "boss"
    received = next(r for r in trail if r["number"] == shop.po_in.number)
    assert received["order"] == shop.po.number and received["approved_by"] == ["wang"]
    assert received["kind"] == "purchase-receipt" and received["qty"] == 5000
    assert received["value"] == 3000
    clerk_in = next(r for r in trail if r["number"] == shop.between[1])
    assert clerk_in["user"] == "li" and clerk_in["order"] is None
    assert clerk_in["approved_by"] == []
    with shop.engine.connect() as c:
        assert [r["number"] for r in product_trail(c, "A1", limit=2)] == \
            [r["number"] for r in trail[:2]]
        milk = product_trail(c, "M1")
    assert [(r["batch"], r["qty"], r["balance"]) for r in milk] == [
        ("L1", -2000, 4000), ("L1", 6000, 6000)]


def test_unknown_products_are_named(history):
    with history.engine.connect() as c:
        with pytest.raises(NotFound, match="no product with SKU or barcode 'NOPE'"):
            product_trail(c, "NOPE")
        assert product_trail(c, "a1") == product_trail(c, "A1")      # as the till reads codes
        with pytest.raises(NotFound, match="NOPE"):
            stock_as_of(c, clock.today(), ["A1", "NOPE"])
        with pytest.raises(NotFound, match="NOPE"):
            stock_on(c, "NOPE", clock.today())
        with pytest.raises(NotFound, match="NOPE"):
            count_trace(c, history.st2.number, "NOPE")
        with pytest.raises(BooksError, match="at least 1"):
            product_trail(c, "A1", limit=0)


def test_count_trace_lists_exactly_the_movements_between_two_counts(history):
    shop = history
    with shop.engine.connect() as c:
        t = count_trace(c, shop.st2.number, "A1")
    assert (t["expected"], t["counted"], t["difference"]) == (11_000, 10_000, -1000)
    assert t["previous"]["number"] == shop.st1.number and t["previous"]["date"] == _day(5)
    assert t["previous"]["counted"] == 10_000
    assert [m["number"] for m in t["movements"]] == shop.between          # oldest first
    assert [m["balance"] for m in t["movements"]] == [8000, 12_000, 11_000]
    assert t["moved"] == 1000 and t["explained"] and t["date"] == _day(3)
    assert t["movements"][2]["note"] == "expiry" and t["difference_value"] < 0


def test_count_trace_of_a_count_that_moved_nothing_and_of_the_first_count(history):
    shop = history
    with shop.engine.connect() as c:
        t = count_trace(c, shop.st3.number, "A1")
        first = count_trace(c, shop.st1.number.lower(), "A1")
        b1 = count_trace(c, shop.st1.number, "B1")
    assert t["difference"] == 0 and t["previous"]["number"] == shop.st2.number
    assert [m["number"] for m in t["movements"]] == [shop.after_st2] and t["explained"]
    assert first["previous"] is None and first["explained"]
    assert (first["expected"], first["counted"]) == (11_000, 10_000)
    assert [m["qty"] for m in first["movements"]] == [10_000, -3000, -1000, 5000]
    assert (b1["expected"], b1["difference"], b1["movements"][0]["qty"]) == (4000, 0, 4000)


def test_count_trace_refuses_what_is_not_a_count_of_the_product(history):
    shop = history
    with shop.engine.connect() as c:
        with pytest.raises(BooksError, match=f"{shop.adj.number} is an adjustment, not a stocktake"):
            count_trace(c, shop.adj.number, "A1")
        with pytest.raises(BooksError, match=f"stocktake {shop.st2.number} did not count B1"):
            count_trace(c, shop.st2.number, "B1")
        with pytest.raises(NotFound, match="no stocktake numbered 'PD19990101-0001'"):
            count_trace(c, "PD19990101-0001", "A1")


def test_days_before_the_archive_cut_are_refused_and_later_ones_add_the_openings(history):
    shop = history
    cut = _day(6)
    at_cut, today = _as_of(shop, cut), _as_of(shop, clock.today())
    done = archive.run_archive(shop.engine, shop.owner, cut)
    assert done["documents"] > 0
    assert _as_of(shop, cut) == at_cut and _as_of(shop, clock.today()) == today
    with shop.engine.connect() as c:
        with pytest.raises(BooksError, match=f"before {cut.isoformat()} are archived"):
            stock_as_of(c, cut - DAY)
        trail = product_trail(c, "A1", limit=100)
        t = count_trace(c, shop.st1.number, "A1")
    assert trail[0]["balance"] == shop.stock_of("A1")[0] and len(trail) == 8
    assert trail[-1]["balance"] == 11_000                    # the order's receipt, on the opening
    assert t["previous"] is None and t["explained"]


# ---------------------------------------------------------------- the command line

def test_cli_json_shapes(history, cli, capsys, monkeypatch):
    shop = history
    day = _day(5).isoformat()
    code, out, err = cli("report", "stock-as-of", "--date", day,
                          "--json")
    assert code == 0, err
    data = json.loads(out)
    assert set(data) == {"date", "rows", "value"} and data["date"] == day
    assert data["rows"][0] == {"sku": "A1", "name": "海天酱油", "unit": "瓶", "qty": "10",
                               "value": money_str(shop.seen[5]["A1"][1])}
    assert data["value"] == money_str(sum(v for _q, v in shop.seen[5].values()))
    code, out, err = cli("report", "stock-as-of", "--date", day,
                          "--sku", "B1", "--sku", "M1", "--json")
    assert [r["sku"] for r in json.loads(out)["rows"]] == ["B1", "M1"]

    code, out, err = cli("report", "trail", "--sku", "A1",
                          "--limit", "20", "--json")
    assert code == 0, err
    rows = json.loads(out)["rows"]
    assert set(rows[0]) == {"number", "kind", "date", "at", "user", "qty", "balance", "batch",
                            "note", "order", "approved_by", "value"}
    assert (rows[0]["qty"], rows[0]["balance"]) == ("-2", "7")
    received = next(r for r in rows if r["number"] == shop.po_in.number)
    assert received["order"] == shop.po.number and received["approved_by"] == ["wang"]
    assert received["value"] == "30.00" and received["date"] == _day(5).isoformat()

    code, out, err = cli("report", "count-trace", "--number",
                          shop.st2.number, "--sku", "A1", "--json")
    assert code == 0, err
    t = json.loads(out)
    assert (t["expected"], t["counted"], t["difference"]) == ("11", "10", "-1")
    assert t["previous"]["number"] == shop.st1.number and t["previous"]["counted"] == "10"
    assert [m["number"] for m in t["movements"]] == shop.between and t["explained"] is True
    assert t["moved"] == qty_str(1000)


def test_cli_text_and_errors(history, cli, capsys, monkeypatch):
    shop = history
    code, out, err = cli("report", "trail", "--sku", "A1")
    assert code == 0 and "broken bottle" in out and "approved by wang" in out
    code, out, err = cli("report", "count-trace", "--number",
                          shop.st2.number, "--sku", "A1")
    assert code == 0 and "expected 11, counted 10, difference -1" in out
    code, out, err = cli("report", "trail", "--sku", "NOPE")
    assert code == 1 and err.strip() == "error: no product with SKU or barcode 'NOPE'"
    code, out, err = cli("report", "stock-as-of", "--date",
                          "2026-02-30")
    assert code == 1 and "--date '2026-02-30' is not a date" in err
    code, out, err = cli("report", "trail", "--sku", "A1",
                          user="li", password="clerk-pass-1")
    assert code == 1 and "may not do this: reports" in err and "Traceback" not in err
