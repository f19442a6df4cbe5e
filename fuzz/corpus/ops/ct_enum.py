from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, mysql, sqlite
import datetime


def upgrade():
    op.create_table("t",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("status", sa.Enum("draft", "published", name="status"), nullable=True),
        sa.PrimaryKeyConstraint("id"))
