"""Purchase orders and their approval rules, receiving against them, reorder
suggestions and the process report -- on SQLite and PostgreSQL. Time is
moved with db.clock, never waited for."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from db import approvals, clock
from db.check import check_books
from db.errors import BooksError, PermissionDenied
from db.schema import approval_events, audit_log, documents, suppliers

H = dt.timedelta(hours=1)


@pytest.fixture
def shop_po(shop):
    """A shop with a clerk, two managers, goods and a supplier. The clock is
    put back after each test."""
    shop.product("A1", "12.50", name="海天金标生抽", unit="瓶")
    shop.product("B1", "3.20", name="康师傅红烧牛肉面", unit="袋", min_qty="20", max_qty="100")
    shop.product("M1", "30.00", name="蒙牛纯牛奶整箱", unit="箱", batch_tracked=True)
    shop.books.add_supplier("海天味业")
    shop.books.add_supplier("康师傅")
    shop.clerk = shop.as_user("li", "clerk", "clerk-pass-1")
    shop.wang = shop.as_user("wang", "manager", "boss-pass-1")
    shop.zhao = shop.as_user("zhao", "manager", "boss-pass-2")
    yield shop
    clock.reset()


def order(books, total_yuan: int, supplier="海天味业", **kw):
    """An order of A1 worth total_yuan (A1 costs 10.00)."""
    from db.documents import LineIn
    return books.post_purchase_order(supplier, [LineIn("A1", total_yuan * 100, 1000)], **kw)


def status(shop, number: str) -> str:
    return shop.scalar(select(documents.c.status).where(documents.c.number == number))


def inbox(books) -> list[str]:
    return [w.number for w in books.approvals_inbox()]


# ---------------------------------------------------------------- thresholds and the chain

def test_small_orders_need_no_approval(shop_po):
    o = order(shop_po.clerk, 5000)                       # 5,000.00: not above the threshold
    assert o.status == "approved" and status(shop_po, o.number) == "approved"
    assert inbox(shop_po.wang) == [] and inbox(shop_po.books) == []


def test_above_5000_a_manager_approves(shop_po):
    o = order(shop_po.clerk, 8000)
    assert o.status == "awaiting-approval"
    assert inbox(shop_po.wang) == [o.number] and inbox(shop_po.books) == [o.number]
    assert inbox(shop_po.clerk) == []
    with pytest.raises(PermissionDenied):
        shop_po.clerk.approve(o.number)
    assert shop_po.wang.approve(o.number).status == "approved"
    assert status(shop_po, o.number) == "approved" and inbox(shop_po.zhao) == []
    with pytest.raises(BooksError, match="approved, not awaiting approval"):
        shop_po.zhao.approve(o.number)


def test_above_20000_the_owner_as_well(shop_po):
    o = order(shop_po.clerk, 28000)
    assert shop_po.wang.approve(o.number).status == "awaiting-approval"
    assert inbox(shop_po.zhao) == [] and inbox(shop_po.books) == [o.number]
    with pytest.raises(PermissionDenied, match="waits for an owner's approval"):
        shop_po.zhao.approve(o.number)
    assert shop_po.books.approve(o.number).status == "approved"
    # the owner deciding first decides both steps at once
    o2 = order(shop_po.clerk, 28000)
    assert shop_po.books.approve(o2.number).status == "approved"
    deciders = shop_po.rows(select(audit_log.c.user_name).where(
        audit_log.c.entity_id == o2.number, audit_log.c.action == "approve"))
    assert [d for (d,) in deciders] == ["boss"]


def test_whoever_created_an_order_cannot_approve_it(shop_po):
    o = order(shop_po.wang, 8000)
    with pytest.raises(PermissionDenied, match="wang created"):
        shop_po.wang.approve(o.number)
    assert inbox(shop_po.wang) == [] and inbox(shop_po.zhao) == [o.number]
    assert shop_po.zhao.approve(o.number).status == "approved"


def test_a_rejection_carries_its_reason_back_to_the_creator(shop_po):
    o = order(shop_po.clerk, 8000)
    with pytest.raises(BooksError, match="needs a reason"):
        shop_po.wang.reject(o.number, "  ")
    assert shop_po.wang.reject(o.number, "价格比上月高 8%，先问问别家").status == "rejected"
    (back,) = shop_po.clerk.rejected_orders()
    assert (back.number, back.by, back.reason) == (o.number, "wang", "价格比上月高 8%，先问问别家")
    assert inbox(shop_po.zhao) == [] and status(shop_po, o.number) == "rejected"
    with pytest.raises(BooksError, match="rejected, not awaiting approval"):
        shop_po.zhao.approve(o.number)


def test_the_owner_sets_the_rules_and_urgent_orders_skip_what_may_be_skipped(shop_po):
    rules = approvals.parse_rules('{"hours": 24, "steps": ['
                                  '{"above": "1000.00", "role": "manager", "skippable": true},'
                                  '{"above": "20000.00", "role": "owner"}]}')
    with pytest.raises(PermissionDenied):
        shop_po.wang.set_approval_rules(rules)
    shop_po.books.set_approval_rules(rules)
    assert shop_po.books.approval_rules() == rules
    assert order(shop_po.clerk, 1500).status == "awaiting-approval"
    assert order(shop_po.clerk, 1500, urgent=True).status == "approved"
    big = order(shop_po.clerk, 25000, urgent=True)
    assert big.status == "awaiting-approval"
    assert big.number in inbox(shop_po.books) and big.number not in inbox(shop_po.wang)
    waiting = {w.number: w for w in shop_po.books.approvals_inbox()}
    assert waiting[big.number].urgent and list(waiting)[0] == big.number   # urgent on top


@pytest.mark.parametrize("text, message", [
    ('{"hours": 0, "steps": []}', "1 to 2160 hours"),
    ('{"steps": [{"above": "10", "role": "clerk"}]}', "needs a role"),
    ('{"steps": [{"above": "20", "role": "manager"}, {"above": "10", "role": "owner"}]}',
     "below the step before"),
    ("not json", "expected")])
def test_bad_rules_are_refused(text, message):
    with pytest.raises(BooksError, match=message):
        approvals.parse_rules(text)


# ---------------------------------------------------------------- time limits

def test_a_waiting_step_escalates_after_its_time_limit(shop_po):
    o = order(shop_po.clerk, 8000)
    clock.shift(47 * H)
    (w,) = shop_po.books.approvals_inbox()
    assert (w.role, w.escalations) == ("manager", 0)
    clock.shift(2 * H)                                              # 49 hours: past 48
    assert inbox(shop_po.wang) == [] and inbox(shop_po.books) == [o.number]
    (w,) = shop_po.books.approvals_inbox()
    assert (w.role, w.escalations, w.timed_out) == ("owner", 1, False)
    assert "escalated 1x" in shop_po.books.alerts()[0]["message"]
    clock.shift(48 * H)                                             # the owner's limit too
    (w,) = shop_po.books.approvals_inbox()
    assert w.timed_out and w.role == "owner"
    (alert,) = [a for a in shop_po.books.alerts() if a["kind"] == "awaiting-approval"]
    assert alert["number"] == o.number and "past its time limit" in alert["message"]
    with pytest.raises(PermissionDenied):
        shop_po.wang.approve(o.number)                 # it is the owner's now
    assert shop_po.books.approve(o.number).status == "approved"
    today = clock.today()
    (month,) = shop_po.books.process_report(today - dt.timedelta(days=31), today)
    assert (month.orders, month.escalations, month.timeouts) == (1, 1, 1)


def test_escalation_catches_up_on_every_limit_passed(shop_po):
    o = order(shop_po.clerk, 8000)
    clock.shift(200 * H)                                             # nobody looked for days
    assert shop_po.books.alerts()[0]["number"] == o.number
    (w,) = shop_po.books.approvals_inbox()
    assert (w.role, w.escalations, w.timed_out) == ("owner", 1, True)


# ---------------------------------------------------------------- nobody waits on nobody

def test_a_step_moves_up_when_its_only_approver_leaves(shop_po):
    shop_po.books.deactivate_user("zhao")
    o = order(shop_po.clerk, 8000)
    assert inbox(shop_po.wang) == [o.number]
    shop_po.books.deactivate_user("wang")                           # changed jobs
    (w,) = shop_po.books.approvals_inbox()
    assert (w.number, w.role) == (o.number, "owner")
    events = shop_po.rows(select(approval_events.c.kind, approval_events.c.from_role,
                                 approval_events.c.to_role)
                          .join(documents, documents.c.id == approval_events.c.document_id)
                          .where(documents.c.number == o.number, approval_events.c.kind == "reassigned"))
    assert [tuple(e) for e in events] == [("reassigned", "manager", "owner")]
    assert shop_po.books.approve(o.number).status == "approved"


def test_a_role_change_moves_the_step_up(shop_po):
    shop_po.books.set_user_role("zhao", "clerk")
    o = order(shop_po.clerk, 8000)
    shop_po.books.set_user_role("wang", "cashier")
    assert [(w.number, w.role) for w in shop_po.books.approvals_inbox()] == [(o.number, "owner")]
    assert inbox(shop_po.wang) == []
    with pytest.raises(BooksError, match="only owner"):
        shop_po.books.set_user_role("boss", "manager")


def test_a_creator_who_is_the_only_manager_goes_to_the_owner(shop_po):
    shop_po.books.deactivate_user("zhao")
    o = order(shop_po.wang, 8000)
    assert inbox(shop_po.books) == [o.number]
    assert shop_po.books.approvals_inbox()[0].role == "owner"


def test_the_owners_own_big_order_is_not_left_waiting_on_nobody(shop_po):
    o = order(shop_po.books, 28000)                  # the only owner made it
    assert inbox(shop_po.wang) == [o.number]
    assert shop_po.wang.approve(o.number).status == "approved"   # the owner step is waived
    assert shop_po.count(audit_log, audit_log.c.entity_id == o.number) >= 3


# ---------------------------------------------------------------- receiving

def test_receiving_part_then_the_rest_makes_the_payable(shop_po):
    from db.documents import LineIn
    o = shop_po.clerk.post_purchase_order("康师傅", [LineIn("B1", 100_000, 200), LineIn("A1", 10_000, 1000)])
    assert o.total == 30000 and o.status == "approved"
    part = shop_po.clerk.receive_order(o.number, [LineIn("B1", 40_000)])
    assert part.total == 8000 and part.extra["order_status"] == "partly-received"
    assert shop_po.balance(suppliers, "康师傅") == 8000
    assert shop_po.stock_of("B1") == (40_000, 8000)
    detail = shop_po.books.order_detail(o.number)
    assert [(l.sku, l.received, l.remaining) for l in detail.lines] == [
        ("B1", 40_000, 60_000), ("A1", 0, 10_000)]
    rest = shop_po.clerk.receive_order(o.number)                    # everything still due
    assert rest.total == 22000 and status(shop_po, o.number) == "received"
    assert shop_po.balance(suppliers, "康师傅") == 30000
    with pytest.raises(BooksError, match="received: goods are received against an approved"):
        shop_po.clerk.receive_order(o.number)
    shop_po.books.cancel(rest.number)                                # the rest goes back
    assert status(shop_po, o.number) == "partly-received"
    assert check_books(shop_po.engine) == []


def test_more_than_ordered_needs_a_managers_confirmation(shop_po):
    from db.documents import LineIn
    o = order(shop_po.clerk, 100)                                     # 10 × A1
    with pytest.raises(PermissionDenied, match="A1 12 of 10 still due"):
        shop_po.clerk.receive_order(o.number, [LineIn("A1", 12_000)])
    with pytest.raises(PermissionDenied):
        shop_po.clerk.receive_order(o.number, [LineIn("A1", 12_000)],
                                    confirmed_by=shop_po.clerk.actor)
    got = shop_po.clerk.receive_order(o.number, [LineIn("A1", 12_000)],
                                      confirmed_by=shop_po.wang.actor)
    assert got.extra["order_status"] == "received" and shop_po.stock_of("A1")[0] == 12_000
    detail = shop_po.scalar(select(audit_log.c.detail).where(audit_log.c.entity_id == got.number))
    assert "wang" in detail
    with pytest.raises(BooksError, match="not on order"):
        o2 = order(shop_po.clerk, 100)
        shop_po.clerk.receive_order(o2.number, [LineIn("B1", 1000, 200)])


def test_orders_awaiting_approval_cannot_be_received_and_batches_are_asked_for(shop_po):
    from db.documents import LineIn
    waiting = order(shop_po.clerk, 8000)
    with pytest.raises(BooksError, match="awaiting approval: goods are received"):
        shop_po.clerk.receive_order(waiting.number)
    milk = shop_po.clerk.post_purchase_order("康师傅", [LineIn("M1", 5000, 4000)])
    with pytest.raises(BooksError, match="give a batch number"):
        shop_po.clerk.receive_order(milk.number)
    got = shop_po.clerk.receive_order(milk.number, [LineIn("M1", 5000, None, "L2026-12",
                                                           clock.today() + dt.timedelta(days=20))])
    assert got.extra["order_status"] == "received"


def test_a_shop_can_require_an_order_for_every_receipt(shop_po):
    shop_po.books.set_setting("receive_without_order", "0")
    with pytest.raises(BooksError, match="against an approved purchase order only"):
        shop_po.receive("海天味业", ("A1", "5", "10.00"))
    o = order(shop_po.clerk, 50)
    assert shop_po.clerk.receive_order(o.number).total == 5000


def test_an_order_is_cancelled_by_its_creator_or_a_manager(shop_po):
    o = order(shop_po.clerk, 8000)
    with pytest.raises(PermissionDenied):
        shop_po.as_user("li2", "clerk").cancel(o.number)
    assert shop_po.clerk.cancel(o.number).status == "cancelled"
    assert inbox(shop_po.wang) == []
    received = order(shop_po.clerk, 50)
    shop_po.clerk.receive_order(received.number)
    with pytest.raises(BooksError, match="cancel its receipts first"):
        shop_po.wang.cancel(received.number)


# ---------------------------------------------------------------- reorder and the report

def test_reorder_suggestions_become_one_draft_per_supplier(shop_po):
    from db.masters import ProductChanges
    shop_po.receive("康师傅", ("B1", "5", "2.00"))
    shop_po.receive("海天味业", ("A1", "1", "10.00"))
    shop_po.books.update_product("A1", ProductChanges(min_qty="6", max_qty="30"))
    shop_po.product("C1", "1.00", name="无供应商", min_qty="5")
    got = {s.sku: s for s in shop_po.books.reorder_suggestions()}
    assert (got["B1"].qty, got["B1"].supplier, got["B1"].cost) == (95_000, "康师傅", 200)
    assert (got["A1"].qty, got["A1"].supplier) == (29_000, "海天味业")
    assert got["C1"].supplier is None
    drafts, left = shop_po.clerk.draft_reorders()
    assert [d.status for d in drafts] == ["draft", "draft"] and [s.sku for s in left] == ["C1"]
    assert {shop_po.books.order_detail(d.number).supplier for d in drafts} == {"康师傅", "海天味业"}
    big = next(d for d in drafts if shop_po.books.order_detail(d.number).supplier == "海天味业")
    assert shop_po.clerk.submit_order(big.number).status == "approved"     # 290.00


def test_the_process_report_by_month(shop_po):
    a = order(shop_po.clerk, 8000)
    b = order(shop_po.clerk, 9000)
    clock.shift(10 * H)
    shop_po.wang.approve(a.number)
    shop_po.wang.reject(b.number, "too much")
    clock.shift(14 * H)
    shop_po.clerk.receive_order(a.number)
    today = clock.today()
    (m,) = shop_po.books.process_report(today - dt.timedelta(days=40), today)
    assert (m.orders, m.approved, m.rejected, m.rejection_rate) == (2, 1, 1, 0.5)
    assert m.hours_to_approval == 10.0 and m.hours_to_receipt == 24.0
    with pytest.raises(PermissionDenied):
        shop_po.clerk.process_report(today, today)
