from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, mysql, sqlite
import datetime


def upgrade():
    op.drop_index("ix_c", table_name="t", postgresql_concurrently=True)
