"""hand alter

Revision ID: 037990001e03
Revises: 39f8411f75da
Create Date: 2026-12-01 12:00:00.000000

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql  # noqa: F401

# revision identifiers, used by Alembic.
revision = '037990001e03'
down_revision = '39f8411f75da'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_3',
        sa.Column('k', sa.Integer(), nullable=False),
        sa.Column('v', sa.Text(), nullable=True))
    op.create_primary_key('pk_audit_3', 'audit_3', ['k'])
    op.create_check_constraint('ck_audit_3_k', 'audit_3', 'k > 0')
    op.rename_table('products', 'products_r')
    op.alter_column('invoices', 'body', new_column_name='body_new', existing_type=sa.Enum('active', 'high', 'draft', name='pg_sm_2_e1'), existing_nullable=True)


def downgrade() -> None:
    op.alter_column('invoices', 'body_new', new_column_name='body', existing_type=sa.Enum('active', 'high', 'draft', name='pg_sm_2_e1'), existing_nullable=True)
    op.rename_table('products_r', 'products')
    op.drop_table('audit_3')
