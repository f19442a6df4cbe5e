/*
 * coding.c - PEP 263 coding declarations (see coding.h).  Follows CPython's
 * tokenizer (Parser/tokenizer.c check_coding_spec / get_normal_name) and
 * encodings.search_function for the name, codecs' charmap decode for bytes.
 */
#include "script/coding.h"

#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/str.h"

/* Line n (1-based) of text: start and length without the newline; false past the end. */
static bool coding_line(const char *text, size_t len, int n, const char **s, size_t *l)
{
	const char *p = text, *end = text + len;

	for (int i = 1; i < n; i++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl)
			return false;
		p = nl + 1;
	}
	if (p >= end)
		return false;
	*s = p;
	{
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		*l = (size_t)((nl ? nl : end) - p);
	}
	return true;
}

/* tokenize.py blank_re: "^[ \t\f]*(?:[#\r\n]|$)" - a blank or comment line. */
static bool coding_blank_or_comment(const char *s, size_t l)
{
	size_t i = 0;

	while (i < l && (s[i] == ' ' || s[i] == '\t' || s[i] == '\f'))
		i++;
	return i == l || s[i] == '#' || s[i] == '\r';
}

static bool coding_name_char(char c)
{
	return str_isalnum(c) || c == '-' || c == '_' || c == '.';
}

/* The declared name on one line ("# -*- coding: latin-1 -*-"), or NULL. */
static char *coding_spec(struct arena *a, const char *s, size_t l)
{
	size_t i = 0;

	while (i < l && (s[i] == ' ' || s[i] == '\t' || s[i] == '\f'))
		i++;
	if (i >= l || s[i] != '#')
		return NULL;
	for (; i + 7 <= l; i++) {
		size_t k;
		if (memcmp(s + i, "coding", 6) || (s[i + 6] != ':' && s[i + 6] != '='))
			continue;
		k = i + 7;
		while (k < l && (s[k] == ' ' || s[k] == '\t'))
			k++;
		i = k;
		while (k < l && coding_name_char(s[k]))
			k++;
		if (k > i)
			return arena_strndup(a, s + i, k - i);
	}
	return NULL;
}

/* tokenizer.c get_normal_name, then encodings.normalize_encoding (lower case). */
static char *coding_normal(struct arena *a, const char *name)
{
	struct buf b = BUF_INIT;
	char *r, *low = arena_strdup(a, name);
	bool gap = false;

	for (char *p = low; *p; p++)
		*p = *p == '_' ? '-' : str_tolower(*p);
	if (!strcmp(low, "utf-8") || !strncmp(low, "utf-8-", 6))
		return arena_strdup(a, "utf_8");
	if (!strcmp(low, "latin-1") || !strcmp(low, "iso-8859-1") || !strcmp(low, "iso-latin-1") ||
	    !strncmp(low, "latin-1-", 8) || !strncmp(low, "iso-8859-1-", 11) ||
	    !strncmp(low, "iso-latin-1-", 12))
		return arena_strdup(a, "latin_1");
	for (const char *p = low; *p; p++) {
		if (str_isalnum(*p) || *p == '.') {
			if (gap && b.len)
				buf_addch(&b, '_');
			gap = false;
			buf_addch(&b, *p);
		} else {
			gap = true;
		}
	}
	r = buf_to_arena(&b, a);
	buf_release(&b);
	return r;
}

static int coding_alias_cmp(const void *k, const void *el)
{
	return strcmp(k, ((const struct coding_alias *)el)->alias);
}

/* The codec for a normalised name; NULL if none of ours. */
static const struct coding_codec *coding_find(struct arena *a, const char *norm)
{
	const struct coding_alias *hit = bsearch(norm, coding_aliases, coding_n_aliases,
						 sizeof(*coding_aliases), coding_alias_cmp);
	char *us;

	if (!hit) {
		us = arena_strdup(a, norm);
		for (char *p = us; *p; p++)
			if (*p == '.')
				*p = '_';
		hit = bsearch(us, coding_aliases, coding_n_aliases, sizeof(*coding_aliases),
			      coding_alias_cmp);
	}
	return hit ? &coding_codecs[hit->codec] : NULL;
}

static bool coding_is_utf8(const char *norm)
{
	return !strcmp(norm, "utf_8") || !strcmp(norm, "utf8") || !strcmp(norm, "u8") ||
	       !strcmp(norm, "utf") || !strcmp(norm, "utf8_ucs2") || !strcmp(norm, "utf8_ucs4") ||
	       !strcmp(norm, "cp65001");
}

/* Decodes text with codec c into UTF-8. */
static int coding_transcode(struct arena *a, const char *file, const struct coding_codec *c,
			    const char *text, size_t len, const char **out, size_t *out_len,
			    struct err *e)
{
	struct buf b = BUF_INIT;
	int line = 1;

	for (size_t i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)text[i];
		unsigned cp = ch < 0x80 ? ch : c->high[ch - 0x80];

		if (cp == 0xFFFF) {
			buf_release(&b);
			return err_at(
				e, ERR_INPUT, file, line,
				"(unicode error) '%s' codec can't decode byte 0x%02x: character "
				"maps to <undefined>",
				c->name, ch);
		}
		line += ch == '\n';
		buf_add_utf8(&b, cp);
	}
	*out_len = b.len;
	*out = buf_to_arena(&b, a);
	buf_release(&b);
	return 0;
}

int coding_decode(struct arena *a, const char *file, const char *text, size_t len, const char **out,
		  size_t *out_len, struct err *e)
{
	bool bom = len >= 3 && !memcmp(text, "\xef\xbb\xbf", 3);
	const char *s, *spec = NULL;
	size_t l;
	int line = 1;
	const struct coding_codec *c;
	char *norm;

	const char *t = bom ? text + 3 : text; /* the declaration follows a BOM */
	size_t tl = bom ? len - 3 : len;

	*out = text;
	*out_len = len;
	if (coding_line(t, tl, 1, &s, &l))
		spec = coding_spec(a, s, l);
	if (!spec && coding_line(t, tl, 1, &s, &l) && coding_blank_or_comment(s, l) &&
	    coding_line(t, tl, 2, &s, &l)) {
		spec = coding_spec(a, s, l);
		line = 2;
	}
	if (!spec)
		return 0;
	norm = coding_normal(a, spec);
	if (coding_is_utf8(norm))
		return 0;
	if (bom) /* Python names the latin-1 family by get_normal_name's spelling */
		return err_at(e, ERR_INPUT, file, line, "encoding problem: %s with BOM",
			      !strcmp(norm, "latin_1") ? "iso-8859-1" : spec);
	c = coding_find(a, norm);
	if (!c)
		return err_at(e, ERR_INPUT, file, line,
			      "unknown or unsupported encoding: %s (the single-byte codecs and "
			      "utf-8 are supported)",
			      spec);
	return coding_transcode(a, file, c, text, len, out, out_len, e);
}
