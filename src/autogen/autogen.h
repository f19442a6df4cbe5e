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

struct ag_input {
	const char *dialect;                /* "sqlite" / "postgresql" */
	const struct db_schema *db;         /* the database as it is */
	const struct db_schema *norm;       /* the model, as the database reads it back */
	struct sch_table *const *model;     /* the model as written (NULL: use norm's tables) */
	size_t n_model;                     /* their number */
	bool compare_type;                  /* types compared (default true, as Alembic >= 1.12) */
	bool compare_server_default;        /* server defaults compared (default true) */
};

/* What ag_compare found. */
struct ag_result {
	struct mig_body upgrade;   /* in Alembic's order (ref 12.4) */
	struct mig_body downgrade; /* each op's inverse, in reverse order */
	struct strvec detected;    /* one line per difference, Alembic's wording without the
				      log prefix: "Detected added table 'profile'" */
	struct strvec warnings;    /* the messages Alembic gives util.warn (a UserWarning
				      of alembic/autogenerate/compare.py), in order:
				      "Computed default on prices.doubled cannot be modified" */
	size_t *warnings_at;       /* for each warning, how many detected lines came before it
				      (Alembic's stderr interleaves them in time:
				      "<alembic>/autogenerate/compare.py:1090: UserWarning: MSG\n
				      util.warn(...)" lines between the INFO lines) */
};

/*
 * Compares in->db with in->norm.  Fills *out.  Errors (ERR_INPUT) only for
 * a model the diff cannot express (none yet); an empty difference is
 * success with no ops.
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
 *   MIG_ADD_CONSTRAINT constraint (SCH_UNIQUE or SCH_FOREIGN_KEY; its name is
 *                      constraint_name, NULL when the model gives none)
 *   MIG_DROP_CONSTRAINT constraint_name, constraint_type "unique" /
 *                      "foreignkey" (constraint: the dropped one)
 *   MIG_CREATE_TABLE_COMMENT / MIG_DROP_TABLE_COMMENT  comment, existing_comment
 * detected: every line is logger alembic.autogenerate.compare's except
 * "Detected sequence named ..." (alembic.ddl.postgresql).
 */
int ag_compare(struct arena *a, const struct ag_input *in, struct ag_result *out,
	       struct err *e);

/*
 * Appends one line per op of b, in the form tests/cases/record_autogen.py
 * writes for Alembic's ops ("alter_column t.c existing_type=VARCHAR
 * nullable=False", "drop_index ix t", ...; types as sql_type_ddl compiles
 * them for dialect), for tests and debugging.
 */
void ag_dump_ops(struct arena *a, const char *dialect, const struct mig_body *b,
		 struct buf *out);

struct ag_render_opts {
	const char *dialect;   /* the migration context's dialect (types render for it) */
	bool render_as_batch;  /* group per-table ops into op.batch_alter_table blocks */
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

/* Whether a file holding b must be rendered in batch mode for dialect to
 * run it: on SQLite, an operation its ALTER TABLE cannot do (policy.c). */
bool ag_needs_batch(const char *dialect, const struct mig_body *b);

/* On PostgreSQL, adds to both directions of r the CREATE TYPE / DROP TYPE
 * of the enum types they need or leave unused (policy.c); in's db and
 * norm give the types before and after the upgrade. */
void ag_enum_types(struct arena *a, const struct ag_input *in, struct ag_result *r);

/*
 * Appends b as the SQL of a native revision section for dialect
 * (sqltext.c): each statement compiled as an offline run prints it, with
 * the dialect's terminator, a blank line between statements; nothing for
 * no ops.  ERR_INPUT where the compiler refuses an operation (a batch
 * rebuild, which needs the table: not rendered as SQL yet).
 */
int ag_render_sql(struct arena *a, const char *dialect, const struct mig_body *b,
		  struct buf *out, struct err *e);

#endif
