"""hand alter

Revision ID: 355869f839aa
Revises: 56e443e142f3
Create Date: 2026-12-01 12:00:00.000000

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql  # noqa: F401

# revision identifiers, used by Alembic.
revision = '355869f839aa'
down_revision = '56e443e142f3'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_3',
        sa.Column('k', sa.Integer(), nullable=False),
        sa.Column('v', sa.Text(), nullable=True))
    with op.batch_alter_table('audit_3') as batch_op:
        batch_op.create_primary_key('pk_audit_3', ['k'])
        batch_op.create_check_constraint('ck_audit_3_k', 'k > 0')
    op.rename_table('tasks', 'tasks_r')
    with op.batch_alter_table('tasks_r') as batch_op:
        batch_op.alter_column('url', new_column_name='url_new', existing_type=sa.Date(), existing_nullable=True)
    with op.batch_alter_table('projects', recreate='always') as batch_op:
        batch_op.add_column(sa.Column('extra', sa.String(length=10), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('projects') as batch_op:
        batch_op.drop_column('extra')
    with op.batch_alter_table('tasks_r') as batch_op:
        batch_op.alter_column('url_new', new_column_name='url', existing_type=sa.Date(), existing_nullable=True)
    op.rename_table('tasks_r', 'tasks')
    op.drop_table('audit_3')
