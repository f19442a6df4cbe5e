/*
 * vec.c - string vector; see vec.h.
 */
#include "vec.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "str.h"

void strvec_push(struct arena *a, struct strvec *sv, const char *s)
{
	if (sv->n == sv->cap) {
		size_t cap = sv->cap ? sv->cap * 2 : 8;
		sv->v = arena_grow(a, sv->v, sv->n, cap, sizeof(*sv->v));
		sv->cap = cap;
	}
	sv->v[sv->n++] = s;
}

long strvec_find(const struct strvec *sv, const char *s)
{
	for (size_t i = 0; i < sv->n; i++)
		if (!strcmp(sv->v[i], s))
			return (long)i;
	return -1;
}

bool strvec_push_unique(struct arena *a, struct strvec *sv, const char *s)
{
	if (strvec_find(sv, s) >= 0)
		return false;
	strvec_push(a, sv, s);
	return true;
}

char *strvec_join(struct arena *a, const struct strvec *sv, const char *sep)
{
	struct buf b = BUF_INIT;
	char *out;

	for (size_t i = 0; i < sv->n; i++) {
		if (i)
			buf_adds(&b, sep);
		buf_adds(&b, sv->v[i]);
	}
	out = buf_to_arena(&b, a);
	buf_release(&b);
	return out;
}

void strvec_sort(struct strvec *sv)
{
	if (sv->n > 1)
		qsort(sv->v, sv->n, sizeof(*sv->v), str_cmp_ptr);
}
