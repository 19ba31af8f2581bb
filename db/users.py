"""Users, roles and sign-in (argon2id, lockout after repeated failures)."""
from __future__ import annotations

import datetime as dt

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection, Engine, func, select, update

from db import audit, clock
from db.audit import Actor
from db.engine import write_transaction
from db.errors import BooksError, SignInFailed
from db.schema import ROLES, users

# OWASP's argon2id recommendation: 19 MiB, 2 iterations, 1 lane.
_hasher = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)
MAX_FAILURES = 5
SYSTEM = Actor(None, "system", "owner")


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def check_password(stored: str, password: str) -> bool:
    try:
        return _hasher.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


def validate_new(name: str, role: str, password: str) -> str:
    name = (name or "").strip()
    if not name:
        raise BooksError("a user needs a name")
    if role not in ROLES:
        raise BooksError(f"unknown role '{role}': one of {', '.join(ROLES)}")
    if len(password or "") < 4:
        raise BooksError(f"the password for {name} is too short (at least 4 characters)")
    return name


def add_user(conn: Connection, actor: Actor, name: str, role: str, password: str) -> Actor:
    name = validate_new(name, role, password)
    if conn.execute(select(users.c.id).where(users.c.name == name)).first():
        raise BooksError(f"user '{name}' already exists")
    uid = conn.execute(users.insert().values(
        name=name, role=role, password_hash=hash_password(password), active=True,
        failed_attempts=0, created_at=clock.now()).returning(users.c.id)).scalar_one()
    audit.append(conn, actor, "user.add", "user", uid, {"name": name, "role": role})
    return Actor(uid, name, role)


def owner(conn: Connection) -> Actor | None:
    row = conn.execute(select(users.c.id, users.c.name, users.c.role)
                       .where(users.c.role == "owner", users.c.active.is_(True))
                       .order_by(users.c.id).limit(1)).first()
    return Actor(row.id, row.name, row.role) if row else None


def user_count(conn: Connection) -> int:
    return conn.execute(select(func.count()).select_from(users)).scalar_one()


def sign_in(engine: Engine, name: str, password: str) -> Actor:
    """Checks the password; locks the account for a growing time after 5 failures.

    An unknown user and a wrong password get the same message.
    """
    refused = SignInFailed("sign-in refused: unknown user or wrong password")
    with engine.connect() as conn:
        row = conn.execute(select(users).where(users.c.name == name)).first()
        if row is None or not row.active:
            raise refused
        now = clock.now()
        if row.locked_until and row.locked_until > now:
            raise SignInFailed(f"user {name} is locked until "
                               f"{row.locked_until:%Y-%m-%d %H:%M:%S} after repeated failures")
        ok = check_password(row.password_hash, password)
    with write_transaction(engine) as conn:
        actor = Actor(row.id, row.name, row.role)
        if ok:
            conn.execute(update(users).where(users.c.id == row.id)
                         .values(failed_attempts=0, locked_until=None))
            audit.append(conn, actor, "sign-in", "user", row.id, {})
            return actor
        failures = row.failed_attempts + 1
        locked = None
        if failures >= MAX_FAILURES:
            locked = now + dt.timedelta(seconds=30 * 2 ** (failures - MAX_FAILURES))
        conn.execute(update(users).where(users.c.id == row.id)
                     .values(failed_attempts=failures, locked_until=locked))
        audit.append(conn, actor, "sign-in.failed", "user", row.id, {"failures": failures})
    raise refused


def _account(conn: Connection, name: str):
    row = conn.execute(select(users).where(users.c.name == (name or "").strip())
                       .with_for_update()).first()
    if row is None:
        raise BooksError(f"no user named '{(name or '').strip()}'")
    return row


def _other_owners(conn: Connection, user_id: int) -> int:
    return conn.execute(select(func.count()).select_from(users).where(
        users.c.role == "owner", users.c.active.is_(True), users.c.id != user_id)).scalar_one()


def set_role(conn: Connection, actor: Actor, name: str, role: str) -> None:
    if role not in ROLES:
        raise BooksError(f"unknown role '{role}': one of {', '.join(ROLES)}")
    row = _account(conn, name)
    if row.role == role:
        return
    if row.role == "owner" and row.active and _other_owners(conn, row.id) == 0:
        raise BooksError(f"{row.name} is the shop's only owner: make another owner first")
    conn.execute(update(users).where(users.c.id == row.id).values(role=role))
    audit.append(conn, actor, "user.role", "user", row.id, {"name": row.name, "old": row.role,
                                                            "new": role})


def deactivate(conn: Connection, actor: Actor, name: str) -> None:
    row = _account(conn, name)
    if not row.active:
        return
    if row.role == "owner" and _other_owners(conn, row.id) == 0:
        raise BooksError(f"{row.name} is the shop's only owner and cannot be deactivated")
    conn.execute(update(users).where(users.c.id == row.id).values(active=False))
    audit.append(conn, actor, "user.deactivate", "user", row.id, {"name": row.name})
