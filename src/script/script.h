/*
 * script.h - revision files: discovery, reading, writing.
 *
 * Two formats live side by side in a versions directory:
 *   - native SQL (.sql): a header of "-- " comment lines holding the same text
 *     as Alembic's docstring (message, "Revision ID:", "Revises:",
 *     "Create Date:", and "Branch Labels:" / "Depends On:" when non-empty),
 *     then "-- migrate:upgrade" and "-- migrate:downgrade" sections of SQL;
 *   - Alembic's Python files (.py): module-level revision, down_revision,
 *     branch_labels, depends_on and the module docstring are read; bodies are
 *     executed by the runtime (src/run), not here.
 * Files are loaded per version location in configured order, and within a
 * directory in bytewise-sorted file-name order (reference §13).
 */
#ifndef SCRIPT_SCRIPT_H
#define SCRIPT_SCRIPT_H

#include <stdbool.h>
#include <stddef.h>

#include "base/arena.h"
#include "base/err.h"
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
	int first_line;            /* SQL format: 1-based line where the body starts */
	struct script_stmt *stmts; /* Python format: the op.execute statements in order */
	size_t n_stmts;
	const char *refusal;       /* Python format: why the body cannot run natively (NULL if it can) */
	int refusal_line;          /* ... and the line of the construct */
	bool present;              /* the section / function exists in the file */
};

struct script {
	const char *id;            /* revision id */
	struct strvec down;        /* down_revision ids in file order (empty: a base) */
	struct strvec deps;        /* depends_on as written (ids or branch labels) */
	struct strvec labels;      /* branch_labels as written */
	const char *longdoc;       /* docstring / header comment, stripped */
	const char *doc;           /* first paragraph of longdoc */
	const char *path;          /* <version dir>/<filename> (Alembic's Path:) */
	const char *dir;           /* version directory (absolute) */
	const char *filename;      /* file name only */
	enum script_format format; /* SQL or Python */
	const char *text;          /* whole file contents */
	size_t text_len;           /* its length */
	struct script_section upgrade;   /* SQL format: upgrade section; Python: unused */
	struct script_section downgrade; /* SQL format: downgrade section */
};

struct script_list {
	struct script **v; /* load order */
	size_t n;
};

/* Reads every revision file of the configured version locations. */
int script_scan(struct arena *a, const struct config *c, struct script_list *out, struct err *e);

/* Reads one file (format chosen by extension). */
int script_read(struct arena *a, const char *dir, const char *filename, struct script **out,
		struct err *e);

#endif
