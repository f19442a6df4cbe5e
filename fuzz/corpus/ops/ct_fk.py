from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, mysql, sqlite
import datetime


def upgrade():
    op.create_table("child",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("other_id", sa.Integer(), sa.ForeignKey("other.id", ondelete="CASCADE")),
        sa.ForeignKeyConstraint(["parent_id"], ["parent.id"], ),
        sa.PrimaryKeyConstraint("id"))
