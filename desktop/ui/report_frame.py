"""The frame every report shares: a table of rows with its total pinned under it,
the controls above it, Export to Excel and Print (desktop.ui.sales_report,
desktop.ui.more_reports); and the reports' own pool: one low-priority thread,
so a long report never holds the threads the counter's and the lists' work
runs on."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Callable

from PySide6.QtCore import (QAbstractTableModel, QCoreApplication, QDate, QModelIndex, QObject,
                            QThread, QThreadPool, Qt, Signal)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QAbstractItemView, QDateEdit, QFileDialog, QHBoxLayout, QHeaderView,
                               QLabel, QMessageBox, QProgressBar, QPushButton, QTableView,
                               QVBoxLayout, QWidget)
from sqlalchemy import Engine

from db.audit import Actor
from db.engine import read_connection
from db.errors import BooksError
from db.money import round_div
from db.permissions import may
from desktop.ui import style, workers
from desktop.ui.formats import (count_text, date_edit_format, date_text, money_text, percent_text,
                                qty_text, when_text)
from desktop.ui.refusals import refusal_text

translate = QCoreApplication.translate
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
DEFAULT_MONTHS = 3


# ---------------------------------------------------------------- off the GUI thread

_pool: QThreadPool | None = None


def report_pool() -> QThreadPool:
    """The reports' own pool: one thread at low priority (the application owns it,
    so it waits for a report still running as the app quits)."""
    global _pool
    if _pool is None:
        _pool = QThreadPool(QCoreApplication.instance())
        _pool.setMaxThreadCount(1)
        _pool.setThreadPriority(QThread.Priority.LowPriority)
    return _pool


def run_report(fn: Callable, on_done: Callable, on_failed: Callable,
               owner: QObject | None = None) -> workers.Task:
    """workers.run_in_background on the reports' pool (a result for a deleted owner
    is dropped)."""
    return workers.run_in_background(fn, on_done, on_failed, owner=owner, pool=report_pool())


def total_text() -> str:
    return translate("SalesReport", "Total")


def margin_permille(profit: int, amount: int) -> int | None:
    return None if amount == 0 else round_div(profit * 1000, amount)


NUMERIC = frozenset({"qty", "money", "percent", "count"})


@dataclass(frozen=True)
class Field:
    """A column: kind text | count | qty (thousandths) | money (fen) | percent
    (permille) | date | when (a date, or a date and time; a date/datetime or ISO
    text). name says what it holds (and how wide it is)."""
    title: str
    name: str
    kind: str = "text"

    @property
    def numeric(self) -> bool:
        return self.kind in NUMERIC


WIDTHS = {"qty": 12, "money": 14, "percent": 8, "count": 8, "text": 14, "date": 11,
          "when": 17}     # characters
NAME_WIDTHS = {"label": 34, "name": 30, "party": 30, "group": 28, "time": 19, "number": 22,
               "kind": 10, "user": 12, "rank": 6}


def shown(kind: str, value) -> str:
    """A raw value as the table, the paper and the status line show it: by the
    locale (desktop.ui.formats), so a printed report reads as the screen does."""
    if value is None:
        return ""
    if kind == "money":
        return money_text(value)
    if kind == "qty":
        return qty_text(value)
    if kind == "percent":
        return percent_text(value)
    if kind == "count" and isinstance(value, int):
        return count_text(value)
    if kind in ("date", "when"):
        try:
            return date_text(value) if kind == "date" else when_text(value)
        except (TypeError, ValueError):          # the total row's word, a blank
            return str(value)
    return str(value)


def as_cell(kind: str, value) -> Any:
    """A raw value as a spreadsheet cell: exact numbers (Decimal), dates as dates
    (ISO text stays text), text as text -- never the screen's locale text."""
    if value is None:
        return None
    if kind == "money":
        return Decimal(value).scaleb(-2)
    if kind in ("qty", "percent"):
        return Decimal(value).scaleb(-3)
    return value


@dataclass
class Result:
    """What a report's question answers: its columns, rows of raw values, the
    total row (or None), a line to say under it, anything the report keeps."""
    fields: list[Field]
    rows: list[list]
    total: list | None = None
    note: str = ""
    extra: Any = field(default=None)


# ---------------------------------------------------------------- the table

class RowsModel(QAbstractTableModel):
    """Rows of raw values, formatted when painted; total_only: the one bold
    row of the total (the footer)."""

    def __init__(self, parent=None, *, total_only: bool = False):
        super().__init__(parent)
        self.total_only = total_only
        self.fields: list[Field] = []
        self.rows: list[list] = []
        self.total: list | None = None
        self._bold = QFont()
        self._bold.setBold(True)

    def show(self, fields: list[Field], rows: list[list], total: list | None) -> None:
        self.beginResetModel()
        self.fields, self.rows, self.total = fields, rows, total
        self.endResetModel()

    def append(self, rows: list[list]) -> None:
        if rows:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(rows) - 1)
            self.rows = self.rows + rows
            self.endInsertRows()

    def rowCount(self, parent=QModelIndex()) -> int:
        if parent.isValid():
            return 0
        return (1 if self.total is not None else 0) if self.total_only else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.fields)

    def text(self, row: int, column: int) -> str:
        values = self.total if self.total_only else self.rows[row]
        return shown(self.fields[column].kind, values[column])

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(index.row(), index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if self.fields[index.column()].numeric else None
        if role == Qt.ItemDataRole.FontRole and self.total_only:
            return self._bold
        return None

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.fields):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.fields[section].title
            if role == Qt.ItemDataRole.TextAlignmentRole and self.fields[section].numeric:
                return _RIGHT
        return None

    def flags(self, index: QModelIndex):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def report_table(parent: QWidget, name: str) -> QTableView:
    view = QTableView(parent)
    view.setObjectName(name)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    view.horizontalHeader().setHighlightSections(False)
    return view


class TotalsFooter(QTableView):
    """One bold row under a table, its columns kept as wide as the table's and
    scrolled with it: the total stays in sight however long the list."""

    def __init__(self, table: QTableView, model: RowsModel, parent=None):
        super().__init__(parent)
        self.setObjectName("totals")
        self.setModel(model)
        self.horizontalHeader().hide()
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        row = self.fontMetrics().height() + 10
        self.verticalHeader().setDefaultSectionSize(row)
        self.setFixedHeight(row + 2 * self.frameWidth())
        self._table = table
        table.horizontalHeader().sectionResized.connect(
            lambda i, _old, new: self.setColumnWidth(i, new))
        table.horizontalScrollBar().valueChanged.connect(self.horizontalScrollBar().setValue)

    def follow(self) -> None:
        hh = self._table.horizontalHeader()
        for i in range(hh.count()):
            self.setColumnWidth(i, hh.sectionSize(i))


# ---------------------------------------------------------------- shared controls

def date_edit(parent: QWidget, value: dt.date, name: str) -> QDateEdit:
    edit = QDateEdit(QDate(value.year, value.month, value.day), parent)
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(date_edit_format())
    return edit


def py_date(edit: QDateEdit) -> dt.date:
    d = edit.date()
    return dt.date(d.year(), d.month(), d.day())


def default_period(today: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """The last three months, to today."""
    from db import clock
    today = today or clock.today()
    month = today.month - DEFAULT_MONTHS
    year = today.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    return dt.date(year, month, min(today.day, 28)), today


class Busy(QWidget):
    """An endless bar and Cancel, shown while a report is asked."""
    cancelled = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)
        self.bar.setMaximumWidth(180)
        self.bar.setTextVisible(False)
        self.cancel = QPushButton(translate("SalesReport", "Cancel"), self)
        self.cancel.setObjectName("cancelReport")
        self.cancel.clicked.connect(self.cancelled)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(translate("SalesReport", "Working…"), self))
        row.addWidget(self.bar)
        row.addWidget(self.cancel)
        self.hide()


def safe_stem(text: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_ " else "_" for ch in text).strip() or "report"


# ---------------------------------------------------------------- the frame of a report

class TableReport(QWidget):
    """Controls, the table with its total pinned under it, a message line,
    Export and Print. A report gives `title()`, `controls()` and `question()`:
    a function of a connection, run off the GUI thread on the reports' pool,
    returning a Result."""
    answered = Signal()          # a new answer is shown (or why there is none)
    exported = Signal(int)       # rows written
    name = "report"

    def __init__(self, engine: Engine, actor: Actor, parent=None):
        super().__init__(parent)
        self.setObjectName(self.name)
        self.engine, self.actor = engine, actor
        self.see_cost = may(actor, "see-cost")
        self.model = RowsModel(self)
        self.view = report_table(self, "reportTable")
        self.view.setModel(self.model)
        self.totals = RowsModel(self, total_only=True)
        self.footer = TotalsFooter(self.view, self.totals, self)
        self.footer.hide()
        self.show_button = QPushButton(translate("SalesReport", "Show (F5)"), self)
        self.show_button.setObjectName("showReport")
        self.show_button.setShortcut(Qt.Key.Key_F5)
        self.show_button.clicked.connect(self.refresh)
        self.export_button = QPushButton(translate("SalesReport", "Export to Excel…"), self)
        self.export_button.setObjectName("exportReport")
        self.export_button.clicked.connect(lambda: self.export())
        self.print_button = QPushButton(translate("SalesReport", "Print…"), self)
        self.print_button.setObjectName("printReport")
        self.print_button.clicked.connect(lambda: self.print_report())
        self.busy = Busy(self)
        self.busy.cancelled.connect(self.cancel)
        self.status = QLabel(self)
        self.status.setObjectName("reportStatus")
        self.status.setWordWrap(True)
        self.error = QLabel(self)
        self.error.setObjectName("error")
        self.error.setStyleSheet(style.ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        row = QHBoxLayout()
        for w in self.controls():
            if w is None:
                row.addSpacing(12)
            else:
                row.addWidget(w)
        row.addWidget(self.show_button)
        row.addStretch(1)
        row.addWidget(self.busy)
        row.addWidget(self.export_button)
        row.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.footer)
        self.extra(layout)
        layout.addWidget(self.error)
        layout.addWidget(self.status)
        self.running = False
        self.result: Result | None = None
        self.shown_title, self.shown_about = "", []
        self._generation = 0
        self._set_enabled()

    # -- what a report says (its subclass)
    def title(self) -> str:
        raise NotImplementedError

    def controls(self) -> list[QWidget | None]:
        """The widgets before Show, left to right (None: a gap)."""
        return []

    def extra(self, layout: QVBoxLayout) -> None:
        """Room for more under the table."""

    def question(self) -> Callable[[Any], Result]:
        """Reads the controls (on the GUI thread); returns ask(conn) -> Result."""
        raise NotImplementedError

    def about(self) -> list[str]:
        """The lines under the printed title: what the report covers."""
        return []

    # -- asking
    def refresh(self) -> None:
        self.error.hide()
        try:
            ask = self.question()
        except BooksError as exc:
            self.failed(refusal_text(exc.message))
            return
        self._generation += 1
        generation, engine = self._generation, self.engine
        shown_as = (self.title(), self.about())
        self.running = True
        self.busy.show()
        self._set_enabled()

        def work(_report) -> Result:
            with read_connection(engine) as conn:
                return ask(conn)

        def done(result: Result) -> None:
            if generation == self._generation:
                self.shown_title, self.shown_about = shown_as
                self.show_result(result)

        def failed(message: str) -> None:
            if generation == self._generation:
                self.failed(message)

        run_report(work, done, failed, owner=self)

    def cancel(self) -> None:
        """Stops waiting: the answer, when it comes, is dropped."""
        self._generation += 1
        self._stop()
        self.status.setText(translate("SalesReport", "Cancelled."))

    def _stop(self) -> None:
        self.running = False
        self.busy.hide()
        self._set_enabled()

    def failed(self, message: str) -> None:
        self._stop()
        self.error.setText(message)
        self.error.show()
        self.answered.emit()

    def show_result(self, result: Result) -> None:
        self.result = result
        self.model.show(result.fields, result.rows, result.total)
        self.totals.show(result.fields, result.rows, result.total)
        self._size_columns()
        self.footer.follow()
        self.footer.setVisible(result.total is not None)
        self.status.setText(result.note or translate("SalesReport", "{n} rows").format(
            n=count_text(len(result.rows))))
        self._stop()
        self.answered.emit()

    def _set_enabled(self) -> None:
        has = self.result is not None and not self.running
        self.export_button.setEnabled(has)
        self.print_button.setEnabled(has)

    def _size_columns(self) -> None:
        """Widths by what the columns hold, never by reading every cell; a name
        (a product's) takes the room left."""
        hh = self.view.horizontalHeader()
        unit = self.fontMetrics().averageCharWidth()
        for i, f in enumerate(self.model.fields):
            chars = NAME_WIDTHS.get(f.name, WIDTHS[f.kind])
            title = hh.fontMetrics().horizontalAdvance(f.title) + 24
            hh.setSectionResizeMode(i, QHeaderView.ResizeMode.Interactive)
            hh.resizeSection(i, max(chars * unit + 16, title))
            if f.name == "label":
                hh.setSectionResizeMode(i, QHeaderView.ResizeMode.Stretch)

    # -- out
    def text_rows(self) -> tuple[list[list[str]], list[str] | None]:
        """The rows and the total as shown."""
        m, t = self.model, self.totals
        rows = [[m.text(r, c) for c in range(m.columnCount())] for r in range(m.rowCount())]
        total = [t.text(0, c) for c in range(t.columnCount())] if t.rowCount() else None
        return rows, total

    def cell_rows(self) -> list[list]:
        """The rows, then the total, as spreadsheet cells."""
        fields = self.model.fields
        rows = self.model.rows + ([self.model.total] if self.model.total is not None else [])
        return [[as_cell(f.kind, v) for f, v in zip(fields, r)] for r in rows]

    def export(self, path: str | None = None) -> None:
        if self.result is None:
            return
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, translate("SalesReport", "Export to Excel"),
                f"{safe_stem(self.shown_title)}.xlsx",
                translate("SalesReport", "Excel workbook (*.xlsx)"))
            if not path:
                return
            if not path.lower().endswith(".xlsx"):
                path += ".xlsx"
        export_table(self, path, self.shown_title, self.model.fields, self.cell_rows(),
                     self.exported.emit)

    def print_report(self, on_shown=None):
        if self.result is None:
            return None
        rows, total = self.text_rows()
        return print_table(self, self.engine, self.shown_title, self.shown_about,
                           self.model.fields, rows, total, f"{self.name}-{dt.date.today()}",
                           note=self.result.note, on_shown=on_shown)


def export_table(parent: QWidget, path: str, title: str, fields: list[Field], rows: list[list],
                 on_written: Callable[[int], None]) -> None:
    """Rows of cells (the total last, if any) to an .xlsx off the GUI thread
    (desktop.export: formula-like text neutralised, written atomically)."""
    from desktop.export import MONEY_FORMAT, QTY_FORMAT, export_xlsx
    formats = {i: {"money": MONEY_FORMAT, "qty": QTY_FORMAT, "percent": "0.0%",
                   "count": "0"}[f.kind] for i, f in enumerate(fields) if f.numeric}

    def failed(message: str) -> None:
        QMessageBox.warning(parent, title, message)

    run_report(lambda _r: export_xlsx(path, title, [f.title for f in fields], rows,
                                      numeric_formats=formats), on_written, failed, owner=parent)


def print_table(parent: QWidget, engine: Engine, title: str, about: list[str],
                fields: list[Field], rows: list[list[str]], total: list[str] | None,
                stem: str, *, note: str = "", on_shown=None):
    """The table laid out on A4 (desktop.printing.report_pdf), then the preview."""
    from desktop.printing.report_pdf import ReportColumn, report_pdf
    from desktop.ui.print_actions import print_language
    from desktop.ui.print_preview import show_document
    columns = [ReportColumn(f.title, numeric=f.numeric, wide=f.name in ("label", "name", "party"))
               for f in fields]
    language = print_language()

    def make(path):
        from db.printdata import shop_info
        with read_connection(engine) as conn:
            shop = shop_info(conn)
        return report_pdf(path, shop, title, about, columns, rows, total=total, note=note,
                          language=language)
    return show_document(parent, "report", title, stem, make, on_shown)


# ---------------------------------------------------------------- the sales summary
