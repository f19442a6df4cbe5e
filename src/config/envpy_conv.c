/*
 * envpy_conv.c - whether env.py's target_metadata may carry a naming
 * convention we cannot read (envpy.h, envpy_convention).
 *
 * Alembic hands the target metadata's naming_convention to every op.*
 * construct (schemaobj.metadata()), so it decides the names of unnamed
 * constraints and can rewrite given ones (a %(constraint_name)s template).
 * A convention is only ever set by code that says `naming_convention`:
 * MetaData(naming_convention=...) or metadata.naming_convention = ....  So
 * env.py and the project modules it imports (resolved as Python would on
 * the prepend_sys_path directories, followed through their own imports)
 * are searched for that word, outside comments.  Found: the convention is
 * unknown, and the reason names both places.  The names target_metadata's
 * text starts with are traced through the imports binding them: one that
 * comes from a module that is not a project file (an installed package:
 * not read) leaves the convention unknown too.  A target_metadata that is
 * None or absent has SQLAlchemy's default convention only.
 */
#include <string.h>

#include "base/buf.h"
#include "base/fs.h"
#include "base/str.h"
#include "config/envpy.h"
#include "py/ast.h"
#include "schema/schema.h"

enum { CONV_MAX_FILES = 256 };

struct conv_scan {
	struct arena *a;
	struct strvec dirs;  /* sys.path entries of the project (prepend_sys_path) */
	struct strvec files; /* modules queued (absolute), in discovery order */
	const char *hit;     /* "FILE:LINE" of the first mention */
	int skip_line;       /* env.py's line of a literal convention read (not a mention) */
};

static void conv_queue(struct conv_scan *s, const char *path)
{
	if (s->files.n < CONV_MAX_FILES && fs_is_file(path) && strvec_find(&s->files, path) < 0)
		strvec_push(s->a, &s->files, path);
}

/* Queues module name (dotted) as found under dir: the package __init__.py
 * files on the way and the module itself (NAME.py or NAME/__init__.py). */
static void conv_module_in(struct conv_scan *s, const char *dir, const char *name, size_t n)
{
	char *rel = arena_strndup(s->a, name, n);
	char *p = rel;

	for (char *q = rel; *q; q++)
		if (*q == '.')
			*q = '/';
	while ((p = strchr(p, '/'))) {
		*p = 0;
		conv_queue(s, fs_join(s->a, fs_join(s->a, dir, rel), "__init__.py"));
		*p++ = '/';
	}
	conv_queue(s, fs_join(s->a, dir, arena_printf(s->a, "%s.py", rel)));
	conv_queue(s, fs_join(s->a, fs_join(s->a, dir, rel), "__init__.py"));
}

static size_t conv_ident(const char *p)
{
	size_t n = 0;

	while (p[n] == '_' || p[n] == '.' || (p[n] >= 'a' && p[n] <= 'z') ||
	       (p[n] >= 'A' && p[n] <= 'Z') || (p[n] >= '0' && p[n] <= '9') ||
	       (unsigned char)p[n] >= 0x80)
		n++;
	return n;
}

/* One import statement's line (after leading spaces): "import a.b, c as
 * d" or "from a.b import x, y" ("from .m import x": relative to the file's
 * directory).  Imported names may be submodules, so they are tried too. */
static void conv_import(struct conv_scan *s, const char *file, const char *l)
{
	bool from = !strncmp(l, "from ", 5);
	const char *p = l + (from ? 5 : 7);
	struct strvec dirs = s->dirs;
	size_t n;

	while (*p == ' ')
		p++;
	if (from && *p == '.') {
		struct strvec here = {0};

		strvec_push(s->a, &here, fs_dirname(s->a, file));
		dirs = here;
		while (*p == '.')
			p++;
	}
	n = conv_ident(p);
	for (size_t d = 0; d < dirs.n; d++) {
		if (n)
			conv_module_in(s, dirs.v[d], p, n);
		if (!from)
			continue;
		const char *q = strstr(p + n, " import ");
		const char *base = n ? arena_strndup(s->a, p, n) : NULL;
		for (q = q ? q + 8 : NULL; q && *q;) {
			while (*q == ' ' || *q == '(' || *q == ',')
				q++;
			size_t m = conv_ident(q);
			if (!m)
				break;
			const char *sub = arena_strndup(s->a, q, m);
			sub = base ? arena_printf(s->a, "%s.%s", base, sub) : sub;
			conv_module_in(s, dirs.v[d], sub, strlen(sub));
			q = strchr(q + m, ',');
		}
	}
	if (!from)
		for (const char *c = strchr(p, ','); c; c = strchr(c + 1, ',')) {
			const char *r = c + 1;
			while (*r == ' ')
				r++;
			for (size_t d = 0; d < s->dirs.n; d++)
				conv_module_in(s, s->dirs.v[d], r, conv_ident(r));
		}
}

/* ---- where target_metadata's names come from ---- */

/* The first file of module name (dotted, n bytes) under the directories:
 * NAME.py or NAME/__init__.py; NULL if none. */
static const char *conv_resolve(struct conv_scan *s, const struct strvec *dirs, const char *name,
				size_t n)
{
	char *rel = arena_strndup(s->a, name, n);

	for (char *q = rel; *q; q++)
		if (*q == '.')
			*q = '/';
	for (size_t d = 0; d < dirs->n; d++) {
		const char *f = fs_join(s->a, dirs->v[d], arena_printf(s->a, "%s.py", rel));

		if (fs_is_file(f))
			return f;
		f = fs_join(s->a, fs_join(s->a, dirs->v[d], rel), "__init__.py");
		if (fs_is_file(f))
			return f;
	}
	return NULL;
}

/* sqlalchemy / sqlmodel: their metadata objects carry no convention of
 * their own (one set on them is set by a project file, which is scanned). */
static bool conv_library(const char *m, size_t n)
{
	static const char *const libs[] = {"sqlalchemy", "sqlmodel"};

	for (size_t i = 0; i < sizeof(libs) / sizeof(libs[0]); i++) {
		size_t k = strlen(libs[i]);
		if (n >= k && !strncmp(m, libs[i], k) && (n == k || m[k] == '.'))
			return true;
	}
	return false;
}

/* The logical import statements of a text (parenthesized lists joined). */
static void conv_imports(struct arena *a, char *text, struct strvec *out)
{
	struct buf b = BUF_INIT;

	for (char *l = text, *next; l && *l; l = next) {
		next = strchr(l, '\n');
		size_t n = next ? (size_t)(next++ - l) : strlen(l);
		while (n && (*l == ' ' || *l == '\t'))
			l++, n--;
		if (!b.len && strncmp(l, "from ", 5) && strncmp(l, "import ", 7))
			continue;
		buf_add(&b, l, n);
		buf_addch(&b, ' ');
		if (memchr(b.ptr, '(', b.len) && !memchr(b.ptr, ')', b.len))
			continue;
		strvec_push(a, out, buf_to_arena(&b, a));
		buf_reset(&b);
	}
	buf_release(&b);
}

/* "from M import a as b, c": the module when name is bound by it (*orig:
 * the imported name); "import M as b": likewise with *orig NULL. */
static const char *conv_binding(struct arena *a, const char *st, const char *name,
				const char **orig)
{
	bool from = !strncmp(st, "from ", 5);
	const char *p = st + (from ? 5 : 7), *mod;
	size_t mn;

	while (*p == ' ')
		p++;
	mn = strspn(p, ".") + conv_ident(p + strspn(p, "."));
	mod = arena_strndup(a, p, mn);
	p = from ? strstr(p + mn, " import ") : p;
	for (p = p ? p + (from ? 8 : 0) : NULL; p && *p;) {
		p += strspn(p, " (,\\");
		size_t k = conv_ident(p), bk;
		const char *as = p + k, *bound = p;
		if (!k)
			break;
		bk = from ? k : strcspn(p, ". ,") < k ? strcspn(p, ". ,") : k;
		if (!strncmp(as, " as ", 4)) {
			bound = as + 4;
			bk = conv_ident(bound);
		}
		if (strlen(name) == bk && !strncmp(bound, name, bk)) {
			*orig = from ? arena_strndup(a, p, k) : NULL;
			return from ? mod : arena_strndup(a, p, k);
		}
		p = strchr(bound + bk, ',');
	}
	return NULL;
}

static const char *conv_trace(struct conv_scan *s, const char *file, const char *name, int depth);

/* A name no import of file binds may come from its star imports: those of
 * project files are followed, one of a module we cannot read makes it
 * unknown (the module returned); libraries' are taken as theirs. */
static const char *conv_star(struct conv_scan *s, const struct strvec *imports,
			     const struct strvec *here, const char *name, int depth)
{
	for (size_t i = 0; i < imports->n; i++) {
		const char *st = imports->v[i], *p, *imp;
		size_t mn;

		if (strncmp(st, "from ", 5))
			continue;
		p = st + 5 + strspn(st + 5, " ");
		mn = strspn(p, ".") + conv_ident(p + strspn(p, "."));
		imp = strstr(p + mn, " import ");
		if (!imp || imp[8 + strspn(imp + 8, " (")] != '*')
			continue;
		const char *m = arena_strndup(s->a, p, mn), *bare = m + strspn(m, ".");
		const char *f;
		if (conv_library(bare, strlen(bare)))
			continue;
		f = conv_resolve(s, m[0] == '.' ? here : &s->dirs, bare, strlen(bare));
		if (!f)
			return m;
		if ((m = conv_trace(s, f, name, depth + 1)) != NULL)
			return m;
	}
	return NULL;
}

/* Where name, as file binds it, comes from: NULL when it is defined in a
 * file we read, or a library's; else the module we cannot read. */
static const char *conv_trace(struct conv_scan *s, const char *file, const char *name, int depth)
{
	struct strvec imports = {0}, here = {0};
	char *text;
	size_t len;
	struct err e;

	err_clear(&e);
	if (depth > 8 || fs_read_file(s->a, file, &text, &len, &e) < 0)
		return NULL;
	conv_imports(s->a, text, &imports);
	strvec_push(s->a, &here, fs_dirname(s->a, file));
	for (size_t i = 0; i < imports.n; i++) {
		const char *orig = NULL, *m = conv_binding(s->a, imports.v[i], name, &orig);
		const char *f, *bare;
		if (!m)
			continue;
		bare = m + strspn(m, ".");
		if (conv_library(bare, strlen(bare)))
			return NULL;
		f = conv_resolve(s, m[0] == '.' ? &here : &s->dirs, bare, strlen(bare));
		if (f && orig)
			return conv_trace(s, f, orig, depth + 1);
		if (f || (orig && conv_resolve(s, m[0] == '.' ? &here : &s->dirs,
					       arena_printf(s->a, "%s.%s", bare, orig),
					       strlen(bare) + 1 + strlen(orig))))
			return NULL;
		return m;
	}
	return conv_star(s, &imports, &here, name, depth);
}

/* The first name of each dotted chain in target_metadata's text that comes
 * from a module we cannot read, or NULL. */
static const char *conv_unreadable(struct conv_scan *s, const char *env_abs, const char *value)
{
	for (const char *p = value; *p;) {
		size_t k = conv_ident(p);
		bool starts = p == value || (p[-1] != '.' && !conv_ident(p - 1));
		if (k && starts && !(*p >= '0' && *p <= '9')) {
			size_t head = strcspn(p, ".");
			const char *m = conv_trace(s, env_abs,
						   arena_strndup(s->a, p, head < k ? head : k), 0);
			if (m)
				return m;
		}
		p += k ? k : 1;
	}
	return NULL;
}

/* ---- a literal convention in env.py ---- */

/* The dict literal e is, or a module-level name of m is bound to (the
 * last binding before line). */
static const struct py_expr *conv_dict(const struct py_module *m, const struct py_expr *e, int line)
{
	const struct py_expr *found = NULL;

	if (e->kind == PYE_DICT)
		return e;
	if (e->kind != PYE_NAME)
		return NULL;
	for (size_t i = 0; i < m->body.n; i++) {
		const struct py_stmt *s = m->body.v[i];
		if (s->line < line && s->kind == PYS_ASSIGN && s->n_targets == 1 &&
		    s->targets[0]->kind == PYE_NAME && !strcmp(s->targets[0]->s, e->s))
			found = s->value->kind == PYE_DICT ? s->value : NULL;
	}
	return found;
}

/* Fills n from dict d: string keys ix/uq/ck/fk/pk, string values; false
 * for anything else (a constraint class as key, a callable token ...). */
static bool conv_fill(struct arena *a, const struct py_expr *d, struct sch_naming *n)
{
	static const char *const keys[] = {"ix", "uq", "ck", "fk", "pk"};

	memset(n, 0, sizeof(*n));
	for (size_t i = 0; i < d->n; i++) {
		const struct py_expr *k = d->v[i], *v = d->w[i];
		const char **slot[] = {&n->ix, &n->uq, &n->ck, &n->fk, &n->pk};
		size_t j = 0;

		if (!k || k->kind != PYE_STR || k->bad || v->kind != PYE_STR || v->bad ||
		    strlen(v->s) != v->len)
			return false;
		while (j < 5 && strcmp(k->s, keys[j]))
			j++;
		if (j == 5)
			return false;
		*slot[j] = arena_strdup(a, v->s);
	}
	return true;
}

/* target_metadata = [sa.|sqlalchemy.]MetaData(..., naming_convention=D)
 * at module level of m: n filled, the keyword's line returned; else 0. */
static int conv_literal(struct arena *a, const struct py_module *m, struct sch_naming *n)
{
	const struct py_stmt *tm = NULL;
	const struct py_expr *call, *f;

	for (size_t i = 0; m && i < m->body.n; i++)
		if (m->body.v[i]->kind == PYS_ASSIGN && m->body.v[i]->n_targets == 1 &&
		    m->body.v[i]->targets[0]->kind == PYE_NAME &&
		    !strcmp(m->body.v[i]->targets[0]->s, "target_metadata"))
			tm = m->body.v[i];
	call = tm ? tm->value : NULL;
	if (!call || call->kind != PYE_CALL)
		return 0;
	f = call->a;
	if (!((f->kind == PYE_NAME && !strcmp(f->s, "MetaData")) ||
	      (f->kind == PYE_ATTR && !strcmp(f->s, "MetaData") && f->a->kind == PYE_NAME &&
	       (!strcmp(f->a->s, "sa") || !strcmp(f->a->s, "sqlalchemy")))))
		return 0;
	for (size_t i = 0; i < call->n_kw; i++) {
		const struct py_expr *d;
		if (!call->kw[i].key || strcmp(call->kw[i].key, "naming_convention"))
			continue;
		d = conv_dict(m, call->kw[i].value, tm->line);
		return d && conv_fill(a, d, n) ? call->kw[i].line : 0;
	}
	return 0;
}

/* Scans one file: the first mention of naming_convention, its imports. */
static void conv_file(struct conv_scan *s, const char *path, const char *shown)
{
	char *text;
	size_t len;
	struct err e;
	int line = 0;

	err_clear(&e);
	if (fs_read_file(s->a, path, &text, &len, &e) < 0)
		return;
	for (char *l = text, *next; l && *l && !s->hit; l = next) {
		next = strchr(l, '\n');
		if (next)
			*next++ = 0;
		line++;
		while (*l == ' ' || *l == '\t')
			l++;
		if (*l == '#')
			continue;
		char *hash = strchr(l, '#');
		if (hash && !strchr(l, '"') && !strchr(l, '\''))
			*hash = 0;
		if (strstr(l, "naming_convention") &&
		    !(s->files.v[0] == path && line == s->skip_line))
			s->hit = arena_printf(s->a, "%s:%d", shown, line);
		else if (!strncmp(l, "import ", 7) || !strncmp(l, "from ", 5))
			conv_import(s, path, l);
	}
}

const char *envpy_convention(struct arena *a, const struct config *c, const char *env_abs,
			     const struct py_module *m, const struct sch_naming **naming)
{
	struct conv_scan s = {a, {0}, {0}, NULL, 0};
	struct sch_naming *lit = arena_calloc(a, 1, sizeof(*lit));
	const struct config_env *tm = NULL;
	struct err e;
	const char *psp;

	for (size_t i = 0; i < c->n_env; i++)
		if (!strcmp(c->env[i].key, "target_metadata"))
			tm = &c->env[i];
	*naming = NULL;
	if (!tm)
		return NULL;
	s.skip_line = conv_literal(a, m, lit);
	err_clear(&e);
	psp = config_get(a, c, "prepend_sys_path", &e);
	for (const char *p = psp ? psp : "."; *p;) {
		size_t n = strcspn(p, " \t\n");
		if (n)
			strvec_push(a, &s.dirs, fs_abspath(a, arena_strndup(a, p, n)));
		p += n;
		p += strspn(p, " \t\n");
	}
	const char *cwd = arena_printf(a, "%s/", fs_abspath(a, "."));
	strvec_push(a, &s.files, env_abs);
	for (size_t i = 0; i < s.files.n && !s.hit; i++) {
		const char *f = s.files.v[i];
		conv_file(&s, f,
			  !i                             ? c->env_path
			  : strncmp(f, cwd, strlen(cwd)) ? f
							 : f + strlen(cwd));
	}
	if (!s.hit) {
		const char *mod = conv_unreadable(&s, env_abs, tm->value);
		if (!mod) {
			*naming = s.skip_line ? lit : NULL;
			return NULL;
		}
		return arena_printf(a,
				    "%s:%d: target_metadata = %s comes from module '%s', which is "
				    "not a file of the project (prepend_sys_path) and cannot be "
				    "read, so its naming convention is unknown",
				    c->env_path, tm->line, tm->value, mod);
	}
	return arena_printf(a,
			    "%s:%d: target_metadata = %s may carry a naming convention (%s "
			    "mentions naming_convention)",
			    c->env_path, tm->line, tm->value, s.hit);
}
