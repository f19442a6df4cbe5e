/*
 * type.c - the table of column type classes and sch_type_from_pyv: a
 * type expression (PYV_REF / PYV_CALL from the evaluator) checked against
 * its class's Python signature (TypeError wording as Python 3.11's, with
 * "X.__init__()" shortened to "X()") and stored as a struct sch_type.
 *
 * One const row per class (canonical name, __name__, signature, compile
 * rule); one const row per parameter name (what kind of value it takes and
 * which field it fills).  SQLAlchemy 1.4's constructors are the model:
 * String.__init__, Numeric.__init__, Enum._enum_init, ARRAY.__init__, the
 * mysql _StringType/_NumericType/_FloatType initialisers, postgresql.BIT.
 */
#include "schema/type.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "base/str.h"
#include "schema/type_int.h"

#define SA "sqlalchemy."
#define PG "sqlalchemy.dialects.postgresql."
#define MY "sqlalchemy.dialects.mysql."
#define SL "sqlalchemy.dialects.sqlite."
#define SM "sqlmodel.sql.sqltypes."

/* Parameter lists shared by several classes. */
#define P_STRING "length " K_STRING
#define K_STRING "collation convert_unicode unicode_error _warn_on_bytestring _expect_unicode"
#define K_MYSTR K_STRING " charset ascii binary unicode national"
#define P_NUMERIC "precision scale decimal_return_scale asdecimal"
#define P_FLOAT "precision asdecimal decimal_return_scale"
#define P_MYNUM "precision scale asdecimal"
#define K_MYNUM "unsigned zerofill decimal_return_scale"
#define K_ENUM                                                                                     \
	"native_enum create_constraint values_callable sort_key_function length "                  \
	"omit_aliases _disable_warnings convert_unicode validate_strings name schema "             \
	"metadata inherit_schema quote _create_events _adapted_from"

#define F SCH_T_OTHER

/* The classes, in no particular order (looked up by name). */
/* clang-format off */
static const struct sch_type_class type_classes[] = {
	/* generic and upper-case types (sqlalchemy.sql.sqltypes) */
	{SA "String", "String", "String", "String", "string", SCH_T_STRING, 0, P_STRING, "", 0},
	{SA "Text", "Text", "String", "String", "text", SCH_T_STRING, 0, P_STRING, "", 0},
	{SA "Unicode", "Unicode", "Unicode", "String", "unicode", SCH_T_STRING, 0, "length", K_STRING, 0},
	{SA "UnicodeText", "UnicodeText", "UnicodeText", "String", "unicode_text", SCH_T_STRING, 0,
	 "length", K_STRING, 0},
	{SA "VARCHAR", "VARCHAR", "String", "String", "VARCHAR", SCH_T_STRING, 0, P_STRING, "", 0},
	{SA "CHAR", "CHAR", "String", "String", "CHAR", SCH_T_STRING, 0, P_STRING, "", 0},
	{SA "TEXT", "TEXT", "String", "String", "TEXT", SCH_T_STRING, 0, P_STRING, "", 0},
	{SA "CLOB", "CLOB", "String", "String", "CLOB", SCH_T_STRING, 0, P_STRING, "", 0},
	{SA "NVARCHAR", "NVARCHAR", "Unicode", "String", "NVARCHAR", SCH_T_STRING, 0, "length",
	 K_STRING, 0},
	{SA "NCHAR", "NCHAR", "Unicode", "String", "NCHAR", SCH_T_STRING, 0, "length", K_STRING, 0},
	{SA "Integer", "Integer", NULL, NULL, "integer", SCH_T_INTEGER, SCH_INT_PLAIN, "", "", TC_NOINIT},
	{SA "SmallInteger", "SmallInteger", NULL, NULL, "small_integer", SCH_T_INTEGER, SCH_INT_SMALL,
	 "", "", TC_NOINIT},
	{SA "BigInteger", "BigInteger", NULL, NULL, "big_integer", SCH_T_INTEGER, SCH_INT_BIG, "", "",
	 TC_NOINIT},
	{SA "INTEGER", "INTEGER", NULL, NULL, "INTEGER", SCH_T_INTEGER, SCH_INT_PLAIN, "", "", TC_NOINIT},
	{SA "SMALLINT", "SMALLINT", NULL, NULL, "SMALLINT", SCH_T_INTEGER, SCH_INT_SMALL, "", "",
	 TC_NOINIT},
	{SA "BIGINT", "BIGINT", NULL, NULL, "BIGINT", SCH_T_INTEGER, SCH_INT_BIG, "", "", TC_NOINIT},
	{SA "Numeric", "Numeric", "Numeric", "Numeric", "numeric", SCH_T_NUMERIC, 0, P_NUMERIC, "", 0},
	{SA "NUMERIC", "NUMERIC", "Numeric", "Numeric", "NUMERIC", SCH_T_NUMERIC, 0, P_NUMERIC, "", 0},
	{SA "DECIMAL", "DECIMAL", "Numeric", "Numeric", "DECIMAL", SCH_T_NUMERIC, 0, P_NUMERIC, "", 0},
	{SA "Float", "Float", "Float", "Float", "float", SCH_T_NUMERIC, 0, P_FLOAT, "", 0},
	{SA "FLOAT", "FLOAT", "Float", "Float", "FLOAT", SCH_T_NUMERIC, 0, P_FLOAT, "", 0},
	{SA "REAL", "REAL", "Float", "Float", "REAL", SCH_T_NUMERIC, 0, P_FLOAT, "", 0},
	{SA "Boolean", "Boolean", "Boolean", "Boolean", "boolean", SCH_T_BOOLEAN, 0,
	 "create_constraint name _create_events", "", 0},
	{SA "BOOLEAN", "BOOLEAN", "Boolean", "Boolean", "BOOLEAN", SCH_T_BOOLEAN, 0,
	 "create_constraint name _create_events", "", 0},
	{SA "Date", "Date", NULL, NULL, "date", SCH_T_DATE, 0, "", "", TC_NOINIT},
	{SA "DATE", "DATE", NULL, NULL, "DATE", SCH_T_DATE, 0, "", "", TC_NOINIT},
	{SA "DateTime", "DateTime", "DateTime", "DateTime", "datetime", SCH_T_DATETIME, 0, "timezone",
	 "", 0},
	{SA "DATETIME", "DATETIME", "DateTime", "DateTime", "DATETIME", SCH_T_DATETIME, 0, "timezone",
	 "", 0},
	{SA "TIMESTAMP", "TIMESTAMP", "TIMESTAMP", "TIMESTAMP", "TIMESTAMP", SCH_T_DATETIME, 0,
	 "timezone", "", 0},
	{SA "Time", "Time", "Time", "Time", "time", SCH_T_TIME, 0, "timezone", "", 0},
	{SA "TIME", "TIME", "Time", "Time", "TIME", SCH_T_TIME, 0, "timezone", "", 0},
	{SA "Interval", "Interval", "Interval", "Interval", "interval", SCH_T_INTERVAL, 0,
	 "native second_precision day_precision", "", 0},
	{SA "LargeBinary", "LargeBinary", "LargeBinary", "LargeBinary", "large_binary", SCH_T_BINARY,
	 0, "length", "", 0},
	{SA "BLOB", "BLOB", "LargeBinary", "LargeBinary", "BLOB", SCH_T_BINARY, 0, "length", "", 0},
	{SA "BINARY", "BINARY", "_Binary", "_Binary", "BINARY", SCH_T_BINARY, 0, "length", "", 0},
	{SA "VARBINARY", "VARBINARY", "_Binary", "_Binary", "VARBINARY", SCH_T_BINARY, 0, "length",
	 "", 0},
	{SA "PickleType", "PickleType", "PickleType", "PickleType", "pickle", F, 0,
	 "protocol pickler comparator impl", "", 0},
	{SA "Enum", "Enum", "Enum", "Enum", "enum", SCH_T_ENUM, 0, "", K_ENUM, TC_VARARGS | TC_ANYKW},
	{SA "JSON", "JSON", "JSON", "JSON", "JSON", SCH_T_JSON, 0, "none_as_null", "", 0},
	{SA "ARRAY", "ARRAY", "ARRAY", "ARRAY", "ARRAY", SCH_T_ARRAY, 0,
	 "item_type as_tuple dimensions zero_indexes", "", TC_REQ1},
	/* SQLAlchemy 2.0 names (documented DDL; Debian's 1.4 has none of them) */
	{SA "Uuid", "Uuid", "Uuid", "Uuid", "uuid", SCH_T_UUID, 0, "as_uuid native_uuid", "", TC_V20},
	{SA "UUID", "UUID", "UUID", "UUID", "UUID", SCH_T_UUID, 0, "as_uuid", "", TC_V20},
	{SA "Double", "Double", "Float", "Float", "double", SCH_T_NUMERIC, 0, P_FLOAT, "", TC_V20},
	{SA "DOUBLE", "DOUBLE", "Float", "Float", "DOUBLE", SCH_T_NUMERIC, 0, P_FLOAT, "", TC_V20},
	{SA "DOUBLE_PRECISION", "DOUBLE_PRECISION", "Float", "Float", "DOUBLE_PRECISION",
	 SCH_T_NUMERIC, 0, P_FLOAT, "", TC_V20},
	/* sqlalchemy.dialects.postgresql */
	{PG "ARRAY", "ARRAY", "ARRAY", "ARRAY", "ARRAY", SCH_T_ARRAY, 0,
	 "item_type as_tuple dimensions zero_indexes", "", TC_REQ1},
	{PG "BIT", "BIT", "BIT", "BIT", "BIT", F, 0, "length varying", "", 0},
	{PG "BYTEA", "BYTEA", "LargeBinary", "LargeBinary", "BYTEA", SCH_T_BINARY, 0, "length", "", 0},
	{PG "CIDR", "CIDR", NULL, NULL, "CIDR", F, 0, "", "", TC_NOINIT},
	{PG "DATERANGE", "DATERANGE", NULL, NULL, "DATERANGE", F, 0, "", "", TC_NOINIT},
	{PG "DOUBLE_PRECISION", "DOUBLE_PRECISION", "Float", "Float", "DOUBLE_PRECISION",
	 SCH_T_NUMERIC, 0, P_FLOAT, "", 0},
	{PG "ENUM", "ENUM", "ENUM", "ENUM", "enum", SCH_T_ENUM, 0, "", K_ENUM " create_type",
	 TC_VARARGS | TC_ANYKW | TC_PG_ENUM},
	{PG "HSTORE", "HSTORE", "HSTORE", "HSTORE", "HSTORE", F, 0, "text_type", "", 0},
	{PG "INET", "INET", NULL, NULL, "INET", F, 0, "", "", TC_NOINIT},
	{PG "INT4RANGE", "INT4RANGE", NULL, NULL, "INT4RANGE", F, 0, "", "", TC_NOINIT},
	{PG "INT8RANGE", "INT8RANGE", NULL, NULL, "INT8RANGE", F, 0, "", "", TC_NOINIT},
	{PG "INTERVAL", "INTERVAL", "INTERVAL", "INTERVAL", "INTERVAL", SCH_T_INTERVAL, 0,
	 "precision fields", "", 0},
	{PG "JSON", "JSON", "JSON", "JSON", "JSON", SCH_T_JSON, 0, "none_as_null astext_type", "", 0},
	{PG "JSONB", "JSONB", "JSON", "JSON", "JSONB", SCH_T_JSON, 0, "none_as_null astext_type", "",
	 0},
	{PG "MACADDR", "MACADDR", NULL, NULL, "MACADDR", F, 0, "", "", TC_NOINIT},
	{PG "MACADDR8", "MACADDR8", NULL, NULL, "MACADDR8", F, 0, "", "", TC_NOINIT},
	{PG "MONEY", "MONEY", NULL, NULL, "MONEY", F, 0, "", "", TC_NOINIT},
	{PG "NUMRANGE", "NUMRANGE", NULL, NULL, "NUMRANGE", F, 0, "", "", TC_NOINIT},
	{PG "OID", "OID", NULL, NULL, "OID", F, 0, "", "", TC_NOINIT},
	{PG "REGCLASS", "REGCLASS", NULL, NULL, "REGCLASS", F, 0, "", "", TC_NOINIT},
	{PG "TIME", "TIME", "TIME", "TIME", "TIME", SCH_T_TIME, 0, "timezone precision", "", 0},
	{PG "TIMESTAMP", "TIMESTAMP", "TIMESTAMP", "TIMESTAMP", "TIMESTAMP", SCH_T_DATETIME, 0,
	 "timezone precision", "", 0},
	{PG "TSRANGE", "TSRANGE", NULL, NULL, "TSRANGE", F, 0, "", "", TC_NOINIT},
	{PG "TSTZRANGE", "TSTZRANGE", NULL, NULL, "TSTZRANGE", F, 0, "", "", TC_NOINIT},
	{PG "TSVECTOR", "TSVECTOR", NULL, NULL, "TSVECTOR", F, 0, "", "", TC_NOINIT},
	{PG "UUID", "UUID", "UUID", "UUID", "UUID", SCH_T_UUID, 0, "as_uuid", "", 0},
	/* sqlalchemy.dialects.mysql */
	{MY "BIGINT", "BIGINT", "BIGINT", "BIGINT", "BIGINT", SCH_T_INTEGER, SCH_INT_BIG,
	 "display_width", "unsigned zerofill", TC_MYSQL},
	{MY "INTEGER", "INTEGER", "INTEGER", "INTEGER", "INTEGER", SCH_T_INTEGER, SCH_INT_PLAIN,
	 "display_width", "unsigned zerofill", TC_MYSQL},
	{MY "MEDIUMINT", "MEDIUMINT", "MEDIUMINT", "MEDIUMINT", "MEDIUMINT", SCH_T_INTEGER,
	 SCH_INT_PLAIN, "display_width", "unsigned zerofill", TC_MYSQL},
	{MY "SMALLINT", "SMALLINT", "SMALLINT", "SMALLINT", "SMALLINT", SCH_T_INTEGER, SCH_INT_SMALL,
	 "display_width", "unsigned zerofill", TC_MYSQL},
	{MY "TINYINT", "TINYINT", "TINYINT", "TINYINT", "TINYINT", SCH_T_INTEGER, SCH_INT_PLAIN,
	 "display_width", "unsigned zerofill", TC_MYSQL},
	{MY "DECIMAL", "DECIMAL", "DECIMAL", "Numeric", "DECIMAL", SCH_T_NUMERIC, 0, P_MYNUM, K_MYNUM,
	 TC_MYSQL},
	{MY "NUMERIC", "NUMERIC", "NUMERIC", "Numeric", "NUMERIC", SCH_T_NUMERIC, 0, P_MYNUM, K_MYNUM,
	 TC_MYSQL},
	{MY "DOUBLE", "DOUBLE", "DOUBLE", "Float", "DOUBLE", SCH_T_NUMERIC, 0, P_MYNUM, K_MYNUM,
	 TC_MYSQL},
	{MY "REAL", "REAL", "REAL", "Float", "REAL", SCH_T_NUMERIC, 0, P_MYNUM, K_MYNUM, TC_MYSQL},
	{MY "FLOAT", "FLOAT", "FLOAT", "Float", "FLOAT", SCH_T_NUMERIC, 0, P_MYNUM, K_MYNUM, TC_MYSQL},
	{MY "CHAR", "CHAR", "CHAR", "String", "CHAR", SCH_T_STRING, 0, "length", K_MYSTR, TC_MYSQL},
	{MY "VARCHAR", "VARCHAR", "VARCHAR", "String", "VARCHAR", SCH_T_STRING, 0, "length", K_MYSTR,
	 TC_MYSQL},
	{MY "NCHAR", "NCHAR", "NCHAR", "String", "NCHAR", SCH_T_STRING, 0, "length", K_MYSTR,
	 TC_MYSQL},
	{MY "NVARCHAR", "NVARCHAR", "NVARCHAR", "String", "NVARCHAR", SCH_T_STRING, 0, "length",
	 K_MYSTR, TC_MYSQL},
	{MY "TEXT", "TEXT", "TEXT", "String", "TEXT", SCH_T_STRING, 0, "length", K_MYSTR, TC_MYSQL},
	{MY "TINYTEXT", "TINYTEXT", "TINYTEXT", "String", "TINYTEXT", SCH_T_STRING, 0, "",
	 "length " K_MYSTR, TC_MYSQL},
	{MY "MEDIUMTEXT", "MEDIUMTEXT", "MEDIUMTEXT", "String", "MEDIUMTEXT", SCH_T_STRING, 0, "",
	 "length " K_MYSTR, TC_MYSQL},
	{MY "LONGTEXT", "LONGTEXT", "LONGTEXT", "String", "LONGTEXT", SCH_T_STRING, 0, "",
	 "length " K_MYSTR, TC_MYSQL},
	{MY "ENUM", "ENUM", "ENUM", "String", "ENUM", SCH_T_ENUM, 0, "", K_ENUM " " K_MYSTR " strict",
	 TC_VARARGS | TC_MYSQL},
	{MY "SET", "SET", "SET", "String", "SET", SCH_T_STRING, 0, "",
	 "retrieve_as_bitwise " K_MYSTR, TC_VARARGS | TC_MYSQL},
	{MY "BIT", "BIT", "BIT", "BIT", "BIT", F, 0, "length", "", 0},
	{MY "YEAR", "YEAR", "YEAR", "YEAR", "YEAR", F, 0, "display_width", "", 0},
	{MY "DATETIME", "DATETIME", "DATETIME", "DATETIME", "DATETIME", SCH_T_DATETIME, 0,
	 "timezone fsp", "", 0},
	{MY "TIMESTAMP", "TIMESTAMP", "TIMESTAMP", "TIMESTAMP", "TIMESTAMP", SCH_T_DATETIME, 0,
	 "timezone fsp", "", 0},
	{MY "TIME", "TIME", "TIME", "TIME", "TIME", SCH_T_TIME, 0, "timezone fsp", "", 0},
	{MY "JSON", "JSON", "JSON", "JSON", "JSON", SCH_T_JSON, 0, "none_as_null", "", 0},
	{MY "TINYBLOB", "TINYBLOB", "_Binary", "_Binary", "TINYBLOB", SCH_T_BINARY, 0, "length", "",
	 0},
	{MY "MEDIUMBLOB", "MEDIUMBLOB", "_Binary", "_Binary", "MEDIUMBLOB", SCH_T_BINARY, 0, "length",
	 "", 0},
	{MY "LONGBLOB", "LONGBLOB", "_Binary", "_Binary", "LONGBLOB", SCH_T_BINARY, 0, "length", "",
	 0},
	/* sqlalchemy.dialects.sqlite */
	{SL "DATETIME", "DATETIME", "DATETIME", "DateTime", "datetime", SCH_T_DATETIME, 0,
	 "storage_format regexp", "truncate_microseconds timezone", TC_SQLITE_DT},
	{SL "DATE", "DATE", "_DateTimeMixin", "Date", "date", SCH_T_DATE, 0, "storage_format regexp",
	 "", TC_SQLITE_DT},
	{SL "TIME", "TIME", "TIME", "Time", "time", SCH_T_TIME, 0, "storage_format regexp",
	 "truncate_microseconds timezone", TC_SQLITE_DT},
	{SL "JSON", "JSON", "JSON", "JSON", "JSON", SCH_T_JSON, 0, "none_as_null", "", 0},
	/* sqlmodel (TypeDecorators over String and CHAR / postgresql.UUID) */
	{SM "AutoString", "AutoString", "String", "String", "autostring", SCH_T_STRING, 0, P_STRING,
	 "", 0},
	{SM "GUID", "GUID", "String", "String", "guid", SCH_T_UUID, 0, P_STRING, "", 0},
	/* what reflection gives for a type it does not know */
	{SA "NullType", "NullType", NULL, NULL, "null", F, 0, "", "", TC_NOINIT | TC_REFLECT},
};

/* Dialect modules re-export some generic classes under their own name. */
static const char *const type_aliases[][2] = {
	{SA "INT", SA "INTEGER"},
	{PG "BIGINT", SA "BIGINT"}, {PG "BOOLEAN", SA "BOOLEAN"}, {PG "CHAR", SA "CHAR"},
	{PG "DATE", SA "DATE"}, {PG "FLOAT", SA "FLOAT"}, {PG "INTEGER", SA "INTEGER"},
	{PG "NUMERIC", SA "NUMERIC"}, {PG "REAL", SA "REAL"}, {PG "SMALLINT", SA "SMALLINT"},
	{PG "TEXT", SA "TEXT"}, {PG "VARCHAR", SA "VARCHAR"},
	{MY "BINARY", SA "BINARY"}, {MY "BLOB", SA "BLOB"}, {MY "BOOLEAN", SA "BOOLEAN"},
	{MY "DATE", SA "DATE"}, {MY "VARBINARY", SA "VARBINARY"},
	{SL "BLOB", SA "BLOB"}, {SL "BOOLEAN", SA "BOOLEAN"}, {SL "CHAR", SA "CHAR"},
	{SL "DECIMAL", SA "DECIMAL"}, {SL "FLOAT", SA "FLOAT"}, {SL "INTEGER", SA "INTEGER"},
	{SL "NUMERIC", SA "NUMERIC"}, {SL "REAL", SA "REAL"}, {SL "SMALLINT", SA "SMALLINT"},
	{SL "TEXT", SA "TEXT"}, {SL "TIMESTAMP", SA "TIMESTAMP"}, {SL "VARCHAR", SA "VARCHAR"},
};
/* clang-format on */

struct param_def {
	const char *name;     /* keyword name */
	enum param_kind kind; /* what it takes */
	size_t off;           /* field of struct sch_type it fills */
};

#define FLD(f) offsetof(struct sch_type, f)

/* Every parameter name any class takes, and the field it fills. */
static const struct param_def type_params[] = {
	{"length", PK_INT, FLD(length)},
	{"collation", PK_STR, FLD(collation)},
	{"charset", PK_STR, FLD(charset)},
	{"ascii", PK_BOOL, FLD(ascii)},
	{"binary", PK_BOOL, FLD(binary)},
	{"unicode", PK_BOOL, FLD(unicode)},
	{"national", PK_BOOL, FLD(national)},
	{"varying", PK_BOOL, FLD(varying)},
	{"_expect_unicode", PK_BOOL, FLD(expect_unicode)},
	{"precision", PK_INT, FLD(precision)},
	{"scale", PK_INT, FLD(scale)},
	{"decimal_return_scale", PK_INT, FLD(decimal_return_scale)},
	{"asdecimal", PK_BOOL, FLD(asdecimal)},
	{"display_width", PK_INT, FLD(display_width)},
	{"unsigned", PK_BOOL, FLD(is_unsigned)},
	{"zerofill", PK_BOOL, FLD(zerofill)},
	{"timezone", PK_BOOL, FLD(timezone)},
	{"fsp", PK_INT, FLD(fsp)},
	{"native", PK_BOOL, FLD(native)},
	{"second_precision", PK_INT, FLD(second_precision)},
	{"day_precision", PK_INT, FLD(day_precision)},
	{"fields", PK_STR, FLD(fields)},
	{"storage_format", PK_STR, FLD(storage_format)},
	{"regexp", PK_STR, FLD(regexp)},
	{"create_constraint", PK_BOOL, FLD(create_constraint)},
	{"name", PK_STR, FLD(name_arg)},
	{"schema", PK_STR, FLD(schema)},
	{"native_enum", PK_BOOL, FLD(native_enum)},
	{"create_type", PK_BOOL, FLD(create_type)},
	{"inherit_schema", PK_BOOL, FLD(inherit_schema)},
	{"retrieve_as_bitwise", PK_BOOL, FLD(retrieve_as_bitwise)},
	{"item_type", PK_TYPE, FLD(item)},
	{"impl", PK_TYPE, FLD(item)},
	{"dimensions", PK_INT, FLD(dimensions)},
	{"as_tuple", PK_BOOL, FLD(as_tuple)},
	{"zero_indexes", PK_BOOL, FLD(zero_indexes)},
	{"as_uuid", PK_BOOL, FLD(as_uuid)},
	{"native_uuid", PK_BOOL, FLD(native_uuid)},
	{"none_as_null", PK_BOOL, FLD(none_as_null)},
	{"astext_type", PK_ANYTYPE, 0},
	{"text_type", PK_ANYTYPE, 0},
	{"values_callable", PK_REFUSE, 0},
};

const void *type_param_field(const struct sch_type *t, const char *name, enum param_kind *kind)
{
	for (size_t i = 0; i < sizeof(type_params) / sizeof(type_params[0]); i++)
		if (!strcmp(type_params[i].name, name)) {
			*kind = type_params[i].kind;
			return (const char *)t + type_params[i].off;
		}
	return NULL;
}

/* Parameters with no DDL meaning: anything is accepted (ref: the classes' __init__). */
static const char *const type_any_params[] = {
	"convert_unicode",
	"unicode_error",
	"_warn_on_bytestring",
	"_create_events",
	"protocol",
	"pickler",
	"comparator",
	"sort_key_function",
	"omit_aliases",
	"_disable_warnings",
	"validate_strings",
	"metadata",
	"quote",
	"_adapted_from",
	"truncate_microseconds",
	"strict",
};

/* The parse of one call being built. */
struct type_build {
	struct arena *a;                /* arena for the result */
	const char *file;               /* revision file for errors */
	const struct sch_type_class *c; /* the class */
	struct sch_type *t;             /* the type being filled */
	const char *seen[32];           /* parameters given so far */
	size_t n_seen;                  /* their number */
	const struct pyv *at;           /* expression for error positions */
};

static int type_build_pyv(struct arena *a, const char *file, const struct pyv *v, bool in_array,
			  const struct sch_type **out, struct err *e);

/* ERR_INPUT positioned at v. */
static int type_err(struct err *e, const char *file, const struct pyv *v, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static int type_err(struct err *e, const char *file, const struct pyv *v, const char *fmt, ...)
{
	char msg[ERR_MSG_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	err_at(e, ERR_INPUT, file, v ? v->line : 0, "%s", msg);
	e->col = v ? v->col : 0;
	return -1;
}

/* Names SQLAlchemy 1.4 does not have (or that are no column types), with why. */
static const char *const type_refused[][2] = {
	{PG "CITEXT", "is not in SQLAlchemy 1.4 (it came with 2.0); add such a column "
		      "with op.execute(\"ALTER TABLE ... ADD COLUMN ... CITEXT\")"},
	{PG "DOMAIN", "is not in SQLAlchemy 1.4 (it came with 2.0); create the domain with "
		      "op.execute(\"CREATE DOMAIN ...\")"},
	{SA "TupleType", "is not a column type"},
	{SA "TypeDecorator", "is a base class: a custom type needs Python to be known"},
	{SA "UserDefinedType", "is a base class: a custom type needs Python to be known"},
	{SA "NullType", "has no DDL: give the column a type"},
};

/* The class named name (aliases resolved), or NULL. */
static const struct sch_type_class *type_class_find(const char *name)
{
	for (size_t i = 0; i < sizeof(type_aliases) / sizeof(type_aliases[0]); i++)
		if (!strcmp(type_aliases[i][0], name)) {
			name = type_aliases[i][1];
			break;
		}
	for (size_t i = 0; i < sizeof(type_classes) / sizeof(type_classes[0]); i++)
		if (!strcmp(type_classes[i].name, name))
			return &type_classes[i];
	return NULL;
}

/* Word number idx (0-based) of the space-separated list, copied to buf; false past the end. */
static bool word_at(const char *list, size_t idx, char *buf, size_t cap)
{
	const char *p = list;

	for (;;) {
		while (*p == ' ')
			p++;
		if (!*p)
			return false;
		size_t n = strcspn(p, " ");
		if (idx-- == 0) {
			if (n >= cap)
				n = cap - 1;
			memcpy(buf, p, n);
			buf[n] = '\0';
			return true;
		}
		p += n;
	}
}

static size_t word_count(const char *list)
{
	char buf[64];
	size_t n = 0;

	while (word_at(list, n, buf, sizeof(buf)))
		n++;
	return n;
}

static bool word_in(const char *list, const char *w)
{
	char buf[64];

	for (size_t i = 0; word_at(list, i, buf, sizeof(buf)); i++)
		if (!strcmp(buf, w))
			return true;
	return false;
}

/* A short spelling of the written name for messages: "sa.String", "postgresql.UUID". */
static const char *type_short_name(struct arena *a, const char *name)
{
	static const char *const pre[][2] = {
		{PG, "postgresql."},
		{MY, "mysql."},
		{SL, "sqlite."},
		{SA, "sa."},
	};

	for (size_t i = 0; i < sizeof(pre) / sizeof(pre[0]); i++)
		if (str_startswith(name, pre[i][0]))
			return arena_printf(a, "%s%s", pre[i][1], name + strlen(pre[i][0]));
	return name;
}

/* Python's name for the value's type in a TypeError ("str", "int", ...). */
static const char *pyv_type_name(const struct pyv *v)
{
	switch (v->kind) {
	case PYV_NONE:
		return "NoneType";
	case PYV_BOOL:
		return "bool";
	case PYV_INT:
		return "int";
	case PYV_FLOAT:
		return "float";
	case PYV_STR:
		return "str";
	case PYV_BYTES:
		return "bytes";
	case PYV_TUPLE:
		return "tuple";
	case PYV_LIST:
		return "list";
	case PYV_DICT:
		return "dict";
	case PYV_SET:
		return "set";
	case PYV_REF:
	case PYV_CALL:
	case PYV_ATTR:
	case PYV_FUNC:
	case PYV_OPAQUE:
		return "object";
	}
	return "object";
}

static int param_int(struct type_build *b, const char *pname, const struct pyv *v, long long *f,
		     struct err *e)
{
	if (v->kind == PYV_NONE) {
		*f = -1;
		return 0;
	}
	if (v->kind == PYV_BOOL) {
		*f = v->b ? 1 : 0; /* bool is an int in Python */
		return 0;
	}
	if (v->kind != PYV_INT)
		return type_err(e, b->file, v, "%s() argument '%s' must be an int or None, not %s",
				b->c->pyname, pname, pyv_type_name(v));
	if (v->i < 0)
		return type_err(e, b->file, v, "%s() argument '%s' must not be negative (got %lld)",
				b->c->pyname, pname, v->i);
	*f = v->i;
	return 0;
}

static int param_bool(struct type_build *b, const char *pname, const struct pyv *v, bool *f,
		      struct err *e)
{
	switch (v->kind) {
	case PYV_NONE:
		*f = false;
		return 0;
	case PYV_BOOL:
		*f = v->b;
		return 0;
	case PYV_INT:
		*f = v->i != 0;
		return 0; /* Python's truth value (sa.Float(10, 2)) */
	default:
		return type_err(e, b->file, v, "%s() argument '%s' must be True or False, not %s",
				b->c->pyname, pname, pyv_type_name(v));
	}
}

static int param_str(struct type_build *b, const char *pname, const struct pyv *v, const char **f,
		     struct err *e)
{
	if (v->kind == PYV_NONE) {
		*f = NULL;
		return 0;
	}
	if (v->kind != PYV_STR)
		return type_err(e, b->file, v, "%s() argument '%s' must be a str or None, not %s",
				b->c->pyname, pname, pyv_type_name(v));
	*f = v->s;
	return 0;
}

/* Stores value v of parameter pname into the type. */
static int param_set(struct type_build *b, const char *pname, const struct pyv *v, struct err *e)
{
	char *base = (char *)b->t;

	for (size_t i = 0; i < sizeof(type_any_params) / sizeof(type_any_params[0]); i++)
		if (!strcmp(type_any_params[i], pname))
			return 0;
	for (size_t i = 0; i < sizeof(type_params) / sizeof(type_params[0]); i++) {
		const struct param_def *p = &type_params[i];
		const struct sch_type *sub;

		if (strcmp(p->name, pname))
			continue;
		switch (p->kind) {
		case PK_INT:
			return param_int(b, pname, v, (long long *)(base + p->off), e);
		case PK_BOOL:
			return param_bool(b, pname, v, (bool *)(base + p->off), e);
		case PK_STR:
			return param_str(b, pname, v, (const char **)(base + p->off), e);
		case PK_ANY:
			return 0;
		case PK_TYPE:
		case PK_ANYTYPE:
			if (v->kind == PYV_NONE)
				return 0;
			if (type_build_pyv(b->a, b->file, v, b->c->family == SCH_T_ARRAY, &sub, e) <
			    0)
				return -1;
			if (p->kind == PK_TYPE)
				*(const struct sch_type **)(base + p->off) = sub;
			return 0;
		case PK_REFUSE:
			if (v->kind == PYV_NONE)
				return 0;
			return type_err(e, b->file, v,
					"%s(%s=...) needs Python to compute the values; list "
					"them instead: %s('a', 'b', name=...)",
					b->c->pyname, pname, b->c->pyname);
		}
	}
	return 0; /* unreachable: every listed name has a row */
}

/* Records pname as given; Python's "got multiple values" when it already was. */
static int param_mark(struct type_build *b, const char *pname, const struct pyv *v, struct err *e)
{
	for (size_t i = 0; i < b->n_seen; i++)
		if (!strcmp(b->seen[i], pname))
			return type_err(e, b->file, v, "%s() got multiple values for argument '%s'",
					b->c->initname, pname);
	if (b->n_seen < sizeof(b->seen) / sizeof(b->seen[0]))
		b->seen[b->n_seen++] = pname;
	return 0;
}

/* "takes 1 positional argument but 2 were given" / "takes from 1 to 5 ..." (self counted). */
static int type_err_positional(struct type_build *b, const struct pyv *call, size_t given,
			       struct err *e)
{
	size_t max = word_count(b->c->pos) + 1;
	size_t min = (b->c->flags & TC_REQ1) ? 2 : 1;
	char takes[64];

	if (min == max)
		snprintf(takes, sizeof(takes), "%zu positional argument%s", max,
			 max == 1 ? "" : "s");
	else
		snprintf(takes, sizeof(takes), "from %zu to %zu positional arguments", min, max);
	return type_err(e, b->file, call, "%s() takes %s but %zu %s given", b->c->initname, takes,
			given + 1, given + 1 == 1 ? "was" : "were");
}

/* Enum/ENUM/SET values: every positional argument must be a str. */
static int type_values(struct type_build *b, const struct pyv *call, struct err *e)
{
	const char **vals = arena_calloc(b->a, call->n + 1, sizeof(*vals));

	for (size_t i = 0; i < call->n; i++) {
		const struct pyv *v = call->items[i];

		if (v->kind == PYV_REF || v->kind == PYV_CALL || v->kind == PYV_NONE)
			return type_err(
				e, b->file, v,
				"%s() of a Python enum class cannot be known without running "
				"Python; list the values instead: %s('a', 'b', name=...)",
				b->c->pyname, b->c->pyname);
		if (v->kind != PYV_STR)
			return type_err(e, b->file, v, "%s() values must be strings, not %s",
					b->c->pyname, pyv_type_name(v));
		vals[i] = v->s;
	}
	b->t->values = vals;
	b->t->n_values = call->n;
	return 0;
}

/* Positional and keyword arguments of call, checked against the class's signature. */
static int type_args(struct type_build *b, const struct pyv *call, struct err *e)
{
	const struct sch_type_class *c = b->c;
	char pname[64];

	if ((c->flags & TC_NOINIT) && (call->n || call->n_kw))
		return type_err(e, b->file, call, "%s() takes no arguments", c->pyname);
	if (c->flags & TC_VARARGS) {
		if (type_values(b, call, e) < 0)
			return -1;
	} else {
		if (call->n > word_count(c->pos))
			return type_err_positional(b, call, call->n, e);
		for (size_t i = 0; i < call->n; i++) {
			word_at(c->pos, i, pname, sizeof(pname));
			const char *pn = arena_strdup(b->a, pname);
			if (param_mark(b, pn, call->items[i], e) < 0 ||
			    param_set(b, pn, call->items[i], e) < 0)
				return -1;
		}
	}
	for (size_t i = 0; i < call->n_kw; i++) {
		const char *k = call->kw[i].key;

		if (!word_in(c->pos, k) && !word_in(c->kwonly, k)) {
			if (c->flags & TC_ANYKW)
				continue;
			return type_err(e, b->file, call->kw[i].val,
					"%s() got an unexpected keyword argument '%s'",
					c->kwname ? c->kwname : c->pyname, k);
		}
		if (param_mark(b, k, call->kw[i].val, e) < 0 ||
		    param_set(b, k, call->kw[i].val, e) < 0)
			return -1;
	}
	if ((c->flags & TC_REQ1) && !b->t->item) {
		word_at(c->pos, 0, pname, sizeof(pname));
		return type_err(e, b->file, call,
				"%s() missing 1 required positional argument: '%s'", c->initname,
				pname);
	}
	return 0;
}

/* Defaults a fresh type of class c starts from (the classes' __init__ defaults). */
static void type_defaults(struct sch_type *t, const struct sch_type_class *c)
{
	t->name = c->name;
	t->cls = c;
	t->family = c->family;
	t->length = t->precision = t->scale = t->decimal_return_scale = -1;
	t->display_width = t->fsp = t->second_precision = t->day_precision = -1;
	t->dimensions = -1;
	t->asdecimal =
		c->family == SCH_T_NUMERIC && !strstr(c->initname ? c->initname : "", "Float");
	if (!strcmp(c->name, MY "DOUBLE") || !strcmp(c->name, MY "REAL"))
		t->asdecimal = true;
	if (!strcmp(c->name, MY "FLOAT"))
		t->asdecimal = false;
	t->native = true;
	t->native_enum = true;
	t->create_type = true;
	t->native_uuid = true;
	t->as_uuid = !strcmp(c->name, SA "Uuid") || !strcmp(c->name, SA "UUID");
}

/* Python's len() of a str: code points. */
static size_t utf8_len(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

/* Enum._enum_init's length rule and postgresql.ENUM's native_enum override. */
static int type_fix_enum(struct type_build *b, struct err *e)
{
	struct sch_type *t = b->t;
	long long longest = 0;

	for (size_t i = 0; i < t->n_values; i++) {
		long long n = (long long)utf8_len(t->values[i]);
		if (n > longest)
			longest = n;
	}
	if (b->c->flags & TC_PG_ENUM)
		t->native_enum = true;
	if ((b->c->flags & TC_MYSQL) && !t->native_enum)
		return type_err(e, b->file, b->at,
				"mysql.ENUM(native_enum=False) is not supported (SQLAlchemy "
				"1.4 recurses forever on it); use sa.Enum(..., native_enum=False)");
	if (t->length >= 0 && !t->native_enum) {
		if (t->length < longest)
			return type_err(e, b->file, b->at,
					"When provided, length must be larger or equal than the "
					"length of the longest enum value. %lld < %lld",
					t->length, longest);
		return 0;
	}
	t->length = longest;
	return 0;
}

/* Per-class checks after the arguments (the constructors' own ValueErrors). */
static int type_fixup(struct type_build *b, bool in_array, struct err *e)
{
	struct sch_type *t = b->t;
	const char *n = b->c->name;

	if (t->family == SCH_T_ENUM)
		return type_fix_enum(b, e);
	if (t->family == SCH_T_ARRAY && in_array)
		return type_err(e, b->file, b->at,
				"Do not nest ARRAY types; ARRAY(basetype) handles "
				"multi-dimensional arrays of basetype");
	if (!strcmp(n, MY "NCHAR") || !strcmp(n, MY "NVARCHAR"))
		t->national = true; /* kwargs["national"] = True */
	if (!strcmp(n, PG "BIT") && !t->varying && t->length < 0)
		t->length = 1; /* postgresql.BIT: length = length or 1 */
	if ((!strcmp(n, MY "DOUBLE") || !strcmp(n, MY "REAL")) &&
	    ((t->precision < 0) != (t->scale < 0)))
		return type_err(e, b->file, b->at,
				"You must specify both precision and scale or omit both "
				"altogether.");
	return 0;
}

/* Keyword argument key of call c, or NULL (the last one written wins). */
static const struct pyv *type_kwarg(const struct pyv *c, const char *key)
{
	const struct pyv *v = NULL;

	for (size_t i = 0; i < c->n_kw; i++)
		if (!strcmp(c->kw[i].key, key))
			v = c->kw[i].val;
	return v;
}

/* T.with_variant(type_, dialect_name): the receiver's type plus one variant. */
static int type_variant(struct arena *a, const char *file, const struct pyv *v,
			const struct sch_type **out, struct err *e)
{
	const struct sch_type *base, *var;
	const struct pyv *tv = v->n > 0 ? v->items[0] : type_kwarg(v, "type_");
	const struct pyv *dv = v->n > 1 ? v->items[1] : type_kwarg(v, "dialect_name");

	if (type_build_pyv(a, file, v->receiver, false, &base, e) < 0)
		return -1;
	if (v->n > 2)
		return type_err(e, file, v,
				"TypeEngine.with_variant() takes 3 positional arguments but %zu "
				"were given",
				v->n + 1);
	if (!tv)
		return type_err(e, file, v,
				"TypeEngine.with_variant() missing 2 required positional "
				"arguments: 'type_' and 'dialect_name'");
	if (!dv)
		return type_err(e, file, v,
				"TypeEngine.with_variant() missing 1 required positional "
				"argument: 'dialect_name'");
	if (dv->kind != PYV_STR)
		return type_err(e, file, dv, "with_variant() dialect_name must be a str, not %s",
				pyv_type_name(dv));
	for (size_t i = 0; i < base->n_variants; i++)
		if (!strcmp(base->variants[i].dialect, dv->s))
			return type_err(e, file, dv,
					"Dialect '%s' is already present in the "
					"mapping for this Variant",
					dv->s);
	if (type_build_pyv(a, file, tv, false, &var, e) < 0)
		return -1;
	struct sch_type *t = arena_alloc(a, sizeof(*t));
	*t = *base;
	struct sch_type_variant *vs = arena_calloc(a, base->n_variants + 1, sizeof(*vs));
	if (base->n_variants)
		memcpy(vs, base->variants, base->n_variants * sizeof(*vs));
	vs[base->n_variants].dialect = dv->s;
	vs[base->n_variants].type = var;
	t->variants = vs;
	t->n_variants = base->n_variants + 1;
	*out = t;
	return 0;
}

static bool is_with_variant(const struct pyv *v)
{
	return v->kind == PYV_CALL && v->receiver && v->name &&
	       (!strcmp(v->name, "with_variant") || str_endswith(v->name, ".with_variant"));
}

static int type_build_pyv(struct arena *a, const char *file, const struct pyv *v, bool in_array,
			  const struct sch_type **out, struct err *e)
{
	static const struct pyv no_args = {.kind = PYV_CALL};
	struct type_build b = {.a = a, .file = file, .at = v};
	const struct pyv *call = v;

	if (is_with_variant(v))
		return type_variant(a, file, v, out, e);
	if ((v->kind != PYV_REF && v->kind != PYV_CALL) || !v->name)
		return type_err(e, file, v, "expected a column type, got %s",
				v->kind == PYV_STR ? "a string" : pyv_type_name(v));
	b.c = type_class_find(v->name);
	if (b.c && (b.c->flags & TC_REFLECT))
		b.c = NULL;
	for (size_t i = 0; !b.c && i < sizeof(type_refused) / sizeof(type_refused[0]); i++)
		if (!strcmp(type_refused[i][0], v->name))
			return type_err(e, file, v, "%s %s", type_short_name(a, v->name),
					type_refused[i][1]);
	if (!b.c)
		return type_err(e, file, v, "unknown column type '%s'",
				type_short_name(a, v->name));
	if (v->kind == PYV_REF)
		call = &no_args;
	struct sch_type *t = arena_alloc(a, sizeof(*t));
	type_defaults(t, b.c);
	t->line = v->line;
	t->col = v->col;
	t->src = v;
	b.t = t;
	if (type_args(&b, call, e) < 0 || type_fixup(&b, in_array, e) < 0)
		return -1;
	*out = t;
	return 0;
}

struct sch_type *type_make(struct arena *a, const char *name)
{
	const struct sch_type_class *c = type_class_find(name);

	if (!c)
		return NULL;
	struct sch_type *t = arena_alloc(a, sizeof(*t));
	type_defaults(t, c);
	return t;
}

const struct sch_type *sch_type_enum_existing(struct arena *a, const struct sch_type *t)
{
	const struct sch_type *item;
	struct sch_type *n;

	if (!t || t->n_variants)
		return NULL;
	if (t->family == SCH_T_ARRAY) { /* ARRAY of ENUM: the item made as ever */
		item = sch_type_enum_existing(a, t->item);
		if (!item)
			return NULL;
		n = arena_alloc(a, sizeof(*n));
		*n = *t;
		n->item = item;
		return n;
	}
	if (!t->native_enum || !t->create_type ||
	    (strcmp(t->name, SA "Enum") && strcmp(t->name, PG "ENUM")))
		return NULL;
	n = arena_alloc(a, sizeof(*n));
	*n = *t;
	n->cls = type_class_find(PG "ENUM");
	n->name = n->cls->name;
	n->create_type = false;
	n->repr_create_type = true;
	return n;
}

int sch_type_from_pyv(struct arena *a, const char *file, const struct pyv *v,
		      const struct sch_type **out, struct err *e)
{
	*out = NULL;
	if (!v)
		return type_err(e, file, NULL, "expected a column type");
	return type_build_pyv(a, file, v, false, out, e);
}

/* SQLAlchemy 1.4's dialect.name: MariaDB is still "mysql" (Variant lookups use it). */
static const char *type_dialect_name(const char *dialect)
{
	return dialect && !strcmp(dialect, "mariadb") ? "mysql" : dialect;
}

const struct sch_type *sch_type_for_dialect(const struct sch_type *t, const char *dialect)
{
	const char *dn = type_dialect_name(dialect);

	if (!t || !dn)
		return t;
	/* Variant.load_dialect_impl: the mapping for dialect.name (the last one given wins) */
	for (size_t i = t->n_variants; i-- > 0;)
		if (!strcmp(t->variants[i].dialect, dn))
			return t->variants[i].type;
	return t;
}

enum sch_int_kind sch_type_int_kind(const struct sch_type *t, const char *dialect)
{
	t = sch_type_for_dialect(t, dialect);
	return t ? t->cls->int_kind : SCH_INT_NONE;
}

/* Whether the dialect renders an Enum natively (PGTypeCompiler.visit_enum,
 * MySQLTypeCompiler.visit_enum; SQLite has no native enum). */
static bool type_enum_is_native(const struct sch_type *t, const char *dialect)
{
	if (!t->native_enum)
		return false;
	return !strcmp(dialect, "postgresql") || !strcmp(dialect, "mysql") ||
	       !strcmp(dialect, "mariadb");
}

int sch_type_extra(const struct sch_type *t, const char *dialect, struct sch_type_extra *x,
		   struct err *e)
{
	memset(x, 0, sizeof(*x));
	t = sch_type_for_dialect(t, dialect);
	if (!t || !dialect)
		return 0;
	if (t->family == SCH_T_ARRAY && t->item)
		t = t->item; /* ARRAY of ENUM: the ENUM is created all the same */
	if (t->family == SCH_T_BOOLEAN) {
		/* Boolean._should_create_constraint: no native boolean (not PostgreSQL) */
		x->has_check = t->create_constraint && strcmp(dialect, "postgresql");
		x->check_is_bool = true;
		x->check_name = t->name_arg;
		return 0;
	}
	if (t->family != SCH_T_ENUM)
		return 0;
	bool native = type_enum_is_native(t, dialect);
	x->has_check = t->create_constraint && !native;
	x->check_name = t->name_arg;
	if (x->has_check) {
		x->values = t->values; /* for callers that render the literals themselves */
		x->n_values = t->n_values;
	}
	x->create_type_fails = native && strcmp(dialect, "postgresql") && t->create_type &&
			       (t->cls->flags & TC_PG_ENUM);
	if (native && !strcmp(dialect, "postgresql") && t->create_type) {
		if (!t->name_arg)
			return type_err(e, NULL, t->src, "PostgreSQL ENUM type requires a name.");
		x->create_type = true;
		x->type_name = t->name_arg;
		x->type_schema = t->schema;
		x->values = t->values;
		x->n_values = t->n_values;
	}
	return 0;
}

void sch_type_check_sql(const struct sch_type *t, const char *dialect, const char *qcol,
			struct buf *out)
{
	t = sch_type_for_dialect(t, dialect);
	buf_addf(out, "%s IN (", qcol);
	if (t->family == SCH_T_BOOLEAN) {
		buf_adds(out, "0, 1)");
		return;
	}
	for (size_t i = 0; i < t->n_values; i++) {
		if (i)
			buf_adds(out, ", ");
		buf_addch(out, '\'');
		for (const char *p = t->values[i]; *p; p++) {
			if (*p == '\'')
				buf_addch(out, '\'');
			buf_addch(out, *p);
		}
		buf_addch(out, '\'');
	}
	buf_addch(out, ')');
}
