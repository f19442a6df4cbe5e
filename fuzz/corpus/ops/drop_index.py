from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, mysql, sqlite
import datetime


def upgrade():
    op.drop_index(op.f("ix_t_a"), table_name="t")
    op.drop_index("ix_s", table_name="t", schema="s")
    op.drop_index("ix_x")
