/*
 * render_val.c - the values inside rendered operations, as Alembic 1.8.1's
 * autogenerate/render.py writes them: Python literals (repr), names
 * (_render_gen_name / _f_name: op.f('...')), types (_repr_type, through
 * sch_type_render_py), SQL expressions (_render_potential_expr and
 * impl.render_ddl_sql_expr) and server defaults (_render_server_default).
 */
#include "autogen/render_int.h"

#include <string.h>

#include "base/str.h"
#include "schema/type.h"
#include "sql/ddl.h"

const char *rnd_prefix(const struct rnd *x)
{
	return x->batch ? "batch_op." : "op.";
}

/* The assigned code points above U+007F that str.isprintable() rejects
 * (Python 3.11, Unicode 14: categories Cc, Cf, Zl, Zp, Zs, Co); repr()
 * escapes them.  Unassigned code points (Cn) are written as they are. */
static const struct {
	unsigned lo, hi;
} rnd_unprintable[] = {
	{0x80, 0xa0},       {0xad, 0xad},       {0x600, 0x605},       {0x61c, 0x61c},
	{0x6dd, 0x6dd},     {0x70f, 0x70f},     {0x890, 0x891},       {0x8e2, 0x8e2},
	{0x1680, 0x1680},   {0x180e, 0x180e},   {0x2000, 0x200f},     {0x2028, 0x202f},
	{0x205f, 0x2064},   {0x2066, 0x206f},   {0x3000, 0x3000},     {0xe000, 0xf8ff},
	{0xfeff, 0xfeff},   {0xfff9, 0xfffb},   {0x110bd, 0x110bd},   {0x110cd, 0x110cd},
	{0x13430, 0x13438}, {0x1bca0, 0x1bca3}, {0x1d173, 0x1d17a},   {0xe0001, 0xe0001},
	{0xe0020, 0xe007f}, {0xf0000, 0xffffd}, {0x100000, 0x10fffd},
};

static bool rnd_is_unprintable(unsigned cp)
{
	for (size_t i = 0; i < sizeof(rnd_unprintable) / sizeof(rnd_unprintable[0]); i++)
		if (cp >= rnd_unprintable[i].lo && cp <= rnd_unprintable[i].hi)
			return true;
	return false;
}

/* The UTF-8 sequence at s[0..n): its code point and length (1 for a stray byte). */
static size_t rnd_utf8(const unsigned char *s, size_t n, unsigned *cp)
{
	size_t len = s[0] >= 0xf0 ? 4 : s[0] >= 0xe0 ? 3 : s[0] >= 0xc0 ? 2 : 1;

	if (len > n)
		len = 1;
	*cp = len == 1 ? s[0] : s[0] & (0x3f >> (len - 1));
	for (size_t i = 1; i < len; i++)
		*cp = (*cp << 6) | (s[i] & 0x3f);
	return len;
}

/* Python's repr(str) (unicode_repr): the quote, the escapes, \xNN / \uNNNN /
 * \UNNNNNNNN for what is not printable. */
static void rnd_repr_str(struct buf *b, const char *s, size_t n)
{
	char q = memchr(s, '\'', n) && !memchr(s, '"', n) ? '"' : '\'';
	const unsigned char *u = (const unsigned char *)s;

	buf_addch(b, q);
	for (size_t k = 0; k < n;) {
		unsigned cp;
		size_t len = rnd_utf8(u + k, n - k, &cp);

		if (cp == (unsigned char)q || cp == '\\')
			buf_addf(b, "\\%c", (char)cp);
		else if (cp == '\n' || cp == '\r' || cp == '\t')
			buf_adds(b, cp == '\n' ? "\\n" : cp == '\r' ? "\\r" : "\\t");
		else if (cp < 0x20 || cp == 0x7f || (cp > 0x7f && rnd_is_unprintable(cp)))
			buf_addf(b,
				 cp < 0x100     ? "\\x%02x"
				 : cp < 0x10000 ? "\\u%04x"
						: "\\U%08x",
				 cp);
		else
			buf_add(b, u + k, len);
		k += len;
	}
	buf_addch(b, q);
}

void rnd_repr(struct buf *b, const char *s)
{
	if (!s)
		buf_adds(b, "None");
	else
		rnd_repr_str(b, s, strlen(s));
}

void rnd_name(const struct rnd *x, struct buf *b, const char *name, bool final)
{
	if (name && final) { /* _f_name.__repr__ */
		buf_adds(b, rnd_prefix(x));
		buf_adds(b, "f(");
		rnd_repr(b, name);
		buf_addch(b, ')');
		return;
	}
	rnd_repr(b, name);
}

void rnd_list(struct buf *b, const struct strvec *v)
{
	buf_addch(b, '[');
	for (size_t i = 0; i < v->n; i++) {
		if (i)
			buf_adds(b, ", ");
		rnd_repr(b, v->v[i]);
	}
	buf_addch(b, ']');
}

/* A type as Alembic writes it, plus (**differs**) the import its module
 * path needs: Alembic writes sqlmodel.sql.sqltypes.AutoString() without
 * importing sqlmodel, so its file dies with NameError (ref 12.6). */
void rnd_type(const struct rnd *x, struct buf *b, const struct sch_type *t)
{
	size_t start = b->len;

	if (!t) {
		buf_adds(b, "sa.NullType()");
		return;
	}
	sch_type_render_py(x->a, t, x->dialect, b, x->imports);
	if (x->imports && strstr(buf_cstr(b) + start, "sqlmodel.sql.sqltypes."))
		strvec_push_unique(x->a, x->imports, "import sqlmodel");
}

/* A dialect whose DBAPI paramstyle makes SQLAlchemy double '%' in text()
 * (psycopg2's and mysqlclient's pyformat/format: preparer._double_percents). */
static bool rnd_doubles_percent(const struct rnd *x)
{
	return !strcmp(x->dialect, "postgresql") || !strcmp(x->dialect, "mysql") ||
	       !strcmp(x->dialect, "mariadb");
}

/* re.match(pattern, s) for "^<open>.+<close>$": . excludes newlines and $
 * also matches before one final newline. */
static bool rnd_wrapped(const char *s, char open, char close)
{
	size_t n = strlen(s);

	if (n && s[n - 1] == '\n')
		n--;
	if (n < 3 || s[0] != open || s[n - 1] != close)
		return false;
	return memchr(s, '\n', n) == NULL;
}

/* SQLiteImpl._guess_if_default_is_unparenthesized_sql_expr */
static bool rnd_sqlite_unparenthesized(const char *s)
{
	size_t n = strlen(s);

	if (!n)
		return false;
	if ((n == 1 || (n == 2 && s[1] == '\n')) && (str_isdigit(s[0]) || s[0] == '.'))
		return false;
	return !rnd_wrapped(s, '\'', '\'') && !rnd_wrapped(s, '(', ')');
}

/* The text of a text() construct as SQLAlchemy compiles it. */
static void rnd_text_sql(const struct rnd *x, struct buf *b, const char *s)
{
	for (; *s; s++) {
		buf_addch(b, *s);
		if (*s == '%' && rnd_doubles_percent(x))
			buf_addch(b, '%');
	}
}

/* A text()/literal_column() call of one string. */
static const char *rnd_text_arg(const struct pyv *v)
{
	if (v && v->kind == PYV_CALL && v->n == 1 && v->items[0]->kind == PYV_STR &&
	    (!strcmp(v->name, "sqlalchemy.text") || !strcmp(v->name, "sqlalchemy.literal_column")))
		return v->items[0]->s;
	return NULL;
}

const char *rnd_sql(const struct rnd *x, const struct sch_expr *ex, bool is_server_default)
{
	struct buf b = BUF_INIT;
	const char *text = ex->kind == SCH_EXPR_PYV ? rnd_text_arg(ex->pyv) : ex->s;
	struct err e;
	char *out;

	if (text) {
		rnd_text_sql(x, &b, text);
	} else if (sql_expr_text(x->a, x->dialect, ex, &b, &e) < 0) {
		buf_reset(&b);
		buf_adds(&b, ex->pyv ? pyv_describe(x->a, ex->pyv) : "");
	}
	if (is_server_default && !strcmp(x->dialect, "sqlite") &&
	    rnd_sqlite_unparenthesized(buf_cstr(&b))) {
		out = arena_printf(x->a, "(%s)", buf_cstr(&b));
	} else {
		out = buf_to_arena(&b, x->a);
	}
	buf_release(&b);
	return out;
}

/* A value that is a SQL expression (a sqlalchemy.* call other than a type
 * or a schema item: text(), func.*, true(), null(), literal()). */
static bool rnd_is_clause(const struct pyv *v)
{
	return v->kind == PYV_CALL && !v->receiver && v->name &&
	       (rnd_text_arg(v) || !strncmp(v->name, "sqlalchemy.func.", 16) ||
		!strcmp(v->name, "sqlalchemy.true") || !strcmp(v->name, "sqlalchemy.false") ||
		!strcmp(v->name, "sqlalchemy.null") || !strcmp(v->name, "sqlalchemy.literal"));
}

static void rnd_seq(const struct rnd *x, struct buf *b, const struct pyv *v, const char *open,
		    const char *close)
{
	buf_adds(b, open);
	for (size_t i = 0; i < v->n; i++) {
		if (i)
			buf_adds(b, ", ");
		if (v->kind == PYV_DICT) {
			rnd_value(x, b, v->keys[i], true);
			buf_adds(b, ": ");
		}
		rnd_value(x, b, v->items[i], true);
	}
	if (v->kind == PYV_TUPLE && v->n == 1)
		buf_addch(b, ',');
	buf_adds(b, close);
}

void rnd_value(const struct rnd *x, struct buf *b, const struct pyv *v, bool wrap)
{
	if (rnd_is_clause(v)) {
		struct sch_expr ex = {SCH_EXPR_PYV, NULL, v};

		buf_adds(b, wrap ? "sa.text(" : "");
		rnd_repr(b, rnd_sql(x, &ex, false));
		buf_adds(b, wrap ? ")" : "");
		return;
	}
	switch (v->kind) {
	case PYV_NONE:
		buf_adds(b, "None");
		break;
	case PYV_BOOL:
		buf_adds(b, v->b ? "True" : "False");
		break;
	case PYV_INT:
		buf_addf(b, "%lld", v->i);
		break;
	case PYV_FLOAT:
		buf_adds(b, pyv_float_repr(x->a, v->f));
		break;
	case PYV_STR:
		rnd_repr_str(b, v->s, v->len);
		break;
	case PYV_LIST:
		rnd_seq(x, b, v, "[", "]");
		break;
	case PYV_TUPLE:
		rnd_seq(x, b, v, "(", ")");
		break;
	case PYV_DICT:
		rnd_seq(x, b, v, "{", "}");
		break;
	default:
		buf_adds(b, pyv_describe(x->a, v));
		break;
	}
}

/* sa.Identity(k=v, ...) as ag_compare builds it for alter_column's
 * server_default (keywords in _render_identity's order), or as a revision
 * wrote it. */
static void rnd_identity_call(const struct rnd *x, struct buf *b, const struct pyv *v)
{
	buf_adds(b, "sa.Identity(");
	for (size_t i = 0; i < v->n_kw; i++) {
		buf_addf(b, "%s%s=", i ? ", " : "", v->kw[i].key);
		rnd_value(x, b, v->kw[i].val, true);
	}
	buf_addch(b, ')');
}

void rnd_server_default(const struct rnd *x, struct buf *b, const struct sch_expr *d)
{
	if (!d) {
		buf_adds(b, "None");
	} else if (d->kind == SCH_EXPR_PYV && d->pyv && d->pyv->kind == PYV_CALL && d->pyv->name &&
		   !strcmp(d->pyv->name, "sqlalchemy.Identity")) {
		rnd_identity_call(x, b, d->pyv);
	} else if (d->kind == SCH_EXPR_STR) { /* repr(re.sub(r"^'|'$", "", default)) */
		const char *s = d->s ? d->s : "";
		size_t n = strlen(s);

		if (n && s[0] == '\'') {
			s++;
			n--;
		}
		if (n && s[n - 1] == '\'')
			n--;
		rnd_repr_str(b, s, n);
	} else {
		buf_adds(b, "sa.text(");
		rnd_repr(b, rnd_sql(x, d, true));
		buf_addch(b, ')');
	}
}

/* The dialect part of a keyword ("postgresql" of "postgresql_where"). */
static size_t rnd_kw_dialect(const char *key)
{
	const char *us = strchr(key, '_');

	return us ? (size_t)(us - key) : strlen(key);
}

/* Whether the dialect of kw->v[i] appeared before i. */
static bool rnd_kw_seen(const struct sch_kwargs *kw, size_t i)
{
	size_t n = rnd_kw_dialect(kw->v[i].key);

	for (size_t j = 0; j < i; j++)
		if (rnd_kw_dialect(kw->v[j].key) == n && !strncmp(kw->v[j].key, kw->v[i].key, n))
			return true;
	return false;
}

void rnd_dialect_kw(const struct rnd *x, struct buf *b, const struct sch_kwargs *kw,
		    const char *skip)
{
	for (size_t i = 0; i < kw->n; i++) {
		size_t n = rnd_kw_dialect(kw->v[i].key);

		if (rnd_kw_seen(kw, i))
			continue;
		for (size_t j = i; j < kw->n; j++) {
			const struct pyv_kwarg *k = &kw->v[j];

			if (rnd_kw_dialect(k->key) != n || strncmp(k->key, kw->v[i].key, n) ||
			    (skip && !strcmp(k->key, skip)))
				continue;
			buf_addf(b, ", %s=", k->key);
			rnd_value(x, b, k->val, true);
		}
	}
}
