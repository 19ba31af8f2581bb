"""Numbers, money and dates on screen follow the language chosen (desktop.ui.formats):
grouped money, four-digit-year dates in the locale's order, date inputs in the same
format; typed numbers read back plain or grouped, never misread; the Excel export
stays machine-readable whatever the screen shows."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QLocale

from db import clock
from desktop.ui import i18n

SQLITE = pytest.mark.parametrize("backend", ["sqlite"])


@pytest.fixture
def chinese(qapp):
    """The screens in Chinese (the autouse `english` fixture puts English back)."""
    assert i18n.install(qapp, QLocale("zh_CN")) == "zh_CN"
    assert QLocale().name() == "zh_CN"


def us(day: dt.date) -> str:
    return f"{day.month}/{day.day}/{day.year}"


def zh(day: dt.date) -> str:
    return f"{day.year}/{day.month}/{day.day}"


def listed(qtbot, screen) -> list[list[str]]:
    qtbot.addWidget(screen)
    screen.refresh()
    qtbot.waitUntil(lambda: not screen.model.loading and screen.model.total >= 0, timeout=10_000)
    m = screen.model
    return [[m.index(r, c).data() for c in range(m.columnCount())] for r in range(m.rowCount())]


def big_sale(shop):
    shop.product("Z001", "12345.60", name="整箱茅台", unit="箱")
    shop.receive("酒厂", ("Z001", "1200", "9000.00"))
    return shop.sell(("Z001", "1000"))


@SQLITE
def test_lists_group_money_and_write_dates_the_chinese_way(qtbot, shop, chinese):
    from desktop.ui.screens import sales_screen, stock_screen
    sale = big_sale(shop)
    [row] = listed(qtbot, stock_screen(shop.engine, shop.owner))
    assert row[0] == "Z001" and row[4:] == ["200", "12,345.60"]
    [row] = listed(qtbot, sales_screen(shop.engine, shop.owner))
    assert row[0] == sale.number and row[1] == zh(clock.today())
    assert row[5] == "12,345,600.00"


@SQLITE
def test_the_same_lists_in_english(qtbot, shop):
    from desktop.ui.screens import sales_screen
    big_sale(shop)
    [row] = listed(qtbot, sales_screen(shop.engine, shop.owner))
    assert row[1] == us(clock.today()) and row[5] == "12,345,600.00"


def test_date_inputs_show_the_dates_as_the_lists_do(qtbot, qapp):
    from desktop.ui.report_frame import date_edit
    day = dt.date(2026, 12, 3)
    edit = date_edit(None, day, "from")
    qtbot.addWidget(edit)
    assert edit.displayFormat() == "M/d/yyyy" and edit.text() == "12/3/2026"
    i18n.install(qapp, QLocale("zh_CN"))
    edit = date_edit(None, day, "from")
    qtbot.addWidget(edit)
    assert edit.displayFormat() == "yyyy/M/d" and edit.text() == "2026/12/3"


@SQLITE
def test_export_stays_machine_readable_whatever_the_screen_shows(qtbot, shop, chinese, tmp_path):
    from python_calamine import CalamineWorkbook

    from desktop.ui.screens import sales_screen
    big_sale(shop)
    screen = sales_screen(shop.engine, shop.owner)
    listed(qtbot, screen)
    path = tmp_path / "sales.xlsx"
    screen.export(str(path))
    qtbot.waitUntil(lambda: getattr(screen, "exported", None) == str(path), timeout=10_000)
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    assert rows[1][1] == clock.today()                    # a date, not '2026/12/3'
    assert rows[1][5] == 12345600.0                       # a number, not '12,345,600.00'


@SQLITE
def test_typed_prices_read_plain_or_grouped_and_stay_plain_when_filled_in(qtbot, shop):
    from desktop.ui.products import ProductEditor
    editor = ProductEditor(shop.books, None)
    qtbot.addWidget(editor)
    qtbot.keyClicks(editor.sku, "G1")
    editor.name.setText("礼盒")                             # (QTest types ASCII only)
    qtbot.keyClicks(editor.price, "1,234.50")             # the validator lets it be typed
    assert editor.price.text() == "1,234.50"
    qtbot.keyClicks(editor.max_qty, "1,500")               # 1500, never 1.5
    assert editor.save(), editor.error.text()
    detail = shop.books.product_detail("G1")
    assert detail.price == 123_450 and detail.max_qty == 1_500_000

    editor = ProductEditor(shop.books, detail)
    qtbot.addWidget(editor)
    assert editor.price.text() == "1234.50" and editor.max_qty.text() == "1500"
    editor.price.setText("12,50")                           # no grouping of this locale
    assert not editor.save()
    assert "'12,50' is not a number" in editor.error.text()
    assert shop.books.product_detail("G1").price == 123_450
    editor.price.setText("2,000")
    assert editor.save(), editor.error.text()
    assert shop.books.product_detail("G1").price == 200_000


def test_the_counter_cart_and_reports_show_grouped_figures(qtbot, chinese):
    from desktop.ui.cart import CartLine, CartModel
    from desktop.ui.report_frame import Field, RowsModel
    cart = CartModel()
    cart.add(CartLine(1, "Z001", "整箱茅台", "箱", 1_234_560, 1_234_560, 2500))
    assert [cart.index(0, c).data() for c in (3, 5, 6)] == ["2.500", "12,345.60", "30,864.00"]
    rows = RowsModel()
    at = dt.datetime(2026, 1, 5, 9, 30)
    rows.show([Field("when", "time", "when"), Field("day", "date", "date"),
               Field("n", "docs", "count"), Field("amount", "amount", "money"),
               Field("share", "share", "percent")],
              [[at, "2026-01-06", 12_345, -1_234_567, 123]], None)
    assert [rows.text(0, c) for c in range(5)] == ["2026/1/5 09:30", "2026/1/6", "12,345",
                                                   "-12,345.67", "12.3%"]


@SQLITE
def test_printed_papers_follow_the_chosen_language(qtbot, shop, chinese, tmp_path, monkeypatch):
    from file_text import pdf_text

    from desktop.ui.print_actions import print_document, print_language
    from desktop.ui.sales_report import SalesReportView
    monkeypatch.setenv("STOREKEEPER_CONFIG", str(tmp_path / "config" / "config.json"))
    sale = big_sale(shop)
    assert print_language() == "zh_CN"
    today = clock.today()

    def previewed(start):
        shown = []
        start(shown.append)
        qtbot.waitUntil(lambda: bool(shown), timeout=15_000)
        qtbot.addWidget(shown[0])
        return pdf_text(shown[0].pdf)

    # a report prints what its table shows: Chinese words, figures and dates as on screen
    view = SalesReportView(shop.engine, shop.owner)
    qtbot.addWidget(view)
    view.set_period(today, today)
    with qtbot.waitSignal(view.answered, timeout=10_000):
        view.set_grouping("product")
    assert view.model.text(0, 3) == "12,345,600.00"
    text = previewed(lambda cb: view.print_report(on_shown=cb))
    assert "销售汇总" in text and "12,345,600.00" in text and f"至 {zh(today)}" in text
    # a document prints in Chinese too (its own layout: plain figures, ISO dates)
    text = previewed(lambda cb: print_document(view, shop.engine, "invoice", sale.number,
                                               on_shown=cb))
    assert "合计" in text and "12345600.00" in text and today.isoformat() in text
