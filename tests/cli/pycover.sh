#!/bin/sh
# tests/cli/pycover.sh - tools/pycover, the coverage measuring tool of the
# bench (make pycover / make units): per-file OK / REFUSED lines, the summary
# and the histogram, -l lists, -q, usage errors.  The files here give the
# same verdict whichever front-end stages the library has (main's reader or
# the py/ddl front end), so the test holds across the branches.
. "$(dirname "$0")/lib.sh"
PYCOVER=${PYCOVER_BIN:-$(dirname "$ALEMBIC_BIN")/pycover}
[ -x "$PYCOVER" ] || { not_ok "pycover is built next to $ALEMBIC_BIN (make units)"; finish; }

new_project
cat >ok.py <<'PY'
"""ok

Revision ID: a1
Revises:
Create Date: 2026-01-01 00:00:00.000000

"""
from alembic import op

revision = 'a1'
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute("CREATE TABLE t (id INTEGER)")


def downgrade():
    op.execute("DROP TABLE t")
PY
cat >orm.py <<'PY'
from alembic import op
import sqlalchemy as sa

revision = 'a2'
down_revision = 'a1'


def upgrade():
    session = sa.orm.Session(bind=op.get_bind())
    for row in session.execute(sa.text("SELECT id FROM t")).fetchall():
        op.execute("DROP TABLE t%d" % row[0])


def downgrade():
    pass
PY
printf "revision = 'a3\n" >broken.py

run "$PYCOVER" ok.py orm.py broken.py missing.py
expect_rc 0 "pycover exits 0 whatever the coverage"
expect_out_has "OK ok.py" "an op.execute revision is OK"
expect_out_has "REFUSED orm.py:" "an ORM body is refused with its position"
expect_out_has "REFUSED broken.py:1:" "an unterminated string is refused at line 1"
expect_out_has "REFUSED missing.py:0:0:" "a missing file is refused"
expect_out_has "[read]" "the stage of the refusal is named"
expect_out_has "files OK: 1 / 4 (25.0%)" "the summary counts files"
expect_out_has "refusal reasons (files):" "the histogram is printed"
expect_eq "$(grep -c '^\(OK\|REFUSED\) ' "$T_ROOT/.out")" 4 "one line per file"
n=$(sed -n '/^refusal reasons/,$p' "$T_ROOT/.out" | awk 'NR > 1 { s += $1 } END { print s + 0 }')
expect_eq "$n" 3 "the histogram adds up to the refused files"

printf '%s\n' "$P/ok.py" "" "$P/orm.py" >list
run "$PYCOVER" -q -l list
expect_rc 0 "-l with -q"
expect_out_has "files OK: 1 / 2 (50.0%)" "-l reads one name a line, skipping empty lines"
expect_eq "$(grep -c '^\(OK\|REFUSED\) ' "$T_ROOT/.out")" 0 "-q prints no per-file lines"

run "$PYCOVER" -b -T ok.py
expect_out_has "stages: main's reader (op.execute bodies only)" "-b measures main's reader"
expect_out_has "us CPU" "-T reports the CPU time per file"

run "$PYCOVER"
expect_rc 2 "no file is a usage error"
expect_err_has "usage: pycover" "the usage line"
run "$PYCOVER" -z ok.py
expect_rc 2 "an unknown option is a usage error"
run "$PYCOVER" -l "$P/nope"
expect_rc 2 "an unreadable list"
expect_err_has "cannot open" "says which list"
finish
