/*
 * cli_int.h - internals shared by the files of src/cli (not a contract for
 * other modules: they use cli.h).
 *
 *   args.c    the argparse-compatible parser driven by the option tables
 *   help.c    usage / --help text laid out as argparse, textwrap.wrap
 *   report.c  struct err -> text, stream and exit status
 *   revfmt.c  Alembic's revision output grammar (cmd_format, log_entry)
 */
#ifndef CLI_CLI_INT_H
#define CLI_CLI_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/vec.h"
#include "cli/cli.h"
#include "run/run.h"

struct rev;
struct script;

/* One parser: the tool itself or one subcommand. */
struct cli_parser {
	const char *prog;                      /* "alembic" or "alembic heads" */
	const struct cli_option *opts;         /* options without -h, zero-row terminated */
	const struct cli_positional *pos;      /* positionals (NULL: none), zero-row terminated */
	const struct cli_command *const *cmds; /* tool level: the commands (the subparsers
	                                              positional); NULL for a subcommand */
	size_t n_cmds;                         /* number of cmds */
};

/* The command table (cli.c), alphabetical as Alembic's choices. */
extern const struct cli_command *const cli_commands[];
extern const size_t cli_n_commands;
/* The tool-level options (cli.c). */
extern const struct cli_option cli_global_options[];

/* args.c ----------------------------------------------------------------- */

enum cli_parse_result {
	CLI_PARSE_OK = 0,     /* run the command */
	CLI_PARSE_EXIT = 1,   /* --help / --version printed: exit 0 */
	CLI_PARSE_ERROR = -1, /* ctx->err is an ERR_USAGE error */
};

/*
 * Parses argv[1..argc) as Python 3.11's argparse would for Alembic's
 * CommandLine: tool options, the command word, then the command's options
 * and positionals.  Fills ctx->cmd, ctx->vals and the global option fields.
 * Usage errors fill ctx->err (ERR_USAGE: arg = the prog whose usage is in
 * detail, msg = argparse's text).
 */
enum cli_parse_result cli_parse_args(struct cli_ctx *ctx, int argc, char **argv);

/* Gives an ERR_USAGE error set by a command or a lower layer (msg only)
 * argparse's form: the prog and usage of the running command. */
void cli_usage_fill(struct cli_ctx *ctx);

/* Python repr() of a str (for argparse's %r texts). */
char *cli_py_repr(struct arena *a, const char *s);

/* help.c ----------------------------------------------------------------- */

/* argparse's width: $COLUMNS, else the terminal size of stdout, else 80; minus 2. */
int cli_help_width(void);
/* "usage: ..." (with its trailing newline). */
void cli_format_usage(struct buf *out, const struct cli_parser *p, int width);
/* The whole --help text. */
void cli_format_help(struct buf *out, const struct cli_parser *p, int width);
/* Python textwrap.wrap(text, width) with TextWrapper's defaults. */
void cli_wrap(struct arena *a, const char *text, int width, struct strvec *lines);

/* hint.c ----------------------------------------------------------------- */

/* After cli_report: "hint: ..." lines on stderr for ctx->err (see hint.c);
 * nothing when there is no hint. */
void cli_hint(struct cli_ctx *ctx);

/* cli.c ------------------------------------------------------------------ */

/* util.msg without the -q check: text flush-left, or indented by two and
 * wrapped to the width of a terminal on stdin (Alembic reads TIOCGWINSZ of
 * fd 0 at import), then a newline if asked. */
void cli_write_msg(struct cli_ctx *ctx, const char *text, bool newline);
/* Installs the SIGINT/SIGTERM handlers (sigaction, no SA_RESTART) for a
 * command that connects: the handler records the signal and has the db
 * layer cancel the running statement; the run rolls back and unlocks, and
 * cli_report prints "interrupted by SIGTERM: ..." and exits 128+signal.
 * After the first signal both go back to their default action.  A signal
 * ignored on entry stays ignored.  Idempotent. */
void cli_catch_signals(struct cli_ctx *ctx);
/* The version table's rows (what Alembic's env.py hands to `current`,
 * `history -i`, `show current`, `edit current`): connects, logs the
 * context lines, reads (run_read_rows).  -1 with ctx->err set. */
int cli_db_rows(struct cli_ctx *ctx, struct strvec *rows);

/* cmd_show.c: graph_get_revisions of each id, concatenated (Alembic's
 * get_revisions of a tuple). */
struct revlist;
int cli_resolve_all(struct cli_ctx *ctx, const struct strvec *ids, struct revlist *out);

/* cmd_revision.c: what `revision` and `merge` ask generate_revision for. */
struct cli_newrev {
	const char *rev_id;              /* --rev-id, NULL: a random id */
	const char *message;             /* -m, NULL: "empty message" */
	const struct strvec *heads;      /* parent identifiers (--head / REVISIONS) */
	bool splice;                     /* --splice */
	const char *branch_label;        /* --branch-label or NULL */
	const char *version_path;        /* --version-path or NULL */
	const struct strvec *depends_on; /* --depends-on, or NULL */
	const char *imports;             /* autogenerate's ${imports}, ${upgrades}, */
	const char *upgrades;            /* ${downgrades}; NULL: undefined (the template's */
	const char *downgrades;          /* own defaults: "" and "pass") */
	struct script **written;         /* if not NULL: receives the file as read back */
};

/* script/base.py generate_revision: resolves and checks the parents, then
 * writes the file (script_prepare_revision + script_write_prepared).  -1
 * with ctx->err set. */
int cli_generate_revision(struct cli_ctx *ctx, const struct cli_newrev *nr);

/* autogen.c: the model (Python through src/model), compared with the database
 * (run_autogen); *dialect is the URL's.  -1 with ctx->err set. */
struct model;
int cli_autogen_compare(struct cli_ctx *ctx, struct run_autogen_out *ao, struct model *m,
			const char **dialect);
/* revision --autogenerate: cli_autogen_compare, rendered into nr's template slots,
 * cli_generate_revision, then (unless --no-verify) run_autogen_verify. */
int cli_revision_autogenerate(struct cli_ctx *ctx, const struct cli_newrev *nr);

/* report.c --------------------------------------------------------------- */

/* Prints ctx->err as Alembic would for ctx->cmd and returns the exit status. */
int cli_report(struct cli_ctx *ctx);
/* A signal recorded while the command did not fail of it (an offline run,
 * a failure of its own): "interrupted by SIGTERM" and 128+signal; else rc. */
int cli_report_late_signal(struct cli_ctx *ctx, int rc);
/* Flushes and closes stdout; a failed write (a full disk behind a
 * redirect, /dev/full) is one "ERROR: could not write to standard output:
 * ..." line on stderr and exit status 1 (rc when already non-zero). */
int cli_close_stdout(struct cli_ctx *ctx, int rc);

/* revfmt.c --------------------------------------------------------------- */

/* Which decorations Revision.cmd_format / _head_only print (script/revision.py). */
struct revfmt_opts {
	bool verbose;          /* log_entry instead of the one-line form */
	bool include_branches; /* " (label, ...)" */
	bool include_doc;      /* ", doc" */
	bool include_parents;  /* "parents -> " */
	bool tree_indicators;  /* " (branchpoint)" / " (mergepoint)" */
	bool is_current;       /* _db_current_indicator: " (current)" */
};

/* revision.py Revision.cmd_format: appends the text (without the print newline). */
void revfmt_cmd_format(struct buf *out, const struct rev *r, const struct revfmt_opts *o);
/* base.py Script.log_entry (verbose block). */
void revfmt_log_entry(struct buf *out, const struct rev *r, bool is_current);
/* base.py Script._format_down_revision: "<base>" or the down revisions comma-joined. */
void revfmt_down(struct buf *out, const struct rev *r);

/* cmd_upgrade.c: the options, positionals and handler that upgrade and
 * downgrade share (Alembic's two argparse tables are identical too);
 * cmd is RUN_UPGRADE or RUN_DOWNGRADE. */
extern const struct cli_option cmd_migrate_options[];
extern const struct cli_positional cmd_migrate_positionals[];
int cmd_migrate_run(struct cli_ctx *ctx, enum run_cmd cmd);

#endif
