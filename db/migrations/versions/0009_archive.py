"""archive: the runs of `archive --before DATE` and the openings check starts from

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 15:00:00

archive_runs: one row per run that moved documents. archive_openings: per
product, batch, customer and supplier, what the archived ledger rows added
up to (db.archive). ix_documents_reverses: so that deleting documents does
not scan the documents for a reversal pointing at each. The archived rows themselves live in a file beside an
SQLite database or in the schema `archive` on PostgreSQL, created by the
first run.
"""
from alembic import op
import sqlalchemy as sa


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('archive_runs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('before', sa.Date(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('documents', sa.Integer(), nullable=False),
    sa.Column('lines', sa.Integer(), nullable=False),
    sa.Column('location', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_archive_runs_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_archive_runs'))
    )
    op.create_table('archive_openings',
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=False),
    sa.Column('qty', sa.BigInteger(), nullable=False),
    sa.Column('value', sa.BigInteger(), nullable=False),
    sa.Column('ledger_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.PrimaryKeyConstraint('kind', 'entity_id', name=op.f('pk_archive_openings'))
    )
    # deleting documents checks no reversal points at them: an index, of reversals only
    op.create_index('ix_documents_reverses', 'documents', ['reverses_id'], unique=False,
                    sqlite_where=sa.text('reverses_id IS NOT NULL'),
                    postgresql_where=sa.text('reverses_id IS NOT NULL'))


def downgrade() -> None:
    op.drop_index('ix_documents_reverses', table_name='documents')
    op.drop_table('archive_openings')
    op.drop_table('archive_runs')
