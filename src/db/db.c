/*
 * db.c - dialect facts, identifier/literal quoting, and the thin wrappers
 * that dispatch a struct db to its driver (see db.h).
 */
#include "db/db.h"

#include "base/buf.h"
#include "base/str.h"

/* Reserved words copied from SQLAlchemy 1.4 (postgresql/base.py
 * RESERVED_WORDS, SQLiteIdentifierPreparer.reserved_words,
 * sql/compiler.py RESERVED_WORDS), sorted for bsearch. */
static const char *const db_pg_reserved[] = {
	"all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric",
	"authorization", "between", "binary", "both", "case", "cast", "check", "collate",
	"column", "constraint", "create", "cross", "current_catalog", "current_date",
	"current_role", "current_schema", "current_time", "current_timestamp", "current_user",
	"default", "deferrable", "desc", "distinct", "do", "else", "end", "except", "false",
	"fetch", "for", "foreign", "freeze", "from", "full", "grant", "group", "having", "ilike",
	"in", "initially", "inner", "intersect", "into", "is", "isnull", "join", "leading",
	"left", "like", "limit", "localtime", "localtimestamp", "natural", "new", "not",
	"notnull", "null", "of", "off", "offset", "old", "on", "only", "or", "order", "outer",
	"over", "overlaps", "placing", "primary", "references", "returning", "right", "select",
	"session_user", "similar", "some", "symmetric", "table", "then", "to", "trailing", "true",
	"union", "unique", "user", "using", "variadic", "verbose", "when", "where", "window",
	"with",
};

static const char *const db_sqlite_reserved[] = {
	"add", "after", "all", "alter", "analyze", "and", "as", "asc", "attach", "autoincrement",
	"before", "begin", "between", "by", "cascade", "case", "cast", "check", "collate",
	"column", "commit", "conflict", "constraint", "create", "cross", "current_date",
	"current_time", "current_timestamp", "database", "default", "deferrable", "deferred",
	"delete", "desc", "detach", "distinct", "drop", "each", "else", "end", "escape", "except",
	"exclusive", "exists", "explain", "fail", "false", "for", "foreign", "from", "full",
	"glob", "group", "having", "if", "ignore", "immediate", "in", "index", "indexed",
	"initially", "inner", "insert", "instead", "intersect", "into", "is", "isnull", "join",
	"key", "left", "like", "limit", "match", "natural", "not", "notnull", "null", "of",
	"offset", "on", "or", "order", "outer", "plan", "pragma", "primary", "query", "raise",
	"references", "reindex", "rename", "replace", "restrict", "right", "rollback", "row",
	"select", "set", "table", "temp", "temporary", "then", "to", "transaction", "trigger",
	"true", "union", "unique", "update", "using", "vacuum", "values", "view", "virtual",
	"when", "where",
};

static const char *const db_generic_reserved[] = {
	"all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric",
	"authorization", "between", "binary", "both", "case", "cast", "check", "collate",
	"column", "constraint", "create", "cross", "current_date", "current_role", "current_time",
	"current_timestamp", "current_user", "default", "deferrable", "desc", "distinct", "do",
	"else", "end", "except", "false", "for", "foreign", "freeze", "from", "full", "grant",
	"group", "having", "ilike", "in", "initially", "inner", "intersect", "into", "is",
	"isnull", "join", "leading", "left", "like", "limit", "localtime", "localtimestamp",
	"natural", "new", "not", "notnull", "null", "off", "offset", "old", "on", "only", "or",
	"order", "outer", "overlaps", "placing", "primary", "references", "right", "select",
	"session_user", "set", "similar", "some", "symmetric", "table", "then", "to", "trailing",
	"true", "union", "unique", "user", "using", "verbose", "when", "where",
};

#define DB_WORDS(w) w, sizeof(w) / sizeof(w[0])

/* Alembic impl classes (alembic/ddl) and what SQLAlchemy renders for them. */
static const struct db_dialect db_dialects[] = {
	{"sqlite", "SQLiteImpl", false, true, ";", NULL, "BEGIN", "VARCHAR(32)", false,
	 DB_WORDS(db_sqlite_reserved)},
	{"postgresql", "PostgresqlImpl", true, true, ";", NULL, "BEGIN", "VARCHAR(32)", true,
	 DB_WORDS(db_pg_reserved)},
	{"mysql", "MySQLImpl", false, false, ";", NULL, "BEGIN", "VARCHAR(32)", false,
	 DB_WORDS(db_generic_reserved)},
	{"mariadb", "MariaDBImpl", false, false, ";", NULL, "BEGIN", "VARCHAR(32)", false,
	 DB_WORDS(db_generic_reserved)},
	{"mssql", "MSSQLImpl", true, true, ";", "GO", "BEGIN TRANSACTION", "VARCHAR(32)", false,
	 DB_WORDS(db_generic_reserved)},
	{"oracle", "OracleImpl", false, false, "", "/", "BEGIN", "VARCHAR2(32 CHAR)", false,
	 DB_WORDS(db_generic_reserved)},
};

const struct db_dialect *db_dialect_find(const char *name)
{
	if (!name)
		return NULL;
	if (!strcmp(name, "postgres"))
		name = "postgresql";
	for (size_t i = 0; i < sizeof(db_dialects) / sizeof(db_dialects[0]); i++)
		if (!strcmp(db_dialects[i].name, name))
			return &db_dialects[i];
	return NULL;
}

static int db_word_cmp(const void *key, const void *elem)
{
	return strcmp(key, *(const char *const *)elem);
}

/* sql/compiler.py IdentifierPreparer._requires_quotes */
static bool db_requires_quotes(const struct db_dialect *d, const char *name)
{
	if (!*name || str_isdigit(*name) || *name == '$')
		return true;
	for (const char *p = name; *p; p++) {
		if (!(str_isalnum(*p) || *p == '_' || *p == '$') || (unsigned char)*p >= 0x80)
			return true;
		if (*p >= 'A' && *p <= 'Z')
			return true;
	}
	return d && bsearch(name, d->reserved, d->n_reserved, sizeof(*d->reserved),
			    db_word_cmp) != NULL;
}

/* s between two q characters, each q inside doubled (SQL's one escaping rule
 * for both "identifiers" and 'literals'). */
static void db_quote_with(struct buf *out, const char *s, char q)
{
	buf_addch(out, q);
	for (const char *p = s; *p; p++) {
		if (*p == q)
			buf_addch(out, q);
		buf_addch(out, *p);
	}
	buf_addch(out, q);
}

void db_quote_ident(const struct db_dialect *d, struct buf *out, const char *name)
{
	if (db_requires_quotes(d, name))
		db_quote_with(out, name, '"');
	else
		buf_adds(out, name);
}

void db_quote_literal(struct buf *out, const char *value)
{
	db_quote_with(out, value, '\'');
}

int db_open(const struct db_url *u, long lock_timeout_ms, struct db **out, struct err *e)
{
	const struct db_dialect *d = db_dialect_find(u->dialect);
	int rc;

	*out = NULL;
	if (db_interrupted())
		return err_set(e, ERR_INTERRUPTED, "interrupted before connecting");
	/* An unencoded '@' in the password: SQLAlchemy's pattern would hand the
	 * rest of the password to the server as host, database or query, and
	 * its error would echo it.  Refused before connecting (the CLI adds the
	 * percent-encoding hint). */
	if (u->raw && url_ambiguous_at(u->raw))
		return err_set(e, ERR_DB, "the database URL has more than one '@' after "
			       "\"user:\"; refusing to connect with a password cut at the first");
	if (d && !strcmp(d->name, "sqlite"))
		rc = db_sqlite_ops.connect(u, lock_timeout_ms, out, e);
	else if (d && !strcmp(d->name, "postgresql"))
		rc = db_postgres_ops.connect(u, lock_timeout_ms, out, e);
	else if (d)
		return err_set(e, ERR_DB, "No database driver for dialect '%s' (offline --sql "
			       "mode works for it)", d->name);
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
