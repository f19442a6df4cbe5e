"""hand alter

Revision ID: a68612959111
Revises: 8d2d2197862f
Create Date: 2026-12-01 12:00:00.000000

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql  # noqa: F401

# revision identifiers, used by Alembic.
revision = 'a68612959111'
down_revision = '8d2d2197862f'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_3',
        sa.Column('k', sa.Integer(), nullable=False),
        sa.Column('v', sa.Text(), nullable=True))
    op.create_primary_key('pk_audit_3', 'audit_3', ['k'])
    op.create_check_constraint('ck_audit_3_k', 'audit_3', 'k > 0')
    op.rename_table('orders', 'orders_r')
    op.alter_column('orders_r', 'weight', new_column_name='weight_new', existing_type=sa.DATE(), existing_nullable=False)
    op.drop_constraint('uq_events_kind_region', 'events', type_='unique')


def downgrade() -> None:
    op.create_unique_constraint('uq_events_kind_region', 'events', ['kind', 'region'])
    op.alter_column('orders_r', 'weight_new', new_column_name='weight', existing_type=sa.DATE(), existing_nullable=False)
    op.rename_table('orders_r', 'orders')
    op.drop_table('audit_3')
