/*
 * t_model.c - the model loader (model/model.h).  model_from_script binds the
 * helper outputs recorded by tests/fixtures/model/record.py (which also
 * checks them against real Alembic's autogenerate); model_load_python runs
 * /usr/bin/python3 on the fixture projects there (skipped, with a note, when
 * that interpreter has no sqlmodel) and on fake interpreters for the error
 * paths.  Run from the top of the tree.
 */
#include <sys/stat.h>

#include "base/buf.h"
#include "base/fs.h"
#include "base/str.h"
#include "db/introspect.h"
#include "model/model.h"
#include "unit.h"

#define FIX "tests/fixtures/model/"
#define PY3 "/usr/bin/python3"

static const char *read_fixture(struct arena *a, const char *name)
{
	struct err e;
	char *data = NULL;
	size_t len = 0;

	if (fs_read_file(a, name, &data, &len, &e) < 0) {
		fprintf(stderr, "  cannot read %s: %s\n", name, e.msg);
		return NULL;
	}
	return data;
}

/* The tables as db_schema_dump writes them, indexes included. */
static const char *dump(struct arena *a, const struct model *m)
{
	struct db_schema s = {0};
	struct buf b = BUF_INIT;

	s.tables = m->tables;
	s.n_tables = m->n_tables;
	db_schema_dump(a, &s, "sqlite", &b);
	return buf_to_arena(&b, a);
}

static int bind_fixture(struct arena *a, const char *name, struct model *m, struct err *e)
{
	const char *text = read_fixture(a, name);

	if (!text)
		return -1;
	return model_from_script(a, text, name, "sqlite", m, e);
}

static void test_helper_c_string_is_helper_py(void)
{
	struct arena a = ARENA_INIT;
	const char *py = read_fixture(&a, "src/model/helper.py");

	CHECK(py != NULL);
	if (py && strcmp(py, model_helper_py))
		fprintf(stderr, "  src/model/helper_py.c is stale: run tools/gen_model_helper "
				"> src/model/helper_py.c\n");
	CHECK(py && !strcmp(py, model_helper_py));
	arena_release(&a);
}

static void test_from_script_sqlmodel(void)
{
	struct arena a = ARENA_INIT;
	struct model m;
	struct err e;
	const struct sch_table *p, *r;

	CHECK_INT(bind_fixture(&a, FIX "sqlmodel.sqlite.py", &m, &e), 0);
	CHECK(m.has_metadata);
	CHECK_INT(m.n_tables, 2);
	if (m.n_tables != 2)
		return;
	p = m.tables[0];
	r = m.tables[1];
	CHECK_STR(p->name, "profile");
	CHECK_STR(r->name, "resume"); /* sorted_tables: the referred table first */
	CHECK_INT(p->n_columns, 5);
	CHECK_STR(p->columns[1]->name, "name");
	CHECK_INT(p->columns[1]->nullable, SCH_FALSE);
	CHECK_INT(p->columns[3]->nullable, SCH_TRUE);
	CHECK_INT(p->n_constraints, 1);
	CHECK_INT(p->constraints[0]->kind, SCH_PRIMARY_KEY);
	CHECK_INT(p->n_indexes, 1);
	CHECK_STR(p->indexes[0]->name, "ix_profile_email");
	CHECK(p->indexes[0]->name_final); /* op.f(): the naming convention's */
	CHECK(p->indexes[0]->unique);
	CHECK_INT(r->n_constraints, 2);
	CHECK_INT(r->constraints[0]->kind, SCH_FOREIGN_KEY);
	CHECK_STR(r->constraints[0]->ref_table, "profile");
	CHECK_INT(r->n_indexes, 1);
	CHECK(!r->indexes[0]->unique);
	CHECK_INT(m.compare_type, SCH_UNSET);
	CHECK(m.version_table == NULL);
	CHECK_STR(dump(&a, &m),
		  "table profile\n"
		  "  column id type=INTEGER nullable=false pk=0\n"
		  "  column name type=VARCHAR(100) nullable=false pk=0\n"
		  "  column email type=VARCHAR nullable=false pk=0\n"
		  "  column bio type=VARCHAR nullable=true pk=0\n"
		  "  column created_at type=DATETIME nullable=false pk=0\n"
		  "  primary_key name=- columns=id\n"
		  "  index name=ix_profile_email unique=1 elems=email\n"
		  "table resume\n"
		  "  column id type=INTEGER nullable=false pk=0\n"
		  "  column profile_id type=INTEGER nullable=false pk=0\n"
		  "  column title type=VARCHAR nullable=false pk=0\n"
		  "  column content type=VARCHAR nullable=true pk=0\n"
		  "  foreign_key name=- columns=profile_id ref=profile ref_columns=id\n"
		  "  primary_key name=- columns=id\n"
		  "  index name=ix_resume_title unique=0 elems=title\n");
	arena_release(&a);
}

/* A foreign key with ondelete, an Enum, server defaults, a unique constraint,
 * a composite index, a CHECK, comments, an Identity; configure() settings. */
static void test_from_script_features(void)
{
	struct arena a = ARENA_INIT;
	struct model m;
	struct err e;
	const struct sch_table *u, *p;

	CHECK_INT(bind_fixture(&a, FIX "features.sqlite.py", &m, &e), 0);
	CHECK_INT(m.compare_type, SCH_TRUE);
	CHECK_INT(m.render_as_batch, SCH_FALSE);
	CHECK_INT(m.compare_server_default, SCH_UNSET);
	CHECK_STR(m.version_table, "alembic_version");
	CHECK_INT(m.n_tables, 2);
	if (m.n_tables != 2)
		return;
	u = m.tables[0];
	p = m.tables[1];
	CHECK_STR(u->name, "users");
	CHECK_STR(u->comment, "all users");
	CHECK_INT(u->n_constraints, 3);
	CHECK_INT(u->constraints[0]->kind, SCH_CHECK);
	CHECK_STR(u->constraints[0]->name, "ck_username_len");
	CHECK_INT(u->constraints[2]->kind, SCH_UNIQUE);
	CHECK(u->columns[2]->server_default && u->columns[2]->server_default->kind == SCH_EXPR_STR);
	CHECK(u->columns[3]->server_default &&
	      u->columns[3]->server_default->kind == SCH_EXPR_TEXT);
	CHECK_STR(u->columns[3]->server_default->s, "(CURRENT_TIMESTAMP)");
	CHECK_STR(u->columns[4]->comment, "karma");
	CHECK_STR(p->name, "posts");
	CHECK(p->columns[0]->identity != NULL);
	CHECK_INT(p->constraints[0]->kind, SCH_FOREIGN_KEY);
	CHECK_STR(p->constraints[0]->ondelete, "CASCADE");
	CHECK_STR(p->constraints[0]->name, "fk_posts_user_id_users");
	CHECK(p->constraints[0]->name_final);
	CHECK_INT(p->constraints[2]->kind, SCH_UNIQUE);
	CHECK_STR(p->constraints[2]->name, "uq_posts_user_title");
	CHECK_INT(p->n_indexes, 2);
	if (p->n_indexes == 2) {
		CHECK_STR(p->indexes[1]->name, "ix_posts_user_score");
		CHECK(!p->indexes[1]->name_final);
		CHECK_INT(p->indexes[1]->n_elems, 2);
		CHECK_STR(p->indexes[1]->elems[1].column, "score");
	}
	arena_release(&a);
}

/* The PostgreSQL rendering binds for PostgreSQL (server defaults as
 * compiled for it). */
static void test_from_script_features_postgresql(void)
{
	struct arena a = ARENA_INIT;
	const char *text = read_fixture(&a, FIX "features.postgresql.py");
	struct model m;
	struct err e;

	CHECK(text != NULL);
	CHECK_INT(model_from_script(&a, text, "features.postgresql.py", "postgresql", &m, &e), 0);
	CHECK_INT(m.n_tables, 2);
	if (m.n_tables == 2)
		CHECK_STR(m.tables[0]->columns[3]->server_default->s, "now()");
	arena_release(&a);
}

/* Every construct of the wide model binds, for each dialect. */
static void test_from_script_wide(void)
{
	static const char *const dialects[] = {"sqlite", "postgresql", "mysql"};
	struct arena a = ARENA_INIT;

	for (size_t i = 0; i < 3; i++) {
		const char *name = arena_printf(&a, FIX "wide.%s.py", dialects[i]);
		const char *text = read_fixture(&a, name);
		struct model m;
		struct err e;

		CHECK(text != NULL);
		if (!text)
			continue;
		err_clear(&e);
		CHECK_INT(model_from_script(&a, text, name, dialects[i], &m, &e), 0);
		if (e.code)
			fprintf(stderr, "  %s:%d:%d: %s\n", e.file, e.line, e.col, e.msg);
		CHECK_INT(m.n_tables, 2);
		if (m.n_tables != 2)
			continue;
		CHECK(m.tables[0]->columns[3]->computed != NULL);
		CHECK_INT(m.tables[0]->n_constraints, 4);
		CHECK_INT(m.tables[0]->n_indexes, 1);
		CHECK(m.tables[0]->indexes[0]->elems[0].expr != NULL);
		CHECK_INT(m.tables[0]->indexes[0]->dialect_kw.n, 1);
		CHECK_INT(m.tables[0]->dialect_kw.n, 1);
		CHECK_INT(m.tables[1]->columns[0]->autoincrement, SCH_AUTOINC_FALSE);
		CHECK_STR(m.tables[1]->constraints[0]->onupdate, "CASCADE");
		CHECK_INT(m.tables[1]->n_indexes, 1); /* unique, postgresql_using */
		CHECK(m.tables[1]->n_indexes == 1 && m.tables[1]->indexes[0]->unique);
	}
	arena_release(&a);
}

static void test_from_script_no_metadata(void)
{
	struct arena a = ARENA_INIT;
	struct model m;
	struct err e;

	CHECK_INT(bind_fixture(&a, FIX "nometadata.sqlite.py", &m, &e), 0);
	CHECK(!m.has_metadata);
	CHECK_INT(m.n_tables, 0);
	arena_release(&a);
}

/* A type of the application's own module cannot be evaluated: refused, named. */
static void test_from_script_app_type_refused(void)
{
	static const char text[] =
		"from alembic import op\nimport sqlalchemy as sa\n"
		"import myapp.types\n\nhas_metadata = True\n\n\n"
		"def upgrade():\n    op.create_table('t',\n"
		"    sa.Column('a', myapp.types.Money(), nullable=True)\n    )\n";
	struct arena a = ARENA_INIT;
	struct model m;
	struct err e;

	err_clear(&e);
	CHECK_INT(model_from_script(&a, text, "env.py (target_metadata)", "sqlite", &m, &e), -1);
	CHECK_INT(e.code, ERR_INPUT);
	CHECK(strstr(e.msg, "myapp") != NULL);
	CHECK_INT(e.line, 10);
	CHECK_INT(m.n_tables, 0);
	arena_release(&a);
}

static bool have_sqlmodel(void)
{
	static const char *const argv[] = {PY3, "-c", "import sqlmodel", NULL};
	int status;
	pid_t pid;

	if (access(PY3, X_OK) != 0)
		return false;
	pid = fork();
	if (pid == 0) {
		freopen("/dev/null", "w", stderr);
		execv(PY3, (char *const *)argv);
		_exit(127);
	}
	return pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	       WEXITSTATUS(status) == 0;
}

static void opts_x(struct arena *a, const char *project, const char *python, const char *const *xs,
		   size_t n_xs, struct model_py_opts *op)
{
	struct model_py_opts o = {0};

	o.python = python;
	o.ini_path = arena_printf(a, FIX "%s/alembic.ini", project);
	o.ini_section = "alembic";
	o.script_location = arena_printf(a, FIX "%s/migrations", project);
	o.dialect = "sqlite";
	o.url = "sqlite:///db.sqlite";
	o.x_args = xs;
	o.n_x_args = n_xs;
	*op = o;
}

static int load_x(struct arena *a, const char *project, const char *python, const char *const *xs,
		  size_t n_xs, struct model *m, struct err *e)
{
	struct model_py_opts o;

	opts_x(a, project, python, xs, n_xs, &o);
	err_clear(e);
	return model_load_python(a, &o, m, e);
}

static int load(struct arena *a, const char *project, const char *python, struct model *m,
		struct err *e)
{
	return load_x(a, project, python, NULL, 0, m, e);
}

/* Whether PY3 has SQLModel; else the test is skipped, and says so. */
static bool with_sqlmodel(void)
{
	if (have_sqlmodel())
		return true;
	fprintf(stderr, "  skipped: " PY3 " without sqlmodel\n");
	return false;
}

/* project loaded with PY3 and -x xs: success expected (else the error is
 * shown), and the helper's output equal to fixture (NULL: not compared). */
static void load_ok(struct arena *a, const char *project, const char *const *xs, size_t n_xs,
		    const char *fixture, struct model *m)
{
	struct err e;

	CHECK_INT(load_x(a, project, PY3, xs, n_xs, m, &e), 0);
	if (e.code)
		fprintf(stderr, "  %s:%d: %s\n", e.file, e.line, e.msg);
	if (fixture)
		CHECK_STR(m->script, read_fixture(a, arena_printf(a, FIX "%s", fixture)));
}

/* project loaded with PY3: ERR_INPUT expected, in *e. */
static void load_refused(struct arena *a, const char *project, struct model *m, struct err *e)
{
	CHECK_INT(load(a, project, PY3, m, e), -1);
	CHECK_INT(e->code, ERR_INPUT);
}

static void test_load_python_sqlmodel(void)
{
	struct arena a = ARENA_INIT;
	struct model m;

	if (!with_sqlmodel())
		return;
	load_ok(&a, "sqlmodel", NULL, 0, "sqlmodel.sqlite.py", &m);
	CHECK_INT(m.n_tables, 2);
	CHECK(m.has_metadata);
	load_ok(&a, "features", NULL, 0, "features.sqlite.py", &m);
	load_ok(&a, "nometadata", NULL, 0, NULL, &m);
	CHECK(!m.has_metadata);
	arena_release(&a);
}

/* Alembic 1.8.1's async template (AsyncEngine(engine_from_config(...)),
 * connection.run_sync) runs against the fake engine too. */
static void test_load_python_async_template(void)
{
	struct arena a = ARENA_INIT;
	struct model m;

	if (!with_sqlmodel())
		return;
	load_ok(&a, "async", NULL, 0, "async.sqlite.py", &m);
	CHECK_INT(m.n_tables, 2);
	arena_release(&a);
}

/* A table of the database's, for model_decide. */
static struct sch_table *db_table(struct arena *a, const char *name, const char *col)
{
	struct sch_table *t = arena_calloc(a, 1, sizeof(*t));

	t->name = name;
	t->columns = arena_calloc(a, 1, sizeof(*t->columns));
	t->columns[0] = arena_calloc(a, 1, sizeof(**t->columns));
	t->columns[0]->name = col;
	t->n_columns = 1;
	return t;
}

/* -x values reach context.get_x_argument, config.get_main_option reads the
 * ini, literal settings are kept; include_object is asked by model_decide,
 * with the database's names on the helper's stdin. */
static void test_load_python_x_args_and_include_object(void)
{
	static const char *const xs[] = {"tenant=t1"};
	struct arena a = ARENA_INIT;
	struct model_py_opts o;
	struct model m;
	struct err e;
	struct db_schema live = {0};
	struct sch_table *tables[2];
	struct ag_leave *v = NULL;
	size_t n = 0;

	if (!with_sqlmodel())
		return;
	load_ok(&a, "filtered", xs, 1, "filtered.sqlite.py", &m);
	CHECK_STR(m.version_table, "version_t1");
	CHECK_STR(m.version_table_schema, "acme");
	CHECK_INT(m.compare_server_default, SCH_TRUE);
	CHECK_INT(m.include_schemas, SCH_FALSE);
	CHECK(m.has_filters);
	CHECK_INT(m.n_tables, 1); /* posts: include_object(t, 'posts', 'table', False, None) */
	if (m.n_tables == 1) {
		CHECK_STR(m.tables[0]->name, "users");
		CHECK_INT(m.tables[0]->n_indexes, 1); /* its indexes are for model_decide */
	}
	/* the database has posts (in the model too: the model's verdict) and
	 * ix_users_username as a table of its own (database only: rejected) */
	tables[0] = db_table(&a, "ix_users_username", "id");
	tables[1] = db_table(&a, "posts", "id\tx");
	live.tables = tables;
	live.n_tables = 2;
	opts_x(&a, "filtered", PY3, xs, 1, &o);
	err_clear(&e);
	CHECK_INT(model_decide(&a, &o, &live, &v, &n, &e), 0);
	if (e.code)
		fprintf(stderr, "  %s:%d: %s\n", e.file, e.line, e.msg);
	CHECK_INT(n, 3);
	if (n == 3) {
		CHECK(!v[0].model && !strcmp(v[0].kind, "table") && !v[0].schema);
		CHECK_STR(v[0].table, "ix_users_username");
		CHECK(v[1].model && !strcmp(v[1].kind, "index"));
		CHECK_STR(v[1].table, "users");
		CHECK_STR(v[1].name, "ix_users_username");
		CHECK(v[2].model && !strcmp(v[2].kind, "table") && !v[2].name);
		CHECK_STR(v[2].table, "posts");
	}
	arena_release(&a);
}

static void test_load_python_import_error(void)
{
	struct arena a = ARENA_INIT;
	struct model m;
	struct err e;

	if (!with_sqlmodel())
		return;
	load_refused(&a, "importerror", &m, &e);
	CHECK_STR(e.file, "migrations/env.py");
	CHECK_INT(e.line, 10);
	CHECK_STR(e.msg, "ModuleNotFoundError: No module named 'src'");
	arena_release(&a);
}

/* The application's TypeDecorator: refused naming the table, the column and
 * the module, at env.py. */
static void test_load_python_app_type(void)
{
	struct arena a = ARENA_INIT;
	struct model m;
	struct err e;

	if (!with_sqlmodel())
		return;
	load_refused(&a, "apptype", &m, &e);
	CHECK_STR(e.file, FIX "apptype/migrations/env.py");
	CHECK_STR(e.msg, "target_metadata: table 'invoice': sa.Column('total', "
			 "app.types.Money(precision=12, scale=2), nullable=False): the "
			 "application's module 'app.types' (imported at line 4) cannot be "
			 "imported without Python");
	arena_release(&a);
}

static void test_load_python_missing_interpreter(void)
{
	struct arena a = ARENA_INIT;
	struct model m;
	struct err e;

	CHECK_INT(load(&a, "sqlmodel", "/nonexistent/python3", &m, &e), -1);
	CHECK_INT(e.code, ERR_COMMAND);
	CHECK(strstr(e.msg, "/nonexistent/python3 not found") != NULL);
	arena_release(&a);
}

/* A fake interpreter: a shell script with body, in a fresh temporary directory. */
static const char *fake_python(struct arena *a, const char *body)
{
	char dir[] = "/tmp/t_model.XXXXXX";
	const char *path;
	struct err e;

	if (!mkdtemp(dir))
		return NULL;
	path = arena_printf(a, "%s/python", dir);
	if (fs_write_file(path, body, strlen(body), true, &e) < 0 || chmod(path, 0755) < 0)
		return NULL;
	return path;
}

static void drop_fake_python(struct arena *a, const char *path)
{
	if (!path)
		return;
	unlink(path);
	rmdir(fs_dirname(a, path));
}

static void test_load_python_helper_crash(void)
{
	struct arena a = ARENA_INIT;
	struct model m;
	struct err e;
	/* 2 MB on each stream first: poll must drain both */
	const char *py = fake_python(&a, "#!/bin/sh\nhead -c 2000000 /dev/zero | tr '\\0' x\n"
					 "head -c 2000000 /dev/zero | tr '\\0' y >&2\n"
					 "echo >&2; echo 'Segmentation fault' >&2\nexit 9\n");

	CHECK(py != NULL);
	CHECK_INT(load(&a, "sqlmodel", py, &m, &e), -1);
	CHECK_INT(e.code, ERR_COMMAND);
	CHECK(strstr(e.msg, "exited with status 9: Segmentation fault") != NULL);
	drop_fake_python(&a, py);
	arena_release(&a);
}

static void test_load_python_without_sqlalchemy(void)
{
	struct arena a = ARENA_INIT;
	struct model m;
	struct err e;
	/* -S: no site directories, so no SQLAlchemy */
	const char *py = fake_python(&a, "#!/bin/sh\nexec " PY3 " -I -S \"$@\"\n");

	CHECK(py != NULL);
	if (access(PY3, X_OK) != 0) {
		drop_fake_python(&a, py);
		return;
	}
	CHECK_INT(load(&a, "sqlmodel", py, &m, &e), -1);
	CHECK_INT(e.code, ERR_COMMAND);
	CHECK(strstr(e.msg, "cannot import sqlalchemy") != NULL);
	drop_fake_python(&a, py);
	arena_release(&a);
}

/* A project in a fresh temporary directory: files[] are (path, text) pairs. */
static const char *temp_project(struct arena *a, const char *const *files, size_t n)
{
	char tmpl[] = "/tmp/t_model_p.XXXXXX";
	const char *dir = mkdtemp(tmpl) ? arena_strdup(a, tmpl) : NULL;
	struct err e;

	for (size_t i = 0; dir && i + 1 < n; i += 2) {
		const char *path = fs_join(a, dir, files[i]);

		mkdir(fs_dirname(a, path), 0755);
		mkdir(fs_dirname(a, fs_dirname(a, path)), 0755);
		mkdir(fs_dirname(a, path), 0755);
		if (fs_write_file(path, files[i + 1], strlen(files[i + 1]), false, &e) < 0 ||
		    chmod(path, 0755) < 0)
			return NULL;
	}
	return dir;
}

static void drop_project(const char *dir)
{
	const char *const argv[] = {"/bin/rm", "-rf", dir, NULL};
	pid_t pid = fork();
	int status;

	if (pid == 0) {
		execv(argv[0], (char *const *)argv);
		_exit(127);
	}
	if (pid > 0)
		waitpid(pid, &status, 0);
}

static int load_dir(struct arena *a, const char *dir, const char *python, struct model *m,
		    struct err *e)
{
	struct model_py_opts o = {0};

	o.python = python;
	o.ini_path = fs_join(a, dir, "alembic.ini");
	o.script_location = fs_join(a, dir, "migrations");
	o.dialect = "sqlite";
	err_clear(e);
	return model_load_python(a, &o, m, e);
}

/* Discovery: the ini's python key first, then <ini dir>/.venv/bin/python. */
static void test_load_python_discovery(void)
{
	static const char *const files[] = {
		"alembic.ini",
		"[alembic]\nscript_location = migrations\npython = bin/py\n",
		"bin/py",
		"#!/bin/sh\necho from-ini-key >&2\nexit 7\n",
		".venv/bin/python",
		"#!/bin/sh\necho from-venv >&2\nexit 8\n",
		"migrations/env.py",
		"\n",
	};
	struct arena a = ARENA_INIT;
	const char *dir = temp_project(&a, files, sizeof(files) / sizeof(files[0]));
	struct model m;
	struct err e;

	CHECK(dir != NULL);
	if (!dir)
		return;
	CHECK_INT(load_dir(&a, dir, NULL, &m, &e), -1);
	CHECK(strstr(e.msg, "exited with status 7: from-ini-key") != NULL);
	fs_write_file(fs_join(&a, dir, "alembic.ini"), "[alembic]\n", 10, false, &e);
	CHECK_INT(load_dir(&a, dir, NULL, &m, &e), -1);
	CHECK(strstr(e.msg, "exited with status 8: from-venv") != NULL);
	fs_write_file(fs_join(&a, dir, "alembic.ini"), "[alembic]\npython = nope\n", 24, false, &e);
	CHECK_INT(load_dir(&a, dir, NULL, &m, &e), -1);
	CHECK_INT(e.code, ERR_COMMAND);
	CHECK_STR(e.msg, "python interpreter nope not found (python in alembic.ini)");
	drop_project(dir);
	arena_release(&a);
}

/* An exception in a model module: the innermost frame of the user's code. */
static void test_load_python_error_in_model(void)
{
	static const char *const files[] = {
		"alembic.ini",       "[alembic]\nscript_location = migrations\n",
		"migrations/env.py", "from alembic import context\nimport app.bad\n",
		"app/__init__.py",   "",
		"app/bad.py",        "import sqlalchemy as sa\n\nsa.Column(sa.Integer, bogus=1)\n",
		"app/syntax.py",     "def f(:\n",
	};
	struct arena a = ARENA_INIT;
	const char *dir = temp_project(&a, files, sizeof(files) / sizeof(files[0]));
	struct model m;
	struct err e;

	CHECK(dir != NULL);
	if (!dir || access(PY3, X_OK) != 0)
		return;
	CHECK_INT(load_dir(&a, dir, PY3, &m, &e), -1);
	CHECK_INT(e.code, ERR_INPUT);
	CHECK_STR(e.file, "app/bad.py");
	CHECK_INT(e.line, 3);
	CHECK_STR(e.msg, "TypeError: Additional arguments should be named "
			 "<dialectname>_<argument>, got 'bogus'");
	fs_write_file(fs_join(&a, dir, "migrations/env.py"), "import app.syntax\n", 18, false, &e);
	CHECK_INT(load_dir(&a, dir, PY3, &m, &e), -1);
	CHECK_STR(e.file, "app/syntax.py");
	CHECK_INT(e.line, 1);
	CHECK_STR(e.msg, "SyntaxError: invalid syntax");
	fs_write_file(fs_join(&a, dir, "migrations/env.py"),
		      "from alembic import context\ncontext.configure(target_metadata='x')\n", 67,
		      false, &e);
	CHECK_INT(load_dir(&a, dir, PY3, &m, &e), -1);
	CHECK_INT(e.code, ERR_INPUT);
	CHECK_STR(e.file, fs_join(&a, dir, "migrations/env.py"));
	CHECK_STR(e.msg, "target_metadata must be a MetaData, a list of MetaData or None, not str");
	drop_project(dir);
	arena_release(&a);
}

static const struct unit_test tests[] = {
	UNIT(test_helper_c_string_is_helper_py),
	UNIT(test_from_script_sqlmodel),
	UNIT(test_from_script_features),
	UNIT(test_from_script_features_postgresql),
	UNIT(test_from_script_wide),
	UNIT(test_from_script_no_metadata),
	UNIT(test_from_script_app_type_refused),
	UNIT(test_load_python_sqlmodel),
	UNIT(test_load_python_async_template),
	UNIT(test_load_python_x_args_and_include_object),
	UNIT(test_load_python_import_error),
	UNIT(test_load_python_app_type),
	UNIT(test_load_python_missing_interpreter),
	UNIT(test_load_python_discovery),
	UNIT(test_load_python_error_in_model),
	UNIT(test_load_python_helper_crash),
	UNIT(test_load_python_without_sqlalchemy),
	{0},
};

UNIT_MAIN(tests)
