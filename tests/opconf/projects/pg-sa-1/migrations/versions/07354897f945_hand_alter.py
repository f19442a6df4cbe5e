"""hand alter

Revision ID: 07354897f945
Revises: 014c79c31749
Create Date: 2026-12-01 12:00:00.000000

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql  # noqa: F401

# revision identifiers, used by Alembic.
revision = '07354897f945'
down_revision = '014c79c31749'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_3',
        sa.Column('k', sa.Integer(), nullable=False),
        sa.Column('v', sa.Text(), nullable=True))
    op.create_primary_key('pk_audit_3', 'audit_3', ['k'])
    op.create_check_constraint('ck_audit_3_k', 'audit_3', 'k > 0')
    op.rename_table('invoices', 'invoices_r')
    op.alter_column('notes', 'title', new_column_name='title_new', existing_type=sa.Enum('red', 'green', 'draft', name='pg_sa_1_e1'), existing_nullable=True)
    op.drop_constraint('uq_notes_carts_id_url', 'notes', type_='unique')


def downgrade() -> None:
    op.create_unique_constraint('uq_notes_carts_id_url', 'notes', ['carts_id', 'url'])
    op.alter_column('notes', 'title_new', new_column_name='title', existing_type=sa.Enum('red', 'green', 'draft', name='pg_sa_1_e1'), existing_nullable=True)
    op.rename_table('invoices_r', 'invoices')
    op.drop_table('audit_3')
