"""The shop's books out to .xlsx, headed with the words the import knows, so a
book exported here imports back as it was (products, customers and suppliers
as themselves, stock as opening stock, sales as sales history): codes stay
text, money and quantities exact numbers, dates dates. Several barcodes of
one product share a cell, separated by commas.
"""
from __future__ import annotations

from typing import Callable, Iterator

from sqlalchemy import Engine, func, select

from db.audit import Actor
from db.engine import read_connection
from db.errors import BooksError, PermissionDenied
from db.permissions import may
from db.schema import (barcodes, customers, document_lines, documents, products, stock,
                       stock_ledger, suppliers)
from desktop.export import MONEY_FORMAT, QTY_FORMAT, export_xlsx, money_cell, qty_cell

KINDS = ("products", "stock", "customers", "suppliers", "sales", "movements")
BATCH = 5000


def _codes(conn, ids: list[int]) -> dict[int, str]:
    out: dict[int, list[str]] = {}
    for i in range(0, len(ids), 900):
        for code, pid in conn.execute(select(barcodes.c.code, barcodes.c.product_id)
                                      .where(barcodes.c.product_id.in_(ids[i:i + 900]))
                                      .order_by(barcodes.c.code)):
            out.setdefault(pid, []).append(code)
    return {k: ", ".join(v) for k, v in out.items()}


def _products(conn, with_cost: bool) -> Iterator[tuple]:
    q = (select(products.c.id, products.c.sku, products.c.name, products.c.category,
                products.c.unit, products.c.price, stock.c.last_cost, products.c.min_qty,
                products.c.max_qty)
         .join(stock, stock.c.product_id == products.c.id)
         .where(products.c.active.is_(True)).order_by(products.c.sku))
    rows = conn.execute(q.execution_options(yield_per=BATCH))
    for part in rows.partitions():
        codes = _codes(conn, [r.id for r in part])
        for r in part:
            yield (r.sku, r.name, codes.get(r.id, ""), r.category, r.unit, money_cell(r.price),
                   money_cell(r.last_cost) if with_cost else None,
                   qty_cell(r.min_qty), qty_cell(r.max_qty))


def _stock(conn, with_cost: bool) -> Iterator[tuple]:
    q = (select(products.c.sku, products.c.name, products.c.unit, stock.c.qty, stock.c.value)
         .join(stock, stock.c.product_id == products.c.id)
         .where(products.c.active.is_(True)).order_by(products.c.sku))
    for r in conn.execute(q.execution_options(yield_per=BATCH)):
        cost = (r.value * 1000 + r.qty // 2) // r.qty if r.qty > 0 else None
        yield (r.sku, r.name, r.unit, qty_cell(r.qty), money_cell(cost) if with_cost else None)


def _parties(conn, table, with_limit: bool) -> Iterator[tuple]:
    cols = [table.c.name, table.c.phone, table.c.balance]
    if with_limit:
        cols.append(table.c.credit_limit)
    for r in conn.execute(select(*cols).order_by(table.c.name)):
        row = (r.name, r.phone, money_cell(r.balance))
        yield row + ((money_cell(r.credit_limit),) if with_limit else ())


def _sales(conn) -> Iterator[tuple]:
    sign = {"sale": 1, "sale-return": -1}
    q = (select(documents.c.doc_date, documents.c.number, documents.c.kind, products.c.sku,
                products.c.name, document_lines.c.qty, document_lines.c.price,
                document_lines.c.amount, customers.c.name.label("customer"))
         .select_from(document_lines.join(documents, documents.c.id == document_lines.c.document_id)
                      .join(products, products.c.id == document_lines.c.product_id)
                      .outerjoin(customers, customers.c.id == documents.c.customer_id))
         .where(documents.c.kind.in_(tuple(sign)), documents.c.status == "posted",
                documents.c.reverses_id.is_(None))
         .order_by(documents.c.id, document_lines.c.line_no))
    for r in conn.execute(q.execution_options(yield_per=BATCH)):
        s = sign[r.kind]
        yield (r.doc_date, r.number, r.sku, r.name, qty_cell(s * r.qty), money_cell(r.price),
               money_cell(s * r.amount), r.customer or "")


def _movements(conn, with_cost: bool) -> Iterator[tuple]:
    q = (select(stock_ledger.c.created_at, documents.c.number, documents.c.kind, products.c.sku,
                products.c.name, stock_ledger.c.qty, stock_ledger.c.value, stock_ledger.c.flag)
         .select_from(stock_ledger.join(documents, documents.c.id == stock_ledger.c.document_id)
                      .join(products, products.c.id == stock_ledger.c.product_id))
         .order_by(stock_ledger.c.id))
    for r in conn.execute(q.execution_options(yield_per=BATCH)):
        yield (r.created_at, r.number, r.kind, r.sku, r.name, qty_cell(r.qty),
               money_cell(r.value) if with_cost else None, r.flag or "")


SPEC = {
    "products": (["货号", "商品名称", "条形码", "分类", "单位", "零售价", "成本价", "最低库存",
                  "最高库存"], {5: MONEY_FORMAT, 6: MONEY_FORMAT, 7: QTY_FORMAT, 8: QTY_FORMAT}),
    "stock": (["货号", "商品名称", "单位", "数量", "成本价"], {3: QTY_FORMAT, 4: MONEY_FORMAT}),
    "customers": (["客户名称", "联系电话", "应收余额", "信用额度"], {2: MONEY_FORMAT,
                                                              3: MONEY_FORMAT}),
    "suppliers": (["供应商名称", "联系电话", "应付余额"], {2: MONEY_FORMAT}),
    "sales": (["日期", "单号", "商品编码", "商品名称", "数量", "单价", "金额", "客户"],
              {4: QTY_FORMAT, 5: MONEY_FORMAT, 6: MONEY_FORMAT}),
    "movements": (["时间", "单号", "类型", "货号", "商品名称", "数量", "金额", "标记"],
                  {5: QTY_FORMAT, 6: MONEY_FORMAT}),
}


def export_kind(engine: Engine, actor: Actor, kind: str, path, *,
                progress: Callable[[int], None] | None = None,
                cancelled: Callable[[], bool] | None = None) -> int:
    """Writes the kind to path (.xlsx); returns the number of rows. Only for those
    who may see costs: the books out carry them (products, stock, movements), and
    a cashier's file would still name them (a list on screen exports as shown)."""
    if kind not in KINDS:
        raise BooksError(f"unknown kind '{kind}': one of {', '.join(KINDS)}")
    cost = may(actor, "see-cost")
    if not cost:
        raise PermissionDenied(f"{actor.name} ({actor.role}) may not do this: export the "
                               "books (they carry costs)")
    headers, formats = SPEC[kind]
    with read_connection(engine) as conn:
        rows = {"products": lambda: _products(conn, cost), "stock": lambda: _stock(conn, cost),
                "customers": lambda: _parties(conn, customers, True),
                "suppliers": lambda: _parties(conn, suppliers, False),
                "sales": lambda: _sales(conn),
                "movements": lambda: _movements(conn, cost)}[kind]()
        return export_xlsx(path, kind, headers, rows, numeric_formats=formats,
                           progress=progress, cancelled=cancelled)


def count(engine: Engine, kind: str) -> int:
    with read_connection(engine) as conn:
        table = {"products": products, "stock": products, "customers": customers,
                 "suppliers": suppliers, "sales": document_lines,
                 "movements": stock_ledger}[kind]
        return conn.execute(select(func.count()).select_from(table)).scalar_one()
