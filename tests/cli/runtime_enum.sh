#!/bin/sh
# tests/cli/runtime_enum.sh - an Enum type's own execution in a revision
# (postgresql.ENUM(...).create(op.get_bind()), sa.Enum(...).create(bind,
# checkfirst=True), .drop(bind[, checkfirst])) before op.create_table /
# op.add_column and after op.drop_column / op.drop_table, on SQLite files and
# on the PostgreSQL test cluster: after every command the exit status, the log
# and the schema (tables, columns and enum types with their labels) are
# compared with what Python Alembic 1.8.1 does on a copy of the same project
# (when the oracle is installed); `upgrade head --sql` and `downgrade
# head:base --sql` print what Alembic prints.  checkfirst online: a second
# create of an existing type and a second drop of a dropped one do nothing;
# without checkfirst a create of an existing type fails the step, rolled back.
# Without $ALEMBIC_TEST_PG_URL the PostgreSQL part FAILS.
. "$(dirname "$0")/lib.sh"

enum_project() {
	mkdir -p migrations/versions
	UP='    status = postgresql.ENUM("new", "done", name="status")
    status.create(op.get_bind())
    status.create(op.get_bind())
    op.create_table(
        "item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("s", postgresql.ENUM("new", "done", name="status", create_type=False), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )'
	DOWN='    op.drop_table("item")
    postgresql.ENUM(name="status").drop(op.get_bind())
    postgresql.ENUM(name="status").drop(op.get_bind())'
	ops_rev a1 "" "create a type, twice with checkfirst, and a table using it"
	sed -i 's/^import sqlalchemy as sa$/&\nfrom sqlalchemy.dialects import postgresql/' migrations/versions/a1_x.py
	UP='    sa.Enum("x", "y", name="kind").create(op.get_bind(), checkfirst=True)
    op.add_column("item", sa.Column("k", sa.Enum("x", "y", name="kind"), nullable=True))'
	DOWN='    op.drop_column("item", "k")
    kind = sa.Enum("x", "y", name="kind")
    kind.drop(op.get_bind(), checkfirst=False)
    kind.drop(op.get_bind(), checkfirst=True)'
	ops_rev b2 a1 "a type created before add_column, dropped after drop_column"
}

flow() {
	same_as_oracle "upgrade head" "$1" upgrade head
	same_as_oracle "downgrade a1" "$1" downgrade a1
	same_as_oracle "downgrade base" "$1" downgrade base
	same_as_oracle "upgrade head again" "$1" upgrade head
}

# offline LABEL ARGS...: stdout and status as Alembic's (offline never checks first).
offline() {
	label=$1
	shift
	cd ../py || exit 1
	run /usr/bin/python3 -m alembic -c py.ini "$@"
	py_rc=$RC
	cd - >/dev/null || exit 1
	# (a run that ends at base: without Alembic 1.8.1's trailing DROP TABLE
	# alembic_version, docs/DESIGN.md's documented difference)
	sed '/^DROP TABLE alembic_version;$/{N;d;}' "$T_ROOT/.out" >"$T_ROOT/.pyout"
	run alembic "$@"
	expect_eq "$RC" "$py_rc" "$label: exit status as Alembic's"
	if cmp -s "$T_ROOT/.pyout" "$T_ROOT/.out"; then ok; else
		not_ok "$label: SQL as Alembic's"
		diff "$T_ROOT/.pyout" "$T_ROOT/.out" | head -n 20 >&2
	fi
}

HAVE_ORACLE=

# --- SQLite: the enum is a VARCHAR there, its create and drop do nothing -----------
sqlite_project
enum_project
if oracle_env; then
	HAVE_ORACLE=1
	sqlite_oracle_copy
	flow sqlite_dump_item
	offline "sqlite --sql upgrade" upgrade head --sql
	offline "sqlite --sql downgrade" downgrade head:base --sql
else
	echo "runtime_enum: Python Alembic not installed; the comparison is skipped" >&2
	run alembic upgrade head
	expect_rc 0 "sqlite: upgrade head"
fi
expect_eq "$(sqlite3 ours.db "SELECT type FROM pragma_table_info('item') ORDER BY cid" | tr '\n' ' ')" \
	"INTEGER VARCHAR(4) VARCHAR(1) " "sqlite: no type, VARCHAR columns"

# --- PostgreSQL -----------------------------------------------------------------------
if [ -z "${ALEMBIC_TEST_PG_URL:-}" ] || [ -z "${ALEMBIC_TEST_PG_DIR:-}" ]; then
	not_ok "ALEMBIC_TEST_PG_URL / ALEMBIC_TEST_PG_DIR not set: run through tests/run (tests/pg.sh)"
	finish
	exit 1
fi
DB="enum_$$"
pg_dump_schema() {
	pg_sql "${DB}_$1" "SELECT string_agg(table_name || '.' || column_name || ':' || udt_name, ' ' ORDER BY table_name, ordinal_position) FROM information_schema.columns WHERE table_schema = 'public'"
	pg_sql "${DB}_$1" "SELECT string_agg(t.typname || '=' || e.enumlabel, ' ' ORDER BY t.typname, e.enumsortorder) FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid"
	pg_sql "${DB}_$1" "SELECT version_num FROM alembic_version"
}
pg_project "$DB"
enum_project
if [ -n "$HAVE_ORACLE" ] && oracle_env; then
	pg_oracle_copy "$DB"
	flow pg_dump_schema
	offline "pg --sql upgrade" upgrade head --sql
	offline "pg --sql downgrade" downgrade head:base --sql
else
	run alembic upgrade head
	expect_rc 0 "pg: upgrade head"
fi
expect_eq "$(pg_dump_schema ours)" \
	"alembic_version.version_num:varchar item.id:int4 item.s:status item.k:kind kind=x kind=y status=new status=done b2 " \
	"pg: both types, the columns of those types"

# without checkfirst, a create of a type that exists fails the step, rolled back
UP='    op.add_column("item", sa.Column("extra", sa.Integer(), nullable=True))
    sa.Enum("x", name="kind").create(op.get_bind(), checkfirst=False)'
DOWN='    pass'
ops_rev c3 b2 "create an existing type without checkfirst"
run alembic upgrade head
expect_rc 1 "pg: CREATE TYPE of an existing type"
expect_err_has "c3_x.py:20: upgrade b2 -> c3 failed: " "pg: the failure names the step"
expect_err_has 'type "kind" already exists' "pg: PostgreSQL's error"
expect_eq "$(pg_sql "${DB}_ours" "SELECT count(*) FROM information_schema.columns WHERE column_name = 'extra'")" "0 " \
	"pg: the failed revision's column rolled back"
pg_sql postgres "DROP DATABASE ${DB}_ours" >/dev/null
pg_sql postgres "DROP DATABASE ${DB}_py" >/dev/null
finish
