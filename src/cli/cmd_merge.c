/*
 * cmd_merge.c - `alembic merge [-m MSG] [--branch-label L] [--rev-id ID]
 * REVISIONS...` (command.py merge): a revision whose parents are the given
 * heads; same generation as `revision` (no --splice in 1.8.1).
 */
#include "cli/cli_int.h"

static const struct cli_option merge_options[] = {
	{"-m", "--message", "message", "MESSAGE", OPT_VALUE,
	 "Message string to use with 'revision'"},
	{NULL, "--branch-label", "branch_label", "BRANCH_LABEL", OPT_VALUE,
	 "Specify a branch label to apply to the new revision"},
	{NULL, "--rev-id", "rev_id", "REV_ID", OPT_VALUE,
	 "Specify a hardcoded revision id instead of generating one"},
	{0},
};

static const struct cli_positional merge_positionals[] = {
	{"revisions", NARGS_MANY, "one or more revisions, or 'heads' for all heads"},
	{0},
};

static int merge_run(struct cli_ctx *ctx)
{
	struct cli_newrev nr = {
		cli_arg(ctx, "rev_id"),
		cli_arg(ctx, "message"),
		cli_list(ctx, "revisions"),
		false,
		cli_arg(ctx, "branch_label"),
		NULL,
		NULL,
		NULL,
		NULL,
		NULL,
		NULL,
	};

	return cli_generate_revision(ctx, &nr);
}

const struct cli_command cmd_merge = {
	"merge",
	merge_run,
	merge_options,
	merge_positionals,
	"Merge two revisions together. Creates a new migration file.",
	NULL,
	CMD_NEEDS_CONFIG | CMD_NEEDS_SCRIPTS,
};
