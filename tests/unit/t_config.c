/*
 * t_config.c - unit tests for src/config: config_load (Alembic's errors,
 * defaults, separators, our keys), the settings listing, config_set_value
 * round trips, and init (status lines, order, errors, templates).
 * Each test runs in its own forked child inside a fresh temporary directory.
 */
#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"
#include "base/fs.h"
#include "base/sink.h"
#include "config/config.h"
#include "config/ini.h"
#include "config/init.h"
#include "unit.h"

static char tmpdir[] = "/tmp/t_config.XXXXXX"; /* this test's directory */

/* Makes and enters a fresh temporary directory; returns its path. */
static char *enter_tmpdir(struct arena *a)
{
	char *dir = mkdtemp(tmpdir);
	char cwd[PATH_MAX];

	if (!dir || chdir(dir) || !getcwd(cwd, sizeof(cwd))) {
		perror("tmpdir");
		exit(1);
	}
	return arena_strdup(a, cwd);
}

/* rm -r path (no symlink is followed: lstat). */
static void remove_tree(struct arena *a, const char *path)
{
	struct strvec names = STRVEC_INIT;
	struct stat st;
	struct err e;

	if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode) && fs_list_dir(a, path, &names, &e) == 0)
		for (size_t i = 0; i < names.n; i++)
			remove_tree(a, fs_join(a, path, names.v[i]));
	remove(path);
}

/* Removes the test's directory (tests run in forked children: no atexit). */
static void leave_tmpdir(struct arena *a)
{
	if (chdir("/") == 0 && strncmp(tmpdir, "/tmp/t_config.", 14) == 0)
		remove_tree(a, tmpdir);
	arena_release(a);
}

static void write_file(const char *path, const char *text)
{
	struct err e;

	if (fs_write_file(path, text, strlen(text), false, &e)) {
		fprintf(stderr, "write %s: %s\n", path, e.msg);
		exit(1);
	}
}

static char *read_file(struct arena *a, const char *path)
{
	struct err e;
	char *data = NULL;
	size_t len;

	if (fs_read_file(a, path, &data, &len, &e))
		return NULL;
	return data;
}

/* Loads ini text written to alembic.ini; returns config_load's status. */
static int load_text(struct arena *a, const char *text, struct config *c, struct err *e)
{
	write_file("alembic.ini", text);
	err_clear(e);
	return config_load(a, "alembic.ini", NULL, c, e);
}

static void test_load_defaults(void)
{
	struct arena a = ARENA_INIT;
	char *dir = enter_tmpdir(&a);
	struct config c;
	struct err e;

	unsetenv("ALEMBIC_CONFIG");
	CHECK(load_text(&a, "[alembic]\nscript_location = migrations\n", &c, &e) == 0);
	CHECK_STR(c.ini_path, "alembic.ini");
	CHECK_STR(c.ini_abspath, arena_printf(&a, "%s/alembic.ini", dir));
	CHECK_STR(c.here, dir);
	CHECK_STR(c.section, "alembic");
	CHECK_STR(c.script_location, arena_printf(&a, "%s/migrations", dir));
	CHECK_STR(c.script_location_raw, "migrations");
	CHECK_INT(c.version_locations.n, 1);
	CHECK_STR(c.version_locations.v[0], arena_printf(&a, "%s/migrations/versions", dir));
	CHECK(!c.version_locations_configured);
	CHECK_STR(c.file_template, "%(rev)s_%(slug)s");
	CHECK_INT(c.truncate_slug_length, 40);
	CHECK(c.timezone == NULL);
	CHECK_STR(c.output_encoding, "utf-8");
	CHECK(!c.revision_environment && !c.sourceless && !c.recursive_version_locations);
	CHECK(c.url == NULL && c.url_err == NULL);
	CHECK_STR(c.version_table, "alembic_version");
	CHECK(c.version_table_schema == NULL);
	CHECK(c.version_table_pk);
	CHECK(!c.transaction_per_migration);
	CHECK_INT(c.lock_timeout_ms, 60000);
	CHECK(c.revision_format == NULL); /* absent: script_default_format() decides */
	/* NULL path: $ALEMBIC_CONFIG, else alembic.ini */
	CHECK(config_load(&a, NULL, NULL, &c, &e) == 0);
	CHECK_STR(c.ini_path, "alembic.ini");
	write_file("other.ini", "[alembic]\nscript_location = %(here)s/m\n");
	setenv("ALEMBIC_CONFIG", "other.ini", 1);
	CHECK(config_load(&a, NULL, NULL, &c, &e) == 0);
	CHECK_STR(c.ini_path, "other.ini");
	CHECK_STR(c.script_location, arena_printf(&a, "%s/m", dir));
	leave_tmpdir(&a);
}

/* script_location is relative to the current directory, not the ini's. */
static void test_script_location_relative_to_cwd(void)
{
	struct arena a = ARENA_INIT;
	char *dir = enter_tmpdir(&a);
	struct config c;
	struct err e;

	CHECK(fs_mkdir("sub", &e) == 0);
	write_file("sub/alembic.ini",
		   "[alembic]\nscript_location = mig\nversion_locations = %(here)s/v\n");
	err_clear(&e);
	CHECK(config_load(&a, "sub/alembic.ini", NULL, &c, &e) == 0);
	CHECK_STR(c.script_location, arena_printf(&a, "%s/mig", dir));
	CHECK_STR(c.here, arena_printf(&a, "%s/sub", dir));
	CHECK_STR(c.version_locations.v[0], arena_printf(&a, "%s/sub/v", dir));
	leave_tmpdir(&a);
}

static void test_load_alembic_errors(void)
{
	struct arena a = ARENA_INIT;
	struct config c;
	struct err e;

	enter_tmpdir(&a);
	err_clear(&e);
	CHECK(config_load(&a, "nosuch.ini", NULL, &c, &e) == -1);
	CHECK_INT(e.code, ERR_COMMAND);
	CHECK_STR(e.msg, "No config file 'nosuch.ini' found, or file has no '[alembic]' section");
	CHECK(load_text(&a, "[alembic]\nscript_location = m\n", &c, &e) == 0);
	CHECK(config_load(&a, "alembic.ini", "nosuch", &c, &e) == -1);
	CHECK_STR(e.msg, "No config file 'alembic.ini' found, or file has no '[nosuch]' section");
	CHECK(config_load(&a, "alembic.ini", "DEFAULT", &c, &e) == -1);
	CHECK_INT(e.code, ERR_COMMAND);
	CHECK(load_text(&a, "[alembic]\nsqlalchemy.url = x\n", &c, &e) == -1);
	CHECK_INT(e.code, ERR_COMMAND);
	CHECK_STR(e.msg, "No 'script_location' key found in configuration.");
	/* a directory named like the ini is "no config file" too */
	CHECK(fs_mkdir("d.ini", &e) == 0);
	CHECK(config_load(&a, "d.ini", NULL, &c, &e) == -1);
	CHECK_STR(e.msg, "No config file 'd.ini' found, or file has no '[alembic]' section");
	/* a malformed ini is ERR_INPUT with file:line */
	CHECK(load_text(&a, "[alembic]\nscript_location = m\nscript_location = n\n", &c, &e) == -1);
	CHECK_INT(e.code, ERR_INPUT);
	CHECK_STR(e.file, "alembic.ini");
	CHECK_INT(e.line, 3);
	CHECK(load_text(&a, "[alembic]\nscript_location = pkg:migrations\n", &c, &e) == -1);
	CHECK_INT(e.code, ERR_INPUT);
	CHECK_INT(e.line, 2);
	leave_tmpdir(&a);
}

static void test_check_script_location(void)
{
	struct arena a = ARENA_INIT;
	char *dir = enter_tmpdir(&a);
	struct config c;
	struct err e;

	CHECK(load_text(&a, "[alembic]\nscript_location = migrations\n", &c, &e) == 0);
	CHECK(config_check_script_location(&c, &e) == -1);
	CHECK_INT(e.code, ERR_COMMAND);
	CHECK_STR(e.msg, arena_printf(&a,
				      "Path doesn't exist: '%s/migrations'.  Please use the "
				      "'init' command to create a new scripts folder.",
				      dir));
	CHECK(fs_mkdir("migrations", &e) == 0);
	CHECK(config_check_script_location(&c, &e) == 0);
	write_file("f", "");
	CHECK(load_text(&a, "[alembic]\nscript_location = f\n", &c, &e) == 0);
	CHECK(config_check_script_location(&c, &e) == -1);
	leave_tmpdir(&a);
}

/* version_locations / version_path_separator / path_separator, as base.py. */
static void test_version_locations(void)
{
	static const struct {
		const char *keys; /* extra ini lines */
		const char *want; /* locations relative to the tmp dir, joined by '|' */
	} cases[] = {
		{"version_locations = a b,c, d  e\n", "a|b|c|d|e"},
		{"version_locations = a , b\n", "a|b"},
		{"version_locations = a:b c\nversion_path_separator = os\n", "a|b c"},
		{"version_locations = a:b c::d\nversion_path_separator = :\n", "a|b c|d"},
		{"version_locations = a;b c\nversion_path_separator = ;\n", "a|b c"},
		{"version_locations = a  b/c\nversion_path_separator = space\n", "a|b/c"},
		{"version_locations =\n  a b\n\n  c\nversion_path_separator = newline\n", "a b|c"},
		{"version_locations = a;b\nversion_path_separator = os\npath_separator = ;\n",
		 "a|b"},
		/* the 1.8.1 template's inline comment does not break the key (Alembic 1.14.1+) */
		{"version_locations = a:b\nversion_path_separator = os  # Use os.pathsep. Default\n",
		 "a|b"},
		{"version_locations = /abs/x:%(here)s/y\nversion_path_separator = os\n",
		 "/abs/x|y"},
	};
	struct arena a = ARENA_INIT;
	char *dir = enter_tmpdir(&a);
	struct config c;
	struct err e;

	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		char *text = arena_printf(&a, "[alembic]\nscript_location = m\n%s", cases[i].keys);
		struct buf got = BUF_INIT;

		if (load_text(&a, text, &c, &e)) {
			CHECK_STR(e.msg, "");
			continue;
		}
		CHECK(c.version_locations_configured);
		for (size_t j = 0; j < c.version_locations.n; j++) {
			const char *v = c.version_locations.v[j];
			size_t n = strlen(dir);
			if (j)
				buf_addch(&got, '|');
			if (!strncmp(v, dir, n) && v[n] == '/')
				buf_adds(&got, v + n + 1);
			else
				buf_adds(&got, v);
		}
		CHECK_STR(got.ptr, cases[i].want);
		buf_release(&got);
	}
	leave_tmpdir(&a);
}

static void test_bad_separator(void)
{
	struct arena a = ARENA_INIT;
	struct config c;
	struct err e;

	enter_tmpdir(&a);
	CHECK(load_text(&a,
			"[alembic]\nscript_location = m\nversion_locations = a\n"
			"version_path_separator = comma\n",
			&c, &e) == -1);
	CHECK_INT(e.code, ERR_INPUT);
	CHECK_INT(e.line, 4);
	CHECK_STR(e.msg,
		  "'comma' is not a valid value for version_path_separator; expected 'space', "
		  "'os', ':', ';' or 'newline'");
	/* not consulted without version_locations, as in Alembic */
	CHECK(load_text(&a, "[alembic]\nscript_location = m\nversion_path_separator = comma\n", &c,
			&e) == 0);
	leave_tmpdir(&a);
}

static void test_typed_keys(void)
{
	struct arena a = ARENA_INIT;
	struct config c;
	struct err e;

	enter_tmpdir(&a);
	CHECK(load_text(
		      &a,
		      "[alembic]\nscript_location = m\ntruncate_slug_length = 0\n"
		      "revision_environment = Yes\nsourceless = true\ntimezone =\n"
		      "version_table = my_version\nversion_table_schema = audit\n"
		      "version_table_pk = off\ntransaction_per_migration = 1\nlock_timeout = 2.5\n"
		      "revision_format = PY\ntarget_metadata = app.models:Base.metadata\n"
		      "recursive_version_locations = on\nfile_template = %%(rev)s\n"
		      "output_encoding = latin-1\n",
		      &c, &e) == 0);
	CHECK_INT(c.truncate_slug_length, 40);
	CHECK(c.revision_environment && c.sourceless && c.recursive_version_locations);
	CHECK(c.timezone == NULL);
	CHECK_STR(c.version_table, "my_version");
	CHECK_STR(c.version_table_schema, "audit");
	CHECK(!c.version_table_pk);
	CHECK(c.transaction_per_migration);
	CHECK_INT(c.lock_timeout_ms, 2500);
	CHECK_STR(c.revision_format, "py");
	CHECK_STR(c.target_metadata, "app.models:Base.metadata");
	CHECK_STR(c.file_template, "%(rev)s");
	CHECK_STR(c.output_encoding, "latin-1");
	CHECK(load_text(
		      &a,
		      "[alembic]\nscript_location = m\ntruncate_slug_length = 12\nsourceless = yes\n",
		      &c, &e) == 0);
	CHECK_INT(c.truncate_slug_length, 12);
	CHECK(!c.sourceless); /* Alembic: exactly "true" */
	leave_tmpdir(&a);
}

static void test_typed_key_errors(void)
{
	static const struct {
		const char *line; /* third line of the ini */
		const char *msg;  /* part of the message */
	} cases[] = {
		{"truncate_slug_length = ten", "truncate_slug_length: expected a whole number"},
		{"truncate_slug_length = -1", "truncate_slug_length"},
		{"transaction_per_migration = maybe",
		 "transaction_per_migration: expected true/yes/on/1"},
		{"version_table_pk = 2", "version_table_pk"},
		{"revision_environment = yes please", "revision_environment"},
		{"lock_timeout = soon", "lock_timeout: expected seconds"},
		{"lock_timeout = 1.2.3", "lock_timeout"},
		{"lock_timeout = -5", "lock_timeout"},
		{"lock_timeout = 99999999999999999999", "lock_timeout"},
		{"revision_format = yaml", "revision_format: expected 'sql' or 'py'"},
		{"version_table =", "version_table"},
		{"file_template = %(rev)s", "interpolation key 'rev'"},
	};
	struct arena a = ARENA_INIT;
	struct config c;
	struct err e;

	enter_tmpdir(&a);
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		CHECK(load_text(&a,
				arena_printf(&a, "[alembic]\nscript_location = m\n%s\n",
					     cases[i].line),
				&c, &e) == -1);
		CHECK_INT(e.code, ERR_INPUT);
		CHECK_INT(e.line, 3);
		CHECK_STR(e.file, "alembic.ini");
		if (!strstr(e.msg, cases[i].msg))
			CHECK_STR(e.msg, cases[i].msg);
	}
	leave_tmpdir(&a);
}

/* sqlalchemy.url: ${VAR} works; an unset VAR does not stop config_load. */
static void test_url(void)
{
	struct arena a = ARENA_INIT;
	struct config c;
	struct err e;
	const char *ini = "[alembic]\nscript_location = m\n"
			  "sqlalchemy.url = ${T_CFG_URL:-sqlite:///app.db}\nu2 = ${T_CFG_NONE}\n";

	enter_tmpdir(&a);
	unsetenv("T_CFG_URL");
	unsetenv("T_CFG_NONE");
	CHECK(load_text(&a, ini, &c, &e) == 0);
	CHECK_STR(c.url, "sqlite:///app.db");
	setenv("T_CFG_URL", "postgresql://u:p%40ss@h/db", 1);
	CHECK(load_text(&a, ini, &c, &e) == 0);
	CHECK_STR(c.url, "postgresql://u:p%40ss@h/db");
	CHECK(config_get(&a, &c, "u2", &e) == NULL);
	CHECK_INT(e.code, ERR_INPUT);
	CHECK_INT(e.line, 4);
	CHECK(load_text(&a, "[alembic]\nscript_location = m\nsqlalchemy.url = ${T_CFG_NONE}\n", &c,
			&e) == 0);
	CHECK(c.url == NULL);
	CHECK(c.url_err != NULL && c.url_err->line == 3);
	CHECK(c.url_err && strstr(c.url_err->msg, "T_CFG_NONE is not set") != NULL);
	leave_tmpdir(&a);
}

static void test_settings_listing(void)
{
	struct arena a = ARENA_INIT;
	struct config c;
	struct err e;
	struct config_setting *s;
	size_t n;

	enter_tmpdir(&a);
	unsetenv("T_CFG_NONE");
	CHECK(load_text(&a,
			"[DEFAULT]\nshared = s\nz = dz\n[alembic]\nscript_location = m\n"
			"z = %(shared)s!\nbad = ${T_CFG_NONE}\n",
			&c, &e) == 0);
	config_settings(&a, &c, &s, &n);
	CHECK_INT(n, 4);
	if (n != 4)
		return;
	CHECK_STR(s[0].key, "script_location");
	CHECK_INT(s[0].line, 5);
	CHECK_STR(s[1].key, "z");
	CHECK_STR(s[1].raw, "%(shared)s!");
	CHECK_STR(s[1].value, "s!");
	CHECK_STR(s[2].key, "bad");
	CHECK(s[2].value == NULL && s[2].error && strstr(s[2].error, "T_CFG_NONE"));
	CHECK_STR(s[3].key, "shared");
	CHECK(s[3].is_default && !s[0].is_default);
	leave_tmpdir(&a);
}

/* ---- config_set_value --------------------------------------------------- */

static const char *const set_ini = "# A generic, single database configuration.\n"
				   "\n"
				   "[alembic]\n"
				   "# path to migration scripts\n"
				   "script_location = migrations\n"
				   "version_locations = a\n"
				   "    b\n"
				   "    # kept comment\n"
				   "\n"
				   "    c\n"
				   "Mixed.Key=old\n"
				   "sqlalchemy.url = driver://user:pass@localhost/dbname\n"
				   "\n"
				   "\n"
				   "[post_write_hooks]\n"
				   "# hooks = black\n"
				   "\n"
				   "# Logging configuration\n"
				   "[loggers]\n"
				   "keys = root\n";

/* Sets key=value and checks the result reads back and equals want. */
static void check_set(struct arena *a, const char *section, const char *key, const char *value,
		      const char *want)
{
	struct err e;
	struct ini *ini;

	err_clear(&e);
	CHECK(config_set_value(a, "alembic.ini", section, key, value, &e) == 0);
	CHECK_STR(e.msg, "");
	CHECK_STR(read_file(a, "alembic.ini"), want);
	CHECK(ini_load(a, "alembic.ini", "/h", &ini, &e) == 0);
	err_clear(&e);
	if (strchr(value, '$')) /* would be expanded: compare the raw text */
		CHECK_STR(ini_lookup(ini, section ? section : "alembic", key)->raw, value);
	else
		CHECK_STR(ini_get(a, ini, section ? section : "alembic", key, &e), value);
}

static void test_set_replace(void)
{
	struct arena a = ARENA_INIT;
	const char *url = "postgresql://user:pass@localhost/db";

	enter_tmpdir(&a);
	write_file("alembic.ini", set_ini);
	check_set(&a, NULL, "sqlalchemy.url", url,
		  arena_printf(&a,
			       "%.*s%s\n\n\n[post_write_hooks]\n# hooks = black\n\n"
			       "# Logging configuration\n[loggers]\nkeys = root\n",
			       (int)(strstr(set_ini, "driver:") - set_ini), set_ini, url));
	/* continuation lines go, the comment among them stays; key text and "=" style kept */
	write_file("alembic.ini", set_ini);
	check_set(&a, NULL, "version_locations", "x y",
		  "# A generic, single database configuration.\n\n[alembic]\n"
		  "# path to migration scripts\nscript_location = migrations\n"
		  "version_locations = x y\n    # kept comment\nMixed.Key=old\n"
		  "sqlalchemy.url = driver://user:pass@localhost/dbname\n\n\n"
		  "[post_write_hooks]\n# hooks = black\n\n# Logging configuration\n[loggers]\nkeys "
		  "= root\n");
	write_file("alembic.ini", set_ini);
	check_set(&a, NULL, "MIXED.key", "50% off",
		  arena_printf(&a, "%.*sMixed.Key=50%%%% off\n%s",
			       (int)(strstr(set_ini, "Mixed") - set_ini), set_ini,
			       strstr(set_ini, "sqlalchemy.url")));
	/* an empty value */
	write_file("alembic.ini", "[alembic]\nk = v\n");
	check_set(&a, NULL, "k", "", "[alembic]\nk =\n");
	check_set(&a, NULL, "k", "again", "[alembic]\nk = again\n");
	leave_tmpdir(&a);
}

static void test_set_insert(void)
{
	struct arena a = ARENA_INIT;

	enter_tmpdir(&a);
	write_file("alembic.ini", set_ini);
	check_set(&a, NULL, "lock_timeout", "30",
		  arena_printf(&a, "%.*slock_timeout = 30\n%s",
			       (int)(strstr(set_ini, "\n\n\n[post") + 1 - set_ini), set_ini,
			       strstr(set_ini, "\n\n\n[post") + 1));
	/* the comment block attached to [loggers] stays with it */
	write_file("alembic.ini", set_ini);
	check_set(&a, "post_write_hooks", "hooks", "black",
		  arena_printf(&a, "%.*shooks = black\n%s",
			       (int)(strstr(set_ini, "\n\n# Logging") + 1 - set_ini), set_ini,
			       strstr(set_ini, "\n\n# Logging") + 1));
	/* CRLF file, no final newline; a missing section is appended */
	write_file("alembic.ini", "[alembic]\r\nk = v");
	check_set(&a, NULL, "j", "w", "[alembic]\r\nk = v\r\nj = w\r\n");
	write_file("alembic.ini", "[alembic]\r\nk = v");
	check_set(&a, "other", "j", "${HOME}",
		  "[alembic]\r\nk = v\r\n\r\n[other]\r\nj = ${HOME}\r\n");
	/* the last key's continuation lines stay before the new key */
	write_file("alembic.ini", "[alembic]\nk = v\n  c\n\n[x]\n");
	check_set(&a, NULL, "n", "%(k)s", "[alembic]\nk = v\n  c\nn = %%(k)s\n\n[x]\n");
	leave_tmpdir(&a);
}

static void test_set_errors(void)
{
	static const struct {
		const char *key;   /* key to set */
		const char *value; /* value to set */
	} bad[] = {
		{"a=b", "v"}, {"a:b", "v"}, {"a\nb", "v"}, {"", "v"},   {" a", "v"},
		{"[a", "v"},  {"#a", "v"},  {"a", "x\ny"}, {"a", " x"}, {"a", "x\r"},
	};
	struct arena a = ARENA_INIT;
	struct err e;
	const char *before = "[alembic]\nk = v\n";

	enter_tmpdir(&a);
	write_file("alembic.ini", before);
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		err_clear(&e);
		CHECK(config_set_value(&a, "alembic.ini", NULL, bad[i].key, bad[i].value, &e) ==
		      -1);
		CHECK_INT(e.code, ERR_USAGE);
	}
	CHECK(config_set_value(&a, "nosuch.ini", NULL, "k", "v", &e) == -1);
	CHECK_INT(e.code, ERR_COMMAND);
	CHECK_STR(e.msg, "No config file 'nosuch.ini' found, or file has no '[alembic]' section");
	write_file("alembic.ini", "[alembic]\nk = v\nk = w\n");
	CHECK(config_set_value(&a, "alembic.ini", NULL, "j", "v", &e) == -1);
	CHECK_INT(e.code, ERR_INPUT);
	CHECK_INT(e.line, 3);
	CHECK_STR(read_file(&a, "alembic.ini"), "[alembic]\nk = v\nk = w\n");
	leave_tmpdir(&a);
}

/* Through a symlink the target file is rewritten and the link kept. */
static void test_set_symlink(void)
{
	struct arena a = ARENA_INIT;
	struct err e;
	struct stat st;

	enter_tmpdir(&a);
	write_file("real.ini", "[alembic]\nk = v\n");
	CHECK(symlink("real.ini", "alembic.ini") == 0);
	err_clear(&e);
	CHECK(config_set_value(&a, NULL, NULL, "k", "w", &e) == 0);
	CHECK(lstat("alembic.ini", &st) == 0 && S_ISLNK(st.st_mode));
	CHECK_STR(read_file(&a, "real.ini"), "[alembic]\nk = w\n");
	leave_tmpdir(&a);
}

/* ---- init ------------------------------------------------------------- */

struct rec {
	struct buf out; /* what Alembic would print on stdout */
};

static void rec_begin(void *ctx, const char *text)
{
	buf_addf(&((struct rec *)ctx)->out, "%s ...", text);
}

static void rec_end(void *ctx, bool ok)
{
	buf_adds(&((struct rec *)ctx)->out, ok ? "  done\n" : "  FAILED\n");
}

static void rec_msg(void *ctx, const char *text)
{
	buf_addf(&((struct rec *)ctx)->out, "%s\n", text);
}

/* generic is Alembic's own layout; the ini loads with Alembic's placeholder URL. */
static void test_init_generic(void)
{
	struct arena a = ARENA_INIT;
	char *d = enter_tmpdir(&a);
	struct rec r = {BUF_INIT};
	struct sink s = {rec_begin, rec_end, rec_msg, NULL, NULL, &r};
	struct err e;
	struct config c;
	const char *mako;

	err_clear(&e);
	unsetenv("ALEMBIC_CONFIG");
	CHECK(init_project(&a, "migrations", "generic", NULL, &s, &e) == 0);
	CHECK_STR(r.out.ptr,
		  arena_printf(&a,
			       "Creating directory %s/migrations ...  done\n"
			       "Creating directory %s/migrations/versions ...  done\n"
			       "Generating %s/migrations/script.py.mako ...  done\n"
			       "Generating %s/migrations/README ...  done\n"
			       "Generating %s/migrations/env.py ...  done\n"
			       "Generating %s/alembic.ini ...  done\n"
			       "Please edit configuration/connection/logging settings in "
			       "'%s/alembic.ini' before proceeding.\n",
			       d, d, d, d, d, d, d));
	CHECK(fs_is_dir("migrations/versions"));
	CHECK(!fs_exists("migrations/script.sql.tmpl"));
	CHECK_STR(read_file(&a, "migrations/README"), "Generic single-database configuration.");
	mako = read_file(&a,
			 "/usr/lib/python3/dist-packages/alembic/templates/generic/script.py.mako");
	if (mako) /* the oracle is installed: the copy is verbatim */
		CHECK_STR(read_file(&a, "migrations/script.py.mako"), mako);
	CHECK(config_load(&a, NULL, NULL, &c, &e) == 0);
	CHECK_STR(c.script_location_raw, "migrations");
	CHECK_STR(c.url, "driver://user:pass@localhost/dbname");
	CHECK(c.revision_format == NULL); /* the project's templates decide: py */
	CHECK(config_check_script_location(&c, &e) == 0);
	buf_release(&r.out);
	leave_tmpdir(&a);
}

/* sql is the native layout; its URL is ${POSTGRES_URL} with no fallback. */
static void test_init_sql_existing_ini(void)
{
	struct arena a = ARENA_INIT;
	char *d = enter_tmpdir(&a);
	struct rec r = {BUF_INIT};
	struct sink s = {rec_begin, rec_end, rec_msg, NULL, NULL, &r};
	struct err e;
	struct config c;

	CHECK(fs_mkdir("mig", &e) == 0); /* exists and empty: no first "Creating" line */
	CHECK(init_project(&a, "mig", "sql", "n.ini", &s, &e) == 0);
	CHECK_STR(r.out.ptr,
		  arena_printf(&a,
			       "Creating directory %s/mig/versions ...  done\n"
			       "Generating %s/mig/README ...  done\n"
			       "Generating %s/mig/script.sql.tmpl ...  done\n"
			       "Generating %s/n.ini ...  done\n"
			       "Please edit configuration/connection/logging settings in "
			       "'%s/n.ini' before proceeding.\n",
			       d, d, d, d, d));
	CHECK_STR(
		read_file(&a, "mig/script.sql.tmpl"),
		"-- ${message}\n--\n-- Revision ID: ${up_revision}\n-- Revises: ${down_revision}\n"
		"-- Create Date: ${create_date}\n${header_extra}\n-- migrate:upgrade\n${upgrades}\n\n"
		"-- migrate:downgrade\n${downgrades}\n");
	unsetenv("POSTGRES_URL");
	err_clear(&e);
	CHECK(config_load(&a, "n.ini", NULL, &c, &e) == 0);
	CHECK(c.url == NULL); /* no silent fallback to another database */
	CHECK(c.url_err != NULL && strstr(c.url_err->msg, "POSTGRES_URL") != NULL);
	setenv("POSTGRES_URL", "postgresql://u@h/db", 1);
	CHECK(config_load(&a, "n.ini", NULL, &c, &e) == 0);
	CHECK_STR(c.url, "postgresql://u@h/db");
	unsetenv("POSTGRES_URL");
	/* a second project next to an existing ini: skipped, not overwritten */
	buf_reset(&r.out);
	CHECK(init_project_ex(&a, "two", "generic", "n.ini", true, &s, &e) == 0);
	CHECK(strstr(r.out.ptr, arena_printf(&a, "File %s/n.ini already exists, skipping\n", d)) !=
	      NULL);
	CHECK(strstr(r.out.ptr, arena_printf(&a,
					     "Adding %s/two/__init__.py ...  done\n"
					     "Adding %s/two/versions/__init__.py ...  done\n",
					     d, d)) != NULL);
	CHECK(strstr(read_file(&a, "n.ini"), "script_location = mig\n") != NULL);
	buf_release(&r.out);
	leave_tmpdir(&a);
}

static void test_init_errors(void)
{
	struct arena a = ARENA_INIT;
	struct rec r = {BUF_INIT};
	struct sink s = {rec_begin, rec_end, rec_msg, NULL, NULL, &r};
	struct err e;

	enter_tmpdir(&a);
	CHECK(fs_mkdir("full", &e) == 0);
	write_file("full/x", "");
	CHECK(init_project(&a, "full", "nosuch", NULL, &s, &e) == -1);
	CHECK_INT(e.code, ERR_COMMAND);
	CHECK_STR(e.msg, "Directory full already exists and is not empty");
	CHECK(init_project(&a, "./full/", "generic", NULL, &s, &e) == -1);
	CHECK_STR(e.msg, "Directory ./full/ already exists and is not empty");
	CHECK(init_project(&a, "new", "nosuch", NULL, &s, &e) == -1);
	CHECK_STR(e.msg, "No such template 'nosuch'");
	CHECK(init_project(&a, "full/x", "generic", NULL, &s, &e) == -1);
	CHECK_INT(e.code, ERR_COMMAND);
	CHECK(!fs_exists("new"));
	CHECK_STR(buf_cstr(&r.out), "");
	buf_release(&r.out);
	leave_tmpdir(&a);
}

/* A script_location with '%' and '$' is escaped in the ini and reads back. */
static void test_init_escaped_dir(void)
{
	struct arena a = ARENA_INIT;
	char *d = enter_tmpdir(&a);
	struct err e;
	struct config c;

	CHECK(init_project(&a, "a%b$c/m", "generic", NULL, NULL, &e) == 0);
	err_clear(&e);
	CHECK(config_load(&a, NULL, NULL, &c, &e) == 0);
	CHECK_STR(c.script_location_raw, "a%b$c/m");
	CHECK_STR(c.script_location, arena_printf(&a, "%s/a%%b$c/m", d));
	leave_tmpdir(&a);
}

static void test_templates_list(void)
{
	static const char *const names[] = {"multidb", "generic", "async", "sql", NULL};
	size_t n = 0;

	for (const struct init_template *const *t = init_templates; *t; t++, n++) {
		const char *readme = NULL;
		for (const struct init_file *f = (*t)->files; f->name; f++)
			if (!strcmp(f->name, "README"))
				readme = f->text;
		CHECK(readme != NULL);
		if (readme) /* list_templates shows the README's first line */
			CHECK(!strncmp(readme, (*t)->synopsis, strlen((*t)->synopsis)) &&
			      (readme[strlen((*t)->synopsis)] == '\n' ||
			       !readme[strlen((*t)->synopsis)]));
		CHECK(init_find_template((*t)->name) == *t);
		CHECK(n < 4 && !strcmp((*t)->name, names[n]));
	}
	CHECK_INT(n, 4);
	CHECK_STR(init_templates[1]->synopsis, "Generic single-database configuration.");
	CHECK(init_find_template("py") == NULL);
	CHECK(init_find_template("pyproject") == NULL);
}

/* Every value line of the sql template's ini is free of inline comments. */
static void test_template_ini_no_inline_comments(void)
{
	struct arena a = ARENA_INIT;
	struct ini *ini;
	struct err e;
	const char *text = init_render_ini(&a, init_find_template("sql"), "migrations");

	err_clear(&e);
	CHECK(ini_parse(&a, "t.ini", text, strlen(text), "/h", &ini, &e) == 0);
	for (size_t i = 0; i < ini->n_sections; i++)
		for (size_t j = 0; j < ini->sections[i]->n; j++)
			CHECK(strchr(ini->sections[i]->entries[j].raw, '#') == NULL);
	CHECK(strstr(text, "# revision_format = sql\n") != NULL);
	CHECK(strstr(text, "sqlalchemy.url = ${POSTGRES_URL}\n") != NULL);
	CHECK(strstr(text, "${POSTGRES_URL:-") == NULL); /* no default database */
	CHECK(strstr(text, "to migrations/versions.") != NULL);
	for (const char *k =
		     "version_table\0version_table_schema\0transaction_per_migration\0"
		     "lock_timeout\0revision_format\0recursive_version_locations\0timezone\0"
		     "truncate_slug_length\0file_template\0output_encoding\0version_locations\0"
		     "version_path_separator\0";
	     *k; k += strlen(k) + 1)
		CHECK(strstr(text, arena_printf(&a, "# %s =", k)) != NULL);
	/* Alembic's ini: ${script_location} replaced in all three places */
	text = init_render_ini(&a, &init_template_generic, "mig");
	CHECK(strstr(text, "script_location = mig\n") != NULL);
	CHECK(strstr(text, "# to mig/versions.") != NULL);
	CHECK(strstr(text, "${") == NULL);
	arena_release(&a);
}

static const struct unit_test tests[] = {
	UNIT(test_load_defaults),
	UNIT(test_script_location_relative_to_cwd),
	UNIT(test_load_alembic_errors),
	UNIT(test_check_script_location),
	UNIT(test_version_locations),
	UNIT(test_bad_separator),
	UNIT(test_typed_keys),
	UNIT(test_typed_key_errors),
	UNIT(test_url),
	UNIT(test_settings_listing),
	UNIT(test_set_replace),
	UNIT(test_set_insert),
	UNIT(test_set_errors),
	UNIT(test_set_symlink),
	UNIT(test_init_generic),
	UNIT(test_init_sql_existing_ini),
	UNIT(test_init_errors),
	UNIT(test_init_escaped_dir),
	UNIT(test_templates_list),
	UNIT(test_template_ini_no_inline_comments),
	{0},
};

UNIT_MAIN(tests)
