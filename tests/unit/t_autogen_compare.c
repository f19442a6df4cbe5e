/*
 * t_autogen_compare.c - ag_compare (autogen/autogen.h) against what Alembic
 * 1.8.1 produced for the cases in tests/cases/autogen/NAME.case (recorded by
 * tests/cases/record_autogen.py): each case's v1 DDL goes into one
 * in-memory SQLite database, its v2 model DDL into another, both are
 * introspected, compared without model[] (norm's tables stand for the
 * model), and the "Detected" lines, the warnings, both op sequences
 * (ag_dump_ops) and (with model[]) the text of both directions must equal
 * the recorded ones.  AUTOGEN_CASES_DIR overrides the directory.
 * Plus hand-built inputs for what the SQLite cases cannot show (model[]
 * names, PostgreSQL's reflected constraint names, comments).
 */
#include <glob.h>
#include <time.h>

#include "autogen/autogen.h"
#include "base/buf.h"
#include "base/str.h"
#include "db/introspect.h"
#include "py/bind.h"
#include "py/py.h"
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

/* Where a side is built: a new in-memory SQLite database (pg NULL), or a
 * fresh schema of the PostgreSQL test database made the current one. */
struct ag_target {
	struct db *pg;       /* the PostgreSQL connection, or NULL */
	const char *schema;  /* PostgreSQL: the schema to (re)create */
	const char *dialect; /* "sqlite" / "postgresql" */
};

static struct db *open_side(struct arena *a, const struct ag_target *t, struct err *e)
{
	char sql[256];

	if (!t->pg)
		return open_memory(a, e);
	snprintf(sql, sizeof(sql),
		 "DROP SCHEMA IF EXISTS %s CASCADE; CREATE SCHEMA %s; "
		 "SET search_path TO %s",
		 t->schema, t->schema, t->schema);
	return db_exec(t->pg, sql, NULL, e) < 0 ? NULL : t->pg;
}

/* Runs the ";"-line separated statements of ddl into a new database (or
 * schema) and introspects it. */
static int build(struct arena *a, const struct ag_target *t, const char *ddl, struct db_schema *s,
		 struct err *e)
{
	struct db *db = open_side(a, t, e);
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
	if (!t->pg)
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

static const char *dumped(struct arena *a, const char *dialect, const struct mig_body *body)
{
	struct buf b = BUF_INIT;
	const char *r;

	ag_dump_ops(a, dialect, body, &b);
	r = buf_to_arena(&b, a);
	buf_release(&b);
	return r ? r : "";
}

/* The "model" section (create_table / create_index calls as Alembic
 * renders them) bound into tables, each with its indexes: model[] as the
 * model loader would give it. */
static int bind_model(struct arena *a, const char *text, struct ag_input *in, struct err *e)
{
	struct buf src = BUF_INIT;
	struct py_module *m;
	struct py_body body;
	struct mig_body ops;
	struct py_eval_ctx ctx = {.file = "model.py", .dialect = "sqlite"};
	struct sch_table **v;
	size_t n = 0;
	int rc;

	buf_adds(&src, "import sqlalchemy as sa\nimport sqlmodel\nfrom alembic import op\n\n\n"
		       "def upgrade():\n    ");
	buf_adds(&src, text);
	buf_adds(&src, "    pass\n");
	rc = py_parse_module(a, "model.py", buf_cstr(&src), src.len, &m, e);
	buf_release(&src);
	if (rc < 0 || py_eval_function(a, m, "upgrade", &ctx, &body, e) < 0 ||
	    py_bind_body(a, "model.py", &body, &ops, e) < 0)
		return -1;
	v = arena_calloc(a, ops.n_ops + 1, sizeof(*v));
	for (size_t i = 0; i < ops.n_ops; i++) {
		const struct mig_op *op = &ops.ops[i];

		if (op->kind == MIG_CREATE_TABLE) {
			v[n] = arena_alloc(a, sizeof(*v[n]));
			*v[n] = *op->create;
			v[n]->indexes = arena_calloc(a, ops.n_ops, sizeof(*v[n]->indexes));
			v[n++]->n_indexes = 0;
		} else if (op->kind == MIG_CREATE_INDEX && n) {
			v[n - 1]->indexes[v[n - 1]->n_indexes++] = (struct sch_index *)op->index;
		}
	}
	in->model = v;
	in->n_model = n;
	return 0;
}

/* Where we do better than Alembic on purpose (see compare_cons.c and
 * compare_cols.c): the recorded line and ours (NULL: none), per case file. */
static const char *const improved[][3] = {
	{"autogen/expression_default_kept.case", "Detected server default on column 'stamps.at'",
	 NULL},
	{"autogen/expression_default_kept.case",
	 "alter_column stamps.at existing_type=DATETIME existing_nullable=True server_default=set",
	 NULL},
	{"autogen_pg/fk_added.case", "drop_constraint foreignkey None posts",
	 "drop_constraint foreignkey posts_user_id_fkey posts"},
	{"autogen_pg/fk_ondelete_changed.case", "drop_constraint foreignkey None posts",
	 "drop_constraint foreignkey posts_user_id_fkey posts"},
	{"autogen_pg/unique_unnamed_added.case", "drop_constraint unique None posts",
	 "drop_constraint unique posts_title_key posts"},
	{"autogen_pg/pg_reference.case", "drop_constraint foreignkey None posts",
	 "drop_constraint foreignkey posts_user_id_fkey posts"},
	/* PostgreSQL's rewrite of the expression read back matches the database's */
	{"autogen_pg/pg_computed_rewritten.case",
	 "[1] Computed default on people.lname cannot be modified", NULL},
	/* sqlite_sequence is no table of ours (DESIGN.md); the downgrade's
	 * create_table keeps sqlite_autoincrement=True (not compared: Alembic's
	 * reflection loses it) */
	{"autogen/autoincrement_table_dropped.case", "Detected removed table 'sqlite_sequence'",
	 NULL},
	{"autogen/autoincrement_table_dropped.case", "drop_table sqlite_sequence", NULL},
	{"autogen/autoincrement_table_dropped.case", "create_table sqlite_sequence cols=name,seq",
	 NULL},
};

/* Lines Alembic emits in set order (foreign keys): a run of consecutive
 * lines with one of these prefixes is compared sorted. */
static const char *const set_ordered[] = {
	"Detected added foreign key",
	"Detected removed foreign key",
	"add_constraint foreignkey",
	"drop_constraint foreignkey",
};

static const char *set_prefix(const char *line)
{
	for (size_t i = 0; i < sizeof(set_ordered) / sizeof(set_ordered[0]); i++)
		if (str_startswith(line, set_ordered[i]))
			return set_ordered[i];
	return NULL;
}

/* text with the improvements of case path applied, runs of set-ordered
 * lines sorted, and without the
 * "Detected sequence" lines: Alembic reflects the existing tables in set
 * order, and a table reflected first through another's foreign key gets
 * no line, so which lines come, and in what order, changes from run to
 * run (test_pg_serial checks ours). */
static const char *expected(struct arena *a, const char *path, const char *text)
{
	struct strvec lines = STRVEC_INIT;
	struct buf b = BUF_INIT;
	const char *r;

	for (const char *p = text; *p;) {
		size_t n = strcspn(p, "\n");
		const char *line = arena_strndup(a, p, n);

		for (size_t i = 0; line && i < sizeof(improved) / sizeof(improved[0]); i++)
			if (str_endswith(path, improved[i][0]) && !strcmp(line, improved[i][1]))
				line = improved[i][2];
		if (line)
			strvec_push(a, &lines, line);
		p += n + (p[n] == '\n');
	}
	for (size_t i = 0; i < lines.n;) {
		const char *p = set_prefix(lines.v[i]);
		struct strvec run = {lines.v + i, 1, 0};

		while (p && i + run.n < lines.n && set_prefix(lines.v[i + run.n]) == p)
			run.n++;
		strvec_sort(&run);
		i += run.n;
	}
	for (size_t i = 0; i < lines.n; i++)
		if (!str_startswith(lines.v[i], "Detected sequence"))
			buf_addf(&b, "%s\n", lines.v[i]);
	r = buf_to_arena(&b, a);
	buf_release(&b);
	return r ? r : "";
}

/* text with "op.f(NAME)" written NAME: without model[], nothing tells a
 * naming convention's name from a given one. */
static const char *without_f(struct arena *a, const char *text)
{
	struct buf b = BUF_INIT;
	const char *r;

	for (const char *p = text; *p;) {
		if (str_startswith(p, "op.f(") && strchr(p, ')')) {
			const char *end = strchr(p, ')');

			buf_add(&b, p + 5, (size_t)(end - p - 5));
			p = end + 1;
		} else {
			buf_addch(&b, *p++);
		}
	}
	r = buf_to_arena(&b, a);
	buf_release(&b);
	return r ? r : "";
}

/* The warnings as the recordings write them: "[N] MSG", N the detected
 * lines logged before it. */
static const char *warned(struct arena *a, const struct ag_result *r)
{
	struct buf b = BUF_INIT;
	const char *out;

	for (size_t i = 0; i < r->warnings.n; i++)
		buf_addf(&b, "[%zu] %s\n", r->warnings_at[i], r->warnings.v[i]);
	out = buf_to_arena(&b, a);
	buf_release(&b);
	return out ? out : "";
}

/* The text of one direction as revision --autogenerate writes it (the
 * recorded "upgrade" / "downgrade" sections end with a newline). */
static const char *rendered(struct arena *a, const char *dialect, const struct mig_body *body)
{
	struct ag_render_opts o = {.dialect = dialect};
	struct strvec imports = STRVEC_INIT;
	struct buf b = BUF_INIT;
	const char *r;

	ag_render_py(a, &o, body, &b, &imports);
	buf_addch(&b, '\n');
	r = buf_to_arena(&b, a);
	buf_release(&b);
	return r;
}

/* Whether the rendered text of case path is compared: every case but those
 * where we do better than Alembic on purpose (improved[]: their ops
 * differ, so does the text). */
static bool rendered_case(const char *path)
{
	for (size_t i = 0; i < sizeof(improved) / sizeof(improved[0]); i++)
		if (str_endswith(path, improved[i][0]))
			return false;
	return true;
}

static void run_case(const struct ag_target *t, const char *path, int *n)
{
	struct arena a = ARENA_INIT;
	struct ag_case k;
	struct db_schema db, norm;
	struct ag_result r;
	struct err e;
	struct ag_target t1 = *t, t2 = *t;
	struct ag_input in = {.dialect = t->dialect,
			      .db = &db,
			      .norm = &norm,
			      .compare_type = true,
			      .compare_server_default = true,
			      .skip_checks = true}; /* the oracle is 1.8.1: no CHECKs */
	const char *up, *down;
	int before = unit_failures;

	t1.schema = "ag_compare_v1";
	t2.schema = "ag_compare_v2";
	CHECK(read_case(&a, path, &k) == 0);
	CHECK(build(&a, &t1, section(&k, "v1"), &db, &e) == 0);
	CHECK(build(&a, &t2, section(&k, "v2"), &norm, &e) == 0);
	up = expected(&a, path, section(&k, "upgrade_ops"));
	down = expected(&a, path, section(&k, "downgrade_ops"));
	/* without model[]: the same ops (types read back from norm; on
	 * PostgreSQL constraint names too, so only SQLite) */
	CHECK(ag_compare(&a, &in, &r, &e) == 0);
	if (!t->pg) {
		CHECK_STR(expected(&a, "", dumped(&a, t->dialect, &r.upgrade)), without_f(&a, up));
		CHECK_STR(expected(&a, "", dumped(&a, t->dialect, &r.downgrade)),
			  without_f(&a, down));
	}
	/* with model[]: also the type names of the Detected lines */
	CHECK(bind_model(&a, section(&k, "model"), &in, &e) == 0);
	CHECK_INT(in.n_model, norm.n_tables);
	CHECK(ag_compare(&a, &in, &r, &e) == 0);
	CHECK_STR(expected(&a, path, joined(&a, &r.detected)),
		  expected(&a, path, section(&k, "detected")));
	CHECK_STR(expected(&a, "", dumped(&a, t->dialect, &r.upgrade)), up);
	CHECK_STR(expected(&a, "", dumped(&a, t->dialect, &r.downgrade)), down);
	CHECK_STR(expected(&a, "", warned(&a, &r)), expected(&a, path, section(&k, "warnings")));
	if (str_endswith(path, "/pg_identity.case") || str_endswith(path, "/computed.case")) {
		/* identity and computed are compared without compare_server_default too */
		struct ag_result r2;

		in.compare_server_default = false;
		CHECK(ag_compare(&a, &in, &r2, &e) == 0);
		CHECK_STR(joined(&a, &r2.detected), joined(&a, &r.detected));
		CHECK_STR(warned(&a, &r2), warned(&a, &r));
		in.compare_server_default = true;
	}
	if (rendered_case(path)) {
		CHECK_STR(rendered(&a, t->dialect, &r.upgrade), section(&k, "upgrade"));
		CHECK_STR(rendered(&a, t->dialect, &r.downgrade), section(&k, "downgrade"));
	}
	if (unit_failures != before)
		fprintf(stderr, "  (case %s)\n", path);
	(*n)++;
	arena_release(&a);
}

static int run_dir(const struct ag_target *t, const char *dir)
{
	char pat[1024];
	glob_t gl;
	int n = 0;

	snprintf(pat, sizeof(pat), "%s/*.case", dir);
	CHECK(glob(pat, 0, NULL, &gl) == 0);
	for (size_t i = 0; i < gl.gl_pathc; i++)
		run_case(t, gl.gl_pathv[i], &n);
	globfree(&gl);
	return n;
}

static void test_recorded_cases(void)
{
	const char *dir = getenv("AUTOGEN_CASES_DIR");
	struct ag_target t = {.dialect = "sqlite"};

	CHECK(run_dir(&t, dir ? dir : "tests/cases/autogen") >= 20);
}

/* The PostgreSQL recordings, in two schemas of the test cluster's database
 * (skipped without ALEMBIC_TEST_PG_URL). */
static void test_recorded_cases_pg(void)
{
	const char *url = getenv("ALEMBIC_TEST_PG_URL"), *dir = getenv("AUTOGEN_PG_CASES_DIR");
	struct arena a = ARENA_INIT;
	struct ag_target t = {.dialect = "postgresql"};
	struct db_url u;
	struct err e;

	if (!url) {
		fprintf(stderr, "  (no ALEMBIC_TEST_PG_URL: PostgreSQL cases skipped)\n");
		return;
	}
	CHECK(url_parse(&a, url, &u, &e) == 0 && db_open(&u, 2000, &t.pg, &e) == 0);
	if (t.pg) {
		CHECK(run_dir(&t, dir ? dir : "tests/cases/autogen_pg") >= 20);
		if (!getenv("T_AUTOGEN_KEEP")) /* keep the last case's schemas to look at */
			db_exec(t.pg,
				"DROP SCHEMA IF EXISTS ag_compare_v1 CASCADE; "
				"DROP SCHEMA IF EXISTS ag_compare_v2 CASCADE",
				NULL, &e);
		db_close(t.pg);
	}
	arena_release(&a);
}

/* A model whose indexes come only from columns' index=True (as a
 * Column(index=True) leaves them): the names are the naming convention's,
 * so the ops mark them op.f(). */
static void test_index_from_column_flag(void)
{
	struct arena a = ARENA_INIT;
	struct ag_case k;
	struct db_schema db, norm;
	struct ag_result r;
	struct err e;
	struct ag_target t = {.dialect = "sqlite"};
	struct ag_input in = {.dialect = "sqlite", .db = &db, .norm = &norm};

	CHECK(read_case(&a, "tests/cases/autogen/sqlmodel_initial.case", &k) == 0);
	CHECK(build(&a, &t, section(&k, "v1"), &db, &e) == 0);
	CHECK(build(&a, &t, section(&k, "v2"), &norm, &e) == 0);
	CHECK(bind_model(&a, section(&k, "model"), &in, &e) == 0);
	for (size_t i = 0; i < in.n_model; i++) {
		struct sch_table *m = (struct sch_table *)in.model[i];

		for (size_t j = 0; j < m->n_indexes; j++) {
			struct sch_column *c = (struct sch_column *)m->columns[0];

			for (size_t l = 0; l < m->n_columns; l++)
				if (!strcmp(m->columns[l]->name, m->indexes[j]->elems[0].column))
					c = m->columns[l];
			c->index = SCH_TRUE;
		}
		m->n_indexes = 0;
	}
	CHECK(ag_compare(&a, &in, &r, &e) == 0);
	CHECK_INT(r.upgrade.n_ops, 4);
	for (size_t i = 0; i < r.upgrade.n_ops; i++)
		if (r.upgrade.ops[i].kind == MIG_CREATE_INDEX)
			CHECK(r.upgrade.ops[i].index->name_final);
	arena_release(&a);
}

/* ---- hand-built PostgreSQL inputs ---- */

static struct sch_column *pg_col(struct arena *a, const char *name, const char *sqltype,
				 bool nullable)
{
	struct sch_column *c = arena_calloc(a, 1, sizeof(*c));
	struct err e;

	c->name = name;
	c->nullable = nullable ? SCH_TRUE : SCH_FALSE;
	if (sch_type_from_sql(a, "postgresql", sqltype, NULL, 0, &c->type, &e) < 0)
		c->type = NULL;
	return c;
}

static struct sch_table *pg_table(struct arena *a, const char *name, size_t n,
				  struct sch_column *const *cols)
{
	struct sch_table *t = arena_calloc(a, 1, sizeof(*t));

	t->name = name;
	t->columns = arena_calloc(a, n + 1, sizeof(*t->columns));
	t->constraints = arena_calloc(a, 8, sizeof(*t->constraints));
	for (size_t i = 0; i < n; i++)
		t->columns[t->n_columns++] = cols[i];
	return t;
}

static struct sch_constraint *pg_cons(struct arena *a, struct sch_table *t,
				      enum sch_constraint_kind kind, const char *name,
				      const char *col)
{
	struct sch_constraint *k = arena_calloc(a, 1, sizeof(*k));

	k->kind = kind;
	k->name = name;
	strvec_push(a, &k->columns, col);
	if (kind == SCH_FOREIGN_KEY) {
		k->ref_table = "users";
		strvec_push(a, &k->ref_columns, "id");
	}
	t->constraints[t->n_constraints++] = k;
	return k;
}

static void compare_pg(struct arena *a, struct ag_input *in, const char *detected, const char *up,
		       const char *down)
{
	struct ag_result r;
	struct err e;
	struct buf b = BUF_INIT;

	in->dialect = "postgresql";
	in->compare_type = in->compare_server_default = true;
	CHECK(ag_compare(a, in, &r, &e) == 0);
	CHECK_STR(joined(a, &r.detected), detected);
	ag_dump_ops(a, "postgresql", &r.upgrade, &b);
	CHECK_STR(buf_cstr(&b), up);
	buf_reset(&b);
	ag_dump_ops(a, "postgresql", &r.downgrade, &b);
	CHECK_STR(buf_cstr(&b), down);
	buf_release(&b);
}

/* A unique constraint and a foreign key the model leaves unnamed: the
 * upgrade creates them unnamed (as Alembic), the downgrade drops them by
 * the names the scratch database gave them (Alembic: drop_constraint(None,
 * ...)); a column comment changed and the table comment removed. */
static void test_pg_reflected_names_and_comments(void)
{
	struct arena a = ARENA_INIT;
	struct sch_column *dc[] = {pg_col(&a, "id", "integer", false),
				   pg_col(&a, "user_id", "integer", true),
				   pg_col(&a, "title", "character varying(100)", true)};
	struct sch_column *nc[] = {pg_col(&a, "id", "integer", false),
				   pg_col(&a, "user_id", "integer", true),
				   pg_col(&a, "title", "character varying(100)", true)};
	struct sch_column *users[] = {pg_col(&a, "id", "integer", false)};
	struct sch_table *db_posts = pg_table(&a, "posts", 3, dc);
	struct sch_table *norm_posts = pg_table(&a, "posts", 3, nc);
	struct sch_table *model_posts = pg_table(&a, "posts", 3, nc);
	struct sch_table *tu = pg_table(&a, "users", 1, users);
	struct sch_table *dbt[] = {db_posts, tu}, *normt[] = {norm_posts, tu};
	struct sch_table *model[] = {tu, model_posts};
	struct db_schema db = {.tables = dbt, .n_tables = 2};
	struct db_schema norm = {.tables = normt, .n_tables = 2};
	struct ag_input in = {.db = &db, .norm = &norm, .model = model, .n_model = 2};

	db_posts->comment = "all posts";
	dc[2]->comment = "old";
	nc[2]->comment = "new";
	pg_cons(&a, norm_posts, SCH_UNIQUE, "posts_title_key", "title");
	pg_cons(&a, norm_posts, SCH_FOREIGN_KEY, "posts_user_id_fkey", "user_id");
	pg_cons(&a, model_posts, SCH_UNIQUE, NULL, "title");
	pg_cons(&a, model_posts, SCH_FOREIGN_KEY, NULL, "user_id");
	compare_pg(&a, &in,
		   "Detected column comment 'posts.title'\n"
		   "Detected added unique constraint 'None' on '['title']'\n"
		   "Detected added foreign key (user_id)(id) on table posts\n",
		   "alter_column posts.title existing_type=VARCHAR(100) existing_nullable=True "
		   "comment=new existing_comment=old\n"
		   "add_constraint unique None posts (title)\n"
		   "add_constraint foreignkey None posts (user_id) -> users (id)\n"
		   "drop_table_comment posts existing=all posts\n",
		   "create_table_comment posts all posts existing=None\n"
		   "drop_constraint foreignkey posts_user_id_fkey posts\n"
		   "drop_constraint unique posts_title_key posts\n"
		   "alter_column posts.title existing_type=VARCHAR(100) existing_nullable=True "
		   "comment=old existing_comment=new\n");
	arena_release(&a);
}

/* PostgresqlImpl.autogen_column_reflect: a nextval() default of an owned
 * sequence is a SERIAL, logged and left out; the reflected columns of the
 * downgrade carry autoincrement= as PGDialect.get_columns sets it. */
static void test_pg_serial(void)
{
	struct arena a = ARENA_INIT;
	struct sch_column *dc[] = {pg_col(&a, "id", "integer", false),
				   pg_col(&a, "legacy", "text", true)};
	struct sch_column *nc[] = {pg_col(&a, "id", "integer", false)};
	struct sch_table *dbt[] = {pg_table(&a, "users", 2, dc)};
	struct sch_table *normt[] = {pg_table(&a, "users", 1, nc)};
	struct db_sequence seq = {.name = "users_id_seq", .owned_by = "users.id"};
	struct sch_expr nextval = {.kind = SCH_EXPR_TEXT, .s = "nextval('users_id_seq'::regclass)"};
	struct db_schema db = {.tables = dbt, .n_tables = 1, .sequences = &seq, .n_sequences = 1};
	struct db_schema norm = {
		.tables = normt, .n_tables = 1, .sequences = &seq, .n_sequences = 1};
	struct ag_input in = {.db = &db, .norm = &norm};
	struct ag_result r;
	struct err e;

	dc[0]->primary_key = nc[0]->primary_key = true;
	dc[0]->server_default = nc[0]->server_default = &nextval;
	compare_pg(&a, &in,
		   "Detected sequence named 'users_id_seq' as owned by integer column "
		   "'users(id)', assuming SERIAL and omitting\n"
		   "Detected removed column 'users.legacy'\n",
		   "drop_column users.legacy\n", "add_column users.legacy\n");
	CHECK(ag_compare(&a, &in, &r, &e) == 0);
	CHECK_INT(r.downgrade.n_ops, 1);
	if (r.downgrade.n_ops == 1)
		CHECK_INT(r.downgrade.ops[0].column->autoincrement, SCH_AUTOINC_FALSE);
	/* a table first reflected through another's foreign key gets no line */
	{
		struct sch_column *pc[] = {pg_col(&a, "id", "integer", false),
					   pg_col(&a, "user_id", "integer", true)};
		struct sch_table *posts = pg_table(&a, "posts", 2, pc);
		struct sch_table *dbt2[] = {posts, dbt[0]}, *normt2[] = {posts, normt[0]};
		struct sch_expr pnext = {.kind = SCH_EXPR_TEXT,
					 .s = "nextval('posts_id_seq'::regclass)"};

		pc[0]->primary_key = true;
		pc[0]->server_default = &pnext;
		pg_cons(&a, posts, SCH_FOREIGN_KEY, "posts_user_id_fkey", "user_id");
		db.tables = dbt2;
		norm.tables = normt2;
		db.n_tables = norm.n_tables = 2;
		db.n_sequences = norm.n_sequences = 0;
		compare_pg(&a, &in,
			   "Detected sequence named 'posts_id_seq' as owned by integer column "
			   "'posts(id)', assuming SERIAL and omitting\n"
			   "Detected removed column 'users.legacy'\n",
			   "drop_column users.legacy\n", "add_column users.legacy\n");
		db.tables = dbt;
		norm.tables = normt;
		db.n_tables = norm.n_tables = 1;
	}
	/* sequences not introspected: SERIAL's own name stands for ownership */
	db.n_sequences = norm.n_sequences = 0;
	compare_pg(&a, &in,
		   "Detected sequence named 'users_id_seq' as owned by integer column "
		   "'users(id)', assuming SERIAL and omitting\n"
		   "Detected removed column 'users.legacy'\n",
		   "drop_column users.legacy\n", "add_column users.legacy\n");
	arena_release(&a);
}

/* Many added tables in a foreign-key chain against names (table i refers
 * to table i + 1): the whole chain in dependency order, in well under a
 * second (sort_tables is O(layers x tables) here, 3000 layers). */
static void test_many_tables(void)
{
	enum { N = 3000 };
	struct arena a = ARENA_INIT;
	struct sch_table **tabs = arena_calloc(&a, N, sizeof(*tabs));
	struct db_schema db = {0}, norm = {.tables = tabs, .n_tables = N};
	struct ag_input in = {.db = &db, .norm = &norm};
	struct ag_result r;
	struct err e;
	clock_t t0;

	for (int i = 0; i < N; i++) {
		struct sch_column *cols[] = {pg_col(&a, "id", "integer", false),
					     pg_col(&a, "next_id", "integer", true)};

		tabs[i] = pg_table(&a, arena_printf(&a, "t%04d", i), 2, cols);
		if (i + 1 < N)
			pg_cons(&a, tabs[i], SCH_FOREIGN_KEY, NULL, "next_id")->ref_table =
				arena_printf(&a, "t%04d", i + 1);
	}
	in.dialect = "postgresql";
	t0 = clock();
	CHECK(ag_compare(&a, &in, &r, &e) == 0);
	fprintf(stderr, "  (%d tables compared in %.3f s)\n", N,
		(double)(clock() - t0) / CLOCKS_PER_SEC);
	CHECK_INT(r.upgrade.n_ops, N);
	CHECK_INT(r.detected.n, N);
	if (r.detected.n == N) {
		CHECK_STR(r.detected.v[0], "Detected added table 't2999'");
		CHECK_STR(r.detected.v[N - 1], "Detected added table 't0000'");
	}
	in.db = &norm; /* the same schema on both sides: nothing to do */
	t0 = clock();
	CHECK(ag_compare(&a, &in, &r, &e) == 0);
	fprintf(stderr, "  (%d unchanged tables compared in %.3f s)\n", N,
		(double)(clock() - t0) / CLOCKS_PER_SEC);
	CHECK_INT(r.upgrade.n_ops, 0);
	CHECK_INT(r.detected.n, 0);
	arena_release(&a);
}

/* ---- named CHECK constraints (compare_check.c; not in Alembic 1.8.1) ---- */

static const char ck_v1[] = "CREATE TABLE t (\n"
			    "\tid INTEGER NOT NULL, \n"
			    "\ttitle VARCHAR, \n"
			    "\tPRIMARY KEY (id), \n"
			    "\tCONSTRAINT ck_gone CHECK (id > 0), \n"
			    "\tCONSTRAINT ck_mod CHECK (length(title) > 0), \n"
			    "\tCONSTRAINT ck_same CHECK (id < 10), \n"
			    "\tCHECK (id <> 5)\n"
			    ")\n";
static const char ck_v2[] = "CREATE TABLE t (\n"
			    "\tid INTEGER NOT NULL, \n"
			    "\ttitle VARCHAR, \n"
			    "\tPRIMARY KEY (id), \n"
			    "\tCONSTRAINT ck_same CHECK (id < 10), \n"
			    "\tCONSTRAINT ck_mod CHECK (length(title) > 1), \n"
			    "\tCONSTRAINT ck_new CHECK (title <> 'x'), \n"
			    "\tCHECK (id <> 5)\n"
			    ")\n";

/* The ops and lines of one side pair, with checks compared (on) or not. */
static void ck_run(struct arena *a, const struct ag_target *t, const char *v1, const char *v2,
		   bool on, struct ag_result *r)
{
	struct ag_target t1 = *t, t2 = *t;
	struct db_schema db, norm;
	struct ag_input in = {.dialect = t->dialect, .db = &db, .norm = &norm, .skip_checks = !on};
	struct err e;

	t1.schema = "ag_check_v1";
	t2.schema = "ag_check_v2";
	CHECK(build(a, &t1, v1, &db, &e) == 0);
	CHECK(build(a, &t2, v2, &norm, &e) == 0);
	CHECK(ag_compare(a, &in, r, &e) == 0);
}

/* up_mod: the Detected line's change; was / now: the conditions of ck_mod
 * as the database reads them back; new: ck_new's. */
static void ck_expect(const struct ag_target *t, const char *up_mod, const char *was,
		      const char *now, const char *new)
{
	struct arena a = ARENA_INIT;
	struct ag_result r;

	ck_run(&a, t, ck_v1, ck_v2, false, &r);
	CHECK_INT(r.upgrade.n_ops, 0);
	ck_run(&a, t, ck_v1, ck_v2, true, &r);
	CHECK_STR(joined(&a, &r.detected),
		  arena_printf(&a,
			       "Detected removed check constraint 'ck_gone' on table 't'\n"
			       "Detected changed check constraint 'ck_mod' on table 't': "
			       "condition %s\n"
			       "Detected added check constraint 'ck_new' on table 't'\n",
			       up_mod));
	CHECK_STR(dumped(&a, t->dialect, &r.upgrade),
		  arena_printf(&a,
			       "drop_constraint check ck_gone t\n"
			       "drop_constraint check ck_mod t\n"
			       "add_constraint check ck_mod t %s\n"
			       "add_constraint check ck_new t %s\n",
			       now, new));
	CHECK_STR(dumped(&a, t->dialect, &r.downgrade),
		  arena_printf(&a,
			       "drop_constraint check ck_new t\n"
			       "drop_constraint check ck_mod t\n"
			       "add_constraint check ck_mod t %s\n"
			       "add_constraint check ck_gone t id > 0\n",
			       was));
	/* the same schema on both sides: nothing */
	ck_run(&a, t, ck_v2, ck_v2, true, &r);
	CHECK_INT(r.upgrade.n_ops, 0);
	CHECK_INT(r.detected.n, 0);
	arena_release(&a);
}

/* With model[]: a CHECK the model leaves unnamed (PostgreSQL names it
 * t_id_check in the scratch database) is not added by that name; a named
 * one is created with the model's condition as written. */
static void ck_model_names(const struct ag_target *t)
{
	struct arena a = ARENA_INIT;
	struct ag_target t1 = *t, t2 = *t;
	struct db_schema db, norm;
	struct ag_input in = {.dialect = t->dialect, .db = &db, .norm = &norm};
	struct ag_result r;
	struct err e;

	t1.schema = "ag_check_v1";
	t2.schema = "ag_check_v2";
	CHECK(build(&a, &t1, "CREATE TABLE t (id INTEGER NOT NULL, title VARCHAR)", &db, &e) == 0);
	CHECK(build(&a, &t2,
		    "CREATE TABLE t (id INTEGER NOT NULL, title VARCHAR, "
		    "CHECK (id <> 5), CONSTRAINT ck_new CHECK (title <> 'x'))",
		    &norm, &e) == 0);
	CHECK(ag_compare(&a, &in, &r, &e) == 0); /* without model[]: norm's names count */
	CHECK_INT(r.detected.n, 2);
	CHECK(bind_model(&a,
			 "op.create_table('t', sa.Column('id', sa.Integer(), nullable=False), "
			 "sa.Column('title', sa.String(), nullable=True), "
			 "sa.CheckConstraint('id <> 5'), "
			 "sa.CheckConstraint(\"title <> 'x'\", name='ck_new'))\n",
			 &in, &e) == 0);
	CHECK(ag_compare(&a, &in, &r, &e) == 0);
	CHECK_STR(joined(&a, &r.detected),
		  "Detected added check constraint 'ck_new' on table 't'\n");
	CHECK_STR(dumped(&a, t->dialect, &r.upgrade),
		  "add_constraint check ck_new t title <> 'x'\n");
	arena_release(&a);
}

/* SQLite: a CHECK that ends its line takes the table's ')' along (and
 * what follows it on the line), as SQLAlchemy's pattern does: cut off
 * before comparing, and in the ops. */
static void ck_one_line(void)
{
	struct arena a = ARENA_INIT;
	struct ag_target t = {.dialect = "sqlite"};
	struct ag_result r;

	ck_run(&a, &t, "CREATE TABLE t (\n\tn INTEGER, \n\tCONSTRAINT ck CHECK (n > 0)\n)",
	       "CREATE TABLE t (n INTEGER, CONSTRAINT ck CHECK (n > 0))", true, &r);
	CHECK_INT(r.detected.n, 0);
	ck_run(&a, &t, "CREATE TABLE t (n INTEGER, CONSTRAINT ck CHECK ((n) > 0), UNIQUE (n))",
	       "CREATE TABLE t (n INTEGER)", true, &r);
	CHECK_STR(dumped(&a, "sqlite", &r.downgrade), "add_constraint check ck t (n) > 0\n");
	arena_release(&a);
}

static void test_checks(void)
{
	struct ag_target t = {.dialect = "sqlite"};
	const char *url = getenv("ALEMBIC_TEST_PG_URL");
	struct arena a = ARENA_INIT;
	struct db_url u;
	struct err e;

	ck_expect(&t, "'length(title) > 0' to 'length(title) > 1'", "length(title) > 0",
		  "length(title) > 1", "title <> 'x'");
	ck_one_line();
	if (!url) {
		fprintf(stderr, "  (no ALEMBIC_TEST_PG_URL: PostgreSQL checks skipped)\n");
		arena_release(&a);
		return;
	}
	t.dialect = "postgresql";
	CHECK(url_parse(&a, url, &u, &e) == 0 && db_open(&u, 2000, &t.pg, &e) == 0);
	if (t.pg) {
		/* PostgreSQL's text: its own parentheses and casts, read back on both
		 * sides; its names for the unnamed ones (t_id_check) are the same */
		ck_expect(&t, "'length((title)::text) > 0' to 'length((title)::text) > 1'",
			  "length((title)::text) > 0", "length((title)::text) > 1",
			  "(title)::text <> 'x'::text");
		ck_model_names(&t);
		db_exec(t.pg,
			"DROP SCHEMA IF EXISTS ag_check_v1 CASCADE; "
			"DROP SCHEMA IF EXISTS ag_check_v2 CASCADE",
			NULL, &e);
		db_close(t.pg);
	}
	arena_release(&a);
}

static const struct unit_test tests[] = {
	UNIT(test_recorded_cases),
	UNIT(test_recorded_cases_pg),
	UNIT(test_index_from_column_flag),
	UNIT(test_pg_reflected_names_and_comments),
	UNIT(test_pg_serial),
	UNIT(test_many_tables),
	UNIT(test_checks),
	{0},
};

UNIT_MAIN(tests)
