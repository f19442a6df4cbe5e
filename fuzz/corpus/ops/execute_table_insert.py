from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, mysql, sqlite
import datetime


def upgrade():
    t = sa.table("log", sa.column("id", sa.Integer), sa.column("msg", sa.String))
    op.execute(t.insert().values(id=1, msg="hi"))
    op.execute(t.update().where(t.c.id == 1).values(msg="yo"))
    op.execute(t.delete().where(t.c.id == 1))
