/*
 * t_url.c - unit tests for src/db/url.c, mask.c and the quoting helpers of
 * src/db/db.c, and sql_dialect_description.  Expected strings were produced by
 * SQLAlchemy 1.4's make_url() and alembic.util.obfuscate_url_pw().
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
	CHECK_STR(
		url_mask(&a, "postgresql+psycopg2://us%40er:p%40ss%2Fw@h:5432/db?"
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
	CHECK_STR(url_mask(&a, "postgresql://u:p@x@h/d"), "postgresql://u:XXXXX@h/d");
	CHECK_STR(url_mask(&a, "weird stuff://u:secret@h"), "weird stuff://u:XXXXX@h");
	/* fuzz_url finds (fuzz/corpus/url/ambiguous_at_*): with several '@' everything up to
	 * the last is masked and what follows it is kept, even where it repeats the password's
	 * letters: the password is never past the last '@' under either reading */
	CHECK_STR(url_mask(&a, "postgresql://user:secwor@hos?x/y@hosq:secworalql"),
		  "postgresql://user:XXXXX@hosq:secworalql");
	CHECK_STR(url_mask(&a, "pql://user:secretword@host?a=b&c@h?d&dbsecretwordx"),
		  "pql://user:XXXXX@h?d&dbsecretwordx");
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

/* dialect.dialect_description as SQLAlchemy 1.4 gives it for these URLs
 * (make_url(u).get_dialect()().dialect_description). */
static void test_dialect_description(void)
{
	static const char *const cases[][2] = {
		{"sqlite", "sqlite+pysqlite"},
		{"postgresql", "postgresql+psycopg2"},
		{"postgresql+psycopg2", "postgresql+psycopg2"},
		{"postgresql+pg8000", "postgresql+pg8000"},
		{"mysql", "mysql+mysqldb"},
		{"mariadb", "mariadb+mysqldb"},
		{"mssql", "mssql+pyodbc"},
		{"oracle", "oracle+cx_oracle"},
	};
	struct arena a = ARENA_INIT;

	for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
		struct db_url u;
		struct err e = {0};
		const char *url = arena_printf(&a, "%s://", cases[k][0]);
		CHECK_INT(url_parse(&a, url, &u, &e), 0);
		CHECK_STR(sql_dialect_description(&a, sql_dialect_find(u.dialect), u.drivername),
			  cases[k][1]);
	}
	CHECK_STR(sql_dialect_description(&a, sql_dialect_find("postgres"), NULL),
		  "postgresql+psycopg2");
	arena_release(&a);
}

/* Masking by structure (issue 11 items 4, 5): where a password sits, never a
 * search for its text, so messages that contain the password's letters stay
 * intact. */
static void test_mask(void)
{
	struct arena a = ARENA_INIT;
	struct err e;

	/* server messages: untouched, whatever the password */
	CHECK_STR(db_mask_text(&a, "connection to server at \"localhost\" (127.0.0.1), port 5 "
				   "failed: FATAL:  password authentication failed for user \"a\""),
		  "connection to server at \"localhost\" (127.0.0.1), port 5 failed: FATAL:  "
		  "password authentication failed for user \"a\"");
	/* URLs in text: userinfo up to the last '@' of the word */
	CHECK_STR(db_mask_text(&a, "see postgresql://u:p@ss@h/db now"),
		  "see postgresql://u:XXXXX@h/db now");
	CHECK_STR(db_mask_text(&a, "'postgresql://u:a@h'"), "'postgresql://u:XXXXX@h'");
	CHECK_STR(db_mask_text(&a, "postgresql://u@h/db"), "postgresql://u@h/db");
	CHECK_STR(db_mask_text(&a, "http://h:80/x"), "http://h:80/x");
	/* conninfo and query keywords */
	CHECK_STR(db_mask_text(&a, "host=h password=a dbname=d"), "host=h password=XXXXX dbname=d");
	CHECK_STR(db_mask_text(&a, "password = 'a b\\'c' port=1"), "password = XXXXX port=1");
	CHECK_STR(db_mask_text(&a, "x://h/d?sslpassword=k&password=q&a=1"),
		  "x://h/d?sslpassword=XXXXX&password=XXXXX&a=1");
	CHECK_STR(db_mask_text(&a, "mypassword=1 password: x"), "mypassword=1 password: x");
	/* in place over an error, detail too */
	err_set(&e, ERR_DB, "bad conninfo \"user=u password=s3cret\"");
	snprintf(e.detail, sizeof(e.detail), "DETAIL:  postgresql://u:%%40@h");
	db_mask_err(&e);
	CHECK_STR(e.msg, "bad conninfo \"user=u password=XXXXX\"");
	CHECK_STR(e.detail, "DETAIL:  postgresql://u:XXXXX@h");
	/* URLs printed by the CLI: query passwords, ambiguous '@' */
	CHECK_STR(url_mask(&a, "postgresql://root@h/db?password=a"),
		  "postgresql://root@h/db?password=XXXXX");
	CHECK_STR(url_mask(&a, "postgresql://u:p@ss%w#rd/:?x@h:5/db"),
		  "postgresql://u:XXXXX@h:5/db");
	CHECK(url_ambiguous_at("postgresql://u:p@x@h/d"));
	CHECK(!url_ambiguous_at("postgresql://u:p%40x@h/d"));
	CHECK(!url_ambiguous_at("postgresql://u@x@h/d"));
	CHECK(!url_ambiguous_at("sqlite:///a@b.db"));
	arena_release(&a);
}

static const struct unit_test tests[] = {
	UNIT(test_url_postgres_forms),
	UNIT(test_url_sqlite_forms),
	UNIT(test_url_errors),
	UNIT(test_url_mask),
	UNIT(test_quoting),
	UNIT(test_dialect_description),
	UNIT(test_mask),
	{0},
};

UNIT_MAIN(tests)
