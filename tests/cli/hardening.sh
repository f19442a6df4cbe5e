#!/bin/sh
# tests/cli/hardening.sh - issue 11 on SQLite and offline: item 9 (a range's failing start is
# named, as Alembic 1.8.1 and 1.19 do), item 10 (hints on stderr after Alembic's unchanged
# message), item 8 (every command prints warnings the same way, through the one sink).
RT_HELPERS_ONLY=1 . "$(dirname "$0")/runtime_sqlite.sh"

MH="please specify a specific target revision, '<branchname>@heads' to narrow to a specific head, or 'heads' for all heads"

# --- two roots: item 9 and the merge hint -------------------------------------------------
rt_project sqlite:///app.db
rt_rev aaa1 "" "a" "SELECT 1;" "SELECT 1;"
rt_rev bbb1 "" "b" "SELECT 1;" "SELECT 1;"
for cmd in "downgrade heads:base --sql" "downgrade heads:aaa1 --sql" "upgrade heads:bbb1 --sql"; do
	# shellcheck disable=SC2086
	run alembic $cmd
	expect_rc 255 "$cmd: FAILED"
	expect_out "$cmd: names 'heads', the start of the range (Alembic 1.8.1 / 1.19)" <<EOF
FAILED: Multiple head revisions are present for given argument 'heads'; $MH
EOF
	expect_err_has "ERROR [alembic.util.messaging] Multiple head revisions are present for given argument 'heads'" "$cmd: logged"
	expect_err_has "hint: the revisions have several heads; \`alembic merge heads\` joins them" "$cmd: merge hint"
done
run alembic upgrade head
expect_rc 255 "upgrade head with two heads"
expect_err_has "hint: the revisions have several heads; \`alembic merge heads\` joins them" "upgrade head: merge hint"

# --- did you mean: nearest ids by edit distance or shared prefix, sorted ---------------------
rt_rev aab2 "aaa1" "c" "SELECT 1;" "SELECT 1;"
run alembic show aaa2
expect_out "show aaa2: Alembic's message unchanged" <<'EOF'
FAILED: Can't locate revision identified by 'aaa2'
EOF
expect_err "show aaa2: did you mean, nearest first then bytewise" <<'EOF'
hint: did you mean 'aaa1' or 'aab2'? (`alembic history` lists the revisions)
EOF
run alembic upgrade zzzzzz
expect_rc 255 "upgrade zzzzzz"
if grep -q "did you mean" "$T_ROOT/.err"; then not_ok "no hint for an id close to nothing"; else ok; fi
run alembic downgrade bbb1:bbb2 --sql
expect_err_has "hint: did you mean 'bbb1' or 'aab2'?" "downgrade with a near id"

# --- warnings: one channel, the same lines for every command (also with -q) -----------------
rt_project sqlite:///app.db "version_locations = %(here)s/migrations/versions %(here)s/migrations/versions" \
	"version_path_separator = space"
rt_rev aaa1 "" "a" "SELECT 1;" "SELECT 1;"
rt_rev bbb1 "" "b" "SELECT 1;" "SELECT 1;"
W1="UserWarning: File $P/migrations/versions/aaa1.sql loaded twice! ignoring. Please ensure version_locations is unique."
W2="UserWarning: File $P/migrations/versions/bbb1.sql loaded twice! ignoring. Please ensure version_locations is unique."
for cmd in "heads" "stamp heads" "upgrade heads" "stamp --sql heads" "upgrade heads --sql" "-q stamp heads" "-q upgrade heads"; do
	# shellcheck disable=SC2086
	run alembic $cmd
	expect_rc 0 "$cmd"
	grep -v '^INFO ' "$T_ROOT/.err" >"$T_ROOT/.w"
	printf '%s\n%s\n' "$W1" "$W2" >"$T_ROOT/.want"
	if cmp -s "$T_ROOT/.w" "$T_ROOT/.want"; then ok; else not_ok "$cmd: the two warnings, as Alembic's text"; cat "$T_ROOT/.w" >&2; fi
done
run alembic -q downgrade -1
expect_rc 0 "downgrade -1 from two heads"
printf '%s\n%s\n%s\n' "$W1" "$W2" \
	"UserWarning: downgrade -1 from multiple heads is ambiguous; this usage will be disallowed in a future release." >"$T_ROOT/.want"
if cmp -s "$T_ROOT/.err" "$T_ROOT/.want"; then ok; else not_ok "-q downgrade -1: the runner's warning through the same channel"; cat "$T_ROOT/.err" >&2; fi
run alembic ensure_version
expect_rc 0 "ensure_version reads no revision files (as Alembic): no warning"
if grep -q Warning "$T_ROOT/.err"; then not_ok "ensure_version warned"; else ok; fi

# --- PEP 263: a Latin-1 revision reads, shows and runs as Python (and Alembic) do ------------
rt_project sqlite:///app.db
printf '# -*- coding: latin-1 -*-\n"""caf\351 cr\350me\n\nRevision ID: lat1\nRevises:\nCreate Date: 2026-01-01 00:00:00\n\n"""\nfrom alembic import op\n\nrevision = "lat1"\ndown_revision = None\n\n\ndef upgrade():\n    op.execute("CREATE TABLE t (v TEXT)")\n    op.execute("INSERT INTO t VALUES (\047caf\351\047)")\n\n\ndef downgrade():\n    op.execute("DROP TABLE t")\n' >migrations/versions/lat1_x.py
run alembic history
expect_out "history: the docstring decoded from Latin-1 (as Alembic prints it)" <<'EOF'
<base> -> lat1 (head), café crème
EOF
run alembic upgrade head
expect_rc 0 "upgrade a Latin-1 revision"
expect_err_has "Running upgrade  -> lat1, café crème" "log line decoded"
expect_eq "$(sqlite3 app.db "SELECT hex(v) FROM t")" "636166C3A9" "the statement ran as UTF-8 text"
printf '# coding: big5\n"""x"""\nrevision = "b5"\ndown_revision = "lat1"\n' >migrations/versions/b5_x.py
run alembic heads
expect_rc 1 "a codec we do not support"
expect_err_has "b5_x.py:1: unknown or unsupported encoding: big5" "refused, naming it"
printf '\357\273\277# coding: latin-1\n"""x"""\nrevision = "b5"\ndown_revision = "lat1"\n' >migrations/versions/b5_x.py
run alembic heads
expect_err_has "b5_x.py:1: encoding problem: iso-8859-1 with BOM" "BOM with latin-1: Python's error"

finish
