/*
 * header.c - a revision's header from its syntax tree (py_module_header):
 * what Alembic's Script._from_filename reads off the imported module
 * (module.revision, down_revision, branch_labels, depends_on, __doc__),
 * taken from module-level statements without running them.
 */
#include "py/ast.h"
#include "py/py.h"

static int value_error(struct arena *a, const char *file, const struct py_expr *x, const char *name,
		       const char *what, struct err *e)
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

/* The module-level imports (level 0): the name each binds and what it stands for. */
struct hdr_imports {
	const struct py_stmt **stmt; /* the import statement */
	const char **bind;           /* the bound name */
	const char **full;           /* the dotted name it stands for */
	size_t n;
};

static void imports_read(struct arena *a, const struct py_module *m, struct hdr_imports *im)
{
	size_t cap = 0;

	memset(im, 0, sizeof(*im));
	for (size_t k = 0; k < m->body.n; k++)
		if (m->body.v[k]->kind == PYS_IMPORT || m->body.v[k]->kind == PYS_FROM)
			cap += m->body.v[k]->n_names;
	if (!cap)
		return;
	im->stmt = arena_alloc(a, cap * sizeof(*im->stmt));
	im->bind = arena_alloc(a, cap * sizeof(*im->bind));
	im->full = arena_alloc(a, cap * sizeof(*im->full));
	for (size_t k = 0; k < m->body.n; k++) {
		const struct py_stmt *s = m->body.v[k];
		if ((s->kind != PYS_IMPORT && s->kind != PYS_FROM) || s->level)
			continue;
		for (size_t j = 0; j < s->n_names; j++, im->n++) {
			im->stmt[im->n] = s;
			py_alias_binding(a, s, &s->names[j], &im->bind[im->n], &im->full[im->n]);
		}
	}
}

/* The dotted name a NAME or NAME.attr expression stands for through an import (the
 * last binding wins), and the import's line; NULL if it is not an imported name. */
static const char *imported_name(struct arena *a, const struct hdr_imports *im,
				 const struct py_expr *x, int *line)
{
	const struct py_expr *base = x->kind == PYE_ATTR ? x->a : x;

	if (base->kind != PYE_NAME || (x->kind != PYE_ATTR && x->kind != PYE_NAME))
		return NULL;
	for (size_t k = im->n; k-- > 0;)
		if (!strcmp(im->bind[k], base->s)) {
			*line = im->stmt[k]->line;
			return x == base ? im->full[k]
					 : arena_printf(a, "%s.%s", im->full[k], x->s);
		}
	return NULL;
}

/* A name imported from a third-party module whose value is a fixed str: pushes the
 * value; any other imported name is an error naming the module it comes from. */
static int push_imported(struct arena *a, const char *file, const struct hdr_imports *im,
			 const struct py_expr *x, const char *name, struct py_hval *out,
			 struct err *e)
{
	int line = 0;
	const char *dotted = imported_name(a, im, x, &line), *v, *dot;

	if (!dotted)
		return value_error(a, file, x, name, not_literal, e);
	if ((v = py_known_str_const(dotted))) {
		strvec_push(a, &out->items, v);
		return 0;
	}
	dot = strrchr(dotted, '.');
	return value_error(
		a, file, x, name,
		arena_printf(a,
			     "'%s' comes from the module '%.*s' (imported at line %d), whose "
			     "values cannot be known without Python; write the value "
			     "as a string literal",
			     dotted, dot ? (int)(dot - dotted) : (int)strlen(dotted), dotted, line),
		e);
}

/* A str literal usable as a value: pushes it; else an error naming name. */
static int push_str(struct arena *a, const char *file, const struct hdr_imports *im,
		    const struct py_expr *x, const char *name, struct py_hval *out, struct err *e)
{
	if (x->kind == PYE_ATTR || x->kind == PYE_NAME)
		return push_imported(a, file, im, x, name, out, e);
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
static int hval_read(struct arena *a, const char *file, const struct hdr_imports *im,
		     const struct py_expr *x, const char *name, struct py_hval *out, struct err *e)
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
			if (push_str(a, file, im, x->v[k], name, out, e))
				return -1;
		return 0;
	}
	out->kind = PY_HVAL_STR;
	return push_str(a, file, im, x, name, out, e);
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
	struct py_hdef *d = !strcmp(s->s, "upgrade")     ? &h->upgrade
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
	struct hdr_imports im;

	memset(out, 0, sizeof(*out));
	if (header_doc(m->file, m, out, e))
		return -1;
	imports_read(a, m, &im);
	for (size_t k = 0; k < m->body.n; k++) {
		const struct py_stmt *s = m->body.v[k];
		struct py_hval *var;
		if (s->kind == PYS_DEF) {
			header_def(out, s);
		} else if (s->kind == PYS_ASSIGN) {
			for (size_t t = 0; t < s->n_targets; t++)
				if ((var = header_var(out, s->targets[t])) &&
				    hval_read(a, m->file, &im, s->value, s->targets[t]->s, var, e))
					return -1;
		} else if (s->kind == PYS_ANNASSIGN && s->value &&
			   (var = header_var(out, s->target)) &&
			   hval_read(a, m->file, &im, s->value, s->target->s, var, e)) {
			return -1;
		}
	}
	return 0;
}
