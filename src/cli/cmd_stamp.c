/*
 * cmd_stamp.c - `alembic stamp [--sql] [--tag TAG] [--purge] REVISIONS...`
 * (command.py stamp): rewrites the version table without running
 * migrations.
 */
#include "cli/cli_int.h"
#include "run/run.h"

static const struct cli_option stamp_options[] = {
	{NULL, "--sql", "sql", NULL, OPT_FLAG,
	 "Don't emit SQL to database - dump to standard output/file instead. See docs on "
	 "offline mode."},
	{NULL, "--tag", "tag", "TAG", OPT_VALUE,
	 "Arbitrary 'tag' name - can be used by custom env.py scripts."},
	{NULL, "--purge", "purge", NULL, OPT_FLAG,
	 "Unconditionally erase the version table before stamping"},
	{0},
};

static const struct cli_positional stamp_positionals[] = {
	{"revisions", NARGS_MANY, "one or more revisions, or 'heads' for all heads"},
	{0},
};

static int stamp_run(struct cli_ctx *ctx)
{
	struct run_request r;
	bool sql = cli_flag(ctx, "sql");

	if (run_parse_stamp(ctx->arena, cli_list(ctx, "revisions"), sql, cli_flag(ctx, "purge"), &r,
			    &ctx->err) < 0)
		return -1;
	ctx->env_ran = true; /* from here on Alembic runs env.py, which sets up logging */
	return run_command(ctx->arena, ctx->graph, ctx->config, &r, sql, cli_sink(ctx), &ctx->err);
}

const struct cli_command cmd_stamp = {
	"stamp",
	stamp_run,
	stamp_options,
	stamp_positionals,
	"'stamp' the revision table with the given revision; don't run any migrations.",
	NULL,
	CMD_NEEDS_CONFIG | CMD_NEEDS_SCRIPTS | CMD_ENV,
};
