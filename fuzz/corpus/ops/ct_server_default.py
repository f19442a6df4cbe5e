from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, mysql, sqlite
import datetime


def upgrade():
    op.create_table("t",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("a", sa.String(20), server_default="x'y"),
        sa.Column("b", sa.Integer(), server_default=sa.text("0")),
        sa.Column("c", sa.DateTime(), server_default=sa.func.now()),
        sa.Column("d", sa.Boolean(), server_default=sa.true()),
        sa.Column("e", sa.Boolean(), server_default=sa.false()),
        sa.Column("f", sa.DateTime(timezone=True), server_default=sa.text("CURRENT_TIMESTAMP")),
        sa.Column("g", sa.Integer(), server_default="5"),
        sa.PrimaryKeyConstraint("id"))
