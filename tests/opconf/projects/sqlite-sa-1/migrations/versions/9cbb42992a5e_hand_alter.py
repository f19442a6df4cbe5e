"""hand alter

Revision ID: 9cbb42992a5e
Revises: 5a7c2f412c56
Create Date: 2026-12-01 12:00:00.000000

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql  # noqa: F401

# revision identifiers, used by Alembic.
revision = '9cbb42992a5e'
down_revision = '5a7c2f412c56'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_3',
        sa.Column('k', sa.Integer(), nullable=False),
        sa.Column('v', sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint('k', name='pk_audit_3'))
    op.rename_table('tags', 'tags_r')
    op.alter_column('tags_r', 'price', new_column_name='price_new', existing_type=sa.Enum('done', 'active', 'draft', name='sqlite_sa_1_e1'), existing_nullable=True)


def downgrade() -> None:
    op.alter_column('tags_r', 'price_new', new_column_name='price', existing_type=sa.Enum('done', 'active', 'draft', name='sqlite_sa_1_e1'), existing_nullable=True)
    op.rename_table('tags_r', 'tags')
    op.drop_table('audit_3')
