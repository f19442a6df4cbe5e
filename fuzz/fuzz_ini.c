/*
 * fuzz_ini.c - libFuzzer target for the ini parser (ini_parse), value
 * expansion (interpolation, ${VAR}) of every key, and the `config --set`
 * rewrite, whose result must read back the value set.
 *   make FUZZ=1 CC=clang B=build-fuzz fuzzers && fuzz/run.sh
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "base/arena.h"
#include "base/err.h"
#include "config/config.h"
#include "config/ini.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Expands every key of every section (errors are fine, crashes are not). */
static void expand_all(struct arena *a, const struct ini *ini)
{
	struct err e;

	for (size_t i = 0; i < ini->n_sections; i++) {
		const struct ini_section *s = ini->sections[i];
		for (size_t j = 0; j < s->n; j++) {
			err_clear(&e);
			if (!ini_expand_entry(a, ini, s->name, &s->entries[j], &e) &&
			    e.code == ERR_OK)
				__builtin_trap();
			if (s->entries[j].line < 1 ||
			    s->entries[j].last_line < s->entries[j].line ||
			    (size_t)s->entries[j].last_line > ini->n_lines)
				__builtin_trap();
		}
	}
}

/* Sets key=value in the main section.  config_rewrite re-parses its result
 * and refuses (ERR_INPUT, nothing written) when the file would not read the
 * value back; that refusal is allowed for layouts such as bare-CR line ends
 * inside a section, any other failure is a bug.  On success the result must
 * parse and hold the value. */
static void rewrite(struct arena *a, const char *text, size_t size, const char *key,
		    const char *value)
{
	struct err e;
	char *out;
	size_t len;

	struct ini *ini;
	char *got;

	err_clear(&e);
	if (config_rewrite(a, "fuzz.ini", text, size, "alembic", key, value, &out, &len, &e)) {
		if (e.code != ERR_INPUT || !strstr(e.msg, "would not read it back"))
			__builtin_trap();
		return;
	}
	err_clear(&e);
	if (ini_parse(a, "fuzz.ini", out, len, "/h%$", &ini, &e))
		__builtin_trap();
	if (strchr(value, '$'))
		return; /* ${...} is expanded on reading: only plain values compare */
	got = ini_get(a, ini, "alembic", key, &e);
	if (!got || strcmp(got, value) != 0)
		__builtin_trap();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a = ARENA_INIT;
	struct ini *ini;
	struct err e;

	err_clear(&e);
	if (ini_parse(&a, "fuzz.ini", (const char *)data, size, "/h%$", &ini, &e) == 0) {
		expand_all(&a, ini);
		rewrite(&a, (const char *)data, size, "sqlalchemy.url", "p%40ss ${X}");
		rewrite(&a, (const char *)data, size, "brand_new_key", "v");
	} else if (e.code != ERR_INPUT || e.line < 0) {
		__builtin_trap();
	}
	arena_release(&a);
	return 0;
}
