"""hand alter

Revision ID: 977d517b28c7
Revises: e3935e79373a
Create Date: 2026-12-01 12:00:00.000000

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql  # noqa: F401

# revision identifiers, used by Alembic.
revision = '977d517b28c7'
down_revision = 'e3935e79373a'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_3',
        sa.Column('k', sa.Integer(), nullable=False),
        sa.Column('v', sa.Text(), nullable=True))
    with op.batch_alter_table('audit_3') as batch_op:
        batch_op.create_primary_key('pk_audit_3', ['k'])
        batch_op.create_check_constraint('ck_audit_3_k', 'k > 0')
    op.rename_table('invoices', 'invoices_r')
    with op.batch_alter_table('invoices_r') as batch_op:
        batch_op.alter_column('kind', new_column_name='kind_new', existing_type=sa.Enum('draft', 'high', 'low', name='batch_sa_1_e1'), existing_nullable=True)
    with op.batch_alter_table('vendors') as batch_op:
        batch_op.drop_constraint('uq_vendors_lookup_1_id_score', type_='unique')
    with op.batch_alter_table('items', recreate='always') as batch_op:
        batch_op.add_column(sa.Column('extra', sa.String(length=10), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('items') as batch_op:
        batch_op.drop_column('extra')
    with op.batch_alter_table('vendors') as batch_op:
        batch_op.create_unique_constraint('uq_vendors_lookup_1_id_score', ['lookup_1_id', 'score'])
    with op.batch_alter_table('invoices_r') as batch_op:
        batch_op.alter_column('kind_new', new_column_name='kind', existing_type=sa.Enum('draft', 'high', 'low', name='batch_sa_1_e1'), existing_nullable=True)
    op.rename_table('invoices_r', 'invoices')
    op.drop_table('audit_3')
