"""The purchasing screen's dialogs: a new order, receiving against an order,
reorder suggestions, a supplier return, paying a supplier, the approval rules.
Each saves through db.books (permissions and rules are checked there) and
says why it refused in its own red line."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QDialog,
                               QDialogButtonBox, QFormLayout, QHeaderView, QLabel, QLineEdit,
                               QPushButton, QSpinBox, QTableWidget, QTableWidgetItem,
                               QVBoxLayout)
from sqlalchemy import Engine, select

from db import approvals
from db.books import Books
from db.documents import LineIn
from db.engine import read_connection
from db.errors import BooksError, PermissionDenied
from db.money import money_str, qty_str
from db.permissions import may
from db.schema import PAYMENT_METHODS, stock, suppliers
from desktop.ui.counter_dialogs import AuthoriseDialog
from desktop.ui.formats import (date_edit_format, money_text, parse_money_text, parse_qty_text,
                                qty_text)
from desktop.ui.lines_editor import LinesEditor, expiry_of
from desktop.ui.refusals import refusal_text
from desktop.ui.screens import payment_text
from desktop.ui.widgets import error_label, read_only_table

translate = QCoreApplication.translate
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def supplier_box(engine: Engine, parent, current: str | None = None) -> QComboBox:
    """An editable box of the suppliers' names (type to narrow)."""
    box = QComboBox(parent)
    box.setObjectName("supplier")
    box.setEditable(True)
    box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    with read_connection(engine) as conn:
        names = conn.execute(select(suppliers.c.name).order_by(suppliers.c.name)
                             .limit(5000)).scalars().all()
    box.addItems(names)
    box.setCurrentText(current or "")
    return box


def _last_cost(conn, product_id: int) -> int | None:
    cost = conn.execute(select(stock.c.last_cost).where(stock.c.product_id == product_id)).scalar()
    return cost or None


def _fail(label: QLabel, text: str) -> None:
    label.setText(text)
    label.show()


class PostingDialog(QDialog):
    """A dialog that posts one document: saved(number) and closed when the books take
    it, the reason in its red line (self.error) when they refuse."""

    saved = Signal(str)

    def _post_with(self, action) -> bool:
        self.error.hide()
        try:
            posted = action()
        except BooksError as exc:
            _fail(self.error, refusal_text(exc.message))
            return False
        if posted is None:                  # the person backed out on the way
            return False
        self.posted = posted
        self.saved.emit(posted.number)
        self.accept()
        return True


# ---------------------------------------------------------------- a new order

class OrderDialog(PostingDialog):
    """A purchase order: supplier, lines at unit cost, expected date, urgent;
    saved as a draft or submitted under the approval rules."""

    def __init__(self, books: Books, parent=None):
        super().__init__(parent)
        self.books = books
        self.posted = None
        self.setWindowTitle(translate("Purchasing", "New purchase order"))
        self.resize(860, 560)
        self.supplier = supplier_box(books.engine, self)
        self.expected = QDateEdit(self)
        self.expected.setObjectName("expected")
        self.expected.setCalendarPopup(True)
        self.expected.setDisplayFormat(date_edit_format())
        self.expected.setDate(QDate.currentDate().addDays(3))
        self.has_expected = QCheckBox(translate("Purchasing", "Expected on"), self)
        self.has_expected.setChecked(True)
        self.urgent = QCheckBox(translate("Purchasing", "Urgent (approvers see it first, red)"),
                                self)
        self.urgent.setObjectName("urgent")
        self.lines = LinesEditor(books.engine, translate("Purchasing", "Unit cost"), _last_cost,
                                 self)
        self.error = error_label(self)
        form = QFormLayout()
        form.addRow(translate("Purchasing", "Supplier"), self.supplier)
        form.addRow(self.has_expected, self.expected)
        form.addRow("", self.urgent)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.draft_button = buttons.addButton(translate("Purchasing", "Save as draft"),
                                              QDialogButtonBox.ButtonRole.ActionRole)
        self.submit_button = buttons.addButton(translate("Purchasing", "Submit"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        for b in (self.draft_button, self.submit_button):
            b.setAutoDefault(False)              # Enter belongs to the code box: a line
            b.setDefault(False)
        self.draft_button.clicked.connect(lambda: self.save(submit=False))
        self.submit_button.clicked.connect(lambda: self.save(submit=True))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.lines, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.lines.code.setFocus()

    def save(self, submit: bool = True) -> bool:
        def post():
            expected = None
            if self.has_expected.isChecked():
                d = self.expected.date()
                expected = dt.date(d.year(), d.month(), d.day())
            return self.books.post_purchase_order(
                self.supplier.currentText().strip(), self.lines.lines(), expected=expected,
                urgent=self.urgent.isChecked(), submit=submit)
        return self._post_with(post)


# ---------------------------------------------------------------- receiving

class ReceiveDialog(PostingDialog):
    """Goods in against an order: each line still due, how many came (default: all
    of it), at what cost, with batch and expiry where the product is tracked by
    batch. More than due asks a manager to confirm on the spot."""

    COLS = ("sku", "name", "due", "qty", "cost", "batch", "expiry")

    def __init__(self, books: Books, number: str, parent=None):
        super().__init__(parent)
        self.books, self.number = books, number
        self.posted = None
        self.confirmed_by = None
        self.order = books.order_detail(number)
        self.setWindowTitle(translate("Purchasing", "Receive against {number}").format(
            number=number))
        self.resize(900, 460)
        self.table = QTableWidget(0, len(self.COLS), self)
        self.table.setObjectName("receiveLines")
        self.table.setHorizontalHeaderLabels([
            translate("Purchasing", "SKU"), translate("Purchasing", "Name"),
            translate("Purchasing", "Still due"), translate("Purchasing", "Received now"),
            translate("Purchasing", "Unit cost"), translate("Purchasing", "Batch"),
            translate("Purchasing", "Expiry (2027-03-31)")])
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.due = [l for l in self.order.lines if l.remaining > 0]
        self.table.setRowCount(len(self.due))
        for r, l in enumerate(self.due):
            values = (l.sku, l.name, qty_text(l.remaining), qty_str(l.remaining),
                      money_str(l.cost), "", "")          # what is typed over stays plain
            for c, text in enumerate(values):
                item = QTableWidgetItem(text)
                editable = c in (3, 4) or (c in (5, 6) and l.batch_tracked)
                if not editable:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                if c in (2, 3, 4):
                    item.setTextAlignment(_RIGHT)
                self.table.setItem(r, c, item)
        self.error = error_label(self)
        info = QLabel(translate("Purchasing", "{supplier}: type how many came of each line "
                                              "(0 for none yet).").format(
            supplier=self.order.supplier), self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.post_button = buttons.addButton(translate("Purchasing", "Post the receipt"),
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        self.post_button.setObjectName("postReceipt")
        self.post_button.clicked.connect(self.post)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(info)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def set_qty(self, row: int, text: str) -> None:
        self.table.item(row, 3).setText(text)

    def lines(self) -> list[LineIn]:
        out = []
        for r, l in enumerate(self.due):
            qty = parse_qty_text(self.table.item(r, 3).text() or "0",
                                 translate("Purchasing", "quantity of {sku}").format(sku=l.sku))
            if qty <= 0:
                continue
            cost = parse_money_text(self.table.item(r, 4).text() or "0",
                                    translate("Purchasing", "cost of {sku}").format(sku=l.sku))
            batch = self.table.item(r, 5).text().strip() or None
            expiry = expiry_of(l.sku, self.table.item(r, 6).text())
            out.append(LineIn(l.sku, qty, cost, batch, expiry))
        if not out:
            raise BooksError(translate("Purchasing", "Type how many came of at least one line."))
        return out

    def post(self) -> bool:
        def post():
            lines = self.lines()
            try:
                return self.books.receive_order(self.number, lines,
                                                confirmed_by=self.confirmed_by)
            except PermissionDenied as exc:
                if "confirmation" not in exc.message or self.confirmed_by is not None:
                    raise
                dialog = AuthoriseDialog(self.books.engine, "over-receive",
                                         refusal_text(exc.message), self)
                self.authorise_dialog = dialog
                if dialog.exec() != QDialog.DialogCode.Accepted:
                    return None
                self.confirmed_by = dialog.actor
                return self.books.receive_order(self.number, lines,
                                                confirmed_by=self.confirmed_by)
        return self._post_with(post)


class SupplierLinesDialog(PostingDialog):
    """A document of a supplier's goods written by scanning: the supplier, the lines,
    one button that posts it (post(supplier, lines)). Enter in the lines never posts."""

    def __init__(self, books: Books, *, title: str, price_title: str, price_of, batches: bool,
                 post_text: str, empty_text: str, post, size=(820, 480), parent=None):
        super().__init__(parent)
        self.books = books
        self.posted = None
        self._post, self._empty_text = post, empty_text
        self.setWindowTitle(title)
        self.resize(*size)
        self.supplier = supplier_box(books.engine, self)
        self.lines = LinesEditor(books.engine, price_title, price_of, self, batches=batches)
        self.error = error_label(self)
        form = QFormLayout()
        form.addRow(translate("Purchasing", "Supplier"), self.supplier)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        button = buttons.addButton(post_text, QDialogButtonBox.ButtonRole.AcceptRole)
        button.setAutoDefault(False)
        button.setDefault(False)
        button.clicked.connect(self.post)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.lines, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def post(self) -> bool:
        def post():
            lines = self.lines.lines()
            if not lines:
                raise BooksError(self._empty_text)
            return self._post(self.supplier.currentText().strip(), lines)
        return self._post_with(post)


def direct_receipt_dialog(books: Books, parent=None) -> SupplierLinesDialog:
    """Goods in with no order, where the shop allows it: lines at unit cost, batch and
    expiry for products tracked by batch."""
    return SupplierLinesDialog(
        books, title=translate("Purchasing", "Receive without an order"),
        price_title=translate("Purchasing", "Unit cost"), price_of=_last_cost, batches=True,
        post_text=translate("Purchasing", "Post the receipt"),
        empty_text=translate("Purchasing", "Scan what came in first."),
        post=books.post_purchase_receipt, size=(980, 520), parent=parent)


def supplier_return_dialog(books: Books, parent=None) -> SupplierLinesDialog:
    """Goods sent back to a supplier: out at today's average cost; what the shop owes
    falls by the price given (default: that cost)."""
    return SupplierLinesDialog(
        books, title=translate("Purchasing", "Return to a supplier"),
        price_title=translate("Purchasing", "Credit per unit (empty: average cost)"),
        price_of=lambda _conn, _pid: None, batches=False,
        post_text=translate("Purchasing", "Post the return"),
        empty_text=translate("Purchasing", "Scan what goes back first."),
        post=books.post_purchase_return, parent=parent)


# ---------------------------------------------------------------- reorder suggestions

class ReorderDialog(QDialog):
    """Products below their minimum and how many would bring them to their maximum;
    one action makes a draft order per supplier."""

    saved = Signal(str)

    def __init__(self, books: Books, parent=None):
        super().__init__(parent)
        self.books = books
        self.made: list = []
        self.setWindowTitle(translate("Purchasing", "Reorder suggestions"))
        self.resize(900, 480)
        self.suggestions = books.reorder_suggestions()
        self.table = read_only_table(self, "suggestions", [
            translate("Purchasing", "SKU"), translate("Purchasing", "Name"),
            translate("Purchasing", "On hand"), translate("Purchasing", "Minimum"),
            translate("Purchasing", "Maximum"), translate("Purchasing", "To order"),
            translate("Purchasing", "Supplier (last receipt)")], stretch=1)
        self.table.setRowCount(len(self.suggestions))
        for r, s in enumerate(self.suggestions):
            for c, text in enumerate((s.sku, s.name, qty_text(s.on_hand), qty_text(s.min_qty),
                                      "" if s.max_qty is None else qty_text(s.max_qty),
                                      qty_text(s.qty),
                                      s.supplier or translate("Purchasing", "(none yet)"))):
                item = QTableWidgetItem(text)
                if 2 <= c <= 5:
                    item.setTextAlignment(_RIGHT)
                self.table.setItem(r, c, item)
        self.result = QLabel(self)
        self.result.setObjectName("reorderResult")
        self.result.setWordWrap(True)
        if not self.suggestions:
            self.result.setText(translate("Purchasing", "Nothing is below its minimum."))
        self.error = error_label(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.make_button = buttons.addButton(translate("Purchasing", "Make draft orders"),
                                             QDialogButtonBox.ButtonRole.ActionRole)
        self.make_button.setObjectName("makeDrafts")
        self.make_button.setEnabled(bool(self.suggestions))
        self.make_button.clicked.connect(self.make)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.result)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def make(self) -> None:
        self.error.hide()
        try:
            self.made, left = self.books.draft_reorders()
        except BooksError as exc:
            return _fail(self.error, refusal_text(exc.message))
        text = translate("Purchasing", "Draft orders made: {numbers}. Open each to check and "
                                       "submit it.").format(
            numbers=", ".join(p.number for p in self.made) or "-")
        if left:
            text += " " + translate("Purchasing", "Left out (no supplier or cost yet): "
                                                  "{skus}.").format(
                skus=", ".join(s.sku for s in left))
        self.result.setText(text)
        self.make_button.setEnabled(False)
        for p in self.made:
            self.saved.emit(p.number)


# ---------------------------------------------------------------- supplier return and payment

class SupplierPaymentDialog(PostingDialog):
    """Paying a supplier: what the shop owes them is shown and falls by the amount."""

    def __init__(self, books: Books, supplier: str | None = None, parent=None):
        super().__init__(parent)
        self.books = books
        self.posted = None
        self.setWindowTitle(translate("Purchasing", "Pay a supplier"))
        self.supplier = supplier_box(books.engine, self, supplier)
        self.owed = QLabel(self)
        self.owed.setObjectName("owed")
        self.amount = QLineEdit(self)
        self.amount.setObjectName("amount")
        self.method = QComboBox(self)
        for m in PAYMENT_METHODS:
            if m != "account":
                self.method.addItem(payment_text(m), m)
        self.error = error_label(self)
        form = QFormLayout()
        form.addRow(translate("Purchasing", "Supplier"), self.supplier)
        form.addRow(translate("Purchasing", "The shop owes"), self.owed)
        form.addRow(translate("Purchasing", "Amount paid"), self.amount)
        form.addRow(translate("Purchasing", "Paid by"), self.method)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        pay = buttons.addButton(translate("Purchasing", "Post the payment"),
                                QDialogButtonBox.ButtonRole.AcceptRole)
        pay.clicked.connect(self.post)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.supplier.currentTextChanged.connect(self._show_owed)
        self._show_owed(self.supplier.currentText())

    def _show_owed(self, name: str) -> None:
        try:
            detail = self.books.supplier_detail(name) if name.strip() else None
        except BooksError:
            detail = None
        self.owed.setText(money_text(detail.balance) if detail else "-")
        if detail and not self.amount.text():
            self.amount.setText(money_str(detail.balance))

    def post(self) -> bool:
        return self._post_with(lambda: self.books.post_supplier_payment(
            self.supplier.currentText().strip(),
            parse_money_text(self.amount.text() or "0", translate("Purchasing", "amount")),
            method=self.method.currentData()))


# ---------------------------------------------------------------- the approval rules

class RulesDialog(QDialog):
    """The owner's approval rules: thresholds with the role that approves above
    each, whether an urgent order skips the step, and the time limit."""

    def __init__(self, books: Books, parent=None):
        super().__init__(parent)
        self.books = books
        self.setWindowTitle(translate("Purchasing", "Approval rules"))
        self.resize(640, 360)
        rules = books.approval_rules()
        self.hours = QSpinBox(self)
        self.hours.setObjectName("hours")
        self.hours.setRange(1, 24 * 90)
        self.hours.setValue(rules.hours)
        self.hours.setSuffix(translate("Purchasing", " hours"))
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("steps")
        self.table.setHorizontalHeaderLabels([
            translate("Purchasing", "Orders above"), translate("Purchasing", "Approved by"),
            translate("Purchasing", "Urgent orders skip it")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for s in rules.steps:
            self.add_step(money_str(s.above), s.role, s.skippable)
        add = QPushButton(translate("Purchasing", "Add a step"), self)
        add.clicked.connect(lambda: self.add_step("0.00", "manager", False))
        remove = QPushButton(translate("Purchasing", "Remove the step"), self)
        remove.clicked.connect(lambda: self.table.removeRow(self.table.currentRow()))
        self.error = error_label(self)
        explain = QLabel(translate(
            "Purchasing", "An order needs every step whose amount it is above, in order. A "
                          "step not decided within the time limit goes to the next role up; "
                          "nobody approves an order they made."), self)
        explain.setWordWrap(True)
        form = QFormLayout()
        form.addRow(translate("Purchasing", "Time limit per step"), self.hours)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(
            may(books.actor, "settings"))
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        row = QDialogButtonBox(self)
        row.addButton(add, QDialogButtonBox.ButtonRole.ActionRole)
        row.addButton(remove, QDialogButtonBox.ButtonRole.ActionRole)
        layout.addWidget(row)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def add_step(self, above: str, role: str, skippable: bool) -> None:
        r = self.table.rowCount()
        self.table.insertRow(r)
        self.table.setItem(r, 0, QTableWidgetItem(above))
        box = QComboBox(self.table)
        for value, text in (("manager", translate("Purchasing", "a manager")),
                            ("owner", translate("Purchasing", "the owner"))):
            box.addItem(text, value)
        box.setCurrentIndex(max(0, box.findData(role)))
        self.table.setCellWidget(r, 1, box)
        check = QTableWidgetItem()
        check.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
        check.setCheckState(Qt.CheckState.Checked if skippable else Qt.CheckState.Unchecked)
        self.table.setItem(r, 2, check)

    def rules(self) -> approvals.ApprovalRules:
        steps = []
        for r in range(self.table.rowCount()):
            above = parse_money_text(
                self.table.item(r, 0).text() or "0",
                translate("Purchasing", "amount of step {n}").format(n=r + 1))
            steps.append(approvals.RuleStep(above, self.table.cellWidget(r, 1).currentData(),
                                            self.table.item(r, 2).checkState()
                                            == Qt.CheckState.Checked))
        return approvals.ApprovalRules(self.hours.value(), tuple(steps))

    def save(self) -> bool:
        self.error.hide()
        try:
            self.books.set_approval_rules(self.rules())
        except BooksError as exc:
            _fail(self.error, refusal_text(exc.message))
            return False
        self.accept()
        return True
