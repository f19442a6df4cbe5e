"""hand alter

Revision ID: 06c5ebb1157e
Revises: 6cc6b99eac85
Create Date: 2026-12-01 12:00:00.000000

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql  # noqa: F401

# revision identifiers, used by Alembic.
revision = '06c5ebb1157e'
down_revision = '6cc6b99eac85'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_4',
        sa.Column('k', sa.Integer(), nullable=False),
        sa.Column('v', sa.Text(), nullable=True),
        schema='sales')
    op.create_primary_key('pk_audit_4', 'audit_4', ['k'], schema='sales')
    op.create_check_constraint('ck_audit_4_k', 'audit_4', 'k > 0', schema='sales')
    op.rename_table('products', 'products_r', schema='sales')
    op.alter_column('products_r', 'rank', new_column_name='rank_new', existing_type=postgresql.TIMESTAMP(precision=3), existing_nullable=True, schema='sales')
    op.drop_constraint('uq_orders_status_v', 'orders', type_='unique', schema='sales')


def downgrade() -> None:
    op.create_unique_constraint('uq_orders_status_v', 'orders', ['status'], schema='sales')
    op.alter_column('products_r', 'rank_new', new_column_name='rank', existing_type=postgresql.TIMESTAMP(precision=3), existing_nullable=True, schema='sales')
    op.rename_table('products_r', 'products', schema='sales')
    op.drop_table('audit_4', schema='sales')
