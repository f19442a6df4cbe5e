/*
 * lex.c - the Python tokenizer of the front end (see ast.h): one linear scan
 * of the whole file into a token array, as CPython's tokenizer.c does it:
 * strings of every form (prefixes r/u/b/f and their pairs, single and triple
 * quotes, f-string fields with nested quotes as PEP 701 allows), numbers,
 * names, operators, comments, backslash continuation, NEWLINE outside
 * brackets only, INDENT/DEDENT from an indentation stack.  Also the one
 * decoder of string literal values (escapes, universal newlines).
 */
#include "py/ast.h"

#include <stdio.h>

#include "base/str.h"

#define INDENT_MAX 100 /* CPython's MAXINDENT */

struct lexer {
	const char *file;          /* for error messages */
	const char *p;             /* current position */
	const char *end;           /* end of text */
	const char *line_p;        /* start of the current physical line */
	int line;                  /* current 1-based line */
	int line0;                 /* fragment mode: the first line, whose columns are shifted */
	int col_off;               /* fragment mode: columns added on line0 */
	bool is_fragment;          /* no NEWLINE/INDENT/DEDENT tokens */
	int depth;                 /* bracket nesting */
	int open_line[INDENT_MAX]; /* line of each open bracket (the first INDENT_MAX) */
	int open_col[INDENT_MAX];  /* its column */
	char open_ch[INDENT_MAX];  /* the bracket */
	bool at_line_start;        /* next token starts a logical line */
	int indent;                /* indentation of the current logical line */
	int stack[INDENT_MAX + 1]; /* indentation widths of the open blocks, stack[0] = 0 */
	int n_stack;               /* entries used */
	struct py_toks *out;       /* tokens so far */
	struct err *e;             /* error out */
	const char *spec_at;       /* py_lex_field_len: the ':' starting the outer field's spec */
};

static int lex_error(struct lexer *lx, int line, int col, const char *msg)
{
	err_at(lx->e, ERR_INPUT, lx->file, line, "%s", msg);
	lx->e->col = col;
	return -1;
}

static int lex_col(const struct lexer *lx, const char *p)
{
	return (int)(p - lx->line_p) + 1 + (lx->line == lx->line0 ? lx->col_off : 0);
}

static struct py_tok *lex_push(struct lexer *lx, enum py_tok_kind kind, const char *p, size_t n)
{
	struct py_toks *o = lx->out;
	struct py_tok *t;

	if (o->n == o->cap) {
		size_t cap = o->cap ? o->cap * 2 : 64;
		struct py_tok *v =
			cap < SIZE_MAX / sizeof(*v) ? realloc(o->v, cap * sizeof(*v)) : NULL;
		if (!v)
			die_oom(cap * sizeof(*v));
		o->v = v;
		o->cap = cap;
	}
	t = &o->v[o->n++];
	memset(t, 0, sizeof(*t));
	t->kind = kind;
	t->p = p;
	t->n = n;
	t->line = lx->line;
	t->col = lex_col(lx, p);
	return t;
}

/* Before the first token of a logical line: INDENT or DEDENTs as the
 * indentation stack says (tokenizer.c tok_get's indentation block). */
static int lex_indent(struct lexer *lx, const char *p)
{
	int width = lx->indent;

	lx->at_line_start = false;
	if (lx->is_fragment)
		return 0;
	if (width > lx->stack[lx->n_stack - 1]) {
		if (lx->n_stack > INDENT_MAX)
			return lex_error(lx, lx->line, lex_col(lx, p),
					 "too many levels of indentation");
		lx->stack[lx->n_stack++] = width;
		lex_push(lx, PYT_INDENT, p, 0);
	}
	while (width < lx->stack[lx->n_stack - 1]) {
		lx->n_stack--;
		lex_push(lx, PYT_DEDENT, p, 0);
	}
	if (width != lx->stack[lx->n_stack - 1])
		return lex_error(lx, lx->line, lex_col(lx, p),
				 "unindent does not match any outer indentation level");
	return 0;
}

/* lex_push for a real token: handles the start of a logical line first. */
static struct py_tok *lex_token(struct lexer *lx, enum py_tok_kind kind, const char *p, size_t n)
{
	bool first = lx->at_line_start;
	int indent = lx->indent;
	struct py_tok *t;

	if (first && lex_indent(lx, p))
		return NULL;
	t = lex_push(lx, kind, p, n);
	t->is_first = first;
	t->indent = first ? indent : 0;
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
			bit = PY_STR_RAW;
			break;
		case 'b':
		case 'B':
			bit = PY_STR_BYTES;
			break;
		case 'f':
		case 'F':
			bit = PY_STR_FMT;
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
	if ((f & PY_STR_BYTES) && (f & PY_STR_FMT))
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
			else if (c == ':' && braces == 1 && brackets == 0) {
				spec = true;
				if (depth == 0)
					lx->spec_at = lx->p - 1;
			}
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
			else if (!((flags & PY_STR_FMT) && (*lx->p == '{' || *lx->p == '}')))
				lx->p++;
		} else if (*lx->p == '\n' || *lx->p == '\r') {
			if (qlen == 1)
				return lex_error(lx, line, col, "unterminated string literal");
			lex_newline(lx);
		} else if ((flags & PY_STR_FMT) && *lx->p == '{') {
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

/* Scans a string literal whose quotes start at q; start is the prefix start. */
static int lex_string(struct lexer *lx, const char *start, const char *q, unsigned flags)
{
	char quote = *q;
	int qlen = (q + 2 < lx->end && q[1] == quote && q[2] == quote) ? 3 : 1;
	int line = lx->line, col = lex_col(lx, start);
	const char *line_p = lx->line_p;
	int save_line;
	const char *save_lp;
	struct py_tok *t;

	lx->p = q + qlen;
	if (skip_string_body(lx, quote, qlen, flags, 0, line, col))
		return -1;
	/* the token belongs to the line it started on */
	save_line = lx->line;
	save_lp = lx->line_p;
	lx->line = line;
	lx->line_p = line_p;
	t = lex_token(lx, PYT_STRING, start, (size_t)(lx->p - start));
	lx->line = save_line;
	lx->line_p = save_lp;
	if (!t)
		return -1;
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
	return lex_token(lx, PYT_NAME, s, (size_t)(lx->p - s)) ? 0 : -1;
}

/* Numbers: digits, '_', '.', letters (x, o, b, e, j, hex digits) and an
 * exponent sign; the parser checks the form (parse.c number_value). */
static int lex_number(struct lexer *lx)
{
	const char *s = lx->p;
	bool hex = s + 1 < lx->end && s[0] == '0' && (s[1] == 'x' || s[1] == 'X');

	while (lx->p < lx->end) {
		char c = *lx->p;
		if (str_isalnum(c) || c == '_' || c == '.') {
			lx->p++;
		} else if ((c == '+' || c == '-') && (lx->p[-1] == 'e' || lx->p[-1] == 'E') &&
			   !hex) {
			lx->p++;
		} else {
			break;
		}
	}
	return lex_token(lx, PYT_NUMBER, s, (size_t)(lx->p - s)) ? 0 : -1;
}

static int lex_op(struct lexer *lx)
{
	static const char *const ops3[] = {"**=", "//=", ">>=", "<<=", "...", NULL};
	static const char *const ops2[] = {
		"->", ":=", "==", "!=", "<=", ">=", "**", "//", "<<", ">>",
		"+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=", NULL};
	const char *s = lx->p;
	size_t left = (size_t)(lx->end - s), n = 0;
	/* every operator of two or three characters has one of these second
	 * characters: most tokens ('(', ',', '.', '=' before a name) skip the
	 * tables */
	bool multi = left >= 2 && s[1] != '\0' && strchr("=>*/<.", s[1]);

	for (int i = 0; multi && ops3[i] && !n; i++)
		if (left >= 3 && !memcmp(s, ops3[i], 3))
			n = 3;
	for (int i = 0; multi && ops2[i] && !n; i++)
		if (left >= 2 && !memcmp(s, ops2[i], 2))
			n = 2;
	if (!n) {
		if (!strchr("()[]{},:.;@=+-*/%&|^~<>!", *s))
			return lex_error(lx, lx->line, lex_col(lx, s),
					 "invalid character in Python source");
		n = 1;
		if (strchr("([{", *s)) {
			if (lx->depth < INDENT_MAX) {
				lx->open_line[lx->depth] = lx->line;
				lx->open_col[lx->depth] = lex_col(lx, s);
				lx->open_ch[lx->depth] = *s;
			}
			lx->depth++;
		} else if (strchr(")]}", *s) && lx->depth > 0) {
			lx->depth--;
		}
	}
	lx->p += n;
	return lex_token(lx, PYT_OP, s, n) ? 0 : -1;
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
		if (q + 1 < lx->end && *q == '\\' && (q[1] == '\n' || q[1] == '\r'))
			break; /* a continuation line: its indentation counts (tokenizer.c) */
		break;
	}
	lx->indent = width;
	lx->at_line_start = true;
}

static void lex_end_line(struct lexer *lx)
{
	struct py_toks *o = lx->out;

	if (!lx->is_fragment && o->n && o->v[o->n - 1].kind != PYT_NEWLINE &&
	    o->v[o->n - 1].kind != PYT_DEDENT && o->v[o->n - 1].kind != PYT_INDENT)
		lex_push(lx, PYT_NEWLINE, lx->p, 0);
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
		bool ends = lx->depth == 0 && !lx->is_fragment;
		if (ends)
			lex_end_line(
				lx); /* NEWLINE sits at the line break, as tokenize reports it */
		lex_newline(lx);
		if (ends)
			lex_line_start(lx);
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
		return lex_number(lx);
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

static int lex_run(struct lexer *lx)
{
	while (lx->p < lx->end)
		if (lex_step(lx))
			return -1;
	if (lx->is_fragment) {
		lex_push(lx, PYT_EOF, lx->p, 0);
		return 0;
	}
	if (lx->depth > 0) {
		int k = lx->depth <= INDENT_MAX ? lx->depth - 1 : INDENT_MAX - 1;
		char msg[32];
		snprintf(msg, sizeof(msg), "'%c' was never closed", lx->open_ch[k]);
		return lex_error(lx, lx->open_line[k], lx->open_col[k], msg);
	}
	lex_end_line(lx);
	lx->at_line_start = false;
	while (lx->n_stack > 1) {
		lx->n_stack--;
		lex_push(lx, PYT_DEDENT, lx->p, 0);
	}
	lex_push(lx, PYT_EOF, lx->p, 0);
	return 0;
}

static void lex_init(struct lexer *lx, const char *file, const char *text, size_t len,
		     struct py_toks *out, struct err *e)
{
	memset(out, 0, sizeof(*out));
	memset(lx, 0, sizeof(*lx));
	lx->file = file;
	lx->e = e;
	lx->out = out;
	lx->n_stack = 1;
	lx->p = lx->line_p = text;
	lx->end = text + len;
	lx->line = 1;
}

int py_lex(const char *file, const char *text, size_t len, struct py_toks *out, struct err *e)
{
	struct lexer lx;

	lex_init(&lx, file, text, len, out, e);
	if (check_bytes(&lx, text, len))
		return -1;
	if (len >= 3 && !memcmp(text, "\xef\xbb\xbf", 3))
		lx.p += 3;
	lx.line_p = lx.p;
	lex_line_start(&lx);
	if (lex_run(&lx)) {
		py_toks_free(out);
		return -1;
	}
	return 0;
}

int py_lex_fragment(const char *file, const char *text, size_t len, int line, int col,
		    struct py_toks *out, struct err *e)
{
	struct lexer lx;

	lex_init(&lx, file, text, len, out, e);
	lx.is_fragment = true;
	lx.line = lx.line0 = line;
	lx.col_off = col - 1;
	if (lex_run(&lx)) {
		py_toks_free(out);
		return -1;
	}
	return 0;
}

void py_toks_free(struct py_toks *t)
{
	free(t->v);
	memset(t, 0, sizeof(*t));
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

int py_str_decode_piece(const char *file, int line, int col, const char *p, size_t n, bool raw,
			struct buf *b, struct err *e)
{
	const char *end = p + n;

	if (raw) {
		add_source(b, p, n);
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
		p = bs + 1 < end ? decode_escape(bs + 1, end, b, &why) : (buf_addch(b, '\\'), end);
		if (!p) {
			err_at(e, ERR_INPUT, file, line, "%s", why);
			e->col = col;
			return -1;
		}
	}
	return 0;
}

int py_str_decode(const char *file, const struct py_tok *t, struct buf *b, struct err *e)
{
	const char *p = t->p + t->prefix_len + t->quote_len;
	const char *end = t->p + t->n - t->quote_len;

	return py_str_decode_piece(file, t->line, t->col, p, (size_t)(end - p),
				   (t->flags & PY_STR_RAW) != 0, b, e);
}

size_t py_lex_field_len(const char *p, const char *end, size_t *expr_len)
{
	struct err e;
	struct lexer lx = {0};

	lx.file = "";
	lx.e = &e;
	lx.p = lx.line_p = p;
	lx.end = end;
	lx.line = 1;
	if (skip_field(&lx, 0, 1, 1))
		return 0;
	*expr_len = (size_t)((lx.spec_at ? lx.spec_at : lx.p - 1) - p);
	return (size_t)(lx.p - p);
}
