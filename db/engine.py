"""One engine factory for SQLite (one PC) and PostgreSQL (a shop network).

SQLite: WAL, synchronous=FULL, foreign keys on, a busy timeout, and write
transactions that begin IMMEDIATE so two writers never deadlock on a lock
upgrade. Writers to the same file also queue on a lock first -- threads of a
process on a process-wide lock, processes (where the OS has flock) on an
advisory lock on a file beside the database -- so they take turns instead of
sleeping in SQLite's busy handler (1, 2, 5, 10 ... 100 ms naps).

PostgreSQL: psycopg 3, READ COMMITTED; posting locks the rows it changes in
a sorted order and retries on serialization failures and deadlocks.
"""
from __future__ import annotations

import os
import sys
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from db import fastsql
from db.errors import BooksError

APP_DIR_NAME = "storekeeper"


def default_db_path() -> Path:
    """The per-user database file the desktop app and the command line share."""
    if os.name == "nt":
        base = Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming"))
    elif sys.platform == "darwin":    # beside the settings (desktop.config.config_dir)
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share"))
    return base / APP_DIR_NAME / "shop.db"


def resolve_url(url: str | None) -> str:
    """--db, else $STOREKEEPER_DB, else the per-user SQLite file."""
    url = url or os.environ.get("STOREKEEPER_DB")
    if not url:
        path = default_db_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{path}"
    if "://" not in url:  # a bare file path
        return f"sqlite:///{Path(url).expanduser().resolve()}"
    return url


try:
    import fcntl
except ImportError:  # Windows: threads queue, processes meet in SQLite's busy handler
    fcntl = None


class _WriteLock:
    """Re-entrant for the thread that holds it; across processes an flock on
    `<database>-writelock` (released by the OS if a process dies)."""

    def __init__(self, lock_path: str | None):
        self._local = threading.RLock()
        self._path = lock_path if fcntl else None
        self._fd: int | None = None
        self._pid = os.getpid()
        self._depth = 0

    def __enter__(self):
        self._local.acquire()
        if self._depth == 0 and self._path:
            try:
                if self._fd is None or self._pid != os.getpid():
                    # a forked child must not share the parent's open file: flock
                    # belongs to the open file, so both would hold it at once
                    self._fd = os.open(self._path, os.O_RDWR | os.O_CREAT, 0o644)
                    self._pid = os.getpid()
                fcntl.flock(self._fd, fcntl.LOCK_EX)
            except OSError:   # a read-only folder, say: SQLite's own locking still holds
                self._path = None
        self._depth += 1
        return self

    def __exit__(self, *exc):
        self._depth -= 1
        if self._depth == 0 and self._fd is not None and self._path:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
        self._local.release()


_sqlite_write_locks: dict[tuple[int, str], _WriteLock] = {}
_sqlite_locks_guard = threading.Lock()


def _write_lock_for(path: str, lock_path: str | None = None) -> _WriteLock:
    """One per database and process (a forked child makes its own)."""
    with _sqlite_locks_guard:
        key = (os.getpid(), path)
        lock = _sqlite_write_locks.get(key)
        if lock is None:
            lock = _sqlite_write_locks[key] = _WriteLock(lock_path)
        return lock


def make_engine(url: str | None = None, *, pool_size: int = 5) -> Engine:
    url = resolve_url(url)
    parsed = make_url(url)
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        return _sqlite_engine(url, parsed.database or "")
    if backend == "postgresql":
        if parsed.drivername == "postgresql":
            url = str(parsed.set(drivername="postgresql+psycopg").render_as_string(hide_password=False))
        engine = create_engine(url, pool_size=pool_size, max_overflow=pool_size * 2,
                               pool_pre_ping=False, isolation_level="READ COMMITTED")
        engine.storekeeper_write_lock = None  # type: ignore[attr-defined]
        _deferred_writes(engine)
        return engine
    raise BooksError(f"unsupported database '{backend}': use sqlite:/// or postgresql+psycopg://")


def _deferred_writes(engine: Engine) -> None:
    """Statements posting deferred (db.fastsql) go out before anything else runs on
    the connection and before its commit; a rollback drops them."""

    @event.listens_for(engine, "before_cursor_execute")
    def _before(conn, cursor, statement, parameters, context, executemany):
        fastsql.before_statement(conn, statement)

    @event.listens_for(engine, "commit")
    def _commit(conn):
        if fastsql.pending(conn):
            fastsql.flush(conn)
        fastsql.discard(conn)

    @event.listens_for(engine, "rollback")
    def _rollback(conn):
        fastsql.discard(conn)


def _sqlite_engine(url: str, path: str) -> Engine:
    if path and path != ":memory:":
        parent = Path(path).expanduser().resolve().parent
        if not parent.exists():
            raise BooksError(f"database folder {parent} does not exist")
        from db.backup import refuse_network_drive
        refuse_network_drive(path)
    # Each thread gets its own connection; NullPool would reopen the file on
    # every transaction, which costs more than the WAL set-up.
    engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False},
                           poolclass=None if path and path != ":memory:" else NullPool)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):
        # Let SQLAlchemy, not pysqlite, decide when transactions begin.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection):
        mode = conn.info.get("begin_mode", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")

    real = str(Path(path).resolve()) if path and path != ":memory:" else None
    engine.storekeeper_write_lock = _write_lock_for(real or url, real and f"{real}-writelock")  # type: ignore[attr-defined]
    return engine


def is_sqlite(engine_or_conn) -> bool:
    return engine_or_conn.dialect.name == "sqlite"


@contextmanager
def write_transaction(engine: Engine, *, foreign_keys: bool = True) -> Iterator[Connection]:
    """One user action: a write transaction committed at the end or rolled back.

    On SQLite it begins IMMEDIATE (the write lock is taken up front).
    foreign_keys=False (SQLite only; bulk loads that build their references
    themselves) leaves foreign keys unchecked for this one transaction.
    """
    if is_sqlite(engine):
        lock = engine.storekeeper_write_lock  # type: ignore[attr-defined]
        with lock:
            with engine.connect() as conn:
                conn.info["begin_mode"] = "IMMEDIATE"
                raw = conn.connection.driver_connection if not foreign_keys else None
                if raw is not None:
                    raw.execute("PRAGMA foreign_keys=OFF")  # only outside a transaction
                try:
                    with conn.begin():
                        yield conn
                finally:
                    conn.info["begin_mode"] = "DEFERRED"
                    if raw is not None:
                        raw.execute("PRAGMA foreign_keys=ON")
    else:
        with engine.begin() as conn:
            yield conn
            if fastsql.pending(conn):   # the deferred writes and the COMMIT in one round trip
                fastsql.flush(conn, commit=True)
                fastsql.discard(conn)


@contextmanager
def read_connection(engine: Engine) -> Iterator[Connection]:
    with engine.connect() as conn:
        yield conn


def interrupt(conn: Connection) -> None:
    """Stop the statement running on conn, from another thread: its execute() then
    raises (sqlalchemy.exc.OperationalError). Used for reads nobody waits for any
    more, such as the count of a search the person has already changed. With no
    statement running it does nothing on SQLite; on PostgreSQL a cancel request
    that arrives between statements is ignored by the server."""
    raw = conn.connection.driver_connection
    if conn.dialect.name == "sqlite":
        raw.interrupt()
    else:
        raw.cancel()
