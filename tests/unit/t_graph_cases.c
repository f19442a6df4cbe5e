/*
 * t_graph_cases.c - data-driven graph cases: runs every query of
 * tests/cases/NAME.txt (grammar in tests/cases/record.py, which recorded the
 * expected answers from Alembic 1.8.1) and compares the answer line.
 * "error: crash" (Alembic fails an assertion) expects a clean ERR_REVISION.
 * Each query counts as one test; the last line is "unit ...: N passed, N failed".
 */
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"
#include "base/str.h"
#include "base/vec.h"
#include "core/graph.h"
#include "core/graph_int.h"

struct cases {
	struct arena a;    /* per file: the revs and their input strings */
	struct rev **revs; /* graph being read, load order */
	size_t n;          /* revisions read */
	size_t cap;        /* slots in revs */
	int passed;        /* queries answered as recorded */
	int failed;        /* queries that were not */
};

static void split(struct arena *a, const char *s, const char *seps, struct strvec *out)
{
	char *copy = arena_strdup(a, s);
	char *p = copy;

	while (*p) {
		size_t n = strcspn(p, seps);
		if (n)
			strvec_push(a, out, arena_strndup(a, p, n));
		p += n;
		if (*p)
			p++;
	}
}

static void add_rev(struct cases *c, const char *line)
{
	struct strvec words = STRVEC_INIT;
	struct rev *r = arena_calloc(&c->a, 1, sizeof(*r));

	split(&c->a, line, " ", &words);
	r->id = words.v[1];
	for (size_t i = 2; i < words.n; i++) {
		const char *w = words.v[i], *v = strchr(w, '=') + 1;
		struct strvec *dst = str_startswith(w, "down=")   ? &r->down
				     : str_startswith(w, "deps=") ? &r->deps
								  : &r->labels;
		split(&c->a, v, ",", dst);
	}
	r->path = r->id;
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 16;
		c->revs = arena_grow(&c->a, c->revs, c->n, c->cap, sizeof(*c->revs));
	}
	c->revs[c->n++] = r;
}

static void error_text(const struct err *e, struct buf *out)
{
	switch (e->code) {
	case ERR_RESOLUTION:
		buf_addf(out, "error: resolution %s", e->arg);
		break;
	case ERR_MULTIPLE_HEADS:
		buf_addf(out, "error: multiple_heads %s", e->arg);
		break;
	case ERR_RANGE_NOT_ANCESTOR:
		buf_adds(out, "error: range");
		break;
	case ERR_REVISION:
		buf_addf(out, "error: revision %s", e->msg);
		break;
	default:
		buf_addf(out, "error: code %d %s", (int)e->code, e->msg);
		break;
	}
}

static int rows_after(struct graph *g, const struct graph_plan *p, const struct strvec *rows,
		      struct buf *out, struct err *e)
{
	struct strvec h = STRVEC_INIT;

	for (size_t i = 0; i < rows->n; i++)
		strvec_push(g->arena, &h, rows->v[i]);
	for (size_t i = 0; i < p->n; i++) {
		struct graph_rowops ops = {0};
		if (graph_step_rows(g, &p->steps[i], &h, &ops, e)) {
			if (e->code != ERR_REVISION)
				return -1;
			buf_adds(out, " | rows=crash");
			return 0;
		}
	}
	strvec_sort(&h);
	buf_addf(out, " | rows=%s", strvec_join(g->arena, &h, ","));
	return 0;
}

static int plan_text(struct graph *g, const char *cmd, const char *arg, const struct strvec *rows,
		     struct buf *out, struct err *e)
{
	struct graph_plan p;
	struct strvec targets = STRVEC_INIT;
	int rc;

	if (!strcmp(cmd, "upgrade"))
		rc = graph_upgrade_plan(g, arg, rows, &p, e);
	else if (!strcmp(cmd, "downgrade"))
		rc = graph_downgrade_plan(g, arg, rows, &p, e);
	else {
		split(g->arena, arg, " ", &targets);
		rc = graph_stamp_plan(g, targets.v, targets.n, rows, false, &p, e);
	}
	if (rc)
		return -1;
	for (size_t i = 0; i < p.n; i++) {
		const struct graph_step *st = &p.steps[i];
		if (st->kind == GRAPH_STEP_STAMP)
			buf_addf(out, "%sstamp:%s>%s", i ? " " : "",
				 strvec_join(g->arena, &st->from, ","),
				 strvec_join(g->arena, &st->to, ","));
		else
			buf_addf(out, "%s%s:%s", i ? " " : "",
				 st->kind == GRAPH_STEP_UPGRADE ? "up" : "down", st->rev->id);
	}
	if (p.warn_multi_head_down)
		buf_adds(out, " | warn");
	return rows_after(g, &p, rows, out, e);
}

static void list_text(const struct revlist *l, bool sorted, struct arena *a, struct buf *out)
{
	struct strvec ids = STRVEC_INIT;

	for (size_t i = 0; i < l->n; i++)
		strvec_push(a, &ids, !l->v[i] ? "None" : l->v[i]->id);
	if (sorted)
		strvec_sort(&ids);
	buf_adds(out, strvec_join(a, &ids, " "));
}

static int query_text(struct graph *g, const char *cmd, const char *arg, const struct strvec *rows,
		      struct buf *out, struct err *e)
{
	struct revlist l = REVLIST_INIT;
	struct rev *r;

	if (!strcmp(cmd, "upgrade") || !strcmp(cmd, "downgrade") || !strcmp(cmd, "stamp"))
		return plan_text(g, cmd, arg, rows, out, e);
	if (!strcmp(cmd, "history")) {
		const char *colon = strchr(arg, ':');
		if (graph_history(g, arena_strndup(g->arena, arg, (size_t)(colon - arg)), colon + 1,
				  rows, &l, e))
			return -1;
	} else if (!strcmp(cmd, "current")) {
		if (graph_current_heads(g, rows, &l, e))
			return -1;
		list_text(&l, true, g->arena, out);
		return 0;
	} else if (!strcmp(cmd, "resolve")) {
		if (graph_resolve(g, (struct gident){.s = arg}, &l, e))
			return -1;
	} else if (!strcmp(cmd, "heads") || !strcmp(cmd, "realheads")) {
		l = !strcmp(cmd, "heads") ? g->heads : g->real_heads;
	} else if (!strcmp(cmd, "labels")) {
		r = graph_lookup(g, arg);
		buf_adds(out, r ? strvec_join(g->arena, &r->eff_labels, " ") : "?");
		return 0;
	}
	list_text(&l, false, g->arena, out);
	return 0;
}

static const char *strip_copy(struct arena *a, const char *s)
{
	return str_strip(a, s);
}

static void run_query(struct cases *c, const char *file, const char *q, const char *want)
{
	struct arena qa = ARENA_INIT;
	struct graph g;
	struct err e;
	struct buf out = BUF_INIT;
	struct strvec rows = STRVEC_INIT;
	const char *bar = strchr(q, '|'), *sp;
	const char *head = bar ? arena_strndup(&qa, q, (size_t)(bar - q)) : q;
	const char *cmd, *arg, *got;

	err_clear(&e);
	head = strip_copy(&qa, head);
	sp = strchr(head, ' ');
	cmd = sp ? arena_strndup(&qa, head, (size_t)(sp - head)) : head;
	arg = sp ? strip_copy(&qa, sp + 1) : "";
	if (bar)
		split(&qa, bar + 1, ", ", &rows);
	for (size_t i = 0; i < c->n; i++) {
		struct rev *r = c->revs[i];
		struct rev fresh = {.id = r->id,
				    .down = r->down,
				    .deps = r->deps,
				    .labels = r->labels,
				    .path = r->path};
		*r = fresh;
	}
	if (graph_build(&qa, c->revs, c->n, &g, &e) || query_text(&g, cmd, arg, &rows, &out, &e)) {
		buf_reset(&out);
		error_text(&e, &out);
	}
	got = strip_copy(&qa, buf_cstr(&out));
	if (!strcmp(got, want) || (!strcmp(want, "error: crash") && e.code == ERR_REVISION)) {
		c->passed++;
	} else {
		c->failed++;
		fprintf(stderr, "FAIL %s: q %s\n  got:  %s\n  want: %s\n", file, q, got, want);
	}
	buf_release(&out);
	arena_release(&qa);
}

static void run_file(struct cases *c, const char *path)
{
	FILE *f = fopen(path, "r");
	char line[4096], q[4096] = "";

	if (!f) {
		c->failed++;
		fprintf(stderr, "FAIL cannot open %s\n", path);
		return;
	}
	arena_init(&c->a);
	c->revs = NULL;
	c->n = c->cap = 0;
	while (fgets(line, sizeof(line), f)) {
		line[strcspn(line, "\n")] = '\0';
		if (str_startswith(line, "rev "))
			add_rev(c, line);
		else if (str_startswith(line, "q "))
			snprintf(q, sizeof(q), "%s", line + 2);
		else if (str_startswith(line, "= "))
			run_query(c, path, q, line + 2);
	}
	fclose(f);
	arena_release(&c->a);
}

int main(int argc, char **argv)
{
	const char *dir = getenv("GRAPH_CASES_DIR");
	struct cases c = {0};
	glob_t gl;
	char pat[1024];

	snprintf(pat, sizeof(pat), "%s/*.txt", dir ? dir : "tests/cases");
	if (glob(pat, 0, NULL, &gl) == 0) {
		for (size_t i = 0; i < gl.gl_pathc; i++)
			if (argc < 2 || strstr(gl.gl_pathv[i], argv[1]))
				run_file(&c, gl.gl_pathv[i]);
		globfree(&gl);
	} else {
		fprintf(stderr, "no case files matching %s\n", pat);
		c.failed++;
	}
	printf("unit %s: %d passed, %d failed\n", __FILE__, c.passed, c.failed);
	return c.failed ? 1 : 0;
}
