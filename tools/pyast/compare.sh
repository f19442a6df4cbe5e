#!/bin/sh
# tools/pyast/compare.sh FILE.py... - compares the syntax tree of src/py's parser with
# Python's own ast module on each file: statement and expression kinds with their
# line:col (f-string internals left out), printed by dump.c (our tree) and dump.py
# (Python's).  Needs python3 and a built build/libalembic.a.  Prints the files that
# differ and ends with "pyast: N same, N differ".
set -u
cd "$(dirname "$0")/../.." || exit 1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cc -std=c11 -Isrc -include src/base/compat.h tools/pyast/dump.c build/libalembic.a \
	-o "$work/dump" || exit 1
same=0
differ=0
for f in "$@"; do
	python3 tools/pyast/dump.py "$f" >"$work/py.txt" 2>/dev/null || continue
	"$work/dump" "$f" >"$work/c.txt" 2>&1
	if cmp -s "$work/py.txt" "$work/c.txt"; then
		same=$((same + 1))
	else
		differ=$((differ + 1))
		echo "differs: $f"
	fi
done
echo "pyast: $same same, $differ differ"
[ "$differ" -eq 0 ]
