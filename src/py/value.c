/*
 * value.c - helpers on evaluated values (value.h): keyword lookup and a
 * repr()-like rendering for messages, following Python's repr rules for the
 * literal kinds (unicode_repr for str quoting, float_repr's shortest
 * round-trip digits).
 */
#include "py/value.h"

#include <stdio.h>
#include <stdlib.h>

#include "base/buf.h"

const struct pyv *pyv_kwarg(const struct pyv *c, const char *key)
{
	if (!c || c->kind != PYV_CALL)
		return NULL;
	for (size_t k = 0; k < c->n_kw; k++)
		if (!strcmp(c->kw[k].key, key))
			return c->kw[k].val;
	return NULL;
}

/* Python's repr(str): single quotes unless the text has ' and no ". */
void pyv_repr_str(struct buf *b, const char *s, size_t n)
{
	char q = memchr(s, '\'', n) && !memchr(s, '"', n) ? '"' : '\'';

	buf_addch(b, q);
	for (size_t k = 0; k < n; k++) {
		unsigned char c = (unsigned char)s[k];
		if (c == (unsigned char)q || c == '\\')
			buf_addf(b, "\\%c", c);
		else if (c == '\n')
			buf_adds(b, "\\n");
		else if (c == '\r')
			buf_adds(b, "\\r");
		else if (c == '\t')
			buf_adds(b, "\\t");
		else if (c < 0x20 || c == 0x7f)
			buf_addf(b, "\\x%02x", c);
		else
			buf_addch(b, c);
	}
	buf_addch(b, q);
}

char *pyv_float_repr(struct arena *a, double f)
{
	char tmp[64];

	if (f != f)
		return arena_strdup(a, "nan");
	if (f > 1.7976931348623157e308 || f < -1.7976931348623157e308)
		return arena_strdup(a, f > 0 ? "inf" : "-inf");
	for (int prec = 1; prec <= 17; prec++) {
		snprintf(tmp, sizeof(tmp), "%.*g", prec, f);
		if (strtod(tmp, NULL) == f)
			break;
	}
	/* Python writes exponents from 1e16 and below 1e-4, as %g with "e+16"/"e-05" */
	if (!strpbrk(tmp, ".eni"))
		return arena_printf(a, "%s.0", tmp);
	return arena_strdup(a, tmp);
}

static void describe(struct buf *b, const struct pyv *v, int depth);

static void describe_items(struct buf *b, const struct pyv *const *items, size_t n, int depth)
{
	for (size_t k = 0; k < n; k++) {
		if (k)
			buf_adds(b, ", ");
		describe(b, items[k], depth + 1);
	}
}

static void describe_call(struct buf *b, const struct pyv *v, int depth)
{
	if (v->receiver) {
		describe(b, v->receiver, depth + 1);
		buf_addch(b, '.');
	}
	buf_adds(b, v->name);
	buf_addch(b, '(');
	describe_items(b, v->items, v->n, depth);
	for (size_t k = 0; k < v->n_kw; k++) {
		buf_addf(b, "%s%s=", k || v->n ? ", " : "", v->kw[k].key);
		describe(b, v->kw[k].val, depth + 1);
	}
	buf_addch(b, ')');
}

static void describe_none(struct buf *b, const struct pyv *v, int depth)
{
	(void)v, (void)depth;
	buf_adds(b, "None");
}

static void describe_bool(struct buf *b, const struct pyv *v, int depth)
{
	(void)depth;
	buf_adds(b, v->b ? "True" : "False");
}

/* An int or a float: its text (the literal as written, or repr()). */
static void describe_number(struct buf *b, const struct pyv *v, int depth)
{
	(void)depth;
	buf_adds(b, v->text);
}

static void describe_str(struct buf *b, const struct pyv *v, int depth)
{
	(void)depth;
	if (v->kind == PYV_BYTES)
		buf_addch(b, 'b');
	pyv_repr_str(b, v->s, v->len);
}

static void describe_tuple(struct buf *b, const struct pyv *v, int depth)
{
	buf_addch(b, '(');
	describe_items(b, v->items, v->n, depth);
	buf_adds(b, v->n == 1 ? ",)" : ")");
}

static void describe_list(struct buf *b, const struct pyv *v, int depth)
{
	buf_addch(b, '[');
	describe_items(b, v->items, v->n, depth);
	buf_addch(b, ']');
}

static void describe_set(struct buf *b, const struct pyv *v, int depth)
{
	if (!v->n) {
		buf_adds(b, "set()");
		return;
	}
	buf_addch(b, '{');
	describe_items(b, v->items, v->n, depth);
	buf_addch(b, '}');
}

static void describe_dict(struct buf *b, const struct pyv *v, int depth)
{
	buf_addch(b, '{');
	for (size_t k = 0; k < v->n; k++) {
		if (k)
			buf_adds(b, ", ");
		describe(b, v->keys[k], depth + 1);
		buf_adds(b, ": ");
		describe(b, v->items[k], depth + 1);
	}
	buf_addch(b, '}');
}

static void describe_ref(struct buf *b, const struct pyv *v, int depth)
{
	(void)depth;
	buf_adds(b, v->name);
}

static void describe_attr(struct buf *b, const struct pyv *v, int depth)
{
	describe(b, v->receiver, depth + 1);
	buf_addf(b, ".%s", v->name);
}

static void describe_func(struct buf *b, const struct pyv *v, int depth)
{
	(void)depth;
	buf_addf(b, "<function %s>", v->name);
}

static void describe_opaque(struct buf *b, const struct pyv *v, int depth)
{
	(void)v, (void)depth;
	buf_adds(b, "<not readable without Python>");
}

/* How each kind of value is described (Python's repr() for literals). */
static void (*const describers[])(struct buf *b, const struct pyv *v, int depth) = {
	[PYV_NONE] = describe_none,    [PYV_BOOL] = describe_bool,     [PYV_INT] = describe_number,
	[PYV_FLOAT] = describe_number, [PYV_STR] = describe_str,       [PYV_BYTES] = describe_str,
	[PYV_TUPLE] = describe_tuple,  [PYV_LIST] = describe_list,     [PYV_DICT] = describe_dict,
	[PYV_REF] = describe_ref,      [PYV_CALL] = describe_call,     [PYV_ATTR] = describe_attr,
	[PYV_FUNC] = describe_func,    [PYV_OPAQUE] = describe_opaque, [PYV_SET] = describe_set,
};

static void describe(struct buf *b, const struct pyv *v, int depth)
{
	if (depth > 20) {
		buf_adds(b, "...");
		return;
	}
	if ((size_t)v->kind < sizeof(describers) / sizeof(describers[0]) && describers[v->kind])
		describers[v->kind](b, v, depth);
}

char *pyv_describe(struct arena *a, const struct pyv *v)
{
	struct buf b = BUF_INIT;
	char *s;

	describe(&b, v, 0);
	s = buf_to_arena(&b, a);
	buf_release(&b);
	return s;
}
