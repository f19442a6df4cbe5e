/*
 * decide.c - model_decide: env.py's include_name / include_object asked
 * about the database's objects (and, knowing them, the model's), by the
 * helper's --decide run.  The database's names go to its stdin, one object
 * a line, tab-separated, an empty field for None, backslash escapes for
 * tab, newline and backslash:
 *   S schema | T schema table | C|I|U|F schema table name
 * (columns, indexes, unique constraints, foreign keys); its stdout is one
 * verdict a line: "d|m KIND SCHEMA TABLE NAME" (struct ag_leave).
 */
#include "model/model.h"
#include "model/model_int.h"

#include <string.h>

#include "base/buf.h"
#include "base/str.h"

static void dc_field(struct buf *b, const char *v)
{
	buf_addch(b, '\t');
	for (const char *p = v ? v : ""; *p; p++) {
		if (*p == '\t' || *p == '\n' || *p == '\\')
			buf_addch(b, '\\');
		buf_addch(b, *p == '\t' ? 't' : *p == '\n' ? 'n' : *p);
	}
}

static void dc_line(struct buf *b, char code, const char *schema, const char *table,
		    const char *name)
{
	buf_addch(b, code);
	dc_field(b, schema);
	if (code != 'S')
		dc_field(b, table);
	if (name)
		dc_field(b, name);
	buf_addch(b, '\n');
}

/* One table's lines. */
static void dc_table(struct buf *b, const struct sch_table *t)
{
	dc_line(b, 'T', t->schema, t->name, NULL);
	for (size_t i = 0; i < t->n_columns; i++)
		dc_line(b, 'C', t->schema, t->name, t->columns[i]->name);
	for (size_t i = 0; i < t->n_indexes; i++)
		if (t->indexes[i]->name)
			dc_line(b, 'I', t->schema, t->name, t->indexes[i]->name);
	for (size_t i = 0; i < t->n_constraints; i++) {
		const struct sch_constraint *c = t->constraints[i];

		if (c->name && (c->kind == SCH_UNIQUE || c->kind == SCH_FOREIGN_KEY))
			dc_line(b, c->kind == SCH_UNIQUE ? 'U' : 'F', t->schema, t->name, c->name);
	}
}

/* The helper's stdin for live: the default schema (None), then every other
 * schema of its tables (tables are sorted by schema), then the tables. */
static void dc_input(const struct db_schema *live, struct buf *b)
{
	const char *last = NULL;

	dc_line(b, 'S', NULL, NULL, NULL);
	for (size_t i = 0; i < live->n_tables; i++) {
		const char *s = live->tables[i]->schema;

		if (s && !str_eq(s, last))
			dc_line(b, 'S', s, NULL, NULL);
		last = s ? s : last;
	}
	for (size_t i = 0; i < live->n_tables; i++)
		dc_table(b, live->tables[i]);
}

/* The next tab-separated field at *p (escapes undone; *p moved past its
 * tab), NULL when empty. */
static const char *dc_take(struct arena *a, const char **p)
{
	struct buf b = BUF_INIT;
	const char *r;

	for (; **p && **p != '\t' && **p != '\n'; (*p)++) {
		char c = **p;

		if (c == '\\' && (*p)[1]) {
			c = *++*p;
			c = c == 't' ? '\t' : c == 'n' ? '\n' : c;
		}
		buf_addch(&b, c);
	}
	if (**p == '\t')
		(*p)++;
	r = b.len ? arena_strndup(a, buf_cstr(&b), b.len) : NULL;
	buf_release(&b);
	return r;
}

static int dc_parse(struct arena *a, const char *text, struct ag_leave **v, size_t *n,
		    struct err *e)
{
	size_t cap = 0;

	*v = NULL;
	*n = 0;
	for (const char *p = text; *p;) {
		struct ag_leave l;
		const char *side = dc_take(a, &p);

		l.model = side && !strcmp(side, "m");
		l.kind = dc_take(a, &p);
		l.schema = dc_take(a, &p);
		l.table = dc_take(a, &p);
		l.name = dc_take(a, &p);
		if (*p != '\n' || !side || !l.kind)
			return err_set(e, ERR_COMMAND, "model helper: bad verdict line %zu",
				       *n + 1);
		p++;
		if (*n == cap) {
			*v = arena_grow(a, *v, cap, cap ? cap * 2 : 16, sizeof(**v));
			cap = cap ? cap * 2 : 16;
		}
		(*v)[(*n)++] = l;
	}
	return 0;
}

int model_decide(struct arena *a, const struct model_py_opts *o, const struct db_schema *live,
		 struct ag_leave **v, size_t *n, struct err *e)
{
	struct buf in = BUF_INIT;
	const char *text;
	int rc;

	dc_input(live, &in);
	rc = model_run_helper(a, o, buf_cstr(&in), in.len, &text, e);
	buf_release(&in);
	if (rc < 0)
		return -1;
	return dc_parse(a, text, v, n, e);
}
