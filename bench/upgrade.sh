#!/bin/sh
# bench/upgrade.sh [N] - cost of `alembic upgrade head` over N (default 1000)
# small revisions on SQLite, measured in one run against:
#   1. the sqlite3 shell executing the same SQL (our `upgrade head --sql`
#      output: the statements and the version-table maintenance) inside one
#      transaction, the floor for any migration tool;
#   2. Python Alembic 1.8.1 on the same revisions written as op.execute
#      .py files with a generated env.py project (when python3 -m alembic is
#      installed; its per-revision COMMIT dominates, ref §14).
# Prints wall times and the ratios; asserts nothing (a benchmark, not a test).
set -eu
cd "$(dirname "$0")/.."
TOP=$(pwd)
N=${1:-1000}
BIN=${ALEMBIC_BIN:-$TOP/build/alembic}
PY=${PYTHON:-/usr/bin/python3}
[ -x "$BIN" ] || { echo "bench: build first ($BIN missing)" >&2; exit 1; }
command -v sqlite3 >/dev/null || { echo "bench: sqlite3 shell missing" >&2; exit 1; }
W=$(mktemp -d "${TMPDIR:-/tmp}/alembic-bench.XXXXXX")
trap 'rm -rf "$W"' EXIT

. "$TOP/bench/lib.sh"
rev_id() { printf 'b%011x' "$1"; }

# --- the native project ---------------------------------------------------------
mkdir -p "$W/native/migrations/versions"
printf '[alembic]\nscript_location = migrations\nsqlalchemy.url = sqlite:///bench.db\n' \
	>"$W/native/alembic.ini"
i=1
prev=""
while [ $i -le "$N" ]; do
	id=$(rev_id $i)
	{
		printf -- '-- revision %d\n--\n-- Revision ID: %s\n-- Revises: %s\n' $i "$id" "$prev"
		printf -- '-- Create Date: 2026-01-01 00:00:00.000000\n\n-- migrate:upgrade\n'
		printf 'CREATE TABLE t%d (id INTEGER PRIMARY KEY, v TEXT);\n' $i
		printf "INSERT INTO t%d (v) VALUES ('r%d');\n\n" $i $i
		printf -- '-- migrate:downgrade\nDROP TABLE t%d;\n' $i
	} >"$W/native/migrations/versions/${id}_r$i.sql"
	prev=$id
	i=$((i + 1))
done

cd "$W/native"
"$BIN" upgrade head --sql >upgrade.sql 2>/dev/null
{ echo "BEGIN;"; cat upgrade.sql; echo "COMMIT;"; } >shell.sql
t0=$(now)
"$BIN" upgrade head 2>/dev/null
t1=$(now)
ours=$(elapsed "$t0" "$t1")
[ "$(sqlite3 bench.db 'SELECT version_num FROM alembic_version')" = "$(rev_id "$N")" ] ||
	{ echo "bench: our upgrade did not reach head" >&2; exit 1; }
t0=$(now)
sqlite3 shell.db <shell.sql
t1=$(now)
shell=$(elapsed "$t0" "$t1")

# --- Python Alembic on the same revisions -----------------------------------------
python="n/a"
if "$PY" -c 'import alembic' 2>/dev/null; then
	mkdir -p "$W/py"
	cd "$W/py"
	"$PY" -m alembic init migrations >/dev/null
	sed -i 's|^sqlalchemy.url = .*|sqlalchemy.url = sqlite:///bench.db|' alembic.ini
	i=1
	prev=None
	while [ $i -le "$N" ]; do
		id=$(rev_id $i)
		{
			py_revision_head "revision $i" "$id" "$prev" "from alembic import op"
			cat <<EOF
def upgrade():
    op.execute("CREATE TABLE t$i (id INTEGER PRIMARY KEY, v TEXT)")
    op.execute("INSERT INTO t$i (v) VALUES ('r$i')")


def downgrade():
    op.execute("DROP TABLE t$i")
EOF
		} >"migrations/versions/${id}_r$i.py"
		prev="'$id'"
		i=$((i + 1))
	done
	t0=$(now)
	"$PY" -m alembic upgrade head 2>/dev/null
	t1=$(now)
	python=$(elapsed "$t0" "$t1")
fi

echo "upgrade head, $N revisions on SQLite (wall seconds):"
echo "  alembic (C)             $ours"
echo "  sqlite3 shell, one txn  $shell"
echo "  Python Alembic 1.8.1    $python"
echo "ratio C / sqlite3 shell:  $(ratio "$ours" "$shell")"
if [ "$python" != "n/a" ]; then
	echo "ratio Python / C:         $(ratio "$python" "$ours")"
else
	echo "ratio Python / C:         n/a (python3 -m alembic not installed)"
fi
