/*
 * db.h - the database layer: one small interface, a driver per dialect.
 *
 * A driver is a const struct db_ops (sqlite.c, postgres.c, fake.c); the
 * facts Alembic's "impl" classes carry about a dialect (its log name,
 * transactional DDL, statement terminator, the PostgreSQL RETURNING quirk,
 * identifier quoting) are a const struct sql_dialect, usable without any
 * connection, so offline (--sql) mode never touches a driver.  Adding
 * MySQL/MariaDB means one more dialect row (already present for offline
 * output) and one more ops table.
 *
 * Ownership: struct db and the driver handle inside it belong to the
 * driver; db_close() frees them.  Query results are copied into the
 * caller's arena.  Every failure fills struct err (ERR_DB, ERR_LOCK for
 * lock timeouts, ERR_INTERRUPTED once a signal was recorded) and returns
 * -1; messages never contain a password (the drivers mask URL and conninfo
 * passwords in what the client library reports: db_mask_err; servers never
 * echo a password).  A database error is one primary line in msg; the
 * server's DETAIL/HINT (and the further lines of a multi-line
 * client-library message) are prefixed lines in detail; SQLSTATE in
 * e->sqlstate.
 *
 * Interruption: the CLI's SIGINT/SIGTERM handler calls db_interrupt(),
 * which is async-signal-safe: it records the signal, wakes every wait of
 * this layer (a self-pipe watched by the poll loops: connect, statements,
 * lock waits) and asks the open connection to stop its statement
 * (PostgreSQL: PQcancel with the object prepared at connect time;
 * SQLite: sqlite3_interrupt).  From then on every call fails with
 * ERR_INTERRUPTED before it starts, except db_rollback/db_unlock/db_close,
 * the cleanup path, which still run.
 *
 * URLs are SQLAlchemy URLs as users write them (url.c):
 *   postgresql[+driver]://user:pass@host:port/db?key=value  (percent-decoded
 *   user and password; "?host=/dir" or a percent-encoded "/dir" host for a
 *   unix socket), sqlite:///relative.db, sqlite:////abs/path.db, sqlite://.
 */
#ifndef DB_DB_H
#define DB_DB_H

#include <stdbool.h>
#include <stddef.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"
#include "base/str.h"
#include "base/vec.h"
#include "sql/dialect.h"

struct sch_table; /* schema/schema.h */

/* ---- URLs (url.c) ---- */

struct db_url_param {
	const char *key;   /* decoded query key */
	const char *value; /* decoded query value */
};

struct db_url {
	const char *raw;             /* the URL as written */
	const char *drivername;      /* "postgresql+psycopg2" as written */
	const char *dialect;         /* part before '+': "postgresql", "sqlite", ... */
	const char *username;        /* percent-decoded; NULL if absent */
	const char *password;        /* percent-decoded; NULL if absent */
	const char *host;            /* as written ("[::1]" without brackets); NULL if absent */
	const char *host_unquoted;   /* host percent-decoded ("%2Ftmp" -> "/tmp": a socket dir) */
	int port;                    /* 0 if absent */
	const char *database;        /* as written; NULL if absent (sqlite:// = memory) */
	struct db_url_param *params; /* query parameters in written order */
	size_t n_params;
};

/* Parses a SQLAlchemy URL (sqlalchemy/engine/url.py _parse_rfc1738_args).
 * ERR_INPUT with SQLAlchemy's text for an unparseable string (Alembic: a traceback). */
int url_parse(struct arena *a, const char *s, struct db_url *out, struct err *e);

/* The URL with its password replaced by "XXXXX", rendered as SQLAlchemy's
 * str(URL) after alembic.util.obfuscate_url_pw: user/password quoted with
 * %XX for ":@/", query keys sorted.  An empty password is kept (as Alembic).
 * Ours: the value of a "password" / "sslpassword" query parameter (which
 * libpq accepts) is masked too.  A string that does not parse, or has more
 * than one '@' after "user:" (an unencoded '@' in the password), is
 * returned with anything between "://" + "user:" and the last '@' masked,
 * so no input can leak a password. */
char *url_mask(struct arena *a, const char *s);

/* More than one '@' after "scheme://user:": an unencoded '@' in the
 * password (SQLAlchemy's pattern ends the password at the first one). */
bool url_ambiguous_at(const char *s);

/* Value of the last query parameter named key, or NULL. */
const char *url_param(const struct db_url *u, const char *key);

/* ---- connections ---- */

struct db;

struct db_ops {
	const char *name; /* "sqlite", "postgresql", "fake" */
	/* Opens a connection; lock_timeout_ms bounds every wait for a lock. */
	int (*connect)(const struct db_url *u, long lock_timeout_ms, struct db **out,
		       struct err *e);
	void (*close)(struct db *db);
	/* Runs one statement (several for drivers that allow it); *rowcount is
	 * the rows an INSERT/UPDATE/DELETE touched, -1 if unknown. */
	int (*exec)(struct db *db, const char *sql, long *rowcount, struct err *e);
	/* Runs a query; the first column of each row, in returned order
	 * (NULL values become ""). */
	int (*query)(struct db *db, struct arena *a, const char *sql, struct strvec *out,
		     struct err *e);
	int (*begin)(struct db *db, struct err *e);
	int (*commit)(struct db *db, struct err *e);
	int (*rollback)(struct db *db, struct err *e); /* never fails the caller's cleanup */
	/* The migration lock keyed on key (the qualified version table):
	 * waits up to lock_timeout_ms, then ERR_LOCK.  Held until unlock or
	 * the connection closes (also when the process dies). */
	int (*lock)(struct db *db, const char *key, struct err *e);
	void (*unlock)(struct db *db, const char *key);
	/* Does schema.table exist (schema NULL = the default schema)? */
	int (*table_exists)(struct db *db, const char *schema, const char *table, bool *exists,
			    struct err *e);
	/* Introspection: schema.table as SQLAlchemy 1.4's reflection sees it
	 * (columns, primary key, foreign keys, unique constraints, indexes;
	 * CHECK constraints are not reflected, as Alembic's batch mode drops
	 * them).  NULL for drivers without it. */
	int (*read_table)(struct db *db, struct arena *a, const char *schema, const char *table,
			  struct sch_table **out, struct err *e);
};

struct db {
	const struct db_ops *ops;          /* driver */
	const struct sql_dialect *dialect; /* dialect facts */
	void *handle;                      /* driver state (sqlite3 *, PGconn *, fake) */
	long lock_timeout_ms;              /* wait bound for locks */
	bool in_transaction;               /* begin() done, no commit/rollback yet (a failed
					     commit leaves it set: rollback still runs) */
	bool cleanup;                      /* inside db_rollback/db_unlock: not interruptible */
	/* Set by the driver at connect: asks the running statement to stop;
	 * called from a signal handler, so async-signal-safe; NULL: nothing
	 * to cancel. */
	void (*interrupt)(struct db *db);
	/* Told once when a lock wait begins ("waiting for the migration lock held
	 * by pid 4242 (...)"); NULL: nothing said.  Set by the caller. */
	void (*notice)(void *ctx, const char *text);
	void *notice_ctx; /* passed to notice */
};

extern const struct db_ops db_sqlite_ops;
extern const struct db_ops db_postgres_ops;
extern const struct db_ops db_fake_ops;

/* Connects to the database named by u with the driver of its dialect.
 * ERR_DB "No driver for dialect 'mysql'" when none is built in; ERR_DB
 * when url_ambiguous_at(u->raw) (ours: Alembic would connect with a cut
 * password and a host, database or query made of the rest of it). */
int db_open(const struct db_url *u, long lock_timeout_ms, struct db **out, struct err *e);
/* Closes and frees; NULL is fine. */
void db_close(struct db *db);

int db_exec(struct db *db, const char *sql, long *rowcount, struct err *e);
int db_query(struct db *db, struct arena *a, const char *sql, struct strvec *out, struct err *e);
int db_begin(struct db *db, struct err *e);
int db_commit(struct db *db, struct err *e);
void db_rollback(struct db *db);
int db_lock(struct db *db, const char *key, struct err *e);
void db_unlock(struct db *db, const char *key);
int db_table_exists(struct db *db, const char *schema, const char *table, bool *exists,
		    struct err *e);

/* ---- interruption (wait.c; see the header comment) ---- */

/* Creates the wake pipe the waits watch; call once before installing
 * signal handlers.  ERR_IO if pipe(2) fails. */
int db_interrupt_init(struct err *e);
/* From a signal handler: records signo (the first one counts), wakes the
 * waits, cancels the open connection's statement.  Async-signal-safe. */
void db_interrupt(int signo);
/* The recorded signal, 0 if none. */
int db_interrupted(void);
/* Forgets a recorded signal (unit tests). */
void db_interrupt_reset(void);
/* db_open/db_close: the connection the handler cancels (one at a time). */
void db_interrupt_track(struct db *db);
void db_interrupt_untrack(struct db *db);

/* ---- helpers for drivers (wait.c) ---- */

/* Milliseconds on CLOCK_MONOTONIC (never jumps with the wall clock). */
long db_now_ms(void);
/*
 * Waits until fd (-1: none) is ready for events, timeout_ms passes (-1: no
 * bound), or the wake pipe fires.  1 = fd ready, 0 = timed out,
 * -1 = a signal is recorded or poll(2) failed (errno).  EINTR is not an
 * error: the loop re-checks.  The wait is interruptible only with a db
 * that is not in cleanup; db NULL waits on whatever is recorded.
 */
int db_wait(struct db *db, int fd, short events, long timeout_ms);
/*
 * The migration lock's wait, shared by the drivers: calls try_lock until
 * it returns 1 (taken), lock_timeout_ms has passed on the monotonic clock
 * (the time try_lock itself takes counts), or a signal is recorded;
 * step_ms between tries.  try_lock returns 1 taken, 0 busy, -1 error.
 * holder(db, a, key) describes who holds the lock ("pid 4242
 * (application alembic, client 10.0.0.5, since 12:01:03)") or returns
 * NULL; it is asked when the wait begins (db->notice, once) and on timeout
 * (ERR_LOCK names the holder).  what names the lock in messages.
 */
int db_lock_wait(struct db *db, const char *key, const char *what, long step_ms,
		 int (*try_lock)(struct db *db, const char *key, struct err *e),
		 const char *(*holder)(struct db *db, struct arena *a, const char *key),
		 struct err *e);
/* Appends text to e->detail, each of its lines as "<prefix><line>" on a
 * line of its own (prefix e.g. "DETAIL:  "); empty lines are dropped. */
void db_err_add_detail(struct err *e, const char *prefix, const char *text);
/* Sets e from a possibly multi-line client-library message: the first
 * non-empty line is msg, the others become "DETAIL:  " lines (leading
 * blanks and tabs trimmed). */
int db_err_lines(struct err *e, enum err_code code, const char *text);

/* ---- masking (mask.c) ---- */

/* s with every password masked where its syntax puts it: the userinfo of a
 * URL ("scheme://user:XXXXX@", up to the last '@' of the word) and the value
 * of a password / sslpassword keyword ("password=XXXXX", conninfo quoting
 * understood).  Nothing else is touched: no search for the password's text. */
char *db_mask_text(struct arena *a, const char *s);
/* db_mask_text over e->msg and e->detail, in place (drivers call it on what
 * a client library reports). */
void db_mask_err(struct err *e);

/* db->ops->read_table; ERR_DB when the driver has none. */
int db_read_table(struct db *db, struct arena *a, const char *schema, const char *table,
		  struct sch_table **out, struct err *e);

/* ---- the fake driver (fake.c), for unit tests of the run logic ---- */

struct db_fake_config {
	long fail_at;            /* the N-th exec (1-based) fails; 0 = never */
	const char *fail_msg;    /* its message */
	long rowcount;           /* rowcount reported by exec; default 1 */
	bool table_exists;       /* answer of table_exists */
	struct strvec rows;      /* answer of every query */
	bool lock_busy;          /* lock() times out */
	long lock_busy_tries;    /* the first N lock tries find it busy (then it is taken) */
	long lock_try_ms;        /* each lock try takes this long (a slow query) */
	const char *lock_holder; /* the holder's description; NULL: unknown */
	long lock_tries;         /* out: lock tries made so far */
	long interrupt_at;       /* the N-th exec (1-based) gets SIGTERM while running */
	long commit_fail;        /* the N-th commit fails (fail_msg) */
	/* Fault injection over every call, as SQLite's tests fail the N-th
	 * allocation: open (call 1), exec, query, begin, commit, lock and
	 * table_exists all count; rollback and unlock are the cleanup path and
	 * never fail.  A failed commit rolls back, as a real server's does. */
	long fail_call; /* the N-th call (1-based) fails with ERR_DB; 0 = never */
	long calls;     /* out: calls made so far */
	/* A simulated version table (for the fault loop): exec applies the
	 * runner's CREATE TABLE / INSERT / UPDATE / DELETE of table "alembic_version"
	 * inside the transaction (rowcount = rows matched), query returns the
	 * pending rows, table_exists whether the table was created; commit makes
	 * them durable, rollback discards them. */
	bool versions;           /* simulate (rows and table_exists above are then unused) */
	struct strvec committed; /* in/out: the rows as of the last commit */
	bool table_committed;    /* in/out: the table exists as of the last commit */
	bool lock_held;          /* out: the lock is taken and not released */
};

/* Opens a fake connection that records every call ("BEGIN", "COMMIT",
 * "ROLLBACK", "LOCK key", "UNLOCK key", statements) into log.  NULL when
 * cfg->fail_call == 1 (the connection attempt is the first call). */
struct db *db_fake_open(const struct sql_dialect *d, struct db_fake_config *cfg, struct arena *a,
			struct strvec *log);

/* ---- statement splitter (split.c) ---- */

struct split_stmt {
	const char *sql; /* statement text, NUL-terminated, no trailing ';', leading
			    blanks and comments removed */
	int line;        /* 1-based line of its first character in the input */
	bool autocommit; /* inside an "-- migrate:autocommit" block */
};

/*
 * Splits SQL text into statements at top-level ';': quotes '...' (with
 * E'..\'..' escapes), "identifiers", $tag$ dollar quotes, -- and block
 * comments, BEGIN ... END bodies of CREATE TRIGGER (and PostgreSQL's BEGIN
 * ATOMIC), a trailing statement without ';'.  first_line is the line
 * number of text's first line.  Comment lines "-- migrate:autocommit" and
 * "-- migrate:end-autocommit" (alone on their line) mark statements that
 * must run outside a transaction.  ERR_INPUT with the line of the opening
 * quote/comment for an unterminated one (file is left empty for the caller).
 */
int split_sql(struct arena *a, const char *text, int first_line, struct split_opts o,
	      struct split_stmt **out, size_t *n, struct err *e);

#endif
