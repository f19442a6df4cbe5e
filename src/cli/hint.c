/*
 * hint.c - a way forward after an error (issue 11 item 10), printed on
 * stderr as "hint: ..." lines after the report: Alembic's own message
 * (FAILED: ... on stdout, ERROR [...] on stderr) is printed unchanged first.
 * Hints are worked out from the structure of what failed (the error code,
 * the parsed URL, the revision graph), never from the message text:
 *   - an unencoded '@' in the URL's password: percent-encode it;
 *   - an unknown URL dialect: "did you mean postgresql?" (nearest by edit
 *     distance among the dialects we know);
 *   - an unknown revision: "did you mean" the nearest ids and labels (edit
 *     distance, or a shared prefix of 4+ characters; ordered by distance,
 *     then bytewise; at most three);
 *   - several heads where one is needed: `alembic merge heads`.
 */
#include <stdio.h>
#include <string.h>

#include "base/str.h"
#include "cli/cli_int.h"
#include "core/graph.h"
#include "db/db.h"

#define HINT_MAX_IDS 3

static const char *const hint_dialects[] = {"mariadb", "mssql",      "mysql",
					    "oracle",  "postgresql", "sqlite"};

/* Levenshtein distance of a and b, capped: returns cap + 1 once it exceeds cap. */
static size_t hint_distance(const char *a, const char *b, size_t cap)
{
	size_t la = strlen(a), lb = strlen(b), row[65], best;

	if (lb > 64 || la > 64)
		return cap + 1;
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];

		row[0] = i;
		best = row[0];
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j], v = diag + (a[i - 1] != b[j - 1]);

			if (up + 1 < v)
				v = up + 1;
			if (row[j - 1] + 1 < v)
				v = row[j - 1] + 1;
			diag = up;
			row[j] = v;
			if (v < best)
				best = v;
		}
		if (best > cap)
			return cap + 1;
	}
	return row[lb];
}

/* How close candidate is to what was typed (lower is closer), or -1: not close. */
static long hint_score(const char *typed, const char *cand)
{
	size_t n = strlen(typed), cap = n < 4 ? 1 : n < 8 ? 2 : 3;
	size_t d = hint_distance(typed, cand, cap);

	if (d <= cap)
		return (long)d;
	if (n >= 4 && !strncmp(cand, typed, 4))
		return (long)cap + 1; /* a shared prefix: after the near misses */
	return -1;
}

struct hint_cand {
	const char *key; /* id or label */
	long score;      /* hint_score */
};

static int hint_cand_cmp(const void *x, const void *y)
{
	const struct hint_cand *a = x, *b = y;

	if (a->score != b->score)
		return a->score < b->score ? -1 : 1;
	return strcmp(a->key, b->key);
}

/* "did you mean" for an unknown revision identifier. */
static void hint_revision(struct cli_ctx *ctx, const char *typed)
{
	const struct graph *g = ctx->graph;
	struct hint_cand *c;
	size_t n = 0;
	struct buf b = BUF_INIT;

	if (!g || !g->n_keys || !*typed)
		return;
	c = arena_calloc(ctx->arena, g->n_keys, sizeof(*c));
	for (size_t i = 0; i < g->n_keys; i++) {
		long s = hint_score(typed, g->keys[i].key);

		if (s >= 0)
			c[n++] = (struct hint_cand){g->keys[i].key, s};
	}
	if (!n)
		return;
	qsort(c, n, sizeof(*c), hint_cand_cmp);
	for (size_t i = 0; i < n && i < HINT_MAX_IDS; i++)
		buf_addf(&b, "%s'%s'",
			 i ? (i + 1 == n || i + 1 == HINT_MAX_IDS ? " or " : ", ") : "", c[i].key);
	fprintf(ctx->errout, "hint: did you mean %s? (`alembic history` lists the revisions)\n",
		b.ptr);
	buf_release(&b);
}

/* The URL the command used, parsed; false when there is none or it does not parse. */
static bool hint_url(struct cli_ctx *ctx, struct db_url *u)
{
	struct err ignored;

	return ctx->config && ctx->config->url &&
	       url_parse(ctx->arena, ctx->config->url, u, &ignored) == 0;
}

/* URL problems: an unencoded '@' in the password, an unknown dialect. */
static void hint_database(struct cli_ctx *ctx)
{
	struct db_url u;
	const char *best = NULL;
	size_t best_d = 3;

	if (ctx->config && ctx->config->url && url_ambiguous_at(ctx->config->url)) {
		fputs("hint: the password in sqlalchemy.url contains an unencoded '@': "
		      "percent-encode it as %40 (and '%' ':' '/' '?' '#' as %25 %3A %2F %3F %23)\n",
		      ctx->errout);
		return;
	}
	if (!hint_url(ctx, &u) || sql_dialect_find(u.dialect))
		return;
	for (size_t i = 0; i < sizeof(hint_dialects) / sizeof(hint_dialects[0]); i++) {
		size_t d = hint_distance(u.dialect, hint_dialects[i], 2);

		if (d < best_d) {
			best_d = d;
			best = hint_dialects[i];
		}
	}
	if (best)
		fprintf(ctx->errout, "hint: did you mean %s? (in sqlalchemy.url: %s://...)\n", best,
			best);
}

void cli_hint(struct cli_ctx *ctx)
{
	fflush(ctx->out); /* after FAILED: on stdout */
	switch (ctx->err.code) {
	case ERR_RESOLUTION:
		hint_revision(ctx, ctx->err.arg);
		break;
	case ERR_MULTIPLE_HEADS:
		if (!ctx->cmd || strcmp(ctx->cmd->name, "merge"))
			fputs("hint: the revisions have several heads; `alembic merge heads` joins them "
			      "into one, or name one head (`alembic heads` lists them)\n",
			      ctx->errout);
		break;
	case ERR_DB:
	case ERR_INPUT:
		hint_database(ctx);
		break;
	default:
		break;
	}
}
