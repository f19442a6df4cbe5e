/*
 * fuzz_type.c - libFuzzer target for column types (src/schema/type.c,
 * type_py.c, src/sql/type_ddl.c): the input is a type expression, put in a
 * revision as op.add_column('t', sa.Column('x', INPUT)), parsed and
 * evaluated by the Python front end; whatever value comes out goes through
 * sch_type_from_pyv, sql_type_ddl on every dialect, sch_type_extra and
 * sch_type_render_py; the same bytes as a reflected type string go through
 * sch_type_from_sql for SQLite and PostgreSQL and then the same checks.  Checks: every failure is ERR_INPUT, a build error
 * points into the file (or nowhere: a module name such as `sa` carries no
 * position from the evaluator), a rendered DDL or Python text is never empty.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/vec.h"
#include "py/py.h"
#include "schema/type.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_type(struct arena *a, const struct sch_type *t)
{
	static const char *const dialects[] = {"sqlite", "postgresql", "mysql", "mariadb"};

	for (size_t d = 0; d < sizeof(dialects) / sizeof(dialects[0]); d++) {
		struct buf out = BUF_INIT;
		struct sch_type_extra x;
		struct err e;

		err_clear(&e);
		if (sql_type_ddl(a, dialects[d], t, &out, &e) < 0 ? e.code != ERR_INPUT : !out.len)
			abort();
		err_clear(&e);
		if (sch_type_extra(t, dialects[d], &x, &e) < 0 && e.code != ERR_INPUT)
			abort();
		if (x.has_check) {
			buf_reset(&out);
			sch_type_check_sql(t, dialects[d], "x", &out);
			if (!out.len)
				abort();
		}
		buf_release(&out);
	}
	for (size_t d = 0; d < 2; d++) {
		struct buf out = BUF_INIT;
		struct strvec imps = {0};
		sch_type_render_py(a, t, dialects[d], &out, &imps);
		if (!out.len)
			abort();
		buf_release(&out);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a = ARENA_INIT;
	struct buf text = BUF_INIT;
	struct py_module *m;
	struct py_body body;
	struct py_eval_ctx ctx = {.file = "x.py", .dialect = "postgresql"};
	struct err e;
	const struct sch_type *t;

	if (memchr(data, '\n', size) || memchr(data, '\r', size) || memchr(data, '\0', size) ||
	    size > 4096)
		return 0; /* one expression on the Column's line (\r is a line break too) */
	static const char *const reflecting[] = {"sqlite", "postgresql"};
	char *sql = arena_strndup(&a, (const char *)data, size);
	for (size_t d = 0; d < 2; d++) {
		err_clear(&e);
		if (sch_type_from_sql(&a, reflecting[d], sql, NULL, 0, &t, &e) < 0 || !t)
			abort();
		check_type(&a, t);
	}
	buf_adds(&text, "import sqlalchemy as sa\nfrom sqlalchemy.dialects import postgresql, "
			"mysql, sqlite\nimport sqlmodel\nfrom alembic import op\ndef upgrade():\n"
			"    op.add_column('t', sa.Column('x', ");
	buf_add(&text, data, size);
	buf_adds(&text, "))\n");
	err_clear(&e);
	if (py_parse_module(&a, "x.py", text.ptr, text.len, &m, &e) == 0 &&
	    py_eval_function(&a, m, "upgrade", &ctx, &body, &e) == 0 && body.n_ops == 1) {
		const struct pyv *c = body.ops[0].call;
		if (c->n >= 2 && c->items[1]->kind == PYV_CALL && c->items[1]->n >= 2) {
			if (sch_type_from_pyv(&a, "x.py", c->items[1]->items[1], &t, &e) == 0)
				check_type(&a, t);
			else if (e.code != ERR_INPUT || e.line < 0 || e.line > 6)
				abort();
		}
	}
	buf_release(&text);
	arena_release(&a);
	return 0;
}
