from alembic import op, context
import sqlalchemy as sa
import json
TABLES = ("a", "b")
def col(name, n=True):
    return sa.Column(name, sa.String(10), nullable=n)
def upgrade():
    args = context.get_x_argument(as_dictionary=True)
    for i, t in enumerate(TABLES):
        op.add_column(t, col("c%d" % i, n=not i))
    rows = [{"id": k, "v": str(k)} for k in range(3) if k]
    op.bulk_insert(sa.table("t", sa.column("id")), rows)
    if op.get_context().dialect.name in ("mysql", "mariadb") and args.get("x") == "1":
        op.execute(json.dumps({"a": [1, None]}))
    with op.batch_alter_table("t") as batch_op:
        batch_op.drop_column("x")
    t = sa.table("t", sa.column("id"))
    op.execute(t.update().where(t.c.id == 1).values(id=t.c.id + 1))
def downgrade():
    raise NotImplementedError("irreversible")
