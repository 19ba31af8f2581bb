"""Sales charts (Reports), for looking rather than reading: the trend of sales
(and gross profit, for roles that see costs) by day, week or month; each
category's share of the amount (the top 8 and the rest as "Others"); the top
10 products by amount.

Fed by the sales summaries of desktop.ui.sales_report (the same cache, the
same pool off the GUI thread). The chart builders are plain functions of a
summary's rows, so the tests check their series without a database.
Money is plotted in yuan (a float is fine for drawing; every figure a person
reads as text comes from db.money through desktop.ui.formats, by the locale, as
do the axes' numbers and dates).
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtCharts import (QBarCategoryAxis, QBarSet, QChart, QChartView, QDateTimeAxis,
                              QHorizontalBarSeries, QLineSeries, QPieSeries, QValueAxis)
from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, QMargins, Qt, QTime, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QPushButton, QTabWidget,
                               QVBoxLayout, QWidget)
from sqlalchemy import Engine

from db import rollups
from db.audit import Actor
from db.money import round_div
from db.permissions import may
from desktop.ui.formats import (date_format, date_text, day_format, money_text, month_format,
                                percent_text)
from desktop.ui.report_frame import Busy, date_edit, default_period, py_date, run_report
from desktop.ui.sales_report import grouping_text, key_text, summary

translate = QCoreApplication.translate
TOP_CATEGORIES = 8
TOP_PRODUCTS = 10
NAME_CHARS = 18


def yuan(fen: int) -> float:
    return fen / 100


def period_start(key: str, grain: str) -> dt.date:
    """The first day of a time grouping's key: 2026-12-01, 2026-W48, 2026-12."""
    if grain == "day":
        return dt.date.fromisoformat(key)
    if grain == "week":
        year, week = key.split("-W")
        return dt.date.fromisocalendar(int(year), int(week), 1)
    year, month = key.split("-")
    return dt.date(int(year), int(month), 1)


def _msecs(day: dt.date) -> float:
    from PySide6.QtCore import QDate
    return float(QDateTime(QDate(day.year, day.month, day.day), QTime(0, 0))
                 .toMSecsSinceEpoch())


def _chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(6, 6, 6, 6))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.setLocale(QLocale())
    chart.setLocalizeNumbers(True)          # the axes' numbers grouped as the locale groups
    return chart


def trend_chart(rows: list[dict], grain: str, with_profit: bool) -> QChart:
    """Amount (and gross profit) per day, week or month: one line each."""
    chart = _chart(translate("SalesCharts", "Sales by {grain}").format(
        grain=grouping_text(grain).lower()))
    amount = QLineSeries()
    amount.setName(translate("SalesCharts", "Amount"))
    profit = QLineSeries()
    profit.setName(translate("SalesCharts", "Gross profit"))
    for r in rows:
        x = _msecs(period_start(r["key"], grain))
        amount.append(x, yuan(r["amount"]))
        profit.append(x, yuan(r["profit"]))
    series = [amount] + ([profit] if with_profit else [])
    for s in series:
        chart.addSeries(s)
    x_axis = QDateTimeAxis()
    x_axis.setFormat({"day": day_format, "week": date_format, "month": month_format}[grain]())
    x_axis.setTickCount(min(max(len(rows), 2), 10))
    if rows:
        first = _msecs(period_start(rows[0]["key"], grain))
        last = _msecs(period_start(rows[-1]["key"], grain))
        if last == first:
            last = first + 86_400_000
        x_axis.setRange(QDateTime.fromMSecsSinceEpoch(int(first)),
                        QDateTime.fromMSecsSinceEpoch(int(last)))
    y_axis = QValueAxis()
    y_axis.setLabelFormat("%.0f")
    y_axis.setTitleText(translate("SalesCharts", "Yuan"))
    values = [yuan(r["amount"]) for r in rows] + (
        [yuan(r["profit"]) for r in rows] if with_profit else [])
    low, high = min(values + [0.0]), max(values + [1.0])
    y_axis.setRange(low, high * 1.05)
    y_axis.applyNiceNumbers()
    chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
    for s in series:
        s.attachAxis(x_axis)
        s.attachAxis(y_axis)
    return chart


def share_slices(rows: list[dict], by: str = "category",
                 top: int = TOP_CATEGORIES) -> list[tuple[str, int]]:
    """(label, amount in fen): the biggest `top` groups with sales, then the rest
    together as "Others" (when there is a rest)."""
    selling = sorted((r for r in rows if r["amount"] > 0), key=lambda r: (-r["amount"], r["key"]))
    out = [(key_text(by, r["key"]), r["amount"]) for r in selling[:top]]
    rest = sum(r["amount"] for r in selling[top:])
    if rest > 0:
        out.append((translate("SalesCharts", "Others"), rest))
    return out


def share_chart(rows: list[dict]) -> QChart:
    chart = _chart(translate("SalesCharts", "Share of sales by category"))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
    pie = QPieSeries()
    slices = share_slices(rows)
    whole = sum(a for _l, a in slices) or 1
    for label, amount in slices:
        permille = round_div(amount * 1000, whole)
        piece = pie.append(f"{label} {percent_text(permille)}", yuan(amount))
        piece.setLabelVisible(permille >= 30)
    pie.setPieSize(0.72)
    chart.addSeries(pie)
    return chart


def top_products(rows: list[dict], n: int = TOP_PRODUCTS) -> list[tuple[str, int]]:
    """(name, amount in fen) of the n best-selling products, biggest first."""
    best = sorted(rows, key=lambda r: (-r["amount"], r["key"]))[:n]
    return [(r["label"] or r["key"], r["amount"]) for r in best]


def _short(name: str) -> str:
    return name if len(name) <= NAME_CHARS else name[:NAME_CHARS - 1] + "…"


def top_chart(rows: list[dict], n: int = TOP_PRODUCTS) -> QChart:
    """Horizontal bars, the best seller on top."""
    chart = _chart(translate("SalesCharts", "Top {n} products by amount").format(n=n))
    chart.legend().hide()
    best = list(reversed(top_products(rows, n)))           # the axis draws bottom-up
    bars = QBarSet(translate("SalesCharts", "Amount"))
    names: list[str] = []
    for name, amount in best:
        bars.append(yuan(amount))
        name = f"{_short(name)}  ¥{money_text(amount)}"
        while name in names:                               # the axis merges equal names
            name += " "
        names.append(name)
    series = QHorizontalBarSeries()
    series.append(bars)
    chart.addSeries(series)
    y_axis = QBarCategoryAxis()
    y_axis.append(names)
    x_axis = QValueAxis()
    x_axis.setLabelFormat("%.0f")
    x_axis.setTitleText(translate("SalesCharts", "Yuan"))
    x_axis.setRange(0, max([yuan(a) for _n, a in best] + [1.0]) * 1.05)
    x_axis.applyNiceNumbers()
    chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(y_axis)
    series.attachAxis(x_axis)
    return chart


def partial_ends(rows: list[dict], grain: str, date_from: dt.date, date_to: dt.date) -> bool:
    """Whether the period cuts the first or the last week or month short."""
    if grain == "day" or not rows:
        return False
    first = period_start(rows[0]["key"], grain)
    last = period_start(rows[-1]["key"], grain)
    if grain == "week":
        end = last + dt.timedelta(days=6)
    else:
        end = (last.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    return first < date_from or end > date_to


def trend_grain(date_from: dt.date, date_to: dt.date) -> str:
    """Days for a month or so, weeks up to half a year, months beyond."""
    days = (date_to - date_from).days
    return "day" if days <= 45 else "week" if days <= 200 else "month"


class SalesChartsView(QWidget):
    """From / To / Trend by, then the three charts on tabs."""
    answered = Signal()

    def __init__(self, engine: Engine, actor: Actor, parent=None):
        super().__init__(parent)
        self.setObjectName("salesCharts")
        self.engine, self.actor = engine, actor
        self.see_cost = may(actor, "see-cost")
        start, end = default_period()
        self.date_from = date_edit(self, start, "from")
        self.date_to = date_edit(self, end, "to")
        self.grain = QComboBox(self)
        self.grain.setObjectName("trendBy")
        for g in rollups.TIME_GROUPINGS:
            self.grain.addItem(grouping_text(g), g)
        self.grain.setCurrentIndex(self.grain.findData(trend_grain(start, end)))
        show = QPushButton(translate("SalesCharts", "Show (F5)"), self)
        show.setObjectName("showCharts")
        show.setShortcut(Qt.Key.Key_F5)
        show.clicked.connect(self.refresh)
        self.busy = Busy(self)
        self.busy.cancelled.connect(self.cancel)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("chartTabs")
        self.views: dict[str, QChartView] = {}
        for key, title in (("trend", translate("SalesCharts", "Sales trend")),
                           ("share", translate("SalesCharts", "Category share")),
                           ("top", translate("SalesCharts", "Top products"))):
            view = QChartView(self)
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            self.views[key] = view
            self.tabs.addTab(view, title)
        self.status = QLabel(self)
        self.status.setObjectName("chartStatus")
        row = QHBoxLayout()
        row.addWidget(QLabel(translate("SalesCharts", "From"), self))
        row.addWidget(self.date_from)
        row.addWidget(QLabel(translate("SalesCharts", "to"), self))
        row.addWidget(self.date_to)
        row.addSpacing(12)
        row.addWidget(QLabel(translate("SalesCharts", "Trend by"), self))
        row.addWidget(self.grain)
        row.addWidget(show)
        row.addStretch(1)
        row.addWidget(self.busy)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        self.charts: dict[str, QChart] = {}
        self.summaries: dict[str, dict] = {}
        self.running = False
        self._generation = 0
        self.grain.currentIndexChanged.connect(lambda _i: self.refresh())

    def refresh(self) -> None:
        date_from, date_to, grain = py_date(self.date_from), py_date(self.date_to), \
            self.grain.currentData()
        self._generation += 1
        generation = self._generation
        self.running = True
        self.busy.show()
        engine = self.engine

        def work(_report) -> dict:
            return {by: summary(engine, date_from, date_to, by).summary
                    for by in (grain, "category", "product")} | {"_grain": grain}

        def done(result: dict) -> None:
            if generation == self._generation:
                self._show(result, date_from, date_to)

        def failed(message: str) -> None:
            if generation == self._generation:
                self.running = False
                self.busy.hide()
                self.status.setText(message)
                self.answered.emit()

        run_report(work, done, failed, owner=self)

    def cancel(self) -> None:
        self._generation += 1
        self.running = False
        self.busy.hide()
        self.status.setText(translate("SalesCharts", "Cancelled."))

    def _show(self, result: dict, date_from: dt.date, date_to: dt.date) -> None:
        self.running = False
        self.busy.hide()
        grain = result["_grain"]
        self.summaries = {"trend": result[grain], "share": result["category"],
                          "top": result["product"]}
        self.charts = {"trend": trend_chart(result[grain]["rows"], grain, self.see_cost),
                       "share": share_chart(result["category"]["rows"]),
                       "top": top_chart(result["product"]["rows"])}
        for key, chart in self.charts.items():
            old = self.views[key].chart()
            self.views[key].setChart(chart)          # the view owns the new chart
            if old is not None and old is not chart:
                old.deleteLater()
        total = result[grain]["total"]
        text = translate("SalesCharts", "{start} to {end}: sales {amount}").format(
            start=date_text(date_from), end=date_text(date_to),
            amount=money_text(total["amount"]))
        if self.see_cost:
            text += translate("SalesCharts", ", gross profit {profit}").format(
                profit=money_text(total["profit"]))
        if partial_ends(result[grain]["rows"], grain, date_from, date_to):
            text += translate("SalesCharts", " (the first and last points cover part of a "
                                             "{grain} only)").format(
                grain=grouping_text(grain).lower())
        self.status.setText(text)
        self.answered.emit()
