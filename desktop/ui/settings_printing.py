"""Settings for paper: the shop's logo on printed documents (the shop's, in the
database), and this computer's printers: one per kind of document, and the
receipt printer (PDF only, or raw ESC/POS to a device, a file or host:port)."""
from __future__ import annotations

import base64

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import (QComboBox, QFileDialog, QFormLayout, QGroupBox, QHBoxLayout, QLabel,
                               QLineEdit, QPushButton, QVBoxLayout, QWidget)

from db.books import Books
from db.errors import BooksError
from db.permissions import may
from desktop import config
from desktop.ui import style
from desktop.ui.print_preview import KINDS, kind_text
from desktop.ui.refusals import refusal_text

translate = QCoreApplication.translate
LOGO_KEY = "shop_logo"
LOGO_MAX_PX = 600              # wider logos are scaled down before they are kept
LOGO_MAX_BYTES = 2 * 2 ** 20   # the file chosen


def logo_data(path: str) -> str:
    """The image file as the base64 PNG the documents print; a BooksError if it is
    not an image or too big."""
    try:
        with open(path, "rb") as f:
            raw = f.read(LOGO_MAX_BYTES + 1)
    except OSError as exc:
        raise BooksError(translate("PrintSettings", "{file}: cannot be read ({reason})")
                         .format(file=path, reason=exc.strerror or exc)) from None
    if len(raw) > LOGO_MAX_BYTES:
        raise BooksError(translate("PrintSettings", "{file}: a logo must be under 2 MB")
                         .format(file=path))
    image = QImage.fromData(QByteArray(raw))
    if image.isNull():
        raise BooksError(translate("PrintSettings", "{file}: not a picture (PNG or JPEG)")
                         .format(file=path))
    if image.width() > LOGO_MAX_PX:
        image = image.scaledToWidth(LOGO_MAX_PX, Qt.TransformationMode.SmoothTransformation)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return base64.b64encode(bytes(buffer.data())).decode("ascii")


class PrintingBox(QGroupBox):
    def __init__(self, books: Books, parent: QWidget | None = None):
        super().__init__(translate("PrintSettings", "Printing"), parent)
        self.setObjectName("printingBox")
        self.books = books
        self.can_edit_shop = may(books.actor, "settings")
        layout = QVBoxLayout(self)

        # the shop's logo (printed on invoices, orders, statements)
        self.logo = QLabel(self)
        self.logo.setObjectName("logoPreview")
        self.logo.setFixedHeight(64)
        self.choose_logo = QPushButton(translate("PrintSettings", "Choose logo…"), self)
        self.choose_logo.setObjectName("chooseLogo")
        self.choose_logo.clicked.connect(lambda: self.set_logo())
        self.remove_logo = QPushButton(translate("PrintSettings", "No logo"), self)
        self.remove_logo.setObjectName("removeLogo")
        self.remove_logo.clicked.connect(self.clear_logo)
        for b in (self.choose_logo, self.remove_logo):
            b.setVisible(self.can_edit_shop)
        row = QHBoxLayout()
        row.addWidget(QLabel(translate("PrintSettings", "Logo on documents:"), self))
        row.addWidget(self.logo, 1)
        row.addWidget(self.choose_logo)
        row.addWidget(self.remove_logo)
        layout.addLayout(row)

        # this computer's printers
        form = QFormLayout()
        installed = QPrinterInfo.availablePrinterNames()
        saved = config.load()
        self.printers: dict[str, QComboBox] = {}
        for kind in KINDS:
            combo = QComboBox(self)
            combo.setObjectName(f"printer_{kind}")
            combo.addItem(translate("PrintSettings", "The system's default printer"), "")
            for name in installed:
                combo.addItem(name, name)
            chosen = saved.printers.get(kind, "")
            if chosen and chosen not in installed:      # kept, though not installed now
                combo.addItem(translate("PrintSettings", "{name} (not installed)")
                              .format(name=chosen), chosen)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
            self.printers[kind] = combo
            form.addRow(kind_text(kind) + ":", combo)
        self.receipt_mode = QComboBox(self)
        self.receipt_mode.setObjectName("receiptMode")
        self.receipt_mode.addItem(translate("PrintSettings", "PDF through the printer above"), "pdf")
        self.receipt_mode.addItem(translate("PrintSettings", "ESC/POS straight to the printer"),
                                  "escpos")
        self.receipt_mode.setCurrentIndex(max(0, self.receipt_mode.findData(saved.receipt_printer)))
        self.receipt_target = QLineEdit(saved.escpos_target, self)
        self.receipt_target.setObjectName("receiptTarget")
        self.receipt_target.setPlaceholderText(translate(
            "PrintSettings", "/dev/usb/lp0, \\\\PC\\Printer, a file, or 192.168.1.50:9100"))
        self.receipt_width = QComboBox(self)
        self.receipt_width.setObjectName("receiptWidth")
        for mm in (80, 58):
            self.receipt_width.addItem(translate("PrintSettings", "{mm} mm").format(mm=mm), mm)
        self.receipt_width.setCurrentIndex(max(0, self.receipt_width.findData(saved.paper_width)))
        form.addRow(translate("PrintSettings", "Receipt printer:"), self.receipt_mode)
        form.addRow(translate("PrintSettings", "ESC/POS printer at:"), self.receipt_target)
        form.addRow(translate("PrintSettings", "Receipt paper:"), self.receipt_width)
        self.receipt_mode.currentIndexChanged.connect(self._mode_changed)
        layout.addLayout(form)
        self.save_button = QPushButton(translate("PrintSettings", "Save printers"), self)
        self.save_button.setObjectName("savePrinters")
        self.save_button.clicked.connect(self.save_printers)
        self.note = QLabel(self)
        self.note.setObjectName("printingNote")
        self.note.setWordWrap(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.note, 1)
        bottom.addWidget(self.save_button)
        layout.addLayout(bottom)
        self._mode_changed()
        self.show_logo()

    def _mode_changed(self, *_args) -> None:
        self.receipt_target.setEnabled(self.receipt_mode.currentData() == "escpos")

    def _say(self, text: str, good: bool) -> None:
        self.note.setStyleSheet(f"color: {style.GOOD if good else style.ERROR};")
        self.note.setText(text)

    # ------------------------------------------------------------ the logo

    def show_logo(self) -> None:
        from db.masters import get_setting
        with self.books.engine.connect() as conn:
            data = get_setting(conn, LOGO_KEY) or ""
        pixmap = QPixmap()
        if data:
            pixmap.loadFromData(QByteArray(base64.b64decode(data)))
        if pixmap.isNull():
            self.logo.setPixmap(QPixmap())
            self.logo.setText(translate("PrintSettings", "none"))
        else:
            self.logo.setPixmap(pixmap.scaledToHeight(60, Qt.TransformationMode.SmoothTransformation))
        self.remove_logo.setEnabled(self.can_edit_shop and bool(data))

    def set_logo(self, path: str | None = None) -> bool:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, translate("PrintSettings", "Shop logo"), "",
                                                  translate("PrintSettings",
                                                            "Pictures (*.png *.jpg *.jpeg)"))
            if not path:
                return False
        try:
            self.books.set_setting(LOGO_KEY, logo_data(path))
        except BooksError as exc:
            self._say(refusal_text(exc.message), False)
            return False
        self.show_logo()
        self._say(translate("PrintSettings", "Logo saved."), True)
        return True

    def clear_logo(self) -> None:
        try:
            self.books.set_setting(LOGO_KEY, "")
        except BooksError as exc:
            self._say(refusal_text(exc.message), False)
            return
        self.show_logo()

    # ------------------------------------------------------------ this computer's printers

    def save_printers(self) -> bool:
        mode = self.receipt_mode.currentData()
        target = self.receipt_target.text().strip()
        if mode == "escpos" and not target:
            self._say(translate("PrintSettings", "Say where the ESC/POS printer is."), False)
            self.receipt_target.setFocus()
            return False
        chosen = config.load()
        chosen.printers = {k: c.currentData() for k, c in self.printers.items() if c.currentData()}
        chosen.receipt_printer, chosen.escpos_target = mode, target
        chosen.paper_width = int(self.receipt_width.currentData())
        try:
            config.save(chosen)
        except config.ConfigError as exc:
            self._say(refusal_text(exc.message), False)
            return False
        self._say(translate("PrintSettings", "Printers saved for this computer."), True)
        return True
