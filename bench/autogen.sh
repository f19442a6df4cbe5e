#!/bin/sh
# bench/autogen.sh [N] - cost of autogenerate (issue 10): `revision
# --autogenerate` against an N-table (default 1000) PostgreSQL schema with a
# handful of changes, and `check` with none, side by side with Python Alembic
# 1.8.1 on the same schema and model, in one run on a throwaway cluster from
# tests/pg.sh.
#
# bench/autogen_gen.py writes the schema at v1 (N tables of 10 columns, 2
# indexes, 1 foreign key to the previous table: an N-deep chain), applied with
# psql, and the model at v2 (an added column, a dropped index, a type change,
# a nullable change, a new table) and at v1, each two ways: a SQLModel module
# (models.py in a project made by Python Alembic's `alembic init migrations`
# with the user guide's env.py edits, compare_type and compare_server_default
# on; both tools run that same project) and SQL files for a native project
# (our `alembic init -t sql`, alembic.ini `target_metadata = models/*.sql`).
#
# Measured (wall seconds, min and median of REPS runs, default 3; peak RSS by
# /usr/bin/time, which for ours with a SQLModel model is the larger of ours
# and the Python helper's; statements sent, all and catalog reads, counted in
# one more run per command with log_statement = all on the database):
#   ours   revision --autogenerate   v2 SQLModel model / v2 SQL model
#   Alembic revision --autogenerate  v2 SQLModel model
#   ours   check                     v1 SQL model / v1 SQLModel model
#   Alembic compare_metadata         v1 SQLModel model (bench/autogen_compare.py:
#                                    1.8.1 has no `check`), start-up included
# and the CPU seconds (user + sys, the Python helper's included, median),
# and the physical floors: psql replaying our catalog queries, psql creating
# the SQL model in a rolled-back transaction (our scratch copy).
# Verified on the way: ours and Alembic report the same "Detected" lines; our
# revisions (SQL and .py) upgrade a copy of the database, after which our
# `check` and Alembic's compare_metadata find nothing.
# Prints the numbers and the ratios next to the aims; asserts no time (a
# benchmark, not a test); exits non-zero when a verification fails.
# REPS=n runs each (3); KEEP=1 keeps the work directory; PYREC, ALEMBIC_BIN,
# PYTHON as below.
set -eu
cd "$(dirname "$0")/.."
TOP=$(pwd)
N=${1:-1000}
REPS=${REPS:-3}
# Python's recursion limit for Alembic's runs: SQLAlchemy 1.4 reflects a
# foreign key's referred table recursively (about 8 frames a level), so stock
# Alembic fails with RecursionError on a chain deeper than about 100 tables
# (reported by one stock run first)
PYREC=${PYREC:-$((N * 50 + 1000))}
BIN=${ALEMBIC_BIN:-$TOP/build/alembic}
PY=${PYTHON:-/usr/bin/python3}
# the Python helper of ours runs python3 from PATH: Debian's, with sqlmodel
PATH=/usr/bin:$PATH
export PATH
[ -x "$BIN" ] || { echo "bench: build first ($BIN missing)" >&2; exit 1; }
"$PY" -c 'import alembic, sqlmodel, psycopg2' 2>/dev/null ||
	{ echo "bench: $PY lacks alembic, sqlmodel or psycopg2" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time missing (apt-get install time)" >&2; exit 1; }
W=$(mktemp -d "${TMPDIR:-/tmp}/alembic-bench-ag.XXXXXX")
export ALEMBIC_PG_STATE="$W/pg.state"
pg_started=""
cleanup() {
	[ -z "$pg_started" ] || tests/pg.sh stop >/dev/null 2>&1 || true
	if [ -n "${KEEP:-}" ]; then echo "bench: kept $W" >&2; else rm -rf "$W"; fi
}
trap cleanup EXIT INT TERM
. "$TOP/bench/lib.sh"

tests/pg.sh start >"$W/pg.out" 2>&1 || { cat "$W/pg.out" >&2; exit 1; }
pg_started=1
eval "$(tests/pg.sh env)"
LOG=$ALEMBIC_TEST_PG_DIR/server.log
# url DB: a unix-socket URL (local trust: no password, no '%' for the ini)
url() { printf 'postgresql://alembic_test@/%s?host=%s&port=%s' "$1" "$ALEMBIC_TEST_PG_DIR" "$ALEMBIC_TEST_PG_PORT"; }
pq() { pq_db=$1; shift; psql -X -q -v ON_ERROR_STOP=1 "$@" "$(url "$pq_db")"; }
pq postgres -c "CREATE DATABASE bench" >/dev/null

"$PY" bench/autogen_gen.py "$N" "$W/gen"
t0=$(now)
pq bench -1 -f "$W/gen/v1.sql" >/dev/null
t1=$(now)
load=$(elapsed "$t0" "$t1")

# --- the projects ------------------------------------------------------------------
# mk_sm DIR VER: Alembic's `init migrations` + the guide's env.py edits + models.py
mk_sm() {
	mkdir -p "$1"
	(cd "$1" && "$PY" -m alembic init migrations >/dev/null)
	env=$1/migrations/env.py
	{ printf 'import os\nfrom sqlmodel import SQLModel\nimport models  # noqa: F401\n'; cat "$env"; } >"$env.new"
	mv "$env.new" "$env"
	sed -i -e 's/^target_metadata = None$/target_metadata = SQLModel.metadata/' \
		-e 's/^config = context.config$/config = context.config\nconfig.set_main_option("sqlalchemy.url", os.getenv("POSTGRES_URL"))/' \
		-e 's/^            connection=connection, target_metadata=target_metadata$/            connection=connection, target_metadata=target_metadata,\n            compare_type=True, compare_server_default=True,/' "$env"
	cp "$W/gen/py_v$2/models.py" "$1/"
}
# mk_sql DIR VER DB: our `init -t sql`, the URL, target_metadata = models/*.sql
mk_sql() {
	mkdir -p "$1/models"
	(cd "$1" && "$BIN" init -t sql migrations >/dev/null)
	u=$(url "$3" | sed 's/[|&]/\\&/g')
	sed -i -e "s|^sqlalchemy.url = .*|sqlalchemy.url = $u|" \
		-e 's|^script_location = migrations$|&\ntarget_metadata = models/*.sql|' "$1/alembic.ini"
	cp "$W/gen/sql_v$2/"*.sql "$1/models/"
}
mk_sm "$W/sm1" 1
mk_sm "$W/sm2" 2
mk_sql "$W/sql1" 1 bench
mk_sql "$W/sql2" 2 bench
POSTGRES_URL=$(url bench)
export POSTGRES_URL

# --- the commands ------------------------------------------------------------------
# cmd NAME: runs the command NAME stands for (in its project; a revision it
# writes is moved to $W/NAME.rev, so that every run starts from the same heads)
cmd() {
	what=$1
	case $1 in
	ours_rev_sm) dir=sm2; set -- "$BIN" revision --autogenerate -m v2 ;;
	ours_rev_sql) dir=sql2; set -- "$BIN" revision --autogenerate -m v2 ;;
	py_rev_stock) dir=sm2; set -- "$PY" -m alembic revision --autogenerate -m v2 ;;
	py_rev_sm) dir=sm2; set -- "$PY" -c "$PYMAIN" "$PYREC" revision --autogenerate -m v2 ;;
	ours_check_sql) dir=sql1; set -- "$BIN" check ;;
	ours_check_sm) dir=sm1; set -- "$BIN" check ;;
	py_check_sm) dir=sm1; set -- "$PY" "$TOP/bench/autogen_compare.py" . "$PYREC" ;;
	esac
	(cd "$W/$dir" && /usr/bin/time -f '%M %U %S' -o "$W/mem" "$@") >"$W/out" 2>"$W/err" || {
		[ -z "${2:-}" ] || return 1
		echo "bench: $* failed in $dir:" >&2
		cat "$W/out" "$W/err" >&2
		exit 1
	}
	for f in "$W/$dir/migrations/versions/"*; do
		[ -f "$f" ] && mv "$f" "$W/$what.rev"
	done
	rm -rf "$W/$dir/migrations/versions/__pycache__"
}
PYMAIN='import sys; sys.setrecursionlimit(int(sys.argv.pop(1))); from alembic.config import main; main(prog="alembic")'
NAMES="ours_rev_sm ours_rev_sql py_rev_sm ours_check_sql ours_check_sm py_check_sm"

# stock Alembic, once: does it get through the chain?
if cmd py_rev_stock may-fail; then
	stock="Python Alembic as installed (recursion limit 1000): works"
elif grep -q RecursionError "$W/err"; then
	stock="Python Alembic as installed (recursion limit 1000): fails, RecursionError in SQLAlchemy's reflection of the foreign-key chain; measured with sys.setrecursionlimit($PYREC)"
else
	stock="Python Alembic as installed: fails: $(tail -n 1 "$W/err")"
fi

for name in $NAMES; do
	: >"$W/$name.t"
	: >"$W/$name.m"
	: >"$W/$name.c"
	r=0
	while [ $r -lt "$REPS" ]; do
		t0=$(now)
		cmd "$name"
		t1=$(now)
		elapsed "$t0" "$t1" >>"$W/$name.t"
		echo >>"$W/$name.t"
		tail -n 1 "$W/mem" | cut -d' ' -f1 >>"$W/$name.m"
		tail -n 1 "$W/mem" | awk '{ print $2 + $3 }' >>"$W/$name.c"
		r=$((r + 1))
	done
	cp "$W/out" "$W/$name.out"
	cp "$W/err" "$W/$name.err"
done

# --- statements sent: one more run each, with log_statement = all -----------------------
pq postgres -c "ALTER DATABASE bench SET log_statement = 'all'" >/dev/null
for name in $NAMES; do
	off=$(stat -c %s "$LOG")
	cmd "$name"
	sleep 0.2
	"$PY" bench/autogen_pglog.py "$LOG" "$off" "$W/$name.cat.sql" >"$W/$name.q"
done
pq postgres -c "ALTER DATABASE bench RESET log_statement" >/dev/null

# --- the physical floors ---------------------------------------------------------------
: >"$W/floor_q.t"
: >"$W/floor_ddl.t"
{ echo "BEGIN;"; echo "CREATE SCHEMA bench_scratch;"; echo "SET LOCAL search_path TO bench_scratch;"
	cat "$W/gen/sql_v1/"*.sql; echo "ROLLBACK;"; } >"$W/floor_ddl.sql"
r=0
while [ $r -lt "$REPS" ]; do
	t0=$(now)
	pq bench -f "$W/ours_check_sql.cat.sql" >/dev/null
	t1=$(now)
	elapsed "$t0" "$t1" >>"$W/floor_q.t"
	echo >>"$W/floor_q.t"
	t0=$(now)
	pq bench -f "$W/floor_ddl.sql" >/dev/null
	t1=$(now)
	elapsed "$t0" "$t1" >>"$W/floor_ddl.t"
	echo >>"$W/floor_ddl.t"
	r=$((r + 1))
done

# --- report ----------------------------------------------------------------------------
echo "autogenerate, $N tables (10 columns, 2 indexes, 1 foreign key each: an $N-deep chain) on PostgreSQL"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) (wall times scale with it); $REPS runs each"
echo "v1 schema loaded by psql in one transaction: $load s; v2 changes: $(tr '\n' ' ' <"$W/gen/changes.txt")"
echo "$stock"
echo
printf '%-44s %8s %8s %8s %9s %10s %8s\n' "command (model)" "min s" "median s" "cpu s" "peak MB" "statements" "catalog"
row() { # NAME LABEL
	set -- "$1" "$2" $(stats "$W/$1.t") $(stats "$W/$1.c" | cut -d' ' -f2) $(sort -n "$W/$1.m" | tail -n 1) $(cat "$W/$1.q")
	printf '%-44s %8s %8s %8.2f %9s %10s %8s\n' "$2" "$3" "$4" "$5" "$(awk -v k="$6" 'BEGIN { printf "%.1f", k / 1024 }')" "$7" "$8"
}
row ours_rev_sm "ours revision --autogenerate (SQLModel v2)"
row ours_rev_sql "ours revision --autogenerate (SQL v2)"
row py_rev_sm "Alembic revision --autogenerate (SQLModel v2)"
row ours_check_sm "ours check (SQLModel v1)"
row ours_check_sql "ours check (SQL v1)"
row py_check_sm "Alembic compare_metadata (SQLModel v1)"
set -- $(stats "$W/floor_q.t")
printf '%-44s %8s %8s   (%s statements: ours check'"'"'s catalog reads)\n' "floor: psql replaying our catalog queries" "$1" "$2" "$(cut -d' ' -f2 "$W/ours_check_sql.q")"
set -- $(stats "$W/floor_ddl.t")
printf '%-44s %8s %8s   (CREATE of the SQL model, rolled back)\n' "floor: psql creating the model (scratch)" "$1" "$2"
echo
med() { stats "$W/$1.t" | cut -d' ' -f2; }
echo "ratios Alembic / ours (medians):"
printf '  %-52s %6s   (aim: at least 5)\n' "revision --autogenerate, ours with the SQLModel model" "$(ratio "$(med py_rev_sm)" "$(med ours_rev_sm)")"
printf '  %-52s %6s   (aim: at least 20, ours under 1 s)\n' "revision --autogenerate, ours with the SQL model" "$(ratio "$(med py_rev_sm)" "$(med ours_rev_sql)")"
printf '  %-52s %6s   (aim: at least 5)\n' "check / compare_metadata, ours with the SQLModel model" "$(ratio "$(med py_check_sm)" "$(med ours_check_sm)")"
printf '  %-52s %6s   (aim: at least 20, ours under 1 s)\n' "check / compare_metadata, ours with the SQL model" "$(ratio "$(med py_check_sm)" "$(med ours_check_sql)")"

# --- verification ----------------------------------------------------------------------
echo
fail=0
# The "Detected" lines: those of alembic.autogenerate.compare in order; the
# SERIAL notes of alembic.ddl.postgresql as sets (ours gives one per table, by
# name: Alembic's come in set order and only for the tables it reflected
# itself, not those it loaded as a foreign key's referred table before).
detected() { grep -o 'Detected .*' "$W/$1.err" | grep -v '^Detected sequence' || true; }
serial() { grep -o 'Detected sequence .*' "$W/$1.err" | sort || true; }
detected py_rev_sm >"$W/det.py"
serial py_rev_sm >"$W/ser.py"
for v in sm sql; do
	detected "ours_rev_$v" >"$W/det.$v"
	serial "ours_rev_$v" >"$W/ser.$v"
done
echo "Detected lines (compare): Alembic $(wc -l <"$W/det.py"), ours (SQLModel) $(wc -l <"$W/det.sm"), ours (SQL) $(wc -l <"$W/det.sql")"
# the SQL model's types are the database's: BIGINT() where SQLModel says BigInteger()
typeless() { sed -E 's/ to [A-Za-z_.]+\(/ to T(/' "$1"; }
for v in sm sql; do
	if cmp -s "$W/det.py" "$W/det.$v"; then
		echo "  ours ($v model) = Alembic, in order: yes"
	elif [ "$v" = sql ] && [ "$(typeless "$W/det.py")" = "$(typeless "$W/det.$v")" ]; then
		echo "  ours ($v model) = Alembic, in order: yes, but for the spelling of a new type (the database's)"
		diff "$W/det.py" "$W/det.$v" | grep '^[<>]' | sed 's/^/    /' || true
	else
		echo "  ours ($v model) = Alembic, in order: NO"
		diff "$W/det.py" "$W/det.$v" | sed 's/^/    /' || true
		fail=1
	fi
	if [ -z "$(comm -23 "$W/ser.py" "$W/ser.$v")" ]; then
		echo "  SERIAL notes: ours ($v model) $(wc -l <"$W/ser.$v"), Alembic's $(wc -l <"$W/ser.py") all among them"
	else
		echo "  SERIAL notes: Alembic has some ours ($v model) lacks:"
		comm -23 "$W/ser.py" "$W/ser.$v" | sed 's/^/    /'
		fail=1
	fi
done
grep -q 'No new upgrade operations detected' "$W/ours_check_sql.out" "$W/ours_check_sql.err" ||
	{ echo "  ours check (SQL v1) did not say 'No new upgrade operations detected.'"; fail=1; }
grep -q '^differences: 0$' "$W/py_check_sm.out" || { echo "  Alembic compare_metadata found differences at v1"; fail=1; }

# upgrade_check KIND PROJECT: our revision upgrades a copy of the database, then
# our check passes and Alembic's compare_metadata (v2 model) finds nothing
upgrade_check() {
	db=bench_up_$1
	pq postgres -c "CREATE DATABASE $db TEMPLATE bench" >/dev/null
	cp -R "$W/$2" "$W/up_$1"
	sed -i "s|/bench?|/$db?|" "$W/up_$1/alembic.ini"
	(
		cd "$W/up_$1"
		export POSTGRES_URL="$(url "$db")"
		"$BIN" revision --autogenerate -m v2 >"$W/up.out" 2>&1 &&
			"$BIN" upgrade head >>"$W/up.out" 2>&1 &&
			"$BIN" check >>"$W/up.out" 2>&1 &&
			mkdir -p "$W/up_py_$1" && cp "$W/gen/py_v2/models.py" "$W/up_py_$1/" &&
			"$PY" "$TOP/bench/autogen_compare.py" "$W/up_py_$1" "$PYREC" >>"$W/up.out" 2>&1
	) && echo "  our revision ($1 model) upgrades the database, then check passes (ours and Alembic's): yes" || {
		echo "  our revision ($1 model) upgrades the database, then check passes (ours and Alembic's): NO"
		grep -v "Detected sequence" "$W/up.out" | tail -n 15 | sed 's/^/    /'
		fail=1
	}
}
upgrade_check sql sql2
upgrade_check sm sm2
exit $fail
