/*
 * type_py.c - sch_type_render_py: a type written back as Alembic 1.8.1's
 * autogenerate writes it (alembic/autogenerate/render.py _repr_type), for
 * the autogenerate renderer.  The text is SQLAlchemy's repr() of the type:
 * util.generic_repr over the __init__ signatures a class's __repr__
 * inspects (keyword arguments that differ from their defaults, in signature
 * order), with the module prefix Alembic adds ("sa.", "postgresql.",
 * "sqlmodel.sql.sqltypes."), subtypes rendered the same way where Alembic's
 * _render_type_w_subtype applies (ARRAY; postgresql JSON/JSONB/HSTORE on the
 * PostgreSQL impl) and variants as .with_variant(...) sorted by dialect.
 */
#include "schema/type.h"

#include <stdio.h>
#include <string.h>

#include "base/str.h"
#include "base/vec.h"
#include "schema/type_int.h"

#define SA "sqlalchemy."
#define PG "sqlalchemy.dialects.postgresql."
#define MY "sqlalchemy.dialects.mysql."
#define SL "sqlalchemy.dialects.sqlite."
#define SM "sqlmodel.sql.sqltypes."

/*
 * The repr specs.  Tokens, in output order:
 *   *values      the Enum/SET values, positionally
 *   !item_type   a positional parameter without default
 *   name         keyword, default None (or False for a bool field)
 *   name=T       keyword of a bool field defaulting to True
 *   name=F       keyword of a bool field defaulting to False
 *   name=@       Enum length, default the longest value
 *   ^name        a subtype attribute always present (Text()): astext_type, text_type
 *   +text        text always appended (mysql NCHAR's _expect_unicode=True)
 */
#define R_STRING "length collation _expect_unicode=F"
#define R_NUMERIC "precision scale decimal_return_scale asdecimal=T"
#define R_FLOAT "precision asdecimal=F decimal_return_scale"
#define R_ENUM "*values name schema inherit_schema=F native_enum=T create_constraint=F length=@"
#define R_MYSTR "charset collation ascii=F binary=F unicode=F national=F length"
#define R_MYINT "display_width unsigned=F zerofill=F"
#define R_MYNUM "unsigned=F zerofill=F precision scale decimal_return_scale asdecimal=T"
#define R_MYFLOAT "precision scale asdecimal=F unsigned=F zerofill=F decimal_return_scale"

struct repr_spec {
	const char *name; /* canonical class name, or a prefix ending in '*' */
	const char *spec; /* tokens as above */
};

/* First match wins; classes not listed take no arguments in their repr. */
/* clang-format off */
static const struct repr_spec repr_specs[] = {
	{SA "Unicode", "length"}, {SA "UnicodeText", "length"}, {SA "NVARCHAR", "length"},
	{SA "NCHAR", "length"}, {SA "String", R_STRING}, {SA "Text", R_STRING},
	{SA "VARCHAR", R_STRING}, {SA "CHAR", R_STRING}, {SA "TEXT", R_STRING},
	{SA "CLOB", R_STRING}, {SM "AutoString", R_STRING}, {SM "GUID", R_STRING},
	{SA "Numeric", R_NUMERIC}, {SA "NUMERIC", R_NUMERIC}, {SA "DECIMAL", R_NUMERIC},
	{SA "Float", R_FLOAT}, {SA "FLOAT", R_FLOAT}, {SA "REAL", R_FLOAT},
	{SA "Double", R_FLOAT}, {SA "DOUBLE", R_FLOAT}, {SA "DOUBLE_PRECISION", R_FLOAT},
	{PG "DOUBLE_PRECISION", R_FLOAT},
	{SA "Boolean", "create_constraint=F name"}, {SA "BOOLEAN", "create_constraint=F name"},
	{SA "DateTime", "timezone=F"}, {SA "DATETIME", "timezone=F"}, {SA "TIMESTAMP", "timezone=F"},
	{SA "Time", "timezone=F"}, {SA "TIME", "timezone=F"}, {SA "Interval", "timezone=F"},
	{SA "LargeBinary", "length"}, {SA "BLOB", "length"}, {SA "BINARY", "length"},
	{SA "VARBINARY", "length"}, {SA "PickleType", "impl.length"},
	{SA "Enum", R_ENUM}, {PG "ENUM", R_ENUM},
	{SA "JSON", "none_as_null=F"}, {SL "JSON", "none_as_null=F"}, {MY "JSON", "none_as_null=F"},
	{SA "ARRAY", "!item_type as_tuple=F dimensions zero_indexes=F"},
	{PG "ARRAY", "!item_type as_tuple=F dimensions zero_indexes=F"},
	{SA "Uuid", "as_uuid=T native_uuid=T"}, {SA "UUID", "as_uuid=T"},
	{PG "BIT", "length varying=F"}, {PG "BYTEA", "length"}, {PG "HSTORE", "^text_type"},
	{PG "INTERVAL", "precision fields"}, {PG "JSON", "none_as_null=F ^astext_type"},
	{PG "JSONB", "none_as_null=F ^astext_type"}, {PG "TIME", "timezone=F precision"},
	{PG "TIMESTAMP", "timezone=F precision"}, {PG "UUID", "as_uuid=F"},
	{MY "NCHAR", R_MYSTR " +_warn_on_bytestring=True +_expect_unicode=True"},
	{MY "NVARCHAR", R_MYSTR " +_warn_on_bytestring=True +_expect_unicode=True"},
	{MY "CHAR", R_MYSTR}, {MY "VARCHAR", R_MYSTR}, {MY "TEXT", R_MYSTR},
	{MY "TINYTEXT", R_MYSTR}, {MY "MEDIUMTEXT", R_MYSTR}, {MY "LONGTEXT", R_MYSTR},
	{MY "ENUM", "*values charset collation ascii=F binary=F unicode=F national=F"},
	{MY "SET", "*values charset collation ascii=F binary=F unicode=F national=F "
		   "retrieve_as_bitwise=F"},
	{MY "TINYINT", R_MYINT}, {MY "SMALLINT", R_MYINT}, {MY "MEDIUMINT", R_MYINT},
	{MY "INTEGER", R_MYINT}, {MY "BIGINT", R_MYINT},
	{MY "DECIMAL", R_MYNUM}, {MY "NUMERIC", R_MYNUM},
	{MY "DOUBLE", R_MYFLOAT}, {MY "REAL", R_MYFLOAT}, {MY "FLOAT", R_MYFLOAT},
	{MY "BIT", "length"}, {MY "YEAR", "display_width"}, {MY "DATETIME", "timezone=F fsp"},
	{MY "TIMESTAMP", "timezone=F fsp"}, {MY "TIME", "timezone=F fsp"},
	{MY "TINYBLOB", "length"}, {MY "MEDIUMBLOB", "length"}, {MY "LONGBLOB", "length"},
};
/* clang-format on */

struct rp {
	struct arena *a;        /* scratch */
	const char *dialect;    /* the migration context's dialect */
	struct strvec *imports; /* imports added, or NULL */
};

static void rp_type(const struct rp *r, const struct sch_type *t, bool skip_variants,
		    struct buf *out);

static const char *repr_spec_of(const struct sch_type *t)
{
	for (size_t i = 0; i < sizeof(repr_specs) / sizeof(repr_specs[0]); i++)
		if (!strcmp(repr_specs[i].name, t->name))
			return repr_specs[i].spec;
	return "";
}

/* Python's repr() of a str. */
static void py_repr_str(struct buf *out, const char *s)
{
	char q = strchr(s, '\'') && !strchr(s, '"') ? '"' : '\'';

	buf_addch(out, q);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '\\' || *p == (unsigned char)q)
			buf_addf(out, "\\%c", *p);
		else if (*p == '\n')
			buf_adds(out, "\\n");
		else if (*p == '\r')
			buf_adds(out, "\\r");
		else if (*p == '\t')
			buf_adds(out, "\\t");
		else if (*p < 0x20 || *p == 0x7f)
			buf_addf(out, "\\x%02x", *p);
		else
			buf_addch(out, (char)*p);
	}
	buf_addch(out, q);
}

/* The module a class lives in as Alembic sees it (type(type_).__module__). */
static const char *dialect_module(const struct sch_type *t)
{
	static const char *const mods[] = {"postgresql", "mysql", "sqlite"};

	for (size_t i = 0; i < sizeof(mods) / sizeof(mods[0]); i++) {
		size_t n = strlen("sqlalchemy.dialects.") + strlen(mods[i]);
		if (!strncmp(t->name, "sqlalchemy.dialects.", 20) &&
		    !strncmp(t->name + 20, mods[i], strlen(mods[i])) && t->name[n] == '.')
			return mods[i];
	}
	return NULL;
}

static void rp_import(const struct rp *r, const char *mod)
{
	if (r->imports)
		strvec_push_unique(r->a, r->imports,
				   arena_printf(r->a, "from sqlalchemy.dialects import %s", mod));
}

/* The prefix Alembic writes before a type's repr (None for a plain repr). */
static const char *rp_prefix(const struct rp *r, const struct sch_type *t)
{
	const char *mod = dialect_module(t);

	if (mod) {
		rp_import(r, mod);
		return arena_printf(r->a, "%s.", mod);
	}
	if (str_startswith(t->name, SM))
		return SM; /* _user_autogenerate_prefix: the module path */
	return "sa.";
}

/* Whether Alembic renders t's subtype attribute with _repr_type (else plain repr). */
static bool rp_subtype_rendered(const struct rp *r, const struct sch_type *t)
{
	if (!strcmp(t->name, SA "ARRAY"))
		return true; /* render._render_ARRAY_type */
	return dialect_module(t) && !strcmp(dialect_module(t), "postgresql") &&
	       !strcmp(r->dialect, "postgresql"); /* PostgresqlImpl.render_type */
}

/* The class's Python name as repr() prints it. */
static const char *rp_class(const struct sch_type *t)
{
	const char *dot = strrchr(t->name, '.');
	return dot ? dot + 1 : t->name;
}

static void rp_sep(struct buf *out, bool *first)
{
	if (!*first)
		buf_adds(out, ", ");
	*first = false;
}

/* A subtype (ARRAY item, PickleType impl): plain repr or Alembic-rendered. */
static void rp_sub(const struct rp *r, const struct sch_type *sub, bool rendered, struct buf *out)
{
	if (rendered) {
		rp_type(r, sub, false, out);
		return;
	}
	struct rp plain = *r;
	plain.imports = NULL;
	struct buf tmp = BUF_INIT;
	rp_type(&plain, sub, true, &tmp);
	/* a plain repr has no module prefix */
	const char *s = buf_cstr(&tmp);
	const char *paren = strchr(s, '(');
	const char *dot = s;
	for (const char *p = s; paren && p < paren; p++)
		if (*p == '.')
			dot = p + 1;
	buf_adds(out, dot);
	buf_release(&tmp);
}

/* One keyword token "name", "name=T", "name=F", "name=@" of the spec. */
static void rp_keyword(const struct sch_type *t, const char *tok, struct buf *out, bool *first)
{
	char name[64];
	const char *eq = strchr(tok, '=');
	size_t n = eq ? (size_t)(eq - tok) : strlen(tok);
	enum param_kind kind;

	snprintf(name, sizeof(name), "%.*s", (int)n, tok);
	const void *f = type_param_field(t, name, &kind);
	if (!f)
		return;
	if (kind == PK_BOOL) {
		bool def = eq && eq[1] == 'T';
		bool v = *(const bool *)f;
		if (v != def) {
			rp_sep(out, first);
			buf_addf(out, "%s=%s", name, v ? "True" : "False");
		}
	} else if (kind == PK_INT) {
		long long v = *(const long long *)f;
		long long def = -1;
		if (eq && eq[1] == '@') {
			def = 0;
			for (size_t i = 0; i < t->n_values; i++) {
				long long len = 0;
				for (const char *p = t->values[i]; *p; p++)
					len += ((unsigned char)*p & 0xC0) != 0x80;
				if (len > def)
					def = len;
			}
		}
		if (v != def) {
			rp_sep(out, first);
			if (v < 0)
				buf_addf(out, "%s=None", name);
			else
				buf_addf(out, "%s=%lld", name, v);
		}
	} else if (kind == PK_STR) {
		const char *v = *(const char *const *)f;
		if (v) {
			rp_sep(out, first);
			buf_addf(out, "%s=", name);
			py_repr_str(out, v);
		}
	}
}

/* generic_repr of t by its spec. */
static void rp_repr(const struct rp *r, const struct sch_type *t, struct buf *out)
{
	const char *spec = repr_spec_of(t);
	bool first = true;
	char tok[96];

	buf_addf(out, "%s(", rp_class(t));
	for (const char *p = spec; *p;) {
		while (*p == ' ')
			p++;
		size_t n = strcspn(p, " ");
		if (!n)
			break;
		snprintf(tok, sizeof(tok), "%.*s", (int)n, p);
		p += n;
		if (!strcmp(tok, "*values")) {
			for (size_t i = 0; i < t->n_values; i++) {
				rp_sep(out, &first);
				py_repr_str(out, t->values[i]);
			}
		} else if (!strcmp(tok, "!item_type")) {
			rp_sep(out, &first);
			rp_sub(r, t->item, rp_subtype_rendered(r, t), out);
		} else if (tok[0] == '^') {
			rp_sep(out, &first);
			buf_addf(out, "%s=%sText()", tok + 1,
				 rp_subtype_rendered(r, t) ? "sa." : "");
		} else if (tok[0] == '+') {
			rp_sep(out, &first);
			buf_adds(out, tok + 1);
		} else if (!strcmp(tok, "impl.length")) {
			if (t->item && t->item->length >= 0) {
				rp_sep(out, &first);
				buf_addf(out, "length=%lld", t->item->length);
			}
		} else {
			rp_keyword(t, tok, out, &first);
		}
	}
	if (t->repr_create_type && !t->create_type) {
		rp_sep(out, &first);
		buf_adds(out, "create_type=False");
	}
	buf_addch(out, ')');
}

/* render._render_Variant_type: the base, then .with_variant per dialect, sorted. */
static void rp_variants(const struct rp *r, const struct sch_type *t, struct buf *out)
{
	size_t n = t->n_variants;
	const struct sch_type_variant **order = arena_calloc(r->a, n, sizeof(*order));

	rp_type(r, t, true, out);
	for (size_t i = 0; i < n; i++)
		order[i] = &t->variants[i];
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0 && strcmp(order[j - 1]->dialect, order[j]->dialect) > 0;
		     j--) {
			const struct sch_type_variant *x = order[j];
			order[j] = order[j - 1];
			order[j - 1] = x;
		}
	for (size_t i = 0; i < n; i++) {
		buf_adds(out, ".with_variant(");
		rp_type(r, order[i]->type, true, out);
		buf_adds(out, ", ");
		py_repr_str(out, order[i]->dialect);
		buf_addch(out, ')');
	}
}

static void rp_type(const struct rp *r, const struct sch_type *t, bool skip_variants,
		    struct buf *out)
{
	if (!skip_variants && t->n_variants) { /* a Variant: module sqlalchemy.sql.type_api */
		rp_variants(r, t, out);
		return;
	}
	buf_adds(out, rp_prefix(r, t));
	rp_repr(r, t, out);
}

void sch_type_render_py(struct arena *a, const struct sch_type *t, const char *dialect,
			struct buf *out, struct strvec *imports)
{
	struct rp r = {.a = a, .dialect = dialect ? dialect : "", .imports = imports};

	rp_type(&r, t, false, out);
}
