/*
 * ddl_mysql.c - what MySQL/MariaDB render differently (offline only: no
 * driver is built in): SQLAlchemy 1.4's MySQLDDLCompiler (column spec with
 * inline COMMENT and AUTO_INCREMENT, table options after ")", CREATE INDEX
 * with prefix/length/parser/using, DROP INDEX ... ON) and Alembic's
 * MySQLImpl (alter_column as CHANGE / MODIFY / ALTER COLUMN SET DEFAULT
 * built from the existing_* arguments, DROP FOREIGN KEY / INDEX / CHECK /
 * PRIMARY KEY, RENAME with the schema on both names).
 */
#include "sql/ddl_int.h"

#include <string.h>

#include "base/str.h"

/* "mysql_x" or "mariadb_x": the dialect's own keyword. */
static const char *my_key(struct ddl_ctx *x, const char *name)
{
	return arena_printf(x->a, "%s_%s", x->d->name, name);
}

static bool my_is_timestamp(const struct sch_type *t)
{
	return t && str_endswith(t->name, ".TIMESTAMP");
}

/* MySQLDDLCompiler.get_column_specification */
static int my_column_spec(struct ddl_ctx *x, const struct ddl_table *t, const struct ddl_col *c,
			  struct buf *b)
{
	static const char *const known[] = {NULL};

	(void)t;
	if (ddl_check_kw(x, &c->c->dialect_kw, known, "Column") < 0)
		return -1;
	ddl_q(x, b, c->c->name);
	buf_addch(b, ' ');
	if (ddl_type(x, b, c->type) < 0)
		return -1;
	if (c->c->computed) {
		buf_addch(b, ' ');
		if (ddl_computed(x, b, c->c->computed) < 0)
			return -1;
	}
	if (!c->nullable)
		buf_adds(b, " NOT NULL");
	else if (my_is_timestamp(c->type))
		buf_adds(b, " NULL");
	if (c->c->comment) {
		buf_adds(b, " COMMENT ");
		ddl_literal_str(x, b, c->c->comment);
	}
	if (c->autoinc && !c->c->server_default) {
		buf_adds(b, " AUTO_INCREMENT");
	} else if (c->c->server_default) {
		buf_adds(b, " DEFAULT ");
		return ddl_default(x, b, c->c->server_default);
	}
	return 0;
}

/* One table option "KEY=value" / "KEY value" (MySQLDDLCompiler.post_create_table). */
static int my_table_opt(struct ddl_ctx *x, const char *key, const struct pyv *v, struct buf *b)
{
	static const char *const quoted[] = {"COMMENT",  "DATA DIRECTORY", "INDEX DIRECTORY",
					     "PASSWORD", "CONNECTION",     NULL};
	static const char *const spaced[] = {"TABLESPACE", "DEFAULT CHARACTER SET", "CHARACTER SET",
					     "COLLATE", NULL};
	char *opt = arena_strdup(x->a, key);
	bool q = false, sp = false;

	for (char *p = opt; *p; p++)
		*p = *p >= 'a' && *p <= 'z' ? (char)(*p - 32) : *p;
	if (!strcmp(opt, "DATA_DIRECTORY") || !strcmp(opt, "INDEX_DIRECTORY") ||
	    !strcmp(opt, "DEFAULT_CHARACTER_SET") || !strcmp(opt, "CHARACTER_SET") ||
	    !strcmp(opt, "DEFAULT_CHARSET") || !strcmp(opt, "DEFAULT_COLLATE"))
		for (char *p = opt; *p; p++)
			*p = *p == '_' ? ' ' : *p;
	for (size_t i = 0; quoted[i]; i++)
		q |= !strcmp(opt, quoted[i]);
	for (size_t i = 0; spaced[i]; i++)
		sp |= !strcmp(opt, spaced[i]);
	if (b->len && b->ptr[b->len - 1] != ')')
		buf_addch(b, ' ');
	buf_adds(b, opt);
	buf_adds(b, sp ? " " : "=");
	if (q && v->kind == PYV_STR)
		ddl_literal_str(x, b, v->s);
	else if (v->kind == PYV_STR)
		buf_adds(b, v->s);
	else
		return ddl_literal(x, b, v);
	return 0;
}

/* Table options in the order given, COLLATE after the character set
 * options (the topological sort SQLAlchemy applies), COMMENT last. */
static int my_post_create(struct ddl_ctx *x, const struct sch_table *t, struct buf *b)
{
	size_t plen = strlen(x->d->name) + 1;
	const struct pyv *collate = NULL;

	for (size_t i = 0; i < t->dialect_kw.n; i++) {
		const char *k = t->dialect_kw.v[i].key;

		if (strncmp(k, x->d->name, plen - 1) || k[plen - 1] != '_')
			continue;
		if (!strcmp(k + plen, "collate")) {
			collate = t->dialect_kw.v[i].val;
			continue;
		}
		if (my_table_opt(x, k + plen, t->dialect_kw.v[i].val, b) < 0)
			return -1;
	}
	if (collate && my_table_opt(x, "collate", collate, b) < 0)
		return -1;
	if (t->comment) {
		struct pyv c = {.kind = PYV_STR, .s = t->comment, .len = strlen(t->comment)};

		return my_table_opt(x, "comment", &c, b);
	}
	return 0;
}

/* The prefix length of one index element (mysql_length= int or dict). */
static long long my_index_length(const struct pyv *len, const char *column)
{
	if (!len || len->kind == PYV_NONE)
		return -1;
	if (len->kind == PYV_INT)
		return len->i;
	if (len->kind != PYV_DICT || !column)
		return -1;
	for (size_t i = 0; i < len->n; i++)
		if (len->keys[i]->kind == PYV_STR && !strcmp(len->keys[i]->s, column) &&
		    len->items[i]->kind == PYV_INT)
			return len->items[i]->i;
	return -1;
}

static int my_create_index(struct ddl_ctx *x, const struct sch_index *ix, const char *schema,
			   struct buf *b)
{
	static const char *const known[] = {"prefix", "length", "with_parser", "using", NULL};
	const struct sch_kwargs *kw = &ix->dialect_kw;
	const char *prefix = ddl_kw_str(kw, my_key(x, "prefix"));
	const struct pyv *len = ddl_kw(kw, my_key(x, "length"));

	if (ddl_check_kw(x, kw, known, "Index") < 0)
		return -1;
	buf_adds(b, ix->unique ? "CREATE UNIQUE " : "CREATE ");
	if (prefix)
		buf_addf(b, "%s ", prefix);
	buf_adds(b, ix->if_not_exists ? "INDEX IF NOT EXISTS " : "INDEX ");
	ddl_q(x, b, ix->name);
	buf_adds(b, " ON ");
	ddl_table_name(x, b, schema, ix->table);
	buf_adds(b, " (");
	for (size_t i = 0; i < ix->n_elems; i++) {
		struct sch_index one = *ix;
		long long n = my_index_length(len, ix->elems[i].column);

		one.elems = &ix->elems[i];
		one.n_elems = 1;
		if (i)
			buf_adds(b, ", ");
		if (ddl_index_exprs(x, b, &one, NULL) < 0)
			return -1;
		if (n >= 0)
			buf_addf(b, "(%lld)", n);
	}
	buf_addch(b, ')');
	if (ddl_kw_str(kw, my_key(x, "with_parser")))
		buf_addf(b, " WITH PARSER %s", ddl_kw_str(kw, my_key(x, "with_parser")));
	if (ddl_kw_str(kw, my_key(x, "using"))) {
		buf_adds(b, " USING ");
		ddl_q(x, b, ddl_kw_str(kw, my_key(x, "using")));
	}
	return 0;
}

/* MySQLDDLCompiler.visit_drop_index: ON the table ("no_table" when the op
 * names none, as Alembic builds it). */
static int my_drop_index(struct ddl_ctx *x, const struct mig_op *op, struct buf *b)
{
	const struct sch_index *ix = op->index;

	buf_adds(b, "DROP INDEX ");
	if (op->if_exists)
		buf_adds(b, "IF EXISTS ");
	ddl_q(x, b, ix->name);
	buf_adds(b, " ON ");
	ddl_table_name(x, b, ix->schema ? ix->schema : op->schema,
		       ix->table   ? ix->table
		       : op->table ? op->table
				   : "no_table");
	return 0;
}

/* alembic/ddl/mysql.py _mysql_colspec */
static int my_colspec(struct ddl_ctx *x, const struct mig_op *op, bool nullable,
		      const struct sch_type *type, bool autoinc, const struct sch_expr *dflt,
		      const char *comment, struct buf *b)
{
	if (!type)
		return ddl_fail(x,
				"MySQL's CHANGE/MODIFY restates the whole column: alter_column "
				"of '%s.%s' needs type_= or existing_type= (Alembic fails here)",
				op->table, op->alter.column);
	if (ddl_type(x, b, sch_type_for_dialect(type, x->d->name)) < 0)
		return -1;
	buf_adds(b, nullable ? " NULL" : " NOT NULL");
	if (autoinc)
		buf_adds(b, " AUTO_INCREMENT");
	if (dflt) {
		buf_adds(b, " DEFAULT ");
		if (ddl_default(x, b, dflt) < 0)
			return -1;
	}
	if (comment && *comment) {
		buf_adds(b, " COMMENT ");
		ddl_literal_str(x, b, comment);
	}
	return 0;
}

/* MySQLImpl.alter_column */
static int my_alter_column(struct ddl_ctx *x, const struct mig_op *op)
{
	const struct mig_alter *al = &op->alter;
	const struct sch_type *type = al->type ? al->type : al->existing_type;
	bool nullable = al->nullable != SCH_UNSET ? al->nullable == SCH_TRUE
						  : al->existing_nullable != SCH_FALSE;
	bool autoinc = al->autoincrement != SCH_UNSET
			       ? al->autoincrement == SCH_TRUE
			       : al->existing_autoincrement == SCH_AUTOINC_TRUE;
	const struct sch_expr *dflt =
		al->server_default_given ? al->server_default : al->existing_server_default;
	const char *comment = al->comment_given ? al->comment : al->existing_comment;
	bool functional = type && type->family == SCH_T_DATETIME && al->server_default_given &&
			  al->server_default;
	struct buf b = BUF_INIT;
	int rc = 0;

	if (ddl_alter_has_construct(op)) { /* DefaultImpl.alter_column, which refuses them */
		struct mig_op g = *op;

		g.alter.new_name = NULL;
		g.alter.comment_given = false;
		if (ddl_generic_alter_column(x, &g) < 0)
			return -1;
	}
	ddl_alter_table(x, &b, op->schema, op->table);
	if (al->new_name || functional) {
		buf_adds(&b, " CHANGE ");
		ddl_q(x, &b, al->column);
		buf_addch(&b, ' ');
		ddl_q(x, &b, al->new_name ? al->new_name : al->column);
		buf_addch(&b, ' ');
		rc = my_colspec(x, op, nullable, type, autoinc, dflt, comment, &b);
	} else if (al->nullable != SCH_UNSET || al->type || al->autoincrement != SCH_UNSET ||
		   al->comment_given) {
		buf_adds(&b, " MODIFY ");
		ddl_q(x, &b, al->column);
		buf_addch(&b, ' ');
		rc = my_colspec(x, op, nullable, type, autoinc, dflt, comment, &b);
	} else if (al->server_default_given) {
		buf_adds(&b, " ALTER COLUMN ");
		ddl_q(x, &b, al->column);
		if (al->server_default) {
			buf_adds(&b, " SET DEFAULT ");
			rc = ddl_default(x, &b, al->server_default);
		} else {
			buf_adds(&b, " DROP DEFAULT");
		}
	} else {
		buf_reset(&b);
	}
	if (rc == 0 && b.len)
		ddl_emit(x, &b);
	buf_release(&b);
	return rc;
}

/* alembic/ddl/mysql.py _mysql_drop_constraint */
static int my_drop_constraint(struct ddl_ctx *x, const struct mig_op *op, struct buf *b)
{
	const char *type = op->constraint_type;

	if (!type)
		return ddl_fail(x, "No generic 'DROP CONSTRAINT' in MySQL - please specify "
				   "constraint type");
	ddl_alter_table(x, b, op->schema, op->table);
	if (!strcmp(type, "primary")) {
		buf_adds(b, " DROP PRIMARY KEY");
		return 0;
	}
	if (!op->constraint_name) /* SQLAlchemy's MySQL compiler quotes the None name: a TypeError */
		return ddl_fail(x, "object of type 'NoneType' has no len()");
	if (!strcmp(type, "foreignkey"))
		buf_adds(b, " DROP FOREIGN KEY ");
	else if (!strcmp(type, "unique"))
		buf_adds(b, " DROP INDEX ");
	else
		buf_adds(b, strcmp(x->d->name, "mariadb") ? " DROP CHECK " : " DROP CONSTRAINT ");
	ddl_q(x, b, op->constraint_name);
	return 0;
}

/* RenameTable on MySQL: the new name keeps the schema. */
static int my_rename_table(struct ddl_ctx *x, const struct mig_op *op, struct buf *b)
{
	ddl_alter_table(x, b, op->schema, op->table);
	buf_adds(b, " RENAME TO ");
	ddl_table_name(x, b, op->schema, op->new_name);
	return 0;
}

/* MySQL's SetTableComment / DropTableComment: ALTER TABLE t COMMENT '...'. */
static int my_table_comment(struct ddl_ctx *x, const struct mig_op *op, const char *comment)
{
	struct buf b = BUF_INIT;

	ddl_alter_table(x, &b, op->schema, op->table);
	buf_adds(&b, " COMMENT ");
	ddl_literal_str(x, &b, comment ? comment : "");
	ddl_emit(x, &b);
	buf_release(&b);
	return 0;
}

const struct ddl_family ddl_mysql = {
	.column_spec = my_column_spec,
	.post_create = my_post_create,
	.create_index = my_create_index,
	.drop_index = my_drop_index,
	.alter_column = my_alter_column,
	.drop_constraint = my_drop_constraint,
	.rename_table = my_rename_table,
	.table_comment = my_table_comment,
	.kw_prefix = "mysql_",
};
