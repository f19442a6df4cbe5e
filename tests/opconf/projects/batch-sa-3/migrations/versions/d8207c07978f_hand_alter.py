"""hand alter

Revision ID: d8207c07978f
Revises: 357e2624f8c0
Create Date: 2026-12-01 12:00:00.000000

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql  # noqa: F401

# revision identifiers, used by Alembic.
revision = 'd8207c07978f'
down_revision = '357e2624f8c0'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_3',
        sa.Column('k', sa.Integer(), nullable=False),
        sa.Column('v', sa.Text(), nullable=True))
    with op.batch_alter_table('audit_3') as batch_op:
        batch_op.create_primary_key('pk_audit_3', ['k'])
        batch_op.create_check_constraint('ck_audit_3_k', 'k > 0')
    op.rename_table('products', 'products_r')
    with op.batch_alter_table('regions') as batch_op:
        batch_op.alter_column('rank', new_column_name='rank_new', existing_type=sa.UnicodeText(), existing_nullable=True)
    with op.batch_alter_table('products_r', recreate='always') as batch_op:
        batch_op.add_column(sa.Column('extra', sa.String(length=10), nullable=True))


def downgrade() -> None:
    raise NotImplementedError('this revision cannot be undone')
