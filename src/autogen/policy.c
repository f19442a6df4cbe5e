/*
 * policy.c - decisions autogenerate takes about the whole file, beyond
 * what Alembic does (each **differs**, see docs/DESIGN.md):
 *   ag_needs_batch  on SQLite, a file with an operation SQLite cannot run as
 *                   ALTER TABLE is rendered in batch mode as a whole
 *                   (Alembic's render_as_batch=True), so that the migration
 *                   runs there (Alembic 1.8.1 writes op.alter_column, which
 *                   fails half-way on SQLite, ref 12.7).
 *   ag_enum_types   on PostgreSQL, the enum types a direction needs are
 *                   created before their first user and the ones it leaves
 *                   unused dropped at its end, as op.execute("CREATE TYPE
 *                   ...") / op.execute("DROP TYPE ..."), which both runtimes
 *                   run (Alembic 1.8.1 writes neither: its add_column of a
 *                   new enum fails with 'type "x" does not exist' and its
 *                   drop_table leaves the type, so down + up fails with
 *                   "already exists", ref 12.3).  create_table creates its
 *                   own enum types (SQLAlchemy's before_create), so only
 *                   add_column and alter_column's type_ get a CREATE TYPE.
 * Pure.
 */
#include "autogen/autogen.h"

#include "base/buf.h"
#include "schema/type.h"
#include "sql/dialect.h"

/* Operations SQLite's ALTER TABLE cannot do (Alembic's SQLiteImpl refuses
 * or emits what SQLite rejects), DROP COLUMN included: SQLite refuses it
 * for a column in an index, a key or a constraint. */
static bool needs_batch(const struct mig_op *op)
{
	const struct mig_alter *al = &op->alter;

	switch (op->kind) {
	case MIG_ALTER_COLUMN: /* a rename alone is ALTER TABLE ... RENAME (SQLite >= 3.25) */
		return !al->new_name || al->type || al->nullable != SCH_UNSET ||
		       al->server_default_given || al->comment_given;
	case MIG_DROP_COLUMN:
	case MIG_ADD_CONSTRAINT:
	case MIG_DROP_CONSTRAINT:
		return true;
	default:
		return false;
	}
}

bool ag_needs_batch(const char *dialect, const struct mig_body *b)
{
	if (!dialect || strcmp(dialect, "sqlite"))
		return false;
	for (size_t i = 0; i < b->n_ops; i++)
		if (needs_batch(&b->ops[i]))
			return true;
	return false;
}

/* ---- PostgreSQL enum types ---- */

/* The enum types known at one point of a direction, by "schema.name"
 * (schema "" for the default one). */
struct enum_state {
	struct arena *a;
	const char *default_schema; /* of the side the names come from */
	struct strvec names;        /* present now */
	struct strvec made;         /* created by this direction */
	struct mig_op *ops;         /* the direction being rebuilt */
	size_t n, cap;
};

static const char *enum_key(struct arena *a, const char *schema, const char *dflt,
			    const char *name)
{
	bool is_default = !schema || (dflt && !strcmp(schema, dflt));

	return arena_printf(a, "%s.%s", is_default ? "" : schema, name);
}

static void enum_push(struct enum_state *st, const struct mig_op *op)
{
	if (st->n == st->cap) {
		size_t ncap = st->cap ? st->cap * 2 : 8;
		st->ops = arena_grow(st->a, st->ops, st->cap, ncap, sizeof(*st->ops));
		st->cap = ncap;
	}
	st->ops[st->n++] = *op;
}

static void enum_exec(struct enum_state *st, const char *sql)
{
	struct mig_op op = {0};

	op.kind = MIG_EXECUTE;
	op.sql = sql;
	enum_push(st, &op);
}

/* CREATE TYPE of x's enum, as SQLAlchemy's CreateEnumType compiles it. */
static const char *enum_create_sql(struct arena *a, const struct sch_type_extra *x)
{
	const struct sql_dialect *d = sql_dialect_find("postgresql");
	struct buf b = BUF_INIT;
	const char *r;

	buf_adds(&b, "CREATE TYPE ");
	if (x->type_schema) {
		sql_quote_ident(d, &b, x->type_schema);
		buf_addch(&b, '.');
	}
	sql_quote_ident(d, &b, x->type_name);
	buf_adds(&b, " AS ENUM (");
	for (size_t i = 0; i < x->n_values; i++) {
		if (i)
			buf_adds(&b, ", ");
		sql_quote_literal(&b, x->values[i]);
	}
	buf_addch(&b, ')');
	r = arena_strndup(a, buf_cstr(&b), b.len);
	buf_release(&b);
	return r;
}

static const char *enum_drop_sql(struct arena *a, const char *key)
{
	const struct sql_dialect *d = sql_dialect_find("postgresql");
	const char *dot = strchr(key, '.');
	struct buf b = BUF_INIT;
	const char *r;

	buf_adds(&b, "DROP TYPE ");
	if (dot != key) {
		sql_quote_ident(d, &b, arena_strndup(a, key, (size_t)(dot - key)));
		buf_addch(&b, '.');
	}
	sql_quote_ident(d, &b, dot + 1);
	r = arena_strndup(a, buf_cstr(&b), b.len);
	buf_release(&b);
	return r;
}

/* t's native enum type, or false. */
static bool enum_of(const struct sch_type *t, struct sch_type_extra *x)
{
	struct err e;

	return t && sch_type_extra(t, "postgresql", x, &e) == 0 && x->create_type &&
	       x->type_name;
}

/* Before op, the CREATE TYPE of an enum it uses that does not exist yet;
 * a create_table makes its own. */
static void enum_before(struct enum_state *st, const struct mig_op *op)
{
	struct sch_type_extra x;
	const char *key;

	if (op->kind == MIG_CREATE_TABLE && op->create) {
		for (size_t i = 0; i < op->create->n_columns; i++)
			if (enum_of(op->create->columns[i]->type, &x)) {
				key = enum_key(st->a, x.type_schema, NULL, x.type_name);
				strvec_push_unique(st->a, &st->names, key);
				strvec_push_unique(st->a, &st->made, key);
			}
		return;
	}
	if (!((op->kind == MIG_ADD_COLUMN && op->column && enum_of(op->column->type, &x)) ||
	      (op->kind == MIG_ALTER_COLUMN && enum_of(op->alter.type, &x))))
		return;
	key = enum_key(st->a, x.type_schema, NULL, x.type_name);
	if (strvec_find(&st->names, key) >= 0)
		return;
	enum_exec(st, enum_create_sql(st->a, &x));
	strvec_push(st->a, &st->names, key);
	strvec_push(st->a, &st->made, key);
}

static bool enum_made(const struct enum_state *st, const char *key)
{
	return strvec_find(&st->made, key) >= 0;
}

static void enum_names(struct arena *a, const struct db_schema *s, struct strvec *out)
{
	for (size_t i = 0; i < s->n_enums; i++)
		strvec_push_unique(a, out,
				   enum_key(a, s->enums[i].schema, s->default_schema,
					    s->enums[i].name));
}

/* The enum types some column of s uses: only those are the model's to drop
 * (a type no table uses may serve a function or a view). */
static void enum_used(struct arena *a, const struct db_schema *s, struct strvec *out)
{
	struct sch_type_extra x;

	for (size_t i = 0; i < s->n_tables; i++)
		for (size_t k = 0; k < s->tables[i]->n_columns; k++)
			if (enum_of(s->tables[i]->columns[k]->type, &x))
				strvec_push_unique(a, out,
						   enum_key(a, x.type_schema, s->default_schema,
							    x.type_name));
}

/* One direction: from the types of `from` to those of `to`. */
static void enum_direction(struct arena *a, struct mig_body *b, const struct db_schema *from,
			   const struct db_schema *to)
{
	struct enum_state st = {a, from->default_schema, STRVEC_INIT, STRVEC_INIT, NULL, 0, 0};
	struct strvec want = STRVEC_INIT, used = STRVEC_INIT;

	enum_names(a, from, &st.names);
	enum_names(a, to, &want);
	enum_used(a, from, &used);
	for (size_t i = 0; i < b->n_ops; i++) {
		enum_before(&st, &b->ops[i]);
		enum_push(&st, &b->ops[i]);
	}
	strvec_sort(&st.names);
	for (size_t i = 0; i < st.names.n; i++)
		if (strvec_find(&want, st.names.v[i]) < 0 &&
		    (strvec_find(&used, st.names.v[i]) >= 0 || enum_made(&st, st.names.v[i])))
			enum_exec(&st, enum_drop_sql(a, st.names.v[i]));
	b->ops = st.ops;
	b->n_ops = st.n;
}

void ag_enum_types(struct arena *a, const struct ag_input *in, struct ag_result *r)
{
	if (!in->dialect || strcmp(in->dialect, "postgresql"))
		return;
	enum_direction(a, &r->upgrade, in->db, in->norm);
	enum_direction(a, &r->downgrade, in->norm, in->db);
}
