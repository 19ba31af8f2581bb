"""The approvals inbox: the purchase orders waiting for a decision this person
may take, urgent (and overdue) ones red and on top; the chosen order's lines
below; Approve and Reject (with a reason that goes back to the creator). Under
it, this person's own orders that came back rejected, with the reasons.

The main window shows the inbox's count beside its name in the navigation
and refreshes it every minute (db.approvals escalates overdue steps when the
count is read, so an order whose approver is away turns up in the next
inbox up without anyone doing anything)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QHBoxLayout, QHeaderView, QInputDialog, QLabel, QPushButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)
from sqlalchemy import Engine

from db.audit import Actor
from db.books import Books
from db.errors import BooksError
from db.money import line_amount
from desktop.ui import style
from desktop.ui.formats import count_text, datetime_text, money_text, qty_text
from desktop.ui.refusals import show_refusal
from desktop.ui.widgets import enlarge, error_label, read_only_table

translate = QCoreApplication.translate
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
RED = QBrush(QColor(style.ERROR))


def ask_reason(parent, number: str) -> str | None:
    """Why an order is rejected (its creator reads it); None when the person backed out."""
    reason, ok = QInputDialog.getText(
        parent, translate("Approvals", "Reject {number}").format(number=number),
        translate("Approvals", "Why (its creator reads this):"))
    return reason if ok else None


def role_text(role: str) -> str:
    return {"manager": translate("Approvals", "a manager"),
            "owner": translate("Approvals", "the owner")}.get(role, role)


def _fill(table: QTableWidget, rows: list[tuple], right: set[int], brush=None) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, text in enumerate(values):
            item = QTableWidgetItem(str(text))
            if c in right:
                item.setTextAlignment(_RIGHT)
            if brush is not None and brush[r] is not None:
                item.setForeground(brush[r])
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            table.setItem(r, c, item)
    table.resizeColumnsToContents()          # a handful of rows: every number whole


class ApprovalsScreen(QWidget):
    count_changed = Signal(int)

    def __init__(self, engine: Engine, actor: Actor, parent=None):
        super().__init__(parent)
        self.setObjectName("approvals")
        self.books = Books(engine, actor)
        self.waiting: list = []
        heading = QLabel(translate("Approvals", "Approvals"), self)
        heading.setObjectName("screenHeading")
        enlarge(heading, 1.4)
        self.summary = QLabel(self)
        self.summary.setObjectName("summary")
        self.table = read_only_table(self, "inbox", [
            translate("Approvals", "Order"), translate("Approvals", "Supplier"),
            translate("Approvals", "Total"), translate("Approvals", "Made by"),
            translate("Approvals", "Waiting since"), translate("Approvals", "Waits for"),
            translate("Approvals", "Due"), translate("Approvals", "Note")])
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._show_lines)
        self.lines = read_only_table(self, "inboxLines", [
            translate("Approvals", "SKU"), translate("Approvals", "Name"),
            translate("Approvals", "Qty"), translate("Approvals", "Unit cost"),
            translate("Approvals", "Amount")])
        self.lines.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.approve_button = QPushButton(translate("Approvals", "Approve"), self)
        self.approve_button.setObjectName("approve")
        self.approve_button.clicked.connect(lambda: self.approve())
        self.reject_button = QPushButton(translate("Approvals", "Reject…"), self)
        self.reject_button.setObjectName("reject")
        self.reject_button.clicked.connect(lambda: self.reject())
        refresh = QPushButton(translate("Approvals", "Refresh"), self)
        refresh.clicked.connect(self.refresh)
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.error = error_label(self)
        self.back_label = QLabel(translate("Approvals", "Your orders that came back rejected "
                                                        "(last 30 days)"), self)
        self.back = read_only_table(self, "rejected", [
            translate("Approvals", "Order"), translate("Approvals", "Supplier"),
            translate("Approvals", "Total"), translate("Approvals", "Rejected"),
            translate("Approvals", "By"), translate("Approvals", "Reason")])
        self.back.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        buttons = QHBoxLayout()
        buttons.addWidget(self.approve_button)
        buttons.addWidget(self.reject_button)
        buttons.addStretch(1)
        buttons.addWidget(refresh)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.lines, 2)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.error)
        layout.addWidget(self.back_label)
        layout.addWidget(self.back, 1)
        self.refresh()

    # -- reading
    def refresh(self) -> None:
        self.error.hide()
        try:
            self.waiting = self.books.approvals_inbox()
            rejected = self.books.rejected_orders()
        except BooksError as exc:
            show_refusal(self.error, exc.message)
            self.error.show()
            return
        rows, brushes = [], []
        for w in self.waiting:
            note = []
            if w.urgent:
                note.append(translate("Approvals", "urgent"))
            if w.escalations:
                note.append(translate("Approvals", "escalated {n}×").format(n=w.escalations))
            if w.timed_out:
                note.append(translate("Approvals", "overdue"))
            rows.append((w.number, w.supplier, money_text(w.total), w.creator,
                         datetime_text(w.since), role_text(w.role),
                         datetime_text(w.due_at), ", ".join(note)))
            brushes.append(RED if w.urgent or w.timed_out else None)
        _fill(self.table, rows, {2}, brushes)
        _fill(self.back, [(r.number, r.supplier, money_text(r.total),
                           datetime_text(r.rejected_at), r.by, r.reason)
                          for r in rejected], {2})
        self.back.setVisible(bool(rejected))
        self.back_label.setVisible(bool(rejected))
        self.summary.setText(translate("Approvals", "{n} orders wait for your decision.").format(
            n=count_text(len(self.waiting))) if self.waiting else
            translate("Approvals", "Nothing waits for your decision."))
        has = bool(self.waiting)
        self.approve_button.setEnabled(has)
        self.reject_button.setEnabled(has)
        if has:
            self.table.selectRow(0)
        else:
            self.lines.setRowCount(0)
        self.count_changed.emit(len(self.waiting))

    def current(self) -> str | None:
        row = self.table.currentRow()
        return self.waiting[row].number if 0 <= row < len(self.waiting) else None

    def _show_lines(self) -> None:
        number = self.current()
        if number is None:
            return
        try:
            order = self.books.order_detail(number)
        except BooksError:
            return
        _fill(self.lines, [(l.sku, l.name, qty_text(l.qty), money_text(l.cost),
                            money_text(line_amount(l.cost, l.qty))) for l in order.lines],
              {2, 3, 4})

    # -- deciding
    def approve(self, number: str | None = None) -> bool:
        number = number or self.current()
        if number is None:
            return False
        return self._decide(number, lambda: self.books.approve(number))

    def reject(self, number: str | None = None, reason: str | None = None) -> bool:
        number = number or self.current()
        if number is None:
            return False
        reason = reason if reason is not None else ask_reason(self, number)
        if reason is None:
            return False
        return self._decide(number, lambda: self.books.reject(number, reason))

    def _decide(self, number: str, action) -> bool:
        self.error.hide()
        try:
            done = action()
        except BooksError as exc:
            show_refusal(self.error, exc.message)
            self.error.show()
            return False
        self.message.setText(translate("Approvals", "{number}: {status}.").format(
            number=number, status=_status(done.status)))
        self.refresh()
        return True


def _status(status: str) -> str:
    from desktop.ui.screens import status_text
    return status_text(status)

