/*
 * str.c - string helpers; see str.h.
 */
#include "str.h"
#include "vec.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

bool str_startswith(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

bool str_endswith(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && memcmp(s + n - m, suffix, m) == 0;
}

bool str_eq(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	return strcmp(a, b) == 0;
}

bool slice_eq(struct slice s, const char *z)
{
	return strlen(z) == s.n && memcmp(s.p, z, s.n) == 0;
}

struct slice slice_strip(struct slice s)
{
	while (s.n && str_isspace(s.p[0])) {
		s.p++;
		s.n--;
	}
	while (s.n && str_isspace(s.p[s.n - 1]))
		s.n--;
	return s;
}

char *slice_dup(struct arena *a, struct slice s)
{
	return arena_strndup(a, s.p, s.n);
}

char *str_strip(struct arena *a, const char *s)
{
	struct slice sl = {s, strlen(s)};
	return slice_dup(a, slice_strip(sl));
}

int str_to_long(const char *s, long *out)
{
	char *end;
	long v;

	if (!*s || str_isspace(*s))
		return -1;
	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || *end)
		return -1;
	*out = v;
	return 0;
}

int str_cmp_ptr(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

char *str_lower(struct arena *a, const char *s)
{
	char *p = arena_strdup(a, s);
	for (char *q = p; *q; q++)
		*q = str_tolower(*q);
	return p;
}

int str_to_bool(const char *s)
{
	static const char *const yes[] = {"true", "yes", "on", "1", "t", "y"};
	static const char *const no[] = {"false", "no", "off", "0", "f", "n", ""};

	for (size_t i = 0; i < sizeof(yes) / sizeof(*yes); i++)
		if (!strcasecmp(s, yes[i]))
			return 1;
	for (size_t i = 0; i < sizeof(no) / sizeof(*no); i++)
		if (!strcasecmp(s, no[i]))
			return 0;
	return -1;
}

size_t str_utf8_decode(const char *s, const char *end, unsigned *cp)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned c = *p, min;
	size_t len;

	if (c < 0x80) {
		*cp = c;
		return 1;
	} else if ((c & 0xE0) == 0xC0) {
		len = 2, min = 0x80, c &= 0x1F;
	} else if ((c & 0xF0) == 0xE0) {
		len = 3, min = 0x800, c &= 0x0F;
	} else if ((c & 0xF8) == 0xF0) {
		len = 4, min = 0x10000, c &= 0x07;
	} else {
		return 0;
	}
	if ((size_t)(end - s) < len)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (p[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return len;
}

bool str_valid_utf8(const char *s, size_t n)
{
	const char *p = s, *end = s + n;

	while (p < end) {
		unsigned cp;
		size_t len = str_utf8_decode(p, end, &cp);
		if (!len)
			return false;
		p += len;
	}
	return true;
}

void str_split_blank(struct arena *a, const char *s, struct strvec *out)
{
	while (s && *s) {
		const char *start;

		while (str_isspace(*s))
			s++;
		for (start = s; *s && !str_isspace(*s); s++)
			;
		if (s > start)
			strvec_push(a, out, arena_strndup(a, start, (size_t)(s - start)));
	}
}
