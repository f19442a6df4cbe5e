"""hand alter

Revision ID: 72bde1a7cc49
Revises: 6e6898049ae2
Create Date: 2026-12-01 12:00:00.000000

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql  # noqa: F401

# revision identifiers, used by Alembic.
revision = '72bde1a7cc49'
down_revision = '6e6898049ae2'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_4',
        sa.Column('k', sa.Integer(), nullable=False),
        sa.Column('v', sa.Text(), nullable=True),
        schema='audit')
    op.create_primary_key('pk_audit_4', 'audit_4', ['k'], schema='audit')
    op.create_check_constraint('ck_audit_4_k', 'audit_4', 'k > 0', schema='audit')
    op.rename_table('carts', 'carts_r', schema='sales')
    op.alter_column('orders', 'status', new_column_name='status_new', existing_type=postgresql.INTERVAL(), existing_nullable=False)
    op.drop_constraint('uq_orders_code_state', 'orders', type_='unique')


def downgrade() -> None:
    op.create_unique_constraint('uq_orders_code_state', 'orders', ['code', 'state'])
    op.alter_column('orders', 'status_new', new_column_name='status', existing_type=postgresql.INTERVAL(), existing_nullable=False)
    op.rename_table('carts_r', 'carts', schema='sales')
    op.drop_table('audit_4', schema='audit')
