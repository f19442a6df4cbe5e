#!/bin/sh
# cli_errors.sh - bad input gets one clear message naming the file (and the
# line where there is one), a non-zero exit, and nothing written: malformed
# revision headers, duplicate ids and labels, cycles, missing parents,
# non-UTF-8 files, a broken alembic.ini; revision/merge refusals that
# Alembic only detects after writing; the report's streams and statuses.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/golden/fixtures.sh"

V=migrations/versions

# one_error DESC FILE-PREFIX: the last run failed with exit 1 and a single
# "ERROR: <file>..." line on stderr, nothing on stdout.
one_error() {
	expect_rc 1 "$1: exit 1"
	expect_err_has "ERROR: $2" "$1: names the file"
	expect_eq "$(wc -l <"$T_ROOT/.err" | tr -d ' ')" 1 "$1: one line"
	if [ -s "$T_ROOT/.out" ]; then not_ok "$1: nothing on stdout"; else ok; fi
}

# nothing_written DESC: no revision file appeared since `snapshot`.
snapshot() { ls $V >"$T_ROOT/.ls"; }
nothing_written() {
	ls $V >"$T_ROOT/.ls2"
	if cmp -s "$T_ROOT/.ls" "$T_ROOT/.ls2"; then ok; else not_ok "$1: nothing written"; fi
}

# Each broken project: heads fails, and revision writes nothing.
broken() {
	desc=$1
	file=$2
	run alembic heads
	one_error "$desc (heads)" "$P/$file"
	snapshot
	run alembic revision -m "more" --rev-id more01 --head heads
	expect_rc 1 "$desc (revision): exit 1"
	nothing_written "$desc (revision)"
}

new_project
project_p3
mkrev $V dup00001 "'aaaa0001'" "" "" "dup"
sed -i "s/^revision = 'dup00001'/revision = 'bbbb0001'/" $V/dup00001_dup.py
broken "duplicate id" "$V/"

new_project
project_p3
mkrev $V lab00001 "'bbbb0002'" "" "('x',)" "lab one"
mkrev $V lab00002 "'cccc0001'" "" "('x',)" "lab two"
broken "duplicate branch label" "$V/lab0000"
expect_err_has "Branch name 'x'" "duplicate label: names the label"

new_project
project_p3
mkrev $V cyc00001 "'cyc00002'" "" "" "cycle one"
mkrev $V cyc00002 "'cyc00001'" "" "" "cycle two"
broken "cycle" "$V/cyc0000"
expect_err_has "Cycle is detected in revisions (cyc00001, cyc00002)" "cycle: names the members"

new_project
project_p3
mkrev $V orph0001 "'nosuch00'" "" "" "orphan"
broken "missing parent" "$V/orph0001_orphan.py"
expect_err_has "nosuch00" "missing parent: names it"

new_project
project_p3
printf '"""bad \377 byte\n"""\nrevision = "x1"\ndown_revision = None\n' >$V/x1_bad.py
broken "non-UTF-8 file" "$V/x1_bad.py:"

new_project
project_p3
cat >$V/h1_header.sql <<'EOF'
-- malformed header
--
-- Revises: aaaa0001
-- migrate:upgrade
SELECT 1;
EOF
broken "SQL header without Revision ID" "$V/h1_header.sql"

new_project
project_p3
printf 'revision = (\n' >$V/t1_trunc.py
broken "truncated Python file" "$V/t1_trunc.py:"

new_project
project_p3
printf '[alembic]\nscript_location = migrations\nsqlalchemy.url = %%(nosuch)s\n' >alembic.ini
run alembic config
expect_rc 1 "bad interpolation: config exits 1"
expect_err_has "ERROR: alembic.ini:3:" "bad interpolation: file and line"
expect_out_has "script_location = migrations" "bad interpolation: the other keys are listed"

new_project
project_p3
printf 'script_location = migrations\n' >alembic.ini
run alembic heads
one_error "ini without a section header" "alembic.ini:1:"

new_project
project_p3
printf '[alembic]\nscript_location = nosuchdir\n' >alembic.ini
run alembic heads
expect_rc 255 "missing script_location directory"
expect_out "missing script_location directory: Alembic's text" <<EOF
FAILED: Path doesn't exist: '$P/nosuchdir'.  Please use the 'init' command to create a new scripts folder.
EOF

# revision/merge refusals, nothing written (Alembic writes, then breaks).
new_project
project_p3
snapshot
run alembic revision -m again --rev-id bbbb0001 --head bbbb0002
expect_rc 255 "revision --rev-id of an existing revision"
expect_out_has "FAILED: Revision bbbb0001 is present more than once" "existing id: message"
nothing_written "existing id"
run alembic revision -m lab --rev-id lab1 --head bbbb0002 --branch-label one
expect_rc 0 "revision --branch-label"
snapshot
run alembic revision -m lab --rev-id lab2 --head cccc0001 --branch-label one
expect_rc 255 "branch label already used"
expect_out "branch label already used: Alembic's RevisionError text" <<'EOF'
FAILED: Branch name 'one' in revision lab2 already used by revision lab1
EOF
nothing_written "branch label already used"
run alembic revision -m lab --rev-id lab3 --head cccc0001 --branch-label aaaa0001
expect_out "branch label equal to a revision id" <<'EOF'
FAILED: Branch name 'aaaa0001' in revision lab3 already used by revision aaaa0001
EOF
nothing_written "branch label equal to a revision id"
run alembic revision -m x --rev-id 'a-b@c' --head lab1
expect_out "bad --rev-id" <<'EOF'
FAILED: Character(s) '-, @' not allowed in revision identifier 'a-b@c'
EOF
nothing_written "bad --rev-id"
run alembic merge -m m --rev-id m1 lab1 lab1
expect_out "merge of one head twice" <<'EOF'
FAILED: Duplicate head revisions specified
EOF
run alembic merge -m m --rev-id m1 aaaa0001 cccc0001
expect_out "merge of a non-head" <<'EOF'
FAILED: Revision aaaa0001 is not a head revision; please specify --splice to create a new branch from this revision
EOF
run alembic revision -m d --rev-id d1 --head lab1 --depends-on nosuch
expect_out "--depends-on unknown" <<'EOF'
FAILED: Can't locate revision identified by 'nosuch'
EOF
nothing_written "refused merges and dependencies"
run alembic revision -m d --rev-id d1 --head lab1 --depends-on one --depends-on cccc
expect_rc 0 "--depends-on a label and a prefix"
grep -q "^-- Depends On: one, cccc0001$" $V/d1_d.sql && ok ||
	not_ok "--depends-on: label kept, prefix expanded"

# Resolution errors as each command words them (§7.3), FAILED on stdout, 255.
run alembic show head
expect_rc 255 "show head with two heads"
expect_out "show head with two heads" <<'EOF'
FAILED: Multiple head revisions are present for given argument 'head'; please specify a specific target revision, '<branchname>@head' to narrow to a specific head, or 'heads' for all heads
EOF
run alembic history -r cccc0001:bbbb0002
expect_out "history range across branches" <<'EOF'
FAILED: Requested range cccc0001:bbbb0002 does not refer to ancestor/descendant revisions along the same branch
EOF
run alembic history -r nocolon
expect_out "history range without a colon" <<'EOF'
FAILED: History range requires [start]:[end], [start]:, or :[end]
EOF
run alembic --raiseerr show nosuch
expect_rc 1 "--raiseerr"
expect_err "--raiseerr: one line on stderr" <<'EOF'
ERROR: Can't locate revision identified by 'nosuch'
EOF

finish
