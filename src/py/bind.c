/*
 * bind.c - the op table: every op.* / batch_op.* operation Alembic 1.8.1
 * offers (alembic/operations/ops.py signatures, as inspect.signature shows
 * them), each with the function that fills its struct mig_op; and the walk
 * over a py_body (batch_alter_table and autocommit_block bodies nested).
 */
#include "py/bind_int.h"

#include <string.h>

#include "base/str.h"

/* The table an op works on: its table argument, or the batch block's. */
static int bind_target(struct bind_ctx *x, const struct bind_args *a, const struct bind_sig *sig,
		       const char *param, struct mig_op *op)
{
	if (x->batch_table) {
		op->table = x->batch_table;
		op->schema = x->batch_schema;
		return 0;
	}
	if (bind_name(x, bind_arg_raw(a, sig, param), param, false, &op->table, NULL) < 0)
		return -1;
	return bind_name(x, bind_arg_raw(a, sig, "schema"), "schema", true, &op->schema, NULL);
}

/* Table keywords of create_table: schema, comment, info, prefixes, dialect kw. */
static int bind_table_kw(struct bind_ctx *x, const struct sch_kwargs *kw, struct sch_table *t)
{
	for (size_t i = 0; i < kw->n; i++) {
		const char *k = kw->v[i].key;
		const struct pyv *v = kw->v[i].val;

		if (!strcmp(k, "schema")) {
			if (bind_name(x, v, "schema", true, &t->schema, NULL) < 0)
				return -1;
		} else if (!strcmp(k, "comment")) {
			if (bind_name(x, v, "comment", true, &t->comment, NULL) < 0)
				return -1;
		} else if (!strcmp(k, "info")) {
			t->info = v;
		} else if (!strcmp(k, "prefixes")) {
			if (bind_names(x, v, "prefixes", &t->prefixes) < 0)
				return -1;
		} else if (strchr(k, '_') && k[0] != '_') {
			struct pyv_kwarg *nv = arena_grow(x->a, t->dialect_kw.v, t->dialect_kw.n,
							  t->dialect_kw.n + 1, sizeof(*nv));

			nv[t->dialect_kw.n++] = kw->v[i];
			t->dialect_kw.v = nv;
		} else {
			return bind_fail(x, v, "Table() got an unexpected keyword argument '%s'",
					 k);
		}
	}
	return 0;
}

static int b_create_table(struct bind_ctx *x, const struct bind_args *a, const struct bind_sig *sig,
			  struct mig_op *op)
{
	struct sch_table *t = arena_calloc(x->a, 1, sizeof(*t));
	size_t n = a->n_rest;

	if (bind_name(x, a->v[0], "table_name", false, &t->name, NULL) < 0 ||
	    bind_table_kw(x, &a->kw, t) < 0)
		return -1;
	(void)sig;
	t->columns = arena_calloc(x->a, n + 1, sizeof(*t->columns));
	t->constraints = arena_calloc(x->a, n + 1, sizeof(*t->constraints));
	t->indexes = arena_calloc(x->a, n + 1, sizeof(*t->indexes));
	for (size_t i = 0; i < n; i++) {
		const struct pyv *v = a->rest[i];

		if (bind_is_call(v, "sqlalchemy.Column")) {
			if (bind_column(x, v, &t->columns[t->n_columns++]) < 0)
				return -1;
		} else if (bind_is_constraint(v)) {
			if (bind_constraint(x, v, &t->constraints[t->n_constraints++]) < 0)
				return -1;
		} else if (bind_is_call(v, "sqlalchemy.Index")) {
			if (bind_index_obj(x, v, &t->indexes[t->n_indexes++]) < 0)
				return -1;
		} else if (!bind_is_call(v, "sqlalchemy.MetaData") || v->n || v->n_kw) {
			/* (a bare sa.MetaData() among them changes nothing in SQLAlchemy's
			 * Table: recorded) */
			return bind_fail(x, v,
					 "create_table() takes columns, constraints and "
					 "indexes, not %s",
					 pyv_describe(x->a, v));
		}
	}
	t->line = x->line;
	op->table = t->name;
	op->schema = t->schema;
	op->create = t;
	return 0;
}

static int b_drop_table(struct bind_ctx *x, const struct bind_args *a, const struct bind_sig *sig,
			struct mig_op *op)
{
	op->dialect_kw = a->kw;
	return bind_target(x, a, sig, "table_name", op);
}

static int b_rename_table(struct bind_ctx *x, const struct bind_args *a, const struct bind_sig *sig,
			  struct mig_op *op)
{
	if (bind_target(x, a, sig, "old_table_name", op) < 0)
		return -1;
	return bind_name(x, bind_arg_raw(a, sig, "new_table_name"), "new_table_name", false,
			 &op->new_name, NULL);
}

static int b_add_column(struct bind_ctx *x, const struct bind_args *a, const struct bind_sig *sig,
			struct mig_op *op)
{
	struct sch_column *c;

	if (bind_target(x, a, sig, "table_name", op) < 0 ||
	    bind_column(x, bind_arg_raw(a, sig, "column"), &c) < 0)
		return -1;
	op->column = c;
	return 0;
}

static int b_drop_column(struct bind_ctx *x, const struct bind_args *a, const struct bind_sig *sig,
			 struct mig_op *op)
{
	op->dialect_kw = a->kw;
	if (bind_target(x, a, sig, "table_name", op) < 0)
		return -1;
	return bind_name(x, bind_arg_raw(a, sig, "column_name"), "column_name", false,
			 &op->column_name, NULL);
}

/* server_default= / existing_server_default=: False (the default) = not given. */
static bool bind_given_default(const struct pyv *v)
{
	return v && !(v->kind == PYV_BOOL && !v->b);
}

/* The keywords alter_column passes on: autoincrement, existing_autoincrement,
 * dialect ones; others are ignored as DefaultImpl.alter_column(**kw) does. */
static int bind_alter_kw(struct bind_ctx *x, const struct sch_kwargs *kw, struct mig_alter *al)
{
	for (size_t i = 0; i < kw->n; i++) {
		const struct pyv *v = kw->v[i].val;

		if (!strcmp(kw->v[i].key, "autoincrement")) {
			if (bind_tristate(x, v, "autoincrement", &al->autoincrement) < 0)
				return -1;
		} else if (!strcmp(kw->v[i].key, "existing_autoincrement")) {
			if (v->kind == PYV_BOOL)
				al->existing_autoincrement =
					v->b ? SCH_AUTOINC_TRUE : SCH_AUTOINC_FALSE;
		}
	}
	al->dialect_kw = *kw;
	return 0;
}

static int b_alter_column(struct bind_ctx *x, const struct bind_args *a, const struct bind_sig *sig,
			  struct mig_op *op)
{
	struct mig_alter *al = &op->alter;
	const struct pyv *sd = bind_arg_raw(a, sig, "server_default");
	const struct pyv *esd = bind_arg_raw(a, sig, "existing_server_default");
	const struct pyv *cm = bind_arg_raw(a, sig, "comment");

	if (bind_target(x, a, sig, "table_name", op) < 0 ||
	    bind_name(x, bind_arg_raw(a, sig, "column_name"), "column_name", false, &al->column,
		      NULL) < 0 ||
	    bind_name(x, bind_arg_raw(a, sig, "new_column_name"), "new_column_name", true,
		      &al->new_name, NULL) < 0 ||
	    bind_tristate(x, bind_arg(a, sig, "nullable"), "nullable", &al->nullable) < 0 ||
	    bind_tristate(x, bind_arg(a, sig, "existing_nullable"), "existing_nullable",
			  &al->existing_nullable) < 0 ||
	    bind_type(x, bind_arg(a, sig, "type_"), &al->type) < 0 ||
	    bind_type(x, bind_arg(a, sig, "existing_type"), &al->existing_type) < 0 ||
	    bind_name(x, bind_arg_raw(a, sig, "existing_comment"), "existing_comment", true,
		      &al->existing_comment, NULL) < 0 ||
	    bind_alter_kw(x, &a->kw, al) < 0)
		return -1;
	if (bind_given_default(sd)) {
		al->server_default_given = true;
		al->server_default = sd->kind == PYV_NONE ? NULL : bind_expr(x, sd, false);
	}
	if (bind_given_default(esd) && esd->kind != PYV_NONE)
		al->existing_server_default = bind_expr(x, esd, false);
	if (bind_given_default(cm)) {
		al->comment_given = true;
		if (bind_name(x, cm, "comment", true, &al->comment, NULL) < 0)
			return -1;
	}
	if (bind_arg(a, sig, "insert_before") || bind_arg(a, sig, "insert_after"))
		return bind_fail(x,
				 bind_arg(a, sig, "insert_before")
					 ? bind_arg(a, sig, "insert_before")
					 : bind_arg(a, sig, "insert_after"),
				 "insert_before/insert_after are not supported natively");
	return 0;
}

/* create_index / batch create_index: the Index's keywords (unique is a
 * parameter; if_not_exists ours, from newer Alembic). */
static int b_create_index(struct bind_ctx *x, const struct bind_args *a, const struct bind_sig *sig,
			  struct mig_op *op)
{
	struct sch_index *ix = arena_calloc(x->a, 1, sizeof(*ix));
	const struct pyv *cols = bind_arg_raw(a, sig, "columns");

	if (bind_target(x, a, sig, "table_name", op) < 0 ||
	    bind_name(x, a->v[0], "index_name", true, &ix->name, &ix->name_final) < 0 ||
	    bind_index_elems(x, cols, ix) < 0)
		return -1;
	ix->unique = bind_truthy(bind_arg(a, sig, "unique"));
	for (size_t i = 0; i < a->kw.n; i++) {
		const struct pyv_kwarg *kw = &a->kw.v[i];

		if (!strcmp(kw->key, "unique")) {
			ix->unique = bind_truthy(kw->val);
		} else if (!strcmp(kw->key, "if_not_exists")) {
			ix->if_not_exists = bind_truthy(kw->val);
		} else if (!strchr(kw->key, '_') || kw->key[0] == '_') {
			return bind_fail(x, kw->val,
					 "Additional arguments should be named "
					 "<dialectname>_<argument>, got '%s'",
					 kw->key);
		} else {
			struct pyv_kwarg *nv = arena_grow(x->a, ix->dialect_kw.v, ix->dialect_kw.n,
							  ix->dialect_kw.n + 1, sizeof(*nv));

			nv[ix->dialect_kw.n++] = *kw;
			ix->dialect_kw.v = nv;
		}
	}
	ix->table = op->table;
	ix->schema = op->schema;
	op->index = ix;
	return 0;
}

static int b_drop_index(struct bind_ctx *x, const struct bind_args *a, const struct bind_sig *sig,
			struct mig_op *op)
{
	struct sch_index *ix = arena_calloc(x->a, 1, sizeof(*ix));

	if (x->batch_table) {
		op->table = x->batch_table;
		op->schema = x->batch_schema;
	} else if (bind_name(x, bind_arg_raw(a, sig, "table_name"), "table_name", true, &op->table,
			     NULL) < 0 ||
		   bind_name(x, bind_arg_raw(a, sig, "schema"), "schema", true, &op->schema, NULL) <
			   0) {
		return -1;
	}
	if (bind_name(x, a->v[0], "index_name", false, &ix->name, &ix->name_final) < 0)
		return -1;
	for (size_t i = 0; i < a->kw.n; i++) {
		if (!strcmp(a->kw.v[i].key, "if_exists"))
			op->if_exists = bind_truthy(a->kw.v[i].val);
	}
	ix->dialect_kw = a->kw;
	ix->table = op->table;
	ix->schema = op->schema;
	op->index = ix;
	return 0;
}

/* The constraint name argument (None allowed, op.f marks it final). */
static int bind_cons_name(struct bind_ctx *x, const struct bind_args *a, struct sch_constraint *k)
{
	return bind_name(x, a->v[0], "constraint_name", true, &k->name, &k->name_final);
}

static int b_create_fk(struct bind_ctx *x, const struct bind_args *a, const struct bind_sig *sig,
		       struct mig_op *op)
{
	struct sch_constraint *k = arena_calloc(x->a, 1, sizeof(*k));

	k->kind = SCH_FOREIGN_KEY;
	if (bind_target(x, a, sig, "source_table", op) < 0 || bind_cons_name(x, a, k) < 0 ||
	    bind_name(x, bind_arg_raw(a, sig, "referent_table"), "referent_table", false,
		      &k->ref_table, NULL) < 0 ||
	    bind_names(x, bind_arg_raw(a, sig, "local_cols"), "local_cols", &k->columns) < 0 ||
	    bind_names(x, bind_arg_raw(a, sig, "remote_cols"), "remote_cols", &k->ref_columns) <
		    0 ||
	    bind_name(x, bind_arg_raw(a, sig, "referent_schema"), "referent_schema", true,
		      &k->ref_schema, NULL) < 0 ||
	    bind_name(x, bind_arg_raw(a, sig, "ondelete"), "ondelete", true, &k->ondelete, NULL) <
		    0 ||
	    bind_name(x, bind_arg_raw(a, sig, "onupdate"), "onupdate", true, &k->onupdate, NULL) <
		    0 ||
	    bind_name(x, bind_arg_raw(a, sig, "initially"), "initially", true, &k->initially,
		      NULL) < 0 ||
	    bind_name(x, bind_arg_raw(a, sig, "match"), "match", true, &k->match, NULL) < 0 ||
	    bind_tristate(x, bind_arg(a, sig, "deferrable"), "deferrable", &k->deferrable) < 0)
		return -1;
	if (!x->batch_table && bind_name(x, bind_arg_raw(a, sig, "source_schema"), "source_schema",
					 true, &op->schema, NULL) < 0)
		return -1;
	k->dialect_kw = a->kw;
	op->constraint = k;
	return 0;
}

static int b_create_unique(struct bind_ctx *x, const struct bind_args *a,
			   const struct bind_sig *sig, struct mig_op *op)
{
	struct sch_constraint *k = arena_calloc(x->a, 1, sizeof(*k));

	k->kind = strcmp(sig->name, "create_primary_key") ? SCH_UNIQUE : SCH_PRIMARY_KEY;
	if (bind_target(x, a, sig, "table_name", op) < 0 || bind_cons_name(x, a, k) < 0 ||
	    bind_names(x, bind_arg_raw(a, sig, "columns"), "columns", &k->columns) < 0)
		return -1;
	for (size_t i = 0; i < a->kw.n; i++) {
		if (!strcmp(a->kw.v[i].key, "deferrable")) {
			if (bind_tristate(x, a->kw.v[i].val, "deferrable", &k->deferrable) < 0)
				return -1;
		} else if (!strcmp(a->kw.v[i].key, "initially")) {
			if (bind_name(x, a->kw.v[i].val, "initially", true, &k->initially, NULL) <
			    0)
				return -1;
		}
	}
	op->constraint = k;
	return 0;
}

static int b_create_check(struct bind_ctx *x, const struct bind_args *a, const struct bind_sig *sig,
			  struct mig_op *op)
{
	struct sch_constraint *k = arena_calloc(x->a, 1, sizeof(*k));

	k->kind = SCH_CHECK;
	if (bind_target(x, a, sig, "table_name", op) < 0 || bind_cons_name(x, a, k) < 0)
		return -1;
	k->sqltext = bind_expr(x, bind_arg_raw(a, sig, "condition"), true);
	op->constraint = k;
	return 0;
}

/* schemaobj.py generic_constraint's type_ table.  The name may be None (autogenerate writes
 * op.drop_constraint(None, ...) for an unnamed constraint): Alembic accepts it and the
 * dialect's compiler is what fails (ddl_generic_drop_constraint, my_drop_constraint,
 * batch.c b_drop_constraint). */
static int b_drop_constraint(struct bind_ctx *x, const struct bind_args *a,
			     const struct bind_sig *sig, struct mig_op *op)
{
	static const char *const types[] = {"check", "foreignkey", "primary", "unique", NULL};
	const struct pyv *t = bind_arg(a, sig, "type_");

	if (bind_target(x, a, sig, "table_name", op) < 0 ||
	    bind_name(x, a->v[0], "constraint_name", true, &op->constraint_name,
		      &op->constraint_name_final) < 0)
		return -1;
	if (!t)
		return 0;
	for (size_t i = 0; types[i]; i++)
		if (t->kind == PYV_STR && !strcmp(t->s, types[i]))
			op->constraint_type = types[i];
	if (!op->constraint_type)
		return bind_fail(x, t,
				 "'type' can be one of 'check', 'foreignkey', 'primary', "
				 "'unique', None");
	return 0;
}

static int b_table_comment(struct bind_ctx *x, const struct bind_args *a,
			   const struct bind_sig *sig, struct mig_op *op)
{
	if (bind_target(x, a, sig, "table_name", op) < 0 ||
	    bind_name(x, bind_arg_raw(a, sig, "existing_comment"), "existing_comment", true,
		      &op->existing_comment, NULL) < 0)
		return -1;
	if (!strcmp(sig->name, "drop_table_comment"))
		return 0;
	return bind_name(x, bind_arg_raw(a, sig, "comment"), "comment", true, &op->comment, NULL);
}

/* values({"col": v, tbl.c.col: v}): the dictionary as keywords (a key is
 * a column name or a column of the table, tbl.c.col). */
static int bind_dml_dict(struct bind_ctx *x, const struct pyv *dict, struct mig_dml *d)
{
	struct pyv_kwarg *kw = arena_calloc(x->a, dict->n + 1, sizeof(*kw));

	for (size_t i = 0; i < dict->n; i++) {
		const struct pyv *k = dict->keys[i];

		if (k->kind == PYV_STR)
			kw[i].key = k->s;
		else if (k->kind == PYV_ATTR && k->receiver && k->receiver->kind == PYV_ATTR &&
			 !strcmp(k->receiver->name, "c"))
			kw[i].key = k->name;
		else
			return bind_fail(x, k,
					 "values() takes column names or table.c.<column> as "
					 "keys, not %s",
					 pyv_describe(x->a, k));
		kw[i].val = dict->items[i];
	}
	d->values = kw;
	d->n_values = dict->n;
	return 0;
}

/* tbl.insert().values(...) / tbl.update().where(...).values(...) /
 * tbl.delete().where(...): the method chain read from the outside in. */
static int bind_dml(struct bind_ctx *x, const struct pyv *s, struct mig_op *op)
{
	struct mig_dml *d = arena_calloc(x->a, 1, sizeof(*d));
	struct sch_table *t;
	const struct pyv *v;

	for (v = s; v && v->kind == PYV_CALL && v->receiver; v = v->receiver) {
		if (!strcmp(v->name, "values") && !v->n && !d->values) {
			d->values = v->kw;
			d->n_values = v->n_kw;
		} else if (!strcmp(v->name, "values") && v->n == 1 && !v->n_kw && !d->values &&
			   v->items[0]->kind == PYV_DICT) {
			if (bind_dml_dict(x, v->items[0], d) < 0)
				return -1;
		} else if (!strcmp(v->name, "where") && v->n == 1 && !v->n_kw) {
			/* .where(a).where(b) is a AND b (read outside in: b comes first) */
			if (d->where) {
				struct pyv *and_ = arena_calloc(x->a, 1, sizeof(*and_));
				const struct pyv **two = arena_calloc(x->a, 2, sizeof(*two));
				two[0] = v->items[0];
				two[1] = d->where;
				and_->kind = PYV_CALL;
				and_->name = "operator.and_";
				and_->items = two;
				and_->n = 2;
				and_->line = v->line;
				and_->col = v->col;
				d->where = and_;
			} else {
				d->where = v->items[0];
			}
		} else if (!strcmp(v->name, "insert") || !strcmp(v->name, "update") ||
			   !strcmp(v->name, "delete")) {
			if (v->n || v->n_kw)
				break;
			d->kind = v->name[0] == 'i'   ? MIG_DML_INSERT
				  : v->name[0] == 'u' ? MIG_DML_UPDATE
						      : MIG_DML_DELETE;
			if (bind_table_clause(x, v->receiver, &t) < 0)
				return -1;
			d->table = t;
			op->dml = d;
			return 0;
		} else {
			break;
		}
	}
	return bind_fail(x, s,
			 "execute() of this statement cannot be rendered natively; use a "
			 "SQL string or sa.text(...)");
}

/* sa.DDL("...") of a statement without '%' (SQLAlchemy formats it with
 * %) and without ':' (text() would read a bind parameter there, DDL does
 * not): it runs and prints as the same sa.text(...) does. */
static bool bind_ddl_as_text(const struct pyv *s)
{
	return bind_is_call(s, "sqlalchemy.DDL") && s->n == 1 && !s->n_kw &&
	       s->items[0]->kind == PYV_STR && !strpbrk(s->items[0]->s, "%:") &&
	       strlen(s->items[0]->s) == s->items[0]->len;
}

static int b_execute(struct bind_ctx *x, const struct bind_args *a, const struct bind_sig *sig,
		     struct mig_op *op)
{
	const struct pyv *s = a->v[0];

	(void)sig;
	if (s->kind == PYV_STR)
		op->sql = s->s;
	else if (bind_is_call(s, "sqlalchemy.text") && s->n == 1 && s->items[0]->kind == PYV_STR)
		op->sql = s->items[0]->s;
	else if (bind_ddl_as_text(s))
		op->sql = s->items[0]->s;
	else if (s->kind == PYV_CALL && s->receiver) {
		op->stmt = s;
		if (bind_dml(x, s, op) < 0)
			return -1;
	} else
		return bind_fail(x, s, "execute() takes a SQL string or sa.text(...), not %s",
				 pyv_describe(x->a, s));
	if (s->kind == PYV_CALL && s->n_kw && !s->receiver)
		return bind_fail(x, s, "sa.text() with bound parameters cannot run natively");
	if (op->sql && strlen(op->sql) != (s->kind == PYV_STR ? s->len : s->items[0]->len))
		return bind_fail(x, s, "a SQL string holding a NUL byte cannot run");
	return 0;
}

static int b_bulk_insert(struct bind_ctx *x, const struct bind_args *a, const struct bind_sig *sig,
			 struct mig_op *op)
{
	struct sch_table *t;
	const struct pyv *mi = bind_arg_raw(a, sig, "multiinsert");

	if (bind_table_clause(x, a->v[0], &t) < 0)
		return -1;
	op->bulk_table = t;
	op->table = t->name;
	op->schema = t->schema;
	op->rows = a->v[1];
	op->multiinsert = !mi || bind_truthy(mi);
	if (op->rows->kind != PYV_LIST)
		return bind_fail(x, op->rows, "List expected");
	return 0;
}

/* batch_alter_table(...): the block; its body is bound by the caller. */
static int b_batch(struct bind_ctx *x, const struct bind_args *a, const struct bind_sig *sig,
		   struct mig_op *op)
{
	const struct pyv *rc = bind_arg(a, sig, "recreate");

	if (bind_target(x, a, sig, "table_name", op) < 0)
		return -1;
	op->recreate = "auto";
	if (rc && (rc->kind != PYV_STR ||
		   (strcmp(rc->s, "auto") && strcmp(rc->s, "always") && strcmp(rc->s, "never"))))
		return bind_fail(x, rc, "recreate may be one of 'auto', 'always', or 'never'.");
	if (rc)
		op->recreate = rc->s;
	if (bind_arg(a, sig, "copy_from"))
		return bind_fail(x, bind_arg(a, sig, "copy_from"),
				 "batch_alter_table(copy_from=...) is not supported natively");
	for (size_t i = 3; i < sig->n_params; i++) {
		const struct pyv *v = a->v[i];

		if (v && v->kind != PYV_NONE &&
		    !((v->kind == PYV_TUPLE || v->kind == PYV_DICT || v->kind == PYV_LIST) &&
		      v->n == 0))
			return bind_fail(x, v,
					 "batch_alter_table(%s=...) is not supported natively",
					 sig->params[i]);
	}
	return 0;
}

/* enum.create(bind=None, checkfirst=...) / enum.drop(...) on an sa.Enum
 * (SchemaType: checkfirst=False) or postgresql.ENUM (checkfirst=True). */
static int b_enum(struct bind_ctx *x, const struct bind_args *a, const struct bind_sig *sig,
		  struct mig_op *op)
{
	const struct pyv *recv = x->call->receiver;
	const struct pyv *check = bind_arg(a, sig, "checkfirst");

	op->checkfirst = str_endswith(recv->name, "postgresql.ENUM");
	if (check && check->kind != PYV_BOOL)
		return bind_fail(x, check, "checkfirst= must be True or False");
	if (check)
		op->checkfirst = check->b;
	return bind_type(x, recv, &op->enum_type);
}

/* ---- the table ---- */

typedef int (*bind_fn)(struct bind_ctx *, const struct bind_args *, const struct bind_sig *,
		       struct mig_op *);

struct bind_op {
	const char *name;      /* "alembic.op.create_table" */
	enum mig_op_kind kind; /* what it becomes */
	struct bind_sig sig;   /* its signature */
	bind_fn bind;          /* fills the op */
};

#define SIG(n, req, va, kw, ...)                                                                   \
	{                                                                                          \
		n, {__VA_ARGS__}, sizeof((const char *[]){__VA_ARGS__}) / sizeof(const char *),    \
			req, va, kw, true                                                          \
	}
#define ALTER_PARAMS                                                                               \
	"nullable", "comment", "server_default", "new_column_name", "type_", "existing_type",      \
		"existing_server_default", "existing_nullable", "existing_comment"

static const struct bind_op bind_ops[] = {
	{"alembic.op.create_table", MIG_CREATE_TABLE,
	 SIG("create_table", 1, true, true, "table_name"), b_create_table},
	{"alembic.op.drop_table", MIG_DROP_TABLE,
	 SIG("drop_table", 1, false, true, "table_name", "schema"), b_drop_table},
	{"alembic.op.rename_table", MIG_RENAME_TABLE,
	 SIG("rename_table", 2, false, false, "old_table_name", "new_table_name", "schema"),
	 b_rename_table},
	{"alembic.op.add_column", MIG_ADD_COLUMN,
	 SIG("add_column", 2, false, false, "table_name", "column", "schema"), b_add_column},
	{"alembic.op.drop_column", MIG_DROP_COLUMN,
	 SIG("drop_column", 2, false, true, "table_name", "column_name", "schema"), b_drop_column},
	{"alembic.op.alter_column", MIG_ALTER_COLUMN,
	 SIG("alter_column", 2, false, true, "table_name", "column_name", ALTER_PARAMS, "schema"),
	 b_alter_column},
	{"alembic.op.create_index", MIG_CREATE_INDEX,
	 SIG("create_index", 3, false, true, "index_name", "table_name", "columns", "schema",
	     "unique"),
	 b_create_index},
	{"alembic.op.drop_index", MIG_DROP_INDEX,
	 SIG("drop_index", 1, false, true, "index_name", "table_name", "schema"), b_drop_index},
	{"alembic.op.create_foreign_key", MIG_ADD_CONSTRAINT,
	 SIG("create_foreign_key", 5, false, true, "constraint_name", "source_table",
	     "referent_table", "local_cols", "remote_cols", "onupdate", "ondelete", "deferrable",
	     "initially", "match", "source_schema", "referent_schema"),
	 b_create_fk},
	{"alembic.op.create_unique_constraint", MIG_ADD_CONSTRAINT,
	 SIG("create_unique_constraint", 3, false, true, "constraint_name", "table_name", "columns",
	     "schema"),
	 b_create_unique},
	{"alembic.op.create_check_constraint", MIG_ADD_CONSTRAINT,
	 SIG("create_check_constraint", 3, false, true, "constraint_name", "table_name",
	     "condition", "schema"),
	 b_create_check},
	{"alembic.op.create_primary_key", MIG_ADD_CONSTRAINT,
	 SIG("create_primary_key", 3, false, false, "constraint_name", "table_name", "columns",
	     "schema"),
	 b_create_unique},
	{"alembic.op.drop_constraint", MIG_DROP_CONSTRAINT,
	 SIG("drop_constraint", 2, false, false, "constraint_name", "table_name", "type_",
	     "schema"),
	 b_drop_constraint},
	{"alembic.op.create_table_comment", MIG_CREATE_TABLE_COMMENT,
	 SIG("create_table_comment", 2, false, false, "table_name", "comment", "existing_comment",
	     "schema"),
	 b_table_comment},
	{"alembic.op.drop_table_comment", MIG_DROP_TABLE_COMMENT,
	 SIG("drop_table_comment", 1, false, false, "table_name", "existing_comment", "schema"),
	 b_table_comment},
	{"alembic.op.execute", MIG_EXECUTE,
	 SIG("execute", 1, false, false, "sqltext", "execution_options"), b_execute},
	{"alembic.bind.execute", MIG_EXECUTE, SIG("execute", 1, true, true, "statement"),
	 b_execute},
	{"alembic.op.bulk_insert", MIG_BULK_INSERT,
	 SIG("bulk_insert", 2, false, false, "table", "rows", "multiinsert"), b_bulk_insert},
	{"alembic.op.batch_alter_table", MIG_BATCH,
	 SIG("batch_alter_table", 1, false, false, "table_name", "schema", "recreate",
	     "partial_reordering", "copy_from", "table_args", "table_kwargs", "reflect_args",
	     "reflect_kwargs", "naming_convention"),
	 b_batch},
	/* inside a batch block: the table is the block's */
	{"alembic.batch_op.add_column", MIG_ADD_COLUMN,
	 SIG("add_column", 1, false, false, "column", "insert_before", "insert_after"),
	 b_add_column},
	{"alembic.batch_op.drop_column", MIG_DROP_COLUMN,
	 SIG("drop_column", 1, false, true, "column_name"), b_drop_column},
	{"alembic.batch_op.alter_column", MIG_ALTER_COLUMN,
	 SIG("alter_column", 1, false, true, "column_name", ALTER_PARAMS, "insert_before",
	     "insert_after"),
	 b_alter_column},
	{"alembic.batch_op.create_index", MIG_CREATE_INDEX,
	 SIG("create_index", 2, false, true, "index_name", "columns"), b_create_index},
	{"alembic.batch_op.drop_index", MIG_DROP_INDEX,
	 SIG("drop_index", 1, false, true, "index_name"), b_drop_index},
	{"alembic.batch_op.create_foreign_key", MIG_ADD_CONSTRAINT,
	 SIG("create_foreign_key", 4, false, true, "constraint_name", "referent_table",
	     "local_cols", "remote_cols", "referent_schema", "onupdate", "ondelete", "deferrable",
	     "initially", "match"),
	 b_create_fk},
	{"alembic.batch_op.create_unique_constraint", MIG_ADD_CONSTRAINT,
	 SIG("create_unique_constraint", 2, false, true, "constraint_name", "columns"),
	 b_create_unique},
	{"alembic.batch_op.create_check_constraint", MIG_ADD_CONSTRAINT,
	 SIG("create_check_constraint", 2, false, true, "constraint_name", "condition"),
	 b_create_check},
	{"alembic.batch_op.create_primary_key", MIG_ADD_CONSTRAINT,
	 SIG("create_primary_key", 2, false, false, "constraint_name", "columns"), b_create_unique},
	{"alembic.batch_op.drop_constraint", MIG_DROP_CONSTRAINT,
	 SIG("drop_constraint", 1, false, false, "constraint_name", "type_"), b_drop_constraint},
	{"alembic.batch_op.create_table_comment", MIG_CREATE_TABLE_COMMENT,
	 SIG("create_table_comment", 1, false, false, "comment", "existing_comment"),
	 b_table_comment},
	{"alembic.batch_op.drop_table_comment", MIG_DROP_TABLE_COMMENT,
	 SIG("drop_table_comment", 0, false, false, "existing_comment"), b_table_comment},
	/* an Enum type's own execution: recv.create(bind) / recv.drop(bind) */
	{"alembic.enum.create", MIG_CREATE_ENUM,
	 SIG("create", 0, false, false, "bind", "checkfirst"), b_enum},
	{"alembic.enum.drop", MIG_DROP_ENUM, SIG("drop", 0, false, false, "bind", "checkfirst"),
	 b_enum},
	{"alembic.batch_op.execute", MIG_EXECUTE,
	 SIG("execute", 1, false, false, "sqltext", "execution_options"), b_execute},
};

static const struct bind_op *bind_find(const char *name)
{
	for (size_t i = 0; i < sizeof(bind_ops) / sizeof(bind_ops[0]); i++)
		if (!strcmp(bind_ops[i].name, name))
			return &bind_ops[i];
	return NULL;
}

/* A name the user wrote, for messages: "op.create_tabel". */
static const char *bind_user_name(const char *canonical)
{
	return str_startswith(canonical, "alembic.") ? canonical + strlen("alembic.") : canonical;
}

static int bind_ops_list(struct bind_ctx *x, const struct py_op *in, size_t n,
			 const struct mig_op **out, size_t *n_out);

static bool bind_is_autocommit(const struct pyv *call)
{
	return call && call->name && str_endswith(call->name, "autocommit_block");
}

static int bind_one(struct bind_ctx *x, const struct py_op *p, struct mig_op *op)
{
	const struct pyv *call = p->call;
	const struct bind_op *bo;
	struct bind_args a;

	x->line = p->line;
	x->col = p->col;
	x->call = call;
	op->line = p->line;
	op->col = p->col;
	if (bind_is_autocommit(call)) {
		op->kind = MIG_AUTOCOMMIT;
		return bind_ops_list(x, p->body, p->n_body, &op->body, &op->n_body);
	}
	bo = call && call->kind == PYV_CALL ? bind_find(call->name) : NULL;
	if (!bo)
		return bind_fail(x, call, "%s() is not an operation we can run",
				 call && call->name ? bind_user_name(call->name) : "this");
	if (str_startswith(bo->name, "alembic.batch_op.") && !x->batch_table)
		return bind_fail(x, call, "batch_op.%s() outside its batch_alter_table block",
				 bo->sig.name);
	op->kind = bo->kind;
	if (bind_args(x, call, &bo->sig, &a) < 0 || bo->bind(x, &a, &bo->sig, op) < 0)
		return -1;
	if (bo->kind == MIG_BATCH) {
		const char *saved_t = x->batch_table, *saved_s = x->batch_schema;
		int rc;

		x->batch_table = op->table;
		x->batch_schema = op->schema;
		rc = bind_ops_list(x, p->body, p->n_body, &op->body, &op->n_body);
		x->batch_table = saved_t;
		x->batch_schema = saved_s;
		return rc;
	}
	return 0;
}

static int bind_ops_list(struct bind_ctx *x, const struct py_op *in, size_t n,
			 const struct mig_op **out, size_t *n_out)
{
	struct mig_op *ops = arena_calloc(x->a, n + 1, sizeof(*ops));

	for (size_t i = 0; i < n; i++)
		if (bind_one(x, &in[i], &ops[i]) < 0)
			return -1;
	*out = ops;
	*n_out = n;
	return 0;
}

int py_bind_body(struct arena *a, const char *file, const struct py_body *body,
		 struct mig_body *out, struct err *e)
{
	struct bind_ctx x = {a, file, e, 0, 0, NULL, NULL, NULL};

	memset(out, 0, sizeof(*out));
	out->irreversible = body->irreversible;
	out->irreversible_msg = body->irreversible_msg;
	out->irreversible_line = body->irreversible_line;
	return bind_ops_list(&x, body->ops, body->n_ops, &out->ops, &out->n_ops);
}
