"""hand alter

Revision ID: 95664b523d7f
Revises: 6f2528f70da8
Create Date: 2026-12-01 12:00:00.000000

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql  # noqa: F401

# revision identifiers, used by Alembic.
revision = '95664b523d7f'
down_revision = '6f2528f70da8'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_3',
        sa.Column('k', sa.Integer(), nullable=False),
        sa.Column('v', sa.Text(), nullable=True))
    op.create_primary_key('pk_audit_3', 'audit_3', ['k'])
    op.create_check_constraint('ck_audit_3_k', 'audit_3', 'k > 0')
    op.rename_table('reviews', 'reviews_r')
    op.alter_column('reviews_r', 'topic', new_column_name='topic_new', existing_type=sa.JSON(), existing_nullable=False)
    op.alter_column('comments', 'name', type_=sa.Integer(), existing_type=sa.VARCHAR(length=20), postgresql_using='name::integer')
    op.drop_constraint('uq_comments_score_email', 'comments', type_='unique')


def downgrade() -> None:
    raise NotImplementedError('this revision cannot be undone')
