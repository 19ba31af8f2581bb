"""The tables of the shop's books (SQLAlchemy Core).

Money columns hold integer fen, quantity columns integer thousandths of a
unit (see db.money). Nothing here is a float. Alembic migrations under
db/migrations create and upgrade these tables; tests compare the two.
"""
from __future__ import annotations

from sqlalchemy import (BigInteger, Boolean, CheckConstraint, Column, Date, DateTime,
                        ForeignKey, Index, Integer, MetaData, String, Table, Text,
                        UniqueConstraint, cast, func)

Id = BigInteger().with_variant(Integer(), "sqlite")  # rowid alias on SQLite
Money = BigInteger
Qty = BigInteger


def int_sum(col):
    """SUM of a money or quantity column, as an integer (PostgreSQL's SUM(bigint) is numeric)."""
    return cast(func.sum(col), BigInteger)

metadata = MetaData(naming_convention={
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
})

ROLES = ("owner", "manager", "cashier", "clerk", "bookkeeper")

# kind -> number prefix (pinyin initials of the Chinese name)
DOC_KINDS = {
    "sale": "XS",               # 销售
    "sale-return": "XT",        # 销售退货
    "purchase-order": "CG",     # 采购订单
    "purchase-receipt": "RK",   # 采购入库
    "purchase-return": "CT",    # 采购退货
    "adjustment": "TZ",         # 库存调整
    "stocktake": "PD",          # 盘点
    "customer-payment": "SK",   # 收款
    "supplier-payment": "FK",   # 付款
}
DOC_STATUSES = ("draft", "awaiting-approval", "approved", "rejected",
                "posted", "cancelled")
PAYMENT_METHODS = ("cash", "card", "wechat", "alipay", "account")

settings = Table(
    "settings", metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

users = Table(
    "users", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(64), nullable=False, unique=True),
    Column("role", String(16), nullable=False),
    Column("password_hash", String(255), nullable=False),
    Column("active", Boolean, nullable=False, default=True),
    Column("failed_attempts", Integer, nullable=False, default=0),
    Column("locked_until", DateTime),
    Column("created_at", DateTime, nullable=False),
    CheckConstraint("role IN ('owner','manager','cashier','clerk','bookkeeper')", name="role"),
)

products = Table(
    "products", metadata,
    Column("id", Integer, primary_key=True),
    Column("sku", String(64), nullable=False, unique=True),
    Column("name", String(200), nullable=False),
    Column("pinyin", String(200), nullable=False, default=""),
    Column("category", String(100), nullable=False, default=""),
    Column("unit", String(20), nullable=False, default=""),
    Column("price", Money, nullable=False, default=0),
    Column("min_qty", Qty),
    Column("max_qty", Qty),
    Column("batch_tracked", Boolean, nullable=False, default=False),
    Column("active", Boolean, nullable=False, default=True),
    Column("created_at", DateTime, nullable=False),
    Index("ix_products_name", "name"),
    Index("ix_products_pinyin", "pinyin"),
    Index("ix_products_category", "category"),
)

barcodes = Table(
    "barcodes", metadata,
    Column("code", String(48), primary_key=True),
    Column("product_id", Integer, ForeignKey("products.id"), nullable=False, index=True),
)

batches = Table(
    "batches", metadata,
    Column("id", Integer, primary_key=True),
    Column("product_id", Integer, ForeignKey("products.id"), nullable=False),
    Column("batch_no", String(64), nullable=False),
    Column("expiry", Date),
    Column("qty", Qty, nullable=False, default=0),  # on-hand cache per batch
    UniqueConstraint("product_id", "batch_no"),
)

customers = Table(
    "customers", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(200), nullable=False, unique=True),
    Column("phone", String(40), nullable=False, default=""),
    Column("credit_limit", Money),
    Column("balance", Money, nullable=False, default=0),  # receivable cache
    Column("created_at", DateTime, nullable=False),
)

suppliers = Table(
    "suppliers", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(200), nullable=False, unique=True),
    Column("phone", String(40), nullable=False, default=""),
    Column("balance", Money, nullable=False, default=0),  # payable cache
    Column("created_at", DateTime, nullable=False),
)

# The on-hand cache: one row per product, written only by posting.
stock = Table(
    "stock", metadata,
    Column("product_id", Integer, ForeignKey("products.id"), primary_key=True),
    Column("qty", Qty, nullable=False, default=0),
    Column("value", Money, nullable=False, default=0),     # at moving average cost
    Column("last_cost", Money, nullable=False, default=0),  # unit cost of the last receipt
)

doc_counters = Table(
    "doc_counters", metadata,
    Column("kind", String(24), primary_key=True),
    Column("day", String(8), primary_key=True),
    Column("last", Integer, nullable=False),
)

documents = Table(
    "documents", metadata,
    Column("id", Id, primary_key=True),
    Column("kind", String(24), nullable=False),
    Column("number", String(40), nullable=False, unique=True),
    Column("status", String(24), nullable=False),
    Column("client_id", String(64), unique=True),
    Column("customer_id", Integer, ForeignKey("customers.id")),
    Column("supplier_id", Integer, ForeignKey("suppliers.id")),
    Column("payment", String(16)),
    Column("total", Money, nullable=False, default=0),
    Column("ref_id", Id, ForeignKey("documents.id")),       # the sale of a return, the order of a receipt
    Column("reverses_id", Id, ForeignKey("documents.id")),  # set on a reversal
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("doc_date", Date, nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("posted_at", DateTime),
    Column("cancelled_at", DateTime),
    Column("urgent", Boolean, nullable=False, default=False),
    Column("note", Text, nullable=False, default=""),
    Index("ix_documents_kind_date", "kind", "doc_date"),
    Index("ix_documents_customer", "customer_id"),
    Index("ix_documents_supplier", "supplier_id"),
    Index("ix_documents_ref", "ref_id"),
)

document_lines = Table(
    "document_lines", metadata,
    Column("id", Id, primary_key=True),
    Column("document_id", Id, ForeignKey("documents.id"), nullable=False),
    Column("line_no", Integer, nullable=False),
    Column("product_id", Integer, ForeignKey("products.id"), nullable=False),
    Column("batch_id", Integer, ForeignKey("batches.id")),
    Column("qty", Qty, nullable=False),
    Column("price", Money, nullable=False, default=0),   # unit price (sale) or unit cost (receipt)
    Column("amount", Money, nullable=False, default=0),  # line_amount(price, qty)
    Column("cost", Money, nullable=False, default=0),    # cost of goods (sales, returns)
    Column("expected", Qty),                              # stocktake: on hand when counted
    Column("ref_line_id", Id, ForeignKey("document_lines.id")),  # the sale line a return line returns
    UniqueConstraint("document_id", "line_no"),
    Index("ix_document_lines_product", "product_id"),
    Index("ix_document_lines_ref_line", "ref_line_id"),
)

document_payments = Table(
    "document_payments", metadata,
    Column("id", Id, primary_key=True),
    Column("document_id", Id, ForeignKey("documents.id"), nullable=False, index=True),
    Column("method", String(16), nullable=False),
    Column("amount", Money, nullable=False),
)

# Append-only: one row per movement of stock.
stock_ledger = Table(
    "stock_ledger", metadata,
    Column("id", Id, primary_key=True),
    Column("document_id", Id, ForeignKey("documents.id"), nullable=False),
    Column("line_no", Integer),
    Column("product_id", Integer, ForeignKey("products.id"), nullable=False),
    Column("batch_id", Integer, ForeignKey("batches.id")),
    Column("qty", Qty, nullable=False),         # + in, - out
    Column("unit_cost", Money, nullable=False),  # fen per unit, rounded (for reading)
    Column("value", Money, nullable=False),      # exact value moved, + in, - out
    Column("flag", String(24)),                  # e.g. 'negative-stock'
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("created_at", DateTime, nullable=False),
    Index("ix_stock_ledger_product", "product_id", "id"),
    Index("ix_stock_ledger_document", "document_id"),
)

# Append-only: one row per change of what a customer owes or the shop owes a supplier.
account_ledger = Table(
    "account_ledger", metadata,
    Column("id", Id, primary_key=True),
    Column("document_id", Id, ForeignKey("documents.id"), nullable=False),
    Column("customer_id", Integer, ForeignKey("customers.id")),
    Column("supplier_id", Integer, ForeignKey("suppliers.id")),
    Column("amount", Money, nullable=False),  # + owed more, - owed less
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("created_at", DateTime, nullable=False),
    CheckConstraint("(customer_id IS NULL) <> (supplier_id IS NULL)", name="one_party"),
    Index("ix_account_ledger_customer", "customer_id"),
    Index("ix_account_ledger_supplier", "supplier_id"),
    Index("ix_account_ledger_document", "document_id"),
)

audit_log = Table(
    "audit_log", metadata,
    Column("id", Id, primary_key=True),
    Column("seq", BigInteger, nullable=False, unique=True),
    Column("at", DateTime, nullable=False),
    Column("user_id", Integer, ForeignKey("users.id")),
    Column("user_name", String(64), nullable=False),
    Column("action", String(40), nullable=False),
    Column("entity", String(40), nullable=False),
    Column("entity_id", String(64), nullable=False),
    Column("detail", Text, nullable=False),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
)

# The tip of the audit chain: one row, locked by whoever appends.
audit_head = Table(
    "audit_head", metadata,
    Column("id", Integer, primary_key=True),
    Column("seq", BigInteger, nullable=False),
    Column("hash", String(64), nullable=False),
)
