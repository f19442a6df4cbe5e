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
 * caller's arena.  Every failure fills struct err (ERR_DB, or ERR_LOCK for
 * lock timeouts) and returns -1; messages never contain a password (the
 * drivers scrub what the server or the client library echoes).
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
	const char *raw;         /* the URL as written */
	const char *drivername;  /* "postgresql+psycopg2" as written */
	const char *dialect;     /* part before '+': "postgresql", "sqlite", ... */
	const char *username;    /* percent-decoded; NULL if absent */
	const char *password;    /* percent-decoded; NULL if absent */
	const char *host;        /* as written ("[::1]" without brackets); NULL if absent */
	const char *host_unquoted; /* host percent-decoded ("%2Ftmp" -> "/tmp": a socket dir) */
	int port;                /* 0 if absent */
	const char *database;    /* as written; NULL if absent (sqlite:// = memory) */
	struct db_url_param *params; /* query parameters in written order */
	size_t n_params;
};

/* Parses a SQLAlchemy URL (sqlalchemy/engine/url.py _parse_rfc1738_args).
 * ERR_INPUT with SQLAlchemy's text for an unparseable string (Alembic: a traceback). */
int url_parse(struct arena *a, const char *s, struct db_url *out, struct err *e);

/* The URL with its password replaced by "XXXXX", rendered as SQLAlchemy's
 * str(URL) after alembic.util.obfuscate_url_pw: user/password quoted with
 * %XX for ":@/", query keys sorted.  An empty password is kept (as Alembic).
 * A string that does not parse is returned with anything between "://" +
 * "user:" and the last '@' masked, so no input can leak a password. */
char *url_mask(struct arena *a, const char *s);

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
	const struct db_ops *ops;         /* driver */
	const struct sql_dialect *dialect; /* dialect facts */
	void *handle;                     /* driver state (sqlite3 *, PGconn *, fake) */
	long lock_timeout_ms;             /* wait bound for locks */
	bool in_transaction;              /* begin() done, no commit/rollback yet */
};

extern const struct db_ops db_sqlite_ops;
extern const struct db_ops db_postgres_ops;
extern const struct db_ops db_fake_ops;

/* Connects to the database named by u with the driver of its dialect.
 * ERR_DB "No driver for dialect 'mysql'" when none is built in. */
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

/* db->ops->read_table; ERR_DB when the driver has none. */
int db_read_table(struct db *db, struct arena *a, const char *schema, const char *table,
		  struct sch_table **out, struct err *e);

/* Replaces every occurrence of secret (and its percent-encoded form) in
 * msg by "XXXXX"; for drivers whose libraries echo connection strings. */
void db_scrub(char *msg, size_t size, const char *secret);

/* ---- the fake driver (fake.c), for unit tests of the run logic ---- */

struct db_fake_config {
	long fail_at;         /* the N-th exec (1-based) fails; 0 = never */
	const char *fail_msg; /* its message */
	long rowcount;        /* rowcount reported by exec; default 1 */
	bool table_exists;    /* answer of table_exists */
	struct strvec rows;   /* answer of every query */
	bool lock_busy;       /* lock() times out */
};

/* Opens a fake connection that records every call ("BEGIN", "COMMIT",
 * "ROLLBACK", "LOCK key", "UNLOCK key", statements) into log. */
struct db *db_fake_open(const struct sql_dialect *d, struct db_fake_config *cfg,
			struct arena *a, struct strvec *log);

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
