/*
 * str.h - small string helpers: slices over text read whole, checked number
 * parsing, ctype wrappers that are safe on char (habit: ctype only on
 * unsigned char), and a bytewise comparator for deterministic sorting.
 */
#ifndef BASE_STR_H
#define BASE_STR_H

#include <ctype.h>
#include <stdbool.h>
#include <stddef.h>

#include "arena.h"

struct slice {
	const char *p; /* start, not NUL-terminated */
	size_t n;      /* length in bytes */
};

static inline bool str_isspace(char c)
{
	return isspace((unsigned char)c) != 0;
}
static inline bool str_isdigit(char c)
{
	return c >= '0' && c <= '9';
}
static inline bool str_isalnum(char c)
{
	return isalnum((unsigned char)c) != 0;
}
static inline bool str_isalpha(char c)
{
	return isalpha((unsigned char)c) != 0;
}
static inline bool str_isxdigit(char c)
{
	return isxdigit((unsigned char)c) != 0;
}
static inline char str_tolower(char c)
{
	return (char)tolower((unsigned char)c);
}

bool str_startswith(const char *s, const char *prefix);
bool str_endswith(const char *s, const char *suffix);
bool str_eq(const char *a, const char *b); /* both NULL counts as equal */
bool slice_eq(struct slice s, const char *z);
/* Copy of s with leading and trailing white space removed (Python str.strip()). */
char *str_strip(struct arena *a, const char *s);
struct slice slice_strip(struct slice s);
char *slice_dup(struct arena *a, struct slice s);
/* Parses a whole string as a base-10 long; 0 on success, -1 if not a number or out of range. */
int str_to_long(const char *s, long *out);
/* qsort comparator for arrays of const char *: bytewise (strcmp) order. */
int str_cmp_ptr(const void *a, const void *b);
/* Python str.split() with no argument: the words of s between runs of white
 * space, appended to out (a struct strvec, base/vec.h). */
struct strvec;
void str_split_blank(struct arena *a, const char *s, struct strvec *out);
/* Lower-cased copy (ASCII only). */
char *str_lower(struct arena *a, const char *s);
/* Python-style truthiness of a config value: true/yes/on/1 (case-insensitive).
 * Returns 1 true, 0 false, -1 unrecognised. */
int str_to_bool(const char *s);
/* True if s is valid UTF-8. */
bool str_valid_utf8(const char *s, size_t n);
/* Decodes the UTF-8 sequence at s (s < end) into *cp; returns its length in
 * bytes, or 0 if it is not valid UTF-8 (overlong, surrogate, truncated,
 * above U+10FFFF). */
size_t str_utf8_decode(const char *s, const char *end, unsigned *cp);

#endif
