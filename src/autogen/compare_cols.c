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
 * Generated columns (_compare_computed_default) are never altered: a
 * changed expression, or a column generated on one side only, gives
 * Alembic's warning "Computed default on T.C cannot be modified" in
 * ag_result.warnings.  Identity columns (_compare_identity_default) compare
 * the options the model gives (as written: an option it leaves out is
 * ignored) and always; the alter carries sa.Identity(...) values as
 * server_default / existing_server_default.  Both regardless of
 * compare_server_default, as in Alembic.
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
			strvec_push(c->a, &p->terms,
				    str_lower(c->a, arena_strndup(c->a, b, (size_t)(s - b))));
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

static bool vec_eq(const struct strvec *x, size_t from_x, const struct strvec *y, size_t from_y)
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
			quote = quote                       ? (*s == quote ? 0 : quote)
				: (*s == '\'' || *s == '"') ? *s
							    : 0;
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
	if (db->identity || norm->identity || model->identity ||
	    ((db->computed || norm->computed) && model->nullable == SCH_UNSET)) {
		agc_log(c, "Ignoring nullable change on identity column '%s.%s'", t->name,
			db->name);
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

/* _normalize_computed_default: re.sub(r"[ \(\)'\"`\[\]]", "", s).lower(). */
static const char *computed_norm(struct agc *c, const struct sch_column *col)
{
	const char *s = col && col->computed ? col->computed->sqltext.s : NULL;
	char *r;
	size_t n = 0;

	if (!col || !col->computed)
		return "";
	if (!s)
		return NULL; /* an expression the model does not give as text */
	r = arena_alloc(c->a, strlen(s) + 1);
	for (; *s; s++)
		if (!strchr(" ()'\"`[]", *s))
			r[n++] = (char)str_tolower(*s);
	r[n] = 0;
	return r;
}

/* _compare_computed_default / _warn_computed_not_supported: a generated
 * column whose expression differs (crudely normalised) between the model
 * and the database, or that is generated on one side only, is only warned
 * about.  (differs) the model's expression is compared as the database
 * reads it back too, and no warning comes when that one matches: Alembic
 * compares the model's text with PostgreSQL's rewrite of it
 * ("lower(name)" against "lower((name)::text)") and warns on every run. */
static void compare_computed(struct agc *c, const struct sch_table *t, const struct sch_column *db,
			     const struct sch_column *norm, const struct sch_column *model)
{
	const char *dbx = computed_norm(c, db), *mx = computed_norm(c, model);
	const char *nx = computed_norm(c, norm);

	dbx = dbx ? dbx : "";

	if (norm->computed && ((mx && !strcmp(mx, dbx)) || (nx && !strcmp(nx, dbx))))
		return;
	*c->warnings_at = arena_grow(c->a, *c->warnings_at, c->warnings->n, c->warnings->n + 1,
				     sizeof(**c->warnings_at));
	(*c->warnings_at)[c->warnings->n] = c->detected->n;
	strvec_push(c->a, c->warnings,
		    arena_printf(c->a, "Computed default on %s.%s cannot be modified", t->name,
				 db->name));
}

/* An integer or bool option of an identity, as Python compares them
 * (True == 1); false when not a number. */
static bool ident_num(const struct pyv *v, double *out)
{
	if (!v || (v->kind != PYV_INT && v->kind != PYV_BOOL && v->kind != PYV_FLOAT))
		return false;
	*out = v->kind == PYV_INT ? (double)v->i : v->kind == PYV_BOOL ? v->b : v->f;
	return true;
}

static bool ident_value_eq(const struct pyv *x, const struct pyv *y)
{
	double a, b;

	if (!x || x->kind == PYV_NONE || !y || y->kind == PYV_NONE)
		return (!x || x->kind == PYV_NONE) == (!y || y->kind == PYV_NONE);
	if (ident_num(x, &a) && ident_num(y, &b))
		return a == b && (x->kind != PYV_INT || y->kind != PYV_INT || x->i == y->i);
	return x->kind == y->kind && x->s && y->s && !strcmp(x->s, y->s);
}

/* The options of an identity, in sqla_compat._identity_attrs order. */
#define IDENT_N 10
static void ident_opts(const struct sch_identity *id, const struct pyv *v[IDENT_N])
{
	const struct sch_identity none = {0};

	id = id ? id : &none;
	v[0] = id->start, v[1] = id->increment, v[2] = id->minvalue, v[3] = id->maxvalue;
	v[4] = id->nominvalue, v[5] = id->nomaxvalue, v[6] = id->cycle, v[7] = id->cache;
	v[8] = id->order, v[9] = NULL; /* on_null: a flag here, compared below */
}

/* DefaultImpl._compare_identity_default: the options the model gives that
 * the database has otherwise, and always; on_null is ignored (and order
 * on PostgreSQL).  Appends the differing names, sorted, to diff. */
static void identity_diff(struct agc *c, const struct sch_identity *meta,
			  const struct sch_identity *conn, struct strvec *diff)
{
	static const char *const names[IDENT_N] = {
		"start",      "increment", "minvalue", "maxvalue", "nominvalue",
		"nomaxvalue", "cycle",     "cache",    "order",    "on_null"};
	const struct pyv *m[IDENT_N], *k[IDENT_N];

	ident_opts(meta, m);
	ident_opts(conn, k);
	for (size_t i = 0; i < IDENT_N - 1; i++)
		if (m[i] && m[i]->kind != PYV_NONE && !ident_value_eq(m[i], k[i]) &&
		    !(c->is_pg && !strcmp(names[i], "order")))
			strvec_push(c->a, diff, names[i]);
	if ((meta && meta->always) != (conn && conn->always))
		strvec_push(c->a, diff, "always");
	strvec_sort(diff);
}

/* An identity as the sa.Identity(...) value alter_column's server_default
 * takes: always first, on_null when set, then the options given
 * (render.py _render_identity's order). */
static const struct sch_expr *identity_expr(struct agc *c, const struct sch_identity *id)
{
	static const char *const names[] = {"start",    "increment",  "minvalue",
					    "maxvalue", "nominvalue", "nomaxvalue",
					    "cycle",    "cache",      "order"};
	struct pyv *call = arena_calloc(c->a, 1, sizeof(*call));
	struct pyv_kwarg *kw = arena_calloc(c->a, IDENT_N + 1, sizeof(*kw));
	struct pyv *flag = arena_calloc(c->a, 2, sizeof(*flag));
	struct sch_expr *x = arena_calloc(c->a, 1, sizeof(*x));
	const struct pyv *v[IDENT_N];

	flag[0].kind = flag[1].kind = PYV_BOOL;
	flag[0].b = id->always;
	flag[1].b = true;
	call->kind = PYV_CALL;
	call->name = "sqlalchemy.Identity";
	kw[call->n_kw++] = (struct pyv_kwarg){"always", &flag[0]};
	if (id->on_null)
		kw[call->n_kw++] = (struct pyv_kwarg){"on_null", &flag[1]};
	ident_opts(id, v);
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (v[i] && v[i]->kind != PYV_NONE)
			kw[call->n_kw++] = (struct pyv_kwarg){names[i], v[i]};
	call->kw = kw;
	x->kind = SCH_EXPR_PYV;
	x->pyv = call;
	return x;
}

/* The identity branch of _compare_server_default: an alter when the
 * options the model gives differ, or when only one side is an identity
 * (then with no Detected line unless always differs). */
static void compare_identity(struct agc *c, const struct agc_table *t, const struct sch_column *db,
			     const struct sch_column *model, struct mig_alter *al)
{
	struct strvec diff = STRVEC_INIT;

	al->existing_server_default =
		db->identity ? identity_expr(c, db->identity) : db->server_default;
	identity_diff(c, model->identity, db->identity, &diff);
	if (!diff.n && !model->identity == !db->identity)
		return;
	al->server_default_given = true;
	al->server_default =
		model->identity ? identity_expr(c, model->identity) : model->server_default;
	if (diff.n)
		agc_log(c,
			"Detected server default on column '%s.%s': identity options "
			"attributes %s",
			t->db->name, db->name, agc_list_repr(c, &diff));
}

/* _compare_server_default: generated columns (warnings only), identity
 * columns (their options), else the server default text. */
static void compare_default(struct agc *c, const struct agc_table *t, const struct sch_column *db,
			    const struct sch_column *norm, const struct sch_column *model,
			    struct mig_alter *al)
{
	if (!db->server_default && !norm->server_default && !db->computed && !norm->computed &&
	    !db->identity && !norm->identity && !model->identity)
		return;
	if (norm->computed || db->computed) {
		compare_computed(c, t->db, db, norm, model);
		return;
	}
	if (db->identity || norm->identity || model->identity || model->identity) {
		compare_identity(c, t, db, model->identity || !norm->identity ? model : norm, al);
		return;
	}
	al->existing_server_default = db->server_default;
	if (!c->in->compare_server_default)
		return;
	if (c->is_pg && is_autoinc_column(t->model ? t->model : t->norm, model))
		return; /* PostgresqlImpl: no defaults for SERIAL columns */
	if (!defaults_differ(c, db->server_default, norm->server_default))
		return;
	al->server_default_given = true;
	/* as written when the model has it, else as the database reads it back */
	al->server_default = !norm->server_default   ? NULL
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
static struct mig_op *rename_op(struct agc *c, const struct sch_table *t, const char *name, bool up)
{
	struct agc_ops *l = up ? &c->up : &c->inv;

	for (size_t i = 0; i < l->n; i++) {
		struct mig_op *op = &l->v[i];
		const char *now = up ? op->alter.new_name : op->alter.column;

		if (op->kind == MIG_ALTER_COLUMN && op->alter.new_name &&
		    str_eq(op->schema, t->schema) && !strcmp(op->table, t->name) &&
		    !strcmp(now, name))
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
			used = used ||
			       (c->cand.v[k].column && str_eq(c->cand.v[k].schema, r.schema) &&
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
