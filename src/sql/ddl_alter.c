/*
 * ddl_alter.c - the generic forms the SQLite and PostgreSQL families share:
 * Alembic's DefaultImpl.alter_column sequence (alembic/ddl/base.py
 * ColumnNullable, ColumnDefault, ColumnType, ColumnComment, ColumnName),
 * RenameTable, DROP INDEX, DROP CONSTRAINT and the COMMENT ON TABLE
 * statements of SQLAlchemy's DDLCompiler.
 */
#include "sql/ddl_int.h"

#include <string.h>

/* "ALTER TABLE t ALTER COLUMN c " */
static void ddl_alter_col_head(struct ddl_ctx *x, struct buf *b, const struct mig_op *op)
{
	ddl_alter_table(x, b, op->schema, op->table);
	buf_adds(b, " ALTER COLUMN ");
	ddl_q(x, b, op->alter.column);
	buf_addch(b, ' ');
}

int ddl_alter_nullable(struct ddl_ctx *x, const struct mig_op *op, struct buf *b)
{
	if (op->alter.nullable == SCH_UNSET)
		return 0;
	ddl_alter_col_head(x, b, op);
	buf_adds(b, op->alter.nullable == SCH_TRUE ? "DROP NOT NULL" : "SET NOT NULL");
	ddl_emit(x, b);
	return 0;
}

int ddl_alter_default(struct ddl_ctx *x, const struct mig_op *op, struct buf *b)
{
	if (!op->alter.server_default_given)
		return 0;
	ddl_alter_col_head(x, b, op);
	if (!op->alter.server_default) {
		buf_adds(b, "DROP DEFAULT");
	} else {
		buf_adds(b, "SET DEFAULT ");
		if (ddl_default(x, b, op->alter.server_default) < 0)
			return -1;
	}
	ddl_emit(x, b);
	return 0;
}

/* ColumnType; using (PostgreSQL's postgresql_using) appended when given. */
int ddl_alter_type(struct ddl_ctx *x, const struct mig_op *op, const char *using, struct buf *b)
{
	if (!op->alter.type)
		return 0;
	ddl_alter_col_head(x, b, op);
	buf_adds(b, "TYPE ");
	if (ddl_type(x, b, sch_type_for_dialect(op->alter.type, x->d->name)) < 0)
		return -1;
	if (using)
		buf_addf(b, " USING %s", using);
	ddl_emit(x, b);
	return 0;
}

int ddl_alter_rename(struct ddl_ctx *x, const struct mig_op *op, struct buf *b)
{
	if (!op->alter.new_name)
		return 0;
	ddl_alter_table(x, b, op->schema, op->table);
	buf_adds(b, " RENAME ");
	ddl_q(x, b, op->alter.column);
	buf_adds(b, " TO ");
	ddl_q(x, b, op->alter.new_name);
	ddl_emit(x, b);
	return 0;
}

/* The autoincrement warning of DefaultImpl.alter_column is Python-side
 * only; it changes no SQL. */
int ddl_generic_alter_column(struct ddl_ctx *x, const struct mig_op *op)
{
	struct buf b = BUF_INIT;
	int rc = -1;

	if (ddl_alter_nullable(x, op, &b) < 0 || ddl_alter_default(x, op, &b) < 0 ||
	    ddl_alter_type(x, op, NULL, &b) < 0)
		goto out;
	if (op->alter.comment_given) {
		if (x->d->family != SQL_FAMILY_POSTGRESQL) {
			ddl_fail(x,
				 "Compiler can't render element of type ColumnComment on "
				 "dialect %s (alter_column comment=)",
				 x->d->name);
			goto out;
		}
		buf_adds(&b, "COMMENT ON COLUMN ");
		ddl_table_name(x, &b, op->schema, op->table);
		buf_addch(&b, '.');
		ddl_q(x, &b, op->alter.column);
		buf_adds(&b, " IS ");
		if (op->alter.comment)
			ddl_literal_str(x, &b, op->alter.comment);
		else
			buf_adds(&b, "NULL");
		ddl_emit(x, &b);
	}
	rc = ddl_alter_rename(x, op, &b);
out:
	buf_release(&b);
	return rc;
}

int ddl_generic_rename_table(struct ddl_ctx *x, const struct mig_op *op, struct buf *b)
{
	ddl_alter_table(x, b, op->schema, op->table);
	buf_adds(b, " RENAME TO ");
	ddl_q(x, b, op->new_name);
	return 0;
}

/* visit_drop_index: the schema of the index's table qualifies its name. */
int ddl_generic_drop_index(struct ddl_ctx *x, const struct mig_op *op, struct buf *b)
{
	const struct sch_index *ix = op->index;
	const char *schema = ix->schema ? ix->schema : op->schema;

	if (!ix->name)
		return ddl_fail(x, "DROP INDEX requires that the index have a name");
	buf_adds(b, "DROP INDEX ");
	if (op->if_exists)
		buf_adds(b, "IF EXISTS ");
	if (schema) {
		ddl_q(x, b, schema);
		buf_addch(b, '.');
	}
	ddl_q(x, b, ix->name);
	return 0;
}

int ddl_generic_drop_constraint(struct ddl_ctx *x, const struct mig_op *op, struct buf *b)
{
	if (!op->constraint_name)
		return ddl_fail(x, "Can't emit DROP CONSTRAINT for constraint; it has no name");
	ddl_alter_table(x, b, op->schema, op->table);
	buf_adds(b, " DROP CONSTRAINT ");
	ddl_q(x, b, op->constraint_name);
	return 0;
}

int ddl_generic_table_comment(struct ddl_ctx *x, const struct mig_op *op, const char *comment)
{
	struct buf b = BUF_INIT;

	buf_adds(&b, "COMMENT ON TABLE ");
	ddl_table_name(x, &b, op->schema, op->table);
	buf_adds(&b, " IS ");
	if (comment)
		ddl_literal_str(x, &b, comment);
	else
		buf_adds(&b, "NULL");
	ddl_emit(x, &b);
	buf_release(&b);
	return 0;
}
