"""The sales counter, driven by the keyboard alone as a cashier at the till does."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit
from sqlalchemy import select

from db.schema import audit_log, customers, document_lines, document_payments, documents
from desktop.ui.counter import CounterScreen
from desktop.ui.counter_dialogs import AskDialog, AuthoriseDialog, HeldDialog, PickDialog
from desktop.ui.counter_money import PaymentDialog, ReturnDialog, ShiftDialog

pytestmark = pytest.mark.parametrize("backend", ["sqlite", "postgresql"])

SOY = "6901234567892"          # A001 海天金标生抽 12.50
NOODLES = "6920152400012"      # A002 康师傅红烧牛肉面 3.20


@pytest.fixture
def till(stocked):
    """The stocked shop with barcodes on both packaged goods and a cashier and a manager."""
    from db.masters import ProductChanges
    stocked.books.update_product("A002", ProductChanges(barcodes=[NOODLES]))
    stocked.receive("海天味业", ("A002", "50", "2.00"))
    stocked.cashier = stocked.as_user("xiaoli", "cashier", "till-pass-1")
    stocked.manager = stocked.as_user("wang", "manager", "boss-pass-1")
    return stocked


def open_counter(qtbot, shop, books=None) -> CounterScreen:
    books = books or shop.cashier
    screen = CounterScreen(shop.engine, books.actor)
    qtbot.addWidget(screen)
    screen.resize(1366, 768)
    screen.show()
    qtbot.waitExposed(screen)
    screen.refresh()
    qtbot.waitUntil(lambda: screen.scan.hasFocus())
    return screen


def type_line(qtbot, widget, text: str) -> None:
    """Keys as a person (or a barcode scanner) types them, then Enter."""
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def press(qtbot, screen, k) -> None:
    """A function key at the till: once the till's window is active again (as after
    a dialog closes), into the scan line that keeps the focus."""
    qtbot.waitUntil(lambda: screen.isActiveWindow() and screen.scan.hasFocus())
    qtbot.keyClick(screen.scan, k)


def when_modal(kind, act) -> None:
    """Runs act(dialog) once a modal dialog of that kind is up (exec() blocks the test)."""
    def poll():
        w = QApplication.activeModalWidget()
        if isinstance(w, kind) and w.isVisible():
            act(w)
        else:
            QTimer.singleShot(10, poll)
    QTimer.singleShot(0, poll)


def cart(screen) -> list[tuple]:
    return [(l.sku, l.qty, l.price) for l in screen.cart.lines]


def sales(shop) -> list:
    return shop.rows(select(documents.c.number, documents.c.total, documents.c.payment)
                     .where(documents.c.kind == "sale").order_by(documents.c.id))


def payments_of(shop, number: str) -> list[tuple[str, int]]:
    return [tuple(r) for r in shop.rows(
        select(document_payments.c.method, document_payments.c.amount)
        .join(documents, documents.c.id == document_payments.c.document_id)
        .where(documents.c.number == number).order_by(document_payments.c.id))]


def opened(qtbot, screen, name: str, kind, previous=None):
    """The dialog the till opened (a new one, not `previous`), once it is up and active."""
    qtbot.waitUntil(lambda: isinstance(getattr(screen, name, None), kind)
                    and getattr(screen, name) is not previous
                    and getattr(screen, name).isActiveWindow())
    return getattr(screen, name)


def pay_dialog(qtbot, screen) -> PaymentDialog:
    qtbot.waitUntil(lambda: isinstance(getattr(screen, "payment_dialog", None), PaymentDialog)
                    and screen.payment_dialog.isVisible()
                    and screen.payment_dialog.amount.hasFocus())    # ready for the keys
    return screen.payment_dialog


def test_a_whole_sale_by_keyboard_alone(qtbot, till):
    screen = open_counter(qtbot, till)
    before = len(sales(till))
    type_line(qtbot, screen.scan, f"3*{SOY}")           # 3 × 12.50
    type_line(qtbot, screen.scan, NOODLES)               # 1 × 3.20
    type_line(qtbot, screen.scan, NOODLES)               # the same line, now 2
    type_line(qtbot, screen.scan, "b001")                # by SKU, any case: 1 kg × 0.80
    assert cart(screen) == [("A001", 3000, 1250), ("A002", 2000, 320), ("B001", 1000, 80)]
    assert screen.total_label.text() == "44.70"
    assert screen.scan.hasFocus()
    qtbot.keyClick(screen.scan, Qt.Key.Key_Return)       # empty line: pay
    dialog = pay_dialog(qtbot, screen)
    assert dialog.due_label.text() == "Due 44.70"
    with qtbot.waitSignal(screen.posted, timeout=10_000) as got:
        dialog.amount.selectAll()
        type_line(qtbot, dialog.amount, "100")          # cash handed over
    number = got.args[0]
    assert screen.change_label.text() == "Change 55.30"
    assert cart(screen) == [] and screen.total_label.text() == "0.00"
    assert len(sales(till)) == before + 1
    assert payments_of(till, number) == [("cash", 4470)]
    assert till.stock_of("A001")[0] == 10000 - 2000 - 3000
    qtbot.waitUntil(lambda: bool(screen.receipts), timeout=15_000)   # written off the GUI thread
    assert Path(screen.receipts[0]).name.startswith(number) and Path(screen.receipts[0]).stat().st_size
    qtbot.waitUntil(lambda: screen.scan.hasFocus())


def test_an_unknown_code_says_so_and_adds_nothing(qtbot, till):
    screen = open_counter(qtbot, till)
    type_line(qtbot, screen.scan, "6900000000000")
    assert cart(screen) == []
    assert "6900000000000" in screen.message.text() and screen.scan.hasFocus()
    type_line(qtbot, screen.scan, "x*A001")
    assert cart(screen) == [] and "quantity" in screen.message.text().lower()


def test_lines_are_chosen_changed_and_deleted_from_the_scan_line(qtbot, till):
    screen = open_counter(qtbot, till)
    for code in (SOY, NOODLES, "B001"):
        type_line(qtbot, screen.scan, code)
    qtbot.keyClick(screen.scan, Qt.Key.Key_Up)
    assert screen.current_row() == 1
    when_modal(AskDialog, lambda d: (d.field.setText("4"), d._accept()))
    press(qtbot, screen, Qt.Key.Key_F3)
    assert cart(screen)[1] == ("A002", 4000, 320)
    qtbot.keyClick(screen.scan, Qt.Key.Key_Delete)
    assert [c[0] for c in cart(screen)] == ["A001", "B001"]
    press(qtbot, screen, Qt.Key.Key_F10)
    assert cart(screen) == []


def test_split_payment_card_then_cash(qtbot, till):
    screen = open_counter(qtbot, till)
    type_line(qtbot, screen.scan, f"2*{SOY}")            # 25.00
    press(qtbot, screen, Qt.Key.Key_F12)
    dialog = pay_dialog(qtbot, screen)
    qtbot.keyClick(dialog.amount, Qt.Key.Key_F2)           # card
    dialog.amount.selectAll()
    type_line(qtbot, dialog.amount, "20")
    assert dialog.due_label.text() == "Due 5.00"
    qtbot.keyClick(dialog.amount, Qt.Key.Key_F1)           # the rest in cash
    with qtbot.waitSignal(screen.posted, timeout=10_000) as got:
        dialog.amount.selectAll()
        type_line(qtbot, dialog.amount, "10")
    assert payments_of(till, got.args[0]) == [("card", 2000), ("cash", 500)]
    assert screen.change_label.text() == "Change 5.00"


def test_a_double_enter_posts_once(qtbot, till):
    screen = open_counter(qtbot, till)
    type_line(qtbot, screen.scan, SOY)
    qtbot.keyClick(screen.scan, Qt.Key.Key_Return)
    dialog = pay_dialog(qtbot, screen)
    before = len(sales(till))
    with qtbot.waitSignal(screen.posted, timeout=10_000):
        qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)    # exact cash
        qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)    # the second Enter, at once
        dialog.pay()                                        # and a third, straight in
    qtbot.wait(300)
    assert len(sales(till)) == before + 1
    # and a retry of the same payment (an answer lost on the way) finds the first sale
    again = dialog._books.post_sale(dialog._lines, payments=dialog.payments,
                                    client_id=dialog.client_id)
    assert again.replay and len(sales(till)) == before + 1


def test_a_held_sale_is_resumed(qtbot, till):
    screen = open_counter(qtbot, till)
    type_line(qtbot, screen.scan, f"2*{SOY}")
    type_line(qtbot, screen.scan, NOODLES)
    press(qtbot, screen, Qt.Key.Key_F5)                 # hold: the customer went back for milk
    assert cart(screen) == [] and screen.held_label.text() == "Held sales: 1 (F6)"
    type_line(qtbot, screen.scan, "B001")                        # the next customer meanwhile
    qtbot.keyClick(screen.scan, Qt.Key.Key_Return)
    dialog = pay_dialog(qtbot, screen)
    with qtbot.waitSignal(screen.posted, timeout=10_000):
        qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    when_modal(HeldDialog, lambda d: qtbot.keyClick(d.list, Qt.Key.Key_Return))
    press(qtbot, screen, Qt.Key.Key_F6)
    assert cart(screen) == [("A001", 2000, 1250), ("A002", 1000, 320)]
    assert screen.held_label.text() == ""
    qtbot.keyClick(screen.scan, Qt.Key.Key_Return)
    dialog = pay_dialog(qtbot, screen)
    with qtbot.waitSignal(screen.posted, timeout=10_000) as got:
        qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    assert payments_of(till, got.args[0]) == [("cash", 2820)]


def test_a_cashier_is_refused_a_discount_until_a_manager_allows_it(qtbot, till):
    screen = open_counter(qtbot, till)
    type_line(qtbot, screen.scan, f"2*{SOY}")
    seen = []

    def refuse(d: AuthoriseDialog):
        d.user.setText("xiaoli")                      # the cashier herself: not allowed
        d.password.setText("till-pass-1")
        d.try_allow()
        seen.append(d.error.text())
        d.user.setText("wang")
        d.password.setText("wrong")
        d.try_allow()
        seen.append(d.error.text())
        d.reject()
    when_modal(AskDialog, lambda d: (d.field.setText("10%"), d._accept()))
    when_modal_after = lambda: when_modal(AuthoriseDialog, refuse)   # noqa: E731
    QTimer.singleShot(50, when_modal_after)
    press(qtbot, screen, Qt.Key.Key_F4)
    assert seen == ["xiaoli may not allow this.", "Unknown user or wrong password."]
    assert cart(screen) == [("A001", 2000, 1250)]               # unchanged
    assert "no manager" in screen.message.text()

    def allow(d: AuthoriseDialog):
        d.user.setText("wang")
        d.password.setText("boss-pass-1")
        d.try_allow()
    when_modal(AskDialog, lambda d: (d.field.setText("10%"), d._accept()))
    QTimer.singleShot(50, lambda: when_modal(AuthoriseDialog, allow))
    press(qtbot, screen, Qt.Key.Key_F4)
    assert cart(screen) == [("A001", 2000, 1125)]               # 10% off 12.50
    assert screen.total_label.text() == "22.50"
    qtbot.keyClick(screen.scan, Qt.Key.Key_Return)
    dialog = pay_dialog(qtbot, screen)
    with qtbot.waitSignal(screen.posted, timeout=10_000) as got:
        qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    number = got.args[0]
    assert till.scalar(select(document_lines.c.price).join(documents).where(
        documents.c.number == number)) == 1125
    detail = till.scalar(select(audit_log.c.detail).where(
        audit_log.c.entity_id == number, audit_log.c.action == "post"))
    assert "wang" in str(detail)


def test_a_sale_on_account_warns_past_the_credit_limit(qtbot, till):
    till.books.update_customer("张三", credit_limit="30")       # owes 25.00 already
    screen = open_counter(qtbot, till)
    when_modal(PickDialog, lambda d: (d.screen.search.setText("张三"), qtbot.waitUntil(
        lambda: not d.screen.model.loading and d.screen.model.rowCount() == 1),
        d._pick_current()))
    press(qtbot, screen, Qt.Key.Key_F7)
    assert screen.customer == "张三"
    type_line(qtbot, screen.scan, SOY)
    qtbot.keyClick(screen.scan, Qt.Key.Key_Return)
    dialog = pay_dialog(qtbot, screen)
    qtbot.keyClick(dialog.amount, Qt.Key.Key_F5)                # on account
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    assert "past their credit limit" in dialog.error.text() and not dialog.posting
    with qtbot.waitSignal(screen.posted, timeout=10_000) as got:
        qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)         # sell anyway
    assert payments_of(till, got.args[0]) == [("account", 1250)]
    assert till.balance(customers, "张三") == 2500 + 1250


def test_a_return_against_the_receipt(qtbot, till):
    sale = till.cashier.post_sale([till.line("A001", "3"), till.line("A002", "2")],
                                  payments=[("card", 1000), ("cash", 3390)])
    stock_before = till.stock_of("A001")[0]
    screen = open_counter(qtbot, till)
    press(qtbot, screen, Qt.Key.Key_F8)
    dialog = opened(qtbot, screen, "return_dialog", ReturnDialog)
    type_line(qtbot, dialog.number, sale.number.lower())      # a scanner in lower case
    assert dialog.table.rowCount() == 2 and dialog.table.hasFocus()
    dialog.set_return_qty(0, "4")                               # more than sold
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=10_000)
    assert "cannot return 4" in dialog.error.text()
    dialog.set_return_qty(0, "1")
    with qtbot.waitSignal(screen.posted, timeout=10_000) as got:
        qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    ret = got.args[0]
    assert till.stock_of("A001")[0] == stock_before + 1000
    refunds = payments_of(till, ret)
    assert sum(a for _m, a in refunds) == -1250 and {m for m, _a in refunds} == {"card", "cash"}
    # what came back before is shown the next time
    press(qtbot, screen, Qt.Key.Key_F8)
    again = opened(qtbot, screen, "return_dialog", ReturnDialog, dialog)
    type_line(qtbot, again.number, sale.number)
    assert again.table.item(0, 2).text() == "1"
    again.reject()


def test_a_return_without_a_receipt_needs_a_manager(qtbot, till):
    screen = open_counter(qtbot, till)
    stock_before = till.stock_of("A002")[0]
    press(qtbot, screen, Qt.Key.Key_F8)
    dialog = opened(qtbot, screen, "return_dialog", ReturnDialog)

    def allow(d: AuthoriseDialog):
        d.user.setText("wang")
        d.password.setText("boss-pass-1")
        d.try_allow()
    when_modal(AuthoriseDialog, allow)
    qtbot.keyClick(dialog.number, Qt.Key.Key_F4)
    assert dialog.no_receipt and dialog.authorised_by.name == "wang"
    type_line(qtbot, dialog.number, f"2*{NOODLES}")
    with qtbot.waitSignal(screen.posted, timeout=10_000) as got:
        qtbot.keyClick(dialog.number, Qt.Key.Key_Return)
    assert till.stock_of("A002")[0] == stock_before + 2000
    assert payments_of(till, got.args[0]) == [("cash", -640)]


def test_the_shift_opens_and_closes_with_expected_against_counted(qtbot, till):
    screen = open_counter(qtbot, till)
    assert "No shift open" in screen.shift_label.text()
    press(qtbot, screen, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: isinstance(getattr(screen, "shift_dialog", None), ShiftDialog))
    type_line(qtbot, screen.shift_dialog.float_field, "200")
    qtbot.waitUntil(lambda: "Shift open since" in screen.shift_label.text())
    type_line(qtbot, screen.scan, SOY)
    qtbot.keyClick(screen.scan, Qt.Key.Key_Return)
    dialog = pay_dialog(qtbot, screen)
    with qtbot.waitSignal(screen.posted, timeout=10_000):
        qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)      # 12.50 cash
    first = screen.shift_dialog
    press(qtbot, screen, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: screen.shift_dialog is not first)
    closing = screen.shift_dialog
    type_line(qtbot, closing.fields["cash"], "210")             # 2.50 short
    for m in ("card", "wechat", "alipay"):
        qtbot.keyClick(closing.fields[m], Qt.Key.Key_Return)
    rows = {m: (e, c) for m, e, c in closing.report.rows}
    assert rows["cash"] == (21250, 21000)
    assert "-2.50" in closing.result.text()
    qtbot.waitUntil(lambda: closing.slip_path is not None, timeout=15_000)
    assert not closing.action_button.isVisible()             # closed: only "Done" is left
    if shutil.which("pdftotext"):                            # the slip as printed
        slip = subprocess.run(["pdftotext", "-layout", closing.slip_path, "-"],
                              capture_output=True, text=True, check=True).stdout
        assert "212.50" in slip and "210.00" in slip and "-2.50" in slip and "xiaoli" in slip


def test_a_scale_label_sells_its_weight(qtbot, till):
    till.books.set_setting("scale.prefixes", "28")
    # B001 散装白糖 (kg), item code = its SKU's digits? give it a scale item code as a barcode
    from db.masters import ProductChanges
    till.books.update_product("B001", ProductChanges(barcodes=["10001"]))
    from db.codes import gtin_check_digit
    body = "28" + "10001" + "01250"                             # 1.250 kg
    label = body + str(gtin_check_digit(body))
    screen = open_counter(qtbot, till)
    type_line(qtbot, screen.scan, label)
    assert cart(screen) == [("B001", 1250, 80)]
    assert screen.total_label.text() == "1.00"


def test_the_scan_line_takes_the_focus_back(qtbot, till):
    screen = open_counter(qtbot, till)
    type_line(qtbot, screen.scan, SOY)
    qtbot.mouseClick(screen.view.viewport(), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.scan.hasFocus())
    assert isinstance(QApplication.focusWidget(), QLineEdit)


def test_a_database_that_does_not_answer_keeps_the_sale(qtbot, till, monkeypatch):
    from sqlalchemy.exc import OperationalError
    from db import counter as counter_db
    screen = open_counter(qtbot, till)
    type_line(qtbot, screen.scan, SOY)

    def gone(*_a, **_k):
        raise OperationalError("SELECT", {}, Exception("server closed the connection"))
    monkeypatch.setattr(counter_db, "lookup", gone)
    type_line(qtbot, screen.scan, NOODLES)
    assert "did not answer" in screen.message.text() and NOODLES in screen.message.text()
    assert cart(screen) == [("A001", 1000, 1250)] and screen.scan.hasFocus()


MILK = "6901234500011"         # M001 鲜牛奶, kept by batch


def test_a_gs1_barcode_sells_the_batch_it_names(qtbot, till):
    """GS1-128 / DataMatrix on the pack (GTIN + batch): that batch is sold, not the
    one first expiry first out would take; an expired batch is refused at the scan;
    held and resumed, the line keeps its batch."""
    import datetime as dt

    from db import clock
    from db.schema import batches, stock_ledger
    today = clock.today()
    till.product("M001", "6.00", name="鲜牛奶", unit="盒", batch_tracked=True, barcodes=[MILK])
    till.receive("光明", ("M001", "5", "3.00", "OLD", today - dt.timedelta(days=1)),
                 ("M001", "5", "3.00", "SOON", today + dt.timedelta(days=5)),
                 ("M001", "5", "3.00", "LATER", today + dt.timedelta(days=30)))
    screen = open_counter(qtbot, till)
    type_line(qtbot, screen.scan, f"2*(01)0{MILK}(10)LATER")
    assert cart(screen) == [("M001", 2000, 600)] and screen.cart.lines[0].batch == "LATER"
    assert "LATER" in screen.cart.index(0, 1).data()
    type_line(qtbot, screen.scan, f"(01)0{MILK}(10)OLD")                 # expired yesterday
    assert "batch OLD expired" in screen.message.text()
    assert len(screen.cart.lines) == 1
    type_line(qtbot, screen.scan, MILK)                                 # plain: first expiry
    press(qtbot, screen, Qt.Key.Key_F5)                                 # held ...
    when_modal(HeldDialog, lambda d: qtbot.keyClick(d.list, Qt.Key.Key_Return))
    press(qtbot, screen, Qt.Key.Key_F6)                                 # ... and resumed
    assert [(l.sku, l.qty, l.batch) for l in screen.cart.lines] == [
        ("M001", 2000, "LATER"), ("M001", 1000, None)]
    qtbot.keyClick(screen.scan, Qt.Key.Key_Return)
    dialog = pay_dialog(qtbot, screen)
    with qtbot.waitSignal(screen.posted, timeout=10_000):
        qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    left = dict(till.rows(select(batches.c.batch_no, batches.c.qty)))
    assert (left["OLD"], left["SOON"], left["LATER"]) == (5000, 4000, 3000)
    assert till.count(stock_ledger, stock_ledger.c.qty < 0) >= 2
