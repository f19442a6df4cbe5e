/*
 * known.c - the one table of names the evaluator knows (as git's commands[]
 * table: one const row per name, looked up by the evaluator for every
 * attribute of and call on a known name), the canonical spelling of names
 * (value.h's rules), and the handlers of the special ones: op.get_bind(),
 * op.get_context(), the dialect name, context.get_x_argument(),
 * bind.execute(), os.getenv / os.environ (env.py only), json.dumps, and
 * the few third-party names whose meaning is fixed (oslo.db's String and
 * SoftDeleteInteger, neutron-lib's db constants, SQLAlchemy-Utils' UUIDType).
 */
#include "py/eval_int.h"

#include "base/buf.h"
#include "base/str.h"

enum kn_kind {
	KN_VALUE,  /* calls become PYV_CALL, attributes PYV_REF (sa.Column, sa.func.now) */
	KN_OP,     /* an operation: a call appends a struct py_op, its value the call */
	KN_FN,     /* a call is computed by fn */
	KN_ATTR,   /* the attribute itself is computed by fn (dialect.name) */
	KN_REFUSE, /* any use is refused: msg, with %s the name as the user wrote it */
};

typedef const struct pyv *(*kn_fn)(struct ev *ev, const struct py_expr *x, const struct pyv *fn,
				   const struct ev_args *args);

struct known {
	const char *name;  /* canonical name; a trailing '.' makes it a prefix */
	enum kn_kind kind; /* what a use of it does */
	kn_fn fn;          /* KN_FN / KN_ATTR handler */
	const char *msg;   /* KN_REFUSE message */
};

static const char no_python[] = "%s cannot be evaluated without Python";
static const char query_used[] = "a query whose result is used (%s) cannot run without Python";

/* ---- canonical names ---- */

/* Modules whose names are kept as written (the rewrites below are for their members). */
static const char *const kept_modules[] = {
	"sqlalchemy.sql",
	"sqlalchemy.sql.expression",
	"sqlalchemy.sql.sqltypes",
	"sqlalchemy.sql.schema",
	"sqlalchemy.sql.functions",
	"sqlalchemy.sql.elements",
	"sqlalchemy.types",
	"sqlalchemy.schema",
	"sqlalchemy.dialects",
	"sqlalchemy.engine",
	"sqlalchemy.orm",
	"sqlalchemy.ext",
	"sqlmodel.sql",
	"sqlmodel.sql.sqltypes",
	NULL,
};

static const struct {
	const char *from; /* prefix as written */
	const char *to;   /* canonical prefix */
} rewrites[] = {
	{"sqlalchemy.sql.functions.", "sqlalchemy.func."},
	{"sqlalchemy.sql.func.", "sqlalchemy.func."},
	{"sqlalchemy.sql.func", "sqlalchemy.func"},
	{"sqlalchemy.sql.expression.", "sqlalchemy."},
	{"sqlalchemy.sql.sqltypes.", "sqlalchemy."},
	{"sqlalchemy.sql.schema.", "sqlalchemy."},
	{"sqlalchemy.sql.elements.", "sqlalchemy."},
	{"sqlalchemy.sql.", "sqlalchemy."},
	{"sqlalchemy.types.", "sqlalchemy."},
	{"sqlalchemy.schema.", "sqlalchemy."},
	{"sqlmodel.AutoString", "sqlmodel.sql.sqltypes.AutoString"},
	{"sqlmodel.GUID", "sqlmodel.sql.sqltypes.GUID"},
	{"alembic.op.", "alembic.op."},
};

/* sqlmodel re-exports SQLAlchemy's names; these are its own. */
static bool sqlmodel_own(const char *rest)
{
	static const char *const own[] = {"sql",          "SQLModel", "Session",       "Field",
					  "Relationship", "select",   "create_engine", NULL};

	for (int k = 0; own[k]; k++)
		if (!strcmp(rest, own[k]) ||
		    (str_startswith(rest, own[k]) && rest[strlen(own[k])] == '.'))
			return true;
	return false;
}

const char *known_canon(struct ev *ev, const char *name)
{
	for (int k = 0; kept_modules[k]; k++)
		if (!strcmp(name, kept_modules[k]))
			return name;
	for (size_t k = 0; k < sizeof(rewrites) / sizeof(rewrites[0]); k++) {
		size_t n = strlen(rewrites[k].from);
		if (!strncmp(name, rewrites[k].from, n) &&
		    (rewrites[k].from[n - 1] == '.' || name[n] == '\0' || name[n] == '.'))
			return arena_printf(ev->a, "%s%s", rewrites[k].to, name + n);
	}
	if (str_startswith(name, "sqlmodel.") && !sqlmodel_own(name + 9))
		return arena_printf(ev->a, "sqlalchemy.%s", name + 9);
	return name;
}

bool known_module(const char *module)
{
	static const char *const roots[] = {
		"alembic", "sqlalchemy", "sqlmodel", "datetime", "decimal", "uuid", "json",
		"typing", "typing_extensions", "os", "enum", "warnings",
		/* the OpenStack libraries' pieces below (third-party) */
		"oslo_db.sqlalchemy.types", "neutron_lib.db.constants", "sqlalchemy_utils", NULL};

	for (int k = 0; roots[k]; k++) {
		size_t n = strlen(roots[k]);
		if (!strncmp(module, roots[k], n) && (module[n] == '\0' || module[n] == '.'))
			return true;
	}
	return false;
}

bool known_stdlib(const char *module)
{
	static const char *const names[] = {
		"abc",        "argparse",    "base64",    "collections", "contextlib", "copy",
		"csv",        "dataclasses", "functools", "glob",        "hashlib",    "importlib",
		"inspect",    "io",          "itertools", "logging",     "math",       "os",
		"pathlib",    "pickle",      "random",    "re",          "secrets",    "string",
		"subprocess", "sys",         "textwrap",  "time",        "traceback",  "warnings",
		"zlib",       NULL};
	size_t n = strcspn(module, ".");

	for (int k = 0; names[k]; k++)
		if (strlen(names[k]) == n && !strncmp(module, names[k], n))
			return true;
	return false;
}

bool known_third_party(const char *module)
{
	static const char *const names[] = {"sqlalchemy_utils",
					    "geoalchemy2",
					    "alembic_utils",
					    "pgvector",
					    "sqlalchemy_utc",
					    "sqlalchemy_json",
					    "sqlalchemy_jsonfield",
					    "fastapi_users_db_sqlalchemy",
					    "oslo_db",
					    "oslo_log",
					    "oslo_utils",
					    "oslo_config",
					    "neutron_lib",
					    "flask_sqlalchemy",
					    "sqlalchemy_continuum",
					    "citext",
					    NULL};
	size_t n = strcspn(module, ".");

	for (int k = 0; names[k]; k++)
		if (strlen(names[k]) == n && !strncmp(module, names[k], n))
			return true;
	return false;
}

/* The name as the user wrote it, near enough: "op.foo", "sa.orm.Session". */
static const char *display(struct ev *ev, const char *name)
{
	static const char *const handles[][2] = {
		{"alembic.bind.", "bind."},
		{"alembic.dialect.", "bind.dialect."},
		{"alembic.engine.", "bind.engine."},
		{"alembic.migration_context.", "op.get_context()."},
		{"alembic.config.", "config."},
		{"alembic.inspector.", "inspector."},
	};

	for (size_t k = 0; k < sizeof(handles) / sizeof(handles[0]); k++)
		if (str_startswith(name, handles[k][0]))
			return arena_printf(ev->a, "%s%s", handles[k][1],
					    name + strlen(handles[k][0]));
	if (str_startswith(name, "alembic."))
		return name + 8;
	if (str_startswith(name, "sqlalchemy."))
		return arena_printf(ev->a, "sa.%s", name + 11);
	if (str_startswith(name, "builtins."))
		return name + 9;
	return name;
}

/* msg with its one "%s" replaced by name (messages of the table are data, not formats). */
static const char *subst(struct ev *ev, const char *msg, const char *name)
{
	const char *p = strstr(msg, "%s");

	if (!p)
		return msg;
	return arena_printf(ev->a, "%.*s%s%s", (int)(p - msg), msg, name, p + 2);
}

/* ---- handlers ---- */

static const char *dialect(const struct ev *ev)
{
	return ev->ctx && ev->ctx->dialect ? ev->ctx->dialect : "default";
}

static const struct pyv *h_dialect_name(struct ev *ev, const struct py_expr *x,
					const struct pyv *fn, const struct ev_args *args)
{
	(void)fn;
	(void)args;
	if (ev->env)
		return ev_fail_at(ev, x, "the dialect name is not known while reading env.py");
	return ev_str(ev, dialect(ev), strlen(dialect(ev)), x);
}

/* dialect.dialect_description: "<dialect>+<DBAPI driver>", known from the URL. */
static const struct pyv *h_dialect_description(struct ev *ev, const struct py_expr *x,
					       const struct pyv *fn, const struct ev_args *args)
{
	const char *d = ev->ctx ? ev->ctx->dialect_description : NULL;

	(void)fn;
	(void)args;
	if (ev->env || !d)
		return ev_fail_at(ev, x,
				  "%s is only known with the database URL; it cannot be "
				  "evaluated here",
				  "dialect.dialect_description");
	return ev_str(ev, d, strlen(d), x);
}

static const struct pyv *h_ref(struct ev *ev, const struct py_expr *x, const char *name)
{
	return ev_ref(ev, name, x);
}

static const struct pyv *h_bind(struct ev *ev, const struct py_expr *x, const struct pyv *fn,
				const struct ev_args *args)
{
	(void)fn;
	(void)args;
	return h_ref(ev, x, "alembic.bind");
}

static const struct pyv *h_dialect(struct ev *ev, const struct py_expr *x, const struct pyv *fn,
				   const struct ev_args *args)
{
	(void)fn;
	(void)args;
	return h_ref(ev, x, "alembic.dialect");
}

static const struct pyv *h_engine(struct ev *ev, const struct py_expr *x, const struct pyv *fn,
				  const struct ev_args *args)
{
	(void)fn;
	(void)args;
	return h_ref(ev, x, "alembic.engine");
}

static const struct pyv *h_migration_context(struct ev *ev, const struct py_expr *x,
					     const struct pyv *fn, const struct ev_args *args)
{
	(void)fn;
	(void)args;
	return h_ref(ev, x, "alembic.migration_context");
}

static const struct pyv *h_config(struct ev *ev, const struct py_expr *x, const struct pyv *fn,
				  const struct ev_args *args)
{
	(void)fn;
	(void)args;
	return h_ref(ev, x, "alembic.config");
}

static const struct pyv *h_as_sql(struct ev *ev, const struct py_expr *x, const struct pyv *fn,
				  const struct ev_args *args)
{
	(void)fn;
	(void)args;
	if (ev->env)
		return ev_fail_at(ev, x,
				  "whether the run is offline is not known while reading "
				  "env.py");
	return ev_bool(ev, ev->ctx && ev->ctx->as_sql, x);
}

/* A call usable only as a with statement's context expression: its PYV_CALL. */
/* warnings.catch_warnings(): a 'with' block that only scopes the warning
 * filters set inside it; what runs in it is not changed.  record=True hands
 * out the warnings themselves, which only Python has. */
static const struct pyv *h_catch_warnings(struct ev *ev, const struct py_expr *x,
					  const struct pyv *fn, const struct ev_args *args)
{
	struct pyv *v;

	for (size_t k = 0; k < args->n_kw; k++)
		if (!strcmp(args->kw[k].key, "record") && lit_truth(ev, args->kw[k].val, x) != 0)
			return ev_fail_at(ev, x,
					  "warnings.catch_warnings(record=True) collects "
					  "Python's warnings; it cannot be evaluated without "
					  "Python");
	if (ev->with_expr != x)
		return ev_fail_at(ev, x,
				  "warnings.catch_warnings() is only known as 'with "
				  "warnings.catch_warnings():'");
	v = ev_new(ev, PYV_CALL, x);
	v->name = fn->name;
	return v;
}

/* warnings.simplefilter / filterwarnings: which Python warnings are shown;
 * nothing a migration runs depends on them. */
static const struct pyv *h_warning_filter(struct ev *ev, const struct py_expr *x,
					  const struct pyv *fn, const struct ev_args *args)
{
	(void)fn;
	(void)args;
	return ev_new(ev, PYV_NONE, x);
}

static const struct pyv *h_with_only(struct ev *ev, const struct py_expr *x, const struct pyv *fn,
				     const struct ev_args *args)
{
	struct pyv *v;
	bool batch = str_endswith(fn->name, "batch_alter_table");

	if (ev->with_expr != x)
		return ev_fail_at(ev, x, "%s(...) is only usable as 'with %s(...)%s:'",
				  batch ? "op.batch_alter_table" : "autocommit_block",
				  batch ? "op.batch_alter_table"
					: "op.get_context().autocommit_block",
				  batch ? " as batch_op" : "");
	v = ev_new(ev, PYV_CALL, x);
	v->name = batch ? "alembic.op.batch_alter_table" : "alembic.op.autocommit_block";
	v->items = args->pos;
	v->n = args->n_pos;
	v->kw = args->kw;
	v->n_kw = args->n_kw;
	return v;
}

/* context.get_x_argument(as_dictionary=False): -x values as a list, or a dict split at '='. */
static const struct pyv *h_x_argument(struct ev *ev, const struct py_expr *x, const struct pyv *fn,
				      const struct ev_args *args)
{
	const char *const *xv = ev->env ? ev->env->x_args : ev->ctx ? ev->ctx->x_args : NULL;
	size_t n = ev->env ? ev->env->n_x_args : ev->ctx ? ev->ctx->n_x_args : 0;
	const struct pyv *asd = args->n_pos ? args->pos[0] : NULL;
	const struct pyv **items = arena_calloc(ev->a, n + 1, sizeof(*items));
	const struct pyv **keys = arena_calloc(ev->a, n + 1, sizeof(*keys));
	struct pyv *d;

	(void)fn;
	for (size_t k = 0; k < args->n_kw; k++)
		if (!strcmp(args->kw[k].key, "as_dictionary"))
			asd = args->kw[k].val;
	if (!asd || (asd->kind == PYV_BOOL && !asd->b)) {
		for (size_t k = 0; k < n; k++)
			items[k] = ev_str(ev, xv[k], strlen(xv[k]), x);
		return lit_seq(ev, PYV_LIST, items, n, x);
	}
	d = ev_new(ev, PYV_DICT, x);
	for (size_t k = 0; k < n; k++) {
		const char *eq = strchr(xv[k], '=');
		size_t j;
		const struct pyv *key;
		if (!eq)
			return ev_fail_at(ev, x,
					  "ValueError: dictionary update sequence element #%zu "
					  "has length 1; 2 is required (-x %s has no '=')",
					  k, xv[k]);
		key = ev_str(ev, xv[k], (size_t)(eq - xv[k]), x);
		for (j = 0; j < d->n && !lit_equal(keys[j], key); j++)
			;
		keys[j] = key;
		items[j] = ev_str(ev, eq + 1, strlen(eq + 1), x);
		if (j == d->n)
			d->n++;
	}
	d->keys = keys;
	d->items = items;
	return d;
}

/* bind.execute(...): an operation whose result is a handle that must not be used. */
static const struct pyv *h_bind_execute(struct ev *ev, const struct py_expr *x,
					const struct pyv *fn, const struct ev_args *args)
{
	struct pyv *c = ev_new(ev, PYV_CALL, x);

	c->name = "alembic.bind.execute";
	c->items = args->pos;
	c->n = args->n_pos;
	c->kw = args->kw;
	c->n_kw = args->n_kw;
	(void)fn;
	if (ev_push_op(ev, x, c, NULL, 0))
		return NULL;
	return h_ref(ev, x, "alembic.result");
}

static const struct pyv *str_arg(struct ev *ev, const struct py_expr *x, const struct ev_args *args,
				 size_t k, const char *what)
{
	if (args->n_pos <= k || args->pos[k]->kind != PYV_STR)
		return ev_fail_at(ev, x, "%s takes a string argument here", what);
	return args->pos[k];
}

/* os.getenv("X"[, default]) / os.environ.get(...): env.py only. */
static const struct pyv *h_getenv(struct ev *ev, const struct py_expr *x, const struct pyv *fn,
				  const struct ev_args *args)
{
	const struct pyv *name = str_arg(ev, x, args, 0, display(ev, fn->name));
	const char *val;
	struct pyv *none;

	if (!name)
		return NULL;
	if (!ev->env)
		return ev_fail_at(ev, x,
				  "reading the environment (%s) in a revision cannot be "
				  "evaluated without Python",
				  display(ev, fn->name));
	val = ev->env->getenv ? ev->env->getenv(ev->env->getenv_ctx, name->s) : NULL;
	if (val)
		return ev_str(ev, val, strlen(val), x);
	if (args->n_pos > 1)
		return args->pos[1];
	for (size_t k = 0; k < args->n_kw; k++)
		if (!strcmp(args->kw[k].key, "default"))
			return args->kw[k].val;
	none = ev_new(ev, PYV_NONE, x);
	none->unset_var = name->s;
	return none;
}

static const struct pyv *h_main_option(struct ev *ev, const struct py_expr *x, const struct pyv *fn,
				       const struct ev_args *args)
{
	const struct pyv *key = str_arg(ev, x, args, 0, "config.get_main_option");
	const char *val;

	(void)fn;
	if (!key)
		return NULL;
	if (!ev->env)
		return ev_fail_at(ev, x,
				  "config.get_main_option in a revision cannot be evaluated "
				  "without Python");
	val = ev->env->main_option ? ev->env->main_option(ev->env->main_option_ctx, key->s) : NULL;
	for (size_t k = 0; ev->env_out && k < ev->env_out->n_settings; k++) {
		const struct py_env_setting *st = &ev->env_out->settings[k];
		if (!st->section && st->kind == PY_ENV_VALUE && !strcmp(st->key, key->s))
			val = st->value; /* env.py's own set_main_option came first */
	}
	if (val)
		return ev_str(ev, val, strlen(val), x);
	return args->n_pos > 1 ? args->pos[1] : ev_new(ev, PYV_NONE, x);
}

/* Calls py_env_read records (config.set_main_option, context.configure): in a
 * revision they need the environment's objects. */
static const struct pyv *h_env_only(struct ev *ev, const struct py_expr *x, const struct pyv *fn,
				    const struct ev_args *args)
{
	(void)args;
	if (ev->env)
		return ev_new(ev, PYV_NONE, x);
	return ev_fail_at(ev, x, "%s in a revision cannot be evaluated without Python",
			  display(ev, fn->name));
}

static const struct pyv *h_json_dumps(struct ev *ev, const struct py_expr *x, const struct pyv *fn,
				      const struct ev_args *args)
{
	(void)fn;
	return lit_builtin(ev, x, "json.dumps", args);
}

static const struct pyv *h_builtin(struct ev *ev, const struct py_expr *x, const struct pyv *fn,
				   const struct ev_args *args)
{
	return lit_builtin(ev, x, fn->name + 9, args);
}

/* ---- third-party names whose meaning is fixed (Debian 12's packages:
 * python3-oslo.db 12.1.0, python3-neutron-lib 3.1.0; recorded through the
 * oracle in tests/cases/ddl_thirdparty.txt) ---- */

/* oslo_db.sqlalchemy.types.String(length, mysql_ndb_length=None,
 * mysql_ndb_type=None, **kw): sa.String(length, **kw); the mysql_ndb_*
 * options only change MySQL NDB Cluster's DDL (oslo.db's ndb_status(),
 * off unless oslo.db's engine facade enables it). */
static const struct pyv *h_oslo_string(struct ev *ev, const struct py_expr *x, const struct pyv *fn,
				       const struct ev_args *args)
{
	struct ev_args sa = {args->pos, args->n_pos > 0 ? 1 : 0, NULL, 0};
	bool length = args->n_pos > 0;

	(void)fn;
	if (args->n_pos > 3)
		return ev_fail_at(ev, x,
				  "TypeError: __init__() takes from 2 to 4 positional "
				  "arguments but %zu were given",
				  args->n_pos + 1);
	sa.kw = arena_calloc(ev->a, args->n_kw + 1, sizeof(*sa.kw));
	for (size_t k = 0; k < args->n_kw; k++) {
		const char *key = args->kw[k].key;
		if (!key || !strcmp(key, "mysql_ndb_length") || !strcmp(key, "mysql_ndb_type"))
			continue;
		length |= !strcmp(key, "length");
		sa.kw[sa.n_kw++] = args->kw[k];
	}
	if (!length)
		return ev_fail_at(ev, x,
				  "TypeError: __init__() missing 1 required positional "
				  "argument: 'length'");
	return known_value_call(ev, x, "sqlalchemy.String", &sa);
}

/* oslo_db.sqlalchemy.types.SoftDeleteInteger(): a TypeDecorator over
 * sa.Integer (its DDL is Integer's). */
static const struct pyv *h_oslo_soft_delete(struct ev *ev, const struct py_expr *x,
					    const struct pyv *fn, const struct ev_args *args)
{
	(void)fn;
	if (args->n_pos || args->n_kw)
		return ev_fail_at(ev, x, "TypeError: Integer() takes no arguments");
	return known_value_call(ev, x, "sqlalchemy.Integer", args);
}

/* A bool argument of a call (position pos or keyword key), dflt when not given; -1 with e
 * set when it is not a literal bool. */
static int bool_arg(struct ev *ev, const struct py_expr *x, const struct ev_args *args, size_t pos,
		    const char *key, bool dflt)
{
	const struct pyv *v = pos < args->n_pos ? args->pos[pos] : NULL;

	for (size_t k = 0; !v && k < args->n_kw; k++)
		if (args->kw[k].key && !strcmp(args->kw[k].key, key))
			v = args->kw[k].val;
	if (!v)
		return dflt;
	if (v->kind != PYV_BOOL)
		return ev_fail_at(ev, x, "UUIDType(%s=...) takes True or False here", key), -1;
	return v->b;
}

/* sqlalchemy_utils.UUIDType(binary=True, native=True) (SQLAlchemy-Utils
 * 0.38, Debian 12's python3-sqlalchemy-utils): a TypeDecorator whose
 * load_dialect_impl is postgresql.UUID() on PostgreSQL (native), else
 * BINARY(16) (binary) or CHAR(32); MSSQL's native UNIQUEIDENTIFIER is not
 * a type the DDL compiler has. */
static const struct pyv *h_sau_uuid(struct ev *ev, const struct py_expr *x, const struct pyv *fn,
				    const struct ev_args *args)
{
	const char *d = ev->ctx ? ev->ctx->dialect : NULL;
	int binary = bool_arg(ev, x, args, 0, "binary", true);
	int native = binary < 0 ? -1 : bool_arg(ev, x, args, 1, "native", true);
	struct ev_args none = {0};
	const struct pyv **len = arena_calloc(ev->a, 1, sizeof(*len));
	struct ev_args sized = {len, 1, NULL, 0};

	(void)fn;
	if (native < 0)
		return NULL;
	for (size_t k = 0; k < args->n_kw; k++)
		if (!args->kw[k].key ||
		    (strcmp(args->kw[k].key, "binary") && strcmp(args->kw[k].key, "native")))
			return ev_fail_at(ev, x,
					  "TypeError: __init__() got an unexpected keyword "
					  "argument '%s'",
					  args->kw[k].key ? args->kw[k].key : "**");
	if (args->n_pos > 2)
		return ev_fail_at(ev, x,
				  "TypeError: __init__() takes from 1 to 3 positional "
				  "arguments but %zu were given",
				  args->n_pos + 1);
	if (!d)
		return ev_fail_at(ev, x,
				  "UUIDType's type depends on the dialect; it is not known "
				  "while reading env.py");
	if (native && !strcmp(d, "postgresql"))
		return known_value_call(ev, x, "sqlalchemy.dialects.postgresql.UUID", &none);
	if (native && !strcmp(d, "mssql"))
		return ev_fail_at(ev, x,
				  "UUIDType on MSSQL (UNIQUEIDENTIFIER) cannot be compiled "
				  "natively");
	len[0] = ev_int(ev, binary ? 16 : 32, x);
	return known_value_call(ev, x, binary ? "sqlalchemy.BINARY" : "sqlalchemy.CHAR", &sized);
}

/*
 * The str constants of third-party modules whose value is fixed, as Debian 12
 * ships them (dotted name -> value): neutron-lib 3.1.0
 * neutron_lib/db/constants.py, neutron 21.0.0 neutron/db/migration/cli.py:60-61
 * (the branch labels its plugins' revisions import).
 */
const char *py_known_str_const(const char *dotted)
{
	static const struct {
		const char *name, *s;
	} strs[] = {
		{"neutron_lib.db.constants.EXPAND_BRANCH", "expand"},
		{"neutron_lib.db.constants.CONTRACT_BRANCH", "contract"},
		{"neutron.db.migration.cli.EXPAND_BRANCH", "expand"},
		{"neutron.db.migration.cli.CONTRACT_BRANCH", "contract"},
	};

	for (size_t k = 0; k < sizeof(strs) / sizeof(strs[0]); k++)
		if (!strcmp(dotted, strs[k].name))
			return strs[k].s;
	return NULL;
}

/* neutron_lib.db.constants.<NAME>: the module's constants. */
static const struct pyv *h_neutron_db_const(struct ev *ev, const struct py_expr *x,
					    const struct pyv *fn, const struct ev_args *args)
{
	static const struct {
		const char *name;
		long long i;
	} consts[] = {
		{"NAME_FIELD_SIZE", 255},          {"LONG_DESCRIPTION_FIELD_SIZE", 1024},
		{"DESCRIPTION_FIELD_SIZE", 255},   {"PROJECT_ID_FIELD_SIZE", 255},
		{"DEVICE_ID_FIELD_SIZE", 255},     {"DEVICE_OWNER_FIELD_SIZE", 255},
		{"UUID_FIELD_SIZE", 36},           {"STATUS_FIELD_SIZE", 16},
		{"IP_ADDR_FIELD_SIZE", 64},        {"MAC_ADDR_FIELD_SIZE", 32},
		{"RESOURCE_TYPE_FIELD_SIZE", 255}, {"FQDN_FIELD_SIZE", 255},
		{"AZ_HINTS_DB_LEN", 255},          {"DB_INTEGER_MAX_VALUE", 2147483647},
	};
	const char *str;

	(void)fn;
	(void)args;
	for (size_t k = 0; x->kind == PYE_ATTR && k < sizeof(consts) / sizeof(consts[0]); k++)
		if (!strcmp(x->s, consts[k].name))
			return ev_int(ev, consts[k].i, x);
	if (x->kind == PYE_ATTR &&
	    (str = py_known_str_const(arena_printf(ev->a, "neutron_lib.db.constants.%s", x->s))))
		return ev_str(ev, str, strlen(str), x);
	return ev_fail_at(ev, x,
			  "AttributeError: module 'neutron_lib.db.constants' has no "
			  "attribute '%s'",
			  x->kind == PYE_ATTR ? x->s : "?");
}

/* ---- the table ---- */

/* clang-format off */
#define OP(n) {"alembic.op." n, KN_OP, NULL, NULL}, {"alembic.batch_op." n, KN_OP, NULL, NULL}
/* clang-format on */
static const struct known known[] = {
	/* alembic.op: every operation of Operations (alembic/operations/ops.py) */
	OP("add_column"),
	OP("alter_column"),
	OP("bulk_insert"),
	OP("create_check_constraint"),
	OP("create_exclude_constraint"),
	OP("create_foreign_key"),
	OP("create_index"),
	OP("create_primary_key"),
	OP("create_table"),
	OP("create_table_comment"),
	OP("create_unique_constraint"),
	OP("drop_column"),
	OP("drop_constraint"),
	OP("drop_index"),
	OP("drop_table"),
	OP("drop_table_comment"),
	OP("execute"),
	OP("rename_table"),
	{"alembic.op.f", KN_VALUE, NULL, NULL},
	{"alembic.op.inline_literal", KN_VALUE, NULL, NULL},
	{"alembic.batch_op.f", KN_VALUE, NULL, NULL},
	{"alembic.op.get_bind", KN_FN, h_bind, NULL},
	{"alembic.batch_op.get_bind", KN_FN, h_bind, NULL},
	{"alembic.op.get_context", KN_FN, h_migration_context, NULL},
	{"alembic.op.batch_alter_table", KN_FN, h_with_only, NULL},
	{"alembic.op.", KN_REFUSE, NULL, "%s is not an operation Alembic 1.8.1 has"},
	{"alembic.batch_op.", KN_REFUSE, NULL, "%s is not a batch operation Alembic 1.8.1 has"},
	/* alembic.context (the module) and the MigrationContext */
	{"alembic.context.get_context", KN_FN, h_migration_context, NULL},
	{"alembic.context.get_bind", KN_FN, h_bind, NULL},
	{"alembic.context.is_offline_mode", KN_FN, h_as_sql, NULL},
	{"alembic.context.get_x_argument", KN_FN, h_x_argument, NULL},
	{"alembic.context.config", KN_ATTR, h_config, NULL},
	{"alembic.context.", KN_REFUSE, NULL, no_python},
	{"alembic.migration_context.dialect", KN_ATTR, h_dialect, NULL},
	{"alembic.migration_context.bind", KN_ATTR, h_bind, NULL},
	{"alembic.migration_context.connection", KN_ATTR, h_bind, NULL},
	{"alembic.migration_context.as_sql", KN_ATTR, h_as_sql, NULL},
	{"alembic.migration_context.autocommit_block", KN_FN, h_with_only, NULL},
	{"alembic.migration_context.", KN_REFUSE, NULL, no_python},
	{"alembic.bind.dialect", KN_ATTR, h_dialect, NULL},
	{"alembic.bind.engine", KN_ATTR, h_engine, NULL},
	{"alembic.bind.execute", KN_FN, h_bind_execute, NULL},
	{"alembic.bind.exec_driver_sql", KN_FN, h_bind_execute, NULL},
	{"alembic.bind.", KN_REFUSE, NULL,
	 "%s needs a live database connection; it cannot run "
	 "without Python"},
	{"alembic.engine.name", KN_ATTR, h_dialect_name, NULL},
	{"alembic.engine.dialect", KN_ATTR, h_dialect, NULL},
	{"alembic.engine.", KN_REFUSE, NULL, no_python},
	{"alembic.dialect.name", KN_ATTR, h_dialect_name, NULL},
	{"alembic.dialect.dialect_description", KN_ATTR, h_dialect_description, NULL},
	{"alembic.dialect.", KN_REFUSE, NULL,
	 "%s is only known with a database connection; it "
	 "cannot be evaluated without Python"},
	{"alembic.result.", KN_REFUSE, NULL, query_used},
	{"alembic.config.get_main_option", KN_FN, h_main_option, NULL},
	{"alembic.config.set_main_option", KN_FN, h_env_only, NULL},
	{"alembic.config.set_section_option", KN_FN, h_env_only, NULL},
	{"alembic.context.configure", KN_FN, h_env_only, NULL},
	{"alembic.config.", KN_REFUSE, NULL, no_python},
	{"alembic.", KN_REFUSE, NULL, no_python},
	/* SQLAlchemy: every name is a value for the binder, but for what needs Python */
	{"sqlalchemy.orm.", KN_REFUSE, NULL, "the ORM (%s) cannot run without Python"},
	{"sqlalchemy.ext.", KN_REFUSE, NULL, "%s cannot be evaluated without Python"},
	/* inspecting the live database (inspect.c) */
	{"sqlalchemy.inspect", KN_FN, insp_new, NULL},
	{"sqlalchemy.inspection.inspect", KN_FN, insp_new, NULL},
	{"sqlalchemy.engine.reflection.Inspector.from_engine", KN_FN, insp_new, NULL},
	{"sqlalchemy.Table", KN_FN, insp_table, NULL},
	{"sqlalchemy.engine.Inspector.from_engine", KN_FN, insp_new, NULL},
	{"alembic.inspector.default_schema_name", KN_ATTR, insp_default_schema, NULL},
	{"alembic.inspector.", KN_FN, insp_call, NULL},
	{"sqlalchemy.engine.", KN_REFUSE, NULL, "%s cannot run without Python"},
	{"sqlalchemy.create_engine", KN_REFUSE, NULL, "%s cannot run without Python"},
	{"sqlalchemy.event.", KN_REFUSE, NULL, "%s cannot run without Python"},
	{"sqlalchemy.", KN_VALUE, NULL, NULL},
	{"sqlmodel.sql.sqltypes.", KN_VALUE, NULL, NULL},
	{"sqlmodel.", KN_REFUSE, NULL,
	 "%s (SQLModel's models and sessions) cannot be evaluated "
	 "without Python"},
	{"oslo_db.sqlalchemy.types.String", KN_FN, h_oslo_string, NULL},
	{"oslo_db.sqlalchemy.types.SoftDeleteInteger", KN_FN, h_oslo_soft_delete, NULL},
	{"oslo_db.sqlalchemy.types.", KN_REFUSE, NULL,
	 "%s (a type of oslo.db's) cannot be "
	 "evaluated without Python"},
	{"neutron_lib.db.constants.", KN_ATTR, h_neutron_db_const, NULL},
	{"sqlalchemy_utils.UUIDType", KN_FN, h_sau_uuid, NULL},
	{"sqlalchemy_utils.types.UUIDType", KN_FN, h_sau_uuid, NULL},
	{"sqlalchemy_utils.types.uuid.UUIDType", KN_FN, h_sau_uuid, NULL},
	{"sqlalchemy_utils.", KN_REFUSE, NULL,
	 "%s (SQLAlchemy-Utils') cannot be evaluated "
	 "without Python"},
	{"datetime.", KN_VALUE, NULL, NULL},
	{"decimal.", KN_VALUE, NULL, NULL},
	{"uuid.", KN_VALUE, NULL, NULL},
	{"typing.", KN_VALUE, NULL, NULL},
	{"typing_extensions.", KN_VALUE, NULL, NULL},
	{"json.dumps", KN_FN, h_json_dumps, NULL},
	{"json.", KN_REFUSE, NULL, no_python},
	{"warnings.catch_warnings", KN_FN, h_catch_warnings, NULL},
	{"warnings.simplefilter", KN_FN, h_warning_filter, NULL},
	{"warnings.filterwarnings", KN_FN, h_warning_filter, NULL},
	{"warnings.", KN_REFUSE, NULL,
	 "%s (Python's warnings) cannot be evaluated without "
	 "Python"},
	{"os.getenv", KN_FN, h_getenv, NULL},
	{"os.environ.get", KN_FN, h_getenv, NULL},
	{"os.environ", KN_VALUE, NULL, NULL},
	{"os.", KN_REFUSE, NULL, no_python},
	{"enum.", KN_REFUSE, NULL,
	 "a Python enum (%s) cannot be evaluated without Python; "
	 "write the values as strings"},
	{"builtins.print", KN_REFUSE, NULL,
	 "print() cannot run natively (Alembic would print "
	 "to stdout); remove it"},
	{"builtins.", KN_FN, h_builtin, NULL},
};

/* The row for name: an exact match, else the longest prefix row. The
 * evaluator asks for every attribute and call (about 24 times a revision
 * file), so each row is compared once, character by character, and left at
 * its first difference (most rows differ in the first few characters). */
static const struct known *known_find(const char *name)
{
	const struct known *best = NULL;
	size_t best_n = 0;

	for (size_t k = 0; k < sizeof(known) / sizeof(known[0]); k++) {
		const char *kn = known[k].name;
		size_t n = 0;
		while (kn[n] && kn[n] == name[n])
			n++;
		if (kn[n])
			continue; /* name does not start with the row's name */
		if (kn[n - 1] != '.') {
			if (!name[n])
				return &known[k];
		} else if (n > best_n) {
			best = &known[k];
			best_n = n;
		}
	}
	return best;
}

/* Whether the reference names a handle (an object, not a module): its
 * attributes are looked up exactly, never made up. */
static bool is_handle(const char *name)
{
	static const char *const handles[] = {"alembic.bind",      "alembic.engine",
					      "alembic.dialect",   "alembic.migration_context",
					      "alembic.result",    "alembic.config",
					      "alembic.inspector", NULL};

	for (int k = 0; handles[k]; k++)
		if (!strcmp(name, handles[k]))
			return true;
	return false;
}

const struct pyv *known_attr(struct ev *ev, const struct py_expr *x, const struct pyv *ref,
			     const char *attr)
{
	const char *base = ref->name;
	const char *name;
	const struct known *k;
	struct pyv *v;

	if (!strcmp(base, "alembic.batch_op")) {
		if (ref->handle >= 0 && (size_t)ref->handle < ev->n_batches &&
		    !ev->batches[ref->handle].is_open)
			return ev_fail_at(ev, x,
					  "batch_op (of the 'with op.batch_alter_table(...)' "
					  "block at line %d) is used outside its block",
					  ev->batches[ref->handle].line);
	}
	if (!strcmp(base, "alembic.result")) {
		static const char *const methods[] = {"fetchall", "fetchone", "fetchmany", "first",
						      "one",      "scalar",   "scalars",   "all",
						      "mappings", "keys",     NULL};
		bool call = false;
		for (int m = 0; methods[m]; m++)
			call = call || !strcmp(attr, methods[m]);
		return ev_fail_at(ev, x,
				  "a query whose result is used (bind.execute(...).%s%s) "
				  "cannot run without Python",
				  attr, call ? "()" : "");
	}
	if (!strcmp(base, "alembic.batch_op") && (!strcmp(attr, "f") || !strcmp(attr, "get_bind")))
		base = "alembic.op"; /* BatchOperations inherits these from Operations */
	name = arena_printf(ev->a, "%s.%s", base, attr);
	if (!is_handle(base) && strcmp(base, "alembic.batch_op"))
		name = known_canon(ev, name);
	k = known_find(name);
	if (k && k->kind == KN_ATTR)
		return k->fn(ev, x, ref, NULL);
	/* a handle's attributes are exact: a refused or unknown one fails here; a module's
	 * attributes are names, refused (if at all) when called */
	if (is_handle(base) && (!k || k->kind == KN_REFUSE))
		return ev_fail_at(ev, x, "%s",
				  subst(ev, k ? k->msg : no_python, display(ev, name)));
	v = ev_ref(ev, name, x);
	v->handle = ref->handle;
	return v;
}

const struct pyv *known_value_call(struct ev *ev, const struct py_expr *x, const char *name,
				   const struct ev_args *args)
{
	struct pyv *v = ev_new(ev, PYV_CALL, x);

	v->name = name;
	v->items = args->pos;
	v->n = args->n_pos;
	v->kw = args->kw;
	v->n_kw = args->n_kw;
	for (size_t k = 0; k < args->n_pos; k++)
		if (args->pos[k]->kind == PYV_FUNC)
			return ev_fail_at(ev, x,
					  "passing a function to %s cannot be evaluated without "
					  "Python",
					  display(ev, name));
	return v;
}

const struct pyv *known_call(struct ev *ev, const struct py_expr *call, const struct pyv *fn,
			     const struct ev_args *args)
{
	const struct known *k = known_find(fn->name);
	const struct pyv *v;

	if (!k)
		return ev_fail_at(ev, call,
				  "%s is not a name the native runtime knows; it cannot be "
				  "called without Python",
				  display(ev, fn->name));
	switch (k->kind) {
	case KN_VALUE:
		return known_value_call(ev, call, fn->name, args);
	case KN_OP:
		if (!(v = known_value_call(ev, call, fn->name, args)) ||
		    ev_push_op(ev, call, v, NULL, 0))
			return NULL;
		return v;
	case KN_FN:
		return k->fn(ev, call, fn, args);
	case KN_ATTR:
		return ev_fail_at(ev, call, "%s is not callable", display(ev, fn->name));
	default:
		return ev_fail_at(ev, call, "%s", subst(ev, k->msg, display(ev, fn->name)));
	}
}

const struct pyv *known_subscript(struct ev *ev, const struct py_expr *x, const struct pyv *ref,
				  const struct pyv *key)
{
	struct ev_args args = {0};
	const struct pyv *v;

	if (strcmp(ref->name, "os.environ"))
		return ev_fail_at(ev, x, "%s[...] cannot be evaluated without Python",
				  display(ev, ref->name));
	args.pos = &key;
	args.n_pos = 1;
	if (!(v = h_getenv(ev, x, ref, &args)))
		return NULL;
	if (v->kind == PYV_NONE && v->unset_var) {
		ev->unset_var = v->unset_var;
		return ev_fail_at(ev, x, "environment variable %s is not set (KeyError)",
				  v->unset_var);
	}
	return v;
}

const struct pyv *known_builtin(struct ev *ev, const char *name, const struct py_expr *x)
{
	static const char *const names[] = {"len",
					    "range",
					    "zip",
					    "enumerate",
					    "list",
					    "tuple",
					    "dict",
					    "str",
					    "int",
					    "float",
					    "bool",
					    "sorted",
					    "reversed",
					    "min",
					    "max",
					    "any",
					    "all",
					    "print",
					    "repr",
					    "isinstance",
					    "getattr",
					    "open",
					    "Exception",
					    "NotImplementedError",
					    "RuntimeError",
					    "ValueError",
					    "TypeError",
					    "KeyError",
					    "AssertionError",
					    "NotImplemented",
					    "set",
					    NULL};

	for (int k = 0; names[k]; k++)
		if (!strcmp(name, names[k]))
			return ev_ref(ev, arena_printf(ev->a, "builtins.%s", name), x);
	if (!strcmp(name, "__name__"))
		return ev_str(ev, "migration", 9, x);
	return NULL;
}

bool known_is_sql(const struct pyv *v)
{
	static const char *const roots[] = {"sqlalchemy.", "sqlmodel.", "datetime.", "decimal.",
					    "uuid.",       "typing.",   NULL};

	if (v->kind == PYV_CALL || v->kind == PYV_ATTR)
		return true;
	if (v->kind != PYV_REF)
		return false;
	for (int k = 0; roots[k]; k++)
		if (str_startswith(v->name, roots[k]))
			return true;
	return false;
}
