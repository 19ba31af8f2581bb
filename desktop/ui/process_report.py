"""The purchasing process by month (Reports): orders submitted, how long they
took to be approved and to arrive, the rejection rate, escalations, timeouts
and reassignments (db.orders.process_report)."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (QAbstractItemView, QDateEdit, QHBoxLayout, QHeaderView, QLabel,
                               QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)
from sqlalchemy import Engine

from db.audit import Actor
from db.books import Books
from db.errors import BooksError
from desktop.ui.widgets import error_label

translate = QCoreApplication.translate
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _date_edit(parent, value: QDate) -> QDateEdit:
    edit = QDateEdit(value, parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def _py(date: QDate) -> dt.date:
    return dt.date(date.year(), date.month(), date.day())


class ProcessReportView(QWidget):
    def __init__(self, engine: Engine, actor: Actor, parent=None):
        super().__init__(parent)
        self.setObjectName("processReport")
        self.books = Books(engine, actor)
        today = QDate.currentDate()
        self.date_from = _date_edit(self, QDate(today.year(), today.month(), 1).addMonths(-11))
        self.date_from.setObjectName("from")
        self.date_to = _date_edit(self, today)
        self.date_to.setObjectName("to")
        show = QPushButton(translate("Reports", "Show"), self)
        show.clicked.connect(self.refresh)
        heads = [translate("Reports", "Month"), translate("Reports", "Orders"),
                 translate("Reports", "Approved"), translate("Reports", "Rejected"),
                 translate("Reports", "Rejection rate"),
                 translate("Reports", "Hours to approval"),
                 translate("Reports", "Hours to receipt"), translate("Reports", "Escalations"),
                 translate("Reports", "Timeouts"), translate("Reports", "Reassigned")]
        self.table = QTableWidget(0, len(heads), self)
        self.table.setObjectName("processTable")
        self.table.setHorizontalHeaderLabels(heads)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.note = QLabel(translate("Reports", "Per month of submission; hours are means from "
                                                "submission. Escalations and timeouts count "
                                                "approval steps left past their time limit."),
                           self)
        self.note.setWordWrap(True)
        self.error = error_label(self)
        row = QHBoxLayout()
        row.addWidget(QLabel(translate("Reports", "From"), self))
        row.addWidget(self.date_from)
        row.addWidget(QLabel(translate("Reports", "to"), self))
        row.addWidget(self.date_to)
        row.addWidget(show)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.error)

    def refresh(self) -> None:
        self.error.hide()
        try:
            months = self.books.process_report(_py(self.date_from.date()), _py(self.date_to.date()))
        except BooksError as exc:
            self.error.setText(exc.message)
            self.error.show()
            return

        def num(v) -> str:
            return "-" if v is None else f"{v:g}"

        self.table.setRowCount(len(months))
        for r, m in enumerate(months):
            rate = "-" if m.rejection_rate is None else f"{m.rejection_rate * 100:.1f}%"
            for c, text in enumerate((m.month, m.orders, m.approved, m.rejected, rate,
                                      num(m.hours_to_approval), num(m.hours_to_receipt),
                                      m.escalations, m.timeouts, m.reassignments)):
                item = QTableWidgetItem(str(text))
                if c:
                    item.setTextAlignment(_RIGHT)
                self.table.setItem(r, c, item)
