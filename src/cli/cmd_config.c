/*
 * cmd_config.c - `alembic config [--set KEY=VALUE] [KEY]`, the user guide's
 * command (Alembic has none):
 *   alembic config              every effective setting of the main section,
 *                               "key = value  # SOURCE" in file order
 *                               ([DEFAULT] keys after, then keys only env.py
 *                               sets), URL passwords masked ("XXXXX").
 *                               SOURCE says where the value comes from:
 *                                 alembic.ini:12 [, environment VAR]
 *                                 alembic.ini:3 [DEFAULT]
 *                                 migrations/env.py:25 config.set_main_option
 *                                   [, environment VAR] [(overrides alembic.ini:58)]
 *                                 migrations/env.py:40 context.configure ...
 *   alembic config KEY          that one effective value, unmasked (the user
 *                               asked for it, as `git config KEY`); a missing
 *                               key is a FAILED line, exit 255;
 *   alembic config --set K=V    rewrites the ini in place (comments, order
 *                               and layout kept); repeatable, applied in
 *                               order.  When env.py sets K, the ini is still
 *                               written, and a warning on stderr names the
 *                               env.py line that overrides it (exit 0).
 * A listed value that cannot be known (a bad %(x)s, an unset ${VAR}, an
 * env.py value that needs Python) is reported on stderr with its file and
 * line after the others, as is an env.py that does not parse; exit 1.
 */
#include <string.h>

#include "base/fs.h"
#include "base/str.h"
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

/* Where s's value comes from (the "# SOURCE" of a listing line). */
static const char *config_source(struct cli_ctx *ctx, const struct config_setting *s)
{
	struct arena *a = ctx->arena;
	const struct config *c = ctx->config;
	const char *src;

	if (!s->env)
		return arena_printf(a, "%s:%d%s%s%s", c->ini_path, s->line,
				    s->is_default ? " [DEFAULT]" : "",
				    s->vars ? ", environment " : "", s->vars ? s->vars : "");
	src = arena_printf(a, "%s:%d %s", c->env_path, s->env->line, s->env->origin);
	if (s->env->var)
		src = arena_printf(a, "%s, environment %s", src, s->env->var);
	if (s->line)
		src = arena_printf(a, "%s (overrides %s:%d)", src, c->ini_path, s->line);
	return src;
}

/* The error a setting without a value reports. */
static int config_bad(struct cli_ctx *ctx, const struct config_setting *s)
{
	if (s->env_err) {
		ctx->err = *s->env_err;
		return -1;
	}
	return err_at(&ctx->err, ERR_INPUT, ctx->config->ini_path, s->line, "%s: %s", s->key,
		      s->error ? s->error : "cannot expand the value");
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
		cli_print(ctx, "%s = %s  # %s", set[i].key, shown(ctx->arena, set[i].value),
			  config_source(ctx, &set[i]));
	}
	if (bad)
		return config_bad(ctx, bad);
	if (ctx->config->env_err && !ctx->config->n_env) {
		ctx->err = *ctx->config->env_err; /* env.py does not parse */
		return -1;
	}
	return 0;
}

static int config_one(struct cli_ctx *ctx, const char *key)
{
	struct config_setting *set;
	size_t n;
	const char *lower = str_lower(ctx->arena, key);

	config_settings(ctx->arena, ctx->config, &set, &n);
	for (size_t i = 0; i < n; i++) {
		if (strcmp(set[i].key, lower))
			continue;
		if (!set[i].value)
			return config_bad(ctx, &set[i]);
		cli_print(ctx, "%s", set[i].value);
		return 0;
	}
	return err_set(&ctx->err, ERR_COMMAND, "No key '%s' in section [%s] of %s", key,
		       ctx->config->section, ctx->config->ini_path);
}

/* After --set KEY: env.py setting KEY wins over what was just written. */
static void config_warn_override(struct cli_ctx *ctx, const char *key)
{
	const struct config_env *env;

	if (!ctx->config && cli_load_config(ctx) < 0) {
		err_clear(&ctx->err); /* the check is advisory: the write succeeded */
		return;
	}
	env = config_env_find(ctx->config, str_lower(ctx->arena, key));
	if (!env)
		return;
	fflush(ctx->out);
	fprintf(ctx->errout,
		"warning: %s:%d sets %s (%s), which overrides %s: the value written "
		"there takes effect only once that line is removed\n",
		ctx->config->env_path, env->line, env->key, env->origin, ctx->config->ini_path);
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
		config_warn_override(ctx, key);
	}
	return 0;
}

static int config_run(struct cli_ctx *ctx)
{
	const struct strvec *sets = cli_list(ctx, "set");
	const char *key = cli_arg(ctx, "key");

	if (sets->n && key)
		return err_set(&ctx->err, ERR_USAGE,
			       "argument --set: not allowed with argument key");
	if (sets->n)
		return config_set(ctx, sets);
	if (cli_load_config(ctx) < 0)
		return -1;
	return key ? config_one(ctx, key) : config_list(ctx);
}

const struct cli_command cmd_config = {
	"config",
	config_run,
	config_options,
	config_positionals,
	"Show the configuration, one setting, or set a setting in the .ini file.",
	NULL,
	0,
};
