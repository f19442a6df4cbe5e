/*
 * cli.c - the command table and the shared setup every command gets once
 * (as git's run_builtin): the run's arena, the output helpers and the sink
 * bound to them, the tool's options, and the configuration / revision graph
 * loaded on demand.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "base/str.h"
#include "cli/cli_int.h"
#include "config/envpy.h"
#include "core/graph.h"
#include "db/db.h"
#include "run/run.h"
#include "script/script.h"

extern const struct cli_command cmd_branches, cmd_check, cmd_config, cmd_current, cmd_downgrade,
	cmd_edit, cmd_ensure_version, cmd_heads, cmd_history, cmd_init, cmd_list_templates,
	cmd_merge, cmd_revision, cmd_show, cmd_stamp, cmd_upgrade;

/* Alphabetical, as Alembic's subcommand choices (dir(command) order);
 * `config` is the user guide's command, which Alembic lacks; `check` is
 * Alembic 1.9's. */
const struct cli_command *const cli_commands[] = {
	&cmd_branches,  &cmd_check, &cmd_config,         &cmd_current,
	&cmd_downgrade, &cmd_edit,  &cmd_ensure_version, &cmd_heads,
	&cmd_history,   &cmd_init,  &cmd_list_templates, &cmd_merge,
	&cmd_revision,  &cmd_show,  &cmd_stamp,          &cmd_upgrade,
};
const size_t cli_n_commands = sizeof(cli_commands) / sizeof(cli_commands[0]);

/* config.py CommandLine: the tool's options, in Alembic's order; -q/--quiet
 * as Alembic 1.11 added it (there it also silences command results; here
 * only status, message and log lines: results and failures always print).
 * --version prints the Alembic release we reproduce (CLI_VERSION): scripts
 * that test `alembic --version` keep choosing the 1.8.1 code paths. */
const struct cli_option cli_global_options[] = {
	{NULL, "--version", "version", NULL, OPT_VERSION, "show program's version number and exit"},
	{"-c", "--config", "config", "CONFIG", OPT_VALUE,
	 "Alternate config file; defaults to value of ALEMBIC_CONFIG environment variable, "
	 "or \"alembic.ini\""},
	{"-n", "--name", "name", "NAME", OPT_VALUE,
	 "Name of section in .ini file to use for Alembic config"},
	{"-x", NULL, "x", "X", OPT_APPEND,
	 "Additional arguments consumed by custom env.py scripts, e.g. -x "
	 "setting1=somesetting -x setting2=somesetting"},
	{NULL, "--raiseerr", "raiseerr", NULL, OPT_FLAG, "Raise a full stack trace on error"},
	{"-q", "--quiet", "quiet", NULL, OPT_FLAG, "Do not log to std output."},
	{0},
};

/* ---- parsed values ------------------------------------------------------ */

static const struct cli_value *find_value(const struct cli_ctx *ctx, const char *dest)
{
	for (size_t i = 0; i < ctx->n_vals; i++)
		if (!strcmp(ctx->vals[i].dest, dest))
			return &ctx->vals[i];
	return NULL;
}

const char *cli_arg(const struct cli_ctx *ctx, const char *dest)
{
	const struct cli_value *v = find_value(ctx, dest);

	return v && v->values.n ? v->values.v[v->values.n - 1] : NULL;
}

bool cli_flag(const struct cli_ctx *ctx, const char *dest)
{
	return cli_arg(ctx, dest) != NULL;
}

const struct strvec *cli_list(const struct cli_ctx *ctx, const char *dest)
{
	static const struct strvec empty = STRVEC_INIT;
	const struct cli_value *v = find_value(ctx, dest);

	return v ? &v->values : &empty;
}

/* ---- output ------------------------------------------------------------- */

void cli_write_msg(struct cli_ctx *ctx, const char *text, bool newline)
{
	struct strvec lines = STRVEC_INIT;

	if (ctx->msg_width <= 0) {
		fprintf(ctx->out, "%s%s", text, newline ? "\n" : "");
		return;
	}
	cli_wrap(ctx->arena, text, ctx->msg_width, &lines);
	for (size_t i = 0; i + 1 < lines.n; i++)
		fprintf(ctx->out, "  %s\n", lines.v[i]);
	fprintf(ctx->out, "  %s%s", lines.n ? lines.v[lines.n - 1] : "", newline ? "\n" : "");
}

void cli_msg(struct cli_ctx *ctx, const char *fmt, ...)
{
	va_list ap;
	char *text;

	if (ctx->quiet)
		return;
	va_start(ap, fmt);
	text = arena_vprintf(ctx->arena, fmt, ap);
	va_end(ap);
	cli_write_msg(ctx, text, true);
}

void cli_print(struct cli_ctx *ctx, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfprintf(ctx->out, fmt, ap);
	va_end(ap);
	fputc('\n', ctx->out);
}

void cli_status_begin(struct cli_ctx *ctx, const char *text)
{
	ctx->status_open = true;
	if (ctx->quiet)
		return;
	cli_write_msg(ctx, arena_printf(ctx->arena, "%s ...", text), false);
	fflush(ctx->out);
}

void cli_status_end(struct cli_ctx *ctx, bool ok)
{
	if (!ctx->status_open)
		return;
	ctx->status_open = false;
	if (!ctx->quiet)
		fputs(ok ? "  done\n" : "  FAILED\n", ctx->out);
}

void cli_log(struct cli_ctx *ctx, const char *level, const char *logger, const char *text)
{
	ctx->env_ran = true; /* logging has started, as env.py's fileConfig */
	if (ctx->quiet)
		return;
	fflush(ctx->out);
	fprintf(ctx->errout, "%-5.5s [%s] %s\n", level, logger, text);
}

void cli_log_info(struct cli_ctx *ctx, const char *logger, const char *fmt, ...)
{
	va_list ap;
	char *text;

	va_start(ap, fmt);
	text = arena_vprintf(ctx->arena, fmt, ap);
	va_end(ap);
	cli_log(ctx, "INFO", logger, text);
}

void cli_warn(struct cli_ctx *ctx, const char *text)
{
	fflush(ctx->out);
	fprintf(ctx->errout, "UserWarning: %s\n", text);
}

/* The sink hooks handed to lower layers: the output helpers above. */
static void sink_status_begin_cb(void *c, const char *text)
{
	cli_status_begin(c, text);
}

static void sink_status_end_cb(void *c, bool ok)
{
	cli_status_end(c, ok);
}

static void sink_msg_cb(void *c, const char *text)
{
	struct cli_ctx *ctx = c;

	if (!ctx->quiet)
		cli_write_msg(ctx, text, true);
}

/* Log records; warnings (sink_warn) are Python UserWarnings, not log lines. */
static void sink_log_cb(void *c, const char *level, const char *logger, const char *text)
{
	if (!strcmp(logger, SINK_WARNINGS))
		cli_warn(c, text);
	else
		cli_log(c, level, logger, text);
}

static void sink_sql_cb(void *c, const char *text, size_t len)
{
	struct cli_ctx *ctx = c;

	fwrite(text, 1, len, ctx->out);
}

const struct sink *cli_sink(struct cli_ctx *ctx)
{
	return &ctx->sink;
}

/* ---- shared setup ------------------------------------------------------- */

int cli_load_config(struct cli_ctx *ctx)
{
	struct config *c;

	if (ctx->config)
		return 0;
	c = arena_alloc(ctx->arena, sizeof(*c));
	if (config_load(ctx->arena, ctx->config_path, ctx->section, c, &ctx->err) < 0)
		return -1;
	for (size_t i = 0; i < ctx->x_args.n; i++)
		strvec_push(ctx->arena, &c->x_args, ctx->x_args.v[i]);
	/* env.py's settings (read, never run); its errors wait for the
	 * commands that connect (config->url_err) */
	if (envpy_read(ctx->arena, c, &ctx->err) < 0)
		return -1;
	ctx->config = c;
	return 0;
}

/* One struct rev per script, in load order, for graph_build. */
static struct rev **revs_from_scripts(struct arena *a, const struct script_list *sl)
{
	struct rev **revs = arena_calloc(a, sl->n + 1, sizeof(*revs));

	for (size_t i = 0; i < sl->n; i++) {
		struct script *s = sl->v[i];
		struct rev *r = arena_alloc(a, sizeof(*r));
		r->id = s->id;
		r->down = s->down;
		r->deps = s->deps;
		r->labels = s->labels;
		r->data = s;
		r->path = s->path;
		revs[i] = r;
	}
	return revs;
}

int cli_load_scripts(struct cli_ctx *ctx)
{
	struct script_list *sl;
	struct graph *g;

	if (ctx->graph)
		return 0;
	if (cli_load_config(ctx) < 0 || config_check_script_location(ctx->config, &ctx->err) < 0)
		return -1;
	sl = arena_alloc(ctx->arena, sizeof(*sl));
	if (script_scan(ctx->arena, ctx->config, &ctx->sink, sl, &ctx->err) < 0)
		return -1;
	g = arena_alloc(ctx->arena, sizeof(*g));
	if (graph_build(ctx->arena, revs_from_scripts(ctx->arena, sl), sl->n, g, &ctx->err) < 0)
		return -1;
	ctx->scripts = sl;
	ctx->graph = g;
	return 0;
}

/* ---- signals ------------------------------------------------------------ */

/* SIGINT/SIGTERM: record it and ask the db layer to stop the statement
 * (db_interrupt is async-signal-safe); the default action comes back for
 * both signals, so a second one ends the process at once. */
static const int cli_signals[] = {SIGINT, SIGTERM};
static bool cli_signal_caught[2]; /* which of cli_signals has our handler */

static void cli_on_signal(int signo)
{
	struct sigaction dfl;

	memset(&dfl, 0, sizeof(dfl));
	dfl.sa_handler = SIG_DFL;
	sigemptyset(&dfl.sa_mask);
	for (size_t i = 0; i < 2; i++)
		if (cli_signal_caught[i])
			sigaction(cli_signals[i], &dfl, NULL);
	db_interrupt(signo);
}

void cli_catch_signals(struct cli_ctx *ctx)
{
	struct sigaction sa, old;

	if (ctx->signals_caught || db_interrupt_init(&ctx->err) < 0) {
		err_clear(&ctx->err); /* without the pipe: signals keep their default action */
		return;
	}
	ctx->signals_caught = true;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = cli_on_signal;
	sigemptyset(&sa.sa_mask);
	sigaddset(&sa.sa_mask, SIGINT);
	sigaddset(&sa.sa_mask, SIGTERM);
	sa.sa_flags = 0; /* no SA_RESTART: a blocking call returns EINTR */
	for (size_t i = 0; i < 2; i++) {
		/* a signal ignored on entry (SIGINT of a background job) stays ignored */
		if (sigaction(cli_signals[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
			continue;
		cli_signal_caught[i] = sigaction(cli_signals[i], &sa, NULL) == 0;
	}
}

int cli_db_rows(struct cli_ctx *ctx, struct strvec *rows)
{
	struct run_opts o;

	cli_catch_signals(ctx);
	if (cli_load_config(ctx) < 0)
		return -1;
	run_opts_from_config(&o, ctx->config);
	return run_read_rows(ctx->arena, &o, &ctx->sink, rows, &ctx->err);
}

/* Alembic's TERMWIDTH: the width of a terminal on fd 0, else 0. */
static int stdin_width(void)
{
	struct winsize ws;

	if (!isatty(STDIN_FILENO) || ioctl(STDIN_FILENO, TIOCGWINSZ, &ws) != 0)
		return 0;
	return ws.ws_col;
}

/* A fresh context: streams, the msg width of stdin, the sink bound to ctx. */
static void ctx_init(struct cli_ctx *ctx, struct arena *a)
{
	memset(ctx, 0, sizeof(*ctx));
	ctx->arena = a;
	ctx->out = stdout;
	ctx->errout = stderr;
	ctx->msg_width = stdin_width();
	ctx->sink = (struct sink){sink_status_begin_cb, sink_status_end_cb, sink_msg_cb,
				  sink_log_cb,          sink_sql_cb,        ctx};
	err_clear(&ctx->err);
}

/* Shared setup the command's flags ask for, then the command itself. */
static int cli_run_command(struct cli_ctx *ctx)
{
	const struct cli_command *cmd = ctx->cmd;

	if ((cmd->flags & CMD_ENV) && !cli_flag(ctx, "sql"))
		cli_catch_signals(ctx); /* the commands that may connect (offline: the default) */
	if ((cmd->flags & CMD_NEEDS_SCRIPTS) && cli_load_scripts(ctx) < 0)
		return -1;
	if ((cmd->flags & CMD_NEEDS_CONFIG) && cli_load_config(ctx) < 0)
		return -1;
	return cmd->run(ctx);
}

int cli_main(int argc, char **argv)
{
	struct arena a = ARENA_INIT;
	struct cli_ctx ctx;
	int rc = 0;

	ctx_init(&ctx, &a);
	switch (cli_parse_args(&ctx, argc, argv)) {
	case CLI_PARSE_EXIT:
		break;
	case CLI_PARSE_ERROR:
		rc = cli_report(&ctx);
		break;
	case CLI_PARSE_OK:
		if (cli_run_command(&ctx) < 0) {
			cli_status_end(&ctx, false);
			rc = cli_report(&ctx);
			cli_hint(&ctx);
		}
		break;
	}
	rc = cli_report_late_signal(&ctx, rc);
	rc = cli_close_stdout(&ctx, rc);
	arena_release(&a);
	return rc;
}
