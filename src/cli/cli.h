/*
 * cli.h - the command-line layer: the only code that parses argv, prints or
 * exits.  One const row per command in commands[] (cli.c); one file per
 * command (cmd_<name>.c) holding its options table and its handler.
 *
 * Options are data: the same tables drive parsing (argparse-compatible:
 * long-option prefixes, "--opt=value", "-xVALUE", "--" and usage errors with
 * exit status 2) and the generated --help text, laid out as Python's
 * argparse does for Alembic 1.8.1.
 */
#ifndef CLI_CLI_H
#define CLI_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/sink.h"
#include "base/vec.h"
#include "config/config.h"

enum cli_opt_kind {
	OPT_FLAG,    /* store_true */
	OPT_VALUE,   /* takes one value; last one wins */
	OPT_APPEND,  /* takes one value; repeatable (action="append") */
	OPT_HELP,    /* -h/--help: prints the help and exits 0 (implicit in every parser) */
	OPT_VERSION, /* --version: prints "alembic 1.8.1" and exits 0 (tool level only) */
};

struct cli_option {
	const char *short_name; /* "-m", or NULL */
	const char *long_name;  /* "--message", or NULL */
	const char *dest;       /* key the value is stored under, e.g. "message" */
	const char *metavar;    /* "MESSAGE" as argparse shows it; NULL for flags */
	enum cli_opt_kind kind; /* flag, value or append */
	const char *help;       /* argparse help text, verbatim from Alembic */
};

enum cli_nargs {
	NARGS_ONE,      /* exactly one */
	NARGS_OPTIONAL, /* "?" */
	NARGS_MANY,     /* "+" */
	NARGS_ANY,      /* "*" */
};

struct cli_positional {
	const char *dest;     /* e.g. "revision" */
	enum cli_nargs nargs; /* how many values */
	const char *help;     /* argparse help text */
};

struct cli_ctx;
struct script_list; /* script/script.h */
struct graph;       /* core/graph.h */

enum cli_cmd_flags {
	CMD_NEEDS_CONFIG = 1 << 0,  /* load alembic.ini before running */
	CMD_NEEDS_SCRIPTS = 1 << 1, /* also check script_location and read the revision graph */
	CMD_ENV = 1 << 2, /* runs "env" (Alembic: env.py): logging lines, ERROR log on failure */
};

struct cli_command {
	const char *name;                         /* subcommand name */
	int (*run)(struct cli_ctx *ctx);          /* returns 0 or -1 with ctx->err set */
	const struct cli_option *options;         /* terminated by a zeroed row */
	const struct cli_positional *positionals; /* terminated by a zeroed row */
	const char *help;                         /* one line for the top-level help */
	const char *description;                  /* full docstring for `<cmd> --help`; NULL in
	                                            every command: Alembic's subparsers have none */
	unsigned flags;                           /* enum cli_cmd_flags */
};

/* One parsed value of an option or positional. */
struct cli_value {
	const char *dest;     /* option/positional dest */
	struct strvec values; /* values in command-line order (flags: one "1") */
};

struct cli_ctx {
	struct arena *arena;           /* the run's arena */
	const struct cli_command *cmd; /* the command being run */
	struct cli_value *vals;        /* parsed values, one per option and positional */
	size_t n_vals;                 /* number of vals */
	/* global options */
	const char *config_path; /* -c, NULL if not given */
	const char *section;     /* -n, NULL if not given */
	struct strvec x_args;    /* -x, in order */
	bool raiseerr;           /* --raiseerr */
	bool quiet;              /* -q: no status/log lines */
	/* loaded on demand by cli_load_config() / cli_load_scripts() */
	struct config *config;
	struct script_list *scripts; /* see script/script.h */
	struct graph *graph;         /* see core/graph.h */
	bool env_ran;   /* env-style logging has started: errors also log ERROR [...] */
	FILE *out;      /* stdout */
	FILE *errout;   /* stderr */
	struct err err; /* the failure to report */
	/* added by the CLI layer (cli.c) */
	struct sink sink;        /* status/msg/log hooks bound to this ctx (-q aware) */
	int msg_width;           /* Alembic TERMWIDTH: width of a tty on fd 0, 0 if none */
	bool status_open;        /* a status line "Text ..." is waiting for done/FAILED */
	const char *const *argv; /* the command's own arguments (after the command word) */
	bool signals_caught;     /* cli_catch_signals installed the handlers */
};

int cli_main(int argc, char **argv);

/* Parsed values: NULL / false / empty when absent. */
const char *cli_arg(const struct cli_ctx *ctx, const char *dest);
bool cli_flag(const struct cli_ctx *ctx, const char *dest);
const struct strvec *cli_list(const struct cli_ctx *ctx, const char *dest);

/* Loads the configuration / revision graph once; -1 with ctx->err set. */
int cli_load_config(struct cli_ctx *ctx);
int cli_load_scripts(struct cli_ctx *ctx);

/* Output helpers (Alembic's util.msg / util.status and the log format). */
void cli_msg(struct cli_ctx *ctx, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void cli_log_info(struct cli_ctx *ctx, const char *logger, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Alembic config.print_stdout: a command result line (text + "\n") on
 * stdout, never indented, wrapped or silenced by -q. */
void cli_print(struct cli_ctx *ctx, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* util.status: "text ..." now (indented/wrapped as msg), then "  done" or
 * "  FAILED" from cli_status_end.  Silenced by -q. */
void cli_status_begin(struct cli_ctx *ctx, const char *text);
void cli_status_end(struct cli_ctx *ctx, bool ok);
/* A log record on stderr: "%(levelname)-5.5s [%(name)s] %(message)s";
 * level "INFO", "WARNING", "ERROR".  Silenced by -q. */
void cli_log(struct cli_ctx *ctx, const char *level, const char *logger, const char *text);
/* A warning (Alembic's UserWarning) on stderr: "UserWarning: <text>".  Not silenced by -q. */
void cli_warn(struct cli_ctx *ctx, const char *text);
/* The sink bound to ctx (status/msg/log/sql hooks above): pass it to lower layers. */
const struct sink *cli_sink(struct cli_ctx *ctx);

/* The program version printed by --version: the Alembic release whose
 * behaviour this tool reproduces (scripts parse it to pick code paths). */
#define CLI_VERSION "1.8.1"

#endif
