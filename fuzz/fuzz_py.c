/*
 * fuzz_py.c - libFuzzer target for the Python front end (src/py): parse a
 * whole module, read its revision header, evaluate upgrade() and
 * downgrade() for two dialects, online (sa.inspect answered by a fake
 * database of one table) and offline, and read it as an env.py.  Every failure must be ERR_INPUT with a position; every success
 * must give well-formed operations.
 *   make FUZZ=1 CC=clang B=build-fuzz fuzzers && fuzz/run.sh
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "base/arena.h"
#include "base/err.h"
#include "py/ast.h"
#include "py/inspect.h"
#include "py/py.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *fz_getenv(void *ctx, const char *name)
{
	(void)ctx;
	return name[0] == 'P' ? "postgresql://u@h/db" : NULL;
}

/* The fake database sa.inspect(bind) sees online: one table t (id). */
static int fz_read(void *ctx, struct arena *a, const char *schema, const struct py_op *ops,
		   size_t n_ops, const struct py_insp_db **out, struct err *e)
{
	static const char *const schemas[] = {"main"};
	static struct sch_column id = {.name = "id", .nullable = SCH_FALSE, .primary_key = true};
	static struct sch_column *cols[] = {&id};
	static struct sch_table t = {.name = "t", .columns = cols, .n_columns = 1};
	static struct sch_table *tables[] = {&t};
	static const struct py_insp_db db = {.dialect = "sqlite",
					     .default_schema = "main",
					     .schema_names = schemas,
					     .n_schema_names = 1,
					     .tables = tables,
					     .n_tables = 1};

	(void)ctx, (void)a, (void)ops, (void)n_ops, (void)e;
	if (schema && !strcmp(schema, "fail"))
		return err_set(e, ERR_INPUT, "the fake database fails");
	*out = &db;
	return 0;
}

static const struct py_inspector fz_inspector = {fz_read, NULL};

static void check_ops(const struct py_op *ops, size_t n, int depth)
{
	for (size_t k = 0; k < n; k++) {
		if (!ops[k].call || ops[k].call->kind != PYV_CALL || !ops[k].call->name ||
		    ops[k].line < 1 || depth > 64)
			__builtin_trap();
		check_ops(ops[k].body, ops[k].n_body, depth + 1);
	}
}

static void eval_all(struct arena *a, const struct py_module *m)
{
	static const char *const dialects[] = {"sqlite", "postgresql"};
	static const char *const fns[] = {"upgrade", "downgrade"};
	const char *const xs[] = {"data=true"};
	struct py_body b;
	struct err e;

	for (int d = 0; d < 2; d++)
		for (int f = 0; f < 2; f++) {
			struct py_eval_ctx ctx = {"fuzz.py", dialects[d],
						  d == 1,    xs,
						  1,         d == 0 ? &fz_inspector : NULL,
						  NULL};
			if (py_eval_function(a, m, fns[f], &ctx, &b, &e) == 0) {
				check_ops(b.ops, b.n_ops, 0);
				if (b.irreversible && !b.irreversible_msg)
					__builtin_trap();
				for (size_t k = 0; k < b.n_ops; k++)
					(void)pyv_describe(a, b.ops[k].call);
			} else if (e.code != ERR_INPUT || !e.msg[0]) {
				__builtin_trap();
			}
		}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a = ARENA_INIT;
	struct py_module *m;
	struct py_header h;
	struct py_env_in in = {"env.py", fz_getenv, NULL, NULL, NULL, NULL, 0};
	struct py_env_out o;
	struct err e;
	char *text = arena_alloc(&a, size + 1);

	memcpy(text, data, size);
	text[size] = '\0';
	if (py_parse_module(&a, "fuzz.py", text, size, &m, &e)) {
		if (e.code != ERR_INPUT || e.line < 1 || !e.msg[0])
			__builtin_trap();
		arena_release(&a);
		return 0;
	}
	if (py_module_header(&a, m, &h, &e) && (e.code != ERR_INPUT || !e.msg[0]))
		__builtin_trap();
	eval_all(&a, m);
	if (py_env_read(&a, m, &in, &o, &e))
		__builtin_trap();
	for (size_t k = 0; k < o.n_settings; k++)
		if (!o.settings[k].key)
			__builtin_trap();
	arena_release(&a);
	return 0;
}
