/*
 * graph.h - the revision graph (Alembic 1.8.1 script/revision.py RevisionMap)
 * and the version-row bookkeeping of runtime/migration.py (HeadMaintainer,
 * RevisionStep, StampStep).
 *
 * A pure module: no files, no database, no printing.  The caller builds one
 * struct rev per revision file (input fields only, the rest zeroed), in load
 * order, and calls graph_build().  Everything derived is allocated in the
 * arena given to graph_build() and lives as long as it; every result list
 * returned by a graph_* function lives there too.
 *
 * Orders.  Where Alembic defines an order (map order = load order,
 * topological order, down_revision order) it is followed.  Where Alembic
 * iterates a Python set, this module uses a fixed rule, stated per field or
 * function: bytewise id order for nextrev/labels and for current heads, and
 * the rules documented at graph_step_rows().  Result lists (struct revlist,
 * struct graph_rowops) passed in are appended to: start them empty
 * (REVLIST_INIT / zeroed).
 *
 * Errors.  Functions return 0 (or a pointer) on success and -1 (or NULL) with
 * *e filled on failure:
 *   ERR_INPUT               graph_build: broken graph; e->file is the
 *                           revision's path, the message names the revision
 *   ERR_RESOLUTION          unknown / ambiguous / wrong-branch identifier;
 *                           e->arg = the identifier Alembic reports (the CLI
 *                           prints "Can't locate revision identified by '<arg>'")
 *   ERR_MULTIPLE_HEADS      a single head was needed; e->arg = Alembic's
 *                           MultipleHeads argument ("head", "L@head", ...)
 *   ERR_RANGE_NOT_ANCESTOR  e->arg = lower, e->arg2 = upper as Alembic passes
 *                           them; the CLI words it per command (§7.3)
 *   ERR_REVISION            any other RevisionError; e->msg is Alembic's text
 *                           ("Ambiguous walk", "Walked too far", ...)
 * The graph is not thread-safe: queries use scratch marks inside it.
 */
#ifndef CORE_GRAPH_H
#define CORE_GRAPH_H

#include <stdbool.h>
#include <stddef.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/vec.h"

struct rev;

/* A list of revisions (arena-backed, grows with revlist_push). */
struct revlist {
	struct rev **v; /* items */
	size_t n;       /* number of items */
	size_t cap;     /* allocated slots */
};

#define REVLIST_INIT                                                                               \
	{                                                                                          \
		NULL, 0, 0                                                                         \
	}

struct rev {
	/* --- input: filled by the caller before graph_build() --- */
	const char *id;       /* revision id (Alembic `revision`) */
	struct strvec down;   /* down_revision ids in file order; empty = a base */
	struct strvec deps;   /* depends_on as written (ids, prefixes or labels) */
	struct strvec labels; /* branch_labels as declared in the file */
	void *data;           /* caller's payload (e.g. struct script *), untouched */
	const char *path;     /* file path for error messages (may be NULL) */

	/* --- derived by graph_build() --- */
	size_t index;               /* position in load order (0-based) */
	struct revlist parents;     /* resolved down_revision, file order */
	struct revlist deps_res;    /* _resolved_dependencies: deps resolved to revisions,
	                              order as written */
	struct revlist deps_norm;   /* _normalized_resolved_dependencies: deps_res minus those
	                              implied by an ancestor; order as in deps_res */
	struct revlist all_down;    /* dedupe(parents + deps_res) */
	struct revlist norm_down;   /* dedupe(parents + deps_norm): the edge set for ancestry,
	                              ordering and version rows */
	struct revlist nextrev;     /* children through down_revision, bytewise id order */
	struct revlist all_nextrev; /* children through down_revision or depends_on,
	                               bytewise id order */
	struct strvec eff_labels; /* effective branch labels (own + propagated), bytewise sorted */
	bool is_head;             /* no revision has it in down_revision (versioned head) */
	bool is_real_head;        /* ... nor in depends_on */
	bool is_base;             /* down_revision is empty */
	bool is_real_base;        /* ... and depends_on is empty */
	bool is_branch_point;     /* >= 2 children through down_revision */
	bool is_merge_point;      /* >= 2 down_revisions */
	unsigned mark;            /* scratch for walks (internal) */
};

/* One key of the lookup index: a revision id or a branch label. */
struct graph_key {
	const char *key; /* id or label */
	struct rev *rev; /* the revision it names (a label names its declaring revision) */
	size_t order;    /* Alembic map key order: ids in load order, then labels */
};

struct graph {
	struct arena *arena;       /* owns everything derived and every result */
	struct rev **revs;         /* all revisions, load order */
	size_t n;                  /* number of revisions */
	struct revlist heads;      /* versioned heads, load order (`heads` command, `head`) */
	struct revlist real_heads; /* real heads, load order (the symbol `heads`) */
	struct revlist bases;      /* revisions with no down_revision, load order */
	struct revlist real_bases; /* ... and no depends_on */
	struct graph_key *keys;    /* ids and labels, sorted bytewise (exact + prefix lookup) */
	size_t n_keys;             /* number of keys */
	unsigned gen;              /* generation counter for rev.mark (internal) */
	struct revlist stack;      /* DFS stack reused by every walk (internal) */
};

/* Appends r (which may be NULL) to l. */
void revlist_push(struct arena *a, struct revlist *l, struct rev *r);
/* True if r is in l (pointer comparison). */
bool revlist_has(const struct revlist *l, const struct rev *r);

/*
 * Builds and validates the graph from revs[0..n) in load order.  The revs
 * are not copied: their derived fields are filled in place, and the array
 * itself becomes g->revs (the caller must not change it afterwards: walks
 * check that g->revs[r->index] == r with BUG_ON).  Load errors
 * (ERR_INPUT, e->file = the offending revision's path):
 *   duplicate id            "Revision X is present more than once (A and B)"
 *   bad id                  "Character(s) '-, @' not allowed in revision identifier 'a-b@c'"
 *   duplicate label         "Branch name 'x' in revision B already used by revision A"
 *   missing target          "Revision X referenced from Y is not present"
 *   self-loop               "Self-loop is detected in revisions (x)" /
 *                           "Dependency self-loop is detected in revisions (x)"
 *   cycle                   "Cycle is detected in revisions (a, b)" (sorted) /
 *                           "Dependency cycle is detected in revisions (a, b)"
 *                           (also the loops 1.8.1's reachability test misses,
 *                           on which it later hangs or asserts)
 * An empty graph (n == 0) is valid.  Resolution and walk functions below
 * report ERR_RESOLUTION / ERR_MULTIPLE_HEADS / ERR_REVISION as described at
 * the top of this file.
 */
int graph_build(struct arena *a, struct rev **revs, size_t n, struct graph *g, struct err *e);

/* Checks a revision id for the characters Alembic forbids (@ - +);
 * ERR_COMMAND "Character(s) '-, @' not allowed in revision identifier '<id>'". */
int graph_check_rev_id(const char *id, struct err *e);

/* Exact id lookup (binary search); labels are not matched.  NULL if absent. */
struct rev *graph_lookup(const struct graph *g, const char *id);

/*
 * revision.py RevisionMap.get_revisions(ident): full id, prefix (keys longer
 * than 3 characters, labels included), head, heads, base, L@head, L@heads,
 * L@base, L@REV, bare label, -N, L@-N.  "base" gives an empty list.  A -N
 * that walks off the graph (Alembic returns None / "base" entries) gives
 * ERR_REVISION "Relative revision -N didn't produce N migrations".
 * The empty string is ERR_REVISION (Alembic 1.8.1 asserts).
 */
int graph_get_revisions(struct graph *g, const char *ident, struct revlist *out, struct err *e);

/* revision.py get_revision: a single revision; *out = NULL for base.
 * Several (e.g. "heads" with 2) -> ERR_MULTIPLE_HEADS with arg = ident. */
int graph_get_revision(struct graph *g, const char *ident, struct rev **out, struct err *e);

/* revision.py get_current_head(label): the single versioned head (of label's
 * lineage when label != NULL); *out = NULL when the graph is empty. */
int graph_current_head(struct graph *g, const char *label, struct rev **out, struct err *e);

/* Steps ----------------------------------------------------------------- */

enum graph_step_kind {
	GRAPH_STEP_UPGRADE,   /* run rev's upgrade */
	GRAPH_STEP_DOWNGRADE, /* run rev's downgrade */
	GRAPH_STEP_STAMP,     /* StampStep: rows only */
};

struct graph_step {
	enum graph_step_kind kind; /* what the step does */
	struct rev *rev;           /* upgrade/downgrade: the revision; NULL for stamps */
	struct strvec from;        /* log "from" ids: upgrade = down_revision, downgrade = rev,
	                              stamp = StampStep.from_ (no dependencies ever); read-only
	                              (may share storage with rev->down) */
	struct strvec to;          /* log "to" ids: upgrade = rev, downgrade = down_revision,
	                              stamp = StampStep.to_; read-only */
	bool is_upgrade;           /* stamp: StampStep.is_upgrade (also set for upgrades) */
	bool branch_move;          /* stamp: StampStep.branch_move */
};

struct graph_plan {
	struct graph_step *steps;  /* in execution order */
	size_t n;                  /* number of steps */
	bool warn_multi_head_down; /* downgrade -N from several DB heads: caller logs Alembic's
	                              "downgrade -1 from multiple heads is ambiguous; ..." warning */
};

/*
 * script/base.py _upgrade_revs: steps to bring db_heads (version-table rows,
 * in SELECT order; offline: the resolved start) to target.  Unknown rows are
 * ERR_RESOLUTION.  RangeNotAncestor: arg = db rows joined by ", ", arg2 = target.
 */
int graph_upgrade_plan(struct graph *g, const char *target, const struct strvec *db_heads,
		       struct graph_plan *out, struct err *e);

/* script/base.py _downgrade_revs (collect_downgrade, topological order). */
int graph_downgrade_plan(struct graph *g, const char *target, const struct strvec *db_heads,
			 struct graph_plan *out, struct err *e);

/*
 * command.py history -r lower:upper (ScriptDirectory.walk_revisions):
 * iterate_revisions(upper, lower, inclusive, implicit_base=False), newest
 * first.  lower NULL/"" = "base", upper NULL/"" = "heads"; the literal
 * "current" on either side is replaced by current_rows (may be NULL when
 * "current" is not used).  RangeNotAncestor: arg = lower, arg2 = upper.
 */
int graph_history(struct graph *g, const char *lower, const char *upper,
		  const struct strvec *current_rows, struct revlist *out, struct err *e);

/* All revisions, newest first (history without a range). */
int graph_history_all(struct graph *g, struct revlist *out, struct err *e);

/*
 * revision.py _get_all_current (for `current`): the rows plus their
 * ancestors (with dependencies), reduced to members with no versioned
 * descendant inside that set.  Alembic returns a set; here: bytewise id
 * order (the pinned order `current` prints).  out is appended to.
 */
int graph_current_heads(struct graph *g, const struct strvec *rows, struct revlist *out,
			struct err *e);

/* autogenerate/api.py: true if set(get_revisions(rows)) == set(get_revisions("heads"))
 * ("Target database is not up to date." otherwise). */
int graph_heads_for_check(struct graph *g, const struct strvec *rows, bool *is_up_to_date,
			  struct err *e);

/* Version rows ---------------------------------------------------------- */

enum graph_row_kind {
	GRAPH_ROW_INSERT, /* INSERT to */
	GRAPH_ROW_UPDATE, /* UPDATE from -> to */
	GRAPH_ROW_DELETE, /* DELETE from */
};

struct graph_row_op {
	enum graph_row_kind kind; /* statement */
	const char *from;         /* UPDATE/DELETE: the row matched (NULL for INSERT) */
	const char *to;           /* INSERT/UPDATE: the new value (NULL for DELETE) */
};

struct graph_rowops {
	struct graph_row_op *v; /* in execution order */
	size_t n;               /* number of ops */
	size_t cap;             /* allocated slots */
};

/*
 * runtime/migration.py HeadMaintainer.update_to_step: the version-table
 * statements one step makes, given the current row set *heads, which is
 * updated in place (order: kept, new rows appended).  Where Alembic iterates
 * a Python set (merge with other heads, unmerge with other heads) the
 * candidate list is sorted bytewise; only the resulting row set is
 * significant.  Follows Alembic 1.13.1's fix #1373 for unmerges.
 * Impossible steps (Alembic asserts) are ERR_REVISION.
 */
int graph_step_rows(struct graph *g, const struct graph_step *st, struct strvec *heads,
		    struct graph_rowops *ops, struct err *e);

/*
 * script/base.py _stamp_revs: stamp steps for targets[0..n_targets) (each a
 * revision identifier; none or "base" = base) from db_rows (ignored when
 * purge: the caller deletes every row first).  `stamp head` with several
 * heads: ERR_MULTIPLE_HEADS (CLI: "Multiple heads are present; please
 * specify a single target revision").
 */
int graph_stamp_plan(struct graph *g, const char *const *targets, size_t n_targets,
		     const struct strvec *db_rows, bool purge, struct graph_plan *out,
		     struct err *e);

#endif
