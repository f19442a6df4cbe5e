/*
 * url.c - SQLAlchemy database URLs: parsing and password masking.
 *
 * Mirrors sqlalchemy/engine/url.py (1.4) _parse_rfc1738_args: the pattern
 *   name://[user[:password]@][host|[ipv6]][:port][/database][?query]
 * with user and password percent-decoded, host and database kept as
 * written, query parsed like urllib.parse.parse_qsl (unquote_plus).
 */
#include "db/db.h"

#include "base/buf.h"
#include "base/str.h"

static char *url_mask_unparsed(struct arena *a, const char *s);

static int url_hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = str_tolower(c);
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* urllib.parse.unquote (plus: unquote_plus) of s[0..n). */
static char *url_unquote(struct arena *a, const char *s, size_t n, bool plus)
{
	struct buf b = BUF_INIT;
	char *r;

	for (size_t i = 0; i < n; i++) {
		int hi, lo;

		if (s[i] == '%' && i + 2 < n && (hi = url_hexval(s[i + 1])) >= 0 &&
		    (lo = url_hexval(s[i + 2])) >= 0) {
			buf_addch(&b, hi * 16 + lo);
			i += 2;
		} else if (plus && s[i] == '+') {
			buf_addch(&b, ' ');
		} else {
			buf_addch(&b, s[i]);
		}
	}
	r = arena_strndup(a, buf_cstr(&b), b.len);
	buf_release(&b);
	return r;
}

static bool url_name_char(char c)
{
	return str_isalnum(c) || c == '_' || c == '+';
}

/* Query string "k=v&k2=v2" into params (parse_qsl without blank values). */
static void url_parse_query(struct arena *a, const char *q, struct db_url *u)
{
	size_t cap = 0;

	while (*q) {
		const char *amp = strchr(q, '&');
		size_t n = amp ? (size_t)(amp - q) : strlen(q);
		const char *eq = memchr(q, '=', n);

		if (eq && eq + 1 < q + n) {
			if (u->n_params == cap) {
				size_t ncap = cap ? cap * 2 : 4;
				u->params = arena_grow(a, u->params, cap, ncap, sizeof(*u->params));
				cap = ncap;
			}
			u->params[u->n_params].key = url_unquote(a, q, (size_t)(eq - q), true);
			u->params[u->n_params].value =
				url_unquote(a, eq + 1, (size_t)(q + n - eq - 1), true);
			u->n_params++;
		}
		q += n;
		if (*q == '&')
			q++;
	}
}

/* user[:password]@ part; *p is after "://", moved past the '@' if any.
 * As the regex [^:/]*(:[^@]*)?@ : a password runs to the first '@' after
 * the ':', a user without password to the last '@' before any ':' or '/'. */
static void url_parse_userinfo(struct arena *a, const char **p, struct db_url *u)
{
	const char *s = *p;
	size_t n = strcspn(s, ":/");
	const char *at;

	if (s[n] == ':' && (at = strchr(s + n + 1, '@')) != NULL) {
		u->username = url_unquote(a, s, n, false);
		u->password = url_unquote(a, s + n + 1, (size_t)(at - s - n - 1), false);
		*p = at + 1;
		return;
	}
	for (at = NULL; n > 0; n--) {
		if (s[n - 1] == '@') {
			at = s + n - 1;
			break;
		}
	}
	if (!at)
		return;
	u->username = url_unquote(a, s, (size_t)(at - s), false);
	*p = at + 1;
}

/* host[:port]; *p moved past them. */
static int url_parse_hostport(struct arena *a, const char **p, struct db_url *u, struct err *e)
{
	const char *s = *p;
	size_t n;

	if (*s == '[') {
		const char *close = strchr(s, ']');
		if (close && close > s + 1 && !memchr(s, '/', (size_t)(close - s)) &&
		    !memchr(s, '?', (size_t)(close - s))) {
			u->host = arena_strndup(a, s + 1, (size_t)(close - s - 1));
			u->host_unquoted = u->host;
			s = close + 1;
		}
	} else {
		n = strcspn(s, "/:?");
		if (n) {
			u->host = arena_strndup(a, s, n);
			u->host_unquoted = url_unquote(a, s, n, false);
		}
		s += n;
	}
	if (*s == ':') {
		char *port;
		long v;

		n = strcspn(s + 1, "/?");
		port = arena_strndup(a, s + 1, n);
		s += 1 + n;
		if (*port && (str_to_long(port, &v) < 0 || v < 0 || v > 65535))
			return err_set(e, ERR_INPUT,
				       "invalid literal for int() with base 10: '%s%s'",
				       strchr(port, '@') ? "XXXXX" : "",
				       strchr(port, '@') ? strrchr(port, '@') : port);
		if (*port)
			u->port = (int)v;
	}
	*p = s;
	return 0;
}

int url_parse(struct arena *a, const char *s, struct db_url *out, struct err *e)
{
	const char *p = s, *plus;
	size_t n = 0;

	memset(out, 0, sizeof(*out));
	out->raw = s;
	while (url_name_char(p[n]))
		n++;
	if (!n || strncmp(p + n, "://", 3))
		return err_set(e, ERR_INPUT, "Could not parse SQLAlchemy URL from string '%s'",
			       url_mask_unparsed(a, s));
	out->drivername = arena_strndup(a, p, n);
	plus = strchr(out->drivername, '+');
	out->dialect = plus ? arena_strndup(a, out->drivername, (size_t)(plus - out->drivername))
			    : out->drivername;
	p += n + 3;
	url_parse_userinfo(a, &p, out);
	if (url_parse_hostport(a, &p, out, e) < 0)
		return -1;
	if (*p == '/') {
		n = strcspn(p + 1, "?");
		out->database = arena_strndup(a, p + 1, n);
		p += 1 + n;
	}
	if (*p == '?')
		url_parse_query(a, p + 1, out);
	else if (*p)
		return err_set(e, ERR_INPUT, "Could not parse SQLAlchemy URL from string '%s'",
			       url_mask_unparsed(a, s));
	return 0;
}

const char *url_param(const struct db_url *u, const char *key)
{
	const char *v = NULL;

	for (size_t i = 0; i < u->n_params; i++)
		if (!strcmp(u->params[i].key, key))
			v = u->params[i].value;
	return v;
}

/* sqlalchemy url._rfc_1738_quote: %XX for ':', '@' and '/'. */
static void url_add_quoted(struct buf *b, const char *s)
{
	for (; *s; s++) {
		if (*s == ':' || *s == '@' || *s == '/')
			buf_addf(b, "%%%X", (unsigned char)*s);
		else
			buf_addch(b, *s);
	}
}

/* urllib.parse.quote_plus (safe characters: letters, digits, "_.-~"). */
static void url_add_quote_plus(struct buf *b, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (str_isalnum(*s) && c < 0x80)
			buf_addch(b, *s);
		else if (c == '_' || c == '.' || c == '-' || c == '~')
			buf_addch(b, *s);
		else if (c == ' ')
			buf_addch(b, '+');
		else
			buf_addf(b, "%%%02X", c);
	}
}

/* libpq keywords whose value is a secret. */
static bool url_is_secret_key(const char *key)
{
	return !strcmp(key, "password") || !strcmp(key, "sslpassword");
}

/* Query keys in sorted order, values of one key in written order. */
static void url_render_query(struct arena *a, const struct db_url *u, struct buf *b)
{
	struct strvec keys = STRVEC_INIT;
	bool first = true;

	for (size_t i = 0; i < u->n_params; i++)
		strvec_push_unique(a, &keys, u->params[i].key);
	strvec_sort(&keys);
	for (size_t k = 0; k < keys.n; k++) {
		for (size_t i = 0; i < u->n_params; i++) {
			if (strcmp(u->params[i].key, keys.v[k]))
				continue;
			buf_addch(b, first ? '?' : '&');
			first = false;
			url_add_quote_plus(b, u->params[i].key);
			buf_addch(b, '=');
			if (url_is_secret_key(u->params[i].key))
				buf_adds(b,
					 "XXXXX"); /* libpq takes a password from the query too */
			else
				url_add_quote_plus(b, u->params[i].value);
		}
	}
}

/* URL.render_as_string with the password replaced by XXXXX. */
static char *url_render_masked(struct arena *a, const struct db_url *u)
{
	struct buf b = BUF_INIT;
	char *r;

	buf_adds(&b, u->drivername);
	buf_adds(&b, "://");
	if (u->username) {
		url_add_quoted(&b, u->username);
		if (u->password)
			buf_adds(&b, *u->password ? ":XXXXX" : ":");
		buf_addch(&b, '@');
	}
	if (u->host)
		buf_addf(&b, strchr(u->host, ':') ? "[%s]" : "%s", u->host);
	if (u->port)
		buf_addf(&b, ":%d", u->port);
	if (u->database)
		buf_addf(&b, "/%s", u->database);
	url_render_query(a, u, &b);
	r = buf_to_arena(&b, a);
	buf_release(&b);
	return r;
}

/* Best effort for text that is not a URL (or whose '@' are ambiguous): mask
 * "user:SECRET@" up to the last '@', then any "password=..." keyword. */
static char *url_mask_unparsed(struct arena *a, const char *s)
{
	const char *sep = strstr(s, "://");
	const char *start, *colon, *at;

	if (!sep)
		return db_mask_text(a, s);
	start = sep + 3;
	at = strrchr(start, '@');
	colon = strchr(start, ':');
	if (!at || !colon || colon > at)
		return db_mask_text(a, s);
	return db_mask_text(a, arena_printf(a, "%.*s:XXXXX%s", (int)(colon - s), s, at));
}

/* More than one '@' after "user:": SQLAlchemy's pattern ends the password at
 * the first, so the rest of the password would print as host or database. */
bool url_ambiguous_at(const char *s)
{
	const char *sep = strstr(s, "://");
	const char *first, *colon;

	if (!sep || !(first = strchr(sep + 3, '@')) || !strchr(first + 1, '@'))
		return false;
	colon = strchr(sep + 3, ':');
	return colon && colon < first;
}

char *url_mask(struct arena *a, const char *s)
{
	struct db_url u;
	struct err e;
	const char *sep = strstr(s, "://");

	/* parse without recursion into url_mask on failure */
	if (sep) {
		size_t n = (size_t)(sep - s);
		bool ok = n > 0;
		for (size_t i = 0; i < n; i++)
			ok = ok && url_name_char(s[i]);
		if (ok && !url_ambiguous_at(s) && url_parse(a, s, &u, &e) == 0)
			return url_render_masked(a, &u);
	}
	return url_mask_unparsed(a, s);
}
