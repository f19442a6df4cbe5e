/*
 * dialect.h - the one row of facts per SQL dialect, and identifier/literal
 * quoting.
 *
 * Every fact Alembic's impl classes (alembic/ddl/) and SQLAlchemy 1.4's
 * dialects carry that our code needs lives in one const struct sql_dialect
 * (dialect.c): the log name, transactional DDL, the offline terminator and
 * separator, quoting, reserved words, how the native SQL splitter reads the
 * dialect, the version-table type, and what ALTER can do.  Nothing else in
 * the project tests a dialect's name for a fact that belongs here; the DDL
 * compiler (ddl*.c) dispatches what differs per dialect through the row.
 * Pure: no I/O, usable without any connection (offline --sql).
 */
#ifndef SQL_DIALECT_H
#define SQL_DIALECT_H

#include <stdbool.h>
#include <stddef.h>

#include "base/arena.h"
#include "base/buf.h"

/* How the native-SQL statement splitter (db/split.c) reads a dialect. */
struct split_opts {
	bool dollar_quotes;   /* PostgreSQL $tag$...$tag$ strings */
	bool nested_comments; /* PostgreSQL nested block comments */
	bool brackets;        /* SQLite/MSSQL [identifier] */
	bool backticks;       /* MySQL/SQLite `identifier` */
	bool backslashes;     /* MySQL: backslash escapes inside '...' and "..." */
};

/* Which DDL compiler file renders what differs (ddl_<family>.c). */
enum sql_family {
	SQL_FAMILY_SQLITE,     /* ddl_sqlite.c: SQLiteImpl */
	SQL_FAMILY_POSTGRESQL, /* ddl_postgresql.c: PostgresqlImpl */
	SQL_FAMILY_MYSQL,      /* ddl_mysql.c: MySQLImpl / MariaDBImpl */
	SQL_FAMILY_OTHER,      /* MSSQL, Oracle: version table only (offline) */
};

struct sql_dialect {
	const char *name;         /* URL dialect name: "sqlite", "postgresql", ... */
	const char *impl_name;    /* Alembic impl class for the log: "SQLiteImpl" */
	enum sql_family family;   /* DDL compiler */
	bool transactional_ddl;   /* Alembic's impl.transactional_ddl (log line, offline BEGIN) */
	bool runs_in_transaction; /* we wrap online runs in a real transaction (sqlite: yes) */
	const char *terminator;   /* offline statement terminator: ";" or "" (Oracle) */
	const char *separator;    /* offline line after each statement: "GO", "/" or NULL */
	const char *begin_sql;    /* offline BEGIN text without terminator */
	const char *version_type; /* "VARCHAR(32)" or "VARCHAR2(32 CHAR)" */
	bool insert_returning;    /* INSERTs get " RETURNING ..." (SQLAlchemy 1.4 implicit
				     returning on PostgreSQL) */
	char quote_open;          /* identifier quote: '"', '`' or '[' */
	char quote_close;         /* its closing character */
	bool literal_backslashes; /* string literals double backslashes (MySQL) */
	const char *const *reserved; /* sorted reserved words that force identifier quoting */
	size_t n_reserved;           /* their number */
	struct split_opts split;     /* native SQL splitting */
	bool alter_constraints;      /* ALTER TABLE ADD/DROP CONSTRAINT (SQLite: no) */
	bool comments;               /* column/table comments in DDL (SQLite: ignored) */
	bool inline_comments;        /* comments inside CREATE TABLE (MySQL COMMENT '...') */
	bool add_column_keyword;     /* ADD COLUMN (SQLite, PostgreSQL, MySQL) vs ADD (MSSQL) */
	const char *rename_table;    /* "ALTER TABLE %s RENAME TO %s" or MySQL's RENAME TABLE */
	const char *default_driver;  /* SQLAlchemy 1.4's DBAPI for a URL without "+driver" */
};

/* The dialect for a URL dialect name ("postgres" counts as "postgresql"),
 * or NULL. */
const struct sql_dialect *sql_dialect_find(const char *name);

/* SQLAlchemy's dialect.dialect_description for a URL's drivername as written
 * ("postgresql", "postgresql+pg8000"): d's name, '+', the URL's driver or d's
 * default DBAPI ("postgresql+psycopg2"). */
const char *sql_dialect_description(struct arena *a, const struct sql_dialect *d,
				    const char *drivername);

/* sql/compiler.py IdentifierPreparer._requires_quotes: reserved, upper
 * case, a character outside [A-Za-z0-9_$], a digit or '$' first. */
bool sql_requires_quotes(const struct sql_dialect *d, const char *name);
/* Identifier quoted only when the dialect requires it (quote_identifier:
 * the closing quote doubled inside), appended to out.  d NULL: '"'. */
void sql_quote_ident(const struct sql_dialect *d, struct buf *out, const char *name);
/* Identifier always quoted (SQLAlchemy quoted_name(quote=True)). */
void sql_quote_ident_forced(const struct sql_dialect *d, struct buf *out, const char *name);
/* SQL string literal: 'it''s' (String.literal_processor; MySQL also doubles
 * backslashes).  d NULL: the generic rule. */
void sql_quote_literal_d(const struct sql_dialect *d, struct buf *out, const char *value);
/* The generic literal, as the version table uses it. */
void sql_quote_literal(struct buf *out, const char *value);

/* Split options of a dialect name (the generic ones for an unknown name). */
struct split_opts split_opts_for(const char *dialect);

#endif
