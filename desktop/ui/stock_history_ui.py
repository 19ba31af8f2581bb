"""Issue 9's stock history pages on the Reports screen (db.stock_history), each a
question asked off the GUI thread on the reports' pool and answered as a table
(desktop.ui.report_frame), to Excel and to paper:

  * Stock as of a date: each active product's quantity on hand (and, for roles
    with "see-cost", its value) at the end of the day chosen, the total value
    under it;
  * Product history: a product's last operations, newest first: who, what,
    the quantity on hand after each, the batch, the adjustment's reason, and
    for goods received against an order the order and who approved it.
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QLabel, QLineEdit, QSpinBox, QWidget
from sqlalchemy import Engine

from db import stock_history
from db.audit import Actor
from db.errors import BooksError
from desktop.ui.formats import count_text, date_text
from desktop.ui.report_frame import Field, Result, TableReport, date_edit, py_date, total_text

translate = QCoreApplication.translate


# ---------------------------------------------------------------- stock as of a date

class StockAsOfReport(TableReport):
    name = "stockAsOfReport"

    def controls(self):
        from db import clock
        self.as_of = date_edit(self, clock.today(), "asOf")
        return [QLabel(translate("StockHistory", "At the end of"), self), self.as_of]

    def title(self) -> str:
        return translate("StockHistory", "Stock as of a date")

    def about(self):
        return [translate("StockHistory", "On hand at the end of {day}").format(
            day=date_text(py_date(self.as_of)))]

    def question(self):
        as_of, see_cost = py_date(self.as_of), self.see_cost
        day, loc = date_text(as_of), QLocale()        # worded here, on the GUI thread
        fields = [Field(translate("StockHistory", "SKU"), "sku"),
                  Field(translate("StockHistory", "Name"), "label"),
                  Field(translate("StockHistory", "Unit"), "unit"),
                  Field(translate("StockHistory", "On hand"), "qty", "qty")]
        if see_cost:
            fields.append(Field(translate("StockHistory", "Value at cost"), "value", "money"))

        def ask(conn):
            got = stock_history.stock_as_of(conn, as_of)
            rows = [[r["sku"], r["name"], r["unit"], r["qty"]]
                    + ([r["value"]] if see_cost else []) for r in got]
            total = None
            if see_cost:
                total = [total_text(), "", "", None, sum(r["value"] for r in got)]
            note = translate("StockHistory", "{n} products on hand at the end of {day}").format(
                n=count_text(sum(1 for r in got if r["qty"] != 0), loc), day=day)
            return Result(fields, rows, total, note)
        return ask


# ---------------------------------------------------------------- product history

def approvers_text(names: list[str]) -> str:
    return ", ".join(names)


class ProductHistoryReport(TableReport):
    name = "productHistoryReport"

    def controls(self):
        self.product = QLineEdit(self)
        self.product.setObjectName("sku")
        self.product.setPlaceholderText(translate("StockHistory", "SKU"))
        self.product.setMinimumWidth(200)
        self.product.returnPressed.connect(self.refresh)
        self.limit = QSpinBox(self)
        self.limit.setObjectName("limit")
        self.limit.setRange(10, 5000)
        self.limit.setValue(50)
        return [QLabel(translate("StockHistory", "Product"), self), self.product, None,
                QLabel(translate("StockHistory", "Last"), self), self.limit]

    def title(self) -> str:
        return translate("StockHistory", "Product history")

    def about(self):
        return [translate("StockHistory", "Product: {sku}").format(sku=self.product.text().strip())]

    def question(self):
        from desktop.ui.screens import doc_kind_text
        sku, limit, see_cost = self.product.text().strip(), self.limit.value(), self.see_cost
        loc = QLocale()
        if not sku:
            raise BooksError(translate("StockHistory", "Type a product's SKU."))
        fields = [Field(translate("StockHistory", "Time"), "time", "when"),
                  Field(translate("StockHistory", "Document"), "number"),
                  Field(translate("StockHistory", "Kind"), "kind"),
                  Field(translate("StockHistory", "By"), "user"),
                  Field(translate("StockHistory", "In / out"), "qty", "qty"),
                  Field(translate("StockHistory", "On hand after"), "balance", "qty")]
        if see_cost:
            fields.append(Field(translate("StockHistory", "Value"), "value", "money"))
        fields += [Field(translate("StockHistory", "Batch"), "batch"),
                   Field(translate("StockHistory", "Order"), "number"),
                   Field(translate("StockHistory", "Approved by"), "user"),
                   Field(translate("StockHistory", "Note"), "label")]

        def ask(conn):
            rows = []
            for m in stock_history.product_trail(conn, sku, limit):
                row = [m["at"] or m["date"],
                       m["number"], doc_kind_text(m["kind"]), m["user"], m["qty"],
                       m["balance"]]
                if see_cost:
                    row.append(m["value"])
                row += [m["batch"] or "", m["order"] or "", approvers_text(m["approved_by"]),
                        m["note"]]
                rows.append(row)
            note = translate("StockHistory", "{n} operations, newest first").format(
                n=count_text(len(rows), loc))
            return Result(fields, rows, None, note)
        return ask


def stock_history_reports(engine: Engine, actor: Actor) -> list[tuple[str, Callable[[], QWidget]]]:
    """[(title, build)] for the Reports screen's picker."""
    return [(translate("StockHistory", "Stock as of a date"),
             lambda: StockAsOfReport(engine, actor)),
            (translate("StockHistory", "Product history"),
             lambda: ProductHistoryReport(engine, actor))]
