/*
 * autogen.h - autogenerate (issue 10): compare a database schema with a
 * model and produce the operations that bring the one to the other, then
 * write them as Alembic 1.8.1 writes them.  Pure: no I/O; everything in the
 * caller's arena.
 *
 * The pipeline (the caller, src/run/autogen.c, does the I/O):
 *   1. the live database is introspected        -> struct db_schema db
 *   2. the model (Python helper output, or SQL files) is loaded into a
 *      scratch copy of the same dialect and introspected with the same
 *      code                                     -> struct db_schema norm
 *      (and the model's own tables, as written, -> model[], for rendering:
 *      types as the model spells them, op.f() names)
 *   3. ag_compare(db, norm, model)               -> upgrade + downgrade ops
 *      and Alembic's "Detected ..." lines
 *   4. ag_render_py(upgrade) / (downgrade)       -> the ${upgrades} and
 *      ${downgrades} text of script.py.mako, plus the ${imports} lines.
 *
 * Comparison is always between two introspected schemas (db and norm), so
 * types, defaults and expressions compare as the database normalises them.
 * Rendering of the model side uses model[] (matched to norm by schema and
 * name); the database side is rendered from db (reflected types:
 * sa.VARCHAR(length=100), reflected defaults: sa.text(...)).
 */
#ifndef AUTOGEN_AUTOGEN_H
#define AUTOGEN_AUTOGEN_H

#include <stdbool.h>
#include <stddef.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"
#include "base/vec.h"
#include "db/introspect.h"
#include "schema/schema.h"

/*
 * A rename (issue 10): table `table` (column NULL) or column `table.column`
 * was called `old`.  As a hint (ag_input.hints, or info={"renamed_from":
 * "old"} in model[]), it turns the drop + add of the two names into
 * op.rename_table / op.alter_column(..., new_column_name=) once; as a
 * candidate (ag_result.candidates) it is a same-shape drop + add pair
 * found without a hint, for the reviewer (and the CLI's question).
 */
struct ag_rename {
	const char *schema; /* the table's schema, NULL = default */
	const char *table;  /* the table, by its new name */
	const char *column; /* the column's new name; NULL: the table is renamed */
	const char *old;    /* the old name (of the table, or of the column) */
	const char *file;   /* where the hint is written (NULL: model[]'s info=) */
	int line;           /* its line there, 0 if unknown */
};

struct ag_input {
	const char *dialect;            /* "sqlite" / "postgresql" */
	const struct db_schema *db;     /* the database as it is */
	const struct db_schema *norm;   /* the model, as the database reads it back */
	struct sch_table *const *model; /* the model as written (NULL: use norm's tables) */
	size_t n_model;                 /* their number */
	bool compare_type;              /* types compared (default true, as Alembic >= 1.12) */
	bool compare_server_default;    /* server defaults compared (default true) */
	const struct ag_rename *hints;  /* rename hints besides model[]'s info= ones (a SQL
					       model's "-- @renamed from=old", ag_sql_hints; or
					       candidates the user confirmed) */
	size_t n_hints;                 /* their number */
	bool skip_checks;               /* CHECK constraints not compared (Alembic 1.8.1's
					       behaviour: the recorded oracle cases); off: named
					       ones compared by name and condition (as 1.19) */
};

/*
 * A verdict of env.py's include_name / include_object (the model helper's
 * --decide run, model_decide): an object left out of the comparison.
 * Database-side ones (model false) remove the database's object: a name
 * include_name rejects, or an object only the database has that
 * include_object(obj, name, type_, True, None) rejects.  Model-side ones
 * remove the model's object and its namesake in the database: a model
 * object include_object(obj, name, type_, False, compare_to) rejects, so
 * it is neither added, altered nor dropped.
 */
struct ag_leave {
	bool model;         /* the model's object (and the database's namesake) */
	const char *kind;   /* "schema", "table", "column", "index", "unique_constraint",
			       "foreign_key_constraint" (Alembic's type_ values) */
	const char *schema; /* NULL = the default schema */
	const char *table;  /* the table (NULL for a schema) */
	const char *name;   /* the column, index or constraint (NULL for a table or schema) */
};

/*
 * The tables in[0..n_in) without what the verdicts v[0..n) leave out
 * (filter.c): a table (or every table of a schema) is dropped from the
 * list, a column, index, unique constraint or foreign key from a copy of
 * its table (in[] itself is never changed).  live: the database's side
 * (every verdict applies), else the model's (model-side verdicts only).
 * *out is arena-allocated, in in's order.
 */
void ag_filter_tables(struct arena *a, const struct ag_leave *v, size_t n, bool live,
		      struct sch_table *const *in, size_t n_in, struct sch_table ***out,
		      size_t *n_out);

/* ag_filter_tables on s's tables, in place (s->tables replaced). */
void ag_filter_schema(struct arena *a, const struct ag_leave *v, size_t n, bool live,
		      struct db_schema *s);

/* What ag_compare found. */
struct ag_result {
	struct mig_body upgrade;        /* in Alembic's order (ref 12.4) */
	struct mig_body downgrade;      /* each op's inverse, in reverse order */
	struct strvec detected;         /* one line per difference, Alembic's wording without the
				      log prefix: "Detected added table 'profile'" */
	struct strvec warnings;         /* the messages Alembic gives util.warn (a UserWarning
				      of alembic/autogenerate/compare.py), in order:
				      "Computed default on prices.doubled cannot be modified" */
	size_t *warnings_at;            /* for each warning, how many detected lines came before it
				      (Alembic's stderr interleaves them in time:
				      "<alembic>/autogenerate/compare.py:1090: UserWarning: MSG\n
				      util.warn(...)" lines between the INFO lines) */
	struct ag_rename *candidates;   /* same-shape drop + add pairs no hint covers (a column
				      added and one dropped in one table with the same type;
				      a table added and one dropped with the same columns), in
				      op order: for ag_render_opts and for asking the user (a
				      confirmed one goes into ag_input.hints for another run) */
	size_t n_candidates;            /* their number */
	struct ag_null_rows *null_rows; /* run_autogen's counts for the upgrade's NOT NULL
				      additions (none offline or for a pure comparison) */
	size_t n_null_rows;             /* their number */
};

/*
 * Compares in->db with in->norm.  Fills *out.  An empty difference is
 * success with no ops.
 *
 * Renames (compare_rename.c): each hint (in->hints, then model[]'s
 * info={"renamed_from": "old"} on tables and columns) whose new name the
 * database lacks and whose old name it has becomes MIG_RENAME_TABLE (table
 * = old, new_name) or a MIG_ALTER_COLUMN with alter.new_name (and the
 * column's existing_* from the database), all before the other ops; the
 * rest of the comparison sees the database as renamed (its indexes,
 * constraints and foreign keys follow the new names, as the databases do).
 * A hint whose new name exists does nothing.  ERR_INPUT (naming the table
 * or column and where the hint is written) for a hint whose old and new
 * names are both missing, whose old name the model still has, or whose old
 * name another hint already takes.
 *
 * The ops (flat: Alembic's ModifyTableOps grouping is the table of
 * consecutive ops) and what they carry:
 *   MIG_CREATE_TABLE   create: the model's table (model[], else norm's); in
 *                      the downgrade the database's, as Alembic reflects it
 *                      (PostgreSQL: autoincrement= set, SERIAL defaults
 *                      dropped; SQLite: expression defaults parenthesised);
 *                      its indexes follow as MIG_CREATE_INDEX ops
 *   MIG_DROP_TABLE     table
 *   MIG_ADD_COLUMN     column (model's, or in the downgrade the database's)
 *   MIG_DROP_COLUMN    column_name (column: the database's)
 *   MIG_ALTER_COLUMN   alter: type/nullable/server_default/comment as changed
 *                      (server_default_given with NULL: server_default=None),
 *                      existing_* as Alembic fills them, autoincrement for
 *                      the table's autoincrement column; for an identity
 *                      column server_default / existing_server_default are
 *                      SCH_EXPR_PYV calls of sqlalchemy.Identity (keywords
 *                      in render order) rendered as sa.Identity(...)
 *   MIG_CREATE_INDEX / MIG_DROP_INDEX
 *                      index (name, name_final for op.f(), table, elems, unique)
 *   MIG_ADD_CONSTRAINT constraint (SCH_UNIQUE, SCH_FOREIGN_KEY or SCH_CHECK; its
 *                      name is constraint_name, NULL when the model gives none)
 *   MIG_DROP_CONSTRAINT constraint_name, constraint_type "unique" /
 *                      "foreignkey" / "check" (constraint: the dropped one)
 *   MIG_CREATE_TABLE_COMMENT / MIG_DROP_TABLE_COMMENT  comment, existing_comment
 * detected: every line is logger alembic.autogenerate.compare's except
 * "Detected sequence named ..." (alembic.ddl.postgresql).
 */
/* The start of the SERIAL note among ag_result.detected: a log line of
 * Alembic's PostgreSQL impl (logger alembic.ddl.postgresql), not a
 * difference. */
#define AG_SERIAL_NOTE "Detected sequence named " /* db_pg_serial_note's start */

/* Whether detected line is such a note rather than a difference. */
bool ag_detected_is_note(const char *line);

int ag_compare(struct arena *a, const struct ag_input *in, struct ag_result *out, struct err *e);

/*
 * Appends one line per op of b, in the form tests/cases/record_autogen.py
 * writes for Alembic's ops ("alter_column t.c existing_type=VARCHAR
 * nullable=False", "drop_index ix t", ...; types as sql_type_ddl compiles
 * them for dialect), for tests and debugging.
 */
void ag_dump_ops(struct arena *a, const char *dialect, const struct mig_body *b, struct buf *out);

/*
 * How many rows of the database hold NULL in a column the upgrade makes
 * NOT NULL (run_autogen counts them: one bounded query per column), for
 * the reviewer's line: "(N rows have NULL there)".
 */
struct ag_null_rows {
	const char *schema; /* the table's schema, NULL = default */
	const char *table;  /* the table, as the op names it */
	const char *column; /* the column, as the database names it (alter.column) */
	long long rows;     /* rows with NULL there (at most the bound) */
	bool more;          /* the count stopped at the bound: "more than N" */
};

/* The columns b makes NOT NULL that were nullable (MIG_ALTER_COLUMN with
 * nullable False, existing_nullable not False; batch bodies included), as
 * ag_null_rows with rows 0, appended to *v (*n, arena-grown); in op order. */
void ag_not_null_added(struct arena *a, const struct mig_body *b, struct ag_null_rows **v,
		       size_t *n);

struct ag_render_opts {
	const char *dialect;  /* the migration context's dialect (types render for it) */
	bool render_as_batch; /* group per-table ops into op.batch_alter_table blocks */
	bool review;          /* our comments for the reviewer (not Alembic's; off: the
				  text is Alembic's byte for byte): after the first line,
				  one "# destructive: ..." line per operation that can lose
				  data (a dropped table or column, a narrowed type) or fail
				  on existing rows (NOT NULL added); above the add_column /
				  create_table of each candidate, "# review: ..." */
	const struct ag_rename *candidates;   /* ag_result's, for the "# review:" lines */
	size_t n_candidates;                  /* their number */
	bool sql_model;                       /* the model is SQL files: the review line suggests
				  "-- @renamed from=old" rather than info= */
	const struct ag_null_rows *null_rows; /* counted NULLs for the NOT NULL lines (the
				  upgrade's; a column not here keeps "(fails if a row has
				  NULL there)") */
	size_t n_null_rows;                   /* their number */
};

/*
 * Appends the body of one direction as Alembic writes it into the
 * template's ${upgrades} / ${downgrades} slot: the lines from
 * "# ### commands auto generated by Alembic - please adjust! ###" to
 * "# ### end Alembic commands ###" (the first line without indent, the
 * rest with 4 spaces, as the template indents the first), "pass" between
 * them when there is nothing; no final newline (render._indent strips it).
 * Adds what the text needs to imports ("from sqlalchemy.dialects import
 * postgresql"; no duplicates).  b is the flat list autogenerate produces:
 * with render_as_batch, each run of consecutive per-table ops (everything
 * but create_table, drop_table, execute) on one (schema, table) becomes one
 * "with op.batch_alter_table(...)" block, as Alembic's ModifyTableOps; a
 * MIG_BATCH op is taken as one such group.  Never fails.
 */
void ag_render_py(struct arena *a, const struct ag_render_opts *o, const struct mig_body *b,
		  struct buf *out, struct strvec *imports);

/*
 * The texts of the "# destructive: ..." lines ag_render_opts.review writes
 * for b ("destructive: drops column 'resume.content'"; no comment mark),
 * appended to out, for a SQL section's "-- " comments.
 */
void ag_review_lines(struct arena *a, const struct ag_render_opts *o, const struct mig_body *b,
		     struct strvec *out);

/*
 * The rename hints of a SQL model file: every "-- @renamed from=old"
 * comment, on the line of the CREATE TABLE it renames (the table was
 * `old`) or on the line of a column definition inside it (the column was
 * `old`), appended to *v (*n used, *cap allocated; arena-grown).  Names
 * unquoted, folded to lower case on PostgreSQL unless quoted; text[0..len)
 * is the file's whole text, file names it in messages.  ERR_INPUT at
 * file:line for a hint on any other line or without a name.
 */
int ag_sql_hints(struct arena *a, const char *dialect, const char *file, const char *text,
		 size_t len, struct ag_rename **v, size_t *n, size_t *cap, struct err *e);

/*
 * The schema a PostgreSQL SQL-model statement sql (one statement, as the
 * splitter gives it) creates its object in: for CREATE ... the first
 * schema-qualified name before the object's "(" or AS (CREATE TABLE
 * sales.orders, CREATE TYPE sales.status AS ENUM, CREATE INDEX ix ON
 * sales.orders, CREATE VIEW sales.v AS ...), its first part; for CREATE
 * SCHEMA [IF NOT EXISTS] s, s with *creates set.  NULL for any other
 * statement or an unqualified name.  Names unquoted, folded to lower case
 * unless quoted.  Only names where the object goes are looked at: nothing
 * here reads the DDL's meaning (the database does, run_autogen).  Pure.
 */
const char *ag_sql_stmt_schema(struct arena *a, const char *sql, bool *creates);

/* Whether statement sql is SET [SESSION | LOCAL] search_path ... (which
 * would move a SQL model out of the copy autogenerate creates it in).  Pure. */
bool ag_sql_stmt_sets_search_path(struct arena *a, const char *sql);

/* Whether statement sql qualifies a name with schema (schema.x, "schema".x;
 * unquoted words folded to lower case) outside strings, comments and
 * dollar-quoted bodies.  Pure. */
bool ag_sql_stmt_qualifies(struct arena *a, const char *sql, const char *schema);

/* Whether a file holding b must be rendered in batch mode for dialect to
 * run it: on SQLite, an operation its ALTER TABLE cannot do (policy.c). */
bool ag_needs_batch(const char *dialect, const struct mig_body *b);

/* On PostgreSQL, adds to both directions of r the CREATE TYPE / DROP TYPE
 * of the enum types they need or leave unused, and the value changes of
 * the types both sides have (ALTER TYPE ... ADD VALUE in a MIG_AUTOCOMMIT
 * block first; a rebuild at the end when a value goes or moves), with one
 * "Detected changed enum 'x': values [...] to [...]" line appended to
 * r->detected per changed type (policy.c); in's db and norm give the
 * types before and after the upgrade. */
void ag_enum_types(struct arena *a, const struct ag_input *in, struct ag_result *r);

/*
 * Appends b as the SQL of a native revision section for dialect
 * (sqltext.c): each statement compiled as an offline run prints it, with
 * the dialect's terminator, a blank line between statements; nothing for
 * no ops.  ERR_INPUT where the compiler refuses an operation (a batch
 * rebuild, which needs the table: not rendered as SQL yet).
 */
int ag_render_sql(struct arena *a, const char *dialect, const struct mig_body *b, struct buf *out,
		  struct err *e);

#endif
