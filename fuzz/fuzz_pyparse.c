/*
 * fuzz_pyparse.c - libFuzzer target for the Python-subset reader
 * (pyparse_module) and the .py path of script_parse.
 *   make FUZZ=1 CC=clang B=build-fuzz fuzzers && fuzz/run.sh
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "base/arena.h"
#include "base/err.h"
#include "script/pyparse.h"
#include "script/script.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a = ARENA_INIT;
	struct pyparse_result r;
	struct script *s = NULL;
	struct err e;
	char *text = arena_alloc(&a, size + 1);

	memcpy(text, data, size);
	text[size] = '\0';
	if (pyparse_module(&a, "fuzz.py", text, size, &r, &e) == 0) {
		for (size_t i = 0; i < r.upgrade.n_stmts; i++)
			if (!r.upgrade.stmts[i].sql || r.upgrade.stmts[i].line < 1)
				__builtin_trap();
		if (r.revision.kind == PYVAL_STR && r.revision.items.n != 1)
			__builtin_trap();
	} else if (e.code != ERR_INPUT || e.line < 1) {
		__builtin_trap();
	}
	err_clear(&e);
	if (script_parse(&a, "/versions", "fuzz.py", text, size, &s, &e) < 0 && !e.msg[0])
		__builtin_trap();
	arena_release(&a);
	return 0;
}
