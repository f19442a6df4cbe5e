/*
 * introspect_pg.c - a PostgreSQL database read into the schema model in a
 * fixed number of bulk catalog queries (db/introspect.h), following
 * SQLAlchemy 1.4's PGDialect reflection (get_columns' _get_column_info,
 * get_pk_constraint, get_foreign_keys, get_unique_constraints,
 * get_check_constraints, _load_enums, get_sequence_names): 1
 * current_schema(), 2 enums, 3 relations, 4 columns (with identity options
 * and generated expressions), 5 constraints, 6 indexes, 7 sequences
 * (db_schema.n_queries = 7).  Every catalog name is pg_catalog-qualified.
 * A SERIAL column keeps its nextval() default here (as get_columns; Alembic
 * drops it in autogen_column_reflect, which ag_compare does):
 * db_column_autoincrement says what get_columns reports as autoincrement.
 */
#include "db/introspect.h"
#include "db/postgres_int.h"

#include <stdlib.h>
#include <string.h>

#include "base/str.h"

/* The WHERE condition selecting the namespaces of o (alias n). */
static void ipg_ns_filter(struct db *db, const struct db_introspect_opts *o, struct buf *q)
{
	if (o->include_schemas) {
		buf_adds(q, "n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'");
		return;
	}
	if (!o->n_schemas) {
		buf_adds(q, "n.nspname = pg_catalog.current_schema()");
		return;
	}
	buf_adds(q, "n.nspname IN (");
	for (size_t i = 0; i < o->n_schemas; i++) {
		if (i)
			buf_adds(q, ", ");
		sql_quote_literal(q, o->schemas[i]);
	}
	buf_addch(q, ')');
	(void)db;
}

/* The relations query: oid, schema, name, relkind, comment. */
static char *ipg_rel_sql(struct arena *a, struct db *db, const struct db_introspect_opts *o)
{
	struct buf q = BUF_INIT;
	char *r;

	buf_adds(&q, "SELECT c.oid, n.nspname, c.relname, c.relkind, "
		     "pg_catalog.obj_description(c.oid, 'pg_class') FROM pg_catalog.pg_class c "
		     "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
		     "WHERE c.relkind IN ('r', 'p', 'v', 'm') AND ");
	ipg_ns_filter(db, o, &q);
	if (!o->all_tables) {
		buf_adds(&q, " AND NOT (c.relname = ");
		sql_quote_literal(&q, o->version_table ? o->version_table : "alembic_version");
		buf_adds(&q, " AND n.nspname = ");
		if (o->version_schema)
			sql_quote_literal(&q, o->version_schema);
		else
			buf_adds(&q, "pg_catalog.current_schema()");
		buf_addch(&q, ')');
	}
	buf_adds(&q, " ORDER BY n.nspname COLLATE \"C\", c.relname COLLATE \"C\"");
	r = buf_to_arena(&q, a);
	buf_release(&q);
	return r;
}

/* Table of an oid (tables are few enough per query row; binary search
 * over the oid-sorted index). */
struct ipg_oid {
	long long oid;       /* pg_class oid */
	struct sch_table *t; /* its table */
};

static int ipg_oid_cmp(const void *x, const void *y)
{
	const struct ipg_oid *p = x, *q = y;

	return p->oid < q->oid ? -1 : p->oid > q->oid;
}

static struct sch_table *ipg_find(const struct ipg_oid *v, size_t n, const char *oid)
{
	struct ipg_oid key = {0};
	const struct ipg_oid *hit;

	key.oid = strtoll(oid, NULL, 10);
	hit = bsearch(&key, v, n, sizeof(*v), ipg_oid_cmp);
	return hit ? hit->t : NULL;
}

/* PGDialect._load_enums: every enum type with its labels in enumsortorder. */
static int ipg_enums(struct db *db, struct arena *a, struct db_schema *s, struct err *e)
{
	struct strvec c = STRVEC_INIT;
	size_t n = 0;

	if (db_pg_rows(db, a,
		       "SELECT n.nspname, t.typname, pg_catalog.pg_type_is_visible(t.oid), "
		       "e.enumlabel FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON "
		       "n.oid = t.typnamespace LEFT JOIN pg_catalog.pg_enum e ON e.enumtypid = "
		       "t.oid WHERE t.typtype = 'e' ORDER BY n.nspname COLLATE \"C\", t.typname "
		       "COLLATE \"C\", e.enumsortorder",
		       4, &c, e) < 0)
		return -1;
	s->n_queries++;
	s->enums = arena_calloc(a, c.n / 4 + 1, sizeof(*s->enums));
	for (size_t i = 0; i + 3 < c.n; i += 4) {
		struct sch_enum_def *d = n ? &s->enums[n - 1] : NULL;

		if (!d || strcmp(d->schema, c.v[i]) || strcmp(d->name, c.v[i + 1])) {
			d = &s->enums[n++];
			d->schema = c.v[i];
			d->name = c.v[i + 1];
			d->visible = c.v[i + 2] && !strcmp(c.v[i + 2], "t");
			d->labels = arena_calloc(a, c.n / 4 + 1, sizeof(*d->labels));
		}
		if (c.v[i + 3])
			((const char **)d->labels)[d->n_labels++] = c.v[i + 3];
	}
	s->n_enums = n;
	return 0;
}

/* Tables and views, and the oid index of the tables. */
static int ipg_relations(struct db *db, struct arena *a, const struct db_introspect_opts *o,
			 struct db_schema *s, struct ipg_oid **idx, struct err *e)
{
	struct strvec c = STRVEC_INIT;

	if (db_pg_rows(db, a, ipg_rel_sql(a, db, o), 5, &c, e) < 0)
		return -1;
	s->n_queries++;
	s->tables = arena_calloc(a, c.n / 5 + 1, sizeof(*s->tables));
	s->views = arena_calloc(a, c.n / 5 + 1, sizeof(*s->views));
	*idx = arena_calloc(a, c.n / 5 + 1, sizeof(**idx));
	for (size_t i = 0; i + 4 < c.n; i += 5) {
		const char *schema = strcmp(c.v[i + 1], s->default_schema) ? c.v[i + 1] : NULL;

		if (c.v[i + 3][0] == 'v' || c.v[i + 3][0] == 'm') {
			s->views[s->n_views].schema = schema;
			s->views[s->n_views].materialized = c.v[i + 3][0] == 'm';
			s->views[s->n_views++].name = c.v[i + 2];
			continue;
		}
		struct sch_table *t = arena_calloc(a, 1, sizeof(*t));

		t->schema = schema;
		t->name = c.v[i + 2];
		t->comment = c.v[i + 4];
		(*idx)[s->n_tables].oid = strtoll(c.v[i], NULL, 10);
		(*idx)[s->n_tables].t = t;
		s->tables[s->n_tables++] = t;
	}
	qsort(*idx, s->n_tables, sizeof(**idx), ipg_oid_cmp);
	return 0;
}

/* Appends p to the growable array *v of *n items (capacity doubling). */
static void ipg_push(struct arena *a, void ***v, size_t *n, void *p)
{
	if (!(*n & (*n - 1)) || !*n) {
		void **nv = arena_calloc(a, *n ? *n * 2 : 4, sizeof(*nv));

		if (*n)
			memcpy(nv, *v, *n * sizeof(*nv));
		*v = nv;
	}
	(*v)[(*n)++] = p;
}

/* Runs "<head> <namespace filter of o> <tail>" (one bulk query, counted)
 * into cells, ncols per row. */
static int ipg_bulk(struct db *db, struct arena *a, const struct db_introspect_opts *o,
		    const char *head, const char *tail, size_t ncols, struct db_schema *s,
		    struct strvec *cells, struct err *e)
{
	struct buf q = BUF_INIT;
	int rc;

	buf_adds(&q, head);
	ipg_ns_filter(db, o, &q);
	buf_adds(&q, tail);
	rc = db_pg_rows(db, a, q.ptr, ncols, cells, e);
	buf_release(&q);
	if (rc == 0)
		s->n_queries++;
	return rc;
}

#define IPG_COLS 14

/* A reflected integer option of an identity (pg_sequence's int8 text). */
static const struct pyv *ipg_int(struct arena *a, const char *text)
{
	struct pyv *v = arena_calloc(a, 1, sizeof(*v));

	v->kind = PYV_INT;
	v->i = strtoll(text ? text : "0", NULL, 10);
	v->text = text ? text : "0";
	return v;
}

/* _get_column_info's identity: attidentity 'a' (ALWAYS) / 'd' (BY
 * DEFAULT) with every option get_columns' json_build_object reads (start,
 * increment, minvalue, maxvalue, cache, cycle: all given, as reflected). */
static const struct sch_identity *ipg_identity(struct arena *a, const char *const *r)
{
	struct sch_identity *id = arena_calloc(a, 1, sizeof(*id));
	struct pyv *cycle = arena_calloc(a, 1, sizeof(*cycle));

	id->always = r[0][0] == 'a';
	id->start = ipg_int(a, r[1]);
	id->increment = ipg_int(a, r[2]);
	id->minvalue = ipg_int(a, r[3]);
	id->maxvalue = ipg_int(a, r[4]);
	id->cache = ipg_int(a, r[5]);
	cycle->kind = PYV_BOOL;
	cycle->b = r[6] && !strcmp(r[6], "t");
	id->cycle = cycle;
	return id;
}

/* One column row: the default, or (attgenerated 's') the generation
 * expression as Computed(sqltext, persisted=True) and no default, as
 * _get_column_info moves it. */
static int ipg_column(struct arena *a, struct db_schema *s, const char *const *r,
		      struct sch_table *t, struct err *e)
{
	struct sch_column *col = arena_calloc(a, 1, sizeof(*col));

	col->name = r[1];
	if (sch_type_from_sql(a, "postgresql", r[2], s->enums, s->n_enums, &col->type, e) < 0)
		return -1;
	col->nullable = !strcmp(r[3], "t") ? SCH_FALSE : SCH_TRUE;
	if (r[4] && r[6] && r[6][0]) {
		struct sch_computed *k = arena_calloc(a, 1, sizeof(*k));

		k->sqltext.kind = SCH_EXPR_TEXT;
		k->sqltext.s = r[4];
		k->persisted = r[6][0] == 's' ? SCH_TRUE : SCH_FALSE;
		col->computed = k;
	} else if (r[4]) {
		struct sch_expr *d = arena_calloc(a, 1, sizeof(*d));

		d->kind = SCH_EXPR_TEXT;
		d->s = r[4];
		col->server_default = d;
	}
	if (r[7] && r[7][0] && r[8])
		col->identity = ipg_identity(a, r + 7);
	col->comment = r[5];
	ipg_push(a, (void ***)&t->columns, &t->n_columns, col);
	return 0;
}

/* _get_column_info: one row per column of every selected table, by attnum,
 * with its identity sequence's options (pg_depend 'i' of the column). */
static int ipg_columns(struct db *db, struct arena *a, const struct db_introspect_opts *o,
		       struct db_schema *s, const struct ipg_oid *idx, struct err *e)
{
	struct strvec c = STRVEC_INIT;

	if (ipg_bulk(db, a, o,
		     "SELECT a.attrelid, a.attname, pg_catalog.format_type(a.atttypid, "
		     "a.atttypmod), a.attnotnull, pg_catalog.pg_get_expr(d.adbin, d.adrelid), "
		     "pg_catalog.col_description(a.attrelid, a.attnum), a.attgenerated, "
		     "a.attidentity, sq.seqstart, sq.seqincrement, sq.seqmin, sq.seqmax, "
		     "sq.seqcache, sq.seqcycle "
		     "FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = "
		     "a.attrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
		     "LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = "
		     "a.attnum LEFT JOIN (pg_catalog.pg_depend dep JOIN pg_catalog.pg_sequence sq "
		     "ON sq.seqrelid = dep.objid) ON a.attidentity <> '' AND dep.classid = "
		     "'pg_catalog.pg_class'::pg_catalog.regclass AND dep.refclassid = "
		     "'pg_catalog.pg_class'::pg_catalog.regclass AND dep.refobjid = a.attrelid "
		     "AND dep.refobjsubid = a.attnum AND dep.deptype = 'i' "
		     "WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', "
		     "'p') AND ",
		     " ORDER BY a.attrelid, a.attnum", IPG_COLS, s, &c, e) < 0)
		return -1;
	for (size_t i = 0; i + IPG_COLS - 1 < c.n; i += IPG_COLS) {
		struct sch_table *t = ipg_find(idx, s->n_tables, c.v[i]);

		if (t && ipg_column(a, s, c.v + i, t, e) < 0) /* !t: the version table */
			return -1;
	}
	return 0;
}

#define IPG_SEQ 12

/* Sequences of the selected schemas with their pg_sequence options and the
 * column that owns them (OWNED BY / SERIAL: pg_depend 'a'; identity: 'i'),
 * by schema then name. */
static int ipg_sequences(struct db *db, struct arena *a, const struct db_introspect_opts *o,
			 struct db_schema *s, struct err *e)
{
	struct strvec c = STRVEC_INIT;

	if (ipg_bulk(db, a, o,
		     "SELECT n.nspname, c.relname, pg_catalog.format_type(sq.seqtypid, "
		     "NULL), sq.seqstart, sq.seqincrement, sq.seqmin, sq.seqmax, sq.seqcache, "
		     "sq.seqcycle, dt.relname, da.attname, dep.deptype "
		     "FROM pg_catalog.pg_sequence sq JOIN pg_catalog.pg_class c ON c.oid = "
		     "sq.seqrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
		     "LEFT JOIN pg_catalog.pg_depend dep ON dep.classid = "
		     "'pg_catalog.pg_class'::pg_catalog.regclass AND dep.objid = c.oid AND "
		     "dep.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND "
		     "dep.refobjsubid > 0 AND dep.deptype IN ('a', 'i') "
		     "LEFT JOIN pg_catalog.pg_class dt ON dt.oid = dep.refobjid "
		     "LEFT JOIN pg_catalog.pg_attribute da ON da.attrelid = dep.refobjid AND "
		     "da.attnum = dep.refobjsubid WHERE ",
		     " ORDER BY n.nspname COLLATE \"C\", c.relname COLLATE \"C\"", IPG_SEQ, s, &c,
		     e) < 0)
		return -1;
	s->sequences = arena_calloc(a, c.n / IPG_SEQ + 1, sizeof(*s->sequences));
	for (size_t i = 0; i + IPG_SEQ - 1 < c.n; i += IPG_SEQ) {
		const char *const *r = c.v + i;
		struct db_sequence *q = &s->sequences[s->n_sequences++];

		q->schema = strcmp(r[0], s->default_schema) ? r[0] : NULL;
		q->name = r[1];
		q->data_type = r[2];
		q->start = strtoll(r[3], NULL, 10);
		q->increment = strtoll(r[4], NULL, 10);
		q->minvalue = strtoll(r[5], NULL, 10);
		q->maxvalue = strtoll(r[6], NULL, 10);
		q->cache = strtoll(r[7], NULL, 10);
		q->cycle = !strcmp(r[8], "t");
		q->owned_by = r[9] && r[10] ? arena_printf(a, "%s.%s", r[9], r[10]) : NULL;
		q->identity = r[11] && r[11][0] == 'i';
	}
	return 0;
}

/* "a\1b" -> strvec a, b (the constraint query joins names with chr(1)). */
static void ipg_split(struct arena *a, const char *s, struct strvec *out)
{
	while (s && *s) {
		const char *end = strchr(s, '\1');

		strvec_push(a, out, end ? arena_strndup(a, s, (size_t)(end - s)) : s);
		s = end ? end + 1 : NULL;
	}
}

#define IPG_CON 13
#define IPG_KEYS(k, rel)                                                                           \
	"pg_catalog.array_to_string(ARRAY(SELECT a.attname FROM pg_catalog.unnest(con." k          \
	") WITH ORDINALITY k(num, ord) JOIN pg_catalog.pg_attribute a ON a.attrelid = con." rel    \
	" AND a.attnum = k.num ORDER BY k.ord), pg_catalog.chr(1))"

/* An FK action code (pg_constraint.confupdtype) as its SQL text; NULL for
 * NO ACTION, which pg_get_constraintdef (and so SQLAlchemy) leaves out. */
static const char *ipg_action(const char *code)
{
	switch (code ? code[0] : 'a') {
	case 'r':
		return "RESTRICT";
	case 'c':
		return "CASCADE";
	case 'n':
		return "SET NULL";
	case 'd':
		return "SET DEFAULT";
	default:
		return NULL;
	}
}

/* One constraint row into its table (columns by key order). */
static void ipg_constraint(struct arena *a, const struct db_schema *s, const char *const *r,
			   struct sch_table *t)
{
	struct sch_constraint *k = arena_calloc(a, 1, sizeof(*k));

	k->name = r[1];
	ipg_split(a, r[3], &k->columns);
	switch (r[2][0]) {
	case 'p':
		k->kind = SCH_PRIMARY_KEY;
		break;
	case 'u':
		k->kind = SCH_UNIQUE;
		break;
	case 'f':
		k->kind = SCH_FOREIGN_KEY;
		break;
	default:
		k->kind = SCH_CHECK;
		break;
	}
	if (k->kind == SCH_FOREIGN_KEY) {
		k->ref_schema = strcmp(r[4], s->default_schema) ? r[4] : NULL;
		k->ref_table = r[5];
		ipg_split(a, r[6], &k->ref_columns);
		k->onupdate = ipg_action(r[7]);
		k->ondelete = ipg_action(r[8]);
		k->match = r[9][0] == 'f' ? "FULL" : r[9][0] == 'p' ? "PARTIAL" : NULL;
	}
	k->deferrable = !strcmp(r[10], "t") ? SCH_TRUE : SCH_UNSET;
	k->initially = !strcmp(r[11], "t") ? "DEFERRED" : NULL;
	if (k->kind == SCH_CHECK) {
		/* get_check_constraints: ^CHECK *\((.+)\)( NOT VALID)?$ */
		struct sch_expr *x = arena_calloc(a, 1, sizeof(*x));
		const char *d = r[12], *open = strchr(d, '('), *close = strrchr(d, ')');

		x->kind = SCH_EXPR_TEXT;
		x->s = open && close > open ? arena_strndup(a, open + 1, (size_t)(close - open - 1))
					    : d;
		/* then ^[\s\n]*\((.+)\)[\s\n]*$ -> \1: one more layer of parentheses */
		x->s = str_strip(a, x->s);
		if (x->s[0] == '(' && x->s[strlen(x->s) - 1] == ')')
			x->s = arena_strndup(a, x->s + 1, strlen(x->s) - 2);
		k->sqltext = x;
	}
	ipg_push(a, (void ***)&t->constraints, &t->n_constraints, k);
}

/* Primary keys, unique, foreign key and check constraints: the primary key
 * first, then by name. */
static int ipg_constraints(struct db *db, struct arena *a, const struct db_introspect_opts *o,
			   struct db_schema *s, const struct ipg_oid *idx, struct err *e)
{
	struct strvec c = STRVEC_INIT;

	/* The SQL as SQL reads, IPG_KEYS inline (clang-format would split at them). */
	/* clang-format off */
	if (ipg_bulk(db, a, o,
		     "SELECT con.conrelid, con.conname, con.contype, " IPG_KEYS("conkey", "conrelid")
		     ", rn.nspname, rc.relname, " IPG_KEYS("confkey", "confrelid")
		     ", con.confupdtype, con.confdeltype, con.confmatchtype, con.condeferrable, "
		     "con.condeferred, pg_catalog.pg_get_constraintdef(con.oid) "
		     "FROM pg_catalog.pg_constraint con JOIN pg_catalog.pg_class c ON c.oid = "
		     "con.conrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
		     "LEFT JOIN pg_catalog.pg_class rc ON rc.oid = con.confrelid LEFT JOIN "
		     "pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace "
		     "WHERE con.contype IN ('p', 'u', 'f', 'c') AND ",
		     " ORDER BY con.conrelid, con.contype <> 'p', con.conname COLLATE \"C\"",
		     IPG_CON, s, &c, e) < 0)
		return -1;
	/* clang-format on */
	for (size_t i = 0; i + IPG_CON - 1 < c.n; i += IPG_CON) {
		struct sch_table *t = ipg_find(idx, s->n_tables, c.v[i]);

		if (t)
			ipg_constraint(a, s, c.v + i, t);
	}
	return 0;
}

#define IPG_IDX 7

static const struct pyv *ipg_str(struct arena *a, const char *text)
{
	struct pyv *v = arena_calloc(a, 1, sizeof(*v));

	v->kind = PYV_STR;
	v->s = text;
	v->len = strlen(text);
	return v;
}

/* One index row: key elements (columns, or expressions marked by chr(2)),
 * then INCLUDE columns; postgresql_where / _using / _include as
 * get_indexes' dialect_options name them. */
static void ipg_index(struct arena *a, const char *const *r, struct sch_table *t)
{
	struct sch_index *ix = arena_calloc(a, 1, sizeof(*ix));
	struct pyv_kwarg *kw = arena_calloc(a, 3, sizeof(*kw));
	struct strvec el = STRVEC_INIT;
	long nkey = 0;
	struct pyv *inc = arena_calloc(a, 1, sizeof(*inc));

	ix->name = r[1];
	ix->table = t->name;
	ix->schema = t->schema;
	ix->unique = !strcmp(r[2], "t");
	str_to_long(r[5], &nkey);
	ipg_split(a, r[6], &el);
	ix->elems = arena_calloc(a, el.n + 1, sizeof(*ix->elems));
	inc->kind = PYV_LIST;
	inc->items = arena_calloc(a, el.n + 1, sizeof(*inc->items));
	for (size_t i = 0; i < el.n; i++) {
		if ((long)i >= nkey) {
			inc->items[inc->n++] = ipg_str(a, el.v[i]);
		} else if (el.v[i][0] == '\2') {
			struct sch_expr *x = arena_calloc(a, 1, sizeof(*x));

			x->kind = SCH_EXPR_TEXT;
			x->s = el.v[i] + 1;
			ix->elems[ix->n_elems++].expr = x;
		} else {
			ix->elems[ix->n_elems++].column = el.v[i];
		}
	}
	if (r[3])
		kw[ix->dialect_kw.n++] = (struct pyv_kwarg){"postgresql_where", ipg_str(a, r[3])};
	if (strcmp(r[4], "btree"))
		kw[ix->dialect_kw.n++] = (struct pyv_kwarg){"postgresql_using", ipg_str(a, r[4])};
	if (inc->n)
		kw[ix->dialect_kw.n++] = (struct pyv_kwarg){"postgresql_include", inc};
	ix->dialect_kw.v = kw;
	ipg_push(a, (void ***)&t->indexes, &t->n_indexes, ix);
}

/* Indexes not backing a primary key, unique or exclusion constraint, by name. */
static int ipg_indexes(struct db *db, struct arena *a, const struct db_introspect_opts *o,
		       struct db_schema *s, const struct ipg_oid *idx, struct err *e)
{
	struct strvec c = STRVEC_INIT;

	if (ipg_bulk(db, a, o,
		     "SELECT i.indrelid, ic.relname, i.indisunique, pg_catalog.pg_get_expr("
		     "i.indpred, i.indrelid), am.amname, i.indnkeyatts, pg_catalog.array_to_string("
		     "ARRAY(SELECT CASE WHEN i.indkey[k.n - 1] = 0 THEN pg_catalog.chr(2) || "
		     "pg_catalog.pg_get_indexdef(i.indexrelid, k.n, true) ELSE a.attname::text END "
		     "FROM pg_catalog.generate_series(1, i.indnatts::int) k(n) LEFT JOIN "
		     "pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = "
		     "i.indkey[k.n - 1] ORDER BY k.n), pg_catalog.chr(1)) "
		     "FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class ic ON ic.oid = "
		     "i.indexrelid JOIN pg_catalog.pg_am am ON am.oid = ic.relam JOIN "
		     "pg_catalog.pg_class c ON c.oid = i.indrelid JOIN pg_catalog.pg_namespace n "
		     "ON n.oid = c.relnamespace WHERE NOT EXISTS (SELECT 1 FROM "
		     "pg_catalog.pg_constraint k WHERE k.conindid = i.indexrelid AND k.conrelid = "
		     "i.indrelid AND k.contype IN ('p', 'u', 'x')) AND ",
		     " ORDER BY i.indrelid, ic.relname COLLATE \"C\"", IPG_IDX, s, &c, e) < 0)
		return -1;
	for (size_t i = 0; i + IPG_IDX - 1 < c.n; i += IPG_IDX) {
		struct sch_table *t = ipg_find(idx, s->n_tables, c.v[i]);

		if (t)
			ipg_index(a, c.v + i, t);
	}
	return 0;
}

/* Columns of the table's primary key get primary_key (as get_columns' rows). */
static void ipg_mark_pk(struct sch_table *t)
{
	for (size_t j = 0; j < t->n_constraints; j++) {
		if (t->constraints[j]->kind != SCH_PRIMARY_KEY)
			continue;
		for (size_t k = 0; k < t->n_columns; k++)
			if (strvec_find(&t->constraints[j]->columns, t->columns[k]->name) >= 0)
				t->columns[k]->primary_key = true;
	}
}

int db_pg_introspect(struct db *db, struct arena *a, const struct db_introspect_opts *o,
		     struct db_schema *out, struct err *e)
{
	struct strvec cur = STRVEC_INIT;
	struct ipg_oid *idx = NULL;

	memset(out, 0, sizeof(*out));
	if (db_pg_rows(db, a,
		       "SELECT pg_catalog.current_schema(), current_user, "
		       "pg_catalog.current_setting('search_path')",
		       3, &cur, e) < 0)
		return -1;
	out->n_queries = 1;
	/* no usable schema on the search_path: every table would look missing */
	if (cur.n < 3 || !cur.v[0])
		return err_set(e, ERR_DB,
			       "role %s can use no schema of its search_path (%s): the database's "
			       "tables cannot be read; it needs USAGE on the schema it works in "
			       "(GRANT USAGE ON SCHEMA public TO %s)",
			       cur.n > 1 && cur.v[1] ? cur.v[1] : "?",
			       cur.n > 2 && cur.v[2] ? cur.v[2] : "?",
			       cur.n > 1 && cur.v[1] ? cur.v[1] : "?");
	out->default_schema = cur.v[0];
	if (ipg_enums(db, a, out, e) < 0 || ipg_relations(db, a, o, out, &idx, e) < 0 ||
	    ipg_columns(db, a, o, out, idx, e) < 0 || ipg_constraints(db, a, o, out, idx, e) < 0 ||
	    ipg_indexes(db, a, o, out, idx, e) < 0 || ipg_sequences(db, a, o, out, e) < 0)
		return -1;
	for (size_t i = 0; i < out->n_tables; i++)
		ipg_mark_pk(out->tables[i]);
	return 0;
}
