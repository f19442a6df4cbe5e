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
 *                   add_column and alter_column's type_ get a CREATE TYPE;
 *                   a create_table column whose type exists already gets
 *                   it as postgresql.ENUM(..., create_type=False) (Alembic
 *                   1.8.1's fails with 'type "x" already exists').
 *                   A type both sides have whose values differ (Alembic
 *                   1.8.1 sees nothing): values only added -> ALTER TYPE
 *                   ... ADD VALUE in an autocommit block at the start of
 *                   the direction; a value removed or moved -> the type
 *                   rebuilt (renamed away, created anew, its columns
 *                   converted through text, the old one dropped) at the
 *                   end, inside the transaction; one "Detected changed
 *                   enum ..." line for the upgrade.
 * Pure.
 */
#include "autogen/autogen.h"

#include "base/buf.h"
#include "py/py.h"
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
	struct strvec memo;         /* created by its create_tables (the runtime's memo) */
	struct mig_op *ops;         /* the direction being rebuilt */
	size_t n, cap;
};

static const char *enum_key(struct arena *a, const char *schema, const char *dflt, const char *name)
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

	return t && sch_type_extra(t, "postgresql", x, &e) == 0 && x->create_type && x->type_name;
}

/* A create_table makes its own enum types (SQLAlchemy's before_create, once
 * per name and run: the memo); a column whose type exists already (and was
 * not made by an earlier create_table) gets it as postgresql.ENUM(...,
 * create_type=False) in a copy of the table, so the op does not fail with
 * 'type "x" already exists'. */
static void enum_create_table(struct enum_state *st, struct mig_op *op)
{
	struct sch_table *t = NULL;
	struct sch_type_extra x;
	const char *key;

	for (size_t i = 0; i < op->create->n_columns; i++) {
		const struct sch_column *col = op->create->columns[i];
		const struct sch_type *ex = sch_type_enum_existing(st->a, col->type);

		if (!enum_of(col->type, &x))
			continue;
		key = enum_key(st->a, x.type_schema, NULL, x.type_name);
		if (strvec_find(&st->names, key) < 0 || strvec_find(&st->memo, key) >= 0 || !ex) {
			strvec_push_unique(st->a, &st->names, key);
			strvec_push_unique(st->a, &st->made, key);
			strvec_push_unique(st->a, &st->memo, key);
			continue;
		}
		if (!t) {
			t = arena_alloc(st->a, sizeof(*t));
			*t = *op->create;
			t->columns = arena_calloc(st->a, t->n_columns, sizeof(*t->columns));
			memcpy(t->columns, op->create->columns, t->n_columns * sizeof(*t->columns));
		}
		t->columns[i] = arena_alloc(st->a, sizeof(*t->columns[i]));
		*t->columns[i] = *col;
		t->columns[i]->type = ex;
	}
	if (t)
		op->create = t;
}

/* Before op, the CREATE TYPE of an enum it uses that does not exist yet. */
static void enum_before(struct enum_state *st, struct mig_op *op)
{
	struct sch_type_extra x;
	const char *key;

	if (op->kind == MIG_CREATE_TABLE && op->create) {
		enum_create_table(st, op);
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
		strvec_push_unique(
			a, out,
			enum_key(a, s->enums[i].schema, s->default_schema, s->enums[i].name));
}

/* The enum types some column of s uses: only those are the model's to drop
 * (a type no table uses may serve a function or a view). */
static void enum_used(struct arena *a, const struct db_schema *s, struct strvec *out)
{
	struct sch_type_extra x;

	for (size_t i = 0; i < s->n_tables; i++)
		for (size_t k = 0; k < s->tables[i]->n_columns; k++)
			if (enum_of(s->tables[i]->columns[k]->type, &x))
				strvec_push_unique(
					a, out,
					enum_key(a, x.type_schema, s->default_schema, x.type_name));
}

/* ---- PostgreSQL enum values ---- */

/* A type whose values change between the two sides of a direction. */
struct enum_change {
	const struct sch_enum_def *was, *now; /* the two sides' definitions */
	const char *key;                      /* enum_key of the type */
	const char *schema;                   /* its schema, NULL: the default one */
	bool rebuild;                         /* a value removed or moved: ALTER TYPE cannot */
};

static bool enum_has(const struct sch_enum_def *d, const char *v)
{
	for (size_t i = 0; i < d->n_labels; i++)
		if (!strcmp(d->labels[i], v))
			return true;
	return false;
}

static bool enum_same(const struct sch_enum_def *x, const struct sch_enum_def *y)
{
	if (x->n_labels != y->n_labels)
		return false;
	for (size_t i = 0; i < x->n_labels; i++)
		if (strcmp(x->labels[i], y->labels[i]))
			return false;
	return true;
}

/* Whether was's values are all in now, in the same order (only additions). */
static bool enum_only_added(const struct sch_enum_def *was, const struct sch_enum_def *now)
{
	size_t j = 0;

	for (size_t i = 0; i < now->n_labels && j < was->n_labels; i++)
		if (!strcmp(now->labels[i], was->labels[j]))
			j++;
	return j == was->n_labels;
}

/* The types of `from` whose values `to` changes, in from's order. */
static size_t enum_changes(struct arena *a, const struct db_schema *from,
			   const struct db_schema *to, struct enum_change **out)
{
	struct enum_change *v = arena_calloc(a, from->n_enums + 1, sizeof(*v));
	size_t n = 0;

	for (size_t i = 0; i < from->n_enums; i++) {
		const struct sch_enum_def *f = &from->enums[i];
		const char *key = enum_key(a, f->schema, from->default_schema, f->name);

		for (size_t k = 0; k < to->n_enums; k++) {
			const struct sch_enum_def *t = &to->enums[k];

			if (strcmp(key, enum_key(a, t->schema, to->default_schema, t->name)) ||
			    enum_same(f, t))
				continue;
			v[n].was = f;
			v[n].now = t;
			v[n].key = key;
			v[n].schema = key[0] == '.' ? NULL : f->schema;
			v[n++].rebuild = !enum_only_added(f, t);
		}
	}
	*out = v;
	return n;
}

static const char *buf_take(struct arena *a, struct buf *b)
{
	const char *r = arena_strndup(a, buf_cstr(b), b->len);

	buf_release(b);
	return r;
}

/* The type's name as SQL (with suffix: the old one of a rebuild). */
static void enum_ident(struct arena *a, struct buf *b, const struct enum_change *c,
		       const char *suffix)
{
	const struct sql_dialect *pg = sql_dialect_find("postgresql");

	if (c->schema) {
		sql_quote_ident(pg, b, c->schema);
		buf_addch(b, '.');
	}
	sql_quote_ident(pg, b, arena_printf(a, "%s%s", c->was->name, suffix ? suffix : ""));
}

/* ALTER TYPE x ADD VALUE IF NOT EXISTS 'v' [BEFORE 'w'] for each value now
 * adds, in its order: before the next value was has, else at the end. */
static void enum_add_values(struct enum_state *inner, const struct enum_change *c)
{
	const struct sch_enum_def *now = c->now;

	for (size_t i = 0; i < now->n_labels; i++) {
		struct buf b = BUF_INIT;

		if (enum_has(c->was, now->labels[i]))
			continue;
		buf_adds(&b, "ALTER TYPE ");
		enum_ident(inner->a, &b, c, NULL);
		buf_adds(&b, " ADD VALUE IF NOT EXISTS ");
		sql_quote_literal(&b, now->labels[i]);
		for (size_t k = i + 1; k < now->n_labels; k++)
			if (enum_has(c->was, now->labels[k])) {
				buf_adds(&b, " BEFORE ");
				sql_quote_literal(&b, now->labels[k]);
				break;
			}
		enum_exec(inner, buf_take(inner->a, &b));
	}
}

/* Whether col (of a table of s) is of the changed type. */
static bool enum_col_is(struct arena *a, const struct db_schema *s, const struct sch_column *col,
			const struct enum_change *c)
{
	struct sch_type_extra x;

	return enum_of(col->type, &x) &&
	       !strcmp(enum_key(a, x.type_schema, s->default_schema, x.type_name), c->key);
}

/* A default's value without its cast ('draft'::x -> 'draft'), or NULL. */
static const char *enum_default(struct arena *a, const struct sch_column *col)
{
	const char *s = col->server_default ? col->server_default->s : NULL;
	const char *cast = s ? strstr(s, "::") : NULL;

	if (!s)
		return NULL;
	return s[0] == '\'' && cast ? arena_strndup(a, s, (size_t)(cast - s)) : s;
}

/* ALTER TABLE t ALTER COLUMN c <what>, or TYPE x USING c::text::x. */
static void enum_alter_col(struct enum_state *st, const struct sch_table *t, const char *dflt,
			   const struct sch_column *col, const struct enum_change *c,
			   const char *what)
{
	const struct sql_dialect *pg = sql_dialect_find("postgresql");
	struct buf b = BUF_INIT;

	buf_adds(&b, "ALTER TABLE ");
	if (t->schema && !(dflt && !strcmp(t->schema, dflt))) {
		sql_quote_ident(pg, &b, t->schema);
		buf_addch(&b, '.');
	}
	sql_quote_ident(pg, &b, t->name);
	buf_adds(&b, " ALTER COLUMN ");
	sql_quote_ident(pg, &b, col->name);
	if (what) {
		buf_addf(&b, " %s", what);
	} else {
		buf_adds(&b, " TYPE ");
		enum_ident(st->a, &b, c, NULL);
		buf_adds(&b, " USING ");
		sql_quote_ident(pg, &b, col->name);
		buf_adds(&b, "::text::");
		enum_ident(st->a, &b, c, NULL);
	}
	enum_exec(st, buf_take(st->a, &b));
}

/* One column of s of the rebuilt type, converted through text (its default
 * dropped and set again around that). */
static void enum_convert_col(struct enum_state *st, const struct db_schema *s,
			     const struct sch_table *t, const struct sch_column *col,
			     const struct enum_change *c)
{
	const char *d = enum_default(st->a, col);

	if (d)
		enum_alter_col(st, t, s->default_schema, col, c, "DROP DEFAULT");
	enum_alter_col(st, t, s->default_schema, col, c, NULL);
	if (d)
		enum_alter_col(st, t, s->default_schema, col, c,
			       arena_printf(st->a, "SET DEFAULT %s", d));
}

/* A value removed or moved: the type renamed away, made anew, each column
 * of s (the direction's end state) using it converted, the old type
 * dropped; all inside the transaction. */
static void enum_rebuild(struct enum_state *st, const struct enum_change *c,
			 const struct db_schema *s)
{
	struct buf b = BUF_INIT;
	struct sch_type_extra x = {0};

	buf_adds(&b, "ALTER TYPE ");
	enum_ident(st->a, &b, c, NULL);
	buf_adds(&b, " RENAME TO ");
	sql_quote_ident(sql_dialect_find("postgresql"), &b,
			arena_printf(st->a, "%s_old", c->was->name));
	enum_exec(st, buf_take(st->a, &b));
	x.type_name = c->was->name;
	x.type_schema = c->schema;
	x.values = c->now->labels;
	x.n_values = c->now->n_labels;
	enum_exec(st, enum_create_sql(st->a, &x));
	for (size_t i = 0; i < s->n_tables; i++)
		for (size_t k = 0; k < s->tables[i]->n_columns; k++)
			if (enum_col_is(st->a, s, s->tables[i]->columns[k], c))
				enum_convert_col(st, s, s->tables[i], s->tables[i]->columns[k], c);
	b = (struct buf)BUF_INIT;
	buf_adds(&b, "DROP TYPE ");
	enum_ident(st->a, &b, c, "_old");
	enum_exec(st, buf_take(st->a, &b));
}

static const char *enum_values_repr(struct arena *a, const struct sch_enum_def *d)
{
	struct buf b = BUF_INIT;

	buf_addch(&b, '[');
	for (size_t i = 0; i < d->n_labels; i++) {
		if (i)
			buf_adds(&b, ", ");
		pyv_repr_str(&b, d->labels[i], strlen(d->labels[i]));
	}
	buf_addch(&b, ']');
	return buf_take(a, &b);
}

/* The additions, first: one autocommit block (ADD VALUE's value cannot be
 * used in the transaction that adds it). */
static void enum_values_first(struct enum_state *st, const struct enum_change *v, size_t n)
{
	struct enum_state inner = {st->a, NULL, STRVEC_INIT, STRVEC_INIT, STRVEC_INIT, NULL, 0, 0};
	struct mig_op op = {0};

	for (size_t i = 0; i < n; i++)
		if (!v[i].rebuild)
			enum_add_values(&inner, &v[i]);
	if (!inner.n)
		return;
	op.kind = MIG_AUTOCOMMIT;
	op.body = inner.ops;
	op.n_body = inner.n;
	enum_push(st, &op);
}

/* One direction: from the types of `from` to those of `to`. */
static void enum_direction(struct arena *a, struct mig_body *b, const struct db_schema *from,
			   const struct db_schema *to, struct strvec *detected)
{
	struct enum_state st = {
		a, from->default_schema, STRVEC_INIT, STRVEC_INIT, STRVEC_INIT, NULL, 0, 0};
	struct strvec want = STRVEC_INIT, used = STRVEC_INIT;
	struct enum_change *ch;
	size_t n_ch = enum_changes(a, from, to, &ch);

	for (size_t i = 0; detected && i < n_ch; i++)
		strvec_push(a, detected,
			    arena_printf(a, "Detected changed enum '%s%s%s': values %s to %s",
					 ch[i].schema ? ch[i].schema : "", ch[i].schema ? "." : "",
					 ch[i].was->name, enum_values_repr(a, ch[i].was),
					 enum_values_repr(a, ch[i].now)));
	enum_values_first(&st, ch, n_ch);
	enum_names(a, from, &st.names);
	enum_names(a, to, &want);
	enum_used(a, from, &used);
	for (size_t i = 0; i < b->n_ops; i++) {
		struct mig_op op = b->ops[i];

		enum_before(&st, &op);
		enum_push(&st, &op);
	}
	/* removals last: the direction's own ops have moved defaults and rows
	 * off the values that go */
	for (size_t i = 0; i < n_ch; i++)
		if (ch[i].rebuild)
			enum_rebuild(&st, &ch[i], to);
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
	enum_direction(a, &r->upgrade, in->db, in->norm, &r->detected);
	enum_direction(a, &r->downgrade, in->norm, in->db, NULL);
}
