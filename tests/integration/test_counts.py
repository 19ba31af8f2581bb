"""Issue 9: stock counts as of a moment, blind, full and cycle, reviewed and posted
as one stocktake document."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from db import clock, counts
from db.check import check_books
from db.errors import BooksError, PermissionDenied
from db.schema import document_lines, documents, products, stock


@pytest.fixture
def shelf(shop):
    shop.product("A1", "9.90", name="海天酱油", barcodes=["6901234567892"])
    shop.product("B1", "3.00", name="可乐", category="drinks")
    shop.product("C1", "2.00", name="矿泉水", category="drinks")
    shop.product("Z1", "1.00", name="从未进货")                  # none in stock
    shop.receive("Acme", ("A1", 10, "5.00"), ("B1", 20, "1.50"), ("C1", 6, "1.00"))
    shop.clerk = shop.as_user("xiaozhang", "clerk", "clerk-pass-1")
    shop.manager = shop.as_user("laoli", "manager", "mgr-pass-1")
    return shop


def _on_hand(shop, sku):
    return shop.scalar(select(stock.c.qty).join(products, products.c.id == stock.c.product_id)
                       .where(products.c.sku == sku))


def _ids(shop, *skus):
    return [shop.scalar(select(products.c.id).where(products.c.sku == s)) for s in skus]


def _tick():
    clock.shift(dt.timedelta(seconds=1))       # postings and scans at distinct moments


def test_a_blind_full_count_with_sales_during_it(shelf):
    clerk, manager = shelf.clerk, shelf.manager
    try:
        cid = clerk.start_count("full", blind=True)
        _tick()
        for _ in range(9):                               # nine bottles of soy sauce on the shelf
            clerk.count_scan(cid, "6901234567892")
        _tick()
        shelf.sell(("A1", 2))                            # sold after it was counted: not a variance
        shelf.sell(("B1", 5))                            # sold before it is counted
        _tick()
        assert clerk.count_scan(cid, "b1", 12000).counted == 12000     # 12 of the 15 left
        with shelf.engine.connect() as c:
            seen = {l.sku: l for l in counts.lines(c, clerk.actor, cid)}
            assert seen["A1"].counted == 9000 and seen["A1"].expected is None   # blind
            assert seen["A1"].counted_by == "xiaozhang"
            assert {l.expected for l in counts.lines(c, manager.actor, cid)} != {None}
            with pytest.raises(PermissionDenied):
                counts.review(c, clerk.actor, cid)
            with pytest.raises(BooksError, match="finish counting"):
                counts.review(c, manager.actor, cid)
        with pytest.raises(BooksError, match="only a count whose counting has finished"):
            manager.post_count(cid)
        _tick()
        clerk.finish_count(cid)
        with pytest.raises(BooksError, match="counting has finished"):
            clerk.count_scan(cid, "A1")
        with shelf.engine.connect() as c:
            v = {x.sku: x for x in counts.review(c, manager.actor, cid)}
        assert (v["A1"].expected, v["A1"].counted, v["A1"].difference) == (10000, 9000, -1000)
        assert v["A1"].value == -500                     # one bottle at 5.00
        assert (v["B1"].expected, v["B1"].difference) == (15000, -3000)
        assert (v["C1"].expected, v["C1"].counted) == (6000, 0)   # nobody found any
        assert "Z1" not in v                             # none in the books, none counted
        with pytest.raises(PermissionDenied):
            clerk.post_count(cid)
        done = manager.post_count(cid)
    finally:
        clock.reset()
    assert _on_hand(shelf, "A1") == 7000                 # 9 counted, less the 2 sold since
    assert _on_hand(shelf, "B1") == 12000 and _on_hand(shelf, "C1") == 0
    kind, note = shelf.rows(select(documents.c.kind, documents.c.note)
                            .where(documents.c.number == done.number))[0]
    assert kind == "stocktake" and note.startswith(f"count {cid}:")
    lines = shelf.rows(select(document_lines.c.qty, document_lines.c.expected)
                       .join(documents, documents.c.id == document_lines.c.document_id)
                       .where(documents.c.number == done.number)
                       .order_by(document_lines.c.line_no))
    assert lines == [(9000, 10000), (12000, 15000), (0, 6000)]
    assert check_books(shelf.engine) == []
    with pytest.raises(BooksError, match="posted"):
        manager.post_count(cid)


def test_a_cycle_count_takes_what_is_found_and_leaves_the_rest(shelf):
    clerk, manager = shelf.clerk, shelf.manager
    a1, b1 = _ids(shelf, "A1", "B1")
    cid = clerk.start_count("cycle", product_ids=[a1, b1], title="drinks and sauce")
    clerk.count_set(cid, "A1", 10000)                    # a printed sheet typed in: all there
    clerk.count_scan(cid, "C1", 4000)                    # found, not on the list: it joins
    with shelf.engine.connect() as c:
        assert counts.progress(c, cid) == (2, 3)
        assert [l.sku for l in counts.lines(c, clerk.actor, cid, counted_only=True)] == ["C1", "A1"]
        assert counts.lines(c, clerk.actor, cid)[0].expected == 6000     # not blind
    with pytest.raises(BooksError, match="negative"):
        clerk.count_set(cid, "A1", -1000)
    with pytest.raises(BooksError, match="above zero"):
        clerk.count_scan(cid, "A1", 0)
    with pytest.raises(BooksError, match="no product"):
        clerk.count_scan(cid, "NOPE")
    clerk.finish_count(cid)
    manager.post_count(cid)
    assert _on_hand(shelf, "A1") == 10000 and _on_hand(shelf, "B1") == 20000   # B1 uncounted
    assert _on_hand(shelf, "C1") == 4000
    assert check_books(shelf.engine) == []


def test_counts_refused_and_cancelled(shelf):
    clerk, manager = shelf.clerk, shelf.manager
    with pytest.raises(BooksError, match="nothing is due or chosen"):
        clerk.start_count("cycle", product_ids=[])
    with pytest.raises(BooksError, match="full or cycle"):
        clerk.start_count("half")
    cashier = shelf.as_user("amy", "cashier", "till-pass-1")
    with pytest.raises(PermissionDenied):
        cashier.start_count("full")
    cid = clerk.start_count("full")
    with pytest.raises(PermissionDenied):
        clerk.cancel_count(cid)
    clerk.finish_count(cid)
    with shelf.engine.connect() as c:
        assert [o["id"] for o in counts.open_counts(c)] == [cid]
    manager.cancel_count(cid)
    with shelf.engine.connect() as c:
        assert counts.open_counts(c) == []
    with pytest.raises(BooksError, match="cancelled"):
        manager.post_count(cid)
    assert _on_hand(shelf, "A1") == 10000                # a cancelled count moves nothing
