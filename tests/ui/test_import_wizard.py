"""The import wizard on the fixture book, as the owner uses it: the sheet as read,
the mapping (changed once), every issue, the refused rows saved, then all of it."""
from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import select

from db.schema import products
from desktop.ui.main_window import MainWindow

SQLITE = pytest.mark.parametrize("backend", ["sqlite"])
FIXTURES = Path(__file__).resolve().parents[3] / "shared" / "fixtures" / "books"


def open_import(qtbot, shop):
    window = MainWindow(shop.engine, shop.owner, "老王杂货店", "shop.db", screen="import")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window.current_screen()


def wait_read(qtbot, wizard):
    qtbot.waitUntil(lambda: wizard.task is None and wizard.preview is not None, timeout=20_000)


@SQLITE
@pytest.mark.skipif(not FIXTURES.is_dir(), reason="no fixture books")
def test_the_wizard_on_the_fixture_book(qtbot, shop, tmp_path):
    screen = open_import(qtbot, shop)
    wizard = screen.open_wizard(str(FIXTURES / "legacy_products.xlsx"))
    assert wizard.sheet.currentText() == "货品清单"
    wizard.next()                                           # read it, off the GUI thread
    wait_read(qtbot, wizard)
    assert wizard.pages.currentIndex() == 1
    assert wizard.grid.item(4, 2).text() == "货号"          # the header (row 4) as read
    assert wizard.mapping_boxes[2].currentData() == "sku"
    assert wizard.mapping_boxes[0].currentData() == ""     # 编号: a row number, not imported
    assert "row 4" in wizard.sheet_note.text()
    wizard.next()
    assert wizard.pages.currentIndex() == 2
    assert "15 rows read: 15 to import" in wizard.summary.text()
    wizard.filter.setCurrentIndex(wizard.filter.findData("warning"))
    shown = [(wizard.issues.item(r, 0).text(), wizard.issues.item(r, 1).text())
             for r in range(wizard.issues.rowCount())]
    assert shown == [("13", "条形码"), ("19", "条形码")]
    assert shop.count(products) == 0                        # nothing written yet
    with qtbot.waitSignal(wizard.done, timeout=20_000) as got:
        wizard.next()                                       # Import
    assert got.args[0]["rows_imported"] == 15 and shop.count(products) == 15
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1 and not screen.model.loading)
    assert "legacy_products.xlsx" in screen.model.index(0, 5).data()
    screen.view.selectRow(0)
    assert screen.undo_selected()
    assert shop.count(products, products.c.active.is_(True)) == 0


@SQLITE
def test_a_mapping_changed_in_the_wizard_and_the_refused_rows(qtbot, shop, tmp_path):
    path = tmp_path / "book.xlsx"
    wb = Workbook()
    ws = wb.active
    for row in (["Code", "Label", "Retail price"], ["X1", "Widget", "9.99"],
                ["X2", "Gadget", "abc"]):
        ws.append(row)
    wb.save(path)
    screen = open_import(qtbot, shop)
    wizard = screen.open_wizard(str(path))
    wizard.next()
    wait_read(qtbot, wizard)
    assert wizard.preview.count("rejected") == 2           # no name mapped yet
    wizard.mapping_boxes[1].setCurrentIndex(wizard.mapping_boxes[1].findData("name"))
    qtbot.waitUntil(lambda: wizard.task is None and wizard.preview.mapping.get(1) == "name",
                    timeout=20_000)
    assert wizard.preview.count("rejected") == 1
    rejects = tmp_path / "rejects.xlsx"
    assert wizard.save_rejects(str(rejects)) == 1
    assert list(load_workbook(rejects).active.values)[1][:3] == ("X2", "Gadget", "abc")
    with qtbot.waitSignal(wizard.done, timeout=20_000):
        wizard._show_page(2)
        wizard.next()
    assert shop.scalar(select(products.c.name).where(products.c.sku == "X1")) == "Widget"


def test_every_message_of_the_import_is_in_the_wizards_catalogue():
    """The import's rules speak English; the wizard says each message in the person's
    language from its catalogue of templates, so a template missing there would stay
    English on a Chinese screen."""
    import ast
    from desktop.ui.import_wizard import issue_catalogue
    root = Path(__file__).resolve().parents[2] / "desktop" / "books"
    used = set()
    for f in root.glob("*.py"):
        for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", "") == "T" and node.args
                    and isinstance(node.args[0], ast.Constant)):
                used.add(node.args[0].value)
    assert used and used <= set(issue_catalogue())


def test_issues_are_said_in_chinese(qapp):
    from PySide6.QtCore import QLocale
    from desktop.books.text import T
    from desktop.ui import i18n
    from desktop.ui.import_wizard import say
    i18n.install(qapp, QLocale("zh_CN"))
    try:
        problem = T("{what}: {value} has a wrong check digit (it would be {check}); not stored, "
                    "and not corrected", what=T("barcode"), value="6926507529172", check=9)
        text = say(T("{problem}; left out", problem=problem))
        assert "6926507529172" in text and "9" in text and "条码" in text
        assert not any(w in text for w in ("check digit", "left out"))
    finally:
        i18n.install(qapp, QLocale("en"))
