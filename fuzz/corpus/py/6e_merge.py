"""merge

Revision ID: 6e
Revises: 5d, 4c
Create Date: 2026-11-24 14:34:01.872000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '6e'
down_revision = ('5d', '4c')
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
