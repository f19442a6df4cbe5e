/*
 * t_run.c - unit tests for src/run: offline output byte for byte (ref
 * §10.1b, §10.4-§10.6, §10.8) and the online transaction / failure / lock
 * logic against the fake driver, plus real SQLite files for the
 * all-or-nothing guarantee.
 */
#include "base/buf.h"
#include "core/graph.h"
#include "db/db.h"
#include "run/run.h"
#include "script/script.h"
#include "unit.h"

/* A recording sink: SQL text and log lines. */
struct rec {
	struct buf sql; /* offline output */
	struct buf log; /* "LEVEL text\n" per log record */
};

static void rec_sql(void *ctx, const char *text, size_t len)
{
	buf_add(&((struct rec *)ctx)->sql, text, len);
}

static void rec_log(void *ctx, const char *level, const char *logger, const char *text)
{
	(void)logger;
	buf_addf(&((struct rec *)ctx)->log, "%s %s\n", level, text);
}

static struct sink rec_sink(struct rec *r)
{
	struct sink s = {NULL, NULL, NULL, rec_log, rec_sql, r};

	memset(&r->sql, 0, sizeof(r->sql));
	memset(&r->log, 0, sizeof(r->log));
	return s;
}

/* A project: revisions with Python op.execute bodies or SQL sections. */
struct proj {
	struct arena a;
	struct rev *revs[16];
	size_t n;
	struct graph g;
};

static struct script_stmt *one_stmt(struct arena *a, const char *sql, int line)
{
	struct script_stmt *st = arena_calloc(a, 1, sizeof(*st));

	st->sql = sql;
	st->line = line;
	return st;
}

/* Adds revision id (parents: space-separated) with a Python body. */
/* A revision module whose upgrade()'s op.execute is on line 20 and
 * downgrade()'s on line 24 (the lines the messages below name). */
static char *py_text(struct arena *a, const char *up, const char *down)
{
	struct buf b = BUF_INIT;
	char *r;

	buf_adds(&b, "from alembic import op\nimport sqlalchemy as sa\n");
	for (int i = 3; i < 19; i++)
		buf_addf(&b, "# line %d\n", i);
	buf_addf(&b, "def upgrade():\n    %s%s%s\n\n\n", up ? "op.execute(\"\"\"" : "pass",
		 up ? up : "", up ? "\"\"\")" : "");
	buf_addf(&b, "def downgrade():\n    %s%s%s\n", down ? "op.execute(\"\"\"" : "pass",
		 down ? down : "", down ? "\"\"\")" : "");
	r = buf_to_arena(&b, a);
	buf_release(&b);
	return r;
}

static struct script *add_py(struct proj *p, const char *id, const char *parents, const char *doc,
			     const char *up, const char *down)
{
	struct script *sc = arena_calloc(&p->a, 1, sizeof(*sc));
	struct rev *r = arena_calloc(&p->a, 1, sizeof(*r));
	char *copy = arena_strdup(&p->a, parents ? parents : "");

	sc->id = id;
	sc->doc = doc;
	sc->format = SCRIPT_PY;
	sc->path = arena_printf(&p->a, "/v/%s_x.py", id);
	sc->upgrade.present = sc->downgrade.present = true;
	sc->text = py_text(&p->a, up, down);
	sc->text_len = strlen(sc->text);
	if (up) {
		sc->upgrade.stmts = one_stmt(&p->a, up, 20);
		sc->upgrade.n_stmts = 1;
	}
	if (down) {
		sc->downgrade.stmts = one_stmt(&p->a, down, 24);
		sc->downgrade.n_stmts = 1;
	}
	r->id = id;
	r->data = sc;
	r->path = sc->path;
	for (char *t = copy; *t;) {
		char *sp = strchr(t, ' ');
		if (sp)
			*sp = '\0';
		strvec_push(&p->a, &r->down, t);
		strvec_push(&p->a, &sc->down, t);
		if (!sp)
			break;
		t = sp + 1;
	}
	p->revs[p->n++] = r;
	return sc;
}

/* Adds a native SQL revision whose upgrade section starts on line 8. */
static struct script *add_sql(struct proj *p, const char *id, const char *parents, const char *up,
			      const char *down)
{
	struct script *sc = add_py(p, id, parents, id, NULL, NULL);

	sc->format = SCRIPT_SQL;
	sc->path = arena_printf(&p->a, "/v/%s.sql", id);
	sc->upgrade.text = up;
	sc->upgrade.first_line = 8;
	sc->downgrade.text = down;
	sc->downgrade.first_line = 20;
	return sc;
}

static void proj_build(struct proj *p)
{
	struct err e;

	if (graph_build(&p->a, p->revs, p->n, &p->g, &e) < 0) {
		fprintf(stderr, "graph_build: %s\n", e.msg);
		exit(1);
	}
}

/* ref §10.1b project p12 */
static void p12(struct proj *p)
{
	memset(p, 0, sizeof(*p));
	add_py(p, "a1b2c3d4e5f6", NULL, "create log",
	       "CREATE TABLE log (id INTEGER PRIMARY KEY, msg TEXT)", "DROP TABLE log");
	add_py(p, "0f1e2d3c4b5a", "a1b2c3d4e5f6", "seed log",
	       "INSERT INTO log (msg) VALUES ('hello')", "DELETE FROM log WHERE msg = 'hello'");
	proj_build(p);
}

static void opts(struct run_opts *o, const char *url, bool sql)
{
	memset(o, 0, sizeof(*o));
	o->url = url;
	o->version_table = "alembic_version";
	o->version_table_pk = true;
	o->lock_timeout_ms = 2000;
	o->sql = sql;
}

static int run(struct proj *p, struct run_opts *o, enum run_cmd cmd, const char *start,
	       const char *target, struct rec *r, struct err *e)
{
	struct sink s = rec_sink(r);
	struct run_request rq = {cmd, target, start, NULL, 0, false};

	return run_migrate(&p->a, &p->g, o, &rq, &s, e);
}

#define P12_CREATE                                                                                 \
	"CREATE TABLE alembic_version (\n    version_num VARCHAR(32) NOT NULL, \n"                 \
	"    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)\n);\n\n"

static void test_offline_sqlite_p12(void)
{
	struct proj p;
	struct run_opts o;
	struct rec r;
	struct err e;

	p12(&p);
	opts(&o, "sqlite:///x.db", true);
	CHECK(run(&p, &o, RUN_UPGRADE, NULL, "head", &r, &e) == 0);
	CHECK_STR(buf_cstr(&r.sql), P12_CREATE
		  "-- Running upgrade  -> a1b2c3d4e5f6\n\n"
		  "CREATE TABLE log (id INTEGER PRIMARY KEY, msg TEXT);\n\n"
		  "INSERT INTO alembic_version (version_num) VALUES ('a1b2c3d4e5f6');\n\n"
		  "-- Running upgrade a1b2c3d4e5f6 -> 0f1e2d3c4b5a\n\n"
		  "INSERT INTO log (msg) VALUES ('hello');\n\n"
		  "UPDATE alembic_version SET version_num='0f1e2d3c4b5a' WHERE "
		  "alembic_version.version_num = 'a1b2c3d4e5f6';\n\n");
	CHECK_STR(buf_cstr(&r.log),
		  "INFO Context impl SQLiteImpl.\nINFO Generating static SQL\n"
		  "INFO Will assume non-transactional DDL.\n"
		  "INFO Running upgrade  -> a1b2c3d4e5f6, create log\n"
		  "INFO Running upgrade a1b2c3d4e5f6 -> 0f1e2d3c4b5a, seed log\n");
	/* downgrade head:base: newer Alembic's output, no DROP TABLE at the end */
	CHECK(run(&p, &o, RUN_DOWNGRADE, "head", "base", &r, &e) == 0);
	CHECK_STR(buf_cstr(&r.sql),
		  "-- Running downgrade 0f1e2d3c4b5a -> a1b2c3d4e5f6\n\n"
		  "DELETE FROM log WHERE msg = 'hello';\n\n"
		  "UPDATE alembic_version SET version_num='a1b2c3d4e5f6' WHERE "
		  "alembic_version.version_num = '0f1e2d3c4b5a';\n\n"
		  "-- Running downgrade a1b2c3d4e5f6 -> \n\n"
		  "DROP TABLE log;\n\n"
		  "DELETE FROM alembic_version WHERE alembic_version.version_num = "
		  "'a1b2c3d4e5f6';\n\n");
	arena_release(&p.a);
}

static void test_offline_pg_p12(void)
{
	struct proj p;
	struct run_opts o;
	struct rec r;
	struct err e;

	p12(&p);
	opts(&o, "postgresql://u:pw@h/db", true);
	CHECK(run(&p, &o, RUN_UPGRADE, NULL, "head", &r, &e) == 0);
	CHECK_STR(buf_cstr(&r.sql),
		  "BEGIN;\n\n" P12_CREATE "-- Running upgrade  -> a1b2c3d4e5f6\n\n"
		  "CREATE TABLE log (id INTEGER PRIMARY KEY, msg TEXT);\n\n"
		  "INSERT INTO alembic_version (version_num) VALUES ('a1b2c3d4e5f6') "
		  "RETURNING alembic_version.version_num;\n\n"
		  "-- Running upgrade a1b2c3d4e5f6 -> 0f1e2d3c4b5a\n\n"
		  "INSERT INTO log (msg) VALUES ('hello');\n\n"
		  "UPDATE alembic_version SET version_num='0f1e2d3c4b5a' WHERE "
		  "alembic_version.version_num = 'a1b2c3d4e5f6';\n\n"
		  "COMMIT;\n\n");
	CHECK_STR(buf_cstr(&r.log),
		  "INFO Context impl PostgresqlImpl.\nINFO Generating static SQL\n"
		  "INFO Will assume transactional DDL.\n"
		  "INFO Running upgrade  -> a1b2c3d4e5f6, create log\n"
		  "INFO Running upgrade a1b2c3d4e5f6 -> 0f1e2d3c4b5a, seed log\n");
	/* ref §10.5 shape: transaction_per_migration */
	o.transaction_per_migration = true;
	CHECK(run(&p, &o, RUN_UPGRADE, NULL, "head", &r, &e) == 0);
	CHECK_STR(buf_cstr(&r.sql),
		  "BEGIN;\n\n" P12_CREATE "-- Running upgrade  -> a1b2c3d4e5f6\n\n"
		  "CREATE TABLE log (id INTEGER PRIMARY KEY, msg TEXT);\n\n"
		  "INSERT INTO alembic_version (version_num) VALUES ('a1b2c3d4e5f6') "
		  "RETURNING alembic_version.version_num;\n\n"
		  "COMMIT;\n\nBEGIN;\n\n"
		  "-- Running upgrade a1b2c3d4e5f6 -> 0f1e2d3c4b5a\n\n"
		  "INSERT INTO log (msg) VALUES ('hello');\n\n"
		  "UPDATE alembic_version SET version_num='0f1e2d3c4b5a' WHERE "
		  "alembic_version.version_num = 'a1b2c3d4e5f6';\n\n"
		  "COMMIT;\n\n");
	/* start from a revision: no CREATE */
	o.transaction_per_migration = false;
	CHECK(run(&p, &o, RUN_UPGRADE, "a1b2", "head", &r, &e) == 0);
	CHECK_STR(buf_cstr(&r.sql), "BEGIN;\n\n-- Running upgrade a1b2c3d4e5f6 -> 0f1e2d3c4b5a\n\n"
				    "INSERT INTO log (msg) VALUES ('hello');\n\n"
				    "UPDATE alembic_version SET version_num='0f1e2d3c4b5a' WHERE "
				    "alembic_version.version_num = 'a1b2c3d4e5f6';\n\n"
				    "COMMIT;\n\n");
	arena_release(&p.a);
}

/* ref §10.6: p3 = aaaa0001 -> {bbbb0001 -> bbbb0002, cccc0001} -> eeee0001 */
static void p3(struct proj *p)
{
	memset(p, 0, sizeof(*p));
	add_py(p, "aaaa0001", NULL, "a", NULL, NULL);
	add_py(p, "bbbb0001", "aaaa0001", "b1", NULL, NULL);
	add_py(p, "bbbb0002", "bbbb0001", "b2", NULL, NULL);
	add_py(p, "cccc0001", "aaaa0001", "c1", NULL, NULL);
	add_py(p, "eeee0001", "bbbb0002 cccc0001", "merge", NULL, NULL);
	proj_build(p);
}

/* Output with the blank lines removed, as ref §10.6 prints it. */
static char *squeeze(struct arena *a, const char *s)
{
	struct buf b = BUF_INIT;
	char *r;

	for (; *s; s++)
		if (!(*s == '\n' && b.len && b.ptr[b.len - 1] == '\n'))
			buf_addch(&b, *s);
	r = buf_to_arena(&b, a);
	buf_release(&b);
	return r;
}

static void test_offline_branches(void)
{
	struct proj p;
	struct run_opts o;
	struct rec r;
	struct err e;

	p3(&p);
	opts(&o, "postgresql://u@h/db", true);
	CHECK(run(&p, &o, RUN_DOWNGRADE, "eeee0001", "aaaa0001", &r, &e) == 0);
	CHECK_STR(squeeze(&p.a, buf_cstr(&r.sql)),
		  "BEGIN;\n"
		  "-- Running downgrade eeee0001 -> bbbb0002, cccc0001\n"
		  "INSERT INTO alembic_version (version_num) VALUES ('bbbb0002') RETURNING "
		  "alembic_version.version_num;\n"
		  "UPDATE alembic_version SET version_num='cccc0001' WHERE "
		  "alembic_version.version_num = 'eeee0001';\n"
		  "-- Running downgrade bbbb0002 -> bbbb0001\n"
		  "UPDATE alembic_version SET version_num='bbbb0001' WHERE "
		  "alembic_version.version_num = 'bbbb0002';\n"
		  "-- Running downgrade bbbb0001 -> aaaa0001\n"
		  "DELETE FROM alembic_version WHERE alembic_version.version_num = 'bbbb0001';\n"
		  "-- Running downgrade cccc0001 -> aaaa0001\n"
		  "UPDATE alembic_version SET version_num='aaaa0001' WHERE "
		  "alembic_version.version_num = 'cccc0001';\n"
		  "COMMIT;\n");
	CHECK(run(&p, &o, RUN_UPGRADE, "base", "heads", &r, &e) == 0);
	CHECK(strstr(buf_cstr(&r.sql),
		     "-- Running upgrade bbbb0002, cccc0001 -> eeee0001\n\n"
		     "DELETE FROM alembic_version WHERE "
		     "alembic_version.version_num = 'bbbb0002';\n\n"
		     "UPDATE alembic_version SET version_num='eeee0001' WHERE "
		     "alembic_version.version_num = 'cccc0001';\n\nCOMMIT;\n\n") != NULL);
	arena_release(&p.a);
}

static void test_offline_stamp_and_errors(void)
{
	struct proj p;
	struct run_opts o;
	struct rec r;
	struct err e;
	struct sink s = rec_sink(&r);
	const char *targets[] = {"bbbb0002"};
	struct run_request rq = {RUN_STAMP, NULL, "aaaa0001", targets, 1, false};

	p3(&p);
	opts(&o, "sqlite:///x.db", true);
	CHECK(run_migrate(&p.a, &p.g, &o, &rq, &s, &e) == 0);
	CHECK_STR(buf_cstr(&r.sql), "-- Running stamp_revision aaaa0001 -> bbbb0002\n\n"
				    "UPDATE alembic_version SET version_num='bbbb0002' WHERE "
				    "alembic_version.version_num = 'aaaa0001';\n\n");
	CHECK(strstr(buf_cstr(&r.log), "INFO Running stamp_revision aaaa0001 -> bbbb0002\n"));
	rq.start = NULL;
	s = rec_sink(&r);
	CHECK(run_migrate(&p.a, &p.g, &o, &rq, &s, &e) == 0);
	CHECK_STR(buf_cstr(&r.sql), P12_CREATE "-- Running stamp_revision  -> bbbb0002\n\n"
					       "INSERT INTO alembic_version (version_num) VALUES "
					       "('bbbb0002');\n\n");
	rq.purge = true;
	CHECK(run_migrate(&p.a, &p.g, &o, &rq, &s, &e) == -1);
	CHECK_INT(e.code, ERR_COMMAND);
	CHECK_STR(e.msg, "Can't use --purge with --sql mode");
	/* ensure_version offline: the CREATE only (no DROP, newer Alembic) */
	struct run_request ev = {RUN_ENSURE_VERSION, NULL, NULL, NULL, 0, false};
	o.url = "postgresql://h/d";
	o.version_table = "My_versions";
	o.version_table_schema = "audit";
	s = rec_sink(&r);
	CHECK(run_migrate(&p.a, NULL, &o, &ev, &s, &e) == 0);
	CHECK_STR(buf_cstr(&r.sql), "BEGIN;\n\nCREATE TABLE audit.\"My_versions\" (\n"
				    "    version_num VARCHAR(32) NOT NULL, \n"
				    "    CONSTRAINT \"My_versions_pkc\" PRIMARY KEY (version_num)\n"
				    ");\n\nCOMMIT;\n\n");
	arena_release(&p.a);
}

static void test_offline_native_sql(void)
{
	struct proj p;
	struct run_opts o;
	struct rec r;
	struct err e;

	memset(&p, 0, sizeof(p));
	add_sql(&p, "s1", NULL,
		"CREATE TABLE t (a int);\n-- migrate:autocommit\nCREATE INDEX CONCURRENTLY i ON t "
		"(a);\n-- migrate:end-autocommit\nINSERT INTO t VALUES (1)\n",
		"DROP TABLE t;\n");
	proj_build(&p);
	opts(&o, "postgresql://h/d", true);
	CHECK(run(&p, &o, RUN_UPGRADE, NULL, "head", &r, &e) == 0);
	CHECK_STR(squeeze(&p.a, buf_cstr(&r.sql)),
		  "BEGIN;\nCREATE TABLE alembic_version (\n    version_num VARCHAR(32) NOT NULL, \n"
		  "    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)\n);\n"
		  "-- Running upgrade  -> s1\nCREATE TABLE t (a int);\nCOMMIT;\n"
		  "CREATE INDEX CONCURRENTLY i ON t (a);\nBEGIN;\nINSERT INTO t VALUES (1);\n"
		  "INSERT INTO alembic_version (version_num) VALUES ('s1') RETURNING "
		  "alembic_version.version_num;\nCOMMIT;\n");
	arena_release(&p.a);
}

/* ref §10.2 / §10.3: p1's statements as native SQL (a tab becomes 4 spaces) */
static void test_offline_sqlite_p1_native(void)
{
	struct proj p;
	struct run_opts o;
	struct rec r;
	struct err e;

	memset(&p, 0, sizeof(p));
	add_sql(&p, "1975ea83b712", NULL,
		"CREATE TABLE account (\n    id INTEGER NOT NULL, \n\tname VARCHAR(50) NOT NULL, \n"
		"    PRIMARY KEY (id)\n);\n",
		"DROP TABLE account;");
	add_sql(&p, "ae1027a6acf", "1975ea83b712",
		"ALTER TABLE account ADD COLUMN last_transaction_date DATETIME;",
		"-- comments are not statements\nALTER TABLE account DROP COLUMN "
		"last_transaction_date;");
	add_sql(&p, "27c6a30d7c24", "ae1027a6acf",
		"INSERT INTO account (id, name) VALUES (1, 'x');",
		"DELETE FROM account WHERE id = 1");
	proj_build(&p);
	opts(&o, "sqlite:///x.db", true);
	CHECK(run(&p, &o, RUN_UPGRADE, NULL, "head", &r, &e) == 0);
	CHECK_STR(
		buf_cstr(&r.sql), P12_CREATE
		"-- Running upgrade  -> 1975ea83b712\n\n"
		"CREATE TABLE account (\n    id INTEGER NOT NULL, \n    name VARCHAR(50) NOT NULL, \n"
		"    PRIMARY KEY (id)\n);\n\n"
		"INSERT INTO alembic_version (version_num) VALUES ('1975ea83b712');\n\n"
		"-- Running upgrade 1975ea83b712 -> ae1027a6acf\n\n"
		"ALTER TABLE account ADD COLUMN last_transaction_date DATETIME;\n\n"
		"UPDATE alembic_version SET version_num='ae1027a6acf' WHERE "
		"alembic_version.version_num = '1975ea83b712';\n\n"
		"-- Running upgrade ae1027a6acf -> 27c6a30d7c24\n\n"
		"INSERT INTO account (id, name) VALUES (1, 'x');\n\n"
		"UPDATE alembic_version SET version_num='27c6a30d7c24' WHERE "
		"alembic_version.version_num = 'ae1027a6acf';\n\n");
	CHECK(run(&p, &o, RUN_DOWNGRADE, "27c6a30d7c24", "base", &r, &e) == 0);
	CHECK_STR(buf_cstr(&r.sql),
		  "-- Running downgrade 27c6a30d7c24 -> ae1027a6acf\n\n"
		  "DELETE FROM account WHERE id = 1;\n\n"
		  "UPDATE alembic_version SET version_num='ae1027a6acf' WHERE "
		  "alembic_version.version_num = '27c6a30d7c24';\n\n"
		  "-- Running downgrade ae1027a6acf -> 1975ea83b712\n\n"
		  "ALTER TABLE account DROP COLUMN last_transaction_date;\n\n"
		  "UPDATE alembic_version SET version_num='1975ea83b712' WHERE "
		  "alembic_version.version_num = 'ae1027a6acf';\n\n"
		  "-- Running downgrade 1975ea83b712 -> \n\n"
		  "DROP TABLE account;\n\n"
		  "DELETE FROM alembic_version WHERE alembic_version.version_num = "
		  "'1975ea83b712';\n\n");
	arena_release(&p.a);
}

/* ---- online against the fake driver ---- */

static char *log_text(struct arena *a, const struct strvec *log)
{
	return strvec_join(a, log, "\n");
}

static void test_online_fake_whole_transaction(void)
{
	struct proj p;
	struct run_opts o;
	struct rec r;
	struct err e;
	struct strvec log = STRVEC_INIT;
	struct db_fake_config cfg = {.rowcount = 1};

	p12(&p);
	opts(&o, NULL, false);
	o.db = db_fake_open(sql_dialect_find("postgresql"), &cfg, &p.a, &log);
	CHECK(run(&p, &o, RUN_UPGRADE, NULL, "head", &r, &e) == 0);
	CHECK_STR(log_text(&p.a, &log),
		  "LOCK alembic_version\nBEGIN\nEXISTS alembic_version\n"
		  "CREATE TABLE alembic_version (\n\tversion_num VARCHAR(32) NOT NULL, \n"
		  "\tCONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)\n)\n"
		  "CREATE TABLE log (id INTEGER PRIMARY KEY, msg TEXT)\n"
		  "INSERT INTO alembic_version (version_num) VALUES ('a1b2c3d4e5f6') RETURNING "
		  "alembic_version.version_num\n"
		  "INSERT INTO log (msg) VALUES ('hello')\n"
		  "UPDATE alembic_version SET version_num='0f1e2d3c4b5a' WHERE "
		  "alembic_version.version_num = 'a1b2c3d4e5f6'\n"
		  "COMMIT\nUNLOCK alembic_version");
	CHECK_STR(buf_cstr(&r.log),
		  "INFO Context impl PostgresqlImpl.\nINFO Will assume transactional DDL.\n"
		  "INFO Running upgrade  -> a1b2c3d4e5f6, create log\n"
		  "INFO Running upgrade a1b2c3d4e5f6 -> 0f1e2d3c4b5a, seed log\n");
	db_close(o.db);
	arena_release(&p.a);
}

static void test_online_fake_failure_rolls_back(void)
{
	struct proj p;
	struct run_opts o;
	struct rec r;
	struct err e;
	struct strvec log = STRVEC_INIT;
	struct db_fake_config cfg = {.fail_at = 3,
				     .fail_msg = "relation \"x\" does not exist",
				     .rowcount = 1,
				     .table_exists = true};

	p12(&p);
	opts(&o, NULL, false);
	o.transaction_per_migration = true;
	o.db = db_fake_open(sql_dialect_find("sqlite"), &cfg, &p.a, &log);
	CHECK(run(&p, &o, RUN_UPGRADE, NULL, "head", &r, &e) == -1);
	CHECK_INT(e.code, ERR_MIGRATION);
	CHECK_STR(e.file, "/v/0f1e2d3c4b5a_x.py");
	CHECK_INT(e.line, 20);
	CHECK_STR(e.msg, "upgrade a1b2c3d4e5f6 -> 0f1e2d3c4b5a failed: relation \"x\" does not "
			 "exist (rolled back; the database is at a1b2c3d4e5f6)");
	CHECK_STR(log_text(&p.a, &log),
		  "LOCK alembic_version\nBEGIN\nEXISTS alembic_version\n"
		  "QUERY SELECT alembic_version.version_num \nFROM alembic_version\nCOMMIT\n"
		  "BEGIN\nCREATE TABLE log (id INTEGER PRIMARY KEY, msg TEXT)\n"
		  "INSERT INTO alembic_version (version_num) VALUES ('a1b2c3d4e5f6')\nCOMMIT\n"
		  "BEGIN\nFAIL INSERT INTO log (msg) VALUES ('hello')\nROLLBACK\n"
		  "UNLOCK alembic_version");
	db_close(o.db);
	arena_release(&p.a);
}

static void test_online_fake_refusal_runs_nothing(void)
{
	struct proj p;
	struct run_opts o;
	struct rec r;
	struct err e;
	struct strvec log = STRVEC_INIT;
	struct db_fake_config cfg = {.rowcount = 1, .table_exists = true};
	struct script *sc;

	p12(&p);
	sc = p.revs[1]->data;
	sc->text = py_text(&p.a, NULL, NULL);
	sc->text = arena_printf(&p.a, "%.*s    op.frobnicate(\"t\")\n",
				(int)(strstr(sc->text, "    pass") - sc->text), sc->text);
	sc->text_len = strlen(sc->text);
	opts(&o, NULL, false);
	o.db = db_fake_open(sql_dialect_find("sqlite"), &cfg, &p.a, &log);
	CHECK(run(&p, &o, RUN_UPGRADE, NULL, "head", &r, &e) == -1);
	CHECK_INT(e.code, ERR_INPUT);
	CHECK_INT(e.line, 20);
	CHECK(strstr(e.msg, "frobnicate") != NULL);
	CHECK(strstr(log_text(&p.a, &log), "CREATE TABLE log") == NULL);
	CHECK(strstr(log_text(&p.a, &log), "ROLLBACK\nUNLOCK") != NULL);
	db_close(o.db);
	arena_release(&p.a);
}

static void test_online_fake_rowcount_and_lock(void)
{
	struct proj p;
	struct run_opts o;
	struct rec r;
	struct err e;
	struct strvec log = STRVEC_INIT;
	struct db_fake_config cfg = {.rowcount = 0, .table_exists = true};

	p12(&p);
	strvec_push(&p.a, &cfg.rows, "a1b2c3d4e5f6");
	opts(&o, NULL, false);
	o.db = db_fake_open(sql_dialect_find("sqlite"), &cfg, &p.a, &log);
	CHECK(run(&p, &o, RUN_UPGRADE, NULL, "head", &r, &e) == -1);
	CHECK_INT(e.code, ERR_COMMAND);
	CHECK_STR(e.msg, "Online migration expected to match one row when updating "
			 "'a1b2c3d4e5f6' to '0f1e2d3c4b5a' in 'alembic_version'; 0 found");
	cfg.lock_busy = true;
	CHECK(run(&p, &o, RUN_UPGRADE, NULL, "head", &r, &e) == -1);
	CHECK_INT(e.code, ERR_LOCK);
	/* unknown target: resolution error, table creation rolled back */
	cfg.lock_busy = false;
	log.n = 0;
	cfg.table_exists = false;
	CHECK(run(&p, &o, RUN_UPGRADE, NULL, "nosuch", &r, &e) == -1);
	CHECK_INT(e.code, ERR_RESOLUTION);
	CHECK(strstr(log_text(&p.a, &log), "CREATE TABLE alembic_version") != NULL);
	CHECK(str_endswith(log_text(&p.a, &log), "ROLLBACK\nUNLOCK alembic_version"));
	db_close(o.db);
	arena_release(&p.a);
}

/* Statements marked autocommit leave the transaction; a later failure says
 * what stays applied. */
static void test_online_fake_autocommit(void)
{
	struct proj p;
	struct run_opts o;
	struct rec r;
	struct err e;
	struct strvec log = STRVEC_INIT;
	struct db_fake_config cfg = {
		.fail_at = 3, .fail_msg = "boom", .rowcount = 1, .table_exists = true};

	memset(&p, 0, sizeof(p));
	add_sql(&p, "s1", NULL,
		"CREATE TABLE t (a int);\n-- migrate:autocommit\nCREATE INDEX CONCURRENTLY i ON t "
		"(a);\n-- migrate:end-autocommit\nINSERT INTO t VALUES (1)\n",
		"DROP TABLE t;\n");
	proj_build(&p);
	opts(&o, NULL, false);
	o.db = db_fake_open(sql_dialect_find("postgresql"), &cfg, &p.a, &log);
	CHECK(run(&p, &o, RUN_UPGRADE, NULL, "head", &r, &e) == -1);
	CHECK_STR(log_text(&p.a, &log),
		  "LOCK alembic_version\nBEGIN\nEXISTS alembic_version\n"
		  "QUERY SELECT alembic_version.version_num \nFROM alembic_version\n"
		  "CREATE TABLE t (a int)\nCOMMIT\nCREATE INDEX CONCURRENTLY i ON t (a)\nBEGIN\n"
		  "FAIL INSERT INTO t VALUES (1)\nROLLBACK\nUNLOCK alembic_version");
	CHECK_INT(e.code, ERR_MIGRATION);
	CHECK_INT(e.line, 12);
	CHECK_STR(e.msg, "upgrade  -> s1 failed: boom (rolled back to revision base; statements of "
			 "this revision that ran outside a transaction stay applied)");
	db_close(o.db);
	arena_release(&p.a);
}

/* The lock wait reads the monotonic clock: a slow try (200 ms here) counts
 * against lock_timeout (300 ms), so the wait gives up after two tries, not
 * after the six 50 ms steps a step count would make; the holder is named
 * once when the wait begins and in the ERR_LOCK message. */
static void test_online_fake_lock_wait_monotonic(void)
{
	struct proj p;
	struct run_opts o;
	struct rec r;
	struct err e;
	struct strvec log = STRVEC_INIT;
	struct db_fake_config cfg = {.rowcount = 1,
				     .table_exists = true,
				     .lock_busy = true,
				     .lock_try_ms = 200,
				     .lock_holder = "pid 4242 (application alembic, client "
						    "10.0.0.5, since 12:01:03)"};
	long t0;

	p12(&p);
	opts(&o, NULL, false);
	o.db = db_fake_open(sql_dialect_find("postgresql"), &cfg, &p.a, &log);
	o.db->lock_timeout_ms = 300;
	t0 = db_now_ms();
	CHECK(run(&p, &o, RUN_UPGRADE, NULL, "head", &r, &e) == -1);
	CHECK(db_now_ms() - t0 < 700);
	CHECK_INT(cfg.lock_tries, 2);
	CHECK_INT(e.code, ERR_LOCK);
	CHECK_STR(e.msg, "Timed out after 300 ms waiting for the migration lock on alembic_version "
			 "held by pid 4242 (application alembic, client 10.0.0.5, since 12:01:03)");
	CHECK_STR(buf_cstr(&r.log),
		  "INFO Context impl PostgresqlImpl.\nINFO Will assume transactional DDL.\n"
		  "INFO waiting for the migration lock on alembic_version held by pid 4242 "
		  "(application alembic, client 10.0.0.5, since 12:01:03)\n");
	CHECK_INT(log.n, 0); /* nothing ran */
	/* busy for three tries, then taken: one "waiting" line, the run goes on */
	cfg.lock_busy = false;
	cfg.lock_try_ms = 0;
	cfg.lock_tries = 0;
	cfg.lock_busy_tries = 3;
	cfg.lock_holder = NULL;
	o.db->lock_timeout_ms = 5000;
	CHECK(run(&p, &o, RUN_UPGRADE, NULL, "head", &r, &e) == 0);
	CHECK_INT(cfg.lock_tries, 4);
	CHECK(strstr(buf_cstr(&r.log), "INFO waiting for the migration lock on alembic_version\n"
				       "INFO Running upgrade") != NULL);
	db_close(o.db);
	arena_release(&p.a);
}

/* SIGTERM while a statement runs: the run rolls back, unlocks, and says
 * where the database is; afterwards nothing else starts. */
static void test_online_fake_interrupted(void)
{
	struct proj p;
	struct run_opts o;
	struct rec r;
	struct err e;
	struct strvec log = STRVEC_INIT;
	struct db_fake_config cfg = {.rowcount = 1, .interrupt_at = 4};

	p12(&p);
	opts(&o, NULL, false);
	o.db = db_fake_open(sql_dialect_find("postgresql"), &cfg, &p.a, &log);
	CHECK(run(&p, &o, RUN_UPGRADE, NULL, "head", &r, &e) == -1);
	CHECK_INT(e.code, ERR_INTERRUPTED);
	CHECK_INT(db_interrupted(), SIGTERM);
	CHECK_STR(e.msg, "rolled back, the database is at base");
	CHECK(str_endswith(log_text(&p.a, &log), "CANCELLED INSERT INTO log (msg) VALUES "
						 "('hello')\nROLLBACK\nUNLOCK alembic_version"));
	/* once interrupted, a new run starts nothing */
	log.n = 0;
	CHECK(run(&p, &o, RUN_UPGRADE, NULL, "head", &r, &e) == -1);
	CHECK_INT(e.code, ERR_INTERRUPTED);
	CHECK_STR(e.msg, "nothing was changed");
	CHECK_INT(log.n, 0);
	/* per revision: the first revision stays committed */
	db_interrupt_reset();
	cfg.interrupt_at = 0;
	db_close(o.db);
	log.n = 0;
	o.transaction_per_migration = true;
	cfg.interrupt_at = 4;
	o.db = db_fake_open(sql_dialect_find("postgresql"), &cfg, &p.a, &log);
	CHECK(run(&p, &o, RUN_UPGRADE, NULL, "head", &r, &e) == -1);
	CHECK_STR(e.msg, "rolled back, the database is at a1b2c3d4e5f6");
	db_interrupt_reset();
	db_close(o.db);
	arena_release(&p.a);
}

/* A failing COMMIT names the steps, the rollback and where the database is. */
static void test_online_fake_commit_failure(void)
{
	struct proj p;
	struct run_opts o;
	struct rec r;
	struct err e;
	struct strvec log = STRVEC_INIT;
	struct db_fake_config cfg = {
		.rowcount = 1, .commit_fail = 1, .fail_msg = "database or disk is full"};

	p12(&p);
	opts(&o, NULL, false);
	o.db = db_fake_open(sql_dialect_find("sqlite"), &cfg, &p.a, &log);
	CHECK(run(&p, &o, RUN_UPGRADE, NULL, "head", &r, &e) == -1);
	CHECK_INT(e.code, ERR_MIGRATION);
	CHECK_STR(e.msg, "upgrade  -> a1b2c3d4e5f6, upgrade a1b2c3d4e5f6 -> 0f1e2d3c4b5a failed "
			 "while committing: database or disk is full (rolled back; the database is "
			 "at base)");
	CHECK(str_endswith(log_text(&p.a, &log), "FAIL COMMIT\nROLLBACK\nUNLOCK alembic_version"));
	db_close(o.db);
	/* per revision: the second commit fails, the first revision stays */
	log.n = 0;
	cfg.commit_fail = 3; /* 1: the version table, 2: the first revision */
	o.transaction_per_migration = true;
	o.db = db_fake_open(sql_dialect_find("sqlite"), &cfg, &p.a, &log);
	CHECK(run(&p, &o, RUN_UPGRADE, NULL, "head", &r, &e) == -1);
	CHECK_STR(e.msg, "upgrade a1b2c3d4e5f6 -> 0f1e2d3c4b5a failed while committing: database "
			 "or disk is full (rolled back; the database is at a1b2c3d4e5f6)");
	db_close(o.db);
	arena_release(&p.a);
}

/* ---- real SQLite files ---- */

static char *tmp_db(struct arena *a)
{
	char dir[] = "/tmp/t_run.XXXXXX";

	if (!mkdtemp(dir))
		return NULL;
	return arena_printf(a, "sqlite:///%s/db.sqlite", dir);
}

static void sqlite_rows(struct proj *p, struct run_opts *o, struct strvec *rows)
{
	struct err e;

	rows->n = 0;
	if (run_read_rows(&p->a, o, NULL, rows, &e) < 0)
		fprintf(stderr, "read rows: %s\n", e.msg);
}

static void test_sqlite_all_or_nothing(void)
{
	struct proj p;
	struct run_opts o;
	struct rec r;
	struct err e;
	struct strvec rows = STRVEC_INIT;

	memset(&p, 0, sizeof(p));
	add_sql(&p, "f1", NULL, "CREATE TABLE t1 (a int);", "DROP TABLE t1;");
	add_sql(&p, "f2", "f1",
		"CREATE TABLE t2 (a int);\nINSERT INTO t1 VALUES (1);\n\nSELECT * FROM nosuch;",
		"DROP TABLE t2;");
	add_sql(&p, "f3", "f2", "CREATE TABLE t3 (a int);", "DROP TABLE t3;");
	proj_build(&p);
	opts(&o, tmp_db(&p.a), false);
	CHECK(run(&p, &o, RUN_UPGRADE, NULL, "head", &r, &e) == -1);
	CHECK_INT(e.code, ERR_MIGRATION);
	CHECK_STR(e.file, "/v/f2.sql");
	CHECK_INT(e.line, 11);
	CHECK_STR(e.msg, "upgrade f1 -> f2 failed: no such table: nosuch (rolled back; the "
			 "database is at base)");
	sqlite_rows(&p, &o, &rows);
	CHECK_INT(rows.n, 0);
	/* per migration: f1 stays, f2 entirely rolled back (no t2) */
	o.transaction_per_migration = true;
	CHECK(run(&p, &o, RUN_UPGRADE, NULL, "head", &r, &e) == -1);
	CHECK_STR(e.msg, "upgrade f1 -> f2 failed: no such table: nosuch (rolled back; the "
			 "database is at f1)");
	sqlite_rows(&p, &o, &rows);
	CHECK(rows.n == 1 && !strcmp(rows.v[0], "f1"));
	/* fixing f2 lets the run finish from f1 */
	((struct script *)p.revs[1]->data)->upgrade.text =
		"CREATE TABLE t2 (a int);\nINSERT INTO t1 VALUES (1);";
	CHECK(run(&p, &o, RUN_UPGRADE, NULL, "head", &r, &e) == 0);
	sqlite_rows(&p, &o, &rows);
	CHECK(rows.n == 1 && !strcmp(rows.v[0], "f3"));
	CHECK(run(&p, &o, RUN_DOWNGRADE, NULL, "base", &r, &e) == 0);
	sqlite_rows(&p, &o, &rows);
	CHECK_INT(rows.n, 0);
	arena_release(&p.a);
}

static const struct unit_test tests[] = {
	UNIT(test_offline_sqlite_p12),
	UNIT(test_offline_pg_p12),
	UNIT(test_offline_branches),
	UNIT(test_offline_stamp_and_errors),
	UNIT(test_offline_native_sql),
	UNIT(test_offline_sqlite_p1_native),
	UNIT(test_online_fake_whole_transaction),
	UNIT(test_online_fake_failure_rolls_back),
	UNIT(test_online_fake_refusal_runs_nothing),
	UNIT(test_online_fake_rowcount_and_lock),
	UNIT(test_online_fake_autocommit),
	UNIT(test_online_fake_lock_wait_monotonic),
	UNIT(test_online_fake_interrupted),
	UNIT(test_online_fake_commit_failure),
	UNIT(test_sqlite_all_or_nothing),
	{0},
};

UNIT_MAIN(tests)
