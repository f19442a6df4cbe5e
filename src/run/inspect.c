/*
 * inspect.c - the database as a revision's sa.inspect(bind) sees it
 * (py/inspect.h's callback), read with the one whole-schema introspection
 * autogenerate uses (db/introspect.h) on the run's connection, inside its
 * transaction.  The plan-time inspector answers from the database as it is
 * before the run; the live one, used when an inspecting body runs, first
 * runs the operations the body queued before the inspection (Alembic has
 * executed them by then) and reads the database again after any of them.
 */
#include "run/run_int.h"

#include "db/db.h"
#include "db/introspect.h"
#include "py/bind.h"
#include "py/inspect.h"

/* One schema as read. */
struct run_insp_snap {
	const char *schema;          /* as asked (NULL: the default one) */
	const struct py_insp_db *db; /* its answers */
};

struct run_insp {
	struct arena *a;                 /* the command's arena */
	struct db *db;                   /* the run's connection */
	struct run_body_req req;         /* how flushed operations compile */
	const char *path;                /* the revision file (flushes) */
	run_insp_exec_fn exec;           /* live: runs statements; NULL at plan time */
	void *exec_ctx;                  /* passed to exec */
	size_t executed;                 /* top-level operations of the body already run */
	bool exec_failed;                /* the last error came from exec */
	struct run_insp_snap *snaps;     /* what was read since the last statements ran */
	size_t n_snaps;                  /* their number */
	const char *const *schema_names; /* get_schema_names, read once */
	size_t n_schema_names;           /* their number */
	struct py_inspector in;          /* the callback handed to the evaluator */
};

/* get_schema_names as SQLAlchemy 1.4's dialects query it. */
static int ri_schema_names(struct run_insp *ri, struct err *e)
{
	struct strvec v = STRVEC_INIT;
	const char *sql =
		!strcmp(ri->db->dialect->name, "postgresql")
			? "SELECT nspname FROM pg_catalog.pg_namespace WHERE nspname NOT "
			  "LIKE 'pg_%' ORDER BY nspname"
			: "SELECT name FROM pragma_database_list WHERE name <> 'temp' ORDER "
			  "BY seq";

	if (ri->schema_names)
		return 0;
	if (db_query(ri->db, ri->a, sql, &v, e) < 0)
		return -1;
	ri->schema_names = v.v;
	ri->n_schema_names = v.n;
	return 0;
}

/* Views and sequences of the read schema, as names. */
static void ri_names(struct run_insp *ri, const struct db_schema *s, struct py_insp_db *out)
{
	struct py_insp_name *v = arena_calloc(ri->a, s->n_views + 1, sizeof(*v));
	struct py_insp_name *q = arena_calloc(ri->a, s->n_sequences + 1, sizeof(*q));

	for (size_t k = 0; k < s->n_views; k++) {
		v[k].schema = s->views[k].schema;
		v[k].name = s->views[k].name;
	}
	for (size_t k = 0; k < s->n_sequences; k++) {
		q[k].schema = s->sequences[k].schema;
		q[k].name = s->sequences[k].name;
	}
	out->views = v;
	out->n_views = s->n_views;
	out->sequences = q;
	out->n_sequences = s->n_sequences;
}

/* Reads schema (NULL: the default one) into a py_insp_db. */
static int ri_snapshot(struct run_insp *ri, const char *schema, const struct py_insp_db **out,
		       struct err *e)
{
	bool pg = !strcmp(ri->db->dialect->name, "postgresql");
	struct db_introspect_opts o = {0};
	struct py_insp_db *d = arena_calloc(ri->a, 1, sizeof(*d));
	struct db_schema s;

	if (!pg && schema && strcmp(schema, "main"))
		return err_set(e, ERR_INPUT,
			       "inspecting schema '%s' of a SQLite database (an "
			       "attached database) cannot be answered natively",
			       schema);
	o.all_tables = true;
	if (pg && schema) {
		o.schemas = &schema;
		o.n_schemas = 1;
	}
	if (ri_schema_names(ri, e) < 0 || db_introspect(ri->db, ri->a, &o, &s, e) < 0)
		return -1;
	d->dialect = pg ? "postgresql" : "sqlite";
	d->default_schema = pg ? s.default_schema : "main";
	d->schema_names = ri->schema_names;
	d->n_schema_names = ri->n_schema_names;
	d->tables = s.tables;
	d->n_tables = s.n_tables;
	d->enums = s.enums;
	d->n_enums = s.n_enums;
	d->autoincrement = db_column_autoincrement;
	ri_names(ri, &s, d);
	*out = d;
	return 0;
}

/* Binds, compiles and runs ops[0..n) (a live inspector's flush). */
static int ri_flush(struct run_insp *ri, const struct py_op *ops, size_t n, struct err *e)
{
	struct sql_opts o = {.d = ri->req.d,
			     .file = ri->path,
			     .naming_convention_unknown = ri->req.naming_convention_unknown,
			     .memo = ri->req.memo,
			     .naming = ri->req.naming};
	struct py_body body = {0};
	struct mig_body mb;
	struct sql_stmts stmts = {0};

	body.ops = ops;
	body.n_ops = n;
	if (py_bind_body(ri->a, ri->path, &body, &mb, e) < 0)
		return -1;
	if (sql_compile_body(ri->a, &o, &mb, &stmts, e) < 0) {
		if (!e->file[0])
			snprintf(e->file, sizeof(e->file), "%s", ri->path);
		return -1;
	}
	if (ri->exec(ri->exec_ctx, &stmts, e) < 0) {
		ri->exec_failed = true;
		return -1;
	}
	return 0;
}

static bool same_schema(const char *x, const char *y)
{
	return x == y || (x && y && !strcmp(x, y));
}

static int ri_read(void *ctx, struct arena *a, const char *schema, const struct py_op *ops,
		   size_t n_ops, const struct py_insp_db **out, struct err *e)
{
	struct run_insp *ri = ctx;

	(void)a;
	if (ri->exec && n_ops > ri->executed) {
		if (ri_flush(ri, ops + ri->executed, n_ops - ri->executed, e) < 0)
			return -1;
		ri->executed = n_ops;
		ri->n_snaps = 0;
	}
	for (size_t k = 0; k < ri->n_snaps; k++)
		if (same_schema(ri->snaps[k].schema, schema)) {
			*out = ri->snaps[k].db;
			return 0;
		}
	if (ri_snapshot(ri, schema, out, e) < 0)
		return -1;
	ri->snaps = arena_grow(ri->a, ri->snaps, ri->n_snaps, ri->n_snaps + 1, sizeof(*ri->snaps));
	ri->snaps[ri->n_snaps].schema = schema;
	ri->snaps[ri->n_snaps++].db = *out;
	return 0;
}

struct run_insp *run_insp_new(struct arena *a, struct db *db, const struct run_body_req *r,
			      const char *path, run_insp_exec_fn exec, void *exec_ctx)
{
	struct run_insp *ri = arena_calloc(a, 1, sizeof(*ri));

	ri->a = a;
	ri->db = db;
	if (r)
		ri->req = *r;
	ri->path = path;
	ri->exec = exec;
	ri->exec_ctx = exec_ctx;
	ri->in.read = ri_read;
	ri->in.ctx = ri;
	return ri;
}

const struct py_inspector *run_insp_inspector(struct run_insp *ri)
{
	return &ri->in;
}

size_t run_insp_executed(const struct run_insp *ri)
{
	return ri->executed;
}

bool run_insp_exec_failed(const struct run_insp *ri)
{
	return ri->exec_failed;
}
