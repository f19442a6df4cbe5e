/*
 * ini.c - Python ConfigParser-compatible .ini parsing, BasicInterpolation
 * and ${VAR} expansion; see ini.h for the rules.
 */
#include "config/ini.h"

#include "base/buf.h"
#include "base/fs.h"
#include "base/str.h"

#define INI_MAX_DEPTH 10 /* configparser.MAX_INTERPOLATION_DEPTH */

/* ---- Python white space on UTF-8 text ---------------------------------- */

/* Byte length of the character at p (text already checked as UTF-8). */
static size_t ini_char_len(const char *p, const char *end)
{
	unsigned char c = (unsigned char)*p;
	size_t n = c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
	size_t left = (size_t)(end - p);

	return n < left ? n : left;
}

/* Byte length of the white-space character at p (Python str.isspace()), 0 if
 * the character is not white space. */
static size_t ini_space_len(const char *p, const char *end)
{
	unsigned char c = (unsigned char)p[0], c1, c2;

	if (c == ' ' || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f))
		return 1;
	if (end - p >= 2 && c == 0xc2 &&
	    ((unsigned char)p[1] == 0x85 || (unsigned char)p[1] == 0xa0))
		return 2;
	if (end - p < 3)
		return 0;
	c1 = (unsigned char)p[1];
	c2 = (unsigned char)p[2];
	if ((c == 0xe1 && c1 == 0x9a && c2 == 0x80) || (c == 0xe2 && c1 == 0x81 && c2 == 0x9f) ||
	    (c == 0xe3 && c1 == 0x80 && c2 == 0x80))
		return 3;
	if (c == 0xe2 && c1 == 0x80 &&
	    ((c2 >= 0x80 && c2 <= 0x8a) || c2 == 0xa8 || c2 == 0xa9 || c2 == 0xaf))
		return 3;
	return 0;
}

/* Python str.strip() of [p, end). */
static struct slice ini_strip(const char *p, const char *end)
{
	const char *last;
	size_t k;

	while (p < end && (k = ini_space_len(p, end)))
		p += k;
	last = p;
	for (const char *q = p; q < end;) {
		k = ini_space_len(q, end);
		if (k) {
			q += k;
		} else {
			q += ini_char_len(q, end);
			last = q;
		}
	}
	return (struct slice){p, (size_t)(last - p)};
}

/* Number of white-space characters (not bytes) that start [p, end). */
static size_t ini_indent(const char *p, const char *end)
{
	size_t n = 0, k;

	while (p < end && (k = ini_space_len(p, end))) {
		p += k;
		n++;
	}
	return n;
}

/* ---- Python repr() ------------------------------------------------------ */

/* Code point of the UTF-8 sequence at p of n bytes. */
static unsigned long ini_codepoint(const unsigned char *p, size_t n)
{
	unsigned long cp = n == 1   ? p[0]
			   : n == 2 ? p[0] & 0x1fu
			   : n == 3 ? p[0] & 0x0fu
				    : p[0] & 0x07u;

	for (size_t i = 1; i < n; i++)
		cp = (cp << 6) | (p[i] & 0x3fu);
	return cp;
}

/* True if Python's repr() escapes the non-ASCII code point cp (the
 * non-printable ones a config value can plausibly hold). */
static bool ini_cp_unprintable(unsigned long cp)
{
	return cp <= 0xa0 || cp == 0xad || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200f) ||
	       (cp >= 0x2028 && cp <= 0x202f) || (cp >= 0x205f && cp <= 0x206f) || cp == 0x3000 ||
	       cp == 0xfeff || (cp >= 0xd800 && cp <= 0xdfff);
}

char *ini_repr(struct arena *a, const char *s)
{
	struct buf b = BUF_INIT;
	const char *end = s + strlen(s);
	char quote = strchr(s, '\'') && !strchr(s, '"') ? '"' : '\'';
	char *out;

	buf_addch(&b, quote);
	for (const char *p = s; p < end;) {
		unsigned char c = (unsigned char)*p;
		size_t n = ini_char_len(p, end);
		unsigned long cp = ini_codepoint((const unsigned char *)p, n);

		if (c == '\\' || c == (unsigned char)quote)
			buf_addf(&b, "\\%c", c);
		else if (c == '\n')
			buf_adds(&b, "\\n");
		else if (c == '\r')
			buf_adds(&b, "\\r");
		else if (c == '\t')
			buf_adds(&b, "\\t");
		else if (c < 0x20 || c == 0x7f || (n > 1 && cp <= 0xff && ini_cp_unprintable(cp)))
			buf_addf(&b, "\\x%02lx", cp);
		else if (n > 1 && ini_cp_unprintable(cp))
			buf_addf(&b, "\\u%04lx", cp);
		else
			buf_add(&b, p, n);
		p += n;
	}
	buf_addch(&b, quote);
	out = buf_to_arena(&b, a);
	buf_release(&b);
	return out;
}

/* ---- parsing ------------------------------------------------------------ */

struct ini_parser {
	struct arena *a;           /* where everything goes */
	struct ini *ini;           /* the result being built */
	struct ini_section *cur;   /* section of the current line; NULL before any header */
	struct ini_section *block; /* last non-DEFAULT section opened (for end_line) */
	long opt;                  /* index in cur->entries of the key being read, -1 if none */
	size_t indent_level;       /* indent of the last key / header line (characters) */
	struct buf val;            /* value of the key being read */
	int deferred_line;         /* first line Python reports as a ParsingError, 0 if none */
	const char *deferred_msg;  /* its message */
	struct err *e;             /* where immediate errors go */
};

/* Splits the text into lines at "\n", "\r\n" and "\r" (universal newlines). */
static void ini_split_lines(struct arena *a, struct ini *ini)
{
	size_t i = 0, cap = 16;

	if (ini->len >= 3 && !memcmp(ini->text, "\xef\xbb\xbf", 3))
		i = 3;
	ini->lines = arena_calloc(a, cap, sizeof(*ini->lines));
	while (i < ini->len) {
		struct ini_line *l;
		size_t j = i;

		while (j < ini->len && ini->text[j] != '\n' && ini->text[j] != '\r')
			j++;
		if (ini->n_lines == cap) {
			ini->lines = arena_grow(a, ini->lines, cap, cap * 2, sizeof(*ini->lines));
			cap *= 2;
		}
		l = &ini->lines[ini->n_lines++];
		l->off = i;
		l->len = j - i;
		l->eol = j == ini->len ? 0
			 : (ini->text[j] == '\r' && j + 1 < ini->len && ini->text[j + 1] == '\n')
				 ? 2
				 : 1;
		i = j + l->eol;
	}
}

/* Length of [p, p + n) without trailing white space (Python str.rstrip()). */
static size_t ini_rstrip_len(const char *p, size_t n)
{
	const char *end = p + n, *last = p;

	for (const char *q = p; q < end;) {
		size_t k = ini_space_len(q, end);
		if (k) {
			q += k;
		} else {
			q += ini_char_len(q, end);
			last = q;
		}
	}
	return (size_t)(last - p);
}

/* Ends the value of the key being read: lines joined, right-stripped
 * (RawConfigParser._join_multiline_values). */
static void ini_finish_value(struct ini_parser *ps)
{
	const char *v = buf_cstr(&ps->val);

	if (ps->opt < 0)
		return;
	ps->cur->entries[ps->opt].raw = arena_strndup(ps->a, v, ini_rstrip_len(v, ps->val.len));
	ps->opt = -1;
	buf_reset(&ps->val);
}

static void ini_defer(struct ini_parser *ps, int lineno, const char *msg)
{
	if (!ps->deferred_line) {
		ps->deferred_line = lineno;
		ps->deferred_msg = msg;
	}
}

static struct ini_section *ini_find_section(const struct ini *ini, const char *name)
{
	for (size_t i = 0; i < ini->n_sections; i++)
		if (!strcmp(ini->sections[i]->name, name))
			return ini->sections[i];
	return NULL;
}

/* "[name]" (Python SECTCRE "\[(?P<header>.+)\]" matched at the start). */
static int ini_header(struct ini_parser *ps, struct slice s, int lineno)
{
	struct ini *ini = ps->ini;
	size_t close = s.n - 1;
	char *name;
	struct ini_section *sec;

	while (s.p[close] != ']')
		close--;
	name = arena_strndup(ps->a, s.p + 1, close - 1);
	ps->opt = -1;
	if (!strcmp(name, "DEFAULT")) {
		ps->cur = &ini->defaults;
		return 0;
	}
	if ((sec = ini_find_section(ini, name)))
		return err_at(ps->e, ERR_INPUT, ini->path, lineno,
			      "section %s already exists (first opened on line %d)",
			      ini_repr(ps->a, name), sec->line);
	sec = arena_alloc(ps->a, sizeof(*sec));
	sec->name = name;
	sec->line = lineno;
	if (ini->n_sections == ini->cap_sections) {
		size_t cap = ini->cap_sections ? ini->cap_sections * 2 : 8;
		ini->sections = arena_grow(ps->a, ini->sections, ini->n_sections, cap,
					   sizeof(*ini->sections));
		ini->cap_sections = cap;
	}
	ini->sections[ini->n_sections++] = sec;
	ps->cur = sec;
	ps->block = sec;
	return 0;
}

/* Adds key to the current section; a duplicate is an error, except that a
 * file's "here" in [DEFAULT] replaces the built-in one. */
static int ini_add_key(struct ini_parser *ps, const char *key, struct slice value, int lineno)
{
	struct ini_section *sec = ps->cur;
	struct ini_entry *ent = NULL;

	for (size_t i = 0; i < sec->n; i++) {
		if (strcmp(sec->entries[i].key, key))
			continue;
		if (sec->entries[i].line)
			return err_at(
				ps->e, ERR_INPUT, ps->ini->path, lineno,
				"option %s in section %s already exists (first set on line %d)",
				ini_repr(ps->a, key),
				ini_repr(ps->a, sec == &ps->ini->defaults ? "DEFAULT" : sec->name),
				sec->entries[i].line);
		ent = &sec->entries[i];
		ps->opt = (long)i;
	}
	if (!ent) {
		if (sec->n == sec->cap) {
			size_t cap = sec->cap ? sec->cap * 2 : 8;
			sec->entries =
				arena_grow(ps->a, sec->entries, sec->n, cap, sizeof(*sec->entries));
			sec->cap = cap;
		}
		ps->opt = (long)sec->n;
		ent = &sec->entries[sec->n++];
	}
	memset(ent, 0, sizeof(*ent));
	ent->key = key;
	ent->line = ent->last_line = lineno;
	buf_add(&ps->val, value.p, value.n);
	return 0;
}

/* "key = value" (Python OPTCRE: the first '=' or ':' splits).  A line that
 * is not one is a deferred error and, as in Python, leaves the previous key
 * open: deeper-indented lines after it still continue that key's value. */
static int ini_option(struct ini_parser *ps, struct slice s, int lineno)
{
	size_t d = 0;
	struct slice key;
	char *lower;

	while (d < s.n && s.p[d] != '=' && s.p[d] != ':')
		d++;
	if (d == s.n) {
		ini_defer(ps, lineno,
			  arena_printf(ps->a,
				       "line is not 'key = value', a [section] or a comment: %s",
				       ini_repr(ps->a, slice_dup(ps->a, s))));
		return 0;
	}
	ini_finish_value(ps);
	key = ini_strip(s.p, s.p + d);
	if (!key.n) /* Python records the error and still adds the key "" */
		ini_defer(ps, lineno,
			  arena_printf(ps->a, "no key before %s: %s", s.p[d] == '=' ? "'='" : "':'",
				       ini_repr(ps->a, slice_dup(ps->a, s))));
	lower = str_lower(ps->a, slice_dup(ps->a, key));
	return ini_add_key(ps, lower, ini_strip(s.p + d + 1, s.p + s.n), lineno);
}

/* Checks a line for bytes Python could not read as UTF-8 text. */
static int ini_check_bytes(struct ini_parser *ps, const char *p, size_t n, int lineno)
{
	if (memchr(p, '\0', n))
		return err_at(ps->e, ERR_INPUT, ps->ini->path, lineno,
			      "NUL byte in configuration file");
	if (!str_valid_utf8(p, n))
		return err_at(ps->e, ERR_INPUT, ps->ini->path, lineno,
			      "configuration file is not valid UTF-8");
	return 0;
}

/* True while a key's value may continue (Python: `optname` is truthy). */
static bool ini_in_value(const struct ini_parser *ps)
{
	return ps->opt >= 0 && ps->cur->entries[ps->opt].key[0];
}

/* One line of configparser.RawConfigParser._read(). */
static int ini_line(struct ini_parser *ps, size_t idx)
{
	struct ini_line *l = &ps->ini->lines[idx];
	const char *p = ps->ini->text + l->off, *end = p + l->len;
	int lineno = (int)idx + 1;
	struct slice s;
	size_t indent;

	if (ini_check_bytes(ps, p, l->len, lineno))
		return -1;
	s = ini_strip(p, end);
	if (s.n && (s.p[0] == '#' || s.p[0] == ';')) {
		l->kind = INI_COMMENT;
		return 0;
	}
	if (!s.n) {
		l->kind = INI_BLANK;
		if (ini_in_value(ps))
			buf_addch(&ps->val, '\n');
		return 0;
	}
	indent = ini_indent(p, end);
	if (ini_in_value(ps) && indent > ps->indent_level) {
		l->kind = INI_CONTINUATION;
		buf_addch(&ps->val, '\n');
		buf_add(&ps->val, s.p, s.n);
		ps->cur->entries[ps->opt].last_line = lineno;
		return 0;
	}
	ps->indent_level = indent;
	if (s.p[0] == '[' && s.n >= 3 && memchr(s.p + 2, ']', s.n - 2)) {
		l->kind = INI_SECTION;
		ini_finish_value(ps);
		if (ps->block && ps->block->end_line == 0)
			ps->block->end_line = lineno - 1;
		if (ini_header(ps, s, lineno))
			return -1;
		return 0;
	}
	if (!ps->cur)
		return err_at(ps->e, ERR_INPUT, ps->ini->path, lineno,
			      "File contains no section headers (the first line with text must be "
			      "a [section])");
	l->kind = INI_OPTION;
	return ini_option(ps, s, lineno);
}

static void ini_add_here(struct arena *a, struct ini *ini, const char *here)
{
	struct ini_section *d = &ini->defaults;

	d->name = "DEFAULT";
	d->cap = 8;
	d->entries = arena_calloc(a, d->cap, sizeof(*d->entries));
	d->entries[0].key = "here";
	d->entries[0].raw = arena_strdup(a, here ? here : "");
	d->entries[0].is_literal = true;
	d->n = 1;
}

int ini_parse(struct arena *a, const char *path, const char *text, size_t len, const char *here,
	      struct ini **out, struct err *e)
{
	struct ini *ini = arena_alloc(a, sizeof(*ini));
	struct ini_parser ps = {a, ini, NULL, NULL, -1, 0, BUF_INIT, 0, NULL, e};
	int rc = -1;

	ini->path = arena_strdup(a, path ? path : "");
	ini->text = arena_strndup(a, text, len);
	ini->len = len;
	ini_add_here(a, ini, here);
	ini_split_lines(a, ini);
	for (size_t i = 0; i < ini->n_lines; i++)
		if (ini_line(&ps, i))
			goto release_val;
	ini_finish_value(&ps);
	if (ps.block && ps.block->end_line == 0)
		ps.block->end_line = (int)ini->n_lines;
	if (ps.deferred_line) {
		err_at(e, ERR_INPUT, ini->path, ps.deferred_line, "%s", ps.deferred_msg);
		goto release_val;
	}
	*out = ini;
	rc = 0;
release_val:
	buf_release(&ps.val);
	return rc;
}

int ini_load(struct arena *a, const char *path, const char *here, struct ini **out, struct err *e)
{
	char *data;
	size_t len;

	if (fs_read_file(a, path, &data, &len, e))
		return -1;
	return ini_parse(a, path, data, len, here, out, e);
}

/* ---- lookup ------------------------------------------------------------- */

const struct ini_section *ini_section(const struct ini *ini, const char *name)
{
	return ini_find_section(ini, name);
}

static const struct ini_entry *ini_find_entry(const struct ini_section *sec, const char *lower)
{
	for (size_t i = 0; sec && i < sec->n; i++)
		if (!strcmp(sec->entries[i].key, lower))
			return &sec->entries[i];
	return NULL;
}

/* ConfigParser's ChainMap(section, defaults) lookup; key already lower-cased. */
static const struct ini_entry *ini_lookup_lower(const struct ini *ini, const char *section,
						const char *lower)
{
	const struct ini_entry *ent = NULL;

	if (section)
		ent = ini_find_entry(ini_find_section(ini, section), lower);
	return ent ? ent : ini_find_entry(&ini->defaults, lower);
}

const struct ini_entry *ini_lookup(const struct ini *ini, const char *section, const char *key)
{
	char lower[256];
	size_t n = strlen(key);

	if (n >= sizeof(lower)) {
		struct arena tmp = ARENA_INIT;
		const struct ini_entry *ent = ini_lookup_lower(ini, section, str_lower(&tmp, key));
		arena_release(&tmp);
		return ent;
	}
	for (size_t i = 0; i <= n; i++)
		lower[i] = str_tolower(key[i]);
	return ini_lookup_lower(ini, section, lower);
}

/* ---- interpolation and expansion ---------------------------------------- */

struct ini_expander {
	struct arena *a;             /* for messages */
	const struct ini *ini;       /* the file */
	const char *section;         /* section of the option asked for */
	const struct ini_entry *ent; /* the option asked for: errors name it */
	struct buf out;              /* the value being built */
	struct err *e;               /* error output */
	struct strvec *vars;         /* NULL, or collects the ${VAR} names looked up */
	const char *path;            /* file errors name, when not the ini (env.py) */
	bool keep_lone_percent;      /* a '%' not starting "%%" or "%(" stays as it is */
};

static int ini_fail(struct ini_expander *x, const char *fmt, const char *arg)
{
	char *what = arena_printf(x->a, fmt, arg);

	return err_at(x->e, ERR_INPUT, x->path ? x->path : x->ini->path, x->ent->line,
		      "option %s in section %s: %s", ini_repr(x->a, x->ent->key),
		      ini_repr(x->a, x->section ? x->section : "DEFAULT"), what);
}

/* The text of a value for an error message, in Python repr() form, unless
 * the entry is a URL with credentials (user:password@): then the text is
 * withheld, since a password never appears in output (configparser would
 * print it). */
static const char *ini_shown(struct ini_expander *x, const char *s)
{
	const char *scheme = strstr(x->ent->raw, "://");

	if (scheme && strchr(scheme, '@'))
		return "(not shown: the value is a URL with credentials)";
	return ini_repr(x->a, s);
}

static int ini_check_size(struct ini_expander *x)
{
	if (x->out.len > INI_VALUE_MAX)
		return ini_fail(x, "value longer than %s bytes after interpolation", "1048576");
	return 0;
}

/* Appends a built-in literal, protecting its '$' from ${VAR} expansion. */
static void ini_add_literal(struct buf *b, const char *s)
{
	for (; *s; s++) {
		if (*s == '$')
			buf_addch(b, '$');
		buf_addch(b, *s);
	}
}

/* configparser.BasicInterpolation._interpolate_some */
static int ini_interpolate(struct ini_expander *x, const char *rest, int depth)
{
	if (depth > INI_MAX_DEPTH)
		return ini_fail(
			x,
			"Recursion limit exceeded in value substitution: an interpolation key "
			"cannot be substituted in 10 steps. Raw value: %s",
			ini_shown(x, x->ent->raw));
	while (*rest) {
		const char *pct = strchr(rest, '%'), *close;
		const struct ini_entry *ref;
		char *var;

		if (!pct) {
			buf_adds(&x->out, rest);
			break;
		}
		buf_add(&x->out, rest, (size_t)(pct - rest));
		rest = pct;
		if (rest[1] == '%') {
			buf_addch(&x->out, '%');
			rest += 2;
			continue;
		}
		if (rest[1] != '(' && x->keep_lone_percent) {
			buf_addch(&x->out, '%');
			rest++;
			continue;
		}
		if (rest[1] != '(')
			return ini_fail(x, "'%%' must be followed by '%%' or '(', found: %s",
					ini_shown(x, rest));
		close = strchr(rest + 2, ')');
		if (!close || close == rest + 2 || close[1] != 's')
			return ini_fail(x, "bad interpolation variable reference %s",
					ini_shown(x, rest));
		var = str_lower(x->a, arena_strndup(x->a, rest + 2, (size_t)(close - rest - 2)));
		rest = close + 2;
		ref = ini_lookup_lower(x->ini, x->section, var);
		if (!ref)
			return ini_fail(x, "%s",
					arena_printf(x->a,
						     "Bad value substitution: interpolation key %s "
						     "is not a valid option name. Raw value: %s",
						     ini_repr(x->a, var),
						     ini_shown(x, x->ent->raw)));
		if (ref->is_literal)
			ini_add_literal(&x->out, ref->raw);
		else if (strchr(ref->raw, '%') && ini_interpolate(x, ref->raw, depth + 1))
			return -1;
		else if (!strchr(ref->raw, '%'))
			buf_adds(&x->out, ref->raw);
		if (ini_check_size(x))
			return -1;
	}
	return 0;
}

static bool ini_is_name(const char *p, size_t n)
{
	if (!n || str_isdigit(p[0]))
		return false;
	for (size_t i = 0; i < n; i++)
		if (!(p[i] == '_' || (p[i] >= 'a' && p[i] <= 'z') || (p[i] >= 'A' && p[i] <= 'Z') ||
		      str_isdigit(p[i])))
			return false;
	return true;
}

/* One "${...}" reference starting at ref ("${"), ending at close ('}'). */
static int ini_env_ref(struct ini_expander *x, const char *ref, const char *close)
{
	const char *inner = ref + 2, *sep = inner;
	char *name;
	const char *val;

	while (sep < close && *sep != ':')
		sep++;
	if (!ini_is_name(inner, (size_t)(sep - inner)) || (sep < close && sep[1] != '-'))
		return ini_fail(
			x, "bad environment reference %s (expected ${NAME} or ${NAME:-default})",
			ini_shown(x, arena_strndup(x->a, ref, (size_t)(close - ref) + 1)));
	name = arena_strndup(x->a, inner, (size_t)(sep - inner));
	val = getenv(name);
	if (x->vars)
		strvec_push_unique(x->a, x->vars, name);
	if (sep == close) {
		if (!val)
			return ini_fail(x,
					"environment variable %s is not set (write "
					"${NAME:-default} to give a default)",
					name);
		buf_adds(&x->out, val);
	} else if (val && *val) {
		buf_adds(&x->out, val);
	} else {
		buf_add(&x->out, sep + 2, (size_t)(close - sep - 2));
	}
	return ini_check_size(x);
}

/* Our addition: ${VAR}, ${VAR:-default}, $$ -> $. */
static int ini_expand_env(struct ini_expander *x, const char *in)
{
	for (const char *p = in; *p;) {
		const char *close;

		if (p[0] != '$' || (p[1] != '$' && p[1] != '{')) {
			buf_addch(&x->out, *p++);
			continue;
		}
		if (p[1] == '$') {
			buf_addch(&x->out, '$');
			p += 2;
			continue;
		}
		close = strchr(p + 2, '}');
		if (!close)
			return ini_fail(x, "unterminated environment reference %s (missing '}')",
					ini_shown(x, p));
		if (ini_env_ref(x, p, close))
			return -1;
		p = close + 1;
	}
	return 0;
}

char *ini_expand_entry(struct arena *a, const struct ini *ini, const char *section,
		       const struct ini_entry *ent, struct err *e)
{
	return ini_expand_entry_vars(a, ini, section, ent, NULL, e);
}

char *ini_expand_entry_vars(struct arena *a, const struct ini *ini, const char *section,
			    const struct ini_entry *ent, struct strvec *vars, struct err *e)
{
	struct ini_expander x = {a, ini, section, ent, BUF_INIT, e, vars, NULL, false};
	char *interpolated, *out = NULL;

	if (ent->is_literal)
		return arena_strdup(a, ent->raw);
	if (ini_interpolate(&x, ent->raw, 1))
		goto release;
	interpolated = buf_to_arena(&x.out, a);
	buf_reset(&x.out);
	if (ini_expand_env(&x, interpolated))
		goto release;
	out = buf_to_arena(&x.out, a);
release:
	buf_release(&x.out);
	return out;
}

char *ini_interpolate_value(struct arena *a, const struct ini *ini, const char *section,
			    const char *key, const char *value, const char *path, int line,
			    struct err *e)
{
	struct ini_entry ent = {key, value, line, line, false};
	struct ini_expander x = {a, ini, section, &ent, BUF_INIT, e, NULL, path, true};
	char *out = NULL;

	if (ini_interpolate(&x, value, 1) == 0)
		out = buf_to_arena(&x.out, a);
	buf_release(&x.out);
	return out;
}

char *ini_get(struct arena *a, const struct ini *ini, const char *section, const char *key,
	      struct err *e)
{
	const struct ini_entry *ent = ini_lookup(ini, section, key);

	return ent ? ini_expand_entry(a, ini, section, ent, e) : NULL;
}
