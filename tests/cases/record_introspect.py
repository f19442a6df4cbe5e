# record_introspect.py - prints SQLAlchemy 1.4's Inspector view of what
# tests/unit/t_introspect.c builds, for comparing its dumps field by field
# (the recorded views are tests/cases/introspect_pg.txt and
# introspect_sqlite.txt):
#   PostgreSQL: run test_pg_schema with T_INTROSPECT_KEEP=1 (schema t_intro
#     is kept), then  /usr/bin/python3 tests/cases/record_introspect.py URL
#   SQLite: run t_introspect with T_INTROSPECT_SQLITE=FILE (the SQLite test
#     builds its database there), then ... record_introspect.py sqlite:///FILE
import sys

import sqlalchemy as sa

url = sys.argv[1]
pg = url.startswith("postgresql")
schema = "t_intro" if pg else None
insp = sa.inspect(sa.create_engine(url.replace("postgresql://", "postgresql+psycopg2://", 1)))
print("tables", insp.get_table_names(schema), "views", insp.get_view_names(schema))
if pg:
    print("enums", insp.get_enums(schema))
    print("sequences", insp.get_sequence_names(schema))
for t in sorted(insp.get_table_names(schema)):
    if t == "alembic_version":
        continue
    print("table", t, insp.get_table_comment(t, schema) if pg else "")
    for c in insp.get_columns(t, schema):
        extra = {k: c[k] for k in ("autoincrement", "identity", "computed") if k in c}
        print("  column", c["name"], repr(c["type"]), c["nullable"], c["default"],
              c.get("comment"), extra)
    print("  pk", insp.get_pk_constraint(t, schema))
    print("  fks", insp.get_foreign_keys(t, schema))
    print("  uniques", insp.get_unique_constraints(t, schema))
    print("  checks", insp.get_check_constraints(t, schema))
    print("  indexes", insp.get_indexes(t, schema))
