"""Posting on both databases: cost, money, stock refusals, numbering, accounts, batches."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from db.errors import BooksError, InsufficientStock
from db.schema import (account_ledger, audit_log, batches, customers, doc_counters,
                       document_lines, documents, products, stock_ledger, suppliers)


def test_moving_average_cost_and_exact_cost_of_sale(shop):
    shop.product("A1", "9.90")
    shop.receive("Acme", ("A1", 10, "5.00"))
    shop.receive("Acme", ("A1", 10, "7.00"))
    qty, value = shop.stock_of("A1")
    assert (qty, value) == (20_000, 12_000)
    assert value * 1000 // qty == 600  # 6.00 a unit

    sale = shop.sell(("A1", 3))
    assert sale.total == 2970
    line = shop.rows(select(document_lines).where(document_lines.c.document_id == sale.id))
    assert [(l.qty, l.price, l.amount, l.cost) for l in line] == [(3000, 990, 2970, 1800)]
    led = shop.rows(select(stock_ledger).where(stock_ledger.c.document_id == sale.id))
    assert [(r.qty, r.value) for r in led] == [(-3000, -1800)]
    assert shop.stock_of("A1") == (17_000, 10_200)


def test_ledger_rows_carry_their_unit_cost(shop):
    """Every movement, in or out, records the fen per unit it moved at."""
    shop.product("A1", "9.90")
    r = shop.receive("Acme", ("A1", 10, "5.00"), ("A1", 10, "7.00"))
    sale = shop.sell(("A1", 3))
    rows = shop.rows(select(stock_ledger.c.document_id, stock_ledger.c.qty,
                            stock_ledger.c.unit_cost).order_by(stock_ledger.c.id))
    assert [(x.qty, x.unit_cost) for x in rows if x.document_id == r.id] == [
        (10_000, 500), (10_000, 700)]
    assert [(x.qty, x.unit_cost) for x in rows if x.document_id == sale.id] == [(-3000, 600)]


def test_selling_everything_takes_exactly_the_value_received(shop):
    shop.product("T3", "1.00")
    shop.receive("Acme", ("T3", 1, "1.00"), ("T3", 2, "2.00"))   # 5.00 for 3: 1.666...
    costs = [shop.sell(("T3", 1)) for _ in range(3)]
    cost = sum(shop.scalar(select(document_lines.c.cost)
                           .where(document_lines.c.document_id == s.id)) for s in costs)
    assert cost == 500
    assert shop.stock_of("T3") == (0, 0)


def test_three_times_ten_fen_is_exact(shop):
    shop.product("A1", "9.90")
    shop.product("B1", "0.10")
    shop.receive("Acme", ("A1", 10, "5.00"), ("B1", 10, "0.03"))
    sale = shop.sell(("A1", 3), ("B1", 3))
    assert sale.total == 3000
    doc = shop.rows(select(documents.c.total).where(documents.c.id == sale.id))[0]
    assert doc.total == 3000
    amounts = shop.rows(select(document_lines.c.amount)
                        .where(document_lines.c.document_id == sale.id)
                        .order_by(document_lines.c.line_no))
    assert [a.amount for a in amounts] == [2970, 30]


def test_price_given_on_the_line_overrides_the_product_price(shop):
    shop.product("A1", "9.90")
    shop.receive("Acme", ("A1", 5, "5.00"))
    assert shop.sell(("A1", 2, "8.50")).total == 1700


def _footprint(shop):
    return (shop.count(documents), shop.count(stock_ledger), shop.count(document_lines),
            shop.count(account_ledger), shop.count(audit_log),
            shop.rows(select(doc_counters).order_by(doc_counters.c.kind)))


def test_sale_past_zero_stock_refused_and_nothing_written(shop):
    shop.product("A1", "9.90")
    shop.product("B1", "0.10")
    shop.books.add_customer("Wang")
    shop.receive("Acme", ("A1", 2, "5.00"), ("B1", 10, "0.05"))
    before, stock_before = _footprint(shop), shop.stock_of("B1")
    with pytest.raises(InsufficientStock) as info:
        shop.sell(("B1", 1), ("A1", 3), customer="Wang", payment="account")
    assert "A1" in str(info.value)
    assert info.value.sku == "A1"
    assert _footprint(shop) == before
    assert shop.stock_of("A1") == (2000, 1000)
    assert shop.stock_of("B1") == stock_before
    assert shop.balance(customers, "Wang") == 0
    # the refused sale consumed no number
    ok = shop.sell(("A1", 2))
    assert ok.number == f"XS{dt.date.today():%Y%m%d}-0001"


def test_unknown_product_refused_naming_the_code(shop):
    with pytest.raises(BooksError, match="NOPE"):
        shop.sell(("NOPE", 1))
    assert shop.count(documents) == 0


def test_negative_stock_allowed_by_setting_is_flagged(shop):
    shop.product("A1", "9.90", cost="4.00")
    shop.books.set_setting("allow_negative_stock", "1")
    sale = shop.sell(("A1", 3))
    assert shop.stock_of("A1")[0] == -3000
    led = shop.rows(select(stock_ledger).where(stock_ledger.c.document_id == sale.id))
    assert len(led) == 1 and led[0].flag == "negative-stock" and led[0].qty == -3000
    # back above zero: a normal sale is not flagged
    shop.receive("Acme", ("A1", 10, "5.00"))
    s2 = shop.sell(("A1", 1))
    flags = shop.rows(select(stock_ledger.c.flag).where(stock_ledger.c.document_id == s2.id))
    assert [f.flag for f in flags] == [None]
    assert shop.stock_of("A1")[0] == 6000


def test_negative_stock_refused_again_when_setting_off(shop):
    shop.product("A1", "9.90")
    shop.books.set_setting("allow_negative_stock", "1")
    shop.books.set_setting("allow_negative_stock", "0")
    with pytest.raises(InsufficientStock):
        shop.sell(("A1", 1))


def test_numbering_per_kind_per_day_gapless(shop):
    shop.product("A1", "1.00")
    shop.books.add_customer("Li")
    day = f"{dt.date.today():%Y%m%d}"
    r1 = shop.receive("Acme", ("A1", 10, "0.50"))
    r2 = shop.receive("Acme", ("A1", 10, "0.50"))
    sales = [shop.sell(("A1", 1), customer="Li", payment="account") for _ in range(3)]
    with pytest.raises(InsufficientStock):
        shop.sell(("A1", 100))
    sales.append(shop.sell(("A1", 1)))
    pay = shop.books.post_customer_payment("Li", 100)
    assert [r1.number, r2.number] == [f"RK{day}-0001", f"RK{day}-0002"]
    assert [s.number for s in sales] == [f"XS{day}-{n:04d}" for n in range(1, 5)]
    assert pay.number == f"SK{day}-0001"
    numbers = shop.rows(select(documents.c.number))
    assert len(numbers) == len({n.number for n in numbers}) == 7


def test_numbering_restarts_each_day(shop):
    shop.product("A1", "1.00")
    shop.receive("Acme", ("A1", 10, "0.50"))
    yesterday = dt.date.today() - dt.timedelta(days=1)
    old = shop.books.post_sale([shop.line("A1", 1)], doc_date=yesterday)
    new = shop.sell(("A1", 1))
    assert old.number == f"XS{yesterday:%Y%m%d}-0001"
    assert new.number == f"XS{dt.date.today():%Y%m%d}-0001"


def test_receivables_after_sale_on_account_and_part_payment(shop):
    shop.product("A1", "9.90")
    shop.product("B1", "0.10")
    shop.books.add_customer("Wang")
    shop.books.add_customer("Zhao")
    shop.receive("Acme", ("A1", 10, "5.00"), ("B1", 10, "0.05"))
    shop.sell(("A1", 3), ("B1", 3), customer="Wang", payment="account")   # 30.00
    shop.sell(("A1", 1), customer="Zhao", payment="cash")                 # not on account
    shop.books.post_customer_payment("Wang", 1210)                          # 12.10
    assert shop.balance(customers, "Wang") == 1790
    assert shop.balance(customers, "Zhao") == 0
    wang = shop.scalar(select(customers.c.id).where(customers.c.name == "Wang"))
    rows = shop.rows(select(account_ledger.c.amount).where(account_ledger.c.customer_id == wang)
                     .order_by(account_ledger.c.id))
    assert [r.amount for r in rows] == [3000, -1210]


def test_sale_on_account_needs_a_customer_and_payment_must_be_positive(shop):
    shop.product("A1", "9.90")
    shop.books.add_customer("Wang")
    shop.receive("Acme", ("A1", 10, "5.00"))
    with pytest.raises(BooksError):
        shop.sell(("A1", 1), payment="account")
    with pytest.raises(BooksError):
        shop.books.post_customer_payment("Wang", 0)
    with pytest.raises(BooksError, match="Nobody"):
        shop.books.post_customer_payment("Nobody", 100)
    assert shop.count(documents) == 1


def test_supplier_payables_after_receipts_and_payment(shop):
    shop.product("A1", "9.90")
    shop.receive("Acme", ("A1", 10, "5.00"))
    shop.receive("Acme", ("A1", 10, "7.00"))
    shop.receive("Other", ("A1", 1, "0.01"))
    assert shop.balance(suppliers, "Acme") == 12_000
    shop.books.post_supplier_payment("Acme", 5_000)
    assert shop.balance(suppliers, "Acme") == 7_000
    assert shop.balance(suppliers, "Other") == 1


def test_receipt_line_needs_a_cost(shop):
    shop.product("A1", "9.90")
    shop.books.add_supplier("Acme")
    with pytest.raises(BooksError, match="A1"):
        shop.books.post_purchase_receipt("Acme", [shop.line("A1", 1)])
    assert shop.stock_of("A1") == (0, 0)


def test_stocktake_sets_stock_to_the_count_and_returns_variances(shop):
    shop.product("A1", "9.90")
    shop.product("B1", "0.10")
    shop.product("C1", "1.00")
    shop.receive("Acme", ("A1", 10, "5.00"), ("B1", 4, "0.10"), ("C1", 2, "1.00"))
    posted = shop.books.post_stocktake([shop.line("A1", 7), shop.line("B1", 6),
                                        shop.line("C1", 2)])
    assert posted.number.startswith(f"PD{dt.date.today():%Y%m%d}-")
    assert posted.extra["variances"] == [
        {"sku": "A1", "expected": "10", "counted": "7", "difference": "-3"},
        {"sku": "B1", "expected": "4", "counted": "6", "difference": "2"},
        {"sku": "C1", "expected": "2", "counted": "2", "difference": "0"},
    ]
    assert shop.stock_of("A1") == (7000, 3500)   # 3 out at 5.00
    assert shop.stock_of("B1") == (6000, 60)     # 2 in at 0.10
    assert shop.stock_of("C1") == (2000, 200)


def test_batch_tracked_product_needs_a_batch_on_receipt(shop):
    shop.product("M1", "3.00", batch_tracked=True)
    shop.books.add_supplier("Dairy")
    with pytest.raises(BooksError, match="batch"):
        shop.books.post_purchase_receipt("Dairy", [shop.line("M1", 5, "2.00")])
    assert shop.stock_of("M1") == (0, 0)


def test_batches_sell_first_expiry_first_out(shop):
    shop.product("M1", "3.00", batch_tracked=True)
    late, early = dt.date(2027, 6, 1), dt.date(2027, 1, 1)
    shop.receive("Dairy", ("M1", 5, "2.00", "LATE", late))
    shop.receive("Dairy", ("M1", 4, "2.00", "EARLY", early))
    sale = shop.sell(("M1", 6))
    qty = {r.batch_no: r.qty for r in shop.rows(select(batches.c.batch_no, batches.c.qty))}
    assert qty == {"EARLY": 0, "LATE": 3000}
    led = shop.rows(select(stock_ledger.c.qty, stock_ledger.c.value, batches.c.batch_no)
                    .join(batches, batches.c.id == stock_ledger.c.batch_id)
                    .where(stock_ledger.c.document_id == sale.id).order_by(stock_ledger.c.id))
    assert [(r.batch_no, r.qty) for r in led] == [("EARLY", -4000), ("LATE", -2000)]
    assert sum(r.value for r in led) == -1200
    assert shop.stock_of("M1") == (3000, 600)


def test_product_barcodes_validated_and_unique(shop):
    from db.masters import NewProduct
    shop.product("A1", "1.00", barcodes=["４００６３８１３３３９３１"])
    code = shop.rows(select(products.c.sku))
    assert [c.sku for c in code] == ["A1"]
    with pytest.raises(BooksError, match="check digit"):
        shop.books.add_product(NewProduct(sku="A2", name="x", barcodes=["4006381333932"]))
    with pytest.raises(BooksError, match="A1"):
        shop.books.add_product(NewProduct(sku="A3", name="y", barcodes=["4006381333931"]))
    assert shop.count(products) == 1
    # sold by its barcode
    shop.receive("Acme", ("4006381333931", 2, "0.50"))
    assert shop.stock_of("A1") == (2000, 100)
