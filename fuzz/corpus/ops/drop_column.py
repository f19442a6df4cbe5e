from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, mysql, sqlite
import datetime


def upgrade():
    op.drop_column("account", "last")
    op.drop_column("account", "n", schema="x")
