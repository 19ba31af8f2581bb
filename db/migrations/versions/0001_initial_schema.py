"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-25 00:56:07.404341
"""
from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_head',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.BigInteger(), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_head'))
    )
    op.create_table('customers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('phone', sa.String(length=40), nullable=False),
    sa.Column('credit_limit', sa.BigInteger(), nullable=True),
    sa.Column('balance', sa.BigInteger(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_customers')),
    sa.UniqueConstraint('name', name=op.f('uq_customers_name'))
    )
    op.create_table('doc_counters',
    sa.Column('kind', sa.String(length=24), nullable=False),
    sa.Column('day', sa.String(length=8), nullable=False),
    sa.Column('last', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('kind', 'day', name=op.f('pk_doc_counters'))
    )
    op.create_table('products',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('sku', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('pinyin', sa.String(length=200), nullable=False),
    sa.Column('category', sa.String(length=100), nullable=False),
    sa.Column('unit', sa.String(length=20), nullable=False),
    sa.Column('price', sa.BigInteger(), nullable=False),
    sa.Column('min_qty', sa.BigInteger(), nullable=True),
    sa.Column('max_qty', sa.BigInteger(), nullable=True),
    sa.Column('batch_tracked', sa.Boolean(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_products')),
    sa.UniqueConstraint('sku', name=op.f('uq_products_sku'))
    )
    with op.batch_alter_table('products', schema=None) as batch_op:
        batch_op.create_index('ix_products_category', ['category'], unique=False)
        batch_op.create_index('ix_products_name', ['name'], unique=False)
        batch_op.create_index('ix_products_pinyin', ['pinyin'], unique=False)

    op.create_table('settings',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_settings'))
    )
    op.create_table('suppliers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('phone', sa.String(length=40), nullable=False),
    sa.Column('balance', sa.BigInteger(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_suppliers')),
    sa.UniqueConstraint('name', name=op.f('uq_suppliers_name'))
    )
    op.create_table('users',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('password_hash', sa.String(length=255), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('failed_attempts', sa.Integer(), nullable=False),
    sa.Column('locked_until', sa.DateTime(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("role IN ('owner','manager','cashier','clerk','bookkeeper')", name=op.f('ck_users_role')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),
    sa.UniqueConstraint('name', name=op.f('uq_users_name'))
    )
    op.create_table('audit_log',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('seq', sa.BigInteger(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('user_name', sa.String(length=64), nullable=False),
    sa.Column('action', sa.String(length=40), nullable=False),
    sa.Column('entity', sa.String(length=40), nullable=False),
    sa.Column('entity_id', sa.String(length=64), nullable=False),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_audit_log_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log')),
    sa.UniqueConstraint('seq', name=op.f('uq_audit_log_seq'))
    )
    op.create_table('barcodes',
    sa.Column('code', sa.String(length=48), nullable=False),
    sa.Column('product_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['product_id'], ['products.id'], name=op.f('fk_barcodes_product_id_products')),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_barcodes'))
    )
    with op.batch_alter_table('barcodes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_barcodes_product_id'), ['product_id'], unique=False)

    op.create_table('batches',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('product_id', sa.Integer(), nullable=False),
    sa.Column('batch_no', sa.String(length=64), nullable=False),
    sa.Column('expiry', sa.Date(), nullable=True),
    sa.Column('qty', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['product_id'], ['products.id'], name=op.f('fk_batches_product_id_products')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_batches')),
    sa.UniqueConstraint('product_id', 'batch_no', name=op.f('uq_batches_product_id_batch_no'))
    )
    op.create_table('documents',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('kind', sa.String(length=24), nullable=False),
    sa.Column('number', sa.String(length=40), nullable=False),
    sa.Column('status', sa.String(length=24), nullable=False),
    sa.Column('client_id', sa.String(length=64), nullable=True),
    sa.Column('customer_id', sa.Integer(), nullable=True),
    sa.Column('supplier_id', sa.Integer(), nullable=True),
    sa.Column('payment', sa.String(length=16), nullable=True),
    sa.Column('total', sa.BigInteger(), nullable=False),
    sa.Column('ref_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('reverses_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('doc_date', sa.Date(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('posted_at', sa.DateTime(), nullable=True),
    sa.Column('cancelled_at', sa.DateTime(), nullable=True),
    sa.Column('urgent', sa.Boolean(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_documents_customer_id_customers')),
    sa.ForeignKeyConstraint(['ref_id'], ['documents.id'], name=op.f('fk_documents_ref_id_documents')),
    sa.ForeignKeyConstraint(['reverses_id'], ['documents.id'], name=op.f('fk_documents_reverses_id_documents')),
    sa.ForeignKeyConstraint(['supplier_id'], ['suppliers.id'], name=op.f('fk_documents_supplier_id_suppliers')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_documents_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_documents')),
    sa.UniqueConstraint('client_id', name=op.f('uq_documents_client_id')),
    sa.UniqueConstraint('number', name=op.f('uq_documents_number'))
    )
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.create_index('ix_documents_customer', ['customer_id'], unique=False)
        batch_op.create_index('ix_documents_kind_date', ['kind', 'doc_date'], unique=False)
        batch_op.create_index('ix_documents_ref', ['ref_id'], unique=False)
        batch_op.create_index('ix_documents_supplier', ['supplier_id'], unique=False)

    op.create_table('stock',
    sa.Column('product_id', sa.Integer(), nullable=False),
    sa.Column('qty', sa.BigInteger(), nullable=False),
    sa.Column('value', sa.BigInteger(), nullable=False),
    sa.Column('last_cost', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['product_id'], ['products.id'], name=op.f('fk_stock_product_id_products')),
    sa.PrimaryKeyConstraint('product_id', name=op.f('pk_stock'))
    )
    op.create_table('account_ledger',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('document_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=True),
    sa.Column('supplier_id', sa.Integer(), nullable=True),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('(customer_id IS NULL) <> (supplier_id IS NULL)', name=op.f('ck_account_ledger_one_party')),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_account_ledger_customer_id_customers')),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_account_ledger_document_id_documents')),
    sa.ForeignKeyConstraint(['supplier_id'], ['suppliers.id'], name=op.f('fk_account_ledger_supplier_id_suppliers')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_account_ledger_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_account_ledger'))
    )
    with op.batch_alter_table('account_ledger', schema=None) as batch_op:
        batch_op.create_index('ix_account_ledger_customer', ['customer_id'], unique=False)
        batch_op.create_index('ix_account_ledger_document', ['document_id'], unique=False)
        batch_op.create_index('ix_account_ledger_supplier', ['supplier_id'], unique=False)

    op.create_table('document_lines',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('document_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('line_no', sa.Integer(), nullable=False),
    sa.Column('product_id', sa.Integer(), nullable=False),
    sa.Column('batch_id', sa.Integer(), nullable=True),
    sa.Column('qty', sa.BigInteger(), nullable=False),
    sa.Column('price', sa.BigInteger(), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.Column('cost', sa.BigInteger(), nullable=False),
    sa.Column('expected', sa.BigInteger(), nullable=True),
    sa.Column('ref_line_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.ForeignKeyConstraint(['batch_id'], ['batches.id'], name=op.f('fk_document_lines_batch_id_batches')),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_document_lines_document_id_documents')),
    sa.ForeignKeyConstraint(['product_id'], ['products.id'], name=op.f('fk_document_lines_product_id_products')),
    sa.ForeignKeyConstraint(['ref_line_id'], ['document_lines.id'], name=op.f('fk_document_lines_ref_line_id_document_lines')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_document_lines')),
    sa.UniqueConstraint('document_id', 'line_no', name=op.f('uq_document_lines_document_id_line_no'))
    )
    with op.batch_alter_table('document_lines', schema=None) as batch_op:
        batch_op.create_index('ix_document_lines_product', ['product_id'], unique=False)
        batch_op.create_index('ix_document_lines_ref_line', ['ref_line_id'], unique=False)

    op.create_table('document_payments',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('document_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('method', sa.String(length=16), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_document_payments_document_id_documents')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_document_payments'))
    )
    with op.batch_alter_table('document_payments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_document_payments_document_id'), ['document_id'], unique=False)

    op.create_table('stock_ledger',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('document_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('line_no', sa.Integer(), nullable=True),
    sa.Column('product_id', sa.Integer(), nullable=False),
    sa.Column('batch_id', sa.Integer(), nullable=True),
    sa.Column('qty', sa.BigInteger(), nullable=False),
    sa.Column('unit_cost', sa.BigInteger(), nullable=False),
    sa.Column('value', sa.BigInteger(), nullable=False),
    sa.Column('flag', sa.String(length=24), nullable=True),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['batch_id'], ['batches.id'], name=op.f('fk_stock_ledger_batch_id_batches')),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_stock_ledger_document_id_documents')),
    sa.ForeignKeyConstraint(['product_id'], ['products.id'], name=op.f('fk_stock_ledger_product_id_products')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_stock_ledger_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stock_ledger'))
    )
    with op.batch_alter_table('stock_ledger', schema=None) as batch_op:
        batch_op.create_index('ix_stock_ledger_document', ['document_id'], unique=False)
        batch_op.create_index('ix_stock_ledger_product', ['product_id', 'id'], unique=False)



    # The tip of the audit chain exists from the start, so appending never has to create it.
    op.bulk_insert(sa.table("audit_head", sa.column("id", sa.Integer), sa.column("seq", sa.BigInteger),
                            sa.column("hash", sa.String)),
                   [{"id": 1, "seq": 0, "hash": "0" * 64}])


def downgrade() -> None:
    with op.batch_alter_table('stock_ledger', schema=None) as batch_op:
        batch_op.drop_index('ix_stock_ledger_product')
        batch_op.drop_index('ix_stock_ledger_document')

    op.drop_table('stock_ledger')
    with op.batch_alter_table('document_payments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_document_payments_document_id'))

    op.drop_table('document_payments')
    with op.batch_alter_table('document_lines', schema=None) as batch_op:
        batch_op.drop_index('ix_document_lines_ref_line')
        batch_op.drop_index('ix_document_lines_product')

    op.drop_table('document_lines')
    with op.batch_alter_table('account_ledger', schema=None) as batch_op:
        batch_op.drop_index('ix_account_ledger_supplier')
        batch_op.drop_index('ix_account_ledger_document')
        batch_op.drop_index('ix_account_ledger_customer')

    op.drop_table('account_ledger')
    op.drop_table('stock')
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.drop_index('ix_documents_supplier')
        batch_op.drop_index('ix_documents_ref')
        batch_op.drop_index('ix_documents_kind_date')
        batch_op.drop_index('ix_documents_customer')

    op.drop_table('documents')
    op.drop_table('batches')
    with op.batch_alter_table('barcodes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_barcodes_product_id'))

    op.drop_table('barcodes')
    op.drop_table('audit_log')
    op.drop_table('users')
    op.drop_table('suppliers')
    op.drop_table('settings')
    with op.batch_alter_table('products', schema=None) as batch_op:
        batch_op.drop_index('ix_products_pinyin')
        batch_op.drop_index('ix_products_name')
        batch_op.drop_index('ix_products_category')

    op.drop_table('products')
    op.drop_table('doc_counters')
    op.drop_table('customers')
    op.drop_table('audit_head')
