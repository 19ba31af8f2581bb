"""The lines of a document being written: scan or type a code and Enter adds
a line (the same product again adds to it); quantity and price are edited in
the table; Delete removes the chosen line. Used by the purchase order and the
supplier return dialogs."""
from __future__ import annotations

import datetime as dt
from typing import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)
from sqlalchemy import Engine

from db import counter as counter_db
from db.documents import LineIn
from db.engine import read_connection
from db.errors import BooksError
from db.money import line_amount, money_str, qty_str
from desktop.ui import style
from desktop.ui.formats import money_text, parse_date_text, parse_money_text, parse_qty_text
from desktop.ui.refusals import show_refusal

translate = QCoreApplication.translate
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
QTY, PRICE, AMOUNT, BATCH, EXPIRY = 3, 4, 5, 6, 7


def expiry_of(sku: str, text: str) -> dt.date | None:
    """An expiry date as typed (2027-03-31, or as the locale writes dates), or None
    for an empty cell."""
    text = (text or "").strip()
    if not text:
        return None
    try:
        return parse_date_text(text)
    except ValueError:
        raise BooksError(translate("Lines", "{sku}: the expiry '{text}' is not a date like "
                                            "2027-03-31").format(sku=sku, text=text)) from None


class LinesEditor(QWidget):
    """price_of(conn, product_id) gives a new line's price in fen (None: left empty,
    the books decide: e.g. a supplier return at average cost). With batches, two
    more columns take the batch number and expiry date (goods received)."""

    changed = Signal()

    def __init__(self, engine: Engine, price_title: str,
                 price_of: Callable[[object, int], int | None], parent=None, *,
                 batches: bool = False):
        super().__init__(parent)
        self.batches = batches
        self._engine, self._price_of = engine, price_of
        self.code = QLineEdit(self)
        self.code.setObjectName("lineCode")
        self.code.setPlaceholderText(translate("Lines", "Scan or type a barcode or SKU, Enter "
                                                        "adds it (3* before it: three)"))
        self.code.installEventFilter(self)     # Enter adds the line, and goes no further
        heads = [translate("Lines", "SKU"), translate("Lines", "Name"), translate("Lines", "Unit"),
                 translate("Lines", "Qty"), price_title, translate("Lines", "Amount")]
        if batches:
            heads += [translate("Lines", "Batch"), translate("Lines", "Expiry (2027-03-31)")]
        self.table = QTableWidget(0, len(heads), self)
        self.table.setObjectName("lines")
        self.table.setHorizontalHeaderLabels(heads)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.itemChanged.connect(self._edited)
        self.table.installEventFilter(self)
        self.total_label = QLabel(self)
        self.total_label.setObjectName("linesTotal")
        self.total_label.setAlignment(_RIGHT)
        self.note = QLabel(self)
        self.note.setObjectName("linesNote")
        self.note.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.note, 1)
        row.addWidget(self.total_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.code)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        self._show_total()

    # -- adding
    def add_typed(self) -> None:
        text = self.code.text().strip()
        if not text:
            return
        try:
            qty, code = counter_db.parse_scan(text)
            self.add(code, qty or 1000)
        except BooksError as exc:
            show_refusal(self.note, exc.message)
            self.note.setStyleSheet(style.ERROR_STYLE)
            self.code.selectAll()
            return
        self.code.clear()

    def add(self, code: str, qty: int, price: int | None = None) -> int:
        """Adds the product the code names (BooksError if none); returns its row."""
        with read_connection(self._engine) as conn:
            found = counter_db.lookup(conn, code, None)
            if found is None:
                raise BooksError(translate("Lines", "No product has the code {code}.")
                                 .format(code=code))
            if price is None:
                price = self._price_of(conn, found.product_id)
        self.note.setText("")
        for r in range(self.table.rowCount()):
            if self.table.item(r, 0).text() == found.sku:
                self._set(r, QTY, qty_str(self.qty(r) + qty))
                self.table.selectRow(r)
                return r
        r = self.table.rowCount()
        self.table.blockSignals(True)
        self.table.insertRow(r)
        cells = [found.sku, found.name, found.unit, qty_str(qty),
                 "" if price is None else money_str(price), ""]
        if self.batches:
            cells += ["", ""]
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if c not in (QTY, PRICE, BATCH, EXPIRY):
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            if c >= QTY:
                item.setTextAlignment(_RIGHT)
            self.table.setItem(r, c, item)
        self.table.blockSignals(False)
        self._edited(self.table.item(r, QTY))
        self.table.selectRow(r)
        return r

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A scanner ends every code with Enter: it must add the line, never reach the
        # dialog's default button (which would post the document half written).
        enter = (event.type() == QEvent.Type.KeyPress
                 and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter))
        if watched is self.code and enter:
            self.add_typed()
            return True
        if watched is self.table and enter:
            if self.table.state() != QAbstractItemView.State.EditingState:
                index = self.table.currentIndex()
                if index.isValid():
                    self.table.edit(index)
            return True
        if (watched is self.table and event.type() == QEvent.Type.KeyPress
                and event.key() == Qt.Key.Key_Delete and self.table.state()
                != QAbstractItemView.State.EditingState):
            row = self.table.currentRow()
            if row >= 0:
                self.table.removeRow(row)
                self._show_total()
            return True
        return super().eventFilter(watched, event)

    # -- reading
    def _set(self, row: int, col: int, text: str) -> None:
        self.table.item(row, col).setText(text)

    def qty(self, row: int) -> int:
        return parse_qty_text(self.table.item(row, QTY).text() or "0",
                              translate("Lines", "quantity of {sku}").format(
                                  sku=self.table.item(row, 0).text()))

    def price(self, row: int) -> int | None:
        text = self.table.item(row, PRICE).text().strip()
        if not text:
            return None
        return parse_money_text(text, translate("Lines", "price of {sku}").format(
            sku=self.table.item(row, 0).text()))

    def lines(self) -> list[LineIn]:
        """The lines as typed; BooksError naming the first that is wrong."""
        out = []
        for r in range(self.table.rowCount()):
            qty = self.qty(r)
            if qty <= 0:
                raise BooksError(translate("Lines", "{sku}: the quantity must be above zero.")
                                 .format(sku=self.table.item(r, 0).text()))
            batch = expiry = None
            if self.batches:
                batch = self.table.item(r, BATCH).text().strip() or None
                expiry = expiry_of(self.table.item(r, 0).text(),
                                   self.table.item(r, EXPIRY).text())
            out.append(LineIn(self.table.item(r, 0).text(), qty, self.price(r), batch, expiry))
        return out

    def total(self) -> int:
        total = 0
        for r in range(self.table.rowCount()):
            try:
                price = self.price(r)
                total += line_amount(price, self.qty(r)) if price is not None else 0
            except BooksError:
                pass
        return total

    def _edited(self, item: QTableWidgetItem) -> None:
        if item is None or item.column() not in (QTY, PRICE):
            return
        r = item.row()
        try:
            price = self.price(r)
            amount = money_text(line_amount(price, self.qty(r))) if price is not None else ""
        except BooksError as exc:
            amount = "?"
            show_refusal(self.note, exc.message)
            self.note.setStyleSheet(style.ERROR_STYLE)
        self.table.blockSignals(True)
        self.table.item(r, AMOUNT).setText(amount)
        self.table.blockSignals(False)
        self._show_total()

    def _show_total(self) -> None:
        self.total_label.setText(translate("Lines", "Total {amount}").format(
            amount=money_text(self.total())))
        self.changed.emit()
