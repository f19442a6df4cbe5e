/*
 * script.h - revision files: discovery, reading, writing.
 *
 * Two formats live side by side in a versions directory:
 *   - native SQL (.sql): a header of "-- " comment lines holding the same text
 *     as Alembic's docstring (message, "Revision ID:", "Revises:",
 *     "Create Date:", and "Branch Labels:" / "Depends On:" when non-empty),
 *     then "-- migrate:upgrade" and "-- migrate:downgrade" sections of SQL;
 *   - Alembic's Python files (.py): parsed by the Python front end (src/py);
 *     module-level revision, down_revision, branch_labels, depends_on and the
 *     module docstring are read (see pyparse.h); the runtime (src/run/body.c)
 *     parses the file again with script_module and evaluates upgrade() /
 *     downgrade() for its dialect (py_eval_function).  The section's
 *     statement list / refusal fields are the old reader's summary, kept for
 *     tools that inspect a file without evaluating it.  A Python syntax error
 *     anywhere in the file is an error when the file is read, as Alembic's
 *     import fails.
 * Files are loaded per version location in configured order, and within a
 * directory in bytewise-sorted file-name order (reference §13).
 *
 * SQL format in full (see init_script_sql in config/init.h for the generated form):
 *   -- <message, one "-- " line per line>
 *   --
 *   -- Revision ID: <id>
 *   -- Revises: <id>, <id>          (empty: a base)
 *   -- Create Date: <date>
 *   -- Branch Labels: <l>, <l>      (optional)
 *   -- Depends On: <id-or-label>, ... (optional)
 *   -- migrate:no-transaction       (optional: run this file outside a transaction,
 *                                    e.g. CREATE INDEX CONCURRENTLY; must precede upgrade)
 *   -- migrate:upgrade
 *   <SQL>
 *   -- migrate:downgrade
 *   <SQL>
 * Inside a section, "-- migrate:autocommit" ... "-- migrate:end-autocommit"
 * (each alone on its line) marks statements that must run outside the
 * transaction (Alembic's autocommit_block); the runtime's splitter reads them.
 * The header is the leading block of "--" lines, ended by the first other line
 * (a blank one included) or by one of the three markers.  Between header and
 * "-- migrate:upgrade" only blank and comment lines may appear; each section
 * at most once, upgrade first; an unknown "-- migrate:" marker after the
 * header is an error (a typo would otherwise hide SQL).  longdoc is the
 * header text with the "-- " (or "--") prefixes removed and stripped as
 * Python's str.strip(), minus the "Branch Labels:" / "Depends On:" lines
 * (Alembic's docstring has none), so show / history -v print a .sql revision
 * exactly as the equivalent .py one.
 *
 * Files must be UTF-8 without NUL bytes (a UTF-8 BOM is skipped).  With
 * sourceless = true, a compiled revision without its .py source is an error
 * (Alembic would load the bytecode; we cannot read it).
 *
 * Ownership: every string and array returned lives in the caller's arena.
 * Errors: ERR_INPUT with file, line (and col for .py) for what cannot be read;
 * ERR_COMMAND with Alembic's text where Alembic has one.
 */
#ifndef SCRIPT_SCRIPT_H
#define SCRIPT_SCRIPT_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/sink.h"
#include "base/vec.h"
#include "config/config.h"

enum script_format {
	SCRIPT_SQL, /* native format */
	SCRIPT_PY,  /* Alembic Python revision */
};

/* One statement of a Python revision body: op.execute("...") / op.execute(sa.text("...")). */
struct script_stmt {
	const char *sql; /* the string literal's value, verbatim */
	int line;        /* 1-based line of the op.execute call */
};

struct script_section {
	const char *text;          /* SQL format: section body, NUL-terminated copy; NULL for .py */
	int first_line;            /* SQL: 1-based line where the body starts; .py: the def line */
	struct script_stmt *stmts; /* Python format: the op.execute statements in order */
	size_t n_stmts;            /* their number */
	const char *refusal; /* Python format: why the body cannot run natively (NULL if it can) */
	int refusal_line;    /* ... and the line of the construct */
	bool present;        /* the section / function exists in the file */
};

struct script {
	const char *id;                  /* revision id */
	struct strvec down;              /* down_revision ids in file order (empty: a base) */
	struct strvec deps;              /* depends_on as written (ids or branch labels) */
	struct strvec labels;            /* branch_labels as written */
	const char *longdoc;             /* docstring / header comment, stripped */
	const char *doc;                 /* first paragraph of longdoc */
	const char *path;                /* <version dir>/<filename> (Alembic's Path:) */
	const char *dir;                 /* version directory (absolute) */
	const char *filename;            /* file name only */
	enum script_format format;       /* SQL or Python */
	const char *text;                /* whole file contents */
	size_t text_len;                 /* its length */
	struct script_section upgrade;   /* -- migrate:upgrade section / def upgrade() */
	struct script_section downgrade; /* -- migrate:downgrade section / def downgrade() */
	bool is_no_transaction;          /* SQL format: "-- migrate:no-transaction" present */
};

struct script_list {
	struct script **v; /* load order */
	size_t n;          /* number of scripts */
};

struct py_module;

/* The syntax tree of a Python revision (src/py/py.h), parsed again from
 * s->text into arena a: script reading keeps only the header and the
 * op.execute statement lists, so 10,000 revisions do not keep 10,000 trees;
 * the runtime parses the files it runs, then py_eval_function evaluates
 * upgrade()/downgrade() for its dialect.  ERR_INPUT for a .sql script. */
int script_module(struct arena *a, const struct script *s, const struct py_module **out,
		  struct err *e);

/* Reads every revision file of the configured version locations.  In a
 * Python project (script_default_format() == SCRIPT_PY) a .sql file without
 * a "-- Revision ID:" line is a helper, skipped with a warning; elsewhere it
 * is an error.  Warnings ("File X loaded twice! ignoring. ...") go to
 * sink_warn(s) as they are found (s may be NULL: dropped). */
int script_scan(struct arena *a, const struct config *c, const struct sink *s,
		struct script_list *out, struct err *e);

/* Reads one file (format chosen by extension: ".sql" native, anything else Python). */
int script_read(struct arena *a, const char *dir, const char *filename, struct script **out,
		struct err *e);

/* Parses file contents already in memory (text must be NUL-terminated at
 * text[len]); dir/filename fill the path fields.  Used by script_read. */
int script_parse(struct arena *a, const char *dir, const char *filename, const char *text,
		 size_t len, struct script **out, struct err *e);

/* ---- writing a new revision (reference §5.3-§5.5, §3.3) ---- */

/* A create date: Python's datetime as Alembic's _generate_create_date makes it. */
struct script_date {
	int year, month, day;     /* calendar date in the chosen zone */
	int hour, minute, second; /* wall clock in the chosen zone */
	long usec;                /* microseconds 0..999999 */
	long long epoch;          /* int(create_date.timestamp()) (the "epoch" token) */
	bool has_offset;          /* timezone configured: printed with its UTC offset */
	long gmtoff;              /* that offset east of UTC, in seconds */
};

/* Fills out for the instant now: local time when zone is NULL, else that
 * zone from the TZ database (/usr/share/zoneinfo/<zone>, retried upper-cased).
 * ERR_COMMAND "Can't locate timezone: X" for an unknown zone. */
int script_create_date(const char *zone, const struct timespec *now, struct script_date *out,
		       struct err *e);
/* Python str(datetime): "YYYY-MM-DD HH:MM:SS[.ffffff][+HH:MM]". */
char *script_date_str(struct arena *a, const struct script_date *d);

/* A random revision id: 12 lowercase hex digits (48 bits) from /dev/urandom. */
char *script_new_rev_id(struct arena *a, struct err *e);
/* revision.py Script.verify_rev_id: ERR_COMMAND "Character(s) '-, @' not
 * allowed in revision identifier 'a-b@c'". */
int script_check_rev_id(const char *id, struct err *e);
/* base.py _rev_path slug: \w runs of message joined by "_", lower-cased,
 * truncated to truncate_slug_length (<= 0 means 40) on a "_" boundary. */
char *script_slug(struct arena *a, const char *message, int truncate_slug_length);
/* file_template % tokens (rev, slug, epoch, year, month, day, hour, minute,
 * second), without the extension.  ERR_COMMAND for an unknown token or a
 * format the Python %-operator subset here does not know. */
int script_file_name(struct arena *a, const char *file_template, const char *rev, const char *slug,
		     const struct script_date *d, char **out, struct err *e);

/* Format for new revisions: revision_format when the key is set; otherwise
 * "py" when the project has script.py.mako but no script.sql.tmpl (an
 * Alembic project), else SQL. */
enum script_format script_default_format(const struct config *c);

/* One key of the ini's [post_write_hooks] section, as written (interpolated). */
struct script_hook_opt {
	const char *key;   /* e.g. "hooks", "black.type", "black.entrypoint" */
	const char *value; /* its value */
};

/* write_hooks.py _run_hooks on the file at path: for each name of "hooks",
 * "<name>.type" must be console_scripts, whose "<name>.entrypoint" runs as
 * the executable of that name on PATH with "<name>.options" (shlex-split,
 * REVISION_SCRIPT_FILENAME replaced by path, prepended if absent) in
 * "<name>.cwd".  Status 'Running post write hook "<name>" ...' through s.
 * ERR_COMMAND with Alembic's texts for a missing type/entrypoint, an unknown
 * type, an entry point not found. */
int script_run_hooks(struct arena *a, const char *path, const struct script_hook_opt *cfg, size_t n,
		     const struct sink *s, struct err *e);

struct script_new {
	const char *id;                 /* revision id (checked with script_check_rev_id) */
	const char *message;            /* -m; NULL = "empty message" */
	struct strvec down;             /* parent ids in order (empty: a new base) */
	struct strvec labels;           /* branch labels to write */
	struct strvec deps;             /* depends_on as to be written (resolved) */
	const char *version_path;       /* --version-path as given; NULL if absent */
	const char *head_dir;           /* directory of the first parent's file; NULL for a root */
	const struct script_date *date; /* create date; NULL = now in config->timezone */
	enum script_format format;      /* SCRIPT_SQL or SCRIPT_PY */
	const char *imports;            /* Mako ${imports}; NULL = undefined (renders "") */
	const char *upgrades;           /* ${upgrades}: NULL = undefined ("pass" / "" in SQL) */
	const char *downgrades;         /* ${downgrades}: likewise */
	const struct script_hook_opt *hooks; /* [post_write_hooks] keys in file order; NULL: none */
	size_t n_hooks;                      /* their number */
};

/* Where a new revision goes: filled by script_prepare_revision. */
struct script_target {
	const char *dir;         /* version directory, as chosen (may be relative) */
	const char *path;        /* dir + "/" + file name + extension */
	const char *abspath;     /* absolute form, for "Generating ..." */
	struct script_date date; /* the create date used for the name and the file */
};

/* First half of ScriptDirectory.generate_revision: checks the id, makes the
 * create date, picks the version directory (errors "Multiple version
 * locations present, please specify --version-path", "Path X is not
 * represented in current version locations"), creates it when
 * version_locations is configured ("Creating directory X ...  done" through
 * the sink) and names the file. */
int script_prepare_revision(struct arena *a, const struct config *c, const struct script_new *n,
			    const struct sink *s, struct script_target *out, struct err *e);
/* Second half: renders the template (script.sql.tmpl or script.py.mako of
 * script_location), writes the file exclusively ("Generating X ...  done"),
 * runs the post-write hooks (script_run_hooks), reads the file back and
 * checks id, parents, labels and dependencies round-trip.
 * *out (may be NULL) receives the script read back. */
int script_write_prepared(struct arena *a, const struct config *c, const struct script_new *n,
			  const struct script_target *t, const struct sink *s, struct script **out,
			  struct err *e);
/* Both halves; *path_out (may be NULL) receives the written file's path. */
int script_write_revision(struct arena *a, const struct config *c, const struct script_new *n,
			  const struct sink *s, char **path_out, struct err *e);

#endif
