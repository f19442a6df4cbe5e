/*
 * arena.h - one allocation region per command run.
 *
 * Everything parsed or derived while a command runs (ini values, revision
 * headers, graph nodes, plans) is allocated here and freed at once by
 * arena_release().  Allocation never returns NULL: running out of memory is
 * the one condition handled by aborting (like git's xmalloc), because no
 * caller could do anything useful with it.
 */
#ifndef BASE_ARENA_H
#define BASE_ARENA_H

#include <stdarg.h>
#include <stddef.h>

struct arena_block;

struct arena {
	struct arena_block *head; /* newest block first; NULL when empty */
	size_t total;             /* bytes handed out, for benchmarks */
};

#define ARENA_INIT                                                                                 \
	{                                                                                          \
		NULL, 0                                                                            \
	}

void arena_init(struct arena *a);
/* Frees every block; the arena may be used again afterwards. */
void arena_release(struct arena *a);

/* Returns n zeroed bytes aligned for any type; owned by the arena. */
void *arena_alloc(struct arena *a, size_t n);
/* Zeroed array of count elements of size bytes, with overflow check. */
void *arena_calloc(struct arena *a, size_t count, size_t size);
/* Grows an arena array: copies old_count elements into a new array of new_count. */
void *arena_grow(struct arena *a, const void *old, size_t old_count, size_t new_count, size_t size);

char *arena_strdup(struct arena *a, const char *s);
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_printf(struct arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
char *arena_vprintf(struct arena *a, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));

/* Aborts the process with a message: out of memory or size overflow. */
_Noreturn void die_oom(size_t n);

#endif
