/*
 * ini.h - an .ini parser with the semantics of Python's
 * configparser.ConfigParser as Alembic uses it (Python 3.11 _read(),
 * BasicInterpolation), plus our ${VAR} / ${VAR:-default} expansion.
 *
 * Parsing (ConfigParser defaults: delimiters '=' and ':', comment prefixes
 * '#' and ';' on their own line only, strict, empty lines kept in values):
 *   - lines end at "\n", "\r\n" or "\r" (Python's universal newlines);
 *   - "[name]" opens a section (the name is what lies between the first '['
 *     and the last ']', unstripped); "[DEFAULT]" holds keys visible in every
 *     section and may appear more than once;
 *   - "key = value" / "key: value": the first '=' or ':' splits; the key is
 *     right-stripped and lower-cased (ASCII), the value stripped;
 *   - a line indented deeper than its key's line continues the value (joined
 *     with "\n"); blank lines inside a value are kept, trailing ones dropped;
 *   - a line whose stripped text starts with '#' or ';' is a comment, even
 *     inside a value; text after a value (" # like this") IS the value;
 *   - white space is Python's (str.isspace(): ASCII and Unicode spaces).
 * Errors (ERR_INPUT, e->file = path, e->line = the line): no section header
 * before the first key, a duplicate section or key, a line that is neither,
 * a NUL byte, invalid UTF-8.  A UTF-8 byte order mark is skipped (Python
 * would refuse the file).
 *
 * Values (ini_get): BasicInterpolation ("%(key)s" from the same section and
 * [DEFAULT], including the built-in "here"; "%%" -> "%"; depth limit 10),
 * then environment expansion ("${VAR}", "${VAR:-default}" when VAR is unset
 * or empty, "$$" -> "$"; a lone '$' stays).  The built-in "here" is a
 * literal: '%' and '$' in the ini's directory are never expanded.
 *
 * Everything lives in the arena given to ini_parse(); the file's bytes and
 * per-line data are kept so the file can be rewritten (config_set_value).
 */
#ifndef CONFIG_INI_H
#define CONFIG_INI_H

#include <stdbool.h>
#include <stddef.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/vec.h"

enum ini_line_kind {
	INI_BLANK,        /* empty or white space only */
	INI_COMMENT,      /* stripped text starts with '#' or ';' */
	INI_SECTION,      /* "[name]" */
	INI_OPTION,       /* "key = value" */
	INI_CONTINUATION, /* more text of the previous key's value */
};

struct ini_line {
	size_t off;              /* byte offset of the line in ini.text */
	size_t len;              /* length without the line terminator */
	size_t eol;              /* terminator length: 0 (last line), 1 or 2 */
	enum ini_line_kind kind; /* what the parser made of the line */
};

struct ini_entry {
	const char *key; /* lower-cased option name */
	const char *raw; /* value before interpolation ("\n"-joined lines) */
	int line;        /* 1-based line of "key = value"; 0 for built-in "here" */
	int last_line;   /* last line holding text of the value (>= line) */
	bool is_literal; /* built-in default: inserted verbatim, never expanded */
};

struct ini_section {
	const char *name;          /* as written between '[' and ']' */
	int line;                  /* 1-based header line; 0 for [DEFAULT] */
	int end_line;              /* last line before the next header or EOF */
	struct ini_entry *entries; /* in file order */
	size_t n;                  /* number of entries */
	size_t cap;                /* allocated entries */
};

struct ini {
	const char *path;              /* file name used in messages */
	const char *text;              /* the file's bytes (NUL-terminated copy) */
	size_t len;                    /* their number */
	struct ini_line *lines;        /* lines[i] is line i + 1 */
	size_t n_lines;                /* number of lines */
	struct ini_section **sections; /* sections in file order, [DEFAULT] excluded */
	size_t n_sections;             /* number of sections */
	size_t cap_sections;           /* allocated slots */
	struct ini_section defaults;   /* [DEFAULT] keys, built-in "here" first */
};

/* Maximum length of a value after interpolation and expansion. */
#define INI_VALUE_MAX ((size_t)1 << 20)

/*
 * Parses text (len bytes; need not be NUL-terminated) read from path (used
 * in messages only).  here is the value of the built-in default "here"
 * (NULL: "").  Returns 0 and *out, or -1 with e filled (ERR_INPUT).
 */
int ini_parse(struct arena *a, const char *path, const char *text, size_t len, const char *here,
	      struct ini **out, struct err *e);

/* Reads path and parses it as ini_parse() does (ERR_IO if unreadable). */
int ini_load(struct arena *a, const char *path, const char *here, struct ini **out, struct err *e);

/* The named section (ConfigParser.has_section: never [DEFAULT]); NULL if absent. */
const struct ini_section *ini_section(const struct ini *ini, const char *name);

/* The entry for key (any case) in section, else in [DEFAULT]; NULL if neither
 * has it.  section NULL looks in [DEFAULT] only. */
const struct ini_entry *ini_lookup(const struct ini *ini, const char *section, const char *key);

/*
 * Value of key in section after interpolation and ${VAR} expansion
 * (ConfigParser.get).  Returns NULL with e untouched when the key is absent
 * (e->code stays what it was), or NULL with e filled (ERR_INPUT, the key's
 * file:line) when the value cannot be expanded.
 */
char *ini_get(struct arena *a, const struct ini *ini, const char *section, const char *key,
	      struct err *e);

/* As ini_get for an entry already looked up in section. */
char *ini_expand_entry(struct arena *a, const struct ini *ini, const char *section,
		       const struct ini_entry *ent, struct err *e);

/* As ini_expand_entry, also appending to vars (when not NULL) the name of
 * each environment variable a ${VAR} reference looks up, once, in order. */
char *ini_expand_entry_vars(struct arena *a, const struct ini *ini, const char *section,
			    const struct ini_entry *ent, struct strvec *vars, struct err *e);

/*
 * What ConfigParser.get returns for a value set with ConfigParser.set
 * (Alembic's config.set_main_option): value after BasicInterpolation only
 * ("%%" -> "%", "%(key)s" from section and [DEFAULT]; no ${VAR}).
 * (differs) a '%' that starts neither "%%" nor "%(" is kept as it is, where
 * Python raises ValueError "invalid interpolation syntax" (with a traceback
 * showing the value): percent-encoded URLs from the environment
 * ("p%40ss", "s3cret%20pw") work, and no such URL holds "%%" or "%(".
 * NULL with e set (ERR_INPUT at path:line, for key) for a bad "%(key)s".
 */
char *ini_interpolate_value(struct arena *a, const struct ini *ini, const char *section,
			    const char *key, const char *value, const char *path, int line,
			    struct err *e);

/* Python repr() of a str: 'text' (or "text" if it holds ' but not "), with
 * backslash escapes for control and non-printable characters. */
char *ini_repr(struct arena *a, const char *s);

#endif
