/*
 * introspect.c - db_introspect's dispatch by driver and db_schema_dump,
 * the deterministic text form of an introspected schema that the tests
 * compare with expected files (db/introspect.h).
 */
#include "db/introspect.h"

#include <string.h>

#include "base/str.h"

int db_introspect(struct db *db, struct arena *a, const struct db_introspect_opts *o,
		  struct db_schema *out, struct err *e)
{
	memset(out, 0, sizeof(*out));
	if (!strcmp(db->ops->name, "sqlite"))
		return db_sqlite_introspect(db, a, o, out, e);
	if (!strcmp(db->ops->name, "postgresql"))
		return db_pg_introspect(db, a, o, out, e);
	return err_set(e, ERR_INPUT, "schema introspection is not available for '%s'",
		       db->ops->name);
}

bool db_column_autoincrement(const char *dialect, const struct sch_column *c)
{
	if (strcmp(dialect, "postgresql"))
		return false;
	if (c->identity)
		return true;
	if (sch_type_int_kind(c->type, "postgresql") == SCH_INT_NONE || !c->server_default ||
	    !c->server_default->s)
		return false;
	/* re.search(r"(nextval\(')([^']+)('.*$)", default) */
	for (const char *p = c->server_default->s; (p = strstr(p, "nextval('")) != NULL; p++) {
		size_t n = strcspn(p + 9, "'");

		if (n && p[9 + n] == '\'')
			return true;
	}
	return false;
}

const char *db_pg_serial_sequence(struct arena *a, const struct db_schema *s, const char *t,
				  const struct sch_column *col)
{
	const char *d = col->server_default ? col->server_default->s : NULL, *end;
	size_t n;

	if (!d || !col->type || !str_startswith(d, "nextval('") ||
	    (strcmp(col->type->name, "sqlalchemy.INTEGER") &&
	     strcmp(col->type->name, "sqlalchemy.BIGINT")))
		return NULL;
	d += 9;
	end = strstr(d, "'::regclass)");
	if (!end)
		return NULL;
	n = (size_t)(end - d);
	if (!s->n_sequences) {
		const char *implicit = arena_printf(a, "%s_%s_seq", t, col->name);

		return strlen(implicit) == n && !strncmp(implicit, d, n) ? implicit : NULL;
	}
	for (size_t i = 0; i < s->n_sequences; i++) {
		const struct db_sequence *q = &s->sequences[i];
		const char *dot = q->owned_by ? strrchr(q->owned_by, '.') : NULL;

		if (strlen(q->name) == n && !strncmp(q->name, d, n) && dot &&
		    !strcmp(dot + 1, col->name))
			return q->name;
	}
	return NULL;
}

char *db_pg_serial_note(struct arena *a, const char *seq, const char *table, const char *column)
{
	return arena_printf(a,
			    "Detected sequence named '%s' as owned by integer column '%s(%s)', "
			    "assuming SERIAL and omitting",
			    seq, table, column);
}

static const char *dump_tri(enum sch_tristate t)
{
	return t == SCH_TRUE ? "true" : t == SCH_FALSE ? "false" : "unset";
}

/* " name=a,b" for a column list. */
static void dump_cols(struct buf *out, const char *label, const struct strvec *v)
{
	buf_addf(out, " %s=", label);
	for (size_t i = 0; i < v->n; i++)
		buf_addf(out, "%s%s", i ? "," : "", v->v[i]);
}

/* " identity=always|by_default start=.. ..." (the options as reflected). */
static void dump_identity(const struct sch_identity *id, struct buf *out)
{
	const struct {
		const char *key;
		const struct pyv *v;
	} opt[] = {{"start", id->start},       {"increment", id->increment},
		   {"minvalue", id->minvalue}, {"maxvalue", id->maxvalue},
		   {"cycle", id->cycle},       {"cache", id->cache}};

	buf_addf(out, " identity=%s", id->always ? "always" : "by_default");
	for (size_t i = 0; i < sizeof(opt) / sizeof(opt[0]); i++) {
		if (!opt[i].v)
			continue;
		if (opt[i].v->kind == PYV_BOOL)
			buf_addf(out, " %s=%s", opt[i].key, opt[i].v->b ? "true" : "false");
		else
			buf_addf(out, " %s=%lld", opt[i].key, opt[i].v->i);
	}
}

static void dump_column(struct arena *a, const struct sch_column *c, const char *dialect,
			struct buf *out)
{
	struct buf ty = BUF_INIT;
	struct err e;

	if (c->type && sql_type_ddl(a, dialect, c->type, &ty, &e) < 0)
		buf_adds(&ty, "?");
	buf_addf(out, "  column %s type=%s nullable=%s pk=%d", c->name, c->type ? ty.ptr : "NULL",
		 dump_tri(c->nullable), c->primary_key);
	if (c->server_default)
		buf_addf(out, " default=%s", c->server_default->s);
	if (db_column_autoincrement(dialect, c))
		buf_adds(out, " autoincrement=true");
	if (c->identity)
		dump_identity(c->identity, out);
	if (c->computed)
		buf_addf(out, " computed=%s persisted=%s", c->computed->sqltext.s,
			 dump_tri(c->computed->persisted));
	if (c->comment)
		buf_addf(out, " comment=%s", c->comment);
	buf_addch(out, '\n');
	buf_release(&ty);
}

static void dump_constraint(const struct sch_constraint *k, struct buf *out)
{
	static const char *const kinds[] = {"primary_key", "foreign_key", "unique", "check"};

	buf_addf(out, "  %s name=%s", kinds[k->kind], k->name ? k->name : "-");
	if (k->kind != SCH_CHECK)
		dump_cols(out, "columns", &k->columns);
	if (k->kind == SCH_FOREIGN_KEY) {
		buf_addf(out, " ref=%s%s%s", k->ref_schema ? k->ref_schema : "",
			 k->ref_schema ? "." : "", k->ref_table);
		dump_cols(out, "ref_columns", &k->ref_columns);
		if (k->ondelete)
			buf_addf(out, " ondelete=%s", k->ondelete);
		if (k->onupdate)
			buf_addf(out, " onupdate=%s", k->onupdate);
		if (k->match)
			buf_addf(out, " match=%s", k->match);
	}
	if (k->deferrable == SCH_TRUE)
		buf_adds(out, " deferrable=true");
	if (k->initially)
		buf_addf(out, " initially=%s", k->initially);
	if (k->kind == SCH_CHECK && k->sqltext)
		buf_addf(out, " sqltext=%s", k->sqltext->s);
	buf_addch(out, '\n');
}

static void dump_index(const struct sch_index *ix, struct buf *out)
{
	buf_addf(out, "  index name=%s unique=%d elems=", ix->name, ix->unique);
	for (size_t i = 0; i < ix->n_elems; i++)
		buf_addf(out, "%s%s", i ? "," : "",
			 ix->elems[i].column ? ix->elems[i].column
			 : ix->elems[i].expr ? ix->elems[i].expr->s
					     : "?");
	for (size_t i = 0; i < ix->dialect_kw.n; i++) {
		const struct pyv *v = ix->dialect_kw.v[i].val;

		buf_addf(out, " %s=", ix->dialect_kw.v[i].key);
		if (v->kind == PYV_STR)
			buf_adds(out, v->s);
		for (size_t j = 0; v->kind == PYV_LIST && j < v->n; j++)
			buf_addf(out, "%s%s", j ? "," : "", v->items[j]->s);
	}
	buf_addch(out, '\n');
}

void db_schema_dump(struct arena *a, const struct db_schema *s, const char *dialect,
		    struct buf *out)
{
	for (size_t i = 0; i < s->n_tables; i++) {
		const struct sch_table *t = s->tables[i];

		buf_addf(out, "table %s%s%s\n", t->schema ? t->schema : "", t->schema ? "." : "",
			 t->name);
		if (t->comment)
			buf_addf(out, "  comment %s\n", t->comment);
		for (size_t j = 0; j < t->n_columns; j++)
			dump_column(a, t->columns[j], dialect, out);
		for (size_t j = 0; j < t->n_constraints; j++)
			dump_constraint(t->constraints[j], out);
		for (size_t j = 0; j < t->n_indexes; j++)
			dump_index(t->indexes[j], out);
	}
	for (size_t i = 0; i < s->n_enums; i++) {
		buf_addf(out, "enum %s.%s visible=%d labels=", s->enums[i].schema, s->enums[i].name,
			 s->enums[i].visible);
		for (size_t j = 0; j < s->enums[i].n_labels; j++)
			buf_addf(out, "%s%s", j ? "," : "", s->enums[i].labels[j]);
		buf_addch(out, '\n');
	}
	for (size_t i = 0; i < s->n_sequences; i++) {
		const struct db_sequence *q = &s->sequences[i];

		buf_addf(out,
			 "sequence %s%s%s type=%s start=%lld increment=%lld minvalue=%lld "
			 "maxvalue=%lld cache=%lld cycle=%d",
			 q->schema ? q->schema : "", q->schema ? "." : "", q->name, q->data_type,
			 q->start, q->increment, q->minvalue, q->maxvalue, q->cache, q->cycle);
		if (q->owned_by)
			buf_addf(out, " owned_by=%s%s", q->owned_by,
				 q->identity ? " identity" : "");
		buf_addch(out, '\n');
	}
	for (size_t i = 0; i < s->n_views; i++)
		buf_addf(out, "view %s%s%s\n", s->views[i].schema ? s->views[i].schema : "",
			 s->views[i].schema ? "." : "", s->views[i].name);
}
