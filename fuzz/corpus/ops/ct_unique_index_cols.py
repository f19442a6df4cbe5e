from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, mysql, sqlite
import datetime


def upgrade():
    op.create_table("t",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("email", sa.String(100), unique=True),
        sa.Column("name", sa.String(100), index=True),
        sa.Column("code", sa.String(10), index=True, unique=True))
