#!/bin/sh
# tests/cli/autogen_schemas.sh - autogenerate and `check` on PostgreSQL over two schemas
# (public and sales, include_schemas on), with a model whose objects live in `sales` where the
# database has objects of the same names: a table, and an enum type given an explicit schema.
#   - A SQL model (`target_metadata = models/*.sql`, no env.py): its schemas are shadowed in the
#     rolled-back transaction, so `CREATE TABLE sales.orders` and `CREATE TYPE sales.status`
#     meet nothing live and are read back; autogenerate, upgrade (the row kept), check clean,
#     downgrade to the database as it was; the live schema untouched by autogenerate; the
#     default schema named (`public.users`); the model's own CREATE SCHEMA; a role that does
#     not own `sales`: refused at the statement's file:line, nothing written.
#   - A Python model (sa.Enum(..., schema='sales') on both schemas' tables, a new enum type in
#     sales): the same round trip; the Detected lines are Python Alembic 1.8.1's for the same
#     project and database, plus ours alone (the changed enum's values, which 1.8.1 ignores).
# Without $ALEMBIC_TEST_PG_URL this FAILS (never skips).
. "$(dirname "$0")/lib.sh"

PYALEMBIC="/usr/bin/python3 -m alembic"
# the project's Python is python3 on PATH: Debian's, which has SQLAlchemy
PATH=/usr/bin:$PATH
export PATH

sql() { pg "$DBNAME" "$1"; echo; }

# the database both models start from: a row in sales.orders, sales.status without 'y'
live_db() {
	DBNAME=$1
	pg postgres "CREATE DATABASE $DBNAME" >/dev/null
	sql "CREATE SCHEMA sales; CREATE TYPE sales.status AS ENUM ('x');
		CREATE TABLE users (id INTEGER PRIMARY KEY);
		CREATE TABLE sales.orders (id INTEGER PRIMARY KEY, legacy INTEGER);
		INSERT INTO sales.orders VALUES (1, 7)" >/dev/null
}

# the database as live_db made it (what a downgrade must give back)
live_shape() {
	sql "SELECT string_agg(x, ' ' ORDER BY x COLLATE \"C\") FROM (SELECT table_schema || '.' || table_name || '.' ||
		column_name || ':' || udt_schema || '.' || udt_name AS x FROM information_schema.columns
		WHERE table_schema IN ('public', 'sales') AND table_name <> 'alembic_version') AS c"
	sql "SELECT enum_range(NULL::sales.status)"
}

project() { # url: a fresh project on it
	new_project
	alembic init migrations >/dev/null
	sed -i -e "s|^sqlalchemy.url = .*|sqlalchemy.url = $(printf %s "$1" | sed 's/%/%%/g')|" alembic.ini
}

# --- a SQL model ----------------------------------------------------------------------------
sql_flow() {
	live_db autogen_schemas_sql_$$
	new_project
	alembic init -t sql migrations >/dev/null
	sed -i -e "s|^sqlalchemy.url = .*|sqlalchemy.url = $(printf %s "${ALEMBIC_TEST_PG_URL%/*}/$DBNAME" | sed 's/%/%%/g')|" alembic.ini
	sed -i -e 's|^sqlalchemy.url = .*|&\ntarget_metadata = models/*.sql\ninclude_schemas = true|' alembic.ini
	mkdir models
	cat >models/app.sql <<'EOF'
CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);
CREATE TYPE sales.status AS ENUM ('x', 'y');
CREATE TABLE sales.orders (
    id INTEGER PRIMARY KEY,
    user_id INTEGER REFERENCES users (id),
    st sales.status DEFAULT 'x'
);
CREATE INDEX ix_orders_user ON sales.orders (user_id);
CREATE TABLE sales.items (id INTEGER PRIMARY KEY, order_id INTEGER REFERENCES sales.orders (id));
COMMENT ON TABLE sales.items IS 'lines';
EOF
	before=$(live_shape)
	run alembic revision --autogenerate -m one --rev-id 0001one
	expect_rc 0 "sql model: autogenerate over sales"
	expect_err "sql model: the Detected lines (sales.orders and sales.status are the database's)" <<EOF
INFO  [alembic.runtime.migration] Context impl PostgresqlImpl.
INFO  [alembic.runtime.migration] Will assume transactional DDL.
INFO  [alembic.autogenerate.compare] Detected added table 'sales.items'
INFO  [alembic.autogenerate.compare] Detected added column 'users.name'
INFO  [alembic.autogenerate.compare] Detected added column 'sales.orders.user_id'
INFO  [alembic.autogenerate.compare] Detected added column 'sales.orders.st'
INFO  [alembic.autogenerate.compare] Detected added index 'ix_orders_user' on '['user_id']'
INFO  [alembic.autogenerate.compare] Detected added foreign key (user_id)(id) on table sales.orders
INFO  [alembic.autogenerate.compare] Detected removed column 'sales.orders.legacy'
INFO  [alembic.autogenerate.compare] Detected changed enum 'sales.status': values ['x'] to ['x', 'y']
UserWarning: verifying $P/migrations/versions/0001one_one.sql: statements that run outside a transaction were not tried
EOF
	f=migrations/versions/0001one_one.sql
	expect_eq "$(grep -c "^ALTER TABLE sales.orders ADD COLUMN st sales.status DEFAULT 'x'::sales.status;$" "$f")$(grep -c '^CREATE TABLE sales.orders' "$f")" \
		"10" "sql model: sales.orders altered, not created"
	expect_eq "$(grep -c "^ALTER TYPE sales.status ADD VALUE IF NOT EXISTS 'y';$" "$f")" 1 \
		"sql model: the value added to sales.status"
	expect_eq "$(live_shape)$(sql "SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'alembic_autogenerate%'")" \
		"${before}0 " "sql model: autogenerate left the database as it was"
	run alembic upgrade head
	expect_rc 0 "sql model: upgrade"
	expect_eq "$(sql "SELECT id, st FROM sales.orders")$(sql "SELECT obj_description('sales.items'::regclass)")" \
		"1|x lines " "sql model: the row kept, the comment made"
	run alembic check
	expect_rc 0 "sql model: check is clean after the upgrade"
	expect_out "sql model: nothing to do" <<'EOF'
No new upgrade operations detected.
EOF
	run alembic downgrade base
	expect_rc 0 "sql model: downgrade"
	expect_eq "$(live_shape)" "$before" "sql model: the downgrade gives the database back"
	# the live default schema named, and the model's own CREATE SCHEMA
	run alembic upgrade head
	sed -i -e 's/^CREATE TABLE users /CREATE TABLE public.users /' \
		-e '1i CREATE SCHEMA IF NOT EXISTS sales;' models/app.sql
	run alembic check
	expect_rc 0 "sql model: public.users and CREATE SCHEMA sales: check is clean"
	expect_out "sql model: public.users is the default schema's users" <<'EOF'
No new upgrade operations detected.
EOF
	sed -i -e '1s/.*/CREATE SCHEMA audit;/' models/app.sql
	echo 'CREATE TABLE audit.log (id INTEGER PRIMARY KEY);' >>models/app.sql
	run alembic check
	expect_rc 255 "sql model: a schema the model creates"
	expect_err_has "Detected added table 'audit.log'" "sql model: its table read back"
	sed -i -e '1d' -e '$d' -e 's/^CREATE TABLE public.users /CREATE TABLE users /' models/app.sql
	printf 'SET search_path TO sales;\nCREATE TABLE extra (id INTEGER);\n' >models/zz.sql
	run alembic check
	expect_rc 1 "sql model: SET search_path refused"
	expect_err_has "ERROR: $P/models/zz.sql:1: a SQL model cannot set search_path: autogenerate creates the model in a copy of its own (name the schema in each CREATE instead: CREATE TABLE sales.orders ...)" \
		"sql model: SET search_path: at its file:line"
	rm models/zz.sql
	# the default schema qualified only in a reference: the model's users, not the live one
	sed -i -e 's/REFERENCES users (id)/REFERENCES public.users (id)/' models/app.sql
	sql "ALTER TABLE sales.orders DROP CONSTRAINT orders_user_id_fkey; ALTER TABLE users RENAME TO people;
		CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);
		ALTER TABLE sales.orders ADD CONSTRAINT orders_user_id_fkey FOREIGN KEY (user_id) REFERENCES people (id)" >/dev/null
	run alembic check
	expect_rc 255 "sql model: REFERENCES public.users: the model's users"
	expect_out "sql model: REFERENCES public.users: the foreign key moves to the model's users" <<'EOF'
FAILED: New upgrade operations detected:
  Detected removed table 'people'
  Detected removed foreign key (user_id)(id) on table sales.orders
  Detected added foreign key (user_id)(id) on table sales.orders
EOF
	sql "ALTER TABLE sales.orders DROP CONSTRAINT orders_user_id_fkey; DROP TABLE users; ALTER TABLE people RENAME TO users;
		ALTER TABLE sales.orders ADD CONSTRAINT orders_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id)" >/dev/null
	run alembic check
	expect_rc 0 "sql model: REFERENCES public.users: check is clean again"
	# a live object of a shadowed schema is not the model's
	sql "CREATE FUNCTION sales.one() RETURNS INTEGER AS 'SELECT 1' LANGUAGE sql" >/dev/null
	echo 'CREATE TABLE sales.more (n INTEGER DEFAULT sales.one());' >models/zz.sql
	run alembic check
	expect_rc 1 "sql model: a live function of a shadowed schema"
	expect_err_has "ERROR: $P/models/zz.sql:1: function sales.one() does not exist (autogenerate creates the model in empty copies of schema sales, public: there it sees only the model's own objects)" \
		"sql model: a live function of a shadowed schema: said why"
	rm models/zz.sql
	# a role that does not own sales
	low=autogen_schemas_low_$$
	pg postgres "DROP ROLE IF EXISTS $low" >/dev/null
	pg postgres "CREATE ROLE $low LOGIN" >/dev/null
	sql "GRANT CREATE ON DATABASE $DBNAME TO $low; GRANT USAGE ON SCHEMA sales TO $low;
		GRANT SELECT ON ALL TABLES IN SCHEMA public TO $low" >/dev/null
	sed -i -e "s|^sqlalchemy.url = .*|sqlalchemy.url = postgresql://$low@/$DBNAME?host=$ALEMBIC_TEST_PG_DIR\&port=$ALEMBIC_TEST_PG_PORT|" \
		alembic.ini
	run alembic revision --autogenerate -m two --rev-id 0002two
	expect_rc 1 "sql model: a role that does not own sales: refused"
	expect_err_has "ERROR: $P/models/app.sql:2: the SQL model creates objects in schema sales: autogenerate creates them in an empty schema of that name, renaming the live one inside a transaction it rolls back, so the role must own schema sales: must be owner of schema sales" \
		"sql model: the refusal at the statement naming the schema first"
	expect_eq "$(ls migrations/versions)" "0001one_one.sql" "sql model: refused: nothing written"
	pg postgres "REASSIGN OWNED BY $low TO alembic_test; DROP OWNED BY $low" >/dev/null
}

# --- a SQL model as pg_dump writes one (everything qualified, search_path emptied by
# set_config): the same round trip -------------------------------------------------------------
sql_dump_flow() {
	live_db autogen_schemas_dump_$$
	new_project
	alembic init -t sql migrations >/dev/null
	sed -i -e "s|^sqlalchemy.url = .*|sqlalchemy.url = $(printf %s "${ALEMBIC_TEST_PG_URL%/*}/$DBNAME" | sed 's/%/%%/g')\ntarget_metadata = models/*.sql\ninclude_schemas = true|" alembic.ini
	mkdir models
	cat >models/dump.sql <<'EOF'
SET statement_timeout = 0;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
CREATE TYPE sales.status AS ENUM ('x', 'y');
CREATE TABLE public.users (
    id integer NOT NULL,
    name text
);
CREATE TABLE sales.orders (
    id integer NOT NULL,
    user_id integer,
    st sales.status
);
ALTER TABLE ONLY public.users ADD CONSTRAINT users_pkey PRIMARY KEY (id);
ALTER TABLE ONLY sales.orders ADD CONSTRAINT orders_pkey PRIMARY KEY (id);
ALTER TABLE ONLY sales.orders
    ADD CONSTRAINT orders_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id);
EOF
	before=$(live_shape)
	run alembic revision --autogenerate -m dump --rev-id 0001dump
	expect_rc 0 "pg_dump model: autogenerate"
	expect_eq "$(grep -c Detected "$T_ROOT/.err")$(grep -c 'CREATE TABLE' migrations/versions/0001dump_dump.sql)" \
		"60" "pg_dump model: the six changes, no table created"
	run alembic upgrade head
	expect_rc 0 "pg_dump model: upgrade"
	run alembic check
	expect_rc 0 "pg_dump model: check is clean"
	run alembic downgrade base
	expect_rc 0 "pg_dump model: downgrade"
	expect_eq "$(live_shape)" "$before" "pg_dump model: the database as it was"
}

# --- a Python model ---------------------------------------------------------------------------
py_flow() {
	live_db autogen_schemas_py_$$
	project "${ALEMBIC_TEST_PG_URL%/*}/$DBNAME"
	cat >models.py <<'PY'
import sqlalchemy as sa

metadata = sa.MetaData()
status = sa.Enum("x", "y", name="status", schema="sales")
sa.Table("users", metadata, sa.Column("id", sa.Integer, primary_key=True),
         sa.Column("st", status))
sa.Table("orders", metadata, sa.Column("id", sa.Integer, primary_key=True),
         sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id")),
         sa.Column("st", status, server_default="x"),
         sa.Column("prio", sa.Enum("p", "q", name="prio", schema="sales")), schema="sales")
sa.Table("items", metadata, sa.Column("id", sa.Integer, primary_key=True),
         sa.Column("order_id", sa.Integer, sa.ForeignKey("sales.orders.id")), schema="sales")
PY
	sed -i -e 's/^target_metadata = None$/from models import metadata as target_metadata/' \
		-e 's/^            connection=connection, target_metadata=target_metadata$/&, include_schemas=True/' \
		migrations/env.py
	before=$(live_shape)
	# Python Alembic on a copy of the project (it only reads the database)
	pg_py_copy "$T_ROOT/py_model"
	(cd "$T_ROOT/py_model" &&
		$PYALEMBIC revision --autogenerate -m one --rev-id 0001one >/dev/null 2>"$T_ROOT/py.err")
	expect_eq "$?" 0 "python model: Python Alembic autogenerates"
	run alembic revision --autogenerate -m one --rev-id 0001one
	expect_rc 0 "python model: autogenerate (sales.status exists: no clash in the scratch copy)"
	grep Detected "$T_ROOT/py.err" >"$T_ROOT/py.detected"
	echo "INFO  [alembic.autogenerate.compare] Detected changed enum 'sales.status': values ['x'] to ['x', 'y']" \
		>>"$T_ROOT/py.detected"
	if grep Detected "$T_ROOT/.err" | cmp -s - "$T_ROOT/py.detected"; then ok; else
		not_ok "python model: the Detected lines are Python Alembic's (plus the changed enum)"
		grep Detected "$T_ROOT/.err" | diff "$T_ROOT/py.detected" - >&2
	fi
	f=migrations/versions/0001one_one.py
	expect_eq "$(grep -c "^    op.execute(\"CREATE TYPE sales.prio AS ENUM ('p', 'q')\")$" "$f")$(grep -c "^    op.execute('DROP TYPE sales.prio')$" "$f")" \
		"11" "python model: the new type of sales made before its column, dropped after it"
	expect_eq "$(live_shape)" "$before" "python model: autogenerate left the database as it was"
	run alembic upgrade head
	expect_rc 0 "python model: upgrade"
	expect_eq "$(sql "SELECT id, st, prio FROM sales.orders")$(sql "SELECT enum_range(NULL::sales.prio)")" \
		"1|x| {p,q} " "python model: the row kept, the new type there"
	run alembic check
	expect_rc 0 "python model: check is clean after the upgrade"
	run alembic downgrade base
	expect_rc 0 "python model: downgrade"
	expect_eq "$(live_shape)$(sql "SELECT count(*) FROM pg_type WHERE typname = 'prio'")" \
		"${before}0 " "python model: the downgrade gives the database back"
	# Python Alembic runs our file both ways
	cp "$f" "$T_ROOT/py_model/migrations/versions/"
	rm -f "$T_ROOT/py_model/migrations/versions/0001one_one.py.orig"
	(cd "$T_ROOT/py_model" && $PYALEMBIC upgrade head >/dev/null 2>&1 && $PYALEMBIC downgrade base >/dev/null 2>&1)
	expect_eq "$?$(live_shape)" "0$before" "python model: Python Alembic runs our file up and down"
}

# --- a Python model naming the default schema for its enum type (sa.Enum(..., schema='public')):
# the database's `mood`, nothing to do, as Python Alembic finds ------------------------------------
py_default_enum_flow() {
	DBNAME=autogen_schemas_dflt_$$
	pg postgres "CREATE DATABASE $DBNAME" >/dev/null
	sql "CREATE TYPE mood AS ENUM ('x'); CREATE TABLE t1 (id INTEGER PRIMARY KEY, m mood)" >/dev/null
	project "${ALEMBIC_TEST_PG_URL%/*}/$DBNAME"
	cat >models.py <<'PY'
import sqlalchemy as sa

metadata = sa.MetaData()
sa.Table("t1", metadata, sa.Column("id", sa.Integer, primary_key=True),
         sa.Column("m", sa.Enum("x", name="mood", schema="public")))
PY
	sed -i -e 's/^target_metadata = None$/from models import metadata as target_metadata/' \
		-e 's/^            connection=connection, target_metadata=target_metadata$/&, include_schemas=True/' \
		migrations/env.py
	run alembic check
	expect_rc 0 "enum of schema='public': check is clean (the scratch copy makes it in the default schema's place)"
	pg_py_copy "$T_ROOT/py_dflt"
	(cd "$T_ROOT/py_dflt" &&
		$PYALEMBIC revision --autogenerate -m same --rev-id 0001same >/dev/null 2>&1)
	expect_eq "$(grep -c '^    pass$' "$T_ROOT/py_dflt/migrations/versions/0001same_same.py" 2>/dev/null)" 2 \
		"enum of schema='public': Python Alembic writes pass too"
}

if [ -z "${ALEMBIC_TEST_PG_URL:-}" ] || [ -z "${ALEMBIC_TEST_PG_DIR:-}" ]; then
	not_ok "ALEMBIC_TEST_PG_URL / ALEMBIC_TEST_PG_DIR not set: run through tests/run (tests/pg.sh)"
else
	. "$TESTS_TOP/tests/pg_lib.sh"
	sql_flow
	sql_dump_flow
	py_flow
	py_default_enum_flow
fi
finish
