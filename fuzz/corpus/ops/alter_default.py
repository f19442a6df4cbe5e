from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, mysql, sqlite
import datetime


def upgrade():
    op.alter_column("t", "c", server_default="x", existing_type=sa.String(10))
    op.alter_column("t", "d", server_default=None, existing_type=sa.Integer())
    op.alter_column("t", "e", server_default=sa.text("now()"), existing_type=sa.DateTime())
