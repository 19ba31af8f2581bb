"""What the sales counter reads and keeps: code look-up (with scale labels),
the sale a return answers, a customer's credit, and held sales (挂单).

No Qt here: the counter screen (desktop.ui.counter), the command line and
the tests call these. Look-ups run on the GUI thread at every scan, so each
is one or two indexed queries (a scan must paint within a frame at a million
products; `bench scan` measures it).

Scale labels. Scales print an in-store EAN-13: two digits from the shop's
prefixes (GS1 leaves 20-29 to the shop), the item code, the weight or the
price, and a check digit. The layout is the shop's (Settings):
`scale.prefixes` (e.g. "20-29" or "21,28"), `scale.item_digits` (4-6),
`scale.value` ("weight" or "price") and `scale.decimals` (of the weight). A
code that is some product's barcode is always that product; only a code
that is nobody's barcode is read as a scale label.
"""
from __future__ import annotations

import datetime as dt
import json
import unicodedata
from dataclasses import dataclass

from sqlalchemy import Connection, delete, func, select

from db import audit, clock
from db.audit import Actor
from db.codes import gtin_check_digit, gtin_forms, parse_gs1
from db.documents import LineIn, document_numbered
from db.errors import BooksError, NotFound
from db.masters import find_customer, get_setting, set_setting
from db.money import line_amount, parse_qty, qty_str, round_div
from db.schema import (ascii_lower, barcodes, batches, customers, document_lines, document_payments,
                       documents, held_sales, products, users)

# ---------------------------------------------------------------- scale labels

SCALE_KEYS = ("scale.prefixes", "scale.item_digits", "scale.value", "scale.decimals")


@dataclass(frozen=True)
class ScaleLayout:
    prefixes: frozenset[str]     # two-digit strings, each 20-29
    item_digits: int             # 4, 5 or 6
    value: str                   # "weight" or "price" (in fen)
    decimals: int                # of the weight: 3 means grams of a kg

    @property
    def value_digits(self) -> int:
        return 10 - self.item_digits


# 20 is left to Storekeeper's own in-store barcodes (db.labels: products with none)
DEFAULT_LAYOUT = ScaleLayout(frozenset(str(n) for n in range(21, 30)), 5, "weight", 3)


def parse_scale_layout(prefixes: str, item_digits, value: str, decimals) -> ScaleLayout:
    """The layout from what Settings holds or a person typed; BooksError names what is wrong."""
    found: set[str] = set()
    text = unicodedata.normalize("NFKC", str(prefixes or "")).replace("，", ",")
    for part in (p.strip() for p in text.replace(" ", ",").split(",")):
        if not part:
            continue
        low, sep, high = part.partition("-")
        try:
            a, b = int(low), int(high if sep else low)
        except ValueError:
            raise BooksError(f"scale prefixes: '{part}' is not a number or a range such as 20-29") \
                from None
        for n in (a, b):
            if not 20 <= n <= 29:
                raise BooksError(f"scale prefix {n} is not an in-store prefix: use 20 to 29")
        if a > b:
            raise BooksError(f"scale prefixes: the range '{part}' runs backwards")
        found.update(str(n) for n in range(a, b + 1))
    if not found:
        raise BooksError("scale prefixes: give at least one, such as 20-29")
    try:
        item_digits, decimals = int(item_digits), int(decimals)
    except (TypeError, ValueError):
        raise BooksError("scale label: item digits and decimals are whole numbers") from None
    if item_digits not in (4, 5, 6):
        raise BooksError(f"scale label: the item code has 4, 5 or 6 digits, not {item_digits}")
    if value not in ("weight", "price"):
        raise BooksError(f"scale label: it carries the weight or the price, not '{value}'")
    if not 0 <= decimals <= 3:
        raise BooksError(f"scale label: the weight has 0 to 3 decimals, not {decimals}")
    return ScaleLayout(frozenset(found), item_digits, value, decimals)


def scale_layout(conn: Connection) -> ScaleLayout:
    """The shop's layout; the default (21-29, 5-digit item, weight in grams) where unset.
    A stored value that no longer parses falls back to the default rather than
    leaving the till unable to sell."""
    d = DEFAULT_LAYOUT
    stored = {k: get_setting(conn, k) for k in SCALE_KEYS}
    try:
        return parse_scale_layout(stored["scale.prefixes"] or "21-29",
                                  stored["scale.item_digits"] or d.item_digits,
                                  stored["scale.value"] or d.value,
                                  stored["scale.decimals"] or d.decimals)
    except BooksError:
        return d


def check_scale_setting(conn: Connection, key: str, value: str) -> None:
    """A `scale.*` setting changed alone must still leave a layout that parses."""
    if key not in SCALE_KEYS:
        if key.startswith("scale."):
            raise BooksError(f"unknown scale setting '{key}': one of {', '.join(SCALE_KEYS)}")
        return
    current = scale_layout(conn)
    values = {"scale.prefixes": layout_text(current), "scale.item_digits": current.item_digits,
              "scale.value": current.value, "scale.decimals": current.decimals, key: value}
    parse_scale_layout(*(values[k] for k in SCALE_KEYS))


def layout_text(layout: ScaleLayout) -> str:
    """'20-29' for a run, '21,28' otherwise."""
    ns = sorted(int(p) for p in layout.prefixes)
    if len(ns) > 1 and ns == list(range(ns[0], ns[-1] + 1)):
        return f"{ns[0]}-{ns[-1]}"
    return ",".join(str(n) for n in ns)


def save_scale_layout(conn: Connection, actor: Actor, layout: ScaleLayout) -> None:
    values = {"scale.prefixes": layout_text(layout), "scale.item_digits": str(layout.item_digits),
              "scale.value": layout.value, "scale.decimals": str(layout.decimals)}
    for key, value in values.items():
        if get_setting(conn, key) != value:
            set_setting(conn, actor, key, value)


# ---------------------------------------------------------------- look-up

def parse_scan(text: str) -> tuple[int | None, str]:
    """'3*6901234567892' -> (3000, code); a plain code -> (None, code). The
    quantity may have decimals ('0.5*...'); BooksError when it is not a number.
    Full-width input (a scanner typing through a Chinese input method) reads the same."""
    text = unicodedata.normalize("NFKC", text or "").strip()
    if "*" in text:
        qty, _, code = text.partition("*")
        qty = qty.strip()
        return (parse_qty(qty, "quantity") if qty else None), code.strip()
    return None, text


@dataclass(frozen=True)
class Found:
    product_id: int
    sku: str
    name: str
    unit: str
    price: int                   # fen per unit
    qty: int | None = None       # milli-units read off a scale label; None for a plain code
    batch: str | None = None     # the batch a GS1 barcode names (sold instead of FEFO's)


_COLS = (products.c.id, products.c.sku, products.c.name, products.c.unit, products.c.price)


def _found(row, qty: int | None = None) -> Found:
    return Found(row.id, row.sku, row.name, row.unit, row.price, qty)


def _by_code(conn: Connection, code: str):
    """Exact SKU, then barcode, then SKU in any letter case: each one indexed look-up."""
    row = conn.execute(select(*_COLS).where(products.c.sku == code)).first()
    if row is None:
        row = conn.execute(select(*_COLS).join(barcodes, barcodes.c.product_id == products.c.id)
                           .where(barcodes.c.code == code)).first()
    if row is None and code.isascii() and code.lower() != code.upper():
        rows = conn.execute(select(*_COLS).where(ascii_lower(products.c.sku) == code.lower())
                            .order_by(products.c.sku).limit(2)).all()
        row = rows[0] if len(rows) == 1 else None     # two SKUs differing in case: ask exactly
    return row


def lookup(conn: Connection, code: str, layout: ScaleLayout | None, *,
           for_sale: bool = True) -> Found | None:
    """The product a scanned or typed code names, or None. With a layout, an
    in-store EAN-13 that is nobody's barcode is read as a scale label (its
    weight, or its price turned into a weight at the product's price). A GS1
    barcode (GS1-128, DataMatrix: GTIN and batch) names its product and, for a
    product kept by batch, the batch; for_sale: an expired or unknown batch is
    refused here, at the scan."""
    code = unicodedata.normalize("NFKC", code or "").strip()
    if not code:
        return None
    row = _by_code(conn, code)
    if row is not None:
        return _found(row)
    gs1 = parse_gs1(code)
    if gs1 is not None:
        return _gs1_found(conn, gs1, for_sale)
    if layout is None or not (len(code) == 13 and code.isdigit() and code[:2] in layout.prefixes):
        return None
    if gtin_check_digit(code[:12]) != int(code[12]):
        raise BooksError(f"scale label {code}: wrong check digit (misread: scan it again)")
    item = code[2:2 + layout.item_digits]
    value = int(code[2 + layout.item_digits:12])
    row = _by_code(conn, item)
    if row is None and item.lstrip("0") and item.lstrip("0") != item:
        row = _by_code(conn, item.lstrip("0"))
    if row is None:
        raise NotFound(f"scale label {code}: no product has the item code {item}")
    if layout.value == "weight":
        qty = value * 10 ** (3 - layout.decimals)
    else:
        if row.price <= 0:
            raise BooksError(f"scale label {code}: {row.name} has no price to weigh by")
        qty = round_div(value * 1000, row.price)
    if qty <= 0:
        raise BooksError(f"scale label {code}: the weight is zero")
    return _found(row, qty)


def _gs1_found(conn: Connection, gs1: dict[str, str], for_sale: bool) -> Found | None:
    row = next(filter(None, (_by_code(conn, c) for c in gtin_forms(gs1["01"]))), None)
    if row is None:
        return None
    batch = gs1.get("10")
    tracked = conn.execute(select(products.c.batch_tracked)
                           .where(products.c.id == row.id)).scalar()
    if not batch or not tracked:
        return _found(row)
    b = conn.execute(select(batches.c.expiry).where(batches.c.product_id == row.id,
                                                    batches.c.batch_no == batch)).first()
    if for_sale and b is None:
        raise NotFound(f"{row.sku} {row.name}: no batch {batch} was received")
    if for_sale and b.expiry is not None and b.expiry < clock.today():
        raise BooksError(f"{row.sku} {row.name}: batch {batch} expired on "
                         f"{b.expiry.isoformat()} and cannot be sold")
    return Found(row.id, row.sku, row.name, row.unit, row.price, None, batch)


def credit_status(conn: Connection, name: str) -> tuple[int, int | None]:
    """(what the customer owes, their credit limit or None), in fen."""
    cid = find_customer(conn, name)
    row = conn.execute(select(customers.c.balance, customers.c.credit_limit)
                       .where(customers.c.id == cid)).one()
    return row.balance, row.credit_limit


# ---------------------------------------------------------------- a sale to return against

@dataclass(frozen=True)
class ReturnableLine:
    line_id: int
    sku: str
    name: str
    unit: str
    qty: int             # sold, milli
    returned: int        # came back already, milli
    price: int           # fen per unit as sold


@dataclass(frozen=True)
class ReturnableSale:
    number: str
    doc_date: dt.date
    customer: str | None
    payments: list[tuple[str, int]]
    lines: list[ReturnableLine]


def find_sale(conn: Connection, number: str):
    """The posted sale numbered number (as typed or scanned off a receipt: any case)."""
    doc = document_numbered(conn, number, "sale", "scan the receipt or type the sale's number")
    if doc.kind != "sale" or doc.reverses_id is not None:
        raise BooksError(f"{doc.number} is not a sale: only a sale's goods can come back")
    if doc.status != "posted":
        raise BooksError(f"sale {doc.number} is {doc.status}: nothing can be returned")
    return doc


def returnable(conn: Connection, number: str) -> ReturnableSale:
    doc = find_sale(conn, number)
    back = dict(conn.execute(
        select(document_lines.c.ref_line_id, func.sum(document_lines.c.qty))
        .join(documents, documents.c.id == document_lines.c.document_id)
        .where(documents.c.ref_id == doc.id, documents.c.kind == "sale-return",
               documents.c.status == "posted", documents.c.reverses_id.is_(None))
        .group_by(document_lines.c.ref_line_id)).all())
    lines = [ReturnableLine(r.id, r.sku, r.name, r.unit, r.qty, int(back.get(r.id) or 0), r.price)
             for r in conn.execute(
                 select(document_lines.c.id, products.c.sku, products.c.name, products.c.unit,
                        document_lines.c.qty, document_lines.c.price)
                 .join(products, products.c.id == document_lines.c.product_id)
                 .where(document_lines.c.document_id == doc.id)
                 .order_by(document_lines.c.line_no))]
    payments = [(m, a) for m, a in conn.execute(
        select(document_payments.c.method, document_payments.c.amount)
        .where(document_payments.c.document_id == doc.id).order_by(document_payments.c.id))]
    customer = None
    if doc.customer_id is not None:
        customer = conn.execute(select(customers.c.name)
                                .where(customers.c.id == doc.customer_id)).scalar()
    return ReturnableSale(doc.number, doc.doc_date, customer, payments, lines)


# ---------------------------------------------------------------- held sales (挂单)

@dataclass(frozen=True)
class HeldLine:
    code: str            # the SKU
    qty: int             # milli
    price: int | None    # fen; None: the product's price when resumed
    batch: str | None = None   # a batch the scan named (GS1)


@dataclass(frozen=True)
class HeldSale:
    id: int
    held_at: dt.datetime
    user: str
    customer: str | None
    note: str
    lines: list[HeldLine]
    total: int           # fen, at the prices the lines will sell at now


def hold_sale(conn: Connection, actor: Actor, lines: list[LineIn], *,
              customer: str | None = None, note: str = "") -> int:
    if not lines:
        raise BooksError("nothing to hold: the sale has no lines")
    cid = find_customer(conn, customer) if customer else None
    known = dict(conn.execute(select(products.c.sku, products.c.id).where(
        products.c.sku.in_({l.code for l in lines}))).all())
    for l in lines:
        if l.code not in known:
            raise NotFound(f"no product with SKU '{l.code}'")
        if l.qty <= 0:
            raise BooksError(f"{l.code}: quantity must be above zero, not {qty_str(l.qty)}")
    body = json.dumps([{"code": l.code, "qty": l.qty, "price": l.price,
                        **({"batch": l.batch} if l.batch else {})} for l in lines])
    hid = conn.execute(held_sales.insert().values(
        user_id=actor.id, held_at=clock.now(), customer_id=cid, note=note.strip()[:200],
        lines=body).returning(held_sales.c.id)).scalar_one()
    audit.append(conn, actor, "sale.hold", "held-sale", hid,
                 {"lines": len(lines), "customer": customer or ""})
    return hid


def _held(conn: Connection, where=None) -> list[HeldSale]:
    q = (select(held_sales, users.c.name.label("user_name"),
                customers.c.name.label("customer_name"))
         .join(users, users.c.id == held_sales.c.user_id)
         .outerjoin(customers, customers.c.id == held_sales.c.customer_id)
         .order_by(held_sales.c.held_at.desc(), held_sales.c.id.desc()))
    if where is not None:
        q = q.where(where)
    rows = conn.execute(q).all()
    parsed = {r.id: [HeldLine(x["code"], int(x["qty"]), x["price"], x.get("batch"))
                  for x in json.loads(r.lines)]
              for r in rows}
    skus = {l.code for ls in parsed.values() for l in ls}
    prices = dict(conn.execute(select(products.c.sku, products.c.price)
                               .where(products.c.sku.in_(skus))).all()) if skus else {}
    out = []
    for r in rows:
        lines = parsed[r.id]
        total = sum(line_amount(l.price if l.price is not None else prices.get(l.code, 0), l.qty)
                    for l in lines)
        out.append(HeldSale(r.id, r.held_at, r.user_name, r.customer_name, r.note, lines, total))
    return out


def held(conn: Connection) -> list[HeldSale]:
    """Every held sale, newest first (any till may resume any of them)."""
    return _held(conn)


def resume_sale(conn: Connection, actor: Actor, held_id: int) -> HeldSale:
    """Takes the held sale off the list and returns it, once: a second till gets an error."""
    found = _held(conn, held_sales.c.id == held_id)
    if not found or conn.execute(delete(held_sales).where(held_sales.c.id == held_id)).rowcount != 1:
        raise NotFound("that held sale was resumed on another till or is gone")
    audit.append(conn, actor, "sale.resume", "held-sale", held_id,
                 {"lines": len(found[0].lines), "held_by": found[0].user})
    return found[0]
