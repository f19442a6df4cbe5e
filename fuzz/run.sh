#!/bin/sh
# fuzz/run.sh [SECONDS] - smoke-runs every libFuzzer target (fuzz/fuzz_<name>.c) over its
# checked-in corpus fuzz/corpus/<name>/ for a few seconds each (default 10).  A crash, leak or
# sanitizer report is a failure.  Ends with "fuzz: N passed, N failed".
# The seed is fixed (FUZZ_SEED, default 1) so a run in CI explores the same inputs in the same
# order every time and a failure reproduces; FUZZ_SEED=0 lets libFuzzer pick one (exploring:
# run it by hand for minutes, and check every input it finds into fuzz/corpus/<name>/).
# The targets are built by: make FUZZ=1 CC=clang B=build-fuzz fuzzers
set -u
cd "$(dirname "$0")/.."
secs=${1:-10}
seed=${FUZZ_SEED:-1}
pass=0
fail=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for src in fuzz/fuzz_*.c; do
	[ -f "$src" ] || continue
	name=$(basename "$src" .c)
	bin=build-fuzz/fuzz/$name
	corpus=fuzz/corpus/${name#fuzz_}
	if [ ! -x "$bin" ]; then
		echo "FAIL $name: not built ($bin)"
		fail=$((fail + 1))
		continue
	fi
	mkdir -p "$work/$name"
	set -- "$work/$name"
	[ -d "$corpus" ] && set -- "$work/$name" "$corpus"
	if "$bin" -seed="$seed" -max_total_time="$secs" -timeout=5 -rss_limit_mb=2048 -artifact_prefix="$work/" "$@" \
		>"$work/$name.log" 2>&1; then
		pass=$((pass + 1))
	else
		echo "FAIL $name:"
		tail -n 30 "$work/$name.log"
		fail=$((fail + 1))
	fi
done
echo "fuzz: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
