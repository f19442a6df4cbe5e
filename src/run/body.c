/*
 * body.c - one revision direction as the statements a run executes or
 * prints: whatever the file's format, the body first becomes operations
 * (schema/schema.h: a native .sql section is a list of MIG_EXECUTE ops, a
 * .py function is evaluated for the run's dialect and bound by py/bind.c),
 * then the DDL compiler (sql/ddl.h) renders them for the dialect.  Online
 * and offline runs take this one path.
 */
#include "run/run_int.h"

#include "db/db.h"
#include "py/bind.h"
#include "py/py.h"
#include "script/script.h"

/* A native section: the splitter's statements as verbatim execute ops
 * (autocommit blocks and -- migrate:no-transaction files run outside the
 * transaction). */
static int run_ops_sql(struct arena *a, const struct sql_dialect *d, const struct script *sc,
		       const struct script_section *sec, struct mig_body *out, struct err *e)
{
	struct split_stmt *st;
	struct mig_op *ops;
	size_t n;

	if (split_sql(a, sec->text ? sec->text : "", sec->first_line > 0 ? sec->first_line : 1,
		      split_opts_for(d->name), &st, &n, e) < 0) {
		snprintf(e->file, sizeof(e->file), "%s", sc->path);
		return -1;
	}
	ops = arena_calloc(a, n + 1, sizeof(*ops));
	for (size_t i = 0; i < n; i++) {
		ops[i].kind = MIG_EXECUTE;
		ops[i].sql = st[i].sql;
		ops[i].native = true;
		ops[i].autocommit = st[i].autocommit || sc->is_no_transaction;
		ops[i].line = st[i].line;
	}
	out->ops = ops;
	out->n_ops = n;
	return 0;
}

/* A Python function evaluated for the run's dialect and mode (the module
 * parsed, PEP 263 decoding included); r->flags says whether it inspected. */
static int run_eval_py(struct arena *a, const struct run_body_req *r, const struct script *sc,
		       const char *what, struct py_body *body, struct err *e)
{
	struct py_eval_ctx ctx = {
		sc->path, r->d->name, r->as_sql, NULL, 0, r->inspector, r->dialect_description};
	const struct py_module *m;
	int rc;

	memset(body, 0, sizeof(*body));
	if (script_module(a, sc, &m, e) < 0)
		return -1;
	rc = py_eval_function(a, m, what, &ctx, body, e);
	if (r->flags) {
		r->flags->inspects = body->inspects;
		r->flags->inspect_answered = rc < 0 && body->inspect_answered;
	}
	return rc;
}

/* Whether the operations an inspecting body queued before its first answer
 * bind: if so, an error of the body's binding or compiling may come from the
 * answers (a table reflected as it is before the run) and is left to the
 * run; if not, the body is statically wrong. */
static bool run_prefix_binds(struct arena *a, const struct script *sc, const struct py_body *body)
{
	struct py_body pre = *body;
	struct mig_body mb;
	struct err e = {0};
	bool ok;

	pre.n_ops = body->n_ops_unanswered < body->n_ops ? body->n_ops_unanswered : body->n_ops;
	ok = py_bind_body(a, sc->path, &pre, &mb, &e) == 0;
	err_clear(&e);
	return ok;
}

/* A Python function: evaluated, its calls bound to operations. */
static int run_ops_py(struct arena *a, const struct run_body_req *r, const struct script *sc,
		      const char *what, struct mig_body *out, struct err *e)
{
	struct py_body body;

	if (run_eval_py(a, r, sc, what, &body, e) < 0)
		return -1;
	if (r->flags && body.inspect_answered)
		r->flags->inspect_answered = run_prefix_binds(a, sc, &body);
	return py_bind_body(a, sc->path, &body, out, e);
}

int run_body_ops(struct arena *a, const struct run_body_req *r, const struct script *sc, bool up,
		 struct mig_body *out, struct err *e)
{
	const struct script_section *sec = up ? &sc->upgrade : &sc->downgrade;
	const char *what = up ? "upgrade" : "downgrade";

	memset(out, 0, sizeof(*out));
	if (r->flags)
		memset(r->flags, 0, sizeof(*r->flags));
	if (!sec->present)
		return err_at(e, ERR_INPUT, sc->path, 0, "revision %s has no %s %s", sc->id, what,
			      sc->format == SCRIPT_PY ? "function" : "section (-- migrate:...)");
	if (sc->format == SCRIPT_PY)
		return run_ops_py(a, r, sc, what, out, e);
	return run_ops_sql(a, r->d, sc, sec, out, e);
}

/* The DDL compiler over a bound body; an irreversible one is refused. */
static int run_compile_ops(struct arena *a, const struct run_body_req *r, const struct script *sc,
			   bool up, const struct mig_body *body, struct sql_stmts *out,
			   struct err *e)
{
	struct sql_opts o = {.d = r->d,
			     .as_sql = r->as_sql,
			     .file = sc->path,
			     .naming_convention_unknown = r->naming_convention_unknown,
			     .memo = r->memo,
			     .offline_rebuild = r->offline_rebuild,
			     .naming = r->naming};

	if (body->irreversible)
		return err_at(e, ERR_INPUT, sc->path, body->irreversible_line,
			      "revision %s cannot be run %s: %s", sc->id,
			      up ? "upward" : "downward",
			      body->irreversible_msg ? body->irreversible_msg : "it raises");
	if (sql_compile_body(a, &o, body, out, e) < 0) {
		if (!e->file[0])
			snprintf(e->file, sizeof(e->file), "%s", sc->path);
		return -1;
	}
	return 0;
}

int run_body_compile(struct arena *a, const struct run_body_req *r, const struct script *sc,
		     bool up, struct sql_stmts *out, struct err *e)
{
	struct mig_body body;

	memset(out, 0, sizeof(*out));
	if (run_body_ops(a, r, sc, up, &body, e) < 0)
		return -1;
	return run_compile_ops(a, r, sc, up, &body, out, e);
}

int run_body_live(struct arena *a, const struct run_body_req *r, const struct script *sc, bool up,
		  struct run_insp *ri, struct sql_stmts *out, struct err *e)
{
	struct run_body_req live = *r;
	struct py_body body;
	struct mig_body mb;
	size_t done;

	memset(out, 0, sizeof(*out));
	live.inspector = run_insp_inspector(ri);
	if (run_eval_py(a, &live, sc, up ? "upgrade" : "downgrade", &body, e) < 0)
		return -1;
	done = run_insp_executed(ri);
	body.ops += done;
	body.n_ops -= done;
	if (py_bind_body(a, sc->path, &body, &mb, e) < 0)
		return -1;
	return run_compile_ops(a, r, sc, up, &mb, out, e);
}
