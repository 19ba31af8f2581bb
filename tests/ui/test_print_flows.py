"""Printing from the screens as a person would: choose a row, ask for its paper,
get the preview of the right document (its text read back from the PDF)."""
from __future__ import annotations

import datetime as dt
import shutil
import subprocess

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QPushButton

from db import clock
from db.masters import ProductChanges
from desktop.ui.parties import PartyScreen
from desktop.ui.print_actions import ask_statement
from desktop.ui.products import ProductsScreen
from desktop.ui.purchasing import PurchasingScreen
from desktop.ui.screens import sales_screen, stock_screen

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                reason="poppler-utils (pdftotext) not installed")


@pytest.fixture(autouse=True)
def config_file(tmp_path, monkeypatch):
    monkeypatch.setenv("STOREKEEPER_CONFIG", str(tmp_path / "config" / "config.json"))


def text_of(pdf) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout


def ready(qtbot, screen):
    qtbot.addWidget(screen)
    screen.resize(1200, 700)
    screen.show()
    screen.model.refresh()
    qtbot.waitUntil(lambda: not screen.model.loading and screen.model.rowCount() > 0,
                    timeout=10_000)
    return screen


def pick(screen, field: str, value: str, add: bool = False) -> None:
    for row in range(screen.model.rowCount()):
        if screen.model.value(row, field) == value:
            index = screen.model.index(row, 0)
            flags = QItemSelectionModel.SelectionFlag.Rows | (
                QItemSelectionModel.SelectionFlag.Select if add
                else QItemSelectionModel.SelectionFlag.ClearAndSelect)
            screen.view.selectionModel().setCurrentIndex(index, flags)
            return
    raise AssertionError(f"{value} not in the list")


def previewed(qtbot, start):
    """Runs start(on_shown) and returns the preview that opened."""
    shown = []
    start(shown.append)
    qtbot.waitUntil(lambda: bool(shown), timeout=15_000)
    preview = shown[0]
    qtbot.addWidget(preview)
    assert preview.document.pageCount() >= 1
    return preview


def test_labels_for_the_products_chosen_in_the_list(qtbot, stocked):
    screen = ready(qtbot, ProductsScreen(stocked.engine, stocked.owner))
    pick(screen, "sku", "A001")
    pick(screen, "sku", "A002", add=True)
    assert screen.selected_skus() == ["A001", "A002"]
    preview = previewed(qtbot, lambda cb: screen.print_labels(accept=True, on_shown=cb))
    text = text_of(preview.pdf)
    assert "海天金标生抽" in text and "康师傅红烧牛肉面" in text and "12.50" in text
    assert preview.kind == "labels"


def test_price_change_labels_from_the_products_screen(qtbot, stocked):
    stocked.books.update_product("A002", ProductChanges(price="3.50"))
    screen = ready(qtbot, ProductsScreen(stocked.engine, stocked.owner))
    preview = previewed(qtbot, lambda cb: screen.price_change_labels(accept=True, on_shown=cb))
    text = text_of(preview.pdf)
    assert "康师傅红烧牛肉面" in text and "3.50" in text and "海天金标生抽" not in text


def test_a_cashier_gets_no_labels_button(qtbot, stocked):
    cashier = stocked.as_user("amy", "cashier")
    screen = ready(qtbot, ProductsScreen(stocked.engine, cashier.actor))
    assert not hasattr(screen, "labels_button")


def test_a_statement_for_a_period_from_the_customers_screen(qtbot, stocked):
    screen = ready(qtbot, PartyScreen(stocked.engine, stocked.owner, "customer"))
    pick(screen, "name", "张三")
    today = clock.today()
    preview = previewed(qtbot, lambda cb: ask_statement(
        screen, stocked.engine, "customer", (today - dt.timedelta(days=30), today), cb))
    text = text_of(preview.pdf)
    assert "张三" in text and "25.00" in text        # the sale on account, the closing balance
    assert preview.kind == "statement"


def test_an_invoice_of_the_sale_chosen_in_the_sales_list(qtbot, stocked):
    from desktop.ui.print_actions import print_current
    screen = ready(qtbot, sales_screen(stocked.engine, stocked.owner))
    assert screen.findChild(QPushButton, "printDocument").menu().actions()
    number = screen.model.value(0, "number")
    screen.view.setCurrentIndex(screen.model.index(0, 0))
    preview = previewed(qtbot, lambda cb: print_current(screen, stocked.engine, "invoice", "A5",
                                                        cb))
    text = text_of(preview.pdf)
    assert number in text and "张三" in text and "25.00" in text


def test_goods_receipt_labels_and_the_order_from_purchasing(qtbot, stocked):
    order = stocked.books.post_purchase_order("海天味业", [stocked.line("A002", 4, "2.00")])
    screen = ready(qtbot, PurchasingScreen(stocked.engine, stocked.owner))
    receipt = next(screen.model.value(r, "number") for r in range(screen.model.rowCount())
                   if screen.model.value(r, "kind") == "purchase-receipt")
    pick(screen, "number", receipt)
    preview = previewed(qtbot, lambda cb: screen.receipt_labels(accept=True, on_shown=cb))
    text = text_of(preview.pdf)
    assert text.count("海天金标生抽") == 10              # one label per unit received
    pick(screen, "number", order.number)
    preview = previewed(qtbot, lambda cb: screen.print_order(on_shown=cb))
    assert order.number in text_of(preview.pdf)


def test_a_blind_count_sheet_from_the_stock_list(qtbot, stocked):
    from desktop.ui.print_actions import ask_count_sheet
    screen = ready(qtbot, stock_screen(stocked.engine, stocked.owner))
    assert screen.findChild(QPushButton, "countSheet") is not None
    preview = previewed(qtbot, lambda cb: ask_count_sheet(screen, stocked.engine, ("调味品", True),
                                                          cb))
    text = text_of(preview.pdf)
    assert "海天金标生抽" in text and "康师傅红烧牛肉面" not in text


def test_the_count_sheet_offers_every_category_once(qtbot, stocked):
    from desktop.ui.print_actions import categories
    stocked.product("A003", "1.00", name="老抽", category="调味品")
    assert categories(stocked.engine) == ["散装", "方便食品", "调味品"]


def test_the_owner_archives_from_the_reports_and_still_prints_the_sale(qtbot, stocked):
    """Reports → Archived sales and returns: empty before; the owner archives (the
    date asked for, the work off the GUI thread); the sale is listed there, gone from
    the live list, and its invoice still prints."""
    from desktop.ui.archive_screen import archived_sales_screen, ask_and_archive
    from desktop.ui.print_actions import print_current
    from sqlalchemy import select

    from db.schema import documents
    (number,), = stocked.rows(select(documents.c.number).where(documents.c.kind == "sale"))
    clerk = stocked.as_user("amy", "clerk")
    assert archived_sales_screen(stocked.engine, clerk.actor).findChild(
        QPushButton, "archiveDocuments") is None              # the owner's alone
    screen = archived_sales_screen(stocked.engine, stocked.owner)
    qtbot.addWidget(screen)
    screen.show()
    screen.model.refresh()
    qtbot.waitUntil(lambda: not screen.model.loading and screen.model.total == 0, timeout=10_000)
    assert screen.findChild(QPushButton, "archiveDocuments") is not None
    # SQLite keeps the newest row of each table live (ids are never reused): a later sale
    stocked.sell(("A001", "1"), customer="张三", payment="account")
    clock.shift(dt.timedelta(days=3))
    try:
        done = []
        ask_and_archive(screen, stocked.engine, stocked.owner, before=clock.today(),
                        on_done=done.append)
        qtbot.waitUntil(lambda: bool(done), timeout=15_000)
    finally:
        clock.reset()
    assert isinstance(done[0], dict) and done[0]["documents"] >= 2, done
    qtbot.waitUntil(lambda: not screen.model.loading and screen.model.rowCount() > 0,
                    timeout=10_000)
    listed = [screen.model.value(r, "number") for r in range(screen.model.rowCount())]
    assert number in listed and screen.model.value(listed.index(number), "customer") == "张三"
    live = ready(qtbot, stock_screen(stocked.engine, stocked.owner))    # stock stays live
    assert live.model.rowCount() == 3
    pick(screen, "number", number)
    preview = previewed(qtbot, lambda cb: print_current(screen, stocked.engine, "invoice", "A4",
                                                        cb))
    text = text_of(preview.pdf)
    assert number in text and "张三" in text and "25.00" in text
