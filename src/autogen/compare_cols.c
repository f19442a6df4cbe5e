/*
 * compare_cols.c - the column level of ag_compare: Alembic 1.8.1's
 * compare.py _compare_columns (added columns in the model's order, then
 * each common column through the "column" comparators in their
 * registration order: _compare_nullable, _setup_autoincrement,
 * _compare_type, _compare_server_default, _compare_column_comment; removed
 * columns after the table's constraints).
 *
 * Types are compared as DefaultImpl.compare_type does, on the DDL both
 * reflected types compile to for the dialect (tokenised; synonyms
 * NUMERIC/DECIMAL and, on PostgreSQL, FLOAT/DOUBLE PRECISION; arguments
 * compared only when both sides have the same number), so String() ->
 * String(100) goes unnoticed as in Alembic.  Server defaults: both sides
 * are the database's text; SQLite strips one outer pair of parentheses and
 * the quotes of a literal on both (Alembic strips the parentheses on the
 * model side only, so an expression default it reflects as "(expr)" shows
 * as a change every time: we do not repeat that false positive);
 * PostgreSQL compares the normalised texts (Alembic asks the database
 * whether they are equal).
 *
 * Removed columns come in the database's column order (Alembic: set order).
 */
#include "autogen/compare_int.h"

#include <string.h>

#include "base/str.h"
#include "schema/type.h"

/* "schema.table" or "table", as Alembic names a table in its messages. */
static const char *qual_name(struct agc *c, const struct sch_table *t)
{
	return t->schema ? arena_printf(c->a, "%s.%s", t->schema, t->name) : t->name;
}

/* The column as the model writes it, else as norm reads it back. */
static const struct sch_column *model_column(const struct agc_table *t,
					     const struct sch_column *norm)
{
	const struct sch_column *m = t->model ? agc_column(t->model, norm->name) : NULL;

	return m ? m : norm;
}

/* A type's tokens as DefaultImpl._tokenize_column_type splits its DDL. */
struct type_params {
	struct strvec terms; /* token0 and the other words, lower case */
	struct strvec args;  /* the positional arguments of the last (...) */
};

static void tokenize(struct agc *c, const char *ddl, struct type_params *p)
{
	const char *paren = NULL, *pend = NULL;

	for (const char *s = ddl; *s;) {
		const char *b = s;

		if (*s == '(' && s[1] && strchr(s + 2, ')')) {
			paren = s + 1;
			pend = strchr(s + 2, ')');
			s = pend + 1;
		} else if (str_isalnum(*s) || *s == '_' || *s == '-') {
			while (str_isalnum(*s) || *s == '_' || *s == '-')
				s++;
			strvec_push(c->a, &p->terms, str_lower(c->a, arena_strndup(c->a, b,
										(size_t)(s - b))));
		} else {
			s++;
		}
	}
	for (const char *s = paren; s && s < pend;) {
		const char *b = s;

		while (s < pend && *s != ',')
			s++;
		char *arg = str_strip(c->a, arena_strndup(c->a, b, (size_t)(s - b)));

		if (*arg && !strchr(arg, '='))
			strvec_push(c->a, &p->args, arg);
		s += s < pend;
	}
}

static bool vec_eq(const struct strvec *x, size_t from_x, const struct strvec *y,
		   size_t from_y)
{
	if (x->n - from_x != y->n - from_y)
		return false;
	for (size_t i = 0; from_x + i < x->n; i++)
		if (strcmp(x->v[from_x + i], y->v[from_y + i]))
			return false;
	return true;
}

/* One of impl.type_synonyms holds both (whole terms, or token0). */
static bool synonyms(struct agc *c, const struct type_params *x, const struct type_params *y)
{
	static const char *const sets[][3] = {{"numeric", "decimal", NULL},
					      {"float", "double precision", NULL}};
	const char *tx[2] = {x->terms.v[0], strvec_join(c->a, &x->terms, " ")};
	const char *ty[2] = {y->terms.v[0], strvec_join(c->a, &y->terms, " ")};

	for (size_t s = 0; s < (c->is_pg ? 2u : 1u); s++)
		for (size_t k = 0; k < 2; k++) {
			bool hx = false, hy = false;

			for (size_t i = 0; sets[s][i]; i++) {
				hx = hx || !strcmp(sets[s][i], tx[k]);
				hy = hy || !strcmp(sets[s][i], ty[k]);
			}
			if (hx && hy)
				return true;
		}
	return false;
}

/* DefaultImpl.compare_type on the two compiled types: true when they differ. */
bool agc_types_differ(struct agc *c, const struct sch_type *x, const struct sch_type *y)
{
	struct buf bx = BUF_INIT, by = BUF_INIT;
	struct type_params px = {STRVEC_INIT, STRVEC_INIT}, py = {STRVEC_INIT, STRVEC_INIT};
	struct err e;
	bool differ = false;

	if (sql_type_ddl(c->a, c->in->dialect, x, &bx, &e) < 0 ||
	    sql_type_ddl(c->a, c->in->dialect, y, &by, &e) < 0)
		goto out;
	tokenize(c, buf_cstr(&bx), &px);
	tokenize(c, buf_cstr(&by), &py);
	if (!px.terms.n || !py.terms.n)
		goto out;
	if (strcmp(px.terms.v[0], py.terms.v[0]) && !synonyms(c, &px, &py))
		differ = true;
	else if (px.terms.n == py.terms.n && !vec_eq(&px.terms, 1, &py.terms, 1))
		differ = true;
	else if (px.args.n == py.args.n && !vec_eq(&px.args, 0, &py.args, 0))
		differ = true;
out:
	buf_release(&bx);
	buf_release(&by);
	return differ;
}

/* repr() of a type: what the renderer writes, module paths dropped
 * ("sqlmodel.sql.sqltypes.AutoString(length=200)" -> "AutoString(length=200)",
 * "postgresql.JSONB(astext_type=sa.Text())" -> "JSONB(astext_type=Text())"). */
static const char *type_repr(struct agc *c, const struct sch_type *t)
{
	struct buf b = BUF_INIT, r = BUF_INIT;
	const char *out;
	char quote = 0;

	sch_type_render_py(c->a, t, c->in->dialect, &b, NULL);
	for (const char *s = buf_cstr(&b); *s;) {
		const char *last = s;

		if (quote && *s == '\\' && s[1]) {
			buf_add(&r, s, 2);
			s += 2;
		} else if (quote || *s == '\'' || *s == '"' || !(str_isalpha(*s) || *s == '_')) {
			quote = quote ? (*s == quote ? 0 : quote) : (*s == '\'' || *s == '"') ? *s : 0;
			buf_addch(&r, *s++);
		} else {
			for (; str_isalnum(*s) || *s == '_' || *s == '.'; s++)
				if (*s == '.')
					last = s + 1;
			buf_add(&r, last, (size_t)(s - last));
		}
	}
	out = buf_to_arena(&r, c->a);
	buf_release(&b);
	buf_release(&r);
	return out;
}

/* col is a column of a foreign key (its own or the table's). */
static bool has_fk(const struct sch_table *t, const struct sch_column *col)
{
	for (size_t i = 0; i < t->n_constraints; i++)
		if (t->constraints[i]->kind == SCH_FOREIGN_KEY &&
		    strvec_find(&t->constraints[i]->columns, col->name) >= 0)
			return true;
	return col->n_fks > 0;
}

/* Table._autoincrement_column is col (SQLAlchemy 1.4): the one primary key
 * column, of integer (or numeric) type, autoincrement "auto"/True, without
 * a server default (unless autoincrement=True) or a foreign key (unless
 * True/"ignore_fk"). */
static bool is_autoinc_column(const struct sch_table *t, const struct sch_column *col)
{
	size_t npk = 0;
	enum sch_type_family f = col->type ? col->type->family : SCH_T_OTHER;

	for (size_t i = 0; i < t->n_columns; i++)
		npk += t->columns[i]->primary_key;
	if (npk && !col->primary_key)
		return false;
	for (size_t i = 0; npk == 0 && i < t->n_constraints; i++)
		if (t->constraints[i]->kind == SCH_PRIMARY_KEY)
			npk = t->constraints[i]->columns.n,
			col = strvec_find(&t->constraints[i]->columns, col->name) >= 0 ? col : NULL;
	if (!col || npk != 1 || col->autoincrement == SCH_AUTOINC_FALSE)
		return false;
	if (col->autoincrement == SCH_AUTOINC_TRUE)
		return true;
	if (f != SCH_T_INTEGER && f != SCH_T_NUMERIC)
		return false;
	if (col->server_default && !col->identity)
		return false;
	return !has_fk(t, col) || col->autoincrement == SCH_AUTOINC_IGNORE_FK;
}

/* SQLiteImpl.compare_server_default's normalisation, applied to both sides. */
static const char *sqlite_default_text(struct agc *c, const char *s)
{
	size_t n = s ? strlen(s) : 0;

	if (n > 2 && s[0] == '(' && s[n - 1] == ')')
		s = arena_strndup(c->a, s + 1, n -= 2);
	if (n > 2 && s[0] == '"' && s[1] == '\'' && s[n - 2] == '\'' && s[n - 1] == '"')
		return arena_strndup(c->a, s + 2, n - 4);
	if (n > 2 && s[0] == '\'' && s[n - 1] == '\'')
		return arena_strndup(c->a, s + 1, n - 2);
	return s;
}

static bool defaults_differ(struct agc *c, const struct sch_expr *db, const struct sch_expr *norm)
{
	const char *x = db ? db->s : NULL, *y = norm ? norm->s : NULL;

	if (c->is_sqlite)
		x = x ? sqlite_default_text(c, x) : NULL, y = y ? sqlite_default_text(c, y) : NULL;
	return !str_eq(x, y);
}

/* _compare_nullable; a generated column whose model leaves nullable unset,
 * or an identity column, is not altered (Alembic logs the same line for both). */
static void compare_nullable(struct agc *c, const struct sch_table *t, const struct sch_column *db,
			     const struct sch_column *norm, const struct sch_column *model,
			     struct mig_alter *al)
{
	bool dbn = db->nullable != SCH_FALSE, nn = norm->nullable != SCH_FALSE;

	al->existing_nullable = dbn ? SCH_TRUE : SCH_FALSE;
	if (dbn == nn)
		return;
	if (db->identity || norm->identity ||
	    ((db->computed || norm->computed) && model->nullable == SCH_UNSET)) {
		agc_log(c, "Ignoring nullable change on identity column '%s.%s'", t->name, db->name);
		return;
	}
	al->nullable = nn ? SCH_TRUE : SCH_FALSE;
	agc_log(c, "Detected %s on column '%s.%s'", nn ? "NULL" : "NOT NULL", t->name, db->name);
}

static void compare_type(struct agc *c, const struct sch_table *t, const struct sch_column *db,
			 const struct sch_column *norm, const struct sch_column *model,
			 struct mig_alter *al)
{
	al->existing_type = db->type;
	if (!db->type) {
		agc_log(c, "Couldn't determine database type for column '%s.%s'", t->name,
			db->name);
		return;
	}
	if (!norm->type || !model->type) {
		agc_log(c, "Column '%s.%s' has no type within the model; can't compare", t->name,
			db->name);
		return;
	}
	if (!c->in->compare_type || !agc_types_differ(c, db->type, norm->type))
		return;
	al->type = model->type;
	agc_log(c, "Detected type change from %s to %s on '%s.%s'", type_repr(c, db->type),
		type_repr(c, model->type), t->name, db->name);
}

static void compare_default(struct agc *c, const struct agc_table *t,
			    const struct sch_column *db, const struct sch_column *norm,
			    const struct sch_column *model, struct mig_alter *al)
{
	if (!db->server_default && !norm->server_default)
		return;
	if (db->computed || norm->computed)
		return; /* Alembic only warns ("cannot be modified") */
	al->existing_server_default = db->server_default;
	if (db->identity || norm->identity || !c->in->compare_server_default)
		return; /* identity options are not compared yet */
	if (c->is_pg && is_autoinc_column(t->model ? t->model : t->norm, model))
		return; /* PostgresqlImpl: no defaults for SERIAL columns */
	if (!defaults_differ(c, db->server_default, norm->server_default))
		return;
	al->server_default_given = true;
	/* as written when the model has it, else as the database reads it back */
	al->server_default = !norm->server_default ? NULL
			     : model->server_default ? model->server_default
						     : norm->server_default;
	agc_log(c, "Detected server default on column '%s.%s'", t->db->name, db->name);
}

static void compare_comment(struct agc *c, const struct sch_table *t, const struct sch_column *db,
			    const struct sch_column *norm, struct mig_alter *al)
{
	if (!c->comments || (!db->comment && !norm->comment))
		return;
	al->existing_comment = db->comment;
	if (str_eq(db->comment, norm->comment))
		return;
	al->comment_given = true;
	al->comment = norm->comment;
	agc_log(c, "Detected column comment '%s.%s'", t->name, db->name);
}

/* AlterColumnOp.reverse: every modified attribute swaps with its existing_. */
static void reverse_alter(const struct mig_alter *up, struct mig_alter *r)
{
	*r = *up;
	if (up->type) {
		r->type = up->existing_type;
		r->existing_type = up->type;
	}
	if (up->nullable != SCH_UNSET) {
		r->nullable = up->existing_nullable;
		r->existing_nullable = up->nullable;
	}
	if (up->server_default_given) {
		r->server_default = up->existing_server_default;
		r->existing_server_default = up->server_default;
	}
	if (up->comment_given) {
		r->comment = up->existing_comment;
		r->existing_comment = up->comment;
	}
}

/* The rename op (up: its upgrade, else its inverse) that gives column
 * `name` of t its name, or NULL (renames open both lists). */
static struct mig_op *rename_op(struct agc *c, const struct sch_table *t, const char *name,
				bool up)
{
	struct agc_ops *l = up ? &c->up : &c->inv;

	for (size_t i = 0; i < l->n; i++) {
		struct mig_op *op = &l->v[i];
		const char *now = up ? op->alter.new_name : op->alter.column;

		if (op->kind == MIG_ALTER_COLUMN && op->alter.new_name && str_eq(op->schema, t->schema) &&
		    !strcmp(op->table, t->name) && !strcmp(now, name))
			return op;
	}
	return NULL;
}

/* A renamed column's changes go into its rename op: one alter_column
 * (Alembic's batch mode keeps a renamed column under its old name, so a
 * second alter_column by the new name fails there; its ALTERs rename last).
 * The inverse's existing_type is the type as the database reads it back
 * (norm's): Alembic 1.8.1's batch rename fails on a TypeDecorator there
 * (AutoString: "'String' object has no attribute 'name'"). */
static bool merge_into_rename(struct agc *c, const struct sch_table *t, const struct mig_alter *al,
			      const struct sch_column *norm)
{
	struct mig_op *up = rename_op(c, t, al->column, true);
	struct mig_op *inv = rename_op(c, t, al->column, false);
	struct mig_alter m = *al;

	if (!up || !inv)
		return false;
	m.column = up->alter.column;
	m.new_name = up->alter.new_name;
	up->alter = m;
	reverse_alter(al, &m);
	if (al->type && norm->type)
		m.existing_type = norm->type;
	m.column = inv->alter.column;
	m.new_name = inv->alter.new_name;
	inv->alter = m;
	return true;
}

static void alter_column(struct agc *c, const struct agc_table *t, const struct sch_column *db,
			 const struct sch_column *norm)
{
	const struct sch_column *model = model_column(t, norm);
	const struct sch_table *mt = t->model ? t->model : t->norm;
	struct mig_alter al = {.column = db->name};
	struct mig_op *op;

	compare_nullable(c, t->db, db, norm, model, &al);
	if (is_autoinc_column(mt, model) || model->autoincrement == SCH_AUTOINC_TRUE)
		al.autoincrement = SCH_TRUE;
	else if (model->autoincrement == SCH_AUTOINC_FALSE)
		al.autoincrement = SCH_FALSE;
	compare_type(c, t->db, db, norm, model, &al);
	compare_default(c, t, db, norm, model, &al);
	compare_comment(c, t->db, db, norm, &al);
	if (al.nullable == SCH_UNSET && !al.type && !al.server_default_given && !al.comment_given)
		return;
	if (c->columns_rn.n && merge_into_rename(c, t->db, &al, norm))
		return;
	op = agc_push(c, MIG_ALTER_COLUMN, t->db->name, t->db->schema);
	op->alter = al;
	op = agc_push_inv(c, MIG_ALTER_COLUMN, t->db->name, t->db->schema);
	reverse_alter(&al, &op->alter);
}

void agc_columns(struct agc *c, const struct agc_table *t)
{
	for (size_t i = 0; i < t->norm->n_columns; i++) {
		const struct sch_column *n = t->norm->columns[i];
		struct mig_op *op;

		if (agc_column(t->db, n->name))
			continue;
		op = agc_push(c, MIG_ADD_COLUMN, t->db->name, t->db->schema);
		op->column = model_column(t, n);
		op = agc_push_inv(c, MIG_DROP_COLUMN, t->db->name, t->db->schema);
		op->column_name = n->name;
		agc_log(c, "Detected added column '%s.%s'", qual_name(c, t->db), n->name);
	}
	for (size_t i = 0; i < t->norm->n_columns; i++) {
		const struct sch_column *d = agc_column(t->db, t->norm->columns[i]->name);

		if (d)
			alter_column(c, t, d, t->norm->columns[i]);
	}
}

/* Whether database column d and norm column n have the same type: of
 * one family as written (SQLite reads an Enum back as VARCHAR) and alike
 * as compare_type sees them. */
static bool same_type(struct agc *c, const struct agc_table *t, const struct sch_column *d,
		      const struct sch_column *n)
{
	const struct sch_type *m = model_column(t, n)->type;

	return d->type && n->type && m && m->family == d->type->family &&
	       !agc_types_differ(c, d->type, n->type);
}

/* An added column of t (in norm, not in db) of d's type that no earlier
 * candidate of t takes: a same-shape drop + add pair, maybe a rename. */
static void candidate(struct agc *c, const struct agc_table *t, const struct sch_column *d)
{
	for (size_t i = 0; i < t->norm->n_columns; i++) {
		const struct sch_column *n = t->norm->columns[i];
		struct ag_rename r = {t->db->schema, t->db->name, n->name, d->name, NULL, 0};
		bool used = false;

		if (agc_column(t->db, n->name) || !same_type(c, t, d, n))
			continue;
		for (size_t k = 0; k < c->cand.n; k++)
			used = used || (c->cand.v[k].column && str_eq(c->cand.v[k].schema, r.schema) &&
					!strcmp(c->cand.v[k].table, r.table) &&
					!strcmp(c->cand.v[k].column, n->name));
		if (!used) {
			agc_rename_push(c, &c->cand, &r);
			return;
		}
	}
}

void agc_removed_columns(struct agc *c, const struct agc_table *t)
{
	for (size_t i = 0; i < t->db->n_columns; i++) {
		const struct sch_column *d = t->db->columns[i];
		struct mig_op *op;

		if (agc_column(t->norm, d->name))
			continue;
		op = agc_push(c, MIG_DROP_COLUMN, t->db->name, t->db->schema);
		op->column_name = d->name;
		op->column = d;
		op = agc_push_inv(c, MIG_ADD_COLUMN, t->db->name, t->db->schema);
		op->column = d;
		agc_log(c, "Detected removed column '%s.%s'", qual_name(c, t->db), d->name);
		candidate(c, t, d);
	}
}
