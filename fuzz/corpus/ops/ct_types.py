from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, mysql, sqlite
import datetime


def upgrade():
    op.create_table("t",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("a", sa.Numeric(10, 2)), sa.Column("b", sa.Float()), sa.Column("c", sa.Date()),
        sa.Column("d", sa.Time()), sa.Column("e", sa.LargeBinary()), sa.Column("f", sa.JSON()),
        sa.Column("g", sa.SmallInteger()), sa.Column("h", sa.Boolean()), sa.Column("i", sa.Interval()))
