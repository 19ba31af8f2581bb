"""Shared fixtures: offscreen Qt, the repo on sys.path, a fresh shop per test
on SQLite and on PostgreSQL.

How a fresh database stays cheap:
  * SQLite: once per session a template file is migrated and given an owner
    (db.shop.init); each test gets a copy of that file in its tmp_path.
  * PostgreSQL: once per session a template database is migrated the same
    way; each test gets `CREATE DATABASE x TEMPLATE tpl` (~60 ms) and the
    database is dropped (WITH (FORCE)) after its engine is disposed.
PostgreSQL comes from $STOREKEEPER_TEST_PG (an admin URL). Without it, or
when it cannot be reached, PostgreSQL tests skip -- except under CI
($CI set), where they fail loudly: they must never skip there.
"""
from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import shutil  # noqa: E402
import uuid  # noqa: E402
from dataclasses import dataclass  # noqa: E402

import pytest  # noqa: E402
from sqlalchemy import Engine, create_engine, func, select  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

OWNER = "boss"
OWNER_PASSWORD = "owner-pass-1"
PG_ENV = "STOREKEEPER_TEST_PG"
PG_HINT = ("PostgreSQL tests skipped: set "
           "STOREKEEPER_TEST_PG=postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)]


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def _pg_unavailable(reason: str):
    if _in_ci():
        pytest.fail(f"PostgreSQL is required in CI and is not usable: {reason}", pytrace=False)
    pytest.skip(f"{PG_HINT} ({reason})")


# ---------------------------------------------------------------- PostgreSQL server

class PgServer:
    """The admin connection and this session's template database."""

    def __init__(self, admin_url: str):
        url = make_url(admin_url)
        if url.drivername == "postgresql":
            url = url.set(drivername="postgresql+psycopg")
        self.url = url
        self.admin = create_engine(url, isolation_level="AUTOCOMMIT",
                                   connect_args={"connect_timeout": 5})
        self.prefix = f"sk_test_{os.getpid()}_{uuid.uuid4().hex[:6]}"
        self.template: str | None = None
        self._n = 0

    def url_for(self, dbname: str) -> str:
        return self.url.set(database=dbname).render_as_string(hide_password=False)

    def create(self, template: str | None = None) -> str:
        self._n += 1
        name = f"{self.prefix}_{self._n}"
        with self.admin.connect() as c:
            c.exec_driver_sql(f'CREATE DATABASE "{name}"'
                              + (f' TEMPLATE "{template}"' if template else ""))
        return name

    def drop_stale(self) -> None:
        """Databases left by an earlier run on this machine that was killed."""
        if self.url.host not in (None, "", "localhost", "127.0.0.1", "::1"):
            return
        from sqlalchemy import text

        with self.admin.connect() as c:
            names = c.execute(text("SELECT datname FROM pg_database WHERE datname LIKE :p"),
                              {"p": "sk\\_test\\_%"}).scalars().all()
        for name in names:
            try:
                pid = int(name.split("_")[2])
            except (IndexError, ValueError):
                continue
            try:
                os.kill(pid, 0)
                continue                      # that run is still going
            except ProcessLookupError:
                pass
            except PermissionError:
                continue
            self.drop(name)

    def drop(self, name: str) -> None:
        with self.admin.connect() as c:
            c.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def pg_server():
    admin_url = os.environ.get(PG_ENV, "").strip()
    if not admin_url:
        _pg_unavailable(f"${PG_ENV} is not set")
    try:
        server = PgServer(admin_url)
        with server.admin.connect() as c:
            c.exec_driver_sql("SELECT 1")
    except Exception as exc:  # unreachable, bad URL, no driver...
        _pg_unavailable(f"cannot connect to {admin_url}: {type(exc).__name__}: "
                        f"{str(exc).splitlines()[0] if str(exc) else ''}")
    server.drop_stale()
    yield server
    if server.template:
        server.drop(server.template)
    server.admin.dispose()


@pytest.fixture(scope="session")
def pg_template(pg_server):
    """A database migrated to head with an owner; cloned for each test."""
    from db import shop
    from db.engine import make_engine

    name = pg_server.create()
    pg_server.template = name
    engine = make_engine(pg_server.url_for(name))
    try:
        shop.init(engine, shop="Test Shop", owner=OWNER, password=OWNER_PASSWORD)
    finally:
        engine.dispose()
    return name


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory) -> Path:
    from db import shop
    from db.engine import make_engine

    path = tmp_path_factory.mktemp("template") / "template.db"
    engine = make_engine(f"sqlite:///{path}")
    try:
        shop.init(engine, shop="Test Shop", owner=OWNER, password=OWNER_PASSWORD)
    finally:
        engine.dispose()  # closing the last connection checkpoints the WAL into the file
    for extra in ("-wal", "-shm"):
        assert not Path(f"{path}{extra}").exists() or Path(f"{path}{extra}").stat().st_size == 0
    return path


# ---------------------------------------------------------------- per-test databases

@pytest.fixture(params=BACKENDS)
def backend(request) -> str:
    return request.param


@pytest.fixture
def db_url(backend, request, tmp_path):
    """URL of a fresh database with the schema at head and an owner (boss)."""
    if backend == "sqlite":
        template = request.getfixturevalue("sqlite_template")
        path = tmp_path / "shop.db"
        shutil.copyfile(template, path)
        yield f"sqlite:///{path}"
    else:
        server = request.getfixturevalue("pg_server")
        template = request.getfixturevalue("pg_template")
        name = server.create(template)
        yield server.url_for(name)
        server.drop(name)


@pytest.fixture
def empty_db_url(backend, request, tmp_path):
    """URL of a fresh, empty database (no schema): for init and the CLI."""
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'empty.db'}"
    else:
        server = request.getfixturevalue("pg_server")
        name = server.create()
        yield server.url_for(name)
        server.drop(name)


@pytest.fixture
def engine(db_url) -> Engine:
    from db.engine import make_engine

    eng = make_engine(db_url, pool_size=8)
    yield eng
    eng.dispose()


@dataclass
class Shop:
    engine: Engine
    url: str
    backend: str
    owner: object        # db.audit.Actor
    books: object        # db.books.Books acting as the owner
    owner_password: str = OWNER_PASSWORD

    def as_user(self, name: str, role: str, password: str = "secret-pw"):
        """A new user of that role and Books acting as them."""
        from db.books import Books

        actor = self.books.add_user(name, role, password)
        return Books(self.engine, actor)

    # -- shortcuts for setting up a shop
    @staticmethod
    def line(code: str, qty, price=None, batch: str | None = None, expiry=None):
        """LineIn from text: qty '3' / '0.5', price '9.90' (None: the product's price)."""
        from db.documents import LineIn
        from db.money import parse_money, parse_qty

        return LineIn(code, parse_qty(str(qty)),
                      None if price is None else parse_money(str(price)), batch, expiry)

    def product(self, sku: str, price: str = "0", **kw) -> int:
        from db.masters import NewProduct

        return self.books.add_product(NewProduct(sku=sku, name=kw.pop("name", f"Product {sku}"),
                                                 price=price, **kw))

    def receive(self, supplier: str, *lines):
        """Receipt of (code, qty, cost[, batch, expiry]) tuples from a supplier (made if new)."""
        from db.schema import suppliers

        if not self.count(suppliers, suppliers.c.name == supplier):
            self.books.add_supplier(supplier)
        return self.books.post_purchase_receipt(supplier, [self.line(*l) for l in lines])

    def sell(self, *lines, **kw):
        """Sale of (code, qty[, price]) tuples."""
        return self.books.post_sale([self.line(*l) for l in lines], **kw)

    def stock_of(self, sku: str) -> tuple[int, int]:
        """(qty in milli-units, value in fen) from the on-hand cache."""
        from db.schema import products, stock

        with self.engine.connect() as c:
            r = c.execute(select(stock.c.qty, stock.c.value).join(products)
                          .where(products.c.sku == sku)).one()
        return r.qty, r.value

    def balance(self, party_table, name: str) -> int:
        return self.scalar(select(party_table.c.balance).where(party_table.c.name == name))

    def scalar(self, stmt):
        with self.engine.connect() as c:
            return c.execute(stmt).scalar()

    def rows(self, stmt):
        with self.engine.connect() as c:
            return c.execute(stmt).all()

    def count(self, table, *where) -> int:
        stmt = select(func.count()).select_from(table)
        if where:
            stmt = stmt.where(*where)
        return self.scalar(stmt)

    def execute(self, sql: str, **params) -> None:
        """Raw SQL outside the books (tampering, for check tests)."""
        from sqlalchemy import text

        with self.engine.begin() as c:
            c.execute(text(sql), params)


@pytest.fixture
def cli(shop, capsys, monkeypatch):
    """The command line on the test's shop, as the owner unless told:
    cli(*args, user=None, password=None) -> (exit code, stdout, stderr)."""
    from desktop.cli import run
    monkeypatch.delenv("STOREKEEPER_DB", raising=False)

    def call(*args, user: str | None = None, password: str | None = None):
        monkeypatch.setenv("STOREKEEPER_PASSWORD", password or shop.owner_password)
        capsys.readouterr()
        code = run(["--db", shop.url, *(["--user", user] if user else []), *args])
        out = capsys.readouterr()
        return code, out.out, out.err
    return call


@pytest.fixture
def shop(engine, db_url, backend) -> Shop:
    from db import users
    from db.books import Books

    with engine.connect() as c:
        owner = users.owner(c)
    assert owner is not None and owner.name == OWNER
    return Shop(engine, db_url, backend, owner, Books(engine, owner))


@pytest.fixture(autouse=True)
def private_config(tmp_path, monkeypatch):
    """Settings live in a file of the test's own, never in the person's config."""
    monkeypatch.setenv("STOREKEEPER_CONFIG", str(tmp_path / "storekeeper-config.json"))
