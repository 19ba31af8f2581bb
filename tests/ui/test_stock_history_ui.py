"""Reports → Product history and Stock as of a date (desktop.ui.stock_history_ui),
as a person opens them from the Reports screen's picker."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate

from db import clock
from desktop.ui.screens import ReportsScreen


def table(view) -> list[list[str]]:
    m = view.model
    return [[m.text(r, c) for c in range(m.columnCount())] for r in range(m.rowCount())]


def open_page(qtbot, shop, title: str):
    """The Reports screen with the page picked: (screen, page). Keep the screen: a
    parentless ReportsScreen left to the garbage collector takes its pages with it."""
    screen = ReportsScreen(shop.engine, shop.owner)
    qtbot.addWidget(screen)
    screen.resize(1200, 700)
    screen.show()
    titles = [screen.picker.itemText(i) for i in range(screen.picker.count())]
    assert title in titles
    screen.picker.setCurrentIndex(titles.index(title))
    view = screen.stack.currentWidget()
    qtbot.waitUntil(lambda: not view.running, timeout=10_000)
    return screen, view


def test_product_history_page_shows_the_trail(qtbot, stocked):
    _screen, view = open_page(qtbot, stocked, "Product history")
    assert view.objectName() == "productHistoryReport"
    assert view.model.rowCount() == 0 and "SKU" in view.error.text()   # nothing asked yet
    view.product.setText("A001")
    with qtbot.waitSignal(view.answered, timeout=10_000):
        view.refresh()
    assert not view.error.isVisible(), view.error.text()
    rows = table(view)
    heads = [f.title for f in view.model.fields]
    kind, qty, after = heads.index("Kind"), heads.index("In / out"), heads.index("On hand after")
    assert [(r[kind], r[qty], r[after]) for r in rows] == [("Sale", "-2", "8"),
                                                          ("Receipt", "10", "10")]
    assert rows[0][heads.index("By")] == "boss" and "Value" in heads
    assert view.status.text() == "2 operations, newest first"


def test_stock_as_of_page_shows_the_day_chosen(qtbot, stocked):
    _screen, view = open_page(qtbot, stocked, "Stock as of a date")
    assert view.objectName() == "stockAsOfReport" and not view.error.isVisible()
    rows = {r[0]: r for r in table(view)}
    assert rows["A001"][3] == "8" and rows["B001"][3] == "2.500" and rows["A002"][3] == "0"
    d = clock.today() - dt.timedelta(days=1)
    view.as_of.setDate(QDate(d.year, d.month, d.day))
    with qtbot.waitSignal(view.answered, timeout=10_000):
        view.refresh()
    assert all(r[3] == "0" for r in table(view))
