from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, mysql, sqlite
import datetime


def upgrade():
    op.create_primary_key("pk_t", "t", ["id"])
    op.create_primary_key("pk_t2", "t2", ["a", "b"], schema="s")
