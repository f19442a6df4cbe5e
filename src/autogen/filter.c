/*
 * filter.c - env.py's include_name / include_object verdicts applied to
 * both sides before the comparison (autogen.h ag_filter_tables).  The
 * verdicts come from the model helper (model_decide), which asks the
 * callables as Alembic 1.8.1's compare.py does; here they only remove
 * objects by (kind, schema, table, name).  Pure.
 */
#include "autogen/autogen.h"

#include <string.h>

#include "base/str.h"

/* Whether leave l (a model-side one only when model_side) applies to table t. */
static bool flt_hits_table(const struct ag_leave *l, const struct sch_table *t)
{
	if (!strcmp(l->kind, "schema"))
		return str_eq(l->schema, t->schema);
	return str_eq(l->schema, t->schema) && str_eq(l->table, t->name);
}

/* The part of t leave l removes, in a copy of t when one goes; t itself
 * when nothing goes. */
static struct sch_table *flt_inside(struct arena *a, const struct ag_leave *l, struct sch_table *t)
{
	struct sch_table *c = arena_alloc(a, sizeof(*c));
	size_t n = 0;

	*c = *t;
	if (!strcmp(l->kind, "column")) {
		c->columns = arena_calloc(a, t->n_columns + 1, sizeof(*c->columns));
		for (size_t i = 0; i < t->n_columns; i++)
			if (!str_eq(t->columns[i]->name, l->name))
				c->columns[n++] = t->columns[i];
		c->n_columns = n;
	} else if (!strcmp(l->kind, "index")) {
		c->indexes = arena_calloc(a, t->n_indexes + 1, sizeof(*c->indexes));
		for (size_t i = 0; i < t->n_indexes; i++)
			if (!str_eq(t->indexes[i]->name, l->name))
				c->indexes[n++] = t->indexes[i];
		c->n_indexes = n;
	} else {
		enum sch_constraint_kind k =
			!strcmp(l->kind, "unique_constraint") ? SCH_UNIQUE : SCH_FOREIGN_KEY;

		c->constraints = arena_calloc(a, t->n_constraints + 1, sizeof(*c->constraints));
		for (size_t i = 0; i < t->n_constraints; i++)
			if (t->constraints[i]->kind != k ||
			    !str_eq(t->constraints[i]->name, l->name))
				c->constraints[n++] = t->constraints[i];
		c->n_constraints = n;
	}
	return c;
}

static bool flt_whole(const struct ag_leave *l)
{
	return !strcmp(l->kind, "schema") || !strcmp(l->kind, "table");
}

void ag_filter_tables(struct arena *a, const struct ag_leave *v, size_t n, bool live,
		      struct sch_table *const *in, size_t n_in, struct sch_table ***out,
		      size_t *n_out)
{
	struct sch_table **t = arena_calloc(a, n_in + 1, sizeof(*t));
	size_t k = 0;

	for (size_t i = 0; i < n_in; i++) {
		struct sch_table *cur = in[i];

		for (size_t j = 0; j < n && cur; j++) {
			if ((!live && !v[j].model) || !flt_hits_table(&v[j], cur))
				continue;
			cur = flt_whole(&v[j]) ? NULL : flt_inside(a, &v[j], cur);
		}
		if (cur)
			t[k++] = cur;
	}
	*out = t;
	*n_out = k;
}

void ag_filter_schema(struct arena *a, const struct ag_leave *v, size_t n, bool live,
		      struct db_schema *s)
{
	struct sch_table **t;
	size_t k;

	if (!n)
		return;
	ag_filter_tables(a, v, n, live, s->tables, s->n_tables, &t, &k);
	s->tables = t;
	s->n_tables = k;
}
