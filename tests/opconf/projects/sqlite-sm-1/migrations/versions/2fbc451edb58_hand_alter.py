"""hand alter

Revision ID: 2fbc451edb58
Revises: a5de1ef3e286
Create Date: 2026-12-01 12:00:00.000000

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql  # noqa: F401

# revision identifiers, used by Alembic.
revision = '2fbc451edb58'
down_revision = 'a5de1ef3e286'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_3',
        sa.Column('k', sa.Integer(), nullable=False),
        sa.Column('v', sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint('k', name='pk_audit_3'))
    op.rename_table('vendors', 'vendors_r')
    op.alter_column('items', 'grade', new_column_name='grade_new', existing_type=sa.DATE(), existing_nullable=False)


def downgrade() -> None:
    op.alter_column('items', 'grade_new', new_column_name='grade', existing_type=sa.DATE(), existing_nullable=False)
    op.rename_table('vendors_r', 'vendors')
    op.drop_table('audit_3')
