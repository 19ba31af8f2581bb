"""Issue 9: stock alerts in the main window, sent to the webhook; the webhook and
the count schedule set in Settings."""
from __future__ import annotations

import datetime as dt
import json
import threading
from pathlib import Path
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from db import clock
from db.masters import get_setting
from desktop.ui.main_window import MainWindow
from desktop.ui.settings_stock import StockSettingsBox


class _Hook(BaseHTTPRequestHandler):
    got: list = []

    def do_POST(self):
        type(self).got.append(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def hook():
    _Hook.got = []
    server = HTTPServer(("127.0.0.1", 0), _Hook)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/send"
    server.shutdown()
    server.server_close()


def test_the_main_window_counts_the_alerts_and_sends_them(qtbot, stocked, hook):
    stocked.product("M1", "5.50", name="鲜牛奶", batch_tracked=True)
    stocked.receive("Dairy", ("M1", 4, "3.00", "L7", clock.today() + dt.timedelta(days=2)))
    stocked.books.set_setting("alert_webhook_url", hook)
    window = MainWindow(stocked.engine, stocked.owner, "老王杂货店", "shop.db")
    qtbot.addWidget(window)
    window.show()
    button = window.alerts
    qtbot.waitUntil(lambda: button.rows is not None, timeout=10_000)
    assert button.text() == f"Stock alerts: {len(button.rows)}"
    assert any(r["kind"] == "expiring" and r["sku"] == "M1" for r in button.rows)
    dialog = button.show_list(modal=False)
    qtbot.addWidget(dialog)
    texts = [dialog.table.item(r, 2).text() for r in range(dialog.table.rowCount())]
    assert any("batch L7" in t for t in texts)
    assert dialog.push_button.isEnabled()
    done = []
    dialog.push(on_done=done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=10_000)
    assert done == [len(button.rows)] and "batch L7" in _Hook.got[0]["text"]["content"]


def test_the_alerts_speak_chinese_on_a_chinese_screen_and_to_the_group(qtbot, qapp, stocked, hook):
    """db.alerts' messages are English (the command line's); the window says each
    in its own language from the alert's fields, and sends the group the same."""
    from PySide6.QtCore import QLocale
    from desktop.ui import i18n
    from desktop.ui.alerts_view import AlertsDialog
    stocked.product("M1", "5.50", name="鲜牛奶", batch_tracked=True)
    stocked.receive("Dairy", ("M1", 1234, "3.00", "L7", clock.today() + dt.timedelta(days=2)))
    stocked.books.set_setting("alert_webhook_url", hook + "?key=SECRET")   # the robot's key
    i18n.install(qapp, QLocale("zh_CN"))
    rows = [r for r in stocked.books.alerts() if r["sku"] == "M1"]
    dialog = AlertsDialog(stocked.engine, rows)
    qtbot.addWidget(dialog)
    text = dialog.table.item(0, 2).text()
    day = clock.today() + dt.timedelta(days=2)
    assert text == f"M1 鲜牛奶 批次 L7：库存 1,234，将于 {day.year}/{day.month}/{day.day} 到期（2 天）", text
    assert "expires" in rows[0]["message"]                        # the command line's, as was
    done = []
    dialog.push(on_done=done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=10_000)
    assert "批次 L7" in _Hook.got[0]["text"]["content"]
    assert dialog.push_button.toolTip() == hook + "?…"                    # no key shown


def test_a_cashier_has_no_stock_alerts_button(qtbot, stocked):
    cashier = stocked.as_user("amy", "cashier")
    window = MainWindow(stocked.engine, cashier.actor, "老王杂货店", "shop.db")
    qtbot.addWidget(window)
    assert window.alerts is None


def test_the_webhook_and_schedule_are_set_and_tested_in_settings(qtbot, stocked, hook):
    box = StockSettingsBox(stocked.books)
    qtbot.addWidget(box)
    box.webhook.setText(hook)
    box.expiry.setValue(10)
    box.every.setText("7, 14, 60")
    assert box.save()
    with stocked.engine.connect() as c:
        assert get_setting(c, "alert_webhook_url") == hook
        assert get_setting(c, "expiry_alert_days") == "10"
        assert get_setting(c, "abc_count_days") == "7,14,60"
    box.split.setText("95,80")                   # A's share above B's: refused, nothing saved
    box.expiry.setValue(20)
    assert not box.save() and not box.error.isHidden()
    with stocked.engine.connect() as c:
        assert get_setting(c, "expiry_alert_days") == "10"
    done = []
    box.send_test(on_done=done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=10_000)
    assert done == [True] and "A test from Storekeeper" in _Hook.got[0]["text"]["content"]
    box.webhook.setText("http://127.0.0.1:9/none")
    done.clear()
    box.send_test(on_done=done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=10_000)
    assert "could not be reached" in done[0] and not box.error.isHidden()
    clerk = stocked.as_user("xiaozhang", "clerk")
    assert not StockSettingsBox(clerk).webhook.isEnabled()
    stocked.books.set_setting("alert_webhook_url", "https://qyapi.weixin.qq.com/send?key=SECRET")
    manager = StockSettingsBox(stocked.as_user("laowang", "manager"))
    assert manager.webhook.text() == "https://qyapi.weixin.qq.com/send?…"     # no key
    assert StockSettingsBox(stocked.books).webhook.text().endswith("key=SECRET")


def test_back_up_now_from_settings(qtbot, stocked):
    from db import backup
    from desktop.ui.settings_backup import BackupBox
    box = BackupBox(stocked.books)
    qtbot.addWidget(box)
    if stocked.engine.dialect.name != "sqlite":
        assert not hasattr(box, "now_button")          # PostgreSQL: pg_dump on the server
        return
    assert box.newest.text() == "none yet"
    done = []
    box.back_up_now(on_done=done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=15_000)
    assert isinstance(done[0], dict) and done[0]["verified"], done
    backup.verify_sqlite(Path(done[0]["file"]))
    assert box.newest.text().startswith(Path(done[0]["file"]).name)
    box.keep.setValue(5)
    box.save_keep()
    with stocked.engine.connect() as c:
        assert backup.keep_setting(c) == 5
    cashier = stocked.as_user("amy", "cashier")
    assert not BackupBox(cashier).now_button.isEnabled()
