"""hand alter

Revision ID: 69f572dc9af7
Revises: 6092034926f4
Create Date: 2026-12-01 12:00:00.000000

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql  # noqa: F401

# revision identifiers, used by Alembic.
revision = '69f572dc9af7'
down_revision = '6092034926f4'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_4',
        sa.Column('k', sa.Integer(), nullable=False),
        sa.Column('v', sa.Text(), nullable=True),
        schema='sales')
    op.create_primary_key('pk_audit_4', 'audit_4', ['k'], schema='sales')
    op.create_check_constraint('ck_audit_4_k', 'audit_4', 'k > 0', schema='sales')
    op.rename_table('users', 'users_r')
    op.alter_column('users_r', 'name', new_column_name='name_new', existing_type=sa.Float(), existing_nullable=False)
    op.drop_constraint('uq_notes_grade_qty', 'notes', type_='unique', schema='audit')


def downgrade() -> None:
    raise NotImplementedError('this revision cannot be undone')
