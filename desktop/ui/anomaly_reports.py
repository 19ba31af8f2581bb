"""Issue 9's anomaly reports on the Reports screen (db.anomalies):

  * Weekly anomalies: a week (Monday to Sunday) looked through for after-hours
    activity, cancels per user, large adjustments, sales below cost and
    products whose counts keep differing from the books; one table with a
    section column. Voids at the till are not recorded by the books, so the
    page says that only cancels are counted.
  * Count accuracy: per stocktake of a period, items counted, items as
    expected and the accuracy, with a line of the accuracy per count.

Both are asked off the GUI thread on the reports' pool (desktop.ui.report_frame).
Costs (adjustment values, sales below cost) only for roles with "see-cost".
"""
from __future__ import annotations

import datetime as dt
from typing import Callable

from PySide6.QtCharts import QChart, QChartView, QLineSeries, QValueAxis
from PySide6.QtCore import QCoreApplication, QLocale, QMargins, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QLabel, QWidget
from sqlalchemy import Engine

from db import anomalies as an
from db.audit import Actor
from db.errors import BooksError
from db.money import round_div
from db.permissions import may
from desktop.ui.formats import count_text, date_text, datetime_text, money_text, qty_text
from desktop.ui.report_frame import (Field, Result, TableReport, date_edit, default_period,
                                     py_date, total_text)

translate = QCoreApplication.translate


def _need_reports(actor: Actor) -> None:
    if not may(actor, "reports"):
        raise BooksError(translate("Anomalies", "Reports are for the owner, managers and the "
                                                "bookkeeper."))


def _minute(stamp: str) -> str:
    """'2026-01-05 23:30:12' -> '2026-01-05 23:30'."""
    return stamp[:16]


# ---------------------------------------------------------------- the weekly anomalies

def anomaly_rows(answer: dict, see_cost: bool, locale: QLocale | None = None) -> list[list]:
    """The report's sections as rows: section, user, when, document, what, detail[, value].
    When is ISO text (shown by the locale); the detail is worded in `locale`."""
    rows: list[list] = []
    loc = locale if locale is not None else QLocale()

    def stamp(at: str) -> str:
        return datetime_text(_minute(at), locale=loc)

    def add(*cells, value=None):
        rows.append(list(cells) + ([value] if see_cost else []))

    for u in answer["after_hours"]:
        ex = u["examples"]
        add(translate("Anomalies", "After hours"), u["user"], _minute(ex[0]["at"]) if ex else "",
            "", translate("Anomalies", "{n} outside hours: {p} postings, {c} cancels, "
                                       "{e} edits").format(n=u["count"], p=u["postings"],
                                                           c=u["cancels"], e=u["edits"]),
            "; ".join(f"{stamp(e['at'])} {e['action']} {e['entity_id']}" for e in ex))
    for u in answer["cancels"]:
        docs = u["documents"]
        add(translate("Anomalies", "Cancels"), u["user"], _minute(docs[0]["at"]) if docs else "",
            "", translate("Anomalies", "{n} cancelled").format(n=u["count"]),
            ", ".join(d["number"] for d in docs))
    for a in answer["large_adjustments"]:
        add(translate("Anomalies", "Large adjustment"), a["user"], a["date"], a["number"],
            a["reason"], translate("Anomalies", "cancelled") if a["status"] == "cancelled" else "",
            value=a.get("value"))
    for s in answer.get("sales_below_cost", []):
        add(translate("Anomalies", "Sale below cost"), s["user"], s["date"], s["number"],
            f"{s['sku']} {s['name']}",
            translate("Anomalies", "{qty} at {price}, unit cost {cost}").format(
                qty=qty_text(s["qty"], loc), price=money_text(s["price"], loc),
                cost=money_text(s["unit_cost"], loc)),
            value=-s["loss"])
    for p in answer["count_variances"]:
        last = p["history"][0]
        add(translate("Anomalies", "Count variances"), "", last["date"], last["number"],
            f"{p['sku']} {p['name']}",
            translate("Anomalies", "{v} of the last {n} counts differ: {diffs}").format(
                v=p["variances"], n=p["counts"],
                diffs=", ".join(qty_text(h["difference"], loc) for h in p["history"])))
    return rows


class WeeklyAnomaliesReport(TableReport):
    name = "weeklyAnomalies"

    def controls(self):
        self.week = date_edit(self, an.week_of(), "weekOf")
        return [QLabel(translate("Anomalies", "Week of"), self), self.week]

    def title(self) -> str:
        return translate("Anomalies", "Weekly anomalies")

    def about(self):
        start = an.week_of(py_date(self.week))
        return [translate("Anomalies", "Week: {start} to {end}").format(
            start=date_text(start), end=date_text(start + dt.timedelta(days=6)))]

    def question(self):
        _need_reports(self.actor)
        start, see_cost = an.week_of(py_date(self.week)), self.see_cost
        loc = QLocale()                  # the rows are worded off the GUI thread
        fields = [Field(translate("Anomalies", "Section"), "section"),
                  Field(translate("Anomalies", "User"), "user"),
                  Field(translate("Anomalies", "When"), "time", "when"),
                  Field(translate("Anomalies", "Document"), "number"),
                  Field(translate("Anomalies", "What"), "label"),
                  Field(translate("Anomalies", "Detail"), "detail")]
        if see_cost:
            fields.append(Field(translate("Anomalies", "Value"), "value", "money"))

        def ask(conn):
            answer = an.anomalies(conn, start)
            if not see_cost:
                answer = an.without_cost(answer)
            rows = anomaly_rows(answer, see_cost, loc)
            note = [translate("Anomalies", "{n} findings, {start} to {end}; shop hours "
                                           "{hours}.").format(
                n=count_text(len(rows), loc), start=date_text(answer["week_start"], loc),
                end=date_text(answer["week_end"], loc), hours=answer["shop_hours"])]
            if see_cost:
                note.append(translate("Anomalies", "Adjustments over {value} listed.").format(
                    value=money_text(answer["adjustment_threshold"], loc)))
            else:
                note.append(translate("Anomalies", "Sales below cost are left out: they show "
                                                   "costs."))
            note.append(translate("Anomalies", "Voids at the till are not recorded: only "
                                               "cancels are counted."))
            return Result(fields, rows, None, " ".join(note), extra=answer)
        return ask


# ---------------------------------------------------------------- count accuracy

def accuracy_chart(rows: list[list]) -> QChart:
    """Accuracy (%) per count, in order: one line (a float is fine for drawing)."""
    chart = QChart()
    chart.setTitle(translate("Anomalies", "Accuracy per count"))
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(6, 6, 6, 6))
    chart.legend().hide()
    line = QLineSeries()
    line.setName(translate("Anomalies", "Accuracy"))
    for i, r in enumerate(rows, 1):
        line.append(float(i), r[-1] / 10)
    chart.addSeries(line)
    x_axis, y_axis = QValueAxis(), QValueAxis()
    x_axis.setLabelFormat("%d")
    x_axis.setRange(1, max(len(rows), 2))
    x_axis.setTickCount(min(max(len(rows), 2), 10))
    x_axis.setTitleText(translate("Anomalies", "Count"))
    y_axis.setLabelFormat("%.0f")
    y_axis.setRange(0, 100)
    y_axis.setTitleText("%")
    chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
    line.attachAxis(x_axis)
    line.attachAxis(y_axis)
    return chart


class CountAccuracyReport(TableReport):
    name = "countAccuracy"

    def controls(self):
        start, end = default_period()
        self.date_from = date_edit(self, start, "from")
        self.date_to = date_edit(self, end, "to")
        return [QLabel(translate("Anomalies", "From"), self), self.date_from,
                QLabel(translate("Anomalies", "to"), self), self.date_to]

    def extra(self, layout):
        self.chart_view = QChartView(self)
        self.chart_view.setObjectName("accuracyChart")
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumHeight(200)
        self.chart_view.hide()
        layout.addWidget(self.chart_view)

    def title(self) -> str:
        return translate("Anomalies", "Count accuracy")

    def about(self):
        return [translate("Anomalies", "Counts from {start} to {end}").format(
            start=date_text(py_date(self.date_from)), end=date_text(py_date(self.date_to)))]

    def question(self):
        _need_reports(self.actor)
        date_from, date_to = py_date(self.date_from), py_date(self.date_to)
        fields = [Field(translate("Anomalies", "Count"), "number"),
                  Field(translate("Anomalies", "Date"), "date", "date"),
                  Field(translate("Anomalies", "Counted by"), "user"),
                  Field(translate("Anomalies", "Items counted"), "items", "count"),
                  Field(translate("Anomalies", "As expected"), "matching", "count"),
                  Field(translate("Anomalies", "Accuracy"), "accuracy", "percent")]

        def ask(conn):
            got = an.count_accuracy(conn, date_from, date_to)
            rows = [[r["number"], r["date"], r["user"], r["items"], r["matching"],
                     round_div(r["matching"] * 1000, r["items"])] for r in got]
            items, matching = sum(r[3] for r in rows), sum(r[4] for r in rows)
            total = ([total_text(), "", "", items, matching,
                      round_div(matching * 1000, items)] if rows else None)
            note = "" if rows else translate("Anomalies", "No counts in this period.")
            return Result(fields, rows, total, note)
        return ask

    def show_result(self, result: Result) -> None:
        chart = accuracy_chart(result.rows)
        old = self.chart_view.chart()
        self.chart_view.setChart(chart)            # the view owns the new chart
        if old is not None and old is not chart:
            old.deleteLater()
        self.chart_view.setVisible(bool(result.rows))
        super().show_result(result)


def anomaly_reports(engine: Engine, actor: Actor) -> list[tuple[str, Callable[[], QWidget]]]:
    """[(title, build)] for the Reports screen's picker."""
    return [(translate("Anomalies", "Weekly anomalies"),
             lambda: WeeklyAnomaliesReport(engine, actor)),
            (translate("Anomalies", "Count accuracy"),
             lambda: CountAccuracyReport(engine, actor))]
