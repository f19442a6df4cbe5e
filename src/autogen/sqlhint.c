/*
 * sqlhint.c - ag_sql_hints (autogen.h): the rename hints of a SQL model
 * file, "-- @renamed from=old" comments.  A hint belongs to the line it is
 * on: the line where a column definition of a CREATE TABLE starts (that
 * column was `old`), else the line of a CREATE TABLE's name (the table was
 * `old`; on a one-line CREATE TABLE, the last column starting there).  One
 * pass over the text that knows strings, quoted identifiers,
 * comments and parentheses, and just enough of CREATE [TEMP|TEMPORARY|
 * UNLOGGED] TABLE [IF NOT EXISTS] [schema.]name ( ... ) to name the table
 * and the first word of each item of its body.  Pure.
 */
#include "autogen/autogen.h"

#include <string.h>
#include <strings.h>

#include "base/str.h"

/* The scanner's state. */
struct hs {
	struct arena *a;
	bool fold;           /* unquoted names to lower case (PostgreSQL) */
	const char *file;    /* for messages */
	const char *s, *end; /* the text */
	int line;            /* current line, 1-based */
	int depth;           /* parenthesis depth */
	int state;           /* CREATE TABLE header: 0 none, 1 CREATE, 2 TABLE, 3 name, 4 '.' */
	const char *schema;  /* the header's schema, NULL if none */
	const char *table;   /* the header's (or body's) table, NULL outside */
	int table_line;      /* the line of its name */
	bool in_body;        /* inside the table's ( ... ) */
	bool item_start;     /* the next word at depth 1 starts an item */
	const char *item;    /* the last item's first word */
	int item_line;       /* its line */
	bool item_is_column; /* it is not CONSTRAINT/PRIMARY/UNIQUE/... */
};

static bool word_char(char ch)
{
	return str_isalnum(ch) || ch == '_' || ch == '$';
}

/* A name at s (a word, or "quoted" / `quoted`): its text, *next after it. */
static const char *hs_name(struct hs *h, const char *s, const char **next)
{
	const char *b = s;

	if (*s == '"' || *s == '`') {
		const char *q = memchr(s + 1, *s, (size_t)(h->end - s - 1));

		q = q ? q : h->end;
		*next = q < h->end ? q + 1 : q;
		return arena_strndup(h->a, s + 1, (size_t)(q - s - 1));
	}
	while (s < h->end && word_char(*s))
		s++;
	*next = s;
	b = arena_strndup(h->a, b, (size_t)(s - b));
	return h->fold ? str_lower(h->a, b) : b;
}

static bool is_kw(const char *w, const char *const *kws)
{
	for (size_t i = 0; kws[i]; i++)
		if (!strcasecmp(w, kws[i]))
			return true;
	return false;
}

/* A word at depth 0 moves the CREATE TABLE header along. */
static void hs_header_word(struct hs *h, const char *w, bool quoted)
{
	static const char *const mods[] = {"TEMP",   "TEMPORARY", "UNLOGGED",
					   "GLOBAL", "LOCAL",     NULL};
	static const char *const ifne[] = {"IF", "NOT", "EXISTS", NULL};

	if (h->state == 0 || h->state == 3)
		h->state = !quoted && !strcasecmp(w, "CREATE") ? 1 : 0;
	else if (h->state == 1)
		h->state = quoted || is_kw(w, mods) ? 1 : !strcasecmp(w, "TABLE") ? 2 : 0;
	else if (h->state == 2 && !quoted && is_kw(w, ifne))
		return;
	else if (h->state == 2 || h->state == 4) {
		h->schema = h->state == 4 ? h->table : NULL;
		h->table = w;
		h->table_line = h->line;
		h->item = NULL;
		h->state = 3;
	}
}

/* A word at depth 1 of the body: the first of an item names it. */
static void hs_body_word(struct hs *h, const char *w, bool quoted)
{
	static const char *const cons[] = {"CONSTRAINT", "PRIMARY", "UNIQUE", "FOREIGN",
					   "CHECK",      "EXCLUDE", "LIKE",   NULL};

	if (!h->item_start)
		return;
	h->item_start = false;
	h->item = w;
	h->item_line = h->line;
	h->item_is_column = quoted || !is_kw(w, cons);
}

static void hs_word(struct hs *h)
{
	bool quoted = *h->s == '"' || *h->s == '`';
	const char *w = hs_name(h, h->s, &h->s);

	if (h->depth == 0)
		hs_header_word(h, w, quoted);
	else if (h->depth == 1 && h->in_body)
		hs_body_word(h, w, quoted);
}

/* Punctuation: parentheses, ',', '.', ';'. */
static void hs_punct(struct hs *h, char ch)
{
	if (ch == '(') {
		if (h->depth == 0 && h->state == 3)
			h->in_body = h->item_start = true;
		h->depth++;
	} else if (ch == ')' && h->depth > 0) {
		h->depth--;
		if (h->depth == 0 && h->in_body)
			h->in_body = false, h->state = 0;
	} else if (ch == ',' && h->depth == 1) {
		h->item_start = true;
	} else if (ch == '.' && h->depth == 0 && h->state == 3) {
		h->state = 4;
	} else if (ch == ';') {
		h->state = 0, h->depth = 0, h->in_body = false;
	} else if (h->depth == 0 && h->state == 3) {
		h->state = 0; /* CREATE TABLE t AS ...: no body */
	}
}

/* The value of "from=" in a hint comment s[0..n). */
static const char *hs_from(struct hs *h, const char *s, const char *e)
{
	const char *next, *v;
	struct hs sub = *h;

	while (s < e && (*s == ' ' || *s == '\t'))
		s++;
	if (e - s < 6 || strncmp(s, "from=", 5))
		return NULL;
	s += 5;
	if (!(*s == '"' || *s == '`' || word_char(*s)))
		return NULL;
	sub.end = e;
	v = hs_name(&sub, s, &next);
	while (next < e && (*next == ' ' || *next == '\t' || *next == '\r'))
		next++;
	return *v && next == e ? v : NULL;
}

/* A "--" comment from h->s to the end of its line: maybe a hint. */
static int hs_comment(struct hs *h, struct ag_rename **v, size_t *n, size_t *cap, struct err *e)
{
	const char *nl = memchr(h->s, '\n', (size_t)(h->end - h->s));
	const char *eol = nl ? nl : h->end, *c = h->s + 2, *old;
	struct ag_rename r = {NULL, NULL, NULL, NULL, h->file, h->line};

	h->s = eol;
	while (c < eol && (*c == ' ' || *c == '\t'))
		c++;
	if (eol - c < 8 || strncmp(c, "@renamed", 8) || (eol - c > 8 && word_char(c[8])))
		return 0;
	old = hs_from(h, c + 8, eol);
	if (!old)
		return err_at(e, ERR_INPUT, h->file, h->line,
			      "a rename hint is written -- @renamed from=OLD_NAME");
	r.old = old;
	if (h->item && h->item_line == h->line) {
		if (!h->item_is_column)
			return err_at(
				e, ERR_INPUT, h->file, h->line,
				"a rename hint belongs on a column's line, not a constraint's");
		r.schema = h->schema, r.table = h->table, r.column = h->item;
	} else if (h->table && h->table_line == h->line && h->state >= 3) {
		r.schema = h->schema, r.table = h->table;
	} else {
		return err_at(e, ERR_INPUT, h->file, h->line,
			      "a rename hint must be on the line of a CREATE TABLE's name or of "
			      "one of its columns");
	}
	if (*n == *cap) {
		size_t ncap = *cap ? *cap * 2 : 8;

		*v = arena_grow(h->a, *v, *cap, ncap, sizeof(**v));
		*cap = ncap;
	}
	(*v)[(*n)++] = r;
	return 0;
}

/* Skips a 'string' or a block comment at h->s, counting lines. */
static void hs_skip(struct hs *h)
{
	bool block = *h->s == '/';
	const char *s = h->s + (block ? 2 : 1);

	for (; s < h->end; s++) {
		if (*s == '\n')
			h->line++;
		if (block && *s == '*' && s + 1 < h->end && s[1] == '/') {
			s += 2;
			break;
		}
		if (!block && *s == '\'') {
			if (s + 1 < h->end && s[1] == '\'') {
				s++;
				continue;
			}
			s++;
			break;
		}
	}
	h->s = s;
}

int ag_sql_hints(struct arena *a, const char *dialect, const char *file, const char *text,
		 size_t len, struct ag_rename **v, size_t *n, size_t *cap, struct err *e)
{
	struct hs h = {.a = a, .file = file, .s = text, .end = text + len, .line = 1};

	h.fold = dialect && !strcmp(dialect, "postgresql");
	while (h.s < h.end) {
		char ch = *h.s;

		if (ch == '\n') {
			h.line++, h.s++;
		} else if (ch == '-' && h.s + 1 < h.end && h.s[1] == '-') {
			if (hs_comment(&h, v, n, cap, e) < 0)
				return -1;
		} else if (ch == '\'' || (ch == '/' && h.s + 1 < h.end && h.s[1] == '*')) {
			hs_skip(&h);
		} else if (ch == '"' || ch == '`' || str_isalpha(ch) || ch == '_') {
			hs_word(&h);
		} else if (str_isdigit(ch)) {
			while (h.s < h.end && word_char(*h.s))
				h.s++;
		} else {
			if (!str_isspace(ch))
				hs_punct(&h, ch);
			h.s++;
		}
	}
	return 0;
}

/* ---- the schema a CREATE statement creates its object in ---- */

/* Past blanks and comments from s; NULL at an unterminated block comment. */
static const char *ss_blank(const char *s, const char *end)
{
	while (s < end) {
		if (str_isspace(*s)) {
			s++;
		} else if (*s == '-' && s + 1 < end && s[1] == '-') {
			const char *nl = memchr(s, '\n', (size_t)(end - s));

			s = nl ? nl + 1 : end;
		} else if (*s == '/' && s + 1 < end && s[1] == '*') {
			const char *c = s + 2;

			while (c + 1 < end && !(c[0] == '*' && c[1] == '/'))
				c++;
			s = c + 1 < end ? c + 2 : end;
		} else {
			break;
		}
	}
	return s;
}

static bool ss_is_name(const char *s, const char *end)
{
	return s < end && (*s == '"' || str_isalpha(*s) || *s == '_');
}

/* CREATE SCHEMA [IF NOT EXISTS] name: the name (s just after SCHEMA). */
static const char *ss_schema_name(struct hs *h, const char *s)
{
	static const char *const ifne[] = {"IF", "NOT", "EXISTS", NULL};
	const char *w;

	for (;;) {
		s = ss_blank(s, h->end);
		if (!ss_is_name(s, h->end))
			return NULL;
		bool quoted = *s == '"';
		w = hs_name(h, s, &s);
		if (quoted || !is_kw(w, ifne))
			return quoted || strcasecmp(w, "AUTHORIZATION") ? w : NULL;
	}
}

const char *ag_sql_stmt_schema(struct arena *a, const char *sql, bool *creates)
{
	struct hs h = {.a = a, .fold = true, .s = sql, .end = sql + strlen(sql), .line = 1};
	const char *s = ss_blank(sql, h.end), *w;

	*creates = false;
	for (int k = 0; ss_is_name(s, h.end); k++) {
		bool quoted = *s == '"';

		w = hs_name(&h, s, &s);
		if (k == 0 && (quoted || strcasecmp(w, "CREATE")))
			return NULL;
		if (k > 0 && !quoted && !strcasecmp(w, "AS"))
			return NULL;
		if (k == 1 && !quoted && !strcasecmp(w, "SCHEMA")) {
			*creates = true;
			return ss_schema_name(&h, s);
		}
		s = ss_blank(s, h.end);
		if (k > 0 && s < h.end && *s == '.')
			return w;
		while (s < h.end && !ss_is_name(s, h.end) && *s != '(' && *s != '\'' && *s != ';' &&
		       *s != '$')
			s = ss_blank(s + 1, h.end);
	}
	return NULL;
}

bool ag_sql_stmt_sets_search_path(struct arena *a, const char *sql)
{
	static const char *const scope[] = {"SESSION", "LOCAL", NULL};
	struct hs h = {.a = a, .fold = true, .s = sql, .end = sql + strlen(sql), .line = 1};
	const char *s = ss_blank(sql, h.end), *w;

	if (!ss_is_name(s, h.end) || *s == '"' || strcasecmp(hs_name(&h, s, &s), "SET"))
		return false;
	s = ss_blank(s, h.end);
	if (!ss_is_name(s, h.end))
		return false;
	w = hs_name(&h, s, &s);
	if (is_kw(w, scope)) {
		s = ss_blank(s, h.end);
		if (!ss_is_name(s, h.end))
			return false;
		w = hs_name(&h, s, &s);
	}
	return !strcmp(w, "search_path");
}

/* Past a 'string' (E'...' with backslash escapes when esc) at s. */
static const char *ss_string(const char *s, const char *end, bool esc)
{
	for (s++; s < end; s++) {
		if (esc && *s == '\\' && s + 1 < end)
			s++;
		else if (*s == '\'' && s + 1 < end && s[1] == '\'')
			s++;
		else if (*s == '\'')
			return s + 1;
	}
	return end;
}

/* Past a $tag$ ... $tag$ body at s (a lone $ or $1 just past the $). */
static const char *ss_dollar(const char *s, const char *end)
{
	const char *t = s + 1, *close;
	size_t n;

	while (t < end && (word_char(*t) && *t != '$') && !str_isdigit(s[1]))
		t++;
	if (t >= end || *t != '$')
		return s + 1;
	n = (size_t)(t - s + 1);
	for (close = t + 1; close + n <= end; close++)
		if (!memcmp(close, s, n))
			return close + n;
	return end;
}

bool ag_sql_stmt_qualifies(struct arena *a, const char *sql, const char *schema)
{
	struct hs h = {.a = a, .fold = true, .s = sql, .end = sql + strlen(sql), .line = 1};
	const char *s = sql;

	while ((s = ss_blank(s, h.end)) < h.end) {
		if (*s == '\'' || ((*s == 'E' || *s == 'e') && s + 1 < h.end && s[1] == '\'')) {
			s = ss_string(*s == '\'' ? s : s + 1, h.end, *s != '\'');
		} else if (*s == '$') {
			s = ss_dollar(s, h.end);
		} else if (ss_is_name(s, h.end)) {
			const char *w = hs_name(&h, s, &s);

			s = ss_blank(s, h.end);
			if (s < h.end && *s == '.' && !strcmp(w, schema))
				return true;
		} else if (str_isdigit(*s)) {
			while (s < h.end && (word_char(*s) || *s == '.') && *s != '$')
				s++;
		} else {
			s++;
		}
	}
	return false;
}
