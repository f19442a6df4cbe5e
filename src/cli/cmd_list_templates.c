/*
 * cmd_list_templates.c - `alembic list_templates` (command.py
 * list_templates): Alembic's templates in its order, then ours (init.h).
 */
#include "cli/cli_int.h"
#include "config/init.h"

static const struct cli_option list_templates_options[] = {
	{0},
};

static int list_templates_run(struct cli_ctx *ctx)
{
	cli_print(ctx, "Available templates:\n");
	for (const struct init_template *const *t = init_templates; *t; t++)
		cli_print(ctx, "%s - %s", (*t)->name, (*t)->synopsis);
	cli_print(ctx, "\nTemplates are used via the 'init' command, e.g.:");
	cli_print(ctx, "\n  alembic init --template generic ./scripts");
	return 0;
}

const struct cli_command cmd_list_templates = {
	"list_templates",
	list_templates_run,
	list_templates_options,
	NULL,
	"List available templates.",
	NULL,
	0,
};
