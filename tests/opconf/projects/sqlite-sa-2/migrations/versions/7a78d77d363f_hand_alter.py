"""hand alter

Revision ID: 7a78d77d363f
Revises: 9726f93870e1
Create Date: 2026-12-01 12:00:00.000000

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql  # noqa: F401

# revision identifiers, used by Alembic.
revision = '7a78d77d363f'
down_revision = '9726f93870e1'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_3',
        sa.Column('k', sa.Integer(), nullable=False),
        sa.Column('v', sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint('k', name='pk_audit_3'))
    op.rename_table('coupons', 'coupons_r')
    op.alter_column('accounts', 'topic', new_column_name='topic_new', existing_type=sa.BLOB(), existing_nullable=True)


def downgrade() -> None:
    op.alter_column('accounts', 'topic_new', new_column_name='topic', existing_type=sa.BLOB(), existing_nullable=True)
    op.rename_table('coupons_r', 'coupons')
    op.drop_table('audit_3')
