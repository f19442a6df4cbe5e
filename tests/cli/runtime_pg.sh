#!/bin/sh
# tests/cli/runtime_pg.sh - the runtime against the PostgreSQL cluster that
# tests/run starts (tests/pg.sh): flows, the version table as Alembic keeps
# it (taken over from an Alembic-made table), one transaction per run,
# fault tests (failing statement, SIGKILL mid-upgrade, wrong password,
# unreachable server, migration lock timeout) and ten concurrent
# `upgrade head`.  Without $ALEMBIC_TEST_PG_URL this test FAILS: it never
# skips.  Each scenario uses a database of its own.
RT_HELPERS_ONLY=1 . "$(dirname "$0")/runtime_sqlite.sh"

if [ -z "${ALEMBIC_TEST_PG_URL:-}" ] || [ -z "${ALEMBIC_TEST_PG_DIR:-}" ]; then
	not_ok "ALEMBIC_TEST_PG_URL / ALEMBIC_TEST_PG_DIR not set: run through tests/run (tests/pg.sh)"
	finish
	exit 1
fi

. "$TESTS_TOP/tests/pg_lib.sh"

# --- linear flow ----------------------------------------------------------------------
pg_project
rt_rev r1 "" "create account" "CREATE TABLE account (id SERIAL PRIMARY KEY, name VARCHAR(50) NOT NULL);" \
	"DROP TABLE account;"
rt_rev r2 "r1" "add a column" "ALTER TABLE account ADD COLUMN last TIMESTAMP WITHOUT TIME ZONE;" \
	"ALTER TABLE account DROP COLUMN last;"
rt_rev r3 "r2" "third" "INSERT INTO account (id, name) VALUES (1, 'x');" \
	"DELETE FROM account WHERE id = 1;"
run alembic upgrade head
expect_rc 0 "upgrade head"
expect_err "upgrade head log lines" <<'EOF'
INFO  [alembic.runtime.migration] Context impl PostgresqlImpl.
INFO  [alembic.runtime.migration] Will assume transactional DDL.
INFO  [alembic.runtime.migration] Running upgrade  -> r1, create account
INFO  [alembic.runtime.migration] Running upgrade r1 -> r2, add a column
INFO  [alembic.runtime.migration] Running upgrade r2 -> r3, third
EOF
expect_eq "$(rows)" "r3 " "row at head"
expect_eq "$(pg "$DB" "SELECT column_name, data_type, character_maximum_length, is_nullable FROM information_schema.columns WHERE table_name = 'alembic_version'")" \
	"version_num|character varying|32|NO " "version_num VARCHAR(32) NOT NULL"
expect_eq "$(pg "$DB" "SELECT conname, contype FROM pg_constraint WHERE conrelid = 'alembic_version'::regclass")" \
	"alembic_version_pkc|p " "primary key alembic_version_pkc"
run alembic current -v
expect_out_has "Current revision(s) for ${URL%%:s3cret*}:XXXXX@" "current -v masks the password"
if grep -q 's3cret' "$T_ROOT/.out" "$T_ROOT/.err"; then not_ok "password printed"; else ok; fi
run alembic downgrade -2
expect_eq "$(rows)" "r1 " "downgrade -2"
run alembic downgrade base
expect_eq "$(rows)" "" "downgrade base leaves no row"
expect_eq "$(tables)" "alembic_version " "and keeps the table"

# --- a unix-socket URL, a schema-qualified custom version table ----------------------
pg_project
pg "$DB" "CREATE SCHEMA audit" >/dev/null
cat >alembic.ini <<EOF
[alembic]
script_location = migrations
sqlalchemy.url = postgresql+psycopg2://alembic_test@/$DB?host=$ALEMBIC_TEST_PG_DIR&port=$ALEMBIC_TEST_PG_PORT
version_table = My_versions
version_table_schema = audit
EOF
rt_rev s1 "" "s1" "CREATE TABLE s1 (a int);" "DROP TABLE s1;"
rt_rev s2 "s1" "s2" "CREATE TABLE s2 (a int);" "DROP TABLE s2;"
run alembic upgrade head
expect_rc 0 "upgrade over a unix socket"
expect_eq "$(pg "$DB" 'SELECT version_num FROM audit."My_versions"')" "s2 " "custom version table"
run alembic current
expect_out "current reads the custom table" <<'EOF'
s2 (head)
EOF
sockhost=$(printf '%s' "$ALEMBIC_TEST_PG_DIR" | sed 's|/|%%2F|g')
sed -i "s|^sqlalchemy.url = .*|sqlalchemy.url = postgresql://alembic_test@$sockhost:$ALEMBIC_TEST_PG_PORT/$DB|" alembic.ini
run alembic current
expect_out "a percent-encoded socket directory as the host" <<'EOF'
s2 (head)
EOF

# --- a database migrated by Python Alembic is taken over (same table, same rows) ------
pg_project
pg "$DB" "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)); CREATE TABLE t1 (a int); INSERT INTO alembic_version (version_num) VALUES ('t1')" >/dev/null
rt_rev t1 "" "t1" "CREATE TABLE t1 (a int);" "DROP TABLE t1;"
rt_rev t2 "t1" "t2" "CREATE TABLE t2 (a int);" "DROP TABLE t2;"
run alembic upgrade head
expect_err_has "Running upgrade t1 -> t2, t2" "continues from Alembic's row"
expect_eq "$(rows)" "t2 " "row updated in place"

# --- ... and back: Python Alembic continues from our row (needs python3-alembic and
# python3-psycopg2; without them this part is not run) ----------------------------------
if /usr/bin/python3 -c 'import alembic, psycopg2' 2>/dev/null; then
	mkdir -p pyinit
	(cd pyinit && /usr/bin/python3 -m alembic init migrations >/dev/null)
	cp pyinit/migrations/env.py migrations/
	for n in 1 2 3; do
		cat >migrations/versions/t$n.py <<EOF
"""t$n"""
from alembic import op

revision = 't$n'
down_revision = $([ $n = 1 ] && echo None || echo "'t$((n - 1))'")


def upgrade():
    op.execute("CREATE TABLE IF NOT EXISTS t$n (a int)")


def downgrade():
    op.execute("DROP TABLE t$n")
EOF
	done
	rm migrations/versions/t1.sql migrations/versions/t2.sql
	sed "s|^script_location = .*|script_location = migrations|; s|^sqlalchemy.url = .*|sqlalchemy.url = $(printf '%s' "$URL" | sed 's/%/%%/g')|" \
		pyinit/alembic.ini >py.ini
	run /usr/bin/python3 -m alembic -c py.ini upgrade head
	expect_rc 0 "Python Alembic continues after us"
	expect_err_has "Running upgrade t2 -> t3, t3" "from our row"
	run alembic downgrade t1
	expect_rc 0 "and we downgrade after Python"
	expect_eq "$(rows)" "t1 " "one consistent row throughout"
else
	echo "note: python3-alembic / python3-psycopg2 not installed: Alembic round trip not run" >&2
fi

# --- a failing statement in the middle: everything rolled back ------------------------
pg_project
rt_rev f1 "" "f1" "CREATE TABLE t1 (a int);" "DROP TABLE t1;"
rt_rev f2 "f1" "f2" "CREATE TABLE t2 (a int);
INSERT INTO t1 VALUES (1);
SELECT * FROM no_such_table;" "DROP TABLE t2;"
rt_rev f3 "f2" "f3" "CREATE TABLE t3 (a int);" "DROP TABLE t3;"
run alembic upgrade head
expect_rc 1 "failing migration"
expect_err_has "ERROR: $P/migrations/versions/f2.sql:10: upgrade f1 -> f2 failed: relation \"no_such_table\" does not exist (rolled back; the database is at base)" \
	"failure names file:line, revision and the server's message"
expect_eq "$(tables)" "" "nothing left, not even alembic_version"
printf 'transaction_per_migration = true\n' >>alembic.ini
run alembic upgrade head
expect_rc 1 "failing migration per revision"
expect_eq "$(rows)" "f1 " "f1 committed"
expect_eq "$(tables)" "alembic_version t1 " "f2 rolled back"
rt_rev f2 "f1" "f2" "CREATE TABLE t2 (a int);
INSERT INTO t1 VALUES (1);
INSERT INTO t1 VALUES (1), (1);" "DROP TABLE t2;"
pg "$DB" "CREATE UNIQUE INDEX t1_a ON t1 (a)" >/dev/null
run alembic upgrade head
expect_err_has "duplicate key value violates unique constraint \"t1_a\"" "server message"
expect_err_has "DETAIL:  Key (a)=(1) already exists." "server DETAIL"

# --- statements that must run outside a transaction ---------------------------------
pg_project
rt_rev i1 "" "i1" "CREATE TABLE big (a int);
CREATE TYPE mood AS ENUM ('ok');" "DROP TABLE big; DROP TYPE mood;"
rt_rev i2 "i1" "i2" "ALTER TYPE mood ADD VALUE 'sad';
-- migrate:autocommit
CREATE INDEX CONCURRENTLY big_a ON big (a);
-- migrate:end-autocommit
INSERT INTO big VALUES (1);" "DROP INDEX big_a;"
{
	printf -- '-- i3\n--\n-- Revision ID: i3\n-- Revises: i2\n-- migrate:no-transaction\n'
	printf -- '-- migrate:upgrade\nCREATE INDEX CONCURRENTLY big_a2 ON big (a);\n'
	printf -- '-- migrate:downgrade\nDROP INDEX CONCURRENTLY big_a2;\n'
} >migrations/versions/i3.sql
run alembic upgrade head
expect_rc 0 "CREATE INDEX CONCURRENTLY outside the transaction"
expect_eq "$(pg "$DB" "SELECT indexname FROM pg_indexes WHERE tablename = 'big' ORDER BY 1")" \
	"big_a big_a2 " "both indexes built"
expect_eq "$(rows)" "i3 " "at head"
run alembic downgrade i1
expect_rc 0 "downgrade through a no-transaction revision"
expect_eq "$(pg "$DB" "SELECT count(*) FROM pg_indexes WHERE tablename = 'big'")" "0 " "indexes dropped"

# --- a table locked by another session: the statement gives up after lock_timeout ----
pg_project "lock_timeout = 0.5"
rt_rev o1 "" "o1" "CREATE TABLE account (a int);" "DROP TABLE account;"
rt_rev o2 "o1" "o2" "ALTER TABLE account ADD COLUMN b int;" "ALTER TABLE account DROP COLUMN b;"
run alembic upgrade o1
"$ALEMBIC_TEST_PG_BIN/psql" -X -q -h "$ALEMBIC_TEST_PG_DIR" -p "$ALEMBIC_TEST_PG_PORT" -U alembic_test \
	-d "$DB" -c "BEGIN; LOCK TABLE account IN ACCESS EXCLUSIVE MODE; SELECT pg_sleep(30);" \
	>/dev/null 2>&1 &
holder=$!
i=0
while [ -z "$(pg "$DB" "SELECT 1 FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE c.relname = 'account' AND l.mode = 'AccessExclusiveLock' AND l.granted")" ]; do
	i=$((i + 1))
	[ $i -lt 100 ] || break
	sleep 0.1
done
run alembic upgrade head
expect_rc 1 "table locked by another writer"
expect_err_has "upgrade o1 -> o2 failed: canceling statement due to lock timeout (rolled back; the database is at o1)" \
	"lock wait message"
pg "$DB" "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE '%pg_sleep%' AND pid <> pg_backend_pid()" >/dev/null
wait $holder 2>/dev/null
expect_eq "$(rows)" "o1 " "rows unchanged"
run alembic upgrade head
expect_eq "$(rows)" "o2 " "proceeds once the lock is gone"

# --- a revision id longer than VARCHAR(32): the version row write fails, nothing stays --
pg_project
rt_rev l1 "" "l1" "CREATE TABLE l1 (a int);" "DROP TABLE l1;"
rt_rev abcdefghijabcdefghijabcdefghij123 "l1" "long" "CREATE TABLE l2 (a int);" "DROP TABLE l2;"
run alembic upgrade head
expect_rc 1 "33-character revision id"
expect_err_has "abcdefghijabcdefghijabcdefghij123.sql: upgrade l1 -> abcdefghijabcdefghijabcdefghij123 failed: writing alembic_version: value too long for type character varying(32) (rolled back; the database is at base)" \
	"version row failure message"
expect_eq "$(tables)" "" "nothing applied"

# --- SIGKILL in the middle of an upgrade ---------------------------------------------
pg_project "lock_timeout = 20"
rt_rev k1 "" "k1" "CREATE TABLE k1 (a int);" "DROP TABLE k1;"
rt_rev k2 "k1" "k2" "CREATE TABLE half (a int);
INSERT INTO half VALUES (1);
SELECT pg_sleep(30);" "DROP TABLE half;"
"$ALEMBIC_BIN" upgrade head >kill.out 2>kill.err &
pid=$!
if rt_wait_for kill.err "Running upgrade k1 -> k2"; then ok; else not_ok "upgrade reached k2"; fi
sleep 0.5
kill -9 $pid
wait $pid 2>/dev/null
i=0 # the server notices the dead client when pg_sleep ends or the socket is polled
while [ -n "$(pg "$DB" "SELECT 1 FROM pg_stat_activity WHERE query LIKE '%pg_sleep%' AND pid <> pg_backend_pid()")" ]; do
	pg "$DB" "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE '%pg_sleep%' AND pid <> pg_backend_pid()" >/dev/null
	i=$((i + 1))
	[ $i -lt 50 ] || break
	sleep 0.1
done
expect_eq "$(tables)" "" "killed upgrade: nothing half-applied"
rt_rev k2 "k1" "k2" "CREATE TABLE half (a int);" "DROP TABLE half;"
run alembic upgrade head
expect_rc 0 "the lock died with the killed session: a new run proceeds"
expect_eq "$(rows)" "k2 " "resumed to head"

# --- wrong password, unreachable server ---------------------------------------------
pg_project
rt_rev p1 "" "p1" "SELECT 1;" "SELECT 1;"
sed -i "s|^sqlalchemy.url = .*|sqlalchemy.url = postgresql://alembic_test:N0tThe%%20Pw@127.0.0.1:$ALEMBIC_TEST_PG_PORT/$DB|" alembic.ini
run alembic upgrade head
expect_rc 1 "wrong password"
expect_err_has "password authentication failed for user \"alembic_test\"" "wrong password message"
if grep -q 'N0tThe' "$T_ROOT/.out" "$T_ROOT/.err"; then not_ok "password printed"; else ok; fi
run alembic current -v
expect_rc 1 "current with a wrong password"
if grep -q 'N0tThe' "$T_ROOT/.out" "$T_ROOT/.err"; then not_ok "password printed by current"; else ok; fi
sed -i "s|^sqlalchemy.url = .*|sqlalchemy.url = postgresql://alembic_test:N0tThe%%20Pw@127.0.0.1:1/$DB?connect_timeout=3|" alembic.ini
run alembic upgrade head
expect_rc 1 "unreachable server"
expect_err_has "Connection refused" "unreachable server message"
if grep -q 'N0tThe' "$T_ROOT/.out" "$T_ROOT/.err"; then not_ok "password printed"; else ok; fi

# --- the migration lock: timeout, then ten concurrent runs ----------------------------
pg_project "lock_timeout = 0.3"
rt_rev w1 "" "w1" "SELECT pg_sleep(30);" "SELECT 1;"
"$ALEMBIC_BIN" upgrade head >slow.out 2>slow.err &
slow=$!
rt_wait_for slow.err "Running upgrade  -> w1" || not_ok "slow run reached w1"
run alembic upgrade head
expect_rc 1 "migration lock timeout"
expect_err_has "Timed out after 300 ms waiting for the migration lock on alembic_version" \
	"lock timeout message"
kill -9 $slow
wait $slow 2>/dev/null
pg "$DB" "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE '%pg_sleep%' AND pid <> pg_backend_pid()" >/dev/null

pg_project "lock_timeout = 60"
rt_ran_revs
expect_eq "$(rt_parallel_upgrade 10)" "0" "every concurrent process exits 0"
expect_eq "$(pg "$DB" 'SELECT count(*), count(DISTINCT rev) FROM ran')" "6|6 " \
	"each revision ran exactly once"
expect_eq "$(cat par*.err | grep -c 'Running upgrade')" "6" "six steps logged in all"
expect_eq "$(rows)" "c6 " "final state"

# --- stamp on PostgreSQL (RETURNING insert, rowcount checks) ---------------------------
run alembic stamp base
expect_eq "$(rows)" "" "stamp base"
run alembic stamp c3
expect_eq "$(rows)" "c3 " "stamp inserts"
pg "$DB" "UPDATE alembic_version SET version_num = 'c2'" >/dev/null
run alembic stamp --purge c6
expect_eq "$(rows)" "c6 " "stamp --purge"

finish
