/*
 * report.c - the one place that turns a struct err into text, a stream and
 * an exit status (habit 4).  Alembic's own forms are kept where scripts see
 * them:
 *   ERR_USAGE             argparse: usage + "<prog>: error: <msg>" on stderr, 2
 *   ERR_COMMAND and the   "FAILED: <msg>" on stdout (util.msg: indented and
 *   resolution family     wrapped when stdin is a tty), 255; first
 *                         "ERROR [alembic.util.messaging] <msg>" on stderr
 *                         when the command runs the environment and its
 *                         logging has started (util.err logs, then prints)
 *   everything else       what Alembic shows as a traceback (rc 1): one clean
 *                         line "ERROR: <file>:<line>: <msg>" (+ detail), 1
 *   ERR_INTERRUPTED       "interrupted by SIGTERM: rolled back, the database
 *                         is at <rev>" on stderr, 128+signal (ours: Alembic
 *                         dies of the signal, or a KeyboardInterrupt
 *                         traceback for SIGINT)
 * With --raiseerr a CommandError is re-raised by Alembic (traceback, rc 1):
 * here "ERROR: <msg>" on stderr, exit 1.
 */
#include <stdio.h>
#include <string.h>

#include "base/str.h"
#include "cli/cli_int.h"
#include "db/db.h"

/* The destination argument of upgrade/downgrade (after "from:" in --sql ranges). */
static const char *destination(const struct cli_ctx *ctx)
{
	const char *r = cli_arg(ctx, "revision");
	const char *colon = r ? strchr(r, ':') : NULL;

	if (!colon)
		return r;
	const char *end = strchr(colon + 1, ':');
	return end ? arena_strndup(ctx->arena, colon + 1, (size_t)(end - colon - 1)) : colon + 1;
}

/* history's walk_revisions(base=..., head=...) arguments as Alembic passes them. */
static void history_range(const struct cli_ctx *ctx, const char **start, const char **end)
{
	const char *r = cli_arg(ctx, "rev_range");
	char *s = r ? str_strip(ctx->arena, r) : NULL;
	char *colon = s ? strchr(s, ':') : NULL;

	*start = *end = NULL;
	if (colon) {
		*colon = '\0';
		*start = *s ? s : NULL;
		*end = colon[1] ? colon + 1 : NULL;
	}
	if (*start && !strcmp(*start, "current"))
		*start = ctx->err.arg;
	if (*end && !strcmp(*end, "current"))
		*end = ctx->err.arg2;
	*start = *start ? *start : "base";
	*end = *end ? *end : "heads";
}

static bool cmd_is(const struct cli_ctx *ctx, const char *name)
{
	return ctx->cmd && !strcmp(ctx->cmd->name, name);
}

/* script/base.py _catch_revision_errors as each command configures it (§7.3). */
static const char *revision_error_text(const struct cli_ctx *ctx)
{
	const struct err *e = &ctx->err;
	struct arena *a = ctx->arena;
	const char *start, *end;

	switch (e->code) {
	case ERR_RESOLUTION:
		return arena_printf(a, "Can't locate revision identified by '%s'", e->arg);
	case ERR_MULTIPLE_HEADS:
		if (cmd_is(ctx, "revision") || cmd_is(ctx, "merge"))
			return "Multiple heads are present; please specify the head revision on which "
			       "the new revision should be based, or perform a merge.";
		if (cmd_is(ctx, "stamp") && !e->arg2[0]) /* arg2: a --sql range's start failed */
			return "Multiple heads are present; please specify a single target revision";
		end = e->arg;
		if (cmd_is(ctx, "upgrade") || cmd_is(ctx, "downgrade") || cmd_is(ctx, "stamp"))
			end = e->arg2[0] ? e->arg2 : destination(ctx); /* arg2: a range's start */
		else if (cmd_is(ctx, "history"))
			history_range(ctx, &start, &end);
		return arena_printf(
			a,
			"Multiple head revisions are present for given argument '%s'; "
			"please specify a specific target revision, '<branchname>@%s' to "
			"narrow to a specific head, or 'heads' for all heads",
			end, end);
	case ERR_RANGE_NOT_ANCESTOR:
		if (cmd_is(ctx, "upgrade") || cmd_is(ctx, "downgrade"))
			return arena_printf(a,
					    "Destination %s is not a valid %s target from current "
					    "head(s)",
					    destination(ctx), ctx->cmd->name);
		start = e->arg;
		end = e->arg2;
		if (cmd_is(ctx, "history"))
			history_range(ctx, &start, &end);
		return arena_printf(a,
				    "Requested range %s:%s does not refer to ancestor/descendant "
				    "revisions along the same branch",
				    start, end);
	default:
		return e->msg;
	}
}

static int report_usage(struct cli_ctx *ctx)
{
	if (!ctx->err.arg[0])
		cli_usage_fill(ctx);
	fflush(ctx->out);
	fprintf(ctx->errout, "%s%s: error: %s\n", ctx->err.detail, ctx->err.arg, ctx->err.msg);
	return 2;
}

/* "ERROR: file:line:col: msg" and the detail lines; exit 1. */
static int report_crash(struct cli_ctx *ctx, const char *msg)
{
	const struct err *e = &ctx->err;

	fflush(ctx->out);
	fputs("ERROR: ", ctx->errout);
	if (e->file[0]) {
		fputs(e->file, ctx->errout);
		if (e->line > 0)
			fprintf(ctx->errout, ":%d", e->line);
		if (e->line > 0 && e->col > 0)
			fprintf(ctx->errout, ":%d", e->col);
		fputs(": ", ctx->errout);
	}
	fprintf(ctx->errout, "%s\n", msg);
	if (e->detail[0])
		fprintf(ctx->errout, "%s\n", e->detail);
	return 1;
}

static const char *signal_name(int signo)
{
	switch (signo) {
	case SIGINT:
		return "SIGINT";
	case SIGTERM:
		return "SIGTERM";
	default:
		return "a signal";
	}
}

/* The one line of an interrupted run; 128+signal. */
static int report_interrupted(struct cli_ctx *ctx, const char *state)
{
	int signo = db_interrupted() ? db_interrupted() : SIGTERM;

	fflush(ctx->out);
	fprintf(ctx->errout, "interrupted by %s%s%s\n", signal_name(signo), state ? ": " : "",
		state ? state : "");
	return 128 + signo;
}

int cli_report_late_signal(struct cli_ctx *ctx, int rc)
{
	if (!db_interrupted() || ctx->err.code == ERR_INTERRUPTED)
		return rc;
	return report_interrupted(ctx, NULL);
}

int cli_close_stdout(struct cli_ctx *ctx, int rc)
{
	bool bad = fflush(ctx->out) != 0;
	int saved = bad ? errno : 0;

	bad = ferror(ctx->out) || bad;
	if (fclose(ctx->out) != 0 && !bad) {
		bad = true;
		saved = errno;
	}
	if (!bad)
		return rc;
	fprintf(ctx->errout, "ERROR: could not write to standard output: %s\n",
		strerror(saved ? saved : EIO));
	return rc ? rc : 1;
}

int cli_report(struct cli_ctx *ctx)
{
	const char *text;

	switch (ctx->err.code) {
	case ERR_OK:
		return 0;
	case ERR_USAGE:
		return report_usage(ctx);
	case ERR_INTERRUPTED:
		return report_interrupted(ctx, ctx->err.msg);
	case ERR_COMMAND:
	case ERR_RESOLUTION:
	case ERR_MULTIPLE_HEADS:
	case ERR_RANGE_NOT_ANCESTOR:
	case ERR_REVISION:
		break;
	default:
		return report_crash(ctx, ctx->err.msg);
	}
	text = revision_error_text(ctx);
	if (ctx->raiseerr)
		return report_crash(ctx, text);
	if (ctx->env_ran) {
		fflush(ctx->out);
		fprintf(ctx->errout, "ERROR [alembic.util.messaging] %s\n", text);
	}
	cli_write_msg(ctx, arena_printf(ctx->arena, "FAILED: %s", text), true);
	return 255;
}
