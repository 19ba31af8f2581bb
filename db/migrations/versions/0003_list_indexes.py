"""list indexes: keyset sorts, prefix searches, name fragments, the imports' history

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 04:30:00

What db.lists needs to page a million products by any indexed column and
answer a search within a tenth of a second:

* (column, sku) indexes for the sortable product columns, the SKU being the
  keyset tie-break (they replace the one-column name and category indexes);
* prefix searches in byte order on PostgreSQL whatever the database's
  collation: varchar_pattern_ops on pinyin and on (barcode, product), and
  lower(sku COLLATE "C") for the SKU in any case (SQLite: lower(sku); its
  BINARY order is byte order already);
* name fragments: PostgreSQL indexes each name's characters and character
  pairs (sk_name_grams, GIN); SQLite keeps the pairs in product_grams, filled
  here and kept by triggers on products;
* a partial index on the audit log's import rows (the imports' history),
  which costs the rows every posting appends nothing.

The SQL below is frozen as it was when this migration was written; db.lists
holds the live copy of the product_grams rules (rebuild_name_grams, used by
the seed) and tests/integration/test_lists.py checks that the two agree.
"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

# one row per character of the name: key 0 .. length-1 (triggers cannot use WITH RECURSIVE)
_POSITIONS = "json_each('[' || rtrim(replace(hex(zeroblob(length({n}))), '00', '0,'), ',') || ']')"


def _pairs(row: str) -> str:
    """SQLite: (pair, product id) of every character of row.name and the one after it."""
    return (f"SELECT substr({row}.name || char(31), j.key + 1, 2), {row}.id "
            f"FROM {_POSITIONS.format(n=f'{row}.name')} AS j")


SQLITE_TRIGGERS = (
    f"""CREATE TRIGGER tr_products_grams_insert AFTER INSERT ON products BEGIN
    INSERT OR IGNORE INTO product_grams (gram, product_id) {_pairs('NEW')};
END""",
    f"""CREATE TRIGGER tr_products_grams_update AFTER UPDATE OF name ON products
WHEN NEW.name IS NOT OLD.name BEGIN
    DELETE FROM product_grams WHERE product_id = OLD.id
        AND gram IN (SELECT substr(OLD.name || char(31), j.key + 1, 2)
                     FROM {_POSITIONS.format(n='OLD.name')} AS j);
    INSERT OR IGNORE INTO product_grams (gram, product_id) {_pairs('NEW')};
END""",
    """CREATE TRIGGER tr_products_grams_delete AFTER DELETE ON products BEGIN
    DELETE FROM product_grams WHERE product_id = OLD.id;
END""",
)
SQLITE_BACKFILL = (f"INSERT OR IGNORE INTO product_grams (gram, product_id) "
                   f"SELECT DISTINCT substr(p.name || char(31), j.key + 1, 2), p.id "
                   f"FROM products AS p, {_POSITIONS.format(n='p.name')} AS j ORDER BY 1, 2")

NAME_GRAMS = """
CREATE OR REPLACE FUNCTION sk_name_grams(s varchar) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $fn$
    SELECT string_to_array(s, NULL)
           || ARRAY(SELECT substr(s, i, 2) FROM generate_series(1, length(s) - 1) AS i)
$fn$
"""


def upgrade() -> None:
    pg = op.get_bind().dialect.name == "postgresql"
    op.drop_index('ix_products_name', table_name='products')
    op.drop_index('ix_products_category', table_name='products')
    op.create_index('ix_products_name_sku', 'products', ['name', 'sku'], unique=False)
    op.create_index('ix_products_category_sku', 'products', ['category', 'sku'], unique=False)
    op.create_index('ix_products_price_sku', 'products', ['price', 'sku'], unique=False)
    op.create_index('ix_products_unit_sku', 'products', ['unit', 'sku'], unique=False)
    if pg:
        op.drop_index('ix_products_pinyin', table_name='products')
        op.create_index('ix_products_pinyin', 'products', ['pinyin'], unique=False,
                        postgresql_ops={'pinyin': 'varchar_pattern_ops'})
        op.execute('CREATE INDEX ix_products_sku_ascii_lower ON products (lower(sku COLLATE "C"))')
    else:
        op.execute('CREATE INDEX ix_products_sku_ascii_lower ON products (lower(sku))')
    op.create_index('ix_barcodes_code_product', 'barcodes', ['code', 'product_id'], unique=False,
                    postgresql_ops={'code': 'varchar_pattern_ops'})
    op.create_index('ix_audit_log_imports', 'audit_log', ['seq'], unique=False,
                    sqlite_where=sa.text("substr(action, 1, 6) = 'import'"),
                    postgresql_where=sa.text("substr(action, 1, 6) = 'import'"))
    op.create_table('product_grams',
    sa.Column('gram', sa.String(length=2), nullable=False),
    sa.Column('product_id', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('gram', 'product_id', name=op.f('pk_product_grams')),
    sqlite_with_rowid=False
    )
    if pg:
        op.execute(NAME_GRAMS)
        op.execute('CREATE INDEX ix_products_name_grams ON products USING gin (sk_name_grams(name))')
    else:
        op.execute(SQLITE_BACKFILL)
        for trigger in SQLITE_TRIGGERS:
            op.execute(trigger)


def downgrade() -> None:
    pg = op.get_bind().dialect.name == "postgresql"
    if pg:
        op.drop_index('ix_products_name_grams', table_name='products')
        op.execute('DROP FUNCTION IF EXISTS sk_name_grams(varchar)')
    else:
        for name in ('tr_products_grams_insert', 'tr_products_grams_update',
                     'tr_products_grams_delete'):
            op.execute(f'DROP TRIGGER IF EXISTS {name}')
    op.drop_table('product_grams')
    op.drop_index('ix_audit_log_imports', table_name='audit_log')
    op.drop_index('ix_barcodes_code_product', table_name='barcodes')
    op.drop_index('ix_products_sku_ascii_lower', table_name='products')
    if pg:
        op.drop_index('ix_products_pinyin', table_name='products')
        op.create_index('ix_products_pinyin', 'products', ['pinyin'], unique=False)
    op.drop_index('ix_products_unit_sku', table_name='products')
    op.drop_index('ix_products_price_sku', table_name='products')
    op.drop_index('ix_products_category_sku', table_name='products')
    op.drop_index('ix_products_name_sku', table_name='products')
    op.create_index('ix_products_category', 'products', ['category'], unique=False)
    op.create_index('ix_products_name', 'products', ['name'], unique=False)
