"""Issue 9's batch recall page on the Reports screen (db.recall): type a product's
SKU and a batch number, Find, and the page shows the batch (its expiry, where it
came from, how much came in and is left) above a table of every sale of it:
when, the document, the customer (or a walk-in), what was sold, what came back,
what the customer kept, and the cashier. The question is asked off the GUI
thread on the reports' pool (desktop.ui.report_frame), like every report, and
the table goes to Excel and to paper.
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget
from sqlalchemy import Engine

from db import recall
from db.audit import Actor
from db.errors import BooksError
from desktop.ui.formats import count_text, date_text, qty_text
from desktop.ui.report_frame import Field, Result, TableReport, total_text

translate = QCoreApplication.translate


def header_lines(r: dict) -> list[str]:
    """The batch as the page's header and the printed report's first lines say it."""
    expiry = date_text(r["expiry"]) if r["expiry"] else translate("Batches", "none")
    first = translate("Batches", "{sku} {name}, batch {batch}, expiry {expiry}").format(
        sku=r["sku"], name=r["name"], batch=r["batch"], expiry=expiry)
    if r["expired"]:
        first += " " + translate("Batches", "(expired: cannot be sold)")
    lines = [first]
    if r["receipts"]:
        for x in r["receipts"]:
            lines.append(translate("Batches", "Received {qty} from {supplier} on {number} "
                                              "({date})").format(
                qty=qty_text(x["qty"]), supplier=x["supplier"] or "-", number=x["number"],
                date=date_text(x["date"])))
    else:
        lines.append(translate("Batches", "Not received on a purchase receipt"))
    lines.append(translate("Batches", "Received {received}, on hand now {on_hand}, sold "
                                      "{sold} (net of returns)").format(
        received=qty_text(r["received"]), on_hand=qty_text(r["on_hand"]),
        sold=qty_text(r["sold"])))
    return lines


class BatchRecallReport(TableReport):
    name = "batchRecallReport"

    def __init__(self, engine: Engine, actor: Actor, parent=None):
        super().__init__(engine, actor, parent)
        self.find_button = self.show_button
        self.find_button.setText(translate("Batches", "Find (F5)"))
        self.find_button.setShortcut(Qt.Key.Key_F5)
        self.header = QLabel(self)
        self.header.setObjectName("batchHeader")
        self.header.setWordWrap(True)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.layout().insertWidget(1, self.header)
        self.recalled: dict | None = None

    def controls(self):
        self.sku = QLineEdit(self)
        self.sku.setObjectName("sku")
        self.sku.setPlaceholderText(translate("Batches", "SKU"))
        self.sku.setMinimumWidth(160)
        self.sku.returnPressed.connect(self.refresh)
        self.batch = QLineEdit(self)
        self.batch.setObjectName("batch")
        self.batch.setPlaceholderText(translate("Batches", "Batch number"))
        self.batch.setMinimumWidth(140)
        self.batch.returnPressed.connect(self.refresh)
        return [QLabel(translate("Batches", "Product"), self), self.sku, None,
                QLabel(translate("Batches", "Batch"), self), self.batch]

    def title(self) -> str:
        return translate("Batches", "Batch recall")

    def about(self):
        return [translate("Batches", "Product {sku}, batch {batch}").format(
            sku=self.sku.text().strip(), batch=self.batch.text().strip())]

    def question(self):
        sku, batch_no = self.sku.text().strip(), self.batch.text().strip()
        if not sku or not batch_no:
            raise BooksError(translate("Batches", "Type a product's SKU and a batch number."))
        walk_in = translate("Batches", "(walk-in)")
        loc = QLocale()
        fields = [Field(translate("Batches", "Date"), "date", "date"),
                  Field(translate("Batches", "Document"), "number"),
                  Field(translate("Batches", "Customer"), "party"),
                  Field(translate("Batches", "Sold"), "sold", "qty"),
                  Field(translate("Batches", "Returned"), "returned", "qty"),
                  Field(translate("Batches", "Kept"), "qty", "qty"),
                  Field(translate("Batches", "Cashier"), "user")]

        def ask(conn) -> Result:
            r = recall.recall(conn, sku, batch_no)
            rows = [[s["date"], s["number"], s["customer"] or walk_in, s["sold"],
                     s["returned"], s["qty"], s["cashier"]] for s in r["sales"]]
            total = None
            if rows:
                total = [total_text(), "", "", sum(s["sold"] for s in r["sales"]),
                         sum(s["returned"] for s in r["sales"]), r["sold"], ""]
            note = translate("Batches", "{n} sales of batch {batch}").format(
                n=count_text(len(rows), loc), batch=r["batch"]) if rows else translate(
                "Batches", "No sales of batch {batch}").format(batch=r["batch"])
            return Result(fields, rows, total, note, extra=r)
        return ask

    def show_result(self, result: Result) -> None:
        self.recalled = result.extra
        lines = header_lines(result.extra)
        self.header.setText("\n".join(lines))
        self.shown_about = lines       # the printed report's first lines
        super().show_result(result)

    def failed(self, message: str) -> None:
        """No batch found: nothing of an earlier answer stays in sight."""
        self.recalled, self.result = None, None
        self.header.clear()
        self.model.show([], [], None)
        self.totals.show([], [], None)
        self.footer.hide()
        self.status.clear()
        super().failed(message)


def recall_reports(engine: Engine, actor: Actor) -> list[tuple[str, Callable[[], QWidget]]]:
    """[(title, build)] for the Reports screen's picker."""
    return [(translate("Batches", "Batch recall"), lambda: BatchRecallReport(engine, actor))]
