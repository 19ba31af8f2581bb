"""Drafts: saved and numbered without moving anything; posted under their own number."""
import pytest

from db.schema import documents, stock_ledger

from db.documents import LineIn
from db.errors import BooksError
from db.money import parse_money as m
from db.money import parse_qty as q


@pytest.fixture
def stocked(shop):
    shop.product("D1", price="4.50")
    shop.books.add_supplier("供应商甲")
    shop.books.post_purchase_receipt("供应商甲", [LineIn("D1", q("10"), m("2.00"))])
    return shop


def test_a_draft_sale_moves_nothing_until_posted(stocked):
    shop = stocked
    draft = shop.books.save_draft("sale", [LineIn("D1", q("4"))])
    assert draft.status == "draft" and draft.number.startswith("XS")
    assert shop.stock_of("D1")[0] == q("10")
    assert shop.count(stock_ledger, stock_ledger.c.document_id == draft.id) == 0

    edited = shop.books.edit_draft(draft.number, [LineIn("D1", q("3"))])
    assert edited.total == m("13.50")

    posted = shop.books.post_draft(draft.number)
    assert (posted.number, posted.id, posted.total) == (draft.number, draft.id, m("13.50"))
    assert shop.stock_of("D1") == (q("7"), m("14.00"))
    with pytest.raises(BooksError, match="not a draft"):
        shop.books.post_draft(draft.number)


def test_a_discarded_draft_keeps_its_number_and_numbering_stays_gapless(stocked):
    from db.check import check_books
    shop = stocked
    first = shop.books.save_draft("sale", [LineIn("D1", q("1"))])
    shop.books.discard_draft(first.number)
    second = shop.books.post_sale([LineIn("D1", q("1"))])
    assert int(second.number[-4:]) == int(first.number[-4:]) + 1
    with pytest.raises(BooksError, match="cancelled, not a draft"):
        shop.books.post_draft(first.number)
    assert shop.stock_of("D1")[0] == q("9")
    assert check_books(shop.engine) == []


def test_posting_a_draft_applies_the_kinds_rules(stocked):
    shop = stocked
    draft = shop.books.save_draft("sale", [LineIn("D1", q("50"))])
    with pytest.raises(BooksError, match="not enough stock of D1"):
        shop.books.post_draft(draft.number)
    assert shop.count(documents, documents.c.status == "draft") == 1  # still a draft
    assert shop.stock_of("D1")[0] == q("10")
