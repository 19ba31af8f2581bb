"""One engine factory for SQLite (one PC) and PostgreSQL (a shop network).

SQLite: WAL, synchronous=FULL, foreign keys on, a busy timeout, and write
transactions that begin IMMEDIATE so two writers never deadlock on a lock
upgrade. Threads of one process that write to the same file also queue on a
process-wide lock first, so they take turns instead of spinning in SQLite's
busy handler.

PostgreSQL: psycopg 3, READ COMMITTED; posting locks the rows it changes in
a sorted order and retries on serialization failures and deadlocks.
"""
from __future__ import annotations

import os
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from db.errors import BooksError

APP_DIR_NAME = "storekeeper"


def default_db_path() -> Path:
    """The per-user database file the desktop app and the command line share."""
    if os.name == "nt":
        base = Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming"))
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


_sqlite_write_locks: dict[str, threading.RLock] = {}
_sqlite_locks_guard = threading.Lock()


def _write_lock_for(path: str) -> threading.RLock:
    with _sqlite_locks_guard:
        return _sqlite_write_locks.setdefault(path, threading.RLock())


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
        return engine
    raise BooksError(f"unsupported database '{backend}': use sqlite:/// or postgresql+psycopg://")


def _sqlite_engine(url: str, path: str) -> Engine:
    if path and path != ":memory:":
        parent = Path(path).expanduser().resolve().parent
        if not parent.exists():
            raise BooksError(f"database folder {parent} does not exist")
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

    engine.storekeeper_write_lock = _write_lock_for(str(Path(path).resolve()) if path else url)  # type: ignore[attr-defined]
    return engine


def is_sqlite(engine_or_conn) -> bool:
    return engine_or_conn.dialect.name == "sqlite"


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """One user action: a write transaction committed at the end or rolled back.

    On SQLite it begins IMMEDIATE (the write lock is taken up front).
    """
    if is_sqlite(engine):
        lock = engine.storekeeper_write_lock  # type: ignore[attr-defined]
        with lock:
            with engine.connect() as conn:
                conn.info["begin_mode"] = "IMMEDIATE"
                try:
                    with conn.begin():
                        yield conn
                finally:
                    conn.info["begin_mode"] = "DEFERRED"
    else:
        with engine.begin() as conn:
            yield conn


@contextmanager
def read_connection(engine: Engine) -> Iterator[Connection]:
    with engine.connect() as conn:
        yield conn
