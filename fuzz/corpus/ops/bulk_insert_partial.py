from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, mysql, sqlite
import datetime


def upgrade():
    t = sa.table("log", sa.column("id", sa.Integer), sa.column("msg", sa.String), schema="s")
    op.bulk_insert(t, [{"id": 1}, {"msg": "x", "id": 2}])
