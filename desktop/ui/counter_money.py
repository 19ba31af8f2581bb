"""The counter's money dialogs: taking the payment (one method or split, cash with
change), goods coming back (against the receipt, or without one with a
manager's leave) and the cashier's shift (open with a float, close with a
blind count). Posting runs off the GUI thread under a client id made when the
dialog opens, so a second Enter posts nothing twice."""

from __future__ import annotations

import html
import uuid
from typing import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)
from sqlalchemy import Engine

from db import counter as counter_db
from db.audit import Actor
from db.books import Books
from db.documents import LineIn
from db.engine import read_connection
from db.errors import BooksError
from db.money import line_amount, money_str
from db.permissions import may
from db.schema import PAYMENT_METHODS
from desktop.ui import style
from desktop.ui.counter_dialogs import AuthoriseDialog
from desktop.ui.formats import (date_text, datetime_text, money_text, parse_money_text,
                                parse_qty_text, qty_text)
from desktop.ui.refusals import refusal_text, show_refusal
from desktop.ui.screens import payment_text
from desktop.ui.widgets import enlarge, error_label
from desktop.ui.workers import run_in_background

translate = QCoreApplication.translate
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


# ---------------------------------------------------------------- payment


class PaymentDialog(QDialog):
    """Takes the payment: one method or several (split), cash with change.

    Keys: F1 cash, F2 card, F3 WeChat Pay, F4 Alipay, F5 on account; type the
    amount (for cash: what the customer hands over) and Enter. Each Enter pays
    part or all of what is left; when nothing is left the sale is posted, off
    the GUI thread, under the client id made when the dialog opened.
    """

    posted = Signal(object)  # db.posting.Posted

    KEYS = {"cash": "F1", "card": "F2", "wechat": "F3", "alipay": "F4", "account": "F5"}

    def __init__(
        self,
        books: Books,
        cart: list[LineIn],
        total: int,
        *,
        customer: str | None,
        credit: tuple[int, int | None] | None,
        authorised_by: Actor | None,
        parent=None,
    ):
        super().__init__(parent)
        self.setWindowTitle(translate("Counter", "Payment"))
        self.setMinimumWidth(520)
        self._books, self._lines, self._total = books, cart, total
        self._customer, self._credit, self._authorised_by = customer, credit, authorised_by
        self.client_id = uuid.uuid4().hex
        self.payments: list[tuple[str, int]] = []
        self.tendered: int | None = None
        self.change = 0
        self.posting = False
        self.result_posted = None
        self._warned_credit = False
        self.method = "cash"

        self.due_label = QLabel(self)
        self.due_label.setObjectName("due")
        enlarge(self.due_label, 2.6)
        self.method_label = QLabel(self)
        self.method_label.setObjectName("method")
        enlarge(self.method_label, 1.4)
        self.amount = QLineEdit(self)
        self.amount.setObjectName("amount")
        enlarge(self.amount, 2.0)
        self.amount.setAlignment(_RIGHT)
        self.paid_label = QLabel(self)
        self.paid_label.setObjectName("paid")
        self.error = error_label(self)
        keys = QLabel(
            "   ".join(f"{k} {payment_text(m)}" for m, k in self.KEYS.items())
            + "   "
            + translate("Counter", "Enter: pay   Esc: back to the sale"),
            self,
        )
        keys.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.due_label)
        layout.addWidget(self.method_label)
        layout.addWidget(self.amount)
        layout.addWidget(self.paid_label)
        layout.addWidget(self.error)
        layout.addWidget(keys)
        for method, key in self.KEYS.items():
            QShortcut(QKeySequence(key), self, activated=lambda m=method: self.choose(m))
        self.amount.returnPressed.connect(self.pay)
        self.choose("cash")

    @property
    def remaining(self) -> int:
        return self._total - sum(a for _, a in self.payments)

    def choose(self, method: str) -> None:
        if self.posting:
            return
        self.method = method
        self._warned_credit = False
        self.error.hide()
        self.method_label.setText(
            translate("Counter", "Paying by {method}").format(method=payment_text(method))
            if method != "cash"
            else translate("Counter", "Cash handed over")
        )
        self.amount.setText(money_str(self.remaining))
        self.amount.selectAll()
        self.amount.setFocus()
        self._show()

    def _show(self) -> None:
        self.due_label.setText(
            translate("Counter", "Due {amount}").format(amount=money_text(self.remaining))
        )
        self.paid_label.setText(
            "   ".join(f"{payment_text(m)} {money_text(a)}" for m, a in self.payments)
        )

    def _fail(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self.amount.selectAll()

    def pay(self) -> None:
        """Enter: pays what the amount box says by the chosen method."""
        if self.posting:
            return  # a second Enter while posting: nothing
        if self.remaining <= 0:
            return self._post()
        try:
            amount = parse_money_text(self.amount.text() or "0", translate("Counter", "amount"))
        except BooksError as exc:
            return self._fail(refusal_text(exc.message))
        if amount <= 0:
            return self._fail(translate("Counter", "Type an amount above zero."))
        method = self.method
        if method == "cash":
            if amount > self.remaining:  # handed over more: the rest is change
                self.tendered = amount
                self.change = amount - self.remaining
                amount = self.remaining
            else:
                self.tendered = None
        elif amount > self.remaining:
            return self._fail(
                translate("Counter", "Only {due} is due: {method} cannot take more.").format(
                    due=money_text(self.remaining), method=payment_text(method)
                )
            )
        if method == "account":
            if not self._customer:
                return self._fail(
                    translate("Counter", "A sale on account needs a customer: Esc, then F7.")
                )
            balance, limit = self._credit or (0, None)
            if limit is not None and balance + amount > limit and not self._warned_credit:
                self._warned_credit = True
                return self._fail(
                    translate(
                        "Counter",
                        "{customer} would owe {owed}, past their credit limit of "
                        "{limit}. Enter again to sell on account anyway.",
                    ).format(
                        customer=self._customer,
                        owed=money_text(balance + amount),
                        limit=money_text(limit),
                    )
                )
        for i, (m, a) in enumerate(self.payments):
            if m == method:
                self.payments[i] = (m, a + amount)
                break
        else:
            self.payments.append((method, amount))
        self.error.hide()
        if self.remaining > 0:
            self.choose(self.method if self.method != "cash" else "card")
            return
        self._post()

    def _post(self) -> None:
        self.posting = True
        self._show()
        self.method_label.setText(translate("Counter", "Posting…"))
        self.amount.setEnabled(False)
        books, lines, customer = self._books, self._lines, self._customer
        payments, client_id, authorised_by = (
            list(self.payments),
            self.client_id,
            self._authorised_by,
        )

        def work(_report):
            # one method pays the whole total: say so, and PostgreSQL's fast path takes it
            one = {"payment": payments[0][0]} if len(payments) == 1 else {"payments": payments}
            return books.post_sale(lines, customer=customer, client_id=client_id,
                                   authorised_by=authorised_by, **one)

        self.task = run_in_background(work, self._done, self._failed)

    def _done(self, posted) -> None:
        self.result_posted = posted
        self.posted.emit(posted)
        self.accept()

    def _failed(self, message: str) -> None:
        self.posting = False
        self.payments = []
        self.tendered, self.change = None, 0
        self.amount.setEnabled(True)
        self.choose("cash")
        self._fail(message)


# ---------------------------------------------------------------- returns


class ReturnDialog(QDialog):
    """Goods brought back. Scan the receipt's barcode (or type the sale's number)
    and Enter; type how many of each line come back (arrows move between lines)
    and Enter posts; the money goes back the way it was paid. F4: a return
    without a receipt (a manager's action): scan what comes back instead."""

    posted = Signal(object)

    def __init__(self, books: Books, engine: Engine, layout_of: Callable, parent=None):
        super().__init__(parent)
        self.setWindowTitle(translate("Counter", "Return (F8)"))
        self.resize(760, 480)
        self._books, self._engine, self._layout_of = books, engine, layout_of
        self.sale = None
        self.no_receipt = False
        self.authorised_by: Actor | None = None
        self.client_id = uuid.uuid4().hex
        self.posting = False
        self.found: list = []  # no receipt: [(Found, qty)]

        self.number = QLineEdit(self)
        self.number.setObjectName("saleNumber")
        self.number.setPlaceholderText(
            translate("Counter", "Scan the receipt or type the sale's number")
        )
        enlarge(self.number, 1.3, bold=False)
        self.info = QLabel(self)
        self.info.setWordWrap(True)
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("returnLines")
        self.table.setHorizontalHeaderLabels(
            [
                translate("Counter", "Name"),
                translate("Counter", "Sold"),
                translate("Counter", "Returned before"),
                translate("Counter", "Price"),
                translate("Counter", "Return now"),
            ]
        )
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.refund = QLabel(self)
        self.refund.setObjectName("refund")
        enlarge(self.refund, 1.6)
        self.error = error_label(self)
        keys = QLabel(
            translate(
                "Counter",
                "Enter: find the sale, then post the return   F4: without a receipt   Esc: close",
            ),
            self,
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.number)
        layout.addWidget(self.info)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.refund)
        layout.addWidget(self.error)
        layout.addWidget(keys)
        self.number.returnPressed.connect(self._enter_in_number)
        self.table.itemChanged.connect(lambda _item: self._show_refund())
        QShortcut(QKeySequence("F4"), self, activated=self.without_receipt)
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.post)
        self.number.setFocus()

    def keyPressEvent(self, event):
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.table.hasFocus():
            self.post()
            return
        super().keyPressEvent(event)

    def _fail(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _enter_in_number(self) -> None:
        text = self.number.text().strip()
        if self.no_receipt:
            if text:
                return self._scan_unreceipted(text)
            return self.post()
        if self.sale is not None and (not text or text.upper() == self.sale.number.upper()):
            return self.post()
        self.find(text)

    def find(self, number: str) -> None:
        self.error.hide()
        try:
            with read_connection(self._engine) as conn:
                sale = counter_db.returnable(conn, number)
        except BooksError as exc:
            return self._fail(refusal_text(exc.message))
        self.sale = sale
        who = f" · {sale.customer}" if sale.customer else ""
        self.info.setText(
            translate("Counter", "Sale {number} of {date}{who}; paid {paid}").format(
                number=sale.number,
                date=date_text(sale.doc_date),
                who=who,
                paid=", ".join(f"{payment_text(m)} {money_text(a)}" for m, a in sale.payments),
            )
        )
        self.table.blockSignals(True)
        self.table.setRowCount(len(sale.lines))
        for r, line in enumerate(sale.lines):
            for c, text in enumerate(
                (line.name, qty_text(line.qty), qty_text(line.returned), money_text(line.price),
                 "0")
            ):
                item = QTableWidgetItem(text)
                if c != 4:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                if c:
                    item.setTextAlignment(_RIGHT)
                self.table.setItem(r, c, item)
        self.table.blockSignals(False)
        if sale.lines:
            self.table.setCurrentCell(0, 4)
            self.table.setFocus()
        self._show_refund()

    def set_return_qty(self, row: int, qty: str) -> None:
        self.table.item(row, 4).setText(qty)

    def _quantities(self) -> list[tuple[str, int]]:
        out = []
        for r, line in enumerate(self.sale.lines):
            text = (self.table.item(r, 4).text() or "0").strip()
            qty = parse_qty_text(
                text, translate("Counter", "quantity to return of {name}").format(name=line.name)
            )
            if qty:
                out.append((line.sku, qty, line))
        return out

    def _show_refund(self) -> None:
        try:
            if self.no_receipt:
                amount = sum(line_amount(f.price, q) for f, q in self.found)
            elif self.sale is not None:
                amount = sum(line_amount(line.price, qty) for _sku, qty, line in self._quantities())
            else:
                amount = 0
        except BooksError:
            return
        self.refund.setText(
            translate("Counter", "Refund about {amount}").format(amount=money_text(amount))
        )

    # -- without a receipt
    def without_receipt(self) -> None:
        books = self._books
        if not may(books.actor, "return-without-receipt") and self.authorised_by is None:
            dialog = AuthoriseDialog(
                self._engine,
                "return-without-receipt",
                translate("Counter", "A return without a receipt needs a manager."),
                self,
            )
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            self.authorised_by = dialog.actor
        self.no_receipt = True
        self.sale = None
        self.found = []
        self.info.setText(
            translate(
                "Counter",
                "Without a receipt: scan each item that comes back; "
                "Enter on an empty line posts. Refund in cash.",
            )
        )
        self.table.setRowCount(0)
        self.number.clear()
        self.number.setPlaceholderText(
            translate("Counter", "Scan an item ({n}* for several)").format(n=3)
        )
        self.number.setFocus()
        self._show_refund()

    def _scan_unreceipted(self, text: str) -> None:
        self.error.hide()
        try:
            qty, code = counter_db.parse_scan(text)
            with read_connection(self._engine) as conn:
                found = counter_db.lookup(conn, code, self._layout_of(conn))
        except BooksError as exc:
            return self._fail(refusal_text(exc.message))
        if found is None:
            return self._fail(
                translate("Counter", "No product has the code {code}.").format(code=code)
            )
        qty = qty or found.qty or 1000
        self.found.append((found, qty))
        r = self.table.rowCount()
        self.table.setRowCount(r + 1)
        for c, t in enumerate((found.name, "", "", money_text(found.price), qty_text(qty))):
            self.table.setItem(r, c, QTableWidgetItem(t))
        self.number.clear()
        self._show_refund()

    # -- posting
    def post(self) -> None:
        if self.posting:
            return
        self.error.hide()
        books, client_id, authorised_by = self._books, self.client_id, self.authorised_by
        if self.no_receipt:
            if not self.found:
                return self._fail(translate("Counter", "Scan what comes back first."))
            lines = [LineIn(f.sku, q) for f, q in self.found]

            def work(_report):
                return books.post_return_without_receipt(
                    lines, refund="cash", client_id=client_id, authorised_by=authorised_by
                )
        else:
            if self.sale is None:
                return self._fail(translate("Counter", "Find the sale first."))
            try:
                chosen = self._quantities()
            except BooksError as exc:
                return self._fail(refusal_text(exc.message))
            if not chosen:
                return self._fail(translate("Counter", "Type how many of a line come back."))
            lines = [LineIn(sku, qty) for sku, qty, _line in chosen]
            number = self.sale.number

            def work(_report):
                return books.post_return(number, lines, client_id=client_id)

        self.posting = True
        self.task = run_in_background(work, self._done, self._failed)

    def _done(self, posted) -> None:
        self.result_posted = posted
        self.posted.emit(posted)
        self.accept()

    def _failed(self, message: str) -> None:
        self.posting = False
        self._fail(message)


# ---------------------------------------------------------------- shift


class ShiftDialog(QDialog):
    """Open the shift with a float, or close it: count the cash (and the slips of
    each other method), see expected against counted, print the slip."""

    changed = Signal()

    def __init__(self, books: Books, parent=None):
        super().__init__(parent)
        self._books = books
        self.report = None
        self.slip_path: str | None = None
        self.shift = books.current_shift()
        self.error = error_label(self)
        layout = QVBoxLayout(self)
        self.fields: dict[str, QLineEdit] = {}
        if self.shift is None:
            self.setWindowTitle(translate("Counter", "Open the shift (F9)"))
            self.float_field = QLineEdit("0.00", self)
            self.float_field.setObjectName("float")
            enlarge(self.float_field, 1.4, bold=False)
            form = QFormLayout()
            form.addRow(translate("Counter", "Cash in the drawer (float)"), self.float_field)
            layout.addLayout(form)
            self.float_field.selectAll()
            self.float_field.returnPressed.connect(self.open_shift)
        else:
            self.setWindowTitle(translate("Counter", "Close the shift (F9)"))
            self.expected = books.shift_expected()
            layout.addWidget(
                QLabel(
                    translate(
                        "Counter",
                        "Shift open since {time}, float {amount}. Count what is "
                        "in the drawer; Enter moves on, and closes on the last.",
                    ).format(
                        time=datetime_text(self.shift.opened_at),
                        amount=money_text(self.shift.opening_float),
                    ),
                    self,
                )
            )
            grid = QGridLayout()
            for c, head in enumerate((translate("Counter", "Method"),
                                      translate("Counter", "Counted"))):
                grid.addWidget(QLabel(f"<b>{html.escape(head)}</b>"), 0, c)
            methods = [m for m in PAYMENT_METHODS if m != "account"]
            for r, m in enumerate(methods, 1):
                field = QLineEdit(self)
                field.setObjectName(f"count_{m}")
                field.setPlaceholderText("0.00")
                grid.addWidget(QLabel(payment_text(m)), r, 0)
                grid.addWidget(field, r, 1)
                self.fields[m] = field
            layout.addLayout(grid)
            order = list(self.fields.values())
            for a, b in zip(order, order[1:]):
                a.returnPressed.connect(b.setFocus)
            order[-1].returnPressed.connect(self.close_shift)
            order[0].setFocus()
        self.result = QLabel(self)
        self.result.setObjectName("shiftResult")
        self.result.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.result)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        opening = self.shift is None
        self.action_button = buttons.addButton(
            translate("Counter", "Open the shift") if opening
            else translate("Counter", "Close the shift"), QDialogButtonBox.ButtonRole.ActionRole)
        self.action_button.setObjectName("shiftAction")
        self.action_button.setAutoDefault(False)       # Enter belongs to the fields
        self.action_button.clicked.connect(self.open_shift if opening else self.close_shift)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def open_shift(self) -> None:
        try:
            amount = parse_money_text(self.float_field.text() or "0",
                                      translate("Counter", "float"))
            self._books.open_shift(amount)
        except BooksError as exc:
            show_refusal(self.error, exc.message)
            self.error.show()
            return
        self.changed.emit()
        self.accept()

    def close_shift(self) -> None:
        try:
            counted = {
                m: parse_money_text(f.text() or "0", payment_text(m))
                for m, f in self.fields.items()
            }
            self.report = self._books.close_shift(counted)
        except BooksError as exc:
            show_refusal(self.error, exc.message)
            self.error.show()
            return
        for f in self.fields.values():
            f.setEnabled(False)
        self.action_button.hide()                       # closed: nothing left but to leave
        self.cancel_button.setText(translate("Counter", "Done"))
        rows = "".join(
            f"<tr><td>{html.escape(payment_text(m))}</td><td align=right>{money_text(e)}</td>"
            f"<td align=right>{money_text(c)}</td><td align=right>{money_text(c - e)}</td></tr>"
            for m, e, c in self.report.rows
        )
        heads = "".join(
            f"<th>{html.escape(t)}</th>"
            for t in (
                translate("Counter", "Expected"),
                translate("Counter", "Counted"),
                translate("Counter", "Difference"),
            )
        )
        self.result.setText(f"<table cellpadding=4><tr><th></th>{heads}</tr>{rows}</table>")
        self.changed.emit()
        self._print_slip()

    def _print_slip(self) -> None:
        from desktop.ui.receipts import print_shift_slip

        self.slip_task = print_shift_slip(self._books, self.report, self._slip_written,
                                          self._slip_failed)

    def _slip_written(self, path: str) -> None:
        self.slip_path = path
        self.result.setText(
            self.result.text()
            + "<p>"
            + html.escape(translate("Counter", "The slip is saved as {path}").format(path=path))
            + "</p>"
        )

    def _slip_failed(self, message: str) -> None:
        """The receipt printer failed (the PDF, if written, was reported already)."""
        self.result.setText(self.result.text()
                            + f"<p style='color:{style.ERROR}'>{html.escape(message)}</p>")


