/*
 * dialect.c - the dialect rows (see dialect.h) and quoting.
 */
#include "sql/dialect.h"

#include <stdlib.h>
#include <string.h>

#include "base/str.h"

/* Reserved words copied from SQLAlchemy 1.4 (postgresql/base.py
 * RESERVED_WORDS, SQLiteIdentifierPreparer.reserved_words,
 * sql/compiler.py RESERVED_WORDS, the MySQL and MariaDB dialects'
 * identifier_preparer.reserved_words), sorted for bsearch. */
static const char *const sql_pg_reserved[] = {
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

static const char *const sql_sqlite_reserved[] = {
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

static const char *const sql_generic_reserved[] = {
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

static const char *const sql_mysql_reserved[] = {
	"accessible", "add", "admin", "all", "alter", "analyze", "and", "array", "as", "asc",
	"asensitive", "before", "between", "bigint", "binary", "blob", "both", "by", "call",
	"cascade", "case", "change", "char", "character", "check", "collate", "column", "condition",
	"constraint", "continue", "convert", "create", "cross", "cube", "cume_dist", "current_date",
	"current_time", "current_timestamp", "current_user", "cursor", "database", "databases",
	"day_hour", "day_microsecond", "day_minute", "day_second", "dec", "decimal", "declare",
	"default", "delayed", "delete", "dense_rank", "desc", "describe", "deterministic", "distinct",
	"distinctrow", "div", "double", "drop", "dual", "each", "else", "elseif", "empty", "enclosed",
	"escaped", "except", "exists", "exit", "explain", "false", "fetch", "first_value", "float",
	"float4", "float8", "for", "force", "foreign", "from", "fulltext", "function", "general",
	"generated", "get", "get_master_public_key", "grant", "group", "grouping", "groups", "having",
	"high_priority", "hour_microsecond", "hour_minute", "hour_second", "if", "ignore",
	"ignore_server_ids", "in", "index", "infile", "inner", "inout", "insensitive", "insert",
	"int", "int1", "int2", "int3", "int4", "int8", "integer", "interval", "into",
	"io_after_gtids", "io_before_gtids", "is", "iterate", "join", "json_table", "key", "keys",
	"kill", "lag", "last_value", "lateral", "lead", "leading", "leave", "left", "like", "limit",
	"linear", "lines", "load", "localtime", "localtimestamp", "lock", "long", "longblob",
	"longtext", "loop", "low_priority", "master_bind", "master_heartbeat_period",
	"master_ssl_verify_server_cert", "match", "maxvalue", "mediumblob", "mediumint", "mediumtext",
	"member", "middleint", "minute_microsecond", "minute_second", "mod", "modifies", "natural",
	"no_write_to_binlog", "not", "nth_value", "ntile", "null", "numeric", "of", "on", "optimize",
	"optimizer_costs", "option", "optionally", "or", "order", "out", "outer", "outfile", "over",
	"parse_gcol_expr", "partition", "percent_rank", "persist", "persist_only", "precision",
	"primary", "procedure", "purge", "range", "rank", "read", "read_write", "reads", "real",
	"recursive", "references", "regexp", "release", "rename", "repeat", "replace", "require",
	"resignal", "restrict", "return", "revoke", "right", "rlike", "role", "row", "row_number",
	"rows", "schema", "schemas", "second_microsecond", "select", "sensitive", "separator", "set",
	"show", "signal", "slow", "smallint", "spatial", "specific", "sql", "sql_after_gtids",
	"sql_before_gtids", "sql_big_result", "sql_calc_found_rows", "sql_small_result",
	"sqlexception", "sqlstate", "sqlwarning", "ssl", "starting", "stored", "straight_join",
	"system", "table", "terminated", "then", "tinyblob", "tinyint", "tinytext", "to", "trailing",
	"trigger", "true", "undo", "union", "unique", "unlock", "unsigned", "update", "usage", "use",
	"using", "utc_date", "utc_time", "utc_timestamp", "values", "varbinary", "varchar",
	"varcharacter", "varying", "virtual", "when", "where", "while", "window", "with", "write",
	"xor", "year_month", "zerofill",
};

static const char *const sql_mariadb_reserved[] = {
	"accessible", "add", "all", "alter", "analyze", "and", "as", "asc", "asensitive", "before",
	"between", "bigint", "binary", "blob", "body", "both", "by", "call", "cascade", "case",
	"change", "char", "character", "check", "collate", "column", "condition", "constraint",
	"continue", "convert", "create", "cross", "current_date", "current_role", "current_time",
	"current_timestamp", "current_user", "cursor", "database", "databases", "day_hour",
	"day_microsecond", "day_minute", "day_second", "dec", "decimal", "declare", "default",
	"delayed", "delete", "desc", "describe", "deterministic", "distinct", "distinctrow", "div",
	"do_domain_ids", "double", "drop", "dual", "each", "else", "elseif", "elsif", "enclosed",
	"escaped", "except", "exists", "exit", "explain", "false", "fetch", "float", "float4",
	"float8", "for", "force", "foreign", "from", "fulltext", "general", "goto", "grant", "group",
	"having", "high_priority", "history", "hour_microsecond", "hour_minute", "hour_second", "if",
	"ignore", "ignore_domain_ids", "ignore_server_ids", "in", "index", "infile", "inner", "inout",
	"insensitive", "insert", "int", "int1", "int2", "int3", "int4", "int8", "integer",
	"intersect", "interval", "into", "is", "iterate", "join", "key", "keys", "kill", "leading",
	"leave", "left", "like", "limit", "linear", "lines", "load", "localtime", "localtimestamp",
	"lock", "long", "longblob", "longtext", "loop", "low_priority", "master_heartbeat_period",
	"master_ssl_verify_server_cert", "match", "maxvalue", "mediumblob", "mediumint", "mediumtext",
	"middleint", "minute_microsecond", "minute_second", "mod", "modifies", "natural",
	"no_write_to_binlog", "not", "null", "numeric", "offset", "on", "optimize", "option",
	"optionally", "or", "order", "others", "out", "outer", "outfile", "over", "package",
	"page_checksum", "parse_vcol_expr", "partition", "period", "position", "precision", "primary",
	"procedure", "purge", "raise", "range", "read", "read_write", "reads", "real", "recursive",
	"ref_system_id", "references", "regexp", "release", "rename", "repeat", "replace", "require",
	"resignal", "restrict", "return", "returning", "revoke", "right", "rlike", "rows", "rowtype",
	"schema", "schemas", "second_microsecond", "select", "sensitive", "separator", "set", "show",
	"signal", "slow", "smallint", "spatial", "specific", "sql", "sql_big_result",
	"sql_calc_found_rows", "sql_small_result", "sqlexception", "sqlstate", "sqlwarning", "ssl",
	"starting", "stats_auto_recalc", "stats_persistent", "stats_sample_pages", "straight_join",
	"system", "system_time", "table", "terminated", "then", "tinyblob", "tinyint", "tinytext",
	"to", "trailing", "trigger", "true", "undo", "union", "unique", "unlock", "unsigned",
	"update", "usage", "use", "using", "utc_date", "utc_time", "utc_timestamp", "values",
	"varbinary", "varchar", "varcharacter", "varying", "versioning", "when", "where", "while",
	"window", "with", "without", "write", "xor", "year_month", "zerofill",
};

#define SQL_WORDS(w) w, sizeof(w) / sizeof(w[0])

#define SPLIT_PG {true, true, false, false, false}
#define SPLIT_MYSQL {false, false, false, true, true}
#define SPLIT_MSSQL {false, false, true, false, false}
#define SPLIT_SQLITE {false, false, true, true, false}
#define RENAME_ALTER "ALTER TABLE %s RENAME TO %s"

/* Alembic impl classes (alembic/ddl) and what SQLAlchemy 1.4 renders for them. */
static const struct sql_dialect sql_dialects[] = {
	{"sqlite", "SQLiteImpl", SQL_FAMILY_SQLITE, false, true, ";", NULL, "BEGIN",
	 "VARCHAR(32)", false, '"', '"', false, SQL_WORDS(sql_sqlite_reserved), SPLIT_SQLITE,
	 false, false, false, true, RENAME_ALTER},
	{"postgresql", "PostgresqlImpl", SQL_FAMILY_POSTGRESQL, true, true, ";", NULL, "BEGIN",
	 "VARCHAR(32)", true, '"', '"', false, SQL_WORDS(sql_pg_reserved), SPLIT_PG, true, true,
	 false, true, RENAME_ALTER},
	{"mysql", "MySQLImpl", SQL_FAMILY_MYSQL, false, false, ";", NULL, "BEGIN", "VARCHAR(32)",
	 false, '`', '`', true, SQL_WORDS(sql_mysql_reserved), SPLIT_MYSQL, true, true, true, true,
	 "ALTER TABLE %s RENAME %s"},
	{"mariadb", "MariaDBImpl", SQL_FAMILY_MYSQL, false, false, ";", NULL, "BEGIN",
	 "VARCHAR(32)", false, '`', '`', true, SQL_WORDS(sql_mariadb_reserved), SPLIT_MYSQL, true,
	 true, true, true, "ALTER TABLE %s RENAME %s"},
	{"mssql", "MSSQLImpl", SQL_FAMILY_OTHER, true, true, ";", "GO", "BEGIN TRANSACTION",
	 "VARCHAR(32)", false, '[', ']', false, SQL_WORDS(sql_generic_reserved), SPLIT_MSSQL, true,
	 true, false, false, "EXEC sp_rename '%s', %s"},
	{"oracle", "OracleImpl", SQL_FAMILY_OTHER, false, false, "", "/", "BEGIN",
	 "VARCHAR2(32 CHAR)", false, '"', '"', false, SQL_WORDS(sql_generic_reserved),
	 SPLIT_SQLITE, true, true, false, false, RENAME_ALTER},
};

const struct sql_dialect *sql_dialect_find(const char *name)
{
	if (!name)
		return NULL;
	if (!strcmp(name, "postgres"))
		name = "postgresql";
	for (size_t i = 0; i < sizeof(sql_dialects) / sizeof(sql_dialects[0]); i++)
		if (!strcmp(sql_dialects[i].name, name))
			return &sql_dialects[i];
	return NULL;
}

struct split_opts split_opts_for(const char *dialect)
{
	const struct sql_dialect *d = sql_dialect_find(dialect);
	struct split_opts generic = SPLIT_SQLITE;

	return d ? d->split : generic;
}

static int sql_word_cmp(const void *key, const void *elem)
{
	return strcmp(key, *(const char *const *)elem);
}

bool sql_requires_quotes(const struct sql_dialect *d, const char *name)
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
			    sql_word_cmp) != NULL;
}

/* s between open and close, each close inside doubled (SQL's one escaping
 * rule for "identifiers", `identifiers` and 'literals'); backslashes doubled
 * too when asked (MySQL literals). */
static void sql_quote_with(struct buf *out, const char *s, char open, char close, bool bs)
{
	buf_addch(out, open);
	for (const char *p = s; *p; p++) {
		if (*p == close || (bs && *p == '\\'))
			buf_addch(out, *p);
		buf_addch(out, *p);
	}
	buf_addch(out, close);
}

void sql_quote_ident_forced(const struct sql_dialect *d, struct buf *out, const char *name)
{
	sql_quote_with(out, name, d ? d->quote_open : '"', d ? d->quote_close : '"', false);
}

void sql_quote_ident(const struct sql_dialect *d, struct buf *out, const char *name)
{
	if (sql_requires_quotes(d, name))
		sql_quote_ident_forced(d, out, name);
	else
		buf_adds(out, name);
}

void sql_quote_literal_d(const struct sql_dialect *d, struct buf *out, const char *value)
{
	sql_quote_with(out, value, '\'', '\'', d && d->literal_backslashes);
}

void sql_quote_literal(struct buf *out, const char *value)
{
	sql_quote_literal_d(NULL, out, value);
}
