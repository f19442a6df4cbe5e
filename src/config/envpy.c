/*
 * envpy.c - env.py's settings, read through src/py (py_env_read) and
 * turned into config entries (envpy.h).  Follows what Alembic's
 * EnvironmentContext.configure (runtime/environment.py) and
 * Config.set_main_option / set_section_option (config.py) do with them.
 */
#include "config/envpy.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/fs.h"
#include "base/str.h"
#include "config/ini.h"

/* The context.configure keywords that are settings of ours, with the kind
 * of literal each takes (MigrationContext's options of the same names). */
enum envpy_kwkind {
	ENVPY_KW_BOOL,     /* True/False (None, ints: Python truthiness) */
	ENVPY_KW_STR,      /* a str */
	ENVPY_KW_STR_NONE, /* a str, or None for "the default" */
};

static const struct {
	const char *key;        /* keyword = ini key */
	enum envpy_kwkind kind; /* literal it takes */
} envpy_keywords[] = {
	{"version_table", ENVPY_KW_STR},     {"version_table_schema", ENVPY_KW_STR_NONE},
	{"version_table_pk", ENVPY_KW_BOOL}, {"transaction_per_migration", ENVPY_KW_BOOL},
	{"include_schemas", ENVPY_KW_BOOL},  {"render_as_batch", ENVPY_KW_BOOL},
	{"compare_type", ENVPY_KW_BOOL},     {"compare_server_default", ENVPY_KW_BOOL},
};
#define ENVPY_N_KEYWORDS (sizeof(envpy_keywords) / sizeof(envpy_keywords[0]))

/* A fresh ERR_INPUT error at path:line, in the arena (entries keep it). */
static struct err *envpy_err(struct arena *a, const char *path, int line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static struct err *envpy_err(struct arena *a, const char *path, int line, const char *fmt, ...)
{
	struct err *e = arena_alloc(a, sizeof(*e));
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = arena_vprintf(a, fmt, ap);
	va_end(ap);
	err_clear(e);
	err_at(e, ERR_INPUT, path, line, "%s", msg);
	return e;
}

/* text with the password of any "scheme://user:password@" in it replaced
 * by XXXXX (as url_mask): a why text may quote env.py's source. */
static const char *envpy_scrub(struct arena *a, const char *text)
{
	struct buf b = BUF_INIT;
	const char *p = text, *sep;
	char *out;

	while ((sep = strstr(p, "://")) != NULL) {
		const char *user = sep + 3, *end = user, *colon = NULL;

		while (*end && !strchr("@/ \t\"'", *end)) {
			if (*end == ':' && !colon)
				colon = end;
			end++;
		}
		buf_add(&b, p, (size_t)(user - p));
		p = user;
		if (*end == '@' && colon) {
			buf_add(&b, user, (size_t)(colon + 1 - user));
			buf_adds(&b, "XXXXX");
			p = end;
		}
	}
	buf_adds(&b, p);
	out = buf_to_arena(&b, a);
	buf_release(&b);
	return out;
}

/* The hint every "cannot be read" message ends with. */
static const char *envpy_hint(struct arena *a, const char *key)
{
	if (!strcmp(key, "sqlalchemy.url"))
		return "write it in alembic.ini instead (e.g. sqlalchemy.url = ${POSTGRES_URL} "
		       "reads the environment variable POSTGRES_URL) and remove it from env.py";
	return arena_printf(a,
			    "write it in alembic.ini instead (%s = ..., or %s = ${VAR} to read "
			    "the environment variable VAR) and remove it from env.py",
			    key, key);
}

/* config.set_main_option stores the value in Alembic's ConfigParser, whose
 * get_main_option interpolates it: "%%" is "%", a lone '%' fails. */
static const char *envpy_interpolate(struct arena *a, const struct config *c, const char *path,
				     const struct py_env_setting *s, const struct err **err)
{
	struct err *e = arena_alloc(a, sizeof(*e));
	const char *v;

	err_clear(e);
	v = ini_interpolate_value(a, c->ini, s->section ? s->section : c->section, s->key, s->value,
				  path, s->line, e);
	if (!v)
		*err = e;
	return v;
}

/* One config.set_main_option / set_section_option call as an entry. */
static void envpy_setting(struct arena *a, const struct config *c, const char *path,
			  const struct py_env_setting *s, const struct py_env_setting *bare,
			  struct config_env *out)
{
	memset(out, 0, sizeof(*out));
	out->key = str_lower(a, s->key); /* ConfigParser.optionxform */
	out->section = s->section && strcmp(s->section, c->section) ? s->section : NULL;
	out->origin = s->section ? "config.set_section_option" : "config.set_main_option";
	out->line = s->line;
	if (bare && bare->kind == PY_ENV_UNSET && bare->line == s->line &&
	    str_eq(bare->key, s->key))
		out->var = bare->var;
	switch (s->kind) {
	case PY_ENV_VALUE:
		out->value = envpy_interpolate(a, c, path, s, &out->err);
		break;
	case PY_ENV_UNSET:
		out->var = s->var;
		out->err =
			envpy_err(a, path, s->line,
				  "option '%s': environment variable %s is not set (Alembic would "
				  "pass None to %s and fail)",
				  s->key, s->var, out->origin);
		break;
	case PY_ENV_UNREADABLE:
		out->err = envpy_err(a, path, s->line,
				     "option '%s' cannot be read without running Python (%s); %s",
				     s->key, s->why ? envpy_scrub(a, s->why) : "an expression",
				     envpy_hint(a, s->key));
		break;
	}
}

/* A literal keyword value as an ini string, or NULL if it has the wrong kind. */
static const char *envpy_literal(struct arena *a, enum envpy_kwkind kind, const struct pyv *v)
{
	switch (kind) {
	case ENVPY_KW_BOOL:
		if (v->kind == PYV_BOOL)
			return v->b ? "true" : "false";
		if (v->kind == PYV_NONE)
			return "false";
		if (v->kind == PYV_INT)
			return v->i ? "true" : "false";
		return NULL;
	case ENVPY_KW_STR_NONE:
		if (v->kind == PYV_NONE)
			return "";
		/* fall through */
	case ENVPY_KW_STR:
		return v->kind == PYV_STR ? arena_strndup(a, v->s, v->len) : NULL;
	}
	return NULL;
}

/* The entry for one keyword of one context.configure call. */
static void envpy_keyword(struct arena *a, const char *path, size_t k,
			  const struct py_env_kwarg *kw, struct config_env *out)
{
	const char *key = envpy_keywords[k].key;

	memset(out, 0, sizeof(*out));
	out->key = key;
	out->origin = "context.configure";
	out->line = kw->line;
	out->value = kw->value ? envpy_literal(a, envpy_keywords[k].kind, kw->value) : NULL;
	if (out->value)
		return;
	if (kw->value)
		out->err = envpy_err(a, path, kw->line, "context.configure(%s=%s): expected %s",
				     key, kw->text ? envpy_scrub(a, kw->text) : "...",
				     envpy_keywords[k].kind == ENVPY_KW_BOOL  ? "True or False"
				     : envpy_keywords[k].kind == ENVPY_KW_STR ? "a string"
									      : "a string or None");
	else
		out->err = envpy_err(a, path, kw->line,
				     "context.configure(%s=%s): the value cannot be read without "
				     "running Python; %s",
				     key, kw->text ? envpy_scrub(a, kw->text) : "...",
				     envpy_hint(a, key));
}

/* Keyword k's entry in configure call cc, or NULL when cc does not pass it. */
static const struct py_env_kwarg *envpy_find_kw(const struct py_env_configure *cc, size_t k)
{
	const struct py_env_kwarg *found = NULL;

	for (size_t i = 0; i < cc->n_kw; i++)
		if (cc->kw[i].key && !strcmp(cc->kw[i].key, envpy_keywords[k].key))
			found = &cc->kw[i];
	return found;
}

/*
 * Keyword k over every configure call.  The template's two calls (offline
 * and online) must agree where both pass it, since which one Alembic runs
 * depends on --sql; a keyword only one call passes applies to both modes
 * (documented).  Returns false when no call passes it.
 */
static bool envpy_configure_key(struct arena *a, const char *path, const struct py_env_out *v,
				size_t k, struct config_env *out)
{
	const struct py_env_configure *first = NULL;

	for (size_t i = 0; i < v->n_configure; i++) {
		const struct py_env_kwarg *kw = envpy_find_kw(&v->configure[i], k);
		struct config_env this;

		if (!kw)
			continue;
		if (!first) {
			first = &v->configure[i];
			envpy_keyword(a, path, k, kw, out);
			continue;
		}
		envpy_keyword(a, path, k, kw, &this);
		if (out->err || this.err || !strcmp(this.value, out->value))
			continue; /* the first error stands; equal values agree */
		out->value = NULL;
		out->err = envpy_err(a, path, kw->line,
				     "context.configure sets %s differently in its calls (lines %d "
				     "and %d), so its value depends on which one runs; %s",
				     envpy_keywords[k].key, first->line, v->configure[i].line,
				     envpy_hint(a, envpy_keywords[k].key));
	}
	return first != NULL;
}

/* Entries grow one at a time; env.py files make a handful. */
static struct config_env *envpy_push(struct arena *a, struct config *c, size_t *cap)
{
	if (c->n_env == *cap) {
		size_t ncap = *cap ? *cap * 2 : 8;
		struct config_env *n = arena_calloc(a, ncap, sizeof(*n));
		if (c->n_env)
			memcpy(n, c->env, c->n_env * sizeof(*n));
		c->env = n;
		*cap = ncap;
	}
	return &c->env[c->n_env++];
}

int envpy_apply(struct arena *a, struct config *c, const char *path, const struct py_env_out *vals,
		const struct py_env_out *novars, struct err *e)
{
	size_t cap = 0;

	c->env_path = path;
	c->env = NULL;
	c->n_env = 0;
	for (size_t i = 0; i < vals->n_settings; i++) {
		const struct py_env_setting *bare =
			novars && i < novars->n_settings ? &novars->settings[i] : NULL;
		envpy_setting(a, c, path, &vals->settings[i], bare, envpy_push(a, c, &cap));
	}
	for (size_t k = 0; k < ENVPY_N_KEYWORDS; k++) {
		struct config_env ent;
		if (envpy_configure_key(a, path, vals, k, &ent))
			*envpy_push(a, c, &cap) = ent;
	}
	if (vals->target_metadata && strcmp(vals->target_metadata, "None")) {
		struct config_env *t = envpy_push(a, c, &cap);
		memset(t, 0, sizeof(*t));
		t->key = "target_metadata";
		t->value = vals->target_metadata;
		t->origin = "module-level assignment";
		t->line = vals->target_metadata_line;
	}
	return config_derive_env(a, c, e);
}
