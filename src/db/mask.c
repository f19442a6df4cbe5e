/*
 * mask.c - passwords masked where their syntax puts them (see db.h), never
 * by searching a message for the password's text: a search garbles every
 * message that happens to contain it ("pass" -> "XXXXXword authentication
 * failed", "a" -> "locXXXXXlhost") and still misses the password's other
 * spellings.  Two places hold a password in free text:
 *   - a URL's userinfo: "scheme://user:SECRET@host" (SECRET runs to the
 *     last '@' before a blank or a quote, so an unencoded '@' is covered);
 *   - a keyword: "password=SECRET" in a libpq conninfo string or a URL
 *     query ("sslpassword" too), with blanks around '=' allowed and a
 *     'quoted value' (backslash escapes) as conninfo allows.
 */
#include "db/db.h"

#include <strings.h>

#include "base/buf.h"
#include "base/str.h"

static const char *const mask_keys[] = {"sslpassword", "password"};

static bool mask_stop(char c)
{
	return !c || str_isspace(c) || c == '\'' || c == '"';
}

/* s points at "://": the length of "://user:" when a password follows, else 0. */
static size_t mask_userinfo_start(const char *s)
{
	size_t n = 3;

	while (!mask_stop(s[n]) && s[n] != ':' && s[n] != '/' && s[n] != '@')
		n++;
	return s[n] == ':' ? n + 1 : 0;
}

/* Length of the password at s (up to the last '@' of the word), 0 if no '@'. */
static size_t mask_userinfo_len(const char *s)
{
	size_t n = 0, at = 0;

	for (; !mask_stop(s[n]); n++)
		if (s[n] == '@')
			at = n;
	return at;
}

/* At s a password keyword at a word start?  Returns the length of "key =" (0: no). */
static size_t mask_keyword(const char *text, const char *s)
{
	if (s > text && (str_isalnum(s[-1]) || s[-1] == '_'))
		return 0;
	for (size_t k = 0; k < sizeof(mask_keys) / sizeof(mask_keys[0]); k++) {
		size_t n = strlen(mask_keys[k]);

		if (strncasecmp(s, mask_keys[k], n))
			continue;
		while (s[n] == ' ' || s[n] == '\t')
			n++;
		if (s[n] != '=')
			return 0;
		n++;
		while (s[n] == ' ' || s[n] == '\t')
			n++;
		return n;
	}
	return 0;
}

/* Length of the keyword value at s: 'quoted' (backslash escapes) or up to a blank / '&'. */
static size_t mask_value_len(const char *s)
{
	size_t n = 0;

	if (*s == '\'') {
		for (n = 1; s[n] && s[n] != '\''; n++)
			if (s[n] == '\\' && s[n + 1])
				n++;
		return s[n] ? n + 1 : n;
	}
	while (s[n] && !str_isspace(s[n]) && s[n] != '&' && s[n] != '"')
		n++;
	return n;
}

char *db_mask_text(struct arena *a, const char *s)
{
	struct buf b = BUF_INIT;
	char *r;

	for (const char *p = s; *p;) {
		size_t n, v;

		if (!strncmp(p, "://", 3) && (n = mask_userinfo_start(p)) &&
		    (v = mask_userinfo_len(p + n))) {
			buf_add(&b, p, n);
			buf_adds(&b, "XXXXX");
			p += n + v;
		} else if ((n = mask_keyword(s, p)) && (v = mask_value_len(p + n))) {
			buf_add(&b, p, n);
			buf_adds(&b, "XXXXX");
			p += n + v;
		} else {
			buf_addch(&b, *p++);
		}
	}
	r = buf_to_arena(&b, a);
	buf_release(&b);
	return r;
}

/* In place, truncated to size bytes. */
static void mask_field(char *field, size_t size)
{
	struct arena a = ARENA_INIT;

	snprintf(field, size, "%s", db_mask_text(&a, field));
	arena_release(&a);
}

void db_mask_err(struct err *e)
{
	mask_field(e->msg, sizeof(e->msg));
	mask_field(e->detail, sizeof(e->detail));
}
