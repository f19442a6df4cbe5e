/*
 * t_base.c - unit tests for src/base (arena, buf, str, vec, fs path helpers).
 */
#include "base/arena.h"
#include "base/buf.h"
#include "base/bug.h"
#include "base/err.h"
#include "base/fs.h"
#include "base/str.h"
#include "base/vec.h"
#include "unit.h"

#include <signal.h>

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
	sv.n = 0;
	str_split_blank(&a, " models/*.sql\n\tmore.sql  ", &sv);
	str_split_blank(&a, "", &sv);
	str_split_blank(&a, NULL, &sv);
	CHECK_STR(strvec_join(&a, &sv, "|"), "models/*.sql|more.sql");
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

/* The temporary file of an atomic write is created with O_EXCL | O_NOFOLLOW:
 * a symlink planted under the temp names (an attacker's, or a leftover) is
 * never followed, so its target is not truncated or overwritten. */
static void test_fs_write_excl(void)
{
	struct arena a = ARENA_INIT;
	struct err e;
	char dir[] = "/tmp/t_base.XXXXXX";
	char *victim, *path, *data;
	size_t len;

	CHECK(mkdtemp(dir) != NULL);
	victim = fs_join(&a, dir, "victim");
	path = fs_join(&a, dir, "out.txt");
	CHECK(fs_write_file(victim, "keep", 4, false, &e) == 0);
	CHECK(symlink(victim, arena_printf(&a, "%s.tmp-%ld", path, (long)getpid())) == 0);
	CHECK(symlink(victim, arena_printf(&a, "%s.tmp-%ld-0", path, (long)getpid())) == 0);
	CHECK(fs_write_file(path, "new", 3, false, &e) == 0);
	CHECK(fs_read_file(&a, victim, &data, &len, &e) == 0);
	CHECK_STR(data, "keep");
	CHECK(fs_read_file(&a, path, &data, &len, &e) == 0);
	CHECK_STR(data, "new");
	CHECK(fs_write_file(path, "x", 1, true, &e) == -1 && e.code == ERR_IO);
	CHECK(system(arena_printf(&a, "rm -rf '%s'", dir)) == 0);
	arena_release(&a);
}

/* BUG() names the file, line and function, then aborts. */
static void test_bug(void)
{
	int fds[2], status;
	char out[512] = "", want[256];
	ssize_t n;
	pid_t pid;
	int line;

	CHECK(pipe(fds) == 0);
	pid = fork();
	/* the BUG() call and the expected line are on one line (so not reformatted) */
	/* clang-format off */
	line = __LINE__; if (pid == 0) { dup2(fds[1], 2); BUG("graph lane %d", 7); }
	/* clang-format on */
	close(fds[1]);
	for (size_t got = 0; (n = read(fds[0], out + got, sizeof(out) - 1 - got)) > 0;)
		got += (size_t)n; /* stderr is unbuffered: several writes */
	close(fds[0]);
	CHECK(waitpid(pid, &status, 0) == pid);
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT);
	snprintf(want, sizeof(want), "alembic: BUG: tests/unit/t_base.c:%d: test_bug: graph lane 7",
		 line);
	CHECK(strstr(out, want) != NULL);
}

static const struct unit_test tests[] = {
	UNIT(test_arena_strings), UNIT(test_buf),   UNIT(test_str),
	UNIT(test_vec),           UNIT(test_paths), UNIT(test_err),
	UNIT(test_fs_write_excl), UNIT(test_bug),   {0},
};

UNIT_MAIN(tests)
