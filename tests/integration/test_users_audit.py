"""Roles enforced by the books, the chained audit log, sign-in and lockout."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from conftest import OWNER, OWNER_PASSWORD
from db import audit, clock, users
from db.errors import PermissionDenied, SignInFailed
from db.schema import audit_log, documents, stock_ledger


@pytest.fixture
def stocked(shop):
    shop.product("A1", "9.90")
    shop.receive("Acme", ("A1", 10, "5.00"))
    return shop


def test_cashier_cannot_cancel_or_receive_but_can_sell(stocked):
    shop = stocked
    cashier = shop.as_user("amy", "cashier")
    sale = cashier.post_sale([shop.line("A1", 1)])
    before = (shop.count(documents), shop.count(stock_ledger), shop.stock_of("A1"))
    with pytest.raises(PermissionDenied, match="amy"):
        cashier.cancel(sale.number)
    with pytest.raises(PermissionDenied):
        cashier.post_purchase_receipt("Acme", [shop.line("A1", 5, "5.00")])
    with pytest.raises(PermissionDenied):
        cashier.set_setting("allow_negative_stock", "1")
    assert (shop.count(documents), shop.count(stock_ledger), shop.stock_of("A1")) == before


def test_clerk_cannot_sell_but_can_receive(stocked):
    shop = stocked
    clerk = shop.as_user("carl", "clerk")
    with pytest.raises(PermissionDenied, match="carl"):
        clerk.post_sale([shop.line("A1", 1)])
    assert shop.stock_of("A1")[0] == 10_000
    clerk.post_purchase_receipt("Acme", [shop.line("A1", 5, "5.00")])
    assert shop.stock_of("A1")[0] == 15_000


def test_only_the_owner_adds_users(stocked):
    manager = stocked.as_user("mona", "manager")
    with pytest.raises(PermissionDenied):
        manager.add_user("eve", "owner", "pw-pw-pw")


def _audit_rows(shop):
    return shop.rows(select(audit_log).order_by(audit_log.c.seq))


def test_audit_row_per_posting_product_add_and_sign_in(shop):
    start = len(_audit_rows(shop))
    shop.product("A1", "9.90")
    rec = shop.receive("Acme", ("A1", 10, "5.00"))   # supplier add + receipt
    sale = shop.sell(("A1", 1))
    shop.books.cancel(sale.number)
    users.sign_in(shop.engine, OWNER, OWNER_PASSWORD)
    rows = _audit_rows(shop)[start:]
    got = [(r.action, r.entity, r.entity_id, r.user_name) for r in rows]
    assert got[0] == ("product.add", "product", "A1", OWNER)
    assert got[1][:2] == ("supplier.add", "supplier")
    assert got[2:] == [("post", "purchase-receipt", rec.number, OWNER),
                       ("post", "sale", sale.number, OWNER),
                       ("cancel", "sale", sale.number, OWNER),
                       ("sign-in", "user", str(shop.owner.id), OWNER)]
    assert '"total":"9.90"' in rows[3].detail


def test_audit_rows_are_chained(shop):
    shop.product("A1", "9.90")
    shop.receive("Acme", ("A1", 10, "5.00"))
    shop.sell(("A1", 1))
    rows = _audit_rows(shop)
    assert [r.seq for r in rows] == list(range(1, len(rows) + 1))
    assert rows[0].prev_hash == audit.GENESIS
    for prev, row in zip(rows, rows[1:]):
        assert row.prev_hash == prev.hash
    for r in rows:
        assert r.hash == audit.row_hash(r.seq, r.at, r.user_id, r.user_name, r.action, r.entity,
                                        r.entity_id, r.detail, r.prev_hash)
    with shop.engine.connect() as c:
        assert audit.verify(c) is None


def test_audit_verify_names_a_tampered_row(shop):
    shop.product("A1", "9.90")
    shop.product("B1", "1.00")
    seq = shop.scalar(select(audit_log.c.seq).where(audit_log.c.entity_id == "A1"))
    shop.execute("UPDATE audit_log SET detail = :d WHERE seq = :s", d="{}", s=seq)
    with shop.engine.connect() as c:
        breach = audit.verify(c)
    assert breach is not None and str(seq) in breach


def test_audit_chain_survives_concurrent_postings(shop):
    import threading
    shop.product("A1", "1.00")
    shop.receive("Acme", ("A1", 100, "0.50"))
    errors = []

    def sell():
        try:
            for _ in range(5):
                shop.sell(("A1", 1))
        except Exception as exc:  # pragma: no cover
            errors.append(exc)

    threads = [threading.Thread(target=sell) for _ in range(6)]
    [t.start() for t in threads]
    [t.join(120) for t in threads]
    assert errors == []
    with shop.engine.connect() as c:
        assert audit.verify(c) is None
    assert shop.count(audit_log, audit_log.c.entity == "sale") == 30


# ---------------------------------------------------------------- sign-in

def test_sign_in_succeeds_with_the_right_password(shop):
    actor = users.sign_in(shop.engine, OWNER, OWNER_PASSWORD)
    assert (actor.name, actor.role, actor.id) == (OWNER, "owner", shop.owner.id)


def test_unknown_user_and_wrong_password_get_the_same_message(shop):
    with pytest.raises(SignInFailed) as unknown:
        users.sign_in(shop.engine, "nobody", "whatever")
    with pytest.raises(SignInFailed) as wrong:
        users.sign_in(shop.engine, OWNER, "wrong-password")
    assert str(unknown.value) == str(wrong.value)
    assert shop.count(audit_log, audit_log.c.action == "sign-in.failed") == 1


def test_lockout_after_five_failures(shop):
    shop.books.add_user("amy", "cashier", "amy-pw-1")
    for _ in range(4):
        with pytest.raises(SignInFailed):
            users.sign_in(shop.engine, "amy", "bad")
    users.sign_in(shop.engine, "amy", "amy-pw-1")          # success resets the count
    for _ in range(5):
        with pytest.raises(SignInFailed):
            users.sign_in(shop.engine, "amy", "bad")
    with pytest.raises(SignInFailed, match="locked"):        # even the right password
        users.sign_in(shop.engine, "amy", "amy-pw-1")
    users.sign_in(shop.engine, OWNER, OWNER_PASSWORD)         # others unaffected
    try:
        clock.shift(dt.timedelta(minutes=10))
        assert users.sign_in(shop.engine, "amy", "amy-pw-1").name == "amy"
    finally:
        clock.reset()
    assert shop.count(audit_log, audit_log.c.action == "sign-in.failed") == 9
