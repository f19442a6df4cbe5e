#!/bin/sh
# tests/cli/golden/init/record.sh - records the cases of cases.sh from
# Alembic 1.8.1 (the Debian oracle): one directory per case holding stdout,
# stderr, rc, dirs (the directories it made) and files ("<sha256>  <path>"
# of every file it wrote), normalised as cases.sh says; each distinct file
# content is stored once as blobs/<sha256>.  Run once after an oracle
# change; the goldens are checked in.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/cases.sh"
A="/usr/bin/python3 -m alembic"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
rm -rf "$HERE/blobs"
mkdir -p "$HERE/blobs"
for c in $INIT_CASES; do
	rm -rf "$HERE/$c"
	mkdir -p "$HERE/$c" "$TMP/$c"
	(cd "$TMP/$c" && set +e && "case_$c" >"$TMP/$c.out" 2>"$TMP/$c.err"; echo $? >"$TMP/$c.rc")
	find "$TMP/$c" -name __pycache__ -prune -exec rm -rf {} +
	norm() { sed -e "s|$TMP/$c|@P@|g" -e 's/^Create Date: .*/Create Date: @DATE@/' "$1"; }
	norm "$TMP/$c.out" >"$HERE/$c/stdout"
	norm "$TMP/$c.err" >"$HERE/$c/stderr"
	cp "$TMP/$c.rc" "$HERE/$c/rc"
	(cd "$TMP/$c" && find . -type d | sort) >"$HERE/$c/dirs"
	(cd "$TMP/$c" && find . -type f | sort) | while read -r f; do
		norm "$TMP/$c/$f" >"$TMP/blob"
		sum=$(sha256sum "$TMP/blob" | cut -d' ' -f1)
		cp "$TMP/blob" "$HERE/blobs/$sum"
		echo "$sum  $f"
	done >"$HERE/$c/files"
done
echo "recorded: $INIT_CASES"
