/*
 * db.c - the thin wrappers that dispatch a struct db to its driver (see
 * db.h); the dialect facts are src/sql/dialect.c.
 */
#include "db/db.h"

#include "base/buf.h"
#include "base/str.h"

int db_open(const struct db_url *u, long lock_timeout_ms, struct db **out, struct err *e)
{
	const struct sql_dialect *d = sql_dialect_find(u->dialect);
	int rc;

	*out = NULL;
	if (db_interrupted())
		return err_set(e, ERR_INTERRUPTED, "interrupted before connecting");
	/* An unencoded '@' in the password: SQLAlchemy's pattern would hand the
	 * rest of the password to the server as host, database or query, and
	 * its error would echo it.  Refused before connecting (the CLI adds the
	 * percent-encoding hint). */
	if (u->raw && url_ambiguous_at(u->raw))
		return err_set(e, ERR_DB,
			       "the database URL has more than one '@' after "
			       "\"user:\"; refusing to connect with a password cut at the first");
	if (d && !strcmp(d->name, "sqlite"))
		rc = db_sqlite_ops.connect(u, lock_timeout_ms, out, e);
	else if (d && !strcmp(d->name, "postgresql"))
		rc = db_postgres_ops.connect(u, lock_timeout_ms, out, e);
	else if (d)
		return err_set(e, ERR_DB,
			       "No database driver for dialect '%s' (offline --sql "
			       "mode works for it)",
			       d->name);
	else
		return err_set(e, ERR_DB, "Can't load plugin: sqlalchemy.dialects:%s",
			       u->drivername);
	if (rc == 0)
		db_interrupt_track(*out);
	else if (db_interrupted())
		e->code = ERR_INTERRUPTED;
	return rc;
}

void db_close(struct db *db)
{
	if (!db)
		return;
	db_interrupt_untrack(db);
	db->ops->close(db);
}

/* Before a call: ERR_INTERRUPTED once a signal is recorded. */
static int db_pre(struct err *e)
{
	return db_interrupted() ? err_set(e, ERR_INTERRUPTED, "interrupted") : 0;
}

/* After a failed call: a failure caused by the signal (a cancelled or
 * interrupted statement) is ERR_INTERRUPTED. */
static int db_post(int rc, struct err *e)
{
	if (rc < 0 && db_interrupted())
		e->code = ERR_INTERRUPTED;
	return rc;
}

int db_exec(struct db *db, const char *sql, long *rowcount, struct err *e)
{
	long dummy;

	if (db_pre(e) < 0)
		return -1;
	return db_post(db->ops->exec(db, sql, rowcount ? rowcount : &dummy, e), e);
}

int db_query(struct db *db, struct arena *a, const char *sql, struct strvec *out, struct err *e)
{
	if (db_pre(e) < 0)
		return -1;
	return db_post(db->ops->query(db, a, sql, out, e), e);
}

int db_begin(struct db *db, struct err *e)
{
	if (db_pre(e) < 0 || db_post(db->ops->begin(db, e), e) < 0)
		return -1;
	db->in_transaction = true;
	return 0;
}

/* A failed COMMIT leaves in_transaction set, so db_rollback still ends
 * whatever the server or SQLite kept open. */
int db_commit(struct db *db, struct err *e)
{
	if (db_pre(e) < 0 || db_post(db->ops->commit(db, e), e) < 0)
		return -1;
	db->in_transaction = false;
	return 0;
}

void db_rollback(struct db *db)
{
	struct err ignored;

	if (!db->in_transaction)
		return;
	db->cleanup = true;
	db->ops->rollback(db, &ignored);
	db->cleanup = false;
	db->in_transaction = false;
}

int db_lock(struct db *db, const char *key, struct err *e)
{
	if (db_pre(e) < 0)
		return -1;
	return db_post(db->ops->lock(db, key, e), e);
}

void db_unlock(struct db *db, const char *key)
{
	db->cleanup = true;
	db->ops->unlock(db, key);
	db->cleanup = false;
}

int db_table_exists(struct db *db, const char *schema, const char *table, bool *exists,
		    struct err *e)
{
	if (db_pre(e) < 0)
		return -1;
	return db_post(db->ops->table_exists(db, schema, table, exists, e), e);
}

int db_read_table(struct db *db, struct arena *a, const char *schema, const char *table,
		  struct sch_table **out, struct err *e)
{
	if (!db->ops->read_table)
		return err_set(e, ERR_DB,
			       "reading a table's definition is not implemented for "
			       "dialect %s",
			       db->dialect->name);
	if (db_pre(e) < 0)
		return -1;
	return db_post(db->ops->read_table(db, a, schema, table, out, e), e);
}
