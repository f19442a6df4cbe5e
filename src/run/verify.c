/*
 * verify.c - autogenerate's self-verification (run.h run_autogen_verify):
 * the revision just written is run both ways inside one transaction that
 * is always rolled back, and the database is read back after each
 * direction and compared (ag_compare) with where it should be.
 *
 * It runs the file as `upgrade` would (run_body_compile: the same parse,
 * evaluation, binding and DDL compiler; SQLite's batch rebuild reads the
 * table at that point), so what it proves is about the file, not about the
 * operations autogenerate meant to write.  Both dialects have
 * transactional DDL (SQLite too), so the rollback undoes everything; a
 * statement that must run outside a transaction (CONCURRENTLY, an
 * autocommit block) is skipped and said so.
 */
#include "run/run.h"
#include "run/run_int.h"

#include "autogen/autogen.h"
#include "base/buf.h"
#include "db/db.h"
#include "db/introspect.h"
#include "script/script.h"
#include "sql/dialect.h"

struct vf {
	struct arena *a;
	const struct run_opts *o;
	const struct run_autogen_out *ao;
	const struct script *sc;
	const struct sink *s;
	struct db *db;
	struct strvec memo;              /* the run's compile memo (enum types) */
	bool skipped;                    /* a statement could not run in the transaction */
	const char *dialect_description; /* bind.dialect.dialect_description of the URL */
};

static void vf_warn(const struct vf *v, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void vf_warn(const struct vf *v, const char *fmt, ...)
{
	va_list ap;
	char *text;

	va_start(ap, fmt);
	text = arena_vprintf(v->a, fmt, ap);
	va_end(ap);
	sink_warn(v->s, arena_printf(v->a, "verifying %s: %s", v->sc->path, text));
}

/* A SQLite batch rebuild: the table as the transaction has it now. */
static int vf_batch(struct vf *v, const struct sql_stmt *st, struct err *e)
{
	struct sql_opts so = {v->db->dialect, false, v->sc->path, NULL, &v->memo, false, NULL};
	struct sql_stmts stmts = {0};
	struct sch_table *t;

	if (db_read_table(v->db, v->a, st->batch->schema, st->batch->table, &t, e) < 0 ||
	    sql_batch_rebuild(v->a, &so, t, st->batch, &stmts, e) < 0)
		return -1;
	for (size_t i = 0; i < stmts.n; i++)
		if (db_exec(v->db, stmts.v[i].sql, NULL, e) < 0)
			return -1;
	return 0;
}

/* One direction of the file; false when it failed (warned). */
static bool vf_run(struct vf *v, bool up)
{
	struct run_body_req req = {.d = v->db->dialect,
				   .memo = &v->memo,
				   .dialect_description = v->dialect_description};
	struct sql_stmts stmts = {0};
	struct err e = {0};
	const char *dir = up ? "upgrade" : "downgrade";

	if (run_body_compile(v->a, &req, v->sc, up, &stmts, &e) < 0) {
		vf_warn(v, "its %s cannot be compiled: %s", dir, e.msg);
		return false;
	}
	for (size_t i = 0; i < stmts.n; i++) {
		const struct sql_stmt *st = &stmts.v[i];
		bool go;
		int rc;

		if (st->autocommit) {
			v->skipped = true;
			continue;
		}
		rc = run_stmt_guarded(v->db, v->a, st, &go, &e);
		if (rc == 0 && go)
			rc = st->batch ? vf_batch(v, st, &e) : db_exec(v->db, st->sql, NULL, &e);
		if (rc < 0) {
			vf_warn(v, "its %s fails at line %d: %s", dir, st->line, e.msg);
			return false;
		}
	}
	return true;
}

/* The database now, compared with want; true when equal (else warned). */
static bool vf_same(struct vf *v, const struct db_schema *want, struct sch_table *const *model,
		    size_t n_model, const char *what)
{
	struct db_introspect_opts io = {0};
	struct db_schema now;
	struct ag_result r;
	struct err e = {0};
	struct buf b = BUF_INIT;

	io.version_table = v->o->version_table;
	io.version_schema = v->o->version_table_schema;
	io.include_schemas = v->ao->include_schemas;
	struct ag_input in = {0};

	in.dialect = v->ao->dialect;
	in.db = &now;
	in.norm = want;
	in.model = model;
	in.n_model = n_model;
	in.compare_type = v->ao->compare_type;
	in.compare_server_default = v->ao->compare_server_default;
	int rc = db_introspect(v->db, v->a, &io, &now, &e);

	if (rc == 0) {
		ag_filter_schema(v->a, v->ao->leaves, v->ao->n_leaves, true, &now);
		rc = ag_compare(v->a, &in, &r, &e);
	}
	if (rc < 0) {
		vf_warn(v, "cannot read the database back: %s", e.msg);
		return false;
	}
	if (!r.upgrade.n_ops)
		return true;
	for (size_t i = 0; i < r.detected.n; i++)
		buf_addf(&b, "%s%s", i ? "; " : "", r.detected.v[i]);
	vf_warn(v, "%s, the database still differs: %s", what,
		b.len ? buf_cstr(&b) : "(operations without a Detected line)");
	buf_release(&b);
	return false;
}

static void vf_round_trip(struct vf *v)
{
	if (!vf_run(v, true) ||
	    !vf_same(v, v->ao->norm, v->ao->model, v->ao->n_model, "after its upgrade"))
		return;
	if (!vf_run(v, false))
		return;
	vf_same(v, v->ao->live, NULL, 0, "after its downgrade");
}

int run_autogen_verify(struct arena *a, const struct run_opts *o, const struct run_autogen_out *ao,
		       const struct script *sc, const struct sink *s, struct err *e)
{
	struct vf v = {a, o, ao, sc, s, NULL, STRVEC_INIT, false, NULL};
	struct db_url u;

	if (url_parse(a, o->url, &u, e) < 0 || db_open(&u, o->lock_timeout_ms, &v.db, e) < 0)
		return -1;
	v.dialect_description = sql_dialect_description(a, v.db->dialect, u.drivername);
	if (db_begin(v.db, e) < 0) {
		db_close(v.db);
		return -1;
	}
	vf_round_trip(&v);
	db_rollback(v.db);
	db_close(v.db);
	if (v.skipped)
		vf_warn(&v, "statements that run outside a transaction were not tried");
	return 0;
}
