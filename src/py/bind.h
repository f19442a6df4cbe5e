/*
 * bind.h - binds what a revision's upgrade()/downgrade() does (struct
 * py_body of evaluated calls, py/value.h) to migration operations (struct
 * mig_body, schema/schema.h): op.* and batch_op.* calls with Python's call
 * semantics, and the sa.* constructs they take (Column, constraints, Index,
 * Identity, Computed, sa.table/sa.column, sa.text, op.f).
 *
 * One const table of operations (bind.c): name, positional parameters,
 * whether it takes *args / **kw, and the function filling the mig_op.
 * Arguments are matched as Python does (positional, then keywords); a
 * missing required argument, an unexpected keyword or an argument given
 * twice is ERR_INPUT at the call's file:line:col with Python's TypeError
 * text ("create_table() missing 1 required positional argument:
 * 'table_name'", "add_column() got an unexpected keyword argument
 * 'nulable'").  Type expressions go through sch_type_from_pyv (types
 * module).  Constructs we cannot bind are refused the same way, naming the
 * construct; nothing is partial.
 *
 * Pure: no I/O.  Everything lives in the caller's arena.
 */
#ifndef PY_BIND_H
#define PY_BIND_H

#include "base/arena.h"
#include "base/err.h"
#include "py/value.h"
#include "schema/schema.h"

/* Binds body (evaluated from file) to *out.  An irreversible body is kept
 * irreversible (refused only when run). */
int py_bind_body(struct arena *a, const char *file, const struct py_body *body,
		 struct mig_body *out, struct err *e);

#endif
