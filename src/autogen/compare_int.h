/*
 * compare_int.h - what the files of ag_compare (compare.c: tables and
 * order; compare_cols.c: columns; compare_cons.c: indexes, unique and
 * foreign-key constraints, table comments) share.  Internal to
 * src/autogen; the contract is autogen.h.
 *
 * Every difference found appends one upgrade op and, at the same time,
 * its inverse (Alembic's op.reverse()) to a second list; the downgrade is
 * that list backwards, which is what UpgradeOps.reverse_into gives.
 */
#ifndef AUTOGEN_COMPARE_INT_H
#define AUTOGEN_COMPARE_INT_H

#include "autogen/autogen.h"

/* A growable list of ops. */
struct agc_ops {
	struct mig_op *v; /* items */
	size_t n, cap;    /* used, allocated */
};

/* Tables sorted by (schema or "", name), Alembic's key, for binary search. */
struct agc_tables {
	const struct sch_table **v; /* items */
	size_t n;                   /* their number */
};

/* A growable list of renames (hints resolved, or candidates). */
struct agc_renames {
	struct ag_rename *v; /* items */
	size_t n, cap;       /* used, allocated */
};

/* The state of one ag_compare run. */
struct agc {
	struct arena *a;               /* everything is allocated here */
	const struct ag_input *in;     /* the inputs */
	bool is_pg;                    /* dialect "postgresql" */
	bool is_sqlite;                /* dialect "sqlite" */
	bool comments;                 /* dialect supports comments (PostgreSQL) */
	struct agc_ops up;             /* upgrade ops, in Alembic's order */
	struct agc_ops inv;            /* inverse of each, same order (reversed at the end) */
	struct strvec *detected;       /* the "Detected ..." lines */
	struct strvec *warnings;       /* the util.warn messages */
	size_t **warnings_at;          /* detected lines before each (ag_result.warnings_at) */
	const struct db_schema *db;    /* in->db, with the resolved renames applied */
	struct agc_renames tables_rn;  /* table renames done (table: new name) */
	struct agc_renames columns_rn; /* column renames done (table: its new name) */
	struct agc_renames cand;       /* candidates found (ag_result.candidates) */
	struct agc_tables dbs;         /* c->db's tables, sorted */
	struct agc_tables norms;       /* in->norm's tables, sorted */
};

/* The two sides of one table being compared (either may be NULL). */
struct agc_table {
	const struct sch_table *db;    /* the database's table as Alembic reflects it (SQLite
					  expression defaults parenthesised, PostgreSQL SERIAL
					  defaults dropped), NULL when added */
	const struct sch_table *norm;  /* the model's table as read back (same treatment),
					  NULL when removed */
	const struct sch_table *model; /* the model as written (NULL without model[]) */
};

/* compare.c */
struct mig_op *agc_push(struct agc *c, enum mig_op_kind kind, const char *table,
			const char *schema);
struct mig_op *agc_push_inv(struct agc *c, enum mig_op_kind kind, const char *table,
			    const char *schema);
void agc_log(struct agc *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
const char *agc_repr(struct agc *c, const char *s);
const char *agc_list_repr(struct agc *c, const struct strvec *v);
const struct sch_column *agc_column(const struct sch_table *t, const char *name);

/* compare_rename.c: resolves the hints (ERR_INPUT for a bad one), pushes
 * the rename ops and sets c->db to the database as renamed. */
int agc_renames(struct agc *c, struct err *e);
/* Appends a rename to l. */
void agc_rename_push(struct agc *c, struct agc_renames *l, const struct ag_rename *r);

/* compare_cols.c: DefaultImpl.compare_type: whether two types differ. */
bool agc_types_differ(struct agc *c, const struct sch_type *x, const struct sch_type *y);

/* compare_cols.c: added columns and altered ones (before the table's
 * constraints), removed columns (after them). */
void agc_columns(struct agc *c, const struct agc_table *t);
void agc_removed_columns(struct agc *c, const struct agc_table *t);

/* compare_cons.c: indexes and unique constraints (also for added and
 * removed tables), foreign keys, the table comment. */
void agc_indexes(struct agc *c, const struct agc_table *t);
void agc_foreign_keys(struct agc *c, const struct agc_table *t);
void agc_table_comment(struct agc *c, const struct agc_table *t);

/* compare_check.c: named CHECK constraints (after the table comment, where
 * Alembic 1.19's checkconstraint plugin runs). */
void agc_checks(struct agc *c, const struct agc_table *t);

#endif
