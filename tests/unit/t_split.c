/*
 * t_split.c - unit tests for the SQL statement splitter (src/db/split.c):
 * every quoting form, comments, trigger bodies, line numbers, errors.
 */
#include "db/db.h"
#include "unit.h"

static struct split_stmt *split(struct arena *a, const char *dialect, const char *text, size_t *n)
{
	struct split_stmt *st = NULL;
	struct err e;

	if (split_sql(a, text, 1, split_opts_for(dialect), &st, n, &e) < 0) {
		fprintf(stderr, "  split failed: %s\n", e.msg);
		*n = (size_t)-1;
	}
	return st;
}

static void test_split_basic(void)
{
	struct arena a = ARENA_INIT;
	size_t n;
	struct split_stmt *st = split(&a, "sqlite",
				      "CREATE TABLE t (a int);\n\n"
				      "-- a comment; with a semicolon\n"
				      "INSERT INTO t VALUES (1);;\n"
				      "  /* block; */ UPDATE t SET a = 2 -- trailing; comment\n",
				      &n);
	CHECK_INT(n, 3);
	CHECK_STR(st[0].sql, "CREATE TABLE t (a int)");
	CHECK_INT(st[0].line, 1);
	CHECK_STR(st[1].sql, "INSERT INTO t VALUES (1)");
	CHECK_INT(st[1].line, 4);
	CHECK_STR(st[2].sql, "UPDATE t SET a = 2");
	CHECK_INT(st[2].line, 5);
	st = split(&a, "sqlite", "  \n-- only a comment\n", &n);
	CHECK_INT(n, 0);
	arena_release(&a);
}

static void test_split_quotes(void)
{
	struct arena a = ARENA_INIT;
	size_t n;
	struct split_stmt *st =
		split(&a, "postgresql",
		      "INSERT INTO \"we;ird\" VALUES ('a;b', 'it''s;', E'x\\';y');\n"
		      "SELECT $$ a; b $$, $fn$ $$; $fn$, $1;\n"
		      "SELECT 'multi\nline;'; SELECT 2",
		      &n);
	CHECK_INT(n, 4);
	CHECK_STR(st[0].sql, "INSERT INTO \"we;ird\" VALUES ('a;b', 'it''s;', E'x\\';y')");
	CHECK_STR(st[1].sql, "SELECT $$ a; b $$, $fn$ $$; $fn$, $1");
	CHECK_INT(st[1].line, 2);
	CHECK_STR(st[2].sql, "SELECT 'multi\nline;'");
	CHECK_INT(st[3].line, 4);
	CHECK_STR(st[3].sql, "SELECT 2");
	st = split(&a, "mysql", "INSERT INTO t VALUES ('it\\'s; \\\\', \"a\\\";\"); SELECT `a;b`",
		   &n);
	CHECK_INT(n, 2);
	CHECK_STR(st[0].sql, "INSERT INTO t VALUES ('it\\'s; \\\\', \"a\\\";\")");
	st = split(&a, "sqlite", "SELECT [a;b], `c;d` FROM t; SELECT 'x\\'", &n);
	CHECK_INT(n, 2);
	CHECK_STR(st[0].sql, "SELECT [a;b], `c;d` FROM t");
	CHECK_STR(st[1].sql, "SELECT 'x\\'");
	arena_release(&a);
}

static void test_split_comments(void)
{
	struct arena a = ARENA_INIT;
	size_t n;
	struct split_stmt *st = split(&a, "postgresql",
				      "/* outer /* inner; */ still; */ SELECT 1; /* x */\n"
				      "SELECT 2 /* ; */ + 3;",
				      &n);
	CHECK_INT(n, 2);
	CHECK_STR(st[0].sql, "SELECT 1");
	CHECK_STR(st[1].sql, "SELECT 2 /* ; */ + 3");
	CHECK_INT(st[1].line, 2);
	/* not nested on SQLite: the first end marker closes the comment */
	st = split(&a, "sqlite", "/* a /* b */ SELECT 1;", &n);
	CHECK_INT(n, 1);
	CHECK_STR(st[0].sql, "SELECT 1");
	arena_release(&a);
}

static void test_split_trigger(void)
{
	struct arena a = ARENA_INIT;
	size_t n;
	struct split_stmt *st =
		split(&a, "sqlite",
		      "CREATE TRIGGER trg AFTER INSERT ON t\nBEGIN\n"
		      "  UPDATE t SET a = CASE WHEN a > 1 THEN 1 ELSE 0 END;\n"
		      "  INSERT INTO log VALUES (new.a);\nEND;\n"
		      "CREATE TABLE begin_end (trigger int, begin int, case_ int);\n"
		      "CREATE TEMP TRIGGER IF NOT EXISTS t2 BEFORE DELETE ON t BEGIN "
		      "SELECT 1; END",
		      &n);
	CHECK_INT(n, 3);
	CHECK(n == 3 && !strncmp(st[0].sql, "CREATE TRIGGER trg", 18));
	CHECK(n == 3 && str_endswith(st[0].sql, "VALUES (new.a);\nEND"));
	CHECK(n == 3 &&
	      !strcmp(st[1].sql, "CREATE TABLE begin_end (trigger int, begin int, case_ int)"));
	CHECK(n == 3 && st[1].line == 6);
	CHECK(n == 3 && str_endswith(st[2].sql, "SELECT 1; END"));
	st = split(&a, "postgresql",
		   "BEGIN;\nCREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; "
		   "SELECT 2; END;\nCOMMIT;",
		   &n);
	CHECK_INT(n, 3);
	CHECK(n == 3 && !strcmp(st[0].sql, "BEGIN"));
	CHECK(n == 3 && str_endswith(st[1].sql, "SELECT 2; END"));
	CHECK(n == 3 && !strcmp(st[2].sql, "COMMIT"));
	arena_release(&a);
}

static void test_split_autocommit(void)
{
	struct arena a = ARENA_INIT;
	size_t n;
	struct split_stmt *st = split(&a, "postgresql",
				      "CREATE TABLE t (a int);\n-- migrate:autocommit\n"
				      "CREATE INDEX CONCURRENTLY i ON t (a);\n"
				      "ALTER TYPE e ADD VALUE 'x';\n-- migrate:end-autocommit\n"
				      "DROP TABLE u;\n",
				      &n);
	CHECK_INT(n, 4);
	CHECK(n == 4 && !st[0].autocommit && st[1].autocommit && st[2].autocommit &&
	      !st[3].autocommit);
	arena_release(&a);
}

static void test_split_errors(void)
{
	struct arena a = ARENA_INIT;
	struct split_stmt *st;
	size_t n;
	struct err e;

	CHECK(split_sql(&a, "SELECT 1;\nSELECT 'abc\n\n", 10, split_opts_for("sqlite"), &st, &n,
			&e) == -1);
	CHECK_INT(e.code, ERR_INPUT);
	CHECK_INT(e.line, 11);
	CHECK_STR(e.msg, "unterminated string starting on line 11");
	CHECK(split_sql(&a, "SELECT $x$ abc", 1, split_opts_for("postgresql"), &st, &n, &e) == -1);
	CHECK_STR(e.msg, "unterminated dollar-quoted string starting on line 1");
	CHECK(split_sql(&a, "\n/* abc", 1, split_opts_for("postgresql"), &st, &n, &e) == -1);
	CHECK_STR(e.msg, "unterminated comment starting on line 2");
	CHECK(split_sql(&a, "SELECT \"x", 1, split_opts_for("postgresql"), &st, &n, &e) == -1);
	CHECK_STR(e.msg, "unterminated quoted identifier starting on line 1");
	/* $ alone and $1 are not quotes */
	CHECK(split_sql(&a, "SELECT $1, a$b, $", 1, split_opts_for("postgresql"), &st, &n, &e) ==
	      0);
	CHECK_INT(n, 1);
	arena_release(&a);
}

static const struct unit_test tests[] = {
	UNIT(test_split_basic),
	UNIT(test_split_quotes),
	UNIT(test_split_comments),
	UNIT(test_split_trigger),
	UNIT(test_split_autocommit),
	UNIT(test_split_errors),
	{0},
};

UNIT_MAIN(tests)
