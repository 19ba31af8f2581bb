"""The counter's rules below the screen: look-up and scale labels, split
payments, price overrides a manager allows, returns with and without the
receipt, held sales and the cashier's shift -- on SQLite and PostgreSQL."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from db import counter
from db.check import check_books
from db.codes import gtin_check_digit
from db.engine import read_connection
from db.errors import BooksError, NotFound, PermissionDenied
from db.masters import ProductChanges
from db.schema import audit_log, customers, document_payments, documents, shift_counts

SOY = "6901234567892"


@pytest.fixture
def counter_shop(shop):
    shop.product("A001", "12.50", name="海天金标生抽", unit="瓶", barcodes=[SOY])
    shop.product("A002", "3.20", name="康师傅红烧牛肉面", unit="袋")
    shop.product("B001", "8.00", name="散装猪肉", unit="kg", barcodes=["10001"])
    shop.product("b002", "1.00", name="lower-case SKU", unit="个")
    shop.receive("海天味业", ("A001", "20", "8.00"), ("A002", "50", "2.00"),
                 ("B001", "30", "5.00"), ("b002", "5", "0.50"))
    shop.books.add_customer("张三", credit_limit="100")
    shop.cashier = shop.as_user("xiaoli", "cashier", "till-pass-1")
    shop.manager = shop.as_user("wang", "manager", "boss-pass-1")
    return shop


def label(prefix: str, item: str, value: str) -> str:
    body = prefix + item + value
    assert len(body) == 12
    return body + str(gtin_check_digit(body))


def look(shop, code: str, layout=counter.DEFAULT_LAYOUT):
    with read_connection(shop.engine) as conn:
        return counter.lookup(conn, code, layout)


def pays(shop, number: str) -> list[tuple[str, int]]:
    return [tuple(r) for r in shop.rows(
        select(document_payments.c.method, document_payments.c.amount)
        .join(documents, documents.c.id == document_payments.c.document_id)
        .where(documents.c.number == number).order_by(document_payments.c.id))]


def assert_books_check(shop) -> None:
    assert check_books(shop.engine) == []


# ---------------------------------------------------------------- look-up

def test_a_code_is_a_sku_a_barcode_or_a_sku_in_any_case(counter_shop):
    s = counter_shop
    assert look(s, "A001").sku == "A001" and look(s, SOY).sku == "A001"
    assert look(s, "a002").sku == "A002" and look(s, "B002").sku == "b002"
    assert look(s, "６９０１２３４５６７８９２").sku == "A001"        # full-width digits
    assert look(s, "6900000000000") is None and look(s, "") is None
    assert look(s, SOY).qty is None


def test_a_scale_label_carries_the_weight(counter_shop):
    found = look(counter_shop, label("28", "10001", "01250"))        # 1.250 kg
    assert (found.sku, found.qty, found.price) == ("B001", 1250, 800)
    # the item code without its leading zeros, and a 4-digit item code layout
    counter_shop.books.update_product("A002", ProductChanges(barcodes=["77"]))
    assert look(counter_shop, label("21", "00077", "00500")).qty == 500
    four = counter.parse_scale_layout("20-29", 4, "weight", 2)
    assert look(counter_shop, label("22", "0077", "000150"), four).qty == 1500   # 1.50


def test_a_price_label_sells_the_weight_that_price_buys(counter_shop):
    price = counter.parse_scale_layout("20-29", 5, "price", 3)
    found = look(counter_shop, label("20", "10001", "01000"), price)    # 10.00 at 8.00/kg
    assert (found.sku, found.qty) == ("B001", 1250)


def test_a_barcode_that_looks_like_a_scale_label_stays_that_product(counter_shop):
    code = label("20", "12345", "00010")
    counter_shop.books.update_product("A002", ProductChanges(barcodes=[code]))
    found = look(counter_shop, code)
    assert found.sku == "A002" and found.qty is None


def test_bad_scale_labels_say_what_is_wrong(counter_shop):
    good = label("28", "10001", "01250")
    bad = good[:-1] + str((int(good[-1]) + 1) % 10)
    with pytest.raises(BooksError, match="check digit"):
        look(counter_shop, bad)
    with pytest.raises(NotFound, match="item code 99999"):
        look(counter_shop, label("28", "99999", "01250"))
    assert look(counter_shop, label("28", "10001", "01250"), None) is None   # no layout: none
    outside = counter.parse_scale_layout("21", 5, "weight", 3)
    assert look(counter_shop, label("28", "10001", "01250"), outside) is None


@pytest.mark.parametrize("typed, message", [
    ("19", "19 is not an in-store prefix"), ("2x", "'2x' is not a number"),
    ("29-21", "runs backwards"), ("", "at least one")])
def test_scale_layouts_are_checked(typed, message):
    with pytest.raises(BooksError, match=message):
        counter.parse_scale_layout(typed, 5, "weight", 3)


def test_the_scale_layout_is_saved_in_the_books(counter_shop):
    layout = counter.parse_scale_layout("21, 22,28", 6, "price", 3)
    counter_shop.books.set_scale_layout(layout)
    with read_connection(counter_shop.engine) as conn:
        assert counter.scale_layout(conn) == layout
    with pytest.raises(PermissionDenied):
        counter_shop.cashier.set_scale_layout(counter.DEFAULT_LAYOUT)
    # one key at a time (the command line's `setting`): checked against the rest
    counter_shop.books.set_setting("scale.decimals", "2")
    with pytest.raises(BooksError, match="4, 5 or 6 digits, not 7"):
        counter_shop.books.set_setting("scale.item_digits", "7")
    with pytest.raises(BooksError, match="unknown scale setting"):
        counter_shop.books.set_setting("scale.prefix", "20")
    with read_connection(counter_shop.engine) as conn:
        assert counter.scale_layout(conn) == counter.parse_scale_layout("21,22,28", 6, "price", 2)


# ---------------------------------------------------------------- paying

def test_a_split_payment_is_kept_method_by_method(counter_shop):
    s = counter_shop
    sale = s.cashier.post_sale([s.line("A001", "2"), s.line("A002", "1")],        # 28.20
                               customer="张三",
                               payments=[("card", 1000), ("account", 1000), ("cash", 820)])
    assert pays(s, sale.number) == [("card", 1000), ("account", 1000), ("cash", 820)]
    assert s.balance(customers, "张三") == 1000
    assert s.scalar(select(documents.c.payment).where(documents.c.number == sale.number)) == "split"
    assert_books_check(s)


@pytest.mark.parametrize("payments, message", [
    ([("card", 1000), ("cash", 200)], "add up to 12.00 but the sale comes to 12.50"),
    ([("cash", 1250), ("card", 0)], "above zero"),
    ([("cheque", 1250)], "unknown payment 'cheque'"),
    ([("card", 250), ("account", 1000)], "needs a customer")])
def test_a_split_that_does_not_pay_the_sale_is_refused(counter_shop, payments, message):
    before = counter_shop.stock_of("A001")
    with pytest.raises(BooksError, match=message):
        counter_shop.cashier.post_sale([counter_shop.line("A001", "1")], payments=payments)
    assert counter_shop.stock_of("A001") == before


def test_a_cashier_changes_a_price_only_when_a_manager_allows_it(counter_shop):
    s = counter_shop
    lines = [s.line("A001", "2", "11.25")]
    with pytest.raises(PermissionDenied, match="xiaoli .* may not change a price"):
        s.cashier.post_sale(lines)
    with pytest.raises(PermissionDenied):
        s.cashier.post_sale(lines, authorised_by=s.cashier.actor)   # a cashier cannot allow it
    sale = s.cashier.post_sale(lines, authorised_by=s.manager.actor)
    assert sale.total == 2250
    detail = s.scalar(select(audit_log.c.detail).where(audit_log.c.entity_id == sale.number,
                                                       audit_log.c.action == "post"))
    assert '"allowed_by":"wang"' in detail.replace(" ", "") and "A001 12.50->11.25" in detail
    # the product's own price needs nobody's leave
    assert s.cashier.post_sale([s.line("A001", "1", "12.50")]).total == 1250


# ---------------------------------------------------------------- returns

def test_a_return_finds_the_sale_from_the_receipt_and_refunds_each_method(counter_shop):
    s = counter_shop
    sale = s.cashier.post_sale([s.line("A001", "3"), s.line("A002", "2")],   # 37.50 + 6.40
                               payments=[("card", 1000), ("cash", 3390)])
    with read_connection(s.engine) as conn:
        found = counter.returnable(conn, sale.number.lower())
    assert found.number == sale.number and [l.sku for l in found.lines] == ["A001", "A002"]
    ret = s.cashier.post_return(sale.number, [s.line("A001", "1")])
    refunds = pays(s, ret.number)
    assert sum(a for _m, a in refunds) == -1250 and {m for m, _a in refunds} == {"card", "cash"}
    with read_connection(s.engine) as conn:
        again = counter.returnable(conn, sale.number)
    assert [(l.qty, l.returned) for l in again.lines] == [(3000, 1000), (2000, 0)]
    with pytest.raises(BooksError, match="cannot return 3"):
        s.cashier.post_return(sale.number, [s.line("A001", "3")])
    assert_books_check(s)


def test_only_a_posted_sale_can_be_found_for_a_return(counter_shop):
    s = counter_shop
    sale = s.cashier.post_sale([s.line("A002", "1")])
    s.books.cancel(sale.number)
    with read_connection(s.engine) as conn:
        with pytest.raises(BooksError, match="cancelled"):
            counter.returnable(conn, sale.number)
        with pytest.raises(NotFound):
            counter.returnable(conn, "XS20000101-0001")


def test_a_return_without_a_receipt_needs_a_manager(counter_shop):
    s = counter_shop
    before = s.stock_of("A002")
    lines = [s.line("A002", "2")]
    with pytest.raises(PermissionDenied, match="without a receipt"):
        s.cashier.post_return_without_receipt(lines)
    ret = s.cashier.post_return_without_receipt(lines, authorised_by=s.manager.actor)
    assert pays(s, ret.number) == [("cash", -640)]
    qty, value = s.stock_of("A002")
    assert qty == before[0] + 2000 and value == before[1] + 400       # back at 2.00 average
    detail = s.scalar(select(audit_log.c.detail).where(audit_log.c.entity_id == ret.number))
    assert "wang" in detail
    assert s.manager.post_return_without_receipt([s.line("A001", "1")], refund="wechat").total == 1250
    with pytest.raises(BooksError, match="paid out"):
        s.manager.post_return_without_receipt(lines, refund="account")
    assert_books_check(s)


# ---------------------------------------------------------------- held sales

def test_a_held_sale_is_resumed_once_on_any_till(counter_shop):
    s = counter_shop
    hid = s.cashier.hold_sale([s.line("A001", "2"), s.line("A002", "1", "3.00")], customer="张三")
    (held,) = s.manager.held_sales()
    assert (held.id, held.user, held.customer, held.total) == (hid, "xiaoli", "张三", 2800)
    assert [(l.code, l.qty, l.price) for l in held.lines] == [("A001", 2000, None),
                                                              ("A002", 1000, 300)]
    back = s.manager.resume_sale(hid)
    assert back.lines == held.lines and s.cashier.held_sales() == []
    with pytest.raises(NotFound, match="resumed on another till"):
        s.cashier.resume_sale(hid)
    actions = s.rows(select(audit_log.c.action).where(audit_log.c.entity == "held-sale")
                     .order_by(audit_log.c.seq))
    assert [a for (a,) in actions] == ["sale.hold", "sale.resume"]


def test_holding_nothing_or_an_unknown_product_is_refused(counter_shop):
    from db.documents import LineIn
    with pytest.raises(BooksError, match="no lines"):
        counter_shop.cashier.hold_sale([])
    with pytest.raises(NotFound, match="NOPE"):
        counter_shop.cashier.hold_sale([LineIn("NOPE", 1000)])
    assert counter_shop.cashier.held_sales() == []


# ---------------------------------------------------------------- the shift

def test_a_shift_expects_the_float_and_the_money_taken_by_method(counter_shop):
    s = counter_shop
    c = s.cashier
    s.manager.post_sale([s.line("A002", "1")])                # someone else's sale: not counted
    shift = c.open_shift(20000)
    with pytest.raises(BooksError, match="already has a shift open"):
        c.open_shift(100)
    c.post_sale([s.line("A001", "2")])                                       # 25.00 cash
    sale = c.post_sale([s.line("A002", "5")], payments=[("wechat", 600), ("cash", 1000)])
    c.post_sale([s.line("A001", "1")], customer="张三", payment="account")   # no money
    c.post_return(sale.number, [s.line("A002", "1")])                          # 3.20 back
    c.post_customer_payment("张三", 500, method="card")
    expected = c.shift_expected()
    refund = dict(pays(s, s.scalar(select(documents.c.number).where(
        documents.c.kind == "sale-return"))))
    assert expected["cash"] == 20000 + 2500 + 1000 + refund.get("cash", 0)
    assert expected["wechat"] == 600 + refund.get("wechat", 0)
    assert expected["card"] == 500 and expected["alipay"] == 0
    report = c.close_shift({"cash": expected["cash"] - 250, "wechat": expected["wechat"],
                            "card": 500})
    rows = {m: (e, k) for m, e, k in report.rows}
    assert rows["cash"] == (expected["cash"], expected["cash"] - 250)
    assert (report.sales, report.returns, report.sales_total) == (3, 1, 2500 + 1600 + 1250)
    assert report.returns_total == 320
    assert c.current_shift() is None and report.id == shift.id
    assert s.count(shift_counts, shift_counts.c.shift_id == shift.id) == 4
    with pytest.raises(BooksError, match="no shift open"):
        c.close_shift({"cash": 0})


def test_shift_input_is_checked(counter_shop):
    c = counter_shop.cashier
    with pytest.raises(BooksError, match="below zero"):
        c.open_shift(-1)
    c.open_shift(0)
    with pytest.raises(BooksError, match="cannot count 'account'"):
        c.close_shift({"account": 100})
    with pytest.raises(PermissionDenied):
        counter_shop.as_user("li", "clerk").open_shift(0)
    assert c.current_shift() is not None
