/*
 * err.h - errors as values.
 *
 * Lower layers never print: they fill a caller-provided struct err and
 * return -1 (or NULL).  The CLI's report module (src/cli/report.c) is the one
 * place that turns an err into text, a stream and an exit status.
 *
 * Tests assert on the code; the message is for humans.  For ERR_COMMAND the
 * message is exactly the text Alembic prints after "FAILED: ".  Resolution
 * errors carry the offending argument in arg so the CLI can reword them per
 * command, as Alembic's command._catch_revision_errors does.
 */
#ifndef BASE_ERR_H
#define BASE_ERR_H

enum err_code {
	ERR_OK = 0,
	ERR_COMMAND,            /* Alembic CommandError: "FAILED: msg" on stdout, exit 255 */
	ERR_USAGE,              /* argparse-style usage error: stderr, exit 2 */
	ERR_INPUT,              /* malformed input file (ini, revision, graph): exit 1 */
	ERR_IO,                 /* file system failure: exit 1 */
	ERR_DB,                 /* connection or database failure: exit 1 */
	ERR_MIGRATION,          /* a revision's statement failed: exit 1 */
	ERR_LOCK,               /* could not take the migration lock in time: exit 1 */
	ERR_RESOLUTION,         /* unknown/ambiguous identifier; arg = identifier */
	ERR_MULTIPLE_HEADS,     /* a single head was needed; arg = the argument; arg2 = the
				   start of an offline FROM:TO range when that failed */
	ERR_RANGE_NOT_ANCESTOR, /* arg = lower, arg2 = upper */
	ERR_REVISION,           /* any other RevisionError: msg is Alembic's text */
	ERR_INTERRUPTED,        /* SIGINT/SIGTERM stopped the run: msg says where the database
				   is ("rolled back, the database is at f1"); exit 128+signal */
};

#define ERR_MSG_MAX 4096
#define ERR_ARG_MAX 1024

struct err {
	enum err_code code;       /* ERR_OK when nothing failed */
	char msg[ERR_MSG_MAX];    /* human message, no trailing newline */
	char file[ERR_ARG_MAX];   /* file the error is about, "" if none */
	int line;                 /* 1-based line in file, 0 if unknown */
	int col;                  /* 1-based column, 0 if unknown */
	char arg[ERR_ARG_MAX];    /* argument the error is about (resolution errors) */
	char arg2[ERR_ARG_MAX];   /* second argument (range upper bound) */
	char detail[ERR_MSG_MAX]; /* optional detail lines, each prefixed ("DETAIL:  ...",
				    "HINT:  ..."), newline-separated; "" if none */
	char sqlstate[6];         /* the database's SQLSTATE ("23505"), "" if none (tests) */
};

void err_clear(struct err *e);
/* Sets code and message; returns -1 so call sites read "return err_set(...)". */
int err_set(struct err *e, enum err_code code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* As err_set, with the file and line (0 = unknown) the error is about. */
int err_at(struct err *e, enum err_code code, const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
/* Sets a resolution-family error (ERR_RESOLUTION, ERR_MULTIPLE_HEADS, ...)
 * with its argument(s); msg is filled with a default text. */
int err_resolution(struct err *e, enum err_code code, const char *arg, const char *arg2);

#endif
