"""`backup OUT` and `restore IN` (CLI.md), db.backup underneath.

    backup OUT [--json]     owner, manager: a verified copy; prints {"file", "bytes",
                            "seconds", "verified"}
    restore IN [--json]     owner: the shop replaced by the verified copy IN, after a
                            verified safety copy of it as it is; prints
                            {"restored_from", "safety_copy", "seconds"}

A restore is for a shop whose file may be damaged or gone: the owner signs in
against it when it can be read, else against the copy being restored. Nothing
else may have the shop open meanwhile.
"""
from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from db import backup, migrate, users
from db.books import Books
from db.engine import make_engine
from db.errors import BooksError
from db.permissions import require
from desktop.cli import emit, password_from


def add_parser(sub, common, with_json) -> None:
    b = sub.add_parser("backup", parents=[with_json],
                       help="a verified copy of the database (owner, manager)")
    b.add_argument("out", metavar="OUT")
    r = sub.add_parser("restore", parents=[with_json],
                       help="the database replaced by a verified copy, after a safety copy "
                            "of it as it is (owner; close the app everywhere first)")
    r.add_argument("src", metavar="IN")


def run_backup(args, books: Books) -> int:
    require(books.actor, "backup")
    done = backup.backup(books.engine, args.out)
    emit(args, done, f"backed up to {done['file']} ({done['bytes']:,} bytes, verified)")
    return 0


def _owner_of(engine, name: str | None):
    with engine.connect() as conn:
        return name or (users.owner(conn).name if users.owner(conn) else None)


def run_restore(args, url: str) -> int:
    src = os.path.expanduser(args.src)
    name = getattr(args, "user", None)
    password = password_from("STOREKEEPER_PASSWORD", "password: ")
    signed = None
    engine = make_engine(url) if not url.startswith("sqlite:///") or \
        os.path.exists(url[len("sqlite:///"):]) else None
    try:
        who = None
        try:
            if engine is not None and migrate.current_revision(engine) is not None:
                who = _owner_of(engine, name)
        except SQLAlchemyError:
            who = None                     # the shop cannot be read: ask the copy instead
        if who:
            try:
                signed = users.sign_in(engine, who, password)   # a wrong password: refused
            except SQLAlchemyError:
                signed = None
    finally:
        if engine is not None:
            engine.dispose()
    if signed is None:
        if not url.startswith("sqlite:///"):
            raise BooksError("the shop could not be read to sign in; restore a PostgreSQL "
                             "shop with pg_restore as docs/durability.md says")
        backup.verify_sqlite(Path(src).expanduser().resolve())
        copy = make_engine(f"sqlite:///{os.path.abspath(src)}")
        try:
            who = _owner_of(copy, name)
            if not who:
                raise BooksError(f"{src} has no owner to sign in as")
            signed = users.sign_in(copy, who, password)
        finally:
            copy.dispose()
    require(signed, "restore")
    done = backup.restore(url, src)
    emit(args, done, f"restored from {done['restored_from']}" + (
        f"; the shop as it was is in {done['safety_copy']}" if done["safety_copy"] else ""))
    return 0
