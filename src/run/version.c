/*
 * version.c - the SQL of the alembic_version table (ref §9.1, §9.3) as
 * SQLAlchemy 1.4 compiles it with literal binds: names quoted only where
 * the dialect requires, the PostgreSQL INSERT ... RETURNING artefact.
 */
#include "run/run.h"

#include "base/buf.h"
#include "db/db.h"

void run_vt_init(struct arena *a, struct run_vt *vt, const struct sql_dialect *d, const char *table,
		 const char *schema, bool pk)
{
	struct buf b = BUF_INIT;

	vt->d = d;
	vt->name = table;
	vt->schema = schema && *schema ? schema : NULL;
	vt->pk = pk;
	if (vt->schema) {
		sql_quote_ident(d, &b, vt->schema);
		buf_addch(&b, '.');
	}
	sql_quote_ident(d, &b, table);
	vt->table = buf_to_arena(&b, a);
	vt->lock_key = vt->schema ? arena_printf(a, "%s.%s", vt->schema, table) : table;
	buf_release(&b);
}

/* schema.py Table(version_table, Column("version_num", String(32),
 * nullable=False), PrimaryKeyConstraint(name="<table>_pkc")) */
char *run_vt_create(struct arena *a, const struct run_vt *vt)
{
	struct buf b = BUF_INIT;
	char *r;

	buf_addf(&b, "CREATE TABLE %s (\n\tversion_num %s NOT NULL", vt->table,
		 vt->d->version_type);
	if (vt->pk) {
		buf_adds(&b, ", \n\tCONSTRAINT ");
		sql_quote_ident(vt->d, &b, arena_printf(a, "%s_pkc", vt->name));
		buf_adds(&b, " PRIMARY KEY (version_num)");
	}
	buf_adds(&b, "\n)");
	r = buf_to_arena(&b, a);
	buf_release(&b);
	return r;
}

char *run_vt_select(struct arena *a, const struct run_vt *vt)
{
	return arena_printf(a, "SELECT %s.version_num \nFROM %s", vt->table, vt->table);
}

/* "<prefix>'<literal>'<suffix>" built with literal quoting. */
static char *run_vt_with_literal(struct arena *a, const char *prefix, const char *lit,
				 const char *suffix)
{
	struct buf b = BUF_INIT;
	char *r;

	buf_adds(&b, prefix);
	sql_quote_literal(&b, lit);
	buf_adds(&b, suffix);
	r = buf_to_arena(&b, a);
	buf_release(&b);
	return r;
}

char *run_vt_insert(struct arena *a, const struct run_vt *vt, const char *id)
{
	const char *suffix = vt->d->insert_returning
				     ? arena_printf(a, ") RETURNING %s.version_num", vt->table)
				     : ")";

	return run_vt_with_literal(
		a, arena_printf(a, "INSERT INTO %s (version_num) VALUES (", vt->table), id, suffix);
}

char *run_vt_update(struct arena *a, const struct run_vt *vt, const char *from, const char *to)
{
	struct buf b = BUF_INIT;
	char *r;

	buf_addf(&b, "UPDATE %s SET version_num=", vt->table);
	sql_quote_literal(&b, to);
	buf_addf(&b, " WHERE %s.version_num = ", vt->table);
	sql_quote_literal(&b, from);
	r = buf_to_arena(&b, a);
	buf_release(&b);
	return r;
}

char *run_vt_delete(struct arena *a, const struct run_vt *vt, const char *id)
{
	return run_vt_with_literal(
		a, arena_printf(a, "DELETE FROM %s WHERE %s.version_num = ", vt->table, vt->table),
		id, "");
}

char *run_vt_delete_all(struct arena *a, const struct run_vt *vt)
{
	return arena_printf(a, "DELETE FROM %s", vt->table);
}
