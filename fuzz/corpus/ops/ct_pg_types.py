from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, mysql, sqlite
import datetime


def upgrade():
    op.create_table("t",
        sa.Column("id", postgresql.UUID(as_uuid=True), primary_key=True),
        sa.Column("a", postgresql.JSONB()), sa.Column("b", postgresql.ARRAY(sa.String())),
        sa.Column("c", postgresql.TIMESTAMP(timezone=True)), sa.Column("d", postgresql.INET()))
