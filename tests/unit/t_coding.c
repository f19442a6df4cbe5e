/*
 * t_coding.c - PEP 263 coding declarations (src/script/coding.c): where the
 * declaration may be, Python's name normalisation and aliases, decoding of
 * the single-byte codecs to UTF-8 (checked against bytes Python's codecs
 * produce), and the refusals (unknown codec named, BOM with a non-utf-8
 * declaration, undefined byte).
 */
#include "base/arena.h"
#include "base/err.h"
#include "script/coding.h"
#include "script/script.h"
#include "unit.h"

static const char *dec(struct arena *a, const char *text, struct err *e)
{
	const char *out;
	size_t n;

	err_clear(e);
	if (coding_decode(a, "r.py", text, strlen(text), &out, &n, e) < 0)
		return NULL;
	return out;
}

static void test_coding_where(void)
{
	struct arena a = ARENA_INIT;
	struct err e;
	const char *t;

	/* first line, second line after a shebang or blank line, not after code */
	CHECK_STR(dec(&a, "# -*- coding: latin-1 -*-\nx = '\xe9'\n", &e),
		  "# -*- coding: latin-1 -*-\nx = '\xc3\xa9'\n");
	CHECK_STR(dec(&a, "#!/usr/bin/env python\n# vim: set fileencoding=iso-8859-15 :\n'\xa4'\n",
		      &e),
		  "#!/usr/bin/env python\n# vim: set fileencoding=iso-8859-15 :\n'\xe2\x82\xac'\n");
	CHECK_STR(dec(&a, "\n# coding=cp1252\n'\x80'", &e), "\n# coding=cp1252\n'\xe2\x82\xac'");
	t = "x = 1\n# coding: latin-1\n'\xe9'\n"; /* not a declaration: stays as is (bad UTF-8 later) */
	CHECK(dec(&a, t, &e) == t);
	t = "# no declaration\n'\xc3\xa9'\n";
	CHECK(dec(&a, t, &e) == t);
	t = "# coding: utf-8\n'\xc3\xa9'\n";
	CHECK(dec(&a, t, &e) == t);
	t = "\xef\xbb\xbf# coding: utf8\n'\xc3\xa9'\n";
	CHECK(dec(&a, t, &e) == t);
	arena_release(&a);
}

static void test_coding_names(void)
{
	struct arena a = ARENA_INIT;
	struct err e;

	/* Python's aliases and normalisation (lower case, '_'/'-', latin-1 family) */
	CHECK_STR(dec(&a, "# coding: Latin1\n\xe9", &e), "# coding: Latin1\n\xc3\xa9");
	CHECK_STR(dec(&a, "# coding: ISO_8859_1\n\xe9", &e), "# coding: ISO_8859_1\n\xc3\xa9");
	CHECK_STR(dec(&a, "# coding: iso-latin-1-unix\n\xe9", &e),
		  "# coding: iso-latin-1-unix\n\xc3\xa9");
	CHECK_STR(dec(&a, "# coding: windows-1252\n\x93", &e),
		  "# coding: windows-1252\n\xe2\x80\x9c");
	CHECK_STR(dec(&a, "# coding: cp1250\n\x8a", &e), "# coding: cp1250\n\xc5\xa0");
	CHECK_STR(dec(&a, "# coding: koi8-r\n\xf0", &e), "# coding: koi8-r\n\xd0\x9f");
	CHECK_STR(dec(&a, "# coding: latin9\n\xa4", &e), "# coding: latin9\n\xe2\x82\xac");
	arena_release(&a);
}

static void test_coding_refusals(void)
{
	struct arena a = ARENA_INIT;
	struct err e;

	CHECK(dec(&a, "# coding: big5\nx", &e) == NULL);
	CHECK_INT(e.code, ERR_INPUT);
	CHECK(strstr(e.msg, "big5") != NULL);
	CHECK_INT(e.line, 1);
	CHECK(dec(&a, "#!x\n# coding: nosuch\nx", &e) == NULL);
	CHECK(strstr(e.msg, "unknown or unsupported encoding: nosuch") != NULL);
	CHECK_INT(e.line, 2);
	CHECK(dec(&a, "\xef\xbb\xbf# coding: latin-1\nx", &e) == NULL);
	CHECK_STR(e.msg, "encoding problem: iso-8859-1 with BOM");
	CHECK(dec(&a, "# coding: cp1252\n\n'\x81'", &e) == NULL);
	CHECK_INT(e.line, 3);
	CHECK(strstr(e.msg, "'cp1252' codec can't decode byte 0x81") != NULL);
	arena_release(&a);
}

/* A revision file read end to end: the docstring decoded (show/history print it). */
static void test_coding_revision(void)
{
	struct arena a = ARENA_INIT;
	struct script *s;
	struct err e;
	const char *text = "# -*- coding: latin-1 -*-\n\"\"\"caf\xe9 cr\xe8me\n\nRevision ID: aaa\n"
			   "\"\"\"\nrevision = 'aaa'\ndown_revision = None\n";

	CHECK_INT(script_parse(&a, "/v", "aaa_x.py", text, strlen(text), &s, &e), 0);
	CHECK_STR(s->doc, "caf\xc3\xa9 cr\xc3\xa8me");
	CHECK_STR(s->id, "aaa");
	arena_release(&a);
}

static const struct unit_test tests[] = {
	UNIT(test_coding_where),
	UNIT(test_coding_names),
	UNIT(test_coding_refusals),
	UNIT(test_coding_revision),
	{0},
};

UNIT_MAIN(tests)
