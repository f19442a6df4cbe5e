#!/bin/sh
# tests/cli/autogen_filter.sh - env.py's include_name / include_object honoured on both sides
# (the model and the live database) by `revision --autogenerate` and `check`, held to what
# Python Alembic 1.8.1 writes for the same project and database, run side by side here (two
# copies of the database): a table include_name hides (spatial_ref_sys), a database-only
# table include_object keeps (reflected, compare_to None: keep_*), an index include_name hides
# (legacy_*, also of a dropped table, whose unique constraint its downgrade keeps), a unique
# constraint and a foreign key include_name hides (uq_legacy*, fk_legacy*), a database-only column include_object keeps (keep_col), model objects with
# info={'skip_autogenerate': True} (a table the database has with other columns, one with a
# type of the application's own, which we never bind, a column the database has with another
# type, an index), and on PostgreSQL a schema include_name hides (gis,
# with include_schemas=True); a view on keep_me, which neither tool compares.  Our file differs
# from Alembic's only by our reviewer's "# destructive:" lines (dropped here before the
# comparison); render_as_batch=True on both.
# Then: upgrade, `check` clean, what the filters hide untouched; an include_object that reads
# more of a database object than the stand-ins offer: one message at env.py's line, nothing
# written.  Without $ALEMBIC_TEST_PG_URL the PostgreSQL half FAILS (never skips).
. "$(dirname "$0")/lib.sh"

PYALEMBIC="/usr/bin/python3 -m alembic"
# the project's Python is python3 on PATH: Debian's, which has SQLAlchemy
PATH=/usr/bin:$PATH
export PATH

# the project: models.py and env.py's filters (URL from DB_URL, include_schemas on PostgreSQL)
mk_filter_project() { # dialect
	alembic init migrations >/dev/null
	cat >models.py <<'PY'
import sqlalchemy as sa

metadata = sa.MetaData()
users = sa.Table(
    "users", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name", sa.String(50)),
    sa.Column("email", sa.String(100)),
    sa.Column("cache", sa.Text, info={"skip_autogenerate": True}),
    sa.Index("ix_users_name", "name"),
    sa.Index("ix_users_email", "email", info={"skip_autogenerate": True}),
)
audit = sa.Table(
    "audit_log", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("what", sa.Text),
    info={"skip_autogenerate": True},
)


class Point(sa.types.TypeDecorator):
    """The application's own type: only Python knows it."""
    impl = sa.Text
    cache_ok = True


geo = sa.Table(
    "geo", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("loc", Point()),
    info={"skip_autogenerate": True},
)
tags = sa.Table(
    "tags", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("label", sa.String(40)),
    sa.Column("legacy_ref", sa.Integer),
)
notes = sa.Table(
    "notes", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("body", sa.Text),
)
PY
	/usr/bin/python3 - "$1" <<'PY'
import sys
p = "migrations/env.py"
s = open(p).read()
s = s.replace("config = context.config",
              "import os\nconfig = context.config\n"
              "config.set_main_option('sqlalchemy.url', os.environ['DB_URL'])")
s = s.replace("target_metadata = None", '''from models import metadata as target_metadata


def include_name(name, type_, parent_names):
    if type_ == "schema":
        return name != "gis"
    if type_ == "table":
        return name != "spatial_ref_sys"
    if type_ in ("index", "unique_constraint", "foreign_key_constraint"):
        return not name.startswith(("legacy_", "uq_legacy", "fk_legacy"))
    return True


def include_object(obj, name, type_, reflected, compare_to):
    if obj.info.get("skip_autogenerate"):
        return False
    if reflected and compare_to is None and name.startswith("keep_"):
        return False
    return True''')
more = "include_name=include_name, include_object=include_object, render_as_batch=True"
if sys.argv[1] == "postgresql":
    more += ", include_schemas=True"
s = s.replace("connection=connection, target_metadata=target_metadata",
              "connection=connection, target_metadata=target_metadata,\n            " + more)
open(p, "w").write(s)
PY
}

# the database the project starts from
FILTER_DB="CREATE TABLE spatial_ref_sys (srid INTEGER PRIMARY KEY, auth TEXT);
CREATE TABLE keep_me (id INTEGER PRIMARY KEY);
CREATE TABLE geo (id INTEGER PRIMARY KEY, loc VARCHAR(10));
CREATE VIEW keep_ids AS SELECT id FROM keep_me;
CREATE TABLE old_stuff (id INTEGER PRIMARY KEY, code TEXT, CONSTRAINT uq_legacy_code UNIQUE (code));
CREATE INDEX legacy_old_code ON old_stuff (code);
CREATE INDEX ix_old_code ON old_stuff (code);
CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(50), legacy_code TEXT, cache INTEGER);
CREATE TABLE tags (id INTEGER PRIMARY KEY, label VARCHAR(40), legacy_ref INTEGER, keep_col TEXT,
    CONSTRAINT uq_legacy_label UNIQUE (label),
    CONSTRAINT fk_legacy_ref FOREIGN KEY (legacy_ref) REFERENCES users (id));
CREATE INDEX legacy_users_code ON users (legacy_code);
CREATE INDEX ix_users_old ON users (legacy_code);
CREATE TABLE audit_log (id INTEGER PRIMARY KEY, other TEXT);"

# one statement on database $1 (a file on SQLite, a name on PostgreSQL)
fsql() {
	if [ "$d" = postgresql ]; then pg "$1" "$2"; echo; else sqlite3 "$1" "$2"; fi
}

filter_flow() { # dialect url-of-ours url-of-alembic's db-of-ours db-of-alembic's
	d=$1
	new_project
	mk_filter_project "$d"
	dbs=$4
	[ "$d" = sqlite ] || dbs="$4 $5" # (on SQLite the copy of the project copies the file)
	for db in $dbs; do
		fsql "$db" "$FILTER_DB" >/dev/null
		if [ "$d" = postgresql ]; then
			fsql "$db" "CREATE SCHEMA gis; CREATE TABLE gis.shapes (id INTEGER PRIMARY KEY)" >/dev/null
		fi
	done
	cp -R . "$T_ROOT/py_$d"
	(cd "$T_ROOT/py_$d" && DB_URL="$3" $PYALEMBIC revision --autogenerate -m filters --rev-id 0001 \
		>/dev/null 2>"$T_ROOT/.pyerr")
	export DB_URL="$2"
	run alembic revision --autogenerate -m filters --rev-id 0001
	expect_rc 0 "$d: autogenerate with filters"
	grep -v -e '^Create Date: ' -e '^    # destructive: ' migrations/versions/0001_filters.py >"$T_ROOT/.got"
	grep -v -e '^Create Date: ' "$T_ROOT/py_$d/migrations/versions/0001_filters.py" >"$T_ROOT/.want"
	if cmp -s "$T_ROOT/.want" "$T_ROOT/.got"; then ok; else
		not_ok "$d: the file differs from Alembic's"
		diff "$T_ROOT/.want" "$T_ROOT/.got" | head -n 40 >&2
	fi
	grep Detected "$T_ROOT/.pyerr" | grep -v 'Detected sequence' >"$T_ROOT/.want"
	grep Detected "$T_ROOT/.err" | grep -v 'Detected sequence' >"$T_ROOT/.got"
	if cmp -s "$T_ROOT/.want" "$T_ROOT/.got"; then ok; else
		not_ok "$d: the Detected lines differ from Alembic's"
		diff "$T_ROOT/.want" "$T_ROOT/.got" | head -n 20 >&2
	fi
	expect_err_has "Detected removed table 'old_stuff'" "$d: an unfiltered table is still dropped"
	run alembic upgrade head
	expect_rc 0 "$d: upgrade"
	run alembic check
	expect_rc 0 "$d: check is clean with the filters"
	expect_out "$d: check says nothing to do" <<'EOF'
No new upgrade operations detected.
EOF
	expect_eq "$(fsql "$4" "SELECT count(*) FROM spatial_ref_sys; SELECT count(*) FROM keep_ids; SELECT other FROM audit_log" | tr -s ' \n' ' ')" \
		"0 0 " "$d: the hidden and kept tables (and a view, never compared) are untouched"

	# a filter asking a database object for more than its stand-in has
	sed -i -e 's/^    if obj.info.get("skip_autogenerate"):$/    if reflected and name == "extra" and obj.type is None:\n        return False\n&/' \
		migrations/env.py
	line=$(grep -n 'obj.type is None' migrations/env.py | cut -d: -f1)
	fsql "$4" "ALTER TABLE users ADD COLUMN extra TEXT" >/dev/null
	run alembic revision --autogenerate -m two --rev-id 0002
	expect_rc 1 "$d: include_object beyond the stand-in: refused"
	expect_err_has "ERROR: migrations/env.py:$line: include_object used .type of the database's column 'extra': for the database side it is given a stand-in offering only name, schema, info, table and (for a table) c / columns" \
		"$d: ... at env.py's line, naming what the stand-ins offer"
	expect_eq "$(ls migrations/versions | grep -c 0002)" 0 "$d: ... and nothing written"
}

filter_flow sqlite "sqlite:///app.db" "sqlite:///app.db" app.db "$T_ROOT/py_sqlite/app.db"

if [ -z "${ALEMBIC_TEST_PG_URL:-}" ] || [ -z "${ALEMBIC_TEST_PG_DIR:-}" ]; then
	not_ok "ALEMBIC_TEST_PG_URL / ALEMBIC_TEST_PG_DIR not set: run through tests/run (tests/pg.sh)"
else
	. "$TESTS_TOP/tests/pg_lib.sh"
	ours=agfilter_ours_$$
	theirs=agfilter_py_$$
	pg postgres "CREATE DATABASE $ours" >/dev/null
	pg postgres "CREATE DATABASE $theirs" >/dev/null
	# Python Alembic over the socket (configparser refuses the TCP password's %20)
	filter_flow postgresql "${ALEMBIC_TEST_PG_URL%/*}/$ours" \
		"postgresql://alembic_test@/$theirs?host=$ALEMBIC_TEST_PG_DIR&port=$ALEMBIC_TEST_PG_PORT" \
		"$ours" "$theirs"
fi
finish
