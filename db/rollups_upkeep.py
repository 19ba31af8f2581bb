"""Keeping the rollups honest: rebuild them from the documents, verify them.

    rebuild(conn, from_day=None) -> {"table": rows written, ...}
    verify(conn, from_day=None)  -> ["rollups: ...", ...]   (empty: they agree)
    hold_triggers(conn)          -> a function that puts them back (bulk loads)

Posting keeps the rollups by triggers (migration 0008); these functions
recompute the same sums in bulk (INSERT ... SELECT ... GROUP BY) from the
documents db.rollups counts: sales and returns, posted, on their doc_date.
sales_month_product is recomputed from sales_day_product and verified
against it. from_day limits both to the days from then on (an archive that
removed older documents keeps the older rollups: db.archive).
"""
from __future__ import annotations

import datetime as dt
import time
from typing import Callable

from sqlalchemy import Connection, Date, bindparam, func, select, text

from db.errors import PermissionDenied
from db.money import money_str, qty_str
from db.schema import customers, products, settings, users

REBUILD_ROLES = ("owner", "manager")
REBUILDS_KEY = "rollups_rebuilds"          # settings: how many rebuilds so far (rollups.version)
SQLITE_TRIGGERS = ("sk_rollup_lines", "sk_rollup_payments")
PG_TRIGGERS = ("sk_rollup_posted", "sk_rollup_draft_posted")
MAX_BREACHES = 50
_PRODUCT_INDEX = ("ix_sales_day_product_product", "sales_day_product (product_id, day)")

_COUNTED = "d.kind IN ('sale', 'sale-return') AND d.posted_at IS NOT NULL"
_B = "CAST(sum({}) AS BIGINT)"
_SIGNED = tuple(f"CASE WHEN d.kind = 'sale-return' THEN -l.{c} ELSE l.{c} END"
                for c in ("qty", "amount", "cost"))   # a return counts against the sales


def _sums(*cols: str) -> str:
    return ", ".join(_B.format(c) for c in cols)


# table -> (key columns, value columns, the recomputation: SELECT keys, values)
_DAY_TABLES = {
    "sales_day_product": (("day", "product_id"), ("qty", "amount", "cost", "lines"),
        f"SELECT d.doc_date, l.product_id, {_sums(*_SIGNED)}, "
        f"CAST(count(*) AS BIGINT) FROM documents d JOIN document_lines l ON l.document_id = d.id "
        f"WHERE {_COUNTED} {{since}} GROUP BY d.doc_date, l.product_id"),
    "sales_day_customer": (("day", "customer_id"), ("qty", "amount", "cost", "docs"),
        f"SELECT d.doc_date, coalesce(d.customer_id, 0), {_sums(*_SIGNED)}, "
        f"{_B.format('CASE WHEN l.line_no = 1 THEN 1 ELSE 0 END')} "
        f"FROM documents d JOIN document_lines l ON l.document_id = d.id "
        f"WHERE {_COUNTED} {{since}} GROUP BY d.doc_date, coalesce(d.customer_id, 0)"),
    "sales_day_user": (("day", "user_id"), ("qty", "amount", "cost", "docs"),
        f"SELECT d.doc_date, d.user_id, {_sums(*_SIGNED)}, "
        f"{_B.format('CASE WHEN l.line_no = 1 THEN 1 ELSE 0 END')} "
        f"FROM documents d JOIN document_lines l ON l.document_id = d.id "
        f"WHERE {_COUNTED} {{since}} GROUP BY d.doc_date, d.user_id"),
    "sales_day_payment": (("day", "method"), ("amount", "docs"),
        f"SELECT d.doc_date, p.method, {_sums('p.amount')}, CAST(count(*) AS BIGINT) "
        f"FROM documents d JOIN document_payments p ON p.document_id = d.id "
        f"WHERE {_COUNTED} {{since}} GROUP BY d.doc_date, p.method"),
}
# one pass over the lines for both customer and cashier: per day, cashier and customer
_DOC_SUMS = (f"SELECT d.doc_date AS day, d.user_id AS user_id, coalesce(d.customer_id, 0) "
             f"AS customer_id, {_sums(*_SIGNED)}, "
             f"{_B.format('CASE WHEN l.line_no = 1 THEN 1 ELSE 0 END')} "
             f"FROM documents d JOIN document_lines l ON l.document_id = d.id "
             f"WHERE {_COUNTED} {{since}} GROUP BY d.doc_date, d.user_id, coalesce(d.customer_id, 0)")


def _month_of(conn: Connection, col: str) -> str:
    if conn.dialect.name == "postgresql":
        return f"CAST(date_trunc('month', {col}) AS DATE)"
    return f"substr({col}, 1, 8) || '01'"


def _month_sums(conn: Connection) -> str:
    m = _month_of(conn, "day")
    return (f"SELECT {m}, product_id, {_sums('qty', 'amount', 'cost', 'lines')} "
            f"FROM sales_day_product {{since}} GROUP BY {m}, product_id")


def _run(conn: Connection, sql: str, since: dt.date | None):
    stmt = text(sql)
    if since is None:
        return conn.execute(stmt)
    return conn.execute(stmt.bindparams(bindparam("since", type_=Date)), {"since": since})


def live_from(conn: Connection) -> dt.date | None:
    """The first day whose documents are all still here: after `archive --before DATE`
    (db.archive) the rollups of earlier days are kept as they were, never recomputed."""
    from db import schema
    runs = getattr(schema, "archive_runs", None)
    if runs is None:
        return None
    return conn.execute(select(func.max(runs.c.before))).scalar()


def rebuilds(conn: Connection) -> int:
    return int(conn.execute(select(settings.c.value).where(settings.c.key == REBUILDS_KEY))
               .scalar() or 0)


def rebuild(conn: Connection, from_day: dt.date | None = None, *,
            exclusive: bool = False) -> dict:
    """Deletes the rollups (from from_day on) and sums them again from the documents,
    inside the caller's write transaction. Returns the rows written per table.

    On PostgreSQL reports go on reading the old rows meanwhile, unless exclusive
    (a bulk load that owns the database: db.seed), which truncates the tables and
    builds the secondary index after the rows."""
    started = time.perf_counter()
    from_day = max(filter(None, (from_day, live_from(conn))), default=None)
    pg = conn.dialect.name == "postgresql"
    if pg:   # postings write the rollups while holding the audit head: wait for them
        conn.exec_driver_sql("SELECT seq FROM audit_head WHERE id = 1 FOR UPDATE")
    month_from = from_day.replace(day=1) if from_day else None
    # SQLite holds the only write lock and readers keep their snapshot: the secondary
    # index is dropped and built once after the rows. PostgreSQL only when exclusive.
    bulk = from_day is None and (exclusive or not pg)
    if bulk:
        conn.exec_driver_sql(f"DROP INDEX {_PRODUCT_INDEX[0]}")
    for table in (*_DAY_TABLES, "sales_month_product"):
        col, since = ("month", month_from) if table == "sales_month_product" else ("day", from_day)
        if since is None:
            conn.exec_driver_sql(f"TRUNCATE {table}" if pg and bulk else f"DELETE FROM {table}")
        else:
            _run(conn, f"DELETE FROM {table} WHERE {col} >= :since", since)
    where = "AND d.doc_date >= :since" if from_day else ""
    out = {}
    for table in ("sales_day_product", "sales_day_payment"):
        keys, values, sql = _DAY_TABLES[table]
        out[table] = _run(conn, f"INSERT INTO {table} ({', '.join(keys + values)}) "
                                f"{sql.format(since=where)}", from_day).rowcount
    conn.exec_driver_sql("CREATE TEMPORARY TABLE sk_rollup_doc_sums (day DATE, user_id INTEGER, "
                         "customer_id INTEGER, qty BIGINT, amount BIGINT, cost BIGINT, docs BIGINT)")
    try:
        _run(conn, f"INSERT INTO sk_rollup_doc_sums {_DOC_SUMS.format(since=where)}", from_day)
        for table, key in (("sales_day_customer", "customer_id"), ("sales_day_user", "user_id")):
            out[table] = conn.exec_driver_sql(
                f"INSERT INTO {table} (day, {key}, qty, amount, cost, docs) "
                f"SELECT day, {key}, {_sums('qty', 'amount', 'cost', 'docs')} "
                f"FROM sk_rollup_doc_sums GROUP BY day, {key}").rowcount
    finally:
        conn.exec_driver_sql("DROP TABLE sk_rollup_doc_sums")
    if bulk:
        conn.exec_driver_sql(f"CREATE INDEX {_PRODUCT_INDEX[0]} ON {_PRODUCT_INDEX[1]}")
    out["sales_month_product"] = _run(
        conn, "INSERT INTO sales_month_product (month, product_id, qty, amount, cost, lines) "
        + _month_sums(conn).format(since="WHERE day >= :since" if month_from else "")
        + " ORDER BY 1, 2",     # a month's rows together on disk (PostgreSQL): a report reads few pages
        month_from).rowcount
    _bump_rebuilds(conn)
    if pg:    # fresh planner statistics for the reports
        for table in out:
            conn.exec_driver_sql(f"ANALYZE {table}")
    out["seconds"] = round(time.perf_counter() - started, 1)
    return out


def _bump_rebuilds(conn: Connection) -> None:
    n = rebuilds(conn) + 1
    if conn.execute(select(settings.c.key).where(settings.c.key == REBUILDS_KEY)).first():
        conn.execute(settings.update().where(settings.c.key == REBUILDS_KEY).values(value=str(n)))
    else:
        conn.execute(settings.insert().values(key=REBUILDS_KEY, value=str(n)))


def require_rebuild(actor) -> None:
    if actor.role not in REBUILD_ROLES:
        raise PermissionDenied(f"{actor.name} ({actor.role}) may not rebuild the rollups: "
                               "an owner or a manager may")


# ---------------------------------------------------------------- verify

def verify(conn: Connection, from_day: dt.date | None = None) -> list[str]:
    """The rollups that differ from a recomputation from the documents, one line each
    naming the table's day and product / customer / cashier / method."""
    from_day = max(filter(None, (from_day, live_from(conn))), default=None)
    where = "AND d.doc_date >= :since" if from_day else ""
    month_from = from_day.replace(day=1) if from_day else None
    checks = [(t, keys, vals, sql.format(since=where), from_day, "day")
              for t, (keys, vals, sql) in _DAY_TABLES.items()]
    checks.append(("sales_month_product", ("month", "product_id"),
                   ("qty", "amount", "cost", "lines"),
                   _month_sums(conn).format(since="WHERE day >= :since" if month_from else ""),
                   month_from, "month"))
    out: list[str] = []
    for table, keys, vals, sql, since, col in checks:
        stored = (f"SELECT {', '.join(keys + vals)} FROM {table}"
                  + (f" WHERE {col} >= :since" if since else ""))
        found: dict[tuple, list] = {}
        for slot, (a, b) in enumerate(((sql, stored), (stored, sql))):
            for r in _run(conn, f"SELECT * FROM ({a} EXCEPT {b}) x LIMIT {MAX_BREACHES}", since):
                found.setdefault((str(r[0]), r[1]), [None, None])[slot] = tuple(r[2:])
        for key in sorted(found)[:MAX_BREACHES - len(out)]:
            out.append(_breach(conn, table, key, vals, *found[key]))
        if len(out) >= MAX_BREACHES:
            break
    return out


def _breach(conn: Connection, table: str, key: tuple, vals: tuple, right, kept) -> str:
    day, who = key
    what = {"sales_day_product": ("product", products, products.c.sku),
            "sales_month_product": ("product", products, products.c.sku),
            "sales_day_customer": ("customer", customers, customers.c.name),
            "sales_day_user": ("cashier", users, users.c.name)}.get(table)
    if what is None:
        name = f"method {who}"
    elif who == 0 and what[0] == "customer":
        name = "no customer"
    else:
        found = conn.execute(select(what[2]).where(what[1].c.id == who)).scalar()
        name = f"{what[0]} {found if found is not None else f'#{who}'}"

    def show(v):
        if v is None:
            return "nothing"
        return ", ".join(f"{c} {qty_str(x) if c == 'qty' else money_str(x) if c in ('amount', 'cost') else x}"
                         for c, x in zip(vals, v))
    when = "month of " + day if table == "sales_month_product" else day
    return f"rollups: {table} for {when}, {name} holds {show(kept)} but the documents add up to {show(right)}"


# ---------------------------------------------------------------- bulk loads

def hold_triggers(conn: Connection) -> Callable[[], None]:
    """Stops the rollup triggers for a bulk load in this transaction (db.seed); call
    what it returns to put them back, then rebuild()."""
    if conn.dialect.name == "postgresql":
        for name in PG_TRIGGERS:
            conn.exec_driver_sql(f"ALTER TABLE documents DISABLE TRIGGER {name}")

        def restore() -> None:
            for name in PG_TRIGGERS:
                conn.exec_driver_sql(f"ALTER TABLE documents ENABLE TRIGGER {name}")
        return restore
    held = conn.execute(text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                             "AND name IN ('sk_rollup_lines', 'sk_rollup_payments') "
                             "ORDER BY name")).all()
    for name, _sql in held:
        conn.exec_driver_sql(f"DROP TRIGGER {name}")

    def restore_sqlite() -> None:
        for _name, sql in held:
            conn.exec_driver_sql(sql)
    return restore_sqlite
