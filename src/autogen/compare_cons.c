/*
 * compare_cons.c - the constraint level of ag_compare, after Alembic
 * 1.8.1's compare.py "table" comparators in their registration order:
 * _compare_indexes_and_uniques, _compare_foreign_keys,
 * _compare_table_comment.
 *
 * Indexes and unique constraints: named objects matched by name (removed
 * ones, then common ones, then added ones, each in name order, as Alembic
 * sorts them), unique constraints the model leaves unnamed matched by
 * their sorted column set (in the model's order; Alembic: set order).
 * Expression indexes are left out on both sides (SQLAlchemy 1.4 reflects
 * none; Alembic skips the model's).  Which unique constraints the model
 * names comes from model[] (the scratch database names them all on
 * PostgreSQL); without model[], the names norm reads back count as given.
 *
 * Foreign keys: matched by (columns, referred schema, table, columns) plus,
 * when the database table has foreign keys at all (Alembic's
 * backend_reflects_fk_options), ON UPDATE / ON DELETE / deferrability;
 * removed ones in the database's order, added ones in the model's
 * (Alembic: set order).
 *
 * Better than Alembic: the inverse of adding a unique or foreign key the
 * model leaves unnamed drops it by the name the database gives it (norm's
 * reflected name, read from the scratch database of the same dialect), not
 * drop_constraint(None, ...), when that name is known (PostgreSQL; SQLite
 * keeps no name for unnamed constraints).
 */
#include "autogen/compare_int.h"

#include <string.h>

#include "base/str.h"

/* An index or a unique constraint as _ix_constraint_sig/_uq_constraint_sig see it. */
struct agc_sig {
	const char *name;                /* NULL: an unnamed unique constraint */
	bool is_index;                   /* an Index (else a UniqueConstraint) */
	bool is_unique;                  /* unique=True (always for constraints) */
	const struct strvec *cols;       /* column names in order */
	const char *sig;                 /* the sorted names joined by '\x1f' */
	const char *sig_repr;            /* repr() of the sorted tuple: "('a', 'b')" */
	const struct sch_index *ix;      /* the index */
	const struct sch_constraint *uq; /* the constraint */
	const char *reflected_name;      /* norm side: the database's name for it */
};

struct agc_sigs {
	struct agc_sig *v; /* items */
	size_t n;          /* their number */
};

static bool ix_has_expr(const struct sch_index *ix)
{
	for (size_t i = 0; i < ix->n_elems; i++)
		if (!ix->elems[i].column)
			return true;
	return ix->n_elems == 0;
}

static void make_sig(struct agc *c, struct agc_sig *s, const struct strvec *cols)
{
	struct strvec sorted = STRVEC_INIT;
	struct buf b = BUF_INIT;

	for (size_t i = 0; i < cols->n; i++)
		strvec_push(c->a, &sorted, cols->v[i]);
	strvec_sort(&sorted);
	s->cols = cols;
	s->sig = strvec_join(c->a, &sorted, "\x1f");
	buf_addch(&b, '(');
	for (size_t i = 0; i < sorted.n; i++) {
		if (i)
			buf_adds(&b, ", ");
		pyv_repr_str(&b, sorted.v[i], strlen(sorted.v[i]));
	}
	buf_adds(&b, sorted.n == 1 ? ",)" : ")");
	s->sig_repr = buf_to_arena(&b, c->a);
	buf_release(&b);
}

static const struct strvec *index_cols(struct agc *c, const struct sch_index *ix)
{
	struct strvec *v = arena_calloc(c->a, 1, sizeof(*v));

	for (size_t i = 0; i < ix->n_elems; i++)
		strvec_push(c->a, v, ix->elems[i].column);
	return v;
}

/* The model's unique constraint over the same column set: table-level, or
 * a column's unique=True; *found false when the model has none. */
static const char *model_uq_name(const struct sch_table *m, const struct agc_sig *s,
				 const struct sch_constraint **k, bool *found)
{
	*found = false;
	*k = NULL;
	for (size_t i = 0; m && i < m->n_constraints; i++) {
		const struct sch_constraint *x = m->constraints[i];
		bool same = x->kind == SCH_UNIQUE && x->columns.n == s->cols->n;

		for (size_t j = 0; same && j < s->cols->n; j++)
			same = strvec_find(&x->columns, s->cols->v[j]) >= 0;
		if (same)
			return (*found = true), (*k = x), x->name;
	}
	for (size_t i = 0; m && s->cols->n == 1 && i < m->n_columns; i++)
		if (!strcmp(m->columns[i]->name, s->cols->v[0]) &&
		    m->columns[i]->unique == SCH_TRUE)
			return (*found = true), NULL;
	return NULL;
}

/* The indexes and unique constraints of one side (uniques only if with_uq). */
static struct agc_sigs collect(struct agc *c, const struct sch_table *t, const struct sch_table *m,
			       bool with_uq, bool norm)
{
	struct agc_sigs r = {0};

	if (!t)
		return r;
	r.v = arena_calloc(c->a, t->n_indexes + t->n_constraints + 1, sizeof(*r.v));
	for (size_t i = 0; with_uq && i < t->n_constraints; i++) {
		const struct sch_constraint *k = t->constraints[i];
		struct agc_sig *s = &r.v[r.n];
		bool found;

		if (k->kind != SCH_UNIQUE)
			continue;
		r.n++;
		make_sig(c, s, &k->columns);
		s->is_unique = true;
		s->uq = k;
		s->name = k->name;
		s->reflected_name = k->name;
		if (norm && m) {
			const struct sch_constraint *mk;
			const char *mn = model_uq_name(m, s, &mk, &found);

			s->name = found ? mn : k->name;
			s->uq = mk ? mk : k;
		}
	}
	for (size_t i = 0; i < t->n_indexes; i++) {
		struct agc_sig *s = &r.v[r.n];

		if (ix_has_expr(t->indexes[i]))
			continue;
		r.n++;
		make_sig(c, s, index_cols(c, t->indexes[i]));
		s->is_index = true;
		s->is_unique = t->indexes[i]->unique;
		s->ix = t->indexes[i];
		s->name = s->reflected_name = s->ix->name;
	}
	return r;
}

static const struct agc_sig *by_name(const struct agc_sigs *v, const char *name)
{
	for (size_t i = 0; name && i < v->n; i++)
		if (v->v[i].name && !strcmp(v->v[i].name, name))
			return &v->v[i];
	return NULL;
}

static const struct agc_sig *uq_by_sig(const struct agc_sigs *v, const char *sig, bool unnamed)
{
	for (size_t i = 0; i < v->n; i++)
		if (!v->v[i].is_index && (!unnamed || !v->v[i].name) && !strcmp(v->v[i].sig, sig))
			return &v->v[i];
	return NULL;
}

/* The model's index named like s, or NULL. */
static const struct sch_index *model_index(const struct agc_table *t, const struct agc_sig *s)
{
	for (size_t i = 0; t->model && i < t->model->n_indexes; i++)
		if (t->model->indexes[i]->name && !strcmp(t->model->indexes[i]->name, s->name))
			return t->model->indexes[i];
	return NULL;
}

/* An index ready for an op on table tab (the db or norm side): the
 * model's of that name, else s's.  A norm index the model lists only as a
 * column's index=True got its name from the naming convention
 * ("ix_%(column_0_label)s"): Alembic writes it op.f(). */
static const struct sch_index *op_index(struct agc *c, const struct agc_table *t,
					const struct agc_sig *s, const struct sch_table *tab)
{
	struct sch_index *ix = arena_alloc(c->a, sizeof(*ix));
	const struct sch_index *m = tab == t->norm ? model_index(t, s) : NULL;

	*ix = m ? *m : *s->ix;
	if (!m && t->model && tab == t->norm && ix->n_elems == 1) {
		const struct sch_column *col = agc_column(t->model, ix->elems[0].column);

		ix->name_final = col && col->index == SCH_TRUE;
	}
	ix->table = tab->name;
	ix->schema = tab->schema;
	return ix;
}

static const struct sch_table *any_side(const struct agc_table *t)
{
	return t->db ? t->db : t->norm;
}

static void push_index(struct agc *c, const struct agc_table *t, bool create,
		       const struct sch_index *ix, bool inverse)
{
	const struct sch_table *tab = any_side(t);
	struct mig_op *op = (inverse ? agc_push_inv : agc_push)(
		c, create ? MIG_CREATE_INDEX : MIG_DROP_INDEX, tab->name, tab->schema);

	op->index = ix;
}

static void push_uq(struct agc *c, const struct agc_table *t, bool create,
		    const struct sch_constraint *k, const char *name, bool inverse)
{
	const struct sch_table *tab = any_side(t);
	struct mig_op *op = (inverse ? agc_push_inv : agc_push)(
		c, create ? MIG_ADD_CONSTRAINT : MIG_DROP_CONSTRAINT, tab->name, tab->schema);

	op->constraint = k;
	op->constraint_name = name;
	op->constraint_name_final = k && k->name_final;
	op->constraint_type = create ? NULL : "unique";
}

/* The unique constraint s as the upgrade creates it: the model's name (or none). */
static const struct sch_constraint *uq_as_model(struct agc *c, const struct agc_sig *s)
{
	struct sch_constraint *k;

	if (str_eq(s->uq->name, s->name))
		return s->uq;
	k = arena_alloc(c->a, sizeof(*k));
	*k = *s->uq;
	k->name = s->name;
	return k;
}

static void obj_added(struct agc *c, const struct agc_table *t, const struct agc_sig *s)
{
	if (s->is_index) {
		const struct sch_index *ix = op_index(c, t, s, t->norm);

		push_index(c, t, true, ix, false);
		push_index(c, t, false, ix, true);
		agc_log(c, "Detected added index '%s' on '%s'", s->name, agc_list_repr(c, s->cols));
		return;
	}
	if (!t->db || !t->norm)
		return; /* created inline with the table */
	push_uq(c, t, true, uq_as_model(c, s), s->name, false);
	push_uq(c, t, false, s->uq, s->name ? s->name : s->reflected_name, true);
	agc_log(c, "Detected added unique constraint '%s' on '%s'", s->name ? s->name : "None",
		agc_list_repr(c, s->cols));
}

static void obj_removed(struct agc *c, const struct agc_table *t, const struct agc_sig *s)
{
	const struct sch_table *tab = any_side(t);

	if (s->is_index) {
		const struct sch_index *ix = op_index(c, t, s, t->db);

		push_index(c, t, false, ix, false);
		push_index(c, t, true, ix, true);
		agc_log(c, "Detected removed index '%s' on '%s'", s->name, tab->name);
		return;
	}
	if (!t->db || !t->norm)
		return;
	push_uq(c, t, false, s->uq, s->name, false);
	push_uq(c, t, true, s->uq, s->name, true);
	agc_log(c, "Detected removed unique constraint '%s' on '%s'", s->name, tab->name);
}

static void obj_changed(struct agc *c, const struct agc_table *t, const struct agc_sig *old,
			const struct agc_sig *new, const char *msg)
{
	agc_log(c, "Detected changed %s '%s' on '%s':%s",
		old->is_index ? "index" : "unique constraint", old->name, t->db->name, msg);
	if (old->is_index) {
		const struct sch_index *o = op_index(c, t, old, t->db);
		const struct sch_index *n = op_index(c, t, new, t->norm);

		push_index(c, t, false, o, false);
		push_index(c, t, true, o, true);
		push_index(c, t, true, n, false);
		push_index(c, t, false, n, true);
		return;
	}
	push_uq(c, t, false, old->uq, old->name, false);
	push_uq(c, t, true, old->uq, old->name, true);
	push_uq(c, t, true, uq_as_model(c, new), new->name, false);
	push_uq(c, t, false, new->uq, new->name, true);
}

static void compare_common(struct agc *c, const struct agc_table *t, const struct agc_sig *conn,
			   const struct agc_sig *meta)
{
	struct buf msg = BUF_INIT;

	if (conn->is_index != meta->is_index) {
		obj_removed(c, t, conn);
		obj_added(c, t, meta);
		return;
	}
	if (conn->is_unique != meta->is_unique)
		buf_addf(&msg, " unique=%s to unique=%s", conn->is_unique ? "True" : "False",
			 meta->is_unique ? "True" : "False");
	if (strcmp(conn->sig, meta->sig))
		buf_addf(&msg, "%s columns %s to %s", msg.len ? ", " : "", conn->sig_repr,
			 meta->sig_repr);
	if (msg.len)
		obj_changed(c, t, conn, meta, buf_cstr(&msg));
	buf_release(&msg);
}

/* Names of v (named objects only), sorted; those with(out) a twin in w. */
static struct strvec names(struct agc *c, const struct agc_sigs *v, const struct agc_sigs *w,
			   bool in_w)
{
	struct strvec r = STRVEC_INIT;

	for (size_t i = 0; i < v->n; i++)
		if (v->v[i].name && (by_name(w, v->v[i].name) != NULL) == in_w)
			strvec_push_unique(c->a, &r, v->v[i].name);
	strvec_sort(&r);
	return r;
}

void agc_indexes(struct agc *c, const struct agc_table *t)
{
	bool existing = t->db && t->norm;
	struct agc_sigs conn = collect(c, t->db, NULL, existing, false);
	struct agc_sigs meta = collect(c, t->norm, t->model, true, true);
	struct strvec gone = names(c, &conn, &meta, false), both = names(c, &meta, &conn, true);
	struct strvec added = names(c, &meta, &conn, false);

	for (size_t i = 0; i < gone.n; i++) {
		const struct agc_sig *s = by_name(&conn, gone.v[i]);

		if (!s->is_index && uq_by_sig(&meta, s->sig, true))
			continue;
		obj_removed(c, t, s);
	}
	for (size_t i = 0; i < both.n; i++)
		compare_common(c, t, by_name(&conn, both.v[i]), by_name(&meta, both.v[i]));
	for (size_t i = 0; i < added.n; i++)
		obj_added(c, t, by_name(&meta, added.v[i]));
	for (size_t i = 0; i < meta.n; i++)
		if (!meta.v[i].is_index && !meta.v[i].name &&
		    !uq_by_sig(&conn, meta.v[i].sig, false))
			obj_added(c, t, &meta.v[i]);
}

/* ---- foreign keys ---- */

/* An ON UPDATE / ON DELETE action as the signature holds it. */
static const char *fk_action(struct agc *c, const char *s)
{
	const char *l = s ? str_lower(c->a, s) : NULL;

	return l && strcmp(l, "no action") ? l : "";
}

/* _fk_constraint_sig.sig, as text. */
static const char *fk_sig(struct agc *c, const struct sch_constraint *k, bool options)
{
	const char *s = arena_printf(c->a, "%s|%s|%s|%s", strvec_join(c->a, &k->columns, ","),
				     k->ref_schema ? k->ref_schema : "", k->ref_table,
				     strvec_join(c->a, &k->ref_columns, ","));

	if (!options)
		return s;
	return arena_printf(c->a, "%s|%s|%s|%s", s, fk_action(c, k->onupdate),
			    fk_action(c, k->ondelete),
			    k->initially && !strcmp(str_lower(c->a, k->initially), "deferred")
				    ? "initially_deferrable"
			    : k->deferrable == SCH_TRUE ? "deferrable"
							: "not deferrable");
}

static bool has_fk_sig(struct agc *c, const struct sch_table *t, const char *sig, bool options)
{
	for (size_t i = 0; i < t->n_constraints; i++)
		if (t->constraints[i]->kind == SCH_FOREIGN_KEY &&
		    !strcmp(fk_sig(c, t->constraints[i], options), sig))
			return true;
	return false;
}

/* "schema.table.col" / "table.col" of a ForeignKey into a constraint. */
static struct sch_constraint *fk_from_column(struct agc *c, const struct sch_column *col,
					     const struct sch_fk *f)
{
	struct sch_constraint *k = arena_calloc(c->a, 1, sizeof(*k));
	const char *dot = strrchr(f->ref, '.'), *first = strchr(f->ref, '.');

	k->kind = SCH_FOREIGN_KEY;
	k->name = f->name;
	k->name_final = f->name_final;
	strvec_push(c->a, &k->columns, col->name);
	strvec_push(c->a, &k->ref_columns, dot ? dot + 1 : f->ref);
	if (first && first != dot) {
		k->ref_schema = arena_strndup(c->a, f->ref, (size_t)(first - f->ref));
		k->ref_table = arena_strndup(c->a, first + 1, (size_t)(dot - first - 1));
	} else {
		k->ref_table = dot ? arena_strndup(c->a, f->ref, (size_t)(dot - f->ref)) : f->ref;
	}
	k->ondelete = f->ondelete;
	k->onupdate = f->onupdate;
	k->deferrable = f->deferrable;
	k->initially = f->initially;
	k->match = f->match;
	k->use_alter = f->use_alter;
	return k;
}

/* The model's foreign key written like norm's k (same columns and referred
 * table), table-level or a column's ForeignKey; else k itself. */
static const struct sch_constraint *model_fk(struct agc *c, const struct sch_table *m,
					     const struct sch_constraint *k)
{
	const char *want = fk_sig(c, k, false);

	for (size_t i = 0; m && i < m->n_constraints; i++)
		if (m->constraints[i]->kind == SCH_FOREIGN_KEY &&
		    !strcmp(fk_sig(c, m->constraints[i], false), want))
			return m->constraints[i];
	for (size_t i = 0; m && i < m->n_columns; i++)
		for (size_t j = 0; j < m->columns[i]->n_fks; j++) {
			struct sch_constraint *x =
				fk_from_column(c, m->columns[i], m->columns[i]->fks[j]);

			if (!strcmp(fk_sig(c, x, false), want))
				return x;
		}
	return k;
}

static void fk_log(struct agc *c, const char *what, const struct sch_table *t,
		   const struct sch_constraint *k)
{
	agc_log(c, "Detected %s foreign key (%s)(%s) on table %s%s%s", what,
		strvec_join(c->a, &k->columns, ", "), strvec_join(c->a, &k->ref_columns, ", "),
		t->schema ? t->schema : "", t->schema ? "." : "", t->name);
}

static void push_fk(struct agc *c, const struct sch_table *t, bool create,
		    const struct sch_constraint *k, const char *name, bool inverse)
{
	struct mig_op *op = (inverse ? agc_push_inv : agc_push)(
		c, create ? MIG_ADD_CONSTRAINT : MIG_DROP_CONSTRAINT, t->name, t->schema);

	op->constraint = k;
	op->constraint_name = name;
	op->constraint_name_final = k->name_final;
	op->constraint_type = create ? NULL : "foreignkey";
}

void agc_foreign_keys(struct agc *c, const struct agc_table *t)
{
	bool options = false;

	if (!t->db || !t->norm)
		return; /* created inline with the table */
	for (size_t i = 0; i < t->db->n_constraints; i++)
		options = options || t->db->constraints[i]->kind == SCH_FOREIGN_KEY;
	for (size_t i = 0; i < t->db->n_constraints; i++) {
		const struct sch_constraint *k = t->db->constraints[i];

		if (k->kind != SCH_FOREIGN_KEY ||
		    has_fk_sig(c, t->norm, fk_sig(c, k, options), options))
			continue;
		push_fk(c, t->db, false, k, k->name, false);
		push_fk(c, t->db, true, k, k->name, true);
		fk_log(c, "removed", t->db, k);
	}
	for (size_t i = 0; i < t->norm->n_constraints; i++) {
		const struct sch_constraint *k = t->norm->constraints[i], *m;

		if (k->kind != SCH_FOREIGN_KEY ||
		    has_fk_sig(c, t->db, fk_sig(c, k, options), options))
			continue;
		m = t->model ? model_fk(c, t->model, k) : k;
		push_fk(c, t->db, true, m, m->name, false);
		push_fk(c, t->db, false, m, m->name ? m->name : k->name, true);
		fk_log(c, "added", t->db, k);
	}
}

/* ---- table comment ---- */

static void push_comment(struct agc *c, const struct sch_table *t, const char *comment,
			 const char *existing, bool inverse)
{
	struct mig_op *op = (inverse ? agc_push_inv : agc_push)(
		c, comment ? MIG_CREATE_TABLE_COMMENT : MIG_DROP_TABLE_COMMENT, t->name, t->schema);

	op->comment = comment;
	op->existing_comment = existing;
}

/* _compare_table_comment (no log line in 1.8.1); the inverses as
 * CreateTableCommentOp.reverse / DropTableCommentOp.reverse. */
void agc_table_comment(struct agc *c, const struct agc_table *t)
{
	const char *was = t->db->comment, *now = t->norm->comment;

	if (!c->comments || str_eq(was, now))
		return;
	push_comment(c, t->db, now, was, false);
	push_comment(c, t->db, was, now, true);
}
