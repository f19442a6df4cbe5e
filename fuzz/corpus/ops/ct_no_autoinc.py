from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, mysql, sqlite
import datetime


def upgrade():
    op.create_table("t", sa.Column("id", sa.Integer, primary_key=True, autoincrement=False))
