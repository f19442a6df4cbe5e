#!/usr/bin/python3
"""record_ddl.py - records what Alembic 1.8.1 + SQLAlchemy 1.4 emit offline
for each operation of the case table below, per dialect, into ddl.txt.

Run with the oracle (Debian's python3-alembic): /usr/bin/python3 record_ddl.py
Each case's code is the body of an upgrade() function: it runs against
Operations(MigrationContext.configure(dialect_name=D, opts={"as_sql": True,
"literal_binds": True}, dialect_opts={"paramstyle": "named"})), as the generic
env.py's run_migrations_offline() configures it,
and the output buffer is recorded verbatim.  An exception is recorded as
"ERROR <ExceptionClass>: <message>".

ddl.txt format, one block per (case, dialect):
    === <name> <dialect>
    <code lines, as the body of upgrade()>
    ---
    <output bytes, or the ERROR line>
    ===
t_ddl.c reads the same file, evaluates the code with our Python front end,
binds and compiles it, and compares.
"""
import datetime
import io
import os
import sys

import sqlalchemy as sa
from alembic.migration import MigrationContext
from alembic.operations import Operations
import sqlalchemy.sql.schema
from sqlalchemy.dialects import mysql, postgresql, sqlite  # noqa: F401

# Alembic's create_table/add_column iterate table.indexes, a Python set: the
# order of the CREATE INDEX statements varies from run to run.  We pin
# insertion order (columns' index=True and sa.Index arguments as written);
# so does the recorder, by making that set an insertion-ordered one.
sqlalchemy.sql.schema.set = sa.util.OrderedSet

ALL = ("sqlite", "postgresql", "mysql")
PG = ("postgresql",)

CASES = [
    # ---- create_table ----
    ("ct_basic", ALL, '''
op.create_table("account",
    sa.Column("id", sa.Integer(), nullable=False),
    sa.Column("name", sa.String(length=50), nullable=False),
    sa.Column("description", sa.Unicode(length=200), nullable=True),
    sa.PrimaryKeyConstraint("id"))
'''),
    ("ct_pk_inline", ALL, '''
op.create_table("t", sa.Column("id", sa.Integer, primary_key=True), sa.Column("v", sa.Text))
'''),
    ("ct_pk_composite", ALL, '''
op.create_table("t", sa.Column("a", sa.Integer, primary_key=True),
    sa.Column("b", sa.String(10), primary_key=True))
'''),
    ("ct_pk_named", ALL, '''
op.create_table("t", sa.Column("a", sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint("a", name=op.f("pk_t")))
'''),
    ("ct_no_autoinc", ALL, '''
op.create_table("t", sa.Column("id", sa.Integer, primary_key=True, autoincrement=False))
'''),
    ("ct_bigint_pk", ALL, '''
op.create_table("t", sa.Column("id", sa.BigInteger(), autoincrement=True, nullable=False),
    sa.PrimaryKeyConstraint("id"))
'''),
    ("ct_server_default", ALL, '''
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
'''),
    ("ct_unique_index_cols", ALL, '''
op.create_table("t",
    sa.Column("id", sa.Integer(), primary_key=True),
    sa.Column("email", sa.String(100), unique=True),
    sa.Column("name", sa.String(100), index=True),
    sa.Column("code", sa.String(10), index=True, unique=True))
'''),
    ("ct_fk", ALL, '''
op.create_table("child",
    sa.Column("id", sa.Integer(), nullable=False),
    sa.Column("parent_id", sa.Integer(), nullable=True),
    sa.Column("other_id", sa.Integer(), sa.ForeignKey("other.id", ondelete="CASCADE")),
    sa.ForeignKeyConstraint(["parent_id"], ["parent.id"], ),
    sa.PrimaryKeyConstraint("id"))
'''),
    ("ct_fk_options", ALL, '''
op.create_table("child",
    sa.Column("id", sa.Integer(), nullable=False),
    sa.Column("a", sa.Integer()), sa.Column("b", sa.Integer()),
    sa.ForeignKeyConstraint(["a", "b"], ["s.parent.x", "s.parent.y"], name="fk_ab",
        ondelete="SET NULL", onupdate="CASCADE", deferrable=True, initially="DEFERRED"),
    sa.PrimaryKeyConstraint("id"))
'''),
    ("ct_constraint_order", ALL, '''
op.create_table("t",
    sa.Column("id", sa.Integer(), nullable=False),
    sa.Column("a", sa.Integer()), sa.Column("p", sa.Integer()),
    sa.CheckConstraint("a > 0", name="ck_a"),
    sa.UniqueConstraint("a", name="uq_a"),
    sa.ForeignKeyConstraint(["p"], ["parent.id"]),
    sa.PrimaryKeyConstraint("id"),
    sa.UniqueConstraint("p"),
    sa.CheckConstraint("p <> a"))
'''),
    ("ct_enum", ALL, '''
op.create_table("t",
    sa.Column("id", sa.Integer(), nullable=False),
    sa.Column("status", sa.Enum("draft", "published", name="status"), nullable=True),
    sa.PrimaryKeyConstraint("id"))
'''),
    ("ct_enum_noname", ALL, '''
op.create_table("t", sa.Column("id", sa.Integer(), primary_key=True),
    sa.Column("s", sa.Enum("a", "b")))
'''),
    ("ct_pg_enum_create_false", PG, '''
op.create_table("t", sa.Column("id", sa.Integer(), primary_key=True),
    sa.Column("s", postgresql.ENUM("a", "b", name="st", create_type=False)))
'''),
    ("ct_pg_enum", ALL, '''
op.create_table("t", sa.Column("id", sa.Integer(), primary_key=True),
    sa.Column("s", postgresql.ENUM("a", "b", name="st")))
'''),
    ("add_column_pg_enum", ALL, '''
op.add_column("t", sa.Column("s", postgresql.ENUM("a", "b", name="st")))
'''),
    # ---- an Enum type's own create/drop (SchemaType.create / ENUM.create) ----
    ("enum_own_create", ALL, '''
e = postgresql.ENUM("a", "b", name="status")
e.create(op.get_bind())
op.add_column("t", sa.Column("c", e))
'''),
    ("enum_own_sa_checkfirst", ALL, '''
sa.Enum("x", "it's", name="kind", schema="s1").create(op.get_bind(), checkfirst=True)
op.add_column("t", sa.Column("d", sa.Enum("x", "it's", name="kind", schema="s1")))
'''),
    ("enum_own_then_table", ALL, '''
sa.Enum("a", "b", name="st").create(op.get_bind(), checkfirst=False)
op.create_table("u", sa.Column("c", sa.Enum("a", "b", name="st")))
'''),
    ("enum_own_create_type_false", PG, '''
postgresql.ENUM("a", name="st", create_type=False).create(bind=op.get_bind())
'''),
    ("enum_own_drop", ALL, '''
op.drop_column("t", "c")
sa.Enum(name="status").drop(op.get_bind(), checkfirst=False)
postgresql.ENUM(name="kind", schema="s1").drop(op.get_bind())
'''),
    ("enum_own_native_false", ALL, '''
sa.Enum("a", "b", name="st", native_enum=False).create(op.get_bind())
'''),
    # ---- a sa.Table's own create() through op.get_bind(), meta.bind = ... ----
    ("table_own_create_meta_bind", ALL, '''
meta = sa.MetaData()
meta.bind = op.get_bind()
t = sa.Table("messages", meta,
    sa.Column("id", sa.String(36), primary_key=True, nullable=False),
    sa.Column("n", sa.Integer(), index=True),
    sa.Column("k", sa.Enum("a", "b", name="kind")),
    sa.Column("c", sa.Text(), comment="note"),
    mysql_engine="InnoDB")
t.create()
'''),
    ("table_own_create_arg", ALL, '''
sa.Table("a", sa.MetaData(), sa.Column("id", sa.Integer, primary_key=True)).create(op.get_bind())
sa.Table("b", sa.MetaData(), sa.Column("x", sa.Integer), schema="s").create(
    bind=op.get_bind(), checkfirst=False)
'''),
    ("table_own_create_unbound", ALL, '''
sa.Table("t", sa.MetaData(), sa.Column("id", sa.Integer)).create()
'''),
    ("meta_bind_bulk_insert", ALL, '''
meta = sa.MetaData()
meta.bind = op.get_bind()
t = sa.Table("t", meta, sa.Column("id", sa.Integer, primary_key=True))
op.bulk_insert(t, [{"id": 1}])
'''),
    ("ct_comments", ALL, '''
op.create_table("t",
    sa.Column("id", sa.Integer(), primary_key=True, comment="the id"),
    sa.Column("v", sa.String(10), comment="it's v"),
    comment="a table")
'''),
    ("ct_schema", ALL, '''
op.create_table("t", sa.Column("id", sa.Integer(), primary_key=True),
    sa.Column("p", sa.Integer(), sa.ForeignKey("other.parent.id")),
    sa.Column("n", sa.String(5), index=True),
    schema="other")
'''),
    ("ct_quoting", ALL, '''
op.create_table("User", sa.Column("order", sa.Integer(), primary_key=True),
    sa.Column("select", sa.String(5), index=True), sa.Column("CamelCase", sa.Integer))
'''),
    ("ct_identity", ("postgresql", "mysql"), '''
op.create_table("t",
    sa.Column("id", sa.Integer(), sa.Identity(always=True, start=1, increment=1), nullable=False),
    sa.Column("v", sa.Integer()),
    sa.PrimaryKeyConstraint("id"))
'''),
    ("ct_identity_default", ("postgresql",), '''
op.create_table("t",
    sa.Column("id", sa.BigInteger(), sa.Identity(), primary_key=True))
'''),
    ("ct_computed", ALL, '''
op.create_table("t",
    sa.Column("id", sa.Integer(), primary_key=True),
    sa.Column("a", sa.Integer()),
    sa.Column("b", sa.Integer(), sa.Computed("a * 2")),
    sa.Column("c", sa.Integer(), sa.Computed("a + 1", persisted=True)))
'''),
    ("ct_index_obj", ALL, '''
op.create_table("t",
    sa.Column("id", sa.Integer(), primary_key=True),
    sa.Column("a", sa.Integer()),
    sa.Index("ix_t_a", "a"))
'''),
    ("ct_types", ALL, '''
op.create_table("t",
    sa.Column("id", sa.Integer(), primary_key=True),
    sa.Column("a", sa.Numeric(10, 2)), sa.Column("b", sa.Float()), sa.Column("c", sa.Date()),
    sa.Column("d", sa.Time()), sa.Column("e", sa.LargeBinary()), sa.Column("f", sa.JSON()),
    sa.Column("g", sa.SmallInteger()), sa.Column("h", sa.Boolean()), sa.Column("i", sa.Interval()))
'''),
    ("ct_pg_types", PG, '''
op.create_table("t",
    sa.Column("id", postgresql.UUID(as_uuid=True), primary_key=True),
    sa.Column("a", postgresql.JSONB()), sa.Column("b", postgresql.ARRAY(sa.String())),
    sa.Column("c", postgresql.TIMESTAMP(timezone=True)), sa.Column("d", postgresql.INET()))
'''),
    ("ct_sqlite_autoinc", ("sqlite",), '''
op.create_table("t", sa.Column("id", sa.Integer(), primary_key=True), sqlite_autoincrement=True)
'''),
    ("ct_mysql_kw", ("mysql",), '''
op.create_table("t", sa.Column("id", sa.Integer(), primary_key=True),
    mysql_engine="InnoDB", mysql_charset="utf8mb4")
'''),
    ("ct_bool_check", ALL, '''
op.create_table("t", sa.Column("id", sa.Integer(), primary_key=True),
    sa.Column("b", sa.Boolean(create_constraint=True)))
'''),
    ("ct_nullable_pk_false", ALL, '''
op.create_table("t", sa.Column("id", sa.Integer(), primary_key=True, nullable=True))
'''),
    # ---- drop_table / rename ----
    ("drop_table", ALL, '''
op.drop_table("account")
op.drop_table("t", schema="s")
'''),
    ("rename_table", ALL, '''
op.rename_table("old", "new")
op.rename_table("old", "new", schema="s")
'''),
    # ---- columns ----
    ("add_column", ALL, '''
op.add_column("account", sa.Column("last", sa.DateTime(), nullable=True))
op.add_column("account", sa.Column("n", sa.Integer(), nullable=False, server_default="0"))
op.add_column("account", sa.Column("s", sa.String(5)), schema="x")
'''),
    ("add_column_comment", ALL, '''
op.add_column("t", sa.Column("c", sa.Integer(), comment="cc"))
'''),
    ("add_column_fk", ("postgresql", "mysql", "sqlite"), '''
op.add_column("t", sa.Column("p", sa.Integer(), sa.ForeignKey("parent.id")))
'''),
    ("add_column_index_unique", ALL, '''
op.add_column("t", sa.Column("p", sa.Integer(), index=True, unique=True))
'''),
    ("add_column_enum", ALL, '''
op.add_column("t", sa.Column("s", sa.Enum("a", "b", name="st")))
'''),
    ("drop_column", ALL, '''
op.drop_column("account", "last")
op.drop_column("account", "n", schema="x")
'''),
    # ---- alter_column ----
    ("alter_nullable", ALL, '''
op.alter_column("t", "c", existing_type=sa.String(length=50), nullable=False)
'''),
    ("alter_nullable_true", ALL, '''
op.alter_column("t", "c", existing_type=sa.Integer(), nullable=True)
'''),
    ("alter_type", ALL, '''
op.alter_column("t", "c", type_=sa.String(length=100), existing_type=sa.String(length=50),
    existing_nullable=False)
'''),
    ("alter_type_using", PG, '''
op.alter_column("t", "c", type_=sa.Integer(), existing_type=sa.String(), postgresql_using="c::integer")
'''),
    ("alter_default", ALL, '''
op.alter_column("t", "c", server_default="x", existing_type=sa.String(10))
op.alter_column("t", "d", server_default=None, existing_type=sa.Integer())
op.alter_column("t", "e", server_default=sa.text("now()"), existing_type=sa.DateTime())
'''),
    ("alter_identity", ALL, '''
op.alter_column("t", "id", existing_type=sa.BIGINT(),
    server_default=sa.Identity(always=False, start=100, cycle=True), existing_nullable=False,
    autoincrement=True)
op.alter_column("t", "id", existing_type=sa.INTEGER(),
    server_default=sa.Identity(always=True, start=10, increment=5, minvalue=1, maxvalue=2147483647,
                               cycle=False, cache=1),
    existing_server_default=sa.Identity(always=False, start=10, nomaxvalue=True))
op.alter_column("t", "n", server_default=None, existing_server_default=sa.Identity(always=False))
'''),
    ("alter_computed", ALL, '''
op.alter_column("t", "c", server_default=sa.Computed("a + 1"), existing_type=sa.Integer())
'''),
    ("alter_rename", ALL, '''
op.alter_column("t", "c", new_column_name="d", existing_type=sa.Integer(), existing_nullable=True)
'''),
    ("alter_rename_nonull", ("postgresql", "mysql"), '''
op.alter_column("t", "c", new_column_name="d", existing_type=sa.Integer(),
    existing_nullable=False, existing_server_default="1")
'''),
    ("alter_comment", ALL, '''
op.alter_column("t", "c", comment="new", existing_type=sa.Integer(), existing_comment="old")
op.alter_column("t", "c", comment=None, existing_type=sa.Integer(), existing_comment="old")
'''),
    ("alter_many", ALL, '''
op.alter_column("t", "c", new_column_name="d", type_=sa.BigInteger(), nullable=False,
    server_default="0", existing_type=sa.Integer(), schema="s")
'''),
    ("alter_mysql_existing", ("mysql",), '''
op.alter_column("t", "c", nullable=False, existing_type=sa.String(20),
    existing_server_default="x", existing_comment="cmt")
op.alter_column("t", "c", type_=sa.Text())
'''),
    # ---- indexes ----
    ("create_index", ALL, '''
op.create_index(op.f("ix_t_a"), "t", ["a"], unique=False)
op.create_index("ix_t_ab", "t", ["a", "b"], unique=True)
op.create_index("ix_s", "t", ["a"], schema="s")
'''),
    ("create_index_expr", ALL, '''
op.create_index("ix_lower", "t", [sa.text("lower(name)")])
'''),
    ("create_index_pg", PG, '''
op.create_index("ix_w", "t", ["a"], postgresql_where=sa.text("a > 0"))
op.create_index("ix_u", "t", ["a"], postgresql_using="gin")
op.create_index("ix_c", "t", ["a"], postgresql_concurrently=True)
op.create_index("ix_i", "t", ["a"], postgresql_include=["b", "c"])
'''),
    ("create_index_sqlite_where", ("sqlite",), '''
op.create_index("ix_w", "t", ["a"], sqlite_where=sa.text("a > 0"))
'''),
    ("create_index_mysql", ("mysql",), '''
op.create_index("ix_l", "t", ["a"], mysql_length=10)
'''),
    ("drop_index", ALL, '''
op.drop_index(op.f("ix_t_a"), table_name="t")
op.drop_index("ix_s", table_name="t", schema="s")
op.drop_index("ix_x")
'''),
    ("drop_index_pg_conc", PG, '''
op.drop_index("ix_c", table_name="t", postgresql_concurrently=True)
'''),
    # ---- constraints ----
    ("create_fk", ALL, '''
op.create_foreign_key("fk_c_p", "child", "parent", ["pid"], ["id"])
op.create_foreign_key(None, "child", "parent", ["a", "b"], ["x", "y"], ondelete="CASCADE",
    onupdate="SET NULL", deferrable=True, initially="IMMEDIATE", source_schema="s", referent_schema="r")
'''),
    ("create_unique", ALL, '''
op.create_unique_constraint("uq_t_a", "t", ["a"])
op.create_unique_constraint(op.f("uq_t_ab"), "t", ["a", "b"], schema="s")
'''),
    ("create_check", ALL, '''
op.create_check_constraint("ck_t_a", "t", "a > 0")
op.create_check_constraint("ck_t_b", "t", sa.text("b < 10"), schema="s")
'''),
    ("create_pk", ALL, '''
op.create_primary_key("pk_t", "t", ["id"])
op.create_primary_key("pk_t2", "t2", ["a", "b"], schema="s")
'''),
    ("drop_constraint", ALL, '''
op.drop_constraint("fk_c_p", "child", type_="foreignkey")
op.drop_constraint("uq_t_a", "t", type_="unique")
op.drop_constraint("ck_t_a", "t", type_="check")
op.drop_constraint("pk_t", "t", type_="primary")
op.drop_constraint("x", "t", schema="s")
'''),
    ("drop_constraint_mysql_none", ("mysql",), '''
op.drop_constraint("x", "t")
'''),
    # autogenerate writes op.drop_constraint(None, ...) for an unnamed constraint:
    # Alembic takes it, the dialect's compiler fails (the repr of a foreign key or
    # check constraint holds addresses, so the recorded cases are unique and primary)
    ("drop_constraint_unnamed", ALL, '''
op.drop_constraint(None, "t", type_="unique")
'''),
    ("drop_constraint_unnamed_pk", ("postgresql", "mysql"), '''
op.drop_constraint(None, "t", type_="primary")
'''),
    # ---- comments ----
    ("table_comment", ALL, '''
op.create_table_comment("t", "the comment", existing_comment=None)
op.drop_table_comment("t", existing_comment="the comment")
op.create_table_comment("t", "it's", schema="s")
'''),
    # ---- execute / bulk_insert ----
    ("execute", ALL, '''
op.execute("CREATE TABLE log (id INTEGER PRIMARY KEY, msg TEXT)")
op.execute(sa.text("UPDATE log SET msg = 'x';"))
op.execute("  SELECT\\t1  ")
'''),
    ("execute_table_insert", ALL, '''
t = sa.table("log", sa.column("id", sa.Integer), sa.column("msg", sa.String))
op.execute(t.insert().values(id=1, msg="hi"))
op.execute(t.update().where(t.c.id == 1).values(msg="yo"))
op.execute(t.delete().where(t.c.id == 1))
'''),
    ("execute_table_update_dict", ALL, '''
t = sa.table("nodes", sa.column("id", sa.Integer), sa.column("state", sa.String),
    sa.column("ok", sa.Boolean), sa.column("old", sa.String))
op.execute(t.update().where(t.c.state == sa.null()).values({"state": op.inline_literal("av")}))
op.execute(t.update().where(t.c.ok).values({"ok": True}))
op.execute(t.update().values({t.c.state: t.c.old}))
op.execute(t.update().where(t.c.state != "x").values({"old": t.c.state, "id": 3}))
op.execute(t.insert().values({"id": 1, "state": "a"}))
u = sa.Table("u", sa.MetaData(), sa.Column("name", sa.String(5)), sa.Column("b", sa.String(5)))
op.execute(u.update().where(u.c.name == "n").values({"b": u.c.name}))
'''),
    ("execute_table_where_is", ALL, '''
t = sa.table("a", sa.column("f", sa.Boolean()), sa.column("x", sa.String()))
op.execute(t.update().where(t.c.f.is_(True)).values(x="y"))
op.execute(t.update().where(t.c.f.is_(False)).values(x="y"))
op.execute(t.update().where(t.c.x.is_(None)).values(x="y"))
op.execute(t.update().where(t.c.x.is_not(None)).values(x="y"))
op.execute(t.update().where(t.c.x.isnot(sa.null())).values(x="y"))
op.execute(t.delete().where(t.c.f.is_not(True)))
'''),
    ("execute_table_where_chained", ALL, '''
t = sa.table("s", sa.column("m", sa.String), sa.column("a", sa.Boolean), sa.column("b", sa.Integer))
op.execute(t.update().where(t.c.m.is_(None)).where(t.c.a.is_(True)).values(m="ssl"))
op.execute(t.update().where(t.c.m == "x").where((t.c.b == 1) | (t.c.b == 2)).values(m="y"))
op.execute(t.delete().where(((t.c.b > 1) | (t.c.b < 0)) & (t.c.m != "z")))
op.execute(t.delete().where((t.c.b == 1) | (t.c.b == 2) & (t.c.m == "q")))
op.execute(t.delete().where(t.c.a & (t.c.b == 1)))
op.execute(t.delete().where((t.c.b == 1) | t.c.a))
'''),
    ("create_table_metadata_item", ALL, '''
op.create_table("x", sa.MetaData(), sa.Column("id", sa.Integer, primary_key=True))
'''),
    ("execute_ddl_element", ALL, '''
op.execute(sa.DDL("CREATE VIRTUAL TABLE t USING fts5(data, content=p, content_rowid=id)"))
'''),
    ("bulk_insert", ALL, '''
t = sa.table("log", sa.column("id", sa.Integer), sa.column("msg", sa.String),
    sa.column("ok", sa.Boolean), sa.column("f", sa.Float))
op.bulk_insert(t, [{"id": 1, "msg": "it's", "ok": True, "f": 1.5},
    {"id": 2, "msg": None, "ok": False, "f": 2.0}])
'''),
    ("bulk_insert_partial", ALL, '''
t = sa.table("log", sa.column("id", sa.Integer), sa.column("msg", sa.String), schema="s")
op.bulk_insert(t, [{"id": 1}, {"msg": "x", "id": 2}])
'''),
    ("percent_backslash", ALL, '''
t = sa.table("log", sa.column("msg", sa.String))
op.bulk_insert(t, [{"msg": "50% a\\\\b"}])
op.add_column("t", sa.Column("c", sa.String(5), server_default="5%", comment="x%"))
op.execute("select '%'")
op.execute(sa.text("select '%' || 'a\\\\b'"))
'''),
    ("bulk_insert_dates", ALL, '''
t = sa.table("log", sa.column("d", sa.Date), sa.column("ts", sa.DateTime))
op.bulk_insert(t, [{"d": datetime.date(2020, 1, 2), "ts": datetime.datetime(2020, 1, 2, 3, 4, 5)}])
'''),
    ("bulk_insert_nomulti", ALL, '''
t = sa.table("log", sa.column("id", sa.Integer), sa.column("msg", sa.String))
op.bulk_insert(t, [{"id": 1, "msg": "a"}, {"id": 2, "msg": "b"}], multiinsert=False)
'''),
]


def run_case(dialect, code):
    buf = io.StringIO()
    # as Alembic's generic env.py configures an offline run
    ctx = MigrationContext.configure(dialect_name=dialect,
                                     dialect_opts={"paramstyle": "named"},
                                     opts={"as_sql": True, "output_buffer": buf,
                                           "literal_binds": True})
    op = Operations(ctx)
    ns = {"op": op, "sa": sa, "postgresql": postgresql, "mysql": mysql, "sqlite": sqlite,
          "datetime": datetime}
    try:
        exec(compile(code, "<case>", "exec"), ns)
    except Exception as ex:  # recorded, compared by t_ddl.c
        return "%sERROR %s: %s\n" % (buf.getvalue(), type(ex).__name__, str(ex).splitlines()[0])
    return buf.getvalue()


def main():
    out = []
    for name, dialects, code in CASES:
        code = code.strip("\n") + "\n"
        for d in dialects:
            out.append("=== %s %s\n%s---\n%s===\n" % (name, d, code, run_case(d, code)))
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "ddl.txt")
    with open(path, "w") as f:
        f.write("".join(out))
    print("%d blocks written to %s" % (len(out), path), file=sys.stderr)


if __name__ == "__main__":
    main()
