#!/bin/sh
# cli_init.sh - `alembic init` and the revisions of a fresh project, byte for
# byte against Alembic 1.8.1: every case of golden/init/cases.sh is replayed
# on our executable and its files, directories, stdout, stderr and exit status
# compared with the recordings (golden/init/record.sh).  Then what only we
# have: list_templates' extra `sql` line and the `sql` template's layout.
. "$(dirname "$0")/lib.sh"
G=$TESTS_TOP/tests/cli/golden/init
. "$G/cases.sh"
A=alembic

norm() { sed -e "s|$P|@P@|g" -e 's/^Create Date: .*/Create Date: @DATE@/' "$1"; }

for c in $INIT_CASES; do
	new_project
	(set +e; "case_$c" >"$T_ROOT/.out" 2>"$T_ROOT/.err"; echo $? >"$T_ROOT/.rc")
	expect_eq "$(cat "$T_ROOT/.rc")" "$(cat "$G/$c/rc")" "$c: exit status"
	norm "$T_ROOT/.err" >"$T_ROOT/.n"
	cmp -s "$T_ROOT/.n" "$G/$c/stderr" && ok || not_ok "$c: stderr differs"
	norm "$T_ROOT/.out" >"$T_ROOT/.n"
	if [ "$c" = list_templates ]; then
		grep -qxF "sql - Native single-database configuration with plain SQL revisions." \
			"$T_ROOT/.n" && ok || not_ok "list_templates: the sql line"
		grep -v '^sql - ' "$T_ROOT/.n" >"$T_ROOT/.n2" && mv "$T_ROOT/.n2" "$T_ROOT/.n"
	fi
	cmp -s "$T_ROOT/.n" "$G/$c/stdout" && ok || {
		not_ok "$c: stdout differs"
		diff "$G/$c/stdout" "$T_ROOT/.n" | head -n 20 >&2
	}
	expect_eq "$(find . -type d | sort)" "$(cat "$G/$c/dirs")" "$c: directories"
	find . -type f | sort | while read -r f; do
		norm "$f" >"$T_ROOT/.n"
		echo "$(sha256sum "$T_ROOT/.n" | cut -d' ' -f1)  $f"
	done >"$T_ROOT/.files"
	cmp -s "$T_ROOT/.files" "$G/$c/files" && ok || {
		not_ok "$c: the files written differ (name or content)"
		diff "$G/$c/files" "$T_ROOT/.files" >&2
	}
done

# list_templates: Alembic's order, then ours
new_project
run alembic list_templates
expect_out "list_templates" <<'EOF'
Available templates:

multidb - Rudimentary multi-database configuration.
generic - Generic single-database configuration.
async - Generic single-database configuration with an async dbapi.
sql - Native single-database configuration with plain SQL revisions.

Templates are used via the 'init' command, e.g.:

  alembic init --template generic ./scripts
EOF

# the sql template: native layout, .sql revisions, no default URL
new_project
run alembic init -t sql migrations
expect_rc 0 "init -t sql"
expect_out "init -t sql: status lines" <<EOF
Creating directory $P/migrations ...  done
Creating directory $P/migrations/versions ...  done
Generating $P/migrations/README ...  done
Generating $P/migrations/script.sql.tmpl ...  done
Generating $P/alembic.ini ...  done
Please edit configuration/connection/logging settings in '$P/alembic.ini' before proceeding.
EOF
grep -qx 'sqlalchemy.url = ${POSTGRES_URL}' alembic.ini && ok || not_ok "sql: URL is \${POSTGRES_URL}"
[ ! -e migrations/env.py ] && ok || not_ok "sql: no env.py"
run alembic revision -m "one" --rev-id s1
expect_out "sql: revisions are .sql" <<EOF
Generating $P/migrations/versions/s1_one.sql ...  done
EOF
saved=${POSTGRES_URL-}
unset POSTGRES_URL
run alembic upgrade head
expect_rc 1 "sql: unset POSTGRES_URL fails"
expect_err_has "POSTGRES_URL" "sql: the error names the variable"
[ ! -e app.db ] && ok || not_ok "sql: no fallback database created"
POSTGRES_URL=sqlite:///n.db run alembic upgrade head
expect_rc 0 "sql: POSTGRES_URL drives the URL"
[ -f n.db ] && ok || not_ok "sql: the database is the variable's"
[ -n "$saved" ] && export POSTGRES_URL="$saved"

# the former py template is gone: Alembic's error text
new_project
run alembic init -t py migrations
expect_rc 255 "init -t py"
expect_out "init -t py: no such template" <<'EOF'
FAILED: No such template 'py'
EOF
finish
