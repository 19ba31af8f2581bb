"""The sales summary (Reports): a period, a grouping (day, week, month,
product, category, customer, cashier), quantity, amount, cost and gross
profit per group with the period's total; exported to Excel, printed on A4.
The frame every report shares (`TableReport`: controls, the table with its
total pinned under it, Export, Print) is desktop/ui/report_frame.py.

How it stays out of everybody's way:
  * The question runs on a pool of its own (one thread, low priority), not
    Qt's global pool, so a long report never holds the threads the counter's
    and the lists' work runs on; the screen shows a busy bar and Cancel.
  * Answers are kept (`summary`) by (database, period, grouping,
    db.rollups.version): asking again answers from memory until a posting
    changes the version. Only the version is read then -- one tiny query.
  * Cost, profit and margin are columns only for roles with "see-cost"
    (db.permissions): a cashier's summary never carries them, on screen, on
    paper or in the workbook.
"""
from __future__ import annotations

import datetime as dt
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import QComboBox, QLabel
from sqlalchemy import Engine

from db import rollups
from db.engine import read_connection
from desktop.ui.formats import count_text, date_text
from desktop.ui.report_frame import (Field, Result, TableReport, date_edit, default_period,
                                     margin_permille, py_date, total_text)

translate = QCoreApplication.translate
CACHE_SIZE = 64


# ---------------------------------------------------------------- the cache

@dataclass(frozen=True)
class Answer:
    summary: dict            # rollups.sales_summary's {"rows", "total"}
    cached: bool             # from memory: no summary query ran
    ms: int                  # how long the summary query took (0 from the cache)


_cache: OrderedDict[tuple, dict] = OrderedDict()
_lock = threading.Lock()
stats = {"queries": 0, "hits": 0}      # summaries read / answered from memory


def db_key(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=True)


def cached_summary(conn, db: str, date_from: dt.date, date_to: dt.date, by: str) -> Answer:
    """rollups.sales_summary on conn (of the database named db), answered from
    memory while the books' version stands. Off the GUI thread: it reads the
    version at least."""
    rollups.check_period(date_from, date_to, by)
    # the version first: an answer read after it is at least as new as it says
    key = (db, date_from, date_to, by, rollups.version(conn))
    with _lock:
        hit = _cache.get(key)
        if hit is not None:
            _cache.move_to_end(key)
            stats["hits"] += 1
            return Answer(hit, True, 0)
    start = time.perf_counter()
    result = rollups.sales_summary(conn, date_from, date_to, by)
    ms = round((time.perf_counter() - start) * 1000)
    with _lock:
        stats["queries"] += 1
        _cache[key] = result
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
    return Answer(result, False, ms)


def summary(engine: Engine, date_from: dt.date, date_to: dt.date, by: str) -> Answer:
    with read_connection(engine) as conn:
        return cached_summary(conn, db_key(engine), date_from, date_to, by)


def forget() -> None:
    with _lock:
        _cache.clear()


# ---------------------------------------------------------------- texts and figures

def grouping_text(by: str) -> str:
    return {"day": translate("SalesReport", "Day"), "week": translate("SalesReport", "Week"),
            "month": translate("SalesReport", "Month"),
            "product": translate("SalesReport", "Product"),
            "category": translate("SalesReport", "Category"),
            "customer": translate("SalesReport", "Customer"),
            "cashier": translate("SalesReport", "Cashier")}[by]


def key_text(by: str, key: str) -> str:
    """A group's key as shown: the blank customer and category named."""
    if key:
        return key
    if by == "customer":
        return translate("SalesReport", "(walk-in customers)")
    if by == "category":
        return translate("SalesReport", "(no category)")
    return key


def fields_for(by: str, see_cost: bool) -> list[Field]:
    if by == "product":
        out = [Field(translate("SalesReport", "SKU"), "key"),
               Field(translate("SalesReport", "Name"), "label")]
    else:
        out = [Field(grouping_text(by), "group" if by not in rollups.TIME_GROUPINGS else "key",
                     "date" if by == "day" else "text")]
    out += [Field(translate("SalesReport", "Quantity"), "qty", "qty"),
            Field(translate("SalesReport", "Amount"), "amount", "money")]
    if see_cost:
        out += [Field(translate("SalesReport", "Cost"), "cost", "money"),
                Field(translate("SalesReport", "Gross profit"), "profit", "money"),
                Field(translate("SalesReport", "Margin"), "margin", "percent")]
    return out


def summary_rows(by: str, answer: dict, see_cost: bool) -> tuple[list[list], list]:
    """A summary's rows and total as the table's raw values (no cost without see_cost)."""
    def values(r: dict) -> list:
        out = [r["qty"], r["amount"]]
        if see_cost:
            out += [r["cost"], r["profit"], margin_permille(r["profit"], r["amount"])]
        return out
    rows = [([r["key"], r["label"]] if by == "product" else [key_text(by, r["key"])]) + values(r)
            for r in answer["rows"]]
    total = [total_text()] + ([None] if by == "product" else []) + values(answer["total"])
    return rows, total


class SalesReportView(TableReport):
    """From / To / Group by; the summary answered from the cache while it holds."""
    name = "salesReport"

    def controls(self):
        start, end = default_period()
        self.date_from = date_edit(self, start, "from")
        self.date_to = date_edit(self, end, "to")
        self.group = QComboBox(self)
        self.group.setObjectName("groupBy")
        for by in rollups.GROUPINGS:
            self.group.addItem(grouping_text(by), by)
        self.group.currentIndexChanged.connect(lambda _i: self.refresh())
        self.answer: Answer | None = None
        return [QLabel(translate("SalesReport", "From"), self), self.date_from,
                QLabel(translate("SalesReport", "to"), self), self.date_to, None,
                QLabel(translate("SalesReport", "Group by"), self), self.group]

    @property
    def by(self) -> str:
        return self.group.currentData()

    def set_period(self, date_from: dt.date, date_to: dt.date) -> None:
        self.date_from.setDate(QDate(date_from.year, date_from.month, date_from.day))
        self.date_to.setDate(QDate(date_to.year, date_to.month, date_to.day))

    def set_grouping(self, by: str) -> None:
        """Chooses the grouping (which asks again)."""
        self.group.setCurrentIndex(self.group.findData(by))

    def title(self) -> str:
        return translate("SalesReport", "Sales summary by {grouping}").format(
            grouping=grouping_text(self.by).lower())

    def about(self) -> list[str]:
        return [translate("SalesReport", "Period: {start} to {end}").format(
            start=date_text(py_date(self.date_from)), end=date_text(py_date(self.date_to)))]

    def question(self):
        date_from, date_to, by = py_date(self.date_from), py_date(self.date_to), self.by
        rollups.check_period(date_from, date_to, by)
        db, see_cost, fields = db_key(self.engine), self.see_cost, fields_for(by, self.see_cost)

        def ask(conn) -> Result:
            answer = cached_summary(conn, db, date_from, date_to, by)
            rows, total = summary_rows(by, answer.summary, see_cost)
            return Result(fields, rows, total, extra=(answer, date_from, date_to))
        return ask

    def show_result(self, result: Result) -> None:
        super().show_result(result)
        self.answer, date_from, date_to = result.extra
        how = (translate("SalesReport", "from the cache (no posting since)") if self.answer.cached
               else translate("SalesReport", "read in {ms} ms").format(ms=self.answer.ms))
        self.status.setText(translate("SalesReport", "{n} rows, {start} to {end}; {how}")
                            .format(n=count_text(len(result.rows)), start=date_text(date_from),
                                    end=date_text(date_to), how=how))
