/*
 * bug.c - the report and abort behind BUG() (see bug.h).  Like die_oom it is
 * one of the two places below the CLI that write to stderr: the run cannot
 * continue and no caller could do better with an error value.
 */
#include "bug.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

void bug_fail(const char *file, int line, const char *func, const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fprintf(stderr, "alembic: BUG: %s:%d: %s: ", file, line, func);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs(" (please report this)\n", stderr);
	abort();
}
