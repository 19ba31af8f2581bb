"""What goes on barcode labels: the products and how many of each, their
in-store barcodes, and the label templates the owner defines.

Three ways to choose labels (each gives LabelItems for
desktop.printing.labels.labels_pdf):
  * items_for_skus: products picked in the product list (or --sku), copies each;
  * items_for_document: a purchase receipt, one label per unit received (a
    weighed or fractional quantity: one label for the line), with the line's
    batch number and expiry date;
  * items_changed_since: products whose sale price changed since a date
    (products.price_changed_at, set by db.masters.update_product).

A product with no barcode gets an in-store EAN-13 when its labels are made:
a prefix GS1 leaves to the shop (20-29, the first one the scale-label
layout does not use, so a scale label can never read as it), ten digits
unique in the barcodes table, the check digit; stored and audit-logged in
the same transaction. Templates: the built-in ones
(desktop.printing.label_templates) and the owner's, stored in label_templates
as JSON. Permissions (db.permissions): "labels" to print them (which may
store in-store barcodes), "label-templates" to save or delete a template
(audit-logged).
"""
from __future__ import annotations

import datetime as dt
import json
import unicodedata
from dataclasses import dataclass

from sqlalchemy import Connection, select
from sqlalchemy.exc import IntegrityError

from db import audit, clock
from db.codes import gtin_check_digit
from db.counter import layout_text, scale_layout
from db.documents import document_numbered
from db.engine import write_transaction
from db.errors import BooksError, NotFound, PermissionDenied
from db.masters import get_setting
from db.money import qty_str
from db.permissions import may, require
from db.posting import resolve_products
from db.schema import barcodes, batches, document_lines, label_templates, products
from desktop.printing.label_templates import BUILTIN, LabelTemplate, check_name, parse_spec

MAX_COPIES = 1000          # of one product chosen by hand
MAX_LABELS = 20_000        # in one PDF
INSTORE_PREFIXES = tuple(str(n) for n in range(20, 30))


@dataclass(frozen=True)
class LabelItem:
    """One product's labels. Money in fen; code is what the barcode carries."""
    sku: str
    name: str
    unit: str
    price: int
    code: str
    copies: int = 1
    batch: str = ""
    expiry: dt.date | None = None


# ---------------------------------------------------------------- choosing labels

def parse_copies(value, what: str) -> int:
    """A whole number of copies from 1 to MAX_COPIES; BooksError names what."""
    text = unicodedata.normalize("NFKC", str(value)).strip()
    if not text.isdigit() or not text.isascii():
        raise BooksError(f"{what}: copies '{value}' is not a whole number")
    n = int(text)
    if not 1 <= n <= MAX_COPIES:
        raise BooksError(f"{what}: copies must be from 1 to {MAX_COPIES}, not {n}")
    return n


def parse_sku_copies(text: str, default: int = 1) -> tuple[str, int]:
    """'A1:3' -> ('A1', 3); 'A1' -> ('A1', default)."""
    text = unicodedata.normalize("NFKC", text or "").strip()
    sku, sep, copies = text.rpartition(":")
    if not sep:
        sku, copies = text, None
    sku = sku.strip()
    if not sku:
        raise BooksError(f"'{text}': give a SKU, optionally with :COPIES (such as A1:3)")
    return sku, (default if copies is None else parse_copies(copies, sku))


def _code_rank(code: str) -> tuple:
    """Which of a product's codes its label carries: a manufacturer's GTIN,
    then an in-store EAN-13, then anything else (Code 128); ties by code."""
    gtin = (code.isdigit() and code.isascii() and len(code) in (8, 12, 13)
            and gtin_check_digit(code[:-1]) == int(code[-1]))
    if gtin:
        return (1 if len(code) == 13 and code[0] == "2" else 0, code)
    return (2, code)


def _codes_of(conn: Connection, ids) -> dict[int, str]:
    """product id -> the code its labels carry (products with none are absent)."""
    best: dict[int, str] = {}
    ids = sorted(set(ids))
    for i in range(0, len(ids), 900):
        for code, pid in conn.execute(select(barcodes.c.code, barcodes.c.product_id)
                                      .where(barcodes.c.product_id.in_(ids[i:i + 900]))):
            if pid not in best or _code_rank(code) < _code_rank(best[pid]):
                best[pid] = code
    return best


_COLS = (products.c.id, products.c.sku, products.c.name, products.c.unit, products.c.price,
         products.c.active)


def _find_products(conn: Connection, codes: list[str]) -> list:
    """The products the codes (SKU or barcode) name, in that order: one look-up for
    all of them (db.posting.resolve_products), one read of their units."""
    found = resolve_products(conn, codes)
    rows = {r.id: r for r in conn.execute(select(*_COLS).where(
        products.c.id.in_({p.id for p in found.values()})))}
    return [rows[found[c].id] for c in codes]


def _check_total(items: list[LabelItem]) -> list[LabelItem]:
    total = sum(i.copies for i in items)
    if total > MAX_LABELS:
        raise BooksError(f"that is {total} labels: at most {MAX_LABELS} in one go")
    return items


def items_for_skus(books, specs: list[tuple[str, int]]) -> list[LabelItem]:
    """Labels of products chosen by SKU (or barcode), copies each, in that order.
    specs: [(sku, copies)] (parse_sku_copies reads 'SKU:COPIES')."""
    require(books.actor, "labels")
    if not specs:
        raise BooksError("no products chosen for labels")
    with books.engine.connect() as conn:
        rows = []
        found = _find_products(conn, [(sku or "").strip() for sku, _copies in specs])
        for row, (sku, copies) in zip(found, specs):
            copies = parse_copies(copies, sku)
            if not row.active:
                raise BooksError(f"product {row.sku} is retired: it has no labels")
            rows.append((row, copies))
        codes = _codes_of(conn, [r.id for r, _ in rows])
    items = [LabelItem(r.sku, r.name, r.unit, r.price, codes.get(r.id, ""), n) for r, n in rows]
    return _check_total(_with_codes(books, items, {r.sku: r.id for r, _ in rows}))


def _find_document(conn: Connection, number: str):
    doc = document_numbered(conn, number)
    if doc.kind != "purchase-receipt":
        raise BooksError(f"{doc.number} is a {doc.kind.replace('-', ' ')}: labels print "
                         "from a purchase receipt (RK...)")
    if doc.reverses_id is not None:
        raise BooksError(f"{doc.number} is the reversal of a cancelled receipt: no goods to label")
    if doc.status != "posted":
        raise BooksError(f"purchase receipt {doc.number} is {doc.status}, not posted: "
                         "no goods to label")
    return doc


def items_for_document(books, number: str) -> list[LabelItem]:
    """One label per unit received on a purchase receipt (a weighed or
    fractional quantity: one for the line), batch and expiry where the line
    has a batch, at the product's sale price now."""
    require(books.actor, "labels")
    with books.engine.connect() as conn:
        doc = _find_document(conn, number)
        rows = conn.execute(
            select(products.c.id, products.c.sku, products.c.name, products.c.unit,
                   products.c.price, document_lines.c.qty, batches.c.batch_no, batches.c.expiry)
            .join(products, products.c.id == document_lines.c.product_id)
            .outerjoin(batches, batches.c.id == document_lines.c.batch_id)
            .where(document_lines.c.document_id == doc.id)
            .order_by(document_lines.c.line_no)).all()
        codes = _codes_of(conn, [r.id for r in rows])
    items = []
    for r in rows:
        copies = r.qty // 1000 if r.qty % 1000 == 0 else 1
        if copies > MAX_LABELS:
            raise BooksError(f"{doc.number}: {qty_str(r.qty)} of {r.sku} is more than "
                             f"{MAX_LABELS} labels")
        if copies > 0:
            items.append(LabelItem(r.sku, r.name, r.unit, r.price, codes.get(r.id, ""), copies,
                                   r.batch_no or "", r.expiry))
    if not items:
        raise BooksError(f"{doc.number} has no goods to label")
    return _check_total(_with_codes(books, items, {r.sku: r.id for r in rows}))


def items_changed_since(books, since: dt.date | dt.datetime, copies: int = 1) -> list[LabelItem]:
    """Price-change labels: every product still sold whose sale price changed
    at or after since (a date: from its midnight), by SKU."""
    if not isinstance(since, dt.datetime):
        since = dt.datetime.combine(since, dt.time())
    require(books.actor, "labels")
    copies = parse_copies(copies, "price-change labels")
    with books.engine.connect() as conn:
        rows = conn.execute(select(*_COLS).where(products.c.price_changed_at >= since,
                                                 products.c.active.is_(True))
                            .order_by(products.c.sku)).all()
        codes = _codes_of(conn, [r.id for r in rows])
    if not rows:
        raise BooksError(f"no product's price changed since {since:%Y-%m-%d %H:%M}")
    items = [LabelItem(r.sku, r.name, r.unit, r.price, codes.get(r.id, ""), copies)
             for r in rows]
    return _check_total(_with_codes(books, items, {r.sku: r.id for r in rows}))


def _with_codes(books, items: list[LabelItem], ids: dict[str, int]) -> list[LabelItem]:
    """Items whose product has no barcode get an in-store one (one write transaction)."""
    missing = sorted({i.sku for i in items if not i.code})
    if not missing:
        return items
    with write_transaction(books.engine) as conn:
        made = {sku: allocate_code(conn, books.actor, ids[sku], sku) for sku in missing}
    return [i if i.code else LabelItem(i.sku, i.name, i.unit, i.price, made[i.sku], i.copies,
                                       i.batch, i.expiry) for i in items]


# ---------------------------------------------------------------- in-store barcodes

def instore_prefix(conn: Connection) -> str:
    """The first of 20-29 the scale-label layout leaves free."""
    used = scale_layout(conn).prefixes
    for prefix in INSTORE_PREFIXES:
        if prefix not in used:
            return prefix
    raise BooksError(
        f"no in-store barcode prefix is free: the scale labels use "
        f"{layout_text(scale_layout(conn))} (setting scale.prefixes); give them fewer, "
        "such as 20-28, to leave one for the shop's own barcodes")


def allocate_code(conn: Connection, actor, product_id: int, sku: str) -> str:
    """The product's barcode; when it has none, a new in-store EAN-13 stored
    with it (inside the caller's transaction) and audit-logged."""
    conn.execute(select(products.c.id).where(products.c.id == product_id).with_for_update())
    have = _codes_of(conn, [product_id]).get(product_id)
    if have:
        return have
    prefix = instore_prefix(conn)
    low, high = prefix + "0" * 11, prefix + "9" * 11
    taken = conn.execute(select(barcodes.c.code).where(barcodes.c.code >= low,
                                                       barcodes.c.code <= high)
                         .order_by(barcodes.c.code.desc()).limit(50)).scalars().all()
    last = next((c for c in taken if len(c) == 13 and c.isdigit()), None)
    n = int(last[2:12]) + 1 if last else 1
    for _attempt in range(50):
        if n > 9_999_999_999:
            raise BooksError(f"the in-store barcodes with prefix {prefix} are used up")
        body = f"{prefix}{n:010d}"
        code = body + str(gtin_check_digit(body))
        clash = conn.execute(select(products.c.id).where(products.c.sku == code)).first()
        if clash is None:
            try:
                with conn.begin_nested():
                    conn.execute(barcodes.insert().values(code=code, product_id=product_id))
            except IntegrityError:      # another till took it a moment ago
                clash = True
        if clash is None:
            audit.append(conn, actor, "barcode.allocate", "product", sku,
                         {"barcode": code, "prefix": prefix})
            return code
        n += 1
    raise BooksError(f"could not find a free in-store barcode for {sku}: try again")


def allocate_instore_barcode(books, sku: str) -> str:
    """The product's label barcode, allocating an in-store EAN-13 if it has none."""
    require(books.actor, "labels")
    with write_transaction(books.engine) as conn:
        (row,) = _find_products(conn, [(sku or "").strip()])
        return allocate_code(conn, books.actor, row.id, row.sku)


def shop_name(books) -> str:
    with books.engine.connect() as conn:
        return get_setting(conn, "shop_name", "") or ""


# ---------------------------------------------------------------- templates

def _stored(conn: Connection) -> list[LabelTemplate]:
    out = []
    for name, spec in conn.execute(select(label_templates.c.name, label_templates.c.spec)
                                   .order_by(label_templates.c.name)):
        try:
            out.append(parse_spec(name, spec))
        except BooksError:
            continue        # saved by an older program and no longer valid: not offered
    return out


def templates(books) -> list[LabelTemplate]:
    """The built-in templates, then the shop's own by name."""
    with books.engine.connect() as conn:
        return list(BUILTIN.values()) + _stored(conn)


def template(books, name: str | None) -> LabelTemplate:
    """The template named name (None: the default roll template)."""
    from desktop.printing.label_templates import DEFAULT_TEMPLATE
    name = (name or DEFAULT_TEMPLATE).strip()
    if name in BUILTIN:
        return BUILTIN[name]
    with books.engine.connect() as conn:
        spec = conn.execute(select(label_templates.c.spec)
                            .where(label_templates.c.name == name)).scalar()
    if spec is None:
        raise NotFound(f"no label template named '{name}' (labels --list-templates lists them)")
    return parse_spec(name, spec)


def _may_edit(books, what: str) -> None:
    if not may(books.actor, "label-templates"):
        raise PermissionDenied(f"{books.actor.name} ({books.actor.role}) may not do this: "
                               f"{what} (owners and managers may)")


def save_template(books, name: str, spec) -> LabelTemplate:
    """Creates or replaces the owner's template name from its JSON spec (text or dict)."""
    _may_edit(books, "change label templates")
    name = check_name(name)
    if name in BUILTIN:
        raise BooksError(f"'{name}' is a built-in label template: save yours under another name")
    tpl = parse_spec(name, spec)
    text = json.dumps(tpl.spec(), ensure_ascii=False, sort_keys=True)
    with write_transaction(books.engine) as conn:
        old = conn.execute(select(label_templates.c.id, label_templates.c.spec)
                           .where(label_templates.c.name == name).with_for_update()).first()
        values = {"spec": text, "user_id": books.actor.id, "updated_at": clock.now()}
        if old is None:
            conn.execute(label_templates.insert().values(name=name, **values))
        elif old.spec != text:
            conn.execute(label_templates.update().where(label_templates.c.id == old.id)
                         .values(**values))
        else:
            return tpl
        audit.append(conn, books.actor, "label-template.save", "label-template", name,
                     {"created": old is None, "spec": tpl.spec()})
    return tpl


def delete_template(books, name: str) -> None:
    _may_edit(books, "delete label templates")
    name = (name or "").strip()
    if name in BUILTIN:
        raise BooksError(f"'{name}' is a built-in label template: it cannot be deleted")
    with write_transaction(books.engine) as conn:
        gone = conn.execute(label_templates.delete().where(label_templates.c.name == name))
        if gone.rowcount != 1:
            raise NotFound(f"no label template named '{name}'")
        audit.append(conn, books.actor, "label-template.delete", "label-template", name, {})
