"""The main window: the shop's name, the lists that exist, stock rows, Chinese."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, Qt

from desktop.ui import i18n
from desktop.ui.main_window import MainWindow

pytestmark = pytest.mark.parametrize("backend", ["sqlite"])


def nav_texts(window) -> list[str]:
    return [window.navigation.item(r).text() for r in range(window.navigation.count())]


def table(screen) -> list[tuple[str, ...]]:
    m = screen.model
    return [tuple(m.index(r, c).data() for c in range(m.columnCount())) for r in range(m.rowCount())]


def open_window(qtbot, shop, **kw) -> MainWindow:
    window = MainWindow(shop.engine, shop.owner, "老王杂货店", "shop.db", **kw)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_window_names_the_shop_and_lists_only_screens_that_exist(qtbot, stocked):
    window = open_window(qtbot, stocked)
    assert window.windowTitle() == "老王杂货店 - Storekeeper"
    assert nav_texts(window) == ["Stock", "Products", "Customers", "Suppliers"]
    assert window.navigation.currentItem().text() == "Stock"


def test_stock_screen_shows_rows_and_the_total(qtbot, stocked):
    window = open_window(qtbot, stocked)
    stock = window.current_screen()
    assert table(stock) == [("A001", "海天金标生抽", "调味品", "瓶", "8", "12.50"),
                            ("A002", "康师傅红烧牛肉面", "方便食品", "袋", "0", "3.20"),
                            ("B001", "散装白糖", "散装", "kg", "2.500", "0.80")]
    assert stock.status.text() == "Products: 3"
    assert stock.view.visible_rows() == 3


def test_other_screens_open_on_demand_with_balances(qtbot, stocked):
    window = open_window(qtbot, stocked)
    assert set(window.screens) == {"stock"}  # nothing read for screens not opened
    window.navigation.setCurrentRow(2)
    assert table(window.current_screen()) == [("张三", "", "", "25.00")]
    suppliers = window.open_screen("suppliers")
    assert table(suppliers) == [("海天味业", "", "81.25")]
    products = window.open_screen("products")
    assert table(products)[0] == ("A001", "海天金标生抽", "6901234567892", "调味品", "瓶",
                                  "12.50", "8", "", "")


def test_scrolling_reads_only_the_pages_passed(qtbot, shop, add_products):
    add_products(450)
    window = open_window(qtbot, shop)
    stock = window.current_screen()
    qtbot.wait(50)
    assert stock.model.pages_read == 1 and stock.model.rowCount() == 100
    assert stock.status.text() == "Products: 450"
    bar = stock.view.verticalScrollBar()
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: stock.model.rowCount() == 200)
    qtbot.wait(50)
    assert stock.model.pages_read == 2


def test_the_window_speaks_chinese(qtbot, qapp, stocked):
    assert i18n.install(qapp, QLocale("zh_CN")) == "zh_CN"
    window = open_window(qtbot, stocked)
    assert window.windowTitle() == "老王杂货店 - 进销存"
    assert nav_texts(window) == ["库存", "商品", "客户", "供应商"]
    stock = window.current_screen()
    assert stock.model.headerData(4, Qt.Orientation.Horizontal) == "库存数量"
    assert stock.status.text() == "商品：3 种"
