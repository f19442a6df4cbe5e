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
    op.rename_table('notes', 'notes_r')
    op.alter_column('items', 'size', new_column_name='size_new', existing_type=sa.Enum('draft', 'low', 'green', name='sqlite_sm_1_e1'), existing_nullable=False)


def downgrade() -> None:
    op.alter_column('items', 'size_new', new_column_name='size', existing_type=sa.Enum('draft', 'low', 'green', name='sqlite_sm_1_e1'), existing_nullable=False)
    op.rename_table('notes_r', 'notes')
    op.drop_table('audit_3')
