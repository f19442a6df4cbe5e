/*
 * header.c - a revision's header from its syntax tree (py_module_header):
 * what Alembic's Script._from_filename reads off the imported module
 * (module.revision, down_revision, branch_labels, depends_on, __doc__),
 * taken from module-level statements without running them.
 */
#include "py/ast.h"
#include "py/py.h"

static int value_error(struct arena *a, const char *file, const struct py_expr *x,
		       const char *name, const char *what, struct err *e)
{
	bool at_op = x->kind == PYE_BINOP; /* 'a' + 'b': the '+' is what cannot be read */
	int line = at_op ? x->op_line : x->line, col = at_op ? x->op_col : x->col;

	(void)a;
	err_at(e, ERR_INPUT, file, line, "%s: %s", name, what);
	e->col = col;
	return -1;
}

static const char not_literal[] =
    "only string literals, None, and tuples or lists of strings can be read";

/* A str literal usable as a value: pushes it; else an error naming name. */
static int push_str(struct arena *a, const char *file, const struct py_expr *x, const char *name,
		    struct py_hval *out, struct err *e)
{
	if (x->kind != PYE_STR)
		return value_error(a, file, x, name, not_literal, e);
	if (x->bad) {
		err_at(e, ERR_INPUT, file, x->line, "%s", x->bad);
		e->col = x->col;
		return -1;
	}
	strvec_push(a, &out->items, x->s);
	return 0;
}

/* value := None | str | tuple/list of str */
static int hval_read(struct arena *a, const char *file, const struct py_expr *x, const char *name,
		     struct py_hval *out, struct err *e)
{
	memset(out, 0, sizeof(*out));
	out->line = x->line;
	out->col = x->col;
	if (x->kind == PYE_NONE) {
		out->kind = PY_HVAL_NONE;
		return 0;
	}
	if (x->kind == PYE_TUPLE || x->kind == PYE_LIST) {
		out->kind = PY_HVAL_SEQ;
		for (size_t k = 0; k < x->n; k++)
			if (push_str(a, file, x->v[k], name, out, e))
				return -1;
		return 0;
	}
	out->kind = PY_HVAL_STR;
	return push_str(a, file, x, name, out, e);
}

static struct py_hval *header_var(struct py_header *h, const struct py_expr *target)
{
	if (target->kind != PYE_NAME)
		return NULL;
	if (!strcmp(target->s, "revision"))
		return &h->revision;
	if (!strcmp(target->s, "down_revision"))
		return &h->down_revision;
	if (!strcmp(target->s, "branch_labels"))
		return &h->branch_labels;
	if (!strcmp(target->s, "depends_on"))
		return &h->depends_on;
	return NULL;
}

static void header_def(struct py_header *h, const struct py_stmt *s)
{
	struct py_hdef *d = !strcmp(s->s, "upgrade")	 ? &h->upgrade
			    : !strcmp(s->s, "downgrade") ? &h->downgrade
							 : NULL;

	if (!d)
		return;
	d->present = true;
	d->line = s->line;
	d->is_decorated = s->n_decos > 0;
	d->has_params = s->n_params > 0;
	d->node = s;
}

/* The module docstring: a first statement made of plain str literals only. */
static int header_doc(const char *file, const struct py_module *m, struct py_header *h,
		      struct err *e)
{
	const struct py_stmt *s = m->body.n ? m->body.v[0] : NULL;

	if (!s || s->kind != PYS_EXPR || s->value->kind != PYE_STR || s->value->is_paren)
		return 0;
	if (s->value->bad) {
		err_at(e, ERR_INPUT, file, s->value->line, "%s", s->value->bad);
		e->col = s->value->col;
		return -1;
	}
	h->doc = s->value->s;
	return 0;
}

int py_module_header(struct arena *a, const struct py_module *m, struct py_header *out,
		     struct err *e)
{
	memset(out, 0, sizeof(*out));
	if (header_doc(m->file, m, out, e))
		return -1;
	for (size_t k = 0; k < m->body.n; k++) {
		const struct py_stmt *s = m->body.v[k];
		struct py_hval *var;
		if (s->kind == PYS_DEF) {
			header_def(out, s);
		} else if (s->kind == PYS_ASSIGN) {
			for (size_t t = 0; t < s->n_targets; t++)
				if ((var = header_var(out, s->targets[t])) &&
				    hval_read(a, m->file, s->value, s->targets[t]->s, var, e))
					return -1;
		} else if (s->kind == PYS_ANNASSIGN && s->value &&
			   (var = header_var(out, s->target)) &&
			   hval_read(a, m->file, s->value, s->target->s, var, e)) {
			return -1;
		}
	}
	return 0;
}
