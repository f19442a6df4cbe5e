from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, mysql, sqlite
import datetime


def upgrade():
    op.add_column("account", sa.Column("last", sa.DateTime(), nullable=True))
    op.add_column("account", sa.Column("n", sa.Integer(), nullable=False, server_default="0"))
    op.add_column("account", sa.Column("s", sa.String(5)), schema="x")
