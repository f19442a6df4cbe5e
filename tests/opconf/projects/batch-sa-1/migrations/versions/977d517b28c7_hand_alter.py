"""hand alter

Revision ID: 977d517b28c7
Revises: e3935e79373a
Create Date: 2026-12-01 12:00:00.000000

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql  # noqa: F401

# revision identifiers, used by Alembic.
revision = '977d517b28c7'
down_revision = 'e3935e79373a'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_3',
        sa.Column('k', sa.Integer(), nullable=False),
        sa.Column('v', sa.Text(), nullable=True))
    with op.batch_alter_table('audit_3') as batch_op:
        batch_op.create_primary_key('pk_audit_3', ['k'])
        batch_op.create_check_constraint('ck_audit_3_k', 'k > 0')
    op.rename_table('reviews', 'reviews_r')
    with op.batch_alter_table('orders') as batch_op:
        batch_op.alter_column('note', new_column_name='note_new', existing_type=sa.FLOAT(), existing_nullable=False)
    with op.batch_alter_table('orders', recreate='always') as batch_op:
        batch_op.add_column(sa.Column('extra', sa.String(length=10), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('orders') as batch_op:
        batch_op.drop_column('extra')
    with op.batch_alter_table('orders') as batch_op:
        batch_op.alter_column('note_new', new_column_name='note', existing_type=sa.FLOAT(), existing_nullable=False)
    op.rename_table('reviews_r', 'reviews')
    op.drop_table('audit_3')
