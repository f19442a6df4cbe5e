"""hand alter

Revision ID: fe97426014cb
Revises: 312e6b4b0c97
Create Date: 2026-12-01 12:00:00.000000

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql  # noqa: F401

# revision identifiers, used by Alembic.
revision = 'fe97426014cb'
down_revision = '312e6b4b0c97'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_3',
        sa.Column('k', sa.Integer(), nullable=False),
        sa.Column('v', sa.Text(), nullable=True))
    op.create_primary_key('pk_audit_3', 'audit_3', ['k'])
    op.create_check_constraint('ck_audit_3_k', 'audit_3', 'k > 0')
    op.rename_table('orders', 'orders_r')
    op.alter_column('regions', 'price', new_column_name='price_new', existing_type=postgresql.ENUM('high', 'red', 'green', name='pg_sm_1_e1'), existing_nullable=True)
    op.alter_column('orders_r', 'email', type_=sa.Integer(), existing_type=sa.VARCHAR(length=20), postgresql_using='email::integer')


def downgrade() -> None:
    op.alter_column('orders_r', 'email', type_=sa.VARCHAR(length=20), existing_type=sa.Integer())
    op.alter_column('regions', 'price_new', new_column_name='price', existing_type=postgresql.ENUM('high', 'red', 'green', name='pg_sm_1_e1'), existing_nullable=True)
    op.rename_table('orders_r', 'orders')
    op.drop_table('audit_3')
