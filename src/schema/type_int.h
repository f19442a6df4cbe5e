/*
 * type_int.h - the row of the type table (src/schema/type.c), shared by the
 * type builder and the dialect type compilers (src/sql/type_ddl.c) only.
 * Everything else sees struct sch_type_class as opaque (schema/type.h).
 */
#ifndef SCHEMA_TYPE_INT_H
#define SCHEMA_TYPE_INT_H

#include "schema/type.h"

/* Class flags. */
enum {
	TC_VARARGS = 1 << 0,   /* takes *values (Enum, ENUM, SET) */
	TC_ANYKW = 1 << 1,     /* unknown keywords are ignored (Enum's **kw reaches SchemaType) */
	TC_NOINIT = 1 << 2,    /* no __init__ of its own: "X() takes no arguments" */
	TC_MYSQL = 1 << 3,     /* a mysql.* _StringType/_NumericType: MySQL extensions render */
	TC_SQLITE_DT = 1 << 4, /* a sqlite _DateTimeMixin type: storage_format decides *_CHAR */
	TC_REQ1 = 1 << 5,      /* the first positional parameter is required (ARRAY item_type) */
	TC_PG_ENUM = 1 << 6,   /* postgresql.ENUM: always native, create_type */
	TC_V20 = 1 << 7,       /* SQLAlchemy 2.0 name: DDL documented, not recorded */
	TC_REFLECT = 1 << 8,   /* made by reflection only (NullType), never written */
};

/* One type class: its canonical name, Python signature and compile rule. */
struct sch_type_class {
	const char *name;     /* canonical name ("sqlalchemy.String") */
	const char *pyname;   /* the class's __name__ ("INTEGER" for sa.INT) */
	const char *initname; /* owner of __init__ in Python's messages ("String") */
	const char *kwname;   /* owner named for an unknown keyword (Unicode's **kw: "String") */
	const char *visit;    /* the compiler rule (SQLAlchemy's __visit_name__, or ours for
				   TypeDecorators: "interval", "pickle", "autostring", "guid") */
	enum sch_type_family family; /* family (type.h) */
	enum sch_int_kind int_kind;  /* integer kind, SCH_INT_NONE for non-integers */
	const char *pos;    /* positional-or-keyword parameters after self, space separated */
	const char *kwonly; /* further keywords accepted (from **kw), space separated */
	unsigned flags;     /* TC_* */
};

/* What a parameter takes. */
enum param_kind {
	PK_INT,     /* int or None -> long long field (-1: None) */
	PK_BOOL,    /* truth value -> bool field */
	PK_STR,     /* str or None -> const char * field */
	PK_TYPE,    /* a type expression -> const struct sch_type * field */
	PK_ANY,     /* accepted, no effect on DDL (Python-side options) */
	PK_ANYTYPE, /* a type expression, checked, not kept (astext_type, text_type) */
	PK_REFUSE,  /* needs Python to evaluate (values_callable) */
};

/* The field of t that parameter name fills (kind set), or NULL for a
 * parameter with no field (accepted and ignored). */
const void *type_param_field(const struct sch_type *t, const char *name, enum param_kind *kind);

/* A type of class name with its constructor's defaults (reflection builds
 * the rest); NULL for an unknown name.  ARRAY's item is left NULL. */
struct sch_type *type_make(struct arena *a, const char *name);

#endif
