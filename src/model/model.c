/*
 * model.c - model_from_script: the model helper's output (a Python module,
 * see helper.py) bound into struct sch_tables with the front end that reads
 * revision files: parse, evaluate upgrade(), bind the op.* calls; then the
 * create_table ops become the tables and each create_index op joins its
 * table.  Settings come from the module-level `name = literal` assignments.
 * Pure: no I/O.
 */
#include "model/model.h"

#include <string.h>

#include "base/str.h"
#include "py/ast.h"
#include "py/bind.h"
#include "py/py.h"

/* The table named (schema, name) among the first n of t, or NULL. */
static struct sch_table *model_find_table(struct sch_table **t, size_t n, const char *schema,
					  const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (str_eq(t[i]->schema, schema) && str_eq(t[i]->name, name))
			return t[i];
	return NULL;
}

static void model_add_index(struct arena *a, struct sch_table *t, const struct sch_index *ix)
{
	t->indexes = arena_grow(a, t->indexes, t->n_indexes, t->n_indexes + 1, sizeof(*t->indexes));
	t->indexes[t->n_indexes++] = (struct sch_index *)ix;
}

/* One bound operation: a table to keep, or an index for a table kept before. */
static int model_take_op(struct arena *a, const char *file, const struct mig_op *op,
			 struct model *out, struct err *e)
{
	struct sch_table *t;

	if (op->kind == MIG_CREATE_TABLE) {
		t = arena_alloc(a, sizeof(*t));
		*t = *op->create; /* a copy we may attach indexes to */
		out->tables = arena_grow(a, out->tables, out->n_tables, out->n_tables + 1,
					 sizeof(*out->tables));
		out->tables[out->n_tables++] = t;
		return 0;
	}
	if (op->kind == MIG_CREATE_INDEX) {
		t = model_find_table(out->tables, out->n_tables, op->index->schema,
				     op->index->table);
		if (!t)
			return err_at(e, ERR_INPUT, file, op->line,
				      "model: index %s is for table %s, which is not in the model",
				      op->index->name ? op->index->name : "(unnamed)",
				      op->index->table ? op->index->table : "(none)");
		model_add_index(a, t, op->index);
		return 0;
	}
	return err_at(e, ERR_INPUT, file, op->line,
		      "model: unexpected operation in the model helper's output");
}

static enum sch_tristate model_tristate(const struct py_expr *v)
{
	if (v->kind == PYE_TRUE)
		return SCH_TRUE;
	if (v->kind == PYE_FALSE)
		return SCH_FALSE;
	return SCH_UNSET;
}

/* A str literal's value, NULL for None or anything else. */
static const char *model_str(struct arena *a, const struct py_expr *v)
{
	if (v->kind != PYE_STR || v->bad || memchr(v->s, '\0', v->len))
		return NULL;
	return arena_strndup(a, v->s, v->len);
}

/* The module-level `name = literal` assignments the helper writes. */
static void model_settings(struct arena *a, const struct py_module *m, struct model *out)
{
	for (size_t i = 0; i < m->body.n; i++) {
		const struct py_stmt *s = m->body.v[i];
		const char *k;

		if (s->kind != PYS_ASSIGN || s->n_targets != 1 || s->targets[0]->kind != PYE_NAME)
			continue;
		k = s->targets[0]->s;
		if (!strcmp(k, "has_metadata"))
			out->has_metadata = model_tristate(s->value) == SCH_TRUE;
		else if (!strcmp(k, "has_filters"))
			out->has_filters = model_tristate(s->value) == SCH_TRUE;
		else if (!strcmp(k, "compare_type"))
			out->compare_type = model_tristate(s->value);
		else if (!strcmp(k, "compare_server_default"))
			out->compare_server_default = model_tristate(s->value);
		else if (!strcmp(k, "render_as_batch"))
			out->render_as_batch = model_tristate(s->value);
		else if (!strcmp(k, "include_schemas"))
			out->include_schemas = model_tristate(s->value);
		else if (!strcmp(k, "version_table"))
			out->version_table = model_str(a, s->value);
		else if (!strcmp(k, "version_table_schema"))
			out->version_table_schema = model_str(a, s->value);
	}
}

int model_from_script(struct arena *a, const char *text, const char *file, const char *dialect,
		      struct model *out, struct err *e)
{
	struct py_eval_ctx ctx = {.file = file, .dialect = dialect};
	struct py_module *m;
	struct py_body body;
	struct mig_body mb;

	memset(out, 0, sizeof(*out));
	if (py_parse_module(a, file, text, strlen(text), &m, e) < 0 ||
	    py_eval_function(a, m, "upgrade", &ctx, &body, e) < 0 ||
	    py_bind_body(a, file, &body, &mb, e) < 0)
		return -1;
	for (size_t i = 0; i < mb.n_ops; i++) {
		if (model_take_op(a, file, &mb.ops[i], out, e) < 0) {
			memset(out, 0, sizeof(*out));
			return -1;
		}
	}
	model_settings(a, m, out);
	return 0;
}
