/*
 * t_pyparse.c - unit tests for src/script/pyparse.c: string literal forms,
 * values, docstrings, upgrade()/downgrade() bodies and refusals, errors with
 * line and column.  Fixtures: tests/fixtures/scripts/py/ (run from the top
 * of the tree, as tests/run does).
 */
#include "base/arena.h"
#include "base/err.h"
#include "base/fs.h"
#include "script/pyparse.h"
#include "unit.h"

#define FIX "tests/fixtures/scripts/py/"

static int parse_text(struct arena *a, const char *text, struct pyparse_result *r, struct err *e)
{
	err_clear(e);
	return pyparse_module(a, "t.py", text, strlen(text), r, e);
}

static int parse_file(struct arena *a, const char *path, struct pyparse_result *r, struct err *e)
{
	char *text;
	size_t len;

	err_clear(e);
	if (fs_read_file(a, path, &text, &len, e))
		return -1;
	return pyparse_module(a, path, text, len, r, e);
}

static void test_string_forms(void)
{
	struct arena a = ARENA_INIT;
	struct pyparse_result r;
	struct err e;

	CHECK_INT(parse_file(&a, FIX "strings.py", &r, &e), 0);
	CHECK_STR(r.doc, "Raw docstring with \\n kept\n\nRevision ID: s1\n");
	CHECK_INT(r.revision.kind, PYVAL_STR);
	CHECK_STR(r.revision.items.v[0], "s1");
	CHECK_INT(r.revision.line, 10);
	CHECK_INT(r.down_revision.kind, PYVAL_SEQ);
	CHECK_INT(r.down_revision.items.n, 7);
	if (r.down_revision.items.n == 7) {
		CHECK_STR(r.down_revision.items.v[0], "a1");
		CHECK_STR(r.down_revision.items.v[1], "a2b");
		CHECK_STR(r.down_revision.items.v[2], "a\\3");
		CHECK_STR(r.down_revision.items.v[3], "t\nq");
		CHECK_STR(r.down_revision.items.v[4], "x\ty");
		CHECK_STR(r.down_revision.items.v[5], "A\303\251\360\237\230\200A'\"\\");
		CHECK_STR(r.down_revision.items.v[6], "bsnl");
	}
	CHECK_INT(r.branch_labels.kind, PYVAL_SEQ);
	CHECK_INT(r.branch_labels.items.n, 1);
	CHECK_INT(r.depends_on.kind, PYVAL_STR);
	CHECK_STR(r.depends_on.items.v[0], "pq");
	CHECK(!r.upgrade.present && !r.downgrade.present);
	arena_release(&a);
}

static void test_typed_and_bodies(void)
{
	struct arena a = ARENA_INIT;
	struct pyparse_result r;
	struct err e;

	CHECK_INT(parse_file(&a, FIX "typed_list.py", &r, &e), 0);
	CHECK_STR(r.revision.items.v[0], "t1");
	CHECK_INT(r.down_revision.kind, PYVAL_SEQ);
	CHECK_INT(r.down_revision.items.n, 2);
	CHECK_INT(r.branch_labels.kind, PYVAL_SEQ);
	CHECK_INT(r.branch_labels.items.n, 2);
	CHECK_INT(r.depends_on.kind, PYVAL_STR); /* ('only') is a parenthesised string */
	CHECK_STR(r.depends_on.items.v[0], "only");
	CHECK(r.upgrade.present);
	CHECK(r.upgrade.refusal == NULL);
	CHECK_INT(r.upgrade.n_stmts, 5);
	if (r.upgrade.n_stmts == 5) {
		CHECK_STR(r.upgrade.stmts[0].sql, "CREATE TABLE t (id INTEGER)");
		CHECK_INT(r.upgrade.stmts[0].line, 16);
		CHECK_STR(r.upgrade.stmts[1].sql, "INSERT INTO t VALUES (1)");
		CHECK_STR(r.upgrade.stmts[2].sql, "\n        UPDATE t SET id = 2\n    ");
		CHECK_INT(r.upgrade.stmts[2].line, 18);
		CHECK_STR(r.upgrade.stmts[3].sql, "SELECT 1");
		CHECK_STR(r.upgrade.stmts[4].sql, "SELECT 2");
		CHECK_INT(r.upgrade.stmts[4].line, 21);
	}
	CHECK(r.downgrade.present);
	CHECK_STR(r.downgrade.refusal,
		  "op.create_table is not supported by the native runtime yet");
	CHECK_INT(r.downgrade.refusal_line, 28);
	arena_release(&a);
}

static void test_refusals(void)
{
	struct arena a = ARENA_INIT;
	struct pyparse_result r;
	struct err e;

	CHECK_INT(parse_file(&a, FIX "refusals.py", &r, &e), 0);
	CHECK_STR(r.doc, "refusals");
	CHECK_INT(r.down_revision.kind, PYVAL_NONE);
	CHECK(r.upgrade.present);
	CHECK_STR(r.upgrade.refusal, "op.execute with an argument other than a string literal is "
				     "not supported by the native runtime yet");
	CHECK_INT(r.upgrade.refusal_line, 6);
	CHECK_STR(r.downgrade.refusal,
		  "'for' statement is not supported by the native runtime yet");
	CHECK_INT(r.downgrade.refusal_line, 8);

	CHECK_INT(parse_text(&a,
			     "revision='a'\ndown_revision=None\n@dec\ndef upgrade():\n  pass\n"
			     "def downgrade(x):\n  pass\n",
			     &r, &e),
		  0);
	CHECK_STR(r.upgrade.refusal,
		  "a decorated upgrade() is not supported by the native runtime yet");
	CHECK_STR(r.downgrade.refusal,
		  "downgrade() with parameters is not supported by the native runtime yet");
	CHECK_INT(parse_text(&a, "revision='a'\ndown_revision=None\ndef upgrade():\n  x = 1\n", &r,
			     &e),
		  0);
	CHECK_STR(r.upgrade.refusal,
		  "the statement starting with 'x' is not supported by the native runtime yet");
	/* a statement spread over lines, implicit concatenation, comments between */
	CHECK_INT(parse_text(&a,
			     "revision='a'\ndown_revision=None\ndef upgrade():\n    op.execute(\n"
			     "        \"CREATE TABLE a (\"  # part one\n        'id int)'\n    )\n"
			     "    op . execute ( 'SELECT 1' )\n",
			     &r, &e),
		  0);
	CHECK_INT(r.upgrade.n_stmts, 2);
	if (r.upgrade.n_stmts == 2) {
		CHECK_STR(r.upgrade.stmts[0].sql, "CREATE TABLE a (id int)");
		CHECK_INT(r.upgrade.stmts[0].line, 4);
		CHECK_STR(r.upgrade.stmts[1].sql, "SELECT 1");
		CHECK_INT(r.upgrade.stmts[1].line, 8);
	}
	/* an empty body (pass, docstring and comments only) runs nothing */
	CHECK_INT(parse_text(&a,
			     "revision='a'\ndown_revision=None\ndef upgrade() -> None:\n"
			     "    '''doc'''\n    # c\n    pass\n",
			     &r, &e),
		  0);
	CHECK(r.upgrade.present && !r.upgrade.refusal && r.upgrade.n_stmts == 0);
	arena_release(&a);
}

static void test_docstrings(void)
{
	struct arena a = ARENA_INIT;
	struct pyparse_result r;
	struct err e;

	CHECK_INT(parse_file(&a, FIX "nodoc.py", &r, &e), 0);
	CHECK(r.doc == NULL);
	CHECK_INT(r.down_revision.kind, PYVAL_STR);
	CHECK_INT(r.branch_labels.kind, PYVAL_NONE);
	CHECK_INT(r.depends_on.kind, PYVAL_ABSENT);
	CHECK_INT(parse_text(&a, "u'one' \"two\"\nrevision='x'\n", &r, &e), 0);
	CHECK_STR(r.doc, "onetwo");
	CHECK_INT(parse_text(&a, "b'bytes'\nrevision='x'\n", &r, &e), 0);
	CHECK(r.doc == NULL);
	CHECK_INT(parse_text(&a, "\xef\xbb\xbf'''bom'''\r\nrevision = 'x'\r\n", &r, &e), 0);
	CHECK_STR(r.doc, "bom");
	CHECK_STR(r.revision.items.v[0], "x");
	/* CRLF and CR sources read as LF inside strings, as Python reads them */
	CHECK_INT(parse_text(&a, "\"\"\"a\r\nb\rc\\\r\nd\"\"\"\r\nrevision = r'''x\r\ny'''\r\n", &r,
			     &e),
		  0);
	CHECK_STR(r.doc, "a\nb\ncd");
	CHECK_STR(r.revision.items.v[0], "x\ny");
	CHECK_INT(parse_text(&a, "f'''{x}'''\nrevision='x'\n", &r, &e), 0);
	CHECK(r.doc == NULL);
	arena_release(&a);
}

static void test_values(void)
{
	struct arena a = ARENA_INIT;
	struct pyparse_result r;
	struct err e;

	CHECK_INT(parse_text(&a,
			     "revision = 'a'  # c\nrevision = 'b'\ndown_revision = ()\n"
			     "branch_labels = ('x',)\ndepends_on = [\n  'd1',\n  'd2',\n]\n",
			     &r, &e),
		  0);
	CHECK_STR(r.revision.items.v[0], "b"); /* the last assignment wins */
	CHECK_INT(r.down_revision.kind, PYVAL_SEQ);
	CHECK_INT(r.down_revision.items.n, 0);
	CHECK_INT(r.branch_labels.kind, PYVAL_SEQ);
	CHECK_INT(r.depends_on.items.n, 2);
	/* other statements, nested blocks and look-alikes are skipped */
	CHECK_INT(parse_text(&a,
			     "if TYPE_CHECKING:\n    revision = 1\nclass C:\n    revision = 2\n"
			     "revision = 'ok'; x = {'a': [1, 2]}\nrevision.upper()\n"
			     "down_revision: Union[str, None] = None\nlabels = 3\n",
			     &r, &e),
		  0);
	CHECK_STR(r.revision.items.v[0], "ok");
	CHECK_INT(r.down_revision.kind, PYVAL_NONE);
	CHECK_INT(parse_text(&a, "revision = 'a'\ndown_revision = b'x'\n", &r, &e), -1);
	CHECK_INT(e.code, ERR_INPUT);
	CHECK_INT(e.line, 2);
	CHECK_INT(parse_text(&a, "revision = 'a' + 'b'\n", &r, &e), -1);
	CHECK_INT(e.line, 1);
	CHECK_INT(e.col, 16);
	arena_release(&a);
}

static void test_escapes(void)
{
	struct arena a = ARENA_INIT;
	struct pyparse_result r;
	struct err e;

	CHECK_INT(parse_text(&a, "revision = '\\a\\b\\f\\n\\r\\t\\v\\q\\x7e\\u20ac\\101\\7'\n", &r,
			     &e),
		  0);
	CHECK_STR(r.revision.items.v[0], "\a\b\f\n\r\t\v\\q~\342\202\254A\a");
	CHECK_INT(parse_text(&a, "revision = '\\ud800'\n", &r, &e), -1);
	CHECK_INT(e.code, ERR_INPUT);
	CHECK_INT(parse_text(&a, "revision = r'\\'' \n", &r, &e), 0);
	CHECK_STR(r.revision.items.v[0], "\\'");
	arena_release(&a);
}

static void test_fstrings(void)
{
	struct arena a = ARENA_INIT;
	struct pyparse_result r;
	struct err e;

	/* f-strings are skipped whole, nested quotes (PEP 701) and format specs included */
	CHECK_INT(parse_text(&a,
			     "x = f\"{d[\"k\"]!r:>{w}} {{lit}} {f'{y:'^3}'}\"\n"
			     "z = rf'''{a\n+ b}'''\nrevision = 'ok'\n",
			     &r, &e),
		  0);
	CHECK_STR(r.revision.items.v[0], "ok");
	/* a backslash does not protect braces: rf'\{{' is a backslash and an escaped brace */
	CHECK_INT(parse_text(&a, "x = (rf'(\\{{%)({y})', f'\\{z}')\nrevision = 'ok'\n", &r, &e), 0);
	CHECK_INT(parse_text(&a, "x = f'{a'\nrevision = 'x'\n", &r, &e), -1);
	CHECK_INT(e.code, ERR_INPUT);
	CHECK_INT(e.line, 1);
	CHECK_INT(e.col, 5);
	arena_release(&a);
}

static void test_nul_escape(void)
{
	struct arena a = ARENA_INIT;
	struct pyparse_result r;
	struct err e;

	/* a NUL cannot be part of a C string value: refused, not truncated */
	CHECK_INT(parse_text(&a, "revision = 'a\\0b'\n", &r, &e), -1);
	CHECK_INT(e.code, ERR_INPUT);
	CHECK_INT(parse_text(&a, "revision = 'a\\x00b'\n", &r, &e), -1);
	CHECK_INT(e.col, 12);
	arena_release(&a);
}

static void test_strip(void)
{
	struct arena a = ARENA_INIT;

	CHECK_STR(pyparse_strip(&a, " \t\n x y \x1c\xc2\xa0\xe3\x80\x80", 14), "x y");
	CHECK_STR(pyparse_strip(&a, "\xc2\xa0", 2), "");
	CHECK_STR(pyparse_strip(&a, "\xc3\xa9", 2), "\xc3\xa9");
	arena_release(&a);
}

static const struct unit_test tests[] = {
	UNIT(test_string_forms), UNIT(test_typed_and_bodies),
	UNIT(test_refusals),     UNIT(test_docstrings),
	UNIT(test_values),       UNIT(test_escapes),
	UNIT(test_fstrings),     UNIT(test_nul_escape),
	UNIT(test_strip),        {0},
};

UNIT_MAIN(tests)
