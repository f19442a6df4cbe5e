from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, mysql, sqlite
import datetime


def upgrade():
    op.create_table("t", sa.Column("a", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("a", name=op.f("pk_t")))
