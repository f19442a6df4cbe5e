#!/bin/sh
# cli_tty.sh - Alembic's stdin-is-a-terminal quirk (reference §1.2): when
# fd 0 is a terminal, msg/status/FAILED lines are indented by two spaces and
# word-wrapped (textwrap) to its width; results never are.  Expected texts
# were captured from the oracle in a 60-column pty.  Runs the tool inside
# script(1) (util-linux) to get a pty.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/golden/fixtures.sh"

# in_pty COLS CMD: runs CMD with stdin/stdout on a pty of COLS columns.
in_pty() {
	cols=$1
	shift
	script -qec "stty cols $cols; $*" /dev/null </dev/null | tr -d '\r' >"$T_ROOT/.out"
}

if ! command -v script >/dev/null 2>&1; then
	not_ok "script(1) is needed for the pty tests"
	cd / && rm -rf "$P"
finish
	exit 1
fi

# A directory whose path has the length and hyphens of the oracle's capture.
P=$(mktemp -d --suffix=-bbbbbbbb-ccccccccccc-ddddddddddd /tmp/ttyXXXX) || exit 1
cd "$P" || exit 1
project_p3

in_pty 60 "'$ALEMBIC_BIN' show nosuchrevisionxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
expect_out "FAILED wrapped and indented (oracle, 60 columns)" <<'EOF'
  FAILED: Can't locate revision identified by
  'nosuchrevisionxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'
EOF

in_pty 60 "'$ALEMBIC_BIN' revision -m 'x' --rev-id t2-x"
expect_out "FAILED with a quoted id (oracle)" <<'EOF'
  FAILED: Character(s) '-' not allowed in revision identifier
  't2-x'
EOF

in_pty 50 "'$ALEMBIC_BIN' revision -m 'a' --rev-id t1 --head bbbb0002"
expect_out "status line broken at a hyphen of the path (oracle, 50 columns)" <<EOF
  Generating ${P%ddddddddddd}
  ddddddddddd/migrations/versions/t1_a.sql ...  done
EOF

LONG="a message long enough to pass the sixty columns of the terminal easily"
run alembic revision -m "$LONG" --rev-id long1 --head cccc0001
in_pty 60 "'$ALEMBIC_BIN' history -r cccc0001:long1"
expect_out "results are never wrapped nor indented" <<EOF
cccc0001 -> long1 (head), $LONG
aaaa0001 -> cccc0001, c one
EOF

in_pty 60 "'$ALEMBIC_BIN' show nosuch </dev/null"
expect_out "stdin not a terminal: flush left" <<'EOF'
FAILED: Can't locate revision identified by 'nosuch'
EOF

cd / && rm -rf "$P"
finish
