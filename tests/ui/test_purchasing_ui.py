"""Purchasing in the app, as the clerk and the approver do it: an order over the
threshold, the approver's inbox after signing in, approve, receive part, the payable."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from db.schema import documents, suppliers
from desktop.ui.counter_dialogs import AuthoriseDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.sign_in import SignInDialog

pytestmark = pytest.mark.parametrize("backend", ["sqlite", "postgresql"])


@pytest.fixture
def buying(stocked):
    stocked.books.add_supplier("康师傅")
    stocked.clerk = stocked.as_user("li", "clerk", "clerk-pass-1")
    stocked.wang = stocked.as_user("wang", "manager", "boss-pass-1")
    return stocked


def window_for(qtbot, shop, actor) -> MainWindow:
    window = MainWindow(shop.engine, actor, "老王杂货店", "shop.db", screen="purchasing")
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def sign_in(qtbot, shop, name: str, password: str):
    """The sign-in dialog, filled in and accepted as a person does."""
    dialog = SignInDialog(shop.engine, "老王杂货店")
    qtbot.addWidget(dialog)
    dialog.user.setText(name)
    dialog.password.setText(password)
    dialog.try_sign_in()
    assert dialog.actor is not None, dialog.error.text()
    return dialog.actor


def settle(qtbot, screen) -> None:
    qtbot.waitUntil(lambda: not screen.model.loading and screen.model.total >= 0, timeout=10_000)


def rows(screen) -> list[tuple]:
    m = screen.model
    return [tuple(m.index(r, c).data() for c in range(m.columnCount())) for r in range(m.rowCount())]


def type_code(qtbot, editor, text: str) -> None:
    qtbot.keyClicks(editor.code, text)
    qtbot.keyClick(editor.code, Qt.Key.Key_Return)


def test_an_order_over_the_threshold_goes_to_the_approver_then_in_then_to_the_payable(qtbot, buying):
    # the clerk writes the order: 700 × A001 at 8.00 = 5,600.00, above 5,000.00
    clerk_window = window_for(qtbot, buying, sign_in(qtbot, buying, "li", "clerk-pass-1"))
    purchasing = clerk_window.current_screen()
    dialog = purchasing.new_order()
    dialog.supplier.setCurrentText("海天味业")
    type_code(qtbot, dialog.lines, "700*6901234567892")
    assert dialog.lines.table.item(0, 4).text() == "8.00"          # its last cost
    assert dialog.lines.total_label.text() == "Total 5,600.00"     # grouped as the locale does
    assert dialog.isVisible() and dialog.posted is None      # Enter added a line, nothing more
    qtbot.keyClick(dialog.lines.table, Qt.Key.Key_Return)    # nor does Enter in the table
    assert dialog.isVisible() and dialog.posted is None
    dialog.urgent.setChecked(True)
    assert dialog.save(submit=True), dialog.error.text()
    number = dialog.posted.number
    assert dialog.posted.status == "awaiting-approval"
    settle(qtbot, purchasing)
    assert (number, "Purchase order", "海天味业", "5,600.00", "awaiting approval") in [
        (r[0], r[2], r[3], r[4], r[5]) for r in rows(purchasing)]

    # the manager signs in: the order is in the inbox, its count in the navigation
    manager = sign_in(qtbot, buying, "wang", "boss-pass-1")
    window = window_for(qtbot, buying, manager)
    assert window.approvals_waiting == 1
    nav = [window.navigation.item(r).text() for r in range(window.navigation.count())]
    assert "Approvals (1)" in nav
    inbox = window.open_screen("approvals")
    assert [w.number for w in inbox.waiting] == [number]
    assert inbox.table.item(0, 0).text() == number
    assert inbox.table.item(0, 0).foreground().color().name() == "#b00020"    # urgent: red
    assert inbox.lines.item(0, 1).text() == "海天金标生抽" and inbox.lines.item(0, 2).text() == "700"
    qtbot.mouseClick(inbox.approve_button, Qt.MouseButton.LeftButton)
    assert inbox.message.text() == f"{number}: approved." and inbox.waiting == []
    assert "Approvals" in [window.navigation.item(r).text() for r in range(window.navigation.count())]

    # the clerk receives 300 of the 700
    order_view = purchasing.open_order(number)
    assert order_view.actions["receive"].isVisible() and not order_view.actions["approve"].isVisible()
    receive = order_view.receive()
    receive.set_qty(0, "300")
    assert receive.post(), receive.error.text()
    assert order_view.table.item(0, 3).text() == "300" and order_view.table.item(0, 4).text() == "400"
    assert buying.scalar(select(documents.c.status).where(documents.c.number == number)) == \
        "partly-received"

    # the payable: 81.25 owed before, and 300 × 8.00 now
    suppliers_screen = window.open_screen("suppliers")
    suppliers_screen.refresh()
    settle(qtbot, suppliers_screen)
    assert ("海天味业", "", "2,481.25") in rows(suppliers_screen)
    assert buying.balance(suppliers, "海天味业") == 248125


def test_a_rejection_comes_back_to_the_creator_with_its_reason(qtbot, buying):
    from db.documents import LineIn
    o = buying.clerk.post_purchase_order("海天味业", [LineIn("A001", 700_000, 800)])
    window = window_for(qtbot, buying, buying.wang.actor)
    inbox = window.open_screen("approvals")
    assert inbox.reject(o.number, "  ") is False and "reason" in inbox.error.text()
    assert inbox.reject(o.number, "上个月的还没卖完")
    clerk = window_for(qtbot, buying, buying.clerk.actor)
    back = clerk.open_screen("approvals")
    assert back.back.isVisibleTo(back) and back.back.item(0, 0).text() == o.number
    assert back.back.item(0, 5).text() == "上个月的还没卖完" and back.back.item(0, 4).text() == "wang"


def test_more_than_ordered_asks_a_manager_on_the_spot(qtbot, buying):
    from db.documents import LineIn
    o = buying.clerk.post_purchase_order("海天味业", [LineIn("A001", 10_000, 800)])
    window = window_for(qtbot, buying, buying.clerk.actor)
    view = window.current_screen().open_order(o.number)
    receive = view.receive()
    receive.set_qty(0, "12")

    def allow(d: AuthoriseDialog):
        d.user.setText("wang")
        d.password.setText("boss-pass-1")
        d.try_allow()

    def poll():
        w = QApplication.activeModalWidget()
        if isinstance(w, AuthoriseDialog) and w.isVisible():
            allow(w)
        else:
            QTimer.singleShot(10, poll)
    QTimer.singleShot(0, poll)
    assert receive.post(), receive.error.text()
    assert receive.confirmed_by.name == "wang" and buying.stock_of("A001")[0] == 8000 + 12_000


def test_reorder_suggestions_make_draft_orders_that_are_submitted(qtbot, buying):
    from db.masters import ProductChanges
    buying.books.update_product("A001", ProductChanges(min_qty="10", max_qty="50"))   # 8 on hand
    window = window_for(qtbot, buying, buying.clerk.actor)
    purchasing = window.current_screen()
    dialog = purchasing.reorder()
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 5).text() == "42"
    dialog.make()
    (draft,) = dialog.made
    assert draft.number in dialog.result.text()
    view = purchasing.open_order(draft.number)
    assert view.actions["submit"].isVisible()
    assert view.submit() and view.order.status == "approved"        # 42 × 8.00: no approval


def test_paying_a_supplier_and_the_approval_rules(qtbot, buying):
    window = window_for(qtbot, buying, buying.owner)
    purchasing = window.current_screen()
    pay = purchasing.pay_supplier()
    pay.supplier.setCurrentText("海天味业")
    assert pay.owed.text() == "81.25" and pay.amount.text() == "81.25"
    pay.amount.setText("50")
    assert pay.post(), pay.error.text()
    assert buying.balance(suppliers, "海天味业") == 3125
    rules = purchasing.edit_rules()
    assert rules.table.rowCount() == 2 and rules.hours.value() == 48
    rules.table.item(0, 0).setText("1000.00")
    rules.table.item(0, 2).setCheckState(Qt.CheckState.Checked)
    rules.hours.setValue(24)
    assert rules.save(), rules.error.text()
    saved = buying.books.approval_rules()
    assert (saved.hours, saved.steps[0].above, saved.steps[0].skippable) == (24, 100000, True)


def test_goods_without_an_order_with_a_batch_and_a_return_to_the_supplier(qtbot, buying):
    buying.product("M1", "30.00", name="蒙牛纯牛奶整箱", unit="箱", batch_tracked=True)
    window = window_for(qtbot, buying, buying.clerk.actor)
    purchasing = window.current_screen()
    dialog = purchasing.direct_receipt()
    dialog.supplier.setCurrentText("康师傅")
    type_code(qtbot, dialog.lines, "5*M1")
    dialog.lines.table.item(0, 4).setText("24.00")
    assert not dialog.post() and "batch" in dialog.error.text()          # tracked by batch
    dialog.lines.table.item(0, 6).setText("L2612")
    dialog.lines.table.item(0, 7).setText("2027-1-5")
    assert not dialog.post() and "2027-1-5" in dialog.error.text()
    dialog.lines.table.item(0, 7).setText("2027-01-05")
    assert dialog.post(), dialog.error.text()
    assert buying.stock_of("M1") == (5000, 12000) and buying.balance(suppliers, "康师傅") == 12000

    back = purchasing.supplier_return()
    back.supplier.setCurrentText("康师傅")
    type_code(qtbot, back.lines, "M1")
    assert back.post(), back.error.text()
    assert buying.stock_of("M1")[0] == 4000 and buying.balance(suppliers, "康师傅") == 12000 - 2400


def test_the_process_report_in_reports(qtbot, buying):
    from db.documents import LineIn
    o = buying.clerk.post_purchase_order("海天味业", [LineIn("A001", 700_000, 800)])
    buying.wang.reject(o.number, "no")
    buying.clerk.post_purchase_order("海天味业", [LineIn("A001", 10_000, 800)])
    window = window_for(qtbot, buying, buying.owner)
    reports = window.open_screen("reports")
    titles = [reports.picker.itemText(i) for i in range(reports.picker.count())]
    reports.picker.setCurrentIndex(titles.index("Purchasing: approvals by month"))
    view = reports.stack.currentWidget()
    assert view.objectName() == "processReport"
    row = [view.table.item(0, c).text() for c in range(view.table.columnCount())]
    assert row[1:5] == ["2", "1", "1", "50.0%"]
