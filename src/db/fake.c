/*
 * fake.c - an in-memory fake driver for unit tests of the run logic
 * (SQLite's habit: fault injection on the N-th call).  It records every
 * call as a line in the caller's log and can fail the N-th exec, report a
 * chosen rowcount, and answer queries with fixed rows.  It is never chosen
 * by db_open(): tests create it with db_fake_open().
 */
#include "db/db.h"

struct fake_conn {
	struct db_fake_config *cfg; /* behaviour, owned by the test */
	struct arena *arena;        /* where log lines live */
	struct strvec *log;         /* recorded calls */
	long n_exec;                /* exec calls so far */
};

static struct fake_conn *fake_conn(struct db *db)
{
	return db->handle;
}

static void fake_record(struct db *db, const char *line)
{
	struct fake_conn *c = fake_conn(db);

	strvec_push(c->arena, c->log, arena_strdup(c->arena, line));
}

static int fake_connect(const struct db_url *u, long lock_timeout_ms, struct db **out,
			struct err *e)
{
	(void)u;
	(void)lock_timeout_ms;
	*out = NULL;
	return err_set(e, ERR_DB, "the fake driver is opened with db_fake_open()");
}

static void fake_close(struct db *db)
{
	fake_record(db, "CLOSE");
	free(db->handle);
	free(db);
}

static int fake_exec(struct db *db, const char *sql, long *rowcount, struct err *e)
{
	struct fake_conn *c = fake_conn(db);

	c->n_exec++;
	if (c->cfg->fail_at && c->n_exec == c->cfg->fail_at) {
		fake_record(db, arena_printf(c->arena, "FAIL %s", sql));
		return err_set(e, ERR_DB, "%s", c->cfg->fail_msg ? c->cfg->fail_msg : "fake failure");
	}
	fake_record(db, sql);
	*rowcount = c->cfg->rowcount;
	return 0;
}

static int fake_query(struct db *db, struct arena *a, const char *sql, struct strvec *out,
		      struct err *e)
{
	struct fake_conn *c = fake_conn(db);

	(void)e;
	fake_record(db, arena_printf(c->arena, "QUERY %s", sql));
	for (size_t i = 0; i < c->cfg->rows.n; i++)
		strvec_push(a, out, arena_strdup(a, c->cfg->rows.v[i]));
	return 0;
}

static int fake_begin(struct db *db, struct err *e)
{
	(void)e;
	fake_record(db, "BEGIN");
	return 0;
}

static int fake_commit(struct db *db, struct err *e)
{
	(void)e;
	fake_record(db, "COMMIT");
	return 0;
}

static int fake_rollback(struct db *db, struct err *e)
{
	(void)e;
	fake_record(db, "ROLLBACK");
	return 0;
}

static int fake_lock(struct db *db, const char *key, struct err *e)
{
	struct fake_conn *c = fake_conn(db);

	if (c->cfg->lock_busy)
		return err_set(e, ERR_LOCK, "Timed out waiting for the migration lock on %s", key);
	fake_record(db, arena_printf(c->arena, "LOCK %s", key));
	return 0;
}

static void fake_unlock(struct db *db, const char *key)
{
	fake_record(db, arena_printf(fake_conn(db)->arena, "UNLOCK %s", key));
}

static int fake_table_exists(struct db *db, const char *schema, const char *table,
			     bool *exists, struct err *e)
{
	struct fake_conn *c = fake_conn(db);

	(void)e;
	fake_record(db, arena_printf(c->arena, "EXISTS %s%s%s", schema ? schema : "",
				     schema ? "." : "", table));
	*exists = c->cfg->table_exists;
	return 0;
}

const struct db_ops db_fake_ops = {
	"fake",     fake_connect, fake_close,  fake_exec,         fake_query,  fake_begin,
	fake_commit, fake_rollback, fake_lock, fake_unlock, fake_table_exists, NULL,
};

struct db *db_fake_open(const struct sql_dialect *d, struct db_fake_config *cfg,
			struct arena *a, struct strvec *log)
{
	struct db *db = calloc(1, sizeof(*db));
	struct fake_conn *c = calloc(1, sizeof(*c));

	if (!db || !c)
		die_oom(sizeof(*db));
	c->cfg = cfg;
	c->arena = a;
	c->log = log;
	db->ops = &db_fake_ops;
	db->dialect = d;
	db->handle = c;
	db->lock_timeout_ms = 1000;
	return db;
}
