#!/usr/bin/env python3
# bench/autogen_gen.py N OUT - the schema and models bench/autogen.sh measures
# autogenerate on (issue 10).
#
# N tables t0001..tN (zero-padded to 4 digits or more), each of 10 columns of
# mixed types (serial id, two VARCHARs, INTEGER, NUMERIC(10, 2), FLOAT,
# BOOLEAN, TIMESTAMP with a server default, TEXT, INTEGER parent_id), 2
# indexes (ix_tNNNN_name, ix_tNNNN_email) and 1 foreign key: parent_id
# references the previous table's id (t0001 references itself), so the tables
# form an N-deep foreign-key chain.
#
# Writes, under OUT:
#   v1.sql          the schema at v1, for psql (what the database holds);
#   sql_v1/*.sql    v1 as a native SQL model (one file per table, CREATE
#                   TABLE + CREATE INDEX, sorted names = dependency order);
#   sql_v2/*.sql    v2 likewise;
#   py_v1/models.py v1 as a SQLModel module (one class per table);
#   py_v2/models.py v2 likewise;
#   changes.txt     the changes of v2, one per line.
# v2 is v1 with a handful of changes (tables at N/5, 2N/5, 3N/5, 4N/5):
# an added column, a dropped index, a type change (INTEGER -> BIGINT), a
# nullable change (NULL -> NOT NULL) and a new table t(N+1) at the end of the
# chain.  Deterministic: the same N gives the same files.
import os
import sys


def names(n):
    width = max(4, len(str(n + 1)))
    return lambda i: "t%0*d" % (width, i)


def changes(n):
    pick = [max(1, j * n // 5) for j in range(1, 5)]
    return {"add_column": pick[0], "drop_index": pick[1], "type": pick[2],
            "nullable": pick[3], "new_table": n + 1}


def sql_table(t, parent, ver, ch, i):
    qty = "BIGINT" if ver == 2 and i == ch["type"] else "INTEGER"
    email = "VARCHAR(255) NOT NULL" if ver == 2 and i == ch["nullable"] else "VARCHAR(255)"
    cols = [
        "id SERIAL NOT NULL",
        "name VARCHAR(100) NOT NULL",
        "email " + email,
        "qty %s NOT NULL" % qty,
        "price NUMERIC(10, 2)",
        "score FLOAT",
        "active BOOLEAN NOT NULL",
        "created_at TIMESTAMP WITHOUT TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL",
        "notes TEXT",
        "parent_id INTEGER",
    ]
    if ver == 2 and i == ch["add_column"]:
        cols.append("extra VARCHAR(50)")
    cols += ["PRIMARY KEY (id)", "FOREIGN KEY(parent_id) REFERENCES %s (id)" % parent]
    out = "CREATE TABLE %s (\n    %s\n);\n" % (t, ",\n    ".join(cols))
    out += "CREATE INDEX ix_%s_name ON %s (name);\n" % (t, t)
    if not (ver == 2 and i == ch["drop_index"]):
        out += "CREATE INDEX ix_%s_email ON %s (email);\n" % (t, t)
    return out


def py_class(t, parent, ver, ch, i):
    qty = ("Field(sa_column=Column(BigInteger, nullable=False))"
           if ver == 2 and i == ch["type"] else "Field()")
    if ver == 2 and i == ch["nullable"]:
        email = "    email: str = Field(max_length=255, index=True)"
    else:
        idx = "" if ver == 2 and i == ch["drop_index"] else ", index=True"
        email = "    email: Optional[str] = Field(default=None, max_length=255%s)" % idx
    lines = [
        "class %s(SQLModel, table=True):" % t.capitalize(),
        "    __tablename__ = %r" % t,
        "    id: Optional[int] = Field(default=None, primary_key=True)",
        "    name: str = Field(max_length=100, index=True)",
        email,
        "    qty: int = %s" % qty,
        "    price: Optional[condecimal(max_digits=10, decimal_places=2)] = None",
        "    score: Optional[float] = None",
        "    active: bool",
        "    created_at: datetime = Field(sa_column_kwargs={'server_default': text('CURRENT_TIMESTAMP')})",
        "    notes: Optional[str] = Field(default=None, sa_column=Column(Text))",
        "    parent_id: Optional[int] = Field(default=None, foreign_key=%r)" % (parent + ".id"),
    ]
    if ver == 2 and i == ch["add_column"]:
        lines.append("    extra: Optional[str] = Field(default=None, max_length=50)")
    return "\n".join(lines) + "\n"


PY_HEAD = '''"""The bench's SQLModel model at %s (bench/autogen_gen.py)."""
from datetime import datetime
from typing import Optional

from pydantic import condecimal
from sqlalchemy import BigInteger, Column, Text, text
from sqlmodel import Field, SQLModel
'''


def tables(n, ver, ch):
    name = names(n)
    last = n + 1 if ver == 2 else n
    for i in range(1, last + 1):
        yield i, name(i), name(i - 1 if i > 1 else 1)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: autogen_gen.py N OUT")
    n, out = int(sys.argv[1]), sys.argv[2]
    if n < 5:
        sys.exit("autogen_gen.py: N must be at least 5")
    ch = changes(n)
    schema = []
    for ver in (1, 2):
        py = [PY_HEAD % ("v%d" % ver)]
        for i, t, parent in tables(n, ver, ch):
            sql = sql_table(t, parent, ver, ch, i)
            write(os.path.join(out, "sql_v%d" % ver, t + ".sql"), sql)
            if ver == 1:
                schema.append(sql)
            py.append("\n\n" + py_class(t, parent, ver, ch, i))
        write(os.path.join(out, "py_v%d" % ver, "models.py"), "".join(py))
    write(os.path.join(out, "v1.sql"), "".join(schema))
    name = names(n)
    write(os.path.join(out, "changes.txt"), "".join(
        "%s %s\n" % (k, name(v)) for k, v in sorted(ch.items(), key=lambda kv: kv[1])))


if __name__ == "__main__":
    main()
