#!/bin/sh
# bench/graph.sh [ALEMBIC_BIN] - revision-graph benchmark: our executable vs
# Python Alembic 1.8.1 on generated projects of 1,000 and 10,000 revisions
# (mostly linear, a short side branch merged back every ~50 revisions; built by
# tests/conformance/gen_project.py bench).
#
# For heads, history, history -r X:, show X and upgrade head --sql it prints
# the best wall time of RUNS runs (ours; PY_RUNS for Python, default 1 as
# Python needs seconds per run), the ratio, and the max RSS (KB, via
# /usr/bin/time -f %M when available).  The "physical limit" row is the time
# of `cat versions/* >/dev/null`: reading the revision files at all.
# No assertions: this prints numbers.
#
# Environment: RUNS (default 5), PY_RUNS (default 1), SIZES (default
# "1000 10000"), NO_PYTHON=1 to time only our executable.
set -u
cd "$(dirname "$0")/.." || exit 1
TOP=$(pwd)
BIN=${1:-${ALEMBIC_BIN:-$TOP/build/alembic}}
case $BIN in /*) ;; *) BIN=$TOP/$BIN ;; esac
RUNS=${RUNS:-5}
PY_RUNS=${PY_RUNS:-1}
SIZES=${SIZES:-"1000 10000"}
NO_PYTHON=${NO_PYTHON:-}

if [ ! -x "$BIN" ]; then
	echo "graph.sh: no executable at $BIN (build it with make, or pass its path)" >&2
	exit 1
fi
if [ -z "$NO_PYTHON" ] && ! /usr/bin/python3 -c 'import alembic' 2>/dev/null; then
	echo "graph.sh: Python Alembic not found; timing only our executable" >&2
	NO_PYTHON=1
fi
if [ ! -x /usr/bin/time ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
	apt-get install -y time >/dev/null 2>&1 || true
fi
HAVE_TIME=
[ -x /usr/bin/time ] && HAVE_TIME=1

WORK=$(mktemp -d "${TMPDIR:-/tmp}/alembic-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT INT TERM

now_ns() { date +%s%N; }

# best_ms RUNS CMD... : best wall time in milliseconds (stdout discarded)
best_ms() {
	n=$1
	shift
	best=
	i=0
	while [ "$i" -lt "$n" ]; do
		t0=$(now_ns)
		"$@" >/dev/null 2>&1 </dev/null
		t1=$(now_ns)
		t=$(((t1 - t0) / 1000))
		if [ -z "$best" ] || [ "$t" -lt "$best" ]; then best=$t; fi
		i=$((i + 1))
	done
	awk -v us="$best" 'BEGIN { printf "%.1f", us / 1000 }'
}

# rss_kb CMD... : max RSS in KB, or "-"
rss_kb() {
	if [ -z "$HAVE_TIME" ]; then
		echo -
		return
	fi
	/usr/bin/time -f %M -o "$WORK/rss" "$@" >/dev/null 2>&1 </dev/null
	tail -n 1 "$WORK/rss"
}

python_alembic() { /usr/bin/python3 -m alembic "$@"; }
ours() { "$BIN" "$@"; }

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a > 0 && b != "-") printf "%.1fx", b / a; else printf "-" }'; }

printf '%-8s %-24s %12s %12s %8s %10s %10s\n' revs command "ours ms" "python ms" ratio "ours KB" "python KB"
for n in $SIZES; do
	P=$WORK/p$n
	/usr/bin/python3 tests/conformance/gen_project.py bench "$n" "$n" "$P" || exit 1
	cd "$P" || exit 1
	# a revision in the middle of the trunk (file names start with the id)
	mid=$(cd migrations/versions && printf '%s\n' *.py | sed -n "$((n / 2))p" | cut -d_ -f1)
	t=$(best_ms "$RUNS" sh -c 'cat migrations/versions/* >/dev/null')
	printf '%-8s %-24s %12s %12s %8s %10s %10s\n' "$n" "cat versions/* (limit)" "$t" - - - -
	for c in "heads" "history" "history -r $mid:" "show $mid" "upgrade head --sql"; do
		# shellcheck disable=SC2086 # the command words are split on purpose
		ot=$(best_ms "$RUNS" ours $c)
		# shellcheck disable=SC2086
		orss=$(rss_kb "$BIN" $c)
		pt=- prss=-
		if [ -z "$NO_PYTHON" ]; then
			# shellcheck disable=SC2086
			pt=$(best_ms "$PY_RUNS" python_alembic $c)
			# shellcheck disable=SC2086
			prss=$(rss_kb /usr/bin/python3 -m alembic $c)
		fi
		label=$(echo "$c" | sed "s/$mid/MID/")
		printf '%-8s %-24s %12s %12s %8s %10s %10s\n' "$n" "$label" "$ot" "$pt" \
			"$(ratio "$ot" "$pt")" "$orss" "$prss"
	done
	cd "$TOP" || exit 1
done
