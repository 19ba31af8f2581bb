"""The sales summary and the sales charts (Reports), on SQLite and PostgreSQL:
the totals of each grouping against the reference answer from the lines, the
cache (a second ask runs no query; a posting changes the answer), costs
hidden from those who may not see them, Excel, paper, charts."""
from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from db import clock, rollups
from db.engine import read_connection
from db.money import money_str, qty_str
from desktop.ui import sales_report
from desktop.ui.report_charts import SalesChartsView, share_slices, top_products
from desktop.ui.sales_report import SalesReportView


@pytest.fixture(autouse=True)
def fresh_cache():
    sales_report.forget()
    yield
    sales_report.forget()


@pytest.fixture
def sold(stocked):
    """stocked, plus a walk-in sale by a cashier and a return."""
    stocked.receive("海天味业", ("A002", "20", "2.00"))
    cashier = stocked.as_user("amy", "cashier")
    cashier.post_sale([stocked.line("A002", 3), stocked.line("B001", "0.5")])
    stocked.sell(("A002", "5", "3.00"), customer="张三", payment="account")
    return stocked


def view_of(qtbot, shop, actor=None, cls=SalesReportView):
    view = cls(shop.engine, actor or shop.owner)
    qtbot.addWidget(view)
    view.resize(1200, 600)
    view.show()
    return view


def ask(qtbot, view, by=None):
    with qtbot.waitSignal(view.answered, timeout=10_000):
        if by is not None and by != view.by:
            view.set_grouping(by)
        else:
            view.refresh()
    assert not view.error.isVisible(), view.error.text()
    return view.answer


def table(view) -> list[list[str]]:
    """The rows shown, then the totals footer's."""
    out = []
    for m in (view.model, view.footer.model()):
        out += [[m.index(r, c).data() for c in range(m.columnCount())]
                for r in range(m.rowCount())]
    return out


def period():
    today = clock.today()
    return today - dt.timedelta(days=90), today


def reference(shop, by):
    with read_connection(shop.engine) as conn:
        return rollups.reference_summary(conn, *period(), by)


@pytest.mark.parametrize("by", rollups.GROUPINGS)
def test_each_grouping_shows_the_reference_answer_and_its_total(qtbot, sold, by):
    view = view_of(qtbot, sold)
    view.set_period(*period())
    ask(qtbot, view, by)
    ref = reference(sold, by)
    assert ref["rows"] and ref["total"]["amount"] == 2500 + 960 + 40 + 1500
    rows = table(view)
    assert len(rows) == len(ref["rows"]) + 1
    first_numeric = 2 if by == "product" else 1
    for shown, want in zip(rows, ref["rows"]):
        assert shown[first_numeric:] == [qty_str(want["qty"]), money_str(want["amount"]),
                                         money_str(want["cost"]), money_str(want["profit"]),
                                         shown[-1]]
    total = rows[-1]
    assert total[0] == "Total"
    assert total[first_numeric:first_numeric + 4] == [
        qty_str(ref["total"]["qty"]), money_str(ref["total"]["amount"]),
        money_str(ref["total"]["cost"]), money_str(ref["total"]["profit"])]
    right = view.model.index(0, first_numeric).data(Qt.ItemDataRole.TextAlignmentRole)
    assert right & Qt.AlignmentFlag.AlignRight


def test_labels_of_groups(qtbot, sold):
    view = view_of(qtbot, sold)
    view.set_period(*period())
    ask(qtbot, view, "customer")
    keys = [r[0] for r in table(view)]
    assert keys == ["张三", "(walk-in customers)", "Total"]        # biggest first
    ask(qtbot, view, "product")
    assert table(view)[0][:2] == ["A001", "海天金标生抽"]
    ask(qtbot, view, "cashier")
    assert {r[0] for r in table(view)} == {"boss", "amy", "Total"}


def test_a_second_ask_is_answered_from_the_cache_until_a_posting(qtbot, sold, monkeypatch):
    calls = []
    real = rollups.sales_summary
    monkeypatch.setattr(rollups, "sales_summary",
                        lambda *a, **kw: calls.append(a[1:]) or real(*a, **kw))
    view = view_of(qtbot, sold)
    view.set_period(*period())
    first = ask(qtbot, view, "month")
    assert len(calls) == 1 and not first.cached
    again = ask(qtbot, view)
    assert len(calls) == 1 and again.cached               # no summary query ran
    assert again.summary == first.summary
    assert "cache" in view.status.text()
    # another view (the screen opened again) shares the answers
    other = view_of(qtbot, sold)
    other.set_period(*period())
    assert ask(qtbot, other, "month").cached and len(calls) == 1

    sold.sell(("A001", "1"))                              # 12.50 more
    after = ask(qtbot, view)
    assert len(calls) == 2 and not after.cached
    assert after.summary["total"]["amount"] == first.summary["total"]["amount"] + 1250
    assert table(view)[-1][2] == money_str(after.summary["total"]["amount"])


def test_a_cancellation_changes_the_answer_too(qtbot, sold):
    view = view_of(qtbot, sold)
    view.set_period(*period())
    before = ask(qtbot, view, "day").summary["total"]["amount"]
    posted = sold.sell(("A001", "2"))
    assert ask(qtbot, view).summary["total"]["amount"] == before + 2500
    sold.books.cancel(posted.number)
    again = ask(qtbot, view)
    assert not again.cached and again.summary["total"]["amount"] == before


def test_a_cashier_never_sees_cost_or_profit(qtbot, sold):
    cashier = sold.as_user("bob", "cashier").actor
    view = view_of(qtbot, sold, cashier)
    view.set_period(*period())
    for by in ("day", "product"):
        ask(qtbot, view, by)
        heads = [view.model.headerData(c, Qt.Orientation.Horizontal)
                 for c in range(view.model.columnCount())]
        assert not {"Cost", "Gross profit", "Margin"} & set(heads)
        assert heads[-2:] == ["Quantity", "Amount"]
    charts = view_of(qtbot, sold, cashier, SalesChartsView)
    with qtbot.waitSignal(charts.answered, timeout=10_000):
        charts.refresh()
    assert [s.name() for s in charts.charts["trend"].series()] == ["Amount"]
    assert "profit" not in charts.status.text()


def test_export_writes_the_rows_neutralised(qtbot, sold, tmp_path):
    from openpyxl import load_workbook
    sold.books.add_customer("=HYPERLINK(1)")
    sold.sell(("A001", "1"), customer="=HYPERLINK(1)", payment="account")
    view = view_of(qtbot, sold)
    view.set_period(*period())
    ask(qtbot, view, "customer")
    ref = reference(sold, "customer")
    path = tmp_path / "summary.xlsx"
    with qtbot.waitSignal(view.exported, timeout=10_000) as written:
        view.export(str(path))
    assert written.args == [len(ref["rows"]) + 1]
    rows = list(load_workbook(path).active.iter_rows(values_only=True))
    assert rows[0] == ("Customer", "Quantity", "Amount", "Cost", "Gross profit", "Margin")
    by_name = {r[0]: r for r in rows[1:]}
    assert "'=HYPERLINK(1)" in by_name
    assert by_name["张三"][2] == Decimal(money_str(ref["rows"][0]["amount"]))
    assert rows[-1][0] == "Total"
    assert Decimal(str(rows[-1][2])) == Decimal(ref["total"]["amount"]).scaleb(-2)
    assert Decimal(str(rows[-1][4])) == Decimal(ref["total"]["profit"]).scaleb(-2)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext not installed")
def test_print_opens_a_preview_with_the_totals(qtbot, sold):
    view = view_of(qtbot, sold)
    view.set_period(*period())
    ask(qtbot, view, "product")
    shown = []
    view.print_report(on_shown=shown.append)
    qtbot.waitUntil(lambda: bool(shown), timeout=15_000)
    preview = shown[0]
    qtbot.addWidget(preview)
    text = subprocess.run(["pdftotext", "-layout", str(preview.pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    total = reference(sold, "product")["total"]
    assert "Sales summary by product" in text and "海天金标生抽" in text
    last = [line for line in text.splitlines() if "Total" in line][-1]
    assert money_str(total["amount"]) in last and money_str(total["profit"]) in last


def test_the_charts_carry_the_summaries(qtbot, sold):
    view = view_of(qtbot, sold, cls=SalesChartsView)
    with qtbot.waitSignal(view.answered, timeout=10_000):
        view.refresh()
    grain = view.grain.currentData()
    with read_connection(sold.engine) as conn:
        start, end = view.date_from.date().toPython(), view.date_to.date().toPython()
        trend = rollups.reference_summary(conn, start, end, grain)
        cats = rollups.reference_summary(conn, start, end, "category")
        prods = rollups.reference_summary(conn, start, end, "product")
    amount, profit = view.charts["trend"].series()
    assert [p.y() for p in amount.points()] == [r["amount"] / 100 for r in trend["rows"]]
    assert [p.y() for p in profit.points()] == [r["profit"] / 100 for r in trend["rows"]]
    (pie,) = view.charts["share"].series()
    assert [s.value() for s in pie.slices()] == [a / 100 for _l, a in share_slices(cats["rows"])]
    assert pie.slices()[0].label().startswith("调味品")
    (bars,) = view.charts["top"].series()
    values = [bars.barSets()[0].at(i) for i in range(bars.barSets()[0].count())]
    assert values == [a / 100 for _n, a in reversed(top_products(prods["rows"]))]
    best = prods["rows"][0]
    assert view.charts["top"].axes()[0].categories()[-1] == \
        f"海天金标生抽  ¥{money_str(best['amount'])}"


def test_the_pie_keeps_eight_and_the_rest_as_others():
    rows = [{"key": f"c{i}", "amount": 1000 - i * 10} for i in range(12)]
    rows.append({"key": "", "amount": -50})
    slices = share_slices(rows)
    assert [label for label, _a in slices] == [f"c{i}" for i in range(8)] + ["Others"]
    assert slices[-1][1] == sum(1000 - i * 10 for i in range(8, 12))


def test_the_reports_screen_offers_them_and_keeps_its_lists(qtbot, sold):
    from desktop.ui.screens import ReportsScreen
    screen = ReportsScreen(sold.engine, sold.owner)
    qtbot.addWidget(screen)
    titles = [screen.picker.itemText(i) for i in range(screen.picker.count())]
    assert titles[:4] == ["Stock on hand", "Sales and returns", "Receivables: what customers owe",
                          "Payables: what the shop owes"]
    assert "Purchasing: approvals by month" in titles
    assert titles[-1] == "Archived sales and returns"
    i = titles.index("Sales summary")
    screen.picker.setCurrentIndex(i)
    view = screen.stack.currentWidget()
    assert view.objectName() == "salesReport"
    qtbot.waitUntil(lambda: view.answer is not None, timeout=10_000)
    assert table(view)[-1][0] == "Total"


# ---------------------------------------------------------------- the other reports

def answered(qtbot, view):
    with qtbot.waitSignal(view.answered, timeout=10_000):
        view.refresh()
    return table(view)


def test_best_and_slowest_sellers(qtbot, sold):
    from desktop.ui.more_reports import SellersReport
    sold.product("C001", "9.00", name="没人买的酱油", category="调味品")
    view = view_of(qtbot, sold, cls=SellersReport)
    rows = answered(qtbot, view)
    assert [r[1] for r in rows] == ["A001", "A002", "B001"]      # by amount: 25.00, 24.60, 0.40
    assert rows[0][:5] == ["1", "A001", "海天金标生抽", "2", "25.00"]
    view.which.setCurrentIndex(1)
    rows = answered(qtbot, view)
    assert rows[0][1:5] == ["C001", "没人买的酱油", "0", "0.00"]  # nothing sold: slowest
    cashier = view_of(qtbot, sold, sold.as_user("cat", "cashier").actor, SellersReport)
    answered(qtbot, cashier)
    heads = [cashier.model.headerData(c, Qt.Orientation.Horizontal)
             for c in range(cashier.model.columnCount())]
    assert "Gross profit" not in heads and "Amount" in heads


def test_stock_value_by_category(qtbot, sold):
    from desktop.ui.more_reports import StockValueReport
    view = view_of(qtbot, sold, cls=StockValueReport)
    rows = answered(qtbot, view)
    values = {}
    for sku in ("A001", "A002", "B001"):
        values[sku] = sold.stock_of(sku)[1]
    assert rows[-1][0] == "Total"
    assert rows[-1][2] == money_str(sum(values.values()))
    assert ["调味品", "1", money_str(values["A001"])] == rows[0][:3] or \
        ["方便食品", "1", money_str(values["A002"])] == rows[0][:3]
    cashier = view_of(qtbot, sold, sold.as_user("cat", "cashier").actor, StockValueReport)
    answered(qtbot, cashier)
    assert cashier.model.rowCount() == 0 and "see costs" in cashier.error.text()


def test_receivables_and_payables_ageing(qtbot, sold):
    from desktop.ui.more_reports import AgeingReport
    view = view_of(qtbot, sold, cls=lambda e, a: AgeingReport(e, a, "customer"))
    rows = answered(qtbot, view)
    owed = 2500 + 1500
    assert rows == [["张三", money_str(owed), money_str(owed), "0.00", "0.00", "0.00"],
                    ["Total", money_str(owed), money_str(owed), "0.00", "0.00", "0.00"]]
    view = view_of(qtbot, sold, cls=lambda e, a: AgeingReport(e, a, "supplier"))
    rows = answered(qtbot, view)
    assert rows[0][0] == "海天味业" and rows[0][1] == rows[0][2] == money_str(8125 + 4000)


def test_movement_history_of_a_product_newest_first(qtbot, sold, monkeypatch):
    from desktop.ui import more_reports
    monkeypatch.setattr(more_reports, "HISTORY_PAGE", 2)
    view = view_of(qtbot, sold, cls=more_reports.MovementsReport)
    view.product.setText("A002")
    rows = answered(qtbot, view)
    assert [r[4:6] for r in rows] == [["-5", "12"], ["-3", "17"]]     # then older on request
    assert view.more.isVisible()
    with qtbot.waitSignal(view.model.rowsInserted, timeout=10_000):
        view.older()
    rows = table(view)
    assert [r[4:6] for r in rows] == [["-5", "12"], ["-3", "17"], ["20", "20"]]
    assert rows[2][2] == "Receipt" and not view.more.isVisible()
    view.product.setText("6901234567892")                          # a barcode of A001
    assert [r[4] for r in answered(qtbot, view)] == ["-2", "10"]
    view.product.setText("nothing")
    with qtbot.waitSignal(view.answered, timeout=10_000):
        view.refresh()
    assert view.error.isVisible() and "nothing" in view.error.text()


def test_daily_close(qtbot, sold):
    from desktop.ui.more_reports import DailyCloseReport
    view = view_of(qtbot, sold, cls=DailyCloseReport)
    rows = answered(qtbot, view)
    total = 2500 + 960 + 40 + 1500
    assert rows[-1] == ["Total", "3", money_str(total)]
    assert {r[0]: r[2] for r in rows[:-1]} == {"on account": money_str(4000), "cash": "10.00"}
    assert money_str(total) in view.status.text() and "gross profit" in view.status.text()


def test_partial_weeks_and_months_at_the_ends_are_said():
    from desktop.ui.report_charts import partial_ends, period_start
    rows = [{"key": "2026-W36"}, {"key": "2026-W48"}]
    assert period_start("2026-W36", "week") == dt.date(2026, 8, 31)
    assert partial_ends(rows, "week", dt.date(2026, 9, 2), dt.date(2026, 11, 29))
    assert not partial_ends(rows, "week", dt.date(2026, 8, 31), dt.date(2026, 11, 29))
    months = [{"key": "2026-09"}, {"key": "2026-11"}]
    assert not partial_ends(months, "month", dt.date(2026, 9, 1), dt.date(2026, 11, 30))
    assert partial_ends(months, "month", dt.date(2026, 9, 1), dt.date(2026, 11, 29))


def test_a_running_report_leaves_the_shared_pool_free_and_can_be_cancelled(qtbot, sold,
                                                                           monkeypatch):
    """Reports run on a pool of their own: work of the counter and the lists (Qt's
    global pool) is not queued behind a slow report."""
    import threading

    from desktop.ui.workers import run_in_background
    release, started = threading.Event(), threading.Event()
    real = rollups.sales_summary

    def slow(*a, **kw):
        started.set()
        release.wait(10)
        return real(*a, **kw)
    monkeypatch.setattr(rollups, "sales_summary", slow)
    view = view_of(qtbot, sold)
    try:
        view.refresh()
        assert started.wait(5) and view.busy.isVisible()
        done = []
        for _ in range(4):          # more than the global pool's threads on a small machine
            run_in_background(lambda _r: 1, done.append, done.append)
        qtbot.waitUntil(lambda: len(done) == 4, timeout=5_000)
        assert view.running
        view.cancel()
        assert not view.busy.isVisible() and view.status.text() == "Cancelled."
    finally:
        release.set()
    from desktop.ui import workers
    qtbot.waitUntil(lambda: not workers._live, timeout=10_000)    # the late answer came...
    assert view.model.rowCount() == 0 and view.answer is None     # ...and was dropped
