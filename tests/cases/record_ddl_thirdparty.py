#!/usr/bin/python3
"""record_ddl_thirdparty.py - records, as record_ddl.py does (same format,
same offline configuration), what Alembic 1.8.1 + SQLAlchemy 1.4 emit for
migrations that use the few third-party names the evaluator knows
(src/py/known.c): oslo.db's String and SoftDeleteInteger types,
neutron-lib's neutron_lib.db.constants and SQLAlchemy-Utils' UUIDType, as
Debian 12 ships them.  Writes
ddl_thirdparty.txt, which t_ddl.c checks like ddl.txt.

Those packages are not installed with the oracle; fetch and unpack them
(nothing installed) and pass the directory:

    cd /tmp && apt-get download python3-oslo.db=12.1.0-3 python3-neutron-lib=3.1.0-2 \
        python3-sqlalchemy-utils=0.38.2-2
    for d in python3-oslo.db_*.deb python3-neutron-lib_*.deb python3-sqlalchemy-utils_*.deb; do
        dpkg-deb -x $d /tmp/tp; done
    /usr/bin/python3 record_ddl_thirdparty.py /tmp/tp/usr/lib/python3/dist-packages

oslo_db.sqlalchemy.types and sqlalchemy_utils import only SQLAlchemy (and
the standard library); neutron_lib's package
__init__ needs pbr and oslo.*, so its db/constants.py (plain constants) is
loaded under stub packages.
"""
import os
import sys
import types

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import record_ddl  # noqa: E402  (run_case: the offline configuration)

ALL = record_ddl.ALL

CASES = [
    ("oslo_db_string", ALL, '''
from oslo_db.sqlalchemy.types import String, SoftDeleteInteger
op.create_table("t", sa.Column("id", String(36), primary_key=True),
    sa.Column("n", String(255, mysql_ndb_type=mysql.TINYTEXT), nullable=True),
    sa.Column("m", String(length=64, mysql_ndb_length=32)),
    sa.Column("deleted", SoftDeleteInteger(), server_default="0"))
op.add_column("t", sa.Column("x", String(512, mysql_ndb_type=mysql.TEXT)))
op.alter_column("t", "n", type_=String(100), existing_type=String(255, mysql_ndb_type=mysql.TINYTEXT))
'''),
    ("oslo_db_types_module", ALL, '''
from oslo_db.sqlalchemy import types
op.add_column("t", sa.Column("y", types.String(80, collation="C")))
op.add_column("t", sa.Column("d", types.SoftDeleteInteger(), nullable=False))
'''),
    ("neutron_lib_db_constants", ALL, '''
from neutron_lib.db import constants as db_const
op.add_column("t", sa.Column("p", sa.String(length=db_const.PROJECT_ID_FIELD_SIZE)))
op.add_column("t", sa.Column("u", sa.String(db_const.UUID_FIELD_SIZE), nullable=False))
op.add_column("t", sa.Column("i", sa.String(db_const.IP_ADDR_FIELD_SIZE)))
op.add_column("t", sa.Column("l", sa.String(db_const.LONG_DESCRIPTION_FIELD_SIZE)))
op.execute("SELECT " + str(db_const.DB_INTEGER_MAX_VALUE) + ", '" + db_const.EXPAND_BRANCH + "'")
'''),
    ("sqlalchemy_utils_uuid", ALL, '''
import sqlalchemy_utils
from sqlalchemy_utils import UUIDType
op.create_table("t", sa.Column("id", sqlalchemy_utils.types.uuid.UUIDType(binary=True), primary_key=True),
    sa.Column("a", UUIDType(binary=False), nullable=False),
    sa.Column("b", UUIDType()),
    sa.Column("c", sqlalchemy_utils.UUIDType(False, False)),
    sa.Column("d", UUIDType(native=False)))
op.alter_column("t", "a", type_=UUIDType(binary=True), existing_type=UUIDType(binary=False))
'''),
]


def load_packages(path):
    sys.path.insert(0, path)
    for name in ("neutron_lib", "neutron_lib.db"):
        stub = types.ModuleType(name)
        stub.__path__ = [os.path.join(path, *name.split("."))]
        sys.modules[name] = stub


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: record_ddl_thirdparty.py DIST_PACKAGES_DIR")
    load_packages(sys.argv[1])
    out = []
    for name, dialects, code in CASES:
        code = code.strip("\n") + "\n"
        for d in dialects:
            out.append("=== %s %s\n%s---\n%s===\n" % (name, d, code, record_ddl.run_case(d, code)))
    path = os.path.join(HERE, "ddl_thirdparty.txt")
    with open(path, "w") as f:
        f.write("".join(out))
    print("%d blocks written to %s" % (len(out), path), file=sys.stderr)


if __name__ == "__main__":
    main()
