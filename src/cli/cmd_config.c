/*
 * cmd_config.c - `alembic config [--set KEY=VALUE] [KEY]`, the user guide's
 * command (Alembic has none):
 *   alembic config              every effective setting of the main section,
 *                               "key = value" in file order ([DEFAULT] keys
 *                               after), URL passwords masked ("XXXXX");
 *   alembic config KEY          that one value, unmasked (the user asked for
 *                               it, as `git config KEY`); a missing key is a
 *                               FAILED line, exit 255;
 *   alembic config --set K=V    rewrites the ini in place (comments, order
 *                               and layout kept); repeatable, applied in order.
 * A listed value that cannot be expanded (a bad %(x)s, an unset ${VAR}) is
 * reported on stderr with its file and line after the others; exit 1.
 */
#include <string.h>

#include "base/fs.h"
#include "cli/cli_int.h"
#include "config/config.h"
#include "db/db.h"

static const struct cli_option config_options[] = {
	{NULL, "--set", "set", "KEY=VALUE", OPT_APPEND,
	 "Set KEY to VALUE in the .ini file, keeping its comments and layout"},
	{0},
};

static const struct cli_positional config_positionals[] = {
	{"key", NARGS_OPTIONAL, "name of one setting to print, e.g. sqlalchemy.url"},
	{0},
};

/* A value as the listing shows it: any URL's password masked. */
static const char *shown(struct arena *a, const char *v)
{
	if (strstr(v, "://") && strchr(v, '@'))
		return url_mask(a, v);
	return v;
}

static int config_list(struct cli_ctx *ctx)
{
	struct config_setting *set;
	size_t n;
	const struct config_setting *bad = NULL;

	config_settings(ctx->arena, ctx->config, &set, &n);
	for (size_t i = 0; i < n; i++) {
		if (!set[i].value) {
			bad = bad ? bad : &set[i];
			continue;
		}
		cli_print(ctx, "%s = %s", set[i].key, shown(ctx->arena, set[i].value));
	}
	if (bad)
		return err_at(&ctx->err, ERR_INPUT, ctx->config->ini_path, bad->line, "%s: %s",
			      bad->key, bad->error ? bad->error : "cannot expand the value");
	return 0;
}

static int config_one(struct cli_ctx *ctx, const char *key)
{
	struct config_setting *set;
	size_t n;

	config_settings(ctx->arena, ctx->config, &set, &n);
	for (size_t i = 0; i < n; i++) {
		if (strcmp(set[i].key, key))
			continue;
		if (!set[i].value)
			return err_at(&ctx->err, ERR_INPUT, ctx->config->ini_path, set[i].line,
				      "%s: %s", key, set[i].error ? set[i].error : "bad value");
		cli_print(ctx, "%s", set[i].value);
		return 0;
	}
	return err_set(&ctx->err, ERR_COMMAND, "No key '%s' in section [%s] of %s", key,
		       ctx->config->section, ctx->config->ini_path);
}

static int config_set(struct cli_ctx *ctx, const struct strvec *sets)
{
	const char *path = ctx->config_path ? ctx->config_path : config_default_path();

	for (size_t i = 0; i < sets->n; i++) {
		const char *eq = strchr(sets->v[i], '=');
		if (!eq) {
			return err_set(&ctx->err, ERR_USAGE,
				       "argument --set: expected KEY=VALUE, got %s",
				       cli_py_repr(ctx->arena, sets->v[i]));
		}
		char *key = arena_strndup(ctx->arena, sets->v[i], (size_t)(eq - sets->v[i]));
		if (config_set_value(ctx->arena, path, ctx->section, key, eq + 1, &ctx->err) < 0)
			return -1;
		cli_msg(ctx, "Set %s = %s in %s", key, shown(ctx->arena, eq + 1),
			fs_abspath(ctx->arena, path));
	}
	return 0;
}

static int config_run(struct cli_ctx *ctx)
{
	const struct strvec *sets = cli_list(ctx, "set");
	const char *key = cli_arg(ctx, "key");

	if (sets->n && key)
		return err_set(&ctx->err, ERR_USAGE, "argument --set: not allowed with argument key");
	if (sets->n)
		return config_set(ctx, sets);
	if (cli_load_config(ctx) < 0)
		return -1;
	return key ? config_one(ctx, key) : config_list(ctx);
}

const struct cli_command cmd_config = {
	"config", config_run, config_options, config_positionals,
	"Show the configuration, one setting, or set a setting in the .ini file.", NULL, 0,
};
