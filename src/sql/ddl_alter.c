/*
 * ddl_alter.c - the generic forms the SQLite and PostgreSQL families share:
 * Alembic's DefaultImpl.alter_column sequence (alembic/ddl/base.py
 * ColumnNullable, ColumnDefault (IdentityColumnDefault: PostgreSQL's
 * visit_identity_column), ColumnType, ColumnComment, ColumnName),
 * RenameTable, DROP INDEX, DROP CONSTRAINT and the COMMENT ON TABLE
 * statements of SQLAlchemy's DDLCompiler.
 */
#include "sql/ddl_int.h"

#include <stddef.h>
#include <string.h>

/* "ALTER TABLE t ALTER COLUMN c " */
static void ddl_alter_col_head(struct ddl_ctx *x, struct buf *b, const struct mig_op *op)
{
	ddl_alter_table(x, b, op->schema, op->table);
	buf_adds(b, " ALTER COLUMN ");
	ddl_q(x, b, op->alter.column);
	buf_addch(b, ' ');
}

int ddl_alter_nullable(struct ddl_ctx *x, const struct mig_op *op, struct buf *b)
{
	if (op->alter.nullable == SCH_UNSET)
		return 0;
	ddl_alter_col_head(x, b, op);
	buf_adds(b, op->alter.nullable == SCH_TRUE ? "DROP NOT NULL" : "SET NOT NULL");
	ddl_emit(x, b);
	return 0;
}

/* A server_default / existing_server_default value that is an
 * sa.Identity(...) / sa.Computed(...) call, or NULL. */
static const struct pyv *ddl_alter_call(const struct sch_expr *d, const char *name)
{
	return d && d->kind == SCH_EXPR_PYV && d->pyv && d->pyv->kind == PYV_CALL && d->pyv->name &&
			       !strcmp(d->pyv->name, name)
		       ? d->pyv
		       : NULL;
}

/* The sa.Identity(...) arguments of v (NULL: none), by keyword or position. */
static void ddl_alter_identity_of(const struct pyv *v, struct sch_identity *id)
{
	static const char *const names[] = {"always",   "on_null",  "start",      "increment",
					    "minvalue", "maxvalue", "nominvalue", "nomaxvalue",
					    "cycle",    "cache",    "order"};
	const struct pyv *a[11] = {0};

	memset(id, 0, sizeof(*id));
	for (size_t i = 0; v && i < 11; i++)
		a[i] = i < v->n ? v->items[i] : pyv_kwarg(v, names[i]);
	id->always = a[0] && ddl_truthy(a[0]);
	id->on_null = a[1] && ddl_truthy(a[1]);
	id->start = a[2], id->increment = a[3], id->minvalue = a[4], id->maxvalue = a[5];
	id->nominvalue = a[6], id->nomaxvalue = a[7], id->cycle = a[8], id->cache = a[9];
	id->order = a[10];
}

static bool ddl_alter_same(const struct pyv *x, const struct pyv *y)
{
	bool nx = !x || x->kind == PYV_NONE, ny = !y || y->kind == PYV_NONE;

	if (nx || ny)
		return nx == ny;
	if ((x->kind == PYV_INT || x->kind == PYV_BOOL) &&
	    (y->kind == PYV_INT || y->kind == PYV_BOOL))
		return (x->kind == PYV_INT ? x->i : x->b) == (y->kind == PYV_INT ? y->i : y->b);
	return x->kind == y->kind && x->s && y->s && !strcmp(x->s, y->s);
}

/* postgresql.py visit_identity_column, altering: "SET ..." for each
 * option _compare_identity_default finds different (sorted by name; on_null
 * and order ignored), "SET GENERATED ..." for always. */
static int ddl_alter_identity_set(struct ddl_ctx *x, struct buf *b, const struct pyv *to,
				  const struct pyv *from)
{
	struct sch_identity n, o;
	const struct {
		const char *name;
		size_t off;
	} opt[] = {{"cache", offsetof(struct sch_identity, cache)},
		   {"cycle", offsetof(struct sch_identity, cycle)},
		   {"increment", offsetof(struct sch_identity, increment)},
		   {"maxvalue", offsetof(struct sch_identity, maxvalue)},
		   {"minvalue", offsetof(struct sch_identity, minvalue)},
		   {"nomaxvalue", offsetof(struct sch_identity, nomaxvalue)},
		   {"nominvalue", offsetof(struct sch_identity, nominvalue)},
		   {"start", offsetof(struct sch_identity, start)}};
	const char *sep = "";

	ddl_alter_identity_of(to, &n);
	ddl_alter_identity_of(from, &o);
	if (n.always != o.always) {
		buf_addf(b, "SET GENERATED %s", n.always ? "ALWAYS" : "BY DEFAULT");
		sep = " ";
	}
	for (size_t i = 0; i < sizeof(opt) / sizeof(opt[0]); i++) {
		const struct pyv *nv = *(const struct pyv *const *)((const char *)&n + opt[i].off);
		const struct pyv *ov = *(const struct pyv *const *)((const char *)&o + opt[i].off);
		struct sch_identity one = {0};

		if (!nv || nv->kind == PYV_NONE || ddl_alter_same(nv, ov))
			continue;
		*(const struct pyv **)((char *)&one + opt[i].off) = nv;
		buf_addf(b, "%sSET ", sep);
		if (ddl_identity_options(x, b, &one) < 0)
			return -1;
		sep = " ";
	}
	return 0;
}

/* base.py IdentityColumnDefault: PostgreSQL drops (DROP IDENTITY) or
 * alters an identity; other dialects refuse, as Alembic's compiler does.
 * Its third form, ADD GENERATED ..., needs existing_server_default=None
 * given explicitly, which the binder does not tell from the default
 * (False, taken here: the options are SET, as Alembic does for what
 * autogenerate writes). */
static int ddl_alter_identity(struct ddl_ctx *x, const struct mig_op *op, struct buf *b)
{
	const struct pyv *to = ddl_alter_call(op->alter.server_default, "sqlalchemy.Identity");
	const struct pyv *from =
		ddl_alter_call(op->alter.existing_server_default, "sqlalchemy.Identity");

	if (x->d->family != SQL_FAMILY_POSTGRESQL)
		return ddl_fail(x, "Adding, removing or modifying an \"identity\" construct, e.g. "
				   "GENERATED AS IDENTITY, to or from an existing column is not "
				   "supported in this dialect.");
	ddl_alter_col_head(x, b, op);
	if (!op->alter.server_default)
		buf_adds(b, "DROP IDENTITY");
	else if (ddl_alter_identity_set(x, b, to, from) < 0)
		return -1;
	while (b->len && b->ptr[b->len - 1] == ' ')
		b->ptr[--b->len] = 0;
	ddl_emit(x, b);
	return 0;
}

bool ddl_alter_has_construct(const struct mig_op *op)
{
	const struct sch_expr *to =
		op->alter.server_default_given ? op->alter.server_default : NULL;
	const struct sch_expr *from = op->alter.existing_server_default;

	return ddl_alter_call(to, "sqlalchemy.Identity") ||
	       ddl_alter_call(to, "sqlalchemy.Computed") ||
	       ddl_alter_call(from, "sqlalchemy.Identity") ||
	       ddl_alter_call(from, "sqlalchemy.Computed");
}

int ddl_alter_default(struct ddl_ctx *x, const struct mig_op *op, struct buf *b)
{
	const struct sch_expr *to = op->alter.server_default;
	const struct sch_expr *from = op->alter.existing_server_default;

	if (!op->alter.server_default_given)
		return 0;
	if (ddl_alter_call(to, "sqlalchemy.Computed") ||
	    ddl_alter_call(from, "sqlalchemy.Computed"))
		return ddl_fail(x, "Adding or removing a \"computed\" construct, e.g. GENERATED "
				   "ALWAYS AS, to or from an existing column is not supported.");
	if (ddl_alter_call(to, "sqlalchemy.Identity") ||
	    ddl_alter_call(from, "sqlalchemy.Identity"))
		return ddl_alter_identity(x, op, b);
	ddl_alter_col_head(x, b, op);
	if (!op->alter.server_default) {
		buf_adds(b, "DROP DEFAULT");
	} else {
		buf_adds(b, "SET DEFAULT ");
		if (ddl_default(x, b, op->alter.server_default) < 0)
			return -1;
	}
	ddl_emit(x, b);
	return 0;
}

/* ColumnType; using (PostgreSQL's postgresql_using) appended when given. */
int ddl_alter_type(struct ddl_ctx *x, const struct mig_op *op, const char *using, struct buf *b)
{
	if (!op->alter.type)
		return 0;
	ddl_alter_col_head(x, b, op);
	buf_adds(b, "TYPE ");
	if (ddl_type(x, b, sch_type_for_dialect(op->alter.type, x->d->name)) < 0)
		return -1;
	if (using)
		buf_addf(b, " USING %s", using);
	ddl_emit(x, b);
	return 0;
}

int ddl_alter_rename(struct ddl_ctx *x, const struct mig_op *op, struct buf *b)
{
	if (!op->alter.new_name)
		return 0;
	ddl_alter_table(x, b, op->schema, op->table);
	buf_adds(b, " RENAME ");
	ddl_q(x, b, op->alter.column);
	buf_adds(b, " TO ");
	ddl_q(x, b, op->alter.new_name);
	ddl_emit(x, b);
	return 0;
}

/* The autoincrement warning of DefaultImpl.alter_column is Python-side
 * only; it changes no SQL. */
int ddl_generic_alter_column(struct ddl_ctx *x, const struct mig_op *op)
{
	struct buf b = BUF_INIT;
	int rc = -1;

	if (ddl_alter_nullable(x, op, &b) < 0 || ddl_alter_default(x, op, &b) < 0 ||
	    ddl_alter_type(x, op, NULL, &b) < 0)
		goto out;
	if (op->alter.comment_given) {
		if (x->d->family != SQL_FAMILY_POSTGRESQL) {
			ddl_fail(x,
				 "Compiler can't render element of type ColumnComment on "
				 "dialect %s (alter_column comment=)",
				 x->d->name);
			goto out;
		}
		buf_adds(&b, "COMMENT ON COLUMN ");
		ddl_table_name(x, &b, op->schema, op->table);
		buf_addch(&b, '.');
		ddl_q(x, &b, op->alter.column);
		buf_adds(&b, " IS ");
		if (op->alter.comment)
			ddl_literal_str(x, &b, op->alter.comment);
		else
			buf_adds(&b, "NULL");
		ddl_emit(x, &b);
	}
	rc = ddl_alter_rename(x, op, &b);
out:
	buf_release(&b);
	return rc;
}

int ddl_generic_rename_table(struct ddl_ctx *x, const struct mig_op *op, struct buf *b)
{
	ddl_alter_table(x, b, op->schema, op->table);
	buf_adds(b, " RENAME TO ");
	ddl_q(x, b, op->new_name);
	return 0;
}

/* visit_drop_index: the schema of the index's table qualifies its name. */
int ddl_generic_drop_index(struct ddl_ctx *x, const struct mig_op *op, struct buf *b)
{
	const struct sch_index *ix = op->index;
	const char *schema = ix->schema ? ix->schema : op->schema;

	if (!ix->name)
		return ddl_fail(x, "DROP INDEX requires that the index have a name");
	buf_adds(b, "DROP INDEX ");
	if (op->if_exists)
		buf_adds(b, "IF EXISTS ");
	if (schema) {
		ddl_q(x, b, schema);
		buf_addch(b, '.');
	}
	ddl_q(x, b, ix->name);
	return 0;
}

int ddl_generic_drop_constraint(struct ddl_ctx *x, const struct mig_op *op, struct buf *b)
{
	if (!op->constraint_name) { /* SQLAlchemy's DDLCompiler.visit_drop_constraint */
		const char *t = op->constraint_type ? op->constraint_type : "";
		return ddl_fail(x, "Can't emit DROP CONSTRAINT for constraint %s(); it has no name",
				!strcmp(t, "unique")       ? "UniqueConstraint"
				: !strcmp(t, "primary")    ? "PrimaryKeyConstraint"
				: !strcmp(t, "foreignkey") ? "ForeignKeyConstraint"
				: !strcmp(t, "check")      ? "CheckConstraint"
							   : "Constraint");
	}
	ddl_alter_table(x, b, op->schema, op->table);
	buf_adds(b, " DROP CONSTRAINT ");
	ddl_q(x, b, op->constraint_name);
	return 0;
}

int ddl_generic_table_comment(struct ddl_ctx *x, const struct mig_op *op, const char *comment)
{
	struct buf b = BUF_INIT;

	buf_adds(&b, "COMMENT ON TABLE ");
	ddl_table_name(x, &b, op->schema, op->table);
	buf_adds(&b, " IS ");
	if (comment)
		ddl_literal_str(x, &b, comment);
	else
		buf_adds(&b, "NULL");
	ddl_emit(x, &b);
	buf_release(&b);
	return 0;
}
