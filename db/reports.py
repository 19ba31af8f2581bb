"""Read queries behind `report ...`: plain rows with decimal strings."""
from __future__ import annotations

from collections import defaultdict

from sqlalchemy import Connection, select

from db.money import money_str, qty_str, unit_cost
from db.schema import barcodes, customers, products, stock, suppliers


def stock_report(conn: Connection, *, with_cost: bool = True) -> list[dict]:
    """Every product with its barcodes, on hand and average unit cost, by SKU."""
    codes: dict[int, list[str]] = defaultdict(list)
    for pid, code in conn.execute(select(barcodes.c.product_id, barcodes.c.code)
                                  .order_by(barcodes.c.product_id, barcodes.c.code)):
        codes[pid].append(code)
    rows = conn.execute(select(products.c.id, products.c.sku, products.c.name, products.c.category,
                               products.c.unit, products.c.price, stock.c.qty, stock.c.value,
                               stock.c.last_cost)
                        .join(stock, stock.c.product_id == products.c.id)
                        .order_by(products.c.sku))
    out = []
    for r in rows:
        item = {"sku": r.sku, "name": r.name, "barcodes": codes.get(r.id, []),
                "category": r.category, "unit": r.unit, "on_hand": qty_str(r.qty)}
        if with_cost:
            item["cost"] = money_str(unit_cost(r.value, r.qty) if r.qty > 0 else r.last_cost)
        item["price"] = money_str(r.price)
        out.append(item)
    return out


def receivables(conn: Connection, *, include_zero: bool = False) -> list[dict]:
    q = select(customers.c.name, customers.c.balance).order_by(customers.c.name)
    if not include_zero:
        q = q.where(customers.c.balance != 0)
    return [{"customer": r.name, "balance": money_str(r.balance)} for r in conn.execute(q)]


def payables(conn: Connection, *, include_zero: bool = False) -> list[dict]:
    q = select(suppliers.c.name, suppliers.c.balance).order_by(suppliers.c.name)
    if not include_zero:
        q = q.where(suppliers.c.balance != 0)
    return [{"supplier": r.name, "balance": money_str(r.balance)} for r in conn.execute(q)]
