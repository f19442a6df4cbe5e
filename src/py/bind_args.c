/*
 * bind_args.c - Python's argument matching for the binder (bind.c): the
 * positional-or-keyword parameters of a signature filled from a call's
 * positional then keyword arguments, with CPython's TypeError texts
 * (Python/ceval.c format_missing, too_many_positional, "got an unexpected
 * keyword argument", "got multiple values for argument"); and the value
 * readers every binding uses (str, op.f(), lists of names, booleans,
 * expressions).
 */
#include "py/bind_int.h"

#include <stdarg.h>
#include <string.h>

#include "base/buf.h"

int bind_fail(struct bind_ctx *x, const struct pyv *at, const char *fmt, ...)
{
	va_list ap;
	char msg[ERR_MSG_MAX];

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	err_at(x->e, ERR_INPUT, x->file, at ? at->line : x->line, "%s", msg);
	x->e->col = at ? at->col : x->col;
	return -1;
}

/* "missing 2 required positional arguments: 'a' and 'b'" */
static int bind_missing(struct bind_ctx *x, const struct pyv *call, const struct bind_sig *sig,
			const struct bind_args *out)
{
	struct buf b = BUF_INIT;
	const char *miss[BIND_MAX_PARAMS];
	size_t n = 0;

	for (size_t i = 0; i < sig->n_required; i++)
		if (!out->v[i])
			miss[n++] = sig->params[i];
	if (!n)
		return 0;
	for (size_t i = 0; i < n; i++) {
		if (i)
			buf_adds(&b, n == 2 ? " and " : i + 1 == n ? ", and " : ", ");
		buf_addf(&b, "'%s'", miss[i]);
	}
	bind_fail(x, call, "%s() missing %zu required positional argument%s: %s", sig->name, n,
		  n == 1 ? "" : "s", b.ptr);
	buf_release(&b);
	return -1;
}

/* "takes from 2 to 3 positional arguments but 4 were given" (self counted,
 * as for Alembic's bound methods). */
static int bind_too_many(struct bind_ctx *x, const struct pyv *call, const struct bind_sig *sig)
{
	size_t lo = sig->n_required + sig->self, hi = sig->n_params + sig->self;
	size_t given = call->n + sig->self;

	if (lo == hi)
		return bind_fail(x, call, "%s() takes %zu positional argument%s but %zu %s given",
				 sig->name, hi, hi == 1 ? "" : "s", given,
				 given == 1 ? "was" : "were");
	return bind_fail(x, call,
			 "%s() takes from %zu to %zu positional arguments but %zu were "
			 "given",
			 sig->name, lo, hi, given);
}

static long bind_param_index(const struct bind_sig *sig, const char *key)
{
	for (size_t i = 0; i < sig->n_params; i++)
		if (!strcmp(sig->params[i], key))
			return (long)i;
	return -1;
}

int bind_args(struct bind_ctx *x, const struct pyv *call, const struct bind_sig *sig,
	      struct bind_args *out)
{
	size_t npos = call->n < sig->n_params ? call->n : sig->n_params;

	memset(out, 0, sizeof(*out));
	if (call->n > sig->n_params && !sig->varargs)
		return bind_too_many(x, call, sig);
	for (size_t i = 0; i < npos; i++)
		out->v[i] = call->items[i];
	if (call->n > npos) {
		out->rest = call->items + npos;
		out->n_rest = call->n - npos;
	}
	out->kw.v = arena_calloc(x->a, call->n_kw + 1, sizeof(*out->kw.v));
	for (size_t k = 0; k < call->n_kw; k++) {
		const struct pyv_kwarg *kw = &call->kw[k];
		long i = bind_param_index(sig, kw->key);

		if (i >= 0 && out->v[i])
			return bind_fail(x, call, "%s() got multiple values for argument '%s'",
					 sig->name, kw->key);
		if (i >= 0) {
			out->v[i] = kw->val;
			continue;
		}
		if (!sig->varkw)
			return bind_fail(x, call, "%s() got an unexpected keyword argument '%s'",
					 sig->name, kw->key);
		((struct pyv_kwarg *)out->kw.v)[out->kw.n++] = *kw;
	}
	return bind_missing(x, call, sig, out);
}

const struct pyv *bind_arg(const struct bind_args *a, const struct bind_sig *sig, const char *name)
{
	long i = bind_param_index(sig, name);

	return i >= 0 && a->v[i] && a->v[i]->kind != PYV_NONE ? a->v[i] : NULL;
}

const struct pyv *bind_arg_raw(const struct bind_args *a, const struct bind_sig *sig,
			       const char *name)
{
	long i = bind_param_index(sig, name);

	return i >= 0 ? a->v[i] : NULL;
}

/* ---- value readers ---- */

int bind_name(struct bind_ctx *x, const struct pyv *v, const char *what, bool allow_none,
	      const char **out, bool *final)
{
	*out = NULL;
	if (final)
		*final = false;
	if (!v || v->kind == PYV_NONE) {
		if (allow_none)
			return 0;
		return bind_fail(x, v, "%s must be a string, not None", what);
	}
	if (v->kind == PYV_CALL && !strcmp(v->name, "alembic.op.f")) {
		if (v->n != 1 || v->items[0]->kind != PYV_STR)
			return bind_fail(x, v, "op.f() takes one string");
		*out = v->items[0]->s;
		if (final)
			*final = true;
		return 0;
	}
	if (v->kind != PYV_STR)
		return bind_fail(x, v, "%s must be a string, not %s", what, pyv_describe(x->a, v));
	if (strlen(v->s) != v->len)
		return bind_fail(x, v, "%s holds a NUL byte", what);
	*out = v->s;
	return 0;
}

int bind_names(struct bind_ctx *x, const struct pyv *v, const char *what, struct strvec *out)
{
	memset(out, 0, sizeof(*out));
	if (v && v->kind == PYV_STR) {
		strvec_push(x->a, out,
			    v->s); /* a string iterates... Alembic takes it as one name */
		return 0;
	}
	if (!v || (v->kind != PYV_LIST && v->kind != PYV_TUPLE))
		return bind_fail(x, v, "%s must be a list of column names", what);
	for (size_t i = 0; i < v->n; i++) {
		const char *s;

		if (bind_name(x, v->items[i], what, false, &s, NULL) < 0)
			return -1;
		strvec_push(x->a, out, s);
	}
	return 0;
}

int bind_tristate(struct bind_ctx *x, const struct pyv *v, const char *what, enum sch_tristate *out)
{
	*out = SCH_UNSET;
	if (!v || v->kind == PYV_NONE)
		return 0;
	if (v->kind == PYV_BOOL) {
		*out = v->b ? SCH_TRUE : SCH_FALSE;
		return 0;
	}
	if (v->kind == PYV_INT) {
		*out = v->i ? SCH_TRUE : SCH_FALSE;
		return 0;
	}
	return bind_fail(x, v, "%s must be True or False, not %s", what, pyv_describe(x->a, v));
}

bool bind_is_text(const struct pyv *v)
{
	return v && v->kind == PYV_CALL &&
	       (!strcmp(v->name, "sqlalchemy.text") ||
		!strcmp(v->name, "sqlalchemy.literal_column")) &&
	       v->n == 1 && v->items[0]->kind == PYV_STR && v->n_kw == 0;
}

const struct sch_expr *bind_expr(struct bind_ctx *x, const struct pyv *v, bool str_is_text)
{
	struct sch_expr *ex = arena_calloc(x->a, 1, sizeof(*ex));

	ex->pyv = v;
	if (v->kind == PYV_STR) {
		ex->kind = str_is_text ? SCH_EXPR_TEXT : SCH_EXPR_STR;
		ex->s = v->s;
	} else if (bind_is_text(v) && !strcmp(v->name, "sqlalchemy.text")) {
		ex->kind = SCH_EXPR_TEXT;
		ex->s = v->items[0]->s;
	} else {
		ex->kind = SCH_EXPR_PYV;
	}
	return ex;
}

int bind_type(struct bind_ctx *x, const struct pyv *v, const struct sch_type **out)
{
	*out = NULL;
	if (!v || v->kind == PYV_NONE)
		return 0;
	return sch_type_from_pyv(x->a, x->file, v, out, x->e);
}

bool bind_is_call(const struct pyv *v, const char *name)
{
	return v && v->kind == PYV_CALL && !strcmp(v->name, name);
}

bool bind_truthy(const struct pyv *v)
{
	if (!v || v->kind == PYV_NONE)
		return false;
	if (v->kind == PYV_BOOL)
		return v->b;
	if (v->kind == PYV_INT)
		return v->i != 0;
	if (v->kind == PYV_STR)
		return v->len != 0;
	return true;
}
