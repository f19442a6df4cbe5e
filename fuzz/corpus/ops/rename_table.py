from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, mysql, sqlite
import datetime


def upgrade():
    op.rename_table("old", "new")
    op.rename_table("old", "new", schema="s")
