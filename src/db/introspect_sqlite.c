/*
 * introspect_sqlite.c - a SQLite table read into a struct sch_table as
 * SQLAlchemy 1.4's SQLiteDialect reflection sees it (what Alembic's batch
 * mode rebuilds from): PRAGMA table_xinfo (columns, types through
 * _resolve_type_affinity, defaults as text(), NOT NULL; generated columns
 * as Computed with get_columns' pattern), PRAGMA table_info (primary key order),
 * PRAGMA foreign_key_list, PRAGMA index_list / index_info (unique
 * constraints and indexes), sqlite_master's SQL (AUTOINCREMENT, constraint
 * names, CHECK constraints as get_check_constraints' line-wise pattern
 * finds them).  Partial-index conditions are not read (SQLAlchemy 1.4
 * does not either).  Indexes come in creation order
 * (ours: SQLAlchemy hands them over as a set).
 */
#include "db/sqlite_int.h"
#include "db/introspect.h"

#include <sqlite3.h>
#include <string.h>
#include <strings.h>

#include "base/buf.h"
#include "base/str.h"
#include "schema/type.h"

/* "PRAGMA main.<what>("<table>")" */
static char *isq_pragma(struct arena *a, struct db *db, const char *schema, const char *what,
			const char *table)
{
	struct buf b = BUF_INIT;
	char *r;

	buf_adds(&b, "PRAGMA ");
	sql_quote_ident(db->dialect, &b, schema ? schema : "main");
	buf_addf(&b, ".%s(", what);
	sql_quote_ident_forced(db->dialect, &b, table);
	buf_addch(&b, ')');
	r = buf_to_arena(&b, a);
	buf_release(&b);
	return r;
}

/* sqlite/base.py _resolve_type_affinity: the SQLAlchemy type of a declared
 * type name ("VARCHAR(50)" -> sqlalchemy.VARCHAR(50)); NULL for NullType. */
static int isq_type(struct arena *a, const char *decl, const struct sch_type **out, struct err *e)
{
	static const char *const known[][2] = {
		{"BIGINT", "BIGINT"},     {"BLOB", "BLOB"},         {"BOOL", "BOOLEAN"},
		{"BOOLEAN", "BOOLEAN"},   {"CHAR", "CHAR"},         {"DATE", "DATE"},
		{"DATETIME", "DATETIME"}, {"DECIMAL", "DECIMAL"},   {"FLOAT", "FLOAT"},
		{"INT", "INTEGER"},       {"INTEGER", "INTEGER"},   {"JSON", "JSON"},
		{"NUMERIC", "NUMERIC"},   {"REAL", "REAL"},         {"SMALLINT", "SMALLINT"},
		{"TEXT", "TEXT"},         {"TIME", "TIME"},         {"TIMESTAMP", "TIMESTAMP"},
		{"VARCHAR", "VARCHAR"},   {"NVARCHAR", "NVARCHAR"}, {"NCHAR", "NCHAR"},
	};
	struct pyv *v = arena_calloc(a, 1, sizeof(*v));
	const char *paren = strchr(decl, '(');
	char *name = str_strip(a, paren ? arena_strndup(a, decl, (size_t)(paren - decl)) : decl);
	const char *cls = NULL;
	const struct pyv **args = arena_calloc(a, 4, sizeof(*args));

	*out = NULL;
	name = str_lower(a, name);
	for (char *p = name; *p; p++)
		*p = (char)(*p >= 'a' && *p <= 'z' ? *p - 32 : *p);
	for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		if (!strcmp(known[i][0], name))
			cls = known[i][1];
	if (!cls) {
		if (strstr(name, "INT"))
			cls = "INTEGER";
		else if (strstr(name, "CHAR") || strstr(name, "CLOB") || strstr(name, "TEXT"))
			cls = "TEXT";
		else if (strstr(name, "BLOB") || !*name)
			return 0; /* NullType */
		else if (strstr(name, "REAL") || strstr(name, "FLOA") || strstr(name, "DOUB"))
			cls = "REAL";
		else
			cls = "NUMERIC";
	}
	v->kind = PYV_CALL;
	v->name = arena_printf(a, "sqlalchemy.%s", cls);
	v->items = args;
	for (const char *p = paren; p && *p && v->n < 3; p++) {
		if (!str_isdigit(*p))
			continue;
		struct pyv *n = arena_calloc(a, 1, sizeof(*n));
		long val = 0;

		n->kind = PYV_INT;
		while (str_isdigit(*p))
			val = val * 10 + (*p++ - '0');
		n->i = val;
		n->text = arena_printf(a, "%ld", val);
		args[v->n++] = n;
		if (!*p)
			break;
	}
	return sch_type_from_pyv(a, "(database)", v, out, e);
}

/* The name given in the table's SQL to the constraint whose text follows
 * "CONSTRAINT <name>" and starts with kw (e.g. "PRIMARY KEY"), or NULL. */
static const char *isq_constraint_name(struct arena *a, const char *sql, const char *kw)
{
	const char *p = sql;

	while (p && (p = strstr(p, "CONSTRAINT ")) != NULL) {
		const char *n = p + 11, *end;
		char q = *n == '"' || *n == '`' || *n == '[' ? *n : 0;

		if (q)
			n++;
		end = n;
		while (*end && (q ? *end != (q == '[' ? ']' : q) : !str_isspace(*end)))
			end++;
		p = *end ? end + 1 : end;
		while (*p && str_isspace(*p))
			p++;
		if (str_startswith(p, kw))
			return arena_strndup(a, n, (size_t)(end - n));
	}
	return NULL;
}

/* The sqltext of generated column name at one match start p of the
 * table's SQL, or NULL: the rest of get_columns' pattern
 * [^,]*\s+AS\s+\(([^,]*)\) (case-insensitive; greedy: the last AS with
 * a ")" after its "(" before the next comma, the group up to the last ")"). */
static const char *isq_generated_at(struct arena *a, const char *p)
{
	const char *end = p + strcspn(p, ",");

	for (const char *k = end - 1; k > p; k--) {
		const char *q = k + 2, *close = NULL;

		if (!str_isspace(k[-1]) || strncasecmp(k, "AS", 2) || k + 2 > end ||
		    !str_isspace(*q))
			continue;
		while (q < end && str_isspace(*q))
			q++;
		if (q >= end || *q != '(')
			continue;
		for (const char *c = q + 1; c < end; c++)
			if (*c == ')')
				close = c;
		if (close)
			return arena_strndup(a, q + 1, (size_t)(close - q - 1));
	}
	return NULL;
}

/* SQLiteDialect._get_column_info's computed sqltext: re.search of
 * re.escape(name) + r"[^,]*\s+AS\s+\(([^,]*)\)\s*(?:virtual|stored)?" in
 * the table's SQL (case-insensitive, so the name may match inside another
 * word, as it does there); "" when nothing matches. */
static const char *isq_generated_sql(struct arena *a, const char *sql, const char *name)
{
	size_t n = strlen(name);

	for (const char *p = sql; n && *p; p++) {
		const char *text = strncasecmp(p, name, n) ? NULL : isq_generated_at(a, p + n);

		if (text)
			return text;
	}
	return "";
}

/* A generated column (table_xinfo hidden 2 = VIRTUAL, 3 = STORED): its
 * declared type without GENERATED / ALWAYS, Computed(sqltext, persisted). */
static const char *isq_computed(struct arena *a, const char *sql, const char *decl,
				const char *name, long hidden, struct sch_column *c)
{
	struct sch_computed *k = arena_calloc(a, 1, sizeof(*k));
	struct buf b = BUF_INIT;
	const char *r;

	for (const char *p = decl; *p;) {
		if (!strncasecmp(p, "generated", 9)) {
			p += 9;
		} else if (!strncasecmp(p, "always", 6)) {
			p += 6;
		} else {
			buf_addch(&b, *p++);
		}
	}
	r = str_strip(a, buf_cstr(&b));
	buf_release(&b);
	k->sqltext.kind = SCH_EXPR_TEXT;
	k->sqltext.s = isq_generated_sql(a, sql, name);
	k->persisted = hidden == 3 ? SCH_TRUE : SCH_FALSE;
	c->computed = k;
	return r;
}

/* get_columns: PRAGMA table_xinfo, hidden columns (1) skipped, generated
 * ones (2, 3) with their Computed. */
static int isq_columns(struct db *db, struct arena *a, const char *schema, const char *sql,
		       struct sch_table *t, struct err *e)
{
	struct strvec cells = STRVEC_INIT;
	/* get_columns: table_xinfo from SQLite 3.31 (generated columns) */
	bool x = sqlite3_libversion_number() >= 3031000;
	size_t n, w = x ? 7 : 6;

	if (db_sqlite_rows(db, a,
			   isq_pragma(a, db, schema, x ? "table_xinfo" : "table_info", t->name), w,
			   &cells, e) < 0)
		return -1;
	n = cells.n / w;
	if (!n)
		return err_set(e, ERR_DB, "No such table: '%s'", t->name);
	t->columns = arena_calloc(a, n, sizeof(*t->columns));
	for (size_t i = 0; i < n; i++) {
		const char *const *r = cells.v + i * w;
		struct sch_column *c = arena_calloc(a, 1, sizeof(*c));
		const char *decl = r[2] ? r[2] : "";
		long pk = 0, hidden = 0;

		if (x && r[6] && str_to_long(r[6], &hidden) == 0 && hidden == 1)
			continue;
		c->name = r[1];
		if (hidden == 2 || hidden == 3)
			decl = isq_computed(a, sql, decl, c->name, hidden, c);
		if (isq_type(a, decl, &c->type, e) < 0)
			return -1;
		c->nullable = r[3] && strcmp(r[3], "0") ? SCH_FALSE : SCH_TRUE;
		if (r[4]) {
			struct sch_expr *d = arena_calloc(a, 1, sizeof(*d));

			d->kind = SCH_EXPR_TEXT;
			d->s = r[4];
			c->server_default = d;
		}
		if (r[5] && str_to_long(r[5], &pk) == 0 && pk > 0)
			c->primary_key = true;
		t->columns[t->n_columns++] = c;
	}
	return 0;
}

/* The primary key, in PRAGMA pk order, as an explicit constraint. */
static void isq_pk(struct arena *a, struct db *db, const char *schema, const char *sql,
		   struct sch_table *t)
{
	struct sch_constraint *k = arena_calloc(a, 1, sizeof(*k));
	struct strvec cells = STRVEC_INIT;
	struct err ignored;

	k->kind = SCH_PRIMARY_KEY;
	k->name = isq_constraint_name(a, sql, "PRIMARY KEY");
	if (db_sqlite_rows(db, a, isq_pragma(a, db, schema, "table_info", t->name), 6, &cells,
			   &ignored) < 0)
		return;
	for (long want = 1;; want++) {
		bool found = false;

		for (size_t i = 0; i + 5 < cells.n; i += 6) {
			long pk;

			if (cells.v[i + 5] && str_to_long(cells.v[i + 5], &pk) == 0 && pk == want) {
				strvec_push(a, &k->columns, cells.v[i + 1]);
				found = true;
			}
		}
		if (!found)
			break;
	}
	if (k->columns.n)
		t->constraints[t->n_constraints++] = k;
}

/* Foreign keys in declaration order (PRAGMA lists them last first). */
static int isq_fks(struct db *db, struct arena *a, const char *schema, struct sch_table *t,
		   struct err *e)
{
	struct strvec c = STRVEC_INIT;
	long last = -1;

	if (db_sqlite_rows(db, a, isq_pragma(a, db, schema, "foreign_key_list", t->name), 8, &c,
			   e) < 0)
		return -1;
	for (size_t i = c.n; i >= 8; i -= 8) {
		const char *const *r = c.v + i - 8;
		long id = 0;
		struct sch_constraint *k;

		str_to_long(r[0], &id);
		if (id != last) {
			k = arena_calloc(a, 1, sizeof(*k));
			k->kind = SCH_FOREIGN_KEY;
			k->ref_table = r[2];
			k->onupdate = r[5] && strcmp(r[5], "NO ACTION") ? r[5] : NULL;
			k->ondelete = r[6] && strcmp(r[6], "NO ACTION") ? r[6] : NULL;
			t->constraints[t->n_constraints++] = k;
			last = id;
		}
		k = t->constraints[t->n_constraints - 1];
		strvec_push(a, &k->columns, r[3]);
		strvec_push(a, &k->ref_columns, r[4] ? r[4] : r[3]);
	}
	/* rows of one key come in seq order: restore it after the reversed walk */
	for (size_t i = 0; i < t->n_constraints; i++) {
		if (t->constraints[i]->kind == SCH_FOREIGN_KEY)
			t->constraints[i]->name = NULL;
		struct sch_constraint *k = t->constraints[i];

		for (size_t l = 0, h = k->columns.n; k->kind == SCH_FOREIGN_KEY && l + 1 < h;
		     l++, h--) {
			const char *x = k->columns.v[l], *y = k->ref_columns.v[l];

			k->columns.v[l] = k->columns.v[h - 1];
			k->ref_columns.v[l] = k->ref_columns.v[h - 1];
			k->columns.v[h - 1] = x;
			k->ref_columns.v[h - 1] = y;
		}
	}
	return 0;
}

static const char *isq_named(struct arena *a, const char *sql, const char *kw,
			     const struct strvec *cols);

static void isq_fk_names(struct arena *a, const char *sql, struct sch_table *t)
{
	for (size_t i = 0; i < t->n_constraints; i++)
		if (t->constraints[i]->kind == SCH_FOREIGN_KEY)
			t->constraints[i]->name =
				isq_named(a, sql, "FOREIGN KEY", &t->constraints[i]->columns);
}

/* "a, b" of a parenthesised column list, quotes and blanks dropped. */
static char *isq_collist(struct arena *a, const char *open, const char **after)
{
	struct buf b = BUF_INIT;
	const char *p = open + 1;
	char *r;

	for (; *p && *p != ')'; p++)
		if (*p != '"' && *p != '`' && *p != '[' && *p != ']' && !str_isspace(*p))
			buf_addch(&b, *p);
	*after = *p ? p + 1 : p;
	r = buf_to_arena(&b, a);
	buf_release(&b);
	return r;
}

/* The name SQLAlchemy's patterns find for the constraint of kind kw
 * ("FOREIGN KEY", "UNIQUE") on cols: "CONSTRAINT name <kw> (cols)", or NULL. */
static const char *isq_named(struct arena *a, const char *sql, const char *kw,
			     const struct strvec *cols)
{
	size_t kwlen = strlen(kw);
	char *want = strvec_join(a, cols, ",");

	for (const char *p = sql; (p = strstr(p, "CONSTRAINT ")) != NULL;) {
		const char *n = p + 11, *end = n, *q;

		while (*end && !str_isspace(*end))
			end++;
		p = end;
		q = end;
		while (*q && str_isspace(*q))
			q++;
		if (strncasecmp(q, kw, kwlen))
			continue;
		q += kwlen;
		while (*q == ' ')
			q++;
		if (*q == '(') {
			const char *after;
			char *got = isq_collist(a, q, &after);

			if (!strcmp(got, want)) {
				char *name = arena_strndup(a, n, (size_t)(end - n));
				size_t len = strlen(name);

				if (len >= 2 && name[0] == '"' && name[len - 1] == '"')
					name = arena_strndup(a, name + 1, len - 2);
				return name;
			}
		}
	}
	return NULL;
}

/* The columns of index name; false for an expression index (skipped). */
static bool isq_index_cols(struct db *db, struct arena *a, const char *schema, const char *name,
			   struct strvec *out, struct err *e)
{
	struct strvec c = STRVEC_INIT;

	if (db_sqlite_rows(db, a, isq_pragma(a, db, schema, "index_info", name), 3, &c, e) < 0)
		return false;
	for (size_t i = 0; i + 2 < c.n; i += 3) {
		if (!c.v[i + 2])
			return false;
		strvec_push(a, out, c.v[i + 2]);
	}
	return out->n > 0;
}

/* Unique constraints (origin 'u') and indexes (origin 'c'), creation order. */
static int isq_indexes(struct db *db, struct arena *a, const char *schema, const char *sql,
		       struct sch_table *t, struct err *e)
{
	struct strvec c = STRVEC_INIT;

	if (db_sqlite_rows(db, a, isq_pragma(a, db, schema, "index_list", t->name), 5, &c, e) < 0)
		return -1;
	t->indexes = arena_calloc(a, c.n / 5 + 1, sizeof(*t->indexes));
	for (size_t i = c.n; i >= 5; i -= 5) {
		const char *const *r = c.v + i - 5;
		struct strvec cols = STRVEC_INIT;

		if (!r[3] || (strcmp(r[3], "u") && strcmp(r[3], "c")) ||
		    !isq_index_cols(db, a, schema, r[1], &cols, e))
			continue;
		if (!strcmp(r[3], "u")) {
			struct sch_constraint *k = arena_calloc(a, 1, sizeof(*k));

			k->kind = SCH_UNIQUE;
			k->columns = cols;
			k->name = str_startswith(r[1], "sqlite_autoindex_")
					  ? isq_named(a, sql, "UNIQUE", &cols)
					  : r[1];
			t->constraints[t->n_constraints++] = k;
		} else {
			struct sch_index *ix = arena_calloc(a, 1, sizeof(*ix));

			ix->name = r[1];
			ix->unique = r[2] && !strcmp(r[2], "1");
			ix->elems = arena_calloc(a, cols.n, sizeof(*ix->elems));
			for (size_t j = 0; j < cols.n; j++)
				ix->elems[j].column = cols.v[j];
			ix->n_elems = cols.n;
			t->indexes[t->n_indexes++] = ix;
		}
	}
	return 0;
}

/* Last case-insensitive occurrence of w in [s, end), or NULL. */
static const char *isq_last_word(const char *s, const char *end, const char *w)
{
	size_t n = strlen(w);
	const char *hit = NULL;

	for (const char *p = s; p + n <= end; p++)
		if (!strncasecmp(p, w, n))
			hit = p;
	return hit;
}

/* sqlite/base.py get_check_constraints: per line,
 * (?:CONSTRAINT (.+) +)?CHECK *\( *(.+) *\),? * (greedy, case-insensitive). */
static void isq_checks(struct arena *a, const char *sql, struct sch_table *t)
{
	for (const char *line = sql; line && *line;) {
		const char *end = strchr(line, '\n'), *ck, *open, *close, *cn;

		end = end ? end : line + strlen(line);
		ck = isq_last_word(line, end, "CHECK");
		open = ck ? ck + 5 : NULL;
		while (open && open < end && *open == ' ')
			open++;
		close = open && open < end && *open == '(' ? isq_last_word(open + 1, end, ")")
							   : NULL;
		if (close) {
			struct sch_constraint *k = arena_calloc(a, 1, sizeof(*k));
			struct sch_expr *ex = arena_calloc(a, 1, sizeof(*ex));
			const char *b = open + 1;

			while (*b == ' ')
				b++;
			cn = isq_last_word(line, ck, "CONSTRAINT ");
			if (cn && ck > cn + 11 && ck[-1] == ' ') {
				const char *ne = ck;

				while (ne > cn + 11 && ne[-1] == ' ')
					ne--;
				k->name = arena_strndup(a, cn + 11, (size_t)(ne - cn - 11));
				if (*k->name == '"')
					k->name++;
				if (*k->name && k->name[strlen(k->name) - 1] == '"')
					k->name = arena_strndup(a, k->name, strlen(k->name) - 1);
			}
			ex->kind = SCH_EXPR_TEXT;
			ex->s = arena_strndup(a, b, (size_t)(close - b));
			k->kind = SCH_CHECK;
			k->sqltext = ex;
			t->constraints[t->n_constraints++] = k;
		}
		line = *end ? end + 1 : end;
	}
}

int db_sqlite_read_table(struct db *db, struct arena *a, const char *schema, const char *table,
			 struct sch_table **out, struct err *e)
{
	struct sch_table *t = arena_calloc(a, 1, sizeof(*t));
	struct strvec sql = STRVEC_INIT;
	struct buf q = BUF_INIT;
	int rc;

	t->name = table;
	t->schema = schema;
	buf_adds(&q, "SELECT sql FROM ");
	sql_quote_ident(db->dialect, &q, schema ? schema : "main");
	buf_adds(&q, ".sqlite_master WHERE type = 'table' AND name = ");
	sql_quote_literal(&q, table);
	rc = db_sqlite_rows(db, a, q.ptr, 1, &sql, e);
	buf_release(&q);
	if (rc < 0)
		return -1;
	if (!sql.n || !sql.v[0])
		return err_set(e, ERR_DB, "No such table: '%s'", table);
	if (isq_columns(db, a, schema, sql.v[0], t, e) < 0)
		return -1;
	t->constraints = arena_calloc(a, 64 + t->n_columns * 2, sizeof(*t->constraints));
	isq_pk(a, db, schema, sql.v[0], t);
	if (isq_fks(db, a, schema, t, e) < 0 || isq_indexes(db, a, schema, sql.v[0], t, e) < 0)
		return -1;
	isq_fk_names(a, sql.v[0], t);
	isq_checks(a, sql.v[0], t);
	if (strstr(sql.v[0], "AUTOINCREMENT")) {
		static const struct pyv yes = {.kind = PYV_BOOL, .b = true};
		struct pyv_kwarg *kw = arena_calloc(a, 1, sizeof(*kw));

		kw->key = "sqlite_autoincrement";
		kw->val = &yes;
		t->dialect_kw.v = kw;
		t->dialect_kw.n = 1;
	}
	*out = t;
	return 0;
}

/* The whole-schema reader (db/introspect.h): the tables sqlite_master
 * lists (SQLAlchemy's SQLiteDialect.get_table_names: type 'table', not
 * sqlite_%, ordered by name) read by db_sqlite_read_table, and the views
 * by name (get_view_names).  The version table is skipped (unless
 * o->all_tables: then sqlite_% tables are read too).  Counts one
 * query for the listing plus each table reader's PRAGMAs as one per table. */
int db_sqlite_introspect(struct db *db, struct arena *a, const struct db_introspect_opts *o,
			 struct db_schema *out, struct err *e)
{
	const char *vt = o->version_table ? o->version_table : "alembic_version";
	struct strvec rows = STRVEC_INIT;
	size_t nt = 0, nv = 0;

	memset(out, 0, sizeof(*out));
	if (db_sqlite_rows(db, a,
			   o->all_tables
				   ? "SELECT type, name FROM main.sqlite_master WHERE type IN "
				     "('table', 'view') ORDER BY name"
				   : "SELECT type, name FROM main.sqlite_master WHERE type IN "
				     "('table', 'view') AND name NOT LIKE 'sqlite~_%' ESCAPE '~' "
				     "ORDER BY name",
			   2, &rows, e) < 0)
		return -1;
	out->n_queries = 1;
	out->tables = arena_calloc(a, rows.n / 2 + 1, sizeof(*out->tables));
	out->views = arena_calloc(a, rows.n / 2 + 1, sizeof(*out->views));
	for (size_t i = 0; i + 1 < rows.n; i += 2) {
		const char *name = rows.v[i + 1];

		if (!strcmp(rows.v[i], "view")) {
			out->views[nv].schema = NULL;
			out->views[nv++].name = name;
			continue;
		}
		if (!strcmp(name, vt) && !o->version_schema && !o->all_tables)
			continue;
		if (db_sqlite_read_table(db, a, NULL, name, &out->tables[nt], e) < 0)
			return -1;
		nt++;
		out->n_queries++;
	}
	out->n_tables = nt;
	out->n_views = nv;
	return 0;
}
