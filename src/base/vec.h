/*
 * vec.h - arena-backed vector of strings (the one container most modules
 * need).  Order is insertion order; nothing here hashes.
 */
#ifndef BASE_VEC_H
#define BASE_VEC_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"

struct strvec {
	const char **v; /* items, owned by the arena given to strvec_push */
	size_t n;       /* number of items */
	size_t cap;     /* allocated slots */
};

#define STRVEC_INIT                                                                                \
	{                                                                                          \
		NULL, 0, 0                                                                         \
	}

void strvec_push(struct arena *a, struct strvec *sv, const char *s);
/* Pushes s unless an equal string is present; returns true if pushed. */
bool strvec_push_unique(struct arena *a, struct strvec *sv, const char *s);
/* Index of s (strcmp) or -1. */
long strvec_find(const struct strvec *sv, const char *s);
/* Joins the items with sep into an arena string ("" when empty). */
char *strvec_join(struct arena *a, const struct strvec *sv, const char *sep);
/* Sorts bytewise (strcmp); stable for equal strings is irrelevant. */
void strvec_sort(struct strvec *sv);

#endif
