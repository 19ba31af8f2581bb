"""Alembic: the migrated schema is db.schema.metadata; init upgrades in place."""
from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, select

from conftest import OWNER, OWNER_PASSWORD
from db import migrate, shop as shop_mod, users
from db.engine import make_engine
from db.errors import BooksError
from db.schema import audit_head, customers, documents, metadata, products, settings, stock


def _diffs(engine):
    with engine.connect() as conn:
        def for_this_database(obj, _name, _type, _reflected, _compare_to) -> bool:
            only = getattr(obj, "_ddl_if", None)      # Index(...).ddl_if(dialect=...)
            return only is None or only.dialect in (None, conn.dialect.name)
        ctx = MigrationContext.configure(conn, opts={"compare_type": True,
                                                     "compare_server_default": True,
                                                     "include_object": for_this_database})
        return compare_metadata(ctx, metadata)


def test_migrated_schema_matches_the_tables(shop):
    assert _diffs(shop.engine) == []
    tables = set(inspect(shop.engine).get_table_names())
    assert set(metadata.tables) <= tables and "alembic_version" in tables
    assert migrate.current_revision(shop.engine) == migrate.head_revision()
    # and the comparison is not blind: a stray column shows up
    shop.execute("ALTER TABLE products ADD COLUMN stray INTEGER")
    assert any("stray" in str(d) for d in _diffs(shop.engine))


def test_init_creates_a_database_from_nothing(empty_db_url):
    engine = make_engine(empty_db_url)
    try:
        result = shop_mod.init(engine, shop="小卖部", owner="lao", password="pw-pw-1")
        assert result.created and result.revision_before is None
        assert result.revision == migrate.head_revision()
        assert result.owner.name == "lao" and result.owner.role == "owner"
        assert _diffs(engine) == []
        with engine.connect() as c:
            assert c.execute(select(settings.c.value).where(settings.c.key == "shop_name")
                             ).scalar() == "小卖部"
            assert c.execute(select(audit_head.c.seq)).scalar() >= 1
        assert users.sign_in(engine, "lao", "pw-pw-1").role == "owner"
    finally:
        engine.dispose()


def test_init_without_a_password_creates_nothing_usable(empty_db_url):
    engine = make_engine(empty_db_url)
    try:
        with pytest.raises(BooksError, match="password"):
            shop_mod.init(engine, owner="lao", password=None)
        with engine.connect() as c:
            assert users.user_count(c) == 0
    finally:
        engine.dispose()


def test_init_on_an_existing_shop_upgrades_in_place_and_keeps_data(shop):
    shop.product("A1", "9.90")
    shop.books.add_customer("Wang")
    shop.receive("Acme", ("A1", 10, "5.00"))
    sale = shop.sell(("A1", 3), customer="Wang", payment="account")
    result = shop_mod.init(shop.engine, owner="someone-else", password="another-pw")
    assert not result.created
    assert result.revision_before == result.revision == migrate.head_revision()
    assert result.owner == shop.owner                          # no second owner
    with shop.engine.connect() as c:
        assert users.user_count(c) == 1
        assert c.execute(select(products.c.sku)).scalars().all() == ["A1"]
        assert c.execute(select(customers.c.balance)).scalar() == 2970
        assert c.execute(select(documents.c.number).where(documents.c.id == sale.id)
                         ).scalar() == sale.number
        assert c.execute(select(stock.c.qty)).scalar() == 7000
    assert users.sign_in(shop.engine, OWNER, OWNER_PASSWORD).id == shop.owner.id
    assert _diffs(shop.engine) == []

