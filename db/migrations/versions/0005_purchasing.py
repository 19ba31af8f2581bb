"""purchasing: orders' dates and urgency, approval steps and their events

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 08:10:00

purchase_orders: what a purchase order (a documents row) has beyond a
document. approval_steps: the approvals an order needs under the shop's
rules when it is submitted, each assigned to a role that decides it (moved
up the ladder by escalation and reassignment). approval_events: what
happened on the way (the process report counts them). db.orders and
db.approvals hold the rules.
"""
from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

Id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table('purchase_orders',
    sa.Column('document_id', Id, nullable=False),
    sa.Column('expected_date', sa.Date(), nullable=True),
    sa.Column('urgent', sa.Boolean(), nullable=False),
    sa.Column('submitted_at', sa.DateTime(), nullable=True),
    sa.Column('approved_at', sa.DateTime(), nullable=True),
    sa.Column('rejected_at', sa.DateTime(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('received_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_purchase_orders_document_id_documents')),
    sa.PrimaryKeyConstraint('document_id', name=op.f('pk_purchase_orders'))
    )
    op.create_table('approval_steps',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', Id, nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('assigned_role', sa.String(length=16), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('started_at', sa.DateTime(), nullable=True),
    sa.Column('due_at', sa.DateTime(), nullable=True),
    sa.Column('decided_at', sa.DateTime(), nullable=True),
    sa.Column('decided_by', sa.Integer(), nullable=True),
    sa.Column('escalations', sa.Integer(), nullable=False),
    sa.Column('timed_out', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['decided_by'], ['users.id'], name=op.f('fk_approval_steps_decided_by_users')),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_approval_steps_document_id_documents')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_approval_steps')),
    sa.UniqueConstraint('document_id', 'seq', name=op.f('uq_approval_steps_document_id_seq'))
    )
    op.create_index('ix_approval_steps_waiting', 'approval_steps', ['status', 'assigned_role'], unique=False)
    op.create_table('approval_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', Id, nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('from_role', sa.String(length=16), nullable=True),
    sa.Column('to_role', sa.String(length=16), nullable=True),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_approval_events_document_id_documents')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_approval_events_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_approval_events'))
    )
    op.create_index(op.f('ix_approval_events_document_id'), 'approval_events', ['document_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_approval_events_document_id'), table_name='approval_events')
    op.drop_table('approval_events')
    op.drop_index('ix_approval_steps_waiting', table_name='approval_steps')
    op.drop_table('approval_steps')
    op.drop_table('purchase_orders')
