/*
 * eval_int.h - the evaluator's internals shared by eval.c (statements,
 * expressions, scopes), known.c (the one table of known names and the
 * handlers of special ones), lit.c (operations on literal values and the
 * builtins) and env.c (env.py reading).  Not a public interface.
 */
#ifndef PY_EVAL_INT_H
#define PY_EVAL_INT_H

#include <stdarg.h>

#include "py/ast.h"
#include "py/py.h"

#define EV_CALL_DEPTH_MAX 32 /* helper calls nested (recursion bounded) */
#define EV_LOOP_MAX 100000   /* iterations of all loops of one evaluation */

struct ev_binding {
	const char *name;      /* bound name */
	const struct pyv *val; /* its value */
};

struct ev_scope {
	struct ev_binding *v;          /* bindings, in order of first binding */
	size_t n;                      /* used */
	size_t cap;                    /* allocated */
	struct ev_scope *parent;       /* enclosing scope (module scope: NULL) */
	const struct py_stmt *globals; /* not used: "global" names are in gnames */
	const char **gnames;           /* names declared global in this function */
	size_t n_gnames;               /* their number */
};

struct ev_oplist {
	struct py_op *v; /* operations in order */
	size_t n;        /* used */
	size_t cap;      /* allocated */
};

struct ev_batch {
	bool is_open; /* inside its with block */
	int line;     /* line of the with statement */
};

enum ev_flow {
	FLOW_NONE,     /* straight on */
	FLOW_RETURN,   /* return: ev->ret holds the value */
	FLOW_BREAK,    /* break */
	FLOW_CONTINUE, /* continue */
	FLOW_RAISE,    /* raise: the function is irreversible; everything stops */
};

/* The arguments of a call, evaluated. */
struct ev_args {
	const struct pyv **pos; /* positional values (a *list spread) */
	size_t n_pos;           /* their number */
	struct pyv_kwarg *kw;   /* keyword values in written order (a **dict spread) */
	size_t n_kw;            /* their number */
};

struct ev {
	struct arena *a;                 /* values */
	const struct py_module *m;       /* the module */
	const char *file;                /* for messages */
	const struct py_eval_ctx *ctx;   /* revision mode: dialect, as_sql, -x; NULL in env mode */
	const struct py_env_in *env;     /* env.py mode: lookups; NULL in revision mode */
	struct py_env_out *env_out;      /* env.py mode: what is recorded */
	const char *cur_function;        /* env.py mode: the function whose body is read */
	struct err *e;                   /* error out */
	struct ev_scope *module;         /* module scope */
	struct ev_scope *scope;          /* the current function's scope; NULL at module level */
	struct ev_oplist *ops;           /* where op.* calls go; NULL at module level */
	struct ev_batch *batches;        /* batch_alter_table blocks seen */
	size_t n_batches;                /* their number */
	const struct py_expr *with_expr; /* the context expression of the with being entered */
	int depth;                       /* helper call depth */
	long loops;                      /* loop iterations so far */
	enum ev_flow flow;               /* control flow out of the current statement */
	const struct pyv *ret;           /* FLOW_RETURN value */
	const char *fn_name;             /* "upgrade" / "downgrade" */
	struct py_body *body;            /* irreversible goes here */
	const char *unset_var;     /* env.py mode: the unset variable the last error is about */
	struct ev_oplist *top_ops; /* the function's own operation list (not a with block's) */
	struct ev_insp *insp;      /* inspectors made so far and their caches (inspect.c) */
};

/* Sets e (ERR_INPUT, file:line:col) and returns NULL. */
void *ev_fail(struct ev *ev, int line, int col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* The same at node x. */
void *ev_fail_at(struct ev *ev, const struct py_expr *x, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* A new value of kind k positioned at x (x may be NULL: line 0). */
struct pyv *ev_new(struct ev *ev, enum pyv_kind k, const struct py_expr *x);
struct pyv *ev_str(struct ev *ev, const char *s, size_t n, const struct py_expr *x);
struct pyv *ev_int(struct ev *ev, long long i, const struct py_expr *x);
struct pyv *ev_bool(struct ev *ev, bool b, const struct py_expr *x);
struct pyv *ev_ref(struct ev *ev, const char *name, const struct py_expr *x);
/* An OPAQUE value: using it fails with why at line:col (line 0: at the use). */
struct pyv *ev_opaque(struct ev *ev, const char *why, int line, int col);
/* Fails with an OPAQUE value's reason, at its origin or at x. */
void *ev_fail_opaque(struct ev *ev, const struct pyv *v, const struct py_expr *x);

/* ---- env.c ---- */
/* Source-like text of an expression for messages ("SQLModel.metadata", "f(...)"). */
const char *ev_expr_text(struct ev *ev, const struct py_expr *x);

/* ---- eval.c ---- */
/* Appends x to the arena array *v of *n values (linear growth). */
void ev_vpush(struct ev *ev, const struct pyv ***v, size_t *n, const struct pyv *x);
const struct pyv *ev_expr(struct ev *ev, const struct py_expr *x);
int ev_block(struct ev *ev, const struct py_block *b);
/* Calls a function defined in the file. */
const struct pyv *ev_call_func(struct ev *ev, const struct py_expr *call, const struct pyv *fn,
			       const struct ev_args *args);
void ev_bind(struct ev *ev, struct ev_scope *sc, const char *name, const struct pyv *v);
int ev_module(struct ev *ev);
struct ev_scope *ev_cur_scope(struct ev *ev);
/* Appends an operation to the current list (error at module level). */
int ev_push_op(struct ev *ev, const struct py_expr *at, const struct pyv *call,
	       const struct py_op *body, size_t n_body);

/* ---- known.c ---- */
/* The canonical spelling of a dotted name (value.h's rules). */
const char *known_canon(struct ev *ev, const char *name);
/* Whether module (dotted) is one the evaluator knows (an import of it is not the application's). */
bool known_module(const char *module);
/* Whether module is in Python's standard library (for messages only). */
bool known_stdlib(const char *module);
/* Whether module is a package from PyPI that migrations use (for messages only). */
bool known_third_party(const char *module);
/* Attribute attr of the known-name reference ref. */
const struct pyv *known_attr(struct ev *ev, const struct py_expr *x, const struct pyv *ref,
			     const char *attr);
/* A call of the known-name reference fn with evaluated arguments. */
const struct pyv *known_call(struct ev *ev, const struct py_expr *call, const struct pyv *fn,
			     const struct ev_args *args);
/* ref[key] of a known name (os.environ["X"]). */
const struct pyv *known_subscript(struct ev *ev, const struct py_expr *x, const struct pyv *ref,
				  const struct pyv *key);
/* The value of a builtin name (len, range, NotImplementedError ...) or NULL. */
const struct pyv *known_builtin(struct ev *ev, const char *name, const struct py_expr *x);
/* Whether v is a SQL expression value (operators on it build operator.* calls). */
bool known_is_sql(const struct pyv *v);
/* The PYV_CALL value of a call of the known name (sa.Column(...)): a value for the binder. */
const struct pyv *known_value_call(struct ev *ev, const struct py_expr *x, const char *name,
				   const struct ev_args *args);

/* ---- inspect.c ---- */
/* sa.inspect(bind) / Inspector.from_engine(bind): a new "alembic.inspector" handle. */
const struct pyv *insp_new(struct ev *ev, const struct py_expr *x, const struct pyv *fn,
			   const struct ev_args *args);
/* A method of an inspector handle (fn->name "alembic.inspector.<method>"). */
const struct pyv *insp_call(struct ev *ev, const struct py_expr *x, const struct pyv *fn,
			    const struct ev_args *args);
/* sa.Table(name, meta, ...): with autoload_with=bind (or autoload=True and
 * sa.MetaData(bind=bind)) the table reflected from the database, as the
 * sa.Table(name, meta, sa.Column(...)...) value the binder reads; else the
 * plain value. */
const struct pyv *insp_table(struct ev *ev, const struct py_expr *x, const struct pyv *fn,
			     const struct ev_args *args);
/* t.c.<col>.type / .name / .nullable of a table value's column (recv is
 * t.c.<col>); NULL without an error when recv is not such a column. */
const struct pyv *insp_column_attr(struct ev *ev, const struct py_expr *x, const struct pyv *recv,
				   const char *attr);
/* t.c.keys() of a table value (recv is t.c): its column names; a method
 * that executes the value itself (.execute(), .create(bind), ...) is
 * refused; NULL without an error for any other method. */
const struct pyv *insp_columns_method(struct ev *ev, const struct py_expr *x,
				      const struct pyv *recv, const char *method,
				      const struct ev_args *args);
/* meta.tables["name"] of a sa.MetaData value (v is meta.tables): the
 * sa.Table made in it; NULL without an error when v is not such a value. */
const struct pyv *insp_meta_table(struct ev *ev, const struct py_expr *x, const struct pyv *v,
				  const struct pyv *key);
/* meta.bind = X rebinds a name from the sa.MetaData value old to its copy
 * new (eval.c): the tables made in old are new's from then on. */
void insp_meta_rebound(struct ev *ev, const struct pyv *old, const struct pyv *now);
/* inspector.default_schema_name. */
const struct pyv *insp_default_schema(struct ev *ev, const struct py_expr *x, const struct pyv *fn,
				      const struct ev_args *args);

/* ---- lit.c ---- */
/* Python truthiness; -1 with e set when not known without Python. */
int lit_truth(struct ev *ev, const struct pyv *v, const struct py_expr *x);
/* Binary operator op ("+", "%", ...) on two values. */
const struct pyv *lit_binop(struct ev *ev, const struct py_expr *x, const char *op,
			    const struct pyv *l, const struct pyv *r);
const struct pyv *lit_unary(struct ev *ev, const struct py_expr *x, const char *op,
			    const struct pyv *v);
/* Comparison op ("==", "in", "is not", ...). */
const struct pyv *lit_compare(struct ev *ev, const struct py_expr *x, const char *op,
			      const struct pyv *l, const struct pyv *r);
/* str(v) into b; -1 with e set for values without a known text. */
int lit_str(struct ev *ev, const struct py_expr *x, const struct pyv *v, struct buf *b);
/* The items of an iterable (list, tuple, str, dict keys); NULL with e set otherwise. */
const struct pyv *const *lit_iter(struct ev *ev, const struct py_expr *x, const struct pyv *v,
				  size_t *n);
/* v[key] for literal containers. */
const struct pyv *lit_subscript(struct ev *ev, const struct py_expr *x, const struct pyv *v,
				const struct pyv *key);
/* A method of a literal value (str.format, dict.get, ...); NULL with e set. */
const struct pyv *lit_method(struct ev *ev, const struct py_expr *call, const struct pyv *recv,
			     const char *name, const struct ev_args *args);
/* A builtin function (len, range, zip, str, ..., json.dumps) called with args. */
const struct pyv *lit_builtin(struct ev *ev, const struct py_expr *x, const char *name,
			      const struct ev_args *args);
/* Structural equality of two literal values. */
bool lit_equal(const struct pyv *l, const struct pyv *r);
bool lit_is_literal(const struct pyv *v);
/* A sequence value of kind (PYV_LIST/PYV_TUPLE) from items[0..n). */
/* The first set inside v (its items, keys, arguments, receiver), or NULL: a set must not
 * reach an operation, whose SQL would follow Python's hash order (ev_push_op). */
const struct pyv *lit_find_set(const struct pyv *v, int depth);
/* A set of items (refused unless each is a hashable literal); duplicates dropped. */
const struct pyv *lit_set(struct ev *ev, const struct py_expr *x, const struct pyv *const *items,
			  size_t n);
struct pyv *lit_seq(struct ev *ev, enum pyv_kind kind, const struct pyv **items, size_t n,
		    const struct py_expr *x);

#endif
