/*
 * ddl_sqlite.c - what SQLite renders differently: SQLAlchemy 1.4's
 * SQLiteDDLCompiler (column spec with inline PRIMARY KEY AUTOINCREMENT,
 * foreign keys across schemas left out, CREATE INDEX with the schema on
 * the index name, sqlite_where, WITHOUT ROWID) and Alembic's SQLiteImpl.
 *
 * Online (ours): Alembic emits ALTER COLUMN and COMMENT ON statements that
 * SQLite rejects with a syntax error after the earlier statements ran; we
 * refuse them before anything runs, pointing at batch_alter_table.
 * Offline the text is Alembic's.
 */
#include "sql/ddl_int.h"

#include <string.h>

static bool sqlite_autoinc_table(const struct sch_table *t)
{
	return ddl_truthy(ddl_kw(&t->dialect_kw, "sqlite_autoincrement"));
}

/* PRIMARY KEY AUTOINCREMENT inline on the column (visit_primary_key_constraint
 * returns None then). */
static bool sqlite_pk_inline(struct ddl_ctx *x, const struct ddl_table *t)
{
	const struct ddl_col *c = NULL;

	(void)x;
	if (t->n_pk != 1 || !sqlite_autoinc_table(t->t))
		return false;
	for (size_t i = 0; i < t->n_cols; i++)
		if (!strcmp(t->cols[i].c->name, t->pk[0]))
			c = &t->cols[i];
	return c && c->type && c->type->family == SCH_T_INTEGER && c->c->n_fks == 0;
}

static int sqlite_column_spec(struct ddl_ctx *x, const struct ddl_table *t, const struct ddl_col *c,
			      struct buf *b)
{
	static const char *const known[] = {"on_conflict_not_null", "on_conflict_primary_key",
					    "on_conflict_unique", NULL};

	if (ddl_check_kw(x, &c->c->dialect_kw, known, "Column") < 0)
		return -1;
	ddl_q(x, b, c->c->name);
	buf_addch(b, ' ');
	if (ddl_type(x, b, c->type) < 0)
		return -1;
	if (c->c->server_default) {
		bool paren = ddl_default_is_element(c->c->server_default);

		buf_adds(b, paren ? " DEFAULT (" : " DEFAULT ");
		if (ddl_default(x, b, c->c->server_default) < 0)
			return -1;
		if (paren)
			buf_addch(b, ')');
	}
	if (!c->nullable)
		buf_adds(b, " NOT NULL");
	if (c->primary_key && c->c->autoincrement == SCH_AUTOINC_TRUE && t->n_pk != 1)
		return ddl_fail(x, "SQLite does not support autoincrement for composite primary "
				   "keys");
	if (c->primary_key && sqlite_pk_inline(x, t))
		buf_adds(b, " PRIMARY KEY AUTOINCREMENT");
	if (c->c->computed) {
		buf_addch(b, ' ');
		return ddl_computed(x, b, c->c->computed);
	}
	return 0;
}

/* visit_foreign_key_constraint: None when the schemas differ. */
static bool sqlite_fk_skipped(struct ddl_ctx *x, const struct sch_table *t,
			      const struct sch_constraint *fk)
{
	const char *a = t->schema ? t->schema : "", *b = fk->ref_schema ? fk->ref_schema : "";

	(void)x;
	return strcmp(a, b) != 0;
}

static int sqlite_post_create(struct ddl_ctx *x, const struct sch_table *t, struct buf *b)
{
	static const char *const known[] = {"autoincrement", "with_rowid", NULL};
	const struct pyv *rowid = ddl_kw(&t->dialect_kw, "sqlite_with_rowid");

	if (ddl_check_kw(x, &t->dialect_kw, known, "Table") < 0)
		return -1;
	if (rowid && rowid->kind == PYV_BOOL && !rowid->b)
		buf_adds(b, "\n WITHOUT ROWID");
	return 0;
}

static int sqlite_create_index(struct ddl_ctx *x, const struct sch_index *ix, const char *schema,
			       struct buf *b)
{
	static const char *const known[] = {"where", NULL};
	const struct pyv *where = ddl_kw(&ix->dialect_kw, "sqlite_where");

	if (ddl_check_kw(x, &ix->dialect_kw, known, "Index") < 0)
		return -1;
	ddl_index_head(x, b, ix, false);
	if (schema) {
		ddl_q(x, b, schema);
		buf_addch(b, '.');
	}
	ddl_q(x, b, ix->name);
	buf_adds(b, " ON ");
	ddl_q(x, b, ix->table);
	buf_adds(b, " (");
	if (ddl_index_exprs(x, b, ix, NULL) < 0)
		return -1;
	buf_addch(b, ')');
	if (where && where->kind != PYV_NONE) {
		buf_adds(b, " WHERE ");
		return ddl_clause(x, b, where);
	}
	return 0;
}

/* Online: ALTER COLUMN forms SQLite has not got (RENAME it has). */
static int sqlite_alter_column(struct ddl_ctx *x, const struct mig_op *op)
{
	const struct mig_alter *al = &op->alter;

	if (!x->o->as_sql && (al->nullable != SCH_UNSET || al->server_default_given || al->type ||
			      al->comment_given))
		return ddl_fail(x,
				"SQLite cannot ALTER COLUMN (alter_column of '%s.%s' changes "
				"its type, nullability, default or comment); Alembic would "
				"emit an ALTER COLUMN that SQLite rejects: use \"with "
				"op.batch_alter_table('%s') as batch_op:\" instead",
				op->table, al->column, op->table);
	return ddl_generic_alter_column(x, op);
}

static int sqlite_table_comment(struct ddl_ctx *x, const struct mig_op *op, const char *comment)
{
	if (!x->o->as_sql)
		return ddl_fail(x, "SQLite has no table comments; Alembic would emit COMMENT ON "
				   "TABLE, which SQLite rejects");
	return ddl_generic_table_comment(x, op, comment);
}

const struct ddl_family ddl_sqlite = {
	.column_spec = sqlite_column_spec,
	.pk_inline = sqlite_pk_inline,
	.fk_skipped = sqlite_fk_skipped,
	.post_create = sqlite_post_create,
	.create_index = sqlite_create_index,
	.drop_index = ddl_generic_drop_index,
	.alter_column = sqlite_alter_column,
	.drop_constraint = ddl_generic_drop_constraint,
	.rename_table = ddl_generic_rename_table,
	.table_comment = sqlite_table_comment,
	.kw_prefix = "sqlite_",
};
