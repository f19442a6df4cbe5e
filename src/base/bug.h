/*
 * bug.h - invariant checks (SQLite's assert / the kernel's BUG()).
 *
 * BUG(fmt, ...) states that the program reached a state its own logic rules
 * out (not a user's input, not a database's answer: those are struct err).
 * It prints "alembic: BUG: file:line: function: message" on stderr and
 * aborts, so a broken invariant stops the run before it writes anything
 * wrong, and a sanitizer or core dump shows where.  BUG_ON(cond) is
 * BUG("cond") when cond holds.  Both are active in every build (the checks
 * are cheap and guard a database); the one other abort is out of memory.
 */
#ifndef BASE_BUG_H
#define BASE_BUG_H

_Noreturn void bug_fail(const char *file, int line, const char *func, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

#define BUG(...) bug_fail(__FILE__, __LINE__, __func__, __VA_ARGS__)
#define BUG_ON(cond)                                                                               \
	do {                                                                                       \
		if (cond)                                                                          \
			BUG("invariant broken: %s", #cond);                                        \
	} while (0)

#endif
