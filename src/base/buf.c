/*
 * buf.c - growable byte buffer; see buf.h.
 */
#include "buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void buf_init(struct buf *b)
{
	b->ptr = NULL;
	b->len = 0;
	b->cap = 0;
}

void buf_release(struct buf *b)
{
	free(b->ptr);
	buf_init(b);
}

void buf_reset(struct buf *b)
{
	buf_truncate(b, 0);
}

void buf_truncate(struct buf *b, size_t len)
{
	if (len < b->len) {
		b->len = len;
		b->ptr[len] = '\0';
	}
}

void buf_grow(struct buf *b, size_t extra)
{
	size_t want, cap;
	char *p;

	if (extra > BUF_MAX || b->len + extra >= BUF_MAX)
		die_oom(extra);
	want = b->len + extra + 1;
	if (want <= b->cap)
		return;
	cap = b->cap ? b->cap : 64;
	while (cap < want)
		cap *= 2;
	p = realloc(b->ptr, cap);
	if (!p)
		die_oom(cap);
	if (!b->ptr)
		p[0] = '\0';
	b->ptr = p;
	b->cap = cap;
}

void buf_add(struct buf *b, const void *data, size_t n)
{
	buf_grow(b, n);
	if (n)
		memcpy(b->ptr + b->len, data, n);
	b->len += n;
	b->ptr[b->len] = '\0';
}

void buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void buf_addch(struct buf *b, int c)
{
	char ch = (char)c;
	buf_add(b, &ch, 1);
}

void buf_vaddf(struct buf *b, const char *fmt, va_list ap)
{
	va_list cp;
	int n;

	va_copy(cp, ap);
	n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0)
		die_oom(0);
	buf_grow(b, (size_t)n);
	vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void buf_addf(struct buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	buf_vaddf(b, fmt, ap);
	va_end(ap);
}

const char *buf_cstr(const struct buf *b)
{
	return b->ptr ? b->ptr : "";
}

char *buf_to_arena(const struct buf *b, struct arena *a)
{
	return arena_strndup(a, buf_cstr(b), b->len);
}

void buf_add_utf8(struct buf *b, unsigned cp)
{
	if (cp < 0x80) {
		buf_addch(b, (int)cp);
	} else if (cp < 0x800) {
		buf_addch(b, (int)(0xC0 | (cp >> 6)));
		buf_addch(b, (int)(0x80 | (cp & 0x3F)));
	} else if (cp < 0x10000) {
		buf_addch(b, (int)(0xE0 | (cp >> 12)));
		buf_addch(b, (int)(0x80 | ((cp >> 6) & 0x3F)));
		buf_addch(b, (int)(0x80 | (cp & 0x3F)));
	} else {
		buf_addch(b, (int)(0xF0 | (cp >> 18)));
		buf_addch(b, (int)(0x80 | ((cp >> 12) & 0x3F)));
		buf_addch(b, (int)(0x80 | ((cp >> 6) & 0x3F)));
		buf_addch(b, (int)(0x80 | (cp & 0x3F)));
	}
}
