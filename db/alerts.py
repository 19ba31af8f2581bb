"""What needs someone's attention now (`report alerts`, CLI.md's shape:
[{"kind", "sku"?, "number"?, "message"}]).

Kinds: awaiting-approval (every order waiting, with whom it waits on, since
when, and whether it escalated or timed out), low-stock (below the product's
minimum), over-stock (above its maximum), expired and expiring (batches with
stock past their expiry, or within N days of it: settings `expiry_alert_days`,
default 30, overridden per category by `expiry_alert_days:category:<name>` and
per product by `expiry_alert_days:sku:<SKU>`), and negative-stock (on hand below
zero, where the shop allows selling into it).

`push(conn, url)` sends them to a chat webhook (WeCom / DingTalk style: a JSON
POST of {"msgtype": "text", "text": {"content": ...}}); the URL is the setting
`alert_webhook_url`, set in Settings.
"""
from __future__ import annotations

import datetime as dt
import json
import urllib.error
import urllib.request

from sqlalchemy import Connection, select

from db import approvals, clock
from db.approvals import with_article
from db.errors import BooksError
from db.money import money_str, qty_str
from db.schema import batches, products, settings, stock

EXPIRY_DAYS = 30
WEBHOOK_KEY = "alert_webhook_url"


def alerts(conn: Connection, *, with_cost: bool = True) -> list[dict]:
    """with_cost=False: an order's total (what its goods cost) is left out."""
    out: list[dict] = []
    for w in approvals.all_waiting(conn):
        state = ""
        if w.timed_out:
            state = f"; past its time limit at the top ({w.escalations} escalations)"
        elif w.escalations:
            state = f"; escalated {w.escalations}x"
        urgent = "urgent " if w.urgent else ""
        out.append({"kind": "awaiting-approval", "number": w.number,
                    "message": f"{urgent}order {w.number} from {w.supplier} "
                               f"({money_str(w.total) + ', ' if with_cost else ''}"
                               f"by {w.creator}) waits for "
                               f"{with_article(w.role)}'s "
                               f"approval since {w.since:%Y-%m-%d %H:%M}, due "
                               f"{w.due_at:%Y-%m-%d %H:%M}{state}"})
    for r in conn.execute(
            select(products.c.sku, products.c.name, products.c.min_qty, products.c.max_qty,
                   stock.c.qty)
            .join(stock, stock.c.product_id == products.c.id)
            .where(products.c.active.is_(True),
                   ((products.c.min_qty.is_not(None)) & (stock.c.qty < products.c.min_qty))
                   | ((products.c.max_qty.is_not(None)) & (stock.c.qty > products.c.max_qty)))
            .order_by(products.c.sku)):
        if r.min_qty is not None and r.qty < r.min_qty:
            out.append({"kind": "low-stock", "sku": r.sku, "name": r.name,
                        "qty": qty_str(r.qty), "min": qty_str(r.min_qty),
                        "message": f"{r.sku} {r.name}: {qty_str(r.qty)} on hand, below the "
                                   f"minimum of {qty_str(r.min_qty)}"})
        else:
            out.append({"kind": "over-stock", "sku": r.sku, "name": r.name,
                        "qty": qty_str(r.qty), "max": qty_str(r.max_qty),
                        "message": f"{r.sku} {r.name}: {qty_str(r.qty)} on hand, above the "
                                   f"maximum of {qty_str(r.max_qty)}"})
    out += expiry_alerts(conn)
    for r in conn.execute(
            select(products.c.sku, products.c.name, stock.c.qty)
            .join(stock, stock.c.product_id == products.c.id)
            .where(products.c.active.is_(True), stock.c.qty < 0).order_by(products.c.sku)):
        out.append({"kind": "negative-stock", "sku": r.sku, "name": r.name,
                    "qty": qty_str(r.qty),
                    "message": f"{r.sku} {r.name}: {qty_str(r.qty)} on hand, below zero: "
                               "more was sold than came in; count it"})
    return out


def check_setting(key: str, value: str) -> None:
    """Refuses a bad value for the settings alerts read (before it is saved)."""
    if key.startswith("expiry_alert_days"):
        if not (value.strip().isdigit() and int(value) <= 3650):
            raise BooksError(f"{key} must be a number of days from 0 to 3650, not '{value}'")
    elif key == WEBHOOK_KEY and value and not value.startswith(("http://", "https://")):
        raise BooksError(f"the alert webhook '{value}' is not an http:// or https:// address")


def expiry_days(conn: Connection) -> tuple[int, dict[str, int], dict[str, int]]:
    """(the shop's N, {category: N}, {sku: N}) from the settings."""
    def days(key: str, value: str) -> int:
        try:
            n = int(value)
        except ValueError:
            n = -1
        if n < 0:
            raise BooksError(f"setting {key} is '{value}': a number of days, 0 or more")
        return n
    shop, cats, skus = EXPIRY_DAYS, {}, {}
    for key, value in conn.execute(select(settings.c.key, settings.c.value).where(
            settings.c.key.startswith("expiry_alert_days", autoescape=True))):
        if key == "expiry_alert_days":
            shop = days(key, value)
        elif key.startswith("expiry_alert_days:category:"):
            cats[key.split(":", 2)[2]] = days(key, value)
        elif key.startswith("expiry_alert_days:sku:"):
            skus[key.split(":", 2)[2]] = days(key, value)
    return shop, cats, skus


def expiry_alerts(conn: Connection, today: dt.date | None = None) -> list[dict]:
    """Batches with stock that have expired, or expire within their product's N days."""
    today = today or clock.today()
    shop, cats, skus = expiry_days(conn)
    horizon = today + dt.timedelta(days=max([shop, *cats.values(), *skus.values()]))
    out = []
    for r in conn.execute(
            select(products.c.sku, products.c.name, products.c.category, batches.c.batch_no,
                   batches.c.expiry, batches.c.qty)
            .join(batches, batches.c.product_id == products.c.id)
            .where(products.c.active.is_(True), batches.c.qty > 0,
                   batches.c.expiry.is_not(None), batches.c.expiry <= horizon)
            .order_by(batches.c.expiry, products.c.sku, batches.c.batch_no)):
        n = skus.get(r.sku, cats.get(r.category or "", shop))
        left = (r.expiry - today).days
        if left < 0:
            out.append({"kind": "expired", "sku": r.sku, "batch": r.batch_no, "name": r.name,
                        "qty": qty_str(r.qty), "expiry": r.expiry.isoformat(), "days": left,
                        "message": f"{r.sku} {r.name} batch {r.batch_no}: {qty_str(r.qty)} "
                                   f"on hand expired on {r.expiry} and cannot be sold"})
        elif left <= n:
            out.append({"kind": "expiring", "sku": r.sku, "batch": r.batch_no, "name": r.name,
                        "qty": qty_str(r.qty), "expiry": r.expiry.isoformat(), "days": left,
                        "message": f"{r.sku} {r.name} batch {r.batch_no}: {qty_str(r.qty)} "
                                   f"on hand expires on {r.expiry} ({left} days)"})
    return out


def push(rows: list[dict], url: str, shop_name: str = "", timeout: float = 5.0) -> int:
    """POSTs the alerts as one text message; returns how many were sent. A webhook
    that cannot be reached or answers with an error: BooksError naming it."""
    if not url.startswith(("http://", "https://")):
        raise BooksError(f"the alert webhook '{url}' is not an http:// or https:// address")
    if not rows:
        return 0
    head = f"Storekeeper {shop_name}: {len(rows)} alerts".replace("  ", " ")
    body = {"msgtype": "text",
            "text": {"content": "\n".join([head] + [f"- {r['message']}" for r in rows])}}
    request = urllib.request.Request(url, data=json.dumps(body, ensure_ascii=False).encode(),
                                     headers={"Content-Type": "application/json; charset=utf-8"},
                                     method="POST")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            answer.read()
    except urllib.error.HTTPError as exc:
        raise BooksError(f"the alert webhook {url} answered {exc.code} {exc.reason}") from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise BooksError(f"the alert webhook {url} could not be reached: {reason}") from None
    return len(rows)
