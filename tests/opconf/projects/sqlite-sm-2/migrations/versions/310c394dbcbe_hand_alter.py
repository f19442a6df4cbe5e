"""hand alter

Revision ID: 310c394dbcbe
Revises: 0f1749630425
Create Date: 2026-12-01 12:00:00.000000

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql  # noqa: F401

# revision identifiers, used by Alembic.
revision = '310c394dbcbe'
down_revision = '0f1749630425'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_3',
        sa.Column('k', sa.Integer(), nullable=False),
        sa.Column('v', sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint('k', name='pk_audit_3'))
    op.rename_table('comments', 'comments_r')
    op.alter_column('comments_r', 'email', new_column_name='email_new', existing_type=sa.NVARCHAR(length=10), existing_nullable=True)


def downgrade() -> None:
    op.alter_column('comments_r', 'email_new', new_column_name='email', existing_type=sa.NVARCHAR(length=10), existing_nullable=True)
    op.rename_table('comments_r', 'comments')
    op.drop_table('audit_3')
