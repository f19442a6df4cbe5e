"""hand alter

Revision ID: 4f1a8588d00a
Revises: ee30bf4b71af
Create Date: 2026-12-01 12:00:00.000000

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql  # noqa: F401

# revision identifiers, used by Alembic.
revision = '4f1a8588d00a'
down_revision = 'ee30bf4b71af'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_3',
        sa.Column('k', sa.Integer(), nullable=False),
        sa.Column('v', sa.Text(), nullable=True))
    with op.batch_alter_table('audit_3') as batch_op:
        batch_op.create_primary_key('pk_audit_3', ['k'])
        batch_op.create_check_constraint('ck_audit_3_k', 'k > 0')
    op.rename_table('tags', 'tags_r')
    with op.batch_alter_table('tags_r') as batch_op:
        batch_op.alter_column('amount', new_column_name='amount_new', existing_type=sa.Float(precision=53), existing_nullable=True)
    with op.batch_alter_table('comments') as batch_op:
        batch_op.drop_constraint('uq_comments_name_color', type_='unique')
    with op.batch_alter_table('comments', recreate='always') as batch_op:
        batch_op.add_column(sa.Column('extra', sa.String(length=10), nullable=True))


def downgrade() -> None:
    raise NotImplementedError('this revision cannot be undone')
