"""create account table

Revision ID: 1975ea83b712
Revises: 
Create Date: 2026-11-24 14:34:00.401784

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '1975ea83b712'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
