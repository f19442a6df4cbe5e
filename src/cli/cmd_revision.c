/*
 * cmd_revision.c - `alembic revision` (command.py revision and
 * script/base.py ScriptDirectory.generate_revision, §3.3); the generation
 * half is shared with `merge` (cli_generate_revision).
 *
 * Safer than Alembic, same texts: a --rev-id that already exists and a
 * --branch-label already used are refused before anything is written
 * (Alembic writes the file, then the revision map breaks: a warning and
 * cycle errors, or a RevisionError traceback).
 * --autogenerate: cli_revision_autogenerate (autogen.c), after Alembic's
 * own --sql checks.  revision_environment = true does not connect to the
 * database (Alembic runs env.py, which only matters for autogenerate).
 */
#include <string.h>

#include "base/str.h"
#include "cli/cli_int.h"
#include "core/graph.h"
#include "script/script.h"

static const struct cli_option revision_options[] = {
	{"-m", "--message", "message", "MESSAGE", OPT_VALUE,
	 "Message string to use with 'revision'"},
	{NULL, "--autogenerate", "autogenerate", NULL, OPT_FLAG,
	 "Populate revision script with candidate migration operations, based on comparison of "
	 "database to model."},
	{NULL, "--sql", "sql", NULL, OPT_FLAG,
	 "Don't emit SQL to database - dump to standard output/file instead. See docs on "
	 "offline mode."},
	{NULL, "--head", "head", "HEAD", OPT_VALUE,
	 "Specify head revision or <branchname>@head to base new revision on."},
	{NULL, "--splice", "splice", NULL, OPT_FLAG,
	 "Allow a non-head revision as the 'head' to splice onto"},
	{NULL, "--branch-label", "branch_label", "BRANCH_LABEL", OPT_VALUE,
	 "Specify a branch label to apply to the new revision"},
	{NULL, "--version-path", "version_path", "VERSION_PATH", OPT_VALUE,
	 "Specify specific path from config for version file"},
	{NULL, "--rev-id", "rev_id", "REV_ID", OPT_VALUE,
	 "Specify a hardcoded revision id instead of generating one"},
	{NULL, "--depends-on", "depends_on", "DEPENDS_ON", OPT_APPEND,
	 "Specify one or more revision identifiers which this revision should depend on."},
	{NULL, "--no-verify", "no_verify", NULL, OPT_FLAG,
	 "With --autogenerate: don't run the new revision both ways inside a rolled-back "
	 "transaction to check that it reaches the model and comes back."},
	{0},
};

/* Refuses an id or a branch label the graph already has (ours, see top). */
static int check_new_names(struct cli_ctx *ctx, const char *id, const char *label)
{
	struct graph *g = ctx->graph;
	struct rev *old = graph_lookup(g, id);

	if (old)
		return err_set(&ctx->err, ERR_COMMAND,
			       "Revision %s is present more than once (already in %s)", id,
			       old->path ? old->path : old->id);
	if (label && (old = graph_lookup(g, label)) != NULL)
		return err_set(&ctx->err, ERR_COMMAND,
			       "Branch name '%s' in revision %s already used by revision %s", label,
			       id, old->id);
	for (size_t i = 0; label && i < g->n; i++)
		if (strvec_find(&g->revs[i]->labels, label) >= 0)
			return err_set(
				&ctx->err, ERR_COMMAND,
				"Branch name '%s' in revision %s already used by revision %s",
				label, id, g->revs[i]->id);
	return 0;
}

/* generate_revision: the parents must be distinct heads (unless splice). */
static int check_heads(struct cli_ctx *ctx, const struct revlist *heads, bool splice)
{
	for (size_t i = 0; i < heads->n; i++)
		for (size_t k = 0; k < i; k++)
			if (heads->v[i] == heads->v[k])
				return err_set(&ctx->err, ERR_COMMAND,
					       "Duplicate head revisions specified");
	for (size_t i = 0; !splice && i < heads->n; i++)
		if (heads->v[i] && !heads->v[i]->is_head)
			return err_set(
				&ctx->err, ERR_COMMAND,
				"Revision %s is not a head revision; please specify --splice "
				"to create a new branch from this revision",
				heads->v[i]->id);
	return 0;
}

/* depends_on: a branch label is kept as written, anything else becomes the
 * full id of the revision it names. */
static int resolve_deps(struct cli_ctx *ctx, const struct strvec *deps, struct strvec *out)
{
	for (size_t i = 0; deps && i < deps->n; i++) {
		struct rev *r;
		if (graph_get_revision(ctx->graph, deps->v[i], &r, &ctx->err) < 0)
			return -1;
		if (!r)
			return err_resolution(&ctx->err, ERR_RESOLUTION, deps->v[i], NULL);
		if (strvec_find(&r->eff_labels, deps->v[i]) >= 0)
			strvec_push(ctx->arena, out, deps->v[i]);
		else
			strvec_push(ctx->arena, out, r->id);
	}
	return 0;
}

int cli_generate_revision(struct cli_ctx *ctx, const struct cli_newrev *nr)
{
	struct script_new n = {0};
	struct revlist heads = REVLIST_INIT;

	n.id = nr->rev_id ? nr->rev_id : script_new_rev_id(ctx->arena, &ctx->err);
	if (!n.id || script_check_rev_id(n.id, &ctx->err) < 0)
		return -1;
	if (cli_resolve_all(ctx, nr->heads, &heads) < 0 ||
	    check_heads(ctx, &heads, nr->splice) < 0 ||
	    check_new_names(ctx, n.id, nr->branch_label) < 0 ||
	    resolve_deps(ctx, nr->depends_on, &n.deps) < 0)
		return -1;
	for (size_t i = 0; i < heads.n; i++) {
		const struct script *s = heads.v[i]->data;
		strvec_push(ctx->arena, &n.down, heads.v[i]->id);
		if (!n.head_dir && s)
			n.head_dir = s->dir;
	}
	if (nr->branch_label)
		strvec_push(ctx->arena, &n.labels, nr->branch_label);
	n.message = nr->message;
	n.version_path = nr->version_path;
	n.format = script_default_format(ctx->config);
	n.imports = nr->imports;
	n.upgrades = nr->upgrades;
	n.downgrades = nr->downgrades;
	struct script_target t;

	if (script_prepare_revision(ctx->arena, ctx->config, &n, cli_sink(ctx), &t, &ctx->err) < 0)
		return -1;
	return script_write_prepared(ctx->arena, ctx->config, &n, &t, cli_sink(ctx), nr->written,
				     &ctx->err);
}

static int revision_run(struct cli_ctx *ctx)
{
	struct strvec heads = STRVEC_INIT;
	const char *head = cli_arg(ctx, "head");
	bool sql = cli_flag(ctx, "sql");

	if (cli_flag(ctx, "autogenerate") && sql)
		return err_set(&ctx->err, ERR_COMMAND,
			       "Using --sql with --autogenerate does not make any sense");
	if (sql && !ctx->config->revision_environment)
		return err_set(&ctx->err, ERR_COMMAND,
			       "Using --sql with the revision command when revision_environment "
			       "is not configured does not make any sense");
	strvec_push(ctx->arena, &heads, head ? head : "head");
	struct cli_newrev nr = {
		cli_arg(ctx, "rev_id"),
		cli_arg(ctx, "message"),
		&heads,
		cli_flag(ctx, "splice"),
		cli_arg(ctx, "branch_label"),
		cli_arg(ctx, "version_path"),
		cli_list(ctx, "depends_on"),
		NULL,
		NULL,
		NULL,
		NULL,
	};
	if (cli_flag(ctx, "autogenerate"))
		return cli_revision_autogenerate(ctx, &nr);
	return cli_generate_revision(ctx, &nr);
}

const struct cli_command cmd_revision = {
	"revision",
	revision_run,
	revision_options,
	NULL,
	"Create a new revision file.",
	NULL,
	CMD_NEEDS_CONFIG | CMD_NEEDS_SCRIPTS,
};
