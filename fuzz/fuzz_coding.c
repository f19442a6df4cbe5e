/*
 * fuzz_coding.c - libFuzzer target for PEP 263 coding declarations
 * (coding_decode): any input either decodes or fails with ERR_INPUT and a
 * line of 1 or 2 (or the line of an undefined byte); a decoded copy is valid
 * UTF-8 with the same number of lines.
 *   make FUZZ=1 CC=clang B=build-fuzz fuzzers && fuzz/run.sh
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/str.h"
#include "script/coding.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static size_t lines(const char *s, size_t n)
{
	size_t k = 0;

	for (size_t i = 0; i < n; i++)
		k += s[i] == '\n';
	return k;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a = ARENA_INIT;
	const char *in = (const char *)data, *out;
	size_t n;
	struct err e;

	err_clear(&e);
	if (coding_decode(&a, "f.py", in, size, &out, &n, &e) < 0) {
		if (e.code != ERR_INPUT || e.line < 1)
			__builtin_trap();
	} else if (out != in) {
		if (lines(out, n) != lines(in, size) || n < size)
			__builtin_trap();
		for (const char *p = out; p < out + n;) {
			unsigned cp;
			size_t k = str_utf8_decode(p, out + n, &cp);
			if (!k)
				__builtin_trap();
			p += k;
		}
	}
	arena_release(&a);
	return 0;
}
