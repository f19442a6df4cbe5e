"""hand alter

Revision ID: 493d65b9a624
Revises: c1be359be208
Create Date: 2026-12-01 12:00:00.000000

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql  # noqa: F401

# revision identifiers, used by Alembic.
revision = '493d65b9a624'
down_revision = 'c1be359be208'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_3',
        sa.Column('k', sa.Integer(), nullable=False),
        sa.Column('v', sa.Text(), nullable=True))
    with op.batch_alter_table('audit_3') as batch_op:
        batch_op.create_primary_key('pk_audit_3', ['k'])
        batch_op.create_check_constraint('ck_audit_3_k', 'k > 0')
    op.rename_table('shipments', 'shipments_r')
    with op.batch_alter_table('shipments_r') as batch_op:
        batch_op.alter_column('title', new_column_name='title_new', existing_type=sa.TIME(), existing_nullable=False)
    with op.batch_alter_table('reviews') as batch_op:
        batch_op.drop_constraint('uq_reviews_grade_v', type_='unique')
    with op.batch_alter_table('shipments_r', recreate='always') as batch_op:
        batch_op.add_column(sa.Column('extra', sa.String(length=10), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('shipments_r') as batch_op:
        batch_op.drop_column('extra')
    with op.batch_alter_table('reviews') as batch_op:
        batch_op.create_unique_constraint('uq_reviews_grade_v', ['grade'])
    with op.batch_alter_table('shipments_r') as batch_op:
        batch_op.alter_column('title_new', new_column_name='title', existing_type=sa.TIME(), existing_nullable=False)
    op.rename_table('shipments_r', 'shipments')
    op.drop_table('audit_3')
