# record_introspect.py - prints SQLAlchemy 1.4's Inspector view of schema
# t_intro as tests/unit/t_introspect.c's test_pg_schema builds it (run that
# test with T_INTROSPECT_KEEP=1 first), for comparing its dump field by
# field:  /usr/bin/python3 tests/cases/record_introspect.py URL
import sys

import sqlalchemy as sa

insp = sa.inspect(sa.create_engine(sys.argv[1].replace("postgresql://", "postgresql+psycopg2://", 1)))
print("tables", insp.get_table_names("t_intro"), "views", insp.get_view_names("t_intro"))
print("enums", insp.get_enums("t_intro"))
for t in sorted(insp.get_table_names("t_intro")):
    if t == "alembic_version":
        continue
    print("table", t, insp.get_table_comment(t, "t_intro"))
    for c in insp.get_columns(t, "t_intro"):
        print("  column", c["name"], repr(c["type"]), c["nullable"], c["default"], c.get("comment"))
    print("  pk", insp.get_pk_constraint(t, "t_intro"))
    print("  fks", insp.get_foreign_keys(t, "t_intro"))
    print("  uniques", insp.get_unique_constraints(t, "t_intro"))
    print("  checks", insp.get_check_constraints(t, "t_intro"))
    print("  indexes", insp.get_indexes(t, "t_intro"))
