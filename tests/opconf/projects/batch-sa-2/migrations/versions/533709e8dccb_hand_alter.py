"""hand alter

Revision ID: 533709e8dccb
Revises: f55ae5b881cf
Create Date: 2026-12-01 12:00:00.000000

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql  # noqa: F401

# revision identifiers, used by Alembic.
revision = '533709e8dccb'
down_revision = 'f55ae5b881cf'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_3',
        sa.Column('k', sa.Integer(), nullable=False),
        sa.Column('v', sa.Text(), nullable=True))
    with op.batch_alter_table('audit_3') as batch_op:
        batch_op.create_primary_key('pk_audit_3', ['k'])
        batch_op.create_check_constraint('ck_audit_3_k', 'k > 0')
    op.rename_table('comments', 'comments_r')
    with op.batch_alter_table('comments_r') as batch_op:
        batch_op.alter_column('ratio', new_column_name='ratio_new', existing_type=sa.String(length=10), existing_nullable=True)
    with op.batch_alter_table('orders') as batch_op:
        batch_op.drop_constraint('uq_orders_score_v', type_='unique')
    with op.batch_alter_table('tasks', recreate='always') as batch_op:
        batch_op.add_column(sa.Column('extra', sa.String(length=10), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('tasks') as batch_op:
        batch_op.drop_column('extra')
    with op.batch_alter_table('orders') as batch_op:
        batch_op.create_unique_constraint('uq_orders_score_v', ['score'])
    with op.batch_alter_table('comments_r') as batch_op:
        batch_op.alter_column('ratio_new', new_column_name='ratio', existing_type=sa.String(length=10), existing_nullable=True)
    op.rename_table('comments_r', 'comments')
    op.drop_table('audit_3')
