"""Editing products, customers and suppliers through the books: every field,
the refusals and their messages, the audit rows, permissions, and a check
of the books afterwards."""
from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from db.check import check_books
from db.errors import BooksError, NotFound, PermissionDenied
from db.masters import ProductChanges
from db.schema import audit_log, barcodes, customers, products, suppliers

EAN_A = "6901234567892"
EAN_B = "4006381333931"
EAN_C = "5901234123457"


def _audit(shop) -> list:
    return shop.rows(select(audit_log).order_by(audit_log.c.seq))


def _last_detail(shop, action: str) -> dict:
    rows = [r for r in _audit(shop) if r.action == action]
    assert rows, f"no {action} audit row"
    return json.loads(rows[-1].detail)


@pytest.fixture
def a1(shop):
    shop.product("A1", "9.90", name="海天金标生抽", barcodes=[EAN_A], unit="瓶",
                 category="调味品", min_qty="2", max_qty="50")
    return shop


# ---------------------------------------------------------------- reading

def test_product_detail(a1):
    shop = a1
    shop.receive("Acme", ("A1", 10, "5.00"))
    shop.receive("Acme", ("A1", 20, "6.50"))
    d = shop.books.product_detail("A1")
    assert (d.sku, d.name, d.pinyin, d.barcodes, d.category, d.unit) == (
        "A1", "海天金标生抽", "htjbsc", [EAN_A], "调味品", "瓶")
    assert (d.price, d.min_qty, d.max_qty, d.batch_tracked, d.active) == (
        990, 2000, 50_000, False, True)
    assert d.on_hand == 30_000
    assert d.avg_cost == 600            # (50.00 + 130.00) / 30
    assert d.last_cost == 650


def test_avg_cost_falls_back_to_last_cost_without_stock(shop):
    shop.product("Z", "1.00", cost="0.40")
    d = shop.books.product_detail("Z")
    assert (d.on_hand, d.avg_cost, d.last_cost) == (0, 40, 40)


def test_unknown_product_is_not_found(shop):
    with pytest.raises(NotFound, match="NOPE"):
        shop.books.product_detail("NOPE")
    with pytest.raises(NotFound, match="NOPE"):
        shop.books.update_product("NOPE", ProductChanges(price="1"))


def test_cashier_sees_no_cost_and_cannot_edit(a1):
    shop = a1
    shop.receive("Acme", ("A1", 10, "5.00"))
    cashier = shop.as_user("amy", "cashier")
    d = cashier.product_detail("A1")
    assert d.avg_cost is None and d.last_cost is None
    assert d.price == 990 and d.on_hand == 10_000
    clerk = shop.as_user("carl", "clerk")           # may see costs, may not edit
    assert clerk.product_detail("A1").avg_cost == 500
    before = len(_audit(shop))
    for who in (cashier, clerk):
        with pytest.raises(PermissionDenied):
            who.update_product("A1", ProductChanges(price="1.00"))
        with pytest.raises(PermissionDenied):
            who.update_customer("x", phone="1")
        with pytest.raises(PermissionDenied):
            who.update_supplier("Acme", phone="1")
    assert len(_audit(shop)) == before
    assert shop.books.product_detail("A1").price == 990


def test_manager_may_edit(a1):
    manager = a1.as_user("mona", "manager")
    assert manager.update_product("A1", ProductChanges(price="10.50")) is True
    assert a1.books.product_detail("A1").price == 1050
    assert _audit(a1)[-1].user_name == "mona"


# ---------------------------------------------------------------- each field

def test_edit_every_field_and_audit_detail(a1):
    shop = a1
    changed = shop.books.update_product("A1", ProductChanges(
        sku="A1-NEW", name="  老干妈   风味豆豉 ", barcodes=[EAN_B, " ６９０１２３４５６７８９２ "],
        category="酱料", unit="罐", price="12.5", min_qty="1.5", max_qty="", batch_tracked=True,
        active=False))
    assert changed is True
    with pytest.raises(NotFound):
        shop.books.product_detail("A1")
    d = shop.books.product_detail("A1-NEW")
    assert (d.sku, d.name, d.pinyin) == ("A1-NEW", "老干妈 风味豆豉", "lgmfwdc")
    assert d.barcodes == sorted([EAN_A, EAN_B])
    assert (d.category, d.unit, d.price, d.min_qty, d.max_qty) == ("酱料", "罐", 1250, 1500, None)
    assert (d.batch_tracked, d.active) == (True, False)

    row = _audit(shop)[-1]
    assert (row.action, row.entity, row.entity_id) == ("product.update", "product", "A1")
    assert json.loads(row.detail) == {
        "sku": ["A1", "A1-NEW"],
        "name": ["海天金标生抽", "老干妈 风味豆豉"],
        "barcodes": [[EAN_A], sorted([EAN_A, EAN_B])],
        "category": ["调味品", "酱料"],
        "unit": ["瓶", "罐"],
        "price": ["9.90", "12.50"],
        "min_qty": ["2", "1.500"],
        "max_qty": ["50", None],
        "batch_tracked": [False, True],
        "active": [True, False],
    }
    assert check_books(shop.engine) == []


@pytest.mark.parametrize("changes, field, old, new", [
    (ProductChanges(name="Soy sauce"), "name", "海天金标生抽", "Soy sauce"),
    (ProductChanges(category=""), "category", "调味品", ""),
    (ProductChanges(unit="箱"), "unit", "瓶", "箱"),
    (ProductChanges(price="0"), "price", "9.90", "0.00"),
    (ProductChanges(min_qty=""), "min_qty", "2", None),
    (ProductChanges(max_qty="60.25"), "max_qty", "50", "60.250"),
    (ProductChanges(active=False), "active", True, False),
    (ProductChanges(batch_tracked=True), "batch_tracked", False, True),
    (ProductChanges(barcodes=[]), "barcodes", [EAN_A], []),
])
def test_one_field_changes_only_that_field(a1, changes, field, old, new):
    before = a1.books.product_detail("A1")
    assert a1.books.update_product("A1", changes) is True
    assert _last_detail(a1, "product.update") == {field: [old, new]}
    after = a1.books.product_detail("A1")
    untouched = {k for k in ProductChanges.__dataclass_fields__} - {field}
    for k in untouched:
        assert getattr(after, k) == getattr(before, k), k


def test_name_change_recomputes_pinyin(a1):
    a1.books.update_product("A1", ProductChanges(name="农夫山泉 550ml"))
    assert a1.books.product_detail("A1").pinyin == "nfsq550ml"
    assert a1.rows(select(products.c.pinyin).where(products.c.sku == "A1"))[0].pinyin == "nfsq550ml"


def test_price_change_applies_to_the_next_sale(a1):
    a1.receive("Acme", ("A1", 5, "5.00"))
    a1.books.update_product("A1", ProductChanges(price="11.00"))
    assert a1.sell(("A1", 2)).total == 2200
    a1.books.update_product("A1", ProductChanges(sku="A2"))
    assert a1.sell(("A2", 1)).total == 1100            # sold by the new SKU
    assert a1.sell((EAN_A, 1)).total == 1100           # and by its barcode
    assert check_books(a1.engine) == []


def test_new_barcode_scans_and_dropped_one_does_not(a1):
    shop = a1
    shop.receive("Acme", ("A1", 5, "5.00"))
    shop.books.update_product("A1", ProductChanges(barcodes=[EAN_B]))
    assert shop.sell((EAN_B, 1)).total == 990
    with pytest.raises(NotFound, match=EAN_A):
        shop.sell((EAN_A, 1))
    assert shop.rows(select(barcodes.c.code)) == [(EAN_B,)]


# ---------------------------------------------------------------- no change

def test_no_op_save_writes_nothing(a1):
    shop = a1
    shop.books.add_customer("王芳", "138", "500")
    shop.books.add_supplier("Acme", "010")
    before = _audit(shop)
    same = ProductChanges(sku=" A1 ", name="海天金标生抽 ", barcodes=[EAN_A, EAN_A],
                          category="调味品", unit="瓶", price="9.9", min_qty="2.000",
                          max_qty="50", batch_tracked=False, active=True)
    assert shop.books.update_product("A1", same) is False
    assert shop.books.update_product("A1", ProductChanges()) is False
    assert shop.books.update_customer("王芳", new_name="王芳", phone="138",
                                      credit_limit="500.00") is False
    assert shop.books.update_customer("王芳") is False
    assert shop.books.update_supplier("Acme", new_name=" Acme ", phone="010") is False
    assert _audit(shop) == before


# ---------------------------------------------------------------- refusals

def _unchanged(shop, fn, match):
    before = (_audit(shop), shop.books.product_detail("A1"))
    with pytest.raises(BooksError, match=match) as info:
        fn()
    assert (_audit(shop), shop.books.product_detail("A1")) == before
    return str(info.value)


def test_barcode_validation_errors(a1):
    shop = a1
    shop.product("B1", "1.00", barcodes=[EAN_B])
    upd = shop.books.update_product
    msg = _unchanged(shop, lambda: upd("A1", ProductChanges(barcodes=["6901234567890"])),
                     "wrong EAN-13 check digit")
    assert msg.startswith("product A1:") and "expected 2" in msg
    _unchanged(shop, lambda: upd("A1", ProductChanges(barcodes=["96385075"])), "EAN-8")
    _unchanged(shop, lambda: upd("A1", ProductChanges(barcodes=[EAN_A, ""])), "empty")
    _unchanged(shop, lambda: upd("A1", ProductChanges(barcodes=["条码"])), "cannot read")
    msg = _unchanged(shop, lambda: upd("A1", ProductChanges(barcodes=[EAN_A, EAN_B])),
                     "already belongs to product B1")
    assert EAN_B in msg and msg.startswith("product A1:")
    upd("A1", ProductChanges(barcodes=[EAN_A, "INSTORE-42"]))    # not a GTIN: kept as it is
    assert shop.books.product_detail("A1").barcodes == [EAN_A, "INSTORE-42"]


def test_sku_and_field_refusals(a1):
    shop = a1
    shop.product("B1", "1.00")
    upd = shop.books.update_product
    _unchanged(shop, lambda: upd("A1", ProductChanges(sku="B1")),
               "product A1: SKU B1 already belongs to another product")
    _unchanged(shop, lambda: upd("A1", ProductChanges(sku="  ")), "SKU cannot be empty")
    _unchanged(shop, lambda: upd("A1", ProductChanges(sku="x" * 65)), "longer than 64")
    _unchanged(shop, lambda: upd("A1", ProductChanges(name=" ")), "product A1 needs a name")
    _unchanged(shop, lambda: upd("A1", ProductChanges(price="-1")), "cannot be negative")
    _unchanged(shop, lambda: upd("A1", ProductChanges(price="1.999")), "more than two decimal")
    _unchanged(shop, lambda: upd("A1", ProductChanges(price="abc")), "price of A1 'abc'")
    _unchanged(shop, lambda: upd("A1", ProductChanges(min_qty="60")),
               "minimum 60 is above maximum 50")
    _unchanged(shop, lambda: upd("A1", ProductChanges(max_qty="1")),
               "minimum 2 is above maximum 1")
    _unchanged(shop, lambda: upd("A1", ProductChanges(min_qty="-1")), "cannot be negative")
    _unchanged(shop, lambda: upd("A1", ProductChanges(unit="u" * 21)), "longer than 20")
    # both limits in one save: checked against each other, not the stored ones
    assert upd("A1", ProductChanges(min_qty="60", max_qty="100")) is True
    # product names need not be unique
    assert upd("B1", ProductChanges(name="海天金标生抽")) is True


def test_batch_tracking_refused_with_stock_on_hand(a1):
    shop = a1
    shop.receive("Acme", ("A1", 3, "5.00"))
    msg = _unchanged(shop, lambda: shop.books.update_product(
        "A1", ProductChanges(batch_tracked=True, price="1.00")), "batch tracking")
    assert "product A1 has 3 on hand" in msg and "switched on" in msg
    shop.sell(("A1", 3))
    assert shop.books.update_product("A1", ProductChanges(batch_tracked=True)) is True
    shop.receive("Acme", ("A1", 4, "5.00", "L1"))
    msg = _unchanged(shop, lambda: shop.books.update_product(
        "A1", ProductChanges(batch_tracked=False)), "switched off")
    assert "4 on hand" in msg
    # other fields still editable with stock on hand
    assert shop.books.update_product("A1", ProductChanges(price="12.00")) is True
    shop.sell(("A1", 4))
    assert shop.books.update_product("A1", ProductChanges(batch_tracked=False)) is True
    shop.receive("Acme", ("A1", 1, "5.00"))                 # no batch needed now
    assert check_books(shop.engine) == []


def test_cost_is_not_editable():
    assert "cost" not in ProductChanges.__dataclass_fields__
    assert "last_cost" not in ProductChanges.__dataclass_fields__


# ---------------------------------------------------------------- customers and suppliers

def test_customer_edit(shop):
    shop.books.add_customer("王芳", "138", "500")
    shop.books.add_customer("李强")
    d = shop.books.customer_detail(" 王芳 ")
    assert (d.name, d.phone, d.credit_limit, d.balance) == ("王芳", "138", 50_000, 0)
    assert shop.books.update_customer("王芳", new_name="王芳 (老客)", phone=" 139 ",
                                      credit_limit="1,000.5") is True
    row = _audit(shop)[-1]
    assert (row.action, row.entity, row.entity_id) == ("customer.update", "customer", str(d.id))
    assert json.loads(row.detail) == {"name": ["王芳", "王芳 (老客)"], "phone": ["138", "139"],
                                      "credit_limit": ["500.00", "1000.50"]}
    d2 = shop.books.customer_detail("王芳 (老客)")
    assert (d2.id, d2.phone, d2.credit_limit) == (d.id, "139", 100_050)
    with pytest.raises(NotFound):
        shop.books.customer_detail("王芳")

    assert shop.books.update_customer("王芳 (老客)", credit_limit="") is True
    assert _last_detail(shop, "customer.update") == {"credit_limit": ["1000.50", None]}
    assert shop.books.customer_detail("王芳 (老客)").credit_limit is None
    assert shop.books.update_customer("李强", credit_limit="0") is True
    assert shop.books.customer_detail("李强").credit_limit == 0


def test_customer_refusals(shop):
    shop.books.add_customer("王芳")
    shop.books.add_customer("李强")
    before = _audit(shop)
    with pytest.raises(BooksError, match="customer '李强': another customer is already named '王芳'"):
        shop.books.update_customer("李强", new_name=" 王芳")
    with pytest.raises(BooksError, match="cannot be negative"):
        shop.books.update_customer("李强", credit_limit="-5")
    with pytest.raises(BooksError, match="credit limit of 李强 'lots' is not a number"):
        shop.books.update_customer("李强", credit_limit="lots")
    with pytest.raises(BooksError, match="name cannot be empty"):
        shop.books.update_customer("李强", new_name="  ")
    with pytest.raises(BooksError, match="longer than 40"):
        shop.books.update_customer("李强", phone="1" * 41)
    with pytest.raises(NotFound, match="no customer named '赵六'"):
        shop.books.update_customer("赵六", phone="1")
    assert _audit(shop) == before
    assert shop.books.customer_detail("李强").name == "李强"


def test_customer_with_a_balance_keeps_it_after_rename(shop):
    shop.product("A1", "9.90")
    shop.receive("Acme", ("A1", 5, "5.00"))
    shop.books.add_customer("王芳")
    shop.sell(("A1", 2), customer="王芳", payment="account")
    shop.books.update_customer("王芳", new_name="王芳芳")
    assert shop.books.customer_detail("王芳芳").balance == 1980
    shop.sell(("A1", 1), customer="王芳芳", payment="account")
    assert shop.balance(customers, "王芳芳") == 2970
    assert check_books(shop.engine) == []


def test_supplier_edit(shop):
    shop.books.add_supplier("Acme", "010")
    shop.books.add_supplier("Bolt")
    d = shop.books.supplier_detail("Acme")
    assert (d.name, d.phone, d.credit_limit, d.balance) == ("Acme", "010", None, 0)
    assert shop.books.update_supplier("Acme", new_name="Acme Foods", phone="") is True
    row = _audit(shop)[-1]
    assert (row.action, row.entity, row.entity_id) == ("supplier.update", "supplier", str(d.id))
    assert json.loads(row.detail) == {"name": ["Acme", "Acme Foods"], "phone": ["010", ""]}
    assert shop.books.supplier_detail("Acme Foods").id == d.id
    with pytest.raises(BooksError, match="another supplier is already named 'Bolt'"):
        shop.books.update_supplier("Acme Foods", new_name="Bolt")
    with pytest.raises(NotFound, match="no supplier named 'Acme'"):
        shop.books.update_supplier("Acme", phone="1")
    assert shop.rows(select(suppliers.c.name).order_by(suppliers.c.name)) == [
        ("Acme Foods",), ("Bolt",)]


def test_check_books_passes_after_edits(a1):
    shop = a1
    shop.receive("Acme", ("A1", 10, "5.00"))
    shop.books.add_customer("王芳")
    shop.sell(("A1", 2), customer="王芳", payment="account")
    shop.books.update_product("A1", ProductChanges(name="新名字", price="8.00", barcodes=[EAN_C]))
    shop.books.update_customer("王芳", phone="139", credit_limit="100")
    shop.books.update_supplier("Acme", new_name="Acme Ltd")
    shop.books.update_product("A1", ProductChanges())             # no-op in between
    shop.sell((EAN_C, 1))
    shop.receive("Acme Ltd", ("A1", 1, "6.00"))
    assert check_books(shop.engine) == []
    rows = _audit(shop)
    assert [r.seq for r in rows] == list(range(1, len(rows) + 1))
