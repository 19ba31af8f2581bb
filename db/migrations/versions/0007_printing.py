"""printing: label templates, the time a product's price last changed

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02 13:30:00

label_templates: templates the owner defines (the built-in ones are in
code), each a JSON spec. products.price_changed_at: set whenever the sale
price changes, so price-change labels find the products changed since a
date without reading the audit log.
"""
from alembic import op
import sqlalchemy as sa


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('label_templates',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('spec', sa.Text(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_label_templates_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_label_templates')),
    sa.UniqueConstraint('name', name=op.f('uq_label_templates_name'))
    )
    op.add_column('products', sa.Column('price_changed_at', sa.DateTime(), nullable=True))
    op.create_index('ix_products_price_changed_at', 'products', ['price_changed_at'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_products_price_changed_at', table_name='products')
    with op.batch_alter_table('products') as batch:
        batch.drop_column('price_changed_at')
    op.drop_table('label_templates')
