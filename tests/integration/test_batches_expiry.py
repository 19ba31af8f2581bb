"""Issue 9: batches and expiry. A sale takes first-expiry-first-out from the batches
not expired, never sells an expired one (by name or otherwise, not even where the
shop allows negative stock), while adjustments and supplier returns still take
expired goods off the shelf; a return goes back into the batch it came from; a
recall (db.recall, `report recall`) lists who bought a batch, net of returns."""
from __future__ import annotations

import datetime as dt
import io
import json
from contextlib import redirect_stdout

import pytest
from sqlalchemy import select

from db import clock
from db.errors import BooksError, InsufficientStock
from db.money import parse_qty
from db.schema import batches, documents, stock_ledger

DAY = dt.timedelta(days=1)


@pytest.fixture
def milk(shop):
    """Milk in three batches: OLD expired two days ago, SOON in 10 days, LATER in 60."""
    today = clock.today()
    shop.product("M1", "5.50", name="牛奶", batch_tracked=True)
    shop.receive("Dairy", ("M1", 3, "3.00", "OLD", today - 2 * DAY),
                 ("M1", 4, "3.00", "SOON", today + 10 * DAY),
                 ("M1", 5, "3.00", "LATER", today + 60 * DAY))
    shop.books.add_customer("Wang")
    shop.books.add_customer("Li")
    return shop


def batch_qty(shop, batch_no: str) -> str:
    from db.money import qty_str
    return qty_str(shop.scalar(select(batches.c.qty).where(batches.c.batch_no == batch_no)))


def levels(shop) -> dict[str, str]:
    return {b: batch_qty(shop, b) for b in ("OLD", "SOON", "LATER")}


def sales_count(shop) -> int:
    return shop.count(documents, documents.c.kind == "sale")


def check(shop) -> list[str]:
    from db.check import check_books
    return check_books(shop.engine)


def test_a_sale_takes_the_earliest_batch_not_expired(milk):
    milk.sell(("M1", 5))
    assert levels(milk) == {"OLD": "3", "SOON": "0", "LATER": "4"}   # OLD skipped
    assert milk.stock_of("M1")[0] == parse_qty("7")
    milk.sell(("M1", 2))
    assert levels(milk) == {"OLD": "3", "SOON": "0", "LATER": "2"}
    assert check(milk) == []


def test_a_batch_expiring_today_still_sells_and_tomorrow_it_does_not(milk):
    try:
        clock.shift(10 * DAY)                 # SOON expires today: still sold, first
        milk.sell(("M1", 1))
        assert levels(milk) == {"OLD": "3", "SOON": "3", "LATER": "5"}
        clock.shift(DAY)                      # SOON expired yesterday: skipped
        milk.sell(("M1", 1))
        assert levels(milk) == {"OLD": "3", "SOON": "3", "LATER": "4"}
        with pytest.raises(BooksError, match=r"line 1 \(M1\): batch SOON expired on"):
            milk.books.post_sale([milk.line("M1", 1, batch="SOON")])
    finally:
        clock.reset()


def test_a_sale_naming_an_expired_batch_is_refused(milk):
    expiry = (clock.today() - 2 * DAY).isoformat()
    before = sales_count(milk)
    with pytest.raises(BooksError) as exc:
        milk.books.post_sale([milk.line("M1", 1, batch="OLD")])
    assert str(exc.value) == f"line 1 (M1): batch OLD expired on {expiry} and cannot be sold"
    assert sales_count(milk) == before and levels(milk)["OLD"] == "3"
    # a batch not expired may be named: it overrides first-expiry-first-out
    milk.books.post_sale([milk.line("M1", 2, batch="LATER")])
    assert levels(milk) == {"OLD": "3", "SOON": "4", "LATER": "3"}


def test_only_expired_stock_left_is_refused_naming_the_batches(milk):
    expiry = (clock.today() - 2 * DAY).isoformat()
    milk.sell(("M1", 9))                                  # SOON and LATER sold out
    assert levels(milk) == {"OLD": "3", "SOON": "0", "LATER": "0"}
    with pytest.raises(InsufficientStock) as exc:
        milk.sell(("M1", 1))
    assert str(exc.value) == (f"cannot sell 1 of M1: the only stock left is expired and "
                              f"cannot be sold: batch OLD (expired {expiry}, 3 on hand)")
    with pytest.raises(InsufficientStock, match="only stock left is expired"):
        milk.sell(("M1", 5))                              # more than on hand at all
    # where the shop allows negative stock, expired stock is still never sold
    milk.books.set_setting("allow_negative_stock", "1")
    with pytest.raises(InsufficientStock, match=r"batch OLD \(expired"):
        milk.sell(("M1", 1))
    assert levels(milk)["OLD"] == "3" and milk.stock_of("M1")[0] == parse_qty("3")
    assert check(milk) == []


def test_a_shortage_of_stock_not_expired(milk):
    expiry = (clock.today() - 2 * DAY).isoformat()
    with pytest.raises(InsufficientStock) as exc:
        milk.sell(("M1", 10))          # 12 on hand, 9 of it sellable
    assert str(exc.value) == (f"not enough stock of M1 that can be sold: wanted 10, 9 not "
                              f"expired; expired stock cannot be sold: batch OLD (expired "
                              f"{expiry}, 3 on hand)")
    assert levels(milk) == {"OLD": "3", "SOON": "4", "LATER": "5"}
    # allowed negative stock: the shortage of goods not expired goes below zero, as ever
    milk.books.set_setting("allow_negative_stock", "1")
    s = milk.sell(("M1", 10))
    assert levels(milk) == {"OLD": "3", "SOON": "0", "LATER": "-1"}
    flags = milk.rows(select(stock_ledger.c.flag).where(stock_ledger.c.document_id == s.id))
    assert {f.flag for f in flags} == {"negative-stock"}
    assert milk.stock_of("M1")[0] == parse_qty("2")
    assert check(milk) == []


def test_expired_goods_leave_by_adjustment_and_supplier_return(milk):
    b = milk.books
    b.post_adjustment([milk.line("M1", -2, batch="OLD")], reason="expiry")
    assert levels(milk)["OLD"] == "1"
    b.post_purchase_return("Dairy", [milk.line("M1", 1, batch="OLD")])
    assert levels(milk)["OLD"] == "0"
    # an adjustment without a batch still goes first expiry first, expired or not
    milk.receive("Dairy", ("M1", 2, "3.00", "OLD"))
    b.post_adjustment([milk.line("M1", -2)], reason="expiry")
    assert levels(milk) == {"OLD": "0", "SOON": "4", "LATER": "5"}
    assert check(milk) == []


def test_a_return_goes_back_into_the_batches_it_came_from(milk):
    b = milk.books
    s = milk.sell(("M1", 6), customer="Wang", payment="account")   # SOON 4, LATER 2
    assert levels(milk) == {"OLD": "3", "SOON": "0", "LATER": "3"}
    b.post_return(s.number, [milk.line("M1", 1)])                  # the first batch taken
    assert levels(milk) == {"OLD": "3", "SOON": "1", "LATER": "3"}
    b.post_return(s.number, [milk.line("M1", 2, batch="LATER")])   # the batch on the pack
    assert levels(milk) == {"OLD": "3", "SOON": "1", "LATER": "5"}
    with pytest.raises(BooksError, match=r"line 1 \(M1\): cannot return 1 of batch LATER; "
                                         r"sale .* has 0 of that batch left to return"):
        b.post_return(s.number, [milk.line("M1", 1, batch="LATER")])
    with pytest.raises(BooksError, match="no batch NOPE"):
        b.post_return(s.number, [milk.line("M1", 1, batch="NOPE")])
    b.post_return(s.number, [milk.line("M1", 3)])                  # the rest: SOON
    assert levels(milk) == {"OLD": "3", "SOON": "4", "LATER": "5"}
    with pytest.raises(BooksError, match="came back already"):
        b.post_return(s.number, [milk.line("M1", 1)])
    assert milk.stock_of("M1")[0] == parse_qty("12")
    assert check(milk) == []


def test_recall_lists_who_bought_a_batch_net_of_returns(milk):
    from db.recall import recall
    b = milk.books
    cashier = milk.as_user("xiaomei", "cashier")
    s1 = cashier.post_sale([milk.line("M1", 3)], customer="Wang", payment="account")  # SOON 3
    s2 = milk.sell(("M1", 2), customer="Li", payment="account")     # SOON 1, LATER 1
    s3 = milk.sell(("M1", 1))                                       # walk-in, LATER
    b.post_return(s1.number, [milk.line("M1", 1)])                  # Wang brings one back
    s4 = milk.sell(("M1", 1))
    b.cancel(s4.number)                                             # cancelled: not listed
    with milk.engine.connect() as conn:
        r = recall(conn, "M1", "SOON")
        later = recall(conn, " M1 ", "LATER")
    assert (r["sku"], r["name"], r["batch"], r["expiry"], r["expired"]) == (
        "M1", "牛奶", "SOON", clock.today() + 10 * DAY, False)
    assert (r["supplier"], r["received"], r["on_hand"]) == ("Dairy", parse_qty("4"),
                                                            parse_qty("1"))
    assert r["receipt"].startswith("RK") and r["received_on"] == clock.today()
    assert [(s["number"], s["customer"], s["cashier"], s["sold"], s["returned"], s["qty"])
            for s in r["sales"]] == [
        (s1.number, "Wang", "xiaomei", 3000, 1000, 2000),
        (s2.number, "Li", "boss", 1000, 0, 1000)]
    assert r["sold"] == 3000
    assert [(s["number"], s["customer"], s["qty"]) for s in later["sales"]] == [
        (s2.number, "Li", 1000), (s3.number, "", 1000)]
    with milk.engine.connect() as conn:
        with pytest.raises(BooksError, match="no product with SKU 'NOPE'"):
            recall(conn, "NOPE", "SOON")
        with pytest.raises(BooksError, match="M1 has no batch 'X9'"):
            recall(conn, "M1", "X9")
        with pytest.raises(BooksError, match="batch number of M1 is needed"):
            recall(conn, "M1", " ")
        old = recall(conn, "M1", "OLD")
    assert old["expired"] is True and old["sales"] == []


def _cli(shop, *argv) -> tuple[int, str, str]:
    import desktop.cli as cli
    from contextlib import redirect_stderr
    err, out = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = cli.run(["--db", shop.url, *argv])
    return code, out.getvalue(), err.getvalue()


def test_report_recall_on_the_command_line(milk, monkeypatch):
    monkeypatch.setenv("STOREKEEPER_PASSWORD", milk.owner_password)
    s1 = milk.sell(("M1", 5), customer="Wang", payment="account")   # SOON 4, LATER 1
    milk.books.post_return(s1.number, [milk.line("M1", 1, batch="LATER")])
    s2 = milk.sell(("M1", 2))                                       # LATER 2, walk-in
    code, out, err = _cli(milk, "report", "recall", "--sku", "M1", "--batch", "LATER", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert {k: data[k] for k in ("sku", "batch", "expired", "on_hand", "received", "supplier",
                                 "sold")} == {
        "sku": "M1", "batch": "LATER", "expired": False, "on_hand": "3", "received": "5",
        "supplier": "Dairy", "sold": "2"}
    assert data["expiry"] == (clock.today() + 60 * DAY).isoformat()
    assert [(s["number"], s["customer"], s["cashier"], s["sold"], s["returned"], s["qty"])
            for s in data["sales"]] == [(s1.number, "Wang", "boss", "1", "1", "0"),
                                        (s2.number, "", "boss", "2", "0", "2")]
    code, out, err = _cli(milk, "report", "recall", "--sku", "M1", "--batch", "SOON")
    assert code == 0, err
    assert "M1 牛奶 batch SOON" in out and f"{s1.number}\tWang\t4" in out
    code, out, err = _cli(milk, "report", "recall", "--sku", "M1", "--batch", "NOPE", "--json")
    assert code == 1 and out == "" and err.strip() == "error: M1 has no batch 'NOPE'"


def test_an_adjustment_split_over_batches_is_one_line(milk):
    """Without a batch an adjustment goes first expiry first; across two batches it
    stays one document line (the ledger has a row per batch)."""
    from db.schema import document_lines
    done = milk.books.post_adjustment([milk.line("M1", -5)], reason="loss")   # OLD 3, SOON 2
    assert levels(milk) == {"OLD": "0", "SOON": "2", "LATER": "5"}
    lines = milk.rows(select(document_lines.c.qty, document_lines.c.cost, document_lines.c.batch_id)
                      .join(documents, documents.c.id == document_lines.c.document_id)
                      .where(documents.c.number == done.number))
    assert lines == [(-5000, 1500, None)]                     # 5 at 3.00, out
    ledger = milk.rows(select(stock_ledger.c.qty).join(documents,
                       documents.c.id == stock_ledger.c.document_id)
                       .where(documents.c.number == done.number).order_by(stock_ledger.c.qty))
    assert ledger == [(-3000,), (-2000,)]
    assert check(milk) == []
