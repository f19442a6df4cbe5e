from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, mysql, sqlite
import datetime


def upgrade():
    t = sa.table("log", sa.column("id", sa.Integer), sa.column("msg", sa.String),
        sa.column("ok", sa.Boolean), sa.column("f", sa.Float))
    op.bulk_insert(t, [{"id": 1, "msg": "it's", "ok": True, "f": 1.5},
        {"id": 2, "msg": None, "ok": False, "f": 2.0}])
