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

finish() {
	echo "$T_NAME: $T_PASS passed, $T_FAIL failed"
	[ "$T_FAIL" -eq 0 ]
}
