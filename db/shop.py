"""Creating a shop's database, or upgrading one in place."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine

from db import masters, migrate, users
from db.audit import Actor
from db.engine import write_transaction
from db.errors import BooksError


@dataclass
class InitResult:
    created: bool          # a new database (no schema before)
    revision_before: str | None
    revision: str
    owner: Actor | None


def init(engine: Engine, *, shop: str | None = None, owner: str | None = None,
         password: str | None = None) -> InitResult:
    """Schema to head; on a shop with no users, the owner (password required)."""
    before, after = migrate.upgrade(engine)
    with write_transaction(engine) as conn:
        existing = users.owner(conn) if users.user_count(conn) else None
        actor = existing
        if existing is None:
            if not password:
                raise BooksError("the owner's password is needed: set $STOREKEEPER_PASSWORD")
            actor = users.add_user(conn, users.SYSTEM, owner or "owner", "owner", password)
        if shop:
            masters.set_setting(conn, actor, "shop_name", shop.strip())
    return InitResult(before is None, before, after, actor)
