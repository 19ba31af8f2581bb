"""Printing labels: the products chosen in the list × copies, the goods of a purchase
receipt (copies = quantity received), or the products whose price changed since a
date; on a template (built-in or the shop's own), at the label printer's dots per
inch. The PDF is made off the GUI thread and opens in the print preview."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QDialog, QDialogButtonBox,
                               QFormLayout, QLabel, QMessageBox, QSpinBox, QVBoxLayout, QWidget)

from db.books import Books
from db.errors import BooksError
from db.permissions import may
from desktop.ui.formats import date_edit_format
from desktop.ui.print_actions import print_language
from desktop.ui.print_preview import show_document
from desktop.ui.refusals import refusal_text

translate = QCoreApplication.translate


class LabelsDialog(QDialog):
    """source: ("skus", [sku, ...]), ("document", number) or ("changed", None)."""

    def __init__(self, books: Books, source: tuple[str, object], parent: QWidget | None = None):
        super().__init__(parent)
        from db.labels import templates
        self.books, self.source = books, source
        what, value = source
        if what == "skus":
            self.setWindowTitle(translate("Labels", "Labels for {n} product(s)")
                                .format(n=len(value)))
        elif what == "document":
            self.setWindowTitle(translate("Labels", "Labels for the goods of {number}")
                                .format(number=value))
        else:
            self.setWindowTitle(translate("Labels", "Price-change labels"))
        form = QFormLayout()
        self.template = QComboBox(self)
        self.template.setObjectName("template")
        try:
            self.templates = templates(books)
        except BooksError as exc:
            self.templates = []
            form.addRow(QLabel(refusal_text(exc.message), self))
        for t in self.templates:
            self.template.addItem(t.name, t.name)
        form.addRow(translate("Labels", "Template:"), self.template)
        self.copies = QSpinBox(self)
        self.copies.setObjectName("copies")
        self.copies.setRange(1, 1000)
        self.since = QDateEdit(QDate.currentDate().addDays(-7), self)
        self.since.setObjectName("since")
        self.since.setCalendarPopup(True)
        self.since.setDisplayFormat(date_edit_format())
        if what == "skus":
            form.addRow(translate("Labels", "Copies of each:"), self.copies)
        elif what == "changed":
            form.addRow(translate("Labels", "Price changed since:"), self.since)
            form.addRow(translate("Labels", "Copies of each:"), self.copies)
        else:
            form.addRow(QLabel(translate("Labels", "One label for each unit received."), self))
        if what != "changed":
            self.since.hide()                   # kept for make_pdf, not placed
        if what == "document":
            self.copies.hide()
        self.dpi = QComboBox(self)
        self.dpi.setObjectName("dpi")
        self.dpi.addItem(translate("Labels", "203 dpi (most label printers)"), 203)
        self.dpi.addItem(translate("Labels", "300 dpi"), 300)
        form.addRow(translate("Labels", "Printer:"), self.dpi)
        self.start = QSpinBox(self)
        self.start.setObjectName("startCell")
        self.start.setRange(0, 200)
        self.start_row = QLabel(translate("Labels", "Labels already used on the first sheet:"), self)
        form.addRow(self.start_row, self.start)
        self.outline = QCheckBox(translate("Labels", "Outline each label (a test on plain paper)"),
                                 self)
        self.outline.setObjectName("outline")
        form.addRow("", self.outline)
        self.template.currentIndexChanged.connect(self._template_changed)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(translate("Labels", "Preview…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self._template_changed()

    def _template_changed(self, *_args) -> None:
        t = self.chosen_template()
        sheet = t is not None and t.page != "roll"
        self.start.setVisible(sheet)
        self.start_row.setVisible(sheet)
        if t is not None:
            self.start.setMaximum(max(0, t.per_page - 1))

    def chosen_template(self):
        i = self.template.currentIndex()
        return self.templates[i] if 0 <= i < len(self.templates) else None

    def make_pdf(self):
        """make_pdf(path) with the choices as they stand (runs on a worker thread)."""
        from db import labels
        from desktop.printing.labels import labels_pdf
        books, (what, value) = self.books, self.source
        template, copies = self.chosen_template(), self.copies.value()
        since = self.since.date().toPython()
        dpi, start, outline = int(self.dpi.currentData()), self.start.value(), \
            self.outline.isChecked()
        language = print_language()

        def make(path):
            if template is None:
                raise BooksError(translate("Labels", "no label template to print on"))
            if what == "skus":
                items = labels.items_for_skus(books, [(sku, copies) for sku in value])
            elif what == "document":
                items = labels.items_for_document(books, value)
            else:
                items = labels.items_changed_since(books, since, copies)
            return labels_pdf(items, template, path, language=language, dpi=dpi,
                              shop=labels.shop_name(books), start=start if template.page != "roll"
                              else 0, outline=outline)
        return make


def ask_labels(parent: QWidget, books: Books, source: tuple[str, object], accept: bool = False,
               on_shown=None):
    """The labels dialog, then (unless cancelled) the labels' preview. accept: take the
    dialog's defaults without showing it (tests, and a second print of the same)."""
    if not may(books.actor, "labels"):
        QMessageBox.information(parent, translate("Labels", "Labels"),
                                translate("Labels", "Labels are printed by a clerk, a manager "
                                                    "or the owner."))
        return None
    dialog = LabelsDialog(books, source, parent)
    if not accept and dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    what, value = source
    stem = (f"labels-{len(value)}-products" if what == "skus" else f"labels-{value}"
            if what == "document" else f"labels-changed-{dialog.since.date().toPython()}")
    return show_document(parent, "labels", dialog.windowTitle(), stem, dialog.make_pdf(), on_shown)
