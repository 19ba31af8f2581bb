"""The sale being rung up at the counter: its lines and their table model."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QFont

from db.documents import LineIn
from db.money import line_amount
from desktop.ui.formats import money_text, qty_text

translate = QCoreApplication.translate
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


@dataclass
class CartLine:
    product_id: int
    sku: str
    name: str
    unit: str
    list_price: int  # fen, the product's price
    price: int  # fen, what this sale charges
    qty: int  # milli-units
    weighed: bool = False  # from a scale label: never merged with another scan
    batch: str | None = None  # named by a GS1 barcode: sold instead of first expiry first out

    @property
    def amount(self) -> int:
        return line_amount(self.price, self.qty)

    def line_in(self) -> LineIn:
        return LineIn(self.sku, self.qty, None if self.price == self.list_price else self.price,
                      self.batch)


class CartModel(QAbstractTableModel):
    """The lines of the sale being rung up, in the order scanned."""

    changed = Signal()
    loading = False  # (a list screen's model may be reading; this one never is)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.lines: list[CartLine] = []
        self._titles = [
            translate("Counter", "No."),
            translate("Counter", "Name"),
            translate("Counter", "SKU"),
            translate("Counter", "Qty"),
            translate("Counter", "Unit"),
            translate("Counter", "Price"),
            translate("Counter", "Amount"),
        ]

    # -- changing
    def add(self, line: CartLine) -> int:
        """Adds the line, or more of the same product at the same price to its line;
        returns the row."""
        if not line.weighed:
            for row, old in enumerate(self.lines):
                if (
                    old.product_id == line.product_id
                    and old.price == line.price
                    and old.batch == line.batch
                    and not old.weighed
                ):
                    old.qty += line.qty
                    self._row_changed(row)
                    return row
        row = len(self.lines)
        self.beginInsertRows(QModelIndex(), row, row)
        self.lines.append(line)
        self.endInsertRows()
        self.changed.emit()
        return row

    def set_qty(self, row: int, qty: int) -> None:
        self.lines[row].qty = qty
        self._row_changed(row)

    def set_price(self, row: int, price: int) -> None:
        self.lines[row].price = price
        self._row_changed(row)

    def remove(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self.lines[row]
        self.endRemoveRows()
        self.changed.emit()

    def replace_all(self, lines: list[CartLine]) -> None:
        self.beginResetModel()
        self.lines = list(lines)
        self.endResetModel()
        self.changed.emit()

    def clear(self) -> None:
        self.replace_all([])

    def _row_changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self._titles) - 1))
        self.changed.emit()

    # -- reading
    def total(self) -> int:
        return sum(l.amount for l in self.lines)

    def items(self) -> int:
        return len(self.lines)

    def lines_in(self) -> list[LineIn]:
        return [l.line_in() for l in self.lines]

    def overridden(self) -> bool:
        return any(l.price != l.list_price for l in self.lines)

    # -- Qt
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._titles)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        line, c = self.lines[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                str(index.row() + 1),
                line.name if not line.batch else translate("Counter", "{name} (batch {batch})")
                .format(name=line.name, batch=line.batch),
                line.sku,
                qty_text(line.qty),
                line.unit,
                money_text(line.price),
                money_text(line.amount),
            )[c]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if c in (0, 3, 5, 6) else _LEFT
        if role == Qt.ItemDataRole.ToolTipRole and c == 5 and line.price != line.list_price:
            return translate("Counter", "List price {price}").format(
                price=money_text(line.list_price)
            )
        if role == Qt.ItemDataRole.FontRole and c == 5 and line.price != line.list_price:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._titles[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if section in (0, 3, 5, 6) else _LEFT
        return None
