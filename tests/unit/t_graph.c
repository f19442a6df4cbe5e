/*
 * t_graph.c - unit tests for src/core (the revision graph): load errors,
 * derived attributes, every identifier form and error, orders, the
 * reference transcripts (§3.7, §3.8, §7.4, §8.10, §9.3, §9.5) as
 * assertions, version-row statements, stamps, and a 10,000-revision graph.
 * Data-driven cases recorded from Alembic live in tests/cases (t_graph_cases).
 */
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"
#include "base/vec.h"
#include "core/graph.h"
#include "unit.h"

/* A graph from specs "id:down,down:deps:labels" (load order). */
struct fixture {
	struct arena a; /* everything of one test */
	struct graph g; /* the graph built by fx_build */
	struct err e;   /* the last error */
	int rc;         /* graph_build's result */
};

static void split_into(struct arena *a, const char *s, size_t n, struct strvec *out)
{
	const char *end = s + n;

	while (s < end) {
		const char *c = memchr(s, ',', (size_t)(end - s));
		size_t len = c ? (size_t)(c - s) : (size_t)(end - s);
		if (len)
			strvec_push(a, out, arena_strndup(a, s, len));
		s += len + (c ? 1 : 0);
	}
}

static struct rev *spec_rev(struct arena *a, const char *spec)
{
	struct rev *r = arena_calloc(a, 1, sizeof(*r));
	struct strvec *fields[] = {&r->down, &r->deps, &r->labels};
	const char *p = strchr(spec, ':');

	r->id = p ? arena_strndup(a, spec, (size_t)(p - spec)) : arena_strdup(a, spec);
	r->path = arena_printf(a, "versions/%s.sql", r->id);
	for (int f = 0; p && f < 3; f++) {
		const char *next = strchr(p + 1, ':');
		size_t n = next ? (size_t)(next - p - 1) : strlen(p + 1);
		split_into(a, p + 1, n, fields[f]);
		p = next;
	}
	return r;
}

static void fx_build(struct fixture *fx, const char *const *specs)
{
	size_t n = 0;
	struct rev **revs;

	arena_init(&fx->a);
	err_clear(&fx->e);
	while (specs[n])
		n++;
	revs = arena_calloc(&fx->a, n + 1, sizeof(*revs));
	for (size_t i = 0; i < n; i++)
		revs[i] = spec_rev(&fx->a, specs[i]);
	fx->rc = graph_build(&fx->a, revs, n, &fx->g, &fx->e);
}

static const char *ids(struct fixture *fx, const struct revlist *l)
{
	struct strvec sv = STRVEC_INIT;

	for (size_t i = 0; i < l->n; i++)
		strvec_push(&fx->a, &sv, l->v[i] ? l->v[i]->id : "None");
	return strvec_join(&fx->a, &sv, " ");
}

static struct strvec rows_of(struct fixture *fx, const char *csv)
{
	struct strvec sv = STRVEC_INIT;

	split_into(&fx->a, csv, strlen(csv), &sv);
	return sv;
}

static const char *resolve(struct fixture *fx, const char *ident)
{
	struct revlist l = REVLIST_INIT;

	err_clear(&fx->e);
	if (graph_get_revisions(&fx->g, ident, &l, &fx->e))
		return "ERR";
	return ids(fx, &l);
}

static const char *history(struct fixture *fx, const char *lo, const char *hi, const char *rows)
{
	struct revlist l = REVLIST_INIT;
	struct strvec r = rows_of(fx, rows);

	err_clear(&fx->e);
	if (graph_history(&fx->g, lo, hi, &r, &l, &fx->e))
		return "ERR";
	return ids(fx, &l);
}

/* Steps of a plan as "up:x down:y" (or "ERR"). */
static const char *plan(struct fixture *fx, bool up, const char *target, const char *rows)
{
	struct strvec r = rows_of(fx, rows), sv = STRVEC_INIT;
	struct graph_plan p;

	err_clear(&fx->e);
	if ((up ? graph_upgrade_plan : graph_downgrade_plan)(&fx->g, target, &r, &p, &fx->e))
		return "ERR";
	for (size_t i = 0; i < p.n; i++)
		strvec_push(&fx->a, &sv,
			    arena_printf(&fx->a, "%s:%s", up ? "up" : "down", p.steps[i].rev->id));
	return strvec_join(&fx->a, &sv, " ");
}

/* The SQL-ish statements of running a plan's steps from rows, "; "-joined. */
static const char *ops_text(struct fixture *fx, const struct graph_plan *p, const char *rows)
{
	struct strvec h = rows_of(fx, rows), out = STRVEC_INIT;

	for (size_t i = 0; i < p->n; i++) {
		struct graph_rowops ops = {0};
		if (graph_step_rows(&fx->g, &p->steps[i], &h, &ops, &fx->e))
			return "ERR";
		for (size_t k = 0; k < ops.n; k++) {
			const struct graph_row_op *o = &ops.v[k];
			strvec_push(
				&fx->a, &out,
				o->kind == GRAPH_ROW_INSERT
					? arena_printf(&fx->a, "INSERT %s", o->to)
				: o->kind == GRAPH_ROW_DELETE
					? arena_printf(&fx->a, "DELETE %s", o->from)
					: arena_printf(&fx->a, "UPDATE %s->%s", o->from, o->to));
		}
	}
	strvec_sort(&h);
	strvec_push(&fx->a, &out, arena_printf(&fx->a, "rows %s", strvec_join(&fx->a, &h, ",")));
	return strvec_join(&fx->a, &out, "; ");
}

static const char *run_ops(struct fixture *fx, bool up, const char *target, const char *rows)
{
	struct strvec r = rows_of(fx, rows);
	struct graph_plan p;

	err_clear(&fx->e);
	if ((up ? graph_upgrade_plan : graph_downgrade_plan)(&fx->g, target, &r, &p, &fx->e))
		return "ERR";
	return ops_text(fx, &p, rows);
}

static const char *stamp(struct fixture *fx, const char *targets, const char *rows, bool purge)
{
	struct strvec t = rows_of(fx, targets), r = rows_of(fx, rows), sv = STRVEC_INIT;
	struct graph_plan p;

	err_clear(&fx->e);
	if (graph_stamp_plan(&fx->g, t.v, t.n, &r, purge, &p, &fx->e))
		return "ERR";
	for (size_t i = 0; i < p.n; i++)
		strvec_push(&fx->a, &sv,
			    arena_printf(&fx->a, "[%s -> %s]",
					 strvec_join(&fx->a, &p.steps[i].from, ", "),
					 strvec_join(&fx->a, &p.steps[i].to, ", ")));
	strvec_push(&fx->a, &sv, ops_text(fx, &p, purge ? "" : rows));
	return strvec_join(&fx->a, &sv, " ");
}

static const char *const p1[] = {"1975ea83b712", "ae1027a6acf:1975ea83b712",
				 "27c6a30d7c24:ae1027a6acf", NULL};
static const char *const p3[] = {
	"aaaa0001",          "bbbb0001:aaaa0001",          "bbbb0002:bbbb0001",
	"cccc0001:aaaa0001", "eeee0001:bbbb0002,cccc0001", NULL};
/* p4 in the load order measured for §8.7. */
static const char *const p4[] = {"a1000003:a1000002:netlib",
				 "z1000001:::zz",
				 "a1000004:a1000003:z1000001",
				 "a1000001:::core",
				 "a1000002:a1000001",
				 "n1000002:n1000001",
				 "n1000001:::netlib",
				 "n1000003:n1000002:a1000002",
				 NULL};
static const char *const diamond[] = {"a", "b1:a", "b2:a", "c:b1,b2", "d:c", NULL};

/* ---- load errors -------------------------------------------------------- */

static void expect_load_error(const char *const *specs, const char *msg, const char *file)
{
	struct fixture fx;

	fx_build(&fx, specs);
	CHECK_INT(fx.rc, -1);
	CHECK_INT(fx.e.code, ERR_INPUT);
	CHECK_STR(fx.e.msg, msg);
	CHECK_STR(fx.e.file, file);
	arena_release(&fx.a);
}

static void test_load_errors(void)
{
	static const char *const dup[] = {"a", "b:a", "a", NULL};
	static const char *const label[] = {"a:::x", "b:a::x", NULL};
	static const char *const label_id[] = {"a", "b:a::a", NULL};
	static const char *const missing[] = {"a", "b:zz", NULL};
	static const char *const missing_dep[] = {"a", "b:a:nope", NULL};
	static const char *const loop[] = {"a:a", NULL};
	static const char *const dep_loop[] = {"a", "b:a:b", NULL};
	static const char *const cycle[] = {"r", "a:r", "b:a,c", "c:b", "h:b", NULL};
	static const char *const all_cycle[] = {"a:b", "b:a", NULL};
	static const char *const dep_cycle[] = {"a::b", "b::a", NULL};
	static const char *const bad[] = {"a-b@c", NULL};

	expect_load_error(
		dup, "Revision a is present more than once (versions/a.sql and versions/a.sql)",
		"versions/a.sql");
	expect_load_error(label, "Branch name 'x' in revision b already used by revision a",
			  "versions/b.sql");
	expect_load_error(label_id, "Branch name 'a' in revision b already used by revision a",
			  "versions/b.sql");
	expect_load_error(missing, "Revision zz referenced from b is not present",
			  "versions/b.sql");
	expect_load_error(missing_dep, "Revision nope referenced from b is not present",
			  "versions/b.sql");
	expect_load_error(loop, "Self-loop is detected in revisions (a)", "versions/a.sql");
	expect_load_error(dep_loop, "Dependency self-loop is detected in revisions (b)",
			  "versions/b.sql");
	expect_load_error(cycle, "Cycle is detected in revisions (b, c)", "versions/b.sql");
	expect_load_error(all_cycle, "Cycle is detected in revisions (a, b)", "versions/a.sql");
	expect_load_error(dep_cycle, "Dependency cycle is detected in revisions (a, b)",
			  "versions/a.sql");
	expect_load_error(bad, "Character(s) '-, @' not allowed in revision identifier 'a-b@c'",
			  "versions/a-b@c.sql");
}

static void test_check_rev_id(void)
{
	struct err e;

	CHECK_INT(graph_check_rev_id("abc_def 1:2", &e), 0);
	CHECK_INT(graph_check_rev_id("x+y-z", &e), -1);
	CHECK_INT(e.code, ERR_COMMAND);
	CHECK_STR(e.msg, "Character(s) '+, -' not allowed in revision identifier 'x+y-z'");
}

static void test_empty_graph(void)
{
	static const char *const none[] = {NULL};
	struct fixture fx;
	struct rev *r = (struct rev *)1;

	fx_build(&fx, none);
	CHECK_INT(fx.rc, 0);
	CHECK_STR(resolve(&fx, "heads"), "");
	CHECK_STR(resolve(&fx, "head"), "");
	CHECK_STR(resolve(&fx, "base"), "");
	CHECK_INT(graph_get_revision(&fx.g, "head", &r, &fx.e), 0);
	CHECK(r == NULL);
	CHECK_STR(plan(&fx, true, "heads", ""), "");
	CHECK_STR(history(&fx, NULL, NULL, ""), "");
	arena_release(&fx.a);
}

/* ---- derived attributes ------------------------------------------------- */

static void test_p4_attributes(void)
{
	struct fixture fx;
	struct rev *z, *a3, *n3, *a2;

	fx_build(&fx, p4);
	CHECK_INT(fx.rc, 0);
	/* §3.8: heads = versioned heads in map order; --resolve-dependencies = real heads */
	CHECK_STR(ids(&fx, &fx.g.heads), "z1000001 a1000004 n1000003");
	CHECK_STR(ids(&fx, &fx.g.real_heads), "a1000004 n1000003");
	CHECK_STR(ids(&fx, &fx.g.bases), "z1000001 a1000001 n1000001");
	CHECK_STR(ids(&fx, &fx.g.real_bases), "z1000001 a1000001 n1000001");
	z = graph_lookup(&fx.g, "z1000001");
	CHECK(z && z->is_head && !z->is_real_head);
	/* labels propagate to descendants and the unbranched stretch below */
	a2 = graph_lookup(&fx.g, "a1000002");
	CHECK_STR(strvec_join(&fx.a, &a2->eff_labels, ","), "core");
	n3 = graph_lookup(&fx.g, "n1000003");
	CHECK_STR(strvec_join(&fx.a, &n3->eff_labels, ","), "netlib");
	/* dependencies: netlib resolves to n1000001; normalized keeps it */
	a3 = graph_lookup(&fx.g, "a1000003");
	CHECK_STR(ids(&fx, &a3->deps_res), "n1000001");
	CHECK_STR(ids(&fx, &a3->norm_down), "a1000002 n1000001");
	CHECK_STR(ids(&fx, &graph_lookup(&fx.g, "a1000002")->all_nextrev), "a1000003 n1000003");
	CHECK_STR(ids(&fx, &graph_lookup(&fx.g, "a1000002")->nextrev), "a1000003");
	CHECK(!graph_lookup(&fx.g, "a1000002")->is_branch_point);
	CHECK(graph_lookup(&fx.g, "nosuch") == NULL);
	CHECK(graph_lookup(&fx.g, "core") == NULL);
	arena_release(&fx.a);
}

static void test_normalized_dependencies(void)
{
	/* c depends on x, but its parent b already depends on x: normalized drops it */
	static const char *const g[] = {"x", "a", "b:a:x", "c:b:x", "d:c:a", NULL};
	struct fixture fx;

	fx_build(&fx, g);
	CHECK_INT(fx.rc, 0);
	CHECK_STR(ids(&fx, &graph_lookup(&fx.g, "c")->deps_res), "x");
	CHECK_STR(ids(&fx, &graph_lookup(&fx.g, "c")->deps_norm), "");
	CHECK_STR(ids(&fx, &graph_lookup(&fx.g, "c")->norm_down), "b");
	CHECK_STR(ids(&fx, &graph_lookup(&fx.g, "c")->all_down), "b x");
	/* d depends on its own ancestor a: kept (only ancestors' deps are dropped) */
	CHECK_STR(ids(&fx, &graph_lookup(&fx.g, "d")->norm_down), "c a");
	CHECK(!graph_lookup(&fx.g, "x")->is_real_head);
	CHECK(graph_lookup(&fx.g, "x")->is_real_base);
	CHECK(!graph_lookup(&fx.g, "b")->is_real_base);
	arena_release(&fx.a);
}

static void test_label_propagation(void)
{
	/* label on the middle of a chain: descendants and the stretch below get it,
	 * a branch point stops the downward walk */
	static const char *const g[] = {"r", "s:r", "t:s", "u:r", "m:t::lab", "n:m", NULL};
	struct fixture fx;

	fx_build(&fx, g);
	CHECK_INT(fx.rc, 0);
	CHECK_STR(strvec_join(&fx.a, &graph_lookup(&fx.g, "n")->eff_labels, ","), "lab");
	CHECK_STR(strvec_join(&fx.a, &graph_lookup(&fx.g, "t")->eff_labels, ","), "lab");
	CHECK_STR(strvec_join(&fx.a, &graph_lookup(&fx.g, "s")->eff_labels, ","), "lab");
	CHECK_STR(strvec_join(&fx.a, &graph_lookup(&fx.g, "r")->eff_labels, ","), "");
	CHECK_STR(strvec_join(&fx.a, &graph_lookup(&fx.g, "u")->eff_labels, ","), "");
	CHECK(graph_lookup(&fx.g, "r")->is_branch_point);
	arena_release(&fx.a);
}

static void test_merge_labels(void)
{
	/* a merge of two labelled branches carries both labels, sorted */
	static const char *const g[] = {"a:::zeta", "b:::alpha", "m:a,b", NULL};
	struct fixture fx;

	fx_build(&fx, g);
	CHECK_STR(strvec_join(&fx.a, &graph_lookup(&fx.g, "m")->eff_labels, ","), "alpha,zeta");
	CHECK(graph_lookup(&fx.g, "m")->is_merge_point);
	arena_release(&fx.a);
}

/* ---- resolution --------------------------------------------------------- */

static void test_symbols_p4(void)
{
	struct fixture fx;
	struct rev *r;

	fx_build(&fx, p4);
	/* §7.4 */
	CHECK_STR(resolve(&fx, "cor"), "a1000001");
	CHECK_STR(resolve(&fx, "netl"), "n1000001");
	CHECK_STR(resolve(&fx, "z"), "z1000001");
	CHECK_STR(resolve(&fx, "core@core"), "a1000001");
	CHECK_STR(resolve(&fx, "n1000002@head"), "n1000003");
	CHECK_STR(resolve(&fx, "core@-1"), "a1000003");
	CHECK_STR(resolve(&fx, "netlib@+1"), "ERR");
	CHECK_INT(fx.e.code, ERR_RESOLUTION);
	CHECK_STR(fx.e.arg, "+1");
	CHECK_STR(resolve(&fx, "nosuch@head"), "ERR");
	CHECK_STR(fx.e.arg, "nosuch");
	CHECK_STR(fx.e.msg, "Can't locate revision identified by 'nosuch'");
	CHECK_STR(resolve(&fx, "netlib@a1000001"), "ERR");
	CHECK_INT(fx.e.code, ERR_RESOLUTION);
	CHECK_STR(fx.e.arg, "a1000001");
	/* n100 is ambiguous; a100 too; 3 characters never prefix-match */
	CHECK_STR(resolve(&fx, "n100"), "ERR");
	CHECK_STR(fx.e.arg, "n100");
	CHECK_STR(resolve(&fx, "core"), "a1000001");
	CHECK_STR(resolve(&fx, "heads"), "a1000004 n1000003");
	CHECK_STR(resolve(&fx, "head"), "ERR");
	CHECK_INT(fx.e.code, ERR_MULTIPLE_HEADS);
	CHECK_STR(fx.e.arg, "head");
	CHECK_STR(resolve(&fx, "core@head"), "a1000004");
	CHECK_STR(resolve(&fx, "core@heads"), "a1000004");
	CHECK_STR(resolve(&fx, "netlib@heads"), "n1000003");
	CHECK_STR(resolve(&fx, "zz@heads"), "z1000001"); /* lineage without dependencies */
	CHECK_STR(resolve(&fx, "base"), "");
	CHECK_STR(resolve(&fx, "core@base"), "");
	CHECK_STR(resolve(&fx, "-1"), "a1000003 n1000002");
	CHECK_STR(resolve(&fx, "netlib@-2"), "n1000001");
	CHECK_STR(resolve(&fx, "netlib@-3"), "ERR");
	CHECK_INT(fx.e.code, ERR_REVISION);
	CHECK_STR(fx.e.msg, "Relative revision netlib@-3 didn't produce 3 migrations");
	CHECK_STR(resolve(&fx, ""), "ERR");
	CHECK_INT(fx.e.code, ERR_REVISION);
	CHECK_INT(graph_get_revision(&fx.g, "heads", &r, &fx.e), -1);
	CHECK_INT(fx.e.code, ERR_MULTIPLE_HEADS);
	CHECK_STR(fx.e.arg, "heads");
	CHECK_INT(graph_get_revision(&fx.g, "netlib@head", &r, &fx.e), 0);
	CHECK_STR(r->id, "n1000003");
	CHECK_INT(graph_get_revision(&fx.g, "base", &r, &fx.e), 0);
	CHECK(r == NULL);
	CHECK_INT(graph_current_head(&fx.g, "core", &r, &fx.e), 0);
	CHECK_STR(r->id, "a1000004");
	CHECK_INT(graph_current_head(&fx.g, NULL, &r, &fx.e), -1);
	CHECK_INT(fx.e.code, ERR_MULTIPLE_HEADS);
	CHECK_INT(graph_current_head(&fx.g, "zz", &r, &fx.e), 0);
	CHECK_STR(r->id, "z1000001");
	arena_release(&fx.a);
}

static void test_prefixes(void)
{
	static const char *const g[] = {"abcd1111", "abcd2222:abcd1111", "abc:abcd2222", "x1",
					NULL};
	struct fixture fx;

	fx_build(&fx, g);
	CHECK_STR(resolve(&fx, "abcd"), "ERR");
	CHECK_INT(fx.e.code, ERR_RESOLUTION);
	CHECK_STR(fx.e.arg, "abcd");
	CHECK_STR(resolve(&fx, "abcd1"), "abcd1111");
	CHECK_STR(resolve(&fx, "abc"), "abc"); /* exact match wins */
	CHECK_STR(resolve(&fx, "x"), "ERR");   /* "x1" is too short to prefix-match */
	CHECK_STR(resolve(&fx, "x1"), "x1");
	CHECK_STR(resolve(&fx, "ab"), "ERR"); /* abc is 3 chars: only abcd* qualify: ambiguous */
	arena_release(&fx.a);
}

/* ---- orders ------------------------------------------------------------- */

static void test_diamond_order(void)
{
	struct fixture fx;

	fx_build(&fx, diamond);
	CHECK_STR(history(&fx, NULL, NULL, ""), "d c b1 b2 a");
	CHECK_STR(plan(&fx, true, "d", ""), "up:a up:b2 up:b1 up:c up:d");
	CHECK_STR(plan(&fx, false, "base", "d"), "down:d down:c down:b1 down:b2 down:a");
	arena_release(&fx.a);
}

static void test_p1_history_ranges(void)
{
	struct fixture fx;

	fx_build(&fx, p1);
	/* §3.7 */
	CHECK_STR(history(&fx, NULL, NULL, ""), "27c6a30d7c24 ae1027a6acf 1975ea83b712");
	CHECK_STR(history(&fx, "1975ea83b712", "", ""), "27c6a30d7c24 ae1027a6acf 1975ea83b712");
	CHECK_STR(history(&fx, "", "ae1027a6acf", ""), "ae1027a6acf 1975ea83b712");
	CHECK_STR(history(&fx, "ae10", "27c6", ""), "27c6a30d7c24 ae1027a6acf");
	CHECK_STR(history(&fx, "current", "", "ae1027a6acf"), "27c6a30d7c24 ae1027a6acf");
	CHECK_STR(history(&fx, "", "current", "ae1027a6acf"), "ae1027a6acf 1975ea83b712");
	CHECK_STR(history(&fx, "-1", "", ""), "27c6a30d7c24 ae1027a6acf");
	CHECK_STR(history(&fx, "", "-1", ""), "ERR");
	CHECK_STR(fx.e.msg, "Relative revision -1 didn't produce 1 migrations");
	CHECK_STR(history(&fx, "", "head-1", ""), "ae1027a6acf 1975ea83b712");
	CHECK_STR(history(&fx, "", "base+2", ""), "ae1027a6acf 1975ea83b712");
	CHECK_STR(history(&fx, "1975", "+1", ""), "ae1027a6acf 1975ea83b712");
	CHECK_STR(history(&fx, "head", "", ""), "27c6a30d7c24");
	CHECK_STR(history(&fx, "", "base", ""), "");
	CHECK_STR(history(&fx, "head-1", "", ""), "ERR");
	CHECK_INT(fx.e.code, ERR_RESOLUTION);
	CHECK_STR(fx.e.arg, "head-1");
	CHECK_STR(history(&fx, "27c6", "1975", ""), "ERR");
	CHECK_INT(fx.e.code, ERR_RANGE_NOT_ANCESTOR);
	CHECK_STR(fx.e.arg, "27c6");
	CHECK_STR(fx.e.arg2, "1975");
	arena_release(&fx.a);
}

static void test_p3_p4_history(void)
{
	struct fixture fx;

	fx_build(&fx, p3);
	CHECK_STR(history(&fx, NULL, NULL, ""), "eeee0001 bbbb0002 bbbb0001 cccc0001 aaaa0001");
	arena_release(&fx.a);
	fx_build(&fx, p4);
	CHECK_STR(history(&fx, NULL, NULL, ""),
		  "a1000004 a1000003 n1000003 n1000002 a1000002 a1000001 z1000001 n1000001");
	CHECK_STR(history(&fx, "netlib@base", "netlib@head", ""),
		  "n1000003 n1000002 n1000001 a1000002 a1000001");
	CHECK_STR(history(&fx, "zz@base", "", ""), "");
	CHECK_STR(plan(&fx, true, "heads", ""),
		  "up:n1000001 up:z1000001 up:a1000001 up:a1000002 up:n1000002 up:n1000003 "
		  "up:a1000003 up:a1000004");
	arena_release(&fx.a);
}

/* ---- upgrade / downgrade (§3.5, §8.10) ---------------------------------- */

static void test_p1_relative(void)
{
	struct fixture fx;

	fx_build(&fx, p1);
	CHECK_STR(plan(&fx, true, "head", ""), "up:1975ea83b712 up:ae1027a6acf up:27c6a30d7c24");
	CHECK_STR(plan(&fx, false, "-1", "27c6a30d7c24"), "down:27c6a30d7c24");
	CHECK_STR(plan(&fx, false, "base", "ae1027a6acf"), "down:ae1027a6acf down:1975ea83b712");
	CHECK_STR(plan(&fx, true, "head", "27c6a30d7c24"), "");
	CHECK_STR(plan(&fx, true, "base", "27c6a30d7c24"), "");
	CHECK_STR(plan(&fx, false, "head", "27c6a30d7c24"), "");
	CHECK_STR(plan(&fx, true, "nosuch", ""), "ERR");
	CHECK_STR(fx.e.arg, "nosuch");
	CHECK_STR(plan(&fx, true, "ab", ""), "ERR");
	CHECK_STR(fx.e.arg, "ab");
	CHECK_STR(plan(&fx, false, "+1", "27c6a30d7c24"), "ERR");
	CHECK_STR(fx.e.msg, "Relative revision +1 didn't produce 1 migrations");
	CHECK_STR(plan(&fx, true, "-1", "27c6a30d7c24"), "ERR");
	CHECK_STR(fx.e.msg, "Relative revision -1 didn't produce 1 migrations");
	CHECK_STR(plan(&fx, false, "-1", ""), "ERR");
	CHECK_STR(fx.e.msg, "Relative revision -1 didn't produce 1 migrations");
	CHECK_STR(plan(&fx, true, "+5", ""), "ERR");
	CHECK_STR(fx.e.msg, "Relative revision +5 didn't produce 5 migrations");
	CHECK_STR(plan(&fx, false, "-5", "27c6a30d7c24"), "ERR");
	CHECK_STR(fx.e.msg, "Relative revision -5 didn't produce 5 migrations");
	CHECK_STR(plan(&fx, false, "ae10-5", "27c6a30d7c24"), "ERR");
	CHECK_STR(fx.e.msg, "Walked too far");
	CHECK_STR(plan(&fx, true, "+0", ""), "ERR");
	CHECK_STR(fx.e.msg, "Relative revision 0 didn't produce 0 migrations");
	CHECK_STR(plan(&fx, false, "-0", "27c6a30d7c24"), "ERR");
	CHECK_STR(fx.e.msg, "Relative revision -0 didn't produce 0 migrations");
	CHECK_STR(plan(&fx, false, "ae1027a6acf", "1975ea83b712"), "ERR");
	CHECK_INT(fx.e.code, ERR_RANGE_NOT_ANCESTOR);
	/* 1.8.1 crashes with AssertionError here: a clean error instead */
	CHECK_STR(plan(&fx, true, "head+1", ""), "ERR");
	CHECK_INT(fx.e.code, ERR_REVISION);
	CHECK_STR(plan(&fx, true, "+2", "1975ea83b712"), "up:ae1027a6acf up:27c6a30d7c24");
	CHECK_STR(plan(&fx, true, "1975+1", ""), "up:1975ea83b712 up:ae1027a6acf");
	arena_release(&fx.a);
}

static void test_p3_selections(void)
{
	struct fixture fx;

	fx_build(&fx, p3);
	/* §8.10 */
	CHECK_STR(plan(&fx, true, "head", "bbbb0001,cccc0001"), "up:bbbb0002 up:eeee0001");
	CHECK_STR(plan(&fx, false, "-1", "eeee0001"), "ERR");
	CHECK_STR(fx.e.msg, "Ambiguous walk");
	CHECK_STR(plan(&fx, false, "bbbb0002", "eeee0001"), "down:eeee0001");
	CHECK_STR(plan(&fx, false, "aaaa0001", "eeee0001"),
		  "down:eeee0001 down:bbbb0002 down:bbbb0001 down:cccc0001");
	CHECK_STR(plan(&fx, true, "heads", "aaaa0001"),
		  "up:cccc0001 up:bbbb0001 up:bbbb0002 up:eeee0001");
	CHECK_STR(plan(&fx, false, "cccc0001-1", "bbbb0002,cccc0001"),
		  "down:bbbb0002 down:bbbb0001 down:cccc0001");
	CHECK_STR(plan(&fx, true, "+1", "bbbb0001,cccc0001"), "ERR");
	CHECK_STR(fx.e.msg, "Ambiguous upgrade from multiple current revisions");
	arena_release(&fx.a);
}

static void test_downgrade_warning(void)
{
	struct fixture fx;
	struct strvec rows;
	struct graph_plan p;

	fx_build(&fx, p3);
	rows = rows_of(&fx, "bbbb0002,cccc0001");
	CHECK_INT(graph_downgrade_plan(&fx.g, "-1", &rows, &p, &fx.e), 0);
	CHECK(p.warn_multi_head_down);
	CHECK_INT(p.n, 1);
	CHECK_STR(p.steps[0].rev->id, "bbbb0002");
	CHECK_STR(strvec_join(&fx.a, &p.steps[0].from, ","), "bbbb0002");
	CHECK_STR(strvec_join(&fx.a, &p.steps[0].to, ","), "bbbb0001");
	rows = rows_of(&fx, "bbbb0002");
	CHECK_INT(graph_downgrade_plan(&fx.g, "-1", &rows, &p, &fx.e), 0);
	CHECK(!p.warn_multi_head_down);
	arena_release(&fx.a);
}

static void test_p4_selections(void)
{
	struct fixture fx;

	fx_build(&fx, p4);
	CHECK_STR(plan(&fx, true, "head", ""), "ERR");
	CHECK_INT(fx.e.code, ERR_MULTIPLE_HEADS);
	CHECK_STR(fx.e.arg, "head");
	CHECK_STR(plan(&fx, true, "netlib@+1", "a1000001"), "up:n1000001");
	CHECK_STR(plan(&fx, false, "netlib@-1", "a1000004,n1000003"), "down:n1000003");
	CHECK_STR(plan(&fx, false, "netlib@base", "a1000003,n1000003"),
		  "down:a1000003 down:n1000003 down:n1000002 down:n1000001");
	CHECK_STR(plan(&fx, true, "nosuch", "deadbeef0000"), "ERR");
	CHECK_STR(plan(&fx, true, "heads", "deadbeef0000"), "ERR");
	CHECK_INT(fx.e.code, ERR_RESOLUTION);
	CHECK_STR(fx.e.arg, "deadbeef0000");
	arena_release(&fx.a);
}

/* p4's state when the §8.10 transcript was taken: no a1000004 / z1000001 yet. */
static void test_p4_core_head(void)
{
	static const char *const early[] = {"a1000003:a1000002:netlib",
					    "a1000001:::core",
					    "a1000002:a1000001",
					    "n1000002:n1000001",
					    "n1000001:::netlib",
					    "n1000003:n1000002:a1000002",
					    NULL};
	struct fixture fx;

	fx_build(&fx, early);
	CHECK_STR(plan(&fx, true, "core@head", ""),
		  "up:n1000001 up:a1000001 up:a1000002 up:a1000003");
	/* §3.11 stamp heads from rows (a1000001, n1000002) */
	CHECK_STR(
		stamp(&fx, "heads", "a1000001,n1000002", false),
		"[a1000001, n1000002 -> a1000003] [a1000001, n1000002 -> n1000003] "
		"DELETE a1000001; UPDATE n1000002->a1000003; INSERT n1000003; rows a1000003,n1000003");
	CHECK_STR(stamp(&fx, "base", "a1000003,n1000003", false),
		  "[a1000003 -> ] [n1000003 -> ] DELETE a1000003; DELETE n1000003; rows ");
	CHECK_STR(
		stamp(&fx, "a1000002,n1000001", "", false),
		"[ -> a1000002] [ -> n1000001] INSERT a1000002; INSERT n1000001; rows a1000002,n1000001");
	CHECK_STR(stamp(&fx, "n1000002", "deadbeef0000", true),
		  "[ -> n1000002] INSERT n1000002; rows n1000002");
	CHECK_STR(stamp(&fx, "head", "", false), "ERR");
	CHECK_INT(fx.e.code, ERR_MULTIPLE_HEADS);
	CHECK_STR(fx.e.msg, "Multiple heads are present; please specify a single target revision");
	CHECK_STR(stamp(&fx, "n1000002", "deadbeef0000", false), "ERR");
	CHECK_INT(fx.e.code, ERR_RESOLUTION);
	arena_release(&fx.a);
}

/* ---- version rows (§9.3) and stamps (§9.5) ------------------------------ */

static void test_rows_p1_p3(void)
{
	struct fixture fx;

	fx_build(&fx, p1);
	CHECK_STR(run_ops(&fx, true, "head", ""),
		  "INSERT 1975ea83b712; UPDATE 1975ea83b712->ae1027a6acf; "
		  "UPDATE ae1027a6acf->27c6a30d7c24; rows 27c6a30d7c24");
	CHECK_STR(run_ops(&fx, false, "base", "1975ea83b712"), "DELETE 1975ea83b712; rows ");
	arena_release(&fx.a);

	fx_build(&fx, p3);
	CHECK_STR(run_ops(&fx, true, "cccc0001", "bbbb0001"),
		  "INSERT cccc0001; rows bbbb0001,cccc0001");
	CHECK_STR(run_ops(&fx, true, "eeee0001", "bbbb0002,cccc0001"),
		  "DELETE bbbb0002; UPDATE cccc0001->eeee0001; rows eeee0001");
	CHECK_STR(run_ops(&fx, false, "bbbb0002", "eeee0001"),
		  "INSERT bbbb0002; UPDATE eeee0001->cccc0001; rows bbbb0002,cccc0001");
	/* aaaa0001 is still needed by cccc0001: branch delete, then update */
	CHECK_STR(run_ops(&fx, false, "aaaa0001", "bbbb0001,cccc0001"),
		  "DELETE bbbb0001; UPDATE cccc0001->aaaa0001; rows aaaa0001");
	CHECK_STR(run_ops(&fx, false, "aaaa0001", "cccc0001,bbbb0001"),
		  "DELETE bbbb0001; UPDATE cccc0001->aaaa0001; rows aaaa0001");
	arena_release(&fx.a);
}

static void test_rows_p4(void)
{
	struct fixture fx;

	fx_build(&fx, p4);
	/* merge of a parent and a dependency, no other heads: file order */
	CHECK_STR(run_ops(&fx, true, "a1000003", "a1000002,n1000001"),
		  "DELETE a1000002; UPDATE n1000001->a1000003; rows a1000003");
	/* with another head present Alembic uses set order: pinned to bytewise */
	CHECK_STR(run_ops(&fx, true, "n1000003", "a1000002,n1000002,z1000001"),
		  "DELETE a1000002; UPDATE n1000002->n1000003; rows n1000003,z1000001");
	arena_release(&fx.a);
}

static void test_rows_unmerge_1373(void)
{
	/* m merges a and its own descendant b: 1.8.1 re-inserts a on the way down
	 * (a row no upgrade can use); 1.13.1's fix #1373 keeps only b */
	static const char *const g[] = {"a", "b:a", "m:a,b", NULL};
	struct fixture fx;

	fx_build(&fx, g);
	CHECK_STR(run_ops(&fx, false, "b", "m"), "UPDATE m->b; rows b");
	arena_release(&fx.a);
}

static void test_stamps_p3(void)
{
	struct fixture fx;

	fx_build(&fx, p3);
	CHECK_STR(
		stamp(&fx, "aaaa0001", "bbbb0002,cccc0001", false),
		"[bbbb0002, cccc0001 -> aaaa0001] DELETE bbbb0002; UPDATE cccc0001->aaaa0001; rows aaaa0001");
	CHECK_STR(stamp(&fx, "bbbb0002", "aaaa0001", false),
		  "[aaaa0001 -> bbbb0002] UPDATE aaaa0001->bbbb0002; rows bbbb0002");
	CHECK_STR(stamp(&fx, "cccc0001", "bbbb0002", false),
		  "[ -> cccc0001] INSERT cccc0001; rows bbbb0002,cccc0001");
	CHECK_STR(
		stamp(&fx, "eeee0001", "bbbb0002,cccc0001", false),
		"[bbbb0002, cccc0001 -> eeee0001] DELETE bbbb0002; UPDATE cccc0001->eeee0001; rows eeee0001");
	CHECK_STR(stamp(&fx, "bbbb0001", "eeee0001", false),
		  "[eeee0001 -> bbbb0001] UPDATE eeee0001->bbbb0001; rows bbbb0001");
	CHECK_STR(stamp(&fx, "eeee0001", "eeee0001", false), "rows eeee0001");
	CHECK_STR(stamp(&fx, "base", "eeee0001", false), "[eeee0001 -> ] DELETE eeee0001; rows ");
	arena_release(&fx.a);
}

static void test_current_heads(void)
{
	struct fixture fx;
	struct revlist l = REVLIST_INIT;
	struct strvec rows;
	bool ok;

	fx_build(&fx, p4);
	rows = rows_of(&fx, "a1000004,n1000003");
	CHECK_INT(graph_current_heads(&fx.g, &rows, &l, &fx.e), 0);
	CHECK_STR(ids(&fx, &l), "a1000004 n1000003 z1000001");
	CHECK_INT(graph_heads_for_check(&fx.g, &rows, &ok, &fx.e), 0);
	CHECK(ok);
	rows = rows_of(&fx, "a1000004");
	CHECK_INT(graph_heads_for_check(&fx.g, &rows, &ok, &fx.e), 0);
	CHECK(!ok);
	rows = rows_of(&fx, "deadbeef0000");
	CHECK_INT(graph_current_heads(&fx.g, &rows, &l, &fx.e), -1);
	CHECK_INT(fx.e.code, ERR_RESOLUTION);
	CHECK_STR(fx.e.arg, "deadbeef0000");
	arena_release(&fx.a);

	fx_build(&fx, p3);
	l = (struct revlist)REVLIST_INIT;
	rows = rows_of(&fx, "eeee0001");
	CHECK_INT(graph_current_heads(&fx.g, &rows, &l, &fx.e), 0);
	CHECK_STR(ids(&fx, &l), "eeee0001");
	arena_release(&fx.a);
}

static void test_two_heads_on_branch(void)
{
	/* downgrade L@-1 with two applied heads on L: 1.8.1 asserts; a clean error here */
	static const char *const g[] = {"a:::lab", "b:a", "c:a", NULL};
	struct fixture fx;

	fx_build(&fx, g);
	CHECK_STR(plan(&fx, false, "lab@-1", "b,c"), "ERR");
	CHECK_INT(fx.e.code, ERR_REVISION);
	/* one head: the roots (b, c) are filtered to lab's ancestry {a}: none left */
	CHECK_STR(plan(&fx, false, "lab@-1", "b"), "ERR");
	CHECK_STR(fx.e.msg, "Not a valid downgrade target from current heads");
	arena_release(&fx.a);
}

static void test_overlap(void)
{
	struct fixture fx;

	fx_build(&fx, p3);
	CHECK_STR(plan(&fx, true, "bbbb0002", "bbbb0001,aaaa0001"), "ERR");
	CHECK_STR(fx.e.msg,
		  "Requested revision bbbb0001 overlaps with other requested revisions aaaa0001");
	arena_release(&fx.a);
}

/* ---- scale -------------------------------------------------------------- */

static const char *resolve_in(struct graph *g, struct arena *a, const char *ident)
{
	struct revlist l = REVLIST_INIT;
	struct strvec sv = STRVEC_INIT;
	struct err e;

	if (graph_get_revisions(g, ident, &l, &e))
		return "ERR";
	for (size_t i = 0; i < l.n; i++)
		strvec_push(a, &sv, l.v[i]->id);
	return strvec_join(a, &sv, " ");
}

static void test_ten_thousand(void)
{
	enum { N = 10000 };
	struct arena a = ARENA_INIT;
	struct rev **revs = arena_calloc(&a, N, sizeof(*revs));
	struct graph g;
	struct err e;
	struct revlist l = REVLIST_INIT;
	struct graph_plan p;
	struct strvec rows = STRVEC_INIT;

	/* a chain of 9,000 plus 100 side branches of 10, each merged back after 10 */
	for (size_t i = 0; i < N; i++) {
		struct rev *r = arena_calloc(&a, 1, sizeof(*r));
		r->id = arena_printf(&a, "r%05zu", i);
		if (i >= 9000)
			strvec_push(&a, &r->down,
				    arena_printf(&a, "r%05zu",
						 (i - 9000) % 10 ? i - 1 : ((i - 9000) / 10) * 90));
		else if (i)
			strvec_push(&a, &r->down, arena_printf(&a, "r%05zu", i - 1));
		if (i && i < 9000 && i % 90 == 50 && i / 90 < 100)
			strvec_push(&a, &r->down,
				    arena_printf(&a, "r%05zu", 9000 + (i / 90) * 10 + 9));
		if (i == 5)
			strvec_push(&a, &r->labels, "five");
		revs[i] = r;
	}
	CHECK_INT(graph_build(&a, revs, N, &g, &e), 0);
	CHECK_INT(g.heads.n, 1);
	CHECK_STR(g.heads.v[0]->id, "r08999");
	CHECK_INT(graph_history_all(&g, &l, &e), 0);
	CHECK_INT(l.n, N);
	CHECK_STR(l.v[0]->id, "r08999");
	CHECK_STR(l.v[N - 1]->id, "r00000");
	CHECK_INT(graph_upgrade_plan(&g, "heads", &rows, &p, &e), 0);
	CHECK_INT(p.n, N);
	strvec_push(&a, &rows, "r04000");
	CHECK_INT(graph_upgrade_plan(&g, "head", &rows, &p, &e), 0);
	CHECK(p.n > 4000);
	CHECK_INT(graph_downgrade_plan(&g, "base", &rows, &p, &e), 0);
	l = (struct revlist)REVLIST_INIT;
	CHECK_INT(graph_current_heads(&g, &rows, &l, &e), 0);
	CHECK_INT(l.n, 1);
	CHECK_STR(resolve_in(&g, &a, "five@head"), "r08999");
	arena_release(&a);
}

static void test_wide(void)
{
	/* 3,000 branches of 3 off one root: 3,000 heads, 9,001 revisions */
	enum { B = 3000, N = 3 * B + 1 };
	struct arena a = ARENA_INIT;
	struct rev **revs = arena_calloc(&a, N, sizeof(*revs));
	struct graph g;
	struct err e;
	struct revlist l = REVLIST_INIT;
	struct graph_plan p;
	struct strvec rows = STRVEC_INIT;
	struct rev *one; /* not revs[0]: that array is the graph's */

	for (size_t i = 0; i < N; i++) {
		struct rev *r = arena_calloc(&a, 1, sizeof(*r));
		r->id = arena_printf(&a, "w%05zu", i);
		if (i)
			strvec_push(&a, &r->down,
				    (i - 1) % 3 ? arena_printf(&a, "w%05zu", i - 1) : "w00000");
		revs[i] = r;
	}
	CHECK_INT(graph_build(&a, revs, N, &g, &e), 0);
	CHECK_INT(g.heads.n, B);
	CHECK_INT(graph_get_revision(&g, "head", &one, &e), -1);
	CHECK_INT(e.code, ERR_MULTIPLE_HEADS);
	CHECK_INT(graph_history_all(&g, &l, &e), 0);
	CHECK_INT(l.n, N);
	CHECK_STR(l.v[0]->id, "w00003");
	CHECK_STR(l.v[N - 1]->id, "w00000");
	CHECK_INT(graph_upgrade_plan(&g, "heads", &rows, &p, &e), 0);
	CHECK_INT(p.n, N);
	strvec_push(&a, &rows, "w00003");
	strvec_push(&a, &rows, "w09000");
	CHECK_INT(graph_downgrade_plan(&g, "base", &rows, &p, &e), 0);
	CHECK_INT(p.n, 7);
	arena_release(&a);
}

static void test_ten_thousand_deps(void)
{
	/* a 10,000 chain where every revision also depends on revision i/2 */
	enum { N = 10000 };
	struct arena a = ARENA_INIT;
	struct rev **revs = arena_calloc(&a, N, sizeof(*revs));
	struct graph g;
	struct err e;
	struct revlist l = REVLIST_INIT;
	struct graph_plan p;
	struct strvec rows = STRVEC_INIT;

	for (size_t i = 0; i < N; i++) {
		struct rev *r = arena_calloc(&a, 1, sizeof(*r));
		r->id = arena_printf(&a, "d%05zu", i);
		if (i)
			strvec_push(&a, &r->down, arena_printf(&a, "d%05zu", i - 1));
		if (i > 1)
			strvec_push(&a, &r->deps, arena_printf(&a, "d%05zu", i / 2));
		revs[i] = r;
	}
	CHECK_INT(graph_build(&a, revs, N, &g, &e), 0);
	/* d00007 depends on d00003, which its parent d00006 already depends on */
	CHECK_INT(revs[7]->deps_norm.n, 0);
	CHECK_INT(revs[6]->deps_norm.n, 1);
	CHECK_INT(g.heads.n, 1);
	CHECK_INT(graph_history_all(&g, &l, &e), 0);
	CHECK_INT(l.n, N);
	CHECK_STR(l.v[0]->id, "d09999");
	CHECK_INT(graph_upgrade_plan(&g, "heads", &rows, &p, &e), 0);
	CHECK_INT(p.n, N);
	CHECK_STR(p.steps[0].rev->id, "d00000");
	arena_release(&a);
}

static const struct unit_test tests[] = {
	UNIT(test_load_errors),
	UNIT(test_check_rev_id),
	UNIT(test_empty_graph),
	UNIT(test_p4_attributes),
	UNIT(test_normalized_dependencies),
	UNIT(test_label_propagation),
	UNIT(test_merge_labels),
	UNIT(test_symbols_p4),
	UNIT(test_prefixes),
	UNIT(test_diamond_order),
	UNIT(test_p1_history_ranges),
	UNIT(test_p3_p4_history),
	UNIT(test_p1_relative),
	UNIT(test_p3_selections),
	UNIT(test_downgrade_warning),
	UNIT(test_p4_selections),
	UNIT(test_p4_core_head),
	UNIT(test_rows_p1_p3),
	UNIT(test_rows_p4),
	UNIT(test_rows_unmerge_1373),
	UNIT(test_stamps_p3),
	UNIT(test_current_heads),
	UNIT(test_two_heads_on_branch),
	UNIT(test_overlap),
	UNIT(test_ten_thousand),
	UNIT(test_wide),
	UNIT(test_ten_thousand_deps),
	{0},
};

UNIT_MAIN(tests)
