/*
 * postgres.c - the PostgreSQL driver (libpq).
 *
 * Connects with PQconnectdbParams from the parsed URL (every query
 * parameter is passed through as a libpq keyword, so sslmode=...,
 * host=/socket/dir, connect_timeout=... work as with psycopg2).  Errors
 * keep the server's primary message, DETAIL and HINT (struct err.detail)
 * and are told apart by SQLSTATE, never by text.  The migration lock is a
 * session advisory lock, polled with pg_try_advisory_lock so the wait is
 * bounded; the session's lock_timeout is set to the same bound so a
 * statement stuck behind another session's table lock fails cleanly.
 * Notices (e.g. "... already exists, skipping") are dropped: only the CLI
 * prints.
 */
#include "db/postgres_int.h"

#include <libpq-fe.h>

#include "base/buf.h"

struct pg_conn {
	PGconn *h;            /* the connection */
	char *password;       /* heap copy, for scrubbing messages; NULL if none */
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

/* Fills e from a failed result (or the connection when res is NULL). */
static int pg_fail(struct db *db, PGresult *res, enum err_code code, struct err *e)
{
	struct pg_conn *c = pg_conn(db);
	const char *primary = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
	const char *detail = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_DETAIL) : NULL;
	const char *hint = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_HINT) : NULL;
	const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;

	if (!primary)
		primary = PQerrorMessage(c->h);
	err_set(e, code, "%s", primary);
	/* libpq messages end with a newline */
	while (*e->msg && e->msg[strlen(e->msg) - 1] == '\n')
		e->msg[strlen(e->msg) - 1] = '\0';
	if (state && !strcmp(state, "55P03"))
		e->code = ERR_LOCK; /* lock_not_available: our lock_timeout fired */
	if (detail || hint)
		snprintf(e->detail, sizeof(e->detail), "%s%s%s%s", detail ? "DETAIL:  " : "",
			 detail ? detail : "", hint ? (detail ? "\nHINT:  " : "HINT:  ") : "",
			 hint ? hint : "");
	db_scrub(e->msg, sizeof(e->msg), c->password);
	db_scrub(e->detail, sizeof(e->detail), c->password);
	return -1;
}

static int pg_simple(struct db *db, const char *sql, struct err *e);

static void pg_close(struct db *db)
{
	struct pg_conn *c = pg_conn(db);

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

#define PG_PARAM(key, val)               \
	do {                             \
		if (val) {               \
			k[n] = (key);    \
			v[n++] = (val);  \
		}                        \
	} while (0)
	PG_PARAM("host", u->host_unquoted); /* "%2Ftmp" names the socket dir /tmp */
	PG_PARAM("port", u->port ? arena_printf(a, "%d", u->port) : NULL);
	PG_PARAM("user", u->username);
	PG_PARAM("password", u->password);
	PG_PARAM("dbname", u->database && *u->database ? u->database : NULL);
	PG_PARAM("fallback_application_name", "alembic");
	PG_PARAM("connect_timeout", url_param(u, "connect_timeout") ? NULL : "10");
	for (size_t i = 0; i < u->n_params; i++)
		PG_PARAM(u->params[i].key, u->params[i].value);
#undef PG_PARAM
	*keys = k;
	*vals = v;
}

static int pg_connect(const struct db_url *u, long lock_timeout_ms, struct db **out,
		      struct err *e)
{
	struct arena a = ARENA_INIT;
	struct db *db = calloc(1, sizeof(*db));
	struct pg_conn *c = calloc(1, sizeof(*c));
	const char **keys, **vals;
	char sql[64];
	int rc = -1;

	if (!db || !c)
		die_oom(sizeof(*db));
	db->ops = &db_postgres_ops;
	db->dialect = sql_dialect_find("postgresql");
	db->handle = c;
	db->lock_timeout_ms = lock_timeout_ms;
	if (u->password && !(c->password = strdup(u->password)))
		die_oom(strlen(u->password));
	pg_params(&a, u, &keys, &vals);
	c->h = PQconnectdbParams(keys, vals, 0);
	if (!c->h)
		die_oom(0);
	if (PQstatus(c->h) != CONNECTION_OK) {
		pg_fail(db, NULL, ERR_DB, e);
		goto fail;
	}
	PQsetNoticeProcessor(c->h, pg_notice_ignore, NULL);
	snprintf(sql, sizeof(sql), "SET lock_timeout = %ld", lock_timeout_ms);
	if (pg_simple(db, sql, e) < 0)
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
	err_set(e, ERR_DB, "COPY ... FROM STDIN / TO STDOUT cannot run in a migration (no "
		"client data stream); use INSERT or COPY with a server-side file");
	return NULL;
}

/* Runs sql; on success returns the result (caller clears it). */
static PGresult *pg_run(struct db *db, const char *sql, struct err *e)
{
	PGresult *res = PQexec(pg_conn(db)->h, sql);
	ExecStatusType st = PQresultStatus(res);

	if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK || st == PGRES_EMPTY_QUERY)
		return res;
	if (st == PGRES_COPY_IN || st == PGRES_COPY_OUT || st == PGRES_COPY_BOTH) {
		PQclear(res);
		return pg_copy_refused(db, e);
	}
	pg_fail(db, res, ERR_DB, e);
	PQclear(res);
	return NULL;
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

int db_pg_rows(struct db *db, struct arena *a, const char *sql, size_t ncols,
	       struct strvec *cells, struct err *e)
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
				    PQgetisnull(res, i, c) ? NULL
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

/* "SELECT fn(hashtext('alembic'), hashtext('<key>'))" into sql. */
static void pg_lock_sql(struct db *db, struct buf *sql, const char *fn, const char *key)
{
	buf_addf(sql, "SELECT %s(hashtext('alembic'), hashtext(", fn);
	pg_add_literal(db, sql, key);
	buf_adds(sql, "))");
}

static int pg_lock(struct db *db, const char *key, struct err *e)
{
	struct arena a = ARENA_INIT;
	struct buf sql = BUF_INIT;
	long waited = 0;
	int rc = -1;

	pg_lock_sql(db, &sql, "pg_try_advisory_lock", key);
	for (;;) {
		struct strvec got = STRVEC_INIT;
		struct timespec ts = {0, 100 * 1000 * 1000};

		if (pg_query(db, &a, sql.ptr, &got, e) < 0)
			break;
		if (got.n == 1 && !strcmp(got.v[0], "t")) {
			rc = 0;
			break;
		}
		if (waited >= db->lock_timeout_ms) {
			err_set(e, ERR_LOCK,
				"Timed out after %ld ms waiting for the migration lock on %s "
				"(another alembic run is migrating this database)",
				db->lock_timeout_ms, key);
			break;
		}
		nanosleep(&ts, NULL);
		waited += 100;
	}
	buf_release(&sql);
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

/* SQLAlchemy 1.4 PGDialect.has_table. */
static int pg_table_exists(struct db *db, const char *schema, const char *table, bool *exists,
			   struct err *e)
{
	struct arena a = ARENA_INIT;
	struct strvec rows = STRVEC_INIT;
	struct buf sql = BUF_INIT;
	int rc;

	buf_adds(&sql, "select relname from pg_class c join pg_namespace n on "
		       "n.oid=c.relnamespace where ");
	if (schema) {
		buf_adds(&sql, "n.nspname=");
		pg_add_literal(db, &sql, schema);
	} else {
		buf_adds(&sql, "pg_catalog.pg_table_is_visible(c.oid)");
	}
	buf_adds(&sql, " and relname=");
	pg_add_literal(db, &sql, table);
	rc = pg_query(db, &a, sql.ptr, &rows, e);
	*exists = rc == 0 && rows.n > 0;
	buf_release(&sql);
	arena_release(&a);
	return rc;
}

const struct db_ops db_postgres_ops = {
	"postgresql", pg_connect, pg_close,  pg_exec,        pg_query,        pg_begin,
	pg_commit,    pg_rollback, pg_lock, pg_unlock, pg_table_exists, NULL,
};
