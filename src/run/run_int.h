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

/* What a body is compiled for. */
struct run_body_req {
	const struct sql_dialect *d;	/* the run's dialect */
	bool as_sql;			/* offline */
	bool naming_convention_unknown; /* see struct sql_opts */
	struct strvec *memo;		/* the run's compile memo (PostgreSQL enum types) */
	const char *dialect_description; /* "postgresql+psycopg2" (from the URL) or NULL */
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

#endif
