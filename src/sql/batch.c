/*
 * batch.c - batch_alter_table's "move and copy" (Alembic 1.8.1
 * operations/batch.py ApplyBatchImpl): the table as the database holds it
 * (read by the caller: db_read_table on SQLite, db_introspect on
 * PostgreSQL) gets the block's operations applied in memory, then
 *   (PostgreSQL) ALTER TABLE <t> DROP CONSTRAINT <each named constraint kept>
 *   CREATE TABLE _alembic_tmp_<t> (...)
 *   INSERT INTO _alembic_tmp_<t> (cols) SELECT <t>.cols FROM <t>
 *   DROP TABLE <t>
 *   ALTER TABLE _alembic_tmp_<t> RENAME TO <t>
 *   CREATE INDEX ... (the table's indexes, then the block's new ones)
 * Column order follows ApplyBatchImpl's topological sort of the existing
 * order and the added columns' positions; constraints whose columns are
 * gone are left out, and so are unnamed reflected CHECK constraints, as
 * Alembic does (it cannot tell them from a type's own CHECK).
 */
#include "sql/ddl_int.h"

#include <string.h>

#include "base/str.h"

struct bcol {
	struct sch_column *c;        /* the column of the new table (a copy) */
	const char *key;             /* its name in the old table (transfers keep the key) */
	bool transfer;               /* copied from the old table */
	const struct sch_type *cast; /* CAST(... AS type) on transfer (type affinity changed) */
};

struct bstate {
	struct ddl_ctx *x;                  /* compilation */
	const struct sch_table *old;        /* the table as read */
	struct bcol *cols;                  /* self.columns, in order */
	size_t n_cols;                      /* their number */
	struct strvec existing;             /* existing_ordering (keys) */
	struct strvec pair_a, pair_b;       /* add_col_ordering pairs (a before b) */
	const struct sch_constraint **cons; /* named then unnamed constraints */
	size_t n_cons;                      /* their number */
	const struct sch_index **ix;        /* existing indexes (by name) */
	size_t n_ix;                        /* their number */
	const struct sch_index **new_ix;    /* indexes the block creates */
	size_t n_new_ix;                    /* their number */
};

static struct bcol *b_col(struct bstate *s, const char *name)
{
	for (size_t i = 0; i < s->n_cols; i++)
		if (!strcmp(s->cols[i].key, name) || !strcmp(s->cols[i].c->name, name))
			return &s->cols[i];
	return NULL;
}

static int b_init(struct bstate *s, struct ddl_ctx *x, const struct sch_table *old, size_t extra)
{
	memset(s, 0, sizeof(*s));
	s->x = x;
	s->old = old;
	s->cols = arena_calloc(x->a, old->n_columns + extra + 1, sizeof(*s->cols));
	for (size_t i = 0; i < old->n_columns; i++) {
		struct sch_column *c = arena_calloc(x->a, 1, sizeof(*c));

		*c = *old->columns[i];
		c->unique = c->index = SCH_UNSET;
		/* (differs) a generated column is not copied but computed again:
		 * Alembic's INSERT names it, which SQLite refuses */
		s->cols[s->n_cols++] =
			(struct bcol){c, old->columns[i]->name, !old->columns[i]->computed, NULL};
		strvec_push(x->a, &s->existing, old->columns[i]->name);
	}
	s->cons = arena_calloc(x->a, old->n_constraints + extra + 1, sizeof(*s->cons));
	for (int named = 1; named >= 0; named--) /* named first, as _grab_table_elements */
		for (size_t i = 0; i < old->n_constraints; i++)
			if ((old->constraints[i]->name != NULL) == named &&
			    (old->constraints[i]->kind != SCH_CHECK || old->constraints[i]->name))
				s->cons[s->n_cons++] = old->constraints[i];
	s->ix = arena_calloc(x->a, old->n_indexes + 1, sizeof(*s->ix));
	for (size_t i = 0; i < old->n_indexes; i++)
		s->ix[s->n_ix++] = old->indexes[i];
	s->new_ix = arena_calloc(x->a, extra + 1, sizeof(*s->new_ix));
	return 0;
}

/* _setup_dependencies_for_add_column without insert_before/after: after
 * the last existing column. */
static void b_add_column(struct bstate *s, const struct sch_column *c)
{
	struct sch_column *copy = arena_calloc(s->x->a, 1, sizeof(*copy));

	*copy = *c;
	if (s->existing.n) {
		strvec_push(s->x->a, &s->pair_a, s->existing.v[s->existing.n - 1]);
		strvec_push(s->x->a, &s->pair_b, c->name);
	}
	s->cols[s->n_cols++] = (struct bcol){copy, c->name, false, NULL};
}

static int b_drop_column(struct bstate *s, const char *name)
{
	for (size_t i = 0; i < s->n_cols; i++) {
		if (strcmp(s->cols[i].key, name) && strcmp(s->cols[i].c->name, name))
			continue;
		memmove(&s->cols[i], &s->cols[i + 1], (s->n_cols - i - 1) * sizeof(*s->cols));
		s->n_cols--;
		for (size_t j = 0; j < s->existing.n; j++)
			if (!strcmp(s->existing.v[j], name)) {
				memmove(&s->existing.v[j], &s->existing.v[j + 1],
					(s->existing.n - j - 1) * sizeof(*s->existing.v));
				s->existing.n--;
			}
		return 0;
	}
	return ddl_fail(s->x, "No such column: '%s'", name);
}

/* The type affinity SQLite's cast_for_batch_migrate compares. */
static int b_affinity(const struct sch_type *t)
{
	return t ? (int)t->family : -1;
}

/* ApplyBatchImpl.alter_column */
static int b_alter_column(struct bstate *s, const struct mig_alter *al)
{
	struct bcol *bc = b_col(s, al->column);
	struct sch_column *c;

	if (!bc)
		return ddl_fail(s->x, "No such column: '%s'", al->column);
	c = bc->c;
	if (al->new_name)
		c->name = al->new_name;
	if (al->type) {
		if (bc->transfer && b_affinity(c->type) != b_affinity(al->type) &&
		    al->type->family != SCH_T_JSON)
			bc->cast = al->type;
		c->type = al->type;
	}
	if (al->nullable != SCH_UNSET)
		c->nullable = al->nullable;
	if (al->server_default_given)
		c->server_default = al->server_default;
	if (al->autoincrement != SCH_UNSET)
		c->autoincrement =
			al->autoincrement == SCH_TRUE ? SCH_AUTOINC_TRUE : SCH_AUTOINC_FALSE;
	if (al->comment_given)
		c->comment = al->comment;
	return 0;
}

/* ApplyBatchImpl.add_constraint: a name is required; a new key replaces the old one. */
static int b_add_constraint(struct bstate *s, const struct sch_constraint *k)
{
	if (!k->name)
		return ddl_fail(s->x, "Constraint must have a name");
	if (k->kind == SCH_PRIMARY_KEY)
		for (size_t i = 0; i < s->n_cons; i++)
			if (s->cons[i]->kind == SCH_PRIMARY_KEY && !s->cons[i]->name) {
				memmove(&s->cons[i], &s->cons[i + 1],
					(s->n_cons - i - 1) * sizeof(*s->cons));
				s->n_cons--;
				break;
			}
	for (size_t i = 0; i < s->n_cons; i++)
		if (s->cons[i]->name && !strcmp(s->cons[i]->name, k->name)) {
			s->cons[i] = k;
			return 0;
		}
	s->cons[s->n_cons++] = k;
	return 0;
}

/* ApplyBatchImpl.drop_constraint */
static int b_drop_constraint(struct bstate *s, const char *name)
{
	if (!name)
		return ddl_fail(s->x, "Constraint must have a name");
	for (size_t i = 0; i < s->n_cons; i++) {
		const struct sch_constraint *k = s->cons[i];

		if (!k->name || strcmp(k->name, name))
			continue;
		if (k->kind == SCH_PRIMARY_KEY)
			for (size_t j = 0; j < k->columns.n; j++) {
				struct bcol *bc = b_col(s, k->columns.v[j]);

				if (bc)
					bc->c->primary_key = false;
			}
		memmove(&s->cons[i], &s->cons[i + 1], (s->n_cons - i - 1) * sizeof(*s->cons));
		s->n_cons--;
		return 0;
	}
	return ddl_fail(s->x, "No such constraint: '%s'", name);
}

static int b_drop_index(struct bstate *s, const char *name)
{
	for (size_t i = 0; i < s->n_ix; i++)
		if (s->ix[i]->name && !strcmp(s->ix[i]->name, name)) {
			memmove(&s->ix[i], &s->ix[i + 1], (s->n_ix - i - 1) * sizeof(*s->ix));
			s->n_ix--;
			return 0;
		}
	for (size_t i = 0; i < s->n_new_ix; i++)
		if (s->new_ix[i]->name && !strcmp(s->new_ix[i]->name, name)) {
			memmove(&s->new_ix[i], &s->new_ix[i + 1],
				(s->n_new_ix - i - 1) * sizeof(*s->new_ix));
			s->n_new_ix--;
			return 0;
		}
	return ddl_fail(s->x, "No such index: '%s'", name);
}

static int b_apply(struct bstate *s, const struct mig_op *op)
{
	s->x->op = op;
	switch (op->kind) {
	case MIG_ADD_COLUMN:
		b_add_column(s, op->column);
		/* toimpl.add_column: the column's constraints as add_constraint */
		if (op->column->unique == SCH_TRUE && op->column->index != SCH_TRUE)
			return ddl_fail(s->x, "Constraint must have a name");
		for (size_t i = 0; i < op->column->n_fks; i++)
			if (b_add_constraint(s, ddl_fk_of(s->x, op->column, op->column->fks[i])) <
			    0)
				return -1;
		s->cols[s->n_cols - 1].c->n_fks = 0;
		if (op->column->index == SCH_TRUE) {
			struct sch_index *ix = arena_calloc(s->x->a, 1, sizeof(*ix));

			ix->name = arena_printf(s->x->a, "ix_%s_%s", op->table, op->column->name);
			ix->unique = op->column->unique == SCH_TRUE;
			ix->elems = arena_calloc(s->x->a, 1, sizeof(*ix->elems));
			ix->elems[0].column = op->column->name;
			ix->n_elems = 1;
			s->new_ix[s->n_new_ix++] = ix;
		}
		return 0;
	case MIG_DROP_COLUMN:
		return b_drop_column(s, op->column_name);
	case MIG_ALTER_COLUMN:
		return b_alter_column(s, &op->alter);
	case MIG_ADD_CONSTRAINT:
		return b_add_constraint(s, op->constraint);
	case MIG_DROP_CONSTRAINT:
		return b_drop_constraint(s, op->constraint_name);
	case MIG_CREATE_INDEX:
		s->new_ix[s->n_new_ix++] = op->index;
		return 0;
	case MIG_DROP_INDEX:
		return b_drop_index(s, op->index->name);
	default:
		return ddl_fail(s->x, "this operation inside batch_alter_table is not supported "
				      "natively on SQLite");
	}
}

/* _adjust_self_columns_for_partial_reordering: pairs (the existing order
 * over the current columns, plus the added columns' positions), then
 * util/topological.py sort_as_subsets over the current column order. */
static void b_reorder(struct bstate *s)
{
	struct arena *a = s->x->a;
	struct strvec pa = STRVEC_INIT, pb = STRVEC_INIT;
	struct bcol *out = arena_calloc(a, s->n_cols + 1, sizeof(*out));
	bool *done = arena_calloc(a, s->n_cols + 1, sizeof(*done));
	size_t n_out = 0;

	if (!s->pair_a.n)
		return;
	for (size_t i = 1; i < s->existing.n && i < s->n_cols; i++) {
		strvec_push(a, &pa, s->cols[i - 1].key);
		strvec_push(a, &pb, s->existing.v[i]);
	}
	for (size_t i = 0; i < s->pair_a.n; i++) {
		strvec_push(a, &pa, s->pair_a.v[i]);
		strvec_push(a, &pb, s->pair_b.v[i]);
	}
	while (n_out < s->n_cols) {
		bool *ready = arena_calloc(a, s->n_cols, sizeof(*ready));
		size_t got = 0;

		for (size_t i = 0; i < s->n_cols; i++) {
			if (done[i])
				continue;
			ready[i] = true;
			for (size_t p = 0; p < pa.n; p++) {
				if (strcmp(pb.v[p], s->cols[i].key) || !strcmp(pa.v[p], pb.v[p]))
					continue;
				for (size_t j = 0; j < s->n_cols; j++)
					if (!done[j] && !strcmp(s->cols[j].key, pa.v[p]))
						ready[i] = false;
			}
		}
		for (size_t i = 0; i < s->n_cols; i++)
			if (ready[i]) {
				out[n_out++] = s->cols[i];
				done[i] = true;
				got++;
			}
		if (!got) /* a cycle cannot come from add_column without positions */
			return;
	}
	memcpy(s->cols, out, s->n_cols * sizeof(*out));
}

/* Are all of k's columns still in the table (by their old keys)? */
static bool b_cons_alive(struct bstate *s, const struct sch_constraint *k)
{
	for (size_t i = 0; i < k->columns.n; i++)
		if (!b_col(s, k->columns.v[i]))
			return false;
	return true;
}

/* A constraint's column names mapped to the new names. */
static const struct sch_constraint *b_cons_renamed(struct bstate *s, const struct sch_constraint *k)
{
	struct sch_constraint *c = arena_calloc(s->x->a, 1, sizeof(*c));

	*c = *k;
	memset(&c->columns, 0, sizeof(c->columns));
	for (size_t i = 0; i < k->columns.n; i++)
		strvec_push(s->x->a, &c->columns, b_col(s, k->columns.v[i])->c->name);
	return c;
}

/* The new table: columns in order, constraints whose columns remain. */
static struct sch_table *b_new_table(struct bstate *s, const char *name)
{
	struct sch_table *t = arena_calloc(s->x->a, 1, sizeof(*t));
	bool has_pk = false;

	*t = *s->old;
	t->name = name;
	t->comment = NULL; /* Table(temp, m, *columns, **table_kwargs): not carried */
	t->columns = arena_calloc(s->x->a, s->n_cols + 1, sizeof(*t->columns));
	t->n_columns = s->n_cols;
	for (size_t i = 0; i < s->n_cols; i++)
		t->columns[i] = s->cols[i].c;
	t->constraints = arena_calloc(s->x->a, s->n_cons + 1, sizeof(*t->constraints));
	t->n_constraints = 0;
	for (int named = 1; named >= 0; named--) /* named_constraints, then unnamed */
		for (size_t i = 0; i < s->n_cons; i++)
			if ((s->cons[i]->name != NULL) == named && b_cons_alive(s, s->cons[i])) {
				has_pk |= s->cons[i]->kind == SCH_PRIMARY_KEY;
				t->constraints[t->n_constraints++] =
					(struct sch_constraint *)b_cons_renamed(s, s->cons[i]);
			}
	if (has_pk) /* the explicit key decides; column flags follow it */
		for (size_t i = 0; i < s->n_cols; i++)
			s->cols[i].c->primary_key = false;
	t->indexes = NULL;
	t->n_indexes = 0;
	return t;
}

/* INSERT INTO tmp (new names) SELECT old.key [CAST(... AS T) AS key] ... FROM old */
static int b_insert(struct bstate *s, const char *tmp, struct buf *b)
{
	struct ddl_ctx *x = s->x;
	bool first = true;

	buf_adds(b, "INSERT INTO ");
	ddl_table_name(x, b, s->old->schema, tmp);
	buf_adds(b, " (");
	for (size_t i = 0; i < s->n_cols; i++)
		if (s->cols[i].transfer) {
			buf_adds(b, first ? "" : ", ");
			ddl_q(x, b, s->cols[i].c->name);
			first = false;
		}
	buf_adds(b, ") SELECT ");
	first = true;
	for (size_t i = 0; i < s->n_cols; i++) {
		if (!s->cols[i].transfer)
			continue;
		buf_adds(b, first ? "" : ", ");
		first = false;
		if (s->cols[i].cast)
			buf_adds(b, "CAST(");
		ddl_table_name(x, b, s->old->schema, s->old->name);
		buf_addch(b, '.');
		ddl_q(x, b, s->cols[i].key);
		if (s->cols[i].cast) {
			buf_adds(b, " AS ");
			if (ddl_type(x, b, s->cols[i].cast) < 0)
				return -1;
			buf_adds(b, ") AS ");
			ddl_q(x, b, s->cols[i].key);
		}
	}
	buf_adds(b, " \nFROM ");
	ddl_table_name(x, b, s->old->schema, s->old->name);
	ddl_emit(x, b);
	return 0;
}

/* One statement compiled through the common path (CREATE TABLE, DROP,
 * RENAME, CREATE INDEX). */
static int b_op(struct bstate *s, struct mig_op *op)
{
	op->line = s->x->op ? s->x->op->line : 0;
	op->col = s->x->op ? s->x->op->col : 0;
	return sql_compile_op(s->x->a, s->x->o, op, s->x->out, s->x->e);
}

/* An index re-created on the final table, columns renamed. */
static int b_index(struct bstate *s, const struct sch_index *ix)
{
	struct sch_index *c = arena_calloc(s->x->a, 1, sizeof(*c));
	struct mig_op op = {
		.kind = MIG_CREATE_INDEX, .table = s->old->name, .schema = s->old->schema};

	*c = *ix;
	c->table = s->old->name;
	c->schema = s->old->schema;
	c->elems = arena_calloc(s->x->a, ix->n_elems + 1, sizeof(*c->elems));
	for (size_t i = 0; i < ix->n_elems; i++) {
		struct bcol *bc = ix->elems[i].column ? b_col(s, ix->elems[i].column) : NULL;

		c->elems[i] = ix->elems[i];
		if (ix->elems[i].column && !bc)
			return 0; /* a column of it is gone: the index goes too */
		if (bc)
			c->elems[i].column = bc->c->name;
	}
	op.index = c;
	return b_op(s, &op);
}

/* PostgresqlImpl.prep_table_for_batch: the old table's named constraints
 * still among the block's named constraints are dropped first, so that the
 * new table can take their names. */
static int b_prep_pg(struct bstate *s)
{
	const struct sch_table *old = s->old;

	for (size_t i = 0; i < old->n_constraints; i++) {
		const char *name = old->constraints[i]->name;
		bool kept = false;

		for (size_t j = 0; name && j < s->n_cons && !kept; j++)
			kept = s->cons[j]->name && !strcmp(s->cons[j]->name, name);
		if (!kept)
			continue;
		struct mig_op op = {.kind = MIG_DROP_CONSTRAINT,
				    .table = old->name,
				    .schema = old->schema,
				    .constraint_name = name,
				    .constraint_name_final = true};
		if (b_op(s, &op) < 0)
			return -1;
	}
	return 0;
}

int sql_batch_rebuild(struct arena *a, const struct sql_opts *opts, const struct sch_table *old,
		      const struct mig_op *batch, struct sql_stmts *out, struct err *e)
{
	/* the new table lives in the batch's own MetaData() (no naming
	 * convention): the reflected names are kept as they are; the block's
	 * own names were checked against env.py's convention up front */
	struct sql_opts nc = *opts;
	const struct sql_opts *o = &nc;
	struct ddl_ctx x = {a, o, o->d, batch, out, e, false};
	const char *tmp = arena_printf(a, "_alembic_tmp_%s", old->name);
	struct mig_op op = {.schema = old->schema};
	struct bstate s;
	struct buf b = BUF_INIT;
	int rc;

	nc.naming = NULL;
	nc.naming_convention_unknown = NULL;
	b_init(&s, &x, old, batch->n_body);
	for (size_t i = 0; i < batch->n_body; i++)
		if (b_apply(&s, &batch->body[i]) < 0)
			return -1;
	x.op = batch;
	b_reorder(&s);
	if (o->d->family == SQL_FAMILY_POSTGRESQL && b_prep_pg(&s) < 0)
		return -1;
	op.kind = MIG_CREATE_TABLE;
	op.create = b_new_table(&s, tmp);
	op.table = tmp;
	if (b_op(&s, &op) < 0)
		return -1;
	rc = b_insert(&s, tmp, &b);
	buf_release(&b);
	if (rc < 0)
		return -1;
	op = (struct mig_op){.kind = MIG_DROP_TABLE, .table = old->name, .schema = old->schema};
	if (b_op(&s, &op) < 0)
		return -1;
	op = (struct mig_op){.kind = MIG_RENAME_TABLE,
			     .table = tmp,
			     .schema = old->schema,
			     .new_name = old->name};
	if (b_op(&s, &op) < 0)
		return -1;
	for (size_t i = 0; i < s.n_ix; i++)
		if (b_index(&s, s.ix[i]) < 0)
			return -1;
	for (size_t i = 0; i < s.n_new_ix; i++)
		if (b_index(&s, s.new_ix[i]) < 0)
			return -1;
	return 0;
}
