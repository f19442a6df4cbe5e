#!/bin/sh
# tests/cli/secrets_pg.sh - passwords never leave the tool, and messages are not garbled by
# masking (issue 11 items 4, 5): every output path (each command, -v, errors, config, --sql, log
# lines, a failing migration, connection failures) with the right and a wrong password, for
# passwords made of "@ % # / : ?" (percent-encoded in the URL, as users must write them), a
# one-letter password, and a password given as a "password" query parameter.  Also: catalog
# queries are pg_catalog-qualified (item 8), so a search_path that shadows pg_class and
# pg_try_advisory_lock does not change what we do.  Needs the cluster of tests/pg.sh.
RT_HELPERS_ONLY=1 . "$(dirname "$0")/runtime_sqlite.sh"

if [ -z "${ALEMBIC_TEST_PG_URL:-}" ] || [ -z "${ALEMBIC_TEST_PG_DIR:-}" ]; then
	not_ok "ALEMBIC_TEST_PG_URL / ALEMBIC_TEST_PG_DIR not set: run through tests/run (tests/pg.sh)"
	finish
	exit 1
fi
pg() {
	"$ALEMBIC_TEST_PG_BIN/psql" -X -q -A -t -h "$ALEMBIC_TEST_PG_DIR" -p "$ALEMBIC_TEST_PG_PORT" \
		-U alembic_test -d "$1" -c "$2" 2>&1 | tr '\n' ' '
}
PORT=$ALEMBIC_TEST_PG_PORT
DB="sec_$$"
pg postgres "CREATE DATABASE $DB" >/dev/null
# roles: a password of URL-special characters, and a one-letter one
SPECIAL='p@ss%w#rd/:?x'
SPECIAL_ENC='p%40ss%25w%23rd%2F%3A%3Fx'
WRONG='w@r%o#n/g:?'
WRONG_ENC='w%40r%25o%23n%2Fg%3A%3F'
pg postgres "DROP ROLE IF EXISTS sec_special; CREATE ROLE sec_special LOGIN SUPERUSER PASSWORD '$SPECIAL'" >/dev/null
pg postgres "DROP ROLE IF EXISTS sec_a; CREATE ROLE sec_a LOGIN SUPERUSER PASSWORD 'a'" >/dev/null

# every command a user runs, with -v where it has one, errors included
run_all() { # run_all URL: every output path into $P/all.out (stdout and stderr of each)
	pg "$DB" "DROP SCHEMA public CASCADE; CREATE SCHEMA public" >/dev/null
	: >"$P/all.out"
	for cmd in "current" "current -v" "upgrade r1" "history -i" "history -v -i" "heads -v" \
		"show current" "upgrade head" "downgrade -1" "stamp r2" "stamp --purge r1" \
		"ensure_version" "upgrade r1:r2 --sql" "downgrade r2:r1 --sql" "stamp --sql r1" \
		"config" "config --list" "upgrade nosuch" "downgrade base" "--raiseerr upgrade head" \
		"upgrade bad"; do
		# shellcheck disable=SC2086
		POSTGRES_URL=$1 "$ALEMBIC_BIN" $cmd >>"$P/all.out" 2>&1 </dev/null
		echo "[$cmd: rc $?]" >>"$P/all.out"
	done
}

never() { # never TEXT DESC: TEXT does not occur in the outputs
	if grep -qF -- "$1" "$P/all.out"; then
		not_ok "$2: found [$1]"
		grep -nF -- "$1" "$P/all.out" | head -n 5 >&2
	else ok; fi
}

has() { # has TEXT DESC
	if grep -qF -- "$1" "$P/all.out"; then ok; else not_ok "$2: missing [$1]"; sed 's/^/    /' "$P/all.out" | head -n 60 >&2; fi
}

# only where a password sits: ":XXXXX@" in a URL, "password=XXXXX"; nowhere else
masks_only_passwords() {
	if sed -e 's/:XXXXX@/:@/g' -e 's/password=XXXXX/password=/g' "$P/all.out" | grep -q XXXXX; then
		not_ok "$1: XXXXX outside a password position"
		grep -n XXXXX "$P/all.out" | head -n 5 >&2
	else ok; fi
}

new_project
mkdir -p migrations/versions
printf '[alembic]\nscript_location = migrations\nsqlalchemy.url = ${POSTGRES_URL}\n' >alembic.ini
rt_rev r1 "" "first" "CREATE TABLE sec_t (id int);" "DROP TABLE sec_t;"
rt_rev r2 "r1" "second" "INSERT INTO sec_t VALUES (1);" "DELETE FROM sec_t;"
rt_rev bad "r2" "fails" "SELECT * FROM no_such_table;" "SELECT 1;"
BASEURL="127.0.0.1:$PORT/$DB"
LOCALURL="localhost:$PORT/$DB"

# --- the special-character password, right and wrong --------------------------------------
run_all "postgresql://sec_special:$SPECIAL_ENC@$LOCALURL"
has "Running upgrade  -> r1, first" "special password: the runs work"
has "Current revision(s) for postgresql://sec_special:XXXXX@$LOCALURL" "special password: current -v masked"
has 'relation "no_such_table" does not exist' "special password: a failing migration keeps its message"
for t in "$SPECIAL" "$SPECIAL_ENC" "ss%w#rd" "$WRONG" "$WRONG_ENC"; do never "$t" "special password"; done
masks_only_passwords "special password"
run_all "postgresql://sec_special:$WRONG_ENC@$LOCALURL"
has 'connection to server at "localhost" (127.0.0.1), port '"$PORT"' failed: FATAL:  password authentication failed for user "sec_special"' \
	"wrong special password: libpq's message intact"
for t in "$SPECIAL" "$SPECIAL_ENC" "$WRONG" "$WRONG_ENC" "r%o#n"; do never "$t" "wrong special password"; done
masks_only_passwords "wrong special password"

# --- a one-letter password: messages not garbled ("locXXXXXlhost", "fXXXXXiled") ----------------
run_all "postgresql://sec_a:a@$LOCALURL"
has "Running upgrade  -> r1, first" "one-letter password: the runs work"
has "Current revision(s) for postgresql://sec_a:XXXXX@$LOCALURL:" "one-letter password: current -v masked"
has "sqlalchemy.url = postgresql://sec_a:XXXXX@$LOCALURL" "one-letter password: config masked"
has "Context impl PostgresqlImpl." "one-letter password: log lines intact"
never ":a@" "one-letter password"
masks_only_passwords "one-letter password"
run_all "postgresql://sec_a:b@$LOCALURL"
has 'connection to server at "localhost" (127.0.0.1), port '"$PORT"' failed: FATAL:  password authentication failed for user "sec_a"' \
	"wrong one-letter password: libpq's message intact"
never ":b@" "wrong one-letter password"
masks_only_passwords "wrong one-letter password"

# --- the password as a query parameter (libpq accepts it; config and current -v printed it) ---
run_all "postgresql://sec_special@$BASEURL?password=$SPECIAL_ENC"
has "Running upgrade  -> r1, first" "query password: the runs work"
has "Current revision(s) for postgresql://sec_special@$BASEURL?password=XXXXX:" "query password: current -v masked"
has "sqlalchemy.url = postgresql://sec_special@$BASEURL?password=XXXXX" "query password: config masked"
for t in "$SPECIAL" "$SPECIAL_ENC" "ss%w#rd"; do never "$t" "query password"; done
masks_only_passwords "query password"
run_all "postgresql://sec_a@$BASEURL?password=b"
has 'password authentication failed for user "sec_a"' "wrong query password: message intact"
never "password=b" "wrong query password"
masks_only_passwords "wrong query password"

# --- an unencoded '@' in the password: refused, masked, hint (item 10) ---------------------
new_project
mkdir -p migrations/versions
printf '[alembic]\nscript_location = migrations\nsqlalchemy.url = ${POSTGRES_URL}\n' >alembic.ini
POSTGRES_URL="postgresql://sec_special:p@ss%w#rd/:?x@$LOCALURL" run alembic current
expect_rc 1 "unencoded '@': a clean error"
expect_err_has "hint: the password in sqlalchemy.url contains an unencoded '@': percent-encode it as %40" "unencoded '@': hint"
if grep -qF 'ss%w#rd' "$T_ROOT/.out" "$T_ROOT/.err"; then not_ok "unencoded '@': part of the password printed"; else ok; fi
POSTGRES_URL="postgresql://sec_special:p@ss:word@$LOCALURL" run alembic current
expect_err "unencoded '@' before a ':': the int() message masked, then the hint" <<EOF
ERROR: invalid literal for int() with base 10: 'XXXXX@localhost:$PORT'
hint: the password in sqlalchemy.url contains an unencoded '@': percent-encode it as %40 (and '%' ':' '/' '?' '#' as %25 %3A %2F %3F %23)
EOF
POSTGRES_URL="postgresq://sec_a:a@$LOCALURL" run alembic current
expect_err "a typo in the dialect: Alembic's message, then the hint" <<'EOF'
ERROR: Can't load plugin: sqlalchemy.dialects:postgresq
hint: did you mean postgresql? (in sqlalchemy.url: postgresql://...)
EOF

# --- pg_catalog qualification: a search_path that shadows the catalog changes nothing --------
DB2="sec2_$$"
pg postgres "CREATE DATABASE $DB2" >/dev/null
pg "$DB2" "CREATE SCHEMA shadow; CREATE FUNCTION shadow.pg_try_advisory_lock(int, int) RETURNS boolean LANGUAGE sql AS 'SELECT false'; CREATE FUNCTION shadow.hashtext(text) RETURNS int LANGUAGE sql AS 'SELECT 1'; CREATE VIEW shadow.pg_class AS SELECT relname, relnamespace, oid FROM pg_catalog.pg_class WHERE false" >/dev/null
pg postgres "ALTER DATABASE $DB2 SET search_path = shadow, pg_catalog, public" >/dev/null
new_project
mkdir -p migrations/versions
printf '[alembic]\nscript_location = migrations\nsqlalchemy.url = %s\nlock_timeout = 2\n' "postgresql://sec_a:a@localhost:$PORT/$DB2" >alembic.ini
rt_rev r1 "" "first" "CREATE TABLE public.sec_t (id int);" "DROP TABLE public.sec_t;"
rt_rev r2 "r1" "second" "INSERT INTO public.sec_t VALUES (1);" "DELETE FROM public.sec_t;"
run alembic upgrade r1
expect_rc 0 "shadowed catalog: upgrade r1 (the lock is pg_catalog's)"
run alembic upgrade r2
expect_rc 0 "shadowed catalog: upgrade r2 (the version table is found through pg_catalog.pg_class)"
expect_eq "$(pg "$DB2" "SELECT version_num FROM alembic_version")" "r2 " "shadowed catalog: one row, at r2"

pg postgres "DROP DATABASE $DB" >/dev/null
pg postgres "DROP DATABASE $DB2" >/dev/null
finish
