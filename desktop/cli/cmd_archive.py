"""`archive --before DATE [--json]`: old, closed documents into the archive (db.archive).

Prints {"before", "documents", "lines", "archive"}: the date, how many documents
and lines moved, and where to (the archive file, or the PostgreSQL schema).
Only the owner archives. --before is required here; the app proposes two
years before today (db.archive.default_before).
"""
from __future__ import annotations

import datetime as dt

from db.books import Books
from db.errors import BooksError
from desktop.cli import emit


def add_parser(sub, common, with_json, parser_class) -> None:
    p = sub.add_parser("archive", parents=[with_json],
                       help="move documents older than a date into the archive",
                       description="Moves closed documents dated before DATE (with their lines, "
                                   "payments and ledger rows) into the archive; every report "
                                   "keeps its totals and archived documents still print.")
    p.add_argument("--before", required=True, metavar="DATE",
                   help="documents dated before this day (YYYY-MM-DD) move")


def run(args, books: Books) -> int:
    from db.archive import run_archive
    try:
        before = dt.date.fromisoformat(args.before.strip())
    except ValueError:
        raise BooksError(f"--before '{args.before}' is not a date like 2024-12-31") from None
    done = run_archive(books.engine, books.actor, before)
    emit(args, done, f"{done['documents']} document(s) with {done['lines']} line(s) dated before "
                     f"{done['before']} moved to {done['archive']}")
    return 0
