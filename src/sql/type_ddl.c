/*
 * type_ddl.c - sql_type_ddl: a column type's DDL text per dialect, as
 * SQLAlchemy 1.4's type compilers render it (sql/compiler.py
 * GenericTypeCompiler; SQLiteTypeCompiler, PGTypeCompiler,
 * MySQLTypeCompiler).  Like SQLAlchemy, each compiler is a table of visit
 * rules keyed by the type's visit name, falling back to the generic
 * compiler; a rule that renders through another ("string" -> "VARCHAR")
 * dispatches again, so a dialect's override of the target applies.  A visit
 * name no compiler has is SQLAlchemy's UnsupportedCompilationError.
 */
#include "schema/type.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "base/str.h"
#include "schema/type_int.h"
#include "sql/dialect.h"

struct tc;
typedef int (*visit_fn)(const struct tc *c, const struct sch_type *t, struct buf *out,
			struct err *e);

/* One visit rule. */
struct visit_row {
	const char *visit; /* visit name */
	visit_fn fn;       /* renders it */
};

/* One type compiler: its rules and the compiler it extends. */
struct type_compiler {
	const char *dialect;              /* dialect name it serves */
	const char *pyname;               /* SQLAlchemy's class name, for messages */
	const struct visit_row *rows;     /* its own rules */
	size_t n_rows;                    /* their number */
	const struct type_compiler *base; /* GenericTypeCompiler, or NULL for that one */
};

/* A compile in progress. */
struct tc {
	const struct type_compiler *comp; /* the dialect's compiler */
	const char *dialect;              /* "sqlite", "postgresql", "mysql", "mariadb" */
	struct arena *a;                  /* scratch for derived types */
};

static int tc_dispatch(const struct tc *c, const char *visit, const struct sch_type *t,
		       struct buf *out, struct err *e);
static int tc_process(const struct tc *c, const struct sch_type *t, struct buf *out, struct err *e);

static int tc_error(struct err *e, const struct sch_type *t, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int tc_error(struct err *e, const struct sch_type *t, const char *fmt, ...)
{
	char msg[ERR_MSG_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	err_set(e, ERR_INPUT, "%s", msg);
	e->line = t ? t->line : 0;
	e->col = t ? t->col : 0;
	return -1;
}

static bool is_mysql(const struct tc *c)
{
	return !strcmp(c->dialect, "mysql") || !strcmp(c->dialect, "mariadb");
}

/* A copy of t the caller may change (for TypeDecorator impls and length overrides). */
static struct sch_type *tc_copy(const struct tc *c, const struct sch_type *t)
{
	struct sch_type *n = arena_alloc(c->a, sizeof(*n));
	*n = *t;
	n->n_variants = 0;
	n->variants = NULL;
	return n;
}

/* ---- GenericTypeCompiler ---- */

#define PLAIN(fn, text)                                                                            \
	static int fn(const struct tc *c, const struct sch_type *t, struct buf *out,               \
		      struct err *e)                                                               \
	{                                                                                          \
		(void)c, (void)t, (void)e;                                                         \
		buf_adds(out, text);                                                               \
		return 0;                                                                          \
	}
#define REDIRECT(fn, target)                                                                       \
	static int fn(const struct tc *c, const struct sch_type *t, struct buf *out,               \
		      struct err *e)                                                               \
	{                                                                                          \
		return tc_dispatch(c, target, t, out, e);                                          \
	}

PLAIN(g_float, "FLOAT")
PLAIN(g_real, "REAL")
PLAIN(g_integer, "INTEGER")
PLAIN(g_smallint, "SMALLINT")
PLAIN(g_bigint, "BIGINT")
PLAIN(g_timestamp, "TIMESTAMP")
PLAIN(g_datetime, "DATETIME")
PLAIN(g_date, "DATE")
PLAIN(g_time, "TIME")
PLAIN(g_clob, "CLOB")
PLAIN(g_blob, "BLOB")
PLAIN(g_boolean, "BOOLEAN")
PLAIN(g_json, "JSON")
PLAIN(g_uuid_upper, "UUID")
PLAIN(g_double, "DOUBLE")
PLAIN(g_double_precision, "DOUBLE PRECISION")
REDIRECT(g_large_binary, "BLOB")
REDIRECT(g_boolean_lc, "BOOLEAN")
REDIRECT(g_time_lc, "TIME")
REDIRECT(g_datetime_lc, "DATETIME")
REDIRECT(g_date_lc, "DATE")
REDIRECT(g_big_integer, "BIGINT")
REDIRECT(g_small_integer, "SMALLINT")
REDIRECT(g_integer_lc, "INTEGER")
REDIRECT(g_float_lc, "FLOAT")
REDIRECT(g_numeric_lc, "NUMERIC")
REDIRECT(g_string, "VARCHAR")
REDIRECT(g_text_lc, "TEXT")
REDIRECT(g_enum, "VARCHAR")
REDIRECT(g_double_lc, "DOUBLE20")

/* NUMERIC / DECIMAL with precision and scale (GenericTypeCompiler.visit_NUMERIC). */
static void numeric_spec(const char *name, const struct sch_type *t, struct buf *out)
{
	if (t->precision < 0)
		buf_adds(out, name);
	else if (t->scale < 0)
		buf_addf(out, "%s(%lld)", name, t->precision);
	else
		buf_addf(out, "%s(%lld, %lld)", name, t->precision, t->scale);
}

static int g_numeric(const struct tc *c, const struct sch_type *t, struct buf *out, struct err *e)
{
	(void)c, (void)e;
	numeric_spec("NUMERIC", t, out);
	return 0;
}

static int g_decimal(const struct tc *c, const struct sch_type *t, struct buf *out, struct err *e)
{
	(void)c, (void)e;
	numeric_spec("DECIMAL", t, out);
	return 0;
}

/* _render_string_type: NAME[(length)][ COLLATE "collation"] (length 0 renders none). */
static void string_spec(const char *name, const struct sch_type *t, struct buf *out)
{
	buf_adds(out, name);
	if (t->length > 0)
		buf_addf(out, "(%lld)", t->length);
	if (t->collation && *t->collation)
		buf_addf(out, " COLLATE \"%s\"", t->collation);
}

#define STRING(fn, name)                                                                           \
	static int fn(const struct tc *c, const struct sch_type *t, struct buf *out,               \
		      struct err *e)                                                               \
	{                                                                                          \
		(void)c, (void)e;                                                                  \
		string_spec(name, t, out);                                                         \
		return 0;                                                                          \
	}
STRING(g_char, "CHAR")
STRING(g_nchar, "NCHAR")
STRING(g_varchar, "VARCHAR")
STRING(g_nvarchar, "NVARCHAR")
STRING(g_text, "TEXT")

static int g_binary(const struct tc *c, const struct sch_type *t, struct buf *out, struct err *e)
{
	(void)c, (void)e;
	buf_adds(out, "BINARY");
	if (t->length > 0)
		buf_addf(out, "(%lld)", t->length);
	return 0;
}

static int g_varbinary(const struct tc *c, const struct sch_type *t, struct buf *out, struct err *e)
{
	(void)c, (void)e;
	buf_adds(out, "VARBINARY");
	if (t->length > 0)
		buf_addf(out, "(%lld)", t->length);
	return 0;
}

/* GenericTypeCompiler.visit_null. */
static int g_null(const struct tc *c, const struct sch_type *t, struct buf *out, struct err *e)
{
	(void)c, (void)out;
	return tc_error(e, t,
			"Can't generate DDL for NullType(); did you forget to specify a "
			"type on this Column?");
}

/* Interval (a TypeDecorator over DateTime; PostgreSQL adapts it to INTERVAL
 * with second_precision as precision when native). */
static int g_interval(const struct tc *c, const struct sch_type *t, struct buf *out, struct err *e)
{
	if (t->native && !strcmp(c->dialect, "postgresql")) {
		buf_adds(out, "INTERVAL");
		if (t->second_precision >= 0)
			buf_addf(out, " (%lld)", t->second_precision);
		return 0;
	}
	struct sch_type *impl = tc_copy(c, t);
	impl->timezone = false;
	impl->fsp = -1;
	return tc_dispatch(c, "datetime", impl, out, e);
}

/* PickleType: its impl (LargeBinary unless impl= was given). */
static int g_pickle(const struct tc *c, const struct sch_type *t, struct buf *out, struct err *e)
{
	if (t->item)
		return tc_process(c, t->item, out, e);
	struct sch_type *impl = tc_copy(c, t);
	impl->length = -1;
	return tc_dispatch(c, "large_binary", impl, out, e);
}

/* sqlmodel AutoString.load_dialect_impl: String(255) on MySQL when no length. */
static int g_autostring(const struct tc *c, const struct sch_type *t, struct buf *out,
			struct err *e)
{
	if (t->length < 0 && is_mysql(c)) {
		struct sch_type *impl = tc_copy(c, t);
		impl->length = 255;
		return tc_dispatch(c, "string", impl, out, e);
	}
	return tc_dispatch(c, "string", t, out, e);
}

/* CHAR(32) with no collation, as GUID and Uuid render it without a native UUID. */
static int char32(const struct tc *c, const struct sch_type *t, struct buf *out, struct err *e)
{
	struct sch_type *impl = tc_copy(c, t);
	impl->length = 32;
	impl->collation = NULL;
	impl->cls = NULL; /* a plain sa.CHAR: no MySQL extensions */
	return tc_dispatch(c, "CHAR", impl, out, e);
}

/* sqlmodel GUID.load_dialect_impl: postgresql.UUID() on PostgreSQL, else CHAR(32). */
static int g_guid(const struct tc *c, const struct sch_type *t, struct buf *out, struct err *e)
{
	if (!strcmp(c->dialect, "postgresql")) {
		buf_adds(out, "UUID");
		return 0;
	}
	return char32(c, t, out, e);
}

/* SQLAlchemy 2.0 Uuid (documented): UUID where the dialect has one natively. */
static int g_uuid(const struct tc *c, const struct sch_type *t, struct buf *out, struct err *e)
{
	bool native = !strcmp(c->dialect, "postgresql") || !strcmp(c->dialect, "mariadb");

	if (t->native_uuid && native) {
		buf_adds(out, "UUID");
		return 0;
	}
	return char32(c, t, out, e);
}

static const struct visit_row generic_rows[] = {
	{"FLOAT", g_float},
	{"REAL", g_real},
	{"NUMERIC", g_numeric},
	{"DECIMAL", g_decimal},
	{"INTEGER", g_integer},
	{"SMALLINT", g_smallint},
	{"BIGINT", g_bigint},
	{"TIMESTAMP", g_timestamp},
	{"DATETIME", g_datetime},
	{"DATE", g_date},
	{"TIME", g_time},
	{"CLOB", g_clob},
	{"CHAR", g_char},
	{"NCHAR", g_nchar},
	{"VARCHAR", g_varchar},
	{"NVARCHAR", g_nvarchar},
	{"TEXT", g_text},
	{"BLOB", g_blob},
	{"BINARY", g_binary},
	{"VARBINARY", g_varbinary},
	{"BOOLEAN", g_boolean},
	{"large_binary", g_large_binary},
	{"boolean", g_boolean_lc},
	{"time", g_time_lc},
	{"datetime", g_datetime_lc},
	{"date", g_date_lc},
	{"big_integer", g_big_integer},
	{"small_integer", g_small_integer},
	{"integer", g_integer_lc},
	{"real", g_real},
	{"float", g_float_lc},
	{"numeric", g_numeric_lc},
	{"string", g_string},
	{"unicode", g_string},
	{"text", g_text_lc},
	{"unicode_text", g_text_lc},
	{"enum", g_enum},
	{"JSON", g_json},
	{"interval", g_interval},
	{"pickle", g_pickle},
	{"autostring", g_autostring},
	{"guid", g_guid},
	{"null", g_null},
	/* SQLAlchemy 2.0 (documented, not recorded) */
	{"uuid", g_uuid},
	{"UUID20", g_uuid_upper},
	{"double", g_double_lc},
	{"DOUBLE20", g_double},
	{"DOUBLE_PRECISION20", g_double_precision},
};

static const struct type_compiler generic_compiler = {
	NULL, "GenericTypeCompiler", generic_rows, sizeof(generic_rows) / sizeof(generic_rows[0]),
	NULL,
};

/* ---- SQLiteTypeCompiler ---- */

/* _DateTimeMixin.format_is_text_affinity: the storage format rendered with
 * zeros holds a non-digit (the default formats do). */
static bool sqlite_text_affinity(const char *fmt)
{
	if (!fmt)
		return true;
	for (const char *p = fmt; *p; p++) {
		if (str_isdigit(*p))
			continue;
		if (*p != '%')
			return true; /* a literal character: not a digit */
		if (p[1] == '%')
			return true; /* "%%" renders '%' */
		if (p[1] != '(')
			return true;
		p = strchr(p, ')');
		if (!p)
			return true;
		p++;
		while (*p && strchr("#0- +123456789.", *p))
			p++;
		if (!*p)
			return true;
		if (*p == 's' || *p == 'r' || *p == 'a')
			continue; /* str(0) is "0": a digit */
	}
	return false;
}

static int sqlite_dt(const struct sch_type *t, const char *name, struct buf *out)
{
	if (t->cls && (t->cls->flags & TC_SQLITE_DT) && !sqlite_text_affinity(t->storage_format))
		buf_addf(out, "%s_CHAR", name);
	else
		buf_adds(out, name);
	return 0;
}

static int s_datetime(const struct tc *c, const struct sch_type *t, struct buf *out, struct err *e)
{
	(void)c, (void)e;
	return sqlite_dt(t, "DATETIME", out);
}

static int s_date(const struct tc *c, const struct sch_type *t, struct buf *out, struct err *e)
{
	(void)c, (void)e;
	return sqlite_dt(t, "DATE", out);
}

static int s_time(const struct tc *c, const struct sch_type *t, struct buf *out, struct err *e)
{
	(void)c, (void)e;
	return sqlite_dt(t, "TIME", out);
}

static const struct visit_row sqlite_rows[] = {
	{"large_binary", g_blob},
	{"DATETIME", s_datetime},
	{"DATE", s_date},
	{"TIME", s_time},
};

/* ---- PGTypeCompiler ---- */

PLAIN(p_tsvector, "TSVECTOR")
PLAIN(p_inet, "INET")
PLAIN(p_cidr, "CIDR")
PLAIN(p_macaddr, "MACADDR")
PLAIN(p_macaddr8, "MACADDR8")
PLAIN(p_money, "MONEY")
PLAIN(p_oid, "OID")
PLAIN(p_regclass, "REGCLASS")
PLAIN(p_double_precision, "DOUBLE PRECISION")
PLAIN(p_hstore, "HSTORE")
PLAIN(p_jsonb, "JSONB")
PLAIN(p_int4range, "INT4RANGE")
PLAIN(p_int8range, "INT8RANGE")
PLAIN(p_numrange, "NUMRANGE")
PLAIN(p_daterange, "DATERANGE")
PLAIN(p_tsrange, "TSRANGE")
PLAIN(p_tstzrange, "TSTZRANGE")
PLAIN(p_uuid, "UUID")
PLAIN(p_bytea, "BYTEA")
REDIRECT(p_datetime_lc, "TIMESTAMP")
REDIRECT(p_large_binary, "BYTEA")
REDIRECT(p_double_lc, "DOUBLE_PRECISION")

static int p_float(const struct tc *c, const struct sch_type *t, struct buf *out, struct err *e)
{
	(void)c, (void)e;
	if (t->precision > 0)
		buf_addf(out, "FLOAT(%lld)", t->precision);
	else
		buf_adds(out, "FLOAT");
	return 0;
}

/* PGIdentifierPreparer.format_type: the quoted name, schema-qualified. */
static int p_enum_upper(const struct tc *c, const struct sch_type *t, struct buf *out,
			struct err *e)
{
	const struct sql_dialect *d = sql_dialect_find("postgresql");

	(void)c;
	if (!t->name_arg || !*t->name_arg)
		return tc_error(e, t, "PostgreSQL ENUM type requires a name.");
	if (t->schema) {
		sql_quote_ident(d, out, t->schema);
		buf_addch(out, '.');
	}
	sql_quote_ident(d, out, t->name_arg);
	return 0;
}

/* PGTypeCompiler.visit_enum: native enums by name, others as VARCHAR. */
static int p_enum(const struct tc *c, const struct sch_type *t, struct buf *out, struct err *e)
{
	if (!t->native_enum)
		return tc_dispatch(c, "VARCHAR", t, out, e);
	return p_enum_upper(c, t, out, e);
}

/* TIMESTAMP[(p)] WITH|WITHOUT TIME ZONE (mysql fsp is not a precision). */
static void pg_zoned(const char *name, const struct sch_type *t, struct buf *out)
{
	buf_adds(out, name);
	if (t->precision >= 0)
		buf_addf(out, "(%lld)", t->precision);
	buf_adds(out, t->timezone ? " WITH TIME ZONE" : " WITHOUT TIME ZONE");
}

static int p_timestamp(const struct tc *c, const struct sch_type *t, struct buf *out, struct err *e)
{
	(void)c, (void)e;
	pg_zoned("TIMESTAMP", t, out);
	return 0;
}

static int p_time(const struct tc *c, const struct sch_type *t, struct buf *out, struct err *e)
{
	(void)c, (void)e;
	pg_zoned("TIME", t, out);
	return 0;
}

static int p_interval(const struct tc *c, const struct sch_type *t, struct buf *out, struct err *e)
{
	(void)c, (void)e;
	buf_adds(out, "INTERVAL");
	if (t->fields)
		buf_addf(out, " %s", t->fields);
	if (t->precision >= 0)
		buf_addf(out, " (%lld)", t->precision);
	return 0;
}

static int p_bit(const struct tc *c, const struct sch_type *t, struct buf *out, struct err *e)
{
	(void)c;
	if (!t->cls || strcmp(t->cls->name, "sqlalchemy.dialects.postgresql.BIT"))
		return tc_error(e, t,
				"mysql.BIT cannot be rendered on dialect postgresql "
				"(SQLAlchemy 1.4 fails: 'BIT' object has no attribute 'varying')");
	if (t->varying) {
		buf_adds(out, "BIT VARYING");
		if (t->length >= 0)
			buf_addf(out, "(%lld)", t->length);
	} else {
		buf_addf(out, "BIT(%lld)", t->length);
	}
	return 0;
}

/* PGTypeCompiler.visit_ARRAY: the item's DDL with "[]" per dimension put
 * before a trailing " COLLATE ..." of the item. */
static int p_array(const struct tc *c, const struct sch_type *t, struct buf *out, struct err *e)
{
	struct buf inner = BUF_INIT;
	long long dims = t->dimensions >= 0 ? t->dimensions : 1;

	if (tc_process(c, t->item, &inner, e) < 0) {
		buf_release(&inner);
		return -1;
	}
	const char *s = buf_cstr(&inner);
	const char *coll = strstr(s, " COLLATE");
	size_t head = coll ? (size_t)(coll - s) : inner.len;
	buf_add(out, s, head);
	for (long long i = 0; i < dims; i++)
		buf_adds(out, "[]");
	buf_adds(out, s + head);
	buf_release(&inner);
	return 0;
}

static const struct visit_row pg_rows[] = {
	{"TSVECTOR", p_tsvector},
	{"INET", p_inet},
	{"CIDR", p_cidr},
	{"MACADDR", p_macaddr},
	{"MACADDR8", p_macaddr8},
	{"MONEY", p_money},
	{"OID", p_oid},
	{"REGCLASS", p_regclass},
	{"FLOAT", p_float},
	{"DOUBLE_PRECISION", p_double_precision},
	{"BIGINT", g_bigint},
	{"HSTORE", p_hstore},
	{"JSON", g_json},
	{"JSONB", p_jsonb},
	{"INT4RANGE", p_int4range},
	{"INT8RANGE", p_int8range},
	{"NUMRANGE", p_numrange},
	{"DATERANGE", p_daterange},
	{"TSRANGE", p_tsrange},
	{"TSTZRANGE", p_tstzrange},
	{"datetime", p_datetime_lc},
	{"enum", p_enum},
	{"ENUM", p_enum_upper},
	{"TIMESTAMP", p_timestamp},
	{"TIME", p_time},
	{"INTERVAL", p_interval},
	{"BIT", p_bit},
	{"UUID", p_uuid},
	{"large_binary", p_large_binary},
	{"BYTEA", p_bytea},
	{"ARRAY", p_array},
	{"double", p_double_lc},
};

/* ---- MySQLTypeCompiler ---- */

/* _mysql_type: a mysql.* string or numeric type (its extensions render). */
static bool my_type(const struct sch_type *t)
{
	return t->cls && (t->cls->flags & TC_MYSQL);
}

/* _extend_numeric: " UNSIGNED" / " ZEROFILL" for mysql numeric types. */
static void my_numeric_ext(const struct sch_type *t, struct buf *out)
{
	if (!my_type(t))
		return;
	if (t->is_unsigned)
		buf_adds(out, " UNSIGNED");
	if (t->zerofill)
		buf_adds(out, " ZEROFILL");
}

/* _extend_string: charset / ASCII / UNICODE, COLLATE x / BINARY, NATIONAL. */
static void my_string_ext(const struct sch_type *t, bool national_default, const char *spec,
			  struct buf *out)
{
	bool mt = my_type(t);
	const char *charset = NULL, *collation = NULL;
	char cs[256] = "", co[256] = "";

	if (mt && t->charset && *t->charset) {
		snprintf(cs, sizeof(cs), "CHARACTER SET %s", t->charset);
		charset = cs;
	} else if (mt && t->ascii) {
		charset = "ASCII";
	} else if (mt && t->unicode) {
		charset = "UNICODE";
	}
	if (t->collation && *t->collation) {
		snprintf(co, sizeof(co), "COLLATE %s", t->collation);
		collation = co;
	} else if (mt && t->binary) {
		collation = "BINARY";
	}
	if ((mt && t->national) || national_default) {
		buf_addf(out, "NATIONAL %s", spec);
		if (collation)
			buf_addf(out, " %s", collation);
		return;
	}
	buf_adds(out, spec);
	if (charset)
		buf_addf(out, " %s", charset);
	if (collation)
		buf_addf(out, " %s", collation);
}

static int my_numeric_common(const char *name, const struct sch_type *t, struct buf *out)
{
	numeric_spec(name, t, out);
	my_numeric_ext(t, out);
	return 0;
}

static int m_numeric(const struct tc *c, const struct sch_type *t, struct buf *out, struct err *e)
{
	(void)c, (void)e;
	return my_numeric_common("NUMERIC", t, out);
}

static int m_decimal(const struct tc *c, const struct sch_type *t, struct buf *out, struct err *e)
{
	(void)c, (void)e;
	return my_numeric_common("DECIMAL", t, out);
}

/* DOUBLE / REAL: (precision, scale) only when both are given. */
static int my_pair(const char *name, const struct sch_type *t, struct buf *out)
{
	if (t->precision >= 0 && t->scale >= 0)
		buf_addf(out, "%s(%lld, %lld)", name, t->precision, t->scale);
	else
		buf_adds(out, name);
	my_numeric_ext(t, out);
	return 0;
}

static int m_double(const struct tc *c, const struct sch_type *t, struct buf *out, struct err *e)
{
	(void)c, (void)e;
	return my_pair("DOUBLE", t, out);
}

static int m_real(const struct tc *c, const struct sch_type *t, struct buf *out, struct err *e)
{
	(void)c, (void)e;
	return my_pair("REAL", t, out);
}

static int m_float(const struct tc *c, const struct sch_type *t, struct buf *out, struct err *e)
{
	(void)c, (void)e;
	if (my_type(t) && t->scale >= 0 && t->precision >= 0)
		buf_addf(out, "FLOAT(%lld, %lld)", t->precision, t->scale);
	else if (t->precision >= 0)
		buf_addf(out, "FLOAT(%lld)", t->precision);
	else
		buf_adds(out, "FLOAT");
	my_numeric_ext(t, out);
	return 0;
}

static int my_int(const char *name, const struct sch_type *t, struct buf *out)
{
	if (my_type(t) && t->display_width >= 0)
		buf_addf(out, "%s(%lld)", name, t->display_width);
	else
		buf_adds(out, name);
	my_numeric_ext(t, out);
	return 0;
}

#define MYINT(fn, name)                                                                            \
	static int fn(const struct tc *c, const struct sch_type *t, struct buf *out,               \
		      struct err *e)                                                               \
	{                                                                                          \
		(void)c, (void)e;                                                                  \
		return my_int(name, t, out);                                                       \
	}
MYINT(m_integer, "INTEGER")
MYINT(m_bigint, "BIGINT")
MYINT(m_mediumint, "MEDIUMINT")
MYINT(m_tinyint, "TINYINT")
MYINT(m_smallint, "SMALLINT")

static int m_bit(const struct tc *c, const struct sch_type *t, struct buf *out, struct err *e)
{
	(void)c, (void)e;
	if (t->length >= 0)
		buf_addf(out, "BIT(%lld)", t->length);
	else
		buf_adds(out, "BIT");
	return 0;
}

/* DATETIME / TIME / TIMESTAMP with fsp (getattr(type_, "fsp", None): truthy only). */
static int my_fsp(const char *name, const struct sch_type *t, struct buf *out)
{
	if (t->fsp > 0)
		buf_addf(out, "%s(%lld)", name, t->fsp);
	else
		buf_adds(out, name);
	return 0;
}

static int m_datetime(const struct tc *c, const struct sch_type *t, struct buf *out, struct err *e)
{
	(void)c, (void)e;
	return my_fsp("DATETIME", t, out);
}

static int m_time(const struct tc *c, const struct sch_type *t, struct buf *out, struct err *e)
{
	(void)c, (void)e;
	return my_fsp("TIME", t, out);
}

static int m_timestamp(const struct tc *c, const struct sch_type *t, struct buf *out, struct err *e)
{
	(void)c, (void)e;
	return my_fsp("TIMESTAMP", t, out);
}

static int m_year(const struct tc *c, const struct sch_type *t, struct buf *out, struct err *e)
{
	(void)c, (void)e;
	if (t->display_width >= 0)
		buf_addf(out, "YEAR(%lld)", t->display_width);
	else
		buf_adds(out, "YEAR");
	return 0;
}

/* A string type's NAME[(length)] then _extend_string. */
static int my_str(const char *name, bool with_len, bool national, const struct sch_type *t,
		  struct buf *out)
{
	char spec[64];

	if (with_len && t->length > 0)
		snprintf(spec, sizeof(spec), "%s(%lld)", name, t->length);
	else
		snprintf(spec, sizeof(spec), "%s", name);
	my_string_ext(t, national, spec, out);
	return 0;
}

static int m_text(const struct tc *c, const struct sch_type *t, struct buf *out, struct err *e)
{
	(void)c, (void)e;
	return my_str("TEXT", true, false, t, out);
}

#define MYSTR(fn, name)                                                                            \
	static int fn(const struct tc *c, const struct sch_type *t, struct buf *out,               \
		      struct err *e)                                                               \
	{                                                                                          \
		(void)c, (void)e;                                                                  \
		return my_str(name, false, false, t, out);                                         \
	}
MYSTR(m_tinytext, "TINYTEXT")
MYSTR(m_mediumtext, "MEDIUMTEXT")
MYSTR(m_longtext, "LONGTEXT")

/* VARCHAR / NVARCHAR need a length on MySQL (a CompileError naming the dialect). */
static int my_varchar(const char *name, bool national, const struct sch_type *t, struct buf *out,
		      struct err *e)
{
	if (t->length <= 0)
		return tc_error(e, t, "%s requires a length on dialect mysql", name);
	return my_str("VARCHAR", true, national, t, out);
}

static int m_varchar(const struct tc *c, const struct sch_type *t, struct buf *out, struct err *e)
{
	(void)c;
	return my_varchar("VARCHAR", false, t, out, e);
}

static int m_nvarchar(const struct tc *c, const struct sch_type *t, struct buf *out, struct err *e)
{
	(void)c;
	return my_varchar("NVARCHAR", true, t, out, e);
}

static int m_char(const struct tc *c, const struct sch_type *t, struct buf *out, struct err *e)
{
	(void)c, (void)e;
	return my_str("CHAR", true, false, t, out);
}

static int m_nchar(const struct tc *c, const struct sch_type *t, struct buf *out, struct err *e)
{
	(void)c, (void)e;
	return my_str("CHAR", true, true, t, out);
}

/* VARBINARY(%d) % length: SQLAlchemy fails with a TypeError without one. */
static int m_varbinary(const struct tc *c, const struct sch_type *t, struct buf *out, struct err *e)
{
	(void)c;
	if (t->length < 0)
		return tc_error(e, t, "VARBINARY requires a length on dialect mysql");
	buf_addf(out, "VARBINARY(%lld)", t->length);
	return 0;
}

static int m_blob(const struct tc *c, const struct sch_type *t, struct buf *out, struct err *e)
{
	(void)c, (void)e;
	if (t->length > 0)
		buf_addf(out, "BLOB(%lld)", t->length);
	else
		buf_adds(out, "BLOB");
	return 0;
}

PLAIN(m_tinyblob, "TINYBLOB")
PLAIN(m_mediumblob, "MEDIUMBLOB")
PLAIN(m_longblob, "LONGBLOB")
PLAIN(m_bool, "BOOL")
REDIRECT(m_large_binary, "BLOB")

/* _visit_enumerated_values: NAME('a','b') with '' doubling, then _extend_string. */
static int my_values(const char *name, const struct sch_type *t, struct buf *out)
{
	struct buf spec = BUF_INIT;

	buf_addf(&spec, "%s(", name);
	for (size_t i = 0; i < t->n_values; i++) {
		if (i)
			buf_addch(&spec, ',');
		buf_addch(&spec, '\'');
		for (const char *p = t->values[i]; *p; p++) {
			if (*p == '\'')
				buf_addch(&spec, '\'');
			buf_addch(&spec, *p);
		}
		buf_addch(&spec, '\'');
	}
	buf_addch(&spec, ')');
	my_string_ext(t, false, buf_cstr(&spec), out);
	buf_release(&spec);
	return 0;
}

static int m_enum(const struct tc *c, const struct sch_type *t, struct buf *out, struct err *e)
{
	if (!t->native_enum)
		return tc_dispatch(c, "VARCHAR", t, out, e);
	return my_values("ENUM", t, out);
}

static int m_enum_upper(const struct tc *c, const struct sch_type *t, struct buf *out,
			struct err *e)
{
	(void)c, (void)e;
	return my_values("ENUM", t, out);
}

static int m_set(const struct tc *c, const struct sch_type *t, struct buf *out, struct err *e)
{
	(void)c, (void)e;
	return my_values("SET", t, out);
}

static const struct visit_row mysql_rows[] = {
	{"NUMERIC", m_numeric},
	{"DECIMAL", m_decimal},
	{"DOUBLE", m_double},
	{"REAL", m_real},
	{"FLOAT", m_float},
	{"INTEGER", m_integer},
	{"BIGINT", m_bigint},
	{"MEDIUMINT", m_mediumint},
	{"TINYINT", m_tinyint},
	{"SMALLINT", m_smallint},
	{"BIT", m_bit},
	{"DATETIME", m_datetime},
	{"DATE", g_date},
	{"TIME", m_time},
	{"TIMESTAMP", m_timestamp},
	{"YEAR", m_year},
	{"TEXT", m_text},
	{"TINYTEXT", m_tinytext},
	{"MEDIUMTEXT", m_mediumtext},
	{"LONGTEXT", m_longtext},
	{"VARCHAR", m_varchar},
	{"CHAR", m_char},
	{"NVARCHAR", m_nvarchar},
	{"NCHAR", m_nchar},
	{"VARBINARY", m_varbinary},
	{"JSON", g_json},
	{"large_binary", m_large_binary},
	{"enum", m_enum},
	{"BLOB", m_blob},
	{"TINYBLOB", m_tinyblob},
	{"MEDIUMBLOB", m_mediumblob},
	{"LONGBLOB", m_longblob},
	{"ENUM", m_enum_upper},
	{"SET", m_set},
	{"BOOLEAN", m_bool},
	{"DOUBLE20", m_double},
};

#define ROWS(r) r, sizeof(r) / sizeof(r[0])
static const struct type_compiler type_compilers[] = {
	{"sqlite", "SQLiteTypeCompiler", ROWS(sqlite_rows), &generic_compiler},
	{"postgresql", "PGTypeCompiler", ROWS(pg_rows), &generic_compiler},
	{"mysql", "MySQLTypeCompiler", ROWS(mysql_rows), &generic_compiler},
	{"mariadb", "MySQLTypeCompiler", ROWS(mysql_rows), &generic_compiler},
};

/* Compiler.process: the visit rule of the type's visit name, through the
 * compiler chain; UnsupportedCompilationError when none has it. */
static int tc_dispatch(const struct tc *c, const char *visit, const struct sch_type *t,
		       struct buf *out, struct err *e)
{
	for (const struct type_compiler *tc = c->comp; tc; tc = tc->base)
		for (size_t i = 0; i < tc->n_rows; i++)
			if (!strcmp(tc->rows[i].visit, visit))
				return tc->rows[i].fn(c, t, out, e);
	return tc_error(e, t, "Compiler for dialect %s can't render element of type %s", c->dialect,
			t->cls ? t->cls->pyname : visit);
}

/* The visit name a type dispatches on; the 2.0 upper-case names that collide
 * with 1.4 dialect types get their own. */
static const char *tc_visit_name(const struct sch_type *t)
{
	if (t->cls->flags & TC_V20) {
		if (!strcmp(t->cls->visit, "UUID"))
			return "UUID20";
		if (!strcmp(t->cls->visit, "DOUBLE"))
			return "DOUBLE20";
		if (!strcmp(t->cls->visit, "DOUBLE_PRECISION"))
			return "DOUBLE_PRECISION20";
	}
	return t->cls->visit;
}

static int tc_process(const struct tc *c, const struct sch_type *t, struct buf *out, struct err *e)
{
	t = sch_type_for_dialect(t, c->dialect);
	return tc_dispatch(c, tc_visit_name(t), t, out, e);
}

int sql_type_ddl(struct arena *a, const char *dialect, const struct sch_type *t, struct buf *out,
		 struct err *e)
{
	struct tc c = {.dialect = dialect, .a = a};

	for (size_t i = 0; i < sizeof(type_compilers) / sizeof(type_compilers[0]); i++)
		if (dialect && !strcmp(type_compilers[i].dialect, dialect))
			c.comp = &type_compilers[i];
	if (!c.comp)
		return tc_error(e, t, "no type compiler for dialect '%s'", dialect ? dialect : "");
	if (!t)
		return tc_error(e, NULL, "no column type given");
	return tc_process(&c, t, out, e);
}
