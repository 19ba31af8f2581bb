"""stock counts and stock snapshots

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02 18:00:00

stock_counts: one row per count, from its start through review to the
stocktake document it posts (db.counts). stock_count_lines: what was counted
of each product, and when: the books' quantity at that moment is what the count
is compared with, so sales during a count are not variances.
stock_snapshots / stock_snapshot_days: on hand and value per product at the end
of a day (db.snapshots), what stock as of a date starts from;
ix_documents_backdated: the documents posted after the day they are dated,
which make a snapshot stale. PostgreSQL: ix_sales_month_product_cover, so the
summary by product reads a month's rollup rows from the index alone.
"""
from alembic import op
import sqlalchemy as sa


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('stock_counts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('blind', sa.Boolean(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('started_at', sa.DateTime(), nullable=False),
    sa.Column('started_by', sa.Integer(), nullable=False),
    sa.Column('finished_at', sa.DateTime(), nullable=True),
    sa.Column('closed_at', sa.DateTime(), nullable=True),
    sa.Column('closed_by', sa.Integer(), nullable=True),
    sa.Column('document_number', sa.String(length=40), nullable=True),
    sa.ForeignKeyConstraint(['closed_by'], ['users.id'], name=op.f('fk_stock_counts_closed_by_users')),
    sa.ForeignKeyConstraint(['started_by'], ['users.id'], name=op.f('fk_stock_counts_started_by_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stock_counts'))
    )
    op.create_index('ix_stock_counts_status', 'stock_counts', ['status'], unique=False)
    op.create_table('stock_count_lines',
    sa.Column('count_id', sa.Integer(), nullable=False),
    sa.Column('product_id', sa.Integer(), nullable=False),
    sa.Column('counted', sa.BigInteger(), nullable=True),
    sa.Column('counted_at', sa.DateTime(), nullable=True),
    sa.Column('counted_by', sa.Integer(), nullable=True),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['count_id'], ['stock_counts.id'], name=op.f('fk_stock_count_lines_count_id_stock_counts')),
    sa.ForeignKeyConstraint(['counted_by'], ['users.id'], name=op.f('fk_stock_count_lines_counted_by_users')),
    sa.ForeignKeyConstraint(['product_id'], ['products.id'], name=op.f('fk_stock_count_lines_product_id_products')),
    sa.PrimaryKeyConstraint('count_id', 'product_id', name=op.f('pk_stock_count_lines'))
    )


    op.create_table('stock_snapshots',
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('product_id', sa.Integer(), nullable=False),
    sa.Column('qty', sa.BigInteger(), nullable=False),
    sa.Column('value', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('day', 'product_id', name=op.f('pk_stock_snapshots')),
    sqlite_with_rowid=False
    )
    op.create_table('stock_snapshot_days',
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('made_at', sa.DateTime(), nullable=False),
    sa.Column('products', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('day', name=op.f('pk_stock_snapshot_days'))
    )
    if op.get_bind().dialect.name == "postgresql":
        op.create_index('ix_sales_month_product_cover', 'sales_month_product',
                        ['month', 'product_id'], unique=False,
                        postgresql_include=['qty', 'amount', 'cost', 'lines'])
    op.create_index('ix_documents_backdated', 'documents', ['doc_date', 'posted_at'], unique=False,
                    sqlite_where=sa.text('doc_date < date(posted_at)'),
                    postgresql_where=sa.text('doc_date < CAST(posted_at AS DATE)'))


def downgrade() -> None:
    op.drop_index('ix_documents_backdated', table_name='documents')
    if op.get_bind().dialect.name == "postgresql":
        op.drop_index('ix_sales_month_product_cover', table_name='sales_month_product')
    op.drop_table('stock_snapshot_days')
    op.drop_table('stock_snapshots')
    op.drop_table('stock_count_lines')
    op.drop_index('ix_stock_counts_status', table_name='stock_counts')
    op.drop_table('stock_counts')
