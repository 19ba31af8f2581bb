"""Issue 10, no SQL from input, through the screens: every search box of every
screen the owner sees, in the Chinese window, typed into with quotes, %, _,
backslashes and statement fragments. Each list answers (no error, no
traceback), a wildcard finds only the row holding it, and the books are whole
afterwards."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QLineEdit
from sqlalchemy import inspect

from db.check import check_books
from desktop.ui import i18n
from desktop.ui.main_window import MainWindow

pytestmark = pytest.mark.parametrize("backend", ["sqlite", "postgresql"])

TYPED = ["'", "%", "_", "\\", "' OR '1'='1", "\" OR 1=1 --", "'; DROP TABLE products; --",
         "生抽%", "[a-z]", "100%纯", "a_b"]


@pytest.fixture
def odd(shop):
    shop.product("P1", "1.00", name="100%纯牛奶")
    shop.product("P2", "2.00", name="a_b 特价")
    shop.product("P3", "3.00", name="O'Brien 咖啡")
    shop.receive("Acme", ("P1", 5, "0.50"), ("P2", 5, "1.00"))
    shop.books.add_customer("O'Brien")
    shop.sell(("P1", 1), customer="O'Brien", payment="account")
    return shop


def _settle(qtbot, model) -> None:
    """The first page read (the count, put off while someone types, is not awaited)."""
    qtbot.waitUntil(lambda: not model.loading, timeout=10_000)


def _type(qtbot, box: QLineEdit, text: str) -> None:
    """Keys for what a keyboard types; the rest as an input method commits it."""
    box.clear()
    for part in text:
        if part.isascii():
            qtbot.keyClicks(box, part)
        else:
            box.insert(part)


def _names(model) -> set[str]:
    return {str(model.index(r, 1).data()) for r in range(model.rowCount())}


def test_every_search_box_takes_any_text_as_text(qtbot, qapp, odd):
    i18n.install(qapp, QLocale("zh_CN"))
    window = MainWindow(odd.engine, odd.owner, "老王杂货店", "shop.db")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    tables = set(inspect(odd.engine).get_table_names())
    searched = []
    for key in window.visible:
        screen = window.open_screen(key)
        for box in screen.findChildren(QLineEdit, "search"):
            model = getattr(box.parentWidget(), "model", None) or getattr(screen, "model", None)
            if model is None or not hasattr(model, "loading"):
                continue
            _settle(qtbot, model)
            for text in TYPED:
                _type(qtbot, box, text)
                assert box.text() == text
                _settle(qtbot, model)
            searched.append(key)
            if key == "products":              # a wildcard is a character, not "anything"
                _type(qtbot, box, "%")
                _settle(qtbot, model)
                assert _names(model) == {"100%纯牛奶"}
                _type(qtbot, box, "_")
                _settle(qtbot, model)
                assert _names(model) == {"a_b 特价"}
                _type(qtbot, box, "O'Brien")
                _settle(qtbot, model)
                assert _names(model) == {"O'Brien 咖啡"}
            box.clear()
            qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert {"stock", "products", "customers", "suppliers"} <= set(searched)
    assert set(inspect(odd.engine).get_table_names()) == tables
    assert check_books(odd.engine) == []
