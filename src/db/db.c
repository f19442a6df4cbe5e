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

	*out = NULL;
	if (d && !strcmp(d->name, "sqlite"))
		return db_sqlite_ops.connect(u, lock_timeout_ms, out, e);
	if (d && !strcmp(d->name, "postgresql"))
		return db_postgres_ops.connect(u, lock_timeout_ms, out, e);
	if (d)
		return err_set(e, ERR_DB, "No database driver for dialect '%s' (offline --sql "
			       "mode works for it)", d->name);
	return err_set(e, ERR_DB, "Can't load plugin: sqlalchemy.dialects:%s", u->drivername);
}

void db_close(struct db *db)
{
	if (db)
		db->ops->close(db);
}

int db_exec(struct db *db, const char *sql, long *rowcount, struct err *e)
{
	long dummy;

	return db->ops->exec(db, sql, rowcount ? rowcount : &dummy, e);
}

int db_query(struct db *db, struct arena *a, const char *sql, struct strvec *out, struct err *e)
{
	return db->ops->query(db, a, sql, out, e);
}

int db_begin(struct db *db, struct err *e)
{
	if (db->ops->begin(db, e) < 0)
		return -1;
	db->in_transaction = true;
	return 0;
}

int db_commit(struct db *db, struct err *e)
{
	int rc = db->ops->commit(db, e);

	db->in_transaction = false;
	return rc;
}

void db_rollback(struct db *db)
{
	struct err ignored;

	if (!db->in_transaction)
		return;
	db->ops->rollback(db, &ignored);
	db->in_transaction = false;
}

int db_lock(struct db *db, const char *key, struct err *e)
{
	return db->ops->lock(db, key, e);
}

void db_unlock(struct db *db, const char *key)
{
	db->ops->unlock(db, key);
}

int db_table_exists(struct db *db, const char *schema, const char *table, bool *exists,
		    struct err *e)
{
	return db->ops->table_exists(db, schema, table, exists, e);
}

int db_read_table(struct db *db, struct arena *a, const char *schema, const char *table,
		  struct sch_table **out, struct err *e)
{
	if (!db->ops->read_table)
		return err_set(e, ERR_DB, "reading a table's definition is not implemented for "
					  "dialect %s",
			       db->dialect->name);
	return db->ops->read_table(db, a, schema, table, out, e);
}

/* Replaces each occurrence of needle (len n) in msg by XXXXX, in place,
 * truncating the message if it no longer fits in size bytes. */
static void db_scrub_one(char *msg, size_t size, const char *needle, size_t n)
{
	char *from = msg, *hit;

	if (!n)
		return;
	while ((hit = strstr(from, needle)) != NULL) {
		size_t pos = (size_t)(hit - msg);
		size_t tail = strlen(hit + n);

		if (pos + 6 > size) {
			*hit = '\0';
			return;
		}
		if (pos + 5 + tail + 1 > size)
			tail = size - pos - 6;
		memmove(hit + 5, hit + n, tail);
		hit[5 + tail] = '\0';
		memcpy(hit, "XXXXX", 5);
		from = hit + 5;
	}
}

void db_scrub(char *msg, size_t size, const char *secret)
{
	struct buf enc = BUF_INIT;

	if (!secret || !*secret || !strcmp(secret, "XXXXX"))
		return;
	db_scrub_one(msg, size, secret, strlen(secret));
	for (const char *p = secret; *p; p++) {
		if (str_isalnum(*p))
			buf_addch(&enc, *p);
		else
			buf_addf(&enc, "%%%02X", (unsigned char)*p);
	}
	if (strcmp(enc.ptr, secret))
		db_scrub_one(msg, size, enc.ptr, enc.len);
	buf_release(&enc);
}
