from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, mysql, sqlite
import datetime


def upgrade():
    t = sa.table("log", sa.column("msg", sa.String))
    op.bulk_insert(t, [{"msg": "50% a\\b"}])
    op.add_column("t", sa.Column("c", sa.String(5), server_default="5%", comment="x%"))
    op.execute("select '%'")
    op.execute(sa.text("select '%' || 'a\\b'"))
