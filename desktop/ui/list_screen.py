"""A screen that is a list: heading, search box, actions, the lazy table, the total.

Every list in the app is one of these over a db.lists.PagedList: search as
you type (the model reads off the GUI thread and drops stale answers), sort
by clicking a column header (keyset on that column), export of the whole
list -- in the order and with the search shown -- to .xlsx off the GUI
thread with a progress bar and a cancel button.
"""
from __future__ import annotations

import datetime as dt
import threading
from decimal import Decimal
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QFileDialog, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QMessageBox, QProgressDialog, QPushButton, QTableView,
                               QVBoxLayout, QWidget)
from sqlalchemy import Engine

from db import lists
from db.engine import read_connection
from desktop.ui.formats import count_text, date_text, datetime_text, money_text, qty_text
from desktop.ui.paged_model import Column, PagedTableModel
from desktop.ui.workers import run_in_background

translate = QCoreApplication.translate
EXPORT_PAGE = 2000


def money_column(title: str, width: int = 12) -> Column:
    """Fen shown as the locale writes money (desktop.ui.formats), exported as a number."""
    return Column(title, money_text, numeric=True, width=width, kind="money")


def qty_column(title: str, width: int = 10) -> Column:
    return Column(title, qty_text, numeric=True, width=width, kind="qty")


def _or_as_is(show: Callable[[Any], str]) -> Callable[[Any], str]:
    """show(value), or the value as it is when it is no date (never an error in paint)."""
    def text(value: Any) -> str:
        try:
            return show(value)
        except (TypeError, ValueError):
            return str(value)
    return text


def date_column(title: str, width: int = 11) -> Column:
    """A date shown as the locale writes it, exported as a date."""
    return Column(title, _or_as_is(date_text), width=width, kind="date")


def datetime_column(title: str, width: int = 17, seconds: bool = False) -> Column:
    return Column(title, _or_as_is(lambda v: datetime_text(v, seconds=seconds)),
                  width=width + (3 if seconds else 0), kind="datetime")


def cell_value(column: Column, value: Any) -> Any:
    """What a raw list value becomes in a spreadsheet cell: money and quantities are
    numbers (Decimal, exact), dates stay dates (never the screen's locale text),
    everything else is the shown text."""
    if value is None:
        return None
    if column.kind == "money":
        return Decimal(value).scaleb(-2)
    if column.kind == "qty":
        return Decimal(value).scaleb(-3)
    if column.kind in ("date", "datetime"):
        return value if isinstance(value, dt.date) else str(value)
    if isinstance(value, (dt.date, int, Decimal)) and column.fmt is None:
        return value
    return column.fmt(value) if column.fmt else str(value)


class PagedTableView(QTableView):
    """A table with fixed row heights that says when it has painted."""
    painted = Signal()
    returnPressed = Signal(int)     # Enter on a row: open it

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        vh = self.verticalHeader()
        vh.setVisible(False)
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(self.fontMetrics().height() + 10)
        hh = self.horizontalHeader()
        hh.setHighlightSections(False)
        hh.setMinimumSectionSize(40)
        hh.setSortIndicatorShown(True)

    def paintEvent(self, event):
        super().paintEvent(event)
        self.painted.emit()

    def keyPressEvent(self, event):
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.returnPressed.emit(self.currentIndex().row())
            event.accept()
            return
        super().keyPressEvent(event)

    def size_columns(self, columns: list[Column]) -> None:
        """Widths from each column's size in characters: never resize-to-contents."""
        unit = self.fontMetrics().averageCharWidth()
        hh = self.horizontalHeader()
        title_width = hh.fontMetrics().horizontalAdvance
        for i, c in enumerate(columns):
            hh.resizeSection(i, max(c.width * unit + 16, title_width(c.title) + 32))
            if c.stretch:
                hh.setSectionResizeMode(i, QHeaderView.ResizeMode.Stretch)

    def visible_rows(self) -> int:
        model = self.model()
        if model is None or model.rowCount() == 0:
            return 0
        first = self.rowAt(0)
        last = self.rowAt(self.viewport().height() - 1)
        if last < 0:
            last = model.rowCount() - 1
        return last - first + 1 if first >= 0 else 0


class ListScreen(QWidget):
    """A heading, a search box, actions, a lazily paged table and the total count."""
    opened = Signal(int)        # a row was opened (double-click or Enter)

    def __init__(self, engine: Engine, source: lists.PagedList, columns: list[Column],
                 title: str, count_text: Callable[[int], str], *,
                 search_hint: str = "", parent=None):
        super().__init__(parent)
        self.engine = engine
        self.title = title
        self._count_text = count_text
        self.model = PagedTableModel(engine, source, columns, parent=self)
        self.view = PagedTableView(self)
        self.view.setModel(self.model)
        self.view.size_columns(columns)
        column, order = self.model.sort_column()
        self.view.horizontalHeader().setSortIndicator(column, order)
        self.view.setSortingEnabled(True)        # header clicks -> model.sort -> keyset on that key

        heading = QLabel(title, self)
        heading.setObjectName("screenHeading")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)

        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(search_hint or translate("Lists", "Search"))
        self.search.setMinimumWidth(320)
        self.search.textChanged.connect(self.model.set_search)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self,
                  activated=lambda: (self.search.setFocus(), self.search.selectAll()))

        self.toolbar = QHBoxLayout()
        self.toolbar.setSpacing(6)
        self.toolbar.addWidget(self.search)
        self.toolbar.addStretch(1)
        self.export_button = self.add_action(translate("Lists", "Export to Excel…"),
                                             self.export, "exportButton")

        self.status = QLabel(self)
        self.status.setObjectName("listTotal")
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        layout.addLayout(top)
        layout.addLayout(self.toolbar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        self.model.totalChanged.connect(self._show_total)
        self.model.failed.connect(self._show_failure)
        self.view.doubleClicked.connect(lambda index: self.opened.emit(index.row()))
        self.view.returnPressed.connect(self.opened.emit)

    def add_action(self, text: str, slot: Callable[[], None], name: str = "") -> QPushButton:
        """A button in the toolbar, before the export button."""
        button = QPushButton(text, self)
        if name:
            button.setObjectName(name)
        button.clicked.connect(lambda _checked=False: slot())
        self.toolbar.insertWidget(self.toolbar.count() - 1 if hasattr(self, "export_button")
                                  else self.toolbar.count(), button)
        return button

    def open_selected(self) -> None:
        """Opens the current row, as Enter or a double-click would."""
        index = self.view.currentIndex()
        if index.isValid():
            self.opened.emit(index.row())

    def show_editor(self, editor):
        """Opens an editor dialog whose `saved(str)` refreshes the list and says so."""
        self.editor = editor
        editor.saved.connect(self._saved)
        editor.open()
        return editor

    def _saved(self, name: str) -> None:
        self.model.refresh()
        self.status.setText(translate("Lists", "Saved {name}.").format(name=name))

    def _show_total(self, total: int) -> None:
        self.status.setText(translate("Lists", "Counting…") if total < 0
                            else self._count_text(total))

    def _show_failure(self, message: str) -> None:
        self.status.setText(translate("Lists", "Could not read the list: {message}")
                            .format(message=message))

    def closeEvent(self, event) -> None:
        self.model.cancel()           # a count still running would hold up the next screen
        super().closeEvent(event)

    def refresh(self) -> None:
        self.model.refresh()

    # -- export
    def export(self, path: str | None = None) -> None:
        """Writes the list as shown (search and order) to an .xlsx file, off the GUI thread."""
        if path is None:
            suggested = f"{self.title}-{dt.date.today():%Y%m%d}.xlsx"
            path, _ = QFileDialog.getSaveFileName(self, translate("Lists", "Export to Excel"),
                                                  suggested, translate("Lists", "Excel workbook (*.xlsx)"))
            if not path:
                return
            if not path.lower().endswith(".xlsx"):
                path += ".xlsx"
        model = self.model
        source, query, columns = model.source, model.query, model.columns
        total = model.total
        stop = threading.Event()
        progress = QProgressDialog(translate("Lists", "Exporting {title}…").format(title=self.title),
                                   translate("Lists", "Cancel"), 0, max(total, 0), self)
        progress.setObjectName("exportProgress")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        progress.canceled.connect(stop.set)
        engine = self.engine

        def rows():
            after = None
            with read_connection(engine) as conn:
                while True:
                    page = source.page(conn, query, after, EXPORT_PAGE)
                    for raw in page:
                        yield tuple(cell_value(c, v) for c, v in zip(columns, raw))
                    if len(page) < EXPORT_PAGE:
                        return
                    after = source.cursor(query, page[-1])

        def work(report):
            from desktop.export import export_xlsx

            formats = {i: "0.00" if c.kind == "money" else "0.###"
                       for i, c in enumerate(columns) if c.kind in ("money", "qty")}
            return export_xlsx(path, self.title[:31], [c.title for c in columns], rows(),
                               numeric_formats=formats,
                               progress=lambda n: report(n, max(total, n)),
                               cancelled=stop.is_set)

        def done(count: int) -> None:
            progress.close()
            self.status.setText(translate("Lists", "Exported {n} rows to {path}")
                                .format(n=count_text(count), path=path))
            self.exported = path

        def failed(message: str) -> None:
            progress.close()
            if not stop.is_set():
                QMessageBox.warning(self, self.title, message)
            self.status.setText(message)

        def report(done_rows: int, of: int) -> None:
            if progress.maximum() != of:
                progress.setMaximum(of)
            progress.setValue(min(done_rows, of))

        self.export_task = run_in_background(work, done, failed, report)
