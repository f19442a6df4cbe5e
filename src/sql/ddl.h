/*
 * ddl.h - the DDL compiler: one migration operation (schema/schema.h) to the
 * statements Alembic 1.8.1 with SQLAlchemy 1.4 emits for it on a dialect.
 *
 * Statement text is what str(compiled) gives before Alembic's offline
 * post-processing: CREATE TABLE bodies use "\n\t" as SQLAlchemy does (the
 * offline writer turns tabs into four spaces, strips, appends the
 * terminator), no terminator.  Online runs execute the same text, so online
 * and offline share one path.
 *
 * What is common to every dialect lives in ddl.c; what differs is a const
 * struct of hooks per dialect family (ddl_sqlite.c, ddl_postgresql.c,
 * ddl_mysql.c), chosen through the dialect row (sql/dialect.h).
 *
 * Refusals are errors, never half-done SQL: where Alembic raises
 * (NotImplementedError for ALTER of constraints on SQLite, "No generic 'DROP
 * CONSTRAINT' in MySQL", CompileError "PostgreSQL ENUM type requires a
 * name.") the same text comes back as ERR_INPUT positioned at the
 * operation's file:line:col.  Online on SQLite, the ALTER COLUMN forms that
 * Alembic emits but SQLite rejects ("near ALTER: syntax error" after earlier
 * statements ran) are refused before anything runs (ours).
 *
 * Pure: no I/O.  Everything lives in the caller's arena.
 */
#ifndef SQL_DDL_H
#define SQL_DDL_H

#include <stdbool.h>
#include <stddef.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"
#include "base/vec.h"
#include "schema/schema.h"
#include "sql/dialect.h"

/* One statement to run or print. */
struct sql_stmt {
	const char *sql;   /* the statement text, no terminator */
	bool autocommit;   /* runs outside the transaction (autocommit_block, CONCURRENTLY
			    under a -- migrate:no-transaction file) */
	int line;          /* 1-based line of the operation in the revision file (0: none) */
	const char *guard; /* online only: a query run first; the statement runs only when
			      it returns a row (guard_exists) or none (!guard_exists):
			      an Enum's create/drop with checkfirst (has_type) */
	bool guard_exists; /* see guard */
	const struct mig_op *batch; /* a batch_alter_table needing the rebuild (online SQLite
				       and PostgreSQL, offline SQLite with offline_rebuild):
				       sql is NULL and the runtime reads the table, then runs
				       or prints sql_batch_rebuild's statements */
};

/* A growing list of statements (arena-backed). */
struct sql_stmts {
	struct sql_stmt *v; /* statements in order */
	size_t n;           /* their number */
	size_t cap;         /* allocated */
};

struct sql_opts {
	const struct sql_dialect *d; /* the dialect compiled for */
	bool as_sql;                 /* offline (--sql): literal binds, Alembic's exact text */
	const char *file;            /* revision file, for error positions */
	const char *naming_convention_unknown; /* NULL, or why env.py's target_metadata may
						  carry a naming convention we cannot read
						  (envpy_convention): names it would give or
						  change are refused rather than guessed */
	struct strvec *memo;             /* the run's memo (Alembic's impl.memo): PostgreSQL enum
					   types created so far ("schema.name"); NULL: none kept */
	bool offline_rebuild;            /* offline SQLite: a batch rebuild becomes a placeholder
					   (sql_stmt.batch) the caller resolves from the table as
					   the revisions before it leave it (src/run), instead of
					   Alembic's CommandError */
	const struct sch_naming *naming; /* env.py's literal naming convention, applied as
					    SQLAlchemy applies it (ddl.c ddl_conv_name);
					    NULL: SQLAlchemy's default {"ix":
					    "ix_%(column_0_label)s"} */
};

/* Appends stmt to out. */
void sql_stmts_push(struct arena *a, struct sql_stmts *out, const char *sql, bool autocommit,
		    int line);

/*
 * Compiles op (any kind, MIG_AUTOCOMMIT bodies included; MIG_BATCH only on
 * dialects where batch means plain ALTERs, see sql_compile_body) and appends
 * its statements to out.  -1 with ERR_INPUT (file:line:col of the op) for
 * what Alembic refuses or SQLAlchemy cannot compile.
 */
int sql_compile_op(struct arena *a, const struct sql_opts *o, const struct mig_op *op,
		   struct sql_stmts *out, struct err *e);

/* Every op of b in order (sql_compile_op); an irreversible body is refused
 * with its message. */
int sql_compile_body(struct arena *a, const struct sql_opts *o, const struct mig_body *b,
		     struct sql_stmts *out, struct err *e);

/* Whether a batch_alter_table block needs the move-and-copy rebuild on
 * dialect d (recreate="always", or "auto" on SQLite with an op SQLite cannot
 * ALTER: SQLiteImpl.requires_recreate_in_batch).  Elsewhere the block's ops
 * are plain ALTERs. */
bool sql_batch_needs_recreate(const struct sql_dialect *d, const struct mig_op *batch);
/* The refusal for a rebuild that cannot be done: offline Alembic's own
 * text (it needs copy_from=); online ours. */
const char *sql_batch_refusal(struct arena *a, const struct sql_opts *o,
			      const struct mig_op *batch);

/*
 * batch.c: the move-and-copy of batch (a MIG_BATCH op) for table old as the
 * database holds it now: CREATE TABLE _alembic_tmp_<t>, INSERT ... SELECT,
 * DROP, RENAME, CREATE INDEX (Alembic's ApplyBatchImpl), appended to out.
 * ERR_INPUT for an op the rebuild cannot apply (no such column, ...).
 */
int sql_batch_rebuild(struct arena *a, const struct sql_opts *o, const struct sch_table *old,
		      const struct mig_op *batch, struct sql_stmts *out, struct err *e);

/*
 * Appends the SQL text of expression ex (a server default, a CHECK
 * condition, an index expression) as the DDL compiler renders it for
 * dialect ("sqlite", "postgresql", ...), without a statement around it:
 * what SQLAlchemy's str(expr.compile(dialect, literal_binds)) gives, for
 * the autogenerate renderer.  A string or text() is its text verbatim.
 * Returns -1 with ERR_INPUT for an expression we cannot render without
 * Python, or an unknown dialect.
 */
int sql_expr_text(struct arena *a, const char *dialect, const struct sch_expr *ex, struct buf *out,
		  struct err *e);

#endif
