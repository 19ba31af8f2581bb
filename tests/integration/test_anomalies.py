"""The weekly anomaly report and count accuracy (issue 9, db.anomalies), on SQLite
and PostgreSQL. Postings are placed at chosen times with db.clock."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from db import anomalies as an, clock, permissions
from db.errors import BooksError

DAY = dt.timedelta(days=1)
_today = dt.date.today()
MON = _today - dt.timedelta(days=_today.weekday() + 21)      # three weeks back, a Monday


def _at(day: dt.date, hh: int, mm: int = 0) -> None:
    """Move the books' clock to that day and time."""
    clock.reset()
    clock.shift(dt.datetime.combine(day, dt.time(hh, mm)) - dt.datetime.now())


@pytest.fixture
def week(shop):
    """A week from MON: sales in and out of hours, cancels by two users, a big and a
    small adjustment, a sale below cost, five counts (and one after the week)."""
    b, s = shop.books, shop
    try:
        _at(MON, 8)
        for sku, price in (("A1", "10.00"), ("B1", "2.00"), ("C1", "1.50"), ("D1", "1.00"),
                           ("E1", "1.00"), ("F1", "1.00")):
            s.product(sku, price, name=f"商品 {sku}")
        s.receive("Acme", ("A1", 10, "5.00"), ("B1", 10, "3.00"), ("C1", 10, "1.00"),
                  ("D1", 10, "1.00"), ("E1", 10, "1.00"), ("F1", 10, "1.00"))
        s.kim = s.as_user("kim", "cashier")
        s.mia = s.as_user("mia", "manager")
        _at(MON, 12)
        s.noon = s.sell(("A1", 1))
        _at(MON, 23, 30)
        s.late = s.kim.post_sale([s.line("A1", 1)])
        _at(MON + DAY, 10)
        s.below = s.sell(("B1", 1))                                    # 2.00 against 3.00
        _at(MON + DAY, 11)
        s.small = b.post_adjustment([s.line("A1", -5)], reason="damage")          # 25.00
        s.big = b.post_adjustment([s.line("C1", 300, "1.00")], reason="found")    # 300.00
        _at(MON + 2 * DAY, 13)
        sales = [s.sell(("A1", 1)) for _ in range(3)]
        _at(MON + 2 * DAY, 14)
        s.mia.cancel(sales[0].number)
        s.mia.cancel(sales[1].number)
        b.cancel(sales[2].number)
        s.counts = []
        for day, hh, lines in (
                (MON + 3 * DAY, 9, [("D1", 9), ("E1", 10), ("F1", 9)]),    # D F differ: 1 of 3
                (MON + 3 * DAY, 10, [("D1", 9), ("E1", 9), ("F1", 8)]),    # E F differ: 1 of 3
                (MON + 4 * DAY, 9, [("D1", 8), ("E1", 9), ("F1", 8)]),     # D differs: 2 of 3
                (MON + 5 * DAY, 10, [("D1", 8), ("E1", 9), ("F1", 8)]),    # 3 of 3
                (MON + 5 * DAY, 11, [("F1", 8)]),                          # 1 of 1
                (MON + 8 * DAY, 9, [("D1", 8), ("E1", 8)])):               # next week: 1 of 2
            _at(day, hh)
            s.counts.append(b.post_stocktake([s.line(*l) for l in lines]))
        _at(MON + 7 * DAY, 23, 45)
        s.sell(("A1", 1))                                              # late, but next week
    finally:
        clock.reset()
    return shop


def _report(shop, start=MON):
    with shop.engine.connect() as conn:
        return an.anomalies(conn, start)


def test_after_hours_activity_per_user(week):
    r = _report(week)
    assert (r["week_start"], r["week_end"]) == (MON.isoformat(), (MON + 6 * DAY).isoformat())
    assert r["shop_hours"] == "07:00-22:00"
    assert [u["user"] for u in r["after_hours"]] == ["kim"]          # 23:30 is, 12:00 is not
    kim = r["after_hours"][0]
    assert (kim["count"], kim["postings"], kim["cancels"], kim["edits"]) == (1, 1, 0, 0)
    [ex] = kim["examples"]
    assert (ex["action"], ex["entity"], ex["entity_id"]) == ("post", "sale", week.late.number)
    assert ex["at"].startswith(f"{MON.isoformat()} 23:30")
    week.books.set_setting("shop_hours", "13:00-22:00")             # now noon is outside
    r = _report(week)
    boss = next(u for u in r["after_hours"] if u["user"] == "boss")
    assert week.noon.number in {e["entity_id"] for e in boss["examples"]}
    assert week.below.number in {e["entity_id"] for e in boss["examples"]}


def test_shop_hours_over_midnight_and_a_bad_setting(shop):
    at = dt.datetime(2026, 1, 5, 23, 30)
    assert an.after_hours(at, (7 * 60, 22 * 60))
    assert not an.after_hours(at.replace(hour=12), (7 * 60, 22 * 60))
    assert not an.after_hours(at, (18 * 60, 2 * 60))                 # open 18:00 to 02:00
    assert an.after_hours(at.replace(hour=3), (18 * 60, 2 * 60))
    shop.books.set_setting("shop_hours", "7-22")
    with pytest.raises(BooksError, match="shop_hours '7-22'"):
        _report(shop)


def test_cancels_per_user_and_no_voids(week):
    r = _report(week)
    assert [(u["user"], u["count"]) for u in r["cancels"]] == [("mia", 2), ("boss", 1)]
    assert all(d["kind"] == "sale" for d in r["cancels"][0]["documents"])
    assert r["voids_recorded"] is False


def test_large_adjustments_above_the_threshold(week):
    r = _report(week)
    assert r["adjustment_threshold"] == 20000
    [big] = r["large_adjustments"]
    assert (big["number"], big["reason"], big["user"], big["value"], big["moved"]) == (
        week.big.number, "found", "boss", 30000, 30000)
    week.books.set_setting("anomaly_adjustment_value", "20.00")
    r = _report(week)
    assert [a["number"] for a in r["large_adjustments"]] == [week.big.number, week.small.number]
    assert r["large_adjustments"][1]["value"] == -2500
    week.books.set_setting("anomaly_adjustment_value", "lots")
    with pytest.raises(BooksError):
        _report(week)


def test_sales_below_cost(week):
    [s] = _report(week)["sales_below_cost"]
    assert (s["number"], s["sku"], s["user"], s["qty"], s["price"], s["unit_cost"], s["amount"],
            s["cost"], s["loss"]) == (week.below.number, "B1", "boss", 1000, 200, 300, 200, 300, 100)


def test_repeated_count_variances_in_the_last_four_counts(week):
    [d] = _report(week)["count_variances"]          # E1: once; F1: once in its last four
    assert (d["sku"], d["counts"], d["variances"]) == ("D1", 4, 2)
    assert [h["number"] for h in d["history"]] == [c.number for c in week.counts[3::-1]]
    assert [h["difference"] for h in d["history"]] == [0, -1000, 0, -1000]
    # a week later D1's last four end with a clean count (one variance left), and E1's
    # second variance came
    assert [p["sku"] for p in _report(week, MON + 7 * DAY)["count_variances"]] == ["E1"]


def test_count_accuracy_per_count(week):
    with week.engine.connect() as conn:
        every = an.count_accuracy(conn)
        in_week = an.count_accuracy(conn, MON, MON + 6 * DAY)
        with pytest.raises(BooksError, match="before it starts"):
            an.count_accuracy(conn, MON + DAY, MON)
    assert [r["number"] for r in every] == [c.number for c in week.counts]
    assert [r["accuracy"] for r in every] == ["33.3", "33.3", "66.7", "100.0", "100.0", "50.0"]
    assert (every[-1]["items"], every[-1]["matching"]) == (2, 1)
    assert len(in_week) == 5 and in_week[0]["date"] == (MON + 3 * DAY).isoformat()
    week.books.cancel(week.counts[-1].number)          # a cancelled count is no count
    with week.engine.connect() as conn:
        assert len(an.count_accuracy(conn)) == 5


def test_cli_json_shapes(week, cli, capsys, monkeypatch):
    code, out, err = cli("report", "anomalies", "--week-of",
                          (MON + 3 * DAY).isoformat(), "--json")
    assert code == 0, err
    d = json.loads(out)
    assert set(d) == {"week_start", "week_end", "shop_hours", "adjustment_threshold",
                      "voids_recorded", "after_hours", "cancels", "large_adjustments",
                      "sales_below_cost", "count_variances"}
    assert d["week_start"] == MON.isoformat() and d["adjustment_threshold"] == "200.00"
    assert d["after_hours"][0]["user"] == "kim"
    assert d["large_adjustments"][0]["value"] == "300.00"
    s = d["sales_below_cost"][0]
    assert (s["qty"], s["price"], s["unit_cost"], s["loss"]) == ("1", "2.00", "3.00", "1.00")
    assert d["count_variances"][0]["history"][1]["difference"] == "-1"
    code, out, err = cli("report", "count-accuracy", "--from",
                          MON.isoformat(), "--to", (MON + 6 * DAY).isoformat(), "--json")
    assert code == 0, err
    rows = json.loads(out)["counts"]
    assert set(rows[0]) == {"number", "date", "user", "items", "matching", "accuracy"}
    assert [r["accuracy"] for r in rows] == ["33.3", "33.3", "66.7", "100.0", "100.0"]
    code, out, err = cli("report", "anomalies", "--week-of", "soon")
    assert code == 1 and "--week-of 'soon' is not a date" in err and out == ""


def test_cli_default_week_and_text(week, cli, capsys, monkeypatch):
    code, out, err = cli("report", "anomalies", "--json")
    assert code == 0, err
    start = dt.date.fromisoformat(json.loads(out)["week_start"])
    assert start.weekday() == 0 and start == clock.today() - dt.timedelta(
        days=clock.today().weekday() + 7)
    code, out, err = cli("report", "anomalies", "--week-of",
                          MON.isoformat())
    assert code == 0, err
    assert "kim" in out and "voids at the till are not recorded" in out


def test_a_cashier_gets_no_cost(week, cli, capsys, monkeypatch):
    code, out, err = cli("--user", "kim", "report", "anomalies",
                          "--json", password="secret-pw")
    assert code == 1 and out == "" and "may not" in err
    # were a role without costs ever allowed reports, it would get none
    monkeypatch.setitem(permissions.ALLOWED, "reports",
                        permissions.ALLOWED["reports"] | {"cashier"})
    code, out, err = cli("--user", "kim", "report", "anomalies",
                          "--week-of", MON.isoformat(), "--json", password="secret-pw")
    assert code == 0, err
    d = json.loads(out)
    assert "sales_below_cost" not in d and "adjustment_threshold" not in d
    assert d["large_adjustments"] and all("value" not in a and "moved" not in a
                                          for a in d["large_adjustments"])
    assert "3.00" not in out
