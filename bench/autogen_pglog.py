#!/usr/bin/env python3
# bench/autogen_pglog.py LOG OFFSET [FLOOR_SQL] - the statements a client sent,
# counted from a PostgreSQL server log written with log_statement = all
# (bench/autogen.sh sets it on the bench's databases for one counted run of
# each tool): the log from byte OFFSET on, records "LOG:  statement: ..." and
# "LOG:  execute ...: ..." (continuation lines belong to the record above).
# Prints "TOTAL CATALOG": all statements, and those that read the catalog
# (their text names pg_catalog, a pg_* relation or function, information_schema,
# current_schema or version(); the rest is transaction control, SET, the
# version table, the scratch DDL of a model).  With FLOOR_SQL, the catalog
# statements are also written there, ';'-terminated, for psql to replay.
import re
import sys

START = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d")
STMT = re.compile(r"^\S+ \S+ \S+ \[\d+\] (?:\S+ )?LOG:  (?:statement|execute [^:]*): (.*)$")
CATALOG = re.compile(r"pg_|information_schema|current_schema|version\(\)", re.I)


def records(text):
    cur = None
    for line in text.split("\n"):
        if START.match(line):
            if cur is not None:
                yield cur
            m = STMT.match(line)
            cur = [m.group(1)] if m else None
        elif cur is not None:
            cur.append(line)
    if cur is not None:
        yield cur


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit("usage: autogen_pglog.py LOG OFFSET [FLOOR_SQL]")
    with open(sys.argv[1], "rb") as f:
        f.seek(int(sys.argv[2]))
        text = f.read().decode("utf-8", "replace")
    total, cat = 0, []
    for rec in records(text):
        sql = "\n".join(rec).strip()
        total += 1
        if CATALOG.search(sql):
            cat.append(sql)
    print(total, len(cat))
    if len(sys.argv) == 4:
        with open(sys.argv[3], "w") as f:
            for sql in cat:
                f.write(sql.rstrip(";") + ";\n")


if __name__ == "__main__":
    main()
