"""Purchase orders: made, submitted under the approval rules (db.approvals),
received in one or several receipts, cancelled; reorder suggestions turned
into draft orders; the approval process report.

An order is a documents row (kind purchase-order, numbered CG...) with its
lines (price = unit cost) and a purchase_orders row. It moves no stock and
no money: the receipts against it do (db.documents.purchase_receipt, its
ref_id the order, each line's ref_line_id the order line it fills).
Status: draft -> awaiting-approval -> approved -> partly-received ->
received, or rejected / cancelled; the receiving status is recomputed from
the receipts whenever one is posted or cancelled.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import Connection, func, select, update

from db import approvals, clock
from db import documents as docs
from db.audit import Actor
from db.documents import LineIn
from db.errors import BooksError, PermissionDenied
from db.masters import find_supplier, get_setting
from db.money import line_amount, money_str, qty_str
from db.permissions import may
from db.posting import Posted, get_document, insert_document, resolve_products
from db.schema import (approval_events, document_lines, documents, products, purchase_orders,
                       stock, suppliers, users)

RECEIVE_WITHOUT_ORDER = "receive_without_order"     # setting: "0" makes receipts need an order
OPEN = ("approved", "partly-received")               # orders that can be received against


def _lock_order(conn: Connection, number: str):
    doc = get_document(conn, number, "purchase-order")
    return conn.execute(select(documents).where(documents.c.id == doc.id).with_for_update()).one()


def _set_status(conn: Connection, order_id: int, status: str, **po) -> None:
    conn.execute(update(documents).where(documents.c.id == order_id).values(status=status))
    if po:
        conn.execute(update(purchase_orders).where(purchase_orders.c.document_id == order_id)
                     .values(**po))


# ---------------------------------------------------------------- making and submitting

def create(conn: Connection, actor: Actor, supplier: str, lines: list[LineIn], *,
           expected: dt.date | None = None, urgent: bool = False, submit: bool = True,
           note: str = "", client_id: str | None = None) -> Posted:
    """A new order; submitted at once unless submit=False (a draft). A line
    without a cost takes the product's last cost."""
    if not lines:
        raise BooksError("a purchase order needs at least one line")
    sup_id = find_supplier(conn, supplier)
    prods = resolve_products(conn, [l.code for l in lines])
    last = dict(conn.execute(select(stock.c.product_id, stock.c.last_cost).where(
        stock.c.product_id.in_({p.id for p in prods.values()}))).all())
    rows, seen = [], set()
    for i, l in enumerate(lines, 1):
        p = prods[l.code]
        if l.qty <= 0:
            raise BooksError(f"line {i} ({p.sku}): quantity must be above zero")
        if p.id in seen:
            raise BooksError(f"line {i} ({p.sku}): the product is on the order twice")
        seen.add(p.id)
        cost = l.price if l.price is not None else last.get(p.id, 0)
        if cost <= 0:
            raise BooksError(f"line {i} ({p.sku}): give the unit cost (it was never received)")
        rows.append({"line_no": i, "product_id": p.id, "qty": l.qty, "price": cost,
                     "amount": line_amount(cost, l.qty)})
    if expected is not None and expected < clock.today():
        raise BooksError(f"the expected date {expected} is in the past")
    total = sum(r["amount"] for r in rows)
    now = clock.now()
    doc_id, number = insert_document(conn, kind="purchase-order", user_id=actor.id,
                                     client_id=client_id, supplier_id=sup_id, total=total,
                                     status="draft", note=note.strip())
    docs.insert_lines(conn, doc_id, rows)
    conn.execute(purchase_orders.insert().values(document_id=doc_id, expected_date=expected,
                                                 urgent=bool(urgent), reason=""))
    approvals.record(conn, actor, "purchase-order.create", number, total=money_str(total),
                     supplier=supplier, urgent=bool(urgent))
    status = "draft"
    if submit:
        status = _submit(conn, actor, doc_id, number, total, bool(urgent), now)
    return Posted(doc_id, number, "purchase-order", total, status=status)


def _submit(conn: Connection, actor: Actor, doc_id: int, number: str, total: int, urgent: bool,
            now: dt.datetime) -> str:
    status = approvals.plan(conn, doc_id, total, urgent, actor, now)
    _set_status(conn, doc_id, status, submitted_at=now,
                **({"approved_at": now} if status == "approved" else {}))
    approvals.record(conn, actor, "purchase-order.submit", number, status=status)
    return status


def submit(conn: Connection, actor: Actor, number: str) -> Posted:
    order = _lock_order(conn, number)
    if order.status != "draft":
        raise BooksError(f"{order.number} is {order.status.replace('-', ' ')}: only a draft "
                         "order is submitted")
    urgent = conn.execute(select(purchase_orders.c.urgent).where(
        purchase_orders.c.document_id == order.id)).scalar()
    status = _submit(conn, actor, order.id, order.number, order.total, bool(urgent), clock.now())
    return Posted(order.id, order.number, "purchase-order", order.total, status=status)


def decide(conn: Connection, actor: Actor, number: str, approve: bool,
           reason: str = "") -> Posted:
    now = clock.now()
    approvals.tick(conn, now)
    order = _lock_order(conn, number)
    status = approvals.decide(conn, actor, order, approve, reason, now)
    if status == "approved":
        _set_status(conn, order.id, status, approved_at=now)
    elif status == "rejected":
        _set_status(conn, order.id, status, rejected_at=now, reason=" ".join(reason.split()))
    approvals.record(conn, actor, "approve" if approve else "reject", order.number,
                     status=status, **({} if approve else {"reason": " ".join(reason.split())}))
    return Posted(order.id, order.number, "purchase-order", order.total, status=status)


def cancel(conn: Connection, actor: Actor, number: str) -> Posted:
    """An order nothing was received against: its creator, or a manager, cancels it."""
    order = _lock_order(conn, number)
    if order.user_id != actor.id and not may(actor, "cancel"):
        raise PermissionDenied(f"{actor.name} ({actor.role}) may not cancel {order.number}, "
                               "made by someone else")
    if order.status in ("partly-received", "received"):
        raise BooksError(f"{order.number} is {order.status.replace('-', ' ')}: cancel its "
                         "receipts first")
    if order.status in ("cancelled", "rejected"):
        raise BooksError(f"{order.number} is already {order.status}")
    from db.schema import approval_steps
    conn.execute(update(approval_steps).where(
        approval_steps.c.document_id == order.id,
        approval_steps.c.status.in_(("pending", "waiting"))).values(status="cancelled"))
    conn.execute(update(documents).where(documents.c.id == order.id)
                 .values(status="cancelled", cancelled_at=clock.now()))
    approvals.record(conn, actor, "cancel", order.number, was=order.status)
    return Posted(order.id, order.number, "purchase-order", order.total, status="cancelled")


# ---------------------------------------------------------------- one order, as read

@dataclass(frozen=True)
class OrderLine:
    line_id: int
    sku: str
    name: str
    unit: str
    batch_tracked: bool
    qty: int            # ordered, milli
    received: int       # milli, by posted receipts
    cost: int           # fen per unit

    @property
    def remaining(self) -> int:
        return max(0, self.qty - self.received)


@dataclass(frozen=True)
class Order:
    id: int
    number: str
    status: str
    supplier: str
    creator: str
    created_at: dt.datetime
    total: int
    expected: dt.date | None
    urgent: bool
    reason: str
    note: str
    lines: list[OrderLine]


def _received(conn: Connection, order_id: int) -> dict[int, int]:
    """Order line id -> quantity received by live receipts (reversals net them out)."""
    return {k: int(v or 0) for k, v in conn.execute(
        select(document_lines.c.ref_line_id, func.sum(document_lines.c.qty))
        .join(documents, documents.c.id == document_lines.c.document_id)
        .where(documents.c.ref_id == order_id, documents.c.kind == "purchase-receipt")
        .group_by(document_lines.c.ref_line_id)).all() if k is not None}


def detail(conn: Connection, number: str) -> Order:
    doc = get_document(conn, number, "purchase-order")
    got = _received(conn, doc.id)
    lines = [OrderLine(r.id, r.sku, r.name, r.unit, bool(r.batch_tracked), r.qty,
                       got.get(r.id, 0), r.price)
             for r in conn.execute(
                 select(document_lines.c.id, products.c.sku, products.c.name, products.c.unit,
                        products.c.batch_tracked, document_lines.c.qty, document_lines.c.price)
                 .join(products, products.c.id == document_lines.c.product_id)
                 .where(document_lines.c.document_id == doc.id)
                 .order_by(document_lines.c.line_no))]
    po = conn.execute(select(purchase_orders).where(
        purchase_orders.c.document_id == doc.id)).one()
    supplier = conn.execute(select(suppliers.c.name).where(
        suppliers.c.id == doc.supplier_id)).scalar()
    creator = conn.execute(select(users.c.name).where(users.c.id == doc.user_id)).scalar()
    return Order(doc.id, doc.number, doc.status, supplier, creator, doc.created_at, doc.total,
                 po.expected_date, bool(po.urgent), po.reason, doc.note, lines)


def refresh_status(conn: Connection, order_id: int) -> str:
    """partly-received / received from the receipts (after one is posted or cancelled)."""
    doc = conn.execute(select(documents.c.status).where(documents.c.id == order_id)).one()
    if doc.status not in (*OPEN, "received"):
        return doc.status
    got = _received(conn, order_id)
    ordered = conn.execute(select(document_lines.c.id, document_lines.c.qty).where(
        document_lines.c.document_id == order_id)).all()
    if all(got.get(i, 0) >= q for i, q in ordered):
        status = "received"
    elif any(got.get(i, 0) > 0 for i, _q in ordered):
        status = "partly-received"
    else:
        status = "approved"
    if status != doc.status:
        _set_status(conn, order_id, status,
                    received_at=clock.now() if status == "received" else None)
    return status


# ---------------------------------------------------------------- receiving

def receive(conn: Connection, actor: Actor, number: str, lines: list[LineIn] | None, *,
            confirmed_by: Actor | None = None, client_id: str | None = None) -> Posted:
    """Goods in against an approved order: all that is still to come (lines=None),
    or the lines given (a cost left out is the order's). More than remains on a
    line needs the 'over-receive' permission, the receiver's or confirmed_by's."""
    order = _lock_order(conn, number)
    if order.status not in OPEN:
        raise BooksError(f"{order.number} is {order.status.replace('-', ' ')}: goods are "
                         "received against an approved order")
    o = detail(conn, order.number)
    by_sku = {l.sku: l for l in o.lines}
    if lines is None:
        lines = [LineIn(l.sku, l.remaining, l.cost) for l in o.lines if l.remaining > 0]
    prods = resolve_products(conn, [l.code for l in lines])
    chosen, refs, over = [], [], []
    taking: dict[str, int] = defaultdict(int)
    for i, l in enumerate(lines, 1):
        p = prods[l.code]
        ol = by_sku.get(p.sku)
        if ol is None:
            raise BooksError(f"line {i} ({p.sku}): not on order {order.number}")
        taking[p.sku] += l.qty
        if taking[p.sku] > ol.remaining:
            over.append(f"{p.sku} {qty_str(taking[p.sku])} of {qty_str(ol.remaining)} still due")
        chosen.append(LineIn(p.sku, l.qty, ol.cost if l.price is None else l.price,
                             l.batch, l.expiry))
        refs.append(ol.line_id)
    if over and not may(actor, "over-receive"):
        if confirmed_by is None or not may(confirmed_by, "over-receive"):
            raise PermissionDenied(f"receiving more than ordered on {order.number} ("
                                   f"{'; '.join(over)}) needs a manager's confirmation")
    posted = docs.purchase_receipt(conn, actor, o.supplier, chosen, client_id=client_id,
                                   order_id=order.id, ref_lines=refs,
                                   audit_more={"order": order.number,
                                               **({"over": over} if over else {}),
                                               **({"confirmed_by": confirmed_by.name}
                                                  if over and confirmed_by else {})})
    posted.extra["order_status"] = refresh_status(conn, order.id)
    return posted


def receipts_need_an_order(conn: Connection) -> bool:
    return get_setting(conn, RECEIVE_WITHOUT_ORDER, "1") == "0"


# ---------------------------------------------------------------- reorder suggestions

@dataclass(frozen=True)
class Suggestion:
    sku: str
    name: str
    unit: str
    supplier: str | None     # of the product's last receipt; None: never received
    on_hand: int
    min_qty: int
    max_qty: int | None
    qty: int                 # to order: up to the maximum (or the minimum without one)
    cost: int                # last cost, fen


def _last_suppliers(conn: Connection, product_ids: list[int]) -> dict[int, str]:
    """The supplier of each product's latest receipt."""
    out: dict[int, str] = {}
    for i in range(0, len(product_ids), 500):
        chunk = product_ids[i:i + 500]
        latest = (select(document_lines.c.product_id, func.max(documents.c.id).label("doc"))
                  .join(documents, documents.c.id == document_lines.c.document_id)
                  .where(document_lines.c.product_id.in_(chunk),
                         documents.c.kind == "purchase-receipt",
                         documents.c.status == "posted", documents.c.reverses_id.is_(None))
                  .group_by(document_lines.c.product_id).subquery())
        for pid, name in conn.execute(
                select(latest.c.product_id, suppliers.c.name)
                .join(documents, documents.c.id == latest.c.doc)
                .join(suppliers, suppliers.c.id == documents.c.supplier_id)):
            out[pid] = name
    return out


def reorder_suggestions(conn: Connection) -> list[Suggestion]:
    rows = conn.execute(
        select(products.c.id, products.c.sku, products.c.name, products.c.unit,
               products.c.min_qty, products.c.max_qty, stock.c.qty, stock.c.last_cost)
        .join(stock, stock.c.product_id == products.c.id)
        .where(products.c.active.is_(True), products.c.min_qty.is_not(None),
               stock.c.qty < products.c.min_qty)
        .order_by(products.c.sku)).all()
    sup = _last_suppliers(conn, [r.id for r in rows])
    out = []
    for r in rows:
        target = r.max_qty if r.max_qty is not None and r.max_qty > r.min_qty else r.min_qty
        out.append(Suggestion(r.sku, r.name, r.unit, sup.get(r.id), r.qty, r.min_qty, r.max_qty,
                              target - r.qty, r.last_cost))
    return out


def draft_reorders(conn: Connection, actor: Actor) -> tuple[list[Posted], list[Suggestion]]:
    """One draft order per supplier for every suggestion with a known supplier and
    cost; returns the drafts and the suggestions left out (no supplier or cost yet)."""
    by_supplier: dict[str, list[Suggestion]] = defaultdict(list)
    left = []
    for s in reorder_suggestions(conn):
        (by_supplier[s.supplier] if s.supplier and s.cost > 0 else left).append(s)
    made = [create(conn, actor, name, [LineIn(s.sku, s.qty, s.cost) for s in items],
                   submit=False, note="reorder suggestion")
            for name, items in sorted(by_supplier.items())]
    return made, left


# ---------------------------------------------------------------- the process report

@dataclass(frozen=True)
class ProcessMonth:
    month: str                       # "2026-12"
    orders: int                      # submitted that month
    approved: int
    rejected: int
    hours_to_approval: float | None  # mean, submitted -> approved
    hours_to_receipt: float | None   # mean, submitted -> fully received
    rejection_rate: float | None     # rejected / (approved + rejected)
    escalations: int
    timeouts: int
    reassignments: int


def process_report(conn: Connection, date_from: dt.date, date_to: dt.date) -> list[ProcessMonth]:
    """Per month of submission, from date_from to date_to inclusive."""
    start = dt.datetime.combine(date_from, dt.time())
    end = dt.datetime.combine(date_to + dt.timedelta(days=1), dt.time())
    rows = conn.execute(
        select(documents.c.id, documents.c.status, purchase_orders.c.submitted_at,
               purchase_orders.c.approved_at, purchase_orders.c.rejected_at,
               purchase_orders.c.received_at)
        .join(purchase_orders, purchase_orders.c.document_id == documents.c.id)
        .where(purchase_orders.c.submitted_at >= start, purchase_orders.c.submitted_at < end)
        .order_by(purchase_orders.c.submitted_at)).all()
    events: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    ids = [r.id for r in rows]
    for i in range(0, len(ids), 500):
        for doc_id, kind, n in conn.execute(
                select(approval_events.c.document_id, approval_events.c.kind, func.count())
                .where(approval_events.c.document_id.in_(ids[i:i + 500]))
                .group_by(approval_events.c.document_id, approval_events.c.kind)):
            events[doc_id][kind] = n
    months: dict[str, list] = defaultdict(list)
    for r in rows:
        months[r.submitted_at.strftime("%Y-%m")].append(r)

    def mean_hours(pairs) -> float | None:
        spans = [(b - a).total_seconds() / 3600 for a, b in pairs if a and b]
        return round(sum(spans) / len(spans), 1) if spans else None

    out = []
    for month, rs in sorted(months.items()):
        approved = [r for r in rs if r.approved_at]
        rejected = [r for r in rs if r.rejected_at]
        decided = len(approved) + len(rejected)
        out.append(ProcessMonth(
            month, len(rs), len(approved), len(rejected),
            mean_hours((r.submitted_at, r.approved_at) for r in approved),
            mean_hours((r.submitted_at, r.received_at) for r in rs if r.received_at),
            round(len(rejected) / decided, 3) if decided else None,
            sum(events[r.id]["escalated"] for r in rs),
            sum(events[r.id]["timeout"] for r in rs),
            sum(events[r.id]["reassigned"] for r in rs)))
    return out
