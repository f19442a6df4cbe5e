/*
 * autogen.c - the database half of `revision --autogenerate` and `check`
 * (see run.h run_autogen): the live schema and the model's, both read by
 * db_introspect, handed to ag_compare.
 *
 * The scratch copy.  The model's tables are compiled by our DDL compiler
 * (the same text Alembic's create_table emits) and created where the
 * database itself can read them back:
 *   - SQLite: a new in-memory database;
 *   - PostgreSQL: on the live connection, inside a transaction that is
 *     always rolled back: CREATE SCHEMA <scratch>, SET LOCAL search_path to
 *     it (so the model's unqualified names, enum types included, land there
 *     and introspection reads them as the default schema), the DDL, the
 *     introspection, ROLLBACK.  Nothing of it is ever committed.
 * Other schemas, PostgreSQL: a Python model's tables and enum types of
 * schema s go to a scratch schema of their own (AG_SCRATCH_<i>, remapped
 * there and back); a SQL model (files of CREATE statements, run as
 * written, its failures at file:line) is text we do not parse, so the
 * schemas it creates objects in are shadowed instead (ag_shadow: the live
 * one renamed, an empty one in its place, the database resolving every
 * name).  Only the scratch and shadowed schemas are read back.
 */
#include "run/run.h"

#include <stdlib.h>

#include "autogen/autogen.h"
#include "base/buf.h"
#include "base/str.h"
#include "core/graph.h"
#include "db/db.h"
#include "db/introspect.h"
#include "sql/ddl.h"
#include "sql/dialect.h"

#define AG_LOGGER "alembic.autogenerate.compare"
#define AG_SCRATCH "alembic_autogenerate_scratch"
#define AG_SHADOW "alembic_autogenerate_live" /* a live schema a SQL model shadows */
/* NULL counts for the reviewer: at most this many columns, each counted up to this bound */
#define AG_NULL_COLUMNS 64
#define AG_NULL_BOUND 100000

struct ag_run {
	struct arena *a;
	const struct run_opts *o;
	const struct run_autogen_req *r;
	const struct sink *s;
	struct ag_result *out;
	struct run_autogen_out *ao;
	struct strvec shadowed; /* the live schemas a SQL model shadows (PostgreSQL) */
};

/* The model's tables model[0..n) as create_table (+ its indexes) operations. */
static void ag_model_body(struct arena *a, struct sch_table *const *model, size_t n,
			  struct mig_body *b)
{
	struct mig_op *ops = arena_alloc(a, (n ? n : 1) * sizeof(*ops));

	for (size_t i = 0; i < n; i++) {
		memset(&ops[i], 0, sizeof(ops[i]));
		ops[i].kind = MIG_CREATE_TABLE;
		ops[i].table = model[i]->name;
		ops[i].schema = model[i]->schema;
		ops[i].create = model[i];
	}
	b->ops = ops;
	b->n_ops = n;
}

/* The database refused the model's DDL (a type the dialect lacks, ...):
 * the statement and the database's words, DETAIL/HINT kept. */
static int ag_scratch_failed(struct err *e, const char *sql)
{
	char msg[ERR_MSG_MAX];

	snprintf(msg, sizeof(msg), "%s", e->msg);
	e->msg[0] = 0;
	return err_set(e, e->code, "the model cannot be created: %s\n[SQL: %s]", msg, sql);
}

/* A SQL model: its statements as written, a failure at its file:line. */
static int ag_run_sql_model(const struct ag_run *g, struct db *db, struct err *e)
{
	for (size_t i = 0; i < g->r->n_model_sql; i++) {
		const struct run_model_stmt *st = &g->r->model_sql[i];
		char msg[ERR_MSG_MAX];

		if (db_exec(db, st->sql, NULL, e) == 0)
			continue;
		snprintf(msg, sizeof(msg), "%s", e->msg);
		if (!g->shadowed.n)
			return err_at(e, ERR_INPUT, st->file, st->line, "%s", msg);
		return err_at(e, ERR_INPUT, st->file, st->line,
			      "%s (autogenerate creates the model in empty copies of schema %s: "
			      "there it sees only the model's own objects)",
			      msg, strvec_join(g->a, &g->shadowed, ", "));
	}
	return 0;
}

/* A compile error positioned in the model helper's output (a type the
 * dialect lacks) reworded at the model's table and column. */
static int ag_model_refused(const struct ag_run *g, struct err *e)
{
	char msg[ERR_MSG_MAX];
	const char *where = "target_metadata";

	for (size_t i = 0; i < g->r->n_model; i++)
		for (size_t k = 0; k < g->r->model[i]->n_columns; k++)
			if (g->r->model[i]->columns[k]->line == e->line)
				where = arena_printf(
					g->a, "target_metadata: table '%s', column '%s'",
					g->r->model[i]->name, g->r->model[i]->columns[k]->name);
	snprintf(msg, sizeof(msg), "%s", e->msg);
	return err_set(e, e->code, "%s: %s", where, msg);
}

/* Compiles the model (model[0..n): g's, or its scratch-schema copy) for
 * dialect d (or takes the SQL model's statements) and runs it on db. */
static int ag_create_model(struct ag_run *g, struct db *db, const struct sql_dialect *d,
			   struct sch_table *const *model, size_t n, struct err *e)
{
	struct sql_opts so = {.d = d, .file = "the model"};
	struct strvec memo = STRVEC_INIT;
	struct sql_stmts stmts = {0};
	struct mig_body b;

	if (g->r->model_sql)
		return ag_run_sql_model(g, db, e);
	so.memo = &memo;
	ag_model_body(g->a, model, n, &b);
	if (sql_compile_body(g->a, &so, &b, &stmts, e) < 0)
		return ag_model_refused(g, e);
	for (size_t i = 0; i < stmts.n; i++)
		if (db_exec(db, stmts.v[i].sql, NULL, e) < 0)
			return ag_scratch_failed(e, stmts.v[i].sql);
	return 0;
}

static void ag_introspect_opts(const struct ag_run *g, struct db_introspect_opts *io)
{
	memset(io, 0, sizeof(*io));
	io->include_schemas = g->r->include_schemas;
	io->version_table = g->o->version_table;
	io->version_schema = g->o->version_table_schema;
}

/* SQLite: the model in a fresh in-memory database. */
static int ag_norm_sqlite(struct ag_run *g, const struct db_introspect_opts *io,
			  struct db_schema *norm, struct err *e)
{
	struct db_url u;
	struct db *mem = NULL;
	int rc = -1;

	if (url_parse(g->a, "sqlite://", &u, e) < 0 || db_open(&u, 0, &mem, e) < 0)
		return -1;
	if (ag_create_model(g, mem, mem->dialect, g->r->model, g->r->n_model, e) == 0 &&
	    db_introspect(mem, g->a, io, norm, e) == 0)
		rc = 0;
	db_close(mem);
	return rc;
}

/* The model's other schemas on PostgreSQL: each schema a model table names
 * gets a scratch schema of its own (AG_SCRATCH_<i>), so the model never
 * meets the live tables of that schema and only scratch schemas are read
 * back (include_schemas would read the live ones too). */
struct ag_schemas {
	struct strvec names;   /* the model's schemas, sorted */
	struct strvec scratch; /* their scratch schemas, parallel */
};

static const char *ag_map(const struct strvec *from, const struct strvec *to, const char *name)
{
	long i = name ? strvec_find(from, name) : -1;

	return i >= 0 ? to->v[i] : name;
}

/* The schema of the enum type t creates on PostgreSQL (CREATE TYPE), or NULL. */
static const char *ag_enum_schema(const struct sch_type *t)
{
	struct sch_type_extra x;
	struct err e = {0};

	return t && sch_type_extra(t, "postgresql", &x, &e) == 0 && x.create_type ? x.type_schema
										  : NULL;
}

/* t's columns whose enum type has a schema of `from`, with that schema
 * mapped to `to`; an enum type of schema dflt (the live default one, named:
 * sa.Enum(..., schema='public')) to the scratch schema, from where it reads
 * back as the default's. */
static void ag_remap_columns(struct arena *a, const struct strvec *from, const struct strvec *to,
			     const char *dflt, struct sch_table *c)
{
	struct sch_column **cols = arena_calloc(a, c->n_columns + 1, sizeof(*cols));

	for (size_t i = 0; i < c->n_columns; i++) {
		const char *ts = ag_enum_schema(c->columns[i]->type);

		cols[i] = c->columns[i];
		if (!ts || (strvec_find(from, ts) < 0 && !str_eq(ts, dflt)))
			continue;
		struct sch_column *m = arena_alloc(a, sizeof(*m));
		struct sch_type *ty = arena_alloc(a, sizeof(*ty));

		*m = *c->columns[i];
		*ty = *m->type;
		ty->schema = str_eq(ts, dflt) ? AG_SCRATCH : ag_map(from, to, ts);
		m->type = ty;
		cols[i] = m;
	}
	c->columns = cols;
}

/* t with its schema (and its indexes', its foreign keys' referred and its
 * enum types' schemas) mapped from -> to (dflt: ag_remap_columns). */
static struct sch_table *ag_remap(struct arena *a, const struct strvec *from,
				  const struct strvec *to, const char *dflt, struct sch_table *t)
{
	struct sch_table *c = arena_alloc(a, sizeof(*c));

	*c = *t;
	c->schema = ag_map(from, to, t->schema);
	ag_remap_columns(a, from, to, dflt, c);
	c->constraints = arena_calloc(a, t->n_constraints + 1, sizeof(*c->constraints));
	for (size_t i = 0; i < t->n_constraints; i++) {
		struct sch_constraint *k = t->constraints[i];

		if (k->kind == SCH_FOREIGN_KEY && k->ref_schema &&
		    strvec_find(from, k->ref_schema) >= 0) {
			struct sch_constraint *m = arena_alloc(a, sizeof(*m));

			*m = *k;
			m->ref_schema = ag_map(from, to, k->ref_schema);
			k = m;
		}
		c->constraints[i] = k;
	}
	c->indexes = arena_calloc(a, t->n_indexes + 1, sizeof(*c->indexes));
	for (size_t i = 0; i < t->n_indexes; i++) {
		struct sch_index *ix = arena_alloc(a, sizeof(*ix));

		*ix = *t->indexes[i];
		ix->schema = ag_map(from, to, ix->schema);
		c->indexes[i] = ix;
	}
	return c;
}

/* Creates the scratch schemas of the model's schemas (those of its tables,
 * and of its enum types but the live default, dflt); model[] remapped into *m. */
static int ag_scratch_schemas(struct ag_run *g, struct db *db, const char *dflt,
			      struct ag_schemas *sc, struct sch_table ***m, struct err *e)
{
	memset(sc, 0, sizeof(*sc));
	for (size_t i = 0; i < g->r->n_model; i++) {
		const struct sch_table *t = g->r->model[i];

		if (t->schema)
			strvec_push_unique(g->a, &sc->names, t->schema);
		for (size_t k = 0; k < t->n_columns; k++) {
			const char *ts = ag_enum_schema(t->columns[k]->type);

			if (ts && !str_eq(ts, dflt))
				strvec_push_unique(g->a, &sc->names, ts);
		}
	}
	strvec_sort(&sc->names);
	for (size_t i = 0; i < sc->names.n; i++) {
		const char *n = arena_printf(g->a, AG_SCRATCH "_%zu", i + 1);

		strvec_push(g->a, &sc->scratch, n);
		if (db_exec(db, arena_printf(g->a, "CREATE SCHEMA %s", n), NULL, e) < 0)
			return -1;
	}
	*m = arena_calloc(g->a, g->r->n_model + 1, sizeof(**m));
	for (size_t i = 0; i < g->r->n_model; i++)
		(*m)[i] = ag_remap(g->a, &sc->names, &sc->scratch, dflt, g->r->model[i]);
	return 0;
}

/* norm's enum types: those of a scratch schema under their model schema's
 * name, the live ones of those schemas (read from every schema) and of
 * the schemas a SQL model shadows left out. */
static void ag_remap_enums(const struct ag_schemas *sc, struct db_schema *norm)
{
	size_t n = 0;

	for (size_t i = 0; i < norm->n_enums; i++) {
		struct sch_enum_def d = norm->enums[i];

		if (d.schema && (strvec_find(&sc->names, d.schema) >= 0 ||
				 !strncmp(d.schema, AG_SHADOW "_", sizeof(AG_SHADOW))))
			continue;
		d.schema = ag_map(&sc->scratch, &sc->names, d.schema);
		norm->enums[n++] = d;
	}
	norm->n_enums = n;
}

/* Text s as the database writes it for the scratch copy with each
 * "<scratch>." (a type or relation qualified because the scratch schema is
 * not on the search_path: 'x'::alembic_autogenerate_scratch_1.status) put
 * back as "<model schema>." -- the names are ours, so nothing else can
 * match them; NULL when s has none. */
static const char *ag_unscratch_text(struct arena *a, const struct sql_dialect *d,
				     const struct ag_schemas *sc, const char *s)
{
	struct buf b = BUF_INIT;
	const char *r = NULL, *p = s;

	if (!s || !strstr(s, AG_SCRATCH "_"))
		return NULL;
	while (*p) {
		size_t i, len = 0;

		for (i = 0; i < sc->scratch.n; i++) {
			len = strlen(sc->scratch.v[i]);
			if (!strncmp(p, sc->scratch.v[i], len) && p[len] == '.')
				break;
		}
		if (i < sc->scratch.n) {
			sql_quote_ident(d, &b, sc->names.v[i]);
			p += len;
		} else {
			buf_addch(&b, *p++);
		}
	}
	r = arena_strndup(a, buf_cstr(&b), b.len);
	buf_release(&b);
	return r;
}

static const struct sch_expr *ag_unscratch_expr(struct arena *a, const struct sql_dialect *d,
						const struct ag_schemas *sc,
						const struct sch_expr *x)
{
	const char *t = x ? ag_unscratch_text(a, d, sc, x->s) : NULL;
	struct sch_expr *m;

	if (!t)
		return x;
	m = arena_alloc(a, sizeof(*m));
	*m = *x;
	m->s = t;
	return m;
}

/* A table of norm (its own copy) with its defaults', computed columns'
 * and CHECKs' texts put back from the scratch schemas' names. */
static void ag_unscratch_table(struct arena *a, const struct sql_dialect *d,
			       const struct ag_schemas *sc, struct sch_table *t)
{
	for (size_t i = 0; i < t->n_columns; i++) {
		struct sch_column *c = t->columns[i];

		c->server_default = ag_unscratch_expr(a, d, sc, c->server_default);
		if (c->computed && ag_unscratch_text(a, d, sc, c->computed->sqltext.s)) {
			struct sch_computed *m = arena_alloc(a, sizeof(*m));

			*m = *c->computed;
			m->sqltext.s = ag_unscratch_text(a, d, sc, m->sqltext.s);
			c->computed = m;
		}
	}
	for (size_t i = 0; i < t->n_constraints; i++) {
		struct sch_constraint *k = t->constraints[i];

		if (k->sqltext && ag_unscratch_text(a, d, sc, k->sqltext->s)) {
			struct sch_constraint *m = arena_alloc(a, sizeof(*m));

			*m = *k;
			m->sqltext = ag_unscratch_expr(a, d, sc, k->sqltext);
			t->constraints[i] = m;
		}
	}
}

/* norm read from the schemas of *read and the scratch schemas only, their
 * names mapped back. */
static int ag_read_scratch(struct ag_run *g, struct db *db, const struct db_introspect_opts *io,
			   const struct ag_schemas *sc, struct strvec *read, struct db_schema *norm,
			   struct err *e)
{
	struct db_introspect_opts o = *io;

	for (size_t i = 0; i < sc->scratch.n; i++)
		strvec_push(g->a, read, sc->scratch.v[i]);
	o.include_schemas = false;
	o.schemas = (const char *const *)read->v;
	o.n_schemas = read->n;
	if (db_introspect(db, g->a, &o, norm, e) < 0)
		return -1;
	for (size_t i = 0; i < norm->n_tables; i++) {
		norm->tables[i] = ag_remap(g->a, &sc->scratch, &sc->names, NULL, norm->tables[i]);
		if (sc->scratch.n)
			ag_unscratch_table(g->a, db->dialect, sc, norm->tables[i]);
	}
	ag_remap_enums(sc, norm);
	return 0;
}

/*
 * A SQL model on PostgreSQL names its schemas in its own text, which we do
 * not parse; the database resolves every name in it.  So each schema its
 * CREATE statements put an object in (ag_sql_stmt_schema: CREATE TABLE
 * sales.orders, CREATE TYPE sales.status, CREATE SCHEMA sales) is shadowed
 * inside the rolled-back transaction: the live one renamed to
 * AG_SHADOW_<i>, an empty one created under its name (unless the model
 * creates it), so every reference of the model to sales.x (foreign keys,
 * types, indexes, comments) is the model's own, nothing live is touched,
 * and only these schemas are read back.  The live default schema named
 * that way becomes the search_path (unqualified names go with it).
 */
static bool ag_shadowable(const char *n)
{
	return strncmp(n, "pg_", 3) && strcmp(n, "information_schema") &&
	       strncmp(n, "alembic_autogenerate_", 21); /* ours: the scratch and shadows */
}

/* Shadows schema n (the i-th; statement st names it first). */
static int ag_shadow_one(struct ag_run *g, struct db *db, const struct strvec *live, const char *n,
			 size_t i, bool creates, const struct run_model_stmt *st, struct err *e)
{
	struct buf q = BUF_INIT;
	char msg[ERR_MSG_MAX];
	int rc = 0;

	sql_quote_ident(db->dialect, &q, n);
	if (strvec_find(live, n) >= 0)
		rc = db_exec(db,
			     arena_printf(g->a, "ALTER SCHEMA %s RENAME TO " AG_SHADOW "_%zu",
					  buf_cstr(&q), i + 1),
			     NULL, e);
	if (rc == 0 && !creates)
		rc = db_exec(db, arena_printf(g->a, "CREATE SCHEMA %s", buf_cstr(&q)), NULL, e);
	buf_release(&q);
	if (rc == 0)
		return 0;
	snprintf(msg, sizeof(msg), "%s", e->msg);
	e->msg[0] = 0;
	return err_at(e, e->code, st->file, st->line,
		      "the SQL model creates objects in schema %s: autogenerate creates them in "
		      "an empty schema of that name, renaming the live one inside a transaction "
		      "it rolls back, so the role must own schema %s: %s",
		      n, n, msg);
}

/* The live default schema dflt, when a statement qualifies a name with it
 * (REFERENCES public.users): the model's unqualified objects are its. */
static void ag_sql_default(struct ag_run *g, const char *dflt, struct strvec *names,
			   const struct run_model_stmt **first)
{
	if (!dflt || !ag_shadowable(dflt) || strvec_find(names, dflt) >= 0)
		return;
	for (size_t i = 0; i < g->r->n_model_sql; i++)
		if (ag_sql_stmt_qualifies(g->a, g->r->model_sql[i].sql, dflt)) {
			strvec_push(g->a, names, dflt);
			first[names->n - 1] = &g->r->model_sql[i];
			return;
		}
}

/* The SQL model's schemas (first-named order, then the default one if
 * qualified elsewhere), with where each is first named; a model that sets
 * search_path is refused. */
static int ag_sql_schemas(struct ag_run *g, const char *dflt, struct strvec *names,
			  struct strvec *made, const struct run_model_stmt **first, struct err *e)
{
	for (size_t i = 0; i < g->r->n_model_sql; i++) {
		const struct run_model_stmt *st = &g->r->model_sql[i];
		bool creates;
		const char *n = ag_sql_stmt_schema(g->a, st->sql, &creates);

		if (ag_sql_stmt_sets_search_path(g->a, st->sql))
			return err_at(
				e, ERR_INPUT, st->file, st->line,
				"a SQL model cannot set search_path: autogenerate creates the "
				"model in a copy of its own (name the schema in each CREATE "
				"instead: CREATE TABLE sales.orders ...)");
		if (!n || !ag_shadowable(n))
			continue;
		if (creates)
			strvec_push_unique(g->a, made, n);
		if (strvec_push_unique(g->a, names, n))
			first[names->n - 1] = st;
	}
	ag_sql_default(g, dflt, names, first);
	return 0;
}

/* SET LOCAL search_path TO schema n. */
static int ag_search_path(struct ag_run *g, struct db *db, const char *n, struct err *e)
{
	struct buf q = BUF_INIT;
	int rc;

	sql_quote_ident(db->dialect, &q, n);
	rc = db_exec(db, arena_printf(g->a, "SET LOCAL search_path TO %s", buf_cstr(&q)), NULL, e);
	buf_release(&q);
	return rc;
}

/* The SQL model's schemas shadowed; *read gets the schemas norm is read
 * from: the scratch one (or the shadowed default, dflt) and the others. */
static int ag_shadow(struct ag_run *g, struct db *db, const char *dflt, struct strvec *read,
		     struct err *e)
{
	struct strvec names = STRVEC_INIT, made = STRVEC_INIT, live = STRVEC_INIT;
	const struct run_model_stmt **first =
		arena_calloc(g->a, g->r->n_model_sql + 1, sizeof(*first));
	bool own_default = false;

	if (ag_sql_schemas(g, dflt, &names, &made, first, e) < 0)
		return -1;
	if (names.n &&
	    db_query(db, g->a, "SELECT nspname FROM pg_catalog.pg_namespace", &live, e) < 0)
		return -1;
	for (size_t i = 0; i < names.n; i++) {
		bool is_default = dflt && !strcmp(names.v[i], dflt);

		if (ag_shadow_one(g, db, &live, names.v[i], i, strvec_find(&made, names.v[i]) >= 0,
				  first[i], e) < 0)
			return -1;
		if (is_default && ag_search_path(g, db, names.v[i], e) < 0)
			return -1;
		own_default = own_default || is_default;
	}
	g->shadowed = names;
	strvec_push(g->a, read, own_default ? dflt : AG_SCRATCH);
	for (size_t i = 0; i < names.n; i++)
		if (!(dflt && !strcmp(names.v[i], dflt)))
			strvec_push(g->a, read, names.v[i]);
	return 0;
}

/* The scratch schema, first on the search_path; a role that may not create
 * it is told why autogenerate needs it. */
static int ag_scratch(struct db *db, struct err *e)
{
	char msg[ERR_MSG_MAX];

	if (db_exec(db, "CREATE SCHEMA " AG_SCRATCH, NULL, e) < 0) {
		snprintf(msg, sizeof(msg), "%s", e->msg);
		e->msg[0] = 0;
		return err_set(e, e->code,
			       "cannot create the scratch schema " AG_SCRATCH " (autogenerate "
			       "creates the model there, in a transaction it rolls back; the role "
			       "needs CREATE on the database): %s",
			       msg);
	}
	return db_exec(db, "SET LOCAL search_path TO " AG_SCRATCH, NULL, e);
}

/* PostgreSQL: the model in scratch schemas of a transaction rolled back;
 * the search_path set again before reading back, whatever the model's
 * statements did to it (pg_dump's set_config('search_path', '', false)). */
static int ag_norm_pg(struct ag_run *g, struct db *db, const struct db_introspect_opts *io,
		      const char *dflt, struct db_schema *norm, struct err *e)
{
	struct sch_table **m = NULL;
	struct strvec read = STRVEC_INIT;
	struct ag_schemas sc;
	int rc = -1;

	if (db_begin(db, e) < 0)
		return -1;
	if (ag_scratch(db, e) == 0 && ag_scratch_schemas(g, db, dflt, &sc, &m, e) == 0 &&
	    ag_shadow(g, db, dflt, &read, e) == 0 &&
	    ag_create_model(g, db, db->dialect, m, g->r->n_model, e) == 0 &&
	    ag_search_path(g, db, read.v[0], e) == 0 &&
	    ag_read_scratch(g, db, io, &sc, &read, norm, e) == 0)
		rc = 0;
	db_rollback(db);
	return rc;
}

/* The database's catalogs could not be read (a role without SELECT on
 * pg_catalog, or without USAGE on its schema): said so, with the words of
 * the database. */
static int ag_unreadable(struct err *e)
{
	char msg[ERR_MSG_MAX];

	snprintf(msg, sizeof(msg), "%s", e->msg);
	e->msg[0] = 0;
	return err_set(e, e->code, "cannot read the database's schema for autogenerate: %s", msg);
}

/* The comparator's warnings (Alembic's util.warn) due before Detected line i. */
static void ag_warn_before(const struct ag_run *g, size_t i, size_t *w)
{
	const struct ag_result *r = g->out;

	for (; *w < r->warnings.n && r->warnings_at[*w] <= i; (*w)++)
		sink_warn(g->s, r->warnings.v[*w]);
}

/* The Detected lines, with the warnings where Alembic's stderr has them;
 * Alembic logs the SERIAL note from its PostgreSQL impl, the rest from the
 * comparator. */
static void ag_log_detected(const struct ag_run *g)
{
	size_t w = 0;

	for (size_t i = 0; i < g->out->detected.n; i++) {
		const char *line = g->out->detected.v[i];
		bool serial = ag_detected_is_note(line);

		ag_warn_before(g, i, &w);
		sink_log(g->s, "INFO", serial ? "alembic.ddl.postgresql" : AG_LOGGER, line);
	}
	ag_warn_before(g, (size_t)-1, &w);
}

/* Whether live has column c of table (schema, t). */
static bool ag_live_has(const struct db_schema *live, const char *schema, const char *t,
			const char *c)
{
	for (size_t i = 0; i < live->n_tables; i++) {
		const struct sch_table *x = live->tables[i];

		if (!str_eq(x->schema, schema) || !str_eq(x->name, t))
			continue;
		for (size_t k = 0; k < x->n_columns; k++)
			if (!strcmp(x->columns[k]->name, c))
				return true;
	}
	return false;
}

/* One column's NULLs, counted up to AG_NULL_BOUND + 1; -1 when it cannot be had. */
static long long ag_count_nulls(struct ag_run *g, struct db *db, const struct ag_null_rows *r)
{
	struct buf q = BUF_INIT;
	struct strvec rows = STRVEC_INIT;
	struct err e = {0};
	long long n = -1;

	buf_adds(&q, "SELECT count(*) FROM (SELECT 1 FROM ");
	if (r->schema) {
		sql_quote_ident(db->dialect, &q, r->schema);
		buf_addch(&q, '.');
	}
	sql_quote_ident(db->dialect, &q, r->table);
	buf_adds(&q, " WHERE ");
	sql_quote_ident(db->dialect, &q, r->column);
	buf_addf(&q, " IS NULL LIMIT %d) AS nulls", AG_NULL_BOUND + 1);
	if (db_query(db, g->a, buf_cstr(&q), &rows, &e) == 0 && rows.n >= 1 && rows.v[0])
		n = strtoll(rows.v[0], NULL, 10);
	buf_release(&q);
	return n;
}

/* The reviewer's NULL counts for the columns the upgrade makes NOT NULL
 * (those the database has as named; a query that fails leaves the
 * column out, and its line keeps the uncounted wording). */
static void ag_null_rows(struct ag_run *g, struct db *db, const struct db_schema *live)
{
	struct ag_null_rows *v = NULL, *kept;
	size_t n = 0, k = 0;

	ag_not_null_added(g->a, &g->out->upgrade, &v, &n);
	kept = arena_calloc(g->a, n + 1, sizeof(*kept));
	for (size_t i = 0; i < n && i < AG_NULL_COLUMNS; i++) {
		long long c;

		if (!ag_live_has(live, v[i].schema, v[i].table, v[i].column) ||
		    (c = ag_count_nulls(g, db, &v[i])) < 0)
			continue;
		kept[k] = v[i];
		kept[k].more = c > AG_NULL_BOUND;
		kept[k++].rows = c > AG_NULL_BOUND ? AG_NULL_BOUND : c;
	}
	g->out->null_rows = kept;
	g->out->n_null_rows = k;
}

/* env.py's filters asked about the live database (their verdicts kept in ao). */
static int ag_decide(struct ag_run *g, const struct db_schema *live, struct err *e)
{
	struct ag_leave *v = NULL;
	size_t n = 0;

	if (g->r->decide && g->r->decide(g->r->decide_arg, g->a, live, &v, &n, e) < 0)
		return -1;
	g->ao->leaves = v;
	g->ao->n_leaves = n;
	return 0;
}

/* Both sides (and the model as written) without what the verdicts leave out. */
static void ag_filter(struct ag_run *g, struct db_schema *live, struct db_schema *norm)
{
	struct sch_table **m;
	size_t n;

	if (!g->ao->n_leaves)
		return;
	ag_filter_schema(g->a, g->ao->leaves, g->ao->n_leaves, true, live);
	ag_filter_schema(g->a, g->ao->leaves, g->ao->n_leaves, false, norm);
	ag_filter_tables(g->a, g->ao->leaves, g->ao->n_leaves, false, g->r->model, g->r->n_model,
			 &m, &n);
	g->ao->model = m;
	g->ao->n_model = n;
}

static int ag_on_rows(void *arg, struct db *db, const struct strvec *rows, struct err *e)
{
	struct ag_run *g = arg;
	struct db_introspect_opts io;
	struct db_schema *live = arena_alloc(g->a, sizeof(*live));
	struct db_schema *norm = arena_alloc(g->a, sizeof(*norm));
	bool up_to_date;
	int rc;

	if (graph_heads_for_check(g->r->g, rows, &up_to_date, e) < 0)
		return -1;
	if (!up_to_date)
		return err_set(e, ERR_COMMAND, "Target database is not up to date.");
	if (!g->r->has_metadata)
		return err_set(e, ERR_COMMAND,
			       "Can't proceed with --autogenerate option; environment script %s "
			       "does not provide a MetaData object or sequence of objects to the "
			       "context.",
			       g->r->env_abspath);
	ag_introspect_opts(g, &io);
	if (db_introspect(db, g->a, &io, live, e) < 0)
		return ag_unreadable(e);
	if (ag_decide(g, live, e) < 0)
		return -1;
	if (!strcmp(db->dialect->name, "postgresql"))
		rc = ag_norm_pg(g, db, &io, live->default_schema, norm, e);
	else
		rc = ag_norm_sqlite(g, &io, norm, e);
	if (rc < 0)
		return -1;
	ag_filter(g, live, norm);
	struct ag_input in = {
		db->dialect->name,
		live,
		norm,
		g->ao->model,
		g->ao->n_model,
		g->r->compare_type,
		g->r->compare_server_default,
		g->r->hints,
		g->r->n_hints,
		false,
	};
	if (ag_compare(g->a, &in, g->out, e) < 0)
		return -1;
	ag_enum_types(g->a, &in, g->out);
	ag_null_rows(g, db, live);
	ag_log_detected(g);
	g->ao->live = live;
	g->ao->norm = norm;
	g->ao->dialect = db->dialect->name;
	return 0;
}

int run_autogen(struct arena *a, const struct run_opts *o, const struct run_autogen_req *r,
		const struct sink *s, struct run_autogen_out *out, struct err *e)
{
	struct ag_run g = {a, o, r, s, out->result, out, STRVEC_INIT};
	struct strvec rows = STRVEC_INIT;

	memset(out->result, 0, sizeof(*out->result));
	out->model = r->model;
	out->n_model = r->n_model;
	out->compare_type = r->compare_type;
	out->compare_server_default = r->compare_server_default;
	out->include_schemas = r->include_schemas;
	out->leaves = NULL;
	out->n_leaves = 0;
	return run_on_rows(a, o, s, ag_on_rows, &g, &rows, e);
}
