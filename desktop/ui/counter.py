"""The sales counter: keyboard-first selling for the cashier at the till.

The scan field keeps the focus whatever happens: a barcode scanner types a
code and Enter, and `3*` typed before a scan sells three. A code is looked
up on the GUI thread (one or two indexed queries, well under a frame; see
db.counter.lookup); everything slower -- posting, printing the receipt --
runs on the thread pool, so the screen never waits on the database's disk
or a printer. Every action has a key (the panel on the right lists them);
the mouse is optional.

Posting goes through db.books with a client id made when the payment starts,
so a second Enter (or a retry after a lost answer) posts the sale once.
"""

from __future__ import annotations

import datetime as dt
import html
import uuid
from dataclasses import dataclass, replace
from typing import Callable

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Engine

from db import counter as counter_db
from db import lists, users
from db.audit import Actor
from db.books import Books
from db.documents import LineIn
from db.engine import read_connection
from db.errors import BooksError, SignInFailed
from db.money import line_amount, money_str, parse_money, parse_qty, qty_str
from db.permissions import may
from db.schema import PAYMENT_METHODS
from desktop.ui.list_screen import ListScreen, PagedTableView, money_column, qty_column
from desktop.ui.paged_model import Column
from desktop.ui.screens import payment_text
from desktop.ui.widgets import error_label
from desktop.ui.workers import run_in_background

translate = QCoreApplication.translate
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


def _big(widget: QWidget, scale: float, bold: bool = True) -> None:
    font = widget.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(bold)
    widget.setFont(font)


# ---------------------------------------------------------------- the cart


@dataclass
class CartLine:
    product_id: int
    sku: str
    name: str
    unit: str
    list_price: int  # fen, the product's price
    price: int  # fen, what this sale charges
    qty: int  # milli-units
    weighed: bool = False  # from a scale label: never merged with another scan

    @property
    def amount(self) -> int:
        return line_amount(self.price, self.qty)

    def line_in(self) -> LineIn:
        return LineIn(self.sku, self.qty, None if self.price == self.list_price else self.price)


class CartModel(QAbstractTableModel):
    """The lines of the sale being rung up, in the order scanned."""

    changed = Signal()
    loading = False  # (a list screen's model may be reading; this one never is)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.lines: list[CartLine] = []
        self._titles = [
            translate("Counter", "No."),
            translate("Counter", "Name"),
            translate("Counter", "SKU"),
            translate("Counter", "Qty"),
            translate("Counter", "Unit"),
            translate("Counter", "Price"),
            translate("Counter", "Amount"),
        ]

    # -- changing
    def add(self, line: CartLine) -> int:
        """Adds the line, or more of the same product at the same price to its line;
        returns the row."""
        if not line.weighed:
            for row, old in enumerate(self.lines):
                if (
                    old.product_id == line.product_id
                    and old.price == line.price
                    and not old.weighed
                ):
                    old.qty += line.qty
                    self._row_changed(row)
                    return row
        row = len(self.lines)
        self.beginInsertRows(QModelIndex(), row, row)
        self.lines.append(line)
        self.endInsertRows()
        self.changed.emit()
        return row

    def set_qty(self, row: int, qty: int) -> None:
        self.lines[row].qty = qty
        self._row_changed(row)

    def set_price(self, row: int, price: int) -> None:
        self.lines[row].price = price
        self._row_changed(row)

    def remove(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self.lines[row]
        self.endRemoveRows()
        self.changed.emit()

    def replace_all(self, lines: list[CartLine]) -> None:
        self.beginResetModel()
        self.lines = list(lines)
        self.endResetModel()
        self.changed.emit()

    def clear(self) -> None:
        self.replace_all([])

    def _row_changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self._titles) - 1))
        self.changed.emit()

    # -- reading
    def total(self) -> int:
        return sum(l.amount for l in self.lines)

    def items(self) -> int:
        return len(self.lines)

    def lines_in(self) -> list[LineIn]:
        return [l.line_in() for l in self.lines]

    def overridden(self) -> bool:
        return any(l.price != l.list_price for l in self.lines)

    # -- Qt
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._titles)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        line, c = self.lines[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                str(index.row() + 1),
                line.name,
                line.sku,
                qty_str(line.qty),
                line.unit,
                money_str(line.price),
                money_str(line.amount),
            )[c]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if c in (0, 3, 5, 6) else _LEFT
        if role == Qt.ItemDataRole.ToolTipRole and c == 5 and line.price != line.list_price:
            return translate("Counter", "List price {price}").format(
                price=money_str(line.list_price)
            )
        if role == Qt.ItemDataRole.FontRole and c == 5 and line.price != line.list_price:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._titles[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if section in (0, 3, 5, 6) else _LEFT
        return None


def parse_scan(text: str) -> tuple[int | None, str]:
    """'3*6901234567892' -> (3000, code); a plain code -> (None, code). The
    quantity may have decimals ('0.5*...'); BooksError when it is not a number."""
    text = text.strip()
    if "*" in text:
        qty, _, code = text.partition("*")
        qty = qty.strip()
        return (parse_qty(qty, "quantity") if qty else None), code.strip()
    return None, text


# ---------------------------------------------------------------- small dialogs


class AskDialog(QDialog):
    """One value typed and checked by `parse` (which raises BooksError)."""

    def __init__(
        self,
        title: str,
        label: str,
        value: str,
        parse: Callable[[str], object],
        note: str = "",
        parent=None,
    ):
        super().__init__(parent)
        self.setWindowTitle(title)
        self._parse = parse
        self.value = None
        self.field = QLineEdit(value, self)
        self.field.setObjectName("value")
        self.field.selectAll()
        _big(self.field, 1.4, bold=False)
        self.error = error_label(self)
        form = QFormLayout()
        form.addRow(label, self.field)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if note:
            layout.addWidget(QLabel(note, self))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _accept(self) -> None:
        try:
            self.value = self._parse(self.field.text())
        except BooksError as exc:
            self.error.setText(exc.message)
            self.error.show()
            self.field.selectAll()
            return
        self.accept()


class AuthoriseDialog(QDialog):
    """A manager (anyone whose role may do `action`) signs in on the spot to allow it.
    After accept(): `actor` is who allowed it."""

    def __init__(self, engine: Engine, action: str, what: str, parent=None):
        super().__init__(parent)
        self._engine, self._action = engine, action
        self.actor: Actor | None = None
        self.setWindowTitle(translate("Counter", "A manager's permission"))
        self.user = QLineEdit(self)
        self.user.setObjectName("user")
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(translate("Counter", "Manager"), self.user)
        form.addRow(translate("Counter", "Password"), self.password)
        self.error = error_label(self)
        buttons = QDialogButtonBox(self)
        buttons.addButton(translate("Counter", "Allow"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.try_allow)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        note = QLabel(what, self)
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.user.setFocus()

    def try_allow(self) -> None:
        try:
            actor = users.sign_in(self._engine, self.user.text().strip(), self.password.text())
        except SignInFailed:
            return self._refuse(translate("Counter", "Unknown user or wrong password."))
        if not may(actor, self._action):
            return self._refuse(
                translate("Counter", "{name} may not allow this.").format(name=actor.name)
            )
        self.actor = actor
        self.accept()

    def _refuse(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self.password.clear()
        self.password.setFocus()


class PickDialog(QDialog):
    """A searchable list to choose one row from: type, arrows, Enter."""

    def __init__(self, screen: ListScreen, title: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(820, 520)
        self.screen = screen
        self.row: int | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(screen)
        screen.export_button.hide()
        screen.opened.connect(self._pick)
        screen.search.installEventFilter(self)
        screen.search.returnPressed.connect(self._pick_current)
        screen.refresh()
        screen.search.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # arrows in the search box move through the list
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            view, model = self.screen.view, self.screen.model
            if model.rowCount():
                row = view.currentIndex().row()
                row = 0 if row < 0 else row + (1 if event.key() == Qt.Key.Key_Down else -1)
                row = max(0, min(model.rowCount() - 1, row))
                view.selectRow(row)
            return True
        return super().eventFilter(watched, event)

    def _pick_current(self) -> None:
        if self.screen.model.loading:
            return
        row = self.screen.view.currentIndex().row()
        if row < 0 and self.screen.model.rowCount():
            row = 0
        if row >= 0:
            self._pick(row)

    def _pick(self, row: int) -> None:
        self.row = row
        self.accept()

    def value(self, field: str):
        return self.screen.model.value(self.row, field)


def product_picker(engine: Engine, actor: Actor, text: str = "", parent=None) -> PickDialog:
    source = lists.PRODUCTS_WITH_COST if may(actor, "see-cost") else lists.PRODUCTS
    cols = [
        Column(translate("Counter", "SKU"), width=12),
        Column(translate("Counter", "Name"), width=28, stretch=True),
        Column(translate("Counter", "Barcodes"), width=16),
        Column(translate("Counter", "Category"), width=10),
        Column(translate("Counter", "Unit"), width=5),
        money_column(translate("Counter", "Price")),
        qty_column(translate("Counter", "On hand")),
        Column("", width=0),
        Column("", width=0),
    ]
    if source is lists.PRODUCTS_WITH_COST:
        cols.append(money_column(translate("Counter", "Cost")))
    screen = ListScreen(
        engine,
        source,
        cols[: len(source.fields)],
        translate("Counter", "Find a product"),
        lambda n: translate("Counter", "Products: {n}").format(n=n),
        search_hint=translate("Counter", "Name, pinyin initials, SKU or barcode"),
    )
    for i, f in enumerate(source.fields):
        if f in ("min_qty", "max_qty"):
            screen.view.hideColumn(i)
    screen.search.setText(text)
    return PickDialog(screen, translate("Counter", "Find a product (F2)"), parent)


def customer_picker(engine: Engine, parent=None) -> PickDialog:
    cols = [
        Column(translate("Counter", "Customer"), width=24, stretch=True),
        Column(translate("Counter", "Phone"), width=14),
        money_column(translate("Counter", "Credit limit"), 12),
        money_column(translate("Counter", "Owes the shop"), 12),
    ]
    screen = ListScreen(
        engine,
        lists.CUSTOMERS,
        cols,
        translate("Counter", "Choose the customer"),
        lambda n: translate("Counter", "Customers: {n}").format(n=n),
        search_hint=translate("Counter", "Name or phone"),
    )
    return PickDialog(screen, translate("Counter", "Customer (F7)"), parent)


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
        _big(self.due_label, 2.6)
        self.method_label = QLabel(self)
        self.method_label.setObjectName("method")
        _big(self.method_label, 1.4)
        self.amount = QLineEdit(self)
        self.amount.setObjectName("amount")
        _big(self.amount, 2.0)
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
            translate("Counter", "Due {amount}").format(amount=money_str(self.remaining))
        )
        self.paid_label.setText(
            "   ".join(f"{payment_text(m)} {money_str(a)}" for m, a in self.payments)
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
            amount = parse_money(self.amount.text() or "0", translate("Counter", "amount"))
        except BooksError as exc:
            return self._fail(exc.message)
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
                    due=money_str(self.remaining), method=payment_text(method)
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
                        owed=money_str(balance + amount),
                        limit=money_str(limit),
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


# ---------------------------------------------------------------- held sales


class HeldDialog(QDialog):
    """The held sales (挂单), newest first: arrows and Enter resume one."""

    def __init__(self, held: list, parent=None):
        super().__init__(parent)
        self.setWindowTitle(translate("Counter", "Held sales (F6)"))
        self.resize(560, 360)
        self.held = held
        self.chosen = None
        self.list = QListWidget(self)
        self.list.setObjectName("held")
        for h in held:
            who = f" · {h.customer}" if h.customer else ""
            note = f" · {h.note}" if h.note else ""
            QListWidgetItem(
                translate("Counter", "{time}  {user}{who}  {n} lines  {total}{note}").format(
                    time=h.held_at.strftime("%H:%M"),
                    user=h.user,
                    who=who,
                    n=len(h.lines),
                    total=money_str(h.total),
                    note=note,
                ),
                self.list,
            )
        if held:
            self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda _item: self._choose())
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(translate("Counter", "Enter resumes the chosen sale; Esc goes back."), self)
        )
        layout.addWidget(self.list)
        self.list.setFocus()

    def keyPressEvent(self, event):
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._choose()
            return
        super().keyPressEvent(event)

    def _choose(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.chosen = self.held[row]
            self.accept()


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
        _big(self.number, 1.3, bold=False)
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
        _big(self.refund, 1.6)
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
            return self._fail(exc.message)
        self.sale = sale
        who = f" · {sale.customer}" if sale.customer else ""
        self.info.setText(
            translate("Counter", "Sale {number} of {date}{who}; paid {paid}").format(
                number=sale.number,
                date=sale.doc_date.isoformat(),
                who=who,
                paid=", ".join(f"{payment_text(m)} {money_str(a)}" for m, a in sale.payments),
            )
        )
        self.table.blockSignals(True)
        self.table.setRowCount(len(sale.lines))
        for r, line in enumerate(sale.lines):
            for c, text in enumerate(
                (line.name, qty_str(line.qty), qty_str(line.returned), money_str(line.price), "0")
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
            qty = parse_qty(
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
            translate("Counter", "Refund about {amount}").format(amount=money_str(amount))
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
            qty, code = parse_scan(text)
            with read_connection(self._engine) as conn:
                found = counter_db.lookup(conn, code, self._layout_of(conn))
        except BooksError as exc:
            return self._fail(exc.message)
        if found is None:
            return self._fail(
                translate("Counter", "No product has the code {code}.").format(code=code)
            )
        qty = qty or found.qty or 1000
        self.found.append((found, qty))
        r = self.table.rowCount()
        self.table.setRowCount(r + 1)
        for c, t in enumerate((found.name, "", "", money_str(found.price), qty_str(qty))):
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
                return self._fail(exc.message)
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
            _big(self.float_field, 1.4, bold=False)
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
                        time=self.shift.opened_at.strftime("%Y-%m-%d %H:%M"),
                        amount=money_str(self.shift.opening_float),
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
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def open_shift(self) -> None:
        try:
            amount = parse_money(self.float_field.text() or "0", translate("Counter", "float"))
            self._books.open_shift(amount)
        except BooksError as exc:
            self.error.setText(exc.message)
            self.error.show()
            return
        self.changed.emit()
        self.accept()

    def close_shift(self) -> None:
        try:
            counted = {
                m: parse_money(f.text() or "0", payment_text(m)) for m, f in self.fields.items()
            }
            self.report = self._books.close_shift(counted)
        except BooksError as exc:
            self.error.setText(exc.message)
            self.error.show()
            return
        for f in self.fields.values():
            f.setEnabled(False)
        rows = "".join(
            f"<tr><td>{html.escape(payment_text(m))}</td><td align=right>{money_str(e)}</td>"
            f"<td align=right>{money_str(c)}</td><td align=right>{money_str(c - e)}</td></tr>"
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

        self.slip_task = print_shift_slip(self._books, self.report, self._slip_written)

    def _slip_written(self, path: str) -> None:
        self.slip_path = path
        self.result.setText(
            self.result.text()
            + "<p>"
            + html.escape(translate("Counter", "The slip is saved as {path}").format(path=path))
            + "</p>"
        )


# ---------------------------------------------------------------- the screen


class CounterScreen(QWidget):
    """The till. See the module's notes; the keys are listed on the screen."""

    posted = Signal(str)  # a sale or return was posted: its number
    line_added = Signal(int)  # the row scanned into (for the scan benchmark)

    def __init__(self, engine: Engine, actor: Actor, parent=None):
        super().__init__(parent)
        self.setObjectName("counter")
        self.engine = engine
        self.actor = actor
        self.books = Books(engine, actor)
        self.customer: str | None = None
        self.credit: tuple[int, int | None] | None = None
        self.authorised_by: Actor | None = None
        self.last_change: int | None = None
        self.receipts: list[str] = []  # receipt files written this session
        self._layout: counter_db.ScaleLayout | None = None

        self.cart = self.model = CartModel(self)
        self.view = PagedTableView(self)
        self.view.setObjectName("cart")
        self.view.setModel(self.cart)
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.view.setSortingEnabled(False)
        self.view.horizontalHeader().setSortIndicatorShown(False)
        unit = self.view.fontMetrics().averageCharWidth()
        for c, w in enumerate((4, 30, 14, 9, 5, 10, 11)):
            self.view.horizontalHeader().resizeSection(c, w * unit + 16)
        self.view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        _big(self.view, 1.25, bold=False)
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 12)

        self.scan = QLineEdit(self)
        self.scan.setObjectName("scan")
        self.scan.setPlaceholderText(
            translate("Counter", "Scan or type a barcode or SKU; 3* before it sells 3")
        )
        _big(self.scan, 1.6, bold=False)
        self.scan.returnPressed.connect(self.enter)
        self.scan.installEventFilter(self)

        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        _big(self.message, 1.15, bold=False)

        # the right-hand panel: total, change, customer, shift, keys
        self.total_label = QLabel("0.00", self)
        self.total_label.setObjectName("total")
        self.total_label.setAlignment(_RIGHT)
        font = self.total_label.font()
        font.setPixelSize(72)  # readable from two metres
        font.setBold(True)
        self.total_label.setFont(font)
        self.items_label = QLabel(self)
        self.items_label.setObjectName("items")
        self.items_label.setAlignment(_RIGHT)
        _big(self.items_label, 1.2, bold=False)
        self.change_label = QLabel(self)
        self.change_label.setObjectName("change")
        self.change_label.setAlignment(_RIGHT)
        font = self.change_label.font()
        font.setPixelSize(40)
        font.setBold(True)
        self.change_label.setFont(font)
        self.change_label.setStyleSheet("color: #0b6e2e;")
        self.customer_label = QLabel(self)
        self.customer_label.setObjectName("customer")
        self.customer_label.setWordWrap(True)
        self.shift_label = QLabel(self)
        self.shift_label.setObjectName("shift")
        self.shift_label.setWordWrap(True)
        self.held_label = QLabel(self)
        self.held_label.setObjectName("heldCount")

        keys = [
            ("Enter", translate("Counter", "add the code; on an empty line: pay")),
            ("F12", translate("Counter", "pay")),
            ("F2", translate("Counter", "find a product")),
            ("F3", translate("Counter", "quantity of the line")),
            ("F4", translate("Counter", "price or discount of the line")),
            ("Del", translate("Counter", "delete the line")),
            ("↑ ↓", translate("Counter", "choose a line")),
            ("F5", translate("Counter", "hold the sale")),
            ("F6", translate("Counter", "resume a held sale")),
            ("F7", translate("Counter", "customer (on account)")),
            ("F8", translate("Counter", "return")),
            ("F9", translate("Counter", "open or close the shift")),
            ("F10", translate("Counter", "void the sale")),
            ("Esc", translate("Counter", "clear the scan line")),
        ]
        key_text = (
            "<table cellspacing=2>"
            + "".join(
                f"<tr><td><b>{html.escape(k)}</b>&nbsp;&nbsp;</td><td>{html.escape(t)}</td></tr>"
                for k, t in keys
            )
            + "</table>"
        )
        key_help = QLabel(key_text, self)
        key_help.setObjectName("keys")
        key_help.setTextFormat(Qt.TextFormat.RichText)

        panel = QFrame(self)
        panel.setObjectName("panel")
        panel.setFrameShape(QFrame.Shape.StyledPanel)
        panel.setMinimumWidth(330)
        side = QVBoxLayout(panel)
        caption = QLabel(translate("Counter", "Total"), panel)
        _big(caption, 1.2)
        side.addWidget(caption)
        side.addWidget(self.total_label)
        side.addWidget(self.items_label)
        side.addWidget(self.change_label)
        side.addSpacing(8)
        side.addWidget(self.customer_label)
        side.addWidget(self.shift_label)
        side.addWidget(self.held_label)
        side.addStretch(1)
        side.addWidget(key_help)

        left = QVBoxLayout()
        heading = QLabel(translate("Counter", "Counter"), self)
        heading.setObjectName("screenHeading")
        _big(heading, 1.4)
        left.addWidget(heading)
        left.addWidget(self.view, 1)
        left.addWidget(self.message)
        left.addWidget(self.scan)
        row = QHBoxLayout(self)
        row.addLayout(left, 3)
        row.addWidget(panel, 1)

        for key, slot in (
            ("F12", self.pay),
            ("F2", self.find_product),
            ("F3", self.edit_qty),
            ("F4", self.edit_price),
            ("F5", self.hold),
            ("F6", self.resume),
            ("F7", self.choose_customer),
            ("F8", self.open_return),
            ("F9", self.open_shift_dialog),
            ("F10", self.void),
        ):
            QShortcut(
                QKeySequence(key),
                self,
                activated=slot,
                context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
            )
        self.cart.changed.connect(self._show_total)
        self.cart.rowsInserted.connect(lambda _p, first, _last: self.view.selectRow(first))
        self._show_total()
        self.setFocusProxy(self.scan)

    # -- focus: the scan line keeps it
    def showEvent(self, event):
        super().showEvent(event)
        QTimer.singleShot(0, self.scan.setFocus)

    def _back_to_scan(self) -> None:
        """After a dialog: the till's window active again and the scan line focused,
        whatever the window manager does, so the next scan and key land here."""
        window = self.window()
        if self.isVisible() and not window.isActiveWindow():
            window.activateWindow()
        self.scan.setFocus()
        self.scan.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.scan and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and self.cart.rowCount():
                row = self.current_row()
                row = (
                    self.cart.rowCount() - 1
                    if row < 0
                    else row + (1 if key == Qt.Key.Key_Down else -1)
                )
                self.view.selectRow(max(0, min(self.cart.rowCount() - 1, row)))
                return True
            if key == Qt.Key.Key_Delete and not self.scan.text():
                self.delete_line()
                return True
            if key == Qt.Key.Key_Escape:
                self.scan.clear()
                return True
        if watched is self.scan and event.type() == QEvent.Type.FocusOut:
            # a click elsewhere on the screen must not leave the till deaf to the scanner
            QTimer.singleShot(0, self._refocus_if_ours)
        return super().eventFilter(watched, event)

    def _refocus_if_ours(self) -> None:
        focus = self.window().focusWidget() if self.window() else None
        if (
            self.isVisible()
            and self.window().isActiveWindow()
            and (focus is None or self.isAncestorOf(focus))
            and focus is not self.scan
        ):
            self.scan.setFocus()

    def current_row(self) -> int:
        index = self.view.currentIndex()
        return index.row() if index.isValid() else -1

    def say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #b00020;" if error else "")
        self.message.setText(text)

    # -- the shop's settings the counter reads
    def scale_layout(self, conn) -> "counter_db.ScaleLayout":
        if self._layout is None:
            self._layout = counter_db.scale_layout(conn)
        return self._layout

    def refresh(self) -> None:
        """Re-reads what may have changed elsewhere: the scale layout, the shift, held sales."""
        self._layout = None
        try:
            shift = self.books.current_shift()
            held = self.books.held_sales()
        except BooksError as exc:
            self.say(exc.message, error=True)
            return
        if shift is None:
            self.shift_label.setText(
                translate("Counter", "No shift open: F9 opens it with the float.")
            )
        else:
            self.shift_label.setText(
                translate("Counter", "Shift open since {time}").format(
                    time=shift.opened_at.strftime("%H:%M")
                )
            )
        self.held_label.setText(
            translate("Counter", "Held sales: {n} (F6)").format(n=len(held)) if held else ""
        )

    # -- ringing up
    def enter(self) -> None:
        text = self.scan.text().strip()
        if not text:
            if self.cart.rowCount():
                self.pay()
            return
        self.add_code(text)

    def add_code(self, text: str) -> int | None:
        """The scan line's Enter: looks the code up and adds the line. Returns its row."""
        try:
            qty, code = parse_scan(text)
            if qty is not None and qty <= 0:
                raise BooksError(translate("Counter", "The quantity must be above zero."))
            if not code:
                raise BooksError(
                    translate("Counter", "Type or scan a code after the {star}.").format(star="*")
                )
            with read_connection(self.engine) as conn:
                found = counter_db.lookup(conn, code, self.scale_layout(conn))
        except BooksError as exc:
            self.say(exc.message, error=True)
            self.scan.selectAll()
            return None
        if found is None:
            self.say(
                translate("Counter", "No product has the code {code}. F2 finds it by name.").format(
                    code=code
                ),
                error=True,
            )
            self.scan.selectAll()
            return None
        return self._add_found(found, qty)

    def _add_found(self, found, qty: int | None) -> int:
        weighed = found.qty is not None
        line = CartLine(
            found.product_id,
            found.sku,
            found.name,
            found.unit,
            found.price,
            found.price,
            found.qty if weighed else (qty or 1000),
            weighed=weighed,
        )
        if weighed and qty:
            line.qty = found.qty * qty // 1000  # 2* before a scale label: two packs
        row = self.cart.add(line)
        self.view.selectRow(row)
        self.scan.clear()
        self.last_change = None
        self.change_label.clear()
        added = self.cart.lines[row]
        self.say(
            f"{added.name}  {qty_str(added.qty)} {added.unit} × {money_str(added.price)}"
            f" = {money_str(added.amount)}"
        )
        self.line_added.emit(row)
        return row

    def find_product(self) -> None:
        text = self.scan.text().strip()
        dialog = product_picker(self.engine, self.actor, "" if "*" in text else text, self)
        qty = None
        try:
            qty, _ = parse_scan(text) if "*" in text else (None, "")
        except BooksError:
            pass
        if dialog.exec() == QDialog.DialogCode.Accepted:
            sku = dialog.value("sku")
            with read_connection(self.engine) as conn:
                found = counter_db.lookup(conn, sku, None)
            if found is not None:
                self._add_found(found, qty)
        self._back_to_scan()

    def edit_qty(self) -> None:
        row = self.current_row()
        if row < 0:
            return self.say(translate("Counter", "Choose a line first (↑ ↓)."), error=True)
        line = self.cart.lines[row]
        dialog = AskDialog(
            translate("Counter", "Quantity (F3)"),
            line.name,
            qty_str(line.qty),
            lambda t: parse_qty(t, translate("Counter", "quantity")),
            parent=self,
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            if dialog.value <= 0:
                self.delete_line()
            else:
                self.cart.set_qty(row, dialog.value)
        self._back_to_scan()

    def edit_price(self) -> None:
        """A new price for the line, or a discount typed as a percentage ('10%')."""
        row = self.current_row()
        if row < 0:
            return self.say(translate("Counter", "Choose a line first (↑ ↓)."), error=True)
        line = self.cart.lines[row]

        def parse(text: str) -> int:
            text = text.strip()
            if text.endswith("%"):
                pct = parse_money(
                    text[:-1] or "0", translate("Counter", "discount")
                )  # hundredths of a per cent
                if not 0 <= pct <= 10000:
                    raise BooksError(translate("Counter", "A discount is between 0% and 100%."))
                return line.list_price - (line.list_price * pct + 5000) // 10000
            price = parse_money(text, translate("Counter", "price"))
            if price < 0:
                raise BooksError(translate("Counter", "A price cannot be below zero."))
            return price

        dialog = AskDialog(
            translate("Counter", "Price or discount (F4)"),
            line.name,
            money_str(line.price),
            parse,
            note=translate(
                "Counter", "A new price, or a discount such as 10%. List price: {price}"
            ).format(price=money_str(line.list_price)),
            parent=self,
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return self._back_to_scan()
        price = dialog.value
        if (
            price != line.list_price
            and not may(self.actor, "price-override")
            and self.authorised_by is None
        ):
            if not self.authorise(
                translate(
                    "Counter", "Changing the price of {name} to {price} needs a manager."
                ).format(name=line.name, price=money_str(price))
            ):
                self.say(
                    translate(
                        "Counter", "The price stays {price}: no manager allowed the change."
                    ).format(price=money_str(line.price)),
                    error=True,
                )
                return self._back_to_scan()
        self.cart.set_price(row, price)
        self._back_to_scan()

    def authorise(self, what: str) -> bool:
        dialog = AuthoriseDialog(self.engine, "price-override", what, self)
        self.authorise_dialog = dialog
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.authorised_by = dialog.actor
            self.say(translate("Counter", "Allowed by {name}.").format(name=dialog.actor.name))
            return True
        return False

    def delete_line(self) -> None:
        row = self.current_row()
        if row < 0:
            return
        name = self.cart.lines[row].name
        self.cart.remove(row)
        if self.cart.rowCount():
            self.view.selectRow(min(row, self.cart.rowCount() - 1))
        self.say(translate("Counter", "Deleted {name}.").format(name=name))

    def void(self) -> None:
        if self.cart.rowCount():
            self.new_sale()
            self.say(translate("Counter", "The sale was voided."))

    def new_sale(self) -> None:
        self.cart.clear()
        self.customer, self.credit, self.authorised_by = None, None, None
        self._show_customer()
        self.scan.clear()

    def _show_total(self) -> None:
        self.total_label.setText(money_str(self.cart.total()))
        n = self.cart.items()
        self.items_label.setText(translate("Counter", "{n} lines").format(n=n) if n else "")

    # -- customer
    def choose_customer(self) -> None:
        dialog = customer_picker(self.engine, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.set_customer(dialog.value("name"))
        self._back_to_scan()

    def set_customer(self, name: str | None) -> None:
        self.customer = name
        self.credit = None
        if name:
            with read_connection(self.engine) as conn:
                self.credit = counter_db.credit_status(conn, name)
        self._show_customer()

    def _show_customer(self) -> None:
        if not self.customer:
            self.customer_label.setText(translate("Counter", "Walk-in customer (F7 chooses one)"))
            self.customer_label.setStyleSheet("")
            return
        balance, limit = self.credit or (0, None)
        text = translate("Counter", "Customer: {name}, owes {balance}").format(
            name=self.customer, balance=money_str(balance)
        )
        if limit is not None:
            text += translate("Counter", " of a {limit} limit").format(limit=money_str(limit))
        self.customer_label.setText(text)
        past = limit is not None and balance + self.cart.total() > limit
        self.customer_label.setStyleSheet("color: #b00020;" if past else "")

    # -- paying
    def pay(self) -> None:
        if not self.cart.rowCount():
            return self.say(translate("Counter", "Nothing to pay for yet."), error=True)
        if self.customer:
            self.set_customer(self.customer)  # today's balance, not the one of an hour ago
        dialog = PaymentDialog(
            self.books,
            self.cart.lines_in(),
            self.cart.total(),
            customer=self.customer,
            credit=self.credit,
            authorised_by=self.authorised_by,
            parent=self,
        )
        self.payment_dialog = dialog
        dialog.posted.connect(lambda posted: self._sold(posted, dialog))
        dialog.open()

    def _sold(self, posted, dialog: PaymentDialog) -> None:
        self.last_change = dialog.change if dialog.tendered is not None else None
        self.new_sale()
        if self.last_change is not None:
            self.change_label.setText(
                translate("Counter", "Change {amount}").format(amount=money_str(self.last_change))
            )
        else:
            self.change_label.clear()
        self.say(
            translate("Counter", "{number} posted: {total}.").format(
                number=posted.number, total=money_str(posted.total)
            )
        )
        self.posted.emit(posted.number)
        self._print_receipt(posted.number, dialog.tendered, dialog.change)
        QTimer.singleShot(0, self._back_to_scan)

    def _print_receipt(self, number: str, tendered: int | None, change: int | None) -> None:
        from desktop.ui.receipts import print_receipt

        self.receipt_task = print_receipt(
            self.engine,
            number,
            tendered,
            change,
            self.receipts.append,
            lambda m: self.say(m, error=True),
        )

    # -- hold and resume
    def hold(self) -> None:
        if not self.cart.rowCount():
            return self.say(translate("Counter", "Nothing to hold."), error=True)
        try:
            self.books.hold_sale(self.cart.lines_in(), customer=self.customer)
        except BooksError as exc:
            return self.say(exc.message, error=True)
        self.new_sale()
        self.say(translate("Counter", "The sale is held: F6 resumes it."))
        self.refresh()

    def resume(self) -> None:
        try:
            held = self.books.held_sales()
        except BooksError as exc:
            return self.say(exc.message, error=True)
        if not held:
            return self.say(translate("Counter", "No sale is held."), error=True)
        if self.cart.rowCount():
            return self.say(
                translate("Counter", "Finish, hold (F5) or void (F10) this sale first."), error=True
            )
        dialog = HeldDialog(held, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.chosen is not None:
            try:
                sale = self.books.resume_sale(dialog.chosen.id)
                lines = []
                with read_connection(self.engine) as conn:
                    for l in sale.lines:
                        found = counter_db.lookup(conn, l.code, None)
                        if found is None:
                            raise BooksError(
                                translate("Counter", "{code} is no longer sold.").format(
                                    code=l.code
                                )
                            )
                        price = found.price if l.price is None else l.price
                        lines.append(
                            CartLine(
                                found.product_id,
                                found.sku,
                                found.name,
                                found.unit,
                                found.price,
                                price,
                                l.qty,
                            )
                        )
            except BooksError as exc:
                self.say(exc.message, error=True)
            else:
                self.cart.replace_all(lines)
                if lines:
                    self.view.selectRow(len(lines) - 1)
                self.set_customer(sale.customer)
                self.say(
                    translate("Counter", "Resumed the sale held at {time}.").format(
                        time=sale.held_at.strftime("%H:%M")
                    )
                )
        self.refresh()
        self._back_to_scan()

    # -- returns and the shift
    def open_return(self) -> None:
        dialog = ReturnDialog(self.books, self.engine, self.scale_layout, self)
        self.return_dialog = dialog
        dialog.posted.connect(self._returned)
        dialog.finished.connect(lambda _r: self._back_to_scan())
        dialog.open()

    def _returned(self, posted) -> None:
        self.say(
            translate("Counter", "{number} posted: {total} refunded.").format(
                number=posted.number, total=money_str(posted.total)
            )
        )
        self.posted.emit(posted.number)
        self._print_receipt(posted.number, None, None)

    def open_shift_dialog(self) -> None:
        dialog = ShiftDialog(self.books, self)
        self.shift_dialog = dialog
        dialog.changed.connect(self.refresh)
        dialog.finished.connect(lambda _r: self._back_to_scan())
        dialog.open()
