/*
 * cmd_heads.c - `alembic heads [-v] [--resolve-dependencies]` (command.py
 * heads): the versioned heads in map order, or with
 * --resolve-dependencies the real heads (the symbol "heads").
 */
#include "base/buf.h"
#include "cli/cli_int.h"
#include "core/graph.h"

static const struct cli_option heads_options[] = {
	{"-v", "--verbose", "verbose", NULL, OPT_FLAG, "Use more verbose output"},
	{NULL, "--resolve-dependencies", "resolve_dependencies", NULL, OPT_FLAG,
	 "Treat dependency versions as down revisions"},
	{0},
};

static int heads_run(struct cli_ctx *ctx)
{
	struct revlist real = REVLIST_INIT;
	const struct revlist *list = &ctx->graph->heads;
	struct revfmt_opts o = {.verbose = cli_flag(ctx, "verbose"), .include_branches = true};
	struct buf b = BUF_INIT;

	if (cli_flag(ctx, "resolve_dependencies")) {
		if (graph_get_revisions(ctx->graph, "heads", &real, &ctx->err) < 0)
			return -1;
		list = &real;
	}
	for (size_t i = 0; i < list->n; i++) {
		buf_reset(&b);
		revfmt_cmd_format(&b, list->v[i], &o);
		cli_print(ctx, "%s", buf_cstr(&b));
	}
	buf_release(&b);
	return 0;
}

const struct cli_command cmd_heads = {
	"heads",
	heads_run,
	heads_options,
	NULL,
	"Show current available heads in the script directory.",
	NULL,
	CMD_NEEDS_CONFIG | CMD_NEEDS_SCRIPTS,
};
