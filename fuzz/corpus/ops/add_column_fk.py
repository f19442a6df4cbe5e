from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, mysql, sqlite
import datetime


def upgrade():
    op.add_column("t", sa.Column("p", sa.Integer(), sa.ForeignKey("parent.id")))
