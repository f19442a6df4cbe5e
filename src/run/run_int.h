/*
 * run_int.h - what run.c and body.c share: compiling a revision's body to
 * statements (body.c).
 */
#ifndef RUN_RUN_INT_H
#define RUN_RUN_INT_H

#include <stdbool.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/vec.h"
#include "schema/schema.h"
#include "sql/ddl.h"

struct script;
struct db;
struct py_inspector;
struct py_op;

/* What compiling a .py body found out about its inspections (sa.inspect). */
struct run_body_flags {
	bool inspects;         /* it inspected the database: recompiled when it runs */
	bool inspect_answered; /* an inspection was answered: an error may depend on it */
};

/* What a body is compiled for. */
struct run_body_req {
	const struct sql_dialect *d;           /* the run's dialect */
	bool as_sql;                           /* offline */
	const char *naming_convention_unknown; /* see struct sql_opts */
	struct strvec *memo;                   /* the run's compile memo (PostgreSQL enum types) */
	const struct py_inspector *inspector;  /* answers sa.inspect (online); NULL: refused */
	struct run_body_flags *flags;          /* filled when not NULL */
	bool offline_rebuild;                  /* see struct sql_opts */
	const struct sch_naming *naming;       /* see struct sql_opts */
	const char *dialect_description;       /* "postgresql+psycopg2" (from the URL) or NULL */
};

/* The operations of sc's upgrade (up) or downgrade: a native section split
 * into MIG_EXECUTE ops, a .py function evaluated and bound.  ERR_INPUT with
 * file:line:col for what cannot be read or bound. */
int run_body_ops(struct arena *a, const struct run_body_req *r, const struct script *sc, bool up,
		 struct mig_body *out, struct err *e);

/* run_body_ops, then the DDL compiler: the statements to execute or print.
 * An irreversible body is refused here (only the direction that raises). */
int run_body_compile(struct arena *a, const struct run_body_req *r, const struct script *sc,
		     bool up, struct sql_stmts *out, struct err *e);

/* ---- inspect.c: the database as sa.inspect(bind) sees it ---- */

/* Runs statements for a live inspector (run.c's step executor); -1 with e
 * set once the run has rolled back. */
typedef int (*run_insp_exec_fn)(void *ctx, const struct sql_stmts *stmts, struct err *e);

struct run_insp;

/* An inspector over db.  Without exec it is the plan-time one: the
 * database as it is now, read once per schema and kept.  With exec it is
 * live: before each answer the operations the body queued since the last
 * one are bound, compiled (r, path) and run through exec, and the database
 * is read again. */
struct run_insp *run_insp_new(struct arena *a, struct db *db, const struct run_body_req *r,
			      const char *path, run_insp_exec_fn exec, void *exec_ctx);
const struct py_inspector *run_insp_inspector(struct run_insp *ri);
/* How many top-level operations of the body the live inspector has run. */
size_t run_insp_executed(const struct run_insp *ri);
/* Whether the last error came from running statements (already rolled back). */
bool run_insp_exec_failed(const struct run_insp *ri);

/* A live inspecting body's rest: the body evaluated again with the live
 * inspector (operations run as its inspections need them), then the
 * operations after the last run ones compiled into *out. */
int run_body_live(struct arena *a, const struct run_body_req *r, const struct script *sc, bool up,
		  struct run_insp *ri, struct sql_stmts *out, struct err *e);

/* Whether statement s is to run: its guard (an Enum's checkfirst: the
 * catalog query ddl.c made) asked on db, or true without one. */
int run_stmt_guarded(struct db *db, struct arena *a, const struct sql_stmt *s, bool *run,
		     struct err *e);

#endif
