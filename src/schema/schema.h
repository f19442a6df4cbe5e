/*
 * schema.h - the schema model (tables, columns, constraints, indexes) and
 * the migration-operations IR, shared by every producer and consumer:
 *   producers: src/py/bind.c (op.* calls of a .py revision), the native
 *              .sql reader (a section is a list of MIG_EXECUTE ops), the
 *              introspection of a live database (src/db/introspect_*.c, a
 *              struct sch_table per table) and, later, the autogenerate diff;
 *   consumers: src/sql/ (the DDL compiler, one file per dialect), src/run/
 *              (online and offline runs go through one path), the renderer.
 * Pure: no I/O.  Everything lives in the arena of the command run.
 *
 * Types are struct sch_type (schema/type.h): what a type expression such as
 * sa.String(length=50) or postgresql.ENUM("a", name="e") means, independent
 * of any dialect; src/sql/ renders it for a dialect.
 *
 * Expressions the model keeps as written (a server default, a CHECK
 * condition, an index expression, a postgresql_where) are struct sch_expr:
 * a string as the user gave it, a sa.text() fragment, or another evaluated
 * expression (e.g. sa.func.now(), sa.true()) kept as its struct pyv for the
 * dialect compiler to render.
 *
 * Names: `name_final` marks a name given through op.f() (or conv()): taken
 * as is; any other name is subject to the metadata's naming convention in
 * Alembic (see py/bind.c for what we do about it).
 */
#ifndef SCHEMA_SCHEMA_H
#define SCHEMA_SCHEMA_H

#include <stdbool.h>
#include <stddef.h>

#include "base/arena.h"
#include "base/vec.h"
#include "py/value.h"

struct sch_type; /* schema/type.h */

enum sch_expr_kind {
	SCH_EXPR_STR,  /* a plain Python string: a literal value, e.g. server_default="0" */
	SCH_EXPR_TEXT, /* sa.text("now()") / literal_column: raw SQL, rendered verbatim */
	SCH_EXPR_PYV,  /* anything else (sa.func.now(), sa.true(), ...): rendered from pyv */
};

struct sch_expr {
	enum sch_expr_kind kind; /* which of the fields holds it */
	const char *s;           /* SCH_EXPR_STR / SCH_EXPR_TEXT: the text */
	const struct pyv *pyv;   /* the expression as evaluated (always set when from .py) */
};

/* Dialect-specific keyword arguments (postgresql_using=..., sqlite_autoincrement=True,
 * mysql_engine="InnoDB", ...), in written order. */
struct sch_kwargs {
	const struct pyv_kwarg *v; /* key/value pairs */
	size_t n;                  /* their number */
};

enum sch_tristate {
	SCH_UNSET = 0, /* not given: the default applies */
	SCH_FALSE,     /* given False */
	SCH_TRUE,      /* given True */
};

enum sch_autoinc {
	SCH_AUTOINC_AUTO = 0,  /* "auto" (the default) */
	SCH_AUTOINC_TRUE,      /* autoincrement=True */
	SCH_AUTOINC_FALSE,     /* autoincrement=False */
	SCH_AUTOINC_IGNORE_FK, /* autoincrement="ignore_fk" */
};

struct sch_identity {
	bool always;             /* GENERATED ALWAYS (else BY DEFAULT) */
	bool on_null;            /* Oracle ON NULL */
	const struct pyv *start; /* start=, NULL if absent; likewise below */
	const struct pyv *increment;
	const struct pyv *minvalue;
	const struct pyv *maxvalue;
	const struct pyv *nominvalue;
	const struct pyv *nomaxvalue;
	const struct pyv *cycle;
	const struct pyv *cache;
	const struct pyv *order;
};

struct sch_computed {
	struct sch_expr sqltext;     /* the generation expression */
	enum sch_tristate persisted; /* persisted=: STORED / VIRTUAL / unset */
};

struct sch_fk;         /* below */
struct sch_constraint; /* below */

struct sch_column {
	const char *name;               /* column name */
	const struct sch_type *type;    /* NULL: no type given (NullType) */
	enum sch_tristate nullable;     /* nullable= as given; UNSET = default (not primary_key) */
	bool primary_key;               /* primary_key=True */
	enum sch_autoinc autoincrement; /* autoincrement= */
	const struct sch_expr *server_default;  /* server_default=, NULL if none */
	const struct sch_expr *server_onupdate; /* server_onupdate= (FetchedValue/Computed) */
	const struct sch_identity *identity;    /* sa.Identity(...) argument, NULL if none */
	const struct sch_computed *computed;    /* sa.Computed(...) argument, NULL if none */
	enum sch_tristate unique;               /* unique= */
	enum sch_tristate index;                /* index= */
	const char *comment;                    /* comment=, NULL if none */
	const struct sch_fk **fks;              /* sa.ForeignKey(...) positional arguments */
	size_t n_fks;                           /* their number */
	const struct sch_constraint **checks;   /* sa.CheckConstraint(...) positional arguments:
					  rendered inline after the column spec */
	size_t n_checks;                        /* their number */
	struct sch_kwargs dialect_kw;           /* dialect-specific keywords */
	const struct pyv *info;  /* info= (autogenerate reads renamed_from), or NULL */
	bool has_client_default; /* default= / a Sequence given: SQLAlchemy's
					  _autoincrement_column check looks at it */
	int line, col;           /* where the column was written, 0 if not from source */
};

/* A ForeignKey target: the column it references. */
struct sch_fk {
	const char *ref;              /* "table.col" or "schema.table.col" as written */
	const char *name;             /* name=, NULL if none */
	bool name_final;              /* given through op.f() */
	const char *ondelete;         /* ondelete= text, NULL if none */
	const char *onupdate;         /* onupdate= */
	enum sch_tristate deferrable; /* deferrable= */
	const char *initially;        /* initially= */
	const char *match;            /* match= */
	bool use_alter;               /* use_alter= */
};

enum sch_constraint_kind {
	SCH_PRIMARY_KEY, /* PrimaryKeyConstraint */
	SCH_FOREIGN_KEY, /* ForeignKeyConstraint */
	SCH_UNIQUE,      /* UniqueConstraint */
	SCH_CHECK,       /* CheckConstraint */
};

struct sch_constraint {
	enum sch_constraint_kind kind;
	const char *name;      /* NULL: unnamed */
	bool name_final;       /* given through op.f() / conv() */
	struct strvec columns; /* local columns in order (PK, FK, UNIQUE) */
	/* SCH_FOREIGN_KEY */
	const char *ref_schema;    /* referred schema, NULL = same as the table's default */
	const char *ref_table;     /* referred table */
	struct strvec ref_columns; /* referred columns, parallel to columns */
	const char *ondelete;      /* ON DELETE action text, NULL if none */
	const char *onupdate;      /* ON UPDATE action text */
	const char *match;         /* MATCH type */
	bool use_alter;            /* emitted as ALTER after CREATE TABLE */
	/* SCH_CHECK */
	const struct sch_expr *sqltext; /* the condition */
	/* all kinds */
	enum sch_tristate deferrable; /* DEFERRABLE / NOT DEFERRABLE / unset */
	const char *initially;        /* INITIALLY ... */
	struct sch_kwargs dialect_kw; /* e.g. postgresql_include, postgresql_nulls_not_distinct */
	const struct pyv *info;       /* info=, NULL if none */
	int line, col;                /* where written */
};

/* One element of an index: a column name or an expression. */
struct sch_index_elem {
	const char *column;          /* a column name, or NULL for an expression */
	const struct sch_expr *expr; /* sa.text("lower(name)") and friends */
};

/* A MetaData naming_convention that env.py writes as a literal
 * (MetaData(naming_convention={...})): SQLAlchemy's template for each kind
 * of name, NULL for a kind the dict does not name. */
struct sch_naming {
	const char *ix; /* indexes */
	const char *uq; /* unique constraints */
	const char *ck; /* check constraints */
	const char *fk; /* foreign keys */
	const char *pk; /* primary keys */
};

struct sch_index {
	const char *name;             /* index name (NULL: unnamed, an error for create_index) */
	bool name_final;              /* given through op.f() */
	const char *table;            /* table name (NULL for drop_index without table) */
	const char *schema;           /* schema=, NULL = default */
	bool unique;                  /* unique=True */
	struct sch_index_elem *elems; /* elements in order */
	size_t n_elems;               /* their number */
	struct sch_kwargs dialect_kw; /* postgresql_where/using/concurrently/include/ops,
					 sqlite_where, mysql_length, ... */
	bool if_not_exists;           /* if_not_exists=True (Alembic 1.12+) */
	int line, col;                /* where written */
};

struct sch_table {
	const char *name;            /* table name */
	const char *schema;          /* schema, NULL = default */
	struct sch_column **columns; /* in order */
	size_t n_columns;
	struct sch_constraint **constraints; /* table-level constraints, in written order */
	size_t n_constraints;
	struct sch_index **indexes; /* sa.Index(...) given to create_table; introspected indexes */
	size_t n_indexes;
	const char *comment;          /* comment=, NULL if none */
	struct strvec prefixes;       /* prefixes= (e.g. TEMPORARY) */
	struct sch_kwargs dialect_kw; /* sqlite_autoincrement, mysql_engine, ... */
	const struct pyv *info;       /* info=, NULL if none */
	int line, col;                /* where written */
};

/* ---- the migration-operations IR ---- */

enum mig_op_kind {
	MIG_EXECUTE,              /* op.execute / bind.execute / a native SQL statement */
	MIG_CREATE_TABLE,         /* op.create_table */
	MIG_DROP_TABLE,           /* op.drop_table */
	MIG_RENAME_TABLE,         /* op.rename_table */
	MIG_ADD_COLUMN,           /* op.add_column */
	MIG_DROP_COLUMN,          /* op.drop_column */
	MIG_ALTER_COLUMN,         /* op.alter_column */
	MIG_CREATE_INDEX,         /* op.create_index */
	MIG_DROP_INDEX,           /* op.drop_index */
	MIG_ADD_CONSTRAINT,       /* op.create_foreign_key / create_unique_constraint /
				     create_check_constraint / create_primary_key */
	MIG_DROP_CONSTRAINT,      /* op.drop_constraint */
	MIG_CREATE_TABLE_COMMENT, /* op.create_table_comment */
	MIG_DROP_TABLE_COMMENT,   /* op.drop_table_comment */
	MIG_BULK_INSERT,          /* op.bulk_insert */
	MIG_BATCH,                /* with op.batch_alter_table(...) as batch_op: body */
	MIG_AUTOCOMMIT,           /* with op.get_context().autocommit_block(): body */
	MIG_CREATE_ENUM,          /* an Enum type's own .create(bind[, checkfirst]) */
	MIG_DROP_ENUM,            /* an Enum type's own .drop(bind[, checkfirst]) */
};

/* op.alter_column's arguments; a field is "given" when its flag says so. */
struct mig_alter {
	const char *column;                    /* column_name */
	const char *new_name;                  /* new_column_name, NULL if not given */
	enum sch_tristate nullable;            /* nullable= */
	enum sch_tristate autoincrement;       /* autoincrement= (MySQL only) */
	const struct sch_type *type;           /* type_=, NULL if not given */
	bool server_default_given;             /* server_default= was passed */
	const struct sch_expr *server_default; /* its value (NULL with given:
						  server_default=None) */
	bool comment_given;                    /* comment= was passed */
	const char *comment;                   /* its value (NULL with given: comment=None) */
	const struct sch_type *existing_type;  /* existing_type= */
	enum sch_tristate existing_nullable;   /* existing_nullable= */
	const struct sch_expr *existing_server_default; /* existing_server_default= */
	const char *existing_comment;                   /* existing_comment= */
	enum sch_autoinc existing_autoincrement;        /* existing_autoincrement= */
	struct sch_kwargs dialect_kw;                   /* postgresql_using=, mysql_*, ... */
};

/* op.execute(tbl.insert().values(...)) and friends, on a sa.table(). */
enum mig_dml_kind {
	MIG_DML_INSERT, /* tbl.insert().values(k=v, ...) */
	MIG_DML_UPDATE, /* tbl.update().where(cond).values(k=v, ...) */
	MIG_DML_DELETE, /* tbl.delete().where(cond) */
};

struct mig_dml {
	enum mig_dml_kind kind;         /* which statement */
	const struct sch_table *table;  /* the sa.table(...) */
	const struct pyv_kwarg *values; /* values(...) keywords, written order */
	size_t n_values;                /* their number */
	const struct pyv *where;        /* where(...) condition (operator.* calls), or NULL */
};

struct mig_op {
	enum mig_op_kind kind;
	const char *table;  /* the table operated on (not for MIG_EXECUTE) */
	const char *schema; /* schema=, NULL = default */
	/* MIG_EXECUTE */
	const char *sql;           /* statement text as written (Alembic appends the terminator) */
	bool native;               /* from a native .sql section: printed verbatim (a .py
				     op.execute is a text() construct: offline PostgreSQL and
				     MySQL double its '%') */
	bool autocommit;           /* native SQL: runs outside the transaction (marker or
				     -- migrate:no-transaction) */
	const struct pyv *stmt;    /* non-string statements (sa.table(...).insert() ...), or NULL */
	const struct mig_dml *dml; /* stmt understood as an INSERT/UPDATE/DELETE, or NULL */
	/* MIG_CREATE_TABLE (and the table a batch is for, when known) */
	const struct sch_table *create; /* the table to create */
	/* MIG_RENAME_TABLE */
	const char *new_name; /* the new table name */
	/* MIG_ADD_COLUMN */
	const struct sch_column *column;
	/* MIG_DROP_COLUMN */
	const char *column_name;
	/* MIG_ALTER_COLUMN */
	struct mig_alter alter;
	/* MIG_CREATE_INDEX / MIG_DROP_INDEX */
	const struct sch_index *index;
	/* MIG_ADD_CONSTRAINT */
	const struct sch_constraint *constraint;
	/* MIG_DROP_CONSTRAINT */
	const char *constraint_name; /* name given (op.f marks name_final) */
	bool constraint_name_final;
	const char *constraint_type; /* type_= ("foreignkey", "unique", "check",
					"primary"), or NULL */
	/* MIG_CREATE_TABLE_COMMENT / MIG_DROP_TABLE_COMMENT */
	const char *comment;          /* new comment */
	const char *existing_comment; /* existing_comment= */
	/* MIG_BULK_INSERT */
	const struct sch_table *bulk_table; /* sa.table("t", sa.column("a", sa.String), ...) */
	const struct pyv *rows;             /* the list of dicts, as evaluated */
	bool multiinsert;                   /* multiinsert= (default True) */
	/* MIG_DROP_INDEX / MIG_DROP_TABLE */
	bool if_exists; /* if_exists=True (Alembic 1.12+ names) */
	/* MIG_BATCH / MIG_AUTOCOMMIT */
	const struct mig_op *body; /* the operations inside, in order */
	size_t n_body;
	const char *recreate;              /* batch: recreate= ("auto", "always", "never") */
	const struct sch_table *copy_from; /* batch: copy_from=, NULL if not given */
	struct sch_kwargs batch_kw;        /* batch: table_kwargs/partial_reordering/... as given */
	/* MIG_CREATE_ENUM / MIG_DROP_ENUM */
	const struct sch_type *enum_type; /* the sa.Enum / postgresql.ENUM value */
	bool checkfirst;                  /* checkfirst= (sa.Enum: False, postgresql.ENUM:
					     True by default); online only (offline
					     SQLAlchemy's MockConnection never checks) */
	/* all */
	struct sch_kwargs dialect_kw; /* dialect-specific keywords of the op itself */
	int line, col;                /* the statement in the revision file (0: generated) */
};

/* A revision direction compiled to operations. */
struct mig_body {
	const struct mig_op *ops; /* in order */
	size_t n_ops;
	bool irreversible;            /* running it is refused (raise NotImplementedError ...) */
	const char *irreversible_msg; /* why, for the message */
	int irreversible_line;        /* where */
};

#endif
