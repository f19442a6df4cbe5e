/*
 * type_sql.c - sch_type_from_sql: a reflected column type, as SQLAlchemy
 * 1.4's reflection builds it (for autogenerate's type comparison, which
 * compiles both sides): PostgreSQL's format_type() text through
 * PGDialect._get_column_info and its ischema_names (enums by name), SQLite's
 * declared type through SQLiteDialect._resolve_type_affinity.  A type
 * neither knows is NullType, as SQLAlchemy's (which warns).
 */
#include "schema/type.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/str.h"
#include "schema/type_int.h"

#define SA "sqlalchemy."
#define PG "sqlalchemy.dialects.postgresql."
#define SL "sqlalchemy.dialects.sqlite."

/* SQLite's ischema_names (sqlite/base.py). */
/* clang-format off */
static const char *const sqlite_names[][2] = {
	{"BIGINT", SA "BIGINT"}, {"BLOB", SA "BLOB"}, {"BOOL", SA "BOOLEAN"},
	{"BOOLEAN", SA "BOOLEAN"}, {"CHAR", SA "CHAR"}, {"DATE", SA "DATE"},
	{"DATE_CHAR", SA "DATE"}, {"DATETIME", SA "DATETIME"}, {"DATETIME_CHAR", SA "DATETIME"},
	{"DOUBLE", SA "FLOAT"}, {"DECIMAL", SA "DECIMAL"}, {"FLOAT", SA "FLOAT"},
	{"INT", SA "INTEGER"}, {"INTEGER", SA "INTEGER"}, {"JSON", SL "JSON"},
	{"NUMERIC", SA "NUMERIC"}, {"REAL", SA "REAL"}, {"SMALLINT", SA "SMALLINT"},
	{"TEXT", SA "TEXT"}, {"TIME", SA "TIME"}, {"TIME_CHAR", SA "TIME"},
	{"TIMESTAMP", SA "TIMESTAMP"}, {"VARCHAR", SA "VARCHAR"}, {"NVARCHAR", SA "NVARCHAR"},
	{"NCHAR", SA "NCHAR"},
};

/* PostgreSQL's ischema_names (postgresql/base.py). */
static const char *const pg_names[][2] = {
	{"hstore", PG "HSTORE"}, {"json", PG "JSON"}, {"jsonb", PG "JSONB"},
	{"int4range", PG "INT4RANGE"}, {"int8range", PG "INT8RANGE"},
	{"numrange", PG "NUMRANGE"}, {"daterange", PG "DATERANGE"}, {"tsrange", PG "TSRANGE"},
	{"tstzrange", PG "TSTZRANGE"}, {"integer", SA "INTEGER"}, {"bigint", SA "BIGINT"},
	{"smallint", SA "SMALLINT"}, {"character varying", SA "VARCHAR"},
	{"character", SA "CHAR"}, {"\"char\"", SA "String"}, {"name", SA "String"},
	{"text", SA "TEXT"}, {"numeric", SA "NUMERIC"}, {"float", SA "FLOAT"},
	{"real", SA "REAL"}, {"inet", PG "INET"}, {"cidr", PG "CIDR"}, {"uuid", PG "UUID"},
	{"bit", PG "BIT"}, {"bit varying", PG "BIT"}, {"macaddr", PG "MACADDR"},
	{"macaddr8", PG "MACADDR8"}, {"money", PG "MONEY"}, {"oid", PG "OID"},
	{"regclass", PG "REGCLASS"}, {"double precision", PG "DOUBLE_PRECISION"},
	{"timestamp", PG "TIMESTAMP"}, {"timestamp with time zone", PG "TIMESTAMP"},
	{"timestamp without time zone", PG "TIMESTAMP"}, {"time with time zone", PG "TIME"},
	{"time without time zone", PG "TIME"}, {"date", SA "DATE"}, {"time", PG "TIME"},
	{"bytea", PG "BYTEA"}, {"boolean", SA "BOOLEAN"}, {"interval", PG "INTERVAL"},
	{"tsvector", PG "TSVECTOR"},
};
/* clang-format on */

#define N(x) (sizeof(x) / sizeof((x)[0]))

static const char *names_find(const char *const (*names)[2], size_t n, const char *key)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(names[i][0], key))
			return names[i][1];
	return NULL;
}

/* A fresh type of class name with its constructor's defaults. */
static struct sch_type *type_new(struct arena *a, const char *name)
{
	return type_make(a, name); /* every name used here is in the table */
}

/* The integers in args[0..n) ("(10, 2)"), at most max of them. */
static size_t ints_in(const char *s, size_t n, long long *out, size_t max)
{
	size_t k = 0;

	for (size_t i = 0; i < n && k < max; i++) {
		if (!str_isdigit(s[i]))
			continue;
		long long v = 0;
		while (i < n && str_isdigit(s[i]))
			v = v * 10 + (s[i++] - '0');
		out[k++] = v;
	}
	return k;
}

/* _resolve_type_affinity: the declared type's name ([\w ]+) and "(args)". */
static const struct sch_type *sqlite_affinity(struct arena *a, const char *decl)
{
	size_t n = 0;

	while (decl[n] && (str_isalnum(decl[n]) || decl[n] == '_' || decl[n] == ' '))
		n++;
	char *name = arena_strndup(a, decl, n);
	const char *args = decl[n] == '(' ? decl + n : NULL;
	size_t args_len = args ? strcspn(args, ")") + (strchr(args, ')') ? 1 : 0) : 0;
	const char *cls = names_find(sqlite_names, N(sqlite_names), name);
	if (!cls) {
		if (strstr(name, "INT"))
			cls = SA "INTEGER";
		else if (strstr(name, "CHAR") || strstr(name, "CLOB") || strstr(name, "TEXT"))
			cls = SA "TEXT";
		else if (strstr(name, "BLOB") || !*name)
			cls = SA "NullType";
		else if (strstr(name, "REAL") || strstr(name, "FLOA") || strstr(name, "DOUB"))
			cls = SA "REAL";
		else
			cls = SA "NUMERIC";
	}
	struct sch_type *t = type_new(a, cls);
	long long v[8];
	size_t k = args ? ints_in(args, args_len, v, 8) : 0;
	size_t max = 0;
	if (t->family == SCH_T_STRING || t->family == SCH_T_BINARY)
		max = strstr(t->cls->pos, "collation") ? 2 : 1; /* String(length, collation) */
	else if (t->family == SCH_T_NUMERIC)
		max = strcmp(cls, SA "FLOAT") && strcmp(cls, SA "REAL") ? 2 : 1;
	if (k > max) /* "Could not instantiate type ...; using no arguments." */
		return type_new(a, cls);
	if (k >= 1)
		*(t->family == SCH_T_NUMERIC ? &t->precision : &t->length) = v[0];
	if (k >= 2 && t->family == SCH_T_NUMERIC)
		t->scale = v[1];
	else if (k >= 2)
		t->collation = arena_printf(a, "%lld", v[1]); /* the int 3 renders COLLATE "3" */
	return t;
}

/* util.quoted_token_parser joined back: the enum key as "schema.name" parts. */
static bool enum_key_is(const char *attype, const struct sch_enum_def *en)
{
	char parts[2][256];
	size_t np = 0, len = 0;
	bool quoted = false;

	parts[0][0] = parts[1][0] = '\0';
	for (const char *p = attype; *p; p++) {
		if (*p == '"') {
			if (quoted && p[1] == '"') {
				p++;
			} else {
				quoted = !quoted;
				continue;
			}
		} else if (*p == '.' && !quoted) {
			if (++np > 1)
				return false;
			len = 0;
			continue;
		}
		if (len + 1 < sizeof(parts[0])) {
			parts[np][len++] = *p;
			parts[np][len] = '\0';
		}
	}
	if (np == 0)
		return en->visible && !strcmp(parts[0], en->name);
	return !en->visible && en->schema && !strcmp(parts[0], en->schema) &&
	       !strcmp(parts[1], en->name);
}

/* The "(...)" digits of format_type, as _get_column_info's charlen. */
static size_t pg_charlen(const char *fmt, long long *v)
{
	const char *open = strchr(fmt, '(');
	const char *close = open ? strchr(open, ')') : NULL;

	if (!open || !close || close == open + 1)
		return 0;
	for (const char *p = open + 1; p < close; p++)
		if (!str_isdigit(*p) && *p != ',')
			return 0;
	return ints_in(open, (size_t)(close - open), v, 2);
}

/* attype: format_type with "(...)" removed (re.sub(r"\(.*\)", "")) and "[]" cut. */
static char *pg_attype(struct arena *a, const char *fmt, bool *is_array)
{
	struct buf b = BUF_INIT;
	const char *open = strchr(fmt, '(');
	const char *close = open ? strrchr(fmt, ')') : NULL;

	if (open && close) {
		buf_add(&b, fmt, (size_t)(open - fmt));
		buf_adds(&b, close + 1);
	} else {
		buf_adds(&b, fmt);
	}
	*is_array = b.len >= 2 && !strcmp(b.ptr + b.len - 2, "[]");
	if (*is_array)
		buf_truncate(&b, b.len - 2);
	char *s = buf_to_arena(&b, a);
	buf_release(&b);
	return s;
}

/* The class and arguments of attype, as _get_column_info's branches set them. */
static struct sch_type *pg_base(struct arena *a, char *attype, const long long *cl, size_t ncl,
				const struct sch_enum_def *enums, size_t n_enums)
{
	const char *fields = NULL;

	if (str_startswith(attype, "interval ")) {
		fields = attype + 9;
		attype[8] = '\0';
	}
	const char *cls = names_find(pg_names, N(pg_names), attype);
	if (!cls) {
		for (size_t i = 0; i < n_enums; i++)
			if (enum_key_is(attype, &enums[i])) {
				struct sch_type *t = type_new(a, PG "ENUM");
				t->name_arg = enums[i].name;
				t->schema = enums[i].visible ? NULL : enums[i].schema;
				t->values = enums[i].labels;
				t->n_values = enums[i].n_labels;
				for (size_t k = 0; k < t->n_values; k++)
					if ((long long)strlen(t->values[k]) > t->length)
						t->length = (long long)strlen(t->values[k]);
				return t;
			}
		return type_new(a, SA "NullType");
	}
	struct sch_type *t = type_new(a, cls);
	if (!strcmp(attype, "numeric")) {
		if (ncl == 2) {
			t->precision = cl[0];
			t->scale = cl[1];
		}
	} else if (!strcmp(attype, "double precision")) {
		t->precision = 53;
	} else if (t->family == SCH_T_DATETIME || t->family == SCH_T_TIME) {
		t->timezone = strstr(attype, "with time zone") != NULL;
		if (ncl)
			t->precision = cl[0];
	} else if (!strcmp(attype, "bit varying")) {
		t->varying = true;
		t->length = ncl ? cl[0] : -1;
	} else if (!strcmp(attype, "interval")) {
		t->fields = fields;
		if (ncl)
			t->precision = cl[0];
	} else if (ncl && strcmp(attype, "integer")) {
		/* coltype(int(charlen)): the first positional parameter */
		if (t->family == SCH_T_NUMERIC)
			t->precision = cl[0];
		else
			t->length = cl[0];
	}
	return t;
}

int sch_type_from_sql(struct arena *a, const char *dialect, const char *sql,
		      const struct sch_enum_def *enums, size_t n_enums, const struct sch_type **out,
		      struct err *e)
{
	*out = NULL;
	if (!sql)
		sql = "";
	if (dialect && !strcmp(dialect, "sqlite")) {
		char *up = arena_strdup(a, sql); /* get_columns: row[2].upper() */
		for (char *p = up; *p; p++)
			if (*p >= 'a' && *p <= 'z')
				*p = (char)(*p - 'a' + 'A');
		*out = sqlite_affinity(a, up);
		return 0;
	}
	if (dialect && !strcmp(dialect, "postgresql")) {
		bool is_array;
		long long cl[2];
		size_t ncl = pg_charlen(sql, cl);
		char *attype = pg_attype(a, sql, &is_array);
		struct sch_type *t = pg_base(a, attype, cl, ncl, enums, n_enums);
		if (is_array && strcmp(t->name, SA "NullType")) {
			struct sch_type *arr = type_new(a, PG "ARRAY");
			arr->item = t;
			t = arr;
		}
		*out = t;
		return 0;
	}
	return err_set(e, ERR_INPUT, "no type reflection for dialect '%s'", dialect ? dialect : "");
}
