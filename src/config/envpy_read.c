/*
 * envpy_read.c - finds, reads and parses env.py and hands py_env_read's
 * result to envpy_apply (envpy.h).  Apart from envpy.c so that the
 * mapping can be unit-tested without the Python front end.
 */
#include <stdlib.h>
#include <string.h>

#include "base/fs.h"
#include "config/envpy.h"

/* py_env_in callbacks: the process environment, nothing, and the ini. */
static const char *envpy_getenv(void *ctx, const char *name)
{
	(void)ctx;
	return getenv(name);
}

static const char *envpy_noenv(void *ctx, const char *name)
{
	(void)ctx;
	(void)name;
	return NULL;
}

struct envpy_ini_ctx {
	struct arena *a;        /* the run's arena */
	const struct config *c; /* the ini */
};

static const char *envpy_main_option(void *ctx, const char *key)
{
	struct envpy_ini_ctx *ic = ctx;
	struct err e;

	err_clear(&e);
	return config_get(ic->a, ic->c, key, &e);
}

/* The env.py failure every command that runs the environment reports. */
static int envpy_defer(struct arena *a, struct config *c, const char *path, const struct err *why,
		       struct err *e)
{
	struct err *keep = arena_alloc(a, sizeof(*keep));

	*keep = *why;
	c->env_path = path;
	c->env_err = keep;
	return config_derive_env(a, c, e);
}

int envpy_read(struct arena *a, struct config *c, struct err *e)
{
	const char *abs = fs_join(a, c->script_location, "env.py");
	const char *path = fs_join(a, c->script_location_raw, "env.py");
	struct envpy_ini_ctx ic = {a, c};
	struct py_env_in in = {path,       envpy_getenv,
			       NULL,       envpy_main_option,
			       &ic,        (const char *const *)c->x_args.v,
			       c->x_args.n};
	struct py_env_out vals, bare;
	struct py_module *m;
	struct err pe;
	char *text;
	size_t len;

	if (!fs_is_file(abs))
		return 0;
	err_clear(&pe);
	if (fs_read_file(a, abs, &text, &len, &pe) ||
	    py_parse_module(a, path, text, len, &m, &pe) || py_env_read(a, m, &in, &vals, &pe))
		return envpy_defer(a, c, path, &pe, e);
	in.getenv = envpy_noenv;
	if (py_env_read(a, m, &in, &bare, &pe))
		return envpy_defer(a, c, path, &pe, e);
	if (envpy_apply(a, c, path, &vals, &bare, e) < 0)
		return -1;
	c->naming_convention_unknown = envpy_convention(a, c, abs, m, &c->naming_convention);
	return 0;
}
