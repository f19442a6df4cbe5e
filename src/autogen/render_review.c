/*
 * render_review.c - our comments for the reviewer in a rendered direction
 * (ag_render_opts.review; issue 10): not Alembic's, and never written when
 * review is off.
 *   "# destructive: ..."  one line per operation that can lose data or fail
 *                         on the rows there are: a dropped table or column,
 *                         a narrowed (or changed-family) type, NOT NULL
 *                         added; written right after the first line (the
 *                         texts alone: ag_review_lines, for SQL sections).
 *   "# review: ..."       above the add_column / create_table of a rename
 *                         candidate (a same-shape drop + add pair that no
 *                         hint covers), saying how to keep the data.
 */
#include "autogen/render_int.h"

#include <string.h>

#include "base/str.h"
#include "schema/type.h"

static const char *qual(const struct rnd *x, const char *schema, const char *table, const char *col)
{
	const char *t = schema ? arena_printf(x->a, "%s.%s", schema, table) : table;

	return col ? arena_printf(x->a, "%s.%s", t, col) : t;
}

/* The type as the dialect's DDL spells it (else, and for an enum, whose
 * DDL is a name, as the file writes it). */
static const char *type_text(const struct rnd *x, const struct sch_type *t)
{
	struct buf b = BUF_INIT;
	struct err e;
	const char *r;

	if (t->family == SCH_T_ENUM || sql_type_ddl(x->a, x->dialect, t, &b, &e) < 0) {
		buf_reset(&b);
		sch_type_render_py(x->a, t, x->dialect, &b, NULL);
	}
	r = buf_to_arena(&b, x->a);
	buf_release(&b);
	return r;
}

/* A bound (length, precision) that grows or stays: -1 is unbounded. */
static bool bound_grows(long long from, long long to)
{
	return to < 0 || (from >= 0 && to >= from);
}

/* Every value of `from` is one of `to`. */
static bool values_kept(const struct sch_type *from, const struct sch_type *to)
{
	for (size_t i = 0; i < from->n_values; i++) {
		bool found = false;

		for (size_t k = 0; k < to->n_values && !found; k++)
			found = !strcmp(from->values[i], to->values[k]);
		if (!found)
			return false;
	}
	return true;
}

/* Whether to holds every value of from, within one family. */
static bool widens_in_family(const struct rnd *x, const struct sch_type *from,
			     const struct sch_type *to)
{
	switch (from->family) {
	case SCH_T_STRING:
	case SCH_T_BINARY:
		return bound_grows(from->length, to->length);
	case SCH_T_INTEGER:
		return sch_type_int_kind(to, x->dialect) >= sch_type_int_kind(from, x->dialect);
	case SCH_T_NUMERIC:
		return to->precision < 0 ||
		       (from->precision >= 0 && bound_grows(from->precision, to->precision) &&
			bound_grows(from->scale < 0 ? 0 : from->scale,
				    to->scale < 0 ? 0 : to->scale) &&
			to->precision - to->scale >= from->precision - from->scale);
	case SCH_T_ENUM:
		return values_kept(from, to);
	case SCH_T_OTHER:
	case SCH_T_ARRAY:
		return !strcmp(from->name, to->name);
	default:
		return true;
	}
}

/* NULL when to holds every value of from, else how it does not. */
static const char *narrowing(const struct rnd *x, const struct sch_type *from,
			     const struct sch_type *to)
{
	if (from->family == to->family)
		return widens_in_family(x, from, to) ? NULL : "narrows the type of";
	if (to->family == SCH_T_STRING && to->length < 0)
		return NULL; /* unbounded text holds any value's text */
	if ((from->family == SCH_T_INTEGER || from->family == SCH_T_BOOLEAN) &&
	    (to->family == SCH_T_NUMERIC || to->family == SCH_T_INTEGER))
		return NULL;
	return "changes the type (values may not convert) of";
}

/* The counted NULLs of op's column, NULL when not counted. */
static const struct ag_null_rows *null_rows_of(const struct rnd *x, const struct mig_op *op)
{
	for (size_t i = 0; x->o && i < x->o->n_null_rows; i++) {
		const struct ag_null_rows *r = &x->o->null_rows[i];

		if (str_eq(r->schema, op->schema) && str_eq(r->table, op->table) &&
		    str_eq(r->column, op->alter.column))
			return r;
	}
	return NULL;
}

/* "(fails if a row has NULL there)", or what the count found. */
static const char *null_note(const struct rnd *x, const struct mig_op *op)
{
	const struct ag_null_rows *r = null_rows_of(x, op);

	if (!r)
		return "(fails if a row has NULL there)";
	if (r->more)
		return arena_printf(x->a, "(more than %lld rows have NULL there)", r->rows);
	return arena_printf(x->a, "(%lld row%s NULL there)", r->rows,
			    r->rows == 1 ? " has" : "s have");
}

void ag_not_null_added(struct arena *a, const struct mig_body *b, struct ag_null_rows **v,
		       size_t *n)
{
	for (size_t i = 0; i < b->n_ops; i++) {
		const struct mig_op *op = &b->ops[i];

		if (op->kind == MIG_BATCH || op->kind == MIG_AUTOCOMMIT) {
			struct mig_body in = {.ops = op->body, .n_ops = op->n_body};

			ag_not_null_added(a, &in, v, n);
		} else if (op->kind == MIG_ALTER_COLUMN && op->alter.nullable == SCH_FALSE &&
			   op->alter.existing_nullable != SCH_FALSE) {
			*v = arena_grow(a, *v, *n, *n + 1, sizeof(**v));
			(*v)[(*n)++] = (struct ag_null_rows){op->schema, op->table,
							     op->alter.column, 0, false};
		}
	}
}

static void alter_lines(const struct rnd *x, const struct mig_op *op, struct strvec *out)
{
	const struct mig_alter *al = &op->alter;
	const char *name = qual(x, op->schema, op->table, al->new_name ? al->new_name : al->column);
	const char *how =
		al->type && al->existing_type ? narrowing(x, al->existing_type, al->type) : NULL;

	if (how)
		strvec_push(x->a, out,
			    arena_printf(x->a, "destructive: %s '%s' from %s to %s", how, name,
					 type_text(x, al->existing_type), type_text(x, al->type)));
	if (al->nullable == SCH_FALSE && al->existing_nullable != SCH_FALSE)
		strvec_push(x->a, out,
			    arena_printf(x->a, "destructive: NOT NULL added to '%s' %s", name,
					 null_note(x, op)));
}

static void op_lines(const struct rnd *x, const struct mig_op *ops, size_t n, struct strvec *out)
{
	for (size_t i = 0; i < n; i++) {
		const struct mig_op *op = &ops[i];

		if (op->kind == MIG_BATCH || op->kind == MIG_AUTOCOMMIT)
			op_lines(x, op->body, op->n_body, out);
		else if (op->kind == MIG_DROP_TABLE)
			strvec_push(x->a, out,
				    arena_printf(x->a, "destructive: drops table '%s'",
						 qual(x, op->schema, op->table, NULL)));
		else if (op->kind == MIG_DROP_COLUMN)
			strvec_push(x->a, out,
				    arena_printf(x->a, "destructive: drops column '%s'",
						 qual(x, op->schema, op->table, op->column_name)));
		else if (op->kind == MIG_ALTER_COLUMN)
			alter_lines(x, op, out);
	}
}

void ag_review_lines(struct arena *a, const struct ag_render_opts *o, const struct mig_body *b,
		     struct strvec *out)
{
	struct rnd x = {.a = a, .o = o, .dialect = o->dialect ? o->dialect : "sqlite"};

	op_lines(&x, b->ops, b->n_ops, out);
}

void rnd_review_block(const struct rnd *x, const struct mig_body *b, struct strvec *out)
{
	struct strvec v = STRVEC_INIT;

	op_lines(x, b->ops, b->n_ops, &v);
	for (size_t i = 0; i < v.n; i++)
		strvec_push(x->a, out, arena_printf(x->a, "# %s", v.v[i]));
}

/* The rename candidate op starts (its add_column / create_table), or NULL. */
static const struct ag_rename *candidate_of(const struct rnd *x, const struct mig_op *op)
{
	const struct ag_render_opts *o = x->o;

	for (size_t i = 0; o && i < o->n_candidates; i++) {
		const struct ag_rename *r = &o->candidates[i];

		if (!str_eq(r->schema, op->schema) || !str_eq(r->table, op->table))
			continue;
		if (op->kind == MIG_ADD_COLUMN && r->column && op->column &&
		    !strcmp(r->column, op->column->name))
			return r;
		if (op->kind == MIG_CREATE_TABLE && !r->column)
			return r;
	}
	return NULL;
}

const char *rnd_review_note(const struct rnd *x, const struct mig_op *op)
{
	const struct ag_rename *r = x->o && x->o->review ? candidate_of(x, op) : NULL;
	const char *hint;

	if (!r)
		return NULL;
	hint = x->o->sql_model
		       ? arena_printf(x->a, "\"-- @renamed from=%s\" to its line in", r->old)
		       : arena_printf(x->a, "info={\"renamed_from\": \"%s\"} to", r->old);
	if (r->column)
		return arena_printf(x->a,
				    "# review: '%s' added and '%s' dropped with the same type: "
				    "a rename? add %s the model to keep the data",
				    qual(x, r->schema, r->table, r->column),
				    qual(x, r->schema, r->table, r->old), hint);
	return arena_printf(x->a,
			    "# review: table '%s' added and '%s' dropped with the same "
			    "columns: a rename? add %s the model to keep the data",
			    qual(x, r->schema, r->table, NULL), qual(x, r->schema, r->old, NULL),
			    hint);
}
