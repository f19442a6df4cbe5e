/*
 * ddl_naming.c - the names a MetaData naming convention gives (SQLAlchemy
 * 1.4 sql/naming.py, _constraint_name_for_table and ConventionDict), for
 * the op.* constructs Alembic builds on a MetaData that carries the target
 * metadata's naming_convention (schemaobj.metadata()).
 *
 * An unnamed constraint or index is named by the template of its kind; a
 * given name is rewritten only by a template holding %(constraint_name)s;
 * op.f() names (conv) are final.  Two sources (struct sql_opts): a literal
 * convention env.py writes (applied here where the operation knows every
 * token; refused where it does not), and a convention we cannot know
 * (naming_convention_unknown: every name it could touch is refused).
 * Tokens: table_name, constraint_name, column_N_name / _key / _label,
 * column_0N_name (joined), column_0_N_name (joined with "_"), and for
 * foreign keys referred_table_name, referred_column_N_name (and the joined
 * forms).  A name longer than the dialect's limit (SQLAlchemy truncates it
 * with an md5 suffix) is refused, and so is every other token.
 */
#include "sql/ddl_int.h"

#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/str.h"

const char *ddl_kind_word(enum sch_constraint_kind k)
{
	static const char *const w[] = {"a primary key", "a foreign key", "a unique constraint",
					"a check constraint"};
	return w[k];
}

char ddl_kind_key(enum sch_constraint_kind k)
{
	static const char key[] = {'p', 'f', 'u', 'c'};
	return key[k];
}

/* The kind letter of drop_constraint's type_ ("foreignkey", "unique",
 * "check", "primary"; none: a plain Constraint, which no convention names). */
char ddl_type_key(const char *type)
{
	if (!type)
		return 'x';
	return !strcmp(type, "foreignkey") ? 'f'
	       : !strcmp(type, "unique")   ? 'u'
	       : !strcmp(type, "check")    ? 'c'
	       : !strcmp(type, "primary")  ? 'p'
					   : 'x';
}

/* The convention key of a kind: "ix", "uq", "ck", "fk", "pk". */
static const char *ddl_kind_name(char kind)
{
	return kind == 'i'   ? "ix"
	       : kind == 'u' ? "uq"
	       : kind == 'c' ? "ck"
	       : kind == 'f' ? "fk"
			     : "pk";
}

/* The template of a kind ('i' 'u' 'c' 'f' 'p'; 'x': a constraint of no
 * kind, drop_constraint without type_), NULL if none. */
static const char *ddl_template(const struct sql_opts *o, char kind)
{
	const struct sch_naming *n = o->naming;

	if (kind == 'x')
		return NULL;
	if (!n)
		return kind == 'i' ? "ix_%(column_0_label)s" : NULL;
	return kind == 'i'   ? n->ix
	       : kind == 'u' ? n->uq
	       : kind == 'c' ? n->ck
	       : kind == 'f' ? n->fk
			     : n->pk;
}

/* Whether the template of kind would decide or change name. */
static bool ddl_template_applies(const struct sql_opts *o, char kind, const char *name)
{
	const char *t = ddl_template(o, kind);

	return t && (!name || strstr(t, "%(constraint_name)s"));
}

int ddl_convention_check(struct ddl_ctx *x, char kind, const char *what, const char *name,
			 bool final)
{
	if (final)
		return 0;
	if (x->o->naming && !x->o->naming_convention_unknown) {
		if (!ddl_template_applies(x->o, kind, name))
			return 0;
		return ddl_fail(x,
				"%s%s%s%s: env.py's naming convention (its \"%s\" template) "
				"would name it here, which is not done natively for this "
				"operation; give the final name with op.f(\"...\")",
				what, name ? " '" : " without a name", name ? name : "",
				name ? "'" : "", ddl_kind_name(kind));
	}
	if (!x->o->naming_convention_unknown)
		return 0;
	if (!name)
		return ddl_fail(x,
				"%s without a name: the name depends on the naming convention "
				"of env.py's target_metadata, which is not applied without "
				"Python (%s); name it with op.f(\"...\") as Alembic would",
				what, x->o->naming_convention_unknown);
	return ddl_fail(x,
			"%s '%s': a naming convention with %%(constraint_name)s would "
			"change this name, and env.py's target_metadata may have one, which "
			"is not applied without Python (%s); give the final name with "
			"op.f('%s')",
			what, name, x->o->naming_convention_unknown, name);
}

/* "0", "1", ... then what follows ("_name", ...): the column position. */
static const char *ddl_token_index(const char *p, size_t *idx)
{
	char *end;

	*idx = (size_t)strtoul(p, &end, 10);
	return end == p ? NULL : end;
}

/* column_N_name / _key / _label, column_0N_name, column_0_N_name of cols. */
static const char *ddl_cols_token(struct ddl_ctx *x, const struct ddl_conv_in *in,
				  const struct strvec *cols, const char *rest, bool label)
{
	size_t idx;
	struct buf b = BUF_INIT;
	const char *r;

	if (!cols)
		return NULL;
	for (size_t k = 0; k < 2; k++) {
		const char *sep = k ? "_" : "";
		const char *pre = k ? "0_N_" : "0N_";
		if (strncmp(rest, pre, strlen(pre)) || !cols->n)
			continue;
		rest += strlen(pre);
		if (strcmp(rest, "name") && strcmp(rest, "key"))
			return NULL;
		for (size_t i = 0; i < cols->n; i++)
			buf_addf(&b, "%s%s", i ? sep : "", cols->v[i]);
		r = buf_to_arena(&b, x->a);
		buf_release(&b);
		return r;
	}
	rest = ddl_token_index(rest, &idx);
	if (!rest || idx >= cols->n)
		return NULL;
	if (!strcmp(rest, "_name") || !strcmp(rest, "_key"))
		return cols->v[idx];
	if (!strcmp(rest, "_label") && label)
		return in->schema
			       ? arena_printf(x->a, "%s_%s_%s", in->schema, in->table, cols->v[idx])
			       : arena_printf(x->a, "%s_%s", in->table, cols->v[idx]);
	return NULL;
}

/* One token's value, NULL where we cannot give it. */
static const char *ddl_token(struct ddl_ctx *x, const struct ddl_conv_in *in, const char *given,
			     const char *tok)
{
	if (!strcmp(tok, "table_name"))
		return in->table;
	if (!strcmp(tok, "constraint_name"))
		return given;
	if (!strcmp(tok, "referred_table_name"))
		return in->kind == 'f' ? in->ref_table : NULL;
	if (str_startswith(tok, "referred_column_"))
		return in->kind == 'f' ? ddl_cols_token(x, in, in->ref_cols, tok + 16, false)
				       : NULL;
	if (str_startswith(tok, "column_"))
		return ddl_cols_token(x, in, in->cols, tok + 7, true);
	return NULL;
}

/* Python's "template % ConventionDict": %(token)s and %%. */
static int ddl_render_template(struct ddl_ctx *x, const char *what, const struct ddl_conv_in *in,
			       const char *tmpl, const char *given, const char **out)
{
	struct buf b = BUF_INIT;

	for (const char *p = tmpl; *p; p++) {
		const char *close, *v = NULL;
		if (*p != '%') {
			buf_addch(&b, *p);
			continue;
		}
		if (p[1] == '%') {
			buf_addch(&b, '%');
			p++;
			continue;
		}
		close = p[1] == '(' ? strstr(p, ")s") : NULL;
		if (close)
			v = ddl_token(x, in, given,
				      arena_strndup(x->a, p + 2, (size_t)(close - p - 2)));
		if (!v) {
			buf_release(&b);
			return ddl_fail(x,
					"%s: env.py's naming convention \"%s\" uses what is not "
					"known natively here (%.*s); give the final name with "
					"op.f(\"...\")",
					what, tmpl, close ? (int)(close - p + 2) : 2, p);
		}
		buf_adds(&b, v);
		p = close + 1;
	}
	*out = buf_to_arena(&b, x->a);
	buf_release(&b);
	return 0;
}

int ddl_conv_name(struct ddl_ctx *x, const char *what, const struct ddl_conv_in *in,
		  const char *given, bool final, const char **out)
{
	const char *tmpl = ddl_template(x->o, in->kind);
	size_t limit = x->d->family == SQL_FAMILY_POSTGRESQL ? 63
		       : x->d->family == SQL_FAMILY_MYSQL    ? 64
							     : 0;

	*out = given;
	if (final || !x->o->naming || x->o->naming_convention_unknown)
		return ddl_convention_check(x, in->kind, what, given, final);
	if (!ddl_template_applies(x->o, in->kind, given))
		return 0;
	if (!given && strstr(tmpl, "%(constraint_name)s"))
		return ddl_fail(x,
				"Naming convention including %%(constraint_name)s token requires "
				"that constraint is explicitly named.");
	if (ddl_render_template(x, what, in, tmpl, given, out) < 0)
		return -1;
	if (limit && strlen(*out) > limit)
		return ddl_fail(x,
				"%s: the name '%s' that env.py's naming convention gives is longer "
				"than %zu characters, which SQLAlchemy truncates with a hash (not "
				"done natively); give the name with op.f(\"...\")",
				what, *out, limit);
	return 0;
}
