/*
 * pyparse.c - the Python-subset reader for Alembic revision files; see
 * pyparse.h.  Two passes: lex() turns the whole file into a token array
 * (one allocation-light linear scan), then the statement walker looks at
 * logical lines: module level (indent 0) for the docstring, the four
 * variables and the two defs, and the indented lines after a def for its body.
 */
#include "script/pyparse.h"

#include "base/buf.h"
#include "base/str.h"

enum tok_kind {
	TOK_EOF,     /* end of input */
	TOK_NEWLINE, /* end of a logical line */
	TOK_NAME,    /* identifier or keyword */
	TOK_NUMBER,  /* numeric literal (never interpreted) */
	TOK_STRING,  /* string literal with its prefix and quotes */
	TOK_OP,	     /* operator or delimiter */
};

enum {
	STR_RAW = 1,   /* r/R prefix */
	STR_BYTES = 2, /* b/B prefix */
	STR_FMT = 4,   /* f/F prefix */
};

struct tok {
	enum tok_kind kind; /* what it is */
	const char *p;	    /* first byte in the text */
	size_t n;	    /* length in bytes */
	int line;	    /* 1-based line of the first byte */
	int col;	    /* 1-based byte column of the first byte */
	int indent;	    /* width of the logical line's indentation (first token only) */
	bool is_first;	    /* first token of a logical line */
	unsigned flags;	    /* TOK_STRING: STR_* prefix flags */
	int quote_len;	    /* TOK_STRING: 1 or 3 */
	size_t prefix_len;  /* TOK_STRING: bytes of prefix before the quotes */
};

struct lexer {
	const char *file;   /* for error messages */
	const char *p;	    /* current position */
	const char *end;    /* end of text */
	const char *line_p; /* start of the current physical line */
	int line;	    /* current 1-based line */
	int depth;	    /* bracket nesting */
	bool at_line_start; /* next token starts a logical line */
	int indent;	    /* indentation of the current logical line */
	struct tok *v;	    /* tokens so far: heap, freed by pyparse_module (scratch per
			       file, so 10,000 revisions do not keep 10,000 token arrays) */
	size_t n, cap;	    /* used / allocated */
	struct err *e;	    /* error out */
};

static int lex_error(struct lexer *lx, int line, int col, const char *msg)
{
	err_at(lx->e, ERR_INPUT, lx->file, line, "%s", msg);
	lx->e->col = col;
	return -1;
}

static int lex_col(const struct lexer *lx, const char *p)
{
	return (int)(p - lx->line_p) + 1;
}

static struct tok *lex_push(struct lexer *lx, enum tok_kind kind, const char *p, size_t n)
{
	struct tok *t;

	if (lx->n == lx->cap) {
		size_t cap = lx->cap ? lx->cap * 2 : 64;
		struct tok *v = cap < SIZE_MAX / sizeof(*v) ? realloc(lx->v, cap * sizeof(*v)) : NULL;
		if (!v)
			die_oom(cap * sizeof(*v));
		lx->v = v;
		lx->cap = cap;
	}
	t = &lx->v[lx->n++];
	memset(t, 0, sizeof(*t));
	t->kind = kind;
	t->p = p;
	t->n = n;
	t->line = lx->line;
	t->col = lex_col(lx, p);
	if (kind != TOK_NEWLINE && kind != TOK_EOF && lx->at_line_start) {
		t->is_first = true;
		t->indent = lx->indent;
		lx->at_line_start = false;
	}
	return t;
}

/* Consumes one line break at lx->p ("\n", "\r\n" or "\r"). */
static void lex_newline(struct lexer *lx)
{
	if (*lx->p == '\r' && lx->p + 1 < lx->end && lx->p[1] == '\n')
		lx->p++;
	lx->p++;
	lx->line++;
	lx->line_p = lx->p;
}

static bool is_name_start(unsigned char c)
{
	return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

static bool is_name_char(unsigned char c)
{
	return is_name_start(c) || (c >= '0' && c <= '9');
}

/* Prefix flags if p[0..n) is a valid string prefix (r, u, b, f, br, rb, fr, rf in any case). */
static int string_prefix(const char *p, size_t n, unsigned *flags)
{
	unsigned f = 0;

	if (n > 2)
		return -1;
	for (size_t i = 0; i < n; i++) {
		unsigned bit;
		switch (p[i]) {
		case 'r':
		case 'R':
			bit = STR_RAW;
			break;
		case 'b':
		case 'B':
			bit = STR_BYTES;
			break;
		case 'f':
		case 'F':
			bit = STR_FMT;
			break;
		case 'u':
		case 'U':
			bit = 8;
			break;
		default:
			return -1;
		}
		if (f & bit)
			return -1;
		f |= bit;
	}
	if ((f & 8) && n != 1)
		return -1;
	if ((f & STR_BYTES) && (f & STR_FMT))
		return -1;
	*flags = f & ~8u;
	return 0;
}

static int skip_string_body(struct lexer *lx, char quote, int qlen, unsigned flags, int depth,
			    int line, int col);

/* A nested string literal inside an f-string field: quotes at q. */
static int skip_nested(struct lexer *lx, const char *q, unsigned flags, int depth, int line,
		       int col)
{
	int qlen = (q + 2 < lx->end && q[1] == *q && q[2] == *q) ? 3 : 1;

	lx->p = q + qlen;
	return skip_string_body(lx, *q, qlen, flags, depth + 1, line, col);
}

/*
 * An f-string replacement field after its '{', up to the matching '}': an
 * expression (strings of any quote inside, as PEP 701 allows), then an
 * optional format spec whose text is literal except for nested fields.
 */
static int skip_field(struct lexer *lx, int depth, int line, int col)
{
	int braces = 1, brackets = 0;
	bool spec = false;

	if (depth > 64)
		return lex_error(lx, line, col, "f-string nesting too deep");
	while (lx->p < lx->end) {
		char c = *lx->p;
		unsigned flags = 0;
		if (c == '\n' || c == '\r') {
			lex_newline(lx);
		} else if (spec && (c == '{' || c == '}')) {
			lx->p++;
			if (c == '}')
				return 0;
			if (skip_field(lx, depth + 1, line, col))
				return -1;
		} else if (spec) {
			lx->p++;
		} else if (c == '\'' || c == '"') {
			if (skip_nested(lx, lx->p, 0, depth, line, col))
				return -1;
		} else if (is_name_start((unsigned char)c)) {
			const char *s = lx->p;
			while (lx->p < lx->end && is_name_char((unsigned char)*lx->p))
				lx->p++;
			if (lx->p < lx->end && (*lx->p == '\'' || *lx->p == '"') &&
			    string_prefix(s, (size_t)(lx->p - s), &flags) == 0 &&
			    skip_nested(lx, lx->p, flags, depth, line, col))
				return -1;
		} else {
			lx->p++;
			if (c == '(' || c == '[')
				brackets++;
			else if ((c == ')' || c == ']') && brackets)
				brackets--;
			else if (c == '{')
				braces++;
			else if (c == '}' && --braces == 0)
				return 0;
			else if (c == ':' && braces == 1 && brackets == 0)
				spec = true;
		}
	}
	return lex_error(lx, line, col, "unterminated f-string replacement field");
}

/* The rest of a string literal after its opening quote(s), up to the closing ones. */
static int skip_string_body(struct lexer *lx, char quote, int qlen, unsigned flags, int depth,
			    int line, int col)
{
	for (;;) {
		if (lx->p >= lx->end)
			return lex_error(lx, line, col,
					 qlen == 3 ? "unterminated triple-quoted string literal"
						   : "unterminated string literal");
		if (*lx->p == '\\' && lx->p + 1 < lx->end) {
			lx->p++; /* a backslash never protects an f-string's braces */
			if (*lx->p == '\n' || *lx->p == '\r')
				lex_newline(lx);
			else if (!((flags & STR_FMT) && (*lx->p == '{' || *lx->p == '}')))
				lx->p++;
		} else if (*lx->p == '\n' || *lx->p == '\r') {
			if (qlen == 1)
				return lex_error(lx, line, col, "unterminated string literal");
			lex_newline(lx);
		} else if ((flags & STR_FMT) && *lx->p == '{') {
			bool escaped = lx->p + 1 < lx->end && lx->p[1] == '{';
			lx->p += escaped ? 2 : 1;
			if (!escaped && skip_field(lx, depth, line, col))
				return -1;
		} else if (*lx->p == quote &&
			   (qlen == 1 ||
			    (lx->p + 2 < lx->end && lx->p[1] == quote && lx->p[2] == quote))) {
			lx->p += qlen;
			return 0;
		} else {
			lx->p++;
		}
	}
}

/* Scans a string literal whose quotes start at q; start is the prefix start. */
static int lex_string(struct lexer *lx, const char *start, const char *q, unsigned flags)
{
	char quote = *q;
	int qlen = (q + 2 < lx->end && q[1] == quote && q[2] == quote) ? 3 : 1;
	int line = lx->line, col = lex_col(lx, start);
	const char *line_p = lx->line_p;
	struct tok *t;

	lx->p = q + qlen;
	if (skip_string_body(lx, quote, qlen, flags, 0, line, col))
		return -1;
	/* the token belongs to the line it started on */
	{
		int save_line = lx->line;
		const char *save_lp = lx->line_p;
		lx->line = line;
		lx->line_p = line_p;
		t = lex_push(lx, TOK_STRING, start, (size_t)(lx->p - start));
		lx->line = save_line;
		lx->line_p = save_lp;
	}
	t->flags = flags;
	t->quote_len = qlen;
	t->prefix_len = (size_t)(q - start);
	return 0;
}

static int lex_name(struct lexer *lx)
{
	const char *s = lx->p;
	unsigned flags;

	while (lx->p < lx->end && is_name_char((unsigned char)*lx->p))
		lx->p++;
	if (lx->p < lx->end && (*lx->p == '\'' || *lx->p == '"') &&
	    string_prefix(s, (size_t)(lx->p - s), &flags) == 0)
		return lex_string(lx, s, lx->p, flags);
	lex_push(lx, TOK_NAME, s, (size_t)(lx->p - s));
	return 0;
}

static void lex_number(struct lexer *lx)
{
	const char *s = lx->p;

	while (lx->p < lx->end) {
		char c = *lx->p;
		if (str_isalnum(c) || c == '_' || c == '.') {
			lx->p++;
		} else if ((c == '+' || c == '-') && (lx->p[-1] == 'e' || lx->p[-1] == 'E') &&
			   !(s[0] == '0' && s + 1 < lx->end && (s[1] == 'x' || s[1] == 'X'))) {
			lx->p++;
		} else {
			break;
		}
	}
	lex_push(lx, TOK_NUMBER, s, (size_t)(lx->p - s));
}

static int lex_op(struct lexer *lx)
{
	static const char *const ops3[] = {"**=", "//=", ">>=", "<<=", "...", NULL};
	static const char *const ops2[] = {
	    "->", ":=", "==", "!=", "<=", ">=", "**", "//", "<<", ">>",
	    "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=", NULL};
	const char *s = lx->p;
	size_t left = (size_t)(lx->end - s), n = 0;

	for (int i = 0; ops3[i] && !n; i++)
		if (left >= 3 && !memcmp(s, ops3[i], 3))
			n = 3;
	for (int i = 0; ops2[i] && !n; i++)
		if (left >= 2 && !memcmp(s, ops2[i], 2))
			n = 2;
	if (!n) {
		if (!strchr("()[]{},:.;@=+-*/%&|^~<>!", *s))
			return lex_error(lx, lx->line, lex_col(lx, s),
					 "invalid character in Python source");
		n = 1;
		if (strchr("([{", *s))
			lx->depth++;
		else if (strchr(")]}", *s) && lx->depth > 0)
			lx->depth--;
	}
	lx->p += n;
	lex_push(lx, TOK_OP, s, n);
	return 0;
}

/* At the start of a physical line outside brackets: measures indentation;
 * skips the line entirely if it is blank or only a comment. */
static void lex_line_start(struct lexer *lx)
{
	int width = 0;

	while (lx->p < lx->end) {
		const char *q = lx->p;
		width = 0;
		while (q < lx->end && (*q == ' ' || *q == '\t' || *q == '\f'))
			width = *q++ == '\t' ? (width / 8 + 1) * 8 : width + 1;
		if (q < lx->end && *q == '#')
			while (q < lx->end && *q != '\n' && *q != '\r')
				q++;
		lx->p = q;
		if (q < lx->end && (*q == '\n' || *q == '\r')) {
			lex_newline(lx);
			continue;
		}
		break;
	}
	lx->indent = width;
	lx->at_line_start = true;
}

static void lex_end_line(struct lexer *lx)
{
	if (lx->n && lx->v[lx->n - 1].kind != TOK_NEWLINE)
		lex_push(lx, TOK_NEWLINE, lx->p, 0);
}

static int lex_step(struct lexer *lx)
{
	char c = *lx->p;

	if (c == ' ' || c == '\t' || c == '\f') {
		lx->p++;
	} else if (c == '#') {
		while (lx->p < lx->end && *lx->p != '\n' && *lx->p != '\r')
			lx->p++;
	} else if (c == '\n' || c == '\r') {
		lex_newline(lx);
		if (lx->depth == 0) {
			lex_end_line(lx);
			lex_line_start(lx);
		}
	} else if (c == '\\') {
		if (lx->p + 1 >= lx->end || (lx->p[1] != '\n' && lx->p[1] != '\r'))
			return lex_error(lx, lx->line, lex_col(lx, lx->p),
					 "unexpected character after line continuation character");
		lx->p++;
		lex_newline(lx);
	} else if (c == '\'' || c == '"') {
		return lex_string(lx, lx->p, lx->p, 0);
	} else if (is_name_start((unsigned char)c)) {
		return lex_name(lx);
	} else if (str_isdigit(c) || (c == '.' && lx->p + 1 < lx->end && str_isdigit(lx->p[1]))) {
		lex_number(lx);
	} else {
		return lex_op(lx);
	}
	return 0;
}

/* Rejects NUL bytes and invalid UTF-8 with the position of the first bad byte. */
static int check_bytes(struct lexer *lx, const char *text, size_t len)
{
	const char *p = text, *end = text + len, *line_p = text;
	int line = 1;

	while (p < end) {
		unsigned cp;
		size_t n = (unsigned char)*p < 0x80 ? 1 : str_utf8_decode(p, end, &cp);
		if (*p == '\0')
			return lex_error(lx, line, (int)(p - line_p) + 1, "NUL byte in file");
		if (!n)
			return lex_error(lx, line, (int)(p - line_p) + 1, "invalid UTF-8 in file");
		if (*p == '\n' || (*p == '\r' && (p + 1 == end || p[1] != '\n'))) {
			line++;
			line_p = p + 1;
		}
		p += n;
	}
	return 0;
}

static int lex(struct lexer *lx, const char *text, size_t len)
{
	if (check_bytes(lx, text, len))
		return -1;
	lx->p = text;
	lx->end = text + len;
	lx->line = 1;
	if (len >= 3 && !memcmp(text, "\xef\xbb\xbf", 3))
		lx->p += 3;
	lx->line_p = lx->p;
	lex_line_start(lx);
	while (lx->p < lx->end)
		if (lex_step(lx))
			return -1;
	lex_end_line(lx);
	lex_push(lx, TOK_EOF, lx->p, 0);
	return 0;
}

/* ---- string values ---- */

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static void add_utf8(struct buf *b, unsigned cp)
{
	buf_add_utf8(b, cp);
}

/* Reads exactly n hex digits at *pp; -1 if they are not there. */
static long read_hex(const char **pp, const char *end, int n)
{
	long v = 0;

	for (int i = 0; i < n; i++) {
		int h = *pp + i < end ? hexval((*pp)[i]) : -1;
		if (h < 0)
			return -1;
		v = v * 16 + h;
	}
	*pp += n;
	return v;
}

/* One backslash escape of a non-raw str literal; p points after the backslash. */
static const char *decode_escape(const char *p, const char *end, struct buf *b, const char **why)
{
	static const char simple[] = "\\\\''\"\"a\ab\bf\fn\nr\rt\tv\v";
	char c = *p;
	long v;

	for (size_t i = 0; simple[i]; i += 2)
		if (simple[i] == c) {
			buf_addch(b, simple[i + 1]);
			return p + 1;
		}
	if (c == '\n' || c == '\r')
		return p + ((c == '\r' && p + 1 < end && p[1] == '\n') ? 2 : 1);
	if (c >= '0' && c <= '7') {
		int n = 0;
		v = 0;
		while (n < 3 && p < end && *p >= '0' && *p <= '7')
			v = v * 8 + (*p++ - '0'), n++;
		if (v == 0) {
			*why = "NUL character in string literal";
			return NULL;
		}
		add_utf8(b, (unsigned)v);
		return p;
	}
	if (c == 'x' || c == 'u' || c == 'U') {
		p++;
		v = read_hex(&p, end, c == 'x' ? 2 : c == 'u' ? 4 : 8);
		if (v < 0) {
			*why = c == 'x' ? "truncated \\xXX escape" : "truncated \\uXXXX escape";
			return NULL;
		}
		if (v == 0) {
			*why = "NUL character in string literal";
			return NULL;
		}
		if (v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
			*why = "escape is not a valid Unicode scalar value";
			return NULL;
		}
		add_utf8(b, (unsigned)v);
		return p;
	}
	if (c == 'N') {
		*why = "\\N{...} escapes are not supported; write the character itself";
		return NULL;
	}
	buf_addch(b, '\\');
	return p;
}

/* Appends source text, "\r\n" and "\r" read as "\n" (Python's universal newlines). */
static void add_source(struct buf *b, const char *p, size_t n)
{
	const char *end = p + n;

	while (p < end) {
		const char *cr = memchr(p, '\r', (size_t)(end - p));
		if (!cr) {
			buf_add(b, p, (size_t)(end - p));
			return;
		}
		buf_add(b, p, (size_t)(cr - p));
		buf_addch(b, '\n');
		p = cr + 1 + (cr + 1 < end && cr[1] == '\n');
	}
}

/* Appends the value of string token t to b.  Returns -1 with e set on a bad escape. */
static int string_value(const char *file, const struct tok *t, struct buf *b, struct err *e)
{
	const char *p = t->p + t->prefix_len + t->quote_len;
	const char *end = t->p + t->n - t->quote_len;

	if (t->flags & STR_RAW) {
		add_source(b, p, (size_t)(end - p));
		return 0;
	}
	while (p < end) {
		const char *bs = memchr(p, '\\', (size_t)(end - p));
		const char *why = NULL;
		if (!bs) {
			add_source(b, p, (size_t)(end - p));
			break;
		}
		add_source(b, p, (size_t)(bs - p));
		p = decode_escape(bs + 1, end, b, &why);
		if (!p) {
			err_at(e, ERR_INPUT, file, t->line, "%s", why);
			e->col = t->col;
			return -1;
		}
	}
	return 0;
}

/* ---- statements ---- */

struct parser {
	struct arena *a;	    /* results */
	const char *file;	    /* for errors */
	const struct tok *v;	    /* tokens, ending with TOK_EOF */
	struct pyparse_result *out; /* what we fill */
	struct err *e;		    /* error out */
	struct buf scratch;	    /* string building */
};

static bool tok_is(const struct tok *t, enum tok_kind kind, const char *s)
{
	return t->kind == kind && t->n == strlen(s) && !memcmp(t->p, s, t->n);
}

static bool tok_op(const struct tok *t, const char *s)
{
	return tok_is(t, TOK_OP, s);
}

static int value_error(struct parser *ps, const struct tok *t, const char *name, const char *what)
{
	err_at(ps->e, ERR_INPUT, ps->file, t->line, "%s: %s", name, what);
	ps->e->col = t->col;
	return -1;
}

/*
 * Reads adjacent plain str literals at v[*i] into a new arena string.
 * Returns NULL without error if v[*i] is not such a literal; NULL with e set
 * (code != ERR_OK) on a bad escape.  bytes and f-strings are not values.
 */
static char *concat_strings(struct parser *ps, size_t *i, size_t end)
{
	size_t j = *i;

	buf_reset(&ps->scratch);
	while (j < end && ps->v[j].kind == TOK_STRING) {
		if (ps->v[j].flags & (STR_BYTES | STR_FMT))
			return NULL;
		if (string_value(ps->file, &ps->v[j], &ps->scratch, ps->e))
			return NULL;
		j++;
	}
	if (j == *i)
		return NULL;
	*i = j;
	return buf_to_arena(&ps->scratch, ps->a);
}

/* Items of a tuple/list between v[*i] (just after the opener) and its closer. */
static int parse_seq(struct parser *ps, size_t *i, size_t end, const char *close, const char *name,
		     struct pyval *val, bool *had_comma)
{
	for (;;) {
		char *s;
		if (*i < end && tok_op(&ps->v[*i], close)) {
			(*i)++;
			return 0;
		}
		s = concat_strings(ps, i, end);
		if (!s)
			return ps->e->code
				   ? -1
				   : value_error(ps, &ps->v[*i < end ? *i : end - 1], name,
						 "only string literals, None, and tuples or "
						 "lists of strings can be read");
		strvec_push(ps->a, &val->items, s);
		if (*i < end && tok_op(&ps->v[*i], ",")) {
			*had_comma = true;
			(*i)++;
		} else if (!(*i < end && tok_op(&ps->v[*i], close))) {
			return value_error(ps, &ps->v[*i < end ? *i : end - 1], name,
					   "expected ',' or a closing bracket");
		}
	}
}

/* A tuple without brackets: str+ (',' str+)* [','] up to end. */
static int parse_bare(struct parser *ps, size_t *i, size_t end, const char *name, struct pyval *val,
		      bool *had_comma)
{
	while (*i < end) {
		char *s = concat_strings(ps, i, end);
		if (!s)
			return ps->e->code
				   ? -1
				   : value_error(ps, &ps->v[*i], name,
						 "only string literals, None, and tuples or "
						 "lists of strings can be read");
		strvec_push(ps->a, &val->items, s);
		if (*i < end && !tok_op(&ps->v[*i], ","))
			return value_error(ps, &ps->v[*i], name,
					   "only string literals, None, and tuples or lists of "
					   "strings can be read");
		if (*i < end) {
			*had_comma = true;
			(*i)++;
		}
	}
	if (!val->items.n)
		return value_error(ps, &ps->v[*i], name, "missing value");
	return 0;
}

/* value := None | str+ | '(' items ')' | '[' items ']' | str+ (',' str+)* [','] */
static int parse_value(struct parser *ps, size_t i, size_t end, const char *name, struct pyval *val)
{
	const struct tok *t = &ps->v[i];
	bool comma = false;

	memset(val, 0, sizeof(*val));
	val->line = t->line;
	val->col = t->col;
	if (i < end && tok_is(t, TOK_NAME, "None") && i + 1 == end) {
		val->kind = PYVAL_NONE;
		return 0;
	}
	if (i < end && (tok_op(t, "(") || tok_op(t, "["))) {
		bool paren = tok_op(t, "(");
		i++;
		if (parse_seq(ps, &i, end, paren ? ")" : "]", name, val, &comma))
			return -1;
		val->kind = (paren && val->items.n == 1 && !comma) ? PYVAL_STR : PYVAL_SEQ;
	} else {
		if (parse_bare(ps, &i, end, name, val, &comma))
			return -1;
		val->kind = comma ? PYVAL_SEQ : PYVAL_STR;
	}
	if (i != end)
		return value_error(
		    ps, &ps->v[i], name,
		    "only string literals, None, and tuples or lists of strings can be read");
	return 0;
}

static size_t line_end(const struct tok *v, size_t i)
{
	while (v[i].kind != TOK_NEWLINE && v[i].kind != TOK_EOF)
		i++;
	return i;
}

/* End of the simple statement starting at i: the next ';' outside brackets, or end. */
static size_t stmt_end(const struct tok *v, size_t i, size_t end)
{
	int depth = 0;

	for (; i < end; i++) {
		if (v[i].kind != TOK_OP)
			continue;
		if (tok_op(&v[i], "(") || tok_op(&v[i], "[") || tok_op(&v[i], "{"))
			depth++;
		else if (tok_op(&v[i], ")") || tok_op(&v[i], "]") || tok_op(&v[i], "}"))
			depth--;
		else if (depth == 0 && tok_op(&v[i], ";"))
			return i;
	}
	return end;
}

/* Index of the bracket closing the opener at i (before end), or end. */
static size_t match_close(const struct tok *v, size_t i, size_t end)
{
	int depth = 0;

	for (; i < end; i++) {
		if (tok_op(&v[i], "(") || tok_op(&v[i], "[") || tok_op(&v[i], "{"))
			depth++;
		else if ((tok_op(&v[i], ")") || tok_op(&v[i], "]") || tok_op(&v[i], "}")) &&
			 !--depth)
			return i;
	}
	return end;
}

static bool is_keyword(const struct tok *t)
{
	static const char *const kw[] = {
	    "if",     "for",   "while",	 "with",    "try",    "return",	  "raise",
	    "def",    "class", "async",	 "del",	    "global", "nonlocal", "assert",
	    "import", "from",  "yield",	 "await",   "lambda", "break",	  "continue",
	    "elif",   "else",  "except", "finally", "match",  "print",	  NULL};

	for (int i = 0; kw[i]; i++)
		if (tok_is(t, TOK_NAME, kw[i]))
			return true;
	return false;
}

/* The string argument of op.execute(...) spanning v[i..end) (i after "op.execute(");
 * NULL if it is not one of the supported literal forms. */
static char *execute_arg(struct parser *ps, size_t i, size_t end)
{
	char *sql;
	bool wrapped = false;

	if (i + 1 < end && tok_is(&ps->v[i], TOK_NAME, "text") && tok_op(&ps->v[i + 1], "(")) {
		i += 2;
		wrapped = true;
	} else if (i + 3 < end && tok_is(&ps->v[i], TOK_NAME, "sa") && tok_op(&ps->v[i + 1], ".") &&
		   tok_is(&ps->v[i + 2], TOK_NAME, "text") && tok_op(&ps->v[i + 3], "(")) {
		i += 4;
		wrapped = true;
	}
	sql = concat_strings(ps, &i, end);
	if (!sql)
		return NULL;
	for (int k = wrapped ? 2 : 1; k > 0; k--) {
		if (i < end && tok_op(&ps->v[i], ","))
			i++;
		if (!(i < end && tok_op(&ps->v[i], ")")))
			return NULL;
		i++;
	}
	return i == end ? sql : NULL;
}

/* Records why the body cannot run natively (the first reason only counts). */
static void refuse(struct script_section *sec, const struct tok *t, const char *why)
{
	sec->refusal = why;
	sec->refusal_line = t->line;
}

static void push_stmt(struct parser *ps, struct script_section *sec, const char *sql, int line)
{
	size_t n = sec->n_stmts;

	if (n == 0 || (n >= 4 && (n & (n - 1)) == 0)) /* capacity doubles: 4, 8, 16, ... */
		sec->stmts = arena_grow(ps->a, sec->stmts, n, n ? n * 2 : 4, sizeof(*sec->stmts));
	sec->stmts[sec->n_stmts].sql = sql;
	sec->stmts[sec->n_stmts].line = line;
	sec->n_stmts++;
}

/* Dotted name starting at v[*i] ("op.create_table"), advancing *i past it. */
static char *dotted_name(struct parser *ps, size_t *i, size_t end)
{
	struct buf b = BUF_INIT;
	char *s;

	while (*i < end && ps->v[*i].kind == TOK_NAME) {
		buf_add(&b, ps->v[*i].p, ps->v[*i].n);
		(*i)++;
		if (!(*i + 1 < end && tok_op(&ps->v[*i], ".") && ps->v[*i + 1].kind == TOK_NAME))
			break;
		buf_addch(&b, '.');
		(*i)++;
	}
	s = buf_to_arena(&b, ps->a);
	buf_release(&b);
	return s;
}

/* One simple statement v[s..end) of an upgrade()/downgrade() body. */
static int body_stmt(struct parser *ps, struct script_section *sec, size_t s, size_t end)
{
	const struct tok *t = &ps->v[s];
	size_t i = s;
	char *name;

	if (s == end || sec->refusal)
		return 0;
	if (end == s + 1 && tok_is(t, TOK_NAME, "pass"))
		return 0;
	while (i < end && ps->v[i].kind == TOK_STRING)
		i++;
	if (i == end)
		return 0; /* docstring or other string expression */
	i = s;
	if (is_keyword(t)) {
		refuse(sec, t,
		       arena_printf(ps->a,
				    "'%.*s' statement is not supported by the native runtime yet",
				    (int)t->n, t->p));
		return 0;
	}
	name = dotted_name(ps, &i, end);
	if (!strcmp(name, "op.execute") && i < end && tok_op(&ps->v[i], "(")) {
		char *sql = execute_arg(ps, i + 1, end);
		if (sql) {
			push_stmt(ps, sec, sql, t->line);
			return 0;
		}
		if (ps->e->code)
			return -1;
		refuse(
		    sec, t,
		    "op.execute with an argument other than a string literal is not supported by "
		    "the native runtime yet");
	} else if (*name && i < end && tok_op(&ps->v[i], "(")) {
		refuse(sec, t,
		       arena_printf(ps->a, "%s is not supported by the native runtime yet", name));
	} else {
		refuse(sec, t,
		       arena_printf(
			   ps->a,
			   "the statement starting with '%.*s' is not supported by the native "
			   "runtime yet",
			   (int)t->n, t->p));
	}
	return 0;
}

/* Every simple statement of v[s..end) separated by ';'. */
static int body_stmts(struct parser *ps, struct script_section *sec, size_t s, size_t end)
{
	while (s < end) {
		size_t e = stmt_end(ps->v, s, end);
		if (body_stmt(ps, sec, s, e))
			return -1;
		s = e + 1;
	}
	return 0;
}

/*
 * "def upgrade(...) [-> X]: [body]" at v[i..end) followed by its indented
 * lines.  Returns the index of the first token after the def (its body
 * included) in *next.
 */
static int parse_def(struct parser *ps, struct script_section *sec, size_t i, size_t end,
		     bool decorated, size_t *next)
{
	const struct tok *name = &ps->v[i + 1];
	size_t close = match_close(ps->v, i + 2, end), colon = close;
	size_t j;

	while (colon < end && !tok_op(&ps->v[colon], ":"))
		colon++;
	*next = end + 1;
	if (close == end || colon == end)
		return 0; /* not a def we understand: skipped like other statements */
	memset(sec, 0, sizeof(*sec));
	sec->present = true;
	sec->first_line = ps->v[i].line;
	if (decorated)
		refuse(sec, &ps->v[i],
		       arena_printf(ps->a,
				    "a decorated %.*s() is not supported by the native runtime yet",
				    (int)name->n, name->p));
	else if (close > i + 3)
		refuse(sec, &ps->v[i],
		       arena_printf(
			   ps->a,
			   "%.*s() with parameters is not supported by the native runtime yet",
			   (int)name->n, name->p));
	if (body_stmts(ps, sec, colon + 1, end))
		return -1;
	for (j = end + 1; ps->v[j].kind != TOK_EOF && ps->v[j].indent > 0;) {
		size_t le = line_end(ps->v, j);
		if (body_stmts(ps, sec, j, le))
			return -1;
		j = le + 1;
	}
	*next = j;
	return 0;
}

static struct pyval *module_var(struct parser *ps, const struct tok *t)
{
	if (t->kind != TOK_NAME)
		return NULL;
	if (tok_is(t, TOK_NAME, "revision"))
		return &ps->out->revision;
	if (tok_is(t, TOK_NAME, "down_revision"))
		return &ps->out->down_revision;
	if (tok_is(t, TOK_NAME, "branch_labels"))
		return &ps->out->branch_labels;
	if (tok_is(t, TOK_NAME, "depends_on"))
		return &ps->out->depends_on;
	return NULL;
}

/* One module-level simple statement v[s..end): docstring or one of the variables. */
static int module_stmt(struct parser *ps, size_t s, size_t end, bool is_first)
{
	const struct tok *t = &ps->v[s];
	struct pyval *var = module_var(ps, t);
	size_t i;

	if (s == end)
		return 0;
	if (is_first && t->kind == TOK_STRING) {
		for (i = s; i < end && ps->v[i].kind == TOK_STRING; i++)
			;
		if (i == end) {
			i = s;
			ps->out->doc = concat_strings(ps, &i, end);
			return ps->e->code ? -1 : 0;
		}
	}
	if (!var || s + 1 >= end)
		return 0;
	if (tok_op(&ps->v[s + 1], "="))
		return parse_value(ps, s + 2, end, arena_strndup(ps->a, t->p, t->n), var);
	if (!tok_op(&ps->v[s + 1], ":"))
		return 0;
	for (i = s + 2; i < end; i++) {
		if (tok_op(&ps->v[i], "(") || tok_op(&ps->v[i], "[") || tok_op(&ps->v[i], "{"))
			i = match_close(ps->v, i, end);
		else if (i < end && tok_op(&ps->v[i], "="))
			return parse_value(ps, i + 1, end, arena_strndup(ps->a, t->p, t->n), var);
	}
	return 0; /* annotation without a value */
}

/* One module-level logical line v[i..end); *next is where the walk goes on. */
static int module_line(struct parser *ps, size_t i, size_t end, bool *is_first, bool *decorated,
		       size_t *next)
{
	const struct tok *t = &ps->v[i];
	bool dec = *decorated;

	*decorated = tok_op(t, "@");
	*next = end + 1;
	if (tok_is(t, TOK_NAME, "def") && i + 2 < end && tok_op(&ps->v[i + 2], "(")) {
		*is_first = false;
		if (tok_is(&ps->v[i + 1], TOK_NAME, "upgrade"))
			return parse_def(ps, &ps->out->upgrade, i, end, dec, next);
		if (tok_is(&ps->v[i + 1], TOK_NAME, "downgrade"))
			return parse_def(ps, &ps->out->downgrade, i, end, dec, next);
		return 0;
	}
	if (tok_is(t, TOK_NAME, "class") || tok_is(t, TOK_NAME, "def") || *decorated) {
		*is_first = false;
		return 0;
	}
	while (i < end) {
		size_t e = stmt_end(ps->v, i, end);
		if (module_stmt(ps, i, e, *is_first))
			return -1;
		*is_first = false;
		i = e + 1;
	}
	return 0;
}

int pyparse_module(struct arena *a, const char *file, const char *text, size_t len,
		   struct pyparse_result *out, struct err *e)
{
	struct lexer lx = {0};
	struct parser ps = {0};
	bool is_first = true, decorated = false;
	size_t i = 0;
	int rc = 0;

	memset(out, 0, sizeof(*out));
	err_clear(e); /* e->code tells a failed literal from a non-literal below */
	lx.file = file;
	lx.e = e;
	if (lex(&lx, text, len)) {
		free(lx.v);
		return -1;
	}
	ps.a = a;
	ps.file = file;
	ps.v = lx.v;
	ps.out = out;
	ps.e = e;
	while (rc == 0 && lx.v[i].kind != TOK_EOF) {
		size_t end = line_end(lx.v, i), next = end + 1;
		if (lx.v[i].kind == TOK_NEWLINE || lx.v[i].indent > 0)
			i = next; /* the body of some other block */
		else if ((rc = module_line(&ps, i, end, &is_first, &decorated, &next)) == 0)
			i = next;
	}
	buf_release(&ps.scratch);
	free(lx.v);
	return rc;
}

/* ---- UTF-8 helpers ---- */

/* Python's str.isspace() for one code point. */
static bool py_isspace(unsigned c)
{
	return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) || c == 0x85 || c == 0xA0 ||
	       c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
	       c == 0x202F || c == 0x205F || c == 0x3000;
}

char *pyparse_strip(struct arena *a, const char *s, size_t n)
{
	const char *p = s, *end = s + n, *last = s;
	bool started = false;

	while (p < end) {
		unsigned cp;
		size_t k = str_utf8_decode(p, end, &cp);
		if (!k)
			k = 1, cp = 0xFFFD;
		if (!py_isspace(cp)) {
			if (!started)
				s = p, started = true;
			last = p + k;
		}
		p += k;
	}
	return started ? arena_strndup(a, s, (size_t)(last - s)) : arena_strdup(a, "");
}
