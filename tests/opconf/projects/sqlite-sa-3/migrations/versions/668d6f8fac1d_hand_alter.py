"""hand alter

Revision ID: 668d6f8fac1d
Revises: 954fddc5c62e
Create Date: 2026-12-01 12:00:00.000000

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql  # noqa: F401

# revision identifiers, used by Alembic.
revision = '668d6f8fac1d'
down_revision = '954fddc5c62e'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_3',
        sa.Column('k', sa.Integer(), nullable=False),
        sa.Column('v', sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint('k', name='pk_audit_3'))
    op.rename_table('users', 'users_r')
    op.alter_column('products', 'status', new_column_name='status_new', existing_type=sa.Date(), existing_nullable=True)


def downgrade() -> None:
    raise NotImplementedError('this revision cannot be undone')
