/*
 * t_url.c - unit tests for src/db/url.c and the quoting/scrub helpers of
 * src/db/db.c.  Expected strings were produced by SQLAlchemy 1.4's
 * make_url() and alembic.util.obfuscate_url_pw().
 */
#include "db/db.h"
#include "unit.h"

static void test_url_postgres_forms(void)
{
	struct arena a = ARENA_INIT;
	struct db_url u;
	struct err e;

	CHECK(url_parse(&a, "postgresql+psycopg2://us%40er:p%40ss%2Fw@h:5432/db?sslmode=require",
			&u, &e) == 0);
	CHECK_STR(u.drivername, "postgresql+psycopg2");
	CHECK_STR(u.dialect, "postgresql");
	CHECK_STR(u.username, "us@er");
	CHECK_STR(u.password, "p@ss/w");
	CHECK_STR(u.host, "h");
	CHECK_INT(u.port, 5432);
	CHECK_STR(u.database, "db");
	CHECK_STR(url_param(&u, "sslmode"), "require");

	CHECK(url_parse(&a, "postgresql://u@/db?host=/var/run/postgresql", &u, &e) == 0);
	CHECK_STR(u.username, "u");
	CHECK(u.password == NULL && u.host == NULL);
	CHECK_STR(url_param(&u, "host"), "/var/run/postgresql");

	CHECK(url_parse(&a, "postgresql://u@%2Fvar%2Frun/db", &u, &e) == 0);
	CHECK_STR(u.host, "%2Fvar%2Frun");
	CHECK_STR(u.host_unquoted, "/var/run");

	CHECK(url_parse(&a, "postgresql://a:b@[::1]:5/d", &u, &e) == 0);
	CHECK_STR(u.host, "::1");
	CHECK_INT(u.port, 5);

	CHECK(url_parse(&a, "postgresql://u:p@x@h/d", &u, &e) == 0);
	CHECK_STR(u.password, "p");
	CHECK_STR(u.host, "x@h");
	CHECK(url_parse(&a, "postgresql://u:p:q@h/d", &u, &e) == 0);
	CHECK_STR(u.password, "p:q");
	arena_release(&a);
}

static void test_url_sqlite_forms(void)
{
	struct arena a = ARENA_INIT;
	struct db_url u;
	struct err e;

	CHECK(url_parse(&a, "sqlite:///test.db", &u, &e) == 0);
	CHECK_STR(u.database, "test.db");
	CHECK(u.host == NULL);
	CHECK(url_parse(&a, "sqlite:////abs/x.db", &u, &e) == 0);
	CHECK_STR(u.database, "/abs/x.db");
	CHECK(url_parse(&a, "sqlite://", &u, &e) == 0);
	CHECK(u.database == NULL);
	CHECK(url_parse(&a, "sqlite:///:memory:", &u, &e) == 0);
	CHECK_STR(u.database, ":memory:");
	arena_release(&a);
}

static void test_url_errors(void)
{
	struct arena a = ARENA_INIT;
	struct db_url u;
	struct err e;

	CHECK(url_parse(&a, "not a url", &u, &e) == -1);
	CHECK_INT(e.code, ERR_INPUT);
	CHECK_STR(e.msg, "Could not parse SQLAlchemy URL from string 'not a url'");
	CHECK(url_parse(&a, "postgresql://u:pw@h:port/d", &u, &e) == -1);
	CHECK(strstr(e.msg, "pw") == NULL);
	CHECK(url_parse(&a, "postgresql://u:sekrit@[::1]x/d", &u, &e) == -1);
	CHECK(strstr(e.msg, "sekrit") == NULL);
	arena_release(&a);
}

static void test_url_mask(void)
{
	struct arena a = ARENA_INIT;

	CHECK_STR(url_mask(&a, "postgresql://root:pw@localhost/ar_p2"),
		  "postgresql://root:XXXXX@localhost/ar_p2");
	CHECK_STR(url_mask(&a, "postgresql+psycopg2://us%40er:p%40ss%2Fw@h:5432/db?"
			       "sslmode=require&application_name=x y"),
		  "postgresql+psycopg2://us%40er:XXXXX@h:5432/db?application_name=x+y&sslmode=require");
	CHECK_STR(url_mask(&a, "postgresql://u@/db?host=/var/run/postgresql"),
		  "postgresql://u@/db?host=%2Fvar%2Frun%2Fpostgresql");
	CHECK_STR(url_mask(&a, "sqlite:///test.db"), "sqlite:///test.db");
	CHECK_STR(url_mask(&a, "sqlite:////abs/x.db"), "sqlite:////abs/x.db");
	CHECK_STR(url_mask(&a, "sqlite://"), "sqlite://");
	CHECK_STR(url_mask(&a, "postgresql://u:@h/db"), "postgresql://u:@h/db");
	CHECK_STR(url_mask(&a, "postgresql://a:b@[::1]:5/d"), "postgresql://a:XXXXX@[::1]:5/d");
	CHECK_STR(url_mask(&a, "postgresql://u:p@%2Ftmp/db"), "postgresql://u:XXXXX@%2Ftmp/db");
	CHECK_STR(url_mask(&a, "postgresql://u:p@h/d?a=1&a=2"), "postgresql://u:XXXXX@h/d?a=1&a=2");
	CHECK_STR(url_mask(&a, "postgresql://u:p:q@h/d"), "postgresql://u:XXXXX@h/d");
	CHECK_STR(url_mask(&a, "postgresql://u:p@x@h/d"), "postgresql://u:XXXXX@x@h/d");
	CHECK_STR(url_mask(&a, "weird stuff://u:secret@h"), "weird stuff://u:XXXXX@h");
	CHECK_STR(url_mask(&a, "no url here"), "no url here");
	arena_release(&a);
}

static void test_quoting(void)
{
	const struct sql_dialect *pg = sql_dialect_find("postgresql");
	const struct sql_dialect *lite = sql_dialect_find("sqlite");
	struct buf b = BUF_INIT;

	CHECK(pg && lite && sql_dialect_find("postgres") == pg && !sql_dialect_find("nosuch"));
	sql_quote_ident(pg, &b, "alembic_version");
	buf_addch(&b, ' ');
	sql_quote_ident(pg, &b, "My_versions");
	buf_addch(&b, ' ');
	sql_quote_ident(pg, &b, "user");
	buf_addch(&b, ' ');
	sql_quote_ident(lite, &b, "index");
	buf_addch(&b, ' ');
	sql_quote_ident(pg, &b, "index");
	buf_addch(&b, ' ');
	sql_quote_ident(pg, &b, "a\"b");
	buf_addch(&b, ' ');
	sql_quote_literal(&b, "x'y");
	CHECK_STR(buf_cstr(&b), "alembic_version \"My_versions\" \"user\" \"index\" index "
				"\"a\"\"b\" 'x''y'");
	buf_release(&b);
}

static void test_scrub(void)
{
	char msg[64] = "auth failed for u:s3cret pw@h (s3cret%20pw)";

	db_scrub(msg, sizeof(msg), "s3cret pw");
	CHECK_STR(msg, "auth failed for u:XXXXX@h (XXXXX)");
	char small[12] = "ab pw cd";
	db_scrub(small, sizeof(small), "pw");
	CHECK_STR(small, "ab XXXXX cd");
	char tiny[8] = "a pw bc";
	db_scrub(tiny, sizeof(tiny), "pw");
	CHECK_STR(tiny, "a XXXXX");
	char x[20] = "XX X";
	db_scrub(x, sizeof(x), "X");
	CHECK_STR(x, "XXXXXXXXXX XXXXX");
}

static const struct unit_test tests[] = {
	UNIT(test_url_postgres_forms),
	UNIT(test_url_sqlite_forms),
	UNIT(test_url_errors),
	UNIT(test_url_mask),
	UNIT(test_quoting),
	UNIT(test_scrub),
	{0},
};

UNIT_MAIN(tests)
