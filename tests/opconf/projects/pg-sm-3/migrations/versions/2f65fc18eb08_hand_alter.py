"""hand alter

Revision ID: 2f65fc18eb08
Revises: b3bcb2566000
Create Date: 2026-12-01 12:00:00.000000

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql  # noqa: F401

# revision identifiers, used by Alembic.
revision = '2f65fc18eb08'
down_revision = 'b3bcb2566000'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_3',
        sa.Column('k', sa.Integer(), nullable=False),
        sa.Column('v', sa.Text(), nullable=True))
    op.create_primary_key('pk_audit_3', 'audit_3', ['k'])
    op.create_check_constraint('ck_audit_3_k', 'audit_3', 'k > 0')
    op.rename_table('products', 'products_r')
    op.alter_column('products_r', 'body', new_column_name='body_new', existing_type=postgresql.CIDR(), existing_nullable=True)
    op.alter_column('items', 'owner', type_=sa.Integer(), existing_type=sa.VARCHAR(length=20), postgresql_using='owner::integer')


def downgrade() -> None:
    raise NotImplementedError('this revision cannot be undone')
