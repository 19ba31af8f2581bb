"""The lazy list model: keyset pages read off the GUI thread, sort, search (both databases)."""
from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QModelIndex, Qt

from db import lists
from desktop.ui.paged_model import PAGE_SIZE, Column, PagedTableModel
from desktop.ui.screens import stock_screen


def stock_model(shop, source=lists.STOCK) -> PagedTableModel:
    """A model with the stock screen's columns over `source`."""
    columns = stock_screen(shop.engine, shop.owner).model.columns
    return PagedTableModel(shop.engine, source, columns)


def settle(qtbot, model) -> None:
    qtbot.waitUntil(lambda: not model.loading and model.total >= 0, timeout=10_000)


def fetch_all(qtbot, model) -> None:
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
        settle(qtbot, model)


def column(model, c=0) -> list[str]:
    return [model.index(r, c).data() for r in range(model.rowCount())]


def test_python_model_tester_while_pages_arrive(qtbot, qtmodeltester, shop, add_products):
    add_products(250)
    model = stock_model(shop)
    qtmodeltester.check(model, force_py=True)  # asserts on every signal from here on
    model.refresh()
    settle(qtbot, model)
    assert model.rowCount() == PAGE_SIZE and model.total == 250
    fetch_all(qtbot, model)
    assert model.rowCount() == 250
    model.sort(1, Qt.SortOrder.DescendingOrder)
    settle(qtbot, model)
    model.set_search("P0012")
    settle(qtbot, model)
    assert model.rowCount() == 10


@pytest.mark.qt_log_level_fail("WARNING")
def test_qt_model_tester_reports_nothing(qtbot, qtmodeltester, shop, add_products):
    add_products(120)
    model = stock_model(shop)
    qtmodeltester.check(model)  # Qt's C++ QAbstractItemModelTester: failures are warnings
    model.refresh()
    settle(qtbot, model)
    model.fetchMore(QModelIndex())
    model.refresh()
    settle(qtbot, model)
    assert model.rowCount() == PAGE_SIZE


def test_fetch_more_reads_exactly_the_next_page(qtbot, shop, add_products):
    skus = add_products(250)
    model = stock_model(shop)
    model.refresh()
    settle(qtbot, model)
    assert model.rowCount() == 100 and model.canFetchMore(QModelIndex())
    assert model.total == 250 and model.pages_read == 1
    model.fetchMore(QModelIndex())
    model.fetchMore(QModelIndex())      # asked twice while the page is on its way: read once
    settle(qtbot, model)
    assert model.rowCount() == 200 and model.pages_read == 2
    model.fetchMore(QModelIndex())
    settle(qtbot, model)
    assert model.rowCount() == 250 and not model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())      # past the end: nothing read
    assert model.pages_read == 3 and not model.loading
    assert column(model) == skus        # keyset order, no row twice, none missing


def test_sorting_by_a_column_pages_in_that_order(qtbot, shop, add_products):
    skus = add_products(230)
    model = stock_model(shop)
    model.refresh()
    settle(qtbot, model)
    model.sort(0, Qt.SortOrder.DescendingOrder)
    settle(qtbot, model)
    fetch_all(qtbot, model)
    assert column(model) == skus[::-1]
    assert model.sort_column() == (0, Qt.SortOrder.DescendingOrder)


def test_a_newer_search_wins_over_a_slower_older_one(qtbot, shop, add_products):
    add_products(300)
    model = stock_model(shop)
    model.refresh()
    for text in ("P", "P0", "P00", "P002"):     # typed faster than the reads come back
        model.set_search(text)
    settle(qtbot, model)
    assert column(model) == [f"P{i:05d}" for i in range(200, 300)]
    qtbot.wait(50)
    assert model.total == 100


def test_a_list_of_exactly_one_page_needs_no_second_read(qtbot, shop, add_products):
    add_products(100)
    model = stock_model(shop)
    model.refresh()
    settle(qtbot, model)
    assert model.rowCount() == 100
    assert not model.canFetchMore(QModelIndex())
    assert model.pages_read == 1


def test_rows_are_formatted_when_shown_and_aligned(qtbot, stocked):
    model = stock_model(stocked)
    model.refresh()
    settle(qtbot, model)
    rows = [tuple(model.index(r, c).data() for c in range(model.columnCount()))
            for r in range(model.rowCount())]
    assert rows == [("A001", "海天金标生抽", "调味品", "瓶", "8", "12.50"),
                    ("A002", "康师傅红烧牛肉面", "方便食品", "袋", "0", "3.20"),
                    ("B001", "散装白糖", "散装", "kg", "2.500", "0.80")]
    assert model.raw_row(0)[4:] == (8000, 1250)   # the list's integers, kept as read
    on_hand = model.index(0, 4).data(Qt.ItemDataRole.TextAlignmentRole)
    assert on_hand & Qt.AlignmentFlag.AlignRight
    assert model.headerData(4, Qt.Orientation.Horizontal) == "On hand"
    assert model.rowCount(model.index(0, 0)) == 0  # a flat list: no children


class _SlowCount(lists.PagedList):
    """STOCK whose count of the search 'slow' runs until stopped (the count of a
    broad search on a big shop)."""
    def __init__(self):
        self.__dict__.update(lists.STOCK.__dict__)

    def count(self, conn, query):
        if query.search != "slow":
            return super().count(conn, query)
        if conn.dialect.name == "sqlite":
            sql = ("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c "
                   "WHERE x < 2000000000) SELECT count(*) FROM c")
        else:
            sql = "SELECT pg_sleep(60)"
        return conn.exec_driver_sql(sql).scalar_one()


def test_a_stale_count_is_interrupted_not_waited_for(qtbot, shop, add_products):
    """Typing on while a broad search is still being counted stops that count: the
    new query's count arrives at once, not after the old one has run to its end."""
    add_products(30)
    model = stock_model(shop, _SlowCount())
    model.set_query(lists.Query(search="slow"))
    qtbot.wait(400)                             # the count has started (after its 250 ms)
    assert model.total == -1
    model.set_search("P0001")
    with qtbot.waitSignal(model.totalChanged, timeout=5_000,
                          check_params_cb=lambda n: n >= 0) as got:
        pass
    assert got.args == [10] and model.total == 10
    assert model.counts_interrupted == 1
    assert [model.value(r, "sku") for r in range(model.rowCount())] == [f"P{n:05d}" for n in range(10, 20)]


def test_closing_a_list_stops_its_count(qtbot, shop, add_products):
    """A screen closed while its list is still being counted (switching screens on a
    big shop) stops that count, so the next screen's first page does not wait on it."""
    from desktop.ui.list_screen import ListScreen
    add_products(3)
    screen = ListScreen(shop.engine, _SlowCount(), [Column(f) for f in lists.STOCK.fields],
                        "Stock", lambda n: str(n))
    qtbot.addWidget(screen)
    screen.show()
    screen.model.set_query(lists.Query(search="slow"))
    qtbot.wait(400)                             # its count has started
    started = time.perf_counter()
    screen.close()
    qtbot.waitUntil(lambda: screen.model.counts_interrupted == 1, timeout=2_000)
    qtbot.waitUntil(lambda: screen.model._counting is None, timeout=2_000)
    assert time.perf_counter() - started < 2 and screen.model.total == -1


def test_a_model_deleted_while_its_reads_run_takes_no_result(qtbot, shop, add_products):
    """A screen torn down while its first page and count are still being read (a
    wizard closed mid-load) drops those results instead of signalling from a deleted
    object — which pytest-qt would report as an exception in the event loop."""
    import shiboken6
    from desktop.ui import workers
    class Sleepy(lists.PagedList):
        def __init__(self):
            self.__dict__.update(lists.STOCK.__dict__)

        def count(self, conn, query):
            time.sleep(0.3)
            return super().count(conn, query)

        def page(self, conn, query, *args, **kwargs):
            time.sleep(0.3)
            return super().page(conn, query, *args, **kwargs)

    add_products(30)
    model = stock_model(shop, Sleepy())
    model.refresh()
    qtbot.wait(50)                                 # both reads have started
    shiboken6.delete(model)
    assert not shiboken6.isValid(model)
    qtbot.waitUntil(lambda: not workers._live, timeout=5_000)   # every task has reported
    qtbot.wait(50)
