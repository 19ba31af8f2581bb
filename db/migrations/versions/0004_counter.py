"""the sales counter: held sales, shifts and their counts

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27 10:00:00

held_sales: sales put aside at the till (db.counter). shifts and shift_counts:
a cashier's shift from the opening float to the count (db.shifts); a user has
at most one open shift, which a partial unique index both finds and enforces.
ix_documents_user_posted: a shift's documents are one user's, posted in a span
of time, found without reading the other users' documents.
"""
from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('held_sales',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('held_at', sa.DateTime(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('lines', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_held_sales_customer_id_customers')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_held_sales_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_held_sales'))
    )
    op.create_table('shifts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('opened_at', sa.DateTime(), nullable=False),
    sa.Column('opening_float', sa.BigInteger(), nullable=False),
    sa.Column('closed_at', sa.DateTime(), nullable=True),
    sa.Column('closed_by', sa.Integer(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['closed_by'], ['users.id'], name=op.f('fk_shifts_closed_by_users')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_shifts_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_shifts'))
    )
    op.create_index('ix_shifts_user_open', 'shifts', ['user_id'], unique=True,
                    sqlite_where=sa.text('closed_at IS NULL'),
                    postgresql_where=sa.text('closed_at IS NULL'))
    op.create_table('shift_counts',
    sa.Column('shift_id', sa.Integer(), nullable=False),
    sa.Column('method', sa.String(length=16), nullable=False),
    sa.Column('expected', sa.BigInteger(), nullable=False),
    sa.Column('counted', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['shift_id'], ['shifts.id'], name=op.f('fk_shift_counts_shift_id_shifts')),
    sa.PrimaryKeyConstraint('shift_id', 'method', name=op.f('pk_shift_counts'))
    )
    op.create_index('ix_documents_user_posted', 'documents', ['user_id', 'posted_at'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_documents_user_posted', table_name='documents')
    op.drop_table('shift_counts')
    op.drop_index('ix_shifts_user_open', table_name='shifts')
    op.drop_table('shifts')
    op.drop_table('held_sales')
