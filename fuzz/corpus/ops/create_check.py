from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, mysql, sqlite
import datetime


def upgrade():
    op.create_check_constraint("ck_t_a", "t", "a > 0")
    op.create_check_constraint("ck_t_b", "t", sa.text("b < 10"), schema="s")
