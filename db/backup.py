"""Backups and restores, and the network drives an SQLite shop must not live on.

    backup(engine, out)        -> {"file", "bytes", "seconds", "verified": True}
    restore(url, src)          -> {"restored_from", "safety_copy", "seconds"}
    daily(engine, folder, keep)-> the backup made today, or None if there is one
    network_filesystem(path)   -> "cifs" / "nfs" / ... or None

**SQLite.** A backup is taken with SQLite's online backup API, from a
connection of the running shop (postings go on meanwhile: the copy is of one
moment), into a temporary file beside OUT, checked with `PRAGMA
integrity_check` and for the books' tables, then renamed to OUT. A file that
fails the check is deleted and nothing is renamed. A restore first checks the
file the same way, then copies the current database aside
(`<shop>.before-restore-<time>.db`, itself checked), then puts the verified copy
in its place with a rename, holding the shop's write lock; the program must
not be running elsewhere on the file meanwhile (the command line says so).

**PostgreSQL.** `pg_dump --format=custom` into a temporary file, checked by
`pg_restore --list`, then renamed; a restore checks the file, dumps the
current database aside, then `pg_restore --clean --if-exists --no-owner
--single-transaction`. The client programs (pg_dump, pg_restore) must be on
the PATH, of the server's major version or newer (docs/durability.md has a
schedule for them).

**Network drives.** SQLite's locking is not reliable over SMB/CIFS or NFS: a
shop there loses postings. make_engine refuses such a file and points to
PostgreSQL.
"""
from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import subprocess
import time
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.engine import make_url

from db import clock
from db.errors import BooksError

KEEP = 14
NETWORK_TYPES = {"cifs", "smb", "smb2", "smb3", "smbfs", "nfs", "nfs4", "afpfs", "webdav",
                 "davfs", "fuse.sshfs", "9p", "ncpfs", "coda", "afs", "ceph", "glusterfs",
                 "fuse.rclone", "fuse.s3fs"}
_MOUNTS = "/proc/self/mounts"


# ---------------------------------------------------------------- network drives

def network_filesystem(path: str | os.PathLike) -> str | None:
    """The network file system `path` is on ("cifs", "nfs4", "UNC", "remote drive"),
    or None when it is a local disk."""
    p = str(path)
    if os.name == "nt":
        if p.startswith("\\\\") or p.startswith("//"):
            return "UNC"
        import ctypes
        drive = os.path.splitdrive(os.path.abspath(p))[0] + "\\"
        if ctypes.windll.kernel32.GetDriveTypeW(drive) == 4:      # DRIVE_REMOTE
            return "remote drive"
        return None
    try:
        with open(_MOUNTS, encoding="utf-8") as f:
            mounts = [line.split() for line in f]
    except OSError:
        return None                                  # (macOS: no /proc; assumed local)
    target = Path(p).expanduser().resolve()
    best, kind = "", None
    for fields in mounts:
        if len(fields) < 3:
            continue
        point = fields[1].replace("\\040", " ")
        if (target == Path(point) or Path(point) in target.parents) and len(point) > len(best):
            best, kind = point, fields[2]
    return kind if kind in NETWORK_TYPES else None


def refuse_network_drive(path: str | os.PathLike) -> None:
    kind = network_filesystem(Path(path).expanduser().resolve().parent)
    if kind:
        raise BooksError(f"the database {path} is on a network drive ({kind}): SQLite's locks "
                         "do not hold there and postings would be lost. Keep the file on this "
                         "computer's own disk, or, for several computers, use PostgreSQL "
                         "(Settings → Database)")


# ---------------------------------------------------------------- checking a copy

def verify_sqlite(path: Path) -> None:
    """BooksError unless `path` is an SQLite database that passes integrity_check and
    holds the books (their schema version)."""
    if not path.is_file():
        raise BooksError(f"{path}: no such file")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            result = [r[0] for r in conn.execute("PRAGMA integrity_check")]
            if result != ["ok"]:
                raise BooksError(f"{path} is damaged: {'; '.join(result[:3])}")
            tables = {r[0] for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
            if not {"alembic_version", "documents", "stock_ledger"} <= tables:
                raise BooksError(f"{path} is an SQLite database but not a shop's books")
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise BooksError(f"{path} is not a readable SQLite database ({exc})") from None


def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _tmp_beside(out: Path) -> Path:
    return out.with_name(f".{out.name}.{os.getpid()}.part")


# ---------------------------------------------------------------- backup

def backup(engine: Engine, out: str | os.PathLike) -> dict:
    out = Path(out).expanduser().resolve()
    if out.is_dir():
        raise BooksError(f"{out} is a folder: give the backup's file name")
    if not out.parent.is_dir():
        raise BooksError(f"folder {out.parent} does not exist")
    started = time.perf_counter()
    if engine.dialect.name == "sqlite":
        _backup_sqlite(engine, out)
    else:
        _backup_pg(engine, out)
    return {"file": str(out), "bytes": out.stat().st_size,
            "seconds": round(time.perf_counter() - started, 2), "verified": True}


def _backup_sqlite(engine: Engine, out: Path) -> None:
    tmp = _tmp_beside(out)
    try:
        with engine.connect() as conn:
            src = conn.connection.driver_connection
            dst = sqlite3.connect(tmp)
            try:
                # at once, in one read transaction: in WAL mode postings go on meanwhile,
                # where copying in steps would start again after each of them
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")   # one file, nothing beside it
            finally:
                dst.close()
        verify_sqlite(tmp)
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        os.replace(tmp, out)
        _fsync_dir(out.parent)
    except sqlite3.Error as exc:
        raise BooksError(f"backup to {out} failed: {exc}") from None
    finally:
        tmp.unlink(missing_ok=True)


def _pg_tool(name: str) -> str:
    found = shutil.which(name)
    if not found:
        raise BooksError(f"{name} is not installed (PostgreSQL's client programs): install "
                         "them to back up or restore a PostgreSQL shop")
    return found


def _pg_env_url(url) -> tuple[list[str], dict]:
    """A libpq connection URI (no driver name) and the environment with the password."""
    u = make_url(str(url)) if not hasattr(url, "drivername") else url
    env = dict(os.environ)
    if u.password:
        env["PGPASSWORD"] = str(u.password)
    plain = u.set(drivername="postgresql", password=None)
    return [plain.render_as_string(hide_password=False)], env


def _run(cmd: list[str], env: dict, what: str) -> str:
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, errors="replace")
    if done.returncode != 0:
        raise BooksError(f"{what} failed: {(done.stderr or done.stdout).strip()[:500]}")
    return done.stdout


def _backup_pg(engine: Engine, out: Path) -> None:
    tmp = _tmp_beside(out)
    uri, env = _pg_env_url(engine.url)
    try:
        _run([_pg_tool("pg_dump"), "--format=custom", f"--file={tmp}", *uri], env,
             f"pg_dump to {out}")
        verify_pg_dump(tmp)
        os.replace(tmp, out)
        _fsync_dir(out.parent)
    finally:
        tmp.unlink(missing_ok=True)


def verify_pg_dump(path: Path) -> None:
    if not path.is_file():
        raise BooksError(f"{path}: no such file")
    listing = _run([_pg_tool("pg_restore"), "--list", str(path)], dict(os.environ),
                   f"reading {path}")
    if " TABLE " not in listing or "documents" not in listing or "stock_ledger" not in listing:
        raise BooksError(f"{path} is a PostgreSQL dump but not of a shop's books")


# ---------------------------------------------------------------- restore

def restore(url: str, src: str | os.PathLike) -> dict:
    """The shop at `url` replaced by the verified backup `src`, after a verified
    copy of it as it is now (its path in "safety_copy")."""
    from db.engine import make_engine
    src = Path(src).expanduser().resolve()
    started = time.perf_counter()
    engine = make_engine(url)
    try:
        stamp = clock.now().strftime("%Y%m%d-%H%M%S")
        if engine.dialect.name == "sqlite":
            verify_sqlite(src)
            db = Path(engine.url.database).expanduser().resolve()
            safety = db.with_name(f"{db.stem}.before-restore-{stamp}{db.suffix or '.db'}")
            with engine.storekeeper_write_lock:           # type: ignore[attr-defined]
                if db.exists():
                    _backup_sqlite(engine, safety)
                else:
                    safety = None                         # nothing to keep: the file is gone
                engine.dispose()                          # no connection left on the old file
                tmp = _tmp_beside(db)
                try:
                    shutil.copyfile(src, tmp)
                    verify_sqlite(tmp)
                    with open(tmp, "rb+") as f:
                        os.fsync(f.fileno())
                    for side in ("-wal", "-shm"):
                        Path(f"{db}{side}").unlink(missing_ok=True)
                    os.replace(tmp, db)
                    _fsync_dir(db.parent)
                finally:
                    tmp.unlink(missing_ok=True)
        else:
            verify_pg_dump(src)
            safety = src.with_name(f"{engine.url.database}.before-restore-{stamp}.dump")
            _backup_pg(engine, safety)
            engine.dispose()
            uri, env = _pg_env_url(engine.url)
            _run([_pg_tool("pg_restore"), "--clean", "--if-exists", "--no-owner",
                  "--single-transaction", f"--dbname={uri[0]}", str(src)], env,
                 f"restoring {src}")
    finally:
        engine.dispose()
    return {"restored_from": str(src), "safety_copy": str(safety) if safety else None,
            "seconds": round(time.perf_counter() - started, 2)}


# ---------------------------------------------------------------- daily

def daily(engine: Engine, folder: str | os.PathLike, keep: int = KEEP) -> dict | None:
    """Today's backup into `folder` unless there is one already; the oldest beyond
    `keep` removed. SQLite only (PostgreSQL: pg_dump on a schedule, docs/durability.md)."""
    if engine.dialect.name != "sqlite":
        return None
    if keep < 1:
        raise BooksError("keep at least one backup")
    folder = Path(folder).expanduser().resolve()
    folder.mkdir(parents=True, exist_ok=True)
    name = Path(engine.url.database).stem
    today = clock.today().strftime("%Y%m%d")
    mine = sorted(folder.glob(f"{name}-????????-??????.db"))
    made = None
    if not any(p.name.startswith(f"{name}-{today}-") for p in mine):
        out = folder / f"{name}-{clock.now():%Y%m%d-%H%M%S}.db"
        made = backup(engine, out)
        mine = sorted(folder.glob(f"{name}-????????-??????.db"))
    for old in mine[:-keep]:
        old.unlink(missing_ok=True)
    return made


KEEP_KEY = "backup_keep"


def folder_of(engine: Engine) -> Path:
    """Where the daily backups of an SQLite shop go: `backups` beside its file."""
    return Path(engine.url.database).expanduser().resolve().parent / "backups"


def keep_setting(conn) -> int:
    from db.masters import get_setting
    value = get_setting(conn, KEEP_KEY) or str(KEEP)
    check_setting(KEEP_KEY, value)
    return int(value)


def check_setting(key: str, value: str) -> None:
    if key == KEEP_KEY and not (value.strip().isdigit() and 1 <= int(value) <= 365):
        raise BooksError(f"{KEEP_KEY} must be a number of backups from 1 to 365, not '{value}'")


def backups_in(folder: str | os.PathLike, name: str) -> list[tuple[Path, dt.datetime]]:
    """The daily backups of shop `name` in folder, newest first, with their times."""
    out = []
    for p in Path(folder).glob(f"{name}-????????-??????.db"):
        try:
            out.append((p, dt.datetime.strptime(p.stem[len(name) + 1:], "%Y%m%d-%H%M%S")))
        except ValueError:
            continue
    return sorted(out, key=lambda x: x[1], reverse=True)
