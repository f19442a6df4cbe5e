#!/usr/bin/python3
"""gen.py - deterministic generator of the op.* conformance projects.

Each project is a list of *steps*; a step is either a model version (the
models.py that Alembic's autogenerate diffs against the database) or a
hand-written revision (what autogenerate never writes: batch blocks,
bulk_insert, renames, dialect conditionals, ...).  record.py plays the steps
against real Alembic 1.8.1 and a real database.

Everything here is a pure function of the project name (random.Random seeded
from it), standard library only:

  gen.py list                 project names, one a line
  gen.py show NAME            the steps of one project (models and revisions)

A project name is KIND-FLAVOR-N:
  KIND   sqlite   SQLite, plain autogenerate (only what SQLite can ALTER)
         batch    SQLite, render_as_batch=True (every change, move-and-copy)
         pg       PostgreSQL, default schema
         pgms     PostgreSQL, several schemas (schema= everywhere)
  FLAVOR sa       sqlalchemy.Table models
         sm       SQLModel classes
"""
import copy
import hashlib
import random
import sys

KINDS = ("sqlite", "batch", "pg", "pgms")
FLAVORS = ("sa", "sm")
PER = 3  # projects per (kind, flavor)


def project_names():
    return ["%s-%s-%d" % (k, f, n) for k in KINDS for f in FLAVORS for n in range(1, PER + 1)]


def rev_id(project, step):
    return hashlib.sha1(("%s/%d" % (project, step)).encode()).hexdigest()[:12]


# --------------------------------------------------------------------------
# Types.  name -> (sa source, sqlmodel (annotation, Field kwargs) or None,
#                  dialects, value kind for inserts/defaults)
# "A" = any dialect, "S" = SQLite only, "P" = PostgreSQL only.

TYPES = {
    "int": ("sa.Integer()", ("int", {}), "A", "int"),
    "smallint": ("sa.SmallInteger()", None, "A", "int"),
    "bigint": ("sa.BigInteger()", None, "A", "int"),
    "str40": ("sa.String(length=40)", ("str", {"max_length": 40}), "A", "str"),
    "str80": ("sa.String(length=80)", ("str", {"max_length": 80}), "A", "str"),
    "str120": ("sa.String(length=120)", ("str", {"max_length": 120}), "A", "str"),
    "str": ("sa.String()", ("str", {}), "A", "str"),
    "text": ("sa.Text()", None, "A", "str"),
    "unicode": ("sa.Unicode(length=30)", None, "A", "str"),
    "unicodetext": ("sa.UnicodeText()", None, "A", "str"),
    "bool": ("sa.Boolean()", ("bool", {}), "A", "bool"),
    "date": ("sa.Date()", ("datetime.date", {}), "A", "date"),
    "datetime": ("sa.DateTime()", ("datetime.datetime", {}), "A", "datetime"),
    "datetimetz": ("sa.DateTime(timezone=True)", None, "A", "datetime"),
    "time": ("sa.Time()", ("datetime.time", {}), "A", "none"),
    "interval": ("sa.Interval()", ("datetime.timedelta", {}), "A", "none"),
    "float": ("sa.Float()", ("float", {}), "A", "float"),
    "float53": ("sa.Float(precision=53)", None, "A", "float"),
    "numeric": ("sa.Numeric(precision=10, scale=2)", None, "A", "int"),
    "numeric12": ("sa.Numeric(precision=12, scale=2)", None, "A", "int"),
    "binary": ("sa.LargeBinary()", ("bytes", {}), "A", "none"),
    "json": ("sa.JSON()", None, "A", "none"),
    "VARCHAR": ("sa.VARCHAR(length=20)", None, "A", "str"),
    "CHAR": ("sa.CHAR(length=3)", None, "A", "str"),
    "NCHAR": ("sa.NCHAR(length=4)", None, "A", "str"),
    "NVARCHAR": ("sa.NVARCHAR(length=10)", None, "S", "str"),
    "INTEGER": ("sa.INTEGER()", None, "A", "int"),
    "SMALLINT": ("sa.SMALLINT()", None, "A", "int"),
    "BIGINT": ("sa.BIGINT()", None, "A", "int"),
    "TEXT": ("sa.TEXT()", None, "A", "str"),
    "BOOLEAN": ("sa.BOOLEAN()", None, "A", "bool"),
    "DATE": ("sa.DATE()", None, "A", "date"),
    "TIMESTAMP": ("sa.TIMESTAMP()", None, "A", "datetime"),
    "TIME": ("sa.TIME()", None, "A", "none"),
    "FLOAT": ("sa.FLOAT()", None, "A", "float"),
    "REAL": ("sa.REAL()", None, "A", "float"),
    "NUMERIC": ("sa.NUMERIC(precision=8, scale=3)", None, "A", "int"),
    "DECIMAL": ("sa.DECIMAL(precision=6, scale=2)", None, "A", "int"),
    "DATETIME": ("sa.DATETIME()", None, "S", "datetime"),
    "BLOB": ("sa.BLOB()", None, "S", "none"),
    "uuid": ("postgresql.UUID()", None, "P", "none"),
    "uuid_py": ("postgresql.UUID(as_uuid=True)", ("uuid.UUID", {}), "P", "none"),
    "jsonb": ("postgresql.JSONB()", None, "P", "none"),
    "pgjson": ("postgresql.JSON()", None, "P", "none"),
    "intarray": ("postgresql.ARRAY(sa.Integer())", None, "P", "none"),
    "strarray": ("postgresql.ARRAY(sa.String(length=20))", None, "P", "none"),
    "inet": ("postgresql.INET()", None, "P", "none"),
    "cidr": ("postgresql.CIDR()", None, "P", "none"),
    "macaddr": ("postgresql.MACADDR()", None, "P", "none"),
    "pginterval": ("postgresql.INTERVAL()", None, "P", "none"),
    "pgtstz": ("postgresql.TIMESTAMP(timezone=True)", None, "P", "datetime"),
    "pgts3": ("postgresql.TIMESTAMP(precision=3)", None, "P", "datetime"),
    "pgtimetz": ("postgresql.TIME(timezone=True)", None, "P", "none"),
    "bytea": ("postgresql.BYTEA()", None, "P", "none"),
    "double": ("postgresql.DOUBLE_PRECISION()", None, "P", "float"),
    "tsvector": ("postgresql.TSVECTOR()", None, "P", "none"),
    "money": ("postgresql.MONEY()", None, "P", "none"),
    "int4range": ("postgresql.INT4RANGE()", None, "P", "none"),
}
# safe type changes (autogenerate with compare_type=True)
TYPE_CHANGES = {
    "str40": ["str80", "str120", "text"], "str80": ["str120", "text"], "int": ["bigint"],
    "smallint": ["int"], "numeric": ["numeric12"], "datetime": ["datetimetz"],
    "VARCHAR": ["str80"], "text": ["str"], "float": ["float53"],
}
WORDS = ("name title email body note label code city slug state amount price score "
         "rank level color size weight kind status flag owner tag memo phone url hint "
         "total ratio mode grade topic region").split()
TWORDS = ("users posts orders items accounts invoices products tags events notes teams "
          "projects tasks comments reviews carts coupons shipments vendors regions").split()


def type_ok(tname, dialect):
    d = TYPES[tname][2]
    return d in ("A", "M") or (d == "S" and dialect == "sqlite") or (d == "P" and dialect == "pg")


class Ctx:
    """State of one project while its steps are generated."""

    def __init__(self, name):
        self.name = name
        self.kind, self.flavor, n = name.split("-")
        self.n = int(n)
        self.rnd = random.Random(name)
        self.dialect = "pg" if self.kind.startswith("pg") else "sqlite"
        self.batch = self.kind == "batch"
        # N=1 SQLite projects use portable types and defaults only, so that their
        # online run on PostgreSQL goes beyond the first revision
        self.portable = self.dialect == "sqlite" and self.n == 1
        self.schemas = [None, "sales", "audit"] if self.kind == "pgms" else [None]
        self.tables = []  # list of table dicts (the current model)
        self.serial = 0
        self.enum_serial = 0
        self.ever_tables = set()  # table names never reused (a re-created table would be "altered")

    def uniq(self, base):
        self.serial += 1
        return "%s%d" % (base, self.serial)

    def types(self):
        return [t for t in sorted(TYPES) if type_ok(t, self.dialect) and t not in EXTRA_TYPES
                and not (self.portable and TYPES[t][2] != "A")]


def qual(t):
    return "%s.%s" % (t["schema"], t["name"]) if t["schema"] else t["name"]


def new_enum(ctx):
    ctx.enum_serial += 1
    vals = ctx.rnd.sample(["draft", "active", "done", "red", "green", "blue", "low", "high"], 3)
    return {"enum": True, "values": vals, "ename": "%s_e%d" % (ctx.name.replace("-", "_"), ctx.enum_serial),
            "pg": ctx.dialect == "pg" and ctx.rnd.random() < 0.4}


def default_for(ctx, col):
    """A server default source for the column, or None."""
    if col.get("enum"):
        return repr(col["values"][0])
    vk = TYPES[col["type"]][3]
    r = ctx.rnd.random()
    if vk == "int":
        return "'0'" if r < 0.5 else "sa.text('1')"
    if vk == "str":
        return "'x'" if r < 0.5 else "sa.text(\"'abc'\")"
    if vk == "bool":
        if ctx.portable:
            return None
        if ctx.dialect == "pg":
            return "sa.text('true')" if r < 0.5 else "sa.false()"
        return "sa.text('0')"
    if vk == "datetime":
        if ctx.kind == "sqlite":  # (CURRENT_TIMESTAMP) reflected: a change every time, ALTER fails
            return None
        return "sa.func.now()" if r < 0.6 else "sa.text('CURRENT_TIMESTAMP')"
    if vk == "float":
        return "'1.5'"
    return None


def new_column(ctx, table, locked=False):
    names = {c["name"] for c in table["cols"]} | table.setdefault("ever", set())
    cand = [w for w in WORDS if w not in names]
    name = ctx.rnd.choice(cand) if cand else ctx.uniq("c")
    table["ever"].add(name)
    col = {"name": name, "nullable": ctx.rnd.random() < 0.6, "unique": False, "index": False,
           "default": None, "comment": None, "locked": locked}
    if ctx.rnd.random() < 0.12:
        col.update(new_enum(ctx))
        col["type"] = "enum"
    else:
        col["type"] = ctx.rnd.choice(ctx.types())
    r = ctx.rnd.random()
    if r < 0.15 and TYPES.get(col["type"], ("", "", "", "none"))[3] in ("str", "int"):
        col["index"] = True
        col["unique"] = ctx.rnd.random() < 0.3
    elif r < 0.22 and TYPES.get(col["type"], ("", "", "", "none"))[3] in ("str", "int"):
        col["unique"] = True
    if ctx.rnd.random() < 0.3:
        col["default"] = default_for(ctx, col)
    if ctx.rnd.random() < 0.25:
        col["comment"] = ctx.rnd.choice(["the %s" % name, "it's %s" % name, "%s (kept)" % name])
    return col


def new_table(ctx, tables_for_fk):
    names = {t["name"] for t in ctx.tables} | ctx.ever_tables
    cand = [w for w in TWORDS if w not in names]
    name = ctx.rnd.choice(cand) if cand else ctx.uniq("t")
    ctx.ever_tables.add(name)
    schema = ctx.rnd.choice(ctx.schemas)
    t = {"name": name, "schema": schema, "cols": [], "uniques": [], "checks": [], "fks": [],
         "indexes": [], "comment": None, "pk": ["id"], "pk_name": None, "frozen": False}
    idcol = {"name": "id", "type": ctx.rnd.choice(["int", "int", "bigint"]), "nullable": False,
             "unique": False, "index": False, "default": None, "comment": None, "locked": True,
             "pkcol": True}
    if ctx.rnd.random() < 0.2 and ctx.dialect == "pg":  # SQLite reflects no identity
        idcol["identity"] = ctx.rnd.choice(["sa.Identity()", "sa.Identity(always=True)",
                                            "sa.Identity(start=100, increment=5)"])
    t["cols"].append(idcol)
    for _ in range(ctx.rnd.randint(2, 6)):
        t["cols"].append(new_column(ctx, t))
    if ctx.rnd.random() < 0.25 and not ctx.batch:  # batch copies generated columns (fails)
        t["cols"].append({"name": "qty", "type": "int", "nullable": True, "unique": False,
                          "index": False, "default": None, "comment": None, "locked": True})
        t["cols"].append({"name": "qty2", "type": "int", "nullable": True, "unique": False,
                          "index": False, "default": None, "comment": None, "locked": True,
                          "computed": "sa.Computed('qty * 2'%s)" % (
                              ", persisted=True" if ctx.dialect == "pg" or ctx.rnd.random() < 0.5 else "")})
    if tables_for_fk and ctx.rnd.random() < 0.6:
        ref = ctx.rnd.choice(tables_for_fk)
        rcol = next(c for c in ref["cols"] if c["name"] == ref["pk"][0])
        fk = {"name": None, "cols": ["%s_id" % ref["name"]], "ref": ref, "refcols": [rcol["name"]],
              "ondelete": ctx.rnd.choice([None, None, "CASCADE", "SET NULL"]),
              "onupdate": ctx.rnd.choice([None, None, "CASCADE"]),
              "deferrable": ctx.rnd.random() < 0.2}
        if ctx.rnd.random() < 0.4:
            fk["name"] = "fk_%s_%s" % (name, ref["name"])
        t["cols"].append({"name": fk["cols"][0], "type": rcol["type"],
                          "nullable": fk["ondelete"] == "SET NULL" or ctx.rnd.random() < 0.5,
                          "unique": False, "index": ctx.rnd.random() < 0.4, "default": None,
                          "comment": None, "locked": True})
        t["fks"].append(fk)
    strs = [c for c in t["cols"] if TYPES.get(c["type"], ("", "", "", "x"))[3] in ("str", "int")
            and not c.get("pkcol") and not c.get("computed")]
    if len(strs) >= 2 and ctx.rnd.random() < 0.5:
        cs = [c["name"] for c in ctx.rnd.sample(strs, 2)]
        t["uniques"].append({"name": "uq_%s_%s" % (name, "_".join(cs)), "cols": cs})
    if strs and ctx.rnd.random() < 0.5:
        c = ctx.rnd.choice(strs)
        ix = {"name": "ix_%s_%s_m" % (name, c["name"]), "cols": [c["name"]],
              "unique": ctx.rnd.random() < 0.3, "where": None, "using": None}
        if ctx.dialect == "pg" and ctx.rnd.random() < 0.5:
            ix["where"] = "%s IS NOT NULL" % c["name"]
        if len(strs) >= 2 and ctx.rnd.random() < 0.4:
            ix["cols"] = [x["name"] for x in strs[:2]]
        t["indexes"].append(ix)
    if ctx.dialect == "pg":
        gin = [c for c in t["cols"] if c["type"] in ("jsonb", "tsvector", "intarray")]
        if gin:
            t["indexes"].append({"name": "ix_%s_%s_gin" % (name, gin[0]["name"]),
                                 "cols": [gin[0]["name"]], "unique": False, "where": None,
                                 "using": "gin"})
    ints = [c for c in t["cols"] if TYPES.get(c["type"], ("", "", "", "x"))[3] == "int"
            and not c.get("pkcol")]
    if ints and ctx.rnd.random() < 0.4:
        t["checks"].append({"name": "ck_%s_%s" % (name, ints[0]["name"]),
                            "sql": "%s >= 0" % ints[0]["name"]})
    if ctx.rnd.random() < 0.4:
        t["comment"] = ctx.rnd.choice(["all %s" % name, "%s: o'neil" % name])
    if ctx.rnd.random() < 0.15:
        t["pk_name"] = "pk_%s" % name
    return t


# --------------------------------------------------------------------------
# Mutations between model versions.

def col_plain(c):
    return not (c.get("locked") or c.get("pkcol") or c.get("computed") or c.get("identity"))


def referenced(ctx, t):
    return any(fk["ref"] is t for o in ctx.tables for fk in o["fks"] if o is not t)


def mutate(ctx, nmut):
    rnd = ctx.rnd
    full = ctx.dialect == "pg" or ctx.batch
    for _ in range(nmut):
        live = [t for t in ctx.tables if not t["frozen"]]
        ops = ["add_table", "add_col", "add_col", "drop_col", "index"]
        if len(live) > 2:
            ops.append("drop_table")
        if full:
            ops += ["type", "type", "nullable", "default", "unique", "fk"]
            if ctx.dialect == "pg":
                ops += ["comment", "tcomment"]
        op = rnd.choice(ops)
        if op == "add_table" or not live:
            ctx.tables.append(new_table(ctx, ctx.tables))
            continue
        t = rnd.choice(live)
        plain = [c for c in t["cols"] if col_plain(c)]
        if op == "drop_table":
            cand = [x for x in live if not referenced(ctx, x)]
            if cand:
                ctx.tables.remove(rnd.choice(cand))
        elif op == "add_col":
            c = new_column(ctx, t)
            c["unique"] = False  # batch cannot create an unnamed constraint
            if not full:
                c["nullable"] = True
            if c.get("enum") and ctx.dialect == "pg":
                c.update({"type": "str40", "enum": False})  # a new enum type is not created by add_column
            t["cols"].append(c)
        elif op == "drop_col" and plain:
            c = rnd.choice(plain)
            used = {x for u in t["uniques"] for x in u["cols"]} | {x for i in t["indexes"] for x in i["cols"]} \
                | {ch["sql"].split()[0] for ch in t["checks"]}
            if c["name"] in used or (not full and (c["unique"] or c["index"])):
                continue
            t["cols"].remove(c)
        elif op == "index" and plain:
            c = rnd.choice(plain)
            if c.get("enum") or TYPES[c["type"]][3] not in ("str", "int", "date", "datetime", "bool"):
                continue
            if c["unique"] and not full:
                continue
            c["index"] = not c["index"]
        elif op == "type" and plain:
            c = rnd.choice(plain)
            if c["type"] in TYPE_CHANGES and not c.get("enum"):
                c["type"] = rnd.choice(TYPE_CHANGES[c["type"]])
        elif op == "nullable" and plain:
            c = rnd.choice(plain)
            c["nullable"] = not c["nullable"]
        elif op == "default" and plain:
            c = rnd.choice(plain)
            c["default"] = None if c["default"] else default_for(ctx, c)
        elif op == "comment" and plain:
            c = rnd.choice(plain)
            c["comment"] = None if c["comment"] else "now %s" % c["name"]
        elif op == "tcomment":
            t["comment"] = None if t["comment"] else "table %s" % t["name"]
        elif op == "unique":
            if t["uniques"] and rnd.random() < 0.5:
                t["uniques"].pop()
            elif plain:
                c = rnd.choice(plain)
                if TYPES.get(c["type"], ("", "", "", "x"))[3] in ("str", "int") and not c["index"]:
                    t["uniques"].append({"name": "uq_%s_%s_v" % (t["name"], c["name"]), "cols": [c["name"]]})
        elif op == "fk":
            others = [x for x in ctx.tables if x is not t and x["schema"] == t["schema"]]
            if others:
                ref = rnd.choice(others)
                cname = "%s_ref_id" % ref["name"]
                if any(c["name"] == cname for c in t["cols"]):
                    continue
                rcol = next(c for c in ref["cols"] if c["name"] == ref["pk"][0])
                t["cols"].append({"name": cname, "type": rcol["type"], "nullable": True,
                                  "unique": False, "index": False, "default": None, "comment": None,
                                  "locked": True})
                t["fks"].append({"name": "fk_%s_%s_v" % (t["name"], ref["name"]), "cols": [cname],
                                 "ref": ref, "refcols": [rcol["name"]], "ondelete": rnd.choice([None, "CASCADE"]),
                                 "onupdate": None, "deferrable": False})


# --------------------------------------------------------------------------
# Rendering of models.py

def sa_type_src(c):
    if c.get("enum"):
        vals = ", ".join(repr(v) for v in c["values"])
        if c.get("pg"):
            return "postgresql.ENUM(%s, name=%r)" % (vals, c["ename"])
        return "sa.Enum(%s, name=%r)" % (vals, c["ename"])
    return TYPES[c["type"]][0]


def default_src(d):
    return d


def fk_target(fk, i):
    return "%s.%s" % (qual(fk["ref"]), fk["refcols"][i])


def fk_kwargs(fk):
    out = ""
    if fk["name"]:
        out += ", name=%r" % fk["name"]
    if fk["ondelete"]:
        out += ", ondelete=%r" % fk["ondelete"]
    if fk["onupdate"]:
        out += ", onupdate=%r" % fk["onupdate"]
    if fk["deferrable"]:
        out += ", deferrable=True, initially='DEFERRED'"
    return out


def col_kwargs(c, t, skip_nullable=False):
    parts = []
    if c["name"] in t["pk"] and not t["pk_name"]:
        parts.append("primary_key=True")
    if not skip_nullable and not (c["name"] in t["pk"]):
        parts.append("nullable=%s" % c["nullable"])
    if c["unique"]:
        parts.append("unique=True")
    if c["index"]:
        parts.append("index=True")
    if c["default"]:
        parts.append("server_default=%s" % default_src(c["default"]))
    if c["comment"]:
        parts.append("comment=%r" % c["comment"])
    return parts


def table_extras(t):
    """sa.* constraint/index sources that live in the Table (or __table_args__)."""
    out = []
    if t["pk_name"]:
        out.append("sa.PrimaryKeyConstraint(%s, name=%r)" % (", ".join(repr(x) for x in t["pk"]), t["pk_name"]))
    for fk in t["fks"]:
        out.append("sa.ForeignKeyConstraint([%s], [%s]%s)" % (
            ", ".join(repr(x) for x in fk["cols"]),
            ", ".join(repr(fk_target(fk, i)) for i in range(len(fk["refcols"]))), fk_kwargs(fk)))
    for u in t["uniques"]:
        out.append("sa.UniqueConstraint(%s, name=%r)" % (", ".join(repr(x) for x in u["cols"]), u["name"]))
    for ch in t["checks"]:
        out.append("sa.CheckConstraint(%r, name=%r)" % (ch["sql"], ch["name"]))
    for ix in t["indexes"]:
        s = "sa.Index(%r, %s" % (ix["name"], ", ".join(repr(x) for x in ix["cols"]))
        if ix["unique"]:
            s += ", unique=True"
        if ix["where"]:
            s += ", postgresql_where=sa.text(%r)" % ix["where"]
        if ix["using"]:
            s += ", postgresql_using=%r" % ix["using"]
        out.append(s + ")")
    return out


def sa_column_src(c, t, with_name=True):
    args = [repr(c["name"])] if with_name else []
    args.append(sa_type_src(c))
    if c.get("identity"):
        args.append(c["identity"])
    if c.get("computed"):
        args.append(c["computed"])
    args += col_kwargs(c, t)
    return "sa.Column(%s)" % ", ".join(args)


def render_sa(ctx):
    lines = ["# models.py - generated by tests/opconf/gen.py (%s)" % ctx.name,
             "import sqlalchemy as sa", "from sqlalchemy.dialects import postgresql  # noqa: F401", "",
             "metadata = sa.MetaData()", ""]
    for t in ctx.tables:
        lines.append("%s = sa.Table(" % t["name"])
        lines.append("    %r," % t["name"])
        lines.append("    metadata,")
        for c in t["cols"]:
            lines.append("    %s," % sa_column_src(c, t))
        for e in table_extras(t):
            lines.append("    %s," % e)
        if t["schema"]:
            lines.append("    schema=%r," % t["schema"])
        if t["comment"]:
            lines.append("    comment=%r," % t["comment"])
        lines.append(")")
        lines.append("")
    return "\n".join(lines) + "\n"


def sm_field(c, t):
    """SQLModel field line for column c."""
    sm = None if c.get("enum") else TYPES[c["type"]][1]
    is_pk = c["name"] in t["pk"]
    fk = next((f for f in t["fks"] if f["cols"] == [c["name"]] and not f["name"] and not f["ondelete"]
               and not f["onupdate"] and not f["deferrable"]), None)
    simple = sm is not None and not c.get("identity") and not c.get("computed") and not (is_pk and t["pk_name"])
    if simple:
        annot, kw = sm
        kws = ["%s=%r" % (k, v) for k, v in kw.items()]
        if is_pk:
            kws = ["default=None", "primary_key=True"] + kws
            annot = "Optional[%s]" % annot
        elif c["nullable"]:
            kws = ["default=None"] + kws
            annot = "Optional[%s]" % annot
        if c["index"]:
            kws.append("index=True")
        if c["unique"]:
            kws.append("unique=True")
        if fk:
            kws.append("foreign_key=%r" % fk_target(fk, 0))
        extra = {}
        if c["default"]:
            extra["server_default"] = c["default"]
        if c["comment"]:
            extra["comment"] = repr(c["comment"])
        if extra:
            kws.append("sa_column_kwargs={%s}" % ", ".join("%r: %s" % kv for kv in extra.items()))
        return "    %s: %s = Field(%s)" % (c["name"], annot, ", ".join(kws)), fk
    # anything else: an explicit sa_column
    col = sa_column_src(dict(c), t, with_name=True)
    annot = "Optional[Any]" if c["nullable"] or is_pk else "Any"
    return "    %s: %s = Field(default=None, sa_column=%s)" % (c["name"], annot, col), None


def render_sm(ctx):
    lines = ["# models.py - generated by tests/opconf/gen.py (%s)" % ctx.name,
             "import datetime  # noqa: F401", "import decimal  # noqa: F401", "import uuid  # noqa: F401",
             "from typing import Any, Optional  # noqa: F401", "",
             "import sqlalchemy as sa", "from sqlalchemy.dialects import postgresql  # noqa: F401",
             "from sqlmodel import Field, SQLModel", "", "metadata = SQLModel.metadata", ""]
    for t in ctx.tables:
        cls = "".join(p.capitalize() for p in t["name"].split("_")) + "Model"
        lines.append("class %s(SQLModel, table=True):" % cls)
        lines.append("    __tablename__ = %r" % t["name"])
        fields = []
        used_fks = []
        for c in t["cols"]:
            f, fk = sm_field(c, t)
            fields.append(f)
            if fk:
                used_fks.append(fk)
        t2 = dict(t)
        t2["fks"] = [f for f in t["fks"] if not any(f is u for u in used_fks)]
        extras = table_extras(t2)
        targs = extras[:]
        kw = {}
        if t["schema"]:
            kw["schema"] = t["schema"]
        if t["comment"]:
            kw["comment"] = t["comment"]
        if kw:
            targs.append(repr(kw))
        if targs:
            lines.append("    __table_args__ = (")
            for a in targs:
                lines.append("        %s," % a)
            lines.append("    )")
        lines.append("")
        lines.extend(fields)
        lines.append("")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def render_models(ctx):
    return render_sm(ctx) if ctx.flavor == "sm" else render_sa(ctx)


# --------------------------------------------------------------------------
# Hand-written revisions.  Each returns (slug, upgrade body, downgrade body,
# module-level preamble) and updates ctx.tables to the state after it.

HEADER = '''"""%(msg)s

Revision ID: %(rev)s
Revises: %(down)s
Create Date: 2026-12-01 12:00:00.000000

"""
from alembic import op
import sqlalchemy as sa
%(imports)s

# revision identifiers, used by Alembic.
revision = '%(rev)s'
down_revision = %(downq)s
branch_labels = None
depends_on = None

%(pre)s
def upgrade() -> None:
%(up)s


def downgrade() -> None:
%(down_body)s
'''


def hand_schemas(ctx):
    up = ["    op.execute('CREATE SCHEMA %s')" % s for s in ctx.schemas if s]
    down = ["    op.execute('DROP SCHEMA %s CASCADE')" % s for s in reversed(ctx.schemas) if s]
    return "create schemas", "\n".join(up), "\n".join(down), "", ""


def new_hand_table(ctx, name):
    schema = ctx.rnd.choice(ctx.schemas)
    cols = [
        {"name": "id", "type": "int", "nullable": False, "pkcol": True, "locked": True},
        {"name": "label", "type": "str40", "nullable": False},
        {"name": "flag", "type": "bool", "nullable": True},
        {"name": "born", "type": "date", "nullable": True},
        {"name": "n", "type": "int", "nullable": True},
    ]
    for c in cols:
        for k, v in (("unique", False), ("index", False), ("default", None), ("comment", None),
                     ("locked", True)):
            c.setdefault(k, v)
    return {"name": name, "schema": schema, "cols": cols, "uniques": [], "checks": [], "fks": [],
            "indexes": [], "comment": None, "pk": ["id"], "pk_name": None, "frozen": True}


def sk(t):
    return ", schema=%r" % t["schema"] if t["schema"] else ""


def hand_data(ctx, step):
    """create_table + bulk_insert + get_bind().execute + indexes + conditionals."""
    name = "lookup_%d" % step
    t = new_hand_table(ctx, name)
    S = sk(t)
    pg = ctx.dialect == "pg"
    pre = []
    pre.append("TABLE = %r" % name)
    if t["schema"]:
        pre.append("SCHEMA = %r" % t["schema"])
        S = ", schema=SCHEMA"
    pre.append("ROWS = [")
    rows = []
    for i in range(1, ctx.rnd.randint(3, 6)):
        label = ctx.rnd.choice(["plain", "o'neil", "50%", "tab\there", "line\nbreak", "ünïcode", ""])
        flag = ctx.rnd.choice(["True", "False", "None"])
        # date literals: SQLAlchemy 1.4 renders them offline on SQLite only, so they
        # are in the N=2 projects alone (the others keep offline PostgreSQL/MySQL output)
        born = ctx.rnd.choice(["None", "datetime.date(2020, 1, %d)" % i]) if ctx.n == 2 else "None"
        n = ctx.rnd.choice(["None", str(i * 7)])
        rows.append("    {'id': %d, 'label': %r, 'flag': %s, 'born': %s, 'n': %s}," % (i, label, flag, born, n))
    pre += rows
    pre.append("]")
    pre.append("")
    pre.append("")
    pre.append("def _table():")
    pre.append("    return sa.table(")
    pre.append("        TABLE,")
    pre.append("        sa.column('id', sa.Integer),")
    pre.append("        sa.column('label', sa.String),")
    pre.append("        sa.column('flag', sa.Boolean),")
    pre.append("        sa.column('born', sa.Date),")
    pre.append("        sa.column('n', sa.Integer),")
    if t["schema"]:
        pre.append("        schema=SCHEMA,")
    pre.append("    )")
    pre.append("")
    pre.append("")
    up = ["    op.create_table(",
          "        TABLE,",
          "        sa.Column('id', sa.Integer(), nullable=False),",
          "        sa.Column('label', sa.String(length=40), nullable=False),",
          "        sa.Column('flag', sa.Boolean(), nullable=True),",
          "        sa.Column('born', sa.Date(), nullable=True),",
          "        sa.Column('n', sa.Integer(), nullable=True),",
          "        sa.PrimaryKeyConstraint('id', name=op.f('pk_%s'))%s," % (name, ""),
          ]
    t["pk_name"] = "pk_%s" % name
    if t["schema"]:
        up.append("        schema=SCHEMA,")
    up.append("    )")
    up.append("    op.bulk_insert(_table(), ROWS)")
    q = "%s.%s" % (t["schema"], name) if t["schema"] else name
    up.append("    bind = op.get_bind()")
    up.append("    bind.execute(sa.text(\"UPDATE %s SET n = n + 1 WHERE n IS NOT NULL\"))" % q)
    up.append("    op.execute(%r)" % ("UPDATE %s SET label = 'renamed' WHERE id = 1" % q))
    up.append("    op.create_index(op.f('ix_%s_n'), TABLE, ['n'], unique=False%s)" % (name, S))
    t["indexes"].append({"name": "ix_%s_n" % name, "cols": ["n"], "unique": False, "where": None, "using": None})
    down = []
    if pg:
        up.append("    if op.get_bind().dialect.name == 'postgresql':")
        up.append("        with op.get_context().autocommit_block():")
        up.append("            op.create_index('ix_%s_label', TABLE, ['label'], postgresql_concurrently=True%s)" % (name, S))
        up.append("        op.create_table_comment(TABLE, 'lookup values'%s)" % S)
        up.append("        op.create_check_constraint('ck_%s_n', TABLE, 'n > 0'%s)" % (name, S))
        t["comment"] = "lookup values"
        down.append("    if op.get_bind().dialect.name == 'postgresql':")
        down.append("        op.drop_constraint('ck_%s_n', TABLE, type_='check'%s)" % (name, S))
        down.append("        op.drop_table_comment(TABLE, existing_comment='lookup values'%s)" % S)
        down.append("        op.drop_index('ix_%s_label', table_name=TABLE%s)" % (name, S))
    else:
        up.append("    if op.get_bind().dialect.name == 'postgresql':")
        up.append("        op.create_index('ix_%s_label', TABLE, ['label'], postgresql_using='btree')" % name)
        up.append("    else:")
        up.append("        op.create_index('ix_%s_label', TABLE, ['label'], unique=False)" % name)
        down.append("    op.drop_index('ix_%s_label', table_name=TABLE)" % name)
    t["indexes"].append({"name": "ix_%s_label" % name, "cols": ["label"], "unique": False, "where": None, "using": None})
    if ctx.rnd.random() < 0.5:
        up.append("    op.create_index('ix_%s_lower', TABLE, [sa.text('lower(label)')]%s)" % (name, S))
        down.insert(0, "    op.drop_index('ix_%s_lower', table_name=TABLE%s)" % (name, S))
    down.append("    op.drop_index(op.f('ix_%s_n'), table_name=TABLE%s)" % (name, S))
    down.append("    op.execute(%r)" % ("DELETE FROM %s" % q))
    down.append("    op.drop_table(TABLE%s)" % S)
    ctx.tables.append(t)
    return "seed %s" % name, "\n".join(up), "\n".join(down), "\n".join(pre) + "\n", "import datetime  # noqa: F401"


def hand_alter(ctx, step):
    """renames, type change with postgresql_using, create_primary_key,
    check/unique constraint changes, batch blocks, NotImplementedError."""
    rnd = ctx.rnd
    pg = ctx.dialect == "pg"
    up, down = [], []
    # a table without a primary key, then create_primary_key
    aud = "audit_%d" % step
    schema = rnd.choice(ctx.schemas)
    S = ", schema=%r" % schema if schema else ""
    up.append("    op.create_table(%r," % aud)
    up.append("        sa.Column('k', sa.Integer(), nullable=False),")
    up.append("        sa.Column('v', sa.Text(), nullable=True)%s)" % ("," if schema else ""))
    if schema:
        up[-1] = up[-1][:-1]
        up.append("        schema=%r)" % schema)
    at = {"name": aud, "schema": schema, "cols": [
        {"name": "k", "type": "int", "nullable": False, "unique": False, "index": False, "default": None,
         "comment": None, "locked": True},
        {"name": "v", "type": "text", "nullable": True, "unique": False, "index": False, "default": None,
         "comment": None, "locked": True}],
        "uniques": [], "checks": [], "fks": [], "indexes": [], "comment": None, "pk": ["k"],
        "pk_name": "pk_%s" % aud, "frozen": True}
    if ctx.batch:
        up.append("    with op.batch_alter_table(%r%s) as batch_op:" % (aud, S))
        up.append("        batch_op.create_primary_key('pk_%s', ['k'])" % aud)
        up.append("        batch_op.create_check_constraint('ck_%s_k', 'k > 0')" % aud)
        at["checks"].append({"name": "ck_%s_k" % aud, "sql": "k > 0"})
    elif pg:
        up.append("    op.create_primary_key('pk_%s', %r, ['k']%s)" % (aud, aud, S))
        up.append("    op.create_check_constraint('ck_%s_k', %r, 'k > 0'%s)" % (aud, aud, S))
        at["checks"].append({"name": "ck_%s_k" % aud, "sql": "k > 0"})
    else:
        # plain SQLite cannot ALTER constraints: the key is part of a new table instead
        up[-1] = up[-1][:-1] + ",\n        sa.PrimaryKeyConstraint('k', name='pk_%s'))" % aud
    ctx.tables.append(at)
    down.append("    op.drop_table(%r%s)" % (aud, S))
    # rename a table
    live = [t for t in ctx.tables if not t["frozen"]]
    if live:
        t = rnd.choice(live)
        old = t["name"]
        new = old + "_r"
        TS = sk(t)
        up.append("    op.rename_table(%r, %r%s)" % (old, new, TS))
        down.insert(0, "    op.rename_table(%r, %r%s)" % (new, old, TS))
        t["name"] = new
        # its own named indexes keep their names; nothing else changes
    # rename a column and change a type
    live = [t for t in ctx.tables if not t["frozen"]]
    cands = [(t, c) for t in live for c in t["cols"] if col_plain(c) and not c["unique"] and not c["index"]
             and not any(c["name"] in u["cols"] for u in t["uniques"])
             and not any(c["name"] in i["cols"] for i in t["indexes"])
             and not any(ch["sql"].startswith(c["name"] + " ") for ch in t["checks"])]
    if cands:
        t, c = rnd.choice(cands)
        TS = sk(t)
        old, new = c["name"], c["name"] + "_new"
        exist = ", existing_type=%s" % sa_type_src(c)
        exist += ", existing_nullable=%s" % c["nullable"]
        if ctx.batch:
            up.append("    with op.batch_alter_table(%r%s) as batch_op:" % (t["name"], TS))
            up.append("        batch_op.alter_column(%r, new_column_name=%r%s)" % (old, new, exist))
            down.insert(0, "    with op.batch_alter_table(%r%s) as batch_op:\n"
                        "        batch_op.alter_column(%r, new_column_name=%r%s)" % (t["name"], TS, new, old, exist))
        else:
            up.append("    op.alter_column(%r, %r, new_column_name=%r%s%s)" % (t["name"], old, new, exist, TS))
            down.insert(0, "    op.alter_column(%r, %r, new_column_name=%r%s%s)" % (t["name"], new, old, exist, TS))
        c["name"] = new
    ints = [(t, c) for t in live for c in t["cols"] if col_plain(c) and c["type"] in ("str40", "str80", "VARCHAR")
            and not c["unique"] and not c["index"] and not c["default"]
            and not any(c["name"] in u["cols"] for u in t["uniques"])
            and not any(c["name"] in i["cols"] for i in t["indexes"])]
    if ints and pg:
        t, c = rnd.choice(ints)
        TS = sk(t)
        up.append("    op.alter_column(%r, %r, type_=sa.Integer(), existing_type=%s, "
                  "postgresql_using=%r%s)" % (t["name"], c["name"], sa_type_src(c), "%s::integer" % c["name"], TS))
        down.insert(0, "    op.alter_column(%r, %r, type_=%s, existing_type=sa.Integer()%s)" % (
            t["name"], c["name"], sa_type_src(c), TS))
        c["type"] = "int"
    # drop a named unique constraint
    withu = [t for t in live if t["uniques"]]
    if withu and (pg or ctx.batch):
        t = rnd.choice(withu)
        u = t["uniques"].pop(0)
        TS = sk(t)
        cols = ", ".join(repr(x) for x in u["cols"])
        if ctx.batch:
            up.append("    with op.batch_alter_table(%r%s) as batch_op:" % (t["name"], TS))
            up.append("        batch_op.drop_constraint(%r, type_='unique')" % u["name"])
            down.insert(0, "    with op.batch_alter_table(%r%s) as batch_op:\n"
                        "        batch_op.create_unique_constraint(%r, [%s])" % (t["name"], TS, u["name"], cols))
        else:
            up.append("    op.drop_constraint(%r, %r, type_='unique'%s)" % (u["name"], t["name"], TS))
            down.insert(0, "    op.create_unique_constraint(%r, %r, [%s]%s)" % (u["name"], t["name"], cols, TS))
    if ctx.batch and live:
        t = rnd.choice(live)
        TS = sk(t)
        up.append("    with op.batch_alter_table(%r%s, recreate='always') as batch_op:" % (t["name"], TS))
        up.append("        batch_op.add_column(sa.Column('extra', sa.String(length=10), nullable=True))")
        down.insert(0, "    with op.batch_alter_table(%r%s) as batch_op:\n        batch_op.drop_column('extra')" % (t["name"], TS))
        t["cols"].append({"name": "extra", "type": "str", "nullable": True, "unique": False, "index": False,
                          "default": None, "comment": None, "locked": True})
        t["cols"][-1]["type"] = "VARCHAR10"
    if ctx.n == 3:  # an irreversible revision in the N=3 projects
        down = ["    raise NotImplementedError('this revision cannot be undone')"]
    return "hand alter", "\n".join(up), "\n".join(down), "", "from sqlalchemy.dialects import postgresql  # noqa: F401"


TYPES["VARCHAR10"] = ("sa.String(length=10)", ("str", {"max_length": 10}), "A", "str")
# only in the all-types table (kept out of Ctx.types(), so the random choices of
# the other projects stay what they were when they were recorded)
EXTRA_TYPES = {
    "TIMESTAMPTZ": ("sa.TIMESTAMP(timezone=True)", None, "A", "datetime"),
    "TIMETZ": ("sa.Time(timezone=True)", None, "A", "none"),
    "pgtimestamp0": ("postgresql.TIMESTAMP(timezone=True, precision=0)", None, "P", "datetime"),
    "pgintervalf": ("postgresql.INTERVAL(fields='DAY TO SECOND')", None, "P", "none"),
    "pgbit": ("postgresql.BIT(length=8)", None, "P", "none"),
    "guid": ("sqlmodel.sql.sqltypes.GUID()", ("uuid.UUID", {}), "M", "none"),
    "autostring": ("sqlmodel.sql.sqltypes.AutoString(length=25)", ("str", {"max_length": 25}), "M", "str"),
}
TYPES.update(EXTRA_TYPES)


def all_types_table(ctx):
    """One column of every type the project's dialect and flavor accept (the
    N=1 PostgreSQL and batch projects), so that no type is left to chance."""
    names = [t for t in sorted(TYPES) if type_ok(t, ctx.dialect) and t != "VARCHAR10"
             and not (TYPES[t][2] == "M" and ctx.flavor != "sm")] + ["VARCHAR10"]
    if ctx.dialect == "pg":
        names = [t for t in names if t != "guid"] + ["guid"] if ctx.flavor == "sm" else names
    cols = [{"name": "id", "type": "int", "nullable": False, "unique": False, "index": False,
             "default": None, "comment": None, "locked": True, "pkcol": True}]
    for t in names:
        cols.append({"name": "c_%s%s" % (t.lower(), "_u" if t.isupper() else ""), "type": t,
                     "nullable": True, "unique": False, "index": False, "default": None,
                     "comment": None, "locked": True})
    cols.append({"name": "c_enum", "type": "enum", "enum": True, "values": ["one", "two", "three"],
                 "ename": "%s_all" % ctx.name.replace("-", "_"), "pg": False, "nullable": True,
                 "unique": False, "index": False, "default": None, "comment": None, "locked": True})
    return {"name": "alltypes", "schema": None, "cols": cols, "uniques": [], "checks": [], "fks": [],
            "indexes": [], "comment": "one column of every type", "pk": ["id"], "pk_name": None,
            "frozen": True}


def project_steps(name):
    """The steps of one project: a list of dicts
    {"kind": "models", "rev", "msg", "models"} or
    {"kind": "hand", "rev", "down", "msg", "source"}."""
    ctx = Ctx(name)
    steps = []
    n = 0

    def add_models(msg):
        nonlocal n
        steps.append({"kind": "models", "rev": rev_id(name, n), "msg": msg, "models": render_models(ctx)})
        n += 1

    def add_hand(fn):
        nonlocal n
        slug, up, down, pre, imports = fn(ctx, n) if fn is not hand_schemas else fn(ctx)
        rev = rev_id(name, n)
        prev = steps[-1]["rev"] if steps else None
        src = HEADER % {"msg": slug, "rev": rev, "down": prev or "", "downq": repr(prev),
                        "imports": imports, "pre": pre, "up": up or "    pass",
                        "down_body": down or "    pass"}
        steps.append({"kind": "hand", "rev": rev, "msg": slug, "source": src})
        n += 1

    if len(ctx.schemas) > 1:
        add_hand(hand_schemas)
    for _ in range(ctx.rnd.randint(2, 4)):
        ctx.tables.append(new_table(ctx, ctx.tables))
    if ctx.n == 1 and ctx.kind != "sqlite":
        ctx.tables.append(all_types_table(ctx))
    add_models("v1")
    add_hand(hand_data)
    mutate(ctx, ctx.rnd.randint(3, 6))
    add_models("v2")
    add_hand(hand_alter)
    mutate(ctx, ctx.rnd.randint(3, 6))
    add_models("v3")
    return steps


def main(argv):
    if argv[1:2] == ["list"]:
        print("\n".join(project_names()))
    elif argv[1:2] == ["show"]:
        for s in project_steps(argv[2]):
            print("=====", s["kind"], s["rev"], s["msg"])
            print(s.get("models") or s.get("source"))
    else:
        sys.stderr.write(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
