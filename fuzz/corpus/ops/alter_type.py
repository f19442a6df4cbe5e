from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, mysql, sqlite
import datetime


def upgrade():
    op.alter_column("t", "c", type_=sa.String(length=100), existing_type=sa.String(length=50),
        existing_nullable=False)
