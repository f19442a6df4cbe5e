/*
 * write.c - generating a new revision file (base.py
 * ScriptDirectory.generate_revision and _rev_path): choosing the version
 * directory, rendering script.sql.tmpl (our ${name} placeholders) or
 * script.py.mako (the constructs of Alembic's generic templates, evaluated
 * here without Mako), writing exclusively and reading the result back.
 */
#include "script/script.h"

#include "base/buf.h"
#include "base/fs.h"
#include "base/str.h"
#include "config/init.h"

enum script_format script_default_format(const struct config *c)
{
	if (c->revision_format)
		return strcmp(c->revision_format, "py") ? SCRIPT_SQL : SCRIPT_PY;
	if (c->script_location) {
		struct arena a = ARENA_INIT;
		bool py = !fs_exists(fs_join(&a, c->script_location, "script.sql.tmpl")) &&
			  fs_exists(fs_join(&a, c->script_location, "script.py.mako"));
		arena_release(&a);
		if (py)
			return SCRIPT_PY;
	}
	return SCRIPT_SQL;
}

/* ---- Python values as the templates see them ---- */

enum pyobj_kind {
	OBJ_UNDEFINED, /* not passed to the template (Mako UNDEFINED) */
	OBJ_NONE,      /* None */
	OBJ_STR,       /* str: items.v[0] */
	OBJ_TUPLE,     /* tuple of str */
	OBJ_LIST,      /* list of str (generate_revision passes depends_on as a list) */
	OBJ_DATE,      /* datetime: items.v[0] is its str() */
};

struct pyobj {
	enum pyobj_kind kind; /* type */
	struct strvec items;  /* contents */
};

static struct pyobj obj_str(struct arena *a, const char *s)
{
	struct pyobj o = {s ? OBJ_STR : OBJ_UNDEFINED, STRVEC_INIT};

	if (s)
		strvec_push(a, &o.items, s);
	return o;
}

/* revision.py tuple_rev_as_scalar: () -> None, (x,) -> x, else the tuple. */
static struct pyobj obj_scalar(const struct strvec *v)
{
	struct pyobj o = {v->n == 0 ? OBJ_NONE : v->n == 1 ? OBJ_STR : OBJ_TUPLE, *v};
	return o;
}

static bool obj_truthy(const struct pyobj *o)
{
	return (o->kind == OBJ_STR && *o->items.v[0]) ||
	       ((o->kind == OBJ_TUPLE || o->kind == OBJ_LIST) && o->items.n) || o->kind == OBJ_DATE;
}

/* Python repr(str): single quotes unless the text has ' and no ". */
static void repr_str(struct buf *b, const char *s)
{
	char q = strchr(s, '\'') && !strchr(s, '"') ? '"' : '\'';
	const unsigned char *p = (const unsigned char *)s;

	buf_addch(b, q);
	for (; *p; p++) {
		unsigned c = *p;
		if (c == (unsigned char)q || c == '\\')
			buf_addf(b, "\\%c", c);
		else if (c == '\n')
			buf_adds(b, "\\n");
		else if (c == '\r')
			buf_adds(b, "\\r");
		else if (c == '\t')
			buf_adds(b, "\\t");
		else if (c < 0x20 || c == 0x7f)
			buf_addf(b, "\\x%02x", c);
		else if (c == 0xC2 && p[1] >= 0x80 && p[1] <= 0xA0) /* C1 controls, NBSP */
			buf_addf(b, "\\x%02x", *++p);
		else if (c == 0xC2 && p[1] == 0xAD) /* soft hyphen */
			buf_addf(b, "\\x%02x", *++p);
		else
			buf_addch(b, (int)c);
	}
	buf_addch(b, q);
}

static void obj_repr(struct buf *b, const struct pyobj *o)
{
	if (o->kind == OBJ_NONE) {
		buf_adds(b, "None");
	} else if (o->kind == OBJ_STR) {
		repr_str(b, o->items.v[0]);
	} else {
		buf_addch(b, o->kind == OBJ_LIST ? '[' : '(');
		for (size_t i = 0; i < o->items.n; i++) {
			if (i)
				buf_adds(b, ", ");
			repr_str(b, o->items.v[i]);
		}
		if (o->items.n == 1 && o->kind == OBJ_TUPLE)
			buf_addch(b, ',');
		buf_addch(b, o->kind == OBJ_LIST ? ']' : ')');
	}
}

/* Python str(obj). */
static void obj_str_into(struct buf *b, const struct pyobj *o)
{
	if (o->kind == OBJ_STR || o->kind == OBJ_DATE)
		buf_adds(b, o->items.v[0]);
	else
		obj_repr(b, o);
}

/* messaging.py format_as_comma */
static void obj_comma(struct buf *b, const struct pyobj *o)
{
	if (o->kind == OBJ_NONE)
		return;
	if (o->kind == OBJ_STR || o->kind == OBJ_DATE) {
		buf_adds(b, o->items.v[0]);
		return;
	}
	for (size_t i = 0; i < o->items.n; i++) {
		if (i)
			buf_adds(b, ", ");
		buf_adds(b, o->items.v[i]);
	}
}

/* The names a template may use. */
struct tmpl_vars {
	struct pyobj message;       /* -m, or "empty message" */
	struct pyobj up_revision;   /* the new id */
	struct pyobj down_revision; /* tuple_rev_as_scalar(parents) */
	struct pyobj branch_labels; /* util.to_tuple(label) */
	struct pyobj depends_on;    /* tuple_rev_as_scalar(resolved list): None, str or list */
	struct pyobj create_date;   /* the datetime (str() only) */
	struct pyobj imports;       /* autogenerate's imports (undefined here) */
	struct pyobj upgrades;      /* autogenerate's body (undefined: "pass") */
	struct pyobj downgrades;    /* likewise */
	const char *header_extra;   /* SQL templates only */
};

static const struct pyobj *var_lookup(const struct tmpl_vars *v, struct slice name)
{
	static const struct {
		const char *name;
		size_t off;
	} names[] = {
		{"message", offsetof(struct tmpl_vars, message)},
		{"up_revision", offsetof(struct tmpl_vars, up_revision)},
		{"down_revision", offsetof(struct tmpl_vars, down_revision)},
		{"branch_labels", offsetof(struct tmpl_vars, branch_labels)},
		{"depends_on", offsetof(struct tmpl_vars, depends_on)},
		{"create_date", offsetof(struct tmpl_vars, create_date)},
		{"imports", offsetof(struct tmpl_vars, imports)},
		{"upgrades", offsetof(struct tmpl_vars, upgrades)},
		{"downgrades", offsetof(struct tmpl_vars, downgrades)},
	};

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (slice_eq(name, names[i].name))
			return (const struct pyobj *)((const char *)v + names[i].off);
	return NULL;
}

static void build_vars(struct arena *a, const struct script_new *n, const struct script_target *t,
		       struct tmpl_vars *v)
{
	struct buf extra = BUF_INIT;

	memset(v, 0, sizeof(*v));
	v->message = obj_str(a, n->message ? n->message : "empty message");
	v->up_revision = obj_str(a, n->id);
	v->down_revision = obj_scalar(&n->down);
	v->branch_labels = obj_scalar(&n->labels);
	if (v->branch_labels.kind == OBJ_STR)
		v->branch_labels.kind = OBJ_TUPLE; /* util.to_tuple: always a tuple */
	v->depends_on = obj_scalar(&n->deps);
	if (v->depends_on.kind == OBJ_TUPLE)
		v->depends_on.kind = OBJ_LIST; /* resolved_depends_on is a list */
	v->create_date = obj_str(a, script_date_str(a, &t->date));
	v->create_date.kind = OBJ_DATE;
	v->imports = obj_str(a, n->imports);
	v->upgrades = obj_str(a, n->upgrades);
	v->downgrades = obj_str(a, n->downgrades);
	if (n->labels.n)
		buf_addf(&extra, "-- Branch Labels: %s", strvec_join(a, &n->labels, ", "));
	if (n->deps.n)
		buf_addf(&extra, "%s-- Depends On: %s", extra.len ? "\n" : "",
			 strvec_join(a, &n->deps, ", "));
	v->header_extra = buf_to_arena(&extra, a);
	buf_release(&extra);
}

/* ---- script.sql.tmpl ---- */

struct tmpl {
	const char *file; /* template path for errors ("<built-in>" for the default) */
	const char *p;    /* text */
	const char *end;  /* end of text */
	int line;         /* current line */
	struct buf *out;  /* rendered text */
	struct arena *a;  /* scratch */
	struct err *e;    /* error out */
};

/* Value of SQL placeholder name, or NULL if unknown. */
static const char *sql_value(struct tmpl *t, const struct tmpl_vars *v, struct slice name)
{
	struct buf b = BUF_INIT;
	const struct pyobj *o;
	char *s;

	if (slice_eq(name, "header_extra"))
		return v->header_extra;
	o = var_lookup(v, name);
	if (!o || o == &v->imports)
		return NULL;
	if (o->kind == OBJ_UNDEFINED)
		return "";
	if (o == &v->branch_labels || o == &v->down_revision || o == &v->depends_on)
		obj_comma(&b, o);
	else
		obj_str_into(&b, o);
	s = buf_to_arena(&b, t->a);
	buf_release(&b);
	return s;
}

/* Appends value, repeating the line's "--" prefix after each newline so a
 * multi-line message stays inside the comment header. */
static void sql_put(struct buf *out, const char *value, const char *line_start, size_t prefix_len)
{
	bool comment = prefix_len >= 2 && !memcmp(line_start, "--", 2);

	for (const char *p = value; *p; p++) {
		buf_addch(out, *p);
		if (*p == '\n' && comment)
			buf_adds(out, "-- ");
	}
}

/* One template line [p, nl) (nl at '\n' or end). */
static int sql_line(struct tmpl *t, const struct tmpl_vars *v, const char *p, const char *nl)
{
	const char *start = p;
	size_t line_out = t->out->len;
	bool only_placeholder = false;

	while (p < nl) {
		const char *d = memchr(p, '$', (size_t)(nl - p)), *close;
		struct slice name;
		const char *val;
		if (!d || d + 1 >= nl || d[1] != '{') {
			buf_add(t->out, p, (size_t)((d ? d + 1 : nl) - p));
			p = d ? d + 1 : nl;
			continue;
		}
		buf_add(t->out, p, (size_t)(d - p));
		close = memchr(d, '}', (size_t)(nl - d));
		if (!close)
			return err_at(t->e, ERR_COMMAND, t->file, t->line,
				      "Template %s line %d: unterminated '${'", t->file, t->line);
		name = slice_strip((struct slice){d + 2, (size_t)(close - d - 2)});
		val = sql_value(t, v, name);
		if (!val)
			return err_at(t->e, ERR_COMMAND, t->file, t->line,
				      "Template %s line %d: unknown placeholder '${%.*s}'", t->file,
				      t->line, (int)name.n, name.p);
		only_placeholder = d == start && close + 1 == nl && !*val;
		sql_put(t->out, val, start, (size_t)(d - start));
		p = close + 1;
	}
	if (only_placeholder && t->out->len == line_out)
		return 1; /* the line was just an empty placeholder: drop it */
	return 0;
}

static int render_sql(struct tmpl *t, const struct tmpl_vars *v)
{
	while (t->p < t->end) {
		const char *nl = memchr(t->p, '\n', (size_t)(t->end - t->p));
		const char *stop = nl ? nl : t->end;
		int rc = sql_line(t, v, t->p, stop);
		if (rc < 0)
			return -1;
		if (rc == 0 && nl)
			buf_addch(t->out, '\n');
		t->p = nl ? nl + 1 : t->end;
		t->line++;
	}
	return 0;
}

/* ---- script.py.mako: the generic templates' constructs ---- */

static int mako_error(struct tmpl *t, const char *what, struct slice s)
{
	return err_at(t->e, ERR_COMMAND, t->file, t->line,
		      "Template %s line %d: %s '%.*s' is not supported (only the constructs of "
		      "Alembic's generic script.py.mako are)",
		      t->file, t->line, what, (int)(s.n > 60 ? 60 : s.n), s.p);
}

static struct slice skip_ws(struct slice s)
{
	while (s.n && (*s.p == ' ' || *s.p == '\t'))
		s.p++, s.n--;
	return s;
}

/* Reads an identifier at the start of *s. */
static struct slice take_ident(struct slice *s)
{
	struct slice id = {s->p, 0};

	*s = skip_ws(*s);
	id.p = s->p;
	while (id.n < s->n && (str_isalnum(s->p[id.n]) || s->p[id.n] == '_'))
		id.n++;
	s->p += id.n;
	s->n -= id.n;
	return id;
}

static bool take_char(struct slice *s, char c)
{
	*s = skip_ws(*s);
	if (!s->n || *s->p != c)
		return false;
	s->p++, s->n--;
	return true;
}

/* A simple Python string literal ('...' or "...", \\ \' \" \n escapes) at the start of *s. */
static char *take_literal(struct tmpl *t, struct slice *s)
{
	struct buf b = BUF_INIT;
	char q, *r;

	*s = skip_ws(*s);
	if (!s->n || (*s->p != '"' && *s->p != '\''))
		return NULL;
	q = *s->p;
	s->p++, s->n--;
	while (s->n && *s->p != q) {
		if (*s->p == '\\' && s->n > 1) {
			s->p++, s->n--;
			buf_addch(&b, *s->p == 'n' ? '\n' : *s->p);
		} else {
			buf_addch(&b, *s->p);
		}
		s->p++, s->n--;
	}
	if (!s->n) {
		buf_release(&b);
		return NULL;
	}
	s->p++, s->n--;
	r = buf_to_arena(&b, t->a);
	buf_release(&b);
	return r;
}

/* expr := IDENT | repr(IDENT) | IDENT if IDENT else LITERAL  -> *o (str() applied for repr) */
static int mako_expr(struct tmpl *t, const struct tmpl_vars *v, struct slice expr, struct pyobj *o)
{
	struct slice s = expr, id = take_ident(&s), cond;
	const struct pyobj *val;
	char *lit;

	if (slice_eq(id, "repr") && take_char(&s, '(')) {
		struct buf b = BUF_INIT;
		id = take_ident(&s);
		val = var_lookup(v, id);
		if (!val || val->kind == OBJ_UNDEFINED || val->kind == OBJ_DATE ||
		    !take_char(&s, ')') || skip_ws(s).n)
			return mako_error(t, "expression", expr);
		obj_repr(&b, val);
		*o = obj_str(t->a, buf_to_arena(&b, t->a));
		buf_release(&b);
		return 0;
	}
	val = var_lookup(v, id);
	if (!val)
		return mako_error(t, "expression", expr);
	s = skip_ws(s);
	if (!s.n) {
		if (val->kind == OBJ_UNDEFINED)
			return err_at(t->e, ERR_COMMAND, t->file, t->line,
				      "Template %s line %d: '%.*s' is undefined", t->file, t->line,
				      (int)id.n, id.p);
		*o = *val;
		return 0;
	}
	if (!slice_eq(take_ident(&s), "if"))
		return mako_error(t, "expression", expr);
	cond = take_ident(&s);
	if (cond.n != id.n || memcmp(cond.p, id.p, id.n) || !slice_eq(take_ident(&s), "else"))
		return mako_error(t, "expression", expr);
	lit = take_literal(t, &s);
	if (!lit || skip_ws(s).n)
		return mako_error(t, "expression", expr);
	*o = obj_truthy(val) ? *val : obj_str(t->a, lit);
	return 0;
}

/* Applies Mako's default str filter (unless "n") and the named filters. */
static int mako_filters(struct tmpl *t, struct slice expr, struct slice filters, struct pyobj *o,
			struct buf *out)
{
	struct buf b = BUF_INIT;
	bool raw = false;

	for (struct slice f = filters, name; f.n;) {
		name = take_ident(&f);
		raw |= slice_eq(name, "n");
		take_char(&f, ',');
		if (!name.n)
			break;
	}
	if (!raw) {
		obj_str_into(&b, o);
		*o = obj_str(t->a, buf_to_arena(&b, t->a));
		buf_reset(&b);
	}
	for (struct slice f = filters, name; (name = take_ident(&f)).n; take_char(&f, ',')) {
		if (slice_eq(name, "n"))
			continue;
		if (slice_eq(name, "comma")) {
			obj_comma(&b, o);
		} else if (slice_eq(name, "str") || slice_eq(name, "trim")) {
			obj_str_into(&b, o);
		} else {
			buf_release(&b);
			return mako_error(t, "filter in", expr);
		}
		*o = obj_str(t->a, slice_eq(name, "trim") ? str_strip(t->a, buf_cstr(&b))
							  : buf_to_arena(&b, t->a));
		buf_reset(&b);
	}
	buf_release(&b);
	obj_str_into(out, o);
	return 0;
}

/* End of the ${...} starting at p ('$'), honouring quotes and braces; NULL if unterminated. */
static const char *expr_end(const char *p, const char *end)
{
	int depth = 0;
	char q = 0;

	for (p += 2; p < end; p++) {
		if (q) {
			if (*p == '\\')
				p++;
			else if (*p == q)
				q = 0;
		} else if (*p == '"' || *p == '\'') {
			q = *p;
		} else if (*p == '{') {
			depth++;
		} else if (*p == '}' && depth-- == 0) {
			return p;
		}
	}
	return NULL;
}

/* "${ ... }" at t->p: evaluates and appends it. */
static int mako_substitute(struct tmpl *t, const struct tmpl_vars *v)
{
	const char *close = expr_end(t->p, t->end), *bar;
	struct slice body, expr, filters = {"", 0};
	struct pyobj o;
	char q = 0;

	if (!close)
		return mako_error(t, "unterminated", (struct slice){t->p, 2});
	body = (struct slice){t->p + 2, (size_t)(close - t->p - 2)};
	for (bar = body.p; bar < close; bar++) {
		if (q && *bar == q)
			q = 0;
		else if (!q && (*bar == '"' || *bar == '\''))
			q = *bar;
		else if (!q && *bar == '|')
			break;
	}
	expr = slice_strip((struct slice){body.p, (size_t)(bar - body.p)});
	if (bar < close)
		filters = slice_strip((struct slice){bar + 1, (size_t)(close - bar - 1)});
	for (const char *c = body.p; c < close; c++)
		t->line += *c == '\n';
	if (mako_expr(t, v, expr, &o) || mako_filters(t, expr, filters, &o, t->out))
		return -1;
	t->p = close + 1;
	return 0;
}

/* At the start of a line: "##" comment lines vanish, "%%" is a literal '%',
 * other '%' control lines are refused.  Returns 1 if the line was consumed. */
static int mako_line_start(struct tmpl *t)
{
	const char *q = t->p, *nl;

	while (q < t->end && (*q == ' ' || *q == '\t'))
		q++;
	if (q >= t->end || *q != '%') {
		if (q + 1 < t->end && q[0] == '#' && q[1] == '#') {
			nl = memchr(q, '\n', (size_t)(t->end - q));
			t->p = nl ? nl + 1 : t->end;
			t->line++;
			return 1;
		}
		return 0;
	}
	if (q + 1 < t->end && q[1] == '%') {
		buf_add(t->out, t->p, (size_t)(q - t->p) + 1);
		t->p = q + 2;
		return 0;
	}
	nl = memchr(q, '\n', (size_t)(t->end - q));
	return mako_error(t, "control line", (struct slice){q, (size_t)((nl ? nl : t->end) - q)});
}

static int render_mako(struct tmpl *t, const struct tmpl_vars *v)
{
	bool bol = true;

	while (t->p < t->end) {
		int rc = bol ? mako_line_start(t) : 0;
		if (rc < 0)
			return -1;
		bol = rc == 1;
		if (rc == 1 || t->p >= t->end)
			continue;
		if (t->p[0] == '$' && t->p + 1 < t->end && t->p[1] == '{') {
			if (mako_substitute(t, v))
				return -1;
		} else if (t->p[0] == '<' && t->p + 1 < t->end &&
			   (t->p[1] == '%' ||
			    (t->p[1] == '/' && t->p + 2 < t->end && t->p[2] == '%'))) {
			return mako_error(t, "tag", (struct slice){t->p, 3});
		} else if (t->p[0] == '\\' && t->p + 1 < t->end &&
			   (t->p[1] == '\n' ||
			    (t->p[1] == '\r' && t->p + 2 < t->end && t->p[2] == '\n'))) {
			t->p += t->p[1] == '\n' ? 2
						: 3; /* Mako: an escaped newline is thrown away */
			t->line++;
		} else {
			bol = t->p[0] == '\n';
			t->line += bol;
			buf_addch(t->out, *t->p++);
		}
	}
	return 0;
}

/* ---- choosing the directory, writing, reading back ---- */

/* Alembic's "if self.version_locations:" */
static bool have_locations(const struct config *c)
{
	return c->version_locations_configured && c->version_locations.n > 0;
}

/* os.makedirs(path) */
static int make_dirs(struct arena *a, const char *path, struct err *e)
{
	char *parent;

	if (fs_is_dir(path))
		return 0;
	parent = fs_dirname(a, path);
	if (*parent && strcmp(parent, path) && make_dirs(a, parent, e))
		return -1;
	return fs_mkdir(path, e);
}

/* generate_revision's version_path choice and checks, then _ensure_directory. */
static int choose_version_dir(struct arena *a, const struct config *c, const struct script_new *n,
			      const struct sink *s, const char **out, struct err *e)
{
	struct strvec locs = STRVEC_INIT;
	const char *vp = n->version_path, *norm;
	bool found = false;

	if (have_locations(c))
		locs = c->version_locations;
	else
		strvec_push(a, &locs, fs_abspath(a, fs_join(a, c->script_location, "versions")));
	if (!vp && locs.n > 1 && !n->head_dir)
		return err_set(e, ERR_COMMAND,
			       "Multiple version locations present, please specify --version-path");
	if (!vp)
		vp = locs.n > 1 ? n->head_dir : locs.v[0];
	norm = fs_normpath(a, fs_abspath(a, vp));
	for (size_t i = 0; i < locs.n && !found; i++)
		found = !strcmp(fs_normpath(a, locs.v[i]), norm);
	if (!found)
		return err_set(e, ERR_COMMAND,
			       "Path %s is not represented in current version locations", vp);
	if (have_locations(c) && !fs_exists(fs_abspath(a, vp))) {
		const char *abs = fs_abspath(a, vp);
		int rc;
		sink_status_begin(s, arena_printf(a, "Creating directory %s", abs));
		rc = make_dirs(a, abs, e);
		sink_status_end(s, rc == 0);
		if (rc)
			return -1;
	}
	*out = fs_normpath(a, vp); /* Alembic opens the path unnormalised: "x/.." fails there */
	return 0;
}

int script_prepare_revision(struct arena *a, const struct config *c, const struct script_new *n,
			    const struct sink *s, struct script_target *out, struct err *e)
{
	const char *tmpl = c->file_template ? c->file_template : "%(rev)s_%(slug)s";
	char *name;

	memset(out, 0, sizeof(*out));
	if (script_check_rev_id(n->id, e))
		return -1;
	if (n->date) {
		out->date = *n->date;
	} else {
		struct timespec now;
		clock_gettime(CLOCK_REALTIME, &now);
		if (script_create_date(c->timezone, &now, &out->date, e))
			return -1;
	}
	if (choose_version_dir(a, c, n, s, &out->dir, e))
		return -1;
	if (script_file_name(a, tmpl, n->id, script_slug(a, n->message, c->truncate_slug_length),
			     &out->date, &name, e))
		return -1;
	name = arena_printf(a, "%s%s", name, n->format == SCRIPT_SQL ? ".sql" : ".py");
	out->path = fs_join(a, out->dir, name);
	out->abspath = fs_abspath(a, out->path);
	return 0;
}

static int render(struct arena *a, const struct config *c, const struct script_new *n,
		  const struct script_target *target, struct buf *out, struct err *e)
{
	struct tmpl t = {0};
	struct tmpl_vars v;
	char *path = fs_join(a, c->script_location,
			     n->format == SCRIPT_SQL ? "script.sql.tmpl" : "script.py.mako");
	char *text;
	size_t len;

	if (n->format == SCRIPT_SQL && !fs_exists(path)) {
		t.file = "<built-in script.sql.tmpl>";
		text = (char *)init_script_sql;
		len = strlen(text);
	} else {
		if (fs_read_file(a, path, &text, &len, e))
			return -1;
		t.file = path;
	}
	build_vars(a, n, target, &v);
	if (len >= 3 && !memcmp(text, "\xef\xbb\xbf", 3))
		text += 3, len -= 3; /* Mako drops a UTF-8 BOM */
	t.p = text;
	t.end = text + len;
	t.line = 1;
	t.out = out;
	t.a = a;
	t.e = e;
	return n->format == SCRIPT_SQL ? render_sql(&t, &v) : render_mako(&t, &v);
}

static bool same_vec(const struct strvec *x, const struct strvec *y)
{
	if (x->n != y->n)
		return false;
	for (size_t i = 0; i < x->n; i++)
		if (strcmp(x->v[i], y->v[i]))
			return false;
	return true;
}

/* generate_revision's re-read (Script._from_path) and its branch_labels check. */
static int check_written(struct arena *a, const struct script_new *n, const struct script_target *t,
			 struct script **out, struct err *e)
{
	struct script *sc;

	if (script_read(a, fs_dirname(a, t->path), fs_basename(t->path), &sc, e))
		return -1;
	if (n->labels.n && !sc->labels.n)
		return err_set(
			e, ERR_COMMAND,
			"Version %s specified branch_labels %s, however the migration file %s "
			"does not have them; have you upgraded your script.py.mako to include "
			"the 'branch_labels' section?",
			sc->id, strvec_join(a, &n->labels, ", "), sc->path);
	if (strcmp(sc->id, n->id) || !same_vec(&sc->down, &n->down) ||
	    !same_vec(&sc->labels, &n->labels) || !same_vec(&sc->deps, &n->deps))
		return err_set(
			e, ERR_COMMAND,
			"The generated file %s does not declare the revision, parents, branch "
			"labels and dependencies it was generated for; check the project's "
			"template",
			sc->path);
	if (out)
		*out = sc;
	return 0;
}

int script_write_prepared(struct arena *a, const struct config *c, const struct script_new *n,
			  const struct script_target *t, const struct sink *s, struct script **out,
			  struct err *e)
{
	struct buf text = BUF_INIT;
	int rc;

	/* util.status wraps template_to_file: a template error shows as "  FAILED" too */
	sink_status_begin(s, arena_printf(a, "Generating %s", t->abspath));
	rc = render(a, c, n, t, &text, e);
	if (rc == 0)
		rc = fs_write_file(t->path, text.ptr ? text.ptr : "", text.len, true, e);
	sink_status_end(s, rc == 0);
	buf_release(&text);
	if (rc == 0 && n->n_hooks)
		rc = script_run_hooks(a, t->path, n->hooks, n->n_hooks, s, e);
	if (rc == 0)
		rc = check_written(a, n, t, out, e);
	return rc;
}

int script_write_revision(struct arena *a, const struct config *c, const struct script_new *n,
			  const struct sink *s, char **path_out, struct err *e)
{
	struct script_target t;

	if (script_prepare_revision(a, c, n, s, &t, e) ||
	    script_write_prepared(a, c, n, &t, s, NULL, e))
		return -1;
	if (path_out)
		*path_out = (char *)t.path;
	return 0;
}
