"""The import screen and its wizard: choose a book, see the sheet as read with
the columns as mapped (change any), see every issue with the spreadsheet's own
row number and column header (filter them), then import all of it in one
transaction or nothing. Reading and importing run off the GUI thread with a
progress bar and Cancel. The screen lists past imports; Undo reverses one.
"""
from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QFileDialog, QFormLayout,
                               QHBoxLayout, QHeaderView, QLabel, QLineEdit, QProgressBar,
                               QPushButton, QStackedWidget, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)
from sqlalchemy import Engine

from db import lists
from db.audit import Actor
from db.engine import write_transaction
from db.errors import BooksError
from db.permissions import may
from desktop.books.mapping import KINDS
from desktop.books.text import Text
from desktop.ui import style
from desktop.ui.formats import count_text
from desktop.ui.list_screen import ListScreen, datetime_column
from desktop.ui.paged_model import Column
from desktop.ui.refusals import refusal_text, show_refusal
from desktop.ui.widgets import enlarge, error_label
from desktop.ui.workers import run_in_background

translate = QCoreApplication.translate
SHOWN_ROWS = 200
FIELDS = {f for spec in KINDS.values() for f in spec["fields"]}
SEVERITY_BRUSH = {"error": QBrush(QColor(style.ERROR)),
                  "warning": QBrush(QColor(style.WARNING))}


def kind_text(kind: str) -> str:
    return {"products": translate("Import", "Products"),
            "customers": translate("Import", "Customers (with what they owe)"),
            "suppliers": translate("Import", "Suppliers (with what the shop owes)"),
            "opening-stock": translate("Import", "Opening stock"),
            "sales-history": translate("Import", "Sales history (for reports)")}[kind]


def field_text(field: str) -> str:
    return {"sku": translate("Import", "SKU"), "name": translate("Import", "Name"),
            "barcode": translate("Import", "Barcode"), "category": translate("Import", "Category"),
            "unit": translate("Import", "Unit"), "price": translate("Import", "Price"),
            "cost": translate("Import", "Cost"), "qty": translate("Import", "Quantity"),
            "min_qty": translate("Import", "Minimum"), "max_qty": translate("Import", "Maximum"),
            "party": translate("Import", "Name"), "phone": translate("Import", "Phone"),
            "balance": translate("Import", "Balance owed"),
            "credit_limit": translate("Import", "Credit limit"),
            "date": translate("Import", "Date"), "amount": translate("Import", "Amount"),
            "customer": translate("Import", "Customer")}.get(field, field)


def issue_catalogue() -> list[str]:
    """Every message template of desktop.books, for lupdate to collect (say() looks
    them up at run time; tests/ui/test_import_wizard.py checks none is missing)."""
    return [
        translate("ImportIssue", "'{raw}' read as {value}"),
        translate("ImportIssue", "spaces taken out"),
        translate("ImportIssue", "{what}: '{value}' is not a date (2024-03-05, 2024/3/5, 2024年3月5日)"),
        translate("ImportIssue", "the ' an export puts before formula-like text taken off"),
        translate("ImportIssue", "full-width characters made plain"),
        translate("ImportIssue", "spaces trimmed"),
        translate("ImportIssue", "unit '{value}' written as '{canon}'"),
        translate("ImportIssue", "{what}: {value} has more than {places} decimals"),
        translate("ImportIssue", "{what}: '{value}' is not a number"),
        translate("ImportIssue", "stored as a number in the book"),
        translate("ImportIssue", "{what}: '{value}' lost its digits to Excel's scientific notation; type the code again as text"),
        translate("ImportIssue", "full-width digits made plain"),
        translate("ImportIssue", "{what}: '{value}' has characters a scanner cannot read"),
        translate("ImportIssue", "{what}: {value} is not a date"),
        translate("ImportIssue", "{what}: {value} lost its digits (Excel stored the code as a number)"),
        translate("ImportIssue", "{what}: {value} has a wrong check digit (it would be {check}); not stored, and not corrected"),
        translate("ImportIssue", "an Excel date number"),
        translate("ImportIssue", "dated {date}: the books are closed through {closed}"),
        translate("ImportIssue", "these rows were imported already from {file} on {when} (batch {batch}): nothing to do"),
        translate("ImportIssue", "no product name"),
        translate("ImportIssue", "the minimum is above the maximum"),
        translate("ImportIssue", "totals row skipped"),
        translate("ImportIssue", "note line skipped: '{text}'"),
        translate("ImportIssue", "no SKU and no barcode"),
        translate("ImportIssue", "{what} cannot be below zero"),
        translate("ImportIssue", "{key} is in the books already as '{name}' with another {column}: change it in the books or in the book"),
        translate("ImportIssue", "no SKU: the barcode is used as the SKU"),
        translate("ImportIssue", "'{name}' is not a name (a phone number or a note?): skipped"),
        translate("ImportIssue", "no SKU or barcode"),
        translate("ImportIssue", "no quantity, or one below zero"),
        translate("ImportIssue", "{key} is also on row {row}, with a different {column}"),
        translate("ImportIssue", "the same as row {row}: merged"),
        translate("ImportIssue", "barcode {code} is also on row {row} ({sku}): left out here"),
        translate("ImportIssue", "{key} is in the books already"),
        translate("ImportIssue", "{key} was retired: brought back"),
        translate("ImportIssue", "{key} is in the books already with another {what}"),
        translate("ImportIssue", "no product"),
        translate("ImportIssue", "barcode {code} belongs to product {sku} in the books: left out"),
        translate("ImportIssue", "no product with SKU or barcode {code} in the books"),
        translate("ImportIssue", "{problem}; left out"),
        translate("ImportIssue", "no amount (nor price and quantity)"),
    ]


def say(text) -> str:
    """An import message in the person's language: its template translated, its
    values put in (those that are messages themselves translated too)."""
    if not isinstance(text, Text):
        return str(text)
    if not text.args and text.template.replace(" ", "_") in FIELDS:
        return field_text(text.template.replace(" ", "_"))
    args = {k: say(v) if isinstance(v, Text) else v for k, v in text.args.items()}
    return translate("ImportIssue", text.template).format(**args)


def severity_text(s: str) -> str:
    return {"error": translate("Import", "error"), "warning": translate("Import", "warning"),
            "info": translate("Import", "cleaned")}.get(s, s)


class ImportWizard(QDialog):
    done = Signal(object)            # the commit's summary

    def __init__(self, engine: Engine, actor: Actor, path: str = "", kind: str = "products",
                 parent=None):
        super().__init__(parent)
        self.engine, self.actor = engine, actor
        self.preview = None
        self.result = None
        self.task = None
        self._cancel = False
        self.setWindowTitle(translate("Import", "Import an old book"))
        self.resize(1180, 720)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._choose_page(path, kind))
        self.pages.addWidget(self._sheet_page())
        self.pages.addWidget(self._issues_page())
        self.progress = QProgressBar(self)
        self.progress.setObjectName("progress")
        self.progress.hide()
        self.error = error_label(self)
        self.back_button = QPushButton(translate("Import", "< Back"), self)
        self.back_button.clicked.connect(self.back)
        self.next_button = QPushButton(translate("Import", "Next >"), self)
        self.next_button.setObjectName("next")
        self.next_button.clicked.connect(self.next)
        self.cancel_button = QPushButton(translate("Import", "Cancel"), self)
        self.cancel_button.clicked.connect(self.cancel)
        row = QHBoxLayout()
        row.addWidget(self.progress, 1)
        row.addStretch(0)
        row.addWidget(self.back_button)
        row.addWidget(self.next_button)
        row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.error)
        layout.addLayout(row)
        self._show_page(0)

    # -- pages
    def _choose_page(self, path: str, kind: str) -> QWidget:
        page = QWidget(self)
        self.kind = QComboBox(page)
        self.kind.setObjectName("kind")
        for k in KINDS:
            self.kind.addItem(kind_text(k), k)
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        self.path = QLineEdit(path, page)
        self.path.setObjectName("path")
        browse = QPushButton(translate("Import", "Choose…"), page)
        browse.clicked.connect(self.browse)
        self.sheet = QComboBox(page)
        self.sheet.setObjectName("sheet")
        self.path.editingFinished.connect(self._load_sheets)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(translate("Import", "What the book holds"), self.kind)
        form.addRow(translate("Import", "The book (.xlsx, .xls, .ods, .csv)"), file_row)
        form.addRow(translate("Import", "Sheet"), self.sheet)
        note = QLabel(translate("Import", "Nothing is written until the last step, and then "
                                          "all of it or nothing. The next page shows the sheet "
                                          "as read and the columns as understood."), page)
        note.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addStretch(1)
        self._load_sheets()
        return page

    def _sheet_page(self) -> QWidget:
        page = QWidget(self)
        self.sheet_note = QLabel(page)
        self.sheet_note.setObjectName("sheetNote")
        self.sheet_note.setWordWrap(True)
        self.grid = QTableWidget(page)
        self.grid.setObjectName("grid")
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        layout = QVBoxLayout(page)
        layout.addWidget(self.sheet_note)
        layout.addWidget(self.grid, 1)
        return page

    def _issues_page(self) -> QWidget:
        page = QWidget(self)
        self.summary = QLabel(page)
        self.summary.setObjectName("summary")
        enlarge(self.summary, 1.1)
        self.summary.setWordWrap(True)
        self.filter = QComboBox(page)
        self.filter.setObjectName("filter")
        for value, text in (("", translate("Import", "Every issue")),
                            ("error", translate("Import", "Errors: rows not imported")),
                            ("warning", translate("Import", "Warnings: values left out")),
                            ("info", translate("Import", "What was cleaned"))):
            self.filter.addItem(text, value)
        self.filter.currentIndexChanged.connect(self._show_issues)
        self.issues = QTableWidget(0, 4, page)
        self.issues.setObjectName("issues")
        self.issues.setHorizontalHeaderLabels([translate("Import", "Row"),
                                               translate("Import", "Column"),
                                               translate("Import", "Kind"),
                                               translate("Import", "What")])
        self.issues.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.issues.verticalHeader().setVisible(False)
        self.issues.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rejects_button = QPushButton(translate("Import", "Save the refused rows…"), page)
        self.rejects_button.setObjectName("rejects")
        self.rejects_button.clicked.connect(lambda: self.save_rejects())
        row = QHBoxLayout()
        row.addWidget(QLabel(translate("Import", "Show"), page))
        row.addWidget(self.filter)
        row.addStretch(1)
        row.addWidget(self.rejects_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.summary)
        layout.addLayout(row)
        layout.addWidget(self.issues, 1)
        return page

    # -- choosing
    def browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, translate("Import", "The old book"), "",
            translate("Import", "Books (*.xlsx *.xls *.ods *.csv);;All files (*)"))
        if path:
            self.path.setText(path)
            self._load_sheets()

    def _load_sheets(self) -> None:
        self.sheet.clear()
        path = self.path.text().strip()
        if not path or not Path(path).is_file() or path.lower().endswith(".csv"):
            return
        try:
            from python_calamine import CalamineWorkbook
            from desktop.books.reading import _check_zip, ZIP_MAGIC
            with open(path, "rb") as f:
                if f.read(4) == ZIP_MAGIC:
                    _check_zip(Path(path), Path(path).name)
            names = CalamineWorkbook.from_path(path).sheet_names
        except Exception:                # the preview says what is wrong with it
            return
        self.sheet.addItems(names)

    # -- moving on
    def _show_page(self, i: int) -> None:
        self.pages.setCurrentIndex(i)
        self.back_button.setEnabled(i > 0)
        self.next_button.setText(translate("Import", "Import") if i == 2
                                 else translate("Import", "Next >"))
        if i == 2 and self.preview is not None:
            self.next_button.setEnabled(bool(self.preview.to_import))

    def back(self) -> None:
        self._show_page(max(0, self.pages.currentIndex() - 1))

    def next(self) -> None:
        i = self.pages.currentIndex()
        if i == 0:
            self.read()
        elif i == 1:
            self._show_page(2)
        else:
            self.commit()

    def cancel(self) -> None:
        if self.task is not None:
            self._cancel = True             # the worker stops at its next check
            return
        self.reject()

    def _busy(self, on: bool) -> None:
        self.progress.setVisible(on)
        self.next_button.setEnabled(not on)
        self.back_button.setEnabled(not on and self.pages.currentIndex() > 0)
        if on:
            self.progress.setRange(0, 0)
            self._cancel = False

    def _fail(self, message: str) -> None:
        self.task = None
        self._busy(False)
        self.error.setText(message)
        self.error.show()

    # -- reading (off the GUI thread)
    def read(self, mapping: dict | None = None) -> None:
        from desktop.books.pipeline import preview_for
        self.error.hide()
        path = self.path.text().strip()
        if not path:
            return self._fail(translate("Import", "Choose the book first."))
        kind, sheet = self.kind.currentData(), self.sheet.currentText() or None
        engine = self.engine

        def work(report):
            return preview_for(engine, kind, path, sheet=sheet, mapping=mapping,
                               progress=report, cancelled=lambda: self._cancel)
        self._busy(True)
        self.task = run_in_background(work, self._read_done, self._fail, self._progress)

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _read_done(self, preview) -> None:
        self.task = None
        self._busy(False)
        self.preview = preview
        self._fill_grid()
        self._show_issues()
        if self.pages.currentIndex() == 0:
            self._show_page(1)
        else:
            self._show_page(self.pages.currentIndex())

    def _fill_grid(self) -> None:
        p = self.preview
        rows = p.sheet.rows[:p.header_index + 1 + SHOWN_ROWS]
        width = max((len(r) for r in rows), default=0)
        self.grid.clear()
        self.grid.setColumnCount(width)
        self.grid.setRowCount(len(rows) + 1)
        self.grid.setVerticalHeaderLabels([translate("Import", "Maps to")]
                                          + [str(i + 1) for i in range(len(rows))])
        self.mapping_boxes = []
        fields = KINDS[p.kind]["fields"]
        for c in range(width):
            box = QComboBox(self.grid)
            box.addItem(translate("Import", "(not imported)"), "")
            for f in fields:
                box.addItem(field_text(f), f)
            box.setCurrentIndex(max(0, box.findData(p.mapping.get(c, ""))))
            box.currentIndexChanged.connect(lambda _i, col=c: self._remap(col))
            self.grid.setCellWidget(0, c, box)
            self.mapping_boxes.append(box)
        header = QBrush(QColor(style.ACCENT_LIGHT))
        rejected = {r.row for r in p.records if r.status == "rejected"}
        for r, cells in enumerate(rows):
            for c in range(width):
                value = cells[c] if c < len(cells) else ""
                item = QTableWidgetItem("" if value is None else str(value))
                if r == p.header_index:
                    item.setBackground(header)
                elif r + 1 in rejected:
                    item.setForeground(SEVERITY_BRUSH["error"])
                self.grid.setItem(r + 1, c, item)
        self.grid.resizeColumnsToContents()
        self.sheet_note.setText(translate(
            "Import", "{file}, sheet '{sheet}': the header is row {row}; the columns below it "
                      "are mapped as shown in the first line (change any: the preview is made "
                      "again). The first {n} rows are shown.").format(
            file=p.file, sheet=p.sheet.name or "-", row=p.header_index + 1, n=SHOWN_ROWS))

    def _remap(self, column: int) -> None:
        p = self.preview
        mapping = {p.headers[c]: box.currentData() for c, box in enumerate(self.mapping_boxes)
                   if c < len(p.headers) and p.headers[c]}
        self.read(mapping)

    def _show_issues(self) -> None:
        p = self.preview
        if p is None:
            return
        s = p.summary()
        text = translate("Import", "{read} rows read: {new} to import, {merged} merged, "
                                   "{same} already in the books, {bad} refused; {skipped} "
                                   "blank, title, note or totals rows skipped.").format(
            read=s["rows_read"], new=s["rows_imported"], merged=s["rows_merged"],
            same=s["rows_unchanged"], bad=s["rows_rejected"], skipped=s["rows_skipped"])
        if p.already:
            text += " " + say(p.already)
        self.summary.setText(text)
        wanted = self.filter.currentData()
        shown = [i for i in p.issues if not wanted or i.severity == wanted]
        self.issues.setRowCount(len(shown))
        for r, i in enumerate(shown):
            for c, value in enumerate((str(i.row or ""), i.column, severity_text(i.severity),
                                       say(i.message))):
                item = QTableWidgetItem(value)
                if i.severity in SEVERITY_BRUSH:
                    item.setForeground(SEVERITY_BRUSH[i.severity])
                self.issues.setItem(r, c, item)
        self.issues.resizeColumnsToContents()
        self.rejects_button.setEnabled(s["rows_rejected"] > 0)

    def save_rejects(self, path: str | None = None) -> int:
        from desktop.books.pipeline import write_rejects
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, translate("Import", "Save the refused rows"),
                f"{Path(self.preview.file).stem}-rejects.xlsx",
                translate("Import", "Excel workbook (*.xlsx)"))
            if not path:
                return 0
        try:
            return write_rejects(self.preview, path)
        except (BooksError, OSError) as exc:
            self._fail(refusal_text(str(exc)))
            return 0

    # -- importing (off the GUI thread, one transaction)
    def commit(self) -> None:
        from desktop.books.pipeline import commit
        preview, engine, actor = self.preview, self.engine, self.actor

        def work(_report):
            if self._cancel:
                raise BooksError(translate("Import", "Cancelled: nothing was written."))
            return commit(engine, actor, preview)
        self._busy(True)
        self.task = run_in_background(work, self._committed, self._fail)

    def _committed(self, result) -> None:
        self.task = None
        self._busy(False)
        self.result = result
        self.done.emit(result)
        self.accept()


def _outcome(detail) -> str:
    """The audit row's detail as a person reads it: the file, what became of its rows."""
    try:
        d = json.loads(detail) if isinstance(detail, str) else dict(detail or {})
    except (ValueError, TypeError):
        return str(detail)
    parts = [d.get("file", ""), d.get("outcome", "")]
    if d.get("reversals"):
        parts.append(" ".join(d["reversals"]))
    return "  ".join(p for p in parts if p)


class ImportScreen(ListScreen):
    """Past imports (newest first); Import a book… opens the wizard, Undo reverses one."""

    def __init__(self, engine: Engine, actor: Actor, parent=None):
        cols = [Column(translate("Screens", "No."), width=6),
                datetime_column(translate("Screens", "When"), seconds=True),
                Column(translate("Screens", "User"), width=10),
                Column(translate("Screens", "What"), width=14),
                Column(translate("Import", "Batch"), width=6),
                Column(translate("Screens", "Outcome"), _outcome, width=30, stretch=True)]
        super().__init__(engine, lists.IMPORTS, cols, translate("Screens", "Import: past imports"),
                         lambda n: translate("Screens", "Imports: {n}").format(n=count_text(n)),
                         search_hint=translate("Screens", "File name"), parent=parent)
        self.actor = actor
        if may(actor, "import"):
            self.add_action(translate("Import", "Import a book…"), self.open_wizard, "importBook")
            self.add_action(translate("Import", "Undo the chosen import"), self.undo_selected,
                            "undoImport")

    def open_wizard(self, path: str = "", kind: str = "products") -> ImportWizard:
        wizard = ImportWizard(self.engine, self.actor, path, kind, self)
        wizard.done.connect(self._imported)
        self.wizard = wizard
        wizard.open()
        return wizard

    def _imported(self, result: dict) -> None:
        self.model.refresh()
        self.status.setText(translate("Import", "{file}: {n} rows imported.").format(
            file=result["file"], n=result["rows_imported"]))

    def undo_selected(self) -> bool:
        from db import imports
        index = self.view.currentIndex()
        if not index.isValid():
            return False
        action = self.model.value(index.row(), "action")
        batch = self.model.value(index.row(), "entity_id")
        if not str(action).startswith("import.") or action == "import.undo":
            self.status.setText(translate("Import", "Choose an import to undo."))
            return False
        try:
            with write_transaction(self.engine) as conn:
                done = imports.undo(conn, self.actor, int(batch))
        except BooksError as exc:
            show_refusal(self.status, exc.message)
            return False
        self.model.refresh()
        self.status.setText(translate("Import", "Batch {batch} undone: {n} documents reversed, "
                                                "{p} products retired.").format(
            batch=done["batch"], n=len(done["reversals"]), p=done["products_retired"]))
        return True
