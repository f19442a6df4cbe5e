"""hand alter

Revision ID: cd9add22f76f
Revises: 53e4a2220fff
Create Date: 2026-12-01 12:00:00.000000

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql  # noqa: F401

# revision identifiers, used by Alembic.
revision = 'cd9add22f76f'
down_revision = '53e4a2220fff'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_4',
        sa.Column('k', sa.Integer(), nullable=False),
        sa.Column('v', sa.Text(), nullable=True),
        schema='audit')
    op.create_primary_key('pk_audit_4', 'audit_4', ['k'], schema='audit')
    op.create_check_constraint('ck_audit_4_k', 'audit_4', 'k > 0', schema='audit')
    op.rename_table('comments', 'comments_r', schema='audit')
    op.alter_column('posts', 'note', new_column_name='note_new', existing_type=sa.Numeric(precision=10, scale=2), existing_nullable=False)
    op.drop_constraint('uq_posts_qty_owner', 'posts', type_='unique')


def downgrade() -> None:
    raise NotImplementedError('this revision cannot be undone')
