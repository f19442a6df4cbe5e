/*
 * t_base.c - unit tests for src/base (arena, buf, str, vec, fs path helpers).
 */
#include "base/arena.h"
#include "base/buf.h"
#include "base/err.h"
#include "base/fs.h"
#include "base/str.h"
#include "base/vec.h"
#include "unit.h"

static void test_arena_strings(void)
{
	struct arena a = ARENA_INIT;
	char *s = arena_printf(&a, "%s-%d", "x", 42);
	CHECK_STR(s, "x-42");
	CHECK_STR(arena_strndup(&a, "abcdef", 3), "abc");
	for (int i = 0; i < 10000; i++)
		CHECK(arena_alloc(&a, 100) != NULL);
	arena_release(&a);
}

static void test_buf(void)
{
	struct buf b = BUF_INIT;
	CHECK_STR(buf_cstr(&b), "");
	buf_adds(&b, "hello");
	buf_addch(&b, ' ');
	buf_addf(&b, "%d", 7);
	CHECK_STR(buf_cstr(&b), "hello 7");
	buf_truncate(&b, 2);
	CHECK_STR(buf_cstr(&b), "he");
	buf_release(&b);
}

static void test_str(void)
{
	struct arena a = ARENA_INIT;
	long v;
	CHECK_STR(str_strip(&a, "  a b \n"), "a b");
	CHECK(str_to_long("-12", &v) == 0 && v == -12);
	CHECK(str_to_long("12x", &v) == -1);
	CHECK(str_to_long("", &v) == -1);
	CHECK(str_to_long("99999999999999999999999", &v) == -1);
	CHECK(str_to_bool("Yes") == 1 && str_to_bool("off") == 0 && str_to_bool("maybe") == -1);
	CHECK(str_valid_utf8("\xc3\xbc", 2));
	CHECK(!str_valid_utf8("\xc3", 1));
	CHECK(!str_valid_utf8("\xed\xa0\x80", 3));
	arena_release(&a);
}

static void test_vec(void)
{
	struct arena a = ARENA_INIT;
	struct strvec sv = STRVEC_INIT;
	strvec_push(&a, &sv, "b");
	strvec_push(&a, &sv, "a");
	CHECK(!strvec_push_unique(&a, &sv, "a"));
	strvec_sort(&sv);
	CHECK_STR(strvec_join(&a, &sv, ", "), "a, b");
	arena_release(&a);
}

static void test_paths(void)
{
	struct arena a = ARENA_INIT;
	CHECK_STR(fs_normpath(&a, "/a//b/./c/../d/"), "/a/b/d");
	CHECK_STR(fs_normpath(&a, "../x/.."), "..");
	CHECK_STR(fs_normpath(&a, ""), ".");
	CHECK_STR(fs_dirname(&a, "/a/b/c.py"), "/a/b");
	CHECK_STR(fs_basename("/a/b/c.py"), "c.py");
	CHECK_STR(fs_join(&a, "/a/", "b"), "/a/b");
	arena_release(&a);
}

static void test_err(void)
{
	struct err e;
	CHECK(err_at(&e, ERR_INPUT, "f.py", 3, "bad %s", "thing") == -1);
	CHECK_INT(e.code, ERR_INPUT);
	CHECK_STR(e.msg, "bad thing");
	CHECK_STR(e.file, "f.py");
	err_resolution(&e, ERR_RESOLUTION, "abc", NULL);
	CHECK_STR(e.msg, "Can't locate revision identified by 'abc'");
}

static const struct unit_test tests[] = {
	UNIT(test_arena_strings), UNIT(test_buf), UNIT(test_str), UNIT(test_vec),
	UNIT(test_paths), UNIT(test_err), {0},
};

UNIT_MAIN(tests)
