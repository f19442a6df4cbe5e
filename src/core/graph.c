/*
 * graph.c - building and validating the revision graph (revision.py
 * RevisionMap._revision_map, _map_branch_labels, _add_depends_on,
 * _normalize_depends_on, _detect_cycles, _add_branches), the key index
 * (sorted array, binary search for exact and prefix lookups) and the
 * ancestor/descendant walks every other part uses.
 */
#include <stdlib.h>
#include <string.h>

#include "base/bug.h"
#include "base/str.h"
#include "core/graph_int.h"

struct rev graph_base_sentinel = {.id = "base"};

void revlist_push(struct arena *a, struct revlist *l, struct rev *r)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 4;
		l->v = arena_grow(a, l->v, l->n, cap, sizeof(*l->v));
		l->cap = cap;
	}
	l->v[l->n++] = r;
}

bool revlist_has(const struct revlist *l, const struct rev *r)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i] == r)
			return true;
	return false;
}

void graph_bits_new(struct graph *g, struct bits *b)
{
	b->w = arena_calloc(g->arena, g->n / 64 + 1, sizeof(*b->w));
}

bool graph_bits_empty(const struct graph *g, const struct bits *b)
{
	for (size_t i = 0; i < g->n / 64 + 1; i++)
		if (b->w[i])
			return false;
	return true;
}

static const struct revlist *edges(const struct rev *r, enum graph_dir dir)
{
	switch (dir) {
	case DIR_ANC_DEPS:
		return &r->norm_down;
	case DIR_ANC_NODEPS:
		return &r->parents;
	case DIR_ANC_ALL:
		return &r->all_down;
	case DIR_DESC_DEPS:
		return &r->all_nextrev;
	case DIR_DESC_NODEPS:
		break;
	}
	return &r->nextrev;
}

/* Names the other targets the walk from t reached (marked with gen). */
static int overlap_error(struct graph *g, const struct revlist *targets, const struct rev *t,
			 struct err *e)
{
	struct strvec names = STRVEC_INIT;

	for (size_t i = 0; i < targets->n; i++) {
		struct rev *u = targets->v[i];
		if (u != t && u->mark == g->gen)
			strvec_push_unique(g->arena, &names, u->id);
	}
	if (!names.n)
		return 0;
	strvec_sort(&names);
	return err_set(e, ERR_REVISION,
		       "Requested revision %s overlaps with other requested revisions %s", t->id,
		       strvec_join(g->arena, &names, ", "));
}

/* revision.py _iterate_related_revisions (see graph_int.h). */
int graph_related(struct graph *g, const struct revlist *targets, enum graph_dir dir, bool check,
		  struct bits *out, struct revlist *order, struct err *e)
{
	struct revlist *stack = &g->stack;

	stack->n = 0;
	for (size_t i = 0; i < targets->n; i++) {
		struct rev *t = targets->v[i];
		if (!t || t == GRAPH_BASE)
			return err_set(e, ERR_REVISION, "Can't walk from base: not a revision");
		g->gen++;
		revlist_push(g->arena, stack, t);
		while (stack->n) {
			struct rev *r = stack->v[--stack->n];
			const struct revlist *next;
			BUG_ON(r->index >= g->n ||
			       g->revs[r->index] != r); /* a rev of this graph */
			r->mark = g->gen;
			if (bits_test(out, r->index))
				continue;
			bits_set(out, r->index);
			next = edges(r, dir);
			for (size_t k = 0; k < next->n; k++)
				revlist_push(g->arena, stack, next->v[k]);
			if (order)
				revlist_push(g->arena, order, r);
		}
		if (check && overlap_error(g, targets, t, e))
			return -1;
	}
	return 0;
}

/* ---- key index ---------------------------------------------------------- */

static int key_cmp(const void *a, const void *b)
{
	return strcmp(((const struct graph_key *)a)->key, ((const struct graph_key *)b)->key);
}

struct rev *graph_lookup_key(const struct graph *g, const char *key)
{
	struct graph_key k = {.key = key};
	struct graph_key *hit;

	if (!g->n_keys)
		return NULL;
	hit = bsearch(&k, g->keys, g->n_keys, sizeof(k), key_cmp);
	return hit ? hit->rev : NULL;
}

struct rev *graph_lookup(const struct graph *g, const char *id)
{
	struct rev *r = graph_lookup_key(g, id);
	return r && !strcmp(r->id, id) ? r : NULL;
}

static int keyptr_order_cmp(const void *a, const void *b)
{
	const struct graph_key *x = *(const struct graph_key *const *)a;
	const struct graph_key *y = *(const struct graph_key *const *)b;
	return (x->order > y->order) - (x->order < y->order);
}

/* Keys longer than 3 characters starting with prefix, in map order. */
void graph_keys_with_prefix(struct graph *g, const char *prefix, struct revlist *revs,
			    struct strvec *keys)
{
	size_t lo = 0, hi = g->n_keys, plen = strlen(prefix), n = 0;
	const struct graph_key **hits;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(g->keys[mid].key, prefix) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (hi = lo; hi < g->n_keys && !strncmp(g->keys[hi].key, prefix, plen); hi++)
		;
	hits = arena_calloc(g->arena, hi - lo + 1, sizeof(*hits));
	for (size_t i = lo; i < hi; i++)
		if (strlen(g->keys[i].key) > 3)
			hits[n++] = &g->keys[i];
	qsort(hits, n, sizeof(*hits), keyptr_order_cmp);
	for (size_t i = 0; i < n; i++) {
		revlist_push(g->arena, revs, hits[i]->rev);
		strvec_push(g->arena, keys, hits[i]->key);
	}
}

/* ---- build -------------------------------------------------------------- */

static int input_error(struct err *e, const struct rev *r, const char *msg)
{
	return err_at(e, ERR_INPUT, r && r->path ? r->path : "", 0, "%s", msg);
}

int graph_check_rev_id(const char *id, struct err *e)
{
	struct strvec bad = STRVEC_INIT;
	struct arena a = ARENA_INIT;
	int rc = 0;

	for (const char *p = id; *p; p++)
		if (*p == '@' || *p == '-' || *p == '+')
			strvec_push_unique(&a, &bad, arena_strndup(&a, p, 1));
	if (bad.n) {
		strvec_sort(&bad);
		rc = err_set(e, ERR_COMMAND,
			     "Character(s) '%s' not allowed in revision identifier '%s'",
			     strvec_join(&a, &bad, ", "), id);
	}
	arena_release(&a);
	return rc;
}

/* Revision(...) constructor checks: id grammar and self-loops. */
static int check_one(struct graph *g, struct rev *r, struct err *e)
{
	if (!r->id || !*r->id)
		return input_error(e, r, "Revision file declares an empty revision identifier");
	if (strvec_find(&r->down, r->id) >= 0)
		return input_error(
			e, r,
			arena_printf(g->arena, "Self-loop is detected in revisions (%s)", r->id));
	if (strvec_find(&r->deps, r->id) >= 0)
		return input_error(
			e, r,
			arena_printf(g->arena, "Dependency self-loop is detected in revisions (%s)",
				     r->id));
	if (graph_check_rev_id(r->id, e)) {
		e->code = ERR_INPUT;
		snprintf(e->file, sizeof(e->file), "%s", r->path ? r->path : "");
		return -1;
	}
	return 0;
}

/* Ids into the sorted index; duplicates are an error naming both files. */
static int index_ids(struct graph *g, struct err *e)
{
	size_t nl = 0;

	for (size_t i = 0; i < g->n; i++)
		nl += g->revs[i]->labels.n;
	g->keys = arena_calloc(g->arena, g->n + nl + 1, sizeof(*g->keys));
	for (size_t i = 0; i < g->n; i++)
		g->keys[i] = (struct graph_key){g->revs[i]->id, g->revs[i], i};
	g->n_keys = g->n;
	qsort(g->keys, g->n_keys, sizeof(*g->keys), key_cmp);
	for (size_t i = 1; i < g->n_keys; i++) {
		struct rev *a = g->keys[i - 1].rev, *b = g->keys[i].rev;
		if (strcmp(a->id, b->id))
			continue;
		if (a->index > b->index) {
			struct rev *t = a;
			a = b;
			b = t;
		}
		return input_error(
			e, b,
			arena_printf(g->arena, "Revision %s is present more than once (%s and %s)",
				     b->id, a->path ? a->path : a->id, b->path ? b->path : b->id));
	}
	return 0;
}

/* Inserts k into the sorted index (k.key is not present yet). */
static void insert_key(struct graph *g, struct graph_key k)
{
	size_t lo = 0, hi = g->n_keys;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(g->keys[mid].key, k.key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	memmove(&g->keys[lo + 1], &g->keys[lo], (g->n_keys - lo) * sizeof(*g->keys));
	g->keys[lo] = k;
	g->n_keys++;
}

/* revision.py _map_branch_labels: labels become keys, each used once. */
static int index_labels(struct graph *g, struct err *e)
{
	size_t order = g->n;

	for (size_t i = 0; i < g->n; i++) {
		struct rev *r = g->revs[i];
		for (size_t k = 0; k < r->labels.n; k++) {
			const char *l = r->labels.v[k];
			struct rev *used = graph_lookup_key(g, l);
			if (used)
				return input_error(
					e, r,
					arena_printf(
						g->arena,
						"Branch name '%s' in revision %s already used by revision %s",
						l, r->id, used->id));
			insert_key(g, (struct graph_key){l, r, order++});
		}
	}
	return 0;
}

static void push_unique(struct arena *a, struct revlist *l, struct rev *r)
{
	if (!revlist_has(l, r))
		revlist_push(a, l, r);
}

/* Resolves one reference written in r's file (exact key only, as map_[x]). */
static struct rev *referenced(struct graph *g, struct rev *r, const char *x, bool label_ok,
			      struct err *e)
{
	struct rev *t = label_ok ? graph_lookup_key(g, x) : graph_lookup(g, x);

	if (!t)
		input_error(e, r,
			    arena_printf(g->arena, "Revision %s referenced from %s is not present",
					 x, r->id));
	return t;
}

/* revision.py _add_depends_on + the nextrev loop of _revision_map. */
static int link_edges(struct graph *g, struct err *e)
{
	for (size_t i = 0; i < g->n; i++) {
		struct rev *r = g->revs[i];
		for (size_t k = 0; k < r->down.n; k++) {
			struct rev *p = referenced(g, r, r->down.v[k], false, e);
			if (!p)
				return -1;
			revlist_push(g->arena, &r->parents, p);
			push_unique(g->arena, &r->all_down, p);
			push_unique(g->arena, &p->nextrev, r);
		}
		for (size_t k = 0; k < r->deps.n; k++) {
			struct rev *d = referenced(g, r, r->deps.v[k], true, e);
			if (!d)
				return -1;
			if (d == r)
				return input_error(
					e, r,
					arena_printf(
						g->arena,
						"Dependency self-loop is detected in revisions (%s)",
						r->id));
			revlist_push(g->arena, &r->deps_res, d);
			push_unique(g->arena, &r->all_down, d);
		}
		for (size_t k = 0; k < r->all_down.n; k++)
			push_unique(g->arena, &r->all_down.v[k]->all_nextrev, r);
	}
	return 0;
}

/* Revisions in an order where every parent (down_revision) comes before its
 * children; the graph is acyclic when this runs. */
static void parents_first(struct graph *g, struct revlist *out)
{
	unsigned *left = arena_calloc(g->arena, g->n + 1, sizeof(*left));

	for (size_t i = 0; i < g->n; i++) {
		struct rev *r = g->revs[i];
		g->gen++;
		for (size_t k = 0; k < r->parents.n; k++)
			if (r->parents.v[k]->mark != g->gen) {
				r->parents.v[k]->mark = g->gen;
				left[i]++;
			}
		if (!left[i])
			revlist_push(g->arena, out, r);
	}
	for (size_t q = 0; q < out->n; q++)
		for (size_t k = 0; k < out->v[q]->nextrev.n; k++) {
			struct rev *c = out->v[q]->nextrev.v[k];
			if (--left[c->index] == 0)
				revlist_push(g->arena, out, c);
		}
}

/* revision.py _normalize_depends_on: a dependency is dropped when a strict
 * ancestor (through down_revision) already has it.  implied(r), the deps of
 * r's strict ancestors, is a bitset over the dependency targets, propagated
 * parents first: O(n * targets / 64) instead of one walk per revision. */
static void normalize_deps(struct graph *g)
{
	size_t *slot = arena_calloc(g->arena, g->n + 1, sizeof(*slot)), nt = 0, w;
	struct revlist order = REVLIST_INIT;
	uint64_t *implied;

	for (size_t i = 0; i < g->n; i++)
		for (size_t k = 0; k < g->revs[i]->deps_res.n; k++)
			if (!slot[g->revs[i]->deps_res.v[k]->index])
				slot[g->revs[i]->deps_res.v[k]->index] = ++nt;
	w = nt / 64 + 1;
	implied = arena_calloc(g->arena, g->n * w + 1, sizeof(*implied));
	parents_first(g, &order);
	for (size_t q = 0; nt && q < order.n; q++) {
		struct rev *r = order.v[q];
		uint64_t *mine = &implied[r->index * w];
		for (size_t k = 0; k < r->parents.n; k++) {
			struct rev *p = r->parents.v[k];
			for (size_t x = 0; x < w; x++)
				mine[x] |= implied[p->index * w + x];
			for (size_t d = 0; d < p->deps_res.n; d++) {
				size_t b = slot[p->deps_res.v[d]->index] - 1;
				mine[b / 64] |= (uint64_t)1 << (b % 64);
			}
		}
		for (size_t k = 0; k < r->deps_res.n; k++) {
			size_t b = slot[r->deps_res.v[k]->index] - 1;
			if (!((mine[b / 64] >> (b % 64)) & 1))
				push_unique(g->arena, &r->deps_norm, r->deps_res.v[k]);
		}
	}
	for (size_t i = 0; i < g->n; i++) {
		struct rev *r = g->revs[i];
		for (size_t k = 0; k < r->parents.n; k++)
			push_unique(g->arena, &r->norm_down, r->parents.v[k]);
		for (size_t k = 0; k < r->deps_norm.n; k++)
			push_unique(g->arena, &r->norm_down, r->deps_norm.v[k]);
	}
}

static int rev_id_cmp(const void *a, const void *b)
{
	return strcmp((*(struct rev *const *)a)->id, (*(struct rev *const *)b)->id);
}

static void derive_flags(struct graph *g)
{
	for (size_t i = 0; i < g->n; i++) {
		struct rev *r = g->revs[i];
		if (r->nextrev.n > 1)
			qsort(r->nextrev.v, r->nextrev.n, sizeof(*r->nextrev.v), rev_id_cmp);
		if (r->all_nextrev.n > 1)
			qsort(r->all_nextrev.v, r->all_nextrev.n, sizeof(*r->all_nextrev.v),
			      rev_id_cmp);
		r->is_head = r->nextrev.n == 0;
		r->is_real_head = r->all_nextrev.n == 0;
		r->is_base = r->down.n == 0;
		r->is_real_base = r->is_base && r->deps.n == 0;
		r->is_branch_point = r->nextrev.n > 1;
		r->is_merge_point = r->parents.n > 1;
		if (r->is_head)
			revlist_push(g->arena, &g->heads, r);
		if (r->is_real_head)
			revlist_push(g->arena, &g->real_heads, r);
		if (r->is_base)
			revlist_push(g->arena, &g->bases, r);
		if (r->is_real_base)
			revlist_push(g->arena, &g->real_bases, r);
	}
}

/* Ids of the revisions not in set, sorted; all ids (map order) when set is NULL. */
static int cycle_error(struct graph *g, const char *kind, const struct bits *set, struct err *e)
{
	struct strvec ids = STRVEC_INIT;
	struct rev *first = NULL;

	for (size_t i = 0; i < g->n; i++) {
		if (set && bits_test(set, i))
			continue;
		strvec_push(g->arena, &ids, g->revs[i]->id);
		if (!first)
			first = g->revs[i];
	}
	if (!ids.n)
		return 0;
	if (set)
		strvec_sort(&ids);
	return input_error(e, first,
			   arena_printf(g->arena, "%s is detected in revisions (%s)", kind,
					strvec_join(g->arena, &ids, ", ")));
}

/* Revisions reachable from both heads (downward) and bases (upward). */
static int reachable(struct graph *g, const struct revlist *heads, enum graph_dir down,
		     const struct revlist *bases, enum graph_dir up, struct bits *out,
		     struct err *e)
{
	struct bits b;

	graph_bits_new(g, out);
	graph_bits_new(g, &b);
	if (graph_related(g, heads, down, false, out, NULL, e) ||
	    graph_related(g, bases, up, false, &b, NULL, e))
		return -1;
	for (size_t i = 0; i < g->n / 64 + 1; i++)
		out->w[i] &= b.w[i];
	return 0;
}

/* Removes from *left every revision with no child (dir up: no parent) in
 * *left, repeatedly (Kahn's algorithm over the edges of one direction). */
static void peel(struct graph *g, struct bits *left, bool deps, bool up)
{
	unsigned *cnt = arena_calloc(g->arena, g->n + 1, sizeof(*cnt));
	struct revlist queue = REVLIST_INIT;
	enum graph_dir fwd = up ? (deps ? DIR_ANC_ALL : DIR_ANC_NODEPS)
				: (deps ? DIR_DESC_DEPS : DIR_DESC_NODEPS);
	enum graph_dir back = up ? (deps ? DIR_DESC_DEPS : DIR_DESC_NODEPS)
				 : (deps ? DIR_ANC_ALL : DIR_ANC_NODEPS);

	for (size_t i = 0; i < g->n; i++) {
		const struct revlist *l = edges(g->revs[i], fwd);
		g->gen++;
		for (size_t k = 0; bits_test(left, i) && k < l->n; k++)
			if (bits_test(left, l->v[k]->index) && l->v[k]->mark != g->gen) {
				l->v[k]->mark = g->gen;
				cnt[i]++;
			}
		if (bits_test(left, i) && !cnt[i])
			revlist_push(g->arena, &queue, g->revs[i]);
	}
	while (queue.n) {
		struct rev *r = queue.v[--queue.n];
		const struct revlist *l = edges(r, back);
		bits_clear(left, r->index);
		g->gen++;
		for (size_t k = 0; k < l->n; k++) {
			struct rev *o = l->v[k];
			if (!bits_test(left, o->index) || o->mark == g->gen)
				continue;
			o->mark = g->gen;
			if (--cnt[o->index] == 0)
				revlist_push(g->arena, &queue, o);
		}
	}
}

/* Cycles that Alembic's reachability test misses (a loop reachable from a
 * head and from a base, on which 1.8.1 hangs or asserts later): whatever
 * survives peeling from both ends lies on or between cycles. */
static int peel_cycles(struct graph *g, bool deps, struct err *e)
{
	struct bits left, kept;

	graph_bits_new(g, &left);
	for (size_t i = 0; i < g->n; i++)
		bits_set(&left, i);
	peel(g, &left, deps, false);
	peel(g, &left, deps, true);
	graph_bits_new(g, &kept);
	for (size_t i = 0; i < g->n / 64 + 1; i++)
		kept.w[i] = ~left.w[i];
	return cycle_error(g, deps ? "Dependency cycle" : "Cycle", &kept, e);
}

/* revision.py _detect_cycles, then peel_cycles. */
static int detect_cycles(struct graph *g, struct err *e)
{
	struct bits ok;

	if (!g->n)
		return 0;
	if (!g->heads.n || !g->bases.n)
		return cycle_error(g, "Cycle", NULL, e);
	if (reachable(g, &g->heads, DIR_ANC_NODEPS, &g->bases, DIR_DESC_NODEPS, &ok, e) ||
	    cycle_error(g, "Cycle", &ok, e))
		return -1;
	if (!g->real_heads.n || !g->real_bases.n)
		return cycle_error(g, "Dependency cycle", NULL, e);
	if (reachable(g, &g->real_heads, DIR_ANC_ALL, &g->real_bases, DIR_DESC_DEPS, &ok, e) ||
	    cycle_error(g, "Dependency cycle", &ok, e))
		return -1;
	return peel_cycles(g, false, e) || peel_cycles(g, true, e) ? -1 : 0;
}

static void add_labels(struct graph *g, struct rev *to, const struct rev *from)
{
	for (size_t k = 0; k < from->labels.n; k++)
		strvec_push_unique(g->arena, &to->eff_labels, from->labels.v[k]);
}

/* revision.py _add_branches: a label goes to every descendant, then down the
 * unbranched stretch below the last descendant visited.  Alembic visits
 * children in set order; here nextrev is in bytewise id order. */
static int propagate_labels(struct graph *g, struct err *e)
{
	for (size_t i = 0; i < g->n; i++) {
		struct rev *r = g->revs[i], *p;
		struct revlist self = REVLIST_INIT, order = REVLIST_INIT;
		struct bits seen;

		if (!r->labels.n)
			continue;
		graph_bits_new(g, &seen);
		revlist_push(g->arena, &self, r);
		if (graph_related(g, &self, DIR_DESC_NODEPS, false, &seen, &order, e))
			return -1;
		for (size_t k = 0; k < order.n; k++)
			add_labels(g, order.v[k], r);
		for (p = order.v[order.n - 1]; p && p->all_nextrev.n <= 1 && p->parents.n <= 1;) {
			add_labels(g, p, r);
			p = p->parents.n ? p->parents.v[0] : NULL;
		}
	}
	for (size_t i = 0; i < g->n; i++)
		strvec_sort(&g->revs[i]->eff_labels);
	return 0;
}

/* Builds and validates the graph (see graph.h). */
int graph_build(struct arena *a, struct rev **revs, size_t n, struct graph *g, struct err *e)
{
	memset(g, 0, sizeof(*g));
	g->arena = a;
	g->revs = revs;
	g->n = n;
	for (size_t i = 0; i < n; i++) {
		revs[i]->index = i;
		if (check_one(g, revs[i], e))
			return -1;
	}
	if (index_ids(g, e) || index_labels(g, e) || link_edges(g, e))
		return -1;
	derive_flags(g);
	if (detect_cycles(g, e))
		return -1;
	normalize_deps(g);
	return propagate_labels(g, e);
}
