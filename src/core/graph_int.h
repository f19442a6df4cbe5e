/*
 * graph_int.h - internals shared by the graph_*.c files (not a contract for
 * other modules).  Ancestor/descendant sets are bitsets indexed by
 * rev->index; walks are explicit-stack DFS in Alembic's LIFO order.
 */
#ifndef CORE_GRAPH_INT_H
#define CORE_GRAPH_INT_H

#include <stdint.h>

#include "core/graph.h"

/* Alembic's walk results are a Revision, None or the string "base".  Inside
 * the module None is NULL and "base" is GRAPH_BASE. */
extern struct rev graph_base_sentinel;
#define GRAPH_BASE (&graph_base_sentinel)

/* A set of revisions: one bit per rev->index. */
struct bits {
	uint64_t *w; /* words, arena-owned */
};

static inline void bits_set(struct bits *b, size_t i)
{
	b->w[i / 64] |= (uint64_t)1 << (i % 64);
}
static inline void bits_clear(struct bits *b, size_t i)
{
	b->w[i / 64] &= ~((uint64_t)1 << (i % 64));
}
static inline int bits_test(const struct bits *b, size_t i)
{
	return (b->w[i / 64] >> (i % 64)) & 1;
}

/* An empty set sized for g. */
void graph_bits_new(struct graph *g, struct bits *b);
bool graph_bits_empty(const struct graph *g, const struct bits *b);

/* Which edges a walk follows (revision.py _get_ancestor_nodes / _get_descendant_nodes). */
enum graph_dir {
	DIR_ANC_DEPS,    /* norm_down */
	DIR_ANC_NODEPS,  /* parents (down_revision) */
	DIR_ANC_ALL,     /* all_down (parents + every resolved dependency) */
	DIR_DESC_DEPS,   /* all_nextrev */
	DIR_DESC_NODEPS, /* nextrev */
};

/*
 * revision.py _iterate_related_revisions: DFS from targets (in order) over
 * dir's edges, adding every visited revision to *out (which the caller
 * created; it is not cleared).  order, if not NULL, receives the visit order.
 * With check, fails with "Requested revision T overlaps with other requested
 * revisions X, Y" (others sorted bytewise) as Alembic does.  Targets must be
 * real revisions (NULL / GRAPH_BASE: ERR_REVISION, Alembic asserts).
 */
int graph_related(struct graph *g, const struct revlist *targets, enum graph_dir dir, bool check,
		  struct bits *out, struct revlist *order, struct err *e);

/* The keys (ids and labels) starting with prefix, in map order. */
void graph_keys_with_prefix(struct graph *g, const char *prefix, struct revlist *revs,
			    struct strvec *keys);
/* Exact key lookup: a revision id or a branch label. */
struct rev *graph_lookup_key(const struct graph *g, const char *key);

/* An identifier argument as Alembic sees it: a string, a tuple of strings or None. */
struct gident {
	const char *s;           /* the string form, or NULL */
	const char *const *list; /* the tuple form (when is_list) */
	size_t n;                /* tuple length */
	bool is_list;            /* true: tuple */
};

/* revision.py get_revisions: may contain NULL and GRAPH_BASE entries (-N walks). */
int graph_resolve(struct graph *g, struct gident id, struct revlist *out, struct err *e);
/* revision.py get_revision (NULL for base). */
int graph_resolve_one(struct graph *g, const char *id, struct rev **out, struct err *e);
/* revision.py _resolve_branch. */
int graph_resolve_branch(struct graph *g, const char *label, struct rev **out, struct err *e);
/* revision.py filter_for_lineage over revisions (NULL entries are skipped). */
int graph_filter_lineage(struct graph *g, const struct revlist *targets, const char *check,
			 bool include_deps, struct revlist *out, struct err *e);
/* revision.py _walk: *out is a revision, NULL (None) or GRAPH_BASE. */
int graph_walk(struct graph *g, struct rev *start, long steps, const char *label, bool no_overwalk,
	       struct rev **out, struct err *e);
/* revision.py _parse_upgrade_target. */
int graph_parse_upgrade_target(struct graph *g, struct gident current, struct gident target,
			       bool assert_len, struct revlist *out, struct err *e);
/* revision.py _parse_downgrade_target: *label is NULL or a string. */
int graph_parse_downgrade_target(struct graph *g, struct gident current, const char *target,
				 bool assert_len, const char **label, struct rev **out, bool *warn,
				 struct err *e);

/* Python repr of an identifier argument, for error arguments. */
const char *graph_ident_repr(struct graph *g, struct gident id);

#endif
