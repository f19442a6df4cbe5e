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

void rnd_repr(struct buf *b, const char *s)
{
	if (!s)
		buf_adds(b, "None");
	else
		pyv_repr_str(b, s, strlen(s));
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

void rnd_type(const struct rnd *x, struct buf *b, const struct sch_type *t)
{
	if (!t) {
		buf_adds(b, "sa.NullType()");
		return;
	}
	sch_type_render_py(x->a, t, x->dialect, b, x->imports);
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
	case PYV_NONE: buf_adds(b, "None"); break;
	case PYV_BOOL: buf_adds(b, v->b ? "True" : "False"); break;
	case PYV_INT: buf_addf(b, "%lld", v->i); break;
	case PYV_FLOAT: buf_adds(b, pyv_float_repr(x->a, v->f)); break;
	case PYV_STR: pyv_repr_str(b, v->s, v->len); break;
	case PYV_LIST: rnd_seq(x, b, v, "[", "]"); break;
	case PYV_TUPLE: rnd_seq(x, b, v, "(", ")"); break;
	case PYV_DICT: rnd_seq(x, b, v, "{", "}"); break;
	default: buf_adds(b, pyv_describe(x->a, v)); break;
	}
}

void rnd_server_default(const struct rnd *x, struct buf *b, const struct sch_expr *d)
{
	if (!d) {
		buf_adds(b, "None");
	} else if (d->kind == SCH_EXPR_STR) { /* repr(re.sub(r"^'|'$", "", default)) */
		const char *s = d->s ? d->s : "";
		size_t n = strlen(s);

		if (n && s[0] == '\'') {
			s++;
			n--;
		}
		if (n && s[n - 1] == '\'')
			n--;
		pyv_repr_str(b, s, n);
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
