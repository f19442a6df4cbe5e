from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, mysql, sqlite
import datetime


def upgrade():
    op.create_table("t",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("a", sa.Integer()), sa.Column("p", sa.Integer()),
        sa.CheckConstraint("a > 0", name="ck_a"),
        sa.UniqueConstraint("a", name="uq_a"),
        sa.ForeignKeyConstraint(["p"], ["parent.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("p"),
        sa.CheckConstraint("p <> a"))
