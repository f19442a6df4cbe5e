/*
 * compare_dump.c - ag_dump_ops (autogen.h): a one-line-per-op text of an
 * op list, the form tests/cases/record_autogen.py writes for the ops of
 * Alembic's autogenerate, so the unit test compares op sequences field by
 * field without the renderer.
 */
#include "autogen/autogen.h"

#include <string.h>

#include "schema/type.h"

static const char *bool_py(enum sch_tristate t)
{
	return t == SCH_TRUE ? "True" : "False";
}

static void add_type(struct arena *a, const char *dialect, const char *label,
		     const struct sch_type *t, struct buf *out)
{
	struct buf b = BUF_INIT;
	struct err e;

	if (t && sql_type_ddl(a, dialect, t, &b, &e) < 0)
		buf_adds(&b, "?");
	buf_addf(out, " %s=%s", label, t ? buf_cstr(&b) : "None");
	buf_release(&b);
}

static void dump_alter(struct arena *a, const char *dialect, const struct mig_op *op,
		       struct buf *out)
{
	const struct mig_alter *al = &op->alter;

	buf_addf(out, "alter_column %s.%s", op->table, al->column);
	if (al->existing_type)
		add_type(a, dialect, "existing_type", al->existing_type, out);
	if (al->type)
		add_type(a, dialect, "type", al->type, out);
	if (al->nullable != SCH_UNSET)
		buf_addf(out, " nullable=%s", bool_py(al->nullable));
	else if (al->existing_nullable != SCH_UNSET)
		buf_addf(out, " existing_nullable=%s", bool_py(al->existing_nullable));
	if (al->server_default_given)
		buf_addf(out, " server_default=%s", al->server_default ? "set" : "None");
	else if (al->existing_server_default)
		buf_adds(out, " existing_server_default=set");
	if (al->comment_given)
		buf_addf(out, " comment=%s", al->comment ? al->comment : "None");
	if (al->existing_comment)
		buf_addf(out, " existing_comment=%s", al->existing_comment);
}

static void add_cols(struct buf *out, const struct strvec *v)
{
	buf_addch(out, '(');
	for (size_t i = 0; i < v->n; i++)
		buf_addf(out, "%s%s", i ? "," : "", v->v[i]);
	buf_addch(out, ')');
}

static void dump_constraint(const struct mig_op *op, struct buf *out)
{
	const struct sch_constraint *k = op->constraint;
	const char *name = op->constraint_name ? op->constraint_name : "None";

	if (k->kind == SCH_CHECK) {
		buf_addf(out, "add_constraint check %s %s %s", name, op->table,
			 k->sqltext && k->sqltext->s ? k->sqltext->s : "?");
		return;
	}
	if (k->kind != SCH_FOREIGN_KEY) {
		buf_addf(out, "add_constraint unique %s %s ", name, op->table);
		add_cols(out, &k->columns);
		return;
	}
	buf_addf(out, "add_constraint foreignkey %s %s ", name, op->table);
	add_cols(out, &k->columns);
	buf_addf(out, " -> %s ", k->ref_table);
	add_cols(out, &k->ref_columns);
	if (k->ondelete)
		buf_addf(out, " ondelete=%s", k->ondelete);
	if (k->onupdate)
		buf_addf(out, " onupdate=%s", k->onupdate);
}

static void dump_index(struct arena *a, const struct mig_op *op, struct buf *out)
{
	const struct sch_index *ix = op->index;

	const char *name = ix->name_final ? arena_printf(a, "op.f(%s)", ix->name) : ix->name;

	if (op->kind == MIG_DROP_INDEX) {
		buf_addf(out, "drop_index %s %s", name, op->table);
		return;
	}
	buf_addf(out, "create_index %s %s (", name, op->table);
	for (size_t i = 0; i < ix->n_elems; i++)
		buf_addf(out, "%s%s", i ? "," : "",
			 ix->elems[i].column ? ix->elems[i].column : "?");
	buf_addf(out, ") unique=%s", ix->unique ? "True" : "False");
}

static void dump_op(struct arena *a, const char *dialect, const struct mig_op *op, struct buf *out)
{
	switch (op->kind) {
	case MIG_CREATE_TABLE:
		buf_addf(out, "create_table %s cols=", op->table);
		for (size_t i = 0; i < op->create->n_columns; i++)
			buf_addf(out, "%s%s", i ? "," : "", op->create->columns[i]->name);
		break;
	case MIG_DROP_TABLE:
		buf_addf(out, "drop_table %s", op->table);
		break;
	case MIG_ADD_COLUMN:
		buf_addf(out, "add_column %s.%s", op->table, op->column->name);
		break;
	case MIG_DROP_COLUMN:
		buf_addf(out, "drop_column %s.%s", op->table, op->column_name);
		break;
	case MIG_ALTER_COLUMN:
		dump_alter(a, dialect, op, out);
		break;
	case MIG_CREATE_INDEX:
	case MIG_DROP_INDEX:
		dump_index(a, op, out);
		break;
	case MIG_ADD_CONSTRAINT:
		dump_constraint(op, out);
		break;
	case MIG_DROP_CONSTRAINT:
		buf_addf(out, "drop_constraint %s %s %s", op->constraint_type,
			 op->constraint_name ? op->constraint_name : "None", op->table);
		break;
	case MIG_CREATE_TABLE_COMMENT:
		buf_addf(out, "create_table_comment %s %s existing=%s", op->table, op->comment,
			 op->existing_comment ? op->existing_comment : "None");
		break;
	case MIG_DROP_TABLE_COMMENT:
		buf_addf(out, "drop_table_comment %s existing=%s", op->table,
			 op->existing_comment ? op->existing_comment : "None");
		break;
	default:
		buf_addf(out, "unknown %d", (int)op->kind);
		break;
	}
	buf_addch(out, '\n');
}

void ag_dump_ops(struct arena *a, const char *dialect, const struct mig_body *b, struct buf *out)
{
	for (size_t i = 0; i < b->n_ops; i++)
		dump_op(a, dialect, &b->ops[i], out);
}
