"""Who approves a purchase order, and what happens while it waits.

The rules are the owner's (setting `approval.rules`, JSON): amount
thresholds, each with the role that approves above it (default: above
5,000.00 a manager, above 20,000.00 the owner as well), whether an urgent
order may skip that step, and a time limit (default 48 hours).

Submitting an order writes one approval step per threshold it passes, in
order; the first is *waiting*, the rest *pending*. A waiting step is
decided by anyone whose role is at or above its assigned role on the ladder
manager < owner -- never by the order's creator. The rest follows from one
promise: no order waits on nobody, and nobody is left not knowing.

* Escalation: a step still waiting when its time limit runs out moves to
  the next role up (a manager's step to the owner) with a fresh limit; at
  the top it is marked timed out (an alert, and the process report counts
  it). Time is read from db.clock, so tests move it instead of waiting.
  Nothing runs in the background: `tick` is called by whatever reads the
  approvals (the inbox, its count in the main window, alerts, a decision),
  and catches up on every limit that has passed since.
* Reassignment: when no active account other than the creator holds the
  assigned role (the only manager left, changed role, or made the order),
  the step moves up the ladder at once -- checked when a step starts
  waiting, and again whenever an account is deactivated or changes role.
* Waiver: a step that only the creator could decide, the creator being at
  the top of the ladder (an owner's own big order in a one-owner shop), is
  waived and says so; it cannot wait for an approver who does not exist.
* Urgent orders skip the steps the owner marked skippable.
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from sqlalchemy import Connection, func, select, update

from db import audit
from db.audit import Actor
from db.errors import BooksError, PermissionDenied
from db.masters import get_setting, set_setting
from db.money import money_str, parse_money
from db.schema import (approval_events, approval_steps, documents, purchase_orders, suppliers,
                       users)

LADDER = ("manager", "owner")
RULES_KEY = "approval.rules"


@dataclass(frozen=True)
class RuleStep:
    above: int            # fen: orders whose total is above this need the step
    role: str             # "manager" or "owner"
    skippable: bool       # an urgent order skips it


@dataclass(frozen=True)
class ApprovalRules:
    hours: int
    steps: tuple[RuleStep, ...]

    def as_json(self) -> str:
        return json.dumps({"hours": self.hours, "steps": [
            {"above": money_str(s.above), "role": s.role, "skippable": s.skippable}
            for s in self.steps]}, ensure_ascii=False)


DEFAULT_RULES = ApprovalRules(48, (RuleStep(500000, "manager", False),
                                   RuleStep(2000000, "owner", False)))


def parse_rules(text: str) -> ApprovalRules:
    """The rules from their JSON; BooksError naming what is wrong."""
    try:
        data = json.loads(text)
        hours = int(data.get("hours", 48))
        raw = data["steps"]
    except (ValueError, TypeError, KeyError, AttributeError):
        raise BooksError('approval rules: expected {"hours": 48, "steps": [{"above": "5000.00", '
                         '"role": "manager", "skippable": false}, ...]}') from None
    if not 1 <= hours <= 24 * 90:
        raise BooksError(f"approval rules: the time limit is 1 to 2160 hours, not {hours}")
    steps = []
    for i, s in enumerate(raw, 1):
        if not isinstance(s, dict) or s.get("role") not in LADDER:
            raise BooksError(f"approval rules: step {i} needs a role, one of {', '.join(LADDER)}")
        above = parse_money(str(s.get("above", "0")), f"approval rules: step {i}'s amount")
        if above < 0:
            raise BooksError(f"approval rules: step {i}'s amount cannot be below zero")
        if steps and above < steps[-1].above:
            raise BooksError(f"approval rules: step {i}'s amount is below the step before it")
        steps.append(RuleStep(above, s["role"], bool(s.get("skippable", False))))
    return ApprovalRules(hours, tuple(steps))


def rules(conn: Connection) -> ApprovalRules:
    text = get_setting(conn, RULES_KEY)
    return parse_rules(text) if text else DEFAULT_RULES


def save_rules(conn: Connection, actor: Actor, new: ApprovalRules) -> None:
    parse_rules(new.as_json())                     # the same checks as typed rules
    set_setting(conn, actor, RULES_KEY, new.as_json())


# ---------------------------------------------------------------- the ladder

def with_article(role: str) -> str:
    return f"an {role}" if role[:1] in "aeiou" else f"a {role}"


def rank(role: str) -> int:
    return LADDER.index(role) if role in LADDER else -1


def can_decide(role: str, assigned_role: str) -> bool:
    return rank(role) >= rank(assigned_role) >= 0


def _up(role: str) -> str | None:
    i = rank(role)
    return LADDER[i + 1] if 0 <= i < len(LADDER) - 1 else None


def _holders(conn: Connection, role: str, creator_id: int) -> int:
    """Active accounts of exactly that role, the order's creator not counted."""
    return conn.execute(select(func.count()).select_from(users).where(
        users.c.role == role, users.c.active.is_(True), users.c.id != creator_id)).scalar_one()


def _event(conn: Connection, doc_id: int, kind: str, at: dt.datetime, *, from_role=None,
           to_role=None, user_id=None, note: str = "") -> None:
    conn.execute(approval_events.insert().values(
        document_id=doc_id, at=at, kind=kind, from_role=from_role, to_role=to_role,
        user_id=user_id, note=note))


# ---------------------------------------------------------------- submitting

def plan(conn: Connection, doc_id: int, total: int, urgent: bool, creator: Actor,
         now: dt.datetime) -> str:
    """Writes the order's steps under today's rules; returns the order's status
    ('approved' when no step is left to wait for, else 'awaiting-approval')."""
    r = rules(conn)
    needed = [s for s in r.steps if total > s.above]
    for seq, s in enumerate(needed, 1):
        skip = urgent and s.skippable
        conn.execute(approval_steps.insert().values(
            document_id=doc_id, seq=seq, role=s.role, assigned_role=s.role,
            status="skipped" if skip else "pending", escalations=0, timed_out=False,
            decided_at=now if skip else None))
        if skip:
            _event(conn, doc_id, "skipped", now, from_role=s.role, note="urgent")
    _event(conn, doc_id, "submitted", now, user_id=creator.id, note=money_str(total))
    return _advance(conn, doc_id, creator.id, now, r.hours)


def _advance(conn: Connection, doc_id: int, creator_id: int, now: dt.datetime,
             hours: int) -> str:
    """The next pending step starts waiting (reassigned or waived as needed)."""
    while True:
        step = conn.execute(select(approval_steps).where(
            approval_steps.c.document_id == doc_id, approval_steps.c.status == "pending")
            .order_by(approval_steps.c.seq).limit(1)).first()
        if step is None:
            return "approved"
        conn.execute(update(approval_steps).where(approval_steps.c.id == step.id).values(
            status="waiting", started_at=now, due_at=now + dt.timedelta(hours=hours)))
        if _ensure_approver(conn, step.id, creator_id, now, may_waive=True):
            return "awaiting-approval"


def _ensure_approver(conn: Connection, step_id: int, creator_id: int, now: dt.datetime, *,
                     may_waive: bool) -> bool:
    """Moves a waiting step up the ladder until some account other than the
    creator holds its role. False when the step was waived instead."""
    step = conn.execute(select(approval_steps).where(approval_steps.c.id == step_id)).one()
    role = step.assigned_role
    while _holders(conn, role, creator_id) == 0 and _up(role) is not None:
        new = _up(role)
        _event(conn, step.document_id, "reassigned", now, from_role=role, to_role=new,
               note=f"no active {role} other than the order's creator")
        role = new
    if role != step.assigned_role:
        conn.execute(update(approval_steps).where(approval_steps.c.id == step_id)
                     .values(assigned_role=role))
    if _holders(conn, role, creator_id) > 0:
        return True
    creator_role = conn.execute(select(users.c.role).where(users.c.id == creator_id)).scalar()
    if may_waive and can_decide(creator_role or "", role):
        conn.execute(update(approval_steps).where(approval_steps.c.id == step_id).values(
            status="waived", decided_at=now))
        _event(conn, step.document_id, "waived", now, from_role=role, user_id=creator_id,
               note="nobody but the order's creator could approve it")
        return False
    return True          # nobody at all: it stays waiting, and `alerts` says so


# ---------------------------------------------------------------- time passing

def tick(conn: Connection, now: dt.datetime) -> int:
    """Escalates every waiting step whose time limit has passed (as often as
    limits have passed); returns how many steps changed."""
    due = conn.execute(select(approval_steps.c.id).where(
        approval_steps.c.status == "waiting", approval_steps.c.due_at <= now,
        approval_steps.c.timed_out.is_(False)).order_by(approval_steps.c.id)).scalars().all()
    if not due:
        return 0
    hours = dt.timedelta(hours=rules(conn).hours)
    for step_id in due:
        step = conn.execute(select(approval_steps, documents.c.user_id.label("creator"))
                            .join(documents, documents.c.id == approval_steps.c.document_id)
                            .where(approval_steps.c.id == step_id).with_for_update()).one()
        role, due_at, n, timed_out = step.assigned_role, step.due_at, step.escalations, False
        while due_at <= now:
            new = _up(role)
            if new is None:
                timed_out = True
                _event(conn, step.document_id, "timeout", due_at, from_role=role,
                       note="the time limit passed at the top of the ladder")
                break
            _event(conn, step.document_id, "escalated", due_at, from_role=role, to_role=new,
                   note="the time limit passed")
            role, due_at, n = new, due_at + hours, n + 1
        conn.execute(update(approval_steps).where(approval_steps.c.id == step_id).values(
            assigned_role=role, due_at=due_at, escalations=n, timed_out=timed_out))
        _ensure_approver(conn, step_id, step.creator, now, may_waive=False)
    return len(due)


def due_now(conn: Connection, now: dt.datetime) -> bool:
    """Whether tick has anything to do (a read, so callers write only when needed)."""
    return conn.execute(select(approval_steps.c.id).where(
        approval_steps.c.status == "waiting", approval_steps.c.due_at <= now,
        approval_steps.c.timed_out.is_(False)).limit(1)).first() is not None


def reassign_all(conn: Connection, now: dt.datetime) -> None:
    """After an account was deactivated or changed role: every waiting step
    again has someone who may decide it."""
    for step_id, creator in conn.execute(
            select(approval_steps.c.id, documents.c.user_id)
            .join(documents, documents.c.id == approval_steps.c.document_id)
            .where(approval_steps.c.status == "waiting")).all():
        _ensure_approver(conn, step_id, creator, now, may_waive=False)


# ---------------------------------------------------------------- deciding

def waiting_step(conn: Connection, doc_id: int):
    return conn.execute(select(approval_steps).where(
        approval_steps.c.document_id == doc_id, approval_steps.c.status == "waiting")).first()


def decide(conn: Connection, actor: Actor, order, approve: bool, reason: str,
           now: dt.datetime) -> str:
    """The actor's decision on the order (a locked documents row) awaiting
    approval; returns the order's new status."""
    if order.status != "awaiting-approval":
        raise BooksError(f"{order.number} is {order.status.replace('-', ' ')}, "
                         "not awaiting approval")
    if actor.id == order.user_id:
        raise PermissionDenied(f"{actor.name} created {order.number}: someone else must "
                               "approve or reject it")
    step = waiting_step(conn, order.id)
    if step is None:
        raise BooksError(f"{order.number} has no approval waiting")
    if not can_decide(actor.role, step.assigned_role):
        raise PermissionDenied(f"{order.number} waits for "
                               f"{with_article(step.assigned_role)}'s approval; "
                               f"{actor.name} is {with_article(actor.role)}")
    if not approve:
        reason = " ".join((reason or "").split())
        if not reason:
            raise BooksError(f"rejecting {order.number} needs a reason for its creator")
        conn.execute(update(approval_steps).where(approval_steps.c.id == step.id).values(
            status="rejected", decided_at=now, decided_by=actor.id))
        conn.execute(update(approval_steps).where(
            approval_steps.c.document_id == order.id, approval_steps.c.status == "pending")
            .values(status="cancelled"))
        _event(conn, order.id, "rejected", now, from_role=step.assigned_role, user_id=actor.id,
               note=reason)
        return "rejected"
    hours = rules(conn).hours
    while step is not None and can_decide(actor.role, step.assigned_role):
        conn.execute(update(approval_steps).where(approval_steps.c.id == step.id).values(
            status="approved", decided_at=now, decided_by=actor.id))
        _event(conn, order.id, "approved", now, from_role=step.assigned_role, user_id=actor.id)
        if _advance(conn, order.id, order.user_id, now, hours) == "approved":
            return "approved"
        step = waiting_step(conn, order.id)       # a higher step: the actor's too if they may
    return "awaiting-approval"


# ---------------------------------------------------------------- the inbox

@dataclass(frozen=True)
class Waiting:
    number: str
    supplier: str
    total: int
    urgent: bool
    creator: str
    created_at: dt.datetime
    role: str             # who decides now
    since: dt.datetime    # waiting since
    due_at: dt.datetime
    escalations: int
    timed_out: bool


def _waiting_query():
    creator = users.alias("creator")
    return (select(documents.c.number, suppliers.c.name.label("supplier"), documents.c.total,
                   purchase_orders.c.urgent, creator.c.name.label("creator"),
                   documents.c.created_at, approval_steps.c.assigned_role,
                   approval_steps.c.started_at, approval_steps.c.due_at,
                   approval_steps.c.escalations, approval_steps.c.timed_out,
                   documents.c.user_id)
            .select_from(approval_steps
                         .join(documents, documents.c.id == approval_steps.c.document_id)
                         .join(purchase_orders, purchase_orders.c.document_id == documents.c.id)
                         .join(suppliers, suppliers.c.id == documents.c.supplier_id)
                         .join(creator, creator.c.id == documents.c.user_id))
            .where(approval_steps.c.status == "waiting")
            .order_by(purchase_orders.c.urgent.desc(), approval_steps.c.started_at,
                      documents.c.id))


def _waiting(row) -> Waiting:
    return Waiting(row.number, row.supplier, row.total, bool(row.urgent), row.creator,
                   row.created_at, row.assigned_role, row.started_at, row.due_at,
                   row.escalations, bool(row.timed_out))


def inbox(conn: Connection, actor: Actor) -> list[Waiting]:
    """The orders waiting for a decision this actor may take: urgent first, then oldest."""
    mine = [r for r in LADDER if can_decide(actor.role, r)]
    if not mine:
        return []
    return [_waiting(r) for r in conn.execute(_waiting_query().where(
        approval_steps.c.assigned_role.in_(mine), documents.c.user_id != actor.id))]


def all_waiting(conn: Connection) -> list[Waiting]:
    return [_waiting(r) for r in conn.execute(_waiting_query())]


@dataclass(frozen=True)
class Rejected:
    number: str
    supplier: str
    total: int
    rejected_at: dt.datetime
    by: str
    reason: str


def rejected_for(conn: Connection, actor: Actor, since: dt.datetime) -> list[Rejected]:
    """The actor's own orders rejected since then, with the reason: the way back to the creator."""
    decider = users.alias("decider")
    rows = conn.execute(
        select(documents.c.number, suppliers.c.name, documents.c.total,
               purchase_orders.c.rejected_at, decider.c.name.label("by"), purchase_orders.c.reason)
        .select_from(documents.join(purchase_orders,
                                    purchase_orders.c.document_id == documents.c.id)
                     .join(suppliers, suppliers.c.id == documents.c.supplier_id)
                     .join(approval_steps, (approval_steps.c.document_id == documents.c.id)
                           & (approval_steps.c.status == "rejected"))
                     .join(decider, decider.c.id == approval_steps.c.decided_by))
        .where(documents.c.user_id == actor.id, documents.c.status == "rejected",
               purchase_orders.c.rejected_at >= since)
        .order_by(purchase_orders.c.rejected_at.desc())).all()
    return [Rejected(*r) for r in rows]


def record(conn: Connection, actor: Actor, action: str, number: str, **detail) -> None:
    audit.append(conn, actor, action, "purchase-order", number, detail)
