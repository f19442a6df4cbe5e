/*
 * ddl_render.c - the rendering helpers every dialect family shares: names,
 * literals, expressions kept by the model, defaults, computed/identity
 * clauses, constraint bodies and index expressions, as SQLAlchemy 1.4's
 * sql/compiler.py (DDLCompiler, SQLCompiler.render_literal_value) and
 * alembic/ddl/base.py render them.
 */
#include "sql/ddl_int.h"

#include <stdarg.h>
#include <string.h>

#include "base/str.h"

int ddl_fail(struct ddl_ctx *x, const char *fmt, ...)
{
	va_list ap;
	char msg[ERR_MSG_MAX];

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	err_at(x->e, ERR_INPUT, x->o->file, x->op ? x->op->line : 0, "%s", msg);
	x->e->col = x->op ? x->op->col : 0;
	return -1;
}

const char *ddl_what(struct ddl_ctx *x, const struct pyv *v)
{
	return v ? pyv_describe(x->a, v) : "nothing";
}

void ddl_emit(struct ddl_ctx *x, struct buf *b)
{
	sql_stmts_push(x->a, x->out, buf_to_arena(b, x->a), x->autocommit, x->op ? x->op->line : 0);
	buf_reset(b);
}

void ddl_q(struct ddl_ctx *x, struct buf *b, const char *name)
{
	sql_quote_ident(x->d, b, name);
}

void ddl_table_name(struct ddl_ctx *x, struct buf *b, const char *schema, const char *name)
{
	if (schema && *schema) {
		const char *p = schema, *dot;

		while ((dot = strchr(p, '.')) != NULL) {
			ddl_q(x, b, arena_strndup(x->a, p, (size_t)(dot - p)));
			buf_addch(b, '.');
			p = dot + 1;
		}
		ddl_q(x, b, p);
		buf_addch(b, '.');
	}
	ddl_q(x, b, name);
}

void ddl_alter_table(struct ddl_ctx *x, struct buf *b, const char *schema, const char *name)
{
	buf_adds(b, "ALTER TABLE ");
	ddl_table_name(x, b, schema, name);
}

/* Offline PostgreSQL and MySQL: render_literal_value doubles backslashes
 * (_backslash_escapes, which offline cannot be read from the server).
 * '%' is never doubled: the generic env.py configures offline runs with
 * paramstyle "named".  Online nothing is doubled (the values are bound). */
static bool ddl_offline_escapes(const struct ddl_ctx *x)
{
	return x->o->as_sql &&
	       (x->d->family == SQL_FAMILY_POSTGRESQL || x->d->family == SQL_FAMILY_MYSQL);
}

void ddl_literal_str(struct ddl_ctx *x, struct buf *b, const char *s)
{
	bool esc = ddl_offline_escapes(x);

	buf_addch(b, '\'');
	for (const char *p = s; *p; p++) {
		if (*p == '\'' || (esc && *p == '\\'))
			buf_addch(b, *p);
		buf_addch(b, *p);
	}
	buf_addch(b, '\'');
}

/* Text of a text() construct: verbatim. */
static void ddl_text(struct ddl_ctx *x, struct buf *b, const char *s)
{
	(void)x;
	buf_adds(b, s);
}

/* The integer arguments of a datetime.date/datetime/time call, in order
 * (keywords by name); missing ones 0.  -1 when one is not an int. */
static int ddl_dt_fields(const struct pyv *v, const char *const *names, long long *f, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const struct pyv *a = i < v->n ? v->items[i] : pyv_kwarg(v, names[i]);

		f[i] = 0;
		if (a && a->kind != PYV_INT)
			return -1;
		if (a)
			f[i] = a->i;
	}
	return 0;
}

/* datetime.date / datetime.datetime / datetime.time as SQLite's DATE /
 * DATETIME / TIME literal processors format them; offline PostgreSQL and
 * MySQL have none (SQLAlchemy 1.4's CompileError).  Online the same ISO
 * text is bound as a string the server parses. */
static int ddl_literal_dt(struct ddl_ctx *x, struct buf *b, const struct pyv *v, const char *type)
{
	static const char *const names[] = {"year",   "month",  "day",        "hour",
					    "minute", "second", "microsecond"};
	static const char *const tnames[] = {"hour", "minute", "second", "microsecond"};
	bool is_time = !strcmp(v->name, "datetime.time");
	long long f[7];

	if (x->o->as_sql && x->d->family != SQL_FAMILY_SQLITE)
		return ddl_fail(x,
				"No literal value renderer is available for literal value \"%s\" "
				"with datatype %s",
				ddl_what(x, v), type);
	if (ddl_dt_fields(v, is_time ? tnames : names, f, is_time ? 4 : 7) < 0)
		return ddl_fail(x, "cannot render %s as a SQL literal", ddl_what(x, v));
	if (is_time)
		buf_addf(b, "'%02lld:%02lld:%02lld.%06lld'", f[0], f[1], f[2], f[3]);
	else if (!strcmp(v->name, "datetime.date"))
		buf_addf(b, "'%04lld-%02lld-%02lld'", f[0], f[1], f[2]);
	else
		buf_addf(b, "'%04lld-%02lld-%02lld %02lld:%02lld:%02lld.%06lld'", f[0], f[1], f[2],
			 f[3], f[4], f[5], f[6]);
	return 0;
}

int ddl_literal_typed(struct ddl_ctx *x, struct buf *b, const struct pyv *v,
		      const struct sch_type *t)
{
	if (v->kind == PYV_CALL &&
	    (!strcmp(v->name, "datetime.date") || !strcmp(v->name, "datetime.datetime") ||
	     !strcmp(v->name, "datetime.time"))) {
		struct buf tb = BUF_INIT;
		struct err ignored;
		const char *type = "NULL";

		if (t && sql_type_ddl(x->a, "sqlite", t, &tb, &ignored) == 0)
			type = buf_to_arena(&tb, x->a);
		buf_release(&tb);
		return ddl_literal_dt(x, b, v, type);
	}
	return ddl_literal(x, b, v);
}

static bool ddl_native_boolean(const struct ddl_ctx *x)
{
	return x->d->family != SQL_FAMILY_SQLITE;
}

int ddl_literal(struct ddl_ctx *x, struct buf *b, const struct pyv *v)
{
	switch (v->kind) {
	case PYV_NONE:
		buf_adds(b, "NULL");
		return 0;
	case PYV_BOOL:
		if (ddl_native_boolean(x))
			buf_adds(b, v->b ? "true" : "false");
		else
			buf_adds(b, v->b ? "1" : "0");
		return 0;
	case PYV_INT:
		if (v->text && str_isdigit(v->text[0]) && !strchr(v->text, '_') &&
		    !strpbrk(v->text, "xXoObB"))
			buf_adds(b, v->text);
		else
			buf_addf(b, "%lld", v->i);
		return 0;
	case PYV_FLOAT:
		buf_adds(b, v->text ? v->text : "0.0");
		return 0;
	case PYV_STR:
		if (strlen(v->s) != v->len)
			return ddl_fail(x, "a string holding a NUL byte cannot be a SQL literal");
		ddl_literal_str(x, b, v->s);
		return 0;
	default:
		return ddl_fail(x, "cannot render %s as a SQL literal without Python",
				ddl_what(x, v));
	}
}

/* Functions SQLAlchemy renders without parentheses (functions.AnsiFunction). */
static bool ddl_ansi_function(const char *name)
{
	static const char *const ansi[] = {
		"current_date", "current_time", "current_timestamp",
		"current_user", "localtime",    "localtimestamp",
		"session_user", "user",         NULL,
	};

	for (size_t i = 0; ansi[i]; i++)
		if (!strcmp(ansi[i], name))
			return true;
	return false;
}

static int ddl_pyv_expr(struct ddl_ctx *x, struct buf *b, const struct pyv *v);

/* sa.func.<name>(args): "name(args)", ANSI names bare, SQLite's now(). */
static int ddl_func(struct ddl_ctx *x, struct buf *b, const struct pyv *v)
{
	const char *name = v->name + strlen("sqlalchemy.func.");

	if (v->kind == PYV_CALL && v->n_kw)
		return ddl_fail(x, "keyword arguments of sa.func.%s() cannot be rendered", name);
	if (!strcmp(name, "now") && x->d->family == SQL_FAMILY_SQLITE) {
		buf_adds(b, "CURRENT_TIMESTAMP"); /* SQLiteCompiler.visit_now_func */
		return 0;
	}
	if (ddl_ansi_function(name) && (v->kind == PYV_REF || v->n == 0)) {
		for (const char *p = name; *p; p++)
			buf_addch(b, *p >= 'a' && *p <= 'z' ? *p - 32 : *p);
		return 0;
	}
	buf_adds(b, name);
	buf_addch(b, '(');
	for (size_t i = 0; v->kind == PYV_CALL && i < v->n; i++) {
		if (i)
			buf_adds(b, ", ");
		if (ddl_pyv_expr(x, b, v->items[i]) < 0)
			return -1;
	}
	buf_addch(b, ')');
	return 0;
}

/* An evaluated expression: literals, sa.text, sa.func.*, sa.true() ... */
static int ddl_pyv_expr(struct ddl_ctx *x, struct buf *b, const struct pyv *v)
{
	const char *n = v->name;

	if (v->kind != PYV_CALL && v->kind != PYV_REF)
		return ddl_literal(x, b, v);
	if (str_startswith(n, "sqlalchemy.func."))
		return ddl_func(x, b, v);
	if (v->kind == PYV_CALL &&
	    (!strcmp(n, "sqlalchemy.text") || !strcmp(n, "sqlalchemy.literal_column")) &&
	    v->n == 1 && v->items[0]->kind == PYV_STR) {
		ddl_text(x, b, v->items[0]->s);
		return 0;
	}
	if (!strcmp(n, "sqlalchemy.true") || !strcmp(n, "sqlalchemy.false")) {
		bool t = !strcmp(n, "sqlalchemy.true");

		buf_adds(b, ddl_native_boolean(x) ? (t ? "true" : "false") : (t ? "1" : "0"));
		return 0;
	}
	if (!strcmp(n, "sqlalchemy.null")) {
		buf_adds(b, "NULL");
		return 0;
	}
	if (v->kind == PYV_CALL && !strcmp(n, "sqlalchemy.literal") && v->n == 1)
		return ddl_literal(x, b, v->items[0]);
	return ddl_fail(x, "cannot render %s as SQL without Python", ddl_what(x, v));
}

int ddl_expr(struct ddl_ctx *x, struct buf *b, const struct sch_expr *ex)
{
	switch (ex->kind) {
	case SCH_EXPR_STR:
	case SCH_EXPR_TEXT:
		ddl_text(x, b, ex->s);
		return 0;
	default:
		return ddl_pyv_expr(x, b, ex->pyv);
	}
}

int ddl_clause(struct ddl_ctx *x, struct buf *b, const struct pyv *v)
{
	if (v->kind == PYV_STR) {
		ddl_text(x, b, v->s);
		return 0;
	}
	return ddl_pyv_expr(x, b, v);
}

int ddl_default(struct ddl_ctx *x, struct buf *b, const struct sch_expr *d)
{
	if (d->kind == SCH_EXPR_STR) {
		ddl_literal_str(x, b, d->s);
		return 0;
	}
	return ddl_expr(x, b, d);
}

bool ddl_default_is_element(const struct sch_expr *d)
{
	return d->kind == SCH_EXPR_PYV;
}

int ddl_type(struct ddl_ctx *x, struct buf *b, const struct sch_type *t)
{
	if (!t)
		return ddl_fail(x, "Can't generate DDL for NullType(); did you forget to specify "
				   "a type on this Column?");
	if (sql_type_ddl(x->a, x->d->name, t, b, x->e) < 0) {
		if (!x->e->file[0])
			snprintf(x->e->file, sizeof(x->e->file), "%s",
				 x->o->file ? x->o->file : "");
		if (!x->e->line && x->op) {
			x->e->line = x->op->line;
			x->e->col = x->op->col;
		}
		return -1;
	}
	return 0;
}

int ddl_computed(struct ddl_ctx *x, struct buf *b, const struct sch_computed *c)
{
	buf_adds(b, "GENERATED ALWAYS AS (");
	if (ddl_expr(x, b, &c->sqltext) < 0)
		return -1;
	buf_addch(b, ')');
	if (x->d->family == SQL_FAMILY_POSTGRESQL) { /* PGDDLCompiler.visit_computed_column */
		if (c->persisted == SCH_FALSE)
			return ddl_fail(x,
					"PostrgreSQL computed columns do not support 'virtual' "
					"persistence; set the 'persisted' flag to None or True for "
					"PostgreSQL support.");
		buf_adds(b, " STORED");
	} else if (c->persisted == SCH_TRUE)
		buf_adds(b, " STORED");
	else if (c->persisted == SCH_FALSE)
		buf_adds(b, " VIRTUAL");
	return 0;
}

/* One "KEYWORD %d" identity option when given. */
static int ddl_identity_num(struct ddl_ctx *x, struct buf *b, const char *kw, const struct pyv *v,
			    bool *first)
{
	if (!v || v->kind == PYV_NONE)
		return 0;
	if (v->kind != PYV_INT)
		return ddl_fail(x, "Identity %s must be an integer", kw);
	buf_addf(b, "%s%s %lld", *first ? "" : " ", kw, v->i);
	*first = false;
	return 0;
}

/* A flag option: on/off words when given (None = absent). */
static void ddl_identity_flag(struct buf *b, const struct pyv *v, const char *on, const char *off,
			      bool *first)
{
	if (!v || v->kind == PYV_NONE)
		return;
	buf_addf(b, "%s%s", *first ? "" : " ", ddl_truthy(v) ? on : off);
	*first = false;
}

/* compiler.get_identity_options, in its order. */
int ddl_identity_options(struct ddl_ctx *x, struct buf *b, const struct sch_identity *id)
{
	bool first = true;

	if (ddl_identity_num(x, b, "INCREMENT BY", id->increment, &first) < 0 ||
	    ddl_identity_num(x, b, "START WITH", id->start, &first) < 0 ||
	    ddl_identity_num(x, b, "MINVALUE", id->minvalue, &first) < 0 ||
	    ddl_identity_num(x, b, "MAXVALUE", id->maxvalue, &first) < 0)
		return -1;
	ddl_identity_flag(b, id->nominvalue, "NO MINVALUE", "NO MINVALUE", &first);
	ddl_identity_flag(b, id->nomaxvalue, "NO MAXVALUE", "NO MAXVALUE", &first);
	if (ddl_identity_num(x, b, "CACHE", id->cache, &first) < 0)
		return -1;
	ddl_identity_flag(b, id->order, "ORDER", "NO ORDER", &first);
	ddl_identity_flag(b, id->cycle, "CYCLE", "NO CYCLE", &first);
	return first ? 1 : 0;
}

int ddl_identity(struct ddl_ctx *x, struct buf *b, const struct sch_identity *id)
{
	struct buf opts = BUF_INIT;
	int rc;

	buf_addf(b, "GENERATED %s AS IDENTITY", id->always ? "ALWAYS" : "BY DEFAULT");
	rc = ddl_identity_options(x, &opts, id);
	if (rc == 0)
		buf_addf(b, " (%s)", opts.ptr);
	buf_release(&opts);
	return rc < 0 ? -1 : 0;
}

void ddl_deferrability(struct ddl_ctx *x, struct buf *b, enum sch_tristate deferrable,
		       const char *initially)
{
	(void)x;
	if (deferrable == SCH_TRUE)
		buf_adds(b, " DEFERRABLE");
	else if (deferrable == SCH_FALSE)
		buf_adds(b, " NOT DEFERRABLE");
	if (initially)
		buf_addf(b, " INITIALLY %s", initially);
}

/* "CONSTRAINT name " when named. */
static void ddl_constraint_name(struct ddl_ctx *x, struct buf *b, const char *name)
{
	if (!name)
		return;
	buf_adds(b, "CONSTRAINT ");
	ddl_q(x, b, name);
	buf_addch(b, ' ');
}

int ddl_column_checks(struct ddl_ctx *x, struct buf *b, const struct sch_column *c)
{
	for (size_t i = 0; i < c->n_checks; i++) {
		const struct sch_constraint *ck = c->checks[i];

		if (ddl_convention_check(x, 'c', "a check constraint", ck->name, ck->name_final) <
		    0)
			return -1;
		buf_addch(b, ' ');
		ddl_constraint_name(x, b, ck->name);
		buf_adds(b, "CHECK (");
		if (ddl_expr(x, b, ck->sqltext) < 0)
			return -1;
		buf_addch(b, ')');
		ddl_deferrability(x, b, ck->deferrable, ck->initially);
	}
	return 0;
}

/* "(a, b)" of quoted names. */
static void ddl_name_list(struct ddl_ctx *x, struct buf *b, const struct strvec *names)
{
	buf_addch(b, '(');
	for (size_t i = 0; i < names->n; i++) {
		if (i)
			buf_adds(b, ", ");
		ddl_q(x, b, names->v[i]);
	}
	buf_addch(b, ')');
}

/* visit_foreign_key_constraint (SQLite: remote table without schema). */
static void ddl_fk_body(struct ddl_ctx *x, struct buf *b, const struct sch_constraint *c)
{
	ddl_constraint_name(x, b, c->name);
	buf_adds(b, "FOREIGN KEY");
	ddl_name_list(x, b, &c->columns);
	buf_adds(b, " REFERENCES ");
	ddl_table_name(x, b, x->d->family == SQL_FAMILY_SQLITE ? NULL : c->ref_schema,
		       c->ref_table);
	buf_addch(b, ' ');
	ddl_name_list(x, b, &c->ref_columns);
	if (c->match)
		buf_addf(b, " MATCH %s", c->match);
	if (c->ondelete)
		buf_addf(b, " ON DELETE %s", c->ondelete);
	if (c->onupdate)
		buf_addf(b, " ON UPDATE %s", c->onupdate);
	ddl_deferrability(x, b, c->deferrable, c->initially);
}

int ddl_constraint(struct ddl_ctx *x, struct buf *b, const struct sch_constraint *c)
{
	switch (c->kind) {
	case SCH_PRIMARY_KEY:
		ddl_constraint_name(x, b, c->name);
		buf_adds(b, "PRIMARY KEY ");
		ddl_name_list(x, b, &c->columns);
		break;
	case SCH_UNIQUE:
		ddl_constraint_name(x, b, c->name);
		buf_adds(b, "UNIQUE ");
		ddl_name_list(x, b, &c->columns);
		break;
	case SCH_CHECK:
		ddl_constraint_name(x, b, c->name);
		buf_adds(b, "CHECK (");
		if (ddl_expr(x, b, c->sqltext) < 0)
			return -1;
		buf_addch(b, ')');
		break;
	case SCH_FOREIGN_KEY:
		ddl_fk_body(x, b, c);
		return 0;
	}
	ddl_deferrability(x, b, c->deferrable, c->initially);
	return 0;
}

const struct pyv *ddl_kw(const struct sch_kwargs *kw, const char *key)
{
	const struct pyv *r = NULL;

	for (size_t i = 0; i < kw->n; i++)
		if (!strcmp(kw->v[i].key, key))
			r = kw->v[i].val;
	return r;
}

bool ddl_truthy(const struct pyv *v)
{
	if (!v)
		return false;
	switch (v->kind) {
	case PYV_NONE:
		return false;
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
		return v->n != 0;
	default:
		return true;
	}
}

const char *ddl_kw_str(const struct sch_kwargs *kw, const char *key)
{
	const struct pyv *v = ddl_kw(kw, key);

	return v && v->kind == PYV_STR ? v->s : NULL;
}

int ddl_check_kw(struct ddl_ctx *x, const struct sch_kwargs *kw, const char *const *known,
		 const char *what)
{
	const char *prefix = x->d->name;
	size_t plen = strlen(prefix);

	for (size_t i = 0; i < kw->n; i++) {
		const char *k = kw->v[i].key;
		bool ok = false;

		if (strncmp(k, prefix, plen) || k[plen] != '_')
			continue; /* another dialect's keyword: ignored, as SQLAlchemy */
		for (size_t j = 0; known && known[j]; j++)
			if (!strcmp(k + plen + 1, known[j]))
				ok = true;
		if (!ok)
			return ddl_fail(x,
					"Argument '%s' is not accepted by dialect '%s' on behalf "
					"of %s (or not supported here)",
					k + plen + 1, prefix, what);
	}
	return 0;
}

void ddl_index_head(struct ddl_ctx *x, struct buf *b, const struct sch_index *ix, bool concurrently)
{
	(void)x;
	buf_adds(b, "CREATE ");
	if (ix->unique)
		buf_adds(b, "UNIQUE ");
	buf_adds(b, "INDEX ");
	if (concurrently)
		buf_adds(b, "CONCURRENTLY ");
	if (ix->if_not_exists)
		buf_adds(b, "IF NOT EXISTS ");
}

/* postgresql_ops={"col": "text_pattern_ops"}: the operator class of a column. */
static const char *ddl_index_op(const struct pyv *ops, const char *column)
{
	if (!ops || ops->kind != PYV_DICT || !column)
		return NULL;
	for (size_t i = 0; i < ops->n; i++)
		if (ops->keys[i]->kind == PYV_STR && !strcmp(ops->keys[i]->s, column) &&
		    ops->items[i]->kind == PYV_STR)
			return ops->items[i]->s;
	return NULL;
}

int ddl_index_exprs(struct ddl_ctx *x, struct buf *b, const struct sch_index *ix,
		    const struct pyv *ops)
{
	for (size_t i = 0; i < ix->n_elems; i++) {
		const struct sch_index_elem *el = &ix->elems[i];
		const char *op;

		if (i)
			buf_adds(b, ", ");
		if (el->column)
			ddl_q(x, b, el->column);
		else if (ddl_expr(x, b, el->expr) < 0)
			return -1;
		op = ddl_index_op(ops, el->column);
		if (op)
			buf_addf(b, " %s", op);
	}
	return 0;
}

int sql_expr_text(struct arena *a, const char *dialect, const struct sch_expr *ex, struct buf *out,
		  struct err *e)
{
	struct sql_opts o = {sql_dialect_find(dialect), false, NULL, NULL, NULL, false, NULL};
	struct ddl_ctx x = {a, &o, o.d, NULL, NULL, e, false};

	if (!o.d)
		return err_at(e, ERR_INPUT, NULL, 0, "unknown dialect '%s'", dialect);
	return ddl_expr(&x, out, ex);
}
