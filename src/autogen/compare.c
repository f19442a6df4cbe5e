/*
 * compare.c - ag_compare (autogen.h): the table level of Alembic 1.8.1's
 * autogenerate diff (autogenerate/compare.py _compare_tables), its order
 * (reference 12.4), the downgrade as the inverses backwards
 * (UpgradeOps.reverse_into), the "Detected ..." lines, and the database
 * side as Alembic reflects it for rendering (the dialect impls'
 * autogen_column_reflect hooks).  Also ag_dump_ops, the one-line-per-op
 * text the tests compare with what the recorder wrote.
 *
 * Order where Alembic iterates a Python set (not deterministic there):
 * removed tables by (schema, name); the PostgreSQL SERIAL lines of the
 * existing tables by (schema, name), none for a table reflected earlier
 * through a foreign key (as in Alembic, so which tables get a line follows
 * from that order too).  See compare_cols.c and
 * compare_cons.c for the per-table rules.
 */
#include "autogen/compare_int.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base/str.h"
#include "schema/type.h"

struct mig_op *agc_push(struct agc *c, enum mig_op_kind kind, const char *table, const char *schema)
{
	struct agc_ops *l = &c->up;
	struct mig_op *op;

	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 16;

		l->v = arena_grow(c->a, l->v, l->cap, cap, sizeof(*l->v));
		l->cap = cap;
	}
	op = &l->v[l->n++];
	memset(op, 0, sizeof(*op));
	op->kind = kind;
	op->table = table;
	op->schema = schema;
	return op;
}

/* The inverse of the op pushed last (same list mechanics, other list). */
struct mig_op *agc_push_inv(struct agc *c, enum mig_op_kind kind, const char *table,
			    const char *schema)
{
	struct agc_ops save = c->up;
	struct mig_op *op;

	c->up = c->inv;
	op = agc_push(c, kind, table, schema);
	c->inv = c->up;
	c->up = save;
	return op;
}

void agc_log(struct agc *c, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	strvec_push(c->a, c->detected, arena_vprintf(c->a, fmt, ap));
	va_end(ap);
}

/* Python's repr() of s ("None" for NULL). */
const char *agc_repr(struct agc *c, const char *s)
{
	struct buf b = BUF_INIT;
	const char *r;

	if (!s)
		return "None";
	pyv_repr_str(&b, s, strlen(s));
	r = buf_to_arena(&b, c->a);
	buf_release(&b);
	return r;
}

/* Python's repr() of a list of str: "['a', 'b']". */
const char *agc_list_repr(struct agc *c, const struct strvec *v)
{
	struct buf b = BUF_INIT;
	const char *r;

	buf_addch(&b, '[');
	for (size_t i = 0; i < v->n; i++) {
		if (i)
			buf_adds(&b, ", ");
		pyv_repr_str(&b, v->v[i], strlen(v->v[i]));
	}
	buf_addch(&b, ']');
	r = buf_to_arena(&b, c->a);
	buf_release(&b);
	return r;
}

const struct sch_column *agc_column(const struct sch_table *t, const char *name)
{
	for (size_t i = 0; t && i < t->n_columns; i++)
		if (!strcmp(t->columns[i]->name, name))
			return t->columns[i];
	return NULL;
}

/* Alembic's sort key for tables: (schema or "", name). */
static int table_key_cmp(const char *sa, const char *na, const char *sb, const char *nb)
{
	int r = strcmp(sa ? sa : "", sb ? sb : "");

	return r ? r : strcmp(na, nb);
}

static int table_cmp(const void *x, const void *y)
{
	const struct sch_table *a = *(const struct sch_table *const *)x;
	const struct sch_table *b = *(const struct sch_table *const *)y;

	return table_key_cmp(a->schema, a->name, b->schema, b->name);
}

/* The tables of v sorted by table_cmp, for lookups by binary search. */
static struct agc_tables sorted_set(struct agc *c, struct sch_table *const *v, size_t n)
{
	struct agc_tables r = {arena_calloc(c->a, n + 1, sizeof(*r.v)), n};

	if (n)
		memcpy(r.v, v, n * sizeof(*r.v));
	qsort(r.v, n, sizeof(*r.v), table_cmp);
	return r;
}

/* The position of table (schema, name) in s, or -1. */
static long lookup(const struct agc_tables *s, const char *schema, const char *name)
{
	size_t lo = 0, hi = s->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int r = table_key_cmp(schema, name, s->v[mid]->schema, s->v[mid]->name);

		if (!r)
			return (long)mid;
		if (r < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return -1;
}

static const struct sch_table *find(const struct agc_tables *s, const struct sch_table *like)
{
	long i = lookup(s, like->schema, like->name);

	return i < 0 ? NULL : s->v[i];
}

/* A model table and a norm one name the same table: a model's schema equal
 * to the default schema counts as none (_compare_tables'
 * metadata_table_names_no_dflt_schema). */
static bool same_model_table(const struct agc *c, const struct sch_table *m,
			     const struct sch_table *n)
{
	const char *ms = m->schema, *dflt = c->in->norm->default_schema;

	if (ms && dflt && !strcmp(ms, dflt))
		ms = NULL;
	return str_eq(ms, n->schema) && !strcmp(m->name, n->name);
}

/* SQLiteImpl._guess_if_default_is_unparenthesized_sql_expr. */
static bool sqlite_unparenthesized(const char *s)
{
	size_t n = s ? strlen(s) : 0;

	if (!n)
		return false;
	if (n == 1 && (str_isdigit(*s) || *s == '.'))
		return false;
	if (n > 2 && ((s[0] == '\'' && s[n - 1] == '\'') || (s[0] == '(' && s[n - 1] == ')')))
		return false;
	return true;
}

/* A column of side s as Alembic's reflection hands it to autogenerate:
 * SQLite expression defaults parenthesised, PostgreSQL SERIAL defaults
 * dropped and autoincrement= as PGDialect.get_columns sets it. */
static const struct sch_column *reflected_column(struct agc *c, const struct db_schema *s,
						 const char *table, const struct sch_column *col,
						 bool db_side)
{
	struct sch_column *r;

	if (!c->is_pg && !(c->is_sqlite && col->server_default &&
			   sqlite_unparenthesized(col->server_default->s)))
		return col;
	r = arena_alloc(c->a, sizeof(*r));
	*r = *col;
	if (c->is_sqlite) {
		struct sch_expr *d = arena_calloc(c->a, 1, sizeof(*d));

		d->kind = SCH_EXPR_TEXT;
		d->s = arena_printf(c->a, "(%s)", col->server_default->s);
		r->server_default = d;
		return r;
	}
	if (db_pg_serial_sequence(c->a, s, table, col))
		r->server_default = NULL;
	if (!db_side)
		return r;
	r->autoincrement =
		db_column_autoincrement("postgresql", col) ? SCH_AUTOINC_TRUE : SCH_AUTOINC_FALSE;
	return r;
}

/* Table t of side s with its columns through reflected_column (a copy). */
static const struct sch_table *side_table(struct agc *c, const struct sch_table *t,
					  const struct db_schema *s)
{
	struct sch_table *r = arena_alloc(c->a, sizeof(*r));

	*r = *t;
	r->columns = arena_calloc(c->a, t->n_columns + 1, sizeof(*r->columns));
	for (size_t i = 0; i < t->n_columns; i++)
		r->columns[i] = (struct sch_column *)reflected_column(c, s, t->name, t->columns[i],
								      s == c->db);
	return r;
}

static const struct sch_table *db_table(struct agc *c, const struct sch_table *t)
{
	return side_table(c, t, c->db);
}

static const struct sch_table *norm_table(struct agc *c, const struct sch_table *t)
{
	return side_table(c, t, c->in->norm);
}

/* Marks db table i of c->dbs and, transitively, the tables its foreign
 * keys refer to as reflected into one MetaData (SQLAlchemy reflects a
 * referred table along). */
static void mark_reflected(struct agc *c, bool *done, size_t i)
{
	const struct sch_table *t = c->dbs.v[i];

	if (done[i])
		return;
	done[i] = true;
	for (size_t k = 0; k < t->n_constraints; k++) {
		const struct sch_constraint *fk = t->constraints[k];
		long j = fk->kind == SCH_FOREIGN_KEY
				 ? lookup(&c->dbs, fk->ref_schema, fk->ref_table)
				 : -1;

		if (j >= 0)
			mark_reflected(c, done, (size_t)j);
	}
}

/* The "Detected sequence named ..." lines of db table i of c->dbs,
 * reflected into the MetaData whose tables done marks: none when it came in
 * already through another table's foreign key (its column_reflect listener
 * is attached only to tables reflected first-hand; _compare_tables). */
static void serial_log(struct agc *c, bool *done, size_t i)
{
	const struct sch_table *t = c->dbs.v[i];

	if (!c->is_pg || done[i])
		return;
	mark_reflected(c, done, i);
	for (size_t k = 0; k < t->n_columns; k++) {
		const char *q = db_pg_serial_sequence(c->a, c->db, t->name, t->columns[k]);

		if (q)
			agc_log(c, "%s", db_pg_serial_note(c->a, q, t->name, t->columns[k]->name));
	}
}

/* The tables one table's foreign keys refer to: positions in a sorted set. */
struct agc_refs {
	size_t *v; /* positions (the table itself left out) */
	size_t n;  /* their number */
};

static struct agc_refs *references(struct agc *c, const struct agc_tables *v)
{
	struct agc_refs *refs = arena_calloc(c->a, v->n + 1, sizeof(*refs));

	for (size_t i = 0; i < v->n; i++) {
		const struct sch_table *t = v->v[i];

		refs[i].v = arena_calloc(c->a, t->n_constraints + 1, sizeof(*refs[i].v));
		for (size_t k = 0; k < t->n_constraints; k++) {
			const struct sch_constraint *fk = t->constraints[k];
			long j = fk->kind == SCH_FOREIGN_KEY
					 ? lookup(v, fk->ref_schema, fk->ref_table)
					 : -1;

			if (j >= 0 && (size_t)j != i)
				refs[i].v[refs[i].n++] = (size_t)j;
		}
	}
	return refs;
}

/* Table i waits for a table it refers to that is not placed yet. */
static bool waits(const struct agc_refs *refs, const bool *done, size_t i)
{
	for (size_t k = 0; k < refs[i].n; k++)
		if (!done[refs[i].v[k]])
			return true;
	return false;
}

/* sqlalchemy.sql.ddl.sort_tables: layers of tables whose referred tables
 * (other than themselves) are all placed, each layer in name order
 * (util.topological.sort_as_subsets over the tables sorted by key).  A
 * cycle places the rest in name order (SQLAlchemy warns and does so too,
 * roughly).  O(layers x (tables + foreign keys)). */
static const struct sch_table **sort_tables(struct agc *c, const struct agc_tables *v)
{
	const struct sch_table **out = arena_calloc(c->a, v->n + 1, sizeof(*out));
	bool *done = arena_calloc(c->a, v->n + 1, sizeof(*done));
	bool *layer = arena_calloc(c->a, v->n + 1, sizeof(*layer));
	const struct agc_refs *refs = references(c, v);
	size_t placed = 0;

	while (placed < v->n) {
		size_t before = placed;

		for (size_t i = 0; i < v->n; i++)
			layer[i] = !done[i] && !waits(refs, done, i);
		for (size_t i = 0; i < v->n; i++)
			if (layer[i])
				out[placed++] = v->v[i], done[i] = true;
		if (placed == before) /* a cycle: the rest by name */
			for (size_t i = 0; i < v->n; i++)
				if (!done[i])
					out[placed++] = v->v[i], done[i] = true;
	}
	return out;
}

/* The model as written for norm table t, or NULL. */
static const struct sch_table *model_of(struct agc *c, const struct sch_table *t)
{
	for (size_t i = 0; t && c->in->model && i < c->in->n_model; i++)
		if (same_model_table(c, c->in->model[i], t))
			return c->in->model[i];
	return NULL;
}

static void added_table(struct agc *c, const struct sch_table *norm)
{
	struct agc_table t = {.norm = norm_table(c, norm), .model = model_of(c, norm)};
	struct mig_op *op = agc_push(c, MIG_CREATE_TABLE, norm->name, norm->schema);

	op->create = t.model ? t.model : t.norm;
	agc_push_inv(c, MIG_DROP_TABLE, norm->name, norm->schema);
	agc_log(c, "Detected added table %s",
		agc_repr(c, norm->schema ? arena_printf(c->a, "%s.%s", norm->schema, norm->name)
					 : norm->name));
	agc_indexes(c, &t);
}

static void removed_table(struct agc *c, bool *done, size_t i)
{
	const struct sch_table *db = c->dbs.v[i];
	struct agc_table t = {.db = db_table(c, db)};
	struct mig_op *op;

	serial_log(c, done, i);
	agc_indexes(c, &t);
	agc_push(c, MIG_DROP_TABLE, db->name, db->schema);
	op = agc_push_inv(c, MIG_CREATE_TABLE, db->name, db->schema);
	op->create = t.db;
	agc_log(c, "Detected removed table %s",
		agc_repr(c, db->schema ? arena_printf(c->a, "%s.%s", db->schema, db->name)
				       : db->name));
}

static void existing_table(struct agc *c, const struct sch_table *db, const struct sch_table *norm)
{
	struct agc_table t = {
		.db = db_table(c, db), .norm = norm_table(c, norm), .model = model_of(c, norm)};

	agc_columns(c, &t);
	agc_indexes(c, &t);
	agc_foreign_keys(c, &t);
	agc_table_comment(c, &t);
	agc_checks(c, &t);
	agc_removed_columns(c, &t);
}

/* The model's tables in metadata.sorted_tables order, as norm's tables. */
static const struct sch_table **model_order(struct agc *c, size_t *n)
{
	const struct db_schema *norm = c->in->norm;
	const struct sch_table **v;

	*n = 0;
	if (!c->in->model)
		return (*n = c->norms.n), sort_tables(c, &c->norms);
	v = arena_calloc(c->a, c->in->n_model + 1, sizeof(*v));
	for (size_t i = 0; i < c->in->n_model; i++)
		for (size_t j = 0; j < norm->n_tables; j++)
			if (same_model_table(c, c->in->model[i], norm->tables[j])) {
				v[(*n)++] = norm->tables[j];
				break;
			}
	return v;
}

/* Tables x and y have the same columns: names in order, types alike. */
static bool same_shape(struct agc *c, const struct sch_table *x, const struct sch_table *y)
{
	if (x->n_columns != y->n_columns)
		return false;
	for (size_t i = 0; i < x->n_columns; i++) {
		const struct sch_column *a = x->columns[i], *b = y->columns[i];

		if (strcmp(a->name, b->name) || !a->type || !b->type ||
		    agc_types_differ(c, a->type, b->type))
			return false;
	}
	return true;
}

/* An added table (norm's, not in the database) of the shape of removed
 * table db that no earlier candidate takes: maybe a rename. */
static void table_candidate(struct agc *c, const struct sch_table *const *added, size_t n,
			    const struct sch_table *db)
{
	for (size_t i = 0; i < n; i++) {
		struct ag_rename r = {added[i]->schema, added[i]->name, NULL, db->name, NULL, 0};
		bool used = false;

		if (find(&c->dbs, added[i]) || !str_eq(added[i]->schema, db->schema) ||
		    !same_shape(c, added[i], db))
			continue;
		for (size_t k = 0; k < c->cand.n; k++)
			used = used ||
			       (!c->cand.v[k].column && str_eq(c->cand.v[k].schema, r.schema) &&
				!strcmp(c->cand.v[k].table, r.table));
		if (!used) {
			agc_rename_push(c, &c->cand, &r);
			return;
		}
	}
}

static void compare_tables(struct agc *c)
{
	size_t n_model, n = c->dbs.n;
	const struct sch_table **order = model_order(c, &n_model);
	bool *removal = arena_calloc(c->a, n + 1, sizeof(*removal)); /* reflected tables */
	bool *existing = arena_calloc(c->a, n + 1, sizeof(*existing));

	for (size_t i = 0; i < n_model; i++)
		if (!find(&c->dbs, order[i]))
			added_table(c, order[i]);
	for (size_t i = 0; i < n; i++)
		if (!find(&c->norms, c->dbs.v[i])) {
			removed_table(c, removal, i);
			table_candidate(c, order, n_model, c->dbs.v[i]);
		}
	for (size_t i = 0; i < n; i++)
		if (find(&c->norms, c->dbs.v[i]))
			serial_log(c, existing, i);
	for (size_t i = 0; i < n; i++) {
		const struct sch_table *t = find(&c->norms, c->dbs.v[i]);

		if (t)
			existing_table(c, c->dbs.v[i], t);
	}
}

int ag_compare(struct arena *a, const struct ag_input *in, struct ag_result *out, struct err *e)
{
	struct agc c = {.a = a,
			.in = in,
			.detected = &out->detected,
			.warnings = &out->warnings,
			.warnings_at = &out->warnings_at,
			.db = in->db};
	struct mig_op *down;

	memset(out, 0, sizeof(*out));
	c.is_pg = in->dialect && !strcmp(in->dialect, "postgresql");
	c.is_sqlite = in->dialect && !strcmp(in->dialect, "sqlite");
	c.comments = c.is_pg;
	c.norms = sorted_set(&c, in->norm->tables, in->norm->n_tables);
	if (agc_renames(&c, e) < 0)
		return -1;
	c.dbs = sorted_set(&c, c.db->tables, c.db->n_tables);
	compare_tables(&c);
	out->candidates = c.cand.v;
	out->n_candidates = c.cand.n;
	down = arena_calloc(a, c.inv.n + 1, sizeof(*down));
	for (size_t i = 0; i < c.inv.n; i++)
		down[i] = c.inv.v[c.inv.n - 1 - i];
	out->upgrade.ops = c.up.v;
	out->upgrade.n_ops = c.up.n;
	out->downgrade.ops = down;
	out->downgrade.n_ops = c.inv.n;
	return 0;
}

bool ag_detected_is_note(const char *line)
{
	return !strncmp(line, AG_SERIAL_NOTE, strlen(AG_SERIAL_NOTE));
}
