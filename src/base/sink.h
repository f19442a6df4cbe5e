/*
 * sink.h - how lower layers hand text to the CLI without printing.
 *
 * The CLI builds one struct sink per run (src/cli) and passes it down; a
 * module that has progress or output to give calls these hooks.  Any hook
 * may be NULL (the text is dropped).  Tests pass a sink that records.
 */
#ifndef BASE_SINK_H
#define BASE_SINK_H

#include <stdbool.h>
#include <stddef.h>

struct sink {
	/* Alembic util.status(): "TEXT ..." now, then "  done" / "  FAILED". */
	void (*status_begin)(void *ctx, const char *text);
	void (*status_end)(void *ctx, bool ok);
	/* Alembic util.msg(): one message line on stdout (e.g. "Please edit ..."). */
	void (*msg)(void *ctx, const char *text);
	/* A log record: level "INFO"/"WARNING"/"ERROR", logger
	 * "alembic.runtime.migration", text.  Printed on stderr as
	 * "INFO  [alembic.runtime.migration] text" unless -q. */
	void (*log)(void *ctx, const char *level, const char *logger, const char *text);
	/* Offline (--sql) output, written to stdout verbatim. */
	void (*sql)(void *ctx, const char *text, size_t len);
	void *ctx; /* passed to every hook */
};

/* The logger of warnings (Python's logging.captureWarnings name). */
#define SINK_WARNINGS "py.warnings"

static inline void sink_status_begin(const struct sink *s, const char *text)
{
	if (s && s->status_begin)
		s->status_begin(s->ctx, text);
}

static inline void sink_status_end(const struct sink *s, bool ok)
{
	if (s && s->status_end)
		s->status_end(s->ctx, ok);
}

static inline void sink_msg(const struct sink *s, const char *text)
{
	if (s && s->msg)
		s->msg(s->ctx, text);
}

static inline void sink_log(const struct sink *s, const char *level, const char *logger,
			    const char *text)
{
	if (s && s->log)
		s->log(s->ctx, level, logger, text);
}

/* Alembic util.warn (a Python UserWarning): the one channel for every
 * warning of every command (script discovery, the runner), a WARNING record
 * of logger "py.warnings" through the log hook (the CLI prints it as
 * "UserWarning: text", even with -q). */
static inline void sink_warn(const struct sink *s, const char *text)
{
	if (s && s->log)
		s->log(s->ctx, "WARNING", SINK_WARNINGS, text);
}

static inline void sink_sql(const struct sink *s, const char *text, size_t len)
{
	if (s && s->sql)
		s->sql(s->ctx, text, len);
}

#endif
