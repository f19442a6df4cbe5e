/*
 * arena.c - bump allocator in growing blocks; see arena.h.
 */
#include "arena.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_ALIGN 16
#define ARENA_MIN_BLOCK (64 * 1024)

struct arena_block {
	struct arena_block *next; /* older block */
	size_t size;              /* usable bytes in data[] */
	size_t used;              /* bytes handed out from data[] */
	_Alignas(ARENA_ALIGN) unsigned char data[];
};

void die_oom(size_t n)
{
	fprintf(stderr, "alembic: out of memory (allocating %zu bytes)\n", n);
	abort();
}

void arena_init(struct arena *a)
{
	a->head = NULL;
	a->total = 0;
}

void arena_release(struct arena *a)
{
	struct arena_block *b = a->head;
	while (b) {
		struct arena_block *next = b->next;
		free(b);
		b = next;
	}
	arena_init(a);
}

void *arena_alloc(struct arena *a, size_t n)
{
	size_t need = (n + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
	struct arena_block *b = a->head;
	void *p;

	if (need < n)
		die_oom(n);
	if (!b || b->size - b->used < need) {
		size_t size = need > ARENA_MIN_BLOCK ? need : ARENA_MIN_BLOCK;
		if (b && size < b->size * 2 && b->size < 16 * 1024 * 1024)
			size = b->size * 2 > need ? b->size * 2 : need;
		if (size > SIZE_MAX - sizeof(*b))
			die_oom(n);
		b = malloc(sizeof(*b) + size);
		if (!b)
			die_oom(n);
		b->size = size;
		b->used = 0;
		b->next = a->head;
		a->head = b;
	}
	p = b->data + b->used;
	b->used += need;
	a->total += need;
	memset(p, 0, n);
	return p;
}

void *arena_calloc(struct arena *a, size_t count, size_t size)
{
	if (size && count > SIZE_MAX / size)
		die_oom(SIZE_MAX);
	size_t n = count * size;
	return arena_alloc(a, n ? n : 1);
}

void *arena_grow(struct arena *a, const void *old, size_t old_count, size_t new_count, size_t size)
{
	void *p = arena_calloc(a, new_count, size);
	if (old && old_count)
		memcpy(p, old, (old_count < new_count ? old_count : new_count) * size);
	return p;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

char *arena_vprintf(struct arena *a, const char *fmt, va_list ap)
{
	va_list cp;
	int n;
	char *p;

	va_copy(cp, ap);
	n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0)
		die_oom(0);
	p = arena_alloc(a, (size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	p = arena_vprintf(a, fmt, ap);
	va_end(ap);
	return p;
}
