/*
 * sqlite.c - the SQLite driver (libsqlite3), the embedded default.
 *
 * Unlike Python's pysqlite (which autocommits DDL), statements run inside
 * real transactions: begin() is "BEGIN IMMEDIATE", so a run takes SQLite's
 * write lock up front and waits for another writer at most the lock
 * timeout (a busy handler on the monotonic clock that also gives up when a
 * signal is recorded).  The migration lock (lock()) is a POSIX record lock
 * (fcntl F_SETLK) on one byte of the database file that SQLite never locks
 * (SQLITE_MIGRATION_LOCK_BYTE), held across transactions for
 * transaction_per_migration runs; the kernel drops it when the process
 * dies, and F_GETLK names the holder's pid for the "waiting for" and
 * timeout messages.  Because closing any descriptor of a file drops the
 * process's record locks on it (SQLite's included), the lock descriptor is
 * closed only after the SQLite connection.  An in-memory database needs no
 * lock.  SIGINT/SIGTERM: sqlite3_interrupt from the handler, and a
 * progress handler that stops a statement started after the signal.
 */
#include "db/db.h"
#include "db/sqlite_int.h"

#include <sqlite3.h>

#include "base/buf.h"

/* SQLite's unix VFS locks the bytes 0x40000000 (PENDING_BYTE) to
 * 0x40000201; ours lies past them, where no page data is ever read or
 * written through a lock. */
#define SQLITE_MIGRATION_LOCK_BYTE (0x40000000L + 4096)
/* SQLite's RESERVED_BYTE: a writer's lock, whose holder we can name. */
#define SQLITE_RESERVED_BYTE (0x40000000L + 1)

struct sqlite_conn {
	sqlite3 *h;       /* the connection */
	int lock_fd;      /* descriptor for the migration lock (O_RDWR); -1 if none */
	bool locked;      /* the migration lock is held */
	long busy_start;  /* db_now_ms() when the current busy wait began */
	const char *path; /* file name ("" / ":memory:" for memory), heap-owned */
};

static struct sqlite_conn *sqlite_conn(struct db *db)
{
	return db->handle;
}

/* c->lock_fd, opened on first use and closed only after the SQLite
 * connection (closing a descriptor of the file would drop SQLite's own
 * record locks).  -1 with errno if the file cannot be opened for writing. */
static int sqlite_lock_fd(struct sqlite_conn *c)
{
	if (c->lock_fd < 0)
		c->lock_fd = open(c->path, O_RDWR | O_CLOEXEC);
	return c->lock_fd;
}

/* The pid holding a write lock on [start, start+len) of the file (another
 * process: F_GETLK ignores our own locks), 0 if none or unknown. */
static long sqlite_lock_owner(struct sqlite_conn *c, long start, long len)
{
	struct flock fl = {0};

	if (!strcmp(c->path, ":memory:") || sqlite_lock_fd(c) < 0)
		return 0;
	fl.l_type = F_WRLCK;
	fl.l_whence = SEEK_SET;
	fl.l_start = start;
	fl.l_len = len;
	if (fcntl(c->lock_fd, F_GETLK, &fl) == 0 && fl.l_type != F_UNLCK)
		return fl.l_pid;
	return 0;
}

/* ERR_LOCK for "database is locked"/busy (naming the writer's pid when the
 * kernel knows it), else ERR_DB with SQLite's text. */
static int sqlite_fail(struct db *db, int rc, const char *what, struct err *e)
{
	struct sqlite_conn *c = sqlite_conn(db);
	const char *msg = c->h ? sqlite3_errmsg(c->h) : sqlite3_errstr(rc);
	long pid;

	if ((rc & 0xff) != SQLITE_BUSY && (rc & 0xff) != SQLITE_LOCKED)
		return err_set(e, ERR_DB, "%s", msg);
	pid = sqlite_lock_owner(c, SQLITE_RESERVED_BYTE, 1);
	if (pid > 0)
		return err_set(e, ERR_LOCK, "%s: %s (pid %ld holds the write lock; waited %ld ms)",
			       what, msg, pid, db->lock_timeout_ms);
	return err_set(e, ERR_LOCK, "%s: %s (another process holds the write lock; waited %ld ms)",
		       what, msg, db->lock_timeout_ms);
}

static void sqlite_close(struct db *db)
{
	struct sqlite_conn *c = sqlite_conn(db);

	sqlite3_close(c->h);
	if (c->lock_fd >= 0)
		close(c->lock_fd); /* after SQLite: this drops every record lock of ours */
	free((void *)c->path);
	free(c);
	free(db);
}

/* Busy handler: wait up to the lock timeout on the monotonic clock, in
 * short steps that wake on a signal; 0 = give up (SQLITE_BUSY). */
static int sqlite_busy(void *arg, int count)
{
	struct db *db = arg;
	struct sqlite_conn *c = sqlite_conn(db);
	long left;

	if (count == 0)
		c->busy_start = db_now_ms();
	left = db->lock_timeout_ms - (db_now_ms() - c->busy_start);
	if (left <= 0 || (db_interrupted() && !db->cleanup))
		return 0;
	return db_wait(db, -1, 0, left < 20 ? left : 20) >= 0;
}

/* Progress handler: stops a statement once a signal is recorded (covers a
 * statement started just after sqlite3_interrupt, which SQLite forgets when
 * no statement runs). */
static int sqlite_progress(void *arg)
{
	struct db *db = arg;

	return db_interrupted() && !db->cleanup;
}

/* From the signal handler: sqlite3_interrupt is safe to call there. */
static void sqlite_interrupt(struct db *db)
{
	struct sqlite_conn *c = sqlite_conn(db);

	if (c->h)
		sqlite3_interrupt(c->h);
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
	db->interrupt = sqlite_interrupt;
	rc = sqlite3_open_v2(path, &c->h, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
	if (rc != SQLITE_OK) {
		err_set(e, ERR_DB, "(sqlite3.OperationalError) %s: %s",
			c->h ? sqlite3_errmsg(c->h) : sqlite3_errstr(rc), path);
		sqlite_close(db);
		return -1;
	}
	sqlite3_busy_handler(c->h, sqlite_busy, db);
	sqlite3_progress_handler(c->h, 1000, sqlite_progress, db);
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

/* One F_SETLK try on our byte: 1 taken, 0 busy, -1 error. */
static int sqlite_try_lock(struct db *db, const char *key, struct err *e)
{
	struct sqlite_conn *c = sqlite_conn(db);
	struct flock fl = {0};

	(void)key;
	fl.l_type = F_WRLCK;
	fl.l_whence = SEEK_SET;
	fl.l_start = SQLITE_MIGRATION_LOCK_BYTE;
	fl.l_len = 1;
	if (fcntl(c->lock_fd, F_SETLK, &fl) == 0)
		return 1;
	if (errno == EACCES || errno == EAGAIN || errno == EINTR)
		return 0;
	return err_set(e, ERR_DB, "could not lock %s: %s", c->path, strerror(errno));
}

/* "pid 4242" from F_GETLK; NULL when the holder is gone. */
static const char *sqlite_lock_holder(struct db *db, struct arena *a, const char *key)
{
	long pid = sqlite_lock_owner(sqlite_conn(db), SQLITE_MIGRATION_LOCK_BYTE, 1);

	(void)key;
	return pid > 0 ? arena_printf(a, "pid %ld", pid) : NULL;
}

static int sqlite_lock(struct db *db, const char *key, struct err *e)
{
	struct sqlite_conn *c = sqlite_conn(db);
	struct arena a = ARENA_INIT;
	int rc;

	if (!strcmp(c->path, ":memory:") || c->locked)
		return 0;
	if (sqlite_lock_fd(c) < 0)
		return err_set(e, ERR_DB, "could not open %s for locking: %s", c->path,
			       strerror(errno));
	rc = db_lock_wait(db, key, arena_printf(&a, "the migration lock on %s", c->path), 50,
			  sqlite_try_lock, sqlite_lock_holder, e);
	c->locked = rc == 0;
	arena_release(&a);
	return rc;
}

static void sqlite_unlock(struct db *db, const char *key)
{
	struct sqlite_conn *c = sqlite_conn(db);
	struct flock fl = {0};

	(void)key;
	if (!c->locked)
		return;
	fl.l_type = F_UNLCK;
	fl.l_whence = SEEK_SET;
	fl.l_start = SQLITE_MIGRATION_LOCK_BYTE;
	fl.l_len = 1;
	fcntl(c->lock_fd, F_SETLK, &fl); /* the descriptor stays open: see sqlite_close */
	c->locked = false;
}

/* SQLite's "schema" is an attached database name (main by default). */
static int sqlite_table_exists(struct db *db, const char *schema, const char *table, bool *exists,
			       struct err *e)
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
	"sqlite",     sqlite_connect, sqlite_close,        sqlite_exec,
	sqlite_query, sqlite_begin,   sqlite_commit,       sqlite_rollback,
	sqlite_lock,  sqlite_unlock,  sqlite_table_exists, db_sqlite_read_table,
};
