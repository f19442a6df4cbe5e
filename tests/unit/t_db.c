/*
 * t_db.c - unit tests for the real drivers: SQLite files (transactions,
 * busy writer, flock migration lock) and the PostgreSQL cluster that
 * tests/run starts ($ALEMBIC_TEST_PG_URL; the PostgreSQL tests FAIL when it
 * is missing, they never skip): connect, exec/query, SQLSTATE-based errors
 * with DETAIL, advisory lock timeout, wrong password, unreachable server.
 */
#include "base/buf.h"
#include "db/db.h"
#include "unit.h"

static struct db *open_url(struct arena *a, const char *url, long timeout, struct err *e)
{
	struct db_url u;
	struct db *db = NULL;

	if (url_parse(a, url, &u, e) < 0 || db_open(&u, timeout, &db, e) < 0)
		return NULL;
	return db;
}

static char *tmp_sqlite(struct arena *a)
{
	char dir[] = "/tmp/t_db.XXXXXX";

	return mkdtemp(dir) ? arena_printf(a, "sqlite:///%s/x.db", dir) : NULL;
}

static void test_sqlite_basics(void)
{
	struct arena a = ARENA_INIT;
	struct err e;
	struct strvec rows = STRVEC_INIT;
	long n;
	bool exists = true;
	struct db *db = open_url(&a, tmp_sqlite(&a), 500, &e);

	CHECK(db != NULL);
	if (!db)
		return;
	CHECK_STR(db->dialect->impl_name, "SQLiteImpl");
	CHECK(db_table_exists(db, NULL, "t", &exists, &e) == 0 && !exists);
	CHECK(db_begin(db, &e) == 0);
	CHECK(db_exec(db, "CREATE TABLE t (a text); INSERT INTO t VALUES ('x'), ('y')", &n, &e) ==
	      0);
	CHECK_INT(n, 2);
	CHECK(db_exec(db, "UPDATE t SET a = 'z' WHERE a = 'nope'", &n, &e) == 0);
	CHECK_INT(n, 0);
	db_rollback(db);
	CHECK(db_table_exists(db, NULL, "t", &exists, &e) == 0 && !exists);
	CHECK(db_exec(db, "CREATE TABLE t (a text); INSERT INTO t VALUES ('b'), ('a')", &n, &e) ==
	      0);
	CHECK(db_query(db, &a, "SELECT a FROM t ORDER BY a", &rows, &e) == 0);
	CHECK(rows.n == 2 && !strcmp(rows.v[0], "a") && !strcmp(rows.v[1], "b"));
	CHECK(db_exec(db, "SELECT * FROM nosuch", &n, &e) == -1);
	CHECK_INT(e.code, ERR_DB);
	CHECK_STR(e.msg, "no such table: nosuch");
	db_close(db);
	arena_release(&a);
}

/* Another connection holds the write lock: BEGIN IMMEDIATE waits, then ERR_LOCK. */
static void test_sqlite_busy(void)
{
	struct arena a = ARENA_INIT;
	struct err e;
	const char *url = tmp_sqlite(&a);
	struct db *holder = open_url(&a, url, 100, &e);
	struct db *db = open_url(&a, url, 200, &e);

	CHECK(holder && db);
	if (!holder || !db)
		return;
	CHECK(db_begin(holder, &e) == 0);
	CHECK(db_exec(holder, "CREATE TABLE t (a int)", NULL, &e) == 0);
	CHECK(db_begin(db, &e) == -1);
	CHECK_INT(e.code, ERR_LOCK);
	CHECK(strstr(e.msg, "database is locked") != NULL);
	CHECK(db_commit(holder, &e) == 0);
	CHECK(db_begin(db, &e) == 0);
	db_rollback(db);
	db_close(holder);
	db_close(db);
	arena_release(&a);
}

/* A child process holding the migration lock of url until the parent
 * writes to *release; returns its pid once it holds the lock. */
static pid_t lock_holder_child(const char *url, int *release)
{
	int up[2], down[2];
	char c;
	pid_t pid;

	if (pipe(up) < 0 || pipe(down) < 0)
		return -1;
	pid = fork();
	if (pid == 0) {
		struct arena a = ARENA_INIT;
		struct err e;
		struct db *db = open_url(&a, url, 100, &e);

		if (!db || db_lock(db, "alembic_version", &e) < 0)
			_exit(1);
		if (write(up[1], "L", 1) != 1 || read(down[0], &c, 1) < 0)
			_exit(1);
		_exit(0);
	}
	close(up[1]);
	close(down[0]);
	*release = down[1];
	if (read(up[0], &c, 1) != 1)
		pid = -1;
	close(up[0]);
	return pid;
}

static struct arena notice_arena = ARENA_INIT;

static void record_notice(void *ctx, const char *text)
{
	strvec_push(&notice_arena, ctx, arena_strdup(&notice_arena, text));
}

static void on_term(int signo)
{
	db_interrupt(signo);
}

/* A child that sends SIGTERM to this process after ms milliseconds. */
static pid_t term_me_after(long ms)
{
	pid_t parent = getpid(), pid = fork();

	if (pid == 0) {
		struct timespec ts = {ms / 1000, (ms % 1000) * 1000000};

		nanosleep(&ts, NULL);
		kill(parent, SIGTERM);
		_exit(0);
	}
	return pid;
}

static void catch_term(void)
{
	struct sigaction sa;
	struct err e;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_term;
	sigemptyset(&sa.sa_mask);
	CHECK(db_interrupt_init(&e) == 0);
	sigaction(SIGTERM, &sa, NULL);
}

/* The migration lock is a record lock another process holds: the wait
 * names the holder's pid once, times out naming it, and is taken once the
 * holder is gone. */
static void test_sqlite_migration_lock(void)
{
	struct arena a = ARENA_INIT;
	struct err e;
	struct strvec notices = STRVEC_INIT;
	const char *url = tmp_sqlite(&a);
	struct db *db = open_url(&a, url, 300, &e);
	int release = -1;
	pid_t child;
	char *want;

	CHECK(db != NULL);
	if (!db)
		return;
	CHECK(db_exec(db, "CREATE TABLE t (a int)", NULL, &e) == 0);
	child = lock_holder_child(url, &release);
	CHECK(child > 0);
	db->notice = record_notice;
	db->notice_ctx = &notices;
	CHECK(db_lock(db, "alembic_version", &e) == -1);
	CHECK_INT(e.code, ERR_LOCK);
	want = arena_printf(&a,
			    "Timed out after 300 ms waiting for the migration lock on %s held "
			    "by pid %ld",
			    url + strlen("sqlite:///"), (long)child);
	CHECK_STR(e.msg, want);
	CHECK_INT(notices.n, 1);
	if (notices.n == 1)
		CHECK_STR(notices.v[0], arena_printf(&a,
						     "waiting for the migration lock on %s held "
						     "by pid %ld",
						     url + strlen("sqlite:///"), (long)child));
	CHECK(write(release, "x", 1) == 1);
	waitpid(child, NULL, 0);
	CHECK(db_lock(db, "alembic_version", &e) == 0);
	db_unlock(db, "alembic_version");
	/* SIGTERM during a wait: ERR_INTERRUPTED at once, not after the timeout */
	child = lock_holder_child(url, &release);
	db->lock_timeout_ms = 10000;
	catch_term();
	long t0 = db_now_ms();
	pid_t killer = term_me_after(200);
	CHECK(db_lock(db, "alembic_version", &e) == -1);
	CHECK_INT(e.code, ERR_INTERRUPTED);
	CHECK(db_now_ms() - t0 < 2000);
	waitpid(killer, NULL, 0);
	CHECK(write(release, "x", 1) == 1);
	waitpid(child, NULL, 0);
	db_interrupt_reset();
	db_close(db);
	arena_release(&a);
}

/* SIGTERM during a long statement: sqlite3_interrupt stops it; the
 * rollback (cleanup) still runs. */
static void test_sqlite_interrupt_statement(void)
{
	struct arena a = ARENA_INIT;
	struct err e;
	bool exists = true;
	struct db *db = open_url(&a, tmp_sqlite(&a), 300, &e);
	long t0;
	pid_t killer;

	CHECK(db != NULL);
	if (!db)
		return;
	catch_term();
	CHECK(db_begin(db, &e) == 0);
	CHECK(db_exec(db, "CREATE TABLE t (a int)", NULL, &e) == 0);
	t0 = db_now_ms();
	killer = term_me_after(200);
	CHECK(db_exec(db,
		      "SELECT count(*) FROM (WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL "
		      "SELECT x + 1 FROM c) SELECT x FROM c)",
		      NULL, &e) == -1);
	CHECK_INT(e.code, ERR_INTERRUPTED);
	CHECK(db_now_ms() - t0 < 2000);
	waitpid(killer, NULL, 0);
	db_rollback(db);
	CHECK(db_exec(db, "SELECT 1", NULL, &e) == -1); /* nothing new starts */
	CHECK_INT(e.code, ERR_INTERRUPTED);
	db_interrupt_reset();
	CHECK(db_table_exists(db, NULL, "t", &exists, &e) == 0 && !exists);
	db_close(db);
	arena_release(&a);
}

static void test_sqlite_bad_path(void)
{
	struct arena a = ARENA_INIT;
	struct err e;

	CHECK(open_url(&a, "sqlite:////nonexistent-dir/x/y.db", 100, &e) == NULL);
	CHECK_INT(e.code, ERR_DB);
	CHECK(strstr(e.msg, "unable to open database file") != NULL);
	CHECK(open_url(&a, "mysql://u:secret@h/d", 100, &e) == NULL);
	CHECK_INT(e.code, ERR_DB);
	CHECK(strstr(e.msg, "secret") == NULL);
	arena_release(&a);
}

static const char *pg_url(void)
{
	const char *u = getenv("ALEMBIC_TEST_PG_URL");

	if (!u || !*u)
		fprintf(stderr, "  ALEMBIC_TEST_PG_URL is not set (run through tests/run)\n");
	return u && *u ? u : NULL;
}

static void test_pg_basics(void)
{
	struct arena a = ARENA_INIT;
	struct err e;
	struct strvec rows = STRVEC_INIT;
	const char *url = pg_url();
	struct db *db;
	bool exists;
	long n;

	CHECK(url != NULL);
	if (!url)
		return;
	db = open_url(&a, url, 1000, &e);
	CHECK(db != NULL);
	if (!db) {
		fprintf(stderr, "  %s\n", e.msg);
		return;
	}
	CHECK_STR(db->dialect->impl_name, "PostgresqlImpl");
	db_exec(db, "DROP TABLE IF EXISTS t_db_basics", NULL, &e);
	CHECK(db_begin(db, &e) == 0);
	CHECK(db_exec(db, "CREATE TABLE t_db_basics (a text PRIMARY KEY)", &n, &e) == 0);
	CHECK(db_exec(db, "INSERT INTO t_db_basics VALUES ('x'), ('y')", &n, &e) == 0);
	CHECK_INT(n, 2);
	CHECK(db_table_exists(db, NULL, "t_db_basics", &exists, &e) == 0 && exists);
	CHECK(db_table_exists(db, "public", "t_db_basics", &exists, &e) == 0 && exists);
	CHECK(db_exec(db, "INSERT INTO t_db_basics VALUES ('x')", &n, &e) == -1);
	CHECK_STR(e.msg, "duplicate key value violates unique constraint \"t_db_basics_pkey\"");
	CHECK_STR(e.detail, "DETAIL:  Key (a)=(x) already exists.");
	db_rollback(db);
	CHECK(db_table_exists(db, NULL, "t_db_basics", &exists, &e) == 0 && !exists);
	CHECK(db_query(db, &a, "SELECT 'a' UNION ALL SELECT NULL", &rows, &e) == 0);
	CHECK(rows.n == 2 && !strcmp(rows.v[0], "a") && !strcmp(rows.v[1], ""));
	/* COPY with a client stream is refused cleanly, the session stays usable */
	CHECK(db_exec(db, "COPY (SELECT 1) TO STDOUT", &n, &e) == -1);
	CHECK(strstr(e.msg, "cannot run in a migration") != NULL);
	CHECK(db_exec(db, "CREATE TEMP TABLE cp (a int)", &n, &e) == 0);
	CHECK(db_exec(db, "COPY cp FROM STDIN", &n, &e) == -1);
	CHECK(strstr(e.msg, "cannot run in a migration") != NULL);
	rows.n = 0;
	CHECK(db_query(db, &a, "SELECT count(*) FROM cp", &rows, &e) == 0);
	CHECK(rows.n == 1 && !strcmp(rows.v[0], "0"));
	/* notices are not printed: only the CLI prints */
	CHECK(db_exec(db, "CREATE TABLE IF NOT EXISTS pg_class_x (a int)", NULL, &e) == 0);
	CHECK(db_exec(db, "CREATE TABLE IF NOT EXISTS pg_class_x (a int)", NULL, &e) == 0);
	db_exec(db, "DROP TABLE pg_class_x", NULL, &e);
	db_close(db);
	arena_release(&a);
}

static void test_pg_advisory_lock(void)
{
	struct arena a = ARENA_INIT;
	struct err e;
	const char *url = pg_url();
	struct db *one, *two;

	CHECK(url != NULL);
	if (!url)
		return;
	one = open_url(&a, url, 300, &e);
	two = open_url(&a, url, 300, &e);
	CHECK(one && two);
	if (!one || !two)
		return;
	CHECK(db_lock(one, "public.alembic_version", &e) == 0);
	CHECK(db_lock(two, "public.alembic_version", &e) == -1);
	CHECK_INT(e.code, ERR_LOCK);
	/* the holder is named from pg_locks + pg_stat_activity */
	CHECK(strstr(e.msg, "Timed out after 300 ms waiting for the migration lock on "
			    "public.alembic_version held by pid ") == e.msg);
	CHECK(strstr(e.msg, " (application alembic, client 127.0.0.1, since ") != NULL);
	CHECK(db_lock(two, "other.table", &e) == 0);
	db_unlock(one, "public.alembic_version");
	CHECK(db_lock(two, "public.alembic_version", &e) == 0);
	db_close(two); /* closing the session releases its locks */
	CHECK(db_lock(one, "public.alembic_version", &e) == 0);
	db_close(one);
	arena_release(&a);
}

static void test_pg_wrong_password_and_unreachable(void)
{
	struct arena a = ARENA_INIT;
	struct err e;
	const char *url = pg_url();
	const char *port = getenv("ALEMBIC_TEST_PG_PORT");

	CHECK(url && port);
	if (!url || !port)
		return;
	CHECK(open_url(&a,
		       arena_printf(&a,
				    "postgresql://alembic_test:Wr0ng%%20secret@127.0.0.1:%s/"
				    "postgres",
				    port),
		       300, &e) == NULL);
	CHECK_INT(e.code, ERR_DB);
	CHECK(strstr(e.msg, "password authentication failed for user \"alembic_test\"") != NULL);
	CHECK(strstr(e.msg, "Wr0ng") == NULL && strstr(e.detail, "Wr0ng") == NULL);
	/* port 1 on loopback: nothing listens */
	CHECK(open_url(&a, "postgresql://alembic_test:Wr0ng@127.0.0.1:1/postgres?connect_timeout=2",
		       300, &e) == NULL);
	CHECK_INT(e.code, ERR_DB);
	CHECK(strstr(e.msg, "Connection refused") != NULL);
	CHECK(strstr(e.msg, "Wr0ng") == NULL);
	/* libpq's second line is a prefixed detail line, never raw text */
	CHECK(strchr(e.msg, '\n') == NULL && strchr(e.msg, '\t') == NULL);
	CHECK(strstr(e.detail, "DETAIL:  Is the server running on that host") == e.detail);
	arena_release(&a);
}

/* application_name and client_connection_check_interval are set at
 * connection start; a deferred constraint fails at COMMIT with the
 * server's DETAIL and SQLSTATE; a HINT is its own prefixed line. */
static void test_pg_session_and_errors(void)
{
	struct arena a = ARENA_INIT;
	struct err e;
	struct strvec rows = STRVEC_INIT;
	const char *url = pg_url();
	struct db *db;

	CHECK(url != NULL);
	if (!url || !(db = open_url(&a, url, 1000, &e)))
		return;
	CHECK(db_query(db, &a,
		       "SELECT current_setting('application_name') || ' ' || "
		       "current_setting('client_connection_check_interval')",
		       &rows, &e) == 0);
	CHECK(rows.n == 1 && !strcmp(rows.v[0], "alembic 1s"));
	db_exec(db, "DROP TABLE IF EXISTS t_db_child, t_db_parent", NULL, &e);
	CHECK(db_begin(db, &e) == 0);
	CHECK(db_exec(db,
		      "CREATE TABLE t_db_parent (id int PRIMARY KEY); CREATE TABLE t_db_child "
		      "(pid int REFERENCES t_db_parent DEFERRABLE INITIALLY DEFERRED); "
		      "INSERT INTO t_db_child VALUES (5)",
		      NULL, &e) == 0);
	CHECK(db_commit(db, &e) == -1);
	CHECK_STR(e.msg, "insert or update on table \"t_db_child\" violates foreign key constraint "
			 "\"t_db_child_pid_fkey\"");
	CHECK_STR(e.detail, "DETAIL:  Key (pid)=(5) is not present in table \"t_db_parent\".");
	CHECK_STR(e.sqlstate, "23503");
	db_rollback(db);
	CHECK(db_exec(db, "SELECT * FROM no_such_fn_x()", NULL, &e) == -1);
	CHECK_STR(e.sqlstate, "42883");
	CHECK(strstr(e.detail, "HINT:  No function matches") == e.detail);
	CHECK(db_exec(db,
		      "DO $$BEGIN RAISE EXCEPTION 'one' USING DETAIL = E'a\\nb', HINT = 'h'; "
		      "END$$",
		      NULL, &e) == -1);
	CHECK_STR(e.msg, "one");
	CHECK_STR(e.detail, "DETAIL:  a\nDETAIL:  b\nHINT:  h");
	db_close(db);
	arena_release(&a);
}

/* SIGTERM during pg_sleep: the statement is cancelled on the server at
 * once (not after 10 s), the rollback runs, the session is usable for the
 * cleanup and the backend is idle. */
static void test_pg_interrupt_statement(void)
{
	struct arena a = ARENA_INIT;
	struct err e;
	struct strvec rows = STRVEC_INIT;
	const char *url = pg_url();
	struct db *db, *probe;
	long t0;
	pid_t killer;

	CHECK(url != NULL);
	if (!url || !(db = open_url(&a, url, 1000, &e)) || !(probe = open_url(&a, url, 1000, &e)))
		return;
	catch_term();
	CHECK(db_begin(db, &e) == 0);
	t0 = db_now_ms();
	killer = term_me_after(300);
	CHECK(db_exec(db, "SELECT pg_sleep(10)", NULL, &e) == -1);
	CHECK_INT(e.code, ERR_INTERRUPTED);
	CHECK_STR(e.sqlstate, "57014");
	CHECK(db_now_ms() - t0 < 3000);
	waitpid(killer, NULL, 0);
	db_rollback(db);
	db_unlock(db, "x");
	db_interrupt_reset();
	CHECK(db_query(probe, &a,
		       "SELECT count(*) FROM pg_stat_activity WHERE query = "
		       "'SELECT pg_sleep(10)' AND state = 'active'",
		       &rows, &e) == 0);
	CHECK(rows.n == 1 && !strcmp(rows.v[0], "0"));
	db_close(db);
	db_close(probe);
	arena_release(&a);
}

/* Identifiers are quoted only when the dialect needs it (as SQLAlchemy's
 * IdentifierPreparer); a quote inside is doubled, for identifiers and literals. */
static void test_quoting(void)
{
	const struct sql_dialect *pg = sql_dialect_find("postgresql");
	struct buf b = BUF_INIT;

	CHECK(pg != NULL);
	sql_quote_ident(pg, &b, "alembic_version");
	CHECK_STR(buf_cstr(&b), "alembic_version");
	buf_reset(&b);
	sql_quote_ident(pg, &b, "My\"Table");
	CHECK_STR(buf_cstr(&b), "\"My\"\"Table\"");
	buf_reset(&b);
	sql_quote_ident(pg, &b, "user");
	CHECK_STR(buf_cstr(&b), "\"user\"");
	buf_reset(&b);
	sql_quote_literal(&b, "it's");
	CHECK_STR(buf_cstr(&b), "'it''s'");
	buf_reset(&b);
	sql_quote_literal(&b, "");
	CHECK_STR(buf_cstr(&b), "''");
	buf_release(&b);
}

static const struct unit_test tests[] = {
	UNIT(test_quoting),
	UNIT(test_sqlite_basics),
	UNIT(test_sqlite_busy),
	UNIT(test_sqlite_migration_lock),
	UNIT(test_sqlite_interrupt_statement),
	UNIT(test_sqlite_bad_path),
	UNIT(test_pg_basics),
	UNIT(test_pg_advisory_lock),
	UNIT(test_pg_wrong_password_and_unreachable),
	UNIT(test_pg_session_and_errors),
	UNIT(test_pg_interrupt_statement),
	{0},
};

UNIT_MAIN(tests)
