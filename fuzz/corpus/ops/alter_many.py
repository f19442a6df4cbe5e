from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, mysql, sqlite
import datetime


def upgrade():
    op.alter_column("t", "c", new_column_name="d", type_=sa.BigInteger(), nullable=False,
        server_default="0", existing_type=sa.Integer(), schema="s")
