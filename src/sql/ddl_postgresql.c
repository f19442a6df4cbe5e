/*
 * ddl_postgresql.c - what PostgreSQL renders differently: SQLAlchemy 1.4's
 * PGDDLCompiler (SERIAL/BIGSERIAL/SMALLSERIAL for the autoincrement column,
 * IDENTITY, CREATE INDEX with CONCURRENTLY / USING / ops / INCLUDE / WITH /
 * TABLESPACE / WHERE, DROP INDEX CONCURRENTLY, post_create_table options)
 * and Alembic's PostgresqlImpl.alter_column (TYPE ... USING first).
 */
#include "sql/ddl_int.h"

#include <string.h>

#include "base/str.h"

/* PGDDLCompiler.get_column_specification */
static int pg_column_spec(struct ddl_ctx *x, const struct ddl_table *t, const struct ddl_col *c,
			  struct buf *b)
{
	static const char *const known[] = {NULL};
	bool identity = c->c->identity != NULL;

	(void)t;
	if (ddl_check_kw(x, &c->c->dialect_kw, known, "Column") < 0)
		return -1;
	ddl_q(x, b, c->c->name);
	if (c->primary_key && c->autoinc && !identity) {
		enum sch_int_kind k = sch_type_int_kind(c->c->type, x->d->name);

		buf_adds(b, k == SCH_INT_BIG     ? " BIGSERIAL"
			    : k == SCH_INT_SMALL ? " SMALLSERIAL"
						 : " SERIAL");
	} else {
		buf_addch(b, ' ');
		if (ddl_type(x, b, c->type) < 0)
			return -1;
		if (c->c->server_default) {
			buf_adds(b, " DEFAULT ");
			if (ddl_default(x, b, c->c->server_default) < 0)
				return -1;
		}
	}
	if (c->c->computed) {
		buf_addch(b, ' ');
		if (ddl_computed(x, b, c->c->computed) < 0)
			return -1;
	}
	if (identity) {
		buf_addch(b, ' ');
		if (ddl_identity(x, b, c->c->identity) < 0)
			return -1;
	}
	if (!c->nullable && !identity)
		buf_adds(b, " NOT NULL");
	else if (c->nullable && identity)
		buf_adds(b, " NULL");
	return 0;
}

/* PGDDLCompiler.post_create_table: INHERITS, PARTITION BY, WITH OIDS,
 * ON COMMIT, TABLESPACE. */
static int pg_post_create(struct ddl_ctx *x, const struct sch_table *t, struct buf *b)
{
	static const char *const known[] = {"inherits",  "partition_by", "with_oids",
					    "on_commit", "tablespace",   NULL};
	const struct pyv *v;

	if (ddl_check_kw(x, &t->dialect_kw, known, "Table") < 0)
		return -1;
	v = ddl_kw(&t->dialect_kw, "postgresql_inherits");
	if (v && v->kind == PYV_STR) {
		buf_adds(b, "\n INHERITS ( ");
		ddl_q(x, b, v->s);
		buf_adds(b, " )");
	} else if (v && (v->kind == PYV_TUPLE || v->kind == PYV_LIST)) {
		buf_adds(b, "\n INHERITS ( ");
		for (size_t i = 0; i < v->n; i++) {
			if (v->items[i]->kind != PYV_STR)
				return ddl_fail(x, "postgresql_inherits takes table names");
			if (i)
				buf_adds(b, ", ");
			ddl_q(x, b, v->items[i]->s);
		}
		buf_adds(b, " )");
	}
	if (ddl_kw_str(&t->dialect_kw, "postgresql_partition_by"))
		buf_addf(b, "\n PARTITION BY %s",
			 ddl_kw_str(&t->dialect_kw, "postgresql_partition_by"));
	v = ddl_kw(&t->dialect_kw, "postgresql_with_oids");
	if (v && v->kind == PYV_BOOL)
		buf_adds(b, v->b ? "\n WITH OIDS" : "\n WITHOUT OIDS");
	if (ddl_kw_str(&t->dialect_kw, "postgresql_on_commit")) {
		char *oc = arena_strdup(x->a, ddl_kw_str(&t->dialect_kw, "postgresql_on_commit"));

		for (char *p = oc; *p; p++)
			*p = *p == '_' ? ' ' : (*p >= 'a' && *p <= 'z' ? (char)(*p - 32) : *p);
		buf_addf(b, "\n ON COMMIT %s", oc);
	}
	if (ddl_kw_str(&t->dialect_kw, "postgresql_tablespace")) {
		buf_adds(b, "\n TABLESPACE ");
		ddl_q(x, b, ddl_kw_str(&t->dialect_kw, "postgresql_tablespace"));
	}
	return 0;
}

/* INCLUDE (b, c) */
static int pg_index_include(struct ddl_ctx *x, const struct pyv *inc, struct buf *b)
{
	if (!inc || !ddl_truthy(inc))
		return 0;
	if (inc->kind != PYV_LIST && inc->kind != PYV_TUPLE)
		return ddl_fail(x, "postgresql_include takes a list of column names");
	buf_adds(b, " INCLUDE (");
	for (size_t i = 0; i < inc->n; i++) {
		if (inc->items[i]->kind != PYV_STR)
			return ddl_fail(x, "postgresql_include takes a list of column names");
		if (i)
			buf_adds(b, ", ");
		ddl_q(x, b, inc->items[i]->s);
	}
	buf_addch(b, ')');
	return 0;
}

/* WITH (key = value, ...) */
static int pg_index_with(struct ddl_ctx *x, const struct pyv *w, struct buf *b)
{
	if (!w || !ddl_truthy(w))
		return 0;
	if (w->kind != PYV_DICT)
		return ddl_fail(x, "postgresql_with takes a dict");
	buf_adds(b, " WITH (");
	for (size_t i = 0; i < w->n; i++) {
		if (i)
			buf_adds(b, ", ");
		if (w->keys[i]->kind != PYV_STR)
			return ddl_fail(x, "postgresql_with takes string keys");
		buf_addf(b, "%s = ", w->keys[i]->s);
		if (w->items[i]->kind == PYV_STR)
			buf_adds(b, w->items[i]->s);
		else if (ddl_literal(x, b, w->items[i]) < 0)
			return -1;
	}
	buf_addch(b, ')');
	return 0;
}

/* PGDDLCompiler.visit_create_index */
static int pg_create_index(struct ddl_ctx *x, const struct sch_index *ix, const char *schema,
			   struct buf *b)
{
	static const char *const known[] = {"where", "using", "concurrently", "include",
					    "ops",   "with",  "tablespace",   NULL};
	const struct sch_kwargs *kw = &ix->dialect_kw;
	const char *using = ddl_kw_str(kw, "postgresql_using");
	const struct pyv *where = ddl_kw(kw, "postgresql_where");

	if (ddl_check_kw(x, kw, known, "Index") < 0)
		return -1;
	ddl_index_head(x, b, ix, ddl_truthy(ddl_kw(kw, "postgresql_concurrently")));
	ddl_q(x, b, ix->name);
	buf_adds(b, " ON ");
	ddl_table_name(x, b, schema, ix->table);
	buf_addch(b, ' ');
	if (using && *using)
		buf_addf(b, "USING %s ", str_lower(x->a, using));
	buf_addch(b, '(');
	if (ddl_index_exprs(x, b, ix, ddl_kw(kw, "postgresql_ops")) < 0)
		return -1;
	buf_addch(b, ')');
	if (pg_index_include(x, ddl_kw(kw, "postgresql_include"), b) < 0 ||
	    pg_index_with(x, ddl_kw(kw, "postgresql_with"), b) < 0)
		return -1;
	if (ddl_kw_str(kw, "postgresql_tablespace")) {
		buf_adds(b, " TABLESPACE ");
		ddl_q(x, b, ddl_kw_str(kw, "postgresql_tablespace"));
	}
	if (where && where->kind != PYV_NONE) {
		buf_adds(b, " WHERE ");
		return ddl_clause(x, b, where);
	}
	return 0;
}

/* PGDDLCompiler.visit_drop_index */
static int pg_drop_index(struct ddl_ctx *x, const struct mig_op *op, struct buf *b)
{
	static const char *const known[] = {"where", "using", "concurrently", "include",
					    "ops",   "with",  "tablespace",   NULL};
	const struct sch_index *ix = op->index;
	const char *schema = ix->schema ? ix->schema : op->schema;

	if (ddl_check_kw(x, &ix->dialect_kw, known, "Index") < 0)
		return -1;
	if (!ix->name)
		return ddl_fail(x, "DROP INDEX requires that the index have a name");
	buf_adds(b, "DROP INDEX ");
	if (ddl_truthy(ddl_kw(&ix->dialect_kw, "postgresql_concurrently")))
		buf_adds(b, "CONCURRENTLY ");
	if (op->if_exists)
		buf_adds(b, "IF EXISTS ");
	if (schema) {
		ddl_q(x, b, schema);
		buf_addch(b, '.');
	}
	ddl_q(x, b, ix->name);
	return 0;
}

/* PostgresqlImpl.alter_column: TYPE [USING] first, then the generic rest. */
static int pg_alter_column(struct ddl_ctx *x, const struct mig_op *op)
{
	const char *using = ddl_kw_str(&op->alter.dialect_kw, "postgresql_using");
	struct mig_op rest = *op;
	struct buf b = BUF_INIT;
	int rc;

	if (using && !op->alter.type)
		return ddl_fail(x, "postgresql_using must be used with the type_ parameter");
	rc = ddl_alter_type(x, op, using, &b);
	buf_release(&b);
	if (rc < 0)
		return -1;
	rest.alter.type = NULL;
	return ddl_generic_alter_column(x, &rest);
}

const struct ddl_family ddl_postgresql = {
	.column_spec = pg_column_spec,
	.post_create = pg_post_create,
	.create_index = pg_create_index,
	.drop_index = pg_drop_index,
	.alter_column = pg_alter_column,
	.drop_constraint = ddl_generic_drop_constraint,
	.rename_table = ddl_generic_rename_table,
	.table_comment = ddl_generic_table_comment,
	.kw_prefix = "postgresql_",
};
