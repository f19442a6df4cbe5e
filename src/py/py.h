/*
 * py.h - the Python-subset front end: parse a module to an AST (ast.h),
 * read a revision's header from it, evaluate upgrade()/downgrade() to a
 * struct py_body (value.h), and read the settings an env.py makes.
 *
 * Pure: no I/O, no getenv.  Everything returned lives in the arena passed in.
 * Errors are ERR_INPUT with file, line and col (1-based byte column) set in
 * struct err, and a message in Python's wording where Python has one
 * ("invalid syntax", "unexpected indent", "unterminated string literal") or,
 * for a construct outside the subset the evaluator knows, the construct in
 * a user's words ("a query whose result is used (bind.execute(...).fetchall())
 * cannot run without Python").
 */
#ifndef PY_PY_H
#define PY_PY_H

#include <stdbool.h>
#include <stddef.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/vec.h"
#include "py/value.h"

struct py_module;    /* the parsed module: see ast.h */
struct py_inspector; /* live-database inspection: see inspect.h */

/*
 * Parses text[0..len) (text[len] must be '\0') as a Python module; file is
 * used in messages only.  Rejects NUL bytes and invalid UTF-8; a UTF-8 BOM
 * is skipped.  On success *out is the module (arena-owned) and 0 returned;
 * on a syntax error -1 with e set (ERR_INPUT, file:line:col).
 */
int py_parse_module(struct arena *a, const char *file, const char *text, size_t len,
		    struct py_module **out, struct err *e);

/* ---- revision headers (what script/read.c needs; Alembic's Script._from_filename) ---- */

enum py_hval_kind {
	PY_HVAL_ABSENT, /* never assigned at module level */
	PY_HVAL_NONE,   /* None */
	PY_HVAL_STR,    /* one string: items.v[0] */
	PY_HVAL_SEQ,    /* a tuple or list of strings (possibly empty) */
};

struct py_hval {
	enum py_hval_kind kind; /* what was assigned last */
	struct strvec items;    /* the string(s), decoded, in order */
	int line;               /* 1-based line of the assignment's value */
	int col;                /* 1-based byte column of the value */
};

/* A module-level def upgrade()/downgrade(). */
struct py_hdef {
	bool present;      /* defined at module level */
	int line;          /* line of "def" */
	bool is_decorated; /* has decorators */
	bool has_params;   /* declares parameters */
	const void *node;  /* the struct py_stmt of the def (ast.h) */
};

struct py_header {
	const char *doc;         /* module docstring (plain str literals), unstripped; or NULL */
	struct py_hval revision; /* revision = ... */
	struct py_hval down_revision; /* down_revision = ... */
	struct py_hval branch_labels; /* branch_labels = ... */
	struct py_hval depends_on;    /* depends_on = ... */
	struct py_hdef upgrade;       /* def upgrade() */
	struct py_hdef downgrade;     /* def downgrade() */
};

/*
 * The module-level docstring, the last module-level assignment (plain or
 * annotated, statement order) of each of the four variables, and the two
 * defs.  Values must be None, a str (implicit concatenation included) or a
 * tuple/list of str; anything else is ERR_INPUT "<name>: only string
 * literals, None, and tuples or lists of strings can be read" at the first
 * offending token.  Statements nested in blocks (if, class) are not looked at.
 */
int py_module_header(struct arena *a, const struct py_module *m, struct py_header *out,
		     struct err *e);

/*
 * The value of a third-party module's fixed str constant named by its dotted
 * name (e.g. "neutron.db.migration.cli.CONTRACT_BRANCH"), or NULL if it is not
 * one of those known.  Shared by the header reader and the evaluator.
 */
const char *py_known_str_const(const char *dotted);

/* ---- evaluating upgrade() / downgrade() ---- */

struct py_eval_ctx {
	const char *file;          /* for messages (normally the module's own file) */
	const char *dialect;       /* "sqlite", "postgresql", "mysql", "mariadb", "mssql", ... */
	bool as_sql;               /* offline (--sql): context.is_offline_mode() is True */
	const char *const *x_args; /* -x arguments as given ("key=value" or "key") */
	size_t n_x_args;           /* their number */
	/* sa.inspect(bind)'s answers (inspect.h); NULL: refused (offline: Alembic fails too) */
	const struct py_inspector *inspector;
	const char *dialect_description; /* bind.dialect.dialect_description from the URL
					    ("postgresql+psycopg2"); NULL: refused */
};

/*
 * Evaluates module m's function name ("upgrade"/"downgrade") for ctx's
 * dialect: module-level statements first (imports, constants, helper defs),
 * then the function's body.  Fills *out with the operations in execution
 * order.  A function that raises yields out->irreversible (not an error).
 * A missing function is an empty body.  Anything outside the subset is
 * ERR_INPUT with file:line:col naming the construct; nothing is partial:
 * on error *out is empty but for out->inspects and out->inspect_answered.
 */
int py_eval_function(struct arena *a, const struct py_module *m, const char *name,
		     const struct py_eval_ctx *ctx, struct py_body *out, struct err *e);

/* ---- reading env.py (never running it) ---- */

struct py_env_in {
	const char *file; /* env.py's path, for messages */
	/* Looks up an environment variable: its value, or NULL when unset. */
	const char *(*getenv)(void *ctx, const char *name);
	void *getenv_ctx; /* passed to getenv */
	/* Looks up alembic.ini's main-section value for config.get_main_option: NULL if absent. */
	const char *(*main_option)(void *ctx, const char *key);
	void *main_option_ctx;     /* passed to main_option */
	const char *const *x_args; /* -x arguments as given ("key=value" or "key") */
	size_t n_x_args;           /* their number */
};

enum py_env_vkind {
	PY_ENV_VALUE,      /* value is the string */
	PY_ENV_UNSET,      /* an environment variable it needs is unset: var names it */
	PY_ENV_UNREADABLE, /* cannot be known without Python: why says what */
};

/* One config.set_main_option(key, value) / config.set_section_option(section, key, value). */
struct py_env_setting {
	const char *section;    /* NULL for set_main_option */
	const char *key;        /* option name */
	enum py_env_vkind kind; /* which of value / var / why */
	const char *value;      /* PY_ENV_VALUE: the value */
	const char *var;        /* PY_ENV_UNSET: the variable's name */
	const char *why;        /* PY_ENV_UNREADABLE: e.g. "a call of get_url()" */
	const char *function;   /* enclosing function name, NULL at module level */
	int line;               /* 1-based line of the call */
	int col;                /* 1-based column of the value (of the call if no value) */
};

/* One keyword argument of a context.configure(...) call. */
struct py_env_kwarg {
	const char *key;         /* keyword */
	const struct pyv *value; /* its value when literal (PYV_STR/BOOL/INT/NONE/...), else NULL */
	const char *text;        /* the argument's source text, e.g. "target_metadata" */
	int line;                /* 1-based line of the keyword */
	int col;                 /* its column */
};

/* One context.configure(...) call. */
struct py_env_configure {
	const char *function;          /* enclosing function ("run_migrations_online"), or NULL */
	const struct py_env_kwarg *kw; /* keyword arguments in written order */
	size_t n_kw;                   /* their number */
	int line;                      /* line of the call */
};

struct py_env_out {
	struct py_env_setting *settings;    /* in source order (the last of a key wins) */
	size_t n_settings;                  /* their number */
	struct py_env_configure *configure; /* context.configure calls in source order */
	size_t n_configure;                 /* their number */
	const char *target_metadata;        /* "target_metadata = X": X's source text, or NULL */
	int target_metadata_line;           /* its line (0 when not assigned) */
};

/*
 * Reads env.py module m: every config.set_main_option / set_section_option
 * and context.configure call at module level and in module-level functions
 * (statement order; branches of if/else both read), each value evaluated
 * from literals, os.getenv / os.environ, concatenation, f-strings, %, .format,
 * config.get_main_option, context.get_x_argument and module-level names
 * bound to those.  Application imports are ignored.  Errors only for what
 * cannot be parsed; a value that cannot be read is PY_ENV_UNREADABLE.
 */
int py_env_read(struct arena *a, const struct py_module *m, const struct py_env_in *in,
		struct py_env_out *out, struct err *e);

#endif
