/*
 * sqlite.c - the SQLite driver (libsqlite3), the embedded default.
 *
 * Unlike Python's pysqlite (which autocommits DDL), statements run inside
 * real transactions: begin() is "BEGIN IMMEDIATE", so a run takes SQLite's
 * write lock up front and waits for another writer at most the lock
 * timeout (sqlite3_busy_timeout).  The migration lock (lock()) is an
 * flock(2) on the database file, held across transactions for
 * transaction_per_migration runs; flock locks are independent of the POSIX
 * record locks SQLite itself uses, and the kernel drops them when the
 * process dies.  An in-memory database needs no lock.
 */
#include "db/db.h"
#include "db/sqlite_int.h"

#include <sqlite3.h>
#include <sys/file.h>

#include "base/buf.h"

struct sqlite_conn {
	sqlite3 *h;       /* the connection */
	int lock_fd;      /* flock(2) descriptor on the database file; -1 if none */
	const char *path; /* file name ("" / ":memory:" for memory), heap-owned */
};

static struct sqlite_conn *sqlite_conn(struct db *db)
{
	return db->handle;
}

/* ERR_LOCK for "database is locked"/busy, else ERR_DB with SQLite's text. */
static int sqlite_fail(struct db *db, int rc, const char *what, struct err *e)
{
	sqlite3 *h = sqlite_conn(db)->h;
	const char *msg = h ? sqlite3_errmsg(h) : sqlite3_errstr(rc);

	if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
		return err_set(e, ERR_LOCK,
			       "%s: %s (another process holds the write lock; waited %ld ms)",
			       what, msg, db->lock_timeout_ms);
	return err_set(e, ERR_DB, "%s", msg);
}

static void sqlite_close(struct db *db)
{
	struct sqlite_conn *c = sqlite_conn(db);

	if (c->lock_fd >= 0)
		close(c->lock_fd);
	sqlite3_close(c->h);
	free((void *)c->path);
	free(c);
	free(db);
}

static int sqlite_connect(const struct db_url *u, long lock_timeout_ms, struct db **out,
			  struct err *e)
{
	struct db *db = calloc(1, sizeof(*db));
	struct sqlite_conn *c = calloc(1, sizeof(*c));
	const char *path = u->database && *u->database ? u->database : ":memory:";
	int rc;

	if (!db || !c || !(c->path = strdup(path)))
		die_oom(sizeof(*db));
	c->lock_fd = -1;
	db->ops = &db_sqlite_ops;
	db->dialect = sql_dialect_find("sqlite");
	db->handle = c;
	db->lock_timeout_ms = lock_timeout_ms;
	rc = sqlite3_open_v2(path, &c->h, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
	if (rc != SQLITE_OK) {
		err_set(e, ERR_DB, "(sqlite3.OperationalError) %s: %s",
			c->h ? sqlite3_errmsg(c->h) : sqlite3_errstr(rc), path);
		sqlite_close(db);
		return -1;
	}
	sqlite3_busy_timeout(c->h, lock_timeout_ms > INT_MAX ? INT_MAX : (int)lock_timeout_ms);
	*out = db;
	return 0;
}

static int sqlite_exec(struct db *db, const char *sql, long *rowcount, struct err *e)
{
	sqlite3 *h = sqlite_conn(db)->h;
	const char *tail = sql;

	*rowcount = -1;
	while (tail && *tail) {
		sqlite3_stmt *st = NULL;
		int rc = sqlite3_prepare_v2(h, tail, -1, &st, &tail);

		if (rc != SQLITE_OK)
			return sqlite_fail(db, rc, "statement", e);
		if (!st)
			continue; /* white space or a comment */
		while ((rc = sqlite3_step(st)) == SQLITE_ROW)
			;
		if (rc != SQLITE_DONE) {
			sqlite3_finalize(st);
			return sqlite_fail(db, rc, "statement", e);
		}
		*rowcount = sqlite3_stmt_readonly(st) ? -1 : (long)sqlite3_changes(h);
		sqlite3_finalize(st);
	}
	return 0;
}

static int sqlite_query(struct db *db, struct arena *a, const char *sql, struct strvec *out,
			struct err *e)
{
	sqlite3 *h = sqlite_conn(db)->h;
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(h, sql, -1, &st, NULL);

	if (rc != SQLITE_OK)
		return sqlite_fail(db, rc, "query", e);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const unsigned char *v = sqlite3_column_text(st, 0);
		strvec_push(a, out, arena_strdup(a, v ? (const char *)v : ""));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return sqlite_fail(db, rc, "query", e);
	return 0;
}

int db_sqlite_rows(struct db *db, struct arena *a, const char *sql, size_t ncols,
		   struct strvec *cells, struct err *e)
{
	sqlite3 *h = sqlite_conn(db)->h;
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(h, sql, -1, &st, NULL);

	if (rc != SQLITE_OK)
		return sqlite_fail(db, rc, "query", e);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		for (size_t i = 0; i < ncols; i++) {
			const unsigned char *v = sqlite3_column_text(st, (int)i);

			strvec_push(a, cells, v ? arena_strdup(a, (const char *)v) : NULL);
		}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return sqlite_fail(db, rc, "query", e);
	return 0;
}

static int sqlite_begin(struct db *db, struct err *e)
{
	int rc = sqlite3_exec(sqlite_conn(db)->h, "BEGIN IMMEDIATE", NULL, NULL, NULL);

	return rc == SQLITE_OK ? 0 : sqlite_fail(db, rc, "could not lock the database", e);
}

static int sqlite_commit(struct db *db, struct err *e)
{
	int rc = sqlite3_exec(sqlite_conn(db)->h, "COMMIT", NULL, NULL, NULL);

	return rc == SQLITE_OK ? 0 : sqlite_fail(db, rc, "commit", e);
}

static int sqlite_rollback(struct db *db, struct err *e)
{
	sqlite3 *h = sqlite_conn(db)->h;

	if (sqlite3_get_autocommit(h))
		return 0; /* SQLite already rolled back (e.g. after SQLITE_FULL) */
	if (sqlite3_exec(h, "ROLLBACK", NULL, NULL, NULL) != SQLITE_OK)
		return err_set(e, ERR_DB, "%s", sqlite3_errmsg(h));
	return 0;
}

/* flock(2) with polling up to the lock timeout. */
static int sqlite_lock(struct db *db, const char *key, struct err *e)
{
	struct sqlite_conn *c = sqlite_conn(db);
	long waited = 0;

	(void)key;
	if (!strcmp(c->path, ":memory:") || c->lock_fd >= 0)
		return 0;
	c->lock_fd = open(c->path, O_RDONLY | O_CLOEXEC);
	if (c->lock_fd < 0)
		return err_set(e, ERR_DB, "could not open %s for locking: %s", c->path,
			       strerror(errno));
	while (flock(c->lock_fd, LOCK_EX | LOCK_NB) < 0) {
		struct timespec ts = {0, 50 * 1000 * 1000};

		if (errno != EWOULDBLOCK && errno != EINTR) {
			err_set(e, ERR_DB, "could not lock %s: %s", c->path, strerror(errno));
			goto close_fd;
		}
		if (waited >= db->lock_timeout_ms) {
			err_set(e, ERR_LOCK,
				"Timed out after %ld ms waiting for the migration lock on %s "
				"(another alembic run is migrating this database)",
				db->lock_timeout_ms, c->path);
			goto close_fd;
		}
		nanosleep(&ts, NULL);
		waited += 50;
	}
	return 0;
close_fd:
	close(c->lock_fd);
	c->lock_fd = -1;
	return -1;
}

static void sqlite_unlock(struct db *db, const char *key)
{
	struct sqlite_conn *c = sqlite_conn(db);

	(void)key;
	if (c->lock_fd >= 0) {
		close(c->lock_fd); /* releases the flock */
		c->lock_fd = -1;
	}
}

/* SQLite's "schema" is an attached database name (main by default). */
static int sqlite_table_exists(struct db *db, const char *schema, const char *table,
			       bool *exists, struct err *e)
{
	struct arena a = ARENA_INIT;
	struct strvec rows = STRVEC_INIT;
	struct buf sql = BUF_INIT;
	int rc;

	buf_adds(&sql, "SELECT name FROM ");
	sql_quote_ident(db->dialect, &sql, schema ? schema : "main");
	buf_adds(&sql, ".sqlite_master WHERE type = 'table' AND name = ");
	sql_quote_literal(&sql, table);
	rc = sqlite_query(db, &a, sql.ptr, &rows, e);
	*exists = rc == 0 && rows.n > 0;
	buf_release(&sql);
	arena_release(&a);
	return rc;
}

const struct db_ops db_sqlite_ops = {
	"sqlite",          sqlite_connect, sqlite_close,  sqlite_exec,
	sqlite_query,      sqlite_begin,   sqlite_commit, sqlite_rollback,
	sqlite_lock,       sqlite_unlock,  sqlite_table_exists, db_sqlite_read_table,
};
