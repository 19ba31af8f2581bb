"""Master data: products with barcodes, customers, suppliers, shop settings."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from sqlalchemy import Connection, select
from sqlalchemy.exc import IntegrityError

from db import audit, clock
from db.audit import Actor
from db.codes import normalise_barcode
from db.errors import BooksError, NotFound
from db.money import money_str, parse_money, parse_qty, qty_str, unit_cost
from db.schema import barcodes, batches, customers, products, settings, stock, suppliers


def pinyin_initials(name: str) -> str:
    """海天金标生抽 -> 'htjbsc'; letters and digits elsewhere kept, lower case."""
    from pypinyin import Style, lazy_pinyin  # half a second to import: only when needed
    parts = lazy_pinyin(name, style=Style.FIRST_LETTER, errors="default")
    return "".join(ch for ch in "".join(parts).lower() if ch.isalnum() and ch.isascii())


@dataclass
class NewProduct:
    sku: str
    name: str
    barcodes: list[str] = field(default_factory=list)
    unit: str = ""
    price: str = "0"
    cost: str | None = None
    category: str = ""
    min_qty: str | None = None
    max_qty: str | None = None
    batch_tracked: bool = False


def add_product(conn: Connection, actor: Actor, p: NewProduct) -> int:
    sku = (p.sku or "").strip()
    name = " ".join((p.name or "").split())
    if not sku:
        raise BooksError("a product needs a SKU")
    if not name:
        raise BooksError(f"product {sku} needs a name")
    price = parse_money(p.price, f"price of {sku}")
    cost = parse_money(p.cost, f"cost of {sku}") if p.cost not in (None, "") else 0
    if price < 0 or cost < 0:
        raise BooksError(f"product {sku}: price and cost cannot be negative")
    min_q = parse_qty(p.min_qty, f"minimum of {sku}") if p.min_qty not in (None, "") else None
    max_q = parse_qty(p.max_qty, f"maximum of {sku}") if p.max_qty not in (None, "") else None
    if min_q is not None and max_q is not None and min_q > max_q:
        raise BooksError(f"product {sku}: minimum {qty_str(min_q)} is above maximum {qty_str(max_q)}")
    codes = []
    for raw in p.barcodes:
        code = normalise_barcode(raw)
        if code in codes:
            continue
        codes.append(code)
    if conn.execute(select(products.c.id).where(products.c.sku == sku)).first():
        raise BooksError(f"a product with SKU {sku} already exists")
    for code in codes:
        taken = conn.execute(select(products.c.sku).join(barcodes)
                             .where(barcodes.c.code == code)).first()
        if taken:
            raise BooksError(f"barcode {code} already belongs to product {taken.sku}")
    pid = conn.execute(products.insert().values(
        sku=sku, name=name, pinyin=pinyin_initials(name), category=(p.category or "").strip(),
        unit=(p.unit or "").strip(), price=price, min_qty=min_q, max_qty=max_q,
        batch_tracked=bool(p.batch_tracked), active=True, created_at=clock.now())
        .returning(products.c.id)).scalar_one()
    if codes:
        conn.execute(barcodes.insert(), [{"code": c, "product_id": pid} for c in codes])
    conn.execute(stock.insert().values(product_id=pid, qty=0, value=0, last_cost=cost))
    audit.append(conn, actor, "product.add", "product", sku, {
        "name": name, "barcodes": codes, "price": money_str(price), "cost": money_str(cost),
        "category": p.category or "", "unit": p.unit or "", "batch_tracked": bool(p.batch_tracked)})
    return pid


def _clean_name(name: str, what: str) -> str:
    name = " ".join((name or "").split())
    if not name:
        raise BooksError(f"a {what} needs a name")
    return name


def add_customer(conn: Connection, actor: Actor, name: str, phone: str = "",
                 credit_limit: str | None = None) -> int:
    name = _clean_name(name, "customer")
    if conn.execute(select(customers.c.id).where(customers.c.name == name)).first():
        raise BooksError(f"customer '{name}' already exists")
    limit = parse_money(credit_limit, f"credit limit of {name}") if credit_limit else None
    cid = conn.execute(customers.insert().values(
        name=name, phone=(phone or "").strip(), credit_limit=limit, balance=0,
        created_at=clock.now()).returning(customers.c.id)).scalar_one()
    audit.append(conn, actor, "customer.add", "customer", cid, {"name": name, "phone": phone or ""})
    return cid


def add_supplier(conn: Connection, actor: Actor, name: str, phone: str = "") -> int:
    name = _clean_name(name, "supplier")
    if conn.execute(select(suppliers.c.id).where(suppliers.c.name == name)).first():
        raise BooksError(f"supplier '{name}' already exists")
    sid = conn.execute(suppliers.insert().values(
        name=name, phone=(phone or "").strip(), balance=0,
        created_at=clock.now()).returning(suppliers.c.id)).scalar_one()
    audit.append(conn, actor, "supplier.add", "supplier", sid, {"name": name, "phone": phone or ""})
    return sid


def find_customer(conn: Connection, name: str) -> int:
    name = " ".join((name or "").split())
    row = conn.execute(select(customers.c.id).where(customers.c.name == name)).first()
    if row is None:
        raise NotFound(f"no customer named '{name}'")
    return row.id


def find_supplier(conn: Connection, name: str) -> int:
    name = " ".join((name or "").split())
    row = conn.execute(select(suppliers.c.id).where(suppliers.c.name == name)).first()
    if row is None:
        raise NotFound(f"no supplier named '{name}'")
    return row.id


# settings that hold a file (base64): the shop's logo for printed documents
BLOB_SETTINGS = {"shop_logo"}


def get_setting(conn: Connection, key: str, default: str | None = None) -> str | None:
    row = conn.execute(select(settings.c.value).where(settings.c.key == key)).first()
    return row.value if row else default


# settings with their own command, checks and audit, never written through set_setting:
# the day the books are closed through (db.periods.KEY)
OWN_COMMAND_SETTINGS = {"books_closed_through": "the owner closes the books with `period close "
                                                "--through DATE` and reopens them with "
                                                "`period reopen`"}


def set_setting(conn: Connection, actor: Actor, key: str, value: str) -> None:
    if key in OWN_COMMAND_SETTINGS:
        raise BooksError(f"{key} is not set as a setting: {OWN_COMMAND_SETTINGS[key]}")
    old = get_setting(conn, key)
    if old is None:
        conn.execute(settings.insert().values(key=key, value=value))
    else:
        conn.execute(settings.update().where(settings.c.key == key).values(value=value))
    if key in BLOB_SETTINGS:        # an image: the audit row names it, not its bytes
        old, value = (None if v is None else f"{len(v)} characters, sha256 "
                      f"{hashlib.sha256(v.encode()).hexdigest()[:16]}" for v in (old, value))
    audit.append(conn, actor, "setting.set", "setting", key, {"old": old, "new": value})


# ---------------------------------------------------------------- reading one item

@dataclass(frozen=True)
class ProductDetail:
    """One product as the edit form shows it. Money in fen, quantities in milli.

    avg_cost and last_cost are None when read through db.books by someone
    who may not see costs.
    """
    id: int
    sku: str
    name: str
    pinyin: str
    barcodes: list[str]
    category: str
    unit: str
    price: int
    min_qty: int | None
    max_qty: int | None
    batch_tracked: bool
    active: bool
    on_hand: int
    avg_cost: int | None
    last_cost: int | None


@dataclass(frozen=True)
class PartyDetail:
    """A customer or a supplier. credit_limit (fen) is None when there is none
    (always for suppliers); balance is what they owe us / we owe them, in fen."""
    id: int
    name: str
    phone: str
    credit_limit: int | None
    balance: int


def _product_row(conn: Connection, sku: str, *, lock: bool = False):
    sku = (sku or "").strip()
    q = select(products).where(products.c.sku == sku)
    if lock:   # edits of one product queue here (PostgreSQL; SQLite holds the write lock)
        q = q.with_for_update()
    row = conn.execute(q).first()
    if row is None:
        raise NotFound(f"no product with SKU '{sku}'")
    return row


def _codes_of(conn: Connection, product_id: int) -> list[str]:
    """The product's barcodes, sorted in Python (the same order on either database)."""
    return sorted(conn.execute(select(barcodes.c.code)
                               .where(barcodes.c.product_id == product_id)).scalars())


def product_detail(conn: Connection, sku: str) -> ProductDetail:
    """The product with this SKU, its barcodes, stock on hand and costs."""
    p = _product_row(conn, sku)
    s = conn.execute(select(stock.c.qty, stock.c.value, stock.c.last_cost)
                     .where(stock.c.product_id == p.id)).first()
    qty, value, last = (s.qty, s.value, s.last_cost) if s else (0, 0, 0)
    return ProductDetail(
        id=p.id, sku=p.sku, name=p.name, pinyin=p.pinyin, barcodes=_codes_of(conn, p.id),
        category=p.category, unit=p.unit, price=p.price, min_qty=p.min_qty, max_qty=p.max_qty,
        batch_tracked=bool(p.batch_tracked), active=bool(p.active), on_hand=qty,
        avg_cost=unit_cost(value, qty) if qty > 0 else last, last_cost=last)


def _party_detail(conn: Connection, table, what: str, name: str, *, lock: bool = False):
    name = " ".join((name or "").split())
    q = select(table).where(table.c.name == name)
    if lock:
        q = q.with_for_update()
    row = conn.execute(q).first()
    if row is None:
        raise NotFound(f"no {what} named '{name}'")
    return row


def customer_detail(conn: Connection, name: str) -> PartyDetail:
    r = _party_detail(conn, customers, "customer", name)
    return PartyDetail(r.id, r.name, r.phone, r.credit_limit, r.balance)


def supplier_detail(conn: Connection, name: str) -> PartyDetail:
    r = _party_detail(conn, suppliers, "supplier", name)
    return PartyDetail(r.id, r.name, r.phone, None, r.balance)


# ---------------------------------------------------------------- editing

@dataclass(frozen=True)
class ProductChanges:
    """What an edit of a product changes. None everywhere means "leave as it is".

    Text fields take what a person typed, as NewProduct does. min_qty and
    max_qty take "" to clear the limit; barcodes is the complete new list
    ([] removes them all). Cost is not here: receipts set it.
    """
    sku: str | None = None
    name: str | None = None
    barcodes: list[str] | None = None
    category: str | None = None
    unit: str | None = None
    price: str | None = None
    min_qty: str | None = None
    max_qty: str | None = None
    batch_tracked: bool | None = None
    active: bool | None = None


# Column widths (db.schema): SQLite would store longer text, PostgreSQL refuses it.
_MAX_LEN = {"sku": 64, "name": 200, "category": 100, "unit": 20, "phone": 40}


def _fits(value: str, field_name: str, what: str) -> str:
    limit = _MAX_LEN[field_name]
    if len(value) > limit:
        raise BooksError(f"{what}: {field_name} is longer than {limit} characters")
    return value


def _limit(text: str, what: str) -> int | None:
    if isinstance(text, str) and text.strip() == "":
        return None
    value = parse_qty(text, what)
    if value < 0:
        raise BooksError(f"{what} cannot be negative")
    return value


def _stock_on_hand(conn: Connection, product_id: int) -> tuple[int, bool]:
    """(on hand, whether any batch holds a quantity), with the stock row locked so
    no posting moves it until this transaction ends."""
    qty = conn.execute(select(stock.c.qty).where(stock.c.product_id == product_id)
                       .with_for_update()).scalar() or 0
    in_batches = conn.execute(select(batches.c.id).where(batches.c.product_id == product_id,
                                                         batches.c.qty != 0).limit(1)).first()
    return qty, in_batches is not None


def update_product(conn: Connection, actor: Actor, sku: str, changes: ProductChanges) -> bool:
    """Applies the changes to the product with this SKU. Returns False (and writes
    nothing, not even an audit row) when nothing actually changes.

    The audit row ("product.update") names the product by the SKU it had before
    the edit; its detail holds {"field": [old, new]} for each field changed.
    """
    p = _product_row(conn, sku, lock=True)
    label = f"product {p.sku}"
    new: dict = {}        # column -> new value, only for what changes
    diff: dict = {}       # field -> [old, new] as text, for the audit row

    if changes.sku is not None:
        new_sku = _fits(changes.sku.strip(), "sku", label)
        if not new_sku:
            raise BooksError(f"{label}: the SKU cannot be empty")
        if new_sku != p.sku:
            taken = conn.execute(select(products.c.id).where(products.c.sku == new_sku)).first()
            if taken:
                raise BooksError(f"{label}: SKU {new_sku} already belongs to another product")
            new["sku"] = new_sku
            diff["sku"] = [p.sku, new_sku]

    if changes.name is not None:
        name = _fits(" ".join(changes.name.split()), "name", label)
        if not name:
            raise BooksError(f"{label} needs a name")
        if name != p.name:
            new["name"] = name
            new["pinyin"] = pinyin_initials(name)
            diff["name"] = [p.name, name]

    for key in ("category", "unit"):
        value = getattr(changes, key)
        if value is not None:
            value = _fits(value.strip(), key, label)
            if value != getattr(p, key):
                new[key] = value
                diff[key] = [getattr(p, key), value]

    if changes.price is not None:
        price = parse_money(changes.price, f"price of {p.sku}")
        if price < 0:
            raise BooksError(f"{label}: the price cannot be negative")
        if price != p.price:
            new["price"] = price
            new["price_changed_at"] = clock.now()       # price-change labels
            diff["price"] = [money_str(p.price), money_str(price)]

    min_q = _limit(changes.min_qty, f"minimum of {p.sku}") if changes.min_qty is not None else p.min_qty
    max_q = _limit(changes.max_qty, f"maximum of {p.sku}") if changes.max_qty is not None else p.max_qty
    limits_edited = changes.min_qty is not None or changes.max_qty is not None
    if limits_edited and min_q is not None and max_q is not None and min_q > max_q:
        raise BooksError(f"{label}: minimum {qty_str(min_q)} is above maximum {qty_str(max_q)}")
    for key, old, value in (("min_qty", p.min_qty, min_q), ("max_qty", p.max_qty, max_q)):
        if value != old:
            new[key] = value
            diff[key] = [None if old is None else qty_str(old),
                         None if value is None else qty_str(value)]

    for key in ("batch_tracked", "active"):
        value = getattr(changes, key)
        if value is not None and bool(value) != bool(getattr(p, key)):
            new[key] = bool(value)
            diff[key] = [bool(getattr(p, key)), bool(value)]

    if "batch_tracked" in new:
        on_hand, in_batches = _stock_on_hand(conn, p.id)
        if on_hand != 0 or in_batches:
            turn = "on" if new["batch_tracked"] else "off"
            raise BooksError(
                f"{label} has {qty_str(on_hand)} on hand: batch tracking can only be switched "
                f"{turn} when none is on hand (sell, return or count it to zero first), "
                "or the stock would not match its batches")

    add_codes: list[str] = []
    drop_codes: list[str] = []
    if changes.barcodes is not None:
        if isinstance(changes.barcodes, str):
            raise TypeError("ProductChanges.barcodes is the complete list of codes, not one code")
        codes: list[str] = []
        for raw in changes.barcodes:
            try:
                code = normalise_barcode(raw)
            except BooksError as exc:
                raise BooksError(f"{label}: {exc.message}") from None
            if code not in codes:
                codes.append(code)
        old_codes = _codes_of(conn, p.id)
        add_codes = [c for c in codes if c not in old_codes]
        drop_codes = [c for c in old_codes if c not in codes]
        for code in add_codes:
            owner = conn.execute(select(products.c.sku).join(barcodes)
                                 .where(barcodes.c.code == code)).first()
            if owner:
                raise BooksError(f"{label}: barcode {code} already belongs to product {owner.sku}")
        if add_codes or drop_codes:
            diff["barcodes"] = [old_codes, sorted(codes)]

    if not diff:
        return False
    try:
        if new:
            conn.execute(products.update().where(products.c.id == p.id).values(**new))
        if drop_codes:
            conn.execute(barcodes.delete().where(barcodes.c.product_id == p.id,
                                                 barcodes.c.code.in_(drop_codes)))
        if add_codes:
            conn.execute(barcodes.insert(), [{"code": c, "product_id": p.id} for c in add_codes])
    except IntegrityError:   # another edit took the SKU or a code between our check and now
        raise BooksError(f"{label}: the new SKU or a barcode was just taken by another product; "
                         "nothing was saved, please try again") from None
    audit.append(conn, actor, "product.update", "product", p.sku, diff)
    return True


def _update_party(conn: Connection, actor: Actor, table, what: str, name: str,
                  new_name: str | None, phone: str | None, credit_limit: str | None) -> bool:
    r = _party_detail(conn, table, what, name, lock=True)
    label = f"{what} '{r.name}'"
    new: dict = {}
    diff: dict = {}
    if new_name is not None:
        clean = _fits(" ".join(new_name.split()), "name", label)
        if not clean:
            raise BooksError(f"{label}: the name cannot be empty")
        if clean != r.name:
            if conn.execute(select(table.c.id).where(table.c.name == clean)).first():
                raise BooksError(f"{label}: another {what} is already named '{clean}'")
            new["name"] = clean
            diff["name"] = [r.name, clean]
    if phone is not None:
        clean = _fits(phone.strip(), "phone", label)
        if clean != r.phone:
            new["phone"] = clean
            diff["phone"] = [r.phone, clean]
    if credit_limit is not None:
        limit = (None if credit_limit.strip() == ""
                 else parse_money(credit_limit, f"credit limit of {r.name}"))
        if limit is not None and limit < 0:
            raise BooksError(f"{label}: the credit limit cannot be negative")
        if limit != r.credit_limit:
            new["credit_limit"] = limit
            diff["credit_limit"] = [None if r.credit_limit is None else money_str(r.credit_limit),
                                    None if limit is None else money_str(limit)]
    if not diff:
        return False
    try:
        conn.execute(table.update().where(table.c.id == r.id).values(**new))
    except IntegrityError:   # another edit took the name between our check and now
        raise BooksError(f"{label}: another {what} was just given that name; "
                         "nothing was saved, please try again") from None
    audit.append(conn, actor, f"{what}.update", what, r.id, diff)
    return True


def update_customer(conn: Connection, actor: Actor, name: str, *, new_name: str | None = None,
                    phone: str | None = None, credit_limit: str | None = None) -> bool:
    """None leaves a field as it is; credit_limit "" removes the limit.
    Returns False (nothing written) when nothing changes."""
    return _update_party(conn, actor, customers, "customer", name, new_name, phone, credit_limit)


def update_supplier(conn: Connection, actor: Actor, name: str, *, new_name: str | None = None,
                    phone: str | None = None) -> bool:
    """None leaves a field as it is. Returns False (nothing written) when nothing changes."""
    return _update_party(conn, actor, suppliers, "supplier", name, new_name, phone, None)
