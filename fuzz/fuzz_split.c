/*
 * fuzz_split.c - libFuzzer target for the SQL statement splitter
 * (src/db/split.c): any bytes, every dialect's options; checks that each
 * statement is non-empty, its line is within the input, and lines never
 * decrease.
 */
#include "base/arena.h"
#include "db/db.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const dialects[] = {"sqlite", "postgresql", "mysql", "mssql"};
	struct arena a = ARENA_INIT;
	char *text = arena_strndup(&a, (const char *)data, size);
	int lines = 1;

	for (size_t i = 0; i < size; i++)
		lines += data[i] == '\n';
	for (size_t d = 0; d < sizeof(dialects) / sizeof(dialects[0]); d++) {
		struct split_stmt *st;
		size_t n;
		struct err e;
		int last = 1;

		if (split_sql(&a, text, 1, split_opts_for(dialects[d]), &st, &n, &e) < 0) {
			if (e.code != ERR_INPUT || e.line < 1 || e.line > lines)
				abort();
			continue;
		}
		for (size_t i = 0; i < n; i++) {
			if (!*st[i].sql || st[i].line < last || st[i].line > lines)
				abort();
			last = st[i].line;
		}
	}
	arena_release(&a);
	return 0;
}
