/*
 * cmd_history.c - `alembic history [-r RANGE] [-v] [-i]` (command.py
 * history): revisions newest first over an inclusive range (§3.7).
 * "current" on either side of the range, -i, or revision_environment = true
 * read the version table first (Alembic runs env.py then: its log lines).
 */
#include <string.h>

#include "base/buf.h"
#include "base/str.h"
#include "cli/cli_int.h"
#include "core/graph.h"

static const struct cli_option history_options[] = {
	{"-r", "--rev-range", "rev_range", "REV_RANGE", OPT_VALUE,
	 "Specify a revision range; format is [start]:[end]"},
	{"-v", "--verbose", "verbose", NULL, OPT_FLAG, "Use more verbose output"},
	{"-i", "--indicate-current", "indicate_current", NULL, OPT_FLAG,
	 "Indicate the current revision"},
	{0},
};

/* rev_range.strip().split(":") into exactly two parts; NULL for an empty side.
 * A second ":" crashes Alembic (ValueError unpacking the split, rc 1); here
 * it is the "History range requires ..." FAILED line. */
static int split_range(struct cli_ctx *ctx, const char *range, const char **lower,
		       const char **upper)
{
	char *s, *colon;

	*lower = *upper = NULL;
	if (!range)
		return 0;
	s = str_strip(ctx->arena, range);
	colon = strchr(range, ':') ? strchr(s, ':') : NULL;
	if (!colon || strchr(colon + 1, ':'))
		return err_set(&ctx->err, ERR_COMMAND,
			       "History range requires [start]:[end], [start]:, or :[end]");
	*colon = '\0';
	*lower = *s ? s : NULL;
	*upper = colon[1] ? colon + 1 : NULL;
	return 0;
}

static int print_history(struct cli_ctx *ctx, const char *lower, const char *upper,
			 const struct strvec *rows, bool indicate)
{
	struct revlist revs = REVLIST_INIT;
	struct buf b = BUF_INIT;
	struct revfmt_opts o = {.verbose = cli_flag(ctx, "verbose"),
				.include_branches = true,
				.include_doc = true,
				.include_parents = true,
				.tree_indicators = true};

	if (graph_history(ctx->graph, lower, upper, rows, &revs, &ctx->err) < 0)
		return -1;
	for (size_t i = 0; i < revs.n; i++) {
		o.is_current = indicate && rows && strvec_find(rows, revs.v[i]->id) >= 0;
		buf_reset(&b);
		revfmt_cmd_format(&b, revs.v[i], &o);
		cli_print(ctx, "%s", buf_cstr(&b));
	}
	buf_release(&b);
	return 0;
}

static int history_run(struct cli_ctx *ctx)
{
	const char *lower, *upper;
	struct strvec rows = STRVEC_INIT;
	bool indicate = cli_flag(ctx, "indicate_current");
	bool env = indicate || ctx->config->revision_environment;

	if (split_range(ctx, cli_arg(ctx, "rev_range"), &lower, &upper) < 0)
		return -1;
	if (str_eq(lower, "current") || str_eq(upper, "current"))
		env = true;
	if (env && cli_db_rows(ctx, &rows) < 0)
		return -1;
	return print_history(ctx, lower, upper, env ? &rows : NULL, indicate);
}

const struct cli_command cmd_history = {
	"history",
	history_run,
	history_options,
	NULL,
	"List changeset scripts in chronological order.",
	NULL,
	CMD_NEEDS_CONFIG | CMD_NEEDS_SCRIPTS,
};
