/*
 * fuzz_url.c - libFuzzer target for URL parsing and masking
 * (src/db/url.c): any bytes; url_mask never crashes and, for a URL that
 * parses with a password of 4+ lower-case letters (which no %XX escape of
 * the rendering can produce), never returns the password unless it is also
 * another part of the URL.  "Another part" includes text SQLAlchemy drops:
 * a query field without '=' ("?a=b&xsecretx") is kept verbatim by the
 * best-effort mask of a URL with several '@', so any occurrence of the
 * password in the input other than at its own place exempts it.
 */

#include <string.h>

#include "base/arena.h"
#include "db/db.h"

static bool lower_word(const char *s)
{
	if (strlen(s) < 4)
		return false;
	for (; *s; s++)
		if (*s < 'a' || *s > 'z')
			return false;
	return true;
}

/* Does pw occur in the URL s anywhere but at the password's own place (after
 * the first ':' of "://user:", as url_parse's userinfo rule puts it)? */
static bool elsewhere_in_input(const char *s, const char *pw)
{
	const char *own = strstr(s, "://");

	if (own) {
		own += 3;
		own += strcspn(own, ":/");
		own += *own == ':';
	}
	for (const char *p = s; (p = strstr(p, pw)) != NULL; p++)
		if (p != own)
			return true;
	return false;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a = ARENA_INIT;
	char *s = arena_strndup(&a, (const char *)data, size);
	struct db_url u;
	struct err e;
	char *masked = url_mask(&a, s);

	if (!masked)
		abort();
	if (url_parse(&a, s, &u, &e) == 0 && u.password && lower_word(u.password) &&
	    strstr(masked, u.password)) {
		/* the password may legitimately also be the user, host, port or database */
		char port[16];

		snprintf(port, sizeof(port), "%d", u.port);
		if (!strstr(port, u.password) && !(u.username && strstr(u.username, u.password)) &&
		    !(u.host && strstr(u.host, u.password)) &&
		    !(u.database && strstr(u.database, u.password)) &&
		    !strstr(u.drivername, u.password)) {
			bool in_query = false;
			for (size_t i = 0; i < u.n_params; i++)
				in_query = in_query || strstr(u.params[i].key, u.password) ||
					   strstr(u.params[i].value, u.password);
			if (!in_query && !elsewhere_in_input(s, u.password))
				abort();
		}
	}
	arena_release(&a);
	return 0;
}
