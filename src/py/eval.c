/*
 * eval.c - the evaluator of the Python subset (py_eval_function): module
 * statements, then one function's body, over values of value.h.  Known
 * names (op.*, sa.*, ...) are resolved by the one table in known.c;
 * operations on literals are in lit.c.  Nothing is run: calls of known
 * names become PYV_CALL values, and op.* calls in the function become the
 * struct py_op list.  Anything outside the subset is an error naming the
 * construct, before anything runs (the caller compiles every body first).
 */
#include "py/eval_int.h"

#include <stdio.h>

#include "base/buf.h"
#include "base/str.h"

void *ev_fail(struct ev *ev, int line, int col, const char *fmt, ...)
{
	va_list ap;
	char msg[ERR_MSG_MAX];

	if (ev->e->code)
		return NULL; /* the first error is the one reported */
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	err_at(ev->e, ERR_INPUT, ev->file, line, "%s", msg);
	ev->e->col = col;
	return NULL;
}

void *ev_fail_at(struct ev *ev, const struct py_expr *x, const char *fmt, ...)
{
	va_list ap;
	char msg[ERR_MSG_MAX];

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return ev_fail(ev, x ? x->line : 0, x ? x->col : 0, "%s", msg);
}

struct pyv *ev_new(struct ev *ev, enum pyv_kind k, const struct py_expr *x)
{
	struct pyv *v = arena_calloc(ev->a, 1, sizeof(*v));

	v->kind = k;
	v->line = x ? x->line : 0;
	v->col = x ? x->col : 0;
	return v;
}

struct pyv *ev_str(struct ev *ev, const char *s, size_t n, const struct py_expr *x)
{
	struct pyv *v = ev_new(ev, PYV_STR, x);

	v->s = arena_strndup(ev->a, s, n);
	v->len = n;
	return v;
}

struct pyv *ev_int(struct ev *ev, long long i, const struct py_expr *x)
{
	struct pyv *v = ev_new(ev, PYV_INT, x);

	v->i = i;
	v->text = arena_printf(ev->a, "%lld", i);
	return v;
}

struct pyv *ev_bool(struct ev *ev, bool b, const struct py_expr *x)
{
	struct pyv *v = ev_new(ev, PYV_BOOL, x);

	v->b = b;
	return v;
}

struct pyv *ev_ref(struct ev *ev, const char *name, const struct py_expr *x)
{
	struct pyv *v = ev_new(ev, PYV_REF, x);

	v->name = name;
	return v;
}

struct pyv *ev_opaque(struct ev *ev, const char *why, int line, int col)
{
	struct pyv *v = ev_new(ev, PYV_OPAQUE, NULL);

	v->s = why;
	v->len = strlen(why);
	v->line = line;
	v->col = col;
	return v;
}

void *ev_fail_opaque(struct ev *ev, const struct pyv *v, const struct py_expr *x)
{
	if (v->line)
		return ev_fail(ev, v->line, v->col, "%s", v->s);
	return ev_fail_at(ev, x, "%s", v->s);
}

void ev_vpush(struct ev *ev, const struct pyv ***v, size_t *n, const struct pyv *x)
{
	/* capacity is implied by n: 4, 8, 16, ... so pushes stay linear */
	if (*n == 0 || (*n >= 4 && (*n & (*n - 1)) == 0))
		*v = arena_grow(ev->a, *v, *n, *n ? *n * 2 : 4, sizeof(**v));
	(*v)[(*n)++] = x;
}

/* ---- scopes ---- */

static struct ev_scope *scope_new(struct ev *ev, struct ev_scope *parent)
{
	struct ev_scope *sc = arena_calloc(ev->a, 1, sizeof(*sc));

	sc->parent = parent;
	return sc;
}

struct ev_scope *ev_cur_scope(struct ev *ev)
{
	return ev->scope ? ev->scope : ev->module;
}

static bool is_global(const struct ev_scope *sc, const char *name)
{
	for (size_t k = 0; k < sc->n_gnames; k++)
		if (!strcmp(sc->gnames[k], name))
			return true;
	return false;
}

void ev_bind(struct ev *ev, struct ev_scope *sc, const char *name, const struct pyv *v)
{
	if (sc != ev->module && is_global(sc, name))
		sc = ev->module;
	for (size_t k = 0; k < sc->n; k++)
		if (!strcmp(sc->v[k].name, name)) {
			sc->v[k].val = v;
			return;
		}
	if (sc->n == sc->cap) {
		size_t cap = sc->cap ? sc->cap * 2 : 8;
		sc->v = arena_grow(ev->a, sc->v, sc->n, cap, sizeof(*sc->v));
		sc->cap = cap;
	}
	sc->v[sc->n].name = name;
	sc->v[sc->n].val = v;
	sc->n++;
}

static const struct pyv *lookup(struct ev *ev, const char *name)
{
	for (struct ev_scope *sc = ev_cur_scope(ev); sc; sc = sc->parent)
		for (size_t k = 0; k < sc->n; k++)
			if (!strcmp(sc->v[k].name, name))
				return sc->v[k].val;
	return NULL;
}

static void unbind(struct ev *ev, const char *name)
{
	struct ev_scope *sc = ev_cur_scope(ev);

	for (size_t k = 0; k < sc->n; k++)
		if (!strcmp(sc->v[k].name, name)) {
			sc->v[k] = sc->v[--sc->n];
			return;
		}
}

/* ---- operations ---- */

int ev_push_op(struct ev *ev, const struct py_expr *at, const struct pyv *call,
	       const struct py_op *body, size_t n_body)
{
	struct ev_oplist *l = ev->ops;
	const struct pyv *set;
	struct py_op *op;

	if (!l) {
		const char *n = call->name;
		const char *dot = strrchr(n, '.');
		ev_fail_at(ev, at,
			   "Can't invoke function '%s', as the proxy object has not yet been "
			   "established for the Alembic 'Operations' class.  Try placing this code "
			   "inside a callable.",
			   dot ? dot + 1 : n);
		return -1;
	}
	if ((set = lit_find_set(call, 0))) {
		if (set->line)
			ev_fail(ev, set->line, set->col,
				"a set given to an operation cannot be "
				"evaluated without Python (its order is "
				"Python's hash order)");
		else
			ev_fail_at(ev, at,
				   "a set given to an operation cannot be evaluated without "
				   "Python (its order is Python's hash order)");
		return -1;
	}
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 8;
		l->v = arena_grow(ev->a, l->v, l->n, cap, sizeof(*l->v));
		l->cap = cap;
	}
	op = &l->v[l->n++];
	op->call = call;
	op->body = body;
	op->n_body = n_body;
	op->line = at->line;
	op->col = at->col;
	return 0;
}

/* ---- expressions ---- */

static const struct pyv *ev_seq(struct ev *ev, const struct py_expr *x, enum pyv_kind kind)
{
	const struct pyv **items = NULL;
	size_t n = 0;

	for (size_t k = 0; k < x->n; k++) {
		const struct pyv *v;
		if (x->v[k]->kind == PYE_STARRED) {
			const struct pyv *inner = ev_expr(ev, x->v[k]->a);
			const struct pyv *const *it;
			size_t m;
			if (!inner || !(it = lit_iter(ev, x->v[k]->a, inner, &m)))
				return NULL;
			for (size_t j = 0; j < m; j++)
				ev_vpush(ev, &items, &n, it[j]);
			continue;
		}
		if (!(v = ev_expr(ev, x->v[k])))
			return NULL;
		ev_vpush(ev, &items, &n, v);
	}
	return lit_seq(ev, kind, items, n, x);
}

static const struct pyv *ev_dict(struct ev *ev, const struct py_expr *x)
{
	struct pyv *d = ev_new(ev, PYV_DICT, x);
	const struct pyv **keys = arena_calloc(ev->a, x->n + 1, sizeof(*keys));
	const struct pyv **vals = arena_calloc(ev->a, x->n + 1, sizeof(*vals));

	for (size_t k = 0; k < x->n; k++) {
		const struct pyv *key, *val;
		size_t j;
		if (!x->v[k])
			return ev_fail_at(ev, x->w[k],
					  "a dict display with **spread is not supported");
		if (!(key = ev_expr(ev, x->v[k])) || !(val = ev_expr(ev, x->w[k])))
			return NULL;
		for (j = 0; j < d->n && !(lit_is_literal(key) && lit_equal(keys[j], key)); j++)
			;
		keys[j] = key;
		vals[j] = val;
		if (j == d->n)
			d->n++;
	}
	d->keys = keys;
	d->items = vals;
	return d;
}

static int ev_assign(struct ev *ev, const struct py_expr *target, const struct pyv *v);

/* One level of a comprehension: for gens[g] ... then the element. */
static int ev_comp_level(struct ev *ev, const struct py_expr *x, size_t g, const struct pyv ***out,
			 size_t *n)
{
	const struct py_comp *c = &x->gens[g];
	const struct pyv *it = ev_expr(ev, c->iter);
	const struct pyv *const *items;
	size_t m;

	if (!it || !(items = lit_iter(ev, c->iter, it, &m)))
		return -1;
	for (size_t k = 0; k < m; k++) {
		bool keep = true;
		if (++ev->loops > EV_LOOP_MAX)
			return ev_fail_at(ev, x, "too many loop iterations"), -1;
		if (ev_assign(ev, c->target, items[k]))
			return -1;
		for (size_t f = 0; f < c->n_ifs && keep; f++) {
			const struct pyv *cond = ev_expr(ev, c->ifs[f]);
			int t = cond ? lit_truth(ev, cond, c->ifs[f]) : -1;
			if (t < 0)
				return -1;
			keep = t;
		}
		if (!keep)
			continue;
		if (g + 1 < x->n_gens) {
			if (ev_comp_level(ev, x, g + 1, out, n))
				return -1;
			continue;
		}
		const struct pyv *v = ev_expr(ev, x->a);
		if (!v)
			return -1;
		ev_vpush(ev, out, n, v);
		if (x->kind == PYE_DICTCOMP) {
			if (!(v = ev_expr(ev, x->b)))
				return -1;
			ev_vpush(ev, out, n, v);
		}
	}
	return 0;
}

/* A comprehension over literal iterables (its names leak into the scope,
 * which only matters for code that Python would reject anyway). */
static const struct pyv *ev_comp(struct ev *ev, const struct py_expr *x)
{
	const struct pyv **items = NULL;
	size_t n = 0;
	struct pyv *d;

	if (ev_comp_level(ev, x, 0, &items, &n))
		return NULL;
	if (x->kind == PYE_SETCOMP)
		return lit_set(ev, x, items, n);
	if (x->kind != PYE_DICTCOMP)
		return lit_seq(ev, x->kind == PYE_GENEXP ? PYV_TUPLE : PYV_LIST, items, n, x);
	d = ev_new(ev, PYV_DICT, x);
	d->keys = arena_calloc(ev->a, n / 2 + 1, sizeof(*d->keys));
	d->items = arena_calloc(ev->a, n / 2 + 1, sizeof(*d->items));
	for (size_t k = 0; k + 1 < n; k += 2) {
		size_t j;
		for (j = 0; j < d->n && !lit_equal(d->keys[j], items[k]); j++)
			;
		d->keys[j] = items[k];
		d->items[j] = items[k + 1];
		if (j == d->n)
			d->n++;
	}
	return d;
}

static const struct pyv *ev_fstring(struct ev *ev, const struct py_expr *x)
{
	struct buf b = BUF_INIT;
	const struct pyv *r = NULL;

	for (size_t k = 0; k < x->n; k++) {
		const struct py_expr *part = x->v[k];
		const struct pyv *v;
		if (part->kind == PYE_STR) {
			buf_add(&b, part->s, part->len);
			continue;
		}
		if (part->b && part->b->n)
			goto spec;
		if (!(v = ev_expr(ev, part->a)))
			goto out;
		if (part->conv == 'r' && lit_is_literal(v)) {
			buf_adds(&b, pyv_describe(ev->a, v));
			continue;
		}
		if (lit_str(ev, part->a, v, &b))
			goto out;
	}
	r = ev_str(ev, b.ptr ? b.ptr : "", b.len, x);
	goto out;
spec:
	ev_fail_at(ev, x,
		   "an f-string with a format specification cannot be evaluated without "
		   "Python");
out:
	buf_release(&b);
	return r;
}

static const struct pyv *ev_name(struct ev *ev, const struct py_expr *x)
{
	const struct pyv *v = lookup(ev, x->s);

	if (!v)
		v = known_builtin(ev, x->s, x);
	if (!v)
		return ev_fail_at(ev, x, "name '%s' is not defined", x->s);
	if (v->kind == PYV_OPAQUE)
		return ev_fail_opaque(ev, v, x);
	return v;
}

static const struct pyv *ev_attr(struct ev *ev, const struct py_expr *x)
{
	const struct pyv *recv = ev_expr(ev, x->a);
	struct pyv *v;

	if (!recv)
		return NULL;
	if (recv->kind == PYV_REF)
		return known_attr(ev, x, recv, x->s);
	if (known_is_sql(recv)) {
		const struct pyv *col = insp_column_attr(ev, x, recv, x->s);
		if (col || ev->e->code)
			return col;
		v = ev_new(ev, PYV_ATTR, x);
		v->receiver = recv;
		v->name = x->s;
		return v;
	}
	return ev_fail_at(ev, x, "the attribute '%s' of %s cannot be evaluated without Python",
			  x->s, pyv_describe(ev->a, recv));
}

/* Evaluates the arguments of call x into *out. */
static int ev_args(struct ev *ev, const struct py_expr *x, struct ev_args *out)
{
	memset(out, 0, sizeof(*out));
	for (size_t k = 0; k < x->n; k++) {
		const struct py_expr *a = x->v[k];
		const struct pyv *v;
		if (a->kind == PYE_STARRED) {
			const struct pyv *const *it;
			size_t m;
			if (!(v = ev_expr(ev, a->a)) || !(it = lit_iter(ev, a->a, v, &m)))
				return -1;
			for (size_t j = 0; j < m; j++)
				ev_vpush(ev, &out->pos, &out->n_pos, it[j]);
			continue;
		}
		if (!(v = ev_expr(ev, a)))
			return -1;
		ev_vpush(ev, &out->pos, &out->n_pos, v);
	}
	for (size_t k = 0; k < x->n_kw; k++) {
		const struct py_keyword *kw = &x->kw[k];
		const struct pyv *v = ev_expr(ev, kw->value);
		if (!v)
			return -1;
		if (!kw->key) {
			if (v->kind != PYV_DICT)
				return ev_fail_at(ev, kw->value, "**%s is not a dict",
						  pyv_describe(ev->a, v)),
				       -1;
			for (size_t j = 0; j < v->n; j++) {
				if (v->keys[j]->kind != PYV_STR)
					return ev_fail_at(ev, kw->value,
							  "keywords must be strings"),
					       -1;
				out->kw = arena_grow(ev->a, out->kw, out->n_kw, out->n_kw + 1,
						     sizeof(*out->kw));
				out->kw[out->n_kw].key = v->keys[j]->s;
				out->kw[out->n_kw++].val = v->items[j];
			}
			continue;
		}
		for (size_t j = 0; j < out->n_kw; j++)
			if (!strcmp(out->kw[j].key, kw->key))
				return ev_fail(ev, kw->line, kw->col,
					       "keyword argument repeated: %s", kw->key),
				       -1;
		out->kw = arena_grow(ev->a, out->kw, out->n_kw, out->n_kw + 1, sizeof(*out->kw));
		out->kw[out->n_kw].key = kw->key;
		out->kw[out->n_kw++].val = v;
	}
	return 0;
}

/* An Enum type's own recv.create(bind) / recv.drop(bind): an operation
 * (bind.c "alembic.enum.create"); NULL without an error for anything else. */
static const struct pyv *ev_enum_own(struct ev *ev, const struct py_expr *x, const struct pyv *recv,
				     const char *name, const struct ev_args *args)
{
	struct pyv *v;

	if (recv->kind != PYV_CALL || recv->receiver || !recv->name ||
	    !(str_endswith(recv->name, ".Enum") || str_endswith(recv->name, ".ENUM")) ||
	    (strcmp(name, "create") && strcmp(name, "drop")))
		return NULL;
	v = ev_new(ev, PYV_CALL, x);
	v->name = arena_printf(ev->a, "alembic.enum.%s", name);
	v->receiver = recv;
	v->items = args->pos;
	v->n = args->n_pos;
	v->kw = args->kw;
	v->n_kw = args->n_kw;
	return ev_push_op(ev, x, v, NULL, 0) ? NULL : v;
}

/* The connection t.create(...) runs through: its bind argument, else its
 * sa.MetaData(bind=...)'s; NULL with an error unless it is op.get_bind(). */
static const struct pyv *table_create_bind(struct ev *ev, const struct py_expr *x,
					   const struct pyv *t, const struct ev_args *args)
{
	const struct pyv *meta = t->n > 1 ? t->items[1] : NULL, *bind = NULL, *first = NULL;

	if (args->n_pos > 2)
		return ev_fail_at(ev, x, "TypeError: Table.create() takes at most 2 arguments");
	for (size_t k = 0; k < args->n_kw; k++) {
		const char *key = args->kw[k].key ? args->kw[k].key : "";
		if (!strcmp(key, "bind"))
			bind = args->kw[k].val;
		else if (!strcmp(key, "checkfirst"))
			first = args->kw[k].val;
		else
			return ev_fail_at(ev, x,
					  "TypeError: Table.create() got an unexpected "
					  "keyword argument '%s'",
					  key);
	}
	bind = args->n_pos ? args->pos[0] : bind;
	first = args->n_pos > 1 ? args->pos[1] : first;
	if (first && lit_truth(ev, first, x) != 0)
		return ev->e->code ? NULL
				   : ev_fail_at(ev, x,
						"Table.create(checkfirst=True) asks the database "
						"whether the table exists; it cannot run without "
						"Python");
	if ((!bind || bind->kind == PYV_NONE) && meta && meta->kind == PYV_CALL && meta->name &&
	    !strcmp(meta->name, "sqlalchemy.MetaData"))
		bind = pyv_kwarg(meta, "bind");
	if (!bind || bind->kind == PYV_NONE)
		return ev_fail_at(
			ev, x,
			"sqlalchemy.exc.UnboundExecutionError: Table object '%s' is "
			"not bound to an Engine or Connection.  Execution can not proceed "
			"without a database to execute against.",
			t->items[0]->kind == PYV_STR ? t->items[0]->s : "?");
	if (bind->kind != PYV_REF || strcmp(bind->name, "alembic.bind"))
		return NULL;
	return bind;
}

/* t.create() of a sa.Table(name, sa.MetaData(), ...) bound to op.get_bind()
 * (argument or MetaData(bind=...)): the DDL SQLAlchemy runs through that
 * connection is op.create_table(name, ...)'s, so it is that operation.
 * NULL without an error for anything else. */
static const struct pyv *ev_table_create(struct ev *ev, const struct py_expr *x,
					 const struct pyv *t, const char *name,
					 const struct ev_args *args)
{
	const struct pyv *meta, *bind;
	struct pyv *v;

	if (strcmp(name, "create") || t->kind != PYV_CALL || t->receiver || !t->name ||
	    strcmp(t->name, "sqlalchemy.Table") || t->n < 2)
		return NULL;
	meta = t->items[1];
	if (meta->kind != PYV_CALL || meta->receiver || strcmp(meta->name, "sqlalchemy.MetaData") ||
	    meta->n || meta->n_kw > (pyv_kwarg(meta, "bind") ? 1u : 0u))
		return NULL; /* a naming convention or schema of its own: not create_table's */
	if (!(bind = table_create_bind(ev, x, t, args)))
		return NULL;
	v = ev_new(ev, PYV_CALL, x);
	v->name = "alembic.op.create_table";
	v->items = arena_alloc(ev->a, (t->n - 1) * sizeof(*v->items));
	v->items[0] = t->items[0];
	for (size_t k = 2; k < t->n; k++)
		v->items[k - 1] = t->items[k];
	v->n = t->n - 1;
	v->kw = t->kw;
	v->n_kw = t->n_kw;
	return ev_push_op(ev, x, v, NULL, 0) ? NULL : ev_new(ev, PYV_NONE, x);
}

/* A method call recv.name(args) where recv is a value (not a known name). */
static const struct pyv *ev_method(struct ev *ev, const struct py_expr *x, const struct pyv *recv,
				   const char *name, const struct ev_args *args)
{
	const struct pyv *keys;
	struct pyv *v;

	if (!known_is_sql(recv))
		return lit_method(ev, x, recv, name, args);
	if ((keys = ev_enum_own(ev, x, recv, name, args)) || ev->e->code)
		return keys;
	if ((keys = ev_table_create(ev, x, recv, name, args)) || ev->e->code)
		return keys;
	if ((keys = insp_columns_method(ev, x, recv, name, args)) || ev->e->code)
		return keys;
	v = ev_new(ev, PYV_CALL, x);
	v->name = name;
	v->receiver = recv;
	v->items = args->pos;
	v->n = args->n_pos;
	v->kw = args->kw;
	v->n_kw = args->n_kw;
	return v;
}

/* list.append / list.extend on a name: values are immutable, so the name is rebound. */
static const struct pyv *ev_list_mutation(struct ev *ev, const struct py_expr *x,
					  const struct pyv *recv, const struct ev_args *args)
{
	const struct py_expr *target = x->a->a;
	bool extend = !strcmp(x->a->s, "extend");
	const struct pyv **items;
	const struct pyv *const *more = args->pos;
	size_t n_more = 1;

	if (args->n_pos != 1 || args->n_kw)
		return ev_fail_at(ev, x, "list.%s() takes exactly one argument", x->a->s);
	if (target->kind != PYE_NAME)
		return ev_fail_at(ev, x,
				  "list.%s() on anything but a name cannot be evaluated "
				  "without Python",
				  x->a->s);
	if (extend && !(more = lit_iter(ev, x->v[0], args->pos[0], &n_more)))
		return NULL;
	items = arena_alloc(ev->a, (recv->n + n_more + 1) * sizeof(*items));
	if (recv->n) /* an empty list's items may be NULL */
		memcpy(items, recv->items, recv->n * sizeof(*items));
	if (n_more)
		memcpy(items + recv->n, more, n_more * sizeof(*items));
	ev_bind(ev, ev_cur_scope(ev), target->s, lit_seq(ev, PYV_LIST, items, recv->n + n_more, x));
	return ev_new(ev, PYV_NONE, x);
}

static const struct pyv *ev_call(struct ev *ev, const struct py_expr *x)
{
	const struct py_expr *f = x->a;
	const struct pyv *fn, *recv = NULL;
	struct ev_args args;

	if (f->kind == PYE_ATTR) {
		if (!(recv = ev_expr(ev, f->a)))
			return NULL;
		if (recv->kind == PYV_REF) {
			if (!(fn = known_attr(ev, f, recv, f->s)))
				return NULL;
			recv = NULL;
		} else {
			fn = NULL;
		}
	} else if (!(fn = ev_expr(ev, f))) {
		return NULL;
	}
	if (ev_args(ev, x, &args))
		return NULL;
	if (recv) {
		if (recv->kind == PYV_LIST && (!strcmp(f->s, "append") || !strcmp(f->s, "extend")))
			return ev_list_mutation(ev, x, recv, &args);
		return ev_method(ev, x, recv, f->s, &args);
	}
	if (fn->kind == PYV_FUNC)
		return ev_call_func(ev, x, fn, &args);
	if (fn->kind == PYV_REF)
		return known_call(ev, x, fn, &args);
	if (known_is_sql(fn))
		return ev_fail_at(ev, x, "calling %s cannot be evaluated without Python",
				  pyv_describe(ev->a, fn));
	return ev_fail_at(ev, x, "'%s' object is not callable", pyv_describe(ev->a, fn));
}

static const struct pyv *ev_boolop(struct ev *ev, const struct py_expr *x)
{
	const struct pyv *v = NULL;
	bool is_and = !strcmp(x->s, "and");

	for (size_t k = 0; k < x->n; k++) {
		int t;
		if (!(v = ev_expr(ev, x->v[k])))
			return NULL;
		if (k + 1 == x->n)
			break;
		if ((t = lit_truth(ev, v, x->v[k])) < 0)
			return NULL;
		if (t != is_and)
			break;
	}
	return v;
}

static const struct pyv *ev_compare(struct ev *ev, const struct py_expr *x)
{
	const struct pyv *l = ev_expr(ev, x->v[0]), *r = NULL;

	for (size_t k = 0; l && k + 1 < x->n; k++) {
		int t;
		if (!(r = ev_expr(ev, x->v[k + 1])))
			return NULL;
		if (x->n == 2)
			return lit_compare(ev, x, x->ops[k], l, r);
		if (!(r = lit_compare(ev, x, x->ops[k], l, r)) || (t = lit_truth(ev, r, x)) < 0)
			return NULL;
		if (!t)
			return r;
		l = ev_expr(ev, x->v[k + 1]);
	}
	return r;
}

static const struct pyv *ev_subscript(struct ev *ev, const struct py_expr *x)
{
	const struct pyv *v = ev_expr(ev, x->a), *key, *t;

	if (!v)
		return NULL;
	if (x->b->kind == PYE_SLICE)
		return ev_fail_at(ev, x->b, "slicing cannot be evaluated without Python");
	if (!(key = ev_expr(ev, x->b)))
		return NULL;
	if (v->kind == PYV_REF && !known_is_sql(v))
		return known_subscript(ev, x, v, key);
	if ((t = insp_meta_table(ev, x, v, key)) || ev->e->code)
		return t;
	return lit_subscript(ev, x, v, key);
}

static const struct pyv *ev_literal(struct ev *ev, const struct py_expr *x)
{
	struct pyv *v;

	switch (x->kind) {
	case PYE_NONE:
		return ev_new(ev, PYV_NONE, x);
	case PYE_TRUE:
	case PYE_FALSE:
		return ev_bool(ev, x->kind == PYE_TRUE, x);
	case PYE_INT:
		if (x->is_big)
			return ev_fail_at(ev, x, "an integer this large is not supported");
		v = ev_int(ev, x->i, x);
		v->text = x->s;
		return v;
	case PYE_FLOAT:
		if (x->is_imag)
			return ev_fail_at(ev, x, "complex numbers are not supported");
		v = ev_new(ev, PYV_FLOAT, x);
		v->f = x->f;
		v->text = pyv_float_repr(ev->a, x->f);
		return v;
	default:
		if (x->bad)
			return ev_fail_at(ev, x, "%s", x->bad);
		v = ev_str(ev, x->s, x->len, x);
		v->kind = x->kind == PYE_BYTES ? PYV_BYTES : PYV_STR;
		return v;
	}
}

/* A lambda is the function "def <lambda>(params): return body", made here. */
static const struct pyv *ev_lambda(struct ev *ev, const struct py_expr *x)
{
	struct py_stmt *def = arena_calloc(ev->a, 1, sizeof(*def));
	struct py_stmt *ret = arena_calloc(ev->a, 1, sizeof(*ret));
	const struct py_stmt **body = arena_alloc(ev->a, sizeof(*body));
	struct pyv *f = ev_new(ev, PYV_FUNC, x);

	ret->kind = PYS_RETURN;
	ret->line = x->a->line;
	ret->col = x->a->col;
	ret->value = x->a;
	body[0] = ret;
	def->kind = PYS_DEF;
	def->line = x->line;
	def->col = x->col;
	def->s = "<lambda>";
	def->params = x->params;
	def->n_params = x->n_params;
	def->body.v = body;
	def->body.n = 1;
	f->name = def->s;
	f->def = def;
	f->scope = ev_cur_scope(ev);
	return f;
}

static const struct pyv *ev_tuple(struct ev *ev, const struct py_expr *x)
{
	return ev_seq(ev, x, PYV_TUPLE);
}

static const struct pyv *ev_list(struct ev *ev, const struct py_expr *x)
{
	return ev_seq(ev, x, PYV_LIST);
}

static const struct pyv *ev_unary(struct ev *ev, const struct py_expr *x)
{
	const struct pyv *v = ev_expr(ev, x->a);

	return v ? lit_unary(ev, x, x->s, v) : NULL;
}

static const struct pyv *ev_binop(struct ev *ev, const struct py_expr *x)
{
	const struct pyv *v, *w;

	if (!(v = ev_expr(ev, x->a)) || !(w = ev_expr(ev, x->b)))
		return NULL;
	return lit_binop(ev, x, x->s, v, w);
}

/* a if b else c: b first, then only the branch it picks. */
static const struct pyv *ev_ifexp(struct ev *ev, const struct py_expr *x)
{
	const struct pyv *v;
	int t;

	if (!(v = ev_expr(ev, x->b)) || (t = lit_truth(ev, v, x->b)) < 0)
		return NULL;
	return ev_expr(ev, t ? x->a : x->c);
}

/* {a, b}: a set of literals (it is only tested or sorted: lit_set, lit_iter). */
static const struct pyv *ev_set(struct ev *ev, const struct py_expr *x)
{
	const struct pyv **items = arena_calloc(ev->a, x->n + 1, sizeof(*items));

	for (size_t k = 0; k < x->n; k++) {
		if (x->v[k]->kind == PYE_STARRED)
			return ev_fail_at(ev, x->v[k],
					  "*x in a set cannot be evaluated without Python");
		if (!(items[k] = ev_expr(ev, x->v[k])))
			return NULL;
	}
	return lit_set(ev, x, items, x->n);
}

static const struct pyv *ev_yield_await(struct ev *ev, const struct py_expr *x)
{
	return ev_fail_at(ev, x, "'%s' cannot be evaluated without Python",
			  x->kind == PYE_YIELD ? "yield" : "await");
}

/* The evaluator of each kind of expression; NULL: one we cannot evaluate
 * (an ellipsis, :=, and a slice, *x or f-string field outside the places
 * that read them: subscripts, calls and displays, ev_fstring). */
static const struct pyv *(*const ev_kinds[])(struct ev *ev, const struct py_expr *x) = {
	[PYE_NAME] = ev_name,         [PYE_NONE] = ev_literal,  [PYE_TRUE] = ev_literal,
	[PYE_FALSE] = ev_literal,     [PYE_INT] = ev_literal,   [PYE_FLOAT] = ev_literal,
	[PYE_STR] = ev_literal,       [PYE_BYTES] = ev_literal, [PYE_FSTR] = ev_fstring,
	[PYE_ATTR] = ev_attr,         [PYE_CALL] = ev_call,     [PYE_SUBSCRIPT] = ev_subscript,
	[PYE_TUPLE] = ev_tuple,       [PYE_LIST] = ev_list,     [PYE_DICT] = ev_dict,
	[PYE_LISTCOMP] = ev_comp,     [PYE_GENEXP] = ev_comp,   [PYE_DICTCOMP] = ev_comp,
	[PYE_UNARY] = ev_unary,       [PYE_BINOP] = ev_binop,   [PYE_BOOLOP] = ev_boolop,
	[PYE_COMPARE] = ev_compare,   [PYE_IFEXP] = ev_ifexp,   [PYE_LAMBDA] = ev_lambda,
	[PYE_SET] = ev_set,           [PYE_SETCOMP] = ev_comp,  [PYE_YIELD] = ev_yield_await,
	[PYE_AWAIT] = ev_yield_await,
};

static const struct pyv *ev_expr_kind(struct ev *ev, const struct py_expr *x)
{
	if ((size_t)x->kind < sizeof(ev_kinds) / sizeof(ev_kinds[0]) && ev_kinds[x->kind])
		return ev_kinds[x->kind](ev, x);
	return ev_fail_at(ev, x, "this expression cannot be evaluated without Python");
}

const struct pyv *ev_expr(struct ev *ev, const struct py_expr *x)
{
	const struct pyv *v;

	if (ev->e->code)
		return NULL;
	if (++ev->depth > 400)
		return ev_fail_at(ev, x, "expression nested too deeply");
	v = ev_expr_kind(ev, x);
	ev->depth--;
	return v;
}

/* ---- assignment ---- */

/* meta.bind = X on a name of the current scope bound to sa.MetaData(...):
 * values are immutable, so the name is rebound to sa.MetaData(..., bind=X)
 * (what a Table(..., meta, autoload=True) built afterwards reflects with).
 * 1: done; 0: not this form (nothing reported); -1: error. */
static int ev_assign_meta_bind(struct ev *ev, const struct py_expr *target, const struct pyv *v)
{
	struct ev_scope *sc = ev_cur_scope(ev);
	const struct pyv *meta = NULL;
	struct pyv_kwarg *kw;
	struct pyv *c;
	size_t n = 0;

	if (target->kind != PYE_ATTR || target->a->kind != PYE_NAME || strcmp(target->s, "bind"))
		return 0;
	for (size_t k = 0; k < sc->n; k++)
		if (!strcmp(sc->v[k].name, target->a->s))
			meta = sc->v[k].val;
	if (!meta || meta->kind != PYV_CALL || meta->receiver || !meta->name ||
	    strcmp(meta->name, "sqlalchemy.MetaData") ||
	    (sc != ev->module && is_global(sc, target->a->s)))
		return 0;
	kw = arena_alloc(ev->a, (meta->n_kw + 1) * sizeof(*kw));
	for (size_t k = 0; k < meta->n_kw; k++)
		if (!meta->kw[k].key || strcmp(meta->kw[k].key, "bind"))
			kw[n++] = meta->kw[k];
	kw[n].key = "bind";
	kw[n++].val = v;
	c = ev_new(ev, PYV_CALL, target);
	*c = *meta;
	c->kw = kw;
	c->n_kw = n;
	ev_bind(ev, sc, target->a->s, c);
	insp_meta_rebound(ev, meta, c);
	return 1;
}

static int ev_assign(struct ev *ev, const struct py_expr *target, const struct pyv *v)
{
	const struct pyv *const *items;
	size_t n;

	if (target->kind == PYE_NAME) {
		ev_bind(ev, ev_cur_scope(ev), target->s, v);
		return 0;
	}
	if (target->kind == PYE_TUPLE || target->kind == PYE_LIST) {
		if (!(items = lit_iter(ev, target, v, &n)))
			return -1;
		for (size_t k = 0; k < target->n; k++)
			if (target->v[k]->kind == PYE_STARRED)
				return ev_fail_at(ev, target->v[k],
						  "starred assignment is not "
						  "supported"),
				       -1;
		if (n != target->n)
			return ev_fail_at(ev, target, "%s values to unpack (expected %zu)",
					  n > target->n ? "too many" : "not enough", target->n),
			       -1;
		for (size_t k = 0; k < n; k++)
			if (ev_assign(ev, target->v[k], items[k]))
				return -1;
		return 0;
	}
	if (ev_assign_meta_bind(ev, target, v))
		return 0;
	return ev_fail_at(ev, target,
			  "assigning to an attribute or an item cannot be evaluated "
			  "without Python"),
	       -1;
}

/* ---- statements ---- */

static const struct pyv *ev_func_value(struct ev *ev, const struct py_stmt *s)
{
	struct pyv *f = ev_new(ev, PYV_FUNC, NULL);

	f->line = s->line;
	f->col = s->col;
	f->name = s->s;
	f->def = s;
	f->scope = ev_cur_scope(ev);
	return f;
}

static int ev_import(struct ev *ev, const struct py_stmt *s)
{
	for (size_t k = 0; k < s->n_names; k++) {
		const struct py_alias *al = &s->names[k];
		const char *mod = s->kind == PYS_IMPORT ? al->name : s->s, *bind, *full;
		const struct pyv *v;
		if (s->kind == PYS_FROM && !strcmp(al->name, "*"))
			return ev_fail(ev, al->line, al->col,
				       "'from %s import *' cannot be evaluated without Python "
				       "(the names it binds are not known)",
				       mod),
			       -1;
		py_alias_binding(ev->a, s, al, &bind, &full);
		if (!strcmp(mod, "__future__"))
			continue;
		if (s->level == 0 && (known_module(mod) || known_module(full)))
			v = ev_ref(ev, known_canon(ev, full), NULL);
		else
			v = ev_opaque(ev,
				      arena_printf(ev->a,
						   "the %s '%s%s' (imported at line %d) cannot be "
						   "imported without Python",
						   s->level            ? "application's module"
						   : known_stdlib(mod) ? "Python module"
						   : known_third_party(mod)
							   ? "package"
							   : "application's module",
						   s->level ? "." : "", mod, s->line),
				      0, 0);
		ev_bind(ev, ev_cur_scope(ev), bind, v);
	}
	return 0;
}

static int ev_if(struct ev *ev, const struct py_stmt *s)
{
	const struct pyv *v = ev_expr(ev, s->test);
	int t = v ? lit_truth(ev, v, s->test) : -1;

	if (t < 0)
		return -1;
	return ev_block(ev, t ? &s->body : &s->orelse);
}

static int ev_for(struct ev *ev, const struct py_stmt *s)
{
	const struct pyv *it = ev_expr(ev, s->value);
	const struct pyv *const *items;
	size_t n;

	if (!it || !(items = lit_iter(ev, s->value, it, &n)))
		return -1;
	for (size_t k = 0; k < n; k++) {
		if (++ev->loops > EV_LOOP_MAX)
			return ev_fail(ev, s->line, s->col, "too many loop iterations"), -1;
		if (ev_assign(ev, s->target, items[k]) || ev_block(ev, &s->body))
			return -1;
		if (ev->flow == FLOW_BREAK) {
			ev->flow = FLOW_NONE;
			return 0;
		}
		if (ev->flow == FLOW_CONTINUE)
			ev->flow = FLOW_NONE;
		if (ev->flow != FLOW_NONE)
			return 0;
	}
	return ev_block(ev, &s->orelse);
}

/* with ITEM[k] ...: body, one item at a time (nested as Python does). */
static int ev_with_item(struct ev *ev, const struct py_stmt *s, size_t k)
{
	const struct py_with_item *it;
	const struct pyv *v;
	struct ev_oplist inner = {0}, *outer = ev->ops;
	const char *name;
	int rc;

	if (k == s->n_items)
		return ev_block(ev, &s->body);
	it = &s->items[k];
	ev->with_expr = it->ctx;
	v = ev_expr(ev, it->ctx);
	ev->with_expr = NULL;
	if (!v)
		return -1;
	name = v->kind == PYV_CALL && !v->receiver ? v->name : "";
	if (!strcmp(name, "warnings.catch_warnings")) /* the body runs as it stands */
		return it->var && ev_assign(ev, it->var, ev_new(ev, PYV_NONE, it->var))
			       ? -1
			       : ev_with_item(ev, s, k + 1);
	if (strcmp(name, "alembic.op.batch_alter_table") &&
	    strcmp(name, "alembic.op.autocommit_block"))
		return ev_fail(ev, s->line, s->col,
			       "a 'with' block over %s cannot be evaluated without Python (only "
			       "op.batch_alter_table(...) and op.get_context().autocommit_block() "
			       "are known)",
			       pyv_describe(ev->a, v)),
		       -1;
	if (!strcmp(name, "alembic.op.batch_alter_table")) {
		struct pyv *h = ev_ref(ev, "alembic.batch_op", it->ctx);
		ev->batches = arena_grow(ev->a, ev->batches, ev->n_batches, ev->n_batches + 1,
					 sizeof(*ev->batches));
		ev->batches[ev->n_batches].is_open = true;
		ev->batches[ev->n_batches].line = s->line;
		h->handle = (int)ev->n_batches++;
		if (it->var && ev_assign(ev, it->var, h))
			return -1;
	} else if (it->var && ev_assign(ev, it->var, ev_new(ev, PYV_NONE, it->var))) {
		return -1;
	}
	if (!outer)
		return ev_fail_at(ev, it->ctx, "a '%s' block at module level cannot run",
				  name + strlen("alembic.op.")),
		       -1;
	ev->ops = &inner;
	rc = ev_with_item(ev, s, k + 1);
	ev->ops = outer;
	if (!strcmp(name, "alembic.op.batch_alter_table"))
		for (size_t b = 0; b < ev->n_batches; b++)
			if (ev->batches[b].line == s->line)
				ev->batches[b].is_open = false;
	if (rc)
		return -1;
	return ev_push_op(ev, it->ctx, v, inner.v, inner.n);
}

/* Whether evaluating x has no effect but making a value: literals, names,
 * attributes and operators over them (no call). */
static bool ev_no_call(const struct py_expr *x, int depth)
{
	if (x == NULL)
		return true;
	if (depth > 16)
		return false;
	switch (x->kind) {
	case PYE_NAME:
	case PYE_NONE:
	case PYE_TRUE:
	case PYE_FALSE:
	case PYE_INT:
	case PYE_FLOAT:
	case PYE_STR:
	case PYE_BYTES:
		return true;
	case PYE_ATTR:
	case PYE_FIELD:
	case PYE_UNARY:
		return ev_no_call(x->a, depth + 1);
	case PYE_BINOP:
		return ev_no_call(x->a, depth + 1) && ev_no_call(x->b, depth + 1);
	case PYE_FSTR:
	case PYE_TUPLE:
	case PYE_LIST:
		for (size_t k = 0; k < x->n; k++)
			if (!ev_no_call(x->v[k], depth + 1))
				return false;
		return true;
	default:
		return false;
	}
}

/* Whether x is an exception Python raises whatever it is: a name or
 * attribute (of the application's, say), or a call of one whose arguments
 * make no call.  Evaluating it can only end in an exception: the raised one,
 * or the error of making it. */
static bool ev_raise_opaque_ok(const struct py_expr *x)
{
	if (x->kind != PYE_CALL)
		return x->kind == PYE_NAME || (x->kind == PYE_ATTR && ev_no_call(x, 0));
	if (!ev_raise_opaque_ok(x->a) || x->a->kind == PYE_CALL)
		return false;
	for (size_t k = 0; k < x->n; k++)
		if (!ev_no_call(x->v[k], 0))
			return false;
	for (size_t k = 0; k < x->n_kw; k++)
		if (!ev_no_call(x->kw[k].value, 0))
			return false;
	return true;
}

/* What a raise statement raises, for the message; NULL with e set. */
static const char *ev_raised(struct ev *ev, const struct py_stmt *s)
{
	const struct pyv *v;

	if (!s->value)
		return "an exception";
	if (!(v = ev_expr(ev, s->value))) {
		if (!ev_raise_opaque_ok(s->value))
			return NULL;
		/* An exception class the evaluator does not know (the
		 * application's): the direction raises all the same. */
		err_clear(ev->e);
		return arena_printf(ev->a, "%s (not known without Python)",
				    ev_expr_text(ev, s->value));
	}
	if (v->kind == PYV_CALL && !strncmp(v->name, "builtins.", 9))
		return pyv_describe(ev->a, v) + 9;
	if (v->kind == PYV_REF && !strncmp(v->name, "builtins.", 9))
		return v->name + 9;
	return pyv_describe(ev->a, v);
}

static int ev_raise(struct ev *ev, const struct py_stmt *s)
{
	const char *what;

	if (!ev->body || !ev->ops)
		return ev_fail(ev, s->line, s->col, "'raise' at module level stops the import"), -1;
	if (!(what = ev_raised(ev, s)))
		return -1;
	ev->body->irreversible = true;
	ev->body->irreversible_msg = arena_printf(ev->a, "%s() raises %s", ev->fn_name, what);
	ev->body->irreversible_line = s->line;
	ev->flow = FLOW_RAISE;
	return 0;
}

/* Whether statement s of an except handler can only log: pass, a string,
 * print(...) or a logger's method (LOG.error(...), logging.warning(...))
 * over arguments that make no call but str()/repr(). */
static bool ev_logs_only(const struct py_stmt *s)
{
	static const char *const meths[] = {"critical", "debug", "error", "exception", "fatal",
					    "info",     "log",   "warn",  "warning",   NULL};
	const struct py_expr *x, *f;
	bool named = false;

	if (s->kind == PYS_PASS)
		return true;
	if (s->kind != PYS_EXPR || (x = s->value)->kind == PYE_STR)
		return s->kind == PYS_EXPR;
	if (x->kind != PYE_CALL)
		return false;
	f = x->a;
	if (f->kind == PYE_NAME)
		named = !strcmp(f->s, "print");
	else if (f->kind == PYE_ATTR && ev_no_call(f, 0))
		for (size_t k = 0; meths[k] && !named; k++)
			named = !strcmp(f->s, meths[k]);
	for (size_t k = 0; named && k < x->n; k++) {
		const struct py_expr *a = x->v[k];
		if (a->kind == PYE_CALL && a->a->kind == PYE_NAME &&
		    (!strcmp(a->a->s, "str") || !strcmp(a->a->s, "repr")) && a->n == 1 && !a->n_kw)
			a = a->v[0];
		named = ev_no_call(a, 0);
	}
	for (size_t k = 0; named && k < x->n_kw; k++)
		named = ev_no_call(x->kw[k].value, 0);
	return named;
}

/* Whether an except handler only logs and raises again (ends with a raise):
 * when it runs, the migration fails as it would without it, so the try
 * block runs as its body alone. */
static bool ev_handler_reraises(const struct py_handler *h)
{
	const struct py_block *b = &h->body;

	if (b->n == 0 || b->v[b->n - 1]->kind != PYS_RAISE)
		return false;
	for (size_t k = 0; k + 1 < b->n; k++)
		if (!ev_logs_only(b->v[k]))
			return false;
	return true;
}

static int ev_try(struct ev *ev, const struct py_stmt *s)
{
	enum ev_flow flow;
	const struct pyv *ret;

	for (size_t k = 0; k < s->n_handlers; k++)
		if (!ev_handler_reraises(&s->handlers[k]))
			return ev_fail(ev, s->handlers[k].line, s->handlers[k].col,
				       "a try/except block cannot run without Python (whether its "
				       "handler runs depends on errors only the database reports; "
				       "only a handler that logs and raises again is known)"),
			       -1;
	if (ev_block(ev, &s->body))
		return -1;
	if (ev->flow == FLOW_NONE && ev_block(ev, &s->orelse))
		return -1;
	if (ev->flow == FLOW_RAISE)
		return 0;
	flow = ev->flow; /* finally runs on return, break and continue too */
	ret = ev->ret;
	ev->flow = FLOW_NONE;
	if (ev_block(ev, &s->finalbody))
		return -1;
	if (ev->flow == FLOW_NONE) {
		ev->flow = flow;
		ev->ret = ret;
	}
	return 0;
}

static int ev_expr_stmt(struct ev *ev, const struct py_stmt *s)
{
	const struct pyv *v;

	if (s->value->kind == PYE_STR || s->value->kind == PYE_ELLIPSIS)
		return 0; /* docstrings and other bare literals do nothing */
	v = ev_expr(ev, s->value);
	return v ? 0 : -1;
}

static int ev_augassign(struct ev *ev, const struct py_stmt *s)
{
	const struct pyv *l, *r, *v;

	if (s->target->kind != PYE_NAME)
		return ev_fail_at(ev, s->target,
				  "augmented assignment to an attribute or an item "
				  "cannot be evaluated without Python"),
		       -1;
	if (!(l = ev_expr(ev, s->target)) || !(r = ev_expr(ev, s->value)) ||
	    !(v = lit_binop(ev, s->value, s->s, l, r)))
		return -1;
	ev_bind(ev, ev_cur_scope(ev), s->target->s, v);
	return 0;
}

static int ev_simple_kw(struct ev *ev, const struct py_stmt *s)
{
	const struct pyv *v;
	int t;

	switch (s->kind) {
	case PYS_PASS:
		return 0;
	case PYS_BREAK:
	case PYS_CONTINUE:
		ev->flow = s->kind == PYS_BREAK ? FLOW_BREAK : FLOW_CONTINUE;
		return 0;
	case PYS_RETURN:
		if (ev->scope == NULL)
			return ev_fail(ev, s->line, s->col, "'return' outside function"), -1;
		ev->ret = s->value ? ev_expr(ev, s->value) : ev_new(ev, PYV_NONE, NULL);
		if (!ev->ret)
			return -1;
		ev->flow = FLOW_RETURN;
		return 0;
	case PYS_GLOBAL:
		for (size_t k = 0; k < s->n_names; k++) {
			struct ev_scope *sc = ev_cur_scope(ev);
			sc->gnames = arena_grow(ev->a, sc->gnames, sc->n_gnames, sc->n_gnames + 1,
						sizeof(*sc->gnames));
			sc->gnames[sc->n_gnames++] = s->names[k].name;
		}
		return 0;
	case PYS_DEL:
		if (s->targets[0]->kind != PYE_NAME)
			return ev_fail(ev, s->line, s->col,
				       "'del' of anything but a name cannot be "
				       "evaluated without Python"),
			       -1;
		unbind(ev, s->targets[0]->s);
		return 0;
	case PYS_ASSERT:
		if (!(v = ev_expr(ev, s->test)) || (t = lit_truth(ev, v, s->test)) < 0)
			return -1;
		return t ? 0
			 : (ev_fail(ev, s->line, s->col, "AssertionError: the assert fails"), -1);
	default:
		return ev_fail(ev, s->line, s->col,
			       "this statement cannot be evaluated without "
			       "Python"),
		       -1;
	}
}

/* def binds a function value (a decorated one cannot be evaluated); class binds an opaque
 * value whose every use is refused. */
static int ev_def(struct ev *ev, const struct py_stmt *s)
{
	const char *msg;

	if (s->kind == PYS_CLASS) {
		msg = arena_printf(ev->a,
				   "the class '%s' (defined at line %d) cannot be used "
				   "without Python",
				   s->s, s->line);
		ev_bind(ev, ev_cur_scope(ev), s->s, ev_opaque(ev, msg, 0, 0));
		return 0;
	}
	if (s->n_decos)
		return ev_fail_at(ev, s->decos[0],
				  "a decorated function cannot be evaluated "
				  "without Python"),
		       -1;
	ev_bind(ev, ev_cur_scope(ev), s->s, ev_func_value(ev, s));
	return 0;
}

static int ev_stmt(struct ev *ev, const struct py_stmt *s)
{
	const struct pyv *v;

	switch (s->kind) {
	case PYS_EXPR:
		return ev_expr_stmt(ev, s);
	case PYS_ASSIGN:
		if (!(v = ev_expr(ev, s->value)))
			return -1;
		for (size_t k = 0; k < s->n_targets; k++)
			if (ev_assign(ev, s->targets[k], v))
				return -1;
		return 0;
	case PYS_ANNASSIGN:
		return s->value && ((v = ev_expr(ev, s->value)) == NULL ||
				    ev_assign(ev, s->target, v))
			       ? -1
			       : 0;
	case PYS_AUGASSIGN:
		return ev_augassign(ev, s);
	case PYS_IMPORT:
	case PYS_FROM:
		return ev_import(ev, s);
	case PYS_DEF:
	case PYS_CLASS:
		return ev_def(ev, s);
	case PYS_IF:
		return ev_if(ev, s);
	case PYS_FOR:
		return ev_for(ev, s);
	case PYS_WHILE:
		return ev_fail(ev, s->line, s->col,
			       "a while loop cannot be evaluated without Python "
			       "(write the statements out, or loop over a "
			       "literal list)"),
		       -1;
	case PYS_WITH:
		if (s->is_async)
			return ev_fail(ev, s->line, s->col, "'async with' cannot run"), -1;
		return ev_with_item(ev, s, 0);
	case PYS_RAISE:
		return ev_raise(ev, s);
	case PYS_TRY:
		return ev_try(ev, s);
	case PYS_OTHER:
		return ev_fail(ev, s->line, s->col,
			       "a '%s' statement cannot be evaluated without "
			       "Python",
			       s->s),
		       -1;
	default:
		return ev_simple_kw(ev, s);
	}
}

int ev_block(struct ev *ev, const struct py_block *b)
{
	for (size_t k = 0; k < b->n; k++) {
		if (ev_stmt(ev, b->v[k]))
			return -1;
		if (ev->flow != FLOW_NONE)
			return 0;
	}
	return 0;
}

/* Binds a function's parameters to the call's arguments (Python's rules for
 * plain and keyword parameters with defaults; *args collects). */
static int bind_params(struct ev *ev, const struct py_expr *call, const struct py_stmt *def,
		       const struct ev_args *args, struct ev_scope *sc)
{
	size_t pos = 0;
	bool *used = arena_calloc(ev->a, args->n_kw + 1, sizeof(*used));

	for (size_t k = 0; k < def->n_params; k++) {
		const struct py_param *p = &def->params[k];
		const struct pyv *v = NULL;
		if (p->star == 3)
			continue;
		if (p->star == 1) {
			ev_bind(ev, sc, p->name,
				lit_seq(ev, PYV_TUPLE, args->pos + pos, args->n_pos - pos, call));
			pos = args->n_pos;
			continue;
		}
		if (p->star == 2)
			return ev_fail_at(ev, call,
					  "**%s parameters cannot be evaluated without Python",
					  p->name),
			       -1;
		if (pos < args->n_pos)
			v = args->pos[pos++];
		for (size_t j = 0; j < args->n_kw; j++)
			if (!strcmp(args->kw[j].key, p->name)) {
				if (v)
					return ev_fail_at(ev, call,
							  "%s() got multiple values for "
							  "argument '%s'",
							  def->s, p->name),
					       -1;
				v = args->kw[j].val;
				used[j] = true;
			}
		if (!v && p->dflt && !(v = ev_expr(ev, p->dflt)))
			return -1;
		if (!v)
			return ev_fail_at(ev, call, "%s() missing required argument: '%s'", def->s,
					  p->name),
			       -1;
		ev_bind(ev, sc, p->name, v);
	}
	if (pos < args->n_pos)
		return ev_fail_at(ev, call,
				  "%s() takes %zu positional arguments but %zu were given", def->s,
				  pos, args->n_pos),
		       -1;
	for (size_t j = 0; j < args->n_kw; j++)
		if (!used[j])
			return ev_fail_at(ev, call, "%s() got an unexpected keyword argument '%s'",
					  def->s, args->kw[j].key),
			       -1;
	return 0;
}

const struct pyv *ev_call_func(struct ev *ev, const struct py_expr *call, const struct pyv *fn,
			       const struct ev_args *args)
{
	const struct py_stmt *def = fn->def;
	struct ev_scope *sc, *saved = ev->scope;
	const struct pyv *ret;

	if (ev->depth > EV_CALL_DEPTH_MAX * 8)
		return ev_fail_at(ev, call, "maximum recursion depth exceeded");
	sc = scope_new(ev, (struct ev_scope *)fn->scope);
	if (bind_params(ev, call, def, args, sc))
		return NULL;
	ev->scope = sc;
	ev->depth += 8;
	if (ev_block(ev, &def->body)) {
		ev->scope = saved;
		return NULL;
	}
	ev->depth -= 8;
	ev->scope = saved;
	if (ev->flow == FLOW_RAISE)
		return ev_new(ev, PYV_NONE, call);
	ret = ev->flow == FLOW_RETURN ? ev->ret : ev_new(ev, PYV_NONE, call);
	ev->flow = FLOW_NONE;
	return ret;
}

/* Names a module-level statement binds (so a statement that cannot be evaluated
 * makes them unreadable, reported only where they are used). */
static void defer_names(struct ev *ev, const struct py_stmt *s, const struct pyv *why);

static void defer_target(struct ev *ev, const struct py_expr *t, const struct pyv *why)
{
	if (!t)
		return;
	if (t->kind == PYE_NAME)
		ev_bind(ev, ev->module, t->s, why);
	else if (t->kind == PYE_TUPLE || t->kind == PYE_LIST)
		for (size_t k = 0; k < t->n; k++)
			defer_target(ev, t->v[k], why);
}

static void defer_block(struct ev *ev, const struct py_block *b, const struct pyv *why)
{
	for (size_t k = 0; k < b->n; k++)
		defer_names(ev, b->v[k], why);
}

static void defer_names(struct ev *ev, const struct py_stmt *s, const struct pyv *why)
{
	for (size_t k = 0; k < s->n_targets && s->kind == PYS_ASSIGN; k++)
		defer_target(ev, s->targets[k], why);
	if (s->kind == PYS_ANNASSIGN || s->kind == PYS_AUGASSIGN || s->kind == PYS_FOR)
		defer_target(ev, s->target, why);
	for (size_t k = 0; k < s->n_items; k++)
		defer_target(ev, s->items[k].var, why);
	if (s->kind == PYS_DEF || s->kind == PYS_CLASS)
		ev_bind(ev, ev->module, s->s, why);
	defer_block(ev, &s->body, why);
	defer_block(ev, &s->orelse, why);
	defer_block(ev, &s->finalbody, why);
}

int ev_module(struct ev *ev)
{
	const struct py_block *b = &ev->m->body;

	for (size_t k = 0; k < b->n; k++) {
		const struct py_stmt *s = b->v[k];
		if (s->kind == PYS_EXPR && s->value->kind == PYE_CALL && ev_stmt(ev, s))
			return -1; /* a call at import time: its effect matters */
		if (s->kind == PYS_EXPR && s->value->kind == PYE_CALL)
			continue;
		if (ev_stmt(ev, s) == 0 && ev->flow == FLOW_NONE)
			continue;
		if (!ev->e->code)
			return ev_fail(ev, s->line, s->col, "'%s' at module level",
				       ev->flow == FLOW_RAISE ? "raise" : "return"),
			       -1;
		/* reported where a name is used, with where it came from */
		defer_names(ev, s,
			    ev_opaque(ev,
				      strstr(ev->e->msg, "(imported at line")
					      ? arena_strdup(ev->a, ev->e->msg)
					      : arena_printf(ev->a, "%s (at line %d)", ev->e->msg,
							     ev->e->line),
				      0, 0));
		err_clear(ev->e);
	}
	return 0;
}

/* The module-level def of name, or NULL. */
static const struct py_stmt *find_def(const struct py_module *m, const char *name)
{
	const struct py_stmt *found = NULL;

	for (size_t k = 0; k < m->body.n; k++)
		if (m->body.v[k]->kind == PYS_DEF && !strcmp(m->body.v[k]->s, name))
			found = m->body.v[k];
	return found;
}

int py_eval_function(struct arena *a, const struct py_module *m, const char *name,
		     const struct py_eval_ctx *ctx, struct py_body *out, struct err *e)
{
	struct ev ev = {0};
	struct ev_oplist ops = {0};
	const struct py_stmt *def = find_def(m, name);
	const struct pyv *fn;
	struct ev_args none = {0};
	struct py_expr at = {0};
	bool inspects, inspect_answered;

	memset(out, 0, sizeof(*out));
	err_clear(e);
	ev.a = a;
	ev.m = m;
	ev.file = ctx && ctx->file ? ctx->file : m->file;
	ev.ctx = ctx;
	ev.e = e;
	ev.fn_name = name;
	ev.body = out;
	ev.module = scope_new(&ev, NULL);
	ev.scope = NULL;
	if (!def)
		return 0;
	if (ev_module(&ev))
		goto fail;
	fn = lookup(&ev, name);
	if (!fn || fn->kind != PYV_FUNC) {
		if (fn && fn->kind == PYV_OPAQUE)
			ev_fail_opaque(&ev, fn, NULL);
		else
			ev_fail(&ev, def->line, def->col, "%s is not a function", name);
		goto fail;
	}
	at.line = def->line;
	at.col = def->col;
	ev.ops = &ops;
	ev.top_ops = &ops;
	if (!ev_call_func(&ev, &at, fn, &none))
		goto fail;
	out->ops = ops.v;
	out->n_ops = ops.n;
	ev.scope = NULL;
	return 0;
fail:
	ev.scope = NULL;
	inspects = out->inspects;
	inspect_answered = out->inspect_answered;
	memset(out, 0, sizeof(*out));
	out->inspects = inspects;
	out->inspect_answered = inspect_answered;
	return -1;
}
