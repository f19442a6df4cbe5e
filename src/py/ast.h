/*
 * ast.h - the syntax tree py_parse_module builds (src/py/parse.c) and the
 * tokens it is built from (src/py/lex.c).  Every node carries the 1-based
 * line and byte column of its first token.  All nodes live in the arena
 * given to the parser and are immutable afterwards.
 *
 * The tree follows Python's own ast module closely enough that a reader of
 * https://docs.python.org/3/library/ast.html recognises every node; fields
 * that a kind does not use are NULL / 0.
 */
#ifndef PY_AST_H
#define PY_AST_H

#include <stdbool.h>
#include <stddef.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"

/* ---- tokens (lex.c) ---- */

enum py_tok_kind {
	PYT_EOF,     /* end of input */
	PYT_NEWLINE, /* end of a logical line */
	PYT_INDENT,  /* the logical line is indented deeper than the one before */
	PYT_DEDENT,  /* one indentation level closes */
	PYT_NAME,    /* identifier or keyword */
	PYT_NUMBER,  /* numeric literal */
	PYT_STRING,  /* string literal with its prefix and quotes */
	PYT_OP,      /* operator or delimiter */
};

enum {
	PY_STR_RAW = 1,   /* r/R prefix */
	PY_STR_BYTES = 2, /* b/B prefix */
	PY_STR_FMT = 4,   /* f/F prefix */
};

struct py_tok {
	enum py_tok_kind kind; /* what it is */
	const char *p;         /* first byte in the text */
	size_t n;              /* length in bytes */
	int line;              /* 1-based line of the first byte */
	int col;               /* 1-based byte column of the first byte */
	int indent;            /* width of the logical line's indentation (first token only) */
	bool is_first;         /* first token of a logical line */
	unsigned flags;        /* PYT_STRING: PY_STR_* prefix flags */
	int quote_len;         /* PYT_STRING: 1 or 3 */
	size_t prefix_len;     /* PYT_STRING: bytes of prefix before the quotes */
};

struct py_toks {
	struct py_tok *v; /* tokens ending with PYT_EOF; heap (free with py_toks_free) */
	size_t n;         /* their number */
	size_t cap;       /* allocated */
};

/*
 * Tokenizes text[0..len) (text[len] == '\0') as Python's tokenizer does:
 * INDENT/DEDENT (with "unindent does not match any outer indentation
 * level"), NEWLINE only outside brackets, comments and blank lines dropped,
 * backslash continuation, every string form (f-string fields scanned with
 * nested quotes).  line0/col0 offset the positions (for f-string fields
 * parsed on their own; pass 1/1 and line_start = text otherwise).
 * ERR_INPUT with file:line:col on failure; the array is freed then.
 */
int py_lex(const char *file, const char *text, size_t len, struct py_toks *out, struct err *e);
/* Like py_lex for a fragment (an f-string field) at line/col of a bigger file:
 * no INDENT/DEDENT/NEWLINE, NUL/UTF-8 checks skipped (done for the file). */
int py_lex_fragment(const char *file, const char *text, size_t len, int line, int col,
		    struct py_toks *out, struct err *e);
void py_toks_free(struct py_toks *t);

/* Appends the value of a str/bytes literal token (escapes decoded, CRLF read
 * as LF) to b.  Not for f-strings.  ERR_INPUT at the token on a bad escape. */
int py_str_decode(const char *file, const struct py_tok *t, struct buf *b, struct err *e);
/* Length of an f-string replacement field starting just after its '{' at
 * p (up to end), its closing '}' included; 0 if unterminated.  *expr_len is
 * the length of its expression part (up to the ':' of a format spec). */
size_t py_lex_field_len(const char *p, const char *end, size_t *expr_len);
/* Decodes a piece of a non-raw literal body src[0..n) (f-string text parts). */
int py_str_decode_piece(const char *file, int line, int col, const char *src, size_t n, bool raw,
			struct buf *b, struct err *e);

/* ---- expressions ---- */

enum py_expr_kind {
	PYE_NAME,      /* s: identifier */
	PYE_NONE,      /* None */
	PYE_TRUE,      /* True */
	PYE_FALSE,     /* False */
	PYE_ELLIPSIS,  /* ... */
	PYE_INT,       /* s: literal text; i: value when is_big is false */
	PYE_FLOAT,     /* s: literal text; f: value (imaginary literals: is_imag) */
	PYE_STR,       /* s[0..len): decoded value (implicit concatenation joined) */
	PYE_BYTES,     /* s[0..len): decoded bytes */
	PYE_FSTR,      /* v[0..n): PYE_STR pieces and PYE_FIELD fields, in order */
	PYE_FIELD,     /* f-string field: a the expression, conv 'r'/'s'/'a' or 0,
			  b the format spec (PYE_FSTR) or NULL */
	PYE_ATTR,      /* a.s */
	PYE_CALL,      /* a(v[0..n) positional (PYE_STARRED for *x), kw[0..n_kw)) */
	PYE_SUBSCRIPT, /* a[b] */
	PYE_SLICE,     /* a:b:c inside a subscript (each may be NULL) */
	PYE_TUPLE,     /* v[0..n) */
	PYE_LIST,      /* v[0..n) */
	PYE_SET,       /* v[0..n) */
	PYE_DICT,      /* keys v[0..n) -> vals w[0..n); a NULL key is **w[i] */
	PYE_LISTCOMP,  /* [a for ...]: gens */
	PYE_SETCOMP,   /* {a for ...} */
	PYE_DICTCOMP,  /* {a: b for ...} */
	PYE_GENEXP,    /* (a for ...) */
	PYE_UNARY,     /* s: "-", "+", "~", "not"; a the operand */
	PYE_BINOP,     /* a s b; s one of + - * / // % ** @ << >> & | ^ */
	PYE_BOOLOP,    /* s "and"/"or" over v[0..n) */
	PYE_COMPARE,   /* v[0] ops[0] v[1] ops[1] v[2] ...: n operands, n-1 ops */
	PYE_IFEXP,     /* a if b else c */
	PYE_LAMBDA,    /* lambda params: a */
	PYE_STARRED,   /* *a */
	PYE_NAMED,     /* s := a */
	PYE_YIELD,     /* yield a / yield from a (is_from) */
	PYE_AWAIT,     /* await a */
};

struct py_expr;

struct py_keyword {
	const char *key;             /* keyword, or NULL for **value */
	const struct py_expr *value; /* argument */
	int line;                    /* position of the keyword (or of "**") */
	int col;                     /* its column */
};

struct py_comp {
	const struct py_expr *target; /* for TARGET */
	const struct py_expr *iter;   /* in ITER */
	const struct py_expr **ifs;   /* if conditions */
	size_t n_ifs;                 /* their number */
	bool is_async;                /* async for */
};

struct py_param {
	const char *name;           /* parameter name */
	const struct py_expr *dflt; /* default value or NULL */
	const struct py_expr *ann;  /* annotation or NULL */
	int star;                   /* 0 plain, 1 *args, 2 **kw; 3 a bare "*" or "/" marker */
	int line;                   /* position */
	int col;                    /* its column */
};

struct py_expr {
	enum py_expr_kind kind; /* which fields below mean something */
	int line;               /* 1-based line of the first token */
	int col;                /* 1-based byte column of the first token */
	int op_line;            /* BINOP/UNARY/COMPARE/ATTR/CALL/SUBSCRIPT: operator's line */
	int op_col;             /* ... and column (e.g. the '+' or the '.') */
	const char *s;          /* see the kinds */
	size_t len;             /* PYE_STR/PYE_BYTES: length in bytes */
	long long i;            /* PYE_INT value */
	bool is_big;            /* PYE_INT does not fit long long */
	bool is_imag;           /* PYE_FLOAT: imaginary literal (1j) */
	bool is_from;           /* PYE_YIELD: yield from */
	bool is_paren;          /* written inside its own parentheses */
	int paren_line;         /* is_paren: line of the '(' */
	int paren_col;          /* ... and its column */
	char conv;              /* PYE_FIELD conversion: 'r', 's', 'a' or 0 */
	double f;               /* PYE_FLOAT value */
	const char *bad;        /* PYE_STR/PYE_BYTES whose value cannot be held (a NUL, a
					  surrogate, \N{...}): why; reported where it is used */
	const struct py_expr *a, *b, *c; /* operands, see the kinds */
	const struct py_expr **v;        /* items / positional args / operands */
	size_t n;                        /* their number */
	const struct py_expr **w;        /* PYE_DICT values */
	const char **ops;                /* PYE_COMPARE: "==", "!=", "<", "<=", ">", ">=", "in",
					  "not in", "is", "is not" (n - 1 of them) */
	const struct py_keyword *kw;     /* PYE_CALL keyword arguments in written order */
	size_t n_kw;                     /* their number */
	const struct py_comp *gens;      /* comprehensions: the for clauses */
	size_t n_gens;                   /* their number */
	const struct py_param *params;   /* PYE_LAMBDA parameters */
	size_t n_params;                 /* their number */
};

/* ---- statements ---- */

enum py_stmt_kind {
	PYS_EXPR,      /* value */
	PYS_ASSIGN,    /* targets[0] = targets[1] = ... = value */
	PYS_AUGASSIGN, /* target op= value; op in s ("+", "-", ...) */
	PYS_ANNASSIGN, /* target: ann [= value] */
	PYS_IMPORT,    /* import names (module as alias) */
	PYS_FROM,      /* from module (level dots) import names */
	PYS_DEF,       /* def name(params) -> returns: body; decorators */
	PYS_CLASS,     /* class name(bases in args/kw): body; decorators */
	PYS_RETURN,    /* return [value] */
	PYS_PASS,      /* pass */
	PYS_BREAK,     /* break */
	PYS_CONTINUE,  /* continue */
	PYS_IF,        /* if test: body else orelse (elif: orelse holds one PYS_IF) */
	PYS_FOR,       /* for target in value: body else orelse */
	PYS_WHILE,     /* while test: body else orelse */
	PYS_WITH,      /* with items: body */
	PYS_RAISE,     /* raise [value [from cause]] */
	PYS_TRY,       /* try: body handlers else orelse finally finalbody */
	PYS_GLOBAL,    /* global names */
	PYS_NONLOCAL,  /* nonlocal names */
	PYS_DEL,       /* del targets */
	PYS_ASSERT,    /* assert test [, value] */
	PYS_OTHER,     /* a statement parsed but kept as words only (match): s */
};

struct py_stmt;

struct py_block {
	const struct py_stmt **v; /* statements in order */
	size_t n;                 /* their number */
};

struct py_alias {
	const char *name;   /* dotted module name (import) or imported name (from) */
	const char *asname; /* "as" name or NULL */
	int line;           /* position */
	int col;            /* its column */
};

struct py_with_item {
	const struct py_expr *ctx; /* the context manager expression */
	const struct py_expr *var; /* "as" target or NULL */
};

struct py_handler {
	const struct py_expr *type; /* except TYPE, or NULL for a bare except */
	const char *name;           /* as NAME or NULL */
	struct py_block body;       /* handler body */
	int line;                   /* line of "except" */
	int col;                    /* its column */
};

struct py_stmt {
	enum py_stmt_kind kind;       /* which fields below mean something */
	int line;                     /* 1-based line of the first token ("def"/"class"/"async"
					     for a decorated one, as Python's ast) */
	int col;                      /* 1-based column */
	const char *s;                /* PYS_AUGASSIGN operator; PYS_DEF/CLASS name; PYS_FROM
					     module ("" for "from . import"); PYS_OTHER keyword */
	int level;                    /* PYS_FROM: leading dots */
	bool is_async;                /* async def / async for / async with */
	const struct py_expr *target; /* AUGASSIGN/ANNASSIGN/FOR target */
	const struct py_expr *value;  /* EXPR/ASSIGN/AUG/ANN/RETURN/RAISE/FOR iterable/ASSERT msg */
	const struct py_expr *test;   /* IF/WHILE/ASSERT condition; RAISE cause */
	const struct py_expr *ann;    /* ANNASSIGN annotation; DEF return annotation */
	const struct py_expr **targets;    /* ASSIGN targets (n_targets >= 1); DEL targets;
					     CLASS bases; DEF/CLASS decorators in decos */
	size_t n_targets;                  /* their number */
	const struct py_expr **decos;      /* DEF/CLASS decorators */
	size_t n_decos;                    /* their number */
	const struct py_keyword *kw;       /* CLASS keywords (metaclass=...) */
	size_t n_kw;                       /* their number */
	const struct py_param *params;     /* DEF parameters */
	size_t n_params;                   /* their number */
	struct py_block body;              /* IF/FOR/WHILE/WITH/TRY/DEF/CLASS body */
	struct py_block orelse;            /* IF/FOR/WHILE/TRY else */
	struct py_block finalbody;         /* TRY finally */
	const struct py_with_item *items;  /* WITH items */
	size_t n_items;                    /* their number */
	const struct py_alias *names;      /* IMPORT/FROM names ("*" for a star import) */
	size_t n_names;                    /* their number; GLOBAL/NONLOCAL names are in here too */
	const struct py_handler *handlers; /* TRY except clauses */
	size_t n_handlers;                 /* their number */
};

/*
 * The name an import alias binds in its scope and the dotted name it stands
 * for, as Python binds them: import a.b -> a (for a); import a.b as c -> c (for
 * a.b); from m import n [as c] -> n or c (for m.n).  s is the PYS_IMPORT or
 * PYS_FROM statement holding al; strings are in a.
 */
void py_alias_binding(struct arena *a, const struct py_stmt *s, const struct py_alias *al,
		      const char **bind, const char **full);

struct py_module {
	const char *file;     /* file name given to py_parse_module */
	struct py_block body; /* module-level statements */
	const char *text;     /* the source (not copied) */
	size_t len;           /* its length */
};

#endif
