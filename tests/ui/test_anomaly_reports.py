"""The Count accuracy page of the Reports screen (desktop.ui.anomaly_reports)."""
from __future__ import annotations

from desktop.ui.anomaly_reports import anomaly_reports


def test_count_accuracy_page_shows_each_count(qtbot, stocked):
    b, line = stocked.books, stocked.line
    first = b.post_stocktake([line("A001", "8"), line("B001", "2")])      # B001 was 2.5
    second = b.post_stocktake([line("A001", "8")])
    pages = dict(anomaly_reports(stocked.engine, stocked.owner))
    assert set(pages) == {"Weekly anomalies", "Count accuracy"}
    page = pages["Count accuracy"]()
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.answered, timeout=10_000):
        page.refresh()
    assert not page.error.isVisible()
    m = page.model
    rows = [[m.text(r, c) for c in range(m.columnCount())] for r in range(m.rowCount())]
    assert [r[0] for r in rows] == [first.number, second.number]
    assert [r[3:] for r in rows] == [["2", "1", "50.0%"], ["1", "1", "100.0%"]]
    assert [page.totals.text(0, c) for c in range(3, 6)] == ["3", "2", "66.7%"]
    assert page.chart_view.chart().series()[0].count() == 2
