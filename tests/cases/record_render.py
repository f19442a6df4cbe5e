#!/usr/bin/python3
"""record_render.py - record how Alembic 1.8.1's autogenerate renderer
(alembic/autogenerate/render.py, the oracle: Debian's python3-alembic with
SQLAlchemy 1.4 and SQLModel) writes operations into a revision's
${upgrades} / ${downgrades} slot, so tests/unit/t_autogen_render.c needs no
Python.

    /usr/bin/python3 tests/cases/record_render.py > tests/cases/render.cases

Sources of operations:
  * real autogenerate runs (alembic.autogenerate.produce_migrations) on
    in-memory SQLite databases: the database is created from one MetaData,
    compared with another; both the upgrade and the downgrade are recorded;
  * operation objects built by hand (alembic.operations.ops ...from_table,
    from_index, AlterColumnOp with existing_* ...) for what SQLite cannot
    reflect (schemas, comments, PostgreSQL types), rendered for the sqlite
    and postgresql (psycopg2) dialects;
  * the real outputs of the behaviour reference (sections 12.6-12.9; the
    SQLite ones are checked to equal this script's own runs of the same
    models, 12.8's head -- the create_table the reference elides -- included).
Each is rendered with render_as_batch off and on, as the revision command
does it (render._render_cmd_body + render._indent with the migration
context's default opts).

Format, one block per case:

    case NAME
    dialect sqlite|postgresql
    batch 0|1
    import LINE                      zero or more: what the text adds to ${imports}
    source STATEMENT                 zero or more: op.* calls written as a model states
                                     things (column flags, column ForeignKeys, SQL
                                     expression defaults); the test binds these instead
                                     of the body
    body
    <the slot text, line by line>
    end

The body's first line has no indent (the template indents it); a line
"end" never occurs in a body.
"""
import datetime
import sys
import warnings
from typing import Optional

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql
import sqlmodel
from sqlmodel import Field, SQLModel
from alembic.autogenerate import produce_migrations, render
from alembic.autogenerate.api import AutogenContext
from alembic.operations import ops
from alembic.runtime.migration import MigrationContext

warnings.simplefilter("ignore")

OPTS = {
    "sqlalchemy_module_prefix": "sa.",
    "alembic_module_prefix": "op.",
    "user_module_prefix": None,
    "render_item": None,
}

OUT = []
BODIES = {}  # (case name, batch) -> rendered text, to check the reference against


def emit(name, dialect, batch, ctx, op_container, source=()):
    """Renders op_container as the revision command does and records it."""
    opts = dict(OPTS, render_as_batch=batch)
    ac = AutogenContext(ctx, opts=opts)
    ac.imports = set()
    text = render._indent(render._render_cmd_body(op_container, ac))
    assert "\nend\n" not in text + "\n"
    BODIES[(name, bool(batch))] = text
    OUT.append("case %s" % name)
    OUT.append("dialect %s" % dialect)
    OUT.append("batch %d" % int(batch))
    for imp in sorted(ac.imports):
        OUT.append("import %s" % imp)
    for line in source:
        OUT.append("source %s" % line)
    OUT.append("body")
    OUT.append(text)
    OUT.append("end")


def emit_text(name, dialect, batch, text, imports=()):
    OUT.append("case %s" % name)
    OUT.append("dialect %s" % dialect)
    OUT.append("batch %d" % int(batch))
    for imp in imports:
        OUT.append("import %s" % imp)
    OUT.append("body")
    OUT.append(text)
    OUT.append("end")


# ---- real autogenerate runs on SQLite ----

def autogen(name, build_db, build_model, compare_type=True, compare_server_default=True):
    eng = sa.create_engine("sqlite://")
    db_md = build_db()
    with eng.begin() as conn:
        if db_md is not None:
            db_md.create_all(conn)
    model = build_model()
    for batch in (False, True):
        with eng.connect() as conn:
            ctx = MigrationContext.configure(
                connection=conn,
                opts={"target_metadata": model, "compare_type": compare_type,
                      "compare_server_default": compare_server_default,
                      "render_as_batch": batch})
            script = produce_migrations(ctx, model)
            pin_set_order(script.upgrade_ops)
            pin_set_order(script.downgrade_ops)
            emit("%s.up" % name, "sqlite", batch, ctx, script.upgrade_ops)
            emit("%s.down" % name, "sqlite", batch, ctx, script.downgrade_ops)


def pin_set_order(container):
    """Foreign keys come out of autogenerate in set order (it varies from run
    to run); runs of adjacent foreign key ops are sorted so the recording is
    stable.  Only the order changes, never what an op says."""
    def is_fk(o):
        return isinstance(o, ops.CreateForeignKeyOp) or (
            isinstance(o, ops.DropConstraintOp) and o.constraint_type == "foreignkey")

    def key(o):
        return (type(o).__name__, str(o.constraint_name),
                str(getattr(o, "local_cols", "")))

    for m in container.ops:
        if not isinstance(m, ops.ModifyTableOps):
            continue
        out, run = [], []
        for o in m.ops + [None]:
            if o is not None and is_fk(o) and (not run or type(run[0]) is type(o)):
                run.append(o)
                continue
            out.extend(sorted(run, key=key))
            run = [o] if o is not None and is_fk(o) else []
            if o is not None and not is_fk(o):
                out.append(o)
        m.ops = out


def md_empty():
    return sa.MetaData()


def sqlmodel_v1():
    md = sa.MetaData()

    class Base(SQLModel):
        metadata = md

    class Profile(Base, table=True):
        id: Optional[int] = Field(default=None, primary_key=True)
        name: str = Field(max_length=100)
        email: str = Field(index=True, sa_column_kwargs={"unique": True})
        bio: Optional[str] = None
        created_at: datetime.datetime

    class Resume(Base, table=True):
        id: Optional[int] = Field(default=None, primary_key=True)
        profile_id: int = Field(foreign_key="profile.id")
        title: str = Field(index=True)
        content: Optional[str] = None

    return md


def sqlmodel_v2():
    md = sa.MetaData()

    class Base(SQLModel):
        metadata = md

    class Profile(Base, table=True):
        id: Optional[int] = Field(default=None, primary_key=True)
        name: str = Field(max_length=200)
        email: str = Field(index=True, sa_column_kwargs={"unique": True})
        bio: str
        created_at: datetime.datetime
        phone: Optional[str] = Field(default=None, max_length=30)
        score: int = Field(default=0, sa_column_kwargs={"server_default": "0",
                                                       "comment": "karma"})

    class Resume(Base, table=True):
        __table_args__ = (sa.UniqueConstraint("profile_id", "title",
                                              name="uq_resume_profile_title"),
                          sa.CheckConstraint("length(title) > 0", name="ck_title"))
        id: Optional[int] = Field(default=None, primary_key=True)
        profile_id: int = Field(foreign_key="profile.id")
        title: str
        status: str = Field(sa_column=sa.Column(
            sa.Enum("draft", "published", name="resume_status"),
            server_default="draft", nullable=False))

    class Skill(Base, table=True):
        id: Optional[int] = Field(default=None, primary_key=True)
        resume_id: int = Field(foreign_key="resume.id", index=True)
        label: str = Field(max_length=50)
        level: Optional[float] = None

    return md


def profile_only():
    md = sqlmodel_v1()
    md.remove(md.tables["resume"])
    return md


def plain_v1():
    md = sa.MetaData()
    sa.Table("users", md,
             sa.Column("id", sa.Integer, primary_key=True),
             sa.Column("username", sa.String(50), nullable=False, unique=True),
             sa.Column("fullname", sa.String(100)),
             sa.Column("status", sa.Enum("active", "banned", name="user_status"),
                       server_default="active"),
             sa.Column("created", sa.DateTime),
             sa.CheckConstraint("length(username) > 2", name="ck_username_len"))
    sa.Table("posts", md,
             sa.Column("id", sa.Integer, primary_key=True),
             sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE")),
             sa.Column("body", sa.Text),
             sa.Column("score", sa.Numeric(10, 2), server_default="0"),
             sa.Index("ix_posts_user_score", "user_id", "score"))
    sa.Table("legacy", md, sa.Column("id", sa.Integer, primary_key=True),
             sa.Column("note", sa.String(20), index=True))
    return md


def plain_v2():
    md = sa.MetaData()
    sa.Table("users", md,
             sa.Column("id", sa.Integer, primary_key=True),
             sa.Column("username", sa.String(50), nullable=False, unique=True),
             sa.Column("full_name", sa.String(100)),
             sa.Column("status", sa.Enum("active", "banned", "deleted", name="user_status"),
                       server_default="banned"),
             sa.Column("created", sa.DateTime(timezone=True)),
             sa.CheckConstraint("length(username) > 3", name="ck_username_len"))
    sa.Table("posts", md,
             sa.Column("id", sa.Integer, primary_key=True),
             sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id")),
             sa.Column("editor_id", sa.Integer,
                       sa.ForeignKey("users.id", name="fk_posts_editor")),
             sa.Column("body", sa.Text, nullable=False),
             sa.Column("score", sa.Numeric(12, 2), server_default="1"),
             sa.Index("ix_posts_user_score", "user_id", "score", unique=True),
             sa.UniqueConstraint("body", name="uq_posts_body"))
    sa.Table("tags", md,
             sa.Column("id", sa.BigInteger, sa.Identity(), primary_key=True),
             sa.Column("name", sa.String(30), nullable=False, unique=True),
             sa.Column("post_id", sa.Integer, sa.ForeignKey("posts.id")),
             sa.Column("slug", sa.String(40), sa.Computed("lower(name)", persisted=True)),
             sa.Index("ix_tags_post", "post_id", sqlite_where=sa.text("post_id > 0")))
    return md


def rich_tables(md, schema=None, pg=False):
    """Tables exercising every sa.Column form and constraint create_table renders."""
    ref = "%s.parent" % schema if schema else "parent"
    sa.Table("parent", md,
             sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
             sa.Column("code", sa.String(10), primary_key=True),
             sa.Column("label", sa.Unicode(40), nullable=False, comment="it's the label"),
             sa.PrimaryKeyConstraint("id", "code", name="pk_parent"),
             schema=schema, comment='parent "rows"')
    sa.Table("child", md,
             sa.Column("id", sa.Integer, primary_key=True),
             sa.Column("pid", sa.Integer),
             sa.Column("pcode", sa.String(10)),
             sa.Column("n", sa.Integer, server_default=sa.text("42"), nullable=False),
             sa.Column("flag", sa.Boolean, server_default=sa.false()),
             sa.Column("when", sa.DateTime, server_default=sa.func.now()),
             sa.Column("txt", sa.Text, server_default="it's", comment='say "hi"\n\tok'),
             sa.Column("q", sa.String(5), server_default="'quoted'"),
             sa.Column("price", sa.Numeric(8, 3), sa.CheckConstraint("price >= 0")),
             sa.Column("ratio", sa.Float(), autoincrement=True),
             sa.Column("misc", sa.LargeBinary, comment="caf\u00e9 \\ back\x01"),
             sa.ForeignKeyConstraint(["pid", "pcode"], ["%s.id" % ref, "%s.code" % ref],
                                     name="fk_child_parent", ondelete="CASCADE",
                                     onupdate="SET NULL", deferrable=True,
                                     initially="DEFERRED"),
             sa.UniqueConstraint("pid", "n", name=sa.schema.conv("uq_child_pid_n")),
             sa.UniqueConstraint("txt"),
             sa.CheckConstraint("n > 0 AND n < 100", name="ck_n"),
             sa.CheckConstraint("q <> 'x'"),
             schema=schema, sqlite_autoincrement=True)
    cols = [sa.Column("id", sa.Integer, sa.Identity(always=True, start=5, increment=2,
                                                    minvalue=1, maxvalue=1000, cycle=True,
                                                    cache=10), primary_key=True),
            sa.Column("a", sa.Integer),
            sa.Column("b", sa.Integer, sa.Computed("a * 2")),
            sa.Column("c", sa.Integer, sa.Computed("a + 1", persisted=False)),
            sa.Column("parent_id", sa.Integer, sa.ForeignKey("%s.id" % ref, use_alter=True,
                                                             name="fk_gen_parent"))]
    if pg:
        cols += [sa.Column("j", postgresql.JSONB),
                 sa.Column("arr", postgresql.ARRAY(sa.Integer)),
                 sa.Column("u", postgresql.UUID(as_uuid=True), server_default=sa.text(
                     "gen_random_uuid()")),
                 sa.Column("e", postgresql.ENUM("x", "y", name="xy", create_type=False)),
                 sa.Column("pct", sa.String(10), server_default=sa.text("'100%'"))]
    sa.Table("gen", md, *cols, schema=schema)
    return md


def built_cases():
    """Operations built by hand, rendered for each dialect."""
    out = []
    for dialect in ("sqlite", "postgresql"):
        pg = dialect == "postgresql"
        for schema in ([None, "s"] if pg else [None]):
            md = rich_tables(sa.MetaData(), schema, pg)
            tag = "%s%s" % (dialect, ".s" if schema else "")
            up = ops.UpgradeOps(ops=[ops.CreateTableOp.from_table(t)
                                     for t in md.sorted_tables])
            out.append(("create_rich.%s" % tag, dialect, up))
            down = ops.UpgradeOps(ops=[ops.DropTableOp.from_table(t)
                                       for t in reversed(md.sorted_tables)])
            out.append(("drop_rich.%s" % tag, dialect, down))
            out.append(("modify.%s" % tag, dialect, modify_ops(md, schema, pg)))
            out.append(("comments.%s" % tag, dialect, comment_ops(schema)))
        out.append(("odd_names.%s" % dialect, dialect, odd_names(pg)))
    md = sa.MetaData()
    wide = sa.Table("wide", md, *[sa.Column("c%03d" % i, sa.Integer) for i in range(257)])
    out.append(("wide.sqlite", "sqlite", ops.UpgradeOps(ops=[ops.CreateTableOp.from_table(wide)])))
    return out


def odd_names(pg):
    """Names and texts that exercise repr()'s quoting and escapes."""
    md = sa.MetaData()
    kw = {"postgresql_tablespace": "fast", "postgresql_partition_by": "RANGE (a)"} if pg \
        else {"sqlite_autoincrement": False}
    t = sa.Table('we"ird', md,
                 sa.Column("na\u00efve 'x'", sa.Integer, primary_key=True),
                 sa.Column('both \'"', sa.String(3), server_default='it\'s "q"',
                           comment="nbsp\u00a0emoji\U0001F600 zwsp\u200b \u00ad tab\t"),
                 sa.Column("a", sa.Integer, comment="back\\slash 'single'",
                           server_default=sa.text("'a''b'")),
                 sa.CheckConstraint("a <> 'it''s'", name="ck 'q'"),
                 comment="caf\u00e9 \"q\" 'x'", **kw)
    return ops.UpgradeOps(ops=[
        ops.CreateTableOp.from_table(t),
        ops.ModifyTableOps('we"ird', [
            ops.AlterColumnOp('we"ird', 'both \'"', modify_comment="\x01nul\x1f\x7f",
                              existing_type=sa.String(3)),
            ops.DropColumnOp('we"ird', "na\u00efve 'x'"),
        ]),
        ops.DropTableOp('we"ird'),
    ])


def comment_ops(schema):
    """Table comments (in batch mode Alembic writes calls BatchOperations cannot take)."""
    T = "child"
    return ops.UpgradeOps(ops=[ops.ModifyTableOps(T, [
        ops.CreateTableCommentOp(T, "it's a child", existing_comment=None, schema=schema),
        ops.CreateTableCommentOp(T, None, existing_comment='old "one"', schema=schema),
        ops.DropTableCommentOp(T, existing_comment="bye", schema=schema),
    ], schema=schema)])


def modify_ops(md, schema, pg):
    child = md.tables["%s.child" % schema if schema else "child"]
    T = "child"
    mt = []
    mt.append(ops.AddColumnOp.from_column_and_tablename(
        schema, T, sa.Column("extra", sa.String(30), server_default="x", comment="new")))
    mt.append(ops.AddColumnOp.from_column_and_tablename(
        schema, T, sa.Column("ident", sa.Integer, sa.Identity(), nullable=False)))
    mt.append(ops.DropColumnOp.from_column_and_tablename(schema, T, child.c.ratio))
    mt.append(ops.AlterColumnOp(T, "n", schema=schema, existing_type=sa.INTEGER(),
                                existing_nullable=False, modify_type=sa.BigInteger(),
                                existing_server_default=sa.DefaultClause(sa.text("42"))))
    mt.append(ops.AlterColumnOp(T, "txt", schema=schema, existing_type=sa.TEXT(),
                                modify_nullable=False, modify_comment="it's new",
                                existing_comment='say "hi"', modify_server_default=None))
    mt.append(ops.AlterColumnOp(T, "q", schema=schema, existing_type=sa.VARCHAR(length=5),
                                modify_server_default=sa.DefaultClause("'z'"),
                                modify_comment=None, existing_comment="old",
                                existing_nullable=True))
    mt.append(ops.AlterColumnOp(T, "when", schema=schema,
                                modify_server_default=sa.DefaultClause(sa.text("now()")),
                                existing_server_default=sa.DefaultClause(sa.text("0"))))
    mt.append(ops.AlterColumnOp(T, "flag", schema=schema, existing_type=sa.Boolean(),
                                modify_nullable=True, autoincrement=False))
    ix = sa.Index(sa.schema.conv("ix_child_lower_txt"), sa.func.lower(child.c.txt),
                  child.c.n, postgresql_using="btree",
                  postgresql_where=sa.text("n > 5"), sqlite_where=child.c.n > 5)
    mt.append(ops.CreateIndexOp.from_index(ix))
    ix2 = sa.Index("ix_child_pid", child.c.pid, unique=True, postgresql_include=["n"])
    mt.append(ops.CreateIndexOp.from_index(ix2))
    mt.append(ops.DropIndexOp.from_index(ix2))
    mt.append(ops.DropIndexOp.from_index(sa.Index(sa.schema.conv("ix_x"), child.c.n)))
    uq = sa.UniqueConstraint(child.c.pid, child.c.pcode, name="uq_pid_pcode",
                             deferrable=True, initially="IMMEDIATE")
    child.append_constraint(uq)
    mt.append(ops.CreateUniqueConstraintOp.from_constraint(uq))
    mt.append(ops.DropConstraintOp.from_constraint(uq))
    uq2 = sa.UniqueConstraint(child.c.n, name=sa.schema.conv("uq_n"))
    child.append_constraint(uq2)
    mt.append(ops.CreateUniqueConstraintOp.from_constraint(uq2))
    mt.append(ops.DropConstraintOp.from_constraint(uq2))
    ref = "%s.parent" % schema if schema else "parent"
    fk = sa.ForeignKeyConstraint(["pid", "pcode"], ["%s.id" % ref, "%s.code" % ref],
                                 name="fk_two", ondelete="SET NULL", onupdate="CASCADE",
                                 initially="DEFERRED", deferrable=False, use_alter=True)
    child.append_constraint(fk)
    mt.append(ops.CreateForeignKeyOp.from_constraint(fk))
    mt.append(ops.DropConstraintOp.from_constraint(fk))
    fk2 = sa.ForeignKeyConstraint(["pid"], ["%s.id" % ref])
    child.append_constraint(fk2)
    mt.append(ops.CreateForeignKeyOp.from_constraint(fk2))
    mt.append(ops.DropConstraintOp.from_constraint(fk2))
    mt.append(ops.DropConstraintOp("ck_n", T, type_="check", schema=schema))
    mt.append(ops.DropConstraintOp(sa.schema.conv("pk_child"), T, type_="primary",
                                   schema=schema))
    other = ops.ModifyTableOps("parent", [
        ops.AlterColumnOp("parent", "label", schema=schema, existing_type=sa.Unicode(40),
                          modify_nullable=True, existing_comment="it's the label"),
        ops.DropColumnOp("parent", "gone", schema=schema),
    ], schema=schema)
    return ops.UpgradeOps(ops=[
        ops.CreateTableOp("tiny", [sa.Column("x", sa.Integer)], schema=schema),
        ops.ModifyTableOps(T, mt, schema=schema),
        other,
        ops.DropTableOp("tiny", schema=schema),
    ])


class ModelOp:
    """op.* calls written the way a model states things (column flags, column
    ForeignKeys, SQL expression defaults), turned into the operation objects
    autogenerate would hold for them."""

    def create_table(self, name, *args, **kw):
        return ops.CreateTableOp.from_table(sa.Table(name, sa.MetaData(), *args, **kw))

    def add_column(self, table, column, schema=None):
        sa.Table(table, sa.MetaData(), column, schema=schema)
        return ops.AddColumnOp.from_column_and_tablename(schema, table, column)

    def create_index(self, name, table, columns, unique=False, schema=None, **kw):
        return ops.CreateIndexOp(name, table, columns, schema=schema, unique=unique, **kw)

    def alter_column(self, table, column, server_default=False,
                     existing_server_default=None, nullable=None, type_=None,
                     comment=False, schema=None, **kw):
        def clause(v):
            return v if v is None or v is False else sa.DefaultClause(v)
        return ops.AlterColumnOp(table, column, schema=schema,
                                 modify_server_default=clause(server_default),
                                 existing_server_default=clause(existing_server_default),
                                 modify_nullable=nullable, modify_type=type_,
                                 modify_comment=comment, **kw)


MODEL_CASES = [
    ("model_pk_flags", [
        "op.create_table('t', sa.Column('id', sa.Integer(), primary_key=True), "
        "sa.Column('code', sa.String(5), primary_key=True, autoincrement=False), "
        "sa.Column('a', sa.Integer(), sa.ForeignKey('p.id', ondelete='CASCADE', "
        "name='fk_a', onupdate='RESTRICT', deferrable=True, initially='DEFERRED')), "
        "sa.Column('b', sa.String(10), unique=True), "
        "sa.Column('c', sa.String(), unique=True, index=True), "
        "sa.Column('d', sa.Integer(), sa.CheckConstraint('d > 0'), nullable=False), "
        "sa.Column('s', sa.Integer(), sa.ForeignKey('other.p.id', use_alter=True)), "
        "sa.Index('ix_t_a', 'a'), comment='', prefixes=['TEMPORARY'])",
    ]),
    ("model_defaults", [
        "op.create_table('d', sa.Column('e', sa.DateTime(), server_default=sa.func.now()), "
        "sa.Column('f', sa.Boolean(), server_default=sa.true()), "
        "sa.Column('f2', sa.Boolean(), server_default=sa.false()), "
        "sa.Column('g', sa.Integer(), server_default=sa.text('0')), "
        "sa.Column('g2', sa.Integer(), server_default=sa.text('10')), "
        "sa.Column('g3', sa.Integer(), server_default=sa.text('(1 + 2)')), "
        "sa.Column('g4', sa.String(), server_default=sa.text(\"'x'\")), "
        "sa.Column('h', sa.String(), server_default=\"it's\"), "
        "sa.Column('h2', sa.String(), server_default='\"q\" and \\\\'), "
        "sa.Column('i', sa.Integer(), sa.Identity(start=1, increment=1)), "
        "sa.Column('j', sa.Integer(), autoincrement='ignore_fk'), "
        "sa.Column('k', sa.String(5), comment=''), "
        "sa.Column('u', sa.Unicode(3), comment='\u00e9t\u00e9 \\u2028 \\x7f'), "
        "sa.PrimaryKeyConstraint('i', name=op_f('pk_d')))",
    ]),
    ("model_add_columns", [
        "op.add_column('t', sa.Column('x', sa.Integer(), primary_key=True))",
        "op.add_column('t', sa.Column('y', sa.DateTime(), server_default=sa.func.now(), "
        "nullable=False, comment='when'))",
        "op.add_column('t', sa.Column('z', sa.Boolean(), server_default=sa.true()), "
        "schema='s')",
        "op.alter_column('t', 'y', server_default=sa.func.now(), "
        "existing_server_default='0')",
        "op.alter_column('t', 'y', server_default='0', existing_server_default=sa.text('x'))",
        "op.create_index('ix_t_xy', 't', ['x', 'y'], postgresql_using='gin', "
        "sqlite_where=sa.text('x > 0'), postgresql_where=sa.text('y > 1'))",
    ]),
]


def model_cases():
    env = {"op": ModelOp(), "sa": sa, "postgresql": postgresql, "sqlmodel": sqlmodel,
           "op_f": sa.schema.conv}
    out = []
    for name, stmts in MODEL_CASES:
        built = [eval(s, env) for s in stmts]
        items = []
        for o in built:
            if isinstance(o, (ops.CreateTableOp, ops.DropTableOp)):
                items.append(o)
            elif items and isinstance(items[-1], ops.ModifyTableOps) and \
                    (items[-1].table_name, items[-1].schema) == (o.table_name, o.schema):
                items[-1].ops.append(o)
            else:
                items.append(ops.ModifyTableOps(o.table_name, [o], schema=o.schema))
        src = [s.replace("op_f(", "op.f(") for s in stmts]
        out.append((name, src, ops.UpgradeOps(ops=items)))
    return out


def fixture_bodies():
    """The bodies of the revisions real Alembic autogenerated in tests/fixtures/py."""
    import glob
    import os
    import re
    here = os.path.dirname(os.path.abspath(__file__))
    out = []
    for path in sorted(glob.glob(os.path.join(here, "..", "fixtures", "py", "autogen_*.py"))):
        src = open(path, encoding="utf-8").read()
        name = os.path.basename(path)[len("autogen_"):-len(".py")]
        for fn in ("upgrade", "downgrade"):
            m = re.search(r"def %s\(\) -> None:\n    (# ### commands auto generated.*?"
                          r"# ### end Alembic commands ###)" % fn, src, re.S)
            if m:
                out.append((name, fn, m.group(1)))
    return out


def main():
    autogen("empty", md_empty, md_empty)
    autogen("sqlmodel_init", md_empty, sqlmodel_v1)
    autogen("sqlmodel_drop", sqlmodel_v1, profile_only)  # one removed table: set order
    autogen("sqlmodel_v1_v2", sqlmodel_v1, sqlmodel_v2, False, False)
    autogen("plain_init", md_empty, plain_v1)
    autogen("plain_v1_v2", plain_v1, plain_v2)
    autogen("plain_v1_v2_nocompare", plain_v1, plain_v2, False, False)
    autogen("rich_sqlite", md_empty, lambda: rich_tables(sa.MetaData()))
    for name, dialect, container in built_cases():
        ctx = MigrationContext.configure(dialect=(postgresql.dialect() if dialect ==
                                                  "postgresql" else sa.create_engine(
                                                      "sqlite://").dialect))
        for batch in (False, True):
            emit(name, dialect, batch, ctx, container)
    for name, src, container in model_cases():
        for dialect in ("sqlite", "postgresql"):
            ctx = MigrationContext.configure(dialect=(postgresql.dialect() if dialect ==
                                                      "postgresql" else sa.create_engine(
                                                          "sqlite://").dialect))
            for batch in (False, True):
                emit("%s.%s" % (name, dialect), dialect, batch, ctx, container, src)
    # the reference's SQLite outputs are what these real runs give, byte for byte
    for ref, run, batch in [("ref12.6.up", "sqlmodel_init.up", False),
                            ("ref12.6.down", "sqlmodel_init.down", False),
                            ("ref12.7.up", "sqlmodel_v1_v2.up", False),
                            ("ref12.7.down", "sqlmodel_v1_v2.down", False),
                            ("ref12.8.up", "sqlmodel_v1_v2.up", True)]:
        text = [r[3] for r in REFERENCE if r[0] == ref][0].strip("\n")
        assert BODIES[(run, batch)] == text, ref
    for name, dialect, batch, text, imports in REFERENCE:
        emit_text(name, dialect, batch, text.strip("\n"), imports)
    for name, fn, text in fixture_bodies():
        emit_text("fixture.%s.%s" % (name, fn), "sqlite", False, text)
    sys.stdout.write("# render.cases - written by tests/cases/record_render.py from "
                     "Alembic 1.8.1 / SQLAlchemy %s; do not edit\n" % sa.__version__)
    sys.stdout.write("\n".join(OUT) + "\n")


# The real outputs of the behaviour reference (12.6-12.9): the function
# bodies as revision --autogenerate wrote them.
REF_126_UP = """
# ### commands auto generated by Alembic - please adjust! ###
    op.create_table('profile',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('email', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('bio', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_profile_email'), 'profile', ['email'], unique=True)
    op.create_table('resume',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('profile_id', sa.Integer(), nullable=False),
    sa.Column('title', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('content', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.ForeignKeyConstraint(['profile_id'], ['profile.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_resume_title'), 'resume', ['title'], unique=False)
    # ### end Alembic commands ###
"""
REF_126_DOWN = """
# ### commands auto generated by Alembic - please adjust! ###
    op.drop_index(op.f('ix_resume_title'), table_name='resume')
    op.drop_table('resume')
    op.drop_index(op.f('ix_profile_email'), table_name='profile')
    op.drop_table('profile')
    # ### end Alembic commands ###
"""
REF_127_UP = """
# ### commands auto generated by Alembic - please adjust! ###
    op.create_table('skill',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('resume_id', sa.Integer(), nullable=False),
    sa.Column('label', sqlmodel.sql.sqltypes.AutoString(length=50), nullable=False),
    sa.Column('level', sa.Float(), nullable=True),
    sa.ForeignKeyConstraint(['resume_id'], ['resume.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_skill_resume_id'), 'skill', ['resume_id'], unique=False)
    op.add_column('profile', sa.Column('phone', sqlmodel.sql.sqltypes.AutoString(length=30), nullable=True))
    op.add_column('profile', sa.Column('score', sa.Integer(), server_default='0', nullable=False, comment='karma'))
    op.alter_column('profile', 'bio',
               existing_type=sa.VARCHAR(),
               nullable=False)
    op.add_column('resume', sa.Column('status', sa.Enum('draft', 'published', name='resume_status'), server_default='draft', nullable=False))
    op.drop_index('ix_resume_title', table_name='resume')
    op.create_unique_constraint('uq_resume_profile_title', 'resume', ['profile_id', 'title'])
    op.drop_column('resume', 'content')
    # ### end Alembic commands ###
"""
REF_127_DOWN = """
# ### commands auto generated by Alembic - please adjust! ###
    op.add_column('resume', sa.Column('content', sa.VARCHAR(), nullable=True))
    op.drop_constraint('uq_resume_profile_title', 'resume', type_='unique')
    op.create_index('ix_resume_title', 'resume', ['title'], unique=False)
    op.drop_column('resume', 'status')
    op.alter_column('profile', 'bio',
               existing_type=sa.VARCHAR(),
               nullable=True)
    op.drop_column('profile', 'score')
    op.drop_column('profile', 'phone')
    op.drop_index(op.f('ix_skill_resume_id'), table_name='skill')
    op.drop_table('skill')
    # ### end Alembic commands ###
"""
REF_128_UP = """
# ### commands auto generated by Alembic - please adjust! ###
    op.create_table('skill',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('resume_id', sa.Integer(), nullable=False),
    sa.Column('label', sqlmodel.sql.sqltypes.AutoString(length=50), nullable=False),
    sa.Column('level', sa.Float(), nullable=True),
    sa.ForeignKeyConstraint(['resume_id'], ['resume.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('skill', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_skill_resume_id'), ['resume_id'], unique=False)

    with op.batch_alter_table('profile', schema=None) as batch_op:
        batch_op.add_column(sa.Column('phone', sqlmodel.sql.sqltypes.AutoString(length=30), nullable=True))
        batch_op.add_column(sa.Column('score', sa.Integer(), server_default='0', nullable=False, comment='karma'))
        batch_op.alter_column('bio',
               existing_type=sa.VARCHAR(),
               nullable=False)

    with op.batch_alter_table('resume', schema=None) as batch_op:
        batch_op.add_column(sa.Column('status', sa.Enum('draft', 'published', name='resume_status'), server_default='draft', nullable=False))
        batch_op.drop_index('ix_resume_title')
        batch_op.create_unique_constraint('uq_resume_profile_title', ['profile_id', 'title'])
        batch_op.drop_column('content')

    # ### end Alembic commands ###
"""
REF_129_UP = """
# ### commands auto generated by Alembic - please adjust! ###
    op.create_table('tags',
    sa.Column('id', sa.BigInteger(), sa.Identity(always=False), nullable=False),
    sa.Column('name', sa.String(length=30), nullable=False),
    sa.Column('post_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['post_id'], ['posts.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('name')
    )
    op.drop_table('legacy')
    op.add_column('posts', sa.Column('editor_id', sa.Integer(), nullable=True))
    op.alter_column('posts', 'body',
               existing_type=sa.TEXT(),
               comment='the body',
               existing_comment='post body',
               existing_nullable=True)
    op.alter_column('posts', 'score',
               existing_type=sa.NUMERIC(precision=10, scale=2),
               server_default='1',
               type_=sa.Numeric(precision=12, scale=2),
               existing_nullable=True)
    op.drop_index('ix_posts_user_score', table_name='posts')
    op.create_index('ix_posts_user_score', 'posts', ['user_id', 'score'], unique=True)
    op.create_unique_constraint('uq_posts_body', 'posts', ['body'])
    op.drop_constraint('posts_user_id_fkey', 'posts', type_='foreignkey')
    op.create_foreign_key('fk_posts_editor', 'posts', 'users', ['editor_id'], ['id'])
    op.create_foreign_key(None, 'posts', 'users', ['user_id'], ['id'])
    op.add_column('users', sa.Column('full_name', sa.String(length=100), nullable=True))
    op.alter_column('users', 'status',
               existing_type=postgresql.ENUM('active', 'banned', name='user_status'),
               server_default='banned',
               existing_nullable=True)
    op.alter_column('users', 'created',
               existing_type=postgresql.TIMESTAMP(),
               type_=sa.DateTime(timezone=True),
               existing_nullable=True,
               existing_server_default=sa.text('now()'))
    op.create_table_comment(
        'users',
        'every user',
        existing_comment='all users',
        schema=None
    )
    op.drop_column('users', 'fullname')
    # ### end Alembic commands ###
"""
REF_129_DOWN = """
# ### commands auto generated by Alembic - please adjust! ###
    op.add_column('users', sa.Column('fullname', sa.VARCHAR(length=100), autoincrement=False, nullable=True))
    op.create_table_comment(
        'users',
        'all users',
        existing_comment='every user',
        schema=None
    )
    op.alter_column('users', 'created',
               existing_type=sa.DateTime(timezone=True),
               type_=postgresql.TIMESTAMP(),
               existing_nullable=True,
               existing_server_default=sa.text('now()'))
    op.alter_column('users', 'status',
               existing_type=postgresql.ENUM('active', 'banned', name='user_status'),
               server_default=sa.text("'active'::user_status"),
               existing_nullable=True)
    op.drop_column('users', 'full_name')
    op.drop_constraint(None, 'posts', type_='foreignkey')
    op.drop_constraint('fk_posts_editor', 'posts', type_='foreignkey')
    op.create_foreign_key('posts_user_id_fkey', 'posts', 'users', ['user_id'], ['id'], ondelete='CASCADE')
    op.drop_constraint('uq_posts_body', 'posts', type_='unique')
    op.drop_index('ix_posts_user_score', table_name='posts')
    op.create_index('ix_posts_user_score', 'posts', ['user_id', 'score'], unique=False)
    op.alter_column('posts', 'score',
               existing_type=sa.Numeric(precision=12, scale=2),
               server_default=sa.text("'0'::numeric"),
               type_=sa.NUMERIC(precision=10, scale=2),
               existing_nullable=True)
    op.alter_column('posts', 'body',
               existing_type=sa.TEXT(),
               comment='post body',
               existing_comment='the body',
               existing_nullable=True)
    op.drop_column('posts', 'editor_id')
    op.create_table('legacy',
    sa.Column('id', sa.INTEGER(), autoincrement=True, nullable=False),
    sa.PrimaryKeyConstraint('id', name='legacy_pkey')
    )
    op.drop_table('tags')
    # ### end Alembic commands ###
"""
REF_129_USERS = """
# ### commands auto generated by Alembic - please adjust! ###
    op.create_table('users',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('username', sa.String(length=50), nullable=False),
    sa.Column('fullname', sa.String(length=100), nullable=True),
    sa.Column('status', sa.Enum('active', 'banned', name='user_status'), server_default='active', nullable=True),
    sa.Column('created', sa.DateTime(), server_default=sa.text('now()'), nullable=True),
    sa.CheckConstraint('length(username) > 2', name='ck_username_len'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('username'),
    comment='all users'
    )
    # ### end Alembic commands ###
"""
PGIMP = ("from sqlalchemy.dialects import postgresql",)
REFERENCE = [
    ("ref12.6.up", "sqlite", False, REF_126_UP, ()),
    ("ref12.6.down", "sqlite", False, REF_126_DOWN, ()),
    ("ref12.6.up.pg", "postgresql", False, REF_126_UP, ()),
    ("ref12.7.up", "sqlite", False, REF_127_UP, ()),
    ("ref12.7.down", "sqlite", False, REF_127_DOWN, ()),
    ("ref12.8.up", "sqlite", True, REF_128_UP, ()),
    ("ref12.9.up", "postgresql", False, REF_129_UP, PGIMP),
    ("ref12.9.down", "postgresql", False, REF_129_DOWN, PGIMP),
    ("ref12.9.users", "postgresql", False, REF_129_USERS, ()),
]

if __name__ == "__main__":
    main()
