/*
 * inspect.c - sa.inspect(bind) and the Inspector methods revisions call
 * (inspect.h): answers in SQLAlchemy 1.4's shapes, built from the tables
 * the caller's struct py_inspector reads, with SQLAlchemy's per-Inspector
 * cache (the methods it decorates with @reflection.cache; has_table and
 * get_enums are not cached).  Dialect differences are SQLAlchemy 1.4's: on
 * PostgreSQL a missing table is NoSuchTableError, on SQLite the answers are
 * empty; SQLite's get_columns has "primary_key" (position) and autoincrement
 * "auto", PostgreSQL's has "comment" and "identity".
 */
#include "py/eval_int.h"
#include "py/inspect.h"

#include "base/buf.h"
#include "base/str.h"

/* One cached answer of one inspector. */
struct insp_memo {
	int handle;            /* the inspector */
	const char *key;       /* method and arguments */
	const struct pyv *val; /* the answer */
};

/* A table of a MetaData value (what its .tables[name] answers). */
struct insp_reg {
	const struct pyv *meta;  /* the sa.MetaData(...) value */
	const char *key;         /* "schema.name" or "name", as MetaData.tables keys them */
	const struct pyv *table; /* the sa.Table value */
};

struct ev_insp {
	int n_handles;          /* inspectors made so far */
	struct insp_memo *memo; /* cached answers */
	size_t n_memo;          /* their number */
	struct insp_reg *reg;   /* tables made in MetaData values so far */
	size_t n_reg;           /* their number */
};

/* A method's arguments: table_name (when it takes one) and schema. */
struct insp_args {
	const char *table;  /* table_name / sequence_name; NULL when the method has none */
	const char *schema; /* schema=, NULL for None */
};

typedef const struct pyv *(*insp_fn)(struct ev *ev, const struct py_expr *x,
				     const struct py_insp_db *db, const struct insp_args *ia);

struct insp_method {
	const char *name; /* the Inspector method */
	bool table;       /* its first parameter is table_name */
	bool cached;      /* @reflection.cache */
	insp_fn fn;       /* builds the answer */
};

static struct ev_insp *state(struct ev *ev)
{
	if (!ev->insp)
		ev->insp = arena_calloc(ev->a, 1, sizeof(*ev->insp));
	return ev->insp;
}

/* Whether the database can be inspected through connection b for what
 * ("sa.inspect", "sa.Table(autoload_with=...)") written as call (what's
 * call with b): -1 with e set if not. */
static int insp_allowed(struct ev *ev, const struct py_expr *x, const char *what, const char *call,
			const struct pyv *b)
{
	if (!ev->ctx)
		return ev_fail_at(ev, x,
				  "inspecting the database (%s) is not known while reading "
				  "env.py",
				  what),
		       -1;
	if (b->kind != PYV_REF ||
	    (strcmp(b->name, "alembic.bind") && strcmp(b->name, "alembic.engine")))
		return ev_fail_at(ev, x,
				  "%s cannot be evaluated without Python (only "
				  "op.get_bind() and its .engine are inspected natively)",
				  call),
		       -1;
	ev->body->inspects = true;
	if (ev->ctx->as_sql)
		return ev_fail_at(ev, x,
				  "inspecting the database (%s) needs the live database and "
				  "cannot run in --sql mode (Alembic fails here too: "
				  "'MockConnection' object has no attribute 'close')",
				  what),
		       -1;
	if (!ev->ctx->inspector)
		return ev_fail_at(ev, x,
				  "inspecting the database (%s) needs the live database; it "
				  "is only answered while a migration runs",
				  what),
		       -1;
	return 0;
}

const struct pyv *insp_new(struct ev *ev, const struct py_expr *x, const struct pyv *fn,
			   const struct ev_args *args)
{
	const char *what =
		str_endswith(fn->name, "from_engine") ? "Inspector.from_engine" : "sa.inspect";
	const struct pyv *b = args->n_pos == 1 && !args->n_kw ? args->pos[0] : NULL;
	struct pyv *h;

	if (!b)
		return ev_fail_at(ev, x,
				  "TypeError: %s() takes exactly one argument (the "
				  "connection)",
				  what);
	if (insp_allowed(ev, x, what, arena_printf(ev->a, "%s(%s)", what, pyv_describe(ev->a, b)),
			 b))
		return NULL;
	h = ev_ref(ev, "alembic.inspector", x);
	h->handle = state(ev)->n_handles++;
	return h;
}

/* An inspection is answered (or its callback failed): what comes after may
 * depend on the answer. */
static void answered(struct ev *ev)
{
	if (!ev->body->inspect_answered)
		ev->body->n_ops_unanswered = ev->top_ops ? ev->top_ops->n : 0;
	ev->body->inspect_answered = true;
}

/* The database now (the operations queued before this point run first
 * when the inspector is live). */
static const struct py_insp_db *insp_read(struct ev *ev, const struct py_expr *x,
					  const char *schema)
{
	const struct py_inspector *in = ev->ctx->inspector;
	const struct py_insp_db *db;

	if (!ev->ops || !ev->top_ops)
		return ev_fail_at(ev, x,
				  "inspecting the database at module level cannot run; do it "
				  "inside upgrade() or downgrade()");
	if (ev->ops != ev->top_ops && ev->ops->n)
		return ev_fail_at(ev, x,
				  "inspecting the database inside a 'with' block after "
				  "operations of that block cannot be answered natively; "
				  "inspect before the block");
	if (in->read(in->ctx, ev->a, schema, ev->top_ops->v, ev->top_ops->n, &db, ev->e) < 0) {
		answered(ev);
		return NULL;
	}
	return db;
}

/* ---- building values ---- */

static struct pyv *dict_new(struct ev *ev, const struct py_expr *x, size_t cap)
{
	struct pyv *d = ev_new(ev, PYV_DICT, x);

	d->keys = arena_calloc(ev->a, cap + 1, sizeof(*d->keys));
	d->items = arena_calloc(ev->a, cap + 1, sizeof(*d->items));
	return d;
}

static void dict_put(struct ev *ev, struct pyv *d, const char *key, const struct pyv *v)
{
	d->keys[d->n] = ev_str(ev, key, strlen(key), NULL);
	d->items[d->n++] = v;
}

static const struct pyv *str_or_none(struct ev *ev, const struct py_expr *x, const char *s)
{
	return s ? ev_str(ev, s, strlen(s), x) : ev_new(ev, PYV_NONE, x);
}

/* A list of strings from s[0..n). */
static const struct pyv *str_list(struct ev *ev, const struct py_expr *x, const char *const *s,
				  size_t n)
{
	const struct pyv **items = arena_calloc(ev->a, n + 1, sizeof(*items));

	for (size_t k = 0; k < n; k++)
		items[k] = str_or_none(ev, x, s[k]);
	return lit_seq(ev, PYV_LIST, items, n, x);
}

static const struct pyv *strvec_list(struct ev *ev, const struct py_expr *x, const struct strvec *v)
{
	return str_list(ev, x, (const char *const *)v->v, v->n);
}

static bool is_pg(const struct py_insp_db *db)
{
	return !strcmp(db->dialect, "postgresql");
}

/* The table of that name, or NULL; on PostgreSQL a missing one is
 * NoSuchTableError (*failed set), on SQLite answers are empty. */
static const struct sch_table *find_table(struct ev *ev, const struct py_expr *x,
					  const struct py_insp_db *db, const char *name,
					  bool *failed)
{
	*failed = false;
	for (size_t k = 0; k < db->n_tables; k++)
		if (!strcmp(db->tables[k]->name, name))
			return db->tables[k];
	if (!is_pg(db))
		return NULL;
	*failed = true;
	return ev_fail_at(ev, x,
			  "sqlalchemy.exc.NoSuchTableError: %s (the database has no table "
			  "'%s')",
			  name, name);
}

#define TABLE_OR_FAIL(t)                                                                           \
	bool failed_;                                                                              \
	const struct sch_table *t = find_table(ev, x, db, ia->table, &failed_);                    \
	if (failed_)                                                                               \
	return NULL

/* ---- the methods ---- */

static const struct pyv *m_schema_names(struct ev *ev, const struct py_expr *x,
					const struct py_insp_db *db, const struct insp_args *ia)
{
	(void)ia;
	return str_list(ev, x, db->schema_names, db->n_schema_names);
}

static const struct pyv *m_table_names(struct ev *ev, const struct py_expr *x,
				       const struct py_insp_db *db, const struct insp_args *ia)
{
	const char **names = arena_calloc(ev->a, db->n_tables + 1, sizeof(*names));

	(void)ia;
	for (size_t k = 0; k < db->n_tables; k++)
		names[k] = db->tables[k]->name;
	return str_list(ev, x, names, db->n_tables);
}

static const struct pyv *names_of(struct ev *ev, const struct py_expr *x,
				  const struct py_insp_name *v, size_t n)
{
	const char **names = arena_calloc(ev->a, n + 1, sizeof(*names));

	for (size_t k = 0; k < n; k++)
		names[k] = v[k].name;
	return str_list(ev, x, names, n);
}

static const struct pyv *m_view_names(struct ev *ev, const struct py_expr *x,
				      const struct py_insp_db *db, const struct insp_args *ia)
{
	(void)ia;
	return names_of(ev, x, db->views, db->n_views);
}

static const struct pyv *m_sequence_names(struct ev *ev, const struct py_expr *x,
					  const struct py_insp_db *db, const struct insp_args *ia)
{
	(void)ia;
	if (!is_pg(db))
		return ev_fail_at(ev, x,
				  "NotImplementedError: inspector.get_sequence_names() on "
				  "%s (SQLAlchemy 1.4 has none)",
				  db->dialect);
	return names_of(ev, x, db->sequences, db->n_sequences);
}

/* has_table: PostgreSQL's looks at every relation visible by that name (tables,
 * views, sequences), SQLite's at PRAGMA table_info (tables and views). */
static const struct pyv *m_has_table(struct ev *ev, const struct py_expr *x,
				     const struct py_insp_db *db, const struct insp_args *ia)
{
	bool found = false;

	for (size_t k = 0; !found && k < db->n_tables; k++)
		found = !strcmp(db->tables[k]->name, ia->table);
	for (size_t k = 0; !found && k < db->n_views; k++)
		found = !strcmp(db->views[k].name, ia->table);
	for (size_t k = 0; !found && is_pg(db) && k < db->n_sequences; k++)
		found = !strcmp(db->sequences[k].name, ia->table);
	return ev_bool(ev, found, x);
}

static const struct pyv *m_has_sequence(struct ev *ev, const struct py_expr *x,
					const struct py_insp_db *db, const struct insp_args *ia)
{
	bool found = false;

	for (size_t k = 0; !found && k < db->n_sequences; k++)
		found = !strcmp(db->sequences[k].name, ia->table);
	return ev_bool(ev, found, x);
}

/* The 1-based position of column c in t's primary key, 0 if none (SQLite's
 * get_columns "primary_key"). */
static long long pk_position(const struct sch_table *t, const struct sch_column *c)
{
	for (size_t k = 0; k < t->n_constraints; k++) {
		const struct sch_constraint *con = t->constraints[k];
		if (con->kind != SCH_PRIMARY_KEY)
			continue;
		for (size_t j = 0; j < con->columns.n; j++)
			if (!strcmp(con->columns.v[j], c->name))
				return (long long)j + 1;
	}
	return c->primary_key ? 1 : 0;
}

static const struct pyv *expr_text(struct ev *ev, const struct py_expr *x, const struct sch_expr *e)
{
	return str_or_none(ev, x, e ? e->s : NULL);
}

static const struct pyv *or_none(struct ev *ev, const struct py_expr *x, const struct pyv *v)
{
	return v ? v : ev_new(ev, PYV_NONE, x);
}

/* PostgreSQL's "identity" entry (_get_column_info). */
static const struct pyv *identity_dict(struct ev *ev, const struct py_expr *x,
				       const struct sch_identity *id)
{
	struct pyv *d = dict_new(ev, x, 7);

	dict_put(ev, d, "always", ev_bool(ev, id->always, x));
	dict_put(ev, d, "start", or_none(ev, x, id->start));
	dict_put(ev, d, "increment", or_none(ev, x, id->increment));
	dict_put(ev, d, "minvalue", or_none(ev, x, id->minvalue));
	dict_put(ev, d, "maxvalue", or_none(ev, x, id->maxvalue));
	dict_put(ev, d, "cycle", or_none(ev, x, id->cycle));
	dict_put(ev, d, "cache", or_none(ev, x, id->cache));
	return d;
}

/* A reflected column type as the value a revision passes on (existing_type=
 * col['type']): Alembic's rendering of it (sch_type_render_py) evaluated
 * again, so the binder reads it as it reads a written sa.VARCHAR(length=50). */
static const struct pyv *type_value(struct ev *ev, const struct py_insp_db *db,
				    const struct sch_column *c)
{
	const char *why = arena_printf(ev->a,
				       "the reflected type of column '%s' "
				       "(get_columns()'s 'type') cannot be used without Python",
				       c->name);
	struct buf b = BUF_INIT;
	struct py_module *m;
	struct py_body body = {0};
	struct err e = {0};
	struct ev sub = {0};
	char *text;

	if (!c->type)
		return ev_opaque(ev, why, 0, 0);
	buf_adds(&b, "import sqlalchemy as sa\nimport sqlmodel\n"
		     "from sqlalchemy.dialects import mysql, postgresql, sqlite\n_t = ");
	sch_type_render_py(ev->a, c->type, db->dialect, &b, NULL);
	buf_addch(&b, '\n');
	text = buf_to_arena(&b, ev->a);
	buf_release(&b);
	if (py_parse_module(ev->a, ev->file, text, strlen(text), &m, &e) < 0)
		return ev_opaque(ev, why, 0, 0);
	sub.a = ev->a;
	sub.m = m;
	sub.file = ev->file;
	sub.ctx = ev->ctx;
	sub.e = &e;
	sub.body = &body;
	sub.module = arena_calloc(ev->a, 1, sizeof(*sub.module));
	if (ev_module(&sub) < 0)
		return ev_opaque(ev, why, 0, 0);
	for (size_t k = 0; k < sub.module->n; k++)
		if (!strcmp(sub.module->v[k].name, "_t") && sub.module->v[k].val->kind == PYV_CALL)
			return sub.module->v[k].val;
	return ev_opaque(ev, why, 0, 0);
}

static const struct pyv *column_dict(struct ev *ev, const struct py_expr *x,
				     const struct py_insp_db *db, const struct sch_table *t,
				     const struct sch_column *c)
{
	struct pyv *d = dict_new(ev, x, 9);
	bool pg = is_pg(db);

	dict_put(ev, d, "name", ev_str(ev, c->name, strlen(c->name), x));
	dict_put(ev, d, "type", type_value(ev, db, c));
	dict_put(ev, d, "nullable", ev_bool(ev, c->nullable != SCH_FALSE, x));
	dict_put(ev, d, "default",
		 c->computed ? ev_new(ev, PYV_NONE, x) : expr_text(ev, x, c->server_default));
	if (pg)
		dict_put(ev, d, "autoincrement",
			 ev_bool(ev, db->autoincrement && db->autoincrement(db->dialect, c), x));
	else
		dict_put(ev, d, "autoincrement", ev_str(ev, "auto", 4, x));
	if (pg)
		dict_put(ev, d, "comment", str_or_none(ev, x, c->comment));
	else
		dict_put(ev, d, "primary_key", ev_int(ev, pk_position(t, c), x));
	if (c->computed) {
		struct pyv *cd = dict_new(ev, x, 2);
		dict_put(ev, cd, "sqltext", expr_text(ev, x, &c->computed->sqltext));
		dict_put(ev, cd, "persisted", ev_bool(ev, c->computed->persisted == SCH_TRUE, x));
		dict_put(ev, d, "computed", cd);
	}
	if (pg && c->identity)
		dict_put(ev, d, "identity", identity_dict(ev, x, c->identity));
	return d;
}

static const struct pyv *m_columns(struct ev *ev, const struct py_expr *x,
				   const struct py_insp_db *db, const struct insp_args *ia)
{
	TABLE_OR_FAIL(t);
	size_t n = t ? t->n_columns : 0;
	const struct pyv **items = arena_calloc(ev->a, n + 1, sizeof(*items));

	for (size_t k = 0; k < n; k++)
		items[k] = column_dict(ev, x, db, t, t->columns[k]);
	return lit_seq(ev, PYV_LIST, items, n, x);
}

static const struct sch_constraint *pk_of(const struct sch_table *t)
{
	for (size_t k = 0; t && k < t->n_constraints; k++)
		if (t->constraints[k]->kind == SCH_PRIMARY_KEY)
			return t->constraints[k];
	return NULL;
}

static const struct pyv *m_pk(struct ev *ev, const struct py_expr *x, const struct py_insp_db *db,
			      const struct insp_args *ia)
{
	TABLE_OR_FAIL(t);
	const struct sch_constraint *pk = pk_of(t);
	struct pyv *d = dict_new(ev, x, 2);
	struct strvec none = STRVEC_INIT;

	dict_put(ev, d, "constrained_columns", strvec_list(ev, x, pk ? &pk->columns : &none));
	dict_put(ev, d, "name", str_or_none(ev, x, pk ? pk->name : NULL));
	return d;
}

/* The constraints of kind k of t, as dicts made by mk. */
static const struct pyv *
constraints_of(struct ev *ev, const struct py_expr *x, const struct py_insp_db *db,
	       const struct sch_table *t, enum sch_constraint_kind k,
	       const struct pyv *(*mk)(struct ev *, const struct py_expr *,
				       const struct py_insp_db *, const struct sch_constraint *))
{
	size_t n = 0, cap = t ? t->n_constraints : 0;
	const struct pyv **items = arena_calloc(ev->a, cap + 1, sizeof(*items));

	for (size_t j = 0; j < cap; j++)
		if (t->constraints[j]->kind == k)
			items[n++] = mk(ev, x, db, t->constraints[j]);
	return lit_seq(ev, PYV_LIST, items, n, x);
}

static const struct pyv *fk_dict(struct ev *ev, const struct py_expr *x,
				 const struct py_insp_db *db, const struct sch_constraint *c)
{
	struct pyv *d = dict_new(ev, x, 6), *o = dict_new(ev, x, 5);

	dict_put(ev, d, "name", str_or_none(ev, x, c->name));
	dict_put(ev, d, "constrained_columns", strvec_list(ev, x, &c->columns));
	dict_put(ev, d, "referred_schema", str_or_none(ev, x, c->ref_schema));
	dict_put(ev, d, "referred_table", str_or_none(ev, x, c->ref_table));
	dict_put(ev, d, "referred_columns", strvec_list(ev, x, &c->ref_columns));
	if (c->onupdate)
		dict_put(ev, o, "onupdate", ev_str(ev, c->onupdate, strlen(c->onupdate), x));
	if (c->ondelete)
		dict_put(ev, o, "ondelete", ev_str(ev, c->ondelete, strlen(c->ondelete), x));
	if (is_pg(db) && c->deferrable != SCH_UNSET)
		dict_put(ev, o, "deferrable", ev_bool(ev, c->deferrable == SCH_TRUE, x));
	if (is_pg(db) && c->initially)
		dict_put(ev, o, "initially", ev_str(ev, c->initially, strlen(c->initially), x));
	if (is_pg(db) && c->match)
		dict_put(ev, o, "match", ev_str(ev, c->match, strlen(c->match), x));
	dict_put(ev, d, "options", o);
	return d;
}

static const struct pyv *uq_dict(struct ev *ev, const struct py_expr *x,
				 const struct py_insp_db *db, const struct sch_constraint *c)
{
	struct pyv *d = dict_new(ev, x, 2);

	(void)db;
	dict_put(ev, d, "column_names", strvec_list(ev, x, &c->columns));
	dict_put(ev, d, "name", str_or_none(ev, x, c->name));
	return d;
}

static const struct pyv *ck_dict(struct ev *ev, const struct py_expr *x,
				 const struct py_insp_db *db, const struct sch_constraint *c)
{
	struct pyv *d = dict_new(ev, x, 2);

	(void)db;
	dict_put(ev, d, "name", str_or_none(ev, x, c->name));
	dict_put(ev, d, "sqltext", expr_text(ev, x, c->sqltext));
	return d;
}

static const struct pyv *m_fks(struct ev *ev, const struct py_expr *x, const struct py_insp_db *db,
			       const struct insp_args *ia)
{
	TABLE_OR_FAIL(t);
	return constraints_of(ev, x, db, t, SCH_FOREIGN_KEY, fk_dict);
}

static const struct pyv *m_uniques(struct ev *ev, const struct py_expr *x,
				   const struct py_insp_db *db, const struct insp_args *ia)
{
	TABLE_OR_FAIL(t);
	return constraints_of(ev, x, db, t, SCH_UNIQUE, uq_dict);
}

static const struct pyv *m_checks(struct ev *ev, const struct py_expr *x,
				  const struct py_insp_db *db, const struct insp_args *ia)
{
	TABLE_OR_FAIL(t);
	return constraints_of(ev, x, db, t, SCH_CHECK, ck_dict);
}

static const struct pyv *index_dict(struct ev *ev, const struct py_expr *x, const char *name,
				    bool unique, const char **cols, size_t n, const char *dup)
{
	struct pyv *d = dict_new(ev, x, 4);

	dict_put(ev, d, "name", str_or_none(ev, x, name));
	dict_put(ev, d, "unique", ev_bool(ev, unique, x));
	dict_put(ev, d, "column_names", str_list(ev, x, cols, n));
	if (dup)
		dict_put(ev, d, "duplicates_constraint", ev_str(ev, dup, strlen(dup), x));
	return d;
}

/* An index's entry, NULL for PostgreSQL's expression indexes (SQLAlchemy 1.4
 * skips them with a warning; SQLite's list None for the expression). */
static const struct pyv *index_entry(struct ev *ev, const struct py_expr *x,
				     const struct py_insp_db *db, const struct sch_index *ix)
{
	const char **cols = arena_calloc(ev->a, ix->n_elems + 1, sizeof(*cols));

	for (size_t j = 0; j < ix->n_elems; j++) {
		if (!ix->elems[j].column && is_pg(db))
			return NULL;
		cols[j] = ix->elems[j].column;
	}
	return index_dict(ev, x, ix->name, ix->unique, cols, ix->n_elems, NULL);
}

static int by_name(const void *l, const void *r)
{
	const struct pyv *a = *(const struct pyv *const *)l, *b = *(const struct pyv *const *)r;
	const struct pyv *na = a->items[0], *nb = b->items[0];

	if (na->kind != PYV_STR || nb->kind != PYV_STR)
		return (na->kind == PYV_STR) - (nb->kind == PYV_STR);
	return strcmp(na->s, nb->s);
}

/* get_indexes: PostgreSQL's lists the indexes of unique constraints too
 * (duplicates_constraint), by name. */
static const struct pyv *m_indexes(struct ev *ev, const struct py_expr *x,
				   const struct py_insp_db *db, const struct insp_args *ia)
{
	TABLE_OR_FAIL(t);
	size_t n = 0, cap = t ? t->n_indexes + t->n_constraints : 0;
	const struct pyv **items = arena_calloc(ev->a, cap + 1, sizeof(*items));

	for (size_t j = 0; t && j < t->n_indexes; j++)
		if ((items[n] = index_entry(ev, x, db, t->indexes[j])))
			n++;
	for (size_t j = 0; t && is_pg(db) && j < t->n_constraints; j++) {
		const struct sch_constraint *c = t->constraints[j];
		if (c->kind == SCH_UNIQUE)
			items[n++] = index_dict(ev, x, c->name, true, (const char **)c->columns.v,
						c->columns.n, c->name);
	}
	if (is_pg(db) && n > 1)
		qsort(items, n, sizeof(*items), by_name);
	return lit_seq(ev, PYV_LIST, items, n, x);
}

static const struct pyv *m_comment(struct ev *ev, const struct py_expr *x,
				   const struct py_insp_db *db, const struct insp_args *ia)
{
	struct pyv *d;

	if (!is_pg(db))
		return ev_fail_at(ev, x,
				  "NotImplementedError: inspector.get_table_comment() on %s "
				  "(SQLAlchemy 1.4 has none)",
				  db->dialect);
	TABLE_OR_FAIL(t);
	d = dict_new(ev, x, 1);
	dict_put(ev, d, "text", str_or_none(ev, x, t ? t->comment : NULL));
	return d;
}

static const struct pyv *enum_dict(struct ev *ev, const struct py_expr *x,
				   const struct sch_enum_def *en)
{
	struct pyv *d = dict_new(ev, x, 4);

	dict_put(ev, d, "name", ev_str(ev, en->name, strlen(en->name), x));
	dict_put(ev, d, "schema", str_or_none(ev, x, en->schema));
	dict_put(ev, d, "visible", ev_bool(ev, en->visible, x));
	dict_put(ev, d, "labels", str_list(ev, x, en->labels, en->n_labels));
	return d;
}

/* get_enums(schema=None): the default schema's ('*': every schema), by schema then name. */
static const struct pyv *m_enums(struct ev *ev, const struct py_expr *x,
				 const struct py_insp_db *db, const struct insp_args *ia)
{
	const char *want = ia->schema ? ia->schema : db->default_schema;
	const struct pyv **items = arena_calloc(ev->a, db->n_enums + 1, sizeof(*items));
	size_t n = 0;

	if (!is_pg(db))
		return ev_fail_at(ev, x,
				  "AttributeError: 'Inspector' object has no attribute "
				  "'get_enums' (PostgreSQL's inspector has it)");
	for (size_t k = 0; k < db->n_enums; k++)
		if (!strcmp(want, "*") ||
		    (db->enums[k].schema && !strcmp(db->enums[k].schema, want)))
			items[n++] = enum_dict(ev, x, &db->enums[k]);
	return lit_seq(ev, PYV_LIST, items, n, x);
}

static const struct insp_method methods[] = {
	{"get_schema_names", false, true, m_schema_names},
	{"get_table_names", false, true, m_table_names},
	{"get_view_names", false, true, m_view_names},
	{"get_sequence_names", false, true, m_sequence_names},
	{"has_table", true, false, m_has_table},
	{"has_sequence", true, false, m_has_sequence},
	{"get_columns", true, true, m_columns},
	{"get_pk_constraint", true, true, m_pk},
	{"get_foreign_keys", true, true, m_fks},
	{"get_indexes", true, true, m_indexes},
	{"get_unique_constraints", true, true, m_uniques},
	{"get_check_constraints", true, true, m_checks},
	{"get_table_comment", true, true, m_comment},
	{"get_enums", false, false, m_enums},
};

/* A str-or-None argument. */
static int str_param(struct ev *ev, const struct py_expr *x, const char *m, const char *param,
		     const struct pyv *v, const char **out)
{
	if (v->kind == PYV_NONE) {
		*out = NULL;
		return 0;
	}
	if (v->kind != PYV_STR)
		return ev_fail_at(ev, x, "inspector.%s(): %s must be a string here, not %s", m,
				  param, pyv_describe(ev->a, v)),
		       -1;
	*out = v->s;
	return 0;
}

/* (table_name, schema=None) or (schema=None), as Python binds them. */
static int insp_args(struct ev *ev, const struct py_expr *x, const struct insp_method *md,
		     const struct ev_args *args, struct insp_args *ia)
{
	const char *params[2] = {md->table ? "table_name" : "schema", md->table ? "schema" : NULL};
	const struct pyv *vals[2] = {NULL, NULL};
	size_t max = md->table ? 2 : 1;

	if (args->n_pos > max)
		return ev_fail_at(ev, x,
				  "TypeError: %s() takes from 1 to %zu positional arguments "
				  "but %zu were given",
				  md->name, max + 1, args->n_pos + 1),
		       -1;
	for (size_t k = 0; k < args->n_pos; k++)
		vals[k] = args->pos[k];
	for (size_t k = 0; k < args->n_kw; k++) {
		size_t p = 0;
		while (p < max && (!args->kw[k].key || strcmp(args->kw[k].key, params[p])))
			p++;
		if (p == max)
			return ev_fail_at(ev, x,
					  "TypeError: %s() got an unexpected keyword argument "
					  "'%s'",
					  md->name, args->kw[k].key ? args->kw[k].key : "**"),
			       -1;
		vals[p] = args->kw[k].val;
	}
	if (md->table && !vals[0])
		return ev_fail_at(ev, x,
				  "TypeError: %s() missing 1 required positional argument: "
				  "'%s'",
				  md->name, params[0]),
		       -1;
	memset(ia, 0, sizeof(*ia));
	if (md->table && str_param(ev, x, md->name, params[0], vals[0], &ia->table))
		return -1;
	if (md->table && !ia->table)
		return ev_fail_at(ev, x, "inspector.%s(None) cannot be answered", md->name), -1;
	return vals[max - 1] ? str_param(ev, x, md->name, "schema", vals[max - 1], &ia->schema) : 0;
}

static const struct pyv *memo_get(struct ev_insp *st, int handle, const char *key)
{
	for (size_t k = 0; k < st->n_memo; k++)
		if (st->memo[k].handle == handle && !strcmp(st->memo[k].key, key))
			return st->memo[k].val;
	return NULL;
}

static void memo_put(struct ev *ev, struct ev_insp *st, int handle, const char *key,
		     const struct pyv *v)
{
	st->memo = arena_grow(ev->a, st->memo, st->n_memo, st->n_memo + 1, sizeof(*st->memo));
	st->memo[st->n_memo].handle = handle;
	st->memo[st->n_memo].key = key;
	st->memo[st->n_memo++].val = v;
}

const struct pyv *insp_call(struct ev *ev, const struct py_expr *x, const struct pyv *fn,
			    const struct ev_args *args)
{
	const char *m = fn->name + strlen("alembic.inspector.");
	const struct insp_method *md = NULL;
	struct ev_insp *st = state(ev);
	const struct py_insp_db *db;
	const struct pyv *v;
	struct insp_args ia;
	const char *key;

	for (size_t k = 0; !md && k < sizeof(methods) / sizeof(methods[0]); k++)
		if (!strcmp(methods[k].name, m))
			md = &methods[k];
	if (!md)
		return ev_fail_at(ev, x,
				  "inspector.%s() is not an Inspector method the native runtime "
				  "knows; it cannot be called without Python",
				  m);
	if (insp_args(ev, x, md, args, &ia))
		return NULL;
	key = arena_printf(ev->a, "%s\x1f%s\x1f%s", m, ia.table ? ia.table : "",
			   ia.schema ? ia.schema : "\x1e");
	if (md->cached && (v = memo_get(st, fn->handle, key)))
		return v;
	if (!(db = insp_read(ev, x, ia.schema)))
		return NULL;
	answered(ev);
	if ((v = md->fn(ev, x, db, &ia)) && md->cached)
		memo_put(ev, st, fn->handle, key, v);
	return v;
}

const struct pyv *insp_default_schema(struct ev *ev, const struct py_expr *x, const struct pyv *fn,
				      const struct ev_args *args)
{
	const struct py_insp_db *db = insp_read(ev, x, NULL);

	(void)fn;
	(void)args;
	answered(ev);
	return db ? str_or_none(ev, x, db->default_schema) : NULL;
}

/* ---- table reflection: sa.Table(name, meta, autoload_with=bind) ---- */

/* The connection a sa.Table call reflects with: autoload_with=, else with
 * autoload=True the bind= of its sa.MetaData(...); NULL (no error) when it
 * does not reflect; *failed on an error. */
static const struct pyv *reflect_bind(struct ev *ev, const struct py_expr *x,
				      const struct ev_args *args, bool *failed)
{
	const struct pyv *with = NULL, *autoload = NULL,
			 *meta = args->n_pos > 1 ? args->pos[1] : NULL;
	int on = 0;

	*failed = false;
	for (size_t k = 0; k < args->n_kw; k++) {
		const char *key = args->kw[k].key ? args->kw[k].key : "";
		if (!strcmp(key, "autoload_with"))
			with = args->kw[k].val;
		else if (!strcmp(key, "autoload"))
			autoload = args->kw[k].val;
	}
	if (with && with->kind != PYV_NONE)
		return with;
	if (autoload && (on = lit_truth(ev, autoload, x)) < 0) {
		*failed = true;
		return NULL;
	}
	if (!on)
		return NULL;
	with = meta && meta->kind == PYV_CALL && !strcmp(meta->name, "sqlalchemy.MetaData")
		       ? pyv_kwarg(meta, "bind")
		       : NULL;
	if (with && with->kind != PYV_NONE)
		return with;
	*failed = true;
	return ev_fail_at(ev, x,
			  "sqlalchemy.exc.UnboundExecutionError: No engine is bound to this "
			  "Table's MetaData. Pass an engine to the Table via "
			  "autoload_with=<someengine> (sa.Table(..., autoload=True) reflects "
			  "with the connection of sa.MetaData(bind=...))");
}

/* The keyword arguments a reflecting sa.Table may have; schema= is read. */
static int reflect_kwargs(struct ev *ev, const struct py_expr *x, const struct ev_args *args,
			  const char **schema)
{
	static const char *const ok[] = {"autoload_with",   "autoload",      "schema",
					 "extend_existing", "keep_existing", NULL};

	*schema = NULL;
	if (args->n_pos != 2)
		return ev_fail_at(ev, x,
				  "sa.Table(name, metadata, autoload_with=...) with %s "
				  "cannot be reflected natively (only the name and the "
				  "MetaData, the columns all from the database)",
				  args->n_pos < 2 ? "no MetaData" : "columns of its own"),
		       -1;
	for (size_t k = 0; k < args->n_kw; k++) {
		const char *key = args->kw[k].key;
		size_t j = 0;
		while (key && ok[j] && strcmp(key, ok[j]))
			j++;
		if (!key || !ok[j])
			return ev_fail_at(ev, x, "sa.Table(..., %s=) cannot be reflected natively",
					  key ? key : "**"),
			       -1;
		if (!strcmp(key, "schema") &&
		    str_param(ev, x, "Table", "schema", args->kw[k].val, schema))
			return -1;
	}
	if (args->pos[0]->kind != PYV_STR)
		return ev_fail_at(ev, x, "sa.Table(): the table name must be a string here, not %s",
				  pyv_describe(ev->a, args->pos[0])),
		       -1;
	return 0;
}

/* A keyword argument key=v. */
static void kw_put(struct pyv_kwarg *kw, size_t *n, const char *key, const struct pyv *v)
{
	kw[*n].key = key;
	kw[(*n)++].val = v;
}

/* sa.Column(name, type, nullable=..., primary_key=True) of a reflected column. */
static const struct pyv *reflected_column(struct ev *ev, const struct py_expr *x,
					  const struct py_insp_db *db, const struct sch_table *t,
					  const struct sch_column *c)
{
	const struct pyv **pos = arena_calloc(ev->a, 2, sizeof(*pos));
	struct pyv_kwarg *kw = arena_calloc(ev->a, 2, sizeof(*kw));
	struct ev_args a = {pos, 2, kw, 0};

	pos[0] = ev_str(ev, c->name, strlen(c->name), x);
	pos[1] = type_value(ev, db, c);
	kw_put(kw, &a.n_kw, "nullable", ev_bool(ev, c->nullable != SCH_FALSE, x));
	if (pk_position(t, c))
		kw_put(kw, &a.n_kw, "primary_key", ev_bool(ev, true, x));
	return known_value_call(ev, x, "sqlalchemy.Column", &a);
}

/* The table of key in the MetaData value meta, or NULL. */
static const struct pyv *reg_get(struct ev *ev, const struct pyv *meta, const char *key)
{
	struct ev_insp *st = state(ev);

	for (size_t k = 0; k < st->n_reg; k++)
		if (st->reg[k].meta == meta && !strcmp(st->reg[k].key, key))
			return st->reg[k].table;
	return NULL;
}

void insp_meta_rebound(struct ev *ev, const struct pyv *old, const struct pyv *now)
{
	struct ev_insp *st = state(ev);

	for (size_t k = 0; k < st->n_reg; k++)
		if (st->reg[k].meta == old)
			st->reg[k].meta = now;
}

/* sa.Table(name, meta, ...) puts the table in meta.tables. */
static const struct pyv *reg_put(struct ev *ev, const struct pyv *meta, const char *key,
				 const struct pyv *table)
{
	struct ev_insp *st = state(ev);

	if (table && meta && key) {
		st->reg = arena_grow(ev->a, st->reg, st->n_reg, st->n_reg + 1, sizeof(*st->reg));
		st->reg[st->n_reg++] = (struct insp_reg){meta, key, table};
	}
	return table;
}

/* The key of sa.Table(args...) in its MetaData's tables, or NULL when its
 * second argument is not a sa.MetaData value or its name not a string. */
static const char *reg_key(struct ev *ev, const struct ev_args *args)
{
	const struct pyv *meta = args->n_pos > 1 ? args->pos[1] : NULL, *schema = NULL;

	if (!meta || meta->kind != PYV_CALL || meta->receiver ||
	    strcmp(meta->name, "sqlalchemy.MetaData") || args->pos[0]->kind != PYV_STR)
		return NULL;
	for (size_t k = 0; k < args->n_kw; k++)
		if (args->kw[k].key && !strcmp(args->kw[k].key, "schema"))
			schema = args->kw[k].val;
	if (!schema)
		schema = pyv_kwarg(meta, "schema");
	if (schema && schema->kind == PYV_STR)
		return arena_printf(ev->a, "%s.%s", schema->s, args->pos[0]->s);
	return schema && schema->kind != PYV_NONE ? NULL : args->pos[0]->s;
}

/* The reflected table t as sa.Table(name, meta, sa.Column(...)..., schema=). */
static const struct pyv *reflected_table(struct ev *ev, const struct py_expr *x,
					 const struct py_insp_db *db, const struct sch_table *t,
					 const struct ev_args *args, const char *schema)
{
	const struct pyv **pos = arena_calloc(ev->a, t->n_columns + 2, sizeof(*pos));
	struct pyv_kwarg *kw = arena_calloc(ev->a, 1, sizeof(*kw));
	struct ev_args out = {pos, 2, kw, 0};

	pos[0] = args->pos[0];
	pos[1] = args->pos[1];
	for (size_t k = 0; k < t->n_columns; k++)
		pos[out.n_pos++] = reflected_column(ev, x, db, t, t->columns[k]);
	if (schema)
		kw_put(kw, &out.n_kw, "schema", str_or_none(ev, x, schema));
	return known_value_call(ev, x, "sqlalchemy.Table", &out);
}

const struct pyv *insp_table(struct ev *ev, const struct py_expr *x, const struct pyv *fn,
			     const struct ev_args *args)
{
	bool failed;
	const struct pyv *b = reflect_bind(ev, x, args, &failed), *had;
	const char *key = args->n_pos ? reg_key(ev, args) : NULL;
	const struct pyv *meta = args->n_pos > 1 ? args->pos[1] : NULL;
	const struct sch_table *t = NULL;
	const struct py_insp_db *db;
	const char *schema;

	if (failed)
		return NULL;
	if (key && (had = reg_get(ev, meta, key))) {
		if (b && args->n_pos == 2)
			return had; /* already in the MetaData: SQLAlchemy does not reflect again */
		return ev_fail_at(ev, x,
				  "sqlalchemy.exc.InvalidRequestError: Table '%s' is already "
				  "defined for this MetaData instance.  Specify "
				  "'extend_existing=True' to redefine options and columns on an "
				  "existing Table object.",
				  key);
	}
	if (!b)
		return reg_put(ev, meta, key, known_value_call(ev, x, fn->name, args));
	if (insp_allowed(
		    ev, x, "sa.Table(..., autoload_with=...)",
		    arena_printf(ev->a, "sa.Table(..., autoload_with=%s)", pyv_describe(ev->a, b)),
		    b) ||
	    reflect_kwargs(ev, x, args, &schema) || !(db = insp_read(ev, x, schema)))
		return NULL;
	answered(ev);
	for (size_t k = 0; !t && k < db->n_tables; k++)
		if (!strcmp(db->tables[k]->name, args->pos[0]->s))
			t = db->tables[k];
	if (!t)
		return ev_fail_at(ev, x,
				  "sqlalchemy.exc.NoSuchTableError: %s (the database has no "
				  "table '%s' to reflect)",
				  args->pos[0]->s, args->pos[0]->s);
	return reg_put(ev, meta, key, reflected_table(ev, x, db, t, args, schema));
}

const struct pyv *insp_meta_table(struct ev *ev, const struct py_expr *x, const struct pyv *v,
				  const struct pyv *key)
{
	const struct pyv *meta =
		v->kind == PYV_ATTR && !strcmp(v->name, "tables") ? v->receiver : NULL;
	const struct pyv *t;

	if (!meta || meta->kind != PYV_CALL || meta->receiver ||
	    strcmp(meta->name, "sqlalchemy.MetaData"))
		return NULL;
	if (key->kind != PYV_STR)
		return ev_fail_at(ev, x, "MetaData.tables[%s]: the key must be a string here",
				  pyv_describe(ev->a, key));
	if (!(t = reg_get(ev, meta, key->s)))
		return ev_fail_at(ev, x,
				  "KeyError: '%s' (no sa.Table of that name was made in this "
				  "MetaData)",
				  key->s);
	return t;
}

/* ---- the columns of a table value: t.c.keys(), t.c.x.type; a value's
 * own execution (t.update().execute(), sa.Index(...).create(bind)) ---- */

/* The sa.Table / sa.table value whose .c v is, or NULL. */
static const struct pyv *table_of_c(const struct pyv *v)
{
	const struct pyv *t =
		v && v->kind == PYV_ATTR && !strcmp(v->name, "c") ? v->receiver : NULL;

	if (!t || t->kind != PYV_CALL || t->receiver ||
	    (strcmp(t->name, "sqlalchemy.Table") && strcmp(t->name, "sqlalchemy.table")))
		return NULL;
	return t;
}

/* The k-th column of table value t (sa.Column / sa.column calls after the
 * name and the MetaData), NULL past the last; *name its name. */
static const struct pyv *table_column(const struct pyv *t, size_t k, const char **name)
{
	for (size_t i = 1; i < t->n; i++) {
		const struct pyv *c = t->items[i];
		if (c->kind != PYV_CALL || c->receiver || !c->n || c->items[0]->kind != PYV_STR ||
		    (strcmp(c->name, "sqlalchemy.Column") && strcmp(c->name, "sqlalchemy.column")))
			continue;
		if (!k--) {
			*name = c->items[0]->s;
			return c;
		}
	}
	return NULL;
}

const struct pyv *insp_column_attr(struct ev *ev, const struct py_expr *x, const struct pyv *recv,
				   const char *attr)
{
	const struct pyv *t = recv->kind == PYV_ATTR ? table_of_c(recv->receiver) : NULL, *c, *v;
	const char *name;

	if (!t || (strcmp(attr, "type") && strcmp(attr, "name") && strcmp(attr, "nullable")))
		return NULL;
	for (size_t k = 0; (c = table_column(t, k, &name)); k++) {
		if (strcmp(name, recv->name))
			continue;
		if (!strcmp(attr, "name"))
			return c->items[0];
		if (!strcmp(attr, "type"))
			v = c->n > 1 ? c->items[1] : pyv_kwarg(c, "type_");
		else
			v = pyv_kwarg(c, "nullable");
		if (!v)
			return ev_fail_at(ev, x,
					  "the %s of column '%s' is SQLAlchemy's default, "
					  "which is not known here without Python",
					  attr, name);
		return v->kind == PYV_OPAQUE ? ev_fail_opaque(ev, v, x) : v;
	}
	return ev_fail_at(ev, x, "AttributeError: %s (table '%s' has no such column)", recv->name,
			  t->items[0]->kind == PYV_STR ? t->items[0]->s : "?");
}

const struct pyv *insp_columns_method(struct ev *ev, const struct py_expr *x,
				      const struct pyv *recv, const char *method,
				      const struct ev_args *args)
{
	static const char *const runs[] = {"execute",    "scalar",   "create", "drop",
					   "create_all", "drop_all", NULL};
	const struct pyv *t = table_of_c(recv);
	const char **names;
	const char *name;
	size_t n = 0;

	for (size_t k = 0; runs[k]; k++)
		if (!strcmp(method, runs[k]))
			return ev_fail_at(ev, x,
					  "%s.%s() runs SQL through a connection of its own "
					  "(SQLAlchemy's bound or explicit execution), which "
					  "cannot run without Python; use op.execute(...) or the "
					  "op.* operation",
					  pyv_describe(ev->a, recv), method);
	if (!t || strcmp(method, "keys"))
		return NULL;
	if (args->n_pos || args->n_kw)
		return ev_fail_at(ev, x, "TypeError: keys() takes no arguments");
	while (table_column(t, n, &name))
		n++;
	names = arena_calloc(ev->a, n + 1, sizeof(*names));
	for (size_t k = 0; k < n; k++)
		table_column(t, k, &names[k]);
	return str_list(ev, x, names, n);
}
