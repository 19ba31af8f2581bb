"""`check`: verify the books from the ledger up.

Recomputes on-hand quantities and values, batch quantities, moving-average
costs and customer/supplier balances from the append-only ledgers (each
starting from the openings an archive left, db.archive, if any) and
compares them with the caches posting maintains; checks that document
totals add up, that numbering is unique and gapless per kind and day, that
every reversal stands beside a cancelled original, and walks the audit
chain. Returns the breaches found, first breach first.
"""
from __future__ import annotations

import re
from collections import defaultdict

from sqlalchemy import Connection, Engine, select

from db import audit
from db.archive import archived_numbers, openings
from db.money import cost_share, money_str, qty_str
from db.schema import (int_sum, DOC_KINDS, account_ledger, batches, customers, doc_counters,
                       document_lines, documents, products, stock, stock_ledger, suppliers)

MAX_BREACHES = 50
# Kinds whose outgoing stock is priced at the moving average when posted.
AVERAGE_PRICED = {"sale", "purchase-return", "adjustment", "stocktake"}
_NUMBER = re.compile(r"^([A-Z]{2})(\d{8})-(\d{4,})$")


def check_books(engine: Engine) -> list[str]:
    breaches: list[str] = []
    with engine.connect() as conn:
        for step in (_stock_cache, _batches, _costs, _balances, _totals, _numbering, _rollups):
            breaches.extend(step(conn))
            if len(breaches) >= MAX_BREACHES:
                return breaches[:MAX_BREACHES]
        chain = audit.verify(conn)
        if chain:
            breaches.append(chain)
    return breaches


def _archived(opening: dict, amount: str | None = None) -> str:
    """How a breach's message names the archive's share, once there is an archive."""
    if not opening:
        return ""
    return f" (with {amount} from the archive)" if amount is not None else " (with the archive's)"


def _stock_cache(conn: Connection) -> list[str]:
    opening = openings(conn, "product")
    sums = select(stock_ledger.c.product_id, int_sum(stock_ledger.c.qty).label("q"),
                  int_sum(stock_ledger.c.value).label("v")
                  ).group_by(stock_ledger.c.product_id).subquery()
    rows = conn.execute(
        select(products.c.id, products.c.sku, stock.c.qty, stock.c.value, sums.c.q, sums.c.v)
        .select_from(products.outerjoin(stock, stock.c.product_id == products.c.id)
                     .outerjoin(sums, sums.c.product_id == products.c.id))
        .order_by(products.c.sku))
    out = []
    for r in rows:
        if r.qty is None:
            out.append(f"stock: product {r.sku} has no on-hand row")
            continue
        oq, ov, _lid = opening.get(r.id, (0, 0, None))
        q, v = (r.q or 0) + oq, (r.v or 0) + ov
        if r.qty != q:
            out.append(f"stock: {r.sku} shows {qty_str(r.qty)} on hand but its ledger adds up "
                       f"to {qty_str(q)}{_archived(opening, qty_str(oq))}")
        elif r.value != v:
            out.append(f"stock: {r.sku} is valued {money_str(r.value)} but its ledger adds up "
                       f"to {money_str(v)}{_archived(opening, money_str(ov))}")
    return out


def _batches(conn: Connection) -> list[str]:
    opening = openings(conn, "batch")
    sums = select(stock_ledger.c.batch_id, int_sum(stock_ledger.c.qty).label("q")
                  ).where(stock_ledger.c.batch_id.is_not(None)
                          ).group_by(stock_ledger.c.batch_id).subquery()
    rows = conn.execute(select(batches.c.id, products.c.sku, batches.c.batch_no, batches.c.qty,
                               sums.c.q)
                        .select_from(batches.join(products)
                                     .outerjoin(sums, sums.c.batch_id == batches.c.id))
                        .order_by(products.c.sku, batches.c.batch_no))
    out = []
    for r in rows:
        q = (r.q or 0) + opening.get(r.id, (0, 0, None))[0]
        if r.qty != q:
            out.append(f"stock: batch {r.batch_no} of {r.sku} shows {qty_str(r.qty)} but its "
                       f"ledger adds up to {qty_str(q)}{_archived(opening)}")
    return out


def _costs(conn: Connection) -> list[str]:
    """db.check's replay, each product starting from its opening. Rows of documents
    kept live that precede the product's last archived row (a sale kept for a newer
    return) are added without re-pricing: their average included archived rows."""
    opening = openings(conn, "product")
    led, doc = stock_ledger.c, documents.c
    rows = conn.execute(
        select(led.id, led.product_id, led.document_id, led.line_no, led.qty, led.value,
               led.flag, doc.kind, doc.number, doc.reverses_id)
        .join(documents, documents.c.id == led.document_id)
        .order_by(led.product_id, led.id)
        .execution_options(yield_per=20_000))
    skus = dict(conn.execute(select(products.c.id, products.c.sku)).all())
    out: list[str] = []
    state = {"pid": None, "qty": 0, "value": 0, "cut": None}

    def settle(group) -> None:
        g_qty = sum(r.qty for r in group)
        g_value = sum(r.value for r in group)
        first = group[0]
        qty, value, cut = state["qty"], state["value"], state["cut"]
        priced_here = (first.kind in AVERAGE_PRICED and first.reverses_id is None
                       and g_qty < 0 and all(r.flag is None for r in group)
                       and (cut is None or first.id > cut))
        if priced_here and qty >= -g_qty and qty > 0:
            expected = -cost_share(value, qty, -g_qty)
            if g_value != expected and len(out) < MAX_BREACHES:
                out.append(f"costs: {first.number} line {first.line_no} ({skus[first.product_id]}) "
                           f"took {money_str(-g_value)} of stock, the moving average says "
                           f"{money_str(-expected)}")
        state["qty"] += g_qty
        state["value"] += g_value

    group: list = []
    for r in rows:
        if r.product_id != state["pid"]:
            if group:
                settle(group)
            oq, ov, cut = opening.get(r.product_id, (0, 0, None))
            state.update(pid=r.product_id, qty=oq, value=ov, cut=cut)
            group = []
        elif group and (r.document_id, r.line_no) != (group[0].document_id, group[0].line_no):
            settle(group)
            group = []
        group.append(r)
    if group:
        settle(group)
    return out


def _balances(conn: Connection) -> list[str]:
    out = []
    for table, col, what in ((customers, account_ledger.c.customer_id, "customer"),
                             (suppliers, account_ledger.c.supplier_id, "supplier")):
        opening = openings(conn, what)
        sums = select(col.label("pid"), int_sum(account_ledger.c.amount).label("s")
                      ).where(col.is_not(None)).group_by(col).subquery()
        for r in conn.execute(select(table.c.id, table.c.name, table.c.balance, sums.c.s)
                              .select_from(table.outerjoin(sums, sums.c.pid == table.c.id))
                              .order_by(table.c.name)):
            s = (r.s or 0) + opening.get(r.id, (0, 0, None))[1]
            if r.balance != s:
                out.append(f"accounts: {what} {r.name} shows a balance of {money_str(r.balance)} "
                           f"but the account ledger adds up to {money_str(s)}{_archived(opening)}")
    return out


def _totals(conn: Connection) -> list[str]:
    lines = select(document_lines.c.document_id, int_sum(document_lines.c.amount).label("a"),
                   int_sum(document_lines.c.cost).label("c")
                   ).group_by(document_lines.c.document_id).subquery()
    moved = select(stock_ledger.c.document_id, int_sum(stock_ledger.c.value).label("v")
                   ).group_by(stock_ledger.c.document_id).subquery()
    kinds = ["sale", "sale-return", "purchase-receipt", "purchase-return"]
    rows = conn.execute(
        select(documents.c.number, documents.c.kind, documents.c.total, lines.c.a, lines.c.c,
               moved.c.v)
        .select_from(documents.outerjoin(lines, lines.c.document_id == documents.c.id)
                     .outerjoin(moved, moved.c.document_id == documents.c.id))
        .where(documents.c.kind.in_(kinds), documents.c.status.in_(["posted", "cancelled"]))
        .order_by(documents.c.id).execution_options(yield_per=20_000))
    out = []
    for r in rows:
        if r.total != (r.a or 0):
            out.append(f"documents: {r.number} totals {money_str(r.total)} but its lines add up "
                       f"to {money_str(r.a or 0)}")
        elif r.kind == "sale" and (r.c or 0) != -(r.v or 0):
            out.append(f"documents: {r.number} records a cost of {money_str(r.c or 0)} but took "
                       f"{money_str(-(r.v or 0))} of stock")
        if len(out) >= MAX_BREACHES:
            break
    return out


def _numbering(conn: Connection) -> list[str]:
    """db.check's numbering over the live and the archived documents together."""
    out = []
    seen: dict[tuple[str, str], list[int]] = defaultdict(list)
    prefixes = {v: k for k, v in DOC_KINDS.items()}
    live_ids: set[int] = set()

    def count(number: str, kind: str) -> None:
        m = _NUMBER.match(number)
        if not m or prefixes.get(m.group(1)) != kind:
            out.append(f"numbering: {number} is not a {kind} number")
        else:
            seen[(kind, m.group(2))].append(int(m.group(3)))

    for i, number, kind in conn.execute(select(documents.c.id, documents.c.number, documents.c.kind)
                                        .where(documents.c.reverses_id.is_(None))
                                        .execution_options(yield_per=50_000)):
        live_ids.add(i)
        count(number, kind)
    for i, number, kind in archived_numbers(conn):
        if i not in live_ids:              # a failed run's copy of a live row counts once
            count(number, kind)
    counters = {(r.kind, r.day): r.last for r in conn.execute(select(doc_counters))}
    for (kind, day), ns in sorted(seen.items()):
        ns.sort()
        if ns != list(range(1, len(ns) + 1)):
            missing = sorted(set(range(1, ns[-1] + 1)) - set(ns))
            dupes = len(ns) - len(set(ns))
            what = (f"{DOC_KINDS[kind]}{day}-{missing[0]:04d} is missing"
                    if missing else f"{dupes} duplicates")
            out.append(f"numbering: {kind} numbers of {day} have a gap or repeat ({what})")
        elif counters.get((kind, day), 0) != ns[-1]:
            out.append(f"numbering: the {kind} counter for {day} stands at "
                       f"{counters.get((kind, day), 0)} but the last number is {ns[-1]}")
    # reversals stand beside their originals (a linked group moves whole)
    rev, orig = documents.alias("rev"), documents.alias("orig")
    for r in conn.execute(select(rev.c.number, orig.c.number.label("original"), orig.c.status,
                                 orig.c.reverses_id.label("orig_reverses"))
                          .select_from(rev.outerjoin(orig, orig.c.id == rev.c.reverses_id))
                          .where(rev.c.reverses_id.is_not(None)).order_by(rev.c.id)):
        if r.original is None or r.orig_reverses is not None or r.number != f"{r.original}-C":
            out.append(f"numbering: reversal {r.number} does not match the document it reverses")
        elif r.status != "cancelled":
            out.append(f"documents: {r.original} has a reversal {r.number} but is not marked cancelled")
    return out


def _rollups(conn: Connection) -> list[str]:
    """The sales rollups against the documents (db.rollups_upkeep.verify)."""
    from db.rollups_upkeep import verify
    return verify(conn)
