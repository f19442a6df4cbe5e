#!/bin/sh
# tests/cli/runtime_ops.sh - Alembic revisions made of op.* calls, run by the
# built executable on SQLite files and on the PostgreSQL test cluster:
# upgrade / downgrade online (the schema checked in the catalog), --sql
# compared byte for byte with Python Alembic 1.8.1 on the same project (when
# the oracle is installed), a failure half-way leaving the database at a
# revision boundary, and bad op calls refused with file:line:col before
# anything runs.  Without $ALEMBIC_TEST_PG_URL the PostgreSQL part FAILS.
RT_HELPERS_ONLY=1 . "$(dirname "$0")/runtime_sqlite.sh"

# The project: four revisions covering the common operations.
ops_project() {
	UP='    op.create_table(
        "account",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("email", sa.String(length=100), nullable=True),
        sa.Column("created", sa.DateTime(), server_default=sa.func.now(), nullable=True),
        sa.Column("status", sa.Enum("active", "gone", name="status"), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("email"),
    )
    op.create_table(
        "post",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False, comment="the title"),
        sa.Column("body", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["account_id"], ["account.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_post_title"), "post", ["title"], unique=False)'
	DOWN='    op.drop_index(op.f("ix_post_title"), table_name="post")
    op.drop_table("post")
    op.drop_table("account")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TYPE status")'
	ops_rev a0000001 "" "create account and post"
	UP='    op.add_column("account", sa.Column("age", sa.Integer(), server_default="0", nullable=False))
    account = sa.table("account", sa.column("id", sa.Integer), sa.column("name", sa.String),
                       sa.column("age", sa.Integer))
    op.bulk_insert(account, [{"id": 1, "name": "it'"'"'s", "age": 30}, {"id": 2, "name": "bob", "age": 4}])
    op.execute("UPDATE account SET age = age + 1 WHERE id = 2")'
	DOWN='    op.execute("DELETE FROM account")
    op.drop_column("account", "age")'
	ops_rev a0000002 a0000001 "add age, seed"
	UP='    op.rename_table("post", "article")
    op.create_index("ix_account_name", "account", ["name"], unique=True)'
	DOWN='    op.drop_index("ix_account_name", table_name="account")
    op.rename_table("article", "post")'
	ops_rev a0000003 a0000002 "rename post"
}

# ops_offline_same LABEL ARGS...: our stdout of `ARGS --sql` is Alembic's, except the
# final "DROP TABLE alembic_version;" block Alembic 1.8.1 prints at base (divergence
# no-final-drop, newer Alembic).
ops_offline_same() {
	label=$1
	shift
	run /usr/bin/python3 -m alembic -c py.ini "$@"
	awk 'BEGIN{RS=""; ORS="\n\n"} !/^DROP TABLE alembic_version;$/' "$T_ROOT/.out" >"$T_ROOT/.py"
	run alembic "$@"
	expect_rc 0 "$label: exit status"
	expect_out "$label: identical to Alembic 1.8.1" <"$T_ROOT/.py"
}

# --- SQLite ------------------------------------------------------------------------
rows() { sqlite3 app.db 'SELECT version_num FROM alembic_version ORDER BY 1' | tr '\n' ' '; }
rt_project sqlite:///app.db
ops_project
run alembic upgrade head
expect_rc 0 "sqlite: upgrade head"
expect_eq "$(sqlite3 app.db "SELECT sql FROM sqlite_master WHERE name = 'account'")" \
	"CREATE TABLE account (
	id INTEGER NOT NULL, 
	name VARCHAR(50) NOT NULL, 
	email VARCHAR(100), 
	created DATETIME DEFAULT (CURRENT_TIMESTAMP), 
	status VARCHAR(6), age INTEGER DEFAULT '0' NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (email)
)" "sqlite: account as created and altered"
expect_eq "$(sqlite3 app.db "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY 1" | tr '\n' ' ')" \
	"ix_account_name ix_post_title " "sqlite: indexes"
expect_eq "$(sqlite3 app.db "SELECT group_concat(name || '=' || age, ',') FROM account")" \
	"it's=30,bob=5" "sqlite: bulk_insert and execute"
expect_eq "$(sqlite3 app.db "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY 1" | tr '\n' ' ')" \
	"account alembic_version article " "sqlite: rename_table"
expect_eq "$(rows)" "a0000003 " "sqlite: row at head"
run alembic downgrade base
expect_rc 0 "sqlite: downgrade base"
expect_eq "$(sqlite3 app.db "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY 1" | tr '\n' ' ')" \
	"alembic_version " "sqlite: downgrade base leaves only the version table"
if oracle_env; then
	ops_offline_same "sqlite: upgrade head --sql" upgrade head --sql
	ops_offline_same "sqlite: downgrade head:base --sql" downgrade a0000003:base --sql
fi

# A failure half-way: revision 4 creates a table, then a statement fails.
UP='    op.create_table("t4", sa.Column("id", sa.Integer(), primary_key=True))
    op.execute("INSERT INTO no_such_table VALUES (1)")'
DOWN='    op.drop_table("t4")'
ops_rev a0000004 a0000003 "fails"
run alembic upgrade a0000003
run alembic upgrade head
expect_rc 1 "sqlite: a failing revision fails the run"
expect_err_has "a0000004_x.py:20: upgrade a0000003 -> a0000004 failed: no such table: no_such_table" \
	"sqlite: the failing statement's file:line"
expect_eq "$(rows)" "a0000003 " "sqlite: the database stays at the last revision"
expect_eq "$(sqlite3 app.db "SELECT count(*) FROM sqlite_master WHERE name = 't4'")" "0" \
	"sqlite: nothing of the failed revision remains"
rm migrations/versions/a0000004_x.py

# Bad op calls: refused with file:line:col before anything runs.
run alembic downgrade base
UP='    op.execute("CREATE TABLE should_not_exist (id INTEGER)")
    op.add_column("account", sa.Column("x", sa.Integer()), nulable=False)'
DOWN='    pass'
ops_rev a0000004 a0000003 "bad call"
run alembic upgrade head
expect_rc 1 "sqlite: a wrong keyword is refused"
expect_err_has "a0000004_x.py:20:5: add_column() got an unexpected keyword argument 'nulable'" \
	"sqlite: TypeError text at file:line:col"
expect_eq "$(rows)" "" "sqlite: nothing ran (rows)"
expect_eq "$(sqlite3 app.db "SELECT count(*) FROM sqlite_master WHERE name IN ('account', 'should_not_exist')")" \
	"0" "sqlite: nothing ran (tables)"
UP='    op.create_table()'
ops_rev a0000004 a0000003 "bad call"
run alembic upgrade head --sql
expect_rc 1 "sqlite --sql: a missing argument is refused"
expect_err_has "a0000004_x.py:19:5: create_table() missing 1 required positional argument: 'table_name'" \
	"sqlite --sql: Python's TypeError text"
UP='    op.alter_column("account", "name", nullable=True, existing_type=sa.String(50))'
ops_rev a0000004 a0000003 "alter on sqlite"
run alembic upgrade head
expect_rc 1 "sqlite: ALTER COLUMN refused online"
expect_err_has "batch_alter_table" "sqlite: the refusal points at batch_alter_table"
expect_eq "$(rows)" "" "sqlite: refused before anything ran"
run alembic upgrade a0000003:head --sql
expect_rc 0 "sqlite --sql: ALTER COLUMN printed as Alembic prints it"
expect_out_has "ALTER TABLE account ALTER COLUMN name DROP NOT NULL;" "sqlite --sql: the ALTER"

# --- batch_alter_table on SQLite: the move-and-copy, compared with Python Alembic ------
rt_project sqlite:///app.db
UP='    op.execute("CREATE TABLE account (\n\tid INTEGER NOT NULL, \n\tname VARCHAR(50) NOT NULL DEFAULT '"'"'x'"'"', \n\tbio TEXT, \n\tparent_id INTEGER, \n\tscore NUMERIC(5, 2), \n\tPRIMARY KEY (id), \n\tUNIQUE (name), \n\tCONSTRAINT fk_parent FOREIGN KEY(parent_id) REFERENCES account (id), \n\tCONSTRAINT ck_name CHECK (length(name) > 0), \n\tCHECK (id > 0)\n)")
    op.execute("CREATE INDEX ix_account_bio ON account (bio)")
    op.execute("CREATE UNIQUE INDEX ix_u ON account (bio, name)")
    op.execute("INSERT INTO account (id, name, bio, score) VALUES (1, '"'"'a'"'"', '"'"'b'"'"', 2.5)")'
DOWN='    op.drop_table("account")'
ops_rev c0000001 "" "account"
UP='    with op.batch_alter_table("account") as batch_op:
        batch_op.alter_column("bio", nullable=False, existing_type=sa.Text())
        batch_op.add_column(sa.Column("age", sa.Integer(), server_default="0"))
        batch_op.alter_column("score", new_column_name="points", type_=sa.Integer(), existing_type=sa.Numeric(5, 2))
        batch_op.create_index("ix_age", ["age"])
        batch_op.create_unique_constraint("uq_age_bio", ["age", "bio"])'
DOWN='    with op.batch_alter_table("account") as batch_op:
        batch_op.drop_constraint("uq_age_bio", type_="unique")
        batch_op.drop_index("ix_age")
        batch_op.drop_column("age")
        batch_op.alter_column("points", new_column_name="score", type_=sa.Numeric(5, 2))
        batch_op.alter_column("bio", nullable=True, existing_type=sa.Text())'
ops_rev c0000002 c0000001 "batch"
run alembic upgrade head
expect_rc 0 "batch: upgrade head"
# --sql (differs: Alembic 1.8.1 stops at the rebuild, it needs the database or
# copy_from): the table as the revisions before it leave it, read from a scratch
# in-memory database they ran in; the script leaves what the online run left.
run alembic upgrade head --sql
expect_rc 0 "batch --sql: the rebuild from the revisions before it"
cp "$T_ROOT/.out" up.sql
expect_out_has 'CREATE TABLE _alembic_tmp_account (' "batch --sql: the move-and-copy printed"
rm -f off.db && sqlite3 off.db <up.sql
expect_eq "$(sqlite3 off.db .schema | tr -d '\t ' | sort)" "$(sqlite3 app.db .schema | tr -d '\t ' | sort)" \
	"batch --sql: the script leaves the online schema"
expect_eq "$(sqlite3 off.db 'SELECT * FROM account; SELECT * FROM alembic_version')" \
	"$(sqlite3 app.db 'SELECT * FROM account; SELECT * FROM alembic_version')" "batch --sql: and the rows"
run alembic downgrade c0000002:c0000001 --sql
expect_rc 0 "batch --sql: a downgrade range, its start replayed first"
sqlite3 off.db <"$T_ROOT/.out"
expect_eq "$(sqlite3 off.db "SELECT sql FROM sqlite_master WHERE name = 'account'" | tr -d '\t\n ')" \
	"CREATETABLE\"account\"(idINTEGERNOTNULL,nameVARCHAR(50)DEFAULT'x'NOTNULL,bioTEXT,parent_idINTEGER,scoreNUMERIC(5,2),PRIMARYKEY(id),CONSTRAINTfk_parentFOREIGNKEY(parent_id)REFERENCESaccount(id),CONSTRAINTck_nameCHECK(length(name)>0),UNIQUE(name))" \
	"batch --sql: the downgrade's rebuild (named constraints, then unnamed; the unnamed reflected CHECK dropped, as Alembic drops it)"
UP='    with op.batch_alter_table("legacy") as batch_op:
        batch_op.alter_column("x", nullable=False, existing_type=sa.Integer())'
DOWN='    pass'
ops_rev c0000009 c0000002 "legacy"
run alembic upgrade head --sql
expect_rc 255 "batch --sql: a table no revision made is Alembic's CommandError"
expect_out_has "FAILED: This operation cannot proceed in --sql mode; batch mode with dialect sqlite requires a live database connection with which to reflect the table \"legacy\"." \
	"batch --sql: Alembic's text"
expect_eq "$(grep -c 'CREATE TABLE' "$T_ROOT/.out")" "0" "batch --sql: nothing of the script printed"
rm -f migrations/versions/c0000009_x.py
if oracle_env; then
	sed -i 's|^sqlalchemy.url = .*|sqlalchemy.url = sqlite:///py.db|' py.ini
	run /usr/bin/python3 -m alembic -c py.ini upgrade head
	expect_rc 0 "batch: Python Alembic upgrades the same project"
	# line order compared as a set: Alembic takes the rebuilt table's named
	# constraints and its indexes from Python sets (ours: reflection order)
	expect_eq "$(sqlite3 app.db .schema | sort)" "$(sqlite3 py.db .schema | sort)" \
		"batch: the rebuilt schema is Alembic's"
	expect_eq "$(sqlite3 app.db 'SELECT * FROM account')" "$(sqlite3 py.db 'SELECT * FROM account')" \
		"batch: the rows are copied as Alembic copies them"
	run alembic downgrade c0000001
	expect_rc 0 "batch: downgrade"
	run /usr/bin/python3 -m alembic -c py.ini downgrade c0000001
	expect_eq "$(sqlite3 app.db .schema | sort)" "$(sqlite3 py.db .schema | sort)" \
		"batch: the schema after the downgrade is Alembic's"
fi

# A table with generated columns rebuilt by batch: they are re-created and
# computed again, not copied (differs: Alembic's INSERT names them, which
# SQLite refuses: "cannot INSERT into generated column"); a virtual one comes back as
# Computed(persisted=False), VIRTUAL.
UP='    op.execute("CREATE TABLE calc (id INTEGER NOT NULL, a INTEGER, b INTEGER GENERATED ALWAYS AS (a * 2) STORED, v INTEGER GENERATED ALWAYS AS (a + 1), c VARCHAR(10), PRIMARY KEY (id))")
    op.execute("INSERT INTO calc (id, a, c) VALUES (1, 3, '"'"'x'"'"')")'
DOWN='    op.drop_table("calc")'
ops_rev c0000003 c0000002 "calc"
UP='    with op.batch_alter_table("calc") as batch_op:
        batch_op.alter_column("c", type_=sa.String(20), existing_type=sa.String(10))'
DOWN='    pass'
ops_rev c0000004 c0000003 "batch calc"
run alembic upgrade head
expect_rc 0 "batch: a table with generated columns"
expect_eq "$(sqlite3 app.db "SELECT sql FROM sqlite_master WHERE name = 'calc'" | tr -d '\n\t')" \
	"CREATE TABLE \"calc\" (id INTEGER NOT NULL, a INTEGER, b INTEGER GENERATED ALWAYS AS (a * 2) STORED, v INTEGER GENERATED ALWAYS AS (a + 1) VIRTUAL, c VARCHAR(20), PRIMARY KEY (id))" \
	"batch: the generated columns re-created"
expect_eq "$(sqlite3 app.db "SELECT id, a, b, v, c FROM calc")" "1|3|6|4|x" "batch: the rows, generated values computed again"

# batch_op.drop_constraint(None, ...) (autogenerate's line for an unnamed constraint): the
# rebuild refuses it as Alembic's ApplyBatchImpl does, before anything runs.
UP='    with op.batch_alter_table("calc") as batch_op:
        batch_op.drop_constraint(None, type_="unique")'
DOWN='    pass'
ops_rev c0000005 c0000004 "batch unnamed"
run alembic upgrade head
expect_rc 1 "batch: drop_constraint(None) refused"
expect_err_has "batch_alter_table('calc'): Constraint must have a name (rolled back; the database is at c0000004)" "batch: drop_constraint(None), Alembic's ValueError text"
if oracle_env; then
	run /usr/bin/python3 -m alembic -c py.ini upgrade head
	expect_err_has "ValueError: Constraint must have a name" "batch: Python Alembic fails the same way"
fi

# --- PostgreSQL -----------------------------------------------------------------------
if [ -z "${ALEMBIC_TEST_PG_URL:-}" ] || [ -z "${ALEMBIC_TEST_PG_DIR:-}" ]; then
	not_ok "ALEMBIC_TEST_PG_URL / ALEMBIC_TEST_PG_DIR not set: run through tests/run (tests/pg.sh)"
	finish
	exit 1
fi
pg() {
	"$ALEMBIC_TEST_PG_BIN/psql" -X -q -A -t -h "$ALEMBIC_TEST_PG_DIR" -p "$ALEMBIC_TEST_PG_PORT" \
		-U alembic_test -d "$1" -c "$2" 2>&1 | tr '\n' ' '
}
DB="ops_$$"
pg postgres "CREATE DATABASE $DB" >/dev/null
rt_project "${ALEMBIC_TEST_PG_URL%/*}/$DB"
ops_project
rows() { pg "$DB" "SELECT version_num FROM alembic_version ORDER BY 1"; }
run alembic upgrade head
expect_rc 0 "pg: upgrade head"
expect_eq "$(pg "$DB" "SELECT column_name || ':' || data_type || ':' || is_nullable || ':' || coalesce(column_default, '') FROM information_schema.columns WHERE table_name = 'account' ORDER BY ordinal_position")" \
	"id:integer:NO:nextval('account_id_seq'::regclass) name:character varying:NO: email:character varying:YES: created:timestamp without time zone:YES:now() status:USER-DEFINED:YES: age:integer:NO:0 " \
	"pg: account columns (SERIAL, server defaults, enum)"
expect_eq "$(pg "$DB" "SELECT enum_range(NULL::status)")" "{active,gone} " "pg: CREATE TYPE status"
expect_eq "$(pg "$DB" "SELECT col_description('article'::regclass, 3)")" "the title " "pg: COMMENT ON COLUMN"
expect_eq "$(pg "$DB" "SELECT confdeltype FROM pg_constraint WHERE conrelid = 'article'::regclass AND contype = 'f'")" \
	"c " "pg: ON DELETE CASCADE"
expect_eq "$(pg "$DB" "SELECT string_agg(name || '=' || age, ',' ORDER BY id) FROM account")" \
	"it's=30,bob=5 " "pg: bulk_insert and execute"
expect_eq "$(pg "$DB" "SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND indexname LIKE 'ix%' ORDER BY 1")" \
	"ix_account_name ix_post_title " "pg: indexes"
run alembic downgrade base
expect_rc 0 "pg: downgrade base"
expect_eq "$(pg "$DB" "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")" \
	"alembic_version " "pg: downgrade base leaves only the version table"
expect_eq "$(pg "$DB" "SELECT count(*) FROM pg_type WHERE typname = 'status'")" "0 " "pg: DROP TYPE in the downgrade"
if oracle_env; then
	ops_offline_same "pg: upgrade head --sql" upgrade head --sql
	ops_offline_same "pg: downgrade a0000003:base --sql" downgrade a0000003:base --sql
fi
run alembic upgrade head
UP='    op.alter_column("account", "name", new_column_name="full_name", type_=sa.String(80), existing_type=sa.String(50), nullable=True)
    op.execute("SELECT * FROM no_such_table")'
DOWN='    op.alter_column("account", "full_name", new_column_name="name", type_=sa.String(50), nullable=False)'
ops_rev a0000004 a0000003 "fails"
run alembic upgrade head
expect_rc 1 "pg: a failing revision fails the run"
expect_err_has "a0000004_x.py:20: upgrade a0000003 -> a0000004 failed: " "pg: the failing statement's file:line"
expect_eq "$(rows)" "a0000003 " "pg: the database stays at the last revision"
expect_eq "$(pg "$DB" "SELECT column_name FROM information_schema.columns WHERE table_name = 'account' AND column_name LIKE '%name'")" \
	"name " "pg: the failed revision's ALTERs rolled back"
UP='    op.alter_column("account", "name", new_column_name="full_name", type_=sa.String(80), existing_type=sa.String(50), nullable=True)'
ops_rev a0000004 a0000003 "alter"
run alembic upgrade head
expect_rc 0 "pg: alter_column type, nullable, rename"
expect_eq "$(pg "$DB" "SELECT column_name || ':' || character_maximum_length || ':' || is_nullable FROM information_schema.columns WHERE table_name = 'account' AND column_name LIKE '%name'")" \
	"full_name:80:YES " "pg: the column altered"
run alembic downgrade -1
expect_rc 0 "pg: alter_column back"
pg postgres "DROP DATABASE $DB" >/dev/null

# --- batch_alter_table(recreate="always") on PostgreSQL: Alembic's move-and-copy there
# (reflected table, SERIAL detected from the owned sequence, named constraints dropped
# first and re-created on the new table, indexes re-created), compared with Python Alembic.
DB="ops_b_$$"
pg postgres "CREATE DATABASE $DB" >/dev/null
rt_project "${ALEMBIC_TEST_PG_URL%/*}/$DB"
UP='    op.create_table("parent", sa.Column("id", sa.Integer(), primary_key=True))
    op.create_table("item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("qty", sa.Numeric(10, 2), nullable=False, comment="how many"),
        sa.Column("code", sa.CHAR(4), server_default="abcd"),
        sa.Column("parent_id", sa.Integer()),
        sa.PrimaryKeyConstraint("id"),
        sa.ForeignKeyConstraint(["parent_id"], ["parent.id"], onupdate="CASCADE"),
        sa.CheckConstraint("qty >= 0", name="ck_item_qty"),
        sa.UniqueConstraint("code", name="uq_item_code"))
    op.create_index("ix_item_parent_id", "item", ["parent_id"])
    op.execute("INSERT INTO parent (id) VALUES (1)")
    op.execute("INSERT INTO item (qty, code, parent_id) VALUES (2.5, '"'"'a'"'"', 1), (3, '"'"'b'"'"', NULL)")'
DOWN='    op.drop_table("item")
    op.drop_table("parent")'
ops_rev b0000001 "" "item"
UP='    with op.batch_alter_table("item", recreate="always") as batch_op:
        batch_op.add_column(sa.Column("extra", sa.String(length=10), nullable=True))
        batch_op.drop_constraint("uq_item_code", type_="unique")'
DOWN='    pass'
ops_rev b0000002 b0000001 "rebuild"
pg_catalog() { # DB: what the move-and-copy leaves, one line per fact
	pg "$1" "SELECT string_agg(x, ' | ' ORDER BY x) FROM (
	  SELECT column_name || ':' || data_type || ':' || is_nullable || ':' || coalesce(column_default, '') ||
	         ':' || coalesce(col_description('item'::regclass, ordinal_position::int), '') AS x
	    FROM information_schema.columns WHERE table_name = 'item'
	  UNION ALL SELECT conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'item'::regclass
	  UNION ALL SELECT indexdef FROM pg_indexes WHERE tablename = 'item'
	  UNION ALL SELECT 'seq ' || relname FROM pg_class WHERE relkind = 'S'
	  UNION ALL SELECT 'row ' || id || ',' || qty || ',' || code || ',' || coalesce(parent_id, 0) FROM item) s"
}
run alembic upgrade head
expect_rc 0 "pg batch recreate: upgrade head"
expect_err_has "INFO  [alembic.ddl.postgresql] Detected sequence named 'item_id_seq' as owned by integer column 'item(id)', assuming SERIAL and omitting" \
	"pg batch recreate: Alembic's SERIAL log line"
CAT=$(pg_catalog "$DB")
for part in "seq _alembic_tmp_item_id_seq" "id:integer:NO:nextval('_alembic_tmp_item_id_seq'::regclass):" \
	"qty:numeric:NO::how many" "extra:character varying:YES::" "item_pkey PRIMARY KEY (id)" \
	"ck_item_qty CHECK ((qty >= (0)::numeric))" "item_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES parent(id) ON UPDATE CASCADE" \
	"CREATE INDEX ix_item_parent_id ON public.item USING btree (parent_id)" "row 1,2.50,a,1" "row 2,3.00,b,0"; do
	case "$CAT" in *"$part"*) ok ;; *) not_ok "pg batch recreate: $part not in: $CAT" ;; esac
done
case "$CAT" in *uq_item_code*) not_ok "pg batch recreate: the dropped constraint is gone" ;; *) ok ;; esac
run alembic upgrade head --sql
expect_rc 255 "pg batch recreate --sql: Alembic's CommandError"
expect_out_has 'batch mode with dialect postgresql requires a live database connection with which to reflect the table "item"' \
	"pg batch recreate --sql: Alembic's text"
if oracle_env; then
	PYDB="ops_bpy_$$"
	pg postgres "CREATE DATABASE $PYDB" >/dev/null
	sed -i "s|^sqlalchemy.url = \(.*\)/[^/]*$|sqlalchemy.url = \1/$PYDB|" py.ini
	run /usr/bin/python3 -m alembic -c py.ini upgrade head
	expect_rc 0 "pg batch recreate: Python Alembic upgrades the same project"
	expect_eq "$(pg_catalog "$PYDB")" "$CAT" "pg batch recreate: the catalog is Alembic's"
	pg postgres "DROP DATABASE $PYDB" >/dev/null
fi
pg postgres "DROP DATABASE $DB" >/dev/null
finish
