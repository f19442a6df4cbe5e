/*
 * fuzz_ops.c - libFuzzer target for the operations path of a .py revision:
 * the input is parsed and its upgrade() evaluated (py), bound to the
 * operations IR (py/bind.c) and compiled for each dialect online and
 * offline (sql/ddl.c).  Errors are fine; a crash, a sanitizer report, an
 * error without a message, or a statement without text is not.
 *   make FUZZ=1 CC=clang B=build-fuzz fuzzers && fuzz/run.sh
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "base/arena.h"
#include "base/err.h"
#include "py/bind.h"
#include "py/py.h"
#include "sql/ddl.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* One dialect, one mode. */
static void compile_for(struct arena *a, const struct py_module *m, const char *dialect,
			bool as_sql)
{
	struct py_eval_ctx ctx = {.file = "rev.py", .dialect = dialect, .as_sql = as_sql};
	struct strvec memo = STRVEC_INIT;
	struct sql_opts o = {sql_dialect_find(dialect), as_sql, "rev.py", NULL, &memo, false, NULL};
	struct sql_stmts st = {0};
	struct py_body body;
	struct mig_body mb;
	struct err e;

	err_clear(&e);
	if (py_eval_function(a, m, "upgrade", &ctx, &body, &e) < 0 ||
	    py_bind_body(a, "rev.py", &body, &mb, &e) < 0 ||
	    sql_compile_body(a, &o, &mb, &st, &e) < 0) {
		if (e.code == ERR_OK || !e.msg[0])
			__builtin_trap();
		return;
	}
	for (size_t i = 0; i < st.n; i++)
		if (!st.v[i].sql && !st.v[i].batch)
			__builtin_trap();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const dialects[] = {"sqlite", "postgresql", "mysql"};
	struct arena a;
	struct py_module *m;
	struct err e;
	char *text;

	arena_init(&a);
	text = arena_alloc(&a, size + 1);
	memcpy(text, data, size);
	text[size] = '\0';
	err_clear(&e);
	if (py_parse_module(&a, "rev.py", text, size, &m, &e) == 0)
		for (size_t i = 0; i < 3; i++) {
			compile_for(&a, m, dialects[i], true);
			compile_for(&a, m, dialects[i], false);
		}
	arena_release(&a);
	return 0;
}
