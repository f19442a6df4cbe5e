/*
 * t_type.c - column types: sch_type_from_pyv and sql_type_ddl against
 * tests/cases/types.cases (recorded from SQLAlchemy 1.4 by
 * tests/cases/record_types.py), byte for byte, plus every error path.
 *
 * Until the Python front end's parser is merged, the case expressions are
 * read by tx_parse below: a tiny reader for the call expressions the case
 * file uses (dotted names, calls with positional and keyword arguments,
 * str / int / float / True / False / None literals, .with_variant(...)).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"
#include "base/str.h"
#include "base/vec.h"
#include "db/db.h"
#include "py/py.h"
#include "schema/type.h"
#include "unit.h"

/* ---- a tiny expression reader (test only) ---- */

struct tx {
	struct arena *a; /* where values go */
	const char *s;   /* the expression */
	size_t i;        /* read position */
	bool bad;        /* a syntax error was met */
};

static void tx_ws(struct tx *x)
{
	while (x->s[x->i] == ' ')
		x->i++;
}

static struct pyv *tx_new(struct tx *x, enum pyv_kind k)
{
	struct pyv *v = arena_alloc(x->a, sizeof(*v));
	v->kind = k;
	v->line = 1;
	v->col = (int)x->i + 1;
	return v;
}

/* Canonical name of a written dotted name (value.h's rules for the prefixes used). */
static const char *tx_canon(struct tx *x, const char *n)
{
	static const char *const pre[][2] = {
		{"sa.", "sqlalchemy."},
		{"postgresql.", "sqlalchemy.dialects.postgresql."},
		{"mysql.", "sqlalchemy.dialects.mysql."},
		{"sqlite.", "sqlalchemy.dialects.sqlite."},
	};
	for (size_t i = 0; i < sizeof(pre) / sizeof(pre[0]); i++)
		if (!strncmp(n, pre[i][0], strlen(pre[i][0])))
			return arena_printf(x->a, "%s%s", pre[i][1], n + strlen(pre[i][0]));
	return n;
}

static const struct pyv *tx_expr(struct tx *x);

static const struct pyv *tx_string(struct tx *x)
{
	struct pyv *v = tx_new(x, PYV_STR);
	bool raw = false;
	struct buf b = BUF_INIT;

	if (x->s[x->i] == 'r') {
		raw = true;
		x->i++;
	}
	char q = x->s[x->i++];
	while (x->s[x->i] && x->s[x->i] != q) {
		if (x->s[x->i] == '\\' && !raw)
			x->i++;
		buf_addch(&b, x->s[x->i++]);
	}
	if (x->s[x->i] == q)
		x->i++;
	else
		x->bad = true;
	v->s = buf_to_arena(&b, x->a);
	v->len = b.len;
	buf_release(&b);
	return v;
}

static const struct pyv *tx_number(struct tx *x)
{
	struct pyv *v = tx_new(x, PYV_INT);
	size_t st = x->i;

	if (x->s[x->i] == '-')
		x->i++;
	while (x->s[x->i] >= '0' && x->s[x->i] <= '9')
		x->i++;
	v->text = arena_strndup(x->a, x->s + st, x->i - st);
	v->i = strtoll(v->text, NULL, 10);
	return v;
}

/* Arguments of a call after '(' up to ')'. */
static void tx_args(struct tx *x, struct pyv *c)
{
	const struct pyv *items[16];
	struct pyv_kwarg kws[16];
	size_t n = 0, nk = 0;

	for (;;) {
		tx_ws(x);
		if (x->s[x->i] == ')') {
			x->i++;
			break;
		}
		size_t st = x->i;
		while (str_isalnum(x->s[x->i]) || x->s[x->i] == '_')
			x->i++;
		if (x->i > st && x->s[x->i] == '=' && nk < 16) {
			kws[nk].key = arena_strndup(x->a, x->s + st, x->i - st);
			x->i++;
			kws[nk++].val = tx_expr(x);
		} else {
			x->i = st;
			if (n < 16)
				items[n++] = tx_expr(x);
		}
		if (x->bad)
			return;
		tx_ws(x);
		if (x->s[x->i] == ',')
			x->i++;
		else if (x->s[x->i] != ')') {
			x->bad = true;
			return;
		}
	}
	c->items = arena_calloc(x->a, n + 1, sizeof(*c->items));
	memcpy(c->items, items, n * sizeof(*items));
	c->n = n;
	struct pyv_kwarg *kw = arena_calloc(x->a, nk + 1, sizeof(*kw));
	memcpy(kw, kws, nk * sizeof(*kws));
	c->kw = kw;
	c->n_kw = nk;
}

static const struct pyv *tx_name(struct tx *x)
{
	size_t st = x->i;
	struct pyv *v = tx_new(x, PYV_REF);

	while (str_isalnum(x->s[x->i]) || x->s[x->i] == '_' || x->s[x->i] == '.')
		x->i++;
	char *n = arena_strndup(x->a, x->s + st, x->i - st);
	if (!strcmp(n, "None"))
		v->kind = PYV_NONE;
	else if (!strcmp(n, "True") || !strcmp(n, "False")) {
		v->kind = PYV_BOOL;
		v->b = n[0] == 'T';
	} else
		v->name = tx_canon(x, n);
	if (v->kind == PYV_REF && x->s[x->i] == '(') {
		x->i++;
		v->kind = PYV_CALL;
		tx_args(x, v);
	}
	return v;
}

static const struct pyv *tx_expr(struct tx *x)
{
	const struct pyv *v;
	char ch;

	tx_ws(x);
	ch = x->s[x->i];
	if (ch == '\'' || ch == '"' ||
	    (ch == 'r' && (x->s[x->i + 1] == '\'' || x->s[x->i + 1] == '"')))
		v = tx_string(x);
	else if ((ch >= '0' && ch <= '9') || ch == '-')
		v = tx_number(x);
	else if (str_isalpha(ch) || ch == '_')
		v = tx_name(x);
	else {
		x->bad = true;
		return tx_new(x, PYV_NONE);
	}
	/* method calls: T(...).with_variant(...) */
	while (x->s[x->i] == '.' && !x->bad) {
		x->i++;
		size_t st = x->i;
		while (str_isalnum(x->s[x->i]) || x->s[x->i] == '_')
			x->i++;
		struct pyv *m = tx_new(x, PYV_CALL);
		m->name = arena_strndup(x->a, x->s + st, x->i - st);
		m->receiver = v;
		if (x->s[x->i] != '(') {
			x->bad = true;
			break;
		}
		x->i++;
		tx_args(x, m);
		v = m;
	}
	return v;
}

/* The pyv of expression text s, or NULL on a syntax error (e.g. a repeated keyword). */
static const struct pyv *tx_parse(struct arena *a, const char *s)
{
	struct tx x = {.a = a, .s = s};
	const struct pyv *v = tx_expr(&x);

	tx_ws(&x);
	if (x.bad || x.s[x.i])
		return NULL;
	/* Python refuses a repeated keyword at compile time: leave that to the parser */
	if (v->kind == PYV_CALL)
		for (size_t i = 0; i < v->n_kw; i++)
			for (size_t j = 0; j < i; j++)
				if (!strcmp(v->kw[i].key, v->kw[j].key))
					return NULL;
	return v;
}

/* ---- the recorded cases ---- */

/* Expressions SQLAlchemy renders (or crashes on later) that we refuse when
 * the type is built, deliberately: a type argument of the wrong kind is an
 * error at its line:col, not garbage DDL (sa.String(1, 2, 3) renders
 * COLLATE "2"; sa.String('50') crashes compiling). */
static const char *const refused_on_purpose[] = {
	"sa.String(1, 2, 3)",
	"sa.Text(1, 2, 3)",
	"sa.VARCHAR(1, 2, 3)",
	"sa.CHAR(1, 2, 3)",
	"sa.TEXT(1, 2, 3)",
	"sa.CLOB(1, 2, 3)",
	"sa.String('50')",
	"mysql.ENUM('draft', 'published', name='status', native_enum=False)",
	"mysql.ENUM('draft', 'published', name='status', native_enum=False, create_constraint=True)",
	"mysql.ENUM('a', 'b', name='e', native_enum=False, length=20)",
	"mysql.ENUM('a', 'b', name='e', native_enum=False, length=1)",
};

/* Expressions whose repr we render differently on purpose: an int given for a
 * bool parameter (or the reverse) keeps only its truth value (sa.Float(10, 2)
 * is asdecimal=True; Python's repr shows asdecimal=2).  Their DDL is checked. */
static const char *const py_differs_on_purpose[] = {
	"sa.Numeric(10, 2, False, 4)",
	"sa.NUMERIC(10, 2, False, 4)",
	"sa.DECIMAL(10, 2, False, 4)",
	"sa.Float(10, 2)",
	"sa.FLOAT(10, 2)",
	"sa.REAL(10, 2)",
	"sa.ARRAY(sa.Integer, 3)",
};

static bool in_list(const char *const *list, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(list[i], s))
			return true;
	return false;
}

struct case_run {
	struct arena a;           /* per-case arena */
	char expr[4096];          /* the expression */
	const struct sch_type *t; /* its type, NULL when building failed */
	struct err e;             /* the build error */
	bool built;               /* built without error */
	bool skip;                /* not parseable by the test reader (Python syntax errors) */
	bool refused;             /* in refused_on_purpose */
	int failures;             /* mismatches seen */
	int checked;              /* lines compared */
};

static int case_fail(struct case_run *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static int case_fail(struct case_run *r, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "  %s: ", r->expr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	r->failures++;
	return 0;
}

static void case_start(struct case_run *r, const char *expr)
{
	arena_release(&r->a);
	snprintf(r->expr, sizeof(r->expr), "%s", expr);
	err_clear(&r->e);
	r->t = NULL;
	r->refused = false;
	for (size_t i = 0; i < sizeof(refused_on_purpose) / sizeof(refused_on_purpose[0]); i++)
		if (!strcmp(refused_on_purpose[i], expr))
			r->refused = true;
	const struct pyv *v = tx_parse(&r->a, expr);
	r->skip = !v;
	r->built = v && sch_type_from_pyv(&r->a, "t.py", v, &r->t, &r->e) == 0;
	if (r->refused && r->built)
		case_fail(r, "built, but listed as refused on purpose");
}

/* "error KIND: message": building must fail (TypeError/ValueError/ArgumentError with
 * the same text, except Python's object.__init__ wording for mysql keywords). */
static void case_error(struct case_run *r, const char *rec)
{
	r->checked++;
	if (r->skip)
		return;
	if (r->built)
		return (void)case_fail(r, "built, SQLAlchemy says %s", rec);
	const char *msg = strstr(rec, ": ");
	msg = msg ? msg + 2 : rec;
	bool exact = (!strncmp(rec, "TypeError", 9) || !strncmp(rec, "ValueError", 10) ||
		      !strncmp(rec, "ArgumentError", 13)) &&
		     !strstr(rec, "object() takes") && !strstr(rec, "has no len()");
	if (r->e.code != ERR_INPUT || r->e.line != 1 || r->e.col < 1)
		case_fail(r, "error code %d at %d:%d", r->e.code, r->e.line, r->e.col);
	if (exact && strcmp(r->e.msg, msg))
		case_fail(r, "error\n    got:  %s\n    want: %s", r->e.msg, msg);
}

/* "DIALECT DDL" or "DIALECT ! KIND: message". */
static void case_dialect(struct case_run *r, const char *dialect, const char *rec)
{
	struct buf out = BUF_INIT;
	struct err e;

	r->checked++;
	if (r->skip || r->refused)
		return;
	if (!r->built) {
		case_fail(r, "not built (%s), SQLAlchemy renders on %s: %s", r->e.msg, dialect,
			  rec);
		return;
	}
	err_clear(&e);
	int rc = sql_type_ddl(&r->a, dialect, r->t, &out, &e);
	if (rec[0] == '!') {
		const char *want = rec + 2;
		const char *msg = strstr(want, ": ") ? strstr(want, ": ") + 2 : want;
		if (rc == 0)
			case_fail(r, "%s: rendered [%s], SQLAlchemy fails: %s", dialect,
				  buf_cstr(&out), want);
		else if (!strncmp(want, "CompileError", 12) && strcmp(e.msg, msg))
			case_fail(r, "%s: error\n    got:  %s\n    want: %s", dialect, e.msg, msg);
		else if (!strncmp(want, "Unsupported", 11) && !strstr(e.msg, msg))
			case_fail(r, "%s: error\n    got:  %s\n    want: ...%s", dialect, e.msg,
				  msg);
	} else if (rc < 0) {
		case_fail(r, "%s: error %s, want [%s]", dialect, e.msg, rec);
	} else if (strcmp(buf_cstr(&out), rec)) {
		case_fail(r, "%s:\n    got:  [%s]\n    want: [%s]", dialect, buf_cstr(&out), rec);
	}
	buf_release(&out);
}

static const char *const case_dialects[] = {"sqlite", "postgresql", "mysql", "mariadb"};

/* What the case file recorded beside the DDL, per dialect. */
struct extras_rec {
	char check[4][512];     /* "NAME|- BODY" of a recorded CHECK, "" if none */
	char ctype[4][512];     /* the recorded CREATE TYPE statement, "" if none */
	bool rendered[4];       /* SQLAlchemy rendered the type's DDL on the dialect */
	char py[2][1024];       /* Alembic's rendering with the sqlite / postgresql impl */
	char pyimports[2][512]; /* the imports it added, sorted, ";"-joined */
};

static const char *const py_dialects[] = {"sqlite", "postgresql"};

/* Compares sch_type_render_py with the recorded renderings. */
static void case_py(struct case_run *r, const struct extras_rec *x)
{
	if (!r->built || r->skip || r->refused ||
	    in_list(py_differs_on_purpose,
		    sizeof(py_differs_on_purpose) / sizeof(py_differs_on_purpose[0]), r->expr))
		return;
	for (size_t i = 0; i < 2; i++) {
		struct buf got = BUF_INIT;
		struct strvec imps = {0};

		if (!x->py[i][0])
			continue;
		r->checked++;
		sch_type_render_py(&r->a, r->t, py_dialects[i], &got, &imps);
		strvec_sort(&imps);
		char *joined = strvec_join(&r->a, &imps, ";");
		if (strcmp(buf_cstr(&got), x->py[i]))
			case_fail(r, "py %s:\n    got:  [%s]\n    want: [%s]", py_dialects[i],
				  buf_cstr(&got), x->py[i]);
		if (strcmp(joined ? joined : "", x->pyimports[i]))
			case_fail(r, "py %s imports:\n    got:  [%s]\n    want: [%s]",
				  py_dialects[i], joined ? joined : "", x->pyimports[i]);
		buf_release(&got);
	}
}

static void case_py_line(struct extras_rec *x, const char *line, bool is_import)
{
	const char *d = line + (is_import ? 9 : 3);
	size_t i = !strncmp(d, "sqlite ", 7) ? 0 : 1;
	const char *rest = d + (i == 0 ? 7 : 11);

	if (!is_import) {
		snprintf(x->py[i], sizeof(x->py[i]), "%s", rest);
		return;
	}
	size_t len = strlen(x->pyimports[i]);
	snprintf(x->pyimports[i] + len, sizeof(x->pyimports[i]) - len, "%s%s", len ? ";" : "",
		 rest);
}

static int dialect_index(const char *d, size_t n)
{
	for (size_t i = 0; i < 4; i++)
		if (strlen(case_dialects[i]) == n && !strncmp(case_dialects[i], d, n))
			return (int)i;
	return -1;
}

/* Compares sch_type_extra / sch_type_check_sql with the recorded extras. */
static void case_extras(struct case_run *r, const struct extras_rec *x)
{
	if (!r->built || r->skip)
		return;
	for (size_t i = 0; i < 4; i++) {
		struct sch_type_extra ex;
		struct err e;
		struct buf got = BUF_INIT;

		err_clear(&e);
		if (!x->rendered[i])
			continue;
		r->checked++;
		if (sch_type_extra(r->t, case_dialects[i], &ex, &e) < 0) {
			if (x->check[i][0] || x->ctype[i][0])
				case_fail(r, "%s: extras failed: %s", case_dialects[i], e.msg);
			continue;
		}
		if (ex.has_check) {
			buf_addf(&got, "%s ", ex.check_name ? ex.check_name : "-");
			sch_type_check_sql(r->t, case_dialects[i], "x", &got);
		}
		if (strcmp(buf_cstr(&got), x->check[i]))
			case_fail(r, "%s: check\n    got:  [%s]\n    want: [%s]", case_dialects[i],
				  buf_cstr(&got), x->check[i]);
		buf_reset(&got);
		if (ex.create_type) {
			const struct sql_dialect *pg = sql_dialect_find("postgresql");
			buf_adds(&got, "CREATE TYPE ");
			if (ex.type_schema) {
				sql_quote_ident(pg, &got, ex.type_schema);
				buf_addch(&got, '.');
			}
			sql_quote_ident(pg, &got, ex.type_name);
			buf_adds(&got, " AS ENUM (");
			for (size_t k = 0; k < ex.n_values; k++) {
				buf_adds(&got, k ? ", " : "");
				sql_quote_literal(&got, ex.values[k]);
			}
			buf_addch(&got, ')');
		}
		if (strcmp(buf_cstr(&got), x->ctype[i]))
			case_fail(r, "%s: ctype\n    got:  [%s]\n    want: [%s]", case_dialects[i],
				  buf_cstr(&got), x->ctype[i]);
		buf_release(&got);
	}
}

/* Stores "check D REST" / "ctype D REST" into x. */
static void case_extra_line(struct extras_rec *x, const char *line, bool is_check)
{
	const char *d = line + 6;
	const char *sp = strchr(d, ' ');
	int di = sp ? dialect_index(d, (size_t)(sp - d)) : -1;

	if (di < 0)
		return;
	snprintf(is_check ? x->check[di] : x->ctype[di], 512, "%s", sp + 1);
}

static void case_line(struct case_run *r, struct extras_rec *x, const char *line)
{
	const char *sp = strchr(line, ' ');
	int di = sp ? dialect_index(line, (size_t)(sp - line)) : -1;

	if (!strncmp(line, "error ", 6))
		case_error(r, line + 6);
	else if (!strncmp(line, "py ", 3))
		case_py_line(x, line, false);
	else if (!strncmp(line, "pyimport ", 9))
		case_py_line(x, line, true);
	else if (!strncmp(line, "check ", 6))
		case_extra_line(x, line, true);
	else if (!strncmp(line, "ctype ", 6))
		case_extra_line(x, line, false);
	else if (di >= 0) {
		x->rendered[di] = sp[1] != '!';
		case_dialect(r, case_dialects[di], sp + 1);
	}
}

static void test_recorded_cases(void)
{
	const char *path = getenv("TYPE_CASES") ? getenv("TYPE_CASES") : "tests/cases/types.cases";
	FILE *f = fopen(path, "r");
	char line[4096];
	struct case_run r = {.a = ARENA_INIT};
	struct extras_rec x;
	int cases = 0;
	bool open = false;

	CHECK(f != NULL);
	if (!f)
		return;
	while (fgets(line, sizeof(line), f)) {
		line[strcspn(line, "\n")] = '\0';
		if (line[0] == '#' || !line[0])
			continue;
		if (!strncmp(line, "expr ", 5)) {
			if (open) {
				case_extras(&r, &x);
				case_py(&r, &x);
			}
			memset(&x, 0, sizeof(x));
			case_start(&r, line + 5);
			cases++;
			open = true;
			continue;
		}
		case_line(&r, &x, line);
	}
	if (open) {
		case_extras(&r, &x);
		case_py(&r, &x);
	}
	fclose(f);
	arena_release(&r.a);
	fprintf(stderr, "  %d cases, %d lines checked, %d mismatches\n", cases, r.checked,
		r.failures);
	CHECK(cases > 700);
	CHECK_INT(r.failures, 0);
}

/* Calls fn(rest, ctx) for every line of the case file starting with prefix;
 * fn returns 1 when the line counted as a mismatch.  Returns the number of
 * such lines (-1 if the file cannot be read); *bad gets the mismatches. */
static int each_case_line(const char *prefix, int (*fn)(char *rest, void *ctx), void *ctx, int *bad)
{
	const char *path = getenv("TYPE_CASES") ? getenv("TYPE_CASES") : "tests/cases/types.cases";
	FILE *f = fopen(path, "r");
	char line[4096];
	int n = 0;

	*bad = 0;
	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f)) {
		line[strcspn(line, "\n")] = '\0';
		if (strncmp(line, prefix, strlen(prefix)))
			continue;
		n++;
		*bad += fn(line + strlen(prefix), ctx);
	}
	fclose(f);
	return n;
}

/* ---- reflection: "reflect<TAB>DIALECT<TAB>TEXT<TAB>DDL<TAB>PYTHON" ---- */

static const char *const mood_labels[] = {"sad", "ok"};
static const char *const color_labels[] = {"red", "green"};
static const char *const mixed_labels[] = {"A"};
/* The enums record_types.py gives PostgreSQL's reflection. */
static const struct sch_enum_def test_enums[] = {
	{"public", "mood", true, mood_labels, 2},
	{"other", "color", false, color_labels, 2},
	{"public", "Mixed", true, mixed_labels, 1},
};

/* Reflections whose Python rendering differs on purpose: a collation that
 * SQLite's reflection reads as the int 3 is the string '3' here. */
static const char *const reflect_py_differs[] = {"VARCHAR(50, 3)"};

static int reflect_case(char *line, void *ctx)
{
	char *f[5] = {NULL};
	struct arena a = ARENA_INIT;
	const struct sch_type *t;
	struct err e;
	struct buf ddl = BUF_INIT, py = BUF_INIT;
	int bad = 0;

	(void)ctx;
	for (size_t i = 1; i < 5; i++) {
		f[i] = line;
		line = strchr(line, '\t');
		if (line)
			*line++ = '\0';
		else if (i < 4)
			return 1;
	}
	err_clear(&e);
	if (sch_type_from_sql(&a, f[1], f[2], test_enums, 3, &t, &e) < 0) {
		fprintf(stderr, "  reflect %s [%s]: %s\n", f[1], f[2], e.msg);
		arena_release(&a);
		return 1;
	}
	if (sql_type_ddl(&a, f[1], t, &ddl, &e) < 0)
		buf_addf(&ddl, "! CompileError: %s", e.msg);
	sch_type_render_py(&a, t, f[1], &py, NULL);
	if (strcmp(buf_cstr(&ddl), f[3]))
		bad++, fprintf(stderr, "  reflect %s [%s] ddl\n    got:  [%s]\n    want: [%s]\n",
			       f[1], f[2], buf_cstr(&ddl), f[3]);
	if (strcmp(buf_cstr(&py), f[4]) &&
	    !in_list(reflect_py_differs, sizeof(reflect_py_differs) / sizeof(reflect_py_differs[0]),
		     f[2]))
		bad++, fprintf(stderr, "  reflect %s [%s] py\n    got:  [%s]\n    want: [%s]\n",
			       f[1], f[2], buf_cstr(&py), f[4]);
	buf_release(&ddl);
	buf_release(&py);
	arena_release(&a);
	return bad;
}

static void test_reflection(void)
{
	int bad;
	int n = each_case_line("reflect\t", reflect_case, NULL, &bad);

	fprintf(stderr, "  %d reflected types, %d mismatches\n", n, bad);
	CHECK(n > 100);
	CHECK_INT(bad, 0);
}

/* ---- error paths and helpers ---- */

/* Builds expr; returns the error (code ERR_OK when it built). */
static struct err build(struct arena *a, const char *expr, const struct sch_type **t)
{
	struct err e;
	const struct pyv *v = tx_parse(a, expr);

	err_clear(&e);
	*t = NULL;
	if (!v) {
		e.code = ERR_USAGE; /* the test's reader could not read it */
		return e;
	}
	sch_type_from_pyv(a, "versions/x.py", v, t, &e);
	return e;
}

static void check_build_error(const char *expr, const char *msg, int col)
{
	struct arena a = ARENA_INIT;
	const struct sch_type *t;
	struct err e = build(&a, expr, &t);

	CHECK_INT(e.code, ERR_INPUT);
	CHECK_STR(e.msg, msg);
	CHECK_STR(e.file, "versions/x.py");
	CHECK_INT(e.line, 1);
	CHECK_INT(e.col, col);
	CHECK(t == NULL);
	arena_release(&a);
}

static void test_build_errors(void)
{
	check_build_error("sa.Foo()", "unknown column type 'sa.Foo'", 1);
	check_build_error(
		"postgresql.CITEXT",
		"postgresql.CITEXT is not in SQLAlchemy 1.4 (it came with 2.0); add such a "
		"column with op.execute(\"ALTER TABLE ... ADD COLUMN ... CITEXT\")",
		1);
	check_build_error("sa.TupleType()", "sa.TupleType is not a column type", 1);
	check_build_error("postgresql.Foo", "unknown column type 'postgresql.Foo'", 1);
	check_build_error("sa.String(lenght=5)",
			  "String() got an unexpected keyword argument 'lenght'", 18);
	check_build_error("sa.String(5, length=6)",
			  "String() got multiple values for argument 'length'", 21);
	check_build_error("sa.Integer(5)", "Integer() takes no arguments", 1);
	check_build_error("sa.Numeric(1, 2, 3, 4, 5)",
			  "Numeric() takes from 1 to 5 positional arguments but 6 were given", 1);
	check_build_error("mysql.TINYTEXT(30)",
			  "TINYTEXT() takes 1 positional argument but 2 were given", 1);
	check_build_error("sa.ARRAY()",
			  "ARRAY() missing 1 required positional argument: 'item_type'", 1);
	check_build_error("sa.ARRAY(sa.ARRAY(sa.Integer))",
			  "Do not nest ARRAY types; ARRAY(basetype) handles multi-dimensional "
			  "arrays of basetype",
			  10);
	check_build_error("sa.String('50')",
			  "String() argument 'length' must be an int or None, not str", 11);
	check_build_error("sa.String(-1)",
			  "String() argument 'length' must not be negative (got -1)", 11);
	check_build_error("sa.String(5, 7)",
			  "String() argument 'collation' must be a str or None, not int", 14);
	check_build_error(
		"sa.Boolean(create_constraint=sa.Integer)",
		"Boolean() argument 'create_constraint' must be True or False, not object", 30);
	check_build_error("sa.Enum(MyEnum)",
			  "Enum() of a Python enum class cannot be known without running Python; "
			  "list the values instead: Enum('a', 'b', name=...)",
			  9);
	check_build_error("sa.Enum('a', 5)", "Enum() values must be strings, not int", 14);
	check_build_error("sa.Enum('a', values_callable=f())",
			  "Enum(values_callable=...) needs Python to compute the values; list them "
			  "instead: Enum('a', 'b', name=...)",
			  30);
	check_build_error("sa.Enum('abc', native_enum=False, length=2)",
			  "When provided, length must be larger or equal than the length of the "
			  "longest enum value. 2 < 3",
			  1);
	check_build_error("mysql.DOUBLE(10)",
			  "You must specify both precision and scale or omit both altogether.", 1);
	check_build_error("'text'", "expected a column type, got a string", 1);
	check_build_error("sa.Integer().with_variant(sa.BigInteger)",
			  "TypeEngine.with_variant() missing 1 required positional argument: "
			  "'dialect_name'",
			  26);
	check_build_error("sa.Integer().with_variant(sa.Foo, 'sqlite')",
			  "unknown column type 'sa.Foo'", 27);
	check_build_error("sa.Integer().with_variant(sa.Text(), 'mysql')"
			  ".with_variant(sa.String(5), 'mysql')",
			  "Dialect 'mysql' is already present in the mapping for this Variant", 74);
	check_build_error("sa.Integer().with_variant(sa.BigInteger, 5)",
			  "with_variant() dialect_name must be a str, not int", 42);
}

static void check_ddl_error(const char *expr, const char *dialect, const char *msg)
{
	struct arena a = ARENA_INIT;
	const struct sch_type *t;
	struct err e = build(&a, expr, &t);
	struct buf out = BUF_INIT;

	CHECK_INT(e.code, ERR_OK);
	if (t) {
		CHECK_INT(sql_type_ddl(&a, dialect, t, &out, &e), -1);
		CHECK_INT(e.code, ERR_INPUT);
		CHECK_STR(e.msg, msg);
		CHECK_INT(e.line, 1);
		CHECK(e.col >= 1);
	}
	buf_release(&out);
	arena_release(&a);
}

static void test_ddl_errors(void)
{
	check_ddl_error("sa.String()", "mysql", "VARCHAR requires a length on dialect mysql");
	check_ddl_error("sa.Unicode()", "mariadb", "VARCHAR requires a length on dialect mysql");
	check_ddl_error("sa.NVARCHAR()", "mysql", "NVARCHAR requires a length on dialect mysql");
	check_ddl_error("sa.VARBINARY()", "mysql", "VARBINARY requires a length on dialect mysql");
	check_ddl_error("sa.Enum('a', 'b')", "postgresql", "PostgreSQL ENUM type requires a name.");
	check_ddl_error("postgresql.UUID()", "sqlite",
			"Compiler for dialect sqlite can't render element of type UUID");
	check_ddl_error("sa.ARRAY(sa.Integer)", "mysql",
			"Compiler for dialect mysql can't render element of type ARRAY");
	check_ddl_error("mysql.BIT()", "postgresql",
			"mysql.BIT cannot be rendered on dialect postgresql (SQLAlchemy 1.4 fails: "
			"'BIT' object has no attribute 'varying')");
	check_ddl_error("sa.Integer()", "oracle", "no type compiler for dialect 'oracle'");
	check_ddl_error("sa.ARRAY(postgresql.UUID())", "sqlite",
			"Compiler for dialect sqlite can't render element of type ARRAY");
}

static enum sch_int_kind int_kind_of(const char *expr, const char *dialect)
{
	struct arena a = ARENA_INIT;
	const struct sch_type *t;
	struct err e = build(&a, expr, &t);
	enum sch_int_kind k =
		e.code == ERR_OK ? sch_type_int_kind(t, dialect) : (enum sch_int_kind) - 1;

	arena_release(&a);
	return k;
}

static void test_int_kinds(void)
{
	CHECK_INT(int_kind_of("sa.Integer", "sqlite"), SCH_INT_PLAIN);
	CHECK_INT(int_kind_of("sa.INT()", "postgresql"), SCH_INT_PLAIN);
	CHECK_INT(int_kind_of("sa.BigInteger()", "postgresql"), SCH_INT_BIG);
	CHECK_INT(int_kind_of("sa.SMALLINT()", "postgresql"), SCH_INT_SMALL);
	CHECK_INT(int_kind_of("mysql.TINYINT(1)", "mysql"), SCH_INT_PLAIN);
	CHECK_INT(int_kind_of("mysql.BIGINT(unsigned=True)", "mysql"), SCH_INT_BIG);
	CHECK_INT(int_kind_of("sa.String(5)", "sqlite"), SCH_INT_NONE);
	CHECK_INT(int_kind_of("sa.Numeric(10, 0)", "sqlite"), SCH_INT_NONE);
	CHECK_INT(int_kind_of("sa.Integer().with_variant(sa.BigInteger(), 'sqlite')", "sqlite"),
		  SCH_INT_BIG);
	CHECK_INT(int_kind_of("sa.Integer().with_variant(sa.BigInteger(), 'sqlite')", "postgresql"),
		  SCH_INT_PLAIN);
	CHECK_INT(int_kind_of("sa.BigInteger().with_variant(sa.Integer(), 'mysql')", "mariadb"),
		  SCH_INT_PLAIN);
}

static void test_variants_and_fields(void)
{
	struct arena a = ARENA_INIT;
	const struct sch_type *t;
	struct err e = build(&a,
			     "sa.Text().with_variant(mysql.LONGTEXT(), 'mysql')"
			     ".with_variant(sa.String(5), 'mariadb')",
			     &t);

	CHECK_INT(e.code, ERR_OK);
	CHECK_INT(t->n_variants, 2);
	CHECK_STR(sch_type_for_dialect(t, "mysql")->name, "sqlalchemy.dialects.mysql.LONGTEXT");
	/* SQLAlchemy 1.4's MariaDB dialect is named "mysql": the mariadb variant never applies */
	CHECK_STR(sch_type_for_dialect(t, "mariadb")->name, "sqlalchemy.dialects.mysql.LONGTEXT");
	CHECK_STR(sch_type_for_dialect(t, "sqlite")->name, "sqlalchemy.Text");
	e = build(&a, "sa.Numeric(precision=10, scale=2, asdecimal=False)", &t);
	CHECK_INT(t->precision, 10);
	CHECK_INT(t->scale, 2);
	CHECK(!t->asdecimal);
	CHECK_INT(t->family, SCH_T_NUMERIC);
	e = build(&a, "sa.Float()", &t);
	CHECK(!t->asdecimal);
	CHECK_INT(t->precision, -1);
	e = build(&a, "sa.Enum('a', 'bbb', name='e', schema='s')", &t);
	CHECK_INT(t->n_values, 2);
	CHECK_STR(t->values[1], "bbb");
	CHECK_INT(t->length, 3);
	CHECK_STR(t->name_arg, "e");
	CHECK_STR(t->schema, "s");
	CHECK(t->native_enum && t->create_type);
	e = build(&a, "postgresql.ENUM('a', name='e', create_type=False)", &t);
	CHECK(!t->create_type);
	e = build(&a, "sqlmodel.sql.sqltypes.AutoString()", &t);
	CHECK_INT(t->family, SCH_T_STRING);
	CHECK_INT(t->length, -1);
	e = build(&a, "sa.Uuid()", &t);
	CHECK(t->as_uuid && t->native_uuid);
	CHECK_INT(t->family, SCH_T_UUID);
	CHECK(t->src != NULL && t->line == 1 && t->col == 1);
	arena_release(&a);
}

/* sch_type_enum_existing: the enum (also an ARRAY's item) as
 * postgresql.ENUM(..., create_type=False); not a non-native enum, a
 * variant, one already create_type=False, or MySQL's ENUM. */
static void test_enum_existing(void)
{
	struct arena a = ARENA_INIT;
	const struct sch_type *t, *n;
	struct sch_type_extra x;
	struct buf out = BUF_INIT;
	struct err e = build(&a, "sa.Enum('a', 'b', name='e', schema='s')", &t);

	n = sch_type_enum_existing(&a, t);
	CHECK(n && n != t && t->create_type && !n->create_type);
	CHECK_INT(sch_type_extra(n, "postgresql", &x, &e), 0);
	CHECK(!x.create_type);
	sch_type_render_py(&a, n, "postgresql", &out, NULL);
	CHECK_STR(buf_cstr(&out),
		  "postgresql.ENUM('a', 'b', name='e', schema='s', create_type=False)");
	buf_reset(&out);
	sch_type_render_py(&a, t, "postgresql", &out, NULL); /* the model's own is untouched */
	CHECK_STR(buf_cstr(&out), "sa.Enum('a', 'b', name='e', schema='s')");
	e = build(&a, "postgresql.ARRAY(postgresql.ENUM('a', name='e'))", &t);
	buf_reset(&out);
	sch_type_render_py(&a, sch_type_enum_existing(&a, t), "postgresql", &out, NULL);
	CHECK_STR(buf_cstr(&out),
		  "postgresql.ARRAY(postgresql.ENUM('a', name='e', create_type=False))");
	e = build(&a, "sa.Enum('a', name='e', native_enum=False)", &t);
	CHECK(!sch_type_enum_existing(&a, t));
	e = build(&a, "sa.Enum('a', name='e').with_variant(sa.String(), 'sqlite')", &t);
	CHECK(!sch_type_enum_existing(&a, t));
	e = build(&a, "postgresql.ENUM('a', name='e', create_type=False)", &t);
	CHECK(!sch_type_enum_existing(&a, t));
	e = build(&a, "mysql.ENUM('a')", &t);
	CHECK(!sch_type_enum_existing(&a, t) && !sch_type_enum_existing(&a, NULL));
	(void)e;
	buf_release(&out);
	arena_release(&a);
}

static void test_extras(void)
{
	struct arena a = ARENA_INIT;
	const struct sch_type *t;
	struct sch_type_extra x;
	struct err e = build(&a, "postgresql.ENUM('a', name='e', create_type=False)", &t);

	CHECK_INT(sch_type_extra(t, "postgresql", &x, &e), 0);
	CHECK(!x.create_type && !x.has_check);
	CHECK_INT(sch_type_extra(t, "mysql", &x, &e), 0);
	CHECK(!x.create_type_fails);
	/* postgresql.ENUM's CREATE TYPE reaches MySQL's compiler; sa.Enum's never does */
	e = build(&a, "postgresql.ENUM('a', name='e')", &t);
	CHECK_INT(sch_type_extra(t, "mysql", &x, &e), 0);
	CHECK(x.create_type_fails && !x.create_type);
	CHECK_INT(sch_type_extra(t, "mariadb", &x, &e), 0);
	CHECK(x.create_type_fails);
	CHECK_INT(sch_type_extra(t, "sqlite", &x, &e), 0);
	CHECK(!x.create_type_fails);
	CHECK_INT(sch_type_extra(t, "postgresql", &x, &e), 0);
	CHECK(!x.create_type_fails && x.create_type);
	e = build(&a, "sa.Enum('a', name='e')", &t);
	CHECK_INT(sch_type_extra(t, "mysql", &x, &e), 0);
	CHECK(!x.create_type_fails);
	e = build(&a, "sa.Enum('a', 'b')", &t);
	CHECK_INT(sch_type_extra(t, "postgresql", &x, &e), -1);
	CHECK_STR(e.msg, "PostgreSQL ENUM type requires a name.");
	CHECK_INT(sch_type_extra(t, "sqlite", &x, &e), 0);
	CHECK(!x.has_check);
	e = build(&a, "sa.ARRAY(sa.Enum('a', name='e', schema='s'))", &t);
	CHECK_INT(sch_type_extra(t, "postgresql", &x, &e), 0);
	CHECK(x.create_type);
	CHECK_STR(x.type_name, "e");
	CHECK_STR(x.type_schema, "s");
	e = build(&a, "sa.Enum('50%', 'b', name='e', native_enum=False, create_constraint=True)",
		  &t);
	CHECK_INT(sch_type_extra(t, "mysql", &x, &e), 0);
	CHECK(x.has_check && !x.check_is_bool && !x.create_type);
	CHECK_INT(x.n_values, 2);
	CHECK_STR(x.values[0], "50%");
	e = build(&a, "sa.Boolean(create_constraint=True, name='ck')", &t);
	CHECK_INT(sch_type_extra(t, "postgresql", &x, &e), 0);
	CHECK(!x.has_check);
	CHECK_INT(sch_type_extra(t, "mariadb", &x, &e), 0);
	CHECK(x.has_check && x.check_is_bool);
	CHECK_STR(x.check_name, "ck");
	arena_release(&a);
}

/* ---- the real front end: every case expression through src/py ---- */

/* The type pyv of expr as the Python front end evaluates it in a revision
 * (op.add_column('t', sa.Column('x', EXPR))), or NULL when it refuses it. */
static const struct pyv *eval_type(struct arena *a, const char *expr, struct err *e)
{
	char *text = arena_printf(a,
				  "import sqlalchemy as sa\n"
				  "from sqlalchemy.dialects import postgresql, mysql, sqlite\n"
				  "import sqlmodel\n"
				  "from alembic import op\n"
				  "def upgrade():\n"
				  "    op.add_column('t', sa.Column('x', %s))\n",
				  expr);
	struct py_module *m;
	struct py_body body;
	struct py_eval_ctx ctx = {.file = "x.py", .dialect = "postgresql"};

	if (py_parse_module(a, "x.py", text, strlen(text), &m, e) < 0 ||
	    py_eval_function(a, m, "upgrade", &ctx, &body, e) < 0 || body.n_ops != 1)
		return NULL;
	const struct pyv *call = body.ops[0].call;
	if (call->n < 2 || call->items[1]->kind != PYV_CALL || call->items[1]->n < 2)
		return NULL;
	return call->items[1]->items[1];
}

/* The DDL of t on every dialect, or its errors, as one string. */
static char *ddl_all(struct arena *a, const struct sch_type *t)
{
	struct buf all = BUF_INIT;

	for (size_t i = 0; i < 4; i++) {
		struct err e;
		err_clear(&e);
		buf_addf(&all, "%s: ", case_dialects[i]);
		if (sql_type_ddl(a, case_dialects[i], t, &all, &e) < 0)
			buf_addf(&all, "! %s", e.msg);
		buf_addch(&all, '\n');
	}
	char *s = buf_to_arena(&all, a);
	buf_release(&all);
	return s;
}

/* One case expression through the test reader and through the evaluator:
 * 1 when they disagree (the same DDL on every dialect, or both refuse). */
static int evaluator_case(char *expr, void *ctx)
{
	struct arena a = ARENA_INIT;
	const struct sch_type *t1, *t2 = NULL;
	struct err e1 = build(&a, expr, &t1), e2;
	int *skipped = ctx;

	err_clear(&e2);
	const struct pyv *v = eval_type(&a, expr, &e2);
	if (e1.code == ERR_USAGE) { /* not for the test reader: the evaluator must refuse */
		(*skipped)++;
		arena_release(&a);
		return v != NULL;
	}
	if (v && sch_type_from_pyv(&a, "x.py", v, &t2, &e2) < 0)
		t2 = NULL;
	bool ok = t1 ? t2 && !strcmp(ddl_all(&a, t1), ddl_all(&a, t2)) : !t2;
	if (!ok)
		fprintf(stderr, "  %s: reader %s, evaluator %s\n", expr, t1 ? "builds" : e1.msg,
			t2 ? "builds" : e2.msg);
	arena_release(&a);
	return !ok;
}

/* Every case expression gives the same type through the evaluator. */
static void test_cases_through_evaluator(void)
{
	int bad, skipped = 0;
	int n = each_case_line("expr ", evaluator_case, &skipped, &bad);

	fprintf(stderr, "  %d of %d expressions alike through the evaluator\n", n - skipped - bad,
		n - skipped);
	CHECK(n > 700);
	CHECK_INT(bad, 0);
}

static const struct unit_test tests[] = {
	UNIT(test_recorded_cases),      UNIT(test_cases_through_evaluator),
	UNIT(test_reflection),          UNIT(test_build_errors),
	UNIT(test_ddl_errors),          UNIT(test_int_kinds),
	UNIT(test_variants_and_fields), UNIT(test_extras),
	UNIT(test_enum_existing),       {0},
};

UNIT_MAIN(tests)
