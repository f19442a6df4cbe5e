/*
 * render.c - ag_render_py: a direction's operations written as Alembic
 * 1.8.1's autogenerate writes them into script.py.mako's ${upgrades} /
 * ${downgrades} (autogenerate/render.py _render_cmd_body through mako's
 * PythonPrinter, then _indent).  One table of per-op rules (the renderers
 * render.py dispatches on the op class); ops on an existing table are
 * grouped, in batch mode, into "with op.batch_alter_table(...)" blocks as
 * _render_modify_table does for a ModifyTableOps.
 *
 * Input: the flat list autogenerate produces (consecutive ops on one table
 * other than create_table / drop_table form one ModifyTableOps); a MIG_BATCH
 * op is taken as one explicit group.
 */
#include "autogen/render_int.h"

#include <string.h>

#include "base/str.h"

#define RND_ALTER_INDENT "           " /* _alter_column: " " * 11 */

static void rnd_schema_kw(struct buf *b, const char *schema)
{
	if (schema && *schema) {
		buf_adds(b, ", schema=");
		rnd_repr(b, schema);
	}
}

/* "op.<what>(" + the table argument outside a batch block. */
static void rnd_head(const struct rnd *x, struct buf *b, const char *what, const char *table)
{
	buf_addf(b, "%s%s(", rnd_prefix(x), what);
	if (!x->batch) {
		rnd_repr(b, table);
		buf_adds(b, ", ");
	}
}

static void r_drop_table(const struct rnd *x, const struct mig_op *op, struct buf *b)
{
	buf_addf(b, "%sdrop_table(", rnd_prefix(x));
	rnd_repr(b, op->table);
	rnd_schema_kw(b, op->schema);
	buf_addch(b, ')');
}

static void r_create_table(const struct rnd *x, const struct mig_op *op, struct buf *b)
{
	rnd_create_table(x, b, op->create);
}

static void r_add_column(const struct rnd *x, const struct mig_op *op, struct buf *b)
{
	rnd_head(x, b, "add_column", op->table);
	rnd_column(x, b, op->column, NULL);
	if (!x->batch)
		rnd_schema_kw(b, op->schema);
	buf_addch(b, ')');
}

static void r_drop_column(const struct rnd *x, const struct mig_op *op, struct buf *b)
{
	rnd_head(x, b, "drop_column", op->table);
	rnd_repr(b, op->column_name);
	if (!x->batch)
		rnd_schema_kw(b, op->schema);
	buf_addch(b, ')');
}

/* One ",\n<indent>key=" of alter_column. */
static void rnd_alter_kw(struct buf *b, const char *key)
{
	buf_addf(b, ",\n" RND_ALTER_INDENT "%s=", key);
}

static void rnd_tristate(struct buf *b, enum sch_tristate v)
{
	buf_adds(b, v == SCH_TRUE ? "True" : "False");
}

/* _alter_column, in its keyword order. */
static void r_alter_column(const struct rnd *x, const struct mig_op *op, struct buf *b)
{
	const struct mig_alter *al = &op->alter;

	rnd_head(x, b, "alter_column", op->table);
	rnd_repr(b, al->column);
	if (al->new_name) { /* ours: Alembic 1.8.1's _alter_column never writes it */
		rnd_alter_kw(b, "new_column_name");
		rnd_repr(b, al->new_name);
	}
	if (al->existing_type) {
		rnd_alter_kw(b, "existing_type");
		rnd_type(x, b, al->existing_type);
	}
	if (al->server_default_given) {
		rnd_alter_kw(b, "server_default");
		rnd_server_default(x, b, al->server_default);
	}
	if (al->type) {
		rnd_alter_kw(b, "type_");
		rnd_type(x, b, al->type);
	}
	if (al->nullable != SCH_UNSET) {
		rnd_alter_kw(b, "nullable");
		rnd_tristate(b, al->nullable);
	}
	if (al->comment_given) {
		rnd_alter_kw(b, "comment");
		rnd_repr(b, al->comment);
	}
	if (al->existing_comment) {
		rnd_alter_kw(b, "existing_comment");
		rnd_repr(b, al->existing_comment);
	}
	if (al->nullable == SCH_UNSET && al->existing_nullable != SCH_UNSET) {
		rnd_alter_kw(b, "existing_nullable");
		rnd_tristate(b, al->existing_nullable);
	}
	if (al->autoincrement != SCH_UNSET) {
		rnd_alter_kw(b, "autoincrement");
		rnd_tristate(b, al->autoincrement);
	}
	if (!al->server_default_given && al->existing_server_default) {
		rnd_alter_kw(b, "existing_server_default");
		rnd_server_default(x, b, al->existing_server_default);
	}
	if (op->schema && *op->schema && !x->batch) {
		rnd_alter_kw(b, "schema");
		rnd_repr(b, op->schema);
	}
	buf_addch(b, ')');
}

/* _get_index_rendered_expressions */
static void rnd_index_elems(const struct rnd *x, struct buf *b, const struct sch_index *ix)
{
	buf_addch(b, '[');
	for (size_t i = 0; i < ix->n_elems; i++) {
		const struct sch_index_elem *el = &ix->elems[i];

		buf_adds(b, i ? ", " : "");
		if (el->column) {
			rnd_repr(b, el->column);
		} else {
			buf_adds(b, "sa.text(");
			rnd_repr(b, rnd_sql(x, el->expr, false));
			buf_addch(b, ')');
		}
	}
	buf_addch(b, ']');
}

static void r_create_index(const struct rnd *x, const struct mig_op *op, struct buf *b)
{
	const struct sch_index *ix = op->index;

	buf_addf(b, "%screate_index(", rnd_prefix(x));
	rnd_name(x, b, ix->name, ix->name_final);
	buf_adds(b, ", ");
	if (!x->batch) {
		rnd_repr(b, op->table);
		buf_adds(b, ", ");
	}
	rnd_index_elems(x, b, ix);
	buf_adds(b, ix->unique ? ", unique=True" : ", unique=False");
	if (!x->batch)
		rnd_schema_kw(b, op->schema);
	rnd_dialect_kw(x, b, &ix->dialect_kw, NULL);
	buf_addch(b, ')');
}

static void r_drop_index(const struct rnd *x, const struct mig_op *op, struct buf *b)
{
	buf_addf(b, "%sdrop_index(", rnd_prefix(x));
	rnd_name(x, b, op->index->name, op->index->name_final);
	if (!x->batch) {
		buf_adds(b, ", table_name=");
		rnd_repr(b, op->table);
		rnd_schema_kw(b, op->schema);
	}
	rnd_dialect_kw(x, b, &op->index->dialect_kw, "if_exists");
	buf_addch(b, ')');
}

/* _uq_constraint(alter=True) */
static void rnd_add_unique(const struct rnd *x, const struct mig_op *op, struct buf *b)
{
	const struct sch_constraint *k = op->constraint;

	buf_addf(b, "%screate_unique_constraint(", rnd_prefix(x));
	rnd_name(x, b, k->name, k->name_final);
	buf_adds(b, ", ");
	if (!x->batch) {
		rnd_repr(b, op->table);
		buf_adds(b, ", ");
	}
	rnd_list(b, &k->columns);
	if (k->deferrable == SCH_TRUE)
		buf_adds(b, ", deferrable='True'");
	if (k->initially) {
		buf_adds(b, ", initially=");
		rnd_repr(b, k->initially);
	}
	if (!x->batch)
		rnd_schema_kw(b, op->schema);
	buf_addch(b, ')');
}

static bool rnd_kw_true(const struct sch_kwargs *kw, const char *key)
{
	for (size_t i = 0; i < kw->n; i++)
		if (!strcmp(kw->v[i].key, key) && kw->v[i].val->kind == PYV_BOOL)
			return kw->v[i].val->b;
	return false;
}

static void rnd_kw_str(struct buf *b, const char *key, const char *v)
{
	if (v) {
		buf_addf(b, ", %s=", key);
		rnd_repr(b, v);
	}
}

/* _add_fk_constraint */
static void rnd_add_fk(const struct rnd *x, const struct mig_op *op, struct buf *b)
{
	const struct sch_constraint *k = op->constraint;

	buf_addf(b, "%screate_foreign_key(", rnd_prefix(x));
	rnd_name(x, b, k->name, k->name_final);
	buf_adds(b, ", ");
	if (!x->batch) {
		rnd_repr(b, op->table);
		buf_adds(b, ", ");
	}
	rnd_repr(b, k->ref_table);
	buf_adds(b, ", ");
	rnd_list(b, &k->columns);
	buf_adds(b, ", ");
	rnd_list(b, &k->ref_columns);
	if (!x->batch)
		rnd_kw_str(b, "source_schema", op->schema);
	rnd_kw_str(b, "referent_schema", k->ref_schema);
	rnd_kw_str(b, "onupdate", k->onupdate);
	rnd_kw_str(b, "ondelete", k->ondelete);
	rnd_kw_str(b, "initially", k->initially);
	if (k->deferrable == SCH_TRUE)
		buf_adds(b, ", deferrable=True");
	if (k->use_alter || rnd_kw_true(&k->dialect_kw, "use_alter"))
		buf_adds(b, ", use_alter=True");
	buf_addch(b, ')');
}

/* A CHECK addition, which Alembic 1.8.1 cannot render (NotImplementedError;
 * its autogenerate never emits one): as the op API spells it,
 * op.create_check_constraint('name', 'table', 'condition', schema=) /
 * batch_op.create_check_constraint('name', 'condition'). */
static void rnd_add_check(const struct rnd *x, const struct mig_op *op, struct buf *b)
{
	const struct sch_constraint *k = op->constraint;

	buf_addf(b, "%screate_check_constraint(", rnd_prefix(x));
	rnd_name(x, b, k->name, k->name_final);
	buf_adds(b, ", ");
	if (!x->batch) {
		rnd_repr(b, op->table);
		buf_adds(b, ", ");
	}
	rnd_repr(b, k->sqltext ? rnd_sql(x, k->sqltext, false) : "");
	if (!x->batch)
		rnd_schema_kw(b, op->schema);
	buf_addch(b, ')');
}

/* Alembic renders only unique and foreign key additions (primary key and
 * check raise NotImplementedError); ours adds the CHECK. */
static void r_add_constraint(const struct rnd *x, const struct mig_op *op, struct buf *b)
{
	if (op->constraint->kind == SCH_UNIQUE)
		rnd_add_unique(x, op, b);
	else if (op->constraint->kind == SCH_FOREIGN_KEY)
		rnd_add_fk(x, op, b);
	else if (op->constraint->kind == SCH_CHECK)
		rnd_add_check(x, op, b);
}

static void r_drop_constraint(const struct rnd *x, const struct mig_op *op, struct buf *b)
{
	buf_addf(b, "%sdrop_constraint(", rnd_prefix(x));
	rnd_name(x, b, op->constraint_name, op->constraint_name_final);
	if (!x->batch) {
		buf_addf(b, ", '%s'", op->table ? op->table : "None");
		rnd_schema_kw(b, op->schema);
	}
	buf_adds(b, ", type_=");
	rnd_repr(b, op->constraint_type);
	buf_addch(b, ')');
}

/* _render_create_table_comment / _render_drop_table_comment templates. */
static void r_table_comment(const struct rnd *x, const struct mig_op *op, struct buf *b)
{
	bool create = op->kind == MIG_CREATE_TABLE_COMMENT;

	buf_addf(b, "%s%s_table_comment(\n    '%s',\n", rnd_prefix(x), create ? "create" : "drop",
		 op->table ? op->table : "");
	if (create) {
		buf_adds(b, "    ");
		rnd_repr(b, op->comment);
		buf_adds(b, ",\n");
	}
	buf_adds(b, "    existing_comment=");
	rnd_repr(b, op->existing_comment);
	if (op->schema)
		buf_addf(b, ",\n    schema='%s'\n)", op->schema);
	else
		buf_adds(b, ",\n    schema=None\n)");
}

/* op.rename_table(old, new, schema=): Alembic 1.8.1 has no renderer for
 * RenameTableOp (autogenerate never emits it); written as the op API spells
 * it.  Not a batch operation (BatchOperations has no rename_table). */
static void r_rename_table(const struct rnd *x, const struct mig_op *op, struct buf *b)
{
	(void)x;
	buf_adds(b, "op.rename_table(");
	rnd_repr(b, op->table);
	buf_adds(b, ", ");
	rnd_repr(b, op->new_name);
	rnd_schema_kw(b, op->schema);
	buf_addch(b, ')');
}

/* _execute_sql: a plain SQL string. */
static void r_execute(const struct rnd *x, const struct mig_op *op, struct buf *b)
{
	(void)x;
	buf_adds(b, "op.execute(");
	rnd_repr(b, op->sql ? op->sql : "");
	buf_addch(b, ')');
}

/* How each op kind renders, and whether it belongs to its table's
 * ModifyTableOps (batch block) or stands at the top level. */
static const struct rnd_rule {
	enum mig_op_kind kind;
	void (*fn)(const struct rnd *x, const struct mig_op *op, struct buf *b);
	bool per_table;
} rnd_rules[] = {
	{MIG_EXECUTE, r_execute, false},
	{MIG_CREATE_TABLE, r_create_table, false},
	{MIG_DROP_TABLE, r_drop_table, false},
	{MIG_RENAME_TABLE, r_rename_table, false},
	{MIG_ADD_COLUMN, r_add_column, true},
	{MIG_DROP_COLUMN, r_drop_column, true},
	{MIG_ALTER_COLUMN, r_alter_column, true},
	{MIG_CREATE_INDEX, r_create_index, true},
	{MIG_DROP_INDEX, r_drop_index, true},
	{MIG_ADD_CONSTRAINT, r_add_constraint, true},
	{MIG_DROP_CONSTRAINT, r_drop_constraint, true},
	{MIG_CREATE_TABLE_COMMENT, r_table_comment, true},
	{MIG_DROP_TABLE_COMMENT, r_table_comment, true},
};

static const struct rnd_rule *rnd_rule(enum mig_op_kind kind)
{
	for (size_t i = 0; i < sizeof(rnd_rules) / sizeof(rnd_rules[0]); i++)
		if (rnd_rules[i].kind == kind)
			return &rnd_rules[i];
	return NULL; /* bulk_insert ...: autogenerate never emits them */
}

/* What mako's PythonPrinter writes: the first line of text at the current
 * indent (a multi-line text's other lines as they are). */
struct rnd_printer {
	struct buf *out; /* the printer's stream */
	int indent;      /* indent level, 4 spaces each */
	bool has_lines;  /* an op wrote something */
};

static void rnd_writeline(struct rnd_printer *p, const char *line)
{
	for (int i = 0; *line && i < p->indent; i++)
		buf_adds(p->out, "    ");
	buf_adds(p->out, line);
	buf_addch(p->out, '\n');
}

/* Whether op carries what its kind needs (a producer's bug otherwise: the
 * op is left out rather than crashing). */
static bool rnd_complete(const struct mig_op *op)
{
	switch (op->kind) {
	case MIG_CREATE_TABLE:
		return op->create != NULL;
	case MIG_ADD_COLUMN:
		return op->column != NULL;
	case MIG_CREATE_INDEX:
	case MIG_DROP_INDEX:
		return op->index != NULL;
	case MIG_ADD_CONSTRAINT:
		return op->constraint != NULL;
	default:
		return true;
	}
}

static void rnd_op(const struct rnd *x, struct rnd_printer *p, const struct mig_op *op)
{
	const struct rnd_rule *r = rnd_rule(op->kind);
	struct buf b = BUF_INIT;
	const char *note;

	if (!r || !rnd_complete(op))
		return;
	note = rnd_review_note(x, op);
	if (note)
		rnd_writeline(p, note);
	r->fn(x, op, &b);
	if (b.len) {
		rnd_writeline(p, buf_cstr(&b));
		p->has_lines = true;
	}
	buf_release(&b);
}

/* Whether op goes into the ModifyTableOps of (table, schema). */
static bool rnd_same_table(const struct mig_op *op, const char *table, const char *schema)
{
	const struct rnd_rule *r = rnd_rule(op->kind);

	return r && r->per_table && str_eq(op->table, table) && str_eq(op->schema, schema);
}

/* _render_modify_table of ops[0..n) on one table. */
static void rnd_group(const struct rnd *x, struct rnd_printer *p, const struct mig_op *ops,
		      size_t n, const char *table, const char *schema)
{
	struct rnd in = *x;
	struct buf head = BUF_INIT;

	if (!x->as_batch) {
		for (size_t i = 0; i < n; i++)
			rnd_op(x, p, &ops[i]);
		return;
	}
	in.batch = true;
	buf_adds(&head, "with op.batch_alter_table(");
	rnd_repr(&head, table);
	buf_adds(&head, ", schema=");
	rnd_repr(&head, schema);
	buf_adds(&head, ") as batch_op:");
	rnd_writeline(p, buf_cstr(&head));
	buf_release(&head);
	p->has_lines = true;
	p->indent++;
	for (size_t i = 0; i < n; i++)
		rnd_op(&in, p, &ops[i]);
	p->indent--; /* the blank line closes the block */
	rnd_writeline(p, "");
}

/* _indent: every line gets 4 spaces, the whole is stripped, and trailing
 * spaces of each line are removed. */
static void rnd_indent(const char *text, struct buf *out)
{
	size_t start = out->len;
	const char *s = text;

	while (*s) {
		const char *nl = strchr(s, '\n');
		size_t n = nl ? (size_t)(nl - s) : strlen(s);

		if (s != text)
			buf_adds(out, "    ");
		buf_add(out, s, n);
		while (out->len > start && out->ptr[out->len - 1] == ' ')
			buf_truncate(out, out->len - 1);
		if (!nl)
			break;
		buf_addch(out, '\n');
		s = nl + 1;
	}
	while (out->len > start && str_isspace(out->ptr[out->len - 1]))
		buf_truncate(out, out->len - 1);
}

/* The top-level items of a body: groups of per-table ops, and the rest. */
static void rnd_ops(const struct rnd *x, struct rnd_printer *p, const struct mig_op *ops, size_t n)
{
	for (size_t i = 0; i < n;) {
		const struct mig_op *op = &ops[i];
		const struct rnd_rule *r = rnd_rule(op->kind);
		size_t j = i + 1;

		if (op->kind == MIG_BATCH) {
			rnd_group(x, p, op->body, op->n_body, op->table, op->schema);
		} else if (r && r->per_table) {
			while (j < n && rnd_same_table(&ops[j], op->table, op->schema))
				j++;
			rnd_group(x, p, op, j - i, op->table, op->schema);
		} else if (op->kind == MIG_AUTOCOMMIT) {
			/* ours (policy.c's ALTER TYPE ... ADD VALUE): the op API's block */
			rnd_writeline(p, "with op.get_context().autocommit_block():");
			p->has_lines = true;
			p->indent++;
			rnd_ops(x, p, op->body, op->n_body);
			p->indent--;
		} else {
			rnd_op(x, p, op);
		}
		i = j;
	}
}

void ag_render_py(struct arena *a, const struct ag_render_opts *o, const struct mig_body *b,
		  struct buf *out, struct strvec *imports)
{
	struct rnd x = {a, o->dialect ? o->dialect : "sqlite", o->render_as_batch, false, imports,
			o};
	struct buf text = BUF_INIT;
	struct rnd_printer p = {&text, 0, false};

	rnd_writeline(&p, "# ### commands auto generated by Alembic - please adjust! ###");
	if (o->review) {
		struct strvec lines = STRVEC_INIT;

		rnd_review_block(&x, b, &lines);
		for (size_t i = 0; i < lines.n; i++)
			rnd_writeline(&p, lines.v[i]);
	}
	rnd_ops(&x, &p, b->ops, b->n_ops);
	if (!p.has_lines)
		rnd_writeline(&p, "pass");
	rnd_writeline(&p, "# ### end Alembic commands ###");
	rnd_indent(buf_cstr(&text), out);
	buf_release(&text);
}
