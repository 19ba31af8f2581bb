"""Issue 9: expired and expiring batches, negative stock, and alerts pushed to a
chat webhook (a local HTTP server stands in for WeCom / DingTalk)."""
from __future__ import annotations

import datetime as dt
import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from db import alerts, clock
from db.errors import BooksError

DAY = dt.timedelta(days=1)


@pytest.fixture
def dated(shop):
    """Milk in three batches: expired, expiring in 10 days, in 60 days; bread (its own
    category) expiring in 3 days; a product with no batches."""
    today = clock.today()
    shop.product("M1", "5.50", name="牛奶", batch_tracked=True, category="dairy")
    shop.product("B1", "4.00", name="面包", batch_tracked=True, category="bakery")
    shop.product("W1", "2.00", name="矿泉水")
    shop.receive("Dairy", ("M1", 3, "3.00", "OLD", today - 2 * DAY),
                 ("M1", 4, "3.00", "SOON", today + 10 * DAY),
                 ("M1", 5, "3.00", "LATER", today + 60 * DAY),
                 ("B1", 6, "2.00", "B-1", today + 3 * DAY))
    shop.receive("Water", ("W1", 10, "1.00"))
    return shop


def _kinds(rows, kind):
    return [(r["sku"], r.get("batch")) for r in rows if r["kind"] == kind]


def test_expired_and_expiring_batches_by_the_shop_category_and_product_days(dated):
    b = dated.books
    rows = b.alerts()
    assert _kinds(rows, "expired") == [("M1", "OLD")]
    assert _kinds(rows, "expiring") == [("B1", "B-1"), ("M1", "SOON")]   # 30 days by default
    assert "cannot be sold" in next(r for r in rows if r["kind"] == "expired")["message"]
    b.set_setting("expiry_alert_days", "5")
    assert _kinds(b.alerts(), "expiring") == [("B1", "B-1")]
    b.set_setting("expiry_alert_days:category:bakery", "1")              # bread: a day's notice
    b.set_setting("expiry_alert_days:sku:M1", "90")                      # milk: three months
    assert _kinds(b.alerts(), "expiring") == [("M1", "SOON"), ("M1", "LATER")]
    with pytest.raises(BooksError, match="number of days"):
        b.set_setting("expiry_alert_days", "soon")
    # a batch sold out raises nothing
    b.post_adjustment([dated.line("M1", -3, batch="OLD")], reason="expiry")
    assert _kinds(b.alerts(), "expired") == []


def test_negative_stock_is_an_alert_where_the_shop_allows_it(dated):
    b = dated.books
    assert _kinds(b.alerts(), "negative-stock") == []
    b.set_setting("allow_negative_stock", "1")
    dated.sell(("W1", 12))
    neg = [r for r in b.alerts() if r["kind"] == "negative-stock"]
    assert [(r["sku"], r["message"].split(":")[1].strip()) for r in neg] == [
        ("W1", "-2 on hand, below zero")]


class _Hook(BaseHTTPRequestHandler):
    got: list = []
    status = 200

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        type(self).got.append((self.headers["Content-Type"], json.loads(body)))
        self.send_response(type(self).status)
        self.end_headers()
        self.wfile.write(b'{"errcode":0}')

    def log_message(self, *args):
        pass


@pytest.fixture
def hook():
    _Hook.got, _Hook.status = [], 200
    server = HTTPServer(("127.0.0.1", 0), _Hook)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server, f"http://127.0.0.1:{server.server_port}/robot/send?key=abc"
    server.shutdown()
    server.server_close()


def test_alerts_are_pushed_to_the_webhook_set_in_settings(dated, hook, capsys, monkeypatch):
    from desktop.cli import run
    server, url = hook
    dated.books.set_setting("alert_webhook_url", url)
    dated.books.set_setting("shop_name", "老王杂货")
    monkeypatch.setenv("STOREKEEPER_PASSWORD", dated.owner_password)
    monkeypatch.delenv("STOREKEEPER_DB", raising=False)
    capsys.readouterr()
    assert run(["--db", dated.url, "report", "alerts", "--json", "--push"]) == 0
    out = capsys.readouterr()
    rows = json.loads(out.out)                        # the JSON is as CLI.md says
    assert {"kind", "message"} <= set(rows[0]) and f"sent {len(rows)} alerts" in out.err
    (ctype, body), = _Hook.got
    assert ctype.startswith("application/json") and body["msgtype"] == "text"
    content = body["text"]["content"]
    assert content.splitlines()[0] == f"Storekeeper 老王杂货: {len(rows)} alerts"
    assert "batch OLD" in content and "牛奶" in content
    # a webhook that fails, or is not there: one clear message, exit code not 0
    _Hook.status = 500
    assert run(["--db", dated.url, "report", "alerts", "--push"]) != 0
    assert "answered 500" in capsys.readouterr().err
    assert run(["--db", dated.url, "report", "alerts", "--webhook",
                "http://127.0.0.1:9/nothing"]) != 0
    err = capsys.readouterr().err
    assert "could not be reached" in err and "Traceback" not in err
    with pytest.raises(BooksError, match="http"):
        dated.books.set_setting("alert_webhook_url", "ftp://example.com")
    with pytest.raises(BooksError, match="http"):
        alerts.push([{"message": "x"}], "file:///etc/passwd")
