"""The audit log screen (desktop.ui.audit_screen): a document's number shows its
rows, a row's detail reads in words, Verify walks the chain off the GUI thread."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt

from db import clock
from desktop.ui.audit_screen import audit_screen


def open_screen(qtbot, shop, actor=None):
    screen = audit_screen(shop.engine, actor or shop.owner)
    qtbot.addWidget(screen)
    screen.resize(1200, 700)
    screen.show()
    with qtbot.waitSignal(screen.model.loaded, timeout=10_000):
        screen.refresh()
    return screen


def shown(screen) -> list[tuple]:
    m = screen.model
    return [tuple(m.data(m.index(r, c)) for c in range(m.columnCount()))
            for r in range(m.rowCount())]


def apply(qtbot, screen, how=None) -> None:
    with qtbot.waitSignal(screen.model.loaded, timeout=10_000):
        (how or screen.apply)()
    qtbot.waitUntil(lambda: screen.model.total >= 0, timeout=10_000)


def test_a_document_number_shows_its_rows(qtbot, qtmodeltester, stocked):
    s1 = stocked.sell(("A001", "1")).number
    stocked.books.cancel(s1)
    screen = open_screen(qtbot, stocked)
    qtmodeltester.check(screen.model, force_py=True)   # asserts on every signal from here on
    assert screen.model.rowCount() > 3
    assert [screen.model.headerData(c, Qt.Orientation.Horizontal)
            for c in range(screen.model.columnCount())] == \
        ["No.", "Time", "User", "Action", "About", "Number or id", "Detail"]

    screen.document.setText(s1.lower())
    apply(qtbot, screen, screen.document.returnPressed.emit)
    rows = shown(screen)
    assert [(r[2], r[3], r[4], r[5]) for r in rows] == [("boss", "Cancelled", "Sale", s1),
                                                        ("boss", "Posted", "Sale", s1)]
    assert rows[0][6] == f"reversal: {s1}-C" and "total: 12.50" in rows[1][6]
    assert screen.status.text() == "Rows: 2"

    screen.view.setCurrentIndex(screen.model.index(0, 0))
    text = screen.detail.toPlainText()
    assert f"Cancelled: Sale {s1}" in text and f"reversal: {s1}-C" in text and "boss" in text
    screen.view.returnPressed.emit(1)               # Enter, as a double-click: the row read
    assert screen.view.currentIndex().row() == 1
    assert f"Posted: Sale {s1}" in screen.detail.toPlainText()
    assert "total: 12.50" in screen.detail.toPlainText()

    screen.document.setText(f"{s1}-C")             # the reversal: the cancel names it
    apply(qtbot, screen)
    assert [r[3] for r in shown(screen)] == ["Cancelled"]
    screen.document.setText("XS19990101-0001")
    apply(qtbot, screen)
    assert screen.model.rowCount() == 0 and screen.status.text() == "Rows: 0"


def test_user_action_and_days(qtbot, stocked):
    amy = stocked.as_user("amy", "cashier")
    try:
        clock.shift(dt.timedelta(days=1))
        sale = amy.post_sale([stocked.line("A001", 1)]).number
    finally:
        clock.reset()
    screen = open_screen(qtbot, stocked)
    qtbot.waitUntil(lambda: screen.user.findText("amy") >= 0, timeout=10_000)   # names arrive
    screen.user.setCurrentIndex(screen.user.findText("amy"))
    apply(qtbot, screen, lambda: screen.user.activated.emit(screen.user.currentIndex()))
    assert [(r[2], r[3], r[5]) for r in shown(screen)] == [("amy", "Posted", sale)]

    screen.user.setEditText("")
    screen.action.setCurrentIndex(screen.action.findData("user.add"))
    apply(qtbot, screen)
    assert [(r[3], r[6]) for r in shown(screen)][0] == ("User added", "name: amy · role: cashier")

    screen.action.setCurrentIndex(0)
    tomorrow = clock.today() + dt.timedelta(days=1)
    screen.date_from.setDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
    apply(qtbot, screen, lambda: screen.use_from.setChecked(True))
    assert [r[5] for r in shown(screen)] == [sale]
    today = clock.today()
    screen.date_to.setDate(QDate(today.year, today.month, today.day))
    screen.use_to.setChecked(True)                  # to before from: refused, said so
    assert screen.status.text() == "The first day comes after the last."


def test_verify_shows_ok(qtbot, stocked):
    screen = open_screen(qtbot, stocked)
    with qtbot.waitSignal(screen.verified, timeout=30_000) as ok:
        screen.verify_button.click()
        assert not screen.verify_button.isEnabled()
    assert ok.args == [True]
    assert screen.chain.text().startswith("The chain holds: all ")
    assert screen.verify_button.isEnabled()


def test_verify_shows_a_broken_chain(qtbot, stocked):
    stocked.execute("UPDATE audit_log SET detail = :d WHERE seq = 2", d="{}")
    screen = open_screen(qtbot, stocked)
    with qtbot.waitSignal(screen.verified, timeout=30_000) as ok:
        screen.verify()
    assert ok.args == [False]
    assert "The chain is broken" in screen.chain.text() and "row 2" in screen.chain.text()
