"""Products, customers and suppliers driven as a person would: search, open, edit, save, see
the list change; a cashier finds no cost anywhere; any list exports to .xlsx."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton

from db.schema import products
from desktop.ui.main_window import MainWindow

pytestmark = pytest.mark.parametrize("backend", ["sqlite"])


def settle(qtbot, screen) -> None:
    qtbot.waitUntil(lambda: not screen.model.loading and screen.model.total >= 0, timeout=10_000)


def column(screen, c=0) -> list[str]:
    m = screen.model
    return [m.index(r, c).data() for r in range(m.rowCount())]


def open_screen(qtbot, shop, key, actor=None):
    window = MainWindow(shop.engine, actor or shop.owner, "老王杂货店", "shop.db", screen=key)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    screen = window.current_screen()
    settle(qtbot, screen)
    return window, screen


def type_search(qtbot, screen, text: str) -> None:
    screen.search.clear()
    qtbot.keyClicks(screen.search, text)
    settle(qtbot, screen)


def test_search_by_pinyin_initials_sku_barcode_and_name(qtbot, stocked):
    _, screen = open_screen(qtbot, stocked, "products")
    type_search(qtbot, screen, "htjb")                 # 海天金标生抽
    assert column(screen) == ["A001"]
    type_search(qtbot, screen, "a00")                  # SKU prefix, any case
    assert column(screen) == ["A001", "A002"]
    type_search(qtbot, screen, "690123")               # barcode prefix
    assert column(screen) == ["A001"]
    screen.search.setText("牛肉")                       # part of a name (QTest types ASCII only)
    settle(qtbot, screen)
    assert column(screen) == ["A002"]
    assert screen.status.text() == "Products: 1"
    screen.search.clear()
    settle(qtbot, screen)
    assert len(column(screen)) == 3


def test_open_edit_save_and_see_the_list_update(qtbot, stocked):
    _, screen = open_screen(qtbot, stocked, "products")
    type_search(qtbot, screen, "A002")
    screen.view.setCurrentIndex(screen.model.index(0, 0))
    screen.view.setFocus()
    qtbot.keyClick(screen.view, Qt.Key.Key_Return)     # open it from the keyboard
    editor = screen.editor
    assert editor is not None and editor.isVisible()
    assert editor.name.text() == "康师傅红烧牛肉面"
    editor.price.clear()
    qtbot.keyClicks(editor.price, "3.50")
    qtbot.keyClicks(editor.new_code, "4006381333931")
    qtbot.keyClick(editor.new_code, Qt.Key.Key_Return)
    qtbot.keyClicks(editor.new_code, "4006381333932")   # wrong check digit
    qtbot.mouseClick(editor.add_code, Qt.MouseButton.LeftButton)
    assert editor.error.isVisible() and "4006381333932" in editor.error.text()
    editor.new_code.clear()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert not editor.isVisible()
    settle(qtbot, screen)
    row = [screen.model.index(0, c).data() for c in range(screen.model.columnCount())]
    assert row[0] == "A002" and row[2] == "4006381333931" and row[5] == "3.50"
    assert screen.status.text().startswith("Products: 1")
    detail = stocked.books.product_detail("A002")
    assert detail.price == 350 and list(detail.barcodes) == ["4006381333931"]


def test_a_refused_save_keeps_the_editor_open_with_the_reason(qtbot, stocked):
    _, screen = open_screen(qtbot, stocked, "products")
    editor = screen.new_product()
    qtbot.keyClicks(editor.sku, "A001")                 # taken
    qtbot.keyClicks(editor.name, "Another")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.isVisible() and "A001" in editor.error.text()
    editor.sku.setText("C001")
    editor.name.setText("农夫山泉 550ml")
    qtbot.keyClicks(editor.price, "2")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert not editor.isVisible()
    settle(qtbot, screen)
    assert "C001" in column(screen)
    assert stocked.scalar(products.select().with_only_columns(products.c.pinyin)
                          .where(products.c.sku == "C001")) == "nfsq550ml"


def _all_texts(widget) -> list[str]:
    texts = [w.text() for w in widget.findChildren(QLabel)]
    texts += [w.text() for w in widget.findChildren(QLineEdit)]
    model = getattr(widget, "model", None)
    if model is not None and not callable(model):
        texts += [str(model.headerData(c, Qt.Orientation.Horizontal))
                  for c in range(model.columnCount())]
        texts += [model.index(r, c).data() for r in range(model.rowCount())
                  for c in range(model.columnCount())]
    return texts


def test_a_cashier_finds_no_cost_anywhere(qtbot, stocked):
    cashier = stocked.as_user("xiaoli", "cashier")
    owner_window, owner_screen = open_screen(qtbot, stocked, "products")
    assert "Cost" in _all_texts(owner_screen)           # the owner sees it: the test can fail
    owner_editor = owner_screen.edit_product("A001")
    assert owner_editor.findChild(QLabel, "avgCost").text() == "8.00"
    owner_editor.reject()

    window, screen = open_screen(qtbot, stocked, "products", cashier.actor)
    texts = _all_texts(screen)
    assert "Cost" not in texts and "8.00" not in texts
    assert not hasattr(screen, "new_button")
    editor = screen.edit_product("A001")
    editor_texts = _all_texts(editor)
    assert editor.findChild(QLabel, "avgCost") is None
    assert "8.00" not in editor_texts and not any("cost" in t.lower() for t in editor_texts)
    assert editor.name.isReadOnly() and not hasattr(editor, "save_button")
    assert stocked.books.__class__(stocked.engine, cashier.actor).product_detail("A001").avg_cost is None
    editor.reject()
    for key in ("stock", "counter", "customers"):
        texts = _all_texts(window.open_screen(key))
        assert not any("cost" in str(t).lower() for t in texts)


def test_customers_edit_and_list_update(qtbot, stocked):
    _, screen = open_screen(qtbot, stocked, "customers")
    editor = screen.open_row(0)
    assert editor.findChild(QLabel, "balance").text() == "25.00"
    editor.phone.setText("13800138000")
    qtbot.keyClicks(editor.credit_limit, "500")
    qtbot.mouseClick(editor.findChild(QPushButton, "save"), Qt.MouseButton.LeftButton)
    assert not editor.isVisible()
    settle(qtbot, screen)
    assert [screen.model.index(0, c).data() for c in range(4)] == \
        ["张三", "13800138000", "500.00", "25.00"]
    new = screen.new_party()
    new.name.setText("李四")
    assert new.save()
    settle(qtbot, screen)
    type_search(qtbot, screen, "138")
    assert column(screen) == ["张三"]


def test_suppliers_new_and_refused_duplicate(qtbot, stocked):
    _, screen = open_screen(qtbot, stocked, "suppliers")
    editor = screen.new_party()
    editor.name.setText("海天味业")
    assert not editor.save() and "海天味业" in editor.error.text()
    editor.name.setText("农夫山泉")
    editor.phone.setText("0571-1234")
    assert editor.save()
    settle(qtbot, screen)
    assert sorted(column(screen)) == sorted(["农夫山泉", "海天味业"])   # in the list's name order


def test_export_writes_the_list_as_shown(qtbot, stocked, tmp_path):
    from python_calamine import CalamineWorkbook

    _, screen = open_screen(qtbot, stocked, "products")
    type_search(qtbot, screen, "a00")
    path = tmp_path / "products.xlsx"
    screen.export(str(path))
    qtbot.waitUntil(lambda: getattr(screen, "exported", None) == str(path), timeout=10_000)
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    assert rows[0][:2] == ["SKU", "Name"]
    assert [r[0] for r in rows[1:]] == ["A001", "A002"]
    assert rows[1][5] == 12.5 and rows[1][9] == 8.0     # price and cost as numbers
