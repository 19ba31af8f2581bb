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
from desktop.ui.formats import count_text, date_edit_format, localized, month_text, percent_text
from desktop.ui.refusals import show_refusal
from desktop.ui.widgets import error_label

translate = QCoreApplication.translate
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _date_edit(parent, value: QDate) -> QDateEdit:
    edit = QDateEdit(value, parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(date_edit_format())
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
            show_refusal(self.error, exc.message)
            self.error.show()
            return

        def num(v) -> str:
            """Hours (a mean to one decimal): '12', '0.5', '1,234.5'."""
            if v is None:
                return "-"
            text = f"{v:.1f}"
            return localized(text[:-2] if text.endswith(".0") else text)

        def month(key: str) -> str:
            try:
                year, number = key.split("-")
                return month_text(int(year), int(number))
            except ValueError:
                return key

        self.table.setRowCount(len(months))
        for r, m in enumerate(months):
            rate = "-" if m.rejection_rate is None else percent_text(round(m.rejection_rate * 1000))
            for c, text in enumerate((month(m.month), count_text(m.orders),
                                      count_text(m.approved), count_text(m.rejected), rate,
                                      num(m.hours_to_approval), num(m.hours_to_receipt),
                                      count_text(m.escalations), count_text(m.timeouts),
                                      count_text(m.reassignments))):
                item = QTableWidgetItem(str(text))
                if c:
                    item.setTextAlignment(_RIGHT)
                self.table.setItem(r, c, item)
