"""Small widgets the dialogs share."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

ERROR_STYLE = "color: #b00020;"


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
