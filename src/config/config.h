/*
 * config.h - the effective Alembic configuration (alembic.ini main section).
 *
 * config_load() reads the ini like Alembic does (Python ConfigParser with
 * BasicInterpolation, %(here)s default, inline text after a value kept as part
 * of the value) plus our ${VAR} / ${VAR:-default} environment expansion, and
 * derives the settings below.  Settings Alembic keeps in env.py
 * (target_metadata, version_table, transaction_per_migration, ...) are keys of
 * the same names in the main section.  All strings live in the arena.
 *
 * Errors: ERR_COMMAND with Alembic's texts (missing file/section, missing
 * script_location, path doesn't exist); ERR_INPUT with file:line for a
 * malformed ini, a bad interpolation or a bad version_path_separator.
 *
 * Decisions where Alembic 1.8.1 crashes or surprises (each one documented at
 * the code that implements it):
 *   - a missing ini is reported by config_load() at once (Alembic: at the
 *     first key lookup, which every config-reading command makes) with
 *     Alembic's "No config file ..." text; an unreadable one is ERR_IO;
 *   - version_path_separator / path_separator drop a trailing "  # comment"
 *     (the 1.8.1 template's own line), as Alembic 1.14.1+ effectively does;
 *     a bad value is ERR_INPUT naming the allowed ones (Alembic: ValueError);
 *   - the legacy comma/space split drops empty items (Alembic keeps "",
 *     which abspath() turns into the current directory);
 *   - "package:dir" locations need Python: ERR_INPUT;
 *   - booleans: true/yes/on/1/t/y vs false/no/off/0/f/n and "" (false);
 *     anything else is ERR_INPUT with file:line (Alembic: ValueError);
 *   - %(here)s is inserted literally even when the directory holds '%'.
 */
#ifndef CONFIG_CONFIG_H
#define CONFIG_CONFIG_H

#include <stdbool.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/vec.h"

struct sch_naming; /* schema/schema.h */

struct ini; /* parsed ini file: see ini.h */

/*
 * One value env.py sets (read by src/config/envpy.c, never run): a
 * config.set_main_option / set_section_option call, a context.configure
 * keyword we know, or target_metadata.  What env.py sets wins over
 * alembic.ini, as in Alembic.
 */
struct config_env {
	const char *key;       /* the ini key it sets (configure keywords: the same name) */
	const char *section;   /* set_section_option's section; NULL for the main section */
	const char *value;     /* the value as an ini string (bools "true"/"false", None ""),
				NULL when err is set */
	const struct err *err; /* why the value cannot be known (an unset variable,
				  a value Python would compute, a conflict): ERR_INPUT at
				  env.py:line; NULL otherwise */
	const char *origin;    /* "config.set_main_option", "config.set_section_option",
				"context.configure" or "module-level assignment"
				(target_metadata) */
	const char *var;       /* the environment variable the value comes from, or NULL */
	int line;              /* 1-based line in env.py */
};

struct config {
	const char *ini_path;              /* path as given (-c / $ALEMBIC_CONFIG / alembic.ini) */
	const char *ini_abspath;           /* absolute path of the ini file */
	const char *here;                  /* directory of the ini file (%(here)s) */
	const char *section;               /* main section name (-n), default "alembic" */
	struct ini *ini;                   /* the parsed file, for `config` and other keys */
	struct strvec x_args;              /* -x key=value arguments, in order */
	const char *script_location;       /* absolute path (relative values resolved against
					      CWD, as Alembic) */
	struct strvec version_locations;   /* absolute paths in configured order; when not
					      configured: <script_location>/versions */
	bool version_locations_configured; /* version_locations key present */
	bool recursive_version_locations;  /* search version dirs recursively */
	const char *file_template;         /* interpolated, e.g. "%(rev)s_%(slug)s" */
	int truncate_slug_length;          /* default 40; 0 also means 40 */
	const char *timezone;              /* NULL = local time */
	const char *output_encoding;       /* default "utf-8" */
	bool revision_environment;         /* revision_environment key */
	bool sourceless;                   /* sourceless = true */
	const char *url;                   /* sqlalchemy.url after expansion; NULL if absent */
	const char *version_table;         /* default "alembic_version" */
	const char *version_table_schema;  /* NULL = default schema */
	bool version_table_pk;             /* default true */
	bool transaction_per_migration;    /* default false */
	long lock_timeout_ms;              /* migration lock wait, default 60000 */
	const char *revision_format;       /* "sql", "py", or NULL when absent
					      (script_default_format decides) */
	/* --- added after the first contract; all optional to read --- */
	const char *script_location_raw;    /* script_location as written (expanded),
					       e.g. "migrations" */
	const char *version_path_separator; /* effective separator keyword ("os", ";", "newline",
					      ...); NULL = legacy comma/space splitting */
	const char *target_metadata;        /* target_metadata key, stored only; NULL if absent */
	const struct err *url_err;          /* why the environment cannot be set up: url is
					       NULL because sqlalchemy.url does not expand (an
					       unset ${VAR}), or env.py sets a value the run needs
					       in a way that cannot be read (env_err); NULL
					       otherwise.  Only commands that connect (or print
					       --sql) fail with it. */
	/* --- env.py (envpy.h), filled by envpy_read(); empty when there is none --- */
	const char *env_path;      /* env.py as named in messages
					       ("<script_location as written>/env.py"); NULL
					       when no env.py was read */
	struct config_env *env;    /* what env.py sets, in source order (keywords of
					       context.configure after the set_*_option calls) */
	size_t n_env;              /* number of env entries */
	const struct err *env_err; /* env.py cannot be read (syntax error, I/O) or sets
					       a value the run needs unreadably; NULL otherwise */
	const struct sch_naming *naming_convention; /* env.py's literal convention
						       (envpy_convention); NULL: none read */
	const char *naming_convention_unknown;      /* why target_metadata may carry a naming
					       convention we cannot read (envpy_convention);
					       NULL: SQLAlchemy's default convention */
	bool include_schemas;                       /* context.configure / ini key; default false */
	bool render_as_batch;                       /* likewise (stored for autogenerate) */
	bool compare_type;                          /* likewise, default false in 1.8.1 */
	bool compare_server_default;                /* likewise, default false */
};

/*
 * Loads path (NULL: $ALEMBIC_CONFIG, else "alembic.ini") with main section
 * section (NULL: "alembic").  Does not check that script_location exists;
 * config_check_script_location() does, for commands that need it.
 */
int config_load(struct arena *a, const char *path, const char *section, struct config *out,
		struct err *e);

/*
 * Derives again the settings env.py may change (sqlalchemy.url, the
 * version table keys, transaction_per_migration, lock_timeout,
 * revision_format, target_metadata and the autogenerate flags) from c->env
 * over the ini: the last env entry of a key in the main section wins.  An
 * env entry with err makes c->env_err (the first one) and c->url_err.  The
 * keys ScriptDirectory reads (script_location, version_locations,
 * file_template, ...) keep the ini's values: Alembic builds the script
 * directory before env.py runs.  Called by envpy_read().
 */
int config_derive_env(struct arena *a, struct config *c, struct err *e);

/* The winning env.py entry for key of the main section, or NULL. */
const struct config_env *config_env_find(const struct config *c, const char *key);

/* ERR_COMMAND "Path doesn't exist: ..." unless script_location is a directory. */
int config_check_script_location(const struct config *c, struct err *e);

/* The ini path used when none is given: $ALEMBIC_CONFIG if set and not
 * empty, else "alembic.ini" (Alembic's -c default). */
const char *config_default_path(void);

/* Value of key in the main section after interpolation and ${VAR} expansion;
 * NULL if absent (e is untouched) or on error (e is set: check e->code). */
const char *config_get(struct arena *a, const struct config *c, const char *key, struct err *e);

/* One key of the main section as `alembic config` shows it. */
struct config_setting {
	const char *key;           /* lower-cased key */
	const char *raw;           /* value as written in the ini (continuation lines joined with
			      "\n"); NULL when only env.py sets the key */
	const char *value;         /* the effective value: env.py's if it sets the key, else the
			      ini's after interpolation and ${VAR} expansion; NULL if that
			      failed */
	const char *error;         /* why value is NULL (message without file:line), else NULL */
	const struct err *env_err; /* env.py's error when value is NULL because of it */
	int line;                  /* 1-based line of the key in the ini; 0 when not in the ini */
	bool is_default; /* inherited from [DEFAULT] (not overridden by the main section) */
	const struct config_env *env; /* the env.py entry that sets the value, or NULL */
	const char *vars;             /* environment variables the ini value reads (${VAR}),
			      ", "-joined; NULL if none */
};

/*
 * The main section's effective settings: its own keys in file order, then the
 * [DEFAULT] keys it does not override, in file order (the built-in "here" is
 * not listed), then the keys only env.py sets, in env.py's order.  A value
 * that cannot be expanded is reported per setting, so one bad key does not
 * hide the others.  *out lives in a.
 */
void config_settings(struct arena *a, const struct config *c, struct config_setting **out,
		     size_t *n);

/*
 * Sets key = value in section (NULL: "alembic") of the ini at ini_path (NULL:
 * config_default_path()), rewriting the file in place: every other byte
 * (comments, blank lines, order, line endings) is kept.  An existing key's
 * line keeps its "key = " prefix and loses its continuation lines (comment
 * lines among them stay); a new key is added after the last non-blank line
 * of the section (a comment block attached to the next [header] stays with
 * that header); a missing section is appended at the end.  '%' in value is
 * written "%%" so that the raw value reads back exactly as given ('$' is not
 * escaped: "${VAR}" can be set on purpose).  The file is replaced atomically
 * (through a symlink, the target is written).
 * Errors: ERR_USAGE for a key containing '=', ':', a line break or outer
 * white space, or starting with '[', '#', ';'; a value with a line break or
 * outer white space; ERR_COMMAND (Alembic's text) for a missing file;
 * ERR_INPUT for an ini that does not parse (nothing is written); ERR_IO.
 */
int config_set_value(struct arena *a, const char *ini_path, const char *section, const char *key,
		     const char *value, struct err *e);

/* config_set_value's rewrite of an ini held in memory (text, len bytes, read
 * from path: used in messages): *out (in a, NUL-terminated) is the new text
 * of *out_len bytes.  Same errors, no file access. */
int config_rewrite(struct arena *a, const char *path, const char *text, size_t len,
		   const char *section, const char *key, const char *value, char **out,
		   size_t *out_len, struct err *e);

#endif
