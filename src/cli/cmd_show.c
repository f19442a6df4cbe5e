/*
 * cmd_show.c - `alembic show REV` (command.py show): the verbose block of
 * every revision REV names; "current" reads the version table (§3.10).
 */
#include <string.h>

#include "base/buf.h"
#include "cli/cli_int.h"
#include "core/graph.h"

static const struct cli_option show_options[] = {
	{0},
};

static const struct cli_positional show_positionals[] = {
	{"rev", NARGS_ONE, NULL},
	{0},
};

/* get_revisions of each identifier, concatenated (a tuple argument). */
int cli_resolve_all(struct cli_ctx *ctx, const struct strvec *ids, struct revlist *out)
{
	for (size_t i = 0; i < ids->n; i++) {
		struct revlist one = REVLIST_INIT;
		if (graph_get_revisions(ctx->graph, ids->v[i], &one, &ctx->err) < 0)
			return -1;
		for (size_t k = 0; k < one.n; k++)
			revlist_push(ctx->arena, out, one.v[k]);
	}
	return 0;
}

static int show_run(struct cli_ctx *ctx)
{
	const char *rev = cli_arg(ctx, "rev");
	struct strvec ids = STRVEC_INIT;
	struct revlist revs = REVLIST_INIT;
	struct buf b = BUF_INIT;

	if (!strcmp(rev, "current")) {
		if (cli_db_rows(ctx, &ids) < 0)
			return -1;
	} else {
		strvec_push(ctx->arena, &ids, rev);
	}
	if (cli_resolve_all(ctx, &ids, &revs) < 0)
		return -1;
	for (size_t i = 0; i < revs.n; i++) {
		if (!revs.v[i])
			continue;
		buf_reset(&b);
		revfmt_log_entry(&b, revs.v[i], false);
		cli_print(ctx, "%s", buf_cstr(&b));
	}
	buf_release(&b);
	return 0;
}

const struct cli_command cmd_show = {
	"show",
	show_run,
	show_options,
	show_positionals,
	"Show the revision(s) denoted by the given symbol.",
	NULL,
	CMD_NEEDS_CONFIG | CMD_NEEDS_SCRIPTS,
};
