"""Accounts (issue 10): sign-in that tells no one which names exist, the lock after
repeated failures and the owner lifting it, passwords changed and reset, the
owner's list of accounts; through the books and the command line."""
from __future__ import annotations

import datetime as dt
import json
import time

import pytest
from sqlalchemy import select

from conftest import OWNER, OWNER_PASSWORD
from db import clock, users
from db.errors import BooksError, PermissionDenied, SignInFailed
from db.schema import audit_log


def lock_out(shop, name: str) -> None:
    for _ in range(users.MAX_FAILURES):
        with pytest.raises(SignInFailed):
            users.sign_in(shop.engine, name, "not-it")


def refusal(engine, name: str, password: str) -> str:
    with pytest.raises(SignInFailed) as refused:
        users.sign_in(engine, name, password)
    return str(refused.value)


def audit_actions(shop) -> list[str]:
    return [r.action for r in shop.rows(select(audit_log.c.action).order_by(audit_log.c.seq))]


# ---------------------------------------------------------------- sign-in

def test_unknown_inactive_and_wrong_password_read_the_same(shop):
    shop.books.add_user("amy", "cashier", "amy-pw-1")
    shop.books.add_user("old", "cashier", "old-pw-1")
    shop.books.deactivate_user("old")
    unknown = refusal(shop.engine, "nobody", "whatever")
    wrong = refusal(shop.engine, "amy", "whatever")
    inactive = refusal(shop.engine, "old", "old-pw-1")        # even with its right password
    assert unknown == wrong == inactive
    assert "nobody" not in unknown and "amy" not in wrong


def test_the_dummy_hash_costs_what_a_real_one_does():
    """Unknown names are checked against DUMMY_HASH: it must carry today's parameters."""
    assert not users._hasher.check_needs_rehash(users.DUMMY_HASH)
    assert not users.check_password(users.DUMMY_HASH, "")


def test_an_unknown_name_takes_about_as_long_as_a_wrong_password(shop):
    shop.books.add_user("amy", "cashier", "amy-pw-1")

    def timed(name: str) -> float:
        start = time.perf_counter()
        with pytest.raises(SignInFailed):
            users.sign_in(shop.engine, name, "guess")
        return time.perf_counter() - start
    wrong, unknown = [], []
    for _ in range(6):                       # interleaved; the fastest of each, so load spikes
        wrong.append(timed("amy"))           # on a busy machine do not decide
        unknown.append(timed("nobody"))
        shop.books.unlock_user("amy")
    # an argon2 check and a committed write each: without either, an unknown name
    # answers in half the time or less
    assert min(unknown) > 0.6 * min(wrong), (unknown, wrong)


def test_locked_after_five_failures_even_with_the_right_password(shop):
    shop.books.add_user("amy", "cashier", "amy-pw-1")
    lock_out(shop, "amy")
    with pytest.raises(users.AccountLocked,
                       match=r"locked until \d{4}-\d\d-\d\d \d\d:\d\d") as locked:
        users.sign_in(shop.engine, "amy", "amy-pw-1")
    assert locked.value.until > clock.now()


def test_the_owner_unlocks_and_they_sign_in_at_once(shop):
    shop.books.add_user("amy", "cashier", "amy-pw-1")
    lock_out(shop, "amy")
    assert shop.books.unlock_user("amy") is True
    assert users.sign_in(shop.engine, "amy", "amy-pw-1").name == "amy"
    assert "user.unlock" in audit_actions(shop)
    assert shop.books.unlock_user("amy") is False             # nothing left to forget


def test_unlock_forgets_the_failures_so_the_next_lock_is_short_again(shop):
    shop.books.add_user("amy", "cashier", "amy-pw-1")
    lock_out(shop, "amy")
    shop.books.unlock_user("amy")
    lock_out(shop, "amy")                                     # five more, not one
    with pytest.raises(users.AccountLocked) as locked:
        users.sign_in(shop.engine, "amy", "amy-pw-1")
    assert locked.value.until <= clock.now() + dt.timedelta(seconds=31)


def test_only_the_owner_unlocks(shop):
    manager = shop.as_user("mona", "manager")
    shop.books.add_user("amy", "cashier", "amy-pw-1")
    lock_out(shop, "amy")
    with pytest.raises(PermissionDenied):
        manager.unlock_user("amy")
    with pytest.raises(users.AccountLocked):
        users.sign_in(shop.engine, "amy", "amy-pw-1")


def test_unlocking_someone_who_does_not_exist_names_them(shop):
    with pytest.raises(BooksError, match="no user named 'ghost'"):
        shop.books.unlock_user("ghost")


# ---------------------------------------------------------------- passwords

def test_a_user_changes_their_own_password(shop):
    amy = shop.as_user("amy", "cashier", "amy-pw-1")
    amy.change_password("amy-pw-1", "amy-pw-2")
    assert users.sign_in(shop.engine, "amy", "amy-pw-2").name == "amy"
    refusal(shop.engine, "amy", "amy-pw-1")
    assert "user.password" in audit_actions(shop)


def test_a_wrong_current_password_is_refused_and_counts_toward_the_lock(shop):
    amy = shop.as_user("amy", "cashier", "amy-pw-1")
    with pytest.raises(SignInFailed, match="current password of amy is wrong"):
        amy.change_password("guess", "amy-pw-2")
    assert users.sign_in(shop.engine, "amy", "amy-pw-1").name == "amy"   # unchanged
    for _ in range(users.MAX_FAILURES):
        with pytest.raises(SignInFailed):
            amy.change_password("guess", "amy-pw-2")
    with pytest.raises(users.AccountLocked):                  # guessing here is no way round
        amy.change_password("amy-pw-1", "amy-pw-2")
    with pytest.raises(users.AccountLocked):
        users.sign_in(shop.engine, "amy", "amy-pw-1")


def test_a_too_short_new_password_is_refused_without_costing_an_attempt(shop):
    amy = shop.as_user("amy", "cashier", "amy-pw-1")
    for _ in range(users.MAX_FAILURES + 1):
        with pytest.raises(BooksError, match="too short"):
            amy.change_password("guess", "abc")
    assert users.sign_in(shop.engine, "amy", "amy-pw-1").name == "amy"


def test_the_owner_resets_a_password_which_unlocks_the_account(shop):
    shop.books.add_user("amy", "cashier", "amy-pw-1")
    lock_out(shop, "amy")
    shop.books.set_user_password("amy", "fresh-pw")
    assert users.sign_in(shop.engine, "amy", "fresh-pw").name == "amy"
    refusal(shop.engine, "amy", "amy-pw-1")


def test_the_owner_changes_their_own_password_only_with_the_current_one(shop):
    with pytest.raises(BooksError, match="give the current one"):
        shop.books.set_user_password(OWNER, "new-owner-pw")
    shop.books.change_password(OWNER_PASSWORD, "new-owner-pw")
    assert users.sign_in(shop.engine, OWNER, "new-owner-pw").name == OWNER


def test_only_the_owner_resets_passwords(shop):
    manager = shop.as_user("mona", "manager")
    shop.books.add_user("amy", "cashier", "amy-pw-1")
    with pytest.raises(PermissionDenied):
        manager.set_user_password("amy", "mona-knows")
    assert users.sign_in(shop.engine, "amy", "amy-pw-1").name == "amy"


def test_no_password_or_hash_reaches_the_audit_log(shop):
    secrets = ["amy-pw-1", "amy-pw-2", "wrong-guess", "reset-pw-3"]
    amy = shop.as_user("amy", "cashier", secrets[0])
    amy.change_password(secrets[0], secrets[1])
    with pytest.raises(SignInFailed):
        amy.change_password(secrets[2], "whatever-1")
    refusal(shop.engine, "amy", secrets[2])
    shop.books.set_user_password("amy", secrets[3])
    shop.books.unlock_user("amy")
    rows = shop.rows(select(audit_log))
    actions = [r.action for r in rows]
    assert actions.count("user.password") == 2 and "user.password.failed" in actions
    text = "\n".join(" ".join(str(v) for v in r) for r in rows)
    assert "$argon2" not in text
    for secret in secrets:
        assert secret not in text


# ---------------------------------------------------------------- the owner's list

def test_the_owner_lists_accounts_with_their_locks(shop):
    shop.books.add_user("amy", "cashier", "amy-pw-1")
    shop.books.add_user("old", "clerk", "old-pw-1")
    shop.books.deactivate_user("old")
    lock_out(shop, "amy")
    listed = {a.name: a for a in shop.books.list_users()}
    assert set(listed) == {OWNER, "amy", "old"}
    assert listed["amy"].locked_until > clock.now() and listed["amy"].failures == 5
    old = listed["old"]
    assert (old.role, old.active, old.locked_until) == ("clerk", False, None)
    try:
        clock.shift(dt.timedelta(minutes=10))                 # a lock that ran out is no lock
        assert {a.name: a for a in shop.books.list_users()}["amy"].locked_until is None
    finally:
        clock.reset()


def test_only_the_owner_lists_accounts(shop):
    with pytest.raises(PermissionDenied):
        shop.as_user("mona", "manager").list_users()


# ---------------------------------------------------------------- the command line

def test_cli_unlock_list_and_reset(shop, cli, monkeypatch):
    shop.books.add_user("amy", "cashier", "amy-pw-1")
    lock_out(shop, "amy")
    code, out, err = cli("user", "list", "--json")
    assert code == 0, err
    amy = {u["name"]: u for u in json.loads(out)}["amy"]
    assert amy["failures"] == 5 and amy["active"] is True and amy["role"] == "cashier"
    assert dt.datetime.fromisoformat(amy["locked_until"]) > clock.now()

    assert cli("user", "unlock", "amy", "--json")[:2] == (0, '{"name": "amy", "unlocked": true}\n')
    amy = {u["name"]: u for u in json.loads(cli("user", "list", "--json")[1])}["amy"]
    assert (amy["locked_until"], amy["failures"]) == (None, 0)
    assert users.sign_in(shop.engine, "amy", "amy-pw-1").name == "amy"

    lock_out(shop, "amy")
    monkeypatch.setenv("STOREKEEPER_NEW_PASSWORD", "reset-pw-1")
    code, out, err = cli("user", "password", "amy")
    assert (code, out) == (0, "password of amy set; the account is unlocked\n"), err
    assert users.sign_in(shop.engine, "amy", "reset-pw-1").name == "amy"


def test_cli_changes_ones_own_password(shop, cli, monkeypatch):
    shop.books.add_user("amy", "cashier", "amy-pw-1")
    monkeypatch.setenv("STOREKEEPER_NEW_PASSWORD", "amy-pw-2")
    code, out, err = cli("user", "password", "amy", "--json", user="amy", password="amy-pw-1")
    assert (code, json.loads(out)) == (0, {"name": "amy", "reset": False}), err
    assert users.sign_in(shop.engine, "amy", "amy-pw-2").name == "amy"
    refusal(shop.engine, "amy", "amy-pw-1")


def test_cli_refusals_are_one_line_and_exit_1(shop, cli, monkeypatch):
    shop.books.add_user("amy", "cashier", "amy-pw-1")
    shop.books.add_user("bob", "cashier", "bob-pw-1")
    monkeypatch.setenv("STOREKEEPER_NEW_PASSWORD", "amy-knows")
    for args in (("user", "list"), ("user", "unlock", "bob"), ("user", "password", "bob")):
        code, out, err = cli(*args, user="amy", password="amy-pw-1")
        assert (code, out) == (1, "")
        assert err == "error: amy (cashier) may not do this: users\n"
    assert users.sign_in(shop.engine, "bob", "bob-pw-1").name == "bob"
    code, out, err = cli("user", "unlock", "ghost")
    assert (code, err) == (1, "error: no user named 'ghost'\n")
    monkeypatch.setenv("STOREKEEPER_NEW_PASSWORD", "abc")
    code, out, err = cli("user", "password", "amy")
    assert code == 1 and "too short" in err and "Traceback" not in err
