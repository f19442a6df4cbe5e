from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, mysql, sqlite
import datetime


def upgrade():
    op.create_table("User", sa.Column("order", sa.Integer(), primary_key=True),
        sa.Column("select", sa.String(5), index=True), sa.Column("CamelCase", sa.Integer))
