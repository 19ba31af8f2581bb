"""Read queries behind the desktop's lists: keyset pages of plain tuples.

Every list pages on a unique key (SKU, name) with
`WHERE key > :last ORDER BY key LIMIT :n`, never OFFSET, so the ten
thousandth page costs what the first one does. A row is a plain tuple whose
first item is that key; money stays integer fen and quantities integer
thousandths (db.money formats them), so the screens, the tests and later
exports share one query each.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Callable

from sqlalchemy import Connection, func, select

from db.schema import barcodes, customers, products, stock, suppliers

Row = tuple


@dataclass(frozen=True)
class PagedList:
    """A list that can be read a page at a time, in key order."""
    name: str
    fields: tuple[str, ...]
    # (conn, key of the last row already read or None, how many) -> rows
    page: Callable[[Connection, Any, int], list[Row]]
    count: Callable[[Connection], int]


def _count(table, *where) -> Callable[[Connection], int]:
    def count(conn: Connection) -> int:
        q = select(func.count()).select_from(table)
        if where:
            q = q.where(*where)
        return conn.execute(q).scalar_one()
    return count


def _after(query, key_column, after):
    if after is not None:
        query = query.where(key_column > after)
    return query.order_by(key_column)


def stock_page(conn: Connection, after: str | None, limit: int) -> list[Row]:
    """(sku, name, category, unit, on hand milli, price fen) of active products."""
    q = (select(products.c.sku, products.c.name, products.c.category, products.c.unit,
                stock.c.qty, products.c.price)
         .join(stock, stock.c.product_id == products.c.id)
         .where(products.c.active.is_(True)))
    return [tuple(r) for r in conn.execute(_after(q, products.c.sku, after).limit(limit))]


def product_page(conn: Connection, after: str | None, limit: int) -> list[Row]:
    """(sku, name, barcodes 'a, b', category, unit, price fen, on hand milli, min, max)."""
    q = (select(products.c.id, products.c.sku, products.c.name, products.c.category,
                products.c.unit, products.c.price, stock.c.qty, products.c.min_qty,
                products.c.max_qty)
         .join(stock, stock.c.product_id == products.c.id)
         .where(products.c.active.is_(True)))
    rows = conn.execute(_after(q, products.c.sku, after).limit(limit)).all()
    codes: dict[int, list[str]] = defaultdict(list)
    if rows:
        for pid, code in conn.execute(select(barcodes.c.product_id, barcodes.c.code)
                                      .where(barcodes.c.product_id.in_([r.id for r in rows]))
                                      .order_by(barcodes.c.product_id, barcodes.c.code)):
            codes[pid].append(code)
    return [(r.sku, r.name, ", ".join(codes.get(r.id, ())), r.category, r.unit, r.price,
             r.qty, r.min_qty, r.max_qty) for r in rows]


def customer_page(conn: Connection, after: str | None, limit: int) -> list[Row]:
    """(name, phone, credit limit fen or None, balance fen: what they owe the shop)."""
    q = select(customers.c.name, customers.c.phone, customers.c.credit_limit, customers.c.balance)
    return [tuple(r) for r in conn.execute(_after(q, customers.c.name, after).limit(limit))]


def supplier_page(conn: Connection, after: str | None, limit: int) -> list[Row]:
    """(name, phone, balance fen: what the shop owes them)."""
    q = select(suppliers.c.name, suppliers.c.phone, suppliers.c.balance)
    return [tuple(r) for r in conn.execute(_after(q, suppliers.c.name, after).limit(limit))]


_active = products.c.active.is_(True)

STOCK = PagedList("stock", ("sku", "name", "category", "unit", "on_hand", "price"),
                  stock_page, _count(products, _active))
PRODUCTS = PagedList("products", ("sku", "name", "barcodes", "category", "unit", "price",
                                  "on_hand", "min_qty", "max_qty"),
                     product_page, _count(products, _active))
CUSTOMERS = PagedList("customers", ("name", "phone", "credit_limit", "balance"),
                      customer_page, _count(customers))
SUPPLIERS = PagedList("suppliers", ("name", "phone", "balance"),
                      supplier_page, _count(suppliers))
