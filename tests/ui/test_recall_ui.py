"""Reports → Batch recall (desktop.ui.recall_ui): type a SKU and a batch, Find, and
see the batch and who bought it."""
from __future__ import annotations

import datetime as dt

from db import clock
from desktop.ui.recall_ui import recall_reports


def table(view) -> list[list[str]]:
    m = view.model
    return [[m.text(r, c) for c in range(m.columnCount())] for r in range(m.rowCount())]


def open_page(qtbot, shop):
    [(title, build)] = recall_reports(shop.engine, shop.owner)
    assert title == "Batch recall"
    view = build()
    qtbot.addWidget(view)
    view.resize(1100, 600)
    view.show()
    view.refresh()                      # as the Reports screen does on opening it
    qtbot.waitUntil(lambda: not view.running, timeout=10_000)
    return view


def find(qtbot, view, sku: str, batch: str) -> None:
    view.sku.setText(sku)
    view.batch.setText(batch)
    with qtbot.waitSignal(view.answered, timeout=10_000):
        view.find_button.click()


def test_recall_page_shows_the_batch_and_who_bought_it(qtbot, shop):
    expiry = clock.today() + dt.timedelta(days=20)
    shop.product("M1", "5.50", name="牛奶", batch_tracked=True)
    shop.receive("Dairy", ("M1", 6, "3.00", "L7", expiry))
    shop.books.add_customer("张三")
    s1 = shop.sell(("M1", 4), customer="张三", payment="account")
    shop.books.post_return(s1.number, [shop.line("M1", 1)])
    s2 = shop.sell(("M1", 1))

    view = open_page(qtbot, shop)
    assert view.objectName() == "batchRecallReport"
    assert view.error.isVisible() and "SKU" in view.error.text()   # nothing asked yet
    assert view.model.rowCount() == 0

    find(qtbot, view, "M1", "L7")
    assert not view.error.isVisible(), view.error.text()
    heads = [f.title for f in view.model.fields]
    assert heads == ["Date", "Document", "Customer", "Sold", "Returned", "Kept", "Cashier"]
    assert [r[1:] for r in table(view)] == [[s1.number, "张三", "4", "1", "3", "boss"],
                                            [s2.number, "(walk-in)", "1", "0", "1", "boss"]]
    header = view.header.text()
    # dates as the screens' locale (en_US in the tests) writes them, with four-digit years
    assert f"M1 牛奶, batch L7, expiry {expiry.month}/{expiry.day}/{expiry.year}" in header
    today = clock.today()
    assert table(view)[0][0] == f"{today.month}/{today.day}/{today.year}"
    assert "from Dairy" in header and "on hand now 2" in header
    assert view.footer.isVisible() and view.status.text() == "2 sales of batch L7"
    assert view.export_button.isEnabled()

    find(qtbot, view, "M1", "NOPE")
    assert view.error.isVisible() and view.error.text() == "M1 has no batch 'NOPE'"
    assert view.model.rowCount() == 0 and view.header.text() == ""
