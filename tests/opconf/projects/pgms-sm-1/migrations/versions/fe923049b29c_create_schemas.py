"""create schemas

Revision ID: fe923049b29c
Revises: 
Create Date: 2026-12-01 12:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'fe923049b29c'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute('CREATE SCHEMA sales')
    op.execute('CREATE SCHEMA audit')


def downgrade() -> None:
    op.execute('DROP SCHEMA audit CASCADE')
    op.execute('DROP SCHEMA sales CASCADE')
