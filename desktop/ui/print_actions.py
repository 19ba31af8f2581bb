"""Print buttons on the lists: a sale's receipt, invoice or delivery note; a purchase
order; a customer's or supplier's statement for a period; a count sheet. Each lays
its PDF out off the GUI thread (desktop.printing) and opens the preview, where
it is printed or saved (desktop.ui.print_preview)."""
from __future__ import annotations

import datetime as dt
from typing import Callable

from PySide6.QtCore import QCoreApplication, QDate, QLocale
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QDialog, QDialogButtonBox,
                               QFormLayout, QMenu, QMessageBox, QVBoxLayout, QWidget)
from sqlalchemy import Engine

from db.audit import Actor
from db.permissions import may
from desktop.ui.formats import date_edit_format, date_text
from desktop.ui.list_screen import ListScreen
from desktop.ui.print_preview import show_document

translate = QCoreApplication.translate
SALE_KINDS = ("sale", "sale-return")


def print_language() -> str:
    """Documents print in the language of the screens."""
    return "zh_CN" if QLocale().language() == QLocale.Language.Chinese else "en"


def current_row(screen: ListScreen) -> int | None:
    index = screen.view.currentIndex()
    return index.row() if index.isValid() else None


def _read(engine: Engine, fetch: Callable):
    from db.engine import read_connection
    with read_connection(engine) as conn:
        return fetch(conn)


# ---------------------------------------------------------------- one document

def document_pdf(engine: Engine, what: str, number: str, size: str, language: str):
    """make_pdf(path) for a posted document: receipt, invoice, delivery-note or
    purchase-order."""
    def make(path):
        if what == "receipt":
            from db.receipts import receipt_data
            from desktop.printing.receipt import receipt_pdf
            return receipt_pdf(_read(engine, lambda c: receipt_data(c, number)), path,
                               language=language)
        if what == "purchase-order":
            from db.printdata import order_data
            from desktop.printing.documents import purchase_order_pdf
            return purchase_order_pdf(_read(engine, lambda c: order_data(c, number)), path,
                                      size=size, language=language)
        from db.printdata import invoice_data
        from desktop.printing.documents import delivery_note_pdf, invoice_pdf
        layout = invoice_pdf if what == "invoice" else delivery_note_pdf
        return layout(_read(engine, lambda c: invoice_data(c, number)), path, size=size,
                      language=language)
    return make


def print_document(parent: QWidget, engine: Engine, what: str, number: str, size: str = "A4",
                   on_shown=None):
    titles = {"receipt": translate("Printing", "Receipt {number}"),
              "invoice": translate("Printing", "Invoice {number}"),
              "delivery-note": translate("Printing", "Delivery note {number}"),
              "purchase-order": translate("Printing", "Purchase order {number}")}
    return show_document(parent, what, titles[what].format(number=number),
                         f"{what}-{number}-{size}",
                         document_pdf(engine, what, number, size, print_language()), on_shown)


def add_sale_printing(screen: ListScreen, engine: Engine) -> QMenu:
    """A Print menu on a list of sales and returns (field "number")."""
    menu = QMenu(screen)
    for text, what, size in (
            (translate("Printing", "Receipt"), "receipt", "A4"),
            (translate("Printing", "Invoice (A4)"), "invoice", "A4"),
            (translate("Printing", "Invoice (A5)"), "invoice", "A5"),
            (translate("Printing", "Delivery note (A4)"), "delivery-note", "A4"),
            (translate("Printing", "Delivery note (A5)"), "delivery-note", "A5")):
        menu.addAction(text, lambda w=what, s=size: print_current(screen, engine, w, s))
    button = screen.add_action(translate("Printing", "Print"), lambda: None, "printDocument")
    button.setMenu(menu)
    return menu


def print_current(screen: ListScreen, engine: Engine, what: str, size: str, on_shown=None):
    """The paper of the document chosen in the list."""
    row = current_row(screen)
    if row is None:
        QMessageBox.information(screen, translate("Printing", "Print"),
                                translate("Printing", "Choose a document in the list first."))
        return None
    return print_document(screen, engine, what, screen.model.value(row, "number"), size,
                          on_shown)


# ---------------------------------------------------------------- statements

def statement_pdf_maker(engine: Engine, party: str, name: str, date_from: dt.date,
                        date_to: dt.date, language: str):
    def make(path):
        from db.statements import statement
        from desktop.printing.statements import statement_pdf
        data = _read(engine, lambda c: statement(c, party, name, date_from, date_to))
        return statement_pdf(data, path, language=language)
    return make


class PeriodDialog(QDialog):
    """From and to dates (the last month by default)."""

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        today = QDate.currentDate()
        first = QDate(today.year(), today.month(), 1)
        self.date_from = QDateEdit(first.addMonths(-1), self)
        self.date_from.setObjectName("dateFrom")
        self.date_to = QDateEdit(today, self)
        self.date_to.setObjectName("dateTo")
        for d in (self.date_from, self.date_to):
            d.setCalendarPopup(True)
            d.setDisplayFormat(date_edit_format())
        self.form = QFormLayout()
        self.form.addRow(translate("Printing", "From:"), self.date_from)
        self.form.addRow(translate("Printing", "To:"), self.date_to)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(buttons)

    def period(self) -> tuple[dt.date, dt.date]:
        return self.date_from.date().toPython(), self.date_to.date().toPython()


def add_statement_action(screen: ListScreen, engine: Engine, actor: Actor, party: str) -> None:
    """A Statement… button on the customers' or suppliers' list."""
    if not may(actor, "print-statement"):
        return
    screen.add_action(translate("Printing", "Statement…"),
                      lambda: ask_statement(screen, engine, party), "statement")


def ask_statement(screen: ListScreen, engine: Engine, party: str,
                  period: tuple[dt.date, dt.date] | None = None, on_shown=None):
    row = current_row(screen)
    if row is None:
        QMessageBox.information(screen, translate("Printing", "Statement"),
                                translate("Printing", "Choose a customer or supplier first."))
        return None
    name = screen.model.value(row, "name")
    if period is None:
        dialog = PeriodDialog(translate("Printing", "Statement of {name}").format(name=name), screen)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        period = dialog.period()
    date_from, date_to = period
    title = translate("Printing", "Statement of {name}, {start} to {end}").format(
        name=name, start=date_text(date_from), end=date_text(date_to))
    return show_document(screen, "statement", title,
                         f"statement-{party}-{name}-{date_from}-{date_to}",
                         statement_pdf_maker(engine, party, name, date_from, date_to,
                                             print_language()), on_shown)


# ---------------------------------------------------------------- count sheets

class CountSheetDialog(QDialog):
    def __init__(self, categories: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("Printing", "Count sheet"))
        self.category = QComboBox(self)
        self.category.setObjectName("category")
        self.category.addItem(translate("Printing", "Every category"), None)
        for c in categories:
            self.category.addItem(c or translate("Printing", "(no category)"), c)
        self.blind = QCheckBox(translate("Printing", "Blind: without the quantities on record"),
                               self)
        self.blind.setObjectName("blind")
        self.blind.setChecked(True)
        form = QFormLayout()
        form.addRow(translate("Printing", "Category:"), self.category)
        form.addRow("", self.blind)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)


def categories(engine: Engine) -> list[str]:
    """The products' categories, one index probe each (a skip scan of
    ix_products_category_sku: a blink at a million products)."""
    from sqlalchemy import text
    sql = text("WITH RECURSIVE c(cat) AS (SELECT min(category) FROM products UNION ALL "
               "SELECT (SELECT min(category) FROM products WHERE category > c.cat) FROM c "
               "WHERE c.cat IS NOT NULL) SELECT cat FROM c WHERE cat IS NOT NULL")
    return list(_read(engine, lambda c: c.execute(sql).scalars()))


def add_count_sheet_action(screen: ListScreen, engine: Engine, actor: Actor) -> None:
    if may(actor, "stocktake"):
        screen.add_action(translate("Printing", "Count sheet…"),
                          lambda: ask_count_sheet(screen, engine), "countSheet")


def ask_count_sheet(parent: QWidget, engine: Engine, choice: tuple[str | None, bool] | None = None,
                    on_shown=None):
    if choice is None:
        dialog = CountSheetDialog(categories(engine), parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        choice = dialog.category.currentData(), dialog.blind.isChecked()
    category, blind = choice
    language = print_language()

    def make(path):
        from db.printdata import count_sheet_data
        from desktop.printing.documents import count_sheet_pdf
        data = _read(engine, lambda c: count_sheet_data(c, category=category, blind=blind))
        return count_sheet_pdf(data, path, language=language)
    return show_document(parent, "count-sheet", translate("Printing", "Count sheet"),
                         f"count-sheet-{category or 'all'}", make, on_shown)
