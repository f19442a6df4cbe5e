from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, mysql, sqlite
import datetime


def upgrade():
    op.create_table_comment("t", "the comment", existing_comment=None)
    op.drop_table_comment("t", existing_comment="the comment")
    op.create_table_comment("t", "it's", schema="s")
