/*
 * parse.c - a recursive-descent parser from py_lex's tokens to the tree of
 * ast.h, following the grammar of Python 3.11's Grammar/python.gram for
 * statements and expressions (match statements are skipped as PYS_OTHER).
 * Syntax errors use CPython's wording where it is short: "invalid syntax",
 * "unexpected indent", "expected ':'", "expected an indented block".
 */
#include "py/py.h"

#include <errno.h>
#include <stdlib.h>

#include "base/str.h"
#include "py/ast.h"

#define DEPTH_MAX 200 /* nesting of expressions/blocks (CPython: 200 in the parser) */

struct parser {
	struct arena *a;        /* nodes */
	const char *file;       /* for errors */
	const struct py_tok *v; /* tokens ending with PYT_EOF */
	size_t i;               /* current token */
	int depth;              /* recursion depth */
	struct err *e;          /* error out */
	struct buf scratch;     /* string building */
};

static const struct py_expr *p_test(struct parser *ps);
static const struct py_expr *p_star_exprs(struct parser *ps, bool allow_star);
static const struct py_expr *p_targets(struct parser *ps);
static const struct py_expr *p_boolop(struct parser *ps, bool is_or);
static const struct py_expr *p_binary(struct parser *ps, size_t level);
static bool is_target(const struct py_expr *x);
static void *fail_target(struct parser *ps, const struct py_expr *x);
static int p_block(struct parser *ps, struct py_block *out, const char *what, int line);
static const struct py_expr *p_fstring_body(struct parser *ps, const struct py_tok *t,
					    const char *p, const char *end, int depth);

static const struct py_tok *cur(const struct parser *ps)
{
	return &ps->v[ps->i];
}

static bool tok_eq(const struct py_tok *t, enum py_tok_kind k, const char *s)
{
	/* the first byte first: most comparisons fail there (this is the parser's hot spot) */
	return t->kind == k && t->n && t->p[0] == s[0] && t->n == strlen(s) &&
	       !memcmp(t->p, s, t->n);
}

static bool at_op(const struct parser *ps, const char *s)
{
	return tok_eq(cur(ps), PYT_OP, s);
}

static bool at_kw(const struct parser *ps, const char *s)
{
	return tok_eq(cur(ps), PYT_NAME, s);
}

static bool eat_op(struct parser *ps, const char *s)
{
	if (!at_op(ps, s))
		return false;
	ps->i++;
	return true;
}

static bool eat_kw(struct parser *ps, const char *s)
{
	if (!at_kw(ps, s))
		return false;
	ps->i++;
	return true;
}

static bool is_keyword(const struct py_tok *t)
{
	static const char *const kw[] = {
		"False",   "None",     "True",     "and",    "as",   "assert", "async",  "await",
		"break",   "class",    "continue", "def",    "del",  "elif",   "else",   "except",
		"finally", "for",      "from",     "global", "if",   "import", "in",     "is",
		"lambda",  "nonlocal", "not",      "or",     "pass", "raise",  "return", "try",
		"while",   "with",     "yield",    NULL};

	if (t->kind != PYT_NAME || t->n < 2 || t->n > 8 || !strchr("FNTabcdefgilnoprtwy", t->p[0]))
		return false;
	for (int i = 0; kw[i]; i++)
		if (t->n == strlen(kw[i]) && !memcmp(t->p, kw[i], t->n))
			return true;
	return false;
}

/* Sets e to "msg" at token t; returns NULL for expression parsers. */
static void *fail_at(struct parser *ps, const struct py_tok *t, const char *msg)
{
	if (!ps->e->code) {
		err_at(ps->e, ERR_INPUT, ps->file, t->line, "%s", msg);
		ps->e->col = t->col;
	}
	return NULL;
}

/* The error for an unexpected token: CPython's words for the common cases. */
static void *fail_here(struct parser *ps)
{
	const struct py_tok *t = cur(ps);

	if (t->kind == PYT_INDENT)
		return fail_at(ps, t, "unexpected indent");
	if (t->kind == PYT_DEDENT)
		return fail_at(ps, t, "unindent does not match any outer indentation level");
	if (t->kind == PYT_EOF && t > ps->v && t[-1].kind != PYT_NEWLINE &&
	    t[-1].kind != PYT_DEDENT)
		return fail_at(ps, t, "unexpected EOF while parsing");
	return fail_at(ps, t, "invalid syntax");
}

static bool expect_op(struct parser *ps, const char *s)
{
	if (eat_op(ps, s))
		return true;
	if (!strcmp(s, ":") || !strcmp(s, "=") || !strcmp(s, "(")) {
		fail_at(ps, cur(ps),
			!strcmp(s, ":")   ? "expected ':'"
			: !strcmp(s, "=") ? "expected '='"
					  : "expected '('");
		return false;
	}
	fail_here(ps);
	return false;
}

static struct py_expr *node(struct parser *ps, enum py_expr_kind k, const struct py_tok *t)
{
	struct py_expr *x = arena_calloc(ps->a, 1, sizeof(*x));

	x->kind = k;
	x->line = t->line;
	x->col = t->col;
	return x;
}

static const char *tok_str(struct parser *ps, const struct py_tok *t)
{
	return arena_strndup(ps->a, t->p, t->n);
}

/* A growable array of expression pointers in the arena. */
struct xvec {
	const struct py_expr **v; /* items */
	size_t n;                 /* used */
	size_t cap;               /* allocated */
};

static void xvec_push(struct parser *ps, struct xvec *xv, const struct py_expr *x)
{
	if (xv->n == xv->cap) {
		size_t cap = xv->cap ? xv->cap * 2 : 4;
		xv->v = arena_grow(ps->a, xv->v, xv->n, cap, sizeof(*xv->v));
		xv->cap = cap;
	}
	xv->v[xv->n++] = x;
}

/* The same for statements. */
struct svec {
	const struct py_stmt **v; /* items */
	size_t n;                 /* used */
	size_t cap;               /* allocated */
};

static void svec_push(struct parser *ps, struct svec *sv, const struct py_stmt *s)
{
	if (sv->n == sv->cap) {
		size_t cap = sv->cap ? sv->cap * 2 : 4;
		sv->v = arena_grow(ps->a, sv->v, sv->n, cap, sizeof(*sv->v));
		sv->cap = cap;
	}
	sv->v[sv->n++] = s;
}

static bool enter(struct parser *ps)
{
	if (++ps->depth > DEPTH_MAX) {
		fail_at(ps, cur(ps), "too many nested parentheses");
		return false;
	}
	return true;
}

/* y starts where its first operand x does: at x's '(' when x is parenthesised
 * (Python's ast positions "(a).b" and "(a) + b" at the parenthesis). */
static void start_at(struct py_expr *y, const struct py_expr *x)
{
	y->line = x->is_paren ? x->paren_line : x->line;
	y->col = x->is_paren ? x->paren_col : x->col;
}

/* ---- atoms ---- */

/* Python's int()/float() of a NUMBER token (underscores allowed between digits). */
static const struct py_expr *p_number(struct parser *ps)
{
	const struct py_tok *t = cur(ps);
	struct py_expr *x = node(ps, PYE_INT, t);
	char *s = arena_alloc(ps->a, t->n + 1), *end;
	size_t n = 0;
	int base = 10;

	for (size_t k = 0; k < t->n; k++) {
		if (t->p[k] == '_' && (k == 0 || k + 1 == t->n || t->p[k + 1] == '_'))
			return fail_at(ps, t, "invalid decimal literal");
		if (t->p[k] != '_')
			s[n++] = t->p[k];
	}
	s[n] = '\0';
	x->s = tok_str(ps, t);
	ps->i++;
	if (n > 1 && s[0] == '0' && strchr("xXoObB", s[1]))
		base = strchr("xX", s[1]) ? 16 : strchr("oO", s[1]) ? 8 : 2;
	errno = 0;
	if (base != 10 || !strpbrk(s, ".eEjJ")) {
		x->i = strtoll(base == 10 ? s : s + 2, &end, base);
		x->is_big = errno == ERANGE;
		if (*end || (base != 10 && !s[2]) ||
		    (base == 10 && n > 1 && s[0] == '0' && strspn(s, "0") != n))
			return fail_at(ps, t, "invalid decimal literal");
		return x;
	}
	x->kind = PYE_FLOAT;
	if (s[n - 1] == 'j' || s[n - 1] == 'J') {
		x->is_imag = true;
		s[--n] = '\0';
	}
	x->f = strtod(s, &end);
	if (*end || !n)
		return fail_at(ps, t, "invalid decimal literal");
	return x;
}

/* Adjacent string tokens: str pieces join; an f-string makes the whole a PYE_FSTR;
 * bytes cannot mix with str ("cannot mix bytes and nonbytes literals"). */
static const struct py_expr *p_strings(struct parser *ps)
{
	const struct py_tok *t0 = cur(ps);
	struct xvec parts = {0};
	bool any_f = false, bytes = (t0->flags & PY_STR_BYTES) != 0;
	const char *bad = NULL;
	struct py_expr *x;

	buf_reset(&ps->scratch);
	for (; cur(ps)->kind == PYT_STRING; ps->i++) {
		const struct py_tok *t = cur(ps);
		struct err e2;
		if (((t->flags & PY_STR_BYTES) != 0) != bytes)
			return fail_at(ps, t, "cannot mix bytes and nonbytes literals");
		if (t->flags & PY_STR_FMT) {
			const char *b = t->p + t->prefix_len + t->quote_len;
			const struct py_expr *f;
			if (ps->scratch.len || parts.n) {
				struct py_expr *sx = node(ps, PYE_STR, t);
				sx->s = buf_to_arena(&ps->scratch, ps->a);
				sx->len = ps->scratch.len;
				xvec_push(ps, &parts, sx);
				buf_reset(&ps->scratch);
			}
			f = p_fstring_body(ps, t, b, t->p + t->n - t->quote_len, 0);
			if (!f)
				return NULL;
			for (size_t k = 0; k < f->n; k++)
				xvec_push(ps, &parts, f->v[k]);
			any_f = true;
			continue;
		}
		err_clear(&e2);
		if (py_str_decode(ps->file, t, &ps->scratch, &e2) && !bad)
			bad = arena_strdup(ps->a, e2.msg);
	}
	x = node(ps, bytes ? PYE_BYTES : PYE_STR, t0);
	if (any_f) {
		if (ps->scratch.len) {
			struct py_expr *sx = node(ps, PYE_STR, t0);
			sx->s = buf_to_arena(&ps->scratch, ps->a);
			sx->len = ps->scratch.len;
			xvec_push(ps, &parts, sx);
		}
		x->kind = PYE_FSTR;
		x->v = parts.v;
		x->n = parts.n;
		x->bad = bad;
		return x;
	}
	x->s = buf_to_arena(&ps->scratch, ps->a);
	x->len = ps->scratch.len;
	x->bad = bad;
	return x;
}

/* Line and column of q inside string token t (which may span lines). */
static void pos_in(const struct py_tok *t, const char *q, int *line, int *col)
{
	const char *ls = t->p;

	*line = t->line;
	for (const char *p = t->p; p < q; p++)
		if (*p == '\n' || (*p == '\r' && p[1] != '\n')) {
			(*line)++;
			ls = p + 1;
		}
	*col = *line == t->line ? t->col + (int)(q - t->p) : (int)(q - ls) + 1;
}

/* One replacement field: p just after '{', len its length incl. the closing '}'. */
static const struct py_expr *p_field(struct parser *ps, const struct py_tok *t, const char *p,
				     size_t len, size_t expr_len, int depth)
{
	struct parser sub = *ps;
	struct py_toks toks;
	struct py_expr *x;
	const struct py_expr *val;
	const struct py_tok *stop;
	int line, col;

	pos_in(t, p, &line, &col);
	if (py_lex_fragment(ps->file, p, expr_len, line, col, &toks, ps->e))
		return NULL;
	sub.v = toks.v;
	sub.i = 0;
	buf_init(&sub.scratch); /* its own: a copy of ps's would be freed twice */
	x = node(ps, PYE_FIELD, t);
	x->line = line;
	x->col = col;
	val = p_star_exprs(&sub, true);
	if (val && tok_eq(&sub.v[sub.i], PYT_OP, "="))
		sub.i++; /* f"{x=}": self-documenting; the text is kept in s */
	if (val && tok_eq(&sub.v[sub.i], PYT_OP, "!") && sub.v[sub.i + 1].kind == PYT_NAME) {
		x->conv = sub.v[sub.i + 1].p[0];
		sub.i += 2;
	} else if (val && tok_eq(&sub.v[sub.i], PYT_OP, "!=")) {
		val = fail_at(&sub, &sub.v[sub.i], "invalid syntax");
	}
	stop = &sub.v[sub.i];
	if (val && stop->kind == PYT_EOF && expr_len < len - 1) {
		x->b = p_fstring_body(ps, t, p + expr_len + 1, p + len - 1, depth + 1);
		val = x->b ? val : NULL;
	} else if (val && stop->kind != PYT_EOF) {
		val = fail_at(&sub, stop, "f-string: expecting '}'");
	}
	x->a = val;
	x->s = arena_strndup(ps->a, p, (size_t)(stop->p - p));
	buf_release(&sub.scratch);
	py_toks_free(&toks);
	return val ? x : NULL;
}

/* The literal text gathered so far as a PYE_STR piece of parts (none when empty). */
static void fstr_text(struct parser *ps, const struct py_tok *t, struct buf *text,
		      struct xvec *parts)
{
	struct py_expr *sx;

	if (!text->len)
		return;
	sx = node(ps, PYE_STR, t);
	sx->s = buf_to_arena(text, ps->a);
	sx->len = text->len;
	xvec_push(ps, parts, sx);
	buf_reset(text);
}

/* At a brace p of an f-string body p..end: "{{" or "}}" as text, else a
 * replacement field appended to parts after the text before it.  Returns the
 * bytes consumed, 0 with ps->e set. */
static size_t fstr_brace(struct parser *ps, const struct py_tok *t, const char *p, const char *end,
			 int depth, struct buf *text, struct xvec *parts)
{
	size_t expr_len = 0, n;
	const struct py_expr *f;

	if (p + 1 < end && p[1] == *p) {
		buf_addch(text, *p);
		return 2;
	}
	if (*p == '}')
		return fail_at(ps, t, "f-string: single '}' is not allowed"), 0;
	if (!(n = py_lex_field_len(p + 1, end, &expr_len)))
		return fail_at(ps, t, "f-string: expecting '}'"), 0;
	fstr_text(ps, t, text, parts);
	if (!(f = p_field(ps, t, p + 1, n, expr_len, depth)))
		return 0;
	xvec_push(ps, parts, f);
	return 1 + n;
}

/* The pieces of an f-string body p[0..end): PYE_STR text and PYE_FIELD fields. */
static const struct py_expr *p_fstring_body(struct parser *ps, const struct py_tok *t,
					    const char *p, const char *end, int depth)
{
	struct py_expr *x = node(ps, PYE_FSTR, t);
	struct xvec parts = {0};
	struct buf text = BUF_INIT;
	const char *run = p;
	bool raw = (t->flags & PY_STR_RAW) != 0;

	if (depth > 2)
		return fail_at(ps, t, "f-string: expressions nested too deeply");
	while (p <= end) {
		size_t used;
		if (p < end && *p != '{' && *p != '}') {
			p++;
			continue;
		}
		if (py_str_decode_piece(ps->file, t->line, t->col, run, (size_t)(p - run), raw,
					&text, ps->e))
			goto fail;
		if (p == end)
			break;
		if (!(used = fstr_brace(ps, t, p, end, depth, &text, &parts)))
			goto fail;
		p += used;
		run = p;
	}
	fstr_text(ps, t, &text, &parts);
	buf_release(&text);
	x->v = parts.v;
	x->n = parts.n;
	return x;
fail:
	buf_release(&text);
	return NULL;
}

/* for TARGETS in ITER [if COND]* ... after the element of a comprehension. */
static const struct py_expr *p_comp(struct parser *ps, struct py_expr *x)
{
	struct py_comp *gens = NULL;
	size_t n = 0;

	while (at_kw(ps, "for") ||
	       (at_kw(ps, "async") && tok_eq(&ps->v[ps->i + 1], PYT_NAME, "for"))) {
		struct py_comp *g;
		struct xvec ifs = {0};
		bool is_async = eat_kw(ps, "async");
		ps->i++;
		gens = arena_grow(ps->a, gens, n, n + 1, sizeof(*gens));
		g = &gens[n++];
		g->is_async = is_async;
		if (!(g->target = p_targets(ps)))
			return NULL;
		if (!eat_kw(ps, "in"))
			return fail_here(ps);
		if (!(g->iter = p_boolop(ps, true)))
			return NULL;
		while (eat_kw(ps, "if")) {
			const struct py_expr *c = p_boolop(ps, true);
			if (!c)
				return NULL;
			xvec_push(ps, &ifs, c);
		}
		g->ifs = ifs.v;
		g->n_ifs = ifs.n;
	}
	x->gens = gens;
	x->n_gens = n;
	return x;
}

/* Items of a display after its opener, up to close; a comprehension when
 * the first item is followed by "for". */
static const struct py_expr *p_display(struct parser *ps, enum py_expr_kind k, const char *close,
				       const struct py_tok *t)
{
	struct py_expr *x = node(ps, k, t);
	struct xvec items = {0};
	bool comma = false;

	while (!at_op(ps, close)) {
		const struct py_expr *it;
		if (eat_op(ps, "*")) {
			struct py_expr *st = node(ps, PYE_STARRED, &ps->v[ps->i - 1]);
			if (!(st->a = p_test(ps)))
				return NULL;
			it = st;
		} else if (!(it = p_test(ps))) {
			return NULL;
		}
		if (at_op(ps, ":=") && it->kind == PYE_NAME) {
			struct py_expr *nx = node(ps, PYE_NAMED, t);
			ps->i++;
			nx->s = it->s;
			if (!(nx->a = p_test(ps)))
				return NULL;
			it = nx;
		}
		xvec_push(ps, &items, it);
		if (items.n == 1 && (at_kw(ps, "for") || at_kw(ps, "async"))) {
			x->kind = k == PYE_LIST  ? PYE_LISTCOMP
				  : k == PYE_SET ? PYE_SETCOMP
						 : PYE_GENEXP;
			x->a = it;
			if (!p_comp(ps, x))
				return NULL;
			items.n = 0; /* the element is in a, not an item */
			break;
		}
		if (!eat_op(ps, ","))
			break;
		comma = true;
	}
	if (!expect_op(ps, close))
		return NULL;
	if (k == PYE_TUPLE && items.n == 1 && !comma && x->kind == PYE_TUPLE) {
		struct py_expr *inner = arena_alloc(ps->a, sizeof(*inner));
		*inner = *items.v[0];
		inner->is_paren = true;
		inner->paren_line = t->line;
		inner->paren_col = t->col;
		return inner;
	}
	x->v = items.v;
	x->n = items.n;
	return x;
}

/* '{' ... '}': a dict, a set or one of their comprehensions. */
static const struct py_expr *p_brace(struct parser *ps, const struct py_tok *t)
{
	struct py_expr *x = node(ps, PYE_DICT, t);
	struct xvec keys = {0}, vals = {0};

	if (eat_op(ps, "}"))
		return x;
	if (!at_op(ps, "**")) {
		size_t save = ps->i;
		const struct py_expr *k = at_op(ps, "*") ? NULL : p_test(ps);
		if (ps->e->code)
			return NULL;
		bool is_dict = k && at_op(ps, ":");
		ps->i = save;
		if (!is_dict)
			return p_display(ps, PYE_SET, "}", t);
	}
	while (!at_op(ps, "}")) {
		const struct py_expr *k = NULL, *v;
		if (eat_op(ps, "**")) {
			v = p_test(ps);
		} else {
			if (!(k = p_test(ps)) || !expect_op(ps, ":"))
				return NULL;
			v = p_test(ps);
		}
		if (!v)
			return NULL;
		xvec_push(ps, &keys, k);
		xvec_push(ps, &vals, v);
		if (keys.n == 1 && k && (at_kw(ps, "for") || at_kw(ps, "async"))) {
			x->kind = PYE_DICTCOMP;
			x->a = k;
			x->b = v;
			if (!p_comp(ps, x))
				return NULL;
			keys.n = vals.n = 0; /* key and value are in a and b */
			break;
		}
		if (!eat_op(ps, ","))
			break;
	}
	if (!expect_op(ps, "}"))
		return NULL;
	x->v = keys.v;
	x->w = vals.v;
	x->n = keys.n;
	return x;
}

static const struct py_expr *p_atom(struct parser *ps)
{
	const struct py_tok *t = cur(ps);
	struct py_expr *x;

	if (t->kind == PYT_NUMBER)
		return p_number(ps);
	if (t->kind == PYT_STRING)
		return p_strings(ps);
	if (t->kind == PYT_NAME && !is_keyword(t)) {
		x = node(ps, PYE_NAME, t);
		x->s = tok_str(ps, t);
		ps->i++;
		return x;
	}
	if (tok_eq(t, PYT_NAME, "None") || tok_eq(t, PYT_NAME, "True") ||
	    tok_eq(t, PYT_NAME, "False") || tok_eq(t, PYT_OP, "...")) {
		ps->i++;
		return node(ps,
			    t->p[0] == 'N'   ? PYE_NONE
			    : t->p[0] == 'T' ? PYE_TRUE
			    : t->p[0] == 'F' ? PYE_FALSE
					     : PYE_ELLIPSIS,
			    t);
	}
	if (eat_op(ps, "(")) {
		const struct py_expr *y;
		if (!at_kw(ps, "yield"))
			return p_display(ps, PYE_TUPLE, ")", t);
		if (!(y = p_star_exprs(ps, true)) || !expect_op(ps, ")"))
			return NULL;
		return y;
	}
	if (eat_op(ps, "["))
		return p_display(ps, PYE_LIST, "]", t);
	if (eat_op(ps, "{"))
		return p_brace(ps, t);
	return fail_here(ps);
}

/* ---- trailers: calls, attributes, subscripts ---- */

/* One keyword argument of a call, "name=value" or "**value", appended to kw[0..*n_kw). */
static int p_kwarg(struct parser *ps, struct py_keyword **kw, size_t *n_kw)
{
	const struct py_tok *t = cur(ps);
	struct py_keyword *k;

	*kw = arena_grow(ps->a, *kw, *n_kw, *n_kw + 1, sizeof(**kw));
	k = &(*kw)[(*n_kw)++];
	k->line = t->line;
	k->col = t->col;
	if (t->kind == PYT_NAME) {
		if (is_keyword(t))
			return fail_at(ps, t, "invalid syntax"), -1;
		k->key = tok_str(ps, t);
	}
	ps->i += t->kind == PYT_NAME ? 2 : 1;
	return (k->value = p_test(ps)) ? 0 : -1;
}

/* One positional argument of a call: x, *x, name := x, or f(x for x in y)
 * whose generator is at the call's '(' (open). */
static const struct py_expr *p_posarg(struct parser *ps, const struct py_tok *open)
{
	const struct py_tok *t = cur(ps);
	const struct py_expr *x;

	if (eat_op(ps, "*")) {
		struct py_expr *st = node(ps, PYE_STARRED, t);
		if (!(st->a = p_test(ps)))
			return NULL;
		x = st;
	} else if (!(x = p_test(ps))) {
		return NULL;
	}
	if (at_op(ps, ":=") && x->kind == PYE_NAME) {
		struct py_expr *nx = node(ps, PYE_NAMED, t);
		ps->i++;
		nx->s = x->s;
		if (!(nx->a = p_test(ps)))
			return NULL;
		x = nx;
	}
	if (at_kw(ps, "for")) {
		struct py_expr *g = node(ps, PYE_GENEXP, open);
		g->a = x;
		if (!p_comp(ps, g))
			return NULL;
		x = g;
	}
	return x;
}

/* The arguments of a call after its '(', through the ')'. */
static int p_args(struct parser *ps, struct py_expr *call)
{
	const struct py_tok *open = cur(ps) - 1; /* the '(' */
	struct xvec pos = {0};
	struct py_keyword *kw = NULL;
	size_t n_kw = 0;

	while (!at_op(ps, ")")) {
		const struct py_tok *t = cur(ps);
		if (at_op(ps, "**") || (t->kind == PYT_NAME && tok_eq(&t[1], PYT_OP, "="))) {
			if (p_kwarg(ps, &kw, &n_kw))
				return -1;
		} else {
			const struct py_expr *x = p_posarg(ps, open);
			if (!x)
				return -1;
			xvec_push(ps, &pos, x);
		}
		if (!eat_op(ps, ","))
			break;
	}
	if (!expect_op(ps, ")"))
		return -1;
	call->v = pos.v;
	call->n = pos.n;
	call->kw = kw;
	call->n_kw = n_kw;
	return 0;
}

/* One subscript item: an expression or a slice a:b:c. */
static const struct py_expr *p_slice(struct parser *ps)
{
	const struct py_tok *t = cur(ps);
	struct py_expr *x;
	const struct py_expr *lo = NULL;

	if (!at_op(ps, ":")) {
		if (at_op(ps, "*")) {
			struct py_expr *st = node(ps, PYE_STARRED, t);
			ps->i++;
			if (!(st->a = p_test(ps)))
				return NULL;
			return st;
		}
		if (!(lo = p_test(ps)) || !at_op(ps, ":"))
			return lo;
	}
	x = node(ps, PYE_SLICE, t);
	x->a = lo;
	ps->i++;
	if (!at_op(ps, ":") && !at_op(ps, "]") && !at_op(ps, ",") && !(x->b = p_test(ps)))
		return NULL;
	if (eat_op(ps, ":") && !at_op(ps, "]") && !at_op(ps, ",") && !(x->c = p_test(ps)))
		return NULL;
	return x;
}

static const struct py_expr *p_subscript(struct parser *ps, const struct py_expr *target,
					 const struct py_tok *op)
{
	struct py_expr *x = node(ps, PYE_SUBSCRIPT, op);
	struct xvec items = {0};
	bool comma = false;

	start_at(x, target);
	x->op_line = op->line;
	x->op_col = op->col;
	x->a = target;
	while (!at_op(ps, "]")) {
		const struct py_expr *it = p_slice(ps);
		if (!it)
			return NULL;
		xvec_push(ps, &items, it);
		if (!eat_op(ps, ","))
			break;
		comma = true;
	}
	if (!items.n)
		return fail_here(ps);
	if (!expect_op(ps, "]"))
		return NULL;
	if (items.n == 1 && !comma) {
		x->b = items.v[0];
	} else {
		struct py_expr *tup = node(ps, PYE_TUPLE, op);
		start_at(tup, items.v[0]); /* a[x, y]: the tuple starts at x */
		tup->v = items.v;
		tup->n = items.n;
		x->b = tup;
	}
	return x;
}

static const struct py_expr *p_primary(struct parser *ps)
{
	const struct py_expr *x = p_atom(ps);

	while (x) {
		const struct py_tok *op = cur(ps);
		struct py_expr *y;
		if (eat_op(ps, ".")) {
			if (cur(ps)->kind != PYT_NAME)
				return fail_here(ps);
			y = node(ps, PYE_ATTR, op);
			y->s = tok_str(ps, cur(ps));
			ps->i++;
		} else if (eat_op(ps, "(")) {
			y = node(ps, PYE_CALL, op);
			if (!enter(ps) || p_args(ps, y))
				return NULL;
			ps->depth--;
		} else if (eat_op(ps, "[")) {
			if (!enter(ps) || !(x = p_subscript(ps, x, op)))
				return NULL;
			ps->depth--;
			continue;
		} else {
			break;
		}
		start_at(y, x);
		y->op_line = op->line;
		y->op_col = op->col;
		y->a = x;
		x = y;
	}
	return x;
}

/* ---- operators ---- */

static const struct py_expr *p_factor(struct parser *ps);

static const struct py_expr *p_power(struct parser *ps)
{
	const struct py_tok *t = cur(ps);
	const struct py_expr *x;

	if (eat_kw(ps, "await")) {
		struct py_expr *w = node(ps, PYE_AWAIT, t);
		if (!(w->a = p_primary(ps)))
			return NULL;
		x = w;
	} else if (!(x = p_primary(ps))) {
		return NULL;
	}
	if (at_op(ps, "**")) {
		const struct py_tok *op = cur(ps);
		struct py_expr *b = node(ps, PYE_BINOP, t);
		ps->i++;
		b->s = "**";
		b->op_line = op->line;
		b->op_col = op->col;
		b->a = x;
		if (!(b->b = p_factor(ps)))
			return NULL;
		start_at(b, x);
		return b;
	}
	return x;
}

static const struct py_expr *p_factor(struct parser *ps)
{
	const struct py_tok *t = cur(ps);
	struct py_expr *x;

	if (!(at_op(ps, "-") || at_op(ps, "+") || at_op(ps, "~")))
		return p_power(ps);
	if (!enter(ps))
		return NULL;
	ps->i++;
	x = node(ps, PYE_UNARY, t);
	x->s = tok_str(ps, t);
	x->op_line = t->line;
	x->op_col = t->col;
	x->a = p_factor(ps);
	ps->depth--;
	return x->a ? x : NULL;
}

/* Binary operator levels, lowest first (python.gram bitwise_or ... term). */
static const char *const bin_levels[][6] = {
	{"|", NULL},        {"^", NULL},      {"&", NULL},
	{"<<", ">>", NULL}, {"+", "-", NULL}, {"*", "/", "//", "%", "@", NULL},
};
#define N_BIN_LEVELS (sizeof(bin_levels) / sizeof(bin_levels[0]))

static const char *bin_op_at(const struct parser *ps, size_t level)
{
	for (int k = 0; bin_levels[level][k]; k++)
		if (at_op(ps, bin_levels[level][k]))
			return bin_levels[level][k];
	return NULL;
}

static const struct py_expr *p_binary(struct parser *ps, size_t level)
{
	const struct py_expr *x;
	const char *op;

	if (level == N_BIN_LEVELS)
		return p_factor(ps);
	x = p_binary(ps, level + 1);
	while (x && (op = bin_op_at(ps, level))) {
		const struct py_tok *t = cur(ps);
		struct py_expr *b = node(ps, PYE_BINOP, t);
		ps->i++;
		b->s = op;
		b->op_line = t->line;
		b->op_col = t->col;
		start_at(b, x);
		b->a = x;
		if (!(b->b = p_binary(ps, level + 1)))
			return NULL;
		x = b;
	}
	return x;
}

/* The comparison operator at the current token (consumed), or NULL. */
static const char *comp_op(struct parser *ps)
{
	static const char *const ops[] = {"==", "!=", "<=", ">=", "<", ">", NULL};

	for (int k = 0; ops[k]; k++)
		if (eat_op(ps, ops[k]))
			return ops[k];
	if (eat_kw(ps, "in"))
		return "in";
	if (at_kw(ps, "not") && tok_eq(&ps->v[ps->i + 1], PYT_NAME, "in")) {
		ps->i += 2;
		return "not in";
	}
	if (eat_kw(ps, "is"))
		return eat_kw(ps, "not") ? "is not" : "is";
	return NULL;
}

static const struct py_expr *p_comparison(struct parser *ps)
{
	const struct py_expr *x = p_binary(ps, 0);
	struct xvec operands = {0};
	const char **ops = NULL;
	const struct py_tok *t = cur(ps);
	const char *op;
	struct py_expr *c;

	if (!x)
		return NULL;
	while ((op = comp_op(ps))) {
		const struct py_expr *y = p_binary(ps, 0);
		if (!y)
			return NULL;
		if (!operands.n)
			xvec_push(ps, &operands, x);
		ops = arena_grow(ps->a, ops, operands.n - 1, operands.n, sizeof(*ops));
		ops[operands.n - 1] = op;
		xvec_push(ps, &operands, y);
	}
	if (!operands.n)
		return x;
	c = node(ps, PYE_COMPARE, t);
	start_at(c, x);
	c->op_line = t->line;
	c->op_col = t->col;
	c->v = operands.v;
	c->n = operands.n;
	c->ops = ops;
	return c;
}

static const struct py_expr *p_not(struct parser *ps)
{
	const struct py_tok *t = cur(ps);
	struct py_expr *x;

	if (!at_kw(ps, "not"))
		return p_comparison(ps);
	if (!enter(ps))
		return NULL;
	ps->i++;
	x = node(ps, PYE_UNARY, t);
	x->s = "not";
	x->op_line = t->line;
	x->op_col = t->col;
	x->a = p_not(ps);
	ps->depth--;
	return x->a ? x : NULL;
}

static const struct py_expr *p_boolop(struct parser *ps, bool is_or)
{
	const struct py_expr *x = is_or ? p_boolop(ps, false) : p_not(ps);
	struct xvec items = {0};
	struct py_expr *b;

	if (!x)
		return NULL;
	while (eat_kw(ps, is_or ? "or" : "and")) {
		const struct py_expr *y = is_or ? p_boolop(ps, false) : p_not(ps);
		if (!y)
			return NULL;
		if (!items.n)
			xvec_push(ps, &items, x);
		xvec_push(ps, &items, y);
	}
	if (!items.n)
		return x;
	b = node(ps, PYE_BOOLOP, cur(ps));
	start_at(b, x);
	b->s = is_or ? "or" : "and";
	b->v = items.v;
	b->n = items.n;
	return b;
}

/* Parameters of a def (with annotations) or a lambda (without), up to close. */
static int p_params(struct parser *ps, const char *close, bool annotations,
		    const struct py_param **out, size_t *n_out)
{
	struct py_param *v = NULL;
	size_t n = 0;

	while (!at_op(ps, close)) {
		const struct py_tok *t = cur(ps);
		struct py_param *p;
		v = arena_grow(ps->a, v, n, n + 1, sizeof(*v));
		p = &v[n++];
		memset(p, 0, sizeof(*p));
		p->line = t->line;
		p->col = t->col;
		p->star = eat_op(ps, "**") ? 2 : eat_op(ps, "*") ? 1 : eat_op(ps, "/") ? 3 : 0;
		if (p->star == 1 && (at_op(ps, ",") || at_op(ps, close)))
			p->star = 3;
		if (p->star != 3) {
			if (cur(ps)->kind != PYT_NAME || is_keyword(cur(ps)))
				return fail_here(ps), -1;
			p->name = tok_str(ps, cur(ps));
			ps->i++;
			if (annotations && eat_op(ps, ":") && !(p->ann = p_test(ps)))
				return -1;
			if (eat_op(ps, "=") && !(p->dflt = p_test(ps)))
				return -1;
		}
		if (!eat_op(ps, ","))
			break;
	}
	*out = v;
	*n_out = n;
	return 0;
}

static const struct py_expr *p_lambda(struct parser *ps)
{
	struct py_expr *x = node(ps, PYE_LAMBDA, cur(ps));

	ps->i++;
	if (p_params(ps, ":", false, &x->params, &x->n_params) || !expect_op(ps, ":"))
		return NULL;
	x->a = p_test(ps);
	return x->a ? x : NULL;
}

/* expression: lambda | disjunction ['if' disjunction 'else' expression] */
static const struct py_expr *p_test(struct parser *ps)
{
	const struct py_expr *x;
	struct py_expr *c;

	if (!enter(ps))
		return NULL;
	if (at_kw(ps, "lambda")) {
		x = p_lambda(ps);
		ps->depth--;
		return x;
	}
	x = p_boolop(ps, true);
	if (x && at_kw(ps, "if")) {
		c = node(ps, PYE_IFEXP, cur(ps));
		ps->i++;
		start_at(c, x);
		c->a = x;
		if (!(c->b = p_boolop(ps, true)))
			return NULL;
		if (!eat_kw(ps, "else"))
			return fail_at(ps, cur(ps), "expected 'else' after 'if' expression");
		if (!(c->c = p_test(ps)))
			return NULL;
		x = c;
	}
	ps->depth--;
	return x;
}

/* Whether the current token can start an expression. */
static bool starts_expr(const struct parser *ps)
{
	const struct py_tok *t = cur(ps);

	if (t->kind == PYT_NAME)
		return !is_keyword(t) || at_kw(ps, "None") || at_kw(ps, "True") ||
		       at_kw(ps, "False") || at_kw(ps, "not") || at_kw(ps, "lambda") ||
		       at_kw(ps, "await") || at_kw(ps, "yield");
	if (t->kind == PYT_NUMBER || t->kind == PYT_STRING)
		return true;
	if (t->kind != PYT_OP)
		return false;
	return at_op(ps, "(") || at_op(ps, "[") || at_op(ps, "{") || at_op(ps, "-") ||
	       at_op(ps, "+") || at_op(ps, "~") || at_op(ps, "...") || at_op(ps, "*");
}

/* star_expressions: an expression, or a tuple of them (bare commas), *x allowed. */
static const struct py_expr *p_star_exprs(struct parser *ps, bool allow_star)
{
	const struct py_tok *t = cur(ps);
	struct xvec items = {0};
	bool comma = false;

	if (at_kw(ps, "yield")) {
		struct py_expr *y = node(ps, PYE_YIELD, t);
		ps->i++;
		y->is_from = eat_kw(ps, "from");
		if (starts_expr(ps) && !(y->a = p_star_exprs(ps, true)))
			return NULL;
		return y;
	}
	do {
		const struct py_expr *x;
		if (items.n && !starts_expr(ps))
			break;
		if (allow_star && at_op(ps, "*")) {
			struct py_expr *st = node(ps, PYE_STARRED, cur(ps));
			ps->i++;
			if (!(st->a = p_binary(ps, 0)))
				return NULL;
			x = st;
		} else if (!(x = p_test(ps))) {
			return NULL;
		}
		xvec_push(ps, &items, x);
		comma = at_op(ps, ",");
	} while (eat_op(ps, ","));
	if (items.n == 1 && !comma)
		return items.v[0];
	{
		struct py_expr *tup = node(ps, PYE_TUPLE, t);
		tup->v = items.v;
		tup->n = items.n;
		return tup;
	}
}

/* star_targets of a for: like p_star_exprs with items at the bitwise-or
 * level, so "in" ends them. */
static const struct py_expr *p_targets(struct parser *ps)
{
	const struct py_tok *t = cur(ps);
	struct xvec items = {0};
	bool comma = false;
	struct py_expr *tup;

	do {
		const struct py_expr *x;
		if (items.n && at_kw(ps, "in"))
			break;
		if (at_op(ps, "*")) {
			struct py_expr *st = node(ps, PYE_STARRED, cur(ps));
			ps->i++;
			if (!(st->a = p_binary(ps, 0)))
				return NULL;
			x = st;
		} else if (!(x = p_binary(ps, 0))) {
			return NULL;
		}
		if (!is_target(x))
			return fail_target(ps, x);
		xvec_push(ps, &items, x);
		comma = at_op(ps, ",");
	} while (eat_op(ps, ","));
	if (items.n == 1 && !comma)
		return items.v[0];
	tup = node(ps, PYE_TUPLE, t);
	tup->v = items.v;
	tup->n = items.n;
	return tup;
}

/* ---- statements ---- */

static struct py_stmt *snode(struct parser *ps, enum py_stmt_kind k, const struct py_tok *t)
{
	struct py_stmt *s = arena_calloc(ps->a, 1, sizeof(*s));

	s->kind = k;
	s->line = t->line;
	s->col = t->col;
	return s;
}

static bool is_target(const struct py_expr *x)
{
	if (x->kind == PYE_TUPLE || x->kind == PYE_LIST) {
		for (size_t k = 0; k < x->n; k++)
			if (!is_target(x->v[k]))
				return false;
		return true;
	}
	if (x->kind == PYE_STARRED)
		return is_target(x->a);
	return x->kind == PYE_NAME || x->kind == PYE_ATTR || x->kind == PYE_SUBSCRIPT;
}

static void *fail_target(struct parser *ps, const struct py_expr *x)
{
	if (!ps->e->code) {
		err_at(ps->e, ERR_INPUT, ps->file, x->line, "cannot assign to %s",
		       x->kind == PYE_CALL ? "function call" : "expression");
		ps->e->col = x->col;
	}
	return NULL;
}

/* Expression statement, assignment, augmented or annotated assignment. */
static const struct py_stmt *p_expr_stmt(struct parser *ps)
{
	static const char *const aug[] = {"+=",  "-=",  "*=", "/=", "//=", "%=", "**=",
					  ">>=", "<<=", "&=", "|=", "^=",  "@=", NULL};
	const struct py_tok *t = cur(ps);
	const struct py_expr *x = p_star_exprs(ps, true);
	struct py_stmt *s;
	struct xvec targets = {0};

	if (!x)
		return NULL;
	for (int k = 0; aug[k]; k++)
		if (at_op(ps, aug[k])) {
			s = snode(ps, PYS_AUGASSIGN, t);
			ps->i++;
			s->s = arena_strndup(ps->a, aug[k], strlen(aug[k]) - 1);
			if (!is_target(x) || x->kind == PYE_TUPLE)
				return fail_target(ps, x);
			s->target = x;
			s->value = p_star_exprs(ps, true);
			return s->value ? s : NULL;
		}
	if (eat_op(ps, ":")) {
		s = snode(ps, PYS_ANNASSIGN, t);
		s->target = x;
		if (!is_target(x) || x->kind == PYE_TUPLE)
			return fail_target(ps, x);
		if (!(s->ann = p_test(ps)))
			return NULL;
		if (eat_op(ps, "=") && !(s->value = p_star_exprs(ps, true)))
			return NULL;
		return s;
	}
	if (!at_op(ps, "=")) {
		s = snode(ps, PYS_EXPR, t);
		s->value = x;
		return s;
	}
	while (eat_op(ps, "=")) {
		if (!is_target(x))
			return fail_target(ps, x);
		xvec_push(ps, &targets, x);
		if (!(x = p_star_exprs(ps, true)))
			return NULL;
	}
	s = snode(ps, PYS_ASSIGN, t);
	s->targets = targets.v;
	s->n_targets = targets.n;
	s->value = x;
	return s;
}

/* A dotted name: NAME ('.' NAME)* as one string. */
static const char *p_dotted(struct parser *ps)
{
	size_t start = ps->i;

	buf_reset(&ps->scratch);
	do {
		if (cur(ps)->kind != PYT_NAME || is_keyword(cur(ps)))
			return fail_here(ps);
		if (ps->i > start)
			buf_addch(&ps->scratch, '.');
		buf_add(&ps->scratch, cur(ps)->p, cur(ps)->n);
		ps->i++;
	} while (eat_op(ps, "."));
	return buf_to_arena(&ps->scratch, ps->a);
}

static int p_alias(struct parser *ps, struct py_alias *al, bool dotted)
{
	const struct py_tok *t = cur(ps);

	al->line = t->line;
	al->col = t->col;
	if (dotted) {
		if (!(al->name = p_dotted(ps)))
			return -1;
	} else {
		if (t->kind != PYT_NAME || is_keyword(t))
			return fail_here(ps), -1;
		al->name = tok_str(ps, t);
		ps->i++;
	}
	if (eat_kw(ps, "as")) {
		if (cur(ps)->kind != PYT_NAME || is_keyword(cur(ps)))
			return fail_here(ps), -1;
		al->asname = tok_str(ps, cur(ps));
		ps->i++;
	}
	return 0;
}

static const struct py_stmt *p_import(struct parser *ps)
{
	struct py_stmt *s = snode(ps, PYS_IMPORT, cur(ps));
	struct py_alias *v = NULL;
	size_t n = 0;
	bool paren = false;

	if (eat_kw(ps, "from")) {
		s->kind = PYS_FROM;
		while (at_op(ps, ".") || at_op(ps, "..."))
			s->level += (int)cur(ps)->n, ps->i++;
		s->s = at_kw(ps, "import") && s->level ? "" : p_dotted(ps);
		if (!s->s)
			return NULL;
		if (!eat_kw(ps, "import"))
			return fail_here(ps);
		if (at_op(ps, "*")) {
			v = arena_calloc(ps->a, 1, sizeof(*v));
			v->name = "*";
			v->line = cur(ps)->line;
			v->col = cur(ps)->col;
			ps->i++;
			s->names = v;
			s->n_names = 1;
			return s;
		}
		paren = eat_op(ps, "(");
	} else {
		ps->i++;
	}
	do {
		if (paren && at_op(ps, ")"))
			break;
		v = arena_grow(ps->a, v, n, n + 1, sizeof(*v));
		memset(&v[n], 0, sizeof(v[n]));
		if (p_alias(ps, &v[n++], s->kind == PYS_IMPORT))
			return NULL;
	} while (eat_op(ps, ","));
	if (paren && !expect_op(ps, ")"))
		return NULL;
	s->names = v;
	s->n_names = n;
	return s;
}

/* global / nonlocal NAME, ... */
static const struct py_stmt *p_names_stmt(struct parser *ps, enum py_stmt_kind k)
{
	struct py_stmt *s = snode(ps, k, cur(ps));
	struct py_alias *v = NULL;
	size_t n = 0;

	ps->i++;
	do {
		v = arena_grow(ps->a, v, n, n + 1, sizeof(*v));
		memset(&v[n], 0, sizeof(v[n]));
		if (p_alias(ps, &v[n++], false))
			return NULL;
	} while (eat_op(ps, ","));
	s->names = v;
	s->n_names = n;
	return s;
}

/* Statements made of a keyword and optional expressions. */
static const struct py_stmt *p_keyword_stmt(struct parser *ps)
{
	const struct py_tok *t = cur(ps);
	struct py_stmt *s;

	if (at_kw(ps, "pass") || at_kw(ps, "break") || at_kw(ps, "continue")) {
		ps->i++;
		return snode(ps,
			     t->p[0] == 'p'   ? PYS_PASS
			     : t->p[0] == 'b' ? PYS_BREAK
					      : PYS_CONTINUE,
			     t);
	}
	if (at_kw(ps, "import") || at_kw(ps, "from"))
		return p_import(ps);
	if (at_kw(ps, "global"))
		return p_names_stmt(ps, PYS_GLOBAL);
	if (at_kw(ps, "nonlocal"))
		return p_names_stmt(ps, PYS_NONLOCAL);
	ps->i++;
	if (tok_eq(t, PYT_NAME, "return")) {
		s = snode(ps, PYS_RETURN, t);
		if (starts_expr(ps) && !(s->value = p_star_exprs(ps, true)))
			return NULL;
	} else if (tok_eq(t, PYT_NAME, "raise")) {
		s = snode(ps, PYS_RAISE, t);
		if (starts_expr(ps) && !(s->value = p_test(ps)))
			return NULL;
		if (s->value && eat_kw(ps, "from") && !(s->test = p_test(ps)))
			return NULL;
	} else if (tok_eq(t, PYT_NAME, "del")) {
		const struct py_expr *x = p_star_exprs(ps, false);
		s = snode(ps, PYS_DEL, t);
		if (!x)
			return NULL;
		s->targets = arena_alloc(ps->a, sizeof(*s->targets));
		s->targets[0] = x;
		s->n_targets = 1;
	} else {
		s = snode(ps, PYS_ASSERT, t);
		if (!(s->test = p_test(ps)))
			return NULL;
		if (eat_op(ps, ",") && !(s->value = p_test(ps)))
			return NULL;
	}
	return s;
}

static const struct py_stmt *p_small(struct parser *ps)
{
	static const char *const kws[] = {"pass",  "break",  "continue", "import",
					  "from",  "global", "nonlocal", "return",
					  "raise", "del",    "assert",   NULL};

	for (int k = 0; kws[k]; k++)
		if (at_kw(ps, kws[k]))
			return p_keyword_stmt(ps);
	if (cur(ps)->kind == PYT_INDENT)
		return fail_here(ps);
	return p_expr_stmt(ps);
}

/* simple_stmts: small (';' small)* [';'] NEWLINE, appended to blk. */
static int p_simple(struct parser *ps, struct svec *blk)
{
	do {
		const struct py_stmt *s;
		if (cur(ps)->kind == PYT_NEWLINE)
			break;
		if (!(s = p_small(ps)))
			return -1;
		svec_push(ps, blk, s);
	} while (eat_op(ps, ";"));
	if (cur(ps)->kind != PYT_NEWLINE && cur(ps)->kind != PYT_EOF)
		return fail_here(ps), -1;
	if (cur(ps)->kind == PYT_NEWLINE)
		ps->i++;
	return 0;
}

static int p_stmt(struct parser *ps, struct svec *blk);

static int p_if(struct parser *ps, struct py_stmt *s)
{
	if (!(s->test = p_test(ps)) || !expect_op(ps, ":") ||
	    p_block(ps, &s->body, "'if' statement", s->line))
		return -1;
	if (at_kw(ps, "elif")) {
		struct py_stmt *e2 = snode(ps, PYS_IF, cur(ps));
		ps->i++;
		if (p_if(ps, e2))
			return -1;
		s->orelse.v = arena_alloc(ps->a, sizeof(*s->orelse.v));
		s->orelse.v[0] = e2;
		s->orelse.n = 1;
		return 0;
	}
	if (eat_kw(ps, "else"))
		return expect_op(ps, ":") ? p_block(ps, &s->orelse, "'else' statement", s->line)
					  : -1;
	return 0;
}

static int p_with(struct parser *ps, struct py_stmt *s)
{
	struct py_with_item *v = NULL;
	size_t n = 0;
	bool paren = false;
	size_t save = ps->i;

	/* with (a as b, c as d): the parenthesised form (3.10) */
	if (eat_op(ps, "(")) {
		int depth = 1;
		size_t k = ps->i;
		for (; depth && ps->v[k].kind != PYT_EOF; k++)
			depth += tok_eq(&ps->v[k], PYT_OP, "(") - tok_eq(&ps->v[k], PYT_OP, ")");
		paren = depth == 0 && tok_eq(&ps->v[k], PYT_OP, ":");
		if (!paren)
			ps->i = save;
	}
	do {
		if (paren && at_op(ps, ")"))
			break;
		v = arena_grow(ps->a, v, n, n + 1, sizeof(*v));
		memset(&v[n], 0, sizeof(v[n]));
		if (!(v[n].ctx = p_test(ps)))
			return -1;
		if (eat_kw(ps, "as") && !(v[n].var = p_binary(ps, 0)))
			return -1;
		if (v[n].var && !is_target(v[n].var))
			return fail_target(ps, v[n].var), -1;
		n++;
	} while (eat_op(ps, ","));
	if (paren && !expect_op(ps, ")"))
		return -1;
	s->items = v;
	s->n_items = n;
	return expect_op(ps, ":") ? p_block(ps, &s->body, "'with' statement", s->line) : -1;
}

static int p_try(struct parser *ps, struct py_stmt *s)
{
	struct py_handler *h = NULL;
	size_t n = 0;

	if (!expect_op(ps, ":") || p_block(ps, &s->body, "'try' statement", s->line))
		return -1;
	while (at_kw(ps, "except")) {
		const struct py_tok *t = cur(ps);
		h = arena_grow(ps->a, h, n, n + 1, sizeof(*h));
		memset(&h[n], 0, sizeof(h[n]));
		h[n].line = t->line;
		h[n].col = t->col;
		ps->i++;
		eat_op(ps, "*");
		if (!at_op(ps, ":")) {
			if (!(h[n].type = p_star_exprs(ps, false)))
				return -1;
			if (eat_kw(ps, "as")) {
				if (cur(ps)->kind != PYT_NAME)
					return fail_here(ps), -1;
				h[n].name = tok_str(ps, cur(ps));
				ps->i++;
			}
		}
		if (!expect_op(ps, ":") || p_block(ps, &h[n].body, "'except' statement", t->line))
			return -1;
		n++;
	}
	s->handlers = h;
	s->n_handlers = n;
	if (eat_kw(ps, "else") &&
	    (!expect_op(ps, ":") || p_block(ps, &s->orelse, "'else' statement", s->line)))
		return -1;
	if (eat_kw(ps, "finally") &&
	    (!expect_op(ps, ":") || p_block(ps, &s->finalbody, "'finally' statement", s->line)))
		return -1;
	if (!n && !s->finalbody.n)
		return fail_at(ps, cur(ps), "expected 'except' or 'finally' block"), -1;
	return 0;
}

static int p_def(struct parser *ps, struct py_stmt *s, bool is_class)
{
	const struct py_tok *name = cur(ps);

	if (name->kind != PYT_NAME || is_keyword(name))
		return fail_here(ps), -1;
	s->s = tok_str(ps, name);
	ps->i++;
	if (is_class) {
		if (eat_op(ps, "(")) {
			struct py_expr call = {0};
			if (p_args(ps, &call))
				return -1;
			s->targets = call.v;
			s->n_targets = call.n;
			s->kw = call.kw;
			s->n_kw = call.n_kw;
		}
	} else {
		if (!expect_op(ps, "(") || p_params(ps, ")", true, &s->params, &s->n_params) ||
		    !expect_op(ps, ")"))
			return -1;
		if (eat_op(ps, "->") && !(s->ann = p_test(ps)))
			return -1;
	}
	if (!expect_op(ps, ":"))
		return -1;
	return p_block(ps, &s->body,
		       arena_printf(ps->a, "%s definition", is_class ? "class" : "function"),
		       s->line);
}

/* A match statement: kept as PYS_OTHER, its block skipped token by token. */
static int p_skip_block(struct parser *ps, struct py_stmt *s)
{
	int depth = 0;

	s->kind = PYS_OTHER;
	s->s = "match";
	while (cur(ps)->kind != PYT_EOF) {
		enum py_tok_kind k = cur(ps)->kind;
		ps->i++;
		if (k == PYT_INDENT)
			depth++;
		else if (k == PYT_DEDENT && --depth == 0)
			return 0;
	}
	return 0;
}

/* Decorators, "@expr NEWLINE" each, appended to decos; a def or class must follow. */
static int p_decorators(struct parser *ps, struct xvec *decos)
{
	while (at_op(ps, "@")) {
		const struct py_expr *d;
		ps->i++;
		if (!(d = p_test(ps)))
			return -1;
		xvec_push(ps, decos, d);
		if (cur(ps)->kind != PYT_NEWLINE)
			return fail_here(ps), -1;
		ps->i++;
		if (!at_kw(ps, "def") && !at_kw(ps, "class") && !at_kw(ps, "async") &&
		    !at_op(ps, "@"))
			return fail_here(ps), -1;
	}
	return 0;
}

/* At a match statement: "match" (a soft keyword) not followed by an operator
 * or the line's end ("match = 1", "match(x)"), on a line that ends with ':'. */
static bool at_match(struct parser *ps)
{
	size_t k = ps->i;

	if (!at_kw(ps, "match") || ps->v[k + 1].kind == PYT_OP || ps->v[k + 1].kind == PYT_NEWLINE)
		return false;
	while (ps->v[k].kind != PYT_NEWLINE && ps->v[k].kind != PYT_EOF)
		k++;
	return k > ps->i && tok_eq(&ps->v[k - 1], PYT_OP, ":");
}

/* The optional "else:" block of a loop. */
static int p_loop_else(struct parser *ps, struct py_stmt *s)
{
	if (eat_kw(ps, "else") &&
	    (!expect_op(ps, ":") || p_block(ps, &s->orelse, "'else' statement", s->line)))
		return -1;
	return 0;
}

/* while TEST: BLOCK [else: BLOCK], after "while". */
static int p_while(struct parser *ps, struct py_stmt *s)
{
	if (!(s->test = p_test(ps)) || !expect_op(ps, ":") ||
	    p_block(ps, &s->body, "'while' statement", s->line) || p_loop_else(ps, s))
		return -1;
	return 0;
}

/* for TARGETS in EXPRS: BLOCK [else: BLOCK], after "for". */
static int p_for(struct parser *ps, struct py_stmt *s)
{
	if (!(s->target = p_targets(ps)) || !eat_kw(ps, "in") ||
	    !(s->value = p_star_exprs(ps, true)) || !expect_op(ps, ":") ||
	    p_block(ps, &s->body, "'for' statement", s->line) || p_loop_else(ps, s)) {
		if (!ps->e->code)
			fail_here(ps);
		return -1;
	}
	return 0;
}

static int p_funcdef(struct parser *ps, struct py_stmt *s)
{
	return p_def(ps, s, false);
}

static int p_classdef(struct parser *ps, struct py_stmt *s)
{
	return p_def(ps, s, true);
}

/* The compound statements by keyword: each parser runs after its keyword. */
static const struct {
	const char *kw;                                     /* the statement's keyword */
	enum py_stmt_kind kind;                             /* the statement node's kind */
	int (*parse)(struct parser *ps, struct py_stmt *s); /* the rest; -1 with ps->e set */
} compounds[] = {
	{"if", PYS_IF, p_if},
	{"while", PYS_WHILE, p_while},
	{"for", PYS_FOR, p_for},
	{"with", PYS_WITH, p_with},
	{"try", PYS_TRY, p_try},
	{"def", PYS_DEF, p_funcdef},
	{"class", PYS_CLASS, p_classdef},
};

/* Compound statements; returns 1 when the current token does not start one. */
static int p_compound(struct parser *ps, struct svec *blk)
{
	struct py_stmt *s = snode(ps, PYS_IF, cur(ps));
	struct xvec decos = {0};

	if (p_decorators(ps, &decos))
		return -1;
	s->decos = decos.v;
	s->n_decos = decos.n;
	s->line = cur(ps)->line; /* a decorated def is at its "def", as Python's ast has it */
	s->col = cur(ps)->col;
	if (at_kw(ps, "async")) {
		s->is_async = true;
		ps->i++;
	}
	if (at_match(ps)) {
		int rc = p_skip_block(ps, s);
		svec_push(ps, blk, s);
		return rc;
	}
	for (size_t k = 0; k < sizeof(compounds) / sizeof(compounds[0]); k++) {
		if (!eat_kw(ps, compounds[k].kw))
			continue;
		s->kind = compounds[k].kind;
		if (compounds[k].parse(ps, s))
			return -1;
		svec_push(ps, blk, s);
		return 0;
	}
	if (decos.n || s->is_async)
		return fail_here(ps), -1;
	return 1;
}

static int p_stmt(struct parser *ps, struct svec *blk)
{
	int rc;

	if (!enter(ps))
		return -1;
	rc = p_compound(ps, blk);
	if (rc == 1)
		rc = p_simple(ps, blk);
	ps->depth--;
	return rc;
}

/* block: NEWLINE INDENT statements DEDENT | simple_stmts. */
static int p_block(struct parser *ps, struct py_block *out, const char *what, int line)
{
	struct svec blk = {0};

	if (cur(ps)->kind != PYT_NEWLINE) {
		if (p_simple(ps, &blk))
			return -1;
	} else {
		ps->i++;
		if (cur(ps)->kind != PYT_INDENT) {
			if (!ps->e->code) {
				err_at(ps->e, ERR_INPUT, ps->file, cur(ps)->line,
				       "expected an indented block after %s on line %d", what,
				       line);
				ps->e->col = cur(ps)->col;
			}
			return -1;
		}
		ps->i++;
		while (cur(ps)->kind != PYT_DEDENT && cur(ps)->kind != PYT_EOF)
			if (p_stmt(ps, &blk))
				return -1;
		if (cur(ps)->kind == PYT_DEDENT)
			ps->i++;
	}
	out->v = blk.v;
	out->n = blk.n;
	return 0;
}

int py_parse_module(struct arena *a, const char *file, const char *text, size_t len,
		    struct py_module **out, struct err *e)
{
	struct py_toks toks;
	struct parser ps = {0};
	struct py_module *m;
	struct svec blk = {0};
	int rc = 0;

	err_clear(e);
	if (py_lex(file, text, len, &toks, e))
		return -1;
	ps.a = a;
	ps.file = file;
	ps.v = toks.v;
	ps.e = e;
	while (rc == 0 && cur(&ps)->kind != PYT_EOF) {
		if (cur(&ps)->kind == PYT_NEWLINE)
			ps.i++;
		else
			rc = p_stmt(&ps, &blk);
	}
	buf_release(&ps.scratch);
	py_toks_free(&toks);
	if (rc)
		return -1;
	m = arena_calloc(a, 1, sizeof(*m));
	m->file = file;
	m->text = text;
	m->len = len;
	m->body.v = blk.v;
	m->body.n = blk.n;
	*out = m;
	return 0;
}

void py_alias_binding(struct arena *a, const struct py_stmt *s, const struct py_alias *al,
		      const char **bind, const char **full)
{
	if (s->kind == PYS_IMPORT) {
		const char *dot = strchr(al->name, '.');
		*bind = al->asname ? al->asname
			: dot      ? arena_strndup(a, al->name, (size_t)(dot - al->name))
				   : al->name;
		*full = al->asname || !dot ? al->name : *bind;
	} else {
		*bind = al->asname ? al->asname : al->name;
		*full = arena_printf(a, "%s.%s", s->s, al->name);
	}
}
