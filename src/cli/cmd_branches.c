/*
 * cmd_branches.c - `alembic branches [-v]` (command.py branches): every
 * branch point, newest first, with one line per child (§3.9, §4.4).
 * Children are listed in bytewise id order (Alembic: set order).
 */
#include <string.h>

#include "base/buf.h"
#include "cli/cli_int.h"
#include "core/graph.h"

static const struct cli_option branches_options[] = {
	{"-v", "--verbose", "verbose", NULL, OPT_FLAG, "Use more verbose output"},
	{0},
};

/* HEADER "\n" child lines joined by "\n" "\n" (printed with a final newline). */
static void branch_block(struct buf *b, const struct rev *r, bool verbose)
{
	struct revfmt_opts head = {
		.verbose = verbose, .include_branches = true, .tree_indicators = true};
	struct revfmt_opts child = {
		.include_branches = true, .include_doc = verbose, .tree_indicators = true};

	revfmt_cmd_format(b, r, &head);
	buf_addch(b, '\n');
	for (size_t i = 0; i < r->nextrev.n; i++) {
		if (i)
			buf_addch(b, '\n');
		buf_addf(b, "%*s -> ", (int)strlen(r->id), "");
		revfmt_cmd_format(b, r->nextrev.v[i], &child);
	}
	buf_addch(b, '\n');
}

static int branches_run(struct cli_ctx *ctx)
{
	struct revlist all = REVLIST_INIT;
	struct buf b = BUF_INIT;

	if (graph_history_all(ctx->graph, &all, &ctx->err) < 0)
		return -1;
	for (size_t i = 0; i < all.n; i++) {
		if (!all.v[i]->is_branch_point)
			continue;
		buf_reset(&b);
		branch_block(&b, all.v[i], cli_flag(ctx, "verbose"));
		cli_print(ctx, "%s", buf_cstr(&b));
	}
	buf_release(&b);
	return 0;
}

const struct cli_command cmd_branches = {
	"branches",
	branches_run,
	branches_options,
	NULL,
	"Show current branch points.",
	NULL,
	CMD_NEEDS_CONFIG | CMD_NEEDS_SCRIPTS,
};
