/*
 * compare_check.c - named CHECK constraints, the comparator Alembic 1.8.1
 * lacks (**differs**; 1.19.0's checkconstraint_byname plugin, #508, by
 * name only).  Run for tables on both sides, after the table comment, as
 * that plugin runs after the built-in table comparators: removed ones (a
 * named CHECK of the database that norm lacks), changed ones, added ones
 * (a CHECK of norm the model names), each in name order; Detected lines in
 * 1.19's wording.  Better than 1.19: a CHECK of the same name whose
 * condition differs, as the database normalises both (norm went through
 * the scratch database), is "changed": dropped and created again.  The
 * texts are cut where they stop being one expression (SQLite's pattern
 * takes the table's closing parenthesis along when a CHECK ends its line),
 * so a model written on one line is not "changed" on every run.
 *
 * Unnamed CHECKs are left out (SQLite keeps no name for them; PostgreSQL
 * names them itself, and the model does not): a model's CHECK counts as
 * named when model[] gives it that name (table-level or inside a column),
 * or, without model[], when norm reads a name back.  A removal compares
 * with all of norm's names, so the name PostgreSQL gives an unnamed CHECK
 * both sides have is never reported removed.
 */
#include "autogen/compare_int.h"

#include <string.h>

#include "base/str.h"

static const struct sch_constraint *ck_find(const struct sch_table *t, const char *name)
{
	for (size_t i = 0; t && i < t->n_constraints; i++)
		if (t->constraints[i]->kind == SCH_CHECK && str_eq(t->constraints[i]->name, name))
			return t->constraints[i];
	for (size_t i = 0; t && i < t->n_columns; i++)
		for (size_t k = 0; k < t->columns[i]->n_checks; k++)
			if (str_eq(t->columns[i]->checks[k]->name, name))
				return t->columns[i]->checks[k];
	return NULL;
}

/* The named CHECKs of side t, sorted by name. */
static struct strvec ck_names(struct agc *c, const struct sch_table *t)
{
	struct strvec r = STRVEC_INIT;

	for (size_t i = 0; t && i < t->n_constraints; i++)
		if (t->constraints[i]->kind == SCH_CHECK && t->constraints[i]->name)
			strvec_push_unique(c->a, &r, t->constraints[i]->name);
	strvec_sort(&r);
	return r;
}

/* Where s stops being one expression: the first ')' outside quoted strings
 * that closes nothing opened in s (else its length). */
static size_t ck_end(const char *s)
{
	int depth = 0;
	char q = 0;
	size_t i;

	for (i = 0; s[i]; i++) {
		if (q)
			q = s[i] == q ? 0 : q;
		else if (s[i] == '\'' || s[i] == '"')
			q = s[i];
		else if (s[i] == '(')
			depth++;
		else if (s[i] == ')' && --depth < 0)
			break;
	}
	return i;
}

/* The condition as the database gives it back, stripped, and cut where it
 * stops being one expression: SQLite's line-wise pattern (SQLAlchemy 1.4's
 * greedy get_check_constraints, which the introspection keeps) takes what
 * follows a CHECK on its line along ("n > 0))" -> "n > 0"). */
static const char *ck_text(struct agc *c, const struct sch_constraint *k)
{
	const struct sch_expr *x = k->sqltext;
	const char *s = x && x->s ? str_strip(c->a, x->s) : "";

	return str_strip(c->a, arena_strndup(c->a, s, ck_end(s)));
}

/* k with its condition as ck_text gives it (for ops from a database side). */
static const struct sch_constraint *ck_fixed(struct agc *c, const struct sch_constraint *k)
{
	struct sch_constraint *r;
	struct sch_expr *x;
	const char *t = ck_text(c, k);

	if (!k->sqltext || !k->sqltext->s || !strcmp(t, k->sqltext->s))
		return k;
	r = arena_alloc(c->a, sizeof(*r));
	x = arena_alloc(c->a, sizeof(*x));
	*r = *k;
	*x = *k->sqltext;
	x->s = t;
	r->sqltext = x;
	return r;
}

/* The CHECK as the upgrade creates it: the model's (its condition as
 * written), else norm's. */
static const struct sch_constraint *ck_model(struct agc *c, const struct agc_table *t,
					     const char *name)
{
	const struct sch_constraint *m = ck_find(t->model, name);

	return m && m->sqltext ? m : ck_fixed(c, ck_find(t->norm, name));
}

static void ck_push(struct agc *c, const struct agc_table *t, bool create,
		    const struct sch_constraint *k, bool inverse)
{
	struct mig_op *op = (inverse ? agc_push_inv : agc_push)(
		c, create ? MIG_ADD_CONSTRAINT : MIG_DROP_CONSTRAINT, t->db->name, t->db->schema);

	op->constraint = k;
	op->constraint_name = k->name;
	op->constraint_name_final = k->name_final;
	op->constraint_type = create ? NULL : "check";
}

static void ck_removed(struct agc *c, const struct agc_table *t, const char *name)
{
	const struct sch_constraint *k = ck_fixed(c, ck_find(t->db, name));

	ck_push(c, t, false, k, false);
	ck_push(c, t, true, k, true);
	agc_log(c, "Detected removed check constraint %s on table %s", agc_repr(c, name),
		agc_repr(c, t->db->name));
}

static void ck_changed(struct agc *c, const struct agc_table *t, const char *name)
{
	const struct sch_constraint *was = ck_fixed(c, ck_find(t->db, name));
	const struct sch_constraint *now = ck_fixed(c, ck_find(t->norm, name));
	const char *a = ck_text(c, was), *b = ck_text(c, now);

	if (!strcmp(a, b))
		return;
	agc_log(c, "Detected changed check constraint %s on table %s: condition %s to %s",
		agc_repr(c, name), agc_repr(c, t->db->name), agc_repr(c, a), agc_repr(c, b));
	ck_push(c, t, false, was, false);
	ck_push(c, t, true, was, true);
	ck_push(c, t, true, ck_model(c, t, name), false);
	ck_push(c, t, false, now, true);
}

static void ck_added(struct agc *c, const struct agc_table *t, const char *name)
{
	const struct sch_constraint *k = ck_model(c, t, name);

	if (t->model && !ck_find(t->model, name))
		return; /* unnamed in the model: the database named it */
	ck_push(c, t, true, k, false);
	ck_push(c, t, false, k, true);
	agc_log(c, "Detected added check constraint %s on table %s", agc_repr(c, name),
		agc_repr(c, t->db->name));
}

void agc_checks(struct agc *c, const struct agc_table *t)
{
	struct strvec conn, meta;

	if (c->in->skip_checks || !t->db || !t->norm)
		return; /* a created table has its CHECKs inline */
	conn = ck_names(c, t->db);
	meta = ck_names(c, t->norm);
	for (size_t i = 0; i < conn.n; i++)
		if (strvec_find(&meta, conn.v[i]) < 0)
			ck_removed(c, t, conn.v[i]);
	for (size_t i = 0; i < conn.n; i++)
		if (strvec_find(&meta, conn.v[i]) >= 0)
			ck_changed(c, t, conn.v[i]);
	for (size_t i = 0; i < meta.n; i++)
		if (strvec_find(&conn, meta.v[i]) < 0)
			ck_added(c, t, meta.v[i]);
}
