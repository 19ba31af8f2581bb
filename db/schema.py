"""The tables of the shop's books (SQLAlchemy Core).

Money columns hold integer fen, quantity columns integer thousandths of a
unit (see db.money). Nothing here is a float. Alembic migrations under
db/migrations create and upgrade these tables; tests compare the two.
"""
from __future__ import annotations

from sqlalchemy import (BigInteger, Boolean, CheckConstraint, Column, Date, DateTime,
                        ForeignKey, Index, Integer, MetaData, String, Table, Text,
                        UniqueConstraint, cast, func, text)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement

Id = BigInteger().with_variant(Integer(), "sqlite")  # rowid alias on SQLite
Money = BigInteger
Qty = BigInteger


def int_sum(col):
    """SUM of a money or quantity column, as an integer (PostgreSQL's SUM(bigint) is numeric)."""
    return cast(func.sum(col), BigInteger)


class ascii_lower(FunctionElement):
    """lower() of ASCII letters only, compared byte by byte: SQLite's lower(x);
    PostgreSQL's lower(x COLLATE "C") (the C collation folds only A-Z, and the
    result compares in byte order whatever the database's collation is).
    Prefix searches (db.lists) and the index they use are written with it."""
    inherit_cache = True
    name = "ascii_lower"
    type = String()


@compiles(ascii_lower)
def _ascii_lower(element, compiler, **kw):
    return f"lower({compiler.process(element.clauses, **kw)})"


@compiles(ascii_lower, "postgresql")
def _ascii_lower_pg(element, compiler, **kw):
    return f'lower({compiler.process(element.clauses, **kw)} COLLATE "C")'


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
    "opening-stock": "QC",      # 期初库存 (an imported book's quantities)
    "opening-balance": "QE",    # 期初余额 (what customers owed / the shop owed suppliers)
}
DOC_STATUSES = ("draft", "awaiting-approval", "approved", "rejected",
                "partly-received", "received", "posted", "cancelled")
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
    # when the sale price last changed (price-change labels); NULL: never since added
    Column("price_changed_at", DateTime),
    # Lists sort on a column with the SKU as the tie-break (db.lists pages by keyset).
    Index("ix_products_name_sku", "name", "sku"),
    Index("ix_products_category_sku", "category", "sku"),
    Index("ix_products_price_sku", "price", "sku"),
    Index("ix_products_unit_sku", "unit", "sku"),
    # Prefix searches: byte order on PostgreSQL whatever the database's collation
    # (pattern operators ~>=~ ~<~); SQLite's BINARY order is byte order already.
    Index("ix_products_pinyin", "pinyin", postgresql_ops={"pinyin": "varchar_pattern_ops"}),
    Index("ix_products_price_changed_at", "price_changed_at"),
)
Index("ix_products_sku_ascii_lower", ascii_lower(products.c.sku))   # SKU prefix, any case
# PostgreSQL finds name fragments through the name's characters and character
# pairs (sk_name_grams, migration 0003); SQLite keeps them in product_grams.
Index("ix_products_name_grams", func.sk_name_grams(products.c.name),
      postgresql_using="gin").ddl_if(dialect="postgresql")

barcodes = Table(
    "barcodes", metadata,
    Column("code", String(48), primary_key=True),
    Column("product_id", Integer, ForeignKey("products.id"), nullable=False, index=True),
    Index("ix_barcodes_code_product", "code", "product_id",
          postgresql_ops={"code": "varchar_pattern_ops"}),   # barcode prefix -> product
)

# SQLite's index of name fragments: every character of a product's name with the
# character after it (chr(31) after the last), so the products whose names hold a
# fragment are found by its first pair (one character: a range of pairs). Kept by
# triggers on products (migration 0003); empty on PostgreSQL, which indexes
# sk_name_grams(name) instead.
product_grams = Table(
    "product_grams", metadata,
    Column("gram", String(2), primary_key=True),
    Column("product_id", Integer, primary_key=True),
    sqlite_with_rowid=False,
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
    Index("ix_documents_user_posted", "user_id", "posted_at"),   # a cashier's shift (db.shifts)
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
    # The imports' history (db.lists.IMPORTS): a partial index, so the rows every
    # posting appends cost no index entry.
    Index("ix_audit_log_imports", "seq", sqlite_where=text("substr(action, 1, 6) = 'import'"),
          postgresql_where=text("substr(action, 1, 6) = 'import'")),
)

# The tip of the audit chain: one row, locked by whoever appends.
audit_head = Table(
    "audit_head", metadata,
    Column("id", Integer, primary_key=True),
    Column("seq", BigInteger, nullable=False),
    Column("hash", String(64), nullable=False),
)


# ---------------------------------------------------------------- the counter (db.counter, db.shifts)

# A sale put aside at the till (挂单) to serve the next customer; resumed on any
# terminal, which deletes the row. lines: JSON [{"code": SKU, "qty": milli, "price": fen|null}].
held_sales = Table(
    "held_sales", metadata,
    Column("id", Integer, primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("held_at", DateTime, nullable=False),
    Column("customer_id", Integer, ForeignKey("customers.id")),
    Column("note", Text, nullable=False, default=""),
    Column("lines", Text, nullable=False),
)

# A cashier's shift (交班): from opening the drawer with a float to counting it.
shifts = Table(
    "shifts", metadata,
    Column("id", Integer, primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),   # the cashier
    Column("opened_at", DateTime, nullable=False),
    Column("opening_float", Money, nullable=False),
    Column("closed_at", DateTime),
    Column("closed_by", Integer, ForeignKey("users.id")),
    Column("note", Text, nullable=False, default=""),
    # a user's open shift: one indexed look-up, and never two of them
    Index("ix_shifts_user_open", "user_id", unique=True,
          sqlite_where=text("closed_at IS NULL"), postgresql_where=text("closed_at IS NULL")),
)

# What a closed shift should have held and what was counted, per payment method.
shift_counts = Table(
    "shift_counts", metadata,
    Column("shift_id", Integer, ForeignKey("shifts.id"), primary_key=True),
    Column("method", String(16), primary_key=True),
    Column("expected", Money, nullable=False),
    Column("counted", Money, nullable=False),
)


# ---------------------------------------------------------------- purchasing (db.orders, db.approvals)

# What a purchase order has beyond a document: its dates and the urgent flag.
# The order itself is a documents row (kind purchase-order) whose status runs
# draft -> awaiting-approval -> approved -> partly-received -> received, or
# rejected / cancelled; its lines are document_lines (price = unit cost).
purchase_orders = Table(
    "purchase_orders", metadata,
    Column("document_id", Id, ForeignKey("documents.id"), primary_key=True),
    Column("expected_date", Date),
    Column("urgent", Boolean, nullable=False, default=False),
    Column("submitted_at", DateTime),
    Column("approved_at", DateTime),
    Column("rejected_at", DateTime),
    Column("reason", Text, nullable=False, default=""),     # why it was rejected
    Column("received_at", DateTime),                         # the last goods in
)

# One row per approval an order needs, in order. status: pending (not yet its
# turn), waiting (its turn: assigned_role decides), approved, rejected,
# skipped (urgent, and the owner marked the step skippable), waived (nobody
# but the order's creator could decide it and the creator is at the top).
approval_steps = Table(
    "approval_steps", metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Id, ForeignKey("documents.id"), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("role", String(16), nullable=False),            # as the rule asked
    Column("assigned_role", String(16), nullable=False),   # who decides now
    Column("status", String(16), nullable=False),
    Column("started_at", DateTime),
    Column("due_at", DateTime),
    Column("decided_at", DateTime),
    Column("decided_by", Integer, ForeignKey("users.id")),
    Column("escalations", Integer, nullable=False, default=0),
    Column("timed_out", Boolean, nullable=False, default=False),
    UniqueConstraint("document_id", "seq"),
    Index("ix_approval_steps_waiting", "status", "assigned_role"),
)

# What happened to an order on its way: submitted, escalated, timeout,
# reassigned, approved, rejected, skipped, waived (the process report counts them).
approval_events = Table(
    "approval_events", metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Id, ForeignKey("documents.id"), nullable=False, index=True),
    Column("at", DateTime, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("from_role", String(16)),
    Column("to_role", String(16)),
    Column("user_id", Integer, ForeignKey("users.id")),
    Column("note", Text, nullable=False, default=""),
)


# ---------------------------------------------------------------- imports (db.imports)

# One imported book: what it was, who brought it in, what it made. content_hash
# is of the rows imported, so the same rows imported again are found (and not
# imported twice) whatever the file's name or bytes.
import_batches = Table(
    "import_batches", metadata,
    Column("id", Integer, primary_key=True),
    Column("kind", String(24), nullable=False),
    Column("file", Text, nullable=False),
    Column("sheet", Text, nullable=False, default=""),
    Column("content_hash", String(64), nullable=False),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("at", DateTime, nullable=False),
    Column("rows_imported", Integer, nullable=False),
    Column("status", String(16), nullable=False),          # committed | undone
    Column("documents", Text, nullable=False, default=""),  # numbers posted, space separated
    Index("ix_import_batches_hash", "kind", "content_hash"),
)

# What a batch created, so that undoing it can find it (products, customers, suppliers).
import_created = Table(
    "import_created", metadata,
    Column("batch_id", Integer, ForeignKey("import_batches.id"), primary_key=True),
    Column("entity", String(16), primary_key=True),
    Column("entity_id", Integer, primary_key=True),
)

# Sales from before the shop used Storekeeper: for reports, never for today's stock.
sales_history = Table(
    "sales_history", metadata,
    Column("id", Integer, primary_key=True),
    Column("batch_id", Integer, ForeignKey("import_batches.id"), nullable=False, index=True),
    Column("day", Date, nullable=False),
    Column("product_id", Integer, ForeignKey("products.id")),
    Column("sku", String(64), nullable=False, default=""),
    Column("name", String(200), nullable=False, default=""),
    Column("qty", Qty, nullable=False, default=0),
    Column("amount", Money, nullable=False),
    Column("customer", String(200), nullable=False, default=""),
    Index("ix_sales_history_day", "day"),
)


# ---------------------------------------------------------------- printing (desktop.printing.labels)

# Label templates the owner defines (the built-in ones live in code): spec is the
# template as JSON (page, label size, grid, the fields placed on it).
label_templates = Table(
    "label_templates", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(64), nullable=False, unique=True),
    Column("spec", Text, nullable=False),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("updated_at", DateTime, nullable=False),
)


# ---------------------------------------------------------------- rollups (db.rollups)

# Sales and returns summed per day, kept by posting in the posting's transaction,
# rebuildable from the documents (`rollups rebuild`) and verified by `check`.
# customer_id 0: sales to nobody in particular.
sales_day_product = Table(
    "sales_day_product", metadata,
    Column("day", Date, primary_key=True),
    Column("product_id", Integer, ForeignKey("products.id"), primary_key=True),
    Column("qty", Qty, nullable=False, default=0),
    Column("amount", Money, nullable=False, default=0),
    Column("cost", Money, nullable=False, default=0),
    Column("lines", Integer, nullable=False, default=0),
    Index("ix_sales_day_product_product", "product_id", "day"),
    sqlite_with_rowid=False,         # rows kept in key order: a period is one range
)
sales_day_customer = Table(
    "sales_day_customer", metadata,
    Column("day", Date, primary_key=True),
    Column("customer_id", Integer, primary_key=True),
    Column("qty", Qty, nullable=False, default=0),
    Column("amount", Money, nullable=False, default=0),
    Column("cost", Money, nullable=False, default=0),
    Column("docs", Integer, nullable=False, default=0),
    sqlite_with_rowid=False,
)
sales_day_user = Table(
    "sales_day_user", metadata,
    Column("day", Date, primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id"), primary_key=True),
    Column("qty", Qty, nullable=False, default=0),
    Column("amount", Money, nullable=False, default=0),
    Column("cost", Money, nullable=False, default=0),
    Column("docs", Integer, nullable=False, default=0),
    sqlite_with_rowid=False,
)
sales_day_payment = Table(
    "sales_day_payment", metadata,
    Column("day", Date, primary_key=True),
    Column("method", String(16), primary_key=True),
    Column("amount", Money, nullable=False, default=0),
    Column("docs", Integer, nullable=False, default=0),
    sqlite_with_rowid=False,
)
# sales_day_product summed per month (month: its first day), so that a summary by
# product over months reads a month's row, not thirty days' rows.
sales_month_product = Table(
    "sales_month_product", metadata,
    Column("month", Date, primary_key=True),
    Column("product_id", Integer, ForeignKey("products.id"), primary_key=True),
    Column("qty", Qty, nullable=False, default=0),
    Column("amount", Money, nullable=False, default=0),
    Column("cost", Money, nullable=False, default=0),
    Column("lines", Integer, nullable=False, default=0),
    sqlite_with_rowid=False,
)
# PostgreSQL: a month's rows read from the index alone (SQLite's table is its key's
# order already). Costs the tills nothing measurable (bench checkout, 4 terminals).
Index("ix_sales_month_product_cover", sales_month_product.c.month,
      sales_month_product.c.product_id,
      postgresql_include=["qty", "amount", "cost", "lines"]).ddl_if(dialect="postgresql")


# ---------------------------------------------------------------- the archive (db.archive)

# One row per `archive --before DATE` that moved something: when, by whom, how much, where to.
archive_runs = Table(
    "archive_runs", metadata,
    Column("id", Integer, primary_key=True),
    Column("before", Date, nullable=False),
    Column("at", DateTime, nullable=False),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("documents", Integer, nullable=False),
    Column("lines", Integer, nullable=False),
    Column("location", Text, nullable=False),      # the archive file, or the schema
)

# What the archived ledger rows added up to, where check's replay starts:
# kind 'product' (qty, value, ledger_id: the last archived stock_ledger id of the
# product), 'batch' (qty), 'customer' / 'supplier' (value: the balance moved).
archive_openings = Table(
    "archive_openings", metadata,
    Column("kind", String(16), primary_key=True),
    Column("entity_id", Integer, primary_key=True),
    Column("qty", Qty, nullable=False, default=0),
    Column("value", Money, nullable=False, default=0),
    Column("ledger_id", Id),
)
# Deleting documents checks that no reversal points at them: without this index
# each deleted row would scan the documents. Partial: only reversals are in it.
Index("ix_documents_reverses", documents.c.reverses_id,
      sqlite_where=text("reverses_id IS NOT NULL"),
      postgresql_where=text("reverses_id IS NOT NULL"))


# ---------------------------------------------------------------- stock counts (db.counts)

# A count in progress or done: full (every active product) or cycle (the ones
# chosen: today's schedule, a category, a list); blind counts hide what the
# books expect from those who count. Posted as one stocktake document.
stock_counts = Table(
    "stock_counts", metadata,
    Column("id", Integer, primary_key=True),
    Column("kind", String(8), nullable=False),                 # 'full' | 'cycle'
    Column("blind", Boolean, nullable=False, default=False),
    Column("status", String(12), nullable=False),              # counting, review, posted, cancelled
    Column("title", String(200), nullable=False, default=""),
    Column("started_at", DateTime, nullable=False),
    Column("started_by", Integer, ForeignKey("users.id"), nullable=False),
    Column("finished_at", DateTime),
    Column("closed_at", DateTime),                             # posted or cancelled
    Column("closed_by", Integer, ForeignKey("users.id")),
    Column("document_number", String(40)),   # the stocktake posted (a number: it may be archived)
    Index("ix_stock_counts_status", "status"),
)

# One row per product in a count; counted_at is the moment its count last
# changed: the books' quantity then is what it is compared with, so sales while
# the shop is being counted are not variances.
stock_count_lines = Table(
    "stock_count_lines", metadata,
    Column("count_id", Integer, ForeignKey("stock_counts.id"), primary_key=True),
    Column("product_id", Integer, ForeignKey("products.id"), primary_key=True),
    Column("counted", Qty),
    Column("counted_at", DateTime),
    Column("counted_by", Integer, ForeignKey("users.id")),
    Column("seq", Integer, nullable=False, default=0),          # order of counting (last first)
)


# ---------------------------------------------------------------- stock snapshots (db.snapshots)

# Each product's quantity on hand and value at the end of a day (products with
# neither are left out), kept for yesterday and the days before (the last 62
# days), for every month's end, and for any day someone asked about: what
# "stock as of a date" starts from, adding or taking away the movements between.
stock_snapshots = Table(
    "stock_snapshots", metadata,
    Column("day", Date, primary_key=True),
    Column("product_id", Integer, primary_key=True),
    Column("qty", Qty, nullable=False),
    Column("value", Money, nullable=False),
    sqlite_with_rowid=False,
)

# Which days have a snapshot, and when it was made: a document posted after that
# and dated on or before the day makes it stale (db.snapshots.valid).
stock_snapshot_days = Table(
    "stock_snapshot_days", metadata,
    Column("day", Date, primary_key=True),
    Column("made_at", DateTime, nullable=False),
    Column("products", Integer, nullable=False),
)

# Documents posted on a later day than they are dated (imports of old stock,
# drafts posted late): few, and what makes a stock snapshot stale.
Index("ix_documents_backdated", documents.c.doc_date, documents.c.posted_at,
      sqlite_where=text("doc_date < date(posted_at)"),
      postgresql_where=text("doc_date < CAST(posted_at AS DATE)"))
