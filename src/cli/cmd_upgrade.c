/*
 * cmd_upgrade.c - `alembic upgrade [--sql] [--tag TAG] REVISION`
 * (command.py upgrade): online through the runtime, or offline SQL on
 * stdout with --sql ("FROM:TO" ranges allowed only there).  The options
 * table and the handler are shared with cmd_downgrade.c, whose command
 * differs only in its name and help (Alembic's two argparse tables are
 * identical too).
 */
#include "cli/cli_int.h"
#include "run/run.h"

const struct cli_option cmd_migrate_options[] = {
	{NULL, "--sql", "sql", NULL, OPT_FLAG,
	 "Don't emit SQL to database - dump to standard output/file instead. See docs on "
	 "offline mode."},
	{NULL, "--tag", "tag", "TAG", OPT_VALUE,
	 "Arbitrary 'tag' name - can be used by custom env.py scripts."},
	{0},
};

const struct cli_positional cmd_migrate_positionals[] = {
	{"revision", NARGS_ONE, "revision identifier"},
	{0},
};

/* command.py upgrade / downgrade. */
int cmd_migrate_run(struct cli_ctx *ctx, enum run_cmd cmd)
{
	struct run_request r;
	struct run_opts o;

	run_opts_from_config(&o, ctx->config);
	o.sql = cli_flag(ctx, "sql");
	if (run_parse_target(ctx->arena, cmd, cli_arg(ctx, "revision"), o.sql, &r, &ctx->err) < 0)
		return -1;
	ctx->env_ran = true; /* from here on Alembic runs env.py, which sets up logging */
	return run_migrate(ctx->arena, ctx->graph, &o, &r, cli_sink(ctx), &ctx->err);
}

static int upgrade_run(struct cli_ctx *ctx)
{
	return cmd_migrate_run(ctx, RUN_UPGRADE);
}

const struct cli_command cmd_upgrade = {
	"upgrade",
	upgrade_run,
	cmd_migrate_options,
	cmd_migrate_positionals,
	"Upgrade to a later version.",
	NULL,
	CMD_NEEDS_CONFIG | CMD_NEEDS_SCRIPTS | CMD_ENV,
};
