from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, mysql, sqlite
import datetime


def upgrade():
    op.drop_constraint("fk_c_p", "child", type_="foreignkey")
    op.drop_constraint("uq_t_a", "t", type_="unique")
    op.drop_constraint("ck_t_a", "t", type_="check")
    op.drop_constraint("pk_t", "t", type_="primary")
    op.drop_constraint("x", "t", schema="s")
