from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, mysql, sqlite
import datetime


def upgrade():
    op.create_table("t", sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("p", sa.Integer(), sa.ForeignKey("other.parent.id")),
        sa.Column("n", sa.String(5), index=True),
        schema="other")
