/*
 * pyparse.c - a revision module's header and op.execute bodies, read off the
 * syntax tree of the Python front end (src/py: py_parse_module,
 * py_module_header).  The tree is scratch memory per file: only the results
 * are copied to the caller's arena, so 10,000 revisions do not keep 10,000
 * trees (the runtime parses a body again when it runs it: script_module).
 */
#include "script/pyparse.h"

#include "base/buf.h"
#include "base/str.h"
#include "py/ast.h"
#include "py/py.h"

static void copy_hval(struct arena *a, const struct py_hval *in, struct pyval *out)
{
	static const enum pyval_kind kinds[] = {
		[PY_HVAL_ABSENT] = PYVAL_ABSENT,
		[PY_HVAL_NONE] = PYVAL_NONE,
		[PY_HVAL_STR] = PYVAL_STR,
		[PY_HVAL_SEQ] = PYVAL_SEQ,
	};

	memset(out, 0, sizeof(*out));
	out->kind = kinds[in->kind];
	out->line = in->line;
	out->col = in->col;
	for (size_t k = 0; k < in->items.n; k++)
		strvec_push(a, &out->items, arena_strdup(a, in->items.v[k]));
}

/* Records why the body cannot run natively (the first reason only counts). */
static void refuse(struct script_section *sec, int line, const char *why)
{
	if (sec->refusal)
		return;
	sec->refusal = why;
	sec->refusal_line = line;
}

static void push_stmt(struct arena *a, struct script_section *sec, const char *sql, int line)
{
	size_t n = sec->n_stmts;

	if (n == 0 || (n >= 4 && (n & (n - 1)) == 0)) /* capacity doubles: 4, 8, 16, ... */
		sec->stmts = arena_grow(a, sec->stmts, n, n ? n * 2 : 4, sizeof(*sec->stmts));
	sec->stmts[sec->n_stmts].sql = arena_strdup(a, sql);
	sec->stmts[sec->n_stmts].line = line;
	sec->n_stmts++;
}

/* "op.execute" for a dotted name expression, into b; false if not dotted. */
static bool dotted(const struct py_expr *x, struct buf *b)
{
	if (x->kind == PYE_NAME) {
		buf_adds(b, x->s);
		return true;
	}
	if (x->kind != PYE_ATTR || !dotted(x->a, b))
		return false;
	buf_addch(b, '.');
	buf_adds(b, x->s);
	return true;
}

/* The SQL string of op.execute(<str>) / op.execute([sa.]text(<str>)), or NULL. */
static const struct py_expr *execute_arg(const struct py_expr *call)
{
	const struct py_expr *x;
	struct buf b = BUF_INIT;
	bool is_text;

	if (call->n != 1 || call->n_kw)
		return NULL;
	x = call->v[0];
	if (x->kind == PYE_CALL && x->n == 1 && !x->n_kw) {
		is_text = dotted(x->a, &b) &&
			  (!strcmp(buf_cstr(&b), "text") || !strcmp(buf_cstr(&b), "sa.text"));
		buf_release(&b);
		if (!is_text)
			return NULL;
		x = x->v[0];
	}
	return x->kind == PYE_STR ? x : NULL;
}

/* The first token's text of the statement at line:col (for messages). */
static char *first_word(struct arena *a, const struct py_module *m, int line, int col)
{
	const char *p = m->text, *end = m->text + m->len, *q;

	for (int l = 1; l < line && p < end; p++)
		if (*p == '\n' || (*p == '\r' && (p + 1 == end || p[1] != '\n')))
			l++;
	p += col - 1;
	if (p >= end)
		return arena_strdup(a, "");
	for (q = p; q < end && (str_isalnum(*q) || *q == '_' || (unsigned char)*q >= 0x80); q++)
		;
	return arena_strndup(a, p, q == p ? 1 : (size_t)(q - p));
}

static const char *const stmt_words[] = {
	[PYS_AUGASSIGN] = NULL,      [PYS_IMPORT] = "import",     [PYS_FROM] = "from",
	[PYS_DEF] = "def",           [PYS_CLASS] = "class",       [PYS_RETURN] = "return",
	[PYS_BREAK] = "break",       [PYS_CONTINUE] = "continue", [PYS_IF] = "if",
	[PYS_FOR] = "for",           [PYS_WHILE] = "while",       [PYS_WITH] = "with",
	[PYS_RAISE] = "raise",       [PYS_TRY] = "try",           [PYS_GLOBAL] = "global",
	[PYS_NONLOCAL] = "nonlocal", [PYS_DEL] = "del",           [PYS_ASSERT] = "assert",
	[PYS_OTHER] = "match",
};

/* One statement of an upgrade()/downgrade() body. */
static int body_stmt(struct arena *a, const struct py_module *m, struct script_section *sec,
		     const struct py_stmt *s, struct err *e)
{
	const struct py_expr *x = s->value, *sql;
	struct buf b = BUF_INIT;
	const char *kw =
		s->kind < sizeof(stmt_words) / sizeof(*stmt_words) ? stmt_words[s->kind] : NULL;

	if (sec->refusal)
		return 0;
	if (s->kind == PYS_PASS ||
	    (s->kind == PYS_EXPR &&
	     (x->kind == PYE_STR || x->kind == PYE_BYTES || x->kind == PYE_FSTR)))
		return 0;
	if (kw || s->is_async) {
		refuse(sec, s->line,
		       arena_printf(a, "'%s' statement is not supported by the native runtime yet",
				    s->is_async ? "async" : kw));
		return 0;
	}
	if (s->kind != PYS_EXPR || x->kind != PYE_CALL || !dotted(x->a, &b)) {
		refuse(sec, s->line,
		       arena_printf(a,
				    "the statement starting with '%s' is not supported by the "
				    "native runtime yet",
				    first_word(a, m, s->line, s->col)));
	} else if (strcmp(buf_cstr(&b), "op.execute")) {
		refuse(sec, s->line,
		       arena_printf(a, "%s is not supported by the native runtime yet",
				    buf_cstr(&b)));
	} else if ((sql = execute_arg(x))) {
		if (sql->bad) {
			buf_release(&b);
			err_at(e, ERR_INPUT, m->file, sql->line, "%s", sql->bad);
			e->col = sql->col;
			return -1;
		}
		if (!sec->refusal)
			push_stmt(a, sec, sql->s, s->line);
	} else {
		refuse(sec, s->line,
		       "op.execute with an argument other than a string literal is not supported by "
		       "the native runtime yet");
	}
	buf_release(&b);
	return 0;
}

static int read_def(struct arena *a, const struct py_module *m, const char *name,
		    const struct py_hdef *d, struct script_section *sec, struct err *e)
{
	const struct py_stmt *def = d->node;

	memset(sec, 0, sizeof(*sec));
	if (!d->present)
		return 0;
	sec->present = true;
	sec->first_line = d->line;
	if (d->is_decorated)
		refuse(sec, d->line,
		       arena_printf(a,
				    "a decorated %s() is not supported by the native runtime yet",
				    name));
	else if (d->has_params)
		refuse(sec, d->line,
		       arena_printf(
			       a, "%s() with parameters is not supported by the native runtime yet",
			       name));
	for (size_t k = 0; k < def->body.n; k++)
		if (body_stmt(a, m, sec, def->body.v[k], e))
			return -1;
	return 0;
}

int pyparse_module(struct arena *a, const char *file, const char *text, size_t len,
		   struct pyparse_result *out, struct err *e)
{
	struct arena scratch = ARENA_INIT;
	struct py_module *m;
	struct py_header h;
	int rc = -1;

	memset(out, 0, sizeof(*out));
	if (py_parse_module(&scratch, file, text, len, &m, e) ||
	    py_module_header(&scratch, m, &h, e))
		goto out;
	out->doc = h.doc ? arena_strdup(a, h.doc) : NULL;
	copy_hval(a, &h.revision, &out->revision);
	copy_hval(a, &h.down_revision, &out->down_revision);
	copy_hval(a, &h.branch_labels, &out->branch_labels);
	copy_hval(a, &h.depends_on, &out->depends_on);
	if (read_def(a, m, "upgrade", &h.upgrade, &out->upgrade, e) ||
	    read_def(a, m, "downgrade", &h.downgrade, &out->downgrade, e))
		goto out;
	rc = 0;
out:
	arena_release(&scratch);
	return rc;
}

/* ---- UTF-8 helpers ---- */

/* Python's str.isspace() for one code point. */
static bool py_isspace(unsigned c)
{
	return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) || c == 0x85 || c == 0xA0 ||
	       c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
	       c == 0x202F || c == 0x205F || c == 0x3000;
}

char *pyparse_strip(struct arena *a, const char *s, size_t n)
{
	const char *p = s, *end = s + n, *last = s;
	bool started = false;

	while (p < end) {
		unsigned cp;
		size_t k = str_utf8_decode(p, end, &cp);
		if (!k)
			k = 1, cp = 0xFFFD;
		if (!py_isspace(cp)) {
			if (!started)
				s = p, started = true;
			last = p + k;
		}
		p += k;
	}
	return started ? arena_strndup(a, s, (size_t)(last - s)) : arena_strdup(a, "");
}
