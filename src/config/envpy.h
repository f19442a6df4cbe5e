/*
 * envpy.h - the settings an env.py makes, read natively (src/py's
 * py_env_read), never run: what Alembic's env.py would hand to Alembic for
 * every command that does not autogenerate.
 *
 * Taken from env.py (environment.py EnvironmentContext / config.py Config):
 *   - config.set_main_option(KEY, VALUE) and set_section_option(SECTION,
 *     KEY, VALUE) whose VALUE is a literal, os.getenv("X") / os.getenv("X",
 *     default) / os.environ["X"] / os.environ.get(...), -x arguments
 *     (context.get_x_argument), config.get_main_option(...), or a
 *     concatenation / f-string / % / .format of those;
 *   - the keyword arguments of context.configure(...) that are settings of
 *     ours (ini keys of the same names): version_table, version_table_schema,
 *     version_table_pk, transaction_per_migration, include_schemas,
 *     render_as_batch, compare_type, compare_server_default; other keywords
 *     (connection, url, target_metadata, literal_binds, dialect_opts, ...)
 *     are the template's plumbing and are ignored;
 *   - target_metadata = X (X's source text, e.g. "SQLModel.metadata";
 *     "None" is no metadata).
 * Precedence as in Alembic: env.py wins over alembic.ini; a configure
 * keyword wins over a set_main_option of the same key; within one kind the
 * last in source order wins.  Alembic's unmodified templates set nothing.
 *
 * Errors are deferred: they become the entry's err (and, for a key the
 * commands that connect need, config->env_err / url_err), so history,
 * heads, show ... work whatever env.py holds.  The texts:
 *   <env.py>:LINE: option 'KEY': environment variable X is not set
 *     (Alembic would pass None to set_main_option and fail);
 *   <env.py>:LINE: option 'KEY' is set from WHY, which cannot be read
 *     without running Python; write it in alembic.ini instead (KEY = ${VAR}
 *     reads an environment variable) and remove the call;
 *   <env.py>:LINE: context.configure(KEY=...) ... likewise;
 *   <env.py>:LINE: KEY is set to different values (lines A and B);
 *   <env.py>:LINE:COL: the parser's syntax error.
 */
#ifndef CONFIG_ENVPY_H
#define CONFIG_ENVPY_H

#include "base/arena.h"
#include "base/err.h"
#include "config/config.h"
#include "py/py.h"

/*
 * Reads <script_location>/env.py if it exists (nothing to do otherwise),
 * with c->x_args as the -x arguments and the process environment, and
 * applies it to c (envpy_apply).  Returns -1 only for what
 * config_derive_env rejects (a malformed value such as
 * transaction_per_migration = "maybe"); a file that cannot be read or
 * parsed is c->env_err.
 */
int envpy_read(struct arena *a, struct config *c, struct err *e);

/*
 * Fills c->env from py_env_read's result for env.py named path: vals read
 * with the real environment, novars (may be NULL) with every variable unset
 * (an entry that is PY_ENV_UNSET there names the variable its value comes
 * from).  Then config_derive_env().  Same return as envpy_read.
 */
int envpy_apply(struct arena *a, struct config *c, const char *path, const struct py_env_out *vals,
		const struct py_env_out *novars, struct err *e);

/*
 * Whether env.py's target_metadata (as c->env holds it) may carry a naming
 * convention we cannot read without Python (envpy_conv.c): NULL when it is
 * absent or None, or when neither env.py (env_abs) nor a project module it
 * imports (resolved on the prepend_sys_path directories, default ".",
 * followed through their imports) mentions naming_convention outside a
 * comment, and every name X's text starts with is bound in a project file
 * or by sqlalchemy/sqlmodel (traced through the imports that bind it);
 * else the reason, "<env.py>:LINE: target_metadata = X may carry a naming
 * convention (FILE:LINE mentions naming_convention)" or "... comes from
 * module 'M', which is not a file of the project ...".  A convention env.py
 * itself writes as a literal, target_metadata = MetaData(naming_convention=
 * {"pk": "pk_%(table_name)s", ...}) (or a module-level name bound to such a
 * dict), with string keys among ix/uq/ck/fk/pk and string templates, is
 * read into *naming (m: env.py parsed) and is no mention; *naming is NULL
 * otherwise.
 */
const char *envpy_convention(struct arena *a, const struct config *c, const char *env_abs,
			     const struct py_module *m, const struct sch_naming **naming);
#endif
