from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, mysql, sqlite
import datetime


def upgrade():
    op.alter_column("t", "c", comment="new", existing_type=sa.Integer(), existing_comment="old")
    op.alter_column("t", "c", comment=None, existing_type=sa.Integer(), existing_comment="old")
