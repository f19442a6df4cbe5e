#!/bin/sh
# tests/cli/runtime_reflect.sh - revisions that reflect tables from the live
# database (sa.Table(name, meta, autoload_with=bind), autoload=True with
# sa.MetaData(bind=bind), meta.tables[name], t.c.keys(), a reflected column's
# .type passed on as existing_type) and use them for op.bulk_insert,
# t.update().where(...).values(...) and t.delete(), on SQLite files and on the
# PostgreSQL test cluster; after every command the exit status, the log and
# the schema and rows are compared with what Python Alembic 1.8.1 does on a
# copy of the same project (when the oracle is installed).  Also: --sql is
# refused at the reflection's file:line:col (Alembic crashes there), a table
# the database lacks is NoSuchTableError and rolls the step back, and
# autoload=True without a bound MetaData is SQLAlchemy's UnboundExecutionError.
# Without $ALEMBIC_TEST_PG_URL the PostgreSQL part FAILS.
. "$(dirname "$0")/lib.sh"

# a1 creates item; b2 reflects it and fills it; c3 reflects it again through a
# bound MetaData and deletes a row; their downgrades reflect too.
reflect_project() {
	mkdir -p migrations/versions
	UP='    op.create_table(
        "item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=40), nullable=True),
        sa.Column("flag", sa.Boolean(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )'
	DOWN='    op.drop_table("item")'
	ops_rev a1 "" "create item"
	UP='    bind = op.get_bind()
    item = sa.Table("item", sa.MetaData(), autoload_with=bind)
    op.bulk_insert(item, [{"id": 1, "name": "a", "flag": True}, {"id": 2, "name": "b", "flag": False}])
    op.execute(item.update().where(item.c.id == 2).values(name="bb"))
    if "flag" in item.c.keys():
        op.execute(item.update().where(item.c.flag == False).values(flag=True))
    md = sa.MetaData()
    sa.Table("item", md, autoload=True, autoload_with=bind)
    op.bulk_insert(md.tables["item"], [{"id": 5, "name": "five", "flag": False}])
    name_type = md.tables["item"].c.name.type
    with op.batch_alter_table("item") as batch_op:
        batch_op.alter_column("name", existing_type=name_type, nullable=False)'
	DOWN='    item = sa.Table("item", sa.MetaData(), autoload_with=op.get_bind())
    op.execute(item.delete())
    with op.batch_alter_table("item") as batch_op:
        batch_op.alter_column("name", existing_type=item.c.name.type, nullable=True)'
	ops_rev b2 a1 "fill item through its reflection"
	UP='    meta = sa.MetaData(bind=op.get_bind())
    again = sa.Table("item", meta, autoload=True)
    op.execute(again.delete().where(again.c.name == "five"))
    op.add_column("item", sa.Column("note", sa.String(length=10), nullable=True))
    after = sa.Table("item", sa.MetaData(), autoload_with=op.get_bind())
    op.execute(after.update().values(note=str(len(after.c.keys()))))'
	DOWN='    op.drop_column("item", "note")
    op.bulk_insert(sa.Table("item", sa.MetaData(), autoload_with=op.get_bind()),
                   [{"id": 5, "name": "five", "flag": False}])'
	ops_rev c3 b2 "delete through a bound MetaData, reflect after an operation"
}

flow() {
	same_as_oracle "upgrade head" "$1" upgrade head
	same_as_oracle "downgrade b2" "$1" downgrade b2
	same_as_oracle "downgrade base" "$1" downgrade base
	same_as_oracle "upgrade head again" "$1" upgrade head
	same_as_oracle "downgrade a1" "$1" downgrade a1
	same_as_oracle "upgrade c3" "$1" upgrade c3
}

# offline_refused: --sql stops at the reflection, as Alembic does (it crashes there).
offline_refused() {
	run alembic upgrade a1:head --sql
	expect_rc 1 "$1 --sql: refused"
	expect_err_has "b2_x.py:20:12: inspecting the database (sa.Table(..., autoload_with=...)) needs the live database and cannot run in --sql mode (Alembic fails here too: 'MockConnection' object has no attribute 'close')" \
		"$1 --sql: file:line:col and why"
	if [ -n "$HAVE_ORACLE" ]; then
		cd ../py || exit 1
		run /usr/bin/python3 -m alembic -c py.ini upgrade a1:head --sql
		cd - >/dev/null || exit 1
		expect_err_has "AttributeError: 'MockConnection' object has no attribute 'close'" \
			"$1 --sql: Alembic crashes at the same place"
	fi
}

# refusals DUMP: a missing table and an unbound MetaData fail the step, rolled back.
refusals() {
	UP='    op.add_column("item", sa.Column("extra", sa.Integer(), nullable=True))
    sa.Table("no_such_table", sa.MetaData(), autoload_with=op.get_bind())'
	DOWN='    pass'
	ops_rev d4 c3 "reflect a missing table"
	run alembic upgrade head
	expect_rc 1 "$1: a missing table"
	expect_err_has "d4_x.py:20: upgrade c3 -> d4 failed: " "$1: the failure names the step"
	expect_err_has "sqlalchemy.exc.NoSuchTableError: no_such_table" "$1: NoSuchTableError, as SQLAlchemy's"
	expect_eq "$(eval "$2" | tr '\n' ' ')" "c3 " "$1: the database stays at the last revision"
	UP='    sa.Table("item", sa.MetaData(), autoload=True)'
	ops_rev d4 c3 "autoload without a bind"
	run alembic upgrade head
	expect_rc 1 "$1: autoload=True without a bound MetaData"
	expect_err_has "d4_x.py:19:5: sqlalchemy.exc.UnboundExecutionError: No engine is bound to this Table's MetaData." \
		"$1: UnboundExecutionError at file:line:col"
	rm migrations/versions/d4_x.py
}

HAVE_ORACLE=

# --- SQLite ------------------------------------------------------------------------
sqlite_project
reflect_project
if oracle_env; then
	HAVE_ORACLE=1
	sqlite_oracle_copy
	flow sqlite_dump_item
else
	echo "runtime_reflect: Python Alembic not installed; the comparison is skipped" >&2
	run alembic upgrade head
	expect_rc 0 "sqlite: upgrade head"
fi
expect_eq "$(sqlite3 ours.db 'SELECT id, name, flag, note FROM item ORDER BY id' | tr '\n' ' ')" "1|a|1|4 2|bb|1|4 " \
	"sqlite: the rows the reflected tables wrote"
offline_refused sqlite
refusals sqlite "sqlite3 ours.db 'SELECT version_num FROM alembic_version'"

# --- PostgreSQL -----------------------------------------------------------------------
if [ -z "${ALEMBIC_TEST_PG_URL:-}" ] || [ -z "${ALEMBIC_TEST_PG_DIR:-}" ]; then
	not_ok "ALEMBIC_TEST_PG_URL / ALEMBIC_TEST_PG_DIR not set: run through tests/run (tests/pg.sh)"
	finish
	exit 1
fi
DB="refl_$$"
pg_dump_schema() {
	pg_sql "${DB}_$1" "SELECT string_agg(table_name || '.' || column_name || ':' || data_type || ':' || is_nullable, ' ' ORDER BY table_name, ordinal_position) FROM information_schema.columns WHERE table_schema = 'public'"
	pg_sql "${DB}_$1" "SELECT string_agg(id || '=' || name || '/' || coalesce(flag::text, '-'), ' ' ORDER BY id) FROM item" 2>/dev/null
	pg_sql "${DB}_$1" "SELECT version_num FROM alembic_version"
}
pg_project "$DB"
reflect_project
if [ -n "$HAVE_ORACLE" ] && oracle_env; then
	pg_oracle_copy "$DB"
	flow pg_dump_schema
else
	run alembic upgrade head
	expect_rc 0 "pg: upgrade head"
fi
expect_eq "$(pg_sql "${DB}_ours" 'SELECT id, name, flag, note FROM item ORDER BY id')" "1|a|t|4 2|bb|t|4 " \
	"pg: the rows the reflected tables wrote"
offline_refused pg
refusals pg "pg_sql ${DB}_ours 'SELECT version_num FROM alembic_version'"
expect_eq "$(pg_sql "${DB}_ours" "SELECT count(*) FROM information_schema.columns WHERE column_name = 'extra'")" "0 " \
	"pg: the failed revision's column rolled back"
pg_sql postgres "DROP DATABASE ${DB}_ours" >/dev/null
pg_sql postgres "DROP DATABASE ${DB}_py" >/dev/null
finish
