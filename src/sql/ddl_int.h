/*
 * ddl_int.h - what the DDL compiler's files share: the compile context,
 * the rendering helpers of ddl.c, and the hooks each dialect family
 * provides (ddl_sqlite.c, ddl_postgresql.c, ddl_mysql.c).
 */
#ifndef SQL_DDL_INT_H
#define SQL_DDL_INT_H

#include "base/buf.h"
#include "schema/type.h"
#include "sql/ddl.h"

/* One compilation: the op being compiled and where its statements go. */
struct ddl_ctx {
	struct arena *a;             /* arena of the run */
	const struct sql_opts *o;    /* dialect and mode */
	const struct sql_dialect *d; /* o->d */
	const struct mig_op *op;     /* the operation (positions for errors) */
	struct sql_stmts *out;       /* statements appended here */
	struct err *e;               /* error out */
	bool autocommit;             /* inside an autocommit block */
};

/* A column of a table being created, with what SQLAlchemy derives. */
struct ddl_col {
	const struct sch_column *c;  /* the column */
	bool nullable;               /* effective nullability */
	bool primary_key;            /* member of the primary key */
	bool autoinc;                /* table._autoincrement_column */
	const struct sch_type *type; /* the type for this dialect (variant chosen) */
};

/* A table as CREATE TABLE / ADD COLUMN render it. */
struct ddl_table {
	const struct sch_table *t;            /* the table */
	struct ddl_col *cols;                 /* its columns */
	size_t n_cols;                        /* their number */
	const char **pk;                      /* primary key column names in rendered order */
	size_t n_pk;                          /* their number */
	const char *pk_name;                  /* explicit PrimaryKeyConstraint name=, or NULL */
	const struct sch_constraint *pk_cons; /* the explicit constraint, or NULL */
};

/* What differs per dialect family.  Each hook appends to out. */
struct ddl_family {
	/* get_column_specification (CREATE TABLE body and ADD COLUMN) */
	int (*column_spec)(struct ddl_ctx *x, const struct ddl_table *t, const struct ddl_col *c,
			   struct buf *out);
	/* visit_primary_key_constraint may render nothing (SQLite AUTOINCREMENT) */
	bool (*pk_inline)(struct ddl_ctx *x, const struct ddl_table *t);
	/* visit_foreign_key_constraint may render nothing (SQLite across schemas) */
	bool (*fk_skipped)(struct ddl_ctx *x, const struct sch_table *t,
			   const struct sch_constraint *fk);
	/* post_create_table: text after ")" */
	int (*post_create)(struct ddl_ctx *x, const struct sch_table *t, struct buf *out);
	/* CREATE INDEX */
	int (*create_index)(struct ddl_ctx *x, const struct sch_index *ix, const char *schema,
			    struct buf *out);
	/* DROP INDEX */
	int (*drop_index)(struct ddl_ctx *x, const struct mig_op *op, struct buf *out);
	/* alter_column: every statement of the op */
	int (*alter_column)(struct ddl_ctx *x, const struct mig_op *op);
	/* drop_constraint: the statement */
	int (*drop_constraint)(struct ddl_ctx *x, const struct mig_op *op, struct buf *out);
	/* rename_table: the statement */
	int (*rename_table)(struct ddl_ctx *x, const struct mig_op *op, struct buf *out);
	/* table comments: create (comment set) or drop (NULL) */
	int (*table_comment)(struct ddl_ctx *x, const struct mig_op *op, const char *comment);
	/* dialect keyword prefix accepted on Table/Column/Index ("sqlite_") */
	const char *kw_prefix;
};

extern const struct ddl_family ddl_sqlite;
extern const struct ddl_family ddl_postgresql;
extern const struct ddl_family ddl_mysql;

/* ERR_INPUT at the op's position with a formatted message; returns -1. */
int ddl_fail(struct ddl_ctx *x, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* ddl_naming.c.  A name of kind ('i' index, 'u' 'c' 'f' 'p' constraints,
 * 'x' a constraint of no kind) that the target metadata's naming
 * convention would decide or change (what: "a foreign key", ...; name
 * NULL: unnamed), at an operation that does not apply conventions:
 * refused (-1, x->e set) when the convention is unknown, or is env.py's
 * literal one and its template of that kind applies; 0 otherwise and for
 * final (op.f()) names. */
int ddl_convention_check(struct ddl_ctx *x, char kind, const char *what, const char *name,
			 bool final);
/* What a convention's tokens are made of (ConventionDict). */
struct ddl_conv_in {
	char kind;                     /* as for ddl_convention_check */
	const char *table, *schema;    /* the table */
	const struct strvec *cols;     /* the columns (NULL: not known) */
	const char *ref_table;         /* foreign keys: the referred table */
	const struct strvec *ref_cols; /* ... and columns */
};
/* The name SQLAlchemy gives a construct of in named given (NULL: unnamed):
 * *out = given where no convention applies; else the rendered template
 * (env.py's literal convention).  -1 with x->e set where SQLAlchemy fails
 * (%(constraint_name)s without a name), where a token is not known, for a
 * name over the dialect's length, and as ddl_convention_check for an
 * unknown convention. */
int ddl_conv_name(struct ddl_ctx *x, const char *what, const struct ddl_conv_in *in,
		  const char *given, bool final, const char **out);
/* "a primary key", "a foreign key", ... for messages; the kind's letter. */
const char *ddl_kind_word(enum sch_constraint_kind k);
char ddl_kind_key(enum sch_constraint_kind k);
/* The kind letter of drop_constraint's type_ ('x' for none). */
char ddl_type_key(const char *type);
/* A value named for messages, as Python's repr (pyv_describe). */
const char *ddl_what(struct ddl_ctx *x, const struct pyv *v);
/* Appends a finished statement. */
void ddl_emit(struct ddl_ctx *x, struct buf *b);

/* Identifier quoted as the dialect requires. */
void ddl_q(struct ddl_ctx *x, struct buf *b, const char *name);
/* alembic/ddl/base.py format_table_name: schema (dotted parts quoted) "." name. */
void ddl_table_name(struct ddl_ctx *x, struct buf *b, const char *schema, const char *name);
/* "ALTER TABLE <name>" */
void ddl_alter_table(struct ddl_ctx *x, struct buf *b, const char *schema, const char *name);
/* A string literal as String.literal_processor renders it on this dialect
 * and mode (offline PostgreSQL/MySQL double '%' and backslashes). */
void ddl_literal_str(struct ddl_ctx *x, struct buf *b, const char *s);
/* An evaluated Python value as a literal bind (None, bool, int, float, str). */
int ddl_literal(struct ddl_ctx *x, struct buf *b, const struct pyv *v);
/* ddl_literal for a value bound to a column of type t (NULL: NullType):
 * also datetime.date/datetime/time values. */
int ddl_literal_typed(struct ddl_ctx *x, struct buf *b, const struct pyv *v,
		      const struct sch_type *t);
/* A SQL expression kept by the model (CHECK text, index expression, ...). */
int ddl_expr(struct ddl_ctx *x, struct buf *b, const struct sch_expr *ex);
/* A clause given as a keyword (postgresql_where=, sqlite_where=): a string
 * is SQL text (coercions to DDLExpressionRole), else an expression. */
int ddl_clause(struct ddl_ctx *x, struct buf *b, const struct pyv *v);
/* compiler.get_column_default_string: *has set when there is a default. */
int ddl_default(struct ddl_ctx *x, struct buf *b, const struct sch_expr *d);
/* Whether a server default is a ColumnElement (SQLite parenthesises those). */
bool ddl_default_is_element(const struct sch_expr *d);
/* Column type DDL (sql_type_ddl for the dialect, the op's position on error). */
int ddl_type(struct ddl_ctx *x, struct buf *b, const struct sch_type *t);
/* visit_computed_column / visit_identity_column */
int ddl_computed(struct ddl_ctx *x, struct buf *b, const struct sch_computed *c);
int ddl_identity(struct ddl_ctx *x, struct buf *b, const struct sch_identity *id);
/* compiler.get_identity_options: the options of id given, space-separated;
 * 1 when there are none, -1 on a non-integer value. */
int ddl_identity_options(struct ddl_ctx *x, struct buf *b, const struct sch_identity *id);
/* define_constraint_deferrability */
void ddl_deferrability(struct ddl_ctx *x, struct buf *b, enum sch_tristate deferrable,
		       const char *initially);
/* Column-level CHECK constraints and SQLAlchemy's " CHECK (...)" suffixes. */
int ddl_column_checks(struct ddl_ctx *x, struct buf *b, const struct sch_column *c);
/* The ForeignKeyConstraint SQLAlchemy makes of a column's ForeignKey. */
struct sch_constraint *ddl_fk_of(struct ddl_ctx *x, const struct sch_column *c,
				 const struct sch_fk *fk);
/* A table-level constraint as CREATE TABLE and ADD CONSTRAINT render it. */
int ddl_constraint(struct ddl_ctx *x, struct buf *b, const struct sch_constraint *c);
/* The index expressions "(a, lower(b))" without parentheses. */
int ddl_index_exprs(struct ddl_ctx *x, struct buf *b, const struct sch_index *ix,
		    const struct pyv *ops);
/* The generic CREATE INDEX head: "CREATE [UNIQUE] INDEX [IF NOT EXISTS] ". */
void ddl_index_head(struct ddl_ctx *x, struct buf *b, const struct sch_index *ix,
		    bool concurrently);
/* A dialect keyword argument of kw by full name ("postgresql_where"), or NULL. */
const struct pyv *ddl_kw(const struct sch_kwargs *kw, const char *key);
/* Truthiness of a keyword value (True, non-empty, ...). */
bool ddl_truthy(const struct pyv *v);
/* Python str of a keyword value that must be a string; NULL otherwise. */
const char *ddl_kw_str(const struct sch_kwargs *kw, const char *key);
/* Refuses keywords with the family's prefix that are not listed in known
 * (NULL-terminated short names, e.g. "where"): SQLAlchemy's ArgumentError. */
int ddl_check_kw(struct ddl_ctx *x, const struct sch_kwargs *kw, const char *const *known,
		 const char *what);
/* A column derived table for a single column (ADD COLUMN). */
int ddl_table_prepare(struct ddl_ctx *x, const struct sch_table *t, struct ddl_table *out);
/* The type of a column on this dialect (variants resolved), or NULL. */
const struct sch_type *ddl_coltype(struct ddl_ctx *x, const struct sch_column *c);

/* op.execute() of a sa.table() insert/update/delete (ddl_dml.c). */
int ddl_dml(struct ddl_ctx *x, const struct mig_dml *d, struct buf *b);

/* The generic forms (ddl_alter.c), shared by the SQLite and PostgreSQL families. */
int ddl_alter_nullable(struct ddl_ctx *x, const struct mig_op *op, struct buf *b);
int ddl_alter_default(struct ddl_ctx *x, const struct mig_op *op, struct buf *b);
int ddl_alter_type(struct ddl_ctx *x, const struct mig_op *op, const char *using, struct buf *b);
int ddl_alter_rename(struct ddl_ctx *x, const struct mig_op *op, struct buf *b);
/* An alter_column whose server_default or existing_server_default is an
 * sa.Identity / sa.Computed (MySQLImpl hands those to DefaultImpl's). */
bool ddl_alter_has_construct(const struct mig_op *op);
int ddl_generic_alter_column(struct ddl_ctx *x, const struct mig_op *op);
int ddl_generic_rename_table(struct ddl_ctx *x, const struct mig_op *op, struct buf *b);
int ddl_generic_drop_index(struct ddl_ctx *x, const struct mig_op *op, struct buf *b);
int ddl_generic_drop_constraint(struct ddl_ctx *x, const struct mig_op *op, struct buf *b);
int ddl_generic_table_comment(struct ddl_ctx *x, const struct mig_op *op, const char *comment);

#endif
