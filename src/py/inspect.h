/*
 * inspect.h - live-database inspection for revision bodies:
 * sa.inspect(bind) / sa.inspect(bind.engine) /
 * sa.engine.reflection.Inspector.from_engine(bind) and the Inspector
 * methods revisions call (get_table_names, has_table, get_columns,
 * get_indexes, get_foreign_keys, get_unique_constraints, get_pk_constraint,
 * get_check_constraints, get_table_comment, get_schema_names,
 * get_view_names, get_sequence_names, get_enums, default_schema_name).
 *
 * The evaluator stays pure: the database comes in through struct
 * py_inspector, a callback the caller puts in struct py_eval_ctx (src/run
 * answers it with db_introspect on the run's connection).  The evaluator
 * builds SQLAlchemy 1.4's return shapes from the struct sch_table the
 * callback hands over (src/py/inspect.c) and keeps SQLAlchemy's
 * per-Inspector cache: a cached method called again on the same inspector
 * with the same arguments answers what it answered the first time.
 *
 * Without a callback (offline --sql, tools) sa.inspect(...) is ERR_INPUT at
 * its file:line:col.
 */
#ifndef PY_INSPECT_H
#define PY_INSPECT_H

#include <stdbool.h>
#include <stddef.h>

#include "base/arena.h"
#include "base/err.h"
#include "py/value.h"
#include "schema/schema.h"
#include "schema/type.h"

/* A schema-qualified name (a view, a sequence). */
struct py_insp_name {
	const char *schema; /* NULL: the default schema */
	const char *name;   /* its name */
};

/* One schema of the database as the inspection sees it now. */
struct py_insp_db {
	const char *dialect;                  /* "sqlite" or "postgresql" */
	const char *default_schema;           /* PostgreSQL's current schema; "main" on SQLite */
	const char *const *schema_names;      /* get_schema_names, in SQLAlchemy's order */
	size_t n_schema_names;                /* their number */
	struct sch_table *const *tables;      /* every table of the schema asked (the version table
					     and SQLite's sqlite_% tables included), by name */
	size_t n_tables;                      /* their number */
	const struct py_insp_name *views;     /* its views, by name */
	size_t n_views;                       /* their number */
	const struct py_insp_name *sequences; /* its sequences, by name (PostgreSQL) */
	size_t n_sequences;                   /* their number */
	const struct sch_enum_def *enums;     /* PostgreSQL enum types of every schema */
	size_t n_enums;                       /* their number */
	/* What get_columns reports as autoincrement for c (db_column_autoincrement). */
	bool (*autoincrement)(const char *dialect, const struct sch_column *c);
};

struct py_inspector {
	/*
	 * The database now, schema (NULL: the default one).  ops[0..n_ops)
	 * are the top-level operations the function has queued before this
	 * inspection: a live inspector first runs those it has not run yet
	 * (Alembic has run them when the query is made); the plan-time one
	 * ignores them and answers from the database as it was before the run.
	 * -1 with e set on a database error (the caller has rolled back; the
	 * evaluator passes e on unchanged).
	 */
	int (*read)(void *ctx, struct arena *a, const char *schema, const struct py_op *ops,
		    size_t n_ops, const struct py_insp_db **out, struct err *e);
	void *ctx; /* passed to read */
};

#endif
