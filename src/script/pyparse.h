/*
 * pyparse.h - what script reading takes from an Alembic revision module,
 * read off the Python front end's syntax tree (src/py/py.h: the whole file
 * is parsed, so a Python syntax error anywhere is ERR_INPUT with file, line
 * and column):
 *   - the module docstring (first statement, plain string literals only);
 *   - the last module-level assignment, optionally annotated, to revision,
 *     down_revision, branch_labels and depends_on, whose values may be None,
 *     a string (all literal forms, implicit concatenation) or a tuple/list of
 *     strings;
 *   - the bodies of def upgrade() / def downgrade(): a body made only of
 *     pass, docstrings, comments and op.execute(<string>) /
 *     op.execute(sa.text(<string>)) / op.execute(text(<string>)) yields its
 *     statements; anything else yields a refusal naming the construct (the
 *     file still loads: only running that body is refused, by src/run).
 * Statements nested in blocks are not looked at.  A value that is not a
 * literal, a bad escape in one, NUL bytes or invalid UTF-8 are ERR_INPUT.
 */
#ifndef SCRIPT_PYPARSE_H
#define SCRIPT_PYPARSE_H

#include <stdbool.h>
#include <stddef.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/vec.h"
#include "script/script.h"

enum pyval_kind {
	PYVAL_ABSENT, /* never assigned at module level */
	PYVAL_NONE,   /* None */
	PYVAL_STR,    /* one string: items.v[0] */
	PYVAL_SEQ,    /* a tuple or list of strings (possibly empty) */
};

struct pyval {
	enum pyval_kind kind; /* what was assigned last */
	struct strvec items;  /* the string(s), decoded, in order */
	int line;             /* 1-based line of the assignment's value */
	int col;              /* 1-based byte column of the value */
};

struct pyparse_result {
	const char *doc;                 /* module docstring, decoded, unstripped; NULL if none */
	struct pyval revision;           /* revision = ... */
	struct pyval down_revision;      /* down_revision = ... */
	struct pyval branch_labels;      /* branch_labels = ... */
	struct pyval depends_on;         /* depends_on = ... */
	struct script_section upgrade;   /* def upgrade(): statements or refusal */
	struct script_section downgrade; /* def downgrade(): likewise */
};

/*
 * Reads text[0..len) (text[len] must be '\0') as a revision module; file is
 * used in error messages only.  On success fills *out (arena-owned) and
 * returns 0; on failure returns -1 with e set (ERR_INPUT, file/line/col).
 */
int pyparse_module(struct arena *a, const char *file, const char *text, size_t len,
		   struct pyparse_result *out, struct err *e);

/* Copy of s[0..n) without leading/trailing white space as Python's
 * str.strip() sees it (ASCII white space, \x1c-\x1f and Unicode spaces). */
char *pyparse_strip(struct arena *a, const char *s, size_t n);

#endif
