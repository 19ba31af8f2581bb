"""The purchasing screen: every purchase document (orders, receipts, returns,
payments to suppliers), searched and sorted like every list, with the actions
of purchasing on its toolbar. Opening an order shows it with what may be done
to it now: submit a draft, approve or reject it (for its approver), receive
goods against it, cancel it. See docs/purchasing.md."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QMenu, QMessageBox,
                               QTableWidgetItem, QVBoxLayout)
from sqlalchemy import Engine

from db import lists
from db.audit import Actor
from db.books import Books
from db.errors import BooksError
from db.money import line_amount
from db.permissions import may
from desktop.ui import style
from desktop.ui.approvals import ask_reason
from desktop.ui.formats import date_text, datetime_text, money_text, qty_text
from desktop.ui.list_screen import ListScreen, date_column, money_column
from desktop.ui.paged_model import Column
from desktop.ui.purchasing_dialogs import (OrderDialog, ReceiveDialog, ReorderDialog,
                                           RulesDialog, SupplierLinesDialog,
                                           SupplierPaymentDialog, direct_receipt_dialog,
                                           supplier_return_dialog)
from desktop.ui.refusals import show_refusal
from desktop.ui.screens import _n, doc_kind_text, status_text
from desktop.ui.widgets import error_label, read_only_table

translate = QCoreApplication.translate
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class PurchasingScreen(ListScreen):
    def __init__(self, engine: Engine, actor: Actor, parent=None):
        cols = [Column(translate("Screens", "Number"), width=18),
                date_column(translate("Screens", "Date")),
                Column(translate("Screens", "Kind"), doc_kind_text, width=10),
                Column(translate("Screens", "Supplier"), width=18, stretch=True),
                money_column(translate("Screens", "Total")),
                Column(translate("Screens", "Status"), status_text, width=12)]
        super().__init__(engine, lists.PURCHASES, cols, translate("Screens", "Purchasing"),
                         lambda n: translate("Screens", "Purchase documents: {n}").format(n=_n(n)),
                         search_hint=translate("Screens", "Number or supplier"), parent=parent)
        self.books = Books(engine, actor)
        self.actor = actor
        # the everyday actions as buttons, the rest in one menu (the toolbar fits 1366 px)
        more = QMenu(self)
        if may(actor, "purchase-order"):
            self.add_action(translate("Purchasing", "New order…"), self.new_order, "newOrder")
            more.addAction(translate("Purchasing", "Reorder suggestions…"), self.reorder)
        if may(actor, "purchase-receipt"):
            self.add_action(translate("Purchasing", "Receive without an order…"),
                            self.direct_receipt, "directReceipt")
        if may(actor, "purchase-return"):
            more.addAction(translate("Purchasing", "Return to supplier…"), self.supplier_return)
        if may(actor, "supplier-payment"):
            more.addAction(translate("Purchasing", "Pay a supplier…"), self.pay_supplier)
        if may(actor, "labels"):
            more.addAction(translate("Purchasing", "Labels for the goods of this receipt…"),
                           lambda: self.receipt_labels())
        more.addAction(translate("Purchasing", "Print this order…"), lambda: self.print_order())
        if may(actor, "settings"):
            more.addAction(translate("Purchasing", "Approval rules…"), self.edit_rules)
        if not more.isEmpty():
            self.more_button = self.add_action(translate("Purchasing", "More"), lambda: None,
                                               "more")
            self.more_button.setMenu(more)
        self.opened.connect(self.open_row)

    def _done(self, number: str) -> None:
        self.model.refresh()
        self.status.setText(translate("Purchasing", "{number} saved.").format(number=number))

    def _show(self, dialog):
        self.dialog = dialog
        if hasattr(dialog, "saved"):
            dialog.saved.connect(self._done)
        dialog.open()
        return dialog

    def new_order(self) -> OrderDialog:
        return self._show(OrderDialog(self.books, self))

    def reorder(self) -> ReorderDialog:
        return self._show(ReorderDialog(self.books, self))

    def direct_receipt(self) -> SupplierLinesDialog:
        return self._show(direct_receipt_dialog(self.books, self))

    def supplier_return(self) -> SupplierLinesDialog:
        return self._show(supplier_return_dialog(self.books, self))

    def pay_supplier(self) -> SupplierPaymentDialog:
        return self._show(SupplierPaymentDialog(self.books, parent=self))

    def edit_rules(self) -> RulesDialog:
        return self._show(RulesDialog(self.books, self))

    def _current(self, kind: str, what: str) -> str | None:
        index = self.view.currentIndex()
        if index.isValid() and self.model.value(index.row(), "kind") == kind:
            return self.model.value(index.row(), "number")
        QMessageBox.information(self, translate("Purchasing", "Purchasing"), what)
        return None

    def receipt_labels(self, accept: bool = False, on_shown=None):
        """Labels for what a receipt brought in: one per unit received."""
        from desktop.ui.labels_dialog import ask_labels
        number = self._current("purchase-receipt",
                               translate("Purchasing", "Choose a goods receipt in the list first."))
        return number and ask_labels(self, self.books, ("document", number), accept, on_shown)

    def print_order(self, on_shown=None):
        from desktop.ui.print_actions import print_document
        number = self._current("purchase-order",
                               translate("Purchasing", "Choose a purchase order in the list first."))
        return number and print_document(self, self.books.engine, "purchase-order", number,
                                         on_shown=on_shown)

    def open_row(self, row: int):
        if self.model.value(row, "kind") != "purchase-order":
            return None
        return self.open_order(self.model.value(row, "number"))

    def open_order(self, number: str) -> "OrderView":
        view = OrderView(self.books, number, self)
        view.changed.connect(self._done)
        self.dialog = view
        view.open()
        return view


class OrderView(QDialog):
    """One purchase order: its lines with what has come, and the actions its state allows."""

    changed = Signal(str)

    def __init__(self, books: Books, number: str, parent=None):
        super().__init__(parent)
        self.books, self.number = books, number
        self.resize(860, 480)
        self.header = QLabel(self)
        self.header.setObjectName("orderHeader")
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.table = read_only_table(self, "orderLines", [
            translate("Purchasing", "SKU"), translate("Purchasing", "Name"),
            translate("Purchasing", "Ordered"), translate("Purchasing", "Received"),
            translate("Purchasing", "Still due"), translate("Purchasing", "Unit cost"),
            translate("Purchasing", "Amount")], stretch=1)
        self.error = error_label(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        self.actions: dict[str, object] = {}
        for key, text, slot in (
                ("submit", translate("Purchasing", "Submit"), self.submit),
                ("approve", translate("Purchasing", "Approve"), self.approve),
                ("reject", translate("Purchasing", "Reject…"), self.reject_order),
                ("receive", translate("Purchasing", "Receive…"), self.receive),
                ("cancel", translate("Purchasing", "Cancel the order"), self.cancel_order),
                ("print", translate("Purchasing", "Print…"), self.print_order)):
            button = self.buttons.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
            button.setObjectName(key)
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            self.actions[key] = button
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.load()

    def load(self) -> None:
        o = self.order = self.books.order_detail(self.number)
        self.setWindowTitle(translate("Purchasing", "Purchase order {number}").format(
            number=o.number))
        parts = [f"{o.number}  {o.supplier}  {money_text(o.total)}",
                 translate("Purchasing", "Status: {status}; made by {creator} on {when}").format(
                     status=status_text(o.status), creator=o.creator,
                     when=datetime_text(o.created_at))]
        if o.expected:
            parts.append(translate("Purchasing", "Expected on {date}").format(
                date=date_text(o.expected)))
        if o.urgent:
            parts.append(translate("Purchasing", "URGENT"))
        if o.status == "rejected":
            parts.append(translate("Purchasing", "Rejected: {reason}").format(reason=o.reason))
        self.header.setText("\n".join(parts))
        if o.urgent:
            self.header.setStyleSheet(style.ERROR_STYLE)
        self.table.setRowCount(len(o.lines))
        for r, l in enumerate(o.lines):
            for c, text in enumerate((l.sku, l.name, qty_text(l.qty), qty_text(l.received),
                                      qty_text(l.remaining), money_text(l.cost),
                                      money_text(line_amount(l.cost, l.qty)))):
                item = QTableWidgetItem(text)
                if c >= 2:
                    item.setTextAlignment(_RIGHT)
                self.table.setItem(r, c, item)
        mine = {w.number for w in self.books.approvals_inbox()} if may(
            self.books.actor, "approve") else set()
        actor = self.books.actor
        allowed = {
            "submit": o.status == "draft" and may(actor, "purchase-order"),
            "approve": o.number in mine, "reject": o.number in mine,
            "receive": o.status in ("approved", "partly-received")
                       and may(actor, "purchase-receipt"),
            "cancel": o.status in ("draft", "awaiting-approval", "approved")
                      and (may(actor, "cancel") or o.creator == actor.name),
            "print": True}
        for key, button in self.actions.items():
            button.setVisible(allowed[key])

    def _run(self, action) -> bool:
        self.error.hide()
        try:
            done = action()
        except BooksError as exc:
            show_refusal(self.error, exc.message)
            self.error.show()
            return False
        self.changed.emit(getattr(done, "number", self.number))
        self.load()
        return True

    def print_order(self):
        """The order as the supplier gets it, in the preview."""
        from desktop.ui.print_actions import print_document
        return print_document(self, self.books.engine, "purchase-order", self.number)

    def submit(self) -> bool:
        return self._run(lambda: self.books.submit_order(self.number))

    def approve(self) -> bool:
        return self._run(lambda: self.books.approve(self.number))

    def reject_order(self, reason: str | None = None) -> bool:
        reason = reason if reason is not None else ask_reason(self, self.number)
        if reason is None:
            return False
        return self._run(lambda: self.books.reject(self.number, reason))

    def cancel_order(self) -> bool:
        return self._run(lambda: self.books.cancel(self.number))

    def receive(self) -> ReceiveDialog:
        dialog = ReceiveDialog(self.books, self.number, self)
        self.receive_dialog = dialog
        dialog.saved.connect(lambda n: (self.changed.emit(n), self.load()))
        dialog.open()
        return dialog

