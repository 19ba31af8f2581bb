"""Stock counts on screen (db.counts): start a full count, today's schedule (db.abc)
or a category; count by scanning (the scan line keeps the focus; "12*code" adds
twelve) or by typing a printed sheet's figures (double-click a line); finish;
a manager reviews the variances and posts them as one stocktake.

In a blind count those who count see what they counted, never what the books
expect; the expected column is shown only to those who may post the count."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QCheckBox, QHBoxLayout, QHeaderView, QInputDialog, QLabel,
                               QLineEdit, QMessageBox, QPushButton, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)
from sqlalchemy import Engine, select

from db import counts
from db.audit import Actor
from db.books import Books
from db.counter import parse_scan
from db.errors import BooksError
from db.permissions import may
from db.schema import products
from desktop.ui import style
from desktop.ui.formats import (count_text, money_text, parse_qty_text, qty_text, signed_qty_text,
                                time_text)
from desktop.ui.refusals import refusal_text
from desktop.ui.widgets import enlarge, error_label, read_only_table

translate = QCoreApplication.translate
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
RED = QBrush(QColor(style.ERROR))
SHOWN = 500          # lines listed at most (a full count of a big shop: the counted ones)


def _fill(table: QTableWidget, rows: list[tuple], right: set[int], red: list[bool] | None = None):
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, text in enumerate(values):
            item = QTableWidgetItem("" if text is None else str(text))
            if c in right:
                item.setTextAlignment(_RIGHT)
            if red and red[r]:
                item.setForeground(RED)
            table.setItem(r, c, item)


class CountsScreen(QWidget):
    def __init__(self, engine: Engine, actor: Actor, parent=None):
        super().__init__(parent)
        self.setObjectName("counts")
        self.engine, self.actor = engine, actor
        self.books = Books(engine, actor)
        self.reviewer = may(actor, "adjustment")
        self.count_id: int | None = None
        self.reviewing = False
        heading = QLabel(translate("Counts", "Stock counts"), self)
        heading.setObjectName("screenHeading")
        enlarge(heading, 1.4)
        self.blind = QCheckBox(translate("Counts", "Blind (those counting do not see the books' "
                                                   "quantities)"), self)
        self.blind.setObjectName("blind")
        self.blind.setChecked(True)
        starts = QHBoxLayout()
        for text, name, slot in (
                (translate("Counts", "Count today's schedule"), "startSchedule", self.start_schedule),
                (translate("Counts", "Count a category…"), "startCategory", self.start_category),
                (translate("Counts", "Full count"), "startFull", self.start_full)):
            b = QPushButton(text, self)
            b.setObjectName(name)
            b.clicked.connect(lambda _=False, s=slot: s())
            starts.addWidget(b)
        starts.addWidget(self.blind)
        starts.addStretch(1)
        self.open_table = read_only_table(self, "openCounts", [
            translate("Counts", "Count"), translate("Counts", "What"), translate("Counts", "Blind"),
            translate("Counts", "State"), translate("Counts", "Counted"),
            translate("Counts", "Started by")], stretch=1)
        self.open_table.setMaximumHeight(150)
        self.open_table.itemSelectionChanged.connect(self._picked)
        self.title = QLabel(self)
        self.title.setObjectName("countTitle")
        enlarge(self.title, 1.15)
        self.progress = QLabel(self)
        self.progress.setObjectName("countProgress")
        self.scan = QLineEdit(self)
        self.scan.setObjectName("countScan")
        self.scan.setPlaceholderText(translate("Counts", "Scan or type a code (12*code: twelve)"))
        enlarge(self.scan, 1.3, bold=False)
        self.scan.returnPressed.connect(self.enter)
        self.last = QLabel(self)
        self.last.setObjectName("lastScan")
        enlarge(self.last, 1.2)
        self.table = read_only_table(self, "countLines", [], stretch=None)
        self.table.itemDoubleClicked.connect(lambda item: self.set_line(item.row()))
        self.buttons = {}
        row = QHBoxLayout()
        for text, name, slot in (
                (translate("Counts", "Finish counting"), "finishCount", self.finish),
                (translate("Counts", "Review variances"), "reviewCount", self.review),
                (translate("Counts", "Post variances"), "postCount", self.post),
                (translate("Counts", "Print count sheet"), "printSheet", self.print_sheet),
                (translate("Counts", "Cancel count"), "cancelCount", self.cancel)):
            b = QPushButton(text, self)
            b.setObjectName(name)
            b.clicked.connect(lambda _=False, s=slot: s())
            row.addWidget(b)
            self.buttons[name] = b
        row.addStretch(1)
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.error = error_label(self)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(starts)
        layout.addWidget(self.open_table)
        layout.addWidget(self.title)
        layout.addWidget(self.progress)
        layout.addWidget(self.scan)
        layout.addWidget(self.last)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(self.error)
        self.refresh()

    # -- what is shown
    def refresh(self) -> None:
        with self.engine.connect() as conn:
            self.open = counts.open_counts(conn)
        state = {"counting": translate("Counts", "counting"),
                 "review": translate("Counts", "to review")}
        _fill(self.open_table, [(o["id"], o["title"],
                                 translate("Counts", "yes") if o["blind"] else "",
                                 state.get(o["status"], o["status"]),
                                 f"{count_text(o['counted'])} / {count_text(o['lines'])}",
                                 o["started_by"])
                                for o in self.open], {0, 4})
        if self.count_id not in {o["id"] for o in self.open}:
            self.count_id = self.open[0]["id"] if self.open else None
            self.reviewing = False
        self.show_count()

    def _picked(self) -> None:
        rows = self.open_table.selectionModel().selectedRows()
        if rows:
            chosen = self.open[rows[0].row()]["id"]
            if chosen != self.count_id:
                self.count_id, self.reviewing = chosen, False
                self.show_count()

    def _current(self) -> dict | None:
        return next((o for o in self.open if o["id"] == self.count_id), None)

    def show_count(self) -> None:
        c = self._current()
        counting = c is not None and c["status"] == "counting"
        self.scan.setEnabled(counting)
        self.buttons["finishCount"].setEnabled(counting)
        for name in ("reviewCount", "postCount"):
            self.buttons[name].setEnabled(c is not None and c["status"] == "review"
                                          and self.reviewer)
        self.buttons["cancelCount"].setEnabled(c is not None and self.reviewer)
        self.buttons["printSheet"].setEnabled(counting)
        if c is None:
            self.title.setText(translate("Counts", "No count is open: start one above."))
            self.progress.clear()
            self.table.setColumnCount(0)
            self.table.setRowCount(0)
            return
        self.title.setText(translate("Counts", "Count {id}: {title}").format(id=c["id"],
                                                                           title=c["title"]))
        self.progress.setText(translate("Counts", "{done} of {total} products counted").format(
            done=count_text(c["counted"]), total=count_text(c["lines"])))
        if self.reviewing:
            self._show_review()
        else:
            self._show_lines(c)
        if counting:
            QTimer.singleShot(0, self.scan.setFocus)

    def _show_lines(self, c: dict) -> None:
        with self.engine.connect() as conn:
            lines = counts.lines(conn, self.actor, c["id"], counted_only=c["lines"] > SHOWN,
                                 limit=SHOWN)
        show_expected = not c["blind"] or self.reviewer
        heads = [translate("Counts", "SKU"), translate("Counts", "Name"),
                 translate("Counts", "Unit"), translate("Counts", "Counted")]
        if show_expected:
            heads.append(translate("Counts", "Books"))
        heads += [translate("Counts", "Counted by"), translate("Counts", "At")]
        self.table.setColumnCount(len(heads))
        self.table.setHorizontalHeaderLabels(heads)
        rows = []
        for l in lines:
            r = [l.sku, l.name, l.unit, "" if l.counted is None else qty_text(l.counted)]
            if show_expected:
                r.append("" if l.expected is None else qty_text(l.expected))
            r += [l.counted_by, time_text(l.counted_at, seconds=True)]
            rows.append(r)
        self.lines = lines
        _fill(self.table, rows, {3, 4} if show_expected else {3})
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)

    def _show_review(self) -> None:
        with self.engine.connect() as conn:
            found = counts.review(conn, self.actor, self.count_id)
        cost = may(self.actor, "see-cost")
        heads = [translate("Counts", "SKU"), translate("Counts", "Name"),
                 translate("Counts", "Books"), translate("Counts", "Counted"),
                 translate("Counts", "Difference")]
        if cost:
            heads.append(translate("Counts", "Value"))
        self.table.setColumnCount(len(heads))
        self.table.setHorizontalHeaderLabels(heads)
        rows = [[v.sku, v.name, qty_text(v.expected), qty_text(v.counted),
                 signed_qty_text(v.difference)]
                + ([money_text(v.value)] if cost else []) for v in found]
        self.lines = []
        _fill(self.table, rows, {2, 3, 4, 5}, [v.difference != 0 for v in found])
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        off = sum(1 for v in found if v.difference)
        self.message.setText(translate("Counts", "{off} of {n} counted products differ from the "
                                                 "books.").format(off=count_text(off),
                                                                  n=count_text(len(found))))

    # -- starting
    def _start(self, kind: str, product_ids=None, title: str = "") -> None:
        try:
            self.count_id = self.books.start_count(kind, blind=self.blind.isChecked(),
                                                   product_ids=product_ids, title=title)
        except BooksError as exc:
            self._refused(refusal_text(exc.message))
            return
        self.reviewing = False
        self.error.hide()
        self.refresh()

    def start_full(self) -> None:
        self._start("full", title=translate("Counts", "Full count"))

    def start_schedule(self) -> None:
        from db import abc
        with self.engine.connect() as conn:
            due = abc.due(conn)
        classes = {k: sum(1 for d in due if d["abc"] == k) for k in "ABC"}
        self._start("cycle", [d["product_id"] for d in due],
                    translate("Counts", "Today's schedule (A {a}, B {b}, C {c})").format(
                        a=classes["A"], b=classes["B"], c=classes["C"]))

    def start_category(self, category: str | None = None) -> None:
        if category is None:
            category, ok = QInputDialog.getText(self, translate("Counts", "Count a category"),
                                                translate("Counts", "Category"))
            if not ok:
                return
        category = " ".join(category.split())
        with self.engine.connect() as conn:
            ids = list(conn.execute(select(products.c.id).where(
                products.c.category == category, products.c.active.is_(True))).scalars())
        if not ids:
            self._refused(translate("Counts", "No active product is in the category "
                                              "'{name}'.").format(name=category))
            return
        self._start("cycle", ids, translate("Counts", "Category {name}").format(name=category))

    # -- counting
    def enter(self) -> None:
        text = self.scan.text().strip()
        if not text or self.count_id is None:
            return
        try:
            qty, code = parse_scan(text)
            got = self.books.count_scan(self.count_id, code, qty or 1000)
        except BooksError as exc:
            self._refused(refusal_text(exc.message))
            self.scan.selectAll()
            return
        self.error.hide()
        self.scan.clear()
        self.last.setText(translate("Counts", "{name}: {qty} {unit} counted").format(
            name=got.name, qty=qty_text(got.counted), unit=got.unit))
        self.refresh()

    def set_line(self, row: int, text: str | None = None) -> None:
        """A printed sheet's figure for the line (or a correction)."""
        c = self._current()
        if c is None or c["status"] != "counting" or row >= len(self.lines):
            return
        line = self.lines[row]
        if text is None:
            text, ok = QInputDialog.getText(
                self, translate("Counts", "Counted"),
                translate("Counts", "{sku} {name}: how many ({unit})?").format(
                    sku=line.sku, name=line.name, unit=line.unit))
            if not ok:
                return
        try:
            self.books.count_set(self.count_id, line.sku, parse_qty_text(text.strip(), "quantity"))
        except BooksError as exc:
            self._refused(refusal_text(exc.message))
            return
        self.error.hide()
        self.refresh()

    def print_sheet(self, on_shown=None):
        """The count's products on paper (blind as the count is), to count and type in."""
        if self.count_id is None:
            return None
        from db.engine import read_connection
        from db.printdata import count_sheet_data
        from desktop.printing.documents import count_sheet_pdf
        from desktop.ui.print_actions import print_language
        from desktop.ui.print_preview import show_document
        count_id, engine, language = self.count_id, self.engine, print_language()

        def make(path):
            with read_connection(engine) as conn:
                data = count_sheet_data(conn, count_id=count_id)
            return count_sheet_pdf(data, path, language=language)
        return show_document(self, "count-sheet", translate("Counts", "Count sheet"),
                             f"count-{count_id}", make, on_shown)

    def finish(self) -> None:
        if self.count_id is None:
            return
        try:
            self.books.finish_count(self.count_id)
        except BooksError as exc:
            self._refused(refusal_text(exc.message))
            return
        self.reviewing = self.reviewer
        self.message.setText(translate("Counts", "Counting finished: a manager reviews and "
                                                 "posts the variances."))
        self.refresh()

    def review(self) -> None:
        self.reviewing = True
        try:
            self.show_count()
        except BooksError as exc:
            self.reviewing = False
            self._refused(refusal_text(exc.message))

    def post(self, confirm: bool = True) -> None:
        if self.count_id is None:
            return
        if confirm and QMessageBox.question(
                self, translate("Counts", "Post variances"),
                translate("Counts", "Post the count? Stock is set to what was counted, as of "
                                    "when each product was counted.")) \
                != QMessageBox.StandardButton.Yes:
            return
        try:
            done = self.books.post_count(self.count_id)
        except BooksError as exc:
            self._refused(refusal_text(exc.message))
            return
        self.message.setText(translate("Counts", "Posted as stocktake {number}.").format(
            number=done.number))
        self.count_id, self.reviewing = None, False
        self.refresh()

    def cancel(self, confirm: bool = True) -> None:
        if self.count_id is None:
            return
        if confirm and QMessageBox.question(
                self, translate("Counts", "Cancel count"),
                translate("Counts", "Cancel this count? Nothing counted in it is kept.")) \
                != QMessageBox.StandardButton.Yes:
            return
        try:
            self.books.cancel_count(self.count_id)
        except BooksError as exc:
            self._refused(refusal_text(exc.message))
            return
        self.count_id = None
        self.refresh()

    def _refused(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
