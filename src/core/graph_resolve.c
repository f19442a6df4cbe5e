/*
 * graph_resolve.c - revision identifiers (revision.py get_revisions,
 * get_revision, _resolve_revision_number, _revision_for_ident,
 * _resolve_branch, filter_for_lineage, _shares_lineage, get_current_head,
 * _walk, _parse_upgrade_target, _parse_downgrade_target).
 *
 * Alembic's "lineage" test, target shares lineage with S, is evaluated as
 * target in anc(S) u desc(S), one O(n) walk per filter instead of two walks
 * per target (the relation is symmetric; with dependencies, reachability
 * over normalized and over all down edges is the same).
 */
#include <limits.h>
#include <string.h>

#include "base/buf.h"
#include "base/str.h"
#include "core/graph_int.h"

static struct gident gid_str(const char *s)
{
	return (struct gident){.s = s};
}

static struct gident gid_list(const struct strvec *sv)
{
	return (struct gident){.list = sv->v, .n = sv->n, .is_list = true};
}

const char *graph_ident_repr(struct graph *g, struct gident id)
{
	struct buf b = BUF_INIT;
	const char *out;

	if (!id.is_list)
		return id.s ? id.s : "None";
	buf_addch(&b, '(');
	for (size_t i = 0; i < id.n; i++)
		buf_addf(&b, "%s'%s'", i ? ", " : "", id.list[i]);
	buf_adds(&b, id.n == 1 ? ",)" : ")");
	out = buf_to_arena(&b, g->arena);
	buf_release(&b);
	return out;
}

static int resolution_error(struct err *e, const char *arg)
{
	return err_resolution(e, ERR_RESOLUTION, arg, NULL);
}

/* Python int() over an identifier: [ws][+-]digits[ws] (underscores between
 * digits allowed).  Out-of-range values clamp (walks stop at the graph's end). */
static bool py_int(const char *s, long *out)
{
	const char *p = s;
	bool neg = false, any = false;
	long v = 0;

	while (str_isspace(*p))
		p++;
	if (*p == '+' || *p == '-')
		neg = *p++ == '-';
	for (; *p; p++) {
		if (*p == '_' && any && str_isdigit(p[1]))
			continue;
		if (!str_isdigit(*p))
			break;
		any = true;
		v = v > (LONG_MAX - 9) / 10 ? LONG_MAX : v * 10 + (*p - '0');
	}
	while (str_isspace(*p))
		p++;
	if (!any || *p)
		return false;
	*out = neg ? -v : v;
	return true;
}

/* The lineage set of S: anc(S) u desc(S) (see the file comment). */
static int lineage_set(struct graph *g, const struct revlist *s, bool deps, struct bits *out,
		       struct err *e)
{
	struct bits down;

	graph_bits_new(g, out);
	graph_bits_new(g, &down);
	if (graph_related(g, s, deps ? DIR_ANC_ALL : DIR_ANC_NODEPS, false, out, NULL, e) ||
	    graph_related(g, s, deps ? DIR_DESC_DEPS : DIR_DESC_NODEPS, false, &down, NULL, e))
		return -1;
	for (size_t i = 0; i < g->n / 64 + 1; i++)
		out->w[i] |= down.w[i];
	return 0;
}

static int resolve_number(struct graph *g, const char *id, struct strvec *ids, const char **label,
			  struct err *e);
static int revision_for_ident(struct graph *g, const char *id, const char *check, struct rev **out,
			      struct err *e);

/* revision.py filter_for_lineage (see graph_int.h). */
int graph_filter_lineage(struct graph *g, const struct revlist *targets, const char *check,
			 bool include_deps, struct revlist *out, struct err *e)
{
	struct strvec ids = STRVEC_INIT, shares = STRVEC_INIT;
	struct revlist srevs = REVLIST_INIT;
	const char *label;
	struct bits set;

	if (resolve_number(g, check, &ids, &label, e))
		return -1;
	if (label && *label)
		strvec_push(g->arena, &shares, label);
	for (size_t i = 0; i < ids.n; i++)
		strvec_push(g->arena, &shares, ids.v[i]);
	for (size_t i = 0; targets->n && i < shares.n; i++) {
		struct rev *r;
		if (revision_for_ident(g, shares.v[i], NULL, &r, e))
			return -1;
		revlist_push(g->arena, &srevs, r);
	}
	if (shares.n && targets->n && lineage_set(g, &srevs, include_deps, &set, e))
		return -1;
	for (size_t i = 0; i < targets->n; i++) {
		struct rev *t = targets->v[i];
		if (!t || t == GRAPH_BASE)
			continue;
		if (!shares.n || bits_test(&set, t->index))
			revlist_push(g->arena, out, t);
	}
	return 0;
}

/* revision.py get_current_head. */
int graph_current_head(struct graph *g, const char *label, struct rev **out, struct err *e)
{
	struct revlist heads = REVLIST_INIT;

	*out = NULL;
	if (label && *label) {
		if (graph_filter_lineage(g, &g->heads, label, false, &heads, e))
			return -1;
	} else {
		heads = g->heads;
	}
	if (heads.n > 1)
		return err_resolution(
			e, ERR_MULTIPLE_HEADS,
			label && *label ? arena_printf(g->arena, "%s@head", label) : "head", NULL);
	if (heads.n)
		*out = heads.v[0];
	return 0;
}

/* revision.py _resolve_revision_number: ids named by id, and the label
 * before the first '@' (NULL when there is no '@'; may be ""). */
static int resolve_number(struct graph *g, const char *id, struct strvec *ids, const char **label,
			  struct err *e)
{
	const char *at = id ? strchr(id, '@') : NULL;
	struct revlist heads = REVLIST_INIT;
	struct rev *h;

	*label = NULL;
	if (at) {
		*label = arena_strndup(g->arena, id, (size_t)(at - id));
		id = at + 1;
	}
	if (!id || !strcmp(id, "base"))
		return 0;
	if (!strcmp(id, "heads")) {
		if (*label && **label) {
			if (graph_filter_lineage(g, &g->heads, *label, false, &heads, e))
				return -1;
		} else {
			heads = g->real_heads;
		}
		for (size_t i = 0; i < heads.n; i++)
			strvec_push(g->arena, ids, heads.v[i]->id);
		return 0;
	}
	if (!strcmp(id, "head")) {
		if (graph_current_head(g, *label, &h, e))
			return -1;
		if (h)
			strvec_push(g->arena, ids, h->id);
		return 0;
	}
	strvec_push(g->arena, ids, id);
	return 0;
}

/* revision.py _resolve_branch: a key (label or id), else an id prefix. */
int graph_resolve_branch(struct graph *g, const char *label, struct rev **out, struct err *e)
{
	*out = graph_lookup_key(g, label);
	if (*out)
		return 0;
	if (revision_for_ident(g, label, NULL, out, e))
		return resolution_error(e, label);
	return 0;
}

static bool shares_lineage(struct graph *g, struct rev *r, struct rev *with, struct err *e, int *rc)
{
	struct revlist s = REVLIST_INIT;
	struct bits set;

	revlist_push(g->arena, &s, with);
	*rc = lineage_set(g, &s, false, &set, e);
	return *rc == 0 && bits_test(&set, r->index);
}

/* Prefix lookup among keys longer than 3 characters, narrowed to check's lineage. */
static int by_prefix(struct graph *g, const char *id, const char *check, struct rev **out,
		     struct err *e)
{
	struct revlist revs = REVLIST_INIT, kept = REVLIST_INIT;
	struct strvec keys = STRVEC_INIT;

	graph_keys_with_prefix(g, id, &revs, &keys);
	if (check && *check) {
		if (graph_filter_lineage(g, &revs, check, false, &kept, e))
			return -1;
		revs = kept;
	}
	if (revs.n != 1)
		return resolution_error(e, id);
	*out = revs.v[0];
	return 0;
}

/* revision.py _revision_for_ident: id NULL means () (base) -> *out NULL. */
static int revision_for_ident(struct graph *g, const char *id, const char *check, struct rev **out,
			      struct err *e)
{
	struct rev *branch = NULL;
	int rc = 0;

	*out = NULL;
	if (check && *check && graph_resolve_branch(g, check, &branch, e))
		return -1;
	if (!id)
		return 0;
	if (!*id)
		return err_set(e, ERR_REVISION, "Empty revision identifier");
	*out = graph_lookup_key(g, id);
	if (!*out && by_prefix(g, id, check, out, e))
		return -1;
	if (branch && !shares_lineage(g, *out, branch, e, &rc)) {
		if (rc)
			return -1;
		*out = NULL;
		return resolution_error(e, id);
	}
	return 0;
}

/* revision.py get_revision. */
int graph_resolve_one(struct graph *g, const char *id, struct rev **out, struct err *e)
{
	struct strvec ids = STRVEC_INIT;
	const char *label;

	*out = NULL;
	if (resolve_number(g, id, &ids, &label, e))
		return -1;
	if (ids.n > 1)
		return err_resolution(e, ERR_MULTIPLE_HEADS, id, NULL);
	return revision_for_ident(g, ids.n ? ids.v[0] : NULL, label, out, e);
}

/* get_revisions for one string: -N walks down from each real head. */
static int resolve_string(struct graph *g, const char *id, struct revlist *out, struct err *e)
{
	struct strvec ids = STRVEC_INIT;
	const char *label;
	long n;

	if (resolve_number(g, id, &ids, &label, e))
		return -1;
	if (ids.n == 1 && py_int(ids.v[0], &n) && n < 0) {
		for (size_t i = 0; i < g->real_heads.n; i++) {
			struct rev *h = g->real_heads.v[i], *w;
			if (label && strvec_find(&h->eff_labels, label) < 0)
				continue;
			if (graph_walk(g, h, n, NULL, true, &w, e))
				return -1;
			revlist_push(g->arena, out, w);
		}
		return 0;
	}
	for (size_t i = 0; i < ids.n; i++) {
		struct rev *r;
		if (revision_for_ident(g, ids.v[i], label, &r, e))
			return -1;
		revlist_push(g->arena, out, r);
	}
	return 0;
}

/* revision.py get_revisions (see graph_int.h). */
int graph_resolve(struct graph *g, struct gident id, struct revlist *out, struct err *e)
{
	if (!id.is_list)
		return id.s ? resolve_string(g, id.s, out, e) : 0;
	for (size_t i = 0; i < id.n; i++)
		if (id.list[i] && resolve_string(g, id.list[i], out, e))
			return -1;
	return 0;
}

/* Public get_revisions: only real revisions. */
int graph_get_revisions(struct graph *g, const char *ident, struct revlist *out, struct err *e)
{
	struct revlist all = REVLIST_INIT;

	if (graph_resolve(g, gid_str(ident), &all, e))
		return -1;
	for (size_t i = 0; i < all.n; i++) {
		if (!all.v[i] || all.v[i] == GRAPH_BASE)
			return err_set(e, ERR_REVISION,
				       "Relative revision %s didn't produce %s migrations", ident,
				       strrchr(ident, '-') + 1);
		revlist_push(g->arena, out, all.v[i]);
	}
	return 0;
}

int graph_get_revision(struct graph *g, const char *ident, struct rev **out, struct err *e)
{
	return graph_resolve_one(g, ident, out, e);
}

/* One walk step's candidates. */
static int walk_children(struct graph *g, struct rev *at, bool up, const char *label,
			 struct revlist *out, struct err *e)
{
	if (up) {
		const struct revlist *next = at ? &at->nextrev : &g->bases;
		if (label && *label)
			return graph_filter_lineage(g, next, label, false, out, e);
		*out = *next;
		return 0;
	}
	if (at == GRAPH_BASE)
		return 0;
	*out = at ? at->parents : g->heads;
	if (!out->n) {
		*out = (struct revlist)REVLIST_INIT;
		revlist_push(g->arena, out, GRAPH_BASE);
	}
	return 0;
}

/* revision.py _walk (see graph_int.h).  Without no_overwalk a walk that runs
 * out of children stays where it is for every later step: it returns at once. */
int graph_walk(struct graph *g, struct rev *start, long steps, const char *label, bool no_overwalk,
	       struct rev **out, struct err *e)
{
	struct rev *at = start;
	unsigned long todo = steps < 0 ? 0UL - (unsigned long)steps : (unsigned long)steps;

	for (; todo; todo--) {
		struct revlist kids = REVLIST_INIT;
		if (steps > 0 && at == GRAPH_BASE)
			return err_set(e, ERR_REVISION, "Can't walk up from base");
		if (walk_children(g, at, steps > 0, label, &kids, e))
			return -1;
		if (!kids.n) {
			*out = no_overwalk ? NULL : at;
			return 0;
		}
		if (kids.n > 1)
			return err_set(e, ERR_REVISION, "Ambiguous walk");
		at = kids.v[0];
	}
	*out = at;
	return 0;
}

/* The relative grammar (?:(.+?)@)?(\w+)?((?:\+|-)\d+), matched at the start. */
struct relative {
	const char *label;  /* NULL when absent */
	const char *symbol; /* NULL when absent */
	const char *rel;    /* "+N" / "-N" as written */
	long n;             /* its value (clamped) */
};

static bool is_word(char c)
{
	return str_isalnum(c) || c == '_' || (unsigned char)c >= 0x80;
}

static bool match_tail(struct graph *g, const char *p, struct relative *m)
{
	const char *q = p, *d;

	while (*q && is_word(*q))
		q++;
	if ((*q != '+' && *q != '-') || !str_isdigit(q[1]))
		return false;
	for (d = q + 1; str_isdigit(*d); d++)
		;
	m->symbol = q > p ? arena_strndup(g->arena, p, (size_t)(q - p)) : NULL;
	m->rel = arena_strndup(g->arena, q, (size_t)(d - q));
	py_int(m->rel, &m->n);
	return true;
}

static bool match_relative(struct graph *g, const char *s, struct relative *m)
{
	memset(m, 0, sizeof(*m));
	for (const char *at = s + 1; *s && (at = strchr(at, '@')) != NULL; at++) {
		if (match_tail(g, at + 1, m)) {
			m->label = arena_strndup(g->arena, s, (size_t)(at - s));
			return true;
		}
	}
	return match_tail(g, s, m);
}

/* The digits of a "+N"/"-N" as Python's %d prints abs(int(N)): no sign, no
 * leading zeros, any length (no overflow for huge N). */
static const char *abs_digits(const char *rel)
{
	const char *d = rel + 1;

	while (d[0] == '0' && d[1])
		d++;
	return d;
}

/* "Relative revision <shown> didn't produce <|N|> migrations"; shown is the
 * text as written, or (signed_int) the int as Python prints it. */
static int not_produced(struct err *e, const char *rel, bool signed_int)
{
	const char *d = abs_digits(rel);
	bool zero = !strcmp(d, "0");

	if (signed_int)
		return err_set(e, ERR_REVISION,
			       "Relative revision %s%s didn't produce %s migrations",
			       rel[0] == '-' && !zero ? "-" : "", d, d);
	return err_set(e, ERR_REVISION, "Relative revision %s didn't produce %s migrations", rel,
		       d);
}

/* Tips of the DB revisions' ancestry on label's branch (revision.py
 * _parse_upgrade_target's backtracking); order: load order. */
static int branch_tips(struct graph *g, const struct revlist *cur, const char *label,
		       struct revlist *out, struct err *e)
{
	struct revlist anc = REVLIST_INIT, active = REVLIST_INIT;
	struct bits seen, below;

	graph_bits_new(g, &seen);
	graph_bits_new(g, &below);
	if (graph_related(g, cur, DIR_ANC_DEPS, false, &seen, &anc, e) ||
	    graph_filter_lineage(g, &anc, label, false, &active, e))
		return -1;
	for (size_t i = 0; i < active.n; i++)
		for (size_t k = 0; k < active.v[i]->norm_down.n; k++)
			bits_set(&below, active.v[i]->norm_down.v[k]->index);
	for (size_t i = 0; i < g->n; i++) {
		struct rev *r = g->revs[i];
		if (revlist_has(&active, r) && !bits_test(&below, i))
			revlist_push(g->arena, out, r);
	}
	return 0;
}

/* +N (or L@+N) relative to the current revisions. */
static int upgrade_from_current(struct graph *g, struct gident current, const struct relative *m,
				bool assert_len, struct rev **out, struct err *e)
{
	struct revlist starts = REVLIST_INIT, cur = REVLIST_INIT;
	size_t n_start = current.is_list ? current.n : (current.s ? 1 : 0);
	struct rev *start = NULL;

	if (m->label) {
		if (graph_resolve(g, current, &cur, e) ||
		    graph_filter_lineage(g, &cur, m->label, false, &starts, e))
			return -1;
		if (!starts.n && branch_tips(g, &cur, m->label, &starts, e))
			return -1;
		n_start = starts.n;
		start = starts.n ? starts.v[0] : NULL;
	} else if (n_start) {
		const char *first = current.is_list ? current.list[0] : current.s;
		if (first && graph_resolve_one(g, first, &start, e))
			return -1;
	}
	if (n_start > 1)
		return err_set(e, ERR_REVISION,
			       "Ambiguous upgrade from multiple current revisions");
	if (graph_walk(g, start, m->n, m->label, assert_len, out, e))
		return -1;
	if (!*out)
		return not_produced(e, m->rel, false);
	return 0;
}

/* Resolves "symbol" or "label@symbol" to a single revision. */
static int symbol_rev(struct graph *g, const struct relative *m, struct rev **out, struct err *e)
{
	const char *s = m->label ? arena_printf(g->arena, "%s@%s", m->label, m->symbol) : m->symbol;
	return graph_resolve_one(g, s, out, e);
}

/* revision.py _parse_upgrade_target (see graph_int.h).  Where 1.8.1 returns
 * None or "base" as a target (and then fails an assertion) this is a clean
 * ERR_REVISION. */
int graph_parse_upgrade_target(struct graph *g, struct gident current, struct gident target,
			       bool assert_len, struct revlist *out, struct err *e)
{
	struct relative m;
	struct rev *start, *r = NULL;

	if (target.is_list || !target.s || !match_relative(g, target.s, &m))
		return graph_resolve(g, target, out, e);
	if (m.n > 0 && !m.symbol) {
		if (upgrade_from_current(g, current, &m, assert_len, &r, e))
			return -1;
	} else if (m.n > 0) {
		if (graph_resolve_one(g, m.symbol, &start, e) ||
		    graph_walk(g, start, m.n, m.label, assert_len, &r, e))
			return -1;
	} else if (!m.symbol) {
		return not_produced(e, m.rel, true);
	} else if (symbol_rev(g, &m, &start, e) ||
		   graph_walk(g, start, m.n, NULL, assert_len, &r, e)) {
		return -1;
	}
	if (!r || r == GRAPH_BASE)
		return err_set(e, ERR_REVISION,
			       "Relative revision %s walks past the end of the graph", target.s);
	revlist_push(g->arena, out, r);
	return 0;
}

/* -N / L@-N below the current revisions: picks the single start symbol. */
static int downgrade_start(struct graph *g, struct gident current, const struct relative *m,
			   const char **label, const char **symbol, bool *warn, struct err *e)
{
	struct revlist cur = REVLIST_INIT, sl = REVLIST_INIT, all = REVLIST_INIT;
	struct strvec rows = STRVEC_INIT;

	if (current.is_list)
		for (size_t i = 0; i < current.n; i++)
			strvec_push(g->arena, &rows, current.list[i]);
	else if (current.s)
		strvec_push(g->arena, &rows, current.s);
	if (m->label) {
		if (graph_resolve(g, gid_list(&rows), &cur, e) ||
		    graph_filter_lineage(g, &cur, m->label, false, &sl, e))
			return -1;
		if (!sl.n && (graph_current_heads(g, &rows, &all, e) ||
			      graph_filter_lineage(g, &all, m->label, false, &sl, e)))
			return -1;
		if (sl.n != 1)
			return err_set(e, ERR_REVISION,
				       "%s revisions on branch '%s' are current; "
				       "can't apply %s",
				       sl.n ? "Several" : "No", m->label, m->rel);
		*symbol = sl.v[0]->id;
		return 0;
	}
	if (!rows.n)
		return not_produced(e, m->rel, false);
	for (size_t i = 1; i < rows.n; i++)
		if (strcmp(rows.v[i], rows.v[0]) && warn)
			*warn = true;
	*symbol = rows.v[0];
	*label = rows.v[0];
	return 0;
}

/* revision.py _parse_downgrade_target (see graph_int.h). */
int graph_parse_downgrade_target(struct graph *g, struct gident current, const char *target,
				 bool assert_len, const char **label, struct rev **out, bool *warn,
				 struct err *e)
{
	struct relative m;
	struct rev *start;
	const char *at;
	bool relative;

	*label = NULL;
	*out = NULL;
	if (!target)
		return 0;
	if (!match_relative(g, target, &m)) {
		at = strrchr(target, '@');
		if (at && at > target)
			*label = arena_strndup(g->arena, target, (size_t)(at - target));
		return graph_resolve_one(g, at ? at + 1 : target, out, e);
	}
	*label = m.label;
	if (m.n >= 0) {
		if (!m.symbol)
			return not_produced(e, m.rel, false);
		if (graph_resolve_one(g, m.symbol, &start, e) ||
		    graph_walk(g, start, m.n, m.label, assert_len, out, e))
			return -1;
		return *out ? 0 : err_set(e, ERR_REVISION, "Walked too far");
	}
	relative = !m.symbol;
	if (relative && downgrade_start(g, current, &m, label, &m.symbol, warn, e))
		return -1;
	m.label = *label;
	if (symbol_rev(g, &m, &start, e) || graph_walk(g, start, m.n, NULL, assert_len, out, e))
		return -1;
	if (!*out)
		return relative ? not_produced(e, m.rel, false)
				: err_set(e, ERR_REVISION, "Walked too far");
	return 0;
}
