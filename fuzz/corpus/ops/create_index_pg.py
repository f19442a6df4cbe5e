from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, mysql, sqlite
import datetime


def upgrade():
    op.create_index("ix_w", "t", ["a"], postgresql_where=sa.text("a > 0"))
    op.create_index("ix_u", "t", ["a"], postgresql_using="gin")
    op.create_index("ix_c", "t", ["a"], postgresql_concurrently=True)
    op.create_index("ix_i", "t", ["a"], postgresql_include=["b", "c"])
