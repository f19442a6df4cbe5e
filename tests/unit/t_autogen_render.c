/*
 * t_autogen_render.c - ag_render_py (src/autogen/render*.c) against real
 * Alembic 1.8.1 output: tests/cases/render.cases (recorded by
 * tests/cases/record_render.py from autogenerate runs, hand-built
 * operation objects and the behaviour reference's 12.6-12.9 outputs).
 *
 * Each recorded body is read back through our Python front end (parse,
 * evaluate, bind: the path a revision's upgrade() takes in src/run/body.c),
 * flattened the way autogenerate hands ops over (batch blocks dissolved),
 * rendered, and compared byte for byte with the recording, imports too
 * (plus our `import sqlmodel`, see want_imports).
 * Batch cases are rendered a second time from the bound batch blocks
 * (MIG_BATCH groups) and must give the same text.
 */
#include "unit.h"

#include "autogen/autogen.h"
#include "base/str.h"
#include "py/bind.h"
#include "py/py.h"

static struct arena A;

struct rcase {
	const char *name;    /* case NAME */
	const char *dialect; /* dialect */
	bool batch;          /* batch 0|1 */
	struct buf imports;  /* import lines, each ending in \n */
	struct buf body;     /* the slot text (no final newline) */
	struct buf source;   /* source lines (model-style op.* calls), each ending in \n */
};

/* Recordings our binder cannot read back, and why (name, batch or -1 for
 * both): their batch text is checked against the ops bound from the same
 * case's non-batch recording. */
#define BATCH_COMMENT                                                                              \
	"Alembic writes batch_op.create_table_comment('t', ..., schema=...), which "               \
	"BatchOperations cannot take (TypeError); the binder refuses it as Python would"
static const struct {
	const char *name;
	int batch;
	const char *why;
} known[] = {
	{"comments.sqlite", 1, BATCH_COMMENT},
	{"comments.postgresql", 1, BATCH_COMMENT},
	{"comments.postgresql.s", 1, BATCH_COMMENT},
	{NULL, 0, NULL},
};

static const char *known_why(const struct rcase *c)
{
	for (size_t i = 0; known[i].name; i++)
		if (!strcmp(known[i].name, c->name) &&
		    (known[i].batch < 0 || known[i].batch == c->batch))
			return known[i].why;
	return NULL;
}

/* Reads the next case of f; false at the end. */
static bool read_case(FILE *f, struct rcase *c)
{
	char line[8192];
	bool in_body = false, any = false;

	buf_reset(&c->imports);
	buf_reset(&c->body);
	buf_reset(&c->source);
	while (fgets(line, sizeof(line), f)) {
		size_t n = strlen(line);

		if (n && line[n - 1] == '\n')
			line[--n] = '\0';
		if (in_body) {
			if (!strcmp(line, "end"))
				return true;
			if (c->body.len)
				buf_addch(&c->body, '\n');
			buf_add(&c->body, line, n);
		} else if (!strncmp(line, "case ", 5)) {
			c->name = arena_strdup(&A, line + 5);
			any = true;
		} else if (!strncmp(line, "dialect ", 8)) {
			c->dialect = arena_strdup(&A, line + 8);
		} else if (!strncmp(line, "batch ", 6)) {
			c->batch = line[6] == '1';
		} else if (!strncmp(line, "import ", 7)) {
			buf_addf(&c->imports, "%s\n", line + 7);
		} else if (!strncmp(line, "source ", 7)) {
			buf_addf(&c->source, "    %s\n", line + 7);
		} else if (!strcmp(line, "body")) {
			in_body = true;
		}
	}
	(void)any;
	return false;
}

/* What the text says that our binder reads differently from what
 * autogenerate holds, put back: a text() on PostgreSQL shows '%' doubled
 * (the IR holds the SQL itself); create_unique_constraint's
 * deferrable='True' (Alembic writes str(True)) binds as True; a
 * drop_constraint(None, ...) (refused by the binder, it cannot run) binds
 * as a placeholder name that fix_none() turns back into None. */
static const char NONE_NAME[] = "__render_none__";

static void add_normalized(struct buf *b, const char *s, bool pg)
{
	while (*s) {
		if (pg && !strncmp(s, "%%", 2)) {
			buf_addch(b, '%');
			s += 2;
		} else if (!strncmp(s, "deferrable='True'", 17)) {
			buf_adds(b, "deferrable=True");
			s += 17;
		} else if (!strncmp(s, "drop_constraint(None,", 21)) {
			buf_addf(b, "drop_constraint('%s',", NONE_NAME);
			s += 21;
		} else {
			buf_addch(b, *s++);
		}
	}
}

static void fix_none(struct mig_op *ops, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (ops[i].kind == MIG_BATCH)
			fix_none((struct mig_op *)ops[i].body, ops[i].n_body);
		if (ops[i].constraint_name && !strcmp(ops[i].constraint_name, NONE_NAME))
			ops[i].constraint_name = NULL;
	}
}

/* The recorded body as a revision module, bound for the case's dialect. */
static int bind_case(const struct rcase *c, struct mig_body *out, struct err *e)
{
	struct buf src = BUF_INIT;
	struct py_module *m;
	struct py_eval_ctx ctx = {.file = "case.py", .dialect = c->dialect};
	struct py_body body;
	int rc;

	buf_adds(&src, "from alembic import op\nimport sqlalchemy as sa\nimport sqlmodel\n"
		       "from sqlalchemy.dialects import postgresql\n\n\ndef upgrade():\n");
	if (c->source.len) {
		buf_add(&src, c->source.ptr, c->source.len);
	} else {
		buf_adds(&src, "    ");
		add_normalized(&src, buf_cstr(&c->body), !strcmp(c->dialect, "postgresql"));
		buf_addch(&src, '\n');
	}
	rc = py_parse_module(&A, "case.py", src.ptr, src.len, &m, e);
	if (!rc)
		rc = py_eval_function(&A, m, "upgrade", &ctx, &body, e);
	if (!rc)
		rc = py_bind_body(&A, "case.py", &body, out, e);
	if (!rc)
		fix_none((struct mig_op *)out->ops, out->n_ops);
	buf_release(&src);
	return rc;
}

/* The ops with batch blocks dissolved, as autogenerate's flat list. */
static struct mig_body flatten(const struct mig_body *b)
{
	struct mig_body f = *b;
	struct mig_op *ops;
	size_t n = 0, cap = 0;

	for (size_t i = 0; i < b->n_ops; i++)
		cap += b->ops[i].kind == MIG_BATCH ? b->ops[i].n_body : 1;
	ops = arena_calloc(&A, cap + 1, sizeof(*ops));
	for (size_t i = 0; i < b->n_ops; i++) {
		if (b->ops[i].kind != MIG_BATCH) {
			ops[n++] = b->ops[i];
			continue;
		}
		for (size_t j = 0; j < b->ops[i].n_body; j++)
			ops[n++] = b->ops[i].body[j];
	}
	f.ops = ops;
	f.n_ops = n;
	return f;
}

/* Renders b; the text and the import lines (sorted, "\n" after each). */
static void render(const struct rcase *c, const struct mig_body *b, struct buf *text,
		   struct buf *imports)
{
	struct ag_render_opts o = {.dialect = c->dialect, .render_as_batch = c->batch};
	struct strvec imp = STRVEC_INIT;

	buf_reset(text);
	buf_reset(imports);
	ag_render_py(&A, &o, b, text, &imp);
	strvec_sort(&imp);
	for (size_t i = 0; i < imp.n; i++)
		buf_addf(imports, "%s\n", imp.v[i]);
}

/* Prints the first line where got and want differ. */
static void show_diff(const char *name, const char *got, const char *want)
{
	int line = 1;
	const char *g = got, *w = want;

	while (*g && *g == *w) {
		if (*g == '\n')
			line++;
		g++;
		w++;
	}
	while (g > got && g[-1] != '\n')
		g--, w--;
	fprintf(stderr, "  %s: line %d\n    got:  %.*s\n    want: %.*s\n", name, line,
		(int)strcspn(g, "\n"), g, (int)strcspn(w, "\n"), w);
}

struct tally {
	int cases, ok, via_plain, bad;
};

/* The imports we write for c: Alembic's, plus (our documented difference,
 * render_val.c rnd_type) `import sqlmodel` for a body using its types. */
static const char *want_imports(const struct rcase *c)
{
	if (!strstr(buf_cstr(&c->body), "sqlmodel.sql.sqltypes."))
		return buf_cstr(&c->imports);
	return arena_printf(&A, "%simport sqlmodel\n", buf_cstr(&c->imports));
}

/* c is checked; plain is the same case recorded without batch mode (read
 * instead where the batch text cannot be bound: known[] cases), or NULL. */
static void check_case(const struct rcase *c, const struct rcase *plain, struct tally *t)
{
	struct buf text = BUF_INIT, imports = BUF_INIT;
	struct mig_body b, flat;
	struct err e = {0};
	const char *why = known_why(c);
	bool ok;
	const char *label =
		arena_printf(&A, "%s [%s%s]", c->name, c->dialect, c->batch ? ", batch" : "");
	t->cases++;
	if (bind_case(c, &b, &e) < 0 && !(why && plain && bind_case(plain, &b, &e) == 0)) {
		fprintf(stderr, "  %s: cannot bind: %d:%d: %s\n", label, e.line, e.col, e.msg);
		t->bad++;
		return;
	}
	flat = flatten(&b);
	render(c, &flat, &text, &imports);
	ok = !strcmp(buf_cstr(&text), buf_cstr(&c->body)) &&
	     !strcmp(buf_cstr(&imports), want_imports(c));
	if (ok && c->batch) { /* the same from explicit batch groups */
		render(c, &b, &text, &imports);
		ok = !strcmp(buf_cstr(&text), buf_cstr(&c->body));
	}
	if (ok && c->batch && plain && !why) { /* batch groups rendered without batch mode */
		struct rcase p = *c;

		p.batch = false;
		render(&p, &b, &text, &imports);
		ok = !strcmp(buf_cstr(&text), buf_cstr(&plain->body));
		if (!ok) {
			show_diff(label, buf_cstr(&text), buf_cstr(&plain->body));
			fprintf(stderr, "    (batch blocks rendered with render_as_batch off)\n");
			t->bad++;
			goto out;
		}
	}
	if (ok) {
		t->ok++;
		t->via_plain += why != NULL;
	} else {
		t->bad++;
		if (strcmp(buf_cstr(&text), buf_cstr(&c->body)))
			show_diff(label, buf_cstr(&text), buf_cstr(&c->body));
		else
			fprintf(stderr, "  %s: imports\n    got:  %s    want: %s", label,
				buf_cstr(&imports), want_imports(c));
	}
out:
	buf_release(&text);
	buf_release(&imports);
}

static void test_recorded_cases(void)
{
	const char *path =
		getenv("RENDER_CASES") ? getenv("RENDER_CASES") : "tests/cases/render.cases";
	FILE *f = fopen(path, "r");
	struct rcase c = {.imports = BUF_INIT, .body = BUF_INIT, .source = BUF_INIT};
	struct rcase prev = {.imports = BUF_INIT, .body = BUF_INIT, .source = BUF_INIT};
	struct tally t = {0};

	CHECK(f != NULL);
	if (!f)
		return;
	arena_init(&A);
	while (read_case(f, &c)) {
		bool same = prev.name && !strcmp(prev.name, c.name) && !prev.batch;

		check_case(&c, same ? &prev : NULL, &t);
		prev.name = c.name;
		prev.dialect = c.dialect;
		prev.batch = c.batch;
		buf_reset(&prev.body);
		buf_add(&prev.body, c.body.ptr, c.body.len);
	}
	fclose(f);
	fprintf(stderr, "  %d cases: %d round-trip (%d from their non-batch ops), %d mismatches\n",
		t.cases, t.ok, t.via_plain, t.bad);
	CHECK(t.cases > 50);
	CHECK_INT(t.bad, 0);
	buf_release(&c.imports);
	buf_release(&c.body);
	buf_release(&c.source);
	buf_release(&prev.body);
	arena_release(&A);
}

/* Nothing to do: "pass" between the markers. */
static void test_empty(void)
{
	struct mig_body b = {0};
	struct ag_render_opts o = {.dialect = "sqlite"};
	struct buf out = BUF_INIT;

	arena_init(&A);
	ag_render_py(&A, &o, &b, &out, NULL);
	CHECK_STR(buf_cstr(&out), "# ### commands auto generated by Alembic - please adjust! ###\n"
				  "    pass\n"
				  "    # ### end Alembic commands ###");
	buf_release(&out);
	arena_release(&A);
}

/* A CHECK addition (Alembic 1.8.1 raises NotImplementedError): the op API's
 * spelling, plain and in batch mode, and its drop. */
static void test_check_constraint(void)
{
	struct sch_expr cond = {.kind = SCH_EXPR_TEXT, .s = "length(title) > 0"};
	struct sch_constraint k = {.kind = SCH_CHECK, .name = "ck_resume_title", .sqltext = &cond};
	struct mig_op ops[2] = {{.kind = MIG_ADD_CONSTRAINT, .table = "resume", .constraint = &k},
				{.kind = MIG_DROP_CONSTRAINT,
				 .table = "resume",
				 .constraint_name = "ck_resume_title",
				 .constraint_type = "check"}};
	struct mig_body b = {.ops = ops, .n_ops = 2};
	struct ag_render_opts o = {.dialect = "postgresql"};
	struct buf out = BUF_INIT;

	arena_init(&A);
	ag_render_py(&A, &o, &b, &out, NULL);
	CHECK_STR(
		buf_cstr(&out),
		"# ### commands auto generated by Alembic - please adjust! ###\n"
		"    op.create_check_constraint('ck_resume_title', 'resume', 'length(title) > 0')\n"
		"    op.drop_constraint('ck_resume_title', 'resume', type_='check')\n"
		"    # ### end Alembic commands ###");
	buf_reset(&out);
	ops[0].schema = ops[1].schema = "app";
	ag_render_py(&A, &o, &b, &out, NULL);
	CHECK(strstr(buf_cstr(&out), "op.create_check_constraint('ck_resume_title', 'resume', "
				     "'length(title) > 0', schema='app')\n") != NULL);
	buf_reset(&out);
	ops[0].schema = ops[1].schema = NULL;
	o.dialect = "sqlite";
	o.render_as_batch = true;
	ag_render_py(&A, &o, &b, &out, NULL);
	CHECK_STR(
		buf_cstr(&out),
		"# ### commands auto generated by Alembic - please adjust! ###\n"
		"    with op.batch_alter_table('resume', schema=None) as batch_op:\n"
		"        batch_op.create_check_constraint('ck_resume_title', 'length(title) > 0')\n"
		"        batch_op.drop_constraint('ck_resume_title', type_='check')\n"
		"\n"
		"    # ### end Alembic commands ###");
	buf_release(&out);
	arena_release(&A);
}

static const struct unit_test tests[] = {
	UNIT(test_recorded_cases),
	UNIT(test_empty),
	UNIT(test_check_constraint),
	{0},
};

UNIT_MAIN(tests)
