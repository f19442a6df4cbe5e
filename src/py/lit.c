/*
 * lit.c - operations on literal values for the evaluator: truthiness,
 * arithmetic, comparisons, str(), %-formatting (printf-style, as
 * PyUnicode_Format), str.format (as string.Formatter without specs), the str
 * and dict methods migrations use, the builtins len/range/zip/enumerate/...
 * and json.dumps with its default separators and ensure_ascii.  An operator
 * on a SQL expression value builds an "operator.*" call for the binder.
 */
#include "py/eval_int.h"

#include <stdio.h>

#include "base/buf.h"
#include "base/str.h"

bool lit_is_literal(const struct pyv *v)
{
	switch (v->kind) {
	case PYV_NONE:
	case PYV_BOOL:
	case PYV_INT:
	case PYV_FLOAT:
	case PYV_STR:
	case PYV_BYTES:
		return true;
	case PYV_TUPLE:
	case PYV_LIST:
	case PYV_DICT:
		for (size_t k = 0; k < v->n; k++)
			if (!lit_is_literal(v->items[k]) ||
			    (v->kind == PYV_DICT && !lit_is_literal(v->keys[k])))
				return false;
		return true;
	default:
		return false;
	}
}

static bool is_num(const struct pyv *v)
{
	return v->kind == PYV_INT || v->kind == PYV_FLOAT || v->kind == PYV_BOOL;
}

static double num(const struct pyv *v)
{
	return v->kind == PYV_FLOAT ? v->f : v->kind == PYV_BOOL ? (double)v->b : (double)v->i;
}

static long long inum(const struct pyv *v)
{
	return v->kind == PYV_BOOL ? (long long)v->b : v->i;
}

bool lit_equal(const struct pyv *l, const struct pyv *r)
{
	if (is_num(l) && is_num(r))
		return l->kind != PYV_FLOAT && r->kind != PYV_FLOAT ? inum(l) == inum(r)
								    : num(l) == num(r);
	if (l->kind != r->kind &&
	    !((l->kind == PYV_LIST || l->kind == PYV_TUPLE) && l->kind == r->kind))
		return false;
	switch (l->kind) {
	case PYV_NONE:
		return true;
	case PYV_STR:
	case PYV_BYTES:
		return l->len == r->len && !memcmp(l->s, r->s, l->len);
	case PYV_TUPLE:
	case PYV_LIST:
	case PYV_DICT:
		if (l->n != r->n)
			return false;
		for (size_t k = 0; k < l->n; k++)
			if (!lit_equal(l->items[k], r->items[k]) ||
			    (l->kind == PYV_DICT && !lit_equal(l->keys[k], r->keys[k])))
				return false;
		return true;
	case PYV_SET:
		if (l->n != r->n)
			return false;
		for (size_t k = 0; k < l->n; k++) {
			size_t j = 0;
			while (j < r->n && !lit_equal(l->items[k], r->items[j]))
				j++;
			if (j == r->n)
				return false;
		}
		return true;
	case PYV_REF:
		return !strcmp(l->name, r->name);
	default:
		return l == r;
	}
}

static void *unusable(struct ev *ev, const struct py_expr *x, const struct pyv *v);

const struct pyv *lit_find_set(const struct pyv *v, int depth)
{
	const struct pyv *s = NULL;

	if (!v || depth > 64)
		return NULL;
	if (v->kind == PYV_SET)
		return v;
	if (v->kind != PYV_TUPLE && v->kind != PYV_LIST && v->kind != PYV_DICT &&
	    v->kind != PYV_CALL && v->kind != PYV_ATTR)
		return NULL;
	for (size_t k = 0; !s && k < v->n && v->items; k++)
		s = lit_find_set(v->items[k], depth + 1);
	for (size_t k = 0; !s && v->kind == PYV_DICT && k < v->n; k++)
		s = lit_find_set(v->keys[k], depth + 1);
	for (size_t k = 0; !s && v->kind == PYV_CALL && k < v->n_kw; k++)
		s = lit_find_set(v->kw[k].val, depth + 1);
	return s ? s : lit_find_set(v->receiver, depth + 1);
}

/* Whether Python could hash v and we know its hash equality: a scalar literal or a tuple of them. */
static bool hashable(const struct pyv *v)
{
	if (v->kind == PYV_TUPLE) {
		for (size_t k = 0; k < v->n; k++)
			if (!hashable(v->items[k]))
				return false;
		return true;
	}
	return v->kind != PYV_LIST && v->kind != PYV_DICT && lit_is_literal(v);
}

const struct pyv *lit_set(struct ev *ev, const struct py_expr *x, const struct pyv *const *items,
			  size_t n)
{
	struct pyv *s = ev_new(ev, PYV_SET, x);
	const struct pyv **out = arena_calloc(ev->a, n + 1, sizeof(*out));

	for (size_t k = 0; k < n; k++) {
		size_t j = 0;
		if (items[k]->kind == PYV_LIST || items[k]->kind == PYV_DICT ||
		    items[k]->kind == PYV_SET)
			return ev_fail_at(ev, x, "TypeError: unhashable type: '%s'",
					  items[k]->kind == PYV_LIST   ? "list"
					  : items[k]->kind == PYV_DICT ? "dict"
								       : "set");
		if (unusable(ev, x, items[k]) || ev->e->code)
			return NULL;
		if (!hashable(items[k]))
			return ev_fail_at(ev, x,
					  "a set holding %s cannot be evaluated without Python",
					  pyv_describe(ev->a, items[k]));
		while (j < s->n && !lit_equal(out[j], items[k]))
			j++;
		if (j == s->n)
			out[s->n++] = items[k];
	}
	s->items = out;
	return s;
}

struct pyv *lit_seq(struct ev *ev, enum pyv_kind kind, const struct pyv **items, size_t n,
		    const struct py_expr *x)
{
	struct pyv *v = ev_new(ev, kind, x);

	v->items = items;
	v->n = n;
	return v;
}

static const char *type_name(const struct pyv *v)
{
	static const char *const names[] = {
		[PYV_NONE] = "NoneType", [PYV_BOOL] = "bool",     [PYV_INT] = "int",
		[PYV_FLOAT] = "float",   [PYV_STR] = "str",       [PYV_BYTES] = "bytes",
		[PYV_TUPLE] = "tuple",   [PYV_LIST] = "list",     [PYV_DICT] = "dict",
		[PYV_REF] = "object",    [PYV_CALL] = "object",   [PYV_ATTR] = "object",
		[PYV_FUNC] = "function", [PYV_OPAQUE] = "object", [PYV_SET] = "set",
	};

	return names[v->kind];
}

/* The error for a value whose use needs Python (opaque, unset variable, handle). */
static void *unusable(struct ev *ev, const struct py_expr *x, const struct pyv *v)
{
	if (v->kind == PYV_OPAQUE)
		return ev_fail_opaque(ev, v, x);
	if (v->kind == PYV_NONE && v->unset_var) {
		ev->unset_var = v->unset_var;
		return ev_fail_at(ev, x, "environment variable %s is not set", v->unset_var);
	}
	if (v->kind == PYV_REF && !strcmp(v->name, "alembic.result"))
		return ev_fail_at(ev, x,
				  "a query whose result is used (bind.execute(...) in an "
				  "expression) cannot run without Python");
	return NULL;
}

int lit_truth(struct ev *ev, const struct pyv *v, const struct py_expr *x)
{
	switch (v->kind) {
	case PYV_NONE:
		return 0;
	case PYV_BOOL:
		return v->b;
	case PYV_INT:
		return v->i != 0;
	case PYV_FLOAT:
		return v->f != 0;
	case PYV_STR:
	case PYV_BYTES:
		return v->len != 0;
	case PYV_TUPLE:
	case PYV_LIST:
	case PYV_DICT:
	case PYV_SET:
		return v->n != 0;
	case PYV_FUNC:
		return 1;
	case PYV_REF:
		if (!strcmp(v->name, "alembic.bind") ||
		    !strcmp(v->name, "alembic.migration_context") ||
		    !strcmp(v->name, "alembic.inspector"))
			return 1; /* an object (the connection, the context, an inspector) is true */
				  /* fall through */
	default:
		if (!unusable(ev, x, v))
			ev_fail_at(ev, x,
				   "the truth value of %s is not known without a database "
				   "(it cannot be evaluated without Python)",
				   pyv_describe(ev->a, v));
		return -1;
	}
}

/* "operator.<name>"(args...) for the binder. */
static const struct pyv *sql_op(struct ev *ev, const struct py_expr *x, const char *name,
				const struct pyv *l, const struct pyv *r)
{
	struct pyv *v = ev_new(ev, PYV_CALL, x);
	const struct pyv **items = arena_alloc(ev->a, 2 * sizeof(*items));

	items[0] = l;
	items[1] = r;
	v->name = arena_printf(ev->a, "operator.%s", name);
	v->items = items;
	v->n = r ? 2 : 1;
	return v;
}

static const char *op_name(const char *op)
{
	static const char *const map[][2] = {
		{"+", "add"},         {"-", "sub"},  {"*", "mul"},         {"/", "truediv"},
		{"//", "floordiv"},   {"%", "mod"},  {"**", "pow"},        {"<<", "lshift"},
		{">>", "rshift"},     {"&", "and_"}, {"|", "or_"},         {"^", "xor"},
		{"@", "matmul"},      {"==", "eq"},  {"!=", "ne"},         {"<", "lt"},
		{"<=", "le"},         {">", "gt"},   {">=", "ge"},         {"in", "in"},
		{"not in", "not_in"}, {"is", "is"},  {"is not", "is_not"}, {"not", "not_"},
		{"~", "invert"},      {"-u", "neg"}, {"+u", "pos"},
	};

	for (size_t k = 0; k < sizeof(map) / sizeof(map[0]); k++)
		if (!strcmp(map[k][0], op))
			return map[k][1];
	return op;
}

static const struct pyv *num_result(struct ev *ev, const struct py_expr *x, bool is_float, double f,
				    long long i)
{
	struct pyv *v;

	if (!is_float)
		return ev_int(ev, i, x);
	v = ev_new(ev, PYV_FLOAT, x);
	v->f = f;
	v->text = pyv_float_repr(ev->a, f);
	return v;
}

/* floor() and pow() with an integral exponent, without libm (the executable links none). */
static bool fpow_int(double a, double b, double *out)
{
	long long e = (long long)b;
	double r = 1;

	if ((double)e != b || e > 4096 || e < -4096)
		return false;
	for (long long k = 0; k < (e < 0 ? -e : e); k++)
		r *= a;
	*out = e < 0 ? 1 / r : r;
	return true;
}

static double ffloor(double d)
{
	double t;

	if (d >= 9.2e18 || d <= -9.2e18 || d != d)
		return d;
	t = (double)(long long)d;
	return t > d ? t - 1 : t;
}

/* Python's floor division and modulo (the result takes the divisor's sign). */
static long long floor_div(long long a, long long b)
{
	long long q = a / b;

	return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

static const struct pyv *int_binop(struct ev *ev, const struct py_expr *x, const char *op,
				   long long a, long long b)
{
	long long r = 0;

	if ((!strcmp(op, "//") || !strcmp(op, "%") || !strcmp(op, "/")) && b == 0)
		return ev_fail_at(ev, x, "ZeroDivisionError: division by zero");
	if (!strcmp(op, "/"))
		return num_result(ev, x, true, (double)a / (double)b, 0);
	if ((!strcmp(op, "+") && __builtin_add_overflow(a, b, &r)) ||
	    (!strcmp(op, "-") && __builtin_sub_overflow(a, b, &r)) ||
	    (!strcmp(op, "*") && __builtin_mul_overflow(a, b, &r)))
		return ev_fail_at(ev, x, "an integer this large is not supported");
	if (!strcmp(op, "//") || !strcmp(op, "%")) {
		if (a == LLONG_MIN && b == -1)
			return ev_fail_at(ev, x, "an integer this large is not supported");
		r = floor_div(a, b);
		if (!strcmp(op, "%"))
			r = a - r * b;
	} else if (!strcmp(op, "**")) {
		if (b < 0) {
			double f;
			if (!fpow_int((double)a, (double)b, &f))
				return ev_fail_at(ev, x, "a power this large is not supported");
			return num_result(ev, x, true, f, 0);
		}
		r = 1;
		for (long long k = 0; k < b; k++)
			if (__builtin_mul_overflow(r, a, &r))
				return ev_fail_at(ev, x, "an integer this large is not supported");
	} else if (!strcmp(op, "&") || !strcmp(op, "|") || !strcmp(op, "^")) {
		r = op[0] == '&' ? (a & b) : op[0] == '|' ? (a | b) : (a ^ b);
	} else if (!strcmp(op, "<<") || !strcmp(op, ">>")) {
		if (b < 0 || b > 62)
			return ev_fail_at(ev, x, "a shift this large is not supported");
		r = op[0] == '<' ? a << b : a >> b;
	} else if (strcmp(op, "+") && strcmp(op, "-") && strcmp(op, "*")) {
		return ev_fail_at(ev, x, "unsupported operand type(s) for %s: 'int' and 'int'", op);
	}
	return num_result(ev, x, false, 0, r);
}

static const struct pyv *float_binop(struct ev *ev, const struct py_expr *x, const char *op,
				     double a, double b)
{
	double r;

	if (strchr("/%", op[0]) && b == 0)
		return ev_fail_at(ev, x, "ZeroDivisionError: float division by zero");
	if (!strcmp(op, "+"))
		r = a + b;
	else if (!strcmp(op, "-"))
		r = a - b;
	else if (!strcmp(op, "*"))
		r = a * b;
	else if (!strcmp(op, "/"))
		r = a / b;
	else if (!strcmp(op, "//"))
		r = ffloor(a / b);
	else if (!strcmp(op, "**") && fpow_int(a, b, &r))
		;
	else
		return ev_fail_at(ev, x, "unsupported operand type(s) for %s: 'float'", op);
	return num_result(ev, x, true, r, 0);
}

static const struct pyv *str_format_percent(struct ev *ev, const struct py_expr *x,
					    const struct pyv *fmt, const struct pyv *args);

static const struct pyv *concat(struct ev *ev, const struct py_expr *x, const struct pyv *l,
				const struct pyv *r)
{
	const struct pyv **items;
	struct pyv *v;

	if (l->kind == PYV_STR || l->kind == PYV_BYTES) {
		char *s = arena_alloc(ev->a, l->len + r->len + 1);
		memcpy(s, l->s, l->len);
		memcpy(s + l->len, r->s, r->len);
		s[l->len + r->len] = '\0';
		v = ev_new(ev, l->kind, x);
		v->s = s;
		v->len = l->len + r->len;
		return v;
	}
	items = arena_alloc(ev->a, (l->n + r->n + 1) * sizeof(*items));
	if (l->n) /* an empty sequence's items may be NULL */
		memcpy(items, l->items, l->n * sizeof(*items));
	if (r->n)
		memcpy(items + l->n, r->items, r->n * sizeof(*items));
	return lit_seq(ev, l->kind, items, l->n + r->n, x);
}

static const struct pyv *repeat(struct ev *ev, const struct py_expr *x, const struct pyv *seq,
				long long times)
{
	struct buf b = BUF_INIT;
	const struct pyv **items = NULL;
	size_t n = 0;
	const struct pyv *v;

	if (times > 10000 || (times > 0 && (seq->len + seq->n) * (size_t)times > 1000000))
		return ev_fail_at(ev, x, "a repetition this large is not supported");
	for (long long k = 0; k < times; k++) {
		if (seq->kind == PYV_STR) {
			buf_add(&b, seq->s, seq->len);
			continue;
		}
		items = arena_grow(ev->a, items, n, n + seq->n, sizeof(*items));
		if (seq->n)
			memcpy(items + n, seq->items, seq->n * sizeof(*items));
		n += seq->n;
	}
	v = seq->kind == PYV_STR ? ev_str(ev, b.ptr ? b.ptr : "", b.len, x)
				 : lit_seq(ev, seq->kind, items, n, x);
	buf_release(&b);
	return v;
}

const struct pyv *lit_binop(struct ev *ev, const struct py_expr *x, const char *op,
			    const struct pyv *l, const struct pyv *r)
{
	if (unusable(ev, x, l) || unusable(ev, x, r) || ev->e->code)
		return NULL;
	if (known_is_sql(l) || known_is_sql(r))
		return sql_op(ev, x, op_name(op), l, r);
	if (l->kind == PYV_SET || r->kind == PYV_SET)
		return ev_fail_at(
			ev, x, "the operator %s on a set cannot be evaluated without Python", op);
	if (is_num(l) && is_num(r)) {
		if (l->kind == PYV_FLOAT || r->kind == PYV_FLOAT)
			return float_binop(ev, x, op, num(l), num(r));
		return int_binop(ev, x, op, inum(l), inum(r));
	}
	if (!strcmp(op, "+") && l->kind == r->kind &&
	    (l->kind == PYV_STR || l->kind == PYV_BYTES || l->kind == PYV_LIST ||
	     l->kind == PYV_TUPLE))
		return concat(ev, x, l, r);
	if (!strcmp(op, "*") &&
	    (l->kind == PYV_STR || l->kind == PYV_LIST || l->kind == PYV_TUPLE) &&
	    (r->kind == PYV_INT || r->kind == PYV_BOOL))
		return repeat(ev, x, l, inum(r));
	if (!strcmp(op, "%") && l->kind == PYV_STR)
		return str_format_percent(ev, x, l, r);
	return ev_fail_at(ev, x, "TypeError: unsupported operand type(s) for %s: '%s' and '%s'", op,
			  type_name(l), type_name(r));
}

const struct pyv *lit_unary(struct ev *ev, const struct py_expr *x, const char *op,
			    const struct pyv *v)
{
	int t;

	if (unusable(ev, x, v) || ev->e->code)
		return NULL;
	if (!strcmp(op, "not")) {
		if (known_is_sql(v))
			return sql_op(ev, x, "not_", v, NULL);
		return (t = lit_truth(ev, v, x)) < 0 ? NULL : ev_bool(ev, !t, x);
	}
	if (known_is_sql(v))
		return sql_op(ev, x,
			      op_name(!strcmp(op, "~") ? "~"
				      : op[0] == '-'   ? "-u"
						       : "+u"),
			      v, NULL);
	if (!is_num(v) || (op[0] == '~' && v->kind == PYV_FLOAT))
		return ev_fail_at(ev, x, "TypeError: bad operand type for unary %s: '%s'", op,
				  type_name(v));
	if (v->kind == PYV_FLOAT)
		return num_result(ev, x, true, op[0] == '-' ? -v->f : v->f, 0);
	if (op[0] == '-' && inum(v) == LLONG_MIN)
		return ev_fail_at(ev, x, "an integer this large is not supported");
	return num_result(ev, x, false, 0,
			  op[0] == '-'   ? -inum(v)
			  : op[0] == '~' ? ~inum(v)
					 : inum(v));
}

/* -1, 0, 1 for numbers or strings; 2 when they do not order. */
static int order(const struct pyv *l, const struct pyv *r)
{
	if (is_num(l) && is_num(r))
		return num(l) < num(r) ? -1 : num(l) > num(r) ? 1 : 0;
	if (l->kind == PYV_STR && r->kind == PYV_STR) {
		size_t n = l->len < r->len ? l->len : r->len;
		int c = memcmp(l->s, r->s, n);
		return c ? (c < 0 ? -1 : 1) : l->len < r->len ? -1 : l->len > r->len ? 1 : 0;
	}
	return 2;
}

static const struct pyv *contains(struct ev *ev, const struct py_expr *x, const struct pyv *l,
				  const struct pyv *r)
{
	if (r->kind == PYV_STR && l->kind == PYV_STR) {
		bool found = l->len == 0;
		for (size_t k = 0; !found && k + l->len <= r->len; k++)
			found = !memcmp(r->s + k, l->s, l->len);
		return ev_bool(ev, found, x);
	}
	if (r->kind == PYV_LIST || r->kind == PYV_TUPLE || r->kind == PYV_DICT ||
	    r->kind == PYV_SET) {
		const struct pyv *const *v = r->kind == PYV_DICT ? r->keys : r->items;
		for (size_t k = 0; k < r->n; k++)
			if (lit_equal(l, v[k]))
				return ev_bool(ev, true, x);
		return ev_bool(ev, false, x);
	}
	return ev_fail_at(ev, x, "TypeError: argument of type '%s' is not iterable", type_name(r));
}

const struct pyv *lit_compare(struct ev *ev, const struct py_expr *x, const char *op,
			      const struct pyv *l, const struct pyv *r)
{
	const struct pyv *v;
	int c;

	if ((l->kind == PYV_OPAQUE || r->kind == PYV_OPAQUE) ||
	    (l->kind == PYV_REF && !strcmp(l->name, "alembic.result")))
		return unusable(ev, x, l->kind == PYV_OPAQUE || l->kind == PYV_REF ? l : r);
	if (known_is_sql(l) || known_is_sql(r))
		return sql_op(ev, x, op_name(op), l, r);
	if (!strcmp(op, "is") || !strcmp(op, "is not")) {
		bool same = l->kind == r->kind && (l->kind == PYV_NONE ||
						   (l->kind == PYV_BOOL && l->b == r->b) || l == r);
		return ev_bool(ev, same == !strcmp(op, "is"), x);
	}
	if (!strcmp(op, "in") || !strcmp(op, "not in")) {
		if (!(v = contains(ev, x, l, r)))
			return NULL;
		return op[0] == 'n' ? ev_bool(ev, !v->b, x) : v;
	}
	if (!strcmp(op, "==") || !strcmp(op, "!="))
		return ev_bool(ev, lit_equal(l, r) == (op[0] == '='), x);
	if ((c = order(l, r)) == 2)
		return ev_fail_at(ev, x,
				  "TypeError: '%s' not supported between instances of '%s' "
				  "and '%s'",
				  op, type_name(l), type_name(r));
	return ev_bool(ev,
		       !strcmp(op, "<")    ? c < 0
		       : !strcmp(op, "<=") ? c <= 0
		       : !strcmp(op, ">")  ? c > 0
					   : c >= 0,
		       x);
}

int lit_str(struct ev *ev, const struct py_expr *x, const struct pyv *v, struct buf *b)
{
	if (unusable(ev, x, v) || ev->e->code)
		return -1;
	switch (v->kind) {
	case PYV_STR:
		buf_add(b, v->s, v->len);
		return 0;
	case PYV_NONE:
		buf_adds(b, "None");
		return 0;
	case PYV_BOOL:
	case PYV_INT:
	case PYV_FLOAT:
	case PYV_BYTES:
		buf_adds(b, pyv_describe(ev->a, v));
		return 0;
	default:
		if (lit_is_literal(v)) {
			buf_adds(b, pyv_describe(ev->a, v));
			return 0;
		}
		ev_fail_at(ev, x, "the text of %s cannot be known without Python",
			   pyv_describe(ev->a, v));
		return -1;
	}
}

const struct pyv *const *lit_iter(struct ev *ev, const struct py_expr *x, const struct pyv *v,
				  size_t *n)
{
	const struct pyv **items;
	size_t k = 0;

	*n = 0;
	if (v->kind == PYV_LIST || v->kind == PYV_TUPLE) {
		*n = v->n;
		return v->n ? v->items : (const struct pyv *const *)&v->items;
	}
	if (v->kind == PYV_DICT) {
		*n = v->n;
		return v->n ? v->keys : (const struct pyv *const *)&v->keys;
	}
	if (v->kind == PYV_STR) {
		items = arena_calloc(ev->a, v->len + 1, sizeof(*items));
		for (size_t i = 0; i < v->len;) {
			size_t m = 1;
			while (i + m < v->len && ((unsigned char)v->s[i + m] & 0xC0) == 0x80)
				m++;
			items[k++] = ev_str(ev, v->s + i, m, x);
			i += m;
		}
		*n = k;
		return items;
	}
	if (v->kind == PYV_REF && !strcmp(v->name, "alembic.result"))
		return ev_fail_at(ev, x,
				  "a loop over a query's result (for row in "
				  "bind.execute(...)) cannot run without Python");
	if (v->kind == PYV_SET)
		return ev_fail_at(ev, x,
				  "iterating over a set cannot be evaluated without Python "
				  "(its order is Python's hash order; sorted(...) of it can)");
	if (unusable(ev, x, v) || ev->e->code)
		return NULL;
	return ev_fail_at(ev, x,
			  "iterating over %s cannot be evaluated without Python (only "
			  "literal lists, tuples, dicts and strings)",
			  pyv_describe(ev->a, v));
}

const struct pyv *lit_subscript(struct ev *ev, const struct py_expr *x, const struct pyv *v,
				const struct pyv *key)
{
	if (unusable(ev, x, v) || unusable(ev, x, key) || ev->e->code)
		return NULL;
	if (known_is_sql(v))
		return sql_op(ev, x, "getitem", v, key);
	if (v->kind == PYV_DICT) {
		for (size_t k = 0; k < v->n; k++)
			if (lit_equal(v->keys[k], key))
				return v->items[k];
		return ev_fail_at(ev, x, "KeyError: %s", pyv_describe(ev->a, key));
	}
	if ((v->kind == PYV_LIST || v->kind == PYV_TUPLE || v->kind == PYV_STR) &&
	    (key->kind == PYV_INT || key->kind == PYV_BOOL)) {
		size_t n;
		const struct pyv *const *items = lit_iter(ev, x, v, &n);
		long long i = inum(key);
		if (!items)
			return NULL;
		if (i < 0)
			i += (long long)n;
		if (i < 0 || (size_t)i >= n)
			return ev_fail_at(ev, x, "IndexError: %s index out of range", type_name(v));
		return items[i];
	}
	return ev_fail_at(ev, x, "TypeError: '%s' object is not subscriptable with %s",
			  type_name(v), pyv_describe(ev->a, key));
}

/* ---- string formatting ---- */

/* One %-conversion of value v (spec 's', 'r', 'd', 'i'). */
static int percent_one(struct ev *ev, const struct py_expr *x, char spec, const struct pyv *v,
		       struct buf *b)
{
	if (spec == 's')
		return lit_str(ev, x, v, b);
	if (spec == 'r') {
		if (!lit_is_literal(v))
			return lit_str(ev, x, v, b);
		buf_adds(b, pyv_describe(ev->a, v));
		return 0;
	}
	if ((spec == 'd' || spec == 'i') && (v->kind == PYV_INT || v->kind == PYV_BOOL)) {
		buf_addf(b, "%lld", inum(v));
		return 0;
	}
	ev_fail_at(ev, x, "a '%%%c' format of %s cannot be evaluated without Python", spec,
		   pyv_describe(ev->a, v));
	return -1;
}

/* fmt % args, as PyUnicode_Format for %s %r %d %i %% and %(key)s. */
static const struct pyv *str_format_percent(struct ev *ev, const struct py_expr *x,
					    const struct pyv *fmt, const struct pyv *args)
{
	struct buf b = BUF_INIT;
	const struct pyv *const *items = &args;
	size_t n = 1, used = 0;
	const struct pyv *r = NULL;

	if (args->kind == PYV_TUPLE) {
		items = args->items;
		n = args->n;
	}
	for (size_t k = 0; k < fmt->len; k++) {
		const struct pyv *v;
		char c = fmt->s[k];
		if (c != '%') {
			buf_addch(&b, c);
			continue;
		}
		if (++k == fmt->len)
			goto bad;
		if (fmt->s[k] == '%') {
			buf_addch(&b, '%');
			continue;
		}
		if (fmt->s[k] == '(') {
			const char *close = memchr(fmt->s + k, ')', fmt->len - k);
			struct pyv key = {0};
			if (!close || args->kind != PYV_DICT || close + 1 >= fmt->s + fmt->len)
				goto bad;
			key.kind = PYV_STR;
			key.s = fmt->s + k + 1;
			key.len = (size_t)(close - key.s);
			if (!(v = lit_subscript(ev, x, args, &key)))
				goto out;
			k = (size_t)(close - fmt->s) + 1;
		} else {
			if (used == n)
				goto few;
			v = items[used++];
		}
		if (percent_one(ev, x, fmt->s[k], v, &b))
			goto out;
	}
	if (used && used < n) {
		ev_fail_at(ev, x,
			   "TypeError: not all arguments converted during string formatting");
		goto out;
	}
	r = ev_str(ev, b.ptr ? b.ptr : "", b.len, x);
	goto out;
few:
	ev_fail_at(ev, x, "TypeError: not enough arguments for format string");
	goto out;
bad:
	ev_fail_at(ev, x, "a %%-format this complex cannot be evaluated without Python");
out:
	buf_release(&b);
	return r;
}

/* The field of "...{name}..." / "{0}" / "{}" in str.format. */
static const struct pyv *format_field(struct ev *ev, const struct py_expr *x, const char *f,
				      size_t n, size_t *auto_k, const struct ev_args *args)
{
	if (!n) {
		if (*auto_k >= args->n_pos)
			return ev_fail_at(ev, x,
					  "IndexError: Replacement index %zu out of range "
					  "for positional args tuple",
					  *auto_k);
		return args->pos[(*auto_k)++];
	}
	if (str_isdigit(f[0])) {
		size_t i = 0;
		for (size_t k = 0; k < n; k++) {
			if (!str_isdigit(f[k]))
				return ev_fail_at(ev, x,
						  "a str.format field '%.*s' cannot be "
						  "evaluated without Python",
						  (int)n, f);
			i = i * 10 + (size_t)(f[k] - '0');
		}
		if (i >= args->n_pos)
			return ev_fail_at(ev, x, "IndexError: Replacement index %zu out of range",
					  i);
		return args->pos[i];
	}
	for (size_t k = 0; k < args->n_kw; k++)
		if (strlen(args->kw[k].key) == n && !memcmp(args->kw[k].key, f, n))
			return args->kw[k].val;
	return ev_fail_at(ev, x, "KeyError: '%.*s'", (int)n, f);
}

/* str.format: fields {}, {0}, {name} without conversions or specs; {{ and }}. */
static const struct pyv *str_format(struct ev *ev, const struct py_expr *x, const struct pyv *fmt,
				    const struct ev_args *args)
{
	struct buf b = BUF_INIT;
	size_t auto_k = 0;
	const struct pyv *r = NULL;

	for (size_t k = 0; k < fmt->len; k++) {
		const char *s = fmt->s + k, *close;
		const struct pyv *v;
		if ((*s == '{' || *s == '}') && k + 1 < fmt->len && s[1] == *s) {
			buf_addch(&b, *s);
			k++;
			continue;
		}
		if (*s != '{') {
			buf_addch(&b, *s);
			continue;
		}
		close = memchr(s, '}', fmt->len - k);
		if (!close || memchr(s, ':', (size_t)(close - s)) ||
		    memchr(s, '!', (size_t)(close - s)) || memchr(s, '.', (size_t)(close - s)) ||
		    memchr(s, '[', (size_t)(close - s))) {
			ev_fail_at(ev, x,
				   "a str.format field this complex cannot be evaluated without "
				   "Python");
			goto out;
		}
		if (!(v = format_field(ev, x, s + 1, (size_t)(close - s - 1), &auto_k, args)) ||
		    lit_str(ev, x, v, &b))
			goto out;
		k = (size_t)(close - fmt->s);
	}
	r = ev_str(ev, b.ptr ? b.ptr : "", b.len, x);
out:
	buf_release(&b);
	return r;
}

static bool ascii_space(char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

/* strip/lstrip/rstrip without arguments (ASCII white space) or with a set of characters. */
static const struct pyv *lstr_strip(struct ev *ev, const struct py_expr *x, const struct pyv *s,
				    const char *which, const struct ev_args *args)
{
	size_t lo = 0, hi = s->len;
	const struct pyv *chars = args->n_pos ? args->pos[0] : NULL;

	if (chars && chars->kind != PYV_STR)
		return ev_fail_at(ev, x, "str.%s() takes a string", which);
#define STRIPPED(c) (chars ? memchr(chars->s, (c), chars->len) != NULL : ascii_space(c))
	while (which[0] != 'r' && lo < hi && STRIPPED(s->s[lo]))
		lo++;
	while (which[0] != 'l' && hi > lo && STRIPPED(s->s[hi - 1]))
		hi--;
#undef STRIPPED
	return ev_str(ev, s->s + lo, hi - lo, x);
}

static const struct pyv *str_replace(struct ev *ev, const struct py_expr *x, const struct pyv *s,
				     const struct ev_args *args)
{
	const struct pyv *from, *to;
	struct buf b = BUF_INIT;
	const struct pyv *r;

	if (args->n_pos != 2 || (from = args->pos[0])->kind != PYV_STR ||
	    (to = args->pos[1])->kind != PYV_STR || !from->len)
		return ev_fail_at(ev, x, "str.replace() takes two strings here");
	for (size_t k = 0; k < s->len;) {
		if (k + from->len <= s->len && !memcmp(s->s + k, from->s, from->len)) {
			buf_add(&b, to->s, to->len);
			k += from->len;
		} else {
			buf_addch(&b, s->s[k++]);
		}
	}
	r = ev_str(ev, b.ptr ? b.ptr : "", b.len, x);
	buf_release(&b);
	return r;
}

static const struct pyv *str_join(struct ev *ev, const struct py_expr *x, const struct pyv *sep,
				  const struct ev_args *args)
{
	const struct pyv *const *items;
	size_t n;
	struct buf b = BUF_INIT;
	const struct pyv *r = NULL;

	if (args->n_pos != 1 || !(items = lit_iter(ev, x, args->pos[0], &n)))
		return args->n_pos != 1 ? ev_fail_at(ev, x, "str.join() takes one argument") : NULL;
	for (size_t k = 0; k < n; k++) {
		if (items[k]->kind != PYV_STR) {
			ev_fail_at(ev, x,
				   "TypeError: sequence item %zu: expected str instance, %s "
				   "found",
				   k, type_name(items[k]));
			goto out;
		}
		if (k)
			buf_add(&b, sep->s, sep->len);
		buf_add(&b, items[k]->s, items[k]->len);
	}
	r = ev_str(ev, b.ptr ? b.ptr : "", b.len, x);
out:
	buf_release(&b);
	return r;
}

static const struct pyv *str_case(struct ev *ev, const struct py_expr *x, const struct pyv *s,
				  bool upper)
{
	struct pyv *v = ev_str(ev, s->s, s->len, x);
	char *p = (char *)v->s;

	for (size_t k = 0; k < v->len; k++)
		if (upper ? (p[k] >= 'a' && p[k] <= 'z') : (p[k] >= 'A' && p[k] <= 'Z'))
			p[k] = (char)(p[k] ^ 0x20);
	return v;
}

static const struct pyv *str_affix(struct ev *ev, const struct py_expr *x, const struct pyv *s,
				   bool start, const struct ev_args *args)
{
	const struct pyv *a = args->n_pos == 1 ? args->pos[0] : NULL;

	if (!a || a->kind != PYV_STR)
		return ev_fail_at(ev, x, "str.%swith() takes one string here",
				  start ? "starts" : "ends");
	if (a->len > s->len)
		return ev_bool(ev, false, x);
	return ev_bool(ev, !memcmp(start ? s->s : s->s + s->len - a->len, a->s, a->len), x);
}

static const struct pyv *str_method(struct ev *ev, const struct py_expr *x, const struct pyv *s,
				    const char *name, const struct ev_args *args)
{
	if (!strcmp(name, "format"))
		return str_format(ev, x, s, args);
	if (!strcmp(name, "upper") || !strcmp(name, "lower"))
		return str_case(ev, x, s, name[0] == 'u');
	if (!strcmp(name, "strip") || !strcmp(name, "lstrip") || !strcmp(name, "rstrip"))
		return lstr_strip(ev, x, s, name, args);
	if (!strcmp(name, "replace"))
		return str_replace(ev, x, s, args);
	if (!strcmp(name, "join"))
		return str_join(ev, x, s, args);
	if (!strcmp(name, "startswith") || !strcmp(name, "endswith"))
		return str_affix(ev, x, s, name[0] == 's', args);
	return ev_fail_at(ev, x, "str.%s() cannot be evaluated without Python", name);
}

static const struct pyv *dict_method(struct ev *ev, const struct py_expr *x, const struct pyv *d,
				     const char *name, const struct ev_args *args)
{
	const struct pyv **items;

	if (!strcmp(name, "get") && (args->n_pos == 1 || args->n_pos == 2)) {
		for (size_t k = 0; k < d->n; k++)
			if (lit_equal(d->keys[k], args->pos[0]))
				return d->items[k];
		return args->n_pos == 2 ? args->pos[1] : ev_new(ev, PYV_NONE, x);
	}
	if (!strcmp(name, "keys") || !strcmp(name, "values"))
		return lit_seq(ev, PYV_LIST, name[0] == 'k' ? d->keys : d->items, d->n, x);
	if (!strcmp(name, "items")) {
		items = arena_calloc(ev->a, d->n + 1, sizeof(*items));
		for (size_t k = 0; k < d->n; k++) {
			const struct pyv **pair = arena_alloc(ev->a, 2 * sizeof(*pair));
			pair[0] = d->keys[k];
			pair[1] = d->items[k];
			items[k] = lit_seq(ev, PYV_TUPLE, pair, 2, x);
		}
		return lit_seq(ev, PYV_LIST, items, d->n, x);
	}
	return ev_fail_at(ev, x, "dict.%s() cannot be evaluated without Python", name);
}

const struct pyv *lit_method(struct ev *ev, const struct py_expr *call, const struct pyv *recv,
			     const char *name, const struct ev_args *args)
{
	if (unusable(ev, call, recv) || ev->e->code)
		return NULL;
	if (recv->kind == PYV_STR)
		return str_method(ev, call, recv, name, args);
	if (recv->kind == PYV_DICT)
		return dict_method(ev, call, recv, name, args);
	if (recv->kind == PYV_REF && !strcmp(recv->name, "alembic.batch_op"))
		return ev_fail_at(ev, call, "batch_op.%s is not a batch operation", name);
	return ev_fail_at(ev, call, "%s.%s() cannot be evaluated without Python", type_name(recv),
			  name);
}

/* ---- builtins ---- */

static const struct pyv *b_range(struct ev *ev, const struct py_expr *x, const char *name,
				 const struct ev_args *args)
{
	long long lo = 0, hi, step = 1;
	const struct pyv **items = NULL;
	size_t n = 0;

	(void)name;
	for (size_t k = 0; k < args->n_pos; k++)
		if (args->pos[k]->kind != PYV_INT)
			return ev_fail_at(ev, x, "range() takes integers");
	if (args->n_pos < 1 || args->n_pos > 3)
		return ev_fail_at(ev, x, "range expected 1 to 3 arguments, got %zu", args->n_pos);
	hi = args->pos[args->n_pos == 1 ? 0 : 1]->i;
	if (args->n_pos > 1)
		lo = args->pos[0]->i;
	if (args->n_pos == 3 && (step = args->pos[2]->i) == 0)
		return ev_fail_at(ev, x, "ValueError: range() arg 3 must not be zero");
	for (long long i = lo; step > 0 ? i < hi : i > hi; i += step) {
		if (n >= 100000)
			return ev_fail_at(ev, x, "a range this large is not supported");
		ev_vpush(ev, &items, &n, ev_int(ev, i, x));
	}
	return lit_seq(ev, PYV_LIST, items, n, x);
}

/* zip(...) or enumerate(x, start=N) over literal iterables. */
static const struct pyv *b_zip_enum(struct ev *ev, const struct py_expr *x, const char *name,
				    const struct ev_args *args)
{
	const struct pyv *const *cols[8];
	size_t lens[8], n = SIZE_MAX, m = args->n_pos;
	const struct pyv **rows;
	long long start = 0;
	bool is_zip = name[0] == 'z';

	if (m == 0 || m > 8 || (!is_zip && m != 1))
		return ev_fail_at(ev, x,
				  "%s() with these arguments cannot be evaluated without Python",
				  is_zip ? "zip" : "enumerate");
	for (size_t k = 0; k < args->n_kw; k++)
		if (!is_zip && !strcmp(args->kw[k].key, "start") &&
		    args->kw[k].val->kind == PYV_INT)
			start = args->kw[k].val->i;
	for (size_t k = 0; k < m; k++) {
		if (!(cols[k] = lit_iter(ev, x, args->pos[k], &lens[k])))
			return NULL;
		n = lens[k] < n ? lens[k] : n;
	}
	rows = arena_calloc(ev->a, n + 1, sizeof(*rows));
	for (size_t i = 0; i < n; i++) {
		const struct pyv **t = arena_alloc(ev->a, (m + 1) * sizeof(*t));
		if (is_zip) {
			for (size_t k = 0; k < m; k++)
				t[k] = cols[k][i];
		} else {
			t[0] = ev_int(ev, start + (long long)i, x);
			t[1] = cols[0][i];
		}
		rows[i] = lit_seq(ev, PYV_TUPLE, t, is_zip ? m : 2, x);
	}
	return lit_seq(ev, PYV_LIST, rows, n, x);
}

static const struct pyv *b_convert(struct ev *ev, const struct py_expr *x, const char *name,
				   const struct pyv *v)
{
	const struct pyv *const *items;
	size_t n;
	struct buf b = BUF_INIT;
	const struct pyv *r;
	long val;
	int t;

	if (!strcmp(name, "list") || !strcmp(name, "tuple")) {
		if (!(items = lit_iter(ev, x, v, &n)))
			return NULL;
		return lit_seq(ev, name[0] == 'l' ? PYV_LIST : PYV_TUPLE,
			       (const struct pyv **)items, n, x);
	}
	if (!strcmp(name, "str") || !strcmp(name, "repr")) {
		if (name[0] == 'r' && lit_is_literal(v)) {
			const char *d = pyv_describe(ev->a, v);
			return ev_str(ev, d, strlen(d), x);
		}
		if (lit_str(ev, x, v, &b))
			return buf_release(&b), NULL;
		r = ev_str(ev, b.ptr ? b.ptr : "", b.len, x);
		buf_release(&b);
		return r;
	}
	if (!strcmp(name, "bool"))
		return (t = lit_truth(ev, v, x)) < 0 ? NULL : ev_bool(ev, t, x);
	if (!strcmp(name, "int") && (v->kind == PYV_INT || v->kind == PYV_BOOL))
		return ev_int(ev, inum(v), x);
	if (!strcmp(name, "int") && v->kind == PYV_STR && str_to_long(v->s, &val) == 0)
		return ev_int(ev, val, x);
	if (!strcmp(name, "float") && is_num(v))
		return num_result(ev, x, true, num(v), 0);
	return ev_fail_at(ev, x, "%s(%s) cannot be evaluated without Python", name,
			  pyv_describe(ev->a, v));
}

static int sort_cmp(struct ev *ev, const struct py_expr *x, const struct pyv *l,
		    const struct pyv *r)
{
	int c = order(l, r);

	if (c == 2)
		ev_fail_at(ev, x, "TypeError: '<' not supported between instances of '%s' and '%s'",
			   type_name(l), type_name(r));
	return c;
}

/* sorted / min / max over a literal iterable (a stable insertion sort). */
static const struct pyv *b_order(struct ev *ev, const struct py_expr *x, const char *name,
				 const struct ev_args *args)
{
	const struct pyv *const *in;
	const struct pyv **v;
	size_t n;

	if (args->n_kw || args->n_pos < 1)
		return ev_fail_at(ev, x,
				  "%s() with these arguments cannot be evaluated without Python",
				  name);
	if (args->n_pos > 1) {
		in = args->pos;
		n = args->n_pos;
	} else if (args->pos[0]->kind == PYV_SET) { /* sorted order does not depend on hash order */
		in = args->pos[0]->items;
		n = args->pos[0]->n;
	} else if (!(in = lit_iter(ev, x, args->pos[0], &n))) {
		return NULL;
	}
	v = arena_calloc(ev->a, n + 1, sizeof(*v));
	for (size_t k = 0; k < n; k++) {
		size_t j = k;
		while (j > 0 && sort_cmp(ev, x, v[j - 1], in[k]) > 0)
			v[j] = v[j - 1], j--;
		if (ev->e->code)
			return NULL;
		v[j] = in[k];
	}
	if (!strcmp(name, "sorted"))
		return lit_seq(ev, PYV_LIST, v, n, x);
	if (!n)
		return ev_fail_at(ev, x, "ValueError: %s() arg is an empty sequence", name);
	return name[1] == 'i' ? v[0] : v[n - 1];
}

static const struct pyv *b_any_all(struct ev *ev, const struct py_expr *x, const char *name,
				   const struct ev_args *args)
{
	const struct pyv *const *in;
	size_t n;
	bool is_all = name[1] == 'l';

	if (args->n_pos != 1 || !(in = lit_iter(ev, x, args->pos[0], &n)))
		return args->n_pos != 1 ? ev_fail_at(ev, x, "any()/all() take one argument") : NULL;
	for (size_t k = 0; k < n; k++) {
		int t = lit_truth(ev, in[k], x);
		if (t < 0)
			return NULL;
		if (t != is_all)
			return ev_bool(ev, !is_all, x);
	}
	return ev_bool(ev, is_all, x);
}

/* One ASCII byte c of a str in json's encoding. */
static void json_ascii(struct buf *b, unsigned char c)
{
	static const char *const esc[0x20] = {
		['\n'] = "\\n", ['\r'] = "\\r", ['\t'] = "\\t", ['\b'] = "\\b", ['\f'] = "\\f"};

	if (c == '"' || c == '\\')
		buf_addf(b, "\\%c", c);
	else if (c < 0x20 && esc[c])
		buf_adds(b, esc[c]);
	else if (c < 0x20)
		buf_addf(b, "\\u%04x", c);
	else
		buf_addch(b, c);
}

/* json's encoding of the str v (ensure_ascii: non-ASCII as \uXXXX escapes, astral
 * code points as surrogate pairs; DEL passes through as json leaves it). */
static void json_str(struct buf *b, const struct pyv *v)
{
	buf_addch(b, '"');
	for (size_t k = 0; k < v->len;) {
		unsigned char c = (unsigned char)v->s[k];
		unsigned cp;
		size_t m = c < 0x80 ? 1 : str_utf8_decode(v->s + k, v->s + v->len, &cp);
		if (c >= 0x80 && m) {
			if (cp >= 0x10000)
				buf_addf(b, "\\u%04x\\u%04x", 0xD800 + ((cp - 0x10000) >> 10),
					 0xDC00 + ((cp - 0x10000) & 0x3FF));
			else
				buf_addf(b, "\\u%04x", cp);
			k += m;
			continue;
		}
		k++;
		json_ascii(b, c);
	}
	buf_addch(b, '"');
}

static int json_value(struct ev *ev, const struct py_expr *x, const struct pyv *v, struct buf *b,
		      int depth);

/* A list or tuple as a JSON array. */
static int json_array(struct ev *ev, const struct py_expr *x, const struct pyv *v, struct buf *b,
		      int depth)
{
	buf_addch(b, '[');
	for (size_t k = 0; k < v->n; k++) {
		if (k)
			buf_adds(b, ", ");
		if (json_value(ev, x, v->items[k], b, depth + 1))
			return -1;
	}
	buf_addch(b, ']');
	return 0;
}

/* A dict key as json writes it: str as is, numbers, bools and None as strings. */
static int json_key(struct ev *ev, const struct py_expr *x, const struct pyv *key, struct buf *b,
		    int depth)
{
	if (key->kind == PYV_STR)
		return json_value(ev, x, key, b, depth + 1);
	if (key->kind == PYV_INT || key->kind == PYV_FLOAT) {
		buf_addf(b, "\"%s\"", key->text);
		return 0;
	}
	if (key->kind == PYV_BOOL || key->kind == PYV_NONE) {
		buf_adds(b, key->kind == PYV_NONE ? "\"null\"" : key->b ? "\"true\"" : "\"false\"");
		return 0;
	}
	return ev_fail_at(ev, x, "TypeError: keys must be str, int, float, bool or None"), -1;
}

/* A dict as a JSON object, in the dict's order. */
static int json_object(struct ev *ev, const struct py_expr *x, const struct pyv *v, struct buf *b,
		       int depth)
{
	buf_addch(b, '{');
	for (size_t k = 0; k < v->n; k++) {
		if (k)
			buf_adds(b, ", ");
		if (json_key(ev, x, v->keys[k], b, depth))
			return -1;
		buf_adds(b, ": ");
		if (json_value(ev, x, v->items[k], b, depth + 1))
			return -1;
	}
	buf_addch(b, '}');
	return 0;
}

/* json.dumps(v) with json's defaults: ", " and ": " separators, ensure_ascii. */
static int json_value(struct ev *ev, const struct py_expr *x, const struct pyv *v, struct buf *b,
		      int depth)
{
	if (depth > 50)
		return ev_fail_at(ev, x, "ValueError: Circular reference detected"), -1;
	switch (v->kind) {
	case PYV_NONE:
		buf_adds(b, "null");
		return 0;
	case PYV_BOOL:
		buf_adds(b, v->b ? "true" : "false");
		return 0;
	case PYV_INT:
	case PYV_FLOAT:
		buf_adds(b, v->kind == PYV_FLOAT && v->f != v->f ? "NaN" : v->text);
		return 0;
	case PYV_STR:
		json_str(b, v);
		return 0;
	case PYV_LIST:
	case PYV_TUPLE:
		return json_array(ev, x, v, b, depth);
	case PYV_DICT:
		return json_object(ev, x, v, b, depth);
	default:
		ev_fail_at(ev, x,
			   "TypeError: Object of type %s is not JSON serializable "
			   "(json.dumps of anything but literals cannot be evaluated without "
			   "Python)",
			   type_name(v));
		return -1;
	}
}

static const struct pyv *b_json_dumps(struct ev *ev, const struct py_expr *x, const char *name,
				      const struct ev_args *args)
{
	struct buf b = BUF_INIT;
	const struct pyv *r = NULL;

	(void)name;
	if (args->n_pos != 1 || args->n_kw)
		return ev_fail_at(ev, x,
				  "json.dumps with options cannot be evaluated without Python");
	if (json_value(ev, x, args->pos[0], &b, 0) == 0)
		r = ev_str(ev, b.ptr ? b.ptr : "", b.len, x);
	buf_release(&b);
	return r;
}

/* The builtin called with arguments it has no reading for. */
static const struct pyv *b_unsupported(struct ev *ev, const struct py_expr *x, const char *name)
{
	return ev_fail_at(ev, x, "%s() with these arguments cannot be evaluated without Python",
			  name);
}

/* len(x): code points of a str, bytes of a bytes, items of a container. */
static const struct pyv *b_len(struct ev *ev, const struct py_expr *x, const char *name,
			       const struct ev_args *args)
{
	const struct pyv *v;
	size_t n = 0;

	if (args->n_pos != 1)
		return b_unsupported(ev, x, name);
	v = args->pos[0];
	if (v->kind == PYV_STR || v->kind == PYV_BYTES) {
		for (size_t k = 0; k < v->len; k++)
			n += ((unsigned char)v->s[k] & 0xC0) != 0x80 || v->kind == PYV_BYTES;
		return ev_int(ev, (long long)n, x);
	}
	if (v->kind == PYV_SET)
		return ev_int(ev, (long long)v->n, x);
	return lit_iter(ev, x, v, &n) ? ev_int(ev, (long long)n, x) : NULL;
}

/* reversed(x), as a list (only ever iterated or converted). */
static const struct pyv *b_reversed(struct ev *ev, const struct py_expr *x, const char *name,
				    const struct ev_args *args)
{
	const struct pyv *const *in;
	const struct pyv **out;
	size_t n;

	if (args->n_pos != 1)
		return b_unsupported(ev, x, name);
	if (!(in = lit_iter(ev, x, args->pos[0], &n)))
		return NULL;
	out = arena_calloc(ev->a, n + 1, sizeof(*out));
	for (size_t k = 0; k < n; k++)
		out[k] = in[n - 1 - k];
	return lit_seq(ev, PYV_LIST, out, n, x);
}

/* dict(k=v, ...): the keywords in written order. */
static const struct pyv *b_dict(struct ev *ev, const struct py_expr *x, const char *name,
				const struct ev_args *args)
{
	struct pyv *v;

	if (args->n_pos != 0)
		return b_unsupported(ev, x, name);
	v = ev_new(ev, PYV_DICT, x);
	v->keys = arena_calloc(ev->a, args->n_kw + 1, sizeof(*v->keys));
	v->items = arena_calloc(ev->a, args->n_kw + 1, sizeof(*v->items));
	for (size_t k = 0; k < args->n_kw; k++) {
		v->keys[k] = ev_str(ev, args->kw[k].key, strlen(args->kw[k].key), x);
		v->items[k] = args->kw[k].val;
	}
	v->n = args->n_kw;
	return v;
}

/* str / repr / bool / int / float of one positional argument. */
static const struct pyv *b_convert1(struct ev *ev, const struct py_expr *x, const char *name,
				    const struct ev_args *args)
{
	if (args->n_pos != 1 || args->n_kw)
		return b_unsupported(ev, x, name);
	return b_convert(ev, x, name, args->pos[0]);
}

/* list(x) / tuple(x), or an empty one without positional arguments. */
static const struct pyv *b_seq(struct ev *ev, const struct py_expr *x, const char *name,
			       const struct ev_args *args)
{
	if (args->n_pos == 1 && !args->n_kw)
		return b_convert(ev, x, name, args->pos[0]);
	if (!args->n_pos)
		return lit_seq(ev, name[0] == 'l' ? PYV_LIST : PYV_TUPLE, NULL, 0, x);
	return b_unsupported(ev, x, name);
}

/* set() or set(iterable): a set of its items (set(s) of a set is s). */
static const struct pyv *b_set(struct ev *ev, const struct py_expr *x, const char *name,
			       const struct ev_args *args)
{
	const struct pyv *const *items;
	size_t n;

	if (args->n_kw || args->n_pos > 1)
		return b_unsupported(ev, x, name);
	if (!args->n_pos)
		return lit_set(ev, x, NULL, 0);
	if (args->pos[0]->kind == PYV_SET)
		return args->pos[0];
	if (!(items = lit_iter(ev, x, args->pos[0], &n)))
		return NULL;
	return lit_set(ev, x, items, n);
}

/* The builtins evaluated here; each handler gets the name it was called by. */
static const struct {
	const char *name; /* the builtin's name ("json.dumps" for the json module's) */
	const struct pyv *(*fn)(struct ev *ev, const struct py_expr *x, const char *name,
				const struct ev_args *args); /* NULL with ev's error set */
} builtins[] = {
	{"json.dumps", b_json_dumps},
	{"range", b_range},
	{"zip", b_zip_enum},
	{"enumerate", b_zip_enum},
	{"sorted", b_order},
	{"min", b_order},
	{"max", b_order},
	{"any", b_any_all},
	{"all", b_any_all},
	{"len", b_len},
	{"reversed", b_reversed},
	{"dict", b_dict},
	{"list", b_seq},
	{"tuple", b_seq},
	{"set", b_set},
	{"str", b_convert1},
	{"repr", b_convert1},
	{"bool", b_convert1},
	{"int", b_convert1},
	{"float", b_convert1},
};

const struct pyv *lit_builtin(struct ev *ev, const struct py_expr *x, const char *name,
			      const struct ev_args *args)
{
	struct pyv *v;

	for (size_t k = 0; k < args->n_pos; k++)
		if (unusable(ev, x, args->pos[k]) || ev->e->code)
			return NULL;
	for (size_t k = 0; k < sizeof(builtins) / sizeof(builtins[0]); k++)
		if (!strcmp(name, builtins[k].name))
			return builtins[k].fn(ev, x, name, args);
	if (str_endswith(name, "Error") || !strcmp(name, "Exception") ||
	    !strcmp(name, "NotImplemented")) {
		v = ev_new(ev, PYV_CALL, x);
		v->name = arena_printf(ev->a, "builtins.%s", name);
		v->items = args->pos;
		v->n = args->n_pos;
		return v;
	}
	return b_unsupported(ev, x, name);
}
