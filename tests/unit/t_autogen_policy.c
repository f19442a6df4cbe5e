/*
 * t_autogen_policy.c - the whole-file decisions of src/autogen/policy.c
 * (SQLite's batch mode, PostgreSQL's enum types) and the SQL rendering of
 * src/autogen/sqltext.c, on operations bound from op.* text by our front
 * end (the path a revision's body takes).
 */
#include "unit.h"

#include "autogen/autogen.h"
#include "py/bind.h"
#include "py/py.h"

static struct arena A;

/* The ops of an upgrade() body written as op.* calls, bound for dialect. */
static struct mig_body bind(const char *dialect, const char *body)
{
	struct py_eval_ctx ctx = {.file = "t.py", .dialect = dialect};
	const char *src = arena_printf(&A,
				       "from alembic import op\nimport sqlalchemy as sa\n\n"
				       "def upgrade():\n%s",
				       body);
	struct py_module *m;
	struct py_body pb;
	struct mig_body b = {0};
	struct err e = {0};

	if (py_parse_module(&A, "t.py", src, strlen(src), &m, &e) < 0 ||
	    py_eval_function(&A, m, "upgrade", &ctx, &pb, &e) < 0 ||
	    py_bind_body(&A, "t.py", &pb, &b, &e) < 0)
		fprintf(stderr, "  bind: %d:%d: %s\n", e.line, e.col, e.msg);
	return b;
}

static void test_needs_batch(void)
{
	struct mig_body add, alter, fk, ck;

	arena_init(&A);
	add = bind("sqlite", "    op.add_column('t', sa.Column('c', sa.Integer()))\n"
			     "    op.create_index('ix', 't', ['c'])\n");
	alter = bind("sqlite", "    op.add_column('t', sa.Column('c', sa.Integer()))\n"
			       "    op.alter_column('t', 'c', nullable=False)\n");
	fk = bind("sqlite", "    op.create_foreign_key('fk', 't', 'u', ['a'], ['id'])\n");
	CHECK(add.n_ops == 2 && alter.n_ops == 2 && fk.n_ops == 1);
	CHECK(!ag_needs_batch("sqlite", &add));
	CHECK(ag_needs_batch("sqlite", &alter));
	CHECK(ag_needs_batch("sqlite", &fk));
	/* a CHECK only changes by a rebuild on SQLite: both its create and its drop */
	ck = bind("sqlite", "    op.create_check_constraint('ck', 't', 'c > 0')\n");
	CHECK(ck.n_ops == 1 && ag_needs_batch("sqlite", &ck));
	ck = bind("sqlite", "    op.drop_constraint('ck', 't', type_='check')\n");
	CHECK(ck.n_ops == 1 && ag_needs_batch("sqlite", &ck));
	CHECK(!ag_needs_batch("postgresql", &alter)); /* PostgreSQL ALTERs all of it */
	arena_release(&A);
}

static const char *ops_text(const struct mig_body *b)
{
	struct buf t = BUF_INIT;
	const char *r;

	for (size_t i = 0; i < b->n_ops; i++) {
		buf_addf(&t, "%d %s\n", b->ops[i].kind,
			 b->ops[i].kind == MIG_EXECUTE ? b->ops[i].sql : "");
		for (size_t k = 0; k < b->ops[i].n_body; k++) /* an autocommit block */
			buf_addf(&t, "  %s\n", b->ops[i].body[k].sql);
	}
	r = arena_strdup(&A, buf_cstr(&t));
	buf_release(&t);
	return r;
}

/* A new enum column gets its type first; the downgrade drops it last; a
 * create_table makes its own; a type no column of the database uses is left. */
static void test_enum_types(void)
{
	struct db_schema before = {0}, after = {0};
	struct sch_enum_def stray = {"public", "stray", true, NULL, 0};
	struct sch_enum_def st = {"alembic_autogenerate_scratch", "st", true, NULL, 0};
	struct ag_result r = {0};
	struct ag_input in = {"postgresql", &before, &after, NULL, 0, true, true, NULL, 0, false};
	struct mig_body model;

	arena_init(&A);
	model = bind("postgresql",
		     "    op.create_table('t', sa.Column('s', sa.Enum('a', name='st')))\n");
	after.tables = (struct sch_table **)&model.ops[0].create;
	after.n_tables = 1;
	before.default_schema = "public";
	before.enums = &stray;
	before.n_enums = 1;
	after.default_schema = "alembic_autogenerate_scratch";
	after.enums = &st;
	after.n_enums = 1;
	r.upgrade =
		bind("postgresql",
		     "    op.add_column('t', sa.Column('s', sa.Enum('a', \"b'c\", name='st')))\n"
		     "    op.create_table('u', sa.Column('k', sa.Enum('x', name='kt')))\n"
		     "    op.drop_table('u')\n");
	r.downgrade = bind("postgresql", "    op.drop_column('t', 's')\n");
	ag_enum_types(&A, &in, &r);
	CHECK_STR(ops_text(&r.upgrade), "0 CREATE TYPE st AS ENUM ('a', 'b''c')\n"
					"4 \n"
					"1 \n"
					"2 \n"
					"0 DROP TYPE kt\n");
	CHECK_STR(ops_text(&r.downgrade), "5 \n0 DROP TYPE st\n");
	arena_release(&A);
}

/* A create_table column whose type exists at that point (the database's, or
 * made by an earlier op.execute) gets postgresql.ENUM(..., create_type=False)
 * in a copy of the table; one made by an earlier create_table is left to the
 * runtime's memo; the SQL section names the type without CREATE TYPE. */
static void test_enum_existing(void)
{
	struct db_schema before = {0}, after = {0};
	struct sch_enum_def mood = {"public", "mood", true, NULL, 0};
	struct sch_enum_def model[] = {{"public", "kt", true, NULL, 0},
				       {"public", "mood", true, NULL, 0},
				       {"public", "nt", true, NULL, 0}};
	struct ag_result r = {0};
	struct ag_input in = {"postgresql", &before, &after, NULL, 0, true, true, NULL, 0, false};
	const struct sch_table *orig;
	struct buf out = BUF_INIT;
	struct err e = {0};
	struct strvec imports = STRVEC_INIT;

	arena_init(&A);
	before.default_schema = "public";
	before.enums = &mood;
	before.n_enums = 1;
	after.default_schema = "public";
	after.enums = model;
	after.n_enums = 3;
	r.upgrade = bind("postgresql",
			 "    op.create_table('b', sa.Column('id', sa.Integer()),"
			 " sa.Column('m', sa.Enum('x', 'y', name='mood')))\n"
			 "    op.add_column('a', sa.Column('k', sa.Enum('p', name='kt')))\n"
			 "    op.create_table('c', sa.Column('k', sa.Enum('p', name='kt')))\n"
			 "    op.create_table('d', sa.Column('n', sa.Enum('q', name='nt')))\n"
			 "    op.create_table('e', sa.Column('n', sa.Enum('q', name='nt')))\n");
	orig = r.upgrade.ops[0].create;
	ag_enum_types(&A, &in, &r);
	CHECK_STR(ops_text(&r.upgrade), "1 \n0 CREATE TYPE kt AS ENUM ('p')\n4 \n1 \n1 \n1 \n");
	CHECK(r.upgrade.ops[0].create != orig && orig->columns[1]->type->create_type);
	CHECK(r.upgrade.ops[0].create->columns[0] == orig->columns[0]);
	sch_type_render_py(&A, r.upgrade.ops[0].create->columns[1]->type, "postgresql", &out,
			   &imports);
	CHECK_STR(buf_cstr(&out), "postgresql.ENUM('x', 'y', name='mood', create_type=False)");
	CHECK(imports.n == 1 &&
	      !strcmp(imports.v[0], "from sqlalchemy.dialects import postgresql"));
	buf_reset(&out);
	sch_type_render_py(&A, r.upgrade.ops[3].create->columns[0]->type, "postgresql", &out, NULL);
	CHECK_STR(buf_cstr(&out), "postgresql.ENUM('p', name='kt', create_type=False)");
	buf_reset(&out);
	sch_type_render_py(&A, r.upgrade.ops[5].create->columns[0]->type, "postgresql", &out, NULL);
	CHECK_STR(buf_cstr(&out), "sa.Enum('q', name='nt')"); /* the memo has nt */
	buf_reset(&out);
	r.upgrade.n_ops = 2;
	CHECK(ag_render_sql(&A, "postgresql", &r.upgrade, &out, &e) == 0);
	CHECK_STR(buf_cstr(&out), "CREATE TABLE b (\n    id INTEGER, \n    m mood\n);\n\n"
				  "CREATE TYPE kt AS ENUM ('p');");
	buf_release(&out);
	arena_release(&A);
}

/* now's values reordered (c before a): the upgrade rebuilds. */
static void now_v_moved(struct arena *a, const struct ag_input *in, struct sch_enum_def *now)
{
	static const char *const moved[] = {"c", "a"};
	struct ag_result r = {0};

	(void)a;
	now->labels = moved;
	now->n_labels = 2;
	ag_enum_types(&A, in, &r);
	CHECK(r.upgrade.n_ops == 6 && r.upgrade.ops[0].kind == MIG_EXECUTE);
	CHECK_STR(r.upgrade.n_ops ? r.upgrade.ops[1].sql : "", "CREATE TYPE st AS ENUM ('c', 'a')");
	CHECK_INT(r.downgrade.n_ops, 6);
}

/* Values added to an existing type: ALTER TYPE ... ADD VALUE in an
 * autocommit block first (before the next old value, else at the end);
 * the downgrade removes them by rebuilding the type at its end, each user
 * column converted through text with its default set again. */
static void test_enum_values(void)
{
	static const char *const was_v[] = {"a", "c"}, *const now_v[] = {"a", "b", "c", "d"};
	struct sch_enum_def was = {"public", "st", true, was_v, 2};
	struct sch_enum_def now = {"alembic_autogenerate_scratch", "st", true, now_v, 4};
	struct db_schema before = {0}, after = {0};
	struct ag_result r = {0};
	struct ag_input in = {"postgresql", &before, &after, NULL, 0, true, true, NULL, 0, false};
	struct mig_body tb, ta;
	struct buf out = BUF_INIT;
	struct ag_render_opts o = {.dialect = "postgresql"};

	arena_init(&A);
	tb = bind("postgresql",
		  "    op.create_table('t', sa.Column('s', sa.Enum('a', 'c', name='st'), "
		  "server_default=sa.text(\"'a'::st\")))\n");
	ta = bind("postgresql",
		  "    op.create_table('t', sa.Column('s', sa.Enum('a', 'b', 'c', 'd', "
		  "name='st'), server_default=sa.text(\"'a'::st\")))\n");
	before = (struct db_schema){.default_schema = "public",
				    .enums = &was,
				    .n_enums = 1,
				    .tables = (struct sch_table **)&tb.ops[0].create,
				    .n_tables = 1};
	after = (struct db_schema){.default_schema = "alembic_autogenerate_scratch",
				   .enums = &now,
				   .n_enums = 1,
				   .tables = (struct sch_table **)&ta.ops[0].create,
				   .n_tables = 1};
	ag_enum_types(&A, &in, &r);
	CHECK_STR(ops_text(&r.upgrade), "15 \n"
					"  ALTER TYPE st ADD VALUE IF NOT EXISTS 'b' BEFORE 'c'\n"
					"  ALTER TYPE st ADD VALUE IF NOT EXISTS 'd'\n");
	CHECK_INT(r.detected.n, 1);
	CHECK_STR(r.detected.n ? r.detected.v[0] : "",
		  "Detected changed enum 'st': values ['a', 'c'] to ['a', 'b', 'c', 'd']");
	CHECK_STR(ops_text(&r.downgrade),
		  "0 ALTER TYPE st RENAME TO st_old\n"
		  "0 CREATE TYPE st AS ENUM ('a', 'c')\n"
		  "0 ALTER TABLE t ALTER COLUMN s DROP DEFAULT\n"
		  "0 ALTER TABLE t ALTER COLUMN s TYPE st USING s::text::st\n"
		  "0 ALTER TABLE t ALTER COLUMN s SET DEFAULT 'a'\n"
		  "0 DROP TYPE st_old\n");
	ag_render_py(&A, &o, &r.upgrade, &out, NULL);
	CHECK_STR(buf_cstr(&out),
		  "# ### commands auto generated by Alembic - please adjust! ###\n"
		  "    with op.get_context().autocommit_block():\n"
		  "        op.execute(\"ALTER TYPE st ADD VALUE IF NOT EXISTS 'b' BEFORE 'c'\")\n"
		  "        op.execute(\"ALTER TYPE st ADD VALUE IF NOT EXISTS 'd'\")\n"
		  "    # ### end Alembic commands ###");
	/* a value moved: a rebuild in the upgrade too, and no block */
	now_v_moved(&A, &in, &now);
	buf_release(&out);
	arena_release(&A);
}

static void test_render_sql(void)
{
	struct mig_body b;
	struct buf out = BUF_INIT;
	struct err e = {0};

	arena_init(&A);
	b = bind("postgresql",
		 "    op.add_column('t', sa.Column('c', sa.String(5), server_default='x'))\n"
		 "    op.create_index('ix_t_c', 't', ['c'])\n");
	CHECK(ag_render_sql(&A, "postgresql", &b, &out, &e) == 0);
	CHECK_STR(buf_cstr(&out), "ALTER TABLE t ADD COLUMN c VARCHAR(5) DEFAULT 'x';\n\n"
				  "CREATE INDEX ix_t_c ON t (c);");
	/* an autocommit block between the markers the SQL reader knows */
	b = bind("postgresql", "    with op.get_context().autocommit_block():\n"
			       "        op.execute(\"ALTER TYPE st ADD VALUE IF NOT EXISTS 'b'\")\n"
			       "    op.create_index('ix_t_c', 't', ['c'])\n");
	buf_reset(&out);
	CHECK(ag_render_sql(&A, "postgresql", &b, &out, &e) == 0);
	CHECK_STR(buf_cstr(&out), "-- migrate:autocommit\n"
				  "ALTER TYPE st ADD VALUE IF NOT EXISTS 'b';\n"
				  "-- migrate:end-autocommit\n\n"
				  "CREATE INDEX ix_t_c ON t (c);");
	/* an added table's indexes are its create_index ops, not the table's */
	b = bind("postgresql",
		 "    op.create_table('t', sa.Column('c', sa.Integer()), sa.Index('ix_t_c', 'c'))\n"
		 "    op.create_index('ix_t_c', 't', ['c'])\n");
	buf_reset(&out);
	CHECK(ag_render_sql(&A, "postgresql", &b, &out, &e) == 0);
	CHECK_STR(buf_cstr(&out), "CREATE TABLE t (\n    c INTEGER\n);\n\n"
				  "CREATE INDEX ix_t_c ON t (c);");
	b.n_ops = 0;
	buf_reset(&out);
	CHECK(ag_render_sql(&A, "sqlite", &b, &out, &e) == 0);
	CHECK_STR(buf_cstr(&out), "");
	CHECK(ag_render_sql(&A, "nosuch", &b, &out, &e) < 0 && e.code == ERR_INPUT);
	buf_release(&out);
	arena_release(&A);
}

/* include_name / include_object verdicts (filter.c): database-side ones
 * only on the live side, model-side ones on both; copies, never in place. */
static void test_filter(void)
{
	struct mig_body b;
	struct sch_table *t[3], **out;
	size_t n;
	const struct ag_leave v[] = {
		{false, "table", NULL, "spatial_ref_sys", NULL},
		{true, "column", NULL, "users", "cache"},
		{false, "index", NULL, "users", "legacy_ix"},
		{true, "unique_constraint", NULL, "users", "uq_name"},
		{false, "schema", "gis", NULL, NULL},
	};

	arena_init(&A);
	b = bind(
		"postgresql",
		"    op.create_table('users', sa.Column('id', sa.Integer()), sa.Column('cache', sa.Text()),\n"
		"        sa.Column('name', sa.Text()), sa.UniqueConstraint('name', name='uq_name'),\n"
		"        sa.ForeignKeyConstraint(['id'], ['x.id'], name='uq_name'),\n"
		"        sa.Index('legacy_ix', 'name'), sa.Index('ix_keep', 'id'))\n"
		"    op.create_table('spatial_ref_sys', sa.Column('srid', sa.Integer()))\n"
		"    op.create_table('shapes', sa.Column('id', sa.Integer()), schema='gis')\n");
	CHECK(b.n_ops == 3);
	for (size_t i = 0; i < 3 && i < b.n_ops; i++)
		t[i] = (struct sch_table *)b.ops[i].create;
	ag_filter_tables(&A, v, 5, true, t, 3, &out, &n);
	CHECK(n == 1 && !strcmp(out[0]->name, "users"));
	CHECK(out[0] != t[0] && t[0]->n_columns == 3 && t[0]->n_indexes == 2);
	CHECK(out[0]->n_columns == 2 && !strcmp(out[0]->columns[1]->name, "name"));
	CHECK(out[0]->n_indexes == 1 && !strcmp(out[0]->indexes[0]->name, "ix_keep"));
	/* the unique constraint goes, the foreign key of the same name stays */
	CHECK(out[0]->n_constraints == 1 && out[0]->constraints[0]->kind == SCH_FOREIGN_KEY);
	ag_filter_tables(&A, v, 5, false, t, 3, &out, &n);
	CHECK(n == 3 && out[1] == t[1] && out[2] == t[2]);
	CHECK(out[0]->n_columns == 2 && out[0]->n_indexes == 2 && out[0]->n_constraints == 1);
	ag_filter_tables(&A, v, 0, true, t, 3, &out, &n);
	CHECK(n == 3 && out[0] == t[0]);
	arena_release(&A);
}

static const struct unit_test tests[] = {
	UNIT(test_filter),
	UNIT(test_needs_batch),
	UNIT(test_enum_types),
	UNIT(test_enum_existing),
	UNIT(test_enum_values),
	UNIT(test_render_sql),
	{0},
};

UNIT_MAIN(tests)
