"""The kinds of document and their rules, each posted through db.posting.

Each function runs inside the caller's write transaction (see db.books for
the retrying, permission-checking entry points) and returns a Posted.
Lock order everywhere: the document being answered (a sale being returned
or cancelled), then stock rows, then customer/supplier rows, then the
number counter, then the audit head.
"""
from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass

from sqlalchemy import Connection, select, update

from db import audit, clock
from db.audit import Actor
from db.errors import BooksError, InsufficientStock, NotFound, PermissionDenied
from db.masters import find_customer, find_supplier
from db.money import cost_share, line_amount, money_str, qty_str, round_div
from db.permissions import may
from db.posting import (Move, Posted, Product, append_audit, apply_accounts, apply_moves,
                        get_document, insert_document, insert_rows, resolve_products,
                        write_ledgers)
from db.schema import (int_sum, PAYMENT_METHODS, batches, document_lines, document_payments, documents,
                       products, stock, stock_ledger, account_ledger)


def document_numbered(conn: Connection, number: str, what: str = "document",
                      empty: str = "a document number is needed"):
    """The document numbered number as typed or scanned (full-width digits, any letter
    case), looked up on the unique index; NotFound naming `what` if there is none."""
    wanted = unicodedata.normalize("NFKC", number or "").strip()
    if not wanted:
        raise BooksError(empty)
    forms = sorted({wanted, wanted.upper(), wanted.lower()})   # stays on the unique index
    rows = conn.execute(select(documents).where(documents.c.number.in_(forms))).all()
    doc = next((r for r in rows if r.number == wanted), rows[0] if rows else None)
    if doc is None:
        raise NotFound(f"no {what} numbered '{wanted}'")
    return doc


@dataclass
class LineIn:
    """A line as entered: product code (SKU or barcode), quantity, optional price or cost."""
    code: str
    qty: int                      # milli-units
    price: int | None = None      # fen: sale price, or unit cost on receipts
    batch: str | None = None
    expiry: dt.date | None = None


def _audit_post(conn, actor: Actor, kind: str, number: str, total: int, **more) -> None:
    append_audit(conn, actor, "post", kind, number, {"total": money_str(total), **more})


def _line_rows(doc_id: int, rows: list[dict]) -> list[dict]:
    for r in rows:
        r["document_id"] = doc_id
        r.setdefault("price", 0)
        r.setdefault("amount", 0)
        r.setdefault("cost", 0)
        r.setdefault("batch_id", None)
        r.setdefault("expected", None)
        r.setdefault("ref_line_id", None)
    return rows


def insert_lines(conn: Connection, doc_id: int, rows: list[dict]) -> None:
    if rows:
        insert_rows(conn, document_lines, _line_rows(doc_id, rows))


def _positive(line_no: int, l: LineIn) -> None:
    if l.qty <= 0:
        raise BooksError(f"line {line_no} ({l.code}): quantity must be above zero")
    if l.price is not None and l.price < 0:
        raise BooksError(f"line {line_no} ({l.code}): price cannot be negative")


def _cost_by_line(moves: list[Move]) -> dict[int, int]:
    out: dict[int, int] = {}
    for m in moves:
        out[m.line_no] = out.get(m.line_no, 0) - m.value
    return out


def named_batch(conn: Connection, p: Product, l: LineIn, line_no: int, create: bool, *,
                sell_on: dt.date | None = None) -> int | None:
    """The id of the batch a line names (None: it names none); create: a receipt's new
    batch. sell_on: the line sells the batch that day, refused if it expired before."""
    if not l.batch:
        if create and p.batch_tracked:
            raise BooksError(f"line {line_no} ({p.sku}): the product is tracked by batch; "
                             "give a batch number")
        return None
    if not p.batch_tracked:
        raise BooksError(f"line {line_no} ({p.sku}): the product is not tracked by batch")
    row = conn.execute(select(batches.c.id, batches.c.expiry).where(
        batches.c.product_id == p.id, batches.c.batch_no == l.batch)).first()
    if row:
        if l.expiry and row.expiry and row.expiry != l.expiry:
            raise BooksError(f"line {line_no} ({p.sku}): batch {l.batch} expires {row.expiry}, "
                             f"not {l.expiry}")
        if sell_on is not None and row.expiry is not None and row.expiry < sell_on:
            raise BooksError(f"line {line_no} ({p.sku}): batch {l.batch} expired on "
                             f"{row.expiry.isoformat()} and cannot be sold")
        return row.id
    if not create:
        raise BooksError(f"line {line_no} ({p.sku}): no batch {l.batch}")
    return conn.execute(batches.insert().values(product_id=p.id, batch_no=l.batch,
                                                expiry=l.expiry, qty=0)
                        .returning(batches.c.id)).scalar_one()


# ---------------------------------------------------------------- sales

def _payments(payment: str, payments: list[tuple[str, int]] | None, total: int,
              has_customer: bool) -> list[tuple[str, int]]:
    """The sale's money by method: one method for the whole total, or a split
    whose parts add up to the total exactly (each part above zero, each method once)."""
    if payments is None:
        if payment not in PAYMENT_METHODS:
            raise BooksError(f"unknown payment '{payment}': one of {', '.join(PAYMENT_METHODS)}")
        split = [(payment, total)]
    else:
        merged: dict[str, int] = {}
        for method, amount in payments:
            if method not in PAYMENT_METHODS:
                raise BooksError(f"unknown payment '{method}': one of {', '.join(PAYMENT_METHODS)}")
            if amount <= 0:
                raise BooksError(f"a {method} payment must be above zero, not {money_str(amount)}")
            merged[method] = merged.get(method, 0) + amount
        split = list(merged.items())
        paid = sum(merged.values())
        if paid != total:
            raise BooksError(f"the payments add up to {money_str(paid)} but the sale comes to "
                             f"{money_str(total)}")
    if any(m == "account" for m, _a in split) and not has_customer:
        raise BooksError("a sale on account needs a customer (--customer)")
    return split


def payment_of(split: list[tuple[str, int]]) -> str:
    """documents.payment: the one method, or 'split' when several paid."""
    return split[0][0] if len(split) == 1 else "split"


def sale(conn: Connection, actor: Actor, lines: list[LineIn], *, customer: str | None = None,
         payment: str = "cash", payments: list[tuple[str, int]] | None = None,
         client_id: str | None = None, doc_date: dt.date | None = None,
         authorised_by: Actor | None = None) -> Posted:
    """A sale. Prices other than the product's (overrides, discounts) need the
    'price-override' permission: the seller's own, or authorised_by's, a manager
    who signed in on the spot (named in the audit row)."""
    if not lines:
        raise BooksError("a sale needs at least one line")
    if payments is None and payment not in PAYMENT_METHODS:
        raise BooksError(f"unknown payment '{payment}': one of {', '.join(PAYMENT_METHODS)}")
    cust_id = find_customer(conn, customer) if customer else None
    prods = resolve_products(conn, [l.code for l in lines])
    today = clock.today()          # batches expired before today are never sold
    rows, moves, overridden = [], [], []
    for i, l in enumerate(lines, 1):
        _positive(i, l)
        p = prods[l.code]
        price = p.price if l.price is None else l.price
        if price != p.price:
            overridden.append(f"{p.sku} {money_str(p.price)}->{money_str(price)}")
        rows.append({"line_no": i, "product_id": p.id, "qty": l.qty, "price": price,
                     "amount": line_amount(price, l.qty)})
        moves.append(Move(p, -l.qty, i, batch_id=named_batch(conn, p, l, i, create=False,
                                                             sell_on=today)))
    more = {}
    if overridden:   # the lines keep the prices; the audit row names who allowed them
        allowed_by = override_allowed_by(actor, authorised_by, overridden[0])
        if allowed_by:
            more = {"prices": overridden, "allowed_by": allowed_by}
    total = sum(r["amount"] for r in rows)
    split = _payments(payment, payments, total, cust_id is not None)
    apply_moves(conn, moves, sell_on=today)
    costs = _cost_by_line(moves)
    for r in rows:
        r["cost"] = costs[r["line_no"]]
    on_account = sum(a for m, a in split if m == "account")
    accounts = [("customer", cust_id, on_account)] if on_account else []
    apply_accounts(conn, accounts)
    doc_id, number = insert_document(conn, kind="sale", user_id=actor.id, client_id=client_id,
                                     customer_id=cust_id, payment=payment_of(split), total=total,
                                     doc_date=doc_date)
    insert_lines(conn, doc_id, rows)
    insert_rows(conn, document_payments, [{"document_id": doc_id, "method": m, "amount": a}
                                          for m, a in split])
    write_ledgers(conn, doc_id, actor.id, moves, accounts)
    if len(split) > 1:
        more["payments"] = {m: money_str(a) for m, a in split}
    _audit_post(conn, actor, "sale", number, total, payment=payment_of(split), lines=len(rows),
                **more)
    return Posted(doc_id, number, "sale", total)


def override_allowed_by(actor: Actor, authorised_by: Actor | None, what: str) -> str | None:
    """None when the seller may change prices; the name of the one who allowed it
    otherwise; PermissionDenied when nobody with the right did."""
    if may(actor, "price-override"):
        return None
    if authorised_by is not None and may(authorised_by, "price-override"):
        return authorised_by.name
    raise PermissionDenied(f"{actor.name} ({actor.role}) may not change a price ({what}): "
                           "a manager must allow it")


def _lock_document(conn: Connection, number: str, kind: str | None = None):
    doc = get_document(conn, number, kind)
    return conn.execute(select(documents).where(documents.c.id == doc.id).with_for_update()).one()


def sale_return(conn: Connection, actor: Actor, sale_number: str, lines: list[LineIn], *,
                client_id: str | None = None) -> Posted:
    """Goods back against a sale: never more than sold minus already returned."""
    if not lines:
        raise BooksError("a return needs at least one line")
    sale_doc = _lock_document(conn, sale_number, "sale")
    if sale_doc.status != "posted" or sale_doc.reverses_id is not None:
        raise BooksError(f"sale {sale_doc.number} is {sale_doc.status}: nothing can be returned")
    sold = conn.execute(select(document_lines).where(document_lines.c.document_id == sale_doc.id)
                        .order_by(document_lines.c.line_no)).all()
    back = {r.ref_line_id: r for r in conn.execute(
        select(document_lines.c.ref_line_id, int_sum(document_lines.c.qty).label("qty"),
               int_sum(document_lines.c.amount).label("amount"),
               int_sum(document_lines.c.cost).label("cost"))
        .join(documents, documents.c.id == document_lines.c.document_id)
        .where(documents.c.ref_id == sale_doc.id, documents.c.kind == "sale-return",
               documents.c.status == "posted", documents.c.reverses_id.is_(None))
        .group_by(document_lines.c.ref_line_id))}
    left = {s.id: [s.qty - (back[s.id].qty if s.id in back else 0),
                   s.amount - (back[s.id].amount if s.id in back else 0),
                   s.cost - (back[s.id].cost if s.id in back else 0)] for s in sold}
    out_of = _batches_out(conn, sale_doc, sold, left)
    prods = resolve_products(conn, [l.code for l in lines])
    rows, moves = [], []
    for i, l in enumerate(lines, 1):
        _positive(i, l)
        p = prods[l.code]
        bid = named_batch(conn, p, l, i, create=False)   # a batch named: only that one

        def room(s) -> int:
            """What of sale line s may still come back (of the batch named, if one is)."""
            if bid is None:
                return left[s.id][0]
            return sum(q for b, q in out_of[s.id] if b == bid)
        candidates = [s for s in sold if s.product_id == p.id and room(s) > 0]
        remaining = sum(room(s) for s in candidates)
        if l.qty > remaining and bid is not None:
            raise BooksError(f"line {i} ({p.sku}): cannot return {qty_str(l.qty)} of batch "
                             f"{l.batch}; sale {sale_doc.number} has {qty_str(remaining)} of "
                             "that batch left to return")
        if l.qty > remaining:
            sold_qty = sum(s.qty for s in sold if s.product_id == p.id)
            raise BooksError(f"line {i} ({p.sku}): cannot return {qty_str(l.qty)}; sale "
                             f"{sale_doc.number} sold {qty_str(sold_qty)} and "
                             f"{qty_str(sold_qty - remaining)} came back already")
        need = l.qty
        for s in candidates:
            take = min(need, room(s))
            need -= take
            # back into the batches the line was taken from, in the order taken
            for chunk in out_of[s.id]:
                if take == 0:
                    break
                if chunk[1] <= 0 or (bid is not None and chunk[0] != bid):
                    continue
                part = min(take, chunk[1])
                chunk[1] -= part
                take -= part
                q, a, c = left[s.id]
                amount, cost = cost_share(a, q, part), cost_share(c, q, part)
                left[s.id] = [q - part, a - amount, c - cost]
                n = len(rows) + 1
                rows.append({"line_no": n, "product_id": p.id, "qty": part, "price": s.price,
                             "amount": amount, "cost": cost, "batch_id": chunk[0],
                             "ref_line_id": s.id})
                moves.append(Move(p, part, n, value=cost, batch_id=chunk[0]))
            if need == 0:
                break
    apply_moves(conn, moves)
    total = sum(r["amount"] for r in rows)
    refunds = _split_refund(conn, sale_doc, total)
    accounts = [("customer", sale_doc.customer_id, -amt) for m, amt in refunds if m == "account"]
    apply_accounts(conn, accounts)
    doc_id, number = insert_document(
        conn, kind="sale-return", user_id=actor.id, client_id=client_id, ref_id=sale_doc.id,
        customer_id=sale_doc.customer_id, payment=sale_doc.payment, total=total)
    insert_lines(conn, doc_id, rows)
    conn.execute(document_payments.insert(),
                 [{"document_id": doc_id, "method": m, "amount": -amt} for m, amt in refunds])
    write_ledgers(conn, doc_id, actor.id, moves, accounts)
    _audit_post(conn, actor, "sale-return", number, total, sale=sale_doc.number)
    return Posted(doc_id, number, "sale-return", total)


def _batches_out(conn: Connection, sale_doc, sold, left: dict) -> dict[int, list[list]]:
    """{sale line id: [[batch id, qty not yet back], ...]}: the batches each line was
    taken from (its stock_ledger rows; a line sold first-expiry-first-out may span
    several), in the order taken, less what returns put back into each. A line
    without ledger rows (archived) goes back as it went: without a batch."""
    line_of = {s.line_no: s.id for s in sold}
    out: dict[int, list[list]] = {s.id: [] for s in sold}
    for r in conn.execute(select(stock_ledger.c.line_no, stock_ledger.c.batch_id,
                                 stock_ledger.c.qty)
                          .where(stock_ledger.c.document_id == sale_doc.id)
                          .order_by(stock_ledger.c.id)):
        chunks = out.get(line_of.get(r.line_no))
        if chunks is None:
            continue
        hit = next((c for c in chunks if c[0] == r.batch_id), None)
        if hit is None:
            chunks.append([r.batch_id, -r.qty])
        else:
            hit[1] -= r.qty
    for ref, bid, qty in conn.execute(
            select(document_lines.c.ref_line_id, document_lines.c.batch_id,
                   int_sum(document_lines.c.qty))
            .join(documents, documents.c.id == document_lines.c.document_id)
            .where(documents.c.ref_id == sale_doc.id, documents.c.kind == "sale-return",
                   documents.c.status == "posted", documents.c.reverses_id.is_(None))
            .group_by(document_lines.c.ref_line_id, document_lines.c.batch_id)):
        hit = next((c for c in out.get(ref, []) if c[0] == bid), None)
        if hit is not None:
            hit[1] -= qty
    for sid, chunks in out.items():
        # Keep each line's batches adding up to what may still come back (returns
        # posted before returns split by batch put a whole line into its first batch).
        for c in chunks:
            c[1] = max(c[1], 0)
        extra = sum(c[1] for c in chunks) - left[sid][0]
        for c in reversed(chunks):
            cut = min(max(extra, 0), c[1])
            c[1] -= cut
            extra -= cut
        if extra < 0:
            if chunks:
                chunks[-1][1] -= extra
            else:
                chunks.append([None, -extra])
    return out


def return_without_receipt(conn: Connection, actor: Actor, lines: list[LineIn], *,
                           refund: str = "cash", client_id: str | None = None,
                           authorised_by: Actor | None = None) -> Posted:
    """Goods brought back with no sale to answer (a manager's action): stock back
    in at today's average cost, the product's price refunded by `refund`."""
    if not lines:
        raise BooksError("a return needs at least one line")
    if refund not in PAYMENT_METHODS or refund == "account":
        raise BooksError(f"a refund without a receipt is paid out, not '{refund}'")
    allowed_by = None
    if not may(actor, "return-without-receipt"):
        if authorised_by is None or not may(authorised_by, "return-without-receipt"):
            raise PermissionDenied(f"{actor.name} ({actor.role}) may not take goods back "
                                   "without a receipt: a manager must allow it")
        allowed_by = authorised_by.name
    prods = resolve_products(conn, [l.code for l in lines])
    rows, moves = [], []
    for i, l in enumerate(lines, 1):
        _positive(i, l)
        p = prods[l.code]
        price = p.price if l.price is None else l.price
        if price != p.price:
            override_allowed_by(actor, authorised_by, f"{p.sku} {money_str(price)}")
        rows.append({"line_no": i, "product_id": p.id, "qty": l.qty, "price": price,
                     "amount": line_amount(price, l.qty)})
        moves.append(Move(p, l.qty, i, batch_id=named_batch(conn, p, l, i, create=False)))
    apply_moves(conn, moves)                       # in at today's average cost
    for r, m in zip(rows, moves):
        r["cost"] = m.value
    total = sum(r["amount"] for r in rows)
    doc_id, number = insert_document(conn, kind="sale-return", user_id=actor.id,
                                     client_id=client_id, payment=refund, total=total,
                                     note="without a receipt")
    insert_lines(conn, doc_id, rows)
    insert_rows(conn, document_payments, [{"document_id": doc_id, "method": refund,
                                           "amount": -total}])
    write_ledgers(conn, doc_id, actor.id, moves, [])
    _audit_post(conn, actor, "sale-return", number, total, receipt="none", refund=refund,
                **({"allowed_by": allowed_by} if allowed_by else {}))
    return Posted(doc_id, number, "sale-return", total)


def _split_refund(conn: Connection, sale_doc, total: int) -> list[tuple[str, int]]:
    """Money back the way it was paid, shared over the sale's methods."""
    paid = conn.execute(select(document_payments.c.method, document_payments.c.amount)
                        .where(document_payments.c.document_id == sale_doc.id)
                        .order_by(document_payments.c.id)).all()
    paid = [p for p in paid if p.amount > 0] or [(sale_doc.payment or "cash", sale_doc.total)]
    whole = sum(p[1] for p in paid)
    out, left = [], total
    for k, (method, amount) in enumerate(paid):
        share = left if k == len(paid) - 1 else round_div(total * amount, whole or 1)
        out.append((method, share))
        left -= share
    return [(m, a) for m, a in out if a]


# ---------------------------------------------------------------- purchasing

def purchase_receipt(conn: Connection, actor: Actor, supplier: str, lines: list[LineIn], *,
                     client_id: str | None = None, doc_date: dt.date | None = None,
                     order_id: int | None = None, ref_lines: list[int] | None = None,
                     audit_more: dict | None = None) -> Posted:
    """Goods in at their cost: moving average updated, the payable created.
    Against an order (db.orders.receive): order_id, and the order line each
    line fills (ref_lines). Without one only where the shop allows it."""
    if not lines:
        raise BooksError("a receipt needs at least one line")
    if order_id is None:
        from db.masters import get_setting
        if get_setting(conn, "receive_without_order", "1") == "0":
            raise BooksError("this shop receives goods against an approved purchase order "
                             "only (--order NUMBER)")
    sup_id = find_supplier(conn, supplier)
    prods = resolve_products(conn, [l.code for l in lines])
    rows, moves = [], []
    for i, l in enumerate(lines, 1):
        _positive(i, l)
        if l.price is None:
            raise BooksError(f"line {i} ({l.code}): a receipt line needs its unit cost")
        p = prods[l.code]
        value = line_amount(l.price, l.qty)
        bid = named_batch(conn, p, l, i, create=True)
        rows.append({"line_no": i, "product_id": p.id, "qty": l.qty, "price": l.price,
                     "amount": value, "batch_id": bid,
                     "ref_line_id": ref_lines[i - 1] if ref_lines else None})
        moves.append(Move(p, l.qty, i, value=value, batch_id=bid, sets_last_cost=True))
    apply_moves(conn, moves)
    total = sum(r["amount"] for r in rows)
    accounts = [("supplier", sup_id, total)]
    apply_accounts(conn, accounts)
    doc_id, number = insert_document(conn, kind="purchase-receipt", user_id=actor.id,
                                     client_id=client_id, supplier_id=sup_id, total=total,
                                     doc_date=doc_date, ref_id=order_id)
    insert_lines(conn, doc_id, rows)
    write_ledgers(conn, doc_id, actor.id, moves, accounts)
    _audit_post(conn, actor, "purchase-receipt", number, total, supplier=supplier,
                **(audit_more or {}))
    return Posted(doc_id, number, "purchase-receipt", total)


def purchase_return(conn: Connection, actor: Actor, supplier: str, lines: list[LineIn], *,
                    client_id: str | None = None) -> Posted:
    """Goods back to a supplier: out at average cost; the payable falls by the
    price given for each line (by default what the goods were worth here)."""
    if not lines:
        raise BooksError("a supplier return needs at least one line")
    sup_id = find_supplier(conn, supplier)
    prods = resolve_products(conn, [l.code for l in lines])
    rows, moves = [], []
    for i, l in enumerate(lines, 1):
        _positive(i, l)
        p = prods[l.code]
        moves.append(Move(p, -l.qty, i, batch_id=named_batch(conn, p, l, i, create=False)))
        rows.append({"line_no": i, "product_id": p.id, "qty": l.qty, "price": l.price})
    apply_moves(conn, moves)
    costs = _cost_by_line(moves)
    for r, l in zip(rows, lines):
        r["cost"] = costs[r["line_no"]]
        r["amount"] = line_amount(l.price, l.qty) if l.price is not None else r["cost"]
        r["price"] = l.price if l.price is not None else round_div(r["cost"] * 1000, l.qty)
    total = sum(r["amount"] for r in rows)
    accounts = [("supplier", sup_id, -total)]
    apply_accounts(conn, accounts)
    doc_id, number = insert_document(conn, kind="purchase-return", user_id=actor.id,
                                     client_id=client_id, supplier_id=sup_id, total=total)
    insert_lines(conn, doc_id, rows)
    write_ledgers(conn, doc_id, actor.id, moves, accounts)
    _audit_post(conn, actor, "purchase-return", number, total, supplier=supplier)
    return Posted(doc_id, number, "purchase-return", total)


# ---------------------------------------------------------------- stock

def adjustment(conn: Connection, actor: Actor, lines: list[LineIn], *, reason: str,
               note: str = "", client_id: str | None = None) -> Posted:
    """Stock up or down (line qty signed) at average cost, with a reason (one of
    db.adjustments.ADJUSTMENT_REASONS, "damage: two bottles broken" or the reason
    and a separate note)."""
    from db.adjustments import adjustment_reason
    if not lines:
        raise BooksError("an adjustment needs at least one line")
    _code, reason = adjustment_reason(reason, note)
    prods = resolve_products(conn, [l.code for l in lines])
    moves = []
    for i, l in enumerate(lines, 1):
        if l.qty == 0:
            raise BooksError(f"line {i} ({l.code}): an adjustment of zero changes nothing")
        p = prods[l.code]
        moves.append(Move(p, l.qty, i, value=None if l.qty < 0 or l.price is None
                          else line_amount(l.price, l.qty),
                          batch_id=named_batch(conn, p, l, i, create=l.qty > 0)))
    apply_moves(conn, moves)
    # one row per line, though first-expiry-first-out may have split it over batches
    # (the ledger keeps each batch's part); the batch is the line's only when it has one
    rows: dict[int, dict] = {}
    for m in moves:
        r = rows.setdefault(m.line_no, {"line_no": m.line_no, "product_id": m.product.id,
                                        "qty": 0, "cost": 0, "batch_id": m.batch_id})
        r["qty"] += m.qty
        r["cost"] -= m.value
        if r["batch_id"] != m.batch_id:
            r["batch_id"] = None
    rows = list(rows.values())
    doc_id, number = insert_document(conn, kind="adjustment", user_id=actor.id,
                                     client_id=client_id, note=reason)
    insert_lines(conn, doc_id, rows)
    write_ledgers(conn, doc_id, actor.id, moves, [])
    _audit_post(conn, actor, "adjustment", number, 0, reason=reason)
    return Posted(doc_id, number, "adjustment", 0)


def stocktake(conn: Connection, actor: Actor, lines: list[LineIn], *,
              client_id: str | None = None, as_counted: dict[str, int] | None = None,
              note: str = "") -> Posted:
    """A count: stock is set to what was counted; the variances are returned.

    as_counted: {code: on hand at the moment the line was counted} (a count that took
    a while, with sales meanwhile: db.counts). Each line's variance is then counted
    less that, and stock moves by the variance, so what sold after the shelf was
    counted stays sold. Without it, the count is of this moment."""
    if not lines:
        raise BooksError("a stocktake needs at least one line")
    prods = resolve_products(conn, [l.code for l in lines])
    seen: set[int] = set()
    for i, l in enumerate(lines, 1):
        if l.qty < 0:
            raise BooksError(f"line {i} ({l.code}): a count cannot be negative")
        if prods[l.code].id in seen:
            raise BooksError(f"line {i} ({l.code}): {prods[l.code].sku} is counted twice")
        seen.add(prods[l.code].id)
    ids = sorted(seen)
    on_hand = dict(conn.execute(select(stock.c.product_id, stock.c.qty)
                                .where(stock.c.product_id.in_(ids))
                                .order_by(stock.c.product_id).with_for_update()).all())
    moves, rows, variances = [], [], []
    for i, l in enumerate(lines, 1):
        p = prods[l.code]
        expected = on_hand[p.id] if as_counted is None else as_counted[l.code]
        diff = l.qty - expected
        rows.append({"line_no": i, "product_id": p.id, "qty": l.qty, "expected": expected})
        variances.append({"sku": p.sku, "expected": qty_str(expected),
                          "counted": qty_str(l.qty), "difference": qty_str(diff)})
        if diff:
            moves.append(Move(p, diff, i))
    try:
        apply_moves(conn, moves)
    except InsufficientStock as exc:  # batches disagree with the product's total
        raise BooksError(f"stocktake: {exc}") from None
    costs = _cost_by_line(moves)
    for r in rows:
        r["cost"] = costs.get(r["line_no"], 0)
    doc_id, number = insert_document(conn, kind="stocktake", user_id=actor.id, client_id=client_id,
                                     note=note)
    insert_lines(conn, doc_id, rows)
    write_ledgers(conn, doc_id, actor.id, moves, [])
    _audit_post(conn, actor, "stocktake", number, 0, lines=len(rows))
    return Posted(doc_id, number, "stocktake", 0, extra={"variances": variances})


# ---------------------------------------------------------------- money

def payment(conn: Connection, actor: Actor, party: str, name: str, amount: int, *,
            method: str = "cash", client_id: str | None = None,
            doc_date: dt.date | None = None) -> Posted:
    """A customer paying their account, or the shop paying a supplier."""
    if amount <= 0:
        raise BooksError(f"a payment must be above zero, not {money_str(amount)}")
    if method not in PAYMENT_METHODS or method == "account":
        raise BooksError(f"unknown payment method '{method}'")
    pid = find_customer(conn, name) if party == "customer" else find_supplier(conn, name)
    accounts = [(party, pid, -amount)]
    apply_accounts(conn, accounts)
    kind = "customer-payment" if party == "customer" else "supplier-payment"
    doc_id, number = insert_document(
        conn, kind=kind, user_id=actor.id, client_id=client_id, payment=method, total=amount,
        doc_date=doc_date, **({"customer_id": pid} if party == "customer" else {"supplier_id": pid}))
    conn.execute(document_payments.insert().values(document_id=doc_id, method=method, amount=amount))
    write_ledgers(conn, doc_id, actor.id, [], accounts)
    _audit_post(conn, actor, kind, number, amount, **{party: name})
    return Posted(doc_id, number, kind, amount)


# ---------------------------------------------------------------- cancel

def cancel(conn: Connection, actor: Actor, number: str, *, client_id: str | None = None) -> Posted:
    """Posts a reversal beside the document and marks it cancelled; the original stays.
    Refused when the document is dated in the closed books (db.periods), though the
    reversal is dated today."""
    doc = _lock_document(conn, number)
    if doc.reverses_id is not None:
        raise BooksError(f"{doc.number} is itself a reversal and cannot be cancelled")
    if doc.status == "cancelled":
        raise BooksError(f"{doc.number} is already cancelled")
    if doc.status != "posted":
        raise BooksError(f"{doc.number} is {doc.status}, not posted: nothing to cancel")
    if doc.kind == "sale":
        live = conn.execute(select(documents.c.number).where(
            documents.c.ref_id == doc.id, documents.c.kind == "sale-return",
            documents.c.status == "posted", documents.c.reverses_id.is_(None))
            .order_by(documents.c.id)).scalars().all()
        if live:
            raise BooksError(f"sale {doc.number} has returns ({', '.join(live)}): cancel those first")
    led = conn.execute(select(stock_ledger).where(stock_ledger.c.document_id == doc.id)
                       .order_by(stock_ledger.c.id)).all()
    prods = {r.id: Product(r.id, r.sku, r.name, r.price, bool(r.batch_tracked))
             for r in conn.execute(select(products.c.id, products.c.sku, products.c.name,
                                          products.c.price, products.c.batch_tracked)
                                   .where(products.c.id.in_({r.product_id for r in led})))}
    moves = [Move(prods[r.product_id], -r.qty, r.line_no, value=-r.value, batch_id=r.batch_id)
             for r in led]
    try:
        apply_moves(conn, moves)
    except InsufficientStock as exc:
        raise BooksError(f"cannot cancel {doc.number}: {exc}") from None
    accounts = [("customer" if r.customer_id else "supplier", r.customer_id or r.supplier_id,
                 -r.amount) for r in conn.execute(
        select(account_ledger).where(account_ledger.c.document_id == doc.id)
        .order_by(account_ledger.c.id))]
    apply_accounts(conn, accounts)
    rev_id, rev_number = insert_document(
        conn, kind=doc.kind, user_id=actor.id, number=f"{doc.number}-C", client_id=client_id,
        customer_id=doc.customer_id, supplier_id=doc.supplier_id, payment=doc.payment,
        total=-doc.total, ref_id=doc.ref_id, reverses_id=doc.id,
        note=f"reversal of {doc.number}", cancels=doc)   # refused if doc's day is closed
    lines = conn.execute(select(document_lines).where(document_lines.c.document_id == doc.id)
                         .order_by(document_lines.c.line_no)).all()
    insert_lines(conn, rev_id, [
        {"line_no": l.line_no, "product_id": l.product_id, "batch_id": l.batch_id, "qty": -l.qty,
         "price": l.price, "amount": -l.amount, "cost": -l.cost, "expected": l.expected,
         "ref_line_id": l.ref_line_id} for l in lines])
    pays = conn.execute(select(document_payments).where(document_payments.c.document_id == doc.id)).all()
    if pays:
        conn.execute(document_payments.insert(), [
            {"document_id": rev_id, "method": p.method, "amount": -p.amount} for p in pays])
    write_ledgers(conn, rev_id, actor.id, moves, accounts)
    conn.execute(update(documents).where(documents.c.id == doc.id)
                 .values(status="cancelled", cancelled_at=clock.now()))
    audit.append(conn, actor, "cancel", doc.kind, doc.number, {"reversal": rev_number})
    if doc.kind == "purchase-receipt" and doc.ref_id is not None:   # its order is due again
        from db.orders import refresh_status
        refresh_status(conn, doc.ref_id)
    return Posted(rev_id, rev_number, doc.kind, -doc.total, extra={"cancelled": doc.number})
