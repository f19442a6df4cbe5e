from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, mysql, sqlite
import datetime


def upgrade():
    t = sa.table("log", sa.column("d", sa.Date), sa.column("ts", sa.DateTime))
    op.bulk_insert(t, [{"d": datetime.date(2020, 1, 2), "ts": datetime.datetime(2020, 1, 2, 3, 4, 5)}])
