/*
 * value.h - the values the Python-subset evaluator (src/py/eval.c) produces,
 * and the one interface between the evaluator and the binder that turns
 * them into migration operations (src/py/bind.c -> src/schema/schema.h).
 *
 * The evaluator never "runs" SQLAlchemy: a call of a known name such as
 * sa.Column("id", sa.Integer(), nullable=False) evaluates to a PYV_CALL
 * holding the canonical qualified name and the evaluated arguments; a bare
 * known name such as sa.Integer evaluates to a PYV_REF.  Which calls exist
 * and what their arguments mean is the binder's business.
 *
 * Canonical names: every alias the file may use is resolved through its
 * imports to one spelling, the module path SQLAlchemy documents:
 *   sa.Column, sqlalchemy.Column, from sqlalchemy import Column  -> "sqlalchemy.Column"
 *   sa.types.String, sqlalchemy.sql.sqltypes.String              -> "sqlalchemy.String"
 *   postgresql.UUID, from sqlalchemy.dialects.postgresql import UUID
 *                                     -> "sqlalchemy.dialects.postgresql.UUID"
 *   sqlmodel.sql.sqltypes.AutoString, sqlmodel.AutoString       -> "sqlmodel.sql.sqltypes.AutoString"
 *   sa.func.now / sqlalchemy.sql.functions.now                   -> "sqlalchemy.func.now"
 *   sa.text, sqlalchemy.sql.expression.text, sa.sql.text         -> "sqlalchemy.text"
 *   op.f                                                        -> "alembic.op.f"
 *   op.<name> (statement position)                              -> "alembic.op.<name>"
 *   batch_op.<name> inside a batch block                        -> "alembic.batch_op.<name>"
 *   bind.execute / connection.execute (op.get_bind() result)    -> "alembic.bind.execute"
 *   datetime.datetime / datetime.date / decimal.Decimal / uuid.UUID -> as written
 *   a method called on a value (tbl.insert(), col.desc())       -> PYV_CALL, name the method
 *                                     as written ("insert", "desc"), receiver the value
 *   an attribute of a value (tbl.c, tbl.c.id)                   -> PYV_ATTR, name the attribute
 *   an operator on SQL expression values (t.c.x == 1, -col)     -> PYV_CALL "operator.eq",
 *     args the operands; names: operator.{eq,ne,lt,le,gt,ge,in,not_in,is,is_not,add,sub,
 *     mul,truediv,floordiv,mod,pow,and_,or_,xor,lshift,rshift,matmul,neg,pos,invert,not_}
 * sqlalchemy.types.X, sqlalchemy.sql.sqltypes.X and sqlalchemy.X are one name "sqlalchemy.X".
 *
 * Ownership: every value lives in the arena given to the evaluator.
 * Values are immutable once built (the evaluator copies on assignment).
 */
#ifndef PY_VALUE_H
#define PY_VALUE_H

#include <stdbool.h>
#include <stddef.h>

#include "base/arena.h"

enum pyv_kind {
	PYV_NONE,  /* None */
	PYV_BOOL,  /* True / False: b */
	PYV_INT,   /* an int that fits int64: i (text holds the literal as written) */
	PYV_FLOAT, /* a float: f (text holds Python's repr(), e.g. "0.5", "1e-05") */
	PYV_STR,   /* a str: s[0..len) decoded UTF-8 (may hold NUL) */
	PYV_BYTES, /* a bytes literal: s[0..len) raw bytes */
	PYV_TUPLE, /* items[0..n) */
	PYV_LIST,  /* items[0..n) */
	PYV_DICT,  /* keys[0..n) -> items[0..n), in insertion order (later keys replace) */
	PYV_REF,   /* a known name not called: name (e.g. "sqlalchemy.Integer") */
	PYV_CALL,  /* a call of a known name: name, args, kwargs; a method call: receiver too */
	PYV_ATTR,  /* an attribute of a value: receiver.name (tbl.c, tbl.c.id) */
	/* The kinds below are the evaluator's own and never reach a struct py_body. */
	PYV_FUNC,   /* a function defined in the file: def (its struct py_stmt), scope */
	PYV_OPAQUE, /* a value that cannot be known without Python: s says why, at line:col */
	PYV_SET,    /* a set of hashable literals: items[0..n), distinct (==), in the order first
		       seen; Python iterates it in hash order, which we do not know, so it is
		       only tested (in, len, truth, ==) or sorted, never iterated */
};

struct pyv;

struct pyv_kwarg {
	const char *key;       /* keyword as written */
	const struct pyv *val; /* its value */
};

struct pyv {
	enum pyv_kind kind;         /* which fields below mean something */
	int line;                   /* 1-based line of the expression's first token */
	int col;                    /* 1-based byte column of that token */
	bool b;                     /* PYV_BOOL */
	long long i;                /* PYV_INT */
	double f;                   /* PYV_FLOAT */
	const char *text;           /* PYV_INT/PYV_FLOAT: literal text; else NULL */
	const char *s;              /* PYV_STR/PYV_BYTES: contents, NUL-terminated copy */
	size_t len;                 /* PYV_STR/PYV_BYTES: length in bytes */
	const char *name;           /* PYV_REF/PYV_CALL: canonical qualified name */
	const struct pyv **items;   /* PYV_TUPLE/LIST/DICT values; PYV_CALL positional args */
	size_t n;                   /* number of items (PYV_CALL: number of positional args) */
	const struct pyv **keys;    /* PYV_DICT keys */
	const struct pyv_kwarg *kw; /* PYV_CALL keyword arguments, in written order */
	size_t n_kw;                /* their number */
	const struct pyv *receiver; /* PYV_CALL of a method on a value (e.g. the
					sa.table(...) of tbl.insert(), the column of
					col.desc()); PYV_ATTR: the value; NULL for plain calls */
	const char *unset_var;      /* PYV_NONE made by os.getenv("X") of an unset X
					(env.py reading): "X"; else NULL */
	const void *def;            /* PYV_FUNC: the struct py_stmt of the def (ast.h) */
	const void *scope;          /* PYV_FUNC: the scope it was defined in (eval.c) */
	int handle;                 /* PYV_REF "alembic.batch_op": which batch block (eval.c) */
};

/* One operation a migration function performs, in execution order. */
struct py_op {
	const struct pyv *call;   /* PYV_CALL "alembic.op.*", "alembic.batch_op.*" or
				     "alembic.bind.execute" (also bind.exec_driver_sql;
				     its result is never used); a with block is
				     "alembic.op.batch_alter_table" (args as written) or
				     "alembic.op.autocommit_block" (no args) */
	const struct py_op *body; /* batch_alter_table / autocommit_block: the ops inside
				     (batch_op.* calls, or op.* calls) */
	size_t n_body;            /* their number */
	int line;                 /* 1-based line of the call (of the with item's call) */
	int col;                  /* 1-based column */
};

/* What evaluating upgrade() or downgrade() for one dialect yields. */
struct py_body {
	const struct py_op *ops;      /* top-level operations in order */
	size_t n_ops;                 /* their number */
	bool irreversible;            /* the function raises (e.g. NotImplementedError): running
				     it is refused, with irreversible_msg at irreversible_line */
	const char *irreversible_msg; /* e.g. "downgrade() raises NotImplementedError(...)" */
	int irreversible_line;        /* its line */
	bool inspects;                /* the function inspected the database (sa.inspect): its
				     operations depend on the answers (also set on error) */
	bool inspect_answered;        /* an inspection was answered (or its callback failed):
				     an error may depend on the database's answers */
	size_t n_ops_unanswered;      /* inspect_answered: ops[0..this) were queued before the
				     first answer (what cannot depend on it) */
};

/* Keyword argument key of call c, or NULL. */
const struct pyv *pyv_kwarg(const struct pyv *c, const char *key);
/* Python repr()-like rendering for messages ("'abc'", "None", "sa.Integer()"). */
char *pyv_describe(struct arena *a, const struct pyv *v);
struct buf;
/* Appends Python's repr() of the str s[0..n) to b (quote choice and escapes as Python). */
void pyv_repr_str(struct buf *b, const char *s, size_t n);
/* Python's repr() of a float: the shortest text that reads back as f ("0.5", "1e-05"). */
char *pyv_float_repr(struct arena *a, double f);

#endif
