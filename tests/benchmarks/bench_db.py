"""Where a benchmark runs: the shop named by --db, a database it makes on a
PostgreSQL server (--pg ADMIN_URL: created afresh, dropped afterwards unless
--keep), or an SQLite file in a temporary folder (removed unless --keep).

    with bench_database(args, "bench_reports") as url:
        ...
"""
from __future__ import annotations

import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from sqlalchemy import create_engine
from sqlalchemy.engine import make_url


def add_arguments(ap, made: str, db_help: str = "a shop to use") -> None:
    ap.add_argument("--db", help=db_help)
    ap.add_argument("--pg", metavar="ADMIN_URL", help=f"make the database {made} there")
    ap.add_argument("--keep", action="store_true", help="keep the database made")


@contextmanager
def bench_database(args, made: str) -> Iterator[str]:
    if args.db:
        yield args.db
        return
    if args.pg:
        admin_url = make_url(args.pg).set(drivername="postgresql+psycopg")
        admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
        try:
            with admin.connect() as c:
                c.exec_driver_sql(f'DROP DATABASE IF EXISTS "{made}" WITH (FORCE)')
                c.exec_driver_sql(f'CREATE DATABASE "{made}"')
            yield admin_url.set(database=made).render_as_string(hide_password=False)
        finally:
            if not args.keep:
                with admin.connect() as c:
                    c.exec_driver_sql(f'DROP DATABASE IF EXISTS "{made}" WITH (FORCE)')
            admin.dispose()
        return
    tmp = Path(tempfile.mkdtemp(prefix=f"sk_{made}_"))
    try:
        yield f"sqlite:///{tmp / 'shop.db'}"
    finally:
        if not args.keep:
            for f in tmp.iterdir():
                f.unlink()
            tmp.rmdir()
