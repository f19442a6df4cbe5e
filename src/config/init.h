/*
 * init.h - `alembic list_templates` data and `alembic init` (command.py
 * list_templates / init), with our templates embedded in the executable
 * (templates.c) instead of Alembic's templates directory.
 *
 * Templates:
 *   generic - native SQL revisions: README, script.sql.tmpl, versions/;
 *   py      - the same plus Alembic 1.8.1's generic script.py.mako and
 *             "revision_format = py", for teams that keep Python Alembic.
 * Both write an alembic.ini shaped like Alembic's generic template.
 */
#ifndef CONFIG_INIT_H
#define CONFIG_INIT_H

#include <stdbool.h>
#include <stddef.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/sink.h"

/* One file a template copies into the new scripts directory. */
struct init_file {
	const char *name; /* file name inside DIRECTORY */
	const char *text; /* contents, copied verbatim */
};

struct init_template {
	const char *name;		  /* -t NAME */
	const char *synopsis;		  /* first line of its README (list_templates) */
	const struct init_file *files;	  /* copied files, bytewise sorted by name; {NULL} ends */
	const char *ini;		  /* alembic.ini text: "${script_location}" and
					     "${revision_format_line}" are replaced */
	const char *revision_format_line; /* the ini's revision_format line */
};

/* The native revision template that `init` installs as script.sql.tmpl. */
extern const char init_script_sql[];

/* The templates in list_templates order (bytewise by name); {NULL} ends. */
extern const struct init_template init_templates[];

/* The template called name, or NULL. */
const struct init_template *init_find_template(const char *name);

/*
 * The alembic.ini text of template t for script_location dir (as typed):
 * "%" is written "%%" and "$" "$$" so the ini reads dir back unchanged.
 */
char *init_render_ini(struct arena *a, const struct init_template *t, const char *dir);

/*
 * command.py init(): creates dir (as typed, parents included) and
 * dir/versions, copies the template's files (bytewise name order), writes
 * ini_path (NULL: config_default_path()) unless it exists, then (package) the
 * empty __init__.py files, and ends with the "Please edit ..." message.
 * Progress goes to s exactly as Alembic prints it:
 *   status "Creating directory <abs>", "Generating <abs>", "Adding <abs>";
 *   msg "File <abs ini> already exists, skipping";
 *   msg "Please edit configuration/connection/logging settings in '<abs ini>' before proceeding."
 * Errors: ERR_COMMAND "Directory <dir> already exists and is not empty"
 * ("<dir> already exists and is not a directory" where Alembic crashes),
 * "No such template '<name>'", checked in that order before anything is
 * written; ERR_USAGE for a dir with a line
 * break; ERR_IO if a write fails (the status line ends "  FAILED").
 */
int init_project(struct arena *a, const char *dir, const char *template_name, const char *ini_path,
		 const struct sink *s, struct err *e);

/* init_project with Alembic's --package flag. */
int init_project_ex(struct arena *a, const char *dir, const char *template_name,
		    const char *ini_path, bool package, const struct sink *s, struct err *e);

#endif
