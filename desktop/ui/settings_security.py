"""Settings → Security: the window's idle lock (db.security) and the books
closed through a date (db.periods). Both are the owner's."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, Signal
from PySide6.QtWidgets import (QCheckBox, QDateEdit, QFormLayout, QGroupBox, QHBoxLayout, QLabel,
                               QPushButton, QSpinBox, QWidget)

from db import clock, periods, security
from db.books import Books
from db.engine import read_connection
from db.errors import BooksError
from db.permissions import may
from desktop.ui.formats import date_edit_format, date_text
from desktop.ui.refusals import refusal_text
from desktop.ui.widgets import error_label

translate = QCoreApplication.translate


class SecurityBox(QGroupBox):
    """Emits idle_minutes_changed(minutes) once a new idle time is saved."""
    idle_minutes_changed = Signal(int)

    def __init__(self, books: Books, parent: QWidget | None = None):
        super().__init__(translate("Security", "Security"), parent)
        self.setObjectName("securityBox")
        self.books = books
        owner = may(books.actor, "settings")
        form = QFormLayout(self)

        self.idle = QSpinBox(self)
        self.idle.setObjectName("idleMinutes")
        self.idle.setRange(0, security.IDLE_MAX)
        self.idle.setSpecialValueText(translate("Security", "never"))
        self.idle.setSuffix(translate("Security", " min"))
        self.idle.setEnabled(owner)
        self.idle.editingFinished.connect(self.save_idle)
        form.addRow(translate("Security", "Lock the window after idle:"), self.idle)

        self.closed = QCheckBox(translate("Security", "Books closed through"), self)
        self.closed.setObjectName("booksClosed")
        self.closed_date = QDateEdit(self)
        self.closed_date.setObjectName("closedThrough")
        self.closed_date.setCalendarPopup(True)
        self.closed_date.setDisplayFormat(date_edit_format())
        self.closed.toggled.connect(self.closed_date.setEnabled)
        self.save_period_button = QPushButton(translate("Security", "Save"), self)
        self.save_period_button.setObjectName("savePeriod")
        self.save_period_button.clicked.connect(self.save_period)
        row = QHBoxLayout()
        row.addWidget(self.closed)
        row.addWidget(self.closed_date)
        row.addStretch(1)
        row.addWidget(self.save_period_button)
        form.addRow(row)
        form.addRow(QLabel(translate(
            "Security", "Nothing dated on or before a closed date may be posted or cancelled."),
            self))
        for w in (self.closed, self.closed_date, self.save_period_button):
            w.setEnabled(owner)
        self.message = QLabel(self)
        self.message.setObjectName("securityMessage")
        self.error = error_label(self)
        form.addRow(self.message)
        form.addRow(self.error)
        self.refresh()

    def refresh(self) -> None:
        with read_connection(self.books.engine) as conn:
            self.idle.setValue(security.idle_minutes(conn))
            through = periods.closed_through(conn)
        self.closed.setChecked(through is not None)
        shown = through or clock.today() - dt.timedelta(days=clock.today().day)
        self.closed_date.setDate(QDate(shown.year, shown.month, shown.day))
        self.closed_date.setEnabled(through is not None and may(self.books.actor, "settings"))

    def _fail(self, message: str) -> None:
        self.message.clear()
        self.error.setText(message)
        self.error.show()

    def _done(self, text: str) -> None:
        self.error.hide()
        self.message.setText(text)

    def save_idle(self) -> bool:
        minutes = self.idle.value()
        try:
            self.books.set_setting(security.IDLE_KEY, str(minutes))
        except BooksError as exc:
            self._fail(refusal_text(exc.message))
            return False
        self._done(translate("Security", "Saved: the window locks after {n} minutes idle.")
                   .format(n=minutes) if minutes else
                   translate("Security", "Saved: the window never locks by itself."))
        self.idle_minutes_changed.emit(minutes)
        return True

    def save_period(self) -> bool:
        try:
            if self.closed.isChecked():
                date = self.closed_date.date().toPython()
                periods.close_through(self.books.engine, self.books.actor, date)
                text = translate("Security", "Saved: the books are closed through {date}.") \
                    .format(date=date_text(date))
            else:
                periods.reopen(self.books.engine, self.books.actor)
                text = translate("Security", "Saved: no period is closed.")
        except BooksError as exc:
            self._fail(refusal_text(exc.message))
            return False
        self._done(text)
        return True
