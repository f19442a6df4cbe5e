/*
 * postgres.c - the PostgreSQL driver (libpq).
 *
 * Connects with PQconnectStartParams + a PQconnectPoll loop from the parsed
 * URL (every query parameter is passed through as a libpq keyword, so
 * sslmode=..., host=/socket/dir, connect_timeout=... work as with
 * psycopg2; application_name is "alembic" unless the URL says otherwise).
 * Statements never block in PQexec: PQsendQuery, then a poll(2) loop on
 * PQsocket and the db layer's wake pipe, so SIGINT/SIGTERM during a
 * statement, a lock wait or a connect is acted on at once: the statement
 * is cancelled on the server (PQcancel from the signal handler with the
 * PGcancel prepared at connect time, or, where libpq has them,
 * PQcancelCreate/PQcancelBlocking from the loop) and its error result read.
 * At connection start: lock_timeout (the same bound as our lock wait, so a
 * statement stuck behind another session's table lock fails cleanly) and,
 * on PostgreSQL 14+, client_connection_check_interval = 1 s, so the
 * backend of a client that died (SIGKILL, lost network) ends within a
 * second, releasing its transaction and the migration lock.
 * Errors keep the server's primary message, DETAIL and HINT (prefixed
 * lines in err.detail) and SQLSTATE, and are told apart by SQLSTATE, never
 * by text; libpq's multi-line connection messages are folded the same way.
 * The migration lock is a session advisory lock, polled with
 * pg_try_advisory_lock (db_lock_wait: monotonic clock); its holder is named
 * from pg_locks joined with pg_stat_activity.  Notices (e.g. "... already
 * exists, skipping") are dropped: only the CLI prints.
 */
#include "db/postgres_int.h"

#include <libpq-fe.h>
#include <poll.h>

#include "base/buf.h"

/* libpq 17 has the encrypted, non-deprecated cancel API. */
#ifdef LIBPQ_HAS_ASYNC_CANCEL
#define PG_CANCEL_IN_LOOP 1
#else
#define PG_CANCEL_IN_LOOP 0
#endif

struct pg_conn {
	PGconn *h;                         /* the connection */
	char *password;                    /* heap copy, for scrubbing messages; NULL if none */
	PGcancel *cancel;                  /* for PQcancel from the signal handler; NULL if none */
	volatile sig_atomic_t in_flight;   /* a statement was sent, its results not all read */
	volatile sig_atomic_t cancel_sent; /* this statement's cancel request went out */
};

static struct pg_conn *pg_conn(struct db *db)
{
	return db->handle;
}

static void pg_notice_ignore(void *arg, const char *message)
{
	(void)arg;
	(void)message;
}

/* Fills e from a failed result (or the connection when res is NULL or has
 * no primary message): one primary line, DETAIL/HINT lines, SQLSTATE. */
static int pg_fail(struct db *db, PGresult *res, enum err_code code, struct err *e)
{
	struct pg_conn *c = pg_conn(db);
	const char *primary = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
	const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;

	db_err_lines(e, code, primary ? primary : PQerrorMessage(c->h));
	if (primary) {
		db_err_add_detail(e, "DETAIL:  ", PQresultErrorField(res, PG_DIAG_MESSAGE_DETAIL));
		db_err_add_detail(e, "HINT:  ", PQresultErrorField(res, PG_DIAG_MESSAGE_HINT));
	}
	if (state)
		snprintf(e->sqlstate, sizeof(e->sqlstate), "%s", state);
	if (state && !strcmp(state, "55P03"))
		e->code = ERR_LOCK; /* lock_not_available: our lock_timeout fired */
	db_mask_err(e); /* a conninfo or URL echoed by libpq; never a search for the password */
	return -1;
}

static int pg_simple(struct db *db, const char *sql, struct err *e);
static void pg_interrupt(struct db *db);

static void pg_close(struct db *db)
{
	struct pg_conn *c = pg_conn(db);

	if (c->cancel)
		PQfreeCancel(c->cancel);
	PQfinish(c->h);
	free(c->password);
	free(c);
	free(db);
}

/* libpq keywords from the URL; the returned arrays live in a. */
static void pg_params(struct arena *a, const struct db_url *u, const char ***keys,
		      const char ***vals)
{
	size_t n = 0, cap = 8 + u->n_params;
	const char **k = arena_calloc(a, cap, sizeof(*k));
	const char **v = arena_calloc(a, cap, sizeof(*v));

#define PG_PARAM(key, val)                                                                         \
	do {                                                                                       \
		if (val) {                                                                         \
			k[n] = (key);                                                              \
			v[n++] = (val);                                                            \
		}                                                                                  \
	} while (0)
	PG_PARAM("host", u->host_unquoted); /* "%2Ftmp" names the socket dir /tmp */
	PG_PARAM("port", u->port ? arena_printf(a, "%d", u->port) : NULL);
	PG_PARAM("user", u->username);
	PG_PARAM("password", u->password);
	PG_PARAM("dbname", u->database && *u->database ? u->database : NULL);
	PG_PARAM("application_name", "alembic"); /* a URL parameter below overrides it */
	for (size_t i = 0; i < u->n_params; i++)
		PG_PARAM(u->params[i].key, u->params[i].value);
#undef PG_PARAM
	*keys = k;
	*vals = v;
}

/* libpq's connect_timeout (seconds; 0 = none), which PQconnectPoll leaves
 * to us: the URL's value, else 10 s.  -1 = no bound. */
static long pg_connect_timeout_ms(const struct db_url *u)
{
	const char *s = url_param(u, "connect_timeout");
	long v;

	if (!s)
		return 10000;
	if (str_to_long(s, &v) < 0 || v < 0)
		return 10000;
	if (v == 0)
		return -1;
	return (v < 2 ? 2 : v) * 1000; /* libpq's minimum */
}

/* The PQconnectPoll loop, waking on the wake pipe.  c->h is set. */
static int pg_connect_poll(struct db *db, const char *const *keys, const char *const *vals,
			   long timeout_ms, struct err *e)
{
	struct pg_conn *c = pg_conn(db);
	PostgresPollingStatusType st = PGRES_POLLING_WRITING;
	long deadline = db_now_ms() + timeout_ms;

	c->h = PQconnectStartParams(keys, vals, 0);
	if (!c->h)
		die_oom(0);
	if (PQstatus(c->h) == CONNECTION_BAD)
		return pg_fail(db, NULL, ERR_DB, e);
	while (st != PGRES_POLLING_OK) {
		long left = timeout_ms < 0 ? -1 : deadline - db_now_ms();
		int w;

		if (st == PGRES_POLLING_FAILED)
			return pg_fail(db, NULL, ERR_DB, e);
		w = db_wait(db, PQsocket(c->h), st == PGRES_POLLING_READING ? POLLIN : POLLOUT,
			    left < 0 && timeout_ms >= 0 ? 0 : left);
		if (w < 0)
			return err_set(e, db_interrupted() ? ERR_INTERRUPTED : ERR_DB,
				       "connecting: %s",
				       db_interrupted() ? "interrupted" : strerror(errno));
		if (w == 0)
			return err_set(e, ERR_DB,
				       "could not connect to the server: timeout expired "
				       "after %ld s",
				       timeout_ms / 1000);
		st = PQconnectPoll(c->h);
	}
	return 0;
}

/* Session settings at connection start: lock_timeout, and on 14+ the
 * dead-client check (ignored where the platform refuses it). */
static int pg_session_setup(struct db *db, long lock_timeout_ms, struct err *e)
{
	struct pg_conn *c = pg_conn(db);
	struct err ignored;
	char sql[64];

	PQsetNoticeProcessor(c->h, pg_notice_ignore, NULL);
	if (PQsetnonblocking(c->h, 1) != 0)
		return pg_fail(db, NULL, ERR_DB, e);
	c->cancel = PG_CANCEL_IN_LOOP ? NULL : PQgetCancel(c->h);
	snprintf(sql, sizeof(sql), "SET lock_timeout = %ld", lock_timeout_ms);
	if (pg_simple(db, sql, e) < 0)
		return -1;
	if (PQserverVersion(c->h) >= 140000)
		pg_simple(db, "SET client_connection_check_interval = 1000", &ignored);
	return db_interrupted() ? err_set(e, ERR_INTERRUPTED, "interrupted") : 0;
}

static int pg_connect(const struct db_url *u, long lock_timeout_ms, struct db **out, struct err *e)
{
	struct arena a = ARENA_INIT;
	struct db *db = calloc(1, sizeof(*db));
	struct pg_conn *c = calloc(1, sizeof(*c));
	const char **keys, **vals;
	int rc = -1;

	if (!db || !c)
		die_oom(sizeof(*db));
	db->ops = &db_postgres_ops;
	db->dialect = sql_dialect_find("postgresql");
	db->handle = c;
	db->lock_timeout_ms = lock_timeout_ms;
	db->interrupt = pg_interrupt;
	if (u->password && !(c->password = strdup(u->password)))
		die_oom(strlen(u->password));
	pg_params(&a, u, &keys, &vals);
	if (pg_connect_poll(db, keys, vals, pg_connect_timeout_ms(u), e) < 0 ||
	    pg_session_setup(db, lock_timeout_ms, e) < 0)
		goto fail;
	*out = db;
	db = NULL;
	rc = 0;
fail:
	if (db)
		pg_close(db);
	arena_release(&a);
	return rc;
}

/* COPY ... FROM STDIN / TO STDOUT has no data to exchange here: end the
 * copy with an error (so the server rolls it back), drain the results and
 * report it.  Always NULL. */
static PGresult *pg_copy_refused(struct db *db, struct err *e)
{
	PGconn *h = pg_conn(db)->h;
	PGresult *res;
	char *buf;

	PQputCopyEnd(h, "COPY with STDIN/STDOUT is not supported in migrations");
	while (PQgetCopyData(h, &buf, 0) > 0)
		PQfreemem(buf);
	while ((res = PQgetResult(h)) != NULL)
		PQclear(res);
	err_set(e, ERR_DB,
		"COPY ... FROM STDIN / TO STDOUT cannot run in a migration (no "
		"client data stream); use INSERT or COPY with a server-side file");
	return NULL;
}

/* Sends the cancel request for the running statement once, from normal
 * context (the handler may have sent it already). */
static void pg_cancel_now(struct db *db)
{
	struct pg_conn *c = pg_conn(db);

	if (c->cancel_sent || db->cleanup)
		return;
	c->cancel_sent = 1;
#if PG_CANCEL_IN_LOOP
	PGcancelConn *cc = PQcancelCreate(c->h);

	if (cc) {
		PQcancelBlocking(cc);
		PQcancelFinish(cc);
	}
#else
	char buf[256];

	if (c->cancel)
		PQcancel(c->cancel, buf, sizeof(buf));
#endif
}

/* From the signal handler (async-signal-safe: PQcancel is). */
static void pg_interrupt(struct db *db)
{
	struct pg_conn *c = pg_conn(db);
	char buf[256];

	if (PG_CANCEL_IN_LOOP || !c->cancel || !c->in_flight || c->cancel_sent)
		return;
	c->cancel_sent = 1;
	PQcancel(c->cancel, buf, sizeof(buf));
}

/* Flushes the query and waits until a result can be read without
 * blocking.  A signal sends the cancel request and the wait goes on for
 * the server's answer (the statement's error), bounded by 10 s. */
static int pg_await(struct db *db, struct err *e)
{
	PGconn *h = pg_conn(db)->h;
	long cancelled_at = -1;

	for (;;) {
		int f = PQflush(h), w;

		/* libpq: while flushing, read-ready means PQconsumeInput too */
		if (f < 0 || !PQconsumeInput(h))
			return pg_fail(db, NULL, ERR_DB, e);
		if (f == 0 && !PQisBusy(h))
			return 0;
		if (cancelled_at >= 0 && db_now_ms() - cancelled_at > 10000)
			return err_set(e, ERR_INTERRUPTED,
				       "the server did not answer the cancel "
				       "request");
		w = db_wait(cancelled_at < 0 ? db : NULL, PQsocket(h),
			    f > 0 ? POLLIN | POLLOUT : POLLIN, cancelled_at < 0 ? -1 : 1000);
		if (w < 0 && !db_interrupted())
			return err_set(e, ERR_DB, "waiting for the server: %s", strerror(errno));
		if (w < 0 && cancelled_at < 0) {
			pg_cancel_now(db);
			cancelled_at = db_now_ms();
		}
	}
}

/* Reads every result of the statement(s) sent: the first error, else the
 * last result (as PQexec).  NULL with e set on failure. */
static PGresult *pg_results(struct db *db, struct err *e)
{
	PGresult *res, *keep = NULL;
	bool failed = false;

	while (pg_await(db, e) == 0 && (res = PQgetResult(pg_conn(db)->h)) != NULL) {
		ExecStatusType st = PQresultStatus(res);

		if (st == PGRES_COPY_IN || st == PGRES_COPY_OUT || st == PGRES_COPY_BOTH) {
			PQclear(res);
			PQclear(keep);
			return pg_copy_refused(db, e);
		}
		if (failed) {
			PQclear(res);
			continue;
		}
		failed = st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK && st != PGRES_EMPTY_QUERY;
		PQclear(keep);
		keep = res;
	}
	if (failed)
		pg_fail(db, keep, ERR_DB, e);
	else if (!keep && e->code == ERR_OK)
		pg_fail(db, NULL, ERR_DB, e);
	if (failed || e->code != ERR_OK) {
		PQclear(keep);
		return NULL;
	}
	return keep;
}

/* Runs sql; on success returns the result (caller clears it). */
static PGresult *pg_run(struct db *db, const char *sql, struct err *e)
{
	struct pg_conn *c = pg_conn(db);
	PGresult *res;

	err_clear(e);
	c->cancel_sent = 0;
	c->in_flight = 1;
	if (!PQsendQuery(c->h, sql)) {
		c->in_flight = 0;
		pg_fail(db, NULL, ERR_DB, e);
		return NULL;
	}
	res = pg_results(db, e);
	c->in_flight = 0;
	return res;
}

static int pg_exec(struct db *db, const char *sql, long *rowcount, struct err *e)
{
	PGresult *res = pg_run(db, sql, e);
	const char *n;
	long v;

	if (!res)
		return -1;
	n = PQcmdTuples(res);
	*rowcount = n && *n && str_to_long(n, &v) == 0 ? v : -1;
	PQclear(res);
	return 0;
}

static int pg_query(struct db *db, struct arena *a, const char *sql, struct strvec *out,
		    struct err *e)
{
	PGresult *res = pg_run(db, sql, e);

	if (!res)
		return -1;
	for (int i = 0; i < PQntuples(res) && PQnfields(res) > 0; i++)
		strvec_push(a, out, arena_strdup(a, PQgetvalue(res, i, 0)));
	PQclear(res);
	return 0;
}

int db_pg_rows(struct db *db, struct arena *a, const char *sql, size_t ncols, struct strvec *cells,
	       struct err *e)
{
	PGresult *res = pg_run(db, sql, e);

	if (!res)
		return -1;
	if ((size_t)PQnfields(res) < ncols) {
		int nf = PQnfields(res);

		PQclear(res);
		return err_set(e, ERR_DB, "query returned %d columns, %zu expected", nf, ncols);
	}
	for (int i = 0; i < PQntuples(res); i++)
		for (int c = 0; c < (int)ncols; c++)
			strvec_push(a, cells,
				    PQgetisnull(res, i, c)
					    ? NULL
					    : arena_strdup(a, PQgetvalue(res, i, c)));
	PQclear(res);
	return 0;
}

static int pg_simple(struct db *db, const char *sql, struct err *e)
{
	long rowcount;

	return pg_exec(db, sql, &rowcount, e);
}

static int pg_begin(struct db *db, struct err *e)
{
	return pg_simple(db, "BEGIN", e);
}

static int pg_commit(struct db *db, struct err *e)
{
	return pg_simple(db, "COMMIT", e);
}

static int pg_rollback(struct db *db, struct err *e)
{
	return pg_simple(db, "ROLLBACK", e);
}

/* A string literal escaped by libpq for this connection's settings
 * (standard_conforming_strings, encoding). */
static void pg_add_literal(struct db *db, struct buf *sql, const char *value)
{
	char *lit = PQescapeLiteral(pg_conn(db)->h, value, strlen(value));

	if (!lit) {
		sql_quote_literal(sql, value); /* only on out-of-memory or bad encoding */
		return;
	}
	buf_adds(sql, lit);
	PQfreemem(lit);
}

/* "SELECT pg_catalog.fn(pg_catalog.hashtext('alembic'), ...('<key>'))" into
 * sql: catalog objects are always qualified, so a search_path that puts a
 * user schema first cannot substitute them. */
static void pg_lock_sql(struct db *db, struct buf *sql, const char *fn, const char *key)
{
	buf_addf(sql, "SELECT pg_catalog.%s(pg_catalog.hashtext('alembic'), pg_catalog.hashtext(",
		 fn);
	pg_add_literal(db, sql, key);
	buf_adds(sql, "))");
}

/* One pg_try_advisory_lock: 1 taken, 0 busy, -1 error. */
static int pg_try_lock(struct db *db, const char *key, struct err *e)
{
	struct arena a = ARENA_INIT;
	struct buf sql = BUF_INIT;
	struct strvec got = STRVEC_INIT;
	int rc;

	pg_lock_sql(db, &sql, "pg_try_advisory_lock", key);
	rc = pg_query(db, &a, sql.ptr, &got, e);
	if (rc == 0)
		rc = got.n == 1 && !strcmp(got.v[0], "t");
	buf_release(&sql);
	arena_release(&a);
	return rc;
}

/* Who holds the advisory lock of key in this database (pg_locks keys a
 * two-int4 advisory lock as classid, objid with objsubid 2; oids read the
 * int4 as unsigned): "pid 4242 (application alembic, client 10.0.0.5,
 * since 12:01:03)", the holder's session start in the server's time zone.
 * NULL when it is gone or cannot be read. */
static const char *pg_lock_holder(struct db *db, struct arena *a, const char *key)
{
	struct buf sql = BUF_INIT;
	struct strvec got = STRVEC_INIT;
	struct err ignored;
	const char *who = NULL;

	buf_adds(&sql, "SELECT pg_catalog.format('pid %s (application %s, client %s, since %s)', "
		       "a.pid, coalesce(nullif(a.application_name, ''), 'unknown'), "
		       "coalesce(pg_catalog.host(a.client_addr), CASE WHEN a.client_port = -1 "
		       "THEN '[local]' ELSE 'unknown' END), coalesce(pg_catalog.to_char("
		       "a.backend_start, 'HH24:MI:SS'), 'unknown')) "
		       "FROM pg_catalog.pg_locks l JOIN pg_catalog.pg_stat_activity a "
		       "ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.granted "
		       "AND l.objsubid = 2 AND l.database = (SELECT d.oid FROM "
		       "pg_catalog.pg_database d WHERE d.datname = pg_catalog.current_database()) "
		       "AND l.classid = (pg_catalog.hashtext('alembic')::bigint & 4294967295) "
		       "AND l.objid = (pg_catalog.hashtext(");
	pg_add_literal(db, &sql, key);
	buf_adds(&sql, ")::bigint & 4294967295) ORDER BY a.pid LIMIT 1");
	if (pg_query(db, a, sql.ptr, &got, &ignored) == 0 && got.n == 1)
		who = got.v[0];
	buf_release(&sql);
	return who;
}

static int pg_lock(struct db *db, const char *key, struct err *e)
{
	struct arena a = ARENA_INIT;
	int rc = db_lock_wait(db, key, arena_printf(&a, "the migration lock on %s", key), 100,
			      pg_try_lock, pg_lock_holder, e);

	arena_release(&a);
	return rc;
}

static void pg_unlock(struct db *db, const char *key)
{
	struct buf sql = BUF_INIT;
	struct err ignored;

	pg_lock_sql(db, &sql, "pg_advisory_unlock", key);
	pg_simple(db, sql.ptr, &ignored);
	buf_release(&sql);
}

/* SQLAlchemy 1.4 PGDialect.has_table, with pg_catalog. qualification. */
static int pg_table_exists(struct db *db, const char *schema, const char *table, bool *exists,
			   struct err *e)
{
	struct arena a = ARENA_INIT;
	struct strvec rows = STRVEC_INIT;
	struct buf sql = BUF_INIT;
	int rc;

	buf_adds(&sql, "select c.relname from pg_catalog.pg_class c join pg_catalog.pg_namespace n "
		       "on n.oid=c.relnamespace where ");
	if (schema) {
		buf_adds(&sql, "n.nspname=");
		pg_add_literal(db, &sql, schema);
	} else {
		buf_adds(&sql, "pg_catalog.pg_table_is_visible(c.oid)");
	}
	buf_adds(&sql, " and c.relname=");
	pg_add_literal(db, &sql, table);
	rc = pg_query(db, &a, sql.ptr, &rows, e);
	*exists = rc == 0 && rows.n > 0;
	buf_release(&sql);
	arena_release(&a);
	return rc;
}

const struct db_ops db_postgres_ops = {
	"postgresql", pg_connect,  pg_close, pg_exec,   pg_query,        pg_begin,
	pg_commit,    pg_rollback, pg_lock,  pg_unlock, pg_table_exists, NULL,
};
