"""This computer's settings: which database to open, the language of the screens
and the receipt printer.

A small JSON file per user: $STOREKEEPER_CONFIG when set, else
<config dir>/storekeeper/config.json, where the config dir is
$XDG_CONFIG_HOME or ~/.config on Linux, %APPDATA% on Windows and
~/Library/Application Support on macOS:

    {"database": {"kind": "sqlite", "path": "/home/wang/shop.db"},
     "language": "zh_CN"}
    {"database": {"kind": "postgresql", "host": "192.168.1.10", "port": 5432,
                  "database": "shop", "user": "wang",
                  "tls": "verify-full", "ca_file": "/home/wang/shop-ca.crt"},
     "language": "",
     "receipt_printer": {"kind": "escpos", "target": "192.168.1.50:9100",
                         "paper_width": 58}}

"receipt_printer" is written only when it differs from the default: PDF
receipts only, on 80 mm paper (see docs/escpos.md for the targets).
"printers" names the printer for each kind of document ({"invoice": "HP
LaserJet", "labels": "Zebra ZD230"}); a kind not named prints to the
system's default printer.

A PostgreSQL password is never written to the file: it lives in the
system keyring (service "Storekeeper"), or, where there is no usable
keyring, nowhere, and the desktop asks for it at each start.

No Qt here: the command line and the desktop both read this file.
"""
from __future__ import annotations

import json
import os
import sqlite3
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from sqlalchemy.engine import URL, make_url

from db.engine import APP_DIR_NAME, default_db_path

ENV_CONFIG = "STOREKEEPER_CONFIG"
FILE_NAME = "config.json"
KEYRING_SERVICE = "Storekeeper"
LANGUAGES = ("", "zh_CN", "en")          # "": the system's language
KINDS = ("sqlite", "postgresql")
DEFAULT_PG_PORT = 5432
RECEIPT_PRINTERS = ("pdf", "escpos")     # "pdf": the PDF only; "escpos": also raw ESC/POS
PAPER_WIDTHS = (80, 58)                  # mm
KEYRING_UNAVAILABLE = ("the system keyring is not available: "
                       "the password will be asked for at each start")


class KeyringUnavailable(Exception):
    """No usable system keyring: the password cannot be kept on this computer.

    `message` is the sentence to show; `detail` what the keyring library said.
    """

    def __init__(self, detail: str = ""):
        super().__init__(KEYRING_UNAVAILABLE)
        self.message = KEYRING_UNAVAILABLE
        self.detail = detail

    def __str__(self) -> str:
        return self.message


class ConfigError(Exception):
    """The settings file could not be written."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


# ---------------------------------------------------------------- the database choice

@dataclass
class DatabaseChoice:
    """A SQLite file on this computer, or a database on a PostgreSQL server."""
    kind: str = "sqlite"                  # "sqlite" | "postgresql"
    path: str = ""                        # sqlite: the file ("" = db.engine's default)
    host: str = ""                        # postgresql ...
    port: int = DEFAULT_PG_PORT
    database: str = ""
    user: str = ""
    # TLS to the server with its certificate checked against `ca_file` (or the
    # system's certificate store when empty) and its name against `host`:
    # libpq's sslmode=verify-full. Off, libpq's default (prefer) applies.
    tls: bool = False
    ca_file: str = ""

    @property
    def is_server(self) -> bool:
        return self.kind == "postgresql"

    def file_path(self) -> str:
        """The SQLite file, absolute (the default per-user file when none is set)."""
        return str(Path(self.path).expanduser().absolute()) if self.path else str(default_db_path())

    def url(self, password: str | None = None) -> str:
        """The SQLAlchemy URL; user and password are quoted as URLs need."""
        if not self.is_server:
            return f"sqlite:///{self.file_path()}"
        query = {}
        if self.tls:
            query = {"sslmode": "verify-full",
                     "sslrootcert": str(Path(self.ca_file).expanduser()) if self.ca_file
                     else "system"}
        return URL.create("postgresql+psycopg", username=self.user or None,
                          password=password or None, host=self.host or None,
                          port=self.port or None, database=self.database or None,
                          query=query).render_as_string(hide_password=False)

    def label(self) -> str:
        """For display: the file, or user@host:port/database (never a password)."""
        if not self.is_server:
            return self.file_path()
        who = f"{self.user}@" if self.user else ""
        tls = " (TLS)" if self.tls else ""
        return f"PostgreSQL {who}{self.host or 'localhost'}:{self.port}/{self.database}{tls}"

    def to_dict(self) -> dict[str, Any]:
        if not self.is_server:
            return {"kind": "sqlite", "path": self.path}
        data = {"kind": "postgresql", "host": self.host, "port": self.port,
                "database": self.database, "user": self.user}
        if self.tls:
            data.update(tls="verify-full", ca_file=self.ca_file)
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "DatabaseChoice":
        """Raises ValueError when `data` is not a database choice."""
        if not isinstance(data, Mapping):
            raise ValueError("'database' is not an object")
        kind = data.get("kind")
        if kind not in KINDS:
            raise ValueError(f"unknown database kind {kind!r}")
        strings = {k: data.get(k, "") for k in ("path", "host", "database", "user", "ca_file")}
        for k, v in strings.items():
            if not isinstance(v, str):
                raise ValueError(f"database {k} is not text")
        if "password" in data:
            raise ValueError("a password does not belong in the settings file")
        port = data.get("port", DEFAULT_PG_PORT)
        if isinstance(port, bool) or not isinstance(port, int) or not 0 < port < 65536:
            raise ValueError(f"database port {port!r} is not a port number")
        tls = data.get("tls", "")
        if tls not in ("", None, "verify-full"):
            raise ValueError(f"database tls {tls!r} is not 'verify-full'")
        if kind == "sqlite":
            return cls("sqlite", path=strings["path"])
        return cls("postgresql", host=strings["host"], port=port,
                   database=strings["database"], user=strings["user"],
                   tls=tls == "verify-full", ca_file=strings["ca_file"] if tls else "")

    @classmethod
    def from_url(cls, url: str) -> "DatabaseChoice":
        """The choice a SQLAlchemy URL names (its password, if any, is dropped)."""
        parsed = make_url(url)
        if parsed.get_backend_name() == "sqlite":
            return cls("sqlite", path=parsed.database or "")
        if parsed.get_backend_name() == "postgresql":
            tls = parsed.query.get("sslmode") == "verify-full"
            root = parsed.query.get("sslrootcert", "")
            return cls("postgresql", host=parsed.host or "", port=parsed.port or DEFAULT_PG_PORT,
                       database=parsed.database or "", user=parsed.username or "", tls=tls,
                       ca_file=root if tls and root != "system" else "")
        raise ValueError(f"unsupported database '{parsed.get_backend_name()}'")


# ---------------------------------------------------------------- the file

@dataclass
class Config:
    database: DatabaseChoice | None = None   # None: db.engine's default SQLite file
    language: str = ""                       # "zh_CN" | "en" | "" (the system's)
    problem: str = ""                        # why the file was (partly) ignored, if it was
    path: Path | None = None                 # where it was read from / is written to
    extra: dict[str, Any] = field(default_factory=dict)  # keys of later versions, kept
    receipt_printer: str = "pdf"             # "pdf" | "escpos" (after the PDF, to escpos_target)
    escpos_target: str = ""                  # "/dev/usb/lp0", r"\\pc\POS58", "host:9100", a file
    paper_width: int = 80                    # mm of the receipt roll: 80 | 58
    # the printer each kind of document goes to ("invoice": "HP LaserJet ..."); a kind
    # not named goes to the system's default printer (desktop.ui.print_preview.KINDS)
    printers: dict[str, str] = field(default_factory=dict)

    def printer_to_dict(self) -> dict[str, Any] | None:
        """The receipt printer as the file keeps it; None for the default."""
        if (self.receipt_printer, self.escpos_target, self.paper_width) == ("pdf", "", 80):
            return None
        return {"kind": self.receipt_printer, "target": self.escpos_target,
                "paper_width": self.paper_width}

    def printer_from_dict(self, data: Any) -> list[str]:
        """Take the receipt printer from the file's object; what was wrong, ignored."""
        if not isinstance(data, Mapping):
            return [f"its receipt printer {data!r} is ignored (not an object)"]
        problems = []
        kind = data.get("kind", "pdf")
        if kind in RECEIPT_PRINTERS:
            self.receipt_printer = kind
        else:
            problems.append(f"its receipt printer kind {kind!r} is ignored")
        target = data.get("target", "")
        if isinstance(target, str):
            self.escpos_target = target
        else:
            problems.append("its receipt printer target is ignored (not text)")
        width = data.get("paper_width", 80)
        if not isinstance(width, bool) and width in PAPER_WIDTHS:
            self.paper_width = width
        else:
            problems.append(f"its paper width {width!r} is ignored (80 or 58 mm)")
        return problems


def config_dir(env: Mapping[str, str] | None = None) -> Path:
    """The platform's per-user config folder (not yet ours)."""
    env = os.environ if env is None else env
    if os.name == "nt":
        appdata = env.get("APPDATA")
        return Path(appdata) if appdata else Path.home() / "AppData" / "Roaming"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support"
    xdg = env.get("XDG_CONFIG_HOME", "").strip()
    return Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".config"


def config_path(env: Mapping[str, str] | None = None) -> Path:
    env = os.environ if env is None else env
    explicit = env.get(ENV_CONFIG, "").strip()
    if explicit:
        return Path(explicit).expanduser()
    return config_dir(env) / APP_DIR_NAME / FILE_NAME


def load(path: Path | str | None = None) -> Config:
    """The settings; defaults when there is no file. Never raises: a file that
    cannot be read or understood gives the defaults (or what of it made sense)
    and says why in `problem`."""
    path = Path(path) if path is not None else config_path()
    config = Config(path=path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return config
    except (OSError, UnicodeDecodeError) as exc:
        config.problem = f"the settings file {path} could not be read ({_reason(exc)}): " \
                         "the defaults are used"
        return config
    try:
        data = json.loads(text) if text.strip() else {}
    except ValueError as exc:
        config.problem = f"the settings file {path} is damaged ({_reason(exc)}): " \
                         "the defaults are used"
        return config
    if not isinstance(data, dict):
        config.problem = f"the settings file {path} is damaged (not a JSON object): " \
                         "the defaults are used"
        return config
    problems = []
    if data.get("database") is not None:
        try:
            config.database = DatabaseChoice.from_dict(data["database"])
        except ValueError as exc:
            problems.append(f"its database is ignored ({exc})")
    language = data.get("language", "")
    if language in LANGUAGES:
        config.language = language
    else:
        problems.append(f"its language {language!r} is ignored")
    if data.get("receipt_printer") is not None:
        problems += config.printer_from_dict(data["receipt_printer"])
    printers = data.get("printers")
    if printers is not None:
        if isinstance(printers, Mapping) and all(isinstance(k, str) and isinstance(v, str)
                                                 for k, v in printers.items()):
            config.printers = dict(printers)
        else:
            problems.append("its printers are ignored (not names of printers)")
    config.extra = {k: v for k, v in data.items()
                    if k not in ("database", "language", "receipt_printer", "printers")}
    if problems:
        config.problem = f"the settings file {path}: " + "; ".join(problems)
    return config


def save(config: Config, path: Path | str | None = None) -> Path:
    """Write the settings atomically (a temporary file, then os.replace); returns
    the file. Raises ConfigError when it cannot be written."""
    path = Path(path) if path is not None else (config.path or config_path())
    if config.language not in LANGUAGES:
        raise ConfigError(f"unknown language {config.language!r}")
    if config.receipt_printer not in RECEIPT_PRINTERS:
        raise ConfigError(f"unknown receipt printer {config.receipt_printer!r}")
    if isinstance(config.paper_width, bool) or config.paper_width not in PAPER_WIDTHS:
        raise ConfigError(f"the paper is 80 or 58 mm wide, not {config.paper_width!r}")
    if not isinstance(config.escpos_target, str):
        raise ConfigError("the receipt printer's target is not text")
    data = dict(config.extra)
    data.pop("receipt_printer", None)
    data["database"] = config.database.to_dict() if config.database else None
    data["language"] = config.language
    if config.printer_to_dict() is not None:
        data["receipt_printer"] = config.printer_to_dict()
    data.pop("printers", None)
    if config.printers:
        data["printers"] = {k: v for k, v in sorted(config.printers.items()) if v}
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        raise ConfigError(f"the settings could not be saved to {path}: {_reason(exc)}") from None
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
    config.path = path
    config.problem = ""
    return path


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


# ---------------------------------------------------------------- the password, in the keyring

def keyring_key(choice: DatabaseChoice) -> str:
    """The keyring entry's user name for a server database."""
    return f"postgres://{choice.user}@{choice.host}:{choice.port}/{choice.database}"


def _keyring():
    try:
        import keyring
    except Exception as exc:  # not installed, or a backend that fails to import
        raise KeyringUnavailable(_reason(exc)) from None
    return keyring


def save_password(choice: DatabaseChoice, password: str) -> None:
    """Keep the password in the system keyring (raises KeyringUnavailable)."""
    keyring = _keyring()
    try:
        keyring.set_password(KEYRING_SERVICE, keyring_key(choice), password)
    except Exception as exc:  # NoKeyringError, KeyringLocked, a D-Bus failure...
        raise KeyringUnavailable(_reason(exc)) from None


def load_password(choice: DatabaseChoice) -> str | None:
    """The kept password, or None when there is none (raises KeyringUnavailable)."""
    keyring = _keyring()
    try:
        return keyring.get_password(KEYRING_SERVICE, keyring_key(choice))
    except Exception as exc:
        raise KeyringUnavailable(_reason(exc)) from None


def forget_password(choice: DatabaseChoice) -> None:
    """Remove the kept password; none kept is fine (raises KeyringUnavailable)."""
    keyring = _keyring()
    try:
        from keyring.errors import PasswordDeleteError
    except Exception:  # pragma: no cover - an old keyring
        PasswordDeleteError = ()  # type: ignore[assignment]  # noqa: N806
    try:
        keyring.delete_password(KEYRING_SERVICE, keyring_key(choice))
    except PasswordDeleteError:
        pass
    except Exception as exc:
        raise KeyringUnavailable(_reason(exc)) from None


# ---------------------------------------------------------------- what to open

def configured_url(env: Mapping[str, str] | None = None) -> str | None:
    """What to open when neither --db nor $STOREKEEPER_DB names a database: the
    configured one (a PostgreSQL URL carries the keyring's password; without
    one it has none and the caller asks), or None for db.engine's default file."""
    env = os.environ if env is None else env
    choice = load(config_path(env)).database
    if choice is None:
        return None
    if not choice.is_server:
        return choice.url()
    try:
        password = load_password(choice)
    except KeyringUnavailable:
        password = None
    return choice.url(password)


# ---------------------------------------------------------------- trying a database

@dataclass
class ConnectionProbe:
    """What trying a database found. ok: it answered (or, for a file, can be made)."""
    ok: bool
    product: str = ""            # "PostgreSQL 15.4" / "SQLite 3.45.1"
    revision: str | None = None  # the Alembic schema revision; None: no shop in it
    new_file: bool = False       # SQLite: no file there yet (a new shop is made at start)
    error: str = ""              # why not, one line
    password_refused: bool = False  # the server wants a (different) password

    def text(self) -> str:
        """In English; the desktop words it itself for translation."""
        if not self.ok:
            return self.error
        if self.new_file:
            return "no file there yet: a new shop will be created at the next start"
        schema = f"schema {self.revision}" if self.revision else "no shop in it yet"
        return f"connected: {self.product}, {schema}"


def probe_connection(url: str, timeout_s: float = 5) -> ConnectionProbe:
    """Connect, run SELECT 1 and read the schema revision. Never raises; never
    creates a SQLite file."""
    try:
        parsed = make_url(url)
        backend = parsed.get_backend_name()
    except Exception as exc:
        return ConnectionProbe(False, error=f"not a database URL: {_reason(exc)}")
    try:
        if backend == "sqlite":
            return _probe_sqlite(parsed.database or "", timeout_s)
        if backend == "postgresql":
            return _probe_postgresql(parsed, timeout_s)
        return ConnectionProbe(False, error=f"unsupported database '{backend}'")
    except Exception as exc:  # the promise: never a traceback
        return ConnectionProbe(False, error=f"{type(exc).__name__}: {_reason(exc)}")


def test_connection(url: str, timeout_s: float = 5) -> tuple[bool, str]:
    """(True, "connected: PostgreSQL 15.4, schema 0002") or (False, one-line reason)."""
    probe = probe_connection(url, timeout_s)
    return probe.ok, probe.text()


test_connection.__test__ = False  # type: ignore[attr-defined]  # not a pytest test


def _probe_sqlite(path: str, timeout_s: float) -> ConnectionProbe:
    if not path or path == ":memory:":
        return ConnectionProbe(False, error="no database file given")
    file = Path(path).expanduser()
    if not file.exists():
        if not file.parent.is_dir():
            return ConnectionProbe(False, error=f"the folder {file.parent} does not exist")
        if not os.access(file.parent, os.W_OK):
            return ConnectionProbe(False, error=f"the folder {file.parent} cannot be written")
        return ConnectionProbe(True, product=f"SQLite {sqlite3.sqlite_version}", new_file=True)
    if file.is_dir():
        return ConnectionProbe(False, error=f"{file} is a folder, not a database file")
    from sqlalchemy import create_engine
    from sqlalchemy.pool import NullPool

    uri = file.absolute().as_uri()
    engine = create_engine("sqlite://", poolclass=NullPool,
                           creator=lambda: sqlite3.connect(f"{uri}?mode=ro", uri=True,
                                                           timeout=timeout_s,
                                                           check_same_thread=False))
    try:
        with engine.connect() as conn:
            return _probe_answer(conn, f"SQLite {sqlite3.sqlite_version}")
    except Exception as exc:
        return ConnectionProbe(False, error=f"cannot open {file}: {_db_reason(exc)}")
    finally:
        engine.dispose()


def _probe_postgresql(parsed: URL, timeout_s: float) -> ConnectionProbe:
    from sqlalchemy import create_engine
    from sqlalchemy.pool import NullPool

    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    # libpq waits at least 2 s per address; the whole attempt is bounded by it
    engine = create_engine(parsed, poolclass=NullPool,
                           connect_args={"connect_timeout": max(2, round(timeout_s))})
    try:
        with engine.connect() as conn:
            version = str(conn.exec_driver_sql("SHOW server_version").scalar() or "")
            return _probe_answer(conn, f"PostgreSQL {version.split()[0] if version else '?'}")
    except Exception as exc:
        reason = _db_reason(exc)
        return ConnectionProbe(False, error=f"cannot connect: {reason}",
                               password_refused=_is_password_refusal(exc, reason))
    finally:
        engine.dispose()


def _probe_answer(conn, product: str) -> ConnectionProbe:
    from alembic.runtime.migration import MigrationContext

    conn.exec_driver_sql("SELECT 1").scalar()
    revision = MigrationContext.configure(conn).get_current_revision()
    return ConnectionProbe(True, product=product, revision=revision)


def _db_reason(exc: BaseException) -> str:
    """The driver's own words on one line (SQLAlchemy's wrapping and psycopg's
    "connection failed: " dropped)."""
    orig = getattr(exc, "orig", None) or exc
    lines = [" ".join(line.split()) for line in str(orig).strip().splitlines() if line.strip()]
    if not lines:
        return type(orig).__name__
    return lines[0].removeprefix("connection failed: ")


def _is_password_refusal(exc: BaseException, reason: str) -> bool:
    orig = getattr(exc, "orig", None) or exc
    if getattr(orig, "sqlstate", None) == "28P01":  # invalid_password
        return True
    text = reason.lower()
    return "password" in text and ("no password supplied" in text
                                   or "authentication failed" in text
                                   or "password is required" in text)


def password_refused(url: str, timeout_s: float = 5) -> bool:
    """True when the PostgreSQL server at `url` turns it away for want of the
    right password (anything else, including success, is False)."""
    try:
        if make_url(url).get_backend_name() != "postgresql":
            return False
    except Exception:
        return False
    return probe_connection(url, timeout_s).password_refused
