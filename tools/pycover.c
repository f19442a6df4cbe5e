/*
 * tools/pycover.c - coverage of real-world revision files by the native
 * Python front end (a measuring tool of the bench; built by `make pycover`,
 * never installed, not part of the executable).
 *
 *   pycover [-q] [-T] [-b] [-1] [-d DIALECT]... [-l LIST] [FILE...]
 *
 * For each revision file: read it, parse it (py_parse_module), read its
 * header (py_module_header), then for every dialect (default sqlite and
 * postgresql) and for upgrade() and downgrade(): evaluate the function
 * (py_eval_function), bind the body to the operations IR (py_bind_body) and
 * compile it to SQL (sql_compile_body), offline (--sql) and online (each
 * evaluated for its mode: context.is_offline_mode() differs).  Prints
 * one line per file, "OK path" or "REFUSED path:line:col: message
 * [stage dialect function]" (the first refusal), then a summary: files OK /
 * total and a histogram of the refusal reasons (messages with quoted names
 * and numbers generalised), most frequent first.  An irreversible direction
 * (raise NotImplementedError) counts as OK: only running it is refused.
 * Per dialect it also counts the files refused only where Alembic fails the
 * same migration (alembic_too below: "the behaviour matches").
 *
 * Stages exist as far as the library it is linked with has them: the
 * Makefile looks at libalembic.a's symbols and defines PYCOVER_HAVE_EVAL,
 * PYCOVER_HAVE_BIND and PYCOVER_HAVE_DDL (and PYCOVER_HAVE_DDESC: the
 * evaluator is given "<dialect>+<default DBAPI>" as dialect_description);
 * without them the later stages are reported as "not built" (the header
 * says which).  -b measures main's
 * reader instead (src/script/pyparse.c: bodies of op.execute(<literal>)
 * only), the baseline.
 *
 * -l LIST reads file names from LIST (one a line; "-" is stdin) as well.
 * -T adds the time spent per file in parse+eval+bind+compile to the summary
 * (reading the file excluded): wall clock and the process's CPU time (the
 * latter is what to quote on a loaded machine).
 * -1 checks what one `upgrade` run compiles: upgrade() on the first
 * dialect, online only (the benchmark's compile time per revision).
 * -q prints only the summary.  Exit status 0 when it ran (whatever the
 * coverage), 2 on a usage error or an unreadable file list.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/arena.h"
#include "base/err.h"
#include "base/fs.h"
#include "base/vec.h"
#include "script/pyparse.h"
/* Each stage needs the ones before it. */
#if defined(PYCOVER_HAVE_PARSE)
#define PC_PARSE 1
#include "py/py.h"
#endif
#if defined(PC_PARSE) && defined(PYCOVER_HAVE_EVAL)
#define PC_EVAL 1
#endif
#if defined(PC_EVAL) && defined(PYCOVER_HAVE_BIND)
#define PC_BIND 1
#include "py/bind.h"
#endif
#if defined(PC_EVAL) && defined(PYCOVER_HAVE_INSPECT)
#define PC_INSPECT 1
#include "py/inspect.h"
#endif
#if defined(PC_BIND) && defined(PYCOVER_HAVE_DDL)
#define PC_DDL 1
#include "sql/ddl.h"
#include "sql/dialect.h"
#endif

#define MAX_DIALECTS 8
#define MAX_REASONS 4096

struct opts {
	bool quiet;			   /* summary only */
	bool timing;			   /* report compile time per file */
	bool baseline;			   /* main's reader (pyparse) instead of src/py */
	bool one_pass;			   /* first dialect, upgrade() only, online only */
	const char *dialects[MAX_DIALECTS]; /* dialects evaluated */
	size_t n_dialects;		   /* their number */
};

/* One generalised refusal reason and how many files gave it. */
struct reason {
	char *text; /* the generalised message */
	size_t n;   /* files */
};

struct tally {
	size_t total;			/* files looked at */
	size_t ok;			/* files that compiled in every direction/dialect */
	size_t irreversible;		/* of those, files with an irreversible direction */
	size_t ok_dialect[MAX_DIALECTS]; /* files that compiled on that dialect of opts */
	size_t as_alembic[MAX_DIALECTS]; /* files refused there as Alembic fails them too */
	size_t matching;		/* files OK or failing as in Alembic on every dialect */
	struct reason v[MAX_REASONS];	/* distinct reasons */
	size_t n;			/* their number */
	size_t other;			/* files whose reason did not fit in v */
	double seconds;			/* wall time in parse..compile over all files */
	double cpu_seconds;		/* CPU time of the process in the same spans */
};

static double clock_seconds(clockid_t id)
{
	struct timespec ts;
	clock_gettime(id, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/*
 * Generalises a refusal message for the histogram: text between quotes
 * becomes '…' (a quote right after a letter is an apostrophe), runs of
 * digits become N, so "unknown name 'sa.Foo'" and
 * "unknown name 'sa.Bar'" count as one reason.  Names in words of the
 * construct (no quotes) are kept.
 */
static char *generalise(struct arena *a, const char *msg)
{
	size_t n = strlen(msg);
	char *out = arena_alloc(a, n * 3 + 1);
	size_t o = 0;
	for (size_t i = 0; i < n; i++) {
		char c = msg[i];
		bool after_word = i > 0 && (isalnum((unsigned char)msg[i - 1]) || msg[i - 1] == '_');
		if ((c == '\'' || c == '"') && !after_word && strchr(msg + i + 1, c) != NULL) {
			const char *end = strchr(msg + i + 1, c);
			memcpy(out + o, "'\xe2\x80\xa6'", 5);
			o += 5;
			i = (size_t)(end - msg);
		} else if (c >= '0' && c <= '9') {
			out[o++] = 'N';
			while (i + 1 < n && msg[i + 1] >= '0' && msg[i + 1] <= '9')
				i++;
		} else {
			out[o++] = c;
		}
	}
	out[o] = '\0';
	return out;
}

static void tally_reason(struct tally *t, const char *text)
{
	for (size_t i = 0; i < t->n; i++) {
		if (strcmp(t->v[i].text, text) == 0) {
			t->v[i].n++;
			return;
		}
	}
	if (t->n == MAX_REASONS) {
		t->other++;
		return;
	}
	t->v[t->n].text = strdup(text);
	if (t->v[t->n].text == NULL) {
		t->other++;
		return;
	}
	t->v[t->n++].n = 1;
}

/* The outcome of one file. */
struct outcome {
	bool ok;		 /* every stage passed */
	bool irreversible;	 /* some direction raises (still OK) */
	struct err e;		 /* the first refusal */
	const char *stage;	 /* where: "read", "parse", "header", "eval", "bind", "compile" */
	const char *dialect;	 /* for eval/bind/compile: which dialect */
	const char *function;	 /* "upgrade" / "downgrade" */
	bool failed[MAX_DIALECTS]; /* per dialect of opts: some stage refused it */
	bool as_alembic[MAX_DIALECTS]; /* ... with a refusal Alembic makes too */
};

#ifdef PC_PARSE
/*
 * Refusals where Alembic 1.8.1 / SQLAlchemy 1.4 fail the same migration on
 * that dialect (its own NotImplementedError / CompileError, or SQL it emits
 * that the database rejects, sql/ddl.h): the file behaves as in Alembic.
 */
static const char *const alembic_too[] = {
	"No support for ALTER of constraints in SQLite dialect",
	"SQLite cannot ALTER COLUMN",
	"Compiler for dialect ",
	"No generic 'DROP CONSTRAINT' in MySQL",
	"PostgreSQL ENUM type requires a name",
	"This operation cannot proceed in --sql mode; batch mode with dialect ",
	"Can't emit DROP CONSTRAINT for constraint ",
	"object of type 'NoneType' has no len()",
	"Constraint must have a name",
};

static bool fails_in_alembic_too(const struct outcome *o)
{
	/* offline, sa.inspect(bind) of a MockConnection: Alembic's AttributeError */
	if (strcmp(o->stage, "eval") == 0 && strncmp(o->e.msg, "inspecting the database (", 25) == 0 &&
	    strstr(o->e.msg, "cannot run in --sql mode") != NULL)
		return true;
	if (strcmp(o->stage, "compile") != 0)
		return false;
	for (size_t i = 0; i < sizeof alembic_too / sizeof alembic_too[0]; i++)
		if (strncmp(o->e.msg, alembic_too[i], strlen(alembic_too[i])) == 0)
			return true;
	return false;
}
#endif

static int refuse(struct outcome *o, const char *stage, const char *dialect, const char *fn)
{
	if (dialect == NULL)
		for (size_t d = 0; d < MAX_DIALECTS; d++)
			o->failed[d] = true;
	o->ok = false;
	o->stage = stage;
	o->dialect = dialect;
	o->function = fn;
	return -1;
}

/* Main's reader: a body is refused unless it is op.execute(<literal>)/pass. */
static int check_baseline(struct arena *a, const char *path, const char *text, size_t len,
			  struct outcome *o)
{
	struct pyparse_result r;
	if (pyparse_module(a, path, text, len, &r, &o->e) != 0)
		return refuse(o, "parse", NULL, NULL);
	const struct script_section *s[2] = {&r.upgrade, &r.downgrade};
	const char *names[2] = {"upgrade", "downgrade"};
	for (int i = 0; i < 2; i++) {
		if (s[i]->refusal != NULL) {
			err_at(&o->e, ERR_INPUT, path, s[i]->refusal_line, "%s", s[i]->refusal);
			return refuse(o, "read", NULL, names[i]);
		}
	}
	return 0;
}

#ifdef PC_PARSE
#ifdef PC_INSPECT
/*
 * Online, sa.inspect(bind) is answered by a fake empty database of the
 * dialect (only the version table, as at the first upgrade of a new
 * database): a file inspecting what an earlier revision made counts as OK
 * only where its code runs on that answer (SQLite's empty answers), and is
 * refused where SQLAlchemy raises (PostgreSQL's NoSuchTableError).
 */
static int empty_db_read(void *ctx, struct arena *a, const char *schema, const struct py_op *ops,
			 size_t n_ops, const struct py_insp_db **out, struct err *e)
{
	static const char *const pg_schemas[] = {"information_schema", "public"};
	static const char *const sqlite_schemas[] = {"main"};
	static struct sch_column vnum = {.name = "version_num", .nullable = SCH_FALSE};
	static struct sch_column *vcols[] = {&vnum};
	static struct sch_table vt = {.name = "alembic_version", .columns = vcols, .n_columns = 1};
	static struct sch_table *tables[] = {&vt};
	static struct py_insp_db pg = {.dialect = "postgresql", .default_schema = "public",
				       .schema_names = pg_schemas, .n_schema_names = 2,
				       .tables = tables, .n_tables = 1};
	static struct py_insp_db lite = {.dialect = "sqlite", .default_schema = "main",
					 .schema_names = sqlite_schemas, .n_schema_names = 1,
					 .tables = tables, .n_tables = 1};
	const char *dialect = ctx;

	(void)a, (void)schema, (void)ops, (void)n_ops, (void)e;
	*out = strcmp(dialect, "postgresql") == 0 ? &pg : &lite;
	return 0;
}
#endif

/* One function on one dialect through every stage the library has. */
static int check_pass(struct arena *a, const char *path, const struct py_module *m,
		      const char *dialect, const char *fn, bool as_sql, struct outcome *o)
{
#ifdef PC_EVAL
	struct py_eval_ctx ctx = {.file = path, .dialect = dialect, .as_sql = as_sql};
#ifdef PC_INSPECT
	struct py_inspector insp = {empty_db_read, (void *)dialect};
	if (!as_sql)
		ctx.inspector = &insp;
#endif
	struct py_body body;
#if defined(PC_DDL) && defined(PYCOVER_HAVE_DDESC)
	/* no URL here: the dialect's default DBAPI, as for "<dialect>://" */
	if (sql_dialect_find(dialect))
		ctx.dialect_description = sql_dialect_description(a, sql_dialect_find(dialect), NULL);
#endif
	if (py_eval_function(a, m, fn, &ctx, &body, &o->e) != 0)
		return refuse(o, "eval", dialect, fn);
	if (body.irreversible) {
		o->irreversible = true;
		return 0;
	}
#ifdef PC_BIND
	struct mig_body mb;
	if (py_bind_body(a, path, &body, &mb, &o->e) != 0)
		return refuse(o, "bind", dialect, fn);
#ifdef PC_DDL
	struct sql_opts so = {.d = sql_dialect_find(dialect), .as_sql = as_sql, .file = path};
	struct sql_stmts out = {0};
	if (sql_compile_body(a, &so, &mb, &out, &o->e) != 0)
		return refuse(o, "compile", dialect, fn);
#endif
#endif
#else
	(void)a, (void)path, (void)m, (void)dialect, (void)fn, (void)as_sql, (void)o;
#endif
	return 0;
}

/* One function on one dialect through every stage the library has, online
 * then offline (--sql: context.is_offline_mode() is True); -1: online only.
 * Online first, so an offline-only refusal of Alembic's (batch on SQLite
 * without copy_from) is only reported when the online run compiles. */
static int check_function(struct arena *a, const struct opts *op, const char *path,
			  const struct py_module *m, const char *dialect, const char *fn,
			  struct outcome *o)
{
	for (int as_sql = 0; as_sql <= (op->one_pass ? 0 : 1); as_sql++)
		if (check_pass(a, path, m, dialect, fn, as_sql != 0, o) != 0)
			return -1;
	return 0;
}

/* The new front end: parse, header, then each dialect x direction. */
static int check_front_end(struct arena *a, const struct opts *op, const char *path,
			   const char *text, size_t len, struct outcome *o)
{
	struct py_module *m;
	if (py_parse_module(a, path, text, len, &m, &o->e) != 0)
		return refuse(o, "parse", NULL, NULL);
	struct py_header h;
	if (py_module_header(a, m, &h, &o->e) != 0)
		return refuse(o, "header", NULL, NULL);
	const char *fns[2] = {"upgrade", "downgrade"};
	size_t n_d = op->one_pass ? 1 : op->n_dialects;
	int n_f = op->one_pass ? 1 : 2;
	for (size_t d = 0; d < n_d; d++) {
		struct outcome one = {.ok = true};
		for (int f = 0; f < n_f; f++)
			if (check_function(a, op, path, m, op->dialects[d], fns[f], &one) != 0)
				break;
		o->irreversible |= one.irreversible;
		if (one.ok)
			continue;
		o->failed[d] = true;
		o->as_alembic[d] = fails_in_alembic_too(&one);
		if (o->ok) { /* the first refusal is the one reported */
			o->ok = false;
			o->e = one.e;
			o->stage = one.stage;
			o->dialect = one.dialect;
			o->function = one.function;
		}
	}
	return o->ok ? 0 : -1;
}
#endif

static void check_file(const struct opts *op, const char *path, struct tally *t)
{
	struct arena a;
	arena_init(&a);
	struct outcome o = {.ok = true};
	err_clear(&o.e);
	char *text;
	size_t len;
	if (fs_read_file(&a, path, &text, &len, &o.e) != 0) {
		refuse(&o, "read", NULL, NULL);
	} else {
		double t0 = clock_seconds(CLOCK_MONOTONIC);
		double c0 = clock_seconds(CLOCK_PROCESS_CPUTIME_ID);
#ifdef PC_PARSE
		if (op->baseline)
			(void)check_baseline(&a, path, text, len, &o);
		else
			(void)check_front_end(&a, op, path, text, len, &o);
#else
		(void)check_baseline(&a, path, text, len, &o);
#endif
		t->seconds += clock_seconds(CLOCK_MONOTONIC) - t0;
		t->cpu_seconds += clock_seconds(CLOCK_PROCESS_CPUTIME_ID) - c0;
	}
	t->total++;
	bool matching = true;
	for (size_t d = 0; d < op->n_dialects; d++) {
		t->ok_dialect[d] += !o.failed[d];
		t->as_alembic[d] += o.as_alembic[d];
		matching = matching && (!o.failed[d] || o.as_alembic[d]);
	}
	t->matching += matching;
	if (o.ok) {
		t->ok++;
		t->irreversible += o.irreversible;
		if (!op->quiet)
			printf("OK %s%s\n", path, o.irreversible ? " (irreversible direction)" : "");
	} else {
		if (!op->quiet)
			printf("REFUSED %s:%d:%d: %s [%s%s%s%s%s]\n", o.e.file[0] ? o.e.file : path,
			       o.e.line, o.e.col, o.e.msg, o.stage, o.dialect ? " " : "",
			       o.dialect ? o.dialect : "", o.function ? " " : "",
			       o.function ? o.function : "");
		char *g = arena_printf(&a, "[%s] %s", o.stage, generalise(&a, o.e.msg));
		tally_reason(t, g);
	}
	arena_release(&a);
}

static int by_count(const void *x, const void *y)
{
	const struct reason *a = x, *b = y;
	if (a->n != b->n)
		return a->n < b->n ? 1 : -1;
	return strcmp(a->text, b->text);
}

static void summary(const struct opts *op, struct tally *t)
{
	const char *stages =
#if defined(PC_DDL)
		"parse+header+eval+bind+compile";
#elif defined(PC_BIND)
		"parse+header+eval+bind (compile not built)";
#elif defined(PC_EVAL)
		"parse+header+eval (bind, compile not built)";
#elif defined(PC_PARSE)
		"parse+header (eval, bind, compile not built)";
#else
		"main's reader (src/py not built)";
#endif
	if (op->baseline)
		stages = "main's reader (op.execute bodies only)";
	printf("\nstages: %s; dialects:", stages);
	for (size_t d = 0; d < (op->one_pass ? 1 : op->n_dialects); d++)
		printf(" %s", op->dialects[d]);
	if (op->one_pass)
		printf(" (upgrade() only, online only)");
	printf("\nfiles OK: %zu / %zu (%.1f%%)", t->ok, t->total,
	       t->total ? 100.0 * (double)t->ok / (double)t->total : 0.0);
	if (t->irreversible)
		printf(", %zu of them with an irreversible direction", t->irreversible);
	printf("\n");
	double pc = t->total ? 100.0 / (double)t->total : 0.0;
	for (size_t d = 0; d < (op->one_pass ? 1 : op->n_dialects); d++)
		printf("  on %s: %zu OK (%.1f%%), %zu more refused as Alembic fails them too\n",
		       op->dialects[d], t->ok_dialect[d], pc * (double)t->ok_dialect[d],
		       t->as_alembic[d]);
	printf("files OK or failing as in Alembic on every dialect: %zu (%.1f%%)\n", t->matching,
	       pc * (double)t->matching);
	if (op->timing && t->total)
		printf("time per file (parse..compile%s): %.1f us wall, %.1f us CPU\n",
		       op->one_pass ? "" : ", all dialects and directions",
		       1e6 * t->seconds / (double)t->total, 1e6 * t->cpu_seconds / (double)t->total);
	qsort(t->v, t->n, sizeof t->v[0], by_count);
	if (t->n)
		printf("refusal reasons (files):\n");
	for (size_t i = 0; i < t->n; i++)
		printf("%6zu  %s\n", t->v[i].n, t->v[i].text);
	if (t->other)
		printf("%6zu  (other reasons, table full)\n", t->other);
	for (size_t i = 0; i < t->n; i++)
		free(t->v[i].text);
}

static int read_list(const struct opts *op, const char *list, struct tally *t)
{
	FILE *f = strcmp(list, "-") == 0 ? stdin : fopen(list, "r");
	if (f == NULL) {
		fprintf(stderr, "pycover: cannot open %s\n", list);
		return -1;
	}
	char line[8192];
	while (fgets(line, sizeof line, f) != NULL) {
		line[strcspn(line, "\r\n")] = '\0';
		if (line[0] != '\0')
			check_file(op, line, t);
	}
	if (f != stdin)
		fclose(f);
	return 0;
}

static int usage(void)
{
	fprintf(stderr, "usage: pycover [-q] [-T] [-b] [-1] [-d DIALECT]... [-l LIST] [FILE...]\n");
	return 2;
}

int main(int argc, char **argv)
{
	static struct tally t;
	struct opts op = {0};
	const char *lists[64];
	size_t n_lists = 0;
	int i = 1;
	for (; i < argc && argv[i][0] == '-' && argv[i][1] != '\0'; i++) {
		const char *a = argv[i];
		if (strcmp(a, "-q") == 0)
			op.quiet = true;
		else if (strcmp(a, "-T") == 0)
			op.timing = true;
		else if (strcmp(a, "-b") == 0)
			op.baseline = true;
		else if (strcmp(a, "-1") == 0)
			op.one_pass = true;
		else if (strcmp(a, "-d") == 0 && i + 1 < argc && op.n_dialects < MAX_DIALECTS)
			op.dialects[op.n_dialects++] = argv[++i];
		else if (strcmp(a, "-l") == 0 && i + 1 < argc && n_lists < 64)
			lists[n_lists++] = argv[++i];
		else if (strcmp(a, "--") == 0) {
			i++;
			break;
		} else
			return usage();
	}
	if (op.n_dialects == 0) {
		op.dialects[op.n_dialects++] = "sqlite";
		op.dialects[op.n_dialects++] = "postgresql";
	}
	if (i == argc && n_lists == 0)
		return usage();
	for (size_t l = 0; l < n_lists; l++)
		if (read_list(&op, lists[l], &t) != 0)
			return 2;
	for (; i < argc; i++)
		check_file(&op, argv[i], &t);
	summary(&op, &t);
	return 0;
}
