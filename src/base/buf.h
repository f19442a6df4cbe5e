/*
 * buf.h - growable byte buffer (after git's strbuf and curl's dynbuf).
 *
 * Invariants: ptr is NULL only while cap == 0; otherwise ptr[len] == '\0'
 * so the contents can always be used as a C string.  The buffer refuses to
 * grow past BUF_MAX (a bug or a hostile input, never a real file), which
 * aborts like an allocation failure.
 */
#ifndef BASE_BUF_H
#define BASE_BUF_H

#include <stdarg.h>
#include <stddef.h>

#include "arena.h"

#define BUF_MAX ((size_t)1 << 30)

struct buf {
	char *ptr;  /* heap storage owned by the buf, NUL-terminated */
	size_t len; /* bytes used, excluding the NUL */
	size_t cap; /* bytes allocated */
};

#define BUF_INIT                                                                                   \
	{                                                                                          \
		NULL, 0, 0                                                                         \
	}

void buf_init(struct buf *b);
void buf_release(struct buf *b); /* frees storage; b is BUF_INIT again */
void buf_reset(struct buf *b);   /* len = 0, storage kept */
void buf_grow(struct buf *b, size_t extra);
void buf_add(struct buf *b, const void *data, size_t n);
void buf_adds(struct buf *b, const char *s);
void buf_addch(struct buf *b, int c);
void buf_addf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_vaddf(struct buf *b, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
void buf_truncate(struct buf *b, size_t len);
void buf_add_utf8(struct buf *b, unsigned cp); /* code point cp (<= 0x10FFFF) as UTF-8 */
/* Always a valid C string ("" for an empty buffer). */
const char *buf_cstr(const struct buf *b);
/* Copies the contents into the arena (NUL-terminated). */
char *buf_to_arena(const struct buf *b, struct arena *a);

#endif
