/*
 * cmd_ensure_version.c - `alembic ensure_version [--sql]` (command.py
 * ensure_version, Alembic >= 1.7.6): creates the version table if missing.
 * The revision files are not read (Alembic does not need them either).
 */
#include "cli/cli_int.h"
#include "run/run.h"

static const struct cli_option ensure_version_options[] = {
	{NULL, "--sql", "sql", NULL, OPT_FLAG,
	 "Don't emit SQL to database - dump to standard output/file instead. See docs on "
	 "offline mode."},
	{0},
};

static int ensure_version_run(struct cli_ctx *ctx)
{
	struct run_request r = {RUN_ENSURE_VERSION, NULL, NULL, NULL, 0, false};

	if (config_check_script_location(ctx->config, &ctx->err) < 0)
		return -1;
	ctx->env_ran = true; /* from here on Alembic runs env.py, which sets up logging */
	return run_command(ctx->arena, NULL, ctx->config, &r, cli_flag(ctx, "sql"), cli_sink(ctx),
			   &ctx->err);
}

const struct cli_command cmd_ensure_version = {
	"ensure_version",
	ensure_version_run,
	ensure_version_options,
	NULL,
	"Create the alembic version table if it doesn't exist already .",
	NULL,
	CMD_NEEDS_CONFIG | CMD_ENV,
};
