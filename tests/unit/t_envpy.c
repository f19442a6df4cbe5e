/*
 * t_envpy.c - unit tests for src/config/envpy.c: what py_env_read's result
 * (built by hand here, so the mapping is tested apart from the parser)
 * does to the configuration: precedence over alembic.ini, the unset
 * variable and unreadable value errors (deferred to the commands that
 * connect), context.configure keywords, conflicts, target_metadata, and
 * the `alembic config` listing's sources.
 */
#include "base/arena.h"
#include "base/err.h"
#include "base/fs.h"
#include "config/config.h"
#include "config/envpy.h"
#include "unit.h"

#define ENV_PATH "migrations/env.py"

static const char ini_text[] = "[alembic]\n"
			       "script_location = migrations\n"
			       "version_table = from_ini\n"
			       "sqlalchemy.url = sqlite:///ini.db\n"
			       "lib.dir = ${T_ENVPY_HOME}/lib\n";

static char dir[] = "/tmp/t_envpy.XXXXXX"; /* the test's directory (made once per child) */
static bool dir_made;                      /* dir exists (a random name may end in X too) */

/* A config loaded from ini_text in a fresh directory (the test's child owns it). */
static void load(struct arena *a, struct config *c)
{
	struct err e;

	err_clear(&e);
	setenv("T_ENVPY_HOME", "/home/t", 1);
	if ((!dir_made && !(dir_made = mkdtemp(dir) != NULL)) || chdir(dir) ||
	    fs_write_file("alembic.ini", ini_text, sizeof(ini_text) - 1, false, &e) ||
	    config_load(a, "alembic.ini", NULL, c, &e)) {
		fprintf(stderr, "setup: %s\n", e.msg);
		exit(1);
	}
}

/* Removes the test's directory and frees the arena. */
static void done(struct arena *a)
{
	if (unlink("alembic.ini") || chdir("/") || rmdir(dir))
		perror("cleanup");
	arena_release(a);
}

static struct py_env_setting setting(const char *key, enum py_env_vkind kind, const char *v,
				     int line)
{
	struct py_env_setting s = {0};

	s.key = key;
	s.kind = kind;
	s.value = kind == PY_ENV_VALUE ? v : NULL;
	s.var = kind == PY_ENV_UNSET ? v : NULL;
	s.why = kind == PY_ENV_UNREADABLE ? v : NULL;
	s.line = line;
	return s;
}

static const struct pyv pv_true = {.kind = PYV_BOOL, .b = true};
static const struct pyv pv_none = {.kind = PYV_NONE};
static const struct pyv pv_v1 = {.kind = PYV_STR, .s = "v1", .len = 2};
static const struct pyv pv_v2 = {.kind = PYV_STR, .s = "v2", .len = 2};

/* env.py's set_main_option("sqlalchemy.url", os.getenv("POSTGRES_URL")) wins. */
static void test_url_from_env_py(void)
{
	struct arena a = ARENA_INIT;
	struct config c;
	struct err e;
	struct py_env_setting s =
		setting("sqlalchemy.url", PY_ENV_VALUE, "postgresql://u:pw@h/db", 25);
	struct py_env_setting bare = setting("sqlalchemy.url", PY_ENV_UNSET, "POSTGRES_URL", 25);
	struct py_env_out vals = {&s, 1, NULL, 0, NULL, 0}, nov = {&bare, 1, NULL, 0, NULL, 0};
	struct config_setting *set;
	size_t n;

	load(&a, &c);
	err_clear(&e);
	CHECK(envpy_apply(&a, &c, ENV_PATH, &vals, &nov, &e) == 0);
	CHECK_STR(c.url, "postgresql://u:pw@h/db");
	CHECK(c.url_err == NULL && c.env_err == NULL);
	CHECK_STR(c.version_table, "from_ini"); /* env.py does not set it: the ini's */
	config_settings(&a, &c, &set, &n);
	CHECK_INT(n, 4);
	CHECK_STR(set[2].key, "sqlalchemy.url");
	CHECK_STR(set[2].value, "postgresql://u:pw@h/db");
	CHECK_INT(set[2].line, 4); /* the ini line it overrides */
	CHECK(set[2].env != NULL && set[2].env->line == 25);
	CHECK_STR(set[2].env->var, "POSTGRES_URL");
	CHECK_STR(set[2].env->origin, "config.set_main_option");
	CHECK_STR(set[3].vars, "T_ENVPY_HOME");
	CHECK_STR(set[3].value, "/home/t/lib");
	CHECK(set[1].env == NULL && set[1].vars == NULL);
	done(&a);
}

/* os.getenv("POSTGRES_URL") unset: an error naming it, never the ini's URL. */
static void test_unset_variable(void)
{
	struct arena a = ARENA_INIT;
	struct config c;
	struct err e;
	struct py_env_setting s = setting("SQLAlchemy.URL", PY_ENV_UNSET, "POSTGRES_URL", 31);
	struct py_env_out vals = {&s, 1, NULL, 0, NULL, 0};

	load(&a, &c);
	err_clear(&e);
	CHECK(envpy_apply(&a, &c, ENV_PATH, &vals, NULL, &e) == 0);
	CHECK(c.url == NULL);
	CHECK(c.url_err != NULL && c.url_err == c.env_err);
	if (c.url_err) {
		CHECK_INT(c.url_err->code, ERR_INPUT);
		CHECK_STR(c.url_err->file, ENV_PATH);
		CHECK_INT(c.url_err->line, 31);
		CHECK(strstr(c.url_err->msg, "environment variable POSTGRES_URL is not set") !=
		      NULL);
	}
	done(&a);
}

/* A value only Python can compute: env.py:line and the alembic.ini way. */
static void test_unreadable_value(void)
{
	struct arena a = ARENA_INIT;
	struct config c;
	struct err e;
	struct py_env_setting s[2] = {
		setting("custom.key", PY_ENV_UNREADABLE, "a call of helper(\"pg://u:pw9@h/d\")", 9),
		setting("sqlalchemy.url", PY_ENV_UNREADABLE, "a call of get_url()", 12),
	};
	struct py_env_out vals = {s, 1, NULL, 0, NULL, 0};

	load(&a, &c);
	err_clear(&e);
	CHECK(envpy_apply(&a, &c, ENV_PATH, &vals, NULL, &e) == 0);
	/* a key no command needs: listed as an error, the run is not blocked */
	CHECK(c.env_err == NULL);
	CHECK_STR(c.url, "sqlite:///ini.db");
	CHECK(c.n_env == 1 && c.env[0].err && strstr(c.env[0].err->msg, "pg://u:XXXXX@h/d") &&
	      !strstr(c.env[0].err->msg, "pw9"));
	vals.n_settings = 2;
	load(&a, &c);
	CHECK(envpy_apply(&a, &c, ENV_PATH, &vals, NULL, &e) == 0);
	CHECK(c.url == NULL && c.env_err != NULL);
	if (c.env_err) {
		CHECK_INT(c.env_err->line, 12);
		CHECK(strstr(c.env_err->msg, "a call of get_url()") != NULL);
		CHECK(strstr(c.env_err->msg, "sqlalchemy.url = ${POSTGRES_URL}") != NULL);
	}
	done(&a);
}

/* context.configure keywords: literal values become our keys, over the ini. */
static void test_configure_keywords(void)
{
	struct arena a = ARENA_INIT;
	struct config c;
	struct err e;
	struct py_env_kwarg off[] = {
		{"url", NULL, "url", 40, 9},
		{"version_table", &pv_v1, "\"v1\"", 41, 9},
		{"transaction_per_migration", &pv_true, "True", 42, 9},
		{"literal_binds", &pv_true, "True", 43, 9},
	};
	struct py_env_kwarg on[] = {
		{"connection", NULL, "connection", 60, 13},
		{"version_table", &pv_v1, "'v1'", 61, 13},
		{"version_table_schema", &pv_none, "None", 62, 13},
		{"compare_type", &pv_true, "True", 63, 13},
	};
	struct py_env_configure calls[] = {{"run_migrations_offline", off, 4, 40},
					   {"run_migrations_online", on, 4, 60}};
	struct py_env_out vals = {NULL, 0, calls, 2, "SQLModel.metadata", 20};
	struct config_setting *set;
	size_t n;

	load(&a, &c);
	err_clear(&e);
	CHECK(!c.transaction_per_migration && !c.compare_type);
	CHECK(envpy_apply(&a, &c, ENV_PATH, &vals, NULL, &e) == 0);
	CHECK(c.env_err == NULL);
	CHECK_STR(c.version_table, "v1");
	CHECK(c.version_table_schema == NULL);
	CHECK(c.transaction_per_migration); /* one call passes it: both modes */
	CHECK(c.compare_type);
	CHECK_STR(c.target_metadata, "SQLModel.metadata");
	CHECK_STR(c.url, "sqlite:///ini.db"); /* url=url is the template's plumbing */
	config_settings(&a, &c, &set, &n);
	CHECK_INT(n,
		  8); /* 4 ini keys + schema, transaction_per_migration, compare_type, metadata */
	CHECK_STR(set[1].key, "version_table");
	CHECK(set[1].env && set[1].env->line == 41 && set[1].line == 3);
	CHECK_STR(set[n - 1].key, "target_metadata");
	CHECK_STR(set[n - 1].env->origin, "module-level assignment");
	done(&a);
}

/* The offline and online calls disagree, or pass what is not a literal. */
static void test_configure_conflicts(void)
{
	struct arena a = ARENA_INIT;
	struct config c;
	struct err e;
	struct py_env_kwarg off[] = {{"version_table", &pv_v1, "'v1'", 41, 9}};
	struct py_env_kwarg on[] = {{"version_table", &pv_v2, "'v2'", 61, 13},
				    {"compare_type", NULL, "my_compare", 62, 13}};
	struct py_env_configure calls[] = {{"run_migrations_offline", off, 1, 40},
					   {"run_migrations_online", on, 2, 60}};
	struct py_env_out vals = {NULL, 0, calls, 2, "None", 20};
	struct py_env_kwarg bad[] = {{"transaction_per_migration", &pv_v1, "'v1'", 70, 5}};
	struct py_env_configure one[] = {{NULL, bad, 1, 70}};
	struct py_env_out badv = {NULL, 0, one, 1, NULL, 0};

	load(&a, &c);
	err_clear(&e);
	CHECK(envpy_apply(&a, &c, ENV_PATH, &vals, NULL, &e) == 0);
	CHECK(c.env_err != NULL && c.url == NULL);
	if (c.env_err) {
		CHECK_INT(c.env_err->line, 61);
		CHECK(strstr(c.env_err->msg, "differently") != NULL);
	}
	CHECK(c.target_metadata == NULL); /* target_metadata = None */
	const struct config_env *ct = config_env_find(&c, "compare_type");
	CHECK(ct && ct->err && strstr(ct->err->msg, "compare_type=my_compare"));
	load(&a, &c);
	CHECK(envpy_apply(&a, &c, ENV_PATH, &badv, NULL, &e) == 0);
	CHECK(c.env_err != NULL && strstr(c.env_err->msg, "expected True or False"));
	done(&a);
}

/* set_section_option: the main section counts, another section does not;
 * Alembic's unmodified template sets nothing. */
static void test_sections_and_template(void)
{
	struct arena a = ARENA_INIT;
	struct config c;
	struct err e;
	struct py_env_setting s[2] = {setting("sqlalchemy.url", PY_ENV_VALUE, "sqlite:///o.db", 5),
				      setting("sqlalchemy.url", PY_ENV_VALUE, "sqlite:///m.db", 6)};
	struct py_env_out vals = {s, 2, NULL, 0, NULL, 0};
	struct py_env_kwarg off[] = {{"url", NULL, "url", 40, 9},
				     {"target_metadata", NULL, "target_metadata", 41, 9},
				     {"literal_binds", &pv_true, "True", 42, 9}};
	struct py_env_kwarg on[] = {{"connection", NULL, "connection", 60, 13},
				    {"target_metadata", NULL, "target_metadata", 60, 13}};
	struct py_env_configure calls[] = {{"run_migrations_offline", off, 3, 40},
					   {"run_migrations_online", on, 2, 60}};
	struct py_env_out generic = {NULL, 0, calls, 2, "None", 20};

	s[0].section = "other";
	s[1].section = "alembic";
	load(&a, &c);
	err_clear(&e);
	CHECK(envpy_apply(&a, &c, ENV_PATH, &vals, NULL, &e) == 0);
	CHECK_STR(c.url, "sqlite:///m.db");
	CHECK_INT(c.n_env, 2);
	CHECK_STR(c.env[0].section, "other");
	CHECK(c.env[1].section == NULL);
	load(&a, &c);
	CHECK(envpy_apply(&a, &c, ENV_PATH, &generic, NULL, &e) == 0);
	CHECK_INT(c.n_env, 0);
	CHECK(c.env_err == NULL);
	CHECK_STR(c.url, "sqlite:///ini.db");
	CHECK_STR(c.version_table, "from_ini");
	done(&a);
}

/* set_main_option values go through ConfigParser's interpolation, as in Alembic. */
static void test_interpolation(void)
{
	struct arena a = ARENA_INIT;
	struct config c;
	struct err e;
	struct py_env_setting s = setting("sqlalchemy.url", PY_ENV_VALUE, "sqlite:///a%%b.db", 7);
	struct py_env_out vals = {&s, 1, NULL, 0, NULL, 0};

	load(&a, &c);
	err_clear(&e);
	CHECK(envpy_apply(&a, &c, ENV_PATH, &vals, NULL, &e) == 0);
	CHECK_STR(c.url, "sqlite:///a%b.db");
	s.value = "postgresql://u:p%40ss@h/db%"; /* a percent-encoded password */
	load(&a, &c);
	CHECK(envpy_apply(&a, &c, ENV_PATH, &vals, NULL, &e) == 0);
	CHECK_STR(c.url, "postgresql://u:p%40ss@h/db%"); /* Alembic: ValueError */
	s.value = "postgresql://u:p%40ss@h/%(nosuch)s";
	load(&a, &c);
	CHECK(envpy_apply(&a, &c, ENV_PATH, &vals, NULL, &e) == 0);
	CHECK(c.url == NULL && c.env_err != NULL);
	if (c.env_err) {
		CHECK_STR(c.env_err->file, ENV_PATH);
		CHECK_INT(c.env_err->line, 7);
		CHECK(strstr(c.env_err->msg, "p%40ss") == NULL); /* never the password */
	}
	done(&a);
}

static const struct unit_test tests[] = {
	UNIT(test_url_from_env_py),     UNIT(test_unset_variable),
	UNIT(test_unreadable_value),    UNIT(test_configure_keywords),
	UNIT(test_configure_conflicts), UNIT(test_sections_and_template),
	UNIT(test_interpolation),       {0},
};

UNIT_MAIN(tests)
