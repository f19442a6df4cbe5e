/*
 * err.c - filling struct err; see err.h.
 */
#include "err.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void err_clear(struct err *e)
{
	e->code = ERR_OK;
	e->msg[0] = e->file[0] = e->arg[0] = e->arg2[0] = e->detail[0] = e->sqlstate[0] = '\0';
	e->line = e->col = 0;
}

static int err_vset(struct err *e, enum err_code code, const char *file, int line, const char *fmt,
		    va_list ap)
{
	err_clear(e);
	e->code = code;
	vsnprintf(e->msg, sizeof(e->msg), fmt, ap);
	if (file)
		snprintf(e->file, sizeof(e->file), "%s", file);
	e->line = line;
	return -1;
}

int err_set(struct err *e, enum err_code code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	err_vset(e, code, NULL, 0, fmt, ap);
	va_end(ap);
	return -1;
}

int err_at(struct err *e, enum err_code code, const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	err_vset(e, code, file, line, fmt, ap);
	va_end(ap);
	return -1;
}

int err_resolution(struct err *e, enum err_code code, const char *arg, const char *arg2)
{
	err_clear(e);
	e->code = code;
	snprintf(e->arg, sizeof(e->arg), "%s", arg ? arg : "");
	snprintf(e->arg2, sizeof(e->arg2), "%s", arg2 ? arg2 : "");
	switch (code) {
	case ERR_MULTIPLE_HEADS:
		snprintf(e->msg, sizeof(e->msg),
			 "Multiple head revisions are present for given argument '%s'; please "
			 "specify a specific target revision, '<branchname>@%s' to narrow to a "
			 "specific head, or 'heads' for all heads",
			 e->arg, e->arg);
		break;
	case ERR_RANGE_NOT_ANCESTOR:
		snprintf(e->msg, sizeof(e->msg), "Revision %s is not an ancestor of revision %s",
			 e->arg, e->arg2);
		break;
	default:
		snprintf(e->msg, sizeof(e->msg), "Can't locate revision identified by '%s'",
			 e->arg);
		break;
	}
	return -1;
}
