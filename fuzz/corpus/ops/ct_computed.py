from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, mysql, sqlite
import datetime


def upgrade():
    op.create_table("t",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("a", sa.Integer()),
        sa.Column("b", sa.Integer(), sa.Computed("a * 2")),
        sa.Column("c", sa.Integer(), sa.Computed("a + 1", persisted=True)))
