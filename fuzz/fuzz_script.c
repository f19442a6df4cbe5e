/*
 * fuzz_script.c - libFuzzer target for the native SQL revision reader
 * (header fields, longdoc, -- migrate: sections) through script_parse, and
 * for the slug of the same bytes taken as a message.
 *   make FUZZ=1 CC=clang B=build-fuzz fuzzers && fuzz/run.sh
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "base/arena.h"
#include "base/err.h"
#include "script/script.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a = ARENA_INIT;
	struct script *s = NULL;
	struct err e;
	char *text = arena_alloc(&a, size + 1);

	memcpy(text, data, size);
	text[size] = '\0';
	err_clear(&e);
	if (script_parse(&a, "/versions", "fuzz.sql", text, size, &s, &e) == 0) {
		/* what a successful read promises */
		if (!s->id || !*s->id || !s->longdoc || !s->doc)
			__builtin_trap();
		if (s->upgrade.present && !s->upgrade.text)
			__builtin_trap();
	} else if (e.code != ERR_INPUT || !e.msg[0]) {
		__builtin_trap();
	}
	script_slug(&a, text, 40);
	arena_release(&a);
	return 0;
}
