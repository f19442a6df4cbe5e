#!/bin/sh
# tests/lint.sh [BUILD_DIR] - the gates CI enforces on the code itself (curl's habit of gating
# function size and complexity, and our layering rule that pure modules do no I/O).
#   1. pmccabe: every function in src/ has at most LINT_MAX_LINES lines (60) and a
#      (modified) cyclomatic complexity of at most LINT_MAX_CCN (35), STYLE.md's "aim under
#      ~60 lines"; a long switch becomes a dispatch table, not an exception here;
#   2. nm: the objects of the pure modules (src/core, src/py, src/schema, src/sql, src/autogen) reference no
#      I/O, process, environment or clock symbol (list below) and nothing of src/base/fs or the
#      database libraries;
#   3. Makefile: a plain `make` does not pass -Werror; DEVELOPER=1 and CI=1 do.
# BUILD_DIR defaults to the directory of $ALEMBIC_BIN (tests/run sets it), else build.
# Prints "lint: N passed, N failed"; exits non-zero on any failure.
set -u
cd "$(dirname "$0")/.."
B=${1:-}
if [ -z "$B" ]; then
	if [ -n "${ALEMBIC_BIN:-}" ]; then B=$(dirname "$ALEMBIC_BIN"); else B=build; fi
fi
LINT_MAX_LINES=${LINT_MAX_LINES:-60}
LINT_MAX_CCN=${LINT_MAX_CCN:-35}
pass=0
fail=0
ok() { pass=$((pass + 1)); }
not_ok() { fail=$((fail + 1)); echo "FAIL: lint: $1" >&2; }

# ---- 1. function length and complexity ----
if command -v pmccabe >/dev/null 2>&1; then
	# pmccabe columns: modified CCN, traditional CCN, statements, first line, lines, name
	bad=$(find src -name '*.c' | sort | xargs pmccabe 2>/dev/null |
		awk -v L="$LINT_MAX_LINES" -v C="$LINT_MAX_CCN" '$5 > L || $1 > C' | sort -k6)
	if [ -z "$bad" ]; then ok; else
		not_ok "functions over $LINT_MAX_LINES lines or complexity $LINT_MAX_CCN (ccn, ccn, stmts, line, lines, name):"
		echo "$bad" | sed 's/^/    /' >&2
	fi
else
	not_ok "pmccabe is not installed (tools/setup installs it)"
fi

# ---- 2. pure modules reference no I/O symbols ----
IO_SYMS='fopen fdopen freopen fclose fflush fread fwrite fprintf vfprintf printf vprintf dprintf
puts fputs fputc putc putchar getc fgetc fgets getchar ungetc scanf fscanf vfscanf perror
setvbuf open openat creat close read write pread pwrite readv writev lseek fsync fdatasync
stat fstat lstat fstatat access unlink unlinkat rename renameat link symlink readlink mkdir rmdir
opendir readdir closedir chdir getcwd realpath mkstemp mkdtemp tmpfile dup dup2 pipe ioctl isatty
select poll socket connect getenv setenv unsetenv putenv system popen pclose fork execv execve
execvp waitpid kill signal sigaction raise exit _exit time clock_gettime gettimeofday localtime
localtime_r gmtime strftime nanosleep sleep usleep rand srand random getrandom getpid
stdin stdout stderr'
pat=$(printf '%s\n' $IO_SYMS | sed 's/.*/^(__)?&(_chk|64)?$/' | paste -sd'|' -)
objs=$(ls "$B"/src/core/*.o "$B"/src/py/*.o "$B"/src/schema/*.o "$B"/src/sql/*.o "$B"/src/autogen/*.o 2>/dev/null)
if [ -z "$objs" ]; then
	not_ok "no objects of the pure modules under $B/src (build first)"
else
	bad=""
	for o in $objs; do
		syms=$(nm -u "$o" | awk '{print $NF}' | sed 's/@.*//' |
			grep -E "$pat|^fs_|^sqlite3_|^PQ|^cli_|^db_open|^db_exec|^db_query" | paste -sd' ' -)
		[ -z "$syms" ] || bad="$bad
    $o: $syms"
	done
	if [ -z "$bad" ]; then ok; else not_ok "pure modules reference I/O symbols:$bad"; fi
fi

# ---- 3. -Werror for developers and CI only ----
flags() { # make variables -> the compile line of one object (dry run, nothing built)
	env -u CI make -s -n -B B=build-lint-dry "$@" build-lint-dry/src/base/str.o 2>/dev/null |
		grep -e '-c -o build-lint-dry/src/base/str.o'
}
if flags | grep -q -e '-Werror'; then not_ok "plain make passes -Werror"; else ok; fi
if flags DEVELOPER=1 | grep -q -e '-Werror'; then ok; else not_ok "DEVELOPER=1 lacks -Werror"; fi
if flags CI=1 | grep -q -e '-Werror'; then ok; else not_ok "CI=1 lacks -Werror"; fi
rm -rf build-lint-dry

echo "lint: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
