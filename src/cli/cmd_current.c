/*
 * cmd_current.c - `alembic current [-v] [--check-heads]` (command.py
 * current): the version rows expanded to the current heads (revision.py
 * _get_all_current), never creating the version table.  --check-heads is
 * Alembic 1.17.1's: FAILED "Database is not on all head revisions" unless
 * the rows are exactly the script's heads.
 */
#include "base/buf.h"
#include "cli/cli_int.h"
#include "core/graph.h"
#include "db/db.h"
#include "run/run.h"

static const struct cli_option current_options[] = {
	{"-v", "--verbose", "verbose", NULL, OPT_FLAG, "Use more verbose output"},
	{NULL, "--check-heads", "check_heads", NULL, OPT_FLAG,
	 "Check if all head revisions are applied to the database. Exit with an error code if "
	 "this is not the case."},
	{0},
};

/* set(rows) == set(script.get_heads()) */
static bool current_on_heads(const struct graph *g, const struct strvec *rows)
{
	for (size_t i = 0; i < rows->n; i++) {
		bool found = false;
		for (size_t j = 0; j < g->heads.n && !found; j++)
			found = !strcmp(rows->v[i], g->heads.v[j]->id);
		if (!found)
			return false;
	}
	for (size_t j = 0; j < g->heads.n; j++)
		if (strvec_find(rows, g->heads.v[j]->id) < 0)
			return false;
	return true;
}

static int current_run(struct cli_ctx *ctx)
{
	struct run_opts o;
	struct strvec rows = STRVEC_INIT;
	struct revlist cur = REVLIST_INIT;
	struct revfmt_opts f = {.verbose = cli_flag(ctx, "verbose"), .tree_indicators = true};
	struct buf b = BUF_INIT;

	run_opts_from_config(&o, ctx->config);
	ctx->env_ran = true; /* env.py would configure logging here */
	if (run_read_rows(ctx->arena, &o, cli_sink(ctx), &rows, &ctx->err) < 0)
		return -1;
	if (f.verbose)
		cli_print(ctx, "Current revision(s) for %s:", url_mask(ctx->arena, o.url));
	if (cli_flag(ctx, "check_heads") && !current_on_heads(ctx->graph, &rows))
		return err_set(&ctx->err, ERR_COMMAND, "Database is not on all head revisions");
	if (graph_current_heads(ctx->graph, &rows, &cur, &ctx->err) < 0)
		return -1;
	for (size_t i = 0; i < cur.n; i++) {
		buf_reset(&b);
		revfmt_cmd_format(&b, cur.v[i], &f);
		cli_print(ctx, "%s", buf_cstr(&b));
	}
	buf_release(&b);
	return 0;
}

const struct cli_command cmd_current = {
	"current",
	current_run,
	current_options,
	NULL,
	"Display the current revision for a database.",
	NULL,
	CMD_NEEDS_CONFIG | CMD_NEEDS_SCRIPTS | CMD_ENV,
};
