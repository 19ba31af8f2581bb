"""The command line: parse, open the books, run one command, report.

Exit 0 on success; 1 when the input or the data is wrong (one line on
stderr, nothing written); 2 on wrong usage (argparse).
"""
from __future__ import annotations

import getpass
import json
import os
import sys
import traceback

from sqlalchemy.exc import DBAPIError, OperationalError

from db.errors import BooksError
from desktop.cli.parser import build_parser


def main() -> int:
    """The program's entry point (main.py, the `storekeeper` script, the frozen
    bundle): run() the command line, then leave without a last garbage collection."""
    try:
        return run()
    finally:                 # --version, --help and usage errors leave by SystemExit
        _skip_final_collection()


def _skip_final_collection() -> None:
    """At exit CPython collects garbage once more over every object still alive;
    with Qt, SQLAlchemy and Alembic loaded that walk alone took ~0.3 s after the
    work was done (a third of `gui --smoke`). Nothing waits on it: engines are
    disposed, files written in `with` blocks, threads joined, atexit handlers
    (logging's flush) still run. gc.freeze() parks every live object where the
    collector no longer looks. Only for the process's last step: tests calling
    run() in-process keep collecting."""
    import gc
    gc.freeze()


def run(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args.command, args.smoke, args.screen = "gui", False, None
    try:
        from desktop.cli import commands
        return commands.dispatch(args)
    except BooksError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        return 1
    except OperationalError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        print(f"error: the database could not be used: {reason}", file=sys.stderr)
        return 1
    except DBAPIError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        print(f"error: the database refused the change: {reason}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted; nothing half-written", file=sys.stderr)
        return 130
    except Exception as exc:  # last resort: one line, never a traceback
        if os.environ.get("STOREKEEPER_DEBUG"):
            traceback.print_exc()
        print(f"error: unexpected {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1


def password_from(env: str, prompt: str) -> str:
    value = os.environ.get(env)
    if value:
        return value
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(prompt)
    raise BooksError(f"a password is needed: set ${env}")


def parse_date(text: str, what: str):
    """A date typed as 2026-12-31; BooksError naming the option otherwise."""
    import datetime as dt
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise BooksError(f"{what} '{text}' is not a date like 2026-12-31") from None


def iso(value) -> str | None:
    """A date as 2026-12-02, a time as 2026-12-02 13:45:07 (JSON's dates and times)."""
    if value is None:
        return None
    if hasattr(value, "hour"):
        return value.isoformat(sep=" ", timespec="seconds")
    return value.isoformat()


def emit(args, data, text: str | None = None) -> None:
    """--json: one JSON document; otherwise the text (or a plain rendering)."""
    if getattr(args, "json", False):
        print(json.dumps(data, ensure_ascii=False))
    elif text is not None:
        print(text)
    else:
        print(json.dumps(data, ensure_ascii=False, indent=2))
