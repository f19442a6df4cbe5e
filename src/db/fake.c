/*
 * fake.c - an in-memory fake driver for unit tests of the run logic
 * (SQLite's habit: fault injection on the N-th call).  It records every
 * call as a line in the caller's log and can fail the N-th exec or the N-th
 * call of any kind, report a chosen rowcount, and answer queries with fixed
 * rows or from a simulated version table with transactions (db.h).  It is never chosen
 * by db_open(): tests create it with db_fake_open().
 */
#include "db/db.h"

struct fake_conn {
	struct db_fake_config *cfg; /* behaviour, owned by the test */
	struct arena *arena;        /* where log lines live */
	struct strvec *log;         /* recorded calls */
	long n_exec;                /* exec calls so far */
	long n_commit;              /* commit calls so far */
	struct strvec pending;      /* versions: rows inside the open transaction */
	bool table_pending;         /* versions: the table exists inside it */
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

/* Counts a call; the cfg->fail_call-th fails (recorded as "FAULT what"). */
static int fake_fault(struct db *db, const char *what, struct err *e)
{
	struct fake_conn *c = fake_conn(db);

	if (++c->cfg->calls != c->cfg->fail_call)
		return 0;
	fake_record(db, arena_printf(c->arena, "FAULT %s", what));
	return err_set(e, ERR_DB, "fake fault at call %ld (%s)", c->cfg->calls, what);
}

/* The quoted value after marker in sql ("... = 'x'"), or NULL. */
static const char *fake_quoted_after(struct arena *a, const char *sql, const char *marker)
{
	const char *p = strstr(sql, marker), *end;

	if (!p || !(p = strchr(p + strlen(marker), '\'')) || !(end = strchr(p + 1, '\'')))
		return NULL;
	return arena_strndup(a, p + 1, (size_t)(end - p - 1));
}

/* versions: applies the runner's version-table statement to the pending
 * state; *rowcount = rows matched.  Other statements are left alone. */
static void fake_apply(struct fake_conn *c, const char *sql, long *rowcount)
{
	const char *to = fake_quoted_after(c->arena, sql, "VALUES (");
	const char *from = fake_quoted_after(c->arena, sql, "version_num = ");
	long i;

	if (!strstr(sql, "alembic_version"))
		return;
	if (!strncmp(sql, "CREATE TABLE", 12)) {
		c->table_pending = true;
	} else if (!strncmp(sql, "INSERT", 6) && to) {
		strvec_push(c->arena, &c->pending, to);
		*rowcount = 1;
	} else if (!strncmp(sql, "UPDATE", 6) && from) {
		i = strvec_find(&c->pending, from);
		if (i >= 0)
			c->pending.v[i] = fake_quoted_after(c->arena, sql, "SET version_num=");
		*rowcount = i >= 0;
	} else if (!strncmp(sql, "DELETE", 6)) {
		i = from ? strvec_find(&c->pending, from) : -1;
		*rowcount = from ? i >= 0 : (long)c->pending.n;
		if (i >= 0)
			memmove(&c->pending.v[i], &c->pending.v[i + 1],
				(c->pending.n - (size_t)i - 1) * sizeof(*c->pending.v));
		c->pending.n = from ? c->pending.n - (i >= 0) : 0;
	}
}

/* versions: durable state := pending (commit) or pending := durable (rollback). */
static void fake_settle(struct fake_conn *c, bool commit)
{
	struct strvec *from = commit ? &c->pending : &c->cfg->committed;
	struct strvec *to = commit ? &c->cfg->committed : &c->pending;
	struct strvec copy = STRVEC_INIT;

	if (!c->cfg->versions)
		return;
	for (size_t i = 0; i < from->n; i++)
		strvec_push(c->arena, &copy, from->v[i]);
	*to = copy;
	if (commit) {
		c->cfg->table_committed = c->table_pending;
		/* the durable state after each commit: the boundaries a run passes */
		strvec_sort(&c->cfg->committed);
		strvec_push(c->arena, c->log,
			    arena_printf(c->arena, "STATE %s",
					 strvec_join(c->arena, &c->cfg->committed, " ")));
	} else {
		c->table_pending = c->cfg->table_committed;
	}
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

	if (fake_fault(db, "exec", e) < 0)
		return -1;
	c->n_exec++;
	if (c->cfg->interrupt_at && c->n_exec == c->cfg->interrupt_at) {
		/* SIGTERM while the statement runs: the server cancels it */
		db_interrupt(SIGTERM);
		fake_record(db, arena_printf(c->arena, "CANCELLED %s", sql));
		return err_set(e, ERR_DB, "canceling statement due to user request");
	}
	if (c->cfg->fail_at && c->n_exec == c->cfg->fail_at) {
		fake_record(db, arena_printf(c->arena, "FAIL %s", sql));
		return err_set(e, ERR_DB, "%s",
			       c->cfg->fail_msg ? c->cfg->fail_msg : "fake failure");
	}
	fake_record(db, sql);
	*rowcount = c->cfg->rowcount;
	if (c->cfg->versions) {
		fake_apply(c, sql, rowcount);
		if (!db->in_transaction)
			fake_settle(c, true); /* autocommit */
	}
	return 0;
}

static int fake_query(struct db *db, struct arena *a, const char *sql, struct strvec *out,
		      struct err *e)
{
	struct fake_conn *c = fake_conn(db);
	const struct strvec *rows = c->cfg->versions ? &c->pending : &c->cfg->rows;

	if (fake_fault(db, "query", e) < 0)
		return -1;
	fake_record(db, arena_printf(c->arena, "QUERY %s", sql));
	for (size_t i = 0; i < rows->n; i++)
		strvec_push(a, out, arena_strdup(a, rows->v[i]));
	return 0;
}

static int fake_begin(struct db *db, struct err *e)
{
	if (fake_fault(db, "begin", e) < 0)
		return -1;
	fake_record(db, "BEGIN");
	return 0;
}

static int fake_commit(struct db *db, struct err *e)
{
	struct fake_conn *c = fake_conn(db);

	if (c->cfg->commit_fail && ++c->n_commit == c->cfg->commit_fail) {
		fake_record(db, "FAIL COMMIT");
		fake_settle(c, false); /* a failed COMMIT rolls back */
		return err_set(e, ERR_DB, "%s",
			       c->cfg->fail_msg ? c->cfg->fail_msg : "fake failure");
	}
	if (fake_fault(db, "commit", e) < 0) {
		fake_settle(c, false); /* a failed COMMIT rolls back */
		return -1;
	}
	fake_record(db, "COMMIT");
	fake_settle(fake_conn(db), true);
	return 0;
}

static int fake_rollback(struct db *db, struct err *e)
{
	(void)e;
	fake_record(db, "ROLLBACK");
	fake_settle(fake_conn(db), false);
	return 0;
}

/* One try: busy while lock_busy or for the first lock_busy_tries tries;
 * each try takes lock_try_ms (a slow query counts against the timeout). */
static int fake_try_lock(struct db *db, const char *key, struct err *e)
{
	struct fake_conn *c = fake_conn(db);
	struct timespec ts = {c->cfg->lock_try_ms / 1000, (c->cfg->lock_try_ms % 1000) * 1000000};

	(void)key;
	(void)e;
	if (c->cfg->lock_try_ms > 0)
		nanosleep(&ts, NULL);
	c->cfg->lock_tries++;
	return !(c->cfg->lock_busy || c->cfg->lock_tries <= c->cfg->lock_busy_tries);
}

static const char *fake_lock_holder(struct db *db, struct arena *a, const char *key)
{
	(void)a;
	(void)key;
	return fake_conn(db)->cfg->lock_holder;
}

static int fake_lock(struct db *db, const char *key, struct err *e)
{
	struct fake_conn *c = fake_conn(db);

	if (fake_fault(db, "lock", e) < 0)
		return -1;
	if (db_lock_wait(db, key, arena_printf(c->arena, "the migration lock on %s", key), 50,
			 fake_try_lock, fake_lock_holder, e) < 0)
		return -1;
	fake_record(db, arena_printf(c->arena, "LOCK %s", key));
	c->cfg->lock_held = true;
	return 0;
}

static void fake_unlock(struct db *db, const char *key)
{
	fake_record(db, arena_printf(fake_conn(db)->arena, "UNLOCK %s", key));
	fake_conn(db)->cfg->lock_held = false;
}

static int fake_table_exists(struct db *db, const char *schema, const char *table, bool *exists,
			     struct err *e)
{
	struct fake_conn *c = fake_conn(db);

	if (fake_fault(db, "table_exists", e) < 0)
		return -1;
	fake_record(db, arena_printf(c->arena, "EXISTS %s%s%s", schema ? schema : "",
				     schema ? "." : "", table));
	*exists = c->cfg->versions ? c->table_pending : c->cfg->table_exists;
	return 0;
}

const struct db_ops db_fake_ops = {
	"fake",      fake_connect,  fake_close, fake_exec,   fake_query,        fake_begin,
	fake_commit, fake_rollback, fake_lock,  fake_unlock, fake_table_exists, NULL,
};

struct db *db_fake_open(const struct sql_dialect *d, struct db_fake_config *cfg, struct arena *a,
			struct strvec *log)
{
	struct db *db = calloc(1, sizeof(*db));
	struct fake_conn *c = calloc(1, sizeof(*c));

	if (!db || !c)
		die_oom(sizeof(*db));
	if (++cfg->calls == cfg->fail_call) { /* the connection attempt */
		free(db);
		free(c);
		return NULL;
	}
	c->cfg = cfg;
	c->arena = a;
	c->log = log;
	db->ops = &db_fake_ops;
	db->dialect = d;
	db->handle = c;
	db->lock_timeout_ms = 1000;
	fake_settle(c, false); /* pending := the committed state */
	return db;
}
