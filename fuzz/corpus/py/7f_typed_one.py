"""typed one

Revision ID: 7f
Revises: 6e
Create Date: 2026-11-24 14:34:09.696774

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '7f'
down_revision: Union[str, Sequence[str], None] = '6e'
branch_labels: Union[str, Sequence[str], None] = ('typed',)
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    pass


def downgrade() -> None:
    """Downgrade schema."""
    pass
