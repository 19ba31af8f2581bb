"""Cancel by reversal, returns against a sale, idempotent retries."""
from __future__ import annotations

import threading

import pytest
from sqlalchemy import select

from db.errors import BooksError
from db.schema import (account_ledger, audit_log, customers, document_lines, document_payments,
                       documents, stock_ledger, suppliers)


def _snapshot(shop):
    return {"A1": shop.stock_of("A1"), "B1": shop.stock_of("B1"),
            "Wang": shop.balance(customers, "Wang"), "Acme": shop.balance(suppliers, "Acme")}


def _rows_of(shop, doc_id):
    return (shop.rows(select(document_lines).where(document_lines.c.document_id == doc_id)
                      .order_by(document_lines.c.id)),
            shop.rows(select(stock_ledger).where(stock_ledger.c.document_id == doc_id)
                      .order_by(stock_ledger.c.id)),
            shop.rows(select(account_ledger).where(account_ledger.c.document_id == doc_id)
                      .order_by(account_ledger.c.id)),
            shop.rows(select(document_payments).where(document_payments.c.document_id == doc_id)
                      .order_by(document_payments.c.id)))


@pytest.fixture
def stocked(shop):
    shop.product("A1", "9.90")
    shop.product("B1", "0.10")
    shop.books.add_customer("Wang")
    shop.receive("Acme", ("A1", 10, "5.00"), ("A1", 10, "7.00"), ("B1", 3, "0.01"))
    return shop


def test_cancel_posts_reversal_and_restores_everything_exactly(stocked):
    shop = stocked
    before = _snapshot(shop)
    sale = shop.sell(("A1", 3), ("B1", 3), customer="Wang", payment="account")
    original = _rows_of(shop, sale.id)
    doc_before = shop.rows(select(documents).where(documents.c.id == sale.id))[0]
    assert _snapshot(shop) != before

    rev = shop.books.cancel(sale.number)
    assert rev.number == f"{sale.number}-C"
    assert rev.total == -3000
    assert _snapshot(shop) == before
    doc = shop.rows(select(documents).where(documents.c.id == sale.id))[0]
    assert doc.status == "cancelled" and doc.cancelled_at is not None
    assert (doc.number, doc.total, doc.kind) == (doc_before.number, doc_before.total, "sale")
    assert _rows_of(shop, sale.id) == original          # the original's rows untouched
    r = shop.rows(select(documents).where(documents.c.number == rev.number))[0]
    assert r.reverses_id == sale.id and r.status == "posted"
    lines, led, acc, pays = _rows_of(shop, r.id)
    assert sorted(l.qty for l in led) == sorted(-l.qty for l in original[1])
    assert sum(l.value for l in led) == -sum(l.value for l in original[1])
    assert [a.amount for a in acc] == [-3000]
    assert sum(l.amount for l in lines) == -3000


def test_cancel_of_a_receipt_restores_stock_value_and_payable(stocked):
    shop = stocked
    before = _snapshot(shop)
    rec = shop.receive("Acme", ("A1", 5, "9.00"))
    assert shop.stock_of("A1") == (25_000, 16_500)
    shop.books.cancel(rec.number)
    assert _snapshot(shop) == before


def test_cancel_twice_refused(stocked):
    shop = stocked
    sale = shop.sell(("A1", 1))
    shop.books.cancel(sale.number)
    after_first = (_snapshot(shop), shop.count(documents), shop.count(stock_ledger))
    with pytest.raises(BooksError, match="already cancelled"):
        shop.books.cancel(sale.number)
    with pytest.raises(BooksError):
        shop.books.cancel(f"{sale.number}-C")          # the reversal itself
    assert (_snapshot(shop), shop.count(documents), shop.count(stock_ledger)) == after_first


def test_cancel_of_unknown_document_refused(stocked):
    with pytest.raises(BooksError, match="XS19990101-0001"):
        stocked.books.cancel("XS19990101-0001")


def test_cancel_of_receipt_whose_goods_were_sold_refused(shop):
    shop.product("A1", "9.90")
    rec = shop.receive("Acme", ("A1", 10, "5.00"))
    shop.sell(("A1", 3))
    before = (shop.stock_of("A1"), shop.balance(suppliers, "Acme"), shop.count(documents))
    with pytest.raises(BooksError, match=rec.number):
        shop.books.cancel(rec.number)
    assert (shop.stock_of("A1"), shop.balance(suppliers, "Acme"), shop.count(documents)) == before
    status = shop.scalar(select(documents.c.status).where(documents.c.id == rec.id))
    assert status == "posted"


def test_cancel_of_receipt_never_leaves_stock_worth_less_than_nothing(shop):
    """Receipts 10 @ 1.00 and 10 @ 100.00, 10 sold at the 50.50 average: 10 units
    worth 505.00 remain. Cancelling the 100.00 receipt (its goods partly sold, on
    average) must be refused, or leave the 10 units with a value of at least zero,
    never 10 units worth -495.00."""
    shop.product("A1", "99.00")
    shop.receive("Acme", ("A1", 10, "1.00"))
    rec = shop.receive("Acme", ("A1", 10, "100.00"))
    shop.sell(("A1", 10))
    assert shop.stock_of("A1") == (10_000, 50_500)
    try:
        shop.books.cancel(rec.number)
    except BooksError:
        assert shop.stock_of("A1") == (10_000, 50_500)
    else:
        qty, value = shop.stock_of("A1")
        assert qty >= 0 and value >= 0, f"{qty / 1000} units left worth {value / 100:.2f}"


def test_idempotent_retry_returns_the_same_number_and_posts_once(stocked):
    shop = stocked
    first = shop.sell(("A1", 2), customer="Wang", payment="account", client_id="till1-0001")
    counts = (shop.count(documents), shop.count(stock_ledger), shop.count(account_ledger),
              shop.count(audit_log))
    again = shop.sell(("A1", 2), customer="Wang", payment="account", client_id="till1-0001")
    assert again.number == first.number and again.id == first.id and again.replay
    assert not first.replay
    assert (shop.count(documents), shop.count(stock_ledger), shop.count(account_ledger),
            shop.count(audit_log)) == counts
    assert shop.stock_of("A1")[0] == 18_000
    assert shop.balance(customers, "Wang") == 1980


def test_idempotent_retry_racing_itself_posts_once(stocked):
    shop = stocked
    results, errors = [], []
    gate = threading.Barrier(4)

    def click():
        try:
            gate.wait()
            results.append(shop.sell(("A1", 1), client_id="double-click"))
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=click) for _ in range(4)]
    [t.start() for t in threads]
    [t.join(60) for t in threads]
    assert errors == []
    assert len({r.number for r in results}) == 1 and len(results) == 4
    assert shop.count(documents, documents.c.kind == "sale") == 1
    assert shop.stock_of("A1")[0] == 19_000


def test_cancel_with_client_id_is_idempotent(stocked):
    shop = stocked
    sale = shop.sell(("A1", 1))
    a = shop.books.cancel(sale.number, client_id="c-1")
    b = shop.books.cancel(sale.number, client_id="c-1")
    assert a.number == b.number == f"{sale.number}-C"
    assert shop.stock_of("A1")[0] == 20_000


# ---------------------------------------------------------------- returns

def test_returns_never_exceed_sold_minus_returned(stocked):
    shop = stocked
    sale = shop.sell(("A1", 5), ("B1", 1))
    r1 = shop.books.post_return(sale.number, [shop.line("A1", 3)])
    assert r1.total == 2970
    assert r1.number.startswith("XT")
    before = (shop.stock_of("A1"), shop.count(documents))
    with pytest.raises(BooksError, match="A1"):
        shop.books.post_return(sale.number, [shop.line("A1", 3)])
    assert (shop.stock_of("A1"), shop.count(documents)) == before
    shop.books.post_return(sale.number, [shop.line("A1", 2)])
    with pytest.raises(BooksError):
        shop.books.post_return(sale.number, [shop.line("A1", 1)])
    with pytest.raises(BooksError):   # never sold on that sale
        shop.books.post_return(sale.number, [shop.line("B1", 2)])
    assert shop.stock_of("A1") == (20_000, 12_000)   # all five back at their cost


def test_return_pays_back_by_the_original_method(stocked):
    shop = stocked
    sale = shop.sell(("A1", 2), payment="wechat")
    ret = shop.books.post_return(sale.number, [shop.line("A1", 1)])
    pays = shop.rows(select(document_payments.c.method, document_payments.c.amount)
                     .where(document_payments.c.document_id == ret.id))
    assert [(p.method, p.amount) for p in pays] == [("wechat", -990)]
    assert shop.balance(customers, "Wang") == 0


def test_return_of_an_account_sale_lowers_the_balance(stocked):
    shop = stocked
    sale = shop.sell(("A1", 3), ("B1", 3), customer="Wang", payment="account")
    assert shop.balance(customers, "Wang") == 3000
    shop.books.post_return(sale.number, [shop.line("B1", 1)])
    assert shop.balance(customers, "Wang") == 2990
    shop.books.post_return(sale.number, [shop.line("A1", 3), shop.line("B1", 2)])
    assert shop.balance(customers, "Wang") == 0


def test_return_shares_a_discounted_line_exactly(shop):
    """3 for 10.00 (3.333...): three single returns give back exactly 10.00."""
    shop.product("A1", "3.34")
    shop.receive("Acme", ("A1", 3, "1.00"))
    sale = shop.books.post_sale([shop.line("A1", 3, "3.34")])
    total = sum(shop.books.post_return(sale.number, [shop.line("A1", 1)]).total for _ in range(3))
    assert total == sale.total
    assert shop.stock_of("A1") == (3000, 300)


def test_return_after_cancel_refused(stocked):
    shop = stocked
    sale = shop.sell(("A1", 2))
    shop.books.cancel(sale.number)
    before = (shop.stock_of("A1"), shop.count(documents))
    with pytest.raises(BooksError, match=sale.number):
        shop.books.post_return(sale.number, [shop.line("A1", 1)])
    assert (shop.stock_of("A1"), shop.count(documents)) == before


def test_cancel_of_a_sale_with_returns_refused_until_they_are_cancelled(stocked):
    shop = stocked
    sale = shop.sell(("A1", 2))
    ret = shop.books.post_return(sale.number, [shop.line("A1", 1)])
    with pytest.raises(BooksError, match=ret.number):
        shop.books.cancel(sale.number)
    shop.books.cancel(ret.number)
    shop.books.cancel(sale.number)
    assert shop.stock_of("A1") == (20_000, 12_000)


def test_return_of_a_batch_sale_goes_back_to_its_batch(shop):
    import datetime as dt
    from db.schema import batches
    shop.product("M1", "3.00", batch_tracked=True)
    shop.receive("Dairy", ("M1", 2, "2.00", "E", dt.date(2027, 1, 1)),
                 ("M1", 5, "2.00", "L", dt.date(2027, 9, 1)))
    sale = shop.sell(("M1", 2))
    shop.books.post_return(sale.number, [shop.line("M1", 1)])
    qty = {r.batch_no: r.qty for r in shop.rows(select(batches.c.batch_no, batches.c.qty))}
    assert qty == {"E": 1000, "L": 5000}


def test_cancelled_return_does_not_let_more_come_back_than_was_sold(stocked):
    shop = stocked
    sale = shop.sell(("A1", 2))
    ret = shop.books.post_return(sale.number, [shop.line("A1", 1)])
    shop.books.cancel(ret.number)
    assert shop.stock_of("A1")[0] == 18_000
    shop.books.post_return(sale.number, [shop.line("A1", 2)])
    with pytest.raises(BooksError, match="A1"):
        shop.books.post_return(sale.number, [shop.line("A1", 1)])
    assert shop.stock_of("A1")[0] == 20_000
