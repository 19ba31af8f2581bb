"""The main window: the shop's name, the screens a role may see, rows, scrolling, Chinese."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QLineEdit

from desktop.ui import i18n
from desktop.ui.main_window import MainWindow

pytestmark = pytest.mark.parametrize("backend", ["sqlite"])

EVERY_SCREEN = ["Counter", "Purchasing", "Approvals", "Stock", "Counts", "Products", "Customers",
                "Suppliers", "Reports", "Import", "Users", "Audit log",
                "Settings"]


def nav_texts(window) -> list[str]:
    return [window.navigation.item(r).text() for r in range(window.navigation.count())]


def settle(qtbot, screen) -> None:
    qtbot.waitUntil(lambda: not screen.model.loading and screen.model.total >= 0, timeout=10_000)


def table(screen) -> list[tuple[str, ...]]:
    m = screen.model
    return [tuple(m.index(r, c).data() for c in range(m.columnCount())) for r in range(m.rowCount())]


def open_window(qtbot, shop, actor=None, **kw) -> MainWindow:
    window = MainWindow(shop.engine, actor or shop.owner, "老王杂货店", "shop.db", **kw)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_window_names_the_shop_and_shows_every_screen_to_the_owner(qtbot, stocked):
    window = open_window(qtbot, stocked)
    assert window.windowTitle() == "老王杂货店 - Storekeeper"
    assert nav_texts(window) == EVERY_SCREEN
    assert window.navigation.currentItem().text() == "Stock"


@pytest.mark.parametrize("role, screens", [
    ("cashier", ["Counter", "Stock", "Products", "Customers"]),
    ("clerk", ["Purchasing", "Approvals", "Stock", "Counts", "Products", "Suppliers"]),
    ("bookkeeper", ["Purchasing", "Stock", "Products", "Customers", "Suppliers", "Reports"]),
])
def test_roles_decide_the_screens(qtbot, stocked, role, screens):
    books = stocked.as_user(f"u-{role}", role)
    window = open_window(qtbot, stocked, books.actor)
    assert nav_texts(window) == screens
    with pytest.raises(KeyError):
        window.open_screen("settings")


def test_stock_screen_shows_rows_and_the_total(qtbot, stocked):
    window = open_window(qtbot, stocked)
    stock = window.current_screen()
    settle(qtbot, stock)
    assert table(stock) == [("A001", "海天金标生抽", "调味品", "瓶", "8", "12.50"),
                            ("A002", "康师傅红烧牛肉面", "方便食品", "袋", "0", "3.20"),
                            ("B001", "散装白糖", "散装", "kg", "2.500", "0.80")]
    assert stock.status.text() == "Products: 3"
    assert stock.view.visible_rows() == 3


def test_other_screens_open_on_demand(qtbot, stocked):
    window = open_window(qtbot, stocked)
    assert set(window.screens) == {"stock"}  # nothing read for screens not opened
    customers = window.open_screen("customers")
    settle(qtbot, customers)
    assert table(customers) == [("张三", "", "", "25.00")]
    suppliers = window.open_screen("suppliers")
    settle(qtbot, suppliers)
    assert table(suppliers) == [("海天味业", "", "81.25")]
    counter = window.open_screen("counter")
    assert counter.findChild(QLineEdit, "scan") is not None
    purchasing = window.open_screen("purchasing")
    settle(qtbot, purchasing)
    assert [r[2:] for r in table(purchasing)] == [("Receipt", "海天味业", "81.25", "posted")]
    reports = window.open_screen("reports")
    reports.picker.setCurrentIndex(1)
    settle(qtbot, reports)
    (sale,) = table(reports.current())
    assert sale[2:7] == ("Sale", "张三", "on account", "25.00", "posted")
    reports.picker.setCurrentIndex(2)
    settle(qtbot, reports)
    assert table(reports.current()) == [("张三", "", "", "25.00")]
    imports = window.open_screen("import")
    settle(qtbot, imports)
    assert imports.model.total == 0


def test_scrolling_reads_only_the_pages_passed(qtbot, shop, add_products):
    add_products(450)
    window = open_window(qtbot, shop)
    stock = window.current_screen()
    settle(qtbot, stock)
    qtbot.wait(50)
    assert stock.model.pages_read == 1 and stock.model.rowCount() == 100
    assert stock.status.text() == "Products: 450"
    bar = stock.view.verticalScrollBar()
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: stock.model.rowCount() == 200)
    qtbot.wait(100)
    assert stock.model.pages_read == 2


def test_the_window_speaks_chinese(qtbot, qapp, stocked):
    assert i18n.install(qapp, QLocale("zh_CN")) == "zh_CN"
    window = open_window(qtbot, stocked)
    assert window.windowTitle() == "老王杂货店 - 进销存"
    assert nav_texts(window)[:6] == ["收银台", "采购", "审批", "库存", "盘点", "商品"]
    stock = window.current_screen()
    settle(qtbot, stock)
    assert stock.model.headerData(4, Qt.Orientation.Horizontal) == "库存数量"
    assert stock.status.text() == "商品：3 种"


def test_a_cashier_signs_in_at_the_till_the_others_on_stock(stocked):
    from desktop.ui.screens import home_screen
    assert home_screen(stocked.as_user("till", "cashier").actor) == "counter"
    assert home_screen(stocked.owner) == "stock"
