"""hand alter

Revision ID: 21106b27d473
Revises: 7317191d8105
Create Date: 2026-12-01 12:00:00.000000

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql  # noqa: F401

# revision identifiers, used by Alembic.
revision = '21106b27d473'
down_revision = '7317191d8105'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_4',
        sa.Column('k', sa.Integer(), nullable=False),
        sa.Column('v', sa.Text(), nullable=True))
    op.create_primary_key('pk_audit_4', 'audit_4', ['k'])
    op.create_check_constraint('ck_audit_4_k', 'audit_4', 'k > 0')
    op.rename_table('users', 'users_r', schema='audit')
    op.alter_column('users_r', 'code', new_column_name='code_new', existing_type=sa.INTEGER(), existing_nullable=False, schema='audit')
    op.drop_constraint('uq_users_weight_v', 'users_r', type_='unique', schema='audit')


def downgrade() -> None:
    op.create_unique_constraint('uq_users_weight_v', 'users_r', ['weight'], schema='audit')
    op.alter_column('users_r', 'code_new', new_column_name='code', existing_type=sa.INTEGER(), existing_nullable=False, schema='audit')
    op.rename_table('users_r', 'users', schema='audit')
    op.drop_table('audit_4')
