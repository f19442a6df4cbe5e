from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, mysql, sqlite
import datetime


def upgrade():
    op.create_foreign_key("fk_c_p", "child", "parent", ["pid"], ["id"])
    op.create_foreign_key(None, "child", "parent", ["a", "b"], ["x", "y"], ondelete="CASCADE",
        onupdate="SET NULL", deferrable=True, initially="IMMEDIATE", source_schema="s", referent_schema="r")
