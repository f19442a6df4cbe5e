#!/usr/bin/python3
"""record_types.py - record how SQLAlchemy 1.4 (Debian's python3-sqlalchemy,
the oracle) compiles column types, so the C unit test tests/unit/t_type.c
needs no Python.

    /usr/bin/python3 tests/cases/record_types.py > tests/cases/types.cases

Each case is a Python type expression (the names a revision file uses:
sa., postgresql., mysql., sqlite., sqlmodel.sql.sqltypes.) followed by one
line per dialect:

    expr sa.String(50)
    sqlite VARCHAR(50)
    postgresql VARCHAR(50)
    mysql VARCHAR(50)
    mariadb VARCHAR(50)
    [check DIALECT NAME|- BODY]      a CHECK constraint CREATE TABLE adds
    [ctype postgresql CREATE TYPE name AS ENUM ('a', 'b')]   before CREATE TABLE
    py sqlite|postgresql TEXT        how Alembic's autogenerate writes the type
    [pyimport sqlite|postgresql IMPORT]   an import that rendering adds

A dialect line may instead hold "! CompileError: message"; a construction
error is one line "error TypeError: message" instead of the dialect lines
(Python 3.11's "X.__init__() got ..." is recorded as "X() got ...", the
wording our messages use).  Where SQLAlchemy itself crashes (a TypeError,
AttributeError or RecursionError while compiling) the C side gives its own
clean error; the test only checks that it fails.

The SQLAlchemy 2.0 names (sa.Uuid, sa.UUID, sa.Double, sa.DOUBLE,
sa.DOUBLE_PRECISION) do not exist in 1.4; their expected DDL is taken from
SQLAlchemy 2.0's documentation and listed at the end of this file as
"documented" cases (marked "# documented" in the output).
"""
import re
import sys
import warnings

import sqlalchemy as sa
from sqlalchemy import schema as sa_schema
from sqlalchemy.dialects import mysql, postgresql, sqlite
from sqlalchemy.dialects.postgresql import base as pg_base
import sqlmodel
from alembic.autogenerate import render as alembic_render
from alembic.autogenerate.api import AutogenContext
from alembic.runtime.migration import MigrationContext
import sqlmodel.sql.sqltypes

warnings.simplefilter("ignore")

DIALECTS = [
    ("sqlite", sqlite.dialect()),
    ("postgresql", postgresql.dialect()),
    ("mysql", mysql.dialect()),
    ("mariadb", mysql.dialect(is_mariadb=True)),
]

ENV = {"sa": sa, "postgresql": postgresql, "mysql": mysql, "sqlite": sqlite,
       "sqlmodel": sqlmodel}


def cases():
    """The expressions, in a fixed order."""
    out = []
    add = out.append
    # strings
    for cls in ["String", "Unicode", "Text", "UnicodeText", "VARCHAR", "NVARCHAR",
                "CHAR", "NCHAR", "TEXT", "CLOB"]:
        add("sa.%s" % cls)
        add("sa.%s()" % cls)
        add("sa.%s(50)" % cls)
        add("sa.%s(length=255)" % cls)
        add("sa.%s(20, collation='C')" % cls)
        add("sa.%s(collation='utf8mb4_bin')" % cls)
        add("sa.%s(length=10, collation='en_US')" % cls)
        add("sa.%s(lenght=5)" % cls)
        add("sa.%s(1, 2, 3)" % cls)
    add("sa.String(0)")
    add("sa.String(None)")
    add("sa.String(length=None, collation=None)")
    add("sa.String('50')")
    add("sa.String(50, _expect_unicode=True)")
    # integers
    for cls in ["Integer", "SmallInteger", "BigInteger", "INTEGER", "INT", "SMALLINT",
                "BIGINT"]:
        add("sa.%s" % cls)
        add("sa.%s()" % cls)
        add("sa.%s(5)" % cls)
        add("sa.%s(display_width=5)" % cls)
    # numerics
    for cls in ["Numeric", "NUMERIC", "DECIMAL"]:
        add("sa.%s" % cls)
        add("sa.%s()" % cls)
        add("sa.%s(10)" % cls)
        add("sa.%s(10, 2)" % cls)
        add("sa.%s(precision=12, scale=4)" % cls)
        add("sa.%s(scale=2)" % cls)
        add("sa.%s(10, 2, asdecimal=False)" % cls)
        add("sa.%s(precision=8, decimal_return_scale=3)" % cls)
        add("sa.%s(10, 2, False, 4)" % cls)
        add("sa.%s(10, 2, False, 4, 5)" % cls)
        add("sa.%s(precison=10)" % cls)
    for cls in ["Float", "FLOAT", "REAL"]:
        add("sa.%s" % cls)
        add("sa.%s()" % cls)
        add("sa.%s(53)" % cls)
        add("sa.%s(precision=24)" % cls)
        add("sa.%s(asdecimal=True)" % cls)
        add("sa.%s(10, decimal_return_scale=2)" % cls)
        add("sa.%s(10, 2)" % cls)
        add("sa.%s(scale=2)" % cls)
    # booleans
    for cls in ["Boolean", "BOOLEAN"]:
        add("sa.%s" % cls)
        add("sa.%s()" % cls)
        add("sa.%s(create_constraint=True)" % cls)
        add("sa.%s(create_constraint=True, name='ck_flag')" % cls)
        add("sa.%s(name='ck_flag')" % cls)
        add("sa.%s(create_constraint=False)" % cls)
        add("sa.%s(True)" % cls)
        add("sa.%s(native=True)" % cls)
    # dates and times
    for cls in ["Date", "DateTime", "Time", "DATE", "DATETIME", "TIME", "TIMESTAMP"]:
        add("sa.%s" % cls)
        add("sa.%s()" % cls)
        add("sa.%s(timezone=True)" % cls)
        add("sa.%s(True)" % cls)
        add("sa.%s(timezone=False)" % cls)
        add("sa.%s(precision=3)" % cls)
    add("sa.Interval")
    add("sa.Interval()")
    add("sa.Interval(native=False)")
    add("sa.Interval(second_precision=6)")
    add("sa.Interval(day_precision=2, second_precision=6)")
    add("sa.Interval(False, 6, 2)")
    add("sa.Interval(fields='DAY')")
    # binaries
    for cls in ["LargeBinary", "BINARY", "VARBINARY", "BLOB"]:
        add("sa.%s" % cls)
        add("sa.%s()" % cls)
        add("sa.%s(16)" % cls)
        add("sa.%s(length=255)" % cls)
        add("sa.%s(collation='C')" % cls)
    add("sa.PickleType")
    add("sa.PickleType()")
    add("sa.PickleType(protocol=4)")
    add("sa.PickleType(impl=sa.LargeBinary(100))")
    # enums
    for cls in ["sa.Enum", "postgresql.ENUM", "mysql.ENUM"]:
        add("%s('a', 'b')" % cls)
        add("%s('a', 'bb', 'ccc', name='abc')" % cls)
        add("%s('draft', 'published', name='status', native_enum=False)" % cls)
        add("%s('draft', 'published', name='status', create_constraint=True)" % cls)
        add("%s('draft', 'published', name='status', native_enum=False, create_constraint=True)" % cls)
        add("%s('a', 'b', name='e', native_enum=False, length=20)" % cls)
        add("%s('a', 'b', name='e', native_enum=False, length=1)" % cls)
        add("%s('a', 'b', name='e', schema='other')" % cls)
        add("%s('a', 'b', name='e', inherit_schema=True)" % cls)
        add("%s('a', 'b', name='e', create_type=False)" % cls)
        add("%s(\"it's\", 'x', name='q')" % cls)
        add("%s(name='empty')" % cls)
        add("%s('A', 'b', name='Mixed')" % cls)
        add("%s('a', 'b', name='order')" % cls)
        add("%s('a', 'b', name='e', metadata=None)" % cls)
        add("%s('a', 'b', name='e', validate_strings=True)" % cls)
        add("%s('a', 'b', name='e', nme='x')" % cls)
        add("%s('a', 5, name='e')" % cls)
    add("mysql.ENUM('a', 'b', charset='utf8')")
    add("mysql.ENUM('a', 'b', collation='utf8_bin')")
    add("mysql.ENUM('a', 'b', strict=True)")
    add("mysql.SET('a', 'b')")
    add("mysql.SET('a', 'b', retrieve_as_bitwise=True)")
    add("mysql.SET('one', 'two', charset='utf8', collation='utf8_bin')")
    # JSON / ARRAY
    add("sa.JSON")
    add("sa.JSON()")
    add("sa.JSON(none_as_null=True)")
    add("sa.JSON(True)")
    for cls in ["sa.ARRAY", "postgresql.ARRAY"]:
        add("%s(sa.Integer)" % cls)
        add("%s(sa.Integer())" % cls)
        add("%s(sa.String(50))" % cls)
        add("%s(sa.String())" % cls)
        add("%s(sa.Text(), dimensions=2)" % cls)
        add("%s(sa.Integer, dimensions=3)" % cls)
        add("%s(sa.Integer, as_tuple=True)" % cls)
        add("%s(sa.Integer, zero_indexes=True)" % cls)
        add("%s(postgresql.UUID(as_uuid=True))" % cls)
        add("%s(sa.Numeric(10, 2))" % cls)
        add("%s(sa.DateTime(timezone=True))" % cls)
        add("%s(sa.Enum('a', 'b', name='e'))" % cls)
        add("%s(%s(sa.Integer))" % (cls, cls))
        add("%s(sa.Integer, dimension=2)" % cls)
        add("%s()" % cls)
    # postgresql
    for cls in ["UUID", "JSON", "JSONB", "INET", "CIDR", "MACADDR", "MACADDR8", "MONEY",
                "OID", "REGCLASS", "INTERVAL", "TIMESTAMP", "TIME", "BYTEA", "BIT",
                "DOUBLE_PRECISION", "REAL", "TSVECTOR", "HSTORE", "INT4RANGE", "INT8RANGE",
                "NUMRANGE", "DATERANGE", "TSRANGE", "TSTZRANGE", "INTEGER", "BIGINT",
                "SMALLINT", "VARCHAR", "CHAR", "TEXT", "NUMERIC", "FLOAT", "BOOLEAN", "DATE"]:
        add("postgresql.%s" % cls)
        add("postgresql.%s()" % cls)
    add("postgresql.UUID(as_uuid=True)")
    add("postgresql.UUID(as_uuid=False)")
    add("postgresql.UUID(True)")
    add("postgresql.JSON(none_as_null=True)")
    add("postgresql.JSON(astext_type=sa.Text())")
    add("postgresql.JSONB(none_as_null=True)")
    add("postgresql.JSONB(astext_type=sa.Text())")
    add("postgresql.INTERVAL(precision=6)")
    add("postgresql.INTERVAL(fields='DAY TO SECOND')")
    add("postgresql.INTERVAL(fields='YEAR')")
    add("postgresql.INTERVAL(6, 'HOUR TO SECOND')")
    add("postgresql.INTERVAL(fields='DAY TO SECOND', precision=3)")
    add("postgresql.TIMESTAMP(timezone=True)")
    add("postgresql.TIMESTAMP(precision=6)")
    add("postgresql.TIMESTAMP(timezone=True, precision=3)")
    add("postgresql.TIMESTAMP(True, 0)")
    add("postgresql.TIME(timezone=True)")
    add("postgresql.TIME(precision=6)")
    add("postgresql.TIME(timezone=True, precision=3)")
    add("postgresql.BIT(1)")
    add("postgresql.BIT(8)")
    add("postgresql.BIT(varying=True)")
    add("postgresql.BIT(10, varying=True)")
    add("postgresql.BIT(length=4, varying=False)")
    add("postgresql.BYTEA(length=10)")
    add("postgresql.DOUBLE_PRECISION(precision=53)")
    add("postgresql.DOUBLE_PRECISION(asdecimal=True)")
    add("postgresql.MONEY(5)")
    add("postgresql.VARCHAR(30)")
    add("postgresql.CITEXT()")
    add("postgresql.DOMAIN('d', sa.Integer)")
    # mysql
    for cls in ["TINYINT", "SMALLINT", "MEDIUMINT", "INTEGER", "BIGINT"]:
        add("mysql.%s" % cls)
        add("mysql.%s()" % cls)
        add("mysql.%s(1)" % cls)
        add("mysql.%s(display_width=11)" % cls)
        add("mysql.%s(unsigned=True)" % cls)
        add("mysql.%s(4, unsigned=True, zerofill=True)" % cls)
        add("mysql.%s(zerofill=True)" % cls)
        add("mysql.%s(unsigend=True)" % cls)
    for cls in ["DECIMAL", "NUMERIC", "DOUBLE", "REAL", "FLOAT"]:
        add("mysql.%s" % cls)
        add("mysql.%s()" % cls)
        add("mysql.%s(10, 2)" % cls)
        add("mysql.%s(precision=10)" % cls)
        add("mysql.%s(10, 2, unsigned=True)" % cls)
        add("mysql.%s(10, 2, zerofill=True)" % cls)
        add("mysql.%s(unsigned=True)" % cls)
        add("mysql.%s(asdecimal=False)" % cls)
    for cls in ["VARCHAR", "CHAR", "NVARCHAR", "NCHAR", "TEXT", "TINYTEXT", "MEDIUMTEXT",
                "LONGTEXT"]:
        add("mysql.%s" % cls)
        add("mysql.%s()" % cls)
        add("mysql.%s(30)" % cls)
        add("mysql.%s(30, charset='utf8mb4')" % cls)
        add("mysql.%s(30, collation='utf8mb4_bin')" % cls)
        add("mysql.%s(30, charset='utf8mb4', collation='utf8mb4_bin')" % cls)
        add("mysql.%s(30, ascii=True)" % cls)
        add("mysql.%s(30, binary=True)" % cls)
        add("mysql.%s(30, unicode=True)" % cls)
        add("mysql.%s(30, national=True)" % cls)
        add("mysql.%s(length=30, charst='x')" % cls)
    for cls in ["TINYBLOB", "MEDIUMBLOB", "LONGBLOB", "BLOB", "BINARY", "VARBINARY"]:
        add("mysql.%s" % cls)
        add("mysql.%s()" % cls)
        add("mysql.%s(16)" % cls)
    for cls in ["BIT", "YEAR"]:
        add("mysql.%s" % cls)
        add("mysql.%s()" % cls)
        add("mysql.%s(4)" % cls)
    for cls in ["DATETIME", "TIMESTAMP", "TIME"]:
        add("mysql.%s" % cls)
        add("mysql.%s()" % cls)
        add("mysql.%s(fsp=6)" % cls)
        add("mysql.%s(timezone=True)" % cls)
        add("mysql.%s(timezone=True, fsp=3)" % cls)
        add("mysql.%s(True, 3)" % cls)
        add("mysql.%s(fps=6)" % cls)
    add("mysql.JSON")
    add("mysql.JSON()")
    add("mysql.BOOLEAN()")
    add("mysql.DATE()")
    # sqlite
    for cls in ["DATETIME", "DATE", "TIME", "JSON"]:
        add("sqlite.%s" % cls)
        add("sqlite.%s()" % cls)
    add("sqlite.DATETIME(storage_format='%(year)04d-%(month)02d-%(day)02d')")
    add("sqlite.DATETIME(truncate_microseconds=True)")
    add("sqlite.DATETIME(regexp=r'(\\d+)-(\\d+)')")
    add("sqlite.DATE(storage_format='%(year)04d/%(month)02d/%(day)02d')")
    add("sqlite.TIME(truncate_microseconds=True)")
    add("sqlite.INTEGER()")
    add("sqlite.TEXT()")
    add("sqlite.DATETIME(timezone=True)")
    add("sqlite.DATETIME(storage_format='%(year)04d%(month)02d%(day)02d')")
    add("sqlite.DATE(storage_format='%(year)04d%(month)02d%(day)02d')")
    add("sqlite.TIME(storage_format='%(hour)02d%(minute)02d')")
    add("sqlite.TIME(storage_format='%(hour)02d:%(minute)02d')")
    # sqlmodel
    add("sqlmodel.sql.sqltypes.AutoString")
    add("sqlmodel.sql.sqltypes.AutoString()")
    add("sqlmodel.sql.sqltypes.AutoString(length=50)")
    add("sqlmodel.sql.sqltypes.AutoString(100)")
    add("sqlmodel.sql.sqltypes.AutoString(length=20, collation='C')")
    add("sqlmodel.sql.sqltypes.GUID")
    add("sqlmodel.sql.sqltypes.GUID()")
    add("sa.ARRAY(sqlmodel.sql.sqltypes.AutoString())")
    add("sa.ARRAY(sqlmodel.sql.sqltypes.GUID())")
    # variants
    add("sa.JSON().with_variant(postgresql.JSONB(), 'postgresql')")
    add("sa.String(50).with_variant(postgresql.UUID(), 'postgresql')")
    add("sa.Text().with_variant(mysql.LONGTEXT(), 'mysql')")
    add("sa.Text().with_variant(mysql.LONGTEXT(), 'mariadb')")
    add("sa.Integer().with_variant(sa.BigInteger(), 'sqlite')")
    add("sa.BigInteger().with_variant(sa.Integer(), 'sqlite')")
    add("sa.String().with_variant(sa.String(100), 'mysql').with_variant(sa.Text(), 'postgresql')")
    add("sa.Integer().with_variant(sa.BigInteger(), 'oracle')")
    add("sa.Integer().with_variant(sa.BigInteger)")
    add("sa.DateTime().with_variant(mysql.DATETIME(fsp=6), 'mysql')")
    add("sa.Enum('a', 'b', name='e').with_variant(sa.String(10), 'sqlite')")
    # errors
    add("sa.Foo()")
    add("postgresql.Foo")
    add("sa.Column")
    add("sa.Enum()")
    add("sa.Enum('abc', 'de', name='e', native_enum=False, length=2)")
    add("sa.Enum('abc', 'de', name='e', native_enum=False, length=0)")
    add("sa.Enum('é', 'üü', name='accents', native_enum=False)")
    add("sa.Enum('a', 'b', name='e', values_callable=None)")
    add("sa.Enum('a', name='Order', schema='Other', native_enum=True)")
    add("sa.ARRAY(sa.String(20, collation='C'))")
    add("sa.ARRAY(sa.Integer, dimensions=0)")
    add("sa.ARRAY(sa.Integer, 3)")
    add("sa.ARRAY(sa.Integer, False, 2, False, 1)")
    add("sa.String(50, 'C', False, None, False, False, 1)")
    add("sa.Integer(1, 2)")
    add("sa.String(length=5, collation='C', length2=3)")
    add("sa.Numeric(10, precision=10)")
    add("postgresql.UUID(1, 2)")
    add("mysql.TINYTEXT(charset='utf8')")
    add("sa.Boolean(create_constraint=True, name='Order')")
    add("sa.Float(0)")
    add("mysql.FLOAT(0)")
    add("sa.Interval(second_precision=0)")
    add("postgresql.INTERVAL(precision=0)")
    add("postgresql.TIMESTAMP(precision=0)")
    add("mysql.DATETIME(fsp=0)")
    add("sa.String(length=5, length=6)")
    return out


def check_lines(name, t, dname, d):
    """CHECK constraints CREATE TABLE adds for a column x of type t (name
    unquoted), and on PostgreSQL the CREATE TYPE statements metadata.create_all
    emits before the table (checkfirst=False, as Alembic's offline mode)."""
    lines = []
    tbl = sa.Table("t", sa.MetaData(), sa.Column("x", t))
    ddl = str(sa_schema.CreateTable(tbl).compile(dialect=d))
    for ln in ddl.splitlines():
        ln = ln.strip().rstrip(",")
        if "CHECK" in ln:
            cname = "-"
            if ln.startswith("CONSTRAINT "):
                cname = ln.split()[1].strip('"`')
                ln = ln[ln.index("CHECK"):]
            body = ln[len("CHECK ("):-1]
            lines.append("check %s %s %s" % (dname, cname, body))
    if dname == "postgresql":
        out = []
        eng = sa.create_mock_engine(
            "postgresql://", lambda sql, *a, **k: out.append(str(sql.compile(dialect=d))))
        tbl.metadata.create_all(eng, checkfirst=False)
        for stmt in out:
            if stmt.startswith("CREATE TYPE"):
                lines.append("ctype %s %s" % (dname, stmt.strip()))
    return lines


UNSUPPORTED = re.compile(r"Compiler <[^>]*> can't render element of type (\w+).*")


def error_text(ex):
    """The recorded error: class and message, with Python's "X.__init__()"
    written "X()" and the compiler object's address left out."""
    msg = str(ex).replace(".__init__()", "()")
    if isinstance(ex, sa.exc.UnsupportedCompilationError):
        msg = UNSUPPORTED.sub(r"can't render element of type \1", msg)
    return "%s: %s" % (type(ex).__name__, msg)


def render_lines(t):
    """How Alembic's autogenerate writes t in a revision (render._repr_type,
    sqlalchemy_module_prefix "sa.", no user_module_prefix), with the
    SQLite and the PostgreSQL impl, and the imports it adds."""
    lines = []
    for dname in ("sqlite", "postgresql"):
        mc = MigrationContext.configure(dialect_name=dname)
        ac = AutogenContext(mc, opts={"sqlalchemy_module_prefix": "sa.",
                                      "alembic_module_prefix": "op.",
                                      "user_module_prefix": None})
        try:
            text = alembic_render._repr_type(t, ac)
        except Exception as ex:
            text = "! " + error_text(ex)
        lines.append("py %s %s" % (dname, text))
        for imp in sorted(ac.imports):
            lines.append("pyimport %s %s" % (dname, imp))
    return lines


def record(expr):
    try:
        t = eval(expr, ENV)
        if isinstance(t, type):
            t = t()
        if not isinstance(t, sa.types.TypeEngine):
            return ["error NotAType: %s" % type(t).__name__]
    except Exception as ex:
        return ["error " + error_text(ex)]
    lines = []
    extra = []
    for dname, d in DIALECTS:
        try:
            lines.append("%s %s" % (dname, t.compile(dialect=d)))
        except Exception as ex:
            lines.append("%s ! %s" % (dname, error_text(ex)))
            continue
        try:
            extra += check_lines(expr, t, dname, d)
        except Exception:  # the column's DDL fails: no extras to record
            pass
    return lines + extra + render_lines(t)


# SQLAlchemy 2.0 names (docs.sqlalchemy.org/en/20/core/type_basics.html):
# Uuid(as_uuid=True, native_uuid=True) renders UUID where the dialect has a
# native UUID type (PostgreSQL; MariaDB's dialect, supports_native_uuid) and
# CHAR(32) elsewhere (GenericTypeCompiler.visit_uuid); native_uuid=False is
# CHAR(32) everywhere.  UUID is the upper-case "UUID" type
# (compile error where the backend has none).  Double/DOUBLE render DOUBLE
# (PostgreSQL: DOUBLE PRECISION); DOUBLE_PRECISION renders DOUBLE PRECISION.
DOCUMENTED = [
    ("sa.Uuid", "CHAR(32)", "UUID", "CHAR(32)", "UUID"),
    ("sa.Uuid()", "CHAR(32)", "UUID", "CHAR(32)", "UUID"),
    ("sa.Uuid(as_uuid=False)", "CHAR(32)", "UUID", "CHAR(32)", "UUID"),
    ("sa.Uuid(native_uuid=False)", "CHAR(32)", "CHAR(32)", "CHAR(32)", "CHAR(32)"),
    ("sa.Uuid(as_uuid=True, native_uuid=True)", "CHAR(32)", "UUID", "CHAR(32)", "UUID"),
    ("sa.UUID()", "UUID", "UUID", "UUID", "UUID"),
    ("sa.UUID(as_uuid=False)", "UUID", "UUID", "UUID", "UUID"),
    ("sa.Double()", "DOUBLE", "DOUBLE PRECISION", "DOUBLE", "DOUBLE"),
    ("sa.Double(precision=53)", "DOUBLE", "DOUBLE PRECISION", "DOUBLE", "DOUBLE"),
    ("sa.Double(asdecimal=True)", "DOUBLE", "DOUBLE PRECISION", "DOUBLE", "DOUBLE"),
    ("sa.DOUBLE()", "DOUBLE", "DOUBLE", "DOUBLE", "DOUBLE"),
    ("sa.DOUBLE_PRECISION()", "DOUBLE PRECISION", "DOUBLE PRECISION",
     "DOUBLE PRECISION", "DOUBLE PRECISION"),
]


SQLITE_DECLARED = [
    "INTEGER", "integer", "INT", "BIGINT", "SMALLINT", "TINYINT", "MEDIUMINT", "INT8",
    "UNSIGNED BIG INT", "VARCHAR", "VARCHAR(30)", "varchar(255)", "NVARCHAR(10)", "NCHAR(5)",
    "CHAR", "CHAR(32)", "CHARACTER(20)", "VARYING CHARACTER(255)", "NATIVE CHARACTER(70)",
    "TEXT", "CLOB", "BLOB", "", "REAL", "DOUBLE", "DOUBLE PRECISION", "FLOAT", "FLOAT(53)",
    "NUMERIC", "NUMERIC(10, 2)", "DECIMAL(10,5)", "DECIMAL", "BOOLEAN", "BOOL", "DATE",
    "DATETIME", "TIME", "TIMESTAMP", "DATE_CHAR", "DATETIME_CHAR", "TIME_CHAR", "JSON",
    "UUID", "CHAR(32) COLLATE NOCASE", "VARCHAR(50, 3)", "TEXT(100)", "INTEGER(11)",
    "INTEGER GENERATED ALWAYS", "WHATEVER", "BYTEA", "MONEY",
]

PG_FORMAT_TYPES = [
    "integer", "bigint", "smallint", "character varying", "character varying(50)",
    "character(1)", "character(32)", "text", "numeric", "numeric(10,2)", "double precision",
    "real", "boolean", "date", "timestamp without time zone", "timestamp with time zone",
    "timestamp(3) without time zone", "timestamp(6) with time zone", "time without time zone",
    "time with time zone", "time(3) without time zone", "interval", "interval(6)",
    "interval day to second", "interval day to second(3)", "interval year", "bytea", "uuid",
    "json", "jsonb", "inet", "cidr", "macaddr", "macaddr8", "money", "oid", "regclass",
    "tsvector", "hstore", "int4range", "int8range", "numrange", "daterange", "tsrange",
    "tstzrange", "bit(1)", "bit(8)", "bit varying", "bit varying(10)", "integer[]",
    "character varying(50)[]", "text[]", "uuid[]", "timestamp with time zone[]",
    "numeric(10,2)[]", "mood", "mood[]", "other.color", "\"Mixed\"", "geometry(POLYGON)",
    "citext", '"char"', "name", "xml", "point", "float",
]

ENUMS = {
    ("mood",): {"name": "mood", "schema": "public", "visible": True, "labels": ["sad", "ok"]},
    ("other", "color"): {"name": "color", "schema": "other", "visible": False,
                         "labels": ["red", "green"]},
    ("Mixed",): {"name": "Mixed", "schema": "public", "visible": True, "labels": ["A"]},
}


def reflect_lines():
    """Types as SQLAlchemy's reflection builds them from a declared type
    (SQLite) or format_type() (PostgreSQL, with ENUMS), compiled again and
    rendered as autogenerate writes them, on the same dialect:
    "reflect<TAB>DIALECT<TAB>TEXT<TAB>DDL or ! error<TAB>PYTHON"."""
    out = []
    sd = sqlite.dialect()
    pd = postgresql.dialect()
    for text in SQLITE_DECLARED:
        info = sd._get_column_info("x", text.upper(), True, None, False, False, False, "")
        out.append(reflect_one("sqlite", sd, text, info["type"]))
    for text in PG_FORMAT_TYPES:
        info = pd._get_column_info("x", text, None, False, {}, ENUMS, None, None, None, None)
        out.append(reflect_one("postgresql", pd, text, info["type"]))
    return out


def reflect_one(dname, d, text, t):
    try:
        ddl = str(t.compile(dialect=d))
    except Exception as ex:
        ddl = "! " + error_text(ex)
    mc = MigrationContext.configure(dialect_name=dname)
    ac = AutogenContext(mc, opts={"sqlalchemy_module_prefix": "sa.",
                                  "alembic_module_prefix": "op.",
                                  "user_module_prefix": None})
    return "reflect\t%s\t%s\t%s\t%s" % (dname, text, ddl, alembic_render._repr_type(t, ac))


def main():
    w = sys.stdout.write
    w("# types.cases - written by tests/cases/record_types.py from SQLAlchemy %s; "
      "do not edit\n" % sa.__version__)
    for expr in cases():
        w("expr %s\n" % expr)
        for ln in record(expr):
            w(ln + "\n")
    for ln in reflect_lines():
        w(ln + "\n")
    for row in DOCUMENTED:
        w("expr %s\n# documented (SQLAlchemy 2.0), not recorded\n" % row[0])
        for (dname, _), ddl in zip(DIALECTS, row[1:]):
            w("%s %s\n" % (dname, ddl))


if __name__ == "__main__":
    main()
