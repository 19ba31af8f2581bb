"""rollups: sales per day and product, customer, cashier, payment method

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 14:00:00

Kept by posting, rebuilt from the documents on demand, verified by check
(db.rollups).
"""
from alembic import op
import sqlalchemy as sa


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('sales_day_product',
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('product_id', sa.Integer(), nullable=False),
    sa.Column('qty', sa.BigInteger(), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.Column('cost', sa.BigInteger(), nullable=False),
    sa.Column('lines', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['product_id'], ['products.id'], name=op.f('fk_sales_day_product_product_id_products')),
    sa.PrimaryKeyConstraint('day', 'product_id', name=op.f('pk_sales_day_product'))
    )
    op.create_index('ix_sales_day_product_product', 'sales_day_product', ['product_id', 'day'], unique=False)
    op.create_table('sales_day_customer',
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('qty', sa.BigInteger(), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.Column('cost', sa.BigInteger(), nullable=False),
    sa.Column('docs', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('day', 'customer_id', name=op.f('pk_sales_day_customer'))
    )
    op.create_table('sales_day_user',
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('qty', sa.BigInteger(), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.Column('cost', sa.BigInteger(), nullable=False),
    sa.Column('docs', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_sales_day_user_user_id_users')),
    sa.PrimaryKeyConstraint('day', 'user_id', name=op.f('pk_sales_day_user'))
    )
    op.create_table('sales_day_payment',
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('method', sa.String(length=16), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.Column('docs', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('day', 'method', name=op.f('pk_sales_day_payment'))
    )


def downgrade() -> None:
    op.drop_table('sales_day_payment')
    op.drop_table('sales_day_user')
    op.drop_table('sales_day_customer')
    op.drop_index('ix_sales_day_product_product', table_name='sales_day_product')
    op.drop_table('sales_day_product')
