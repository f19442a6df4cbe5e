"""hand alter

Revision ID: 030a19a85cff
Revises: 8b3d93cbacde
Create Date: 2026-12-01 12:00:00.000000

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql  # noqa: F401

# revision identifiers, used by Alembic.
revision = '030a19a85cff'
down_revision = '8b3d93cbacde'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_3',
        sa.Column('k', sa.Integer(), nullable=False),
        sa.Column('v', sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint('k', name='pk_audit_3'))
    op.rename_table('items', 'items_r')
    op.alter_column('accounts', 'topic', new_column_name='topic_new', existing_type=sa.LargeBinary(), existing_nullable=False)


def downgrade() -> None:
    raise NotImplementedError('this revision cannot be undone')
