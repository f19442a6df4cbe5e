"""hand alter

Revision ID: dcfb7ddc8408
Revises: d35e69105d48
Create Date: 2026-12-01 12:00:00.000000

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql  # noqa: F401

# revision identifiers, used by Alembic.
revision = 'dcfb7ddc8408'
down_revision = 'd35e69105d48'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_4',
        sa.Column('k', sa.Integer(), nullable=False),
        sa.Column('v', sa.Text(), nullable=True),
        schema='audit')
    op.create_primary_key('pk_audit_4', 'audit_4', ['k'], schema='audit')
    op.create_check_constraint('ck_audit_4_k', 'audit_4', 'k > 0', schema='audit')
    op.rename_table('posts', 'posts_r', schema='sales')
    op.alter_column('reviews', 'color', new_column_name='color_new', existing_type=postgresql.ENUM('green', 'high', 'red', name='pgms_sm_2_e1'), existing_nullable=True, schema='sales')
    op.drop_constraint('uq_reviews_posts_id_topic', 'reviews', type_='unique', schema='sales')


def downgrade() -> None:
    op.create_unique_constraint('uq_reviews_posts_id_topic', 'reviews', ['posts_id', 'topic'], schema='sales')
    op.alter_column('reviews', 'color_new', new_column_name='color', existing_type=postgresql.ENUM('green', 'high', 'red', name='pgms_sm_2_e1'), existing_nullable=True, schema='sales')
    op.rename_table('posts_r', 'posts', schema='sales')
    op.drop_table('audit_4', schema='audit')
