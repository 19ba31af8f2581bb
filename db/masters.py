"""Master data: products with barcodes, customers, suppliers, shop settings."""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Connection, select

from db import audit, clock
from db.audit import Actor
from db.codes import normalise_barcode
from db.errors import BooksError, NotFound
from db.money import money_str, parse_money, parse_qty, qty_str
from db.schema import barcodes, customers, products, settings, stock, suppliers


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


def get_setting(conn: Connection, key: str, default: str | None = None) -> str | None:
    row = conn.execute(select(settings.c.value).where(settings.c.key == key)).first()
    return row.value if row else default


def set_setting(conn: Connection, actor: Actor, key: str, value: str) -> None:
    old = get_setting(conn, key)
    if old is None:
        conn.execute(settings.insert().values(key=key, value=value))
    else:
        conn.execute(settings.update().where(settings.c.key == key).values(value=value))
    audit.append(conn, actor, "setting.set", "setting", key, {"old": old, "new": value})
