/*
 * run.c - online and offline runs of upgrade / downgrade / stamp /
 * ensure_version, and reading the version rows (see run.h for the rules).
 *
 * Shape of an online run (runtime/migration.py MigrationContext.run_migrations
 * plus our lock and transaction rules):
 *   connect -> context log lines -> lock -> BEGIN -> read rows (create the
 *   table when missing; --purge deletes every row) -> plan from the graph ->
 *   check every revision body -> [COMMIT; per step BEGIN] -> per step: log,
 *   statements, version-row statements -> COMMIT -> unlock -> close.
 * An offline run renders the same steps as text (ref §10).
 */
#include "run/run.h"
#include "run/run_int.h"

#include "base/buf.h"
#include "base/bug.h"
#include "core/graph.h"
#include "db/db.h"
#include "db/introspect.h"
#include "script/script.h"

#define RUN_LOGGER "alembic.runtime.migration"

/* The statements one step runs, compiled before anything runs. */
struct run_body {
	struct sql_stmts stmts;  /* statements in order */
	const char *path;        /* revision file, for messages */
	bool inspects;           /* sa.inspect: evaluated again when it runs (stmts unused) */
	const struct script *sc; /* inspects: the revision */
	bool up;                 /* inspects: its direction */
	size_t memo_n;           /* inspects: entries of the compile memo before it */
};

struct run_ctx {
	struct arena *a;             /* the command's arena */
	struct graph *g;             /* revision graph (NULL for ensure_version) */
	const struct run_opts *o;    /* options */
	const struct run_request *r; /* the command */
	const struct sink *s;        /* log / sql output */
	const struct sql_dialect *d; /* dialect of the URL */
	struct run_vt vt;            /* version table names */
	struct db *db;               /* online connection; NULL offline */
	struct strvec heads;         /* HeadMaintainer's row set, updated per step */
	struct strvec committed;     /* rows as of the last COMMIT (failure messages) */
	bool rows_known;             /* the rows were read (committed is meaningful) */
	struct strvec uncommitted;   /* short logs of the steps since the last COMMIT */
	bool step_autocommitted;     /* the current step ran statements outside a transaction */
	struct strvec memo;          /* compile memo of the run (Alembic's impl.memo) */
	struct run_insp *insp;       /* online: the plan-time inspector (database before the run) */
	const char *dialect_description; /* the revisions' bind.dialect.dialect_description */
};

static void run_log(const struct run_ctx *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void run_log(const struct run_ctx *c, const char *fmt, ...)
{
	va_list ap;
	char *text;

	va_start(ap, fmt);
	text = arena_vprintf(c->a, fmt, ap);
	va_end(ap);
	sink_log(c->s, "INFO", RUN_LOGGER, text);
}

/*
 * migration.py MigrationContext.__init__ log lines.  SQLite keeps Alembic's
 * "Will assume non-transactional DDL." although we run it inside real
 * transactions: the line describes Alembic's impl and log scrapers match it.
 */
static void run_log_context(const struct run_ctx *c)
{
	run_log(c, "Context impl %s.", c->d->impl_name);
	if (c->o->sql)
		run_log(c, "Generating static SQL");
	run_log(c, "Will assume %s DDL.",
		c->d->transactional_ddl ? "transactional" : "non-transactional");
}

static void run_copy_rows(struct run_ctx *c, struct strvec *to, const struct strvec *from)
{
	to->n = 0;
	for (size_t i = 0; i < from->n; i++)
		strvec_push(c->a, to, from->v[i]);
}

/* util.warn: a UserWarning, through the sink like every warning. */
static void run_warn(const struct run_ctx *c, const char *text)
{
	sink_warn(c->s, text);
}

/* ---- steps and bodies ---- */

static const char *run_step_name(const struct graph_step *st)
{
	switch (st->kind) {
	case GRAPH_STEP_UPGRADE:
		return "upgrade";
	case GRAPH_STEP_DOWNGRADE:
		return "downgrade";
	case GRAPH_STEP_STAMP:
		return "stamp_revision";
	}
	BUG("step kind %d", (int)st->kind);
}

static const struct script *run_step_script(const struct graph_step *st)
{
	return st->kind == GRAPH_STEP_STAMP || !st->rev ? NULL : st->rev->data;
}

/* migration.py RevisionStep.short_log: "upgrade A, B -> C". */
static char *run_step_short(struct run_ctx *c, const struct graph_step *st)
{
	return arena_printf(c->a, "%s %s -> %s", run_step_name(st),
			    strvec_join(c->a, &st->from, ", "), strvec_join(c->a, &st->to, ", "));
}

/* migration.py RevisionStep.__str__: short_log + ", doc" when doc is set. */
static char *run_step_log(struct run_ctx *c, const struct graph_step *st)
{
	const struct script *sc = run_step_script(st);
	char *s = run_step_short(c, st);

	if (sc && sc->doc && *sc->doc)
		s = arena_printf(c->a, "%s, %s", s, sc->doc);
	return s;
}

/* The statements of one step; stamps have none. */
static int run_body_build(struct run_ctx *c, const struct graph_step *st, struct run_body *b,
			  struct err *e)
{
	const struct script *sc = run_step_script(st);
	struct run_body_flags flags = {0};
	struct run_body_req req = {.d = c->d,
				   .as_sql = c->o->sql,
				   .naming_convention_unknown = c->o->naming_convention_unknown,
				   .memo = &c->memo,
				   .inspector = c->insp ? run_insp_inspector(c->insp) : NULL,
				   .flags = &flags,
				   .offline_rebuild =
					   c->o->sql && c->d->family == SQL_FAMILY_SQLITE,
				   .naming = c->o->naming,
				   .dialect_description = c->dialect_description};
	int rc;

	memset(b, 0, sizeof(*b));
	if (st->kind == GRAPH_STEP_STAMP)
		return 0;
	if (!sc)
		return err_set(e, ERR_INPUT, "revision %s has no script",
			       st->rev ? st->rev->id : "?");
	b->path = sc->path;
	b->sc = sc;
	b->up = st->kind == GRAPH_STEP_UPGRADE;
	b->memo_n = c->memo.n;
	rc = run_body_compile(c->a, &req, sc, b->up, &b->stmts, e);
	b->inspects = flags.inspects && c->insp;
	if (rc < 0 && b->inspects && flags.inspect_answered) {
		/* the error may come from the answers of the database as it is
		 * before the run (a table an earlier revision of this run creates):
		 * the body is evaluated again when it runs, and fails there */
		err_clear(e);
		return 0;
	}
	return rc;
}

/* Every step's body, before anything runs. */
static int run_bodies(struct run_ctx *c, const struct graph_plan *p, struct run_body **out,
		      struct err *e)
{
	*out = arena_calloc(c->a, p->n ? p->n : 1, sizeof(**out));
	for (size_t i = 0; i < p->n; i++)
		if (run_body_build(c, &p->steps[i], &(*out)[i], e) < 0)
			return -1;
	return 0;
}

/* command.py upgrade/downgrade/stamp: the steps from the current rows. */
static int run_plan(struct run_ctx *c, const struct strvec *rows, struct graph_plan *p,
		    struct err *e)
{
	memset(p, 0, sizeof(*p));
	switch (c->r->cmd) {
	case RUN_UPGRADE:
		return graph_upgrade_plan(c->g, c->r->target, rows, p, e);
	case RUN_DOWNGRADE:
		if (graph_downgrade_plan(c->g, c->r->target, rows, p, e) < 0)
			return -1;
		if (p->warn_multi_head_down)
			run_warn(c,
				 "downgrade -1 from multiple heads is ambiguous; this usage will "
				 "be disallowed in a future release.");
		return 0;
	case RUN_STAMP:
		return graph_stamp_plan(c->g, c->r->stamp_targets, c->r->n_stamp, rows, c->r->purge,
					p, e);
	default:
		return 0;
	}
}

/* ---- offline ---- */

/* impl.py static_output: text + "\n\n". */
static void run_out(struct run_ctx *c, const char *text)
{
	char *s = arena_printf(c->a, "%s\n\n", text);

	sink_sql(c->s, s, strlen(s));
}

/* impl.py _exec (as_sql): tabs to 4 spaces, strip, terminator; then the
 * batch separator (MSSQL "GO", Oracle "/"). */
static void run_out_stmt(struct run_ctx *c, const char *sql)
{
	struct buf b = BUF_INIT;
	char *stripped;

	for (const char *p = sql; *p; p++) {
		if (*p == '\t')
			buf_adds(&b, "    ");
		else
			buf_addch(&b, *p);
	}
	stripped = str_strip(c->a, buf_cstr(&b));
	buf_release(&b);
	run_out(c, arena_printf(c->a, "%s%s", stripped, c->d->terminator));
	if (c->d->separator)
		run_out(c, c->d->separator);
}

static void run_out_begin(struct run_ctx *c)
{
	run_out(c, arena_printf(c->a, "%s%s", c->d->begin_sql, c->d->terminator));
}

static void run_out_commit(struct run_ctx *c)
{
	run_out(c, arena_printf(c->a, "COMMIT%s", c->d->terminator));
	if (c->d->separator && !strcmp(c->d->separator, "GO"))
		run_out(c, c->d->separator);
}

/* The version-row statements of a step (HeadMaintainer.update_to_step). */
static int run_step_rowops(struct run_ctx *c, const struct graph_step *st, struct graph_rowops *ops,
			   struct err *e)
{
	memset(ops, 0, sizeof(*ops));
	if (c->g)
		return graph_step_rows(c->g, st, &c->heads, ops, e);
	return 0;
}

static char *run_rowop_sql(struct run_ctx *c, const struct graph_row_op *op)
{
	switch (op->kind) {
	case GRAPH_ROW_INSERT:
		return run_vt_insert(c->a, &c->vt, op->to);
	case GRAPH_ROW_UPDATE:
		return run_vt_update(c->a, &c->vt, op->from, op->to);
	case GRAPH_ROW_DELETE:
		return run_vt_delete(c->a, &c->vt, op->from);
	}
	BUG("row operation kind %d", (int)op->kind);
}

/* Statements of a body; autocommit runs get COMMIT/BEGIN around them on
 * transactional dialects (migration.py autocommit_block, as_sql). */
static void run_offline_body(struct run_ctx *c, const struct run_body *b)
{
	bool in_block = false;

	for (size_t i = 0; i < b->stmts.n; i++) {
		const struct sql_stmt *st = &b->stmts.v[i];

		if (st->autocommit != in_block && c->d->transactional_ddl) {
			if (st->autocommit)
				run_out_commit(c);
			else
				run_out_begin(c);
		}
		in_block = st->autocommit;
		run_out_stmt(c, st->sql);
	}
	if (in_block && c->d->transactional_ddl)
		run_out_begin(c);
}

static int run_offline_step(struct run_ctx *c, const struct graph_step *st,
			    const struct run_body *b, struct err *e)
{
	bool per_step = c->d->transactional_ddl && c->o->transaction_per_migration;
	struct graph_rowops ops;

	if (per_step)
		run_out_begin(c);
	if (c->heads.n == 0)
		run_out_stmt(c, run_vt_create(c->a, &c->vt));
	run_log(c, "Running %s", run_step_log(c, st));
	run_out(c, arena_printf(c->a, "-- Running %s", run_step_short(c, st)));
	run_offline_body(c, b);
	if (run_step_rowops(c, st, &ops, e) < 0)
		return -1;
	for (size_t i = 0; i < ops.n; i++)
		run_out_stmt(c, run_rowop_sql(c, &ops.v[i]));
	if (per_step)
		run_out_commit(c);
	return 0;
}

/* migration.py get_current_heads (as_sql): the start revision resolved. */
static int run_offline_start(struct run_ctx *c, struct err *e)
{
	const char *start = c->r->start;
	struct rev *rev;

	c->heads.n = 0;
	if (!start || !*start || !strcmp(start, "base") || !c->g)
		return 0;
	if (graph_get_revision(c->g, start, &rev, e) < 0) {
		if (e->code == ERR_MULTIPLE_HEADS) /* the start failed, not the destination */
			snprintf(e->arg2, sizeof(e->arg2), "%s", start);
		return -1;
	}
	if (!rev) /* Alembic: AttributeError on get_revision(...).revision */
		return err_set(e, ERR_INPUT, "the start of the range, '%s', names no revision",
			       start);
	strvec_push(c->a, &c->heads, rev->id);
	return 0;
}

/* ---- offline batch rebuilds on SQLite ---- */

/* The scratch database: the revisions' SQL applied to an empty in-memory
 * SQLite database, so that an offline batch rebuild knows its table as the
 * revisions before it leave it (Alembic 1.8.1 refuses it: copy_from). */
struct run_scratch {
	struct db *db; /* the in-memory database */
	bool broken;   /* a statement failed there: its tables are not known */
};

/* Alembic's CommandError for a rebuild we cannot know the table of. */
static int run_scratch_refuse(struct run_ctx *c, const struct run_body *b, const struct sql_stmt *s,
			      struct err *e)
{
	struct sql_opts o = {c->d, true, b->path, NULL, NULL, false, NULL};

	return err_at(e, ERR_COMMAND, b->path, s->line, "%s",
		      sql_batch_refusal(c->a, &o, s->batch));
}

static void run_scratch_exec(struct run_scratch *sc, const char *sql)
{
	long rowcount;
	struct err ignored;

	err_clear(&ignored);
	if (!sc->broken && db_exec(sc->db, sql, &rowcount, &ignored) < 0)
		sc->broken = true;
}

/* Body b run in the scratch database, each rebuild placeholder replaced by
 * the rebuild compiled (offline text) from the table as scratch holds it. */
static int run_scratch_body(struct run_ctx *c, struct run_scratch *sc, struct run_body *b,
			    struct err *e)
{
	struct sql_opts o = {c->d,     true,  b->path,     c->o->naming_convention_unknown,
			     &c->memo, false, c->o->naming};
	struct sql_stmts out = {0};

	for (size_t i = 0; i < b->stmts.n; i++) {
		const struct sql_stmt *s = &b->stmts.v[i];
		struct sql_stmts rb = {0};
		struct sch_table *t;

		if (!s->batch) {
			sql_stmts_push(c->a, &out, s->sql, s->autocommit, s->line);
			run_scratch_exec(sc, s->sql);
			continue;
		}
		if (sc->broken ||
		    db_read_table(sc->db, c->a, s->batch->schema, s->batch->table, &t, e) < 0)
			return run_scratch_refuse(c, b, s, e);
		if (sql_batch_rebuild(c->a, &o, t, s->batch, &rb, e) < 0)
			return -1;
		for (size_t j = 0; j < rb.n; j++) {
			sql_stmts_push(c->a, &out, rb.v[j].sql, s->autocommit, s->line);
			run_scratch_exec(sc, rb.v[j].sql);
		}
	}
	b->stmts = out;
	return 0;
}

static bool run_has_rebuild(const struct run_body *bodies, size_t n)
{
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < bodies[i].stmts.n; j++)
			if (bodies[i].stmts.v[j].batch)
				return true;
	return false;
}

/* Resolves the rebuilds of the plan's bodies: scratch gets the upgrades
 * from base to the start of the range (silently; one we cannot compile or
 * resolve leaves scratch unknown, so the plan's rebuilds get Alembic's
 * refusal, not that revision's error), then every body of the plan in
 * order.  Before anything is printed, so a refusal prints nothing. */
static int run_offline_rebuilds(struct run_ctx *c, const struct graph_plan *p,
				struct run_body *bodies, struct err *e)
{
	struct run_scratch sc = {NULL, false};
	struct graph_plan before = {0};
	struct run_body *pre = NULL;
	struct strvec none = {0};
	struct db_url u;
	int rc = 0;

	if (!run_has_rebuild(bodies, p->n))
		return 0;
	struct err pe;

	err_clear(&pe);
	if (c->heads.n && (graph_upgrade_plan(c->g, c->heads.v[0], &none, &before, &pe) < 0 ||
			   run_bodies(c, &before, &pre, &pe) < 0))
		sc.broken = true;
	if (url_parse(c->a, "sqlite://", &u, e) < 0 || db_open(&u, 0, &sc.db, e) < 0)
		return -1;
	for (size_t i = 0; i < before.n && !sc.broken; i++)
		if (run_scratch_body(c, &sc, &pre[i], &pe) < 0)
			sc.broken = true;
	for (size_t i = 0; i < p->n && !rc; i++)
		rc = run_scratch_body(c, &sc, &bodies[i], e);
	db_close(sc.db);
	return rc;
}

static int run_offline(struct run_ctx *c, struct err *e)
{
	bool whole = c->d->transactional_ddl && !c->o->transaction_per_migration;
	struct graph_plan plan;
	struct run_body *bodies;

	/* Alembic's order: env.py's begin_transaction() prints BEGIN, then
	 * run_migrations checks --purge and iterates the steps generator, so
	 * those errors come after the BEGIN. */
	run_log_context(c);
	if (whole)
		run_out_begin(c);
	if (c->r->purge)
		return err_set(e, ERR_COMMAND, "Can't use --purge with --sql mode");
	if (run_offline_start(c, e) < 0 || run_plan(c, &c->heads, &plan, e) < 0 ||
	    run_bodies(c, &plan, &bodies, e) < 0 ||
	    (c->d->family == SQL_FAMILY_SQLITE && run_offline_rebuilds(c, &plan, bodies, e) < 0))
		return -1;
	if (c->r->cmd == RUN_ENSURE_VERSION)
		run_out_stmt(c, run_vt_create(c->a, &c->vt));
	for (size_t i = 0; i < plan.n; i++)
		if (run_offline_step(c, &plan.steps[i], &bodies[i], e) < 0)
			return -1;
	/* Alembic 1.8.1-1.18 print "DROP TABLE alembic_version;" here when no
	 * row remains; 1.19 (#1822) dropped it, and so do we. */
	if (whole)
		run_out_commit(c);
	return 0;
}

/* ---- online ---- */

static int run_txn_begin(struct run_ctx *c, struct err *e)
{
	return c->db->in_transaction ? 0 : db_begin(c->db, e);
}

/* "f1", "f1, f2" or "base": what the database holds after a rollback. */
static const char *run_committed_text(struct run_ctx *c)
{
	return c->committed.n ? strvec_join(c->a, &c->committed, ", ") : "base";
}

/* A failed COMMIT (a deferred constraint, SQLite's "database or disk is
 * full" at flush): rolled back, and the message names the steps that were
 * being committed and where the database is. */
static int run_commit_failed(struct run_ctx *c, struct err *e)
{
	char detail[ERR_MSG_MAX], state[sizeof(e->sqlstate)];
	const char *msg = arena_strdup(c->a, e->msg);
	enum err_code code = e->code;

	snprintf(detail, sizeof(detail), "%s", e->detail);
	snprintf(state, sizeof(state), "%s", e->sqlstate);
	db_rollback(c->db);
	err_set(e, code == ERR_INTERRUPTED || code == ERR_LOCK ? code : ERR_MIGRATION,
		"%s failed while committing: %s (rolled back; the database is at %s)",
		c->uncommitted.n ? strvec_join(c->a, &c->uncommitted, ", ")
				 : "creating the version table",
		msg, run_committed_text(c));
	snprintf(e->detail, sizeof(e->detail), "%s", detail);
	snprintf(e->sqlstate, sizeof(e->sqlstate), "%s", state);
	return -1;
}

static int run_txn_commit(struct run_ctx *c, struct err *e)
{
	if (c->db->in_transaction && db_commit(c->db, e) < 0)
		return run_commit_failed(c, e);
	BUG_ON(c->db->in_transaction);
	run_copy_rows(c, &c->committed, &c->heads);
	c->uncommitted.n = 0;
	return 0;
}

/* Rewrites a database error of step st (at path:line, line 0 = unknown) as
 * ERR_MIGRATION, after rolling back; what prefixes the database's text. */
static int run_stmt_failed(struct run_ctx *c, const struct graph_step *st, const char *path,
			   int line, const char *what, struct err *e)
{
	char detail[ERR_MSG_MAX];
	char *msg = arena_printf(c->a, "%s%s", what, e->msg);
	enum err_code code = e->code == ERR_LOCK ? ERR_LOCK : ERR_MIGRATION;

	char state[sizeof(e->sqlstate)];

	snprintf(detail, sizeof(detail), "%s", e->detail);
	snprintf(state, sizeof(state), "%s", e->sqlstate);
	db_rollback(c->db);
	if (c->step_autocommitted)
		err_at(e, code, path, line,
		       "%s failed: %s (rolled back to revision %s; statements of this revision "
		       "that ran outside a transaction stay applied)",
		       run_step_short(c, st), msg, run_committed_text(c));
	else
		err_at(e, code, path, line, "%s failed: %s (rolled back; the database is at %s)",
		       run_step_short(c, st), msg, run_committed_text(c));
	snprintf(e->detail, sizeof(e->detail), "%s", detail);
	snprintf(e->sqlstate, sizeof(e->sqlstate), "%s", state);
	return -1;
}

/* PostgreSQL batch reflection (Table(autoload_with=...) with Alembic's
 * autogen_column_reflect listener): the table as db_introspect reads it,
 * the default of a column that owns its sequence dropped (a SERIAL again
 * in the new table) with Alembic's log line.  SQLite: db_read_table. */
static int run_batch_table(struct run_ctx *c, const struct mig_op *batch, struct sch_table **out,
			   struct err *e)
{
	const char *schemas[1] = {batch->schema};
	struct db_introspect_opts io = {.schemas = schemas,
					.n_schemas = batch->schema ? 1 : 0,
					.version_table = c->vt.name,
					.version_schema = c->vt.schema};
	struct db_schema s;
	struct sch_table *t = NULL;

	if (c->d->family != SQL_FAMILY_POSTGRESQL)
		return db_read_table(c->db, c->a, batch->schema, batch->table, out, e);
	if (db_introspect(c->db, c->a, &io, &s, e) < 0)
		return -1;
	for (size_t i = 0; i < s.n_tables && !t; i++)
		if (!strcmp(s.tables[i]->name, batch->table))
			t = s.tables[i];
	if (!t)
		return err_set(e, ERR_DB, "NoSuchTableError: %s", batch->table);
	for (size_t i = 0; i < t->n_columns; i++) {
		const char *q = db_pg_serial_sequence(c->a, &s, t->name, t->columns[i]);
		struct sch_column *col;

		if (!q)
			continue;
		sink_log(c->s, "INFO", "alembic.ddl.postgresql",
			 db_pg_serial_note(c->a, q, t->name, t->columns[i]->name));
		col = arena_alloc(c->a, sizeof(*col));
		*col = *t->columns[i];
		col->server_default = NULL;
		t->columns[i] = col;
	}
	*out = t;
	return 0;
}

/* A batch_alter_table rebuild (SQLite, PostgreSQL): the table read now
 * (inside the run's transaction, after the steps before it), then its
 * statements. */
static int run_exec_batch(struct run_ctx *c, const struct graph_step *st, const struct run_body *b,
			  const struct sql_stmt *s, struct err *e)
{
	struct sql_opts o = {c->d,     false, b->path,     c->o->naming_convention_unknown,
			     &c->memo, false, c->o->naming};
	struct sql_stmts stmts = {0};
	struct sch_table *t;
	long rowcount;

	if (run_batch_table(c, s->batch, &t, e) < 0 ||
	    sql_batch_rebuild(c->a, &o, t, s->batch, &stmts, e) < 0)
		return run_stmt_failed(
			c, st, b->path, s->line,
			arena_printf(c->a, "batch_alter_table('%s'): ", s->batch->table), e);
	for (size_t i = 0; i < stmts.n; i++)
		if (db_exec(c->db, stmts.v[i].sql, &rowcount, e) < 0)
			return run_stmt_failed(c, st, b->path, s->line, "", e);
	return 0;
}

int run_stmt_guarded(struct db *db, struct arena *a, const struct sql_stmt *s, bool *run,
		     struct err *e)
{
	struct strvec rows = STRVEC_INIT;

	*run = true;
	if (!s->guard)
		return 0;
	if (db_query(db, a, s->guard, &rows, e) < 0)
		return -1;
	*run = (rows.n > 0) == s->guard_exists;
	return 0;
}

static int run_exec_stmt(struct run_ctx *c, const struct graph_step *st, const struct run_body *b,
			 const struct sql_stmt *s, struct err *e)
{
	long rowcount;
	bool go;

	if (s->autocommit) {
		if (run_txn_commit(c, e) < 0)
			return -1;
		c->step_autocommitted = true;
	} else if (run_txn_begin(c, e) < 0) {
		return -1;
	}
	if (s->batch)
		return run_exec_batch(c, st, b, s, e);
	if (run_stmt_guarded(c->db, c->a, s, &go, e) < 0)
		return run_stmt_failed(c, st, b->path, s->line, "", e);
	if (!go)
		return 0;
	if (db_exec(c->db, s->sql, &rowcount, e) < 0)
		return run_stmt_failed(c, st, b->path, s->line, "", e);
	return 0;
}

/* migration.py HeadMaintainer._update_version / _delete_version checks. */
static int run_exec_rowop(struct run_ctx *c, const struct graph_step *st, const struct run_body *b,
			  const struct graph_row_op *op, struct err *e)
{
	long rowcount = -1;

	if (run_txn_begin(c, e) < 0)
		return -1;
	if (db_exec(c->db, run_rowop_sql(c, op), &rowcount, e) < 0)
		return run_stmt_failed(c, st, b->path, 0,
				       arena_printf(c->a, "writing %s: ", c->vt.name), e);
	if (op->kind == GRAPH_ROW_INSERT || rowcount == 1 || rowcount < 0)
		return 0;
	if (op->kind == GRAPH_ROW_UPDATE)
		return err_set(e, ERR_COMMAND,
			       "Online migration expected to match one row when updating '%s' to "
			       "'%s' in '%s'; %ld found",
			       op->from, op->to, c->vt.name, rowcount);
	return err_set(e, ERR_COMMAND,
		       "Online migration expected to match one row when deleting '%s' in '%s'; "
		       "%ld found",
		       op->from, c->vt.name, rowcount);
}

/* A live inspecting body's statements run through the step's executor. */
struct run_live {
	struct run_ctx *c;           /* the run */
	const struct graph_step *st; /* the step */
	const struct run_body *b;    /* its body */
};

static int run_live_exec(void *ctx, const struct sql_stmts *stmts, struct err *e)
{
	struct run_live *l = ctx;

	for (size_t i = 0; i < stmts->n; i++)
		if (run_exec_stmt(l->c, l->st, l->b, &stmts->v[i], e) < 0)
			return -1;
	return 0;
}

/* An inspecting body, evaluated again now on the run's connection: its
 * inspections see the database after the steps before it and after its own
 * operations queued before them; a failure rolls back as a statement's. */
static int run_step_live(struct run_ctx *c, const struct graph_step *st, const struct run_body *b,
			 struct err *e)
{
	struct strvec memo = STRVEC_INIT;
	struct run_body_req req = {.d = c->d,
				   .naming_convention_unknown = c->o->naming_convention_unknown,
				   .memo = &memo,
				   .naming = c->o->naming,
				   .dialect_description = c->dialect_description};
	struct run_live l = {c, st, b};
	struct run_insp *ri;
	struct sql_stmts rest;

	for (size_t i = 0; i < b->memo_n; i++) /* what the bodies before it created */
		strvec_push(c->a, &memo, c->memo.v[i]);
	ri = run_insp_new(c->a, c->db, &req, b->path, run_live_exec, &l);
	if (run_body_live(c->a, &req, b->sc, b->up, ri, &rest, e) < 0) {
		if (run_insp_exec_failed(ri))
			return -1;
		return run_stmt_failed(c, st, e->file[0] ? arena_strdup(c->a, e->file) : b->path,
				       e->line, "", e);
	}
	return run_live_exec(&l, &rest, e);
}

static int run_online_step(struct run_ctx *c, const struct graph_step *st, const struct run_body *b,
			   struct err *e)
{
	struct graph_rowops ops;

	if (run_txn_begin(c, e) < 0)
		return -1;
	c->step_autocommitted = false;
	strvec_push(c->a, &c->uncommitted, run_step_short(c, st));
	run_log(c, "Running %s", run_step_log(c, st));
	if (b->inspects && run_step_live(c, st, b, e) < 0)
		return -1;
	for (size_t i = 0; !b->inspects && i < b->stmts.n; i++)
		if (run_exec_stmt(c, st, b, &b->stmts.v[i], e) < 0)
			return -1;
	if (run_step_rowops(c, st, &ops, e) < 0)
		return -1;
	for (size_t i = 0; i < ops.n; i++)
		if (run_exec_rowop(c, st, b, &ops.v[i], e) < 0)
			return -1;
	if (c->o->transaction_per_migration)
		return run_txn_commit(c, e);
	return 0;
}

/* Reads the rows (bytewise sorted); *exists tells whether the table is there. */
static int run_read(struct run_ctx *c, struct strvec *rows, bool *exists, struct err *e)
{
	rows->n = 0;
	if (db_table_exists(c->db, c->vt.schema, c->vt.name, exists, e) < 0)
		return -1;
	if (!*exists)
		return 0;
	if (db_query(c->db, c->a, run_vt_select(c->a, &c->vt), rows, e) < 0)
		return -1;
	strvec_sort(rows);
	return 0;
}

/* migration.py run_migrations prologue: rows, table creation, purge. */
static int run_online_prepare(struct run_ctx *c, struct err *e)
{
	bool exists;

	if (run_txn_begin(c, e) < 0 || run_read(c, &c->heads, &exists, e) < 0)
		return -1;
	run_copy_rows(c, &c->committed, &c->heads);
	c->rows_known = true;
	if (!exists && db_exec(c->db, run_vt_create(c->a, &c->vt), NULL, e) < 0)
		return -1;
	if (c->r->purge) {
		if (db_exec(c->db, run_vt_delete_all(c->a, &c->vt), NULL, e) < 0)
			return -1;
		c->heads.n = 0;
	}
	return 0;
}

/* Everything under the migration lock. */
static int run_online_locked(struct run_ctx *c, struct err *e)
{
	struct graph_plan plan;
	struct run_body *bodies;

	c->insp = run_insp_new(c->a, c->db, NULL, NULL, NULL, NULL);
	if (run_online_prepare(c, e) < 0 || run_plan(c, &c->heads, &plan, e) < 0 ||
	    run_bodies(c, &plan, &bodies, e) < 0)
		goto rollback;
	if (c->o->transaction_per_migration && run_txn_commit(c, e) < 0)
		goto rollback;
	for (size_t i = 0; i < plan.n; i++)
		if (run_online_step(c, &plan.steps[i], &bodies[i], e) < 0)
			goto rollback;
	if (run_txn_commit(c, e) < 0)
		goto rollback;
	return 0;
rollback:
	db_rollback(c->db);
	return -1;
}

/* The db layer's notices (the one "waiting for the migration lock held
 * by ..." line) as log records. */
static void run_db_notice(void *ctx, const char *text)
{
	run_log(ctx, "%s", text);
}

/* Connects (unless the caller gave a connection) and logs the context. */
static int run_connect(struct run_ctx *c, struct err *e)
{
	struct db_url u;

	if (c->o->db) {
		c->db = c->o->db;
	} else if (url_parse(c->a, c->o->url, &u, e) < 0 ||
		   db_open(&u, c->o->lock_timeout_ms, &c->db, e) < 0) {
		return -1;
	}
	c->db->notice = run_db_notice;
	c->db->notice_ctx = c;
	return 0;
}

static void run_disconnect(struct run_ctx *c)
{
	if (c->db) {
		c->db->notice = NULL;
		c->db->notice_ctx = NULL;
	}
	if (c->db && c->db != c->o->db)
		db_close(c->db);
	c->db = NULL;
}

/*
 * After SIGINT/SIGTERM, once the rollback and unlock have run: e becomes
 * ERR_INTERRUPTED and says where the database is (the CLI prints
 * "interrupted by SIGTERM: <msg>" and exits 128+signal).  rc is the run's
 * result: a run that finished before it noticed the signal is at its end.
 */
static int run_interrupted(struct run_ctx *c, int rc, struct err *e)
{
	if (!c->rows_known)
		err_set(e, ERR_INTERRUPTED, "nothing was changed");
	else if (rc == 0)
		err_set(e, ERR_INTERRUPTED, "the run had finished, the database is at %s",
			run_committed_text(c));
	else if (c->step_autocommitted)
		err_set(e, ERR_INTERRUPTED,
			"rolled back, the database is at %s (statements of the interrupted "
			"revision that ran outside a transaction stay applied)",
			run_committed_text(c));
	else
		err_set(e, ERR_INTERRUPTED, "rolled back, the database is at %s",
			run_committed_text(c));
	return -1;
}

static int run_online(struct run_ctx *c, struct err *e)
{
	int rc = -1;

	if (run_connect(c, e) < 0)
		goto disconnect;
	run_log_context(c);
	if (db_lock(c->db, c->vt.lock_key, e) < 0)
		goto disconnect;
	rc = run_online_locked(c, e);
	db_unlock(c->db, c->vt.lock_key);
disconnect:
	run_disconnect(c);
	if (db_interrupted())
		return run_interrupted(c, rc, e);
	return rc;
}

/* Common setup: dialect from the URL (or the given connection). */
/* SQLAlchemy's dialect.dialect_description for url (its "+driver" or d's
 * default DBAPI); d's default when url is absent or unreadable. */
static const char *run_dialect_description(struct arena *a, const struct sql_dialect *d,
					   const char *url)
{
	struct db_url u;
	struct err e = {0};

	if (!url || url_parse(a, url, &u, &e) < 0)
		return sql_dialect_description(a, d, NULL);
	return sql_dialect_description(a, d, u.drivername);
}

static int run_ctx_init(struct run_ctx *c, struct arena *a, const struct run_opts *o,
			const struct sink *s, struct err *e)
{
	struct db_url u;

	memset(c, 0, sizeof(*c));
	c->a = a;
	c->o = o;
	c->s = s;
	if (o->db) {
		c->d = o->db->dialect;
	} else {
		if (!o->url && o->url_err) {
			*e = *o->url_err; /* the key is there but does not expand */
			return -1;
		}
		if (!o->url)
			return err_set(e, ERR_COMMAND,
				       "No 'sqlalchemy.url' key found in the configuration");
		if (url_parse(a, o->url, &u, e) < 0)
			return -1;
		c->d = sql_dialect_find(u.dialect);
		if (!c->d)
			return err_set(e, ERR_DB, "Can't load plugin: sqlalchemy.dialects:%s",
				       u.drivername);
	}
	run_vt_init(a, &c->vt, c->d, o->version_table ? o->version_table : "alembic_version",
		    o->version_table_schema, o->version_table_pk);
	c->dialect_description = run_dialect_description(a, c->d, o->url);
	return 0;
}

int run_migrate(struct arena *a, struct graph *g, const struct run_opts *o,
		const struct run_request *r, const struct sink *s, struct err *e)
{
	struct run_ctx c;

	if (run_ctx_init(&c, a, o, s, e) < 0)
		return -1;
	c.g = g;
	c.r = r;
	if (!g && r->cmd != RUN_ENSURE_VERSION)
		return err_set(e, ERR_COMMAND, "no revision graph loaded");
	return o->sql ? run_offline(&c, e) : run_online(&c, e);
}

int run_on_rows(struct arena *a, const struct run_opts *o, const struct sink *s, run_rows_fn fn,
		void *arg, struct strvec *rows, struct err *e)
{
	struct run_ctx c;
	bool exists;
	int rc;

	rows->n = 0;
	if (o->sql)
		return err_set(e, ERR_COMMAND, "Can't read the version table in --sql mode");
	if (run_ctx_init(&c, a, o, s, e) < 0)
		return -1;
	rc = run_connect(&c, e);
	if (rc == 0) {
		run_log_context(&c);
		rc = run_read(&c, rows, &exists, e);
	}
	if (rc == 0 && fn)
		rc = fn(arg, c.db, rows, e);
	run_disconnect(&c);
	if (db_interrupted())
		return run_interrupted(&c, -1, e); /* a read changes nothing */
	return rc;
}

int run_read_rows(struct arena *a, const struct run_opts *o, const struct sink *s,
		  struct strvec *rows, struct err *e)
{
	return run_on_rows(a, o, s, NULL, NULL, rows, e);
}

void run_opts_from_config(struct run_opts *o, const struct config *c)
{
	memset(o, 0, sizeof(*o));
	o->url = c->url;
	o->url_err = c->url_err;
	o->version_table = c->version_table;
	o->version_table_schema = c->version_table_schema;
	o->version_table_pk = c->version_table_pk;
	o->transaction_per_migration = c->transaction_per_migration;
	o->lock_timeout_ms = c->lock_timeout_ms;
	o->naming_convention_unknown = c->naming_convention_unknown;
	o->naming = c->naming_convention;
}
