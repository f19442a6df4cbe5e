/*
 * type.h - column types, independent of any dialect: what a type expression
 * of a revision (sa.String(50), sa.Numeric(10, 2), postgresql.ARRAY(sa.Integer),
 * sa.Enum("a", "b", name="e"), sqlmodel.sql.sqltypes.AutoString(), ...) or an
 * introspected column type means.  Rendering for a dialect is src/sql/'s job
 * (sql_type_ddl), exactly as SQLAlchemy 1.4's type compiler does it.
 *
 * Contract (owned by the types module; fields are documented where defined):
 *   sch_type_from_pyv  - a PYV_REF / PYV_CALL type expression -> struct sch_type,
 *                        ERR_INPUT with file line:col for an unknown type or a
 *                        wrong argument (Python's TypeError wording);
 *   sql_type_ddl       - the DDL text of a type for a dialect name ("sqlite",
 *                        "postgresql", "mysql", "mariadb", "mssql", "oracle");
 *                        ERR_INPUT when the dialect cannot render it (as
 *                        SQLAlchemy's CompileError).
 * Pure: no I/O.  Everything lives in the caller's arena.
 */
#ifndef SCHEMA_TYPE_H
#define SCHEMA_TYPE_H

#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"
#include "py/value.h"

struct sch_type;

int sch_type_from_pyv(struct arena *a, const char *file, const struct pyv *v,
		      const struct sch_type **out, struct err *e);

int sql_type_ddl(struct arena *a, const char *dialect, const struct sch_type *t,
		 struct buf *out, struct err *e);

#endif
