# record_autogen.py - records what Alembic 1.8.1's autogenerate (the oracle:
# Debian's python3-alembic with SQLAlchemy 1.4 and SQLModel) produces for a
# set of schema changes on SQLite, into tests/cases/autogen/NAME.case, for
# tests/unit/t_autogen_compare.c (detected lines, op sequence) and the
# lead's end-to-end test (rendered text):
#
#   /usr/bin/python3 tests/cases/record_autogen.py [tests/cases/autogen]
#   /usr/bin/python3 tests/cases/record_autogen.py --pg URL [tests/cases/autogen_pg]
#
# With --pg (a server of tests/pg.sh: URL as `tests/pg.sh env` prints it),
# the cases run on PostgreSQL instead (the public schema of URL's database
# is dropped and re-created for each case), plus the pg_* cases; the DDL is
# compiled for postgresql (CREATE TYPE of native enums before their table).
#
# Each case builds the v1 schema with metadata.create_all in a fresh
# SQLite database, then compares the v2 model with it
# (alembic.autogenerate.produce_migrations, compare_type=True,
# compare_server_default=True) and writes these sections, each starting
# with a line "-- NAME" (every case runs in its own interpreter, so
# SQLModel's global registry starts empty):
#   v1          the DDL that built the database (CREATE TABLE / CREATE INDEX,
#               as SQLAlchemy compiled them for the dialect), statements separated
#               by a line ";"
#   v2          the v2 model's DDL, same form (what the scratch database of
#               the model would be built from), in metadata.sorted_tables order
#   detected    the log lines of alembic.autogenerate.* and alembic.ddl.*, no prefix
#   warnings    (only when there are some) the messages of Alembic's util.warn
#               (UserWarning), in order, each as "[N] MSG": N detected lines
#               were logged before it
#   upgrade_ops / downgrade_ops
#               one line per operation (ModifyTableOps flattened), the form of
#               ag_dump_ops (src/autogen/compare.c):
#                 create_table T cols=a,b
#                 drop_table T
#                 add_column T.c
#                 drop_column T.c
#                 alter_column T.c [existing_type=DDL] [type=DDL] [nullable=B]
#                   [existing_nullable=B] [server_default=set|None]
#                   [existing_server_default=set] [comment=S|None] [existing_comment=S]
#                 create_index NAME T (a,b) unique=B   (NAME as op.f(NAME) when
#                 drop_index NAME T                      Alembic writes op.f())
#                 add_constraint unique NAME T (a,b)
#                 add_constraint foreignkey NAME T (a) -> R (id) [ondelete=X] [onupdate=X]
#                 drop_constraint TYPE NAME T
#                 create_table_comment T S existing=S / drop_table_comment T existing=S
#               (DDL = the type compiled for the dialect; B = True/False; NAME may be None)
#   upgrade / downgrade / imports
#               the text of each direction, as revision --autogenerate writes it
#               into script.py.mako, and the imports it needs
#   model       the v2 model rendered as create_table / create_index ops (the
#               body of an upgrade() from an empty database), for the test to
#               bind into model[]: types as written, op.f() names
import logging
import os
import subprocess
import sys
import warnings

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.dialects.postgresql.base import CreateEnumType
from sqlalchemy.sql.elements import conv
from sqlalchemy.schema import CreateIndex, CreateTable, SetColumnComment, SetTableComment

from alembic.autogenerate import produce_migrations, render
from alembic.autogenerate.api import AutogenContext
from alembic.migration import MigrationContext
from alembic.operations import ops

DIALECT = sqlite.dialect()
PG_URL = None  # set by --pg


# ---- the cases: each returns (v1 metadata, v2 metadata) ----

def sqlmodel_models(v2):
    from datetime import datetime
    from typing import Optional

    from sqlmodel import Field, SQLModel

    if not v2:
        class Profile(SQLModel, table=True):
            id: Optional[int] = Field(default=None, primary_key=True)
            name: str = Field(max_length=100)
            email: str = Field(index=True, unique=True)
            bio: Optional[str] = None
            created_at: datetime

        class Resume(SQLModel, table=True):
            id: Optional[int] = Field(default=None, primary_key=True)
            profile_id: int = Field(foreign_key="profile.id")
            title: str = Field(index=True)
            content: Optional[str] = None
        return SQLModel.metadata

    class Profile(SQLModel, table=True):  # noqa: F811
        id: Optional[int] = Field(default=None, primary_key=True)
        name: str = Field(max_length=200)
        email: str = Field(index=True, unique=True)
        bio: str
        created_at: datetime
        phone: Optional[str] = Field(default=None, max_length=30)
        score: int = Field(default=0, sa_column_kwargs={"server_default": "0",
                                                        "comment": "karma"})

    class Resume(SQLModel, table=True):  # noqa: F811
        __table_args__ = (sa.UniqueConstraint("profile_id", "title",
                                              name="uq_resume_profile_title"),
                          sa.CheckConstraint("length(title) > 0", name="ck_resume_title"))
        id: Optional[int] = Field(default=None, primary_key=True)
        profile_id: int = Field(foreign_key="profile.id")
        title: str
        status: str = Field(sa_column=sa.Column(
            sa.Enum("draft", "published", name="resume_status"),
            server_default="draft", nullable=False))

    class Skill(SQLModel, table=True):
        id: Optional[int] = Field(default=None, primary_key=True)
        resume_id: int = Field(foreign_key="resume.id", index=True)
        label: str = Field(max_length=50)
        level: Optional[float] = None
    return SQLModel.metadata


def case_sqlmodel_initial():
    return sa.MetaData(), sqlmodel_models(False)


def case_sqlmodel_v2():
    v1 = sqlmodel_models(False)
    v1_copy = sa.MetaData()
    for t in v1.sorted_tables:
        t.to_metadata(v1_copy)
    v1.clear()
    return v1_copy, sqlmodel_models(True)


def users(m, **kw):
    return sa.Table("users", m, sa.Column("id", sa.Integer, primary_key=True),
                    sa.Column("name", sa.String(50), nullable=False), **kw)


def posts(m, *extra, fk_kw=None):
    return sa.Table("posts", m, sa.Column("id", sa.Integer, primary_key=True),
                    sa.Column("user_id", sa.Integer,
                              sa.ForeignKey("users.id", **(fk_kw or {}))),
                    sa.Column("title", sa.String(100)), sa.Column("score", sa.Integer),
                    *extra)


def pair(build1, build2):
    v1, v2 = sa.MetaData(), sa.MetaData()
    build1(v1)
    build2(v2)
    return v1, v2


def case_empty():
    return pair(lambda m: (users(m), posts(m, sa.Index("ix_posts_title", "title"))),
                lambda m: (users(m), posts(m, sa.Index("ix_posts_title", "title"))))


def case_removed_table():
    def v1(m):
        users(m)
        sa.Table("legacy", m, sa.Column("id", sa.Integer, primary_key=True),
                 sa.Column("code", sa.String(10)), sa.Index("ix_legacy_code", "code"))
    return pair(v1, users)


def case_removed_index():
    return pair(lambda m: (users(m), posts(m, sa.Index("ix_posts_title", "title"),
                                          sa.Index("ix_posts_score", "score"))),
                lambda m: (users(m), posts(m, sa.Index("ix_posts_score", "score"))))


def case_index_unique_changed():
    return pair(lambda m: (users(m), posts(m, sa.Index("ix_posts_us", "user_id", "score"))),
                lambda m: (users(m), posts(m, sa.Index("ix_posts_us", "user_id", "score",
                                                       unique=True))))


def case_index_columns_changed():
    return pair(lambda m: (users(m), posts(m, sa.Index("ix_posts_us", "user_id"))),
                lambda m: (users(m), posts(m, sa.Index("ix_posts_us", "user_id", "score"))))


def case_unique_added():
    return pair(lambda m: (users(m), posts(m)),
                lambda m: (users(m), posts(m, sa.UniqueConstraint("user_id", "title",
                                                                  name="uq_posts_ut"))))


def case_unique_removed():
    return pair(lambda m: (users(m), posts(m, sa.UniqueConstraint("user_id", "title",
                                                                  name="uq_posts_ut"))),
                lambda m: (users(m), posts(m)))


def case_unique_unnamed_added():
    return pair(lambda m: (users(m), posts(m)),
                lambda m: (users(m), posts(m, sa.UniqueConstraint("title"))))


def case_fk_added():
    def v1(m):
        users(m)
        sa.Table("posts", m, sa.Column("id", sa.Integer, primary_key=True),
                 sa.Column("user_id", sa.Integer), sa.Column("title", sa.String(100)),
                 sa.Column("score", sa.Integer))
    return pair(v1, lambda m: (users(m), posts(m)))


def case_fk_removed():
    def v2(m):
        users(m)
        sa.Table("posts", m, sa.Column("id", sa.Integer, primary_key=True),
                 sa.Column("user_id", sa.Integer), sa.Column("title", sa.String(100)),
                 sa.Column("score", sa.Integer))
    return pair(lambda m: (users(m), posts(m)), v2)


def case_fk_ondelete_changed():
    return pair(lambda m: (users(m), posts(m, fk_kw={"ondelete": "CASCADE"})),
                lambda m: (users(m), posts(m)))


def case_type_change():
    def v2(m):
        sa.Table("users", m, sa.Column("id", sa.Integer, primary_key=True),
                 sa.Column("name", sa.String(80), nullable=False))
        sa.Table("posts", m, sa.Column("id", sa.Integer, primary_key=True),
                 sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id")),
                 sa.Column("title", sa.Text), sa.Column("score", sa.Numeric(10, 2)))
    return pair(lambda m: (users(m), posts(m)), v2)


def scored(m, default, nullable=True):
    return sa.Table("items", m, sa.Column("id", sa.Integer, primary_key=True),
                    sa.Column("score", sa.Integer, server_default=default, nullable=nullable),
                    sa.Column("label", sa.String(20), nullable=nullable))


def case_server_default_added():
    return pair(lambda m: scored(m, None), lambda m: scored(m, "0"))


def case_server_default_changed():
    return pair(lambda m: scored(m, "0"), lambda m: scored(m, "1"))


def case_server_default_removed():
    return pair(lambda m: scored(m, "0"), lambda m: scored(m, None))


def case_nullable_to_not_null():
    return pair(lambda m: scored(m, "0", True), lambda m: scored(m, "0", False))


def case_not_null_to_nullable():
    return pair(lambda m: scored(m, None, False), lambda m: scored(m, None, True))


def case_columns_added_removed():
    def v2(m):
        sa.Table("users", m, sa.Column("id", sa.Integer, primary_key=True),
                 sa.Column("email", sa.String(120), nullable=False, server_default="x"),
                 sa.Column("age", sa.Integer))
    return pair(users, v2)


def case_tables_fk_order():
    def v2(m):
        users(m)
        sa.Table("comments", m, sa.Column("id", sa.Integer, primary_key=True),
                 sa.Column("post_id", sa.Integer, sa.ForeignKey("posts.id"), nullable=False),
                 sa.Column("author_id", sa.Integer, sa.ForeignKey("users.id")),
                 sa.Index("ix_comments_post_id", "post_id"))
        posts(m, sa.Index("ix_posts_user_id", "user_id"))
        sa.Table("audit", m, sa.Column("id", sa.Integer, primary_key=True),
                 sa.Column("note", sa.Text, server_default=sa.text("'none'")))
        sa.Table("tags", m, sa.Column("id", sa.Integer, primary_key=True),
                 sa.Column("name", sa.String(30), nullable=False, unique=True))
    return pair(lambda m: None, v2)


def case_index_added():
    return pair(lambda m: (users(m), posts(m)),
                lambda m: (users(m), posts(m, sa.Index("ix_posts_score", "score"),
                                          sa.Index("ix_posts_title_score", "title", "score",
                                                   unique=True))))


def case_unique_changed():
    return pair(lambda m: (users(m), posts(m, sa.UniqueConstraint("title", name="uq_posts_t"))),
                lambda m: (users(m), posts(m, sa.UniqueConstraint("title", "user_id",
                                                                  name="uq_posts_t"))))


def case_unique_unnamed_kept():
    # an unnamed unique kept (matched by columns), another one dropped (no
    # name to drop it by: Alembic says nothing)
    def build(m, both):
        sa.Table("accounts", m, sa.Column("id", sa.Integer, primary_key=True),
                 sa.Column("email", sa.String(80), unique=True),
                 sa.Column("login", sa.String(20), unique=both))
    return pair(lambda m: build(m, True), lambda m: build(m, False))


def case_self_ref_and_multi_alter():
    def v1(m):
        sa.Table("nodes", m, sa.Column("id", sa.Integer, primary_key=True),
                 sa.Column("label", sa.String(20)))

    def v2(m):
        sa.Table("nodes", m, sa.Column("id", sa.Integer, primary_key=True),
                 sa.Column("label", sa.String(40), nullable=False, server_default="x"))
        sa.Table("trees", m, sa.Column("id", sa.Integer, primary_key=True),
                 sa.Column("parent_id", sa.Integer, sa.ForeignKey("trees.id")),
                 sa.Column("node_id", sa.Integer, sa.ForeignKey("nodes.id")),
                 sa.Index("ix_trees_parent_id", "parent_id"))
        sa.Table("branches", m, sa.Column("id", sa.Integer, primary_key=True),
                 sa.Column("tree_id", sa.Integer, sa.ForeignKey("trees.id")))
    return pair(v1, v2)


def case_expression_default_kept():
    # SQLite: Alembic reports an unchanged expression default as changed
    # every time (it strips the parentheses on the model side only)
    def build(m):
        sa.Table("stamps", m, sa.Column("id", sa.Integer, primary_key=True),
                 sa.Column("at", sa.DateTime, server_default=sa.text("CURRENT_TIMESTAMP")))
    return pair(build, build)


def case_pg_comments():
    def v1(m):
        sa.Table("notes", m, sa.Column("id", sa.Integer, primary_key=True),
                 sa.Column("body", sa.Text, comment="the body"),
                 sa.Column("title", sa.String(40)), comment="all notes")
        sa.Table("tags", m, sa.Column("id", sa.Integer, primary_key=True),
                 sa.Column("name", sa.String(20), comment="tag name"))
        sa.Table("extra", m, sa.Column("id", sa.Integer, primary_key=True), comment="old")

    def v2(m):
        sa.Table("notes", m, sa.Column("id", sa.Integer, primary_key=True),
                 sa.Column("body", sa.Text, comment="note body"),
                 sa.Column("title", sa.String(40), comment="headline"), comment="every note")
        sa.Table("tags", m, sa.Column("id", sa.Integer, primary_key=True),
                 sa.Column("name", sa.String(20)), comment="tags")
        sa.Table("extra", m, sa.Column("id", sa.Integer, primary_key=True))
    return pair(v1, v2)


def case_pg_server_defaults():
    def v1(m):
        sa.Table("events", m, sa.Column("id", sa.Integer, primary_key=True),
                 sa.Column("at", sa.DateTime, server_default=sa.text("now()")),
                 sa.Column("kind", sa.String(10), server_default="a"),
                 sa.Column("n", sa.Numeric(10, 2), server_default="0"))

    def v2(m):
        sa.Table("events", m, sa.Column("id", sa.Integer, primary_key=True),
                 sa.Column("at", sa.DateTime, server_default=sa.text("now()")),
                 sa.Column("kind", sa.String(10), server_default="b"),
                 sa.Column("n", sa.Numeric(10, 2), server_default="0", nullable=False))
    return pair(v1, v2)


def case_pg_reference():
    """The plain SQLAlchemy models of the reference's 12.9."""
    def v1(m):
        sa.Table("users", m, sa.Column("id", sa.Integer, primary_key=True),
                 sa.Column("username", sa.String(50), nullable=False, unique=True),
                 sa.Column("fullname", sa.String(100)),
                 sa.Column("status", sa.Enum("active", "banned", name="user_status"),
                           server_default="active"),
                 sa.Column("created", sa.DateTime, server_default=sa.func.now()),
                 sa.CheckConstraint("length(username) > 2", name="ck_username_len"),
                 comment="all users")
        sa.Table("posts", m, sa.Column("id", sa.Integer, primary_key=True),
                 sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"),
                           nullable=False),
                 sa.Column("body", sa.Text, comment="post body"),
                 sa.Column("score", sa.Numeric(10, 2), server_default="0"),
                 sa.Index("ix_posts_user_score", "user_id", "score"))
        sa.Table("legacy", m, sa.Column("id", sa.Integer, primary_key=True))

    def v2(m):
        sa.Table("users", m, sa.Column("id", sa.Integer, primary_key=True),
                 sa.Column("username", sa.String(50), nullable=False, unique=True),
                 sa.Column("full_name", sa.String(100)),
                 sa.Column("status", sa.Enum("active", "banned", "deleted", name="user_status"),
                           server_default="banned"),
                 sa.Column("created", sa.DateTime(timezone=True), server_default=sa.func.now()),
                 sa.CheckConstraint("length(username) > 3", name="ck_username_len"),
                 comment="every user")
        sa.Table("posts", m, sa.Column("id", sa.Integer, primary_key=True),
                 sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
                 sa.Column("editor_id", sa.Integer,
                           sa.ForeignKey("users.id", name="fk_posts_editor")),
                 sa.Column("body", sa.Text, comment="the body"),
                 sa.Column("score", sa.Numeric(12, 2), server_default="1"),
                 sa.Index("ix_posts_user_score", "user_id", "score", unique=True),
                 sa.UniqueConstraint("body", name="uq_posts_body"))
        sa.Table("tags", m, sa.Column("id", sa.BigInteger, sa.Identity(), primary_key=True),
                 sa.Column("name", sa.String(30), nullable=False, unique=True),
                 sa.Column("post_id", sa.Integer, sa.ForeignKey("posts.id")))
    return pair(v1, v2)


def case_pg_identity():
    """Identity columns: options changed (start, cycle), ALWAYS -> BY
    DEFAULT, a plain integer made an identity, an identity column added,
    one table with an identity key dropped (its downgrade re-creates it
    with the reflected sa.Identity(...))."""
    def v1(m):
        sa.Table("counters", m, sa.Column("id", sa.BigInteger, sa.Identity(start=1),
                                          primary_key=True),
                 sa.Column("n", sa.Integer))
        sa.Table("tickets", m, sa.Column("id", sa.Integer,
                                         sa.Identity(always=True, start=10, increment=5),
                                         primary_key=True),
                 sa.Column("label", sa.String(20)))
        sa.Table("legacy_ids", m, sa.Column("id", sa.Integer, sa.Identity(), primary_key=True),
                 sa.Column("code", sa.String(10)))

    def v2(m):
        sa.Table("counters", m, sa.Column("id", sa.BigInteger,
                                          sa.Identity(start=100, cycle=True),
                                          primary_key=True),
                 sa.Column("n", sa.Integer, sa.Identity(minvalue=5)))
        sa.Table("tickets", m, sa.Column("id", sa.Integer,
                                         sa.Identity(always=False, start=10, increment=5),
                                         primary_key=True),
                 sa.Column("label", sa.String(20)),
                 sa.Column("seq", sa.BigInteger, sa.Identity(always=True, cache=20),
                           nullable=False))
    return pair(v1, v2)


def case_pg_identity_kept():
    """Identity options the model leaves out are ignored; the model's
    Identity() against the database's defaults is no change."""
    def build(m):
        sa.Table("counters", m, sa.Column("id", sa.Integer, sa.Identity(), primary_key=True),
                 sa.Column("big", sa.BigInteger, sa.Identity(always=True, start=3)))
    return pair(build, build)


def case_pg_identity_type():
    """An identity column whose type changes: the alter carries the
    database's identity as existing_server_default."""
    def v1(m):
        sa.Table("events", m, sa.Column("id", sa.Integer, sa.Identity(), primary_key=True),
                 sa.Column("n", sa.Integer, sa.Identity(always=True)))

    def v2(m):
        sa.Table("events", m, sa.Column("id", sa.BigInteger, sa.Identity(), primary_key=True),
                 sa.Column("n", sa.BigInteger, sa.Identity(always=True)))
    return pair(v1, v2)


def case_pg_serial_identity():
    """A SERIAL key made an identity and back."""
    def v1(m):
        sa.Table("a", m, sa.Column("id", sa.Integer, primary_key=True))
        sa.Table("b", m, sa.Column("id", sa.Integer, sa.Identity(), primary_key=True))

    def v2(m):
        sa.Table("a", m, sa.Column("id", sa.Integer, sa.Identity(), primary_key=True))
        sa.Table("b", m, sa.Column("id", sa.Integer, primary_key=True))
    return pair(v1, v2)


def case_computed():
    """Generated columns: one changed (Alembic only warns), one made plain,
    one added, a table with generated columns dropped (the downgrade
    re-creates them with the reflected sa.Computed(...))."""
    def v1(m):
        sa.Table("prices", m, sa.Column("id", sa.Integer, primary_key=True),
                 sa.Column("price", sa.Integer),
                 sa.Column("doubled", sa.Integer, sa.Computed("price * 2")),
                 sa.Column("tripled", sa.Integer, sa.Computed("price * 3", persisted=True)),
                 sa.Column("halved", sa.Integer, sa.Computed("price / 2")))
        sa.Table("old_calc", m, sa.Column("id", sa.Integer, primary_key=True),
                 sa.Column("a", sa.Integer), sa.Column("b", sa.Integer),
                 sa.Column("total", sa.Integer, sa.Computed("a + b", persisted=True)))

    def v2(m):
        sa.Table("prices", m, sa.Column("id", sa.Integer, primary_key=True),
                 sa.Column("price", sa.Integer),
                 sa.Column("doubled", sa.Integer, sa.Computed("price * 4")),
                 sa.Column("tripled", sa.Integer, sa.Computed("(price*3)", persisted=True)),
                 sa.Column("halved", sa.Integer),
                 sa.Column("squared", sa.Integer, sa.Computed("price * price", persisted=True)))
    return pair(v1, v2)


def case_pg_computed_rewritten():
    """PostgreSQL rewrites a generated expression ("lower(name)" reads back
    "lower((name)::text)"): Alembic warns on every run."""
    def build(m):
        sa.Table("people", m, sa.Column("id", sa.Integer, primary_key=True),
                 sa.Column("name", sa.String(40)),
                 sa.Column("lname", sa.String(40), sa.Computed("lower(name)")))
    return pair(build, build)


def case_autoincrement_table_dropped():
    """sqlite_autoincrement=True is not reflected (SQLAlchemy 1.4): the
    downgrade's create_table has no such keyword."""
    def v1(m):
        sa.Table("users", m, sa.Column("id", sa.Integer, primary_key=True),
                 sa.Column("name", sa.String(50), nullable=False))
        sa.Table("tickets", m, sa.Column("id", sa.Integer, primary_key=True),
                 sa.Column("label", sa.String(20)), sqlite_autoincrement=True)
    return pair(v1, users)


def cases():
    names = [n[5:] for n in sorted(globals()) if n.startswith("case_")]
    return [n for n in names if n.startswith("pg_") == (PG_URL is not None)
            or (PG_URL is not None and not n.startswith("pg_"))]


# ---- recording ----

def ddl(metadata):
    out = []
    types = set()
    for t in metadata.sorted_tables:
        for c in t.columns:
            if PG_URL and isinstance(c.type, sa.Enum) and c.type.native_enum \
                    and c.type.name not in types:
                types.add(c.type.name)
                out.append(str(CreateEnumType(c.type).compile(dialect=DIALECT)).strip())
        out.append(str(CreateTable(t).compile(dialect=DIALECT)).strip())
        if PG_URL and t.comment is not None:  # create_all emits these separately
            out.append(str(SetTableComment(t).compile(dialect=DIALECT)).strip())
        for c in t.columns:
            if PG_URL and c.comment is not None:
                out.append(str(SetColumnComment(c).compile(dialect=DIALECT)).strip())
        for ix in sorted(t.indexes, key=lambda i: i.name):
            out.append(str(CreateIndex(ix).compile(dialect=DIALECT)).strip())
    return out


def tdl(t):
    return t.compile(dialect=DIALECT) if t is not None else "None"


def cols(names):
    return "(" + ",".join(str(c) for c in names) + ")"


def dump_alter(o):
    s = "alter_column %s.%s" % (o.table_name, o.column_name)
    if o.existing_type is not None:
        s += " existing_type=" + tdl(o.existing_type)
    if o.modify_type is not None:
        s += " type=" + tdl(o.modify_type)
    if o.modify_nullable is not None:
        s += " nullable=%r" % o.modify_nullable
    elif o.existing_nullable is not None:
        s += " existing_nullable=%r" % o.existing_nullable
    if o.modify_server_default is not False:
        s += " server_default=" + ("None" if o.modify_server_default is None else "set")
    elif o.existing_server_default:
        s += " existing_server_default=set"
    if o.modify_comment is not False:
        s += " comment=%s" % o.modify_comment
    if o.existing_comment is not None:
        s += " existing_comment=%s" % o.existing_comment
    return s


def dump_constraint(o):
    c = o.to_constraint()
    if isinstance(c, sa.ForeignKeyConstraint):
        s = "add_constraint foreignkey %s %s %s -> %s %s" % (
            c.name, o.source_table, cols(o.local_cols), o.referent_table,
            cols(o.remote_cols))
        if c.ondelete:
            s += " ondelete=" + c.ondelete
        if c.onupdate:
            s += " onupdate=" + c.onupdate
        return s
    return "add_constraint unique %s %s %s" % (c.name, c.table.name,
                                              cols(c.columns.keys()))


def fname(name):
    """An index name, "op.f(NAME)" when Alembic writes it so (a naming
    convention's name)."""
    return "op.f(%s)" % name if isinstance(name, conv) else str(name)


def dump_op(o):
    if isinstance(o, ops.CreateTableOp):
        return "create_table %s cols=%s" % (
            o.table_name, ",".join(c.name for c in o.columns if isinstance(c, sa.Column)))
    if isinstance(o, ops.DropTableOp):
        return "drop_table " + o.table_name
    if isinstance(o, ops.AddColumnOp):
        return "add_column %s.%s" % (o.table_name, o.column.name)
    if isinstance(o, ops.DropColumnOp):
        return "drop_column %s.%s" % (o.table_name, o.column_name)
    if isinstance(o, ops.AlterColumnOp):
        return dump_alter(o)
    if isinstance(o, ops.CreateIndexOp):
        return "create_index %s %s %s unique=%r" % (
            fname(o.index_name), o.table_name, cols(getattr(c, "name", c) for c in o.columns),
            bool(o.unique))
    if isinstance(o, ops.DropIndexOp):
        return "drop_index %s %s" % (fname(o.index_name), o.table_name)
    if isinstance(o, (ops.CreateForeignKeyOp, ops.CreateUniqueConstraintOp)):
        return dump_constraint(o)
    if isinstance(o, ops.DropConstraintOp):
        return "drop_constraint %s %s %s" % (o.constraint_type, o.constraint_name,
                                             o.table_name)
    if isinstance(o, ops.CreateTableCommentOp):
        return "create_table_comment %s %s existing=%s" % (o.table_name, o.comment,
                                                           o.existing_comment)
    if isinstance(o, ops.DropTableCommentOp):
        return "drop_table_comment %s existing=%s" % (o.table_name, o.existing_comment)
    return "unknown " + type(o).__name__


def flat(op_list):
    for o in op_list:
        if isinstance(o, ops.ModifyTableOps):
            yield from flat(o.ops)
        else:
            yield o


class Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.INFO)
        self.lines = []

    def emit(self, record):
        if record.name.startswith(("alembic.autogenerate", "alembic.ddl")):
            self.lines.append(record.getMessage())


def model_text(ctx, metadata):
    """The v2 model as Alembic renders it from an empty database (create_table
    and create_index per table in sorted_tables order): the test binds it
    into the model[] tables ag_compare renders from."""
    body = []
    for t in metadata.sorted_tables:
        body.append(ops.CreateTableOp.from_table(t))
        for ix in sorted(t.indexes, key=lambda i: i.name):
            body.append(ops.CreateIndexOp.from_index(ix))
    actx = AutogenContext(ctx, opts={"sqlalchemy_module_prefix": "sa.",
                                     "alembic_module_prefix": "op.",
                                     "user_module_prefix": None,
                                     "render_item": None, "render_as_batch": False})
    return render._indent(render._render_cmd_body(ops.UpgradeOps(body), actx)).rstrip("\n")


def record(name):
    v1, v2 = globals()["case_" + name]()
    if PG_URL:
        engine = sa.create_engine(PG_URL.replace("postgresql://", "postgresql+psycopg2://", 1))
        with engine.begin() as conn:
            conn.execute(sa.text("DROP SCHEMA public CASCADE"))
            conn.execute(sa.text("CREATE SCHEMA public"))
    else:
        engine = sa.create_engine("sqlite://")
    out = ["# autogen case %s (recorded by tests/cases/record_autogen.py)" % name, "-- v1"]
    out.append("\n;\n".join(ddl(v1)))
    out.append("-- v2")
    out.append("\n;\n".join(ddl(v2)))
    with engine.begin() as conn:
        v1.create_all(conn)
        log = Collect()
        logging.getLogger("alembic").addHandler(log)
        logging.getLogger("alembic").setLevel(logging.INFO)
        ctx = MigrationContext.configure(conn, opts={"compare_type": True,
                                                     "compare_server_default": True})
        warned = []

        def show(message, category, filename, *args, **kw):
            if issubclass(category, UserWarning) and "alembic" in filename:
                warned.append("[%d] %s" % (len(log.lines), message))
        with warnings.catch_warnings():
            warnings.simplefilter("always")
            warnings.showwarning = show
            script = produce_migrations(ctx, v2)
    out.append("-- detected")
    out.extend(log.lines)
    if warned:  # util.warn's messages (the section only when there are some)
        out.append("-- warnings")
        out.extend(warned)
    out.append("-- upgrade_ops")
    out.extend(dump_op(o) for o in flat(script.upgrade_ops.ops))
    out.append("-- downgrade_ops")
    out.extend(dump_op(o) for o in flat(script.downgrade_ops.ops))
    imports = set()
    for label, body in (("upgrade", script.upgrade_ops), ("downgrade", script.downgrade_ops)):
        # what revision --autogenerate does (api._render_migration_diffs):
        # one AutogenContext with the context's options, imports collected
        actx = AutogenContext(ctx, opts={"sqlalchemy_module_prefix": "sa.",
                                         "alembic_module_prefix": "op.",
                                         "user_module_prefix": None,
                                         "render_item": None,
                                         "render_as_batch": False})
        out.append("-- " + label)
        out.append(render._indent(render._render_cmd_body(body, actx)).rstrip("\n"))
        imports |= actx.imports
    out.append("-- imports")
    out.extend(sorted(imports))
    out.append("-- model")
    out.append(model_text(ctx, v2))
    return "\n".join(line for line in out if line != "") + "\n"


def main():
    global PG_URL, DIALECT
    args = sys.argv[1:]
    pg = []
    if len(args) > 1 and args[0] == "--pg":
        PG_URL = args[1]
        DIALECT = postgresql.dialect()
        pg = args[:2]
        args = args[2:]
    if len(args) > 1 and args[0] == "--case":
        sys.stdout.write(record(args[1]))
        return
    outdir = args[0] if args else "tests/cases/autogen" + ("_pg" if PG_URL else "")
    os.makedirs(outdir, exist_ok=True)
    for name in cases():
        # a fixed hash seed: Alembic's set orders (removed columns, foreign
        # keys, the SERIAL lines) then come out the same on every recording
        env = dict(os.environ, PYTHONHASHSEED="0")
        text = subprocess.run([sys.executable, __file__] + pg + ["--case", name], check=True,
                              capture_output=True, text=True, env=env).stdout
        with open(os.path.join(outdir, name + ".case"), "w") as f:
            f.write(text)
        print("recorded", name)


if __name__ == "__main__":
    main()
