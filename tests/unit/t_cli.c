/*
 * t_cli.c - unit tests for the CLI layer's pure parts: textwrap.wrap
 * (expected lines computed with Python 3.11's textwrap), Python repr, the
 * argparse-compatible parser's results (values, prefixes, clusters, "--"),
 * and the revision output grammar on a small graph.
 */
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "cli/cli_int.h"
#include "core/graph.h"
#include "db/db.h"
#include "script/script.h"
#include "unit.h"

/* Joins the wrapped lines with "|" for compact comparison. */
static char *wrapped(struct arena *a, const char *text, int width)
{
	struct strvec lines = STRVEC_INIT;

	cli_wrap(a, text, width, &lines);
	return strvec_join(a, &lines, "|");
}

static void test_wrap_like_python(void)
{
	struct arena a = ARENA_INIT;

	CHECK_STR(wrapped(&a,
			  "Don't emit SQL to database - dump to standard output/file instead. "
			  "See docs on offline mode.",
			  54),
		  "Don't emit SQL to database - dump to standard|output/file instead. See docs "
		  "on offline mode.");
	CHECK_STR(wrapped(&a, "Allow a non-head revision as the 'head' to splice onto", 20),
		  "Allow a non-head|revision as the|'head' to splice|onto");
	CHECK_STR(wrapped(&a,
			  "Generating /tmp/ttyaaaa-bbbbbbbb-ccccccccccc-ddddddddddd/migrations/"
			  "versions/t1_a.py ...",
			  48),
		  "Generating /tmp/ttyaaaa-bbbbbbbb-ccccccccccc-|ddddddddddd/migrations/versions/"
		  "t1_a.py ...");
	CHECK_STR(wrapped(&a,
			  "\xc3\xbcn\303\257code \xe2\x80\x94 message with: punctuation/and  "
			  "spaces!!",
			  12),
		  "\xc3\xbcn\303\257code \xe2\x80\x94"
		  "|message|with: punctu|ation/and|spaces!!");
	CHECK_STR(wrapped(&a, "a\tb\nc   d", 5), "a|b c|d");
	CHECK_STR(wrapped(&a, "xxxxxxxxxxxxxxxxxxxxxxxxx", 10), "xxxxxxxxxx|xxxxxxxxxx|xxxxx");
	CHECK_STR(wrapped(&a, "  leading and trailing  ", 8), "leading|and|trailing");
	CHECK_STR(wrapped(&a, "", 8), "");
	arena_release(&a);
}

static void test_py_repr(void)
{
	struct arena a = ARENA_INIT;

	CHECK_STR(cli_py_repr(&a, "x"), "'x'");
	CHECK_STR(cli_py_repr(&a, "it's"), "\"it's\"");
	CHECK_STR(cli_py_repr(&a, "a'b\"c"), "'a\\'b\"c'");
	CHECK_STR(cli_py_repr(&a, "a\nb\\"), "'a\\nb\\\\'");
	CHECK_STR(cli_py_repr(&a, "\x01"), "'\\x01'");
	arena_release(&a);
}

/* Parses argv (NULL-terminated) into ctx; returns the parse result. */
static int parse(struct cli_ctx *ctx, struct arena *a, const char **argv)
{
	int argc = 0;

	memset(ctx, 0, sizeof(*ctx));
	ctx->arena = a;
	ctx->out = stdout;
	ctx->errout = stderr;
	while (argv[argc])
		argc++;
	return cli_parse_args(ctx, argc, (char **)argv);
}

static void test_parse_values(void)
{
	struct arena a = ARENA_INIT;
	struct cli_ctx ctx;
	const char *v1[] = {"alembic",   "-c",
			    "x.ini",     "-xa=1",
			    "-x",        "b=2",
			    "-q",        "revision",
			    "--autog",   "-mhello",
			    "--rev=abc", "--depends-on",
			    "d1",        "--depends-on=d2",
			    "--head",    "-1",
			    NULL};
	const char *v2[] = {"alembic", "history", "-vir-1:", NULL};
	const char *v3[] = {"alembic", "show", "--", "-x", NULL};
	const char *v4[] = {"alembic", "stamp", "a", "b", "--purge", NULL};

	CHECK_INT(parse(&ctx, &a, v1), CLI_PARSE_OK);
	CHECK_STR(ctx.cmd->name, "revision");
	CHECK_STR(ctx.config_path, "x.ini");
	CHECK_INT(ctx.x_args.n, 2);
	CHECK_STR(ctx.x_args.v[1], "b=2");
	CHECK(ctx.quiet);
	CHECK(cli_flag(&ctx, "autogenerate"));
	CHECK_STR(cli_arg(&ctx, "message"), "hello");
	CHECK_STR(cli_arg(&ctx, "rev_id"), "abc");
	CHECK_INT(cli_list(&ctx, "depends_on")->n, 2);
	CHECK_STR(cli_list(&ctx, "depends_on")->v[1], "d2");
	CHECK_STR(cli_arg(&ctx, "head"), "-1");
	CHECK(!cli_flag(&ctx, "splice"));

	CHECK_INT(parse(&ctx, &a, v2), CLI_PARSE_OK);
	CHECK(cli_flag(&ctx, "verbose") && cli_flag(&ctx, "indicate_current"));
	CHECK_STR(cli_arg(&ctx, "rev_range"), "-1:");

	CHECK_INT(parse(&ctx, &a, v3), CLI_PARSE_OK);
	CHECK_STR(cli_arg(&ctx, "rev"), "-x");

	CHECK_INT(parse(&ctx, &a, v4), CLI_PARSE_OK);
	CHECK_INT(cli_list(&ctx, "revisions")->n, 2);
	CHECK(cli_flag(&ctx, "purge"));
	arena_release(&a);
}

static void test_parse_errors(void)
{
	struct arena a = ARENA_INIT;
	struct cli_ctx ctx;
	const char *v1[] = {"alembic", "revision", "--s", NULL};
	const char *v2[] = {"alembic", "show", NULL};
	const char *v3[] = {"alembic", NULL};

	CHECK_INT(parse(&ctx, &a, v1), CLI_PARSE_ERROR);
	CHECK_INT(ctx.err.code, ERR_USAGE);
	CHECK_STR(ctx.err.arg, "alembic revision");
	CHECK_STR(ctx.err.msg, "ambiguous option: --s could match --sql, --splice");
	CHECK_INT(parse(&ctx, &a, v2), CLI_PARSE_ERROR);
	CHECK_STR(ctx.err.msg, "the following arguments are required: rev");
	CHECK_STR(ctx.err.detail, "usage: alembic show [-h] rev\n");
	CHECK_INT(parse(&ctx, &a, v3), CLI_PARSE_ERROR);
	CHECK_STR(ctx.err.arg, "alembic");
	CHECK_STR(ctx.err.msg, "too few arguments");
	arena_release(&a);
}

/* A rev with a script payload, for revfmt. */
static struct rev *mk(struct arena *a, const char *id, const char *down, const char *doc)
{
	struct rev *r = arena_alloc(a, sizeof(*r));
	struct script *s = arena_alloc(a, sizeof(*s));

	r->id = s->id = id;
	if (down)
		strvec_push(a, &r->down, down);
	s->doc = doc;
	s->longdoc = arena_printf(a, "%s\n\nRevision ID: %s", doc, id);
	s->path = arena_printf(a, "/v/%s.sql", id);
	r->data = s;
	return r;
}

static void test_revfmt(void)
{
	struct arena a = ARENA_INIT;
	struct graph g;
	struct err e;
	struct rev *revs[3] = {mk(&a, "aaaa", NULL, "root"), mk(&a, "bbbb", "aaaa", "b"),
			       mk(&a, "cccc", "aaaa", "")};
	struct buf b = BUF_INIT;
	struct revfmt_opts hist = {.include_branches = true,
				   .include_doc = true,
				   .include_parents = true,
				   .tree_indicators = true};

	CHECK_INT(graph_build(&a, revs, 3, &g, &e), 0);
	revfmt_cmd_format(&b, revs[0], &hist);
	CHECK_STR(buf_cstr(&b), "<base> -> aaaa (branchpoint), root");
	buf_reset(&b);
	revfmt_cmd_format(&b, revs[2], &hist);
	CHECK_STR(buf_cstr(&b), "aaaa -> cccc (head), ");
	buf_reset(&b);
	revfmt_log_entry(&b, revs[0], true);
	CHECK_STR(buf_cstr(&b), "Rev: aaaa (branchpoint) (current)\nParent: <base>\n"
				"Branches into: bbbb, cccc\nPath: /v/aaaa.sql\n\n    root\n    \n"
				"    Revision ID: aaaa\n");
	buf_release(&b);
	arena_release(&a);
}

/* SIGINT/SIGTERM handlers: no SA_RESTART; the first signal is recorded for
 * the db layer and puts both back to their default action, so a second
 * one ends the process at once. */
static void test_signals(void)
{
	struct arena a = ARENA_INIT;
	struct cli_ctx ctx;
	struct sigaction sa;

	memset(&ctx, 0, sizeof(ctx));
	ctx.arena = &a;
	signal(SIGINT, SIG_DFL); /* as a foreground process gets it */
	cli_catch_signals(&ctx);
	CHECK(sigaction(SIGTERM, NULL, &sa) == 0);
	CHECK(sa.sa_handler != SIG_DFL && sa.sa_handler != SIG_IGN);
	CHECK(!(sa.sa_flags & SA_RESTART));
	CHECK(sigaction(SIGINT, NULL, &sa) == 0 && sa.sa_handler != SIG_DFL);
	CHECK_INT(db_interrupted(), 0);
	raise(SIGINT);
	CHECK_INT(db_interrupted(), SIGINT);
	CHECK(sigaction(SIGTERM, NULL, &sa) == 0 && sa.sa_handler == SIG_DFL);
	CHECK(sigaction(SIGINT, NULL, &sa) == 0 && sa.sa_handler == SIG_DFL);
	db_interrupt_reset();
	/* a signal ignored on entry stays ignored */
	signal(SIGINT, SIG_IGN);
	signal(SIGTERM, SIG_DFL);
	ctx.signals_caught = false;
	cli_catch_signals(&ctx);
	CHECK(sigaction(SIGINT, NULL, &sa) == 0 && sa.sa_handler == SIG_IGN);
	arena_release(&a);
}

static const struct unit_test tests[] = {
	UNIT(test_wrap_like_python),
	UNIT(test_py_repr),
	UNIT(test_parse_values),
	UNIT(test_parse_errors),
	UNIT(test_revfmt),
	UNIT(test_signals),
	{0},
};

UNIT_MAIN(tests)
