/*
 * init.c - command.py list_templates data and init(); see init.h.
 */
#include "config/init.h"

#include "base/buf.h"
#include "base/fs.h"
#include "base/str.h"
#include "config/config.h"
#include "config/ini.h"

const struct init_template *init_find_template(const char *name)
{
	for (const struct init_template *const *t = init_templates; *t; t++)
		if (!strcmp((*t)->name, name))
			return *t;
	return NULL;
}

/* Appends dir for the ini: '%' and '$' doubled (ConfigParser and ${VAR}).
 * (differs) Alembic's Mako writes dir raw, so a '%' in it breaks its own
 * ini (InterpolationSyntaxError); for every other dir the bytes agree. */
static void init_add_escaped(struct buf *b, const char *dir)
{
	for (const char *p = dir; *p; p++) {
		if (*p == '%' || *p == '$')
			buf_addch(b, *p);
		buf_addch(b, *p);
	}
}

/* Appends text with "${script_location}" replaced by dir (escaped). */
static void init_render_text(struct buf *b, const char *text, const char *dir)
{
	static const char loc[] = "${script_location}";

	for (const char *p = text; *p;) {
		if (!strncmp(p, loc, sizeof(loc) - 1)) {
			init_add_escaped(b, dir);
			p += sizeof(loc) - 1;
		} else {
			buf_addch(b, *p++);
		}
	}
}

char *init_render_ini(struct arena *a, const struct init_template *t, const char *dir)
{
	struct buf b = BUF_INIT;
	char *out;

	init_render_text(&b, t->ini, dir);
	if (t->ini_tail_from)
		init_render_text(&b, strstr(t->ini_tail_from->ini, "\n[post_write_hooks]\n") + 1,
				 dir);
	out = buf_to_arena(&b, a);
	buf_release(&b);
	return out;
}

/* util.status(): "<verb> <path> ..." then "  done" or "  FAILED". */
static int init_status_end(const struct sink *s, int rc)
{
	sink_status_end(s, rc == 0);
	return rc;
}

/* os.makedirs(path): every missing component, parents first. */
static int init_makedirs(struct arena *a, const char *path, struct err *e)
{
	char *p = arena_strdup(a, path);

	for (char *slash = strchr(p + 1, '/'); slash; slash = strchr(slash + 1, '/')) {
		*slash = '\0';
		if (!fs_is_dir(p) && fs_mkdir(p, e))
			return -1;
		*slash = '/';
	}
	return fs_mkdir(p, e);
}

static int init_mkdir_status(struct arena *a, const char *abs, const struct sink *s, struct err *e)
{
	sink_status_begin(s, arena_printf(a, "Creating directory %s", abs));
	return init_status_end(s, init_makedirs(a, abs, e));
}

static int init_write_status(struct arena *a, const char *verb, const char *abs, const char *text,
			     const struct sink *s, struct err *e)
{
	sink_status_begin(s, arena_printf(a, "%s %s", verb, abs));
	return init_status_end(s, fs_write_file(abs, text, strlen(text), true, e));
}

/* The checks command.py init() makes before touching anything. */
static int init_check(struct arena *a, const char *dir, const char *template_name,
		      const struct init_template **t, struct err *e)
{
	struct strvec names = STRVEC_INIT;

	if (!*dir || strpbrk(dir, "\r\n"))
		return err_set(e, ERR_USAGE, "invalid directory name %s", ini_repr(a, dir));
	if (fs_exists(dir) && !fs_is_dir(dir))
		return err_set(e, ERR_COMMAND, "%s already exists and is not a directory", dir);
	if (fs_is_dir(dir)) {
		if (fs_list_dir(a, dir, &names, e))
			return -1;
		if (names.n)
			return err_set(e, ERR_COMMAND,
				       "Directory %s already exists and is not empty", dir);
	}
	*t = init_find_template(template_name);
	if (!*t)
		return err_set(e, ERR_COMMAND, "No such template %s", ini_repr(a, template_name));
	return 0;
}

/* The template's files, then the ini: Alembic handles them in os.listdir()
 * order of its template directory, which puts alembic.ini.mako last here. */
static int init_files(struct arena *a, const struct init_template *t, const char *abs_dir,
		      const char *dir, const char *ini_abs, const struct sink *s, struct err *e)
{
	for (const struct init_file *f = t->files; f->name; f++)
		if (init_write_status(a, "Generating", fs_join(a, abs_dir, f->name), f->text, s, e))
			return -1;
	if (fs_exists(ini_abs)) {
		sink_msg(s, arena_printf(a, "File %s already exists, skipping", ini_abs));
		return 0;
	}
	return init_write_status(a, "Generating", ini_abs, init_render_ini(a, t, dir), s, e);
}

int init_project_ex(struct arena *a, const char *dir, const char *template_name,
		    const char *ini_path, bool package, const struct sink *s, struct err *e)
{
	const struct init_template *t;
	const char *abs_dir, *versions, *ini_abs;

	if (init_check(a, dir, template_name ? template_name : "generic", &t, e))
		return -1;
	abs_dir = fs_abspath(a, dir);
	versions = fs_abspath(a, fs_join(a, dir, "versions"));
	ini_abs = fs_abspath(a, ini_path ? ini_path : config_default_path());
	if (!fs_exists(dir) && init_mkdir_status(a, abs_dir, s, e))
		return -1;
	if (init_mkdir_status(a, versions, s, e) || init_files(a, t, abs_dir, dir, ini_abs, s, e))
		return -1;
	if (package &&
	    (init_write_status(a, "Adding", fs_join(a, abs_dir, "__init__.py"), "", s, e) ||
	     init_write_status(a, "Adding", fs_join(a, versions, "__init__.py"), "", s, e)))
		return -1;
	sink_msg(s,
		 arena_printf(a,
			      "Please edit configuration/connection/logging settings in %s before "
			      "proceeding.",
			      ini_repr(a, ini_abs)));
	return 0;
}

int init_project(struct arena *a, const char *dir, const char *template_name, const char *ini_path,
		 const struct sink *s, struct err *e)
{
	return init_project_ex(a, dir, template_name, ini_path, false, s, e);
}
