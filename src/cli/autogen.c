/*
 * autogen.c - what `revision --autogenerate` and `check` share: load the
 * model (src/model: the project's Python runs env.py through our helper),
 * compare it with the database (run_autogen), render the difference
 * (ag_render_py) into the revision template's ${imports} / ${upgrades} /
 * ${downgrades}.
 *
 * Order of refusals as Alembic's: a model that does not import fails first
 * (Alembic runs env.py before anything else), then the database must be at
 * the heads ("Target database is not up to date."), then env.py must give
 * target_metadata.  Nothing is written before all of them passed.
 *
 * Renames: a SQL model's "-- @renamed from=old" hints are read here
 * (ag_sql_hints); revision --autogenerate renders with our reviewer's
 * comments (ag_render_opts.review) and, when stdin is a terminal, asks
 * about each rename candidate ("rename users.fullname to users.full_name?
 * [y/N]", on stderr) and compares again with the confirmed ones as hints.
 * `check` never asks.
 */
#include <glob.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "autogen/autogen.h"
#include "base/fs.h"
#include "base/str.h"
#include "cli/cli_int.h"
#include "config/config.h"
#include "config/ini.h"
#include "db/db.h"
#include "model/model.h"
#include "script/script.h"
#include "sql/dialect.h"

/* The dialect the model is compiled for: the URL's. */
static int ag_dialect(struct cli_ctx *ctx, const char **out)
{
	struct db_url u;

	if (!ctx->config->url && ctx->config->url_err) {
		ctx->err = *ctx->config->url_err;
		return -1;
	}
	if (!ctx->config->url)
		return err_set(&ctx->err, ERR_COMMAND,
			       "No 'sqlalchemy.url' key found in the configuration");
	if (url_parse(ctx->arena, ctx->config->url, &u, &ctx->err) < 0)
		return -1;
	if (!sql_dialect_find(u.dialect)) /* as a run says it (run_ctx_init) */
		return err_set(&ctx->err, ERR_DB, "Can't load plugin: sqlalchemy.dialects:%s",
			       u.drivername);
	*out = u.dialect;
	return 0;
}

/* A model setting: what env.py's configure() gave, else the ini's, else dflt. */
static bool ag_setting(enum sch_tristate from_env, const struct config *c, const char *key,
		       bool ini_value, bool dflt)
{
	if (from_env != SCH_UNSET)
		return from_env == SCH_TRUE;
	if (c->ini && ini_lookup(c->ini, c->section ? c->section : "alembic", key))
		return ini_value;
	return dflt;
}

/* The helper's options (kept for model_decide's run: arena-owned). */
static int ag_load_model(struct cli_ctx *ctx, const char *dialect, struct model *m,
			 struct run_autogen_req *r)
{
	const struct config *c = ctx->config;
	struct model_py_opts *pm = arena_calloc(ctx->arena, 1, sizeof(*pm)), mo = {0};

	mo.ini_path = c->ini_abspath;
	mo.ini_section = c->section;
	mo.script_location = c->script_location;
	mo.dialect = dialect;
	mo.url = c->url;
	mo.x_args = (const char *const *)c->x_args.v;
	mo.n_x_args = c->x_args.n;
	*pm = mo;
	r->decide_arg = pm;
	return model_load_python(ctx->arena, pm, m, &ctx->err);
}

/* run_autogen_req.decide: env.py's filters asked about the database. */
static int ag_decide(void *arg, struct arena *a, const struct db_schema *live, struct ag_leave **v,
		     size_t *n, struct err *e)
{
	return model_decide(a, arg, live, v, n, e);
}

/* The files one target_metadata pattern names (relative to the ini's
 * directory), bytewise sorted (glob's own sort follows the locale). */
static int ag_glob(struct cli_ctx *ctx, const char *pat, struct strvec *files)
{
	struct strvec found = STRVEC_INIT;
	const char *full = pat[0] == '/' ? pat : fs_join(ctx->arena, ctx->config->here, pat);
	glob_t g;
	int rc = glob(full, GLOB_NOSORT, NULL, &g);

	if (rc == GLOB_NOMATCH)
		return err_set(&ctx->err, ERR_INPUT,
			       "target_metadata = %s (alembic.ini): no file matches %s", pat, full);
	if (rc != 0)
		return err_set(&ctx->err, ERR_IO, "target_metadata = %s: cannot list %s", pat,
			       full);
	for (size_t i = 0; i < g.gl_pathc; i++)
		strvec_push(ctx->arena, &found, arena_strdup(ctx->arena, g.gl_pathv[i]));
	globfree(&g);
	strvec_sort(&found);
	for (size_t i = 0; i < found.n; i++)
		strvec_push_unique(ctx->arena, files, found.v[i]);
	return 0;
}

/* The rename hints of a SQL model, as they are read. */
struct ag_hints {
	struct ag_rename *v;
	size_t n, cap;
};

/* One SQL model file split into statements, appended to *v; its rename
 * hints to *h. */
static int ag_sql_file(struct cli_ctx *ctx, const char *dialect, const char *path,
		       struct run_model_stmt **v, size_t *n, size_t *cap, struct ag_hints *h)
{
	struct split_stmt *st;
	size_t nst, len;
	char *text;

	if (fs_read_file(ctx->arena, path, &text, &len, &ctx->err) < 0)
		return -1;
	if (ag_sql_hints(ctx->arena, dialect, path, text, len, &h->v, &h->n, &h->cap, &ctx->err) <
	    0)
		return -1;
	if (split_sql(ctx->arena, text, 1, split_opts_for(dialect), &st, &nst, &ctx->err) < 0) {
		snprintf(ctx->err.file, sizeof(ctx->err.file), "%s", path);
		return -1;
	}
	for (size_t i = 0; i < nst; i++) {
		if (*n == *cap) {
			size_t ncap = *cap ? *cap * 2 : 16;
			*v = arena_grow(ctx->arena, *v, *cap, ncap, sizeof(**v));
			*cap = ncap;
		}
		(*v)[(*n)++] = (struct run_model_stmt){st[i].sql, path, st[i].line};
	}
	return 0;
}

/* A model of SQL files: alembic.ini's target_metadata, blank-separated globs. */
static int ag_sql_model(struct cli_ctx *ctx, const char *dialect, struct run_autogen_req *r)
{
	struct strvec pats = STRVEC_INIT, files = STRVEC_INIT;
	struct run_model_stmt *v = NULL;
	size_t n = 0, cap = 0;
	struct ag_hints h = {0};

	str_split_blank(ctx->arena, ctx->config->target_metadata, &pats);
	for (size_t i = 0; i < pats.n; i++)
		if (ag_glob(ctx, pats.v[i], &files) < 0)
			return -1;
	for (size_t i = 0; i < files.n; i++)
		if (ag_sql_file(ctx, dialect, files.v[i], &v, &n, &cap, &h) < 0)
			return -1;
	r->model_sql = v ? v : arena_alloc(ctx->arena, sizeof(*v));
	r->n_model_sql = n;
	r->hints = h.v;
	r->n_hints = h.n;
	r->has_metadata = true;
	return 0;
}

/* The model: env.py's target_metadata through Python where there is an
 * env.py, else alembic.ini's target_metadata SQL files (else none). */
static int ag_model(struct cli_ctx *ctx, const char *dialect, struct model *m,
		    struct run_autogen_req *r)
{
	const struct config *c = ctx->config;

	memset(m, 0, sizeof(*m));
	if (c->env_path) {
		if (ag_load_model(ctx, dialect, m, r) < 0)
			return -1;
		if (m->has_filters)
			r->decide = ag_decide;
		r->model = m->tables;
		r->n_model = m->n_tables;
		r->has_metadata = m->has_metadata;
		r->env_abspath = arena_printf(ctx->arena, "%s/env.py", c->script_location);
		return 0;
	}
	r->env_abspath = "(none: alembic.ini sets no target_metadata = models/*.sql)";
	return c->target_metadata ? ag_sql_model(ctx, dialect, r) : 0;
}

/* What one comparison needs: the request and the run options. */
struct ag_req {
	struct run_autogen_req r;
	struct run_opts o;
};

static int ag_prepare(struct cli_ctx *ctx, struct model *m, const char **dialect, struct ag_req *q)
{
	const struct config *c;
	struct run_autogen_req r = {0};
	struct run_opts o;

	cli_catch_signals(ctx);
	if (cli_load_config(ctx) < 0 || cli_load_scripts(ctx) < 0)
		return -1;
	c = ctx->config;
	if (ag_dialect(ctx, dialect) < 0 || ag_model(ctx, *dialect, m, &r) < 0)
		return -1;
	run_opts_from_config(&o, c);
	if (m->version_table)
		o.version_table = m->version_table;
	if (m->version_table_schema)
		o.version_table_schema = m->version_table_schema;
	r.g = ctx->graph;
	r.compare_type = ag_setting(m->compare_type, c, "compare_type", c->compare_type, true);
	r.compare_server_default =
		ag_setting(m->compare_server_default, c, "compare_server_default",
			   c->compare_server_default, true);
	r.include_schemas =
		ag_setting(m->include_schemas, c, "include_schemas", c->include_schemas, false);
	q->r = r;
	q->o = o;
	return 0;
}

int cli_autogen_compare(struct cli_ctx *ctx, struct run_autogen_out *ao, struct model *m,
			const char **dialect)
{
	struct ag_req q;

	if (ag_prepare(ctx, m, dialect, &q) < 0)
		return -1;
	return run_autogen(ctx->arena, &q.o, &q.r, &ctx->sink, ao, &ctx->err);
}

/* One question on the terminal: whether candidate k is a rename. */
static bool ag_ask(struct cli_ctx *ctx, const struct ag_rename *k)
{
	char line[64];
	const char *t =
		k->schema ? arena_printf(ctx->arena, "%s.%s", k->schema, k->table) : k->table;

	if (k->column)
		fprintf(ctx->errout, "rename %s.%s to %s.%s? [y/N] ", t, k->old, t, k->column);
	else
		fprintf(ctx->errout, "rename table %s%s%s to %s? [y/N] ",
			k->schema ? k->schema : "", k->schema ? "." : "", k->old, t);
	fflush(ctx->errout);
	if (!fgets(line, sizeof(line), stdin))
		return false;
	return line[0] == 'y' || line[0] == 'Y';
}

/*
 * With stdin a terminal, asks about each rename candidate of res (a
 * same-shape drop + add pair); the ones confirmed join q's hints.  Returns
 * how many were confirmed.  Never asks otherwise (a script, a pipe, CI).
 */
static size_t ag_ask_renames(struct cli_ctx *ctx, const struct ag_result *res, struct ag_req *q)
{
	struct ag_rename *v;
	size_t n = q->r.n_hints, added = 0;

	if (!res->n_candidates || !isatty(STDIN_FILENO))
		return 0;
	v = arena_calloc(ctx->arena, n + res->n_candidates + 1, sizeof(*v));
	for (size_t i = 0; i < n; i++)
		v[i] = q->r.hints[i];
	for (size_t i = 0; i < res->n_candidates; i++)
		if (ag_ask(ctx, &res->candidates[i]))
			v[n + added++] = res->candidates[i];
	q->r.hints = v;
	q->r.n_hints = n + added;
	return added;
}

/* revision --autogenerate's comparison: again with the renames the user
 * confirmed, if any. */
static int ag_compare_asking(struct cli_ctx *ctx, struct run_autogen_out *ao, struct model *m,
			     const char **dialect)
{
	struct ag_req q;

	if (ag_prepare(ctx, m, dialect, &q) < 0 ||
	    run_autogen(ctx->arena, &q.o, &q.r, &ctx->sink, ao, &ctx->err) < 0)
		return -1;
	if (ag_ask_renames(ctx, ao->result, &q) == 0)
		return 0;
	return run_autogen(ctx->arena, &q.o, &q.r, &ctx->sink, ao, &ctx->err);
}

/* The ${imports} text: one import per line, in the order they were met. */
static const char *ag_imports_text(struct cli_ctx *ctx, const struct strvec *imports)
{
	struct buf b = BUF_INIT;
	const char *r;

	for (size_t i = 0; i < imports->n; i++) {
		if (i)
			buf_addch(&b, '\n');
		buf_adds(&b, imports->v[i]);
	}
	r = b.len ? arena_strndup(ctx->arena, buf_cstr(&b), b.len) : NULL;
	buf_release(&b);
	return r;
}

static const char *ag_render(struct cli_ctx *ctx, const struct ag_render_opts *ro,
			     const struct mig_body *body, struct strvec *imports)
{
	struct buf b = BUF_INIT;
	const char *r;

	ag_render_py(ctx->arena, ro, body, &b, imports);
	r = arena_strndup(ctx->arena, buf_cstr(&b), b.len);
	buf_release(&b);
	return r;
}

/* Our reviewer's "-- destructive: ..." lines of b, then a blank line, at
 * the start of its section. */
static void ag_sql_review(struct cli_ctx *ctx, const struct ag_render_opts *ro,
			  const struct mig_body *b, struct buf *out)
{
	struct strvec lines = STRVEC_INIT;

	ag_review_lines(ctx->arena, ro, b, &lines);
	for (size_t i = 0; i < lines.n; i++)
		buf_addf(out, "-- %s\n", lines.v[i]);
	if (lines.n)
		buf_addch(out, '\n');
}

/* A native SQL project: the sections as SQL. */
static int ag_render_sql_slots(struct cli_ctx *ctx, const char *dialect,
			       const struct ag_result *res, struct cli_newrev *nr)
{
	struct buf up = BUF_INIT, down = BUF_INIT;
	struct ag_render_opts ro = {
		.dialect = dialect, .null_rows = res->null_rows, .n_null_rows = res->n_null_rows};
	int rc = -1;

	ag_sql_review(ctx, &ro, &res->upgrade, &up);
	ro.n_null_rows = 0; /* counted for the upgrade, from the database as it is */
	ag_sql_review(ctx, &ro, &res->downgrade, &down);
	if (ag_render_sql(ctx->arena, dialect, &res->upgrade, &up, &ctx->err) == 0 &&
	    ag_render_sql(ctx->arena, dialect, &res->downgrade, &down, &ctx->err) == 0) {
		nr->upgrades = arena_strndup(ctx->arena, buf_cstr(&up), up.len);
		nr->downgrades = arena_strndup(ctx->arena, buf_cstr(&down), down.len);
		rc = 0;
	}
	buf_release(&up);
	buf_release(&down);
	return rc;
}

/* The file written, run both ways in a rolled-back transaction (unless
 * --no-verify): what does not round-trip is a warning. */
static int ag_verify(struct cli_ctx *ctx, const struct run_autogen_out *ao, const struct script *sc)
{
	struct run_opts o;

	if (cli_flag(ctx, "no_verify"))
		return 0;
	run_opts_from_config(&o, ctx->config);
	return run_autogen_verify(ctx->arena, &o, ao, sc, &ctx->sink, &ctx->err);
}

static int ag_write(struct cli_ctx *ctx, const struct run_autogen_out *ao, struct cli_newrev *full)
{
	struct script *sc = NULL;

	full->written = &sc;
	if (cli_generate_revision(ctx, full) < 0)
		return -1;
	return sc ? ag_verify(ctx, ao, sc) : 0;
}

int cli_revision_autogenerate(struct cli_ctx *ctx, const struct cli_newrev *nr)
{
	struct ag_result res;
	struct run_autogen_out ao = {.result = &res};
	struct model m;
	const char *dialect;
	struct strvec imports = STRVEC_INIT;
	struct cli_newrev full = *nr;

	if (ag_compare_asking(ctx, &ao, &m, &dialect) < 0)
		return -1;
	if (script_default_format(ctx->config) == SCRIPT_SQL) {
		if (ag_render_sql_slots(ctx, dialect, &res, &full) < 0)
			return -1;
		return ag_write(ctx, &ao, &full);
	}
	struct ag_render_opts ro = {
		.dialect = dialect,
		.render_as_batch = ag_setting(m.render_as_batch, ctx->config, "render_as_batch",
					      ctx->config->render_as_batch, false) ||
				   ag_needs_batch(dialect, &res.upgrade) ||
				   ag_needs_batch(dialect, &res.downgrade),
		.review = true,
		.candidates = res.candidates,
		.n_candidates = res.n_candidates,
		.sql_model = !ctx->config->env_path,
		.null_rows = res.null_rows,
		.n_null_rows = res.n_null_rows,
	};
	full.upgrades = ag_render(ctx, &ro, &res.upgrade, &imports);
	ro.n_candidates = 0; /* the "# review:" lines go above the upgrade's pair only */
	ro.n_null_rows = 0;  /* counted for the upgrade, from the database as it is */
	full.downgrades = ag_render(ctx, &ro, &res.downgrade, &imports);
	full.imports = ag_imports_text(ctx, &imports);
	return ag_write(ctx, &ao, &full);
}
