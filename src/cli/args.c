/*
 * args.c - the option parser: Python 3.11 argparse semantics for Alembic's
 * CommandLine (config.py), driven by the same tables that generate --help.
 *
 * What is reproduced (argparse.py _parse_known_args and friends):
 *   - every argument is first classified as an option ('O'), an argument
 *     ('A') or the first "--" ('-'); anything after "--" is an argument;
 *   - "-1", "-2.5" (negative numbers: no option looks like one) and strings
 *     containing a space are arguments; "-" and "" are arguments;
 *   - "--opt=value", "-mVALUE", "-vi" (flag clusters), unique prefixes of
 *     long options ("--autog"), ambiguous prefixes are an error;
 *   - the tool's parser takes the command word and hands every remaining
 *     argument to the command's parser; arguments nobody consumed are
 *     reported by the tool's parser as "unrecognized arguments";
 *   - positionals consume runs of arguments between options;
 *   - -h/--help and --version act when reached, left to right.
 */
#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "base/str.h"
#include "cli/cli_int.h"

static const struct cli_option help_option = {
	"-h", "--help", "help", NULL, OPT_HELP, "show this help message and exit",
};

/* One option string of a parser, in argparse's insertion order. */
struct optstr {
	const char *s;                /* "-m" or "--message" */
	const struct cli_option *opt; /* its option */
};

/* One classified argument. */
struct argtok {
	char kind;                    /* 'O' option, 'A' argument, '-' the first "--" */
	const struct cli_option *opt; /* 'O': the option (NULL: unknown to this parser) */
	const char *opt_string;       /* 'O': the option string matched */
	const char *explicit_arg;     /* "--x=v" / "-xv" value, NULL if none */
};

/* Parsing state of one parser over its argument list. */
struct pstate {
	struct cli_ctx *ctx;        /* for the arena and the error */
	const struct cli_parser *p; /* the parser */
	struct optstr *strs;        /* its option strings */
	size_t n_strs;
	char **args; /* arguments handed to this parser */
	size_t n_args;
	struct argtok *toks;    /* their classification */
	struct cli_value *vals; /* one per option and positional (in table order) */
	size_t n_vals;
	size_t n_pos_done;     /* positionals consumed so far */
	struct strvec *extras; /* unrecognized arguments, in order */
};

char *cli_py_repr(struct arena *a, const char *s)
{
	struct buf b = BUF_INIT;
	char q = (strchr(s, '\'') && !strchr(s, '"')) ? '"' : '\'';

	buf_addch(&b, q);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '\\' || *p == (unsigned char)q)
			buf_addf(&b, "\\%c", *p);
		else if (*p == '\n')
			buf_adds(&b, "\\n");
		else if (*p == '\r')
			buf_adds(&b, "\\r");
		else if (*p == '\t')
			buf_adds(&b, "\\t");
		else if (*p < 0x20 || *p == 0x7f)
			buf_addf(&b, "\\x%02x", *p);
		else
			buf_addch(&b, *p);
	}
	buf_addch(&b, q);
	char *r = buf_to_arena(&b, a);
	buf_release(&b);
	return r;
}

/* Fills the usage part (prog, usage text) of ctx->err for parser p. */
static void usage_fill(struct cli_ctx *ctx, const struct cli_parser *p)
{
	struct buf u = BUF_INIT;

	snprintf(ctx->err.arg, sizeof(ctx->err.arg), "%s", p->prog);
	cli_format_usage(&u, p, cli_help_width());
	snprintf(ctx->err.detail, sizeof(ctx->err.detail), "%s", buf_cstr(&u));
	buf_release(&u);
}

void cli_usage_fill(struct cli_ctx *ctx)
{
	struct cli_parser top = {"alembic", cli_global_options, NULL, cli_commands, cli_n_commands};
	struct cli_parser sub = {NULL, NULL, NULL, NULL, 0};

	if (!ctx->cmd) {
		usage_fill(ctx, &top);
		return;
	}
	sub.prog = arena_printf(ctx->arena, "alembic %s", ctx->cmd->name);
	sub.opts = ctx->cmd->options;
	sub.pos = ctx->cmd->positionals;
	usage_fill(ctx, &sub);
}

/* Sets an argparse usage error for parser p; returns CLI_PARSE_ERROR. */
static int __attribute__((format(printf, 3, 4)))
usage_error(struct cli_ctx *ctx, const struct cli_parser *p, const char *fmt, ...)
{
	va_list ap;

	err_clear(&ctx->err);
	ctx->err.code = ERR_USAGE;
	va_start(ap, fmt);
	vsnprintf(ctx->err.msg, sizeof(ctx->err.msg), fmt, ap);
	va_end(ap);
	usage_fill(ctx, p);
	return CLI_PARSE_ERROR;
}

/* "-m/--message" as argparse names an option in its errors. */
static const char *opt_display(struct arena *a, const struct cli_option *o)
{
	if (o->short_name && o->long_name)
		return arena_printf(a, "%s/%s", o->short_name, o->long_name);
	return o->short_name ? o->short_name : o->long_name;
}

/* Appends o's option strings, short first, as add_argument registers them. */
static void add_strings(struct pstate *st, const struct cli_option *o)
{
	if (o->short_name)
		st->strs[st->n_strs++] = (struct optstr){o->short_name, o};
	if (o->long_name)
		st->strs[st->n_strs++] = (struct optstr){o->long_name, o};
}

/* The parser's option strings in argparse's insertion order: -h, --help, then the table. */
static void build_strings(struct pstate *st)
{
	size_t n = 1;

	for (const struct cli_option *o = st->p->opts; o->dest; o++)
		n++;
	st->strs = arena_calloc(st->ctx->arena, n * 2, sizeof(*st->strs));
	add_strings(st, &help_option);
	for (const struct cli_option *o = st->p->opts; o->dest; o++)
		add_strings(st, o);
}

/* The option string equal to s[0..n), or NULL. */
static const struct optstr *find_exact(const struct pstate *st, const char *s, size_t n)
{
	for (size_t i = 0; i < st->n_strs; i++)
		if (strlen(st->strs[i].s) == n && !strncmp(st->strs[i].s, s, n))
			return &st->strs[i];
	return NULL;
}

/* argparse _negative_number_matcher: ^-\d+$|^-\d*\.\d+$ */
static bool looks_negative_number(const char *s)
{
	const char *p = s + 1;
	const char *dot;

	if (s[0] != '-' || !*p)
		return false;
	dot = strchr(p, '.');
	for (const char *q = p; *q; q++)
		if (!str_isdigit(*q) && q != dot)
			return false;
	if (!dot)
		return true;
	return dot[1] != '\0';
}

/* argparse _get_option_tuples for a "--" argument: every option string the
 * prefix (before any "=") starts. */
static int long_prefix(struct pstate *st, const char *arg, struct argtok *t)
{
	const char *eq = strchr(arg, '=');
	size_t n = eq ? (size_t)(eq - arg) : strlen(arg);
	const struct optstr *hit = NULL;
	struct buf names = BUF_INIT;
	size_t nhits = 0;

	for (size_t i = 0; i < st->n_strs; i++) {
		if (strncmp(st->strs[i].s, arg, n))
			continue;
		hit = &st->strs[i];
		buf_addf(&names, "%s%s", nhits++ ? ", " : "", hit->s);
	}
	if (nhits > 1) {
		char *m = buf_to_arena(&names, st->ctx->arena);
		buf_release(&names);
		return usage_error(st->ctx, st->p, "ambiguous option: %s could match %s", arg, m);
	}
	buf_release(&names);
	if (hit) {
		t->opt = hit->opt;
		t->opt_string = hit->s;
		t->explicit_arg = eq ? eq + 1 : NULL;
	}
	return 0;
}

/* argparse _parse_optional: classifies one argument. */
static int classify(struct pstate *st, const char *arg, struct argtok *t)
{
	const struct optstr *o;
	const char *eq;

	*t = (struct argtok){'A', NULL, NULL, NULL};
	if (!arg[0] || arg[0] != '-')
		return 0;
	if ((o = find_exact(st, arg, strlen(arg)))) {
		*t = (struct argtok){'O', o->opt, o->s, NULL};
		return 0;
	}
	if (!arg[1])
		return 0;
	eq = strchr(arg, '=');
	if (eq && (o = find_exact(st, arg, (size_t)(eq - arg)))) {
		*t = (struct argtok){'O', o->opt, o->s, eq + 1};
		return 0;
	}
	if (arg[1] == '-') {
		if (long_prefix(st, arg, t) < 0)
			return CLI_PARSE_ERROR;
	} else if ((o = find_exact(st, arg, 2))) {
		t->opt = o->opt;
		t->opt_string = o->s;
		t->explicit_arg = arg + 2;
	}
	if (t->opt) {
		t->kind = 'O';
		return 0;
	}
	if (looks_negative_number(arg) || strchr(arg, ' '))
		return 0;
	t->kind = 'O'; /* an option this parser does not know */
	return 0;
}

/* Classifies every argument (argparse's "O"/"A"/"-" pattern); the first
 * "--" is '-' and everything after it an argument.  Ambiguity errors here,
 * before anything acts, as in argparse. */
static int classify_all(struct pstate *st)
{
	bool after_dashes = false;

	st->toks = arena_calloc(st->ctx->arena, st->n_args + 1, sizeof(*st->toks));
	for (size_t i = 0; i < st->n_args; i++) {
		if (after_dashes) {
			st->toks[i].kind = 'A';
		} else if (!strcmp(st->args[i], "--")) {
			st->toks[i].kind = '-';
			after_dashes = true;
		} else if (classify(st, st->args[i], &st->toks[i]) < 0) {
			return CLI_PARSE_ERROR;
		}
	}
	return 0;
}

/* The parsed-value slot of dest (every option and positional has one). */
static struct cli_value *value_for(struct pstate *st, const char *dest)
{
	for (size_t i = 0; i < st->n_vals; i++)
		if (!strcmp(st->vals[i].dest, dest))
			return &st->vals[i];
	return NULL;
}

/* Prints the help or the version; CLI_PARSE_EXIT. */
static int special_action(struct pstate *st, const struct cli_option *o)
{
	struct buf b = BUF_INIT;

	if (o->kind == OPT_HELP)
		cli_format_help(&b, st->p, cli_help_width());
	else
		buf_addf(&b, "alembic %s\n", CLI_VERSION);
	fwrite(b.ptr, 1, b.len, st->ctx->out);
	buf_release(&b);
	return CLI_PARSE_EXIT;
}

/* Records a value: OPT_VALUE keeps the last, OPT_APPEND/flags accumulate. */
static void store(struct pstate *st, const struct cli_option *o, const char *v)
{
	struct cli_value *cv = value_for(st, o->dest);

	if (o->kind == OPT_VALUE)
		cv->values.n = 0; /* last one wins */
	strvec_push(st->ctx->arena, &cv->values, v);
}

/* A flag given as "-vx": argparse tries "-x" as the next flag of the cluster. */
static int flag_cluster(struct pstate *st, const struct argtok *t, size_t *i)
{
	const struct cli_option *o = t->opt;
	const char *rest = t->explicit_arg;

	for (;;) {
		if (o->kind == OPT_HELP || o->kind == OPT_VERSION)
			return special_action(st, o);
		if (o->kind == OPT_FLAG) {
			store(st, o, "1");
			if (!rest || !*rest)
				break;
			char two[3] = {'-', rest[0], '\0'};
			const struct optstr *n = find_exact(st, two, 2);
			if (!n)
				return usage_error(st->ctx, st->p,
						   "argument %s: ignored explicit argument %s",
						   opt_display(st->ctx->arena, o),
						   cli_py_repr(st->ctx->arena, rest));
			o = n->opt;
			rest = rest[1] ? rest + 1 : NULL;
			continue;
		}
		/* a value option inside the cluster: the rest is its value */
		if (rest) {
			store(st, o, rest);
			break;
		}
		if (*i + 1 < st->n_args && st->toks[*i + 1].kind == 'A') {
			store(st, o, st->args[++*i]);
			break;
		}
		return usage_error(st->ctx, st->p, "argument %s: expected one argument",
				   opt_display(st->ctx->arena, o));
	}
	return 0;
}

/* argparse consume_optional for the option at args[*i]. */
static int consume_option(struct pstate *st, size_t *i)
{
	const struct argtok *t = &st->toks[*i];
	const struct cli_option *o = t->opt;
	struct arena *a = st->ctx->arena;

	if (!o) {
		strvec_push(a, st->extras, st->args[*i]);
		return 0;
	}
	if (o->kind == OPT_FLAG || o->kind == OPT_HELP || o->kind == OPT_VERSION) {
		if (t->explicit_arg && t->opt_string[1] == '-')
			return usage_error(st->ctx, st->p,
					   "argument %s: ignored explicit argument %s",
					   opt_display(a, o), cli_py_repr(a, t->explicit_arg));
		return flag_cluster(st, t, i);
	}
	if (t->explicit_arg) {
		store(st, o, t->explicit_arg);
		return 0;
	}
	/* an option's value is the next argument; "--" is never one (argparse
	 * drops "-*" from the nargs pattern of options) */
	if (*i + 1 >= st->n_args || st->toks[*i + 1].kind != 'A')
		return usage_error(st->ctx, st->p, "argument %s: expected one argument",
				   opt_display(a, o));
	store(st, o, st->args[++*i]);
	return 0;
}

/* How many of toks[from..to) (arguments and "--") positional pos takes:
 * argparse's nargs patterns, matched at the start of the run; -1 if none. */
static long match_positional(const struct pstate *st, const struct cli_positional *pos, size_t from,
			     size_t to)
{
	size_t i = from, n_a = 0;

	while (i < to && st->toks[i].kind == '-')
		i++;
	while (i < to) {
		if (st->toks[i].kind == 'A') {
			if (n_a == 1 && (pos->nargs == NARGS_ONE || pos->nargs == NARGS_OPTIONAL))
				break;
			n_a++;
		}
		i++;
	}
	if (n_a == 0 && (pos->nargs == NARGS_ONE || pos->nargs == NARGS_MANY))
		return -1;
	return (long)(i - from);
}

/* Stores args[from..from+count) for pos, minus one "--" (argparse _get_values). */
static void take_positional(struct pstate *st, const struct cli_positional *pos, size_t from,
			    size_t count)
{
	struct cli_value *cv = value_for(st, pos->dest);
	bool removed = false;

	for (size_t k = from; k < from + count; k++) {
		if (!removed && !strcmp(st->args[k], "--")) {
			removed = true; /* argparse removes one "--" from the values */
			continue;
		}
		strvec_push(st->ctx->arena, &cv->values, st->args[k]);
	}
}

/* argparse consume_positionals over the run toks[from..to); returns the end. */
static size_t consume_positionals(struct pstate *st, size_t from, size_t to)
{
	while (st->p->pos && st->p->pos[st->n_pos_done].dest) {
		const struct cli_positional *pos = &st->p->pos[st->n_pos_done];
		long n = match_positional(st, pos, from, to);

		if (n < 0)
			break;
		take_positional(st, pos, from, (size_t)n);
		st->n_pos_done++;
		from += (size_t)n;
	}
	return from;
}

/* "the following arguments are required: ..." for unconsumed ONE/MANY positionals. */
static int check_required(struct pstate *st)
{
	struct buf names = BUF_INIT;
	int rc = 0;

	for (size_t k = st->n_pos_done; st->p->pos && st->p->pos[k].dest; k++) {
		const struct cli_positional *pos = &st->p->pos[k];
		if (pos->nargs == NARGS_ONE || pos->nargs == NARGS_MANY)
			buf_addf(&names, "%s%s", names.len ? ", " : "", pos->dest);
	}
	if (names.len)
		rc = usage_error(st->ctx, st->p, "the following arguments are required: %s",
				 buf_cstr(&names));
	buf_release(&names);
	return rc;
}

/* One empty value slot per option and positional, in table order. */
static void init_values(struct pstate *st)
{
	size_t n = 0, k = 0;

	for (const struct cli_option *o = st->p->opts; o->dest; o++)
		n++;
	for (const struct cli_positional *q = st->p->pos; q && q->dest; q++)
		n++;
	st->vals = arena_calloc(st->ctx->arena, n + 1, sizeof(*st->vals));
	for (const struct cli_option *o = st->p->opts; o->dest; o++)
		st->vals[k++].dest = o->dest;
	for (const struct cli_positional *q = st->p->pos; q && q->dest; q++)
		st->vals[k++].dest = q->dest;
	st->n_vals = k;
}

/* The command called name (exact: argparse does not abbreviate choices), or NULL. */
static const struct cli_command *find_command(const struct cli_parser *top, const char *name)
{
	for (size_t i = 0; i < top->n_cmds; i++)
		if (!strcmp(top->cmds[i]->name, name))
			return top->cmds[i];
	return NULL;
}

/* argparse's "argument {a,b}: invalid choice: 'x' (choose from 'a', 'b')". */
static int invalid_choice(struct pstate *st, const char *word)
{
	struct arena *a = st->ctx->arena;
	struct buf names = BUF_INIT, quoted = BUF_INIT;

	for (size_t i = 0; i < st->p->n_cmds; i++) {
		buf_addf(&names, "%s%s", i ? "," : "", st->p->cmds[i]->name);
		buf_addf(&quoted, "%s%s", i ? ", " : "", cli_py_repr(a, st->p->cmds[i]->name));
	}
	char *n = buf_to_arena(&names, a), *q = buf_to_arena(&quoted, a);
	buf_release(&names);
	buf_release(&quoted);
	return usage_error(st->ctx, st->p, "argument {%s}: invalid choice: %s (choose from %s)", n,
			   cli_py_repr(a, word), q);
}

/* Moves the tool-level options into their ctx fields. */
static void copy_globals(struct cli_ctx *ctx, const struct pstate *st)
{
	for (size_t i = 0; i < st->n_vals; i++) {
		const struct cli_value *v = &st->vals[i];
		const char *last = v->values.n ? v->values.v[v->values.n - 1] : NULL;

		if (!strcmp(v->dest, "config"))
			ctx->config_path = last;
		else if (!strcmp(v->dest, "name"))
			ctx->section = last;
		else if (!strcmp(v->dest, "x"))
			ctx->x_args = v->values;
		else if (!strcmp(v->dest, "raiseerr"))
			ctx->raiseerr = last != NULL;
		else if (!strcmp(v->dest, "quiet"))
			ctx->quiet = last != NULL;
	}
}

static int parse(struct pstate *st);

/* Runs the command's parser over args[from..); fills ctx. */
static int run_subparser(struct cli_ctx *ctx, struct pstate *top, const struct cli_command *cmd,
			 size_t from)
{
	struct cli_parser sp = {
		arena_printf(ctx->arena, "alembic %s", cmd->name),
		cmd->options,
		cmd->positionals,
		NULL,
		0,
	};
	struct pstate sub = {ctx,  &sp,  NULL, 0, top->args + from, top->n_args - from,
			     NULL, NULL, 0,    0, top->extras};
	int rc = parse(&sub);

	if (rc != 0)
		return rc;
	ctx->cmd = cmd;
	ctx->vals = sub.vals;
	ctx->n_vals = sub.n_vals;
	ctx->argv = (const char *const *)(top->args + from);
	return 0;
}

/* The tool's parser: the command word at args[i] takes all the rest
 * (argparse PARSER nargs "-*A[-AO]*": a leading "--" becomes the command
 * word, as in 3.11). */
static int parse_command_word(struct pstate *st, size_t i)
{
	const struct cli_command *cmd = find_command(st->p, st->args[i]);

	if (!cmd)
		return invalid_choice(st, st->args[i]);
	copy_globals(st->ctx, st);
	return run_subparser(st->ctx, st, cmd, i + 1);
}

/* A command's parser: positionals over the arguments args[i..) up to the
 * next option; what they leave is unrecognized.  Returns the next index. */
static size_t parse_positionals(struct pstate *st, size_t i)
{
	size_t end = i;

	while (end < st->n_args && st->toks[end].kind != 'O')
		end++;
	for (size_t k = consume_positionals(st, i, end); k < end; k++)
		strvec_push(st->ctx->arena, st->extras, st->args[k]);
	return end;
}

/* argparse _parse_known_args for the tool's parser or a command's. */
static int parse(struct pstate *st)
{
	int rc;
	size_t i = 0;

	build_strings(st);
	init_values(st);
	if ((rc = classify_all(st)) != 0)
		return rc;
	while (i < st->n_args) {
		if (st->toks[i].kind == 'O') {
			if ((rc = consume_option(st, &i)) != 0)
				return rc;
			i++;
			continue;
		}
		if (st->p->cmds && st->toks[i].kind == '-' && i + 1 == st->n_args) {
			/* a final "--": PARSER's "-*A..." needs an argument after it */
			strvec_push(st->ctx->arena, st->extras, st->args[i]);
			break;
		}
		if (st->p->cmds)
			return parse_command_word(st, i);
		i = parse_positionals(st, i);
	}
	if (st->p->cmds) {
		copy_globals(st->ctx, st);
		return 0;
	}
	consume_positionals(st, st->n_args, st->n_args);
	return check_required(st);
}

enum cli_parse_result cli_parse_args(struct cli_ctx *ctx, int argc, char **argv)
{
	struct strvec extras = STRVEC_INIT;
	struct cli_parser top = {"alembic", cli_global_options, NULL, cli_commands, cli_n_commands};
	struct pstate st = {ctx,  &top, NULL, 0, argv + 1, argc > 0 ? (size_t)argc - 1 : 0,
			    NULL, NULL, 0,    0, &extras};
	int rc = parse(&st);

	if (rc != 0)
		return rc;
	if (extras.n)
		return usage_error(ctx, &top, "unrecognized arguments: %s",
				   strvec_join(ctx->arena, &extras, " "));
	if (!ctx->cmd)
		return usage_error(ctx, &top, "too few arguments");
	return CLI_PARSE_OK;
}
