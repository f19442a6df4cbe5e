/*
 * type.h - column types, independent of any dialect: what a type expression
 * of a revision (sa.String(50), sa.Numeric(10, 2), postgresql.ARRAY(sa.Integer),
 * sa.Enum("a", "b", name="e"), sqlmodel.sql.sqltypes.AutoString(), ...) or an
 * introspected column type means.  Rendering for a dialect is src/sql/'s job
 * (sql_type_ddl in src/sql/type_ddl.c), exactly as SQLAlchemy 1.4's type
 * compilers (GenericTypeCompiler and the dialects' subclasses) do it.
 *
 * One table of type facts (src/schema/type.c): a const row per type class
 * (canonical name, the Python signature it accepts, the family it belongs to,
 * the SQLAlchemy visit name the dialect compilers dispatch on).  Arguments are
 * checked against the signature with Python's TypeError wording and stored in
 * the typed fields below; a field a class does not take keeps its default.
 *
 * Contract (owned by the types module):
 *   sch_type_from_pyv  - a PYV_REF / PYV_CALL type expression -> struct sch_type,
 *                        ERR_INPUT with file, line and col for an unknown type or
 *                        a wrong argument (Python's TypeError wording);
 *   sql_type_ddl       - the DDL text of a type for a dialect name ("sqlite",
 *                        "postgresql", "mysql", "mariadb"); ERR_INPUT with
 *                        SQLAlchemy's CompileError text when the dialect cannot
 *                        render it ("VARCHAR requires a length on dialect mysql");
 *   sch_type_extra     - what a column of the type adds (PostgreSQL CREATE TYPE,
 *                        the CHECK of create_constraint=True);
 *   sch_type_int_kind  - SERIAL / AUTOINCREMENT decisions;
 *   sch_type_render_py - the type as Alembic's autogenerate writes it (type_py.c);
 *   sch_type_from_sql  - a reflected type as SQLAlchemy builds it (type_sql.c).
 * Pure: no I/O.  Everything lives in the caller's arena; returned pointers
 * stay valid as long as that arena.
 */
#ifndef SCHEMA_TYPE_H
#define SCHEMA_TYPE_H

#include <stdbool.h>
#include <stddef.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"
#include "py/value.h"

struct sch_type_class; /* a row of the type table (type.c); opaque */

/* What a type is, for decisions that do not depend on its exact class
 * (SQLAlchemy's _type_affinity, roughly). */
enum sch_type_family {
	SCH_T_OTHER,    /* anything not below (PickleType, INET, TSVECTOR, ranges, ...) */
	SCH_T_STRING,   /* String and subclasses (VARCHAR, Text, CHAR, AutoString, ...) */
	SCH_T_INTEGER,  /* Integer and subclasses (SMALLINT, BIGINT, TINYINT, ...) */
	SCH_T_NUMERIC,  /* Numeric and subclasses incl. Float, REAL, DOUBLE */
	SCH_T_BOOLEAN,  /* Boolean, BOOLEAN */
	SCH_T_DATE,     /* Date */
	SCH_T_DATETIME, /* DateTime, TIMESTAMP, DATETIME */
	SCH_T_TIME,     /* Time */
	SCH_T_INTERVAL, /* Interval, postgresql.INTERVAL */
	SCH_T_BINARY,   /* LargeBinary, BLOB, BINARY, VARBINARY, BYTEA */
	SCH_T_ENUM,     /* Enum, postgresql.ENUM, mysql.ENUM */
	SCH_T_JSON,     /* JSON, JSONB */
	SCH_T_ARRAY,    /* ARRAY */
	SCH_T_UUID,     /* postgresql.UUID, Uuid/UUID (2.0), sqlmodel GUID */
};

/* Integer kinds, as PostgreSQL's SERIAL rule and SQLite's AUTOINCREMENT
 * rule see a type (SQLAlchemy: isinstance(impl, Integer/SmallInteger/BigInteger)). */
enum sch_int_kind {
	SCH_INT_NONE,  /* not an integer type */
	SCH_INT_SMALL, /* SmallInteger family: SMALLSERIAL */
	SCH_INT_PLAIN, /* Integer (incl. mysql TINYINT/MEDIUMINT): SERIAL */
	SCH_INT_BIG,   /* BigInteger family: BIGSERIAL */
};

struct sch_type;

/* One .with_variant(type, dialect_name) of a type. */
struct sch_type_variant {
	const char *dialect;         /* dialect name as given ("postgresql", "mysql", ...) */
	const struct sch_type *type; /* the type used on that dialect */
};

/*
 * A column type.  Integer fields use -1 for "not given" (None in Python);
 * string fields NULL.  Only the fields the class's signature accepts are
 * ever set; the rest keep the defaults sch_type_from_pyv gives.
 */
struct sch_type {
	const char *name;                 /* canonical class name ("sqlalchemy.String") */
	const struct sch_type_class *cls; /* its row in the type table */
	enum sch_type_family family;      /* family, from the row */
	int line, col;                    /* where the expression was written (0: unknown) */
	/* strings, binaries, bits */
	long long length;                      /* String/LargeBinary/BIT/Enum length, -1 none */
	const char *collation;                 /* collation= */
	const char *charset;                   /* mysql charset= */
	bool ascii, binary, unicode, national; /* mysql string flags */
	bool varying;                          /* postgresql BIT(varying=True) */
	bool expect_unicode; /* String _expect_unicode= (Python side; repr shows it) */
	/* numbers */
	long long precision; /* Numeric/Float precision; TIMESTAMP/TIME/INTERVAL precision */
	long long scale;     /* Numeric scale */
	long long decimal_return_scale; /* Python-side only; -1 none */
	bool asdecimal;                 /* Numeric: True, Float: False by default */
	long long display_width;        /* mysql integer display width / YEAR width */
	bool is_unsigned, zerofill;     /* mysql numeric flags */
	/* time */
	bool timezone;              /* DateTime/Time/TIMESTAMP timezone= */
	long long fsp;              /* mysql DATETIME/TIMESTAMP/TIME fsp= */
	bool native;                /* Interval native= (default True) */
	long long second_precision; /* Interval second_precision= */
	long long day_precision;    /* Interval day_precision= */
	const char *fields;         /* postgresql INTERVAL fields= ("DAY TO SECOND") */
	const char *storage_format; /* sqlite DATETIME/DATE/TIME storage_format= */
	const char *regexp;         /* sqlite regexp= */
	/* Boolean / Enum constraint */
	bool create_constraint; /* Boolean/Enum create_constraint= (1.4 default False) */
	const char *name_arg;   /* name=: an Enum's type name (also its CHECK's name),
					      a Boolean's CHECK name; NULL if not given */
	/* enums and sets */
	const char *const *values; /* Enum/ENUM/SET values in order */
	size_t n_values;           /* their number */
	const char *schema;        /* Enum schema= (with inherit_schema the caller
					      sets it from the table: SchemaType._set_table) */
	bool native_enum;          /* Enum native_enum= (default True) */
	bool create_type;          /* postgresql.ENUM create_type= (default True) */
	bool repr_create_type;     /* its repr writes create_type=False (only a type
					      sch_type_enum_existing built) */
	bool inherit_schema;       /* Enum inherit_schema= */
	bool retrieve_as_bitwise;  /* mysql SET retrieve_as_bitwise= */
	/* containers and others */
	const struct sch_type *item; /* ARRAY item_type; PickleType impl= (NULL: LargeBinary) */
	long long dimensions;        /* ARRAY dimensions=, -1 none */
	bool as_tuple, zero_indexes; /* ARRAY flags (Python side only) */
	bool as_uuid;                /* UUID as_uuid= (1.4 default False; Uuid True) */
	bool native_uuid;            /* Uuid native_uuid= (2.0, default True) */
	bool none_as_null;           /* JSON none_as_null= */
	const struct sch_type_variant *variants; /* .with_variant(...) in call order */
	size_t n_variants;                       /* their number */
	const struct pyv *src;                   /* the expression it came from, NULL if built */
};

/* What a type needs created beside the column, on one dialect
 * (SQLAlchemy's SchemaType events: Enum._on_table_create, CHECK constraints). */
struct sch_type_extra {
	bool create_type;          /* PostgreSQL: CREATE TYPE name AS ENUM (...) before the table */
	const char *type_name;     /* its name (unquoted), NULL if none */
	const char *type_schema;   /* its schema (unquoted), NULL for the default */
	const char *const *values; /* the enum's values: of the CREATE TYPE, or of an enum CHECK */
	size_t n_values;           /* their number */
	bool has_check;            /* a CHECK constraint on the column is emitted */
	const char *check_name;    /* the constraint's name (unquoted), NULL if unnamed */
	bool check_is_bool;        /* CHECK (col IN (0, 1)) rather than an enum value list */
	bool create_type_fails;    /* postgresql.ENUM on MySQL/MariaDB: SQLAlchemy 1.4's
				      ENUM.create runs (MySQL supports native enums) and its
				      CreateEnumType reaches MySQL's DDL compiler, which cannot
				      render it (UnsupportedCompilationError) */
};

/*
 * Builds the type of expression v (PYV_REF "sqlalchemy.Integer", PYV_CALL
 * "sqlalchemy.String" with args, or a PYV_CALL of with_variant on a type).
 * file names the revision for error positions.  On success *out points into
 * arena a.  Errors (ERR_INPUT, file/line/col set): an unknown type name
 * ("unknown column type 'sa.Foo'"), a wrong argument as Python's TypeError
 * ("String() got an unexpected keyword argument 'lenght'"), an argument of
 * the wrong kind, a construct we cannot know without Python (an Enum of a
 * Python enum class, values_callable=).
 */
int sch_type_from_pyv(struct arena *a, const char *file, const struct pyv *v,
		      const struct sch_type **out, struct err *e);

/* An enum type as reflection lists it (PGDialect._load_enums). */
struct sch_enum_def {
	const char *schema;        /* its schema */
	const char *name;          /* its name */
	bool visible;              /* in the search path: format_type() writes it unqualified */
	const char *const *labels; /* its values in order */
	size_t n_labels;           /* their number */
};

/*
 * A reflected column type, as SQLAlchemy 1.4's reflection builds it:
 * PostgreSQL's format_type() text ("character varying(50)", "integer[]",
 * "timestamp(3) with time zone", an enum's name) through
 * PGDialect._get_column_info with its ischema_names and enums[0..n_enums);
 * SQLite's declared type through SQLiteDialect._resolve_type_affinity
 * (upper-cased, as get_columns does).  A type neither knows is NullType
 * (SQLAlchemy warns "Did not recognize type"), which compiles to no DDL.
 * ERR_INPUT only for a dialect without reflection rules.
 */
int sch_type_from_sql(struct arena *a, const char *dialect, const char *sql,
		      const struct sch_enum_def *enums, size_t n_enums, const struct sch_type **out,
		      struct err *e);

/* The type effectively used on dialect (a with_variant for it, else t);
 * "mariadb" also takes a "mysql" variant, as SQLAlchemy 1.4 does. */
const struct sch_type *sch_type_for_dialect(const struct sch_type *t, const char *dialect);

/* Integer kind of t on dialect (variants and TypeDecorators resolved). */
enum sch_int_kind sch_type_int_kind(const struct sch_type *t, const char *dialect);

/* A copy of t, a native enum (sa.Enum or postgresql.ENUM, no variants,
 * creating its type) or an ARRAY of one, with the enum as
 * postgresql.ENUM(..., create_type=False) whose repr says so: for a column
 * whose type already exists (autogenerate's ag_enum_types).  NULL when t is
 * not such a type. */
const struct sch_type *sch_type_enum_existing(struct arena *a, const struct sch_type *t);

/* What t needs besides its column type on dialect (see struct sch_type_extra).
 * Fills *x (zeroed first).  Returns -1 with ERR_INPUT where SQLAlchemy
 * raises (a native PostgreSQL ENUM without a name). */
int sch_type_extra(const struct sch_type *t, const char *dialect, struct sch_type_extra *x,
		   struct err *e);

/* Appends the text of t's CHECK constraint body for column qcol (already
 * quoted), as SQLAlchemy renders it: "qcol IN (0, 1)" or "qcol IN ('a', 'b')"
 * with quotes doubled only (SQLite; online).  Offline PostgreSQL/MySQL
 * also double '%' and backslashes in the literals (String.literal_processor):
 * such callers render x->values themselves.  Only meaningful when
 * sch_type_extra said has_check. */
void sch_type_check_sql(const struct sch_type *t, const char *dialect, const char *qcol,
			struct buf *out);

/*
 * Appends t as Alembic 1.8.1's autogenerate writes it in a revision
 * (render._repr_type with sqlalchemy_module_prefix "sa." and no
 * user_module_prefix) when the migration context's dialect is dialect:
 * "sa.String(length=50)", "postgresql.JSONB(astext_type=sa.Text())",
 * "sqlmodel.sql.sqltypes.AutoString()", "sa.Text().with_variant(...)".
 * Adds the "from sqlalchemy.dialects import X" lines it needs to imports
 * (if not NULL; no duplicates).  Never fails.
 */
struct strvec;
void sch_type_render_py(struct arena *a, const struct sch_type *t, const char *dialect,
			struct buf *out, struct strvec *imports);

/*
 * Appends the DDL of t for dialect ("sqlite", "postgresql", "mysql",
 * "mariadb") to out, as SQLAlchemy 1.4 compiles it (variants chosen,
 * TypeDecorators resolved, generic types adapted to the dialect).  A
 * PostgreSQL ENUM renders its (quoted, schema-qualified) name.  Returns -1
 * with ERR_INPUT and SQLAlchemy's CompileError text (positioned at the
 * type's line:col) when the dialect cannot render t, or for an unknown
 * dialect.
 */
int sql_type_ddl(struct arena *a, const char *dialect, const struct sch_type *t, struct buf *out,
		 struct err *e);

#endif
