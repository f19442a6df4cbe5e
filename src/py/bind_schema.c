/*
 * bind_schema.c - the sa.* schema constructs a migration passes to op.*:
 * sa.Column (sqlalchemy/sql/schema.py Column.__init__: name, type, schema
 * items, keywords), ForeignKey, ForeignKeyConstraint, PrimaryKeyConstraint,
 * UniqueConstraint, CheckConstraint, Index, Identity, Computed, and the
 * lightweight sa.table / sa.column bulk_insert takes.
 */
#include "py/bind_int.h"

#include <string.h>

#include "base/buf.h"
#include "base/str.h"

/* A dialect keyword: "<word>_<rest>" (Column/Table/Index **kw). */
static bool bind_is_dialect_kw(const char *key)
{
	const char *us = strchr(key, '_');

	return us && us != key && us[1];
}

/* Appends kw to a sch_kwargs (arena-grown). */
static void bind_kw_push(struct bind_ctx *x, struct sch_kwargs *kw, const struct pyv_kwarg *one)
{
	struct pyv_kwarg *v = arena_grow(x->a, kw->v, kw->n, kw->n + 1, sizeof(*v));

	v[kw->n++] = *one;
	kw->v = v;
}

static int bind_identity(struct bind_ctx *x, const struct pyv *v, const struct sch_identity **out)
{
	static const struct bind_sig sig = {"Identity",
					    {"always", "on_null", "start", "increment", "minvalue",
					     "maxvalue", "nominvalue", "nomaxvalue", "cycle",
					     "cache", "order"},
					    11,
					    0,
					    false,
					    false,
					    true};
	struct sch_identity *id = arena_calloc(x->a, 1, sizeof(*id));
	struct bind_args a;

	if (bind_args(x, v, &sig, &a) < 0)
		return -1;
	id->always = bind_arg(&a, &sig, "always") &&
		     bind_arg(&a, &sig, "always")->kind == PYV_BOOL &&
		     bind_arg(&a, &sig, "always")->b;
	id->on_null = bind_arg(&a, &sig, "on_null") != NULL;
	id->start = bind_arg(&a, &sig, "start");
	id->increment = bind_arg(&a, &sig, "increment");
	id->minvalue = bind_arg(&a, &sig, "minvalue");
	id->maxvalue = bind_arg(&a, &sig, "maxvalue");
	id->nominvalue = bind_arg(&a, &sig, "nominvalue");
	id->nomaxvalue = bind_arg(&a, &sig, "nomaxvalue");
	id->cycle = bind_arg(&a, &sig, "cycle");
	id->cache = bind_arg(&a, &sig, "cache");
	id->order = bind_arg(&a, &sig, "order");
	*out = id;
	return 0;
}

static int bind_computed(struct bind_ctx *x, const struct pyv *v, const struct sch_computed **out)
{
	static const struct bind_sig sig = {
		"Computed", {"sqltext", "persisted"}, 2, 1, false, false, true};
	struct sch_computed *c = arena_calloc(x->a, 1, sizeof(*c));
	struct bind_args a;

	if (bind_args(x, v, &sig, &a) < 0 ||
	    bind_tristate(x, bind_arg(&a, &sig, "persisted"), "persisted", &c->persisted) < 0)
		return -1;
	c->sqltext = *bind_expr(x, a.v[0], true);
	*out = c;
	return 0;
}

/* An optional string keyword of a constraint (ondelete=, initially=, ...). */
static int bind_opt_str(struct bind_ctx *x, const struct bind_args *a, const struct bind_sig *sig,
			const char *name, const char **out)
{
	return bind_name(x, bind_arg_raw(a, sig, name), name, true, out, NULL);
}

static int bind_fk(struct bind_ctx *x, const struct pyv *v, const struct sch_fk **out)
{
	static const struct bind_sig sig = {"ForeignKey",
					    {"column", "_constraint", "use_alter", "name",
					     "onupdate", "ondelete", "deferrable", "initially",
					     "link_to_name", "match", "info"},
					    11,
					    1,
					    false,
					    true,
					    true};
	struct sch_fk *fk = arena_calloc(x->a, 1, sizeof(*fk));
	enum sch_tristate use_alter;
	struct bind_args a;

	if (bind_args(x, v, &sig, &a) < 0 ||
	    bind_name(x, a.v[0], "ForeignKey column", false, &fk->ref, NULL) < 0 ||
	    bind_name(x, bind_arg_raw(&a, &sig, "name"), "name", true, &fk->name, &fk->name_final) <
		    0 ||
	    bind_opt_str(x, &a, &sig, "ondelete", &fk->ondelete) < 0 ||
	    bind_opt_str(x, &a, &sig, "onupdate", &fk->onupdate) < 0 ||
	    bind_opt_str(x, &a, &sig, "initially", &fk->initially) < 0 ||
	    bind_opt_str(x, &a, &sig, "match", &fk->match) < 0 ||
	    bind_tristate(x, bind_arg(&a, &sig, "deferrable"), "deferrable", &fk->deferrable) < 0 ||
	    bind_tristate(x, bind_arg(&a, &sig, "use_alter"), "use_alter", &use_alter) < 0)
		return -1;
	if (!strchr(fk->ref, '.'))
		return bind_fail(x, a.v[0], "Invalid foreign key column specification: %s",
				 fk->ref);
	fk->use_alter = use_alter == SCH_TRUE;
	*out = fk;
	return 0;
}

/* Column keyword arguments (schema.py Column.__init__). */
static int bind_column_kw(struct bind_ctx *x, const struct pyv_kwarg *kw, struct sch_column *c)
{
	const char *k = kw->key;
	const struct pyv *v = kw->val;

	if (!strcmp(k, "primary_key")) {
		c->primary_key = bind_truthy(v);
	} else if (!strcmp(k, "nullable")) {
		return bind_tristate(x, v, "nullable", &c->nullable);
	} else if (!strcmp(k, "unique")) {
		return bind_tristate(x, v, "unique", &c->unique);
	} else if (!strcmp(k, "index")) {
		return bind_tristate(x, v, "index", &c->index);
	} else if (!strcmp(k, "autoincrement")) {
		if (v->kind == PYV_BOOL)
			c->autoincrement = v->b ? SCH_AUTOINC_TRUE : SCH_AUTOINC_FALSE;
		else if (v->kind == PYV_STR && !strcmp(v->s, "ignore_fk"))
			c->autoincrement = SCH_AUTOINC_IGNORE_FK;
		else if (!(v->kind == PYV_STR && !strcmp(v->s, "auto")))
			return bind_fail(x, v,
					 "autoincrement must be True, False, 'auto' or "
					 "'ignore_fk'");
	} else if (!strcmp(k, "server_default")) {
		if (bind_is_call(v, "sqlalchemy.Identity") ||
		    bind_is_call(v, "sqlalchemy.Computed"))
			return bind_fail(x, v,
					 "server_default=%s is not supported; pass it as a "
					 "positional argument of sa.Column",
					 pyv_describe(x->a, v));
		if (v->kind != PYV_NONE)
			c->server_default = bind_expr(x, v, false);
	} else if (!strcmp(k, "server_onupdate")) {
		if (v->kind != PYV_NONE)
			c->server_onupdate = bind_expr(x, v, false);
	} else if (!strcmp(k, "comment")) {
		return bind_name(x, v, "comment", true, &c->comment, NULL);
	} else if (!strcmp(k, "info")) {
		c->info = v;
	} else if (!strcmp(k, "default")) {
		c->has_client_default = v->kind != PYV_NONE; /* Python-side: no DDL */
	} else if (!strcmp(k, "name") || !strcmp(k, "type_") || !strcmp(k, "key") ||
		   !strcmp(k, "onupdate") || !strcmp(k, "doc") || !strcmp(k, "quote") ||
		   !strcmp(k, "_proxies")) {
		return 0; /* name/type_ handled by the caller; the rest are Python-side */
	} else if (bind_is_dialect_kw(k)) {
		bind_kw_push(x, &c->dialect_kw, kw);
	} else {
		return bind_fail(x, v, "Unknown arguments passed to Column: ['%s']", k);
	}
	return 0;
}

/* One positional schema item of a Column. */
static int bind_column_item(struct bind_ctx *x, const struct pyv *v, struct sch_column *c)
{
	if (bind_is_call(v, "sqlalchemy.ForeignKey")) {
		const struct sch_fk *fk = NULL;

		if (bind_fk(x, v, &fk) < 0)
			return -1;
		c->fks = arena_grow(x->a, c->fks, c->n_fks, c->n_fks + 1, sizeof(*c->fks));
		c->fks[c->n_fks++] = fk;
		return 0;
	}
	if (bind_is_call(v, "sqlalchemy.Identity"))
		return bind_identity(x, v, &c->identity);
	if (bind_is_call(v, "sqlalchemy.Computed"))
		return bind_computed(x, v, &c->computed);
	if (bind_is_call(v, "sqlalchemy.CheckConstraint")) {
		struct sch_constraint *k;

		if (bind_constraint(x, v, &k) < 0)
			return -1;
		c->checks = arena_grow(x->a, c->checks, c->n_checks, c->n_checks + 1,
				       sizeof(*c->checks));
		c->checks[c->n_checks++] = k;
		return 0;
	}
	if (bind_is_call(v, "sqlalchemy.Sequence") || bind_is_call(v, "sqlalchemy.FetchedValue"))
		return bind_fail(x, v, "%s in a Column is not supported natively",
				 pyv_describe(x->a, v));
	if (bind_is_constraint(v))
		return bind_fail(x, v, "%s cannot be an argument of sa.Column",
				 pyv_describe(x->a, v));
	if (c->type)
		return bind_fail(x, v,
				 "sa.Column() got a second type or an argument it does not "
				 "take: %s",
				 pyv_describe(x->a, v));
	return bind_type(x, v, &c->type);
}

int bind_column(struct bind_ctx *x, const struct pyv *v, struct sch_column **out)
{
	struct sch_column *c = arena_calloc(x->a, 1, sizeof(*c));
	size_t i = 0;

	if (!bind_is_call(v, "sqlalchemy.Column"))
		return bind_fail(x, v, "expected sa.Column(...), got %s", pyv_describe(x->a, v));
	c->line = v->line;
	c->col = v->col;
	if (v->n && v->items[0]->kind == PYV_STR)
		c->name = v->items[i++]->s;
	else if (pyv_kwarg(v, "name") && pyv_kwarg(v, "name")->kind == PYV_STR)
		c->name = pyv_kwarg(v, "name")->s;
	if (pyv_kwarg(v, "type_") && bind_type(x, pyv_kwarg(v, "type_"), &c->type) < 0)
		return -1;
	for (; i < v->n; i++)
		if (bind_column_item(x, v->items[i], c) < 0)
			return -1;
	for (size_t k = 0; k < v->n_kw; k++)
		if (bind_column_kw(x, &v->kw[k], c) < 0)
			return -1;
	if (!c->name)
		return bind_fail(x, v, "a Column needs a name here (sa.Column(\"name\", type))");
	*out = c;
	return 0;
}

bool bind_is_constraint(const struct pyv *v)
{
	return bind_is_call(v, "sqlalchemy.PrimaryKeyConstraint") ||
	       bind_is_call(v, "sqlalchemy.ForeignKeyConstraint") ||
	       bind_is_call(v, "sqlalchemy.UniqueConstraint") ||
	       bind_is_call(v, "sqlalchemy.CheckConstraint");
}

/* name=, deferrable=, initially=, info= and dialect keywords of a constraint. */
static int bind_constraint_kw(struct bind_ctx *x, const struct pyv *v, struct sch_constraint *k,
			      const char *const *extra)
{
	for (size_t i = 0; i < v->n_kw; i++) {
		const struct pyv_kwarg *kw = &v->kw[i];
		bool known = false;

		for (size_t j = 0; extra && extra[j]; j++)
			known |= !strcmp(kw->key, extra[j]);
		if (known)
			continue;
		if (!strcmp(kw->key, "name")) {
			if (bind_name(x, kw->val, "name", true, &k->name, &k->name_final) < 0)
				return -1;
		} else if (!strcmp(kw->key, "deferrable")) {
			if (bind_tristate(x, kw->val, "deferrable", &k->deferrable) < 0)
				return -1;
		} else if (!strcmp(kw->key, "initially")) {
			if (bind_name(x, kw->val, "initially", true, &k->initially, NULL) < 0)
				return -1;
		} else if (!strcmp(kw->key, "info")) {
			k->info = kw->val;
		} else if (bind_is_dialect_kw(kw->key) && strcmp(kw->key, "_create_rule") &&
			   strcmp(kw->key, "_type_bound") && strcmp(kw->key, "_autoattach")) {
			bind_kw_push(x, &k->dialect_kw, kw);
		} else {
			return bind_fail(x, kw->val, "%s() got an unexpected keyword argument '%s'",
					 v->name + strlen("sqlalchemy."), kw->key);
		}
	}
	return 0;
}

/* "table.col" / "schema.table.col" of a ForeignKeyConstraint's refcolumns. */
static int bind_fk_refs(struct bind_ctx *x, const struct pyv *at, struct sch_constraint *k,
			const struct strvec *refs)
{
	for (size_t i = 0; i < refs->n; i++) {
		const char *r = refs->v[i], *dot = strrchr(r, '.');
		const char *tab, *tdot, *schema;

		if (!dot)
			return bind_fail(x, at, "Invalid foreign key column specification: %s", r);
		tab = arena_strndup(x->a, r, (size_t)(dot - r));
		tdot = strrchr(tab, '.');
		schema = tdot ? arena_strndup(x->a, tab, (size_t)(tdot - tab)) : NULL;
		tab = tdot ? tdot + 1 : tab;
		if (i && (strcmp(tab, k->ref_table) || !str_eq(schema, k->ref_schema)))
			return bind_fail(x, at,
					 "ForeignKeyConstraint refers to more than one table");
		k->ref_table = tab;
		k->ref_schema = schema;
		strvec_push(x->a, &k->ref_columns, dot + 1);
	}
	return 0;
}

static int bind_fk_constraint(struct bind_ctx *x, const struct pyv *v, struct sch_constraint *k)
{
	static const char *const extra[] = {"columns",  "refcolumns", "onupdate",
					    "ondelete", "use_alter",  "link_to_name",
					    "match",    "table",      NULL};
	const struct pyv *cols = v->n > 0 ? v->items[0] : pyv_kwarg(v, "columns");
	const struct pyv *refs = v->n > 1 ? v->items[1] : pyv_kwarg(v, "refcolumns");
	struct strvec refnames;
	enum sch_tristate ua = SCH_UNSET;

	if (!cols || !refs)
		return bind_fail(x, v,
				 "ForeignKeyConstraint() missing %s required positional "
				 "argument%s",
				 !cols && !refs ? "2" : "1",
				 !cols && !refs ? "s: 'columns' and "
						  "'refcolumns'"
				 : !cols        ? ": 'columns'"
						: ": 'refcolumns'");
	if (bind_names(x, cols, "columns", &k->columns) < 0 ||
	    bind_names(x, refs, "refcolumns", &refnames) < 0 ||
	    bind_fk_refs(x, refs, k, &refnames) < 0 || bind_constraint_kw(x, v, k, extra) < 0)
		return -1;
	if (k->columns.n != refnames.n)
		return bind_fail(x, v,
				 "ForeignKeyConstraint number of constrained columns must "
				 "match the number of referenced columns.");
	if (bind_name(x, pyv_kwarg(v, "ondelete"), "ondelete", true, &k->ondelete, NULL) < 0 ||
	    bind_name(x, pyv_kwarg(v, "onupdate"), "onupdate", true, &k->onupdate, NULL) < 0 ||
	    bind_name(x, pyv_kwarg(v, "match"), "match", true, &k->match, NULL) < 0 ||
	    bind_tristate(x, pyv_kwarg(v, "use_alter"), "use_alter", &ua) < 0)
		return -1;
	k->use_alter = ua == SCH_TRUE;
	return 0;
}

int bind_constraint(struct bind_ctx *x, const struct pyv *v, struct sch_constraint **out)
{
	struct sch_constraint *k = arena_calloc(x->a, 1, sizeof(*k));

	k->line = v->line;
	k->col = v->col;
	if (bind_is_call(v, "sqlalchemy.ForeignKeyConstraint")) {
		k->kind = SCH_FOREIGN_KEY;
		if (bind_fk_constraint(x, v, k) < 0)
			return -1;
	} else if (bind_is_call(v, "sqlalchemy.CheckConstraint")) {
		k->kind = SCH_CHECK;
		if (!v->n && !pyv_kwarg(v, "sqltext"))
			return bind_fail(x, v,
					 "CheckConstraint.__init__() missing 1 required "
					 "positional argument: 'sqltext'");
		k->sqltext = bind_expr(x, v->n ? v->items[0] : pyv_kwarg(v, "sqltext"), true);
		if (bind_constraint_kw(x, v, k, (const char *const[]){"sqltext", "table", NULL}) <
		    0)
			return -1;
	} else {
		struct pyv list = *v;

		k->kind = bind_is_call(v, "sqlalchemy.UniqueConstraint") ? SCH_UNIQUE
									 : SCH_PRIMARY_KEY;
		list.kind = PYV_TUPLE;
		if (bind_names(x, &list, "columns", &k->columns) < 0 ||
		    bind_constraint_kw(x, v, k, NULL) < 0)
			return -1;
	}
	*out = k;
	return 0;
}

int bind_index_elems(struct bind_ctx *x, const struct pyv *v, struct sch_index *ix)
{
	const struct pyv *const *items = &v;
	size_t n = 1;

	if (v->kind == PYV_LIST || v->kind == PYV_TUPLE) {
		items = v->items;
		n = v->n;
	}
	ix->elems = arena_calloc(x->a, n + 1, sizeof(*ix->elems));
	for (size_t i = 0; i < n; i++) {
		if (items[i]->kind == PYV_STR)
			ix->elems[i].column = items[i]->s;
		else
			ix->elems[i].expr = bind_expr(x, items[i], true);
	}
	ix->n_elems = n;
	return 0;
}

int bind_index_obj(struct bind_ctx *x, const struct pyv *v, struct sch_index **out)
{
	struct sch_index *ix = arena_calloc(x->a, 1, sizeof(*ix));
	struct pyv elems = *v;

	if (!v->n)
		return bind_fail(x, v,
				 "Index.__init__() missing 1 required positional argument: "
				 "'name'");
	if (bind_name(x, v->items[0], "Index name", true, &ix->name, &ix->name_final) < 0)
		return -1;
	elems.kind = PYV_TUPLE;
	elems.items = v->items + 1;
	elems.n = v->n - 1;
	if (bind_index_elems(x, &elems, ix) < 0)
		return -1;
	for (size_t i = 0; i < v->n_kw; i++) {
		const struct pyv_kwarg *kw = &v->kw[i];

		if (!strcmp(kw->key, "unique"))
			ix->unique = bind_truthy(kw->val);
		else if (!strcmp(kw->key, "info") || !strcmp(kw->key, "quote"))
			continue;
		else if (bind_is_dialect_kw(kw->key))
			bind_kw_push(x, &ix->dialect_kw, kw);
		else
			return bind_fail(x, kw->val,
					 "Additional arguments should be named "
					 "<dialectname>_<argument>, got '%s'",
					 kw->key);
	}
	ix->line = v->line;
	ix->col = v->col;
	*out = ix;
	return 0;
}

int bind_table_clause(struct bind_ctx *x, const struct pyv *v, struct sch_table **out)
{
	struct sch_table *t = arena_calloc(x->a, 1, sizeof(*t));

	if (!bind_is_call(v, "sqlalchemy.table") && !bind_is_call(v, "sqlalchemy.Table"))
		return bind_fail(x, v,
				 "bulk_insert() needs a table made with sa.table(...), got %s",
				 pyv_describe(x->a, v));
	if (!v->n || bind_name(x, v->items[0], "table name", false, &t->name, NULL) < 0)
		return v->n ? -1
			    : bind_fail(x, v,
					"table() missing 1 required positional "
					"argument: 'name'");
	if (bind_name(x, pyv_kwarg(v, "schema"), "schema", true, &t->schema, NULL) < 0)
		return -1;
	t->columns = arena_calloc(x->a, v->n, sizeof(*t->columns));
	/* sa.Table(name, metadata, *columns): the metadata is not a column */
	size_t first = bind_is_call(v, "sqlalchemy.Table") && v->n > 1 &&
				       bind_is_call(v->items[1], "sqlalchemy.MetaData")
			       ? 2
			       : 1;
	for (size_t i = first; i < v->n; i++) {
		const struct pyv *c = v->items[i];
		struct sch_column *col = arena_calloc(x->a, 1, sizeof(*col));

		if (bind_is_call(c, "sqlalchemy.Column")) {
			if (bind_column(x, c, &col) < 0)
				return -1;
		} else if (!bind_is_call(c, "sqlalchemy.column") || !c->n ||
			   bind_name(x, c->items[0], "column name", false, &col->name, NULL) < 0) {
			return x->e->code ? -1
					  : bind_fail(x, c,
						      "expected sa.column(\"name\", type), got %s",
						      pyv_describe(x->a, c));
		} else if (bind_type(x, c->n > 1 ? c->items[1] : pyv_kwarg(c, "type_"),
				     &col->type) < 0) {
			return -1;
		}
		t->columns[t->n_columns++] = col;
	}
	*out = t;
	return 0;
}
