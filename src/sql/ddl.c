/*
 * ddl.c - the DDL compiler's common part (see ddl.h): the dispatch over
 * operation kinds, and what Alembic's DefaultImpl / toimpl.py and
 * SQLAlchemy's DDLCompiler do the same way on every dialect (CREATE TABLE
 * with its constraint order, the CREATE INDEX and COMMENT statements after
 * it, ADD COLUMN with its constraints and index, DROP/RENAME, ADD
 * CONSTRAINT, execute, bulk_insert).  What differs per dialect goes through
 * the family hooks (ddl_int.h).
 */
#include "sql/ddl_int.h"

#include <string.h>

#include "base/str.h"

void sql_stmts_push(struct arena *a, struct sql_stmts *out, const char *sql, bool autocommit,
		    int line)
{
	if (out->n == out->cap) {
		size_t cap = out->cap ? out->cap * 2 : 8;

		out->v = arena_grow(a, out->v, out->cap, cap, sizeof(*out->v));
		out->cap = cap;
	}
	out->v[out->n].sql = sql;
	out->v[out->n].autocommit = autocommit;
	out->v[out->n].line = line;
	out->v[out->n].batch = NULL;
	out->n++;
}

static const struct ddl_family *ddl_family_of(const struct sql_dialect *d)
{
	switch (d->family) {
	case SQL_FAMILY_SQLITE:
		return &ddl_sqlite;
	case SQL_FAMILY_POSTGRESQL:
		return &ddl_postgresql;
	case SQL_FAMILY_MYSQL:
		return &ddl_mysql;
	default:
		return NULL;
	}
}

const struct sch_type *ddl_coltype(struct ddl_ctx *x, const struct sch_column *c)
{
	return c->type ? sch_type_for_dialect(c->type, x->d->name) : NULL;
}

/* ---- the table as SQLAlchemy derives it ---- */

/* The column's FOREIGN KEY targets, table-level constraints included. */
static bool ddl_col_has_fk(const struct sch_table *t, const struct sch_column *c)
{
	if (c->n_fks)
		return true;
	for (size_t i = 0; i < t->n_constraints; i++)
		if (t->constraints[i]->kind == SCH_FOREIGN_KEY &&
		    strvec_find(&t->constraints[i]->columns, c->name) >= 0)
			return true;
	return false;
}

/* schema.py PrimaryKeyConstraint._autoincrement_column's _validate_autoinc. */
static int ddl_autoinc_ok(struct ddl_ctx *x, const struct sch_table *t, const struct ddl_col *dc,
			  bool autoinc_true, bool *ok)
{
	const struct sch_column *c = dc->c;
	enum sch_type_family f = dc->type ? dc->type->family : SCH_T_OTHER;

	*ok = false;
	if (f != SCH_T_INTEGER && f != SCH_T_NUMERIC) {
		if (autoinc_true)
			return ddl_fail(x,
					"Column type %s on column '%s.%s' is not compatible "
					"with autoincrement=True",
					dc->type ? ddl_what(x, dc->type->src) : "NullType()",
					t->name, c->name);
		return 0;
	}
	if (!autoinc_true && (c->has_client_default || c->server_default))
		return 0;
	if (ddl_col_has_fk(t, c) && c->autoincrement != SCH_AUTOINC_TRUE &&
	    c->autoincrement != SCH_AUTOINC_IGNORE_FK)
		return 0;
	*ok = true;
	return 0;
}

static struct ddl_col *ddl_find_col(struct ddl_table *t, const char *name)
{
	for (size_t i = 0; i < t->n_cols; i++)
		if (!strcmp(t->cols[i].c->name, name))
			return &t->cols[i];
	return NULL;
}

/* The primary key: an explicit PrimaryKeyConstraint's columns, else the
 * primary_key=True columns (PrimaryKeyConstraint._set_parent). */
static int ddl_pk_columns(struct ddl_ctx *x, struct ddl_table *dt)
{
	const struct sch_table *t = dt->t;

	for (size_t i = 0; i < t->n_constraints; i++)
		if (t->constraints[i]->kind == SCH_PRIMARY_KEY)
			dt->pk_cons = t->constraints[i];
	dt->pk = arena_calloc(x->a, t->n_columns + (dt->pk_cons ? dt->pk_cons->columns.n : 0) + 1,
			      sizeof(*dt->pk));
	if (dt->pk_cons && dt->pk_cons->columns.n) {
		for (size_t i = 0; i < dt->pk_cons->columns.n; i++) {
			struct ddl_col *dc = ddl_find_col(dt, dt->pk_cons->columns.v[i]);

			if (!dc)
				return ddl_fail(x,
						"PrimaryKeyConstraint names column '%s', which "
						"is not in table '%s'",
						dt->pk_cons->columns.v[i], t->name);
			dc->primary_key = true;
			dt->pk[dt->n_pk++] = dc->c->name;
		}
		dt->pk_name = dt->pk_cons->name;
		return 0;
	}
	if (dt->pk_cons)
		dt->pk_name = dt->pk_cons->name;
	for (size_t i = 0; i < dt->n_cols; i++)
		if (dt->cols[i].c->primary_key) {
			dt->cols[i].primary_key = true;
			dt->pk[dt->n_pk++] = dt->cols[i].c->name;
		}
	return 0;
}

/* table._autoincrement_column; an implicit key lists it first
 * (columns_autoinc_first). */
static int ddl_pick_autoinc(struct ddl_ctx *x, struct ddl_table *dt)
{
	struct ddl_col *found = NULL;
	bool ok;

	for (size_t i = 0; i < dt->n_pk; i++) {
		struct ddl_col *dc = ddl_find_col(dt, dt->pk[i]);
		enum sch_autoinc ai = dc->c->autoincrement;

		if (ai == SCH_AUTOINC_TRUE) {
			if (ddl_autoinc_ok(x, dt->t, dc, true, &ok) < 0)
				return -1;
			if (found && found->c->autoincrement == SCH_AUTOINC_TRUE)
				return ddl_fail(x,
						"Only one Column may be marked autoincrement=True, "
						"found both %s and %s.",
						found->c->name, dc->c->name);
			found = dc;
		} else if (dt->n_pk == 1 && ai != SCH_AUTOINC_FALSE) {
			if (ddl_autoinc_ok(x, dt->t, dc, false, &ok) < 0)
				return -1;
			if (ok)
				found = dc;
		}
	}
	if (!found)
		return 0;
	found->autoinc = true;
	if (!(dt->pk_cons && dt->pk_cons->columns.n) && dt->n_pk > 1 &&
	    dt->pk[0] != found->c->name) {
		size_t at = 0;

		while (dt->pk[at] != found->c->name)
			at++;
		memmove(&dt->pk[1], &dt->pk[0], at * sizeof(*dt->pk));
		dt->pk[0] = found->c->name;
	}
	return 0;
}

int ddl_table_prepare(struct ddl_ctx *x, const struct sch_table *t, struct ddl_table *out)
{
	memset(out, 0, sizeof(*out));
	out->t = t;
	out->n_cols = t->n_columns;
	out->cols = arena_calloc(x->a, t->n_columns + 1, sizeof(*out->cols));
	for (size_t i = 0; i < t->n_columns; i++) {
		out->cols[i].c = t->columns[i];
		out->cols[i].type = ddl_coltype(x, t->columns[i]);
	}
	if (ddl_pk_columns(x, out) < 0)
		return -1;
	for (size_t i = 0; i < out->n_cols; i++) {
		struct ddl_col *dc = &out->cols[i];

		dc->nullable = dc->c->nullable == SCH_UNSET ? !dc->primary_key
							    : dc->c->nullable == SCH_TRUE;
	}
	return ddl_pick_autoinc(x, out);
}

/* ---- names SQLAlchemy's default naming convention gives ---- */

/* "ix_%(column_0_label)s": ix_[schema_]table_column. */
static const char *ddl_ix_name(struct ddl_ctx *x, const struct sch_table *t, const char *col)
{
	if (t->schema)
		return arena_printf(x->a, "ix_%s_%s_%s", t->schema, t->name, col);
	return arena_printf(x->a, "ix_%s_%s", t->name, col);
}

/* ---- CREATE TABLE ---- */

/* The column's ForeignKey as the ForeignKeyConstraint SQLAlchemy makes of it. */
struct sch_constraint *ddl_fk_of(struct ddl_ctx *x, const struct sch_column *c,
				 const struct sch_fk *fk)
{
	struct sch_constraint *k = arena_calloc(x->a, 1, sizeof(*k));
	const char *dot = strrchr(fk->ref, '.');
	const char *tab = dot ? arena_strndup(x->a, fk->ref, (size_t)(dot - fk->ref)) : fk->ref;
	const char *tdot = strrchr(tab, '.');

	k->kind = SCH_FOREIGN_KEY;
	k->name = fk->name;
	k->name_final = fk->name_final;
	strvec_push(x->a, &k->columns, c->name);
	strvec_push(x->a, &k->ref_columns, dot ? dot + 1 : fk->ref);
	k->ref_table = tdot ? tdot + 1 : tab;
	k->ref_schema = tdot ? arena_strndup(x->a, tab, (size_t)(tdot - tab)) : NULL;
	k->ondelete = fk->ondelete;
	k->onupdate = fk->onupdate;
	k->deferrable = fk->deferrable;
	k->initially = fk->initially;
	k->match = fk->match;
	k->use_alter = fk->use_alter;
	return k;
}

/* Appends one constraint of the CREATE TABLE body unless the dialect omits it. */
/* c with the name the naming convention gives it (a copy when renamed).
 * refs: the referred columns are known to SQLAlchemy when it names c
 * (op.create_foreign_key's stub referent); in a create_table the naming
 * runs before Alembic adds the referents (NoReferencedTableError). */
static int ddl_conv_constraint(struct ddl_ctx *x, const char *schema, const char *table,
			       const struct sch_constraint **c, bool refs)
{
	const struct sch_constraint *k = *c;
	struct ddl_conv_in in = {
		ddl_kind_key(k->kind), table,        schema,
		&k->columns,           k->ref_table, refs ? &k->ref_columns : NULL};
	struct sch_constraint *r;
	const char *name;

	if (ddl_conv_name(x, ddl_kind_word(k->kind), &in, k->name, k->name_final, &name) < 0)
		return -1;
	if (name == k->name)
		return 0;
	r = arena_alloc(x->a, sizeof(*r));
	*r = *k;
	r->name = name;
	r->name_final = true;
	*c = r;
	return 0;
}

static int ddl_body_constraint(struct ddl_ctx *x, const struct ddl_family *f,
			       const struct sch_table *t, const struct sch_constraint *c,
			       struct buf *b)
{
	if (c->kind == SCH_FOREIGN_KEY) {
		if (f->fk_skipped && f->fk_skipped(x, t, c))
			return 0;
		if (c->use_alter && x->d->family != SQL_FAMILY_SQLITE)
			return 0;
	}
	if (ddl_conv_constraint(x, t->schema, t->name, &c, false) < 0)
		return -1;
	buf_adds(b, ", \n\t");
	return ddl_constraint(x, b, c);
}

/* The type-bound CHECK of a Boolean/Enum column (create_constraint=True). */
static int ddl_type_check(struct ddl_ctx *x, const struct ddl_col *dc, struct buf *b)
{
	struct sch_type_extra ex;
	struct buf col = BUF_INIT;

	if (!dc->c->type || sch_type_extra(dc->c->type, x->d->name, &ex, x->e) < 0)
		return dc->c->type ? -1 : 0;
	if (!ex.has_check)
		return 0;
	if (ddl_convention_check(x, 'c', "the CHECK constraint of a Boolean/Enum column",
				 ex.check_name, false) < 0)
		return -1;
	buf_adds(b, ", \n\t");
	if (ex.check_name) {
		buf_adds(b, "CONSTRAINT ");
		ddl_q(x, b, ex.check_name);
		buf_addch(b, ' ');
	}
	ddl_q(x, &col, dc->c->name);
	buf_adds(b, "CHECK (");
	sch_type_check_sql(dc->c->type, x->d->name, col.ptr, b);
	buf_addch(b, ')');
	buf_release(&col);
	return 0;
}

/* create_table_constraints: the key first, then the constraints in creation
 * order: those passed to create_table as written, then what each column
 * makes when attached (UNIQUE, the type's CHECK, FOREIGN KEY), column by
 * column. */
static int ddl_body_constraints(struct ddl_ctx *x, const struct ddl_family *f,
				const struct ddl_table *dt, struct buf *b)
{
	const struct sch_table *t = dt->t;

	if (dt->n_pk && !(f->pk_inline && f->pk_inline(x, dt))) {
		struct sch_constraint pk = {.kind = SCH_PRIMARY_KEY, .name = dt->pk_name};
		const struct sch_constraint *named = &pk;

		for (size_t i = 0; i < dt->n_pk; i++)
			strvec_push(x->a, &pk.columns, dt->pk[i]);
		pk.name_final = dt->pk_cons && dt->pk_cons->name_final;
		if (ddl_conv_constraint(x, t->schema, t->name, &named, false) < 0)
			return -1;
		pk.name = named->name;
		if (dt->pk_cons) {
			pk.deferrable = dt->pk_cons->deferrable;
			pk.initially = dt->pk_cons->initially;
		}
		buf_adds(b, ", \n\t");
		if (ddl_constraint(x, b, &pk) < 0)
			return -1;
	}
	for (size_t i = 0; i < t->n_constraints; i++)
		if (t->constraints[i]->kind != SCH_PRIMARY_KEY &&
		    ddl_body_constraint(x, f, t, t->constraints[i], b) < 0)
			return -1;
	for (size_t i = 0; i < dt->n_cols; i++) {
		const struct sch_column *c = dt->cols[i].c;

		if (c->unique == SCH_TRUE && c->index != SCH_TRUE) {
			struct sch_constraint uq = {.kind = SCH_UNIQUE};

			strvec_push(x->a, &uq.columns, c->name);
			if (ddl_body_constraint(x, f, t, &uq, b) < 0)
				return -1;
		}
		if (ddl_type_check(x, &dt->cols[i], b) < 0)
			return -1;
		for (size_t j = 0; j < c->n_fks; j++)
			if (ddl_body_constraint(x, f, t, ddl_fk_of(x, c, c->fks[j]), b) < 0)
				return -1;
	}
	return 0;
}

/* CREATE TYPE name AS ENUM ('a', ...) of ex, emitted. */
static void ddl_create_type(struct ddl_ctx *x, const struct sch_type_extra *ex, struct buf *b)
{
	buf_adds(b, "CREATE TYPE ");
	ddl_table_name(x, b, ex->type_schema, ex->type_name);
	buf_adds(b, " AS ENUM (");
	for (size_t j = 0; j < ex->n_values; j++) {
		if (j)
			buf_adds(b, ", ");
		ddl_literal_str(x, b, ex->values[j]);
	}
	buf_addch(b, ')');
	ddl_emit(x, b);
}

/* Enum CREATE TYPE before the table (Enum._on_table_create through
 * Alembic's before_create dispatch; one per name and run: the impl's memo). */
static int ddl_enum_types(struct ddl_ctx *x, const struct sch_table *t, struct buf *b)
{
	for (size_t i = 0; i < t->n_columns; i++) {
		struct sch_type_extra ex;
		const char *key;

		if (!t->columns[i]->type ||
		    sch_type_extra(t->columns[i]->type, x->d->name, &ex, x->e) < 0) {
			if (t->columns[i]->type)
				return ddl_fail(x, "%s", x->e->msg);
			continue;
		}
		if (ex.create_type_fails)
			return ddl_fail(
				x,
				"Compiler <MySQLDDLCompiler> can't render element of type "
				"CreateEnumType: postgresql.ENUM creates its type on %s too "
				"(SQLAlchemy 1.4); use sa.Enum(...) for a type that works on "
				"both, or postgresql.ENUM(..., create_type=False)",
				x->d->name);
		if (!ex.create_type)
			continue;
		key = arena_printf(x->a, "%s.%s", ex.type_schema ? ex.type_schema : "",
				   ex.type_name);
		if (x->o->memo && strvec_find(x->o->memo, key) >= 0)
			continue;
		if (x->o->memo)
			strvec_push(x->a, x->o->memo, key);
		ddl_create_type(x, &ex, b);
	}
	return 0;
}

/* The guard of an Enum's create/drop with checkfirst online: the
 * PostgreSQL dialect's has_type (a type of that name in the schema, or
 * visible on the search path without one). */
static void ddl_has_type_guard(struct ddl_ctx *x, const struct sch_type_extra *ex, bool exists)
{
	struct buf q = BUF_INIT;
	struct sql_stmt *s = &x->out->v[x->out->n - 1];

	buf_adds(&q, "SELECT t.typname FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n "
		     "ON n.oid = t.typnamespace WHERE t.typname = ");
	ddl_literal_str(x, &q, ex->type_name);
	if (ex->type_schema) {
		buf_adds(&q, " AND n.nspname = ");
		ddl_literal_str(x, &q, ex->type_schema);
	} else {
		buf_adds(&q, " AND pg_catalog.pg_type_is_visible(t.oid)");
	}
	s->guard = buf_to_arena(&q, x->a);
	s->guard_exists = exists;
	buf_release(&q);
}

/* An Enum type's own create(bind) / drop(bind): SchemaType.create reaches
 * the dialect's ENUM, whose create runs whatever create_type= says:
 * CREATE TYPE / DROP TYPE on PostgreSQL, nothing where the enum is not a
 * type of its own (SQLite, MySQL's inline ENUM), SQLAlchemy's
 * UnsupportedCompilationError for postgresql.ENUM on MySQL.  The run's memo
 * is neither read nor written (SQLAlchemy's is create_table's own). */
static int ddl_enum_own(struct ddl_ctx *x, const struct ddl_family *f, struct buf *b)
{
	const struct sch_type *t = sch_type_for_dialect(x->op->enum_type, x->d->name);
	struct sch_type own;
	struct sch_type_extra ex;

	(void)f;
	if (!t)
		return 0;
	own = *t;
	own.create_type = true;
	if (sch_type_extra(&own, x->d->name, &ex, x->e) < 0)
		return ddl_fail(x, "%s", x->e->msg);
	if (ex.create_type_fails)
		return ddl_fail(x,
				"Compiler <MySQLDDLCompiler> can't render element of type "
				"%sEnumType: postgresql.ENUM(...).%s() runs on %s too (SQLAlchemy "
				"1.4)",
				x->op->kind == MIG_CREATE_ENUM ? "Create" : "Drop",
				x->op->kind == MIG_CREATE_ENUM ? "create" : "drop", x->d->name);
	if (!ex.create_type)
		return 0;
	if (x->op->kind == MIG_CREATE_ENUM) {
		ddl_create_type(x, &ex, b);
	} else {
		buf_adds(b, "DROP TYPE ");
		ddl_table_name(x, b, ex.type_schema, ex.type_name);
		ddl_emit(x, b);
	}
	if (x->op->checkfirst && !x->o->as_sql)
		ddl_has_type_guard(x, &ex, x->op->kind == MIG_DROP_ENUM);
	return 0;
}

/* visit_create_table */
static int ddl_create_table_stmt(struct ddl_ctx *x, const struct ddl_family *f,
				 const struct ddl_table *dt, struct buf *b)
{
	const struct sch_table *t = dt->t;

	buf_adds(b, "CREATE ");
	for (size_t i = 0; i < t->prefixes.n; i++)
		buf_addf(b, "%s ", t->prefixes.v[i]);
	buf_adds(b, "TABLE ");
	ddl_table_name(x, b, t->schema, t->name);
	buf_adds(b, " (");
	for (size_t i = 0; i < dt->n_cols; i++) {
		buf_adds(b, i ? ", \n\t" : "\n\t");
		if (f->column_spec(x, dt, &dt->cols[i], b) < 0 ||
		    ddl_column_checks(x, b, dt->cols[i].c) < 0)
			return -1;
	}
	if (ddl_body_constraints(x, f, dt, b) < 0)
		return -1;
	buf_adds(b, "\n)");
	if (f->post_create && f->post_create(x, t, b) < 0)
		return -1;
	ddl_emit(x, b);
	return 0;
}

/* One CREATE INDEX. */
static int ddl_index_stmt(struct ddl_ctx *x, const struct ddl_family *f, const struct sch_index *ix,
			  struct buf *b)
{
	if (!ix->name)
		return ddl_fail(x, "CREATE INDEX requires that the index have a name");
	if (f->create_index(x, ix, ix->schema, b) < 0)
		return -1;
	ddl_emit(x, b);
	return 0;
}

/* The Index SQLAlchemy attaches for a column's index=True. */
static struct sch_index *ddl_col_index(struct ddl_ctx *x, const struct sch_table *t,
				       const struct sch_column *c)
{
	struct sch_index *ix = arena_calloc(x->a, 1, sizeof(*ix));

	ix->name = ddl_ix_name(x, t, c->name);
	ix->table = t->name;
	ix->schema = t->schema;
	ix->unique = c->unique == SCH_TRUE;
	ix->elems = arena_calloc(x->a, 1, sizeof(*ix->elems));
	ix->elems[0].column = c->name;
	ix->n_elems = 1;
	return ix;
}

/* ix named as the naming convention names it, from name as given. */
static int ddl_conv_index(struct ddl_ctx *x, const char *what, struct sch_index *ix,
			  const char *name)
{
	struct strvec cols = STRVEC_INIT;
	struct ddl_conv_in in = {'i', ix->table, ix->schema, &cols, NULL, NULL};
	bool exprs = false;

	for (size_t i = 0; i < ix->n_elems; i++)
		if (ix->elems[i].column)
			strvec_push(x->a, &cols, ix->elems[i].column);
		else
			exprs = true;
	if (exprs) /* an expression's token is its text: not followed */
		in.cols = NULL;
	if (ddl_conv_name(x, what, &in, name, ix->name_final, &ix->name) < 0)
		return -1;
	ix->name_final = ix->name_final || ix->name != name;
	return 0;
}

/* The indexes of a table, insertion order (ours: Alembic iterates a set). */
static int ddl_table_indexes(struct ddl_ctx *x, const struct ddl_family *f,
			     const struct sch_table *t, struct buf *b)
{
	for (size_t i = 0; i < t->n_columns; i++) {
		struct sch_index *ix;

		if (t->columns[i]->index != SCH_TRUE)
			continue;
		ix = ddl_col_index(x, t, t->columns[i]);
		if ((x->o->naming || x->o->naming_convention_unknown) &&
		    ddl_conv_index(x, "the index of an index=True column", ix, NULL) < 0)
			return -1;
		if (ddl_index_stmt(x, f, ix, b) < 0)
			return -1;
	}
	for (size_t i = 0; i < t->n_indexes; i++) {
		struct sch_index ix = *t->indexes[i];

		ix.table = t->name;
		ix.schema = t->schema;
		if (ddl_conv_index(x, "index", &ix, ix.name) < 0 ||
		    ddl_index_stmt(x, f, &ix, b) < 0)
			return -1;
	}
	return 0;
}

/* COMMENT ON COLUMN (dialects with separate comment statements). */
static void ddl_column_comment(struct ddl_ctx *x, const char *schema, const char *table,
			       const char *col, const char *comment, struct buf *b)
{
	buf_adds(b, "COMMENT ON COLUMN ");
	ddl_table_name(x, b, schema, table);
	buf_addch(b, '.');
	ddl_q(x, b, col);
	buf_adds(b, " IS ");
	if (comment)
		ddl_literal_str(x, b, comment);
	else
		buf_adds(b, "NULL");
	ddl_emit(x, b);
}

/* Separate comment statements: supports_comments and not inline_comments. */
static bool ddl_separate_comments(const struct ddl_ctx *x)
{
	return x->d->comments && !x->d->inline_comments;
}

/* impl.py DefaultImpl.create_table */
static int ddl_create_table(struct ddl_ctx *x, const struct ddl_family *f, struct buf *b)
{
	const struct sch_table *t = x->op->create;
	struct ddl_table dt;

	if (ddl_table_prepare(x, t, &dt) < 0)
		return -1;
	if ((x->d->family == SQL_FAMILY_POSTGRESQL || x->d->family == SQL_FAMILY_MYSQL) &&
	    ddl_enum_types(x, t, b) < 0)
		return -1;
	if (ddl_create_table_stmt(x, f, &dt, b) < 0 || ddl_table_indexes(x, f, t, b) < 0)
		return -1;
	if (!ddl_separate_comments(x))
		return 0;
	if (t->comment) {
		buf_adds(b, "COMMENT ON TABLE ");
		ddl_table_name(x, b, t->schema, t->name);
		buf_adds(b, " IS ");
		ddl_literal_str(x, b, t->comment);
		ddl_emit(x, b);
	}
	for (size_t i = 0; i < t->n_columns; i++)
		if (t->columns[i]->comment && *t->columns[i]->comment)
			ddl_column_comment(x, t->schema, t->name, t->columns[i]->name,
					   t->columns[i]->comment, b);
	return 0;
}

/* ---- ADD COLUMN (toimpl.py add_column) ---- */

/* SQLite's add_constraint: type-bound CHECKs are skipped with a warning,
 * anything else is Alembic's NotImplementedError. */
static const char ddl_sqlite_no_alter[] =
	"No support for ALTER of constraints in SQLite dialect. Please refer to the batch "
	"mode feature which allows for SQLite migrations using a copy-and-move strategy.";

static int ddl_add_constraint_stmt(struct ddl_ctx *x, const char *schema, const char *table,
				   const struct sch_constraint *c, struct buf *b)
{
	if (!x->d->alter_constraints)
		return ddl_fail(x, "%s", ddl_sqlite_no_alter);
	ddl_alter_table(x, b, schema, table);
	buf_adds(b, " ADD ");
	if (ddl_constraint(x, b, c) < 0)
		return -1;
	ddl_emit(x, b);
	return 0;
}

static int ddl_add_column(struct ddl_ctx *x, const struct ddl_family *f, struct buf *b)
{
	const struct mig_op *op = x->op;
	struct sch_table t = {.name = op->table, .schema = op->schema};
	struct sch_column *cols[1] = {(struct sch_column *)op->column};
	struct ddl_table dt;

	t.columns = cols;
	t.n_columns = 1;
	if (ddl_table_prepare(x, &t, &dt) < 0)
		return -1;
	ddl_alter_table(x, b, op->schema, op->table);
	buf_adds(b, x->d->add_column_keyword ? " ADD COLUMN " : " ADD ");
	if (f->column_spec(x, &dt, &dt.cols[0], b) < 0 || ddl_column_checks(x, b, op->column) < 0)
		return -1;
	ddl_emit(x, b);
	if (op->column->unique == SCH_TRUE && op->column->index != SCH_TRUE) {
		struct sch_constraint uq = {.kind = SCH_UNIQUE};

		strvec_push(x->a, &uq.columns, op->column->name);
		if (ddl_convention_check(x, 'u', "a unique constraint", NULL, false) < 0 ||
		    ddl_add_constraint_stmt(x, op->schema, op->table, &uq, b) < 0)
			return -1;
	}
	for (size_t j = 0; j < op->column->n_fks; j++)
		if (ddl_convention_check(x, 'f', "a foreign key", op->column->fks[j]->name,
					 op->column->fks[j]->name_final) < 0 ||
		    ddl_add_constraint_stmt(x, op->schema, op->table,
					    ddl_fk_of(x, op->column, op->column->fks[j]), b) < 0)
			return -1;
	if (ddl_table_indexes(x, f, &t, b) < 0)
		return -1;
	if (ddl_separate_comments(x) && op->column->comment && *op->column->comment)
		ddl_column_comment(x, op->schema, op->table, op->column->name, op->column->comment,
				   b);
	return 0;
}

/* ---- the simple ones ---- */

static int ddl_drop_table(struct ddl_ctx *x, const struct ddl_family *f, struct buf *b)
{
	(void)f;
	buf_adds(b, "DROP TABLE ");
	if (x->op->if_exists)
		buf_adds(b, "IF EXISTS ");
	ddl_table_name(x, b, x->op->schema, x->op->table);
	ddl_emit(x, b);
	return 0;
}

static int ddl_drop_column(struct ddl_ctx *x, const struct ddl_family *f, struct buf *b)
{
	(void)f;
	ddl_alter_table(x, b, x->op->schema, x->op->table);
	buf_adds(b, " DROP COLUMN ");
	ddl_q(x, b, x->op->column_name);
	ddl_emit(x, b);
	return 0;
}

static int ddl_add_constraint(struct ddl_ctx *x, const struct ddl_family *f, struct buf *b)
{
	const struct sch_constraint *c = x->op->constraint;

	(void)f;
	if (ddl_conv_constraint(x, x->op->schema, x->op->table, &c, true) < 0)
		return -1;
	return ddl_add_constraint_stmt(x, x->op->schema, x->op->table, c, b);
}

static int ddl_create_index(struct ddl_ctx *x, const struct ddl_family *f, struct buf *b)
{
	struct sch_index ix = *x->op->index;

	if (!ix.table)
		ix.table = x->op->table;
	if (!ix.schema)
		ix.schema = x->op->schema;
	if (ddl_conv_index(x, "index", &ix, ix.name) < 0)
		return -1;
	return ddl_index_stmt(x, f, &ix, b);
}

/* op.execute: the text as given (a .py text() construct gets its '%'
 * doubled offline on PostgreSQL/MySQL, as SQLAlchemy compiles it). */
static int ddl_execute(struct ddl_ctx *x, const struct ddl_family *f, struct buf *b)
{
	const struct mig_op *op = x->op;

	(void)f;
	if (!op->sql && op->dml) {
		if (ddl_dml(x, op->dml, b) < 0)
			return -1;
		ddl_emit(x, b);
		return 0;
	}
	if (!op->sql)
		return ddl_fail(x, "op.execute() of %s cannot be rendered without Python",
				op->stmt ? ddl_what(x, op->stmt) : "this statement");
	if (op->native) {
		sql_stmts_push(x->a, x->out, op->sql, x->autocommit || op->autocommit, op->line);
		return 0;
	}
	ddl_expr(x, b, &(struct sch_expr){.kind = SCH_EXPR_TEXT, .s = op->sql});
	sql_stmts_push(x->a, x->out, buf_to_arena(b, x->a), x->autocommit || op->autocommit,
		       op->line);
	buf_reset(b);
	return 0;
}

/* The value of column col in row (a dict), or NULL when absent. */
static const struct pyv *ddl_row_value(const struct pyv *row, const char *col)
{
	for (size_t i = 0; i < row->n; i++)
		if (row->keys[i]->kind == PYV_STR && !strcmp(row->keys[i]->s, col))
			return row->items[i];
	return NULL;
}

/* One INSERT of bulk_insert: the row's columns in table order, literal
 * values (offline exactly Alembic's text; online the same statements stand
 * for its executemany). */
static int ddl_bulk_row(struct ddl_ctx *x, const struct sch_table *t, const struct pyv *row,
			struct buf *b)
{
	struct buf vals = BUF_INIT;
	size_t used = 0;

	for (size_t k = 0; k < row->n; k++) {
		bool known = false;

		for (size_t i = 0; i < t->n_columns; i++)
			known |= row->keys[k]->kind == PYV_STR &&
				 !strcmp(row->keys[k]->s, t->columns[i]->name);
		if (!known)
			return ddl_fail(x, "Unconsumed column names: %s",
					ddl_what(x, row->keys[k]));
	}
	buf_adds(b, "INSERT INTO ");
	ddl_table_name(x, b, t->schema, t->name);
	for (size_t i = 0; i < t->n_columns; i++) {
		const struct pyv *v = ddl_row_value(row, t->columns[i]->name);

		if (!v)
			continue;
		buf_adds(b, used ? ", " : " (");
		ddl_q(x, b, t->columns[i]->name);
		if (used++)
			buf_adds(&vals, ", ");
		if (ddl_literal_typed(x, &vals, v, t->columns[i]->type) < 0) {
			buf_release(&vals);
			return -1;
		}
	}
	if (used)
		buf_addf(b, ") VALUES (%s)", vals.ptr);
	else
		buf_adds(b, x->d->family == SQL_FAMILY_MYSQL ? " () VALUES ()" : " DEFAULT VALUES");
	buf_release(&vals);
	ddl_emit(x, b);
	return 0;
}

static int ddl_bulk_insert(struct ddl_ctx *x, const struct ddl_family *f, struct buf *b)
{
	const struct pyv *rows = x->op->rows;

	(void)f;
	if (!rows || rows->kind != PYV_LIST)
		return ddl_fail(x, "List expected");
	for (size_t i = 0; i < rows->n; i++) {
		if (rows->items[i]->kind != PYV_DICT)
			return ddl_fail(x, "List of dictionaries expected");
		if (ddl_bulk_row(x, x->op->bulk_table, rows->items[i], b) < 0)
			return -1;
	}
	return 0;
}

static int ddl_body(struct ddl_ctx *x, const struct mig_op *ops, size_t n, bool autocommit);

/* A statement the family builds whole (rename_table, drop_index, drop_constraint). */
static int ddl_family_stmt(struct ddl_ctx *x, struct buf *b,
			   int (*stmt)(struct ddl_ctx *x, const struct mig_op *op, struct buf *out))
{
	if (stmt(x, x->op, b) < 0)
		return -1;
	ddl_emit(x, b);
	return 0;
}

static int ddl_rename_table(struct ddl_ctx *x, const struct ddl_family *f, struct buf *b)
{
	return ddl_family_stmt(x, b, f->rename_table);
}

static int ddl_drop_index(struct ddl_ctx *x, const struct ddl_family *f, struct buf *b)
{
	if (ddl_convention_check(x, 'i', "drop_index", x->op->index->name,
				 x->op->index->name_final) < 0)
		return -1;
	return ddl_family_stmt(x, b, f->drop_index);
}

static int ddl_drop_constraint(struct ddl_ctx *x, const struct ddl_family *f, struct buf *b)
{
	if (!x->d->alter_constraints)
		return ddl_fail(x, "%s", ddl_sqlite_no_alter);
	/* generic_constraint() attaches it to a table of the convention's metadata */
	if (ddl_convention_check(x, ddl_type_key(x->op->constraint_type), "drop_constraint",
				 x->op->constraint_name, x->op->constraint_name_final) < 0)
		return -1;
	return ddl_family_stmt(x, b, f->drop_constraint);
}

static int ddl_alter_column(struct ddl_ctx *x, const struct ddl_family *f, struct buf *b)
{
	(void)b;
	return f->alter_column(x, x->op);
}

static int ddl_create_table_comment(struct ddl_ctx *x, const struct ddl_family *f, struct buf *b)
{
	(void)b;
	return f->table_comment(x, x->op, x->op->comment);
}

static int ddl_drop_table_comment(struct ddl_ctx *x, const struct ddl_family *f, struct buf *b)
{
	(void)b;
	return f->table_comment(x, x->op, NULL);
}

/* with autocommit_block(): the body, every statement outside the transaction. */
static int ddl_autocommit(struct ddl_ctx *x, const struct ddl_family *f, struct buf *b)
{
	(void)f, (void)b;
	return ddl_body(x, x->op->body, x->op->n_body, true);
}

/* The names a rebuilt block's operations give (ddl_convention_check),
 * checked before anything runs: the rebuild itself is compiled at run time. */
static int ddl_batch_conventions(struct ddl_ctx *x, const struct mig_op *batch)
{
	int rc = 0;

	for (size_t i = 0; i < batch->n_body && !rc; i++) {
		const struct mig_op *op = &batch->body[i];

		x->op = op;
		if (op->kind == MIG_ADD_CONSTRAINT)
			rc = ddl_convention_check(x, ddl_kind_key(op->constraint->kind),
						  ddl_kind_word(op->constraint->kind),
						  op->constraint->name, op->constraint->name_final);
		else if (op->kind == MIG_DROP_CONSTRAINT)
			rc = ddl_convention_check(x, ddl_type_key(op->constraint_type),
						  "drop_constraint", op->constraint_name,
						  op->constraint_name_final);
		else if (op->kind == MIG_CREATE_INDEX || op->kind == MIG_DROP_INDEX)
			rc = ddl_convention_check(x, 'i', "index", op->index->name,
						  op->index->name_final);
		else if (op->kind == MIG_ADD_COLUMN && op->column->index == SCH_TRUE)
			rc = ddl_convention_check(x, 'i', "the index of an index=True column", NULL,
						  false);
		for (size_t j = 0; op->kind == MIG_ADD_COLUMN && j < op->column->n_fks && !rc; j++)
			rc = ddl_convention_check(x, 'f', "a foreign key", op->column->fks[j]->name,
						  op->column->fks[j]->name_final);
	}
	x->op = batch;
	return rc;
}

/* with batch_alter_table(): the body as plain ALTERs, or (online SQLite) one
 * placeholder statement the runtime rebuilds the table for; refused where
 * the move-and-copy would need a table we cannot read. */
static int ddl_batch(struct ddl_ctx *x, const struct ddl_family *f, struct buf *b)
{
	const struct mig_op *op = x->op;

	(void)f, (void)b;
	bool placeholder = x->o->as_sql ? x->o->offline_rebuild && x->d->family == SQL_FAMILY_SQLITE
					: x->d->family == SQL_FAMILY_SQLITE ||
						  x->d->family == SQL_FAMILY_POSTGRESQL;

	if (sql_batch_needs_recreate(x->d, op) && !placeholder) {
		ddl_fail(x, "%s", sql_batch_refusal(x->a, x->o, op));
		if (x->o->as_sql)
			x->e->code = ERR_COMMAND; /* Alembic's CommandError: FAILED:, 255 */
		return -1;
	}
	if (sql_batch_needs_recreate(x->d, op)) { /* rebuilt when it runs: the table is
						     read from the database then */
		if (ddl_batch_conventions(x, op) < 0)
			return -1;
		sql_stmts_push(x->a, x->out, NULL, x->autocommit, op->line);
		x->out->v[x->out->n - 1].batch = op;
		return 0;
	}
	return ddl_body(x, op->body, op->n_body, x->autocommit);
}

/* The compiler of each kind of operation. */
static int (*const ddl_ops[])(struct ddl_ctx *x, const struct ddl_family *f, struct buf *b) = {
	[MIG_EXECUTE] = ddl_execute,
	[MIG_CREATE_TABLE] = ddl_create_table,
	[MIG_DROP_TABLE] = ddl_drop_table,
	[MIG_RENAME_TABLE] = ddl_rename_table,
	[MIG_ADD_COLUMN] = ddl_add_column,
	[MIG_DROP_COLUMN] = ddl_drop_column,
	[MIG_ALTER_COLUMN] = ddl_alter_column,
	[MIG_CREATE_INDEX] = ddl_create_index,
	[MIG_DROP_INDEX] = ddl_drop_index,
	[MIG_ADD_CONSTRAINT] = ddl_add_constraint,
	[MIG_DROP_CONSTRAINT] = ddl_drop_constraint,
	[MIG_CREATE_TABLE_COMMENT] = ddl_create_table_comment,
	[MIG_DROP_TABLE_COMMENT] = ddl_drop_table_comment,
	[MIG_BULK_INSERT] = ddl_bulk_insert,
	[MIG_BATCH] = ddl_batch,
	[MIG_AUTOCOMMIT] = ddl_autocommit,
	[MIG_CREATE_ENUM] = ddl_enum_own,
	[MIG_DROP_ENUM] = ddl_enum_own,
};

static int ddl_dispatch(struct ddl_ctx *x, const struct ddl_family *f, struct buf *b)
{
	if ((size_t)x->op->kind < sizeof(ddl_ops) / sizeof(ddl_ops[0]) && ddl_ops[x->op->kind])
		return ddl_ops[x->op->kind](x, f, b);
	return ddl_fail(x, "unknown operation");
}

int sql_compile_op(struct arena *a, const struct sql_opts *o, const struct mig_op *op,
		   struct sql_stmts *out, struct err *e)
{
	struct ddl_ctx x = {a, o, o->d, op, out, e, false};
	const struct ddl_family *f = ddl_family_of(o->d);
	struct buf b = BUF_INIT;
	int rc;

	if (!f && op->kind != MIG_EXECUTE)
		return ddl_fail(&x,
				"operations other than op.execute() are not compiled for "
				"dialect %s",
				o->d->name);
	rc = ddl_dispatch(&x, f, &b);
	buf_release(&b);
	return rc;
}

/* The ops of a block; autocommit marks every statement they make. */
static int ddl_body(struct ddl_ctx *x, const struct mig_op *ops, size_t n, bool autocommit)
{
	bool saved = x->autocommit;
	const struct mig_op *outer = x->op;
	int rc = 0;

	x->autocommit = autocommit;
	for (size_t i = 0; i < n && rc == 0; i++) {
		struct buf b = BUF_INIT;

		x->op = &ops[i];
		rc = ddl_dispatch(x, ddl_family_of(x->d), &b);
		buf_release(&b);
	}
	x->op = outer;
	x->autocommit = saved;
	return rc;
}

/* SQLiteImpl.requires_recreate_in_batch: an add_column whose default is
 * an expression (or a stored computed column), or any op other than
 * add_column / create_index / drop_index. */
static bool ddl_sqlite_op_recreates(const struct mig_op *op)
{
	const struct sch_column *c = op->column;

	if (op->kind == MIG_CREATE_INDEX || op->kind == MIG_DROP_INDEX)
		return false;
	if (op->kind != MIG_ADD_COLUMN)
		return true;
	/* toimpl.add_column adds the column's constraints as add_constraint ops */
	if (c->n_fks || (c->unique == SCH_TRUE && c->index != SCH_TRUE))
		return true;
	return (c->server_default && c->server_default->kind != SCH_EXPR_STR) ||
	       (c->computed && c->computed->persisted == SCH_TRUE);
}

bool sql_batch_needs_recreate(const struct sql_dialect *d, const struct mig_op *batch)
{
	if (!strcmp(batch->recreate ? batch->recreate : "auto", "always"))
		return true;
	if (!strcmp(batch->recreate ? batch->recreate : "auto", "never") ||
	    d->family != SQL_FAMILY_SQLITE)
		return false;
	for (size_t i = 0; i < batch->n_body; i++)
		if (ddl_sqlite_op_recreates(&batch->body[i]))
			return true;
	return false;
}

const char *sql_batch_refusal(struct arena *a, const struct sql_opts *o, const struct mig_op *batch)
{
	if (o->as_sql)
		return arena_printf(a,
				    "This operation cannot proceed in --sql mode; batch mode "
				    "with dialect %s requires a live database connection with "
				    "which to reflect the table \"%s\". To generate a batch SQL "
				    "migration script using table \"move and copy\", a complete "
				    "Table object should be passed to the \"copy_from\" argument "
				    "of the batch_alter_table() method so that table reflection "
				    "can be skipped.",
				    o->d->name, batch->table);
	return arena_printf(a,
			    "batch_alter_table('%s') needs the move-and-copy, which is "
			    "implemented natively on SQLite and PostgreSQL only",
			    batch->table);
}

int sql_compile_body(struct arena *a, const struct sql_opts *o, const struct mig_body *b,
		     struct sql_stmts *out, struct err *e)
{
	for (size_t i = 0; i < b->n_ops; i++)
		if (sql_compile_op(a, o, &b->ops[i], out, e) < 0)
			return -1;
	return 0;
}
