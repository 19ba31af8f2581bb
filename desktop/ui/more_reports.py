"""The other standing reports of issue 8 (Reports), each a question asked off
the GUI thread on the reports' pool (desktop.ui.sales_report) and answered as
a table with its total under it, to Excel and to paper:

  * best and slowest sellers of a period (db.rollups.best_sellers);
  * stock value by category (the on-hand cache: sum of stock.value);
  * receivables and payables ageing: each party's balance in 0-30 / 31-60 /
    61-90 / over 90 days by the documents that built it up (db.statements);
  * the movement history of a product (stock_ledger with its documents,
    newest first, a page at a time, the quantity on hand after each);
  * the daily close: a day's takings by payment method and its totals
    (db.rollups.daily_close).

Money, quantities and dates are shown by the locale (desktop.ui.formats); costs,
values and profit only for roles with "see-cost". A function the books do not
have yet (an older db.rollups) is named in the report's message instead of failing.
"""
from __future__ import annotations

import datetime as dt
from typing import Callable

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QSpinBox, QWidget
from sqlalchemy import Engine, and_, func, or_, select

from db import rollups
from db.audit import Actor
from db.engine import read_connection
from db.errors import BooksError
from db.schema import (barcodes, customers, documents, products, stock, stock_ledger, suppliers,
                       users)
from desktop.ui.formats import count_text, date_text, datetime_text, money_text, qty_text
from desktop.ui.report_frame import (Field, Result, TableReport, date_edit, default_period,
                                     margin_permille, py_date, run_report, total_text)
from desktop.ui.sales_report import key_text

translate = QCoreApplication.translate
HISTORY_PAGE = 200


def _period_line(date_from: dt.date, date_to: dt.date) -> str:
    return translate("MoreReports", "Period: {start} to {end}").format(
        start=date_text(date_from), end=date_text(date_to))


# ---------------------------------------------------------------- best and slowest

class SellersReport(TableReport):
    name = "sellersReport"

    def controls(self):
        start, end = default_period()
        self.date_from = date_edit(self, start, "from")
        self.date_to = date_edit(self, end, "to")
        self.which = QComboBox(self)
        self.which.setObjectName("which")
        self.which.addItem(translate("MoreReports", "Best sellers"), False)
        self.which.addItem(translate("MoreReports", "Slowest sellers"), True)
        self.count = QSpinBox(self)
        self.count.setObjectName("count")
        self.count.setRange(5, 500)
        self.count.setValue(20)
        return [QLabel(translate("MoreReports", "From"), self), self.date_from,
                QLabel(translate("MoreReports", "to"), self), self.date_to, None, self.which,
                QLabel(translate("MoreReports", "How many"), self), self.count]

    def title(self) -> str:
        return (translate("MoreReports", "Slowest sellers") if self.which.currentData()
                else translate("MoreReports", "Best sellers"))

    def about(self):
        return [_period_line(py_date(self.date_from), py_date(self.date_to))]

    def question(self):
        best = rollups.best_sellers
        date_from, date_to = py_date(self.date_from), py_date(self.date_to)
        slowest, n, see_cost = bool(self.which.currentData()), self.count.value(), self.see_cost
        rollups.check_period(date_from, date_to, "product")
        fields = [Field(translate("MoreReports", "Rank"), "rank", "count"),
                  Field(translate("MoreReports", "SKU"), "sku"),
                  Field(translate("MoreReports", "Name"), "name"),
                  Field(translate("MoreReports", "Quantity"), "qty", "qty"),
                  Field(translate("MoreReports", "Amount"), "amount", "money")]
        if see_cost:
            fields += [Field(translate("MoreReports", "Gross profit"), "profit", "money"),
                       Field(translate("MoreReports", "Margin"), "margin", "percent")]

        def ask(conn):
            rows = []
            for i, r in enumerate(best(conn, date_from, date_to, n=n, slowest=slowest), 1):
                row = [i, r["key"], r["label"], r["qty"], r["amount"]]
                if see_cost:
                    row += [r["profit"], margin_permille(r["profit"], r["amount"])]
                rows.append(row)
            return Result(fields, rows)
        return ask


# ---------------------------------------------------------------- stock value

class StockValueReport(TableReport):
    name = "stockValueReport"

    def title(self) -> str:
        return translate("MoreReports", "Stock value by category")

    def about(self):
        from db import clock
        return [translate("MoreReports", "On hand as of {when}").format(
            when=datetime_text(clock.now()))]

    def question(self):
        if not self.see_cost:
            raise BooksError(translate("MoreReports", "Stock values are costs: this report is "
                                                      "for roles that see costs."))
        fields = [Field(translate("MoreReports", "Category"), "group"),
                  Field(translate("MoreReports", "Products in stock"), "products", "count"),
                  Field(translate("MoreReports", "Value at cost"), "value", "money"),
                  Field(translate("MoreReports", "Value at price"), "retail", "money"),
                  Field(translate("MoreReports", "Share"), "share", "percent")]

        def ask(conn):
            from db.money import line_amount
            P, S = products.c, stock.c
            q = (select(P.category, func.count(), func.sum(S.value),
                        func.sum(P.price * S.qty))
                 .select_from(stock.join(products, P.id == S.product_id))
                 .where(S.qty != 0)
                 .group_by(P.category))
            got = [(cat, int(n), int(v or 0), line_amount(int(r or 0), 1))
                   for cat, n, v, r in conn.execute(q)]
            whole = sum(v for _c, _n, v, _r in got)
            got.sort(key=lambda g: (-g[2], g[0]))
            rows = [[key_text("category", c), n, v, r, margin_permille(v, whole)]
                    for c, n, v, r in got]
            total = [total_text(), sum(g[1] for g in got), whole, sum(g[3] for g in got),
                     1000 if whole else None]
            return Result(fields, rows, total)
        return ask


# ---------------------------------------------------------------- ageing

class AgeingReport(TableReport):
    """What each customer owes (or the shop owes each supplier), by age."""

    def __init__(self, engine: Engine, actor: Actor, party: str, parent=None):
        self.party = party
        self.name = f"{party}Ageing"
        super().__init__(engine, actor, parent)

    def controls(self):
        from db import clock
        self.as_of = date_edit(self, clock.today(), "asOf")
        return [QLabel(translate("MoreReports", "As of"), self), self.as_of]

    def title(self) -> str:
        return (translate("MoreReports", "Receivables ageing") if self.party == "customer"
                else translate("MoreReports", "Payables ageing"))

    def about(self):
        return [translate("MoreReports", "As of {day}").format(day=date_text(py_date(self.as_of)))]

    def question(self):
        from db.statements import statement
        party, as_of = self.party, py_date(self.as_of)
        table = customers if party == "customer" else suppliers
        fields = [Field(translate("MoreReports", "Customer") if party == "customer"
                        else translate("MoreReports", "Supplier"), "party"),
                  Field(translate("MoreReports", "Balance"), "balance", "money"),
                  Field(translate("MoreReports", "0–30 days"), "d30", "money"),
                  Field(translate("MoreReports", "31–60 days"), "d60", "money"),
                  Field(translate("MoreReports", "61–90 days"), "d90", "money"),
                  Field(translate("MoreReports", "Over 90 days"), "older", "money")]

        def ask(conn):
            names = conn.execute(select(table.c.name).where(table.c.balance != 0)
                                 .order_by(table.c.name)).scalars().all()
            rows = []
            for name in names:
                s = statement(conn, party, name, as_of, as_of)
                if s.closing == 0 and not any(s.ageing):
                    continue
                rows.append([name, s.closing, *s.ageing])
            rows.sort(key=lambda r: (-r[1], r[0]))
            total = [total_text()] + [sum(r[i] for r in rows) for i in range(1, 6)]
            return Result(fields, rows, total)
        return ask


# ---------------------------------------------------------------- movement history

class MovementsReport(TableReport):
    name = "movementsReport"

    def controls(self):
        self.product = QLineEdit(self)
        self.product.setObjectName("product")
        self.product.setPlaceholderText(translate("MoreReports", "SKU or barcode"))
        self.product.setMinimumWidth(220)
        self.product.returnPressed.connect(self.refresh)
        self._last = self._after_qty = self._product_id = None
        return [QLabel(translate("MoreReports", "Product"), self), self.product]

    def extra(self, layout):
        self.more = QPushButton(translate("MoreReports", "Older movements…"), self)
        self.more.setObjectName("more")
        self.more.clicked.connect(self.older)
        self.more.hide()
        layout.addWidget(self.more, 0, Qt.AlignmentFlag.AlignLeft)

    def title(self) -> str:
        return translate("MoreReports", "Movement history")

    def about(self):
        return [translate("MoreReports", "Product: {code}").format(code=self.product.text())]

    def fields(self) -> list[Field]:
        out = [Field(translate("MoreReports", "Time"), "time", "when"),
               Field(translate("MoreReports", "Document"), "number"),
               Field(translate("MoreReports", "Kind"), "kind"),
               Field(translate("MoreReports", "By"), "user"),
               Field(translate("MoreReports", "In / out"), "qty", "qty"),
               Field(translate("MoreReports", "On hand after"), "after", "qty")]
        if self.see_cost:
            out += [Field(translate("MoreReports", "Unit cost"), "unit_cost", "money"),
                    Field(translate("MoreReports", "Value"), "value", "money")]
        return out

    def question(self):
        code = self.product.text().strip()
        if not code:
            raise BooksError(translate("MoreReports", "Type a product's SKU or barcode."))
        self._last, self._after_qty, self._product_id = None, None, None
        return self._page(code, None, None)

    def older(self) -> None:
        """The next page of older movements, added under those shown."""
        if self._last is None:
            return
        ask = self._page(None, self._last, self._after_qty)
        generation, engine = self._generation, self.engine
        self.busy.show()

        def work(_report) -> Result:
            with read_connection(engine) as conn:
                return ask(conn)

        def done(result: Result) -> None:
            if generation == self._generation:
                self.busy.hide()
                self._product_id, self._last, self._after_qty = result.extra
                self.model.append(result.rows)
                self._say()
        run_report(work, done, self.failed, owner=self)

    def _page(self, code: str | None, before: int | None, after_qty: int | None):
        """The movements older than id `before` (none: the newest), a page."""
        from desktop.ui.screens import doc_kind_text
        fields, see_cost = self.fields(), self.see_cost
        product_id = self._product_id

        def ask(conn):
            nonlocal product_id
            P, L, D = products.c, stock_ledger.c, documents.c
            if product_id is None:
                found = conn.execute(
                    select(P.id, P.sku, P.name).where(or_(
                        P.sku == code, P.id.in_(select(barcodes.c.product_id)
                                                .where(barcodes.c.code == code))))).first()
                if found is None:
                    raise BooksError(translate("MoreReports", "No product with SKU or barcode "
                                                              "{code}").format(code=code))
                product_id = found.id
            on_hand = after_qty
            if on_hand is None:
                on_hand = conn.execute(select(stock.c.qty).where(stock.c.product_id == product_id)
                                       ).scalar() or 0
            q = (select(L.id, L.created_at, D.number, D.kind, users.c.name, L.qty, L.unit_cost,
                        L.value)
                 .select_from(stock_ledger.join(documents, D.id == L.document_id)
                              .join(users, users.c.id == L.user_id))
                 .where(and_(L.product_id == product_id,
                             L.id < before if before is not None else True))
                 .order_by(L.id.desc()).limit(HISTORY_PAGE + 1))
            got = conn.execute(q).all()
            more = len(got) > HISTORY_PAGE
            rows, last = [], None
            for r in got[:HISTORY_PAGE]:
                row = [r.created_at, r.number, doc_kind_text(r.kind), r.name, int(r.qty), on_hand]
                if see_cost:
                    row += [int(r.unit_cost), int(r.value)]
                rows.append(row)
                on_hand -= int(r.qty)                  # what there was before this movement
                last = r.id
            return Result(fields, rows, extra=(product_id, last if more else None, on_hand))
        return ask

    def show_result(self, result: Result) -> None:
        self._product_id, self._last, self._after_qty = result.extra
        super().show_result(result)
        self._say()

    def _say(self) -> None:
        self.more.setVisible(self._last is not None)
        self.status.setText(translate("MoreReports", "{n} movements, newest first").format(
            n=count_text(self.model.rowCount())) + ("" if self._last is None else
                                        translate("MoreReports", "; older ones on request")))


# ---------------------------------------------------------------- daily close

class DailyCloseReport(TableReport):
    name = "dailyClose"

    def controls(self):
        from db import clock
        self.day = date_edit(self, clock.today(), "day")
        return [QLabel(translate("MoreReports", "Day"), self), self.day]

    def title(self) -> str:
        return translate("MoreReports", "Daily close")

    def about(self):
        return [translate("MoreReports", "Day: {day}").format(day=date_text(py_date(self.day)))]

    def question(self):
        from desktop.ui.screens import payment_text
        close = rollups.daily_close
        day, see_cost = py_date(self.day), self.see_cost
        loc = QLocale()                  # read here: the note is worded off the GUI thread
        fields = [Field(translate("MoreReports", "Payment"), "method"),
                  Field(translate("MoreReports", "Documents"), "docs", "count"),
                  Field(translate("MoreReports", "Amount"), "amount", "money")]

        def ask(conn):
            c = close(conn, day)
            rows = [[payment_text(m["method"]), m["docs"], m["amount"]] for m in c["methods"]]
            total = [total_text(), c["docs"], c["amount"]]
            parts = [translate("MoreReports", "Sales and returns: {docs}, quantity {qty}, "
                                              "amount {amount}").format(
                docs=count_text(c["docs"], loc), qty=qty_text(c["qty"], loc),
                amount=money_text(c["amount"], loc))]
            if see_cost:
                parts.append(translate("MoreReports", "; cost {cost}, gross profit {profit}")
                             .format(cost=money_text(c["cost"], loc),
                                     profit=money_text(c["profit"], loc)))
            return Result(fields, rows, total, "".join(parts))
        return ask


def more_reports(engine: Engine, actor: Actor) -> list[tuple[str, Callable[[], QWidget]]]:
    """(title, build) of each report here, for the Reports screen's picker."""
    return [
        (translate("MoreReports", "Best and slowest sellers"),
         lambda: SellersReport(engine, actor)),
        (translate("MoreReports", "Stock value by category"),
         lambda: StockValueReport(engine, actor)),
        (translate("MoreReports", "Receivables ageing"),
         lambda: AgeingReport(engine, actor, "customer")),
        (translate("MoreReports", "Payables ageing"),
         lambda: AgeingReport(engine, actor, "supplier")),
        (translate("MoreReports", "Movement history of a product"),
         lambda: MovementsReport(engine, actor)),
        (translate("MoreReports", "Daily close"), lambda: DailyCloseReport(engine, actor)),
    ]
