/*
 * compare_rename.c - the rename hints of ag_compare (autogen.h, issue 10):
 * Alembic turns every rename into a drop + add (the data is lost); a hint
 * in the model (info={"renamed_from": "old"} on a Table or Column, or a SQL
 * model's "-- @renamed from=old", ag_input.hints) turns it into
 * op.rename_table / op.alter_column(..., new_column_name=...).
 *
 * A hint is resolved against the database: its new name there already
 * (the rename was applied) does nothing; its old name there makes the
 * rename; neither is ERR_INPUT, as are a hint whose old name the model still
 * has and two hints taking one old name.  Table hints come first (a column
 * hint of a renamed table finds the table by its old name).  The rename ops
 * open the upgrade (their inverses close the downgrade), and the rest of
 * the comparison runs on a copy of the database as renamed: tables and
 * columns by their new names, and so the indexes, constraints and foreign
 * keys that name them (PostgreSQL and SQLite >= 3.25 carry them along on
 * RENAME; index and constraint names stay as they were, as there).
 */
#include "autogen/compare_int.h"

#include <string.h>

#include "base/str.h"

void agc_rename_push(struct agc *c, struct agc_renames *l, const struct ag_rename *r)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 8;

		l->v = arena_grow(c->a, l->v, l->cap, cap, sizeof(*l->v));
		l->cap = cap;
	}
	l->v[l->n++] = *r;
}

/* info["renamed_from"] when info is a dict and it is a str (later keys win). */
static const char *renamed_from(const struct pyv *info)
{
	const char *r = NULL;

	for (size_t i = 0; info && info->kind == PYV_DICT && i < info->n; i++)
		if (info->keys[i]->kind == PYV_STR && !strcmp(info->keys[i]->s, "renamed_from"))
			r = info->items[i]->kind == PYV_STR ? info->items[i]->s : NULL;
	return r;
}

/* The model's schema, none when it is the default one. */
static const char *model_schema(const struct agc *c, const struct sch_table *t)
{
	const char *dflt = c->in->norm->default_schema;

	return t->schema && dflt && !strcmp(t->schema, dflt) ? NULL : t->schema;
}

/* Every hint: in->hints, then model[]'s info= (tables, then their columns). */
static void collect(struct agc *c, struct agc_renames *out)
{
	for (size_t i = 0; i < c->in->n_hints; i++)
		agc_rename_push(c, out, &c->in->hints[i]);
	for (size_t i = 0; c->in->model && i < c->in->n_model; i++) {
		const struct sch_table *t = c->in->model[i];
		struct ag_rename r = {model_schema(c, t),    t->name, NULL,
				      renamed_from(t->info), NULL,    0};

		if (r.old)
			agc_rename_push(c, out, &r);
		for (size_t k = 0; k < t->n_columns; k++) {
			r.column = t->columns[k]->name;
			r.old = renamed_from(t->columns[k]->info);
			if (r.old)
				agc_rename_push(c, out, &r);
		}
	}
}

static const struct sch_table *table_in(const struct db_schema *s, const char *schema,
					const char *name)
{
	for (size_t i = 0; i < s->n_tables; i++)
		if (str_eq(s->tables[i]->schema, schema) && !strcmp(s->tables[i]->name, name))
			return s->tables[i];
	return NULL;
}

/* "schema.name" or "name". */
static const char *qual(struct agc *c, const char *schema, const char *name)
{
	return schema ? arena_printf(c->a, "%s.%s", schema, name) : name;
}

/* ERR_INPUT about hint h: at its file:line, or naming the model's info=. */
static int bad_hint(struct agc *c, const struct ag_rename *h, struct err *e, const char *why)
{
	const char *what = h->column
				   ? arena_printf(c->a, "column '%s.%s'",
						  qual(c, h->schema, h->table), h->column)
				   : arena_printf(c->a, "table '%s'", qual(c, h->schema, h->table));

	if (h->file)
		return err_at(e, ERR_INPUT, h->file, h->line,
			      "the rename hint of %s (-- @renamed from=%s): %s", what, h->old, why);
	return err_set(e, ERR_INPUT,
		       "target_metadata: the rename hint of %s (info={'renamed_from': '%s'}): %s",
		       what, h->old, why);
}

static bool taken(const struct agc_renames *l, const struct ag_rename *h)
{
	for (size_t i = 0; i < l->n; i++)
		if (str_eq(l->v[i].schema, h->schema) && str_eq(l->v[i].old, h->old) &&
		    (!h->column || !strcmp(l->v[i].table, h->table)))
			return true;
	return false;
}

/* A table hint: ignored, renamed, or refused. */
static int table_hint(struct agc *c, const struct ag_rename *h, struct err *e)
{
	struct mig_op *op;

	if (!table_in(c->in->norm, h->schema, h->table))
		return bad_hint(c, h, e, "the model has no such table");
	if (table_in(c->in->db, h->schema, h->table))
		return 0;
	if (!table_in(c->in->db, h->schema, h->old))
		return bad_hint(c, h, e, "the database has neither the old nor the new name");
	if (table_in(c->in->norm, h->schema, h->old))
		return bad_hint(c, h, e, "the model still has a table of the old name");
	if (taken(&c->tables_rn, h))
		return bad_hint(c, h, e, "another hint renames that table already");
	agc_rename_push(c, &c->tables_rn, h);
	op = agc_push(c, MIG_RENAME_TABLE, h->old, h->schema);
	op->new_name = h->table;
	op = agc_push_inv(c, MIG_RENAME_TABLE, h->table, h->schema);
	op->new_name = h->old;
	agc_log(c, "Detected renamed table %s to %s", agc_repr(c, qual(c, h->schema, h->old)),
		agc_repr(c, qual(c, h->schema, h->table)));
	return 0;
}

/* The database's table a (new) table name stands for, renames applied. */
static const struct sch_table *db_table_of(struct agc *c, const char *schema, const char *name)
{
	for (size_t i = 0; i < c->tables_rn.n; i++)
		if (str_eq(c->tables_rn.v[i].schema, schema) &&
		    !strcmp(c->tables_rn.v[i].table, name))
			return table_in(c->in->db, schema, c->tables_rn.v[i].old);
	return table_in(c->in->db, schema, name);
}

/* alter_column(table, old, new_column_name=new, existing_*) and its inverse. */
static void push_column_rename(struct agc *c, const struct ag_rename *h, const struct sch_column *d)
{
	struct mig_alter al = {.column = h->old, .new_name = h->column};
	struct mig_op *op;

	al.existing_type = d->type;
	al.existing_nullable = d->nullable == SCH_FALSE ? SCH_FALSE : SCH_TRUE;
	al.existing_server_default = d->server_default;
	al.existing_comment = c->comments ? d->comment : NULL;
	op = agc_push(c, MIG_ALTER_COLUMN, h->table, h->schema);
	op->alter = al;
	al.column = h->column;
	al.new_name = h->old;
	op = agc_push_inv(c, MIG_ALTER_COLUMN, h->table, h->schema);
	op->alter = al;
	agc_log(c, "Detected renamed column '%s.%s' to '%s.%s'", qual(c, h->schema, h->table),
		h->old, qual(c, h->schema, h->table), h->column);
}

/* A column hint: ignored, renamed, or refused. */
static int column_hint(struct agc *c, const struct ag_rename *h, struct err *e)
{
	const struct sch_table *norm = table_in(c->in->norm, h->schema, h->table);
	const struct sch_table *db = db_table_of(c, h->schema, h->table);
	const struct sch_column *d;

	if (!norm || !agc_column(norm, h->column))
		return bad_hint(c, h, e, "the model has no such column");
	if (agc_column(db, h->column))
		return 0;
	d = agc_column(db, h->old);
	if (!d)
		return bad_hint(c, h, e,
				db ? "the database's table has neither the old nor the new name"
				   : "the database has no such table, so neither name");
	if (agc_column(norm, h->old))
		return bad_hint(c, h, e, "the model still has a column of the old name");
	if (taken(&c->columns_rn, h))
		return bad_hint(c, h, e, "another hint renames that column already");
	agc_rename_push(c, &c->columns_rn, h);
	push_column_rename(c, h, d);
	return 0;
}

/* ---- the database as renamed ---- */

/* The new name of table (schema, name), or name. */
static const char *new_table_name(const struct agc *c, const char *schema, const char *name)
{
	for (size_t i = 0; i < c->tables_rn.n; i++)
		if (str_eq(c->tables_rn.v[i].schema, schema) &&
		    !strcmp(c->tables_rn.v[i].old, name))
			return c->tables_rn.v[i].table;
	return name;
}

/* The new name of column col of table (schema, table: its new name), or col. */
static const char *new_column_name(const struct agc *c, const char *schema, const char *table,
				   const char *col)
{
	for (size_t i = 0; col && i < c->columns_rn.n; i++) {
		const struct ag_rename *r = &c->columns_rn.v[i];

		if (str_eq(r->schema, schema) && !strcmp(r->table, table) && !strcmp(r->old, col))
			return r->column;
	}
	return col;
}

static void rename_list(struct agc *c, struct strvec *v, const char *schema, const char *table)
{
	struct strvec r = STRVEC_INIT;

	for (size_t i = 0; i < v->n; i++)
		strvec_push(c->a, &r, new_column_name(c, schema, table, v->v[i]));
	*v = r;
}

static struct sch_constraint *renamed_constraint(struct agc *c, const struct sch_table *t,
						 const struct sch_constraint *k)
{
	struct sch_constraint *r = arena_alloc(c->a, sizeof(*r));

	*r = *k;
	rename_list(c, &r->columns, t->schema, t->name);
	if (k->kind == SCH_FOREIGN_KEY && k->ref_table) {
		const char *rs = k->ref_schema ? k->ref_schema : t->schema;

		r->ref_table = new_table_name(c, rs, k->ref_table);
		rename_list(c, &r->ref_columns, rs, r->ref_table);
	}
	return r;
}

static struct sch_index *renamed_index(struct agc *c, const struct sch_table *t,
				       const struct sch_index *ix)
{
	struct sch_index *r = arena_alloc(c->a, sizeof(*r));

	*r = *ix;
	r->table = t->name;
	r->elems = arena_calloc(c->a, ix->n_elems + 1, sizeof(*r->elems));
	for (size_t i = 0; i < ix->n_elems; i++) {
		r->elems[i] = ix->elems[i];
		r->elems[i].column = new_column_name(c, t->schema, t->name, ix->elems[i].column);
	}
	return r;
}

/* A copy of db table t under its new names. */
static struct sch_table *renamed_table(struct agc *c, const struct sch_table *t)
{
	struct sch_table *r = arena_alloc(c->a, sizeof(*r));

	*r = *t;
	r->name = new_table_name(c, t->schema, t->name);
	r->columns = arena_calloc(c->a, t->n_columns + 1, sizeof(*r->columns));
	for (size_t i = 0; i < t->n_columns; i++) {
		const char *n = new_column_name(c, t->schema, r->name, t->columns[i]->name);

		r->columns[i] = t->columns[i];
		if (n != t->columns[i]->name) {
			r->columns[i] = arena_alloc(c->a, sizeof(*r->columns[i]));
			*r->columns[i] = *t->columns[i];
			r->columns[i]->name = n;
		}
	}
	r->constraints = arena_calloc(c->a, t->n_constraints + 1, sizeof(*r->constraints));
	for (size_t i = 0; i < t->n_constraints; i++)
		r->constraints[i] = renamed_constraint(c, r, t->constraints[i]);
	r->indexes = arena_calloc(c->a, t->n_indexes + 1, sizeof(*r->indexes));
	for (size_t i = 0; i < t->n_indexes; i++)
		r->indexes[i] = renamed_index(c, r, t->indexes[i]);
	return r;
}

static const struct db_schema *renamed_db(struct agc *c)
{
	struct db_schema *s = arena_alloc(c->a, sizeof(*s));
	const struct db_schema *db = c->in->db;

	*s = *db;
	s->tables = arena_calloc(c->a, db->n_tables + 1, sizeof(*s->tables));
	for (size_t i = 0; i < db->n_tables; i++)
		s->tables[i] = renamed_table(c, db->tables[i]);
	return s;
}

int agc_renames(struct agc *c, struct err *e)
{
	struct agc_renames hints = {0};

	collect(c, &hints);
	for (size_t i = 0; i < hints.n; i++)
		if (!hints.v[i].column && table_hint(c, &hints.v[i], e) < 0)
			return -1;
	for (size_t i = 0; i < hints.n; i++)
		if (hints.v[i].column && column_hint(c, &hints.v[i], e) < 0)
			return -1;
	if (c->tables_rn.n || c->columns_rn.n)
		c->db = renamed_db(c);
	return 0;
}
