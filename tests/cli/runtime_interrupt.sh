#!/bin/sh
# tests/cli/runtime_interrupt.sh - what an operator meets in a deploy (issue 11):
# SIGTERM/SIGINT during a statement, a lock wait and a connect (cancelled on the
# server, rolled back, unlocked, one line, exit 128+signal), a SIGKILLed client's
# backend ending by itself (client_connection_check_interval), the lock holder
# named while waiting and on timeout, a COMMIT that fails, libpq's multi-line
# messages folded, and stdout checked at exit.  SQLite parts run on real files;
# the PostgreSQL parts need the cluster of tests/run (tests/pg.sh) and FAIL
# without it.  Measured times are printed as "note:" lines.
RT_HELPERS_ONLY=1 . "$(dirname "$0")/runtime_sqlite.sh"

now_ms() { date +%s%3N; }
rows() { sqlite3 app.db "SELECT version_num FROM alembic_version ORDER BY 1" | tr '\n' ' '; }
tables() { sqlite3 app.db "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY 1" | tr '\n' ' '; }

# bg_alembic OUT ERR ARGS...: alembic in the background with SIGINT at its
# default action (a non-interactive shell starts background jobs with SIGINT
# ignored, and a signal ignored on entry stays ignored); $BG = its pid.
bg_alembic() {
	out=$1 err=$2
	shift 2
	env --default-signal=INT "$ALEMBIC_BIN" "$@" >"$out" 2>"$err" &
	BG=$!
}

# wait_rc PID: waits for PID to end; its exit status in $RC.
wait_rc() {
	wait "$1"
	RC=$?
}

# signal_check SIG PID ERRFILE LINE MAX_MS DESC: sends SIG to PID and expects
# exit 128+SIG within MAX_MS with LINE as the last line of ERRFILE.
signal_check() {
	t0=$(now_ms)
	kill -"$1" "$2"
	wait_rc "$2"
	t1=$(now_ms)
	expect_eq "$RC" "$([ "$1" = TERM ] && echo 143 || echo 130)" "$6: exit 128+signal"
	expect_eq "$(tail -n 1 "$3")" "$4" "$6: one line"
	if [ $((t1 - t0)) -lt "$5" ]; then ok; else not_ok "$6: took $((t1 - t0)) ms"; fi
}

# the revision of the issue's reproduction, on top of a quick first one
two_revs() { # $1 = the slow statement
	rt_rev a1 "" "a1" "CREATE TABLE a1 (id int);" "DROP TABLE a1;"
	rt_rev a2 "a1" "a2" "CREATE TABLE t (id int);
$1" "DROP TABLE t;"
}

SQLITE_SLOW="SELECT count(*) FROM (WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c);"

# --- SQLite: SIGTERM / SIGINT during a long statement ---------------------------------
for sig in TERM INT; do
	rt_project sqlite:///app.db "lock_timeout = 0.2"
	two_revs "$SQLITE_SLOW"
	run alembic upgrade a1
	bg_alembic slow.out slow.err upgrade head
	rt_wait_for slow.err "Running upgrade a1 -> a2" || not_ok "SQLite $sig: reached a2"
	sleep 0.5
	signal_check $sig $BG slow.err "interrupted by SIG$sig: rolled back, the database is at a1" \
		2000 "SQLite SIG$sig"
	expect_eq "$(grep -c . slow.err)" "4" "SQLite SIG$sig: nothing else printed"
	expect_eq "$(rows)" "a1 " "SQLite SIG$sig: at the previous revision"
	expect_eq "$(tables)" "a1 alembic_version " "SQLite SIG$sig: t rolled back"
	run alembic stamp a1
	expect_rc 0 "SQLite SIG$sig: the lock is free at once"
done

# --- SQLite: the lock holder named, SIGTERM during the lock wait ----------------------
rt_project sqlite:///app.db "lock_timeout = 30"
two_revs "$SQLITE_SLOW"
run alembic upgrade a1
bg_alembic hold.out hold.err upgrade head
holder=$BG
rt_wait_for hold.err "Running upgrade a1 -> a2" || not_ok "SQLite holder reached a2"
bg_alembic wait.out wait.err upgrade head
rt_wait_for wait.err "waiting for the migration lock" || not_ok "SQLite waiter waits"
expect_eq "$(grep 'waiting for' wait.err)" \
	"INFO  [alembic.runtime.migration] waiting for the migration lock on app.db held by pid $holder" \
	"SQLite: the wait names the holder's pid, once"
signal_check TERM $BG wait.err "interrupted by SIGTERM: nothing was changed" 1000 \
	"SQLite: SIGTERM while waiting for the lock"
sed -i 's/^lock_timeout = .*/lock_timeout = 0.3/' alembic.ini
run alembic upgrade head
expect_rc 1 "SQLite lock timeout"
expect_err_has "ERROR: Timed out after 300 ms waiting for the migration lock on app.db held by pid $holder" \
	"SQLite: ERR_LOCK names the holder"
kill -TERM $holder
wait_rc $holder
expect_eq "$RC" "143" "SQLite: the holder stops too"
expect_eq "$(rows)" "a1 " "SQLite: consistent after both"

# --- SQLite: a COMMIT that fails (the file size limit hit when SQLite flushes) --------
rt_project sqlite:///app.db
rt_rev a1 "" "a1" "CREATE TABLE a1 (id int);" "DROP TABLE a1;"
rt_rev a2 "a1" "a2" "CREATE TABLE big (b blob);
INSERT INTO big SELECT randomblob(100000) FROM (WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 10) SELECT x FROM c);" \
	"DROP TABLE big;"
run alembic upgrade a1
run sh -c "trap '' XFSZ; ulimit -f 100; exec \"$ALEMBIC_BIN\" upgrade head"
expect_rc 1 "SQLite COMMIT failure"
expect_eq "$(tail -n 1 "$T_ROOT/.err")" \
	"ERROR: upgrade a1 -> a2 failed while committing: disk I/O error (rolled back; the database is at a1)" \
	"SQLite COMMIT failure names the step, the rollback and the revision"
expect_eq "$(rows)" "a1 " "SQLite COMMIT failure: at a1"
expect_eq "$(tables)" "a1 alembic_version " "SQLite COMMIT failure: nothing of a2"

# ... and a real full disk (a 128 KiB tmpfs; needs root, else not run)
if [ "$(id -u)" = 0 ] && mkdir -p tiny && mount -t tmpfs -o size=128k tmpfs tiny 2>/dev/null; then
	cp -r alembic.ini migrations tiny/
	(cd tiny && "$ALEMBIC_BIN" upgrade a1 >/dev/null 2>&1)
	run sh -c "cd tiny && exec \"$ALEMBIC_BIN\" upgrade head"
	expect_rc 1 "SQLite COMMIT on a full disk"
	expect_eq "$(tail -n 1 "$T_ROOT/.err")" \
		"ERROR: upgrade a1 -> a2 failed while committing: database or disk is full (rolled back; the database is at a1)" \
		"SQLite full disk at COMMIT: SQLite's text, the step, the rollback"
	expect_eq "$(sqlite3 tiny/app.db 'SELECT version_num FROM alembic_version')" "a1" "full disk: at a1"
	umount tiny
else
	echo "note: not root or no tmpfs mount: the full-disk COMMIT case not run" >&2
fi

# --- stdout checked at exit ------------------------------------------------------------
run sh -c "exec \"$ALEMBIC_BIN\" history >/dev/full"
expect_rc 1 "history > /dev/full fails"
expect_err "one message for a failed stdout" <<'EOF'
ERROR: could not write to standard output: No space left on device
EOF
run sh -c "exec \"$ALEMBIC_BIN\" history >/dev/null"
expect_rc 0 "history > /dev/null is fine"

# --- PostgreSQL ---------------------------------------------------------------------
if [ -z "${ALEMBIC_TEST_PG_URL:-}" ] || [ -z "${ALEMBIC_TEST_PG_DIR:-}" ]; then
	not_ok "ALEMBIC_TEST_PG_URL / ALEMBIC_TEST_PG_DIR not set: run through tests/run (tests/pg.sh)"
	finish
	exit 1
fi
. "$TESTS_TOP/tests/pg_lib.sh"
sleepers() { pg "$DB" "SELECT count(*) FROM pg_stat_activity WHERE query LIKE '%pg_sleep%' AND pid <> pg_backend_pid()"; }
advisory() { pg "$DB" "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"; }
# until_ms CMD WANT: polls (10 ms steps, 10 s at most) until CMD prints WANT; prints the ms waited
until_ms() {
	s=$(now_ms)
	while [ "$($1)" != "$2" ]; do
		[ $(($(now_ms) - s)) -lt 10000 ] || break
		sleep 0.01
	done
	echo $(($(now_ms) - s))
}

# --- the issue's reproduction: SIGTERM (and SIGINT) 2 s into pg_sleep(15) -------------
for sig in TERM INT; do
	pg_project "lock_timeout = 0.2"
	two_revs "SELECT pg_sleep(15);"
	run alembic upgrade a1
	bg_alembic slow.out slow.err upgrade head
	rt_wait_for slow.err "Running upgrade a1 -> a2" || not_ok "PG $sig: reached a2"
	sleep 2
	kill -$sig $BG
	free=$(until_ms advisory "0 ")
	wait_rc $BG
	echo "note: PostgreSQL SIG$sig: migration lock free $free ms after the signal" >&2
	want=$([ $sig = TERM ] && echo 143 || echo 130)
	expect_eq "$RC" "$want" "PG SIG$sig: exit 128+signal"
	expect_eq "$(tail -n 1 slow.err)" "interrupted by SIG$sig: rolled back, the database is at a1" \
		"PG SIG$sig: one line"
	if [ "$free" -lt 1000 ]; then ok; else not_ok "PG SIG$sig: lock free after $free ms"; fi
	expect_eq "$(sleepers)" "0 " "PG SIG$sig: pg_sleep cancelled on the server"
	run alembic stamp a1
	expect_rc 0 "PG SIG$sig: a second run gets the lock at once"
	expect_eq "$(rows)" "a1 " "PG SIG$sig: at the previous revision"
	expect_eq "$(tables)" "a1 alembic_version " "PG SIG$sig: t rolled back"
done

# --- SIGKILL: the backend ends by itself (client_connection_check_interval) -----------
pg_project "lock_timeout = 0.2"
two_revs "SELECT pg_sleep(30);"
run alembic upgrade a1
bg_alembic kill.out kill.err upgrade head
rt_wait_for kill.err "Running upgrade a1 -> a2" || not_ok "PG kill: reached a2"
sleep 0.5
kill -9 $BG
gone=$(until_ms sleepers "0 ")
wait_rc $BG
echo "note: PostgreSQL SIGKILL: the backend ended $gone ms after the client died" >&2
if [ "$gone" -lt 2500 ]; then ok; else not_ok "PG SIGKILL: backend still there after $gone ms"; fi
expect_eq "$(advisory)" "0 " "PG SIGKILL: the lock went with it"
expect_eq "$(tables)" "a1 alembic_version " "PG SIGKILL: nothing half-applied"

# --- the lock holder named; SIGTERM during the lock wait; the timeout names it --------
pg_project "lock_timeout = 30"
two_revs "SELECT pg_sleep(30);"
run alembic upgrade a1
bg_alembic hold.out hold.err upgrade head
holder=$BG
rt_wait_for hold.err "Running upgrade a1 -> a2" || not_ok "PG holder reached a2"
bpid=$(pg "$DB" "SELECT pid FROM pg_stat_activity WHERE query LIKE '%pg_sleep%' AND pid <> pg_backend_pid()" | tr -d ' ')
bg_alembic wait.out wait.err upgrade head
rt_wait_for wait.err "waiting for the migration lock" || not_ok "PG waiter waits"
expect_eq "$(grep -c 'waiting for' wait.err)" "1" "PG: one waiting line"
grep -qF "held by pid $bpid (application alembic, client 127.0.0.1, since " wait.err && ok ||
	not_ok "PG: the waiting line names the holder ($(cat wait.err))"
signal_check TERM $BG wait.err "interrupted by SIGTERM: nothing was changed" 1000 \
	"PG: SIGTERM while waiting for the lock"
sed -i 's/^lock_timeout = .*/lock_timeout = 0.5/' alembic.ini
run alembic upgrade head
expect_rc 1 "PG lock timeout"
expect_err_has "ERROR: Timed out after 500 ms waiting for the migration lock on alembic_version held by pid $bpid (application alembic, client 127.0.0.1, since " \
	"PG: ERR_LOCK names the holder"
kill -TERM $holder
wait_rc $holder
expect_eq "$RC" "143" "PG: the holder stops too"
expect_eq "$(rows)" "a1 " "PG: consistent after both"

# --- SIGTERM during a connect that hangs (a server that never answers) ----------------
if command -v python3 >/dev/null; then
	python3 -c 'import socket, sys, time
s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen(5)
print(s.getsockname()[1], flush=True); time.sleep(60)' >mute.port &
	mute=$!
	i=0
	while [ ! -s mute.port ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
	mport=$(cat mute.port)
	rt_project "postgresql://u@127.0.0.1:$mport/db"
	rt_rev a1 "" "a1" "SELECT 1;" "SELECT 1;"
	bg_alembic conn.out conn.err upgrade head
	sleep 1
	signal_check TERM $BG conn.err "interrupted by SIGTERM: nothing was changed" 1000 \
		"SIGTERM during a connect"
	rt_project "postgresql://u@127.0.0.1:$mport/db?connect_timeout=2"
	rt_rev a1 "" "a1" "SELECT 1;" "SELECT 1;"
	run alembic upgrade head
	expect_rc 1 "connect_timeout is honoured by the poll loop"
	expect_err_has "ERROR: could not connect to the server: timeout expired after 2 s" "connect timeout message"
	kill $mute
	wait $mute 2>/dev/null
fi

# --- one error, one message -------------------------------------------------------------
pg_project
rt_rev d1 "" "d1" "CREATE TABLE parent (id int PRIMARY KEY);
CREATE TABLE child (pid int REFERENCES parent DEFERRABLE INITIALLY DEFERRED);
INSERT INTO child VALUES (5);" "DROP TABLE child; DROP TABLE parent;"
run alembic upgrade head
expect_rc 1 "a deferred constraint violated at COMMIT"
expect_err "COMMIT failure: the step, the server's text and DETAIL, rolled back, where it is" <<'EOF'
INFO  [alembic.runtime.migration] Context impl PostgresqlImpl.
INFO  [alembic.runtime.migration] Will assume transactional DDL.
INFO  [alembic.runtime.migration] Running upgrade  -> d1, d1
ERROR: upgrade  -> d1 failed while committing: insert or update on table "child" violates foreign key constraint "child_pid_fkey" (rolled back; the database is at base)
DETAIL:  Key (pid)=(5) is not present in table "parent".
EOF
expect_eq "$(tables)" "" "COMMIT failure: nothing stays"
rt_rev d1 "" "d1" "SELECT no_such_function_x(1);" "SELECT 1;"
run alembic upgrade head
expect_err_has "HINT:  No function matches the given name and argument types." "HINT on its own prefixed line"
sed -i "s|^sqlalchemy.url = .*|sqlalchemy.url = postgresql://alembic_test@127.0.0.1:1/$DB|" alembic.ini
run alembic upgrade head
expect_rc 1 "unreachable server"
expect_eq "$(tail -n 2 "$T_ROOT/.err")" "ERROR: connection to server at \"127.0.0.1\", port 1 failed: Connection refused
DETAIL:  Is the server running on that host and accepting TCP/IP connections?" \
	"libpq's two lines folded: one primary line, one prefixed detail"
if grep -q "$(printf '\t')" "$T_ROOT/.err"; then not_ok "raw libpq text (a tab) printed"; else ok; fi

finish
