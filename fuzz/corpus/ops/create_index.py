from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, mysql, sqlite
import datetime


def upgrade():
    op.create_index(op.f("ix_t_a"), "t", ["a"], unique=False)
    op.create_index("ix_t_ab", "t", ["a", "b"], unique=True)
    op.create_index("ix_s", "t", ["a"], schema="s")
