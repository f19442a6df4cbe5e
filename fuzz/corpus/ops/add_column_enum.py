from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, mysql, sqlite
import datetime


def upgrade():
    op.add_column("t", sa.Column("s", sa.Enum("a", "b", name="st")))
