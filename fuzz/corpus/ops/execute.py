from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, mysql, sqlite
import datetime


def upgrade():
    op.execute("CREATE TABLE log (id INTEGER PRIMARY KEY, msg TEXT)")
    op.execute(sa.text("UPDATE log SET msg = 'x';"))
    op.execute("  SELECT\t1  ")
