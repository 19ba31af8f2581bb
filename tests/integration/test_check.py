"""`check`: passes on a busy shop, catches tampering and caches that drift."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from db.schema import audit_log, customers, documents, products, stock_ledger


def check(shop) -> list[str]:
    from db.check import check_books   # imported here: one missing module fails only these
    return check_books(shop.engine)


@pytest.fixture
def busy(shop):
    """A few days of a small shop through the posting rules."""
    b = shop.books
    shop.product("A1", "9.90", name="海天酱油", barcodes=["6901234567892"])
    shop.product("B1", "0.10", name="塑料袋")
    shop.product("C1", "3.33", name="可乐")
    shop.product("M1", "5.50", name="牛奶", batch_tracked=True)
    b.add_customer("Wang")
    b.add_customer("Li")
    shop.receive("Acme", ("A1", 10, "5.00"), ("A1", 10, "7.00"), ("B1", 100, "0.03"),
                 ("C1", 7, "1.00"))
    shop.receive("Dairy", ("M1", 6, "3.10", "L1", dt.date(2027, 3, 1)),
                 ("M1", 4, "3.20", "L2", dt.date(2027, 1, 1)))
    s1 = shop.sell(("A1", 3), ("B1", 3), customer="Wang", payment="account")
    shop.sell(("6901234567892", 1), ("C1", 2, "3.00"), payment="wechat")
    shop.sell(("C1", 1), ("M1", 5), customer="Li", payment="account")
    b.post_return(s1.number, [shop.line("A1", 1)])
    b.post_customer_payment("Wang", 1000)
    b.post_supplier_payment("Acme", 5000)
    s4 = shop.sell(("B1", 7))
    b.cancel(s4.number)
    b.post_stocktake([shop.line("C1", 3), shop.line("B1", 95)])
    b.post_adjustment([shop.line("A1", -1)], reason="damage: broken bottle")
    shop.sell(("C1", 1, "3.33"), client_id="retry-1")
    shop.sell(("C1", 1, "3.33"), client_id="retry-1")
    return shop


def test_check_passes_on_a_busy_shop(busy):
    assert check(busy) == []


def test_check_passes_on_a_new_shop(shop):
    assert check(shop) == []


def _ledger_row(shop, sku: str, kind: str):
    return shop.rows(select(stock_ledger.c.id, stock_ledger.c.qty)
                     .join(products, products.c.id == stock_ledger.c.product_id)
                     .join(documents, documents.c.id == stock_ledger.c.document_id)
                     .where(products.c.sku == sku, documents.c.kind == kind)
                     .order_by(stock_ledger.c.id))[0]


def test_check_catches_a_tampered_ledger_quantity(busy):
    row = _ledger_row(busy, "A1", "sale")
    busy.execute("UPDATE stock_ledger SET qty = qty + 1000 WHERE id = :i", i=row.id)
    breaches = check(busy)
    assert breaches, "a ledger row changed by hand went unnoticed"
    assert "A1" in breaches[0]


def test_check_catches_a_ledger_quantity_off_by_one_thousandth(busy):
    row = _ledger_row(busy, "B1", "purchase-receipt")
    busy.execute("UPDATE stock_ledger SET qty = qty - 1 WHERE id = :i", i=row.id)
    breaches = check(busy)
    assert breaches and "B1" in breaches[0]


def test_check_catches_a_tampered_audit_row(busy):
    seq = busy.scalar(select(audit_log.c.seq).where(audit_log.c.action == "post")
                      .order_by(audit_log.c.seq).limit(1))
    busy.execute("UPDATE audit_log SET detail = :d WHERE seq = :s",
                 d='{"supplier":"Acme","total":"0.01"}', s=seq)
    breaches = check(busy)
    assert breaches and "audit" in breaches[0].lower() and str(seq) in breaches[0]


def test_check_catches_a_deleted_audit_row(busy):
    seq = busy.scalar(select(audit_log.c.seq).where(audit_log.c.action == "cancel"))
    busy.execute("DELETE FROM audit_log WHERE seq = :s", s=seq)
    breaches = check(busy)
    assert breaches and "audit" in breaches[0].lower() and str(seq) in breaches[0]


def test_check_catches_the_last_audit_row_deleted(busy):
    last = busy.scalar(select(audit_log.c.seq).order_by(audit_log.c.seq.desc()).limit(1))
    busy.execute("DELETE FROM audit_log WHERE seq = :s", s=last)
    breaches = check(busy)
    assert breaches and "audit" in breaches[0].lower()


def test_check_catches_a_stock_cache_that_disagrees_with_the_ledger(busy):
    busy.execute("UPDATE stock SET qty = qty + 2000 WHERE product_id = "
                 "(SELECT id FROM products WHERE sku = 'C1')")
    breaches = check(busy)
    assert breaches and "C1" in breaches[0]


def test_check_catches_a_stock_value_off_by_one_fen(busy):
    busy.execute("UPDATE stock SET value = value + 1 WHERE product_id = "
                 "(SELECT id FROM products WHERE sku = 'A1')")
    breaches = check(busy)
    assert breaches and "A1" in breaches[0]


def test_check_catches_a_customer_balance_off_by_one_fen(busy):
    assert busy.balance(customers, "Li") > 0
    busy.execute("UPDATE customers SET balance = balance + 1 WHERE name = 'Li'")
    breaches = check(busy)
    assert breaches and "Li" in breaches[0]


def test_check_catches_a_supplier_balance_off(busy):
    busy.execute("UPDATE suppliers SET balance = balance - 1 WHERE name = 'Dairy'")
    breaches = check(busy)
    assert breaches and "Dairy" in breaches[0]


def test_check_catches_a_batch_cache_off(busy):
    busy.execute("UPDATE batches SET qty = qty + 1000 WHERE batch_no = 'L1'")
    breaches = check(busy)
    assert breaches and "L1" in breaches[0]


def test_check_catches_a_gap_in_numbering(busy):
    day = f"{dt.date.today():%Y%m%d}"
    busy.execute("UPDATE documents SET number = :n WHERE number = :o",
                 n=f"XS{day}-0009", o=f"XS{day}-0002")
    breaches = check(busy)
    assert breaches and any(f"XS{day}-0002" in b for b in breaches)


def test_check_catches_a_cancelled_document_marked_posted_again(busy):
    busy.execute("UPDATE documents SET status = 'posted' WHERE id = "
                 "(SELECT reverses_id FROM documents WHERE reverses_id IS NOT NULL)")
    breaches = check(busy)
    assert breaches and "not marked cancelled" in breaches[0]


def test_check_catches_a_reversal_that_does_not_match_its_original(busy):
    busy.execute("UPDATE documents SET number = number || 'X' WHERE reverses_id IS NOT NULL")
    breaches = check(busy)
    assert breaches and "does not match the document it reverses" in breaches[0]
