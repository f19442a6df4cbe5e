from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, mysql, sqlite
import datetime


def upgrade():
    op.create_unique_constraint("uq_t_a", "t", ["a"])
    op.create_unique_constraint(op.f("uq_t_ab"), "t", ["a", "b"], schema="s")
