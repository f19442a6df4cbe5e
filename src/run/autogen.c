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
 * A model table with an explicit schema is created as written (PostgreSQL:
 * inside the same rolled-back transaction).  A SQL model (files of CREATE
 * statements) runs as written, its failures at file:line.
 */
#include "run/run.h"

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

struct ag_run {
	struct arena *a;
	const struct run_opts *o;
	const struct run_autogen_req *r;
	const struct sink *s;
	struct ag_result *out;
	struct run_autogen_out *ao;
};

/* The model as create_table (+ its indexes) operations. */
static void ag_model_body(struct arena *a, const struct run_autogen_req *r, struct mig_body *b)
{
	struct mig_op *ops = arena_alloc(a, (r->n_model ? r->n_model : 1) * sizeof(*ops));

	for (size_t i = 0; i < r->n_model; i++) {
		memset(&ops[i], 0, sizeof(ops[i]));
		ops[i].kind = MIG_CREATE_TABLE;
		ops[i].table = r->model[i]->name;
		ops[i].schema = r->model[i]->schema;
		ops[i].create = r->model[i];
	}
	b->ops = ops;
	b->n_ops = r->n_model;
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
		return err_at(e, ERR_INPUT, st->file, st->line, "%s", msg);
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
				where = arena_printf(g->a, "target_metadata: table '%s', column '%s'",
						     g->r->model[i]->name,
						     g->r->model[i]->columns[k]->name);
	snprintf(msg, sizeof(msg), "%s", e->msg);
	return err_set(e, e->code, "%s: %s", where, msg);
}

/* Compiles the model for dialect d (or takes the SQL model's statements)
 * and runs it on db. */
static int ag_create_model(struct ag_run *g, struct db *db, const struct sql_dialect *d,
			   struct err *e)
{
	struct sql_opts so = {.d = d, .file = "the model"};
	struct strvec memo = STRVEC_INIT;
	struct sql_stmts stmts = {0};
	struct mig_body b;

	if (g->r->model_sql)
		return ag_run_sql_model(g, db, e);
	so.memo = &memo;
	ag_model_body(g->a, g->r, &b);
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
	if (ag_create_model(g, mem, mem->dialect, e) == 0 &&
	    db_introspect(mem, g->a, io, norm, e) == 0)
		rc = 0;
	db_close(mem);
	return rc;
}

/* PostgreSQL: the model in a scratch schema of a transaction rolled back. */
static int ag_norm_pg(struct ag_run *g, struct db *db, const struct db_introspect_opts *io,
		      struct db_schema *norm, struct err *e)
{
	int rc = -1;

	if (db_begin(db, e) < 0)
		return -1;
	if (db_exec(db, "CREATE SCHEMA " AG_SCRATCH, NULL, e) == 0 &&
	    db_exec(db, "SET LOCAL search_path TO " AG_SCRATCH, NULL, e) == 0 &&
	    ag_create_model(g, db, db->dialect, e) == 0 &&
	    db_introspect(db, g->a, io, norm, e) == 0)
		rc = 0;
	db_rollback(db);
	return rc;
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
	if (db_introspect(db, g->a, &io, live, e) < 0 || ag_decide(g, live, e) < 0)
		return -1;
	if (!strcmp(db->dialect->name, "postgresql"))
		rc = ag_norm_pg(g, db, &io, norm, e);
	else
		rc = ag_norm_sqlite(g, &io, norm, e);
	if (rc < 0)
		return -1;
	ag_filter(g, live, norm);
	struct ag_input in = {
		db->dialect->name, live, norm, g->ao->model, g->ao->n_model,
		g->r->compare_type, g->r->compare_server_default, g->r->hints, g->r->n_hints, false,
	};
	if (ag_compare(g->a, &in, g->out, e) < 0)
		return -1;
	ag_enum_types(g->a, &in, g->out);
	ag_log_detected(g);
	g->ao->live = live;
	g->ao->norm = norm;
	g->ao->dialect = db->dialect->name;
	return 0;
}

int run_autogen(struct arena *a, const struct run_opts *o, const struct run_autogen_req *r,
		const struct sink *s, struct run_autogen_out *out, struct err *e)
{
	struct ag_run g = {a, o, r, s, out->result, out};
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
