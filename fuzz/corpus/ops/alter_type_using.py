from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, mysql, sqlite
import datetime


def upgrade():
    op.alter_column("t", "c", type_=sa.Integer(), existing_type=sa.String(), postgresql_using="c::integer")
