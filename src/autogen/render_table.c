/*
 * render_table.c - op.create_table(...) and the sa.Column(...) it and
 * add_column take, as Alembic 1.8.1's render.py writes them (_add_table,
 * _render_column, _render_identity, _render_computed, and the constraint
 * renderers _render_primary_key, _render_foreign_key, _uq_constraint,
 * _render_check_constraint).  The constraints are those SQLAlchemy's Table
 * holds: the primary key (explicit or from primary_key=True columns), each
 * column ForeignKey as a ForeignKeyConstraint, a unique=True column (without
 * index=True) as a UniqueConstraint, and the table-level ones; a CHECK given
 * inside sa.Column is attached to the column and not rendered.
 */
#include "autogen/render_int.h"

#include <string.h>

#define RND_MAX_PYTHON_ARGS 255 /* render.MAX_PYTHON_ARGS */

/* The table's explicit PrimaryKeyConstraint, or NULL. */
static const struct sch_constraint *rnd_pk_cons(const struct sch_table *t)
{
	for (size_t i = 0; t && i < t->n_constraints; i++)
		if (t->constraints[i]->kind == SCH_PRIMARY_KEY)
			return t->constraints[i];
	return NULL;
}

/* Column.nullable as SQLAlchemy derives it: as given, else False for a
 * primary key member or an Identity column, else True. */
static bool rnd_nullable(const struct sch_column *c, const struct sch_table *t)
{
	const struct sch_constraint *pk = rnd_pk_cons(t);

	if (c->nullable != SCH_UNSET)
		return c->nullable == SCH_TRUE;
	if (pk && strvec_find(&pk->columns, c->name) >= 0)
		return false;
	return !c->primary_key && !c->identity;
}

static void rnd_identity(const struct rnd *x, struct buf *b, const struct sch_identity *id)
{
	const struct {
		const char *name;
		const struct pyv *v;
	} opt[] = {{"start", id->start},
		   {"increment", id->increment},
		   {"minvalue", id->minvalue},
		   {"maxvalue", id->maxvalue},
		   {"nominvalue", id->nominvalue},
		   {"nomaxvalue", id->nomaxvalue},
		   {"cycle", id->cycle},
		   {"cache", id->cache},
		   {"order", id->order}};

	buf_adds(b, id->always ? "sa.Identity(always=True" : "sa.Identity(always=False");
	if (id->on_null)
		buf_adds(b, ", on_null=True");
	for (size_t i = 0; i < sizeof(opt) / sizeof(opt[0]); i++) {
		if (!opt[i].v || opt[i].v->kind == PYV_NONE)
			continue;
		buf_addf(b, ", %s=", opt[i].name);
		rnd_value(x, b, opt[i].v, true);
	}
	buf_addch(b, ')');
}

static void rnd_computed(const struct rnd *x, struct buf *b, const struct sch_computed *c)
{
	buf_adds(b, "sa.Computed(");
	rnd_repr(b, rnd_sql(x, &c->sqltext, false));
	buf_adds(b, ", ");
	if (c->persisted != SCH_UNSET)
		buf_adds(b, c->persisted == SCH_TRUE ? "persisted=True" : "persisted=False");
	buf_addch(b, ')');
}

void rnd_column(const struct rnd *x, struct buf *b, const struct sch_column *c,
		const struct sch_table *t)
{
	static const char *const autoinc[] = {NULL, "True", "False",
					      "ignore_fk"}; /* "%s=%s": str() */

	buf_adds(b, "sa.Column(");
	rnd_repr(b, c->name);
	buf_adds(b, ", ");
	rnd_type(x, b, c->type);
	buf_adds(b, ", ");
	if (c->computed) {
		rnd_computed(x, b, c->computed);
		buf_adds(b, ", ");
	} else if (c->identity) {
		rnd_identity(x, b, c->identity);
		buf_adds(b, ", ");
	} else if (c->server_default) {
		buf_adds(b, "server_default=");
		rnd_server_default(x, b, c->server_default);
		buf_adds(b, ", ");
	}
	if (autoinc[c->autoincrement])
		buf_addf(b, "autoincrement=%s, ", autoinc[c->autoincrement]);
	buf_adds(b, rnd_nullable(c, t) ? "nullable=True" : "nullable=False");
	if (c->comment && *c->comment) {
		buf_adds(b, ", comment=");
		rnd_repr(b, c->comment);
	}
	buf_addch(b, ')');
}

/* ", key=value" pieces of a constraint, joined by the caller. */
static void rnd_opt(struct buf *b, bool *first, const char *key)
{
	if (!*first)
		buf_adds(b, ", ");
	*first = false;
	buf_addf(b, "%s=", key);
}

static void rnd_opt_str(struct buf *b, bool *first, const char *key, const char *v)
{
	if (!v || !*v)
		return;
	rnd_opt(b, first, key);
	rnd_repr(b, v);
}

/* The options of a ForeignKeyConstraint (_populate_render_fk_opts, name first). */
static void rnd_fk_opts(const struct rnd *x, struct buf *b, const struct sch_fk *fk)
{
	bool first = true;

	if (fk->name) {
		rnd_opt(b, &first, "name");
		rnd_name(x, b, fk->name, fk->name_final);
	}
	rnd_opt_str(b, &first, "onupdate", fk->onupdate);
	rnd_opt_str(b, &first, "ondelete", fk->ondelete);
	rnd_opt_str(b, &first, "initially", fk->initially);
	if (fk->deferrable == SCH_TRUE) {
		rnd_opt(b, &first, "deferrable");
		buf_adds(b, "True");
	}
	if (fk->use_alter) {
		rnd_opt(b, &first, "use_alter");
		buf_adds(b, "True");
	}
}

/* sa.ForeignKeyConstraint([cols], [refcols], opts) */
static void rnd_fk(const struct rnd *x, struct buf *b, const struct strvec *cols,
		   const struct strvec *refs, const struct sch_fk *opts)
{
	buf_adds(b, "sa.ForeignKeyConstraint(");
	rnd_list(b, cols);
	buf_adds(b, ", ");
	rnd_list(b, refs);
	buf_adds(b, ", ");
	rnd_fk_opts(x, b, opts);
	buf_addch(b, ')');
}

/* A table-level ForeignKeyConstraint seen as the options of one ForeignKey. */
static void rnd_fk_cons(const struct rnd *x, struct buf *b, const struct sch_constraint *k)
{
	struct sch_fk o = {NULL,          k->name,      k->name_final, k->ondelete, k->onupdate,
			   k->deferrable, k->initially, k->match,      k->use_alter};
	struct strvec refs = STRVEC_INIT;

	for (size_t i = 0; i < k->ref_columns.n; i++)
		strvec_push(x->a, &refs,
			    k->ref_schema ? arena_printf(x->a, "%s.%s.%s", k->ref_schema,
							 k->ref_table, k->ref_columns.v[i])
					  : arena_printf(x->a, "%s.%s", k->ref_table,
							 k->ref_columns.v[i]));
	rnd_fk(x, b, &k->columns, &refs, &o);
}

/* sa.UniqueConstraint / sa.PrimaryKeyConstraint / sa.CheckConstraint */
static void rnd_plain_cons(const struct rnd *x, struct buf *b, const struct sch_constraint *k)
{
	bool first = true;

	buf_adds(b, k->kind == SCH_UNIQUE        ? "sa.UniqueConstraint("
		    : k->kind == SCH_PRIMARY_KEY ? "sa.PrimaryKeyConstraint("
						 : "sa.CheckConstraint(");
	if (k->kind == SCH_CHECK) {
		rnd_repr(b, k->sqltext ? rnd_sql(x, k->sqltext, false) : "");
		first = false;
	}
	for (size_t i = 0; k->kind != SCH_CHECK && i < k->columns.n; i++, first = false) {
		buf_adds(b, first ? "" : ", ");
		rnd_repr(b, k->columns.v[i]);
	}
	if (k->kind == SCH_UNIQUE && k->deferrable == SCH_TRUE) {
		rnd_opt(b, &first, "deferrable");
		buf_adds(b, "'True'");
	}
	if (k->kind == SCH_UNIQUE)
		rnd_opt_str(b, &first, "initially", k->initially);
	if (k->name) {
		rnd_opt(b, &first, "name");
		rnd_name(x, b, k->name, k->name_final);
	}
	buf_addch(b, ')');
}

static void rnd_push(const struct rnd *x, struct strvec *out, struct buf *b)
{
	strvec_push(x->a, out, buf_to_arena(b, x->a));
	buf_reset(b);
}

/* The primary key from primary_key=True columns, when none is explicit. */
static void rnd_column_pk(const struct rnd *x, const struct sch_table *t, struct strvec *out,
			  struct buf *b)
{
	struct sch_constraint pk = {.kind = SCH_PRIMARY_KEY};

	for (size_t i = 0; i < t->n_columns; i++)
		if (t->columns[i]->primary_key)
			strvec_push(x->a, &pk.columns, t->columns[i]->name);
	if (!pk.columns.n)
		return;
	rnd_plain_cons(x, b, &pk);
	rnd_push(x, out, b);
}

/* What column definitions add to table.constraints: ForeignKeys, unique=True. */
static void rnd_column_cons(const struct rnd *x, const struct sch_column *c, struct strvec *out,
			    struct buf *b)
{
	struct strvec cols = STRVEC_INIT;

	strvec_push(x->a, &cols, c->name);
	for (size_t i = 0; i < c->n_fks; i++) {
		struct strvec refs = STRVEC_INIT;

		strvec_push(x->a, &refs, c->fks[i]->ref);
		rnd_fk(x, b, &cols, &refs, c->fks[i]);
		rnd_push(x, out, b);
	}
	if (c->unique == SCH_TRUE && c->index != SCH_TRUE) {
		struct sch_constraint uq = {.kind = SCH_UNIQUE, .columns = cols};

		rnd_plain_cons(x, b, &uq);
		rnd_push(x, out, b);
	}
}

/* Every constraint of t rendered, sorted by its text (as _add_table does). */
static void rnd_constraints(const struct rnd *x, const struct sch_table *t, struct strvec *out)
{
	struct buf b = BUF_INIT;

	if (!rnd_pk_cons(t))
		rnd_column_pk(x, t, out, &b);
	for (size_t i = 0; i < t->n_columns; i++)
		rnd_column_cons(x, t->columns[i], out, &b);
	for (size_t i = 0; i < t->n_constraints; i++) {
		const struct sch_constraint *k = t->constraints[i];

		if (k->kind == SCH_PRIMARY_KEY && !k->columns.n)
			continue;
		if (k->kind == SCH_FOREIGN_KEY)
			rnd_fk_cons(x, &b, k);
		else
			rnd_plain_cons(x, &b, k);
		rnd_push(x, out, &b);
	}
	buf_release(&b);
	strvec_sort(out);
}

/* The table keywords after the arguments: schema, comment, dialect kw (sorted), prefixes. */
static void rnd_table_kw(const struct rnd *x, struct buf *b, const struct sch_table *t)
{
	struct strvec keys = STRVEC_INIT;

	if (t->schema && *t->schema) {
		buf_adds(b, ",\nschema=");
		rnd_repr(b, t->schema);
	}
	if (t->comment && *t->comment) {
		buf_adds(b, ",\ncomment=");
		rnd_repr(b, t->comment);
	}
	for (size_t i = 0; i < t->dialect_kw.n; i++)
		strvec_push_unique(x->a, &keys, t->dialect_kw.v[i].key);
	strvec_sort(&keys);
	for (size_t i = 0; i < keys.n; i++) {
		const struct pyv *v = NULL;

		for (size_t j = 0; j < t->dialect_kw.n; j++) /* the last one given wins */
			if (!strcmp(t->dialect_kw.v[j].key, keys.v[i]))
				v = t->dialect_kw.v[j].val;
		buf_addf(b, ",\n%s=", keys.v[i]);
		rnd_value(x, b, v, true);
	}
	if (t->prefixes.n) {
		buf_adds(b, ",\nprefixes=[");
		for (size_t i = 0; i < t->prefixes.n; i++)
			buf_addf(b, "%s'%s'", i ? ", " : "", t->prefixes.v[i]);
		buf_addch(b, ']');
	}
}

void rnd_create_table(const struct rnd *x, struct buf *b, const struct sch_table *t)
{
	struct strvec args = STRVEC_INIT, cons = STRVEC_INIT;
	struct buf col = BUF_INIT;
	bool star;

	for (size_t i = 0; i < t->n_columns; i++) {
		rnd_column(x, &col, t->columns[i], t);
		rnd_push(x, &args, &col);
	}
	buf_release(&col);
	rnd_constraints(x, t, &cons);
	for (size_t i = 0; i < cons.n; i++)
		strvec_push(x->a, &args, cons.v[i]);
	star = args.n > RND_MAX_PYTHON_ARGS;
	buf_addf(b, "%screate_table(", rnd_prefix(x));
	rnd_repr(b, t->name);
	buf_adds(b, star ? ",\n*[" : ",\n");
	for (size_t i = 0; i < args.n; i++)
		buf_addf(b, "%s%s", i ? ",\n" : "", args.v[i]);
	buf_adds(b, star ? "]" : "");
	rnd_table_kw(x, b, t);
	buf_adds(b, "\n)");
}
