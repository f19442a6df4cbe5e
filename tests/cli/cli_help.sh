#!/bin/sh
# cli_help.sh - `--help` of the tool and of every command, byte for byte
# against goldens recorded from Alembic 1.8.1's argparse
# (golden/help/record.sh), at COLUMNS=80 and at other widths; -h and
# --help, help inside a flag cluster, --version.
. "$(dirname "$0")/lib.sh"
G=$TESTS_TOP/tests/cli/golden/help
new_project

for f in "$G"/*.txt; do
	name=$(basename "$f" .txt)
	cmd=${name%%.*}
	width=80
	case $name in *.*) width=${name#*.} ;; esac
	[ "$cmd" = alembic ] && cmd=""
	COLUMNS=$width run alembic $cmd --help
	expect_rc 0 "$name: --help exits 0"
	if cmp -s "$f" "$T_ROOT/.out"; then ok; else
		not_ok "$name: --help differs from the golden"
		diff "$f" "$T_ROOT/.out" | head -n 20 >&2
	fi
done

COLUMNS=80 run alembic heads -h
expect_rc 0 "heads -h"
cmp -s "$G/heads.txt" "$T_ROOT/.out" && ok || not_ok "heads -h prints the help"

COLUMNS=80 run alembic heads -vh
cmp -s "$G/heads.txt" "$T_ROOT/.out" && ok || not_ok "heads -vh: -h inside a flag cluster"

COLUMNS=80 run alembic -h nosuch
expect_rc 0 "-h before an unknown command acts first"
cmp -s "$G/alembic.txt" "$T_ROOT/.out" && ok || not_ok "-h prints the tool's help"

run alembic --version
expect_rc 0 "--version"
expect_out "--version prints the Alembic version we follow" <<'OUT'
alembic 1.8.1
OUT

run alembic --vers
expect_out "--vers is a unique prefix of --version" <<'OUT'
alembic 1.8.1
OUT

finish
