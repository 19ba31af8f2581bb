"""Stock adjustments on screen: the Stock screen's "Adjust stock…" (owner, manager)
posts one with a reason from db.adjustments.ADJUSTMENT_REASONS and a note; the
Reports screen's "Adjustments by reason" sums a period's (quantity in and out,
and for those who see cost, the value)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel,
                               QLineEdit, QWidget)
from sqlalchemy import Engine

from db import adjustments, clock
from db.audit import Actor
from db.books import Books
from db.documents import LineIn
from db.errors import BooksError
from db.permissions import may
from desktop.ui.formats import date_text, parse_qty_text
from desktop.ui.refusals import show_refusal
from desktop.ui.report_frame import Field, Result, TableReport, date_edit, py_date, total_text
from desktop.ui.widgets import error_label

translate = QCoreApplication.translate


def reason_text(reason: str) -> str:
    return {"damage": translate("Adjust", "Damage"), "expiry": translate("Adjust", "Expired"),
            "loss": translate("Adjust", "Loss"), "gift": translate("Adjust", "Gift"),
            "sample": translate("Adjust", "Sample"),
            "internal-use": translate("Adjust", "Internal use"),
            "found": translate("Adjust", "Found"), "other": translate("Adjust", "Other")
            }.get(reason, reason)


class AdjustDialog(QDialog):
    """One product up or down, with a reason; posted when accepted (the dialog
    stays open with the refusal when the books refuse it)."""

    def __init__(self, engine: Engine, actor: Actor, parent: QWidget | None = None,
                 sku: str = ""):
        super().__init__(parent)
        self.setWindowTitle(translate("Adjust", "Adjust stock"))
        self.books = Books(engine, actor)
        self.posted = None
        form = QFormLayout(self)
        self.code = QLineEdit(sku, self)
        self.code.setObjectName("adjustCode")
        self.code.setPlaceholderText(translate("Adjust", "SKU or barcode"))
        self.qty = QLineEdit(self)
        self.qty.setObjectName("adjustQty")
        self.qty.setPlaceholderText(translate("Adjust", "-2 takes two away, 3 adds three"))
        self.reason = QComboBox(self)
        self.reason.setObjectName("adjustReason")
        for r in adjustments.ADJUSTMENT_REASONS:
            self.reason.addItem(reason_text(r), r)
        self.batch = QLineEdit(self)
        self.batch.setObjectName("adjustBatch")
        self.batch.setPlaceholderText(translate("Adjust", "only for products kept by batch"))
        self.note = QLineEdit(self)
        self.note.setObjectName("adjustNote")
        self.note.setPlaceholderText(translate("Adjust", "what happened"))
        form.addRow(translate("Adjust", "Product:"), self.code)
        form.addRow(translate("Adjust", "Quantity (+/-):"), self.qty)
        form.addRow(translate("Adjust", "Reason:"), self.reason)
        form.addRow(translate("Adjust", "Batch:"), self.batch)
        form.addRow(translate("Adjust", "Note:"), self.note)
        self.error = error_label(self)
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.post)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def post(self) -> bool:
        try:
            qty = parse_qty_text(self.qty.text().strip(), "quantity")
            line = LineIn(self.code.text().strip(), qty, None, self.batch.text().strip() or None)
            self.posted = self.books.post_adjustment([line], reason=self.reason.currentData(),
                                                     note=self.note.text())
        except BooksError as exc:
            show_refusal(self.error, exc.message)
            self.error.show()
            return False
        self.accept()
        return True


def add_adjust_action(screen, engine: Engine, actor: Actor) -> None:
    """The Stock screen's "Adjust stock…" for those who may adjust."""
    if not may(actor, "adjustment"):
        return

    def adjust():
        from desktop.ui.print_actions import current_row
        row = current_row(screen)
        sku = screen.model.value(row, "sku") if row is not None else ""
        dialog = AdjustDialog(engine, actor, screen, sku)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            screen.refresh()
    screen.add_action(translate("Adjust", "Adjust stock…"), adjust, "adjustStock")


class AdjustmentsReport(TableReport):
    name = "adjustmentsReport"

    def controls(self):
        today = clock.today()
        self.date_from = date_edit(self, today.replace(day=1), "dateFrom")
        self.date_to = date_edit(self, today, "dateTo")
        return [QLabel(translate("Adjust", "From"), self), self.date_from,
                QLabel(translate("Adjust", "to"), self), self.date_to]

    def title(self) -> str:
        return translate("Adjust", "Adjustments by reason")

    def about(self):
        return [translate("Adjust", "{start} to {end}").format(
            start=date_text(py_date(self.date_from)), end=date_text(py_date(self.date_to)))]

    def question(self):
        a, b, see_cost = py_date(self.date_from), py_date(self.date_to), self.see_cost
        fields = [Field(translate("Adjust", "Reason"), "label"),
                  Field(translate("Adjust", "Documents"), "documents", "count"),
                  Field(translate("Adjust", "In"), "qty_in", "qty"),
                  Field(translate("Adjust", "Out"), "qty_out", "qty")]
        if see_cost:
            fields.append(Field(translate("Adjust", "Value"), "value", "money"))

        def ask(conn):
            got = adjustments.by_reason(conn, a, b)
            rows = [[reason_text(r["reason"]), r["documents"], r["qty_in"], r["qty_out"]]
                    + ([r["value"]] if see_cost else []) for r in got]
            total = [total_text(), sum(r["documents"] for r in got),
                     sum(r["qty_in"] for r in got), sum(r["qty_out"] for r in got)] \
                + ([sum(r["value"] for r in got)] if see_cost else [])
            return Result(fields, rows, total if got else None, "")
        return ask


def adjustment_reports(engine: Engine, actor: Actor) -> list:
    return [(translate("Adjust", "Adjustments by reason"),
             lambda: AdjustmentsReport(engine, actor))]
