#!/bin/sh
# tests/cli/autogen.sh - the user guide's autogenerate workflow, end to end, on SQLite and on
# the PostgreSQL cluster of tests/run: `alembic init migrations`, the guide's env.py edits,
# SQLModel models (tests/fixtures/autogen/guide/v1, then v2), `revision --autogenerate`,
# `upgrade head`, again with nothing changed, `check`, `downgrade base`.
#
# The generated files are held to what Python Alembic 1.8.1 wrote for the same project and
# database (tests/fixtures/autogen/expected, recorded by tests/fixtures/autogen/record.sh),
# with our documented differences applied here and nowhere else:
#   - `import sqlmodel` in the imports when the file uses sqlmodel's types (Alembic writes them
#     without their import, so its file dies with NameError, ref §12.6);
#   - on SQLite, a file that alters columns or constraints is rendered in batch mode as a whole
#     (recorded: Alembic with render_as_batch=True), so it runs on SQLite;
#   - on PostgreSQL, the enum type an add_column needs is created before it and dropped at the
#     end of the downgrade (op.execute of CREATE TYPE / DROP TYPE): Alembic's file fails with
#     'type "resume_status" does not exist' (ref §12.7);
#   - Alembic's "Detected sequence named ... assuming SERIAL" lines depend on its set order
#     (which table it reflects first-hand); we log one per existing table with a SERIAL column,
#     so they are compared apart.
# A bounded live sample: Python Alembic upgrades a fresh database with the files we wrote.
# Without $ALEMBIC_TEST_PG_URL the PostgreSQL half FAILS (never skips).
. "$(dirname "$0")/lib.sh"

FIX=$TESTS_TOP/tests/fixtures/autogen
PYALEMBIC="/usr/bin/python3 -m alembic"
# the project's Python is python3 on PATH: Debian's, which has SQLAlchemy and SQLModel
PATH=/usr/bin:$PATH
export PATH

# Alembic's recorded file with our documented differences (see the top).
want_rev() {
	sed -e '/^import sqlalchemy as sa$/{n;s/^$/import sqlmodel/}' "$1" | if [ "$d" = postgresql ]; then
		sed -e "s/^    op.add_column('resume', sa.Column('status', sa.Enum(/    op.execute(\"CREATE TYPE resume_status AS ENUM ('draft', 'published')\")\n&/" \
			-e "/^def downgrade/,\$ s/^    op.drop_table('skill')$/&\n    op.execute('DROP TYPE resume_status')/"
	else cat; fi
}

# $1 revision file (Create Date line dropped) == want_rev $2
expect_rev() {
	grep -v '^Create Date: ' "$1" >"$T_ROOT/.got" 2>/dev/null
	want_rev "$2" >"$T_ROOT/.want"
	if cmp -s "$T_ROOT/.want" "$T_ROOT/.got"; then ok; else
		not_ok "$3 (file differs from Alembic's)"
		diff "$T_ROOT/.want" "$T_ROOT/.got" | head -n 40 >&2
	fi
}

# the context lines and the Detected lines, as Alembic's (SERIAL notes apart, see the top)
expect_err_file() {
	grep -v 'Detected sequence named' "$1" >"$T_ROOT/.want"
	grep -v 'Detected sequence named' "$T_ROOT/.err" >"$T_ROOT/.got"
	if cmp -s "$T_ROOT/.want" "$T_ROOT/.got"; then ok; else
		not_ok "$2 (stderr differs)"
		diff "$T_ROOT/.want" "$T_ROOT/.got" | head -n 20 >&2
	fi
}

guide_flow() { # dialect url
	d=$1
	exp=$FIX/expected/$d
	new_project
	export POSTGRES_URL="$2"
	ALEMBIC=$ALEMBIC_BIN sh "$FIX/mkproject.sh" "$P" v1 compare
	v=$P/migrations/versions

	run alembic revision --autogenerate -m "initial tables" --rev-id 0001init
	expect_rc 0 "$d: autogenerate v1"
	expect_out "$d: autogenerate v1 status line" <<EOF
Generating $v/0001init_initial_tables.py ...  done
EOF
	expect_err_file "$exp/1.err" "$d: autogenerate v1 log"
	expect_rev "$v/0001init_initial_tables.py" "$exp/1.rev" "$d: v1 file"
	run alembic upgrade head
	expect_rc 0 "$d: upgrade v1"

	ALEMBIC=$ALEMBIC_BIN sh "$FIX/mkproject.sh" "$P" v2 compare
	run alembic revision --autogenerate -m "model v2" --rev-id 0002v2
	expect_rc 0 "$d: autogenerate v2"
	expect_err_file "$exp/2.err" "$d: autogenerate v2 log"
	if [ "$d" = postgresql ]; then
		expect_err_has "INFO  [alembic.ddl.postgresql] Detected sequence named 'profile_id_seq' as owned by integer column 'profile(id)', assuming SERIAL and omitting" \
			"$d: SERIAL note for profile"
		expect_err_has "INFO  [alembic.ddl.postgresql] Detected sequence named 'resume_id_seq' as owned by integer column 'resume(id)', assuming SERIAL and omitting" \
			"$d: SERIAL note for resume"
	fi
	expect_rev "$v/0002v2_model_v2.py" "$exp/2.rev" "$d: v2 file"
	run alembic check
	expect_rc 255 "$d: check before the upgrade: not up to date"
	expect_out "$d: check refuses" <<'EOF'
FAILED: Target database is not up to date.
EOF
	run alembic upgrade head
	expect_rc 0 "$d: upgrade v2 (our file runs)"

	run alembic check
	expect_rc 0 "$d: check at head"
	expect_out "$d: check says nothing to do" <<'EOF'
No new upgrade operations detected.
EOF
	run alembic revision --autogenerate -m "no change" --rev-id 0003same
	expect_rc 0 "$d: autogenerate with nothing changed"
	f=$v/0003same_no_change.py
	n=$(grep -c '^    pass$' "$f" 2>/dev/null)
	expect_eq "$n" 2 "$d: nothing changed: pass in upgrade and downgrade"
	rm -f "$f"

	run alembic downgrade base
	expect_rc 0 "$d: downgrade base (our downgrades run)"
	run alembic check
	expect_rc 255 "$d: check at base: not up to date"
}

guide_flow sqlite "sqlite:///app.db"

# the live sample: Python Alembic runs the files we wrote
rm -f app.db
run sh -c "$PYALEMBIC upgrade head"
expect_rc 0 "python alembic runs our generated revisions (sqlite)"

# --- self-verification: the new revision is run both ways in a rolled-back transaction ----
# v2 makes profile.bio NOT NULL; with a row whose bio is NULL its upgrade cannot run: the file
# is written, the warning says why, and the database is left as it was
new_project
export POSTGRES_URL="sqlite:///app.db"
ALEMBIC=$ALEMBIC_BIN sh "$FIX/mkproject.sh" "$P" v1 compare
alembic revision --autogenerate -m "initial tables" --rev-id 0001init >/dev/null 2>&1
alembic upgrade head >/dev/null 2>&1
sqlite3 app.db "INSERT INTO profile (id, name, email, bio, created_at) VALUES (1, 'a', 'a@x', NULL, '2026-01-01')"
ALEMBIC=$ALEMBIC_BIN sh "$FIX/mkproject.sh" "$P" v2 compare
run alembic revision --autogenerate -m "model v2" --rev-id 0002v2
expect_rc 0 "verification: the file is still written"
expect_err_has "UserWarning: verifying $P/migrations/versions/0002v2_model_v2.py: its upgrade fails at line" \
	"verification: the failing upgrade is a warning naming the file"
expect_err_has "NOT NULL constraint failed: _alembic_tmp_profile.bio" \
	"verification: ... with the database's reason"
expect_eq "$(sqlite3 app.db "SELECT count(*) FROM profile; SELECT version_num FROM alembic_version" | tr '\n' ' ')" \
	"1 0001init " "verification changed nothing"
rm -f migrations/versions/0002v2_model_v2.py
run alembic revision --autogenerate -m "model v2" --rev-id 0002v2 --no-verify
expect_rc 0 "--no-verify"
if grep -q verifying "$T_ROOT/.err"; then not_ok "--no-verify: no verification"; else ok; fi

# --- refusals ---------------------------------------------------------------------------
new_project
export POSTGRES_URL="sqlite:///app.db"
ALEMBIC=$ALEMBIC_BIN sh "$FIX/mkproject.sh" "$P" v1
sed -i -e 's/^from src.module.resume.model.resume_model import Resume$/from src.module.nosuch import Resume/' \
	migrations/env.py
run alembic revision --autogenerate -m "x"
expect_rc 1 "a model that does not import"
expect_err_has "migrations/env.py:5: ModuleNotFoundError: No module named 'src.module.nosuch'" \
	"the import error names env.py:line and Python's message"
expect_eq "$(ls migrations/versions | wc -l)" 0 "nothing written"

new_project
alembic init migrations >/dev/null
sed -i -e 's|^sqlalchemy.url = .*|sqlalchemy.url = sqlite:///app.db|' alembic.ini
run alembic revision --autogenerate -m "x"
expect_rc 255 "env.py without target_metadata"
expect_out "Alembic's text for a missing MetaData" <<EOF
FAILED: Can't proceed with --autogenerate option; environment script $P/migrations/env.py does not provide a MetaData object or sequence of objects to the context.
EOF

if [ -z "${ALEMBIC_TEST_PG_URL:-}" ] || [ -z "${ALEMBIC_TEST_PG_DIR:-}" ]; then
	not_ok "ALEMBIC_TEST_PG_URL / ALEMBIC_TEST_PG_DIR not set: run through tests/run (tests/pg.sh)"
else
	. "$TESTS_TOP/tests/pg_lib.sh"
	pg postgres "CREATE DATABASE autogen_guide_$$" >/dev/null
	guide_flow postgresql "${ALEMBIC_TEST_PG_URL%/*}/autogen_guide_$$"
	# the live sample on PostgreSQL: Python Alembic runs our files both ways (over the socket:
	# Alembic's env.py puts the URL through configparser, which refuses the TCP password's %20)
	pg postgres "CREATE DATABASE autogen_py_$$" >/dev/null
	export POSTGRES_URL="postgresql://alembic_test@/autogen_py_$$?host=$ALEMBIC_TEST_PG_DIR&port=$ALEMBIC_TEST_PG_PORT"
	run sh -c "$PYALEMBIC upgrade head && $PYALEMBIC downgrade base && $PYALEMBIC upgrade head"
	expect_rc 0 "python alembic runs our generated revisions (postgresql: up, down, up)"
fi
finish
