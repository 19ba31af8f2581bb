"""Small widgets the dialogs share."""
from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableWidget, QWidget

from desktop.ui.style import ERROR_STYLE  # noqa: F401  (the screens import it from here)


def error_label(parent: QWidget) -> QLabel:
    """A hidden, word-wrapped red label named "error" where a dialog says why it refused."""
    label = QLabel(parent)
    label.setObjectName("error")
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


def enlarge(widget: QWidget, scale: float, bold: bool = True) -> None:
    """The widget's font scaled (the till is read from a step away)."""
    font = widget.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(bold)
    widget.setFont(font)


def read_only_table(parent: QWidget, name: str, heads: list[str],
                    stretch: int | None = None) -> QTableWidget:
    """A small table to read (a handful of rows: an order's lines, an inbox): whole
    rows selected, no row numbers, one column stretched to the width."""
    table = QTableWidget(0, len(heads), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(heads)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    if stretch is not None:
        table.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table
