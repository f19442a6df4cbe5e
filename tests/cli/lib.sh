# tests/cli/lib.sh - shared helpers for the CLI tests (sourced, POSIX sh).
#
# Each test script runs the built executable ($ALEMBIC_BIN, default
# build/alembic) in fresh temporary directories and ends with `finish`,
# which prints "<script>: N passed, N failed" and sets the exit status.
#
#   new_project            fresh empty temp dir, cd into it ($P = its path)
#   run alembic ARGS...    run; stdout in $P/.out, stderr in $P/.err, status in $RC
#   expect_rc N DESC       the last run exited N
#   expect_out DESC <<EOF  the last run's stdout is exactly the here-document
#   expect_err DESC <<EOF  same for stderr
#   expect_out_has TEXT DESC / expect_err_has TEXT DESC   fixed-string containment
#   expect_eq GOT WANT DESC
#   ok DESC / not_ok DESC  record a result directly
#   ops_rev ID PARENT MSG  a .py revision in migrations/versions with bodies $UP / $DOWN
#   oracle_env             Alembic's env.py and a py.ini beside alembic.ini (1: no oracle)
#   same_as_oracle LABEL DUMP ARGS...  `alembic ARGS` here and Python Alembic's in ../py:
#                          same status, log and `DUMP ours` / `DUMP py`
#   sqlite_project         a new project in sq/ on sqlite:///ours.db
#   sqlite_oracle_copy     ../py: the project's migrations, py.ini on ../py/py.db
#   sqlite_dump_item WHO   schema, rows of item and version of ours.db (WHO ours) or py.db
#   pg_sql DB SQL          psql on the test cluster ($ALEMBIC_TEST_PG_*), output on one line
#   pg_project DB          databases DB_ours / DB_py, a new project in pgp/ on DB_ours
#   pg_oracle_copy DB      ../py: the project's migrations, py.ini on DB_py
set -u
TESTS_TOP=$(cd "$(dirname "$0")/../.." && pwd)
ALEMBIC_BIN=${ALEMBIC_BIN:-$TESTS_TOP/build/alembic}
T_PASS=0
T_FAIL=0
T_NAME=$(basename "$0" .sh)
T_ROOT=$(mktemp -d "${TMPDIR:-/tmp}/alembic-cli.XXXXXX")
trap 'rm -rf "$T_ROOT"' EXIT

alembic() { "$ALEMBIC_BIN" "$@"; }

new_project() {
	P=$(mktemp -d "$T_ROOT/p.XXXXXX")
	cd "$P" || exit 1
}

run() {
	"$@" >"$T_ROOT/.out" 2>"$T_ROOT/.err" </dev/null
	RC=$?
}

ok() {
	T_PASS=$((T_PASS + 1))
}

not_ok() {
	T_FAIL=$((T_FAIL + 1))
	echo "FAIL: $T_NAME: $1" >&2
	if [ -f "$T_ROOT/.out" ]; then
		echo "  stdout:" >&2
		sed 's/^/    /' "$T_ROOT/.out" | head -n 40 >&2
		echo "  stderr:" >&2
		sed 's/^/    /' "$T_ROOT/.err" | head -n 40 >&2
	fi
}

expect_rc() {
	if [ "$RC" = "$1" ]; then ok; else not_ok "$2 (exit $RC, want $1)"; fi
}

expect_out() {
	cat >"$T_ROOT/.want"
	if cmp -s "$T_ROOT/.want" "$T_ROOT/.out"; then ok; else
		not_ok "$1 (stdout differs)"
		diff "$T_ROOT/.want" "$T_ROOT/.out" | head -n 40 >&2
	fi
}

expect_err() {
	cat >"$T_ROOT/.want"
	if cmp -s "$T_ROOT/.want" "$T_ROOT/.err"; then ok; else
		not_ok "$1 (stderr differs)"
		diff "$T_ROOT/.want" "$T_ROOT/.err" | head -n 40 >&2
	fi
}

expect_out_has() {
	if grep -qF -- "$1" "$T_ROOT/.out"; then ok; else not_ok "$2 (stdout lacks: $1)"; fi
}

expect_err_has() {
	if grep -qF -- "$1" "$T_ROOT/.err"; then ok; else not_ok "$2 (stderr lacks: $1)"; fi
}

expect_eq() {
	if [ "$1" = "$2" ]; then ok; else not_ok "$3 (got [$1], want [$2])"; fi
}

# ops_rev ID PARENT MESSAGE: a .py revision whose bodies are read from
# $UP / $DOWN (shell variables holding the indented function bodies).
ops_rev() {
	{
		printf '"""%s\n\nRevision ID: %s\nRevises: %s\nCreate Date: 2026-12-01 00:00:00.000000\n\n"""\n' \
			"$3" "$1" "$2"
		printf 'from alembic import op\nimport sqlalchemy as sa\n\n\n'
		printf "revision = '%s'\n" "$1"
		if [ -n "$2" ]; then printf "down_revision = '%s'\n" "$2"; else printf 'down_revision = None\n'; fi
		printf 'branch_labels = None\ndepends_on = None\n\n\ndef upgrade():\n%s\n\n\ndef downgrade():\n%s\n' \
			"$UP" "$DOWN"
	} >"migrations/versions/$1_x.py"
}

# The oracle on the same project: Alembic's generic env.py and an ini.
oracle_env() {
	if ! /usr/bin/python3 -c 'import alembic' 2>/dev/null; then return 1; fi
	mkdir -p "$T_ROOT/pyinit"
	[ -f "$T_ROOT/pyinit/migrations/env.py" ] ||
		(cd "$T_ROOT/pyinit" && /usr/bin/python3 -m alembic init migrations >/dev/null)
	cp "$T_ROOT/pyinit/migrations/env.py" "$T_ROOT/pyinit/migrations/script.py.mako" migrations/
	sed "s|^script_location = .*|script_location = migrations|; s|^sqlalchemy.url = .*|sqlalchemy.url = $(sed -n 's/^sqlalchemy.url = //p' alembic.ini | sed 's/[|&]/\\&/g')|" \
		"$T_ROOT/pyinit/alembic.ini" >py.ini
}

finish() {
	echo "$T_NAME: $T_PASS passed, $T_FAIL failed"
	[ "$T_FAIL" -eq 0 ]
}

same_as_oracle() {
	label=$1 dump=$2
	shift 2
	cd ../py || exit 1
	run /usr/bin/python3 -m alembic -c py.ini "$@"
	py_rc=$RC
	cd - >/dev/null || exit 1
	cp "$T_ROOT/.err" "$T_ROOT/.pyerr"
	py_schema=$($dump py)
	run alembic "$@"
	expect_eq "$RC" "$py_rc" "$label: exit status as Alembic's"
	if cmp -s "$T_ROOT/.pyerr" "$T_ROOT/.err"; then ok; else
		not_ok "$label: log as Alembic's"
		diff "$T_ROOT/.pyerr" "$T_ROOT/.err" | head -n 20 >&2
	fi
	expect_eq "$($dump ours)" "$py_schema" "$label: schema as Alembic leaves it"
}

sqlite_project() {
	new_project
	mkdir sq && cd sq || exit 1
	printf '[alembic]\nscript_location = migrations\nsqlalchemy.url = sqlite:///ours.db\n' >alembic.ini
}

sqlite_oracle_copy() {
	mkdir ../py && cp -r migrations ../py/ && sed 's|^sqlalchemy.url = .*|sqlalchemy.url = sqlite:///py.db|' py.ini >../py/py.ini
}

sqlite_dump_item() {
	f=ours.db
	[ "$1" = ours ] || f=../py/py.db
	sqlite3 "$f" ".schema" "SELECT '--'" "SELECT * FROM item ORDER BY id" \
		"SELECT version_num FROM alembic_version" 2>/dev/null
}

pg_sql() {
	"$ALEMBIC_TEST_PG_BIN/psql" -X -q -A -t -h "$ALEMBIC_TEST_PG_DIR" -p "$ALEMBIC_TEST_PG_PORT" \
		-U alembic_test -d "$1" -c "$2" 2>&1 | tr '\n' ' '
}

pg_project() {
	pg_sql postgres "CREATE DATABASE $1_ours" >/dev/null
	pg_sql postgres "CREATE DATABASE $1_py" >/dev/null
	new_project
	mkdir pgp && cd pgp || exit 1
	printf '[alembic]\nscript_location = migrations\nsqlalchemy.url = %s\n' \
		"$(printf '%s' "${ALEMBIC_TEST_PG_URL%/*}/$1_ours" | sed 's/%/%%/g')" >alembic.ini
}

pg_oracle_copy() {
	mkdir ../py && cp -r migrations ../py/
	sed "s|^sqlalchemy.url = .*|sqlalchemy.url = $(printf '%s' "${ALEMBIC_TEST_PG_URL%/*}/$1_py" | sed 's/%/%%/g; s/[|&]/\\&/g')|" py.ini >../py/py.ini
}
