from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, mysql, sqlite
import datetime


def upgrade():
    op.create_table("child",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("a", sa.Integer()), sa.Column("b", sa.Integer()),
        sa.ForeignKeyConstraint(["a", "b"], ["s.parent.x", "s.parent.y"], name="fk_ab",
            ondelete="SET NULL", onupdate="CASCADE", deferrable=True, initially="DEFERRED"),
        sa.PrimaryKeyConstraint("id"))
