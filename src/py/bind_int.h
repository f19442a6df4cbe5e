/*
 * bind_int.h - what the binder's files share (bind.c: the op table;
 * bind_args.c: argument matching and value readers; bind_schema.c: the
 * sa.* schema constructs).
 */
#ifndef PY_BIND_INT_H
#define PY_BIND_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "py/bind.h"
#include "schema/type.h"

#define BIND_MAX_PARAMS 16

struct bind_ctx {
	struct arena *a;          /* arena of the run */
	const char *file;         /* revision file, for positions */
	struct err *e;            /* error out */
	int line, col;            /* the statement being bound (fallback position) */
	const char *batch_table;  /* inside a batch block: its table */
	const char *batch_schema; /* ... and schema */
	const struct pyv *call;   /* the call being bound */
};

/* A Python signature: positional-or-keyword parameters, then *args / **kw. */
struct bind_sig {
	const char *name;                    /* function name for messages */
	const char *params[BIND_MAX_PARAMS]; /* parameter names in order */
	size_t n_params;                     /* their number */
	size_t n_required;                   /* the leading ones without default */
	bool varargs;                        /* takes *args */
	bool varkw;                          /* takes **kw */
	bool self;                           /* a bound method: "takes N" counts self */
};

/* A call matched against a signature. */
struct bind_args {
	const struct pyv *v[BIND_MAX_PARAMS]; /* by parameter index; NULL = not given */
	const struct pyv *const *rest;        /* extra positional arguments (*args) */
	size_t n_rest;                        /* their number */
	struct sch_kwargs kw;                 /* extra keywords (**kw), written order */
};

int bind_fail(struct bind_ctx *x, const struct pyv *at, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Matches call against sig (Python's rules and TypeError texts). */
int bind_args(struct bind_ctx *x, const struct pyv *call, const struct bind_sig *sig,
	      struct bind_args *out);
/* Argument name of sig, NULL when absent or None. */
const struct pyv *bind_arg(const struct bind_args *a, const struct bind_sig *sig, const char *name);
/* Argument name of sig as given (None kept), NULL when absent. */
const struct pyv *bind_arg_raw(const struct bind_args *a, const struct bind_sig *sig,
			       const char *name);
/* A name: a str or op.f("...") (*final set); None allowed when asked. */
int bind_name(struct bind_ctx *x, const struct pyv *v, const char *what, bool allow_none,
	      const char **out, bool *final);
/* A list/tuple of names. */
int bind_names(struct bind_ctx *x, const struct pyv *v, const char *what, struct strvec *out);
/* True/False/None. */
int bind_tristate(struct bind_ctx *x, const struct pyv *v, const char *what,
		  enum sch_tristate *out);
/* sa.text("...") / sa.literal_column("...") of one string. */
bool bind_is_text(const struct pyv *v);
/* An expression: a str is SQL text when str_is_text (CHECK, Computed), else
 * a literal value (server_default). */
const struct sch_expr *bind_expr(struct bind_ctx *x, const struct pyv *v, bool str_is_text);
/* A type expression (sch_type_from_pyv); NULL for absent/None. */
int bind_type(struct bind_ctx *x, const struct pyv *v, const struct sch_type **out);
bool bind_is_call(const struct pyv *v, const char *name);
/* Python truthiness of the literal kinds (calls count as true). */
bool bind_truthy(const struct pyv *v);

/* bind_schema.c */
int bind_column(struct bind_ctx *x, const struct pyv *v, struct sch_column **out);
int bind_constraint(struct bind_ctx *x, const struct pyv *v, struct sch_constraint **out);
int bind_index_obj(struct bind_ctx *x, const struct pyv *v, struct sch_index **out);
/* Index elements from a list of names / sa.text / expressions. */
int bind_index_elems(struct bind_ctx *x, const struct pyv *v, struct sch_index *ix);
/* sa.table("t", sa.column("a", sa.Integer), ..., schema=) */
int bind_table_clause(struct bind_ctx *x, const struct pyv *v, struct sch_table **out);
/* Is v one of the schema items a create_table takes besides columns? */
bool bind_is_constraint(const struct pyv *v);

#endif
