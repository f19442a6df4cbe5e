/*
 * t_fault.c - fault injection over every database call (SQLite's habit: the
 * N-th allocation fails, for every N).  For an upgrade, a downgrade and a
 * stamp over multi-revision plans, on the PostgreSQL and SQLite dialects,
 * with and without transaction_per_migration, the fake driver (src/db/fake.c)
 * fails call N for every N from 1 (the connection) to one past the last
 * call, and each time the run must end with a clean error (code set,
 * message non-empty), the durable version rows at a revision boundary (one
 * of the states the fault-free run committed, or the state before it), and
 * the migration lock released.  Runs under ASan/UBSan with the other units.
 */
#include "base/buf.h"
#include "core/graph.h"
#include "db/db.h"
#include "run/run.h"
#include "script/script.h"
#include "unit.h"

/* A project of native SQL revisions. */
struct fproj {
	struct arena a;      /* everything */
	struct rev *revs[8]; /* load order */
	size_t n;            /* revisions */
	struct graph g;      /* built graph */
};

static void fadd(struct fproj *p, const char *id, const char *parent)
{
	struct script *sc = arena_calloc(&p->a, 1, sizeof(*sc));
	struct rev *r = arena_calloc(&p->a, 1, sizeof(*r));

	sc->id = r->id = id;
	sc->doc = id;
	sc->format = SCRIPT_SQL;
	sc->path = r->path = arena_printf(&p->a, "/v/%s.sql", id);
	sc->upgrade.present = sc->downgrade.present = true;
	sc->upgrade.text = arena_printf(&p->a,
					"CREATE TABLE t_%s (id int);\nINSERT INTO t_%s "
					"VALUES (1);\n",
					id, id);
	sc->downgrade.text = arena_printf(&p->a, "DROP TABLE t_%s;\n", id);
	sc->upgrade.first_line = sc->downgrade.first_line = 1;
	if (parent) {
		strvec_push(&p->a, &r->down, parent);
		strvec_push(&p->a, &sc->down, parent);
	}
	r->data = sc;
	p->revs[p->n++] = r;
}

/* r1 <- r2 <- r3, and a second root x1 <- x2: four- and five-step plans. */
static void fproj_init(struct fproj *p)
{
	struct err e;

	memset(p, 0, sizeof(*p));
	fadd(p, "r1", NULL);
	fadd(p, "r2", "r1");
	fadd(p, "r3", "r2");
	fadd(p, "x1", NULL);
	fadd(p, "x2", "x1");
	CHECK(graph_build(&p->a, p->revs, p->n, &p->g, &e) == 0);
}

struct scenario {
	const char *name;   /* for messages */
	enum run_cmd cmd;   /* what runs */
	const char *target; /* upgrade/downgrade target */
	const char *stamp;  /* stamp target */
	const char *before; /* durable rows before the run ("" = none), space-separated */
	bool table;         /* the version table exists before the run */
};

/* One run with call fail_call failing (0: none); fills cfg and the log. */
static int frun(struct fproj *p, const struct scenario *sc, const char *dialect, bool per_step,
		long fail_call, struct db_fake_config *cfg, struct strvec *log, struct err *e)
{
	const char *stamp[1] = {sc->stamp};
	struct run_request rq = {sc->cmd, sc->target, NULL, stamp, sc->stamp ? 1 : 0, false};
	struct run_opts o;
	int rc;

	memset(cfg, 0, sizeof(*cfg));
	cfg->versions = true;
	cfg->fail_call = fail_call;
	cfg->table_committed = sc->table;
	for (const char *s = sc->before; *s;) {
		size_t n = strcspn(s, " ");
		strvec_push(&p->a, &cfg->committed, arena_strndup(&p->a, s, n));
		s += n + (s[n] == ' ');
	}
	log->n = 0;
	memset(&o, 0, sizeof(o));
	o.version_table = "alembic_version";
	o.lock_timeout_ms = 100;
	o.transaction_per_migration = per_step;
	o.db = db_fake_open(sql_dialect_find(dialect), cfg, &p->a, log);
	if (!o.db)
		return err_set(e, ERR_DB, "connection failed (fake)");
	err_clear(e);
	rc = run_migrate(&p->a, &p->g, &o, &rq, NULL, e);
	db_close(o.db);
	return rc;
}

static char *rows_text(struct arena *a, struct strvec *rows)
{
	strvec_sort(rows);
	return strvec_join(a, rows, " ");
}

/* Loops N over every call of one scenario. */
static void fault_loop(const struct scenario *sc, const char *dialect, bool per_step)
{
	struct fproj p;
	struct db_fake_config cfg;
	struct strvec log = STRVEC_INIT, allowed = STRVEC_INIT;
	struct err e;
	long total;
	const char *final;

	fproj_init(&p);
	CHECK_INT(frun(&p, sc, dialect, per_step, 0, &cfg, &log, &e), 0);
	if (e.code)
		fprintf(stderr, "  %s: %s\n", sc->name, e.msg);
	total = cfg.calls;
	final = rows_text(&p.a, &cfg.committed);
	strvec_push(&p.a, &allowed, sc->before);
	for (size_t i = 0; i < log.n; i++)
		if (!strncmp(log.v[i], "STATE ", 6))
			strvec_push(&p.a, &allowed, log.v[i] + 6);
	CHECK(total > 6);
	for (long n = 1; n <= total + 1; n++) {
		int rc = frun(&p, sc, dialect, per_step, n, &cfg, &log, &e);
		const char *now = rows_text(&p.a, &cfg.committed);

		if (n == total + 1) {
			CHECK_INT(rc, 0); /* one past the last call: nothing fails */
			CHECK_STR(now, final);
		} else if (rc != -1 || e.code == ERR_OK || !e.msg[0]) {
			fprintf(stderr, "  %s %s%s: call %ld of %ld: no clean error (rc %d)\n",
				sc->name, dialect, per_step ? " per-step" : "", n, total, rc);
			unit_failures++;
		}
		if (strvec_find(&allowed, now) < 0) {
			fprintf(stderr,
				"  %s %s%s: call %ld of %ld failed: rows [%s] are no boundary\n",
				sc->name, dialect, per_step ? " per-step" : "", n, total, now);
			unit_failures++;
		}
		if (cfg.lock_held) {
			fprintf(stderr, "  %s %s%s: call %ld: lock still held\n", sc->name, dialect,
				per_step ? " per-step" : "", n);
			unit_failures++;
		}
	}
	arena_release(&p.a);
}

static const struct scenario scenarios[] = {
	{"upgrade heads", RUN_UPGRADE, "heads", NULL, "", false},
	{"upgrade r3 from r1", RUN_UPGRADE, "r3", NULL, "r1", true},
	{"downgrade base", RUN_DOWNGRADE, "base", NULL, "r3 x2", true},
	{"downgrade r1", RUN_DOWNGRADE, "r1", NULL, "r3", true},
	{"stamp r2", RUN_STAMP, NULL, "r2", "r3 x2", true},
	{"stamp heads", RUN_STAMP, NULL, "heads", "", false},
};

static void loop_all(const char *dialect, bool per_step)
{
	for (size_t i = 0; i < sizeof(scenarios) / sizeof(scenarios[0]); i++)
		fault_loop(&scenarios[i], dialect, per_step);
}

static void test_fault_every_call_pg(void)
{
	loop_all("postgresql", false);
}

static void test_fault_every_call_pg_per_migration(void)
{
	loop_all("postgresql", true);
}

static void test_fault_every_call_sqlite(void)
{
	loop_all("sqlite", false);
}

static void test_fault_every_call_sqlite_per_migration(void)
{
	loop_all("sqlite", true);
}

static const struct unit_test tests[] = {
	UNIT(test_fault_every_call_pg),
	UNIT(test_fault_every_call_pg_per_migration),
	UNIT(test_fault_every_call_sqlite),
	UNIT(test_fault_every_call_sqlite_per_migration),
	{0},
};

UNIT_MAIN(tests)
