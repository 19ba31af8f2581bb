"""Preview, print and save printed documents: the PDF desktop.printing lays out,
rendered by QtPdf on screen and onto the printer, so screen, paper and file agree.

    show_document(parent, "invoice", title, make_pdf)

make_pdf(path) writes the PDF (off the GUI thread); the preview opens when it
is ready. Printing renders every page with QtPdf at the printer's resolution
(at most 300 dpi) onto a QPrinter whose page is the PDF's own page size, so
a 58 mm receipt, an A5 delivery note and an A4 sheet of labels each come out
at their size. The printer is the default this computer keeps for the kind of
document (Settings), else the system's default.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QCoreApplication, QMarginsF, QPointF, QRectF, QSize, QSizeF, Qt, Signal
from PySide6.QtGui import QKeySequence, QPageLayout, QPageSize, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import (QDialog, QFileDialog, QHBoxLayout, QLabel, QMessageBox, QPushButton,
                               QVBoxLayout, QWidget)

from desktop import config
from desktop.ui.workers import run_in_background

translate = QCoreApplication.translate
MAX_PRINT_DPI = 300
# the kinds of printed paper, each with its own default printer (Settings)
KINDS = ("receipt", "invoice", "delivery-note", "purchase-order", "statement", "count-sheet",
         "labels")


def kind_text(kind: str) -> str:
    return {"receipt": translate("Printing", "Receipts"),
            "invoice": translate("Printing", "Invoices"),
            "delivery-note": translate("Printing", "Delivery notes"),
            "purchase-order": translate("Printing", "Purchase orders"),
            "statement": translate("Printing", "Statements"),
            "count-sheet": translate("Printing", "Count sheets"),
            "labels": translate("Printing", "Labels")}.get(kind, kind)


def printouts_dir() -> Path:
    return config.config_path().parent / "printouts"


def safe_name(text: str) -> str:
    return re.sub(r"[^0-9A-Za-z._-]+", "_", text).strip("_") or "document"


def default_printer_name(kind: str) -> str:
    """This computer's printer for the kind, if it is still installed; else the system's."""
    chosen = config.load().printers.get(kind, "")
    if chosen and chosen in QPrinterInfo.availablePrinterNames():
        return chosen
    return QPrinterInfo.defaultPrinterName()


def printer_for(kind: str) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    name = default_printer_name(kind)
    if name:
        printer.setPrinterName(name)
    return printer


def print_pdf(document: QPdfDocument, printer: QPrinter) -> int:
    """Every page of the document onto the printer at its own size; the pages printed."""
    pages = document.pageCount()
    if pages == 0:
        return 0
    printer.setFullPage(True)
    painter: QPainter | None = None
    try:
        for i in range(pages):
            points = document.pagePointSize(i)
            layout = QPageLayout(QPageSize(points, QPageSize.Unit.Point, "",
                                           QPageSize.SizeMatchPolicy.ExactMatch),
                                 QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))
            if painter is None:
                printer.setPageLayout(layout)
                painter = QPainter()
                if not painter.begin(printer):
                    raise OSError(translate("Printing", "the printer {name} could not be opened")
                                  .format(name=printer.printerName() or printer.outputFileName()))
            else:
                printer.setPageLayout(layout)
                printer.newPage()
            dpi = min(printer.resolution(), MAX_PRINT_DPI)
            size = QSize(max(1, round(points.width() / 72 * dpi)),
                         max(1, round(points.height() / 72 * dpi)))
            image = document.render(i, size)
            # the page in the painter's own units (device pixels of the printer)
            target = printer.pageLayout().fullRectPixels(printer.resolution())
            painter.drawImage(QRectF(QPointF(0, 0), QSizeF(target.width(), target.height())), image)
    finally:
        if painter is not None:
            painter.end()
    return pages


def print_file(pdf: Path, kind: str, printer: QPrinter | None = None) -> int:
    """The PDF straight to this kind's printer without a dialog (any thread: a receipt
    after checkout is printed from the pool); OSError if it cannot be printed."""
    document = QPdfDocument()
    if document.load(str(pdf)) != QPdfDocument.Error.None_:
        raise OSError(translate("Printing", "{file} could not be read").format(file=pdf))
    printer = printer or printer_for(kind)
    if not printer.printerName() and not printer.outputFileName():
        raise OSError(translate("Printing", "No printer installed: save as PDF"))
    return print_pdf(document, printer)


class PrintPreview(QDialog):
    """A PDF on screen with Print and Save as PDF."""
    printed = Signal(int)           # pages

    def __init__(self, pdf: Path, kind: str, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.pdf, self.kind = Path(pdf), kind
        self.setWindowTitle(title)
        self.setObjectName("printPreview")
        self.resize(860, 900)
        self.document = QPdfDocument(self)
        self.document.load(str(self.pdf))
        self.view = QPdfView(self)
        self.view.setObjectName("pdfView")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.pages = QLabel(translate("Printing", "{n} page(s)").format(n=self.document.pageCount()),
                            self)
        self.printer_label = QLabel(self)
        self.printer_label.setObjectName("printerName")
        self._show_printer()
        self.print_button = QPushButton(translate("Printing", "Print… (Ctrl+P)"), self)
        self.print_button.setObjectName("print")
        self.print_button.clicked.connect(lambda: self.print_document())
        self.quick_button = QPushButton(translate("Printing", "Print now"), self)
        self.quick_button.setObjectName("printNow")
        self.quick_button.setToolTip(translate("Printing", "Straight to this kind's printer"))
        self.quick_button.clicked.connect(lambda: self.print_document(ask=False))
        self.save_button = QPushButton(translate("Printing", "Save as PDF… (Ctrl+S)"), self)
        self.save_button.setObjectName("savePdf")
        self.save_button.clicked.connect(lambda: self.save_as())
        close = QPushButton(translate("Printing", "Close"), self)
        close.clicked.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Print, self, activated=lambda: self.print_document())
        QShortcut(QKeySequence.StandardKey.Save, self, activated=lambda: self.save_as())
        bar = QHBoxLayout()
        bar.addWidget(self.pages)
        bar.addWidget(self.printer_label, 1)
        for b in (self.print_button, self.quick_button, self.save_button, close):
            bar.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(bar)
        self.print_button.setDefault(True)

    def _show_printer(self) -> None:
        name = default_printer_name(self.kind)
        self.printer_label.setText(
            translate("Printing", "Printer: {name}").format(name=name) if name
            else translate("Printing", "No printer installed: save as PDF"))

    def print_document(self, ask: bool = True, printer: QPrinter | None = None) -> int:
        """Prints (after the print dialog unless ask is False); the pages printed."""
        printer = printer or printer_for(self.kind)
        if ask:
            dialog = QPrintDialog(printer, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return 0
        elif not printer.printerName() and not printer.outputFileName():
            QMessageBox.information(self, self.windowTitle(),
                                    translate("Printing", "No printer installed: save as PDF"))
            return 0
        try:
            pages = print_pdf(self.document, printer)
        except OSError as exc:
            QMessageBox.warning(self, self.windowTitle(), str(exc))
            return 0
        self.printed.emit(pages)
        return pages

    def save_as(self, path: str | None = None) -> str | None:
        if path is None:
            start = str(Path.home() / self.pdf.name)
            path, _ = QFileDialog.getSaveFileName(self, translate("Printing", "Save as PDF"), start,
                                                  translate("Printing", "PDF (*.pdf)"))
            if not path:
                return None
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        try:
            shutil.copyfile(self.pdf, path)
        except OSError as exc:
            QMessageBox.warning(self, self.windowTitle(),
                                translate("Printing", "{file} could not be written: {reason}")
                                .format(file=path, reason=exc.strerror or exc))
            return None
        return path


_open: set[PrintPreview] = set()


def show_document(parent: QWidget, kind: str, title: str, file_stem: str,
                  make_pdf: Callable[[Path], object],
                  on_shown: Callable[[PrintPreview], None] | None = None):
    """Lays the document out off the GUI thread, then opens its preview.
    make_pdf(path) writes the PDF at path; a BooksError's message is shown."""
    folder = printouts_dir()
    path = folder / f"{safe_name(file_stem)}.pdf"

    def work(_report) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        make_pdf(path)
        return path

    def done(written: Path) -> None:
        preview = PrintPreview(written, kind, title, parent)
        preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        _open.add(preview)
        preview.destroyed.connect(lambda *_: _open.discard(preview))
        preview.show()
        if on_shown is not None:
            on_shown(preview)

    def failed(message: str) -> None:
        QMessageBox.warning(parent, title, message)

    return run_in_background(work, done, failed, owner=parent)
