"""Sales summaries: the questions the reports ask, answered from the rollups.

    sales_summary(conn, date_from, date_to, "day")   -> {"rows": [...], "total": {...}}

A row: {"key", "label", "qty", "amount", "cost", "profit"}; money in fen and
quantities in thousandths (ints: the command line and the screens format
them). key is what identifies the group ("2026-12-01", "2026-W48",
"2026-12", a SKU, a category, a customer's or a cashier's name; "" for
sales to nobody in particular and for products without a category); label
is what a person reads beside it (a product's name; else the key). Rows
come in key order for the time groupings, biggest amount first for the
others (ties by key). Sales count net of returns and cancellations, each on
its own day: a return's lines (what came back, positive figures) count
negated; a cancel's reversal (a document of the same kind with negated
lines) undoes its original, so a cancelled return adds back. A document
counts once it is posted (drafts never do).
Imported sales history (db.imports, table sales_history) is not in these
summaries: it has no cost, no cashier and no payment, and the books' totals
are those of the documents.

`reference_summary` answers from the documents' lines themselves; it is the
definition `sales_summary` must agree with (check compares the rollups with
the same sums: db.rollups_upkeep). `sales_summary` reads the rollups that
posting keeps (migration 0008): the time groupings from sales_day_user (a
few rows a day), product and category from sales_month_product for the
whole months of the period and sales_day_product for the days at its edges,
customer from sales_day_customer, cashier from sales_day_user.
"""
from __future__ import annotations

import datetime as dt
from collections import OrderedDict, defaultdict
from typing import Iterable

from sqlalchemy import Connection, Date, and_, bindparam, case, func, select, text

from db.errors import BooksError
from db.schema import (customers, document_lines, documents, int_sum, products,
                       sales_day_customer, sales_day_payment, sales_day_user, users)

SALE_KINDS = ("sale", "sale-return")
TIME_GROUPINGS = ("day", "week", "month")
GROUPINGS = TIME_GROUPINGS + ("product", "category", "customer", "cashier")
FIELDS = ("qty", "amount", "cost", "profit")


def check_period(date_from: dt.date, date_to: dt.date, by: str) -> None:
    if by not in GROUPINGS:
        raise BooksError(f"cannot group sales by '{by}': by one of {', '.join(GROUPINGS)}")
    if date_from > date_to:
        raise BooksError(f"the period starts ({date_from}) after it ends ({date_to})")


def week_key(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def fold(rows: Iterable[tuple], by: str) -> dict:
    """rows: (day, key, label, qty, amount, cost) at the finest grain, key and label
    already those of the grouping for non-time groupings (ignored for time ones)."""
    groups: dict[str, list] = defaultdict(lambda: ["", 0, 0, 0])
    for day, key, label, qty, amount, cost in rows:
        if by == "day":
            key = label = day.isoformat()
        elif by == "week":
            key = label = week_key(day)
        elif by == "month":
            key = label = f"{day.year:04d}-{day.month:02d}"
        g = groups[key]
        g[0] = label if label is not None else key
        g[1] += qty
        g[2] += amount
        g[3] += cost
    out = [{"key": k, "label": g[0], "qty": g[1], "amount": g[2], "cost": g[3],
            "profit": g[2] - g[3]} for k, g in groups.items()]
    if by in TIME_GROUPINGS:
        out.sort(key=lambda r: r["key"])
    else:
        out.sort(key=lambda r: (-r["amount"], r["key"]))
    return {"rows": out, "total": _total(out)}


def _total(rows: list[dict]) -> dict:
    return {f: sum(r[f] for r in rows) for f in FIELDS}


def counted(D=documents.c):
    """The documents the summaries count: sales and returns, posted (reversals included)."""
    return and_(D.kind.in_(SALE_KINDS), D.posted_at.is_not(None))


def reference_summary(conn: Connection, date_from: dt.date, date_to: dt.date, by: str) -> dict:
    """The summary straight from the sales' and returns' lines (slow on a big shop)."""
    check_period(date_from, date_to, by)
    D, L = documents.c, document_lines.c
    if by in ("customer",):
        key_cols = [func.coalesce(customers.c.name, "")]
        from_ = documents.join(document_lines, L.document_id == D.id).outerjoin(
            customers, customers.c.id == D.customer_id)
    elif by == "cashier":
        key_cols = [users.c.name]
        from_ = documents.join(document_lines, L.document_id == D.id).join(
            users, users.c.id == D.user_id)
    elif by == "category":
        key_cols = [products.c.category]
        from_ = documents.join(document_lines, L.document_id == D.id).join(
            products, products.c.id == L.product_id)
    elif by == "product":
        key_cols = [products.c.sku, products.c.name]
        from_ = documents.join(document_lines, L.document_id == D.id).join(
            products, products.c.id == L.product_id)
    else:
        key_cols = []
        from_ = documents.join(document_lines, L.document_id == D.id)
    sign = case((D.kind == "sale-return", -1), else_=1)   # what came back counts against
    q = (select(D.doc_date, *key_cols, int_sum(sign * L.qty), int_sum(sign * L.amount),
                int_sum(sign * L.cost))
         .select_from(from_)
         .where(and_(counted(), D.doc_date >= date_from, D.doc_date <= date_to))
         .group_by(D.doc_date, *key_cols))
    rows = []
    for r in conn.execute(q):
        day, rest = r[0], list(r[1:])
        if by == "product":
            key, label, rest = rest[0], rest[1], rest[2:]
        elif key_cols:
            key, rest = rest[0], rest[1:]
            label = key
        else:
            key = label = ""
        rows.append((day, key, label, int(rest[0] or 0), int(rest[1] or 0), int(rest[2] or 0)))
    return fold(rows, by)


# ---------------------------------------------------------------- from the rollups

_CACHE: OrderedDict = OrderedDict()     # (database, period, by) -> (period version, answer)
CACHE_SIZE = 64
# From about four months on, summing only the last month (and merging the kept ones
# in Python) beats summing the whole period in SQL; below, SQL alone is quicker.
KEEP_MONTHS_FROM = 120


def sales_summary(conn: Connection, date_from: dt.date, date_to: dt.date, by: str, *,
                  cached: bool = True) -> dict:
    """The report's answer, from the rollups posting keeps: equal to reference_summary.

    The same question asked again is answered from this process's cache until a
    posting changes the period's rollups (period_version); the answer is shared:
    read it, do not change it."""
    check_period(date_from, date_to, by)
    if not cached:
        return _summary(conn, date_from, date_to, by)
    key = (conn.engine.url.render_as_string(hide_password=False), date_from, date_to, by)
    stamp = period_version(conn, date_from, date_to)
    hit = _CACHE.get(key)
    if hit is not None and hit[0] == stamp:
        _CACHE.move_to_end(key)
        return hit[1]
    if by in ("product", "category") and (date_to - date_from).days >= KEEP_MONTHS_FROM:
        answer = _by_product_cached(conn, date_from, date_to, by)
    else:
        answer = _summary(conn, date_from, date_to, by)
    _CACHE[key] = (stamp, answer)
    while len(_CACHE) > CACHE_SIZE:
        _CACHE.popitem(last=False)
    return answer


def period_version(conn: Connection, date_from: dt.date, date_to: dt.date) -> tuple:
    """Changes whenever a posting changes a rollup of these days: each counted
    document adds one to its day's sales_day_user.docs; a rebuild counts too."""
    from db.rollups_upkeep import rebuilds
    U = sales_day_user.c
    docs, rows = conn.execute(select(func.coalesce(int_sum(U.docs), 0), func.count())
                              .where(U.day >= date_from, U.day <= date_to)).one()
    return int(docs), int(rows), rebuilds(conn)


def _summary(conn: Connection, date_from: dt.date, date_to: dt.date, by: str) -> dict:
    if by in TIME_GROUPINGS:
        U = sales_day_user.c
        rows = conn.execute(select(U.day, int_sum(U.qty), int_sum(U.amount), int_sum(U.cost))
                            .where(U.day >= date_from, U.day <= date_to).group_by(U.day))
        return fold(((r[0], "", "", r[1], r[2], r[3]) for r in rows), by)
    if by in ("product", "category"):
        return _by_product(conn, date_from, date_to, by)
    if by == "customer":
        R = sales_day_customer.c
        name = func.coalesce(customers.c.name, "")
        q = (select(name, int_sum(R.qty), int_sum(R.amount), int_sum(R.cost))
             .select_from(sales_day_customer.outerjoin(customers, customers.c.id == R.customer_id))
             .where(R.day >= date_from, R.day <= date_to).group_by(name))
    else:
        R = sales_day_user.c
        q = (select(users.c.name, int_sum(R.qty), int_sum(R.amount), int_sum(R.cost))
             .select_from(sales_day_user.join(users, users.c.id == R.user_id))
             .where(R.day >= date_from, R.day <= date_to).group_by(users.c.name))
    return fold(((None, r[0], r[0], r[1], r[2], r[3]) for r in conn.execute(q)), by)


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def next_month(day: dt.date) -> dt.date:
    return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def pieces(date_from: dt.date, date_to: dt.date):
    """The period as whole months (first, last month start, or None) plus day ranges
    to add and day ranges to take away: a month more than half covered is its
    month row less the days left out, so at most ~15 days' rows per edge."""
    months: list[dt.date] = []
    plus: list[tuple[dt.date, dt.date]] = []
    minus: list[tuple[dt.date, dt.date]] = []
    m = month_start(date_from)
    while m <= date_to:
        end = next_month(m) - dt.timedelta(days=1)
        lo, hi = max(m, date_from), min(end, date_to)
        if (lo, hi) == (m, end) or 2 * ((hi - lo).days + 1) > (end - m).days + 1:
            months.append(m)
            if lo > m:
                minus.append((m, lo - dt.timedelta(days=1)))
            if hi < end:
                minus.append((hi + dt.timedelta(days=1), end))
        else:
            plus.append((lo, hi))
        m = next_month(m)
    return months, plus, minus


def product_sums_sql(conn: Connection, date_from: dt.date, date_to: dt.date) -> tuple[str, dict]:
    """SELECT product_id, q, a, c, n (lines) summed over the period, from its pieces."""
    months, plus, minus = pieces(date_from, date_to)
    parts, params = [], {}
    cols = "product_id, qty, amount, cost, lines"
    neg = "product_id, -qty, -amount, -cost, -lines"
    for i, m in enumerate(months):
        parts.append(f"SELECT {cols} FROM sales_month_product WHERE month = :m{i}")
        params[f"m{i}"] = m
    for sign, ranges in (("p", plus), ("n", minus)):
        for i, (lo, hi) in enumerate(ranges):
            parts.append(f"SELECT {cols if sign == 'p' else neg} FROM sales_day_product "
                         f"WHERE day >= :{sign}{i}a AND day <= :{sign}{i}b")
            params[f"{sign}{i}a"], params[f"{sign}{i}b"] = lo, hi
    if conn.dialect.name == "postgresql":
        # a few ten thousand rows: parallel workers would only take cores from the tills;
        # the sums by product fit in memory (the default 4 MB spills them to disk)
        conn.exec_driver_sql("SET LOCAL max_parallel_workers_per_gather = 0")
        conn.exec_driver_sql("SET LOCAL work_mem = '32MB'")
    return (f"SELECT product_id, CAST(sum(qty) AS BIGINT) AS q, CAST(sum(amount) AS BIGINT) AS a, "
            f"CAST(sum(cost) AS BIGINT) AS c, CAST(sum(lines) AS BIGINT) AS n "
            f"FROM ({' UNION ALL '.join(parts)}) u GROUP BY product_id"), params


def dated(sql: str, params: dict):
    return text(sql).bindparams(*(bindparam(k, type_=Date) for k in params))


def _by_product(conn: Connection, date_from: dt.date, date_to: dt.date, by: str) -> dict:
    inner, params = product_sums_sql(conn, date_from, date_to)
    inner = f"SELECT product_id, q, a, c FROM ({inner}) s WHERE n <> 0"
    c_order = ' COLLATE "C"' if conn.dialect.name == "postgresql" else ""   # code point order
    if by == "product":
        sql = (f"SELECT p.sku, p.name, x.q, x.a, x.c FROM ({inner}) x "
               f"JOIN products p ON p.id = x.product_id ORDER BY x.a DESC, p.sku{c_order}")
    else:
        sql = (f"SELECT p.category, p.category, CAST(sum(x.q) AS BIGINT), CAST(sum(x.a) AS BIGINT) "
               f"AS a, CAST(sum(x.c) AS BIGINT) FROM ({inner}) x "
               f"JOIN products p ON p.id = x.product_id GROUP BY p.category "
               f"ORDER BY a DESC, p.category{c_order}")
    out = [{"key": k, "label": lbl, "qty": q, "amount": a, "cost": c, "profit": a - c}
           for k, lbl, q, a, c in conn.execute(dated(sql, params), params)]
    return {"rows": out, "total": _total(out)}


_PREFIX: OrderedDict = OrderedDict()   # (database, from, tail start) -> (version, {product: sums})


def _by_product_cached(conn: Connection, date_from: dt.date, date_to: dt.date, by: str) -> dict:
    """_by_product's answer with the work split: the period's whole months before the
    month it ends in are summed once and kept (until a posting changes them: a
    back-dated one, a rebuild); only the last month is summed again. The database
    then reads one month's rows, not a year's, while the tills post today."""
    tail_start = max(date_from, date_to.replace(day=1))
    merged: dict = {}
    if tail_start > date_from:
        key = (conn.engine.url.render_as_string(hide_password=False), date_from, tail_start)
        stamp = period_version(conn, date_from, tail_start - dt.timedelta(days=1))
        hit = _PREFIX.get(key)
        if hit is None or hit[0] != stamp:
            sql, params = product_sums_sql(conn, date_from, tail_start - dt.timedelta(days=1))
            hit = (stamp, {r[0]: tuple(r[1:]) for r in conn.execute(dated(sql, params), params)})
            _PREFIX[key] = hit
            while len(_PREFIX) > 16:
                _PREFIX.popitem(last=False)
        merged = dict(hit[1])
    sql, params = product_sums_sql(conn, tail_start, date_to)
    for pid, *v in conn.execute(dated(sql, params), params):
        old = merged.get(pid)
        merged[pid] = tuple(v) if old is None else tuple(x + y for x, y in zip(old, v))
    sold = [p for p, v in merged.items() if v[3]]
    info = {}
    for i in range(0, len(sold), 5000):      # the products sold, not every product in the shop
        info.update((r[0], r[1:]) for r in conn.execute(select(
            products.c.id, products.c.sku, products.c.name, products.c.category)
            .where(products.c.id.in_(sold[i:i + 5000]))))
    if by == "product":
        out = [{"key": info[p][0], "label": info[p][1], "qty": q, "amount": a, "cost": c,
                "profit": a - c} for p, (q, a, c, n) in merged.items() if n]
    else:
        groups: dict = defaultdict(lambda: [0, 0, 0])
        for p, (q, a, c, n) in merged.items():
            if n:
                g = groups[info[p][2]]
                g[0] += q
                g[1] += a
                g[2] += c
        out = [{"key": k, "label": k, "qty": q, "amount": a, "cost": c, "profit": a - c}
               for k, (q, a, c) in groups.items()]
    out.sort(key=lambda r: (-r["amount"], r["key"]))
    return {"rows": out, "total": _total(out)}


# ---------------------------------------------------------------- other questions

def version(conn: Connection) -> int:
    """A number that changes whenever a posting changes any rollup (every counted
    document adds one to sales_day_user.docs) or a rebuild rewrites them: what a
    screen keeps beside a cached answer."""
    from db.rollups_upkeep import rebuilds
    docs = conn.execute(select(func.coalesce(int_sum(sales_day_user.c.docs), 0))).scalar()
    return int(docs) + (rebuilds(conn) << 40)


def best_sellers(conn: Connection, date_from: dt.date, date_to: dt.date, n: int = 20,
                 slowest: bool = False) -> list[dict]:
    """The n products that sold the most (by amount) in the period; slowest: the n
    active products that sold the least (by quantity, none at all first)."""
    rows = sales_summary(conn, date_from, date_to, "product")["rows"]
    if not slowest:
        return rows[:n]
    sold = {r["key"]: r for r in rows}
    out = [sold.get(sku) or {"key": sku, "label": name, "qty": 0, "amount": 0, "cost": 0,
                             "profit": 0}
           for sku, name in conn.execute(select(products.c.sku, products.c.name)
                                         .where(products.c.active.is_(True)))]
    out.sort(key=lambda r: (r["qty"], r["amount"], r["key"]))
    return out[:n]


def daily_close(conn: Connection, day: dt.date) -> dict:
    """The day's takings per payment method (refunds netted), and the day's totals:
    {"day", "methods": [{"method", "amount", "docs"}], "amount", "docs", "qty", "cost",
    "profit"}; money in fen, quantities in thousandths."""
    P, U = sales_day_payment.c, sales_day_user.c
    methods = [{"method": m, "amount": int(a), "docs": int(d)} for m, a, d in conn.execute(
        select(P.method, P.amount, P.docs).where(P.day == day).order_by(P.method))]
    t = conn.execute(select(int_sum(U.qty), int_sum(U.amount), int_sum(U.cost), int_sum(U.docs))
                     .where(U.day == day)).one()
    qty, amount, cost, docs = (int(x or 0) for x in t)
    return {"day": day, "methods": methods, "qty": qty, "amount": amount, "cost": cost,
            "profit": amount - cost, "docs": docs,
            "paid": sum(m["amount"] for m in methods)}
