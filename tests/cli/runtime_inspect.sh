#!/bin/sh
# tests/cli/runtime_inspect.sh - revisions that inspect the live database
# (sa.inspect(bind), Inspector.from_engine, an inspection after operations
# of its own body, an inspector's cache, a reflected type passed on as
# existing_type, bind.engine), on SQLite files and on
# the PostgreSQL test cluster: a table created only if missing and a column
# added only if missing, run twice across downgrade and stamp; after every
# command the exit status, the log and the schema are compared with what
# Python Alembic 1.8.1 does on a copy of the same project (when the oracle
# is installed).  Also: --sql is refused at the inspection's file:line:col
# (Alembic crashes there), a refusal before the inspection fails before
# anything runs, and a failure after the body's own operations rolls them
# back.  Without $ALEMBIC_TEST_PG_URL the PostgreSQL part FAILS.
. "$(dirname "$0")/lib.sh"

# The project: a1 creates item if missing, b2 adds a column and an index if
# missing (Inspector.from_engine, comprehensions, a dict), c3 creates a table
# and inspects after it (a new inspector sees it; the first one's cache does not).
inspect_project() {
	mkdir -p migrations/versions
	UP='    insp = sa.inspect(op.get_bind())
    if "item" not in insp.get_table_names():
        op.create_table(
            "item",
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("name", sa.String(length=40), nullable=True),
            sa.PrimaryKeyConstraint("id"),
        )'
	DOWN='    insp = sa.inspect(op.get_bind())
    if insp.has_table("item"):
        op.drop_table("item")'
	ops_rev a1 "" "create item if missing"
	UP='    from sqlalchemy.engine.reflection import Inspector
    inspector = Inspector.from_engine(op.get_bind())
    columns = [c["name"] for c in inspector.get_columns("item")]
    if "note" not in columns:
        op.add_column("item", sa.Column("note", sa.String(length=50), nullable=True))
    names = [ix["name"] for ix in inspector.get_indexes("item")]
    if "ix_item_name" not in names and len(columns) >= 2:
        op.create_index("ix_item_name", "item", ["name"])
    nullable = {c["name"]: c["nullable"] for c in inspector.get_columns("item")}
    if not nullable["id"]:
        op.execute("INSERT INTO item (id, name) SELECT 1, '"'"'nn'"'"' WHERE NOT EXISTS (SELECT 1 FROM item WHERE id = 1)")'
	DOWN='    insp = sa.inspect(op.get_bind())
    if "ix_item_name" in [ix["name"] for ix in insp.get_indexes("item")]:
        op.drop_index("ix_item_name", table_name="item")
    op.execute("DELETE FROM item WHERE id = 1")'
	ops_rev b2 a1 "add note if missing"
	UP='    cached = sa.inspect(op.get_bind())
    before = cached.get_table_names()
    op.create_table("tag", sa.Column("id", sa.Integer(), primary_key=True))
    if "tag" in sa.inspect(op.get_bind()).get_table_names():
        op.create_index("ix_tag_id", "tag", ["id"])
    if "tag" not in cached.get_table_names():
        op.execute("INSERT INTO item (id, name) VALUES (%d, '"'"'cached'"'"')" % (len(before) + 10))
    for c in cached.get_columns("item"):
        if c["name"] == "note" and cached:
            op.alter_column("item", "note", new_column_name="memo", existing_type=c["type"],
                            existing_nullable=c["nullable"])'
	DOWN='    op.alter_column("item", "memo", new_column_name="note")
    op.execute("DELETE FROM item WHERE id >= 10")
    op.drop_index("ix_tag_id", table_name="tag")
    op.drop_table("tag")'
	ops_rev c3 b2 "tag table, then inspect"
}

# flow DUMP: the commands run twice across downgrade and stamp.
flow() {
	same_as_oracle "upgrade head" "$1" upgrade head
	same_as_oracle "downgrade base" "$1" downgrade base
	same_as_oracle "upgrade b2" "$1" upgrade b2
	same_as_oracle "stamp base (tables stay)" "$1" stamp base
	same_as_oracle "upgrade head again (a1, b2 find what they need)" "$1" upgrade head
	same_as_oracle "downgrade b2" "$1" downgrade b2
	same_as_oracle "upgrade head once more" "$1" upgrade head
}

# offline_refused: --sql stops at the inspection, as Alembic does (it crashes there).
offline_refused() {
	run alembic upgrade head --sql
	expect_rc 1 "$1 --sql: refused"
	expect_err_has "a1_x.py:19:12: inspecting the database (sa.inspect) needs the live database and cannot run in --sql mode (Alembic fails here too: 'MockConnection' object has no attribute 'close')" \
		"$1 --sql: file:line:col and why"
	if grep -q CREATE "$T_ROOT/.out"; then not_ok "$1 --sql: no statement printed"; else ok; fi
	if [ -n "$HAVE_ORACLE" ]; then
		cd ../py || exit 1
		run /usr/bin/python3 -m alembic -c py.ini upgrade head --sql
		cd - >/dev/null || exit 1
		expect_err_has "AttributeError: 'MockConnection' object has no attribute 'close'" \
			"$1 --sql: Alembic crashes at the same place"
	fi
}

# refusals DUMP ROWS: a bad call before an inspection fails before anything
# runs; an error after the body's own operations rolls them back.
refusals() {
	run alembic downgrade base
	UP='    op.execute("CREATE TABLE should_not_exist (id INTEGER)")
    op.add_column("item", sa.Column("x", sa.Integer()), nulable=False)
    sa.inspect(op.get_bind()).get_table_names()'
	DOWN='    pass'
	ops_rev d4 c3 "bad call"
	run alembic upgrade head
	expect_rc 1 "$1: a wrong keyword before the inspection"
	expect_err_has "d4_x.py:20:5: add_column() got an unexpected keyword argument 'nulable'" \
		"$1: refused at file:line:col"
	expect_eq "$(eval "$2")" "" "$1: nothing ran"
	UP='    op.create_table("zz", sa.Column("id", sa.Integer(), primary_key=True))
    insp = sa.inspect(op.get_bind())
    first = insp.get_columns("no_such_table")[0]'
	ops_rev d4 c3 "fails after its own operation"
	run alembic upgrade c3
	run alembic upgrade head
	expect_rc 1 "$1: an inspection failing at run time"
	expect_err_has "d4_x.py:21: upgrade c3 -> d4 failed: " "$1: the failure names the step"
	expect_eq "$(eval "$2" | tr '\n' ' ')" "c3 " "$1: the database stays at the last revision"
	rm migrations/versions/d4_x.py
}

HAVE_ORACLE=

# --- SQLite ------------------------------------------------------------------------
sqlite_project
inspect_project
if oracle_env; then
	HAVE_ORACLE=1
	sqlite_oracle_copy
	flow sqlite_dump_item
else
	echo "runtime_inspect: Python Alembic not installed; the comparison is skipped" >&2
	run alembic upgrade head
	expect_rc 0 "sqlite: upgrade head"
fi
expect_eq "$(sqlite3 ours.db 'SELECT name FROM item ORDER BY id' | tr '\n' ' ')" "nn cached " \
	"sqlite: the rows the conditions chose (c3's cached inspector did not see tag)"
offline_refused sqlite
refusals sqlite "sqlite3 ours.db 'SELECT version_num FROM alembic_version'"
# one transaction per revision: each body inspects inside its own
printf 'transaction_per_migration = true\n' >>alembic.ini
rm -f ours.db
run alembic upgrade head
expect_rc 0 "sqlite, transaction_per_migration: upgrade head"
expect_eq "$(sqlite3 ours.db 'SELECT name FROM item ORDER BY id' | tr '\n' ' ')" "nn cached " \
	"sqlite, transaction_per_migration: the same rows"

# --- PostgreSQL -----------------------------------------------------------------------
if [ -z "${ALEMBIC_TEST_PG_URL:-}" ] || [ -z "${ALEMBIC_TEST_PG_DIR:-}" ]; then
	not_ok "ALEMBIC_TEST_PG_URL / ALEMBIC_TEST_PG_DIR not set: run through tests/run (tests/pg.sh)"
	finish
	exit 1
fi
DB="insp_$$"
pg_dump_schema() {
	pg_sql "${DB}_$1" "SELECT string_agg(table_name || '.' || column_name || ':' || data_type || ':' || is_nullable, ' ' ORDER BY table_name, ordinal_position) FROM information_schema.columns WHERE table_schema = 'public'"
	pg_sql "${DB}_$1" "SELECT string_agg(indexname, ' ' ORDER BY indexname) FROM pg_indexes WHERE schemaname = 'public'"
	pg_sql "${DB}_$1" "SELECT string_agg(id || '=' || name, ' ' ORDER BY id) FROM item" 2>/dev/null
	pg_sql "${DB}_$1" "SELECT version_num FROM alembic_version"
}
pg_project "$DB"
inspect_project
if [ -n "$HAVE_ORACLE" ] && oracle_env; then
	pg_oracle_copy "$DB"
	flow pg_dump_schema
else
	run alembic upgrade head
	expect_rc 0 "pg: upgrade head"
fi
expect_eq "$(pg_sql "${DB}_ours" 'SELECT name FROM item ORDER BY id')" "nn cached " \
	"pg: the rows the conditions chose"
offline_refused pg
refusals pg "pg_sql ${DB}_ours 'SELECT version_num FROM alembic_version'"
expect_eq "$(pg_sql "${DB}_ours" "SELECT count(*) FROM pg_tables WHERE tablename = 'zz'")" "0 " \
	"pg: the failed revision's table rolled back"
# bind.engine is inspected on the run's connection too (differs: SQLAlchemy's
# engine inspector opens a second connection, which does not see this run's tables)
run alembic downgrade base
sed -i 's/sa.inspect(op.get_bind()).get_table_names()/sa.inspect(op.get_bind().engine).get_table_names()/' \
	migrations/versions/c3_x.py
run alembic upgrade head
expect_rc 0 "pg: bind.engine inspected"
expect_eq "$(pg_sql "${DB}_ours" "SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_tag_id'")" "1 " \
	"pg: bind.engine's inspector sees the table this revision created"
pg_sql postgres "DROP DATABASE ${DB}_ours" >/dev/null
pg_sql postgres "DROP DATABASE ${DB}_py" >/dev/null
finish
