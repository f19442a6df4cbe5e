from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, mysql, sqlite
import datetime


def upgrade():
    op.alter_column("t", "c", nullable=False, existing_type=sa.String(20),
        existing_server_default="x", existing_comment="cmt")
    op.alter_column("t", "c", type_=sa.Text())
