"""ABC classes and the cycle-count schedule: what to count today.

    classify(conn, today=None)          -> {product_id: "A" | "B" | "C"}
    intervals(conn)                     -> {"A": 7, "B": 30, "C": 90}
    last_counted(conn)                  -> {product_id: date of its latest live count}
    due(conn, today=None, limit=None)   -> [{"product_id", "sku", "name", "category", "abc",
                                             "last_counted", "days_overdue"}, ...]
    check_setting(key, value)           -> raises BooksError for a bad value

ABC class. Every active product's sales value is its net sales amount (fen,
returns and cancels netted, as the sales reports count them) over the 365 days
that end on `today`, read from the rollups posting keeps: sales_month_product
for the whole months of that year, sales_day_product for the days at its
edges (db.rollups.pieces). The active products that sold (net value above
zero) are ranked by value, biggest first, ties by SKU (code point order), and
a running total is kept: a product is A while the value ranked above it is
less than a% of the total, else B while that is less than b% of it, else C
(setting `abc_split`, "a,b", default "80,95"). So the product that crosses a
cut point stays in the class above it (a product with 90% of the sales is A,
not B), a product that starts exactly on a cut point is in the class below,
and among equal values the smaller SKU ranks first. Products that did not
sell, or whose returns matched or outweighed their sales, are C. Inactive
products have no class and do not count in the total.

The schedule. A product is counted every N days by its class (setting
`abc_count_days`, "A,B,C", default "7,30,90"). Its last count is the doc_date
of the newest posted stocktake with a line for it (cancelled stocktakes and
reversals do not count). It is due when that count is N or more days old
(counted 7 days ago with N = 7: due today), days_overdue being the days
past N (0 on the day it falls due). A product never counted is due, and
days_overdue is N: it ranks as if it had been counted 2N days ago, so it
comes after products of its class overdue by more than N days and before
those overdue by less (same N: by SKU). The list is in class order (A, B,
C), then most overdue first, then SKU; at most `limit` rows (default the
setting `count_daily_items`, default 40). Batch tracking makes no difference.
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import Connection, func, select

from db import clock, rollups
from db.errors import BooksError
from db.masters import get_setting
from db.schema import document_lines, documents, products

CLASSES = ("A", "B", "C")
WINDOW_DAYS = 365

SPLIT_KEY = "abc_split"
SPLIT_DEFAULT = "80,95"
DAYS_KEY = "abc_count_days"
DAYS_DEFAULT = "7,30,90"
LIMIT_KEY = "count_daily_items"
LIMIT_DEFAULT = "40"
MAX_DAYS = 3650
MAX_LIMIT = 100_000
SETTINGS = (SPLIT_KEY, DAYS_KEY, LIMIT_KEY)


# ---------------------------------------------------------------- settings

def _ints(value, n: int) -> list[int] | None:
    """n comma-separated whole numbers ('80, 95'), or None when it is not that."""
    parts = str(value).split(",")
    if len(parts) != n:
        return None
    out = []
    for p in parts:
        p = p.strip()
        if not p.isascii() or not p.isdigit():
            return None
        out.append(int(p))
    return out


def parse_split(value) -> tuple[int, int]:
    v = _ints(value, 2)
    if v is None or not 0 < v[0] < v[1] <= 100:
        raise BooksError(f"setting {SPLIT_KEY} is '{value}': two whole percentages a,b with "
                         f"0 < a < b <= 100 (A up to a% of sales, B up to b%), like '80,95'")
    return v[0], v[1]


def parse_days(value) -> dict[str, int]:
    v = _ints(value, 3)
    if v is None or not all(1 <= d <= MAX_DAYS for d in v) or not v[0] <= v[1] <= v[2]:
        raise BooksError(f"setting {DAYS_KEY} is '{value}': the days between counts of A, B "
                         f"and C products, three whole numbers from 1 to {MAX_DAYS}, A's no "
                         f"more than B's no more than C's, like '7,30,90'")
    return dict(zip(CLASSES, v))


def parse_limit(value) -> int:
    if isinstance(value, bool):
        v = None
    elif isinstance(value, int):
        v = value
    else:
        v = _ints(value, 1)
        v = v[0] if v else None
    if v is None or not 1 <= v <= MAX_LIMIT:
        raise BooksError(f"setting {LIMIT_KEY} is '{value}': the number of products to "
                         f"count a day, a whole number from 1 to {MAX_LIMIT}")
    return v


def check_setting(key: str, value: str) -> None:
    """Refuses a bad value for the settings this module reads (before it is saved);
    other keys pass."""
    if key == SPLIT_KEY:
        parse_split(value)
    elif key == DAYS_KEY:
        parse_days(value)
    elif key == LIMIT_KEY:
        parse_limit(value)


def split(conn: Connection) -> tuple[int, int]:
    return parse_split(get_setting(conn, SPLIT_KEY, SPLIT_DEFAULT))


def intervals(conn: Connection) -> dict[str, int]:
    """Days between counts per class: {"A": 7, "B": 30, "C": 90} by default."""
    return parse_days(get_setting(conn, DAYS_KEY, DAYS_DEFAULT))


def daily_items(conn: Connection) -> int:
    return parse_limit(get_setting(conn, LIMIT_KEY, LIMIT_DEFAULT))


# ---------------------------------------------------------------- classes

def _today(today) -> dt.date:
    if today is None:
        return clock.today()
    if isinstance(today, dt.datetime):
        return today.date()
    if not isinstance(today, dt.date):
        raise BooksError(f"'{today}' is not a date, like 2026-12-02")
    return today


def sales_values(conn: Connection, today: dt.date) -> dict[int, int]:
    """{product_id: net sales amount in fen} over the WINDOW_DAYS days ending on today,
    products with sales lines in it only (the value may be 0 or below): the sums the
    summary by product reads (db.rollups.product_sums_sql)."""
    first = today - dt.timedelta(days=WINDOW_DAYS - 1)
    sql, params = rollups.product_sums_sql(conn, first, today)
    return {int(pid): int(a or 0) for pid, _q, a, _c, _n in
            conn.execute(rollups.dated(sql, params), params)}


def _active(conn: Connection, *more) -> list:
    """The active products: (id, sku, *more columns)."""
    P = products.c
    return conn.execute(select(P.id, P.sku, *more).where(P.active.is_(True))).all()


def _classes(rows, values: dict[int, int], cuts: tuple[int, int]) -> dict[int, str]:
    a, b = cuts
    out = {r[0]: "C" for r in rows}
    ranked = sorted(((values[r[0]], r[1], r[0]) for r in rows if values.get(r[0], 0) > 0),
                    key=lambda t: (-t[0], t[1]))
    total = sum(t[0] for t in ranked)
    before = 0
    for value, _sku, pid in ranked:
        if before * 100 < a * total:
            out[pid] = "A"
        elif before * 100 < b * total:
            out[pid] = "B"
        before += value
    return out


def classify(conn: Connection, today: dt.date | None = None) -> dict[int, str]:
    """{product_id: "A" | "B" | "C"} for every active product (see the module's text)."""
    day = _today(today)
    cuts = split(conn)
    return _classes(_active(conn), sales_values(conn, day), cuts)


# ---------------------------------------------------------------- the schedule

def last_counted(conn: Connection) -> dict[int, dt.date]:
    """{product_id: doc_date of the newest live stocktake with a line for it} (posted,
    not cancelled, not a reversal); products never counted are not in it."""
    D, L = documents.c, document_lines.c
    rows = conn.execute(
        select(L.product_id, func.max(D.doc_date))
        .select_from(document_lines.join(documents, D.id == L.document_id))
        .where(D.kind == "stocktake", D.status == "posted", D.reverses_id.is_(None))
        .group_by(L.product_id))
    return {int(pid): day for pid, day in rows}


def due(conn: Connection, today: dt.date | None = None,
        limit: int | None = None) -> list[dict]:
    """What to count today (see the module's text for who is due and the order)."""
    day = _today(today)
    n = daily_items(conn) if limit is None else parse_limit(limit)
    every = intervals(conn)
    cuts = split(conn)
    rows = _active(conn, products.c.name, products.c.category)
    classes = _classes(rows, sales_values(conn, day), cuts)
    counted = last_counted(conn)
    out = []
    for pid, sku, name, category in rows:
        cls = classes[pid]
        last = counted.get(pid)
        if last is None:
            overdue = every[cls]
        else:
            overdue = (day - last).days - every[cls]
            if overdue < 0:
                continue
        out.append({"product_id": pid, "sku": sku, "name": name, "category": category,
                    "abc": cls, "last_counted": last, "days_overdue": overdue})
    out.sort(key=lambda r: (r["abc"], -r["days_overdue"], r["sku"]))
    return out[:n]
