from alembic import op
import sqlalchemy as sa


def upgrade():
    with op.batch_alter_table("account") as batch_op:
        batch_op.alter_column("bio", nullable=False, existing_type=sa.Text())
        batch_op.add_column(sa.Column("age", sa.Integer, server_default="0"))
        batch_op.drop_column("parent_id")
        batch_op.create_index("ix_age", ["age"])
    with op.get_context().autocommit_block():
        op.create_index("ix_c", "t", ["a"], postgresql_concurrently=True)
