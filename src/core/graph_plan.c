/*
 * graph_plan.c - selecting and ordering revisions: revision.py
 * _collect_upgrade_revisions, _collect_downgrade_revisions,
 * _topological_sort, iterate_revisions, _get_all_current, and the callers in
 * script/base.py (_upgrade_revs, _downgrade_revs, walk_revisions).
 */
#include <stdlib.h>
#include <string.h>

#include "base/bug.h"
#include "base/str.h"
#include "core/graph_int.h"

static struct gident gid_rows(const struct strvec *rows)
{
	if (!rows)
		return (struct gident){.is_list = true};
	return (struct gident){.list = rows->v, .n = rows->n, .is_list = true};
}

static int need_real(const struct revlist *l, struct err *e)
{
	for (size_t i = 0; i < l->n; i++)
		if (!l->v[i] || l->v[i] == GRAPH_BASE)
			return err_set(e, ERR_REVISION,
				       "Relative revision does not name a revision");
	return 0;
}

/* ---- topological sort --------------------------------------------------- */

struct topo {
	struct revlist cur; /* current_heads */
	struct bits *anc;   /* ancestors_by_idx, parallel to cur */
	size_t cap;         /* slots in anc */
	unsigned *incur;    /* per rev->index: occurrences in cur */
};

static int topo_ancestors(struct graph *g, struct rev *r, struct bits *out, struct err *e)
{
	struct revlist one = REVLIST_INIT;

	revlist_push(g->arena, &one, r);
	graph_bits_new(g, out);
	return graph_related(g, &one, DIR_ANC_DEPS, false, out, NULL, e);
}

static int topo_add(struct graph *g, struct topo *t, struct rev *r, struct err *e)
{
	if (t->cur.n == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 8;
		t->anc = arena_grow(g->arena, t->anc, t->cap, cap, sizeof(*t->anc));
		t->cap = cap;
	}
	revlist_push(g->arena, &t->cur, r);
	t->incur[r->index]++;
	return topo_ancestors(g, r, &t->anc[t->cur.n - 1], e);
}

static void topo_remove(struct topo *t, size_t i)
{
	BUG_ON(i >= t->cur.n || t->incur[t->cur.v[i]->index] == 0);
	t->incur[t->cur.v[i]->index]--;
	memmove(&t->cur.v[i], &t->cur.v[i + 1], (t->cur.n - i - 1) * sizeof(*t->cur.v));
	memmove(&t->anc[i], &t->anc[i + 1], (t->cur.n - i - 1) * sizeof(*t->anc));
	t->cur.n--;
}

/* Moves lane i from its candidate c down to c's parents still to do. */
static int topo_descend(struct graph *g, struct topo *t, size_t *i, struct bits *todo,
			struct err *e)
{
	struct rev *c = t->cur.v[*i];
	struct revlist add = REVLIST_INIT;

	for (size_t k = 0; k < c->norm_down.n; k++) {
		struct rev *p = c->norm_down.v[k];
		if (bits_test(todo, p->index) && !t->incur[p->index])
			revlist_push(g->arena, &add, p);
	}
	if (!add.n) {
		topo_remove(t, *i);
		*i = *i ? *i - 1 : 0;
		return 0;
	}
	t->incur[c->index]--;
	t->cur.v[*i] = add.v[0];
	t->incur[add.v[0]->index]++;
	if (!c->deps_norm.n && c->parents.n == 1) {
		bits_clear(&t->anc[*i], c->index);
		return 0;
	}
	if (topo_ancestors(g, add.v[0], &t->anc[*i], e))
		return -1;
	for (size_t k = 1; k < add.n; k++)
		if (topo_add(g, t, add.v[k], e))
			return -1;
	return 0;
}

/* Another lane whose pending ancestors include lane i's candidate, or -1. */
static long topo_blocker(const struct topo *t, size_t i)
{
	for (size_t j = 0; j < t->cur.n; j++)
		if (j != i && bits_test(&t->anc[j], t->cur.v[i]->index))
			return (long)j;
	return -1;
}

/* revision.py _topological_sort: todo (consumed) ordered children first,
 * walking lanes from heads (sorted by load order). */
static int topo_sort(struct graph *g, struct bits *todo, const struct revlist *heads,
		     struct revlist *out, struct err *e)
{
	struct topo t = {REVLIST_INIT, NULL, 0, NULL};
	struct revlist hs = REVLIST_INIT;
	size_t i = 0, switches = 0;
	struct bits hset;

	t.incur = arena_calloc(g->arena, g->n + 1, sizeof(*t.incur));
	graph_bits_new(g, &hset);
	for (size_t k = 0; k < heads->n; k++)
		if (heads->v[k] && heads->v[k] != GRAPH_BASE)
			bits_set(&hset, heads->v[k]->index);
	for (size_t k = 0; k < g->n; k++)
		if (bits_test(&hset, k) && bits_test(todo, k))
			revlist_push(g->arena, &hs, g->revs[k]);
	for (size_t k = 0; k < hs.n; k++)
		if (topo_add(g, &t, hs.v[k], e))
			return -1;
	while (t.cur.n) {
		struct rev *c;
		long j;

		BUG_ON(i >= t.cur.n); /* lane index always names a live lane */
		c = t.cur.v[i];
		j = topo_blocker(&t, i);
		if (j >= 0) {
			if (++switches > t.cur.n)
				return err_set(e, ERR_REVISION,
					       "Dependency resolution failed; broken map");
			i = (size_t)j;
			continue;
		}
		switches = 0;
		if (bits_test(todo, c->index)) {
			revlist_push(g->arena, out, c);
			bits_clear(todo, c->index);
		}
		if (topo_descend(g, &t, &i, todo, e))
			return -1;
	}
	if (!graph_bits_empty(g, todo))
		return err_set(e, ERR_REVISION, "Dependency resolution failed; broken map");
	return 0;
}

/* ---- collect ------------------------------------------------------------ */

/* Step 2 of _collect_upgrade_revisions: lower "L@..." keeps targets on L. */
static int targets_on_branch(struct graph *g, const char *lower, struct revlist *targets,
			     struct err *e)
{
	const char *branch = arena_strndup(g->arena, lower, (size_t)(strchr(lower, '@') - lower));
	struct revlist kept = REVLIST_INIT;
	struct rev *br;

	if (graph_resolve_one(g, branch, &br, e))
		return -1;
	if (br && !strcmp(br->id, branch)) {
		if (br->eff_labels.n != 1)
			return err_set(e, ERR_REVISION,
				       "Revision %s used as a branch must carry exactly "
				       "one branch label",
				       branch);
		branch = br->eff_labels.v[0];
	}
	for (size_t i = 0; i < targets->n; i++)
		if (strvec_find(&targets->v[i]->eff_labels, branch) >= 0 &&
		    !revlist_has(&kept, targets->v[i]))
			revlist_push(g->arena, &kept, targets->v[i]);
	*targets = kept;
	return 0;
}

/* Step 5: lower was "-N" and walked off: re-read it as a downgrade target. */
static int reparse_lower(struct graph *g, struct gident upper, struct gident *lower,
			 struct revlist *current, struct err *e)
{
	const char *label;
	struct rev *r;

	if (graph_parse_downgrade_target(g, upper, lower->s, false, &label, &r, NULL, e))
		return -1;
	if (!r)
		return err_set(e, ERR_REVISION, "Relative revision %s does not name a revision",
			       lower->s);
	*current = (struct revlist)REVLIST_INIT;
	if (r == GRAPH_BASE) {
		*lower = (struct gident){0};
		return 0;
	}
	revlist_push(g->arena, current, r);
	*lower = (struct gident){.s = r->id};
	return 0;
}

struct collect {
	struct gident upper; /* target(s) */
	struct gident lower; /* current revision(s) */
	bool inclusive;      /* include lower */
	bool implicit_base;  /* see revision.py */
	bool assert_len;     /* assert_relative_length */
};

/* _collect_upgrade_revisions: each current revision must be an ancestor of the
 * targets (else the range does not run along one branch). */
static int current_below_targets(struct graph *g, const struct collect *c, const struct bits *req,
				 const struct revlist *current, struct err *e)
{
	for (size_t i = 0; !c->implicit_base && i < current->n; i++)
		if (current->v[i] &&
		    (current->v[i] == GRAPH_BASE || !bits_test(req, current->v[i]->index)))
			return err_resolution(e, ERR_RANGE_NOT_ANCESTOR,
					      graph_ident_repr(g, c->lower),
					      graph_ident_repr(g, c->upper));
	return 0;
}

/* _collect_upgrade_revisions' last step: needs &= descendants of current (no deps). */
static int needs_above_current(struct graph *g, const struct revlist *current, struct bits *needs,
			       struct err *e)
{
	struct revlist desc = REVLIST_INIT;
	struct bits below;

	graph_bits_new(g, &below);
	if (graph_related(g, current, DIR_DESC_NODEPS, true, &below, &desc, e))
		return -1;
	for (size_t i = 0; i < g->n / 64 + 1; i++)
		needs->w[i] &= below.w[i];
	return 0;
}

/* revision.py _collect_upgrade_revisions: *needs and *targets. */
static int collect_upgrade(struct graph *g, struct collect c, struct bits *needs,
			   struct revlist *targets, struct err *e)
{
	struct revlist current = REVLIST_INIT, low = REVLIST_INIT;
	struct bits req, have;

	if (graph_parse_upgrade_target(g, c.lower, c.upper, c.assert_len, targets, e) ||
	    need_real(targets, e))
		return -1;
	if (!c.lower.is_list && c.lower.s && strchr(c.lower.s, '@') &&
	    targets_on_branch(g, c.lower.s, targets, e))
		return -1;
	graph_bits_new(g, &req);
	graph_bits_new(g, &have);
	if (graph_related(g, targets, DIR_ANC_DEPS, true, &req, NULL, e) ||
	    graph_resolve(g, c.lower, &current, e))
		return -1;
	if (current_below_targets(g, &c, &req, &current, e))
		return -1;
	if (current.n && !current.v[0] && reparse_lower(g, c.upper, &c.lower, &current, e))
		return -1;
	if (need_real(&current, e) ||
	    graph_related(g, &current, DIR_ANC_DEPS, true, &have, NULL, e))
		return -1;
	graph_bits_new(g, needs);
	for (size_t i = 0; i < g->n / 64 + 1; i++)
		needs->w[i] = req.w[i] & ~have.w[i];
	if (c.inclusive && (graph_resolve(g, c.lower, &low, e) || need_real(&low, e)))
		return -1;
	for (size_t i = 0; i < low.n; i++)
		bits_set(needs, low.v[i]->index);
	if (!current.n || c.implicit_base)
		return 0;
	return needs_above_current(g, &current, needs, e);
}

/* Downgrade roots: every base (a labelled base counts once more per label,
 * as Alembic's map values hold it again under each label), [T] or T's children. */
static void downgrade_roots(struct graph *g, struct rev *t, bool inclusive, struct revlist *roots,
			    size_t *count)
{
	if (t) {
		if (inclusive)
			revlist_push(g->arena, roots, t);
		else
			*roots = t->nextrev;
		*count = roots->n;
		return;
	}
	*roots = g->bases;
	*count = roots->n;
	for (size_t i = 0; i < g->bases.n; i++)
		*count += g->bases.v[i]->labels.n;
}

/* revision.py _collect_downgrade_revisions: *drop and *heads. */
static int collect_downgrade(struct graph *g, struct collect c, bool *warn, struct bits *drop,
			     struct revlist *heads, struct err *e)
{
	struct revlist roots = REVLIST_INIT, kept = REVLIST_INIT, one = REVLIST_INIT;
	struct bits active, branch;
	const char *label;
	struct rev *t, *br;
	size_t count;

	if (graph_parse_downgrade_target(g, c.upper, c.lower.s, c.assert_len, &label, &t, warn, e))
		return -1;
	if (t == GRAPH_BASE)
		t = NULL;
	downgrade_roots(g, t, c.inclusive, &roots, &count);
	if (label && *label && count > 1) {
		if (graph_resolve_branch(g, label, &br, e))
			return -1;
		revlist_push(g->arena, &one, br);
		graph_bits_new(g, &branch);
		if (graph_related(g, &one, DIR_ANC_NODEPS, false, &branch, NULL, e))
			return -1;
		for (size_t i = 0; i < roots.n; i++)
			if (bits_test(&branch, roots.v[i]->index))
				revlist_push(g->arena, &kept, roots.v[i]);
		if (!kept.n)
			return err_set(e, ERR_REVISION,
				       "Not a valid downgrade target from current heads");
		roots = kept;
	}
	graph_bits_new(g, drop);
	graph_bits_new(g, &active);
	if (graph_resolve(g, c.upper, heads, e) || need_real(heads, e) ||
	    graph_related(g, &roots, DIR_DESC_DEPS, false, drop, NULL, e) ||
	    graph_related(g, heads, DIR_ANC_DEPS, false, &active, NULL, e))
		return -1;
	for (size_t i = 0; i < g->n / 64 + 1; i++)
		drop->w[i] &= active.w[i];
	if (t && graph_bits_empty(g, drop) && !revlist_has(heads, t))
		return err_resolution(e, ERR_RANGE_NOT_ANCESTOR, "Nothing to drop",
				      graph_ident_repr(g, c.upper));
	return 0;
}

/* ---- public entry points ----------------------------------------------- */

static struct graph_step *new_steps(struct graph *g, size_t n)
{
	return arena_calloc(g->arena, n + 1, sizeof(struct graph_step));
}

static void fill_step(struct graph *g, struct graph_step *st, struct rev *r, bool up)
{
	st->kind = up ? GRAPH_STEP_UPGRADE : GRAPH_STEP_DOWNGRADE;
	st->rev = r;
	st->is_upgrade = up;
	if (up) {
		st->from = r->down;
		strvec_push(g->arena, &st->to, r->id);
	} else {
		strvec_push(g->arena, &st->from, r->id);
		st->to = r->down;
	}
}

/* script/base.py _upgrade_revs: reverse of iterate_revisions' order. */
int graph_upgrade_plan(struct graph *g, const char *target, const struct strvec *db_heads,
		       struct graph_plan *out, struct err *e)
{
	struct collect c = {{.s = target}, gid_rows(db_heads), false, true, true};
	struct revlist targets = REVLIST_INIT, order = REVLIST_INIT;
	struct bits needs;

	memset(out, 0, sizeof(*out));
	if (collect_upgrade(g, c, &needs, &targets, e) || topo_sort(g, &needs, &targets, &order, e))
		return -1;
	out->steps = new_steps(g, order.n);
	out->n = order.n;
	for (size_t i = 0; i < order.n; i++)
		fill_step(g, &out->steps[i], order.v[order.n - 1 - i], true);
	return 0;
}

/* script/base.py _downgrade_revs: iterate_revisions' order. */
int graph_downgrade_plan(struct graph *g, const char *target, const struct strvec *db_heads,
			 struct graph_plan *out, struct err *e)
{
	struct collect c = {gid_rows(db_heads), {.s = target}, false, false, true};
	struct revlist heads = REVLIST_INIT, order = REVLIST_INIT;
	struct bits drop;

	memset(out, 0, sizeof(*out));
	if (collect_downgrade(g, c, &out->warn_multi_head_down, &drop, &heads, e) ||
	    topo_sort(g, &drop, &heads, &order, e))
		return -1;
	out->steps = new_steps(g, order.n);
	out->n = order.n;
	for (size_t i = 0; i < order.n; i++)
		fill_step(g, &out->steps[i], order.v[i], false);
	return 0;
}

/* One end of a history range: "" / NULL -> dflt, "current" -> the rows. */
static struct gident history_end(const char *s, const char *dflt, const struct strvec *rows)
{
	if (s && !strcmp(s, "current")) {
		if (rows && rows->n)
			return gid_rows(rows);
		return (struct gident){.s = dflt};
	}
	return (struct gident){.s = s && *s ? s : dflt};
}

/* script/base.py walk_revisions / command.py history (see graph.h). */
int graph_history(struct graph *g, const char *lower, const char *upper,
		  const struct strvec *current_rows, struct revlist *out, struct err *e)
{
	struct collect c = {history_end(upper, "heads", current_rows),
			    history_end(lower, "base", current_rows), true, false, false};
	struct revlist targets = REVLIST_INIT;
	struct bits needs;

	if (collect_upgrade(g, c, &needs, &targets, e) || topo_sort(g, &needs, &targets, out, e)) {
		if (e->code == ERR_RANGE_NOT_ANCESTOR)
			err_resolution(e, ERR_RANGE_NOT_ANCESTOR, graph_ident_repr(g, c.lower),
				       graph_ident_repr(g, c.upper));
		return -1;
	}
	return 0;
}

int graph_history_all(struct graph *g, struct revlist *out, struct err *e)
{
	return graph_history(g, NULL, NULL, NULL, out, e);
}

static int rev_id_order(const void *a, const void *b)
{
	return strcmp((*(struct rev *const *)a)->id, (*(struct rev *const *)b)->id);
}

/* revision.py _get_all_current: rows plus ancestors, without the members that
 * have a versioned child in the set (the set is closed under parents, so a
 * child in the set is the same as a descendant in the set).  Alembic returns
 * a set; the result is pinned to bytewise id order (as `current` prints it). */
int graph_current_heads(struct graph *g, const struct strvec *rows, struct revlist *out,
			struct err *e)
{
	struct revlist top = REVLIST_INIT;
	struct bits set;

	graph_bits_new(g, &set);
	if (graph_resolve(g, gid_rows(rows), &top, e) || need_real(&top, e) ||
	    graph_related(g, &top, DIR_ANC_DEPS, false, &set, NULL, e))
		return -1;
	for (size_t i = 0; i < g->n; i++) {
		struct rev *r = g->revs[i];
		bool covered = false;
		if (!bits_test(&set, i))
			continue;
		for (size_t k = 0; k < r->nextrev.n && !covered; k++)
			covered = bits_test(&set, r->nextrev.v[k]->index);
		if (!covered)
			revlist_push(g->arena, out, r);
	}
	if (out->n > 1)
		qsort(out->v, out->n, sizeof(*out->v), rev_id_order);
	return 0;
}

/* autogenerate/api.py: set(get_revisions(rows)) == set(get_revisions("heads")). */
int graph_heads_for_check(struct graph *g, const struct strvec *rows, bool *is_up_to_date,
			  struct err *e)
{
	struct revlist cur = REVLIST_INIT;
	struct bits a, b;

	*is_up_to_date = false;
	if (graph_resolve(g, gid_rows(rows), &cur, e) || need_real(&cur, e))
		return -1;
	graph_bits_new(g, &a);
	graph_bits_new(g, &b);
	for (size_t i = 0; i < cur.n; i++)
		bits_set(&a, cur.v[i]->index);
	for (size_t i = 0; i < g->real_heads.n; i++)
		bits_set(&b, g->real_heads.v[i]->index);
	*is_up_to_date = !memcmp(a.w, b.w, (g->n / 64 + 1) * sizeof(*a.w));
	return 0;
}
