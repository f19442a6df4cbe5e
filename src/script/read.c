/*
 * read.c - reading one revision file into a struct script: the native SQL
 * format (header of "--" lines, -- migrate: sections) and Alembic's Python
 * files (through pyparse).  See script.h for both formats.
 */
#include "script/script.h"

#include "base/buf.h"
#include "base/fs.h"
#include "base/str.h"
#include "script/coding.h"
#include "py/py.h"
#include "script/pyparse.h"

/* ---- native SQL format ---- */

enum sql_marker {
	MARK_NONE,           /* not a marker line */
	MARK_UPGRADE,        /* -- migrate:upgrade */
	MARK_DOWNGRADE,      /* -- migrate:downgrade */
	MARK_NO_TRANSACTION, /* -- migrate:no-transaction */
	MARK_AUTOCOMMIT,     /* -- migrate:autocommit / -- migrate:end-autocommit (in a section;
				the runtime's splitter acts on them) */
	MARK_UNKNOWN,        /* -- migrate:<anything else> */
};

struct sql_reader {
	struct arena *a;  /* results */
	const char *file; /* path for errors */
	struct script *s; /* being filled */
	struct err *e;    /* error out */
	struct buf doc;   /* longdoc being collected */
	int line_id;      /* line of "Revision ID:" (0: none) */
	int line_revises; /* line of "Revises:" */
	int line_labels;  /* line of "Branch Labels:" */
	int line_deps;    /* line of "Depends On:" */
};

/* One line of text: [p, p+n) without its line break. */
struct line {
	const char *p;    /* start */
	size_t n;         /* length without "\n" / "\r\n" */
	const char *next; /* start of the following line */
};

static bool next_line(const char *p, const char *end, struct line *l)
{
	const char *nl;

	if (p >= end)
		return false;
	nl = memchr(p, '\n', (size_t)(end - p));
	l->p = p;
	l->n = (size_t)((nl ? nl : end) - p);
	l->next = nl ? nl + 1 : end;
	if (l->n && p[l->n - 1] == '\r')
		l->n--;
	return true;
}

static enum sql_marker sql_marker(const struct line *l)
{
	struct slice s = slice_strip((struct slice){l->p, l->n});

	if (s.n < 11 || memcmp(s.p, "-- migrate:", 11))
		return MARK_NONE;
	if (slice_eq(s, "-- migrate:upgrade"))
		return MARK_UPGRADE;
	if (slice_eq(s, "-- migrate:downgrade"))
		return MARK_DOWNGRADE;
	if (slice_eq(s, "-- migrate:no-transaction"))
		return MARK_NO_TRANSACTION;
	if (slice_eq(s, "-- migrate:autocommit") || slice_eq(s, "-- migrate:end-autocommit"))
		return MARK_AUTOCOMMIT;
	return MARK_UNKNOWN;
}

static int sql_error(struct sql_reader *r, int line, const char *msg)
{
	return err_at(r->e, ERR_INPUT, r->file, line, "%s", msg);
}

/* Splits a comma-separated field value into items; "" gives none. */
static int sql_list(struct sql_reader *r, struct slice v, int line, const char *field,
		    struct strvec *out)
{
	v = slice_strip(v);
	while (v.n) {
		const char *comma = memchr(v.p, ',', v.n);
		struct slice item = {v.p, comma ? (size_t)(comma - v.p) : v.n};
		item = slice_strip(item);
		if (!item.n)
			return err_at(r->e, ERR_INPUT, r->file, line,
				      "malformed '%s' line: empty item", field);
		for (size_t i = 0; i < item.n; i++)
			if (str_isspace(item.p[i]))
				return err_at(r->e, ERR_INPUT, r->file, line,
					      "malformed '%s' line: '%.*s' contains white space",
					      field, (int)item.n, item.p);
		strvec_push(r->a, out, slice_dup(r->a, item));
		if (!comma)
			break;
		v.n -= (size_t)(comma + 1 - v.p);
		v.p = comma + 1;
		if (!slice_strip(v).n)
			return err_at(r->e, ERR_INPUT, r->file, line,
				      "malformed '%s' line: empty item", field);
	}
	return 0;
}

static bool field_value(struct slice content, const char *name, struct slice *value)
{
	size_t n = strlen(name);

	if (content.n < n || memcmp(content.p, name, n))
		return false;
	value->p = content.p + n;
	value->n = content.n - n;
	return true;
}

/* Records the field on header line content (if it is one); returns -1 on a malformed field. */
static int sql_field(struct sql_reader *r, struct slice content, int line, bool *keep_in_doc)
{
	struct slice v;
	int *seen = NULL;
	const char *name = NULL;
	struct strvec *list = NULL;

	*keep_in_doc = true;
	if (field_value(content, "Revision ID:", &v))
		seen = &r->line_id, name = "Revision ID";
	else if (field_value(content, "Revises:", &v))
		seen = &r->line_revises, name = "Revises", list = &r->s->down;
	else if (field_value(content, "Branch Labels:", &v))
		seen = &r->line_labels, name = "Branch Labels", list = &r->s->labels;
	else if (field_value(content, "Depends On:", &v))
		seen = &r->line_deps, name = "Depends On", list = &r->s->deps;
	else
		return 0;
	if (*seen)
		return err_at(r->e, ERR_INPUT, r->file, line,
			      "duplicate '%s' line (first on line %d)", name, *seen);
	*seen = line;
	*keep_in_doc = !(list == &r->s->labels || list == &r->s->deps);
	if (list)
		return sql_list(r, v, line, name, list);
	v = slice_strip(v);
	if (!v.n)
		return sql_error(r, line, "malformed 'Revision ID' line: empty revision id");
	for (size_t i = 0; i < v.n; i++)
		if (str_isspace(v.p[i]) || v.p[i] == ',')
			return sql_error(r, line,
					 "malformed 'Revision ID' line: one revision id expected");
	r->s->id = slice_dup(r->a, v);
	return 0;
}

/* Reads the header block; *p moves to the first line after it, *line to its number. */
static int sql_header(struct sql_reader *r, const char **p, const char *end, int *line)
{
	struct line l;
	bool first = true;

	/* an unknown "-- migrate:x" line here is header text (a message may start
	 * with "migrate:"); only the three markers end the header */
	while (next_line(*p, end, &l) && l.n >= 2 && !memcmp(l.p, "--", 2) &&
	       (sql_marker(&l) == MARK_NONE || sql_marker(&l) == MARK_UNKNOWN)) {
		struct slice content = {l.p + 2, l.n - 2};
		bool keep;
		if (content.n && content.p[0] == ' ')
			content.p++, content.n--;
		if (sql_field(r, content, *line, &keep))
			return -1;
		if (keep) {
			if (!first)
				buf_addch(&r->doc, '\n');
			buf_add(&r->doc, content.p, content.n);
			first = false;
		}
		*p = l.next;
		(*line)++;
	}
	if (!r->line_id)
		return sql_error(r, 1, "missing '-- Revision ID:' header line");
	if (!r->line_revises)
		return sql_error(r, 1, "missing '-- Revises:' header line");
	return 0;
}

static void sql_close_section(struct sql_reader *r, struct script_section *sec, const char *from,
			      const char *to)
{
	if (sec && sec->present)
		sec->text = arena_strndup(r->a, from, (size_t)(to - from));
}

/* The body after the header: markers and the two sections. */
static int sql_sections(struct sql_reader *r, const char *p, const char *end, int line)
{
	struct script_section *cur = NULL;
	const char *body = p;
	struct line l;

	for (; next_line(p, end, &l); p = l.next, line++) {
		enum sql_marker m = sql_marker(&l);
		struct script_section *sec = m == MARK_UPGRADE     ? &r->s->upgrade
					     : m == MARK_DOWNGRADE ? &r->s->downgrade
								   : NULL;
		if (m == MARK_NONE) {
			struct slice t = slice_strip((struct slice){l.p, l.n});
			if (!cur && t.n && !(t.n >= 2 && !memcmp(t.p, "--", 2)))
				return sql_error(r, line, "SQL before '-- migrate:upgrade'");
			continue;
		}
		if (m == MARK_AUTOCOMMIT) {
			if (!cur)
				return sql_error(r, line,
						 "'-- migrate:autocommit' blocks belong inside the "
						 "upgrade or downgrade section");
			continue; /* section text: the splitter reads it */
		}
		if (m == MARK_UNKNOWN)
			return err_at(r->e, ERR_INPUT, r->file, line, "unknown marker '%.*s'",
				      (int)slice_strip((struct slice){l.p, l.n}).n, l.p);
		if (m == MARK_NO_TRANSACTION) {
			if (cur)
				return sql_error(r, line,
						 "'-- migrate:no-transaction' must come before "
						 "'-- migrate:upgrade'");
			r->s->is_no_transaction = true;
			continue;
		}
		if (sec->present)
			return err_at(r->e, ERR_INPUT, r->file, line, "duplicate '%.*s' section",
				      (int)slice_strip((struct slice){l.p, l.n}).n, l.p);
		if (m == MARK_UPGRADE && r->s->downgrade.present)
			return sql_error(r, line,
					 "'-- migrate:upgrade' must come before "
					 "'-- migrate:downgrade'");
		sql_close_section(r, cur, body, l.p);
		cur = sec;
		cur->present = true;
		cur->first_line = line + 1;
		body = l.next;
	}
	sql_close_section(r, cur, body, end);
	return 0;
}

static int parse_sql(struct arena *a, struct script *s, const char *text, size_t len, struct err *e)
{
	struct sql_reader r = {0};
	const char *p = text, *end = text + len;
	int line = 1, rc;

	r.a = a;
	r.file = s->path;
	r.s = s;
	r.e = e;
	if (len >= 3 && !memcmp(p, "\xef\xbb\xbf", 3))
		p += 3;
	rc = sql_header(&r, &p, end, &line);
	if (rc == 0)
		rc = sql_sections(&r, p, end, line);
	if (rc == 0) {
		const char *sep;
		s->longdoc = pyparse_strip(a, buf_cstr(&r.doc), r.doc.len);
		sep = strstr(s->longdoc, "\n\n");
		s->doc =
			sep ? arena_strndup(a, s->longdoc, (size_t)(sep - s->longdoc)) : s->longdoc;
	}
	buf_release(&r.doc);
	return rc;
}

/* Rejects NUL bytes and invalid UTF-8, naming the line. */
static int check_text(const char *file, const char *text, size_t len, struct err *e)
{
	const char *p = text, *end = text + len;
	int line = 1;

	while (p < end) {
		unsigned cp;
		size_t n = str_utf8_decode(p, end, &cp);
		if (!n)
			return err_at(e, ERR_INPUT, file, line, "invalid UTF-8 in file");
		if (cp == 0)
			return err_at(e, ERR_INPUT, file, line, "NUL byte in file");
		line += cp == '\n';
		p += n;
	}
	return 0;
}

/* ---- Alembic Python files ---- */

static void pyval_to_vec(const struct pyval *v, struct strvec *out)
{
	if (v->kind == PYVAL_STR || v->kind == PYVAL_SEQ)
		*out = v->items;
}

/* base.py _legacy_rev: "^([a-f0-9]+)\.py$" */
static bool legacy_rev_name(const char *filename)
{
	size_t n = strlen(filename), i;

	if (n <= 3 || strcmp(filename + n - 3, ".py"))
		return false;
	for (i = 0; i < n - 3; i++)
		if (!((filename[i] >= '0' && filename[i] <= '9') ||
		      (filename[i] >= 'a' && filename[i] <= 'f')))
			return false;
	return true;
}

/* base.py Script._from_filename, with the module read instead of executed. */
static int parse_py(struct arena *a, struct script *s, const char *text, size_t len, struct err *e)
{
	struct pyparse_result r;
	const char *sep;

	if (coding_decode(a, s->path, text, len, &text, &len, e) || /* PEP 263 */
	    pyparse_module(a, s->path, text, len, &r, e))
		return -1;
	if (r.revision.kind == PYVAL_ABSENT) {
		if (!legacy_rev_name(s->filename))
			return err_at(
				e, ERR_COMMAND, s->path, 0,
				"Could not determine revision id from filename %s. Be sure the "
				"'revision' variable is declared inside the script (please see "
				"'Upgrading from Alembic 0.1 to 0.2' in the documentation).",
				s->filename);
		s->id = arena_strndup(a, s->filename, strlen(s->filename) - 3);
	} else if (r.revision.kind != PYVAL_STR) {
		err_at(e, ERR_INPUT, s->path, r.revision.line, "revision is not a string literal");
		e->col = r.revision.col;
		return -1;
	} else {
		s->id = r.revision.items.v[0];
	}
	if (r.down_revision.kind == PYVAL_ABSENT)
		return err_at(e, ERR_INPUT, s->path, 0, "down_revision is not defined");
	if (!(r.down_revision.kind == PYVAL_STR && !*r.down_revision.items.v[0]))
		pyval_to_vec(&r.down_revision, &s->down);
	pyval_to_vec(&r.branch_labels, &s->labels);
	pyval_to_vec(&r.depends_on, &s->deps);
	s->longdoc = r.doc ? pyparse_strip(a, r.doc, strlen(r.doc)) : "";
	sep = strstr(s->longdoc, "\n\n");
	s->doc = sep ? arena_strndup(a, s->longdoc, (size_t)(sep - s->longdoc)) : s->longdoc;
	s->upgrade = r.upgrade;
	s->downgrade = r.downgrade;
	return 0;
}

int script_parse(struct arena *a, const char *dir, const char *filename, const char *text,
		 size_t len, struct script **out, struct err *e)
{
	struct script *s = arena_alloc(a, sizeof(*s));

	s->dir = dir;
	s->filename = filename;
	s->path = fs_join(a, dir, filename);
	s->text = text;
	s->text_len = len;
	s->format = str_endswith(filename, ".sql") ? SCRIPT_SQL : SCRIPT_PY;
	if (s->format == SCRIPT_SQL) {
		if (check_text(s->path, text, len, e) || parse_sql(a, s, text, len, e))
			return -1;
	} else if (parse_py(a, s, text, len, e)) {
		return -1;
	}
	*out = s;
	return 0;
}

int script_module(struct arena *a, const struct script *s, const struct py_module **out,
		  struct err *e)
{
	struct py_module *m;
	const char *text;
	size_t len;

	if (s->format != SCRIPT_PY)
		return err_at(e, ERR_INPUT, s->path, 0, "not a Python revision");
	/* the same PEP 263 decoding as script_parse, so the runtime parses what was read */
	if (coding_decode(a, s->path, s->text, s->text_len, &text, &len, e) ||
	    py_parse_module(a, s->path, text, len, &m, e))
		return -1;
	*out = m;
	return 0;
}

int script_read(struct arena *a, const char *dir, const char *filename, struct script **out,
		struct err *e)
{
	char *path = fs_join(a, dir, filename), *text;
	size_t len;

	if (fs_read_file(a, path, &text, &len, e))
		return -1;
	return script_parse(a, dir, filename, text, len, out, e);
}
