/*
 * cmd_check.c - `alembic check` (Alembic 1.9.0, command.check): the
 * autogenerate comparison with nothing written.  "No new upgrade
 * operations detected." and exit 0 when the database matches the model;
 * otherwise ERR_COMMAND (FAILED:, exit 255) "New upgrade operations
 * detected:" followed by one line per difference in the "Detected ..."
 * wording (**differs**: Alembic prints the Python repr of its diff list).
 * Refuses as revision --autogenerate does (a database not at the heads, no
 * target_metadata).
 */
#include "autogen/autogen.h"
#include "base/buf.h"
#include "base/str.h"
#include "cli/cli_int.h"
#include "model/model.h"

static const struct cli_option check_options[] = {
	{0},
};

static int check_run(struct cli_ctx *ctx)
{
	struct ag_result res;
	struct run_autogen_out ao = {.result = &res};
	struct model m;
	const char *dialect;
	struct buf b = BUF_INIT;

	ctx->env_ran = true; /* Alembic runs env.py, which sets up logging */
	if (cli_autogen_compare(ctx, &ao, &m, &dialect) < 0)
		return -1;
	if (!res.upgrade.n_ops) {
		cli_print(ctx, "No new upgrade operations detected.");
		return 0;
	}
	buf_adds(&b, "New upgrade operations detected:");
	for (size_t i = 0; i < res.detected.n; i++)
		if (!ag_detected_is_note(res.detected.v[i]))
			buf_addf(&b, "\n  %s", res.detected.v[i]);
	err_set(&ctx->err, ERR_COMMAND, "%s", buf_cstr(&b));
	buf_release(&b);
	return -1;
}

const struct cli_command cmd_check = {
	"check",
	check_run,
	check_options,
	NULL,
	"Check if revision command with autogenerate has pending upgrade ops.",
	NULL,
	CMD_NEEDS_CONFIG | CMD_NEEDS_SCRIPTS | CMD_ENV,
};
