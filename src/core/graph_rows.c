/*
 * graph_rows.c - which version-table rows each step writes: runtime/
 * migration.py HeadMaintainer.update_to_step with RevisionStep and StampStep,
 * and script/base.py _stamp_revs.
 *
 * Pinned orders (Alembic iterates Python sets here, so only the resulting
 * row set is significant): a merge with other heads present and an unmerge
 * with other heads present take their candidate list sorted bytewise.  An
 * unmerge with no other heads follows Alembic 1.13.1's fix #1373: the
 * to-revisions that are ancestors of another to-revision are dropped (kept
 * in down_revision order); 1.8.1 would insert them all and leave a row set
 * that no later upgrade can use.
 */
#include <stdio.h>
#include <string.h>

#include "base/bug.h"
#include "base/str.h"
#include "core/graph_int.h"

static void add_op(struct graph *g, struct graph_rowops *ops, enum graph_row_kind k,
		   const char *from, const char *to)
{
	if (ops->n == ops->cap) {
		size_t cap = ops->cap ? ops->cap * 2 : 4;
		ops->v = arena_grow(g->arena, ops->v, ops->n, cap, sizeof(*ops->v));
		ops->cap = cap;
	}
	BUG_ON(k != GRAPH_ROW_INSERT && k != GRAPH_ROW_UPDATE && k != GRAPH_ROW_DELETE);
	ops->v[ops->n++] = (struct graph_row_op){k, from, to};
}

/* HeadMaintainer._insert_version */
static int row_insert(struct graph *g, struct strvec *h, struct graph_rowops *ops, const char *v,
		      struct err *e)
{
	if (strvec_find(h, v) >= 0)
		return err_set(e, ERR_REVISION,
			       "Can't insert version %s: it is already a current head", v);
	strvec_push(g->arena, h, v);
	add_op(g, ops, GRAPH_ROW_INSERT, NULL, v);
	return 0;
}

/* HeadMaintainer._delete_version */
static int row_delete(struct graph *g, struct strvec *h, struct graph_rowops *ops, const char *v,
		      struct err *e)
{
	long i = strvec_find(h, v);

	if (i < 0)
		return err_set(e, ERR_REVISION, "Can't delete version %s: it is not a current head",
			       v);
	memmove(&h->v[i], &h->v[i + 1], (h->n - (size_t)i - 1) * sizeof(*h->v));
	h->n--;
	add_op(g, ops, GRAPH_ROW_DELETE, v, NULL);
	return 0;
}

/* HeadMaintainer._update_version */
static int row_update(struct graph *g, struct strvec *h, struct graph_rowops *ops, const char *from,
		      const char *to, struct err *e)
{
	long i = strvec_find(h, from);

	if (strvec_find(h, to) >= 0)
		return err_set(e, ERR_REVISION,
			       "Can't update version %s to %s: %s is already a current head", from,
			       to, to);
	if (i < 0)
		return err_set(e, ERR_REVISION,
			       "Can't update version %s to %s: %s is not a current head", from, to,
			       from);
	h->v[i] = to;
	add_op(g, ops, GRAPH_ROW_UPDATE, from, to);
	return 0;
}

/* anc(rows other than those in skip), with dependencies. */
static int others_ancestors(struct graph *g, const struct strvec *h, const struct revlist *skip,
			    struct bits *out, bool *any, struct err *e)
{
	struct strvec others = STRVEC_INIT;
	struct revlist revs = REVLIST_INIT;
	struct gident id;

	graph_bits_new(g, out);
	for (size_t i = 0; i < h->n; i++) {
		bool skipped = false;
		for (size_t k = 0; k < skip->n; k++)
			skipped = skipped || !strcmp(skip->v[k]->id, h->v[i]);
		if (!skipped)
			strvec_push(g->arena, &others, h->v[i]);
	}
	*any = others.n > 0;
	id = (struct gident){.list = others.v, .n = others.n, .is_list = true};
	if (graph_resolve(g, id, &revs, e))
		return -1;
	return graph_related(g, &revs, DIR_ANC_DEPS, false, out, NULL, e);
}

static size_t count_in(const struct strvec *h, const struct revlist *d, struct rev **one)
{
	size_t n = 0;

	for (size_t k = 0; k < d->n; k++)
		if (strvec_find(h, d->v[k]->id) >= 0)
			n++, *one = d->v[k];
	return n;
}

/* Members of d not in anc, bytewise sorted (Alembic: a set). */
static void minus_sorted(struct graph *g, const struct revlist *d, const struct bits *anc,
			 struct strvec *out)
{
	for (size_t k = 0; k < d->n; k++)
		if (!bits_test(anc, d->v[k]->index))
			strvec_push_unique(g->arena, out, d->v[k]->id);
	strvec_sort(out);
}

/* RevisionStep.merge_branch_idents + the merge branch of update_to_step. */
static int merge_rows(struct graph *g, struct rev *r, struct strvec *h, struct graph_rowops *ops,
		      struct err *e)
{
	struct strvec f = STRVEC_INIT;
	struct bits anc;
	bool any;

	if (others_ancestors(g, h, &r->norm_down, &anc, &any, e))
		return -1;
	if (any)
		minus_sorted(g, &r->norm_down, &anc, &f);
	else
		for (size_t k = 0; k < r->norm_down.n; k++)
			strvec_push(g->arena, &f, r->norm_down.v[k]->id);
	if (!f.n)
		return err_set(e, ERR_REVISION, "Can't merge into %s: no current head to update",
			       r->id);
	for (size_t k = 0; k + 1 < f.n; k++)
		if (row_delete(g, h, ops, f.v[k], e))
			return -1;
	return row_update(g, h, ops, f.v[f.n - 1], r->id, e);
}

/* RevisionStep._unmerge_to_revisions, with fix #1373 (see the file comment). */
static int unmerge_targets(struct graph *g, struct rev *r, const struct strvec *h,
			   struct strvec *out, struct err *e)
{
	struct revlist self = REVLIST_INIT;
	struct bits anc, strict;
	bool any;

	revlist_push(g->arena, &self, r);
	if (others_ancestors(g, h, &self, &anc, &any, e))
		return -1;
	if (any) {
		minus_sorted(g, &r->norm_down, &anc, out);
		return 0;
	}
	graph_bits_new(g, &strict);
	for (size_t k = 0; k < r->norm_down.n; k++) {
		struct revlist parents = r->norm_down.v[k]->norm_down;
		if (graph_related(g, &parents, DIR_ANC_DEPS, false, &strict, NULL, e))
			return -1;
	}
	for (size_t k = 0; k < r->norm_down.n; k++)
		if (!bits_test(&strict, r->norm_down.v[k]->index))
			strvec_push_unique(g->arena, out, r->norm_down.v[k]->id);
	return 0;
}

/* RevisionStep.update_version_num: the single down revision to move to/from. */
static int scalar_down(struct rev *r, const struct strvec *h, const char **out, struct err *e)
{
	struct rev *one = NULL;

	if (r->norm_down.n == 1) {
		*out = r->norm_down.v[0]->id;
		return 0;
	}
	if (count_in(h, &r->norm_down, &one) != 1)
		return err_set(e, ERR_REVISION,
			       "Can't do an UPDATE because downrevision is ambiguous");
	*out = one->id;
	return 0;
}

static int upgrade_rows(struct graph *g, struct rev *r, struct strvec *h, struct graph_rowops *ops,
			struct err *e)
{
	struct rev *one = NULL;
	size_t in = count_in(h, &r->norm_down, &one);
	const char *d;

	if (!r->norm_down.n || !in)
		return row_insert(g, h, ops, r->id, e);
	if (r->norm_down.n > 1 && in > 1)
		return merge_rows(g, r, h, ops, e);
	if (scalar_down(r, h, &d, e))
		return -1;
	return row_update(g, h, ops, d, r->id, e);
}

static int downgrade_rows(struct graph *g, struct rev *r, struct strvec *h,
			  struct graph_rowops *ops, struct err *e)
{
	struct strvec t = STRVEC_INIT;
	bool present = strvec_find(h, r->id) >= 0;
	const char *d;

	if (present && r->norm_down.n && unmerge_targets(g, r, h, &t, e))
		return -1;
	if (present && (!r->norm_down.n || !t.n))
		return row_delete(g, h, ops, r->id, e);
	if (present && r->norm_down.n > 1) {
		for (size_t k = 0; k + 1 < t.n; k++)
			if (row_insert(g, h, ops, t.v[k], e))
				return -1;
		return row_update(g, h, ops, r->id, t.v[t.n - 1], e);
	}
	if (scalar_down(r, h, &d, e))
		return -1;
	return row_update(g, h, ops, r->id, d, e);
}

/* StampStep rules of HeadMaintainer.update_to_step. */
static int stamp_rows(struct graph *g, const struct graph_step *st, struct strvec *h,
		      struct graph_rowops *ops, struct err *e)
{
	bool from_missing = false, to_missing = false;

	for (size_t k = 0; k < st->from.n; k++)
		from_missing = from_missing || strvec_find(h, st->from.v[k]) < 0;
	for (size_t k = 0; k < st->to.n; k++)
		to_missing = to_missing || strvec_find(h, st->to.v[k]) < 0;
	if (!st->is_upgrade && st->branch_move && st->from.n == 1)
		return row_delete(g, h, ops, st->from.v[0], e);
	if (st->is_upgrade && (st->branch_move || from_missing) && to_missing && st->to.n == 1)
		return row_insert(g, h, ops, st->to.v[0], e);
	if (st->from.n > 1 && st->to.n >= 1) {
		for (size_t k = 0; k + 1 < st->from.n; k++)
			if (row_delete(g, h, ops, st->from.v[k], e))
				return -1;
		return row_update(g, h, ops, st->from.v[st->from.n - 1], st->to.v[0], e);
	}
	if (st->from.n != 1 || st->to.n != 1)
		return err_set(e, ERR_REVISION,
			       "Stamp step %zu -> %zu revisions has no row operation", st->from.n,
			       st->to.n);
	return row_update(g, h, ops, st->from.v[0], st->to.v[0], e);
}

/* HeadMaintainer.update_to_step (see graph.h). */
int graph_step_rows(struct graph *g, const struct graph_step *st, struct strvec *heads,
		    struct graph_rowops *ops, struct err *e)
{
	switch (st->kind) {
	case GRAPH_STEP_UPGRADE:
		BUG_ON(!st->rev);
		return upgrade_rows(g, st->rev, heads, ops, e);
	case GRAPH_STEP_DOWNGRADE:
		BUG_ON(!st->rev);
		return downgrade_rows(g, st->rev, heads, ops, e);
	case GRAPH_STEP_STAMP:
		return stamp_rows(g, st, heads, ops, e);
	}
	BUG("step kind %d", (int)st->kind);
}

/* ---- stamp -------------------------------------------------------------- */

static struct graph_step *push_step(struct graph *g, struct graph_plan *p, size_t *cap)
{
	if (p->n == *cap) {
		size_t n = *cap ? *cap * 2 : 4;
		p->steps = arena_grow(g->arena, p->steps, p->n, n, sizeof(*p->steps));
		*cap = n;
	}
	memset(&p->steps[p->n], 0, sizeof(*p->steps));
	p->steps[p->n].kind = GRAPH_STEP_STAMP;
	return &p->steps[p->n++];
}

/* The DB heads sharing lineage (with dependencies) with any target, deduped. */
static int stamp_filtered(struct graph *g, const char *const *targets, size_t n,
			  const struct revlist *heads, struct revlist *out, struct err *e)
{
	for (size_t i = 0; i < n; i++) {
		struct revlist f = REVLIST_INIT;
		if (!targets[i] || !*targets[i])
			continue;
		if (graph_filter_lineage(g, heads, targets[i], true, &f, e))
			return -1;
		for (size_t k = 0; k < f.n; k++)
			if (!revlist_has(out, f.v[k]))
				revlist_push(g->arena, out, f.v[k]);
	}
	return 0;
}

static bool meets(const struct bits *set, const struct revlist *l)
{
	for (size_t i = 0; i < l->n; i++)
		if (bits_test(set, l->v[i]->index))
			return true;
	return false;
}

/* One destination of _stamp_revs. */
static int stamp_dest(struct graph *g, struct rev *dest, const struct revlist *filtered,
		      struct graph_plan *p, size_t *cap, struct err *e)
{
	struct revlist one = REVLIST_INIT;
	struct bits desc, anc;
	struct graph_step *st;

	revlist_push(g->arena, &one, dest);
	graph_bits_new(g, &desc);
	graph_bits_new(g, &anc);
	if (graph_related(g, &one, DIR_DESC_DEPS, false, &desc, NULL, e) ||
	    graph_related(g, &one, DIR_ANC_DEPS, false, &anc, NULL, e))
		return -1;
	if (meets(&desc, filtered) && meets(&anc, filtered))
		return err_set(e, ERR_REVISION,
			       "Can't stamp %s: current revisions are both above and "
			       "below it",
			       dest->id);
	st = push_step(g, p, cap);
	strvec_push(g->arena, &st->to, dest->id);
	if (!meets(&desc, filtered) && !meets(&anc, filtered)) {
		st->is_upgrade = st->branch_move = true;
		return 0;
	}
	st->is_upgrade = !meets(&desc, filtered);
	for (size_t k = 0; k < filtered->n; k++)
		strvec_push(g->arena, &st->from, filtered->v[k]->id);
	return 0;
}

/* script/base.py _stamp_revs (see graph.h). */
int graph_stamp_plan(struct graph *g, const char *const *targets, size_t n_targets,
		     const struct strvec *db_rows, bool purge, struct graph_plan *out,
		     struct err *e)
{
	static const char *const base[] = {"base"};
	struct revlist heads = REVLIST_INIT, filtered = REVLIST_INIT, dests = REVLIST_INIT;
	struct gident rows = {.is_list = true}, tg;
	size_t cap = 0;

	memset(out, 0, sizeof(*out));
	if (!purge && db_rows)
		rows = (struct gident){.list = db_rows->v, .n = db_rows->n, .is_list = true};
	if (!n_targets) {
		targets = base;
		n_targets = 1;
	}
	tg = (struct gident){.list = targets, .n = n_targets, .is_list = true};
	for (size_t i = 0; i < n_targets; i++)
		if (!targets[i] || !*targets[i])
			return err_set(e, ERR_REVISION, "Empty revision identifier");
	if (graph_resolve(g, rows, &heads, e) ||
	    stamp_filtered(g, targets, n_targets, &heads, &filtered, e) ||
	    graph_resolve(g, tg, &dests, e)) {
		if (e->code == ERR_MULTIPLE_HEADS) /* _stamp_revs' wording; code and arg kept */
			snprintf(
				e->msg, sizeof(e->msg), "%s",
				"Multiple heads are present; please specify a single target revision");
		return -1;
	}
	if (!dests.n)
		revlist_push(g->arena, &dests, NULL);
	for (size_t i = 0; i < dests.n; i++) {
		struct rev *d = dests.v[i];
		if (d == GRAPH_BASE)
			return err_set(e, ERR_REVISION,
				       "Can't stamp a relative revision that walks to base");
		if (!d) {
			for (size_t k = 0; k < filtered.n; k++) {
				struct graph_step *st = push_step(g, out, &cap);
				strvec_push(g->arena, &st->from, filtered.v[k]->id);
				st->branch_move = true;
			}
		} else if (!revlist_has(&filtered, d) &&
			   stamp_dest(g, d, &filtered, out, &cap, e)) {
			return -1;
		}
	}
	return 0;
}
