"""imports: batches of imported books, what they created, sales history

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 08:40:00

import_batches: each book imported (kind, file, the hash of its rows, who,
when, the documents it posted, committed or undone). import_created: the
products, customers and suppliers a batch made. sales_history: sales from
before the shop used Storekeeper, for reports only. Two document kinds come
with it (opening-stock QC, opening-balance QE): no schema change, the kind
is a string.
"""
from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('import_batches',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=24), nullable=False),
    sa.Column('file', sa.Text(), nullable=False),
    sa.Column('sheet', sa.Text(), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('rows_imported', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('documents', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_import_batches_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_import_batches'))
    )
    op.create_index('ix_import_batches_hash', 'import_batches', ['kind', 'content_hash'], unique=False)
    op.create_table('import_created',
    sa.Column('batch_id', sa.Integer(), nullable=False),
    sa.Column('entity', sa.String(length=16), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['batch_id'], ['import_batches.id'], name=op.f('fk_import_created_batch_id_import_batches')),
    sa.PrimaryKeyConstraint('batch_id', 'entity', 'entity_id', name=op.f('pk_import_created'))
    )
    op.create_table('sales_history',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('batch_id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('product_id', sa.Integer(), nullable=True),
    sa.Column('sku', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('qty', sa.BigInteger(), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.Column('customer', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['batch_id'], ['import_batches.id'], name=op.f('fk_sales_history_batch_id_import_batches')),
    sa.ForeignKeyConstraint(['product_id'], ['products.id'], name=op.f('fk_sales_history_product_id_products')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sales_history'))
    )
    op.create_index(op.f('ix_sales_history_batch_id'), 'sales_history', ['batch_id'], unique=False)
    op.create_index('ix_sales_history_day', 'sales_history', ['day'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_sales_history_day', table_name='sales_history')
    op.drop_index(op.f('ix_sales_history_batch_id'), table_name='sales_history')
    op.drop_table('sales_history')
    op.drop_table('import_created')
    op.drop_index('ix_import_batches_hash', table_name='import_batches')
    op.drop_table('import_batches')
