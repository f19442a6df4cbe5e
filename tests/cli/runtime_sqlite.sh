#!/bin/sh
# tests/cli/runtime_sqlite.sh - the runtime on real SQLite files: upgrade /
# downgrade / stamp / current flows over branches and merges, Python
# op.execute revisions, and the fault tests (a failing statement in the
# middle of a multi-revision upgrade, SIGKILL mid-upgrade, a database locked
# by another writer, the migration lock timing out, ten concurrent
# `upgrade head`).  Each fault ends with the database at a consistent
# revision.  Offline output is in runtime_offline.sh, PostgreSQL in
# runtime_pg.sh (which sources the helpers below with RT_HELPERS_ONLY=1).
. "$(dirname "$0")/lib.sh"

# rt_project URL [INI LINE...]: fresh project with an alembic.ini and an
# empty versions directory ('%' in the URL doubled for ConfigParser).
rt_project() {
	new_project
	mkdir -p migrations/versions
	{
		printf '[alembic]\nscript_location = migrations\nsqlalchemy.url = %s\n' \
			"$(printf '%s' "$1" | sed 's/%/%%/g')"
		shift
		for l in "$@"; do printf '%s\n' "$l"; done
	} >alembic.ini
}

# rt_rev ID "PARENT, PARENT" MESSAGE UPGRADE-SQL DOWNGRADE-SQL: a native revision.
rt_rev() {
	{
		printf -- '-- %s\n--\n-- Revision ID: %s\n-- Revises: %s\n' "$3" "$1" "$2"
		printf -- '-- Create Date: 2026-01-01 00:00:00.000000\n\n'
		printf -- '-- migrate:upgrade\n%s\n\n-- migrate:downgrade\n%s\n' "$4" "$5"
	} >"migrations/versions/$1.sql"
}

# rt_wait_for FILE TEXT: waits (bounded, 20 s) until FILE contains TEXT.
rt_wait_for() {
	i=0
	while ! grep -qF -- "$2" "$1" 2>/dev/null; do
		i=$((i + 1))
		[ $i -lt 200 ] || return 1
		sleep 0.1
	done
}

# p12 URL: the reference's project p12 (§10.1b): two op.execute revisions
p12() {
	rt_project "$1"
	cat >migrations/versions/a1b2c3d4e5f6_create_log.py <<'EOF'
"""create log

Revision ID: a1b2c3d4e5f6
Revises:
Create Date: 2026-11-24 00:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

revision = 'a1b2c3d4e5f6'
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute("CREATE TABLE log (id INTEGER PRIMARY KEY, msg TEXT)")


def downgrade():
    op.execute("DROP TABLE log")
EOF
	cat >migrations/versions/0f1e2d3c4b5a_seed_log.py <<'EOF'
"""seed log

Revision ID: 0f1e2d3c4b5a
Revises: a1b2c3d4e5f6
Create Date: 2026-11-24 00:00:01.000000

"""
from alembic import op
import sqlalchemy as sa

revision = '0f1e2d3c4b5a'
down_revision = 'a1b2c3d4e5f6'
branch_labels = None
depends_on = None


def upgrade():
    op.execute(sa.text("INSERT INTO log (msg) VALUES ('hello')"))


def downgrade():
    op.execute("DELETE FROM log WHERE msg = 'hello'")
EOF
}

# rt_ran_revs: revisions c1..c6, each recording its id in table "ran" (so a
# revision that runs twice shows up as a duplicate row).
rt_ran_revs() {
	rt_rev c1 "" "c1" "CREATE TABLE ran (rev TEXT); INSERT INTO ran VALUES ('c1');" "DROP TABLE ran;"
	for n in 2 3 4 5 6; do
		rt_rev c$n "c$((n - 1))" "c$n" "INSERT INTO ran VALUES ('c$n');" \
			"DELETE FROM ran WHERE rev = 'c$n';"
	done
}

# rt_parallel_upgrade N: starts N `upgrade head` at once (output in parK.out /
# parK.err) and prints how many of them exited non-zero.
rt_parallel_upgrade() {
	pids=""
	k=1
	while [ $k -le "$1" ]; do
		"$ALEMBIC_BIN" upgrade head >par$k.out 2>par$k.err &
		pids="$pids $!"
		k=$((k + 1))
	done
	failed=0
	for p in $pids; do wait $p || failed=$((failed + 1)); done
	echo $failed
}

[ -z "${RT_HELPERS_ONLY:-}" ] || return 0

rows() { # the version rows, sorted, space-separated
	sqlite3 app.db "SELECT version_num FROM alembic_version ORDER BY 1" 2>/dev/null | tr '\n' ' '
}

tables() { # user tables, sorted, space-separated
	sqlite3 app.db "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY 1" | tr '\n' ' '
}

# --- linear flow, exact log lines --------------------------------------------------
rt_project sqlite:///app.db
rt_rev r1 "" "create account" "CREATE TABLE account (id INTEGER PRIMARY KEY, name TEXT);" \
	"DROP TABLE account;"
rt_rev r2 "r1" "add a column" "ALTER TABLE account ADD COLUMN last DATETIME;" \
	"ALTER TABLE account DROP COLUMN last;"
rt_rev r3 "r2" "third" "INSERT INTO account (id, name) VALUES (1, 'x');" \
	"DELETE FROM account WHERE id = 1;"
run alembic upgrade head
expect_rc 0 "upgrade head"
expect_out "upgrade head prints nothing on stdout" </dev/null
expect_err "upgrade head log lines" <<'EOF'
INFO  [alembic.runtime.migration] Context impl SQLiteImpl.
INFO  [alembic.runtime.migration] Will assume non-transactional DDL.
INFO  [alembic.runtime.migration] Running upgrade  -> r1, create account
INFO  [alembic.runtime.migration] Running upgrade r1 -> r2, add a column
INFO  [alembic.runtime.migration] Running upgrade r2 -> r3, third
EOF
expect_eq "$(rows)" "r3 " "one row at head"
run alembic current
expect_out "current at head" <<'EOF'
r3 (head)
EOF
run alembic upgrade head
expect_err "nothing to do: only the context lines" <<'EOF'
INFO  [alembic.runtime.migration] Context impl SQLiteImpl.
INFO  [alembic.runtime.migration] Will assume non-transactional DDL.
EOF
run alembic downgrade -1
expect_err_has "Running downgrade r3 -> r2, third" "downgrade -1"
expect_eq "$(rows)" "r2 " "downgrade -1 row"
run alembic downgrade base
expect_err_has "Running downgrade r1 -> , create account" "downgrade base last step"
expect_eq "$(rows)" "" "no rows at base"
expect_eq "$(tables)" "alembic_version " "version table kept online at base"
run alembic upgrade +2
expect_eq "$(rows)" "r2 " "upgrade +2"
run alembic upgrade r1
expect_rc 0 "upgrade to a lower revision does nothing"
expect_eq "$(rows)" "r2 " "still r2"
run alembic current -v
expect_out_has "Current revision(s) for sqlite:///app.db:" "current -v header"
expect_out_has "Rev: r2" "current -v block"
run alembic upgrade nosuch
expect_rc 255 "unknown target"
expect_out "unknown target message" <<'EOF'
FAILED: Can't locate revision identified by 'nosuch'
EOF
run alembic upgrade r1:r2
expect_rc 255 "range without --sql"
expect_out_has "FAILED: Range revision not allowed" "range without --sql message"
run alembic current --check-heads
expect_rc 255 "check-heads below head"
expect_out_has "FAILED: Database is not on all head revisions" "check-heads message"
run alembic upgrade head
run alembic current --check-heads
expect_rc 0 "check-heads at head"

# --- branches and merges (ref p3), rows as Alembic keeps them ---------------------
rt_project sqlite:///app.db
rt_rev aaaa0001 "" "a" "CREATE TABLE log (rev TEXT);" "DROP TABLE log;"
rt_rev bbbb0001 "aaaa0001" "b1" "INSERT INTO log VALUES ('bbbb0001');" "DELETE FROM log WHERE rev = 'bbbb0001';"
rt_rev bbbb0002 "bbbb0001" "b2" "INSERT INTO log VALUES ('bbbb0002');" "DELETE FROM log WHERE rev = 'bbbb0002';"
rt_rev cccc0001 "aaaa0001" "c1" "INSERT INTO log VALUES ('cccc0001');" "DELETE FROM log WHERE rev = 'cccc0001';"
rt_rev eeee0001 "bbbb0002, cccc0001" "merge" "INSERT INTO log VALUES ('eeee0001');" "DELETE FROM log WHERE rev = 'eeee0001';"
run alembic upgrade bbbb0001
expect_eq "$(rows)" "bbbb0001 " "one branch"
run alembic upgrade cccc0001
expect_eq "$(rows)" "bbbb0001 cccc0001 " "second branch inserts a row"
run alembic current
expect_out "current with two rows" <<'EOF'
bbbb0001
cccc0001
EOF
run alembic downgrade -1
expect_err_has "UserWarning: downgrade -1 from multiple heads is ambiguous; this usage will be disallowed in a future release." \
	"Alembic's warning for -1 from several heads"
expect_err_has "Running downgrade bbbb0001 -> aaaa0001, b1" "walks down from the first row (bytewise)"
expect_eq "$(rows)" "cccc0001 " "branch row deleted"
run alembic upgrade bbbb0001
run alembic upgrade heads
expect_err_has "Running upgrade bbbb0002, cccc0001 -> eeee0001, merge" "merge step log"
expect_eq "$(rows)" "eeee0001 " "merge collapses the rows"
run alembic current
expect_out "current at the merge" <<'EOF'
eeee0001 (head) (mergepoint)
EOF
run alembic downgrade eeee0001-1
expect_rc 255 "ambiguous walk from a merge point"
run alembic downgrade bbbb0002
expect_eq "$(rows)" "bbbb0002 cccc0001 " "unmerge restores both rows"
run alembic downgrade bbbb0001
expect_eq "$(rows)" "bbbb0001 cccc0001 " "branch downgrade"
run alembic downgrade aaaa0001
expect_eq "$(rows)" "aaaa0001 " "both branches removed down to the root"
expect_eq "$(sqlite3 app.db 'SELECT count(*) FROM log')" "0" "every downgrade ran"
run alembic upgrade heads
expect_eq "$(sqlite3 app.db 'SELECT rev FROM log ORDER BY 1' | tr '\n' ' ')" \
	"bbbb0001 bbbb0002 cccc0001 eeee0001 " "each revision ran once"

# --- stamp -------------------------------------------------------------------------
run alembic stamp base
expect_err_has "Running stamp_revision eeee0001 -> " "stamp base log"
expect_eq "$(rows)" "" "stamp base"
run alembic stamp bbbb0002 cccc0001
expect_eq "$(rows)" "bbbb0002 cccc0001 " "stamp two revisions"
run alembic stamp eeee0001
expect_eq "$(rows)" "eeee0001 " "stamp the merge"
sqlite3 app.db "INSERT INTO alembic_version VALUES ('deadbeef0000')"
run alembic stamp aaaa0001
expect_rc 255 "unknown row without --purge"
expect_out_has "FAILED: Can't locate revision identified by 'deadbeef0000'" "unknown row message"
run alembic stamp --purge cccc0001
expect_rc 0 "stamp --purge"
expect_eq "$(rows)" "cccc0001 " "purge then stamp"
run alembic stamp --sql --purge head
expect_out_has "FAILED: Can't use --purge with --sql mode" "purge with --sql"

# --- ensure_version ------------------------------------------------------------------
rt_project sqlite:///app.db
run alembic ensure_version
expect_rc 0 "ensure_version"
expect_eq "$(tables)" "alembic_version " "ensure_version creates the table"
expect_eq "$(sqlite3 app.db "SELECT sql FROM sqlite_master WHERE name = 'alembic_version'")" \
	"CREATE TABLE alembic_version (
	version_num VARCHAR(32) NOT NULL, 
	CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
)" "version table DDL as Alembic's (online: SQLAlchemy's tab indent)"
run alembic current
expect_out "current on an empty table" </dev/null

# --- a failing statement in the middle of a multi-revision upgrade ----------------
rt_project sqlite:///app.db
rt_rev f1 "" "f1" "CREATE TABLE t1 (a int);" "DROP TABLE t1;"
rt_rev f2 "f1" "f2" "CREATE TABLE t2 (a int);
INSERT INTO t1 VALUES (1);
SELECT * FROM no_such_table;" "DROP TABLE t2;"
rt_rev f3 "f2" "f3" "CREATE TABLE t3 (a int);" "DROP TABLE t3;"
run alembic upgrade head
expect_rc 1 "failing migration"
expect_err_has "ERROR: $P/migrations/versions/f2.sql:10: upgrade f1 -> f2 failed: no such table: no_such_table (rolled back; the database is at base)" \
	"failure names file:line, revision and the database message"
expect_eq "$(tables)" "" "whole run rolled back: nothing half-applied, no version table"
printf 'transaction_per_migration = true\n' >>alembic.ini
run alembic upgrade head
expect_rc 1 "failing migration, one transaction per revision"
expect_err_has "(rolled back; the database is at f1)" "per-revision failure message"
expect_eq "$(rows)" "f1 " "f1 committed"
expect_eq "$(tables)" "alembic_version t1 " "f2 entirely rolled back"
expect_eq "$(sqlite3 app.db 'SELECT count(*) FROM t1')" "0" "f2's INSERT rolled back"

# --- SQL that cannot be split is reported before anything runs --------------------
rt_project sqlite:///app.db
rt_rev q1 "" "q1" "CREATE TABLE q1 (a int);" "DROP TABLE q1;"
rt_rev q2 "q1" "q2" "INSERT INTO q1 VALUES (1);
INSERT INTO q1 VALUES ('unterminated);" "SELECT 1;"
run alembic upgrade head
expect_rc 1 "unterminated string"
expect_err_has "ERROR: $P/migrations/versions/q2.sql:9: unterminated string starting on line 9" \
	"splitter error names file:line"
expect_eq "$(tables)" "" "nothing ran"

# --- Python op.execute revisions -----------------------------------------------------
p12 sqlite:///app.db
run alembic upgrade head
expect_rc 0 "Python revisions run"
expect_eq "$(sqlite3 app.db 'SELECT msg FROM log')" "hello" "op.execute statements executed"
expect_eq "$(rows)" "0f1e2d3c4b5a " "Python revisions rows"
cat >migrations/versions/c0ffee000001_refused.py <<'EOF'
"""refused

Revision ID: c0ffee000001
Revises: 0f1e2d3c4b5a
Create Date: 2026-11-24 00:00:02.000000

"""
from alembic import op
import sqlalchemy as sa

revision = 'c0ffee000001'
down_revision = '0f1e2d3c4b5a'


def upgrade():
    op.execute("INSERT INTO log (msg) VALUES ('should not run')")
    rows = op.get_bind().execute(sa.text('SELECT 1')).fetchall()


def downgrade():
    pass
EOF
run alembic upgrade head
expect_rc 1 "a body that needs Python is refused"
expect_err_has "c0ffee000001_refused.py:17:" "refusal names file:line"
expect_eq "$(sqlite3 app.db "SELECT count(*) FROM log WHERE msg = 'should not run'")" "0" \
	"refused before anything ran"
expect_eq "$(rows)" "0f1e2d3c4b5a " "rows unchanged after a refusal"

# --- Python Alembic and we take turns on one database, no stamp in between ---------
# (needs the oracle, Debian's python3-alembic; without it this part is not run)
if /usr/bin/python3 -c 'import alembic' 2>/dev/null; then
	mkdir -p pyinit
	(cd pyinit && /usr/bin/python3 -m alembic init migrations >/dev/null)
	cp pyinit/migrations/env.py migrations/
	sed 's|^script_location = .*|script_location = migrations|; s|^sqlalchemy.url = .*|sqlalchemy.url = sqlite:///app.db|' \
		pyinit/alembic.ini >py.ini
	rm migrations/versions/c0ffee000001_refused.py
	run alembic downgrade base
	run /usr/bin/python3 -m alembic -c py.ini upgrade a1b2c3d4e5f6
	expect_rc 0 "Python Alembic upgrades first"
	run alembic upgrade head
	expect_rc 0 "we continue from Python's row"
	expect_err "and run only the remaining step" <<'EOF'
INFO  [alembic.runtime.migration] Context impl SQLiteImpl.
INFO  [alembic.runtime.migration] Will assume non-transactional DDL.
INFO  [alembic.runtime.migration] Running upgrade a1b2c3d4e5f6 -> 0f1e2d3c4b5a, seed log
EOF
	run /usr/bin/python3 -m alembic -c py.ini current
	expect_out "Python Alembic reads our row" <<'EOF'
0f1e2d3c4b5a (head)
EOF
	run /usr/bin/python3 -m alembic -c py.ini downgrade -1
	expect_rc 0 "Python Alembic downgrades after us"
	run alembic current
	expect_out "we read Python's row" <<'EOF'
a1b2c3d4e5f6
EOF
	expect_eq "$(sqlite3 app.db 'SELECT count(*) FROM log')" "0" "Python's downgrade ran"
else
	echo "note: python3-alembic not installed: Alembic round trip not run" >&2
fi

# --- SIGKILL in the middle of an upgrade ---------------------------------------------
rt_project sqlite:///app.db
rt_rev k1 "" "k1" "CREATE TABLE k1 (a int);" "DROP TABLE k1;"
rt_rev k2 "k1" "k2" "CREATE TABLE half (a int);
INSERT INTO half VALUES (1);
SELECT count(*) FROM (WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c);" \
	"DROP TABLE half;"
"$ALEMBIC_BIN" upgrade head >kill.out 2>kill.err &
pid=$!
if rt_wait_for kill.err "Running upgrade k1 -> k2"; then ok; else not_ok "upgrade reached k2"; fi
sleep 0.5
kill -9 $pid
wait $pid 2>/dev/null
expect_eq "$(rows)" "" "killed whole-run upgrade: at base"
expect_eq "$(tables)" "" "killed whole-run upgrade: nothing half-applied"
printf 'transaction_per_migration = true\n' >>alembic.ini
"$ALEMBIC_BIN" upgrade head >kill.out 2>kill.err &
pid=$!
rt_wait_for kill.err "Running upgrade k1 -> k2" || not_ok "second run reached k2"
sleep 0.5
kill -9 $pid
wait $pid 2>/dev/null
expect_eq "$(rows)" "k1 " "killed per-revision upgrade: at k1"
expect_eq "$(tables)" "alembic_version k1 " "killed per-revision upgrade: k2 not half-applied"
rt_rev k2 "k1" "k2" "CREATE TABLE half (a int);" "DROP TABLE half;"
run alembic upgrade head
expect_rc 0 "the run resumes after the kill"
expect_eq "$(rows)" "k2 " "resumed to head"

# --- a database locked by another writer; the migration lock timing out -------------
rt_project sqlite:///app.db "lock_timeout = 0.3"
rt_rev w1 "" "w1" "CREATE TABLE w1 (a int);" "DROP TABLE w1;"
rt_rev w2 "w1" "w2" "SELECT count(*) FROM (WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c);" \
	"SELECT 1;"
run alembic upgrade w1
mkfifo hold.fifo
sqlite3 app.db <hold.fifo >/dev/null 2>&1 &
holder=$!
exec 7>hold.fifo
# the holder waits for the write lock (.timeout), so the probe below cannot make
# its BEGIN IMMEDIATE fail and leave the database unlocked
printf '.timeout 10000\nBEGIN IMMEDIATE;\nINSERT INTO w1 VALUES (1);\nSELECT 1;\n' >&7
i=0
while sqlite3 -cmd ".timeout 0" app.db "BEGIN IMMEDIATE; ROLLBACK;" >/dev/null 2>&1; do
	i=$((i + 1))
	[ $i -lt 100 ] || break
	sleep 0.1
done
if [ $i -lt 100 ]; then
	run alembic upgrade head
	expect_rc 1 "locked by another writer"
	expect_err_has "database is locked" "locked database message"
else
	not_ok "the other writer never took the lock (w2 would run its endless query)"
fi
printf 'COMMIT;\n.quit\n' >&7
exec 7>&-
wait $holder
expect_eq "$(rows)" "w1 " "rows unchanged while locked"
"$ALEMBIC_BIN" upgrade head >slow.out 2>slow.err &
slow=$!
rt_wait_for slow.err "Running upgrade w1 -> w2" || not_ok "slow run reached w2"
run alembic upgrade head
expect_rc 1 "migration lock timeout"
expect_err_has "Timed out after 300 ms waiting for the migration lock on" "lock timeout message"
kill -9 $slow
wait $slow 2>/dev/null
expect_eq "$(rows)" "w1 " "consistent after the lock timeout and the kill"

# --- ten concurrent `upgrade head` -----------------------------------------------------
rt_project sqlite:///app.db "lock_timeout = 60"
rt_ran_revs
expect_eq "$(rt_parallel_upgrade 10)" "0" "every concurrent process exits 0"
expect_eq "$(sqlite3 app.db 'SELECT count(*), count(DISTINCT rev) FROM ran')" "6|6" \
	"each revision ran exactly once"
expect_eq "$(cat par*.err | grep -c 'Running upgrade')" "6" "six steps logged in all"
expect_eq "$(rows)" "c6 " "final state"
run alembic current
expect_out "every process sees the same final state" <<'EOF'
c6 (head)
EOF

# --- a URL whose ${VAR} is unset: the variable is named, nothing is created -------------
rt_project '${ALEMBIC_TEST_UNSET_URL}'
rt_rev u1 "" "u1" "CREATE TABLE u (x INT);" "DROP TABLE u;"
unset ALEMBIC_TEST_UNSET_URL
run alembic upgrade head
expect_rc 1 "unset variable in sqlalchemy.url"
expect_err_has "alembic.ini:3: option 'sqlalchemy.url' in section 'alembic': environment variable ALEMBIC_TEST_UNSET_URL is not set" \
	"the message names the ini line and the variable"
run alembic heads
expect_rc 0 "commands that do not connect still work"
ALEMBIC_TEST_UNSET_URL=sqlite:///v.db run alembic upgrade head
expect_rc 0 "the variable set: upgrade runs"
expect_eq "$(sqlite3 v.db 'SELECT version_num FROM alembic_version')" "u1" "upgraded through the expanded URL"

finish
