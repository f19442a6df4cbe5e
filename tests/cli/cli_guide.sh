#!/bin/sh
# cli_guide.sh - the user guide's commands run as written, on a project made
# by our own `alembic init` (Alembic's generic layout: .py revisions): init, revision (-m, --rev-id), heads, history
# --verbose [--indicate-current], show, merge, config (list, one key,
# --set with the password masked afterwards), list_templates, edit, -q.
. "$(dirname "$0")/lib.sh"
new_project

run alembic init migrations
expect_rc 0 "init"
expect_out_has "Creating directory $P/migrations ...  done" "init: creates the directory"
expect_out_has "Creating directory $P/migrations/versions ...  done" "init: creates versions/"
expect_out_has "Generating $P/alembic.ini ...  done" "init: writes alembic.ini"
tail -n 1 "$T_ROOT/.out" >"$T_ROOT/.last"
expect_eq "$(cat "$T_ROOT/.last")" \
	"Please edit configuration/connection/logging settings in '$P/alembic.ini' before proceeding." \
	"init: final message"

run alembic init migrations
expect_rc 255 "init twice"
expect_out "init twice: Alembic's text" <<'EOF'
FAILED: Directory migrations already exists and is not empty
EOF

run alembic revision -m "Description of changes"
expect_rc 0 "revision -m"
first=$(sed -n 's|^Generating .*/versions/\([0-9a-f]*\)_description_of_changes\.py \.\.\.  done$|\1|p' "$T_ROOT/.out")
expect_eq "$(printf '%s' "$first" | wc -c | tr -d ' ')" 12 "revision: a 12-hex random id"

run alembic revision --rev-id abc123 -m "Description of changes"
expect_rc 0 "revision --rev-id"
expect_out "revision --rev-id: the file" <<EOF
Generating $P/migrations/versions/abc123_description_of_changes.py ...  done
EOF

run alembic heads
expect_out "heads" <<'EOF'
abc123 (head)
EOF

date1=$(sed -n 's/^Create Date: //p' migrations/versions/${first}_*.py)
date2=$(sed -n 's/^Create Date: //p' migrations/versions/abc123_*.py)
run alembic history --verbose
expect_rc 0 "history --verbose"
expect_out "history --verbose" <<EOF
Rev: abc123 (head)
Parent: $first
Path: $P/migrations/versions/abc123_description_of_changes.py

    Description of changes
    
    Revision ID: abc123
    Revises: $first
    Create Date: $date2

Rev: $first
Parent: <base>
Path: $P/migrations/versions/${first}_description_of_changes.py

    Description of changes
    
    Revision ID: $first
    Revises: 
    Create Date: $date1

EOF

run alembic show abc123
expect_out "show abc123" <<EOF
Rev: abc123 (head)
Parent: $first
Path: $P/migrations/versions/abc123_description_of_changes.py

    Description of changes
    
    Revision ID: abc123
    Revises: $first
    Create Date: $date2

EOF

# A database at the first revision (made with the sqlite3 shell).
run alembic config --set "sqlalchemy.url=sqlite:///app.db"
expect_rc 0 "config --set url (sqlite)"
sqlite3 app.db "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)); INSERT INTO alembic_version VALUES ('$first');"
run alembic history --verbose --indicate-current
expect_rc 0 "history --verbose --indicate-current"
expect_out_has "Rev: $first (current)" "history -i marks the database's revision"
expect_out_has "Rev: abc123 (head)" "history -i: the head is not current"
expect_err "history -i: the environment's log lines" <<'EOF'
INFO  [alembic.runtime.migration] Context impl SQLiteImpl.
INFO  [alembic.runtime.migration] Will assume non-transactional DDL.
EOF

run alembic history -i
expect_out "history -i (short form)" <<EOF
$first -> abc123 (head), Description of changes
<base> -> $first (current), Description of changes
EOF

run alembic history -r current:nosuch
expect_rc 255 "a failure after the environment started"
expect_out "FAILED on stdout" <<'EOF'
FAILED: Can't locate revision identified by 'nosuch'
EOF
expect_err "the ERROR log line follows the context lines (oracle)" <<'EOF'
INFO  [alembic.runtime.migration] Context impl SQLiteImpl.
INFO  [alembic.runtime.migration] Will assume non-transactional DDL.
ERROR [alembic.util.messaging] Can't locate revision identified by 'nosuch'
EOF
run alembic show nosuch
expect_err "no ERROR log line when no environment ran" </dev/null

run alembic -q history -i
expect_err "-q silences the log lines" </dev/null
expect_out_has "<base> -> $first (current), Description of changes" "-q keeps the results"

# Two heads, then the guide's merge.
run alembic revision --rev-id feat01 --head "$first" -m "feature"
expect_rc 255 "revision on a non-head without --splice"
expect_out "revision: --splice needed" <<EOF
FAILED: Revision $first is not a head revision; please specify --splice to create a new branch from this revision
EOF
run alembic revision --rev-id feat01 --head "$first" --splice -m "feature"
expect_rc 0 "revision --splice"
run alembic heads
expect_out "heads: two heads" <<'EOF'
abc123 (head)
feat01 (head)
EOF
run alembic revision -m "next"
expect_rc 255 "revision with two heads"
expect_out "revision with two heads: Alembic's text" <<'EOF'
FAILED: Multiple heads are present; please specify the head revision on which the new revision should be based, or perform a merge.
EOF
run alembic merge -m "Merge feature branches" abc123 feat01
expect_rc 0 "merge"
merge=$(sed -n 's|^Generating .*/versions/\([0-9a-f]*\)_merge_feature_branches\.py \.\.\.  done$|\1|p' "$T_ROOT/.out")
[ -n "$merge" ] && ok || not_ok "merge: Generating line"
run alembic heads
expect_out "heads after the merge" <<EOF
$merge (head)
EOF
run alembic history
expect_out "history after the merge" <<EOF
abc123, feat01 -> $merge (head) (mergepoint), Merge feature branches
$first -> abc123, Description of changes
$first -> feat01, feature
<base> -> $first (branchpoint), Description of changes
EOF
run alembic branches
expect_out "branches" <<EOF
$first (branchpoint)
             -> abc123
             -> feat01

EOF

# config: list, one key, --set with the password masked.
comments=$(grep -c '^#' alembic.ini)
run alembic config sqlalchemy.url
expect_out "config KEY" <<'EOF'
sqlite:///app.db
EOF
run alembic config --set sqlalchemy.url="postgresql://user:pass@localhost/db"
expect_rc 0 "config --set"
expect_out "config --set: message with the password masked" <<EOF
Set sqlalchemy.url = postgresql://user:XXXXX@localhost/db in $P/alembic.ini
EOF
expect_eq "$(grep -c '^#' alembic.ini)" "$comments" "config --set keeps the comments"
grep -q '^sqlalchemy.url = postgresql://user:pass@localhost/db$' alembic.ini && ok ||
	not_ok "config --set writes the value"
run alembic config
expect_rc 0 "config"
expect_out_has "script_location = migrations" "config lists script_location"
expect_out_has "sqlalchemy.url = postgresql://user:XXXXX@localhost/db" "config masks the password"
if grep -q 'pass@' "$T_ROOT/.out"; then not_ok "config never prints a password"; else ok; fi
run alembic config sqlalchemy.url
expect_out "config KEY prints the value as set" <<'EOF'
postgresql://user:pass@localhost/db
EOF
run alembic config nosuch.key
expect_rc 255 "config of a missing key"
expect_out "config of a missing key: message" <<'EOF'
FAILED: No key 'nosuch.key' in section [alembic] of alembic.ini
EOF
run alembic -q config --set truncate_slug_length=20
expect_out "-q config --set prints nothing" </dev/null
run alembic config truncate_slug_length
expect_out "config --set adds a key" <<'EOF'
20
EOF

run alembic list_templates
expect_rc 0 "list_templates (cli_init.sh checks the whole text)"
expect_out_has "generic - Generic single-database configuration." "list_templates: generic"

# edit: $EDITOR gets the file's path.
cat >"$T_ROOT/ed.sh" <<'EOF'
#!/bin/sh
echo "# edited" >>"$1"
EOF
chmod +x "$T_ROOT/ed.sh"
EDITOR="$T_ROOT/ed.sh" run alembic edit abc123
expect_rc 0 "edit"
tail -n 1 migrations/versions/abc123_description_of_changes.py | grep -q '^# edited$' && ok ||
	not_ok "edit: the editor got the revision's path"
EDITOR=/bin/false run alembic edit abc123
expect_rc 255 "edit: a failing editor"
expect_out "edit: a failing editor" <<EOF
FAILED: Error executing editor (Command '['/bin/false', '$P/migrations/versions/abc123_description_of_changes.py']' returned non-zero exit status 1.)
EOF
run alembic edit base
expect_out "edit base" <<'EOF'
FAILED: No revision files indicated by symbol 'base'
EOF

run alembic -q revision -m "quiet one" --rev-id q1 --head heads
expect_rc 0 "-q revision"
expect_out "-q revision prints nothing" </dev/null
[ -f migrations/versions/q1_quiet_one.py ] && ok || not_ok "-q revision writes the file"

# the URL set above names no running server: as in Alembic, connecting fails first (the
# workflow itself is tests/cli/autogen.sh); python3 on PATH is the project's Python, Debian's
PATH=/usr/bin:$PATH run alembic revision --autogenerate -m "auto"
expect_rc 1 "revision --autogenerate against a server that is not there"
expect_err_has 'connection to server at "localhost"' \
	"autogenerate: the connection error, once"
run alembic revision --autogenerate --sql
expect_out "autogenerate with --sql: Alembic's text" <<'EOF'
FAILED: Using --sql with --autogenerate does not make any sense
EOF
run alembic revision --sql -m x
expect_out "revision --sql: Alembic's text" <<'EOF'
FAILED: Using --sql with the revision command when revision_environment is not configured does not make any sense
EOF

finish
