/*
 * split.c - splits a native revision's SQL section into statements.
 *
 * A small lexer over the text read whole: it skips quoted strings
 * ('...' with '' doubling and E'..\'..' escapes), quoted identifiers
 * ("..", [..], `..`), dollar quotes ($tag$..$tag$), -- and block comments
 * (nested on PostgreSQL), and tracks BEGIN ... END bodies of CREATE
 * TRIGGER (SQLite) and BEGIN ATOMIC (PostgreSQL) so the ';' inside them do
 * not end the statement.  Each statement keeps the line of its first
 * character for error messages.
 */
#include "db/db.h"

#include "base/str.h"

struct split_state {
	const char *text;    /* input */
	size_t pos;          /* current offset */
	int line;            /* line number at pos */
	struct split_opts o; /* dialect switches */
	bool autocommit;     /* inside -- migrate:autocommit */
};

static char split_peek(const struct split_state *s, size_t ahead)
{
	size_t i;

	for (i = 0; i < ahead; i++)
		if (!s->text[s->pos + i])
			return '\0';
	return s->text[s->pos + ahead];
}

static void split_advance(struct split_state *s, size_t n)
{
	for (size_t i = 0; i < n && s->text[s->pos]; i++) {
		if (s->text[s->pos] == '\n')
			s->line++;
		s->pos++;
	}
}

static int split_unterminated(struct split_state *s, const char *what, int line, struct err *e)
{
	(void)s;
	return err_at(e, ERR_INPUT, NULL, line, "unterminated %s starting on line %d", what, line);
}

/* A quoted run closed by close; doubled close chars are literal; with
 * backslash, \x escapes the next character. */
static int split_quoted(struct split_state *s, char close, bool backslash, const char *what,
			struct err *e)
{
	int line = s->line;

	split_advance(s, 1);
	for (;;) {
		char c = split_peek(s, 0);
		if (!c)
			return split_unterminated(s, what, line, e);
		if (backslash && c == '\\' && split_peek(s, 1)) {
			split_advance(s, 2);
			continue;
		}
		split_advance(s, 1);
		if (c == close) {
			if (split_peek(s, 0) != close)
				return 0;
			split_advance(s, 1);
		}
	}
}

/* Length of a dollar-quote tag "$tag$" at pos, or 0 if none. */
static size_t split_dollar_tag(const struct split_state *s)
{
	const char *p = s->text + s->pos;
	size_t n = 1;

	if (p[0] != '$')
		return 0;
	if (str_isdigit(p[1]))
		return 0; /* $1 is a parameter */
	while (str_isalnum(p[n]) || p[n] == '_' || (unsigned char)p[n] >= 0x80)
		n++;
	return p[n] == '$' ? n + 1 : 0;
}

static int split_dollar(struct split_state *s, size_t taglen, struct err *e)
{
	const char *tag = s->text + s->pos;
	int line = s->line;
	const char *end;

	split_advance(s, taglen);
	for (;;) {
		end = strchr(s->text + s->pos, '$');
		if (!end)
			return split_unterminated(s, "dollar-quoted string", line, e);
		split_advance(s, (size_t)(end - (s->text + s->pos)));
		if (!strncmp(end, tag, taglen)) {
			split_advance(s, taglen);
			return 0;
		}
		split_advance(s, 1);
	}
}

/* -- comment to end of line; recognises the autocommit directives. */
static void split_line_comment(struct split_state *s)
{
	const char *p = s->text + s->pos;
	size_t n = strcspn(p, "\n");
	struct slice body = slice_strip((struct slice){p + 2, n - 2});

	if (slice_eq(body, "migrate:autocommit"))
		s->autocommit = true;
	else if (slice_eq(body, "migrate:end-autocommit"))
		s->autocommit = false;
	split_advance(s, n);
}

static int split_block_comment(struct split_state *s, struct err *e)
{
	int line = s->line, depth = 1;

	split_advance(s, 2);
	while (depth > 0) {
		char c = split_peek(s, 0);
		if (!c)
			return split_unterminated(s, "comment", line, e);
		if (c == '*' && split_peek(s, 1) == '/') {
			depth--;
			split_advance(s, 2);
		} else if (s->o.nested_comments && c == '/' && split_peek(s, 1) == '*') {
			depth++;
			split_advance(s, 2);
		} else {
			split_advance(s, 1);
		}
	}
	return 0;
}

/* Skips white space and comments; returns -1 on an unterminated comment. */
static int split_skip_blank(struct split_state *s, struct err *e)
{
	for (;;) {
		char c = split_peek(s, 0);
		if (str_isspace(c)) {
			split_advance(s, 1);
		} else if (c == '-' && split_peek(s, 1) == '-') {
			split_line_comment(s);
		} else if (c == '/' && split_peek(s, 1) == '*') {
			if (split_block_comment(s, e) < 0)
				return -1;
		} else {
			return 0;
		}
	}
}

/* Block-tracking state of the statement being scanned. */
struct split_block {
	int words;        /* keywords seen so far */
	bool in_prefix;   /* still in "CREATE [TEMP|TEMPORARY|OR REPLACE]" */
	bool is_trigger;  /* CREATE [TEMP] TRIGGER */
	bool is_routine;  /* CREATE [OR REPLACE] FUNCTION/PROCEDURE */
	int depth;        /* open BEGIN/CASE blocks */
	bool after_begin; /* previous word was BEGIN (routine: wait for ATOMIC) */
};

static bool split_word_is(const char *w, size_t n, const char *kw)
{
	size_t i;

	for (i = 0; i < n && kw[i]; i++)
		if (str_tolower(w[i]) != kw[i])
			return false;
	return i == n && !kw[i];
}

/* Updates the block state with the keyword w[0..n). */
static void split_word(struct split_block *b, const char *w, size_t n)
{
	bool was_begin = b->after_begin;

	b->after_begin = false;
	if (b->words++ == 0) {
		b->in_prefix = split_word_is(w, n, "create");
		return;
	}
	if (b->in_prefix) {
		/* the word after the CREATE prefix decides what the statement is */
		if (split_word_is(w, n, "temp") || split_word_is(w, n, "temporary") ||
		    split_word_is(w, n, "or") || split_word_is(w, n, "replace"))
			return;
		b->in_prefix = false;
		b->is_trigger = split_word_is(w, n, "trigger");
		b->is_routine = split_word_is(w, n, "function") || split_word_is(w, n, "procedure");
		return;
	}
	if (b->is_trigger) {
		if (split_word_is(w, n, "begin") || split_word_is(w, n, "case"))
			b->depth++;
		else if (split_word_is(w, n, "end") && b->depth > 0)
			b->depth--;
	} else if (b->is_routine) {
		if (split_word_is(w, n, "begin"))
			b->after_begin = true;
		else if (was_begin && split_word_is(w, n, "atomic"))
			b->depth++;
		else if (b->depth > 0 && split_word_is(w, n, "case"))
			b->depth++;
		else if (b->depth > 0 && split_word_is(w, n, "end"))
			b->depth--;
	}
}

static bool split_ident_char(char c)
{
	return str_isalnum(c) || c == '_' || (unsigned char)c >= 0x80;
}

/* Scans one token at pos (not white space or comment start handled by the
 * caller).  Returns 1 at a statement-ending ';', 0 otherwise, -1 on error. */
static int split_token(struct split_state *s, struct split_block *b, struct err *e)
{
	char c = split_peek(s, 0);
	size_t tag;

	if (c == ';') {
		if (b->depth == 0)
			return 1;
		split_advance(s, 1);
		return 0;
	}
	if ((c == 'E' || c == 'e') && split_peek(s, 1) == '\'' &&
	    (s->pos == 0 || !split_ident_char(s->text[s->pos - 1]))) {
		split_advance(s, 1);
		return split_quoted(s, '\'', true, "string", e);
	}
	if (split_ident_char(c)) {
		size_t start = s->pos;
		while (split_ident_char(split_peek(s, 0)) || split_peek(s, 0) == '$')
			split_advance(s, 1);
		split_word(b, s->text + start, s->pos - start);
		return 0;
	}
	if (c == '\'')
		return split_quoted(s, '\'', s->o.backslashes, "string", e);
	if (c == '"')
		return split_quoted(s, '"', s->o.backslashes,
				    s->o.backslashes ? "string" : "quoted identifier", e);
	if (c == '`' && s->o.backticks)
		return split_quoted(s, '`', false, "quoted identifier", e);
	if (c == '[' && s->o.brackets)
		return split_quoted(s, ']', false, "quoted identifier", e);
	if (c == '$' && s->o.dollar_quotes && (tag = split_dollar_tag(s)) > 0)
		return split_dollar(s, tag, e);
	split_advance(s, 1);
	return 0;
}

/* Scans from pos (a statement's first character) to its end; *end is the
 * offset after its last character (excluding ';'). */
static int split_statement(struct split_state *s, size_t *end, struct err *e)
{
	struct split_block b = {0, false, false, false, 0, false};

	*end = s->pos;
	for (;;) {
		char c = split_peek(s, 0);
		int rc;

		if (!c)
			return 0;
		if (str_isspace(c)) {
			split_advance(s, 1);
			continue;
		}
		if (c == '-' && split_peek(s, 1) == '-') {
			split_advance(s, strcspn(s->text + s->pos, "\n"));
			continue;
		}
		if (c == '/' && split_peek(s, 1) == '*') {
			if (split_block_comment(s, e) < 0)
				return -1;
			continue;
		}
		rc = split_token(s, &b, e);
		if (rc < 0)
			return -1;
		if (rc == 1) {
			split_advance(s, 1); /* the ';' */
			return 0;
		}
		*end = s->pos;
	}
}

int split_sql(struct arena *a, const char *text, int first_line, struct split_opts o,
	      struct split_stmt **out, size_t *n, struct err *e)
{
	struct split_state s = {text, 0, first_line, o, false};
	size_t cap = 0;

	*out = NULL;
	*n = 0;
	for (;;) {
		size_t start, end;
		int line;

		if (split_skip_blank(&s, e) < 0)
			return -1;
		if (!split_peek(&s, 0))
			return 0;
		if (split_peek(&s, 0) == ';') {
			split_advance(&s, 1); /* an empty statement */
			continue;
		}
		start = s.pos;
		line = s.line;
		if (split_statement(&s, &end, e) < 0)
			return -1;
		if (*n == cap) {
			size_t ncap = cap ? cap * 2 : 8;
			*out = arena_grow(a, *out, cap, ncap, sizeof(**out));
			cap = ncap;
		}
		(*out)[*n].sql = arena_strndup(a, text + start, end - start);
		(*out)[*n].line = line;
		(*out)[*n].autocommit = s.autocommit;
		(*n)++;
	}
}
