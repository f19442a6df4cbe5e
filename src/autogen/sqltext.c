/*
 * sqltext.c - ag_render_sql: autogenerate's operations as the SQL of a
 * native revision section (a project made with `init -t sql`), compiled by
 * the one DDL compiler as an offline run prints it (literal values, tabs
 * as four spaces, the dialect's terminator), statements separated by a
 * blank line; a run of statements that must run outside the transaction
 * (an autocommit block: policy.c's ALTER TYPE ... ADD VALUE) between
 * "-- migrate:autocommit" and "-- migrate:end-autocommit" lines.  Pure.
 */
#include "autogen/autogen.h"

#include "base/str.h"
#include "sql/ddl.h"
#include "sql/dialect.h"

/* One statement: tabs to four spaces, stripped, the terminator. */
static void sqltext_stmt(struct arena *a, const struct sql_dialect *d, const char *sql,
			 struct buf *out)
{
	struct buf b = BUF_INIT;

	for (const char *p = sql; *p; p++) {
		if (*p == '\t')
			buf_adds(&b, "    ");
		else
			buf_addch(&b, *p);
	}
	buf_adds(out, str_strip(a, buf_cstr(&b)));
	buf_adds(out, d->terminator);
	buf_release(&b);
}

/* The body as its revision runs it: a create_table carries the model's
 * table, whose indexes come as create_index operations of their own (the
 * create_table Alembic renders has none), so the table's are left out. */
static struct mig_body sqltext_body(struct arena *a, const struct mig_body *b)
{
	struct mig_body r = *b;
	struct mig_op *ops = arena_alloc(a, (b->n_ops ? b->n_ops : 1) * sizeof(*ops));

	for (size_t i = 0; i < b->n_ops; i++) {
		ops[i] = b->ops[i];
		if (ops[i].kind == MIG_CREATE_TABLE && ops[i].create && ops[i].create->n_indexes) {
			struct sch_table *t = arena_alloc(a, sizeof(*t));

			*t = *ops[i].create;
			t->indexes = NULL;
			t->n_indexes = 0;
			ops[i].create = t;
		}
	}
	r.ops = ops;
	return r;
}

int ag_render_sql(struct arena *a, const char *dialect, const struct mig_body *b, struct buf *out,
		  struct err *e)
{
	const struct sql_dialect *d = sql_dialect_find(dialect);
	struct strvec memo = STRVEC_INIT;
	struct sql_stmts stmts = {0};
	struct sql_opts o = {0};
	struct mig_body body;
	size_t start = out->len;

	if (!d)
		return err_set(e, ERR_INPUT, "no dialect %s", dialect);
	o.d = d;
	o.as_sql = true;
	o.file = "the generated revision";
	o.memo = &memo;
	body = sqltext_body(a, b);
	if (sql_compile_body(a, &o, &body, &stmts, e) < 0)
		return -1;
	for (size_t i = 0; i < stmts.n; i++) {
		bool ac = stmts.v[i].autocommit, prev = i && stmts.v[i - 1].autocommit;

		if (!stmts.v[i].sql)
			continue;
		if (out->len > start)
			buf_adds(out, ac && !prev ? "\n\n-- migrate:autocommit\n" : "\n\n");
		else if (ac)
			buf_adds(out, "-- migrate:autocommit\n");
		sqltext_stmt(a, d, stmts.v[i].sql, out);
		if (ac && (i + 1 == stmts.n || !stmts.v[i + 1].autocommit))
			buf_adds(out, "\n-- migrate:end-autocommit");
	}
	return 0;
}
