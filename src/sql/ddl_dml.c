/*
 * ddl_dml.c - op.execute() of a sa.table()'s insert()/update()/delete():
 * SQLAlchemy 1.4's compiler output for them.  Offline Alembic compiles the
 * statement without literal binds, so the script shows the dialect's
 * placeholders (SQLite "?", PostgreSQL "%(name)s", MySQL "%s"), exactly as
 * it prints them; online the values are rendered as literals (the same
 * statement with its parameters bound).
 */
#include "sql/ddl_int.h"

#include <string.h>

#include "base/str.h"

struct dml_ctx {
	struct ddl_ctx *x;         /* the compilation */
	const struct sch_table *t; /* the table */
	struct strvec bind_names;  /* where-clause bind names used so far */
};

/* A bound value: rendered as a literal (offline the generic env.py sets
 * literal_binds=True; online it is the same statement with its value). */
static int dml_param(struct dml_ctx *c, struct buf *b, const char *name, const struct pyv *v)
{
	const struct sch_type *t = NULL;

	/* op.inline_literal(v): the value rendered inline, as every value is here */
	if (v->kind == PYV_CALL && !v->receiver && !strcmp(v->name, "alembic.op.inline_literal") &&
	    v->n == 1 && !v->n_kw)
		v = v->items[0];
	for (size_t i = 0; i < c->t->n_columns; i++)
		if (!strcmp(c->t->columns[i]->name, name))
			t = c->t->columns[i]->type;
	return ddl_literal_typed(c->x, b, v, t);
}

/* t.c.col / t.c["col"]: the column's name, or NULL. */
static const char *dml_column(const struct pyv *v)
{
	if (v && v->kind == PYV_ATTR && v->receiver && v->receiver->kind == PYV_ATTR &&
	    !strcmp(v->receiver->name, "c"))
		return v->name;
	return NULL;
}

/* A SET / VALUES value: a column of the table (rendered qualified, as
 * SQLAlchemy does: SET a=t.b) or a bound value. */
static int dml_set_value(struct dml_ctx *c, struct buf *b, const char *col, const struct pyv *v)
{
	const char *name = dml_column(v);

	if (!name)
		return dml_param(c, b, col, v);
	ddl_q(c->x, b, c->t->name);
	buf_addch(b, '.');
	ddl_q(c->x, b, name);
	return 0;
}

/* The column named name of the table, or NULL. */
static const struct sch_column *dml_find(const struct dml_ctx *c, const char *name)
{
	for (size_t i = 0; i < c->t->n_columns; i++)
		if (!strcmp(c->t->columns[i]->name, name))
			return c->t->columns[i];
	return NULL;
}

/* where(tbl.c.flag): a Boolean column alone; SQLAlchemy compares it with 1
 * where the dialect has no native boolean (SQLite, MySQL). */
static int dml_bare_column(struct dml_ctx *c, struct buf *b, const struct pyv *v, const char *name)
{
	const struct sch_column *col = dml_find(c, name);

	if (!col || !col->type || col->type->family != SCH_T_BOOLEAN)
		return ddl_fail(c->x, "a where() condition of %s cannot be rendered natively",
				ddl_what(c->x, v));
	ddl_q(c->x, b, c->t->name);
	buf_addch(b, '.');
	ddl_q(c->x, b, name);
	if (c->x->d->family != SQL_FAMILY_POSTGRESQL)
		buf_adds(b, " = 1");
	return 0;
}

static bool dml_is_null(const struct pyv *v)
{
	return v->kind == PYV_NONE || (v->kind == PYV_CALL && !v->receiver &&
				       !strcmp(v->name, "sqlalchemy.null") && !v->n && !v->n_kw);
}

/* The where-clause bind name: "<col>_<n>", n counting that column's uses. */
static const char *dml_bind_name(struct dml_ctx *c, const char *col)
{
	for (int n = 1;; n++) {
		const char *name = arena_printf(c->x->a, "%s_%d", col, n);

		if (strvec_find(&c->bind_names, name) < 0) {
			strvec_push(c->x->a, &c->bind_names, name);
			return name;
		}
	}
}

static int dml_cond(struct dml_ctx *c, struct buf *b, const struct pyv *v);

/* One operand: a column of the table, or a value compared with column col. */
static int dml_operand(struct dml_ctx *c, struct buf *b, const struct pyv *v, const char *col)
{
	const char *name = dml_column(v);

	if (name) {
		ddl_q(c->x, b, c->t->name);
		buf_addch(b, '.');
		ddl_q(c->x, b, name);
		return 0;
	}
	if (v->kind == PYV_CALL &&
	    (str_startswith(v->name, "operator.") ||
	     (v->receiver && (!strcmp(v->name, "is_") || !strcmp(v->name, "is_not") ||
			      !strcmp(v->name, "isnot")))))
		return dml_cond(c, b, v);
	return dml_param(c, b, dml_bind_name(c, col ? col : "param"), v);
}

/* col.is_(x) / col.is_not(x) / col.isnot(x) with x None, sa.null(), True or False:
 * SQLAlchemy renders the constant itself, never a bound value ("IS NULL"; "IS true" /
 * "IS false", or "IS 1" / "IS 0" where the dialect has no native boolean: SQLite and
 * the version-table-only ones). */
static int dml_is_method(struct dml_ctx *c, struct buf *b, const struct pyv *v)
{
	const struct pyv *x = v->items[0];
	bool native =
		c->x->d->family == SQL_FAMILY_POSTGRESQL || c->x->d->family == SQL_FAMILY_MYSQL;

	if (!dml_column(v->receiver) || (!dml_is_null(x) && x->kind != PYV_BOOL))
		return ddl_fail(c->x, "a where() condition of %s cannot be rendered natively",
				ddl_what(c->x, v));
	if (dml_operand(c, b, v->receiver, NULL) < 0)
		return -1;
	buf_adds(b, strcmp(v->name, "is_") ? " IS NOT " : " IS ");
	if (dml_is_null(x))
		buf_adds(b, "NULL");
	else
		buf_adds(b, native ? (x->b ? "true" : "false") : (x->b ? "1" : "0"));
	return 0;
}

/* One side of an AND or an OR: a condition, where a Boolean column alone is compared as
 * where() alone does; an OR under an AND is grouped, as SQLAlchemy does (AND binds
 * tighter). */
static int dml_bool_side(struct dml_ctx *c, struct buf *b, const struct pyv *v, bool in_and)
{
	bool group = in_and && v->kind == PYV_CALL && v->name && !strcmp(v->name, "operator.or_");
	const char *col = dml_column(v);

	if (col)
		return dml_bare_column(c, b, v, col);
	if (group)
		buf_addch(b, '(');
	if (dml_operand(c, b, v, NULL) < 0)
		return -1;
	if (group)
		buf_addch(b, ')');
	return 0;
}

/* A comparison or conjunction of the operator.* calls the evaluator makes. */
static int dml_cond(struct dml_ctx *c, struct buf *b, const struct pyv *v)
{
	static const char *const ops[][2] = {
		{"operator.eq", " = "},     {"operator.ne", " != "},  {"operator.lt", " < "},
		{"operator.le", " <= "},    {"operator.gt", " > "},   {"operator.ge", " >= "},
		{"operator.and_", " AND "}, {"operator.or_", " OR "},
	};
	const char *col;

	if ((col = dml_column(v)) != NULL)
		return dml_bare_column(c, b, v, col);
	if (v->kind == PYV_CALL && v->receiver && v->n == 1 && !v->n_kw &&
	    (!strcmp(v->name, "is_") || !strcmp(v->name, "is_not") || !strcmp(v->name, "isnot")))
		return dml_is_method(c, b, v);
	if (v->kind != PYV_CALL || v->n != 2)
		return ddl_fail(c->x, "a where() condition of %s cannot be rendered natively",
				ddl_what(c->x, v));
	col = dml_column(v->items[0]);
	for (size_t i = 0; i < sizeof(ops) / sizeof(ops[0]); i++) {
		if (strcmp(v->name, ops[i][0]))
			continue;
		if (!strcmp(v->name, "operator.and_") || !strcmp(v->name, "operator.or_")) {
			bool in_and = v->name[9] == 'a';
			if (dml_bool_side(c, b, v->items[0], in_and) < 0)
				return -1;
			buf_adds(b, in_and ? " AND " : " OR ");
			return dml_bool_side(c, b, v->items[1], in_and);
		}
		if (dml_operand(c, b, v->items[0], NULL) < 0)
			return -1;
		if (dml_is_null(v->items[1]) && (i == 0 || i == 1)) {
			buf_adds(b, i == 0 ? " IS NULL" : " IS NOT NULL");
			return 0;
		}
		buf_adds(b, ops[i][1]);
		return dml_operand(c, b, v->items[1], col);
	}
	return ddl_fail(c->x, "a where() condition of %s cannot be rendered natively",
			ddl_what(c->x, v));
}

/* The value given for column col, or NULL. */
static const struct pyv *dml_value(const struct mig_dml *d, const char *col)
{
	for (size_t i = 0; i < d->n_values; i++)
		if (!strcmp(d->values[i].key, col))
			return d->values[i].val;
	return NULL;
}

static int dml_check_values(struct dml_ctx *c, const struct mig_dml *d)
{
	for (size_t i = 0; i < d->n_values; i++) {
		bool known = false;

		for (size_t j = 0; j < c->t->n_columns; j++)
			known |= !strcmp(c->t->columns[j]->name, d->values[i].key);
		if (!known)
			return ddl_fail(c->x, "Unconsumed column names: %s", d->values[i].key);
	}
	return 0;
}

/* INSERT INTO t (a, b) VALUES (...) / UPDATE t SET a=..., b=... */
static int dml_columns(struct dml_ctx *c, const struct mig_dml *d, struct buf *b)
{
	struct buf vals = BUF_INIT;
	size_t used = 0;
	int rc = 0;

	for (size_t j = 0; j < c->t->n_columns && rc == 0; j++) {
		const char *col = c->t->columns[j]->name;
		const struct pyv *v = dml_value(d, col);

		if (!v)
			continue;
		if (d->kind == MIG_DML_INSERT) {
			buf_adds(b, used ? ", " : " (");
			ddl_q(c->x, b, col);
			buf_adds(&vals, used ? ", " : "");
			rc = dml_param(c, &vals, col, v);
		} else {
			buf_adds(b, used ? ", " : " SET ");
			ddl_q(c->x, b, col);
			buf_addch(b, '=');
			rc = dml_set_value(c, b, col, v);
		}
		used++;
	}
	if (rc == 0 && d->kind == MIG_DML_INSERT)
		buf_addf(b, used ? ") VALUES (%s)" : " DEFAULT VALUES", vals.ptr ? vals.ptr : "");
	buf_release(&vals);
	return rc;
}

int ddl_dml(struct ddl_ctx *x, const struct mig_dml *d, struct buf *b)
{
	struct dml_ctx c = {x, d->table, STRVEC_INIT};
	static const char *const head[] = {"INSERT INTO ", "UPDATE ", "DELETE FROM "};

	if (dml_check_values(&c, d) < 0)
		return -1;
	buf_adds(b, head[d->kind]);
	ddl_table_name(x, b, d->table->schema, d->table->name);
	if (d->kind != MIG_DML_DELETE && dml_columns(&c, d, b) < 0)
		return -1;
	if (d->where) {
		buf_adds(b, " WHERE ");
		if (dml_cond(&c, b, d->where) < 0)
			return -1;
	}
	return 0;
}
