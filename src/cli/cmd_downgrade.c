/*
 * cmd_downgrade.c - `alembic downgrade [--sql] [--tag TAG] REVISION`
 * (command.py downgrade); --sql requires "FROM:TO".  Options and handler
 * are cmd_upgrade.c's.
 */
#include "cli/cli_int.h"
#include "run/run.h"

static int downgrade_run(struct cli_ctx *ctx)
{
	return cmd_migrate_run(ctx, RUN_DOWNGRADE);
}

const struct cli_command cmd_downgrade = {
	"downgrade",
	downgrade_run,
	cmd_migrate_options,
	cmd_migrate_positionals,
	"Revert to a previous version.",
	NULL,
	CMD_NEEDS_CONFIG | CMD_NEEDS_SCRIPTS | CMD_ENV,
};
