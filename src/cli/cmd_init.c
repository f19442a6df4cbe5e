/*
 * cmd_init.c - `alembic init [-t TEMPLATE] [--package] DIRECTORY`
 * (command.py init); the work is the config module's init_project_ex, whose
 * progress comes back through the sink.
 */
#include "cli/cli_int.h"
#include "config/init.h"

static const struct cli_option init_options[] = {
	{"-t", "--template", "template", "TEMPLATE", OPT_VALUE,
	 "Setup template for use with 'init'"},
	{NULL, "--package", "package", NULL, OPT_FLAG,
	 "Write empty __init__.py files to the environment and version locations"},
	{0},
};

static const struct cli_positional init_positionals[] = {
	{"directory", NARGS_ONE, "location of scripts directory"},
	{0},
};

static int init_run(struct cli_ctx *ctx)
{
	const char *tmpl = cli_arg(ctx, "template");

	return init_project_ex(ctx->arena, cli_arg(ctx, "directory"), tmpl ? tmpl : "generic",
			       ctx->config_path, cli_flag(ctx, "package"), cli_sink(ctx),
			       &ctx->err);
}

const struct cli_command cmd_init = {
	"init", init_run, init_options, init_positionals, "Initialize a new scripts directory.",
	NULL,   0,
};
