/*
 * introspect.h - a whole database schema read into the schema model
 * (groundwork for autogenerate, issue 10 item 2): every table of the
 * selected schemas as struct sch_table (schema/schema.h), plus what lives
 * beside tables (PostgreSQL enum types and sequences, views by name).
 * Columns carry what SQLAlchemy 1.4's get_columns reflects: identity
 * (PostgreSQL: sch_column.identity with every option), generated columns
 * (sch_column.computed, the expression no longer a server default;
 * PostgreSQL and SQLite), and db_column_autoincrement says what it reports
 * as autoincrement (sch_column.autoincrement keeps the model's meaning and
 * is left "auto").
 *
 * PostgreSQL (introspect_pg.c) reads everything in a fixed number of bulk
 * catalog queries (7 today, whatever the number of tables;
 * db_schema.n_queries counts them); SQLite (introspect_sqlite.c) lists sqlite_master and
 * reads each table with the single-table reader (PRAGMAs are per table).
 *
 * Order (deterministic): tables by schema then name (byte order); columns
 * by position; constraints primary key first, then the others by name
 * (PostgreSQL; SQLite: the table reader's order); indexes by name
 * (PostgreSQL; SQLite: creation order); enums and sequences by schema then
 * name; views likewise.  The version table is always skipped.
 *
 * Ownership: everything lives in the caller's arena.  Errors: ERR_DB (the
 * database's message), ERR_INPUT for a driver without introspection.
 */
#ifndef DB_INTROSPECT_H
#define DB_INTROSPECT_H

#include <stdbool.h>
#include <stddef.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"
#include "db/db.h"
#include "schema/schema.h"
#include "schema/type.h"

/* What to read. */
struct db_introspect_opts {
	bool include_schemas;       /* every non-system schema (Alembic's include_schemas=True) */
	const char *const *schemas; /* else these schemas; none given = the current schema */
	size_t n_schemas;           /* their number */
	const char *version_table;  /* skipped; NULL = "alembic_version" */
	const char *version_schema; /* its schema, NULL = the current schema */
	bool all_tables;            /* the version table and SQLite's sqlite_% tables too, as
				       SQLAlchemy's Inspector.get_table_names lists them */
};

/* A sequence (PostgreSQL), with its options as pg_sequence holds them. */
struct db_sequence {
	const char *schema;    /* its schema */
	const char *name;      /* its name */
	const char *data_type; /* format_type of seqtypid ("bigint") */
	long long start, increment, minvalue, maxvalue, cache; /* pg_sequence fields */
	bool cycle;                                            /* seqcycle */
	const char *owned_by; /* "table.column" of an OWNED BY column, NULL if none */
	bool identity;        /* owned as an identity column's sequence (pg_depend 'i') */
};

/* A view (or materialized view), by name only. */
struct db_view {
	const char *schema; /* its schema */
	const char *name;   /* its name */
	bool materialized;  /* relkind 'm' */
};

/* A whole schema as read. */
struct db_schema {
	const char *default_schema; /* the connection's current schema (NULL on SQLite: "main") */
	struct sch_table **tables;  /* by schema then name; schema NULL = default schema */
	size_t n_tables;
	struct sch_enum_def *enums; /* PostgreSQL enum types (every schema: columns may use any) */
	size_t n_enums;
	struct db_sequence *sequences; /* PostgreSQL sequences of the selected schemas */
	size_t n_sequences;
	struct db_view *views; /* views of the selected schemas */
	size_t n_views;
	long n_queries; /* catalog queries run to read all this */
};

/*
 * Reads the schema(s) o selects from db (driver "postgresql" or "sqlite")
 * into *out.  Tables in the default schema get schema NULL, as
 * SQLAlchemy's MetaData reflection names them.  On failure *out is left
 * partly filled (arena-owned) and -1 is returned.
 */
int db_introspect(struct db *db, struct arena *a, const struct db_introspect_opts *o,
		  struct db_schema *out, struct err *e);

/* The readers behind db_introspect (introspect_pg.c, introspect_sqlite.c). */
int db_pg_introspect(struct db *db, struct arena *a, const struct db_introspect_opts *o,
		     struct db_schema *out, struct err *e);
int db_sqlite_introspect(struct db *db, struct arena *a, const struct db_introspect_opts *o,
			 struct db_schema *out, struct err *e);

/* The autoincrement SQLAlchemy 1.4's get_columns reports for a column c
 * read by db_introspect: on PostgreSQL true for an identity column or an
 * integer column with a nextval() default (_get_column_info), else false;
 * SQLite reports "auto" for every column (false here). */
bool db_column_autoincrement(const char *dialect, const struct sch_column *c);

/* The sequence a PostgreSQL column of table t (as db_introspect read it
 * into s) draws its nextval() default from, when that sequence is owned by
 * a column of that name: what Alembic's PostgresqlImpl.autogen_column_reflect
 * takes for a SERIAL (it drops the default and logs "Detected sequence
 * named ..."), for autogenerate and batch reflection alike.  Only INTEGER
 * and BIGINT columns; with no sequences read, the implicit <t>_<col>_seq.
 * NULL otherwise. */
const char *db_pg_serial_sequence(struct arena *a, const struct db_schema *s, const char *t,
				  const struct sch_column *col);

/* Alembic's log line for such a column: "Detected sequence named 'SEQ' as
 * owned by integer column 'TABLE(COLUMN)', assuming SERIAL and omitting". */
char *db_pg_serial_note(struct arena *a, const char *seq, const char *table, const char *column);

/* Appends a deterministic text dump of s (one line per object, fields
 * labelled, for tests and debugging) to out; types are rendered with
 * sql_type_ddl for dialect. */
void db_schema_dump(struct arena *a, const struct db_schema *s, const char *dialect,
		    struct buf *out);

#endif
