"""Statements for the hot path of posting, without SQLAlchemy's per-call work.

A FastStatement is an ordinary Core statement, built once, compiled once per
dialect, and run on the connection's own DBAPI cursor, inside whatever
transaction the Connection has open. SQLAlchemy's execute costs 50-250 us a
call on a slow CPU (building the statement, its cache key, the execution
context, the result); a sale runs a dozen statements, so that was most of
its time. The SQL text is SQLAlchemy's own, bound values go through the
column types' bind processors (SQLite's DateTime text, say), and driver
errors come back as SQLAlchemy's exceptions, so callers' retry and
idempotency handling (IntegrityError, OperationalError, sqlstate) is the
same as with conn.execute. Rows come back as plain tuples.

On PostgreSQL, writes whose results nobody reads (ledger rows, the audit
row, a conditional UPDATE whose rowcount is checked) can be deferred: they
are queued on the Connection and sent in one pipeline together with the
next statement that is executed (ours or SQLAlchemy's), or with the COMMIT,
so a posting waits for the server a handful of times instead of a dozen.
Order is kept (nothing runs before what was queued earlier) and every
rowcount check is made before the transaction commits. On SQLite, a
deferred statement simply runs at once.
"""
from __future__ import annotations

from typing import Any, Callable, Sequence

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError
from sqlalchemy.sql import Executable

from db.errors import BooksError

_DEFERRED = "fastsql.deferred"   # Connection.info key: the queued statements
_REMEMBERED = "fastsql.remembered"   # rows read earlier in this transaction, by table


class FastStatement:
    """build() makes the statement; with per_dialect, build(dialect_name) does."""
    __slots__ = ("_build", "_per_dialect", "_compiled")

    def __init__(self, build: Callable[..., Executable], *, per_dialect: bool = False):
        self._build = build
        self._per_dialect = per_dialect
        self._compiled: dict[str, tuple[str, tuple[str, ...] | None, dict, dict]] = {}

    def _for(self, conn: Connection) -> tuple[str, tuple[str, ...] | None, dict, dict]:
        dialect = conn.dialect
        c = self._compiled.get(dialect.name)
        if c is None:
            stmt = self._build(dialect.name) if self._per_dialect else self._build()
            comp = stmt.compile(dialect=dialect)
            procs, fixed = {}, {}
            for name, bp in comp.binds.items():
                proc = bp.type.bind_processor(dialect)
                if proc is not None:
                    procs[name] = proc
                if not bp.required and not bp.callable:
                    fixed[name] = bp.value      # literals in the statement (last + 1, ...)
            order = tuple(comp.positiontup) if comp.positional else None
            c = self._compiled[dialect.name] = (str(comp), order, procs, fixed)
        return c

    @staticmethod
    def _bind(params: dict, order, procs: dict, fixed: dict):
        if fixed:
            params = {**fixed, **params}
        if procs:
            params = {k: (procs[k](v) if k in procs and v is not None else v)
                      for k, v in params.items()}
        return params if order is None else tuple(params[n] for n in order)

    def execute(self, conn: Connection, params: dict | None = None):
        """Runs once; returns the DBAPI cursor (fetchone/fetchall/rowcount)."""
        sql, order, procs, fixed = self._for(conn)
        bound = self._bind(params or {}, order, procs, fixed)
        raw = conn.connection.driver_connection
        if conn.info.get(_DEFERRED) or (conn.dialect.name == "postgresql"
                                        and raw.info.transaction_status == 0):
            return flush(conn, then=(sql, bound))   # ... and on PostgreSQL the BEGIN with it
        cur = raw.cursor()
        try:
            cur.execute(sql, bound)
        except conn.dialect.loaded_dbapi.Error as exc:
            raise _wrap(conn, sql, params, exc) from None
        return cur

    def executemany(self, conn: Connection, rows: Sequence[dict]):
        """Runs for every row; the cursor's rowcount is the total over all of them."""
        sql, order, procs, fixed = self._for(conn)
        if conn.info.get(_DEFERRED):
            flush(conn)
        cur = conn.connection.driver_connection.cursor()
        try:
            cur.executemany(sql, [self._bind(r, order, procs, fixed) for r in rows])
        except conn.dialect.loaded_dbapi.Error as exc:
            raise _wrap(conn, sql, rows, exc) from None
        return cur


    def defer(self, conn: Connection, params: dict | None = None, *,
              many: Sequence[dict] | None = None, rowcount: int | None = None,
              error: str = "the database changed while posting; please try again") -> None:
        """Runs the statement (once, or for each of `many`) now on SQLite, or with the
        next statement on PostgreSQL. With `rowcount`, a different total rowcount
        raises BooksError(error), always before the transaction commits."""
        if conn.dialect.name != "postgresql":
            cur = self.executemany(conn, many) if many is not None else self.execute(conn, params)
            if rowcount is not None and cur.rowcount != rowcount:
                raise BooksError(error)
            return
        sql, order, procs, fixed = self._for(conn)
        rows = ([self._bind(r, order, procs, fixed) for r in many] if many is not None
                else self._bind(params or {}, order, procs, fixed))
        conn.info.setdefault(_DEFERRED, []).append((sql, rows, many is not None, rowcount, error))


def together(conn: Connection, items: Sequence[tuple[FastStatement, dict | None]]) -> list:
    """Runs several statements that each return rows; on PostgreSQL in one round trip
    (with whatever was deferred before them). Returns their cursors, in order."""
    if conn.dialect.name != "postgresql":
        return [stmt.execute(conn, params) for stmt, params in items]
    bound = []
    for stmt, params in items:
        sql, order, procs, fixed = stmt._for(conn)
        bound.append((sql, stmt._bind(params or {}, order, procs, fixed)))
    return flush(conn, then=bound)


def remember(conn: Connection, table: str, row) -> None:
    """Keeps a row read (and locked) in this transaction for a later step; it is
    forgotten at the end of the transaction or when any statement names its table."""
    conn.info.setdefault(_REMEMBERED, {})[table] = row


def recall(conn: Connection, table: str):
    return (conn.info.get(_REMEMBERED) or {}).pop(table, None)


def before_statement(conn: Connection, statement: str) -> None:
    """Hook for every other statement on the connection (db.engine)."""
    if conn.info.get(_DEFERRED):
        flush(conn)
    kept = conn.info.get(_REMEMBERED)
    if kept:
        for table in [t for t in kept if t in statement]:
            del kept[table]


def pending(conn: Connection) -> bool:
    return bool(conn.info.get(_DEFERRED))


def discard(conn: Connection) -> None:
    """At the end of a transaction: what was queued or remembered goes with it."""
    conn.info.pop(_DEFERRED, None)
    conn.info.pop(_REMEMBERED, None)


def flush(conn: Connection, *, then=None, commit: bool = False):
    """PostgreSQL: sends what was deferred in one pipeline, with `then` -- (sql, bound
    params), whose cursor is returned, or a list of them, whose cursors are -- or,
    with commit, the COMMIT (after the rowcount checks; a failed statement aborts
    the rest of the pipeline, COMMIT included)."""
    queued = conn.info.pop(_DEFERRED, None) or []
    raw = conn.connection.driver_connection
    checks, result = [], None
    try:
        with raw.pipeline() as pipe:
            for sql, rows, many, rowcount, error in queued:
                cur = raw.cursor()
                cur.executemany(sql, rows) if many else cur.execute(sql, rows)
                if rowcount is not None:
                    checks.append((cur, rowcount, error))
            if isinstance(then, list):
                result = []
                for sql, params in then:
                    result.append(raw.cursor())
                    result[-1].execute(sql, params)
            elif then is not None:
                result = raw.cursor()
                result.execute(*then)
            if commit and not checks:
                raw.commit()
                commit = False
            pipe.sync()
        for cur, rowcount, error in checks:
            if cur.rowcount != rowcount:
                raise BooksError(error)
        if commit:
            raw.commit()
    except conn.dialect.loaded_dbapi.Error as exc:
        raise _wrap(conn, then[0] if isinstance(then, tuple) else "(pipeline)", None, exc) from None
    return result


class FastIn:
    """A FastStatement per number of values in an IN list (build(n) makes it)."""
    __slots__ = ("_build", "_by_n")

    def __init__(self, build: Callable[[int], Executable]):
        self._build = build
        self._by_n: dict[int, FastStatement] = {}

    def execute(self, conn: Connection, values: Sequence[Any], prefix: str = "v"):
        n = len(values)
        stmt = self._by_n.get(n)
        if stmt is None:
            stmt = self._by_n[n] = FastStatement(lambda: self._build(n))
        return stmt.execute(conn, {f"{prefix}{i}": v for i, v in enumerate(values)})


def _wrap(conn: Connection, sql: str, params, exc: Exception) -> DBAPIError:
    return DBAPIError.instance(sql, params, exc, conn.dialect.loaded_dbapi.Error,
                               dialect=conn.dialect)
