/*
 * unit.h - a tiny unit-test runner (header only).  Each t_*.c file lists its
 * tests in a table and ends with UNIT_MAIN(table).  Every test runs in a
 * forked child, so a crash or sanitizer abort is one failure, not the end of
 * the run.  The last line printed is "unit <file>: N passed, N failed".
 *
 *	static void test_thing(void) { CHECK(1 + 1 == 2); CHECK_STR("a", "a"); }
 *	static const struct unit_test tests[] = { UNIT(test_thing), {0} };
 *	UNIT_MAIN(tests)
 *
 * A test fails when any CHECK fails (the child exits 1) or when it crashes.
 * argv[1], if given, runs only the tests whose name contains it.
 */
#ifndef TESTS_UNIT_H
#define TESTS_UNIT_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

struct unit_test {
	const char *name; /* function name */
	void (*fn)(void); /* the test */
};

#define UNIT(fn)                                                                                   \
	{                                                                                          \
#fn, fn                                                                            \
	}

static int unit_failures;

#define CHECK(cond)                                                                                \
	do {                                                                                       \
		if (!(cond)) {                                                                     \
			fprintf(stderr, "  %s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
			unit_failures++;                                                           \
		}                                                                                  \
	} while (0)

#define CHECK_STR(got, want)                                                                       \
	do {                                                                                       \
		const char *g_ = (got), *w_ = (want);                                              \
		if (!g_ || !w_ || strcmp(g_, w_)) {                                                \
			fprintf(stderr,                                                            \
				"  %s:%d: CHECK_STR failed: %s\n    got:  [%s]\n    want: [%s]\n", \
				__FILE__, __LINE__, #got, g_ ? g_ : "(null)", w_ ? w_ : "(null)"); \
			unit_failures++;                                                           \
		}                                                                                  \
	} while (0)

#define CHECK_INT(got, want)                                                                       \
	do {                                                                                       \
		long long g_ = (long long)(got), w_ = (long long)(want);                           \
		if (g_ != w_) {                                                                    \
			fprintf(stderr, "  %s:%d: CHECK_INT failed: %s: got %lld, want %lld\n",    \
				__FILE__, __LINE__, #got, g_, w_);                                 \
			unit_failures++;                                                           \
		}                                                                                  \
	} while (0)

static int unit_run(const struct unit_test *tests, const char *file, int argc, char **argv)
{
	int passed = 0, failed = 0;

	for (const struct unit_test *t = tests; t->name; t++) {
		pid_t pid;
		int status = 0;

		if (argc > 1 && !strstr(t->name, argv[1]))
			continue;
		fflush(stdout);
		fflush(stderr);
		pid = fork();
		if (pid == 0) {
			t->fn();
			fflush(stdout);
			_exit(unit_failures ? 1 : 0);
		}
		if (pid < 0 || waitpid(pid, &status, 0) < 0) {
			perror("fork");
			return 2;
		}
		if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
			passed++;
		} else {
			failed++;
			if (WIFSIGNALED(status))
				fprintf(stderr, "FAIL %s (signal %d)\n", t->name, WTERMSIG(status));
			else
				fprintf(stderr, "FAIL %s\n", t->name);
		}
	}
	printf("unit %s: %d passed, %d failed\n", file, passed, failed);
	return failed ? 1 : 0;
}

#define UNIT_MAIN(tests)                                                                           \
	int main(int argc, char **argv)                                                            \
	{                                                                                          \
		return unit_run(tests, __FILE__, argc, argv);                                      \
	}

#endif
