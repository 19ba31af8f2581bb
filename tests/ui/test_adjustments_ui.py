"""Issue 9: a stock adjustment with a reason from the Stock screen, and the
adjustments by reason on the Reports screen."""
from __future__ import annotations

from PySide6.QtWidgets import QPushButton

from desktop.ui.adjustments_ui import AdjustDialog
from desktop.ui.screens import ReportsScreen, stock_screen


def test_adjust_with_a_reason_then_see_it_by_reason(qtbot, stocked):
    screen = stock_screen(stocked.engine, stocked.owner)
    qtbot.addWidget(screen)
    assert screen.findChild(QPushButton, "adjustStock") is not None
    clerk = stocked.as_user("xiaozhang", "clerk")
    assert stock_screen(stocked.engine, clerk.actor).findChild(QPushButton, "adjustStock") is None
    dialog = AdjustDialog(stocked.engine, stocked.owner, screen, "A001")
    qtbot.addWidget(dialog)
    dialog.qty.setText("-2")
    dialog.reason.setCurrentIndex(dialog.reason.findData("damage"))
    dialog.note.setText("two bottles  broken")
    assert dialog.post() and dialog.posted.kind == "adjustment"
    again = AdjustDialog(stocked.engine, stocked.owner, screen, "A001")
    qtbot.addWidget(again)
    again.qty.setText("0")
    assert not again.post() and "zero" in again.error.text()
    assert stocked.stock_of("A001")[0] == 6000                     # 10 in, 2 sold, 2 broken

    reports = ReportsScreen(stocked.engine, stocked.owner)
    qtbot.addWidget(reports)
    reports.show()
    titles = [reports.picker.itemText(i) for i in range(reports.picker.count())]
    reports.picker.setCurrentIndex(titles.index("Adjustments by reason"))
    view = reports.stack.currentWidget()
    qtbot.waitUntil(lambda: not view.running and view.model.rowCount() > 0, timeout=10_000)
    m = view.model
    assert [m.text(0, c) for c in range(m.columnCount())] == ["Damage", "1", "0", "2", "-16.00"]
