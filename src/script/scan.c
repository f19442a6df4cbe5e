/*
 * scan.c - discovering revision files (base.py ScriptDirectory._load_revisions):
 * version locations in configured order, names within a directory in
 * bytewise order (reference §13), recursion when
 * recursive_version_locations is set, and the "loaded twice" check on real
 * paths.  Each file is read once and parsed by script_parse.
 */
#include "script/script.h"

#include "base/fs.h"
#include "base/str.h"

/* Set of real paths already seen: open addressing, membership only (never iterated). */
struct path_set {
	const char **slot; /* NULL = empty */
	size_t cap;        /* power of two */
	size_t n;          /* entries */
};

static size_t path_hash(const char *s)
{
	size_t h = 14695981039346656037u;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

/* Adds s; returns false if it was already there. */
static bool path_set_add(struct arena *a, struct path_set *ps, const char *s)
{
	size_t i;

	if (2 * (ps->n + 1) > ps->cap) {
		struct path_set bigger = {NULL, ps->cap ? ps->cap * 2 : 256, 0};
		bigger.slot = arena_calloc(a, bigger.cap, sizeof(*bigger.slot));
		for (i = 0; i < ps->cap; i++)
			if (ps->slot[i])
				path_set_add(a, &bigger, ps->slot[i]);
		*ps = bigger;
	}
	for (i = path_hash(s) & (ps->cap - 1); ps->slot[i]; i = (i + 1) & (ps->cap - 1))
		if (!strcmp(ps->slot[i], s))
			return false;
	ps->slot[i] = s;
	ps->n++;
	return true;
}

struct scan {
	struct arena *a;         /* results */
	const struct config *c;  /* settings */
	struct script_list *out; /* scripts */
	const struct sink *s;    /* warnings */
	struct path_set seen;    /* real paths loaded */
	size_t cap;              /* allocated slots in out->v */
	bool is_py_project;      /* new revisions are .py: a .sql without header is a helper */
	struct err *e;           /* error out */
};

/* base.py _only_source_rev_file "^(?!\.#|__init__)(.*\.py)$", plus our ".sql" files. */
static bool is_revision_name(const char *name)
{
	if (str_startswith(name, ".#"))
		return false;
	if (str_endswith(name, ".sql"))
		return true;
	return !str_startswith(name, "__init__") && str_endswith(name, ".py");
}

static char *real_path(struct arena *a, const char *path)
{
	char *r = realpath(path, NULL), *copy;

	if (!r)
		return arena_strdup(a, path);
	copy = arena_strdup(a, r);
	free(r);
	return copy;
}

static void scan_push(struct scan *sc, struct script *s)
{
	if (sc->out->n == sc->cap) {
		size_t cap = sc->cap ? sc->cap * 2 : 64;
		sc->out->v = arena_grow(sc->a, sc->out->v, sc->out->n, cap, sizeof(*sc->out->v));
		sc->cap = cap;
	}
	sc->out->v[sc->out->n++] = s;
}

/* Does text have a line starting "-- Revision ID:"? */
static bool has_revision_header(const char *text)
{
	for (const char *p = text; p; p = strchr(p, '\n'), p = p ? p + 1 : NULL)
		if (str_startswith(p, "-- Revision ID:"))
			return true;
	return false;
}

/* One directory entry: dedupe on its real path, then read it if it is a revision file. */
static int scan_entry(struct scan *sc, const char *dir, const char *real_dir, const char *name,
		      const struct stat *st)
{
	const char *path = fs_join(sc->a, dir, name);
	const char *real =
		S_ISLNK(st->st_mode) ? real_path(sc->a, path) : fs_join(sc->a, real_dir, name);
	struct script *s;
	char *text;
	size_t len;

	if (!path_set_add(sc->a, &sc->seen, real)) {
		sink_warn(sc->s, arena_printf(sc->a,
					      "File %s loaded twice! ignoring. Please ensure "
					      "version_locations is unique.",
					      real));
		return 0;
	}
	if (!is_revision_name(name) || S_ISDIR(st->st_mode) || fs_is_dir(path))
		return 0; /* directories, and symlinks to them, are never revision files */
	if (fs_read_file(sc->a, path, &text, &len, sc->e))
		return -1;
	if (sc->is_py_project && str_endswith(name, ".sql") && !has_revision_header(text)) {
		/* Alembic projects keep SQL files for op.execute(open(...).read()) */
		sink_warn(sc->s,
			  arena_printf(sc->a,
				       "File %s has no '-- Revision ID:' header; not a revision, "
				       "ignored.",
				       path));
		return 0;
	}
	if (script_parse(sc->a, dir, name, text, len, &s, sc->e))
		return -1;
	scan_push(sc, s);
	return 0;
}

/* The part of name before its first '.' (Python name.split(".")[0]). */
static struct slice stem(const char *name)
{
	const char *dot = strchr(name, '.');
	return (struct slice){name, dot ? (size_t)(dot - name) : strlen(name)};
}

static bool has_stem(const struct strvec *names, struct slice st)
{
	for (size_t i = 0; i < names->n; i++) {
		struct slice o = stem(names->v[i]);
		if (o.n == st.n && !memcmp(o.p, st.p, st.n))
			return true;
	}
	return false;
}

/*
 * sourceless = true: Alembic would load compiled revisions (x.pyc without
 * x.py, and __pycache__ files whose stem has no file in dir); we cannot read
 * bytecode, so such a file is an error rather than a silently missing revision.
 */
static int check_sourceless(struct scan *sc, const char *dir, const struct strvec *names)
{
	struct strvec cache = STRVEC_INIT;
	const char *cache_dir = fs_join(sc->a, dir, "__pycache__");
	struct err ignore;

	for (size_t i = 0; i < names->n; i++) {
		const char *n = names->v[i];
		if (str_startswith(n, ".#") || str_startswith(n, "__init__") ||
		    !(str_endswith(n, ".pyc") || str_endswith(n, ".pyo")))
			continue;
		if (strvec_find(names, arena_strndup(sc->a, n, strlen(n) - 1)) < 0)
			return err_at(sc->e, ERR_INPUT, fs_join(sc->a, dir, n), 0,
				      "compiled revision file without its .py source: sourceless "
				      "revisions cannot be read natively");
	}
	if (!fs_is_dir(cache_dir) || fs_list_dir(sc->a, cache_dir, &cache, &ignore))
		return 0;
	for (size_t i = 0; i < cache.n; i++)
		if (!str_startswith(cache.v[i], "__init__") && str_endswith(cache.v[i], ".pyc") &&
		    !has_stem(names, stem(cache.v[i])))
			return err_at(sc->e, ERR_INPUT, fs_join(sc->a, cache_dir, cache.v[i]), 0,
				      "compiled revision file without its .py source: sourceless "
				      "revisions cannot be read natively");
	return 0;
}

/* Files of dir in bytewise order, then (recursive mode) its subdirectories, depth first. */
static int scan_dir(struct scan *sc, const char *dir)
{
	struct strvec names = STRVEC_INIT, subdirs = STRVEC_INIT;
	const char *real_dir;

	if (fs_list_dir(sc->a, dir, &names, sc->e))
		return -1;
	if (sc->c->sourceless && check_sourceless(sc, dir, &names))
		return -1;
	real_dir = real_path(sc->a, dir);
	for (size_t i = 0; i < names.n; i++) {
		struct stat st;
		if (lstat(fs_join(sc->a, dir, names.v[i]), &st))
			continue; /* vanished meanwhile */
		if (S_ISDIR(st.st_mode) && sc->c->recursive_version_locations) {
			if (strcmp(names.v[i], "__pycache__"))
				strvec_push(sc->a, &subdirs, names.v[i]);
			continue;
		}
		if (scan_entry(sc, dir, real_dir, names.v[i], &st))
			return -1;
	}
	for (size_t i = 0; i < subdirs.n; i++)
		if (scan_dir(sc, fs_join(sc->a, dir, subdirs.v[i])))
			return -1;
	return 0;
}

int script_scan(struct arena *a, const struct config *c, const struct sink *s,
		struct script_list *out, struct err *e)
{
	struct scan sc = {0};

	memset(out, 0, sizeof(*out));
	sc.a = a;
	sc.s = s;
	sc.c = c;
	sc.out = out;
	sc.e = e;
	sc.is_py_project = script_default_format(c) == SCRIPT_PY;
	if (!c->version_locations_configured || !c->version_locations.n) {
		const char *versions = fs_join(a, c->script_location, "versions");
		if (!fs_is_dir(versions))
			return err_at(e, ERR_IO, versions, 0, "No such file or directory: '%s'",
				      versions);
		return scan_dir(&sc, versions);
	}
	for (size_t i = 0; i < c->version_locations.n; i++) {
		const char *loc = c->version_locations.v[i];
		if (!fs_exists(loc))
			continue;
		if (scan_dir(&sc, loc))
			return -1;
	}
	return 0;
}
