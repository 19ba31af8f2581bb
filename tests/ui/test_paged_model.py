"""The lazy list model: keyset pages through canFetchMore/fetchMore (both databases)."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt

from db import lists
from desktop.ui.paged_model import PAGE_SIZE, PagedTableModel
from desktop.ui.screens import SCREENS


def stock_model(shop, source: lists.PagedList = lists.STOCK) -> PagedTableModel:
    """A model with the stock screen's columns over `source`."""
    columns = SCREENS["stock"].build(shop.engine, shop.owner).model.columns
    return PagedTableModel(shop.engine, source, columns)


def test_python_model_tester_while_pages_arrive(qtmodeltester, shop, add_products):
    add_products(250)
    model = stock_model(shop)
    qtmodeltester.check(model, force_py=True)  # asserts on every signal from here on
    model.refresh()  # the tester's fetchMore inside modelReset must not nest an insert
    assert model.rowCount() == PAGE_SIZE
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 250


@pytest.mark.qt_log_level_fail("WARNING")
def test_qt_model_tester_reports_nothing(qtmodeltester, shop, add_products):
    add_products(120)
    model = stock_model(shop)
    qtmodeltester.check(model)  # Qt's C++ QAbstractItemModelTester: failures are warnings
    model.refresh()
    model.fetchMore(QModelIndex())
    model.refresh()
    assert model.rowCount() >= PAGE_SIZE


def test_fetch_more_reads_exactly_the_next_page(shop, add_products):
    skus = add_products(250)
    reads = []

    def counting_page(conn, after, limit):
        reads.append((after, limit))
        return lists.stock_page(conn, after, limit)

    model = stock_model(shop, lists.PagedList("stock", lists.STOCK.fields, counting_page,
                                              lists.STOCK.count))
    model.refresh()
    assert model.rowCount() == 100 and model.canFetchMore(QModelIndex())
    assert model.total == 250
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 200 and model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 250 and not model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())  # past the end: nothing read
    assert reads == [(None, 101), (skus[99], 101), (skus[199], 101)]
    shown = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert shown == skus  # keyset order, no row twice, none missing


def test_a_list_of_exactly_one_page_needs_no_second_read(shop, add_products):
    add_products(100)
    model = stock_model(shop)
    model.refresh()
    assert model.rowCount() == 100
    assert not model.canFetchMore(QModelIndex())
    assert model.pages_read == 1


def test_rows_are_formatted_once_and_aligned(stocked):
    model = stock_model(stocked)
    model.refresh()
    rows = [tuple(model.index(r, c).data() for c in range(model.columnCount()))
            for r in range(model.rowCount())]
    assert rows == [("A001", "海天金标生抽", "调味品", "瓶", "8", "12.50"),
                    ("A002", "康师傅红烧牛肉面", "方便食品", "袋", "0", "3.20"),
                    ("B001", "散装白糖", "散装", "kg", "2.500", "0.80")]
    on_hand = model.index(0, 4).data(Qt.ItemDataRole.TextAlignmentRole)
    assert on_hand & Qt.AlignmentFlag.AlignRight
    assert model.headerData(4, Qt.Orientation.Horizontal) == "On hand"
    assert model.rowCount(model.index(0, 0)) == 0  # a flat list: no children


def test_other_lists_page_with_their_own_keys(stocked):
    from db.money import money_str

    with stocked.engine.connect() as conn:
        assert lists.PRODUCTS.page(conn, None, 10)[0][:3] == ("A001", "海天金标生抽", "6901234567892")
        assert lists.PRODUCTS.page(conn, "A001", 1)[0][0] == "A002"
        customers = lists.CUSTOMERS.page(conn, None, 10)
        suppliers = lists.SUPPLIERS.page(conn, None, 10)
    assert [(c[0], money_str(c[3])) for c in customers] == [("张三", "25.00")]
    assert [(s[0], money_str(s[2])) for s in suppliers] == [("海天味业", "81.25")]
