"""Users, roles and sign-in (argon2id, lockout after repeated failures).

Sign-in tells no one which names exist: an unknown or inactive name gets the
same refusal as a wrong password, after an argon2 check of the same cost
(against DUMMY_HASH), so it takes as long too. A locked account says so, with
the time, and stays shut even to the right password until then. The owner
unlocks an account early (unlock) or gives it a new password (set_password,
which unlocks it too); anyone changes their own password by giving the
current one (change_password), which counts toward the lock like a sign-in.
No password or hash ever goes into the audit log.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable

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
# The hash of a random secret no one knows, with _hasher's parameters (a test
# keeps them in step): unknown names are checked against it.
DUMMY_HASH = ("$argon2id$v=19$m=19456,t=2,p=1$IPVsFI7W/qMoke1w4S/A5w$"
              "Lpjlj7a6bcH6uu/t5AQoAgnctftaLQ0uuXzXsXZK9ok")
MAX_FAILURES = 5
MIN_PASSWORD = 4
REFUSED = "sign-in refused: unknown user or wrong password"
SYSTEM = Actor(None, "system", "owner")


class AccountLocked(SignInFailed):
    """Too many failures: no password opens the account before `until`."""

    def __init__(self, name: str, until: dt.datetime):
        super().__init__(f"user {name} is locked until {until:%Y-%m-%d %H:%M:%S} "
                         "after repeated failures")
        self.until = until


@dataclass(frozen=True)
class Account:
    """One account as the owner's list shows it (never its hash)."""
    name: str
    role: str
    active: bool
    locked_until: dt.datetime | None     # None unless locked now
    failures: int                        # failed attempts since the last success


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def check_password(stored: str, password: str) -> bool:
    try:
        return _hasher.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


def check_new_password(name: str, password: str) -> None:
    """The rule for any new password (an account's first one included)."""
    if len(password or "") < MIN_PASSWORD:
        raise BooksError(f"the password for {name} is too short "
                         f"(at least {MIN_PASSWORD} characters)")


def validate_new(name: str, role: str, password: str) -> str:
    name = (name or "").strip()
    if not name:
        raise BooksError("a user needs a name")
    if role not in ROLES:
        raise BooksError(f"unknown role '{role}': one of {', '.join(ROLES)}")
    check_new_password(name, password)
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


def list_users(conn: Connection) -> list[Account]:
    """Every account by name; a lock that has run out shows as none."""
    now = clock.now()
    return [Account(r.name, r.role, bool(r.active),
                    r.locked_until if _locked(r, now) else None, r.failed_attempts or 0)
            for r in conn.execute(select(users.c.name, users.c.role, users.c.active,
                                         users.c.locked_until, users.c.failed_attempts)
                                  .order_by(users.c.name))]


# ---------------------------------------------------------------- passwords checked

def _locked(row, now: dt.datetime) -> bool:
    return row.locked_until is not None and row.locked_until > now


def _read(engine: Engine, where):
    with engine.connect() as conn:
        return conn.execute(select(users).where(where)).first()


def _settle(engine: Engine, row, ok: bool, refusal: str, failed_action: str,
            succeed: Callable[[Connection, Actor], None]) -> Actor:
    """The bookkeeping of one password check made (outside any transaction, so
    argon2 holds no lock) against `row`: a success clears the failures and runs
    `succeed`; a failure counts toward the lock and raises SignInFailed(refusal).
    An account changed while argon2 ran (new password, deactivated) refuses."""
    now = clock.now()
    actor = Actor(row.id, row.name, row.role)
    with write_transaction(engine) as conn:
        fresh = conn.execute(select(users).where(users.c.id == row.id).with_for_update()).first()
        if fresh is None or not fresh.active or fresh.password_hash != row.password_hash:
            ok = False
        elif _locked(fresh, now):        # locked by another attempt meanwhile
            raise AccountLocked(fresh.name, fresh.locked_until)
        elif ok:
            conn.execute(update(users).where(users.c.id == row.id)
                         .values(failed_attempts=0, locked_until=None))
            succeed(conn, actor)
            return actor
        else:
            failures = fresh.failed_attempts + 1
            locked = None
            if failures >= MAX_FAILURES:   # 30 s, then twice as long at each further failure
                locked = now + dt.timedelta(seconds=30 * 2 ** (failures - MAX_FAILURES))
            conn.execute(update(users).where(users.c.id == row.id)
                         .values(failed_attempts=failures, locked_until=locked))
            audit.append(conn, actor, failed_action, "user", row.id, {"failures": failures})
    raise SignInFailed(refusal)


def _refuse_unknown(engine: Engine, row, password: str) -> None:
    """A name that cannot sign in (none such, or deactivated) costs what a wrong
    password does: an argon2 check and a committed write (on SQLite the commit's
    sync takes as long as argon2). The audit row keeps no typed name: people type
    passwords into the name box."""
    check_password(DUMMY_HASH, password)
    with write_transaction(engine) as conn:
        audit.append(conn, None, "sign-in.refused", "user", "" if row is None else row.id,
                     {"reason": "unknown" if row is None else "inactive"})
    raise SignInFailed(REFUSED)


def sign_in(engine: Engine, name: str, password: str) -> Actor:
    """Checks the password; locks the account for a growing time after 5 failures.

    An unknown or inactive user and a wrong password get the same message in
    about the same time (both audited). A locked account raises AccountLocked
    (a SignInFailed saying "locked until <time>"), whatever the password.
    """
    row = _read(engine, users.c.name == name)
    if row is None or not row.active:
        _refuse_unknown(engine, row, password)
    if _locked(row, clock.now()):
        raise AccountLocked(row.name, row.locked_until)
    ok = check_password(row.password_hash, password)
    return _settle(engine, row, ok, REFUSED, "sign-in.failed",
                   lambda conn, actor: audit.append(conn, actor, "sign-in", "user", row.id, {}))


def change_password(engine: Engine, actor: Actor, old: str, new: str) -> None:
    """The signed-in person's own new password, given the current one.

    A wrong current password is refused and counts toward the lock exactly as a
    failed sign-in does (audited "user.password.failed"): otherwise anyone at an
    unattended, signed-in till could guess the password here without limit. A
    locked account cannot change its password; a right one clears the failures.
    The new password is checked first, so a too-short one costs no attempt.
    """
    check_new_password(actor.name, new)
    row = _read(engine, users.c.id == actor.id)
    if row is None or not row.active:
        raise BooksError(f"{actor.name} can no longer sign in")
    if _locked(row, clock.now()):
        raise AccountLocked(row.name, row.locked_until)
    ok = check_password(row.password_hash, old)
    new_hash = hash_password(new) if ok else ""

    def store(conn: Connection, who: Actor) -> None:
        conn.execute(update(users).where(users.c.id == row.id).values(password_hash=new_hash))
        audit.append(conn, who, "user.password", "user", row.id, {"name": row.name, "reset": False})
    _settle(engine, row, ok, f"the current password of {row.name} is wrong",
            "user.password.failed", store)


# ---------------------------------------------------------------- the owner's changes

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


def unlock(conn: Connection, actor: Actor, name: str) -> bool:
    """The account's failures forgotten and its lock lifted now. False (nothing
    written) if it had no failures to forget."""
    row = _account(conn, name)
    if not row.failed_attempts and row.locked_until is None:
        return False
    conn.execute(update(users).where(users.c.id == row.id)
                 .values(failed_attempts=0, locked_until=None))
    audit.append(conn, actor, "user.unlock", "user", row.id,
                 {"name": row.name, "failures": row.failed_attempts,
                  "was_locked": _locked(row, clock.now())})
    return True


def set_password(conn: Connection, actor: Actor, name: str, password: str) -> None:
    """The owner's reset: a new password for another account, without the old
    one; it unlocks the account too (a forgotten password is why it locked)."""
    row = _account(conn, name)
    check_new_password(row.name, password)
    conn.execute(update(users).where(users.c.id == row.id).values(
        password_hash=hash_password(password), failed_attempts=0, locked_until=None))
    audit.append(conn, actor, "user.password", "user", row.id,
                 {"name": row.name, "reset": True, "was_locked": _locked(row, clock.now())})
