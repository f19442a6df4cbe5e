#!/bin/sh
# cli_envpy.sh - env.py is read, never run: the guide's steps 1-4 as written
# (SQLite, then PostgreSQL from tests/pg.sh's cluster: without
# $ALEMBIC_TEST_PG_URL that part FAILS, it never skips), every value form
# env.py may give sqlalchemy.url, the unset-variable and unreadable-value
# errors (env.py:line), -x, context.configure keywords, `config` sources,
# `config --set` of a key env.py overrides, and passwords never printed.
# Where Python Alembic can run the same project (stub application modules
# for the guide's imports), its `upgrade head --sql` output is compared
# byte for byte.
. "$(dirname "$0")/lib.sh"
unset POSTGRES_URL

# The guide's steps 2-4 on migrations/env.py: the imports at the top (with
# `import os`, which step 4's line needs), target_metadata, and the URL line
# after `config = context.config`.
guide_env() {
	{
		echo "import os"
		echo "from sqlmodel import SQLModel"
		echo "from src.module.profile.model.profile_model import Profile"
		echo "from src.module.resume.model.resume_model import Resume"
		sed -e 's/^target_metadata = None$/target_metadata = SQLModel.metadata/' \
			-e 's/^config = context.config$/&\nconfig.set_main_option("sqlalchemy.url", os.getenv("POSTGRES_URL"))/' \
			migrations/env.py
	} >migrations/env.py.new && mv migrations/env.py.new migrations/env.py
}

# The application modules the guide's imports name (for Python Alembic only).
app_modules() {
	for m in profile resume; do
		mkdir -p "src/module/$m/model"
		cat >"src/module/$m/model/${m}_model.py" <<EOF
from sqlmodel import Field, SQLModel


class $(echo "$m" | sed 's/^./\U&/')(SQLModel, table=True):
    id: int = Field(primary_key=True)
EOF
	done
}

# a revision whose body Alembic and we both run: op.execute
op_rev() { # ID DOWN MSG UP-SQL DOWN-SQL
	alembic revision --rev-id "$1" --head "${2:-head}" -m "$3" >/dev/null
	f=$(ls migrations/versions/"$1"_*.py)
	sed -e "/^def upgrade/,/^def downgrade/s|^    pass$|    op.execute(\"$4\")|" \
		-e "/^def downgrade/,\$s|^    pass$|    op.execute(\"$5\")|" "$f" >"$f.new" && mv "$f.new" "$f"
}

line_of() { grep -n -F -- "$1" migrations/env.py | head -n 1 | cut -d: -f1; }

# --- the guide, SQLite ---------------------------------------------------------------
new_project
run alembic init migrations
expect_rc 0 "guide 1: init"
guide_env
L=$(line_of 'config.set_main_option("sqlalchemy.url"')
expect_eq "$L" 15 "guide 4: the URL line is line 15"
POSTGRES_URL=sqlite:///app.db op_rev a1 "" "create account" \
	"CREATE TABLE account (id INTEGER PRIMARY KEY, name VARCHAR(50))" "DROP TABLE account"
[ -f migrations/versions/a1_create_account.py ] && ok || not_ok "guide: revisions are .py"
POSTGRES_URL=sqlite:///app.db op_rev a2 a1 "seed" "INSERT INTO account VALUES (1, 'ada')" \
	"DELETE FROM account"
POSTGRES_URL=sqlite:///app.db run alembic upgrade head
expect_rc 0 "guide: upgrade head with POSTGRES_URL"
expect_err "guide: upgrade log" <<'EOF'
INFO  [alembic.runtime.migration] Context impl SQLiteImpl.
INFO  [alembic.runtime.migration] Will assume non-transactional DDL.
INFO  [alembic.runtime.migration] Running upgrade  -> a1, create account
INFO  [alembic.runtime.migration] Running upgrade a1 -> a2, seed
EOF
expect_eq "$(sqlite3 app.db 'SELECT name FROM account; SELECT version_num FROM alembic_version')" \
	"ada
a2" "guide: the database is POSTGRES_URL's"
[ ! -e dbname ] && ok || not_ok "guide: the ini's driver:// placeholder is not used"
POSTGRES_URL=sqlite:///app.db run alembic current
expect_out "guide: current" <<'EOF'
a2 (head)
EOF
POSTGRES_URL=sqlite:///app.db run alembic stamp a1
expect_rc 0 "guide: stamp"
expect_eq "$(sqlite3 app.db 'SELECT version_num FROM alembic_version')" a1 "guide: stamp wrote the row"
POSTGRES_URL=sqlite:///app.db run alembic upgrade a1:head --sql
expect_rc 0 "guide: upgrade --sql"
expect_out_has "INSERT INTO account VALUES (1, 'ada');" "guide: --sql prints the revision"
expect_out_has "UPDATE alembic_version SET version_num='a2' WHERE alembic_version.version_num = 'a1';" \
	"guide: --sql version row"
cp "$T_ROOT/.out" "$T_ROOT/ours.sql"
cp "$T_ROOT/.err" "$T_ROOT/ours.err"
if /usr/bin/python3 -c 'import alembic, sqlmodel' 2>/dev/null; then
	app_modules
	POSTGRES_URL=sqlite:///app.db run /usr/bin/python3 -m alembic upgrade a1:head --sql
	expect_rc 0 "guide: Python Alembic runs the same env.py"
	cmp -s "$T_ROOT/.out" "$T_ROOT/ours.sql" && ok || {
		not_ok "guide: --sql differs from Alembic's"
		diff "$T_ROOT/.out" "$T_ROOT/ours.sql" >&2
	}
	cmp -s "$T_ROOT/.err" "$T_ROOT/ours.err" && ok || {
		not_ok "guide: --sql log differs from Alembic's"
		diff "$T_ROOT/.err" "$T_ROOT/ours.err" >&2
	}
	rm -rf src
else
	echo "note: python3-alembic / python3-sqlmodel missing: no comparison with Alembic" >&2
fi

# config: the URL's source is env.py, from the environment, over the ini's line
POSTGRES_URL=sqlite:///app.db run alembic config
expect_rc 0 "config"
expect_out_has "sqlalchemy.url = sqlite:///app.db  # migrations/env.py:15 config.set_main_option, environment POSTGRES_URL (overrides alembic.ini:58)" \
	"config: the URL's source"
expect_out_has "script_location = migrations  # alembic.ini:5" "config: an ini key's source"
expect_out_has "target_metadata = SQLModel.metadata  # migrations/env.py:" "config: target_metadata"
POSTGRES_URL=sqlite:///app.db run alembic config sqlalchemy.url
expect_out "config KEY: the effective value" <<'EOF'
sqlite:///app.db
EOF

# unset: an error naming the variable and the line; no fallback to the ini's URL
run alembic upgrade head
expect_rc 1 "unset POSTGRES_URL: upgrade fails"
expect_err "unset POSTGRES_URL: the error" <<'EOF'
ERROR: migrations/env.py:15: option 'sqlalchemy.url': environment variable POSTGRES_URL is not set (Alembic would pass None to config.set_main_option and fail)
EOF
for cmd in current "stamp head" "upgrade head --sql" "downgrade -1"; do
	run alembic $cmd
	expect_rc 1 "unset POSTGRES_URL: $cmd fails"
	expect_err_has "POSTGRES_URL is not set" "unset POSTGRES_URL: $cmd names it"
done
for cmd in heads history "show a1" branches; do
	run alembic $cmd
	expect_rc 0 "unset POSTGRES_URL: $cmd does not need it"
done
run alembic config
expect_rc 1 "unset POSTGRES_URL: config lists, then reports"
expect_out_has "script_location = migrations" "unset POSTGRES_URL: config still lists"
expect_err_has "migrations/env.py:15: option 'sqlalchemy.url': environment variable POSTGRES_URL is not set" \
	"unset POSTGRES_URL: config names it"

# config --set of a key env.py overrides: written, with a warning
run alembic config --set sqlalchemy.url=sqlite:///other.db
expect_rc 0 "config --set under an env.py override"
expect_err "config --set: the warning" <<'EOF'
warning: migrations/env.py:15 sets sqlalchemy.url (config.set_main_option), which overrides alembic.ini: the value written there takes effect only once that line is removed
EOF
grep -qx 'sqlalchemy.url = sqlite:///other.db' alembic.ini && ok || not_ok "config --set: the ini is written"
run alembic config --set version_table=vt
expect_err "config --set of a key env.py does not set: no warning" </dev/null

# --- every form of value --------------------------------------------------------------
new_project
alembic init migrations >/dev/null
# url_form EXPR: env.py sets sqlalchemy.url to EXPR
url_form() {
	sed "s|^config = context.config\$|import os\n&\nconfig.set_main_option(\"sqlalchemy.url\", $1)|" \
		"$T_ROOT/env.orig" >migrations/env.py
}
cp migrations/env.py "$T_ROOT/env.orig"
export DBX=sqlite:///x.db DBNAME=named
unset DBX_UNSET
check_form() { # EXPR WANT [ALEMBIC ARGS...]
	expr=$1 want=$2
	shift 2
	url_form "$expr"
	run alembic "$@" config sqlalchemy.url
	expect_out "value form $expr" <<EOF
$want
EOF
}
check_form '"sqlite:///lit.db"' sqlite:///lit.db
check_form "'sqlite:///' 'implicit.db'" sqlite:///implicit.db
check_form 'os.getenv("DBX")' sqlite:///x.db
check_form 'os.getenv("DBX_UNSET", "sqlite:///default.db")' sqlite:///default.db
check_form 'os.environ["DBX"]' sqlite:///x.db
check_form 'os.environ.get("DBX")' sqlite:///x.db
check_form 'os.environ.get("DBX_UNSET", "sqlite:///d2.db")' sqlite:///d2.db
check_form '"sqlite:///" + os.getenv("DBNAME") + ".db"' sqlite:///named.db
check_form 'f"sqlite:///{os.environ[\x27DBNAME\x27]}.db"' sqlite:///named.db
check_form 'context.get_x_argument(as_dictionary=True).get("db")' sqlite:///fromx.db -x db=sqlite:///fromx.db
check_form 'context.get_x_argument(as_dictionary=True)["db"]' sqlite:///fromx2.db -x db=sqlite:///fromx2.db
check_form 'context.get_x_argument(as_dictionary=True).get("db")' sqlite:///att.db -xdb=sqlite:///att.db
check_form 'context.get_x_argument(as_dictionary=True).get("db")' sqlite:///b.db \
	-x db=sqlite:///a.db -x db=sqlite:///b.db
check_form 'context.get_x_argument(as_dictionary=True).get("db", "sqlite:///dflt.db")' sqlite:///dflt.db
check_form '"sqlite:///%s.db" % os.environ["DBNAME"]' sqlite:///named.db
check_form '"sqlite:///{}.db".format(os.getenv("DBNAME"))' sqlite:///named.db
for unset_form in 'os.environ["DBX_UNSET"]' 'os.environ.get("DBX_UNSET")' 'os.getenv("DBX_UNSET")' \
	'"sqlite:///" + os.getenv("DBX_UNSET")'; do
	url_form "$unset_form"
	run alembic upgrade head
	expect_rc 1 "$unset_form unset: fails"
	expect_err_has "environment variable DBX_UNSET is not set" "$unset_form unset: names it"
	[ ! -e dbname ] && ok || not_ok "$unset_form unset: no fallback to the ini's URL"
done
# the URL from -x drives a real run
url_form 'context.get_x_argument(as_dictionary=True).get("db")'
run alembic -x db=sqlite:///xrun.db upgrade head
expect_rc 0 "-x db=... upgrade"
[ -f xrun.db ] && ok || not_ok "-x: the database is the -x value's"

# unreadable: a value only Python could compute
{
	sed "s|^config = context.config\$|&\n\n\ndef get_url():\n    return open('url.txt').read()\n\n\nconfig.set_main_option(\"sqlalchemy.url\", get_url())|" \
		"$T_ROOT/env.orig"
} >migrations/env.py
L=$(line_of 'config.set_main_option("sqlalchemy.url", get_url())')
run alembic upgrade head
expect_rc 1 "unreadable URL: fails"
# the line of the call, or of the construct inside get_url() that needs Python
grep -Eq "^ERROR: migrations/env.py:($L|$((L - 3))): option 'sqlalchemy.url' cannot be read without running Python \\(" \
	"$T_ROOT/.err" && ok || not_ok "unreadable URL: env.py:line"
expect_err_has 'sqlalchemy.url = ${POSTGRES_URL}' "unreadable URL: says how to write it in alembic.ini"
run alembic heads
expect_rc 0 "unreadable URL: heads does not need it"

# a syntax error in env.py: only the commands that run the environment fail
printf 'def broken(:\n' >>migrations/env.py
run alembic history
expect_rc 0 "env.py syntax error: history works"
run alembic upgrade head --sql
expect_rc 1 "env.py syntax error: upgrade fails"
expect_err_has "migrations/env.py:" "env.py syntax error: names the file"

# --- context.configure keywords -------------------------------------------------------
new_project
alembic init migrations >/dev/null
sed -e 's|^        target_metadata=target_metadata,$|&\n        version_table="my_version",|' \
	-e 's|connection=connection, target_metadata=target_metadata$|&,\n            version_table="my_version", transaction_per_migration=True|' \
	-e 's|^config = context.config$|&\nconfig.set_main_option("sqlalchemy.url", "sqlite:///kw.db")|' \
	migrations/env.py >migrations/env.py.new && mv migrations/env.py.new migrations/env.py
op_rev k1 "" "one" "CREATE TABLE t (a INT)" "DROP TABLE t"
run alembic upgrade head
expect_rc 0 "configure: upgrade"
expect_eq "$(sqlite3 kw.db 'SELECT version_num FROM my_version')" k1 "configure: version_table"
run alembic config version_table
expect_out "configure: config version_table" <<'EOF'
my_version
EOF
run alembic config transaction_per_migration
expect_out "configure: transaction_per_migration" <<'EOF'
true
EOF
run alembic upgrade head --sql
expect_out_has "CREATE TABLE my_version" "configure: --sql uses version_table"
if /usr/bin/python3 -c 'import alembic' 2>/dev/null; then
	cp "$T_ROOT/.out" "$T_ROOT/ours.sql"
	run /usr/bin/python3 -m alembic upgrade base:head --sql
	cp "$T_ROOT/.out" "$T_ROOT/theirs.sql"
	run alembic upgrade base:head --sql
	cmp -s "$T_ROOT/.out" "$T_ROOT/theirs.sql" && ok || {
		not_ok "configure: --sql differs from Alembic's"
		diff "$T_ROOT/theirs.sql" "$T_ROOT/.out" >&2
	}
fi
# the two calls disagree: an error, since the value depends on --sql
sed -i 's|version_table="my_version", transaction|version_table="other", transaction|' migrations/env.py
run alembic upgrade head
expect_rc 1 "configure: conflicting calls fail"
expect_err_has "context.configure sets version_table differently" "configure: conflict named"

# --- passwords are never printed --------------------------------------------------------
new_project
alembic init migrations >/dev/null
guide_env
export POSTGRES_URL="postgresql://u:pw5ecret@127.0.0.1:1/db"
for cmd in config current "upgrade head" "stamp head" "upgrade head --sql" "config --set sqlalchemy.url=x"; do
	run alembic $cmd
	if grep -q pw5ecret "$T_ROOT/.out" "$T_ROOT/.err"; then not_ok "password printed by $cmd"; else ok; fi
done
run alembic config
expect_out_has "sqlalchemy.url = postgresql://u:XXXXX@127.0.0.1:1/db  # migrations/env.py:15" \
	"config masks env.py's URL"
unset POSTGRES_URL

# --- the guide, PostgreSQL --------------------------------------------------------------
if [ -z "${ALEMBIC_TEST_PG_URL:-}" ] || [ -z "${ALEMBIC_TEST_PG_DIR:-}" ]; then
	not_ok "ALEMBIC_TEST_PG_URL / ALEMBIC_TEST_PG_DIR not set: run through tests/run (tests/pg.sh)"
	finish
	exit 1
fi
pg() {
	"$ALEMBIC_TEST_PG_BIN/psql" -X -q -A -t -h "$ALEMBIC_TEST_PG_DIR" -p "$ALEMBIC_TEST_PG_PORT" \
		-U alembic_test -d "$1" -c "$2" 2>&1 | tr '\n' ' '
}
DB="envpy_$$"
pg postgres "CREATE DATABASE $DB" >/dev/null
new_project
alembic init migrations >/dev/null
guide_env
export POSTGRES_URL="${ALEMBIC_TEST_PG_URL%/*}/$DB"
op_rev p1 "" "create account" "CREATE TABLE account (id SERIAL PRIMARY KEY, name VARCHAR(50))" \
	"DROP TABLE account"
op_rev p2 p1 "seed" "INSERT INTO account (name) VALUES ('ada')" "DELETE FROM account"
run alembic upgrade head
expect_rc 0 "guide on PostgreSQL: upgrade head"
expect_err_has "Context impl PostgresqlImpl." "guide on PostgreSQL: the dialect is POSTGRES_URL's"
expect_eq "$(pg "$DB" 'SELECT name FROM account; SELECT version_num FROM alembic_version')" \
	"ada p2 " "guide on PostgreSQL: applied"
run alembic current
expect_out "guide on PostgreSQL: current" <<'EOF'
p2 (head)
EOF
run alembic stamp p1
expect_eq "$(pg "$DB" 'SELECT version_num FROM alembic_version')" "p1 " "guide on PostgreSQL: stamp"
run alembic upgrade p1:head --sql
expect_out_has "INSERT INTO account (name) VALUES ('ada');" "guide on PostgreSQL: --sql"
expect_out_has "BEGIN;" "guide on PostgreSQL: --sql is PostgreSQL's"
run alembic config
if grep -q 's3cret' "$T_ROOT/.out" "$T_ROOT/.err"; then not_ok "PostgreSQL password printed"; else ok; fi
unset POSTGRES_URL
run alembic current
expect_rc 1 "guide on PostgreSQL: unset POSTGRES_URL"
expect_err_has "POSTGRES_URL is not set" "guide on PostgreSQL: names it"
pg postgres "DROP DATABASE $DB" >/dev/null
finish
