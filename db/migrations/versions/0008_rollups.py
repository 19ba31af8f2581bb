"""rollups: sales per day and product, customer, cashier, payment method

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 14:00:00

Kept by posting, rebuilt from the documents on demand, verified by check
(db.rollups). A sale or sale return counts once it is posted (posted_at set:
drafts and discarded drafts never count), on its doc_date; a cancel is a
reversal document of the same kind with negated lines and payments, so it
counts on its own day. Triggers keep the rollups in the posting's own
transaction, whichever road the posting took:

* SQLite: AFTER INSERT on document_lines (day x product, month x product,
  day x customer, day x cashier; a document counted once, on its line 1) and
  on document_payments (day x method). SQLite has one writer at a time, so
  the upserts cost a few microseconds and lock nothing more.
* PostgreSQL: a deferred constraint trigger on documents, fired once per
  posted sale or return at COMMIT: it sums the document's lines and
  payments as they stand then (sk_fast_sale writes a line's cost after the
  line) and upserts all five tables in one statement. At COMMIT the
  posting already holds the audit head (every posting's last lock), so the
  rollups' hot rows (today x cash, today x nobody) are written one posting
  at a time and held only for the commit, never across the posting's work:
  no new lock order, no deadlock, no queue on the counter.

The trigger SQL is frozen here; db.rollups names the triggers (seed holds
them during its bulk load and rebuilds after). On upgrade the rollups are
filled from the documents already posted.
"""
from alembic import op
import sqlalchemy as sa


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

_COUNTED = "kind IN ('sale', 'sale-return') AND posted_at IS NOT NULL"
_COUNTED_D = "d.kind IN ('sale', 'sale-return') AND d.posted_at IS NOT NULL"
# A return's lines hold what came back as positive figures: it counts against the sales.
_SIGN = "CASE WHEN kind = 'sale-return' THEN -1 ELSE 1 END"
_SIGN_D = "CASE WHEN d.kind = 'sale-return' THEN -1 ELSE 1 END"

SQLITE_TRIGGERS = {
    "sk_rollup_lines": f"""
CREATE TRIGGER sk_rollup_lines AFTER INSERT ON document_lines
WHEN (SELECT {_COUNTED} FROM documents WHERE id = NEW.document_id)
BEGIN
    INSERT INTO sales_day_product (day, product_id, qty, amount, cost, lines)
    SELECT doc_date, NEW.product_id, {_SIGN} * NEW.qty, {_SIGN} * NEW.amount, {_SIGN} * NEW.cost, 1
      FROM documents WHERE id = NEW.document_id
    ON CONFLICT (day, product_id) DO UPDATE SET qty = qty + excluded.qty,
        amount = amount + excluded.amount, cost = cost + excluded.cost, lines = lines + 1;
    INSERT INTO sales_month_product (month, product_id, qty, amount, cost, lines)
    SELECT substr(doc_date, 1, 8) || '01', NEW.product_id, {_SIGN} * NEW.qty, {_SIGN} * NEW.amount,
           {_SIGN} * NEW.cost, 1
      FROM documents WHERE id = NEW.document_id
    ON CONFLICT (month, product_id) DO UPDATE SET qty = qty + excluded.qty,
        amount = amount + excluded.amount, cost = cost + excluded.cost, lines = lines + 1;
    INSERT INTO sales_day_customer (day, customer_id, qty, amount, cost, docs)
    SELECT doc_date, coalesce(customer_id, 0), {_SIGN} * NEW.qty, {_SIGN} * NEW.amount,
           {_SIGN} * NEW.cost, NEW.line_no = 1
      FROM documents WHERE id = NEW.document_id
    ON CONFLICT (day, customer_id) DO UPDATE SET qty = qty + excluded.qty,
        amount = amount + excluded.amount, cost = cost + excluded.cost, docs = docs + excluded.docs;
    INSERT INTO sales_day_user (day, user_id, qty, amount, cost, docs)
    SELECT doc_date, user_id, {_SIGN} * NEW.qty, {_SIGN} * NEW.amount, {_SIGN} * NEW.cost,
           NEW.line_no = 1
      FROM documents WHERE id = NEW.document_id
    ON CONFLICT (day, user_id) DO UPDATE SET qty = qty + excluded.qty,
        amount = amount + excluded.amount, cost = cost + excluded.cost, docs = docs + excluded.docs;
END""",
    "sk_rollup_payments": f"""
CREATE TRIGGER sk_rollup_payments AFTER INSERT ON document_payments
WHEN (SELECT {_COUNTED} FROM documents WHERE id = NEW.document_id)
BEGIN
    INSERT INTO sales_day_payment (day, method, amount, docs)
    SELECT doc_date, NEW.method, NEW.amount, 1 FROM documents WHERE id = NEW.document_id
    ON CONFLICT (day, method) DO UPDATE SET amount = amount + excluded.amount, docs = docs + 1;
END""",
}

PG_FUNCTION = """
CREATE OR REPLACE FUNCTION sk_rollup_document() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
    WITH l AS (
        SELECT product_id, s * qty AS qty, s * amount AS amount, s * cost AS cost, line_no
          FROM document_lines, (SELECT CASE WHEN NEW.kind = 'sale-return' THEN -1 ELSE 1 END
                                    AS s) k
         WHERE document_id = NEW.id),
    p AS (
        SELECT product_id, sum(qty) AS qty, sum(amount) AS amount, sum(cost) AS cost,
               count(*) AS n
          FROM l GROUP BY product_id),
    dp AS (
        INSERT INTO sales_day_product AS r (day, product_id, qty, amount, cost, lines)
        SELECT NEW.doc_date, product_id, qty, amount, cost, n FROM p ORDER BY product_id
        ON CONFLICT (day, product_id) DO UPDATE SET qty = r.qty + excluded.qty,
            amount = r.amount + excluded.amount, cost = r.cost + excluded.cost,
            lines = r.lines + excluded.lines),
    mp AS (
        INSERT INTO sales_month_product AS r (month, product_id, qty, amount, cost, lines)
        SELECT date_trunc('month', NEW.doc_date)::date, product_id, qty, amount, cost, n
          FROM p ORDER BY product_id
        ON CONFLICT (month, product_id) DO UPDATE SET qty = r.qty + excluded.qty,
            amount = r.amount + excluded.amount, cost = r.cost + excluded.cost,
            lines = r.lines + excluded.lines),
    t AS (
        SELECT sum(qty) AS qty, sum(amount) AS amount, sum(cost) AS cost,
               count(*) FILTER (WHERE line_no = 1) AS docs
          FROM l HAVING count(*) > 0),
    dc AS (
        INSERT INTO sales_day_customer AS r (day, customer_id, qty, amount, cost, docs)
        SELECT NEW.doc_date, coalesce(NEW.customer_id, 0), qty, amount, cost, docs FROM t
        ON CONFLICT (day, customer_id) DO UPDATE SET qty = r.qty + excluded.qty,
            amount = r.amount + excluded.amount, cost = r.cost + excluded.cost,
            docs = r.docs + excluded.docs),
    du AS (
        INSERT INTO sales_day_user AS r (day, user_id, qty, amount, cost, docs)
        SELECT NEW.doc_date, NEW.user_id, qty, amount, cost, docs FROM t
        ON CONFLICT (day, user_id) DO UPDATE SET qty = r.qty + excluded.qty,
            amount = r.amount + excluded.amount, cost = r.cost + excluded.cost,
            docs = r.docs + excluded.docs)
    INSERT INTO sales_day_payment AS r (day, method, amount, docs)
    SELECT NEW.doc_date, method, sum(amount), count(*) FROM document_payments
     WHERE document_id = NEW.id GROUP BY method ORDER BY method
    ON CONFLICT (day, method) DO UPDATE SET amount = r.amount + excluded.amount,
        docs = r.docs + excluded.docs;
    RETURN NULL;
END
$fn$
"""

PG_TRIGGERS = {
    # a sale or return posted as it is inserted (the ordinary posting, sk_fast_sale, a reversal)
    "sk_rollup_posted": """
CREATE CONSTRAINT TRIGGER sk_rollup_posted AFTER INSERT ON documents
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
WHEN (NEW.kind IN ('sale', 'sale-return') AND NEW.posted_at IS NOT NULL)
EXECUTE FUNCTION sk_rollup_document()""",
    # a draft sale posted (db.drafts: posted_at set, its lines written again)
    "sk_rollup_draft_posted": """
CREATE CONSTRAINT TRIGGER sk_rollup_draft_posted AFTER UPDATE OF posted_at ON documents
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
WHEN (NEW.kind IN ('sale', 'sale-return') AND OLD.posted_at IS NULL
      AND NEW.posted_at IS NOT NULL)
EXECUTE FUNCTION sk_rollup_document()""",
}

# Filling the rollups from the documents (db.rollups.rebuild runs the same sums).
_FILL = [
    f"""INSERT INTO sales_day_product (day, product_id, qty, amount, cost, lines)
SELECT d.doc_date, l.product_id, sum({_SIGN_D} * l.qty), sum({_SIGN_D} * l.amount),
       sum({_SIGN_D} * l.cost), count(*)
  FROM documents d JOIN document_lines l ON l.document_id = d.id
 WHERE {_COUNTED_D} GROUP BY d.doc_date, l.product_id""",
    f"""INSERT INTO sales_day_customer (day, customer_id, qty, amount, cost, docs)
SELECT d.doc_date, coalesce(d.customer_id, 0), sum({_SIGN_D} * l.qty), sum({_SIGN_D} * l.amount),
       sum({_SIGN_D} * l.cost),
       sum(CASE WHEN l.line_no = 1 THEN 1 ELSE 0 END)
  FROM documents d JOIN document_lines l ON l.document_id = d.id
 WHERE {_COUNTED_D} GROUP BY d.doc_date, coalesce(d.customer_id, 0)""",
    f"""INSERT INTO sales_day_user (day, user_id, qty, amount, cost, docs)
SELECT d.doc_date, d.user_id, sum({_SIGN_D} * l.qty), sum({_SIGN_D} * l.amount),
       sum({_SIGN_D} * l.cost),
       sum(CASE WHEN l.line_no = 1 THEN 1 ELSE 0 END)
  FROM documents d JOIN document_lines l ON l.document_id = d.id
 WHERE {_COUNTED_D} GROUP BY d.doc_date, d.user_id""",
    f"""INSERT INTO sales_day_payment (day, method, amount, docs)
SELECT d.doc_date, p.method, sum(p.amount), count(*)
  FROM documents d JOIN document_payments p ON p.document_id = d.id
 WHERE {_COUNTED_D} GROUP BY d.doc_date, p.method""",
]
_FILL_MONTHS = {
    "sqlite": """INSERT INTO sales_month_product (month, product_id, qty, amount, cost, lines)
SELECT substr(day, 1, 8) || '01', product_id, sum(qty), sum(amount), sum(cost), sum(lines)
  FROM sales_day_product GROUP BY substr(day, 1, 8) || '01', product_id""",
    "postgresql": """INSERT INTO sales_month_product (month, product_id, qty, amount, cost, lines)
SELECT date_trunc('month', day)::date, product_id, sum(qty), sum(amount), sum(cost), sum(lines)
  FROM sales_day_product GROUP BY date_trunc('month', day)::date, product_id""",
}


def upgrade() -> None:
    op.create_table('sales_day_product',
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('product_id', sa.Integer(), nullable=False),
    sa.Column('qty', sa.BigInteger(), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.Column('cost', sa.BigInteger(), nullable=False),
    sa.Column('lines', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['product_id'], ['products.id'], name=op.f('fk_sales_day_product_product_id_products')),
    sa.PrimaryKeyConstraint('day', 'product_id', name=op.f('pk_sales_day_product')),
    sqlite_with_rowid=False
    )
    op.create_table('sales_day_customer',
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('qty', sa.BigInteger(), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.Column('cost', sa.BigInteger(), nullable=False),
    sa.Column('docs', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('day', 'customer_id', name=op.f('pk_sales_day_customer')),
    sqlite_with_rowid=False
    )
    op.create_table('sales_day_user',
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('qty', sa.BigInteger(), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.Column('cost', sa.BigInteger(), nullable=False),
    sa.Column('docs', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_sales_day_user_user_id_users')),
    sa.PrimaryKeyConstraint('day', 'user_id', name=op.f('pk_sales_day_user')),
    sqlite_with_rowid=False
    )
    op.create_table('sales_day_payment',
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('method', sa.String(length=16), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.Column('docs', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('day', 'method', name=op.f('pk_sales_day_payment')),
    sqlite_with_rowid=False
    )
    op.create_table('sales_month_product',
    sa.Column('month', sa.Date(), nullable=False),
    sa.Column('product_id', sa.Integer(), nullable=False),
    sa.Column('qty', sa.BigInteger(), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.Column('cost', sa.BigInteger(), nullable=False),
    sa.Column('lines', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['product_id'], ['products.id'], name=op.f('fk_sales_month_product_product_id_products')),
    sa.PrimaryKeyConstraint('month', 'product_id', name=op.f('pk_sales_month_product')),
    sqlite_with_rowid=False
    )
    dialect = op.get_bind().dialect.name
    for sql in _FILL:
        op.execute(sa.text(sql))
    op.execute(sa.text(_FILL_MONTHS[dialect]))
    op.create_index('ix_sales_day_product_product', 'sales_day_product', ['product_id', 'day'], unique=False)
    if dialect == "postgresql":
        op.execute(sa.text(PG_FUNCTION))
        for sql in PG_TRIGGERS.values():
            op.execute(sa.text(sql))
    else:
        for sql in SQLITE_TRIGGERS.values():
            op.execute(sa.text(sql))


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for name in PG_TRIGGERS:
            op.execute(sa.text(f"DROP TRIGGER IF EXISTS {name} ON documents"))
        op.execute(sa.text("DROP FUNCTION IF EXISTS sk_rollup_document()"))
    else:
        for name in SQLITE_TRIGGERS:
            op.execute(sa.text(f"DROP TRIGGER IF EXISTS {name}"))
    op.drop_table('sales_month_product')
    op.drop_table('sales_day_payment')
    op.drop_table('sales_day_user')
    op.drop_table('sales_day_customer')
    op.drop_index('ix_sales_day_product_product', table_name='sales_day_product')
    op.drop_table('sales_day_product')
