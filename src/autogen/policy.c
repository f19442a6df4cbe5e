/*
 * policy.c - decisions autogenerate takes about the whole file, beyond
 * what Alembic does (each **differs**, see docs/DESIGN.md):
 *   ag_needs_batch  on SQLite, a file with an operation SQLite cannot run as
 *                   ALTER TABLE is rendered in batch mode as a whole
 *                   (Alembic's render_as_batch=True), so that the migration
 *                   runs there (Alembic 1.8.1 writes op.alter_column, which
 *                   fails half-way on SQLite, ref 12.7).
 * Pure.
 */
#include "autogen/autogen.h"

/* Operations SQLite's ALTER TABLE cannot do (Alembic's SQLiteImpl refuses
 * or emits what SQLite rejects), DROP COLUMN included: SQLite refuses it
 * for a column in an index, a key or a constraint. */
static bool needs_batch(const struct mig_op *op)
{
	switch (op->kind) {
	case MIG_ALTER_COLUMN:
	case MIG_DROP_COLUMN:
	case MIG_ADD_CONSTRAINT:
	case MIG_DROP_CONSTRAINT:
		return true;
	default:
		return false;
	}
}

bool ag_needs_batch(const char *dialect, const struct mig_body *b)
{
	if (!dialect || strcmp(dialect, "sqlite"))
		return false;
	for (size_t i = 0; i < b->n_ops; i++)
		if (needs_batch(&b->ops[i]))
			return true;
	return false;
}
